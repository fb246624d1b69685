#!/usr/bin/env bash
# Installs what Nabla needs to build, serve and test, from Debian's archive and the npm registry
# only, at pinned versions. Installs only what is missing; safe to run again.
#   scripts/install-deps.sh          build + serve dependencies
#   scripts/install-deps.sh --test   also Chromium and the browser-test packages (tests/e2e)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian bookworm packages, pinned. apt checks each .deb against the archive's signed hashes.
# Chromium moves with bookworm-security (old builds leave the archive), so when the pinned build is
# gone the current security build is taken and the change is printed.
APT_PINNED=(
  emscripten=3.1.6~dfsg-5          # em++ 3.1.6, clang 14, binaryen 108
  libeigen3-dev=3.4.0-4
  wabt=1.0.32-1                    # wasm-objdump: proves SIMD is in the binary
  fonts-dejavu-core=2.37-6         # the UI font, embedded in the module
  libgtest-dev=1.12.1-0.2
  xz-utils
  dpkg-dev                         # apt-get source (the ImGui source package)
  cmake
  g++
  make
)
APT_TEST=(
  chromium=156.0.8078.79-1~deb12u1
  glslang-tools=12.0.0-2          # glslangValidator: compiles shaders/ in the unit tests
)

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

missing=()
check() {  # check name=version: adds it to `missing` unless that version is installed
  local spec=$1 name=${1%%=*} version=""
  [[ $spec == *=* ]] && version=${spec#*=}
  local have
  have=$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null || true)
  if [[ $have != "install ok installed"* ]]; then missing+=("$spec"); return; fi
  if [ -n "$version" ] && [ "${have##* }" != "$version" ]; then
    echo "install-deps: $name ${have##* } is installed, pinned is $version"
    missing+=("$spec")
  fi
}
for p in "${APT_PINNED[@]}"; do check "$p"; done
[ $want_test = 1 ] && for p in "${APT_TEST[@]}"; do check "$p"; done
command -v node >/dev/null || missing+=(nodejs npm)

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -q
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    # Retry with the pinned Chromium replaced by the archive's current build (see above).
    fallback=()
    for p in "${missing[@]}"; do
      if [[ $p == chromium=* ]]; then
        echo "install-deps: pinned $p is no longer in the archive; taking $(apt-cache policy chromium | awk '/Candidate/{print $2}')"
        fallback+=(chromium)
      else
        fallback+=("$p")
      fi
    done
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${fallback[@]}"
  fi
fi

if [ $want_test = 1 ] && [ ! -d tests/e2e/node_modules/playwright-core ]; then
  # package-lock.json pins exact versions with sha512 integrity; npm ci refuses anything else.
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi
echo "install-deps: ready"
