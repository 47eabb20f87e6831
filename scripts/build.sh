#!/usr/bin/env bash
# The main job: build everything (native CLI, WebAssembly engine, browser
# extension), check the bundled sample replies, and package the extension.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export NODE_PATH=/usr/share/nodejs  # Debian's emcc needs Debian's acorn
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native --parallel "$(nproc)"

echo
echo "== Checking the sample replies in samples/ =="
status=0
build/native/cli/tactful check samples/*.txt || status=$?
# Exit 1 only means the samples have findings, which they are meant to.
((status <= 1)) || exit "$status"

echo
if [[ -f dist/tactful-chrome.zip && -f dist/tactful-firefox.zip ]]; then
  echo "== Extension packages =="
  ls -l dist/tactful-chrome.zip dist/tactful-firefox.zip
fi
wasm=build/wasm/tactful.wasm
echo "WebAssembly engine: $(stat -c %s "$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzipped"
