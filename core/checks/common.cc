#include "core/checks/common.h"

#include <algorithm>

namespace tactful {

bool Unless::Excuses(const Document& doc, Span span, Span* clean) const {
  const auto& sentences = doc.sentences();
  if (patterns.empty() || sentences.empty()) return false;
  const size_t first = std::min(doc.SentenceIndexAt(span.start), sentences.size() - 1);
  const size_t end = span.end > 0 ? span.end - 1 : 0;
  // A span is short, so the sentence holding its last byte is found by
  // stepping from its first; an empty span's "last byte" precedes it.
  size_t last = end < span.start ? std::min(doc.SentenceIndexAt(end), sentences.size() - 1) : first;
  while (last + 1 < sentences.size() && sentences[last].end <= end) ++last;
  if (scope == UnlessScope::kNextSentence) last = std::min(last + 1, sentences.size() - 1);
  Span where{std::min(sentences[first].start, span.start), std::max(sentences[last].end, span.end)};
  if (scope == UnlessScope::kParagraph) {
    // Paragraphs are in order and apart: the last one starting at or before
    // the span is the only one that can hold it.
    const std::vector<Span>& paragraphs = doc.paragraphs();
    auto after = std::upper_bound(paragraphs.begin(), paragraphs.end(), span.start,
                                  [](size_t pos, Span p) { return pos < p.start; });
    if (after != paragraphs.begin() && std::prev(after)->Contains(span.start)) {
      where = {std::prev(after)->start, std::max(std::prev(after)->end, span.end)};
    }
  }
  // A "sentence" can be a 10 MB paste with no full stop; looking further
  // than a long sentence's worth either side would make checking quadratic.
  where.start = std::max(where.start, span.start > kMaxContextBytes ? span.start - kMaxContextBytes : 0);
  where.end = std::min(where.end, span.end + kMaxContextBytes);
  if (clean->start < clean->end && clean->start <= where.start && where.end <= clean->end) return false;
  bool found = false;
  if (any->ok()) {
    found = any->Matches(doc.masked(), where);
  } else {
    for (const auto& p : patterns) {
      if ((found = p->Matches(doc.masked(), where))) break;
    }
  }
  if (!found) *clean = where;
  return found;
}

namespace {

// The earliest match of the patterns `search(k)` says to search.
template <typename Search>
Span EarliestMatch(const Patterns& patterns, std::string_view text, Span where, Search search) {
  Span first{std::string_view::npos, std::string_view::npos};
  PatternMatch m;
  for (size_t k = 0; k < patterns.size(); ++k) {
    // A later match's span starts after the leftmost match ends.
    if (search(k) && patterns[k]->FirstMatch(text, where, &m) && m.span.start < first.start) first = m.span;
  }
  return first;
}

}  // namespace

Span FirstMatch(const Patterns& patterns, std::string_view text, Span where) {
  return EarliestMatch(patterns, text, where, [](size_t) { return true; });
}

Span FirstMatch(const Patterns& patterns, std::string_view text, Span where, const std::vector<size_t>& fired,
                size_t first_trigger) {
  return EarliestMatch(patterns, text, where, [&](size_t k) { return AnyFired(fired, first_trigger + k, 1); });
}

bool AnyFired(const std::vector<size_t>& fired, size_t first, size_t n) {
  auto it = std::lower_bound(fired.begin(), fired.end(), first);
  return it != fired.end() && *it < first + n;
}

bool ReadUnless(const json& rule, const LoadContext& ctx, Unless* out) {
  std::string scope = "sentence";
  if (!ctx.Patterns(rule, "unless", false, IsCaseSensitive(rule), &out->patterns) ||
      !ctx.String(rule, "unless_scope", &scope)) {
    return false;
  }
  if (scope == "sentence") {
    out->scope = UnlessScope::kSentence;
  } else if (scope == "next_sentence") {
    out->scope = UnlessScope::kNextSentence;
  } else if (scope == "paragraph") {
    out->scope = UnlessScope::kParagraph;
  } else {
    ctx.At("unless_scope").Error("must be sentence, next_sentence or paragraph");
    return false;
  }
  if (!out->patterns.empty()) out->any = Pattern::AnyOf(out->patterns);
  return true;
}

namespace {

// Whether `span` starts a sentence, where a suggestion takes a capital.
bool StartsSentence(const Document& doc, Span span) {
  const auto& sentences = doc.sentences();
  const size_t i = doc.SentenceIndexAt(span.start);
  return i < sentences.size() && sentences[i].start == span.start;
}

std::string Fit(std::string suggestion, bool starts_sentence) {
  for (size_t at = suggestion.find("  "); at != std::string::npos; at = suggestion.find("  ", at)) {
    suggestion.erase(at, 1);
  }
  if (starts_sentence && !suggestion.empty() && IsAsciiLower(suggestion[0])) {
    suggestion[0] = static_cast<char>(suggestion[0] - 'a' + 'A');
  }
  return suggestion;
}

}  // namespace

std::string FitSuggestion(const Document& doc, Span span, std::string suggestion) {
  return Fit(std::move(suggestion), StartsSentence(doc, span));
}

std::vector<std::string> RenderSuggestions(const Document& doc, const Pattern& pattern, PatternMatch* match,
                                           const std::vector<std::string>& templates) {
  std::vector<std::string> out;
  if (templates.empty()) return out;
  out.reserve(templates.size());
  const bool starts_sentence = StartsSentence(doc, match->span);
  for (const std::string& t : templates) {
    std::string s = Fit(pattern.Render(t, doc.masked(), match), starts_sentence);
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

bool IsCaseSensitive(const json& rule) {
  auto it = rule.find("case");
  return it != rule.end() && it->is_string() && it->get<std::string>() == "sensitive";
}

void DefaultPriority(const json& rule, int fallback, RuleInfo* info) {
  if (!rule.contains("priority")) info->priority = fallback;
}

void AppendRegexes(const Patterns& patterns, std::vector<std::string>* out) {
  for (const auto& p : patterns) out->push_back(p->regex());
}

}  // namespace tactful
