// The Tactful engine: rule packs in, findings out. Built once from the
// built-in packs plus an optional JSON configuration (an organization's
// glossary, phrases, disabled rules, ...), then shared by every check.
//
//   auto engine = tactful::Engine::Create(config_json);
//   for (const auto& e : engine->errors()) ...;  // bad items were skipped
//   tactful::CheckResult r = engine->Check(reply_text);
#ifndef TACTFUL_CORE_ENGINE_H_
#define TACTFUL_CORE_ENGINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
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

class Engine;

// Trigger `trigger` (an index into Triggers()) of check `check` (an index
// into the engine's checks).
struct TriggerRef {
  size_t check;
  size_t trigger;
};

// What the last check of one draft found in each paragraph. Handing the same
// cache to every check of a draft that is being edited lets the engine skip
// its phrase rules on paragraphs whose text (and the sentence after them,
// which "sorry ... However" rules read) did not change; the result is the
// same as without a cache. Whole-reply checks always run. One cache per
// draft, used by one thread at a time; it holds only the last check's
// paragraphs, so it never outgrows the draft.
class CheckCache {
 public:
  size_t paragraphs() const { return entries_.size(); }

 private:
  friend class Engine;
  struct Entry {
    std::vector<Finding> findings;      // spans relative to the paragraph's start
    std::vector<TriggerRef> reply_hits;  // reply checks' triggers found in it
    uint64_t generation;                // of the last check that used it
  };
  uint64_t engine_ = 0;             // Engine::serial_ of the engine that filled it
  std::vector<bool> active_;        // the checks those findings came from
  std::unordered_map<std::string, Entry> entries_;
  uint64_t generation_ = 0;
};

class Engine {
 public:
  // Never fails: whatever in `config_json` is invalid is skipped and listed
  // in errors(). An empty string means the defaults.
  static std::unique_ptr<Engine> Create(std::string_view config_json);

  const std::vector<ConfigError>& errors() const { return errors_; }
  const std::string& audience() const { return audience_; }

  // With a `cache`, re-checks only what changed since the cache's last
  // check (see CheckCache).
  CheckResult Check(std::string_view text, const CheckOptions& options = {}, CheckCache* cache = nullptr) const;

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
  // What CheckParagraph needs per paragraph, kept by Check() so that ten
  // thousand paragraphs do not allocate it ten thousand times.
  struct ParagraphScratch {
    std::vector<int> matched;          // set pattern numbers
    std::vector<TriggerRef> fired;
    std::vector<size_t> check_fired;   // one check's triggers
    std::vector<TriggerRef> reply_hits;  // one paragraph's
  };
  // Appends the findings of the paragraph checks whose triggers match in
  // `para`, and to `reply_hits` the reply checks' triggers that match there.
  void CheckParagraph(const Document& doc, Span para, const std::vector<bool>& active, ParagraphScratch* scratch,
                      std::vector<Finding>* out, std::vector<TriggerRef>* reply_hits) const;
  // CheckParagraph for paragraph `index`, from `cache` when it has it.
  void CheckParagraphCached(const Document& doc, size_t index, const std::vector<bool>& active, CheckCache* cache,
                            ParagraphScratch* scratch, std::vector<Finding>* out,
                            std::vector<TriggerRef>* reply_hits) const;
  // Runs the reply checks on the whole text, then collects the checklist.
  // `reply_hits` are the reply checks' triggers found in the paragraphs,
  // each once.
  void CheckReply(const Document& doc, const std::vector<bool>& active, const std::vector<TriggerRef>& reply_hits,
                  CheckResult* result, std::vector<Finding> findings) const;

  std::vector<std::unique_ptr<tactful::Check>> checks_;
  // The triggers of every check in one RE2::Set, matched against each
  // paragraph: one pass over the text tells the paragraph checks where to
  // run and the reply checks which of their patterns the reply holds (a
  // reply-level pattern counts within a paragraph, like every other). Set
  // pattern i is Triggers()[owner[i].trigger] of checks_[owner[i].check]. A
  // null set failed to compile: every trigger then counts as matched, which
  // gives the same findings more slowly.
  struct TriggerSet {
    std::unique_ptr<re2::RE2::Set> set;
    std::vector<TriggerRef> owner;
    std::vector<TriggerRef> all;  // every trigger, for when `set` is null
    std::vector<size_t> first;    // index into `all` of each check's first trigger
    // Sets `fired` to the triggers that match in `text`, grouped by check
    // in check order; `matched` is room for the set's answer.
    void Match(std::string_view text, std::vector<int>* matched, std::vector<TriggerRef>* fired) const;
  };
  TriggerSet triggers_;
  std::vector<size_t> reply_checks_;  // checks of Scope::kReply: run once per text
  Macros shared_macros_;
  std::string audience_ = "customer";
  std::vector<std::string> categories_;   // enabled; empty means all
  std::vector<ConfigError> errors_;
  // Tells engines apart for CheckCache: an address can be reused, this not.
  const uint64_t serial_ = NextSerial();
  static uint64_t NextSerial();
};

}  // namespace tactful

#endif  // TACTFUL_CORE_ENGINE_H_
