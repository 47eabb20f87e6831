// The user's settings: their shape and defaults, how they are stored in
// storage.sync, validated on import, and turned into the engine's config.
import { ext } from './browser-api.js';

export const CATEGORIES = /** @type {const} */ (['apology', 'blame', 'jargon', 'tone', 'structure']);
export const AUDIENCES = /** @type {const} */ (['customer', 'internal', 'technical']);

/** @typedef {{term: string, plain: string, why?: string}} GlossaryEntry */
/** @typedef {{pattern: string, category: string, message: string, suggestions?: string[]}} Phrase */
/**
 * @typedef {{
 *   categories: Record<string, boolean>,
 *   audience: string,
 *   glossary: GlossaryEntry[],
 *   phrases: Phrase[],
 *   ignoredRules: string[],
 *   siteIgnoredRules: Record<string, string[]>,
 *   disabledSites: string[],
 * }} Settings
 */
/** @typedef {{field: string, message: string}} FieldError */
/** For each kept glossary/phrase item, its index in the input. @typedef {{glossary: number[], phrases: number[]}} ListSources */

/** @returns {Settings} */
export function defaultSettings() {
  return {
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])),
    audience: 'customer',
    glossary: [],
    phrases: [],
    ignoredRules: [],
    siteIgnoredRules: {},
    disabledSites: [],
  };
}

/** Settings keys that change what the engine finds (the rest are applied by content scripts). */
export const ENGINE_KEYS = ['categories', 'audience', 'glossary', 'phrases', 'ignoredRules'];

// Each setting is its own storage.sync item: sync storage caps one item at
// 8 KB, and a long glossary should not push the other settings over it.
/** @returns {Promise<Settings>} */
export async function loadSettings() {
  const defaults = defaultSettings();
  const stored = await ext.storage.sync.get(Object.keys(defaults));
  return parseSettings({ ...defaults, ...stored }).settings;
}

/** @param {Partial<Settings>} changes */
export function saveSettings(changes) {
  return ext.storage.sync.set(changes);
}

/** The engine's config JSON for these settings. */
/** @param {Settings} s */
export function engineConfig(s) {
  return JSON.stringify({
    audience: s.audience,
    categories: CATEGORIES.filter((c) => s.categories[c] !== false),
    disabled_rules: s.ignoredRules,
    // The engine calls a glossary entry's explanation its "note".
    glossary: s.glossary.map(({ why, ...entry }) => (why ? { ...entry, note: why } : entry)),
    phrases: s.phrases,
  });
}

/**
 * Where an engine error path ("config.phrases[2].patterns") shows in the
 * settings form ("phrases.2.pattern"). The engine counts list items of the
 * parsed settings; `sources` maps them back to the input's positions.
 * @param {string} path
 * @param {ListSources} sources
 */
export function fieldForEnginePath(path, sources) {
  const field = path
    .replace(/^config\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^disabled_rules\b/, 'ignoredRules')
    .replace(/\.patterns$/, '.pattern')
    .replace(/\.note$/, '.why')
    .replace(/^(glossary|phrases)\.(\d+)/, (_, list, i) => `${list}.${sources[/** @type {keyof ListSources} */ (list)][Number(i)] ?? i}`);
  return field || 'settings';
}

const isString = (/** @type {unknown} */ v) => typeof v === 'string';
const isObject = (/** @type {unknown} */ v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the shape of settings read from storage or imported as JSON and
 * returns the usable part; every problem is reported against the field it is
 * in, and an invalid item is dropped rather than guessed at.
 * @param {unknown} input
 * @returns {{settings: Settings, errors: FieldError[], sources: ListSources}}
 */
export function parseSettings(input) {
  const settings = defaultSettings();
  /** @type {FieldError[]} */
  const errors = [];
  /** @type {ListSources} */
  const sources = { glossary: [], phrases: [] };
  const error = (/** @type {string} */ field, /** @type {string} */ message) => {
    errors.push({ field, message });
  };
  if (!isObject(input)) {
    error('settings', 'must be a JSON object');
    return { settings, errors, sources };
  }
  const o = /** @type {Record<string, unknown>} */ (input);
  for (const key of Object.keys(o)) {
    if (!(key in settings)) error('settings', `unknown setting "${key}"; ignored`);
  }

  if (o.categories !== undefined) {
    if (!isObject(o.categories)) error('categories', 'must be an object of category: true/false');
    else {
      for (const [c, on] of Object.entries(/** @type {object} */ (o.categories))) {
        if (!CATEGORIES.includes(/** @type {any} */ (c))) error('categories', `unknown category "${c}"`);
        else if (typeof on !== 'boolean') error(`categories.${c}`, 'must be true or false');
        else settings.categories[c] = on;
      }
    }
  }
  if (o.audience !== undefined) {
    if (AUDIENCES.includes(/** @type {any} */ (o.audience))) settings.audience = /** @type {string} */ (o.audience);
    else error('audience', `must be one of ${AUDIENCES.join(', ')}`);
  }
  settings.glossary = parseList(o.glossary, 'glossary', error, sources.glossary, (item, field) => {
    if (!isString(item.term) || !item.term.trim()) return error(`${field}.term`, 'is required');
    if (!isString(item.plain) || !item.plain.trim()) return error(`${field}.plain`, 'is required');
    if (item.why !== undefined && !isString(item.why)) return error(`${field}.why`, 'must be text');
    /** @type {GlossaryEntry} */
    const entry = { term: item.term.trim(), plain: item.plain.trim() };
    if (isString(item.why) && item.why.trim()) entry.why = item.why.trim();
    return entry;
  });
  settings.phrases = parseList(o.phrases, 'phrases', error, sources.phrases, (item, field) => {
    if (!isString(item.pattern) || !item.pattern.trim()) return error(`${field}.pattern`, 'is required');
    if (!CATEGORIES.includes(/** @type {any} */ (item.category))) {
      return error(`${field}.category`, `must be one of ${CATEGORIES.join(', ')}`);
    }
    if (!isString(item.message) || !item.message.trim()) return error(`${field}.message`, 'is required');
    const suggestions = item.suggestions ?? [];
    if (!Array.isArray(suggestions) || !suggestions.every(isString)) {
      return error(`${field}.suggestions`, 'must be a list of text');
    }
    /** @type {Phrase} */
    const phrase = { pattern: item.pattern, category: /** @type {string} */ (item.category), message: item.message.trim() };
    if (suggestions.length) phrase.suggestions = suggestions;
    return phrase;
  });
  settings.ignoredRules = parseStrings(o.ignoredRules, 'ignoredRules', error);
  settings.disabledSites = parseStrings(o.disabledSites, 'disabledSites', error);
  if (o.siteIgnoredRules !== undefined) {
    if (!isObject(o.siteIgnoredRules)) error('siteIgnoredRules', 'must be an object of hostname: [rule ids]');
    else {
      for (const [host, rules] of Object.entries(/** @type {object} */ (o.siteIgnoredRules))) {
        const list = parseStrings(rules, `siteIgnoredRules.${host}`, error);
        if (list.length) settings.siteIgnoredRules[host] = list;
      }
    }
  }
  return { settings, errors, sources };
}

/**
 * @template T
 * @param {unknown} value
 * @param {string} field
 * @param {(field: string, message: string) => void} error
 * @param {number[]} sources receives the input index of each kept item
 * @param {(item: Record<string, any>, field: string) => T | void} parseItem
 * @returns {T[]}
 */
function parseList(value, field, error, sources, parseItem) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    error(field, 'must be a list');
    return [];
  }
  /** @type {T[]} */
  const out = [];
  value.forEach((item, i) => {
    if (!isObject(item)) return error(`${field}.${i}`, 'must be an object');
    const parsed = parseItem(item, `${field}.${i}`);
    if (parsed) {
      out.push(parsed);
      sources.push(i);
    }
  });
  return out;
}

/**
 * @param {unknown} value
 * @param {string} field
 * @param {(field: string, message: string) => void} error
 */
function parseStrings(value, field, error) {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isString)) {
    error(field, 'must be a list of text');
    return [];
  }
  return [...new Set(/** @type {string[]} */ (value))];
}

/** The hostname settings are keyed by for this frame; about:blank and srcdoc frames inherit their creator's. */
export function siteOf(/** @type {string} */ origin) {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}

// --- The reader's audience per site, chosen from the card or the badge.
// Kept apart from Settings (its own storage key, not imported or exported
// with them): it is a remembered choice, not configuration.

export const SITE_AUDIENCE_KEY = 'siteAudience';

/** @returns {Promise<Record<string, string>>} hostname: audience */
export async function loadSiteAudiences() {
  const stored = (await ext.storage.sync.get(SITE_AUDIENCE_KEY))[SITE_AUDIENCE_KEY];
  if (!isObject(stored)) return {};
  return Object.fromEntries(Object.entries(/** @type {object} */ (stored))
    .filter(([, a]) => AUDIENCES.includes(/** @type {any} */ (a))));
}

/** @param {string} site @param {string} audience */
export async function saveSiteAudience(site, audience) {
  const all = await loadSiteAudiences();
  await ext.storage.sync.set({ [SITE_AUDIENCE_KEY]: { ...all, [site]: audience } });
}
