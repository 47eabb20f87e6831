// Owns the WebAssembly engine. The module is instantiated once per
// background lifetime; an Engine is rebuilt whenever the settings that shape
// it change, and checks always run against the newest one.
import createTactful from 'tactful-wasm';
import { ext } from '../shared/browser-api.js';

/** @typedef {import('tactful-wasm').TactfulModule} TactfulModule */
/** @typedef {import('tactful-wasm').TactfulEngine} TactfulEngine */

/** @type {Promise<TactfulModule> | null} */
let modulePromise = null;
/** @type {{config: string, engine: Promise<TactfulEngine>} | null} */
let current = null;

// The extension's own packaged tactful.wasm is the one thing ever fetched:
// a read of a file inside the installed extension, never the network. The
// build compiles every other fetch/XMLHttpRequest reference (the Emscripten
// glue's fallbacks) to `undefined`, so this stays the only one.
async function readPackagedWasm() {
  const response = await globalThis.fetch(ext.runtime.getURL('tactful.wasm'));
  if (!response.ok) throw new Error(`tactful.wasm: ${response.status}`);
  return response.arrayBuffer();
}

function loadModule() {
  modulePromise ??= readPackagedWasm().then((wasmBinary) =>
    createTactful({
      wasmBinary,
      // The glue would otherwise derive a URL from import.meta, which a
      // bundled classic script does not have; the bytes are handed over anyway.
      locateFile: (path) => path,
      print: () => {},
      printErr: (text) => console.warn('tactful:', text),
    }));
  return modulePromise;
}

/**
 * The engine for this config JSON, building it if the config changed.
 * @param {string} config
 */
export function engineFor(config) {
  if (current?.config !== config) {
    const previous = current;
    current = { config, engine: loadModule().then((m) => new m.Engine(config)) };
    // Free the old engine once checks already waiting on it have run.
    previous?.engine.then((e) => setTimeout(() => e.delete(), 0), () => {});
  }
  return current.engine;
}

/**
 * Errors a config would produce, from a throwaway engine.
 * @param {string} config
 * @returns {Promise<import('../shared/messages.js').EngineError[]>}
 */
export async function configErrors(config) {
  const m = await loadModule();
  const engine = new m.Engine(config);
  try {
    return JSON.parse(engine.errors());
  } finally {
    engine.delete();
  }
}
