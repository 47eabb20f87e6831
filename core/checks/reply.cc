// reply: a check on the reply as a whole, e.g. "apologises but never says
// what happens next". It fires when a `when` pattern matches somewhere and
// no `missing` pattern matches anywhere, and points at the first `when`.
#include "core/checks/checks.h"
#include "core/checks/common.h"

namespace tactful {

namespace {

class ReplyCheck : public Check {
 public:
  ReplyCheck(RuleInfo info, Patterns when, Patterns missing)
      : Check(std::move(info)), when_(std::move(when)), missing_(std::move(missing)) {}

  Scope scope() const override { return Scope::kReply; }

  // `when` patterns first, then `missing`.
  std::vector<std::string> Triggers() const override {
    std::vector<std::string> regexes;
    AppendRegexes(when_, &regexes);
    AppendRegexes(missing_, &regexes);
    return regexes;
  }

  void Run(const Document& doc, Span where, const std::vector<size_t>& fired,
           std::vector<Finding>* out) const override {
    if (AnyFired(fired, when_.size(), missing_.size())) return;
    const Span first = FirstMatch(when_, doc.masked(), where, fired, 0);
    if (first.start != std::string_view::npos) out->push_back(MakeFinding(doc, first, {}));
  }

 private:
  Patterns when_, missing_;
};

}  // namespace

std::unique_ptr<Check> MakeReplyCheck(const json& rule, RuleInfo info, const LoadContext& ctx) {
  const bool case_sensitive = IsCaseSensitive(rule);
  Patterns when, missing;
  if (!ctx.Patterns(rule, "when", true, case_sensitive, &when) ||
      !ctx.Patterns(rule, "missing", true, case_sensitive, &missing)) {
    return nullptr;
  }
  DefaultPriority(rule, 0, &info);
  return std::make_unique<ReplyCheck>(std::move(info), std::move(when), std::move(missing));
}

}  // namespace tactful
