#include "core/exclusions.h"

#include <algorithm>
#include <array>

#include "re2/re2.h"

namespace tactful {

namespace {

using re2::RE2;

// Lines are read one at a time where they are needed: most checks look at
// one line and at most the next four, and a vector of every line of a 10 MB
// paste costs more than the checks.
struct Line {
  Span span;             // without the newline
  std::string_view text;
  std::string_view trimmed;  // without leading blanks
  size_t next;           // start of the next line; past text.size() after the last
};

// The line starting at `start` (text ending in "\n" has an empty last line).
// Inline: it runs for every line, and folded into the loop it costs a third less.
inline Line LineAt(std::string_view text, size_t start) {
  // Every other line of a reply is blank: memchr is not needed to find its end.
  const bool empty = start < text.size() && text[start] == '\n';
  const size_t newline = empty ? start : text.find('\n', start);
  size_t end = std::min(newline, text.size());
  if (end > start && text[end - 1] == '\r') --end;
  size_t lead = start;
  while (lead < end && (text[lead] == ' ' || text[lead] == '\t')) ++lead;
  return {{start, end},
          std::string_view(text.data() + start, end - start),
          std::string_view(text.data() + lead, end - lead),
          newline == std::string_view::npos ? text.size() + 1 : newline + 1};
}

bool HasNextLine(std::string_view text, const Line& line) { return line.next <= text.size(); }

// Start of the line before the one starting at `next` (> 0).
size_t PreviousLineStart(std::string_view text, size_t next) {
  return next >= 2 ? text.rfind('\n', next - 2) + 1 : 0;  // npos + 1 == 0
}

// A template, so the compiler sees each prefix's length and compares inline:
// the line checks below run on every line.
template <size_t N>
bool StartsWith(std::string_view s, const char (&prefix)[N]) {
  return s.size() >= N - 1 && std::char_traits<char>::compare(s.data(), prefix, N - 1) == 0;
}

bool IsBlank(const Line& line) { return line.trimmed.empty(); }

bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  return EqualsAsciiFolded(s.substr(0, lower_prefix.size()), lower_prefix);
}

// How many lines, from `line` on, an attribution takes: "On Tue, 3 Mar 2026
// at 10:14, Dana <dana@example.com> wrote:", which mail clients may wrap
// onto a second line. 0 when `line` starts none.
int AttributionLines(std::string_view text, const Line& line) {
  if (!StartsWith(line.trimmed, "On ")) return 0;
  static const RE2 kAttribution(R"((?i)^on\s.{3,300}\swrote:\s*$)");
  if (RE2::FullMatch(line.trimmed, kAttribution)) return 1;
  if (!HasNextLine(text, line)) return 0;
  const std::string joined = std::string(line.trimmed) + " " + std::string(LineAt(text, line.next).trimmed);
  return RE2::FullMatch(joined, kAttribution) ? 2 : 0;
}

// Where the agent's own text resumes after an attribution whose message is
// quoted line by line ("> ..."): a reply written below the quote. npos when
// `line` starts no attribution, when nothing but blank lines follows the
// quote, or when the message is not quoted that way (then everything after
// the attribution is its).
size_t ReplyBelowQuote(std::string_view text, const Line& attribution) {
  const int lines = AttributionLines(text, attribution);
  if (lines == 0) return std::string_view::npos;
  Line line = LineAt(text, attribution.next);
  if (lines == 2) line = LineAt(text, line.next);
  if (!StartsWith(line.trimmed, ">")) return std::string_view::npos;
  while (StartsWith(line.trimmed, ">") || IsBlank(line)) {
    if (!HasNextLine(text, line)) return std::string_view::npos;
    line = LineAt(text, line.next);
  }
  return line.span.start;
}

// Outlook's "-----Original Message-----", Gmail's forwarded-message marker,
// and the underscore rule Outlook puts above a reply header.
bool IsSeparatorLine(const Line& line) {
  if (!StartsWith(line.trimmed, "-") && !StartsWith(line.trimmed, "_")) return false;
  static const RE2 kSeparator(
      R"((?i)^(?:-{2,}\s*(?:original message|forwarded message)\s*-{2,}|_{10,})\s*$)");
  return RE2::FullMatch(line.trimmed, kSeparator);
}

// A "From:" line followed closely by "Sent:", "Date:", "To:" or "Subject:".
bool IsHeaderBlockStart(std::string_view text, const Line& line) {
  const std::string_view t = line.trimmed;
  const bool from = StartsWithNoCase(t, "from:") || (StartsWith(t, "*") && StartsWithNoCase(t.substr(1), "from:"));
  if (!from) return false;
  static const RE2 kFrom(R"((?i)^\*?from:\*?\s+\S.*)");
  static const RE2 kNext(R"((?i)^\*?(?:sent|date|to|cc|subject):\*?(?:\s.*)?$)");
  if (!RE2::FullMatch(t, kFrom)) return false;
  Line next = line;
  for (int i = 0; i < 4 && HasNextLine(text, next); ++i) {
    next = LineAt(text, next.next);
    if (RE2::FullMatch(next.trimmed, kNext)) return true;
  }
  return false;
}

// The "-- " signature delimiter (some editors drop the trailing space).
bool IsSignatureDelimiter(const Line& line) { return line.text == "-- " || line.text == "--"; }

// A line that starts with a capital is a log line only as "ERROR ...",
// "PS C:\\", "C:\\>", "Traceback ...", "Exception in ..." or "Some.Error: ...":
// a log level, a drive's colon, or a first word that ends at a colon.
// Checking that first spares a regex call on nearly every line of prose, and
// on the "IT Support" under every signature.
bool MayBeCapitalizedLogLine(std::string_view s) {
  static constexpr std::array<std::string_view, 8> kLevels = {"ERROR", "WARN",  "WARNING", "INFO",
                                                              "DEBUG", "TRACE", "FATAL",   "CRITICAL"};
  constexpr size_t kShortestLevel = 4;
  if (s.size() < 2) return false;
  if (s[1] == ':' || StartsWith(s, "PS ") || StartsWith(s, "Traceback") || StartsWith(s, "Exception")) return true;
  size_t capitals = 0;
  while (capitals < s.size() && IsAsciiUpper(s[capitals])) ++capitals;
  if (capitals >= kShortestLevel &&
      std::find(kLevels.begin(), kLevels.end(), s.substr(0, capitals)) != kLevels.end()) {
    return true;
  }
  // Most lines have no colon at all.
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos) return false;
  size_t end = capitals;
  while (end < colon && (IsAsciiAlnum(s[end]) || s[end] == '_' || s[end] == '.')) ++end;
  return end == colon;
}

bool IsLogLine(const Line& line) {
  const char c = line.trimmed.empty() ? '\0' : line.trimmed[0];
  if (!(c == '[' || c == '$' || IsAsciiDigit(c) || IsAsciiUpper(c) || c == 'a')) return false;
  if (IsAsciiUpper(c) && !MayBeCapitalizedLogLine(line.trimmed)) return false;
  static const RE2 kLog(
      R"(^(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}[\].,\s]|)"
      R"(\[?(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|CRITICAL)\]?[:\s]|)"
      R"(at [\w.$<>]+\(|Traceback \(most recent|Exception in thread|)"
      R"([\w.]+(?:Exception|Error):\s|\$ |PS [A-Z]:\\|[A-Z]:\\[^\s]*>))");
  return RE2::PartialMatch(line.trimmed, kLog);
}

// A conventional closing ("Kind regards,", "Thanks,"); the lines after it
// are the agent's name and sign-off block.
bool IsClosingLine(const Line& line) {
  if (line.trimmed.size() >= 40) return false;
  static const RE2 kClosing(
      R"((?i)^(?:(?:kind|warm|warmest|best|many|with)\s+)?(?:regards|wishes|thanks|)"
      R"(thank you|cheers|sincerely|best|all the best|take care|talk soon|)"
      R"(yours(?:\s+(?:sincerely|truly|faithfully))?|respectfully)\s*[,.!]?\s*$)");
  return RE2::FullMatch(line.trimmed, kClosing);
}

// Whether everything from `line` on is someone else's text or a signature.
bool StartsTrailer(std::string_view text, const Line& line) {
  // Each kind starts with its own bytes; most lines start with none of them.
  switch (line.trimmed.empty() ? '\0' : line.trimmed[0]) {
    case 'O':
      return AttributionLines(text, line) > 0;
    case '-':
      return IsSeparatorLine(line) || IsSignatureDelimiter(line);
    case '_':
      return IsSeparatorLine(line);
    case 'f':
    case 'F':
    case '*':
      return IsHeaderBlockStart(text, line);
    default:
      return false;
  }
}

// A short line of one to five capitalised words, such as a person's or a
// team's name ("Priya Shah", "IT Service Desk"); not wrapped prose, whose
// words are mostly lower case.
std::string_view WithoutTrailingBlanks(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsNameLine(const Line& line) {
  constexpr size_t kMaxNameLength = 40;
  constexpr size_t kMaxNameWords = 5;
  const std::string_view s = WithoutTrailingBlanks(line.trimmed);
  if (s.empty() || s.size() > kMaxNameLength) return false;
  size_t words = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ') continue;
    if (i == 0 || s[i - 1] == ' ') {
      if (!(IsAsciiUpper(c) || IsAsciiDigit(c) || c == '&' || static_cast<unsigned char>(c) >= 0x80)) return false;
      if (++words > kMaxNameWords) return false;
    } else if (!(IsAsciiAlnum(c) || c == '-' || c == '\'' || c == '&' || static_cast<unsigned char>(c) >= 0x80)) {
      return false;
    }
  }
  return true;
}

// A team's name signing a reply with no closing line: "IT Service Desk",
// "BI Team", "Acme Billing Support".
bool IsTeamNameLine(const Line& line) {
  static constexpr std::string_view kTeamWords[] = {"team", "support", "desk", "helpdesk", "department", "services",
                                                    "operations", "ops", "billing", "care", "relations", "office"};
  if (!IsNameLine(line)) return false;
  const std::string_view s = WithoutTrailingBlanks(line.trimmed);
  const std::string_view last = s.substr(s.rfind(' ') + 1);  // npos + 1 == 0
  return std::any_of(std::begin(kTeamWords), std::end(kTeamWords),
                     [&](std::string_view w) { return EqualsAsciiFolded(last, w); });
}

// Start of a sign-off block before the line starting at `trailer`: after the
// last closing line before it, only a few short lines (name, team, phone)
// remain; or, with no closing line, a last paragraph of one or two short
// lines ending in a team's name. `trailer` when there is none. Read
// backwards, so it stops after a handful of lines.
size_t SignOffStart(std::string_view text, size_t trailer) {
  constexpr size_t kMaxSignOffLines = 6;
  constexpr size_t kMaxSignOffLineLength = 60;
  constexpr size_t kMaxTeamParagraphLines = 2;
  size_t used = 0;
  size_t team_paragraph = trailer;  // start of the last paragraph, if it ends in a team's name
  bool in_last_paragraph = true;
  for (size_t next = trailer; next > 0;) {
    const Line line = LineAt(text, PreviousLineStart(text, next));
    if (IsClosingLine(line)) return line.next;
    if (IsBlank(line)) {
      in_last_paragraph = in_last_paragraph && used == 0;
    } else if (line.text.size() > kMaxSignOffLineLength || ++used > kMaxSignOffLines) {
      break;
    } else if (in_last_paragraph && used <= kMaxTeamParagraphLines &&
               (used == 1 ? IsTeamNameLine(line) : team_paragraph != trailer && IsNameLine(line))) {
      team_paragraph = line.span.start;
    }
    next = line.span.start;
  }
  // The team's paragraph must follow some prose of the reply's own.
  return team_paragraph != trailer && team_paragraph > 0 ? team_paragraph : trailer;
}

// Fenced (``` or ~~~) and indented code blocks, quoted lines, log lines.
// `after_break`: the line before is blank or excluded itself.
bool IsExcludedLine(const Line& line, bool after_break, bool* in_fence) {
  const bool fence = StartsWith(line.trimmed, "```") || StartsWith(line.trimmed, "~~~");
  if (fence || *in_fence) {
    if (fence) *in_fence = !*in_fence;
    return true;
  }
  const bool indented = StartsWith(line.text, "    ") || StartsWith(line.text, "\t");
  return (indented && after_break && !IsBlank(line)) || StartsWith(line.trimmed, ">") || IsLogLine(line);
}

bool IsEmailNameByte(char c) { return IsAsciiAlnum(c) || c == '_' || c == '.' || c == '+' || c == '-'; }

template <typename Fn>
void ForEachByte(std::string_view text, char c, Fn fn) {
  for (size_t i = text.find(c); i != std::string_view::npos; i = text.find(c, i + 1)) fn(i);
}

// Every offset where a match of kInline (below) can start, sorted: each
// match holds a rare literal near its start, and the bytes that mark one
// are found with memchr instead of running the regex over the whole text.
std::vector<size_t> InlineMatchStarts(std::string_view text) {
  std::vector<size_t> starts;
  const auto at = [&](size_t i, std::string_view s) { return text.substr(i, s.size()) == s; };
  ForEachByte(text, ':', [&](size_t i) {
    if (at(i + 1, "//")) {
      // The scheme is 3 ("ftp") to 6 bytes ("httpſ": (?i) folds s to U+017F)
      // and starts with h or f.
      for (size_t back = 3; back <= 6 && back <= i; ++back) {
        const char c = text[i - back];
        if (c == 'h' || c == 'H' || c == 'f' || c == 'F') starts.push_back(i - back);
      }
    } else if (at(i + 1, "\\") && i > 0) {
      starts.push_back(i - 1);  // "C:\"
    }
  });
  ForEachByte(text, '.', [&](size_t i) {
    const auto w = [&](size_t j) { return text[j] == 'w' || text[j] == 'W'; };
    if (i >= 3 && w(i - 3) && w(i - 2) && w(i - 1)) starts.push_back(i - 3);
  });
  ForEachByte(text, '@', [&](size_t i) {
    // An address starts where the run of name bytes before "@" does.
    size_t start = i;
    while (start > 0 && IsEmailNameByte(text[start - 1])) --start;
    if (start < i) starts.push_back(start);
  });
  ForEachByte(text, '\\', [&](size_t i) {
    if (at(i + 1, "\\")) starts.push_back(i);  // "\\\\server"
  });
  ForEachByte(text, '`', [&](size_t i) { starts.push_back(i); });
  ForEachByte(text, '"', [&](size_t i) { starts.push_back(i); });
  ForEachByte(text, '\x9C', [&](size_t i) {  // the last byte of “; its first is also that of ’
    if (i >= 2 && at(i - 2, "“")) starts.push_back(i - 2);
  });
  std::sort(starts.begin(), starts.end());
  return starts;
}

// URLs, email addresses, file paths, inline code and quoted strings. The
// matches are those of one unanchored scan over the whole text: trying each
// possible start in order and taking the first anchored match finds the
// same leftmost match.
void AddInlineExclusions(std::string_view text, std::vector<Span>* out) {
  static const RE2 kInline(
      R"(((?i:\b(?:https?|ftp|file)://|\bwww\.)[^\s<>"]*[^\s<>".,;:!?)\]'’])|)"
      R"(([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|)"
      R"((`[^`\n]+`)|)"
      R"((\b[A-Za-z]:\\[^\s"]+|\\\\[\w.$-]+\\[^\s"]*)|)"
      R"(("[^"\n]{1,200}"|“[^”\n]{1,200}”))");
  absl::string_view input(text.data(), text.size());
  absl::string_view match;
  size_t pos = 0;
  for (size_t start : InlineMatchStarts(text)) {
    while (start >= pos && kInline.Match(input, start, text.size(), RE2::ANCHOR_START, &match, 1)) {
      out->push_back({start, start + match.size()});
      pos = start + match.size();  // never empty
      // An address may start right where a match ended, inside a run of
      // name bytes whose start was passed over: "a@b.com+c@d.com".
      if (pos == text.size() || !IsEmailNameByte(text[pos])) break;
      start = pos;
    }
  }
}

bool SpanBefore(Span a, Span b) { return a.start < b.start || (a.start == b.start && a.end < b.end); }

}  // namespace

std::vector<Span> MergeSpans(std::vector<Span> spans) {
  // FindExcluded's spans come sorted; sorting them again costs more than merging.
  if (!std::is_sorted(spans.begin(), spans.end(), SpanBefore)) std::sort(spans.begin(), spans.end(), SpanBefore);
  std::vector<Span> merged;
  merged.reserve(spans.size());
  for (Span s : spans) {
    if (s.start >= s.end) continue;
    if (!merged.empty() && s.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

std::vector<Span> FindExcluded(std::string_view text) {
  std::vector<Span> out;
  bool in_fence = false;
  bool after_break = true;
  size_t start = 0;  // of the trailer, at the end: past text.size() when there is none
  for (; start <= text.size();) {
    const Line line = LineAt(text, start);
    if (StartsTrailer(text, line)) {
      const size_t reply = ReplyBelowQuote(text, line);
      if (reply == std::string_view::npos) break;
      out.push_back({line.span.start, reply});
      after_break = true;
      start = reply;
      continue;
    }
    const bool excluded = IsExcludedLine(line, after_break, &in_fence);
    if (excluded) out.push_back(line.span);
    after_break = excluded || IsBlank(line);
    start = line.next;
  }
  // Lines of the sign-off block were checked too; its span holds them.
  const size_t sign_off = std::min(SignOffStart(text, start), text.size());
  while (!out.empty() && out.back().start >= sign_off) out.pop_back();
  out.push_back({sign_off, text.size()});
  const size_t line_spans = out.size();
  AddInlineExclusions(text, &out);
  std::inplace_merge(out.begin(), out.begin() + line_spans, out.end(), SpanBefore);
  return MergeSpans(std::move(out));
}

}  // namespace tactful
