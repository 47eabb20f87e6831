// What Tactful knows about the apps support teams write in: one adapter per
// product, as data. Finding editors is the same everywhere (editors.js:
// every focused textarea or contenteditable, in iframes and open shadow
// roots); an adapter only adds what cannot be guessed from the DOM alone:
//  - audience: who a new editor's reply is usually for. IT service desks
//    answer colleagues ("internal": plain words, but colleagues share the
//    workplace), customer helpdesks and webmail answer customers. The
//    user's own choice for a site (remembered per site) always wins.
//  - quotes: blocks the app writes into its editor that the user did not
//    write (the earlier message, the signature); never flagged. The generic
//    mail-client markers in text-model.js apply on every site as well.
//  - threadStart: the app's reply header: it and everything after it in the
//    editor is the quoted thread.
//  - notes: internal-note editors (or an ancestor that marks the note
//    mode). Colleagues read them, so they are checked as "internal", or not
//    at all where the organization says so (policy checkInternalNotes).
//  - skip: editable fields that are not messages; Tactful leaves them alone.
// Selectors are matched on the editor and its ancestors, across shadow
// roots and out of same-origin iframes (editors.js closestAcross).
// docs/sites.md lists the table, the fixture that tests each product and
// which selectors are modelled rather than taken from the app's own HTML.
/** @typedef {'customer' | 'internal' | 'technical'} Audience */
/**
 * @typedef {{
 *   product: string,
 *   domains: string[],
 *   audience?: Audience,
 *   quotes?: string[],
 *   threadStart?: string[],
 *   notes?: string[],
 *   skip?: string[],
 * }} SiteAdapter
 */

/** @type {ReadonlyArray<SiteAdapter>} */
export const SITE_ADAPTERS = [
  {
    product: 'Gmail',
    domains: ['mail.google.com'],
    audience: 'customer',
    quotes: ['.gmail_quote_container'],
  },
  {
    product: 'Outlook on the web',
    domains: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
    audience: 'customer',
    quotes: ['#Signature', '[id$="_Signature"]', '#ms-outlook-mobile-signature'],
    threadStart: ['#mail-editor-reference-message-container'],
  },
  {
    product: 'Zendesk',
    domains: ['zendesk.com'],
    audience: 'customer',
    notes: ['[data-test-id="omnicomposer-internal-note"]'],
  },
  {
    product: 'Freshdesk',
    domains: ['freshdesk.com'],
    audience: 'customer',
    quotes: ['.freshdesk_quote'],
    notes: ['.private-note'],
  },
  {
    product: 'Help Scout',
    domains: ['helpscout.net'],
    audience: 'customer',
    notes: ['.c-note-editor'],
  },
  {
    product: 'Intercom',
    domains: ['intercom.com'],
    audience: 'customer',
    notes: ['[data-intercom-target="composer-note"]'],
  },
  {
    product: 'ServiceNow',
    domains: ['service-now.com', 'servicenowservices.com'],
    audience: 'internal',
    notes: ['#activity-stream-work_notes-textarea', '[data-stream-text-input="work_notes"]', '[id$=".work_notes"]',
      '[id$=".work_notes_ifr"]'],
  },
  {
    product: 'Jira Service Management',
    domains: ['atlassian.net'],
    audience: 'internal',
    notes: ['[data-testid="issue-comment-base.ui.comment.internal-note-editor"]'],
    skip: ['[data-testid="issue.views.field.rich-text.description"]'],
  },
  {
    product: 'Salesforce Service Cloud',
    domains: ['lightning.force.com', 'my.salesforce.com'],
    audience: 'customer',
    notes: ['[data-target-selection-name="sfdc:CaseComment"]'],
  },
  { product: 'Freshservice', domains: ['freshservice.com'], audience: 'internal' },
  { product: 'ServiceDesk Plus', domains: ['sdpondemand.manageengine.com'], audience: 'internal' },
  { product: 'TOPdesk', domains: ['topdesk.net'], audience: 'internal' },
];

/** Any other site: only the generic quote markers, and the user's own audience. @type {SiteAdapter} */
export const GENERIC_ADAPTER = { product: 'any other site', domains: [] };

/**
 * The adapter for a hostname; the generic one for a site the table does
 * not know. A domain matches as a run of whole labels, so
 * "acme.service-now.com" matches "service-now.com", and so does the same
 * host behind a rewriting proxy that appends its own suffix
 * ("acme.service-now.com.mcas.ms"); "notservice-now.com" does not.
 * @param {string} hostname
 * @returns {SiteAdapter}
 */
export function siteAdapter(hostname) {
  const labels = `.${hostname.toLowerCase()}.`;
  return SITE_ADAPTERS.find(({ domains }) => domains.some((d) => labels.includes(`.${d}.`))) ?? GENERIC_ADAPTER;
}
