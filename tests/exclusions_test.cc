#include "core/exclusions.h"

#include "core/document.h"
#include "doctest/doctest.h"

namespace tactful {

namespace {

// The text left for rules to see, with blanked runs collapsed.
std::string Visible(const std::string& text) {
  const Document doc(text, {});
  std::string out;
  for (char c : doc.masked()) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

}  // namespace

TEST_SUITE("exclusions") {

TEST_CASE("quoted lines starting with > are skipped") {
  CHECK(Visible("Fixed it.\n> You should have told me.\n>> older\nAnything else?") ==
        "Fixed it.\n \n \nAnything else?");
}

TEST_CASE("an 'On ... wrote:' line hides everything after it, even wrapped") {
  CHECK(Visible("All fixed.\n\nOn Tue, 3 Mar 2026 at 10:14, Dana <dana@example.com> wrote:\nYou should have told me") ==
        "All fixed.");
  CHECK(Visible("Done.\nOn Tue, 3 Mar 2026 at 10:14, Dana Smith <dana@example.com>\nwrote:\n> blame") == "Done.");
  CHECK(Visible("On Monday I'll call you, as I wrote: promise.") == "On Monday I'll call you, as I wrote: promise.");
}

TEST_CASE("a reply written below a quoted message is checked") {
  const auto visible_from_start = [](const std::string& text) {
    const std::string v = Visible(text);
    return v.substr(std::min(v.size(), v.find_first_not_of(" \n")));
  };
  const std::string below = "On 2 July 2024, Sandra Mills wrote:\n> You should have told me.\n>\n> Sandra\n\nHi Sandra, as I said before";
  CHECK(visible_from_start(below) == "Hi Sandra, as I said before");
  CHECK(visible_from_start("On Tue, 3 Mar 2026 at 10:14, Dana Smith <dana@example.com>\nwrote:\n> blame\nFixed now.") ==
        "Fixed now.");
  // The quote at the end of a top-posted reply hides all that follows it.
  CHECK(Visible("Fixed.\n\nOn Tue, Dana wrote:\n> blame\n\n") == "Fixed.");
  CHECK(Visible("Fixed.\n\nOn Tue, Dana wrote:\nYou should have\n\n> blame\nthen this") == "Fixed.");
}

TEST_CASE("Outlook separators and header blocks hide the earlier message") {
  CHECK(Visible("Sorted.\n\n-----Original Message-----\nFrom: A\nSorry but no.") == "Sorted.");
  CHECK(Visible("Sorted.\n\nFrom: Grace <g@example.com>\nSent: 02 March 2026\nTo: Us\nSubject: x\n\nSorry but no") ==
        "Sorted.");
  CHECK(Visible("Sorted.\n________________________________\nFrom: x\nyou should have") == "Sorted.");
  // "From:" in the agent's own prose is not a header block.
  CHECK(Visible("From: the desk of Sam. Here is your refund.") == "From: the desk of Sam. Here is your refund.");
}

TEST_CASE("signatures after '-- ' and after a closing line are skipped") {
  CHECK(Visible("Refunded.\n-- \nSam | Support\nRef: INC-123") == "Refunded.");
  CHECK(Visible("Refunded.\n\nKind regards,\nHelena Brandt\nCustomer Relations, SSO Airlines") ==
        "Refunded.\n\nKind regards,");
  // With no closing line, a last paragraph that is a team's name, maybe
  // under the agent's; wrapped prose that ends in "team" is still prose.
  CHECK(Visible("The ETL job reran.\n\nBI Team") == "The ETL job reran.");
  CHECK(Visible("Fixed now.\n\nDmitri\nPlotwise Support") == "Fixed now.");
  CHECK(Visible("Fixed now. Let me know if not.\nIT Service Desk") == "Fixed now. Let me know if not.");
  CHECK(Visible("You should ask\nthe support team") == "You should ask\nthe support team");
  CHECK(Visible("Fixed now.\n\nYou should call the Team") == "Fixed now.\n\nYou should call the Team");
  CHECK(Visible("IT Support") == "IT Support");
  // A closing followed by a long paragraph is not a sign-off.
  const std::string body = "Thanks!\n\nAlso, you should have received the full instructions for the router by post last week.";
  CHECK(Visible(body) == body);
}

TEST_CASE("code, logs, URLs, emails and quoted strings are not prose") {
  CHECK(Visible("Run this:\n```\nsudo DNS flush\n```\nDone") == "Run this:\n \n \n \nDone");
  CHECK(Visible("Try:\n\n    ipconfig /flushdns\n\nThen") == "Try:\n\n \n\nThen");
  CHECK(Visible("Log:\n2026-03-01 10:00:01 ERROR SSO token expired\nFixed") == "Log:\n \nFixed");
  CHECK(Visible("See https://example.com/SSO?x=1. Mail sso-team@example.com.") == "See . Mail .");
  CHECK(Visible("The error says \"401 Unauthorized: SAML assertion invalid\" now.") == "The error says now.");
  CHECK(Visible("Run `kubectl get pods` and C:\\Users\\me\\logs please") == "Run and please");
}

// The inline regex runs only where a match can start (see
// AddInlineExclusions); these are the matches one scan over the whole text
// finds, at the edges of that shortcut.
TEST_CASE("URLs are found at either end of the text, in any case, and not inside a word") {
  CHECK(Visible("https://example.com/SSO") == "");
  CHECK(Visible("Open https://example.com/SSO") == "Open");
  CHECK(Visible("Open HTTP://EXAMPLE.COM/a, FTP://x.example and File://srv/x then") == "Open , and then");
  CHECK(Visible("Go to www.example.com or WwW.example.org now") == "Go to or now");
  CHECK(Visible("xhttps://example.com stays, as does awww.example.com") ==
        "xhttps://example.com stays, as does awww.example.com");
  // (?i) folds s to U+017F, so this scheme is six bytes long.
  CHECK(Visible("Open http\xC5\xBF://example.com now") == "Open now");
}

TEST_CASE("an @ is an address only with a name before it and a dotted domain after it") {
  CHECK(Visible("Call me @ noon, @home or at a@localhost") == "Call me @ noon, @home or at a@localhost");
  CHECK(Visible("dana@example.com") == "");
  CHECK(Visible("Write to dana@example.com") == "Write to");
  // An address can start right where another ended, inside its run of name bytes.
  CHECK(Visible("Both a@b.com+c@d.com and a@b.c.@d.com are gone") == "Both and are gone");
}

TEST_CASE("quotes and code spans close on the same line, quotes within 200 characters") {
  const std::string long_quote = "\"" + std::string(201, 'x') + "\"";
  CHECK(Visible("He said " + long_quote + " twice") == "He said " + long_quote + " twice");
  CHECK(Visible("He said \"" + std::string(200, 'x') + "\" twice") == "He said twice");
  CHECK(Visible("He said \xE2\x80\x9C" + std::string(201, 'x') + "\xE2\x80\x9D twice") ==
        "He said \xE2\x80\x9C" + std::string(201, 'x') + "\xE2\x80\x9D twice");
  CHECK(Visible("He said \xE2\x80\x9Cno\xE2\x80\x9D twice") == "He said twice");
  CHECK(Visible("An \"open quote\nand its close\" later") == "An \"open quote\nand its close\" later");
  // Matches do not overlap: the quote that closes one pair does not open the next.
  CHECK(Visible("x \"a b\" c d\" e") == "x c d\" e");
  CHECK(Visible("Run `a` then b` c") == "Run then b` c");
  CHECK(Visible("it`s") == "it`s");
}

TEST_CASE("paths start at a drive letter or a double backslash") {
  CHECK(Visible("See C:\\Users\\me and \\\\server\\share\\x here") == "See and here");
  CHECK(Visible("C:\\ alone and \\\\ alone stay") == "C:\\ alone and \\\\ alone stay");
}

TEST_CASE("log lines need a log level, not just a capital, before the regex is asked") {
  CHECK(Visible("Log:\nWARNING: disk full\nINFO started\nERROR] boom\nIOException: no\nDone") ==
        "Log:\n \n \n \n \nDone");
  CHECK(Visible("IT Support\nCRITICALLY important\nOK thanks") == "IT Support\nCRITICALLY important\nOK thanks");
}

TEST_CASE("Unicode spaces become spaces, also next to invalid bytes and at the end") {
  CHECK(Document("a\xC2\xA0" "b", {}).masked() == "a  b");
  CHECK(Document("a\xFF\xC2\xA0\xFE" "b", {}).masked() == "a    b");
  CHECK(Document("a\xC2\xFF\xE2\x80\x80", {}).masked() == "a     ");
  CHECK(Document("a\xE2\x80", {}).masked() == "a  ");  // truncated: invalid
  CHECK(Document("\xE3\x80\x80" "x\xE2\x80\xAF", {}).masked() == "   x   ");
  // A space the caller's exclusion cuts into is no longer one: its other bytes stay.
  CHECK(Document("a\xE2\x80\x89" "b", {{0, 2}}).masked() == "  \x80\x89" "b");
  CHECK(Document("a\xE2\x80\x89" "b", {{2, 3}}).masked() == "a\xE2 \x89" "b");
  CHECK(Document("a\xE2\x80\x89" "b", {{2, 3}}).invalid_utf8().empty());
  // Around every 8- and 32-byte boundary the ASCII skipping uses.
  for (size_t n = 0; n < 70; ++n) {
    const std::string text = std::string(n, 'a') + "\xE2\x80\x89" + "\xC3\xA9" + std::string(n % 9, 'b');
    CHECK(Document(text, {}).masked() == std::string(n, 'a') + "   \xC3\xA9" + std::string(n % 9, 'b'));
  }
}

TEST_CASE("brackets explain the words before them and their own words") {
  const Document doc("Today we use single sign-on (SSO) and a sign-in check (MFA token). () (x", {});
  const size_t sso = doc.text().find("(SSO)");
  for (const char* term : {"sso", "on", "sign on", "single sign on", "we use single sign on"}) {
    CHECK_MESSAGE(doc.IsExplained(term, {sso, sso + 5}), term);
  }
  CHECK_FALSE(doc.IsExplained("today we use single sign on", {sso, sso + 5}));  // five words at most
  CHECK_FALSE(doc.IsExplained("sso", {0, 2}));                                 // not yet
  const size_t mfa = doc.text().find("(MFA");
  for (const char* term : {"mfa token", "mfa", "token", "check", "in check", "and a sign in check"}) {
    CHECK_MESSAGE(doc.IsExplained(term, {mfa, mfa + 5}), term);
  }
  CHECK(doc.TouchesDefinition({mfa + 1, mfa + 4}));
  const size_t empty = doc.text().find("()");
  CHECK_FALSE(doc.TouchesDefinition({empty, empty + 2}));  // after a full stop, not after words
}

TEST_CASE("a term is explained by the phrases that spell it out") {
  const Document doc("Good question. API stands for application programming interface. An API key is like a password. "
                     "MDM is short for mobile device management.", {});
  const size_t api = doc.text().find("API stands");
  CHECK_FALSE(doc.IsExplained("api", {0, 2}));  // not before the explanation
  CHECK(doc.IsExplained("api", {api, api + 3}));
  CHECK_FALSE(doc.IsExplained("question api", {api, api + 3}));  // the full stop ends the term
  const size_t key = doc.text().find("API key");
  CHECK(doc.IsExplained("api key", {key, key + 7}));
  const size_t mdm = doc.text().find("MDM");
  CHECK(doc.IsExplained("mdm", {mdm, mdm + 3}));
  const Document dashed("Your DNS settings - the records that point to your site - were old.", {});
  CHECK(dashed.IsExplained("dns settings", {5, 17}));
  const Document plain("Restarting means the update can finish. DNS is down.", {});
  CHECK_FALSE(plain.IsExplained("dns", {40, 43}));  // "is" alone explains nothing
}

TEST_CASE("callers can add their own excluded ranges") {
  const std::string text = "Fine here. You should have known.";
  const Document doc(text, {{11, text.size()}, {500, 600}});  // out-of-range ends are clipped
  CHECK(doc.masked().substr(0, 10) == "Fine here.");
  CHECK(doc.masked().find("should") == std::string::npos);
}

TEST_CASE("a sign-off before a quoted thread the caller marks is still a sign-off") {
  // The layout of most replies: the reply, the agent's sign-off, then the
  // earlier message, which the editor marks (Freshdesk's div.freshdesk_quote).
  const std::string text =
      "Restarted it for you.\n\nKind regards,\nSam\nWe're sorry if you waited.\n\n"
      "My laptop froze after the update and you should have warned us before pushing it.";
  const size_t quote = text.find("My laptop");
  const Document marked(text, {{quote, text.size()}});
  CHECK(marked.masked().find("sorry") == std::string::npos);
  // Unmarked, the long paragraph after it means the lines are the reply's own.
  CHECK(Document(text, {}).masked().find("sorry") != std::string::npos);
}

}  // TEST_SUITE

}  // namespace tactful
