// Adds Tactful's stylesheets to a document or shadow root without touching
// its markup: constructable stylesheets via adoptedStyleSheets, which a page's
// CSP does not block (an inline <style> would need 'unsafe-inline').

/** @type {WeakMap<Document, Map<string, CSSStyleSheet>>} */
const sheets = new WeakMap();

/**
 * @param {Document | ShadowRoot} root
 * @param {string} css
 */
export function adoptStyles(root, css) {
  const doc = root instanceof Document ? root : root.ownerDocument;
  let byText = sheets.get(doc);
  if (!byText) sheets.set(doc, (byText = new Map()));
  let sheet = byText.get(css);
  if (!sheet) {
    // Constructed with the document's own window so the sheet may be adopted
    // there (Firefox's content-script globals are a separate compartment).
    const win = /** @type {typeof globalThis} */ (/** @type {unknown} */ (doc.defaultView));
    sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    byText.set(css, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
