#!/usr/bin/env bash
# The benchmark, side by side in one run: Nabla native (-march=native), Nabla WebAssembly with SIMD,
# Nabla WebAssembly without SIMD (both under node), TensorFlow.js 4.22 wasm (SIMD, one thread) and
# cpu. Prints medians over several runs and the ratios the project targets.
#   bench/run.sh [--runs 5] [--seconds 1]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export NODE_PATH=/usr/share/nodejs
for preset in bench-native web web-scalar; do
  cmake --preset "$preset" > /dev/null
  cmake --build "build/$preset" --target nabla_bench 2>&1 | grep -E "error|Error" || true
done
[ -d bench/node_modules/@tensorflow/tfjs-backend-wasm ] || (cd bench && npm ci --no-audit --no-fund)
node bench/run.mjs "$@"
