#!/usr/bin/env node
// web-ext lint on the Firefox build: errors fail, warnings are listed.
//   node web-test/lint.mjs [--dist DIR]
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFirefox } from './lib/lint.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const i = process.argv.indexOf('--dist');
const { errors, warnings } = lintFirefox(resolve(i > 0 ? process.argv[i + 1] : join(root, 'dist')));
for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.log(`error: ${e}`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings`);
console.log(`web-test: ${errors.length ? 0 : 1} passed, ${errors.length ? 1 : 0} failed`);
process.exit(errors.length ? 1 : 0);
