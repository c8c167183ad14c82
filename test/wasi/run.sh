#!/bin/sh
# WASI commands (interp/wasi.c): the modules of test/wasi run as
# `wasmfx-ref MODULE [ARG]...`, each test one run, its exit status and its
# stdout and stderr compared byte for byte (a trap's message by pattern,
# as its position is calls.wat's line).  calls.wat calls every function of
# preview 1, one subcommand a run.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/../..}
. "$top_srcdir/test/lib.sh"
bin=$(pwd)/wasmfx-ref
dir=$top_srcdir/test/wasi

# run ARG...: wasmfx-ref ARG... in test/wasi (so that a module's argv[0]
# is its bare name), its stdout in $tmp/out, its stderr in $tmp/err, its
# exit status in $st.
run() {
  (cd "$dir" && "$bin" "$@") > "$tmp/out" 2> "$tmp/err"
  st=$?
}

# expect NAME STATUS OUT ERR: the last run exited with STATUS and printed
# exactly OUT on stdout, and on stderr exactly ERR, or if ERR starts with
# ~, a line that matches the extended regular expression after it.  OUT
# and ERR are printf formats without conversions: \n ends a line.
expect() {
  name=$1 want=$2 out=$3 err=$4
  printf "$out" > "$tmp/want-out"
  ok=true
  [ "$st" -eq "$want" ] || ok=false
  cmp -s "$tmp/out" "$tmp/want-out" || ok=false
  case $err in
    "~"*) grep -Eq -- "${err#\~}" "$tmp/err" || ok=false ;;
    *) printf "$err" > "$tmp/want-err"; cmp -s "$tmp/err" "$tmp/want-err" || ok=false ;;
  esac
  n=$((n + 1))
  if $ok; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    echo "# exit status $st (expected $want); stdout, then stderr:"
    head -n 8 "$tmp/out" | sed 's/^/#   /'
    head -n 8 "$tmp/err" | sed 's/^/#   /'
    failed=1
  fi
}

# ---- Output, arguments, environment

run calls.wat hello
expect "fd_write: two buffers to stdout, one to stderr, none" 0 \
  'hello, world\nfd_write 0 13\nfd_write 0 10\nfd_write 0 0\n' 'to stderr\n'

run calls.wat args -d --help 'two words' ''
expect "args: argv[0] is the file as given, then every argument after it, options too" 0 \
  'args_sizes_get 0 6 36\nargs_get 0\n2048 calls.wat\n2058 args\n2063 -d\n2066 --help\n2073 two words\n2083 \n' ''

run calls.wat environ
expect "environ: empty unless given" 0 'environ_sizes_get 0 0 0\nenviron_get 0\n' ''

run --wasi-env=A=1 --wasi-env=PATH=/x=y calls.wat environ
expect "environ: --wasi-env's variables, in order" 0 \
  'environ_sizes_get 0 2 14\nenviron_get 0\n2048 A=1\n2052 PATH=/x=y\n' ''

# ---- Clocks and randomness

fixed='clock 0 res 0 1000000 time 0 1000000000000000000
clock 1 res 0 1000000 time 0 1000000
clock 2 res 0 1000000 time 0 2000000
clock 3 res 0 1000000 time 0 3000000
clock 4 res 28 0 time 28 0
clock 0 res 0 1000000 time 0 1000000000004000000
'
run --wasi-clock=fixed calls.wat clock
expect "--wasi-clock=fixed: from 10^9 s, a millisecond a read; clock 4 is EINVAL" 0 "$fixed" ''
run --wasi-clock=fixed calls.wat clock
expect "--wasi-clock=fixed: the same again" 0 "$fixed" ''
run calls.wat clock
check "--wasi-clock=real (the default): the host's clocks" 0 "^5$" \
  grep -c -E '^clock [0-3] res 0 [0-9]+ time 0 [0-9]+$' "$tmp/out"
seconds=$(sed -n 's/^clock 0 res 0 [0-9]* time 0 \([0-9]*\)[0-9]\{9\}$/\1/p' "$tmp/out" | head -n 1)
check "--wasi-clock=real: realtime is now" 0 "" test "${seconds:-0}" -ge $(($(date +%s) - 600))

random='random_get 0 e26e06f81b532cc53ef365c2868eb584
random_get 0 7dc334d8dba9ed54dd936940a2eef137
random_get 0 00000000000000000000000000000000
'
run calls.wat random
expect "random_get: seed 0 by default; a length of 0 writes nothing" 0 "$random" ''
run --wasi-seed=0 calls.wat random
expect "random_get: --wasi-seed=0 is the default" 0 "$random" ''
for seed in 1 18446744073709551615; do
  run --wasi-seed=$seed calls.wat random
  check "random_get: --wasi-seed=$seed" 0 "^3$" grep -c -E '^random_get 0 [0-9a-f]{32}$' "$tmp/out"
  check "random_get: --wasi-seed=$seed gives other bytes than 0" 1 "" grep -q e26e06f81b532cc5 "$tmp/out"
done

# ---- File descriptors, the rest

run calls.wat fds
expect "the standard descriptors: fdstat, no preopens, no seeking, EBADF, fd_close" 0 \
'fd_fdstat_get 0 0 2 0 2 0
fd_fdstat_get 1 0 2 0 64 0
fd_fdstat_get 2 0 2 0 64 0
fd_fdstat_get 3 8 255 65535 18446744073709551615 18446744073709551615
fd_fdstat_get 4294967295 8 255 65535 18446744073709551615 18446744073709551615
fd_prestat_get 0 8
fd_prestat_get 3 8
fd_seek 1 70
fd_seek 3 8
fd_write 0 8
fd_write 3 8
sched_yield 0
fd_close 0 0
fd_fdstat_get 0 8 255 65535 18446744073709551615 18446744073709551615
fd_close 0 8
fd_close 2 0
fd_write 2 8
fd_seek 2 8
fd_close 2 8
' ''

stubs=
for f in fd_advise fd_allocate fd_datasync fd_fdstat_set_flags fd_fdstat_set_rights \
    fd_filestat_get fd_filestat_set_size fd_filestat_set_times fd_pread fd_prestat_dir_name \
    fd_pwrite fd_read fd_readdir fd_renumber fd_sync fd_tell path_create_directory \
    path_filestat_get path_filestat_set_times path_link path_open path_readlink \
    path_remove_directory path_rename path_symlink path_unlink_file poll_oneoff proc_raise \
    sock_accept sock_recv sock_send sock_shutdown; do
  stubs="$stubs$f 52\n"
done
run calls.wat stubs
expect "every other function of preview 1 links and returns ENOSYS" 0 "$stubs" ''

run calls.wat edge
expect "what ends at the end of memory is in bounds" 0 \
  'random_get 0\nrandom_get 0\nfd_fdstat_get 0\nargs_sizes_get 0\nfd_write 0\nfd_write 0\nclock 0\n' ''
run calls.wat too-long
expect "fd_write of more than 2^32 bytes: EINVAL, nothing written" 0 'fd_write 28 7\n' ''

# ---- Exit statuses

for status in 0 3 125; do
  run calls.wat exit $status
  expect "proc_exit($status): exit status $status" $status 'exiting\n' ''
done
run calls.wat exit 126
expect "proc_exit(126) traps" 6 'exiting\n' \
  '~^calls\.wat:[0-9]+:[0-9]+: runtime trap: invalid exit status 126 \(proc_exit takes 0 to 125\)$'
run calls.wat exit 4294967295
expect "proc_exit(2^32-1) traps" 6 'exiting\n' '~invalid exit status 4294967295 '
run calls.wat return
expect "_start returns: status 0" 0 'returning\n' ''
run calls.wat trap
expect "a trap in a command: its message, position and backtrace" 6 'trapping\n' \
  '~^  at \$trap \(calls\.wat:[0-9]+:[0-9]+\)$'
run calls.wat
expect "the program's own usage error" 2 '' 'usage: calls.wat SUBCOMMAND [ARG]...\n'
run start-exit.wat
expect "proc_exit while the command is instantiated" 42 '' ''
run -e '(module (func (export "f") (result i32) (i32.const 1)))' \
  -e '(assert_return (invoke "f") (i32.const 2))' calls.wat exit 0
expect "a failed assertion before a command that exits 0: status 1" 1 'exiting\n' '~assertion failure'

# ---- Pointers and lengths outside memory: a trap, before any output

for sub in oob-iovs oob-iovs-wrap oob-buf oob-buf-wrap oob-nwritten oob-args-sizes oob-args \
    oob-args-buf oob-environ-sizes oob-environ oob-clock-res oob-clock-time oob-random \
    oob-random-wrap oob-fdstat; do
  run --wasi-env=LONG=variable calls.wat $sub
  expect "$sub: a trap, and no output" 6 '' "~^  at \\\$$sub \\(calls\\.wat:[0-9]+:[0-9]+\\)\$"
  check "$sub: out of bounds memory access, at the call" 0 \
    '^calls\.wat:[0-9]*:[0-9]*: runtime trap: out of bounds memory access$' head -n 1 "$tmp/err"
done
run no-memory.wat
expect "no memory export: EBADF first, then a trap" 6 '' \
  '~^no-memory\.wat:10:12: runtime trap: missing memory export "memory"$'
run not-memory.wat
expect "an export \"memory\" that is no memory: a trap" 6 '' \
  '~^not-memory\.wat:6:12: runtime trap: export "memory" is not a memory$'

# ---- Linking, and which module files are commands

run unknown-import.wat
expect "a name preview 1 does not have is an unknown import" 5 '' \
  'unknown-import.wat:4:3: link failure: unknown import "wasi_snapshot_preview1" "fd_frobnicate", "wasi_snapshot_preview1" "memory"\n'
run mistyped.wat
expect "a function of another type does not match" 5 '' \
  'mistyped.wat:4:3: link failure: incompatible import type\n'
run start-type.wat
expect "a _start that takes arguments cannot be run" 3 '' \
  "start-type.wat: error: a WASI command's _start must be a function of type [] -> []\n"
run library.wat --invoke yield
expect "no _start: a plain module file, without the WASI host" 5 '' \
  '~unknown import "wasi_snapshot_preview1" "sched_yield"'
run start-only.wat --invoke _start
expect "no WASI import: a plain module file, the arguments after it wasmfx-ref's" 0 '42 : [i32]\n' ''
run --invoke _start calls.wat
expect "an --invoke before it: a plain module file" 5 '' '~unknown import "wasi_snapshot_preview1"'
run -d calls.wat -o "$tmp/calls.wasm"
expect "-d: a plain module file, which -o converts" 0 '' ''
run "$tmp/calls.wasm" hello
expect "a binary command" 0 \
  'hello, world\nfd_write 0 13\nfd_write 0 10\nfd_write 0 0\n' 'to stderr\n'
run "$tmp/calls.wasm" oob-random
expect "a binary command's trap, at its offset" 6 '' \
  '~^.*calls\.wasm:0x[0-9a-f]+: runtime trap: out of bounds memory access$'

# ---- Options

for bad in --wasi-env=NOVALUE --wasi-env==x --wasi-seed=x --wasi-seed=-1 --wasi-seed=18446744073709551616 \
    --wasi-clock=slow --wasi-clock=; do
  run "$bad" calls.wat hello
  expect "$bad is a usage error" 2 '' "~^wasmfx-ref: bad value in '$bad'\$"
done

echo "1..$n"
exit $failed
