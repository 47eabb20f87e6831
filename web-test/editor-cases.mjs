// The editor matrix: Tactful in the real editor libraries support tools are
// built on (fixtures in web-test/editors/), the same checks for each, in
// Chromium and in Firefox ESR. Every check reads the editor's text back
// through the editor's own API (window.editorModelText on each fixture), so
// a fix that only changed the DOM, and not the editor's model, fails.
// Each check's outcome goes into a Compat record, from which the run writes
// docs/compatibility.md.
import { assert, assertEqual } from './lib/harness.mjs';
import {
  assertHighlightsOnWords, cardState, highlightVersusWord, pressNextFinding, sleep, textareaPhraseRect, undo, waitForCard,
  waitForDrawn, waitForDrawnFindings, waitForUnderlinePixels,
} from './lib/page-helpers.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('puppeteer-core').Frame} Frame */
/** @typedef {import('./cases.mjs').Ctx} Ctx */
/** @typedef {{x: number, y: number, width: number, height: number}} Rect */

/**
 * @typedef {{
 *   id: string, label: string,
 *   content: string,       // selector of the element holding the text
 *   frame?: string,        // selector of the iframe the editor lives in
 *   textarea?: boolean,
 *   known?: Partial<Record<keyof typeof CHECKS, string>>,  // checks known to fail here, and why
 * }} EditorFixture
 */

/** @type {EditorFixture[]} */
export const EDITORS = [
  { id: 'quill', label: 'Quill 2.0.3', content: '#editor .ql-editor' },
  { id: 'tiptap', label: 'Tiptap 3.34.0 (ProseMirror)', content: '#editor .ProseMirror' },
  { id: 'ckeditor', label: 'CKEditor 5 48.5.2 (classic)', content: '.ck-editor__editable' },
  { id: 'tinymce', label: 'TinyMCE 8.9.2 (iframe)', content: '#tinymce', frame: 'iframe.tox-edit-area__iframe' },
  { id: 'draft', label: 'Draft.js 0.11.7 (React 18)', content: '#editor [contenteditable]' },
  { id: 'react-textarea', label: 'React 18 controlled textarea', content: '#editor', textarea: true },
];

/** The checks, in the table's column order. */
export const CHECKS = /** @type {const} */ ({
  typing: 'underlines after typing',
  paste: 'underlines after paste',
  earlier: 'underlines follow text inserted earlier',
  resize: 'underlines follow a window resize',
  scroll: 'underlines follow the page scrolling',
  editorScroll: 'underlines follow the editor scrolling',
  fix: "card fix lands in the editor's model",
  caretAfterFix: "the editor's caret is at the end of the fixed text",
  spellcheck: "the editor's spellcheck setting is untouched",
  undoFix: 'one Ctrl+Z restores the original',
  undoKeyboardFix: 'after a fix from the keyboard, one Ctrl+Z restores the original',
  editorUndo: "editor's own undo keeps working",
  mutations: 'no DOM mutations from Tactful',
  longPaste: 'a 5,000-word paste is checked and underlined',
  randomEdits: 'seeded random typing, pasting, deleting, fixes and undo keep the model exact',
});

const BLAME = 'You should have';
const APOLOGY = "We're sorry if";
const REPLY = "Thanks for writing. You should have told us sooner. We're sorry if it was confusing.";
const FIXED = "Thanks for writing. You should have told us sooner. We're sorry it was confusing.";
const FIX = "We're sorry";  // the apology's fix, as the card offers it
const GREETING = 'Hello Daniel. ';
// 5,000 words: 50 paragraphs of 100 innocent words, then the reply.
const INNOCENT = 'Thanks for the details about the invoice and the account settings you sent this morning. ';
const LONG_DRAFT = [...Array(50)].map(() => INNOCENT.repeat(100 / 15 + 1).split(' ').slice(0, 100).join(' ')).join('\n') +
  `\n${REPLY}`;

/**
 * Editors merge edits made within a short time of each other into one undo
 * step (Quill: 1 s from the step's first edit; ProseMirror: 500 ms), a fix
 * included. A person reads the card before clicking; the tests pause as long.
 */
export const pastUndoMergeWindow = () => sleep(1100);

/** Outcomes by browser, editor and check: true passed, a string is the failure. */
export class Compat {
  constructor() {
    /** @type {Record<string, Record<string, Record<string, true | string>>>} */
    this.results = {};
    /** @type {Record<string, Record<string, string>>} what was measured, by browser and editor */
    this.reports = {};
  }

  /** @param {string} browser @param {EditorFixture} editor @param {string} report */
  report(browser, editor, report) {
    (this.reports[browser] ??= {})[editor.id] = report;
  }

  /**
   * Runs one check and records how it went. A failure is rethrown, so the
   * checks after it in the same case are not reached (and say so), unless it
   * is a known issue of the editor: then it is recorded as such and the step
   * returns false. A known issue that no longer happens fails, so the list
   * of known issues stays true.
   * @param {string} browser @param {EditorFixture} editor @param {keyof typeof CHECKS} check
   * @param {() => Promise<void>} fn
   * @returns {Promise<boolean>} whether the check passed
   */
  async step(browser, editor, check, fn) {
    const cell = ((this.results[browser] ??= {})[editor.id] ??= {});
    const known = editor.known?.[check];
    try {
      await fn();
    } catch (e) {
      cell[check] = e instanceof Error ? e.message : String(e);
      if (known) return false;
      throw new Error(`${CHECKS[check]}: ${cell[check]}`);
    }
    cell[check] = true;
    if (known) throw new Error(`${CHECKS[check]} passes: remove the known issue "${known}"`);
    return true;
  }
}

/**
 * Where the editor lives: the page or its iframe.
 * @param {Page} page
 * @param {EditorFixture} editor
 */
export async function editorSurface(page, editor) {
  await page.waitForFunction(() => typeof window.editorModelText === 'function', { timeout: 15000 });
  if (!editor.frame) return { target: /** @type {Page | Frame} */ (page), frame: null };
  const handle = await page.waitForSelector(editor.frame, { timeout: 10000 });
  const frame = await /** @type {NonNullable<typeof handle>} */ (handle).contentFrame();
  assert(frame, `${editor.frame} has no frame`);
  return { target: /** @type {Page | Frame} */ (frame), frame: editor.frame };
}

/**
 * How far the editor's frame's viewport is from the page's, now (for real
 * mouse input and screenshots of an iframe).
 * @param {Page} page @param {Surface} surface
 */
export async function frameOffset(page, surface) {
  if (!surface.frame) return { x: 0, y: 0 };
  return page.$eval(surface.frame, (f) => {
    const r = f.getBoundingClientRect();
    return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
  });
}

/** @typedef {Awaited<ReturnType<typeof editorSurface>>} Surface */

/** @param {Page} page */
const modelText = (page) => page.evaluate(() => window.editorModelText());

/**
 * Waits until the editor's own selection is a caret at this offset of its
 * text; false if it does not get there in time.
 * @param {Page} page @param {number} at @param {number} timeout
 */
export const caretAt = (page, at, timeout) => page.waitForFunction((a) => {
  const s = window.editorSelection();
  return !!s && s.start === a && s.end === a;
}, { timeout, polling: 50 }, at).then(() => true, () => false);

/**
 * Waits until the editor's own model holds exactly this text.
 * @param {Page} page @param {string} expected @param {string} when
 */
async function waitForModel(page, expected, when) {
  await page.waitForFunction((s) => window.editorModelText() === s, { timeout: 5000, polling: 50 }, expected)
    .catch(async () => { throw new Error(`editor model ${when}: ${JSON.stringify(await modelText(page))}`); });
}

/**
 * Presses Ctrl+Z until the editor's model is back to this text, at most n
 * times, failing if undo stops short or goes past it. (How much one Ctrl+Z
 * takes back is the editor's business: Chromium's own textarea undoes
 * keyboard-typed text a character at a time.)
 * @param {Page} page @param {string} expected @param {number} n
 */
async function undoBackTo(page, expected, n) {
  /** @type {string[]} */
  const seen = [];
  for (let i = 0; i < n; i++) {
    const before = await modelText(page);
    await undo(page);
    await page.waitForFunction((b) => window.editorModelText() !== b, { timeout: 2000, polling: 50 }, before).catch(() => {});
    const now = await modelText(page);
    seen.push(now);
    if (now === expected) return;
    if (!now.startsWith(expected) || now === before) break;
  }
  throw new Error(`Ctrl+Z did not bring back ${JSON.stringify(expected)}; it gave ${JSON.stringify(seen)}`);
}

/**
 * Asserts the underlines sit on these phrases, measured independently of
 * Tactful: against the text nodes' own boxes (rich editors) or the
 * textarea's font metrics and screenshot pixels (textarea).
 * @param {Page} page @param {Surface} surface @param {EditorFixture} editor
 * @param {Array<[string, string]>} expected [category, phrase]
 */
async function assertUnderlines(page, surface, editor, expected) {
  if (!editor.textarea) return assertHighlightsOnWords(surface.target, expected, editor.content);
  for (const [category, phrase] of expected) {
    await waitForUnderlinePixels(page, await textareaPhraseRect(page, editor.content, phrase), category);
  }
}

/**
 * Asserts a phrase's underline is painted under it on screen: the phrase's
 * box from its own text node (or the textarea's metrics), the underline
 * from screenshot pixels.
 * @param {Page} page @param {Surface} surface @param {EditorFixture} editor @param {string} category @param {string} phrase
 */
async function assertPainted(page, surface, editor, category, phrase) {
  if (editor.textarea) {
    await waitForUnderlinePixels(page, await textareaPhraseRect(page, editor.content, phrase), category);
    return;
  }
  const boxes = await highlightVersusWord(surface.target, category, phrase, editor.content);
  assert(boxes?.word, `"${phrase}" is not in the editor`);
  const word = /** @type {Rect} */ (boxes?.word);
  const offset = await frameOffset(page, surface);
  await waitForUnderlinePixels(page, { ...word, x: word.x + offset.x, y: word.y + offset.y }, category);
}

/**
 * Scrolls the editor's own scroll box (the nearest one around its text that
 * overflows, or its document) to the top; false if it was there already.
 * Runs in the page.
 * @param {Element} content
 */
function scrollEditorToTop(content) {
  /** @type {Element | null} */
  let box = content;
  // A textarea scrolls itself (Firefox reports its overflow as "visible").
  const scrolls = (/** @type {Element} */ el) => el instanceof HTMLTextAreaElement || /auto|scroll/.test(getComputedStyle(el).overflowY);
  while (box && !(box.scrollHeight > box.clientHeight && scrolls(box))) box = box.parentElement;
  const scroller = box ?? content.ownerDocument.scrollingElement;
  if (!scroller) return false;
  const before = scroller.scrollTop;
  scroller.scrollTop = 0;
  return before > 0;
}

/**
 * A key chord, e.g. chord(page, 'Control', 'Home').
 * @param {Page} page @param {import('puppeteer-core').KeyInput} modifier @param {import('puppeteer-core').KeyInput} key
 */
async function chord(page, modifier, key) {
  await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  await page.keyboard.up(modifier);
}

/**
 * A real clipboard paste: the text is copied with Ctrl+C from a field of the
 * page's own (opted out of Tactful), then pasted into the editor with Ctrl+V,
 * so the editor gets the browser's own paste event and clipboard data.
 * @param {Page} page @param {Surface} surface @param {EditorFixture} editor @param {string} text
 */
async function paste(page, surface, editor, text) {
  await page.evaluate((s) => {
    const source = document.createElement('textarea');
    source.id = 'clipboard-source';
    source.dataset.tactful = 'off';
    source.value = s;
    document.body.append(source);
    source.select();
  }, text);
  await chord(page, 'Control', 'c');
  await page.evaluate(() => document.getElementById('clipboard-source')?.remove());
  await surface.target.click(editor.content);
  await chord(page, 'Control', 'v');
}

/**
 * The rectangle of a phrase's underline in page coordinates, for the mouse.
 * @param {Page} page @param {Surface} surface @param {EditorFixture} editor @param {string} category @param {string} phrase
 * @returns {Promise<Rect>}
 */
async function phraseBox(page, surface, editor, category, phrase) {
  if (editor.textarea) return textareaPhraseRect(page, editor.content, phrase);
  const box = await surface.target.evaluate((c, p) => {
    const range = [...(CSS.highlights.get(`tactful-${c}`) ?? [])].find((r) => r.toString() === p);
    // The first line's box: a phrase that wraps has nothing under its bounding box's middle.
    return range ? /** @type {Range} */ (range).getClientRects()[0]?.toJSON() ?? null : null;
  }, category, phrase);
  assert(box, `no ${category} highlight on "${phrase}"`);
  const offset = await frameOffset(page, surface);
  return { x: box.x + offset.x, y: box.y + offset.y, width: box.width, height: box.height };
}

/**
 * Real mouse: hovers a phrase until its card opens (the card lives in the
 * editor's frame), then clicks the card's button with this label.
 * @param {Page} page @param {Surface} surface @param {Rect} box @param {string} label
 */
async function applyFromCard(page, surface, box, label) {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  const card = await waitForCard(/** @type {Page} */ (surface.target));
  const button = card.targets.find((t) => t.label === label);
  assert(button, `card has no "${label}" button; it has ${JSON.stringify(card.targets.map((t) => t.label))}`);
  const { x, y } = /** @type {{x: number, y: number}} */ (button);
  const offset = await frameOffset(page, surface);
  await page.mouse.click(x + offset.x, y + offset.y);
}

/**
 * Keyboard only: Alt+Shift+J opens the card of the next finding with its
 * first suggestion focused, until the card offers this label; Enter takes it.
 * @param {Page} page @param {Surface} surface @param {string} label
 */
async function applyFromKeyboard(page, surface, label) {
  for (let i = 0; i < 4; i++) {
    await pressNextFinding(page);
    await waitForCard(/** @type {Page} */ (surface.target));
    const card = await cardState(/** @type {Page} */ (surface.target));
    if (card?.targets[1]?.label === label) return page.keyboard.press('Enter');  // [0] is the close button
  }
  throw new Error(`no card offered "${label}" first`);
}

/**
 * Opens an editor's fixture, clicks into its text and types.
 * @param {Ctx} t @param {EditorFixture} editor @param {string} text
 */
async function openAndType(t, editor, text) {
  const page = await t.open(`editor-${editor.id}`, `editors/${editor.id}.html`);
  const surface = await editorSurface(page, editor);
  const spellcheck = await spellcheckOf(surface, editor);
  await surface.target.click(editor.content);
  if (text) await page.keyboard.type(text, { delay: 5 });
  return { page, surface, spellcheck };
}

/**
 * The editor's spellcheck setting: its content element's attribute and
 * what the browser makes of it (inherited from the page when absent).
 * @param {Surface} surface @param {EditorFixture} editor
 */
const spellcheckOf = (surface, editor) => surface.target.$eval(editor.content,
  (el) => `attribute ${JSON.stringify(el.getAttribute('spellcheck'))}, in effect ${/** @type {HTMLElement} */ (el).spellcheck}`);

/**
 * @param {Compat} compat
 * @returns {Array<[string, (t: Ctx) => Promise<void>]>}
 */
export function editorCases(compat) {
  return EDITORS.flatMap((editor) => {
    /** @param {Ctx} t @param {keyof typeof CHECKS} check @param {() => Promise<void>} fn */
    const step = (t, check, fn) => compat.step(t.browserName, editor, check, fn);
    return /** @type {Array<[string, (t: Ctx) => Promise<void>]>} */ ([
      [`${editor.label}: typing, text inserted earlier, resize, scroll, a fix from the card (caret, spellcheck), Ctrl+Z, the editor's undo`, async (t) => {
        const { page, surface, spellcheck } = await openAndType(t, editor, REPLY);
        await step(t, 'typing', async () => {
          await waitForModel(page, REPLY, 'after typing');
          await assertUnderlines(page, surface, editor, [['blame', BLAME], ['apology', APOLOGY]]);
        });
        await step(t, 'earlier', async () => {
          await chord(page, 'Control', 'Home');
          await page.keyboard.type(GREETING, { delay: 5 });
          await waitForModel(page, GREETING + REPLY, 'after typing at the start');
          await assertUnderlines(page, surface, editor, [['blame', BLAME], ['apology', APOLOGY]]);
        });
        await step(t, 'resize', async () => {
          await page.setViewport({ width: 760, height: 640 });
          await assertUnderlines(page, surface, editor, [['blame', BLAME], ['apology', APOLOGY]]);
          await assertPainted(page, surface, editor, 'blame', BLAME);
        });
        await step(t, 'scroll', async () => {
          await page.evaluate(() => scrollBy(0, 80));
          await page.waitForFunction(() => scrollY > 0, { timeout: 2000 });
          await assertPainted(page, surface, editor, 'blame', BLAME);
        });
        await step(t, 'fix', async () => {
          await pastUndoMergeWindow();
          await applyFromCard(page, surface, await phraseBox(page, surface, editor, 'apology', APOLOGY), FIX);
          await waitForModel(page, GREETING + FIXED, 'after the fix');
        });
        await step(t, 'caretAfterFix', async () => {
          const end = GREETING.length + FIXED.indexOf(FIX) + FIX.length;
          const there = await caretAt(page, end, 3000);
          assert(there, `the editor's selection is ${JSON.stringify(await page.evaluate(() => window.editorSelection()))}, not a caret at ${end}`);
        });
        await step(t, 'spellcheck', async () => {
          assertEqual(await spellcheckOf(surface, editor), spellcheck, "the editor's spellcheck setting after the fix");
        });
        await step(t, 'undoFix', async () => {
          await undo(page);
          await waitForModel(page, GREETING + REPLY, 'after one Ctrl+Z');
        });
        await step(t, 'editorUndo', async () => {
          // From whatever Ctrl+Z left (the original, or where a known issue took it).
          const base = await modelText(page);
          await chord(page, 'Control', 'End');
          await pastUndoMergeWindow();
          const typed = ' Bye';
          await page.keyboard.type(typed, { delay: 5 });
          await waitForModel(page, `${base}${typed}`, 'after typing at the end');
          await undoBackTo(page, base, typed.length);
        });
      }],

      [`${editor.label}: a fix from the keyboard, then one Ctrl+Z`, async (t) => {
        const { page, surface } = await openAndType(t, editor, REPLY);
        await step(t, 'undoKeyboardFix', async () => {
          await waitForModel(page, REPLY, 'after typing');
          await chord(page, 'Control', 'Home');
          await page.keyboard.type(GREETING, { delay: 5 });
          await waitForModel(page, GREETING + REPLY, 'after typing at the start');
          await assertUnderlines(page, surface, editor, [['blame', BLAME], ['apology', APOLOGY]]);
          await pastUndoMergeWindow();
          await applyFromKeyboard(page, surface, FIX);
          await waitForModel(page, GREETING + FIXED, 'after the fix');
          await undo(page);
          await waitForModel(page, GREETING + REPLY, 'after one Ctrl+Z');
        });
      }],

      [`${editor.label}: pasted text is underlined`, async (t) => {
        const { page, surface } = await openAndType(t, editor, '');
        await step(t, 'paste', async () => {
          await paste(page, surface, editor, REPLY);
          await waitForModel(page, REPLY, 'after the paste');
          await assertUnderlines(page, surface, editor, [['blame', BLAME], ['apology', APOLOGY]]);
        });
      }],

      [`${editor.label}: Tactful's underlines, card and re-checks never mutate the editor's DOM`, async (t) => {
        const { page, surface } = await openAndType(t, editor, REPLY);
        await step(t, 'mutations', async () => {
          await assertUnderlines(page, surface, editor, [['apology', APOLOGY]]);
          await waitForDrawn(/** @type {Page} */ (surface.target));
          await sleep(300);  // the editor's own rendering of the typing settles
          await page.evaluate(() => { window.editorMutations.length = 0; });
          // From here on nothing edits the text: every mutation would be Tactful's
          // (hovering opens a card, leaving closes it, resizing re-lays out).
          const box = await phraseBox(page, surface, editor, 'apology', APOLOGY);
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
          await waitForCard(/** @type {Page} */ (surface.target));
          await page.mouse.move(5, 5);
          await waitForCard(/** @type {Page} */ (surface.target), false);
          await page.setViewport({ width: 960, height: 700 });
          await sleep(300);
          assertEqual(await page.evaluate(() => window.editorMutations), [], "mutations in the editor's content");
          assertEqual(await modelText(page), REPLY, 'editor model');
        });
      }],

      [`${editor.label}: underlines follow the editor's own scrolling`, async (t) => {
        const { page, surface } = await openAndType(t, editor, REPLY);
        await step(t, 'editorScroll', async () => {
          for (let i = 0; i < 20; i++) {
            await page.keyboard.press('Enter');
            await page.keyboard.type('More.', { delay: 2 });
          }
          await assertReplyFindings(page, surface, editor);
          // The caret is at the end, the editor scrolled down to it; scroll back up
          // (without moving the caret, so the editor does not scroll it back into view).
          const scrolled = await surface.target.$eval(editor.content, scrollEditorToTop);
          assert(scrolled, 'the editor had not scrolled to the caret');
          await assertPainted(page, surface, editor, 'blame', BLAME);
        });
      }],

      [`${editor.label}: a 5,000-word paste is checked and underlined (long frames reported)`, async (t) => {
        const { page, surface } = await openAndType(t, editor, '');
        await step(t, 'longPaste', async () => {
          await paste(page, surface, editor, LONG_DRAFT);
          const words = (/** @type {string} */ s) => s.split(/\s+/).filter(Boolean).join(' ');
          await page.waitForFunction((w) => window.editorModelText().split(/\s+/).filter(Boolean).join(' ') === w,
            { timeout: 15000, polling: 200 }, words(LONG_DRAFT))
            .catch(async () => { throw new Error(`editor model has ${words(await modelText(page)).split(' ').length} words`); });
          await assertReplyFindings(page, surface, editor);
          await sleep(300);  // let the last frames be reported
        });
        compat.report(t.browserName, editor, await longFrameReport(page));
      }],
    ]);
  });
}

/**
 * Asserts the reply's two findings are underlined where the text may be out
 * of view: by position against the words in a rich editor; in a textarea,
 * whose phrases are found from font metrics on its first visible line, by
 * the drawn count for the final text (other findings may come with the rest of the draft).
 * @param {Page} page @param {Surface} surface @param {EditorFixture} editor
 */
async function assertReplyFindings(page, surface, editor) {
  if (editor.textarea) await waitForDrawnFindings(page, 2);
  else await assertUnderlines(page, surface, editor, [['blame', BLAME], ['apology', APOLOGY]]);
}

/**
 * What the page's main thread saw during a test: its long animation frames,
 * and the longest time Tactful's content script ran in one. Reported, not
 * asserted: it is wall-clock time on a shared machine.
 * @param {Page} page
 */
async function longFrameReport(page) {
  const frames = await page.evaluate(() => window.longFrames);
  if (!frames) return 'not measurable here (no Long Animation Frames API)';
  const ours = frames.flatMap((f) => f.scripts).filter((s) => /^(chrome|moz)-extension:/.test(s.url));
  const longest = Math.max(0, ...frames.map((f) => f.duration));
  const oursLongest = Math.max(0, ...ours.map((s) => s.duration));
  const sources = [...new Set(frames.flatMap((f) => f.scripts).map((s) => s.url.split('/').pop() || '(no source)'))];
  return `${frames.length} long frames (longest ${Math.round(longest)} ms)` +
    (frames.length ? `, scripts named in them: ${sources.join(', ') || 'none'}; ` : '; ') +
    (ours.length ? `Tactful's ran at most ${Math.round(oursLongest)} ms in one` : "Tactful's not among them");
}

/**
 * The compatibility table as Markdown, from each browser's recorded outcomes.
 * @param {Record<string, {version: string, results: Compat['results'][string], reports?: Compat['reports'][string]}>} byBrowser
 */
export function compatibilityTable(byBrowser) {
  const browsers = Object.keys(byBrowser).sort();
  const lines = [
    '# Editor compatibility',
    '',
    'Generated by `node web-test/run.mjs --suite editors` (ctest `web.editors.chromium`, `web.editors.firefox`);',
    'do not edit by hand. Each editor is the real library, pinned in package.json, in a fixture page',
    'built by web-test/editors/build.mjs; every check reads the text back through the editor\'s own API.',
    '',
    `Browsers: ${browsers.map((b) => `${b} ${byBrowser[b].version}`).join(', ')}.`,
    'pass: the check passed; FAIL: it failed; known issue: it fails as described under the table;',
    'not reached: an earlier check in the same sequence failed.',
    '',
  ];
  for (const editor of EDITORS) {
    lines.push(`## ${editor.label}`, '', `| check | ${browsers.join(' | ')} |`, `|---|${browsers.map(() => '---').join('|')}|`);
    for (const [check, label] of Object.entries(CHECKS)) {
      const cells = browsers.map((b) => {
        const r = byBrowser[b].results[editor.id]?.[check];
        return r === true ? 'pass' : r ? (editor.known?.[check] ? 'known issue' : 'FAIL') : 'not reached';
      });
      lines.push(`| ${label} | ${cells.join(' | ')} |`);
    }
    lines.push('');
    for (const [check, why] of Object.entries(editor.known ?? {})) lines.push(`Known issue, ${CHECKS[/** @type {keyof typeof CHECKS} */ (check)]}: ${why}`, '');
  }
  lines.push('## Long drafts: the page\'s main thread during the 5,000-word paste', '',
    'Measured with the Long Animation Frames API (frames over 50 ms and the scripts that ran in them); reported, not',
    'asserted, as it is wall-clock time on a shared machine. Whether Chromium names an extension\'s content script',
    'among a frame\'s scripts is not established here, so "not among them" is a report, not a proof.', '',
    `| editor | ${browsers.join(' | ')} |`, `|---|${browsers.map(() => '---').join('|')}|`,
    ...EDITORS.map((e) => `| ${e.label} | ${browsers.map((b) => byBrowser[b].reports?.[e.id] ?? 'not run').join(' | ')} |`), '');
  lines.push('## Not covered yet', '', ...NOT_COVERED.map((s) => `- ${s}`), '');
  return lines.join('\n');
}

/** What the matrix does not check yet, so the table is not read as more than it is. */
const NOT_COVERED = [
  'Lexical: its input and undo packages (@lexical/plain-text, @lexical/history) are not in the registry this was built from.',
  'The browser\'s own spellcheck squiggles (tests cannot see them): only the editor\'s spellcheck setting is checked.',
  'TinyMCE at its default height of 200 px: the fixture is 400 px tall. A frame shorter than the card is covered by the ' +
    'main suite ("card: in an iframe shorter than the card ..."): the card fits the frame and scrolls.',
];
