#!/usr/bin/env node
// Tactful's browser test suite.
//   node web-test/run.mjs [--browser chromium|firefox|all] [--browsers-only] [--dist DIR] [--only TEXT]
// Runs the type check and web-ext lint (skipped with --browsers-only, as
// ctest runs them on their own), the static checks on the built bundles and
// manifests, then every case in cases.mjs in each browser, against pages
// served here on 127.0.0.1 behind a recording proxy that proves no request
// leaves the browser. Builds dist/ first if it is missing. --only runs just
// the browser cases whose name contains TEXT.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from './cases.mjs';
import { launchBrowser } from './lib/browsers.mjs';
import { Results, assert } from './lib/harness.mjs';
import { pageUrl, startPageServer, startRecordingProxy } from './lib/server.mjs';
import { lintFirefox } from './lib/lint.mjs';
import { staticChecks } from './static-checks.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ARTIFACTS = join(ROOT, 'web-test', 'artifacts');

function parseArgs(argv) {
  const args = { browsers: ['chromium', 'firefox'], typecheckAndLint: true, dist: join(ROOT, 'dist'), only: '' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--browser') {
      const b = argv[++i];
      if (!['chromium', 'firefox', 'all'].includes(b)) throw new Error(`--browser must be chromium, firefox or all, not ${b}`);
      args.browsers = b === 'all' ? ['chromium', 'firefox'] : [b];
    } else if (argv[i] === '--browsers-only') args.typecheckAndLint = false;
    else if (argv[i] === '--dist') args.dist = resolve(argv[++i]);
    else if (argv[i] === '--only') args.only = argv[++i];
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
 * @param {Results} results
 * @param {'chromium' | 'firefox'} browserName
 * @param {string} dist
 * @param {number} pagePort
 * @param {string} only
 */
async function runBrowser(results, browserName, dist, pagePort, only) {
  const proxy = await startRecordingProxy(pagePort);
  const launching = launchBrowser(browserName, { distDir: dist, proxyPort: proxy.port });
  const ok = await results.run(`${browserName}: launches with the extension installed`, async () => { await launching; },
    { timeoutMs: 60000 });
  if (!ok) {
    launching.then((l) => l.close(), () => {});
    await proxy.close();
    return;
  }
  const { browser, extensionUrl, close } = await launching;
  /** @type {import('puppeteer-core').Page[]} */
  let pages = [];
  const newPage = async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 700 });
    pages.push(page);
    return page;
  };
  /** @type {import('./cases.mjs').Ctx} */
  const ctx = {
    browserName,
    newPage,
    extensionUrl,
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
  for (const [name, fn] of CASES.filter(([n]) => n.includes(only))) {
    await results.run(`${browserName}: ${name}`, () => fn(ctx), {
      onFailure: async () => {
        for (const [i, page] of pages.entries()) {
          await page.screenshot({ path: join(ARTIFACTS, `${browserName}-FAILED-${name.replace(/\W+/g, '-').slice(0, 60)}-${i}.png`) });
        }
      },
    });
    for (const page of pages) await page.close().catch(() => {});
    pages = [];
  }
  await close().catch(() => {});
  await results.run(`${browserName}: no network request left the browser (recording proxy)`, async () => {
    const blocked = proxy.log.filter((r) => !r.allowed);
    const served = proxy.log.filter((r) => r.allowed);
    assert(served.length > 0, 'the proxy saw no page requests, so it was not in use');
    assert(blocked.length === 0, `requests to elsewhere:\n${blocked.map((r) => `${r.method} ${r.target}`).join('\n')}`);
    console.log(`      ${served.length} requests, all to the test's page server`);
  });
  await proxy.close();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const results = new Results(ARTIFACTS);
  ensureBuilt(args.dist);
  if (args.typecheckAndLint) await runTypecheckAndLint(results, args.dist);
  for (const [name, fn] of staticChecks(args.dist)) await results.run(name, async () => fn());
  const server = await startPageServer();
  try {
    for (const b of args.browsers) {
      await runBrowser(results, /** @type {'chromium' | 'firefox'} */ (b), args.dist, server.port, args.only);
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
