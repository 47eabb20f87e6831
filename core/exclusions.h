// Finds the parts of a reply that the agent did not write, or that are not
// prose: quoted earlier messages, signatures, code, log lines, URLs, email
// addresses and quoted strings. Rules never look inside them: a customer's
// "you should have told me" quoted under the reply is not the agent's blame,
// and an error message pasted verbatim is not jargon.
#ifndef TACTFUL_CORE_EXCLUSIONS_H_
#define TACTFUL_CORE_EXCLUSIONS_H_

#include <string_view>
#include <vector>

#include "core/text.h"

namespace tactful {

// Sorted, non-overlapping byte ranges to skip.
std::vector<Span> FindExcluded(std::string_view text);

// Sorts and merges overlapping or touching spans.
std::vector<Span> MergeSpans(std::vector<Span> spans);

}  // namespace tactful

#endif  // TACTFUL_CORE_EXCLUSIONS_H_
