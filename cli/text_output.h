// Human-readable findings, in the style of a compiler or Vale:
//   file:line:col: severity: message [rule]
//       the line, with the span marked
//       why: ... / try: ... / start with: ...
// then, with --checklist, the reply checklist:
//   file: checklist 3/5
//     [x] Empathy: acknowledge how they feel
#ifndef TACTFUL_CLI_TEXT_OUTPUT_H_
#define TACTFUL_CLI_TEXT_OUTPUT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "core/engine.h"

namespace tactful {

void PrintFindings(std::ostream& out, std::string_view file, std::string_view text, const CheckResult& result,
                   bool color);

// The reply-level checklist: met items over applicable ones, then one line
// per applicable item ([x] met, [!] weak, [ ] missing).
void PrintChecklist(std::ostream& out, std::string_view file, const CheckResult& result, bool color);

// A rule's pack examples for `tactful explain`, one per line by kind.
void PrintExamples(std::ostream& out, const RuleInfo& rule);

}  // namespace tactful

#endif  // TACTFUL_CLI_TEXT_OUTPUT_H_
