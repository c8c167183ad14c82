#!/bin/sh
# test/continuations/engines.sh, the driver that runs the conformance suite
# on other engines: its usage errors, a missing engine, and, on each engine
# that is installed, a script whose failures are known
# (test/engines-selftest.wast: exactly the commands marked FAILS must be
# reported).  Engines that are not installed are skipped.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
engines="$top_srcdir/test/continuations/engines.sh"
selftest="$top_srcdir/test/engines-selftest.wast"
WASMFX_REF=${WASMFX_REF:-$PWD/wasmfx-ref}   # the build's, in the build directory
export WASMFX_REF
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1)); echo "not ok $n - $1"; failed=1
  sed 's/^/#   /' "$tmp/out" | head -n 8
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# expect NAME STATUS PATTERN ARGS...: engines.sh ARGS exits with STATUS and
# prints PATTERN.
expect() {
  name=$1 want=$2 pattern=$3
  shift 3
  sh "$engines" "$@" >"$tmp/out" 2>&1
  got=$?
  if [ "$got" -eq "$want" ] && grep -q -- "$pattern" "$tmp/out"; then ok "$name"; else
    echo "exit status $got (expected $want)" >>"$tmp/out"; not_ok "$name"; fi
}

expect "no arguments is a usage error" 2 "usage:"
expect "an unknown engine is a usage error" 2 "usage:" nosuch "$selftest"
expect "an unreadable file is an error" 2 "cannot read" wasmfx-ref "$tmp/none.wast"
WASM_REF="$tmp/no-wasm" expect "a missing engine is skipped (77)" 77 "not found (set WASM_REF" \
  reference "$selftest"

# The lines marked FAILS, one per line.
grep -n ';; FAILS' "$selftest" | cut -d: -f1 >"$tmp/want"
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
for engine in wasmfx-ref reference v8 binaryen; do
  if [ "$node_major" -lt 18 ]; then
    skip "$engine: the failures of the self-test" "no Node.js 18 or later to run the driver"
    continue
  fi
  sh "$engines" "$engine" "$selftest" >"$tmp/out" 2>&1
  status=$?
  if [ $status -eq 77 ]; then
    skip "$engine: the failures of the self-test" "$(tail -n 1 "$tmp/out")"
    continue
  fi
  sed -n "s|^.*engines-selftest.wast:\([0-9]*\): $engine: .*|\1|p" "$tmp/out" >"$tmp/got"
  if [ $status -eq 1 ] && cmp -s "$tmp/want" "$tmp/got"; then
    ok "$engine: exactly the failures of the self-test"
  else
    not_ok "$engine: exactly the failures of the self-test (exit status $status)"
  fi
done
echo "1..$n"
exit $failed
