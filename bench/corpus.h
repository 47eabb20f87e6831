// Benchmark text, built deterministically from real support replies so the
// rules see what they will see in use. bench/wasm_bench.mjs builds the same
// bytes the same way; both print a checksum to show it.
#ifndef TACTFUL_BENCH_CORPUS_H_
#define TACTFUL_BENCH_CORPUS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tactful_bench {

// The "text" of each line of a JSONL corpus (dev.jsonl's format); empty if
// `path` cannot be read. Replies that quote an earlier mail or carry a
// signature are left out: "On ... wrote:" and "-- " exclude everything after
// them, which would hide the rest of a concatenated text.
std::vector<std::string> LoadReplies(const std::string& path);

// `bytes` bytes of text: replies in a fixed pseudo-random order, separated by
// blank lines, cut back to a character boundary.
std::string MakeText(const std::vector<std::string>& replies, size_t bytes);

// `text` up to the end of its `words`-th whitespace-separated word.
std::string FirstWords(std::string_view text, size_t words);

// FNV-1a, to show native and wasm benchmarks check the same bytes.
uint32_t Checksum(std::string_view text);

}  // namespace tactful_bench

#endif  // TACTFUL_BENCH_CORPUS_H_
