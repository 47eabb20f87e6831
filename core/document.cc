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
      out[size++] = ToAsciiLower(c);
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
  Mask();
  paragraphs_ = SplitParagraphs(masked_);
  sentences_ = SplitSentences(masked_, paragraphs_);
  FindBracketedExplanations();
}

// Also finds the invalid bytes: the pass over the non-ASCII characters that
// finds them finds the Unicode spaces too. A space is one character, so it
// is never part of an invalid range, and one that excluded bytes overlap
// no longer reads as a space in masked_.
void Document::Mask() {
  for (Span s : excluded_) Blank(s, &masked_);
  invalid_utf8_ = FindInvalidUtf8(text_, [&](size_t pos, size_t) {
    if (const size_t len = UnicodeSpaceLength(masked_, pos)) Blank({pos, pos + len}, &masked_);
  });
  for (Span s : invalid_utf8_) Blank(s, &masked_);
}

size_t Document::SentenceIndexAt(size_t pos) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                             [](size_t p, Span s) { return p < s.end; });
  return it - sentences_.begin();
}

// The explanations spelled out in words, read from the word index: "API
// stands for ...", "MDM is short for ...", "an API key is like a
// password", and a dash that opens one ("DNS settings - the records that
// ..."). The words before the phrase are the term.
void Document::FindExplanationsInWords() const {
  const WordIndex& words = this->words();
  const std::string_view masked(masked_);
  static const uint32_t kStands = WordHash("stands"), kFor = WordHash("for"), kShort = WordHash("short"),
                        kIs = WordHash("is"), kMeans = WordHash("means"), kRefers = WordHash("refers"),
                        kTo = WordHash("to"), kLike = WordHash("like"), kA = WordHash("a"), kAn = WordHash("an"),
                        kThe = WordHash("the"), kType = WordHash("type"), kKind = WordHash("kind"),
                        kOf = WordHash("of"), kI = WordHash("i");
  const auto hash = [&](size_t i) { return i < words.size() ? words.hash(i) : 0; };
  const auto gap_before = [&](size_t i) {  // the bytes between word i - 1 and word i
    return masked.substr(words.span(i - 1).end, words.span(i).start - words.span(i - 1).end);
  };
  // Most words are none of the cue words: compare hashes before looking at gaps.
  for (size_t i = 1; i < words.size(); ++i) {
    const uint32_t h = words.hash(i);
    bool cue;
    if (h == kThe || h == kA || h == kAn) {
      const std::string_view gap = gap_before(i);
      cue = gap == " - " || gap == " \xE2\x80\x94 " || gap == " \xE2\x80\x93 ";
    } else if (h == kShort || h == kI) {
      cue = gap_before(i) == ", " &&
            (h == kShort ? hash(i + 1) == kFor : masked.substr(words.span(i).end, 3) == ".e.");
    } else {
      cue = (h == kStands && hash(i + 1) == kFor) || h == kMeans || (h == kRefers && hash(i + 1) == kTo) ||
            (h == kIs && ((hash(i + 1) == kShort && hash(i + 2) == kFor) ||
                          (hash(i + 1) == kLike && (hash(i + 2) == kA || hash(i + 2) == kAn)) ||
                          (hash(i + 1) == kA && (hash(i + 2) == kType || hash(i + 2) == kKind) && hash(i + 3) == kOf)));
    }
    if (cue && gap_before(i).find('\n') == std::string_view::npos) {
      ExplainWordsBefore(words.span(i - 1).end, words.span(i - 1).end);
    }
  }
}

// Records the explanations a reply gives in brackets, by the normalized
// term they explain and the position from which it counts as explained:
// for "single sign-on (SSO)" both "sso" and the one to five words before
// the bracket, for "SSO (single sign-on)" likewise. Explanations in words
// ("API stands for ...") are found on first use: see IsExplained. Each key
// keeps its first position.
void Document::FindBracketedExplanations() {
  constexpr size_t kMaxInner = 80;
  const std::string_view masked(masked_);
  for (size_t open = masked.find('('); open != std::string_view::npos; open = masked.find('(', open + 1)) {
    // Bounded look-ahead keeps a 10 MB line full of "(" linear.
    const size_t limit = std::min(masked.size(), open + kMaxInner + 2);
    size_t close = open + 1;
    while (close < limit && masked[close] != ')' && masked[close] != '\n') ++close;
    if (close == limit || masked[close] != ')') continue;
    const std::string inner = NormalizeTerm(masked.substr(open + 1, close - open - 1));
    explained_at_.try_emplace(inner, open);
    size_t begin = open;
    while (begin > 0 && masked[begin - 1] == ' ') --begin;
    const size_t inner_words = inner.empty() ? 0 : std::count(inner.begin(), inner.end(), ' ') + 1;
    if (begin > 0 && IsWordByte(masked[begin - 1]) && inner_words <= kMaxWordsInDefinedTerm) {
      // "a sign-in check (MFA token)" explains MFA as well as the whole term.
      definitions_.push_back({open + 1, close});
      ForEachWord(inner, {0, inner.size()},
                  [&](Span w) { explained_at_.try_emplace(inner.substr(w.start, w.size()), open); });
    }
    ExplainWordsBefore(begin, open);
  }
}

// Records the one to five words that end at `end` (and each run of them
// ending there) as explained from `at`: "single sign-on" gives "on",
// "sign on" and "single sign on".
void Document::ExplainWordsBefore(size_t end, size_t at) const {
  constexpr size_t kMaxWordsBefore = 5;
  const std::string_view masked(masked_);
  size_t begin = end;
  size_t words_start = end;
  for (size_t words = 0; words < kMaxWordsBefore; ++words) {
    if (begin == 0 || !IsWordByte(masked[begin - 1])) break;
    while (begin > 0 && IsWordByte(masked[begin - 1])) --begin;
    words_start = begin;
    const char separator = begin > 0 ? masked[begin - 1] : '\0';
    if (separator != ' ' && separator != '-' && separator != '/') break;
    --begin;
  }
  const std::string before = NormalizeTerm(masked.substr(words_start, end - words_start));
  ForEachWord(before, {0, before.size()}, [&](Span w) { explained_at_.try_emplace(before.substr(w.start), at); });
}

bool Document::TouchesDefinition(Span span) const {
  // The first definition ending after span.start is the only candidate:
  // definitions never overlap one another.
  auto it = std::upper_bound(definitions_.begin(), definitions_.end(), span.start,
                             [](size_t p, Span d) { return p < d.end; });
  return it != definitions_.end() && it->start < span.end;
}

bool Document::IsExplained(const std::string& normalized_term, Span at) const {
  // Only replies with a candidate term pay for reading every word.
  if (!explained_in_words_) {
    explained_in_words_ = true;
    FindExplanationsInWords();
  }
  auto it = explained_at_.find(normalized_term);
  return it != explained_at_.end() && it->second <= at.end + 2;
}

const WordIndex& Document::words() const {
  if (!words_) words_.emplace(masked_, paragraphs_);
  return *words_;
}

}  // namespace tactful
