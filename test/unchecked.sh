#!/bin/sh
# -u (unchecked mode): modules are not validated when defined, but before
# one is instantiated it is, and ill-typed code is refused as a "runtime
# crash" (exit status 4) instead of reaching the machine.  Each module here
# once crashed the machine (segfault, double free, a read out of bounds).
# Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"

# crash NAME MODULE: MODULE, then (invoke "f"), under -u: a runtime crash,
# at a position in the script, with status 4.
crash() {
  n=$((n + 1))
  printf '%s\n(invoke "f")\n' "$2" > "$tmp/u.wast"
  out=$($bin -u "$tmp/u.wast" 2>&1)
  got=$?
  if [ "$got" -eq 4 ] && printf '%s\n' "$out" | grep -q "^$tmp/u.wast:1:[0-9]*: runtime crash: "; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    echo "# exit status $got (expected 4); output:"
    printf '%s\n' "$out" | head -n 5 | sed 's/^/#   /'
    failed=1
  fi
}

crash "an operand missing" '(module (func (export "f") (result i32) (i32.add)))'
crash "drop of nothing" '(module (func (export "f") (drop)))'
crash "a bad local index" '(module (func (export "f") (local.get 5) (drop)))'
crash "a branch to a missing label" '(module (func (export "f") (br 3)))'
crash "a call with too few arguments" '(module (func $g (param i32 i32)) (func (export "f") (call $g (i32.const 1))))'
crash "wrong operand types to i64.add" '(module (func (export "f") (result i64) (i64.add (i32.const 1) (f32.const 2))))'
crash "select of two types" '(module (func (export "f") (result i32) (select (i32.const 1) (i64.const 2) (i32.const 0))))'
crash "a call to a missing function" '(module (func (export "f") (call 7)))'
crash "a load from a float address" '(module (memory 1) (func (export "f") (result i32) (i32.load (f64.const 0))))'
crash "a block's result of the wrong type" '(module (func (export "f") (result i32) (block (result i64) (i32.const 0))))'
crash "a missing global" '(module (func (export "f") (global.get 3) (drop)))'
crash "a missing table" '(module (func (export "f") (result i32) (table.get 2 (i32.const 0)) (drop) (i32.const 0)))'
crash "a missing memory" '(module (func (export "f") (result i32) (i32.load (i32.const 0))))'
crash "a missing type in a struct.new" '(module (func (export "f") (struct.new 4) (drop)))'
crash "a global initialised with the wrong type" '(module (global (export "g") i32 (i64.const 1)) (func (export "f")))'
crash "a start function with parameters" '(module (func $s (param i32)) (start $s) (func (export "f")))'


printf '(module (func (export "f") (result i32) (i64.const 1)))\n' > "$tmp/bad.wat"
check "-u -d converts an invalid module" 0 "" $bin -u -d "$tmp/bad.wat" -o "$tmp/bad.wasm"
check "which is written" 0 "00 61 73 6d" od -An -tx1 -N4 "$tmp/bad.wasm"
check "a module file under -u crashes before it runs" 4 "bad.wat:1:42: runtime crash: type mismatch" $bin -u "$tmp/bad.wat"
check "so does its binary" 4 "bad.wasm:0x[0-9a-f]*: runtime crash: type mismatch" $bin -u "$tmp/bad.wasm"
check "without -u it is invalid" 4 "bad.wat:1:42: error: type mismatch" $bin "$tmp/bad.wat"
cat > "$tmp/asserts.wast" <<'EOF2'
(assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
(module definition $d (import "nowhere" "f" (func)) (func (result i32) (i64.const 1)))
(assert_unlinkable (module instance $d) "unknown import")
(module (func (export "ok") (result i32) (i32.const 7)))
(invoke "ok")
EOF2
check "assert_invalid still validates, unlinkable links first" 0 "^2 passed, 0 failed" $bin -u "$tmp/asserts.wast"
check "valid code runs as usual" 0 "^7 : \[i32\]" $bin -u "$tmp/asserts.wast"
printf '(module (func (export "f") (result i32) (i64.const 1)))\n(assert_trap (invoke "f") "unreachable")\n' > "$tmp/assert.wast"
check "a runtime crash in a module stops the script" 4 "assert.wast:1:42: runtime crash" $bin -u "$tmp/assert.wast"
echo "1..$n"
exit $failed
