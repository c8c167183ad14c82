#!/bin/sh
# make check's share of test/fuzz/fuzz-exec.sh: ten modules of Binaryen's
# fuzzer, whose logs must equal wasm-opt --fuzz-exec's.  Skipped unless
# wasm-opt is on the PATH or in WASM_OPT.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/../..}
TAP=1 exec sh "$top_srcdir/test/fuzz/fuzz-exec.sh" "${FUZZ_EXEC_N:-10}" 1
