// acronym: an all-caps abbreviation the reply never spells out. Readers
// outside the team cannot ask what "CAB" or "OLT" means; one expansion on
// first use ("change advisory board (CAB)") is all it takes.
#include <unordered_set>

#include "core/checks/checks.h"
#include "core/checks/common.h"

namespace tactful {

namespace {

constexpr size_t kMinLength = 2;
constexpr size_t kMaxLength = 6;
constexpr size_t kMaxLengthWithDigits = 4;  // "B2B", "MP3"; not "SV218" (a flight)

// "CAB", "B2B": two or more capitals, maybe a digit in a short one. One
// capital and digits ("L2", "X5", "A4") is more often a model name than an
// abbreviation; the jargon pack catches support tiers by their context.
bool IsAcronymShape(std::string_view word) {
  if (word.size() < kMinLength || word.size() > kMaxLength) return false;
  if (IsAsciiDigit(word[0])) return false;  // "15GB", "1ST", "4K": quantities, not abbreviations
  size_t upper = 0, digits = 0;
  for (char c : word) {
    if (IsAsciiUpper(c)) {
      ++upper;
    } else if (IsAsciiDigit(c)) {
      ++digits;
    } else {
      return false;
    }
  }
  return upper >= 2 && (digits == 0 || word.size() <= kMaxLengthWithDigits);
}

bool IsShoutedWord(std::string_view word) {
  if (word.size() < 2) return false;
  for (char c : word) {
    if (!IsAsciiUpper(c)) return false;
  }
  return true;
}

class AcronymCheck : public Check {
 public:
  AcronymCheck(RuleInfo info, std::unordered_set<std::string> allow)
      : Check(std::move(info)), allow_(std::move(allow)) {}

  Scope scope() const override { return Scope::kReply; }
  std::vector<std::string> Triggers() const override { return {}; }

  void Run(const Document& doc, Span, const std::vector<size_t>&, std::vector<Finding>* out) const override {
    const std::string_view text = doc.masked();
    const WordIndex& words = doc.words();
    std::unordered_set<std::string> seen;
    for (size_t p = 0; p < doc.paragraphs().size(); ++p) {
      const WordIndex::Range para = words.paragraph(p);
      for (size_t i = para.begin; (i = NextAcronymStart(text, words, i, para.end)) < para.end; ++i) {
        const Span w = words.span(i);
        std::string_view word = text.substr(w.start, w.size());
        if (word.size() > kMinLength && word.back() == 's') word.remove_suffix(1);
        if (!IsAcronymShape(word) || allow_.count(std::string(word)) > 0) continue;
        if (IsCodeOrReference(text, w) || IsInShouting(text, words, para, i)) continue;
        if (!seen.insert(std::string(word)).second) continue;  // only the first use
        const Span span{w.start, w.start + word.size()};
        if (doc.IsExplained(AsciiLower(word), span)) continue;
        out->push_back(MakeFinding(doc, span, {}));
      }
    }
  }

 private:
  // The first word from i on that starts as every acronym does, with a
  // capital and then a capital or a digit; or `end`. A loop of its own,
  // without calls, for the many words that do not.
  static size_t NextAcronymStart(std::string_view text, const WordIndex& words, size_t i, size_t end) {
    for (; i < end; ++i) {
      const Span w = words.span(i);
      if (!IsAsciiUpper(text[w.start]) || w.size() < 2) continue;
      if (IsAsciiUpper(text[w.start + 1]) || IsAsciiDigit(text[w.start + 1])) return i;
    }
    return end;
  }

  // "1Z 999 AA1 01 2345": a word with a digit between spaces and a group of
  // digits is one group of a tracking or serial number.
  static bool IsAmongDigitGroups(std::string_view text, Span w) {
    if (std::none_of(text.begin() + w.start, text.begin() + w.end, [](char c) { return IsAsciiDigit(c); })) return false;
    const auto is_boundary = [&](size_t i) { return i >= text.size() || text[i] == ' ' || text[i] == '\n'; };
    size_t b = w.start;
    if (b >= 2 && text[b - 1] == ' ' && IsAsciiDigit(text[b - 2])) {
      for (b -= 2; b > 0 && IsAsciiDigit(text[b - 1]); --b) {}
      if (b == 0 || is_boundary(b - 1)) return true;
    }
    size_t e = w.end;
    if (e + 1 < text.size() && text[e] == ' ' && IsAsciiDigit(text[e + 1])) {
      for (e += 1; e < text.size() && IsAsciiDigit(text[e]); ++e) {}
      if (is_boundary(e)) return true;
    }
    return false;
  }

  // "INC-775102", "ABC/123", "#A12", "v2.1B": part of an identifier.
  static bool IsCodeOrReference(std::string_view text, Span w) {
    if (IsAmongDigitGroups(text, w)) return true;
    const char before = w.start > 0 ? text[w.start - 1] : ' ';
    const char after = w.end < text.size() ? text[w.end] : ' ';
    const char after2 = w.end + 1 < text.size() ? text[w.end + 1] : ' ';
    if (before == '#' || before == '_' || before == '.' || before == '/' || before == '-' || before == '@') {
      return true;
    }
    return (after == '-' || after == '_' || after == '/' || after == '.' || after == ':') &&
           IsAsciiAlnum(after2);
  }

  // Two or more neighbouring words of the paragraph in capitals: emphasis
  // or shouting, which the tone rules handle, not abbreviations.
  static bool IsInShouting(std::string_view text, const WordIndex& words, WordIndex::Range para, size_t i) {
    int shouted = 0;
    for (size_t j = i >= para.begin + 2 ? i - 2 : para.begin; j < para.end && j <= i + 2; ++j) {
      if (j != i && IsShoutedWord(text.substr(words.span(j).start, words.span(j).size()))) ++shouted;
    }
    return shouted >= 2;
  }

  std::unordered_set<std::string> allow_;
};

}  // namespace

std::unique_ptr<Check> MakeAcronymCheck(const json& rule, RuleInfo info, const LoadContext& ctx) {
  std::vector<std::string> allow;
  if (!ctx.Strings(rule, "allow", &allow)) return nullptr;
  DefaultPriority(rule, 1, &info);
  return std::make_unique<AcronymCheck>(std::move(info),
                                        std::unordered_set<std::string>(allow.begin(), allow.end()));
}

}  // namespace tactful
