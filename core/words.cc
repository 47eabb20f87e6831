#include "core/words.h"

namespace tactful {

namespace {

constexpr uint32_t kFnvOffset = 2166136261u;
constexpr uint32_t kFnvPrime = 16777619u;

// For each byte: 0 when it is no word byte (see IsWordByte), else the byte
// as WordHash folds it. One lookup tells both, on every byte of the reply.
struct FoldedWordByteTable {
  unsigned char fold[256];
  constexpr FoldedWordByteTable() : fold() {
    for (int c = 0; c < 256; ++c) {
      fold[c] = kWordBytes.is[c] ? FoldAscii(static_cast<char>(c)) : 0;
    }
  }
};
constexpr FoldedWordByteTable kFolded;

constexpr uint32_t Step(uint32_t hash, unsigned char folded) { return (hash ^ folded) * kFnvPrime; }

static_assert(WordHashWithoutLast(Step(Step(kFnvOffset, 'a'), 's'), 'S') == Step(kFnvOffset, 'a'),
              "WordHashWithoutLast undoes one step of WordHash");

}  // namespace

uint32_t WordHash(std::string_view word) {
  uint32_t hash = kFnvOffset;
  for (char c : word) hash = Step(hash, FoldAscii(c));
  return hash;
}

WordIndex::WordIndex(const std::string& text, const std::vector<Span>& paragraphs) {
  const char* const data = text.c_str();
  const auto folded = [&](size_t i) { return kFolded.fold[static_cast<unsigned char>(data[i])]; };
  paragraph_starts_.reserve(paragraphs.size() + 1);
  // Replies run about five and a half bytes a word with its space (the
  // dev corpus); room for one every five spares regrowing, a fifth of the
  // cost of the index.
  words_.reserve(text.size() / 5);
  for (Span para : paragraphs) {
    paragraph_starts_.push_back(words_.size());
    for (size_t i = para.start; i < para.end; ++i) {
      unsigned char f = folded(i);
      if (f == 0) continue;
      const size_t start = i;
      uint32_t hash = kFnvOffset;
      // Up to the first byte that is no word byte, at the latest the NUL
      // after the string; the paragraph's end is tested once a word.
      for (; f != 0; f = folded(++i)) hash = Step(hash, f);
      if (i > para.end) {  // the paragraph ends inside a word
        i = para.end;
        hash = WordHash(std::string_view(text).substr(start, i - start));
      }
      words_.push_back({{start, i}, hash});
    }  // ++i: data[i] is no word byte
  }
  paragraph_starts_.push_back(words_.size());
}

}  // namespace tactful
