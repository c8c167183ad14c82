#!/bin/sh
# The REPL (-i, or no FILE on a terminal): entries read from standard
# input, driven here through a pipe and, where python3 is installed,
# through a pseudo-terminal (prompts, and libedit's line editing where the
# build has it).  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"

# seen NAME PATTERN FILE: FILE (the REPL's output) matches PATTERN.
seen() {
  n=$((n + 1))
  if grep -q -- "$2" "$3"; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    sed 's/^/#   /' "$3" | head -n 8
    failed=1
  fi
}

# unseen NAME PATTERN FILE: FILE does not match PATTERN.
unseen() {
  n=$((n + 1))
  if grep -q -- "$2" "$3"; then
    echo "not ok $n - $1"
    grep -- "$2" "$3" | sed 's/^/#   /' | head -n 4
    failed=1
  else
    echo "ok $n - $1"
  fi
}

# An entry may span lines; a failure is reported and the REPL goes on; a
# later entry sees the modules of earlier ones.
cat > "$tmp/in" <<'EOF'
(module $M
  (func (export "f") (result i32)
    (i32.const 42)))

;; a comment alone waits for a command
(assert_return (invoke "f") (i32.const 41))
(register "M" $M)
(module (import "M" "f" (func $f (result i32)))
  (func (export "g") (result i32) (i32.add (call $f) (i32.const 1))))
(assert_return (invoke "g") (i32.const 44)) (assert_return (invoke $M "f") (i32.const 0))
(oops)
(assert_return (invoke "g") (i32.const 45))
(module (func
EOF
$bin -i < "$tmp/in" > "$tmp/out" 2>&1
status=$?
n=$((n + 1))
# Its errors do not end it: it exits at the end of its input, with the
# status of its first error (here the malformed (oops), after failures).
if [ "$status" -eq 3 ]; then echo "ok $n - the REPL ends at the end of its input, with its first error's status"; else echo "not ok $n - the REPL exited with $status (expected 3)"; failed=1; fi
seen "an entry spanning lines defines a module, and -s shows it" '^module M :' "$tmp/out"
seen "a failed assertion is reported" 'stdin:[0-9]*:[0-9]*: assertion failure: expected (i32.const 41), got (i32.const 42)' "$tmp/out"
seen "a later entry imports what an earlier one registered" 'expected (i32.const 44), got (i32.const 43)' "$tmp/out"
seen "two commands on one line both run" 'expected (i32.const 0), got (i32.const 42)' "$tmp/out"
seen "a malformed entry is reported, and the REPL goes on" 'unknown operator oops' "$tmp/out"
seen "the entry after it runs" 'expected (i32.const 45), got (i32.const 43)' "$tmp/out"
seen "an unfinished entry at the end is reported" 'unexpected end' "$tmp/out"
unseen "no prompt when standard input is not a terminal" '^> ' "$tmp/out"

# Results and messages: a bare action prints its results on stdout as in a
# file; a trap is reported on stderr, with its status, and the session goes
# on; failed assertions alone make 1, and a clean session 0.
cat > "$tmp/in3" <<'EOF'
(module (func (export "f") (result i32) (i32.const 42)) (func (export "t") (unreachable)))
(invoke "f")
(invoke "t")
(invoke "nope")
(invoke "f")
EOF
$bin -i < "$tmp/in3" > "$tmp/out3" 2> "$tmp/err3"
status=$?
n=$((n + 1))
if [ "$status" -eq 6 ]; then echo "ok $n - a trap in an entry: status 6 at the end"; else echo "not ok $n - the REPL exited with $status (expected 6)"; failed=1; fi
seen "a bare invoke prints its results on stdout" '^42 : \[i32\]$' "$tmp/out3"
n=$((n + 1))
if [ "$(grep -c '^42 : \[i32\]$' "$tmp/out3")" -eq 2 ]; then echo "ok $n - entries after errors run"; else echo "not ok $n - entries after errors run"; failed=1; fi
seen "the trap is reported on stderr" 'stdin:1:1: runtime trap: unreachable' "$tmp/err3"
seen "an unknown export is reported, and the REPL goes on" 'script error: unknown export' "$tmp/err3"
unseen "no message on stdout" 'trap\|error' "$tmp/out3"
printf '(module (func (export "f") (result i32) (i32.const 1)))\n(assert_return (invoke "f") (i32.const 2))\n' | $bin -i > /dev/null 2>&1
status=$?
n=$((n + 1))
if [ "$status" -eq 1 ]; then echo "ok $n - failed assertions alone: status 1"; else echo "not ok $n - failed assertions alone: status $status (expected 1)"; failed=1; fi
printf '(module (func (export "f") (result i32) (i32.const 1)))\n(assert_return (invoke "f") (i32.const 1))\n' | $bin -i > /dev/null 2>&1
status=$?
n=$((n + 1))
if [ "$status" -eq 0 ]; then echo "ok $n - a clean session: status 0"; else echo "not ok $n - a clean session: status $status (expected 0)"; failed=1; fi
echo '(invoke "f")' | $bin "$tmp/nofile.wat" -i > "$tmp/out4" 2>&1
status=$?
n=$((n + 1))
if [ "$status" -eq 12 ] && ! grep -q ': \[i32\]' "$tmp/out4"; then echo "ok $n - an error in a file before -i stops the run before the REPL"; else echo "not ok $n - an error in a file before -i: status $status"; failed=1; fi

# Files before -i are run first, and the REPL sees their modules.
printf '(module (func (export "h") (result i64) (i64.const 7)))\n' > "$tmp/m.wat"
echo '(assert_return (invoke "h") (i64.const 8))' | $bin "$tmp/m.wat" -i > "$tmp/out2" 2>&1
seen "the REPL after a file invokes its exports" 'expected (i64.const 8), got (i64.const 7)' "$tmp/out2"

# A terminal: the banner, the `> ` and `  ` prompts, and libedit's editing
# (the left arrow moves back into the line).
n=$((n + 1))
if ! command -v python3 >/dev/null 2>&1; then
  echo "ok $n # SKIP python3 is not installed: no pseudo-terminal to drive"
else
  cat > "$tmp/drive.py" <<'EOF'
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1]])
out = b""
def until(pat, timeout=10):
    global out
    end = time.time() + timeout
    while pat not in out and time.time() < end:
        if select.select([fd], [], [], 0.1)[0]:
            try:
                out += os.read(fd, 4096)
            except OSError:
                return
until(b"> ")
os.write(fd, b'(module (func (export "f") (result i32)\n')
until(b"  ")
os.write(fd, b'(i32.const 42)))\n')
until(b"func [] -> [i32]")
until(b"> ")
# typed 4), then two steps left and a 2 inserted: 42), if the line is edited
os.write(fd, b'(assert_return (invoke "f") (i32.const 4))\x1b[D\x1b[D2\n')
os.write(fd, b'(assert_return (invoke "f") (i32.const 1))\n')
until(b"got (i32.const 42)")
# Ctrl-D ends it; the wait is bounded (a slow REPL, under valgrind, may
# take the first Ctrl-D inside a line), then the REPL is killed.
for _ in range(20):
    os.write(fd, b"\x04")
    until(b"\x00", 1)
    if os.waitpid(pid, os.WNOHANG)[0]:
        break
else:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace"))
EOF
  python3 "$tmp/drive.py" "$bin" > "$tmp/tty" 2>&1
  echo "ok $n - the REPL runs on a pseudo-terminal"
  seen "a terminal gets the banner" 'wasmfx-ref [0-9].*Ctrl-D' "$tmp/tty"
  seen "and the continuation prompt" '^  (i32.const 42)))' "$tmp/tty"
  seen "the REPL starts with no FILE on a terminal" '^> (module' "$tmp/tty"
  seen "assertions on a terminal are reported" 'expected (i32.const 1), got (i32.const 42)' "$tmp/tty"
  n=$((n + 1))
  if ! grep -q 'define HAVE_LIBEDIT 1' config.h 2>/dev/null; then
    echo "ok $n # SKIP built without libedit: no line editing to check"
  elif ! grep -q "expected (i32.const 1), got" "$tmp/tty" || grep -q "expected (i32.const 4\|error" "$tmp/tty"; then
    echo "not ok $n - libedit edits the line (the left arrow)"
    sed 's/^/#   /' "$tmp/tty" | head -n 12
    failed=1
  else
    echo "ok $n - libedit edits the line (the left arrow)"
  fi
fi

echo "1..$n"
exit $failed
