// checklist: one item of the reply-level checklist a team lead would run
// (HEARD: hear, empathize, apologize, resolve, diagnose). Every item reports
// a state through Assess(); an item marked "flag" also reports a structure
// finding when the reply needs it and lacks it.
//
//   present       what satisfies the item, anywhere in the agent's text
//   applies_when  the item matters only if one of these is in the agent's text
//                 (a promise to follow up; the reply naming the customer's
//                 frustration, which tells us they are upset)
//   applies_when_quoted  ... or in the quoted earlier message (an upset customer)
//   before        the first `present` must come before the first of these;
//                 a finding then points only at what came too early, so a
//                 reply with no explanation at all is never nagged
//   weakened_by   a category whose findings make a present item "weak"
//                 (an apology with an "if" is there, but not sincere)
#include <algorithm>

#include "core/checks/checks.h"
#include "core/checks/common.h"

namespace tactful {

namespace {

constexpr Span kNowhere{std::string_view::npos, std::string_view::npos};

// The quoted earlier messages as text of their own: the engine masks them
// out of what rules see, but whether the customer was upset lives there.
std::string QuotedText(const Document& doc) {
  std::string quoted;
  for (Span s : doc.excluded()) {
    quoted.append(doc.text().substr(s.start, s.size()));
    quoted += '\n';
  }
  return quoted;
}

class ChecklistCheck : public Check {
 public:
  struct Spec {
    Patterns present, applies_when, applies_when_quoted, before;
    std::string weakened_by;
    bool flag = false;
  };

  ChecklistCheck(RuleInfo info, Spec spec) : Check(std::move(info)), spec_(std::move(spec)) {}

  Scope scope() const override { return Scope::kReply; }

  // `present`, then `applies_when`, then `before`; the quoted text is not
  // the agent's, so `applies_when_quoted` is searched on its own.
  std::vector<std::string> Triggers() const override {
    std::vector<std::string> regexes;
    AppendRegexes(spec_.present, &regexes);
    AppendRegexes(spec_.applies_when, &regexes);
    AppendRegexes(spec_.before, &regexes);
    return regexes;
  }

  void Run(const Document& doc, Span, const std::vector<size_t>& fired, std::vector<Finding>* out) const override {
    if (!spec_.flag) return;
    const Evaluation e = Evaluate(doc, fired);
    if (e.state == ItemState::kMissing && e.cause.start != std::string_view::npos) {
      out->push_back(MakeFinding(doc, e.cause, {}));
    }
  }

  std::optional<ChecklistItem> Assess(const Document& doc, const std::vector<size_t>& fired,
                                      const std::vector<Finding>& findings) const override {
    const Evaluation e = Evaluate(doc, fired);
    ChecklistItem item{info().id, label(), e.state, kNowhere};
    if (item.state != ItemState::kMet) return item;
    item.evidence = e.present;
    if (!spec_.weakened_by.empty() &&
        std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.category == spec_.weakened_by; })) {
      item.state = ItemState::kWeak;
    }
    return item;
  }

 private:
  struct Evaluation {
    ItemState state;
    Span present = kNowhere;  // the first match that satisfies the item
    Span cause = kNowhere;    // where a finding points: what came too early, or what made the item apply
  };

  const std::string& label() const { return info().label.empty() ? info().message : info().label; }

  Evaluation Evaluate(const Document& doc, const std::vector<size_t>& fired) const {
    const std::string_view text = doc.masked();
    const Span all{0, text.size()};
    const size_t applies_at = spec_.present.size();
    const size_t before_at = applies_at + spec_.applies_when.size();
    Span trigger = kNowhere;
    if (!spec_.applies_when.empty() || !spec_.applies_when_quoted.empty()) {
      trigger = FirstMatch(spec_.applies_when, text, all, fired, applies_at);
      bool applies = trigger.start != std::string_view::npos;
      if (!applies && !spec_.applies_when_quoted.empty()) {
        const std::string quoted = QuotedText(doc);
        applies = FirstMatch(spec_.applies_when_quoted, quoted, {0, quoted.size()}).start != std::string_view::npos;
      }
      if (!applies) return {ItemState::kNotApplicable};
    }
    const Span present = FirstMatch(spec_.present, text, all, fired, 0);
    const Span early = FirstMatch(spec_.before, text, all, fired, before_at);
    const Span cause = spec_.before.empty() ? trigger : early;
    const bool met = present.start != std::string_view::npos && early.start >= present.start;
    return {met ? ItemState::kMet : ItemState::kMissing, present, cause};
  }

  Spec spec_;
};

}  // namespace

std::unique_ptr<Check> MakeChecklistCheck(const json& rule, RuleInfo info, const LoadContext& ctx) {
  const bool case_sensitive = IsCaseSensitive(rule);
  ChecklistCheck::Spec spec;
  if (!ctx.Patterns(rule, "present", true, case_sensitive, &spec.present) ||
      !ctx.Patterns(rule, "applies_when", false, case_sensitive, &spec.applies_when) ||
      !ctx.Patterns(rule, "applies_when_quoted", false, case_sensitive, &spec.applies_when_quoted) ||
      !ctx.Patterns(rule, "before", false, case_sensitive, &spec.before) ||
      !ctx.String(rule, "weakened_by", &spec.weakened_by) || !ctx.String(rule, "label", &info.label)) {
    return nullptr;
  }
  if (auto flag = rule.find("flag"); flag != rule.end()) {
    if (!flag->is_boolean()) {
      ctx.At("flag").Error("must be true or false");
      return nullptr;
    }
    spec.flag = flag->get<bool>();
  }
  if (spec.flag && spec.applies_when.empty() && spec.before.empty()) {
    // A finding needs a place to point at.
    ctx.At("flag").Error("needs \"applies_when\" or \"before\" to point a finding at");
    return nullptr;
  }
  DefaultPriority(rule, 0, &info);
  return std::make_unique<ChecklistCheck>(std::move(info), std::move(spec));
}

}  // namespace tactful
