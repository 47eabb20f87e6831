// Every built-in rule against the examples in its pack, plus innocent
// sentences that no rule may flag: a checker that nags gets switched off.
#include <filesystem>
#include <map>
#include <set>
#include <fstream>
#include <sstream>

#include "core/builtin_packs.h"
#include "doctest/doctest.h"
#include "tests/test_util.h"

namespace tactful {

namespace {

json ReadPack(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json pack;
  std::string error;
  REQUIRE_MESSAGE(ParseJson(buffer.str(), &pack, &error), path.string() << ": " << error);
  return pack;
}

std::vector<std::filesystem::path> PackFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(TACTFUL_RULES_DIR)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

const char* StateName(ItemState s) {
  switch (s) {
    case ItemState::kMet: return "met";
    case ItemState::kWeak: return "weak";
    case ItemState::kMissing: return "missing";
    case ItemState::kNotApplicable: return "n/a";
  }
  return "?";
}

// The state a checklist rule gives `text`, or "absent" if it gives none.
std::string ChecklistState(const CheckResult& r, const std::string& id) {
  for (const ChecklistItem& item : r.checklist) {
    if (item.id == id) return StateName(item.state);
  }
  return "absent";
}

std::string Describe(const std::string& text, const CheckResult& r) {
  std::string out;
  for (const Finding& f : r.findings) out += "\n  " + f.rule + ": \"" + text.substr(f.span.start, f.span.size()) + "\"";
  return out.empty() ? " (nothing)" : out;
}

// How many findings of each rule `text` has, plus those a finding of `hiding`
// covers up (other rules' findings it won over): a fix may uncover them.
std::map<std::string, int> RuleCounts(const Engine& full, const std::string& text, const CheckOptions& options,
                                      const std::string& hiding) {
  std::map<std::string, int> counts;
  for (const Finding& f : full.Check(text, options).findings) ++counts[f.rule];
  const auto without = Engine::Create(json({{"disabled_rules", {hiding}}}).dump());
  std::map<std::string, int> uncovered;
  for (const Finding& f : without->Check(text, options).findings) ++uncovered[f.rule];
  for (const auto& [rule, n] : uncovered) counts[rule] = std::max(counts[rule], n);
  return counts;
}

// What an edit of `text` raised that was not there before, or a finding of
// `rule` left inside [edit_start, edit_end).
std::string NewProblems(const Engine& full, const std::string& edited, const CheckOptions& options,
                        std::map<std::string, int> before, const std::string& rule, size_t edit_start,
                        size_t edit_end) {
  std::string problems;
  for (const Finding& g : full.Check(edited, options).findings) {
    const bool same_place = g.rule == rule && g.span.start < edit_end && edit_start < g.span.end;
    if (same_place || --before[g.rule] < 0) {
      problems += "\n  " + g.rule + ": \"" + edited.substr(g.span.start, g.span.size()) + "\"";
    }
  }
  return problems;
}

CheckOptions OptionsFor(const json& rule) {
  CheckOptions options;
  const json audiences = rule.value("audiences", json::array());
  options.audience = audiences.empty() ? "customer" : audiences[0].get<std::string>();
  return options;
}

// The rules whose findings only the writer can resolve, so they offer no
// fix and no starter: what an abbreviation stands for, what goes in a gap.
bool OffersNothingToWrite(const std::string& rule) {
  return rule == "jargon.acronym" || rule == "structure.unfilled_gap";
}

}  // namespace

TEST_SUITE("packs") {

TEST_CASE("every pattern of the built-in packs compiles (the engine builds them on first use)") {
  std::vector<ConfigError> errors;
  Macros shared;
  const Macros none;
  for (const BuiltinPack& pack : BuiltinPacks()) {
    if (pack.name != "macros.json") continue;
    json parsed;
    std::string error;
    REQUIRE(ParseJson(pack.text, &parsed, &error));
    shared = ReadMacros(parsed, LoadContext(none, pack.name, &errors));
  }
  size_t checks = 0;
  for (const BuiltinPack& pack : BuiltinPacks()) {
    if (pack.name == "macros.json") continue;
    json parsed;
    std::string error;
    REQUIRE(ParseJson(pack.text, &parsed, &error));
    checks += LoadPack(parsed, pack.name, shared, &errors, CompileTime::kNow).size();
  }
  std::string listed;
  for (const ConfigError& e : errors) listed += "\n  " + e.path + ": " + e.message;
  CHECK_MESSAGE(errors.empty(), listed);
  CHECK(checks == Engine::Create("")->Rules().size());
}

TEST_CASE("every rule flags its examples and passes its innocent ones") {
  size_t rules_with_examples = 0;
  // Checklist states depend on other packs' findings ("weak" apologies).
  const auto full_engine = Engine::Create("");
  for (const auto& file : PackFiles()) {
    const json pack = ReadPack(file);
    if (!pack.contains("rules")) continue;
    // Each pack on its own, so a rule is judged by what it finds, not by
    // which overlapping rule of another pack wins the underline.
    const json config = {{"builtin_packs", false}, {"packs", {pack}}};
    auto engine = Engine::Create(config.dump());
    for (const ConfigError& e : engine->errors()) FAIL_CHECK(file.filename() << ": " << e.path << ": " << e.message);
    for (const json& rule : pack["rules"]) {
      const std::string id = rule.value("id", "");
      const json examples = rule.value("examples", json::object());
      // Checklist items that never flag show their states instead.
      const bool states_only = rule.value("type", "") == "checklist" && !rule.value("flag", false);
      if (states_only) {
        CHECK_MESSAGE(examples.value("met", json::array()).size() > 0, id << " has no \"met\" examples");
        CHECK_MESSAGE(examples.value("missing", json::array()).size() > 0, id << " has no \"missing\" examples");
      } else {
        CHECK_MESSAGE(examples.value("flag", json::array()).size() > 0, id << " has no positive examples");
      }
      CHECK_MESSAGE(examples.value("pass", json::array()).size() > 0, id << " has no negative examples");
      rules_with_examples += examples.contains("flag");
      for (const char* state : {"met", "weak", "missing", "n/a"}) {
        for (const json& example : examples.value(state, json::array())) {
          const std::string text = example.get<std::string>();
          CHECK_MESSAGE(ChecklistState(full_engine->Check(text), id) == state,
                        id << " should be " << state << ": " << text);
        }
      }
      CheckOptions options;
      const json audiences = rule.value("audiences", json::array());
      options.audience = audiences.empty() ? "customer" : audiences[0].get<std::string>();
      for (const json& example : examples.value("flag", json::array())) {
        const std::string text = example.get<std::string>();
        const CheckResult r = engine->Check(text, options);
        CHECK_MESSAGE(!testing::OfRule(r, id).empty(), id << " should flag: " << text << Describe(text, r));
      }
      for (const json& example : examples.value("pass", json::array())) {
        const std::string text = example.get<std::string>();
        const CheckResult r = engine->Check(text, options);
        CHECK_MESSAGE(testing::OfRule(r, id).empty(), id << " should pass: " << text << Describe(text, r));
      }
    }
  }
  CHECK(rules_with_examples >= 20);
}

TEST_CASE("innocent uses of if, but, sorry, policy and just are never flagged") {
  auto engine = Engine::Create("");
  CheckOptions phrase_rules;  // reply-level coaching is judged elsewhere
  phrase_rules.categories = {"apology", "blame", "jargon", "tone"};
  const std::string innocent[] = {
      "I'm sorry this happened. I've refunded the delivery fee.",
      "Sorry for the delay! Your order shipped this morning.",
      "Sorry to hear that. Let me check your order status right now.",
      "If you have any other questions, just reply to this email.",
      "If the parcel hasn't arrived by Friday, let me know and I'll chase it.",
      "It's a small fix, but it should make the app much faster.",
      "The refund is on its way, but banks can take 3-5 days to show it.",
      "Our returns policy gives you 30 days, and I've started yours today.",
      "I've just checked and your account is active.",
      "Just reply here if you need anything else.",
      "You can reset your password from the login page in your browser.",
      "I've attached the invoice as a PDF and sent a copy to your email.",
      "Please connect to the Wi-Fi and restart the app.",
      "Thanks for your patience, and sorry again for the hassle.",
      "You should see the tracking update within an hour.",
      "Is there anything else I can help with?",
      "Not only did we fix it, we also added a month of credit.",
      "The error says \"SSO token expired (401)\", which means the link timed out; I've sent a new one.",
      // Twins of blame phrases: the same words stating facts, not fault.
      "The address you gave us is on file; I've re-sent it there.",
      "The details you supplied are correct, so I've sent the transfer again.",
      "That's normal and nothing to worry about: the light blinks while it updates.",
      "Our hands are full today but I'll call you by 3pm.",
  };
  for (const std::string& text : innocent) {
    const CheckResult r = engine->Check(text, phrase_rules);
    CHECK_MESSAGE(r.findings.empty(), "flagged: " << text << Describe(text, r));
  }
}

// The coaching promise: every finding says what to write instead, either a
// fix in place or a starter sentence, and taking either never trades one
// finding for another (OffersNothingToWrite() lists the exceptions).
TEST_CASE("every flagged example offers a fix or a starter, and taking it re-checks clean") {
  const auto full = Engine::Create("");
  size_t suggestions = 0, starters = 0;
  for (const auto& file : PackFiles()) {
    const json pack = ReadPack(file);
    for (const json& rule : pack.value("rules", json::array())) {
      const std::string id = rule.value("id", "");
      const CheckOptions options = OptionsFor(rule);
      for (const json& example : rule.value("examples", json::object()).value("flag", json::array())) {
        const std::string text = example.get<std::string>();
        for (const Finding& f : testing::OfRule(full->Check(text, options), id)) {
          const std::string where = id + " on \"" + text.substr(f.span.start, f.span.size()) + "\" in: " + text;
          if (!OffersNothingToWrite(id)) {
            CHECK_MESSAGE(!(f.suggestions.empty() && f.starter.empty()), where << " offers nothing to write instead");
          }
          const auto before = RuleCounts(*full, text, options, id);
          for (const std::string& s : f.suggestions) {
            ++suggestions;
            const std::string fixed = text.substr(0, f.span.start) + s + text.substr(f.span.end);
            const std::string problems =
                NewProblems(*full, fixed, options, before, id, f.span.start, f.span.start + s.size());
            CHECK_MESSAGE(problems.empty(), where << "\n  fixed as: " << fixed << problems);
          }
          if (f.starter.empty()) continue;
          ++starters;
          CHECK_MESSAGE(f.starter_at <= f.span.start, where);
          const std::string inserted = text.substr(0, f.starter_at) + f.starter + " " + text.substr(f.starter_at);
          // The finding itself stays until the agent rewrites the old words,
          // and the starter's own [gaps] are flagged until they are filled.
          auto allowed = before;
          ++allowed[id];
          allowed["structure.unfilled_gap"] += static_cast<int>(std::count(f.starter.begin(), f.starter.end(), '['));
          const std::string problems =
              NewProblems(*full, inserted, options, allowed, "", f.starter_at, f.starter_at + f.starter.size());
          CHECK_MESSAGE(problems.empty(), where << "\n  with starter: " << inserted << problems);
        }
      }
    }
  }
  CHECK(suggestions >= 30);
  CHECK(starters >= 40);
}

// The same promise read from the packs, so a new pattern without a fix
// cannot slip in untested: any way a rule can flag without suggestions
// needs its starter.
TEST_CASE("every rule that can flag without a fix has a starter") {
  for (const auto& file : PackFiles()) {
    for (const json& rule : ReadPack(file).value("rules", json::array())) {
      const std::string type = rule.value("type", "");
      bool unfixed = false;
      if (type == "existence") {
        unfixed = rule.value("suggestions", json::array()).empty();
      } else if (type == "substitution") {
        for (const json& swap : rule["swap"]) unfixed |= swap.value("suggestions", json::array()).empty();
      } else if (type == "sequence" || type == "reply") {
        unfixed = true;
      } else if (type == "checklist") {
        unfixed = rule.value("flag", false);
      }
      if (OffersNothingToWrite(rule.value("id", ""))) continue;
      CHECK_MESSAGE(!(unfixed && !rule.contains("starter")), rule.value("id", "") << " can flag with no fix and has no starter");
    }
  }
}

TEST_CASE("a starter is a sentence with [gaps] for the agent, not a finished reply") {
  for (const auto& file : PackFiles()) {
    for (const json& rule : ReadPack(file).value("rules", json::array())) {
      if (!rule.contains("starter")) continue;
      const std::string starter = rule["starter"].get<std::string>();
      CAPTURE(starter);
      CHECK(std::isupper(static_cast<unsigned char>(starter[0])));
      CHECK(std::string(".!?").find(starter.back()) != std::string::npos);
      CHECK(std::count(starter.begin(), starter.end(), '[') == std::count(starter.begin(), starter.end(), ']'));
      CHECK(starter.size() <= 120);
    }
  }
}

TEST_CASE("the glossary has at least 300 well-formed terms, each with a plain alternative") {
  const json pack = ReadPack(std::filesystem::path(TACTFUL_RULES_DIR) / "jargon-glossary.json");
  json terms = json::array();
  for (const json& rule : pack["rules"]) {
    for (const json& entry : rule["terms"]) terms.push_back(entry);
  }
  CHECK(terms.size() >= 300);
  std::set<std::string> seen;
  for (const json& entry : terms) {
    CAPTURE(entry.dump());
    REQUIRE(entry.is_object());
    for (const auto& item : entry.items()) {
      // Not a structured binding: clang (the sanitizer build) cannot capture one in CHECK_MESSAGE.
      const std::string& key = item.key();
      CHECK_MESSAGE((key == "term" || key == "plain" || key == "forms" || key == "note"), "unknown key " << key);
    }
    const std::string term = entry.value("term", "");
    const std::string plain = entry.value("plain", "");
    CHECK(!term.empty());
    CHECK(!plain.empty());
    CHECK_MESSAGE(NormalizeTerm(plain) != NormalizeTerm(term), "the plain wording repeats the term");
    CHECK_MESSAGE(seen.insert(NormalizeTerm(term)).second, "duplicate term");
    for (const json& form : entry.value("forms", json::array())) {
      CHECK(form.is_string());
      CHECK(!form.get<std::string>().empty());
    }
    if (entry.contains("note")) {  // the one-line why the card shows
      REQUIRE(entry["note"].is_string());
      const std::string note = entry["note"].get<std::string>();
      CHECK(!note.empty());
      CHECK(note.size() <= 200);
      CHECK(note.find('\n') == std::string::npos);
      CHECK(note.back() == '.');
    }
  }
}

// Colleagues share the office's shorthand (OOO, EOD, MFA prompts) but not
// IT's; customers share neither; technical readers get no jargon findings.
TEST_CASE("each audience gets the jargon findings its readers need") {
  const auto engine = Engine::Create("");
  const std::string text =
      "I'm OOO tomorrow, so please approve the MFA prompt by EOD. I've escalated the DNS change to L2.";
  auto jargon = [&](const char* audience) {
    CheckOptions options;
    options.audience = audience;
    std::vector<std::string> found;
    for (const Finding& f : engine->Check(text, options).findings) {
      if (f.category == "jargon") found.push_back(text.substr(f.span.start, f.span.size()));
    }
    return found;
  };
  CHECK(jargon("customer") == std::vector<std::string>{"OOO", "the MFA prompt", "EOD", "the DNS", "L2"});
  CHECK(jargon("internal") == std::vector<std::string>{"the DNS", "L2"});
  CHECK(jargon("technical").empty());
}

TEST_CASE("quoted earlier messages are never flagged") {
  auto engine = Engine::Create("");
  const std::string reply =
      "Hi Dana,\n\nI've refunded the hotel night and added a note to your booking.\n\nBest,\nSam\n\n"
      "On Tue, 3 Mar 2026 at 10:14, Dana <dana@example.com> wrote:\n"
      "> You should have told me. Sorry but that's not acceptable. Calm down? Obviously not.\n";
  const CheckResult r = engine->Check(reply);
  CHECK_MESSAGE(r.findings.empty(), Describe(reply, r));
}

}  // TEST_SUITE

}  // namespace tactful
