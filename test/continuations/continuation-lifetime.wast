;; Stack switching: continuation lifetime (one-shot continuations).
;;
;; Explainer, "Instruction set extension" > "Continuation lifetime":
;;   "#### Producing continuations
;;    There are four different ways in which continuations may be produced
;;    (`cont.new,suspend,cont.bind,switch`). A fresh continuation object
;;    is allocated with `cont.new` and the current continuation is reused
;;    with `suspend`, `cont.bind`, and `switch`.
;;    ...
;;    #### Consuming continuations
;;    There are five different ways in which suspended continuations are
;;    consumed (`resume`, `resume_throw`, `resume_throw_ref`, `switch`,
;;    `cont.bind`). ...
;;    In order to ensure that continuations are one-shot, `resume`,
;;    `resume_throw`, `resume_throw_ref`, `switch`, and `cont.bind`
;;    destructively modify the suspended continuation such that any
;;    subsequent use of the same suspended continuation will result in a
;;    trap."
;;
;; Explainer, "Specification changes" > "Execution" > "Reduction" (the rules
;; that consume and that trap):
;;   * S; F; (ref.null t) (cont.new $ct)  -->  S; F; trap
;;   * S; F; (ref.null t) (cont.bind $ct $ct')  -->  S; F; trap
;;   * S; F; (ref.cont ca) (cont.bind $ct $ct')  -->  S; F; trap  iff S.conts[ca] = epsilon
;;   * ... (cont.bind ...) --> S'; ... S' = S with conts[ca] = epsilon with conts += E
;;   * S; F; (ref.null t) (resume $ct hdl*)  -->  S; F; trap
;;   * S; F; (ref.cont ca) (resume $ct hdl*)  -->  S; F; trap  iff S.conts[ca] = epsilon
;;   * ... (resume ...) --> S'; ... S' = S with conts[ca] = epsilon
;;   * S; F; (ref.null t) (resume_throw $ct $e hdl*)  -->  S; F; trap
;;   * S; F; (ref.null t) (resume_throw_ref $ct hdl*)  -->  S; F; trap
;;   * S; F; (ref.cont ca) (resume_throw_ref $ct hdl*)  -->  S; F; trap  iff S.conts[ca] = epsilon
;;   * ... (resume_throw_ref ...) --> S'; ... S' = S with conts[ca] = epsilon
;;   * S; F; (prompt{hdl1* (on ea $l) hdl2*} H^ea[v^n (suspend ea)] end)
;;       --> S'; F; v^n (ref.cont |S.conts|) (br $l)  with S' = S with conts += (H^ea : m)
;;
;; This file checks, for each consuming instruction (resume, resume_throw,
;; resume_throw_ref, cont.bind) applied to a fresh and to a suspended
;; continuation, that each later use with each of those instructions traps
;; with "continuation already consumed"; that the continuation produced by
;; cont.bind or by suspend is a new one, usable once, while the old one
;; stays consumed; that a continuation that returned, threw or trapped is
;; consumed; the null-reference traps of every instruction; and that a trap
;; inside a continuation comes out of the resume as the same trap.  (switch
;; is covered elsewhere.)

;; ---------------------------------------------------------------------------
;; Every consumer, then every use, on fresh and on suspended continuations.
;; "how" selects the instruction: 0 resume, 1 resume_throw,
;; 2 resume_throw_ref, 3 cont.bind.  The continuation type is
;; cont [i32] -> [i32] in both cases: a fresh continuation of $fresh-body,
;; or the continuation of $sus-body suspended at `suspend $t`
;; ($t : [] -> [i32]).
;;
;; Module $LM covers resume, resume_throw and cont.bind; module $LR adds
;; resume_throw_ref on top of it.  (They are separate so that an engine that
;; rejects a module using resume_throw_ref loses only the assertions that
;; involve it.)

(module $LM
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $t (result i32))
  (tag $x (export "x") (param i32))
  (global $ran (mut i32) (i32.const 0))
  (func $fresh-body (param i32) (result i32)
    (global.set $ran (i32.add (global.get $ran) (i32.const 1)))
    (i32.add (local.get 0) (i32.const 100)))
  (func $sus-body (result i32)
    (global.set $ran (i32.add (global.get $ran) (i32.const 1)))
    (i32.add (suspend $t) (i32.const 200)))
  (elem declare func $fresh-body $sus-body)
  (func $fresh (export "fresh") (result (ref $c)) (cont.new $c (ref.func $fresh-body)))
  (func $suspended (export "suspended") (result (ref $c))
    (block $h (result (ref $c))
      (drop (resume $c0 (on $t $h) (cont.new $c0 (ref.func $sus-body))))
      (unreachable)))
  ;; Applies instruction $how (0, 1 or 3) to $k.  Returns what it produced:
  ;; the result of the resume, the payload of the exception that came out
  ;; of resume_throw, or the result of resuming the bound continuation.
  (func $use (export "use") (param $how i32) (param $k (ref null $c)) (result i32)
    (block $b3
      (block $b2
        (block $b1
          (block $b0
            (br_table $b0 $b1 $b2 $b3 (local.get $how)))
          (return (resume $c (i32.const 1) (local.get $k))))
        (block $h (result i32)
          (try_table (result i32) (catch $x $h)
            (resume_throw $c $x (i32.const 2) (local.get $k)))
          (return))
        (return))
      (unreachable))
    (resume $c0 (cont.bind $c $c0 (i32.const 4) (local.get $k))))
  ;; Uses a fresh (or suspended) continuation with $first, then with $then.
  (func (export "fresh-twice") (param $first i32) (param $then i32) (result i32)
    (local $k (ref null $c))
    (local.set $k (call $fresh))
    (drop (call $use (local.get $first) (local.get $k)))
    (call $use (local.get $then) (local.get $k)))
  (func (export "suspended-twice") (param $first i32) (param $then i32) (result i32)
    (local $k (ref null $c))
    (local.set $k (call $suspended))
    (drop (call $use (local.get $first) (local.get $k)))
    (call $use (local.get $then) (local.get $k)))
  ;; The first use by itself works (and shows which instruction ran).
  (func (export "fresh-once") (param $how i32) (result i32)
    (call $use (local.get $how) (call $fresh)))
  (func (export "suspended-once") (param $how i32) (result i32)
    (call $use (local.get $how) (call $suspended)))
  ;; A use that traps as consumed runs nothing: $ran counts the starts.
  (func (export "runs-after-consumed") (param $first i32) (param $then i32) (result i32)
    (local $k (ref null $c))
    (local.set $k (call $fresh))
    (drop (call $use (local.get $first) (local.get $k)))
    (global.set $ran (i32.const 0))
    (block $h
      (try_table (catch_all $h)
        (drop (call $use (local.get $then) (local.get $k)))))
    (global.get $ran))
  (func (export "ran") (result i32) (global.get $ran))
)
(register "LM" $LM)
(assert_return (invoke $LM "fresh-once" (i32.const 0)) (i32.const 101))
(assert_return (invoke $LM "fresh-once" (i32.const 1)) (i32.const 2))
(assert_return (invoke $LM "fresh-once" (i32.const 3)) (i32.const 104))
(assert_return (invoke $LM "suspended-once" (i32.const 0)) (i32.const 201))
(assert_return (invoke $LM "suspended-once" (i32.const 1)) (i32.const 2))
(assert_return (invoke $LM "suspended-once" (i32.const 3)) (i32.const 204))
(assert_trap (invoke $LM "fresh-twice" (i32.const 0) (i32.const 0)) "continuation already consumed")
(assert_trap (invoke $LM "fresh-twice" (i32.const 0) (i32.const 1)) "continuation already consumed")
(assert_trap (invoke $LM "fresh-twice" (i32.const 0) (i32.const 3)) "continuation already consumed")
(assert_trap (invoke $LM "fresh-twice" (i32.const 1) (i32.const 0)) "continuation already consumed")
(assert_trap (invoke $LM "fresh-twice" (i32.const 1) (i32.const 1)) "continuation already consumed")
(assert_trap (invoke $LM "fresh-twice" (i32.const 1) (i32.const 3)) "continuation already consumed")
(assert_trap (invoke $LM "fresh-twice" (i32.const 3) (i32.const 0)) "continuation already consumed")
(assert_trap (invoke $LM "fresh-twice" (i32.const 3) (i32.const 1)) "continuation already consumed")
(assert_trap (invoke $LM "fresh-twice" (i32.const 3) (i32.const 3)) "continuation already consumed")
(assert_trap (invoke $LM "suspended-twice" (i32.const 0) (i32.const 0)) "continuation already consumed")
(assert_trap (invoke $LM "suspended-twice" (i32.const 0) (i32.const 1)) "continuation already consumed")
(assert_trap (invoke $LM "suspended-twice" (i32.const 0) (i32.const 3)) "continuation already consumed")
(assert_trap (invoke $LM "suspended-twice" (i32.const 1) (i32.const 0)) "continuation already consumed")
(assert_trap (invoke $LM "suspended-twice" (i32.const 1) (i32.const 1)) "continuation already consumed")
(assert_trap (invoke $LM "suspended-twice" (i32.const 1) (i32.const 3)) "continuation already consumed")
(assert_trap (invoke $LM "suspended-twice" (i32.const 3) (i32.const 0)) "continuation already consumed")
(assert_trap (invoke $LM "suspended-twice" (i32.const 3) (i32.const 1)) "continuation already consumed")
(assert_trap (invoke $LM "suspended-twice" (i32.const 3) (i32.const 3)) "continuation already consumed")
;; a consumed-continuation trap is not an exception: the try_table in
;; "runs-after-consumed" does not catch it; and nothing ran ($ran was reset
;; to 0 just before the second use)
(assert_trap (invoke $LM "runs-after-consumed" (i32.const 3) (i32.const 0)) "continuation already consumed")
(assert_return (invoke $LM "ran") (i32.const 0))
(assert_trap (invoke $LM "runs-after-consumed" (i32.const 1) (i32.const 3)) "continuation already consumed")
(assert_return (invoke $LM "ran") (i32.const 0))

(module $LR
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (import "LM" "x" (tag $x (param i32)))
  (import "LM" "fresh" (func $fresh (result (ref $c))))
  (import "LM" "suspended" (func $suspended (result (ref $c))))
  (import "LM" "use" (func $use-lm (param i32 (ref null $c)) (result i32)))
  (func $exn (param i32) (result exnref)
    (block $h (result exnref)
      (try_table (catch_all_ref $h) (throw $x (local.get 0)))
      (unreachable)))
  ;; how 2: resume_throw_ref, returning the payload that came out;
  ;; the others as in $LM
  (func $use (param $how i32) (param $k (ref null $c)) (result i32)
    (if (i32.ne (local.get $how) (i32.const 2))
      (then (return (call $use-lm (local.get $how) (local.get $k)))))
    (block $h (result i32)
      (try_table (result i32) (catch $x $h)
        (resume_throw_ref $c (call $exn (i32.const 3)) (local.get $k)))
      (return))
    (return))
  (func (export "fresh-twice") (param $first i32) (param $then i32) (result i32)
    (local $k (ref null $c))
    (local.set $k (call $fresh))
    (drop (call $use (local.get $first) (local.get $k)))
    (call $use (local.get $then) (local.get $k)))
  (func (export "suspended-twice") (param $first i32) (param $then i32) (result i32)
    (local $k (ref null $c))
    (local.set $k (call $suspended))
    (drop (call $use (local.get $first) (local.get $k)))
    (call $use (local.get $then) (local.get $k)))
  (func (export "fresh-once") (param $how i32) (result i32)
    (call $use (local.get $how) (call $fresh)))
  (func (export "suspended-once") (param $how i32) (result i32)
    (call $use (local.get $how) (call $suspended)))
)
(assert_return (invoke $LR "fresh-once" (i32.const 2)) (i32.const 3))
(assert_return (invoke $LR "suspended-once" (i32.const 2)) (i32.const 3))
(assert_trap (invoke $LR "fresh-twice" (i32.const 0) (i32.const 2)) "continuation already consumed")
(assert_trap (invoke $LR "fresh-twice" (i32.const 1) (i32.const 2)) "continuation already consumed")
(assert_trap (invoke $LR "fresh-twice" (i32.const 2) (i32.const 0)) "continuation already consumed")
(assert_trap (invoke $LR "fresh-twice" (i32.const 2) (i32.const 1)) "continuation already consumed")
(assert_trap (invoke $LR "fresh-twice" (i32.const 2) (i32.const 2)) "continuation already consumed")
(assert_trap (invoke $LR "fresh-twice" (i32.const 2) (i32.const 3)) "continuation already consumed")
(assert_trap (invoke $LR "fresh-twice" (i32.const 3) (i32.const 2)) "continuation already consumed")
(assert_trap (invoke $LR "suspended-twice" (i32.const 0) (i32.const 2)) "continuation already consumed")
(assert_trap (invoke $LR "suspended-twice" (i32.const 1) (i32.const 2)) "continuation already consumed")
(assert_trap (invoke $LR "suspended-twice" (i32.const 2) (i32.const 0)) "continuation already consumed")
(assert_trap (invoke $LR "suspended-twice" (i32.const 2) (i32.const 1)) "continuation already consumed")
(assert_trap (invoke $LR "suspended-twice" (i32.const 2) (i32.const 2)) "continuation already consumed")
(assert_trap (invoke $LR "suspended-twice" (i32.const 2) (i32.const 3)) "continuation already consumed")
(assert_trap (invoke $LR "suspended-twice" (i32.const 3) (i32.const 2)) "continuation already consumed")

;; ---------------------------------------------------------------------------
;; Producing continuations: cont.bind and suspend give a new continuation,
;; usable once; the continuation they came from stays consumed.

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $t (param i32) (result i32))
  ;; suspends three times, each time with its running total; returns it
  (func $gen (param $acc i32) (result i32)
    (local.set $acc (i32.add (local.get $acc) (suspend $t (local.get $acc))))
    (local.set $acc (i32.add (local.get $acc) (suspend $t (local.get $acc))))
    (local.set $acc (i32.add (local.get $acc) (suspend $t (local.get $acc))))
    (local.get $acc))
  (elem declare func $gen)
  ;; the continuation of the first suspend
  (func $first (result (ref $c))
    (block $h (result i32 (ref $c))
      (drop (resume $c (on $t $h) (i32.const 1) (cont.new $c (ref.func $gen))))
      (unreachable))
    (return))
  (func $step (param $k (ref null $c)) (param $v i32) (result (ref $c))
    (block $h (result i32 (ref $c))
      (drop (resume $c (on $t $h) (local.get $v) (local.get $k)))
      (unreachable))
    (return))

  ;; k1 (first suspend) resumed gives k2 (second suspend); k2 works once
  (func (export "k2-once") (result i32)
    (local $k2 (ref null $c))
    (local.set $k2 (call $step (call $first) (i32.const 10)))
    (drop (call $step (local.get $k2) (i32.const 100)))
    (i32.const 1))
  (func (export "k2-twice") (result i32)
    (local $k2 (ref null $c))
    (local.set $k2 (call $step (call $first) (i32.const 10)))
    (drop (call $step (local.get $k2) (i32.const 100)))
    (drop (call $step (local.get $k2) (i32.const 100)))
    (i32.const 1))
  ;; after k1 produced k2 by suspending again, k1 is still consumed
  (func (export "k1-after-k2") (result i32)
    (local $k1 (ref null $c))
    (local.set $k1 (call $first))
    (drop (call $step (local.get $k1) (i32.const 10)))
    (resume $c (i32.const 5) (local.get $k1)))
  ;; the chain k1 -> k2 -> k3 -> result: 1, +10, +100, +1000
  (func (export "chain") (result i32)
    (resume $c (i32.const 1000)
      (call $step (call $step (call $first) (i32.const 10)) (i32.const 100))))
  ;; cont.bind: the bound continuation is new and usable once
  (func (export "bound-once") (result i32)
    (local $b (ref null $c0))
    (local.set $b (cont.bind $c $c0 (i32.const 7) (call $first)))
    (block $h (result i32 (ref $c))
      (drop (resume $c0 (on $t $h) (local.get $b)))
      (unreachable))
    (drop))
  (func (export "bound-twice") (result i32)
    (local $b (ref null $c0))
    (local.set $b (cont.bind $c $c0 (i32.const 7) (call $first)))
    (block $h (result i32 (ref $c))
      (drop (resume $c0 (on $t $h) (local.get $b)))
      (unreachable))
    (drop) (drop)
    (resume $c0 (local.get $b)))
  ;; binding zero arguments also gives a new continuation and consumes the
  ;; old one
  (func (export "bind0-old") (result i32)
    (local $k (ref null $c))
    (local.set $k (call $first))
    (drop (cont.bind $c $c (local.get $k)))
    (resume $c (i32.const 1) (local.get $k)))
  (func (export "bind0-new") (result i32)
    (local $k (ref null $c))
    (local.set $k (cont.bind $c $c (call $first)))
    (i32.const 0)
    (drop (call $step (local.get $k) (i32.const 1))))
  ;; cont.new gives a new continuation each time even from one function
  (func (export "new-each-time") (result i32)
    (local $a (ref null $c)) (local $b (ref null $c))
    (local.set $a (cont.new $c (ref.func $gen)))
    (local.set $b (cont.new $c (ref.func $gen)))
    (drop (call $step (local.get $a) (i32.const 1)))
    (drop (call $step (local.get $b) (i32.const 2)))
    (i32.const 2))
)
(assert_return (invoke "k2-once") (i32.const 1))
(assert_trap (invoke "k2-twice") "continuation already consumed")
(assert_trap (invoke "k1-after-k2") "continuation already consumed")
(assert_return (invoke "chain") (i32.const 1111))
(assert_return (invoke "bound-once") (i32.const 8))
(assert_trap (invoke "bound-twice") "continuation already consumed")
(assert_trap (invoke "bind0-old") "continuation already consumed")
(assert_return (invoke "bind0-new") (i32.const 0))
(assert_return (invoke "new-each-time") (i32.const 2))

;; ---------------------------------------------------------------------------
;; A continuation that returned, that threw, or that trapped is consumed:
;; the resume set S.conts[ca] = epsilon before it ran.  The continuation is
;; kept in a global so that a later invocation can try it again after the
;; trap ended the first.

(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (tag $x (param i32))
  (global $k (mut (ref null $c)) (ref.null $c))
  (func $returns (result i32) (i32.const 5))
  (func $throws (result i32) (throw $x (i32.const 6)))
  (func $traps (result i32) (unreachable))
  (elem declare func $returns $throws $traps)
  (func (export "set-returns") (global.set $k (cont.new $c (ref.func $returns))))
  (func (export "set-throws") (global.set $k (cont.new $c (ref.func $throws))))
  (func (export "set-traps") (global.set $k (cont.new $c (ref.func $traps))))
  (func (export "resume") (result i32) (resume $c (global.get $k)))
  (func (export "resume-catch") (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $x $h)
        (resume $c (global.get $k))))
    (i32.add (i32.const 100)))
  (func (export "bind") (result i32)
    (drop (cont.bind $c $c (global.get $k))) (i32.const 0))
  (func (export "abort") (result i32)
    (resume_throw $c $x (i32.const 1) (global.get $k)))
)
(assert_return (invoke "set-returns"))
(assert_return (invoke "resume") (i32.const 5))
(assert_trap (invoke "resume") "continuation already consumed")
(assert_trap (invoke "bind") "continuation already consumed")
(assert_return (invoke "set-throws"))
(assert_return (invoke "resume-catch") (i32.const 106))
(assert_trap (invoke "resume-catch") "continuation already consumed")
(assert_trap (invoke "abort") "continuation already consumed")
(assert_return (invoke "set-throws"))
(assert_exception (invoke "resume"))
(assert_trap (invoke "resume") "continuation already consumed")
(assert_return (invoke "set-traps"))
(assert_trap (invoke "resume") "unreachable")
(assert_trap (invoke "resume") "continuation already consumed")
(assert_trap (invoke "bind") "continuation already consumed")

;; ---------------------------------------------------------------------------
;; Null references: every instruction traps.

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $x (param i32))
  (func (export "cont.new") (drop (cont.new $c (ref.null $f))))
  (func (export "cont.bind") (drop (cont.bind $c $c0 (i32.const 1) (ref.null $c))))
  (func (export "resume") (result i32) (resume $c (i32.const 1) (ref.null $c)))
  (func (export "resume_throw") (result i32) (resume_throw $c $x (i32.const 1) (ref.null $c)))
  ;; a null from a local of the abstract type's bottom, seen as $c
  (func (export "resume-nocont") (result i32)
    (local $n (ref null nocont))
    (resume $c (i32.const 1) (local.get $n)))
)
(assert_trap (invoke "cont.new") "null function reference")
(assert_trap (invoke "cont.bind") "null continuation reference")
(assert_trap (invoke "resume") "null continuation reference")
(assert_trap (invoke "resume_throw") "null continuation reference")
(assert_trap (invoke "resume-nocont") "null continuation reference")

;; resume_throw_ref, in a module of its own (see $LR above)
(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (tag $x (param i32))
  (func $exn (result exnref)
    (block $h (result exnref)
      (try_table (catch_all_ref $h) (throw $x (i32.const 0)))
      (unreachable)))
  (func (export "resume_throw_ref") (result i32) (resume_throw_ref $c (call $exn) (ref.null $c)))
)
(assert_trap (invoke "resume_throw_ref") "null continuation reference")

;; ---------------------------------------------------------------------------
;; A trap inside a continuation comes out of the resume as the same trap,
;; also through several prompts, after a suspension, and after an exception
;; caught inside.

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $t (result i32))
  (tag $x (param i32))
  (memory 1)
  (func $div (param i32) (result i32) (i32.div_u (i32.const 10) (local.get 0)))
  (func $load (param i32) (result i32) (i32.load (local.get 0)))
  (func $unreach (param i32) (result i32) (unreachable))
  (func $overflow (param i32) (result i32) (i32.div_s (i32.const 0x8000_0000) (local.get 0)))
  ;; traps after being resumed from a suspend
  (func $later (param i32) (result i32) (i32.div_u (local.get 0) (suspend $t)))
  ;; traps in the handler of an exception raised by resume_throw
  (func $in-catch (param $p i32) (result i32)
    (block $h (result i32)
      (try_table (catch $x $h)
        (return (suspend $t)))
      (unreachable))
    (local.set $p)
    (i32.div_u (i32.const 1) (local.get $p)))
  ;; resumes another continuation that traps (two prompts)
  (func $outer (param i32) (result i32)
    (resume $c (local.get 0) (cont.new $c (ref.func $div))))
  (elem declare func $div $load $unreach $overflow $later $in-catch $outer)
  (func $run (param $fn (ref $f)) (param $v i32) (result i32)
    (resume $c (local.get $v) (cont.new $c (local.get $fn))))
  (func (export "div") (param i32) (result i32) (call $run (ref.func $div) (local.get 0)))
  (func (export "load") (param i32) (result i32) (call $run (ref.func $load) (local.get 0)))
  (func (export "unreach") (result i32) (call $run (ref.func $unreach) (i32.const 0)))
  (func (export "overflow") (param i32) (result i32) (call $run (ref.func $overflow) (local.get 0)))
  (func (export "outer") (param i32) (result i32) (call $run (ref.func $outer) (local.get 0)))
  (func $suspended (param $fn (ref $f)) (result (ref $c))
    (block $h (result (ref $c))
      (drop (resume $c (on $t $h) (i32.const 7) (cont.new $c (local.get $fn))))
      (unreachable)))
  (func (export "later") (param i32) (result i32)
    (resume $c (local.get 0) (call $suspended (ref.func $later))))
  (func (export "in-catch") (param i32) (result i32)
    (resume_throw $c $x (local.get 0) (call $suspended (ref.func $in-catch))))
)
(assert_return (invoke "div" (i32.const 5)) (i32.const 2))
(assert_trap (invoke "div" (i32.const 0)) "integer divide by zero")
(assert_return (invoke "load" (i32.const 0)) (i32.const 0))
(assert_trap (invoke "load" (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "unreach") "unreachable")
(assert_trap (invoke "overflow" (i32.const -1)) "integer overflow")
(assert_return (invoke "outer" (i32.const 3)) (i32.const 3))
(assert_trap (invoke "outer" (i32.const 0)) "integer divide by zero")
(assert_return (invoke "later" (i32.const 2)) (i32.const 3))
(assert_trap (invoke "later" (i32.const 0)) "integer divide by zero")
(assert_return (invoke "in-catch" (i32.const 1)) (i32.const 1))
(assert_trap (invoke "in-catch" (i32.const 0)) "integer divide by zero")

;; Exhaustion inside a continuation (unbounded recursion in its function,
;; or unboundedly nested continuations) comes out of the resume too.
(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (func $rec (result i32) (i32.add (call $rec) (i32.const 1)))
  (func $nest (result i32)
    (i32.add (resume $c (cont.new $c (ref.func $nest))) (i32.const 1)))
  (elem declare func $rec $nest)
  (func (export "exhaust-calls") (result i32) (resume $c (cont.new $c (ref.func $rec))))
  (func (export "exhaust-nesting") (result i32) (resume $c (cont.new $c (ref.func $nest))))
)
(assert_exhaustion (invoke "exhaust-calls") "call stack exhausted")
(assert_exhaustion (invoke "exhaust-nesting") "call stack exhausted")

;; ---------------------------------------------------------------------------
;; A running continuation is already consumed (the resume set
;; S.conts[ca] = epsilon before running it): the function reaches its own
;; continuation through a global and uses it; each use traps.  After it
;; suspends, the new continuation is usable from outside as usual.

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (tag $x (param i32))
  (tag $t (param i32) (result i32))
  (global $self (mut (ref null $c)) (ref.null $c))
  ;; how: 0 resume, 1 resume_throw, 3 cont.bind, 4 none (suspends, then
  ;; returns what it got); resume_throw_ref is in the next module
  (func $body (param $how i32) (result i32)
    (block $b4
      (block $b3
        (block $b2
          (block $b1
            (block $b0
              (br_table $b0 $b1 $b2 $b3 $b4 (local.get $how)))
            (return (resume $c (i32.const 4) (global.get $self))))
          (return (resume_throw $c $x (i32.const 4) (global.get $self))))
        (unreachable))
      (drop (cont.bind $c $c (global.get $self)))
      (return (i32.const 0)))
    (suspend $t (i32.const 1)))
  (elem declare func $body)
  (func (export "self") (param $how i32) (result i32)
    (global.set $self (cont.new $c (ref.func $body)))
    (resume $c (local.get $how) (global.get $self)))
  ;; the continuation produced by the suspend is a different one: usable
  (func (export "self-then-new") (result i32)
    (local $k (ref null $c))
    (global.set $self (cont.new $c (ref.func $body)))
    (block $h (result i32 (ref $c))
      (return (resume $c (on $t $h) (i32.const 4) (global.get $self))))
    (local.set $k)
    (drop)
    (resume $c (i32.const 77) (local.get $k)))
)
(assert_trap (invoke "self" (i32.const 0)) "continuation already consumed")
(assert_trap (invoke "self" (i32.const 1)) "continuation already consumed")
(assert_trap (invoke "self" (i32.const 3)) "continuation already consumed")
(assert_return (invoke "self-then-new") (i32.const 77))

(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (tag $x (param i32))
  (global $self (mut (ref null $c)) (ref.null $c))
  (func $exn (result exnref)
    (block $h (result exnref)
      (try_table (catch_all_ref $h) (throw $x (i32.const 0)))
      (unreachable)))
  (func $body (result i32)
    (resume_throw_ref $c (call $exn) (global.get $self)))
  (elem declare func $body)
  (func (export "self-rtr") (result i32)
    (global.set $self (cont.new $c (ref.func $body)))
    (resume $c (global.get $self)))
)
(assert_trap (invoke "self-rtr") "continuation already consumed")

;; ---------------------------------------------------------------------------
;; A trap consumes only the continuations that were running: a continuation
;; suspended before (kept in a global) is still usable after another
;; invocation trapped inside a different continuation, and inside a
;; continuation nested in a continuation.

(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $t (param i32) (result i32))
  (global $k (mut (ref null $ci)) (ref.null $ci))
  (func $waits (result i32) (i32.add (suspend $t (i32.const 1)) (i32.const 1)))
  (func $traps (result i32) (unreachable))
  (func $nests (result i32) (resume $c (cont.new $c (ref.func $traps))))
  (elem declare func $waits $traps $nests)
  (func (export "park") (result i32)
    (block $h (result i32 (ref $ci))
      (return (resume $c (on $t $h) (cont.new $c (ref.func $waits)))))
    (global.set $k))
  (func (export "trap") (result i32) (resume $c (cont.new $c (ref.func $traps))))
  (func (export "trap-nested") (result i32) (resume $c (cont.new $c (ref.func $nests))))
  (func (export "unpark") (param i32) (result i32)
    (resume $ci (local.get 0) (global.get $k)))
)
(assert_return (invoke "park") (i32.const 1))
(assert_trap (invoke "trap") "unreachable")
(assert_trap (invoke "trap-nested") "unreachable")
(assert_return (invoke "unpark" (i32.const 41)) (i32.const 42))
(assert_trap (invoke "unpark" (i32.const 41)) "continuation already consumed")
