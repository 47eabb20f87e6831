#!/usr/bin/env node
// Builds the editor fixture pages from the real editor libraries (pinned in
// the root package.json) into web-test/pages/editors/, which the test page
// server serves. Each page is one HTML file plus one script and one style
// sheet bundled by esbuild: everything is local, nothing loads from a CDN,
// and no inline script or style is needed under the pages' strict CSP.
//   node web-test/editors/build.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const OUT = join(HERE, '..', 'pages', 'editors');

/** Each fixture: its entry module and the markup the editor mounts on. */
export const FIXTURES = {
  quill: { entry: 'quill.js', body: '<div id="editor"></div>' },
  tiptap: { entry: 'tiptap.js', body: '<div id="editor" class="editor"></div>' },
  ckeditor: { entry: 'ckeditor.js', body: '<div id="editor"></div>' },
  tinymce: { entry: 'tinymce.js', body: '<textarea id="editor"></textarea>' },
  draft: { entry: 'draft.jsx', body: '<div id="editor" class="editor"></div>' },
  'react-textarea': { entry: 'react-textarea.jsx', body: '<div id="root"></div>' },
};

/** @param {string} name @param {string} body */
const page = (name, body) => `<!doctype html>
<html lang="en" data-tactful-test>
<head>
  <meta charset="utf-8">
  <title>${name} fixture</title>
  <link rel="stylesheet" href="/page.css">
  <link rel="stylesheet" href="${name}.css">
  <script src="/hooks.js"></script>
  <script src="${name}.js" type="module"></script>
</head>
<body spellcheck="false">
  <h1>${name}</h1>
  ${body}
  <div class="spacer"></div>
</body>
</html>
`;

export async function buildFixtures() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(FIXTURES).map(([name, f]) => [name, join(HERE, f.entry)])),
    bundle: true,
    format: 'esm',
    outdir: OUT,
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl' },
    logLevel: 'warning',
  });
  for (const [name, f] of Object.entries(FIXTURES)) {
    writeFileSync(join(OUT, `${name}.html`), page(name, f.body));
    // Pages without a style sheet of their own still link one.
    writeFileSync(join(OUT, `${name}.css`), '', { flag: 'a' });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildFixtures();
