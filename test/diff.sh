#!/bin/sh
# test/fuzz/diff.sh's bad input and missing tools: no Node.js, no engine,
# --ttf without wasm-opt (each exit 77, with what to install), and the
# harness's usage errors (exit 2).  It never runs an engine.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"
diff_sh="$top_srcdir/test/fuzz/diff.sh"
export WASMFX_REF="$PWD/wasmfx-ref"
# A PATH with the shell's tools and no node, node26 or wasm-opt.
mkdir "$tmp/bin"
for t in dirname sed; do ln -s "$(command -v $t)" "$tmp/bin/$t"; done

check "no Node.js at all" 77 "no Node.js 18 or later" env PATH="$tmp/bin" NODE=/nonexistent /bin/sh "$diff_sh" --gen 1
node=$(command -v node)
if [ -n "$node" ] && [ "$("$node" --version | sed 's/^v\([0-9]*\).*/\1/')" -ge 18 ] 2>/dev/null; then
  check "no engine" 77 "neither V8 nor Binaryen" env PATH="$tmp/bin" NODE="$node" NODE26= WASM_OPT= \
    /bin/sh "$diff_sh" --gen 1
  check "the missing engine named" 77 "no wasm-opt (npm install binaryen" env PATH="$tmp/bin" NODE="$node" \
    NODE26= WASM_OPT= /bin/sh "$diff_sh" --gen 1
  check "--ttf without wasm-opt" 77 "--ttf needs wasm-opt" env PATH="$tmp/bin" NODE="$node" \
    NODE26="$node" WASM_OPT= /bin/sh "$diff_sh" --ttf 1
  check "an unknown option" 2 "usage: diff.sh" "$node" "$top_srcdir/test/fuzz/diff.cjs" --bogus
  check "a count that is not one" 2 "usage: diff.sh" "$node" "$top_srcdir/test/fuzz/diff.cjs" --gen x
  check "no modules asked for" 2 "usage: diff.sh" "$node" "$top_srcdir/test/fuzz/diff.cjs" --out "$tmp/o"
  check "an unknown engine" 2 "usage: diff.sh" "$node" "$top_srcdir/test/fuzz/diff.cjs" --gen 1 --engines sm
else
  for t in "no engine" "the missing engine named" "--ttf without wasm-opt" "an unknown option" \
    "a count that is not one" "no modules asked for" "an unknown engine"; do
    n=$((n + 1)); echo "ok $n - $t # SKIP no Node.js 18 or later (Debian: apt-get install nodejs)"
  done
fi

echo "1..$n"
exit $failed
