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
