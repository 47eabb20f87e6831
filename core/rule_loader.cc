#include "core/rule_loader.h"

#include <algorithm>
#include <map>

#include "core/checks/checks.h"

namespace tactful {

const char* const kCategories[5] = {"apology", "blame", "jargon", "tone", "structure"};

bool IsCategory(std::string_view category) {
  return std::any_of(std::begin(kCategories), std::end(kCategories), [&](const char* k) { return category == k; });
}

bool IsAudience(std::string_view audience) {
  return audience == "customer" || audience == "internal" || audience == "technical";
}

namespace {

const std::map<std::string, CheckFactory, std::less<>>& Factories() {
  static const std::map<std::string, CheckFactory, std::less<>> factories = {
      {"existence", MakeExistenceCheck}, {"substitution", MakeSubstitutionCheck},
      {"sequence", MakeSequenceCheck},   {"acronym", MakeAcronymCheck},
      {"glossary", MakeGlossaryCheck},   {"reply", MakeReplyCheck},
      {"checklist", MakeChecklistCheck},
  };
  return factories;
}

bool OneOf(const std::string& value, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; });
}

// Collects the first syntax error's message; accepts everything else.
struct ErrorOnlySax : nlohmann::json_sax<json> {
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    message = ex.what();
    return false;
  }
};

// "examples": {"flag": ["...", ...], "pass": [...], ...}; kept for `explain`.
bool ReadExamples(const json& rule, const LoadContext& ctx,
                  std::vector<std::pair<std::string, std::vector<std::string>>>* out) {
  auto it = rule.find("examples");
  if (it == rule.end()) return true;
  if (!it->is_object()) {
    ctx.At("examples").Error("must be an object of kind: [texts]");
    return false;
  }
  for (auto& [kind, texts] : it->items()) {
    std::vector<std::string> list;
    if (!ctx.At("examples").Strings(*it, kind, &list)) return false;
    out->emplace_back(kind, std::move(list));
  }
  return true;
}

// nlohmann parses iteratively, but copying or printing a value recurses
// once per level, so "[[[[..." a megabyte deep would overflow the stack
// (the wasm stack most of all). No configuration needs more than a few
// levels.
constexpr int kMaxJsonDepth = 64;

// Where `text` first nests deeper than kMaxJsonDepth, or npos. Exact for
// valid JSON; on invalid JSON the parser stops at the first error anyway.
size_t TooDeepAt(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

// Text quoted in an error message: enough to find it, not a megabyte.
std::string Abbreviated(std::string_view s, size_t max_bytes = 80) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // whole characters
  return std::string(s.substr(0, end)) + "\u2026";
}

// What EscapedUnit() returns where there is no "\uXXXX": no UTF-16 unit.
constexpr char32_t kNoEscape = 0xFFFFFFFF;

// The UTF-16 unit of the "\uXXXX" escape at text[i], or kNoEscape.
char32_t EscapedUnit(std::string_view text, size_t i) {
  if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return kNoEscape;
  char32_t unit = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const char c = static_cast<char>(text[k] | 0x20);  // ASCII lower case
    const int digit = IsAsciiDigit(text[k]) ? text[k] - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
    if (digit < 0) return kNoEscape;
    unit = unit * 16 + static_cast<char32_t>(digit);
  }
  return unit;
}

}  // namespace

size_t ReplaceLoneSurrogates(std::string* json_text) {
  std::string& text = *json_text;
  size_t replaced = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '\\') continue;
    const char32_t unit = EscapedUnit(text, i);
    if (unit == kNoEscape) {
      ++i;  // another escape ("\\", "\n"): its character is not a backslash
      continue;
    }
    if (IsHighSurrogate(unit) && IsLowSurrogate(EscapedUnit(text, i + 6))) {
      i += 11;  // a whole pair
      continue;
    }
    if (IsHighSurrogate(unit) || IsLowSurrogate(unit)) {
      text.replace(i + 2, 4, "fffd");
      ++replaced;
    }
    i += 5;
  }
  return replaced;
}

bool ParseJson(std::string_view text, json* out, std::string* error) {
  if (const size_t at = TooDeepAt(text); at != std::string_view::npos) {
    *out = json();
    *error = "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep at byte " + std::to_string(at);
    return false;
  }
  *out = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!out->is_discarded()) return true;
  ErrorOnlySax sax;
  json::sax_parse(text.begin(), text.end(), &sax);
  // "[json.exception.parse_error.101] parse error at line 1, column 5: ...
  // last read: '...'", where the last token may be a megabyte of anything.
  const size_t at = sax.message.find("] ");
  *error = Abbreviated(ToValidUtf8(at == std::string::npos ? sax.message : sax.message.substr(at + 2)), 240);
  if (error->empty()) *error = "not valid JSON";
  return false;
}

LoadContext LoadContext::At(std::string_view key) const {
  return LoadContext(macros_, path_ + "." + std::string(key), errors_, compile_time_);
}

LoadContext LoadContext::At(size_t index) const {
  return LoadContext(macros_, path_ + "[" + std::to_string(index) + "]", errors_, compile_time_);
}

void LoadContext::Error(std::string message) const { errors_->push_back({path_, std::move(message)}); }

bool LoadContext::String(const json& rule, std::string_view key, std::string* out) const {
  auto it = rule.find(key);
  if (it == rule.end()) return true;
  if (!it->is_string()) {
    At(key).Error("must be a string");
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool LoadContext::Strings(const json& rule, std::string_view key, std::vector<std::string>* out) const {
  auto it = rule.find(key);
  if (it == rule.end()) return true;
  if (it->is_string()) {
    out->push_back(it->get<std::string>());
    return true;
  }
  if (!it->is_array()) {
    At(key).Error("must be a string or a list of strings");
    return false;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_string()) {
      At(key).At(i).Error("must be a string");
      return false;
    }
    out->push_back((*it)[i].get<std::string>());
  }
  return true;
}

bool LoadContext::Patterns(const json& rule, std::string_view key, bool required, bool case_sensitive,
                           std::vector<std::unique_ptr<Pattern>>* out) const {
  std::vector<std::string> sources;
  if (!Strings(rule, key, &sources)) return false;
  if (sources.empty() && required) {
    At(key).Error("is required: give at least one pattern");
    return false;
  }
  for (size_t i = 0; i < sources.size(); ++i) {
    std::string error;
    auto p = Pattern::Compile(sources[i], macros_, case_sensitive, &error, compile_time_);
    if (!p) {
      const LoadContext item = rule.at(std::string(key)).is_array() ? At(key).At(i) : At(key);
      item.Error(error + " in \"" + Abbreviated(sources[i]) + "\"");
      return false;
    }
    out->push_back(std::move(p));
  }
  return true;
}

Macros ReadMacros(const json& pack, const LoadContext& ctx) {
  Macros macros;
  auto it = pack.find("macros");
  if (it == pack.end()) return macros;
  if (!it->is_object()) {
    ctx.At("macros").Error("must be an object of NAME: pattern");
    return macros;
  }
  for (auto& [name, value] : it->items()) {
    if (!value.is_string()) {
      ctx.At("macros").At(name).Error("must be a string");
      continue;
    }
    macros[name] = value.get<std::string>();
  }
  return macros;
}

bool ReadRuleInfo(const json& rule, const LoadContext& ctx, RuleInfo* info) {
  if (!rule.is_object()) {
    ctx.Error("a rule must be an object");
    return false;
  }
  bool ok = ctx.String(rule, "id", &info->id) && ctx.String(rule, "type", &info->type) &&
            ctx.String(rule, "category", &info->category) && ctx.String(rule, "severity", &info->severity) &&
            ctx.String(rule, "message", &info->message) && ctx.String(rule, "why", &info->why);
  if (!ok) return false;
  if (info->id.empty()) ctx.At("id").Error("is required");
  if (!IsCategory(info->category)) {
    ctx.At("category").Error("must be one of apology, blame, jargon, tone, structure");
    ok = false;
  }
  if (!OneOf(info->severity, {"error", "warning", "suggestion"})) {
    ctx.At("severity").Error("must be error, warning or suggestion");
    ok = false;
  }
  if (info->message.empty()) {
    ctx.At("message").Error("is required");
    ok = false;
  }
  if (!ctx.Strings(rule, "audiences", &info->audiences)) ok = false;
  if (!ctx.String(rule, "starter", &info->starter)) ok = false;
  if (!ReadExamples(rule, ctx, &info->examples)) ok = false;
  for (const std::string& a : info->audiences) {
    if (!OneOf(a, {"customer", "internal", "technical"})) {
      ctx.At("audiences").Error("unknown audience \"" + a + "\" (customer, internal, technical)");
      ok = false;
    }
  }
  if (auto it = rule.find("priority"); it != rule.end()) {
    if (!it->is_number_integer()) {
      ctx.At("priority").Error("must be an integer");
      ok = false;
    } else {
      info->priority = it->get<int>();
    }
  }
  return ok && !info->id.empty();
}

std::unique_ptr<Check> LoadRule(const json& rule, const LoadContext& ctx) {
  RuleInfo info;
  if (!ReadRuleInfo(rule, ctx, &info)) return nullptr;
  auto factory = Factories().find(info.type);
  if (factory == Factories().end()) {
    ctx.At("type").Error("unknown check type \"" + info.type +
                         "\" (existence, substitution, sequence, acronym, glossary, reply)");
    return nullptr;
  }
  return factory->second(rule, std::move(info), ctx);
}

std::vector<std::unique_ptr<Check>> LoadPack(const json& pack, std::string_view name,
                                             const Macros& shared_macros,
                                             std::vector<ConfigError>* errors, CompileTime patterns) {
  std::vector<std::unique_ptr<Check>> checks;
  const LoadContext top(shared_macros, std::string(name), errors, patterns);
  if (!pack.is_object()) {
    top.Error("a pack must be a JSON object with \"rules\"");
    return checks;
  }
  Macros macros = ReadMacros(pack, top);
  macros.insert(shared_macros.begin(), shared_macros.end());  // a pack's own macros win
  const LoadContext ctx(macros, std::string(name), errors, patterns);
  auto rules = pack.find("rules");
  if (rules == pack.end() || !rules->is_array()) {
    ctx.At("rules").Error("must be a list of rules");
    return checks;
  }
  for (size_t i = 0; i < rules->size(); ++i) {
    if (auto check = LoadRule((*rules)[i], ctx.At("rules").At(i))) checks.push_back(std::move(check));
  }
  return checks;
}

}  // namespace tactful
