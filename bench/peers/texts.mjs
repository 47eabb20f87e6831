// The four texts every checker sees, built deterministically from the dev
// corpus's replies exactly as bench/corpus.cc builds them (same xorshift
// order, same cut, so the 1 MB document has the checksum the native and wasm
// benchmarks print). Without the corpus, bench/replies.jsonl is used.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checksum, firstWords, loadReplies, makeText } from '../texts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CORPUS = join(here, '..', '..', '..', 'shared', 'corpus', 'dev.jsonl');
const FALLBACK_CORPUS = join(here, '..', 'replies.jsonl');

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
  const document = makeText(replies.map((r) => r.bytes), 1024 * 1024);
  const texts = [
    ['chat', 'one-line chat turn', chatTurn(replies)],
    ['reply200', '200-word reply', firstWords(document, 200)],
    ['reply2000', '2,000-word reply', firstWords(document, 2000)],
    ['doc1m', '1 MB document', document],
  ].map(([key, label, bytes]) => ({ key, label, text: bytes.toString('utf8'), bytes: bytes.length }));
  return { source, replies: replies.length, checksum: checksum(document), texts };
}
