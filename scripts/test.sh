#!/usr/bin/env bash
# Every test: core unit tests, CLI, native/wasm parity, the dev-corpus bar
# and the browser tests, all through ctest; the corpus score is printed first.
# Then the same core tests under ASan+UBSan and the fuzzers
# (scripts/sanitize.sh; TACTFUL_SANITIZERS=0 skips them while iterating).
# Arguments go to both ctest runs (-R core ...).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export NODE_PATH=/usr/share/nodejs
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native --parallel "$(nproc)"
corpus=../shared/corpus
if [[ -f $corpus/dev.jsonl ]]; then
  echo "== Dev corpus score =="
  python3 "$corpus/score.py" "$corpus/dev.jsonl" \
    --cmd "build/native/cli/tactful check --format json {file}" | tail -1
  echo "== Replies written without sight of the rules (tests/corpus) =="
  python3 "$corpus/score.py" tests/corpus/extra.jsonl \
    --cmd "build/native/cli/tactful check --format json {file}" | tail -1
fi
(cd build/native && ctest --output-on-failure --timeout 1800 "$@")

[[ ${TACTFUL_SANITIZERS:-1} == 0 ]] && exit 0
echo "== Under AddressSanitizer and UndefinedBehaviorSanitizer, then the fuzzers =="
bash scripts/sanitize.sh "$@"
