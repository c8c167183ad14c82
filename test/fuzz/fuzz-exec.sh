#!/bin/sh
# Differential run against Binaryen: N modules made by `wasm-opt -ttf` from
# random bytes, each run by `wasm-opt --fuzz-exec-before` and by
# `wasmfx-ref --run-all-exports`; the two logs must be equal line for line.
#
#   test/fuzz/fuzz-exec.sh [N [SEED]]     (N: 100, SEED: 1)
#
# Environment: WASM_OPT (default: wasm-opt on the PATH), WASMFX_REF
# (./wasmfx-ref), JOBS (2), OUT (a directory to keep the modules that
# differ in; default: none kept), MODULES (a directory where each module
# and Binaryen's log of it are kept, and reused by a later run: e.g. to run
# a sanitizer build on the same modules), TAP=1 (print TAP: one test, for
# make check).  Skips (exit 0, or TAP's SKIP) when wasm-opt is missing.
#
# Binaryen is the reference here, but not always right: where it stops
# (its interpreter crashes, or reaches a limit of its own: "[host limit"),
# the logs are compared up to that line and the module is counted apart.
# The differences that the spec decides against Binaryen are listed in
# doc/engines.md.
if [ "$1" != --one ]; then
  n=${1:-100}
  seed=${2:-1}
fi
wasm_opt=${WASM_OPT:-$(command -v wasm-opt)}
ref=${WASMFX_REF:-./wasmfx-ref}
jobs=${JOBS:-2}

# The features both implement: Wasm 3.0 and stack switching, with
# exceptions as exnref (--emit-exnref), not the legacy try.
features="-all --disable-threads --disable-strings --disable-shared-everything --disable-fp16
  --disable-custom-descriptors --disable-multibyte --disable-acquire-release-atomics
  --disable-custom-page-sizes --disable-wide-arithmetic --disable-compact-imports
  --disable-relaxed-atomics"

# Our limits: Binaryen's call depth (it stops a call 201 deep: "stack
# limit"), and fuel and time that end a runaway module (-ttf's loops have
# limits of their own, so they are rarely reached).
limits="--max-depth=201 --fuel=2000000000 --timeout=60 --max-heap=1G --max-memory=1G"

skip() {
  if [ "$TAP" = 1 ]; then echo "1..0 # SKIP $1"; else echo "fuzz-exec.sh: skipped: $1"; fi
  exit 0
}

# one I DIR: module I (from seed+I) in DIR; prints one word: equal, differ,
# crash (Binaryen crashed; equal up to there), limit (Binaryen's host
# limit; equal up to there), nomodule (-ttf made none).
one() {
  i=$1
  d=$2
  c=${MODULES:+$MODULES/$seed-$i}
  if [ -n "$c" ] && [ -f "$c/binaryen.status" ]; then   # Binaryen's side, kept
    cp "$c/m.wasm" "$c/binaryen.log" "$c/binaryen.err" "$d/"
    b=$(cat "$c/binaryen.status")
  else
    perl -e 'srand($ARGV[0]); print map { chr(int(rand(256))) } 1 .. $ARGV[1]' \
      $((seed * 100003 + i)) $((1000 + (i * 7919) % 15000)) >"$d/in.bin"
    # One run of wasm-opt makes the module and logs it: a second start of
    # Node, to log the module read back from its file, costs as much again,
    # so it is made only when the logs differ (below).
    # shellcheck disable=SC2086
    $wasm_opt -ttf "$d/in.bin" $features --emit-exnref --fuzz-exec-before -o "$d/m.wasm" \
      >"$d/binaryen.log" 2>"$d/binaryen.err"
    b=$?
    if [ ! -s "$d/m.wasm" ]; then
      [ $b -eq 0 ] && { echo nomodule; return; }
      # shellcheck disable=SC2086
      $wasm_opt -ttf "$d/in.bin" $features --emit-exnref -o "$d/m.wasm" >/dev/null 2>&1 || { echo nomodule; return; }
    fi
    if [ -n "$c" ]; then
      mkdir -p "$c" && cp "$d/m.wasm" "$d/binaryen.log" "$d/binaryen.err" "$c/" && echo $b >"$c/binaryen.status"
    fi
  fi
  # shellcheck disable=SC2086
  $ref $limits --run-all-exports "$d/m.wasm" >"$d/ours.log" 2>"$d/ours.err"
  # The one run above logs the module as it made it, which is not quite
  # the module it wrote: tags are named tag$, tag$_1 by the generator (read
  # from the file, tag$0, tag$1), and code it knows to trap is written as
  # `unreachable` (a struct.get of a null traps with "null ref" in memory,
  # with "unreachable" from the file).  When the logs differ, Binaryen's is
  # taken again from the file, the module we ran.
  if ! cmp -s "$d/binaryen.log" "$d/ours.log" && [ ! -f "$d/fromfile" ] && { [ -z "$c" ] || [ ! -f "$c/fromfile" ]; }; then
    # shellcheck disable=SC2086
    $wasm_opt "$d/m.wasm" $features --fuzz-exec-before >"$d/binaryen.log" 2>"$d/binaryen.err"
    b=$?
    if [ -n "$c" ]; then
      cp "$d/binaryen.log" "$d/binaryen.err" "$c/" && echo $b >"$c/binaryen.status" && : >"$c/fromfile"
    fi
  fi
  if cmp -s "$d/binaryen.log" "$d/ours.log"; then   # a host limit at the same place too
    echo equal
    return
  elif [ $b -ne 0 ] || grep -q 'RangeError\|Aborted\|abort(' "$d/binaryen.err"; then
    kind=crash
    lines=$(wc -l <"$d/binaryen.log")
  elif grep -q '^\[host limit' "$d/binaryen.log"; then
    kind=limit
    lines=$(grep -n '^\[host limit' "$d/binaryen.log" | head -1 | cut -d: -f1)
    lines=$((lines - 1))
  else
    echo differ
    return
  fi
  head -n "$lines" "$d/ours.log" >"$d/ours.head"
  head -n "$lines" "$d/binaryen.log" >"$d/binaryen.head"
  if cmp -s "$d/ours.head" "$d/binaryen.head"; then
    echo $kind
  else
    echo differ
  fi
}

if [ "$1" = --one ]; then   # a worker: --one I
  shift
  i=$1
  d=$(mktemp -d)
  r=$(one "$i" "$d")
  echo "$i $r"
  if [ "$r" = differ ] && [ -n "$OUT" ]; then
    mkdir -p "$OUT/$i" && cp "$d"/* "$OUT/$i/"
  fi
  rm -rf "$d"
  exit 0
fi

[ -n "$wasm_opt" ] && [ -x "$wasm_opt" ] || skip "wasm-opt not found (set WASM_OPT)"
[ -x "$ref" ] || skip "$ref not built"
"$wasm_opt" --version >/dev/null 2>&1 || skip "$wasm_opt does not run"
export seed wasm_opt ref features limits OUT MODULES
results=$(mktemp)
seq 1 "$n" | xargs -P "$jobs" -n 1 sh "$0" --one >"$results"
count() { grep -c " $1\$" "$results"; }
equal=$(count equal); differ=$(count differ); crash=$(count crash); limit=$(count limit)
nomodule=$(count nomodule)
summary="$n modules: $equal equal, $crash Binaryen crashed (equal up to the crash), $limit Binaryen host limit (equal up to it), $differ differ, $nomodule not generated"
if [ -n "$OUT" ]; then
  mkdir -p "$OUT" && sort -n "$results" >"$OUT/results.txt"
fi
rm -f "$results"
if [ "$TAP" = 1 ]; then
  echo "1..1"
  if [ "$differ" = 0 ]; then echo "ok 1 - $summary"; else echo "not ok 1 - $summary"; fi
else
  echo "$summary"
fi
[ "$differ" = 0 ]
