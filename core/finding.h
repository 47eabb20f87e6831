// What a check reports, and what a rule says about itself.
#ifndef TACTFUL_CORE_FINDING_H_
#define TACTFUL_CORE_FINDING_H_

#include <string>
#include <utility>
#include <vector>

#include "core/text.h"

namespace tactful {

struct Finding {
  std::string rule;
  std::string category;
  std::string severity;
  Span span;  // UTF-8 byte offsets into the checked text
  std::string message;
  std::string why;
  std::vector<std::string> suggestions;
  // When no suggestion fits in place: a sentence to start the rewrite with,
  // inserted at `starter_at` (the start of the finding's sentence). It is
  // a starting point with [bracketed] gaps for the agent to fill.
  std::string starter;
  size_t starter_at = 0;
  // When two findings of one category overlap, the higher priority wins (a
  // glossary entry with a plain alternative beats a bare "unknown acronym").
  int priority = 0;
};

struct RuleInfo {
  std::string id;
  std::string type;
  std::string category;
  std::string severity = "warning";
  std::string message;  // "{match}" stands for the matched text
  std::string why;
  std::string label;  // a checklist item's name in the checklist
  std::vector<std::string> audiences;  // empty: every audience
  std::string starter;  // see Finding::starter
  // The pack's examples by kind ("flag", "pass", "met", ...), sorted by kind.
  std::vector<std::pair<std::string, std::vector<std::string>>> examples;
  int priority = 1;

  bool AppliesTo(const std::string& audience) const;
};

// One line of the reply-level checklist (see core/checks/checklist.cc).
enum class ItemState { kMet, kWeak, kMissing, kNotApplicable };

struct ChecklistItem {
  std::string id;
  std::string label;
  ItemState state;
  Span evidence;  // what satisfied the item, when met or weak
};

}  // namespace tactful

#endif  // TACTFUL_CORE_FINDING_H_
