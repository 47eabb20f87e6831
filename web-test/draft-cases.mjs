// Draft safety under random editing: a seeded run of typing, pasting,
// deleting, fixes from the card and undoing, in each kind of editor the
// pages have. After every step the editor must hold exactly the text the
// test modelled; typing runs at full speed, so checks are in flight while
// keys arrive. The seed is random per run (TACTFUL_SEED=<n> repeats one)
// and printed on failure.
import { assert } from './lib/harness.mjs';
import { cardState, clickCardButton, pressNextFinding, sleep, undo, waitForCard } from './lib/page-helpers.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('./cases.mjs').Ctx} Ctx */

const STEPS = 16;
const APOLOGY = "We're sorry if";
const FIXED = "We're sorry";
const FIXABLE = `${APOLOGY} the update caused trouble.`;
const SENTENCES = [
  'Thanks for waiting. ', `${FIXABLE} `, 'You should have told us. ', 'I will call you tomorrow. ',
  'The sync works again. ', "Let me know if it isn't fixed. ",
];

/** A small seeded generator (mulberry32), so a failing run can be repeated. @param {number} seed */
function random(seed) {
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

/**
 * Waits until the editor holds exactly the expected text.
 * @param {Page} page
 * @param {string} expected
 * @param {string} what
 */
async function expectText(page, expected, what) {
  const until = Date.now() + 5000;
  let text = await readText(page);
  while (text !== expected && Date.now() < until) {
    await sleep(50);
    text = await readText(page);
  }
  assert(text === expected, `${what}:\n  expected "${expected}"\n  got      "${text}"`);
}

/** Waits until the newest text has been checked and drawn. @param {Page} page */
async function settled(page) {
  await page.waitForFunction(() => {
    const events = window.tactfulEvents ?? [];
    const newest = Math.max(0, ...events.filter((e) => e.name === 'synced').map((e) => e.version ?? 0));
    return events.some((e) => e.name === 'drawn' && e.version === newest);
  }, { timeout: 10000, polling: 50 });
}

/**
 * Pastes text at the caret: a paste event an editor that owns its model
 * takes (as ProseMirror does); otherwise the browser's default, which is
 * the same edit as execCommand('insertText').
 * @param {Page} page
 * @param {string} text
 */
const pasteText = (page, text) => page.evaluate((s) => {
  const el = /** @type {HTMLElement} */ (document.getElementById('editor'));
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', s);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
  // Firefox leaves a constructed paste event's clipboardData empty.
  if (event.clipboardData?.getData('text/plain') !== s) Object.defineProperty(event, 'clipboardData', { value: clipboardData });
  if (el.dispatchEvent(event)) document.execCommand('insertText', false, s);
}, text);

/**
 * Opens the card of the apology at `at` from the keyboard (the shortcut
 * goes to the first finding ending after the caret, then on) and applies its fix.
 * @param {Page} page
 * @param {number} at
 */
async function fixApologyAt(page, at) {
  await settled(page);
  await placeCaret(page, at);
  for (let i = 0; i < 6; i++) {
    await pressNextFinding(page);
    await waitForCard(page);
    const state = await cardState(page);
    if (state?.targets.some((b) => b.label === FIXED)) {
      await clickCardButton(page, FIXED);
      await waitForCard(page, false);
      await page.mouse.move(2, 2);
      return;
    }
  }
  throw new Error(`no card for the apology at ${at}`);
}

/**
 * One seeded run of random edits in one editor.
 * @param {Page} page
 * @param {string} start the editor's text when the run starts
 * @param {ReturnType<typeof random>} rnd
 * @param {string[]} log what was done, for the failure message
 */
async function randomEdits(page, start, rnd, log) {
  let expected = start;
  /** The text before the last step, if that step was a fix (one undo step). @type {string | null} */
  let beforeFix = null;
  for (let step = 0; step < STEPS; step++) {
    const fixable = fixableAt(expected);
    const roll = rnd.next();
    if (beforeFix !== null && roll < 0.5) {
      log.push('undo the fix');
      await undo(page);
      expected = beforeFix;
      beforeFix = null;
    } else if (fixable.length && roll < 0.75 && rnd.next() < 0.5) {
      const at = rnd.pick(fixable);
      log.push(`fix the apology at ${at}`);
      await fixApologyAt(page, at);
      beforeFix = expected;
      expected = expected.slice(0, at) + FIXED + expected.slice(at + APOLOGY.length);
    } else if (expected && rnd.next() < 0.35) {
      const at = 1 + rnd.int(expected.length);
      const n = 1 + rnd.int(Math.min(8, at));
      log.push(`delete ${n} before ${at}`);
      await placeCaret(page, at);
      for (let i = 0; i < n; i++) await page.keyboard.press('Backspace');
      expected = expected.slice(0, at - n) + expected.slice(at);
      beforeFix = null;
    } else {
      const at = rnd.pick(sentenceStarts(expected));
      const sentence = rnd.pick(SENTENCES);
      const paste = rnd.next() < 0.4;
      log.push(`${paste ? 'paste' : 'type'} "${sentence}" at ${at}`);
      await placeCaret(page, at);
      if (paste) await pasteText(page, sentence);
      else await page.keyboard.type(sentence, { delay: 0 });
      expected = expected.slice(0, at) + sentence + expected.slice(at);
      beforeFix = null;
    }
    await expectText(page, expected, `after step ${step + 1} (${log.at(-1)})`);
  }
  await settled(page);
  await expectText(page, expected, 'after the last check');
}

/** @type {Array<[string, (t: Ctx) => Promise<void>]>} */
export const DRAFT_CASES = [
  ['draft safety: seeded random typing, pasting, deleting, fixes and undo keep every editor\'s text exact', async (t) => {
    const seed = Number(process.env.TACTFUL_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const editors = [['textarea.html', ''], ['editable.html', ''], ['rich.html', "Thanks for writing. We're sorry if the update caused trouble."]];
    for (const [file, start] of editors) {
      const rnd = random(seed);
      /** @type {string[]} */
      const log = [];
      const page = await t.open(`random-${file.split('.')[0]}`, file);
      try {
        await page.focus('#editor');
        await expectText(page, start, 'at the start');
        await randomEdits(page, start, rnd, log);
      } catch (e) {
        throw new Error(`${file}, seed ${seed} (repeat with TACTFUL_SEED=${seed}): ${e instanceof Error ? e.message : e}\n  steps: ${log.join('; ')}`);
      }
      await page.close();
    }
  }],
];
