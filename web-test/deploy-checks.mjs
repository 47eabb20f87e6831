// Checks that keep the deployment guide true: the managed schema uses only
// what Chrome's policy schema parser supports and names the keys the
// extension reads; the example configuration passes Chrome's checks,
// Tactful's own policy checks and the engine; every example file in
// docs/deploy/ is what scripts/deploy-examples.mjs generates from it and
// names the extension's fixed ids.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_EXTENSION_ID, FIREFOX_ADDON_ID, chromeIdFromKey } from '../extension/identity.mjs';
import { POLICY_KEYS, parsePolicy, policyEngineConfig, policyKeyForEnginePath } from '../extension/src/shared/policy.js';
import { DEPLOY_DIR, deployExamples, parseRegistryFile, readConfig, staleExamples } from '../scripts/deploy-examples.mjs';
import { loadTactful } from '../wasm/load.mjs';
import { assert, assertEqual } from './lib/harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA_FILE = join(ROOT, 'extension', 'schema.json');

/** Keywords Chrome's policy schema parser knows (components/policy/core/common/schema.cc), and annotations. */
const CHROME_KEYWORDS = new Set([
  'type', 'properties', 'additionalProperties', 'patternProperties', 'items', 'enum', 'pattern',
  'minimum', 'maximum', 'required', 'id', '$ref', 'title', 'description',
]);
const TYPES = new Set(['boolean', 'integer', 'number', 'string', 'array', 'object']);

/**
 * Problems with a schema node: keywords Chrome does not support (it would
 * reject the whole schema) and types it does not know.
 * @param {any} schema
 * @param {string} path
 * @returns {string[]}
 */
function schemaProblems(schema, path = 'schema') {
  const problems = Object.keys(schema).filter((k) => !CHROME_KEYWORDS.has(k)).map((k) => `${path}: unsupported keyword "${k}"`);
  if (!TYPES.has(schema.type)) problems.push(`${path}: type "${schema.type}"`);
  for (const [k, sub] of Object.entries(schema.properties ?? {})) problems.push(...schemaProblems(sub, `${path}.${k}`));
  if (schema.items) problems.push(...schemaProblems(schema.items, `${path}[]`));
  return problems;
}

/**
 * Validates a value the way Chrome does before the extension sees it, but
 * strictly: an unknown property is an error here (Chrome drops it silently).
 * @param {any} schema
 * @param {unknown} value
 * @param {string} path
 * @returns {string[]}
 */
export function chromeSchemaErrors(schema, value, path = '') {
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;
  const typeOk = type === schema.type || (schema.type === 'number' && type === 'integer');
  if (!typeOk) return [`${path || 'value'}: is ${type}, the schema wants ${schema.type}`];
  /** @type {string[]} */
  const errors = [];
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: not one of ${schema.enum.join(', ')}`);
  if (schema.pattern && !new RegExp(schema.pattern).test(/** @type {string} */ (value))) errors.push(`${path}: does not match ${schema.pattern}`);
  if (schema.minimum !== undefined && /** @type {number} */ (value) < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
  if (schema.maximum !== undefined && /** @type {number} */ (value) > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
  if (type === 'array') {
    /** @type {unknown[]} */ (value).forEach((item, i) => errors.push(...chromeSchemaErrors(schema.items, item, `${path}[${i}]`)));
  }
  if (type === 'object') {
    const o = /** @type {Record<string, unknown>} */ (value);
    for (const key of schema.required ?? []) if (!(key in o)) errors.push(`${path}.${key}: is required`);
    for (const [key, v] of Object.entries(o)) {
      const sub = schema.properties?.[key] ?? schema.additionalProperties;
      errors.push(...(sub ? chromeSchemaErrors(sub, v, path ? `${path}.${key}` : key) : [`${path ? `${path}.` : ''}${key}: not in the schema`]));
    }
  }
  return errors;
}

/** @param {string} name */
const example = (name) => readFileSync(join(DEPLOY_DIR, name), 'utf8');

/**
 * The managed configuration each example file carries, read back.
 * @returns {Record<string, unknown>}
 */
function configsInExamples() {
  const linux = JSON.parse(example('linux-chrome.json'));
  const firefox = JSON.parse(example('firefox-policies.json'));
  const admin = JSON.parse(example('google-admin-console.json'));
  /** @type {Record<string, unknown>} */
  const configs = {
    'linux-chrome.json': linux['3rdparty'].extensions[CHROME_EXTENSION_ID],
    'firefox-policies.json': firefox.policies['3rdparty'].Extensions[FIREFOX_ADDON_ID],
    'google-admin-console.json': Object.fromEntries(Object.entries(admin).map(([k, v]) => [k, v.Value])),
  };
  for (const [file, vendor] of [['windows-chrome.reg', 'Google\\Chrome'], ['windows-edge.reg', 'Microsoft\\Edge']]) {
    const key = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`;
    const values = parseRegistryFile(example(file))[key] ?? {};
    // Strings are REG_SZ as they are, booleans REG_DWORD; everything else is JSON in a REG_SZ.
    configs[file] = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v]));
  }
  return configs;
}

/**
 * @param {string} distDir
 * @returns {Array<[string, () => void | Promise<void>]>}
 */
export function deployChecks(distDir) {
  return [
    ['deploy: schema.json uses only what Chrome\'s policy schema supports and names exactly the keys the extension reads', () => {
      const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
      const problems = schemaProblems(schema);
      assert(problems.length === 0, problems.join('\n'));
      assertEqual(Object.keys(schema.properties).sort(), [...POLICY_KEYS].sort(), 'schema properties');
    }],

    ['deploy: the example configuration passes Chrome\'s schema checks, Tactful\'s policy checks and the engine', async () => {
      const config = readConfig();
      const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
      const schemaErrors = chromeSchemaErrors(schema, config);
      assert(schemaErrors.length === 0, `schema: ${schemaErrors.join('\n')}`);
      const { policy, errors, sources } = parsePolicy(config);
      assertEqual(errors, [], 'policy check errors');
      const tactful = await loadTactful();
      const engine = new tactful.Engine(policyEngineConfig(policy));
      try {
        const engineErrors = JSON.parse(engine.errors()).map((/** @type {{path: string, message: string}} */ e) =>
          `${policyKeyForEnginePath(e.path, sources)}: ${e.message}`);
        assertEqual(engineErrors, [], 'engine errors');
      } finally {
        engine.delete();
      }
    }],

    ['deploy: every example in docs/deploy/ is generated from that configuration and carries it unchanged', () => {
      const stale = staleExamples();
      assert(stale.length === 0, `out of date: ${stale.join(', ')}; run node scripts/deploy-examples.mjs --write`);
      const config = readConfig();
      for (const [file, carried] of Object.entries(configsInExamples())) assertEqual(carried, config, `configuration in ${file}`);
      for (const [file, domain] of [['macos-chrome.mobileconfig', 'com.google.Chrome'], ['macos-edge.mobileconfig', 'com.microsoft.Edge']]) {
        assert(example(file).includes(`<key>${domain}.extensions.${CHROME_EXTENSION_ID}</key>`), `${file} has no ${domain}.extensions.<id> domain`);
      }
    }],

    ['deploy: the built extension has the ids the examples name (manifest key, gecko id) and ships the schema', () => {
      const chrome = JSON.parse(readFileSync(join(distDir, 'chrome', 'manifest.json'), 'utf8'));
      assertEqual(chromeIdFromKey(chrome.key), CHROME_EXTENSION_ID, 'Chrome extension id from the manifest key');
      assertEqual(chrome.storage?.managed_schema, 'schema.json', 'storage.managed_schema');
      assertEqual(readFileSync(join(distDir, 'chrome', 'schema.json'), 'utf8'), readFileSync(SCHEMA_FILE, 'utf8'), 'shipped schema.json');
      const firefox = JSON.parse(readFileSync(join(distDir, 'firefox', 'manifest.json'), 'utf8'));
      assertEqual(firefox.browser_specific_settings.gecko.id, FIREFOX_ADDON_ID, 'Firefox add-on id');
      const guide = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
      for (const id of [CHROME_EXTENSION_ID, FIREFOX_ADDON_ID]) assert(guide.includes(id), `docs/deploy.md does not name ${id}`);
      for (const file of ['managed-config.json', ...Object.keys(deployExamples(readConfig()))]) {
        assert(guide.includes(`deploy/${file}`), `docs/deploy.md does not link deploy/${file}`);
      }
    }],
  ];
}
