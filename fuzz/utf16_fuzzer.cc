// libFuzzer entry point; the target itself is fuzz/targets.cc.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tactful::fuzz::MapOffsets(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
