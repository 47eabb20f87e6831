#!/usr/bin/env node
// Keystroke-to-underline latency on a 5,000-word contenteditable draft in
// Chromium (or Firefox ESR). A benchmark, not a test: it reports, it never
// fails on numbers.
//   node web-test/latency-bench.mjs [--browser chromium|firefox] [--dist DIR] [--keys N] [--trials N]
//                                   [--words N] [--trace PREFIX]
// Firefox runs with its event page suspended after 1 s idle (30 s by
// default), so the cold start can be measured without waiting.
// --trace writes a Chrome trace (all processes: page, service worker,
// compositor) of phase 2 to PREFIX-keystroke.json and of phase 3 to
// PREFIX-cold.json, for chrome://tracing or ui.perfetto.dev (Chromium only).
// Four numbers, each as median and p95 (the target is p95 < 16 ms, one
// frame):
//  - keystroke -> underlines in step: from keydown to Tactful having moved
//    or dropped the drawn underlines for the new text (every keystroke);
//  - check -> drawn: from a check starting to the new findings
//    being drawn (text model, engine round trip through the background,
//    mapping to Ranges, CSS.highlights update);
//  - keystroke -> new underline drawn: from that keydown to the new
//    underline being in CSS.highlights, ready for the next frame;
//  - keystroke -> new underline visible: from the keydown completing a
//    problem phrase to a requestAnimationFrame poll in the page seeing the
//    new highlight: the whole wait a user sees. A drawn underline waits for
//    the page's next frame, so this is "drawn" plus 0 to 16.7 ms.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './lib/browsers.mjs';
import { sleep } from './lib/page-helpers.mjs';
import { pageUrl, startPageServer, startRecordingProxy } from './lib/server.mjs';

// What DevTools' Performance panel records, plus V8's sampling profiler
// (JS and wasm stacks) and wasm compilation.
const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
  'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'v8.wasm', 'blink.user_timing', 'toplevel',
  'ServiceWorker', 'extensions',
];

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/**
 * Starts a browser-wide trace (page.tracing would leave out the extension's
 * service worker); the function it returns stops it and writes the file.
 * @param {import('puppeteer-core').Browser} browser
 */
async function startTrace(browser) {
  const session = await browser.target().createCDPSession();
  await session.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: TRACE_CATEGORIES } });
  return async (/** @type {string} */ path) => {
    const complete = new Promise((done) => session.once('Tracing.tracingComplete', done));
    await session.send('Tracing.end');
    const { stream } = /** @type {{stream: string}} */ (await complete);
    const chunks = [];
    for (let eof = false; !eof;) {
      const chunk = await session.send('IO.read', { handle: stream });
      chunks.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
      eof = chunk.eof;
    }
    await session.send('IO.close', { handle: stream });
    writeFileSync(path, Buffer.concat(chunks));
    await session.detach();
  };
}

/**
 * Stops the extension's service worker (Chromium), as Chrome does after 30 s idle.
 * @param {import('puppeteer-core').Page} page
 */
async function serviceWorkerStopper(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  return async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await sleep(300);
  };
}

/**
 * Waits for Firefox to suspend the idle event page: an extension page's
 * getViews() shows whether the background page is alive.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} optionsUrl
 */
async function eventPageSuspension(browser, optionsUrl) {
  const options = await browser.newPage();
  await options.goto(optionsUrl, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
  await options.waitForFunction((u) => location.href === u && document.readyState !== 'loading', { timeout: 8000 }, optionsUrl);
  return async () => {
    await options.waitForFunction(() => !(/** @type {any} */ (globalThis).browser.extension.getViews()
      .some((/** @type {Window} */ w) => w.location.pathname.endsWith('_generated_background_page.html'))),
    { timeout: 20000, polling: 100 });
  };
}

/** @param {number[]} xs */
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (/** @type {number} */ p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

const fmt = (/** @type {{n: number, median: number, p95: number, max: number}} */ r) =>
  `median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (n=${r.n})`;

async function main() {
  const dist = resolve(option('--dist', join(ROOT, 'dist')));
  const keys = Number(option('--keys', '120'));
  const trials = Number(option('--trials', '20'));
  const draftWords = Number(option('--words', '5000'));
  const trace = option('--trace', '');
  const browserName = option('--browser', 'chromium');
  if (browserName !== 'chromium' && browserName !== 'firefox') throw new Error('--browser must be chromium or firefox');
  if (trace && browserName !== 'chromium') throw new Error('--trace needs Chromium');
  const server = await startPageServer();
  const proxy = await startRecordingProxy(server.port);
  const { browser, extensionUrl, close } = await launchBrowser(browserName, {
    distDir: dist, proxyPort: proxy.port, firefoxPrefs: { 'extensions.background.idle.timeout': 1000 },
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 700 });
    await page.goto(`${pageUrl('bench', 'bench.html')}?words=${draftWords}`);
    const words = await page.evaluate(() => document.documentElement.dataset.words);
    // Caret at the end of a paragraph in the middle of the draft, then wait
    // for the first full check.
    await page.evaluate(() => {
      const editor = /** @type {HTMLElement} */ (document.getElementById('editor'));
      const p = editor.children[Math.floor(editor.children.length / 2)];
      editor.focus();
      const text = /** @type {Text} */ (p.firstChild);
      getSelection()?.collapse(text, text.length);
      p.scrollIntoView({ block: 'center' });
    });
    await page.waitForFunction(() => window.bench.drawn.length > 0, { timeout: 20000 });
    const initial = await page.evaluate(() => window.bench.drawn[0]);

    // Phase 1: steady typing.
    await page.evaluate(() => { window.bench.keydowns = []; window.bench.synced = []; window.bench.drawn = []; });
    await page.keyboard.type(' Then some more words, typed steadily.'.repeat(Math.ceil(keys / 38)).slice(0, keys), { delay: 40 });
    await sleep(500);
    const phase1 = await page.evaluate(() => window.bench);
    const sync = phase1.keydowns.map((k) => {
      const s = phase1.synced.find((e) => e.t >= k);
      return s ? s.t - k : NaN;
    }).filter(Number.isFinite);

    // Phase 2: the keystroke that completes a problem phrase ("have" in
    // "You should have"), timed from its keydown to the underline showing.
    const countUnderlines = () => page.evaluate(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('tactful-') && name !== 'tactful-active') n += h.size;
      return n;
    });
    const endToEnd = [];
    const keyToDrawn = [];
    const checks = [];
    const stopKeystrokeTrace = trace ? await startTrace(browser) : null;
    for (let i = 0; i < trials; i++) {
      await page.keyboard.type(' You should hav', { delay: 30 });
      await sleep(400);
      const before = await countUnderlines();
      await page.evaluate(() => { window.bench.keydowns = []; window.bench.drawn = []; window.bench.underlines = []; });
      await page.keyboard.type('e');
      await page.waitForFunction((n) => window.bench.underlines.some((u) => u.n > n), { timeout: 5000 }, before);
      const r = await page.evaluate((n) => ({
        key: window.bench.keydowns[0],
        seen: window.bench.underlines.find((u) => u.n > n)?.t ?? NaN,
        drawnAt: window.bench.drawn.find((d) => (d.count ?? 0) > n)?.t ?? NaN,
        drawn: window.bench.drawn.map((d) => d.checkMs ?? NaN),
      }), before);
      endToEnd.push(r.seen - r.key);
      keyToDrawn.push(r.drawnAt - r.key);
      checks.push(...r.drawn);
      await page.keyboard.type('.');
    }
    await stopKeystrokeTrace?.(`${trace}-keystroke.json`);

    // Phase 3: cold start. The extension's background is stopped (as the
    // browser does after 30 s idle); the next keystroke wakes it, which loads
    // and compiles the engine, builds it and checks the draft.
    const stopBackground = browserName === 'chromium'
      ? await serviceWorkerStopper(page)
      : await eventPageSuspension(browser, extensionUrl('options/options.html'));
    const cold = [];
    const stopColdTrace = trace ? await startTrace(browser) : null;
    for (let i = 0; i < Math.min(trials, 8); i++) {
      await stopBackground();
      await page.bringToFront();
      await page.evaluate(() => { window.bench.keydowns = []; window.bench.drawn = []; });
      await page.keyboard.type('x');
      await page.waitForFunction(() => window.bench.drawn.length > 0, { timeout: 20000 });
      cold.push(await page.evaluate(() => window.bench.drawn[0].t - window.bench.keydowns[0]));
    }
    await stopColdTrace?.(`${trace}-cold.json`);

    console.log(`latency-bench: ${browserName === 'chromium' ? 'Chromium' : 'Firefox'}, ${words}-word contenteditable draft, first check drawn ${initial.count} underlines in ${(initial.checkMs ?? NaN).toFixed(1)} ms`);
    console.log(`  keystroke -> underlines in step:   ${fmt(stats(sync))}`);
    console.log(`  check -> drawn (engine round trip): ${fmt(stats(checks))}`);
    console.log(`  keystroke -> new underline drawn:   ${fmt(stats(keyToDrawn.filter(Number.isFinite)))}`);
    console.log(`  keystroke -> new underline visible: ${fmt(stats(endToEnd))}`);
    console.log('  target: p95 < 16 ms');
    console.log(`  ${browserName === 'chromium' ? 'service worker stopped' : 'event page suspended'}, ` +
      `keystroke -> drawn (cold start): ${fmt(stats(cold))}`);
    console.log('  target: < 50 ms');
  } finally {
    await close();
    await proxy.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
