// Loads the WebAssembly engine in Node. Emscripten 3.1.6's glue would try
// fetch() on a file path under Node 20, so it is handed the bytes instead;
// its Node branch also expects CommonJS's `require` and `__dirname`, which
// an ES module lacks, so they are provided for the moment of loading.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Directory holding tactful.mjs and tactful.wasm: $TACTFUL_WASM_DIR or build/wasm. */
export function wasmDir() {
  return resolve(process.env.TACTFUL_WASM_DIR || join(here, '..', 'build', 'wasm'));
}

/** @returns {Promise<any>} the instantiated Emscripten module (has .Engine) */
export async function loadTactful(dir = wasmDir()) {
  const url = pathToFileURL(join(dir, 'tactful.mjs')).href;
  const { default: createTactful } = await import(url);
  const saved = { require: globalThis.require, __dirname: globalThis.__dirname };
  globalThis.require = createRequire(url);
  globalThis.__dirname = dir;
  try {
    return await createTactful({ wasmBinary: readFileSync(join(dir, 'tactful.wasm')) });
  } finally {
    Object.assign(globalThis, saved);
  }
}
