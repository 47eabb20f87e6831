// The four checkers behind one small interface. load() imports the checker's
// modules and compiles and instantiates its WebAssembly, if any; the function
// it returns constructs the engine or linter; check() runs that on a text and
// returns the number of findings, having turned them into JS values the way a
// caller would. Modules are imported inside load() so that startup counts them.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The wasm build bench/peers/run.sh uses: --wasm DIR, else $TACTFUL_WASM_DIR, else build/wasm. */
export function tactfulWasmDir(dir) {
  return resolve(dir || process.env.TACTFUL_WASM_DIR || join(here, '..', '..', 'build', 'wasm'));
}

/**
 * @typedef {{check: (text: string) => Promise<number>}} Ready
 * @typedef {{
 *   name: string, label: string,
 *   load: (options: {wasmDir: string}) => Promise<() => Promise<Ready>>,
 *   ships: (options: {wasmDir: string}) => {files: string[], bundle?: string},
 * }} Checker
 */

/** @type {Checker[]} */
export const CHECKERS = [
  {
    name: 'tactful',
    label: 'Tactful (wasm)',
    async load({ wasmDir }) {
      const { loadTactful } = await import('../../wasm/load.mjs');
      const tactful = await loadTactful(wasmDir);
      return async () => {
        const engine = new tactful.Engine('');
        const options = JSON.stringify({ offsets: 'utf16' });
        return { check: async (text) => JSON.parse(engine.check(text, options)).findings.length };
      };
    },
    // What the extension ships of the engine: the Emscripten glue and the module.
    ships: ({ wasmDir }) => ({ files: ['tactful.mjs', 'tactful.wasm'].map((f) => join(wasmDir, f)) }),
  },
  {
    name: 'harper',
    label: 'harper.js',
    async load() {
      // LocalLinter is harper.js's linter for Node (WorkerLinter needs web
      // workers); the slim binary is the smaller of its two and reads from disk.
      const { LocalLinter, Dialect } = await import('harper.js');
      const { slimBinary } = await import('harper.js/slimBinary');
      await slimBinary.setup();
      return async () => {
        const linter = new LocalLinter({ binary: slimBinary, dialect: Dialect.American });
        await linter.setup();
        return {
          async check(text) {
            const lints = await linter.lint(text, { language: 'plaintext' });
            for (const lint of lints) lint.free();  // they hold wasm memory until freed
            return lints.length;
          },
        };
      };
    },
    ships: () => ({
      files: [fileURLToPath(new URL('harper_wasm_slim_bg.wasm', import.meta.resolve('harper.js/slimBinary')))],
      bundle: "export { LocalLinter, Dialect } from 'harper.js'; export { slimBinary } from 'harper.js/slimBinary';",
    }),
  },
  {
    name: 'write-good',
    label: 'write-good',
    async load() {
      const { default: writeGood } = await import('write-good');
      return async () => ({ check: async (text) => writeGood(text).length });
    },
    ships: () => ({ files: [], bundle: "export { default } from 'write-good';" }),
  },
  {
    name: 'alex',
    label: 'alex',
    async load() {
      const { text: alex } = await import('alex');  // plain text, as the others get
      return async () => ({ check: async (text) => alex(text).messages.length });
    },
    ships: () => ({ files: [], bundle: "export { text } from 'alex';" }),
  },
];

/** @returns {Checker} */
export function checker(name) {
  const found = CHECKERS.find((c) => c.name === name);
  if (!found) throw new Error(`unknown checker "${name}" (one of ${CHECKERS.map((c) => c.name).join(', ')})`);
  return found;
}

/** An error saying how to build Tactful's wasm, if `wasmDir` lacks it. */
export function missingWasm(wasmDir) {
  const missing = ['tactful.mjs', 'tactful.wasm'].filter((f) => !existsSync(join(wasmDir, f)));
  return missing.length ? `no ${missing.join(' or ')} in ${wasmDir}: run bash scripts/build.sh or pass --wasm DIR` : '';
}
