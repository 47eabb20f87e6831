#include "fuzz/targets.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "core/engine.h"
#include "core/report.h"

namespace tactful::fuzz {

namespace {

// Not assert(): it must hold in release builds too.
void Expect(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// A reply that touches most kinds of rule (apology, blame, jargon, tone,
// structure), a quote block and a signature.
constexpr char kReply[] =
    "Hi Jo 😊,\n\nWe're sorry if the DNS change broke SSO, but that's our policy. "
    "You should have read the docs. Calm down, it's escalated to L2.\n\n"
    "> On Monday you wrote: this is broken\n\n-- \nSam";

// Creating an engine compiles every rule; the default one is built once.
const Engine& DefaultEngine() {
  static const std::unique_ptr<Engine> engine = Engine::Create("");
  return *engine;
}

// What the wasm API and the CLI do with a result; both must succeed.
void Report(const CheckResult& result, std::string_view text) {
  Expect(result.findings.size() <= text.size() + 1, "more findings than bytes");
  size_t previous_start = 0;
  for (const Finding& f : result.findings) {
    Expect(f.span.start <= f.span.end && f.span.end <= text.size(), "finding outside the text");
    Expect(f.span.start >= previous_start, "findings out of order");
    previous_start = f.span.start;
  }
  for (Span s : result.excluded) Expect(s.start <= s.end && s.end <= text.size(), "excluded range outside the text");
  for (OffsetUnit unit : {OffsetUnit::kUtf8Bytes, OffsetUnit::kUtf16Units}) {
    json out = ResultToJson(result, text, unit);
    out["checklist"] = ChecklistToJson(result, text, unit);
    // The wasm API and `check --jsonl` write the report directly; the CLI's
    // file report builds it with nlohmann. Both must print the same bytes.
    Expect(CheckReportJson(result, text, unit) == out.dump(-1, ' ', false, json::error_handler_t::replace),
           "CheckReportJson differs from the nlohmann report");
  }
}

bool SameFinding(const Finding& a, const Finding& b) {
  return a.rule == b.rule && a.span == b.span && a.message == b.message && a.why == b.why &&
         a.suggestions == b.suggestions;
}

bool SameResult(const CheckResult& a, const CheckResult& b) {
  if (a.findings.size() != b.findings.size() || a.checklist.size() != b.checklist.size()) return false;
  for (size_t i = 0; i < a.findings.size(); ++i) {
    if (!SameFinding(a.findings[i], b.findings[i])) return false;
  }
  for (size_t i = 0; i < a.checklist.size(); ++i) {
    if (a.checklist[i].id != b.checklist[i].id || a.checklist[i].state != b.checklist[i].state) return false;
  }
  return true;
}

// Checks `text` as is; through a cache that last saw an earlier draft of
// it (incremental checking must find exactly what a full check finds); and
// the way a browser might ask: another audience and category set, and
// excluded ranges that split characters, run past the end or are back to
// front.
void CheckEveryWay(const Engine& engine, std::string_view text) {
  const CheckResult full = engine.Check(text);
  Report(full, text);
  const size_t n = text.size();
  CheckCache cache;
  engine.Check(text.substr(0, n / 2), {}, &cache);
  Expect(SameResult(engine.Check(text, {}, &cache), full), "a cached check differs from a full one");
  CheckOptions options;
  options.audience = "technical";
  options.categories = {"apology", "tone", "structure"};
  options.excluded = {{n / 4 + 1, n / 2}, {n, n + 10}, {n / 2 + 3, n / 2}};
  Report(engine.Check(text, options), text);
}

}  // namespace

void CheckText(std::string_view input) {
  const size_t nul = input.find('\0');
  if (nul == std::string_view::npos) {
    CheckEveryWay(DefaultEngine(), input);
    return;
  }
  const std::string config(input.substr(0, nul));
  const std::string_view text = input.substr(nul + 1);
  // Configurations that do not parse are LoadConfig's business; here they
  // would only rebuild the default engine, slowly, again and again.
  json parsed;
  std::string error;
  if (!ParseJson(config, &parsed, &error)) {
    CheckEveryWay(DefaultEngine(), text);
    return;
  }
  // Mutations mostly change the text; keep the engines of recent configs.
  static std::map<std::string, std::unique_ptr<Engine>> engines;
  if (engines.size() > 16) engines.clear();
  std::unique_ptr<Engine>& engine = engines[config];
  if (!engine) engine = Engine::Create(config);
  CheckEveryWay(*engine, text);
}

void LoadConfig(std::string_view input) {
  json config;
  std::string error;
  if (!ParseJson(input, &config, &error)) {
    Expect(FindInvalidUtf8(error).empty(), "a JSON error message is not valid UTF-8");
    Expect(error.size() < 300, "a JSON error message quotes too much");
    return;
  }
  // The built-in packs take most of the time to load and are not what is
  // fuzzed here: they load only when the input asks for them.
  if (config.is_object() && !config.contains("builtin_packs")) config["builtin_packs"] = false;
  const std::unique_ptr<Engine> engine = Engine::Create(config.dump());
  // The wasm API dumps these with the strict UTF-8 handler.
  json errors = json::array();
  for (const ConfigError& e : engine->errors()) errors.push_back({{"path", e.path}, {"message", e.message}});
  errors.dump();
  RulesToJson(*engine).dump();
  Report(engine->Check(kReply), kReply);
}

void MapOffsets(std::string_view input) {
  // Every byte offset, through UTF-16 units and back.
  std::vector<size_t> bytes(input.size() + 1);
  for (size_t i = 0; i <= input.size(); ++i) bytes[i] = i;
  const std::vector<size_t> units = ToUtf16Offsets(input, bytes);
  for (size_t i = 1; i < units.size(); ++i) Expect(units[i - 1] <= units[i], "UTF-16 offsets not monotonic");
  const std::vector<size_t> back = FromUtf16Offsets(input, units);
  const std::vector<size_t> again = ToUtf16Offsets(input, back);
  for (size_t i = 0; i <= input.size(); ++i) {
    // Inside a sequence an offset moves to the sequence's end; between
    // characters (where every offset the engine reports lies) it stays.
    const bool boundary = i == input.size() || (static_cast<unsigned char>(input[i]) & 0xC0) != 0x80;
    Expect(!boundary || back[i] == i, "a character boundary does not survive UTF-16 and back");
    Expect(again[i] == units[i], "byte -> UTF-16 -> byte is not stable");
  }
  // The same bytes as UTF-16 units, as a JavaScript string (lone surrogates
  // included) reaches the engine: the UTF-8 is valid and counts the same.
  std::u16string js(input.size() / 2, u'\0');
  for (size_t i = 0; i < js.size(); ++i) {
    js[i] = static_cast<char16_t>(static_cast<unsigned char>(input[2 * i]) |
                                  static_cast<unsigned char>(input[2 * i + 1]) << 8);
  }
  const std::string utf8 = Utf16ToUtf8(js);
  Expect(FindInvalidUtf8(utf8).empty(), "Utf16ToUtf8 made invalid UTF-8");
  Expect(ToUtf16Offsets(utf8, {utf8.size()})[0] == js.size(), "Utf16ToUtf8 changed the unit count");
  // Lines and columns stay inside the text.
  const LineIndex lines(input);
  for (size_t i = 0; i <= input.size(); i += 1 + i / 8) {
    const Span line = lines.LineAt(i);
    Expect(line.start <= line.end && line.end <= input.size(), "line outside the text");
    Expect(lines.Column(i) <= i + 1, "column past the offset");
  }
}

}  // namespace tactful::fuzz
