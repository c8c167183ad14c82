#!/bin/sh
# The official test suites, when present: ../shared/testsuite beside the
# source tree, or $WAST_DIR.  Every file must run clean (wasm-3.0/ with
# --features=wasm3, stack-switching/ with the default features), except the
# files listed in test/official.xfail, each of which must still fail: the
# list can only shrink.  Then every module of the suites must survive
# print → parse unchanged (test/roundtrip).  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
suites=${WAST_DIR:-$top_srcdir/../shared/testsuite}
mode=${OFFICIAL_MODE:-}
if [ ! -d "$suites/wasm-3.0" ] || [ ! -d "$suites/stack-switching" ]; then
  echo "1..0 # SKIP no official test suite at $suites (set WAST_DIR)"
  exit 0
fi
xfail="$top_srcdir/test/official.xfail"
files=$( (cd "$suites" && find wasm-3.0 stack-switching -name '*.wast' | LC_ALL=C sort) )
count=$(echo "$files" | wc -l)
echo "1..$((count + 1))"
n=0
for f in $files; do
  n=$((n + 1))
  case $f in wasm-3.0/*) features=--features=wasm3 ;; *) features= ;; esac
  directive=
  if grep -qx "$f" "$xfail" 2>/dev/null; then directive=" # TODO expected to fail"; fi
  if out=$(./wasmfx-ref $mode $features "$suites/$f" 2>&1); then
    echo "ok $n - $f$directive"
  else
    echo "not ok $n - $f$directive"
    [ -n "$directive" ] || echo "$out" | head -n 5 | sed 's/^/# /'
  fi
done
n=$((n + 1))
if out=$(cd "$suites" && "$OLDPWD/test/roundtrip" $files); then
  echo "ok $n - print → parse and encode → decode round trips of every module ($(echo "$out" | grep -o '[0-9]* modules' | awk '{s += $1} END {print s}') modules)"
else
  echo "not ok $n - round trips"
  echo "$out" | grep -v '^ok' | head -n 20 | sed 's/^/# /'
fi
