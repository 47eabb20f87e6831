// What the browser tests do to and read from pages. Everything measured here
// is computed independently of the extension: word positions from the
// page's own text nodes or font metrics, underlines from screenshot pixels
// and the page-visible CSS.highlights registry.
import { assert } from './harness.mjs';
import { countColour } from './png.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('puppeteer-core').Frame} Frame */
/** @typedef {{x: number, y: number, width: number, height: number}} Rect */

/** Underline colours in the light scheme (extension/src/content/highlights.js). */
export const COLOURS = /** @type {Record<string, [number, number, number]>} */ ({
  apology: [0xb4, 0x53, 0x09],
  blame: [0xb9, 0x1c, 0x1c],
  jargon: [0x1d, 0x4e, 0xd8],
  tone: [0x7e, 0x22, 0xce],
  structure: [0x0f, 0x76, 0x6e],
});

export const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Real keyboard typing into the element matching a selector.
 * @param {Page | Frame} target
 * @param {string} selector
 * @param {string} text
 */
export async function typeInto(target, selector, text) {
  await target.click(selector);
  await target.type(selector, text, { delay: 5 });
}

/**
 * The texts of Tactful's highlights in a frame, by category, read from the
 * page's own view of CSS.highlights.
 * @param {Page | Frame} target
 * @returns {Promise<Record<string, string[]>>}
 */
export function highlightTexts(target) {
  return target.evaluate(() => {
    /** @type {Record<string, string[]>} */
    const out = {};
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('tactful-') || name === 'tactful-active') continue;
      const texts = [...h].map((r) => r.toString());
      if (texts.length) out[name.slice('tactful-'.length)] = texts.sort();
    }
    return out;
  });
}

/**
 * Waits until a category's highlight holds a range with this text.
 * @param {Page | Frame} target
 * @param {string} category
 * @param {string} text
 */
export async function waitForHighlight(target, category, text, timeout = 8000) {
  try {
    await target.waitForFunction((c, t) => [...(CSS.highlights.get(`tactful-${c}`) ?? [])].some((r) => r.toString() === t),
      { timeout, polling: 50 }, category, text);
  } catch {
    throw new Error(`no ${category} underline on "${text}"; underlines: ${JSON.stringify(await highlightTexts(target))}`);
  }
}

/**
 * Waits until no highlight of a category holds this text.
 * @param {Page | Frame} target
 * @param {string} category
 * @param {string} text
 */
export async function waitForNoHighlight(target, category, text, timeout = 8000) {
  try {
    await target.waitForFunction((c, t) => ![...(CSS.highlights.get(`tactful-${c}`) ?? [])].some((r) => r.toString() === t),
      { timeout, polling: 50 }, category, text);
  } catch {
    throw new Error(`${category} underline on "${text}" did not go away`);
  }
}

/**
 * The highlight range's box for a phrase, and the phrase's box found
 * independently in the editor's text nodes.
 * @param {Page | Frame} target
 * @param {string} category
 * @param {string} phrase
 * @param {string} editorPath CSS selectors, "host >>> inner" to enter a shadow root
 */
export async function highlightVersusWord(target, category, phrase, editorPath = '#editor') {
  return target.evaluate((c, p, path) => {
    const box = (/** @type {DOMRect} */ r) => ({ x: r.left, y: r.top, width: r.width, height: r.height });
    const range = /** @type {Range[]} */ ([...(CSS.highlights.get(`tactful-${c}`) ?? [])]).find((r) => r.toString() === p);
    /** @type {Document | Element | ShadowRoot | null} */
    let root = document;
    for (const sel of path.split('>>>').map((s) => s.trim())) {
      const el = /** @type {Element | null} */ ((root instanceof Element && root.shadowRoot ? root.shadowRoot : root)?.querySelector(sel) ?? null);
      root = el;
    }
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = /** @type {Text} */ (n).data.indexOf(p);
      if (i < 0) continue;
      const word = document.createRange();
      word.setStart(n, i);
      word.setEnd(n, i + p.length);
      return { highlight: range ? box(range.getBoundingClientRect()) : null, word: box(word.getBoundingClientRect()) };
    }
    return { highlight: range ? box(range.getBoundingClientRect()) : null, word: null };
  }, category, phrase, editorPath);
}

/** @param {Rect} a @param {Rect} b */
export function sameRect(a, b, tolerance = 1) {
  return Math.abs(a.x - b.x) <= tolerance && Math.abs(a.y - b.y) <= tolerance &&
    Math.abs(a.width - b.width) <= tolerance && Math.abs(a.height - b.height) <= tolerance;
}

/**
 * Where a phrase sits in a single-line monospace textarea, from the
 * textarea's own metrics (not from Tactful's overlay).
 * @param {Page} page
 * @param {string} selector
 * @param {string} phrase
 * @returns {Promise<Rect>}
 */
export function textareaPhraseRect(page, selector, phrase) {
  return page.evaluate((sel, p) => {
    const ta = /** @type {HTMLTextAreaElement} */ (document.querySelector(sel));
    const cs = getComputedStyle(ta);
    const ctx = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));
    ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
    const charWidth = ctx.measureText('0').width;
    const r = ta.getBoundingClientRect();
    const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
    const top = r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop);
    const i = ta.value.indexOf(p);
    if (i < 0) throw new Error(`"${p}" is not in the textarea`);
    return { x: left + i * charWidth - ta.scrollLeft, y: top - ta.scrollTop, width: p.length * charWidth, height: parseFloat(cs.lineHeight) };
  }, selector, phrase);
}

/**
 * Screenshot pixels of a category's underline colour in the band where an
 * underline under this text box would be.
 * @param {Buffer} png
 * @param {Rect} box
 * @param {string} category
 */
export function underlinePixels(png, box, category) {
  const band = { x: box.x + 2, y: box.y + box.height * 0.55, width: box.width - 4, height: box.height * 0.45 + 4 };
  return countColour(png, band, COLOURS[category]);
}

/** @param {Page} page */
export const screenshot = async (page) => Buffer.from(await page.screenshot({ type: 'png' }));

/**
 * The card's state as exposed to pages that opt in with data-tactful-test.
 * @param {Page | Frame} page
 * @returns {Promise<{open: boolean, message: string, why: string, status: string, targets: Array<{label: string, x: number, y: number}>,
 *   box: {top: number, bottom: number, left: number, right: number} | null} | null>}
 */
export function cardState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('tactful-card');
    return host instanceof HTMLElement && host.dataset.tactfulTest ? JSON.parse(host.dataset.tactfulTest) : null;
  });
}

/** @param {Page | Frame} page */
export async function waitForCard(page, open = true, timeout = 5000) {
  await page.waitForFunction((o) => {
    const host = document.querySelector('tactful-card');
    const state = host instanceof HTMLElement && host.dataset.tactfulTest ? JSON.parse(host.dataset.tactfulTest) : null;
    return o ? state?.open === true : !state?.open;
  }, { timeout, polling: 50 }, open);
  return /** @type {NonNullable<Awaited<ReturnType<typeof cardState>>>} */ (await cardState(page));
}

/**
 * Real mouse: hovers the middle of a box and waits for the card.
 * @param {Page} page
 * @param {Rect} box
 */
export async function hoverForCard(page, box) {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  return waitForCard(page);
}

/**
 * Real mouse click on a card button, found by its label.
 * @param {Page} page
 * @param {string} label
 */
export async function clickCardButton(page, label) {
  const state = await cardState(page);
  const target = state?.targets.find((t) => t.label === label);
  assert(target, `card has no "${label}" button; it has ${JSON.stringify(state?.targets.map((t) => t.label))}`);
  await page.mouse.click(/** @type {{x: number}} */ (target).x, /** @type {{y: number}} */ (target).y);
}

/**
 * The editor's text as the user sees it (block boundaries as newlines).
 * @param {Page | Frame} target
 */
export function editorText(target, selector = '#editor') {
  return target.evaluate((sel) => {
    const el = /** @type {HTMLElement} */ (document.querySelector(sel));
    return el instanceof HTMLTextAreaElement ? el.value : el.innerText.replace(/\u00a0/g, ' ').trim();
  }, selector);
}

/**
 * Alt+Shift+J, the shortcut that moves to the next finding and opens its card.
 * @param {Page} page
 */
export async function pressNextFinding(page) {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyJ');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/** @param {Page} page */
export async function undo(page) {
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
}

/**
 * Waits for Tactful to have drawn results for the latest text at least n times.
 * @param {Page} page
 */
export async function waitForDrawn(page, n = 1, timeout = 8000) {
  await page.waitForFunction((k) => (window.tactfulEvents ?? []).filter((e) => e.name === 'drawn').length >= k,
    { timeout, polling: 50 }, n);
}

/**
 * Waits until Tactful has drawn at least `count` findings for the newest
 * text it synced (with 0: until the newest text has been checked and drawn).
 * @param {Page | Frame} target
 * @param {number} count
 */
export async function waitForDrawnFindings(target, count, timeout = 8000) {
  await target.waitForFunction((n) => {
    const events = window.tactfulEvents ?? [];
    const newest = Math.max(0, ...events.filter((e) => e.name === 'synced').map((e) => e.version ?? 0));
    return events.some((e) => e.name === 'drawn' && e.version === newest && (e.count ?? 0) >= n);
  }, { timeout, polling: 50 }, count).catch(async () => {
    throw new Error(`drawn: ${JSON.stringify(await target.evaluate(() => (window.tactfulEvents ?? []).filter((e) => e.name === 'drawn').slice(-3)))}`);
  });
}

/** @param {Page} page */
export const drawnCount = (page) =>
  page.evaluate(() => (window.tactfulEvents ?? []).filter((e) => e.name === 'drawn').length);

/**
 * The checklist badge's state as exposed to pages that opt in with data-tactful-test.
 * @typedef {{visible: boolean, label: string, title: string, audience: string, readerManaged: boolean, panelOpen: boolean,
 *   items: Array<{id: string, state: string}>, targets: Array<{label: string, x: number, y: number, disabled: boolean}>}} BadgeState
 * @param {Page} page
 * @returns {Promise<BadgeState | null>}
 */
export function badgeState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('tactful-badge');
    return host instanceof HTMLElement && host.dataset.tactfulTest ? JSON.parse(host.dataset.tactfulTest) : null;
  });
}

/**
 * Waits until the badge state has these values (e.g. {visible: true, label: '3/5'}).
 * @param {Page} page
 * @param {Partial<Pick<BadgeState, 'visible' | 'label' | 'audience' | 'panelOpen'>>} expected
 * @returns {Promise<BadgeState>}
 */
export async function waitForBadge(page, expected, timeout = 8000) {
  await page.waitForFunction((want) => {
    const host = document.querySelector('tactful-badge');
    const state = host instanceof HTMLElement && host.dataset.tactfulTest ? JSON.parse(host.dataset.tactfulTest) : null;
    return !!state && Object.entries(want).every(([k, v]) => state[k] === v);
  }, { timeout, polling: 50 }, expected).catch(async () => {
    throw new Error(`badge never showed ${JSON.stringify(expected)}: ${JSON.stringify(await badgeState(page))}`);
  });
  return /** @type {BadgeState} */ (await badgeState(page));
}

/**
 * Real mouse click on a badge button (the badge itself, or one in its panel), by label.
 * @param {Page} page
 * @param {string} label
 */
export async function clickBadgeButton(page, label) {
  const state = await badgeState(page);
  const target = state?.targets.find((t) => t.label === label);
  assert(target, `badge has no "${label}" button; it has ${JSON.stringify(state?.targets.map((t) => t.label))}`);
  await page.mouse.click(/** @type {{x: number}} */ (target).x, /** @type {{y: number}} */ (target).y);
}

/**
 * Polls screenshots until a category's underline shows under a box.
 * @param {Page} page
 * @param {{x: number, y: number, width: number, height: number}} box
 * @param {string} category
 */
export async function waitForUnderlinePixels(page, box, category, timeout = 8000) {
  const until = Date.now() + timeout;
  let n = 0;
  while (Date.now() < until) {
    n = underlinePixels(await screenshot(page), box, category);
    if (n >= 6) return n;
    await sleep(100);
  }
  throw new Error(`no ${category} underline pixels under ${JSON.stringify(box)} (found ${n})`);
}

/**
 * Checks that each phrase's highlight range covers exactly the phrase's own
 * box and that the underline really is painted there.
 * @param {Page | import('puppeteer-core').Frame} target
 * @param {Array<[string, string]>} expected [category, phrase]
 * @param {string} editorPath
 */
export async function assertHighlightsOnWords(target, expected, editorPath = '#editor') {
  for (const [category, phrase] of expected) {
    await waitForHighlight(target, category, phrase);
    const boxes = await highlightVersusWord(target, category, phrase, editorPath);
    assert(boxes?.word && boxes.highlight, `could not measure "${phrase}": ${JSON.stringify(boxes)}`);
    const { word, highlight } = /** @type {{word: any, highlight: any}} */ (boxes);
    assert(sameRect(word, highlight), `${category} highlight ${JSON.stringify(highlight)} is not on "${phrase}" ${JSON.stringify(word)}`);
  }
}
