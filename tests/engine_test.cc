// The engine as a whole: configuration, options, ordering and hostile input.
#include <algorithm>

#include "doctest/doctest.h"
#include "tests/test_util.h"

namespace tactful {

using testing::OfRule;

namespace {

bool HasError(const Engine& e, const std::string& path_part, const std::string& message_part) {
  return std::any_of(e.errors().begin(), e.errors().end(), [&](const ConfigError& err) {
    return err.path.find(path_part) != std::string::npos && err.message.find(message_part) != std::string::npos;
  });
}

}  // namespace

TEST_SUITE("engine") {

TEST_CASE("the built-in packs load without errors and every rule has an id, message and why") {
  auto engine = Engine::Create("");
  for (const ConfigError& e : engine->errors()) FAIL_CHECK(e.path << ": " << e.message);
  CHECK(engine->Rules().size() >= 20);
  for (const RuleInfo* r : engine->Rules()) {
    CHECK_MESSAGE(!r->message.empty(), r->id);
    CHECK_MESSAGE(!r->why.empty(), r->id);
  }
}

TEST_CASE("malformed configuration is reported with where and why, and the rest still applies") {
  auto broken = Engine::Create("{\"audience\": ");
  CHECK(HasError(*broken, "config", "not valid JSON"));
  CHECK(!broken->Rules().empty());  // the defaults still work

  auto engine = Engine::Create(R"js({
    "audience": 7, "colour": "blue",
    "glossary": [{"term": "zorbflux", "plain": "the thing"}, {"plain": "no term"}, 42],
    "phrases": [{"pattern": "bad (regex", "category": "tone", "message": "m"},
                {"pattern": "{NOPE}", "category": "tone", "message": "m"},
                {"pattern": "frobnicate", "category": "tone", "message": "Say fix"},
                {"pattern": "x", "category": "mood", "message": "m"}],
    "disabled_rules": ["no.such.rule"]})js");
  CHECK(HasError(*engine, "config.audience", "must be a string"));
  CHECK(HasError(*engine, "config.colour", "unknown setting"));
  CHECK(HasError(*engine, "config.glossary[1]", "needs \"term\""));
  CHECK(HasError(*engine, "config.glossary[2]", "needs \"term\""));
  CHECK(HasError(*engine, "config.phrases[0].patterns", "invalid pattern"));
  CHECK(HasError(*engine, "config.phrases[1].patterns", "unknown macro {NOPE}"));
  CHECK(HasError(*engine, "config.phrases[3].category", "must be one of"));
  CHECK(HasError(*engine, "config.disabled_rules", "no rule \"no.such.rule\""));
  const CheckResult r = engine->Check("Please frobnicate the zorbflux.");
  CHECK(OfRule(r, "org.phrase.3").size() == 1);
  CHECK(OfRule(r, "org.glossary").size() == 1);
}

TEST_CASE("an organization phrase wins over a built-in finding it overlaps") {
  auto engine = Engine::Create(R"js({"phrases": [
    {"pattern": "as per (?:our|the) SLA", "category": "jargon", "message": "Say what was promised",
     "suggestions": ["as we promised"]}]})js");
  REQUIRE(engine->errors().empty());
  const CheckResult r = engine->Check("As per our SLA, we reply within a day.");
  REQUIRE(OfRule(r, "org.phrase.1").size() == 1);
  CHECK(OfRule(r, "jargon.glossary").empty());
}

TEST_CASE("rule packs report wrong types, unknown check types and duplicate ids") {
  auto engine = Engine::Create(R"js({"builtin_packs": false, "packs": [{"rules": [
    {"id": "a", "type": "existence", "category": "tone", "message": "m", "patterns": [1]},
    {"id": "b", "type": "telepathy", "category": "tone", "message": "m"},
    {"id": "c", "type": "sequence", "category": "tone", "message": "m", "first": "x", "then": "y", "within": 3},
    {"id": "d", "type": "existence", "category": "tone", "message": "m", "patterns": "ok"},
    {"id": "d", "type": "existence", "category": "tone", "message": "m", "patterns": "ok"}]}]})js");
  CHECK(HasError(*engine, "config.packs[0].rules[0].patterns[0]", "must be a string"));
  CHECK(HasError(*engine, "config.packs[0].rules[1].type", "unknown check type"));
  CHECK(HasError(*engine, "config.packs[0].rules[2].within", "must be a string"));
  CHECK(HasError(*engine, "d", "duplicate rule id"));
  CHECK(engine->Rules().size() == 1);
}

TEST_CASE("categories, audience and disabled rules switch findings off") {
  const std::string text = "We're sorry if the DNS change broke it. Obviously that's our policy.";
  auto engine = Engine::Create("");
  CHECK(!OfRule(engine->Check(text), "apology.conditional").empty());
  CheckOptions only_tone;
  only_tone.categories = {"tone"};
  for (const Finding& f : engine->Check(text, only_tone).findings) CHECK(f.category == "tone");
  CheckOptions technical;
  technical.audience = "technical";
  for (const Finding& f : engine->Check(text, technical).findings) CHECK(f.category != "jargon");
  auto quiet = Engine::Create(R"js({"disabled_rules": ["apology.conditional"], "categories": ["apology"]})js");
  CHECK(quiet->errors().empty());
  CHECK(OfRule(quiet->Check(text), "apology.conditional").empty());
  for (const Finding& f : quiet->Check(text).findings) CHECK(f.category == "apology");
}

TEST_CASE("findings are ordered and identical on every run") {
  auto engine = Engine::Create("");
  const std::string text = "Obviously you should have read it. I'm sorry if that's our policy. Calm down.";
  const CheckResult a = engine->Check(text);
  const CheckResult b = engine->Check(text);
  REQUIRE(a.findings.size() == b.findings.size());
  for (size_t i = 0; i < a.findings.size(); ++i) {
    CHECK(a.findings[i].span == b.findings[i].span);
    CHECK(a.findings[i].rule == b.findings[i].rule);
    if (i > 0) CHECK(a.findings[i - 1].span.start <= a.findings[i].span.start);
  }
}

TEST_CASE("one phrase is underlined once per category") {
  auto engine = Engine::Create("");
  const CheckResult r = engine->Check("I apologize that you're upset, but we followed the process.");
  size_t apology = 0;
  for (const Finding& f : r.findings) apology += f.category == "apology";
  CHECK(apology == 1);
}

TEST_CASE("hostile input: invalid UTF-8, NUL bytes, empty text, a 10 MB single line") {
  auto engine = Engine::Create("");
  CHECK(engine->Check("").findings.empty());
  const std::string bad = std::string("We're sorry if \xFF\xFE it broke.\0 Calm down.", 38);
  const CheckResult r = engine->Check(bad);
  CHECK(r.invalid_utf8.size() == 1);
  CHECK(!OfRule(r, "apology.conditional").empty());
  CHECK(!OfRule(r, "tone.calm_down").empty());
  std::string big;
  while (big.size() < (10u << 20)) big += "we are sorry if (the DNS thing) failed, calm down ";
  const CheckResult huge = engine->Check(big);
  CHECK(huge.findings.size() > 1000);
  CHECK(huge.findings.back().span.end <= big.size());
}

TEST_CASE("hostile input: binary data is checked like text, findings stay inside it") {
  auto engine = Engine::Create("");
  std::string bytes(1 << 20, '\0');
  uint32_t state = 12345;  // a fixed xorshift stream: the same bytes every run
  for (char& c : bytes) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    c = static_cast<char>(state);
  }
  bytes += " Calm down.";
  const CheckResult r = engine->Check(bytes);
  CHECK(!r.invalid_utf8.empty());
  CHECK(!OfRule(r, "tone.calm_down").empty());
  for (const Finding& f : r.findings) CHECK(f.span.end <= bytes.size());
}

TEST_CASE("hostile config: deep nesting is refused with a clear error before it is parsed") {
  const std::string deep = R"({"glossary": )" + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto engine = Engine::Create(deep);
  CHECK(HasError(*engine, "config", "nested more than 64 levels deep at byte 76"));
  CHECK(!engine->Rules().empty());  // the defaults still apply
  // Brackets inside strings are text, and ordinary nesting is fine.
  auto fine = Engine::Create(R"({"glossary": [{"term": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x"}]})");
  CHECK(fine->errors().empty());
  json parsed;
  std::string error;
  CHECK(ParseJson(std::string(64, '[') + std::string(64, ']'), &parsed, &error));
  CHECK(!ParseJson(std::string(65, '{'), &parsed, &error));
  CHECK(error.find("nested more than 64") != std::string::npos);
}

TEST_CASE("hostile config: a JSON error quoting invalid UTF-8 is itself valid UTF-8 and short") {
  // Found by fuzz.config (fuzz/regressions/config/): nlohmann quotes the bad
  // bytes, and the wasm API's strict JSON dump of errors() threw on them.
  const std::string config = "{\"phrases\": [{\"pattern\": \"sorry \x93 if " + std::string(100000, 'x') + "\"}]}";
  auto engine = Engine::Create(config);
  REQUIRE(engine->errors().size() == 1);
  const ConfigError& e = engine->errors()[0];
  CHECK(e.message.find("not valid JSON") == 0);
  CHECK(FindInvalidUtf8(e.message).empty());
  CHECK(e.message.size() < 300);
}

TEST_CASE("hostile config: half an emoji from JavaScript costs one character, not the whole config") {
  // JSON.stringify writes a lone surrogate as an escape that strict JSON
  // parsers refuse; the organization's other terms must keep working.
  auto engine = Engine::Create(R"js({"glossary": [
      {"term": "flux capacitor", "plain": "time part", "note": "broken \ud83d here"},
      {"term": "quantum widget", "plain": "gadget \udc00"},
      {"term": "smile \ud83d\ude00", "plain": "a whole pair", "note": "escaped backslash \\ud800 is text"}]})js");
  REQUIRE(engine->errors().size() == 1);
  CHECK(engine->errors()[0].path == "config");
  CHECK(engine->errors()[0].message.find("2 places") != std::string::npos);
  const CheckResult r = engine->Check("The flux capacitor and the quantum widget both failed.");
  REQUIRE(testing::OfRule(r, "org.glossary").size() == 2);
  CHECK(testing::OfRule(r, "org.glossary")[0].why == "broken \xEF\xBF\xBD here");
  CHECK(testing::OfRule(r, "org.glossary")[1].suggestions[0] == "gadget \xEF\xBF\xBD");

  std::string text = R"("\ud83d\ude00 \\ud800 \\\ud800 \udfff\ud800")";
  CHECK(ReplaceLoneSurrogates(&text) == 3);
  CHECK(text == R"("\ud83d\ude00 \\ud800 \\\ufffd \ufffd\ufffd")");
}

TEST_CASE("hostile config: wrong types anywhere are reported and skipped") {
  auto engine = Engine::Create(R"js({
    "builtin_packs": "yes", "categories": "tone", "disabled_rules": {"a": 1},
    "glossary": {"term": "x"}, "phrases": "calm", "packs": [7, {"rules": {}}, {"rules": [null, [],
      {"id": "p", "type": "existence", "category": "tone", "message": "m", "patterns": ["x"], "priority": "high"},
      {"id": "q", "type": "existence", "category": "tone", "message": "m", "patterns": ["x"], "priority": 1.5},
      {"id": "r", "type": "existence", "category": "tone", "message": ["m"], "patterns": ["x"]}]}]})js");
  CHECK(HasError(*engine, "config.builtin_packs", "must be true or false"));
  CHECK(HasError(*engine, "config.disabled_rules", "must be a string or a list"));
  CHECK(HasError(*engine, "config.glossary", "must be a list"));
  CHECK(HasError(*engine, "config.phrases", "must be a list"));
  CHECK(HasError(*engine, "config.packs[0]", "must be a JSON object"));
  CHECK(HasError(*engine, "config.packs[1].rules", "must be a list of rules"));
  CHECK(HasError(*engine, "config.packs[2].rules[0]", "must be an object"));
  CHECK(HasError(*engine, "config.packs[2].rules[2].priority", "must be an integer"));
  CHECK(HasError(*engine, "config.packs[2].rules[3].priority", "must be an integer"));
  CHECK(HasError(*engine, "config.packs[2].rules[4].message", "must be a string"));
  // "categories": "tone" is a list of one, which is allowed.
  for (const Finding& f : engine->Check("Calm down. We're sorry if it broke.").findings) CHECK(f.category == "tone");
}

TEST_CASE("hostile config: invalid and enormous patterns are reported and skipped") {
  const std::string huge_literal(1 << 20, 'a');
  auto engine = Engine::Create(R"js({"phrases": [
    {"pattern": "(?P<span>unclosed", "category": "tone", "message": "m"},
    {"pattern": "a{1001}", "category": "tone", "message": "m"},
    {"pattern": "(?:\\pL{1000}){1000}", "category": "tone", "message": "m"},
    {"pattern": "[\\pL\\pN]{1000}x", "category": "tone", "message": "m"},
    {"pattern": ")js" + huge_literal + R"js(", "category": "tone", "message": "m"},
    {"pattern": "frobnicate", "category": "tone", "message": "m"}]})js");
  CHECK(HasError(*engine, "config.phrases[0].patterns", "invalid pattern: missing )"));
  CHECK(HasError(*engine, "config.phrases[1].patterns", "invalid pattern: invalid repetition size: {1001}"));
  CHECK(HasError(*engine, "config.phrases[2].patterns", "invalid pattern: invalid repetition size"));
  // Within RE2's syntax, but over the memory limit every pattern has.
  CHECK(HasError(*engine, "config.phrases[3].patterns", "pattern too large: it needs more than 8 MB"));
  CHECK(HasError(*engine, "config.phrases[4].patterns", "pattern too large"));
  for (const ConfigError& e : engine->errors()) CHECK(e.message.size() < 300);  // never the whole megabyte
  CHECK(engine->errors().size() == 5);
  CHECK(OfRule(engine->Check("Please frobnicate it."), "org.phrase.6").size() == 1);
}

TEST_CASE("hostile config: 100,000 glossary terms load and match; more are cut off with a message") {
  std::string glossary = "[";
  for (int i = 0; i < 100000; ++i) glossary += R"({"term": "zterm)" + std::to_string(i) + R"(", "plain": "p"},)";
  auto engine = Engine::Create(R"({"glossary": )" + glossary + R"({"term": "one too many"}]})");
  CHECK(HasError(*engine, "config.glossary", "has 100001 terms; only the first 100000 are used"));
  const CheckResult r = engine->Check("Your zterm99999 and zterm0 are ready, unlike one too many.");
  CHECK(testing::Texts("Your zterm99999 and zterm0 are ready, unlike one too many.", r) ==
        std::vector<std::string>{"zterm99999", "zterm0"});
}

}  // TEST_SUITE

}  // namespace tactful
