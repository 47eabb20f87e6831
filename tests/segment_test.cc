#include "core/segment.h"

#include "doctest/doctest.h"

namespace tactful {

namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (Span s : SplitSentences(text, SplitParagraphs(text))) out.push_back(text.substr(s.start, s.size()));
  return out;
}

}  // namespace

TEST_SUITE("segment") {

TEST_CASE("paragraphs are separated by blank lines") {
  const std::string text = "One.\nStill one.\n \t\nTwo.\n\n\n";
  const auto paragraphs = SplitParagraphs(text);
  REQUIRE(paragraphs.size() == 2);
  CHECK(text.substr(paragraphs[1].start, paragraphs[1].size()) == "Two.");
}

TEST_CASE("sentences end at . ! ? before a capital, not at abbreviations or versions") {
  CHECK(Sentences("Sorry for the wait! It shipped. Is that ok?") ==
        std::vector<std::string>{"Sorry for the wait!", "It shipped.", "Is that ok?"});
  CHECK(Sentences("Hello Mr. Ortiz, v2.1 is out, e.g. on iOS. Done.") ==
        std::vector<std::string>{"Hello Mr. Ortiz, v2.1 is out, e.g. on iOS.", "Done."});
  CHECK(Sentences("It costs 3.50 a month... and more.") == std::vector<std::string>{"It costs 3.50 a month... and more."});
  CHECK(Sentences("Call J. Smith today.") == std::vector<std::string>{"Call J. Smith today."});
}

TEST_CASE("sentence ends are found across paragraphs and at the very end") {
  CHECK(Sentences("A! B?\n\nGo. Now!\n\nEh? Fine.") ==
        std::vector<std::string>{"A!", "B?", "Go.", "Now!", "Eh?", "Fine."});
  CHECK(Sentences("Wait?!\n\nOk...\n\nNo.\"") == std::vector<std::string>{"Wait?!", "Ok...", "No.\""});
  CHECK(Sentences("No stop here\n\n.") == std::vector<std::string>{"No stop here", "."});
}

TEST_CASE("a line break ends a sentence unless the line looks hard-wrapped") {
  CHECK(Sentences("Hi Marcus,\nThanks for writing") == std::vector<std::string>{"Hi Marcus,", "Thanks for writing"});
  const std::string wrapped =
      "We are sorry that the renewal came as a surprise to you and your team,\nbut the charge stays.";
  CHECK(Sentences(wrapped).size() == 1);
}

}  // TEST_SUITE

}  // namespace tactful
