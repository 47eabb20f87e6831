// Human-readable findings, in the style of a compiler or Vale:
//   file:line:col: severity: message [rule]
//       the line, with the span marked
//       why: ... / try: ...
#ifndef TACTFUL_CLI_TEXT_OUTPUT_H_
#define TACTFUL_CLI_TEXT_OUTPUT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "core/engine.h"

namespace tactful {

void PrintFindings(std::ostream& out, std::string_view file, std::string_view text, const CheckResult& result,
                   bool color);

}  // namespace tactful

#endif  // TACTFUL_CLI_TEXT_OUTPUT_H_
