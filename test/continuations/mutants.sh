#!/bin/sh
# Does the conformance suite catch real bugs?  Applies, one at a time, a
# deliberate bug to the stack-switching code of a private build of
# wasmfx-ref (each a mistake an engine could plausibly make), runs the whole
# suite with that build, and reports whether the suite failed.  Every mutant
# must be caught.  A tool to run by hand, not part of `make check`:
#
#   test/continuations/mutants.sh [NAME-PATTERN]
#
# Exit status 0 when every mutant applied and was caught.  Each mutant is a
# Perl substitution on one source file; one that no longer matches the code
# (after a refactoring) is reported as "did not apply" and fails the run, so
# the list has to move with the code.
. "$(dirname "$0")/lib.sh"

only=${1-}
dir=$(mktemp -d "${TMPDIR:-/tmp}/wasmfx-mutants.XXXXXX")
trap 'rm -rf "$dir"' EXIT
echo "building in $dir ..."
suite_build "$dir" || exit 1
SUITE_TIMEOUT=${SUITE_TIMEOUT:-30}   # a mutant may loop: that counts as caught
echo "the unmutated build first:"
if ! suite_run "$dir/wasmfx-ref"; then
  echo "the suite fails without any mutant: fix that first" >&2
  exit 1
fi
echo "  every file passes"

total=0 caught=0 broken=0
# mutant NAME FILE PERL-EXPR: applies the substitution to FILE in the build,
# rebuilds, runs the suite, restores FILE.
mutant() {
  name=$1 file=$2 expr=$3
  case $name in *"$only"*) ;; *) return ;; esac
  total=$((total + 1))
  cp "$dir/$file" "$dir/$file.orig"
  perl -0pi -e "$expr" "$dir/$file"
  if cmp -s "$dir/$file" "$dir/$file.orig"; then
    echo "DID NOT APPLY  $name ($file)"
    broken=$((broken + 1))
  elif ! (cd "$dir" && make wasmfx-ref >"$dir/mutant.log" 2>&1); then
    echo "DID NOT BUILD  $name ($file; see the build log below)"
    tail -n 5 "$dir/mutant.log"
    broken=$((broken + 1))
  else
    out=$(suite_run "$dir/wasmfx-ref")
    if [ -n "$out" ]; then
      caught=$((caught + 1))
      echo "caught         $name: $(printf '%s\n' "$out" | wc -l) file(s) fail, e.g.$(printf '%s\n' "$out" | head -n 1 | sed 's/^  fails://')"
    else
      echo "NOT CAUGHT     $name"
    fi
  fi
  mv "$dir/$file.orig" "$dir/$file"
  touch "$dir/$file"
}

# ---- The handler search (Explainer, "Handler contexts"; interp/control.c prompt_for)

mutant "the last matching handler of a prompt wins, not the first" interp/control.c \
  's/for \(uint32_t k = 0; k < S->handlers->len; k\+\+\) \{/for (uint32_t k = S->handlers->len; k-- > 0;) {/'
mutant "a suspend skips the innermost enclosing prompt when there is another" interp/control.c \
  's/for \(Stack \*S = M->stack; S->parent; S = S->parent\)/for (Stack *S = M->stack->parent && M->stack->parent->parent ? M->stack->parent : M->stack; S->parent; S = S->parent)/'
mutant "a handler of the wrong kind (suspend vs switch) matches" interp/control.c \
  's/if \(hd->kind == kind && /if (/'
mutant "tags match by type, not by identity" interp/control.c \
  's/S->handler_module->tags\[hd->tag\] == tag\)/S->handler_module->tags[hd->tag]->type == tag->type)/'

# ---- Consuming continuations (Explainer, "Continuation lifetime")

mutant "resume, resume_throw and switch do not consume the continuation" interp/control.c \
  's/(static void cont_attach\(.*?\n\{\n.*?\n.*?\n)  c->top = NULL;\n/$1/s'
mutant "cont.bind does not consume the original continuation" interp/control.c \
  's/  d->top = top;\n  c->top = NULL;\n/  d->top = top;\n/'
mutant "switch leaves its target continuation usable" interp/control.c \
  's/(  cont_attach\(M, c, P, hdl, hm\);\n)/$1  c->top = M->stack;\n/'
mutant "a consumed continuation is not detected (no linearity check)" interp/control.c \
  's/  else if \(!c->top\)\n    trap\(M, TRAP_CONSUMED, err\);\n  return c && c->top \? c : NULL;/  return c;/'

# ---- Values (Explainer, "Reduction": cont.bind, suspend, prompt end, switch)

mutant "cont.bind binds its values in reverse order" interp/control.c \
  's/memcpy\(top->vals \+ top->nvals, S->vals \+ S->nvals, n \* sizeof\(Value\)\);/for (uint32_t i = 0; i < n; i++) top->vals[top->nvals + i] = S->vals[S->nvals + n - 1 - i];/'
mutant "suspend delivers its payload in reverse order" interp/control.c \
  's/(  cont_capture\(M, c, bottom, M->pc \+ 1\);\n  M->stack = R;\n)/$1  for (uint32_t i = 0; i < n \/ 2; i++) { Value t = S->vals[S->nvals + i]; S->vals[S->nvals + i] = S->vals[S->nvals + n - 1 - i]; S->vals[S->nvals + n - 1 - i] = t; }\n/'
mutant "a returning continuation gives its results in reverse order" interp/control.c \
  's/memcpy\(P->vals \+ P->nvals, S->vals, S->nvals \* sizeof\(Value\)\);/for (uint32_t i = 0; i < S->nvals; i++) P->vals[P->nvals + i] = S->vals[S->nvals - 1 - i];/'
mutant "switch gives the target only the continuation, dropping the other values" interp/control.c \
  's/return push_values\(M, S->vals \+ S->nvals, n, err\) && push_values\(M, &kv, 1, err\)/return push_values(M, &kv, 1, err)/'

# ---- Aborting continuations (resume_throw, resume_throw_ref)

mutant "resume_throw on a fresh continuation runs the function instead" interp/control.c \
  's/(  \/\* a fresh continuation has no frames: the exception leaves it at once \*\/\n)/$1  if (M->stack->fresh)\n    return cont_start(M, err);\n/'
mutant "resume_throw_ref with a null exnref consumes the continuation before it traps" interp/control.c \
  's/  if \(!exn\)\n    return trap\(M, TRAP_NULL_EXN, err\);/  if (!exn) {\n    c->top = NULL;\n    return trap(M, TRAP_NULL_EXN, err);\n  }/'
mutant "an exception does not leave a continuation: it is uncaught at the prompt" interp/control.c \
  's/(    S->nvals = 0;\n    if \()!S->parent(\))/$1S->parent || !S->parent$2/'

# ---- Validation (Explainer, "Instructions"; validate/instr.c)

mutant "resume_throw accepts a tag with results" validate/instr.c \
  's/  if \(tag->results.len\)\n    return FAIL\(k, INVALID_TAG_RESULT\);\n//'
mutant "resume_throw_ref takes its operands in reverse order" validate/instr.c \
  's/pop\(k, def_ref\(true, k->c->types\[in->imm.resume.type\]\), NULL\) &&\n         pop\(k, ref\(true, HEAP_EXN\), NULL\)/pop(k, ref(true, HEAP_EXN), NULL) \&\&\n         pop(k, def_ref(true, k->c->types[in->imm.resume.type]), NULL)/'
mutant "a handler's continuation type is not checked" validate/instr.c \
  's/  if \(!comptype_sub\(k->c->ts, &a, &b\)\)\n    return FAIL\(k, INVALID_HANDLER_CONT\);\n//'
mutant "a handler label's parameters are checked the wrong way round" validate/instr.c \
  's/results_sub\(k, tag->params.data, tag->params.len, \(ValTypes\)\{ts.data, ts.len - 1, 0\}\)/results_sub(k, ts.data, ts.len - 1, tag->params)/'
mutant "(on \$e switch) does not check the tag's results" validate/instr.c \
  's/if \(tag->params.len \|\| !results_sub\(k, tag->results.data, tag->results.len, results\) \|\|\n        !results_sub\(k, results.data, results.len, tag->results\)\)/if (tag->params.len)/'
mutant "cont.bind accepts continuation types that do not match" validate/instr.c \
  's/  if \(!comptype_sub\(k->c->ts, &ra, &rb\)\)\n    return FAIL\(k, INVALID_BIND_TYPES\);\n//'
mutant "casts to continuation types are allowed" validate/instr.c \
  's/  if \(heaptype_top\(k->c->ts, rt\) == HEAP_CONT\)\n    return FAIL\(k, INVALID_CAST\);\n//'
mutant "cont types are not checked to name a function type" validate/types.c \
  's/return valid_functype_at\(c, ct->cont, at\) != NULL;/return valid_type_at(c, ct->cont, at) != NULL;/'

echo "$caught of $total mutants caught"
[ $broken -eq 0 ] || echo "$broken did not apply or build: update them to the code" >&2
[ $caught -eq $total ] && [ $total -gt 0 ]
