// One block per kind of check, each built from a small JSON rule.
#include "doctest/doctest.h"
#include "tests/test_util.h"

namespace tactful {

using testing::EngineWithRules;
using testing::OfRule;
using testing::Texts;

TEST_SUITE("checks") {

TEST_CASE("existence flags each match, honours unless, and fills suggestions from groups") {
  auto engine = EngineWithRules(R"js([{
    "id": "t.sorry_if", "type": "existence", "category": "apology", "message": "m",
    "patterns": ["(?P<span>(?P<lead>{WE_ARE} )?sorry if)"], "suggestions": ["${lead}sorry"],
    "unless": ["would be sorry if"]}])js");
  const std::string text = "We're sorry if it broke. We would be sorry if you left. Sorry if so.";
  const CheckResult r = engine->Check(text);
  CHECK(Texts(text, r) == std::vector<std::string>{"We're sorry if", "Sorry if"});
  CHECK(r.findings[0].suggestions == std::vector<std::string>{"We're sorry"});
  CHECK(r.findings[1].suggestions == std::vector<std::string>{"Sorry"});
}

// Each finding's suggestions, in order.
std::vector<std::vector<std::string>> Suggestions(const CheckResult& r) {
  std::vector<std::vector<std::string>> out;
  for (const Finding& f : r.findings) out.push_back(f.suggestions);
  return out;
}

// A match needs no groups when the span group is all of it, and RE2 then
// skips its submatch engine; each case here has a span or a suggestion that
// only the groups give right.
TEST_CASE("a span group narrower than the match underlines only the group") {
  auto engine = EngineWithRules(R"js([{"id": "t.span", "type": "existence", "category": "tone", "message": "m",
    "patterns": ["\\bsorry (?P<span>but)\\b", "(?:^|[.!?] )(?P<span>however)\\b", "\\b(?P<span>clearly)(?: not)?\\b",
                 "\\b(?P<span>whatever)\\b"]}])js");
  const std::string text = "Sorry but no. However late. However, it is clearly not. Whatever.";
  CHECK(Texts(text, engine->Check(text)) == std::vector<std::string>{"but", "However", "However", "clearly", "Whatever"});
}

TEST_CASE("a suggestion quoting groups by number or name gets the groups of its own match") {
  auto engine = EngineWithRules(R"js([{"id": "t.groups", "type": "existence", "category": "apology", "message": "m",
    "patterns": ["\\b(?P<span>(really )?(sorry|apologies) (?P<what>for the \\w+))\\b"],
    "suggestions": ["$3 ${what}!", "[$2]"]}])js");
  CHECK(Suggestions(engine->Check("We are really sorry for the wait and apologies for the noise.")) ==
        std::vector<std::vector<std::string>>{{"sorry for the wait!", "[really ]"}, {"apologies for the noise!", "[]"}});
}

TEST_CASE("groups respect a repetition's bound in a match longer than the bound") {
  auto engine = EngineWithRules(R"js([{"id": "t.bound", "type": "existence", "category": "tone", "message": "m",
    "patterns": ["\\b(?P<a>o{1,3})(?P<b>o*)h\\b"], "suggestions": ["${a}-${b}"]}])js");
  CHECK(Suggestions(engine->Check("ooooh and ooh")) == std::vector<std::vector<std::string>>{{"Ooo-o"}, {"oo-"}});
}

TEST_CASE("unless patterns keep their own flags when searched together") {
  auto engine = EngineWithRules(R"js([{"id": "t.flags", "type": "existence", "category": "tone", "message": "m",
    "case": "sensitive", "patterns": ["\\bnot possible\\b"], "unless": ["(?i)\\binstead\\b", "\\bBUT\\b"]}])js");
  CHECK(engine->Check("That is not possible, INSTEAD I can help.").findings.empty());
  CHECK(engine->Check("That is not possible BUT I can help.").findings.empty());
  CHECK(engine->Check("That is not possible but I can help.").findings.size() == 1);
}

TEST_CASE("a suggestion at the start of a sentence starts with a capital") {
  auto engine = EngineWithRules(R"js([{"id": "t.x", "type": "existence", "category": "tone", "message": "m",
    "patterns": ["per my last email"], "suggestions": ["as I mentioned"]}])js");
  const std::string text = "Per my last email, it shipped. It shipped, per my last email.";
  const CheckResult r = engine->Check(text);
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].suggestions[0] == "As I mentioned");
  CHECK(r.findings[1].suggestions[0] == "as I mentioned");
}

TEST_CASE("a suggestion template copies its text around groups and escapes exactly") {
  auto engine = EngineWithRules(R"js([{"id": "t.tmpl", "type": "existence", "category": "tone", "message": "m",
    "patterns": ["\\b(?P<span>sorry (?P<what>for \\w+))"],
    "suggestions": ["<$1>$$-$x-${nope}-[${what}]-${what$"]}])js");
  const CheckResult r = engine->Check("Well, sorry for this");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].suggestions == std::vector<std::string>{"<sorry for this>$-$x--[for this]-${what$"});
}

// One match's groups are kept for its templates only: the next match in
// the paragraph, here at a sentence start without the group, gets its own.
TEST_CASE("a suggestion after a match with groups gets its own groups and its own capital") {
  auto engine = EngineWithRules(R"js([{"id": "t.lead", "type": "existence", "category": "apology", "message": "m",
    "patterns": ["\\b(?P<span>(?P<lead>we |i )?sorry if)\\b"], "suggestions": ["${lead}sorry"]}])js");
  CHECK(Suggestions(engine->Check("Well, we sorry if. Sorry if it broke, i sorry if")) ==
        std::vector<std::vector<std::string>>{{"we sorry"}, {"Sorry"}, {"i sorry"}});
}

// Findings that share a sentence share its search for an exception; one in
// a sentence the last search did not cover must search again.
TEST_CASE("unless is searched again where an earlier finding's search did not look") {
  auto engine = EngineWithRules(R"js([{"id": "t.no", "type": "existence", "category": "tone", "message": "m",
    "patterns": ["\\bno refund\\b", "\\bno return\\b"], "unless": ["\\binstead\\b"],
    "unless_scope": "next_sentence"}])js");
  const std::string text = "No refund, no return, no refund. No return. A voucher instead. No refund. Fine.";
  CHECK(Texts(text, engine->Check(text)) ==
        std::vector<std::string>{"No refund", "no return", "no refund", "No refund"});
}

TEST_CASE("a space in a pattern matches any whitespace, including no-break spaces and line wraps") {
  auto engine = EngineWithRules(R"js([{"id": "t.x", "type": "existence", "category": "blame", "message": "m",
    "patterns": ["you should have"]}])js");
  CHECK(engine->Check("you\xC2\xA0should\nhave").findings.size() == 1);
  CHECK(engine->Check("you shouldhave").findings.empty());
}

TEST_CASE("unless_scope next_sentence lets the following sentence excuse a match") {
  auto engine = EngineWithRules(R"js([{"id": "t.no", "type": "existence", "category": "tone", "message": "m",
    "patterns": ["we can't refund"], "unless": ["instead"], "unless_scope": "next_sentence"}])js");
  CHECK(engine->Check("We can't refund it. I'll send a voucher instead.").findings.empty());
  CHECK(engine->Check("We can't refund it. Thanks. A voucher instead?").findings.size() == 1);
}

TEST_CASE("unless_scope paragraph lets any sentence of the match's paragraph excuse it, and no other") {
  auto engine = EngineWithRules(R"js([{"id": "t.no", "type": "existence", "category": "tone", "message": "m",
    "patterns": ["we can't refund"], "unless": ["voucher"], "unless_scope": "paragraph"}])js");
  CHECK(engine->Check("A voucher is on its way. Thanks. We can't refund it.").findings.empty());
  CHECK(engine->Check("Hi.\n\nThanks.\n\nWe can't refund it. Thanks. A voucher instead?").findings.empty());
  const CheckResult r = engine->Check("Hi.\n\nA voucher instead?\n\nWe can't refund it. Thanks.\n\nBye.");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].span.start == 25);
  CHECK(engine->Check("We can't refund it.\n\nA voucher instead?").findings.size() == 1);
}

TEST_CASE("substitution gives each phrase its own replacements") {
  auto engine = EngineWithRules(R"js([{"id": "t.swap", "type": "substitution", "category": "tone", "message": "{match}",
    "swap": [{"pattern": "as I (?:already )?said", "suggestions": ["to recap"]},
             {"pattern": "per my last email", "suggestions": ["following up"]}]}])js");
  const CheckResult r = engine->Check("As I already said, yes. Per my last email, no.");
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].message == "As I already said");
  CHECK(r.findings[0].suggestions[0] == "To recap");
  CHECK(r.findings[1].suggestions[0] == "Following up");
}

TEST_CASE("sequence finds the second phrase in the same or the next sentence only") {
  auto engine = EngineWithRules(R"js([{"id": "t.but", "type": "sequence", "category": "apology", "message": "m",
    "first": ["sorry"], "then": ["[.!?] (?P<span>however)\\b", "\\bbut\\b"], "within": "next_sentence"}])js");
  const std::string text = "Sorry for the wait. However, no. Sorry again. Fine. However late.";
  const CheckResult r = engine->Check(text);
  CHECK(Texts(text, r) == std::vector<std::string>{"Sorry for the wait. However"});

  auto marked = EngineWithRules(R"js([{"id": "t.but", "type": "sequence", "category": "apology", "message": "m",
    "first": ["sorry"], "then": ["[.!?] (?P<span>however)\\b"], "within": "next_sentence", "span": "then"}])js");
  CHECK(Texts(text, marked->Check(text)) == std::vector<std::string>{"However"});
}

// A paragraph with no second phrase anywhere a first one could reach is
// skipped whole; the reach runs into the next paragraph's first sentence.
TEST_CASE("sequence finds a second phrase that opens the next paragraph, or the one after a later first") {
  auto engine = EngineWithRules(R"js([{"id": "t.but", "type": "sequence", "category": "apology", "message": "m",
    "first": ["sorry"], "then": ["[.!?] (?P<span>however)\\b"], "within": "next_sentence", "span": "then"}])js");
  const std::string text = "Sorry, no. Sorry again.\n\nHowever, that is all.\n\nSorry. Fine. However late.";
  CHECK(Texts(text, engine->Check(text)) == std::vector<std::string>{"However"});
  CHECK(engine->Check("Sorry. Fine. Thanks.\n\nHowever late.").findings.empty());
}

TEST_CASE("a jargon phrase the reply explains is not flagged, whichever rule finds it") {
  auto engine = EngineWithRules(R"js([{"id": "t.dns", "type": "existence", "category": "jargon", "message": "m",
    "patterns": ["\\bDNS settings\\b"]}])js");
  const std::string plain = "Your DNS settings were old.";
  CHECK(Texts(plain, engine->Check(plain)) == std::vector<std::string>{"DNS settings"});
  CHECK(engine->Check("Your DNS settings - the records that point to your site - were old.").findings.empty());
  CHECK(engine->Check("Your DNS settings (the records that point to your site) were old.").findings.empty());
}

TEST_CASE("acronym flags the first undefined use of an unknown all-caps term") {
  auto engine = EngineWithRules(R"js([{"id": "t.acr", "type": "acronym", "category": "jargon", "message": "m",
    "allow": ["PDF", "OK"]}])js");
  const std::string text = "Your CAB slot is Monday. The CAB meets weekly. Send the PDF, OK?";
  CHECK(Texts(text, engine->Check(text)) == std::vector<std::string>{"CAB"});
  CHECK(engine->Check("We use single sign-on (SSO). SSO is on.").findings.empty());
  CHECK(engine->Check("CAB stands for change advisory board. The CAB meets weekly.").findings.empty());
  CHECK(engine->Check("Enrol in MDM (mobile device management) today.").findings.empty());
  CHECK(Texts("Log into SSO, then SSO (single sign-on) again.", engine->Check("Log into SSO, then SSO (single sign-on) again.")) ==
        std::vector<std::string>{"SSO"});
  CHECK(engine->Check("PLEASE DO NOT CALL THE BRANCH.").findings.empty());  // shouting, not abbreviations
  CHECK(engine->Check("Ref INC-775102 and flight SV218 and the L2 lamp.").findings.empty());
  CHECK(engine->Check("Tracking 1Z 999 AA1 01 2345 6784, serial 4471 QX9.").findings.empty());
  CHECK(Texts("Send the PB2 kit, 12 units.", engine->Check("Send the PB2 kit, 12 units.")) == std::vector<std::string>{"PB2"});
  CHECK(Texts("Two APIs", engine->Check("Two APIs")) == std::vector<std::string>{"API"});
  CHECK(Texts("Ask B2B sales or ask I", engine->Check("Ask B2B sales or ask I")) == std::vector<std::string>{"B2B"});
  // The "plain (TERM)" form a glossary fix writes explains the acronyms in TERM.
  CHECK(engine->Check("Enter a second sign-in check (MFA token) now.").findings.empty());
  const std::string remark = "Read the notes (the SSO page has more help on this).";
  CHECK(Texts(remark, engine->Check(remark)) == std::vector<std::string>{"SSO"});  // a remark, not a name
}

TEST_CASE("glossary matches whole words, plurals and spellings, once per term, and respects explanations") {
  auto engine = EngineWithRules(R"js([{"id": "t.glo", "type": "glossary", "category": "jargon", "message": "m", "why": "w",
    "terms": [{"term": "webhook", "plain": "automatic notification", "note": "n"},
              {"term": "DNS", "plain": "the internet's address book"},
              {"term": "DNS propagation", "plain": "the address change spreading", "forms": ["DNS propagating"]},
              {"term": "split tunnel", "forms": ["split tunnelling", "split tunneling"], "plain": "partial VPN"}]}])js");
  const std::string text = "Webhooks failed. The webhook is back. Wait for DNS propagation; dns is fine. Split-tunnelling is off.";
  const CheckResult r = engine->Check(text);
  CHECK(Texts(text, r) == std::vector<std::string>{"Webhooks", "DNS propagation", "Split-tunnelling"});
  CHECK(r.findings[0].why == "n");
  CHECK(r.findings[0].suggestions ==
        std::vector<std::string>{"Automatic notification", "Automatic notification (Webhooks)"});
  CHECK(engine->Check("Our webhooks (automatic notifications) are back.").findings.empty());
  CHECK(engine->Check("The webhooked thing").findings.empty());  // whole words only
  // A ticket number names the ticket, not the term.
  CHECK(engine->Check("Please quote DNS-77341 or #DNS when you call.").findings.empty());
  CHECK(Texts("Quote DNS - 7 times", engine->Check("Quote DNS - 7 times")) == std::vector<std::string>{"DNS"});
}

TEST_CASE("glossary terms that start with common words match only as a whole") {
  auto engine = EngineWithRules(R"js([{"id": "t.glo", "type": "glossary", "category": "jargon", "message": "m", "why": "w",
    "terms": [{"term": "the cert", "plain": "the certificate"}, {"term": "order", "plain": "purchase"},
              {"term": "box", "plain": "device"}, {"term": "a new cert", "plain": "a new certificate"},
              {"term": "DNS", "plain": "the internet's address book"}]}])js");
  CHECK(engine->Check("The customer said the order was late. Then the team sent a new invoice.").findings.size() == 1);
  std::string text = "Renew the certs, then the boxes.";  // a plural last word, and a plural in "es"
  CHECK(Texts(text, engine->Check(text)) == std::vector<std::string>{"the certs", "boxes"});
  text = "We sent a new cert";  // at the very end of the text
  CHECK(Texts(text, engine->Check(text)) == std::vector<std::string>{"a new cert"});
  CHECK(engine->Check("Please read the\n\ncert notes.").findings.empty());  // not across paragraphs
  CHECK(engine->Check("Open the ORDERS page and the dns-server.").findings.size() == 1);  // "dns" is not "DNS"
}

TEST_CASE("a glossary of ten thousand terms finds each of them") {
  std::string terms;
  for (int i = 0; i < 10000; ++i) {
    terms += std::string(i ? "," : "") + R"({"term": "zorb)" + std::to_string(i) + R"( unit", "plain": "p)" +
             std::to_string(i) + R"("})";
  }
  terms += R"(, {"term": "the zorb9999 unit ledger", "plain": "the ledger"})";
  auto engine = EngineWithRules(R"js([{"id": "t.glo", "type": "glossary", "category": "jargon", "message": "m",
    "why": "w", "terms": [)js" + terms + "]}]");
  const std::string text = "See zorb17 units, zorb4242 unit, zorb10000 unit and the zorb9999 unit ledger.";
  CHECK(Texts(text, engine->Check(text)) ==
        std::vector<std::string>{"zorb17 units", "zorb4242 unit", "the zorb9999 unit ledger"});
}

TEST_CASE("a glossary alternative that brings its own article replaces the text's article") {
  auto engine = EngineWithRules(R"js([{"id": "t.glo", "type": "glossary", "category": "jargon", "message": "m", "why": "w",
    "terms": [{"term": "hotfix", "plain": "an urgent fix"}, {"term": "repo", "plain": "code store"}]}])js");
  std::string text = "We will push a hotfix today.";
  CheckResult r = engine->Check(text);
  CHECK(Texts(text, r) == std::vector<std::string>{"a hotfix"});
  CHECK(r.findings[0].suggestions == std::vector<std::string>{"an urgent fix", "an urgent fix (hotfix)"});
  text = "A hotfix is coming.";
  CHECK(engine->Check(text).findings[0].suggestions[0] == "An urgent fix");
  text = "Check the repo.";  // the alternative has no article: the text keeps its own
  CHECK(Texts(text, engine->Check(text)) == std::vector<std::string>{"repo"});
  // After a possessive or a demonstrative the alternative's article goes:
  // "your an urgent fix" is not English.
  for (const char* before : {"your", "Our", "this"}) {
    text = std::string("We will push ") + before + " hotfix today.";
    r = engine->Check(text);
    CHECK(Texts(text, r) == std::vector<std::string>{"hotfix"});
    CHECK(r.findings[0].suggestions == std::vector<std::string>{"urgent fix", "urgent fix (hotfix)"});
  }
}

TEST_CASE("jargon written as the definition in brackets is not flagged") {
  auto engine = EngineWithRules(R"js([{"id": "t.eng", "type": "existence", "category": "jargon", "message": "m",
    "patterns": ["(?:released|deployed) to prod"]}])js");
  CHECK(engine->Check("The fix was released (deployed to prod) today.").findings.empty());
  CHECK(engine->Check("It was released (deployed to prod) today.").findings.empty());
  CHECK(engine->Check("It was deployed to prod today (finally).").findings.size() == 1);
  CHECK(engine->Check("It was fixed (the team deployed to prod at noon today).").findings.size() == 1);
}

TEST_CASE("reply checks fire when a trigger is present and every required phrase is missing") {
  auto engine = EngineWithRules(R"js([{"id": "t.next", "type": "reply", "category": "structure", "message": "m",
    "when": ["\\bsorry\\b"], "missing": ["\\bI'll\\b", "\\btomorrow\\b"]}])js");
  CHECK(engine->Check("Sorry about that.").findings.size() == 1);
  CHECK(engine->Check("Sorry about that. I'll fix it.").findings.empty());
  CHECK(engine->Check("All good here.").findings.empty());
}

TEST_CASE("a reply check's phrase counts within a paragraph, as every rule's does") {
  auto engine = EngineWithRules(R"js([{"id": "t.date", "type": "reply", "category": "structure", "message": "m",
    "when": ["\\bdelay\\b"], "missing": ["\\bnew date\\b"]}])js");
  CHECK(engine->Check("Sorry for the delay.\n\nThe new date is Monday.").findings.empty());
  CHECK(engine->Check("Sorry for the delay.\n\nThe new\ndate is Monday.").findings.empty());
  // A blank line ends the phrase: "new" and "date" here are not one phrase.
  CHECK(engine->Check("Sorry for the delay. We need a new\n\nDate of birth, please.").findings.size() == 1);
}

}  // TEST_SUITE

}  // namespace tactful
