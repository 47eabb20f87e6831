#!/usr/bin/env node
// The native benchmark's measurements for the WebAssembly engine in Node,
// through the API the extension uses: engine.check() takes a JS string and
// returns the JSON report, so every call includes the UTF-8 copy into wasm
// memory and the report (compare with the native "Check() + JSON" column).
//
//   node bench/wasm_bench.mjs [--corpus dev.jsonl] [--native results.json]
//
// --native reads tactful_bench --json output and adds wasm/native ratios.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadTactful } from '../wasm/load.mjs';
import { checksum, firstWords, loadReplies, makeText } from './texts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const KB = 1024;
const MB = 1024 * 1024;
const OPTIONS = JSON.stringify({ offsets: 'utf8' });

function parseArgs(argv) {
  const args = { corpus: join(here, '..', '..', 'shared', 'corpus', 'dev.jsonl'), native: '' };
  for (let i = 0; i < argv.length; i++) {
    if ((argv[i] === '--corpus' || argv[i] === '--native') && i + 1 < argv.length) {
      args[argv[i].slice(2)] = argv[++i];
    } else {
      process.stderr.write('usage: node bench/wasm_bench.mjs [--corpus dev.jsonl] [--native results.json]\n');
      process.exit(2);
    }
  }
  return args;
}

// Text generation mirrors bench/corpus.cc byte for byte (the checksum shows it).

/** Same synthetic terms as GlossaryConfig() in bench.cc. */
function glossaryConfig(terms, builtinPacks) {
  const glossary = [];
  for (let i = 0; i < terms; i++) {
    let word = 'zorb';
    for (let n = i; ; n = Math.floor(n / 26)) {
      word += String.fromCharCode(97 + (n % 26));
      if (n < 26) break;
    }
    glossary.push({ term: `${word} ${i}`, plain: `plain wording ${i}` });
  }
  return JSON.stringify({ builtin_packs: builtinPacks, glossary });
}

/** Median and p95 in seconds of warm runs: at least minRuns, and until `budget` seconds. */
function measure(f, budget, minRuns = 3, maxRuns = 20000) {
  f();
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || (times.length < maxRuns && performance.now() - start < budget * 1e3)) {
    const t0 = performance.now();
    f();
    times.push((performance.now() - t0) / 1e3);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[times.length >> 1],
    p95: times[Math.min(times.length - 1, Math.floor((times.length * 95) / 100))],
    runs: times.length,
  };
}

const mbps = (bytes, seconds) => bytes / MB / seconds;
const sizeLabel = (bytes) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`);
const out = (s = '') => process.stdout.write(`${s}\n`);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let source = args.corpus;
  let replies = loadReplies(source);
  if (!replies.length) replies = loadReplies((source = join(here, 'replies.jsonl')));
  const sizes = [10 * KB, 100 * KB, MB, 10 * MB];
  const bytes = sizes.map((s) => makeText(replies.map((r) => r.bytes), s));
  const reply2000Bytes = firstWords(bytes[3], 2000);
  const texts = bytes.map((b) => b.toString('utf8'));
  const [reply10k, , doc1m] = texts;
  const reply2000 = reply2000Bytes.toString('utf8');
  const results = {};

  const mod = await loadTactful();
  const build = (config) => {
    const engine = new mod.Engine(config);
    const errors = JSON.parse(engine.errors());
    if (errors.length) throw new Error(`config error: ${errors[0].path}: ${errors[0].message}`);
    return engine;
  };
  const check = (engine, text) => JSON.parse(engine.check(text, OPTIONS));
  const wasmMB = () => mod.HEAP8.buffer.byteLength / MB;
  const memory = [];
  const snapshot = (label) => {
    const m = process.memoryUsage();
    memory.push(`| ${label} | ${(m.rss / MB).toFixed(1)} | ${(m.heapUsed / MB).toFixed(1)} | ` +
                `${wasmMB().toFixed(1)} |`);
  };
  snapshot('module loaded');

  const engine = build('');
  snapshot('default engine built');
  const engineMemory = measureEngineMemory(mod, build, reply2000, doc1m);
  out('# Tactful wasm benchmark (Node)\n');
  out(`Node ${process.version}. Corpus: ${source} (${replies.length} replies). 1 MB text checksum ` +
      `${checksum(bytes[2])}. Default engine: ${JSON.parse(engine.rules()).length} rules. ` +
      'Times are medians of warm runs of engine.check(text, {offsets: "utf8"}).\n');

  out('## Engine construction\n\n| engine | ms |\n|---|--:|');
  for (const [label, terms] of [['default packs', 0], ['default packs + 1,000 glossary terms', 1000],
                                ['default packs + 10,000 glossary terms', 10000]]) {
    const config = terms ? glossaryConfig(terms, true) : '';
    const t = measure(() => build(config).delete(), 1.0);
    out(`| ${label} | ${(t.median * 1e3).toFixed(2)} |`);
    results[`construct_${terms}_ms`] = t.median * 1e3;
  }

  out('\n## Throughput (default packs)\n');
  out('| text | bytes | findings | excluded | check() MB/s |\n|---|--:|--:|--:|--:|');
  for (const [label, text, key, size] of [['10 KB reply', reply10k, '10k', bytes[0].length],
                                          ['1 MB document', doc1m, '1m', bytes[2].length]]) {
    const r = check(engine, text);
    const t = measure(() => engine.check(text, OPTIONS), 1.0);
    out(`| ${label} | ${size} | ${r.findings.length} | ` +
        `${((100 * r.summary.excluded_bytes) / size).toFixed(1)}% | ${mbps(size, t.median).toFixed(1)} |`);
    results[`mbps_${key}`] = mbps(size, t.median);
  }

  out(`\n## 2,000-word reply (${reply2000Bytes.length} bytes, ${check(engine, reply2000).findings.length} findings)\n`);
  out('| call | median µs | p95 µs | runs |\n|---|--:|--:|--:|');
  const words = measure(() => engine.check(reply2000, OPTIONS), 1.5, 200);
  out(`| check() | ${(words.median * 1e6).toFixed(1)} | ${(words.p95 * 1e6).toFixed(1)} | ${words.runs} |`);
  results.reply2000_median_us = words.median * 1e6;
  results.reply2000_p95_us = words.p95 * 1e6;

  out('\n## Text size (default packs, check())\n\n| size | findings | ms | MB/s |\n|---|--:|--:|--:|');
  for (let i = 0; i < sizes.length; i++) {
    const findings = check(engine, texts[i]).findings.length;
    const t = measure(() => engine.check(texts[i], OPTIONS), 1.0);
    out(`| ${sizeLabel(sizes[i])} | ${findings} | ${(t.median * 1e3).toFixed(2)} | ` +
        `${mbps(bytes[i].length, t.median).toFixed(1)} |`);
    results[`mbps_size_${sizes[i]}`] = mbps(bytes[i].length, t.median);
  }
  snapshot('after checking 10 MB');

  out('\n## Glossary size (1 MB document, check())\n');
  out('| glossary terms | glossary only: build ms | ms per MB | default packs + terms: build ms | ms per MB |');
  out('|--:|--:|--:|--:|--:|');
  for (const terms of [50, 500, 5000, 10000]) {
    const cells = [terms];
    for (const packs of [false, true]) {
      const config = glossaryConfig(terms, packs);
      const b = measure(() => build(config).delete(), 0.3);
      const e = build(config);
      const t = measure(() => e.check(doc1m, OPTIONS), 0.5);
      e.delete();
      cells.push((b.median * 1e3).toFixed(2), ((t.median * 1e3) / (bytes[2].length / MB)).toFixed(2));
    }
    out(`| ${cells.join(' | ')} |`);
  }

  // Wasm linear memory only grows, so its last size is its peak.
  snapshot('end');
  const peak = process.resourceUsage().maxRSS / 1024;  // kB
  out('\n## Memory (process.memoryUsage(); wasm memory never shrinks, so it is its own peak)\n');
  out('| when | RSS MB | JS heap used MB | wasm memory MB |\n|---|--:|--:|--:|');
  memory.forEach((row) => out(row));
  out(`\nWhole run peak RSS: ${peak.toFixed(1)} MB (holds ${((bytes.reduce((n, b) => n + b.length, 0) +
      reply2000Bytes.length) / MB).toFixed(1)} MB of generated text, as Buffers and as strings).`);
  out('\n## Engine memory (wasm heap in use, Module.heapInUse(), above what was in use before the engine)\n');
  out('One engine at a time, measured before the timings above. The JSON reports are freed once returned; ' +
      'what a check leaves is what RE2 keeps of the automata it built (bounded by each regex\'s memory budget).\n');
  out('| engine | built MB | after checking the 2,000-word reply MB | after checking the 1 MB document too MB | ' +
      'wasm memory MB |');
  out('|---|--:|--:|--:|--:|');
  engineMemory.forEach((row) => out(row));
  results.peak_rss_mb = peak;
  engine.delete();

  if (args.native) compare(JSON.parse(readFileSync(args.native, 'utf8')), results);
}

/**
 * Heap each engine holds: once built, and after checks have grown its
 * automata. One engine at a time, deleted before the next.
 */
function measureEngineMemory(mod, build, reply, doc) {
  const rows = [];
  const inUse = () => mod.heapInUse() / MB;
  for (const [label, terms] of [['default packs', 0], ['default packs + 10,000 glossary terms', 10000]]) {
    const config = terms ? glossaryConfig(terms, true) : '';
    const base = inUse();
    const engine = build(config);
    const cells = [inUse() - base];
    engine.check(reply, OPTIONS);
    cells.push(inUse() - base);
    engine.check(doc, OPTIONS);
    cells.push(inUse() - base);
    engine.delete();
    rows.push(`| ${label} | ${cells.map((c) => c.toFixed(2)).join(' | ')} | ${(mod.HEAP8.buffer.byteLength / MB).toFixed(1)} |`);
  }
  return rows;
}

// wasm against native: "x slower" is wasm time / native time.
function compare(native, wasm) {
  out('\n## wasm against native\n');
  out('| measurement | native | native + JSON report | wasm check() | wasm slower than native + JSON | than native Check() |');
  out('|---|--:|--:|--:|--:|--:|');
  const rate = (label, key, unit) => {
    const slower = (n) => (n === undefined ? '' : `${(n / wasm[key]).toFixed(2)}x`);
    out(`| ${label} | ${native[key].toFixed(1)} ${unit} | ${native[`${key}_json`]?.toFixed(1) ?? ''} | ` +
        `${wasm[key].toFixed(1)} ${unit} | ${slower(native[`${key}_json`])} | ${slower(native[key])} |`);
  };
  rate('10 KB reply', 'mbps_10k', 'MB/s');
  rate('1 MB document', 'mbps_1m', 'MB/s');
  const us = native.reply2000_median_us;
  const usJson = native.reply2000_json_median_us;
  const w = wasm.reply2000_median_us;
  out(`| 2,000-word reply, median | ${us.toFixed(0)} µs | ${usJson.toFixed(0)} µs | ${w.toFixed(0)} µs | ` +
      `${(w / usJson).toFixed(2)}x | ${(w / us).toFixed(2)}x |`);
  for (const size of [10 * KB, 100 * KB, MB, 10 * MB]) rate(`${sizeLabel(size)} text`, `mbps_size_${size}`, 'MB/s');
  const c = (key) => `${(wasm[key] / native[key]).toFixed(2)}x`;
  out(`| build default engine | ${native.construct_0_ms.toFixed(1)} ms | | ${wasm.construct_0_ms.toFixed(1)} ms | | ` +
      `${c('construct_0_ms')} |`);
  out(`| build + 10,000 terms | ${native.construct_10000_ms.toFixed(1)} ms | | ` +
      `${wasm.construct_10000_ms.toFixed(1)} ms | | ${c('construct_10000_ms')} |`);
  const ratio = native.mbps_1m_json / wasm.mbps_1m;
  out(`\nTarget "wasm within 3x of native" (1 MB document, same work: check + JSON report): ` +
      `${ratio.toFixed(2)}x, ${ratio <= 3 ? 'met' : 'NOT met'} (${(native.mbps_1m / wasm.mbps_1m).toFixed(2)}x ` +
      'against native Check() alone).');
}

main().catch((err) => {
  process.stderr.write(`wasm_bench: ${err?.stack || err}\n`);
  process.exit(1);
});
