// One editor Tactful is working in: keeps its findings in step with the
// text (a check per change, stale results dropped), draws them, and turns
// card actions into edits, dismissals and settings.
import { CHANGED, applyToContentEditable, applyToTextarea } from './apply-fix.js';
import { clearUnderlines, drawUnderlines, ensureHighlightStyles, removeUnderline, setActiveRange } from './highlights.js';
import { MAX_CHECK_TEXT } from '../shared/messages.js';
import { extensionAlive, requestCheck } from './messaging.js';
import { TextareaOverlay } from './overlay.js';
import { TextModel } from './text-model.js';

/** @typedef {import('../shared/messages.js').Finding} Finding */
/**
 * A finding as drawn: where it is now (a live Range in a contenteditable,
 * offsets kept current on edits in a textarea), its dismissal key, and for
 * a starter the text from where it goes to the finding (`gap`).
 * @typedef {{
 *   finding: Finding, start: number, end: number, range: Range | null, rangeText: string, key: string, gap: string
 * }} Drawn
 */
/**
 * What a session needs from the frame it lives in.
 * @typedef {{
 *   isIgnored: (finding: Finding) => boolean,
 *   caretAt: (session: EditorSession, drawn: Drawn | null) => void,
 *   refreshCard: (session: EditorSession) => void,
 *   checked: (session: EditorSession) => void,
 *   report: (name: string, detail: object) => void,
 *   marks: import('./text-model.js').QuoteMarks,
 * }} Frame
 */

// Typing through a finding should not pop its card up under the caret.
const CARET_QUIET_MS = 400;
// When a check is lost with the background, it is asked again after these.
const RETRY_DELAYS_MS = [50, 250, 1000];

/**
 * A finding's identity for "dismiss": its rule, its text and the words
 * around it on its line, so it is still recognised after edits elsewhere.
 * @param {Finding} f
 * @param {string} text
 */
function dismissalKey(f, text) {
  const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
  const lineEnd = text.indexOf('\n', f.end);
  const from = Math.max(lineStart, f.start - 40);
  const to = Math.min(lineEnd < 0 ? text.length : lineEnd, f.end + 40);
  const context = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${f.rule}\u0001${f.text}\u0001${context}`;
}

let sessionsStarted = 0;

export class EditorSession {
  /**
   * @param {HTMLElement} el a textarea or a contenteditable host
   * @param {Frame} frame
   * @param {string} audience who will read this reply: customer, internal or technical
   */
  constructor(el, frame, audience) {
    this.el = el;
    this.frame = frame;
    this.audience = audience;
    this.textarea = el instanceof HTMLTextAreaElement ? el : null;
    this.overlay = this.textarea ? new TextareaOverlay(this.textarea) : null;
    /** Names this editor's draft to the engine, which keeps its paragraphs' findings between checks. */
    this.draft = `editor-${++sessionsStarted}`;
    /** Bumped on every change to the text; a result for an older version is stale. */
    this.version = 0;
    /** @type {Drawn[]} */
    this.drawn = [];
    /** The reply-level checklist from the latest check. @type {import('../shared/messages.js').ChecklistItem[]} */
    this.checklist = [];
    /** Whether the draft was too long to check when last read; the badge says so. */
    this.tooLong = false;
    /** The text the drawn findings' offsets refer to (textareas). */
    this.text = '';
    /** @type {Set<string>} dismissed for this draft */
    this.dismissed = new Set();
    /** @type {Drawn | null} */
    this.active = null;
    this.lastEditAt = 0;
    this.timer = 0;
    /** A check is queued to start in a microtask (see schedule()). */
    this.checkQueued = false;
    /** A textarea edit waiting for the next frame to move the drawn findings. */
    this.followFrame = 0;
    /** A check is waiting for the engine; edits meanwhile set `recheck`. */
    this.inFlight = false;
    this.recheck = false;
    /** Checks in a row the background did not answer. */
    this.failures = 0;
    this.destroyed = false;

    if (!this.textarea) ensureHighlightStyles(/** @type {Document | ShadowRoot} */ (el.getRootNode()));
    // Catches every change to a contenteditable, including ones the page
    // makes without an input event (templates, undo in rich editors).
    this.mutations = this.textarea ? null : new MutationObserver(() => this.onEdit());
    this.mutations?.observe(el, { childList: true, characterData: true, subtree: true });
    this.listeners = /** @type {Array<[string, (e: any) => void]>} */ ([
      ['keyup', (/** @type {KeyboardEvent} */ e) => { if (!e.key || e.key.length > 1) this.caretMoved(); }],
      ['mouseup', () => setTimeout(() => this.caretMoved(), 0)],
    ]);
    if (this.textarea) this.listeners.push(['input', () => this.onEdit()]);
    for (const [type, fn] of this.listeners) el.addEventListener(type, fn);
    this.schedule(0);
  }

  /**
   * A check starts as soon as the text changes. Edits made while one is in
   * flight are all picked up by one more check when it returns, so typing
   * fast never queues checks; the engine re-checks only the paragraphs that
   * changed, so a round trip is a few milliseconds and underlines keep up
   * with typing.
   *
   * Without a delay the check starts in a microtask, not a timer: after a
   * keystroke Chrome holds timer tasks back until it has painted the next
   * frame, which put a whole frame (~17 ms) between typing and the check
   * even going out. Changes within one task still make one check.
   * @param {number} delay
   */
  schedule(delay = 0) {
    clearTimeout(this.timer);
    if (delay > 0) {
      this.timer = setTimeout(() => this.check(), delay);
    } else if (!this.checkQueued) {
      this.checkQueued = true;
      queueMicrotask(() => {
        this.checkQueued = false;
        this.check();
      });
    }
  }

  /** The text as the engine should see it, with what maps it back to the DOM. */
  read() {
    if (this.textarea) return { text: this.textarea.value, excluded: [], model: null };
    const model = new TextModel(this.el, this.frame.marks);
    return { text: model.text, excluded: model.excluded, model };
  }

  async check() {
    if (this.destroyed) return;
    if (this.inFlight) {
      this.recheck = true;
      return;
    }
    this.inFlight = true;
    try {
      await this.checkOnce();
    } finally {
      this.inFlight = false;
      if (this.recheck) {
        this.recheck = false;
        this.schedule();
      }
    }
  }

  async checkOnce() {
    const started = performance.now();
    const version = this.version;
    const snapshot = this.read();
    this.tooLong = snapshot.text.length > MAX_CHECK_TEXT;
    if (this.tooLong) {
      // Too long to check as you type; the draft itself is left alone, and
      // the badge tells the user why nothing is underlined.
      this.checklist = [];
      this.draw(snapshot.text, snapshot.model, []);
      this.frame.checked(this);
      this.frame.report('too-long', { version, length: snapshot.text.length });
      return;
    }
    let response;
    try {
      response = await requestCheck(snapshot.text, snapshot.excluded, this.audience, this.draft);
    } catch {
      // The background went away with the check (a service worker stopped
      // mid-check): ask again, which starts it again, a few times while it
      // may still be shutting down. If the extension was reloaded, this
      // frame stops at its next focus.
      if (extensionAlive() && this.failures < RETRY_DELAYS_MS.length) this.schedule(RETRY_DELAYS_MS[this.failures++]);
      return;
    }
    this.failures = 0;
    // Drop results for text that has changed since it was sent.
    if (this.destroyed || version !== this.version) return;
    if (this.textarea && this.textarea.value !== snapshot.text) {
      this.onEdit();
      return;
    }
    if (response.error) {
      console.warn('tactful:', response.error);
      return;
    }
    this.checklist = response.checklist ?? [];
    this.draw(snapshot.text, snapshot.model, response.findings);
    this.frame.checked(this);
    this.frame.report('drawn', { version, count: this.drawn.length, checkMs: performance.now() - started });
  }

  /**
   * @param {string} text
   * @param {TextModel | null} model
   * @param {Finding[]} findings
   */
  draw(text, model, findings) {
    /** @type {Drawn[]} */
    const drawn = [];
    for (const f of findings) {
      if (this.frame.isIgnored(f)) continue;
      const key = dismissalKey(f, text);
      if (this.dismissed.has(key)) continue;
      const range = model ? model.rangeFor(f.start, f.end) : null;
      if (model && !range) continue;
      const gap = f.starter && f.starter_at !== undefined ? text.slice(f.starter_at, f.start) : '';
      drawn.push({ finding: f, start: f.start, end: f.end, range, rangeText: range ? range.toString() : '', key, gap });
    }
    this.text = text;
    this.drawn = drawn;
    if (this.active) this.active = drawn.find((d) => d.key === this.active?.key) ?? null;
    this.paint();
    this.frame.refreshCard(this);
  }

  paint() {
    if (this.overlay) {
      const a = this.active;
      this.overlay.render(this.text, this.drawn.map((d) => ({ start: d.start, end: d.end, category: d.finding.category })),
        a ? { start: a.start, end: a.end } : null);
    } else {
      drawUnderlines(this, this.drawn.map((d) => ({ category: d.finding.category, range: /** @type {Range} */ (d.range) })));
      setActiveRange(this, this.active?.range ?? null);
    }
  }

  /**
   * The text changed: keep what is drawn on the right words right away (the
   * check follows), and drop findings whose words were edited.
   */
  onEdit() {
    if (this.destroyed) return;
    this.version++;
    this.lastEditAt = performance.now();
    if (this.textarea) {
      // A big paste fires an input event per line, all before the next
      // frame: follow the text once, when that frame is drawn, not per event.
      this.followFrame ||= requestAnimationFrame(() => {
        this.followFrame = 0;
        if (this.destroyed) return;
        this.shiftForEdit(/** @type {HTMLTextAreaElement} */ (this.textarea).value);
        this.frame.refreshCard(this);
      });
    } else {
      // Live ranges move with the text around them; a range whose own text
      // changed no longer shows what the finding was about.
      this.drawn = this.drawn.filter((d) => {
        const range = /** @type {Range} */ (d.range);
        if (range.toString() === d.rangeText) return true;
        removeUnderline(this, range);
        return false;
      });
      if (this.dropActiveIfGone()) setActiveRange(this, null);
      this.frame.refreshCard(this);
    }
    this.frame.report('synced', { version: this.version });
    this.schedule();
  }

  /**
   * Moves textarea findings by the edit between the last text and this one.
   * @param {string} value
   */
  shiftForEdit(value) {
    const old = this.text;
    let prefix = 0;
    const max = Math.min(old.length, value.length);
    while (prefix < max && old.charCodeAt(prefix) === value.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === value.charCodeAt(value.length - 1 - suffix)) suffix++;
    const editEnd = old.length - suffix;
    const delta = value.length - old.length;
    this.drawn = this.drawn.filter((d) => {
      if (d.end <= prefix) return true;
      if (d.start >= editEnd) {
        d.start += delta;
        d.end += delta;
        return true;
      }
      return false;
    });
    this.text = value;
    this.dropActiveIfGone();
    this.paint();
  }

  /** Forgets the finding whose card is open if it is no longer drawn; true if it did. */
  dropActiveIfGone() {
    if (!this.active || this.drawn.includes(this.active)) return false;
    this.active = null;
    return true;
  }

  /**
   * Client rectangles of a drawn finding, for hit-testing and placing the card.
   * @param {Drawn} d
   */
  rects(d) {
    if (d.range) return [...d.range.getClientRects()];
    return this.overlay ? this.overlay.rectsFor(d.start, d.end) : [];
  }

  /** @param {number} x @param {number} y */
  findingAt(x, y) {
    const r = this.el.getBoundingClientRect();
    if (x < r.left || x > r.right || y < r.top || y > r.bottom) return null;
    const hits = this.drawn.filter((d) =>
      this.rects(d).some((q) => x >= q.left && x <= q.right && y >= q.top - 2 && y <= q.bottom + 2));
    // Where findings overlap, the card shows the most actionable one: a
    // phrase-level finding over a reply-level (structure) one, one with a
    // fix over one without, then the tightest span.
    const rank = (/** @type {Drawn} */ d) => [d.finding.category === 'structure' ? 1 : 0, d.finding.suggestions.length ? 0 : 1, d.end - d.start];
    return hits.sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
    })[0] ?? null;
  }

  /** The finding under the caret, if any. */
  findingAtCaret() {
    if (this.textarea) {
      const { selectionStart: at, selectionEnd } = this.textarea;
      return at !== selectionEnd ? null : this.drawn.find((d) => d.start < at && at < d.end) ?? null;
    }
    const sel = this.el.ownerDocument.getSelection();
    if (!sel || !sel.isCollapsed || !sel.anchorNode || !this.el.contains(sel.anchorNode)) return null;
    const { anchorNode, anchorOffset } = sel;
    return this.drawn.find((d) => {
      const range = /** @type {Range} */ (d.range);
      return range.comparePoint(anchorNode, anchorOffset) === 0 &&
        !(anchorNode === range.startContainer && anchorOffset === range.startOffset) &&
        !(anchorNode === range.endContainer && anchorOffset === range.endOffset);
    }) ?? null;
  }

  caretMoved() {
    if (this.destroyed) return;
    // A page script may set a textarea's value without an input event.
    if (this.textarea && !this.followFrame && this.textarea.value !== this.text) this.onEdit();
    if (performance.now() - this.lastEditAt < CARET_QUIET_MS) return;
    this.frame.caretAt(this, this.findingAtCaret());
  }

  /**
   * The finding after `from` (or at or after the caret), wrapping around.
   * @param {Drawn | null} from
   */
  nextFinding(from) {
    if (!this.drawn.length) return null;
    const sorted = [...this.drawn].sort((a, b) => this.position(a) - this.position(b));
    if (from) {
      const i = sorted.indexOf(from);
      if (i >= 0) return sorted[(i + 1) % sorted.length];
    }
    const caret = this.caretPosition();
    return sorted.find((d) => this.position(d, 'end') > caret) ?? sorted[0];
  }

  /**
   * Where a drawn finding is now, as an offset comparable to caretPosition().
   * @param {Drawn} d
   * @param {'start' | 'end'} side
   */
  position(d, side = 'start') {
    if (!d.range) return side === 'start' ? d.start : d.end;
    // Contenteditable findings are ordered by their live ranges.
    const probe = new Range();
    probe.selectNodeContents(this.el);
    probe.setEnd(side === 'start' ? d.range.startContainer : d.range.endContainer,
      side === 'start' ? d.range.startOffset : d.range.endOffset);
    return probe.toString().length;
  }

  caretPosition() {
    if (this.textarea) return this.textarea.selectionStart;
    const sel = this.el.ownerDocument.getSelection();
    if (!sel?.focusNode || !this.el.contains(sel.focusNode)) return 0;
    const probe = new Range();
    probe.selectNodeContents(this.el);
    probe.setEnd(sel.focusNode, sel.focusOffset);
    return probe.toString().length;
  }

  /**
   * Scrolls a finding into view, within the editor and the page.
   * @param {Drawn} d
   */
  reveal(d) {
    if (d.range) {
      d.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return;
    }
    const ta = /** @type {HTMLTextAreaElement} */ (this.textarea);
    const [rect] = this.rects(d);
    const box = ta.getBoundingClientRect();
    if (rect && (rect.top < box.top || rect.bottom > box.bottom)) {
      ta.scrollTop += rect.top - box.top - box.height / 3;
      this.overlay?.sync();
    }
    ta.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** @param {Drawn | null} d */
  setActive(d) {
    if (this.active === d) return;
    this.active = d;
    this.paint();
  }

  /**
   * Applies one suggestion for a drawn finding.
   * @param {Drawn} d
   * @param {string} replacement
   * @returns {Promise<import('./apply-fix.js').ApplyResult>}
   */
  async apply(d, replacement) {
    const span = { start: d.start, end: d.end, text: d.finding.text };
    if (this.textarea) return applyToTextarea(this.textarea, span, replacement);
    // The finding's offsets are from when it was checked; find where its
    // (live) range is in the text now.
    const range = /** @type {Range} */ (d.range);
    const model = new TextModel(this.el);
    const start = model.offsetOf(range.startContainer, range.startOffset);
    const end = model.offsetOf(range.endContainer, range.endOffset);
    if (start < 0 || end < 0) return { ok: false, reason: CHANGED };
    return applyToContentEditable(this.el, model, { start, end, text: d.finding.text }, replacement);
  }

  /**
   * Inserts a finding's starter sentence where its sentence begins, through
   * the same editing path as a fix, and selects its first [gap] so typing
   * fills it in. The agent's own words stay; only they can judge what to cut.
   * @param {Drawn} d
   * @returns {Promise<import('./apply-fix.js').ApplyResult>}
   */
  async insertStarter(d) {
    const starter = d.finding.starter ?? '';
    const model = this.textarea ? null : new TextModel(this.el);
    const text = model ? model.text : /** @type {HTMLTextAreaElement} */ (this.textarea).value;
    const range = d.range;
    const findingStart = model && range ? model.offsetOf(range.startContainer, range.startOffset) : d.start;
    const at = findingStart - d.gap.length;
    if (findingStart < 0 || text.slice(at, findingStart) !== d.gap) return { ok: false, reason: CHANGED };
    const before = at > 0 && !/\s/.test(text[at - 1]) ? ' ' : '';
    const insert = `${before}${starter}${/\s/.test(text[at] ?? ' ') ? '' : ' '}`;
    const span = { start: at, end: at, text: '' };
    const result = this.textarea
      ? await applyToTextarea(this.textarea, span, insert)
      : await applyToContentEditable(this.el, /** @type {TextModel} */ (model), span, insert);
    const open = starter.indexOf('[');
    const close = starter.indexOf(']', open);
    if (result.ok && open >= 0 && close > open) this.select(at + before.length + open, at + before.length + close + 1);
    return result;
  }

  /**
   * Selects [start, end) of the text, e.g. a starter's gap to type over.
   * @param {number} start
   * @param {number} end
   */
  select(start, end) {
    if (this.textarea) {
      this.textarea.setSelectionRange(start, end);
      return;
    }
    const range = new TextModel(this.el).rangeFor(start, end);
    const sel = this.el.ownerDocument.getSelection();
    if (!range || !sel) return;
    sel.removeAllRanges();
    sel.addRange(range);
  }

  /**
   * Checks again for another reader (customer, internal or technical).
   * @param {string} audience
   */
  setAudience(audience) {
    if (audience === this.audience) return;
    this.audience = audience;
    this.schedule(0);
  }

  /** Whether the editor holds no text worth a checklist. */
  get blank() {
    return this.text.trim() === '';
  }

  /** @param {Drawn} d */
  dismiss(d) {
    this.dismissed.add(d.key);
    this.drawn = this.drawn.filter((x) => x !== d);
    if (this.active === d) this.active = null;
    this.paint();
  }

  /**
   * Puts the caret after a finding and focuses the editor (leaving the card).
   * @param {Drawn} d
   */
  focusAfter(d) {
    this.el.focus({ preventScroll: true });
    if (this.textarea) {
      this.textarea.setSelectionRange(d.end, d.end);
    } else if (d.range) {
      const sel = this.el.ownerDocument.getSelection();
      const caret = d.range.cloneRange();
      caret.collapse(false);
      sel?.removeAllRanges();
      sel?.addRange(caret);
    }
  }

  /** @returns {Record<string, number>} */
  counts() {
    /** @type {Record<string, number>} */
    const counts = {};
    for (const d of this.drawn) counts[d.finding.category] = (counts[d.finding.category] ?? 0) + 1;
    return counts;
  }

  destroy() {
    this.destroyed = true;
    clearTimeout(this.timer);
    cancelAnimationFrame(this.followFrame);
    this.mutations?.disconnect();
    for (const [type, fn] of this.listeners) this.el.removeEventListener(type, fn);
    this.overlay?.destroy();
    if (!this.textarea) {
      clearUnderlines(this);
      setActiveRange(this, null);
    }
    this.drawn = [];
  }
}
