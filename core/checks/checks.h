// Factories for the kinds of check, one file each. Adding a kind of check is
// one new file here and one line in the table in rule_loader.cc.
#ifndef TACTFUL_CORE_CHECKS_CHECKS_H_
#define TACTFUL_CORE_CHECKS_CHECKS_H_

#include "core/rule_loader.h"

namespace tactful {

std::unique_ptr<Check> MakeExistenceCheck(const json& rule, RuleInfo info, const LoadContext& ctx);
std::unique_ptr<Check> MakeSubstitutionCheck(const json& rule, RuleInfo info, const LoadContext& ctx);
std::unique_ptr<Check> MakeSequenceCheck(const json& rule, RuleInfo info, const LoadContext& ctx);
std::unique_ptr<Check> MakeAcronymCheck(const json& rule, RuleInfo info, const LoadContext& ctx);
std::unique_ptr<Check> MakeGlossaryCheck(const json& rule, RuleInfo info, const LoadContext& ctx);
// A glossary check from a bare list of terms (an organization's glossary in
// the configuration); `terms_ctx` addresses that list in error messages.
std::unique_ptr<Check> MakeGlossaryFromTerms(RuleInfo info, const json& terms, const LoadContext& terms_ctx);
std::unique_ptr<Check> MakeReplyCheck(const json& rule, RuleInfo info, const LoadContext& ctx);
std::unique_ptr<Check> MakeChecklistCheck(const json& rule, RuleInfo info, const LoadContext& ctx);

}  // namespace tactful

#endif  // TACTFUL_CORE_CHECKS_CHECKS_H_
