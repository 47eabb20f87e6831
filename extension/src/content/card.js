// The card for one finding: message, a one-line why, suggestions to apply
// (or, when nothing fits in place, a starter sentence to insert), who the
// reader is, and ways to dismiss. It is a popover="manual" element in the top layer,
// inside a closed shadow root on a host appended to <html>, outside any
// editor. Page and rule text is only ever set with textContent.
import { CATEGORY_STYLE } from './highlights.js';
import { adoptStyles } from './styles.js';

const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; inset: auto; margin: 0; box-sizing: border-box; width: max-content; max-width: min(360px, calc(100vw - 16px));
  max-height: calc(100vh - 16px); overflow-y: auto; overscroll-behavior: contain;
  padding: 12px 14px; border: 1px solid #d0d5dd; border-radius: 10px; background: #ffffff; color: #1f2933;
  box-shadow: 0 8px 24px rgba(15, 23, 42, 0.18); font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.head { display: flex; align-items: center; gap: 8px; margin: 0 0 6px; }
.category { flex: 1; margin: 0; font-size: 12px; font-weight: 600; letter-spacing: 0.03em; text-transform: uppercase; }
.swatch { display: inline-block; width: 18px; margin-right: 6px; vertical-align: middle; text-decoration-line: underline;
  text-decoration-thickness: 2px; color: transparent; }
.message { margin: 0 0 4px; font-weight: 600; }
.why { margin: 0 0 10px; color: #52606d; font-size: 13px; }
.suggestions { display: flex; flex-direction: column; gap: 4px; margin: 0 0 10px; }
button { font: inherit; cursor: pointer; border-radius: 6px; }
.suggestion { text-align: left; padding: 6px 10px; border: 1px solid #0f766e; background: #ecfdf5; color: #064e3b; }
.suggestion:hover, .suggestion:focus-visible { background: #d1fae5; }
.starter-label { margin: 0 0 4px; font-size: 12px; font-weight: 600; color: #52606d; }
.starter { text-align: left; padding: 6px 10px; border: 1px dashed #0f766e; background: transparent; color: inherit; font-style: italic; }
.starter:hover, .starter:focus-visible { background: #ecfdf5; }
.starter-note { margin: 4px 0 10px; font-size: 12px; color: #6b7280; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
.action { padding: 4px 8px; border: 1px solid #d0d5dd; background: transparent; color: inherit; font-size: 13px; }
.close { padding: 0 6px; border: 0; background: transparent; color: inherit; font-size: 18px; line-height: 1; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.status { margin: 8px 0 0; font-size: 13px; color: #b91c1c; }
.status:empty { display: none; }
.hint { margin: 8px 0 0; font-size: 12px; color: #6b7280; }
@media (prefers-color-scheme: dark) {
  .card { border-color: #3f4753; background: #1f2530; color: #e5e7eb; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.5); }
  .why, .hint, .starter-label, .starter-note { color: #aab4c0; }
  .starter { border-color: #5eead4; }
  .starter:hover, .starter:focus-visible { background: #12332f; }
  .suggestion { border-color: #5eead4; background: #12332f; color: #ccfbf1; }
  .suggestion:hover, .suggestion:focus-visible { background: #174741; }
  .action { border-color: #4b5563; }
  .status { color: #fca5a5; }
}`;

export const SHORTCUT_LABEL = 'Alt+Shift+J';

/** @param {KeyboardEvent} e */
export const isNextShortcut = (e) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyJ';

const CATEGORY_LABEL = /** @type {Record<string, string>} */ ({
  apology: 'Apology', blame: 'Blame', jargon: 'Jargon', tone: 'Tone', structure: 'Structure',
});

/**
 * @typedef {{
 *   finding: import('../shared/messages.js').Finding,
 *   onApply: (suggestion: string) => void,
 *   onStarter: () => void,
 *   readerManaged: boolean,
 *   onAudience: (audience: string) => void,
 *   onDismiss: () => void,
 *   onIgnoreRule: () => void,
 *   onNext: () => void,
 *   onClose: (returnFocus: boolean) => void,
 * }} CardContent
 */

export class Card {
  /** @param {Document} doc */
  constructor(doc) {
    this.doc = doc;
    /** @type {HTMLElement | null} */
    this.host = null;
    /** @type {HTMLElement | null} */
    this.card = null;
    /** @type {CardContent | null} */
    this.content = null;
  }

  get isOpen() {
    return this.content !== null;
  }

  /** @param {import('../shared/messages.js').Finding} finding */
  shows(finding) {
    return this.content?.finding === finding;
  }

  /** Whether the card has keyboard focus. */
  get hasFocus() {
    return !!this.host && this.doc.activeElement === this.host;
  }

  /** @param {number} x @param {number} y */
  contains(x, y) {
    if (!this.card || !this.isOpen) return false;
    const r = this.card.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  ensureHost() {
    if (this.host?.isConnected && this.card) return this.card;
    const doc = this.doc;
    this.host = doc.createElement('tactful-card');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    adoptStyles(shadow, CARD_CSS);
    const card = (this.card = doc.createElement('div'));
    card.className = 'card';
    card.popover = 'manual';
    card.setAttribute('role', 'dialog');
    card.addEventListener('keydown', (e) => this.onKeyDown(e));
    card.addEventListener('scroll', () => this.exposeForTests(), { passive: true });
    shadow.append(card);
    doc.documentElement.append(this.host);
    return card;
  }

  /**
   * @param {CardContent} content
   * @param {DOMRect} anchor where the finding is, in viewport coordinates
   * @param {boolean} focus move keyboard focus into the card
   */
  open(content, anchor, focus) {
    const card = this.ensureHost();
    this.content = content;
    const { finding } = content;
    const el = (/** @type {string} */ tag, /** @type {string} */ cls, text = '') => {
      const e = this.doc.createElement(tag);
      e.className = cls;
      e.textContent = text;
      return e;
    };
    const button = (/** @type {string} */ cls, /** @type {string} */ text, /** @type {() => void} */ onClick) => {
      const b = /** @type {HTMLButtonElement} */ (el('button', cls, text));
      b.type = 'button';
      b.addEventListener('click', onClick);
      return b;
    };

    const head = el('div', 'head');
    const category = el('p', 'category');
    const swatch = el('span', 'swatch', '\u00a0\u00a0\u00a0\u00a0');
    const style = CATEGORY_STYLE[finding.category];
    if (style) {
      swatch.style.setProperty('text-decoration-style', style.line);
      swatch.style.setProperty('text-decoration-color', style.light);
    }
    swatch.setAttribute('aria-hidden', 'true');
    category.append(swatch, CATEGORY_LABEL[finding.category] ?? finding.category);
    const close = button('close', '\u00d7', () => this.close(true));
    close.setAttribute('aria-label', 'Close');
    head.append(category, close);

    const message = el('p', 'message', finding.message);
    message.id = 'tactful-message';
    card.setAttribute('aria-labelledby', 'tactful-message');
    /** @type {HTMLElement[]} */
    const parts = [head, message];
    if (finding.why) {
      const why = el('p', 'why', finding.why);
      why.id = 'tactful-why';
      card.setAttribute('aria-describedby', 'tactful-why');
      parts.push(why);
    } else {
      card.removeAttribute('aria-describedby');
    }
    if (finding.suggestions.length) {
      const list = el('div', 'suggestions');
      list.setAttribute('role', 'listbox');
      list.setAttribute('aria-label', 'Suggestions');
      for (const s of finding.suggestions) {
        const label = s === '' ? `Remove \u201c${finding.text}\u201d` : s;
        const b = button('suggestion', label, () => content.onApply(s));
        b.setAttribute('role', 'option');
        b.setAttribute('aria-selected', 'false');
        b.setAttribute('aria-label', s === '' ? label : `Replace with \u201c${s}\u201d`);
        b.addEventListener('focus', () => b.setAttribute('aria-selected', 'true'));
        b.addEventListener('blur', () => b.setAttribute('aria-selected', 'false'));
        list.append(b);
      }
      parts.push(list);
    } else if (finding.starter) {
      const label = el('p', 'starter-label', 'Try starting with:');
      label.id = 'tactful-starter';
      const b = button('starter', finding.starter, () => content.onStarter());
      b.setAttribute('aria-describedby', 'tactful-starter tactful-starter-note');
      const note = el('p', 'starter-note', 'A starting point: it goes before your sentence; fill in the [brackets] and trim what it replaces.');
      note.id = 'tactful-starter-note';
      parts.push(label, b, note);
    }
    const actions = el('div', 'actions');
    actions.append(
      button('action', 'Dismiss', () => content.onDismiss()),
      button('action', "Don't flag on this site", () => content.onIgnoreRule()),
    );
    // Jargon is only a problem for readers outside IT; one click says this
    // one isn't, unless the organization decides who the reader is.
    if (finding.category === 'jargon' && !content.readerManaged) {
      actions.append(button('action', 'Reader is technical', () => content.onAudience('technical')));
    }
    const status = el('p', 'status');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    const hint = el('p', 'hint', `${SHORTCUT_LABEL}: next finding \u00b7 Esc: close`);
    parts.push(actions, status, hint);
    card.replaceChildren(...parts);

    if (!card.matches(':popover-open')) card.showPopover();
    this.place(anchor);
    if (focus) this.focusFirst();
    this.exposeForTests();
  }

  /**
   * Below the finding, else above it; in a frame too short for either (an
   * editor in a 200 px iframe), over it, whole: the card is never taller
   * than the frame and scrolls inside, so every button stays reachable.
   * @param {DOMRect} anchor
   */
  place(anchor) {
    const card = /** @type {HTMLElement} */ (this.card);
    const view = { w: this.doc.documentElement.clientWidth, h: this.doc.documentElement.clientHeight };
    const size = card.getBoundingClientRect();
    let top = anchor.bottom + 6;
    if (top + size.height > view.h - 8) {
      top = anchor.top - size.height - 6 >= 8 ? anchor.top - size.height - 6 : view.h - size.height - 8;
    }
    const left = Math.max(8, Math.min(anchor.left, view.w - size.width - 8));
    card.style.setProperty('left', `${left}px`);
    card.style.setProperty('top', `${Math.max(8, top)}px`);
  }

  focusFirst() {
    const first = this.card?.querySelector('.suggestion, .starter, .action');
    if (first instanceof HTMLElement) first.focus();
  }

  /** Shows a problem (e.g. the editor refused a change) in the card. */
  status(/** @type {string} */ text) {
    const el = this.card?.querySelector('.status');
    if (el) el.textContent = text;
    this.exposeForTests();
  }

  /** @param {boolean} returnFocus give focus back to the editor */
  close(returnFocus = false) {
    const content = this.content;
    if (!content) return;
    this.content = null;
    if (this.card?.matches(':popover-open')) this.card.hidePopover();
    this.card?.replaceChildren();
    this.exposeForTests();
    content.onClose(returnFocus);
  }

  /** @param {KeyboardEvent} e */
  onKeyDown(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close(true);
    } else if (isNextShortcut(e)) {
      e.preventDefault();
      this.content?.onNext();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const options = /** @type {HTMLElement[]} */ ([...(this.card?.querySelectorAll('button:not(.close)') ?? [])]);
      const current = options.findIndex((b) => b.matches(':focus'));
      if (!options.length) return;
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? current + 1 : current - 1;
      options[(next + options.length) % options.length].focus();
    }
    e.stopPropagation();
  }

  // The card is in a closed shadow root, so tests cannot find its buttons.
  // Pages that opt in with <html data-tactful-test> get the buttons' labels
  // and centres, and the message, on the host: enough to click them with a
  // real mouse and to see what the card says.
  exposeForTests() {
    if (!this.host || !this.doc.documentElement.hasAttribute('data-tactful-test')) return;
    const buttons = this.isOpen ? [...(this.card?.querySelectorAll('button') ?? [])] : [];
    const targets = buttons.map((b) => {
      const r = b.getBoundingClientRect();
      return { label: b.textContent, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    const text = (/** @type {string} */ selector) => this.card?.querySelector(selector)?.textContent ?? '';
    const r = this.isOpen ? this.card?.getBoundingClientRect() : null;
    this.host.dataset.tactfulTest = JSON.stringify({
      open: this.isOpen, message: text('.message'), why: text('.why'), status: text('.status'), targets,
      box: r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null,
    });
  }
}
