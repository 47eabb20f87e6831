// The site adapter table (extension/src/content/sites.js) without a
// browser: which host gets which adapter, and that every entry is data the
// content script can use as it is.
import { GENERIC_ADAPTER, SITE_ADAPTERS, siteAdapter } from '../extension/src/content/sites.js';
import { assert, assertEqual } from './lib/harness.mjs';

/** Hosts of each product the issue names, as their customers reach them. */
export const PRODUCT_HOSTS = /** @type {Record<string, string[]>} */ ({
  Gmail: ['mail.google.com'],
  'Outlook on the web': ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
  Zendesk: ['acme.zendesk.com', 'ACME.Zendesk.com'],
  Freshdesk: ['acme.freshdesk.com'],
  'Help Scout': ['secure.helpscout.net'],
  Intercom: ['app.intercom.com'],
  ServiceNow: ['acme.service-now.com', 'acme.servicenowservices.com'],
  'Jira Service Management': ['acme.atlassian.net'],
  'Salesforce Service Cloud': ['acme.lightning.force.com', 'acme.my.salesforce.com'],
});

const siteAudience = (/** @type {string} */ host) => siteAdapter(host).audience ?? null;

/** @type {Array<[string, () => void]>} */
export const SITE_CHECKS = [
  ['sites: each product\'s hosts get its adapter, also behind a proxy that appends its own suffix', () => {
    for (const [product, hosts] of Object.entries(PRODUCT_HOSTS)) {
      for (const host of hosts) {
        assertEqual(siteAdapter(host).product, product, host);
        assertEqual(siteAdapter(`${host}.mcas.ms`).product, product, `${host}.mcas.ms`);
      }
    }
  }],

  ['sites: look-alike and unknown hosts get the generic adapter, with no audience of its own', () => {
    for (const host of [
      'notzendesk.com', 'acme-zendesk.com', 'zendesk.co', 'mail.google.co', 'google.com', 'gmail.com',
      'notservice-now.com', 'service-now.co', 'force.com', 'salesforce.com', 'atlassian.com', 'outlook.com',
      'help.example.com', 'localhost', '127.0.0.1', '',
    ]) {
      assertEqual(siteAdapter(host), GENERIC_ADAPTER, host);
      assertEqual(siteAudience(host), null, `${host}: audience`);
    }
  }],

  ['sites: service desks answer colleagues, helpdesks and webmail customers', () => {
    assertEqual(siteAudience('acme.service-now.com'), 'internal', 'ServiceNow');
    assertEqual(siteAudience('acme.atlassian.net'), 'internal', 'Jira Service Management');
    assertEqual(siteAudience('acme.zendesk.com'), 'customer', 'Zendesk');
    assertEqual(siteAudience('mail.google.com'), 'customer', 'Gmail');
  }],

  ['sites: one entry per product, each domain in one entry, every list a list of non-empty selectors', () => {
    const products = SITE_ADAPTERS.map((a) => a.product);
    assertEqual(products.length, new Set(products).size, 'products named twice');
    const domains = SITE_ADAPTERS.flatMap((a) => a.domains);
    assertEqual(domains.length, new Set(domains).size, 'domains named twice');
    for (const a of SITE_ADAPTERS) {
      assert(a.domains.length > 0 && a.domains.every((d) => /^[a-z0-9.-]+$/.test(d) && !d.startsWith('.')), `${a.product}: domains`);
      assert(['customer', 'internal', 'technical'].includes(a.audience ?? ''), `${a.product}: audience ${a.audience}`);
      for (const key of /** @type {const} */ (['quotes', 'threadStart', 'notes', 'skip'])) {
        const list = a[key];
        if (list === undefined) continue;
        assert(Array.isArray(list) && list.length > 0 && list.every((s) => typeof s === 'string' && s.trim() && !s.includes(',')),
          `${a.product}.${key}: one selector per item`);
      }
    }
    for (const product of Object.keys(PRODUCT_HOSTS)) assert(products.includes(product), `no adapter for ${product}`);
  }],
];
