// Applies a suggestion through the editor's own editing path, so the page's
// editor model stays in sync and one Ctrl+Z takes the fix back. The draft is
// never rewritten wholesale: only the finding's span is selected and
// replaced, and only if it still holds the text the finding was about.
import { TextModel } from './text-model.js';

/** @typedef {{ok: true} | {ok: false, reason: string}} ApplyResult */

const REFUSED = "This editor didn't accept the change, so your draft is unchanged.";
export const CHANGED = 'The text here has changed since it was checked; nothing was replaced.';
const DIFFERENT = 'The editor changed the text differently than expected; Ctrl+Z undoes it.';

// cloneInto is a Firefox content-script global.
const FIREFOX_CONTENT_SCRIPT = typeof (/** @type {any} */ (globalThis)).cloneInto === 'function';

/** Waits until the editor has had a chance to re-render (frameworks apply changes asynchronously). */
const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Resolves once the page has seen the selection change (or soon, if the
 * selection was already there and no event comes). Editors that keep their
 * own selection (CKEditor 5, ProseMirror) update it on selectionchange; one
 * that has not yet would apply the fix where its old selection was, or, like
 * CKEditor 5, fold the fix into the undo step of the typing before it.
 * @param {Document} doc
 */
function selectionSeen(doc) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', done);
      resolve(undefined);
    };
    const timer = setTimeout(done, 100);
    doc.addEventListener('selectionchange', done);
  });
}

/**
 * Removing a word should not leave two spaces behind: widen a deletion over
 * one neighbouring space.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 */
function deletionSpan(text, start, end) {
  if (text[end] === ' ' && (start === 0 || /\s/.test(text[start - 1]))) return [start, end + 1];
  if (text[start - 1] === ' ' && (end === text.length || /[\s.,;:!?]/.test(text[end]))) return [start - 1, end];
  return [start, end];
}

/**
 * @param {Document} doc
 * @param {string} replacement
 */
function insertWithExecCommand(doc, replacement) {
  // execCommand is deprecated but is still the only way to edit through the
  // browser's own editing path, which records one undo step.
  return replacement === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, replacement);
}

/**
 * @param {HTMLTextAreaElement} textarea
 * @param {{start: number, end: number, text: string}} span
 * @param {string} replacement
 * @returns {Promise<ApplyResult>}
 */
export async function applyToTextarea(textarea, span, replacement) {
  const before = textarea.value;
  if (before.slice(span.start, span.end) !== span.text) return { ok: false, reason: CHANGED };
  const [start, end] = replacement === '' ? deletionSpan(before, span.start, span.end) : [span.start, span.end];
  const expected = before.slice(0, start) + replacement + before.slice(end);
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, end);
  insertWithExecCommand(textarea.ownerDocument, replacement);
  if (textarea.value !== expected) await settle();
  return verify(before, textarea.value, expected);
}

/**
 * @param {HTMLElement} root the editing host
 * @param {TextModel} model the editor's text as it is now
 * @param {{start: number, end: number, text: string}} span offsets into model.text
 * @param {string} replacement
 * @returns {Promise<ApplyResult>}
 */
export async function applyToContentEditable(root, model, span, replacement) {
  const doc = root.ownerDocument;
  const before = model.text;
  if (before.slice(span.start, span.end) !== span.text) return { ok: false, reason: CHANGED };
  const [start, end] = replacement === '' ? deletionSpan(before, span.start, span.end) : [span.start, span.end];
  const range = model.rangeFor(start, end);
  if (!range) return { ok: false, reason: CHANGED };
  const expected = before.slice(0, start) + replacement + before.slice(end);

  root.focus({ preventScroll: true });
  const selection = /** @type {Selection} */ (doc.getSelection());
  const seen = selectionSeen(doc);
  selection.removeAllRanges();
  selection.addRange(range);
  await seen;
  if (new TextModel(root).text !== before) return { ok: false, reason: CHANGED };

  // Editors that own their model (CKEditor 5, Slate, Draft.js, ProseMirror)
  // listen to beforeinput; offer them the replacement first.
  const target = new StaticRange({
    startContainer: range.startContainer, startOffset: range.startOffset,
    endContainer: range.endContainer, endOffset: range.endOffset,
  });
  const view = /** @type {Window & typeof globalThis} */ (doc.defaultView);
  /** @type {InputEventInit} */
  const init = {
    inputType: 'insertReplacementText', data: replacement,
    targetRanges: [target], bubbles: true, cancelable: true, composed: true,
  };
  // Chrome's own insertReplacementText carries the text in dataTransfer.
  // In Firefox, data a content script puts in a DataTransfer keeps the
  // extension's principal and reads as "" to the page, so an editor would
  // insert nothing; there the text goes in `data` only, as Safari sends it.
  if (!FIREFOX_CONTENT_SCRIPT) {
    init.dataTransfer = new view.DataTransfer();
    init.dataTransfer.setData('text/plain', replacement);
  }
  const event = new view.InputEvent('beforeinput', init);
  const handledByEditor = !root.dispatchEvent(event);
  if (!handledByEditor) {
    // Editors that leave the edit to the browser but keep their own undo
    // levels (TinyMCE) record a level on an insertReplacementText input
    // event, as for a spellcheck replacement; on execCommand's insertText
    // they record none. So the edit is bracketed by two such events:
    // - the one before closes the level of any typing before the fix. A
    //   spellcheck replacement always starts with a click on the word,
    //   which closes it; a fix chosen from the keyboard has no click, and
    //   one Ctrl+Z took back the typing and the fix together;
    // - the one after, where the browser's spellcheck sends it, records
    //   the fix as a level of its own; without it one Ctrl+Z went back past
    //   the fix to the level before, taking back the step before it too.
    // An editor that keeps no levels of its own re-reads unchanged text.
    const { targetRanges, ...inputInit } = init;  // an input event's target ranges are empty
    const replaced = () => root.dispatchEvent(new view.InputEvent('input', { ...inputInit, cancelable: false }));
    replaced();
    insertWithExecCommand(doc, replacement);
    replaced();
  }
  let after = new TextModel(root).text;
  if (handledByEditor || after !== expected) {
    await settle();
    after = new TextModel(root).text;
  }
  return verify(before, after, expected);
}

/**
 * @param {string} before
 * @param {string} after
 * @param {string} expected
 * @returns {ApplyResult}
 */
function verify(before, after, expected) {
  if (after === expected) return { ok: true };
  return { ok: false, reason: after === before ? REFUSED : DIFFERENT };
}
