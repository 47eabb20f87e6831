// The text of a contenteditable editor as the engine sees it, and the way
// back from engine offsets to DOM positions. Block elements and <br> become
// newlines so paragraphs and sentences segment as they look; quoted earlier
// messages and signatures are kept in the text (offsets stay true) but
// reported as excluded ranges, so nothing in them is flagged.

import { MAX_EXCLUDED_RANGES } from '../shared/messages.js';

// A blank line (paragraph break) before and after these.
const PARAGRAPH_TAGS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'UL', 'OL', 'DL',
  'FIGURE', 'HR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ADDRESS', 'ASIDE', 'NAV', 'FORM', 'FIELDSET',
]);
// A line break before and after these (Gmail writes one <div> per line).
const LINE_TAGS = new Set(['DIV', 'TR', 'TD', 'TH', 'CAPTION', 'MAIN', 'CENTER', 'DETAILS', 'SUMMARY', 'LEGEND']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'CANVAS']);

/** Earlier messages and signatures: excluded, only these elements. */
export const QUOTE_SELECTOR = [
  'blockquote', '.gmail_quote', '.gmail_signature', '[data-smartmail="gmail_signature"]',
  '.moz-cite-prefix', '.moz-signature', '.yahoo_quoted', '.OutlookMessageHeader',
].join(',');
/** Outlook's reply header: it and everything after it in the editor is the quoted thread. */
export const THREAD_START_SELECTOR = '#divRplyFwdMsg, #appendonsend, [id$="_divRplyFwdMsg"], [id$="_appendonsend"]';

/**
 * Which elements of an editor hold quoted mail and signatures: the generic
 * markers above, which mail clients write and which travel with forwarded
 * and pasted mail to every site, and a site adapter's own (sites.js).
 * @typedef {{quotes: string, threadStart: string}} QuoteMarks
 */
/** @type {QuoteMarks} */
export const GENERIC_MARKS = { quotes: QUOTE_SELECTOR, threadStart: THREAD_START_SELECTOR };

/** @param {import('./sites.js').SiteAdapter} adapter @returns {QuoteMarks} */
export function quoteMarks(adapter) {
  return {
    quotes: [QUOTE_SELECTOR, ...(adapter.quotes ?? [])].join(', '),
    threadStart: [THREAD_START_SELECTOR, ...(adapter.threadStart ?? [])].join(', '),
  };
}

/**
 * @typedef {{node: Text, start: number}} Segment
 */

export class TextModel {
  /**
   * @param {HTMLElement} root the editing host
   * @param {QuoteMarks} marks what is quoted mail or a signature
   */
  constructor(root, marks = GENERIC_MARKS) {
    this.root = root;
    this.marks = marks;
    /** @type {string} */
    this.text = '';
    /** @type {Array<[number, number]>} */
    this.excluded = [];
    /** @type {Segment[]} text nodes in order, with their offsets in `text` */
    this.segments = [];
    this.build();
  }

  build() {
    const parts = /** @type {string[]} */ ([]);
    let length = 0;
    let last = '';  // the last character written, to avoid piling up newlines
    let lastTwo = '';
    // Where white-space is not preserved, source newlines and tabs render as
    // spaces; map them 1:1 so offsets stay aligned with the DOM.
    const preserve = /^pre|break-spaces/.test(getComputedStyle(this.root).whiteSpace);
    /** @type {Segment[]} */
    const segments = (this.segments = []);
    /** @type {Array<[number, number]>} */
    const excluded = [];
    /** @type {number | null} */
    let threadStart = null;

    const emit = (/** @type {string} */ s) => {
      parts.push(s);
      length += s.length;
      lastTwo = (lastTwo + s).slice(-2);
      last = s[s.length - 1];
    };
    const newlines = (/** @type {number} */ n) => {
      if (length === 0) return;
      if (n === 2 && lastTwo !== '\n\n') emit(last === '\n' ? '\n' : '\n\n');
      else if (n === 1 && last !== '\n') emit('\n');
    };

    /** @param {Node} node */
    const visit = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          const text = /** @type {Text} */ (child);
          const data = text.data;
          if (!data) continue;
          segments.push({ node: text, start: length });
          emit(normalize(data, preserve));
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const el = /** @type {Element} */ (child);
          const tag = el.tagName;
          if (SKIP_TAGS.has(tag)) continue;
          if (tag === 'BR') {
            emit('\n');
            continue;
          }
          if (threadStart === null && el.matches(this.marks.threadStart)) threadStart = length;
          const breaks = PARAGRAPH_TAGS.has(tag) ? 2 : LINE_TAGS.has(tag) ? 1 : 0;
          newlines(breaks);
          const quoteStart = threadStart === null && el.matches(this.marks.quotes) ? length : -1;
          visit(el);
          if (quoteStart >= 0 && length > quoteStart) excluded.push([quoteStart, length]);
          newlines(breaks);
        }
      }
    };
    visit(this.root);
    if (threadStart !== null && threadStart < length) excluded.push([threadStart, length]);
    this.excluded = capRanges(mergeRanges(excluded), MAX_EXCLUDED_RANGES);
    this.text = parts.join('');
  }

  /**
   * The text offset of a DOM position inside one of the model's text nodes,
   * or -1 if the node is not part of the model (it was replaced).
   * @param {Node} node
   * @param {number} offset
   */
  offsetOf(node, offset) {
    const seg = this.segments.find((s) => s.node === node);
    return seg ? seg.start + offset : -1;
  }

  /**
   * The DOM range for [start, end) of the text, or null if it no longer
   * maps onto text nodes.
   * @param {number} start
   * @param {number} end
   */
  rangeFor(start, end) {
    const a = this.point(start, 'start');
    const b = this.point(end, 'end');
    if (!a || !b) return null;
    const range = new Range();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range.collapsed && start !== end ? null : range;
  }

  /**
   * The DOM position of a text offset. Offsets on a synthetic newline snap
   * forward for a start and backward for an end, into real text.
   * @param {number} offset
   * @param {'start' | 'end'} side
   * @returns {{node: Text, offset: number} | null}
   */
  point(offset, side) {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {  // the last segment starting at or before offset
      const mid = (lo + hi) >> 1;
      if (segs[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found >= 0) {
      const seg = segs[found];
      const within = offset - seg.start;
      if (within < seg.node.data.length || (within === seg.node.data.length && side === 'end')) {
        return { node: seg.node, offset: within };
      }
      if (side === 'end') return { node: seg.node, offset: seg.node.data.length };
    }
    const next = segs[found + 1];
    return side === 'start' && next ? { node: next.node, offset: 0 } : null;
  }
}

/**
 * At most `max` ranges, as the background accepts: past that, one range runs
 * from the start of the last kept one to the end of the text's last quote.
 * A draft with that many quotes is a long pasted thread; what lies between
 * its later quotes goes unchecked rather than the whole draft.
 * @param {Array<[number, number]>} ranges sorted and merged
 * @param {number} max
 * @returns {Array<[number, number]>}
 */
function capRanges(ranges, max) {
  if (ranges.length <= max) return ranges;
  /** @type {[number, number]} */
  const rest = [ranges[max - 1][0], ranges[ranges.length - 1][1]];
  return [...ranges.slice(0, max - 1), rest];
}

/**
 * Sorted, with nested and overlapping ranges (a quote inside a quote) merged.
 * @param {Array<[number, number]>} ranges
 */
function mergeRanges(ranges) {
  /** @type {Array<[number, number]>} */
  const out = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const prev = out[out.length - 1];
    if (prev && a <= prev[1]) prev[1] = Math.max(prev[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * @param {string} data
 * @param {boolean} preserve
 */
function normalize(data, preserve) {
  // No-break spaces are how editors keep runs of spaces; the engine wants spaces.
  let s = data.replace(/\u00a0/g, ' ');
  if (!preserve) s = s.replace(/[\n\r\t]/g, ' ');
  return s;
}
