// Building extension-page DOM from data: attributes and text only, never
// HTML strings.

/**
 * @param {string} tag
 * @param {Record<string, string>} attrs
 * @param {Array<Node | string>} children
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
