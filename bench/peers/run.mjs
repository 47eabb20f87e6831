#!/usr/bin/env node
// Tactful's wasm engine against harper.js, write-good and alex, on the same
// texts, in Node; prints the Markdown tables of bench/peers/README.md. Each
// measurement of a checker runs in a fresh child process (measure.mjs).
//
//   node bench/peers/run.mjs [--wasm DIR] [--corpus FILE] [--budget SECONDS] [--startup-runs N]
//
// A benchmark, not a test: nothing here passes or fails.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHECKERS, missingWasm, tactfulWasmDir } from './checkers.mjs';
import { shippedBytes } from './footprint.mjs';
import { NOTES } from './notes.mjs';
import { buildTexts } from './texts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = (s = '') => process.stdout.write(`${s}\n`);
const progress = (s) => process.stderr.write(`peers: ${s}\n`);

/** Runs measure.mjs in a fresh process and returns its JSON. */
function child(mode, name, forward) {
  const args = ['--expose-gc', join(here, 'measure.mjs'), mode, name, ...forward];
  const stdout = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(stdout);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** A number in a table cell: 3 significant digits, no exponent. */
function num(x) {
  if (x === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(Math.min(digits, 3));
}
const kb = (bytes) => (!bytes ? '—' : bytes < 1024 ? `${bytes} B` : `${num(bytes / 1024)} KB`);
const mb = (x) => (x ? num(x) : '—');
const times = (x) => `${num(x)}×`;

/** One row a measurement, one column a checker: the headline numbers. */
function glance(results, texts) {
  const bytes = Object.fromEntries(texts.map((t) => [t.key, t.bytes]));
  const rows = [
    ['2,000-word reply, median ms', (r) => num(r.texts.reply2000.medianMs)],
    ['2,000-word reply, p95 ms', (r) => num(r.texts.reply2000.p95Ms)],
    ['1 MB document, MB/s', (r) => num(bytes.doc1m / 2 ** 20 / (r.texts.doc1m.medianMs / 1e3))],
    ['startup to first result, ms', (r) => num(r.startup.totalMs)],
    ['shipped, gzip', (r) => kb(r.shipped.js.gzip + r.shipped.wasm.gzip)],
    ['RSS after the 1 MB document, MB', (r) => num(r.memory.afterDocument.rssMB)],
  ];
  out(`| at a glance | ${CHECKERS.map((c) => c.label).join(' | ')} |`);
  out(`|---|${CHECKERS.map(() => '--:').join('|')}|`);
  for (const [label, cell] of rows) out(`| ${label} | ${CHECKERS.map((c) => cell(results[c.name])).join(' | ')} |`);
  out();
}

function machine() {
  let system = `${os.type()} ${os.release()}`;
  try {
    system = /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync('/etc/os-release', 'utf8'))[1];
  } catch {}
  const cpus = os.cpus();
  return `${system}, ${cpus.length} × ${cpus[0]?.model.trim()}, ${num(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}

const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

async function main() {
  const { values } = parseArgs({
    options: {
      wasm: { type: 'string' },
      corpus: { type: 'string' },
      budget: { type: 'string', default: '2' },
      'startup-runs': { type: 'string', default: '5' },
    },
  });
  const wasmDir = tactfulWasmDir(values.wasm);
  const missing = missingWasm(wasmDir);
  if (missing) throw new Error(missing);
  const forward = ['--wasm', wasmDir, '--budget', values.budget, ...(values.corpus ? ['--corpus', values.corpus] : [])];
  const built = buildTexts(values.corpus);
  const startLoad = loadAverage();
  const started = new Date();

  const results = {};
  for (const c of CHECKERS) {
    progress(`${c.label}: shipped bytes, startup x${values['startup-runs']}, texts (the 1 MB document takes minutes for some)`);
    const startups = Array.from({ length: Number(values['startup-runs']) }, () => child('startup', c.name, forward));
    results[c.name] = {
      shipped: await shippedBytes(c.ships({ wasmDir })),
      startup: Object.fromEntries(['loadMs', 'constructMs', 'firstCheckMs', 'totalMs'].map((k) => [k, median(startups.map((s) => s[k]))])),
      ...child('texts', c.name, forward),
    };
  }

  const base = results.tactful;
  out('# Tactful against peer checkers (Node)\n');
  out(`${started.toISOString().slice(0, 16).replace('T', ' ')} UTC. ${machine()}. Load average ` +
      `${startLoad} at the start, ${loadAverage()} at the end (1, 5, 15 min). Tactful wasm from ${wasmDir}.`);
  out(`Texts from ${built.source} (${built.replies} replies; 1 MB document checksum ${built.checksum}, as in ` +
      'bench/run.sh). Every checker runs in a fresh Node process; ×Tactful is the peer\'s time over ' +
      'Tactful\'s, so higher means Tactful is faster. Tactful\'s times include parsing its JSON report.\n');
  glance(results, built.texts);

  out('## Latency per text (warm runs)\n');
  out('| text | checker | findings | median ms | p95 ms | runs | MB/s | ×Tactful (median) |');
  out('|---|---|--:|--:|--:|--:|--:|--:|');
  for (const t of built.texts) {
    for (const c of CHECKERS) {
      const r = results[c.name].texts[t.key];
      const ratio = c === CHECKERS[0] ? '1×' : times(r.medianMs / base.texts[t.key].medianMs);
      out(`| ${t.label} (${kb(t.bytes)}) | ${c.label} | ${r.findings} | ${num(r.medianMs)} | ${num(r.p95Ms)} | ` +
          `${r.runs} | ${num(t.bytes / 2 ** 20 / (r.medianMs / 1e3))} | ${ratio} |`);
    }
  }

  out(`\n## Startup: nothing to first result (median of ${values['startup-runs']} fresh processes)\n`);
  out('Load: import the modules, compile and instantiate the WebAssembly. Construct: the engine or linter. ' +
      'Then the first check, of the chat turn.\n');
  out('| checker | load ms | construct ms | first check ms | to first result ms | ×Tactful |');
  out('|---|--:|--:|--:|--:|--:|');
  for (const c of CHECKERS) {
    const s = results[c.name].startup;
    out(`| ${c.label} | ${num(s.loadMs)} | ${num(s.constructMs)} | ${num(s.firstCheckMs)} | ${num(s.totalMs)} | ` +
        `${times(s.totalMs / base.startup.totalMs)} |`);
  }

  out('\n## Shipped bytes\n');
  out('Tactful: its build\'s tactful.mjs + tactful.wasm. Peers: an esbuild bundle (minified, browser) of the ' +
      'entry points used, plus the WebAssembly file harper.js loads (its slim binary). gzip is `gzip -9`.\n');
  out('| checker | JS | JS gzip | wasm | wasm gzip | total gzip | ×Tactful (gzip) |\n|---|--:|--:|--:|--:|--:|--:|');
  const gzip = (s) => s.js.gzip + s.wasm.gzip;
  for (const c of CHECKERS) {
    const s = results[c.name].shipped;
    out(`| ${c.label} | ${kb(s.js.raw)} | ${kb(s.js.gzip)} | ${kb(s.wasm.raw)} | ${kb(s.wasm.gzip)} | ` +
        `${kb(gzip(s))} | ${times(gzip(s) / gzip(base.shipped))} |`);
  }

  out('\n## Memory (MB; JS heap after a full GC; wasm memory only grows)\n');
  out(`Each process holds the four texts (~1.2 MB) before loading its checker: RSS then ` +
      `${num(median(CHECKERS.map((c) => results[c.name].memory.before.rssMB)))} MB.\n`);
  out('| checker | RSS built | heap built | wasm built | RSS after 1 MB | heap after 1 MB | wasm after 1 MB | peak RSS |');
  out('|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const c of CHECKERS) {
    const { constructed: b, afterDocument: a, peakRssMB } = results[c.name].memory;
    out(`| ${c.label} | ${num(b.rssMB)} | ${num(b.heapMB)} | ${mb(b.wasmMB)} | ${num(a.rssMB)} | ${num(a.heapMB)} | ` +
        `${mb(a.wasmMB)} | ${num(peakRssMB)} |`);
  }

  out(`\n${NOTES}`);
}

const USAGE = 'usage: bash bench/peers/run.sh [--wasm DIR] [--corpus FILE] [--budget SECONDS] [--startup-runs N]';

main().catch((err) => {
  process.stderr.write(`peers: ${err?.message || err}\n`);
  if (err?.code?.startsWith('ERR_PARSE_ARGS')) process.stderr.write(`${USAGE}\n`);
  process.exit(1);
});
