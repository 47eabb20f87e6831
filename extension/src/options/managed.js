// What the organization's policy does to the options page: a section with
// the support contact and the policy items that were not applied, and, in
// the form, the settings the policy decides shown as managed and read-only.
import { el } from '../shared/dom.js';
import { CATEGORIES } from '../shared/settings.js';

/** @typedef {import('../shared/policy.js').Policy} Policy */
/** @typedef {import('../shared/policy.js').PolicyError} PolicyError */

export const MANAGED_LABEL = 'Set by your organization';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

const badge = () => el('span', { class: 'managed-badge' }, MANAGED_LABEL);

/** Whether the policy sets anything at all, so the page says it is managed. @param {Policy} p */
function isManaged(p) {
  return Object.keys(p.categories).length > 0 || p.audience !== null || p.glossary.length > 0 || p.phrases.length > 0 ||
    p.disabledRules.length > 0 || p.allowedSites !== null || p.blockedSites.length > 0 || p.locked.length > 0 ||
    p.supportContact !== null || p.checkInternalNotes !== null;
}

/**
 * Settings fields whose value the policy decides (categories.<c>, audience),
 * and lists the user may not edit (the lockable policy keys).
 * @param {Policy} policy
 */
export function managedFields(policy) {
  const locked = (/** @type {string} */ key) => policy.locked.includes(key);
  /** @type {Set<string>} */
  const fields = new Set();
  for (const c of CATEGORIES) if (c in policy.categories || locked('categories')) fields.add(`categories.${c}`);
  if (policy.audience !== null || locked('audience')) fields.add('audience');
  return {
    fields,
    glossary: locked('glossary'),
    phrases: locked('phrases'),
    ignoredRules: locked('disabledRules'),
    disabledSites: locked('blockedSites'),
  };
}

/**
 * The managed section: support contact, and every policy item not applied.
 * @param {Policy} policy
 * @param {PolicyError[]} errors
 */
export function renderPolicySection(policy, errors) {
  $('managed').hidden = !isManaged(policy) && errors.length === 0;
  const contact = policy.supportContact;
  const contactLine = $('contact');
  contactLine.hidden = !contact;
  contactLine.replaceChildren();
  if (contact) {
    /** @type {Array<Node | string>} */
    const parts = [];
    if (contact.email) parts.push(el('a', { href: `mailto:${contact.email}` }, contact.email));
    if (contact.url) parts.push(el('a', { href: contact.url, target: '_blank', rel: 'noopener noreferrer' }, contact.url));
    contactLine.append('Questions about Tactful? Ask ', contact.name ?? 'your IT team', ...(parts.length ? [': '] : []),
      ...parts.flatMap((p, i) => (i ? [' \u00b7 ', p] : [p])));
  }
  $('policy-problems').hidden = errors.length === 0;
  $('policy-errors').replaceChildren(...errors.map((e) =>
    el('li', { 'data-policy-key': e.key }, el('code', {}, e.key), `: ${e.message}`)));
}

/**
 * Shows managed values in the form and makes them read-only. Runs after the
 * form is filled with the user's own settings, which stay as they are.
 * @param {HTMLFormElement} form
 * @param {Policy} policy
 * @param {import('../shared/policy.js').EffectiveSettings} effective
 */
export function markManaged(form, policy, effective) {
  for (const e of form.querySelectorAll('.managed-badge, .managed-list')) e.remove();
  const managed = managedFields(policy);
  for (const c of CATEGORIES) {
    const box = /** @type {HTMLInputElement} */ (form.querySelector(`[data-field="categories.${c}"]`));
    const on = managed.fields.has(`categories.${c}`);
    box.disabled = on;
    if (on) {
      box.checked = effective.categories[c];
      box.parentElement?.append(' ', badge());
    }
  }
  const audienceManaged = managed.fields.has('audience');
  for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="audience"]'))) {
    radio.disabled = audienceManaged;
    if (audienceManaged) radio.checked = radio.value === effective.audience;
  }
  if (audienceManaged) form.querySelector('fieldset[data-field="audience"] legend')?.append(' ', badge());

  orgList('glossary', policy.glossary.map((g) => `${g.term} \u2192 ${g.plain}${g.why ? ` (${g.why})` : ''}`),
    'Terms from your organization', managed.glossary);
  orgList('phrases', policy.phrases.map((p) => `${p.pattern} (${p.category}): ${p.message}`),
    'Phrases from your organization', managed.phrases);
  orgList('ignored-rules', policy.disabledRules, 'Rules your organization turned off', managed.ignoredRules);
  orgList('disabled-sites', [
    ...(policy.allowedSites ? [`Tactful runs only on: ${policy.allowedSites.join(', ') || 'no site'}`] : []),
    ...policy.blockedSites.map((s) => `Off on ${s} and its subdomains`),
    ...(policy.checkInternalNotes === false ? ['Internal notes (such as ServiceNow work notes) are not checked'] : []),
  ], 'Sites your organization decides', managed.disabledSites);
  lockList('glossary', ['add-term'], managed.glossary);
  lockList('phrases', ['add-phrase'], managed.phrases);
  lockList('ignored-rules', ['rule-picker', 'add-rule'], managed.ignoredRules);
  lockList('site-rules', [], managed.ignoredRules);
  lockList('disabled-sites', [], managed.disabledSites);
}

/**
 * The organization's items of one list, read-only, above the user's own.
 * @param {string} anchorId the user's list (its table body or chip list)
 * @param {string[]} items
 * @param {string} title
 * @param {boolean} locked
 */
function orgList(anchorId, items, title, locked) {
  if (!items.length && !locked) return;
  const anchor = $(anchorId);
  const before = anchor.closest('table') ?? anchor;
  const note = locked ? [el('p', { class: 'muted' }, 'Your own entries here are not used while your organization manages this list.')] : [];
  before.before(el('div', { class: 'managed-list', 'data-managed-list': anchorId },
    el('h3', {}, title, ' ', badge()),
    el('ul', { class: 'chips org' }, ...items.map((text) => el('li', {}, text))),
    ...note));
}

/**
 * Disables a list's own inputs and buttons while the policy locks it.
 * @param {string} listId
 * @param {string[]} controlIds buttons and pickers that add to it
 * @param {boolean} locked
 */
function lockList(listId, controlIds, locked) {
  const list = $(listId);
  const container = list.closest('table') ?? list;
  for (const c of [...container.querySelectorAll('input, select, button'), ...controlIds.map($)]) {
    /** @type {HTMLInputElement} */ (c).disabled = locked;
  }
  container.toggleAttribute('data-locked', locked);
}
