#include "core/exclusions.h"

#include <algorithm>

#include "re2/re2.h"

namespace tactful {

namespace {

using re2::RE2;

struct Line {
  Span span;             // without the newline
  std::string_view text;
  std::string_view trimmed;  // without leading blanks
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t lead = std::min(line.find_first_not_of(" \t"), line.size());
    lines.push_back({{start, start + line.size()}, line, line.substr(lead)});
    start = end + 1;
  }
  return lines;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsBlank(const Line& line) { return line.trimmed.empty(); }

bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    const char c = IsAsciiUpper(s[i]) ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
    if (c != lower_prefix[i]) return false;
  }
  return true;
}

// "On Tue, 3 Mar 2026 at 10:14, Dana <dana@example.com> wrote:", which mail
// clients may wrap onto a second line.
bool IsAttributionLine(const std::vector<Line>& lines, size_t i) {
  static const RE2 kAttribution(R"((?i)^on\s.{3,300}\swrote:\s*$)");
  if (!StartsWith(lines[i].trimmed, "On ")) return false;
  if (RE2::FullMatch(lines[i].trimmed, kAttribution)) return true;
  if (i + 1 >= lines.size()) return false;
  const std::string joined = std::string(lines[i].trimmed) + " " + std::string(lines[i + 1].trimmed);
  return RE2::FullMatch(joined, kAttribution);
}

// Outlook's "-----Original Message-----", Gmail's forwarded-message marker,
// and the underscore rule Outlook puts above a reply header.
bool IsSeparatorLine(const Line& line) {
  static const RE2 kSeparator(
      R"((?i)^(?:-{2,}\s*(?:original message|forwarded message)\s*-{2,}|_{10,})\s*$)");
  return (StartsWith(line.trimmed, "-") || StartsWith(line.trimmed, "_")) &&
         RE2::FullMatch(line.trimmed, kSeparator);
}

// A "From:" line followed closely by "Sent:", "Date:", "To:" or "Subject:".
bool IsHeaderBlockStart(const std::vector<Line>& lines, size_t i) {
  static const RE2 kFrom(R"((?i)^\*?from:\*?\s+\S.*)");
  static const RE2 kNext(R"((?i)^\*?(?:sent|date|to|cc|subject):\*?(?:\s.*)?$)");
  const std::string_view t = lines[i].trimmed;
  const bool from = StartsWithNoCase(t, "from:") || (StartsWith(t, "*") && StartsWithNoCase(t.substr(1), "from:"));
  if (!from || !RE2::FullMatch(t, kFrom)) return false;
  for (size_t j = i + 1; j < lines.size() && j <= i + 4; ++j) {
    if (RE2::FullMatch(lines[j].trimmed, kNext)) return true;
  }
  return false;
}

// The "-- " signature delimiter (some editors drop the trailing space).
bool IsSignatureDelimiter(const Line& line) { return line.text == "-- " || line.text == "--"; }

// A line that starts with a capital is a log line only as "ERROR ...",
// "PS C:\\", "C:\\>", "Traceback ...", "Exception in ..." or "Some.Error: ...":
// a second capital, a drive's colon, or a first word that ends at a colon.
// Checking that first spares a regex call on nearly every line of prose.
bool MayBeCapitalizedLogLine(std::string_view s) {
  if (s.size() < 2) return false;
  if (IsAsciiUpper(s[1]) || s[1] == ':' || StartsWith(s, "Traceback") || StartsWith(s, "Exception")) return true;
  size_t end = 0;
  while (end < s.size() && (IsAsciiAlnum(s[end]) || s[end] == '_' || s[end] == '.')) ++end;
  return end < s.size() && s[end] == ':';
}

bool IsLogLine(const Line& line) {
  static const RE2 kLog(
      R"(^(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}[\].,\s]|)"
      R"(\[?(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|CRITICAL)\]?[:\s]|)"
      R"(at [\w.$<>]+\(|Traceback \(most recent|Exception in thread|)"
      R"([\w.]+(?:Exception|Error):\s|\$ |PS [A-Z]:\\|[A-Z]:\\[^\s]*>))");
  const char c = line.trimmed.empty() ? '\0' : line.trimmed[0];
  if (!(c == '[' || c == '$' || IsAsciiDigit(c) || IsAsciiUpper(c) || c == 'a')) return false;
  if (IsAsciiUpper(c) && !MayBeCapitalizedLogLine(line.trimmed)) return false;
  return RE2::PartialMatch(line.trimmed, kLog);
}

// A conventional closing ("Kind regards,", "Thanks,"); the lines after it
// are the agent's name and sign-off block.
bool IsClosingLine(const Line& line) {
  static const RE2 kClosing(
      R"((?i)^(?:(?:kind|warm|warmest|best|many|with)\s+)?(?:regards|wishes|thanks|)"
      R"(thank you|cheers|sincerely|best|all the best|take care|talk soon|)"
      R"(yours(?:\s+(?:sincerely|truly|faithfully))?|respectfully)\s*[,.!]?\s*$)");
  return line.trimmed.size() < 40 && RE2::FullMatch(line.trimmed, kClosing);
}

// Index of the first line from which everything is someone else's text or
// a signature, or lines.size() when there is none.
size_t TrailerStart(const std::vector<Line>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsAttributionLine(lines, i) || IsSeparatorLine(lines[i]) ||
        IsHeaderBlockStart(lines, i) || IsSignatureDelimiter(lines[i])) {
      return i;
    }
  }
  return lines.size();
}

// A sign-off block: after the last closing line before `trailer`, only a
// few short lines (name, team, phone) remain.
size_t SignOffStart(const std::vector<Line>& lines, size_t trailer) {
  constexpr size_t kMaxSignOffLines = 6;
  constexpr size_t kMaxSignOffLineLength = 60;
  for (size_t i = trailer; i-- > 0;) {
    if (!IsClosingLine(lines[i])) continue;
    size_t used = 0;
    for (size_t j = i + 1; j < trailer; ++j) {
      if (IsBlank(lines[j])) continue;
      if (lines[j].text.size() > kMaxSignOffLineLength || ++used > kMaxSignOffLines) return trailer;
    }
    return i + 1;
  }
  return trailer;
}

// Fenced (``` or ~~~) and indented code blocks, quoted lines, log lines.
void AddLineExclusions(const std::vector<Line>& lines, size_t end, std::vector<Span>* out) {
  bool in_fence = false;
  for (size_t i = 0; i < end; ++i) {
    const Line& line = lines[i];
    const bool fence = StartsWith(line.trimmed, "```") || StartsWith(line.trimmed, "~~~");
    if (fence || in_fence) {
      out->push_back(line.span);
      if (fence) in_fence = !in_fence;
      continue;
    }
    const bool indented = StartsWith(line.text, "    ") || StartsWith(line.text, "\t");
    const bool after_break = i == 0 || IsBlank(lines[i - 1]) ||
                             (!out->empty() && out->back() == lines[i - 1].span);
    if ((indented && after_break && !IsBlank(line)) || StartsWith(line.trimmed, ">") ||
        IsLogLine(line)) {
      out->push_back(line.span);
    }
  }
}

// URLs, email addresses, file paths, inline code and quoted strings.
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
  while (pos < text.size() &&
         kInline.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t start = match.data() - text.data();
    out->push_back({start, start + match.size()});
    pos = start + std::max<size_t>(match.size(), 1);
  }
}

}  // namespace

std::vector<Span> MergeSpans(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](Span a, Span b) { return a.start < b.start || (a.start == b.start && a.end < b.end); });
  std::vector<Span> merged;
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
  const std::vector<Line> lines = SplitLines(text);
  const size_t trailer = TrailerStart(lines);
  const size_t sign_off = SignOffStart(lines, trailer);
  std::vector<Span> out;
  if (sign_off < lines.size()) out.push_back({lines[sign_off].span.start, text.size()});
  AddLineExclusions(lines, sign_off, &out);
  AddInlineExclusions(text, &out);
  return MergeSpans(std::move(out));
}

}  // namespace tactful
