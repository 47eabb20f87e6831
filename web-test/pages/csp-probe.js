// Shows that this page's CSP forbids WebAssembly (no 'wasm-unsafe-eval'),
// so Tactful's engine cannot be running in the page itself.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
WebAssembly.compile(EMPTY_MODULE).then(
  () => { document.documentElement.dataset.wasm = 'allowed'; },
  () => { document.documentElement.dataset.wasm = 'blocked'; },
);
