// Builds the parts of a site fixture that markup alone cannot: editors in
// about:blank iframes written by the page (as TinyMCE writes its editor
// frame) and editors in open shadow roots (as Lightning web components
// render). A <template data-frame="ID"> becomes an iframe whose body is the
// editor, with the template's data-body-* attributes; a <template
// data-shadow> becomes its parent element's open shadow root.
for (const t of /** @type {NodeListOf<HTMLTemplateElement>} */ (document.querySelectorAll('template[data-frame]'))) {
  const frame = document.createElement('iframe');
  frame.id = /** @type {string} */ (t.dataset.frame);
  frame.className = t.dataset.frameClass ?? '';
  frame.title = t.dataset.title ?? '';
  t.replaceWith(frame);
  const doc = /** @type {Document} */ (frame.contentDocument);
  window.recordTactfulEvents(doc, frame.contentWindow);
  const style = doc.createElement('style');
  style.textContent = 'body { margin: 8px; font: 16px/24px "DejaVu Sans", sans-serif; } blockquote { margin: 0 0 0 16px; }';
  doc.head.append(style);
  doc.body.id = t.dataset.bodyId ?? '';
  doc.body.className = t.dataset.bodyClass ?? '';
  doc.body.contentEditable = 'true';
  doc.body.spellcheck = false;
  doc.body.append(doc.importNode(t.content, true));
}
for (const t of /** @type {NodeListOf<HTMLTemplateElement>} */ (document.querySelectorAll('template[data-shadow]'))) {
  const host = /** @type {HTMLElement} */ (t.parentElement);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('[contenteditable] { min-height: 96px; padding: 8px; border: 1px solid #888; font: 16px/24px "DejaVu Sans", sans-serif; }');
  root.adoptedStyleSheets = [sheet];
  root.append(t.content.cloneNode(true));
  t.remove();
}
