#include "core/engine.h"

#include <algorithm>
#include <atomic>
#include <set>

#include "core/builtin_packs.h"
#include "core/checks/checks.h"

namespace tactful {

namespace {

using re2::RE2;

constexpr char kMacrosPack[] = "macros.json";
constexpr size_t kMaxGlossaryTerms = 100000;
constexpr size_t kMaxPhrases = 2000;
constexpr size_t kMaxPacks = 64;
// The trigger set is one large automaton; give its DFA room so a 1 MB paste
// stays on the fast path. If it still runs out, Check() falls back to
// running the rules directly, which is slower but gives the same findings.
constexpr int64_t kTriggerSetMaxMem = 64 << 20;

// The better of two overlapping findings of one category: higher priority,
// then one that offers a fix, then the longer span.
bool Better(const Finding& a, const Finding& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  if (a.suggestions.empty() != b.suggestions.empty()) return !a.suggestions.empty();
  return a.span.size() > b.span.size();
}

// Where a finding sorts: by category (as a rank among the reply's
// categories), position, rule id, then arrival, so ties are deterministic.
struct SortKey {
  size_t category;
  Span span;
  const std::string* rule;
  size_t index;
};

bool PositionBefore(const SortKey& a, const SortKey& b) {
  if (a.span.start != b.span.start) return a.span.start < b.span.start;
  if (a.span.end != b.span.end) return a.span.end < b.span.end;
  if (*a.rule != *b.rule) return *a.rule < *b.rule;
  return a.index < b.index;
}

std::vector<SortKey> SortKeys(const std::vector<Finding>& findings) {
  std::vector<std::string_view> categories;
  for (const Finding& f : findings) {
    if (std::find(categories.begin(), categories.end(), f.category) == categories.end()) {
      categories.push_back(f.category);
    }
  }
  std::sort(categories.begin(), categories.end());
  std::vector<SortKey> keys;
  keys.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const size_t rank = std::lower_bound(categories.begin(), categories.end(), f.category) - categories.begin();
    keys.push_back({rank, f.span, &f.rule, i});
  }
  return keys;
}

// Keeps one finding per overlapping cluster within each category, so a
// phrase is never underlined twice for the same reason. It sorts small keys,
// not the findings: a Finding is a dozen strings, and sorting those was a
// tenth of a check on a dense megabyte.
std::vector<Finding> ResolveOverlaps(std::vector<Finding> findings) {
  std::vector<SortKey> keys = SortKeys(findings);
  std::sort(keys.begin(), keys.end(), [](const SortKey& a, const SortKey& b) {
    return a.category != b.category ? a.category < b.category : PositionBefore(a, b);
  });
  std::vector<SortKey> kept;
  for (const SortKey& k : keys) {
    SortKey* last = kept.empty() ? nullptr : &kept.back();
    if (last && last->category == k.category && last->span.Overlaps(k.span)) {
      if (Better(findings[k.index], findings[last->index])) *last = k;
    } else {
      kept.push_back(k);
    }
  }
  std::sort(kept.begin(), kept.end(), PositionBefore);
  std::vector<Finding> out;
  out.reserve(kept.size());
  for (const SortKey& k : kept) out.push_back(std::move(findings[k.index]));
  return out;
}

}  // namespace

uint64_t Engine::NextSerial() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

std::unique_ptr<Engine> Engine::Create(std::string_view config_json) {
  std::unique_ptr<Engine> engine(new Engine());
  json config = json::object();
  if (config_json.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    std::string repaired(config_json);
    if (const size_t n = ReplaceLoneSurrogates(&repaired); n > 0) {
      const std::string places = n == 1 ? "1 place" : std::to_string(n) + " places";
      engine->errors_.push_back({"config", "a broken character (half of an emoji, a lone UTF-16 surrogate) in " +
                                               places + "; each now reads \u201c\uFFFD\u201d"});
    }
    std::string error;
    if (!ParseJson(repaired, &config, &error)) {
      engine->errors_.push_back({"config", "not valid JSON: " + error});
      config = json::object();
    } else if (!config.is_object()) {
      engine->errors_.push_back({"config", "must be a JSON object"});
      config = json::object();
    }
  }
  engine->LoadSharedMacros();
  const auto builtin = config.find("builtin_packs");
  if (builtin != config.end() && !builtin->is_boolean()) {
    engine->errors_.push_back({"config.builtin_packs", "must be true or false"});
  }
  if (builtin == config.end() || !builtin->is_boolean() || builtin->get<bool>()) {
    engine->LoadBuiltinPacks();
  }
  engine->ApplyConfig(config);
  engine->BuildTriggerSet();
  return engine;
}

// The shared macros are vocabulary, not rules: an organization's own packs
// use them even when the built-in packs are switched off.
void Engine::LoadSharedMacros() {
  for (const BuiltinPack& pack : BuiltinPacks()) {
    if (pack.name != kMacrosPack) continue;
    json parsed;
    std::string error;
    if (!ParseJson(pack.text, &parsed, &error)) {
      errors_.push_back({pack.name, error});
      continue;
    }
    shared_macros_ = ReadMacros(parsed, LoadContext(shared_macros_, pack.name, &errors_));
  }
}

void Engine::LoadBuiltinPacks() {
  for (const BuiltinPack& pack : BuiltinPacks()) {
    if (pack.name == kMacrosPack) continue;
    json parsed;
    std::string error;
    if (!ParseJson(pack.text, &parsed, &error)) {
      errors_.push_back({pack.name, error});
      continue;
    }
    AddChecks(LoadPack(parsed, pack.name, shared_macros_, &errors_, CompileTime::kFirstUse));
  }
}

void Engine::ApplyConfig(const json& config) {
  const LoadContext ctx(shared_macros_, "config", &errors_);
  static const std::set<std::string> kKnownKeys = {"builtin_packs", "audience", "categories", "disabled_rules",
                                                   "glossary",      "phrases",  "packs"};
  for (auto& [key, value] : config.items()) {
    if (kKnownKeys.count(key) == 0) ctx.At(key).Error("unknown setting; ignored");
  }
  if (ctx.String(config, "audience", &audience_) && !IsAudience(audience_)) {
    ctx.At("audience").Error("must be customer, internal or technical; using customer");
    audience_ = "customer";
  }
  std::vector<std::string> categories;
  if (ctx.Strings(config, "categories", &categories)) {
    for (const std::string& c : categories) {
      if (IsCategory(c)) {
        categories_.push_back(c);
      } else {
        ctx.At("categories").Error("unknown category \"" + c + "\"; ignored");
      }
    }
    // An explicit empty list switches everything off; remember that.
    if (config.contains("categories") && categories_.empty()) categories_.push_back("");
  }
  if (auto packs = config.find("packs"); packs != config.end()) {
    if (!packs->is_array()) {
      ctx.At("packs").Error("must be a list of rule packs");
    } else {
      for (size_t i = 0; i < packs->size() && i < kMaxPacks; ++i) {
        AddChecks(LoadPack((*packs)[i], "config.packs[" + std::to_string(i) + "]", shared_macros_, &errors_));
      }
      if (packs->size() > kMaxPacks) ctx.At("packs").Error("too many packs; only the first 64 are used");
    }
  }
  if (auto glossary = config.find("glossary"); glossary != config.end()) AddGlossary(*glossary);
  if (auto phrases = config.find("phrases"); phrases != config.end()) AddPhrases(*phrases);
  std::vector<std::string> disabled;
  if (ctx.Strings(config, "disabled_rules", &disabled)) {
    for (const std::string& id : disabled) {
      auto it = std::find_if(checks_.begin(), checks_.end(), [&](const auto& c) { return c->info().id == id; });
      if (it == checks_.end()) {
        ctx.At("disabled_rules").Error("no rule \"" + id + "\"");
      } else {
        checks_.erase(it);
      }
    }
  }
}

// The organization's glossary becomes one more glossary rule that outranks
// the built-in one, so its wording is what the agent sees.
void Engine::AddGlossary(const json& glossary) {
  const LoadContext ctx(shared_macros_, "config.glossary", &errors_);
  if (!glossary.is_array()) {
    ctx.Error("must be a list of {\"term\", \"plain\", \"note\"}");
    return;
  }
  json terms = glossary;
  if (terms.size() > kMaxGlossaryTerms) {
    ctx.Error("has " + std::to_string(terms.size()) + " terms; only the first 100000 are used");
    terms.erase(terms.begin() + kMaxGlossaryTerms, terms.end());
  }
  RuleInfo info;
  info.id = "org.glossary";
  info.type = "glossary";
  info.category = "jargon";
  info.priority = 4;
  info.audiences = {"customer", "internal"};
  info.message = "Your organization suggests plainer wording for \u201c{match}\u201d";
  info.why = "Readers outside the team may not know this term.";
  std::vector<std::unique_ptr<tactful::Check>> checks;
  if (auto check = MakeGlossaryFromTerms(std::move(info), terms, ctx)) checks.push_back(std::move(check));
  AddChecks(std::move(checks));
}

// Each organization phrase is an existence rule: {"pattern", "category",
// "message", "why"?, "suggestions"?, "severity"?, "id"?}.
void Engine::AddPhrases(const json& phrases) {
  const LoadContext ctx(shared_macros_, "config.phrases", &errors_);
  if (!phrases.is_array()) {
    ctx.Error("must be a list of {\"pattern\", \"category\", \"message\"}");
    return;
  }
  std::vector<std::unique_ptr<tactful::Check>> checks;
  for (size_t i = 0; i < phrases.size() && i < kMaxPhrases; ++i) {
    json rule = phrases[i];
    const LoadContext item = ctx.At(i);
    if (!rule.is_object()) {
      item.Error("must be an object; skipped");
      continue;
    }
    if (!rule.contains("id")) rule["id"] = "org.phrase." + std::to_string(i + 1);
    if (rule.contains("pattern") && !rule.contains("patterns")) rule["patterns"] = rule["pattern"];
    rule["type"] = "existence";
    // The organization's own wording wins over a built-in finding it overlaps.
    if (!rule.contains("priority")) rule["priority"] = 5;
    if (auto check = LoadRule(rule, item)) checks.push_back(std::move(check));
  }
  if (phrases.size() > kMaxPhrases) ctx.Error("too many phrases; only the first 2000 are used");
  AddChecks(std::move(checks));
}

void Engine::AddChecks(std::vector<std::unique_ptr<tactful::Check>> checks) {
  for (auto& check : checks) {
    const std::string& id = check->info().id;
    const bool duplicate =
        std::any_of(checks_.begin(), checks_.end(), [&](const auto& c) { return c->info().id == id; });
    if (duplicate) {
      errors_.push_back({id, "duplicate rule id; the later rule is skipped"});
      continue;
    }
    checks_.push_back(std::move(check));
  }
}

void Engine::BuildTriggerSet() {
  RE2::Options options = RuleRegexOptions();
  options.set_max_mem(kTriggerSetMaxMem);
  triggers_.set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (size_t i = 0; i < checks_.size(); ++i) {
    if (checks_[i]->scope() == tactful::Check::Scope::kReply) reply_checks_.push_back(i);
    triggers_.first.push_back(triggers_.all.size());
    const std::vector<std::string> regexes = checks_[i]->Triggers();
    for (size_t t = 0; t < regexes.size(); ++t) {
      triggers_.all.push_back({i, t});
      std::string error;
      if (triggers_.set->Add(regexes[t], &error) < 0) {
        errors_.push_back({checks_[i]->info().id, "trigger does not compile: " + error});
        continue;
      }
      triggers_.owner.push_back({i, t});
    }
  }
  if (!triggers_.set->Compile()) triggers_.set.reset();
}

void Engine::TriggerSet::Match(std::string_view text, std::vector<int>* matched,
                               std::vector<TriggerRef>* fired) const {
  fired->clear();
  RE2::Set::ErrorInfo error;
  if (set && set->Match(absl::string_view(text.data(), text.size()), matched, &error)) {
    std::sort(matched->begin(), matched->end());  // set patterns are in check order
    for (int m : *matched) fired->push_back(owner[m]);
    return;
  }
  if (set && error.kind == RE2::Set::kNoError) return;
  *fired = all;  // the set ran out of memory, or never compiled
}

std::vector<bool> Engine::ActiveChecks(const CheckOptions& options) const {
  const std::string& audience = options.audience.empty() ? audience_ : options.audience;
  const std::vector<std::string>& categories = options.categories.empty() ? categories_ : options.categories;
  std::vector<bool> active(checks_.size());
  for (size_t i = 0; i < checks_.size(); ++i) {
    const RuleInfo& info = checks_[i]->info();
    const bool category_on =
        categories.empty() || std::find(categories.begin(), categories.end(), info.category) != categories.end();
    active[i] = category_on && info.AppliesTo(audience);
  }
  return active;
}

void Engine::CheckParagraph(const Document& doc, Span para, const std::vector<bool>& active,
                            ParagraphScratch* scratch, std::vector<Finding>* out,
                            std::vector<TriggerRef>* reply_hits) const {
  triggers_.Match(std::string_view(doc.masked()).substr(para.start, para.size()), &scratch->matched,
                  &scratch->fired);
  const std::vector<TriggerRef>& fired = scratch->fired;
  std::vector<size_t>& check_fired = scratch->check_fired;
  for (size_t k = 0; k < fired.size();) {
    const size_t check = fired[k].check;
    check_fired.clear();
    for (; k < fired.size() && fired[k].check == check; ++k) check_fired.push_back(fired[k].trigger);
    if (checks_[check]->scope() == tactful::Check::Scope::kReply) {
      for (size_t t : check_fired) reply_hits->push_back({check, t});
    } else if (active[check]) {
      checks_[check]->Run(doc, para, check_fired, out);
    }
  }
}

namespace {

// Everything a paragraph's phrase findings depend on: its text as written
// (messages quote it) and as masked (what rules match), through the end of
// the next paragraph's first sentence, where sequence rules and "unless"
// exceptions may look.
std::string ParagraphKey(const Document& doc, size_t index) {
  const Span para = doc.paragraphs()[index];
  size_t end = para.end;
  if (index + 1 < doc.paragraphs().size()) {
    const size_t next = doc.SentenceIndexAt(doc.paragraphs()[index + 1].start);
    if (next < doc.sentences().size()) end = doc.sentences()[next].end;
  }
  const size_t size = end - para.start;
  std::string key;
  key.reserve(2 * size + 1);
  key.append(doc.text().substr(para.start, size));
  key += '\0';
  key.append(doc.masked(), para.start, size);
  return key;
}

// Moves findings' offsets from a paragraph starting at `from` to one starting at `to`.
void ShiftSpans(std::vector<Finding>::iterator first, std::vector<Finding>::iterator last, size_t from,
                size_t to) {
  for (; first != last; ++first) {
    first->span.start = first->span.start - from + to;
    first->span.end = first->span.end - from + to;
    if (!first->starter.empty()) first->starter_at = first->starter_at - from + to;
  }
}

}  // namespace

void Engine::CheckParagraphCached(const Document& doc, size_t index, const std::vector<bool>& active,
                                  CheckCache* cache, ParagraphScratch* scratch, std::vector<Finding>* out,
                                  std::vector<TriggerRef>* reply_hits) const {
  const Span para = doc.paragraphs()[index];
  if (!cache) {
    CheckParagraph(doc, para, active, scratch, out, reply_hits);
    return;
  }
  std::string key = ParagraphKey(doc, index);
  const size_t first = out->size();
  if (auto hit = cache->entries_.find(key); hit != cache->entries_.end()) {
    hit->second.generation = cache->generation_;
    out->insert(out->end(), hit->second.findings.begin(), hit->second.findings.end());
    ShiftSpans(out->begin() + first, out->end(), 0, para.start);
    reply_hits->insert(reply_hits->end(), hit->second.reply_hits.begin(), hit->second.reply_hits.end());
    return;
  }
  std::vector<TriggerRef> hits;
  CheckParagraph(doc, para, active, scratch, out, &hits);
  std::vector<Finding> found(out->begin() + first, out->end());
  ShiftSpans(found.begin(), found.end(), para.start, 0);
  reply_hits->insert(reply_hits->end(), hits.begin(), hits.end());
  cache->entries_.emplace(std::move(key), CheckCache::Entry{std::move(found), std::move(hits), cache->generation_});
}

void Engine::CheckReply(const Document& doc, const std::vector<bool>& active,
                        const std::vector<TriggerRef>& reply_hits, CheckResult* result,
                        std::vector<Finding> findings) const {
  // Per reply check, the triggers that occur in the reply, ascending.
  std::vector<std::vector<size_t>> fired(checks_.size());
  for (TriggerRef t : reply_hits) fired[t.check].push_back(t.trigger);
  for (std::vector<size_t>& f : fired) std::sort(f.begin(), f.end());
  for (size_t i : reply_checks_) {
    if (active[i]) checks_[i]->Run(doc, {0, doc.text().size()}, fired[i], &findings);
  }
  // "released (deployed to prod)", the form jargon suggestions offer,
  // explains the bracketed term; flagging it there would undo the fix. And
  // a term the reply explains ("DNS settings - the records that ...") is
  // jargon to no reader, whichever rule found it.
  const auto explained = [&](const Finding& f) {
    return f.category == "jargon" &&
           (doc.TouchesDefinition(f.span) ||
            doc.IsExplained(NormalizeTerm(doc.masked().substr(f.span.start, f.span.size())), f.span));
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(), explained), findings.end());
  result->findings = ResolveOverlaps(std::move(findings));
  for (size_t i : reply_checks_) {
    if (!active[i]) continue;
    if (auto item = checks_[i]->Assess(doc, fired[i], result->findings)) result->checklist.push_back(std::move(*item));
  }
}

CheckResult Engine::Check(std::string_view text, const CheckOptions& options, CheckCache* cache) const {
  const Document doc(text, options.excluded);
  const std::vector<bool> active = ActiveChecks(options);
  if (cache && (cache->engine_ != serial_ || cache->active_ != active)) {
    cache->entries_.clear();
    cache->engine_ = serial_;
    cache->active_ = active;
  }
  if (cache) ++cache->generation_;
  std::vector<Finding> findings;
  // Each reply trigger once, however many paragraphs hold it: on a long
  // reply CheckReply would otherwise sort thousands of repeats away.
  std::vector<TriggerRef> reply_hits;
  std::vector<bool> reply_hit(triggers_.all.size());  // by index into triggers_.all
  ParagraphScratch scratch;
  for (size_t p = 0; p < doc.paragraphs().size(); ++p) {
    scratch.reply_hits.clear();
    CheckParagraphCached(doc, p, active, cache, &scratch, &findings, &scratch.reply_hits);
    for (TriggerRef t : scratch.reply_hits) {
      const size_t index = triggers_.first[t.check] + t.trigger;
      if (!reply_hit[index]) reply_hits.push_back(t);
      reply_hit[index] = true;
    }
  }
  if (cache) {
    // Keep only this draft's current paragraphs.
    for (auto it = cache->entries_.begin(); it != cache->entries_.end();) {
      it = it->second.generation == cache->generation_ ? std::next(it) : cache->entries_.erase(it);
    }
  }
  CheckResult result{{}, doc.excluded(), doc.invalid_utf8(), {}};
  CheckReply(doc, active, reply_hits, &result, std::move(findings));
  return result;
}

std::vector<const RuleInfo*> Engine::Rules() const {
  std::vector<const RuleInfo*> rules;
  for (const auto& c : checks_) rules.push_back(&c->info());
  std::sort(rules.begin(), rules.end(), [](const RuleInfo* a, const RuleInfo* b) { return a->id < b->id; });
  return rules;
}

}  // namespace tactful
