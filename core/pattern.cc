#include "core/pattern.h"

#include <algorithm>
#include <climits>

#include "absl/container/fixed_array.h"
#include "re2/regexp.h"

namespace tactful {

using re2::RE2;

namespace {

constexpr int kMaxMacroDepth = 4;
constexpr int64_t kPatternMaxMem = 8 << 20;

// Submatches for one search; on the stack for the few groups rules use,
// since a search runs for every match of every rule.
using Submatches = absl::FixedArray<absl::string_view, 16>;

bool IsMacroNameChar(char c) { return IsAsciiUpper(c) || IsAsciiDigit(c) || c == '_'; }

bool IsQuantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

// One pass of macro expansion and space rewriting; `*expanded` tells whether
// a macro was found (its text may hold further macros).
std::string ExpandOnce(std::string_view p, const Macros& macros, bool* expanded, std::string* error) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      out += p.substr(i, 2);
      ++i;
    } else if (in_class) {
      out += c;
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      out += c;
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];  // "[]...]"
    } else if (c == '{' && i + 1 < p.size() && IsAsciiUpper(p[i + 1])) {
      size_t end = i + 1;
      while (end < p.size() && IsMacroNameChar(p[end])) ++end;
      if (end >= p.size() || p[end] != '}') {
        out += c;
        continue;
      }
      const std::string_view name = p.substr(i + 1, end - i - 1);
      auto it = macros.find(name);
      if (it == macros.end()) {
        *error = "unknown macro {" + std::string(name) + "}";
        return "";
      }
      out += "(?:" + it->second + ")";
      *expanded = true;
      i = end;
    } else if (c == ' ') {
      const bool quantified = i + 1 < p.size() && IsQuantifier(p[i + 1]);
      out += quantified ? "\\s" : "\\s+";
    } else {
      out += c;
    }
  }
  return out;
}

bool IsZeroWidth(re2::Regexp* re) {
  switch (re->op()) {
    case re2::kRegexpEmptyMatch:
    case re2::kRegexpBeginLine:
    case re2::kRegexpEndLine:
    case re2::kRegexpWordBoundary:
    case re2::kRegexpNoWordBoundary:
    case re2::kRegexpBeginText:
    case re2::kRegexpEndText:
      return true;
    default:
      return false;
  }
}

// Whether capture group `cap` always spans exactly what `re` matches: `re`
// is the group itself, or a concatenation of zero-width assertions and one
// part that is. Anything else (an alternation, a repetition, a character)
// may make the match longer than the group.
bool CaptureIsWhole(re2::Regexp* re, int cap) {
  if (re->op() == re2::kRegexpCapture) return re->cap() == cap;
  if (re->op() != re2::kRegexpConcat) return false;
  int covering = 0;
  for (int i = 0; i < re->nsub(); ++i) {
    re2::Regexp* sub = re->sub()[i];
    if (IsZeroWidth(sub)) continue;
    if (!CaptureIsWhole(sub, cap)) return false;
    ++covering;
  }
  return covering == 1;
}

// `regex` with every {m,n} outside a character class made {m,}.
std::string WithoutUpperBounds(std::string_view regex) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {
      out += regex.substr(i++, 2);
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (regex.substr(i + 1, 1) == "]" || regex.substr(i + 1, 2) == "^]") {  // "[]...]", "[^]...]"
        const size_t n = regex[i + 1] == ']' ? 1 : 2;
        out += regex.substr(i, n + 1);
        i += n;
        continue;
      }
    } else if (c == ',' && i + 1 < regex.size() && IsAsciiDigit(regex[i + 1])) {
      size_t end = i + 1;
      while (end < regex.size() && IsAsciiDigit(regex[end])) ++end;
      if (end < regex.size() && regex[end] == '}') {
        out += ',';
        i = end - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

bool IsOneCharacter(re2::Regexp* re) {
  const re2::RegexpOp op = re->op();
  return op == re2::kRegexpLiteral || op == re2::kRegexpCharClass || op == re2::kRegexpAnyChar ||
         op == re2::kRegexpAnyByte;
}

// Whether `unbounded` parses like `re` but for repetitions of one character
// that lost their upper bound; lowers *bound to the smallest bound lost.
bool DiffersOnlyInBounds(re2::Regexp* re, re2::Regexp* unbounded, int* bound) {
  if (re->op() != unbounded->op() || re->nsub() != unbounded->nsub() ||
      re->parse_flags() != unbounded->parse_flags()) {
    return false;
  }
  if (re->op() == re2::kRegexpRepeat) {
    if (re->min() != unbounded->min()) return false;
    if (re->max() != unbounded->max()) {
      if (unbounded->max() != -1 || !IsOneCharacter(re->sub()[0])) return false;
      *bound = std::min(*bound, re->max());
    }
  } else if (re->op() == re2::kRegexpCapture) {
    if (re->cap() != unbounded->cap()) return false;
  } else if (re->nsub() == 0 && re->ToString() != unbounded->ToString()) {
    return false;
  }
  for (int i = 0; i < re->nsub(); ++i) {
    if (!DiffersOnlyInBounds(re->sub()[i], unbounded->sub()[i], bound)) return false;
  }
  return true;
}

// Where submatch `g` of a search in `text` lies; {npos, npos} if unmatched.
Span ToSpan(std::string_view text, absl::string_view g) {
  if (g.data() == nullptr) return {std::string_view::npos, std::string_view::npos};
  const size_t start = g.data() - text.data();
  return {start, start + g.size()};
}

}  // namespace

std::string Pattern::TriggerRegex() const { return WithoutUpperBounds(regex_); }

re2::RE2::Options RuleRegexOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  // Caps the memory one pattern may take; a pathological pattern fails to
  // compile with a clear error instead of exhausting the tab's memory.
  options.set_max_mem(kPatternMaxMem);
  return options;
}

std::string ExpandPattern(std::string_view pattern, const Macros& macros, std::string* error) {
  std::string current(pattern);
  for (int depth = 0; depth <= kMaxMacroDepth; ++depth) {
    bool expanded = false;
    std::string next = ExpandOnce(current, macros, &expanded, error);
    if (!error->empty()) return "";
    if (!expanded) return next;
    // Macro text may itself hold macros and spaces; "\s+" written by the
    // first pass is an escape, so the next pass copies it unchanged.
    current = std::move(next);
  }
  *error = "macros nest too deeply";
  return "";
}

const RE2& Pattern::re() const {
  std::call_once(compiled_, [this] {
    re_ = std::make_unique<RE2>(regex_, RuleRegexOptions());
    auto it = re_->NamedCapturingGroups().find("span");
    if (it != re_->NamedCapturingGroups().end()) {
      span_group_ = it->second;
      span_is_whole_ = CaptureIsWhole(re_->Regexp(), span_group_);
    }
  });
  return *re_;
}

std::unique_ptr<Pattern> Pattern::Compile(std::string_view source, const Macros& macros,
                                          bool case_sensitive, std::string* error, CompileTime when) {
  error->clear();
  if (source.empty()) {
    *error = "empty pattern";
    return nullptr;
  }
  std::string expanded = ExpandPattern(source, macros, error);
  if (!error->empty()) return nullptr;
  if (!case_sensitive) expanded = "(?i)" + expanded;
  std::unique_ptr<Pattern> p(new Pattern(std::move(expanded)));
  if (when == CompileTime::kFirstUse) return p;
  if (p->re().error_code() == RE2::ErrorPatternTooLarge) {
    *error = "pattern too large: it needs more than " + std::to_string(kPatternMaxMem >> 20) +
             " MB to compile";
    return nullptr;
  }
  if (!p->re().ok()) {
    *error = "invalid pattern: " + p->re().error();
    return nullptr;
  }
  return p;
}

bool Pattern::FirstMatch(std::string_view text, Span where, PatternMatch* match) const {
  const RE2& re = this->re();
  if (where.start >= where.end) return false;
  const absl::string_view input(text.data(), text.size());
  match->groups.clear();
  size_t bound = 0;
  if (span_is_whole_ || Unbounded(&bound) != nullptr) {
    absl::string_view whole;
    if (!re.Match(input, where.start, where.end, RE2::UNANCHORED, &whole, 1)) return false;
    match->whole = match->span = ToSpan(text, whole);
    // A narrower span comes from the groups, which the regex without its
    // bounds finds faster than RE2 would with the regex itself.
    if (!span_is_whole_) {
      FillGroups(text, match);
      if (match->groups[span_group_].start != std::string_view::npos) match->span = match->groups[span_group_];
    }
    return true;
  }
  Submatches sub(1 + span_group_);
  if (!re.Match(input, where.start, where.end, RE2::UNANCHORED, sub.data(), sub.size())) return false;
  match->whole = ToSpan(text, sub[0]);
  match->span = sub[span_group_].data() != nullptr ? ToSpan(text, sub[span_group_]) : match->whole;
  return true;
}

std::unique_ptr<Pattern> Pattern::AnyOf(const std::vector<std::unique_ptr<Pattern>>& patterns) {
  std::string regex;
  for (const auto& p : patterns) {
    // A group keeps each pattern's flags, e.g. (?i), to itself.
    regex += (regex.empty() ? "(?:" : "|(?:") + p->regex() + ")";
  }
  return std::unique_ptr<Pattern>(new Pattern(std::move(regex)));
}

const RE2* Pattern::Unbounded(size_t* bound) const {
  std::call_once(unbounded_compiled_, [this] {
    const std::string regex = WithoutUpperBounds(regex_);
    if (regex == regex_) return;
    auto unbounded = std::make_unique<RE2>(regex, RuleRegexOptions());
    int lifted = INT_MAX;
    if (!unbounded->ok() || !DiffersOnlyInBounds(re().Regexp(), unbounded->Regexp(), &lifted)) return;
    unbounded_ = std::move(unbounded);
    unbounded_bound_ = lifted;
  });
  *bound = unbounded_bound_;
  return unbounded_.get();
}

void Pattern::FillGroups(std::string_view text, PatternMatch* m) const {
  // A repetition of one character can repeat at most once per byte of the
  // match, so within a match no longer than its bound the bound changes no
  // parse. Without it the regex is far smaller ("[^.]{0,90}" is 90 copies
  // of the class), small enough for RE2's BitState instead of its NFA.
  size_t bound = 0;
  const RE2* unbounded = Unbounded(&bound);
  const RE2& re = unbounded && m->whole.size() <= bound ? *unbounded : this->re();
  Submatches sub(1 + re.NumberOfCapturingGroups());
  const absl::string_view input(text.data(), text.size());
  // The leftmost-first match has the highest-priority parse of all that
  // start where it starts, so also of those that end where it ends: the
  // anchored search gives the groups the unanchored one would have.
  re.Match(input, m->whole.start, m->whole.end, RE2::ANCHOR_BOTH, sub.data(), sub.size());
  m->groups.resize(sub.size());
  for (size_t i = 0; i < sub.size(); ++i) m->groups[i] = ToSpan(text, sub[i]);
}

bool Pattern::Matches(std::string_view text, Span where) const {
  const absl::string_view input(text.data(), text.size());
  return re().Match(input, where.start, where.end, RE2::UNANCHORED, nullptr, 0);
}

std::string Pattern::Render(std::string_view tmpl, std::string_view text, PatternMatch* m) const {
  auto group_text = [&](int index) -> std::string_view {
    if (m->groups.empty()) FillGroups(text, m);
    if (index < 0 || static_cast<size_t>(index) >= m->groups.size()) return {};
    const Span g = m->groups[index];
    return g.start == std::string_view::npos ? std::string_view() : text.substr(g.start, g.size());
  };
  std::string out;
  out.reserve(tmpl.size());
  for (size_t i = 0; i < tmpl.size(); ++i) {
    // Copies the literal text up to the next '$' in one go.
    const size_t dollar = std::min(tmpl.find('$', i), tmpl.size());
    out.append(tmpl, i, dollar - i);
    i = dollar;
    if (i + 1 >= tmpl.size()) {
      if (i < tmpl.size()) out += '$';
    } else if (IsAsciiDigit(tmpl[i + 1])) {
      out += group_text(tmpl[++i] - '0');
    } else if (tmpl[i + 1] == '{') {
      const size_t close = tmpl.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += '$';
        continue;
      }
      const auto& named = re().NamedCapturingGroups();
      auto it = named.find(std::string(tmpl.substr(i + 2, close - i - 2)));
      if (it != named.end()) out += group_text(it->second);
      i = close;
    } else if (tmpl[i + 1] == '$') {
      out += '$';
      ++i;
    } else {
      out += '$';
    }
  }
  return out;
}

}  // namespace tactful
