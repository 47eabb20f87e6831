#!/usr/bin/env node
// Tactful's browser test suite.
//   node web-test/run.mjs [--browser chromium|firefox|all] [--browsers-only] [--dist DIR] [--only TEXT]
//                         [--suite main|policy|editors|sites]
// Runs the type check and web-ext lint (skipped with --browsers-only, as
// ctest runs them on their own), the static checks on the built bundles and
// manifests, then every case in cases.mjs in each browser, against pages
// served here on 127.0.0.1 behind a recording proxy that proves no request
// leaves the browser. Builds dist/ first if it is missing. --only runs just
// the browser cases whose name contains TEXT. --suite policy runs the cases
// in policy-cases.mjs instead, in browsers started with a real enterprise
// policy file (which needs root: the files live under /etc). --suite editors
// builds the editor fixture pages (web-test/editors/) and runs the editor
// matrix in editor-cases.mjs and its draft-safety runs in editor-draft-cases.mjs; a full run (no --only) then rewrites
// docs/compatibility.md from the outcomes of every browser run so far.
// --suite sites runs the site fixtures (web-test/pages/sites/) in
// site-cases.mjs; a full run rewrites docs/sites.md the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from './cases.mjs';
import { deployChecks } from './deploy-checks.mjs';
import { Compat, compatibilityTable, editorCases } from './editor-cases.mjs';
import { editorDraftCases } from './editor-draft-cases.mjs';
import { buildFixtures } from './editors/build.mjs';
import { launchBrowser } from './lib/browsers.mjs';
import { Results, assert } from './lib/harness.mjs';
import { chromiumPolicy, testIdentity, withFirefoxPolicy } from './lib/policy-files.mjs';
import { POLICY_CHECKS } from './policy-checks.mjs';
import { TEST_POLICY, policyCases } from './policy-cases.mjs';
import { pageUrl, startPageServer, startRecordingProxy } from './lib/server.mjs';
import { lintFirefox } from './lib/lint.mjs';
import { MESSAGE_CHECKS } from './message-checks.mjs';
import { SITE_CHECKS } from './site-checks.mjs';
import { siteCases, sitesDoc } from './site-cases.mjs';
import { staticChecks } from './static-checks.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ARTIFACTS = join(ROOT, 'web-test', 'artifacts');
/** The site suite's outcomes, by browser, product and check. @type {Record<string, Record<string, Record<string, true | string>>>} */
const SITE_OUTCOMES = {};

function parseArgs(argv) {
  const args = { browsers: ['chromium', 'firefox'], typecheckAndLint: true, dist: join(ROOT, 'dist'), only: '', suite: 'main' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--browser') {
      const b = argv[++i];
      if (!['chromium', 'firefox', 'all'].includes(b)) throw new Error(`--browser must be chromium, firefox or all, not ${b}`);
      args.browsers = b === 'all' ? ['chromium', 'firefox'] : [b];
    } else if (argv[i] === '--browsers-only') args.typecheckAndLint = false;
    else if (argv[i] === '--dist') args.dist = resolve(argv[++i]);
    else if (argv[i] === '--only') args.only = argv[++i];
    else if (argv[i] === '--suite') {
      args.suite = argv[++i];
      if (!['main', 'policy', 'editors', 'sites'].includes(args.suite)) {
        throw new Error(`--suite must be main, policy, editors or sites, not ${args.suite}`);
      }
    }
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

/** @param {string} dist */
function ensureBuilt(dist) {
  if (existsSync(join(dist, 'chrome', 'manifest.json')) && existsSync(join(dist, 'firefox', 'manifest.json'))) return;
  console.log(`building the extension into ${dist}`);
  const build = spawnSync(process.execPath, [join(ROOT, 'extension', 'build.mjs'), '--out', dist], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('extension build failed');
}

/** @param {Results} results @param {string} dist */
async function runTypecheckAndLint(results, dist) {
  for (const project of ['extension', 'web-test']) {
    await results.run(`typecheck: tsc --noEmit (checkJs) on ${project}/`, async () => {
      const tsc = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(ROOT, project, 'tsconfig.json')], { encoding: 'utf8' });
      assert(tsc.status === 0, tsc.stdout + tsc.stderr);
    });
  }
  await results.run('lint: web-ext lint dist/firefox has no errors', async () => {
    const { errors, warnings } = lintFirefox(dist);
    for (const w of warnings) console.log(`      web-ext warning: ${w}`);
    assert(errors.length === 0, errors.join('\n'));
  });
}

/**
 * @typedef {Awaited<ReturnType<typeof launchBrowser>> & {
 *   updatePolicy: ((policy: object) => void) | null, cleanup: () => void,
 * }} Launched
 */

/**
 * Starts the browser for a suite. For the policy suite: a copy of the
 * extension with an id of its own, and the policy file for that id, which
 * lives until the cases are done (Chromium) or the browser has read it at
 * start-up (Firefox).
 * @param {'chromium' | 'firefox'} browserName
 * @param {string} suite
 * @param {string} dist
 * @param {number} proxyPort
 * @returns {Promise<Launched>}
 */
async function launchForSuite(browserName, suite, dist, proxyPort) {
  if (suite !== 'policy') {
    return { ...(await launchBrowser(browserName, { distDir: dist, proxyPort })), updatePolicy: null, cleanup: () => {} };
  }
  const identity = testIdentity(dist);
  try {
    if (browserName === 'firefox') {
      const launched = await withFirefoxPolicy(identity.firefoxId, TEST_POLICY, () =>
        launchBrowser('firefox', { distDir: identity.dir, proxyPort, firefoxAddonId: identity.firefoxId }));
      return { ...launched, updatePolicy: null, cleanup: identity.cleanup };
    }
    const policy = chromiumPolicy(identity.chromeId, TEST_POLICY);
    try {
      const launched = await launchBrowser('chromium', { distDir: identity.dir, proxyPort });
      assert(launched.extensionUrl('').includes(identity.chromeId), `extension id is not ${identity.chromeId}: ${launched.extensionUrl('')}`);
      return { ...launched, updatePolicy: policy.update, cleanup: () => { policy.remove(); identity.cleanup(); } };
    } catch (e) {
      policy.remove();
      throw e;
    }
  } catch (e) {
    identity.cleanup();
    throw e;
  }
}

/**
 * Waits until an extension page sees a managed policy: Chromium loads it for
 * an extension some time after the extension is installed.
 * @param {import('puppeteer-core').Page} page
 * @param {string} url an extension page
 */
async function waitForManagedPolicy(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
  await page.waitForFunction(async () => Object.keys(await (globalThis.browser ?? globalThis.chrome).storage.managed.get(null)).length > 0,
    { timeout: 20000, polling: 200 });
}

/**
 * @param {Results} results
 * @param {'chromium' | 'firefox'} browserName
 * @param {string} dist
 * @param {number} pagePort
 * @param {string} only
 * @param {string} suite
 * @param {Compat} compat
 */
async function runBrowser(results, browserName, dist, pagePort, only, suite, compat) {
  const proxy = await startRecordingProxy(pagePort);
  const launching = launchForSuite(browserName, suite, dist, proxy.port);
  const ok = await results.run(`${browserName}: launches with the extension installed${suite === 'policy' ? ' and a policy file' : ''}`,
    async () => { await launching; }, { timeoutMs: 60000 });
  if (!ok) {
    launching.then((l) => l.close().finally(l.cleanup), () => {});
    await proxy.close();
    return;
  }
  const { browser, extensionUrl, close, updatePolicy, cleanup } = await launching;
  try {
    // A second browser for a case that needs other start-up settings, behind the same proxy.
    const launchAnother = (/** @type {{firefoxPrefs?: Record<string, unknown>}} */ options) =>
      launchBrowser(browserName, { distDir: dist, proxyPort: proxy.port, ...options });
    await runCases(results, { browserName, browser, extensionUrl, updatePolicy, suite, only, pagePort, launchAnother, compat });
    if (suite === 'editors' && !only) saveCompat(browserName, await browser.version(), compat);
    if (suite === 'sites' && !only) saveSites(browserName, await browser.version(), SITE_OUTCOMES);
  } finally {
    await close().catch(() => {});
    cleanup();
  }
  await results.run(`${browserName}: no network request left the browser (recording proxy)`, async () => {
    const blocked = proxy.log.filter((r) => !r.allowed);
    const served = proxy.log.filter((r) => r.allowed);
    assert(served.length > 0, 'the proxy saw no page requests, so it was not in use');
    assert(blocked.length === 0, `requests to elsewhere:\n${blocked.map((r) => `${r.method} ${r.target}`).join('\n')}`);
    console.log(`      ${served.length} requests, all to the test's page server`);
  });
  await proxy.close();
}

/**
 * @param {Results} results
 * @param {{
 *   browserName: 'chromium' | 'firefox', browser: import('puppeteer-core').Browser,
 *   extensionUrl: (path: string) => string, updatePolicy: ((policy: object) => void) | null,
 *   suite: string, only: string, pagePort: number, compat: Compat,
 *   launchAnother: (options: {firefoxPrefs?: Record<string, unknown>}) => ReturnType<typeof launchBrowser>,
 * }} run
 */
async function runCases(results, { browserName, browser, extensionUrl, updatePolicy, suite, only, pagePort, launchAnother, compat }) {
  /** @type {import('puppeteer-core').Page[]} */
  let pages = [];
  const newPage = async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 700 });
    pages.push(page);
    return page;
  };
  /** @type {import('./policy-cases.mjs').PolicyCtx} */
  const ctx = {
    browserName,
    browser,
    launchAnother,
    newPage,
    extensionUrl,
    updatePolicy,
    pagePort,
    open: async (host, file) => {
      const page = await newPage();
      await page.goto(pageUrl(host, file));
      return page;
    },
    saveScreenshot: async (page, name) => {
      const path = join(ARTIFACTS, `${browserName}-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
  };
  if (suite === 'policy') {
    const ready = await results.run(`${browserName}: the extension sees the managed policy`, async () => {
      await waitForManagedPolicy(await newPage(), extensionUrl('popup/popup.html'));
    }, { timeoutMs: 30000 });
    for (const page of pages.splice(0)) await page.close().catch(() => {});
    if (!ready) return;
  }
  const cases = suite === 'policy' ? policyCases(browserName)
    : suite === 'editors' ? [...editorCases(compat), ...editorDraftCases(compat)]
    : suite === 'sites' ? siteCases(SITE_OUTCOMES) : CASES;
  for (const [name, fn, opts] of cases.filter(([n, , o]) => n.includes(only) && (!o?.browser || o.browser === browserName))) {
    await results.run(`${browserName}: ${name}`, () => fn(ctx), {
      timeoutMs: opts?.timeoutMs,
      onFailure: async () => {
        for (const [i, page] of pages.entries()) {
          await page.screenshot({ path: join(ARTIFACTS, `${browserName}-FAILED-${name.replace(/\W+/g, '-').slice(0, 60)}-${i}.png`) });
        }
      },
    });
    for (const page of pages) await page.close().catch(() => {});
    pages = [];
  }
}

/**
 * Keeps one browser's editor matrix outcomes and rewrites
 * docs/compatibility.md from those of every browser run so far.
 * @param {string} browserName @param {string} version @param {Compat} compat
 */
function saveCompat(browserName, version, compat) {
  writeFileSync(join(ARTIFACTS, `compat-${browserName}.json`), JSON.stringify({
    version, results: compat.results[browserName] ?? {}, reports: compat.reports[browserName] ?? {},
  }));
  /** @type {Parameters<typeof compatibilityTable>[0]} */
  const byBrowser = {};
  for (const file of readdirSync(ARTIFACTS).filter((f) => /^compat-\w+\.json$/.test(f))) {
    byBrowser[file.slice('compat-'.length, -'.json'.length)] = JSON.parse(readFileSync(join(ARTIFACTS, file), 'utf8'));
  }
  writeFileSync(join(ROOT, 'docs', 'compatibility.md'), compatibilityTable(byBrowser));
}

/**
 * Keeps one browser's site fixture outcomes and rewrites docs/sites.md
 * from those of every browser run so far.
 * @param {string} browserName @param {string} version
 * @param {Record<string, Record<string, Record<string, true | string>>>} outcomes
 */
function saveSites(browserName, version, outcomes) {
  writeFileSync(join(ARTIFACTS, `sites-${browserName}.json`), JSON.stringify({ version, results: outcomes[browserName] ?? {} }));
  /** @type {Parameters<typeof sitesDoc>[0]} */
  const byBrowser = {};
  for (const file of readdirSync(ARTIFACTS).filter((f) => /^sites-\w+\.json$/.test(f))) {
    byBrowser[file.slice('sites-'.length, -'.json'.length)] = JSON.parse(readFileSync(join(ARTIFACTS, file), 'utf8'));
  }
  writeFileSync(join(ROOT, 'docs', 'sites.md'), sitesDoc(byBrowser));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const results = new Results(ARTIFACTS);
  ensureBuilt(args.dist);
  if (args.typecheckAndLint) await runTypecheckAndLint(results, args.dist);
  /** @type {Array<[string, () => void | Promise<void>]>} */
  const checks = [...staticChecks(args.dist), ...POLICY_CHECKS, ...MESSAGE_CHECKS, ...SITE_CHECKS, ...deployChecks(args.dist)];
  for (const [name, fn] of checks) await results.run(name, async () => fn());
  if (args.suite === 'editors') await buildFixtures();
  const compat = new Compat();
  const server = await startPageServer();
  try {
    for (const b of args.browsers) {
      await runBrowser(results, /** @type {'chromium' | 'firefox'} */ (b), args.dist, server.port, args.only, args.suite, compat);
    }
  } finally {
    await server.close();
  }
  console.log(`web-test: ${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('web-test: 0 passed, 1 failed');
  process.exit(1);
});
