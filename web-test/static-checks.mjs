// Checks on the built extension that need no browser: what the bundles may
// not contain (network, eval, HTML injection) and what the manifests may
// not ask for (host permissions, remote code, a lax CSP).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual } from './lib/harness.mjs';

/**
 * Code that could reach the network, run strings as code, or parse HTML from strings.
 * @type {Array<[string, RegExp]>}
 */
const FORBIDDEN = [
  ['fetch', /\bfetch\s*\(/g],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/g],
  ['WebSocket', /\bWebSocket\b/g],
  ['EventSource', /\bEventSource\b/g],
  ['sendBeacon', /\bsendBeacon\b/g],
  ['eval', /(^|[^\w.$])eval\s*\(/g],
  ['new Function', /\bnew\s+Function\s*\(/g],
  ['Function("code")', /(^|[^\w.$])Function\s*\(\s*['"`]/g],
  ['importScripts call', /\bimportScripts\s*\(/g],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/g],
  ['innerHTML/outerHTML', /\b(?:inner|outer)HTML\b/g],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/g],
  ['document.write', /\bdocument\.write(?:ln)?\s*\(/g],
];

// The one sanctioned network-looking call: the background reads the
// extension's own packaged tactful.wasm (a file inside the installed
// extension, never the network) to hand its bytes to the engine. Every
// other fetch/XMLHttpRequest reference, including the Emscripten glue's
// fallbacks, is compiled to `undefined` by extension/build.mjs.
const SANCTIONED_WASM_READ = 'globalThis.fetch(ext.runtime.getURL("tactful.wasm"))';

/**
 * Where a string becomes markup or code in the extension's own sources.
 * Page text, finding text, rule messages and policy strings are only ever
 * set with textContent or built into elements (shared/dom.js), so none of
 * these has a sanctioned use and none is allow-listed.
 * @type {Array<[string, RegExp]>}
 */
const HTML_SINKS = [
  ['innerHTML/outerHTML', /\b(?:inner|outer)HTML\b/g],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/g],
  ['document.write', /\.write(?:ln)?\s*\(/g],
  ['createContextualFragment', /\bcreateContextualFragment\b/g],
  ['DOMParser', /\bDOMParser\b/g],
  ['setHTML/parseHTML', /\b(?:setHTML|setHTMLUnsafe|parseHTMLUnsafe)\b/g],
  ['srcdoc', /\bsrcdoc\b/g],
  ['event-handler attribute', /setAttribute(?:NS)?\s*\(\s*(?:[^,]*,\s*)?['"`]on/gi],
  ['javascript: URL', /javascript:/gi],
];

const SOURCES = fileURLToPath(new URL('../extension/src/', import.meta.url));
const SOURCE_MANIFEST = fileURLToPath(new URL('../extension/manifest.json', import.meta.url));

/** @param {string} dir @param {RegExp} ext */
function filesIn(dir, ext = /\.js$/) {
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesIn(p, ext));
    else if (ext.test(p)) out.push(p);
  }
  return out;
}
const jsFiles = (/** @type {string} */ dir) => filesIn(dir);

/**
 * Checks on the extension's sources: no string reaches an HTML or code sink,
 * and the manifest opens no door to web pages.
 * @returns {Array<[string, () => void]>}
 */
function sourceChecks() {
  return [
    ['static: extension/src sets no HTML from strings (innerHTML, outerHTML, insertAdjacentHTML, document.write, ...)', () => {
      /** @type {string[]} */
      const problems = [];
      for (const file of filesIn(SOURCES, /\.(?:js|html)$/)) {
        // Comments may name a sink to say it is not used.
        const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/.*$/gm, '$1');
        for (const [label, re] of HTML_SINKS) {
          for (const m of code.matchAll(re)) {
            const line = code.slice(0, m.index).split('\n').length;
            problems.push(`${relative(SOURCES, file)}:${line}: ${label}`);
          }
        }
      }
      assert(problems.length === 0, problems.join('\n'));
    }],
    ['static: the source manifest has no externally_connectable or web_accessible_resources', () => {
      const m = JSON.parse(readFileSync(SOURCE_MANIFEST, 'utf8'));
      for (const key of ['externally_connectable', 'web_accessible_resources', 'host_permissions']) {
        assert(!(key in m), `extension/manifest.json has ${key}`);
      }
    }],
  ];
}

/** @param {string} distDir */
export function staticChecks(distDir) {
  /** @type {Array<[string, () => void]>} */
  const checks = sourceChecks();
  for (const browser of ['chrome', 'firefox']) {
    const dir = join(distDir, browser);
    checks.push([`static: ${browser} bundles have no network, eval or HTML-string APIs (but the own-wasm read)`, () => {
      /** @type {string[]} */
      const problems = [];
      let sanctioned = 0;
      for (const file of jsFiles(dir)) {
        const name = relative(dir, file);
        let code = readFileSync(file, 'utf8');
        if (name === 'background.js') {
          sanctioned = code.split(SANCTIONED_WASM_READ).length - 1;
          code = code.replaceAll(SANCTIONED_WASM_READ, '');
        }
        for (const [label, re] of FORBIDDEN) {
          for (const m of code.matchAll(re)) {
            const at = m.index ?? 0;
            problems.push(`${name}: ${label}: …${code.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}…`);
          }
        }
      }
      assertEqual(sanctioned, 1, 'reads of the packaged tactful.wasm in background.js');
      assert(problems.length === 0, problems.join('\n'));
    }]);
    checks.push([`static: ${browser} manifest asks for no host permissions and allows no remote code`, () => {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      assertEqual(m.manifest_version, 3, 'manifest_version');
      assertEqual(m.permissions, ['storage'], 'permissions');
      for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'externally_connectable', 'web_accessible_resources', 'update_url']) {
        assert(!(key in m), `manifest has ${key}`);
      }
      const csp = m.content_security_policy?.extension_pages ?? '';
      const directives = Object.fromEntries(csp.split(';').map((/** @type {string} */ d) => d.trim().split(/\s+/)).filter((/** @type {string[]} */ d) => d[0]).map((/** @type {string[]} */ [k, ...v]) => [k, v]));
      assertEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'CSP script-src');
      assertEqual(directives['object-src'], ["'none'"], 'CSP object-src');
      assertEqual(directives['connect-src'], ["'self'"], 'CSP connect-src');
      assert(!/https?:|\*|'unsafe-eval'|'unsafe-inline'/.test(csp), `CSP allows remote or unsafe sources: ${csp}`);
      const [cs] = m.content_scripts;
      assertEqual([cs.matches, cs.all_frames, cs.match_about_blank], [['<all_urls>'], true, true], 'content script reach');
      if (browser === 'chrome') assertEqual(m.background, { service_worker: 'background.js' }, 'background');
      else {
        assertEqual(m.background, { scripts: ['background.js'] }, 'background');
        assertEqual(m.browser_specific_settings?.gecko?.id, 'tactful@tactful.example', 'gecko id');
      }
      for (const page of ['popup/popup.html', 'options/options.html']) {
        const html = readFileSync(join(dir, page), 'utf8');
        assert(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), `${page} has an inline script`);
        assert(!/\b(?:src|href)=["']https?:/.test(html), `${page} loads something remote`);
      }
    }]);
    checks.push([`static: dist/tactful-${browser}.zip exists`, () => {
      assert(existsSync(join(distDir, `tactful-${browser}.zip`)), `dist/tactful-${browser}.zip is missing`);
    }]);
  }
  return checks;
}
