// Helpers shared by the core tests.
#ifndef TACTFUL_TESTS_TEST_UTIL_H_
#define TACTFUL_TESTS_TEST_UTIL_H_

#include <string>
#include <vector>

#include "core/engine.h"
#include "doctest/doctest.h"

namespace tactful::testing {

// The text of each finding's span, in order.
inline std::vector<std::string> Texts(std::string_view text, const CheckResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.emplace_back(text.substr(f.span.start, f.span.size()));
  return out;
}

// Findings of one rule.
inline std::vector<Finding> OfRule(const CheckResult& r, const std::string& rule) {
  std::vector<Finding> out;
  for (const Finding& f : r.findings) {
    if (f.rule == rule) out.push_back(f);
  }
  return out;
}

// An engine with only the given rules (no built-in packs; the shared macros
// still apply), failing the test if the configuration has any error.
inline std::unique_ptr<Engine> EngineWithRules(const std::string& rules_json) {
  auto engine =
      Engine::Create(R"({"builtin_packs": false, "packs": [{"pack": "test", "rules": )" + rules_json + "}]}");
  for (const ConfigError& e : engine->errors()) FAIL_CHECK(e.path << ": " << e.message);
  return engine;
}

}  // namespace tactful::testing

#endif  // TACTFUL_TESTS_TEST_UTIL_H_
