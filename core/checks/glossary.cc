// glossary: technical terms with a plain-language alternative. Organizations
// add thousands of their own, so matching is a dictionary lookup on words,
// not a regex per term: the cost per word stays flat however long the list.
#include <algorithm>
#include <cstdint>
#include <tuple>

#include "core/checks/checks.h"
#include "core/checks/common.h"
#include "core/words.h"

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

// A bit per key, at least sixteen bits per key it holds: "no" for
// certain, "maybe" for about one key in sixteen it does not hold. Its size
// follows the keys, so a short glossary's filter stays in cache.
class KeyFilter {
 public:
  explicit KeyFilter(size_t keys) {
    while ((size_t{1} << log2_bits_) < 16 * keys) ++log2_bits_;
    bits_.resize((size_t{1} << log2_bits_) / 64);
  }
  void Add(uint32_t key) { bits_[Bit(key) / 64] |= uint64_t{1} << (Bit(key) % 64); }
  bool MayHold(uint32_t key) const { return (bits_[Bit(key) / 64] >> (Bit(key) % 64)) & 1; }

 private:
  uint32_t Bit(uint32_t key) const { return key & ((uint32_t{1} << log2_bits_) - 1); }

  int log2_bits_ = 6;
  std::vector<uint64_t> bits_;
};

// The spellings by their first word, keyed by the word's WordHash (which
// the document's word index already holds), open-addressed: a lookup is a
// probe or two of a flat array however many terms there are, with no key
// to build.
class FirstWordTable {
 public:
  // Room for `capacity` distinct first words, at most half full.
  explicit FirstWordTable(size_t capacity) {
    while ((size_t{1} << bits_) < 2 * capacity) ++bits_;
    slots_.resize(size_t{1} << bits_);
  }

  // The spellings that start with `first_word` (ASCII case ignored), to add to.
  std::vector<Variant>* Add(std::string_view first_word) {
    const uint32_t hash = WordHash(first_word);
    Slot& slot = slots_[Probe(hash, first_word)];
    if (slot.group == kEmpty) {
      slot = {hash, static_cast<uint32_t>(groups_.size())};
      groups_.push_back({AsciiLower(first_word), {}});
    }
    return &groups_[slot.group].variants;
  }

  // The spellings that start with `word`, whose WordHash is `hash`; null if none.
  const std::vector<Variant>* Find(uint32_t hash, std::string_view word) const {
    const Slot& slot = slots_[Probe(hash, word)];
    return slot.group == kEmpty ? nullptr : &groups_[slot.group].variants;
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t hash = 0;
    uint32_t group = kEmpty;
  };
  struct Group {
    std::string first_word;  // lower case
    std::vector<Variant> variants;
  };

  // The slot holding `word`, or the empty one where it would go. Fibonacci
  // hashing takes the slot from the hash's best-mixed (high) bits.
  size_t Probe(uint32_t hash, std::string_view word) const {
    const size_t mask = slots_.size() - 1;
    for (size_t s = (hash * 0x9E3779B1u) >> (32 - bits_);; s = (s + 1) & mask) {
      const Slot& slot = slots_[s];
      if (slot.group == kEmpty || (slot.hash == hash && EqualsAsciiFolded(word, groups_[slot.group].first_word))) {
        return s;
      }
    }
  }

  int bits_ = 1;
  std::vector<Slot> slots_;
  std::vector<Group> groups_;
};

// Most words of a reply start no spelling: a filter of first words turns
// them away, one test a word; for a first word, a filter of first pairs
// ("the cert", or "webhook" and no second word) turns away the common ones
// ("the customer"). What passes both is looked up and compared.
class GlossaryCheck : public Check {
 public:
  GlossaryCheck(RuleInfo info, std::vector<Term> terms, std::vector<Variant> variants)
      : Check(std::move(info)),
        terms_(std::move(terms)),
        maybe_first_(3 * variants.size()),
        maybe_start_(3 * variants.size()),
        first_words_(variants.size()) {
    // Longest spelling first, so "DNS propagation" wins over "DNS".
    std::stable_sort(variants.begin(), variants.end(),
                     [](const Variant& a, const Variant& b) { return a.words.size() > b.words.size(); });
    for (Variant& v : variants) {
      const std::vector<uint32_t> last_forms = LastForms(v);
      if (v.words.size() == 1) {
        for (uint32_t form : last_forms) maybe_first_.Add(form);
      } else {
        maybe_first_.Add(WordHash(v.words[0]));
      }
      for (uint32_t key : StartKeys(v, last_forms)) maybe_start_.Add(key);
      first_words_.Add(v.words[0])->push_back(std::move(v));
    }
  }

  Scope scope() const override { return Scope::kReply; }
  std::vector<std::string> Triggers() const override { return {}; }

  void Run(const Document& doc, Span, const std::vector<size_t>&, std::vector<Finding>* out) const override {
    const WordIndex& words = doc.words();
    std::vector<bool> seen(terms_.size());
    for (size_t p = 0; p < doc.paragraphs().size(); ++p) {
      const WordIndex::Range para = words.paragraph(p);
      for (size_t i = para.begin; (i = NextMaybeStart(words, i, para.end)) < para.end;) {
        i += std::max<size_t>(MatchAt(doc, words, i, para.end, &seen, out), 1);
      }
    }
  }

 private:
  static constexpr uint32_t kNoWord = 0;  // the second word of a one-word spelling

  // A spelling's first two words as one filter key. Mixed and rotated, so
  // that the low bits KeyFilter uses depend on all of first's: a word that
  // passes maybe_first_ by chance is unlikely to pass maybe_start_ too.
  static uint32_t PairKey(uint32_t first, uint32_t second) {
    const uint32_t mixed = first * 0x9E3779B1u;
    return (mixed >> 16 | mixed << 16) ^ second;
  }

  // WordHash of a spelling's last word in each form WordEquals() takes it:
  // as written, "webhooks", "boxes".
  static std::vector<uint32_t> LastForms(const Variant& v) {
    const std::string& last = v.words.back();
    return {WordHash(last), WordHash(last + "s"), WordHash(last + "es")};
  }

  // What maybe_start_ holds for a spelling: its first two words in each
  // form WordEquals() takes. "the cert" is rare where "the" is everywhere.
  static std::vector<uint32_t> StartKeys(const Variant& v, const std::vector<uint32_t>& last_forms) {
    const uint32_t first = WordHash(v.words[0]);
    if (v.words.size() > 2) return {PairKey(first, WordHash(v.words[1]))};
    std::vector<uint32_t> keys;
    for (uint32_t form : last_forms) keys.push_back(v.words.size() == 1 ? PairKey(form, kNoWord) : PairKey(first, form));
    return keys;
  }

  // The first word from i on where a spelling may start, or `end`. A loop
  // of its own, without calls, keeps the filters in registers.
  size_t NextMaybeStart(const WordIndex& words, size_t i, size_t end) const {
    for (; i < end; ++i) {
      const uint32_t hash = words.hash(i);
      if (!maybe_first_.MayHold(hash)) continue;
      if (maybe_start_.MayHold(PairKey(hash, kNoWord)) ||
          (i + 1 < end && maybe_start_.MayHold(PairKey(hash, words.hash(i + 1))))) {
        return i;
      }
    }
    return end;
  }

  // Tries the spellings that start with word i (or, for a one-word plural,
  // with its singular), within words that end at `end`; returns how many
  // words matched.
  size_t MatchAt(const Document& doc, const WordIndex& words, size_t i, size_t end, std::vector<bool>* seen,
                 std::vector<Finding>* out) const {
    const std::string_view text = doc.masked();
    const std::string_view word = text.substr(words.span(i).start, words.span(i).size());
    uint32_t hash = words.hash(i);
    for (size_t strip : {0, 1, 2}) {  // "webhooks" -> "webhook", "boxes" -> "box"
      if (strip > 0) {
        if (word.size() <= strip + 1 || FoldAscii(word.back()) != 's') break;
        hash = WordHashWithoutLast(hash, word[word.size() - strip]);
      }
      const std::vector<Variant>* variants = first_words_.Find(hash, word.substr(0, word.size() - strip));
      if (!variants) continue;
      for (const Variant& v : *variants) {
        const size_t n = v.words.size();
        if (i + n > end || !Matches(text, words, i, v)) continue;
        if (!(*seen)[v.term]) {
          (*seen)[v.term] = true;
          Report(doc, {words.span(i).start, words.span(i + n - 1).end}, terms_[v.term], out);
        }
        return n;
      }
    }
    return 0;
  }

  static bool WordEquals(std::string_view actual, const std::string& expected, bool case_sensitive, bool last) {
    auto equal = [&](std::string_view a) { return case_sensitive ? a == expected : EqualsAsciiFolded(a, expected); };
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
  static bool Matches(std::string_view text, const WordIndex& words, size_t i, const Variant& v) {
    for (size_t k = 0; k < v.words.size(); ++k) {
      const Span w = words.span(i + k);
      if (!WordEquals(text.substr(w.start, w.size()), v.words[k], v.case_sensitive, k + 1 == v.words.size())) {
        return false;
      }
      if (k > 0) {
        const std::string_view gap = text.substr(words.span(i + k - 1).end, w.start - words.span(i + k - 1).end);
        if (gap.size() > 3 || gap.find_first_not_of(" -/\n") != std::string_view::npos) return false;
      }
    }
    return true;
  }

  // "CR-77341", "INC_0042", "#CR": a ticket or case number that starts
  // with a term's letters names the ticket; it uses no jargon.
  static bool IsReferenceNumber(std::string_view text, Span span) {
    const auto at = [&](size_t i) { return i < text.size() ? text[i] : ' '; };
    return (span.start > 0 && text[span.start - 1] == '#') ||
           ((at(span.end) == '-' || at(span.end) == '_') && IsAsciiDigit(at(span.end + 1)));
  }

  void Report(const Document& doc, Span span, const Term& term, std::vector<Finding>* out) const {
    if (IsReferenceNumber(doc.masked(), span)) return;
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
  KeyFilter maybe_first_;  // the first word of every spelling, in each form it may take
  KeyFilter maybe_start_;  // see StartKeys
  FirstWordTable first_words_;
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
