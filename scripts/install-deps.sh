#!/usr/bin/env bash
# Installs what Nabla needs to build, serve and test, from Debian's archive and the npm registry
# only, at pinned versions. Installs only what is missing; safe to run again.
#   scripts/install-deps.sh          build + serve dependencies
#   scripts/install-deps.sh --test   also Chromium and the browser-test packages (tests/e2e)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian bookworm packages, pinned. apt checks each .deb against the archive's signed hashes.
# The browsers and the X server move with bookworm-security (old builds leave the archive), so when
# a pinned build of one of them is gone the current security build is taken and the change is printed.
APT_PINNED=(
  emscripten=3.1.6~dfsg-5          # em++ 3.1.6, clang 14, binaryen 108
  libeigen3-dev=3.4.0-4
  wabt=1.0.32-1                    # wasm-objdump: proves SIMD is in the binary
  fonts-dejavu-core=2.37-6         # the UI font (Latin, Greek, maths), subset and embedded in the module
  fonts-nanum=20200506-1           # Hangul: NanumBarunGothic, subset to the Korean table's syllables
  python3-fonttools=4.38.0-1+deb12u1  # pyftsubset: the build subsets both fonts (scripts/subset_fonts.py)
  libgtest-dev=1.12.1-0.2
  xz-utils
  dpkg-dev                         # apt-get source (the ImGui source package)
  cmake
  g++
  make
)
APT_TEST=(
  chromium=156.0.8078.108-1~deb12u1
  firefox-esr=153.7.0esr-1~deb12u1        # Firefox's engine (Gecko), driven over WebDriver BiDi
  webkit2gtk-driver=2.50.6-1~deb12u2     # Safari's engine (WebKitGTK) and its WebDriver
  xvfb=2:21.1.7-3+deb12u13               # a display for Firefox's WebGL 2 and WebKitGTK
  glslang-tools=12.0.0-2          # glslangValidator: compiles shaders/ in the unit tests
  clang-14=1:14.0.6-12            # the fuzz targets (tests/fuzz) are built with clang ...
  libclang-rt-14-dev=1:14.0.6-12  # ... and its libFuzzer and sanitizer runtimes
)
MOVING=(chromium firefox-esr webkit2gtk-driver xvfb python3-fonttools)  # taken at the archive's version when the pin is gone

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
    # Retry with the pinned browsers replaced by the archive's current builds (see above).
    fallback=()
    for p in "${missing[@]}"; do
      name=${p%%=*}
      if [[ " ${MOVING[*]} " == *" $name "* && $p == *=* ]]; then
        echo "install-deps: pinned $p is no longer in the archive; taking $(apt-cache policy "$name" | awk '/Candidate/{print $2}')"
        fallback+=("$name")
      else
        fallback+=("$p")
      fi
    done
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${fallback[@]}"
  fi
fi

if [ $want_test = 1 ] && { [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/puppeteer-core ] ||
                            [ ! -d tests/e2e/node_modules/selenium-webdriver ]; }; then
  # package-lock.json pins exact versions with sha512 integrity; npm ci refuses anything else.
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi
echo "install-deps: ready"
