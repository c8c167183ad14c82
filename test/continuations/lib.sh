# Shared by coverage.sh and mutants.sh (sourced, not run): a private build of
# this source tree with configure flags of its own, and a run of the suite.
# Each tool builds in a directory of its own, so the user's build and tree
# stay as they are.

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

# suite_copy DIR: the source tree as it is now (tracked files, with their
# uncommitted changes) into DIR.  Without git, the whole tree, cleaned.
suite_copy() {
  mkdir -p "$1"
  if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$top" && git ls-files -z | xargs -0 cp --parents -t "$1")
  else
    cp -a "$top/." "$1"
    [ -f "$1/Makefile" ] && (cd "$1" && make distclean >/dev/null 2>&1)
  fi
}

# suite_build DIR CONFIGURE-ARGS...: copies the tree into DIR and builds
# wasmfx-ref there.  Its output goes to DIR/build.log.
suite_build() {
  dir=$1
  shift
  suite_copy "$dir" || return 1
  (
    cd "$dir" &&
      { [ -x configure ] || ./autogen.sh; } &&
      ./configure "$@" &&
      make -j"$(nproc 2>/dev/null || echo 2)" wasmfx-ref
  ) >"$dir/build.log" 2>&1 || {
    echo "$(basename "$0"): the build in $dir failed; see $dir/build.log" >&2
    return 1
  }
}

# suite_files: the suite's scripts, in order ($SUITE_FILES instead, if set).
suite_files() {
  if [ -n "${SUITE_FILES-}" ]; then echo "$SUITE_FILES"; else ls "$here"/*.wast; fi
}

# suite_run BIN: runs every script of the suite with BIN, each under a time
# limit (a broken interpreter may loop); prints one line per failing file and
# returns the number of failing files (at most 255).
suite_run() {
  bin=$1
  bad=0
  for f in $(suite_files); do
    if ! timeout -k 5 "${SUITE_TIMEOUT:-120}" "$bin" "$f" >/dev/null 2>&1; then
      echo "  fails: $(basename "$f")"
      bad=$((bad + 1))
    fi
  done
  [ $bad -lt 255 ] || bad=255
  return $bad
}

# The stack-switching code, for coverage.sh here and test/fuzz/coverage.sh:
# file | first line (regex) | last line (regex) | whether the last line
# belongs to the region.  Sections end where the next one begins; functions
# end at their closing brace.
coverage_regions='interp/control.c|^/\* =+ Continuations|^/\* =+ |no
interp/eval.c|/\* ---- Stack switching|/\* ---- |no
interp/control.c|^static bool stack_done\(|^}|yes
interp/control.c|^bool throw_exn\(|^}|yes
validate/instr.c|^/\* -+ Stack switching|^/\* -+ |no
validate/instr.c|^static const FuncType \*cont_of\(|^}|yes
validate/instr.c|^static bool castable\(|^}|yes
validate/instr.c|case OP_CONT_NEW:|case OP_SWITCH:|yes
validate/types.c|/\* spec: valid-cont-type \*/|^  }|yes
validate/types.c|^static bool valid_tagtype\(|^}|yes'

# coverage_report DIR WHAT: runs gcov in DIR, a build with --enable-coverage
# that has run, and reports each region with its executed and executable
# lines, the total (executed by WHAT), and every line never executed.
# Two kinds of lines are also counted apart, by rules on their text, with
# totals that leave them out:
#   - rejections (validate/): the lines that only run for an invalid
#     module: a line that calls FAIL or valid_error or returns false or
#     NULL, and every line of an `if (...) {` block one of whose own
#     statements (not a nested one's) calls FAIL or valid_error;
#   - limits (interp/): the lines that only run when the heap or the host's
#     memory is full, a stack reaches its limit of values, or the fuel runs
#     out: the body (the next line, or the `{` block) of an `if` whose
#     condition calls an allocation or a reservation (a function whose
#     name holds "alloc" or "reserve", or stack_new), or tests (`if (!x`)
#     a variable x that such a call set, or mentions the fuel; and any line
#     calling heap_full.
# Returns non-zero if a region is not found.
coverage_report() {
  (
    cd "$1" || exit 1
    for src in $(printf '%s\n' "$coverage_regions" | cut -d'|' -f1 | sort -u); do
      # libtool's object, of libwasm.la or libexhaustive.la: DIR/.libs/LIB_la-NAME.o, its data beside it
      obj=$(ls "$(dirname "$src")"/.libs/lib*_la-"$(basename "$src" .c)".o | head -n 1)
      gcov -o "$obj" "$src" >/dev/null 2>&1 || { echo "gcov failed on $src" >&2; exit 1; }
    done
    printf '%s\n' "$coverage_regions" | awk -F'|' -v what="$2" '
      # A region is read whole (the .gcov lines are "count:line:source",
      # count "-" for lines without code, "#####" for code never executed),
      # then its lines are classified and counted.
      function scan(file, first, last, incl,    gcov, line, f, in_, no, text) {
        gcov = file; sub(/.*\//, "", gcov); gcov = gcov ".gcov"
        in_ = 0; n = 0
        while ((getline line < gcov) > 0) {
          if (split(line, f, ":") < 3) continue
          no = f[2] + 0
          if (no == 0) continue
          text = line; sub(/^[^:]*:[^:]*:/, "", text)   # the source may hold colons
          if (!in_ && text ~ first) in_ = 1
          else if (in_ && text ~ last) { if (incl == "yes") keep(f[1], no, text); break }
          if (in_) keep(f[1], no, text)
        }
        close(gcov)
        if (!in_) { printf "region not found: %s %s\n", file, first; bad = 1 }
      }
      function keep(cnt, no, text) {
        gsub(/ /, "", cnt)
        n++; C[n] = cnt; N[n] = no; T[n] = text; K[n] = ""
      }
      function indent(s) { match(s, /^ */); return RLENGTH }
      # The line where the statement that begins at line i ends: its
      # closing brace if it opens a block, else the next line with code.
      function body_end(i,    j, code) {
        code = T[i]; sub(/ *\/\*.*\*\/ *$/, "", code)   # a comment at its end
        if (code ~ /\{ *$/) {
          for (j = i + 1; j <= n; j++) if (T[j] ~ /^ *} *$/ && indent(T[j]) == indent(T[i])) return j
          return n
        }
        for (j = i + 1; j <= n && C[j] == "-"; j++) ;
        return j
      }
      function classify(file,    i, j, e, v, cond, allocated) {
        for (i = 1; i <= n; i++) {
          if (file ~ /^validate\//) {
            if (T[i] ~ /FAIL\(|valid_error\(|return (false|NULL);/) K[i] = "rejection"
            if (T[i] ~ /^ *if \(/) {
              e = body_end(i)
              if (C[e] != "-") continue   # not a block
              for (j = i + 1; j < e; j++)
                if (indent(T[j]) == indent(T[i]) + 2 && T[j] ~ /FAIL\(|valid_error\(/) break
              if (j < e) for (j = i + 1; j <= e; j++) K[j] = "rejection"
            }
            continue
          }
          if (T[i] ~ /^}/) split("", allocated)
          if (T[i] ~ /heap_full\(/) K[i] = "limit"
          if (match(T[i], /[A-Za-z_][A-Za-z0-9_]* = /)) {
            v = substr(T[i], RSTART, RLENGTH - 3)
            if (T[i] ~ /= *\(?[a-z_]*(alloc[a-z_]*|stack_new)\(/) allocated[v] = 1
            else delete allocated[v]
          }
          if (T[i] !~ /^ *if \(/) continue
          cond = T[i]
          v = cond; sub(/^ *if \(!\(?/, "", v); sub(/[^A-Za-z0-9_].*/, "", v)
          if (cond ~ /[a-z_]*alloc[a-z_]*\(|stack_new\(|reserve\(|fuel/ || (cond ~ /^ *if \(!/ && v in allocated)) {
            e = body_end(i)
            for (j = i + 1; j <= e; j++) K[j] = "limit"
          }
        }
      }
      function count(file,    i, where) {
        for (i = 1; i <= n; i++) {
          if (C[i] == "-") continue
          total++; rtotal++; kind_total[K[i]]++
          if (C[i] ~ /^(#####|=====)/) {
            where = file ":" N[i] ":" T[i]
            missed[K[i], ++nmissed[K[i]]] = where
            continue
          }
          run++; rrun++; kind_run[K[i]]++
        }
      }
      {
        rtotal = rrun = 0
        scan($1, $2, $3, $4)
        classify($1)
        count($1)
        printf "  %-17s %-42s %4d of %4d lines\n", $1, $2, rrun, rtotal
      }
      END {
        printf "stack-switching lines executed by %s: %d of %d (%.1f%%)\n", what, run, total,
               total ? 100 * run / total : 0
        printf "  of which rejections of an invalid module: %d of %d executed\n",
               kind_run["rejection"], kind_total["rejection"]
        printf "  of which limits (a full heap, a stack full of values, no fuel): %d of %d executed\n",
               kind_run["limit"], kind_total["limit"]
        t = total - kind_total["rejection"] - kind_total["limit"]
        r = run - kind_run["rejection"] - kind_run["limit"]
        t1 = total - kind_total["rejection"]; r1 = run - kind_run["rejection"]
        printf "  without the rejections: %d of %d (%.1f%%)\n", r1, t1, t1 ? 100 * r1 / t1 : 0
        printf "  without the rejections and the limits: %d of %d (%.1f%%)\n", r, t, t ? 100 * r / t : 0
        split(",rejection,limit", kinds, ",")
        split("never executed:,never executed (rejections of an invalid module):,never executed (limits):", heads, ",")
        for (k = 1; k <= 3; k++) {
          if (nmissed[kinds[k]]) print heads[k]
          for (i = 1; i <= nmissed[kinds[k]]; i++) print "  " missed[kinds[k], i]
        }
        exit bad
      }'
  )
}
