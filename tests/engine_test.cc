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

}  // TEST_SUITE

}  // namespace tactful
