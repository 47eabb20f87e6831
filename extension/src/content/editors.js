// Which elements are editors Tactful works in, and which are opted out.

const OPT_OUT = '[data-tactful="off"], [data-enable-grammarly="false"]';

/**
 * The nearest ancestor (or the element itself) matching a selector, crossing
 * shadow-root boundaries up to the document.
 * @param {Element} el
 * @param {string} selector
 * @returns {Element | null}
 */
export function closestComposed(el, selector) {
  /** @type {Element | null} */
  let node = el;
  while (node) {
    const hit = node.closest(selector);
    if (hit) return hit;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
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
  if (closestComposed(el, OPT_OUT)) return false;
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
