// Background (Chrome: service worker; Firefox: event page). Runs the engine
// for content scripts, validates settings for the options page, and tells
// tabs to re-check when the engine's settings or the managed policy change.
import { ext } from '../shared/browser-api.js';
import { backgroundRefusal } from '../shared/messages.js';
import { audienceManaged, loadEffectiveSettings } from '../shared/policy.js';
import { ENGINE_KEYS, engineConfig } from '../shared/settings.js';
import { configErrors, engineFor } from './engine.js';

/** @typedef {import('../shared/messages.js').BackgroundRequest} BackgroundRequest */

/**
 * The engine's config, and whether the organization decides the reader (then
 * the reader an editor asks for is ignored), read once per settings change.
 * @type {Promise<{config: string, readerManaged: boolean}> | null}
 */
let currentPromise = null;
const current = () => (currentPromise ??= loadEffectiveSettings().then((s) =>
  ({ config: engineConfig(s), readerManaged: audienceManaged(s.policy) })));

/**
 * @param {string} text
 * @param {Array<[number, number]>} excluded
 * @param {string | undefined} audience the editor's reader; the settings' when absent
 * @param {string} draft the engine's name for the editor's draft: unique per tab and frame
 * @returns {Promise<import('../shared/messages.js').CheckResponse>}
 */
async function check(text, excluded, audience, draft) {
  const { config, readerManaged } = await current();
  const engine = await engineFor(config);
  const reader = readerManaged ? undefined : audience;
  return JSON.parse(engine.check(text, JSON.stringify({ excluded, audience: reader, offsets: 'utf16', draft })));
}

async function rules() {
  const engine = await engineFor((await current()).config);
  /** @type {Array<{id: string, category: string, message: string}>} */
  const all = JSON.parse(engine.rules());
  return { rules: all.map(({ id, category, message }) => ({ id, category, message })) };
}

// Which frame of a tab last had an editor focused, so the popup can ask that
// frame for its counts. Kept in storage.session: a service worker's memory
// does not outlive its idle shutdown.
/** @param {number} tabId @param {number} frameId */
async function rememberFocus(tabId, frameId) {
  await ext.storage.session.set({ focus: { tabId, frameId } });
}

/** @param {number | undefined} tabId */
async function focusedFrame(tabId) {
  /** @type {{focus?: {tabId: number, frameId: number}}} */
  const { focus } = await ext.storage.session.get('focus');
  if (!focus) return null;
  return tabId === undefined || focus.tabId === tabId ? focus : { tabId, frameId: 0 };
}

/**
 * @param {BackgroundRequest} request a request that passed backgroundRefusal()
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<unknown>}
 */
function handle(request, sender) {
  const tabId = /** @type {number} */ (sender.tab?.id);
  switch (request.type) {
    case 'check':
      return check(request.text, request.excluded, request.audience, `${tabId}:${sender.frameId}:${request.draft}`);
    case 'validate':
      return configErrors(request.config).then((errors) => ({ errors }));
    case 'rules':
      return rules();
    case 'editor-focused':
      return rememberFocus(tabId, sender.frameId ?? 0).then(() => null);
    case 'focused-frame':
      return focusedFrame(request.tabId);
  }
}

/** This extension, as senders must name it. */
const SELF = { id: ext.runtime.id, base: ext.runtime.getURL('') };

ext.runtime.onMessage.addListener((request, sender, sendResponse) => {
  const refused = backgroundRefusal(request, sender, SELF);
  if (refused) {
    console.warn('tactful: refused a message:', refused);
    sendResponse({ error: `refused: ${refused}`, findings: [] });
    return false;
  }
  handle(/** @type {BackgroundRequest} */ (request), sender)
    .then(sendResponse, (e) => sendResponse({ error: String(e), findings: [] }));
  return true;  // responds asynchronously
});

// Policy changes arrive here too (area "managed"), without a restart.
ext.storage.onChanged.addListener((changes, area) => {
  const engineChanged = area === 'managed' || (area === 'sync' && ENGINE_KEYS.some((k) => k in changes));
  if (!engineChanged) return;
  currentPromise = null;
  current()
    .then(({ config }) => engineFor(config))
    .then(() => ext.tabs.query({}))
    .then((tabs) => {
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        ext.tabs.sendMessage(tab.id, { type: 'settings-applied' }).catch(() => {});  // tabs without Tactful
      }
    })
    .catch((e) => console.warn('tactful: applying settings failed', e));
});
