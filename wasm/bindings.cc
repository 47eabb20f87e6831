// The engine for JavaScript (Embind). Everything crosses as JSON strings so
// the API stays small, and nothing throws: configuration problems come back
// from errors(), bad check options as {"error": ...}.
//
//   const engine = new Module.Engine(configJson);
//   JSON.parse(engine.errors());   // [{path, message}], skipped items
//   JSON.parse(engine.check(text, JSON.stringify({audience, categories, excluded, offsets, draft})));
//     -> {findings, summary, checklist}
//   "draft" names the editor being typed in: successive checks of one draft
//   re-run rules only on the paragraphs that changed (see CheckCache).
//   JSON.parse(engine.rules());
//   engine.delete();
//   Module.heapInUse();            // bytes malloc'd and not yet freed (benchmarks)
#include <emscripten/bind.h>
#include <malloc.h>

#include <algorithm>
#include <list>
#include <memory>
#include <string>
#include <utility>

#include "core/engine.h"
#include "core/report.h"

namespace tactful {
namespace {

// Check options from JSON; "excluded" ranges are in the same unit as the
// offsets the caller asked for (UTF-16 by default, as the browser counts).
bool ParseCheckOptions(const std::string& options_json, std::string_view text, CheckOptions* options,
                       OffsetUnit* unit, std::string* draft, std::string* error) {
  json o = json::object();
  if (!options_json.empty() && !ParseJson(options_json, &o, error)) return false;
  if (!o.is_object()) {
    *error = "options must be a JSON object";
    return false;
  }
  std::vector<ConfigError> errors;
  const Macros none;
  const LoadContext ctx(none, "options", &errors);
  std::string offsets = "utf16";
  ctx.String(o, "audience", &options->audience);
  if (!options->audience.empty() && !IsAudience(options->audience)) {
    ctx.At("audience").Error("must be customer, internal or technical");
  }
  ctx.String(o, "offsets", &offsets);
  ctx.String(o, "draft", draft);
  ctx.Strings(o, "categories", &options->categories);
  if (offsets != "utf16" && offsets != "utf8") ctx.At("offsets").Error("must be utf16 or utf8");
  *unit = offsets == "utf8" ? OffsetUnit::kUtf8Bytes : OffsetUnit::kUtf16Units;
  std::vector<size_t> bounds;
  if (auto ex = o.find("excluded"); ex != o.end()) {
    for (const json& range : *ex) {
      if (!range.is_array() || range.size() != 2 || !range[0].is_number_unsigned() || !range[1].is_number_unsigned()) {
        ctx.At("excluded").Error("must be a list of [start, end] pairs");
        break;
      }
      bounds.push_back(range[0].get<size_t>());
      bounds.push_back(range[1].get<size_t>());
    }
  }
  if (!errors.empty()) {
    *error = errors[0].path + ": " + errors[0].message;
    return false;
  }
  if (*unit == OffsetUnit::kUtf16Units) bounds = FromUtf16Offsets(text, bounds);
  for (size_t i = 0; i + 1 < bounds.size(); i += 2) options->excluded.push_back({bounds[i], bounds[i + 1]});
  return true;
}

class JsEngine {
 public:
  explicit JsEngine(const std::string& config_json) : engine_(Engine::Create(config_json)) {}

  std::string errors() const {
    json out = json::array();
    for (const ConfigError& e : engine_->errors()) out.push_back({{"path", e.path}, {"message", e.message}});
    return out.dump();
  }

  // The text crosses as UTF-16, exactly as JavaScript holds it. Embind's
  // UTF-8 conversion would let a lone surrogate swallow the unit after it
  // (and shift every later offset); Utf16ToUtf8 makes it U+FFFD instead.
  std::string check(const std::u16string& units, const std::string& options_json) const {
    const std::string text = Utf16ToUtf8(units);
    CheckOptions options;
    OffsetUnit unit;
    std::string draft, error;
    if (!ParseCheckOptions(options_json, text, &options, &unit, &draft, &error)) {
      return json({{"error", error}, {"findings", json::array()}}).dump();
    }
    const CheckResult result = engine_->Check(text, options, draft.empty() ? nullptr : CacheFor(draft));
    return CheckReportJson(result, text, unit);
  }

  std::string rules() const { return RulesToJson(*engine_).dump(); }

 private:
  // Enough for every editor open in a browser session; each cache holds only
  // its draft's paragraphs, and the least recently checked goes first.
  static constexpr size_t kMaxDrafts = 32;

  CheckCache* CacheFor(const std::string& draft) const {
    auto it = std::find_if(drafts_.begin(), drafts_.end(), [&](const auto& d) { return d.first == draft; });
    if (it != drafts_.end()) {
      drafts_.splice(drafts_.begin(), drafts_, it);
    } else {
      drafts_.emplace_front(draft, CheckCache());
      if (drafts_.size() > kMaxDrafts) drafts_.pop_back();
    }
    return &drafts_.front().second;
  }

  std::unique_ptr<Engine> engine_;
  mutable std::list<std::pair<std::string, CheckCache>> drafts_;  // most recently checked first
};

// What the engines (and anything else alive) hold of the wasm heap. Linear
// memory only grows, so its size says how much was ever needed at once;
// this says how much is held now.
size_t HeapInUse() { return mallinfo().uordblks; }

}  // namespace
}  // namespace tactful

EMSCRIPTEN_BINDINGS(tactful) {
  emscripten::class_<tactful::JsEngine>("Engine")
      .constructor<std::string>()
      .function("errors", &tactful::JsEngine::errors)
      .function("check", &tactful::JsEngine::check)
      .function("rules", &tactful::JsEngine::rules);
  emscripten::function("heapInUse", &tactful::HeapInUse);
}
