#include "core/text.h"

#include "doctest/doctest.h"

namespace tactful {

TEST_SUITE("text") {

TEST_CASE("valid UTF-8 has no invalid spans, whatever the script") {
  CHECK(FindInvalidUtf8("plain ascii").empty());
  CHECK(FindInvalidUtf8("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x8A e\xCC\x81").empty());  // é 日本 😊 e+◌́
  CHECK(FindInvalidUtf8("it\xE2\x80\x99s").empty());  // curly apostrophe
}

TEST_CASE("SkipAscii stops at the first non-ASCII byte, on any side of a word boundary") {
  for (size_t n = 0; n < 70; ++n) {
    const std::string text = std::string(n, 'a') + "\xC3\xA9" + std::string(n % 11, 'b');
    CHECK(SkipAscii(text, 0) == n);
    CHECK(SkipAscii(text, n / 2) == n);
    CHECK(SkipAscii(text, n + 2) == text.size());  // none left
    CHECK(SkipAscii(text.substr(0, n), 0) == n);  // none at all
  }
  CHECK(SkipAscii("", 0) == 0);
}

TEST_CASE("invalid UTF-8 is located byte by byte and runs are merged") {
  const std::string text = "ok \xFF\xFE then \xC3 and \xED\xA0\x80 and \xC0\xAF.";
  const auto bad = FindInvalidUtf8(text);
  REQUIRE(bad.size() == 4);
  CHECK(bad[0] == Span{3, 5});    // two stray bytes, one run
  CHECK(bad[1] == Span{11, 12});  // truncated sequence
  CHECK(bad[2].size() == 3);      // encoded UTF-16 surrogate
  CHECK(bad[3].size() == 2);      // overlong "/"
  // Past the ASCII that is skipped eight bytes at a time.
  const std::string padded = std::string(37, 'x') + "\xFF" + std::string(8, 'y') + "\xC3";
  CHECK(FindInvalidUtf8(padded) == std::vector<Span>{{37, 38}, {46, 47}});
}

TEST_CASE("byte offsets map to UTF-16 code units as JavaScript counts them") {
  // "a😊b日c": 😊 is 4 bytes and 2 units, 日 is 3 bytes and 1 unit.
  const std::string text = "a\xF0\x9F\x98\x8A" "b\xE6\x97\xA5" "c";
  CHECK(ToUtf16Offsets(text, {0, 1, 5, 6, 9, 10}) == std::vector<size_t>{0, 1, 3, 4, 5, 6});
  CHECK(ToUtf16Offsets(text, {9, 0, 5}) == std::vector<size_t>{5, 0, 3});  // any order
  CHECK(FromUtf16Offsets(text, {0, 1, 3, 4, 5, 6}) == std::vector<size_t>{0, 1, 5, 6, 9, 10});
  // An offset inside a surrogate pair falls back to the character's start.
  CHECK(FromUtf16Offsets(text, {2}) == std::vector<size_t>{1});
}

TEST_CASE("UTF-16 from JavaScript becomes UTF-8 unit for unit, lone surrogates as U+FFFD") {
  CHECK(Utf16ToUtf8(u"a\U0001F60Ab\u65E5c") == "a\xF0\x9F\x98\x8A" "b\xE6\x97\xA5" "c");
  // A lone surrogate must not swallow what follows it (Embind's own
  // conversion turns "\uDC00C" into one 4-byte character).
  const std::u16string lone = {u'x', 0xDC00, u'C', 0xD800, u'\n', u'y', 0xD83D};
  const std::string utf8 = Utf16ToUtf8(lone);
  CHECK(utf8 == "x\xEF\xBF\xBD" "C\xEF\xBF\xBD\ny\xEF\xBF\xBD");
  CHECK(FindInvalidUtf8(utf8).empty());
  CHECK(ToUtf16Offsets(utf8, {utf8.size()})[0] == lone.size());
  CHECK(Utf16ToUtf8(u"").empty());
}

TEST_CASE("lines and columns are 1-based and columns count characters") {
  const std::string text = "first\nse\xC3\xA7ond line\r\nthird";
  const LineIndex lines(text);
  CHECK(lines.Line(0) == 1);
  CHECK(lines.Line(6) == 2);
  CHECK(lines.Column(6) == 1);
  CHECK(lines.Column(10) == 4);  // after "seç": ç is two bytes, one character
  CHECK(lines.Line(text.size() - 1) == 3);
  const Span second = lines.LineAt(8);
  CHECK(text.substr(second.start, second.size()) == "se\xC3\xA7ond line");  // no \r
}

}  // TEST_SUITE

}  // namespace tactful
