#!/usr/bin/env bash
# Runs the native benchmark, then the WebAssembly one in Node against the
# native numbers; both print Markdown (see bench/README.md for recorded runs).
# Not part of the tests: timings are measurements, not pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native --parallel "$(nproc)" >/dev/null
results=$(mktemp)
trap 'rm -f "$results"' EXIT
build/native/bench/tactful_bench --json "$results" "$@"
echo
node bench/wasm_bench.mjs --native "$results" "$@"
