#include "cli/text_output.h"

namespace tactful {

namespace {

struct Style {
  bool on;
  const char* Of(const char* code) const { return on ? code : ""; }
  const char* bold() const { return Of("\033[1m"); }
  const char* dim() const { return Of("\033[2m"); }
  const char* green() const { return Of("\033[32m"); }
  const char* reset() const { return Of("\033[0m"); }
  const char* severity(const std::string& s) const {
    return Of(s == "error" ? "\033[1;31m" : s == "warning" ? "\033[1;33m" : "\033[1;36m");
  }
};

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The finding's line with tabs widened, and a marker under the span.
void PrintMarkedLine(std::ostream& out, std::string_view text, const LineIndex& lines, Span span,
                     const Style& style) {
  const Span line = lines.LineAt(span.start);
  const size_t end = std::min(span.end, line.end);
  std::string shown(text.substr(line.start, line.size()));
  for (char& c : shown) c = (c == '\t') ? ' ' : c;
  const size_t pad = CodePoints(text.substr(line.start, span.start - line.start));
  const size_t width = std::max<size_t>(1, CodePoints(text.substr(span.start, end - span.start)));
  out << "    " << shown << "\n    " << std::string(pad, ' ') << style.green() << '^'
      << std::string(width - 1, '~') << style.reset() << "\n";
}

}  // namespace

void PrintFindings(std::ostream& out, std::string_view file, std::string_view text, const CheckResult& result,
                   bool color) {
  const Style style{color};
  const LineIndex lines(text);
  for (const Finding& f : result.findings) {
    out << style.bold() << file << ':' << lines.Line(f.span.start) << ':' << lines.Column(f.span.start) << ":"
        << style.reset() << ' ' << style.severity(f.severity) << f.severity << style.reset() << ": " << f.message
        << ' ' << style.dim() << '[' << f.rule << ']' << style.reset() << "\n";
    PrintMarkedLine(out, text, lines, f.span, style);
    if (!f.why.empty()) out << "    " << style.dim() << "why: " << f.why << style.reset() << "\n";
    for (const std::string& s : f.suggestions) {
      out << "    try: " << style.green() << (s.empty() ? "(remove it)" : s) << style.reset() << "\n";
    }
    if (!f.starter.empty()) out << "    start with: " << style.green() << f.starter << style.reset() << "\n";
  }
  if (!result.invalid_utf8.empty()) {
    out << file << ": note: not valid UTF-8 at byte " << result.invalid_utf8[0].start
        << "; those bytes were skipped\n";
  }
}

void PrintChecklist(std::ostream& out, std::string_view file, const CheckResult& result, bool color) {
  const Style style{color};
  size_t applicable = 0, met = 0;
  for (const ChecklistItem& item : result.checklist) {
    applicable += item.state != ItemState::kNotApplicable;
    met += item.state == ItemState::kMet;
  }
  if (applicable == 0) return;
  out << style.bold() << file << ":" << style.reset() << " checklist " << met << "/" << applicable << "\n";
  for (const ChecklistItem& item : result.checklist) {
    if (item.state == ItemState::kNotApplicable) continue;
    const char* mark = item.state == ItemState::kMet ? "[x]" : item.state == ItemState::kWeak ? "[!]" : "[ ]";
    const char* note = item.state == ItemState::kWeak ? " (needs work)" : item.state == ItemState::kMissing ? " (missing)" : "";
    out << "    " << (item.state == ItemState::kMet ? style.green() : style.severity("warning")) << mark
        << style.reset() << ' ' << item.label << note << "\n";
  }
}

void PrintExamples(std::ostream& out, const RuleInfo& rule) {
  if (rule.examples.empty()) return;
  out << "  examples:\n";
  for (const auto& [kind, texts] : rule.examples) {
    for (std::string text : texts) {
      for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) text.replace(at, 1, "\\n");
      out << "    " << kind << ": " << text << "\n";
    }
  }
}

}  // namespace tactful
