// The test's own web server and the recording proxy every browser is
// configured to use. Pages are served from web-test/pages with a strict CSP
// like a real helpdesk's. Test pages are addressed by names under
// .tactful.test (one per test, so per-site settings never leak between
// tests), which only this proxy can resolve: it forwards them to the page
// server and refuses, and records, everything else.
//
// Test pages turn the browser's spellchecker off (<body spellcheck="false">):
// Chromium downloads its dictionary from Google the first time a field is
// spellchecked, and its squiggles would muddle the underline colour checks.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('../pages/', import.meta.url));
export const TEST_DOMAIN = 'tactful.test';
export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
// The hostile page allows inline script on purpose: if Tactful ever turned
// a string into markup there, an injected onerror would run and say so.
const HOSTILE_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'; object-src 'none'; base-uri 'none'";
const CSP_FOR = /** @type {Record<string, string>} */ ({ '/hostile.html': HOSTILE_CSP });
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** @param {import('node:http').Server} server */
const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
  resolve(/** @type {import('node:net').AddressInfo} */ (server.address()).port)));

export async function startPageServer() {
  const server = http.createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(PAGES, path === '/' ? 'index.html' : path));
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-security-policy': CSP_FOR[path] ?? PAGE_CSP,
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  const port = await listen(server);
  return { port, close: () => new Promise((r) => server.close(r)) };
}

/**
 * An HTTP proxy that records every request a browser makes through it.
 * @param {number} pagePort where test pages are served
 */
export async function startRecordingProxy(pagePort) {
  /** @type {Array<{method: string, target: string, allowed: boolean}>} */
  const log = [];
  const isPageHost = (/** @type {string} */ host) =>
    host === `127.0.0.1:${pagePort}` || host === TEST_DOMAIN || host.endsWith(`.${TEST_DOMAIN}`);
  const server = http.createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const host = url.port && !url.hostname.endsWith(TEST_DOMAIN) ? url.host : url.hostname;
    const allowed = url.protocol === 'http:' && isPageHost(host);
    log.push({ method: req.method ?? '', target: url.href, allowed });
    if (!allowed) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the Tactful test proxy');
      return;
    }
    const upstream = http.request({
      host: '127.0.0.1', port: pagePort, method: req.method, path: url.pathname + url.search,
      headers: { ...req.headers, host: url.host },
    }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  // HTTPS and WebSocket-over-TLS arrive as CONNECT tunnels: never opened.
  server.on('connect', (req, socket) => {
    log.push({ method: 'CONNECT', target: req.url ?? '', allowed: false });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  const port = await listen(server);
  return {
    port,
    log,
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(r);
    }),
  };
}

/** A page URL under its own test host. */
export const pageUrl = (/** @type {string} */ host, /** @type {string} */ page) => `http://${host}.${TEST_DOMAIN}/${page}`;
