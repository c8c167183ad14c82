#!/bin/sh
# --generate: a seed's module is printed, or written by -o, the same every
# time; a bad SEED or N is a usage error.  Then 200 seeds' modules run all
# their exports (--run-all-exports) within the default limits: each run
# ends with status 0, and no call runs out of fuel, stack or heap (a
# "[host limit" line); traps and uncaught exceptions are a minority of the
# calls.  The counts of outcomes are printed as TAP comments.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"
seeds=${GENERATE_SEEDS:-200}

check "--generate prints a module" 0 '^(module$' $bin --generate 7
$bin --generate 7 > "$tmp/a.wat" 2>&1
$bin --generate 7 > "$tmp/b.wat" 2>&1
cmp -s "$tmp/a.wat" "$tmp/b.wat"
verdict "the same seed prints the same text" 0 $? '' output "$(cmp "$tmp/a.wat" "$tmp/b.wat" 2>&1)"
$bin --generate 8 > "$tmp/c.wat" 2>&1
! cmp -s "$tmp/a.wat" "$tmp/c.wat"
verdict "another seed prints another module" 0 $? '' output ""
$bin --generate 7 --size 3 > "$tmp/small.wat" 2>&1
$bin --generate 7 --size 60 > "$tmp/big.wat" 2>&1
[ "$(wc -c < "$tmp/small.wat")" -lt "$(wc -c < "$tmp/big.wat")" ]
verdict "--size bounds the module" 0 $? '' sizes "$(wc -c "$tmp/small.wat" "$tmp/big.wat")"
check "--generate -o writes and prints nothing" 0 '' $bin --generate 7 -o "$tmp/a.wasm"
[ -s "$tmp/a.wasm" ] && [ -z "$out" ]
verdict "the .wasm is written" 0 $? '' output "$out"
check "bad seed" 2 "SEED, a number from 0 to 2^64-1 (not 'x1')" $bin --generate x1
check "negative seed" 2 "(not '-3')" $bin --generate -3
check "seed beyond 64 bits" 2 "(not '18446744073709551616')" $bin --generate 18446744073709551616
check "no seed" 2 "needs a SEED" $bin --generate
check "size 0" 2 "--size needs a number from 1 to 1000 (not '0')" $bin --generate 1 --size 0
check "size too big" 2 "(not '1001')" $bin --generate 1 --size 1001
check "no size" 2 "--size needs a number" $bin --generate 1 --size

# --invalid: the same seed's module with one type error, printed, and the
# run fails as the validator rejects it; -o writes it only with -u.
check "--invalid prints a module and is rejected" 4 'generated.wat:[0-9]*:[0-9]*: error: ' $bin --generate 7 --invalid
$bin --generate 7 --invalid > "$tmp/i.wat" 2>/dev/null
grep -q '^(module$' "$tmp/i.wat" && ! cmp -s "$tmp/a.wat" "$tmp/i.wat"
verdict "--invalid's text is printed, and differs from the valid one's" 0 $? '' output "$(head -3 "$tmp/i.wat")"
$bin --generate 7 --size 3 --invalid > "$tmp/i1.wat" 2>/dev/null
$bin --generate 7 --invalid --size 3 > "$tmp/i2.wat" 2>/dev/null
cmp -s "$tmp/i1.wat" "$tmp/i2.wat"
verdict "--size and --invalid in either order" 0 $? '' output "$(cmp "$tmp/i1.wat" "$tmp/i2.wat" 2>&1)"
check "--invalid -o without -u writes nothing" 4 'generated.wat:[0-9]*:[0-9]*: error: ' $bin --generate 7 --invalid -o "$tmp/i.wasm"
[ ! -e "$tmp/i.wasm" ]
verdict "no .wasm without -u" 0 $? '' output "$(ls -l "$tmp/i.wasm" 2>&1)"
$bin -u --generate 7 --invalid -o "$tmp/i.wasm" >/dev/null 2>&1
[ -s "$tmp/i.wasm" ] && ! $bin -d "$tmp/i.wasm" >/dev/null 2>&1
verdict "-u writes the invalid module, which does not validate" 0 $? '' output "$(ls -l "$tmp/i.wasm" 2>&1)"
check "--invalid with a bad size" 2 "(not '0')" $bin --generate 7 --invalid --size 0

# A module written as text and as binary runs the same.
$bin --generate 7 -o "$tmp/a.wat" >/dev/null 2>&1
$bin "$tmp/a.wat" --run-all-exports > "$tmp/wat.log" 2>&1
$bin "$tmp/a.wasm" --run-all-exports > "$tmp/wasm.log" 2>&1
cmp -s "$tmp/wat.log" "$tmp/wasm.log"
verdict "-o .wat and -o .wasm run alike" 0 $? '' diff "$(diff "$tmp/wat.log" "$tmp/wasm.log" | head)"

# The seeds' runs.
calls=0 results=0 traps=0 exceptions=0 limits=0 bad=0 badlist=""
s=1
while [ $s -le "$seeds" ]; do
  $bin --generate $s -o "$tmp/m.wasm" > "$tmp/gen.out" 2>&1
  g=$?
  $bin "$tmp/m.wasm" --run-all-exports > "$tmp/run.log" 2>&1
  r=$?
  c=$(grep -c '^\[fuzz-exec\] export ' "$tmp/run.log")
  t=$(grep -c '^\[trap ' "$tmp/run.log")
  e=$(grep -c '^\[exception thrown' "$tmp/run.log")
  l=$(grep -c '^\[host limit' "$tmp/run.log")
  calls=$((calls + c)) traps=$((traps + t)) exceptions=$((exceptions + e)) limits=$((limits + l))
  if [ $g -ne 0 ] || [ $r -ne 0 ] || [ "$l" -ne 0 ] || [ "$c" -eq 0 ]; then
    bad=$((bad + 1))
    badlist="$badlist seed $s: generate $g, run $r, $l limits, $c calls;"
  fi
  s=$((s + 1))
done
echo "# $seeds seeds: $calls calls, $((calls - traps - exceptions - limits)) returned, $traps trapped, $exceptions threw, $limits hit a limit"
verdict "$seeds seeds generate and run to status 0 within the limits" 0 $bad '' failures "$badlist"
[ $((2 * (traps + exceptions))) -lt "$calls" ]
verdict "traps and exceptions are a minority of the calls" 0 $? '' counts \
  "$calls calls, $traps traps, $exceptions exceptions"

echo "1..$n"
exit $failed
