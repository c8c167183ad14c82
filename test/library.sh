#!/bin/sh
# libwasmfx in the build tree: examples/embed (built by make check from
# examples/embed.c and api/wasmfx.h alone, linked with libwasmfx.la) runs,
# and each of its lines says what the API gave it.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
bin=./examples/embed
. "$top_srcdir/test/embed-expect.sh"
echo "1..$((nexpect + 3))"
out=$($bin 2>stderr.$$)
status=$?
err=$(cat stderr.$$)
rm -f stderr.$$
n=0
failed=0
expect_lines "embed" "$out"
n=$((n + 1))
# fac(3) last: an ok outcome, so the status is 0
if [ "$status" -eq 0 ]; then echo "ok $n - embed exits 0"; else echo "not ok $n - embed exits $status"; failed=1; fi
n=$((n + 1))
# messages go to stderr, with the trap's message
if printf '%s\n' "$err" | grep -q "div(42, 0): integer divide by zero"; then
  echo "ok $n - the trap's message on stderr"
else
  echo "not ok $n - the trap's message on stderr"; printf '%s\n' "$err" | sed 's/^/#   /'; failed=1
fi
exit $failed
