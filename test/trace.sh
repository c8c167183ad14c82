#!/bin/sh
# --trace and --trace=control (doc/trace.md): the traces of the examples
# against golden files in test/trace/ (TRACE_REGEN=1 rewrites them), and
# the format's parts each checked on its own: names, continuation
# identities, prompts, start functions, names from a binary's name
# section, --trace-limit, bad values.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
. "$top_srcdir/test/lib.sh"
bin="$PWD/wasmfx-ref"
golden="$top_srcdir/test/trace"

# golden NAME FILE ARGS...: the trace that `wasmfx-ref ARGS` prints, run in
# the source tree so that positions read examples/…, is FILE's.
golden() {
  name=$1 file=$golden/$2
  shift 2
  (cd "$top_srcdir" && "$bin" "$@") > "$tmp/out" 2>&1
  status=$?
  if [ -n "$TRACE_REGEN" ]; then cp "$tmp/out" "$file"; fi
  diff -u "$file" "$tmp/out" > "$tmp/diff" 2>&1
  verdict "$name" 0 $((status + $?)) "" "differences from $2" "$(cat "$tmp/diff")"
}

for x in generator scheduler async pingpong state exceptions; do
  golden "--trace=control on examples/$x.wast" "$x.control" --trace=control "examples/$x.wast"
done
golden "--trace on examples/gen.wast" gen.steps --trace examples/gen.wast
golden "--trace on examples/fac.wast" fac.steps --trace examples/fac.wast
golden "--trace=control on one call of the generator" generator-3.control \
  examples/generator.wast --trace=control -e '(invoke "collect" (i32.const 3))'

cat > "$tmp/start.wast" <<'WAST'
(module
  (global $g (mut i32) (i32.const 0))
  (func $init (global.set $g (i32.const 7)))
  (start $init)
  (func (export "get") (result i32) (global.get $g)))
(assert_return (invoke "get") (i32.const 7))
WAST
check_out() { name=$1 want=$2 pattern=$3; shift 3; out=$("$@" 2>/dev/null); verdict "$name" "$want" $? "$pattern" stdout "$out"; }
check_out "instantiation is traced" 0 "=instantiate ($tmp/start.wast:1:1)" $bin --trace=control "$tmp/start.wast"
check_out "a start function is traced as a call" 0 "=root | call \$init" $bin --trace=control "$tmp/start.wast"
check_out "a start function's steps are traced" 0 \
  "=1 frame{\$init} | global.set \$g ($tmp/start.wast:3:16) | (i32.const 7)" $bin --trace "$tmp/start.wast"
check_out "a global's initialiser is traced" 0 \
  "=1 frame{constant expression} | i32.const 0 ($tmp/start.wast:2:25) |" $bin --trace "$tmp/start.wast"

# A binary module whose name section (and the extended one's tag names)
# names function 0 "thrower" and tag 0 "a b", which needs quotes.
printf '%s\n' '(module binary "\00asm\01\00\00\00" "\01\04\01\60\00\00" "\03\02\01\00" "\0d\03\01\00\00"' \
  '  "\07\05\01\01f\00\00" "\0a\06\01\04\00\08\00\0b"' \
  '  "\00\19\04name" "\01\0a\01\00\07thrower" "\0b\06\01\00\03a b")' \
  '(assert_exception (invoke "f"))' > "$tmp/names.wast"
check_out "a binary's function names" 0 '=root | call $thrower' $bin --trace=control "$tmp/names.wast"
check_out "a binary's tag names, quoted where they must be" 0 '=root | throw $"a b"' \
  $bin --trace=control "$tmp/names.wast"

cat > "$tmp/nest.wast" <<'WAST'
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $outer)
  (tag $inner)
  (func $deep (suspend $outer))
  (func $middle
    (block $h (result (ref $c))
      (resume $c (on $inner $h) (cont.new $c (ref.func $deep)))
      (return))
    (drop))
  (elem declare func $deep $middle)
  (func (export "run")
    (block $h (result (ref $c))
      (resume $c (on $outer $h) (cont.new $c (ref.func $middle)))
      (return))
    (drop)))
(assert_return (invoke "run"))
WAST
check_out "the chain of continuations" 0 \
  '=root > cont#0 > cont#1 | suspend $outer → prompt{(on $outer $h)} of cont#0, captured as cont#2' \
  $bin --trace=control "$tmp/nest.wast"
check_out "every prompt with its handlers, named from its resumer's labels" 0 \
  "=3 prompt{(on \$outer \$h)} cont#0 prompt{(on \$inner \$h)} cont#1 frame{\$deep} | suspend \$outer ($tmp/nest.wast:6:16) |" \
  $bin --trace "$tmp/nest.wast"
check_out "continuations in values" 0 \
  "=1 frame{func 2} label | resume \$c (on \$outer \$h) ($tmp/nest.wast:15:8) | (ref.cont cont#0)" \
  $bin --trace "$tmp/nest.wast"

check_out "--trace-limit stops the trace" 0 "=trace: stopped after 3 lines (--trace-limit); the run goes on" \
  $bin --trace --trace-limit=3 "$tmp/nest.wast"
out=$($bin --trace --trace-limit=3 "$tmp/nest.wast" 2>&1)
verdict "…and the run goes on" 0 $? "=1 passed, 0 failed" output "$out"
before=$(printf '%s\n' "$out" | sed '/^trace: stopped/,$d' | wc -l)
verdict "…after exactly that many lines" 0 0 "=3" "the count of lines before the note" "$before"
after=$(printf '%s\n' "$out" | sed '1,/^trace: stopped/d' | grep -vc ' passed, ')
verdict "…and none after it" 0 0 "=0" "the count of lines after the note" "$after"
check "--trace-limit=0 is no limit" 0 "=1 passed, 0 failed" $bin --trace-limit=0 --trace=control "$tmp/nest.wast"
check "an unknown --trace mode" 2 "bad value in '--trace=everything'" $bin --trace=everything "$tmp/nest.wast"
check "a --trace-limit that is not a number" 2 "bad value in '--trace-limit=x'" $bin --trace-limit=x "$tmp/nest.wast"
check "a backtrace names the continuation it crosses" 6 "=  in cont#0, resumed by" \
  $bin -e '(module (type $f (func)) (type $c (cont $f)) (func $u unreachable) (elem declare func $u)
    (func (export "t") (resume $c (cont.new $c (ref.func $u)))))' -e '(invoke "t")'

echo "1..$n"
exit $failed
