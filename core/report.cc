#include "core/report.h"

#include <charconv>
#include <map>

#include "core/text.h"

namespace tactful {

namespace {

constexpr const char* kChecklistStates[] = {"met", "weak", "missing", "n/a"};

// Each finding's start, end and starter_at, in `unit`: three per finding.
std::vector<size_t> FindingOffsets(const CheckResult& result, std::string_view text, OffsetUnit unit) {
  std::vector<size_t> offsets;
  offsets.reserve(3 * result.findings.size());
  for (const Finding& f : result.findings) {
    offsets.push_back(f.span.start);
    offsets.push_back(f.span.end);
    offsets.push_back(f.starter_at);
  }
  if (unit == OffsetUnit::kUtf16Units) offsets = ToUtf16Offsets(text, offsets);
  return offsets;
}

void AppendNumber(std::string* out, size_t n) {
  char buf[24];
  out->append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

// Appends `s` as a JSON string, escaped exactly as nlohmann's dump() does
// with ensure_ascii off: '"', '\\' and the named control characters get
// their short escapes, other control bytes \u00xx, everything else is
// copied. Returns false, leaving *out as it was, when `s` is not valid UTF-8.
bool AppendEscaped(std::string* out, std::string_view s) {
  const size_t undo = out->size();
  out->push_back('"');
  size_t copied = 0;  // s[copied, i) is still to be appended as is
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    if (c >= 0x80) {
      const size_t len = Utf8SequenceLength(s, i);
      if (len == 0) {
        out->resize(undo);
        return false;
      }
      i += len;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s.data() + copied, i - copied);
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(escape, sizeof escape);
      }
    }
    copied = ++i;
  }
  out->append(s.data() + copied, s.size() - copied);
  out->push_back('"');
  return true;
}

// Rule data (ids, why, suggestions) comes from configuration and may hold
// invalid UTF-8; nlohmann's own replacement (one U+FFFD per maximal invalid
// prefix) is rare enough to leave to nlohmann.
void AppendString(std::string* out, std::string_view s) {
  if (!AppendEscaped(out, s)) *out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}

// The caller's text and messages quoting it are made valid byte by byte
// (ToValidUtf8), as ResultToJson() does.
void AppendValidUtf8(std::string* out, std::string_view s) {
  if (!AppendEscaped(out, s)) AppendEscaped(out, ToValidUtf8(s));
}

// `"key":` after `before` ('{' or ','); keys are ASCII literals that need
// no escaping.
void AppendKey(std::string* out, char before, std::string_view key) {
  out->push_back(before);
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void AppendCounts(std::string* out, const std::map<std::string_view, size_t>& counts) {
  out->push_back('{');
  for (const auto& [key, n] : counts) {
    if (out->back() != '{') out->push_back(',');
    AppendString(out, key);
    out->push_back(':');
    AppendNumber(out, n);
  }
  out->push_back('}');
}

void AppendFindings(std::string* out, const CheckResult& result, std::string_view text, OffsetUnit unit) {
  const std::vector<size_t> offsets = FindingOffsets(result, text, unit);
  const LineIndex lines(text);
  out->push_back('[');
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    if (i > 0) out->push_back(',');
    // In nlohmann's key order (sorted), so the bytes match ResultToJson().
    AppendKey(out, '{', "category");
    AppendString(out, f.category);
    AppendKey(out, ',', "column");
    AppendNumber(out, lines.Column(f.span.start));
    AppendKey(out, ',', "end");
    AppendNumber(out, offsets[3 * i + 1]);
    AppendKey(out, ',', "line");
    AppendNumber(out, lines.Line(f.span.start));
    AppendKey(out, ',', "message");
    AppendValidUtf8(out, f.message);
    AppendKey(out, ',', "rule");
    AppendString(out, f.rule);
    AppendKey(out, ',', "severity");
    AppendString(out, f.severity);
    AppendKey(out, ',', "start");
    AppendNumber(out, offsets[3 * i]);
    if (!f.starter.empty()) {
      AppendKey(out, ',', "starter");
      AppendString(out, f.starter);
      AppendKey(out, ',', "starter_at");
      AppendNumber(out, offsets[3 * i + 2]);
    }
    AppendKey(out, ',', "suggestions");
    out->push_back('[');
    for (size_t k = 0; k < f.suggestions.size(); ++k) {
      if (k > 0) out->push_back(',');
      AppendString(out, f.suggestions[k]);
    }
    out->push_back(']');
    AppendKey(out, ',', "text");
    AppendValidUtf8(out, text.substr(f.span.start, f.span.size()));
    AppendKey(out, ',', "why");
    AppendString(out, f.why);
    out->push_back('}');
  }
  out->push_back(']');
}

void AppendSummary(std::string* out, const CheckResult& result, std::string_view text) {
  std::map<std::string_view, size_t> by_category, by_severity;
  for (const char* c : kCategories) by_category[c] = 0;
  for (const Finding& f : result.findings) {
    ++by_category[f.category];
    ++by_severity[f.severity];
  }
  size_t excluded_bytes = 0;
  for (Span s : result.excluded) excluded_bytes += s.size();
  AppendKey(out, '{', "by_category");
  AppendCounts(out, by_category);
  AppendKey(out, ',', "by_severity");
  AppendCounts(out, by_severity);
  AppendKey(out, ',', "checked_bytes");
  AppendNumber(out, text.size() - excluded_bytes);
  AppendKey(out, ',', "excluded_bytes");
  AppendNumber(out, excluded_bytes);
  AppendKey(out, ',', "findings");
  AppendNumber(out, result.findings.size());
  if (!result.invalid_utf8.empty()) {
    AppendKey(out, ',', "warnings");
    out->append("[\"the text is not valid UTF-8 at byte ");
    AppendNumber(out, result.invalid_utf8[0].start);
    out->append("; invalid bytes were skipped\"]");
  }
  out->push_back('}');
}

void AppendChecklist(std::string* out, const CheckResult& result, std::string_view text, OffsetUnit unit) {
  out->push_back('[');
  for (const ChecklistItem& item : result.checklist) {
    if (out->back() != '[') out->push_back(',');
    const bool located = item.evidence.start != std::string_view::npos;
    std::vector<size_t> offsets;
    if (located) {
      offsets = {item.evidence.start, item.evidence.end};
      if (unit == OffsetUnit::kUtf16Units) offsets = ToUtf16Offsets(text, offsets);
      AppendKey(out, '{', "end");
      AppendNumber(out, offsets[1]);
    }
    AppendKey(out, located ? ',' : '{', "id");
    AppendString(out, item.id);
    AppendKey(out, ',', "label");
    AppendString(out, item.label);
    if (located) {
      AppendKey(out, ',', "start");
      AppendNumber(out, offsets[0]);
    }
    AppendKey(out, ',', "state");
    AppendString(out, kChecklistStates[static_cast<int>(item.state)]);
    out->push_back('}');
  }
  out->push_back(']');
}

}  // namespace

std::string CheckReportJson(const CheckResult& result, std::string_view text, OffsetUnit unit, const json* id) {
  std::string out;
  // Findings dominate: ~300 bytes each, plus the summary and checklist.
  out.reserve(512 + 320 * result.findings.size());
  AppendKey(&out, '{', "checklist");
  AppendChecklist(&out, result, text, unit);
  AppendKey(&out, ',', "findings");
  AppendFindings(&out, result, text, unit);
  if (id) {
    AppendKey(&out, ',', "id");
    out += id->dump(-1, ' ', false, json::error_handler_t::replace);
  }
  AppendKey(&out, ',', "summary");
  AppendSummary(&out, result, text);
  out.push_back('}');
  return out;
}

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
  const std::vector<size_t> offsets = FindingOffsets(result, text, unit);
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
  json items = json::array();
  for (const ChecklistItem& item : result.checklist) {
    json entry = {{"id", item.id}, {"label", item.label}, {"state", kChecklistStates[static_cast<int>(item.state)]}};
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
