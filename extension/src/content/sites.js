// Which reader a site's replies usually go to, so a new editor starts with
// the right audience: IT service desks answer colleagues ("internal": plain
// words, but colleagues share the workplace), customer helpdesks and webmail
// answer customers. The user's own choice for a site (remembered per site)
// always wins over this table.
/** @typedef {'customer' | 'internal' | 'technical'} Audience */

/** @type {ReadonlyArray<{domain: string, product: string, audience: Audience}>} */
export const SITE_AUDIENCES = [
  { domain: 'service-now.com', product: 'ServiceNow', audience: 'internal' },
  { domain: 'servicenowservices.com', product: 'ServiceNow (government cloud)', audience: 'internal' },
  { domain: 'atlassian.net', product: 'Jira Service Management', audience: 'internal' },
  { domain: 'freshservice.com', product: 'Freshservice', audience: 'internal' },
  { domain: 'sdpondemand.manageengine.com', product: 'ServiceDesk Plus', audience: 'internal' },
  { domain: 'topdesk.net', product: 'TOPdesk', audience: 'internal' },
  { domain: 'mail.google.com', product: 'Gmail', audience: 'customer' },
  { domain: 'zendesk.com', product: 'Zendesk', audience: 'customer' },
  { domain: 'freshdesk.com', product: 'Freshdesk', audience: 'customer' },
  { domain: 'helpscout.net', product: 'Help Scout', audience: 'customer' },
  { domain: 'intercom.com', product: 'Intercom', audience: 'customer' },
  { domain: 'lightning.force.com', product: 'Salesforce Service Cloud', audience: 'customer' },
  { domain: 'outlook.office.com', product: 'Outlook on the web', audience: 'customer' },
  { domain: 'outlook.live.com', product: 'Outlook.com', audience: 'customer' },
];

/**
 * The table's audience for a hostname, or null. A domain matches as a run of
 * whole labels, so "acme.service-now.com" matches "service-now.com", and so
 * does the same host behind a rewriting proxy that appends its own suffix
 * ("acme.service-now.com.mcas.ms"); "notservice-now.com" does not.
 * @param {string} hostname
 * @returns {Audience | null}
 */
export function siteAudience(hostname) {
  const labels = `.${hostname.toLowerCase()}.`;
  const entry = SITE_AUDIENCES.find(({ domain }) => labels.includes(`.${domain}.`));
  return entry?.audience ?? null;
}
