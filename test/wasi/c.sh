#!/bin/sh
# A C program under the WASI host: test/wasi/hello.c, built at test time
# with clang for wasm32-wasi (wasi-libc) into the build folder, run with
# arguments, an environment, a fixed clock, and to its exit and trap.
# Skipped if clang cannot build it.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/../..}
. "$top_srcdir/test/lib.sh"
CLANG=${CLANG:-clang}
wasm=test/wasi/hello.wasm
mkdir -p test/wasi
if ! "$CLANG" --target=wasm32-wasi -O2 "$top_srcdir/test/wasi/hello.c" -o "$wasm" > "$tmp/clang" 2>&1; then
  echo "1..0 # SKIP $CLANG cannot build wasm32-wasi programs ($(head -n 1 "$tmp/clang")); Debian: apt-get install clang lld wasi-libc"
  exit 0
fi

# same NAME STATUS OUT ERR COMMAND...: the command exits with STATUS and
# prints exactly OUT (printf %b) on stdout and ERR on stderr.
same() {
  name=$1 want=$2 out=$3 err=$4
  shift 4
  "$@" > "$tmp/out" 2> "$tmp/err"
  got=$?
  printf '%b' "$out" > "$tmp/want-out"
  printf '%b' "$err" > "$tmp/want-err"
  if cmp -s "$tmp/out" "$tmp/want-out" && cmp -s "$tmp/err" "$tmp/want-err"; then
    verdict "$name" "$want" $got "" output ""
  else
    verdict "$name" "$want" $got "^the same output$" "stdout, then stderr" "$(cat "$tmp/out" "$tmp/err")"
  fi
}

head="hello from C: 3 arguments\nargv[0] = \"$wasm\"\nargv[1] = \"two words\"\nargv[2] = \"\"\n"
same "printf, argv, getenv, time, arc4random, malloc" 0 \
  "${head}WHO is me\ntime 1000000000\nrandom c2f4b0a8\nmalloc'd 1048576 bytes: x\n" 'a line on stderr\n' \
  $bin --wasi-clock=fixed --wasi-env=WHO=me "$wasm" "two words" ""
same "the same again" 0 \
  "${head}WHO is me\ntime 1000000000\nrandom c2f4b0a8\nmalloc'd 1048576 bytes: x\n" 'a line on stderr\n' \
  $bin --wasi-clock=fixed --wasi-env=WHO=me "$wasm" "two words" ""
check "exit(7): status 7" 7 "^argv\[2\] = \"7\"$" $bin "$wasm" exit 7
check "no environment unless given" 0 "^WHO is not set$" $bin "$wasm"
check "__builtin_trap: a trap in main, with a backtrace" 6 '^  at \$main (test/wasi/hello.wasm:0x[0-9a-f]*)$' \
  $bin "$wasm" trap

echo "1..$n"
exit $failed
