#!/bin/sh
# make bench: the wall time and peak memory of each official suite as a
# whole (one wasmfx-ref process per suite) and of each workload in bench/
# and ../shared/bench/, with the ratio to the previous run's time when there
# is one (bench.last in the build directory).  A benchmark, not a test:
# nothing here fails on timing.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
bin=${BIN:-./wasmfx-ref}
suites=${WAST_DIR:-$top_srcdir/../shared/testsuite}
shared_bench=${SHARED_BENCH:-$top_srcdir/../shared/bench}
last=bench.last
now=$(mktemp)
trap 'rm -f "$now" "$now.out" "$now.time"' EXIT

timer=
if /usr/bin/time -f %M true >/dev/null 2>&1; then timer=/usr/bin/time; fi

# measure NAME COMMAND...: one line of the table
measure() {
  name=$1
  shift
  start=$(date +%s.%N)
  if [ -n "$timer" ]; then
    $timer -f %M -o "$now.time" "$@" >"$now.out" 2>&1
  else
    "$@" >"$now.out" 2>&1
  fi
  status=$?
  end=$(date +%s.%N)
  secs=$(echo "$start $end" | awk '{printf "%.2f", $2 - $1}')
  mem=$( [ -n "$timer" ] && tail -n 1 "$now.time" | awk '{printf "%.0f", $1 / 1024}' || echo "?")
  counts=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {p += $1; f += $3} END {if (p + f) printf "%d passed, %d failed", p, f}' "$now.out")
  ratio=$(awk -v n="$name" -v s="$secs" -F '\t' '$1 == n && $2 > 0 {printf "%.2fx", s / $2}' "$last" 2>/dev/null)
  [ $status -eq 0 ] || counts="$counts (exit $status)"
  printf '%-34s %8s s %7s MB %8s   %s\n' "$name" "$secs" "$mem" "${ratio:--}" "$counts"
  printf '%s\t%s\n' "$name" "$secs" >>"$now"
}

printf '%-34s %10s %10s %8s   %s\n' "" "wall" "peak" "vs last" ""
if [ -d "$suites/wasm-3.0" ]; then
  measure "suite wasm-3.0 (--features=wasm3)" \
    $bin --features=wasm3 $(find "$suites/wasm-3.0" -name '*.wast' | LC_ALL=C sort)
fi
if [ -d "$suites/stack-switching" ]; then
  measure "suite stack-switching" $bin $(find "$suites/stack-switching" -name '*.wast' | LC_ALL=C sort)
fi
for f in "$top_srcdir"/bench/*.wast; do
  measure "bench/$(basename "$f" .wast)" $bin "$f"
done
if [ -d "$shared_bench" ]; then
  for f in "$shared_bench"/*.wast; do
    measure "shared/bench/$(basename "$f" .wast)" $bin "$f"
  done
fi
cp "$now" "$last"
