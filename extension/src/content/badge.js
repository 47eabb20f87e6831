// The badge: a small "3/5" at the focused editor's bottom-right corner that
// says how much of the reply checklist the draft meets, and opens the list
// with the reader's audience to switch. Like the card it lives in a closed
// shadow root on a host appended to <html>, in the top layer, so it never
// touches the editor or the page's markup. Text is only set with textContent.
import { checklistRows, checklistScore } from '../shared/checklist.js';
import { MAX_CHECK_TEXT } from '../shared/messages.js';
import { adoptStyles } from './styles.js';

const BADGE_CSS = `
:host { all: initial; }
.badge, .panel { position: fixed; inset: auto; margin: 0; box-sizing: border-box;
  font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.badge { padding: 2px 7px; border: 1px solid #0f766e; border-radius: 999px; background: #ffffff; color: #0f766e;
  font-weight: 600; cursor: pointer; opacity: 0.85; box-shadow: 0 1px 3px rgba(15, 23, 42, 0.15); }
.badge:hover, .badge:focus-visible { opacity: 1; }
.badge:focus-visible, button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.panel { width: 280px; padding: 10px 12px; border: 1px solid #d0d5dd; border-radius: 10px; background: #ffffff;
  color: #1f2933; box-shadow: 0 8px 24px rgba(15, 23, 42, 0.18); font-size: 13px; }
.reason { margin: 0 0 10px; }
h2 { margin: 0 0 6px; font-size: 11px; font-weight: 600; letter-spacing: 0.03em; text-transform: uppercase; color: #52606d; }
ul { margin: 0 0 10px; padding: 0; list-style: none; }
li { display: flex; justify-content: space-between; gap: 8px; padding: 3px 0; border-bottom: 1px solid #e5e7eb; }
.state { font-weight: 700; }
[data-state="met"] .state { color: #0f766e; }
[data-state="weak"] .state, [data-state="missing"] .state { color: #b45309; }
.audiences { display: flex; gap: 4px; }
.audience { flex: 1; padding: 3px 6px; border: 1px solid #d0d5dd; border-radius: 6px; background: transparent;
  color: inherit; font: inherit; cursor: pointer; }
.audience[aria-pressed="true"] { border-color: #0f766e; background: #ecfdf5; color: #064e3b; font-weight: 600; }
.audience[aria-disabled="true"] { cursor: default; }
.audience[aria-disabled="true"]:not([aria-pressed="true"]) { opacity: 0.55; }
.managed { margin: 6px 0 0; font-size: 12px; color: #52606d; }
@media (prefers-color-scheme: dark) {
  .badge { background: #1f2530; color: #5eead4; border-color: #5eead4; }
  .panel { border-color: #3f4753; background: #1f2530; color: #e5e7eb; }
  h2, .managed { color: #aab4c0; }
  li { border-color: #3f4753; }
  [data-state="met"] .state { color: #5eead4; }
  [data-state="weak"] .state, [data-state="missing"] .state { color: #fbbf24; }
  .audience[aria-pressed="true"] { border-color: #5eead4; background: #12332f; color: #ccfbf1; }
}`;

/** @type {ReadonlyArray<[string, string]>} */
const AUDIENCE_LABELS = [['customer', 'Customer'], ['internal', 'Colleague'], ['technical', 'Technical']];

export const TOO_LONG = `This draft is too long to check (over ${MAX_CHECK_TEXT.toLocaleString('en-US')} characters); ` +
  'nothing is underlined until it is shorter.';

/** Space between the badge and the editor's edges, in CSS pixels. */
const INSET = 6;

/**
 * What the badge shows for one editor.
 * @typedef {{
 *   editor: HTMLElement,
 *   checklist: import('../shared/messages.js').ChecklistItem[],
 *   audience: string,
 *   readerManaged: boolean,
 *   tooLong: boolean,  // the draft is over the length Tactful checks
 * }} BadgeContent
 */

export class Badge {
  /**
   * @param {Document} doc
   * @param {{onAudience: (audience: string) => void, onClose: () => void}} handlers
   */
  constructor(doc, handlers) {
    this.doc = doc;
    this.handlers = handlers;
    /** @type {HTMLElement | null} */
    this.host = null;
    /** @type {HTMLButtonElement | null} */
    this.button = null;
    /** @type {HTMLElement | null} */
    this.panel = null;
    /** @type {BadgeContent | null} */
    this.content = null;
  }

  get visible() {
    return this.content !== null;
  }

  get panelOpen() {
    return !!this.panel?.matches(':popover-open');
  }

  ensureHost() {
    if (this.host?.isConnected && this.button && this.panel) return;
    const doc = this.doc;
    this.host = doc.createElement('tactful-badge');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    adoptStyles(shadow, BADGE_CSS);
    const button = (this.button = doc.createElement('button'));
    button.type = 'button';
    button.className = 'badge';
    button.popover = 'manual';
    button.setAttribute('aria-haspopup', 'dialog');
    button.addEventListener('click', () => this.togglePanel());
    const panel = (this.panel = doc.createElement('div'));
    panel.className = 'panel';
    panel.popover = 'manual';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Reply checklist');
    shadow.addEventListener('keydown', (e) => {
      const key = /** @type {KeyboardEvent} */ (e).key;
      if (key === 'Escape' && this.panelOpen) {
        e.preventDefault();
        this.closePanel();
        this.handlers.onClose();
      }
      e.stopPropagation();
    });
    shadow.append(button, panel);
    doc.documentElement.append(this.host);
  }

  /**
   * Shows (or updates) the badge for an editor.
   * @param {BadgeContent} content
   */
  show(content) {
    this.ensureHost();
    this.content = content;
    const { met, total } = checklistScore(content.checklist);
    const button = /** @type {HTMLButtonElement} */ (this.button);
    button.textContent = content.tooLong ? 'Too long' : `${met}/${total}`;
    const label = content.tooLong ? TOO_LONG : `Reply checklist: ${met} of ${total} done`;
    button.setAttribute('aria-label', label);
    button.title = label;
    if (!button.matches(':popover-open')) button.showPopover();
    if (this.panelOpen) this.renderPanel();
    this.place();
  }

  hide() {
    if (!this.content) return;
    this.content = null;
    this.closePanel();
    if (this.button?.matches(':popover-open')) this.button.hidePopover();
    this.exposeForTests();
  }

  togglePanel() {
    if (this.panelOpen) {
      this.closePanel();
      return;
    }
    const panel = /** @type {HTMLElement} */ (this.panel);
    this.renderPanel();
    panel.showPopover();
    this.place();
    panel.querySelector('[aria-pressed="true"]')?.closest('button')?.focus();
  }

  closePanel() {
    if (this.panelOpen) this.panel?.hidePopover();
    this.exposeForTests();
  }

  // Updates the panel in place: rebuilding it would drop the focus from the
  // reader button just pressed, and with it the badge.
  renderPanel() {
    const content = /** @type {BadgeContent} */ (this.content);
    const panel = /** @type {HTMLElement} */ (this.panel);
    if (!panel.firstChild) this.buildPanel(panel);
    const reason = /** @type {HTMLElement} */ (panel.querySelector('.reason'));
    reason.textContent = content.tooLong ? TOO_LONG : '';
    reason.hidden = !content.tooLong;
    panel.querySelector('ul')?.replaceChildren(...checklistRows(this.doc, content.checklist));
    for (const b of panel.querySelectorAll('button')) {
      b.setAttribute('aria-pressed', String(/** @type {HTMLElement} */ (b).dataset.audience === content.audience));
      // Not `disabled`: a disabled button drops the focus, and the badge with it.
      b.setAttribute('aria-disabled', String(content.readerManaged));
    }
    const managed = /** @type {HTMLElement} */ (panel.querySelector('.managed'));
    managed.hidden = !content.readerManaged;
  }

  /** @param {HTMLElement} panel */
  buildPanel(panel) {
    const doc = this.doc;
    const heading = (/** @type {string} */ text) => {
      const h = doc.createElement('h2');
      h.textContent = text;
      return h;
    };
    const audiences = doc.createElement('div');
    audiences.className = 'audiences';
    audiences.setAttribute('role', 'group');
    audiences.setAttribute('aria-label', 'Who reads this reply');
    for (const [value, label] of AUDIENCE_LABELS) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.className = 'audience';
      b.textContent = label;
      b.dataset.audience = value;
      b.addEventListener('click', () => { if (!this.content?.readerManaged) this.handlers.onAudience(value); });
      audiences.append(b);
    }
    const reason = doc.createElement('p');
    reason.className = 'reason';
    reason.setAttribute('role', 'status');
    const managed = doc.createElement('p');
    managed.className = 'managed';
    managed.textContent = 'Set by your organization';
    panel.append(heading('Reply checklist'), reason, doc.createElement('ul'), heading('Reader'), audiences, managed);
  }

  /**
   * Keeps the badge on its editor's bottom-right corner, and the panel
   * beside it. An editor too short to spare that corner (a one-line chat
   * composer) would have its text covered, so there the badge sits just
   * outside the editor: to the right of it, or below it.
   */
  place() {
    const { content, button, panel } = this;
    if (!content || !button || !panel) return;
    const box = content.editor.getBoundingClientRect();
    const view = { w: this.doc.documentElement.clientWidth, h: this.doc.documentElement.clientHeight };
    const offScreen = box.bottom < 0 || box.top > view.h || box.right < 0 || box.left > view.w || box.width === 0;
    button.style.setProperty('visibility', offScreen ? 'hidden' : 'visible');
    const size = button.getBoundingClientRect();
    let left = Math.max(box.left, Math.min(box.right, view.w) - size.width - INSET);
    let top = Math.max(box.top, Math.min(box.bottom, view.h) - size.height - INSET);
    if (box.height < size.height * 3) {
      const roomRight = box.right + INSET + size.width <= view.w;
      left = roomRight ? box.right + INSET : left;
      top = roomRight ? box.bottom - size.height : box.bottom + INSET;
    }
    button.style.setProperty('left', `${left}px`);
    button.style.setProperty('top', `${top}px`);
    if (this.panelOpen) {
      const p = panel.getBoundingClientRect();
      const above = top - p.height - 4;
      panel.style.setProperty('left', `${Math.max(8, Math.min(left + size.width - p.width, view.w - p.width - 8))}px`);
      panel.style.setProperty('top', `${above >= 8 ? above : Math.min(top + size.height + 4, view.h - p.height - 8)}px`);
    }
    this.exposeForTests();
  }

  // As for the card: pages that opt in with <html data-tactful-test> get the
  // badge's state and its buttons' centres, to click with a real mouse.
  exposeForTests() {
    if (!this.host || !this.doc.documentElement.hasAttribute('data-tactful-test')) return;
    const center = (/** @type {Element} */ b) => {
      const r = b.getBoundingClientRect();
      const disabled = b.getAttribute('aria-disabled') === 'true';
      return { label: b.textContent ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2, disabled };
    };
    const visible = this.visible && !!this.button?.matches(':popover-open');
    const panelButtons = this.panelOpen ? [...(this.panel?.querySelectorAll('button') ?? [])] : [];
    this.host.dataset.tactfulTest = JSON.stringify({
      visible,
      label: visible ? this.button?.textContent : '',
      title: visible ? this.button?.title : '',
      audience: this.content?.audience ?? '',
      readerManaged: this.content?.readerManaged ?? false,
      panelOpen: this.panelOpen,
      items: this.panelOpen ? [...(this.panel?.querySelectorAll('li') ?? [])].map((li) => ({
        id: /** @type {HTMLElement} */ (li).dataset.item, state: /** @type {HTMLElement} */ (li).dataset.state,
      })) : [],
      targets: [...(visible && this.button ? [center(this.button)] : []), ...panelButtons.map(center)],
    });
  }
}
