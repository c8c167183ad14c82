#!/bin/sh
# -o script.js (doc/js.md): our scripts converted to JavaScript and run in
# Node >= 26 (V8, --experimental-wasm-wasmfx), which must pass them as
# wasmfx-ref does; a script whose every assertion fails must fail each one
# and exit 1; the same program must run in a bare engine shell (print and
# quit, no process or require).  Some official suite files run too when
# WAST_DIR is set.  Without Node (NODE, or node26 or node on PATH) every
# test is skipped.  Files V8 cannot pass are in test/js.xfail, each with
# its reason; they must still fail.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
bin=./wasmfx-ref
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xfail="$top_srcdir/test/js.xfail"
suites=${WAST_DIR:-$top_srcdir/../shared/testsuite}
official="wasm-3.0/i64.wast wasm-3.0/f32.wast wasm-3.0/simd/simd_f32x4_arith.wast
  wasm-3.0/linking.wast wasm-3.0/gc/ref_test.wast wasm-3.0/gc/i31.wast
  wasm-3.0/exceptions/try_table.wast stack-switching/stack-switching/validation.wast"

# our tests, and the examples that pass here on their own (run.wast fails on
# purpose, app.wast needs lib.wast registered first)
passing_examples() {
  for f in "$top_srcdir"/examples/*.wast; do
    ./wasmfx-ref "$f" >/dev/null 2>&1 && echo "examples/$(basename "$f")"
  done
}
ours=$( { (cd "$top_srcdir" && ls test/core/*.wast); passing_examples; } | LC_ALL=C sort)
[ -d "$suites/wasm-3.0" ] || official=
plan=$(( $(echo "$ours" | wc -l) + $(echo $official | wc -w) + 8 ))
echo "1..$plan"
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {   # an expected failure (# TODO) does not fail the script
  n=$((n + 1)); echo "not ok $n - $1"
  case $1 in *"# TODO"*) ;; *) failed=1 ;; esac
}
skip_rest() {
  while [ $n -lt "$plan" ]; do n=$((n + 1)); echo "ok $n # SKIP $1"; done
  exit 0
}
show() { head -n 8 "$1" | sed 's/^/#   /'; }

# The self-test scripts say what the interpreter says (no Node needed).
pass="$top_srcdir/test/js-harness.wast"
fail="$top_srcdir/test/js-harness-fail.wast"
want=$(grep -c '^(assert_' "$fail")
if $bin "$pass" >"$tmp/log" 2>&1; then ok "wasmfx-ref passes js-harness.wast"; else
  not_ok "wasmfx-ref passes js-harness.wast"; show "$tmp/log"; fi
$bin "$fail" >"$tmp/log" 2>&1
status=$?
# wasmfx-ref stops at the last one, an unknown export: a script error (3).
if [ $status -eq 3 ] && tail -n 1 "$tmp/log" | grep -q "^0 passed, $((want - 1)) failed$"; then
  ok "wasmfx-ref fails each of the $want assertions of js-harness-fail.wast"
else
  not_ok "wasmfx-ref fails each of the $want assertions of js-harness-fail.wast"; show "$tmp/log"
fi

# Node 26 or later, from NODE, node26 or node.
node=${NODE:-$(command -v node26 || command -v node)}
major=$("$node" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ -z "$node" ] || [ "$major" -lt 26 ]; then
  skip_rest "no Node 26 or later to run the JS (set NODE; found ${node:-none}, version ${major})"
fi
run_js() { "$node" --experimental-wasm-wasmfx "$@"; }

# converts FILE [FEATURES]: the JS in $tmp/out.js; false if conversion fails
convert() {
  $bin -d $2 "$1" -o "$tmp/out.js" >"$tmp/conv" 2>&1
}

# Every script of ours and some of the official suites pass.
for f in $ours $official; do
  case $f in
    wasm-3.0/*) path=$suites/$f features=--features=wasm3 ;;
    stack-switching/*) path=$suites/$f features= ;;
    *) path=$top_srcdir/$f features= ;;
  esac
  reason=$(sed -n "s|^$f: ||p" "$xfail" 2>/dev/null)
  directive=${reason:+ # TODO $reason}
  if ! convert "$path" "$features"; then
    not_ok "$f: converts$directive"
    show "$tmp/conv"
  elif run_js "$tmp/out.js" >"$tmp/log" 2>&1 && tail -n 1 "$tmp/log" | grep -q ' 0 failed'; then
    ok "$f: passes in Node$directive"
  else
    not_ok "$f: passes in Node$directive"
    [ -n "$directive" ] || grep -a -v skipped "$tmp/log" | show /dev/stdin
  fi
done

# The paths of the converter and the harness, each way.
if convert "$pass" && run_js "$tmp/out.js" >"$tmp/log" 2>&1 &&
   tail -n 1 "$tmp/log" | grep -q '^[1-9][0-9]* passed, 0 failed, 1 skipped$'; then
  ok "js-harness.wast: every path of the harness passes (one text error skipped)"
else
  not_ok "js-harness.wast: every path of the harness passes"; show "$tmp/log"
fi
cp "$tmp/out.js" "$tmp/pass.js"
convert "$fail"
run_js "$tmp/out.js" >"$tmp/log" 2>&1
status=$?
if [ $status -eq 1 ] && tail -n 1 "$tmp/log" | grep -q "^0 passed, $want failed$"; then
  ok "js-harness-fail.wast: each of its $want assertions fails, and the exit status is 1"
else
  not_ok "js-harness-fail.wast: each of its $want assertions fails (exit status $status)"; show "$tmp/log"
fi
if grep -q "expected (ref.host 4), got (ref.host 3)$" "$tmp/log" &&
   grep -q "expected (f32.const nan:canonical), got (f32.const nan:0x200000)$" "$tmp/log"; then
  ok "a failure shows what was expected and what came, as the script writes values"
else
  not_ok "a failure shows what was expected and what came"; show "$tmp/log"
fi
cp "$tmp/out.js" "$tmp/fail.js"

# A bare shell: only print and quit (as d8 or jsc has), run in a fresh
# context of Node's vm module.
cat >"$tmp/shell.js" <<'EOF'
const vm = require('vm'), fs = require('fs');
let status = 'none';
const context = vm.createContext({
  print: (s) => process.stdout.write(s + '\n'),
  quit: (code) => { status = code; },
});
vm.runInContext(fs.readFileSync(process.argv[2], 'utf8'), context);
console.log('quit(' + status + ')');
EOF
run_js "$tmp/shell.js" "$tmp/pass.js" >"$tmp/log" 2>&1
if tail -n 2 "$tmp/log" | head -n 1 | grep -q ' 0 failed' && tail -n 1 "$tmp/log" | grep -q '^quit(0)$'; then
  ok "in a bare shell: printed with print, quit(0)"
else
  not_ok "in a bare shell: printed with print, quit(0)"; show "$tmp/log"
fi
run_js "$tmp/shell.js" "$tmp/fail.js" >"$tmp/log" 2>&1
if tail -n 1 "$tmp/log" | grep -q '^quit(1)$'; then
  ok "in a bare shell: failures quit(1)"
else
  not_ok "in a bare shell: failures quit(1)"; show "$tmp/log"
fi

# -o .js writes only scripts.
printf '(module)' >"$tmp/m.wat"
if $bin -d "$tmp/m.wat" -o "$tmp/m.js" >"$tmp/log" 2>&1; then
  not_ok "-o .js of a module file is an error"
elif grep -q "nothing to write as .js" "$tmp/log"; then
  ok "-o .js of a module file is an error"
else
  not_ok "-o .js of a module file is an error"; show "$tmp/log"
fi
exit $failed
