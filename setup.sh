#!/bin/sh
# Installs what the build needs on Debian (as root), then configures and
# builds wasmfx-ref.  Arguments go to ./configure.
set -e
cd "$(dirname "$0")"
packages="gcc make autoconf automake autoconf-archive libtool pkg-config re2c lemon check libedit-dev time"
missing=
for p in $packages; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing$missing"
  apt-get install -y $missing || { apt-get update && apt-get install -y $missing; }
fi
[ -x configure ] || ./autogen.sh
[ -f Makefile ] || ./configure "$@"
make -j"$(nproc 2>/dev/null || echo 2)"
