// Benchmark text, built from the dev corpus's replies exactly as
// bench/corpus.cc builds it (same xorshift order, same cut), so the native,
// wasm and peer benchmarks check the same bytes and print the same checksum.
import { readFileSync } from 'node:fs';

// Markers that exclude the rest of a reply (see core/exclusions.cc).
const QUOTES_OR_SIGNS = /wrote:\s*$|original message|forwarded message|^\s*\*?from:|^-- ?$|^_{10,}/im;

/**
 * @typedef {{channel: string, bytes: Buffer}} Reply
 * @param {string} path a JSONL file of {"text", "channel"} objects
 * @returns {Reply[]} [] if `path` cannot be read
 */
export function loadReplies(path) {
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

/**
 * `size` bytes of replies in corpus.cc's pseudo-random order, cut at a character boundary.
 * @param {Buffer[]} replies
 * @param {number} size
 */
export function makeText(replies, size) {
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
    const reply = replies[state % replies.length];
    parts.push(reply);
    length += reply.length;
  }
  const text = Buffer.concat(parts, length);
  let end = size;
  while (end > 0 && (text[end] & 0xc0) === 0x80) end--;
  return text.subarray(0, end);
}

/** The first `words` whitespace-separated words of `text`, as corpus.cc's FirstWords. */
export function firstWords(text, words) {
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
