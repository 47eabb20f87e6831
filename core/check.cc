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
  f.message = info_.message;
  const size_t at = f.message.find("{match}");
  if (at != std::string::npos) {
    f.message.replace(at, 7, doc.text().substr(span.start, span.size()));
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
