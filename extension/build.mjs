#!/usr/bin/env node
// Builds the browser extension from extension/src and the WebAssembly engine:
//   node extension/build.mjs --wasm-dir build/wasm --out dist
// writes dist/chrome/ and dist/firefox/ (unpacked) and dist/tactful-chrome.zip,
// dist/tactful-firefox.zip. The output is deterministic: same inputs, same bytes.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, deflateSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { CHROME_PUBLIC_KEY, FIREFOX_ADDON_ID } from './identity.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

function parseArgs(argv) {
  const args = { wasmDir: join(root, 'build', 'wasm'), out: join(root, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return resolve(argv[++i]);
    };
    if (argv[i] === '--wasm-dir') args.wasmDir = value();
    else if (argv[i] === '--out') args.out = value();
    else throw new Error(`unknown argument ${argv[i]}\nusage: node extension/build.mjs [--wasm-dir DIR] [--out DIR]`);
  }
  return args;
}

// Network primitives are compiled out of every bundle: the Emscripten glue
// has fetch/XMLHttpRequest fallbacks for loading the .wasm itself, which we
// never take (the bytes are passed in), and no Tactful code may talk to the
// network. The one sanctioned read of the packaged tactful.wasm goes through
// `globalThis.fetch`, which these defines do not touch (background/engine.js).
const NO_NETWORK = {
  fetch: 'undefined',
  XMLHttpRequest: 'undefined',
  WebSocket: 'undefined',
  EventSource: 'undefined',
  'navigator.sendBeacon': 'undefined',
};

async function bundle(wasmDir, outDir) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      background: 'extension/src/background/index.js',
      content: 'extension/src/content/index.js',
      'popup/popup': 'extension/src/popup/popup.js',
      'options/options': 'extension/src/options/options.js',
    },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome121', 'firefox140'],
    charset: 'utf8',
    legalComments: 'none',
    // Drops the branches the defines below turn into `if (false)`.
    minifySyntax: true,
    define: NO_NETWORK,
    alias: { 'tactful-wasm': join(wasmDir, 'tactful.mjs') },
    // The glue's Node.js branch (never taken in a browser) requires these.
    external: ['fs', 'path', 'crypto'],
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  if (result.errors.length) throw new Error('esbuild failed');
}

function manifestFor(browser, version) {
  const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
  manifest.version = version;
  if (browser === 'chrome') {
    manifest.background = { service_worker: 'background.js' };
    manifest.minimum_chrome_version = '121';
    manifest.key = CHROME_PUBLIC_KEY;
    // Chrome checks managed policy against this schema (Firefox has no such key).
    manifest.storage = { managed_schema: 'schema.json' };
  } else {
    manifest.background = { scripts: ['background.js'] };
    manifest.browser_specific_settings = {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return JSON.stringify(manifest, null, 2) + '\n';
}

// --- Icons: a speech bubble with a check mark, drawn here so no binary
// assets live in the repository.
function icon(size) {
  const s = size / 16;
  const inBubble = (x, y) => {
    const [l, t, r, b, rad] = [1 * s, 1.5 * s, 15 * s, 11.5 * s, 3 * s];
    const cx = Math.min(Math.max(x, l + rad), r - rad);
    const cy = Math.min(Math.max(y, t + rad), b - rad);
    if (x >= l && x <= r && y >= t && y <= b && (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad) return true;
    // The tail: a triangle below the bubble's left part.
    const u = (y - b) / (3.5 * s);
    return u >= 0 && u <= 1 && x >= 3.5 * s && x <= 3.5 * s + (1 - u) * 4 * s;
  };
  const nearCheck = (x, y) => {
    const segs = [[4.5, 6.5, 7, 9], [7, 9, 11.5, 4]];
    return segs.some(([x1, y1, x2, y2]) => {
      const [ax, ay, bx, by] = [x1 * s, y1 * s, x2 * s, y2 * s];
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= 0.9 * s;
    });
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const n = 4;  // supersampling per axis
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let bubble = 0;
      let check = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const px = x + (i + 0.5) / n;
          const py = y + (j + 0.5) / n;
          if (inBubble(px, py)) (nearCheck(px, py) ? check++ : bubble++);
        }
      }
      const cover = (bubble + check) / (n * n);
      const white = check / Math.max(1, bubble + check);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(15 + white * 240);
      raw[o + 1] = Math.round(118 + white * 137);
      raw[o + 2] = Math.round(110 + white * 145);
      raw[o + 3] = Math.round(cover * 255);
    }
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);  // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// --- A minimal deterministic zip writer: sorted entries, fixed timestamps.
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

function zipDir(dir, zipPath) {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const file of listFiles(dir)) {
    const name = Buffer.from(relative(dir, file).split('\\').join('/'), 'utf8');
    const data = readFileSync(file);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);      // version needed
    local.writeUInt16LE(0x0800, 6);  // UTF-8 names
    local.writeUInt16LE(8, 8);       // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(zipPath, Buffer.concat([...locals, ...centrals, end]));
}

async function main() {
  const { wasmDir, out } = parseArgs(process.argv.slice(2));
  for (const f of ['tactful.mjs', 'tactful.wasm']) {
    if (!existsSync(join(wasmDir, f))) throw new Error(`${join(wasmDir, f)} is missing: build the WebAssembly engine first`);
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  const staging = join(out, '.bundle');
  await bundle(wasmDir, staging);
  for (const browser of ['chrome', 'firefox']) {
    const dir = join(out, browser);
    cpSync(staging, dir, { recursive: true });
    for (const page of ['popup', 'options']) {
      for (const f of readdirSync(join(here, 'src', page))) {
        if (!f.endsWith('.js')) cpSync(join(here, 'src', page, f), join(dir, page, f));
      }
    }
    cpSync(join(wasmDir, 'tactful.wasm'), join(dir, 'tactful.wasm'));
    if (browser === 'chrome') cpSync(join(here, 'schema.json'), join(dir, 'schema.json'));
    mkdirSync(join(dir, 'icons'));
    for (const size of [16, 32, 48, 128]) writeFileSync(join(dir, 'icons', `${size}.png`), icon(size));
    writeFileSync(join(dir, 'manifest.json'), manifestFor(browser, version));
    zipDir(dir, join(out, `tactful-${browser}.zip`));
  }
  rmSync(staging, { recursive: true });
  console.log(`extension: built ${relative(process.cwd(), out) || '.'}/{chrome,firefox} and tactful-{chrome,firefox}.zip`);
}

main().catch((e) => {
  console.error(`extension build: ${e.message}`);
  process.exit(1);
});
