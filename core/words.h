// The words of a reply, found once per check for every rule that reads it
// word by word (glossaries, acronyms): where each word is, paragraph by
// paragraph, and a case-folded hash that looks it up in a dictionary
// without copying or lower-casing it.
#ifndef TACTFUL_CORE_WORDS_H_
#define TACTFUL_CORE_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace tactful {

// FNV-1a over the ASCII-lowercased word: what WordIndex keeps for each word
// of a reply, and what a dictionary of rule terms is keyed by.
uint32_t WordHash(std::string_view word);

// A byte as WordHash reads it.
constexpr unsigned char FoldAscii(char c) {
  return static_cast<unsigned char>(ToAsciiLower(c));
}

// The hash of a word without its last byte `last`, from the hash of the
// whole word: each FNV-1a step is invertible (its prime is odd), so a
// plural's singular ("webhooks" -> "webhook") costs two instructions, not
// another pass over the word.
constexpr uint32_t WordHashWithoutLast(uint32_t hash, char last) {
  constexpr uint32_t kFnvPrimeInverse = 0x359c449b;  // 16777619 * this == 1 (mod 2^32)
  return (hash * kFnvPrimeInverse) ^ FoldAscii(last);
}

class WordIndex {
 public:
  // The words of each of `paragraphs` of `text`, as ForEachWord finds
  // them. A std::string, for the NUL after it (see the constructor).
  WordIndex(const std::string& text, const std::vector<Span>& paragraphs);

  // Indices of one paragraph's words: [begin, end).
  struct Range {
    size_t begin;
    size_t end;
  };
  Range paragraph(size_t p) const { return {paragraph_starts_[p], paragraph_starts_[p + 1]}; }

  // The words in text order, across paragraphs.
  size_t size() const { return words_.size(); }
  Span span(size_t i) const { return words_[i].span; }
  uint32_t hash(size_t i) const { return words_[i].hash; }  // WordHash of the word

 private:
  struct Word {
    Span span;
    uint32_t hash;
  };
  std::vector<Word> words_;
  std::vector<size_t> paragraph_starts_;  // one more than paragraphs: the end of the last
};

}  // namespace tactful

#endif  // TACTFUL_CORE_WORDS_H_
