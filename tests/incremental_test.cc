// Checking with a CheckCache, as the extension does on every keystroke,
// must give exactly what a full check gives, whatever the edit.
#include <fstream>
#include <random>
#include <sstream>

#include "doctest/doctest.h"
#include "tests/test_util.h"

namespace tactful {

namespace {

// Replies to start from: the bundled samples, plus drafts whose findings
// cross paragraphs ("sorry" ... "However" in the next one) or depend on
// text elsewhere (a term defined earlier, a quoted message after).
std::vector<std::string> StartingDrafts() {
  std::vector<std::string> drafts = {
      "Hi Sam,\n\nWe're sorry if the invoice was confusing.\n\nHowever, that's our policy for annual plans.",
      "Thanks for waiting. I'm sorry the login failed.\n\nBut you should have reset it first. "
      "We use single sign-on (SSO) here, and SSO needs the app.\n\nI've escalated it to L2 as a P2.",
      "Sorry, but as I already explained, it's not our fault.\n\nOn Mon, 2 Mar 2026, Ann wrote:\n> This is "
      "ridiculous, third time!\n> Fix it.",
      "I understand how frustrating this is. I'll refund you by Friday.\n\n-- \nPriya\nSupport",
  };
  for (const char* name : {"chat-turn", "damaged-order", "outage-update", "refund-request", "vpn-ticket"}) {
    std::ifstream in(std::string(TACTFUL_SAMPLES_DIR) + "/" + name + ".txt", std::ios::binary);
    REQUIRE_MESSAGE(in, "missing sample " << name);
    std::stringstream s;
    s << in.rdbuf();
    drafts.push_back(s.str());
  }
  return drafts;
}

// What an agent types, pastes and deletes, including the pieces that move
// findings across paragraphs and the quote and signature markers that
// change what is checked at all.
const std::vector<std::string> kInserts = {
    "We're sorry if ", "sorry, but ", "However, ", "But ", "\n\n", "\n", ". ", "you should have ",
    "that's our policy", "it's not our fault", "SSO ", "single sign-on (SSO) ", "DNS propagation ",
    "escalated to L2 ", "as I already said, ", "I'll call you by Friday. ", "Thanks for your patience. ",
    "> quoted\n", "On Tue, Bob wrote:\n", "-- \n", "Kind regards,\n", "’", "é", "😊", "e.g. ", "just ", "if ",
    "\u00a0",
    "x",
};

void Edit(std::mt19937* rng, std::string* text) {
  auto pick = [&](size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(*rng); };
  const size_t op = pick(10);
  const size_t at = pick(text->size() + 1);
  if (op < 6) {  // type or paste; may split a UTF-8 sequence, which must behave too
    text->insert(at, kInserts[pick(kInserts.size())]);
  } else if (op < 9) {  // delete a few characters or a selection
    text->erase(at, op == 8 ? pick(200) : 1 + pick(4));
  } else {  // move a stretch of text somewhere else (cut and paste)
    const std::string piece = text->substr(at, pick(120));
    text->erase(at, piece.size());
    text->insert(pick(text->size() + 1), piece);
  }
}

void CheckSame(const CheckResult& full, const CheckResult& inc) {
  REQUIRE(full.findings.size() == inc.findings.size());
  for (size_t i = 0; i < full.findings.size(); ++i) {
    const Finding& a = full.findings[i];
    const Finding& b = inc.findings[i];
    CHECK(a.rule == b.rule);
    CHECK(a.span == b.span);
    CHECK(a.message == b.message);
    CHECK(a.why == b.why);
    CHECK(a.suggestions == b.suggestions);
    CHECK(a.severity == b.severity);
    CHECK(a.starter == b.starter);
    CHECK(a.starter_at == b.starter_at);
  }
  REQUIRE(full.checklist.size() == inc.checklist.size());
  for (size_t i = 0; i < full.checklist.size(); ++i) {
    CHECK(full.checklist[i].id == inc.checklist[i].id);
    CHECK(full.checklist[i].state == inc.checklist[i].state);
    CHECK(full.checklist[i].evidence == inc.checklist[i].evidence);
  }
  CHECK(full.excluded == inc.excluded);
  CHECK(full.invalid_utf8 == inc.invalid_utf8);
}

}  // namespace

TEST_SUITE("incremental") {

TEST_CASE("re-checking with a cache after random edits gives exactly the full check's result") {
  auto engine = Engine::Create("");
  std::mt19937 rng(20261201);
  const std::vector<CheckOptions> option_sets = {
      {}, {"internal", {}, {}}, {"", {"apology", "blame"}, {}}, {"", {}, {{0, 40}}}};
  size_t checks = 0, cached_paragraphs = 0;
  for (const std::string& start : StartingDrafts()) {
    std::string text = start;
    CheckCache cache;
    for (int step = 0; step < 120; ++step) {
      // Options change now and then, as when the agent switches audience.
      const CheckOptions& options = option_sets[(step / 40) % option_sets.size()];
      Edit(&rng, &text);
      CAPTURE(text);
      CheckSame(engine->Check(text, options), engine->Check(text, options, &cache));
      cached_paragraphs += cache.paragraphs();
      ++checks;
    }
  }
  CHECK(checks == 9 * 120);
  CHECK(cached_paragraphs > checks);  // the cache was in use, not bypassed
}

TEST_CASE("an edit next door or one the rules cannot see still reaches the cached paragraph's findings") {
  auto engine = Engine::Create("");
  const std::vector<std::vector<std::string>> sequences = {
      // The apology's paragraph is unchanged; the "However" that takes it
      // back arrives, then leaves, in the next paragraph.
      {"We're sorry the parcel was late.\n\nThanks for waiting.",
       "We're sorry the parcel was late.\n\nHowever, couriers are busy.",
       "We're sorry the parcel was late.\n\nThanks for waiting."},
      // Rules see the same text (a no-break space reads as two spaces, its
      // two bytes), but the message quotes the text as written.
      {"We're sorry  if it broke.", "We're sorry\u00a0if it broke.", "We\u2019re sorry if it broke."},
  };
  for (const auto& sequence : sequences) {
    CheckCache cache;
    for (const std::string& text : sequence) {
      CAPTURE(text);
      CheckSame(engine->Check(text), engine->Check(text, {}, &cache));
    }
  }
  // The first sequence is worth testing only if "However" is flagged there.
  CHECK(!engine->Check(sequences[0][1]).findings.empty());
}

TEST_CASE("a cache keeps only the paragraphs of the draft's last check") {
  auto engine = Engine::Create("");
  CheckCache cache;
  engine->Check("We're sorry if it broke.\n\nThat's our policy.\n\nThanks.", {}, &cache);
  CHECK(cache.paragraphs() == 3);
  engine->Check("We're sorry it broke.", {}, &cache);
  CHECK(cache.paragraphs() == 1);
}

TEST_CASE("a cache filled by one engine is not trusted by another") {
  auto lenient = Engine::Create(R"({"disabled_rules": ["apology.conditional"]})");
  auto strict = Engine::Create("");
  CheckCache cache;
  const std::string text = "We're sorry if the parcel was late.";
  CHECK(testing::OfRule(lenient->Check(text, {}, &cache), "apology.conditional").empty());
  CHECK(!testing::OfRule(strict->Check(text, {}, &cache), "apology.conditional").empty());
}

}  // TEST_SUITE

}  // namespace tactful
