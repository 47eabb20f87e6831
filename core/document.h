// A reply prepared for checking: what to skip, where paragraphs and sentences
// are, and which terms the reply explains. Built once per check and shared,
// read-only, by every rule.
#ifndef TACTFUL_CORE_DOCUMENT_H_
#define TACTFUL_CORE_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text.h"
#include "core/words.h"

namespace tactful {

// Lower-cased words joined by single spaces: "Single Sign-On" and
// "single sign on" both become "single sign on". Terms are compared this way.
std::string NormalizeTerm(std::string_view term);

class Document {
 public:
  // `caller_excluded` are extra ranges to skip, e.g. the quote blocks a
  // browser editor knows about.
  Document(std::string_view text, const std::vector<Span>& caller_excluded);

  std::string_view text() const { return text_; }
  // Same length as text(); excluded and invalid bytes are spaces (newlines
  // kept) and Unicode spaces are ASCII spaces, so every offset is shared.
  const std::string& masked() const { return masked_; }
  const std::vector<Span>& excluded() const { return excluded_; }
  const std::vector<Span>& invalid_utf8() const { return invalid_utf8_; }
  const std::vector<Span>& paragraphs() const { return paragraphs_; }
  const std::vector<Span>& sentences() const { return sentences_; }

  // Index into sentences() of the sentence holding `pos`, or of the next one
  // when `pos` falls between sentences.
  size_t SentenceIndexAt(size_t pos) const;

  // Whether the reply explains `normalized_term` (see NormalizeTerm) at or
  // before the occurrence `at`: "single sign-on (SSO)" or "SSO stands for
  // single sign-on" before it, or "SSO (single sign-on)" right at it.
  bool IsExplained(const std::string& normalized_term, Span at) const;

  // Whether `span` reaches into brackets that follow words, as in "released
  // (deployed to prod)": the term there is being explained, not used.
  bool TouchesDefinition(Span span) const;

  // The words of masked(), paragraph by paragraph, for the rules that read
  // word by word. Found on first use: only those rules need them, and they
  // share them (a Document is checked on one thread).
  const WordIndex& words() const;

 private:
  void Mask();  // fills masked_ and invalid_utf8_
  void FindBracketedExplanations();
  void FindExplanationsInWords() const;
  void ExplainWordsBefore(size_t end, size_t at) const;

  std::string_view text_;
  std::string masked_;
  std::vector<Span> excluded_;
  std::vector<Span> invalid_utf8_;
  std::vector<Span> paragraphs_;
  std::vector<Span> sentences_;
  // Filled with bracketed explanations on construction, and with those in
  // words on the first IsExplained (a Document is checked on one thread).
  mutable std::unordered_map<std::string, size_t> explained_at_;
  mutable bool explained_in_words_ = false;
  std::vector<Span> definitions_;  // inside the brackets, in text order
  mutable std::optional<WordIndex> words_;
};

}  // namespace tactful

#endif  // TACTFUL_CORE_DOCUMENT_H_
