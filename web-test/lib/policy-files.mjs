// Real enterprise policy files for the policy tests, written where the
// browsers read them, for a copy of the built extension with an identity of
// its own. Other test runs on the same machine share these directories: a
// one-off extension id means a policy written here can only ever apply to
// this run's browser, and every file is removed as soon as it is not needed.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromeIdFromKey } from '../../extension/identity.mjs';

/** Where Debian's Chromium reads mandatory policy (Google Chrome: /etc/opt/chrome/policies/managed). */
export const CHROMIUM_POLICY_DIR = process.env.TACTFUL_CHROMIUM_POLICY_DIR || '/etc/chromium/policies/managed';
/** Firefox on Linux reads this before its distribution directory, at start-up only. */
export const FIREFOX_POLICY_FILE = process.env.TACTFUL_FIREFOX_POLICY_FILE || '/etc/firefox/policies/policies.json';

// A policy file older than this was left by a run that was killed.
const STALE_MS = 15 * 60 * 1000;

/** Removals still to do if the test process is interrupted. @type {Set<() => void>} */
const pendingRemovals = new Set();
let exitHooked = false;

/**
 * Runs `remove` on exit, on Ctrl+C or when ctest terminates the run, unless
 * it ran before; returns the guarded removal.
 * @param {() => void} remove
 */
function removeOnExit(remove) {
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', () => { for (const r of pendingRemovals) r(); });
    for (const [signal, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]])) {
      process.once(signal, () => process.exit(code));
    }
  }
  const once = () => {
    if (!pendingRemovals.delete(once)) return;
    remove();
  };
  pendingRemovals.add(once);
  return once;
}

/**
 * A copy of dist/ whose Chrome manifest has a freshly generated key (so a
 * new extension id) and whose Firefox manifest has a new add-on id.
 * @param {string} distDir
 */
export function testIdentity(distDir) {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-policy-dist-'));
  for (const browser of ['chrome', 'firefox']) cpSync(join(distDir, browser), join(dir, browser), { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const firefoxId = `tactful-test-${randomBytes(6).toString('hex')}@tactful.example`;
  editManifest(join(dir, 'chrome'), (m) => { m.key = key; });
  editManifest(join(dir, 'firefox'), (m) => { m.browser_specific_settings.gecko.id = firefoxId; });
  return { dir, chromeId: chromeIdFromKey(key), firefoxId, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** @param {string} dir @param {(manifest: any) => void} edit */
function editManifest(dir, edit) {
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
}

/**
 * Creates a directory and the missing ones above it; returns those it
 * created, deepest first, so they can be removed again.
 * @param {string} dir
 */
function makeDirs(dir) {
  /** @type {string[]} */
  const created = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) created.push(d);
  mkdirSync(dir, { recursive: true });
  return created;
}

/** @param {string[]} dirs deepest first */
function removeEmptyDirs(dirs) {
  for (const d of dirs) {
    try {
      rmdirSync(d);
    } catch {
      return;  // not empty: someone else uses it now
    }
  }
}

/**
 * Writes Chromium's managed policy for one extension into its own file,
 * tactful-test-<id>.json. Chromium watches the directory, so `update`
 * applies to the running browser.
 * @param {string} extensionId
 * @param {object} policy the extension's managed configuration
 */
export function chromiumPolicy(extensionId, policy) {
  const created = makeDirs(CHROMIUM_POLICY_DIR);
  removeStaleFiles(CHROMIUM_POLICY_DIR);
  const file = join(CHROMIUM_POLICY_DIR, `tactful-test-${extensionId}.json`);
  const write = (/** @type {object} */ p) =>
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: p } } }, null, 2));
  const remove = removeOnExit(() => {
    rmSync(file, { force: true });
    removeEmptyDirs(created);
  });
  write(policy);
  return { file, update: write, remove };
}

/** @param {string} dir */
function removeStaleFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (!/^tactful-test-.*\.json$/.test(name)) continue;
    const path = join(dir, name);
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
}

/**
 * Runs `launch` while a policies.json gives this add-on its managed
 * configuration, and removes the file as soon as the browser has started:
 * Firefox reads it at start-up only. The file has one fixed name, so a run
 * that finds another run's file waits for it to go.
 * @template T
 * @param {string} addonId
 * @param {object} policy
 * @param {() => Promise<T>} launch
 * @returns {Promise<T>}
 */
export async function withFirefoxPolicy(addonId, policy, launch) {
  const created = makeDirs(dirname(FIREFOX_POLICY_FILE));
  const body = JSON.stringify({ policies: { '3rdparty': { Extensions: { [addonId]: policy } } } }, null, 2);
  const removeDirs = removeOnExit(() => removeEmptyDirs(created));
  try {
    await claimFile(FIREFOX_POLICY_FILE, body);
    const remove = removeOnExit(() => rmSync(FIREFOX_POLICY_FILE, { force: true }));
    try {
      return await launch();
    } finally {
      remove();
    }
  } finally {
    removeDirs();
  }
}

/**
 * Creates a file that must not exist yet, waiting for one that another test
 * run holds; one that only ever names tactful-test add-ons and is stale was
 * left by a killed run and is replaced.
 * @param {string} path
 * @param {string} body
 */
async function claimFile(path, body, timeoutMs = 60000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(path, body, { flag: 'wx' });
      return;
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
    }
    if (isStaleTestFile(path)) rmSync(path, { force: true });
    else if (Date.now() > until) throw new Error(`${path} exists and is not this test's; not overwriting it`);
    else await new Promise((r) => setTimeout(r, 250));
  }
}

/** @param {string} path */
function isStaleTestFile(path) {
  try {
    const ids = Object.keys(JSON.parse(readFileSync(path, 'utf8')).policies?.['3rdparty']?.Extensions ?? {});
    return ids.length > 0 && ids.every((id) => id.startsWith('tactful-test-')) &&
      Date.now() - statSync(path).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}
