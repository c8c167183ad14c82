#!/bin/sh
# --json (doc/json.md): one valid JSON object a line for each command and
# assertion, with each outcome, and the values' exact bits.  Needs python3
# to parse the JSON.  Output is TAP.
bin=./wasmfx-ref
if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 is not installed (it parses the JSON)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

# run SCRIPT-FILE [OPTION...]: runs it with --json into $tmp/out.json.
run() {
  f=$1
  shift
  $bin --json "$@" "$f" >"$tmp/out.json" 2>"$tmp/err"
  status=$?
}

# expect NAME PYTHON-CONDITION: the condition holds of the lines of the last
# run; `j` is the list of parsed lines, `k(line)` the object of a script
# line (its command's line).
expect() {
  n=$((n + 1))
  if python3 - "$tmp/out.json" "$2" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().split('\n')
assert lines[-1] == '', 'the output ends with a newline'
j = [json.loads(l) for l in lines[:-1]]
def k(line):
    found = [o for o in j if o.get('line') == line]
    assert len(found) == 1, 'one object at line %d: %r' % (line, found)
    return found[0]
assert eval(sys.argv[2]), sys.argv[2]
PY
  then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}

cat > "$tmp/all.wast" <<'EOF2'
(module $m
  (global (export "g") f32 (f32.const -0x1p-149))
  (tag $e (param i32))
  (tag $t)
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "two") (result i64 f64) (i64.const -1) (f64.const nan:0x8000000000001))
  (func (export "v") (result v128) (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 255))
  (func (export "refs") (param externref) (result externref i31ref funcref)
    (local.get 0) (ref.i31 (i32.const 7)) (ref.null func))
  (func (export "trap") (result i32) (i32.div_u (i32.const 1) (i32.const 0)))
  (func (export "throw") (throw $e (i32.const 1)))
  (func (export "suspend") (suspend $t))
  (func $deep (export "deep") (call $deep)) (func (export "none")))
(register "m" $m)
(module definition $d (import "m" "add" (func (param i32 i32) (result i32))))
(module instance $i $d)
(invoke $m "add" (i32.const 1) (i32.const 2))
(get $m "g")
(invoke $m "none")
(invoke $m "two")
(invoke $m "v")
(invoke $m "refs" (ref.extern 5))
(assert_return (invoke $m "add" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_return (invoke $m "add" (i32.const 1) (i32.const 2)) (i32.const 4))
(assert_return (invoke $m "two") (i64.const -1) (f64.const nan:arithmetic))
(assert_return (invoke $m "v") (v128.const i16x8 0x201 0x403 0x605 0x807 0xa09 0xc0b 0xe0d 0xff0f))
(assert_return (invoke $m "refs" (ref.extern 5)) (ref.extern 5) (ref.i31) (either (ref.null func) (ref.func)))
(assert_trap (invoke $m "trap") "integer divide by zero")
(assert_trap (invoke $m "add" (i32.const 0) (i32.const 0)) "unreachable")
(assert_exception (invoke $m "throw"))
(assert_suspension (invoke $m "suspend") "unhandled")
(assert_exhaustion (invoke $m "deep") "call stack exhausted")
(assert_malformed (module quote "(func") "unexpected end")
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_unlinkable (module (import "m" "nope" (func))) "unknown import")
(assert_trap (module (func $s (unreachable)) (start $s)) "unreachable")
(assert_trap (invoke $m "trap") "wrong message")
(invoke $m "trap")
(invoke $m "none")
EOF2
run "$tmp/all.wast" --max-depth=1000
expect "every line is valid JSON, and the run ends with the error's status" "$status == 6" 2>/dev/null
[ "$status" -eq 6 ] || echo "# exit status $status"
expect "a module command" "k(1)['kind'] == 'module' and k(1)['outcome'] == 'ok' and k(1)['column'] == 1"
expect "register" "k(14)['kind'] == 'register' and k(14)['outcome'] == 'ok'"
expect "module definition and instance" "k(15)['kind'] == 'module definition' and k(16)['kind'] == 'module instance' and k(16)['outcome'] == 'ok'"
expect "a bare invoke's results" "k(17)['kind'] == 'invoke' and k(17)['actual'] == {'values': [{'type': 'i32', 'bits': '0x00000003', 'value': '3'}]}"
expect "a bare get: a float's exact bits" "k(18)['kind'] == 'get' and k(18)['actual']['values'][0]['bits'] == '0x80000001'"
expect "no results is an empty list" "k(19)['actual'] == {'values': []}"
expect "several results, a NaN's payload" "[v['bits'] for v in k(20)['actual']['values']] == ['0xffffffffffffffff', '0x7ff8000000000001']"
expect "a v128's bytes in memory order" "k(21)['actual']['values'][0]['bytes'] == '0102030405060708090a0b0c0d0e0fff' and k(21)['actual']['values'][0]['type'] == 'v128'"
expect "references by kind" "[(v['ref'], v.get('host')) for v in k(22)['actual']['values']] == [('extern', 5), ('i31', None), ('null', None)]"
expect "a null's type is its hierarchy's bottom" "k(22)['actual']['values'][2]['type'] == '(ref null nofunc)'"
expect "assert_return passes" "k(23)['outcome'] == 'pass' and k(23)['expected'] == {'values': [{'type': 'i32', 'bits': '0x00000003'}]}"
expect "assert_return fails, with the message" "k(24)['outcome'] == 'fail' and k(24)['actual']['values'][0]['bits'] == '0x00000003' and k(24)['message'].startswith('assertion failure: expected (i32.const 4)')"
expect "a NaN pattern" "k(25)['outcome'] == 'pass' and k(25)['expected']['values'][1] == {'type': 'f64', 'nan': 'arithmetic'}"
expect "a vector pattern by lanes" "k(26)['outcome'] == 'pass' and k(26)['expected']['values'][0]['shape'] == 'i16x8' and k(26)['expected']['values'][0]['lanes'][7] == {'bits': '0xff0f'}"
expect "reference patterns and either" "k(27)['outcome'] == 'pass' and k(27)['expected']['values'][0] == {'type': 'ref', 'ref': 'extern', 'host': 5} and len(k(27)['expected']['values'][2]['either']) == 2"
expect "assert_trap passes" "k(28)['outcome'] == 'pass' and k(28)['expected'] == {'error': {'phase': 'trap', 'message': 'integer divide by zero'}} and k(28)['actual']['error']['phase'] == 'trap'"
expect "assert_trap fails: values came" "k(29)['outcome'] == 'fail' and k(29)['actual']['values'][0]['bits'] == '0x00000000'"
expect "assert_exception, with no message expected" "k(30)['outcome'] == 'pass' and k(30)['expected'] == {'error': {'phase': 'exception'}}"
expect "assert_suspension" "k(31)['kind'] == 'assert_suspension' and k(31)['outcome'] == 'pass'"
expect "assert_exhaustion" "k(32)['kind'] == 'assert_exhaustion' and k(32)['outcome'] == 'pass' and k(32)['actual']['error']['phase'] == 'exhaustion'"
expect "assert_malformed" "k(33)['kind'] == 'assert_malformed' and k(33)['outcome'] == 'pass' and k(33)['actual']['error']['phase'] == 'malformed'"
expect "assert_invalid" "k(34)['kind'] == 'assert_invalid' and k(34)['outcome'] == 'pass' and k(34)['actual']['error']['message'].startswith('type mismatch')"
expect "assert_unlinkable" "k(35)['kind'] == 'assert_unlinkable' and k(35)['outcome'] == 'pass' and k(35)['actual']['error']['phase'] == 'unlinkable'"
expect "assert_trap on a module, with its backtrace" "k(36)['kind'] == 'assert_trap' and k(36)['outcome'] == 'pass' and k(36)['actual']['error']['backtrace'][0].startswith('at \$s (')"
expect "an assertion fails on the wrong message" "k(37)['outcome'] == 'fail' and k(37)['actual']['error']['message'] == 'integer divide by zero'"
expect "an error outside an assertion ends the script" "k(38)['outcome'] == 'error' and k(38)['actual']['error']['phase'] == 'trap' and k(38)['message'].startswith('runtime trap: ')"
expect "nothing runs after it" "not [o for o in j if o.get('line') == 39]"
expect "the summary" "j[-1] == {'file': j[0]['file'], 'kind': 'summary', 'outcome': 'error', 'passed': 12, 'failed': 3, 'error': 'trap', 'status': 6}"
expect "every line has a position, kind and outcome" "all('file' in o and 'kind' in o and 'outcome' in o for o in j)"
cp "$tmp/out.json" "$tmp/first.json"
run "$tmp/all.wast" --max-depth=1000
n=$((n + 1))
if cmp -s "$tmp/first.json" "$tmp/out.json"; then echo "ok $n - two runs print the same"; else
  echo "not ok $n - two runs print the same"; failed=1; fi
n=$((n + 1))
if [ -s "$tmp/err" ]; then echo "ok $n - messages still go to stderr"; else
  echo "not ok $n - messages still go to stderr"; failed=1; fi

printf '(module (func (export "f") (result i32) (i32.const 1)))\n(assert_return (invoke "f") (i32.const 1))\n' > "$tmp/pass.wast"
run "$tmp/pass.wast"
expect "a script that passes" "$status == 0 and j[-1]['outcome'] == 'pass' and j[-1]['status'] == 0 and 'error' not in j[-1]"
run "$tmp/pass.wast" -d
expect "-d skips what it does not run" "k(2)['outcome'] == 'skip' and k(1)['outcome'] == 'ok'"
printf '(module (func (export "f") (result i32) (i64.const 1)))\n' > "$tmp/invalid.wast"
run "$tmp/invalid.wast"
expect "an invalid module: at the error, and status 4" "$status == 4 and k(1)['outcome'] == 'error' and k(1)['column'] == 42 and k(1)['actual']['error']['phase'] == 'invalid'"
run "$tmp/invalid.wast" -u
expect "-u: a runtime crash" "$status == 4 and k(1)['actual']['error']['phase'] == 'crash'"
printf '(module (func (export "f") (result i32) (i32.const 1)))\n(invoke "g")\n' > "$tmp/script.wast"
run "$tmp/script.wast"
expect "a command that cannot be carried out" "$status == 3 and k(2)['actual']['error'] == {'phase': 'script', 'message': 'unknown export \"g\"'}"
printf '(module (func)\n' > "$tmp/malformed.wast"
run "$tmp/malformed.wast"
expect "a script that does not parse has its summary" "$status == 3 and len(j) == 1 and j[0]['error'] == 'malformed'"
printf '(module (func (export "\303\251") (result i32) (i32.const 1)))\n(invoke "\303\251")\n(invoke "f\\n\\01")\n' > "$tmp/names.wast"
run "$tmp/names.wast"
expect "UTF-8 is kept, control characters are escaped" "k(2)['outcome'] == 'ok' and k(3)['message'] == 'script error: unknown export \"f\\n\\x01\"' and '\\\\u0001' in open(sys.argv[1]).read()"
cat > "$tmp/text.wast" <<'EOF2'
(module $m (func $p (import "spectest" "print_i32") (param i32))
  (func (export "p") (call $p (i32.const 7))))
(invoke "p")
(output $m)
(invoke "p")
EOF2
run "$tmp/text.wast" -s
expect "what a command prints goes into its line's text" "k(1)['text'].startswith('module m :') and k(3)['text'] == '7 : i32\\n' and k(4)['text'].startswith('(module') and k(5)['text'] == '7 : i32\\n'"
expect "and stdout is nothing but JSON" "len(j) == 5 and 'text' not in j[-1]"
echo "1..$n"
exit $failed
