// glossary: technical terms with a plain-language alternative. Organizations
// add thousands of their own, so matching is a dictionary lookup on words,
// not a regex per term: the cost per word stays flat however long the list.
#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "core/checks/checks.h"
#include "core/checks/common.h"

namespace tactful {

namespace {

struct Term {
  std::string plain;
  std::string note;
  std::string normalized;  // the headword, see NormalizeTerm
};

// One spelling of a term, as words.
struct Variant {
  std::vector<std::string> words;  // lower case unless case_sensitive
  bool case_sensitive;
  size_t term;
};

// Capitals after the first letter ("DNS", "OAuth", "iOS") make a term
// case-sensitive: "DNS" is jargon, "dns" in a hostname was already masked.
bool HasInnerCapital(std::string_view term) {
  for (size_t i = 1; i < term.size(); ++i) {
    if (IsAsciiUpper(term[i])) return true;
  }
  return false;
}

std::vector<std::string> SplitWords(std::string_view s, bool keep_case) {
  std::vector<std::string> words;
  ForEachWord(s, {0, s.size()}, [&](Span w) {
    const std::string_view word = s.substr(w.start, w.size());
    words.push_back(keep_case ? std::string(word) : AsciiLower(word));
  });
  return words;
}

class GlossaryCheck : public Check {
 public:
  GlossaryCheck(RuleInfo info, std::vector<Term> terms, std::vector<Variant> variants)
      : Check(std::move(info)), terms_(std::move(terms)) {
    // Longest spelling first, so "DNS propagation" wins over "DNS".
    std::stable_sort(variants.begin(), variants.end(),
                     [](const Variant& a, const Variant& b) { return a.words.size() > b.words.size(); });
    for (Variant& v : variants) {
      first_word_filter_[WordHash(v.words[0]) % kFilterBits] = true;
      by_first_word_[AsciiLower(v.words[0])].push_back(std::move(v));
    }
  }

  Scope scope() const override { return Scope::kReply; }
  std::vector<std::string> Triggers() const override { return {}; }

  void Run(const Document& doc, Span, const std::vector<size_t>&, std::vector<Finding>* out) const override {
    const std::string_view text = doc.masked();
    std::vector<bool> seen(terms_.size());
    std::vector<Span> words;
    std::string key;
    for (Span para : doc.paragraphs()) {
      words.clear();
      ForEachWord(text, para, [&](Span w) { words.push_back(w); });
      for (size_t i = 0; i < words.size(); ++i) {
        if (!MaybeFirstWord(text.substr(words[i].start, words[i].size()))) continue;
        key.assign(text.substr(words[i].start, words[i].size()));
        for (char& c : key) c = IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
        const size_t n = MatchAt(text, words, i, key, &seen, doc, out);
        if (n > 0) i += n - 1;
      }
    }
  }

 private:
  // Most words of a reply start no term. A bit per hash of every first word
  // turns them away without building a key and probing the map.
  static constexpr size_t kFilterBits = 1 << 16;

  // FNV-1a over the ASCII-lowercased word.
  static uint32_t WordHash(std::string_view word) {
    uint32_t h = 2166136261u;
    for (char c : word) {
      h ^= static_cast<unsigned char>(IsAsciiUpper(c) ? c - 'A' + 'a' : c);
      h *= 16777619u;
    }
    return h;
  }

  // False when no spelling can start with `word`, or with its singular as
  // MatchAt() forms it.
  bool MaybeFirstWord(std::string_view word) const {
    if (first_word_filter_[WordHash(word) % kFilterBits]) return true;
    if (word.size() <= 2 || (word.back() != 's' && word.back() != 'S')) return false;
    return first_word_filter_[WordHash(word.substr(0, word.size() - 1)) % kFilterBits] ||
           (word.size() > 3 && first_word_filter_[WordHash(word.substr(0, word.size() - 2)) % kFilterBits]);
  }

  // Tries the spellings that start with `key` (or, for a one-word plural,
  // with its singular) at words[i]; returns how many words matched.
  size_t MatchAt(std::string_view text, const std::vector<Span>& words, size_t i, const std::string& key,
                 std::vector<bool>* seen, const Document& doc, std::vector<Finding>* out) const {
    for (size_t strip : {0, 1, 2}) {  // "webhooks" -> "webhook", "boxes" -> "box"
      if (strip > 0 && (key.size() <= strip + 1 || key.back() != 's')) break;
      auto it = strip == 0 ? by_first_word_.find(key) : by_first_word_.find(key.substr(0, key.size() - strip));
      if (it == by_first_word_.end()) continue;
      for (const Variant& v : it->second) {
        const size_t n = v.words.size();
        if (i + n > words.size() || !Matches(text, words, i, v)) continue;
        if (!(*seen)[v.term]) {
          (*seen)[v.term] = true;
          Report(doc, {words[i].start, words[i + n - 1].end}, terms_[v.term], out);
        }
        return n;
      }
    }
    return 0;
  }

  static bool WordEquals(std::string_view actual, const std::string& expected, bool case_sensitive, bool last) {
    auto equal = [&](std::string_view a) {
      if (a.size() != expected.size()) return false;
      for (size_t k = 0; k < a.size(); ++k) {
        char c = a[k];
        if (!case_sensitive && IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
        if (c != expected[k]) return false;
      }
      return true;
    };
    if (equal(actual)) return true;
    // A plural of the last word: "webhooks", "VLANs", "proxies" stays simple.
    if (!last || actual.size() < 2 || (actual.back() != 's' && actual.back() != 'S')) return false;
    return equal(actual.substr(0, actual.size() - 1)) ||
           (actual.size() > 2 && actual[actual.size() - 2] == 'e' && equal(actual.substr(0, actual.size() - 2)));
  }

  // The plain wording as it fits after the word before the term. When it
  // brings its own article: "push a hotfix" -> "push an urgent fix" (the
  // span takes in the article before the term), and "your DHCP lease" ->
  // "your temporary network address" (after a possessive or a
  // demonstrative, the plain wording's article goes).
  static std::pair<Span, std::string> FitArticle(std::string_view text, Span span, const std::string& plain) {
    static constexpr std::string_view kArticles[] = {"a", "an", "the"};
    static constexpr std::string_view kDeterminers[] = {"your", "our", "my", "his", "her", "their", "its",
                                                        "this", "that", "these", "those", "any", "each", "every"};
    size_t article = 0;  // length of plain's article and its space
    for (std::string_view a : kArticles) {
      if (plain.size() > a.size() && plain[a.size()] == ' ' && AsciiLower(plain.substr(0, a.size())) == a) {
        article = a.size() + 1;
      }
    }
    if (article == 0) return {span, plain};
    size_t end = span.start;
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t start = end;
    while (start > 0 && IsWordByte(text[start - 1])) --start;
    if (end == span.start || start == end) return {span, plain};
    const std::string before = AsciiLower(text.substr(start, end - start));
    auto is = [&](const auto& words) { return std::find(std::begin(words), std::end(words), before) != std::end(words); };
    if (is(kArticles)) return {{start, span.end}, plain};
    if (is(kDeterminers)) return {span, plain.substr(article)};
    return {span, plain};
  }

  // Words i.. spell `v`, separated only by spaces, hyphens or slashes.
  static bool Matches(std::string_view text, const std::vector<Span>& words, size_t i, const Variant& v) {
    for (size_t k = 0; k < v.words.size(); ++k) {
      const Span w = words[i + k];
      if (!WordEquals(text.substr(w.start, w.size()), v.words[k], v.case_sensitive, k + 1 == v.words.size())) {
        return false;
      }
      if (k > 0) {
        const std::string_view gap = text.substr(words[i + k - 1].end, w.start - words[i + k - 1].end);
        if (gap.size() > 3 || gap.find_first_not_of(" -/\n") != std::string_view::npos) return false;
      }
    }
    return true;
  }

  void Report(const Document& doc, Span span, const Term& term, std::vector<Finding>* out) const {
    if (doc.IsExplained(term.normalized, span) ||
        doc.IsExplained(NormalizeTerm(doc.text().substr(span.start, span.size())), span)) {
      return;
    }
    const std::string original(doc.text().substr(span.start, span.size()));
    std::string plain;
    std::tie(span, plain) = FitArticle(doc.masked(), span, term.plain);
    std::vector<std::string> suggestions;
    if (!plain.empty()) {
      suggestions.push_back(FitSuggestion(doc, span, plain));
      suggestions.push_back(FitSuggestion(doc, span, plain + " (" + original + ")"));
    }
    Finding f = MakeFinding(doc, span, std::move(suggestions));
    if (!term.note.empty()) f.why = term.note;
    out->push_back(std::move(f));
  }

  std::vector<Term> terms_;
  std::unordered_map<std::string, std::vector<Variant>> by_first_word_;
  std::vector<bool> first_word_filter_ = std::vector<bool>(kFilterBits);
};

}  // namespace

std::unique_ptr<Check> MakeGlossaryFromTerms(RuleInfo info, const json& list, const LoadContext& ctx) {
  if (!list.is_array()) {
    ctx.Error("must be a list of {\"term\", \"plain\"}");
    return nullptr;
  }
  std::vector<Term> terms;
  std::vector<Variant> variants;
  for (size_t i = 0; i < list.size(); ++i) {
    const json& entry = list[i];
    const LoadContext item = ctx.At(i);
    std::vector<std::string> spellings;
    if (!entry.is_object() || !entry.contains("term") || !entry["term"].is_string() ||
        !item.Strings(entry, "forms", &spellings)) {
      item.Error("needs \"term\" (a string); skipped");
      continue;
    }
    const std::string term = entry["term"].get<std::string>();
    if (SplitWords(term, false).empty()) {
      item.At("term").Error("has no letters or digits; skipped");
      continue;
    }
    std::string plain, note;
    if (!item.String(entry, "plain", &plain) || !item.String(entry, "note", &note)) continue;
    spellings.insert(spellings.begin(), term);
    for (const std::string& s : spellings) {
      const bool case_sensitive = HasInnerCapital(s);
      std::vector<std::string> words = SplitWords(s, case_sensitive);
      if (!words.empty()) variants.push_back({std::move(words), case_sensitive, terms.size()});
    }
    terms.push_back({std::move(plain), std::move(note), NormalizeTerm(term)});
  }
  return std::make_unique<GlossaryCheck>(std::move(info), std::move(terms), std::move(variants));
}

std::unique_ptr<Check> MakeGlossaryCheck(const json& rule, RuleInfo info, const LoadContext& ctx) {
  DefaultPriority(rule, 3, &info);
  auto terms = rule.find("terms");
  if (terms == rule.end()) {
    ctx.At("terms").Error("is required");
    return nullptr;
  }
  return MakeGlossaryFromTerms(std::move(info), *terms, ctx.At("terms"));
}

}  // namespace tactful
