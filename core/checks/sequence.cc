// sequence: one phrase followed by another within the same sentence or the
// next one, e.g. an apology and the "but" or "however" that takes it back.
#include "core/checks/checks.h"
#include "core/checks/common.h"

namespace tactful {

namespace {

class SequenceCheck : public Check {
 public:
  // What to underline: the whole stretch, or only the phrase that follows
  // (a "However" that opens the next sentence reads best marked alone).
  enum class Mark { kBoth, kThen };

  SequenceCheck(RuleInfo info, Patterns first, Patterns then, Unless unless, bool next_sentence, Mark mark)
      : Check(std::move(info)),
        first_(std::move(first)),
        then_(std::move(then)),
        unless_(std::move(unless)),
        next_sentence_(next_sentence),
        mark_(mark) {}

  std::vector<std::string> Triggers() const override {
    std::vector<std::string> regexes;
    AppendRegexes(first_, &regexes);
    return regexes;
  }

  void Run(const Document& doc, Span where, const std::vector<size_t>& fired,
           std::vector<Finding>* out) const override {
    if (where.start >= where.end || !AnyThen(doc, Reach(doc, where))) return;
    Span clean;
    for (size_t i : fired) {
      PatternMatch t;
      first_[i]->ForEachMatch(doc.masked(), where, [&](const PatternMatch& m) {
        const Span follow = FollowingText(doc, m.span);
        for (const auto& then : then_) {
          if (!then->FirstMatch(doc.masked(), follow, &t)) continue;
          const Span whole{m.span.start, t.span.end};
          if (!unless_.Excuses(doc, whole, &clean)) {
            out->push_back(MakeFinding(doc, mark_ == Mark::kThen ? t.span : whole, {}));
          }
          break;
        }
      });
    }
  }

 private:
  // The stretch that holds FollowingText of every match starting inside
  // `where`: a later match's sentence is no earlier, its end no later.
  Span Reach(const Document& doc, Span where) const {
    const Span last = FollowingText(doc, {where.end - 1, where.end});
    return {where.start, std::max(where.end, last.end)};
  }

  // Whether a second phrase occurs in `reach`. Most paragraphs with an
  // apology have no "however" after it; one search of the whole reach
  // then stands for the searches after each apology, each inside it,
  // where a search that finds nothing in a stretch cannot find anything.
  bool AnyThen(const Document& doc, Span reach) const {
    for (const auto& then : then_) {
      if (then->Matches(doc.masked(), reach)) return true;
    }
    return false;
  }

  // From the end of `span` to the end of its sentence, or of the next one.
  Span FollowingText(const Document& doc, Span span) const {
    const auto& sentences = doc.sentences();
    size_t i = doc.SentenceIndexAt(span.start);
    if (i >= sentences.size()) return {span.end, span.end};
    if (next_sentence_ && i + 1 < sentences.size()) ++i;
    return {span.end, std::max(span.end, std::min(sentences[i].end, span.end + kMaxContextBytes))};
  }

  Patterns first_, then_;
  Unless unless_;
  bool next_sentence_;
  Mark mark_;
};

}  // namespace

std::unique_ptr<Check> MakeSequenceCheck(const json& rule, RuleInfo info, const LoadContext& ctx) {
  const bool case_sensitive = IsCaseSensitive(rule);
  Patterns first, then;
  Unless unless;
  if (!ctx.Patterns(rule, "first", true, case_sensitive, &first) ||
      !ctx.Patterns(rule, "then", true, case_sensitive, &then) || !ReadUnless(rule, ctx, &unless)) {
    return nullptr;
  }
  std::string within = "sentence";
  if (!ctx.String(rule, "within", &within)) return nullptr;
  if (within != "sentence" && within != "next_sentence") {
    ctx.At("within").Error("must be \"sentence\" or \"next_sentence\"");
    return nullptr;
  }
  std::string span = "both";
  if (!ctx.String(rule, "span", &span)) return nullptr;
  if (span != "both" && span != "then") {
    ctx.At("span").Error("must be \"both\" or \"then\"");
    return nullptr;
  }
  DefaultPriority(rule, 2, &info);
  return std::make_unique<SequenceCheck>(std::move(info), std::move(first), std::move(then), std::move(unless),
                                         within == "next_sentence",
                                         span == "then" ? SequenceCheck::Mark::kThen : SequenceCheck::Mark::kBoth);
}

}  // namespace tactful
