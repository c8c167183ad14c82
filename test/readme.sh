#!/bin/sh
# The README's examples run as shown: every `$ ./wasmfx-ref …` line of its
# code blocks is run (from a scratch folder holding the built binary and
# examples/, so files it writes go there), and what it prints, stdout and
# stderr together, must be the lines the README shows under it; a line
# `...` stands for any number of lines.  Lines of other programs (node, cc)
# are not run.  Needs python3.  Output is TAP, one test per command.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 is not installed (it reads the README)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$(pwd)/wasmfx-ref" "$tmp/" && cp -R "$top_srcdir/examples" "$tmp/" || exit 1
exec python3 - "$top_srcdir/README.md" "$tmp" <<'PY'
import re, shlex, subprocess, sys

readme, scratch = sys.argv[1], sys.argv[2]
lines = open(readme, encoding='utf-8').read().split('\n')

# (line number, command, expected lines) for each `$ ./wasmfx-ref` line of a block
cases, block, i = [], False, 0
while i < len(lines):
    line = lines[i]
    if line.startswith('```'):
        block = not block
    elif block and line.startswith('$ ./wasmfx-ref'):
        expected, j = [], i + 1
        while j < len(lines) and not lines[j].startswith('$ ') and not lines[j].startswith('```'):
            expected.append(lines[j])
            j += 1
        cases.append((i + 1, line[2:], expected))
    i += 1

def matches(out, expected):
    """out equals expected, where a line '...' stands for any lines"""
    if not expected:
        return not out
    if expected[0] == '...':
        return any(matches(out[k:], expected[1:]) for k in range(len(out) + 1))
    return bool(out) and out[0] == expected[0] and matches(out[1:], expected[1:])

print('1..%d' % len(cases))
failed = 0
for n, (at, command, expected) in enumerate(cases, 1):
    words = shlex.split(command, comments=True)
    stdin = subprocess.DEVNULL
    if '<' in words:
        k = words.index('<')
        stdin = open(scratch + '/' + words[k + 1], 'rb')
        del words[k:k + 2]
    run = subprocess.run(words, cwd=scratch, stdin=stdin, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, timeout=60)
    out = run.stdout.decode('utf-8', 'replace').split('\n')
    if out and out[-1] == '':
        out.pop()
    if matches(out, expected):
        print('ok %d - README.md:%d: %s' % (n, at, command))
    else:
        failed = 1
        print('not ok %d - README.md:%d: %s' % (n, at, command))
        print('# expected:\n' + ''.join('#   %s\n' % l for l in expected)
              + '# got:\n' + ''.join('#   %s\n' % l for l in out[:20]))
sys.exit(failed)
PY
