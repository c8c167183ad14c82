#!/bin/sh
# The official suites on V8 through JavaScript, converted two ways: by
# wasmfx-ref (-o x.js) and by the official interpreter (wasm-ref -o x.js).
# Each converted file runs in Node with a time bound; the counts of files
# passing (exit status 0) each way are printed per suite, with our
# harness's assertion counts, and every file that passes one way only is
# listed.  Run by hand from the build directory, never by make check:
#
#   test/js-suites.sh [FILE.wast…]
#
# Environment: WAST_DIR (the suites: wasm-3.0/ and stack-switching/),
# WASMFX_REF (ours: ./wasmfx-ref), NODE (Node >= 26; it gets
# --experimental-wasm-wasmfx), WASM_REF (the official interpreter; without
# it only our conversion runs), JS_TIMEOUT (seconds per file, 120), JOBS
# (files at once, 4), OUT (where the .js files and logs go: a fresh
# temporary directory).
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
suites=${WAST_DIR:-$top_srcdir/../shared/testsuite}
node=${NODE:-$(command -v node26 || command -v node)}
ref=${WASM_REF:-$(command -v wasm-ref)}
timeout=${JS_TIMEOUT:-120}
jobs=${JOBS:-4}
ours=${WASMFX_REF:-$(pwd)/wasmfx-ref}

if [ ! -d "$suites/wasm-3.0" ]; then
  echo "$0: no official test suite at $suites (set WAST_DIR)" >&2
  exit 2
fi
suites=$(cd "$suites" && pwd)
if [ ! -x "$ours" ]; then
  echo "$0: run from the build directory (no ./wasmfx-ref)" >&2
  exit 2
fi
if [ -z "$node" ] || ! "$node" --version >/dev/null 2>&1; then
  echo "$0: no Node (set NODE)" >&2
  exit 2
fi
if [ -z "$ref" ]; then
  echo "$0: no official interpreter (set WASM_REF): only our conversion runs" >&2
fi
out=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/js-suites.XXXXXX")}
mkdir -p "$out"

# One file, both ways: writes "$file OURS REF passed failed skipped secs"
# to $out/NAME.result, where OURS and REF are pass, fail, timeout or
# noconv (the conversion itself failed).
one() {
  f=$1
  name=$(echo "$f" | tr / _)
  case $f in wasm-3.0/*) features=--features=wasm3 ;; *) features= ;; esac
  run() {   # run JS LOG: pass, fail or timeout
    timeout -k 5 "$timeout" "$node" --experimental-wasm-wasmfx "$1" >"$2" 2>&1
    case $? in 0) echo pass ;; 124|137) echo timeout ;; *) echo fail ;; esac
  }
  start=$(date +%s)
  if "$ours" -d $features "$suites/$f" -o "$out/$name.ours.js" >"$out/$name.ours.conv" 2>&1; then
    o=$(run "$out/$name.ours.js" "$out/$name.ours.log")
  else
    o=noconv
  fi
  secs=$(( $(date +%s) - start ))
  counts=$(tail -n 1 "$out/$name.ours.log" 2>/dev/null |
    sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed\(, \([0-9]*\) skipped\)\{0,1\}$/\1 \2 \4/p')
  set -- $counts
  r=none
  if [ -n "$ref" ]; then
    if "$ref" -d "$suites/$f" -o "$out/$name.ref.js" >"$out/$name.ref.conv" 2>&1; then
      r=$(run "$out/$name.ref.js" "$out/$name.ref.log")
    else
      r=noconv
    fi
  fi
  echo "$f $o $r ${1:-0} ${2:-0} ${3:-0} $secs" >"$out/$name.result"
}

if [ "$1" = --one ]; then   # one file, in a job of xargs below
  one "$2"
  exit 0
fi
rm -f "$out"/*.result

if [ $# -gt 0 ]; then
  files=$(for f in "$@"; do echo "${f#"$suites"/}"; done)
else
  files=$( (cd "$suites" && find wasm-3.0 stack-switching -name '*.wast') | LC_ALL=C sort)
fi
export WAST_DIR="$suites" WASMFX_REF="$ours" NODE="$node" WASM_REF="$ref" JS_TIMEOUT="$timeout" OUT="$out"
for f in $files; do echo "$f"; done | xargs -P "$jobs" -n 1 sh "$0" --one

cat "$out"/*.result | LC_ALL=C sort >"$out/results"
echo "# file ours official passed failed skipped seconds" >"$out/summary"
cat "$out/results" >>"$out/summary"
for suite in wasm-3.0 stack-switching; do
  awk -v s="$suite/" 'index($1, s) == 1 {
      n++; o += ($2 == "pass"); r += ($3 == "pass"); p += $4; f += $5; k += $6 }
    END { printf "%s: %d files; ours passes %d, the official conversion %d; our assertions: %d passed, %d failed, %d skipped\n",
      substr(s, 1, length(s) - 1), n, o, r, p, f, k }' "$out/results"
done
echo "files where the two differ (file ours official):"
awk '$2 != $3 && $3 != "none" { print "  " $1, $2, $3 }' "$out/results"
echo "logs and converted files: $out"
