// Which elements are editors Tactful works in, which are opted out, and
// what the site's adapter (sites.js) says an editor is for.

const OPT_OUT = '[data-tactful="off"], [data-enable-grammarly="false"]';

/**
 * The nearest ancestor (or the element itself) matching a selector, crossing
 * shadow-root boundaries and leaving a same-origin iframe (TinyMCE's editor
 * frame) for the <iframe> element and its ancestors in the parent page.
 * @param {Element} el
 * @param {string} selector
 * @returns {Element | null}
 */
export function closestAcross(el, selector) {
  /** @type {Element | null} */
  let node = el;
  while (node) {
    const hit = node.closest(selector);
    if (hit) return hit;
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) node = root.host;
    else node = root instanceof Document ? root.defaultView?.frameElement ?? null : null;  // null: another origin's frame
  }
  return null;
}

/**
 * The editor an event target belongs to: a <textarea>, or the outermost
 * element of a contenteditable region; null for anything else, including
 * every <input> (password, search and other single-line fields).
 * @param {EventTarget | null} target
 * @returns {HTMLElement | null}
 */
export function editorFor(target) {
  if (target instanceof HTMLTextAreaElement) return target;
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return null;
  let host = target;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/**
 * Whether Tactful should work in this editor: visible, writable, multi-line
 * and not opted out by the page.
 * @param {HTMLElement} el
 */
export function isEligible(el) {
  if (closestAcross(el, OPT_OUT)) return false;
  if (el instanceof HTMLTextAreaElement) {
    if (el.disabled || el.readOnly) return false;
  } else {
    const role = el.getAttribute('role');
    if (role === 'searchbox' || role === 'combobox' || el.getAttribute('aria-multiline') === 'false') return false;
  }
  if (el.hidden || el.getClientRects().length === 0) return false;
  return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true;
}

/**
 * The element that has focus, looking inside open shadow roots.
 * @param {Document} doc
 */
export function deepActiveElement(doc) {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * What an editor is for on this site: "skip" for a field that is not a
 * message, "note" for an internal note (colleagues read it), else "reply".
 * @param {HTMLElement} el
 * @param {import('./sites.js').SiteAdapter} adapter
 * @returns {'skip' | 'note' | 'reply'}
 */
export function editorRole(el, adapter) {
  const within = (/** @type {string[] | undefined} */ list) => Boolean(list?.length && closestAcross(el, list.join(', ')));
  if (within(adapter.skip)) return 'skip';
  return within(adapter.notes) ? 'note' : 'reply';
}
