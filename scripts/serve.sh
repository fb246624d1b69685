#!/usr/bin/env bash
# Installs what is missing, builds the web app, and serves it on 127.0.0.1 (PORT, default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export NODE_PATH=/usr/share/nodejs
cmake --preset web
cmake --build --preset web
exec node scripts/static_server.mjs build/web/dist "${PORT:-8080}"
