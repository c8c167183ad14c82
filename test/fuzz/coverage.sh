#!/bin/sh
# Which lines of the stack-switching code the generator's modules execute by
# themselves (issue 14: at least 90%): builds wasmfx-ref with gcov
# instrumentation (configure --enable-coverage, -O0) in a directory of its
# own, makes the modules of seeds 1 to N with --generate, runs each with
# --run-all-exports and nothing else, then makes the invalid modules of
# seeds 1 to INVALID with --generate --invalid and checks each with -d
# (the validator must reject it), then reports the lines executed by both
# together.
#
#   test/fuzz/coverage.sh [N]     (N: 10000 seeds)
#
# Environment: INVALID (the invalid modules' seeds, 1 to INVALID; default
# 10000; 0: none, the valid modules alone), SIZE (--size of every module;
# default: the generator's), JOBS (2 runs at once), COVERAGE_DIR (the build
# directory: kept, and reused by a later run, which rebuilds only what
# changed in the tree; default: a temporary one, removed at the end).
# Needs gcc's gcov.  Takes some minutes: 10,000 seeds are 20,000
# processes, each writing its counts, and as many for the invalid ones.
#
# The lines are those of test/continuations/coverage.sh (coverage_regions
# in test/continuations/lib.sh): the continuation rules of interp/control.c
# (cont.new, cont.bind, resume, resume_throw, resume_throw_ref, suspend,
# switch, the handler search, capture and attachment of continuations),
# its prompt's end (stack_done) and the exception's crossing of prompts
# (throw_exn), the stack-switching cases of interp/eval.c, and validate/'s
# typing rules of those instructions and handlers, the cases that call
# them, the continuation types and tags.  Two kinds of them are counted
# apart as well, by rules on their text (lib.sh says which): the
# validator's rejections, which only the invalid modules reach (each
# breaks one rule, gen/mutate.c), and the limits (a full heap or host
# memory, a stack's limit of values, fuel running out during a handler
# search), which a valid module that terminates within the default limits
# does not reach.  The report gives the share of all the lines, and the
# shares without those kinds; the generator's tests (test/generate.sh)
# require that no run reach a limit.
#
# A seed whose generation or run fails (a status other than 0, or a
# crash), or whose invalid module is not rejected as invalid (status 4,
# from --generate and from -d alike), is listed, and the script exits 1.
. "$(dirname "$0")/../continuations/lib.sh"

n=${1:-10000}
jobs=${JOBS:-2}
invalid=${INVALID-10000}
case $n$invalid in '' | *[!0-9]*) echo "usage: [INVALID=N] $0 [N]" >&2; exit 2 ;; esac
command -v gcov >/dev/null 2>&1 || { echo "coverage.sh: gcov is needed (it comes with gcc)" >&2; exit 77; }

if [ -n "${COVERAGE_DIR-}" ]; then
  dir=$COVERAGE_DIR
else
  dir=$(mktemp -d "${TMPDIR:-/tmp}/wasmfx-gen-coverage.XXXXXX")
  trap 'rm -rf "$dir"' EXIT
fi

# The build: a new one, or the kept one with the files that changed since.
if [ -x "$dir/wasmfx-ref" ] && [ -f "$dir/config.status" ]; then
  echo "updating the build in $dir ..."
  (cd "$top" && git ls-files) | while read -r f; do
    cmp -s "$top/$f" "$dir/$f" 2>/dev/null || { mkdir -p "$dir/$(dirname "$f")" && cp "$top/$f" "$dir/$f"; }
  done
  (cd "$dir" && make -j"$jobs" wasmfx-ref) >"$dir/build.log" 2>&1 || {
    echo "coverage.sh: the build in $dir failed; see $dir/build.log" >&2
    exit 1
  }
else
  echo "building with --enable-coverage in $dir ..."
  suite_build "$dir" --enable-coverage CFLAGS='-g -O0' || exit 1
fi
find "$dir" -name '*.gcda' -exec rm -f {} +

echo "running the modules of seeds 1 to $n ..."
mkdir -p "$dir/runs"
rm -f "$dir/runs/failed."*
# Each batch of seeds in a directory of its own; a seed that fails is
# written to failed.<first seed of its batch>.
seq 1 "$n" | xargs -P "$jobs" -n 100 sh -c '
  dir=$1; size=$2; shift 2
  w=$dir/runs/$1
  mkdir -p "$w"
  for s in "$@"; do
    "$dir/wasmfx-ref" --generate "$s" ${size:+--size "$size"} -o "$w/m.wasm" >"$w/gen.out" 2>&1
    g=$?
    timeout -k 5 120 "$dir/wasmfx-ref" "$w/m.wasm" --run-all-exports >"$w/run.log" 2>&1
    r=$?
    [ $g -eq 0 ] && [ $r -eq 0 ] || echo "seed $s: generate $g, run $r" >>"$dir/runs/failed.$1"
  done
  rm -rf "$w"
' sh "$dir" "${SIZE-}"

if [ "$invalid" -gt 0 ]; then
  echo "checking the invalid modules of seeds 1 to $invalid ..."
  # Each must be printed and rejected: status 4 (invalid) from --generate,
  # which validates it, and from -d on the text it printed.
  seq 1 "$invalid" | xargs -P "$jobs" -n 100 sh -c '
    dir=$1; size=$2; shift 2
    w=$dir/runs/i$1
    mkdir -p "$w"
    for s in "$@"; do
      "$dir/wasmfx-ref" --generate "$s" --invalid ${size:+--size "$size"} >"$w/m.wat" 2>"$w/gen.out"
      g=$?
      "$dir/wasmfx-ref" -d "$w/m.wat" >"$w/check.log" 2>&1
      r=$?
      [ $g -eq 4 ] && [ $r -eq 4 ] || echo "invalid seed $s: generate $g, -d $r" >>"$dir/runs/failed.i$1"
    done
    rm -rf "$w"
  ' sh "$dir" "${SIZE-}"
fi
status=0
if ls "$dir/runs/failed."* >/dev/null 2>&1; then
  echo "failed:"
  cat "$dir/runs/failed."*
  status=1
fi

what="the generator's modules alone (seeds 1 to $n"
[ "$invalid" -gt 0 ] && what="$what, invalid ones of seeds 1 to $invalid"
coverage_report "$dir" "$what${SIZE:+, size $SIZE})" || status=1
exit $status
