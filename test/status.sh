#!/bin/sh
# Exit statuses: one for each outcome (README, --help, the manual page), and
# the run stops at the first error outside an assertion.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"

# status NAME EXPECTED-STATUS PATTERN SCRIPT-TEXT [OPTION...]: runs the script
# (a .wast file made of SCRIPT-TEXT), checks the status, and that stderr
# matches PATTERN.
status() {
  name=$1 want=$2 pattern=$3 text=$4
  shift 4
  printf '%s\n' "$text" > "$tmp/s.wast"
  err=$($bin "$@" "$tmp/s.wast" 2>&1 >/dev/null)
  verdict "$want: $name" "$want" $? "$pattern" stderr "$err"
}

m='(module
  (tag $e)
  (tag $t)
  (memory 1)
  (func (export "ok") (result i32) (i32.const 1))
  (func (export "trap") (unreachable))
  (func (export "throw") (throw $e))
  (func (export "suspend") (suspend $t))
  (func $deep (export "deep") (call $deep))
  (func (export "spin") (loop (br 0))))'
status "success" 0 "^$" "$m
(assert_return (invoke \"ok\") (i32.const 1))"
status "an assertion failed" 1 "assertion failure" "$m
(assert_return (invoke \"ok\") (i32.const 2))
(assert_return (invoke \"ok\") (i32.const 1))"
status "usage" 2 "unknown option" "$m" --nope
status "malformed" 3 "s.wast:1:10: error: unknown operator" '(module (frob))'
status "a command that cannot be carried out" 3 "script error: unknown export" "$m
(invoke \"nope\")"
status "invalid" 4 "invalid module: type mismatch" '(module (func (result i32)))'
status "runtime crash under -u" 4 "runtime crash: type mismatch" '(module (func (result i32)))' -u
status "unlinkable" 5 "link failure: unknown import" '(module (import "nowhere" "f" (func)))'
status "trap" 6 "runtime trap: unreachable" "$m
(invoke \"trap\")"
status "uncaught exception" 7 "uncaught exception" "$m
(invoke \"throw\")"
status "unhandled suspension" 8 "unhandled suspension" "$m
(invoke \"suspend\")"
status "exhaustion" 9 "call stack exhausted" "$m
(invoke \"deep\")" --max-depth=100
printf '%s\n(invoke "spin")\n' "$m" > "$tmp/spin.wast"
status "limit: fuel" 10 "out of fuel" "$m
(invoke \"spin\")" --fuel=1000
status "timeout" 11 "timeout" "$m
(invoke \"spin\")" --timeout=1
n=$((n + 1))
$bin "$tmp/none.wast" 2>/dev/null
got=$?
if [ "$got" -eq 12 ]; then echo "ok $n - 12: a file that cannot be read"; else
  echo "not ok $n - 12: a file that cannot be read (exit status $got)"; failed=1; fi
printf '(module)\n' > "$tmp/m.wat"
n=$((n + 1))
$bin -d "$tmp/m.wat" -o "$tmp/no/such/dir/m.wasm" 2>/dev/null
got=$?
if [ "$got" -eq 12 ]; then echo "ok $n - 12: a file that cannot be written"; else
  echo "not ok $n - 12: a file that cannot be written (exit status $got)"; failed=1; fi
status "the first error stops the run" 6 "s.wast:11:1: runtime trap" "$m
(invoke \"trap\")
(invoke \"throw\")"
n=$((n + 1))
if printf '%s\n' "$err" | grep -q "uncaught exception"; then
  echo "not ok $n - nothing after it runs"; failed=1; else echo "ok $n - nothing after it runs"; fi
status "an error in an assertion only fails it" 1 "s.wast:11:16: runtime trap: unreachable" "$m
(assert_return (invoke \"trap\"))
(assert_return (invoke \"ok\") (i32.const 1))"
echo "1..$n"
exit $failed
