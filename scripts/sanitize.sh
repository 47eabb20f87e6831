#!/usr/bin/env bash
# The unit, CLI and corpus-score tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer, then each libFuzzer target (fuzz/) for a
# bounded time, all from a clang build in build/sanitize. scripts/test.sh
# runs it after the main suite; run it alone to fuzz for longer:
#
#   bash scripts/sanitize.sh                       # tests + 45 s per fuzzer
#   TACTFUL_FUZZ_SECONDS=1800 bash scripts/sanitize.sh -R fuzz.config
#
# Extra arguments go to ctest (-R fuzz runs only the fuzzers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

CC=clang CXX=clang++ cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTACTFUL_SANITIZE=ON -DTACTFUL_FUZZ=ON -DTACTFUL_BUILD_WASM=OFF \
  -DTACTFUL_FUZZ_SECONDS="${TACTFUL_FUZZ_SECONDS:-45}" >/dev/null
cmake --build build/sanitize --parallel "$(nproc)"
cd build/sanitize
ctest --output-on-failure --timeout 1800 "$@"
