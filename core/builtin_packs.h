// The rule packs compiled into the binary (generated from rules/*.json).
#ifndef TACTFUL_CORE_BUILTIN_PACKS_H_
#define TACTFUL_CORE_BUILTIN_PACKS_H_

#include <string>
#include <vector>

namespace tactful {

struct BuiltinPack {
  std::string name;  // file name, e.g. "apology.json"
  std::string text;  // the JSON
};

const std::vector<BuiltinPack>& BuiltinPacks();

}  // namespace tactful

#endif  // TACTFUL_CORE_BUILTIN_PACKS_H_
