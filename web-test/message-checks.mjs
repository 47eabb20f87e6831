// The checks every message between the extension's parts passes on arrival
// (extension/src/shared/messages.js), without a browser: who may send what,
// field types, and size limits.
import {
  MAX_CHECK_TEXT, MAX_DRAFT_LENGTH, MAX_EXCLUDED_RANGES, backgroundRefusal, contentRefusal,
} from '../extension/src/shared/messages.js';
import { assert, assertEqual } from './lib/harness.mjs';

const SELF = { id: 'bkgfbfdnhffpiepndpaiecjdmbeikoag', base: 'chrome-extension://bkgfbfdnhffpiepndpaiecjdmbeikoag/' };
const CONTENT = { id: SELF.id, url: 'https://acme.zendesk.com/agent', tab: { id: 7 }, frameId: 0 };
const POPUP = { id: SELF.id, url: `${SELF.base}popup/popup.html` };
const BACKGROUND = { id: SELF.id, url: `${SELF.base}background.js` };
const CHECK = { type: 'check', text: "We're sorry if", excluded: [[0, 5]], audience: 'customer', draft: 'editor-1' };

/**
 * @param {unknown} message
 * @param {unknown} sender
 * @param {RegExp} why
 */
function assertRefused(message, sender, why) {
  const refused = backgroundRefusal(message, sender, SELF);
  assert(why.test(refused), `${JSON.stringify(message)?.slice(0, 80)} from ${JSON.stringify(sender)}: refusal "${refused}" does not match ${why}`);
}

/** @type {Array<[string, () => void]>} */
export const MESSAGE_CHECKS = [
  ['messages: the background takes checks from content scripts and settings requests from its own pages', () => {
    assertEqual(backgroundRefusal(CHECK, CONTENT, SELF), '', 'a check from a content script');
    assertEqual(backgroundRefusal({ ...CHECK, audience: undefined }, CONTENT, SELF), '', 'a check without an audience');
    assertEqual(backgroundRefusal({ type: 'editor-focused' }, { ...CONTENT, url: 'about:blank', frameId: 3 }, SELF), '', 'focus from an about:blank frame');
    assertEqual(backgroundRefusal({ type: 'focused-frame', tabId: 4 }, { ...POPUP, tab: { id: 4 } }, SELF), '', 'the popup, opened in a tab');
    assertEqual(backgroundRefusal({ type: 'validate', config: '{}' }, { id: SELF.id, url: `${SELF.base}options/options.html` }, SELF), '', 'the options page');
    assertEqual(backgroundRefusal({ type: 'rules' }, POPUP, SELF), '', 'rules');
  }],

  ['messages: other senders, and a content script asking for a page\'s requests (or the reverse), are refused', () => {
    assertRefused(CHECK, { ...CONTENT, id: 'another-extension-id' }, /only accepted from the extension's content scripts/);
    assertRefused(CHECK, { url: CONTENT.url, tab: { id: 7 }, frameId: 0 }, /only accepted from/);
    assertRefused(CHECK, { id: SELF.id, url: CONTENT.url }, /only accepted from/);  // no tab: not a content script
    assertRefused(CHECK, POPUP, /only accepted from the extension's content scripts/);
    assertRefused({ type: 'validate', config: '{}' }, CONTENT, /only accepted from the extension's own pages/);
    assertRefused({ type: 'focused-frame' }, { ...CONTENT, url: `https://evil.example/${SELF.base}` }, /own pages/);
    assertRefused(CHECK, null, /only accepted from/);
  }],

  ['messages: wrong shapes and types are refused with a reason', () => {
    for (const m of [null, 'check', 42, [CHECK]]) assertRefused(m, CONTENT, /must be an object/);
    assertRefused({ type: 'eval' }, CONTENT, /unknown message type "eval"/);
    assertRefused({ type: 'toString' }, CONTENT, /unknown message type/);  // not an inherited property either
    assertRefused({ text: 'x' }, CONTENT, /unknown message type/);
    assertRefused({ ...CHECK, text: 5 }, CONTENT, /text must be a string/);
    assertRefused({ ...CHECK, text: undefined }, CONTENT, /missing "text"|text must be a string/);
    assertRefused({ ...CHECK, excluded: 'none' }, CONTENT, /excluded must be an array/);
    assertRefused({ ...CHECK, excluded: [[0, 1], [3]] }, CONTENT, /excluded \[1\] must be \[start, end\]/);
    assertRefused({ ...CHECK, excluded: [[4, 2]] }, CONTENT, /excluded \[0\]/);
    assertRefused({ ...CHECK, excluded: [[0, 99]] }, CONTENT, /excluded \[0\]/);  // past the text's end
    assertRefused({ ...CHECK, excluded: [[-1, 2]] }, CONTENT, /excluded \[0\]/);
    assertRefused({ ...CHECK, excluded: [[0.5, 2]] }, CONTENT, /excluded \[0\]/);
    assertRefused({ ...CHECK, audience: 'admin' }, CONTENT, /audience must be one of customer, internal, technical/);
    assertRefused({ ...CHECK, draft: '' }, CONTENT, /draft must be a name/);
    assertRefused({ ...CHECK, draft: 'a:b' }, CONTENT, /draft must be a name/);
    assertRefused({ ...CHECK, draft: 7 }, CONTENT, /draft must be a name/);
    assertRefused({ ...CHECK, offsets: 'utf8' }, CONTENT, /unknown field "offsets"/);
    assertRefused({ type: 'focused-frame', tabId: '3' }, POPUP, /tabId must be a tab id/);
    assertRefused({ type: 'validate', config: {} }, POPUP, /config must be a string/);
  }],

  ['messages: sizes over the stated limits are refused', () => {
    const long = 'a'.repeat(MAX_CHECK_TEXT);
    assertEqual(backgroundRefusal({ ...CHECK, text: long }, CONTENT, SELF), '', 'text at the limit');
    assertRefused({ ...CHECK, text: `${long}a` }, CONTENT, new RegExp(`text is longer than ${MAX_CHECK_TEXT}`));
    const ranges = Array.from({ length: MAX_EXCLUDED_RANGES }, () => [0, 1]);
    assertEqual(backgroundRefusal({ ...CHECK, excluded: ranges }, CONTENT, SELF), '', 'excluded ranges at the limit');
    assertRefused({ ...CHECK, excluded: [...ranges, [0, 1]] }, CONTENT, new RegExp(`more than ${MAX_EXCLUDED_RANGES} ranges`));
    assertEqual(backgroundRefusal({ ...CHECK, draft: 'd'.repeat(MAX_DRAFT_LENGTH) }, CONTENT, SELF), '', 'draft name at the limit');
    assertRefused({ ...CHECK, draft: 'd'.repeat(MAX_DRAFT_LENGTH + 1) }, CONTENT, /draft must be a name/);
  }],

  ['messages: content scripts take only settings-applied and status, only from the extension itself', () => {
    assertEqual(contentRefusal({ type: 'settings-applied' }, BACKGROUND, SELF), '', 'settings-applied from the background');
    assertEqual(contentRefusal({ type: 'status' }, { ...POPUP, tab: { id: 2 } }, SELF), '', 'status from the popup in a tab');
    assert(/unknown message type/.test(contentRefusal({ type: 'check', text: 'x' }, BACKGROUND, SELF)), 'a check sent to a content script');
    assert(/only accepted from/.test(contentRefusal({ type: 'status' }, CONTENT, SELF)), 'status from another content script');
    assert(/only accepted from/.test(contentRefusal({ type: 'status' }, { ...BACKGROUND, id: 'other' }, SELF)), 'status from another extension');
    assert(/unknown field "x"/.test(contentRefusal({ type: 'status', x: 1 }, POPUP, SELF)), 'an extra field');
  }],
];
