// Seeded random editing for the draft-safety tests: typing, pasting,
// deleting, fixes from the card and undoing, with a model of the text the
// editor must hold after every step. The editor is reached through a
// DraftEditor, so one sequence runs in the test pages' toy editors
// (draft-cases.mjs) and in the real editor libraries (editor-draft-cases.mjs).
import { assert } from './harness.mjs';
import { cardState, pressNextFinding, sleep, undo, waitForCard, waitForDrawnFindings } from './page-helpers.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('puppeteer-core').Frame} Frame */

export const APOLOGY = "We're sorry if";
export const FIXED = "We're sorry";
const FIXABLE = `${APOLOGY} the update caused trouble.`;
export const SENTENCES = [
  'Thanks for waiting. ', `${FIXABLE} `, 'You should have told us. ', 'I will call you tomorrow. ',
  'The sync works again. ', "Let me know if it isn't fixed. ",
];

/**
 * What the random edits need from an editor. Keys and the mouse go to the
 * page (the focused editor); the editor's document (`doc`: the page, or the
 * editor's iframe) holds the caret, Tactful's card and its events.
 * @typedef {{
 *   page: Page,
 *   doc: Page | Frame,
 *   read: () => Promise<string>,
 *   placeCaret: (at: number) => Promise<void>,
 *   docOffset?: () => Promise<{x: number, y: number}>,  // where doc's viewport is in the page's
 *   beforeFix?: () => Promise<void>,  // what a user does between opening the card and clicking its fix
 * }} DraftEditor
 */

/** A small seeded generator (mulberry32), so a failing run can be repeated. @param {number} seed */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (/** @type {number} */ n) => Math.floor(next() * n),
    pick: (/** @type {any[]} */ list) => list[Math.floor(next() * list.length)],
  };
}

/** The run's seed: TACTFUL_SEED=<n> repeats one, otherwise a new one each run. */
export const runSeed = () => Number(process.env.TACTFUL_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Where a sentence can go: the start, the end, and after each ". ". @param {string} text */
function sentenceStarts(text) {
  const at = [0];
  for (let i = 2; i < text.length; i++) if (text[i - 1] === ' ' && text[i - 2] === '.') at.push(i);
  if (!at.includes(text.length)) at.push(text.length);
  return at;
}

/** Offsets of the fixable apologies that are still whole sentences. @param {string} text */
function fixableAt(text) {
  const at = [];
  for (let i = text.indexOf(FIXABLE); i >= 0; i = text.indexOf(FIXABLE, i + 1)) {
    if (i === 0 || text[i - 1] === ' ') at.push(i);
  }
  return at;
}

/**
 * Waits until the editor holds exactly the expected text.
 * @param {DraftEditor} editor
 * @param {string} expected
 * @param {string} what
 */
export async function expectText(editor, expected, what) {
  const until = Date.now() + 8000;
  let text = await editor.read();
  while (text !== expected && Date.now() < until) {
    await sleep(50);
    text = await editor.read();
  }
  assert(text === expected, `${what}:\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(text)}`);
}

/**
 * Pastes text at the caret: a paste event at the focused editor, which an
 * editor that owns its model takes; otherwise the browser's default, which
 * is the same edit as execCommand('insertText'). (A real Ctrl+V needs the
 * text copied from somewhere else first, which moves the focus and caret.)
 * @param {Page | Frame} doc
 * @param {string} text
 */
const pasteAt = (doc, text) => doc.evaluate((s) => {
  const focused = document.activeElement;
  const anchor = getSelection()?.anchorNode;
  const target = focused instanceof HTMLTextAreaElement || !anchor ? focused : anchor instanceof Element ? anchor : anchor.parentElement;
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', s);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
  // Firefox leaves a constructed paste event's clipboardData empty.
  if (event.clipboardData?.getData('text/plain') !== s) Object.defineProperty(event, 'clipboardData', { value: clipboardData });
  if (target?.dispatchEvent(event)) document.execCommand('insertText', false, s);
}, text);

/**
 * With the caret at the apology at `at`, opens its card from the keyboard
 * (the shortcut goes to the first finding ending after the caret, then on)
 * and clicks its fix with the mouse.
 * @param {DraftEditor} editor
 * @param {number} at
 */
async function fixApologyAt(editor, at) {
  const { page, doc } = editor;
  for (let i = 0; i < 6; i++) {
    await pressNextFinding(page);
    await waitForCard(/** @type {Page} */ (doc));
    const button = (await cardState(/** @type {Page} */ (doc)))?.targets.find((b) => b.label === FIXED);
    if (!button) continue;
    await editor.beforeFix?.();
    const offset = (await editor.docOffset?.()) ?? { x: 0, y: 0 };
    await page.mouse.click(button.x + offset.x, button.y + offset.y);
    await waitForCard(/** @type {Page} */ (doc), false);
    await page.mouse.move(2, 2);
    return;
  }
  throw new Error(`no card for the apology at ${at}`);
}

/**
 * One seeded run of random edits in one editor. Typing runs at full speed,
 * so checks are in flight while keys arrive; after every step the editor
 * must hold exactly the modelled text.
 * @param {DraftEditor} editor
 * @param {string} start the editor's text when the run starts
 * @param {ReturnType<typeof random>} rnd
 * @param {string[]} log what was done, for the failure message
 * @param {number} steps
 */
export async function randomEdits(editor, start, rnd, log, steps) {
  const { page } = editor;
  let expected = start;
  /** The text before the last fix: what one Ctrl+Z right after it brings back. */
  let beforeFix = '';
  /** Whether the last step was a fix, which is when Ctrl+Z is tried. */
  let justFixed = false;
  for (let step = 0; step < steps; step++) {
    const fixable = fixableAt(expected);
    const roll = rnd.next();
    const fixedBefore = justFixed;
    justFixed = false;
    if (fixedBefore && roll < 0.5) {
      log.push('undo the fix');
      await undo(page);
      expected = beforeFix;
    } else if (fixable.length && roll < 0.75 && rnd.next() < 0.5) {
      const at = rnd.pick(fixable);
      log.push(`fix the apology at ${at}`);
      await waitForDrawnFindings(editor.doc, 0, 10000);
      await editor.placeCaret(at);
      await fixApologyAt(editor, at);
      beforeFix = expected;
      expected = expected.slice(0, at) + FIXED + expected.slice(at + APOLOGY.length);
      justFixed = true;
    } else if (expected && rnd.next() < 0.35) {
      const at = 1 + rnd.int(expected.length);
      const n = 1 + rnd.int(Math.min(8, at));
      log.push(`delete ${n} before ${at}`);
      await editor.placeCaret(at);
      for (let i = 0; i < n; i++) await page.keyboard.press('Backspace');
      expected = expected.slice(0, at - n) + expected.slice(at);
    } else {
      const at = rnd.pick(sentenceStarts(expected));
      const sentence = rnd.pick(SENTENCES);
      const paste = rnd.next() < 0.4;
      log.push(`${paste ? 'paste' : 'type'} "${sentence}" at ${at}`);
      await editor.placeCaret(at);
      if (paste) await pasteAt(editor.doc, sentence);
      else await page.keyboard.type(sentence, { delay: 0 });
      expected = expected.slice(0, at) + sentence + expected.slice(at);
    }
    await expectText(editor, expected, `after step ${step + 1} (${log.at(-1)})`);
  }
  await waitForDrawnFindings(editor.doc, 0, 10000);
  await expectText(editor, expected, 'after the last check');
}
