#include "core/report.h"

#include "doctest/doctest.h"

namespace tactful {

namespace {

// What ResultToJson() and ChecklistToJson() print through nlohmann, the
// reference CheckReportJson() must match byte for byte.
std::string NlohmannReport(const CheckResult& result, std::string_view text, OffsetUnit unit, const json* id) {
  json out = ResultToJson(result, text, unit);
  out["checklist"] = ChecklistToJson(result, text, unit);
  if (id) out["id"] = *id;
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

void CheckSameAsNlohmann(const CheckResult& result, std::string_view text, const json* id = nullptr) {
  for (OffsetUnit unit : {OffsetUnit::kUtf8Bytes, OffsetUnit::kUtf16Units}) {
    CAPTURE(static_cast<int>(unit));
    CHECK(CheckReportJson(result, text, unit, id) == NlohmannReport(result, text, unit, id));
  }
}

Finding MakeFinding(std::string rule, Span span, std::string text_field) {
  Finding f;
  f.rule = std::move(rule);
  f.category = "apology";
  f.severity = "warning";
  f.span = span;
  f.message = text_field;
  f.why = text_field;
  f.suggestions = {text_field, "plain"};
  return f;
}

}  // namespace

TEST_SUITE("report") {

TEST_CASE("the direct report matches nlohmann for escapes, Unicode and invalid UTF-8 in every string") {
  // Quotes, backslashes, named and unnamed control characters, DEL, emoji,
  // and the kinds of invalid UTF-8: stray, truncated (at the end and before
  // ASCII or a valid character), surrogate, overlong, above U+10FFFF.
  const std::string strings[] = {
      "say \"sorry\" C:\\path\\",
      std::string("ctl \x01\x08\x09\x0A\x0B\x0C\x0D\x1F\x7F end\0nul", 18),
      "tab\there \xF0\x9F\x98\x8A caf\xC3\xA9 \xE6\x97\xA5",
      "stray \xFF\xFE bytes",
      "truncated at the end \xC3",
      "truncated \xE2\x82 before ascii and \xF0\x9F\x98\xF0\x9F\x98\x8A before emoji",
      "surrogate \xED\xA0\x80 overlong \xC0\xAF \xE0\x80\xAF big \xF4\x90\x80\x80 \xF8\x88\x80\x80\x80",
      "",
  };
  const std::string text = "We're \"sorry\" \xFF if\tyou \xF0\x9F\x98\x8A should have \xC3 known.\n\\ line two \xE2\x80\x99s";
  CheckResult result;
  for (size_t i = 0; i < std::size(strings); ++i) {
    CAPTURE(i);
    const Span span{i * 5 % 20, i * 5 % 20 + 12};
    Finding f = MakeFinding(strings[i], span, strings[i]);
    f.category = kCategories[i % std::size(kCategories)];  // rule packs allow only these
    f.severity = i % 2 ? "error" : strings[i];             // any severity is counted
    if (i % 3 == 0) {
      f.suggestions.clear();
      f.starter = strings[i].empty() ? "I [will]" : strings[i];
      f.starter_at = i;
    }
    CheckResult one;
    one.findings = {f};
    CheckSameAsNlohmann(one, text);
    result.findings.push_back(f);
  }
  result.excluded = {{0, 3}, {40, 44}};
  result.invalid_utf8 = {{14, 15}, {40, 41}};
  result.checklist = {{"checklist.empathy", "Empathy \"quoted\" \xF0\x9F\x98\x8A", ItemState::kMet, {6, 13}},
                      {"checklist.\xFF", "bad \xC3", ItemState::kWeak, {20, 34}},
                      {"checklist.signoff", "Sign-off", ItemState::kMissing, {std::string_view::npos, 0}},
                      {"checklist.na", "", ItemState::kNotApplicable, {std::string_view::npos, 0}}};
  CheckSameAsNlohmann(result, text);
  for (const json& id : {json("r-1 \"\xC3\xA9\""), json(42), json(nullptr), json({{"z", 1}, {"a", {1.5, true}}})}) {
    CheckSameAsNlohmann(result, text, &id);
  }
}

TEST_CASE("the direct report matches nlohmann for an empty result and for a real check") {
  CHECK(CheckReportJson(CheckResult{}, "", OffsetUnit::kUtf8Bytes) == NlohmannReport({}, "", OffsetUnit::kUtf8Bytes, nullptr));
  auto engine = Engine::Create("{}");
  const std::string reply =
      "Hi Jo \xF0\x9F\x98\x8A,\n\nWe're sorry if the DNS change broke SSO, but that's our policy. "
      "You should have read the docs \xFF. Calm down, it's escalated to L2.\n\n> On Monday you wrote: broken\n\n-- \nSam";
  const CheckResult result = engine->Check(reply);
  REQUIRE(result.findings.size() > 3);
  REQUIRE(!result.invalid_utf8.empty());
  CheckSameAsNlohmann(result, reply);
}

}  // TEST_SUITE

}  // namespace tactful
