// What every editor fixture page gives the tests: the editor's own idea of
// its text and selection (read through the editor's API, never from the
// DOM), and a log of DOM mutations inside the editor's content, so a test
// can prove Tactful's highlighting never touches it.

/**
 * @param {{modelText: () => string, content: () => Element | null, selection: () => {start: number, end: number} | null}} editor
 *   modelText: the text as the editor's API hands it out
 *   content: the element holding the editor's text (may live in an iframe)
 *   selection: the editor's own selection, as offsets into modelText
 */
export function exposeEditor({ modelText, content, selection }) {
  window.editorModelText = () => modelText().replace(/\u00a0/g, ' ').replace(/\n+$/, '');
  window.editorRawText = modelText;
  window.editorSelection = selection;
  /** @type {string[]} */
  const log = [];
  window.editorMutations = log;
  const observe = () => {
    const root = content();
    if (!root) return void setTimeout(observe, 50);
    // Attributes of the editing host itself change with focus (classes,
    // aria-*): that is the editor, not text, so only the content is watched.
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target === root) continue;
        log.push(`${r.type} on ${r.target.nodeName}${r.attributeName ? ` [${r.attributeName}]` : ''}`);
      }
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  observe();
}

/** The text of an HTML string, one line per block (for editors whose API hands out HTML). */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const br of doc.querySelectorAll('br')) br.replaceWith('\n');
  return [...doc.body.children].map((el) => el.textContent).join('\n');
}

/**
 * Long animation frames (over 50 ms) on this page's main thread, with the
 * scripts that ran in them, where the browser can tell (Chromium's Long
 * Animation Frames API); null where it cannot (Firefox).
 */
function recordLongFrames() {
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return null;
  /** @type {Array<{duration: number, scripts: Array<{url: string, duration: number}>}>} */
  const frames = [];
  new PerformanceObserver((list) => {
    for (const e of /** @type {any[]} */ (list.getEntries())) {
      frames.push({ duration: e.duration, scripts: e.scripts.map((s) => ({ url: s.sourceURL, duration: s.duration })) });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  return frames;
}
window.longFrames = recordLongFrames();
