#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <numeric>

namespace tactful {

namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Bytes a sequence claims from its lead byte alone (1 for stray bytes).
size_t ClaimedLength(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return lead < 0xF8 ? 4 : 1;
}

// UTF-16 units a byte contributes when walking a string byte by byte.
size_t Utf16UnitsOfByte(unsigned char c) {
  if (IsContinuation(c)) return 0;
  return (c >= 0xF0 && c < 0xF8) ? 2 : 1;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const unsigned char c = s[pos];
  if (c < 0x80) return 1;
  const size_t len = ClaimedLength(c);
  if (len == 1 || pos + len > n) return 0;
  for (size_t i = 1; i < len; ++i) {
    if (!IsContinuation(s[pos + i])) return 0;
  }
  const unsigned char c1 = s[pos + 1];
  if (len == 2) return c >= 0xC2 ? 2 : 0;  // C0, C1: overlong
  if (len == 3) {
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 >= 0xA0) return 0; // UTF-16 surrogate
    return 3;
  }
  if (c == 0xF0 && c1 < 0x90) return 0;    // overlong
  if (c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return 0;  // above U+10FFFF
  return 4;
}

size_t SkipAscii(std::string_view text, size_t pos) {
  constexpr uint64_t kHighBits = 0x8080808080808080;
  // Non-ASCII characters are usually hundreds of bytes apart: test four
  // words at once, then find the byte in the word that has it.
  for (uint64_t words[4]; pos + sizeof words <= text.size(); pos += sizeof words) {
    std::memcpy(words, text.data() + pos, sizeof words);
    if ((words[0] | words[1] | words[2] | words[3]) & kHighBits) break;
  }
  for (uint64_t word; pos + sizeof word <= text.size(); pos += sizeof word) {
    std::memcpy(&word, text.data() + pos, sizeof word);
    // The lowest high bit marks the first such byte: every target is little-endian.
    if (word & kHighBits) return pos + __builtin_ctzll(word & kHighBits) / 8;
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}

std::vector<Span> FindInvalidUtf8(std::string_view text) {
  return FindInvalidUtf8(text, [](size_t, size_t) {});
}

std::vector<size_t> ToUtf16Offsets(std::string_view text, const std::vector<size_t>& byte_offsets) {
  std::vector<size_t> order(byte_offsets.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return byte_offsets[a] < byte_offsets[b]; });
  std::vector<size_t> out(byte_offsets.size());
  size_t byte = 0, units = 0;
  for (size_t i : order) {
    const size_t target = std::min(byte_offsets[i], text.size());
    for (; byte < target; ++byte) units += Utf16UnitsOfByte(static_cast<unsigned char>(text[byte]));
    out[i] = units;
  }
  return out;
}

std::vector<size_t> FromUtf16Offsets(std::string_view text, const std::vector<size_t>& utf16_offsets) {
  std::vector<size_t> order(utf16_offsets.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return utf16_offsets[a] < utf16_offsets[b]; });
  std::vector<size_t> out(utf16_offsets.size());
  size_t byte = 0, units = 0;
  for (size_t i : order) {
    // Stop on a sequence boundary: an offset inside a surrogate pair maps to
    // the start of the character that holds it.
    while (byte < text.size()) {
      const size_t next = Utf16UnitsOfByte(static_cast<unsigned char>(text[byte]));
      if (units + next > utf16_offsets[i]) break;
      units += next;
      ++byte;
      while (byte < text.size() && IsContinuation(static_cast<unsigned char>(text[byte]))) ++byte;
    }
    out[i] = byte;
  }
  return out;
}

std::string ToValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t len = Utf8SequenceLength(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string Utf16ToUtf8(std::u16string_view units) {
  std::string out;
  out.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    char32_t c = units[i];
    if (IsHighSurrogate(c) && i + 1 < units.size() && IsLowSurrogate(units[i + 1])) {
      c = 0x10000 + ((c - 0xD800) << 10) + (units[++i] - 0xDC00);
    } else if (IsHighSurrogate(c) || IsLowSurrogate(c)) {
      c = 0xFFFD;
    }
    AppendUtf8(c, &out);
  }
  return out;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

size_t LineIndex::Line(size_t offset) const {
  return std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin();
}

size_t LineIndex::Column(size_t offset) const {
  size_t start = line_starts_[Line(offset) - 1];
  size_t column = 1;
  if (last_offset_ >= start && last_offset_ <= offset) {
    start = last_offset_;
    column = last_column_;
  }
  for (size_t i = start; i < offset && i < text_.size(); ++i) {
    if (!IsContinuation(static_cast<unsigned char>(text_[i]))) ++column;
  }
  last_offset_ = offset;
  last_column_ = column;
  return column;
}

Span LineIndex::LineAt(size_t offset) const {
  const size_t line = Line(offset);
  const size_t start = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return {start, end};
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToAsciiLower(c);
  return out;
}


}  // namespace tactful
