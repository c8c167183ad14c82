#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs one.
#   test/fuzz/run.sh [decode|text|run|unchecked|direct|generate_run] [SECONDS]   (JOBS=N compiles N at once)
# decode: the binary decoder; text: the text parser; run: whole scripts,
# parsed, validated and run under small limits; unchecked: scripts and
# modules under -u (not validated when defined), run and converted; direct:
# binary modules run as --dummy-imports --run-all-exports runs them;
# generate_run: the bytes as the generator's choices (gen/), the module it
# makes checked valid and run as --run-all-exports runs it.
# Needs clang and libclang-rt-dev (Debian).  The corpus starts from the
# binary and quoted modules of the official suites when they are there;
# crashes are written to test/fuzz/out/.
set -e
target=${1:-decode}
seconds=${2:-600}
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/test/fuzz/out
mkdir -p "$out/corpus-$target"
if [ "$target" = decode ]; then
  srcs="util/*.c syntax/ast.c syntax/types.c syntax/limits.c binary/*.c"
else
  # the generated lexer and parser come from the normal build
  [ -f "$top/text/lexer.c" ] && [ -f "$top/text/parser.c" ] || make -C "$top"
  srcs="util/*.c syntax/*.c $(cd "$top" && ls text/*.c | grep -v keywords.c | tr '\n' ' ')"
  # the script layer as libwasm.la has it (script/local.mk): all but main, direct and the REPL
  [ "$target" = text ] || srcs="$srcs binary/*.c validate/*.c interp/*.c script/run.c script/show.c script/json.c script/files.c script/sig.c script/js.c"
  case $target in
    direct) srcs="$srcs script/direct.c" ;;
    generate_run) srcs="$srcs script/direct.c gen/*.c" ;;
  esac
fi
# Each source is compiled on its own, several at once; the generated lexer
# at -O0, as clang takes many minutes to optimise its one huge function.
obj=$out/obj-$target
rm -rf "$obj" && mkdir -p "$obj"
flags="-std=c11 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -I$top"
(cd "$top" && for f in $srcs "test/fuzz/fuzz_$target.c"; do echo "$f"; done) |
  (cd "$top" && xargs -P "${JOBS:-4}" -I{} sh -c '
    o="$0/$(echo "{}" | tr / _).o"
    case "{}" in text/lexer.c) opt=-O0 ;; *) opt=-O1 ;; esac
    clang $1 $opt -c "{}" -o "$o"' "$obj" "$flags")
clang -fsanitize=fuzzer,address,undefined "$obj"/*.o -o "$out/fuzz_$target"
# Seeds: every module of the official suites, in binary form (decode) or
# the suites' scripts and ours themselves (text, run); none for
# generate_run, whose bytes are choices, not a module.
seeds=$out/seeds-$target
suites=${WAST_DIR:-$top/../shared/testsuite}
[ "$target" = generate_run ] && suites=
if [ ! -d "$seeds" ] && [ -n "$suites" ] && [ -d "$suites" ]; then
  mkdir -p "$seeds"
  if [ "$target" = decode ] || [ "$target" = direct ]; then
    [ -x "$top/test/roundtrip" ] || make -C "$top" test/roundtrip
    (cd "$suites" && "$top/test/roundtrip" --dump "$seeds" $(find . -name '*.wast') >/dev/null) || true
  else
    n=0
    for f in $(find "$suites" "$top/test/core" -name '*.wast'); do
      n=$((n + 1))
      cp "$f" "$seeds/s$n.wat"
    done
  fi
fi
# and the inputs of test/adversarial, made by running it (text and binary
# alike: the targets take any bytes)
if [ -n "$suites" ] && [ -d "$seeds" ] && [ ! -f "$seeds/.adversarial" ] && [ -x "$top/wasmfx-ref" ]; then
  (cd "$top" && ADVERSARIAL_SEEDS=$seeds top_srcdir=. sh test/adversarial/run.sh >/dev/null 2>&1) || true
  touch "$seeds/.adversarial"
fi
[ -d "$seeds" ] || seeds=   # no suites: the corpus alone
cd "$out"
exec "./fuzz_$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
  "corpus-$target" ${seeds:+"$seeds"}
