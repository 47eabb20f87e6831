#include "core/document.h"

#include <algorithm>

#include "core/exclusions.h"
#include "core/segment.h"

namespace tactful {

namespace {

// A bracketed term this short ("MFA token") is a name whose every word is
// explained by the words before the bracket; a longer one is a remark.
constexpr size_t kMaxWordsInDefinedTerm = 4;

// Byte length of a Unicode space at text[pos] (no-break, thin, ideographic
// ...), or 0. Browsers put U+00A0 between words in contenteditable.
size_t UnicodeSpaceLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0; };
  const unsigned char c = byte(pos);
  if (c == 0xC2 && byte(pos + 1) == 0xA0) return 2;
  if (c == 0xE2 && byte(pos + 1) == 0x80 && (byte(pos + 2) <= 0x8A || byte(pos + 2) == 0xAF) &&
      byte(pos + 2) >= 0x80) {
    return 3;
  }
  if (c == 0xE3 && byte(pos + 1) == 0x80 && byte(pos + 2) == 0x80) return 3;
  return 0;
}

// Makes the bytes of `span` spaces, but keeps its newlines.
void Blank(Span span, std::string* text) {
  const std::string_view upto = std::string_view(*text).substr(0, span.end);
  for (size_t i = span.start; i < span.end;) {
    const size_t newline = std::min(upto.find('\n', i), span.end);
    std::fill(text->begin() + i, text->begin() + newline, ' ');
    i = newline + 1;
  }
}

// The text with `spans` blanked, as the engine's own exclusion rules should
// read it when the caller knows more: a quoted thread the editor marks,
// after a typed sign-off, is not a paragraph that makes the sign-off part of
// the reply.
std::string Blanked(std::string_view text, const std::vector<Span>& spans) {
  std::string out(text);
  for (Span s : spans) Blank(s, &out);
  return out;
}

}  // namespace

std::string NormalizeTerm(std::string_view term) {
  std::string out(term.size(), ' ');  // each byte out stands for a byte in
  size_t size = 0;
  bool pending_space = false;
  for (char c : term) {
    if (IsWordByte(c)) {
      if (pending_space && size > 0) ++size;  // already a space
      pending_space = false;
      out[size++] = IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      pending_space = true;
    }
  }
  out.resize(size);
  return out;
}

Document::Document(std::string_view text, const std::vector<Span>& caller_excluded)
    : text_(text), masked_(text) {
  std::vector<Span> caller;
  for (Span s : caller_excluded) {
    caller.push_back({std::min(s.start, text.size()), std::min(s.end, text.size())});
  }
  std::vector<Span> excluded = caller.empty() ? FindExcluded(text) : FindExcluded(Blanked(text, caller));
  excluded.insert(excluded.end(), caller.begin(), caller.end());
  excluded_ = MergeSpans(std::move(excluded));
  invalid_utf8_ = FindInvalidUtf8(text);
  Mask();
  paragraphs_ = SplitParagraphs(masked_);
  sentences_ = SplitSentences(masked_, paragraphs_);
  FindExplanations();
}

void Document::Mask() {
  for (Span s : excluded_) Blank(s, &masked_);
  for (Span s : invalid_utf8_) Blank(s, &masked_);
  for (size_t i = SkipAscii(masked_, 0); i < masked_.size(); i = SkipAscii(masked_, i)) {
    const size_t len = UnicodeSpaceLength(masked_, i);
    if (len > 0) Blank({i, i + len}, &masked_);
    i += std::max<size_t>(len, 1);
  }
}

size_t Document::SentenceIndexAt(size_t pos) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                             [](size_t p, Span s) { return p < s.end; });
  return it - sentences_.begin();
}

// Records parenthesised explanations: for "single sign-on (SSO)" both "sso"
// and the one to five words before the bracket, for "SSO (single sign-on)"
// likewise. Each key keeps its first position.
void Document::FindExplanations() {
  constexpr size_t kMaxInner = 80;
  constexpr size_t kMaxWordsBefore = 5;
  std::vector<Span> inner_words;
  for (size_t open = masked_.find('('); open != std::string::npos; open = masked_.find('(', open + 1)) {
    // Bounded look-ahead keeps a 10 MB line full of "(" linear.
    const size_t found = std::string_view(masked_).substr(open + 1, kMaxInner + 1).find_first_of(")\n");
    if (found == std::string_view::npos || masked_[open + 1 + found] != ')') continue;
    const size_t close = open + 1 + found;
    const std::string_view inner = std::string_view(masked_).substr(open + 1, close - open - 1);
    explained_at_.try_emplace(NormalizeTerm(inner), open);
    size_t begin = open;
    while (begin > 0 && masked_[begin - 1] == ' ') --begin;
    inner_words.clear();
    ForEachWord(inner, {0, inner.size()}, [&](Span w) { inner_words.push_back(w); });
    if (begin > 0 && IsWordByte(masked_[begin - 1]) && inner_words.size() <= kMaxWordsInDefinedTerm) {
      // "a sign-in check (MFA token)" explains MFA as well as the whole term.
      definitions_.push_back({open + 1, close});
      for (Span w : inner_words) explained_at_.try_emplace(NormalizeTerm(inner.substr(w.start, w.size())), open);
    }
    for (size_t words = 0; words < kMaxWordsBefore; ++words) {
      if (begin == 0 || !IsWordByte(masked_[begin - 1])) break;
      while (begin > 0 && IsWordByte(masked_[begin - 1])) --begin;
      explained_at_.try_emplace(NormalizeTerm(std::string_view(masked_).substr(begin, open - begin)), open);
      const char separator = begin > 0 ? masked_[begin - 1] : '\0';
      if (separator != ' ' && separator != '-' && separator != '/') break;
      --begin;
    }
  }
}

bool Document::TouchesDefinition(Span span) const {
  // The first definition ending after span.start is the only candidate:
  // definitions never overlap one another.
  auto it = std::upper_bound(definitions_.begin(), definitions_.end(), span.start,
                             [](size_t p, Span d) { return p < d.end; });
  return it != definitions_.end() && it->start < span.end;
}

bool Document::IsExplained(const std::string& normalized_term, Span at) const {
  auto it = explained_at_.find(normalized_term);
  return it != explained_at_.end() && it->second <= at.end + 2;
}

}  // namespace tactful
