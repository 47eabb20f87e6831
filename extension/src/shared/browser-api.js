// The WebExtension API object: Firefox's `browser` (promise-based) or
// Chrome's `chrome` (promise-based in Manifest V3 too), typed as Chrome's.
/** @type {typeof chrome} */
export const ext = /** @type {any} */ (globalThis).browser ?? globalThis.chrome;
