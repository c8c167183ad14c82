#!/bin/sh
# Calling a module file's exports: --invoke, --run-all-exports (the log of
# wasm-opt --fuzz-exec), --dummy-imports, the fuzzing-support host module,
# missing imports, and their --json lines.  The modules are in
# test/direct/.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"
d=$top_srcdir/test/direct


# ---- --invoke
check "--help describes --invoke" 0 "--invoke NAME" $bin --help
check "--help describes --run-all-exports" 0 "--run-all-exports" $bin --help
check "--help describes --dummy-imports" 0 "--dummy-imports" $bin --help
check "--invoke with bare numbers" 0 "=5 : [i32]" $bin "$d/calls.wat" --invoke add 2 3
check "a host callback's collection keeps what its caller holds" 0 "=42 : [i32]" \
  $bin "$d/gc-nested.wat" --invoke keep
check "--invoke with script constants" 0 "=-1 : [i32]" $bin "$d/calls.wat" --invoke add '(i32.const 2)' '(i32.const -3)'
check "--invoke of several results, numbers of their parameters' types" 0 "=[-1 1.5] : [i64 f32]" \
  $bin "$d/calls.wat" --invoke pair -1 1.5
check "--invoke before the module file applies to it" 0 "=7 : [i32]" $bin --invoke add 3 4 "$d/calls.wat"
check "--invoke of a reference parameter: null" 0 "^\[null func null (i31 [0-9]*)\] : \[(ref null none)" $bin "$d/calls.wat" --invoke refs null
check "--invoke that traps: status 6, the trap on stderr" 6 "runtime trap: integer divide by zero" \
  $bin "$d/calls.wat" --invoke div 0
check "--invoke that throws: status 7" 7 "uncaught exception" $bin "$d/calls.wat" --invoke throw 1
check "--invoke that exhausts the call stack: status 9" 9 "call stack exhausted" \
  $bin --max-depth=100 "$d/calls.wat" --invoke deep 0
check "--invoke that suspends: status 8" 8 "unhandled" $bin "$d/suspend.wat" --invoke suspend
check "--invoke out of fuel: status 10" 10 "out of fuel" $bin --fuel=10000 "$d/suspend.wat" --invoke fuel
check "--invoke with too few arguments: status 3" 3 "wrong number of arguments" $bin "$d/calls.wat" --invoke add 1
check "--invoke of a missing export: status 3" 3 'unknown export "nope"' $bin "$d/calls.wat" --invoke nope
check "--invoke of a memory: status 3" 3 "export is not a function" $bin "$d/calls.wat" --invoke memory
check "--invoke with a number out of its type's range: status 3" 3 "constant out of range" \
  $bin "$d/calls.wat" --invoke add 1.5 1
check "--invoke of a v128 with a constant" 0 "^1 2 3 4 : \[v128\]" $bin "$d/calls.wat" --invoke vec '(v128.const i32x4 1 2 3 4)'
check "--invoke of a v128 with a bare number: status 3" 3 "unexpected token 1" $bin "$d/calls.wat" --invoke vec 1
check "--invoke with a malformed constant: status 3" 3 "error:" $bin "$d/calls.wat" --invoke add '(i32.const x)' 1
check "--invoke with an argument of the wrong type: status 3" 3 "wrong type of argument 1" \
  $bin "$d/calls.wat" --invoke add '(i64.const 1)' 1
check "--invoke without a name: usage error" 2 "needs an export's name" $bin "$d/calls.wat" --invoke
check "--invoke without a module file: usage error" 2 "needs a module file" $bin --invoke add 1 2
check "two calls for one module file: usage error" 2 "one --invoke or --run-all-exports" \
  $bin --invoke add 1 2 --run-all-exports "$d/calls.wat"
check "nested host callbacks end at their cap: status 9" 9 "host calls nested 500 deep" \
  $bin "$d/fuzzing.wat" --invoke recurse

# ---- --run-all-exports: the log of wasm-opt --fuzz-exec
$bin "$d/calls.wat" --run-all-exports >"$tmp/calls.log" 2>&1
status=$?
run_log() { check "$1" 0 "$2" cat "$tmp/calls.log"; }
n=$((n + 1))
if [ $status -eq 0 ]; then echo "ok $n - traps and exceptions in calls do not fail the run"; else
  echo "not ok $n - traps and exceptions in calls do not fail the run (status $status)"; failed=1; fi
n=$((n + 1))
exports=$(grep -o '(export "[^"]*")' "$d/calls.wat" | grep -v memory | sed 's/(export "\(.*\)")/\1/' | tr '\n' ' ')
logged=$(sed -n 's/^\[fuzz-exec\] export //p' "$tmp/calls.log" | tr '\n' ' ')
if [ "$exports" = "$logged" ]; then echo "ok $n - every function and global export, in order"; else
  echo "not ok $n - every function and global export, in order"; echo "# $exports / $logged"; failed=1; fi
run_log "an exported global's value" "=[LoggingExternalInterface logging 42]"
run_log "a float in Binaryen's notation" "=[LoggingExternalInterface logging 0.5]"
run_log "a result" "=[fuzz-exec] note result: add => 0"
run_log "an i64 logged as its two halves" "=[LoggingExternalInterface logging 1 -1]"
run_log "1000 as Binaryen prints it" "=[LoggingExternalInterface logging 1e3]"
run_log "a trap in Binaryen's words" "=[trap i32.div_s by 0]"
run_log "an uncaught exception: its tag and values" "=[exception thrown: tag\$0 0 -1]"
run_log "wasm-opt's stack limit" "=[host limit stack limit]"
run_log "references by kind, several results a line each" "=i31ref(-5)"
run_log "a parameter without a default" "=[trap fuzzer can only send defaultable parameters to exports]"
$bin -d "$d/calls.wat" -o "$tmp/calls.wasm" >/dev/null 2>&1
check "a binary module logs the same" 0 "" cmp "$tmp/calls.log" "$(
  $bin "$tmp/calls.wasm" --run-all-exports >"$tmp/calls-bin.log" 2>&1; echo "$tmp/calls-bin.log")"
check "a trap in the start function is logged, status 6" 6 "=[trap unreachable]" \
  $bin "$d/start-trap.wat" --run-all-exports
check "an exception in instantiation is logged, status 7" 7 "=[exception thrown: failed to instantiate module]" \
  $bin --run-all-exports "$d/start-throw.wat"
check "a data segment out of bounds is logged as Binaryen's memory.init" 6 "=[trap out of bounds memory access in memory.init]" \
  $bin "$d/data-oob.wat" --run-all-exports
check "an element segment out of bounds is logged as Binaryen's table.init" 6 "=[trap out of bounds table access in table.init]" \
  $bin "$d/elem-oob.wat" --run-all-exports
check "an unhandled suspension" 0 "=[exception thrown: unhandled suspend]" $bin --fuel=100000 "$d/suspend.wat" --run-all-exports
check "a suspension through a host callback traps" 0 "=[trap suspend through JS]" $bin --fuel=100000 "$d/suspend.wat" --run-all-exports
check "out of fuel is a host limit, and the run goes on" 0 "=[host limit out of fuel]" $bin --fuel=100000 "$d/suspend.wat" --run-all-exports
check "the heap limit is Binaryen's allocation failure" 0 "=[host limit allocation failure]" \
  $bin --max-heap=64M "$d/big-array.wat" --run-all-exports
check "--run-all-exports without a module file: usage error" 2 "needs a module file" $bin --run-all-exports

# Floats as wasm-opt prints them (each line checked against Binaryen 132).
$bin "$d/floats.wat" --run-all-exports >"$tmp/floats.log" 2>&1
floats=$(sed -n 's/^\[LoggingExternalInterface logging \(.*\)\]$/\1/p' "$tmp/floats.log" | tr '\n' ' ')
n=$((n + 1))
want="0.1 1e21 123456789012345683968 1.5e-300 -0 18446744073709551615 1.e+300 -100 5e-324 1234.5678 nan:0x1 -inf 1e5 1e-06 0.10000000149011612 3402823466385288598117041e14 -nan:0x200000 1.401298464324817e-45 16777216 -0.5 -9223372036854775808 i32x4 0x04030201 0x08070605 0x0c0b0a09 0x100f0e0d "
if [ "$floats" = "$want" ]; then echo "ok $n - floats, integers and vectors in Binaryen's notation"; else
  echo "not ok $n - floats, integers and vectors in Binaryen's notation"; echo "# got: $floats"; failed=1; fi
wasm_opt=${WASM_OPT:-$(command -v wasm-opt)}
if [ -n "$wasm_opt" ]; then
  check "the same as wasm-opt --fuzz-exec prints" 0 "" sh -c \
    "'$wasm_opt' -all '$d/floats.wat' --fuzz-exec-before 2>/dev/null | cmp - '$tmp/floats.log'"
fi

# ---- fuzzing-support
$bin "$d/fuzzing.wat" --run-all-exports >"$tmp/fuzzing.log" 2>&1
fz_log() { check "fuzzing-support: $1" 0 "$2" cat "$tmp/fuzzing.log"; }
fz_log "log-branch" "=[LoggingExternalInterface log-branch 1 2 3]"
fz_log "log-v128" "=[LoggingExternalInterface logging i32x4 0x00000001 0x00000002 0x00000003 0xffffffff]"
fz_log "an imported externref global's payload" "=[LoggingExternalInterface logging externref(212)]"
fz_log "throw of a value: wasmtag" "=[exception thrown: imported-wasm-tag 5]"
fz_log "throw of 0: a JS exception" "=[exception thrown: imported-js-tag jserror]"
fz_log "Wasm catches what the host throws" "=[fuzz-exec] note result: catch-wasm => 11"
fz_log "a JS exception's payload" "=[fuzz-exec] note result: catch-js => jserror"
fz_log "call-export and call-ref call back; the -catch ones return 1 on a throw" "=[fuzz-exec] note result: call-exports => 77"
check "fuzzing-support: call-export-catch of each kind of failure" 0 "^5$" \
  sh -c "grep -c '^\[LoggingExternalInterface logging 1\]\$' '$tmp/fuzzing.log'"
fz_log "self-calls through call-export end in a limit" "=[host limit stack limit]"

check "fuzzing-support: call-export of a function of 70 parameters calls it" 0 "=[fuzz-exec] note result: caller => 0" \
  $bin "$d/many-params.wat" --run-all-exports

# ---- imports
check "missing imports name every one: status 5" 5 'unknown import "env" "f", "env" "g", "env" "gm", "env" "gr", "env" "mem", "env" "tab", "env" "tag"' \
  $bin "$d/imports.wat" --run-all-exports
$bin --dummy-imports "$d/imports.wat" --run-all-exports >"$tmp/imports.log" 2>&1
dummy() { check "--dummy-imports: $1" 0 "$2" cat "$tmp/imports.log"; }
dummy "a function returning zeros and null" "=[fuzz-exec] note result: call => 0"
dummy "globals of their type's default" "=[fuzz-exec] note result: globals => 0"
dummy "a memory and a table of their minimum size" "=[fuzz-exec] note result: sizes => 2"
dummy "a fresh tag" "=[fuzz-exec] note result: tag => 9"
check "--dummy-imports: a non-nullable global stays missing" 5 'unknown import "env" "nn"' \
  $bin --dummy-imports "$d/nonnull.wat"
check "--dummy-imports: a function with a non-nullable result traps" 0 \
  "=[trap dummy import cannot return a non-nullable reference]" $bin --dummy-imports "$d/nonnull-func.wat" --run-all-exports
check "a script does not get fuzzing-support" 5 'unknown import "fuzzing-support" "log-i32"' \
  $bin -e '(module (import "fuzzing-support" "log-i32" (func (param i32))))'

# ---- --json
if command -v python3 >/dev/null 2>&1; then
  json() {
    n=$((n + 1))
    if python3 -c '
import json, sys
j = [json.loads(l) for l in sys.stdin.read().splitlines()]
assert eval(sys.argv[1]), j' "$2" <"$tmp/out.json"; then
      echo "ok $n - --json: $1"
    else
      echo "not ok $n - --json: $1"; failed=1
    fi
  }
  $bin --json "$d/calls.wat" --invoke add 2 3 >"$tmp/out.json" 2>/dev/null
  json "--invoke: one invoke line with its results" \
    'len(j) == 1 and j[0]["kind"] == "invoke" and j[0]["name"] == "add" and j[0]["outcome"] == "ok" and j[0]["actual"]["values"][0]["bits"] == "0x00000005"'
  $bin --json "$d/calls.wat" --invoke div 0 >"$tmp/out.json" 2>/dev/null
  json "--invoke that traps: its error" 'j[0]["outcome"] == "error" and j[0]["actual"]["error"]["phase"] == "trap"'
  $bin --json "$d/calls.wat" --run-all-exports >"$tmp/out.json" 2>/dev/null
  json "--run-all-exports: a line per call and global, in order" \
    '[o["name"] for o in j if o["kind"] in ("invoke", "get")] == "answer half add pair log div load throw deep refs needs-ref vec".split()'
  json "--run-all-exports: a logged line" '{"kind": "log", "text": "[LoggingExternalInterface logging 1e3]"} in j'
  json "--run-all-exports: a failed call" '[o["actual"]["error"]["phase"] for o in j if o.get("name") == "throw"] == ["exception"]'
else
  echo "# python3 is not installed: the --json checks are skipped"
fi

echo "1..$n"
exit $failed
