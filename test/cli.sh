#!/bin/sh
# The command line: options, file types, -o conversions, and the error
# paths of the driver.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
bin=./wasmfx-ref
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

# check NAME EXPECTED-STATUS PATTERN COMMAND...: runs the command, checks its
# exit status and that its output (stdout and stderr) matches PATTERN.
check() {
  name=$1 want=$2 pattern=$3
  shift 3
  n=$((n + 1))
  out=$("$@" 2>&1)
  got=$?
  if [ "$got" -eq "$want" ] && printf '%s\n' "$out" | grep -q -- "$pattern"; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    echo "# exit status $got (expected $want); output:"
    printf '%s\n' "$out" | head -n 5 | sed 's/^/#   /'
    failed=1
  fi
}

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
check "missing file" 1 "nofile.wast: error: No such file" $bin "$tmp/nofile.wast"
printf '(module)' > "$tmp/m.txt"
check "unknown file type" 1 "unknown file type" $bin "$tmp/m.txt"
printf '(module\n  (func (result i32)\n    (i32.add (i32.const 1) (i32.const 2))))\n' > "$tmp/m.wat"
check "a module file" 0 "" $bin -d "$tmp/m.wat"
check "-o prints a module" 0 "" $bin -d "$tmp/m.wat" -o "$tmp/out.wat"
check "the printed module" 0 "i32.add" cat "$tmp/out.wat"
check "the printed module parses" 0 "" $bin -d "$tmp/out.wat"
printf '(module\n  (func (result i32)\n    (i64.const 1)))\n' > "$tmp/invalid.wat"
check "an invalid module has a position" 1 "invalid.wat:3:6: error: type mismatch: instruction requires \\[i32\\] but stack has \\[i64\\]" $bin -d "$tmp/invalid.wat"
check "-u does not validate" 0 "" $bin -d -u "$tmp/invalid.wat"
printf '(module)\n\n(module (func (result i32)))\n' > "$tmp/empty-body.wast"
check "an empty body's error is at its function" 1 "empty-body.wast:3:9: invalid module: type mismatch" $bin "$tmp/empty-body.wast"
printf '(module (type $f (func)) (type (cont $f)))' > "$tmp/cont.wat"
check "stack switching is on by default" 0 "" $bin -d "$tmp/cont.wat"
check "--features=wasm3 has no continuations" 1 "continuation types need stack switching" $bin -d --features=wasm3 "$tmp/cont.wat"
printf '(module\n  (func (i32.const 1) (drop) )\n  (nop))\n' > "$tmp/bad.wat"
check "a syntax error has a position" 1 "bad.wat:3:3: error: unexpected token (" $bin -d "$tmp/bad.wat"
printf '(module $m (func))\n(assert_malformed (module quote "(func (nop") "unexpected end")\n' > "$tmp/s.wast"
check "a script reports its assertions" 0 "1 passed, 0 failed" $bin -d "$tmp/s.wast"
check "-o prints a script" 0 "" $bin -d "$tmp/s.wast" -o "$tmp/out.wast"
check "the printed script runs the same" 0 "1 passed, 0 failed" $bin -d "$tmp/out.wast"
check "-o without a preceding module" 1 "error: no module defined" $bin -o "$tmp/x.wat"
check "-o a module as binary" 0 "" $bin -d "$tmp/m.wat" -o "$tmp/m.wasm"
check "the binary starts with the magic" 0 "00 61 73 6d" od -An -tx1 -N4 "$tmp/m.wasm"
check "a binary module back to text" 0 "" $bin -d "$tmp/m.wasm" -o "$tmp/back.wat"
check "the text is the same" 0 "" cmp "$tmp/out.wat" "$tmp/back.wat"
check "-o a script with binary modules" 0 "" $bin -d "$tmp/s.wast" -o "$tmp/s.bin.wast"
check "the binary script has binary modules" 0 "module \$m binary" cat "$tmp/s.bin.wast"
check "the binary script runs the same" 0 "1 passed, 0 failed" $bin -d "$tmp/s.bin.wast"
printf '\000asm\001\000\000\000\001' > "$tmp/bad.wasm"
check "a malformed binary has an offset" 1 "bad.wasm:0x9: error: unexpected end" $bin -d "$tmp/bad.wasm"
check "-o .wasm after a script writes its last module" 0 "" $bin -d "$tmp/s.wast" -o "$tmp/x.wasm"
check "which is the script's module" 0 "^  (func (type 0))" $bin -d "$tmp/x.wasm" -o "$tmp/x.wat" -e '(output)'
check "-o of an unknown file type" 1 "x.txt: error: unknown file type" $bin -d "$tmp/s.wast" -o "$tmp/x.txt"
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
check "a wrong result shows both values" 1 "run.wast:5:16: assertion failure: expected (i32.const 2), got (i32.const 1)" $bin "$tmp/run.wast"
check "a trap shows where" 1 "run.wast:6:1: runtime trap: integer divide by zero" $bin "$tmp/run.wast"
check "the trap's backtrace names the function" 1 "at \$inner (.*run.wast:2:" $bin "$tmp/run.wast"
check "the backtrace reaches the caller" 1 "at \$outer (.*run.wast:3:" $bin "$tmp/run.wast"
check "the count of a failing script" 1 "1 passed, 2 failed" $bin "$tmp/run.wast"
cat > "$tmp/script-errors.wast" <<'EOF'
(invoke "f")
(module $a (func (export "f") (param i32)))
(invoke $b "f")
(invoke "g")
(invoke "f")
(invoke "f" (i64.const 1))
(register "a" $nope)
(module (import "nowhere" "f" (func)))
(module instance $i $nodef)
(assert_unlinkable (module instance $nodef2) "unknown import")
EOF
check "no module yet" 1 "script-errors.wast:1:1: script error: no module instance to use" $bin "$tmp/script-errors.wast"
check "an unknown module" 1 "script-errors.wast:3:1: script error: unknown module \$b" $bin "$tmp/script-errors.wast"
check "an unknown export" 1 "script-errors.wast:4:1: script error: unknown export \"g\"" $bin "$tmp/script-errors.wast"
check "too few arguments" 1 "script-errors.wast:5:1: script error: wrong number of arguments" $bin "$tmp/script-errors.wast"
check "an argument of the wrong type" 1 "script-errors.wast:6:1: script error: wrong type of argument 1" $bin "$tmp/script-errors.wast"
check "registering an unknown module" 1 "script-errors.wast:7:1: script error: unknown module \$nope" $bin "$tmp/script-errors.wast"
check "an unknown import" 1 "script-errors.wast:8:.*: link failure: unknown import \"nowhere\" \"f\"" $bin "$tmp/script-errors.wast"
check "an unknown module definition" 1 "script-errors.wast:9:1: script error: unknown module definition \$nodef" $bin "$tmp/script-errors.wast"
check "an assertion on an unknown module definition" 1 "script-errors.wast:10:20: script error: unknown module definition \$nodef2" $bin "$tmp/script-errors.wast"
check "every error counts" 1 "0 passed, 9 failed" $bin "$tmp/script-errors.wast"
check "assertions on instances through .bin.wast" 0 "" $bin -d "$top_srcdir/test/core/instance.wast" -o "$tmp/instance.bin.wast"
check "the binary script runs the same" 0 "10 passed, 0 failed" $bin "$tmp/instance.bin.wast"
printf '(module (func (export "f") (unreachable)) (start 0))\n' > "$tmp/start.wat"
check "a module file runs its start function" 1 "start.wat:1:.*: error: unreachable" $bin "$tmp/start.wat"
check "-d does not run it" 0 "" $bin -d "$tmp/start.wat"

printf '(module (func (export "f") (result i32) (i32.add (i32.const 1) (i32.const 2))))\n(assert_return (invoke "f") (i32.const 3))\n' > "$tmp/trace.wast"
check "--trace shows each step with its operands" 0 "1 frame{func 0} | i32.add (.*trace.wast:1:42) | (i32.const 1) (i32.const 2)" $bin --trace "$tmp/trace.wast"

# Limits: each ends a run with its own error, and nothing else breaks.
# (spectest's memory counts towards --max-memory.)
check "the collector makes a small heap enough" 0 "5 passed, 0 failed" $bin --max-heap=4M "$top_srcdir/test/core/gc.wast"
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
check "a backtrace goes through the resume" 1 "at func 3 (.*cont.wast:11:39)" $bin "$tmp/cont.wast"
check "a suspension nothing handles" 1 "cont.wast:20:1: unhandled suspension: unhandled tag" $bin "$tmp/cont.wast"
check "--trace shows the prompt of a continuation" 1 "2 prompt frame{\$sus} | suspend 0" $bin --trace "$tmp/cont.wast"
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
check "limits end runs cleanly" 0 "8 passed, 0 failed" $bin --max-heap=4M --max-depth=50 --fuel=1000000 --max-memory=192K "$tmp/limits.wast"
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
check "alone, it cannot" 1 'unknown import "A" "f"' $bin "$tmp/b.wast"
check "-e runs a command after a file, in its state" 1 "^-e:1:16: assertion failure: expected (i32.const 7), got (i32.const 42)" \
  $bin "$tmp/a.wast" "$tmp/b.wast" -e '(assert_return (invoke "g") (i32.const 7))'
check "-e names a module of an earlier file" 0 "" $bin "$tmp/a.wast" -e '(assert_return (invoke $A "f" (i32.const 1)) (i32.const 2))'
check "-e reports its syntax errors" 1 "^-e:1:2: error: unknown operator nope" $bin -e '(nope)'
check "-e needs a command" 2 "-e needs a command" $bin -e
check "- reads a script from standard input" 0 "1 passed, 0 failed" sh -c "cat '$tmp/a.wast' '$tmp/b.wast' | $bin -"
$bin -d "$tmp/a.wast" -o "$tmp/a.wasm" > /dev/null
check "- reads a binary module from standard input" 1 "expected (i32.const 0), got (i32.const 3)" \
  sh -c "$bin - -e '(assert_return (invoke \"f\" (i32.const 2)) (i32.const 0))' < '$tmp/a.wasm'"
check "a missing file is an i/o error" 1 "nofile.wasm: error: No such file" $bin "$tmp/nofile.wasm"
# (input), (output), (script)
printf '(input $m "%s")\n(assert_return (invoke $m "f" (i32.const 2)) (i32.const 3))\n(output $m "%s")\n(output $m)\n' \
  "$tmp/a.wasm" "$tmp/in.wat" > "$tmp/input.wast"
check "(input \$m) runs a module file and names it" 0 "1 passed, 0 failed" $bin "$tmp/input.wast"
check "(output \$m) with no file prints the module" 0 '^  (export "f" (func 0)))' $bin "$tmp/input.wast"
check "(output \$m \"file\") wrote it as text" 0 '(func (type 0)' cat "$tmp/in.wat"
printf '(input "%s")\n(input "%s")\n' "$tmp/a.wast" "$tmp/b.wast" > "$tmp/both.wast"
check "(input) of scripts shares their registry and counts their assertions" 0 "1 passed, 0 failed" $bin "$tmp/both.wast"
printf '(input "%s")\n' "$tmp/self.wast" > "$tmp/self.wast"
check "an (input) of itself stops" 1 "input nested too deeply" $bin "$tmp/self.wast"
printf '(input "%s")\n' "$tmp/nofile.wast" > "$tmp/missing.wast"
check "(input) of a missing file" 1 "missing.wast:1:1: .*nofile.wast: i/o error: No such file" $bin "$tmp/missing.wast"
cat > "$tmp/script.wast" <<'EOF'
(script $s
  (module (func (export "f") (result i32) (i32.const 5)))
  (output "no-such-dir/x.wat")
  (assert_return (invoke "f") (i32.const 5)))
(module (func (export "f") (result i32) (i32.const 6)))
(assert_return (invoke "f") (i32.const 6))
EOF
check "(script) runs its commands; a failed (output) is reported" 1 "script.wast:3:3: .*no-such-dir/x.wat" $bin "$tmp/script.wast" -o "$tmp/whole.wast"
$bin "$tmp/script.wast" -e "(output \$s \"$tmp/s-only.wast\")" > /dev/null 2>&1
check "(script \$s) names its commands, without meta commands" 1 "" sh -c "grep 'output\|i32.const 6' '$tmp/s-only.wast'"
check "which run as they ran" 0 "1 passed, 0 failed" $bin "$tmp/s-only.wast"
check "-o after a script writes what it ran" 0 "2 passed, 0 failed" $bin "$tmp/whole.wast"
check "-o .wast after a module file writes it as a script" 0 "" $bin -d "$tmp/a.wasm" -o "$tmp/a1.wast"
check "which has the module" 0 "^(module" cat "$tmp/a1.wast"
check "(output) of an unknown module" 1 "unknown module \$nope" $bin -e '(output $nope "x.wat")'
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
