#!/bin/sh
# libwasmfx installed: `make install DESTDIR=…` into a temporary directory,
# then examples/embed.c built with nothing but what
#   pkg-config --cflags --libs wasmfx-ref
# says (the .pc file found through PKG_CONFIG_PATH, its paths under the
# temporary root through PKG_CONFIG_SYSROOT_DIR), linked against the shared
# library and, with --static, against the static one; each runs and prints
# what test/embed-expect.sh expects.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/embed-expect.sh"
per_link=$((nexpect + 3))
echo "1..$((5 + 2 * per_link))"
if ! command -v pkg-config >/dev/null 2>&1; then
  i=1
  while [ $i -le $((5 + 2 * per_link)) ]; do echo "ok $i # SKIP pkg-config is not installed"; i=$((i + 1)); done
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wasmfx-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/root
n=0
failed=0

# report STATUS NAME [DETAIL-FILE]: a TAP line, ok if STATUS is 0
report() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    [ -n "$3" ] && [ -f "$3" ] && tail -n 15 "$3" | sed 's/^/#   /'
    failed=1
  fi
}

${MAKE:-make} install DESTDIR="$dest" >"$tmp/install.log" 2>&1
report $? "make install DESTDIR=…" "$tmp/install.log"
pc=$(find "$dest" -name wasmfx-ref.pc | head -n 1)
header=$(find "$dest" -name wasmfx.h | head -n 1)
[ -n "$pc" ] && [ -n "$header" ] && [ -n "$(find "$dest" -name 'libwasmfx.so*')" ] \
  && [ -n "$(find "$dest" -name libwasmfx.a)" ]
report $? "installed: wasmfx.h, libwasmfx.so, libwasmfx.a, wasmfx-ref.pc"

PKG_CONFIG_PATH=$(dirname "${pc:-$dest}")
PKG_CONFIG_SYSROOT_DIR=$dest
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
libdir=$(dirname "$(find "$dest" -name libwasmfx.a | head -n 1)")

# build_and_run NAME PKG-CONFIG-OPTIONS LINK-OPTIONS: builds embed.c (only
# the installed header can be found: no -I but pkg-config's) and runs it.
build_and_run() {
  name=$1
  flags=$(pkg-config --cflags --libs $2 wasmfx-ref 2>"$tmp/pc.log")
  ${CC:-cc} $LIB_CFLAGS -o "$tmp/embed-$name" "$top_srcdir/examples/embed.c" $flags $3 \
    >"$tmp/cc-$name.log" 2>&1
  report $? "$name: cc embed.c \$(pkg-config --cflags --libs $2 wasmfx-ref) $3" "$tmp/cc-$name.log"
  out=$(LD_LIBRARY_PATH=$libdir "$tmp/embed-$name" 2>/dev/null)
  expect_lines "$name" "$out"
}

build_and_run shared "" ""
# the shared library is what it runs with
readelf -d "$tmp/embed-shared" 2>/dev/null | grep -q 'NEEDED.*libwasmfx\.so'
report $? "shared: embed needs libwasmfx.so"

# skip COUNT REASON
skip() {
  i=0
  while [ $i -lt "$1" ]; do n=$((n + 1)); i=$((i + 1)); echo "ok $n # SKIP $2"; done
}
# ASan and UBSan's run-time libraries cannot be linked with -static.
case $LIB_CFLAGS in *-fsanitize*) no_static="a sanitizer build cannot link -static" ;; *) no_static= ;; esac

if [ -n "$no_static" ]; then
  skip "$per_link" "$no_static"
else
  build_and_run static "--static" "-static"
  # nothing of libwasmfx is loaded at run time
  [ -f "$tmp/embed-static" ] && ! readelf -d "$tmp/embed-static" 2>/dev/null | grep -q 'NEEDED.*libwasmfx'
  report $? "static: embed needs no libwasmfx.so"
fi

# Only the API is visible: every global symbol either library defines is
# wasmfx_…, and a program may define the internal names itself.
nm -D --defined-only "$libdir/libwasmfx.so" >"$tmp/nm-shared" 2>&1 \
  && grep -q ' T wasmfx_invoke$' "$tmp/nm-shared" && ! grep -v ' wasmfx_' "$tmp/nm-shared" >"$tmp/nm-bad"
report $? "nm -D libwasmfx.so: only wasmfx_ symbols" "$tmp/nm-bad"
nm -g --defined-only "$libdir/libwasmfx.a" | grep ' [A-Z] ' >"$tmp/nm-static" 2>&1 \
  && grep -q ' T wasmfx_invoke$' "$tmp/nm-static" && ! grep -v ' wasmfx_' "$tmp/nm-static" >"$tmp/nm-bad"
report $? "nm -g libwasmfx.a: only wasmfx_ symbols" "$tmp/nm-bad"
# internal functions and data of the interpreter, defined again here
cat >"$tmp/clash.c" <<'EOF2'
void *arena_alloc(void *a, unsigned long n);
void *arena_alloc(void *a, unsigned long n) { (void)a; (void)n; return 0; }
int eval_invoke = 1, store_default_limits = 2;
EOF2
if [ -n "$no_static" ]; then
  skip 1 "$no_static"
else
  ${CC:-cc} $LIB_CFLAGS -o "$tmp/embed-clash" "$top_srcdir/examples/embed.c" "$tmp/clash.c" \
    $(pkg-config --cflags --libs --static wasmfx-ref) -static >"$tmp/cc-clash.log" 2>&1 \
    && "$tmp/embed-clash" >/dev/null 2>&1
  report $? "static: a program defining arena_alloc, eval_invoke … links and runs" "$tmp/cc-clash.log"
fi
exit $failed
