// Pieces the phrase-based checks share: exceptions and suggestions.
#ifndef TACTFUL_CORE_CHECKS_COMMON_H_
#define TACTFUL_CORE_CHECKS_COMMON_H_

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/pattern.h"
#include "core/rule_loader.h"

namespace tactful {

using Patterns = std::vector<std::unique_ptr<Pattern>>;

// How far around a match the context-sensitive checks look, in bytes.
inline constexpr size_t kMaxContextBytes = 1000;

// Where a rule's `unless` patterns look for an exception: the sentences that
// hold the finding, those plus the next sentence (an alternative offered
// right after a refusal), or the whole paragraph.
enum class UnlessScope { kSentence, kNextSentence, kParagraph };

// An exception-checking list of patterns with their scope ("unless" and
// "unless_scope" in a rule).
struct Unless {
  Patterns patterns;
  std::unique_ptr<Pattern> any;  // all of `patterns` in one regex
  UnlessScope scope = UnlessScope::kSentence;

  // Whether any pattern matches around `span`. `*clean` is a stretch of
  // the reply known to hold no match (start it empty, keep it across the
  // calls of one Run): findings that share a sentence look in the same
  // place, and a search inside a stretch with no match cannot find one.
  bool Excuses(const Document& doc, Span span, Span* clean) const;
};

// The earliest match of any of `patterns` in `where`, or {npos, npos}.
Span FirstMatch(const Patterns& patterns, std::string_view text, Span where);

// The same for a reply-level check whose patterns are its triggers from
// index `first_trigger` on: only those in `fired` (sorted) can match, so
// only those are searched.
Span FirstMatch(const Patterns& patterns, std::string_view text, Span where, const std::vector<size_t>& fired,
                size_t first_trigger);

// Whether any of the triggers [first, first + n) is in `fired` (sorted).
bool AnyFired(const std::vector<size_t>& fired, size_t first, size_t n);

// Reads "unless" and "unless_scope"; false (with an error) when invalid.
bool ReadUnless(const json& rule, const LoadContext& ctx, Unless* out);

// Fills each template from the match and fits it to where it goes: a
// replacement at the start of a sentence starts with a capital.
std::vector<std::string> RenderSuggestions(const Document& doc, const Pattern& pattern, PatternMatch* match,
                                           const std::vector<std::string>& templates);

// Capitalizes `suggestion` when `span` starts a sentence; collapses the
// double spaces an empty capture group can leave.
std::string FitSuggestion(const Document& doc, Span span, std::string suggestion);

// Whether the rule asks for case-sensitive matching ("case": "sensitive").
bool IsCaseSensitive(const json& rule);

// Sets info->priority to `fallback` unless the rule gives its own.
void DefaultPriority(const json& rule, int fallback, RuleInfo* info);

// Appends to `out` every pattern's RE2 source.
void AppendRegexes(const Patterns& patterns, std::vector<std::string>* out);

}  // namespace tactful

#endif  // TACTFUL_CORE_CHECKS_COMMON_H_
