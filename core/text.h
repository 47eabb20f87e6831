// UTF-8 helpers. Everywhere in the core, offsets are byte offsets into the
// caller's text; these helpers convert them for callers that count otherwise
// (JavaScript counts UTF-16 code units, people count characters).
#ifndef TACTFUL_CORE_TEXT_H_
#define TACTFUL_CORE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tactful {

// A half-open byte range [start, end).
struct Span {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  bool Contains(size_t pos) const { return start <= pos && pos < end; }
  bool Overlaps(Span o) const { return start < o.end && o.start < end; }
  bool operator==(Span o) const { return start == o.start && end == o.end; }
};

// Length of the well-formed UTF-8 sequence starting at text[pos], or 0 when
// the bytes there are not well-formed (overlong, surrogate, truncated, ...).
size_t Utf8SequenceLength(std::string_view text, size_t pos);

// The first byte at or after `pos` that is not ASCII, or text.size().
// Replies are mostly ASCII, so this tests whole words of bytes at a time.
size_t SkipAscii(std::string_view text, size_t pos);

// Byte ranges of `text` that are not well-formed UTF-8.
std::vector<Span> FindInvalidUtf8(std::string_view text);

// The same, calling on_character(pos, length) for each well-formed non-ASCII
// character on the way, for a caller that looks at those too: one pass.
template <typename Fn>
std::vector<Span> FindInvalidUtf8(std::string_view text, Fn on_character) {
  std::vector<Span> bad;
  for (size_t pos = SkipAscii(text, 0); pos < text.size(); pos = SkipAscii(text, pos)) {
    const size_t len = Utf8SequenceLength(text, pos);
    if (len > 0) {
      on_character(pos, len);
      pos += len;
      continue;
    }
    if (!bad.empty() && bad.back().end == pos) {
      bad.back().end = pos + 1;
    } else {
      bad.push_back({pos, pos + 1});
    }
    ++pos;
  }
  return bad;
}

// Converts byte offsets to UTF-16 code unit offsets in one pass. Each lead
// byte counts as its sequence would in JavaScript (4-byte sequences are two
// units), so offsets stay aligned with the string the browser holds.
std::vector<size_t> ToUtf16Offsets(std::string_view text, const std::vector<size_t>& byte_offsets);

// The inverse, for ranges a browser hands us in UTF-16 units.
std::vector<size_t> FromUtf16Offsets(std::string_view text, const std::vector<size_t>& utf16_offsets);

// `text` with each byte that is not well-formed UTF-8 replaced by U+FFFD,
// for output that must be valid UTF-8 (JSON).
std::string ToValidUtf8(std::string_view text);

// The two halves of a UTF-16 surrogate pair.
constexpr bool IsHighSurrogate(char32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
constexpr bool IsLowSurrogate(char32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

// UTF-8 for a string of UTF-16 code units, as a browser holds it. A lone
// surrogate (JavaScript strings may hold them) becomes U+FFFD, which is one
// unit too, so ToUtf16Offsets() of the result counts the caller's units.
std::string Utf16ToUtf8(std::u16string_view units);

// 1-based line and column of byte offsets; columns count code points.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  size_t Line(size_t offset) const;    // 1-based
  size_t Column(size_t offset) const;  // 1-based, in code points
  Span LineAt(size_t offset) const;    // the line's bytes, without its newline

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
  // Columns are usually asked for in increasing order along one long line
  // (a 10 MB paste with no newline); resuming from the last answer keeps
  // that linear instead of quadratic.
  mutable size_t last_offset_ = 0;
  mutable size_t last_column_ = 1;
};

// ASCII-only case folding: enough for rule terms and acronyms, and it never
// changes a string's length, so offsets into the folded copy stay valid.
std::string AsciiLower(std::string_view s);
// Inline: the word scanners call these on every byte of the text.
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlnum(char c) { return IsAsciiUpper(c) || IsAsciiLower(c) || IsAsciiDigit(c); }
constexpr char ToAsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `s` spells `lower` (already lower case) with ASCII case ignored:
// a byte loop, which for words this short beats folding a copy or memcmp.
inline bool EqualsAsciiFolded(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (ToAsciiLower(s[i]) != lower[i]) return false;
  }
  return true;
}

// Word bytes: ASCII letters and digits, and every byte of a non-ASCII
// character, so "café" and "日本" stay whole. A table, because the word
// scanners ask for every byte of every reply, often twice.
struct WordByteTable {
  bool is[256];
  constexpr WordByteTable() : is() {
    for (int c = 0; c < 256; ++c) is[c] = c >= 0x80 || IsAsciiAlnum(static_cast<char>(c));
  }
};
inline constexpr WordByteTable kWordBytes;
inline bool IsWordByte(char c) { return kWordBytes.is[static_cast<unsigned char>(c)]; }

// Calls `fn` for each word in `where`: a run of ASCII letters and digits or
// non-ASCII bytes (so "café" and "日本" stay whole).
template <typename Fn>
void ForEachWord(std::string_view text, Span where, Fn fn) {
  size_t i = where.start;
  while (i < where.end) {
    while (i < where.end && !IsWordByte(text[i])) ++i;
    const size_t start = i;
    while (i < where.end && IsWordByte(text[i])) ++i;
    if (i > start) fn(Span{start, i});
  }
}

}  // namespace tactful

#endif  // TACTFUL_CORE_TEXT_H_
