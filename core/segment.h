// Paragraph and sentence boundaries, good enough for rules that look at "the
// same or the next sentence". Runs on masked text (see Document), where
// excluded parts are already blank.
#ifndef TACTFUL_CORE_SEGMENT_H_
#define TACTFUL_CORE_SEGMENT_H_

#include <string_view>
#include <vector>

#include "core/text.h"

namespace tactful {

// Paragraphs: runs of text separated by blank lines, trimmed of blanks.
std::vector<Span> SplitParagraphs(std::string_view text);

// Sentences of the paragraphs, in order. A line break ends a sentence unless
// the line looks hard-wrapped; "e.g.", "Mr.", "v2.1" and "..." before a
// lower-case word do not end one.
std::vector<Span> SplitSentences(std::string_view text, const std::vector<Span>& paragraphs);

}  // namespace tactful

#endif  // TACTFUL_CORE_SEGMENT_H_
