// Native and WebAssembly builds must print identical JSON for every bundled
// sample and every reply in the dev corpus (when it is there): one run of
// each over all files, compared byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { tactful: { type: 'string' }, corpus: { type: 'string' } } });
const here = dirname(fileURLToPath(import.meta.url));
const samples = join(here, '..', 'samples');
const files = readdirSync(samples).filter((f) => f.endsWith('.txt')).map((f) => join(samples, f));
if (existsSync(values.corpus)) {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-parity-'));
  for (const line of readFileSync(values.corpus, 'utf8').split('\n').filter(Boolean)) {
    const reply = JSON.parse(line);
    const path = join(dir, `${reply.id}.txt`);
    writeFileSync(path, reply.text);
    files.push(path);
  }
} else {
  console.log(`parity: no dev corpus at ${values.corpus}; comparing the samples only`);
}

function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { maxBuffer: 64 << 20 }).toString();
  } catch (err) {
    if (err.status === 1) return err.stdout.toString();  // 1 = findings
    throw err;
  }
}

const native = run(values.tactful, ['check', '--format', 'json', ...files]);
const wasm = run(process.execPath, [join(here, '..', 'wasm', 'cli.mjs'), 'check', '--format', 'json', ...files]);
const count = JSON.parse(native).findings.length;
if (native !== wasm) {
  const a = JSON.parse(native).findings;
  const b = JSON.parse(wasm).findings;
  const i = a.findIndex((f, k) => JSON.stringify(f) !== JSON.stringify(b[k]));
  console.error(`native and wasm differ (first at finding ${i}):\n native: ${JSON.stringify(a[i])}\n wasm:   ${JSON.stringify(b[i])}`);
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}
console.log(`parity: ${files.length} files, ${count} findings, identical output`);
