// The one interface every kind of check implements. A check is built from
// one JSON rule (see docs/rules.md) by the factory its type names in
// rule_loader.cc; it holds no per-reply state, so one engine serves any
// number of checks at once.
#ifndef TACTFUL_CORE_CHECK_H_
#define TACTFUL_CORE_CHECK_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/finding.h"

namespace tactful {

class Check {
 public:
  explicit Check(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Check() = default;
  Check(const Check&) = delete;
  Check& operator=(const Check&) = delete;

  const RuleInfo& info() const { return info_; }

  // Where the engine runs the check. kParagraph: on each paragraph where one
  // of its triggers matched. kReply: once over the whole reply (a word
  // scanner, a reply-level item), told which of its triggers occur in a
  // paragraph of the reply, so it never searches the reply for a pattern
  // that is not in it.
  enum class Scope { kParagraph, kReply };
  virtual Scope scope() const { return Scope::kParagraph; }

  // Regexes this check adds to the engine's RE2::Set, which is matched
  // against each paragraph, whatever the check's scope.
  virtual std::vector<std::string> Triggers() const = 0;

  // Appends findings for matches that start inside `where`. `fired` lists,
  // in ascending order, the indices into Triggers() that matched there (for
  // a kReply check: in any paragraph of the reply), so a check with many patterns
  // runs only those.
  virtual void Run(const Document& doc, Span where, const std::vector<size_t>& fired,
                   std::vector<Finding>* out) const = 0;

  // A reply-level checklist item's state, given the triggers that fired (as
  // for Run) and every finding of the reply; checks that are not checklist
  // items have none.
  virtual std::optional<ChecklistItem> Assess(const Document&, const std::vector<size_t>& /*fired*/,
                                              const std::vector<Finding>&) const {
    return std::nullopt;
  }

 protected:
  // A finding for `span` with this rule's metadata; the message's "{match}"
  // becomes the text of the span.
  Finding MakeFinding(const Document& doc, Span span, std::vector<std::string> suggestions) const;

 private:
  const RuleInfo info_;
};

}  // namespace tactful

#endif  // TACTFUL_CORE_CHECK_H_
