// `tactful check --jsonl`: a ticket export with one reply per line, checked
// on every core in bounded memory and written back in input order.
//
//   in:  {"id": <any, optional>, "text": "..."}      one object per line
//   out: {"id": ..., "findings": [...], "checklist": [...], "summary": {...}}   one line per reply
//        {"line": N, "id"?: ..., "error": "..."}           for a line it could not read
#ifndef TACTFUL_CLI_BATCH_H_
#define TACTFUL_CLI_BATCH_H_

#include <cstddef>
#include <istream>
#include <ostream>

#include "core/engine.h"

namespace tactful {

struct BatchTotals {
  size_t replies = 0;   // lines checked
  size_t findings = 0;
  size_t errors = 0;    // lines reported as errors
};

// Checks each line of `in` with `jobs` threads (at least one).
BatchTotals CheckJsonLines(const Engine& engine, const CheckOptions& options, std::istream& in, std::ostream& out,
                           unsigned jobs);

}  // namespace tactful

#endif  // TACTFUL_CLI_BATCH_H_
