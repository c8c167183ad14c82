#!/bin/sh
# The limits of the machine: fuel bounds the work of every bulk instruction
# and of the handler search, --timeout ends an endless run with its own
# status, a heap, memory or table beyond its limit says which, a subtype
# hierarchy is at most 63 deep, a module beyond a limit on its size is
# refused, and a backtrace stays short however deep the recursion.  Nothing
# here depends on timing but the one --timeout check.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"
# Exit statuses, from the table in --help: 10 (fuel), 9 (resource
# exhaustion), 11 (timeout), 6 (trap).
limit=10 exhausted=9 timeout=11 trap=6

# check NAME EXPECTED-STATUS STREAM PATTERN COMMAND...: lib.sh's check on
# STREAM alone (out, err, or all: both), which stays in $tmp/STREAM for the
# tests after it.
check() {
  name=$1 want=$2 stream=$3 pattern=$4
  shift 4
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  cat "$tmp/out" "$tmp/err" >"$tmp/all"
  verdict "$name" "$want" "$got" "$pattern" "$stream" "$(cat "$tmp/$stream")"
}

# ---- Fuel: each bulk instruction pays for its elements (or 64 bytes), so
# with --fuel=1000 a big one runs out where a small one fits (the rate:
# interp/stack.c, "Fuel").
data=$(head -c 131072 /dev/zero | tr '\0' 'a')
elems=$(i=0; while [ $i -lt 2000 ]; do printf ' $f'; i=$((i + 1)); done)
{
  cat <<EOF
(module
  (type \$a (array (mut i8)))
  (type \$big (struct (field i64) (field i64) (field i64) (field i64) (field i64) (field i64) (field i64) (field i64)))
  (memory 64)
  (table \$t 2000 funcref)
  (data \$d "$data")
  (func \$f)
  (func (export "array.new") (param \$n i32) (drop (array.new \$a (i32.const 0) (local.get \$n))))
  (func (export "array.new_default") (param \$n i32) (drop (array.new_default \$a (local.get \$n))))
  (func (export "array.new_data") (param \$n i32) (drop (array.new_data \$a \$d (i32.const 0) (local.get \$n))))
  (func (export "array.fill") (param \$n i32)
    (array.fill \$a (array.new_default \$a (i32.const 600)) (i32.const 0) (i32.const 1) (local.get \$n)))
  (func (export "array.copy") (param \$n i32)
    (local \$x (ref \$a))
    (local.set \$x (array.new_default \$a (i32.const 600)))
    (array.copy \$a \$a (local.get \$x) (i32.const 1) (local.get \$x) (i32.const 0) (local.get \$n)))
  (func (export "array.init_data") (param \$n i32)
    (array.init_data \$a \$d (array.new_default \$a (i32.const 600)) (i32.const 0) (i32.const 0) (local.get \$n)))
  (func (export "struct.new_default") (param \$n i32)
    (loop \$l
      (drop (struct.new_default \$big))
      (br_if \$l (local.tee \$n (i32.sub (local.get \$n) (i32.const 1))))))
  (func (export "memory.fill") (param \$n i32) (memory.fill (i32.const 0) (i32.const 0) (local.get \$n)))
  (func (export "memory.copy") (param \$n i32) (memory.copy (i32.const 0) (i32.const 1) (local.get \$n)))
  (func (export "memory.init") (param \$n i32) (memory.init \$d (i32.const 0) (i32.const 0) (local.get \$n)))
  (func (export "memory.grow") (param \$n i32) (drop (memory.grow (local.get \$n))))
  (func (export "table.grow") (param \$n i32) (drop (table.grow \$t (ref.null func) (local.get \$n))))
  (func (export "table.fill") (param \$n i32) (table.fill \$t (i32.const 0) (ref.null func) (local.get \$n)))
  (func (export "table.copy") (param \$n i32) (table.copy \$t \$t (i32.const 0) (i32.const 1) (local.get \$n))))
EOF
  # instruction:big:small
  for op in array.new:2000:10 array.new_default:2000:10 array.new_data:2000:10 \
      array.fill:600:10 array.copy:599:10 array.init_data:600:10 \
      struct.new_default:100:10 memory.fill:1048576:6400 \
      memory.copy:1048576:6400 memory.init:131072:6400 memory.grow:1:0 table.grow:2000:10 \
      table.fill:2000:10 table.copy:1999:10; do
    name=${op%%:*} rest=${op#*:}
    echo "(assert_exhaustion (invoke \"$name\" (i32.const ${rest%%:*})) \"out of fuel\")"
    echo "(assert_return (invoke \"$name\" (i32.const ${rest#*:})))"
  done
} >"$tmp/bulk.wast"
check "fuel bounds every bulk instruction" 0 out "^28 passed, 0 failed" $bin --fuel=1000 "$tmp/bulk.wast"
check "with enough fuel the big ones run" 1 out "^14 passed, 14 failed" $bin "$tmp/bulk.wast"

# The instructions that copy from an element segment: evaluating its 2,000
# items at instantiation costs two units each (ref.func, end), more than an
# instruction that copies them all, so these copy eight times, in a run whose
# fuel covers the instantiation (--fuel=7000; its array of 2,000 too).
elem8() {   # elem8 NAME INSTRUCTION: an export that does it 8 times, n elements each
  printf '  (func (export "%s") (param $n i32) (local $i i32)\n    (loop $l %s\n      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 8)))))\n' "$1" "$2"
}
{
  printf '(module\n  (type $fa (array (mut funcref)))\n  (table $t 2000 funcref)\n  (elem $e func%s)\n  (func $f)\n' "$elems"
  printf '  (global $x (ref $fa) (array.new_default $fa (i32.const 2000)))\n'
  elem8 array.new_elem '(drop (array.new_elem $fa $e (i32.const 0) (local.get $n)))'
  elem8 array.init_elem '(array.init_elem $fa $e (global.get $x) (i32.const 0) (i32.const 0) (local.get $n))'
  elem8 table.init '(table.init $t $e (i32.const 0) (i32.const 0) (local.get $n))'
  echo ')'
  for name in array.new_elem array.init_elem table.init; do
    echo "(assert_exhaustion (invoke \"$name\" (i32.const 2000)) \"out of fuel\")"
    echo "(assert_return (invoke \"$name\" (i32.const 10)))"
  done
} >"$tmp/elem.wast"
check "fuel bounds the instructions that copy a segment" 0 out "^6 passed, 0 failed" $bin --fuel=7000 "$tmp/elem.wast"
check "with enough fuel they run" 1 out "^3 passed, 3 failed" $bin "$tmp/elem.wast"

# Instantiation's constant expressions and active segments draw on one
# budget of fuel, at the rates of the instructions (a unit per element, per
# 64 bytes): 128 KiB of data is 2,048 units.
printf '(module (memory 2) (data (i32.const 0) "%s"))\n' "$data" >"$tmp/active.wat"
check "fuel bounds an active data segment" $limit err "active.wat:1:[0-9]*: implementation limit: out of fuel$" \
  $bin --fuel=2000 "$tmp/active.wat"
check "an active data segment within the fuel" 0 err "^$" $bin --fuel=2100 "$tmp/active.wat"
printf '(module (table 2000 funcref) (func $f) (elem (i32.const 0) func%s))\n' "$elems" >"$tmp/active-elem.wat"
check "fuel bounds an active element segment" $limit err "out of fuel$" $bin --fuel=5000 "$tmp/active-elem.wat"
check "an active element segment within the fuel" 0 err "^$" $bin --fuel=7000 "$tmp/active-elem.wat"

# The handler search of suspend, and the resume that puts the stacks back,
# cost a unit per prompt: 100 round trips through 100 prompts.
cat >"$tmp/search.wast" <<'EOF'
(module
  (type $f (func (param i32)))
  (type $k (cont $f))
  (type $v (func))
  (type $kv (cont $v))
  (tag $out)
  (tag $other)
  (func $nest (param $d i32)
    (if (local.get $d)
      (then
        (block $h (result (ref $kv))
          (resume $k (on $other $h) (i32.sub (local.get $d) (i32.const 1)) (cont.new $k (ref.func $nest)))
          (return))
        (unreachable))
      (else (loop $l (suspend $out) (br $l)))))
  (elem declare func $nest)
  (func (export "search") (param $depth i32) (param $rounds i32)
    (local $c (ref null $kv))
    (block $h (result (ref $kv))
      (resume $k (on $out $h) (local.get $depth) (cont.new $k (ref.func $nest)))
      (return))
    (local.set $c)
    (loop $l
      (block $h (result (ref $kv))
        (resume $kv (on $out $h) (local.get $c))
        (return))
      (local.set $c)
      (br_if $l (local.tee $rounds (i32.sub (local.get $rounds) (i32.const 1)))))))
(assert_return (invoke "search" (i32.const 100) (i32.const 1)))
(assert_exhaustion (invoke "search" (i32.const 100) (i32.const 100)) "out of fuel")
EOF
check "fuel bounds the handler search" 0 out "^2 passed, 0 failed" $bin --fuel=5000 "$tmp/search.wast"

# ---- Every walk the program sets the length of is paid for (interp/stack.c,
# "Fuel"), so each of these ends out of fuel, not after minutes: a chain of
# 90,000 resumes, suspended to the outermost handler and resumed 100,000
# times, with 5,000 handler clauses on each prompt crossed; 1,000 frames of
# try_tables with 20,000 catch clauses each, thrown through 100,000 times; a
# collection every few allocations (the heap is nearly full) that marks a
# live array of 2,000,000 references.  --timeout=20 (about 40 times what
# each takes) bounds them as a resource: without the charges they ran for 30
# to 40 s.
rep() { i=0; while [ $i -lt "$2" ]; do printf '%s' "$1"; i=$((i + 1)); done; }
sed -e "s/(on \$other \$h)/$(rep ' (on $other $h)' 5000)/" -e '/^(assert/d' "$tmp/search.wast" >"$tmp/clauses.wast"
echo '(invoke "search" (i32.const 90000) (i32.const 100000))' >>"$tmp/clauses.wast"
check "fuel bounds a search through many handler clauses" $limit err "out of fuel" \
  $bin --fuel=10000000 --timeout=20 "$tmp/clauses.wast"
cat >"$tmp/catches.wast" <<EOF
(module
  (tag \$e)
  (tag \$other)
  (func \$down (param \$d i32)
    (if (local.get \$d)
      (then
        (block \$b
          (try_table $(rep ' (catch $other $b)' 20000)
            (call \$down (i32.sub (local.get \$d) (i32.const 1))))))
      (else (throw \$e))))
  (func (export "unwind") (param \$depth i32) (param \$rounds i32)
    (loop \$l
      (block \$h
        (try_table (catch \$e \$h) (call \$down (local.get \$depth))))
      (br_if \$l (local.tee \$rounds (i32.sub (local.get \$rounds) (i32.const 1)))))))
(invoke "unwind" (i32.const 1000) (i32.const 100000))
EOF
check "fuel bounds the catch clauses a throw looks at" $limit err "out of fuel" \
  $bin --fuel=10000000 --timeout=20 "$tmp/catches.wast"
cat >"$tmp/marking.wast" <<'EOF'
(module
  (type $a (array (mut anyref)))
  (type $s (struct (field i32)))
  (global $keep (mut anyref) (ref.null any))
  (func (export "churn") (param $n i32) (param $rounds i32)
    (global.set $keep (array.new $a (struct.new $s (i32.const 1)) (local.get $n)))
    (loop $l
      (drop (struct.new $s (local.get $rounds)))
      (br_if $l (local.tee $rounds (i32.sub (local.get $rounds) (i32.const 1)))))))
(invoke "churn" (i32.const 2000000) (i32.const 100000000))
EOF
check "fuel bounds the collector's marking" $limit err "out of fuel" \
  $bin --fuel=10000000 --max-heap=16030000 --timeout=20 "$tmp/marking.wast"

# Out of fuel outside an assertion is a limit, with its place.
cat >"$tmp/spin.wast" <<'EOF'
(module (func (export "spin") (loop (br 0))))
(invoke "spin")
EOF
check "out of fuel is a limit" $limit err \
  "spin.wast:2:1: implementation limit: out of fuel$" \
  $bin --fuel=1000 "$tmp/spin.wast"
check "out of fuel shows where" $limit err "^  at func 0 (.*spin.wast:1:38)$" $bin --fuel=1000 "$tmp/spin.wast"
check "--trace counts the same fuel" $limit err "out of fuel" $bin --trace --fuel=10 "$tmp/spin.wast"
check "--fuel=0 runs nothing" $limit err "out of fuel" $bin --fuel=0 "$tmp/spin.wast"

# ---- --timeout: the one check that takes time (a second).
check "--timeout ends an endless loop" $timeout err \
  "spin.wast:2:1: timeout: the run took more than its time limit of 1 s$" \
  $bin --timeout=1 --fuel=1000000000000 "$tmp/spin.wast"
check "a malformed timeout" 2 err "bad value in '--timeout=soon'" $bin --timeout=soon "$tmp/spin.wast"

# ---- Heap, memory and tables: each limit says which it is.
cat >"$tmp/heap.wast" <<'EOF'
(module
  (type $a (array i64))
  (func (export "huge") (result i32) (array.len (array.new_default $a (i32.const 1000000)))))
(invoke "huge")
EOF
check "the heap limit" $exhausted err \
  "resource exhaustion: out of memory: objects and stacks need more than the heap limit of 1048576 bytes" \
  $bin --max-heap=1M "$tmp/heap.wast"
printf '(module (memory 100))\n' >"$tmp/memory.wat"
check "the memory limit" $exhausted err "out of memory: a memory of 100 pages is beyond the limit of 1048576 bytes for all memories" \
  $bin --max-memory=1M "$tmp/memory.wat"
printf '(module (table 200000000 funcref))\n' >"$tmp/table.wat"
check "the table limit" $exhausted err "table.wat:1:1: resource exhaustion: out of memory: a table of 200000000 entries is beyond the limit of 134217728 entries for all tables" \
  $bin "$tmp/table.wat"
# the limit is of all tables together: many tables cannot add up past it
printf '(module (table 40000000 funcref) (table 40000000 funcref))\n' >"$tmp/tables.wat"
check "the table limit counts every table" $exhausted err "out of memory: a table of 40000000 entries is beyond the limit of 67108864 entries for all tables (400000[0-9]* in use)" \
  $bin --max-tables=64M "$tmp/tables.wat"
printf '(module (table 40000000 funcref) (table 0 funcref) (func (export "g") (result i32) (table.grow 1 (ref.null func) (i32.const 30000000))))\n(assert_return (invoke "g") (i32.const -1))\n' >"$tmp/tables-grow.wast"
check "table.grow fails at the limit of all tables" 0 out "1 passed, 0 failed" $bin --max-tables=64M "$tmp/tables-grow.wast"
# a table grown to 100M entries (within the default) costs only the pages it uses
printf '(module (table $t 0 funcref) (func (export "g") (result i32) (table.grow $t (ref.null func) (i32.const 100000000))) (func (export "n") (result i32) (table.size $t)))\n(assert_return (invoke "g") (i32.const 0))\n(assert_return (invoke "n") (i32.const 100000000))\n' >"$tmp/table-100m.wast"
check "a table grows to 100M entries at the defaults" 0 out "2 passed, 0 failed" $bin "$tmp/table-100m.wast"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$tmp/rss" $bin "$tmp/table-100m.wast" >/dev/null 2>&1
  rss=$(tail -n 1 "$tmp/rss")
  verdict "a grown table's untouched entries take no memory (peak ${rss} KB)" 0 "$([ "${rss:-0}" -lt 100000 ]; echo $?)" "" "peak KB" "$rss"
fi
# ---- The modules of a run: each definition and instance counts
printf '(module)\n(module)\n(module definition $d)\n(module instance $d)\n' >"$tmp/modules.wast"
check "modules within --max-modules" 0 out "0 passed, 0 failed" $bin --max-modules=6 "$tmp/modules.wast"
check "modules beyond --max-modules" $exhausted err "modules.wast:4:1: resource exhaustion: too many modules: a run may define and instantiate 5 modules" \
  $bin --max-modules=5 "$tmp/modules.wast"
check "--max-modules=0 is a usage error" 2 err "max-modules" $bin --max-modules=0 "$tmp/modules.wast"

# ---- Modules as held in memory: every module's syntax counts, together
printf '(module (func (export "f") (result i32) (i32.const 7)))\n(assert_return (invoke "f") (i32.const 7))\n' >"$tmp/small.wast"
check "a module within --max-code" 0 out "1 passed, 0 failed" $bin --max-code=1M "$tmp/small.wast"
check "a module beyond --max-code" $exhausted err "small.wast:1:1: resource exhaustion: out of memory" $bin --max-code=1K "$tmp/small.wast"
check "a malformed --max-code" 2 err "max-code" $bin --max-code=1Q "$tmp/small.wast"

# ---- A file beyond the 1 GiB input limit is refused before it is read (a
# sparse file: no disk, and the run must not take a GiB of memory either)
if truncate -s 1100M "$tmp/big.wasm" 2>/dev/null; then
  check "a file too large" $exhausted err "big.wasm:0x0: resource exhaustion: file too large" $bin "$tmp/big.wasm"
  if [ -x /usr/bin/time ]; then   # unread: its peak memory is far below the file's size
    /usr/bin/time -f '%M' -o "$tmp/rss" $bin "$tmp/big.wasm" 2>/dev/null
    rss=$(tail -n 1 "$tmp/rss")
    verdict "a file too large is refused unread (peak ${rss} KB)" 0 "$([ "${rss:-0}" -lt 300000 ]; echo $?)" "" "peak KB" "$rss"
  fi
  rm -f "$tmp/big.wasm"
fi

# ---- The size of a module (syntax/limits.h): the JS API's limits and the
# nesting limit, each just at the limit (the module loads and validates:
# -d runs nothing) and just beyond (a resource exhaustion, with the message
# and the place), in binary and, where it is cheap, in text.  The inputs
# are made here: wasm_awk writes the bytes of a binary module (awk under
# LC_ALL=C, so that a character is a byte).  In binary, a count beyond a
# limit is refused where the count is, before anything is made for it.
wasm_awk='
function b(x) { return sprintf("%c", x) }
function leb(n,   s, c) {
  s = ""
  do { c = n % 128; n = (n - c) / 128; s = s b(n > 0 ? c + 128 : c) } while (n > 0)
  return s
}
function rep(s, n,   r) { r = ""; while (n > 0) { if (n % 2) r = r s; s = s s; n = int(n / 2) } return r }
function vec(n, items) { return leb(n) items }
function sec(id, body) { return b(id) leb(length(body)) body }
function module(sections) { return b(0) "asm" b(1) b(0) b(0) b(0) sections }
# the type section of one type, func [] -> []; the function section of one function of it
function functype() { return sec(1, vec(1, b(96) b(0) b(0))) }
function onefunc() { return sec(3, vec(1, b(0))) }
'
# module FILE N EXPR: FILE in $tmp, the module (bytes or text) the awk
# expression EXPR gives with n = N.
module() {
  LC_ALL=C awk -v n="$2" "$wasm_awk BEGIN { printf \"%s\", $3 }" >"$tmp/$1"
}
# accepted NAME FILE: the module loads and validates.
accepted() {
  check "$1" 0 all "" $bin -d "$tmp/$2"
}
# refused NAME FILE PLACE MESSAGE: status 9, and the error in full.
refused() {
  check "$1" $exhausted err "=$tmp/$2:$3: resource exhaustion: $4" $bin -d "$tmp/$2"
}
beyond="is beyond this implementation's limit of"
# limit_at FILE MAX WHAT FORMAT PLACE PROGRAM: the module PROGRAM makes of
# MAX items loads, and that of one more is refused at PLACE, naming WHAT.
limit_at() {
  module "$1" "$2" "$6"
  accepted "$2 $3 ($4)" "$1"
  module "$1" $(($2 + 1)) "$6"
  refused "$(($2 + 1)) $3 ($4)" "$1" "$5" "too many $3: $(($2 + 1)) $beyond $2"
}

# Recursion groups, 1,000,000, counted as they are read (an empty one
# leaves nothing to count later).  Binary: the count at 0xc, after the
# section's id and 3-byte size.  Text: the 1,000,001st (rec) at column
# 5000009, after "(module " and 1,000,000 times "(rec)".
limit_at groups.wasm 1000000 "recursion groups" binary 0xc 'module(sec(1, vec(n, rep(b(78) b(0), n))))'
limit_at groups.wat 1000000 "recursion groups" text 1:5000009 '"(module " rep("(rec)", n) ")"'

# Types, 1,000,000, however they are grouped: a thousand groups of a
# thousand, and one group of 1,000,001, its count at 0xf (after the section's
# id, its 4-byte size, the group count and 0x4e).
module types.wasm 1000 'module(sec(1, vec(n, rep(b(78) vec(n, rep(b(96) b(0) b(0), n)), n))))'
accepted "1000000 types (binary)" types.wasm
module types.wasm 1000001 'module(sec(1, vec(1, b(78) vec(n, rep(b(96) b(0) b(0), n)))))'
refused "1000001 types (binary)" types.wasm 0xf "too many types: 1000001 $beyond 1000000"

# Functions, 1,000,000 defined: the count of the function section at 0x12.
limit_at funcs.wasm 1000000 "functions" binary 0x12 'module(functype() sec(3, vec(n, rep(b(0), n))) sec(10, vec(n, rep(b(2) b(0) b(11), n))))'

# Imports, 1,000,000, of a function each: the count of the import section at 0x13.
limit_at imports.wasm 1000000 "imports" binary 0x13 'module(functype() sec(2, vec(n, rep(b(0) b(0) b(0) b(0), n))))'

# Exports, 1,000,000, each of its own name (four letters of 64: exports
# must differ in name, and validation must tell them apart in time): the
# count of the export section at 0x17.
exports() {
  LC_ALL=C awk -v n="$1" "$wasm_awk"'
    function name(i,   s, k) { s = ""; for (k = 0; k < 4; k++) { s = s b(48 + i % 64); i = int(i / 64) } return s }
    BEGIN {
      printf "%s", module(functype() onefunc()) b(7) leb(length(leb(n)) + 7 * n) leb(n)
      for (i = 0; i < n; i++) printf "%s", b(4) name(i) b(0) b(0)
      printf "%s", sec(10, vec(1, b(2) b(0) b(11)))
    }' >"$tmp/exports.wasm"
}
exports 1000000
accepted "1000000 exports (binary)" exports.wasm
exports 1000001
refused "1000001 exports (binary)" exports.wasm 0x17 "too many exports: 1000001 $beyond 1000000"

# Globals, 1,000,000 defined, (global i32 (i32.const 0)): the count at 0xd.
limit_at globals.wasm 1000000 "globals" binary 0xd 'module(sec(6, vec(n, rep(b(127) b(0) b(65) b(0) b(11), n))))'

# Tags, 1,000,000 defined: the count of the tag section at 0x12.
limit_at tags.wasm 1000000 "tags" binary 0x12 'module(functype() sec(13, vec(n, rep(b(0) b(0), n))))'

# Data segments, 100,000, passive and empty: binary, the count at 0xc;
# text, one a line, the 100,001st on line 100,002.
limit_at datas.wasm 100000 "data segments" binary 0xc 'module(sec(11, vec(n, rep(b(1) b(0), n))))'
limit_at datas.wat 100000 "data segments" text 100002:1 '"(module\n" rep("(data \"\")\n", n) ")\n"'

# Element segments, 10,000,000: beyond only (at the limit, ten million
# segments take a GiB of memory), its count at 0xd, refused before any
# segment is read.
module elems.wasm 10000001 'module(sec(9, vec(n, rep(b(1) b(0) b(0), n))))'
refused "10000001 element segments (binary)" elems.wasm 0xd "too many element segments: 10000001 $beyond 10000000"
rm -f "$tmp/elems.wasm"

# Tables, 100,000, the imported ones too: binary, the count at 0xc, or,
# with one imported, the last defined table at 0x493f5 (24 + 3 * 99999);
# text, one a line.
limit_at tables.wasm 100000 "tables" binary 0xc 'module(sec(4, vec(n, rep(b(112) b(0) b(0), n))))'
module tables.wasm 100000 'module(sec(2, vec(1, b(0) b(0) b(1) b(112) b(0) b(0))) sec(4, vec(n, rep(b(112) b(0) b(0), n))))'
refused "an imported table and 100000 defined (binary)" tables.wasm 0x493f5 "too many tables: 100001 $beyond 100000"
module tables.wat 100000 '"(module\n" rep("(table 0 funcref)\n", n) ")\n"'
accepted "100000 tables (text)" tables.wat
module tables.wat 100000 '"(module\n(import \"\" \"\" (table 0 funcref))\n" rep("(table 0 funcref)\n", n) ")\n"'
refused "an imported table and 100000 defined (text)" tables.wat 100002:1 "too many tables: 100001 $beyond 100000"

# Memories, 100, the imported ones too: binary, the count at 0xb; text,
# one a line; with 60 imported, the 41st defined is the 101st.
limit_at mems.wasm 100 "memories" binary 0xb 'module(sec(5, vec(n, rep(b(0) b(0), n))))'
limit_at mems.wat 100 "memories" text 102:1 '"(module\n" rep("(memory 0)\n", n) ")\n"'
module mems.wat 41 '"(module\n" rep("(import \"\" \"\" (memory 0))\n", 60) rep("(memory 0)\n", n) ")\n"'
refused "60 imported memories and 41 defined (text)" mems.wat 102:1 "too many memories: 101 $beyond 100"

# Parameters and results of a function type, 1,000 each: binary, the
# count at 0xd (parameters) or 0xe (results, after an empty list of
# parameters); text, the type on line 2 (an inline one where it starts).
limit_at params.wasm 1000 "parameters" binary 0xd 'module(sec(1, vec(1, b(96) vec(n, rep(b(127), n)) b(0))))'
limit_at params.wat 1000 "parameters" text 2:1 '"(module\n(type (func (param" rep(" i32", n) ")))\n)\n"'
limit_at results.wasm 1000 "results" binary 0xe 'module(sec(1, vec(1, b(96) b(0) vec(n, rep(b(127), n)))))'
module results.wat 1001 '"(module\n(func (result" rep(" i32", n) ") (unreachable))\n)\n"'
refused "1001 results of an inline type (text)" results.wat 2:7 "too many results: 1001 $beyond 1000"

# A function body, 7,654,321 bytes (binary only): its locals as 3,827,158
# empty groups (leb 4 bytes, 2 bytes each, and the end: exactly the limit),
# and a nop more; the body starts at 0x1c.
body='module(functype() onefunc() sec(10, vec(1, leb(7654321 + n) vec(3827158, rep(b(0) b(127), 3827158)) rep(b(1), n) b(11))))'
module body.wasm 0 "$body"
accepted "a function body of 7654321 bytes" body.wasm
module body.wasm 1 "$body"
refused "a function body of 7654322 bytes" body.wasm 0x1c "function body too large: 7654322 bytes $beyond 7654321"

# Locals, 50,000 with the parameters: 50,000 locals alone load, and one
# parameter more is one too many; binary, the body at 0x17; text, the
# function on line 2.
module locals.wasm 50000 'module(functype() onefunc() sec(10, vec(1, b(6) vec(1, leb(n) b(127)) b(11))))'
accepted "50000 locals (binary)" locals.wasm
module locals.wasm 50000 'module(sec(1, vec(1, b(96) vec(1, b(127)) b(0))) onefunc() sec(10, vec(1, b(6) vec(1, leb(n) b(127)) b(11))))'
refused "50000 locals and a parameter (binary)" locals.wasm 0x17 "too many locals: 50001 $beyond 50000"
module locals.wat 50000 '"(module\n(func (local" rep(" i32", n) "))\n)\n"'
accepted "50000 locals (text)" locals.wat
module locals.wat 50000 '"(module\n(func (param i32) (local" rep(" i32", n) "))\n)\n"'
refused "50000 locals and a parameter (text)" locals.wat 2:1 "too many locals: 50001 $beyond 50000"

# Fields of a struct, 10,000: binary, the count at 0xe; text, line 2.
limit_at fields.wasm 10000 "struct fields" binary 0xe 'module(sec(1, vec(1, b(95) vec(n, rep(b(127) b(0), n)))))'
limit_at fields.wat 10000 "struct fields" text 2:1 '"(module\n(type (struct (field" rep(" i32", n) ")))\n)\n"'

# Operands of array.new_fixed, 10,000: binary, the instruction at 0x4e40,
# after the 10,001 i32.const (30 + 2 * 10001); text, line 3, column 14.
fixed='module(sec(1, vec(2, b(94) b(127) b(0) b(96) b(0) b(0))) sec(3, vec(1, b(1))) sec(10, vec(1, vec(2 * n + 8, b(0) rep(b(65) b(0), n) b(251) b(8) b(0) leb(n) b(26) b(11)))))'
module fixed.wasm 10000 "$fixed"
accepted "array.new_fixed of 10000 (binary)" fixed.wasm
module fixed.wasm 10001 "$fixed"
refused "array.new_fixed of 10001 (binary)" fixed.wasm 0x4e40 "too many operands of array.new_fixed: 10001 $beyond 10000"
fixed='"(module\n(type $a (array i32))\n(func (drop (array.new_fixed $a " n rep(" (i32.const 0)", n) ")))\n)\n"'
module fixed.wat 10000 "$fixed"
accepted "array.new_fixed of 10000 (text)" fixed.wat
module fixed.wat 10001 "$fixed"
refused "array.new_fixed of 10001 (text)" fixed.wat 3:14 "too many operands of array.new_fixed: 10001 $beyond 10000"

# Nesting, 100,000 structured instructions inside one another, in either
# format, and in text 100,000 parentheses too (so folded blocks in a
# (module (func …)) go 99,998 deep).  Binary: the 100,001st block at
# 0x30d5b (27 + 2 * 100000).  Text, one a line: the block, or the
# parenthesis, that goes beyond.  Nothing recurses on the C stack, so a
# million is refused as quickly, and a module 20,000 deep loads.
nest='module(functype() onefunc() sec(10, vec(1, vec(3 * n + 2, b(0) rep(b(2) b(64), n) rep(b(11), n) b(11)))))'
module nested.wasm 100000 "$nest"
accepted "blocks 100000 deep (binary)" nested.wasm
module nested.wasm 100001 "$nest"
refused "blocks 100001 deep (binary)" nested.wasm 0x30d5b "nesting too deep: depth 100001 $beyond 100000"
check "blocks 100001 deep, unchecked (-u), are still refused" $exhausted err \
  "resource exhaustion: nesting too deep: depth 100001" $bin -u "$tmp/nested.wasm"
module nested.wasm 1000000 "$nest"   # two sizes a byte longer: the 100,001st at 0x30d5d
refused "blocks 1000000 deep (binary)" nested.wasm 0x30d5d "nesting too deep: depth 100001 $beyond 100000"
module nested.wat 100000 '"(module\n(func\n" rep("block\n", n) rep("end\n", n) "))\n"'
accepted "blocks 100000 deep (text)" nested.wat
module nested.wat 100001 '"(module\n(func\n" rep("block\n", n) rep("end\n", n) "))\n"'
refused "blocks 100001 deep (text)" nested.wat 100003:1 "nesting too deep: depth 100001 $beyond 100000"
module nested.wat 99998 '"(module\n(func\n" rep("(block\n", n) rep(")", n) "))\n"'
accepted "folded blocks 99998 deep, parentheses 100000 (text)" nested.wat
module nested.wat 99999 '"(module\n(func\n" rep("(block\n", n) rep(")", n) "))\n"'
refused "folded blocks 99999 deep, parentheses 100001 (text)" nested.wat 100001:1 "nesting too deep: depth 100001 $beyond 100000"
module nested.wat 1000000 '"(module\n(func\n" rep("(i32.eqz\n", n) "(i32.const 0)" rep(")", n) "))\n"'
refused "folded instructions 1000000 deep (text)" nested.wat 100001:1 "nesting too deep: depth 100001 $beyond 100000"
module nested.wat 20000 '"(module (func (export \"f\") " rep("(block ", n) rep(")", n) "))\n"'
check "blocks 20000 deep load and run (text)" 0 out "" $bin "$tmp/nested.wat" --invoke f

# ---- Subtype depth: a chain of 63 declared supertypes is the deepest
# allowed (the JS API's embedding limit); a 64th is a resource exhaustion,
# at the type that goes past it.  chain N: the types $t0 .. $tN, each a
# subtype of the one before, and a sibling $u1 of $t1 (a field tells it from
# $t1: types are equal by structure).
chain() {
  printf '  (type $t0 (sub (struct)))\n  (type $u1 (sub $t0 (struct (field i32))))\n'
  i=1
  while [ $i -le "$1" ]; do printf '  (type $t%d (sub $t%d (struct)))\n' $i $((i - 1)); i=$((i + 1)); done
}
# is OBJ TYPE ANSWER: an assertion that ref.test of a new $tOBJ against
# (ref $tTYPE) gives ANSWER; the function it calls is test_OBJ_TYPE.
pairs="0:0:1 0:31:0 0:63:0 31:0:1 31:31:1 31:32:0 31:63:0 63:0:1 63:1:1 63:31:1 63:62:1 63:63:1 62:63:0"
{
  printf '(module\n'
  chain 63
  for p in $pairs; do
    obj=${p%%:*} rest=${p#*:}
    printf '  (func (export "test_%s_%s") (result i32) (ref.test (ref $t%s) (struct.new $t%s)))\n' \
      "$obj" "${rest%%:*}" "${rest%%:*}" "$obj"
  done
  printf '  (func (export "test_63_u1") (result i32) (ref.test (ref $u1) (struct.new $t63)))\n'
  printf '  (func (export "test_u1_u1") (result i32) (ref.test (ref $u1) (struct.new_default $u1)))\n'
  printf '  (func (export "test_u1_1") (result i32) (ref.test (ref $t1) (struct.new_default $u1)))\n'
  printf '  (func (export "many") (param $n i32) (result i32)\n'
  printf '    (local $o (ref null $t0)) (local $c i32)\n'
  printf '    (local.set $o (struct.new $t63))\n'
  printf '    (loop $l\n'
  printf '      (local.set $c (i32.add (local.get $c) (ref.test (ref $t0) (local.get $o))))\n'
  printf '      (local.set $c (i32.add (local.get $c) (ref.test (ref $u1) (local.get $o))))\n'
  printf '      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 2)))))\n'
  printf '    (local.get $c)))\n'
  for p in $pairs; do
    obj=${p%%:*} rest=${p#*:}
    printf '(assert_return (invoke "test_%s_%s") (i32.const %s))\n' "$obj" "${rest%%:*}" "${rest#*:}"
  done
  printf '(assert_return (invoke "test_63_u1") (i32.const 0))\n'
  printf '(assert_return (invoke "test_u1_u1") (i32.const 1))\n'
  printf '(assert_return (invoke "test_u1_1") (i32.const 0))\n'
  printf '(assert_return (invoke "many" (i32.const 100000)) (i32.const 50000))\n'
} >"$tmp/depth63.wast"
check "a chain 63 deep: ref.test at its root, middle and leaf" 0 out "^17 passed, 0 failed" \
  $bin --fuel=10000000 "$tmp/depth63.wast"
{ printf '(module\n'; chain 64; printf ')\n'; } >"$tmp/depth64.wat"
check "a chain 64 deep is refused at its 64th subtype" $exhausted err \
  "=$tmp/depth64.wat:67:3: resource exhaustion: subtype depth 64 is beyond this implementation's limit of 63" \
  $bin "$tmp/depth64.wat"
check "unchecked (-u), a chain 64 deep is still an exhaustion, not a crash" $exhausted err \
  "resource exhaustion: subtype depth 64" $bin -u "$tmp/depth64.wat"

# ---- A trap deep in a recursion: the innermost 64 frames and the outermost
# 16, and a line for the 921 between.
cat >"$tmp/deep.wast" <<'EOF'
(module
  (func $down (export "down") (param i32)
    (if (local.get 0)
      (then (call $down (i32.sub (local.get 0) (i32.const 1))))
      (else (unreachable)))))
(invoke "down" (i32.const 1000))
EOF
check "a deep backtrace is cut" $trap err "^  \.\.\. 921 frames omitted$" $bin "$tmp/deep.wast"
grep -v ' passed, ' "$tmp/all" >"$tmp/deep.err"
check "a deep backtrace keeps 80 frames" 0 out "^80$" grep -c "^  at " "$tmp/deep.err"
check "the innermost frame is the trap's" 0 out "^  at \$down (.*deep.wast:5:14)$" sed -n 2p "$tmp/deep.err"
check "the cut comes after 64 frames" 0 out "omitted" sed -n 66p "$tmp/deep.err"

# ---- Nothing quadratic in the number of exports: names are looked up by
# hash (util/hash.c) when validation checks they are distinct, when an
# instance's export is found, and when imports are linked.  The modules are
# made here: 100,000 exports of one function, in text, then in binary.
exports() {  # exports N FUNC [LAST]: a module exporting $f, defined by FUNC, as e0 … e<N-1> (and LAST)
  awk -v n="$1" -v f="$2" -v last="$3" 'BEGIN {
    print "(module " f
    for (i = 0; i < n; i++) printf "(export \"e%d\" (func $f))\n", i
    if (last != "") printf "(export \"%s\" (func $f))\n", last
    print ")" }'
}
exports 100000 '(func $f (result i32) (i32.const 7))' >"$tmp/exports.wat"
check "100,000 exports convert to binary" 0 all "" $bin -d "$tmp/exports.wat" -o "$tmp/exports.wasm"
check "100,000 exports load, and the last is found" 0 out "^7 : \[i32\]$" \
  $bin "$tmp/exports.wasm" --invoke e99999
printf '(module (import "m" "e99999" (func $g (result i32))) (func (export "g") (result i32) (call $g)))\n(assert_return (invoke "g") (i32.const 7))\n' >"$tmp/import.wast"
check "an import links to the last of 100,000 exports" 0 out "^1 passed, 0 failed$" \
  $bin "$tmp/exports.wasm" -e '(register "m")' "$tmp/import.wast"
# The first name again at the end: the duplicate is the last export, and
# the error is there (the section is the binary's last: its last 5 bytes).
exports 100000 '(import "spectest" "print" (func $f))' e0 >"$tmp/dup.wat"
check "a duplicate among 100,000 exports is refused" 4 err "dup.wat:100002:1: error: duplicate export name$" \
  $bin "$tmp/dup.wat"
$bin -u -d "$tmp/dup.wat" -o "$tmp/dup.wasm"
at=$(printf '0x%x' $(($(wc -c <"$tmp/dup.wasm") - 5)))
check "a duplicate export in binary, at its offset" 4 err "dup.wasm:$at: error: duplicate export name$" \
  $bin "$tmp/dup.wasm"

# ---- memory.grow and table.grow a page or an entry at a time: the
# allocation grows geometrically (amortised O(1) a page), what the program
# sees is exact, new pages are zero, and the limits count the sizes.
cat >"$tmp/grow.wast" <<'EOF'
(module
  (memory 0)
  (table 0 funcref)
  (func (export "grow") (param $n i32) (result i32)
    (loop $l
      (drop (memory.grow (i32.const 1)))
      (i32.store (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4)) (memory.size))
      (br_if $l (i32.lt_u (memory.size) (local.get $n))))
    (memory.size))
  (func (export "kept") (result i32)   ;; pages 1 and 1024 wrote their numbers
    (i32.add (i32.load (i32.const 65532)) (i32.load (i32.const 67108860))))
  (func (export "zero") (result i32) (i32.load (i32.const 33554432)))
  (func (export "table") (param $n i32) (result i32)
    (loop $l
      (drop (table.grow (ref.null func) (i32.const 1)))
      (br_if $l (i32.lt_u (table.size) (local.get $n))))
    (table.size)))
(assert_return (invoke "grow" (i32.const 1024)) (i32.const 1024))
(assert_return (invoke "kept") (i32.const 1025))
(assert_return (invoke "zero") (i32.const 0))
(assert_return (invoke "table" (i32.const 100000)) (i32.const 100000))
(module
  (memory 0 3)
  (table 0 3 funcref)
  (func (export "grow") (result i32) (memory.grow (i32.const 1)))
  (func (export "table") (result i32) (table.grow (ref.null func) (i32.const 1))))
(assert_return (invoke "grow") (i32.const 0))
(assert_return (invoke "grow") (i32.const 1))
(assert_return (invoke "grow") (i32.const 2))
(assert_return (invoke "grow") (i32.const -1))
(assert_return (invoke "table") (i32.const 0))
(assert_return (invoke "table") (i32.const 1))
(assert_return (invoke "table") (i32.const 2))
(assert_return (invoke "table") (i32.const -1))
EOF
check "a page at a time to 1024 pages, an entry at a time to 100,000" 0 out "^12 passed, 0 failed$" \
  $bin "$tmp/grow.wast"
cat >"$tmp/grow-limit.wast" <<'EOF'
(module
  (memory 0)
  (func (export "grow") (result i32)
    (loop $l (br_if $l (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (memory.size)))
(assert_return (invoke "grow") (i32.const 15))
EOF
# 16 pages in 1 MB, and spectest's memory has one
check "--max-memory counts the pages the programs have" 0 out "^1 passed, 0 failed$" \
  $bin --max-memory=1M "$tmp/grow-limit.wast"

# ---- Printing and encoding: 20,000 nested blocks (a 60 KB binary, made
# here) print in text linear in the module (indentation stops at 64
# levels), and neither the printer nor the encoder recurses on nesting.
u32() {  # a u32 as a 5-byte LEB128, in printf escapes
  v=$1 k=0
  while [ $k -lt 4 ]; do printf '\\%03o' $(((v & 127) | 128)); v=$((v >> 7)); k=$((k + 1)); done
  printf '\\%03o' "$v"
}
nest() {  # nest N: func "f" returns 42 from N nested (block (result i32))
  body=$((3 * $1 + 4))
  printf '\0asm\1\0\0\0\1\5\1\140\0\1\177\3\2\1\0\7\5\1\1f\0\0'
  printf "\\012$(u32 $((body + 6)))\\001$(u32 $body)\\000"
  LC_ALL=C awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "\002\177"; printf "\101\052"
    for (i = 0; i <= n; i++) printf "\013" }'
}
nest 20000 >"$tmp/nest.wasm"
check "20,000 nested blocks run" 0 out "^42 : \[i32\]$" $bin "$tmp/nest.wasm" --invoke f
check "20,000 nested blocks print" 0 all "" $bin -d "$tmp/nest.wasm" -o "$tmp/nest.wat"
check "their lines are indented 64 levels at most" 0 out "^150 40005$" \
  awk '{ if (length > m) m = length } END { print m, NR }' "$tmp/nest.wat"
check "20,000 nested blocks encode, and run the same" 0 out "^42 : \[i32\]$" \
  sh -c "$bin -d '$tmp/nest.wasm' -o '$tmp/nest2.wasm' && $bin '$tmp/nest2.wasm' --invoke f"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$tmp/rss" $bin -d "$tmp/nest.wasm" -o "$tmp/nest.wat" 2>/dev/null
  rss=$(tail -n 1 "$tmp/rss")
  verdict "printing 20,000 nested blocks peaks under 100 MB (${rss} KB)" 0 \
    "$([ "${rss:-999999}" -lt 102400 ]; echo $?)" "" "peak KB" "$rss"
else
  echo "# /usr/bin/time is missing: the peak of printing is not measured"
fi
# The text parser's stack takes about 10,000 levels: the round trip through
# text is of 9,000.
nest 9000 >"$tmp/nest9k.wasm"
check "9,000 nested blocks print and run the same" 0 out "^42 : \[i32\]$" \
  sh -c "$bin -d '$tmp/nest9k.wasm' -o '$tmp/nest9k.wat' && $bin '$tmp/nest9k.wat' --invoke f"
nest 100000 >"$tmp/nest100k.wasm"
check "100,000 nested blocks print without recursing" 0 all "" \
  $bin -d "$tmp/nest100k.wasm" -o "$tmp/nest100k.wat"
check "100,000 nested blocks encode without recursing" 0 all "" \
  $bin -d "$tmp/nest100k.wasm" -o "$tmp/nest100k2.wasm"
rm -f "$tmp"/nest*.wat "$tmp"/*.wasm
echo "1..$n"
exit $failed
