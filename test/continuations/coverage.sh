#!/bin/sh
# Which lines of the stack-switching code the conformance suite executes by
# itself: builds wasmfx-ref with gcov instrumentation in a directory of its
# own, runs only test/continuations/*.wast, and reports each region below
# with its executed and executable lines, then every line never executed.
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

# The stack-switching code: file | first line (regex) | last line (regex) |
# whether the last line belongs to the region.  Sections end where the next
# one begins; functions end at their closing brace.
regions='interp/control.c|^/\* =+ Continuations|^/\* =+ |no
interp/eval.c|/\* ---- Stack switching|/\* ---- |no
interp/control.c|^static bool stack_done\(|^}|yes
interp/control.c|^bool throw_exn\(|^}|yes
validate/instr.c|^/\* -+ Stack switching|^/\* -+ |no
validate/instr.c|^static const FuncType \*cont_of\(|^}|yes
validate/instr.c|^static bool castable\(|^}|yes
validate/instr.c|case OP_CONT_NEW:|case OP_SWITCH:|yes
validate/types.c|/\* spec: valid-cont-type \*/|^  }|yes
validate/types.c|^static bool valid_tagtype\(|^}|yes'

(
  cd "$dir" || exit 1
  for src in interp/control.c interp/eval.c validate/instr.c validate/types.c; do
    # libtool's object, of libwasm.la or libexhaustive.la: DIR/.libs/LIB_la-NAME.o, its data beside it
    obj=$(ls "$(dirname "$src")"/.libs/lib*_la-"$(basename "$src" .c)".o | head -n 1)
    gcov -o "$obj" "$src" >/dev/null 2>&1 || { echo "gcov failed on $src" >&2; exit 1; }
  done
  printf '%s\n' "$regions" | awk -F'|' '
    # One pass over each region: the .gcov lines are "count:line:source",
    # count "-" for lines without code, "#####" for code never executed.
    function scan(file, first, last, incl,    gcov, line, f, n, in_, cnt, no, text) {
      gcov = file; sub(/.*\//, "", gcov); gcov = gcov ".gcov"
      in_ = 0
      while ((getline line < gcov) > 0) {
        n = split(line, f, ":")
        if (n < 3) continue
        cnt = f[1]; gsub(/ /, "", cnt); no = f[2] + 0
        if (no == 0) continue
        text = line; sub(/^[^:]*:[^:]*:/, "", text)   # the source may hold colons
        if (!in_ && text ~ first) { in_ = 1; start = no; scan_line(file, cnt, no, text); continue }
        if (in_) {
          if (text ~ last) {
            if (incl == "yes") scan_line(file, cnt, no, text)
            break
          }
          scan_line(file, cnt, no, text)
        }
      }
      close(gcov)
      if (!in_) { printf "region not found: %s %s\n", file, first; bad = 1 }
    }
    function scan_line(file, cnt, no, text) {
      if (cnt == "-") return
      total++; rtotal++
      if (cnt ~ /^(#####|=====)$/) { missed[++nmissed] = file ":" no ":" text; return }
      run++; rrun++
    }
    {
      rtotal = rrun = 0
      scan($1, $2, $3, $4)
      printf "  %-17s %-42s %4d of %4d lines\n", $1, $2, rrun, rtotal
    }
    END {
      printf "stack-switching lines executed by test/continuations alone: %d of %d (%.1f%%)\n",
             run, total, total ? 100 * run / total : 0
      if (nmissed) print "never executed:"
      for (i = 1; i <= nmissed; i++) print "  " missed[i]
      exit bad
    }'
) || status=1
exit $status
