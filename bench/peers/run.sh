#!/usr/bin/env bash
# Tactful's wasm engine against harper.js, write-good and alex, in Node:
#   bash bench/peers/run.sh [--wasm DIR] [--corpus FILE] [--budget SECONDS] [--startup-runs N]
# Installs the pinned peers into bench/peers/node_modules (npm ci) on first use,
# then prints Markdown on stdout (progress on stderr). --wasm defaults to
# $TACTFUL_WASM_DIR, else build/wasm (what bash scripts/build.sh makes).
# A benchmark, not a test: the project's tests and CI never run or install it.
set -euo pipefail
here=$(dirname "$0")
if [[ ! -f $here/node_modules/.package-lock.json || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
  echo "peers: npm ci in bench/peers" >&2
  (cd "$here" && npm ci --no-audit --no-fund >&2)
fi
exec node "$here/run.mjs" "$@"
