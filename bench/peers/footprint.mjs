// Shipped bytes: what a browser extension would carry to run each checker.
// Tactful's are its build's own files. A peer's JavaScript is what a bundler
// makes of the entry points used here (esbuild, minified, browser target:
// only the modules that are reached, without comments), plus the WebAssembly
// file it loads beside it. Sizes are raw and gzip -9.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/** @param {Uint8Array} bytes raw size, and size through the gzip command (as `gzip -9` reports) */
const sizes = (bytes) => ({ raw: bytes.length, gzip: execFileSync('gzip', ['-9c'], { input: bytes, maxBuffer: 1 << 30 }).length });

/** The minified bundle of the ES module source `entry`, resolved from the peers' node_modules. */
async function bundle(entry) {
  const result = await build({
    stdin: { contents: entry, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['fs'],  // harper.js reads its binary with fs only under Node
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].contents;
}

/**
 * @param {{files: string[], bundle?: string}} ships
 * @returns {Promise<{js: {raw: number, gzip: number}, wasm: {raw: number, gzip: number}}>}
 */
export async function shippedBytes(ships) {
  const total = { js: { raw: 0, gzip: 0 }, wasm: { raw: 0, gzip: 0 } };
  const add = (kind, bytes) => {
    const s = sizes(bytes);
    total[kind].raw += s.raw;
    total[kind].gzip += s.gzip;
  };
  if (ships.bundle) add('js', await bundle(ships.bundle));
  for (const file of ships.files) add(file.endsWith('.wasm') ? 'wasm' : 'js', readFileSync(file));
  return total;
}
