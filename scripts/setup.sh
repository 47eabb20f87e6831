#!/usr/bin/env bash
# Installs what Tactful needs on a fresh Debian 12 machine, and nothing when
# it is already there: the toolchains and browsers from Debian's packages,
# the JavaScript dependencies (and RE2's sources) from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang, its sanitizer and libFuzzer runtimes and llvm-symbolizer are for
# the ASan+UBSan build and the fuzzers (scripts/sanitize.sh).
packages=(cmake make g++ python3 emscripten nlohmann-json3-dev doctest-dev chromium firefox-esr zip
          clang libclang-rt-14-dev llvm)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci is exact and repeatable; skip it when node_modules was installed
# from this very lock file. (npm's own node_modules/.package-lock.json leaves
# out the root and other platforms' packages, so it never matched, and every
# run reinstalled, touching RE2's sources and rebuilding them.)
stamp=node_modules/.tactful-package-lock.json
if ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
