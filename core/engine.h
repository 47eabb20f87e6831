// The Tactful engine: rule packs in, findings out. Built once from the
// built-in packs plus an optional JSON configuration (an organization's
// glossary, phrases, disabled rules, ...), then shared by every check.
//
//   auto engine = tactful::Engine::Create(config_json);
//   for (const auto& e : engine->errors()) ...;  // bad items were skipped
//   tactful::CheckResult r = engine->Check(reply_text);
#ifndef TACTFUL_CORE_ENGINE_H_
#define TACTFUL_CORE_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/rule_loader.h"
#include "re2/set.h"

namespace tactful {

struct CheckOptions {
  std::string audience;                 // "" for the engine's default
  std::vector<std::string> categories;  // enabled ones; empty for the engine's default
  std::vector<Span> excluded;           // ranges the caller knows to skip (quote blocks)
};

struct CheckResult {
  std::vector<Finding> findings;  // ordered by start, end, rule id
  std::vector<Span> excluded;     // everything that was skipped
  std::vector<Span> invalid_utf8; // skipped too, and worth telling the user
  std::vector<ChecklistItem> checklist;  // the active checklist items, in pack order
};

class Engine {
 public:
  // Never fails: whatever in `config_json` is invalid is skipped and listed
  // in errors(). An empty string means the defaults.
  static std::unique_ptr<Engine> Create(std::string_view config_json);

  const std::vector<ConfigError>& errors() const { return errors_; }
  const std::string& audience() const { return audience_; }

  CheckResult Check(std::string_view text, const CheckOptions& options = {}) const;

  // Every loaded rule, ordered by id.
  std::vector<const RuleInfo*> Rules() const;

 private:
  Engine() = default;
  void LoadSharedMacros();
  void LoadBuiltinPacks();
  void ApplyConfig(const json& config);
  void AddGlossary(const json& glossary);
  void AddPhrases(const json& phrases);
  void AddChecks(std::vector<std::unique_ptr<tactful::Check>> checks);
  void BuildTriggerSet();
  std::vector<bool> ActiveChecks(const CheckOptions& options) const;

  std::vector<std::unique_ptr<tactful::Check>> checks_;
  // One RE2::Set over every check's triggers; set pattern i is trigger
  // trigger_owner_[i].trigger of checks_[trigger_owner_[i].check].
  struct TriggerOwner {
    size_t check;
    size_t trigger;
  };
  std::unique_ptr<re2::RE2::Set> triggers_;
  std::vector<TriggerOwner> trigger_owner_;
  std::vector<size_t> triggered_checks_;  // checks with triggers
  std::vector<size_t> trigger_counts_;    // per check: how many triggers
  std::vector<size_t> whole_text_checks_; // checks without: run once per text
  Macros shared_macros_;
  std::string audience_ = "customer";
  std::vector<std::string> categories_;   // enabled; empty means all
  std::vector<ConfigError> errors_;
};

}  // namespace tactful

#endif  // TACTFUL_CORE_ENGINE_H_
