;; Stack switching: reduction rules for cont.new.
;;
;; Explainer, "Instruction set extension" > "Creating continuations":
;;   "The following instruction creates a *suspended continuation* from a
;;    function.
;;      cont.new $ct : [(ref null $ft)] -> [(ref $ct)]
;;    It takes a reference to a function of type `[t1*] -> [t2*]` whose body
;;    may perform non-local control flow."
;;
;; Explainer, "Specification changes" > "Execution" > "Reduction":
;;   * S; F; (ref.null t) (cont.new $ct)  -->  S; F; trap
;;   * S; F; (ref.func fa) (cont.new $ct)  -->  S'; F; (ref.cont |S.conts|)
;;     - iff S' = S with conts += E
;;     - and E = _ (invoke fa)
;;
;; Explainer, "Continuation lifetime" > "Producing continuations":
;;   "A fresh continuation object is allocated with `cont.new`".
;;
;; This file checks that a null function reference traps (whatever its static
;; type and wherever it comes from), and that a non-null one yields a suspended
;; continuation whose hole is `_ (invoke fa)`: nothing of the function runs until
;; it is resumed, the resume arguments become its parameters in order, its
;; results become the results of the resume, for many arities and value types,
;; for functions that are imported, stored in tables, or returned by other
;; functions, and each cont.new gives a new, independent continuation.
;; Side effects are observed through mutable globals.

;; ---------------------------------------------------------------------------
;; (ref.null t) (cont.new $ct) --> trap, for null references of several static
;; types and from several sources, and for several continuation types.

(module
  (type $f0 (func))
  (type $c0 (cont $f0))
  (type $f4 (func (param i32 i64 f32 f64) (result f64 f32 i64 i32)))
  (type $c4 (cont $f4))
  (global $g0 (mut (ref null $f0)) (ref.null $f0))
  (table $t 2 (ref null $f4))
  (func (export "null-const") (drop (cont.new $c0 (ref.null $f0))))
  ;; (ref.null nofunc) is a subtype of (ref null $f0)
  (func (export "null-nofunc") (drop (cont.new $c0 (ref.null nofunc))))
  (func $np (export "null-param") (param $r (ref null $f4))
    (drop (cont.new $c4 (local.get $r))))
  (func (export "null-call") (call $np (ref.null $f4)))
  (func (export "null-global") (drop (cont.new $c0 (global.get $g0))))
  (func (export "null-table") (drop (cont.new $c4 (table.get $t (i32.const 1)))))
  ;; The trap happens at cont.new even when the result would be dropped
  ;; right away and never used: a side effect after it is not reached.
  (global $after (mut i32) (i32.const 0))
  (func (export "null-stops") (drop (cont.new $c0 (ref.null $f0)))
    (global.set $after (i32.const 1)))
  (func (export "after") (result i32) (global.get $after))
)
(assert_trap (invoke "null-const") "null function reference")
(assert_trap (invoke "null-nofunc") "null function reference")
(assert_trap (invoke "null-param" (ref.null func)) "null function reference")
(assert_trap (invoke "null-call") "null function reference")
(assert_trap (invoke "null-global") "null function reference")
(assert_trap (invoke "null-table") "null function reference")
(assert_trap (invoke "null-stops") "null function reference")
(assert_return (invoke "after") (i32.const 0))

;; ---------------------------------------------------------------------------
;; E = _ (invoke fa): the function does not run at cont.new; it runs when the
;; continuation is resumed, and each resume of a fresh continuation runs it
;; once.

(module
  (type $f (func))
  (type $c (cont $f))
  (global $runs (mut i32) (i32.const 0))
  (global $k (mut (ref null $c)) (ref.null $c))
  (func $bump (global.set $runs (i32.add (global.get $runs) (i32.const 1))))
  (elem declare func $bump)

  ;; cont.new alone: the counter stays 0.
  (func (export "new-only") (result i32)
    (global.set $runs (i32.const 0))
    (drop (cont.new $c (ref.func $bump)))
    (drop (cont.new $c (ref.func $bump)))
    (global.get $runs))
  ;; cont.new then resume: 1.
  (func (export "new-resume") (result i32)
    (global.set $runs (i32.const 0))
    (resume $c (cont.new $c (ref.func $bump)))
    (global.get $runs))
  ;; The counter is read between cont.new and resume: 0 before, 1 after.
  (func (export "before-after") (result i32 i32)
    (local $k (ref null $c))
    (global.set $runs (i32.const 0))
    (local.set $k (cont.new $c (ref.func $bump)))
    (global.get $runs)
    (resume $c (local.get $k))
    (global.get $runs))
  ;; A continuation stored in a global by one call and resumed by another.
  (func (export "store") (global.set $runs (i32.const 0))
    (global.set $k (cont.new $c (ref.func $bump))))
  (func (export "runs") (result i32) (global.get $runs))
  (func (export "resume-stored") (result i32)
    (resume $c (global.get $k)) (global.get $runs))
)
(assert_return (invoke "new-only") (i32.const 0))
(assert_return (invoke "new-resume") (i32.const 1))
(assert_return (invoke "before-after") (i32.const 0) (i32.const 1))
(assert_return (invoke "store"))
(assert_return (invoke "runs") (i32.const 0))
(assert_return (invoke "resume-stored") (i32.const 1))

;; ---------------------------------------------------------------------------
;; Arguments reach the parameters in order and results come back, for several
;; arities and value types.  Each digit of the result says which argument went
;; to which parameter.

(module
  (type $f0 (func))
  (type $c0 (cont $f0))
  (type $f1 (func (param i32) (result i32)))
  (type $c1 (cont $f1))
  (type $f2 (func (param i32 i32) (result i32)))
  (type $c2 (cont $f2))
  (type $f4 (func (param i32 i32 i32 i32) (result i32)))
  (type $c4 (cont $f4))
  (type $f8 (func (param i32 i32 i32 i32 i32 i32 i32 i32) (result i64)))
  (type $c8 (cont $f8))
  (type $fm (func (param i64 f32 f64 i32) (result f64 i32 f32 i64)))
  (type $cm (cont $fm))
  (type $fr (func (param externref i32) (result i32 externref)))
  (type $cr (cont $fr))
  (type $fz (func (result i32 i64 f32 f64)))
  (type $cz (cont $fz))

  (global $seen (mut i32) (i32.const 0))

  (func $p0 (global.set $seen (i32.const 77)))
  (func $p1 (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
  (func $p2 (param i32 i32) (result i32)
    (i32.add (i32.mul (local.get 0) (i32.const 10)) (local.get 1)))
  (func $p4 (param $a i32) (param $b i32) (param $c i32) (param $d i32) (result i32)
    (i32.add
      (i32.add (i32.mul (local.get $a) (i32.const 1000))
               (i32.mul (local.get $b) (i32.const 100)))
      (i32.add (i32.mul (local.get $c) (i32.const 10)) (local.get $d))))
  ;; result = sum of arg_i * 10^(7-i)
  (func $p8 (param i32 i32 i32 i32 i32 i32 i32 i32) (result i64)
    (local $acc i64)
    (local.set $acc (i64.extend_i32_u (local.get 0)))
    (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 10)) (i64.extend_i32_u (local.get 1))))
    (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 10)) (i64.extend_i32_u (local.get 2))))
    (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 10)) (i64.extend_i32_u (local.get 3))))
    (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 10)) (i64.extend_i32_u (local.get 4))))
    (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 10)) (i64.extend_i32_u (local.get 5))))
    (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 10)) (i64.extend_i32_u (local.get 6))))
    (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 10)) (i64.extend_i32_u (local.get 7))))
    (local.get $acc))
  ;; mixed types, results in reversed order and transformed
  (func $pm (param i64 f32 f64 i32) (result f64 i32 f32 i64)
    (f64.add (local.get 2) (f64.const 0.5))
    (i32.add (local.get 3) (i32.const 1))
    (f32.mul (local.get 1) (f32.const 2))
    (i64.sub (local.get 0) (i64.const 1)))
  (func $pr (param externref i32) (result i32 externref)
    (i32.add (local.get 1) (ref.is_null (local.get 0)))
    (local.get 0))
  (func $pz (result i32 i64 f32 f64)
    (i32.const -1) (i64.const 0x1_0000_0000) (f32.const -0.25) (f64.const 1e100))
  (elem declare func $p0 $p1 $p2 $p4 $p8 $pm $pr $pz)

  (func (export "arity0") (result i32)
    (global.set $seen (i32.const 0))
    (resume $c0 (cont.new $c0 (ref.func $p0)))
    (global.get $seen))
  (func (export "arity1") (param i32) (result i32)
    (resume $c1 (local.get 0) (cont.new $c1 (ref.func $p1))))
  (func (export "arity2") (param i32 i32) (result i32)
    (resume $c2 (local.get 0) (local.get 1) (cont.new $c2 (ref.func $p2))))
  (func (export "arity4") (param i32 i32 i32 i32) (result i32)
    (resume $c4 (local.get 0) (local.get 1) (local.get 2) (local.get 3)
      (cont.new $c4 (ref.func $p4))))
  (func (export "arity8") (result i64)
    (resume $c8 (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)
                (i32.const 5) (i32.const 6) (i32.const 7) (i32.const 8)
      (cont.new $c8 (ref.func $p8))))
  (func (export "mixed") (param i64 f32 f64 i32) (result f64 i32 f32 i64)
    (resume $cm (local.get 0) (local.get 1) (local.get 2) (local.get 3)
      (cont.new $cm (ref.func $pm))))
  (func (export "refs") (param externref i32) (result i32 externref)
    (resume $cr (local.get 0) (local.get 1) (cont.new $cr (ref.func $pr))))
  (func (export "results-only") (result i32 i64 f32 f64)
    (resume $cz (cont.new $cz (ref.func $pz))))
)
(assert_return (invoke "arity0") (i32.const 77))
(assert_return (invoke "arity1" (i32.const 14)) (i32.const 42))
(assert_return (invoke "arity1" (i32.const -5)) (i32.const -15))
(assert_return (invoke "arity2" (i32.const 1) (i32.const 2)) (i32.const 12))
(assert_return (invoke "arity2" (i32.const 2) (i32.const 1)) (i32.const 21))
(assert_return (invoke "arity4" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "arity4" (i32.const 4) (i32.const 3) (i32.const 2) (i32.const 1)) (i32.const 4321))
(assert_return (invoke "arity4" (i32.const 9) (i32.const 0) (i32.const 0) (i32.const 7)) (i32.const 9007))
(assert_return (invoke "arity8") (i64.const 12345678))
(assert_return (invoke "mixed" (i64.const 10) (f32.const 1.5) (f64.const 2.25) (i32.const 41))
  (f64.const 2.75) (i32.const 42) (f32.const 3) (i64.const 9))
(assert_return (invoke "refs" (ref.extern 7) (i32.const 5)) (i32.const 5) (ref.extern 7))
(assert_return (invoke "refs" (ref.null extern) (i32.const 5)) (i32.const 6) (ref.null extern))
(assert_return (invoke "results-only") (i32.const -1) (i64.const 0x1_0000_0000) (f32.const -0.25) (f64.const 1e100))

;; ---------------------------------------------------------------------------
;; The function runs in a frame of its own (E = _ (invoke fa)): its locals
;; start at zero, `return` from inside nested blocks delivers the function's
;; results to the resume, and a tail call made by it delivers the callee's
;; results.

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (func $locals (param i32) (result i32)
    (local i32 i64)
    (i32.add (local.get 0)
      (i32.add (local.get 1) (i32.wrap_i64 (local.get 2)))))
  (func $early (param i32) (result i32)
    (block $b
      (loop $l
        (if (i32.gt_s (local.get 0) (i32.const 10))
          (then (return (i32.const 1000))))
        (br_if $b (i32.eqz (local.get 0)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $l)))
    (i32.const 2000))
  (func $callee (param i32) (result i32) (i32.mul (local.get 0) (i32.const 7)))
  (func $tail (param i32) (result i32)
    (return_call $callee (i32.add (local.get 0) (i32.const 1))))
  (elem declare func $locals $early $tail)
  (func (export "locals") (param i32) (result i32)
    (resume $c (local.get 0) (cont.new $c (ref.func $locals))))
  (func (export "early") (param i32) (result i32)
    (resume $c (local.get 0) (cont.new $c (ref.func $early))))
  (func (export "tail") (param i32) (result i32)
    (resume $c (local.get 0) (cont.new $c (ref.func $tail))))
)
(assert_return (invoke "locals" (i32.const 31)) (i32.const 31))
(assert_return (invoke "early" (i32.const 11)) (i32.const 1000))
(assert_return (invoke "early" (i32.const 3)) (i32.const 2000))
(assert_return (invoke "tail" (i32.const 5)) (i32.const 42))

;; ---------------------------------------------------------------------------
;; A continuation of an imported function.  Module $A owns the function and a
;; global it changes; module $B imports the function, makes a continuation of
;; it and resumes it.  The function runs in its own module's frame: it changes
;; $A's global, not $B's.

(module $A
  (global $total (export "total") (mut i32) (i32.const 0))
  (func (export "add") (param i32) (result i32)
    (global.set $total (i32.add (global.get $total) (local.get 0)))
    (global.get $total))
  (func (export "get") (result i32) (global.get $total))
)
(register "A" $A)

(module $B
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (import "A" "add" (func $add (type $f)))
  (import "A" "get" (func $get (result i32)))
  (global $total (mut i32) (i32.const 500))
  (global $k (mut (ref null $c)) (ref.null $c))
  (elem declare func $add)
  ;; cont.new on the import: $A's global is untouched until the resume.
  (func (export "make") (global.set $k (cont.new $c (ref.func $add))))
  (func (export "run") (param i32) (result i32)
    (resume $c (local.get 0) (global.get $k)))
  (func (export "B-total") (result i32) (global.get $total))
  (func (export "new-resume") (param i32) (result i32)
    (resume $c (local.get 0) (cont.new $c (ref.func $add))))
)
(assert_return (invoke $B "make"))
(assert_return (invoke $A "get") (i32.const 0))
(assert_return (invoke $B "run" (i32.const 17)) (i32.const 17))
(assert_return (invoke $A "get") (i32.const 17))
(assert_return (invoke $B "B-total") (i32.const 500))
(assert_return (invoke $B "new-resume" (i32.const 3)) (i32.const 20))

;; ---------------------------------------------------------------------------
;; Functions reached indirectly: through a typed table, through a funcref
;; table and a cast, through a function that returns a function reference,
;; and a function of a declared subtype of the continuation's function type.

(module
  (type $f (sub (func (param i32) (result i32))))
  (type $c (cont $f))
  (type $fsub (sub $f (func (param i32) (result i32))))
  (func $inc (type $f) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $f) (i32.mul (local.get 0) (i32.const 2)))
  (func $neg (type $fsub) (i32.sub (i32.const 0) (local.get 0)))
  (table $typed (ref null $f) (elem $inc $dbl))
  (table $any funcref (elem $dbl $inc))
  (elem declare func $neg)
  (func $pick (param i32) (result (ref $f))
    (if (result (ref $f)) (local.get 0)
      (then (ref.func $inc)) (else (ref.func $dbl))))
  (func (export "typed-table") (param i32 i32) (result i32)
    (resume $c (local.get 1) (cont.new $c (table.get $typed (local.get 0)))))
  (func (export "funcref-table") (param i32 i32) (result i32)
    (resume $c (local.get 1)
      (cont.new $c (ref.cast (ref $f) (table.get $any (local.get 0))))))
  (func (export "returned") (param i32 i32) (result i32)
    (resume $c (local.get 1) (cont.new $c (call $pick (local.get 0)))))
  (func (export "subtype") (param i32) (result i32)
    (resume $c (local.get 0) (cont.new $c (ref.func $neg))))
)
(assert_return (invoke "typed-table" (i32.const 0) (i32.const 10)) (i32.const 11))
(assert_return (invoke "typed-table" (i32.const 1) (i32.const 10)) (i32.const 20))
(assert_return (invoke "funcref-table" (i32.const 0) (i32.const 10)) (i32.const 20))
(assert_return (invoke "funcref-table" (i32.const 1) (i32.const 10)) (i32.const 11))
(assert_return (invoke "returned" (i32.const 1) (i32.const 40)) (i32.const 41))
(assert_return (invoke "returned" (i32.const 0) (i32.const 40)) (i32.const 80))
(assert_return (invoke "subtype" (i32.const 9)) (i32.const -9))

;; ---------------------------------------------------------------------------
;; A fresh continuation per cont.new (|S.conts| is new each time): two
;; continuations of the same function are independent.  Resuming one does
;; not consume the other, and each keeps its own suspended state (locals).

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $fv (func))
  (type $cv (cont $fv))
  (tag $yield (param i32) (result i32))
  (global $runs (mut i32) (i32.const 0))
  (func $bump (global.set $runs (i32.add (global.get $runs) (i32.const 1))))
  ;; Keeps its argument in a local across a suspension, then adds what it
  ;; is resumed with.
  (func $acc (param $x i32) (result i32)
    (i32.add (local.get $x) (suspend $yield (local.get $x))))
  (elem declare func $bump $acc)

  ;; Both continuations made from one function each run it once.
  (func (export "two-from-one") (result i32)
    (local $k1 (ref null $cv)) (local $k2 (ref null $cv))
    (global.set $runs (i32.const 0))
    (local.set $k1 (cont.new $cv (ref.func $bump)))
    (local.set $k2 (cont.new $cv (ref.func $bump)))
    (resume $cv (local.get $k2))
    (resume $cv (local.get $k1))
    (global.get $runs))
  ;; Interleaved: start both, each suspends with its own argument; finish
  ;; them in the other order.  Results, in resume order: 2+20, then 1+10.
  (func (export "interleaved") (result i32 i32)
    (local $k1 (ref null $c)) (local $k2 (ref null $c))
    (block $h (result i32 (ref $c))
      (resume $c (on $yield $h) (i32.const 1) (cont.new $c (ref.func $acc)))
      (unreachable))
    (local.set $k1) (drop)
    (block $h (result i32 (ref $c))
      (resume $c (on $yield $h) (i32.const 2) (cont.new $c (ref.func $acc)))
      (unreachable))
    (local.set $k2) (drop)
    (resume $c (i32.const 20) (local.get $k2))
    (resume $c (i32.const 10) (local.get $k1)))
  ;; Using the two returned references: the continuation from the second
  ;; cont.new is not the one that was consumed.
  (func (export "second-not-consumed") (result i32)
    (local $k1 (ref null $cv)) (local $k2 (ref null $cv))
    (global.set $runs (i32.const 0))
    (local.set $k1 (cont.new $cv (ref.func $bump)))
    (resume $cv (local.get $k1))
    (local.set $k2 (cont.new $cv (ref.func $bump)))
    (resume $cv (local.get $k2))
    (global.get $runs))
  ;; After each of the two has been resumed once, the first is consumed
  ;; (and "two-from-one" shows that resuming one leaves the other usable).
  (func (export "first-consumed") (result i32)
    (local $k1 (ref null $cv)) (local $k2 (ref null $cv))
    (local.set $k1 (cont.new $cv (ref.func $bump)))
    (local.set $k2 (cont.new $cv (ref.func $bump)))
    (resume $cv (local.get $k1))
    (resume $cv (local.get $k2))
    (resume $cv (local.get $k1))
    (i32.const 0))
)
(assert_return (invoke "two-from-one") (i32.const 2))
(assert_return (invoke "interleaved") (i32.const 22) (i32.const 11))
(assert_return (invoke "second-not-consumed") (i32.const 2))
(assert_trap (invoke "first-consumed") "continuation already consumed")

;; ---------------------------------------------------------------------------
;; cont.new inside a running continuation, and a continuation whose function
;; itself makes and resumes a continuation of another function: each function
;; still runs only at its own resume.

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (global $log (mut i32) (i32.const 0))
  ;; log = log*10 + digit
  (func $note (param i32)
    (global.set $log (i32.add (i32.mul (global.get $log) (i32.const 10)) (local.get 0))))
  (func $inner (param i32) (result i32)
    (call $note (i32.const 3))
    (i32.add (local.get 0) (i32.const 100)))
  (func $outer (param i32) (result i32)
    (local $k (ref null $c))
    (call $note (i32.const 1))
    (local.set $k (cont.new $c (ref.func $inner)))
    (call $note (i32.const 2))
    (resume $c (local.get 0) (local.get $k))
    (call $note (i32.const 4)))
  (elem declare func $inner $outer)
  (func (export "nested") (param i32) (result i32 i32)
    (global.set $log (i32.const 0))
    (resume $c (local.get 0) (cont.new $c (ref.func $outer)))
    (global.get $log))
)
(assert_return (invoke "nested" (i32.const 5)) (i32.const 105) (i32.const 1234))

;; ---------------------------------------------------------------------------
;; cont.new never runs the function, even one that would trap or throw at
;; once; the trap or exception happens at the resume.

(module
  (type $f (func))
  (type $c (cont $f))
  (tag $boom)
  (func $trapper (unreachable))
  (func $thrower (throw $boom))
  (elem declare func $trapper $thrower)
  (func (export "new-trapper") (result i32)
    (drop (cont.new $c (ref.func $trapper))) (i32.const 1))
  (func (export "new-thrower") (result i32)
    (drop (cont.new $c (ref.func $thrower))) (i32.const 2))
  (func (export "resume-trapper") (resume $c (cont.new $c (ref.func $trapper))))
  (func (export "resume-thrower") (resume $c (cont.new $c (ref.func $thrower))))
)
(assert_return (invoke "new-trapper") (i32.const 1))
(assert_return (invoke "new-thrower") (i32.const 2))
(assert_trap (invoke "resume-trapper") "unreachable")
(assert_exception (invoke "resume-thrower"))
