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
