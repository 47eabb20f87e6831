// What crosses between the content scripts, the background and the extension
// pages (runtime.sendMessage / tabs.sendMessage): its shapes as JSDoc types,
// and the checks every message passes on arrival.

/**
 * One finding from the engine; start/end are UTF-16 offsets into the text
 * that was checked, the unit DOM offsets use.
 * @typedef {{
 *   rule: string, category: string, severity: string,
 *   start: number, end: number, text: string,
 *   message: string, why: string, suggestions: string[],
 *   starter?: string, starter_at?: number
 * }} Finding
 * `starter`, on a finding with no suggestions, is a sentence with [gaps] to
 * insert at `starter_at` (the start of the finding's sentence).
 */

/**
 * One item of the reply-level checklist (HEARD: empathy, apology, ownership,
 * next step, timeline, empathy before explanation).
 * @typedef {{id: string, label: string, state: 'met' | 'weak' | 'missing' | 'n/a'}} ChecklistItem
 */

/**
 * @typedef {{type: 'check', text: string, excluded: Array<[number, number]>, audience?: string, draft: string}} CheckRequest
 * @typedef {{findings: Finding[], checklist?: ChecklistItem[], error?: string}} CheckResponse
 * @typedef {{type: 'validate', config: string}} ValidateRequest
 * @typedef {{path: string, message: string}} EngineError
 * @typedef {{errors: EngineError[]}} ValidateResponse
 * @typedef {{type: 'rules'}} RulesRequest
 * @typedef {{id: string, category: string, message: string}} RuleInfo
 * @typedef {{rules: RuleInfo[]}} RulesResponse
 * @typedef {{type: 'editor-focused'}} EditorFocused
 * @typedef {{type: 'focused-frame', tabId?: number}} FocusedFrameRequest
 * @typedef {{tabId: number, frameId: number} | null} FocusedFrameResponse
 * @typedef {CheckRequest | ValidateRequest | RulesRequest | EditorFocused | FocusedFrameRequest} BackgroundRequest
 */

/**
 * Sent by the background to every tab once settings that change findings
 * have been applied to the engine, and by the popup to one frame.
 * @typedef {{type: 'settings-applied'}} SettingsApplied
 * @typedef {{type: 'status'}} StatusRequest
 * @typedef {{
 *   hostname: string, enabled: boolean,
 *   counts: Record<string, number> | null, checklist: ChecklistItem[] | null,
 *   audience: string | null
 * }} StatusResponse
 * @typedef {SettingsApplied | StatusRequest} ContentRequest
 */

// --- Validation. Every message is checked on arrival, before anything acts
// on it: its sender, its type, its fields' types and its sizes. Messages can
// only come from this extension's own contexts (there is no
// externally_connectable, and other extensions' messages go to
// onMessageExternal, which nothing listens to), so a failed check means a
// bug or a compromised page process; either way it is answered with an
// error, never acted on and never thrown.

/** Longest text a content script sends for checking, in UTF-16 code units (4 Mi, about 4 MB of ASCII). */
export const MAX_CHECK_TEXT = 4 * 1024 * 1024;
/** Most excluded ranges (quotes, signatures) per check. */
export const MAX_EXCLUDED_RANGES = 10000;
/** Longest draft name ("editor-<n>"). */
export const MAX_DRAFT_LENGTH = 64;
/** Longest engine config the options page asks to validate, in UTF-16 code units. */
export const MAX_CONFIG_LENGTH = 4 * 1024 * 1024;
const AUDIENCES = ['customer', 'internal', 'technical'];

/**
 * Where a message may come from: a content script (in a tab and frame) or
 * one of the extension's own pages (popup, options; their URL is ours).
 * @typedef {'content' | 'page'} SenderKind
 */

/** @param {unknown} v */
const isCount = (v) => Number.isSafeInteger(v) && /** @type {number} */ (v) >= 0;

/**
 * Fields per request type: a check for each, which returns a problem or ''.
 * @type {Record<string, {from: SenderKind, fields: Record<string, (v: unknown, m: Record<string, unknown>) => string>, optional?: string[]}>}
 */
const BACKGROUND_REQUESTS = {
  check: {
    from: 'content',
    fields: {
      text: (v) => typeof v !== 'string' ? 'must be a string'
        : v.length > MAX_CHECK_TEXT ? `is longer than ${MAX_CHECK_TEXT} characters` : '',
      excluded: (v, m) => {
        if (!Array.isArray(v)) return 'must be an array';
        if (v.length > MAX_EXCLUDED_RANGES) return `has more than ${MAX_EXCLUDED_RANGES} ranges`;
        const length = typeof m.text === 'string' ? m.text.length : 0;
        const bad = v.findIndex((r) => !Array.isArray(r) || r.length !== 2 || !isCount(r[0]) || !isCount(r[1]) ||
          r[0] > r[1] || r[1] > length);
        return bad < 0 ? '' : `[${bad}] must be [start, end] with 0 <= start <= end <= the text's length`;
      },
      audience: (v) => v === undefined || AUDIENCES.includes(/** @type {string} */ (v)) ? '' : `must be one of ${AUDIENCES.join(', ')}`,
      draft: (v) => typeof v === 'string' && /^[\w-]+$/.test(v) && v.length <= MAX_DRAFT_LENGTH ? ''
        : `must be a name of letters, digits, "-" and "_", at most ${MAX_DRAFT_LENGTH} long`,
    },
    optional: ['audience'],
  },
  'editor-focused': { from: 'content', fields: {} },
  validate: {
    from: 'page',
    fields: {
      config: (v) => typeof v !== 'string' ? 'must be a string'
        : v.length > MAX_CONFIG_LENGTH ? `is longer than ${MAX_CONFIG_LENGTH} characters` : '',
    },
  },
  rules: { from: 'page', fields: {} },
  'focused-frame': { from: 'page', fields: { tabId: (v) => v === undefined || isCount(v) ? '' : 'must be a tab id' }, optional: ['tabId'] },
};

/** Messages a content script accepts, all from the background or the popup. */
const CONTENT_REQUESTS = {
  'settings-applied': { from: /** @type {SenderKind} */ ('page'), fields: {} },
  status: { from: /** @type {SenderKind} */ ('page'), fields: {} },
};

/**
 * @param {unknown} sender
 * @param {string} extensionId this extension's runtime.id
 * @param {string} extensionBase this extension's runtime.getURL('')
 * @returns {SenderKind | null}
 */
function senderKind(sender, extensionId, extensionBase) {
  if (!sender || typeof sender !== 'object') return null;
  const s = /** @type {chrome.runtime.MessageSender} */ (sender);
  if (s.id !== extensionId) return null;
  if (typeof s.url === 'string' && s.url.startsWith(extensionBase)) return 'page';
  return isCount(s.tab?.id) && isCount(s.frameId) ? 'content' : null;
}

/**
 * Why a message must be refused, or '' to accept it.
 * @param {Record<string, {from: SenderKind, fields: Record<string, (v: unknown, m: Record<string, unknown>) => string>, optional?: string[]}>} types
 * @param {unknown} message
 * @param {unknown} sender
 * @param {{id: string, base: string}} extension
 */
function refusal(types, message, sender, extension) {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return 'a message must be an object';
  const m = /** @type {Record<string, unknown>} */ (message);
  const type = typeof m.type === 'string' && Object.hasOwn(types, m.type) ? types[m.type] : null;
  if (!type) return `unknown message type ${JSON.stringify(m.type)?.slice(0, 40)}`;
  const kind = senderKind(sender, extension.id, extension.base);
  if (kind !== type.from) {
    return `"${m.type}" is only accepted from ${type.from === 'content' ? "the extension's content scripts" : "the extension's own pages"}`;
  }
  for (const key of Object.keys(m)) {
    if (key !== 'type' && !Object.hasOwn(type.fields, key)) return `"${m.type}" has an unknown field "${key.slice(0, 40)}"`;
  }
  for (const [key, check] of Object.entries(type.fields)) {
    if (!(key in m) && type.optional?.includes(key)) continue;
    if (!(key in m)) return `"${m.type}" is missing "${key}"`;
    const problem = check(m[key], m);
    if (problem) return `"${m.type}": ${key} ${problem}`;
  }
  return '';
}

/**
 * Why the background must refuse a request, or '' to accept it.
 * @param {unknown} message
 * @param {unknown} sender
 * @param {{id: string, base: string}} extension runtime.id and runtime.getURL('')
 */
export const backgroundRefusal = (message, sender, extension) => refusal(BACKGROUND_REQUESTS, message, sender, extension);

/**
 * Why a content script must refuse a message, or '' to accept it.
 * @param {unknown} message
 * @param {unknown} sender
 * @param {{id: string, base: string}} extension runtime.id and runtime.getURL('')
 */
export const contentRefusal = (message, sender, extension) => refusal(CONTENT_REQUESTS, message, sender, extension);
