// Turns JSON rule packs into checks. Every problem is reported with where it
// is (file, JSON path) and why, and only the offending rule or item is
// dropped: one bad entry in an organization's glossary must not switch off
// the rest.
#ifndef TACTFUL_CORE_RULE_LOADER_H_
#define TACTFUL_CORE_RULE_LOADER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/pattern.h"
#include "nlohmann/json.hpp"

namespace tactful {

using nlohmann::json;

struct ConfigError {
  std::string path;  // e.g. "apology.json: rules[3].patterns[0]"
  std::string message;
};

// What a check factory needs besides its rule: the macros in scope and a
// place to report problems, addressed relative to the rule.
class LoadContext {
 public:
  LoadContext(const Macros& macros, std::string path, std::vector<ConfigError>* errors,
              CompileTime patterns = CompileTime::kNow)
      : macros_(macros), path_(std::move(path)), errors_(errors), compile_time_(patterns) {}

  const Macros& macros() const { return macros_; }
  const std::string& path() const { return path_; }
  LoadContext At(std::string_view key) const;
  LoadContext At(size_t index) const;
  void Error(std::string message) const;

  // Reads an optional string field into *out (left as is when absent).
  // Reports and returns false on a wrong type.
  bool String(const json& rule, std::string_view key, std::string* out) const;
  // Reads rule[key] as a string list (a lone string counts as a list of
  // one). Reports and returns false on a wrong type.
  bool Strings(const json& rule, std::string_view key, std::vector<std::string>* out) const;
  // Reads and compiles rule[key]. Reports and returns false when the key is
  // missing (if required) or any pattern fails to compile.
  bool Patterns(const json& rule, std::string_view key, bool required, bool case_sensitive,
                std::vector<std::unique_ptr<Pattern>>* out) const;

 private:
  const Macros& macros_;
  std::string path_;
  std::vector<ConfigError>* errors_;
  CompileTime compile_time_;  // of the patterns Patterns() reads
};

// Builds a check of rule["type"]; nullptr (with errors) when it cannot.
using CheckFactory = std::unique_ptr<Check> (*)(const json& rule, RuleInfo info, const LoadContext& ctx);

// Parses JSON without exceptions (the wasm build has none); on failure
// *error says where and why, e.g. "syntax error at byte 17: ...".
bool ParseJson(std::string_view text, json* out, std::string* error);

// JavaScript strings may hold half of a surrogate pair (an emoji cut in
// two), which JSON.stringify writes as a lone "\ud83d"; a strict parser
// rejects it, and with it the whole config. This turns each lone one into
// "\ufffd" in place and returns how many it replaced.
size_t ReplaceLoneSurrogates(std::string* json_text);

// Loads one pack (already parsed). `shared_macros` are visible to every
// pack; `patterns` says when its regexes compile (see CompileTime).
std::vector<std::unique_ptr<Check>> LoadPack(const json& pack, std::string_view name,
                                             const Macros& shared_macros,
                                             std::vector<ConfigError>* errors,
                                             CompileTime patterns = CompileTime::kNow);

// Reads the "macros" object of a pack.
Macros ReadMacros(const json& pack, const LoadContext& ctx);

// Parses the fields every rule shares (id, category, message, ...).
bool ReadRuleInfo(const json& rule, const LoadContext& ctx, RuleInfo* info);

// Builds a check from a rule object; the shared entry point for packs and
// for organization phrases in the configuration.
std::unique_ptr<Check> LoadRule(const json& rule, const LoadContext& ctx);

extern const char* const kCategories[5];

// Whether `category` is one of kCategories; whether `audience` is one the
// engine knows (customer, internal, technical).
bool IsCategory(std::string_view category);
bool IsAudience(std::string_view audience);

}  // namespace tactful

#endif  // TACTFUL_CORE_RULE_LOADER_H_
