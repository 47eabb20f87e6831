#include "core/words.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/document.h"
#include "doctest/doctest.h"

namespace tactful {

namespace {

// The words of `text` as the index has them, in one paragraph over the
// whole text.
std::vector<std::string> IndexedWords(const std::string& text) {
  const WordIndex index(text, {{0, text.size()}});
  std::vector<std::string> words;
  for (size_t i = 0; i < index.size(); ++i) {
    const Span w = index.span(i);
    words.emplace_back(text.substr(w.start, w.size()));
    CHECK(index.hash(i) == WordHash(words.back()));
  }
  return words;
}

}  // namespace

TEST_SUITE("words") {

TEST_CASE("the index splits words as ForEachWord does, Unicode letters and all") {
  using Words = std::vector<std::string>;
  CHECK(IndexedWords("caf\xC3\xA9 na\xC3\xAFve \xE6\x97\xA5\xE6\x9C\xAC!") ==
        Words{"caf\xC3\xA9", "na\xC3\xAFve", "\xE6\x97\xA5\xE6\x9C\xAC"});  // café naïve 日本
  CHECK(IndexedWords("we\xE2\x80\x99re here") == Words{"we\xE2\x80\x99re", "here"});  // a curly apostrophe is no break
  CHECK(IndexedWords("we're") == Words{"we", "re"});
  CHECK(IndexedWords("single sign-on/off, MFA.") == Words{"single", "sign", "on", "off", "MFA"});
  CHECK(IndexedWords("  ").empty());
  CHECK(IndexedWords("").empty());
}

TEST_CASE("a word at the very end of the text is whole") {
  const std::string text = "Open the API";
  const WordIndex index(text, {{0, text.size()}});
  REQUIRE(index.size() == 3);
  CHECK(index.span(2) == Span{9, 12});
  CHECK(index.hash(2) == WordHash("api"));
}

TEST_CASE("hashes ignore ASCII case, not other bytes") {
  CHECK(WordHash("DNS") == WordHash("dns"));
  CHECK(WordHash("OAuth") == WordHash("oauth"));
  CHECK(WordHash("dns") != WordHash("dnss"));
  CHECK(WordHash("\xC3\x89t\xC3\xA9") != WordHash("\xC3\xA9t\xC3\xA9"));  // "Été", "été": é is not ASCII
}

TEST_CASE("a plural's singular hash comes from the word's hash") {
  CHECK(WordHashWithoutLast(WordHash("Webhooks"), 's') == WordHash("webhook"));
  CHECK(WordHashWithoutLast(WordHash("VLANS"), 'S') == WordHash("vlan"));
  CHECK(WordHashWithoutLast(WordHashWithoutLast(WordHash("boxes"), 's'), 'e') == WordHash("box"));
}

TEST_CASE("words are grouped by paragraph, and a paragraph ending inside a word cuts it") {
  const std::string text = "One two\n\nthree";
  const WordIndex index(text, {{0, 7}, {9, 14}});
  CHECK(index.paragraph(0).begin == 0);
  CHECK(index.paragraph(0).end == 2);
  CHECK(index.paragraph(1).begin == 2);
  CHECK(index.paragraph(1).end == 3);

  const std::string cut = "hello world";
  const WordIndex partial(cut, {{0, 3}, {6, 8}});  // "hel", "wo"
  REQUIRE(partial.size() == 2);
  CHECK(partial.span(0) == Span{0, 3});
  CHECK(partial.hash(0) == WordHash("hel"));
  CHECK(partial.span(1) == Span{6, 8});
  CHECK(partial.hash(1) == WordHash("wo"));
  CHECK(partial.paragraph(1).begin == 1);
}

TEST_CASE("a document's words are those of its masked paragraphs") {
  const Document doc("Hi Ana,\n\nSee https://example.com/x now.\n\n> quoted text", {});
  const WordIndex& words = doc.words();
  CHECK(&words == &doc.words());  // built once
  std::vector<std::string> found;
  for (size_t i = 0; i < words.size(); ++i) found.emplace_back(doc.masked().substr(words.span(i).start, words.span(i).size()));
  std::vector<std::string> expected;
  for (Span para : doc.paragraphs()) {
    ForEachWord(doc.masked(), para, [&](Span w) { expected.emplace_back(doc.masked().substr(w.start, w.size())); });
  }
  CHECK(found == expected);
  CHECK(std::find(found.begin(), found.end(), "example") == found.end());  // the URL is masked
}

}  // TEST_SUITE

}  // namespace tactful
