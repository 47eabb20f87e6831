// Replays every committed fuzz input (fuzz/seeds/, and fuzz/regressions/
// where each crash a fuzzer found is kept) through the fuzz targets, in
// every build; under build/sanitize that is with ASan and UBSan watching.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "doctest/doctest.h"
#include "fuzz/targets.h"

namespace tactful {

namespace {

namespace fs = std::filesystem;

// Calls `target` on each file under fuzz/{seeds,regressions}/NAME; returns
// how many there were.
size_t Replay(const std::string& name, void (*target)(std::string_view)) {
  size_t count = 0;
  for (const char* kind : {"seeds", "regressions"}) {
    const fs::path dir = fs::path(TACTFUL_FUZZ_DIR) / kind / name;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      INFO("replaying " << entry.path().string());
      target(bytes.str());
      ++count;
    }
  }
  return count;
}

}  // namespace

TEST_SUITE("fuzz") {

TEST_CASE("committed fuzz inputs replay cleanly") {
  CHECK(Replay("check", fuzz::CheckText) > 0);
  CHECK(Replay("config", fuzz::LoadConfig) > 0);
  CHECK(Replay("utf16", fuzz::MapOffsets) > 0);
}

}  // TEST_SUITE

}  // namespace tactful
