// Underlines in contenteditable editors through the CSS Custom Highlight
// API: the browser paints registered Ranges, so the editor's DOM is never
// touched. One highlight per category, named tactful-<category>, each with
// its own colour and line style so colour is not the only difference.
import { CATEGORIES } from '../shared/settings.js';
import { adoptStyles } from './styles.js';

export const ACTIVE_HIGHLIGHT = 'tactful-active';

/** Line style and light/dark colours per category. */
export const CATEGORY_STYLE = /** @type {Record<string, {line: string, light: string, dark: string}>} */ ({
  apology: { line: 'wavy', light: '#b45309', dark: '#fbbf24' },
  blame: { line: 'double', light: '#b91c1c', dark: '#fca5a5' },
  jargon: { line: 'dotted', light: '#1d4ed8', dark: '#93c5fd' },
  tone: { line: 'dashed', light: '#7e22ce', dark: '#d8b4fe' },
  structure: { line: 'solid', light: '#0f766e', dark: '#5eead4' },
});

const rule = (/** @type {(category: string) => string} */ selector, /** @type {'light' | 'dark'} */ scheme) =>
  CATEGORIES.map((c) => {
    const s = CATEGORY_STYLE[c];
    return `${selector(c)} { text-decoration-line: underline; text-decoration-style: ${s.line}; ` +
      `text-decoration-color: ${s[scheme]}; text-decoration-thickness: 2px; text-decoration-skip-ink: none; }`;
  }).join('\n');

/** @param {(category: string) => string} selector */
export const underlineCss = (selector) =>
  `${rule(selector, 'light')}\n@media (prefers-color-scheme: dark) {\n${rule(selector, 'dark')}\n}`;

const HIGHLIGHT_CSS = `${underlineCss((c) => `::highlight(tactful-${c})`)}
::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(250, 204, 21, 0.35); }
@media (prefers-color-scheme: dark) { ::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(250, 204, 21, 0.25); } }`;

/**
 * Highlight styles apply per tree: a document's ::highlight rules do not
 * reach text inside a shadow root, so each root with an editor gets them.
 * @param {Document | ShadowRoot} root
 */
export function ensureHighlightStyles(root) {
  adoptStyles(root, HIGHLIGHT_CSS);
}

/** @type {Map<string, Highlight>} */
const byName = new Map();
/** @type {Map<object, Array<{name: string, range: Range}>>} */
const byOwner = new Map();

/** @param {string} name */
function highlight(name) {
  let h = byName.get(name);
  if (!h) {
    h = new Highlight();
    // Long structure spans underneath, specific findings on top.
    h.priority = name === ACTIVE_HIGHLIGHT ? 10 : name === 'tactful-structure' ? 0 : 1;
    byName.set(name, h);
  }
  // Re-register every time: a page may have cleared the registry.
  if (CSS.highlights.get(name) !== h) CSS.highlights.set(name, h);
  return h;
}

/**
 * Replaces the underlines drawn for one owner (an editor session).
 * @param {object} owner
 * @param {Array<{category: string, range: Range}>} entries
 */
export function drawUnderlines(owner, entries) {
  clearUnderlines(owner);
  const drawn = entries.map(({ category, range }) => ({ name: `tactful-${category}`, range }));
  for (const { name, range } of drawn) highlight(name).add(range);
  byOwner.set(owner, drawn);
}

/** @param {object} owner */
export function clearUnderlines(owner) {
  for (const { name, range } of byOwner.get(owner) ?? []) byName.get(name)?.delete(range);
  byOwner.delete(owner);
}

/**
 * Drops one range from its owner's underlines (its text was edited).
 * @param {object} owner
 * @param {Range} range
 */
export function removeUnderline(owner, range) {
  const drawn = byOwner.get(owner);
  if (!drawn) return;
  const i = drawn.findIndex((d) => d.range === range);
  if (i < 0) return;
  byName.get(drawn[i].name)?.delete(range);
  drawn.splice(i, 1);
}

/** @type {object | null} */
let activeOwner = null;

/**
 * Tints the finding whose card is open; an owner clearing its tint leaves
 * another owner's alone.
 * @param {object} owner
 * @param {Range | null} range
 */
export function setActiveRange(owner, range) {
  if (!range && activeOwner !== owner) return;
  const h = highlight(ACTIVE_HIGHLIGHT);
  h.clear();
  if (range) h.add(range);
  activeOwner = range ? owner : null;
}
