#!/bin/sh
# make bench: the wall time and peak memory of each official suite as a
# whole (one wasmfx-ref process per suite) and of each workload in bench/
# and ../shared/bench/, with the ratio to the previous run's time when there
# is one (bench.last in the build directory); then bench/fibers.sh's table
# of fibers/'s C programs over WasmFX and Asyncify.  A benchmark, not a test:
# nothing here fails on timing.
#
# BASE=/path/to/another/wasmfx-ref compares two builds side by side: each
# workload runs REPS times (3) with each binary, alternating, and the table
# shows the least user CPU time of each and their ratio (this build's over
# BASE's) — CPU time, as other work on the machine inflates wall time.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
bin=${BIN:-./wasmfx-ref}
base=${BASE:-}
reps=${REPS:-3}
suites=${WAST_DIR:-$top_srcdir/../shared/testsuite}
shared_bench=${SHARED_BENCH:-$top_srcdir/../shared/bench}
last=bench.last
now=$(mktemp)
trap 'rm -f "$now" "$now.out" "$now.time"' EXIT

timer=
if /usr/bin/time -f %M true >/dev/null 2>&1; then timer=/usr/bin/time; fi

# run BINARY ARGS...: runs one workload; sets secs (wall), mem (peak MB),
# cpu (user seconds, "?" without a timer) and status.
run() {
  start=$(date +%s.%N)
  if [ -n "$timer" ]; then
    $timer -f '%M %U' -o "$now.time" "$@" >"$now.out" 2>&1
  else
    "$@" >"$now.out" 2>&1
  fi
  status=$?
  end=$(date +%s.%N)
  secs=$(echo "$start $end" | awk '{printf "%.2f", $2 - $1}')
  mem=$( [ -n "$timer" ] && tail -n 1 "$now.time" | awk '{printf "%.0f", $1 / 1024}' || echo "?")
  cpu=$( [ -n "$timer" ] && tail -n 1 "$now.time" | awk '{printf "%.2f", $2}' || echo "?")
}

# least A B: the smaller of two times ("?" if unknown)
least() {
  if [ -z "$1" ]; then echo "$2"; else echo "$1 $2" | awk '{ print ($2 < $1 ? $2 : $1) }'; fi
}

# measure NAME ARGS...: one line of the table, for wasmfx-ref ARGS...
measure() {
  name=$1
  shift
  run $bin "$@"
  counts=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {p += $1; f += $3} END {if (p + f) printf "%d passed, %d failed", p, f}' "$now.out")
  [ $status -eq 0 ] || counts="$counts (exit $status)"
  ratio=$(awk -v n="$name" -v s="$secs" -F '\t' '$1 == n && $2 > 0 {printf "%.2fx", s / $2}' "$last" 2>/dev/null)
  printf '%s\t%s\n' "$name" "$secs" >>"$now"
  if [ -z "$base" ]; then
    printf '%-34s %8s s %7s MB %8s   %s\n' "$name" "$secs" "$mem" "${ratio:--}" "$counts"
    return
  fi
  mine=$cpu theirs=
  i=0
  while [ $i -lt "$reps" ]; do
    run $base "$@"
    theirs=$(least "$theirs" "$cpu")
    [ $i -eq 0 ] || { run $bin "$@"; mine=$(least "$mine" "$cpu"); }
    i=$((i + 1))
  done
  vs=$(echo "$mine $theirs" | awk '$2 > 0 {printf "%.3f", $1 / $2}')
  printf '%-34s %8s s %8s s %8s   %s\n' "$name" "$mine" "$theirs" "${vs:--}" "$counts"
}

if [ -z "$base" ]; then
  printf '%-34s %10s %10s %8s   %s\n' "" "wall" "peak" "vs last" ""
else
  printf '%-34s %10s %10s %8s   %s\n' "" "user CPU" "BASE's" "ratio" ""
fi
if [ -d "$suites/wasm-3.0" ]; then
  measure "suite wasm-3.0 (--features=wasm3)" \
    --features=wasm3 $(find "$suites/wasm-3.0" -name '*.wast' | LC_ALL=C sort)
fi
if [ -d "$suites/stack-switching" ]; then
  measure "suite stack-switching" $(find "$suites/stack-switching" -name '*.wast' | LC_ALL=C sort)
fi
# A workload runs to its end, not to the default fuel's (10^9 units, which
# gc_churn's 100 million structs need more than).
fuel=--fuel=100000000000
for f in "$top_srcdir"/bench/*.wast; do
  measure "bench/$(basename "$f" .wast)" $fuel "$f"
done
if [ -d "$shared_bench" ]; then
  for f in "$shared_bench"/*.wast; do
    measure "shared/bench/$(basename "$f" .wast)" $fuel "$f"
  done
fi
cp "$now" "$last"

# fibers/: C programs with fibers over WasmFX and over Asyncify, when built
# (bench/fibers.sh; the same with or without BASE).
echo
top_srcdir=$top_srcdir BIN=$bin sh "$top_srcdir/bench/fibers.sh"
