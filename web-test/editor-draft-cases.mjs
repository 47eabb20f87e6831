// Draft safety in the real editor libraries: the seeded random edits of
// draft-cases.mjs (typing at full speed while checks are in flight, pasting,
// deleting, fixes from the card, undoing them) in every editor of the
// matrix, with the text read back after every step through the editor's own
// API (window.editorRawText on each fixture: quill.getText(), ProseMirror's
// document, CKEditor's getData(), TinyMCE's getContent({format: 'text'}),
// Draft's getPlainText(), React's state).
//
// The caret moves as a user moves it: the test puts the selection one
// character away and arrives with an arrow key, then waits until the
// editor's own selection is there. So a typing run always ends with a
// navigation key before the next edit, as it does for a user.
//
// Ctrl+Z right after a fix must bring back the text before the fix, in
// every editor.
import { EDITORS, caretAt, editorSurface, frameOffset, pastUndoMergeWindow } from './editor-cases.mjs';
import { expectText, random, randomEdits, runSeed } from './lib/random-edits.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('./cases.mjs').Ctx} Ctx */
/** @typedef {import('./cases.mjs').Case} Case */
/** @typedef {import('./editor-cases.mjs').EditorFixture} EditorFixture */
/** @typedef {import('./editor-cases.mjs').Compat} Compat */

const STEPS = 14;
const START = "Thanks for writing. We're sorry if the update caused trouble. ";

/**
 * The editor's text from its own API, with exactly what the editor adds by
 * design undone: Quill's document always ends in one newline, and the
 * contenteditable editors keep a space the browser would collapse as a
 * no-break space (one character for one, so a lost or doubled character
 * still shows). Nothing is trimmed.
 * @param {EditorFixture} editor @param {string} raw
 */
function typedText(editor, raw) {
  let text = raw;
  if (editor.id === 'quill') {
    if (!text.endsWith('\n')) return `${JSON.stringify(raw)} (Quill text without its final newline)`;
    text = text.slice(0, -1);
  }
  return editor.textarea ? text : text.replace(/\u00a0/g, ' ');
}

/**
 * Puts the selection `from` characters into the editor's content, focusing
 * it first if it has not the focus. Runs in the editor's document.
 * @param {Element} content
 * @param {number} from
 */
function selectAt(content, from) {
  const el = /** @type {HTMLElement} */ (content);
  if (el.ownerDocument.activeElement !== el || !el.ownerDocument.hasFocus()) el.focus();
  if (el instanceof HTMLTextAreaElement) {
    el.setSelectionRange(from, from);
    return;
  }
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let left = from;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = /** @type {Text} */ (n);
    if (left <= node.length) {
      /** @type {Selection} */ (el.ownerDocument.getSelection()).collapse(node, left);
      return;
    }
    left -= node.length;
  }
  if (from > 0) throw new Error(`offset ${from} is past the editor's text`);
}

/**
 * Moves the caret as a user does: the selection goes one character away
 * (before `at`, or after it at the start), and an arrow key brings it to
 * `at`. ProseMirror sometimes puts back its own selection just after the
 * arrow key moved the browser's (seen after a fix: the keydown reaches the
 * page unprevented, the caret moves, then returns); then the move is made
 * again, as a user would press the key again.
 * @param {Page} page @param {Awaited<ReturnType<typeof editorSurface>>} surface @param {EditorFixture} editor
 * @param {number} at
 * @param {number} length of the text
 */
async function moveCaret(page, surface, editor, at, length) {
  const [from, key] = !length ? [0, null] : at > 0 ? [at - 1, 'ArrowRight'] : [1, 'ArrowLeft'];
  for (let i = 0; i < 3; i++) {
    await surface.target.$eval(editor.content, selectAt, from);
    if (!await caretAt(page, from, 2000)) continue;
    if (!key) return;
    await page.keyboard.press(/** @type {import('puppeteer-core').KeyInput} */ (key));
    if (await caretAt(page, at, 2000)) return;
  }
  throw new Error(`the editor's selection is ${JSON.stringify(await page.evaluate(() => window.editorSelection()))}, not at ${at}`);
}

/**
 * @param {Page} page @param {Awaited<ReturnType<typeof editorSurface>>} surface @param {EditorFixture} editor
 * @returns {import('./lib/random-edits.mjs').DraftEditor}
 */
function draftEditor(page, surface, editor) {
  const read = async () => typedText(editor, await page.evaluate(() => window.editorRawText()));
  return {
    page,
    doc: surface.target,
    read,
    placeCaret: async (at) => moveCaret(page, surface, editor, at, (await read()).length),
    docOffset: () => frameOffset(page, surface),
    beforeFix: pastUndoMergeWindow,
  };
}

/**
 * @param {Compat} compat
 * @returns {Case[]}
 */
export function editorDraftCases(compat) {
  return EDITORS.map((editor) => [
    `${editor.label}: draft safety, seeded random typing, pasting, deleting, fixes and undo keep the editor's model exact`,
    async (/** @type {Ctx} */ t) => {
      const seed = runSeed();
      console.log(`      seed ${seed} (TACTFUL_SEED=${seed} repeats it)`);
      /** @type {string[]} */
      const log = [];
      const page = await t.open(`editor-${editor.id}`, `editors/${editor.id}.html`);
      const surface = await editorSurface(page, editor);
      const draft = draftEditor(page, surface, editor);
      await compat.step(t.browserName, editor, 'randomEdits', async () => {
        try {
          await draft.placeCaret(0);
          await page.keyboard.type(START, { delay: 0 });
          await expectText(draft, START, 'after typing the start');
          await randomEdits(draft, START, random(seed), log, STEPS);
          console.log(`      ${log.join('; ')}`);
        } catch (e) {
          throw new Error(`seed ${seed} (repeat with TACTFUL_SEED=${seed}): ${e instanceof Error ? e.message : e}\n  steps: ${log.join('; ')}`);
        }
      });
    },
    { timeoutMs: 150000 },
  ]);
}
