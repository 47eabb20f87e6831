// Draft safety under random editing: a seeded run of typing, pasting,
// deleting, fixes from the card and undoing, in each kind of editor the
// pages have. After every step the editor must hold exactly the text the
// test modelled; typing runs at full speed, so checks are in flight while
// keys arrive. The seed is random per run (TACTFUL_SEED=<n> repeats one)
// and printed on failure.
import { expectText, random, randomEdits, runSeed } from './lib/random-edits.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('./cases.mjs').Ctx} Ctx */

const STEPS = 16;

/** The editor's text, with the non-breaking spaces contenteditable types normalised. @param {Page} page */
const readText = (page) => page.evaluate(() => {
  const el = /** @type {HTMLElement} */ (document.getElementById('editor'));
  const text = el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '').replace(/\u00a0/g, ' ');
  return el.dataset.mode === 'model' && window.editorModel !== text ? `model "${window.editorModel}" != DOM "${text}"` : text;
});

/**
 * Puts the caret at a text offset, as a click there would.
 * @param {Page} page
 * @param {number} offset
 */
const placeCaret = (page, offset) => page.evaluate((at) => {
  const el = /** @type {HTMLElement} */ (document.getElementById('editor'));
  el.focus();
  if (el instanceof HTMLTextAreaElement) {
    el.setSelectionRange(at, at);
    return;
  }
  const sel = /** @type {Selection} */ (getSelection());
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let left = at;
  /** @type {Text | null} */
  let last = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    last = /** @type {Text} */ (n);
    if (left <= last.length) {
      sel.collapse(last, left);
      return;
    }
    left -= last.length;
  }
  if (last) sel.collapse(last, last.length);
  else sel.collapse(el.querySelector('p') ?? el, 0);
}, offset);

/** @type {Array<[string, (t: Ctx) => Promise<void>]>} */
export const DRAFT_CASES = [
  ['draft safety: seeded random typing, pasting, deleting, fixes and undo keep every editor\'s text exact', async (t) => {
    const seed = runSeed();
    const editors = [['textarea.html', ''], ['editable.html', ''], ['rich.html', "Thanks for writing. We're sorry if the update caused trouble."]];
    for (const [file, start] of editors) {
      const rnd = random(seed);
      /** @type {string[]} */
      const log = [];
      const page = await t.open(`random-${file.split('.')[0]}`, file);
      try {
        await page.focus('#editor');
        /** @type {import('./lib/random-edits.mjs').DraftEditor} */
        const editor = { page, doc: page, read: () => readText(page), placeCaret: (at) => placeCaret(page, at) };
        await expectText(editor, start, 'at the start');
        await randomEdits(editor, start, rnd, log, STEPS);
      } catch (e) {
        throw new Error(`${file}, seed ${seed} (repeat with TACTFUL_SEED=${seed}): ${e instanceof Error ? e.message : e}\n  steps: ${log.join('; ')}`);
      }
      await page.close();
    }
  }],
];
