// Rule patterns: RE2 regexes with two conveniences for rule authors.
//   {NAME}  expands to a shared fragment (a macro), e.g. {APOS} for ' or ’.
//   a space matches any run of whitespace, so "sorry if" also matches a
//           line-wrapped "sorry\nif" or a no-break space in a browser editor.
// A named group (?P<span>...) narrows what is underlined.
#ifndef TACTFUL_CORE_PATTERN_H_
#define TACTFUL_CORE_PATTERN_H_

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "re2/re2.h"

namespace tactful {

using Macros = std::map<std::string, std::string, std::less<>>;

// The RE2 source for a rule pattern, or "" with *error set.
std::string ExpandPattern(std::string_view pattern, const Macros& macros, std::string* error);

struct PatternMatch {
  Span whole;
  Span span;  // the (?P<span>) group, or `whole`
  // Every group, groups[0] == whole, unmatched ones empty at npos; empty
  // until a narrower span or a suggestion quoting a group (see Render)
  // needs them, since finding them costs RE2 a slower engine than the DFA.
  std::vector<Span> groups;
};

// When a pattern's RE2 is built. kNow reports a regex that does not
// compile while the rule loads: every pattern from a configuration. The
// built-in packs use kFirstUse: their patterns are known to compile (the
// pack tests compile them all), and a check only ever runs the patterns of
// rules whose triggers fired, so most of them never need building. Building
// them all was half of engine construction, which a browser's background
// pays each time it is woken.
enum class CompileTime { kNow, kFirstUse };

class Pattern {
 public:
  // nullptr with *error set when the pattern does not compile (with kNow)
  // or its macros do not expand.
  static std::unique_ptr<Pattern> Compile(std::string_view source, const Macros& macros,
                                          bool case_sensitive, std::string* error,
                                          CompileTime when = CompileTime::kNow);

  // One pattern that matches wherever any of `patterns` does, compiled on
  // first use: one search of a text instead of one per pattern.
  static std::unique_ptr<Pattern> AnyOf(const std::vector<std::unique_ptr<Pattern>>& patterns);

  // Whether the regex compiled (a pattern from AnyOf may be too large).
  bool ok() const { return re().ok(); }

  // The expanded regex with its flags.
  const std::string& regex() const { return regex_; }

  // A regex that matches wherever regex() does, for the engine's RE2::Set:
  // regex() with its repetitions' upper bounds lifted. A window such as
  // [^.!?\n]{0,90} is ninety states of the set's automaton; unbounded, it
  // is one. A paragraph where only the looser form matches costs one
  // search with regex(), which finds nothing.
  std::string TriggerRegex() const;

  // Calls `fn(PatternMatch&)` for each non-overlapping match that starts
  // inside `where`.
  template <typename Fn>
  void ForEachMatch(std::string_view text, Span where, Fn&& fn) const {
    PatternMatch m;
    while (FirstMatch(text, where, &m)) {
      fn(m);
      where.start = m.whole.end > m.whole.start ? m.whole.end : m.whole.start + 1;
    }
  }
  // The leftmost match inside `where`, if any: one search, where
  // ForEachMatch would go on to the end of `where`.
  bool FirstMatch(std::string_view text, Span where, PatternMatch* match) const;
  bool Matches(std::string_view text, Span where) const;

  // Fills a suggestion template: $1..$9 and ${name} are capture groups.
  // The first group a template quotes fills m->groups, with one anchored
  // search over the match.
  std::string Render(std::string_view tmpl, std::string_view text, PatternMatch* m) const;

 private:
  explicit Pattern(std::string regex) : regex_(std::move(regex)) {}
  // The compiled regex, built on the first call; safe from any thread.
  const re2::RE2& re() const;
  // Fills m->groups from an anchored search over m->whole.
  void FillGroups(std::string_view text, PatternMatch* m) const;
  // The regex with its bounded repetitions of one character unbounded, and
  // the smallest bound it lifted; null if that changes nothing.
  const re2::RE2* Unbounded(size_t* bound) const;

  std::string regex_;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<re2::RE2> re_;
  mutable int span_group_ = -1;
  // Whether the (?P<span>) group, if any, is always the whole match: the
  // regex is the group with only zero-width assertions (\b, ^, $) around
  // it. Then a search needs no submatches, which RE2 finds with its DFAs
  // alone; asking for any group makes it run its NFA over the match.
  mutable bool span_is_whole_ = true;
  mutable std::once_flag unbounded_compiled_;
  mutable std::unique_ptr<re2::RE2> unbounded_;
  mutable size_t unbounded_bound_ = 0;
};

// Options every compiled rule regex uses (UTF-8, quiet, bounded memory).
re2::RE2::Options RuleRegexOptions();

}  // namespace tactful

#endif  // TACTFUL_CORE_PATTERN_H_
