// The bodies of the fuzz targets. The libFuzzer binaries (fuzz/*_fuzzer.cc)
// call them on generated inputs; the doctest suite calls them on every input
// committed under fuzz/seeds/ and fuzz/regressions/, so a crash found once
// stays a test without a fuzzer. Each returns normally or aborts with a
// message when a sanitizer, an exception or a broken invariant stops it.
#ifndef TACTFUL_FUZZ_TARGETS_H_
#define TACTFUL_FUZZ_TARGETS_H_

#include <string_view>

namespace tactful::fuzz {

// A configuration, a NUL byte, then the text to check; without a NUL the
// whole input is text, checked with the defaults (so are texts behind a
// config that is not JSON), then through a cache that saw an earlier
// draft, and with other options and odd excluded ranges. Findings must lie
// inside the text, in order, report as JSON in both offset units, and be
// the same with the cache as without.
void CheckText(std::string_view input);

// The input as a configuration (rule packs, glossary, phrases, ...): it must
// load, report its errors as JSON, list its rules and check a reply; if it
// is not JSON, the parse error must be short and valid UTF-8. The built-in
// packs load only when the input sets "builtin_packs".
void LoadConfig(std::string_view input);

// The input as UTF-8 and as UTF-16 units: offsets must map both ways
// consistently, whatever the bytes.
void MapOffsets(std::string_view input);

}  // namespace tactful::fuzz

#endif  // TACTFUL_FUZZ_TARGETS_H_
