// A very small test runner: named tests, a timeout each, a summary line.
import { mkdirSync } from 'node:fs';

export class AssertionError extends Error {}

/** @param {unknown} condition @param {string} message */
export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

/** @param {unknown} actual @param {unknown} expected @param {string} what */
export function assertEqual(actual, expected, what) {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

export class Results {
  /** @param {string} artifacts directory for screenshots */
  constructor(artifacts) {
    this.artifacts = artifacts;
    mkdirSync(artifacts, { recursive: true });
    /** @type {Array<{name: string, ok: boolean, error?: string}>} */
    this.list = [];
  }

  /**
   * @param {string} name
   * @param {() => Promise<void>} fn
   * @param {{timeoutMs?: number, onFailure?: () => Promise<void>}} options
   * @returns {Promise<boolean>} whether it passed
   */
  async run(name, fn, { timeoutMs = 45000, onFailure } = {}) {
    const started = Date.now();
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    try {
      await Promise.race([
        fn(),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs); }),
      ]);
      this.list.push({ name, ok: true });
      console.log(`ok    ${name} (${Date.now() - started} ms)`);
      return true;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.list.push({ name, ok: false, error });
      console.log(`FAIL  ${name} (${Date.now() - started} ms)\n      ${error.split('\n').join('\n      ')}`);
      await onFailure?.().catch(() => {});
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  get passed() { return this.list.filter((r) => r.ok).length; }
  get failed() { return this.list.filter((r) => !r.ok).length; }
}
