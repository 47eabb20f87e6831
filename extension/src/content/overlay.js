// Underlines for a <textarea>, whose text cannot hold highlights: a mirror
// of the textarea with the same box, font and wrapping, drawn over it with
// transparent text so only the underlines show. It lives in a closed shadow
// root on a host appended to <html>, never inside or next to the textarea,
// and follows the textarea's position, size, scrolling and fonts.
import { CATEGORY_STYLE, underlineCss } from './highlights.js';
import { adoptStyles } from './styles.js';

// What decides where a textarea's text wraps and sits.
const COPIED = [
  'direction', 'writing-mode', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant',
  'font-stretch', 'font-kerning', 'font-feature-settings', 'font-variation-settings', 'font-size-adjust',
  'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align',
  'text-rendering', 'tab-size', 'white-space', 'word-break', 'overflow-wrap', 'hyphens',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
];

const OVERLAY_CSS = `
:host { all: initial; position: fixed; pointer-events: none; z-index: 2147483646; overflow: hidden; contain: strict; }
.mirror { box-sizing: border-box; width: 100%; height: 100%; margin: 0; overflow: hidden;
  color: transparent; background: transparent; border-color: transparent; }
.active { background-color: rgba(250, 204, 21, 0.35); }
${underlineCss((c) => `.u-${c}`)}`;

export class TextareaOverlay {
  /** @param {HTMLTextAreaElement} textarea */
  constructor(textarea) {
    this.textarea = textarea;
    const doc = textarea.ownerDocument;
    this.host = doc.createElement('tactful-overlay');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    adoptStyles(shadow, OVERLAY_CSS);
    this.mirror = doc.createElement('div');
    this.mirror.className = 'mirror';
    shadow.append(this.mirror);
    doc.documentElement.append(this.host);
    /** @type {Array<{start: number, node: Text}>} text pieces of the mirror, in order */
    this.pieces = [];
    /** @type {number} */
    this.frame = 0;
    this.copyStyles();

    const schedule = () => this.schedule();
    this.resizeObserver = new ResizeObserver(schedule);
    this.resizeObserver.observe(textarea);
    this.resizeObserver.observe(doc.documentElement);
    // Inline style or class changes may change the font or padding.
    this.styleObserver = new MutationObserver(() => {
      this.copyStyles();
      this.schedule();
    });
    this.styleObserver.observe(textarea, { attributes: true, attributeFilter: ['style', 'class'] });
    const win = /** @type {Window} */ (doc.defaultView);
    this.listeners = /** @type {Array<[EventTarget, string, () => void]>} */ ([
      [win, 'scroll', schedule], [win, 'resize', schedule], [textarea, 'scroll', schedule],
      [doc.fonts, 'loadingdone', () => { this.copyStyles(); this.schedule(); }],
    ]);
    for (const [target, type, fn] of this.listeners) target.addEventListener(type, fn, { capture: true, passive: true });
    this.sync();
  }

  copyStyles() {
    const computed = getComputedStyle(this.textarea);
    for (const p of COPIED) this.mirror.style.setProperty(p, computed.getPropertyValue(p));
    // A textarea wraps like pre-wrap unless told otherwise (wrap="off").
    if (computed.whiteSpace === 'normal') this.mirror.style.setProperty('white-space', 'pre-wrap');
  }

  schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.sync());
  }

  /** Matches the textarea's box and scroll position. */
  sync() {
    this.frame = 0;
    const ta = this.textarea;
    const rect = ta.getBoundingClientRect();
    const style = this.host.style;
    style.setProperty('display', ta.isConnected && rect.width > 0 ? 'block' : 'none');
    style.setProperty('left', `${rect.left}px`);
    style.setProperty('top', `${rect.top}px`);
    style.setProperty('width', `${rect.width}px`);
    style.setProperty('height', `${rect.height}px`);
    // The textarea's scrollbar narrows its text; the mirror has none, so pad for it.
    const computed = getComputedStyle(ta);
    const borders = parseFloat(computed.borderLeftWidth) + parseFloat(computed.borderRightWidth);
    const scrollbar = Math.max(0, ta.offsetWidth - ta.clientWidth - borders);
    this.mirror.style.setProperty('padding-right', `calc(${computed.paddingRight} + ${scrollbar}px)`);
    this.mirror.scrollTop = ta.scrollTop;
    this.mirror.scrollLeft = ta.scrollLeft;
  }

  /**
   * Redraws the mirror's text with underlined spans.
   * @param {string} text the textarea's value
   * @param {Array<{start: number, end: number, category: string}>} marks
   * @param {{start: number, end: number} | null} active
   */
  render(text, marks, active) {
    const doc = this.textarea.ownerDocument;
    // Cut the text at every mark boundary; each piece is wrapped in one span
    // per category covering it, nested so overlapping underlines all show.
    const cuts = new Set([0, text.length]);
    for (const m of [...marks, ...(active ? [active] : [])]) {
      cuts.add(Math.max(0, Math.min(text.length, m.start)));
      cuts.add(Math.max(0, Math.min(text.length, m.end)));
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    /** @type {Node[]} */
    const children = [];
    this.pieces = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [start, end] = [bounds[i], bounds[i + 1]];
      const node = doc.createTextNode(text.slice(start, end));
      this.pieces.push({ start, node });
      /** @type {Node} */
      let outer = node;
      for (const m of marks) {
        if (m.start <= start && end <= m.end && CATEGORY_STYLE[m.category]) {
          const span = doc.createElement('span');
          span.className = `u-${m.category}`;
          span.append(outer);
          outer = span;
        }
      }
      if (active && active.start <= start && end <= active.end) {
        const span = doc.createElement('span');
        span.className = 'active';
        span.append(outer);
        outer = span;
      }
      children.push(outer);
    }
    // A trailing newline only takes up a line in the textarea if something follows it.
    children.push(doc.createTextNode('\u200b'));
    this.mirror.replaceChildren(...children);
    this.sync();
  }

  /**
   * Client rectangles of [start, end) of the text as laid out in the mirror,
   * which are where those characters are in the textarea.
   * @param {number} start
   * @param {number} end
   * @returns {DOMRect[]}
   */
  rectsFor(start, end) {
    const a = this.locate(start, false);
    const b = this.locate(end, true);
    if (!a || !b) return [];
    const range = new Range();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return [...range.getClientRects()];
  }

  /**
   * @param {number} offset
   * @param {boolean} isEnd
   */
  locate(offset, isEnd) {
    for (let i = this.pieces.length - 1; i >= 0; i--) {
      const p = this.pieces[i];
      if (p.start < offset || (p.start === offset && !isEnd) || (p.start === offset && i === 0)) {
        return { node: p.node, offset: Math.min(offset - p.start, p.node.data.length) };
      }
    }
    return null;
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.styleObserver.disconnect();
    for (const [target, type, fn] of this.listeners) target.removeEventListener(type, fn, { capture: true });
    this.host.remove();
  }
}
