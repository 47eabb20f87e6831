#include "core/pattern.h"

namespace tactful {

using re2::RE2;

namespace {

constexpr int kMaxMacroDepth = 4;
constexpr int64_t kPatternMaxMem = 8 << 20;

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

}  // namespace

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
    if (it != re_->NamedCapturingGroups().end()) span_group_ = it->second;
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

void Pattern::ToMatch(std::string_view text, const std::vector<absl::string_view>& sub, PatternMatch* m) const {
  m->groups.clear();
  for (const absl::string_view& g : sub) {
    if (g.data() == nullptr) {
      m->groups.push_back({std::string_view::npos, std::string_view::npos});
    } else {
      const size_t start = g.data() - text.data();
      m->groups.push_back({start, start + g.size()});
    }
  }
  m->whole = m->groups[0];
  m->span = (span_group_ > 0 && m->groups[span_group_].start != std::string_view::npos) ? m->groups[span_group_]
                                                                                          : m->whole;
}

void Pattern::ForEachMatch(std::string_view text, Span where,
                           const std::function<void(const PatternMatch&)>& fn) const {
  const RE2& re = this->re();
  std::vector<absl::string_view> sub(1 + re.NumberOfCapturingGroups());
  const absl::string_view input(text.data(), text.size());
  PatternMatch m;
  size_t pos = where.start;
  while (pos < where.end && re.Match(input, pos, where.end, RE2::UNANCHORED, sub.data(), sub.size())) {
    ToMatch(text, sub, &m);
    fn(m);
    pos = m.whole.end > m.whole.start ? m.whole.end : m.whole.start + 1;
  }
}

bool Pattern::FirstMatch(std::string_view text, Span where, PatternMatch* match) const {
  const RE2& re = this->re();
  std::vector<absl::string_view> sub(1 + re.NumberOfCapturingGroups());
  const absl::string_view input(text.data(), text.size());
  if (where.start >= where.end || !re.Match(input, where.start, where.end, RE2::UNANCHORED, sub.data(), sub.size())) {
    return false;
  }
  ToMatch(text, sub, match);
  return true;
}

bool Pattern::Matches(std::string_view text, Span where) const {
  const absl::string_view input(text.data(), text.size());
  return re().Match(input, where.start, where.end, RE2::UNANCHORED, nullptr, 0);
}

std::string Pattern::Render(std::string_view tmpl, std::string_view text, const PatternMatch& m) const {
  auto group_text = [&](int index) -> std::string_view {
    if (index < 0 || static_cast<size_t>(index) >= m.groups.size()) return {};
    const Span g = m.groups[index];
    return g.start == std::string_view::npos ? std::string_view() : text.substr(g.start, g.size());
  };
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '$' || i + 1 >= tmpl.size()) {
      out += tmpl[i];
    } else if (IsAsciiDigit(tmpl[i + 1])) {
      out += group_text(tmpl[++i] - '0');
    } else if (tmpl[i + 1] == '{') {
      const size_t close = tmpl.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += tmpl[i];
        continue;
      }
      const std::string name(tmpl.substr(i + 2, close - i - 2));
      const auto& named = re().NamedCapturingGroups();
      auto it = named.find(name);
      if (it != named.end()) out += group_text(it->second);
      i = close;
    } else if (tmpl[i + 1] == '$') {
      out += '$';
      ++i;
    } else {
      out += tmpl[i];
    }
  }
  return out;
}

}  // namespace tactful
