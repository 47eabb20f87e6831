// web-ext lint (Mozilla's addons-linter) on the Firefox build.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** @param {string} distDir @returns {{errors: string[], warnings: string[]}} */
export function lintFirefox(distDir) {
  const bin = join(root, 'node_modules', '.bin', 'web-ext');
  const run = spawnSync(bin, ['lint', '--source-dir', join(distDir, 'firefox'), '--output', 'json', '--no-input'], {
    encoding: 'utf8', maxBuffer: 64 << 20,
  });
  const start = run.stdout.indexOf('{');
  if (start < 0) return { errors: [`web-ext lint did not run: ${run.stderr || run.stdout}`], warnings: [] };
  const report = JSON.parse(run.stdout.slice(start));
  /** @param {any} m */
  const describe = (m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`;
  return {
    errors: report.errors.map(describe),
    warnings: [...report.warnings, ...report.notices].map(describe),
  };
}
