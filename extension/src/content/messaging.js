// The content script's side of messaging with the background.
import { ext } from '../shared/browser-api.js';

/** @typedef {import('../shared/messages.js').CheckResponse} CheckResponse */

/** Whether this content script still belongs to a live extension (not reloaded or updated away). */
export const extensionAlive = () => !!ext.runtime?.id;

/**
 * Asks the background's engine to check a text.
 * @param {string} text
 * @param {Array<[number, number]>} excluded
 * @param {string} audience who will read the reply
 * @param {string} draft names the editor, so the engine re-checks only the paragraphs that changed
 * @returns {Promise<CheckResponse>} rejected if the background did not answer
 */
export async function requestCheck(text, excluded, audience, draft) {
  /** @type {import('../shared/messages.js').CheckRequest} */
  const request = { type: 'check', text, excluded, audience, draft };
  const response = await ext.runtime.sendMessage(request);
  // Chrome answers undefined, rather than failing, when the service worker
  // stopped before it replied: the check was lost with it.
  if (response === undefined) throw new Error('no response from the background');
  return response;
}

/** Tells the background that this frame has the focused editor (for the popup). */
export function announceFocus() {
  ext.runtime.sendMessage({ type: 'editor-focused' }).catch(() => {});
}
