// A page that attacks Tactful: it posts look-alike messages and events,
// tries to reach the extension's runtime, and clobbers the globals and
// prototypes a content script would use (at load with ?clobber, more on
// demand while Tactful runs). Everything the tests read while clobbered goes
// through window.hostile, which kept the originals, so only Tactful would be
// hurt by the clobbering, never the test's own reading.
(() => {
  const highlights = CSS.highlights;
  const rangeText = Range.prototype.toString;
  const slice = String.prototype.slice;
  const boxOf = Element.prototype.getBoundingClientRect;
  const textOf = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').get;
  const defineProperty = Object.defineProperty;
  const getDescriptor = Object.getOwnPropertyDescriptor;

  const hostile = {
    /** How often any clobbered function was called, by anyone. */
    calls: 0,
    /** tactful:drawn events, and the detail of the newest. */
    drawn: 0,
    lastDrawn: '',
    synced: 0,
    /** Message events on this window that this page did not post itself. */
    foreignMessages: 0,
    clobbered: '',
    /** What happened when the page tried the extension's runtime. */
    runtime: 'not tried',

    /** The texts of Tactful's underlines, "category:text" joined by "|". */
    underlines() {
      let out = '';
      for (const [name, h] of highlights) {
        if (slice.call(name, 0, 8) !== 'tactful-' || name === 'tactful-active') continue;
        for (const r of h) out += `${out ? '|' : ''}${slice.call(name, 8)}:${rangeText.call(r)}`;
      }
      return out;
    },
    /** @param {string} id */
    box(id) {
      const r = boxOf.call(document.getElementById(id));
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    },
    /** @param {string} id */
    text(id) {
      const el = document.getElementById(id);
      return el instanceof HTMLTextAreaElement ? el.value : textOf.call(el);
    },

    /**
     * Look-alike messages and events, and the extension's runtime if the page can see it.
     * @param {string} extensionId
     */
    impersonate(extensionId) {
      const text = "You should have told us. We're sorry if it was confusing.";
      const lookalikes = [
        { type: 'check', text, excluded: [], audience: 'customer', draft: 'editor-1' },
        { type: 'settings-applied' },
        { type: 'status' },
        { type: 'validate', config: '{}' },
        { type: 'rules' },
        { type: 'focused-frame' },
        { type: 'editor-focused' },
      ];
      for (const m of lookalikes) {
        window.postMessage({ ...m, fromHostilePage: true }, '*');
        for (const target of [window, document, document.documentElement]) {
          for (const name of [`tactful:${m.type}`, 'tactful:message', m.type]) {
            target.dispatchEvent(new CustomEvent(name, { detail: JSON.stringify(m), bubbles: true, composed: true }));
          }
        }
      }
      const runtime = globalThis.chrome?.runtime ?? globalThis.browser?.runtime;
      if (!runtime?.sendMessage) {
        hostile.runtime = 'unavailable';
        return Promise.resolve(hostile.runtime);
      }
      return Promise.resolve()
        .then(() => runtime.sendMessage(extensionId, lookalikes[0]))
        .then((response) => { hostile.runtime = `answered: ${JSON.stringify(response)}`; },
          (e) => { hostile.runtime = `refused: ${e?.message ?? e}`; })
        .then(() => hostile.runtime);
    },

    /** @param {'prototypes' | 'globals'} which */
    clobber(which) {
      const broken = function () {
        hostile.calls++;
        throw new Error('clobbered by the page');
      };
      const replace = (/** @type {any} */ owner, /** @type {string} */ key) => {
        const d = getDescriptor(owner, key);
        if (d?.get || d?.set) defineProperty(owner, key, { get: broken, set: broken, configurable: true });
        else defineProperty(owner, key, { value: broken, writable: true, configurable: true });
      };
      const targets = which === 'prototypes' ? [
        [Array.prototype, ['map', 'filter', 'push', 'some', 'every', 'find', 'findIndex', 'includes', 'indexOf', 'slice',
          'sort', 'join', 'forEach', 'flat', 'flatMap', 'concat', 'splice', 'at']],
        [Array, ['from', 'isArray']],
        [String.prototype, ['slice', 'indexOf', 'lastIndexOf', 'replace', 'trim', 'startsWith', 'includes', 'split', 'charCodeAt']],
        [Object, ['keys', 'entries', 'fromEntries', 'assign']],
        [Range.prototype, ['setStart', 'setEnd', 'toString', 'getClientRects', 'getBoundingClientRect', 'selectNodeContents',
          'comparePoint', 'collapse', 'cloneRange']],
        [Node.prototype, ['textContent', 'appendChild', 'contains', 'firstChild', 'nextSibling', 'nodeType', 'getRootNode']],
        [Element.prototype, ['getBoundingClientRect', 'getClientRects', 'attachShadow', 'append', 'setAttribute', 'closest',
          'matches', 'tagName', 'hasAttribute']],
        [Document.prototype, ['createElement', 'createTextNode', 'createRange', 'createTreeWalker', 'getSelection']],
        [EventTarget.prototype, ['addEventListener', 'dispatchEvent']],
        [Map.prototype, ['get', 'set']],
        [Set.prototype, ['add', 'has']],
      ] : [
        [window, ['CSS', 'Highlight', 'Range', 'StaticRange', 'getSelection', 'getComputedStyle', 'requestAnimationFrame',
          'setTimeout', 'clearTimeout', 'MutationObserver', 'CustomEvent', 'InputEvent', 'DataTransfer', 'performance']],
        [JSON, ['stringify', 'parse']],
        [Promise.prototype, ['then', 'catch', 'finally']],
        [Promise, ['resolve', 'all', 'race']],
      ];
      for (const [owner, keys] of targets) for (const key of keys) replace(owner, key);
      hostile.clobbered += `${hostile.clobbered ? ',' : ''}${which}`;
    },
  };
  window.hostile = hostile;

  document.addEventListener('tactful:drawn', (e) => {
    hostile.drawn++;
    hostile.lastDrawn = e.detail;
  });
  document.addEventListener('tactful:synced', () => { hostile.synced++; });
  window.addEventListener('message', (e) => {
    if (!(e.source === window && e.data && e.data.fromHostilePage === true)) hostile.foreignMessages++;
  });
  if (location.search === '?clobber') hostile.clobber('prototypes');
})();
