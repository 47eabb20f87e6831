// Content script entry, one per frame. It stays idle (a focusin listener and
// a message listener) until an editor gains focus, then runs an
// EditorSession per editor, the one card this frame shows and the checklist
// badge on the focused editor.
import { ext } from '../shared/browser-api.js';
import { contentRefusal } from '../shared/messages.js';
import { audienceManaged, loadEffectiveSettings, siteEnabled, unmanagedSettings } from '../shared/policy.js';
import { loadSiteAudiences, saveSettings, saveSiteAudience, siteOf } from '../shared/settings.js';
import { Badge } from './badge.js';
import { Card, isNextShortcut } from './card.js';
import { deepActiveElement, editorFor, editorRole, isEligible } from './editors.js';
import { announceFocus, extensionAlive } from './messaging.js';
import { EditorSession } from './session.js';
import { siteAdapter } from './sites.js';
import { quoteMarks } from './text-model.js';

/** @typedef {import('./session.js').Drawn} Drawn */
/** @typedef {import('../shared/policy.js').EffectiveSettings} Settings */

const HOVER_OPEN_MS = 150;
const HOVER_CLOSE_MS = 300;

class FrameController {
  /** @param {Document} doc */
  constructor(doc) {
    this.doc = doc;
    // about:blank frames inherit their creator's origin, and with it its site settings.
    this.site = siteOf(self.origin);
    this.adapter = siteAdapter(this.site);
    /** The adapter's quote and signature markers, with the generic ones. */
    this.marks = quoteMarks(this.adapter);
    /** @type {Map<HTMLElement, EditorSession>} */
    this.sessions = new Map();
    /** Sessions in internal-note editors. @type {WeakSet<EditorSession>} */
    this.notes = new WeakSet();
    /** @type {Settings} */
    this.settings = unmanagedSettings();
    /** @type {Promise<void> | null} */
    this.settingsLoaded = null;
    /** @type {EditorSession | null} */
    this.focused = null;
    /** The editor the badge is for: the focused one, until focus leaves for the page. @type {EditorSession | null} */
    this.badgeFor = null;
    /** The reader chosen per site from the card or the badge. @type {Record<string, string>} */
    this.siteAudiences = {};
    this.card = new Card(doc);
    this.badge = new Badge(doc, {
      onAudience: (audience) => { if (this.focused) this.setAudience(this.focused, audience); },
      onClose: () => this.focused?.el.focus({ preventScroll: true }),
    });
    /** @type {{session: EditorSession, drawn: Drawn, how: 'hover' | 'caret' | 'keyboard'} | null} */
    this.shown = null;
    this.pointer = { x: -1, y: -1, frame: 0 };
    this.hoverTimer = 0;
    this.closeTimer = 0;
    this.pageListenersInstalled = false;
  }

  start() {
    addEventListener('focusin', (e) => this.consider(e.composedPath()[0] ?? null), true);
    ext.runtime.onMessage.addListener((message, sender, sendResponse) => this.onMessage(message, sender, sendResponse));
    ext.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' || area === 'managed') this.onSettingsChanged(changes, area);
    });
    const active = deepActiveElement(this.doc);
    if (active && active !== this.doc.body) this.consider(active);
  }

  loadSettings() {
    this.settingsLoaded ??= Promise.all([loadEffectiveSettings(), loadSiteAudiences()]).then(([s, audiences]) => {
      this.settings = s;
      this.siteAudiences = audiences;
    });
    return this.settingsLoaded;
  }

  get enabled() {
    return siteEnabled(this.settings, this.site);
  }

  /**
   * Starts (or resumes) work in the editor that just got focus.
   * @param {EventTarget | null} target
   */
  async consider(target) {
    const editor = editorFor(target);
    if (!editor) return;
    // After the extension is reloaded or removed, leave the page as it was.
    if (!extensionAlive()) return this.stopSessions();
    await this.loadSettings();
    if (!this.enabled) {
      announceFocus();  // the popup still shows this site, switched off
      return this.report('site-off', { site: this.site });
    }
    if (!isEligible(editor)) return;
    // Asked on every focus: apps switch one composer between reply and note.
    const role = editorRole(editor, this.adapter);
    let session = this.sessions.get(editor);
    if (role === 'skip' || (role === 'note' && !this.checksNotes)) {
      if (session) this.endSession(session);
      return this.report('skipped', { role, product: this.adapter.product });
    }
    for (const [el, s] of this.sessions) {
      if (!el.isConnected) this.endSession(s);
    }
    if (!session) {
      session = new EditorSession(editor, this, this.audienceFor(role));
      this.sessions.set(editor, session);
      this.installPageListeners();
    } else if (this.notes.has(session) !== (role === 'note')) {
      session.setAudience(this.audienceFor(role));
    }
    if (role === 'note') this.notes.add(session);
    else this.notes.delete(session);
    this.focused = session;
    this.badgeFor = session;
    this.showBadge(session);
    announceFocus();
  }

  /** Whether the organization's policy decides the reader, so no editor can switch it. */
  get readerManaged() {
    return audienceManaged(this.settings.policy);
  }

  /**
   * Who a new editor's reply is for: the organization's reader if its policy
   * decides; else the user's choice for this site, the site table's, or the settings'.
   */
  defaultAudience() {
    if (this.readerManaged) return this.settings.audience;
    return this.siteAudiences[this.site] ?? this.adapter.audience ?? this.settings.audience;
  }

  /**
   * Who reads an editor's text: colleagues read an internal note, whoever
   * reads the site's replies; the organization's reader if its policy decides.
   * @param {'note' | 'reply'} role
   */
  audienceFor(role) {
    return role === 'note' && !this.readerManaged ? 'internal' : this.defaultAudience();
  }

  /** Whether internal notes are checked: unless the organization's policy says not. */
  get checksNotes() {
    return this.settings.policy.checkInternalNotes !== false;
  }

  /**
   * Switches one editor's reader and remembers it for the site's next editors.
   * @param {EditorSession} session
   * @param {string} audience
   */
  async setAudience(session, audience) {
    if (this.readerManaged) return;
    session.setAudience(audience);
    if (this.badgeFor === session) this.showBadge(session);
    if (this.notes.has(session)) return;  // a note's reader says nothing about the site's replies
    this.siteAudiences = { ...this.siteAudiences, [this.site]: audience };
    await saveSiteAudience(this.site, audience);
  }

  /** @param {EditorSession} session */
  showBadge(session) {
    if (session.blank || session.destroyed) this.badge.hide();
    else {
      this.badge.show({
        editor: session.el, checklist: session.checklist, audience: session.audience,
        readerManaged: this.readerManaged, tooLong: session.tooLong,
      });
    }
  }

  installPageListeners() {
    if (this.pageListenersInstalled) return;
    this.pageListenersInstalled = true;
    const opts = { capture: true, passive: true };
    addEventListener('mousemove', (e) => this.onPointer(e.clientX, e.clientY), opts);
    // A pointer that leaves an iframe (TinyMCE's editor frame) sends it no more
    // moves: it is off every finding and off the card, so a hover card closes.
    this.doc.documentElement.addEventListener('mouseleave', () => this.onPointer(-1, -1), opts);
    addEventListener('scroll', () => this.repositionCard(), opts);
    addEventListener('resize', () => this.repositionCard(), opts);
    addEventListener('keydown', (e) => this.onKeyDown(e), true);
    addEventListener('focusout', (e) => this.onFocusOut(e), true);
  }

  /** @param {KeyboardEvent} e */
  onKeyDown(e) {
    const session = this.sessions.get(/** @type {HTMLElement} */ (editorFor(e.composedPath()[0] ?? null)));
    if (!session) return;
    if (isNextShortcut(e)) {
      e.preventDefault();
      e.stopPropagation();
      this.next(session);
    } else if (e.key === 'Escape' && this.card.isOpen && this.shown?.session === session) {
      e.preventDefault();
      this.card.close(false);
    }
  }

  /** @param {FocusEvent} e */
  onFocusOut(e) {
    // The badge belongs to the focused editor; focus elsewhere (not into
    // Tactful's own card or badge) puts it away.
    const to = e.relatedTarget;
    const ours = to instanceof HTMLElement && (to === this.card.host || to === this.badge.host || this.sessions.has(to));
    if (!ours) {
      this.badgeFor = null;
      this.badge.hide();
    }
    // Leaving the editor (not for the card) closes a card the caret opened.
    if (this.shown?.how === 'caret' && e.composedPath()[0] === this.shown.session.el &&
        e.relatedTarget !== this.card.host) {
      this.card.close(false);
    }
  }

  /**
   * Moves to the finding after the one shown (or at/after the caret) and
   * opens its card with keyboard focus.
   * @param {EditorSession} session
   */
  next(session) {
    const shown = this.shown?.session === session ? this.shown.drawn : null;
    if (shown && !this.card.hasFocus) {
      this.open(session, shown, 'keyboard');  // first press: into the open card
      return;
    }
    const d = session.nextFinding(shown);
    if (!d) return;
    session.reveal(d);
    this.open(session, d, 'keyboard');
  }

  /**
   * @param {EditorSession} session
   * @param {Drawn} drawn
   * @param {'hover' | 'caret' | 'keyboard'} how
   */
  open(session, drawn, how) {
    clearTimeout(this.closeTimer);
    const rects = session.rects(drawn);
    if (!rects.length) return;
    if (this.shown && this.shown.session !== session) this.shown.session.setActive(null);
    this.shown = { session, drawn, how };
    session.setActive(drawn);
    this.card.open({
      finding: drawn.finding,
      onApply: (s) => this.apply(s),
      onStarter: () => this.insertStarter(),
      readerManaged: this.readerManaged,
      onAudience: (audience) => {
        this.card.close(true);  // back to writing, for the new reader
        this.setAudience(session, audience);
      },
      onDismiss: () => this.dismiss(),
      onIgnoreRule: () => this.ignoreRule(),
      onNext: () => this.next(session),
      onClose: (returnFocus) => this.onCardClosed(returnFocus),
    }, rects[0], how === 'keyboard');
  }

  /** @param {boolean} returnFocus */
  onCardClosed(returnFocus) {
    const shown = this.shown;
    this.shown = null;
    if (!shown) return;
    shown.session.setActive(null);
    if (returnFocus) shown.session.focusAfter(shown.drawn);
  }

  /** @param {string} suggestion */
  apply(suggestion) {
    return this.edit((session, drawn) => session.apply(drawn, suggestion));
  }

  insertStarter() {
    return this.edit((session, drawn) => session.insertStarter(drawn));
  }

  /**
   * Makes one edit for the card's finding; the card closes on success and
   * says what went wrong otherwise.
   * @param {(session: EditorSession, drawn: Drawn) => Promise<import('./apply-fix.js').ApplyResult>} change
   */
  async edit(change) {
    if (!this.shown) return;
    const result = await change(this.shown.session, this.shown.drawn);
    this.report('applied', result);
    if (result.ok) this.card.close(false);
    else this.card.status(result.reason);
  }

  dismiss() {
    if (!this.shown) return;
    const { session, drawn, how } = this.shown;
    this.card.close(how === 'keyboard');
    session.dismiss(drawn);
  }

  async ignoreRule() {
    if (!this.shown) return;
    if (this.settings.policy.locked.includes('disabledRules')) {
      this.card.status('Your organization decides which rules run.');
      return;
    }
    const { rule } = this.shown.drawn.finding;
    this.card.close(this.shown.how === 'keyboard');
    const siteIgnoredRules = { ...this.settings.siteIgnoredRules };
    siteIgnoredRules[this.site] = [...new Set([...(siteIgnoredRules[this.site] ?? []), rule])];
    this.settings = { ...this.settings, siteIgnoredRules };
    for (const s of this.sessions.values()) s.schedule(0);
    await saveSettings({ siteIgnoredRules });
  }

  // --- Frame interface for sessions

  /** @param {import('../shared/messages.js').Finding} f */
  isIgnored(f) {
    return this.settings.siteIgnoredRules[this.site]?.includes(f.rule) ?? false;
  }

  /**
   * @param {EditorSession} session
   * @param {Drawn | null} drawn
   */
  caretAt(session, drawn) {
    if (drawn) {
      if (this.shown?.drawn !== drawn) this.open(session, drawn, 'caret');
    } else if (this.shown?.session === session && this.shown.how === 'caret') {
      this.card.close(false);
    }
  }

  /** @param {EditorSession} session */
  checked(session) {
    if (session === this.badgeFor) this.showBadge(session);
  }

  /**
   * After a session redrew or edited: keep the card on its finding, or close it.
   * @param {EditorSession} session
   */
  refreshCard(session) {
    if (this.shown?.session !== session) return;
    if (session.active) {
      this.shown.drawn = session.active;
      this.repositionCard();
    } else {
      this.card.close(false);
    }
  }

  repositionCard() {
    this.badge.place();
    if (!this.shown) return;
    const rects = this.shown.session.rects(this.shown.drawn);
    if (rects.length) this.card.place(rects[0]);
    else this.card.close(false);
  }

  /**
   * Debug signal for tests and the latency benchmark, only on pages that
   * opt in with <html data-tactful-test>.
   * @param {string} name
   * @param {object} detail
   */
  report(name, detail) {
    if (!this.doc.documentElement.hasAttribute('data-tactful-test')) return;
    this.doc.dispatchEvent(new CustomEvent(`tactful:${name}`, { detail: JSON.stringify(detail) }));
  }

  // --- Hover

  /** @param {number} x @param {number} y */
  onPointer(x, y) {
    this.pointer.x = x;
    this.pointer.y = y;
    if (!this.pointer.frame) this.pointer.frame = requestAnimationFrame(() => this.hoverCheck());
  }

  hoverCheck() {
    this.pointer.frame = 0;
    const { x, y } = this.pointer;
    // The pointer over the card keeps it open; one the keyboard is in stays put.
    if (this.card.contains(x, y) || this.card.hasFocus) {
      clearTimeout(this.closeTimer);
      return;
    }
    /** @type {{session: EditorSession, drawn: Drawn} | null} */
    let hit = null;
    for (const session of this.sessions.values()) {
      const drawn = session.findingAt(x, y);
      if (drawn) {
        hit = { session, drawn };
        break;
      }
    }
    clearTimeout(this.hoverTimer);
    if (hit) {
      clearTimeout(this.closeTimer);
      if (this.shown?.drawn === hit.drawn) return;
      const { session, drawn } = hit;
      this.hoverTimer = setTimeout(() => this.open(session, drawn, 'hover'), HOVER_OPEN_MS);
    } else if (this.shown?.how === 'hover' && !this.card.hasFocus) {
      clearTimeout(this.closeTimer);
      this.closeTimer = setTimeout(() => this.card.close(false), HOVER_CLOSE_MS);
    }
  }

  // --- Messages and settings

  /**
   * Messages from the background (settings applied) and the popup (status).
   * @param {unknown} request
   * @param {chrome.runtime.MessageSender} sender
   * @param {(response: import('../shared/messages.js').StatusResponse | {error: string}) => void} sendResponse
   */
  onMessage(request, sender, sendResponse) {
    const refused = contentRefusal(request, sender, { id: ext.runtime.id, base: ext.runtime.getURL('') });
    if (refused) {
      sendResponse({ error: `refused: ${refused}` });
      return false;
    }
    const message = /** @type {import('../shared/messages.js').ContentRequest} */ (request);
    if (message.type === 'settings-applied') {
      for (const s of this.sessions.values()) s.schedule(0);
      return false;
    }
    if (message.type === 'status') {
      this.loadSettings().then(() => sendResponse({
        hostname: this.site,
        enabled: this.enabled,
        counts: this.focused && !this.focused.destroyed ? this.focused.counts() : null,
        checklist: this.focused && !this.focused.destroyed ? this.focused.checklist : null,
        audience: this.focused && !this.focused.destroyed ? this.focused.audience : null,
      }));
      return true;
    }
    return false;
  }

  /**
   * @param {Record<string, chrome.storage.StorageChange>} changes
   * @param {string} area
   */
  async onSettingsChanged(changes, area) {
    // A frame that never had an editor reads settings fresh when one gets focus.
    if (!this.settingsLoaded) return;
    if (area === 'sync' && !('disabledSites' in changes || 'siteIgnoredRules' in changes)) return;
    const wasEnabled = this.enabled;
    this.settingsLoaded = null;
    await this.loadSettings();
    if (wasEnabled && !this.enabled) {
      this.stopSessions();
      this.report('site-off', { site: this.site });
    } else if (!wasEnabled && this.enabled) {
      this.consider(deepActiveElement(this.doc));
    } else {
      for (const s of this.sessions.values()) {
        if (this.notes.has(s) && !this.checksNotes) {
          this.endSession(s);  // the organization stopped checking internal notes
          continue;
        }
        if (this.readerManaged) s.setAudience(this.settings.audience);
        s.schedule(0);
      }
      if (this.badgeFor) this.showBadge(this.badgeFor);
      // A focused note skipped under the old policy may be checked now.
      const active = this.doc.hasFocus() ? editorFor(deepActiveElement(this.doc)) : null;
      if (active && !this.sessions.has(active)) this.consider(active);
    }
  }

  /** @param {EditorSession} session */
  endSession(session) {
    if (this.shown?.session === session) this.card.close(false);
    if (this.badgeFor === session) {
      this.badgeFor = null;
      this.badge.hide();
    }
    if (this.focused === session) this.focused = null;
    session.destroy();
    this.sessions.delete(session.el);
  }

  stopSessions() {
    this.card.close(false);
    this.badgeFor = null;
    this.badge.hide();
    for (const s of this.sessions.values()) s.destroy();
    this.sessions.clear();
    this.focused = null;
  }
}

new FrameController(document).start();
