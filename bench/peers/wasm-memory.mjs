// Finds the WebAssembly memories a checker creates, whatever its glue: every
// instance made through WebAssembly.instantiate() is inspected for memories
// it exports or was given. Installed before a checker loads; the glue of
// both Emscripten (Tactful) and wasm-bindgen (Harper) goes through it.
const memories = new Set();

/** @param {WebAssembly.Instance} instance @param {object} [imports] */
function collect(instance, imports) {
  for (const value of Object.values(instance.exports)) {
    if (value instanceof WebAssembly.Memory) memories.add(value);
  }
  for (const module of Object.values(imports ?? {})) {
    for (const value of Object.values(module ?? {})) {
      if (value instanceof WebAssembly.Memory) memories.add(value);
    }
  }
}

const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (source, imports) {
  const result = await instantiate.call(this, source, imports);
  collect(result instanceof WebAssembly.Instance ? result : result.instance, imports);
  return result;
};
const instantiateStreaming = WebAssembly.instantiateStreaming;
if (instantiateStreaming) {
  WebAssembly.instantiateStreaming = async function (source, imports) {
    const result = await instantiateStreaming.call(this, source, imports);
    collect(result.instance, imports);
    return result;
  };
}

/** Bytes of all WebAssembly memories seen so far (they only grow, so this is also their peak). */
export function wasmMemoryBytes() {
  let bytes = 0;
  for (const memory of memories) bytes += memory.buffer.byteLength;
  return bytes;
}
