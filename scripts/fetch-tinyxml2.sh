#!/usr/bin/env bash
# Extracts tinyxml2.cpp/.h from Debian's source package into third_party/tinyxml2.
# The wasm build compiles it itself: Debian ships only the native shared library.
# Debian's registry is the only source used; the version matches libtinyxml2-dev.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/third_party/tinyxml2"

if [[ -f "$dest/tinyxml2.cpp" && -f "$dest/tinyxml2.h" ]]; then
  echo "fetch-tinyxml2: already present ($dest)"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi

# A deb-src entry is needed for `apt-get source`. Derive it from the machine's own
# deb822 sources instead of hard-coding a mirror.
has_deb_src() {
  grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
}
if ! has_deb_src; then
  src=/etc/apt/sources.list.d/debian.sources
  if [[ ! -f $src ]]; then
    echo "fetch-tinyxml2: no deb-src entry and no $src to derive one from" >&2
    exit 1
  fi
  echo "fetch-tinyxml2: adding /etc/apt/sources.list.d/debian-src.sources (derived from $src)"
  sed 's/^Types: deb$/Types: deb-src/' "$src" | $sudo tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
  $sudo apt-get update -qq
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "fetch-tinyxml2: downloading Debian source package tinyxml2"
if ! (cd "$tmp" && apt-get -o APT::Sandbox::User=root source --download-only -qq tinyxml2); then
  # The lists may predate the deb-src entry (e.g. added by hand): refresh once and retry.
  $sudo apt-get update -qq
  (cd "$tmp" && apt-get -o APT::Sandbox::User=root source --download-only -qq tinyxml2)
fi

mkdir -p "$dest.tmp"
tar -xJf "$tmp"/tinyxml2_*.orig.tar.xz -C "$dest.tmp" --strip-components=1 \
    --wildcards '*/tinyxml2.cpp' '*/tinyxml2.h' '*/LICENSE.txt'
rm -rf "$dest"
mv "$dest.tmp" "$dest"
ls "$tmp"/tinyxml2_*.dsc | sed 's|.*/||; s|\.dsc$||; s|^|fetch-tinyxml2: extracted |'
