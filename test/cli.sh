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
printf '(module (type $f (func)) (type (cont $f)))' > "$tmp/cont.wat"
check "stack switching is on by default" 0 "" $bin -d "$tmp/cont.wat"
check "--features=wasm3 has no continuations" 1 "continuation types need stack switching" $bin -d --features=wasm3 "$tmp/cont.wat"
printf '(module\n  (func (i32.const 1) (drop) )\n  (nop))\n' > "$tmp/bad.wat"
check "a syntax error has a position" 1 "bad.wat:3:3: error: unexpected token (" $bin -d "$tmp/bad.wat"
printf '(module $m (func))\n(assert_malformed (module quote "(func (nop") "unexpected end")\n' > "$tmp/s.wast"
check "a script reports its assertions" 0 "1 passed, 0 failed" $bin -d "$tmp/s.wast"
check "-o prints a script" 0 "" $bin -d "$tmp/s.wast" -o "$tmp/out.wast"
check "the printed script runs the same" 0 "1 passed, 0 failed" $bin -d "$tmp/out.wast"
check "-o without a preceding file" 1 "error: nothing to write" $bin -o "$tmp/x.wat"
check "-o a module as binary" 0 "" $bin -d "$tmp/m.wat" -o "$tmp/m.wasm"
check "the binary starts with the magic" 0 "00 61 73 6d" od -An -tx1 -N4 "$tmp/m.wasm"
check "a binary module back to text" 0 "" $bin -d "$tmp/m.wasm" -o "$tmp/back.wat"
check "the text is the same" 0 "" cmp "$tmp/out.wat" "$tmp/back.wat"
check "-o a script with binary modules" 0 "" $bin -d "$tmp/s.wast" -o "$tmp/s.bin.wast"
check "the binary script has binary modules" 0 "module \$m binary" cat "$tmp/s.bin.wast"
check "the binary script runs the same" 0 "1 passed, 0 failed" $bin -d "$tmp/s.bin.wast"
printf '\000asm\001\000\000\000\001' > "$tmp/bad.wasm"
check "a malformed binary has an offset" 1 "bad.wasm:0x9: error: unexpected end" $bin -d "$tmp/bad.wasm"
check "a script cannot be written as a module" 1 "nothing to write" $bin -d "$tmp/s.wast" -o "$tmp/x.wasm"
echo "1..$n"
exit $failed
