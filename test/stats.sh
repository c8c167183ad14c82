#!/bin/sh
# --stats (wasmfx-ref.1, COSTS): the exact figures of small programs whose
# costs can be counted by hand (steps by group, calls, the lives of
# continuations), in scripts, with --invoke, --run-all-exports and a WASI
# command; the same figures on a second run; the --json form; bad option
# values.  A stress build (--enable-stress) collects at other times, and
# bytes are those of a 64-bit host: elsewhere the collector's figures and
# the peaks are not compared.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"

loose=false
case $STRESS_CFLAGS in *GC_STRESS*) loose=true ;; esac
[ "$(getconf LONG_BIT 2>/dev/null)" = 64 ] || loose=true

# block FILE TITLE: the figures of the block `stats TITLE:` in FILE (the
# first one), one `name value` a line, without the collector's figures and
# the peaks when loose.
block() {
  awk -v title="stats $2:" '
    $0 == title { on = 1; next }
    on && /^stats / { exit }
    on { print $1, $2 }' "$1" |
    if $loose; then grep -v -e '^gc\.' -e 'peak '; else cat; fi
}

# expect NAME FILE TITLE: the block is the figures on stdin (`name value`
# lines), in the block's order; those not given are 0.  A name on stdin that
# the block lacks is an error, but for the figures left out when loose.
expect() {
  name=$1 file=$2 title=$3
  got=$(block "$file" "$title")
  want=$(awk -v got="$got" -v loose=$loose '
    BEGIN { n = split(got, l, "\n"); for (i = 1; i <= n; i++) { split(l[i], f, " "); order[i] = f[1]; has[f[1]] = 1 } }
    { v[$1] = $2 }
    !($1 in has) && !(loose == "true" && ($1 ~ /^gc\./ || $1 ~ /peak$/)) { print "unknown figure", $1 }
    END { for (i = 1; i <= n; i++) print order[i], (order[i] in v) ? v[order[i]] : 0 }')
  n=$((n + 1))
  if [ -n "$got" ] && [ "$got" = "$want" ]; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    printf '%s\n' "$want" >"$tmp/want"
    printf '%s\n' "$got" >"$tmp/got"
    diff "$tmp/want" "$tmp/got" | sed 's/^/#   /'
    failed=1
  fi
}

# A loop of 10 rounds, each: local.get i32.const i32.add local.set
# local.get local.get i32.lt_u br_if; before them loop, after them the
# loop's end, local.get and the function's end.
cat >"$tmp/loop.wast" <<'EOF'
(module
  (func (export "run") (param $n i32) (result i32) (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i)))
(invoke "run" (i32.const 10))
EOF
$bin --stats "$tmp/loop.wast" >"$tmp/out" 2>"$tmp/err"
verdict "a run with --stats succeeds, its results on stdout" 0 $? "=10 : [i32]" stdout "$(cat "$tmp/out")"
expect "a loop of 10 rounds: its steps by group" "$tmp/err" '(invoke "run" (i32.const 10))' <<'EOF'
steps 84
control 13
variable 41
numeric 30
calls 1
stack.peak 9816
EOF
check "the block's lines are two-space indented, the groups' four" 0 '=    numeric        30' \
  $bin --stats "$tmp/loop.wast"
check "the steps line is as a harness parses it" 0 '^ *steps  *84$' $bin --stats "$tmp/loop.wast"
expect "the run's block: the same, with nothing instantiated" "$tmp/err" total <<'EOF'
steps 84
control 13
variable 41
numeric 30
calls 1
stack.peak 9816
EOF

# Instantiation's code counts for the run: the global's constant
# expression (i32.const, end) and the start function (i32.const,
# global.set, end), besides the invocation (global.get, end).
cat >"$tmp/start.wast" <<'EOF'
(module
  (global $g (mut i32) (i32.const 1))
  (func $s (global.set $g (i32.const 2)))
  (start $s)
  (func (export "f") (result i32) (global.get $g)))
(invoke "f")
EOF
$bin --stats "$tmp/start.wast" >/dev/null 2>"$tmp/err"
expect "an invocation's block has its own steps" "$tmp/err" '(invoke "f")' <<'EOF'
steps 2
control 1
variable 1
calls 1
stack.peak 9816
EOF
expect "the run's block has instantiation's too" "$tmp/err" total <<'EOF'
steps 7
control 3
variable 2
numeric 2
calls 2
stack.peak 9816
EOF

# Continuations: one made, resumed and suspended, left suspended; one an
# exception leaves (abandoned); one resumed to its end (returned).
cat >"$tmp/cont.wast" <<'EOF'
(module $m
  (type $f (func))
  (type $k (cont $f))
  (tag $yield)
  (tag $e)
  (func $body (suspend $yield))
  (func $throws (throw $e))
  (elem declare func $body $throws)
  (func (export "once")
    (drop (block (result (ref $k))
      (resume $k (on $yield 0) (cont.new $k (ref.func $body)))
      (return))))
  (func (export "escape")
    (block $h
      (try_table (catch $e $h)
        (resume $k (cont.new $k (ref.func $throws))))))
  (func (export "finish")
    (local $c (ref null $k))
    (block $y (result (ref $k))
      (resume $k (on $yield $y) (cont.new $k (ref.func $body)))
      (unreachable))
    (local.set $c)
    (resume $k (local.get $c))))
(invoke $m "once")
(invoke "escape")
(invoke "finish")
EOF
$bin --stats "$tmp/cont.wast" >/dev/null 2>"$tmp/err"
expect "cont.new, resume, suspend: one each, the continuation left suspended" "$tmp/err" '(invoke $m "once")' <<'EOF'
steps 7
parametric 1
control 2
continuation 3
reference 1
calls 2
cont.new 1
cont.resume 1
cont.suspend 1
cont.chain 1
stack.peak 10208
heap.peak 112
EOF
expect "an exception leaves a continuation: abandoned" "$tmp/err" '(invoke "escape")' <<'EOF'
steps 7
control 2
exception 2
continuation 2
reference 1
calls 2
throws 1
cont.new 1
cont.resume 1
cont.abandoned 1
cont.chain 1
stack.peak 10600
heap.peak 208
EOF
expect "a continuation resumed to its end: returned" "$tmp/err" '(invoke "finish")' <<'EOF'
steps 10
control 3
continuation 4
variable 2
reference 1
calls 2
cont.new 1
cont.resume 2
cont.suspend 1
cont.returned 1
cont.chain 1
stack.peak 10600
heap.peak 320
EOF
expect "the run's block: the sums, the peaks' highest" "$tmp/err" total <<'EOF'
steps 28
parametric 1
control 9
exception 2
continuation 9
variable 2
reference 5
calls 6
throws 1
cont.new 3
cont.resume 4
cont.suspend 2
cont.returned 1
cont.abandoned 1
cont.chain 1
stack.peak 10600
heap.peak 320
EOF

# The longest chain: a continuation that resumes one that resumes one.
cat >"$tmp/chain.wast" <<'EOF'
(module
  (type $f (func))
  (type $k (cont $f))
  (func $c)
  (func $b (resume $k (cont.new $k (ref.func $c))))
  (func $a (resume $k (cont.new $k (ref.func $b))))
  (elem declare func $a $b $c)
  (func (export "nest") (resume $k (cont.new $k (ref.func $a)))))
(invoke "nest")
EOF
$bin --stats "$tmp/chain.wast" >/dev/null 2>"$tmp/err"
expect "three continuations nested: a chain of three, each returned" "$tmp/err" '(invoke "nest")' <<'EOF'
steps 13
control 4
continuation 6
reference 3
calls 4
cont.new 3
cont.resume 3
cont.returned 3
cont.chain 3
stack.peak 10992
heap.peak 168
EOF

# Switches, and a failure abandoning the continuation it happens in
# (examples/pingpong.wast: ping and pong trade the ball by switch; with no
# switch handler, ping's first switch is an unhandled suspension).  The
# peaks: the root stack, 9816 bytes, and each continuation's, 392, grown
# by two frames, 112, when it calls; a continuation object is 56 bytes,
# made by cont.new and by each switch, and none is collected in between.
$bin --stats "$top_srcdir/examples/pingpong.wast" >/dev/null 2>"$tmp/err"
expect "five switches, the last player returning through the prompt" "$tmp/err" \
  '(invoke "game" (i32.const 5))' <<'EOF'
steps 120
control 22
continuation 8
variable 53
reference 2
numeric 35
calls 5
cont.new 2
cont.resume 1
cont.switch 5
cont.returned 1
cont.chain 1
stack.peak 10824
heap.peak 392
EOF
expect "a suspension nothing handles abandons the continuation" "$tmp/err" \
  '(invoke "no-switch-handler")' <<'EOF'
steps 30
control 5
continuation 4
variable 10
reference 2
numeric 9
calls 3
cont.new 2
cont.resume 1
cont.abandoned 1
cont.chain 1
stack.peak 12112
heap.peak 952
EOF

# The collector frees three continuations never resumed: abandoned.
cat >"$tmp/gc.wast" <<'EOF'
(module
  (type $f (func))
  (type $k (cont $f))
  (type $bytes (array (mut i8)))
  (tag $y)
  (func $body (suspend $y))
  (elem declare func $body)
  (func $park
    (drop (block (result (ref $k))
      (resume $k (on $y 0) (cont.new $k (ref.func $body)))
      (return))))
  (func (export "park3") (param $n i32)
    (call $park) (call $park) (call $park)
    (loop $l
      (drop (array.new_default $bytes (i32.const 100000)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
(invoke "park3" (i32.const 50))
EOF
$bin --stats --max-heap=1M "$tmp/gc.wast" >/dev/null 2>"$tmp/err"
expect "continuations collected unresumed are abandoned" "$tmp/err" '(invoke "park3" (i32.const 50))' <<'EOF'
steps 427
parametric 53
control 62
continuation 9
variable 100
reference 3
aggregate 50
numeric 150
calls 7
cont.new 3
cont.resume 3
cont.suspend 3
cont.abandoned 3
cont.chain 1
stack.peak 10992
gc.cycles 9
heap.peak 600624
EOF

# Two runs print the same, byte for byte, and so do --json's.
for f in "$tmp/gc.wast" "$top_srcdir/examples/scheduler.wast" "$top_srcdir/examples/async.wast"; do
  $bin --stats --max-heap=1M "$f" >"$tmp/1.out" 2>"$tmp/1.err"
  $bin --stats --max-heap=1M "$f" >"$tmp/2.out" 2>"$tmp/2.err"
  same=$(cmp "$tmp/1.err" "$tmp/2.err" && cmp "$tmp/1.out" "$tmp/2.out" && echo same)
  verdict "a second run prints the same: $(basename "$f")" 0 0 "=same" cmp "$same"
  $bin --stats --json --max-heap=1M "$f" >"$tmp/1.out" 2>&1
  $bin --stats --json --max-heap=1M "$f" >"$tmp/2.out" 2>&1
  same=$(cmp "$tmp/1.out" "$tmp/2.out" && echo same)
  verdict "a second run prints the same --json: $(basename "$f")" 0 0 "=same" cmp "$same"
done

# --json: a "stats" line after each invocation's line, and one for the
# run, with the figures of the text blocks by their names.
$bin --stats --json "$tmp/cont.wast" >"$tmp/out" 2>"$tmp/err"
status=$?
verdict "--json: nothing on stderr" 0 $status "^$" stderr "$(cat "$tmp/err")"
if command -v python3 >/dev/null 2>&1; then
  $bin --stats "$tmp/cont.wast" >/dev/null 2>"$tmp/text"
  out=$(python3 - "$tmp/out" "$tmp/text" <<'PY' 2>&1
import json, sys
j = [json.loads(l) for l in open(sys.argv[1])]
kinds = [o['kind'] for o in j]
assert kinds == ['module', 'invoke', 'stats', 'invoke', 'stats', 'invoke', 'stats', 'summary', 'stats'], kinds
assert [o['of'] for o in j if o['kind'] == 'stats'] == \
    ['(invoke $m "once")', '(invoke "escape")', '(invoke "finish")', 'total']
# the text blocks, figure for figure (a group's steps as steps.GROUP)
blocks, names = [], None
for line in open(sys.argv[2]):
    if line.startswith('stats '):
        blocks.append({})
    elif line.startswith('    '):
        name, value = line.split()
        blocks[-1]['steps.' + name] = int(value)
    else:
        name, value = line.split()
        blocks[-1][name] = int(value)
stats = [{k: v for k, v in o.items() if k not in ('kind', 'of')} for o in j if o['kind'] == 'stats']
assert stats == blocks, (stats, blocks)
assert list(stats[0]) == list(blocks[0]), 'the same order'
print('ok')
PY
)
  verdict "--json: the stats lines, after their invocations', hold the text's figures" 0 0 "=ok" python3 "$out"
fi

# --invoke and --run-all-exports: a block for each call.
cat >"$tmp/m.wat" <<'EOF'
(module
  (func (export "a") (result i32) (i32.const 7))
  (func (export "b") (unreachable)))
EOF
$bin --stats "$tmp/m.wat" --invoke a >/dev/null 2>"$tmp/err"
expect "--invoke: its block" "$tmp/err" '(invoke "a")' <<'EOF'
steps 2
control 1
numeric 1
calls 1
stack.peak 9816
EOF
$bin --stats "$tmp/m.wat" --run-all-exports >"$tmp/out" 2>"$tmp/err"
expect "--run-all-exports: a block for a call that traps" "$tmp/err" '(invoke "b")' <<'EOF'
steps 1
parametric 1
calls 1
stack.peak 9816
EOF
check "--run-all-exports: a block for each call, and the run's" 0 '=stats total:' \
  $bin --stats "$tmp/m.wat" --run-all-exports

# A WASI command: a block for its _start, even when proc_exit ends it (its
# steps: i32.const and the call; its calls: _start and proc_exit), and the
# run's; its output and exit status as without --stats.
cat >"$tmp/exit.wat" <<'EOF'
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (func (export "_start") (call $exit (i32.const 3))))
EOF
$bin --stats "$tmp/exit.wat" >"$tmp/out" 2>"$tmp/err"
verdict "a WASI command: its exit status, nothing on stdout" 3 $? "^$" stdout "$(cat "$tmp/out")"
expect "a WASI command: the block of its _start" "$tmp/err" '(invoke "_start")' <<'EOF'
steps 2
control 1
numeric 1
calls 2
stack.peak 9816
EOF
expect "a WASI command: the run's block" "$tmp/err" total <<'EOF'
steps 2
control 1
numeric 1
calls 2
stack.peak 9816
EOF

check "a WASI command under --trace=control too: its trace" 3 '^root | call func 1$' \
  $bin --stats --trace=control "$tmp/exit.wat"

# --trace=control and --stats watch together: the trace on stdout, the
# figures on stderr.
$bin --stats --trace=control "$tmp/chain.wast" >"$tmp/out" 2>"$tmp/err"
verdict "with --trace=control: the trace" 0 $? "resume" stdout "$(cat "$tmp/out")"
expect "with --trace=control: the figures" "$tmp/err" '(invoke "nest")' <<'EOF'
steps 13
control 4
continuation 6
reference 3
calls 4
cont.new 3
cont.resume 3
cont.returned 3
cont.chain 3
stack.peak 10992
heap.peak 168
EOF

# Without --stats, no block; --stats takes no value.
check "without --stats, no figures" 0 '=10 : [i32]' $bin "$tmp/loop.wast"
out=$($bin "$tmp/loop.wast" 2>&1 | grep -c '^stats')
verdict "without --stats, no block" 0 0 "=0" output "$out"
check "--stats=1 is refused" 2 "unknown option '--stats=1'" $bin --stats=1 "$tmp/loop.wast"
check "--stats=json is refused" 2 "unknown option '--stats=json'" $bin --stats=json "$tmp/loop.wast"

echo "1..$n"
exit $failed
