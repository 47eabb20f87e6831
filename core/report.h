// The JSON shape of a check's result, shared by the CLI and the wasm build so
// the two print identical output for identical input.
#ifndef TACTFUL_CORE_REPORT_H_
#define TACTFUL_CORE_REPORT_H_

#include <string>
#include <string_view>

#include "core/engine.h"

namespace tactful {

enum class OffsetUnit { kUtf8Bytes, kUtf16Units };

// {"findings": [{rule, category, severity, start, end, line, column, text,
// message, why, suggestions, starter?, starter_at?}], "summary": {...}}.
// `start`, `end` and `starter_at` are in `unit`; `line` and `column` are
// 1-based, the column in characters. A finding with no suggestions may carry
// a `starter` sentence to insert at `starter_at`.
json ResultToJson(const CheckResult& result, std::string_view text, OffsetUnit unit);

// The JSON text of {"checklist": ChecklistToJson(), "findings" and
// "summary": ResultToJson(), "id": *id when given}, byte for byte what
// nlohmann's dump(-1, ' ', false, error_handler_t::replace) of that object
// prints, written directly: building the json tree cost as much as the check.
std::string CheckReportJson(const CheckResult& result, std::string_view text, OffsetUnit unit,
                            const json* id = nullptr);

// Totals across one or more results: {"findings": n, "by_category": {...},
// "by_severity": {...}}, plus whatever the caller adds.
json Summarize(const std::vector<Finding>& findings);

// The reply-level checklist: [{"id", "label", "state", "start"?, "end"?}],
// state one of met, weak, missing, n/a; start/end (in `unit`) locate what
// satisfied a met or weak item.
json ChecklistToJson(const CheckResult& result, std::string_view text, OffsetUnit unit);

// Every rule, for `tactful rules` and the extension's options page.
json RulesToJson(const Engine& engine);

}  // namespace tactful

#endif  // TACTFUL_CORE_REPORT_H_
