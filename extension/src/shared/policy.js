// The organization's managed configuration (enterprise policy). Chrome and
// Edge deliver it through storage.managed after checking JSON types against
// schema.json; Firefox delivers policies.json "3rdparty" -> "Extensions" ->
// the add-on id through the same API, unchecked. Either way it is checked
// here item by item: a bad item is skipped and reported under its policy key
// ("phrases[2].pattern"), and the rest applies. The policy then overrides the
// user's settings key by key (docs/deploy.md has the table).
import { ext } from './browser-api.js';
import { CATEGORIES, defaultSettings, engineConfig, fieldForEnginePath, loadSettings, parseSettings } from './settings.js';

/** @typedef {import('./settings.js').Settings} Settings */
/** @typedef {import('./settings.js').ListSources} ListSources */
/** @typedef {{name?: string, email?: string, url?: string}} SupportContact */
/**
 * A policy after checking: only valid parts. `categories` holds the
 * categories the policy decides; `audience` is null when it does not.
 * @typedef {{
 *   categories: Record<string, boolean>,
 *   audience: string | null,
 *   glossary: import('./settings.js').GlossaryEntry[],
 *   phrases: import('./settings.js').Phrase[],
 *   disabledRules: string[],
 *   allowedSites: string[] | null,
 *   blockedSites: string[],
 *   locked: string[],
 *   supportContact: SupportContact | null,
 *   checkInternalNotes: boolean | null,
 * }} Policy
 */
/** A rejected policy item: its path in the policy ("glossary[3].term") and why. @typedef {{key: string, message: string}} PolicyError */
/** The user's settings with the policy applied, and the policy itself. @typedef {Settings & {policy: Policy}} EffectiveSettings */

export const POLICY_KEYS = /** @type {const} */ ([
  'categories', 'audience', 'glossary', 'phrases', 'disabledRules', 'allowedSites', 'blockedSites',
  'lockedSettings', 'supportContact', 'checkInternalNotes',
]);

/** Policy keys that `lockedSettings` may name: each locks the user's own setting of that kind. */
export const LOCKABLE = /** @type {const} */ (['categories', 'audience', 'glossary', 'phrases', 'disabledRules', 'blockedSites']);

/** Most items a list policy may have; the rest are reported and not used. */
export const LIST_LIMITS = /** @type {Record<string, number>} */ ({
  glossary: 1000, phrases: 200, disabledRules: 500, allowedSites: 1000, blockedSites: 1000, lockedSettings: LOCKABLE.length,
});

/** Longest text a support contact field may have. */
const CONTACT_MAX_LENGTH = 200;

/** @returns {Policy} */
export function emptyPolicy() {
  return {
    categories: {}, audience: null, glossary: [], phrases: [], disabledRules: [],
    allowedSites: null, blockedSites: [], locked: [], supportContact: null, checkInternalNotes: null,
  };
}

const isObject = (/** @type {unknown} */ v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a managed configuration and keeps its valid part.
 * @param {unknown} raw what storage.managed returned
 * @returns {{policy: Policy, errors: PolicyError[], sources: ListSources}}
 */
export function parsePolicy(raw) {
  const policy = emptyPolicy();
  /** @type {PolicyError[]} */
  const errors = [];
  const error = (/** @type {string} */ key, /** @type {string} */ message) => { errors.push({ key, message }); };
  /** @type {ListSources} */
  let sources = { glossary: [], phrases: [] };
  if (!isObject(raw)) {
    error('policy', 'must be an object of policy keys');
    return { policy, errors, sources };
  }
  const o = /** @type {Record<string, unknown>} */ ({ ...(/** @type {object} */ (raw)) });
  for (const key of Object.keys(o)) {
    if (!POLICY_KEYS.includes(/** @type {any} */ (key))) error(key, 'unknown policy key');
  }
  for (const [key, limit] of Object.entries(LIST_LIMITS)) {
    const list = o[key];
    if (Array.isArray(list) && list.length > limit) {
      error(key, `has ${list.length} items; only the first ${limit} are used`);
      o[key] = list.slice(0, limit);
    }
  }

  // The keys users have too are checked by the settings' own rules.
  /** @type {Record<string, unknown>} */
  const shared = {};
  for (const key of ['categories', 'audience', 'glossary', 'phrases']) if (o[key] !== undefined) shared[key] = o[key];
  const parsed = parseSettings(shared);
  for (const e of parsed.errors) error(policyKeyForField(e.field), e.message);
  sources = parsed.sources;
  if (isObject(o.categories)) {
    for (const c of CATEGORIES) {
      if (typeof (/** @type {Record<string, unknown>} */ (o.categories))[c] === 'boolean') policy.categories[c] = parsed.settings.categories[c];
    }
  }
  if (o.audience !== undefined && !parsed.errors.some((e) => e.field === 'audience')) policy.audience = parsed.settings.audience;
  policy.glossary = parsed.settings.glossary;
  policy.phrases = parsed.settings.phrases;

  policy.disabledRules = parseItems(o.disabledRules, 'disabledRules', error, (item) =>
    (typeof item === 'string' && item.trim() ? item.trim() : 'must be a rule id (text)'));
  const allowed = parseItems(o.allowedSites, 'allowedSites', error, parseSite);
  // An allow list with no valid entry is a mistake, not "nowhere": ignored.
  if (allowed.length) policy.allowedSites = allowed;
  else if (Array.isArray(o.allowedSites)) error('allowedSites', 'has no valid host name; not used');
  policy.blockedSites = parseItems(o.blockedSites, 'blockedSites', error, parseSite);
  policy.locked = parseItems(o.lockedSettings, 'lockedSettings', error, (item) =>
    (LOCKABLE.includes(/** @type {any} */ (item)) ? /** @type {string} */ (item) : `must be one of ${LOCKABLE.join(', ')}`));
  if (o.supportContact !== undefined) policy.supportContact = parseContact(o.supportContact, error);
  if (typeof o.checkInternalNotes === 'boolean') policy.checkInternalNotes = o.checkInternalNotes;
  else if (o.checkInternalNotes !== undefined) error('checkInternalNotes', 'must be true or false');
  return { policy, errors, sources };
}

/**
 * A list policy, item by item: `parseItem` returns the kept value, or a
 * string starting with "must" that says why the item is skipped.
 * @param {unknown} value
 * @param {string} key
 * @param {(key: string, message: string) => void} error
 * @param {(item: unknown) => string} parseItem
 * @returns {string[]}
 */
function parseItems(value, key, error, parseItem) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    error(key, 'must be a list');
    return [];
  }
  /** @type {string[]} */
  const out = [];
  value.forEach((item, i) => {
    const parsed = parseItem(item);
    if (parsed.startsWith('must ')) error(`${key}[${i}]`, parsed);
    else if (!out.includes(parsed)) out.push(parsed);
  });
  return out;
}

const HOST_PATTERN = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A site entry: a host name, which also covers its subdomains; a leading
 * "*." says the same thing and is dropped.
 * @param {unknown} item
 */
function parseSite(item) {
  if (typeof item !== 'string') return 'must be a host name (text)';
  const host = item.trim().toLowerCase();
  if (/[/:]/.test(host)) return 'must be a host name such as help.example.com, without scheme, port or path';
  if (host.length > 253 || !HOST_PATTERN.test(host)) return 'must be a host name such as help.example.com';
  return host.replace(/^\*\./, '');
}

/**
 * @param {unknown} value
 * @param {(key: string, message: string) => void} error
 * @returns {SupportContact | null}
 */
function parseContact(value, error) {
  if (!isObject(value)) {
    error('supportContact', 'must be an object with name, email and/or url');
    return null;
  }
  const v = /** @type {Record<string, unknown>} */ (value);
  /** @type {SupportContact} */
  const contact = {};
  /** @type {Record<keyof SupportContact, [RegExp, string]>} */
  const fields = {
    name: [/^[^\n]+$/, 'must be one line of text'],
    email: [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'],
    url: [/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// address'],
  };
  for (const key of Object.keys(v)) {
    if (!(key in fields)) error(`supportContact.${key}`, 'unknown field');
  }
  for (const [key, [pattern, must]] of Object.entries(fields)) {
    const text = v[key];
    if (text === undefined) continue;
    if (typeof text !== 'string' || !pattern.test(text.trim())) error(`supportContact.${key}`, must);
    else if (text.trim().length > CONTACT_MAX_LENGTH) error(`supportContact.${key}`, `is longer than ${CONTACT_MAX_LENGTH} characters`);
    else contact[/** @type {keyof SupportContact} */ (key)] = text.trim();
  }
  return Object.keys(contact).length ? contact : null;
}

/** "glossary.2.term" (a settings field) as the policy names it: "glossary[2].term". */
function policyKeyForField(/** @type {string} */ field) {
  return field.replace(/^ignoredRules\b/, 'disabledRules').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/**
 * The engine config for the policy's own glossary, phrases and disabled
 * rules, to find what the engine rejects in them (e.g. a bad regex).
 * @param {Policy} policy
 */
export function policyEngineConfig(policy) {
  return engineConfig({ ...defaultSettings(), glossary: policy.glossary, phrases: policy.phrases, ignoredRules: policy.disabledRules });
}

/**
 * The policy key an engine error on `policyEngineConfig` is about.
 * @param {string} path
 * @param {ListSources} sources
 */
export function policyKeyForEnginePath(path, sources) {
  return policyKeyForField(fieldForEnginePath(path, sources));
}

/**
 * The user's settings with the policy applied: a value the policy sets wins;
 * a locked key ignores the user's value; the organization's list items come
 * first and the user's own are added unless that list is locked.
 * @param {Settings} user
 * @param {Policy} policy
 * @returns {EffectiveSettings}
 */
export function applyPolicy(user, policy) {
  const locked = (/** @type {typeof LOCKABLE[number]} */ key) => policy.locked.includes(key);
  const defaults = defaultSettings();
  const own = locked('categories') ? defaults.categories : user.categories;
  const orgTerms = new Set(policy.glossary.map((e) => e.term.toLowerCase()));
  return {
    ...user,
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, policy.categories[c] ?? own[c] ?? true])),
    audience: policy.audience ?? (locked('audience') ? defaults.audience : user.audience),
    glossary: [...policy.glossary, ...(locked('glossary') ? [] : user.glossary.filter((e) => !orgTerms.has(e.term.toLowerCase())))],
    phrases: [...policy.phrases, ...(locked('phrases') ? [] : user.phrases)],
    ignoredRules: [...new Set([...policy.disabledRules, ...(locked('disabledRules') ? [] : user.ignoredRules)])],
    siteIgnoredRules: locked('disabledRules') ? {} : user.siteIgnoredRules,
    disabledSites: locked('blockedSites') ? [] : user.disabledSites,
    policy,
  };
}

/**
 * Whether the organization decides who reads the replies: an audience the
 * policy sets or locks wins over the reader an editor or a site asks for.
 * @param {Policy} policy
 */
export function audienceManaged(policy) {
  return policy.audience !== null || policy.locked.includes('audience');
}

/** The settings with no policy, for code that has not loaded them yet. */
export function unmanagedSettings() {
  return applyPolicy(defaultSettings(), emptyPolicy());
}

/**
 * Whether a site entry covers a host: the host itself or a subdomain.
 * @param {string} entry
 * @param {string} host
 */
const covers = (entry, host) => host === entry || host.endsWith(`.${entry}`);

/**
 * Whether the organization keeps Tactful off on this host, whatever the
 * user does: its allow list (if it has one) does not cover the host, or its
 * block list does.
 * @param {Policy} policy
 * @param {string} host
 */
export function siteOffByPolicy(policy, host) {
  const { allowedSites, blockedSites } = policy;
  return (allowedSites !== null && !allowedSites.some((e) => covers(e, host))) || blockedSites.some((e) => covers(e, host));
}

/**
 * Whether Tactful runs on this host.
 * @param {EffectiveSettings} settings
 * @param {string} host
 */
export function siteEnabled(settings, host) {
  return !siteOffByPolicy(settings.policy, host) && !settings.disabledSites.includes(host);
}

/**
 * The managed configuration as stored: {} when there is none. Firefox
 * rejects the call when no policy names the add-on.
 * @returns {Promise<unknown>}
 */
export async function readManagedStorage() {
  try {
    return (await ext.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}

/** @returns {Promise<{policy: Policy, errors: PolicyError[], sources: ListSources}>} */
export async function loadPolicy() {
  return parsePolicy(await readManagedStorage());
}

/** @returns {Promise<EffectiveSettings>} */
export async function loadEffectiveSettings() {
  const [user, { policy }] = await Promise.all([loadSettings(), loadPolicy()]);
  return applyPolicy(user, policy);
}
