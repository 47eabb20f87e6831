#!/usr/bin/env node
// The WebAssembly build as a command line, for parity with the native CLI:
//   node wasm/cli.mjs check [--format json] [--audience A] [--category C]... [--config FILE] FILE... | -
//   node wasm/cli.mjs rules
// Prints the same JSON as `tactful check --format json` (UTF-8 byte offsets)
// and exits the same way: 0 clean, 1 findings, 2 usage or config errors.
import { readFileSync } from 'node:fs';
import { loadTactful } from './load.mjs';

const CATEGORIES = ['apology', 'blame', 'jargon', 'structure', 'tone'];
const USAGE = 'usage: node wasm/cli.mjs check [--format json] [--audience customer|internal|technical]\n' +
  '                         [--category C]... [--config FILE] FILE... | -\n' +
  '       node wasm/cli.mjs rules [--config FILE]\n';

function fail(message) {
  process.stderr.write(`tactful: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { command: argv[0], audience: '', categories: [], config: '', files: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : fail(`${a} needs a value`));
    if (a === '--format') {
      if (value() !== 'json') fail('the wasm runner prints JSON only');
    } else if (a === '--audience') args.audience = value();
    else if (a === '--category') args.categories.push(value());
    else if (a === '--config') args.config = value();
    else if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}`);
    else args.files.push(a);
  }
  return args;
}

/** JSON.stringify with keys sorted, as nlohmann::json prints them. */
function stringifySorted(value) {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
      : v);
}

function summarize(findings, files) {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  const bySeverity = {};
  for (const f of findings) {
    byCategory[f.category] += 1;
    bySeverity[f.severity] = (bySeverity[f.severity] || 0) + 1;
  }
  return { by_category: byCategory, by_severity: bySeverity, files, findings: findings.length };
}

function readInput(path) {
  // Text crosses into wasm as a JS string; decode as UTF-8 the way the
  // native CLI reads bytes, so offsets agree for valid input.
  return readFileSync(path === '-' ? 0 : path, 'utf8');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.command !== 'check' && args.command !== 'rules') fail(`unknown command ${args.command ?? ''}`);
  const config = args.config ? readFileSync(args.config, 'utf8') : '';
  const tactful = await loadTactful();
  const engine = new tactful.Engine(config);
  const errors = JSON.parse(engine.errors());
  if (errors.length) {
    for (const e of errors) process.stderr.write(`${args.config || 'built-in rules'}: ${e.path}: ${e.message}\n`);
    process.exit(2);
  }
  if (args.command === 'rules') {
    process.stdout.write(JSON.stringify(JSON.parse(engine.rules()), null, 2) + '\n');
    return 0;
  }
  const files = args.files.length ? args.files : ['-'];
  const findings = [];
  const checklist = [];
  for (const file of files) {
    const options = { audience: args.audience, categories: args.categories, offsets: 'utf8' };
    const result = JSON.parse(engine.check(readInput(file), JSON.stringify(options)));
    if (result.error) fail(result.error);
    for (const f of result.findings) findings.push(files.length > 1 ? { ...f, file } : f);
    for (const item of result.checklist) checklist.push(files.length > 1 ? { ...item, file } : item);
  }
  engine.delete();
  process.stdout.write(stringifySorted({ checklist, findings, summary: summarize(findings, files.length) }) + '\n');
  return findings.length ? 1 : 0;
}

// exitCode, not exit(): exit() would cut off output still queued for a pipe.
main().then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(`tactful: ${err?.stack || err}\n`);
  process.exit(2);
});
