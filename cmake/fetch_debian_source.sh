#!/usr/bin/env bash
# fetch_debian_source.sh PACKAGE VERSION SUITE DEST
# Downloads a Debian source package (.dsc, .orig.tar.*, .debian.tar.*) into DEST with a private apt
# state directory: /etc/apt and the system's package lists are left untouched. apt verifies the
# files against the archive's signed index; the caller also checks a pinned sha256.
set -euo pipefail
pkg=$1 version=$2 suite=$3 dest=$4
mkdir -p "$dest/_apt/lists/partial"
state=$(cd "$dest/_apt" && pwd)
uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$uri" ] || uri=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$uri" ] || uri=http://deb.debian.org/debian
printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
  "$uri" "$suite" > "$state/src.sources"
opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$state" -o "Dir::State::Lists=$state/lists"
      -o APT::Sandbox::User=root -q)
apt-get "${opts[@]}" update
cd "$dest"
apt-get "${opts[@]}" source --download-only "$pkg=$version"
