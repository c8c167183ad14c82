#!/bin/sh
# make bench's part for fibers/ (doc/fibers.md): each program run by
# wasmfx-ref in its WasmFX build and in its Asyncify build, at the sizes
# below (larger than fibers/check.test's), with for each: the steps of the
# run (wasmfx-ref --stats: its last "steps N" line on stderr; "-" if this
# wasmfx-ref has no --stats; a second run, as counting costs time), the size
# of the .wasm, the CPU time (user and system) and the peak memory (maximum
# resident set).  The table goes to stdout, its figures also to
# bench-fibers.tsv (one line a run, tab-separated: program, arguments,
# build, steps, bytes, CPU seconds, peak KB, exit status), from which
# bench/fibers-plot.py draws bench-fibers.svg.
# Each run's output must be the same in both builds, or its line says so;
# nothing here fails on timing.  Run from the build directory; nothing to do
# (a note) if the programs are not built.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
bin=${BIN:-./wasmfx-ref}
tsv=bench-fibers.tsv
svg=bench-fibers.svg
# NAME ARG...: what to run, one a line
runs="pipeline 200000 8
sched 20000
sieve 15000
fringe 100000"

if [ ! -f fibers/sieve-wasmfx.wasm ] || [ ! -f fibers/sieve-asyncify.wasm ]; then
  echo "fibers: not built (configure found no clang for wasm32-wasi or no wasm-opt with --asyncify)"
  exit 0
fi
if ! /usr/bin/time -f %M true >/dev/null 2>&1; then
  echo "fibers: no GNU time (/usr/bin/time; apt-get install time): no CPU times or peak memory"
  exit 0
fi
stats=
"$bin" --help 2>&1 | grep -q -- '--stats' && stats=--stats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure IMPL NAME [ARG]...: runs the program NAME of the build IMPL and
# appends its line to the TSV file; its stdout in $tmp/IMPL.out.
measure() {
  impl=$1 name=$2
  shift 2
  prog=fibers/$name-$impl.wasm
  bytes=$(wc -c <"$prog" | tr -d ' ')
  set -- "$prog" "$@"
  [ "$impl" = wasmfx ] &&
    set -- "$top_srcdir/fibers/fiber.wat" -e '(register "fiber")' -e '(register "env")' "$@"
  set -- --fuel=100000000000 "$@"      # to the end, not the default fuel's
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$bin" "$@" </dev/null >"$tmp/$impl.out" 2>/dev/null
  status=$?
  # the steps from a run of their own, as counting them costs time (some 8%)
  steps=-
  [ -n "$stats" ] && steps=$("$bin" "$stats" "$@" </dev/null 2>&1 >/dev/null |
    awk '/^ *steps +[0-9]+/ { s = $2 } END { print (s == "" ? "-" : s) }')
  tail -n 1 "$tmp/time" | awk -v OFS='\t' -v n="$name" -v a="$args" -v i="$impl" -v st="$steps" \
    -v b="$bytes" -v x="$status" '{ print n, a, i, st, b, sprintf("%.2f", $1 + $2), $3, x }' >>"$tsv"
}

: >"$tsv"
printf '%-22s %-9s %12s %9s %8s %8s   %s\n' "fibers" "build" "steps" "bytes" "CPU" "peak" ""
echo "$runs" | while read -r name args; do
  measure wasmfx "$name" $args
  measure asyncify "$name" $args
  same="same output"
  cmp -s "$tmp/wasmfx.out" "$tmp/asyncify.out" || same="OUTPUTS DIFFER"
  tail -n 2 "$tsv" | awk -F '\t' -v same="$same" '{
    note = $8 == 0 ? "" : " (exit " $8 ")"
    if (NR == 2) note = note "   " same
    printf "%-22s %-9s %12s %9d %6.2f s %5.0f MB%s\n", $1 " " $2, $3, $4, $5, $6, $7 / 1024, note }'
done
if command -v python3 >/dev/null 2>&1; then
  python3 "$top_srcdir/bench/fibers-plot.py" "$tsv" \
    "fibers in C under $("$bin" --version 2>&1 | head -n 1): WasmFX and Asyncify" >"$svg" &&
    echo "fibers: the plot is in $svg"
fi
