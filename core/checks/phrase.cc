// existence and substitution: flag a phrase, optionally offer replacements.
// The two differ only in how the JSON lists them: existence shares one set
// of suggestions across its patterns, substitution gives each its own.
#include "core/checks/checks.h"
#include "core/checks/common.h"

namespace tactful {

namespace {

struct Phrase {
  std::unique_ptr<Pattern> pattern;
  std::vector<std::string> suggestions;  // templates
};

class PhraseCheck : public Check {
 public:
  PhraseCheck(RuleInfo info, std::vector<Phrase> phrases, Unless unless)
      : Check(std::move(info)), phrases_(std::move(phrases)), unless_(std::move(unless)) {}

  std::vector<std::string> Triggers() const override {
    std::vector<std::string> regexes;
    for (const Phrase& p : phrases_) regexes.push_back(p.pattern->TriggerRegex());
    return regexes;
  }

  void Run(const Document& doc, Span where, const std::vector<size_t>& fired,
           std::vector<Finding>* out) const override {
    Span clean;
    for (size_t i : fired) {
      const Phrase& phrase = phrases_[i];
      phrase.pattern->ForEachMatch(doc.masked(), where, [&](PatternMatch& m) {
        if (unless_.Excuses(doc, m.span, &clean)) return;
        out->push_back(MakeFinding(doc, m.span, RenderSuggestions(doc, *phrase.pattern, &m, phrase.suggestions)));
      });
    }
  }

 private:
  std::vector<Phrase> phrases_;
  Unless unless_;
};

}  // namespace

std::unique_ptr<Check> MakeExistenceCheck(const json& rule, RuleInfo info, const LoadContext& ctx) {
  Patterns patterns;
  Unless unless;
  std::vector<std::string> suggestions;
  if (!ctx.Patterns(rule, "patterns", true, IsCaseSensitive(rule), &patterns) || !ReadUnless(rule, ctx, &unless) ||
      !ctx.Strings(rule, "suggestions", &suggestions)) {
    return nullptr;
  }
  DefaultPriority(rule, 2, &info);
  std::vector<Phrase> phrases;
  for (auto& p : patterns) phrases.push_back({std::move(p), suggestions});
  return std::make_unique<PhraseCheck>(std::move(info), std::move(phrases), std::move(unless));
}

std::unique_ptr<Check> MakeSubstitutionCheck(const json& rule, RuleInfo info, const LoadContext& ctx) {
  auto swap = rule.find("swap");
  if (swap == rule.end() || !swap->is_array() || swap->empty()) {
    ctx.At("swap").Error("must be a non-empty list of {\"pattern\", \"suggestions\"}");
    return nullptr;
  }
  Unless unless;
  if (!ReadUnless(rule, ctx, &unless)) return nullptr;
  std::vector<Phrase> phrases;
  for (size_t i = 0; i < swap->size(); ++i) {
    const json& entry = (*swap)[i];
    const LoadContext item = ctx.At("swap").At(i);
    Patterns pattern;
    Phrase phrase;
    if (!entry.is_object() || !item.Patterns(entry, "pattern", true, IsCaseSensitive(rule), &pattern) ||
        !item.Strings(entry, "suggestions", &phrase.suggestions)) {
      if (!entry.is_object()) item.Error("must be an object");
      return nullptr;
    }
    if (pattern.size() != 1) {
      item.At("pattern").Error("must be a single pattern");
      return nullptr;
    }
    phrase.pattern = std::move(pattern.front());
    phrases.push_back(std::move(phrase));
  }
  DefaultPriority(rule, 2, &info);
  return std::make_unique<PhraseCheck>(std::move(info), std::move(phrases), std::move(unless));
}

}  // namespace tactful
