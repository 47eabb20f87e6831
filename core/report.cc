#include "core/report.h"

namespace tactful {

json Summarize(const std::vector<Finding>& findings) {
  json by_category = json::object();
  json by_severity = json::object();
  for (const char* c : kCategories) by_category[c] = 0;
  for (const Finding& f : findings) {
    by_category[f.category] = by_category[f.category].get<int>() + 1;
    by_severity[f.severity] = by_severity.value(f.severity, 0) + 1;
  }
  return {{"findings", findings.size()}, {"by_category", by_category}, {"by_severity", by_severity}};
}

json ResultToJson(const CheckResult& result, std::string_view text, OffsetUnit unit) {
  std::vector<size_t> offsets;
  for (const Finding& f : result.findings) {
    offsets.push_back(f.span.start);
    offsets.push_back(f.span.end);
    offsets.push_back(f.starter_at);
  }
  if (unit == OffsetUnit::kUtf16Units) offsets = ToUtf16Offsets(text, offsets);
  const LineIndex lines(text);
  json findings = json::array();
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    findings.push_back({{"rule", f.rule},
                        {"category", f.category},
                        {"severity", f.severity},
                        {"start", offsets[3 * i]},
                        {"end", offsets[3 * i + 1]},
                        {"line", lines.Line(f.span.start)},
                        {"column", lines.Column(f.span.start)},
                        // JSON needs valid UTF-8; the caller's text need not be.
                        {"text", ToValidUtf8(text.substr(f.span.start, f.span.size()))},
                        {"message", ToValidUtf8(f.message)},
                        {"why", f.why},
                        {"suggestions", f.suggestions}});
    if (!f.starter.empty()) {
      findings.back()["starter"] = f.starter;
      findings.back()["starter_at"] = offsets[3 * i + 2];
    }
  }
  json summary = Summarize(result.findings);
  size_t excluded_bytes = 0;
  for (Span s : result.excluded) excluded_bytes += s.size();
  summary["checked_bytes"] = text.size() - excluded_bytes;
  summary["excluded_bytes"] = excluded_bytes;
  if (!result.invalid_utf8.empty()) {
    summary["warnings"] = {"the text is not valid UTF-8 at byte " + std::to_string(result.invalid_utf8[0].start) +
                           "; invalid bytes were skipped"};
  }
  return {{"findings", std::move(findings)}, {"summary", std::move(summary)}};
}

json ChecklistToJson(const CheckResult& result, std::string_view text, OffsetUnit unit) {
  static constexpr const char* kStates[] = {"met", "weak", "missing", "n/a"};
  json items = json::array();
  for (const ChecklistItem& item : result.checklist) {
    json entry = {{"id", item.id}, {"label", item.label}, {"state", kStates[static_cast<int>(item.state)]}};
    if (item.evidence.start != std::string_view::npos) {
      std::vector<size_t> offsets = {item.evidence.start, item.evidence.end};
      if (unit == OffsetUnit::kUtf16Units) offsets = ToUtf16Offsets(text, offsets);
      entry["start"] = offsets[0];
      entry["end"] = offsets[1];
    }
    items.push_back(std::move(entry));
  }
  return items;
}

json RulesToJson(const Engine& engine) {
  json rules = json::array();
  for (const RuleInfo* r : engine.Rules()) {
    rules.push_back({{"id", r->id},
                     {"type", r->type},
                     {"category", r->category},
                     {"severity", r->severity},
                     {"message", r->message},
                     {"why", r->why},
                     {"audiences", r->audiences}});
  }
  return rules;
}

}  // namespace tactful
