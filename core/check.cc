#include "core/check.h"

#include <algorithm>

namespace tactful {

bool RuleInfo::AppliesTo(const std::string& audience) const {
  return audiences.empty() || std::find(audiences.begin(), audiences.end(), audience) != audiences.end();
}

Finding Check::MakeFinding(const Document& doc, Span span, std::vector<std::string> suggestions) const {
  Finding f;
  f.rule = info_.id;
  f.category = info_.category;
  f.severity = info_.severity;
  f.span = span;
  const std::string_view message = info_.message;
  const size_t at = message.find("{match}");
  if (at == std::string_view::npos) {
    f.message = info_.message;
  } else {
    const std::string_view match = doc.text().substr(span.start, span.size());
    f.message.reserve(message.size() - 7 + match.size());
    f.message.append(message.substr(0, at)).append(match).append(message.substr(at + 7));
  }
  f.why = info_.why;
  f.suggestions = std::move(suggestions);
  if (f.suggestions.empty() && !info_.starter.empty()) {
    f.starter = info_.starter;
    const auto& sentences = doc.sentences();
    const size_t i = doc.SentenceIndexAt(span.start);
    f.starter_at = i < sentences.size() && sentences[i].start <= span.start ? sentences[i].start : span.start;
  }
  f.priority = info_.priority;
  return f;
}

}  // namespace tactful
