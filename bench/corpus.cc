#include "bench/corpus.h"

#include <fstream>

#include "nlohmann/json.hpp"
#include "re2/re2.h"

namespace tactful_bench {

namespace {

// Markers that exclude the rest of a reply (see core/exclusions.cc).
bool QuotesOrSigns(const std::string& reply) {
  static const re2::RE2 kMarker(
      R"((?im)wrote:\s*$|original message|forwarded message|^\s*\*?from:|^-- ?$|^_{10,})");
  return re2::RE2::PartialMatch(reply, kMarker);
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

std::vector<std::string> LoadReplies(const std::string& path) {
  std::vector<std::string> replies;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const nlohmann::json reply = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!reply.is_object() || !reply.contains("text") || !reply["text"].is_string()) continue;
    std::string text = reply["text"].get<std::string>();
    if (!QuotesOrSigns(text)) replies.push_back(std::move(text));
  }
  return replies;
}

std::string MakeText(const std::vector<std::string>& replies, size_t bytes) {
  std::string text;
  text.reserve(bytes + 4096);
  uint32_t state = 2463534242u;  // xorshift32: cheap, and easy to mirror in JavaScript
  while (text.size() < bytes) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    if (!text.empty()) text += "\n\n";
    text += replies[state % replies.size()];
  }
  size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

std::string FirstWords(std::string_view text, size_t words) {
  size_t i = 0;
  for (size_t n = 0; n < words && i < text.size(); ++n) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
  }
  return std::string(text.substr(0, i));
}

uint32_t Checksum(std::string_view text) {
  uint32_t h = 2166136261u;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

}  // namespace tactful_bench
