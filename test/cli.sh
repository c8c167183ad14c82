#!/bin/sh
# The command line: options, file types, -o conversions, and the error
# paths of the driver.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"

# check_out / check_err NAME EXPECTED-STATUS PATTERN COMMAND...: the same
# on stdout alone (results) or stderr alone (messages).
check_stream() {
  stream=$1 name=$2 want=$3 pattern=$4
  shift 4
  if [ "$stream" = out ]; then out=$("$@" 2>/dev/null); else out=$("$@" 2>&1 >/dev/null); fi
  verdict "$name" "$want" $? "$pattern" "std$stream" "$out"
}
check_out() { check_stream out "$@"; }
check_err() { check_stream err "$@"; }

check "--help" 0 "Usage: wasmfx-ref" $bin --help
check "--version" 0 "wasmfx-ref [0-9]" $bin --version
# the options the manual page defines: the tag line after each .TP
awk 'tag { gsub(/\\-/, "-"); print; tag = 0 } /^\.TP/ { tag = 1 }' "$top_srcdir/doc/wasmfx-ref.1" > "$tmp/man-options"
missing=
for o in $($bin --help | grep -o -- '--[a-z0-9-]*\|^ *-[a-z]\b' | tr -d ' ' | sort -u); do
  grep -q -- "$o\b" "$tmp/man-options" || missing="$missing $o"
done
check "the manual page documents every option of --help" 0 "^$" printf '%s' "$missing"
check "no arguments is a usage error" 2 "Usage:" $bin
check "unknown option" 2 "unknown option '--frobnicate'" $bin --frobnicate
check "-o needs a file" 2 "-o needs a file name" $bin -o
check "missing file" 12 "nofile.wast: error: No such file" $bin "$tmp/nofile.wast"
printf '(module)' > "$tmp/m.txt"
check "unknown file type" 2 "unknown file type" $bin "$tmp/m.txt"
# A script's own constants are read as a module's are (text/build.c):
# one out of its type's range makes the script malformed.
check "a script argument out of range" 3 "-e:1:24: error: constant out of range" $bin -e '(invoke "f" (f32.const 1e99999))'
check "a result out of range" 3 "-e:1:40: error: constant out of range" $bin -e '(assert_return (invoke "f") (i32.const 0x1_0000_0000))'
check "a result lane out of range" 3 "-e:1:61: error: constant out of range" $bin -e '(assert_return (invoke "f") (v128.const i16x8 0 0 0 0 0 0 0 65536))'
check "a result lane pattern on an integer lane" 3 "-e:1:61: error: constant out of range" $bin -e '(assert_return (invoke "f") (v128.const i16x8 0 0 0 0 0 0 0 nan:canonical))'
check "a result with too few lanes" 3 "-e:1:41: error: wrong number of lane literals" $bin -e '(assert_return (invoke "f") (v128.const i32x4 0 0 0))'
printf '(module\n  (func (result i32)\n    (i32.add (i32.const 1) (i32.const 2))))\n' > "$tmp/m.wat"
check "a module file" 0 "" $bin -d "$tmp/m.wat"
check "-o prints a module" 0 "" $bin -d "$tmp/m.wat" -o "$tmp/out.wat"
check "the printed module" 0 "i32.add" cat "$tmp/out.wat"
check "the printed module parses" 0 "" $bin -d "$tmp/out.wat"
printf '(module\n  (func (result i32)\n    (i64.const 1)))\n' > "$tmp/invalid.wat"
check "an invalid module has a position" 4 "invalid.wat:3:6: error: type mismatch: instruction requires \\[i32\\] but stack has \\[i64\\]" $bin -d "$tmp/invalid.wat"
check "-u does not validate" 0 "" $bin -d -u "$tmp/invalid.wat"
printf '(module)\n\n(module (func (result i32)))\n' > "$tmp/empty-body.wast"
check "an empty body's error is at its function" 4 "empty-body.wast:3:9: invalid module: type mismatch" $bin "$tmp/empty-body.wast"
printf '(module (type $f (func)) (type (cont $f)))' > "$tmp/cont.wat"
check "stack switching is on by default" 0 "" $bin -d "$tmp/cont.wat"
check "--features=wasm3 has no continuations" 4 "continuation types need stack switching" $bin -d --features=wasm3 "$tmp/cont.wat"
printf '(module\n  (func (i32.const 1) (drop) )\n  (nop))\n' > "$tmp/bad.wat"
check "a syntax error has a position" 3 "bad.wat:3:3: error: unexpected token (" $bin -d "$tmp/bad.wat"
printf '(module $m (func))\n(assert_malformed (module quote "(func (nop") "unexpected end")\n' > "$tmp/s.wast"
check "a script reports its assertions" 0 "1 passed, 0 failed" $bin -d "$tmp/s.wast"
check "-o prints a script" 0 "" $bin -d "$tmp/s.wast" -o "$tmp/out.wast"
check "the printed script runs the same" 0 "1 passed, 0 failed" $bin -d "$tmp/out.wast"
check "-o without a preceding module" 3 "error: no module defined" $bin -o "$tmp/x.wat"
check "-o a module as binary" 0 "" $bin -d "$tmp/m.wat" -o "$tmp/m.wasm"
check "the binary starts with the magic" 0 "00 61 73 6d" od -An -tx1 -N4 "$tmp/m.wasm"
check "a binary module back to text" 0 "" $bin -d "$tmp/m.wasm" -o "$tmp/back.wat"
check "the text is the same" 0 "" cmp "$tmp/out.wat" "$tmp/back.wat"
check "-o a script with binary modules" 0 "" $bin -d "$tmp/s.wast" -o "$tmp/s.bin.wast"
check "the binary script has binary modules" 0 "module \$m binary" cat "$tmp/s.bin.wast"
check "the binary script runs the same" 0 "1 passed, 0 failed" $bin -d "$tmp/s.bin.wast"
printf '\000asm\001\000\000\000\001' > "$tmp/bad.wasm"
check "a malformed binary has an offset" 3 "bad.wasm:0x9: error: unexpected end" $bin -d "$tmp/bad.wasm"
check "-o .wasm after a script writes its last module" 0 "" $bin -d "$tmp/s.wast" -o "$tmp/x.wasm"
check "which is the script's module" 0 "^  (func (type 0))" $bin -d "$tmp/x.wasm" -o "$tmp/x.wat" -e '(output)'
check "-o of an unknown file type is a usage error" 2 "x.txt: error: unknown file type" $bin -d "$tmp/s.wast" -o "$tmp/x.txt"
# Running: failures are reported with the values, traps with a backtrace.
cat > "$tmp/run.wast" <<'EOF'
(module
  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
  (func $outer (export "outer") (param i32) (result i32) (call $inner (local.get 0)))
  (func (export "two") (result i32 i64) (i32.const 1) (i64.const 2)))
(assert_return (invoke "outer" (i32.const 1)) (i32.const 2))
(invoke "outer" (i32.const 0))
(assert_return (invoke "two") (i32.const 1) (i64.const 2))
EOF
check_err "a wrong result shows both values" 6 "run.wast:5:16: assertion failure: expected (i32.const 2), got (i32.const 1)" $bin "$tmp/run.wast"
check_err "a trap shows where" 6 "run.wast:6:1: runtime trap: integer divide by zero" $bin "$tmp/run.wast"
check_err "the trap's backtrace names the function" 6 "at \$inner (.*run.wast:2:" $bin "$tmp/run.wast"
check_err "the backtrace reaches the caller" 6 "at \$outer (.*run.wast:3:" $bin "$tmp/run.wast"
check_out "a trap outside an assertion stops the script" 6 "^0 passed, 1 failed$" $bin "$tmp/run.wast"
check_out "the backtrace is not on stdout" 6 "^[^ ]" $bin "$tmp/run.wast"
check_out "the run stops: later files do not run" 6 "^1$" sh -c '"$0" "$1" "$1" > "$2"; s=$?; grep -c passed "$2"; exit $s' $bin "$tmp/run.wast" "$tmp/run.out"
sed '6d' "$tmp/run.wast" > "$tmp/run-fail.wast"
check "a failed assertion does not stop it" 1 "^1 passed, 1 failed$" $bin "$tmp/run-fail.wast"
# Each of these errors stops its script with status 3 (or 5, unlinkable),
# at its own position.
script_error() {
  name=$1 want=$2 pattern=$3 body=$4
  printf '%s\n' "$body" > "$tmp/script-error.wast"
  check "$name" "$want" "script-error.wast:$pattern" $bin "$tmp/script-error.wast"
}
m='(module $a (func (export "f") (param i32)) (global (export "g") i32 (i32.const 0)))'
script_error "no module yet" 3 "1:1: script error: no module instance to use" '(invoke "f")'
script_error "an unknown module" 3 "2:1: script error: unknown module \$b" "$m
(invoke \$b \"f\")"
script_error "an unknown export" 3 "2:1: script error: unknown export \"g2\"" "$m
(invoke \"g2\")"
script_error "too few arguments" 3 "2:1: script error: wrong number of arguments" "$m
(invoke \"f\")"
script_error "an argument of the wrong type" 3 "2:1: script error: wrong type of argument 1" "$m
(invoke \"f\" (i64.const 1))"
script_error "get of a function" 3 "2:1: script error: export is not a global" "$m
(get \"f\")"
script_error "registering an unknown module" 3 "2:1: script error: unknown module \$nope" "$m
(register \"a\" \$nope)"
script_error "an unknown import" 5 "1:.*: link failure: unknown import \"nowhere\" \"f\"" '(module (import "nowhere" "f" (func)))'
script_error "an unknown module definition" 3 "1:1: script error: unknown module definition \$nodef" '(module instance $i $nodef)'
script_error "an assertion on an unknown module definition" 3 "1:20: script error: unknown module definition \$nodef2" '(assert_unlinkable (module instance $nodef2) "unknown import")'
script_error "no unnamed module definition" 3 "2:1: script error: no module definition to instantiate\$" '(module definition $named (func))
(module instance)'
printf '(module definition (func (result i32) (i64.const 0)))\n(module instance)\n' > "$tmp/failed-definition.wast"
check "after a failed unnamed definition, no definition is named \$" 4 "stdin:1:1: script error: no module definition to instantiate\$" \
  sh -c '"$0" -i < "$1"' $bin "$tmp/failed-definition.wast"
script_error "an assertion on an unknown export stops the script" 3 "2:16: script error: unknown export" "$m
(assert_return (invoke \"nope\"))"
script_error "a malformed quoted module has the command's position" 3 "2:3: syntax error: unexpected end" "(module)
  (module quote \"(func (nop\")"
script_error "a malformed binary module has the command's position" 3 "1:1: syntax error: unexpected end" '(module binary "\00asm\01\00\00\00\01")'
script_error "an invalid quoted module" 4 "1:1: invalid module: type mismatch" '(module quote "(func (result i32) (i64.const 0))")'
script_error "no (null) position anywhere" 3 "1:1: syntax error" '(module quote "(func")'
check "assertions on instances through .bin.wast" 0 "" $bin -d "$top_srcdir/test/core/instance.wast" -o "$tmp/instance.bin.wast"
check "the binary script runs the same" 0 "11 passed, 0 failed" $bin "$tmp/instance.bin.wast"
printf '(module (func (export "f") (unreachable)) (start 0))\n' > "$tmp/start.wat"
check "a module file runs its start function" 6 "start.wat:1:29: runtime trap: unreachable" $bin "$tmp/start.wat"
check_err "its backtrace goes to stderr" 6 "at func 0 (.*start.wat:1:29)" $bin "$tmp/start.wat"
check_out "nothing goes to stdout" 6 "^$" $bin "$tmp/start.wat"
printf '(module (import "nowhere" "f" (func)))\n' > "$tmp/import.wat"
check "a module file that does not link" 5 "import.wat:1:9: link failure: unknown import" $bin "$tmp/import.wat"
printf '(module (func (export "f") (unreachable)) (start 0))\n' > "$tmp/start.wat"
$bin -d "$tmp/start.wat" -o "$tmp/start.wasm"
check "a binary module's trap has a position" 6 "start.wasm:0x[0-9a-f]*: runtime trap: unreachable" $bin "$tmp/start.wasm"
check "never a (null) position" 6 "^[^(]" $bin "$tmp/start.wasm"
check "-d does not run it" 0 "" $bin -d "$tmp/start.wat"

printf '(module (func (export "f") (result i32) (i32.add (i32.const 1) (i32.const 2))))\n(assert_return (invoke "f") (i32.const 3))\n' > "$tmp/trace.wast"
check "--trace shows each step with its operands" 0 "1 frame{func 0} | i32.add (.*trace.wast:1:42) | (i32.const 1) (i32.const 2)" $bin --trace "$tmp/trace.wast"

# Results of bare actions, on stdout, as the official interpreter prints
# them: `values : [types]`, digits grouped by _, NaN payloads, nothing for
# no results.
cat > "$tmp/results.wast" <<'EOF'
(module
  (global (export "g") f32 (f32.const 0.1))
  (type $s (struct (field i32)))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "two") (result i32 i64) (i32.const -1000) (i64.const 1234567))
  (func (export "none"))
  (func (export "floats") (result f64 f32 f32 f64) (f64.const 1e20) (f32.const nan) (f32.const -inf) (f64.const -0))
  (func (export "v") (result v128) (v128.const i32x4 1 -2 3 4))
  (func (export "refs") (param externref) (result funcref i31ref externref anyref)
    (ref.null func) (ref.i31 (i32.const 5)) (local.get 0) (struct.new_default $s))
  (func (export "f") (result funcref) (ref.func 0)))
(invoke "add" (i32.const 1) (i32.const 2))
(get "g")
(invoke "two")
(invoke "none")
(invoke "floats")
(invoke "v")
(invoke "refs" (ref.extern 7))
(invoke "f")
EOF
$bin "$tmp/results.wast" > "$tmp/results.out" 2>&1
check "a result" 0 "^3 : \[i32\]$" cat "$tmp/results.out"
check "a global's value" 0 "^0.100_000_001_490_116_12 : \[f32\]$" cat "$tmp/results.out"
check "several results" 0 "^\[-1_000 1_234_567\] : \[i32 i64\]$" cat "$tmp/results.out"
check "floats: exponents, NaN payloads, infinities, signed zeros" 0 "^\[1e+20 nan:0x40_0000 -inf -0\] : \[f64 f32 f32 f64\]$" cat "$tmp/results.out"
check "a vector as i32 lanes" 0 "^1 -2 3 4 : \[v128\]$" cat "$tmp/results.out"
check "references, with their run-time types" 0 "^\[null (i31 5) (extern (host 7)) (struct ...)\] : \[(ref null nofunc) (ref i31) (ref extern) (ref (struct (field i32)))\]$" cat "$tmp/results.out"
check "a function reference's type" 0 "^func : \[(ref (func \[i32 i32\] -> \[i32\]))\]$" cat "$tmp/results.out"
check "no results print nothing" 0 "^8$" grep -c . "$tmp/results.out"
check_err "results are not on stderr" 0 "^$" $bin "$tmp/results.wast"
ref=${WASM_REF:-$(command -v wasm-ref || command -v wasm || echo /work/tools/bin/wasm-ref)}
n=$((n + 1))
if [ -x "$ref" ]; then
  "$ref" "$tmp/results.wast" > "$tmp/ref.out" 2>&1
  if grep -v passed "$tmp/results.out" | cmp -s - "$tmp/ref.out"; then
    echo "ok $n - the official interpreter prints the same results"
  else
    echo "not ok $n - the official interpreter prints the same results"
    diff "$tmp/ref.out" "$tmp/results.out" | sed 's/^/#   /'
    failed=1
  fi
else
  echo "ok $n - the official interpreter prints the same results # SKIP no official interpreter (set WASM_REF)"
fi

# Limits: each ends a run with its own error, and nothing else breaks.
# (spectest's memory counts towards --max-memory.)
check "the collector makes a small heap enough" 0 "6 passed, 0 failed" $bin --max-heap=4M "$top_srcdir/test/core/gc.wast"
check "continuations are collected with their stacks" 0 "39 passed, 0 failed" $bin --max-heap=4M --max-depth=1000 "$top_srcdir/test/core/cont.wast"
check "a continuation of a host function runs it" 0 "^7 : i32$" $bin "$top_srcdir/test/core/cont.wast"
cat > "$tmp/cont-heap.wast" <<'EOF'
(module
  (type $f (func (param i32) (result i32)))
  (type $k (cont $f))
  (func $chain (param i32) (result i32)
    (resume $k (local.get 0) (cont.new $k (ref.func $chain))))
  (func $deep (param i32) (result i32) (i32.add (call $deep (local.get 0)) (i32.const 1)))
  (func $id (param i32) (result i32) (local.get 0))
  (elem declare func $chain $deep $id)
  (func (export "chain") (result i32) (call $chain (i32.const 0)))
  (func (export "deep") (result i32) (resume $k (i32.const 0) (cont.new $k (ref.func $deep))))
  (func (export "id") (result i32) (resume $k (i32.const 1) (cont.new $k (ref.func $id)))))
(assert_exhaustion (invoke "chain") "out of memory")
(assert_exhaustion (invoke "deep") "out of memory")
(assert_return (invoke "id") (i32.const 1))
EOF
check "continuations' stacks count against the heap" 0 "3 passed, 0 failed" $bin --max-heap=1M "$tmp/cont-heap.wast"
cat > "$tmp/cont.wast" <<'EOF'
(module
  (type $f (func (result i32)))
  (type $k (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ki (cont $fi))
  (tag $t (result i32))
  (func $inner (unreachable))
  (func $body (result i32) (call $inner) (i32.const 0))
  (func $sus (result i32) (i32.add (suspend $t) (i32.const 1)))
  (elem declare func $body $sus)
  (func (export "trap") (result i32) (resume $k (cont.new $k (ref.func $body))))
  (func (export "lost") (result i32) (resume $k (cont.new $k (ref.func $sus))))
  (func (export "run") (result i32)
    (local $c (ref null $ki))
    (block $h (result (ref $ki))
      (return (resume $k (on $t $h) (cont.new $k (ref.func $sus)))))
    (local.set $c)
    (resume $ki (i32.const 41) (local.get $c))))
(invoke "trap")
(invoke "lost")
(assert_return (invoke "run") (i32.const 42))
EOF
check "a backtrace goes through the resume" 6 "at func 3 (.*cont.wast:11:39)" $bin "$tmp/cont.wast"
sed '19d' "$tmp/cont.wast" > "$tmp/cont2.wast"
check "a suspension nothing handles" 8 "cont2.wast:19:1: unhandled suspension: unhandled tag" $bin "$tmp/cont2.wast"
check_out "--trace shows the prompt of a continuation" 8 "2 prompt{} cont#0 frame{\$sus} | suspend \$t" $bin --trace "$tmp/cont2.wast"
cat > "$tmp/limits.wast" <<'EOF'
(module
  (type $node (struct (field (ref null $node))))
  (type $a (array i64))
  (memory 1)
  (func (export "hoard") (param $n i32) (result i32)
    (local $l (ref null $node))
    (loop $l
      (local.set $l (struct.new $node (local.get $l)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.const 1))
  (func (export "huge") (result i32) (array.len (array.new_default $a (i32.const -1))))
  (func $deep (export "deep") (param i32) (result i32)
    (if (result i32) (local.get 0)
      (then (i32.add (i32.const 1) (call $deep (i32.sub (local.get 0) (i32.const 1)))))
      (else (i32.const 0))))
  (func (export "spin") (loop (br 0)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
(assert_exhaustion (invoke "hoard" (i32.const 100000)) "out of memory")
(assert_exhaustion (invoke "huge") "out of memory")
(assert_return (invoke "hoard" (i32.const 1000)) (i32.const 1))
(assert_return (invoke "deep" (i32.const 40)) (i32.const 40))
(assert_exhaustion (invoke "deep" (i32.const 100)) "call stack exhausted")
(assert_exhaustion (invoke "spin") "out of fuel")
(assert_return (invoke "grow" (i32.const 1)) (i32.const 1))
(assert_return (invoke "grow" (i32.const 1)) (i32.const -1))
EOF
check "limits end runs cleanly" 0 "8 passed, 0 failed" $bin --max-heap=4M --max-depth=50 --fuel=10000000 --max-memory=192K "$tmp/limits.wast"
check "a malformed limit" 2 "bad value in '--fuel=lots'" $bin --fuel=lots "$tmp/limits.wast"
check "a malformed size" 2 "bad value in '--max-heap=4X'" $bin --max-heap=4X "$tmp/limits.wast"
check "a zero depth" 2 "bad value in '--max-depth=0'" $bin --max-depth=0 "$tmp/limits.wast"
# The official interpreter's command line: files, -e commands and the REPL
# share one store and registry; meta commands; -s; custom sections.
cat > "$tmp/a.wast" <<'EOF'
(module $A (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))
(register "A")
EOF
cat > "$tmp/b.wast" <<'EOF'
(module (import "A" "f" (func $f (param i32) (result i32)))
  (func (export "g") (result i32) (call $f (i32.const 41))))
(assert_return (invoke "g") (i32.const 42))
EOF
check "a later file imports what an earlier one registered" 0 "1 passed, 0 failed" $bin "$tmp/a.wast" "$tmp/b.wast"
check "alone, it cannot" 5 'unknown import "A" "f"' $bin "$tmp/b.wast"
check "-e runs a command after a file, in its state" 1 "^-e:1:16: assertion failure: expected (i32.const 7), got (i32.const 42)" \
  $bin "$tmp/a.wast" "$tmp/b.wast" -e '(assert_return (invoke "g") (i32.const 7))'
check "-e names a module of an earlier file" 0 "" $bin "$tmp/a.wast" -e '(assert_return (invoke $A "f" (i32.const 1)) (i32.const 2))'
check "-e reports its syntax errors" 3 "^-e:1:2: error: unknown operator nope" $bin -e '(nope)'
check "-e needs a command" 2 "-e needs a command" $bin -e
check_out "-e: a bare invoke prints its results on stdout" 0 '^3 : \[i32\]$' $bin "$tmp/a.wast" -e '(invoke $A "f" (i32.const 2))'
check_err "-e: an error is reported on stderr" 3 '^-e:1:1: script error: unknown export "nope"$' $bin "$tmp/a.wast" -e '(invoke "nope")'
check "-e: the first error stops the run" 1 "" sh -c "$bin '$tmp/a.wast' -e '(invoke \"nope\")' -e '(invoke \$A \"f\" (i32.const 2))' 2>/dev/null | grep ': \[i32\]'"
check "-e: a trap is status 6" 6 "runtime trap" $bin -e '(module (func (export "t") unreachable))' -e '(invoke "t")'
check_out "--json: several files share a registry, a summary each" 0 '^{"file":"[^"]*b.wast","kind":"summary","outcome":"pass","passed":1' $bin --json "$tmp/a.wast" "$tmp/b.wast"
check "--json: the first file's summary too" 0 '^{"file":"[^"]*a.wast","kind":"summary"' $bin --json "$tmp/a.wast" "$tmp/b.wast"
check "- reads a script from standard input" 0 "1 passed, 0 failed" sh -c "cat '$tmp/a.wast' '$tmp/b.wast' | $bin -"
$bin -d "$tmp/a.wast" -o "$tmp/a.wasm" > /dev/null
check "- reads a binary module from standard input" 1 "expected (i32.const 0), got (i32.const 3)" \
  sh -c "$bin - -e '(assert_return (invoke \"f\" (i32.const 2)) (i32.const 0))' < '$tmp/a.wasm'"
check "a missing file is an i/o error" 12 "nofile.wasm: error: No such file" $bin "$tmp/nofile.wasm"
# (input), (output), (script)
printf '(input $m "%s")\n(assert_return (invoke $m "f" (i32.const 2)) (i32.const 3))\n(output $m "%s")\n(output $m)\n' \
  "$tmp/a.wasm" "$tmp/in.wat" > "$tmp/input.wast"
check "(input \$m) runs a module file and names it" 0 "1 passed, 0 failed" $bin "$tmp/input.wast"
check "(output \$m) with no file prints the module" 0 '^  (export "f" (func 0)))' $bin "$tmp/input.wast"
check "(output \$m \"file\") wrote it as text" 0 '(func (type 0)' cat "$tmp/in.wat"
printf '(input "%s")\n(input "%s")\n' "$tmp/a.wast" "$tmp/b.wast" > "$tmp/both.wast"
check "(input) of scripts shares their registry and counts their assertions" 0 "1 passed, 0 failed" $bin "$tmp/both.wast"
printf '(input "%s")\n' "$tmp/self.wast" > "$tmp/self.wast"
check "an (input) of itself stops" 3 "input nested too deeply" $bin "$tmp/self.wast"
printf '(input "%s")\n' "$tmp/nofile.wast" > "$tmp/missing.wast"
check "(input) of a missing file" 12 "missing.wast:1:1: .*nofile.wast: i/o error: No such file" $bin "$tmp/missing.wast"
cat > "$tmp/script.wast" <<EOF
(script \$s
  (module (func (export "f") (result i32) (i32.const 5)))
  (output "$tmp/s5.wat")
  (assert_return (invoke "f") (i32.const 5)))
(module (func (export "f") (result i32) (i32.const 6)))
(assert_return (invoke "f") (i32.const 6))
EOF
check "(script) runs its commands" 0 "2 passed, 0 failed" $bin "$tmp/script.wast" -o "$tmp/whole.wast"
check "and its (output) wrote the module" 0 "i32.const 5" cat "$tmp/s5.wat"
printf '(module)\n(output "%s")\n(module $after)\n' "$tmp/no-such-dir/x.wat" > "$tmp/outfail.wast"
check "a failed (output) stops the run" 12 "outfail.wast:2:1: .*no-such-dir/x.wat: i/o error" $bin -s "$tmp/outfail.wast"
check "nothing after it runs" 1 "" sh -c "$bin -s '$tmp/outfail.wast' 2>&1 | grep 'after'"
check "(output) of an unknown file type is a script error" 3 "script error: unknown file type" $bin -e '(module)' -e '(output "x.txt")'
$bin "$tmp/script.wast" -e "(output \$s \"$tmp/s-only.wast\")" > /dev/null 2>&1
check "(script \$s) names its commands, without meta commands" 1 "" sh -c "grep 'output\|i32.const 6' '$tmp/s-only.wast'"
check "which run as they ran" 0 "1 passed, 0 failed" $bin "$tmp/s-only.wast"
check "-o after a script writes what it ran" 0 "2 passed, 0 failed" $bin "$tmp/whole.wast"
check "-o .wast after a module file writes it as a script" 0 "" $bin -d "$tmp/a.wasm" -o "$tmp/a1.wast"
check "which has the module" 0 "^(module" cat "$tmp/a1.wast"
check "(output) of an unknown module" 3 "unknown module \$nope" $bin -e '(output $nope "x.wat")'
# -s: each module's imports and exports, as the official interpreter shows them
check "-s shows a module's signature" 0 '^module A :$' $bin -s "$tmp/a.wast"
check "-s shows an export's type" 0 '^  export "f" : func func \[i32\] -> \[i32\]$' $bin -s "$tmp/a.wast"
check "-s shows an import's type" 0 '^  import "A" "f" : func func \[i32\] -> \[i32\]$' $bin -s "$tmp/a.wast" "$tmp/b.wast"
printf '(module (type $t (struct (field (mut i8)))) (global (export "g") (mut (ref null $t)) (ref.null $t)) (memory (export "m") 1 2) (table (export "t") i64 3 funcref) (tag (export "e") (param f32)))' > "$tmp/sig.wat"
check "-s shows globals and defined types" 0 \
  '^  export "g" : global (mut (ref null (struct (field (mut i8)))))$' $bin -s "$tmp/sig.wat"
check "-s: a memory's limits" 0 '^  export "m" : memory i32 1 2$' $bin -s "$tmp/sig.wat"
check "-s: a table's address type and element type" 0 '^  export "t" : table i64 3 (ref null func)$' $bin -s "$tmp/sig.wat"
check "-s: a tag's type" 0 '^  export "e" : tag func \[f32\] -> \[\]$' $bin -s "$tmp/sig.wat"
# Custom sections: binary -> text -> binary unchanged, and in .bin.wast
printf '\000asm\001\000\000\000\000\010\005first\001\002\001\004\001\140\000\000\000\005\003mid\012\003\002\001\000\012\004\001\002\000\013\000\006\005after' > "$tmp/c.wasm"
check "a binary with custom sections decodes" 0 "" $bin -d "$tmp/c.wasm" -o "$tmp/c.wat"
check "a custom section at the start prints as (before first)" 0 '(@custom "first" (before first) "\\01\\02")' cat "$tmp/c.wat"
check "one after a section prints as (after ...)" 0 '(@custom "mid" (after type) "\\0a")' cat "$tmp/c.wat"
check "text with @custom annotations encodes" 0 "" $bin -d "$tmp/c.wat" -o "$tmp/c2.wasm"
check "to the same binary" 0 "" cmp "$tmp/c.wasm" "$tmp/c2.wasm"
check "a binary script keeps them" 0 "" $bin -d "$tmp/c.wat" -o "$tmp/c.bin.wast"
check "back to the same binary" 0 "" sh -c "$bin -d '$tmp/c.bin.wast' -o '$tmp/c3.wasm' > /dev/null && cmp '$tmp/c.wasm' '$tmp/c3.wasm'"
printf '(module (@custom "x" (after nowhere) "y") (@custom "z" (after code) "w") (func (@custom "in" "func")))' > "$tmp/c4.wat"
check "a malformed or misplaced @custom is skipped as an annotation" 0 '^  (@custom "z" (after code) "w"))$' $bin -d "$tmp/c4.wat" -e '(output)'
printf '(module binary (@custom "x" "y") "\\00asm\\01\\00\\00\\00")\n(module (@custom "k" (after func) "v") (func))\n(output)\n' > "$tmp/c5.wast"
check "a @custom among a binary module's strings is not a section of the next module" 0 '^  (@custom "k" (after func) "v"))$' $bin "$tmp/c5.wast"
check "which has that one only" 1 "" sh -c "$bin '$tmp/c5.wast' | grep '\"x\"'"
echo "1..$n"
exit $failed
