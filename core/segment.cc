#include "core/segment.h"

#include <algorithm>
#include <array>

namespace tactful {

namespace {

// Most bytes are above ' ', so one comparison settles them.
bool IsBlank(char c) { return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n'); }

// Inline: it runs for every sentence and paragraph.
inline Span Trim(std::string_view text, Span s) {
  while (s.start < s.end && IsBlank(text[s.start])) ++s.start;
  while (s.end > s.start && IsBlank(text[s.end - 1])) --s.end;
  return s;
}

// Words whose trailing period is not a full stop.
bool IsAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 26> kAbbreviations = {
      "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "vs", "no", "approx", "inc", "ltd",
      "jr", "sr", "a.m", "p.m", "cf", "fig", "dept", "est", "min", "max", "ref", "tel", "prof"};
  constexpr size_t kLongest = 6;  // "approx"
  if (word.size() == 1 && IsAsciiUpper(word[0])) return true;  // an initial: "J. Smith"
  if (word.size() > kLongest) return false;
  return std::any_of(kAbbreviations.begin(), kAbbreviations.end(),
                     [&](std::string_view abbreviation) { return EqualsAsciiFolded(word, abbreviation); });
}

// The word (letters, digits, inner dots) that ends just before `end`.
std::string_view WordBefore(std::string_view text, size_t start, size_t end) {
  size_t b = end;
  while (b > start && (IsAsciiAlnum(text[b - 1]) || text[b - 1] == '.')) --b;
  return text.substr(b, end - b);
}

// Whether the punctuation run text[dot, after) ends a sentence.
bool EndsSentence(std::string_view text, Span para, size_t dot, size_t after) {
  size_t next = after;
  while (next < para.end && (text[next] == ' ' || text[next] == '\t')) ++next;
  if (next == after && next < para.end && text[next] != '\n' && text[next] != '\r') {
    return false;  // "v2.1", "example.com", "3.5"
  }
  if (next >= para.end) return true;
  const char c = text[next];
  if (IsAsciiLower(c)) return false;  // "e.g. the", "... and then"
  if (text[dot] == '.' && after - dot == 1 && IsAbbreviation(WordBefore(text, para.start, dot))) {
    return false;
  }
  return true;
}

// A line break inside a paragraph ends a sentence unless the line is long and
// ends mid-sentence, which is what hard-wrapped plain-text mail looks like.
bool LineBreakEndsSentence(std::string_view text, size_t line_start, size_t newline) {
  constexpr size_t kWrapColumn = 60;
  size_t last = newline;
  while (last > line_start && IsBlank(text[last - 1])) --last;
  if (last == line_start) return true;
  const char c = text[last - 1];
  const bool ends_mid_sentence = IsAsciiAlnum(c) || c == ',' || c == ';';
  return !(ends_mid_sentence && newline - line_start >= kWrapColumn);
}

// The first `byte` at or after a position that only grows, or text.size():
// memchr skips the bytes between much faster than a loop over each.
class ByteCursor {
 public:
  ByteCursor(std::string_view text, char byte) : text_(text), byte_(byte), at_(Find(0)) {}

  size_t At(size_t pos) {
    if (at_ < pos) at_ = Find(pos);
    return at_;
  }

 private:
  size_t Find(size_t pos) const { return std::min(text_.find(byte_, pos), text_.size()); }

  std::string_view text_;
  char byte_;
  size_t at_;
};

// The bytes that can end a sentence, in increasing order.
class SentenceStops {
 public:
  explicit SentenceStops(std::string_view text)
      : newline_(text, '\n'), dot_(text, '.'), bang_(text, '!'), question_(text, '?') {}

  // The first stop at or after `pos`, or text.size().
  size_t Next(size_t pos) { return std::min({newline_.At(pos), dot_.At(pos), bang_.At(pos), question_.At(pos)}); }

 private:
  ByteCursor newline_, dot_, bang_, question_;
};

// Appends the sentences of one paragraph.
void AppendSentences(std::string_view text, Span paragraph, SentenceStops* stops, std::vector<Span>* sentences) {
  size_t start = paragraph.start;
  size_t line_start = paragraph.start;
  auto close = [&](size_t end, size_t next_start) {
    const Span s = Trim(text, {start, end});
    if (s.start < s.end) sentences->push_back(s);
    start = next_start;
  };
  for (size_t i = stops->Next(paragraph.start); i < paragraph.end; i = stops->Next(i + 1)) {
    const char c = text[i];
    if (c == '\n') {
      if (LineBreakEndsSentence(text, line_start, i)) close(i, i + 1);
      line_start = i + 1;
    } else {  // '.', '!' or '?'
      size_t after = i + 1;
      while (after < paragraph.end && (text[after] == '.' || text[after] == '!' || text[after] == '?' ||
                                       text[after] == '"' || text[after] == ')')) {
        ++after;
      }
      if (EndsSentence(text, paragraph, i, after)) close(after, after);
      i = after - 1;
    }
  }
  close(paragraph.end, paragraph.end);
}

}  // namespace

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Span> paragraphs;
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string_view::npos;) {
    size_t next = nl + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) ++next;
    if (next < text.size() && text[next] == '\n') {  // a blank line, whose newline is the next one
      const Span p = Trim(text, {start, nl});
      if (p.start < p.end) paragraphs.push_back(p);
      start = next;
      nl = next;
    } else {
      nl = text.find('\n', next);
    }
  }
  const Span last = Trim(text, {start, text.size()});
  if (last.start < last.end) paragraphs.push_back(last);
  return paragraphs;
}

std::vector<Span> SplitSentences(std::string_view text, const std::vector<Span>& paragraphs) {
  std::vector<Span> sentences;
  SentenceStops stops(text);
  for (Span p : paragraphs) AppendSentences(text, p, &stops, &sentences);
  return sentences;
}

}  // namespace tactful
