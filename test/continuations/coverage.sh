#!/bin/sh
# Which lines of the stack-switching code the conformance suite executes by
# itself: builds wasmfx-ref with gcov instrumentation in a directory of its
# own, runs only test/continuations/*.wast, and reports each region of the
# list in lib.sh with its executed and executable lines, then every line
# never executed (coverage_report, in lib.sh).
#
#   test/continuations/coverage.sh [-k]    (-k keeps the build directory)
#
# Needs gcc's gcov.  Takes a minute or two: the build is unoptimised so that
# every line is counted where it is written.
. "$(dirname "$0")/lib.sh"

keep=
[ "${1-}" = -k ] && keep=1
command -v gcov >/dev/null 2>&1 || { echo "coverage.sh: gcov is needed (it comes with gcc)" >&2; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/wasmfx-coverage.XXXXXX")
[ -n "$keep" ] || trap 'rm -rf "$dir"' EXIT

echo "building with --enable-coverage in $dir ..."
suite_build "$dir" --enable-coverage CFLAGS='-g -O0' || exit 1
echo "running the suite ..."
if suite_run "$dir/wasmfx-ref"; then status=0; else status=1; echo "the suite failed: its coverage is not meaningful"; fi

coverage_report "$dir" "test/continuations alone" || status=1
exit $status
