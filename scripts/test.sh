#!/usr/bin/env bash
# Installs what is missing, builds both configurations, and runs every test:
#   1. native unit tests (GoogleTest, via ctest): engine, parser, lab, CLI
#   2. the same suite again in Debug with AddressSanitizer and UndefinedBehaviorSanitizer (asserts live)
#   3. the libFuzzer targets (tests/fuzz; clang, ASan + UBSan), a few seconds each from the seed corpus
#      (scripts/fuzz.sh runs them for longer)
#   4. browser tests (node --test): the built page in Debian's headless Chromium, and a smoke test in
#      Firefox ESR and WebKitGTK, which need a display for WebGL 2: the whole run is under xvfb-run
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs node modules from there (acorn)

cmake --preset native
cmake --build --preset native
ctest --preset native

cmake --preset native-asan
cmake --build --preset native-asan
ctest --preset native-asan

cmake --preset fuzz
cmake --build --preset fuzz
ctest --preset fuzz

cmake --preset web
cmake --build --preset web
cd tests/e2e
xvfb-run -a -s "-screen 0 1400x900x24" node --test --test-concurrency=1
