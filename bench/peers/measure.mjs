// One checker's measurements, in a process of its own so that its memory is
// not mixed with another's. Prints one JSON object on stdout; run.mjs starts
// it and makes the tables.
//
//   node --expose-gc measure.mjs startup|texts CHECKER [--wasm DIR] [--corpus FILE] [--budget SECONDS]
//
// startup: time from nothing to the first result on the chat turn.
// texts:   latency on every text, and memory after construction and after the 1 MB document.
import { wasmMemoryBytes } from './wasm-memory.mjs';  // first: it must see every instance made
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { checker, tactfulWasmDir } from './checkers.mjs';
import { buildTexts } from './texts.mjs';

const MB = 1024 * 1024;

/** Memory now, after a full GC so that the JS heap shows what is kept, not garbage. */
function memory() {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { rssMB: m.rss / MB, heapMB: m.heapUsed / MB, wasmMB: wasmMemoryBytes() / MB };
}

/**
 * The text's findings, and median and p95 in ms of warm runs on it: at least
 * `minRuns`, and until `budget` seconds. The first run only warms up.
 * @param {() => Promise<number>} check
 */
async function latency(check, budget, minRuns) {
  const findings = await check();
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || (times.length < 10000 && performance.now() - start < budget * 1e3)) {
    const t0 = performance.now();
    await check();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    findings,
    medianMs: times[times.length >> 1],
    p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))],
    runs: times.length,
  };
}

async function startup(subject, wasmDir, chat) {
  const t0 = performance.now();
  const construct = await subject.load({ wasmDir });
  const t1 = performance.now();
  const ready = await construct();
  const t2 = performance.now();
  await ready.check(chat.text);
  const t3 = performance.now();
  return { loadMs: t1 - t0, constructMs: t2 - t1, firstCheckMs: t3 - t2, totalMs: t3 - t0 };
}

// Texts go from the shortest to the 1 MB document, so the memory taken last
// is the memory after checking it.
async function texts(subject, wasmDir, texts, budget) {
  const before = memory();
  const ready = await (await subject.load({ wasmDir }))();
  const constructed = memory();
  const results = {};
  for (const t of texts) {
    // A peer can take tens of seconds on the 1 MB document: three runs there.
    results[t.key] = await latency(() => ready.check(t.text), budget, t.bytes > 100000 ? 3 : 30);
  }
  const afterDocument = memory();
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  return { memory: { before, constructed, afterDocument, peakRssMB }, texts: results };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { wasm: { type: 'string' }, corpus: { type: 'string' }, budget: { type: 'string', default: '2' } },
  });
  const [mode, name] = positionals;
  const subject = checker(name);
  const wasmDir = tactfulWasmDir(values.wasm);
  const built = buildTexts(values.corpus);
  let result;
  if (mode === 'startup') result = await startup(subject, wasmDir, built.texts[0]);
  else if (mode === 'texts') result = await texts(subject, wasmDir, built.texts, Number(values.budget));
  else throw new Error(`unknown mode "${mode}" (startup or texts)`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err) => {
  process.stderr.write(`measure: ${err?.stack || err}\n`);
  process.exit(1);
});
