#!/bin/sh
# Adversarial inputs (issue 13): deep nesting in text and binary, huge
# counts, lying sizes, runaway programs, table and memory bombs, lexer
# stress.  Each input is generated here (gen.sh), never stored; each case
# asserts its outcome (exit status and message) and that the run stays
# within a bound of CPU time and peak memory, a resource limit measured by
# /usr/bin/time, not a timing claim.  Output is TAP: two lines a case.
top_srcdir=${top_srcdir:-$(dirname "$0")/../..}
. "$top_srcdir/test/lib.sh"
. "$top_srcdir/test/adversarial/gen.sh"
# Exit statuses, from the table in --help.
malformed=3 invalid=4 unlinkable=5 trap=6 exhausted=9 fuel=10 timeout=11
# Every run is bounded, so nothing needs the machine's memory.
lim="--max-heap=256M --max-memory=256M --fuel=100000000"

# The bounds are ~5-10x the figures measured on a plain build; a sanitizer
# build runs slower and ASan's shadow memory and quarantine add to the peak;
# a stress build collects at every allocation.
cpu_scale=1 mb_scale=1 mb_extra=0
case $LIB_CFLAGS in
  *-fsanitize=*address*) cpu_scale=10 mb_scale=3 mb_extra=600 ;;
esac
case $STRESS_CFLAGS in
  *GC_STRESS*) cpu_scale=$((cpu_scale * 10)) ;;
esac
have_time=true
[ -x /usr/bin/time ] || have_time=false

# With ADVERSARIAL_SEEDS set to a folder, each input of a case (up to the
# fuzzers' 64 KiB) is also copied there: test/fuzz/run.sh seeds its corpus
# with them.
keep_seed() {
  [ -n "$ADVERSARIAL_SEEDS" ] || return 0
  for a; do
    case $a in "$tmp"/*)
      [ -f "$a" ] && [ "$(wc -c <"$a")" -le 65536 ] && cp "$a" "$ADVERSARIAL_SEEDS/a$n-${a##*/}" ;;
    esac
  done
  return 0
}

# run_case NAME STATUS PATTERN CPU MB -- COMMAND...: runs COMMAND (its
# stdout and stderr in $tmp/out and $tmp/err), gives the verdict on its
# status and output as lib.sh's check does, then one more on its user+sys
# CPU seconds (at most CPU) and its peak resident memory (at most MB
# megabytes), both scaled for the build.
run_case() {
  name=$1 want=$2 pattern=$3 cpu=$(($4 * cpu_scale)) mb=$(($5 * mb_scale + mb_extra))
  shift 5
  [ "$1" = -- ] && shift
  keep_seed "$@"
  if $have_time; then
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err"
  else
    "$@" >"$tmp/out" 2>"$tmp/err"
  fi
  got=$?
  verdict "$name" "$want" "$got" "$pattern" output "$(cat "$tmp/out" "$tmp/err")"
  n=$((n + 1))
  if ! $have_time; then
    echo "ok $n - $name: within bounds # SKIP /usr/bin/time not installed"
    return
  fi
  # The last line: time's first says so if the command died of a signal.
  set -- $(tail -n 1 "$tmp/time")
  used=$(awk -v u="$2" -v s="$3" 'BEGIN { printf "%.2f", u + s }') kb=$4
  if awk -v t="$used" -v c="$cpu" -v k="$kb" -v m="$mb" 'BEGIN { exit !(t <= c && k <= m * 1024) }'
  then
    echo "ok $n - $name: within $cpu s and $mb MB (took $used s, $((kb / 1024)) MB)"
  else
    echo "not ok $n - $name: took $used s CPU and $((kb / 1024)) MB, beyond $cpu s and $mb MB"
    failed=1
  fi
}

# The position of an error in a text file and in a binary one.
at='^[^ ]*:[0-9]*:[0-9]*: '
at_bin='^[^ ]*:0x[0-9a-f]*: '

# ---- Deep nesting in text: parentheses and blocks are held to the nesting
# limit (100000) as they open, which bounds the parser's stack; beyond it
# the error names the position and the depth.  Nested comments need no stack.
deep="resource exhaustion: nesting too deep: depth 100001 is beyond this implementation's limit of 100000"
for d in 10000 99998 100000 1000000; do
  # (module (func: two levels before the blocks.
  want=0 pattern=''
  [ $d -gt 99998 ] && want=$exhausted pattern="${at}$deep"
  { printf '(module (func (export "f") '; nest $d '(block ' '' ')'; printf '))'; } >"$tmp/in.wat"
  run_case "text: folded blocks $d deep" $want "$pattern" 2 100 -- $bin $lim "$tmp/in.wat" --invoke f
done
for d in 10000 100000 100001 1000000; do
  want=0 pattern=''
  [ $d -gt 100000 ] && want=$exhausted pattern="${at}$deep"
  { printf '(module (func (export "f") '; nest $d 'block ' '' 'end '; printf '))'; } >"$tmp/in.wat"
  run_case "text: flat blocks $d deep" $want "$pattern" 2 100 -- $bin $lim "$tmp/in.wat" --invoke f
done
for d in 10000 100000 1000000; do
  { nest $d '(;' ' ' ';)'; printf '(module)'; } >"$tmp/in.wat"
  run_case "text: block comments $d deep" 0 '' 2 60 -- $bin $lim "$tmp/in.wat"
done
{ printf '(module (func '; nest 100000 '(loop ' '' ')'; printf '))'; } >"$tmp/in.wat"
run_case "text: folded loops 100000 deep" $exhausted "${at}$deep" 2 60 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func '; nest 100000 '(if (i32.const 0) (then ' '' '))'; printf '))'; } >"$tmp/in.wat"
run_case "text: folded ifs 100000 deep" $exhausted "${at}$deep" 2 60 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func '; nest 100001 'i32.const 0 if ' '' 'end '; printf '))'; } >"$tmp/in.wat"
run_case "text: flat ifs 100001 deep" $exhausted "${at}$deep" 2 60 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func '; nest 100000 '(try_table ' '' ')'; printf '))'; } >"$tmp/in.wat"
run_case "text: try_tables 100000 deep" $exhausted "${at}$deep" 2 60 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func (result i32) '; nest 100000 '(i32.add (i32.const 1) ' '(i32.const 0)' ')'; printf '))'; } >"$tmp/in.wat"
run_case "text: folded i32.add 100000 deep" $exhausted "${at}$deep" 2 60 -- $bin $lim "$tmp/in.wat"
{ printf '(module '; nest 1000000 '(' '' ')'; printf ')'; } >"$tmp/in.wat"
run_case "text: 1000000 bare parentheses" $malformed "${at}error: unexpected token (" 2 60 -- $bin $lim "$tmp/in.wat"
nest 100000 '(module ' '' ')' >"$tmp/in.wast"
run_case "script: modules 100000 deep" $malformed "${at}error: unexpected token module" 2 60 -- $bin $lim "$tmp/in.wast"
rep 1000000 '(;' >"$tmp/in.wat"
run_case "text: 1000000 block comments unclosed" $malformed "${at}error: unclosed comment" 2 60 -- $bin $lim "$tmp/in.wat"

# ---- Deep nesting in binary: the decoder and validator keep their control
# stacks on the heap; the same nesting limit holds.
for d in 10000 100000 100001 1000000; do
  want=0 pattern=''
  [ $d -gt 100000 ] && want=$exhausted pattern="${at_bin}$deep"
  nest $d 0240 '' 0b | bin | func_module >"$tmp/in.wasm"
  run_case "binary: blocks $d deep" $want "$pattern" 5 300 -- $bin $lim "$tmp/in.wasm" --invoke f
done
nest 100000 '410004 40' '' 0b | bin | func_module >"$tmp/in.wasm"
run_case "binary: ifs 100000 deep" 0 '' 5 200 -- $bin $lim "$tmp/in.wasm" --invoke f
nest 100000 0340 '' 0b | bin | func_module >"$tmp/in.wasm"
run_case "binary: loops 100000 deep" 0 '' 5 200 -- $bin $lim "$tmp/in.wasm" --invoke f
# A million operands on the value stack, then a million adds.
{ rep 1000000 4101; rep 999999 6a; echo 1a; } | bin | func_module >"$tmp/in.wasm"
run_case "binary: 1000000 operands deep" 0 '' 5 400 -- $bin $lim "$tmp/in.wasm" --invoke f
# Block types from the type section, 100000 deep, each taking its operand.
nest 100000 '0200' '' 0b | bin | func_module >"$tmp/in.wasm"
run_case "binary: typed blocks 100000 deep" 0 '' 5 200 -- $bin $lim "$tmp/in.wasm" --invoke f

# ---- Huge counts.
{ printf '(module (func $f)'; seq_fmt 100000 '(export "e%d" (func $f))'; printf ')'; } >"$tmp/in.wat"
run_case "100000 exports" 0 '' 3 200 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func $f)'; seq_fmt 1000000 '(export "e%d" (func $f))'; printf ')'; } >"$tmp/in.wat"
run_case "1000000 exports" 0 '' 10 1000 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func $f)'; seq_fmt 999999 '(export "e%d" (func $f))'; printf '(export "e0" (func $f)))'; } >"$tmp/in.wat"
run_case "1000000 exports, the last a duplicate" $invalid "${at}error: duplicate export name" 10 1000 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func (export "f") (result i32)'; rep 50000 '(local i32)'; printf ' (local.get 49999)))'; } >"$tmp/in.wat"
run_case "50000 locals" 0 '^0 : \[i32\]' 2 60 -- $bin $lim "$tmp/in.wat" --invoke f
{ printf '(module (func (export "f") '; rep 1000 '(param i32)'; printf '(result i32) (local.get 999)))'; } >"$tmp/in.wat"
run_case "1000 params" 0 '' 2 60 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func (export "f") (param i32) (result i32) (block (br_table '; rep 100000 '0 '
  printf '0 (local.get 0))) (i32.const 7)))'; } >"$tmp/in.wat"
run_case "br_table of 100000 targets" 0 '^7 : \[i32\]' 2 60 -- $bin $lim "$tmp/in.wat" --invoke f 99999
{ printf '(module '; rep 100000 '(table 1 funcref)'; printf ')'; } >"$tmp/in.wat"
run_case "100000 tables" 0 '' 5 300 -- $bin $lim "$tmp/in.wat"
{ printf '(module (rec '; rep 100000 '(type (struct))'; printf '))'; } >"$tmp/in.wat"
run_case "rec group of 100000 types" 0 '' 5 300 -- $bin $lim "$tmp/in.wat"
# 100000 types, each a subtype of and referring to the one before.
{ printf '(module (type $t0 (sub (struct)))'; awk 'BEGIN { for (i = 1; i < 100000; i++)
    printf "(type $t%d (struct (field (ref null $t%d))))", i, i - 1 }'; printf ')'; } >"$tmp/in.wat"
run_case "chain of 100000 types" 0 '' 5 300 -- $bin $lim "$tmp/in.wat"
# Subtyping 63 deep (the JS API's limit), the deepest cast to the top and
# back; 100000 deep is beyond it.
subchain() {
  printf '(module (type $t0 (sub (struct)))'
  awk -v n="$1" 'BEGIN { for (i = 1; i < n; i++) printf "(type $t%d (sub $t%d (struct)))", i, i - 1 }'
  printf '(func (export "f") (result i32) (ref.test (ref $t%d) (ref.cast (ref $t0) (struct.new $t%d)))))' $(($1 - 1)) $(($1 - 1))
}
subchain 64 >"$tmp/in.wat"
run_case "subtyping 63 deep" 0 '^1 : \[i32\]' 2 60 -- $bin $lim "$tmp/in.wat" --invoke f
subchain 100000 >"$tmp/in.wat"
run_case "subtyping 100000 deep" $exhausted "${at}resource exhaustion: subtype depth 64 is beyond" 5 300 -- $bin $lim "$tmp/in.wat"
{ printf '(module (memory 1)'; rep 100000 '(data (i32.const 0) "a")'; printf ')'; } >"$tmp/in.wat"
run_case "100000 data segments" 0 '' 5 300 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func $f) (table 1 funcref)'; rep 100000 '(elem (i32.const 0) $f)'; printf ')'; } >"$tmp/in.wat"
run_case "100000 elem segments" 0 '' 5 300 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func (export "'; rep 1000000 x; printf '")))'; } >"$tmp/in.wat"
run_case "export name of 1000000 bytes" 0 '' 2 60 -- $bin $lim "$tmp/in.wat"
{ printf '(module (func $'; rep 1000000 x; printf ' (export "f") (call $'; rep 1000000 x; printf ')))'; } >"$tmp/in.wat"
run_case "identifier of 1000000 bytes" $exhausted 'call stack exhausted' 2 60 -- $bin $lim "$tmp/in.wat" --invoke f
{ printf '(module (memory 160) (data (i32.const 0) "'; rep 10000000 '\00'; printf '"))'; } >"$tmp/in.wat"
run_case "string of 10000000 escapes" 0 '' 5 200 -- $bin $lim "$tmp/in.wat"

# ---- Lying sizes: every count and length is checked against the bytes
# left before anything is allocated for it.
h='0061736d 01000000'
type='01 04 01 60 00 00  03 02 01 00'
bad() {  # bad NAME PATTERN HEX...: a malformed binary module, at a position
  name=$1 pattern=$2
  shift 2
  b "$@" >"$tmp/in.wasm"
  run_case "binary: $name" $malformed "${at_bin}error: $pattern" 2 60 -- $bin $lim "$tmp/in.wasm"
}
bad 'section size beyond the end' 'length out of bounds' $h 01 ffffff0f 00
bad 'section size past the last byte' 'length out of bounds' $h 01 10 01 60 00 00
bad 'vector count of 2^32-1' 'unexpected end of section or function' $h 01 05 ffffffff0f
bad 'vector count above the bytes left' 'unexpected end of section or function' $h 01 03 02 60 00
bad 'LEB128 of 6 bytes' 'integer representation too long' $h 01 07 8180808080 00 00
bad 'LEB128 with bits beyond 32' 'integer too large' $h 01 06 ffffffff7f 00
bad 'section size LEB128 of 6 bytes' 'integer representation too long' $h 01 868080808000 01 60 00 00
bad 'LEB128 unterminated at the end' 'unexpected end' $h 01 8080
bad 'truncated magic' 'unexpected end' 0061 73
bad 'bad magic' 'magic header not detected' 0061736e 01000000
bad 'bad version' 'unknown binary version' 0061736d 02000000
bad 'section id 0x7f' 'malformed section id' $h 7f 00
bad 'export name length of 2^32-1' 'length out of bounds' $h $type 07 07 01 ffffffff0f 00 00
bad 'export name length past the section' 'length out of bounds' $h $type 07 05 01 10 66 00 00
bad 'custom section name length lies' 'unexpected end' $h 00 03 ffffff
bad 'code body size of 2^32-1' 'length out of bounds' $h $type 0a 05 01 ffffff0f 00
bad 'code body size past the section' 'length out of bounds' $h $type 0a 04 01 09 00 0b
bad 'code body size short of the body' 'section size mismatch' $h $type 0a 04 01 01 00 0b
bad 'data count 1, no data' 'data count and data section have inconsistent lengths' $h 05 03 01 00 01 0c 01 02 0b 04 01 01 00 00
bad '2 functions, 1 body' 'function and code section have inconsistent lengths' $h 01 04 01 60 00 00 03 03 02 00 00 0a 04 01 02 00 0b
bad 'local counts adding past 2^32' 'too many locals' $h $type 0a 0f 01 0d 02 ffffffff0f 7f ffffffff0f 7f 0b
bad 'data length of 2^32-1' 'unexpected end of section or function' $h 05 03 01 00 01 0b 0a 01 00 41 00 0b ffffffff0f
bad 'br_table of 2^32-1 targets' 'unexpected end of section or function' \
  $h 01 05 01 60 01 7f 00 03 02 01 00 0a 0b 01 09 00 20 00 0e ffffffff0f 00 0b
bad 'rec group of 2^32-1 types' 'unexpected end of section or function' $h 01 06 01 4e ffffffff0f
bad 'struct of 2^32-1 fields' 'unexpected end of section or function' $h 01 07 01 5f ffffffff0f
bad 'elem segment of 2^32-1 functions' 'unexpected end of section or function' \
  $h $type 04 04 01 70 00 01 09 0a 01 00 41 00 0b ffffffff0f
b $h $type 0a 0a 01 08 01 ffffffff0f 7f 0b >"$tmp/in.wasm"
run_case "binary: 2^32-1 locals" $exhausted "${at_bin}resource exhaustion: too many locals" 2 60 -- $bin $lim "$tmp/in.wasm"
b $h 05 07 01 00 ffffffff0f >"$tmp/in.wasm"
run_case "binary: memory of 2^32-1 pages" $invalid "${at_bin}error: memory size must be at most 65536" 2 60 -- $bin $lim "$tmp/in.wasm"
b $h 05 0c 01 04 ffffffffffffffffff01 >"$tmp/in.wasm"
run_case "binary: memory64 of 2^64-1 pages" $invalid "${at_bin}error: memory size must be at most" 2 60 -- $bin $lim "$tmp/in.wasm"
b $h 04 08 01 70 00 ffffffff0f >"$tmp/in.wasm"
run_case "binary: table of 2^32-1 entries" $exhausted "${at_bin}resource exhaustion: out of memory: a table of 4294967295 entries is beyond the limit" 2 60 -- $bin $lim "$tmp/in.wasm"

# ---- Runaway programs end by fuel, the call stack, the heap or the clock.
run=--fuel=10000000
prog() {  # prog NAME STATUS PATTERN CPU MB WAT [OPTION...]: invokes WAT's "f"
  name=$1 want=$2 pattern=$3 cpu=$4 mb=$5
  printf '%s\n' "$6" >"$tmp/in.wat"
  shift 6
  run_case "$name" "$want" "$pattern" "$cpu" "$mb" -- $bin $lim $run "$@" "$tmp/in.wat" --invoke f
}
prog 'infinite loop' $fuel '^--invoke:1:1: implementation limit: out of fuel' 3 60 \
  '(module (func (export "f") (loop (br 0))))'
prog 'infinite loop, timeout' $timeout 'timeout: the run took more than its time limit of 1 s' 5 60 \
  '(module (func (export "f") (loop (br 0))))' --fuel=100000000000 --timeout=1
prog 'infinite recursion' $exhausted 'resource exhaustion: call stack exhausted' 2 100 \
  '(module (func $f (export "f") (call $f)))'
prog 'infinite recursion, 4 i64 arguments' $exhausted 'resource exhaustion: call stack exhausted' 2 100 \
  '(module (func $g (param i64 i64 i64 i64) (call $g (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
     (func (export "f") (call $g (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4))))'
prog 'infinite recursion, catching everything' $exhausted 'resource exhaustion: call stack exhausted' 2 100 \
  '(module (func $f (export "f") (try_table (catch_all 0) (call $f))))'
prog 'endless tail calls' $fuel 'out of fuel' 3 60 \
  '(module (func $f (export "f") (return_call $f)))'
prog 'mutual recursion through call_indirect' $exhausted 'resource exhaustion: call stack exhausted' 2 100 \
  '(module (type $t (func)) (table funcref (elem $a $b))
     (func $a (export "f") (call_indirect (type $t) (i32.const 1)))
     (func $b (call_indirect (type $t) (i32.const 0))))'
prog 'mutual tail calls through return_call_indirect' $fuel 'out of fuel' 3 60 \
  '(module (type $t (func)) (table funcref (elem $a $b))
     (func $a (export "f") (return_call_indirect (type $t) (i32.const 1)))
     (func $b (return_call_indirect (type $t) (i32.const 0))))'
prog 'recursion through call_ref' $exhausted 'resource exhaustion: call stack exhausted' 2 100 \
  '(module (type $t (func)) (elem declare func $f) (func $f (export "f") (call_ref $t (ref.func $f))))'
prog 'resume nested without end' $exhausted 'resource exhaustion: call stack exhausted' 3 300 \
  '(module (type $ft (func)) (type $ct (cont $ft)) (elem declare func $f)
     (func $f (export "f") (resume $ct (cont.new $ct (ref.func $f)))))'
prog 'suspend in an endless loop' $fuel 'out of fuel' 3 100 \
  '(module (type $ft (func)) (type $ct (cont $ft)) (tag $y) (elem declare func $g)
     (func $g (loop (suspend $y) (br 0)))
     (func (export "f") (local $k (ref null $ct)) (local.set $k (cont.new $ct (ref.func $g)))
       (loop $l (block $h (result (ref $ct)) (resume $ct (on $y $h) (local.get $k)) (return))
         (local.set $k) (br $l))))'
prog 'switch back and forth forever' $fuel 'out of fuel' 3 100 \
  '(module (rec (type $ft (func (param (ref null $ct)))) (type $ct (cont $ft))) (tag $s)
     (elem declare func $g)
     (func $g (type $ft) (param $k (ref null $ct)) (loop (local.set $k (switch $ct $s (local.get $k))) (br 0)))
     (func (export "f") (resume $ct (on $s switch)
       (cont.new $ct (ref.func $g)) (cont.new $ct (ref.func $g)))))'
prog 'cont.new in a loop' $fuel 'out of fuel' 5 200 \
  '(module (type $ft (func)) (type $ct (cont $ft)) (elem declare func $f)
     (func $f (export "f") (loop (drop (cont.new $ct (ref.func $f))) (br 0))))'
prog 'exceptions thrown in a loop' $fuel 'out of fuel' 5 400 \
  '(module (tag $e (param i32))
     (func (export "f") (loop (block $h (result i32) (try_table (catch $e $h) (throw $e (i32.const 1)))
       (unreachable)) (drop) (br 0))))'

# ---- Heap bombs: what a loop keeps alive, the heap limit ends.  A build
# that collects at every allocation would take quadratic time to fill 256M,
# so it fills a smaller heap (the outcome is the same).
heap=--max-heap=256M
case $STRESS_CFLAGS in *GC_STRESS*) heap=--max-heap=8M ;; esac
full='resource exhaustion: out of memory: objects and stacks need more than the heap limit'
run=--fuel=1000000000
prog 'arrays kept in a table' $exhausted "$full" 5 600 \
  '(module (type $a (array (mut i64))) (table $t 0 (ref null $a))
     (func (export "f") (loop (drop (table.grow $t (array.new_default $a (i32.const 131072)) (i32.const 1))) (br 0))))' $heap
prog 'arrays kept in a struct chain' $exhausted "$full" 10 600 \
  '(module (type $a (array (mut i64))) (type $s (struct (field (ref null $s)) (field (ref $a))))
     (func (export "f") (local $l (ref null $s))
       (loop (local.set $l (struct.new $s (local.get $l) (array.new_default $a (i32.const 8192)))) (br 0))))' $heap
prog 'a chain of small structs' $exhausted "$full" 10 200 \
  '(module (type $s (struct (field (ref null $s))))
     (func (export "f") (local $l (ref null $s)) (loop (local.set $l (struct.new $s (local.get $l))) (br 0))))' --max-heap=16M
prog 'continuations kept in a table' $exhausted "$full" 10 600 \
  '(module (type $ft (func)) (type $ct (cont $ft)) (table $t 0 (ref null $ct)) (elem declare func $f)
     (func $f (export "f") (loop (drop (table.grow $t (cont.new $ct (ref.func $f)) (i32.const 1))) (br 0))))' $heap
prog 'suspended continuations kept in a table' $exhausted "$full" 10 600 \
  '(module (type $ft (func)) (type $ct (cont $ft)) (tag $y) (table $t 0 (ref null $ct)) (elem declare func $g)
     (func $g (suspend $y))
     (func (export "f") (loop (block $h (result (ref $ct)) (resume $ct (on $y $h) (cont.new $ct (ref.func $g)))
       (unreachable)) (drop (table.grow $t (i32.const 1))) (br 0))))' $heap
prog 'an i64 array of 2^31 elements' $exhausted "$full" 2 60 \
  '(module (type $a (array (mut i64)))
     (func (export "f") (result i32) (array.len (array.new_default $a (i32.const 0x80000000)))))'
prog 'an i64 array of 2^32-1 elements' $exhausted "$full" 2 60 \
  '(module (type $a (array (mut i64)))
     (func (export "f") (result i32) (array.len (array.new_default $a (i32.const -1)))))'

# ---- Memory and table bombs: a limit on all memories and on all tables
# together; growing beyond it fails as the spec lets it, -1.
prog 'memory.grow a page at a time to the limit' 0 '^1_023 : \[i32\]' 5 200 \
  '(module (memory 0) (func (export "f") (result i32) (local $n i32)
     (block $d (loop $l (br_if $d (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
       (local.set $n (i32.add (local.get $n) (i32.const 1))) (br $l))) (local.get $n)))' --max-memory=64M
prog 'memory.grow by 4 GiB' 0 '^-1 : \[i32\]' 2 60 \
  '(module (memory 0) (func (export "f") (result i32) (memory.grow (i32.const 65536))))'
prog 'table.grow by 200000000' 0 '^-1 : \[i32\]' 2 60 \
  '(module (table $t 0 funcref) (func (export "f") (result i32) (table.grow $t (ref.null func) (i32.const 200000000))))'
prog 'table.grow by 100000000 beyond --max-tables' 0 '^-1 : \[i32\]' 2 60 \
  '(module (table $t 0 funcref) (func (export "f") (result i32) (table.grow $t (ref.null func) (i32.const 100000000))))' \
  --max-tables=10000000
prog 'table.grow a million at a time to --max-tables' 0 '^9 : \[i32\]' 5 300 \
  '(module (table $t 0 funcref) (func (export "f") (result i32) (local $n i32)
     (block $d (loop $l (br_if $d (i32.eq (table.grow $t (ref.null func) (i32.const 1000000)) (i32.const -1)))
       (local.set $n (i32.add (local.get $n) (i32.const 1))) (br $l))) (local.get $n)))' --max-tables=10000000
prog 'a table of 2^32-1 entries' $exhausted \
  "${at}resource exhaustion: out of memory: a table of 4294967295 entries is beyond the limit" 2 60 \
  '(module (table 0xffffffff funcref) (func (export "f")))'
prog 'a table of 100000000 entries beyond --max-tables' $exhausted \
  "${at}resource exhaustion: out of memory: a table of 100000000 entries is beyond the limit of 10000000" 2 60 \
  '(module (table 100000000 funcref) (func (export "f")))' --max-tables=10000000
prog 'seven tables of 2000000 entries beyond --max-tables' $exhausted \
  "${at}resource exhaustion: out of memory: a table of 2000000 entries is beyond the limit of 10000000" 5 300 \
  '(module (table 2000000 funcref) (table 2000000 funcref) (table 2000000 funcref) (table 2000000 funcref)
     (table 2000000 funcref) (table 2000000 funcref) (table 2000000 funcref) (func (export "f")))' --max-tables=10000000
rep 5000 '(module (memory 1))
' >"$tmp/in.wast"
run_case "5000 modules of a memory each" $exhausted \
  "^[^ ]*:4096:1: resource exhaustion: out of memory: a memory of 1 pages is beyond the limit" 10 600 -- $bin $lim "$tmp/in.wast"
rep 200 '(module (table 100000 funcref))
' >"$tmp/in.wast"
run_case "200 modules of a table each, beyond --max-tables" $exhausted \
  "^[^ ]*:100:1: resource exhaustion: out of memory: a table of 100000 entries is beyond the limit" 10 600 -- $bin $lim --max-tables=10000000 "$tmp/in.wast"
# A module defined and instantiated counts twice towards --max-modules.
rep 50001 '(module)
' >"$tmp/in.wast"
run_case "50001 modules" $exhausted "^[^ ]*:50001:1: resource exhaustion: too many modules" 10 600 -- $bin $lim "$tmp/in.wast"
rep 501 '(module (func (export "f")))
(invoke "f")
' >"$tmp/in.wast"
run_case "501 modules beyond --max-modules=1000" $exhausted "^[^ ]*:1001:1: resource exhaustion: too many modules" 5 200 -- $bin $lim --max-modules=1000 "$tmp/in.wast"

# ---- Lexer stress: a token of a million characters costs one pass, and a
# message quotes at most a line's start of it.
lex() {  # lex NAME STATUS PATTERN TEXT-BEFORE N UNIT TEXT-AFTER: UNIT N times between
  name=$1 want=$2 pattern=$3
  { printf '%s' "$4"; rep "$5" "$6"; printf '%s' "$7"; } >"$tmp/in.wat"
  run_case "text: $name" "$want" "$pattern" 2 60 -- $bin $lim "$tmp/in.wat" --invoke f
}
fn='(module (func (export "f") (result'
lex 'i32 literal of 1000000 digits' $malformed "${at}error: constant out of range" "$fn i32) (i32.const " 1000000 1 ')))'
lex 'i32 literal of 1000000 underscores' $malformed "${at}error: constant out of range" "$fn i32) (i32.const 1" 1000000 _1 ')))'
lex 'i64 literal of 1000000 leading zeros' 0 '^1 : \[i64\]' "$fn i64) (i64.const 0x" 1000000 0 '1)))'
lex 'f64 literal of 1000000 nines' 0 '^1 : \[f64\]' "$fn f64) (f64.const 0." 1000000 9 ')))'
lex 'f64 literal of 1000001 digits' $malformed "${at}error: constant out of range" "$fn f64) (f64.const 1" 1000000 0 ')))'
lex 'hex f64 literal of 1000000 digits' 0 '^1 : \[f64\]' "$fn f64) (f64.const 0x1." 1000000 f 'p-1)))'
lex 'f32 literal of 1000000 zeros and exponent' 0 '^0.100_000_001' "$fn f32) (f32.const 0." 1000000 0 '1e1000000)))'
lex 'f32 exponent of 1000000 digits' $malformed "${at}error: constant out of range" "$fn f32) (f32.const 1e" 1000000 9 ')))'
lex 'NaN payload of 1000000 digits' $malformed "${at}error: constant out of range" "$fn f64) (f64.const nan:0x" 1000000 f ')))'
lex 'string unclosed at the end' $malformed "${at}error: unclosed string" '(module (memory 1) (data (i32.const 0) "' 1000000 a ''
lex 'escape at the end' $malformed "${at}error: illegal control character in string" '(module (memory 1) (data (i32.const 0) "' 1 '\' ''
lex 'operator of 1000000 letters' $malformed "${at}error: unknown operator a*$" '(module (func ' 1000000 a '))'
lex 'identifier unclosed at the end' $malformed "${at}error: unexpected end of input" '(module (func $' 1000000 a ''
lex '1000000 newlines to the end' $malformed '^[^ ]*:1000001:1: error: unexpected end of input' '(module (func ' 1000000 '
' ''
lex 'name of 1000000 bytes not UTF-8' $malformed "${at}error: malformed UTF-8 encoding" '(module (func (export "' 1000000 '\ff' '")))'

# ---- The JS API's limits on a module's size: beyond one, the module is
# refused as it is read, in either format, naming what and how many.
beyond='is beyond this implementation'"'"'s limit of'
lim_text() {  # lim_text NAME PATTERN TEXT-BEFORE N UNIT TEXT-AFTER
  name=$1 pattern=$2
  { printf '%s' "$3"; rep "$4" "$5"; printf '%s' "$6"; } >"$tmp/in.wat"
  run_case "$name" $exhausted "${at}resource exhaustion: $pattern $beyond" 10 1000 -- $bin $lim "$tmp/in.wat"
}
lim_text '50001 locals' 'too many locals: 50001' '(module (func' 50001 ' (local i32)' '))'
lim_text '1 param and 50000 locals' 'too many locals: 50001' '(module (func (param i32)' 50000 ' (local i32)' '))'
lim_text '1001 params' 'too many parameters: 1001' '(module (func' 1001 ' (param i32)' '))'
lim_text '1001 results' 'too many results: 1001' '(module (type (func' 1001 ' (result i32)' ')))'
lim_text '100001 tables' 'too many tables: 100001' '(module' 100001 ' (table 0 funcref)' ')'
lim_text '101 memories' 'too many memories: 101' '(module' 101 ' (memory 0)' ')'
lim_text '100001 data segments' 'too many data segments: 100001' '(module' 100001 ' (data "")' ')'
lim_text '10001 struct fields' 'too many struct fields: 10001' '(module (type (struct' 10001 ' (field i32)' ')))'
lim_text '1000000 struct fields' 'too many struct fields: 1000000' '(module (type (struct' 1000000 ' (field i32)' ')))'
lim_text 'array.new_fixed of 10001' 'too many operands of array.new_fixed: 10001' \
  '(module (type $a (array i32)) (func (drop (array.new_fixed $a 10001' 10001 ' (i32.const 1)' '))))'
lim_text '1000001 types, each a recursion group' 'too many recursion groups: 1000001' '(module' 1000001 ' (type (func))' ')'
lim_text 'a recursion group of 1000001 types' 'too many types: 1000001' '(module (rec' 1000001 ' (type (struct))' '))'
# The same in binary, each entry as short as it can be.
lim_bin() {  # lim_bin NAME PATTERN ID N OCTAL [PREFIX-HEX]: a section of N entries
  name=$1 pattern=$2
  shift 2
  vec_section "$@" >"$tmp/in.wasm"
  run_case "binary: $name" $exhausted "${at_bin}resource exhaustion: $pattern $beyond" 5 300 -- $bin $lim "$tmp/in.wasm"
}
functype='01 04 01 60 00 00'
lim_bin '1000001 types, each a recursion group' 'too many recursion groups: 1000001' 01 1000001 '\140\0\0'
lim_bin '1000001 functions' 'too many functions: 1000001' 03 1000001 '\0' "$functype"
lim_bin '1000001 imports' 'too many imports: 1000001' 02 1000001 '\0\0\0\0' "$functype"
lim_bin '1000001 exports' 'too many exports: 1000001' 07 1000001 '\0\0\0'
lim_bin '1000001 globals' 'too many globals: 1000001' 06 1000001 '\177\0\101\0\013'
lim_bin '1000001 tags' 'too many tags: 1000001' 0d 1000001 '\0\0' "$functype"
lim_bin '100001 data segments' 'too many data segments: 100001' 0b 100001 '\1\0'
lim_bin '100001 tables' 'too many tables: 100001' 04 100001 '\160\0\0'
lim_bin '101 memories' 'too many memories: 101' 05 101 '\0\0'
lim_bin '1001 params' 'too many parameters: 1001' 01 1 "\\140$(printf '\\351\\007'; rep 1001 '\177')\\0"
lim_bin '10001 struct fields' 'too many struct fields: 10001' 01 1 "\\137$(printf '\\221\\116'; rep 10001 '\177\0')"
{ b 01 4e "$(leb 1000001)"; reb 1000001 '\137\0'; } >"$tmp/types.bin"
{ header; section 01 "$tmp/types.bin"; } >"$tmp/in.wasm"
run_case "binary: a recursion group of 1000001 types" $exhausted "${at_bin}resource exhaustion: too many types: 1000001 $beyond" 5 300 -- $bin $lim "$tmp/in.wasm"
# A function body of 7654322 nops, one byte beyond the limit.
{ head -c 7654320 /dev/zero | tr '\0' '\1'; } | func_module >"$tmp/in.wasm"
run_case "binary: function body of 7654322 bytes" $exhausted "${at_bin}resource exhaustion: function body too large: 7654322 bytes $beyond" 5 200 -- $bin $lim "$tmp/in.wasm"

# ---- Modules as held in memory (--max-code): an instruction of one byte
# takes a decoded instruction, some 75 bytes, so a module far within the
# limits on its size can still be gigabytes once read; it stops at the limit.
{ head -c 7000000 /dev/zero | tr '\0' '\1'; } | func_module >"$tmp/in.wasm"
run_case "binary: 7000000 nops beyond --max-code=64M" $exhausted "${at_bin}resource exhaustion: out of memory" 5 300 -- $bin $lim --max-code=64M "$tmp/in.wasm"
{ printf '(module (func'; rep 1000000 ' nop'; printf '))'; } >"$tmp/in.wat"
run_case "text: 1000000 nops beyond --max-code=16M" $exhausted "${at}resource exhaustion: out of memory" 5 300 -- $bin $lim --max-code=16M "$tmp/in.wat"
run_case "text: 1000000 nops within the default --max-code" 0 "" 5 400 -- $bin $lim "$tmp/in.wat"

echo "1..$n"
exit $failed
