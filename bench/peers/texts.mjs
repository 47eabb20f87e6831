// The four texts every checker sees, built deterministically from the dev
// corpus's replies exactly as bench/corpus.cc builds them (same xorshift
// order, same cut, so the 1 MB document has the checksum the native and wasm
// benchmarks print). Without the corpus, bench/replies.jsonl is used.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CORPUS = join(here, '..', '..', '..', 'shared', 'corpus', 'dev.jsonl');
const FALLBACK_CORPUS = join(here, '..', 'replies.jsonl');

// Markers that exclude the rest of a reply (see core/exclusions.cc).
const QUOTES_OR_SIGNS = /wrote:\s*$|original message|forwarded message|^\s*\*?from:|^-- ?$|^_{10,}/im;

/**
 * @typedef {{channel: string, bytes: Buffer}} Reply
 * @param {string} path a JSONL file of {"text", "channel"} objects
 * @returns {Reply[]} [] if `path` cannot be read
 */
function loadReplies(path) {
  let lines;
  try {
    lines = readFileSync(path, 'utf8').split('\n');
  } catch {
    return [];
  }
  const replies = [];
  for (const line of lines) {
    let reply;
    try {
      reply = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof reply?.text !== 'string' || QUOTES_OR_SIGNS.test(reply.text)) continue;
    replies.push({ channel: String(reply.channel ?? ''), bytes: Buffer.from(reply.text) });
  }
  return replies;
}

/** `size` bytes of replies in corpus.cc's pseudo-random order, cut at a character boundary. */
function makeText(replies, size) {
  const parts = [];
  const blank = Buffer.from('\n\n');
  let length = 0;
  let state = 2463534242;  // xorshift32, as in corpus.cc
  while (length < size) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    if (length) parts.push(blank), length += blank.length;
    const reply = replies[state % replies.length].bytes;
    parts.push(reply);
    length += reply.length;
  }
  const text = Buffer.concat(parts, length);
  let end = size;
  while (end > 0 && (text[end] & 0xc0) === 0x80) end--;
  return text.subarray(0, end);
}

/** The first `words` whitespace-separated words of `text`, as corpus.cc's FirstWords. */
function firstWords(text, words) {
  const space = (c) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
  let i = 0;
  for (let n = 0; n < words && i < text.length; n++) {
    while (i < text.length && space(text[i])) i++;
    while (i < text.length && !space(text[i])) i++;
  }
  return text.subarray(0, i);
}

/** FNV-1a of the bytes, as corpus.cc's Checksum. */
export function checksum(bytes) {
  let h = 2166136261;
  for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A chat turn: the corpus's first one-line chat reply, else the first line of its first reply. */
function chatTurn(replies) {
  const oneLine = replies.find((r) => r.channel === 'chat' && !r.bytes.includes(0x0a));
  const reply = (oneLine ?? replies[0]).bytes;
  const newline = reply.indexOf(0x0a);
  return newline < 0 ? reply : reply.subarray(0, newline);
}

/**
 * @typedef {{key: string, label: string, text: string, bytes: number}} Text
 * @param {string} corpus path of the JSONL corpus; falls back to bench/replies.jsonl
 * @returns {{source: string, replies: number, checksum: string, texts: Text[]}}
 */
export function buildTexts(corpus = DEFAULT_CORPUS) {
  let source = corpus;
  let replies = loadReplies(source);
  if (!replies.length) replies = loadReplies((source = FALLBACK_CORPUS));
  if (!replies.length) throw new Error(`no replies in ${corpus} or ${FALLBACK_CORPUS}`);
  const document = makeText(replies, 1024 * 1024);
  const texts = [
    ['chat', 'one-line chat turn', chatTurn(replies)],
    ['reply200', '200-word reply', firstWords(document, 200)],
    ['reply2000', '2,000-word reply', firstWords(document, 2000)],
    ['doc1m', '1 MB document', document],
  ].map(([key, label, bytes]) => ({ key, label, text: bytes.toString('utf8'), bytes: bytes.length }));
  return { source, replies: replies.length, checksum: checksum(document), texts };
}
