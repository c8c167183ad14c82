;; Stack switching: reduction rules for cont.bind.
;;
;; Explainer, "Instruction set extension" > "Partial continuation application":
;;   "A suspended continuation can be partially applied to a prefix of its
;;    arguments yielding another suspended continuation.
;;      cont.bind $ct1 $ct2 : [t1* (ref null $ct1)] -> [(ref $ct2)]
;;    ... The `cont.bind` instruction also consumes its continuation argument,
;;    and yields a new continuation that can be supplied to `resume`,
;;    `resume_throw`, `switch` or `cont.bind`."
;;
;; Explainer, "Specification changes" > "Instructions":
;;   cont.bind $ct $ct' : [t3* (ref null $ct)] -> [(ref $ct')]
;;     iff C.types[$ct] ~~ cont [t3* t1*] -> [t2*]
;;     and C.types[$ct'] ~~ cont [t1'*] -> [t2'*]
;;     and [t1*] -> [t2*] <: [t1'*] -> [t2'*]
;;
;; Explainer, "Specification changes" > "Execution" > "Reduction":
;;   * S; F; (ref.null t) (cont.bind $ct $ct')  -->  S; F; trap
;;   * S; F; (ref.cont ca) (cont.bind $ct $ct')  -->  S; F; trap
;;     - iff S.conts[ca] = epsilon
;;   * S; F; v^n (ref.cont ca) (cont.bind $ct $ct')  -->  S'; F; (ref.cont |S.conts|)
;;     - iff S.conts[ca] = E'
;;     - and $ct ~~ cont [t1*] -> [t2*]
;;     - and $ct' ~~ cont [t1'*] -> [t2'*]
;;     - and n = |t1*| - |t1'*|
;;     - and S' = S with conts[ca] = epsilon with conts += E
;;     - and E = E'[v^n _]
;;
;; This file checks binding none, some and all of the parameters of fresh
;; continuations (E' = _ (invoke fa)) and of suspended ones (E' has the hole
;; where `suspend` was, so the bound values become the first results of the
;; suspend); binding repeatedly; that the bound values form a prefix, in
;; order (every result below is a number whose digits say which argument
;; went where); binding to a supertype continuation type; that nothing runs
;; at cont.bind; and the null and consumed-continuation traps, including that
;; cont.bind consumes its operand.

;; ---------------------------------------------------------------------------
;; Fresh continuations of a 4-parameter function computing
;;   a*1000 + b*100 + c*10 + d.
;; E = E'[v^n _] with E' = _ (invoke fa): the bound values are the first
;; arguments, the resume arguments the rest.

(module
  (type $f4 (func (param i32 i32 i32 i32) (result i32)))
  (type $c4 (cont $f4))
  (type $f3 (func (param i32 i32 i32) (result i32)))
  (type $c3 (cont $f3))
  (type $f2 (func (param i32 i32) (result i32)))
  (type $c2 (cont $f2))
  (type $f1 (func (param i32) (result i32)))
  (type $c1 (cont $f1))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (func $digits (param $a i32) (param $b i32) (param $c i32) (param $d i32) (result i32)
    (i32.add
      (i32.add (i32.mul (local.get $a) (i32.const 1000))
               (i32.mul (local.get $b) (i32.const 100)))
      (i32.add (i32.mul (local.get $c) (i32.const 10)) (local.get $d))))
  (elem declare func $digits)
  (func $new (result (ref $c4)) (cont.new $c4 (ref.func $digits)))

  ;; bind none: $c4 -> $c4
  (func (export "bind0") (param i32 i32 i32 i32) (result i32)
    (resume $c4 (local.get 0) (local.get 1) (local.get 2) (local.get 3)
      (cont.bind $c4 $c4 (call $new))))
  ;; bind one
  (func (export "bind1") (param i32 i32 i32 i32) (result i32)
    (resume $c3 (local.get 1) (local.get 2) (local.get 3)
      (cont.bind $c4 $c3 (local.get 0) (call $new))))
  ;; bind two
  (func (export "bind2") (param i32 i32 i32 i32) (result i32)
    (resume $c2 (local.get 2) (local.get 3)
      (cont.bind $c4 $c2 (local.get 0) (local.get 1) (call $new))))
  ;; bind three
  (func (export "bind3") (param i32 i32 i32 i32) (result i32)
    (resume $c1 (local.get 3)
      (cont.bind $c4 $c1 (local.get 0) (local.get 1) (local.get 2) (call $new))))
  ;; bind all four
  (func (export "bind4") (param i32 i32 i32 i32) (result i32)
    (resume $c0
      (cont.bind $c4 $c0 (local.get 0) (local.get 1) (local.get 2) (local.get 3)
        (call $new))))
  ;; bind twice: first a, then b c; resume with d
  (func (export "bind1-then-2") (param i32 i32 i32 i32) (result i32)
    (resume $c1 (local.get 3)
      (cont.bind $c3 $c1 (local.get 1) (local.get 2)
        (cont.bind $c4 $c3 (local.get 0) (call $new)))))
  ;; bind twice: first a b, then c d
  (func (export "bind2-then-2") (param i32 i32 i32 i32) (result i32)
    (resume $c0
      (cont.bind $c2 $c0 (local.get 2) (local.get 3)
        (cont.bind $c4 $c2 (local.get 0) (local.get 1) (call $new)))))
  ;; bind one at a time, four times
  (func (export "bind1x4") (param i32 i32 i32 i32) (result i32)
    (resume $c0
      (cont.bind $c1 $c0 (local.get 3)
        (cont.bind $c2 $c1 (local.get 2)
          (cont.bind $c3 $c2 (local.get 1)
            (cont.bind $c4 $c3 (local.get 0) (call $new)))))))
  ;; bind none, twice, then bind one
  (func (export "bind0-0-1") (param i32 i32 i32 i32) (result i32)
    (resume $c3 (local.get 1) (local.get 2) (local.get 3)
      (cont.bind $c4 $c3 (local.get 0)
        (cont.bind $c4 $c4
          (cont.bind $c4 $c4 (call $new))))))
  ;; bind the last one of a bound continuation: with no parameters left,
  ;; bind none again ($c0 -> $c0)
  (func (export "bind4-then-0") (param i32 i32 i32 i32) (result i32)
    (resume $c0
      (cont.bind $c0 $c0
        (cont.bind $c4 $c0 (local.get 0) (local.get 1) (local.get 2) (local.get 3)
          (call $new)))))
)
(assert_return (invoke "bind0" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind0" (i32.const 4) (i32.const 3) (i32.const 2) (i32.const 1)) (i32.const 4321))
(assert_return (invoke "bind1" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind1" (i32.const 9) (i32.const 0) (i32.const 0) (i32.const 0)) (i32.const 9000))
(assert_return (invoke "bind1" (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 9)) (i32.const 9))
(assert_return (invoke "bind2" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind2" (i32.const 5) (i32.const 6) (i32.const 7) (i32.const 8)) (i32.const 5678))
(assert_return (invoke "bind2" (i32.const 0) (i32.const 9) (i32.const 0) (i32.const 0)) (i32.const 900))
(assert_return (invoke "bind3" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind3" (i32.const 8) (i32.const 7) (i32.const 6) (i32.const 5)) (i32.const 8765))
(assert_return (invoke "bind3" (i32.const 0) (i32.const 0) (i32.const 9) (i32.const 0)) (i32.const 90))
(assert_return (invoke "bind4" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind4" (i32.const 3) (i32.const 1) (i32.const 4) (i32.const 1)) (i32.const 3141))
(assert_return (invoke "bind1-then-2" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind1-then-2" (i32.const 2) (i32.const 7) (i32.const 1) (i32.const 8)) (i32.const 2718))
(assert_return (invoke "bind2-then-2" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind2-then-2" (i32.const 1) (i32.const 6) (i32.const 1) (i32.const 8)) (i32.const 1618))
(assert_return (invoke "bind1x4" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind1x4" (i32.const 9) (i32.const 8) (i32.const 7) (i32.const 6)) (i32.const 9876))
(assert_return (invoke "bind0-0-1" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind4-then-0" (i32.const 4) (i32.const 0) (i32.const 0) (i32.const 2)) (i32.const 4002))

;; ---------------------------------------------------------------------------
;; Mixed value types: the bound values keep their types and positions.

(module
  (type $fm (func (param i32 i64 f32 f64 externref) (result f64 externref i32)))
  (type $cm (cont $fm))
  (type $fm3 (func (param f32 f64 externref) (result f64 externref i32)))
  (type $cm3 (cont $fm3))
  (type $fm2 (func (param f64 externref) (result f64 externref i32)))
  (type $cm2 (cont $fm2))
  (type $fm0 (func (result f64 externref i32)))
  (type $cm0 (cont $fm0))
  ;; f64 result = i + j*10 + x*100 + y*1000; externref passed through;
  ;; i32 result = 1 when the reference is null.
  (func $mix (param $i i32) (param $j i64) (param $x f32) (param $y f64) (param $r externref)
             (result f64 externref i32)
    (f64.add
      (f64.add (f64.convert_i32_s (local.get $i))
               (f64.mul (f64.convert_i64_s (local.get $j)) (f64.const 10)))
      (f64.add (f64.mul (f64.promote_f32 (local.get $x)) (f64.const 100))
               (f64.mul (local.get $y) (f64.const 1000))))
    (local.get $r)
    (ref.is_null (local.get $r)))
  (elem declare func $mix)
  (func (export "bind-2-of-5") (param i32 i64 f32 f64 externref) (result f64 externref i32)
    (resume $cm3 (local.get 2) (local.get 3) (local.get 4)
      (cont.bind $cm $cm3 (local.get 0) (local.get 1) (cont.new $cm (ref.func $mix)))))
  (func (export "bind-5-of-5") (param i32 i64 f32 f64 externref) (result f64 externref i32)
    (resume $cm0
      (cont.bind $cm $cm0 (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)
        (cont.new $cm (ref.func $mix)))))
  (func (export "bind-3-then-2") (param i32 i64 f32 f64 externref) (result f64 externref i32)
    (resume $cm0
      (cont.bind $cm2 $cm0 (local.get 3) (local.get 4)
        (cont.bind $cm $cm2 (local.get 0) (local.get 1) (local.get 2)
          (cont.new $cm (ref.func $mix))))))
)
(assert_return (invoke "bind-2-of-5" (i32.const 1) (i64.const 2) (f32.const 3) (f64.const 4) (ref.extern 1))
  (f64.const 4321) (ref.extern 1) (i32.const 0))
(assert_return (invoke "bind-2-of-5" (i32.const 5) (i64.const 0) (f32.const 0) (f64.const 0) (ref.null extern))
  (f64.const 5) (ref.null extern) (i32.const 1))
(assert_return (invoke "bind-5-of-5" (i32.const 9) (i64.const 8) (f32.const 0.5) (f64.const 2) (ref.extern 3))
  (f64.const 2139) (ref.extern 3) (i32.const 0))
(assert_return (invoke "bind-3-then-2" (i32.const 1) (i64.const 1) (f32.const 2) (f64.const 3) (ref.extern 4))
  (f64.const 3211) (ref.extern 4) (i32.const 0))

;; ---------------------------------------------------------------------------
;; Suspended continuations: E' is the context of the suspend.  The function
;; suspends with tag $need : [] -> [i32 i32 i32] and then computes
;;   p*1000 + a*100 + b*10 + c
;; from its parameter p (kept in a local across the suspension) and the three
;; results a b c of the suspend.  Binding n values of the continuation of type
;; cont [i32 i32 i32] -> [i32] gives the first n results of the suspend.
;; $steps counts how far the function has run, to show that cont.bind itself
;; runs nothing.

(module
  (type $fp (func (param i32) (result i32)))
  (type $cp (cont $fp))
  (type $f3 (func (param i32 i32 i32) (result i32)))
  (type $c3 (cont $f3))
  (type $f2 (func (param i32 i32) (result i32)))
  (type $c2 (cont $f2))
  (type $f1 (func (param i32) (result i32)))
  (type $c1 (cont $f1))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $need (result i32 i32 i32))
  (global $steps (mut i32) (i32.const 0))
  (func $body (param $p i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32)
    (global.set $steps (i32.const 1))
    (suspend $need)
    (local.set $c) (local.set $b) (local.set $a)
    (global.set $steps (i32.const 2))
    (i32.add
      (i32.add (i32.mul (local.get $p) (i32.const 1000))
               (i32.mul (local.get $a) (i32.const 100)))
      (i32.add (i32.mul (local.get $b) (i32.const 10)) (local.get $c))))
  (elem declare func $body)
  ;; Runs $body with p up to its suspend and returns the continuation.
  (func $start (param $p i32) (result (ref $c3))
    (block $h (result (ref $c3))
      (resume $cp (on $need $h) (local.get $p) (cont.new $cp (ref.func $body)))
      (unreachable)))

  (func (export "sus-bind0") (param i32 i32 i32 i32) (result i32)
    (resume $c3 (local.get 1) (local.get 2) (local.get 3)
      (cont.bind $c3 $c3 (call $start (local.get 0)))))
  (func (export "sus-bind1") (param i32 i32 i32 i32) (result i32)
    (resume $c2 (local.get 2) (local.get 3)
      (cont.bind $c3 $c2 (local.get 1) (call $start (local.get 0)))))
  (func (export "sus-bind2") (param i32 i32 i32 i32) (result i32)
    (resume $c1 (local.get 3)
      (cont.bind $c3 $c1 (local.get 1) (local.get 2) (call $start (local.get 0)))))
  (func (export "sus-bind3") (param i32 i32 i32 i32) (result i32)
    (resume $c0
      (cont.bind $c3 $c0 (local.get 1) (local.get 2) (local.get 3)
        (call $start (local.get 0)))))
  (func (export "sus-bind1-then-1") (param i32 i32 i32 i32) (result i32)
    (resume $c1 (local.get 3)
      (cont.bind $c2 $c1 (local.get 2)
        (cont.bind $c3 $c2 (local.get 1) (call $start (local.get 0))))))
  (func (export "sus-bind2-then-1") (param i32 i32 i32 i32) (result i32)
    (resume $c0
      (cont.bind $c1 $c0 (local.get 3)
        (cont.bind $c3 $c1 (local.get 1) (local.get 2) (call $start (local.get 0))))))
  ;; A fresh continuation of $body bound to its parameter p, then run to the
  ;; suspend, then its suspended continuation bound to a b c.
  (func (export "bind-fresh-then-suspended") (param i32 i32 i32 i32) (result i32)
    (local $k (ref null $c3))
    (local.set $k
      (block $h (result (ref $c3))
        (resume $c0 (on $need $h)
          (cont.bind $cp $c0 (local.get 0) (cont.new $cp (ref.func $body))))
        (unreachable)))
    (resume $c0 (cont.bind $c3 $c0 (local.get 1) (local.get 2) (local.get 3) (local.get $k))))
  ;; cont.bind on a suspended continuation does not resume it: $steps stays 1
  ;; after the bind, and is 2 after the resume.
  (func (export "steps-after-bind") (result i32 i32 i32)
    (local $k (ref null $c1))
    (local.set $k (cont.bind $c3 $c1 (i32.const 1) (i32.const 2) (call $start (i32.const 0))))
    (global.get $steps)
    (resume $c1 (i32.const 3) (local.get $k))
    (global.get $steps))
  ;; cont.bind on a fresh continuation does not start it: $steps stays 0.
  (func (export "steps-fresh") (result i32)
    (global.set $steps (i32.const 0))
    (drop (cont.bind $cp $c0 (i32.const 5) (cont.new $cp (ref.func $body))))
    (global.get $steps))
)
(assert_return (invoke "sus-bind0" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "sus-bind1" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "sus-bind1" (i32.const 0) (i32.const 9) (i32.const 0) (i32.const 0)) (i32.const 900))
(assert_return (invoke "sus-bind2" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "sus-bind2" (i32.const 0) (i32.const 0) (i32.const 9) (i32.const 0)) (i32.const 90))
(assert_return (invoke "sus-bind3" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "sus-bind3" (i32.const 7) (i32.const 0) (i32.const 0) (i32.const 9)) (i32.const 7009))
(assert_return (invoke "sus-bind1-then-1" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "sus-bind1-then-1" (i32.const 5) (i32.const 3) (i32.const 8) (i32.const 1)) (i32.const 5381))
(assert_return (invoke "sus-bind2-then-1" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind-fresh-then-suspended" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind-fresh-then-suspended" (i32.const 6) (i32.const 0) (i32.const 2) (i32.const 8)) (i32.const 6028))
(assert_return (invoke "steps-after-bind") (i32.const 1) (i32.const 123) (i32.const 2))
(assert_return (invoke "steps-fresh") (i32.const 0))

;; ---------------------------------------------------------------------------
;; A bound suspended continuation that suspends again: the bound values are
;; used up by the first suspend; the continuation produced by the second
;; suspend has no bound values and takes its results from the next resume.
;; $acc: [] -> [i32] sums the values it receives from two suspends of
;; $ask : [] -> [i32 i32], as first*1000 + second*100 + third*10 + fourth.

(module
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (type $f2 (func (param i32 i32) (result i32)))
  (type $c2 (cont $f2))
  (type $f1 (func (param i32) (result i32)))
  (type $c1 (cont $f1))
  (tag $ask (result i32 i32))
  (func $acc (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (suspend $ask) (local.set $b) (local.set $a)
    (suspend $ask) (local.set $d) (local.set $c)
    (i32.add
      (i32.add (i32.mul (local.get $a) (i32.const 1000))
               (i32.mul (local.get $b) (i32.const 100)))
      (i32.add (i32.mul (local.get $c) (i32.const 10)) (local.get $d))))
  (elem declare func $acc)
  (func (export "bind-then-suspend-again") (param i32 i32 i32 i32) (result i32)
    (local $k (ref null $c2))
    ;; first suspend
    (local.set $k
      (block $h (result (ref $c2))
        (resume $c0 (on $ask $h) (cont.new $c0 (ref.func $acc)))
        (unreachable)))
    ;; bind both results of the first suspend; the function suspends again
    (local.set $k
      (block $h (result (ref $c2))
        (resume $c0 (on $ask $h)
          (cont.bind $c2 $c0 (local.get 0) (local.get 1) (local.get $k)))
        (unreachable)))
    ;; bind one result of the second suspend, resume with the other
    (resume $c1 (local.get 3)
      (cont.bind $c2 $c1 (local.get 2) (local.get $k))))
)
(assert_return (invoke "bind-then-suspend-again" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)) (i32.const 1234))
(assert_return (invoke "bind-then-suspend-again" (i32.const 4) (i32.const 3) (i32.const 2) (i32.const 1)) (i32.const 4321))

;; ---------------------------------------------------------------------------
;; cont.bind to a supertype continuation type:
;;   [t1*] -> [t2*] <: [t1'*] -> [t2'*]
;; The remaining parameters may be narrowed (contravariance) and the results
;; widened; bound values may be of subtypes of the bound parameters' types.

(module
  (type $fsrc (func (param i32 anyref eqref) (result i31ref)))
  (type $csrc (cont $fsrc))
  ;; after binding i32: [anyref eqref] -> [i31ref] <: [eqref i31ref] -> [anyref]
  (type $fdst (func (param eqref i31ref) (result anyref)))
  (type $cdst (cont $fdst))
  ;; after binding i32 anyref: [eqref] -> [i31ref] <: [i31ref] -> [eqref]
  (type $fdst1 (func (param i31ref) (result eqref)))
  (type $cdst1 (cont $fdst1))
  ;; a structurally identical, separately declared type
  (type $fsame (func (param anyref eqref) (result i31ref)))
  (type $csame (cont $fsame))
  ;; i31 result = n*100 + (i31 value of x)*10 + (i31 value of y)
  (func $f (param $n i32) (param $x anyref) (param $y eqref) (result i31ref)
    (ref.i31
      (i32.add
        (i32.add (i32.mul (local.get $n) (i32.const 100))
                 (i32.mul (i31.get_s (ref.cast i31ref (local.get $x))) (i32.const 10)))
        (i31.get_s (ref.cast i31ref (local.get $y))))))
  (elem declare func $f)
  (func (export "to-super") (param i32 i32 i32) (result i32)
    (i31.get_s (ref.cast i31ref
      (resume $cdst (ref.i31 (local.get 1)) (ref.i31 (local.get 2))
        (cont.bind $csrc $cdst (local.get 0) (cont.new $csrc (ref.func $f)))))))
  (func (export "to-super-2") (param i32 i32 i32) (result i32)
    (i31.get_s (ref.cast i31ref
      (resume $cdst1 (ref.i31 (local.get 2))
        (cont.bind $csrc $cdst1 (local.get 0) (ref.i31 (local.get 1))
          (cont.new $csrc (ref.func $f)))))))
  (func (export "to-same-shape") (param i32 i32 i32) (result i32)
    (i31.get_s
      (resume $csame (ref.i31 (local.get 1)) (ref.i31 (local.get 2))
        (cont.bind $csrc $csame (local.get 0) (cont.new $csrc (ref.func $f))))))
)
(assert_return (invoke "to-super" (i32.const 1) (i32.const 2) (i32.const 3)) (i32.const 123))
(assert_return (invoke "to-super" (i32.const 3) (i32.const 0) (i32.const 7)) (i32.const 307))
(assert_return (invoke "to-super-2" (i32.const 4) (i32.const 5) (i32.const 6)) (i32.const 456))
(assert_return (invoke "to-same-shape" (i32.const 9) (i32.const 8) (i32.const 7)) (i32.const 987))

;; ---------------------------------------------------------------------------
;; Null and consumed traps, and consumption of the operand.
;;   (ref.null t) (cont.bind ...)          --> trap
;;   (ref.cont ca) (cont.bind ...) with S.conts[ca] = epsilon --> trap
;;   a successful cont.bind sets S.conts[ca] = epsilon.

(module
  (type $f2 (func (param i32 i32) (result i32)))
  (type $c2 (cont $f2))
  (type $f1 (func (param i32) (result i32)))
  (type $c1 (cont $f1))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $e (param i32))
  (tag $sus (result i32 i32))
  (global $runs (mut i32) (i32.const 0))
  (func $sub (param i32 i32) (result i32)
    (global.set $runs (i32.add (global.get $runs) (i32.const 1)))
    (i32.sub (local.get 0) (local.get 1)))
  (func $waits (result i32)
    (suspend $sus) (i32.sub))
  (elem declare func $sub $waits)
  (global $k (mut (ref null $c2)) (ref.null $c2))

  (func (export "null-bind0") (drop (cont.bind $c2 $c2 (ref.null $c2))))
  (func (export "null-bind1") (drop (cont.bind $c2 $c1 (i32.const 1) (ref.null $c2))))
  (func (export "null-bind2") (drop (cont.bind $c2 $c0 (i32.const 1) (i32.const 2) (ref.null $c2))))
  (func (export "null-nocont") (drop (cont.bind $c2 $c1 (i32.const 1) (ref.null nocont))))
  ;; the null reaches cont.bind through a parameter (called from wasm, so
  ;; that no continuation type crosses the host boundary)
  (func $np (param $r (ref null $c1))
    (drop (cont.bind $c1 $c0 (i32.const 1) (local.get $r))))
  (func (export "null-param") (call $np (ref.null $c1)))

  ;; After a cont.bind, the original continuation is consumed: each of
  ;; resume, cont.bind and resume_throw on it traps; the bound one works.
  (func (export "bound-works") (result i32)
    (local $k (ref null $c2)) (local $b (ref null $c1))
    (local.set $k (cont.new $c2 (ref.func $sub)))
    (local.set $b (cont.bind $c2 $c1 (i32.const 50) (local.get $k)))
    (resume $c1 (i32.const 8) (local.get $b)))
  (func (export "orig-resume") (result i32)
    (local $k (ref null $c2))
    (local.set $k (cont.new $c2 (ref.func $sub)))
    (drop (cont.bind $c2 $c1 (i32.const 50) (local.get $k)))
    (resume $c2 (i32.const 1) (i32.const 2) (local.get $k)))
  (func (export "orig-bind") (result i32)
    (local $k (ref null $c2))
    (local.set $k (cont.new $c2 (ref.func $sub)))
    (drop (cont.bind $c2 $c1 (i32.const 50) (local.get $k)))
    (resume $c0 (cont.bind $c2 $c0 (i32.const 1) (i32.const 2) (local.get $k))))
  (func (export "orig-bind0") (result i32)
    (local $k (ref null $c2))
    (local.set $k (cont.new $c2 (ref.func $sub)))
    (drop (cont.bind $c2 $c2 (local.get $k)))
    (drop (cont.bind $c2 $c2 (local.get $k)))
    (i32.const 0))
  (func (export "orig-throw") (result i32)
    (local $k (ref null $c2))
    (local.set $k (cont.new $c2 (ref.func $sub)))
    (drop (cont.bind $c2 $c1 (i32.const 50) (local.get $k)))
    (resume_throw $c2 $e (i32.const 1) (local.get $k)))
  ;; The function of a continuation consumed by cont.bind never ran, and
  ;; the trap on reuse does not run it either.
  (func (export "orig-resume-runs") (result i32)
    (global.set $runs (i32.const 0))
    (global.set $k (cont.new $c2 (ref.func $sub)))
    (drop (cont.bind $c2 $c1 (i32.const 50) (global.get $k)))
    (global.get $runs))
  (func (export "resume-global") (result i32)
    (resume $c2 (i32.const 1) (i32.const 2) (global.get $k)))
  (func (export "runs") (result i32) (global.get $runs))
  ;; A bound continuation can be bound again only once: binding the
  ;; intermediate one twice traps.
  (func (export "bound-twice") (result i32)
    (local $b (ref null $c1))
    (local.set $b (cont.bind $c2 $c1 (i32.const 50) (cont.new $c2 (ref.func $sub))))
    (drop (cont.bind $c1 $c0 (i32.const 1) (local.get $b)))
    (drop (cont.bind $c1 $c0 (i32.const 2) (local.get $b)))
    (i32.const 0))
  ;; The bound continuation is resumable once.
  (func (export "bound-resumed-twice") (result i32)
    (local $b (ref null $c1))
    (local.set $b (cont.bind $c2 $c1 (i32.const 50) (cont.new $c2 (ref.func $sub))))
    (drop (resume $c1 (i32.const 1) (local.get $b)))
    (resume $c1 (i32.const 1) (local.get $b)))
  ;; A suspended continuation consumed by cont.bind.
  (func (export "suspended-orig") (result i32)
    (local $k (ref null $c2))
    (local.set $k
      (block $h (result (ref $c2))
        (resume $c0 (on $sus $h) (cont.new $c0 (ref.func $waits)))
        (unreachable)))
    (drop (cont.bind $c2 $c1 (i32.const 9) (local.get $k)))
    (resume $c2 (i32.const 1) (i32.const 2) (local.get $k)))
  (func (export "suspended-bound") (result i32)
    (local $k (ref null $c2))
    (local.set $k
      (block $h (result (ref $c2))
        (resume $c0 (on $sus $h) (cont.new $c0 (ref.func $waits)))
        (unreachable)))
    (resume $c1 (i32.const 2) (cont.bind $c2 $c1 (i32.const 9) (local.get $k))))
  ;; cont.bind on continuations consumed by resume: one that returned, and
  ;; one that is suspended again (the old reference stays consumed).
  (func (export "after-return") (result i32)
    (local $k (ref null $c2))
    (local.set $k (cont.new $c2 (ref.func $sub)))
    (drop (resume $c2 (i32.const 5) (i32.const 3) (local.get $k)))
    (drop (cont.bind $c2 $c1 (i32.const 1) (local.get $k)))
    (i32.const 0))
  (func (export "after-suspend") (result i32)
    (local $k (ref null $c0))
    (local.set $k (cont.new $c0 (ref.func $waits)))
    (drop
      (block $h (result (ref $c2))
        (resume $c0 (on $sus $h) (local.get $k))
        (unreachable)))
    (drop (cont.bind $c0 $c0 (local.get $k)))
    (i32.const 0))
)
(assert_trap (invoke "null-bind0") "null continuation reference")
(assert_trap (invoke "null-bind1") "null continuation reference")
(assert_trap (invoke "null-bind2") "null continuation reference")
(assert_trap (invoke "null-nocont") "null continuation reference")
(assert_trap (invoke "null-param") "null continuation reference")
(assert_return (invoke "bound-works") (i32.const 42))
(assert_trap (invoke "orig-resume") "continuation already consumed")
(assert_trap (invoke "orig-bind") "continuation already consumed")
(assert_trap (invoke "orig-bind0") "continuation already consumed")
(assert_trap (invoke "orig-throw") "continuation already consumed")
(assert_return (invoke "orig-resume-runs") (i32.const 0))
(assert_trap (invoke "resume-global") "continuation already consumed")
(assert_return (invoke "runs") (i32.const 0))
(assert_trap (invoke "bound-twice") "continuation already consumed")
(assert_trap (invoke "bound-resumed-twice") "continuation already consumed")
(assert_trap (invoke "suspended-orig") "continuation already consumed")
(assert_return (invoke "suspended-bound") (i32.const 7))
(assert_trap (invoke "after-return") "continuation already consumed")
(assert_trap (invoke "after-suspend") "continuation already consumed")

;; ---------------------------------------------------------------------------
;; A bound continuation aborted with resume_throw.  For a fresh continuation,
;; E = v^n _ (invoke fa) with the exception raised in the hole: the function
;; never runs.  For a suspended one the exception is raised at the suspend;
;; the bound values are discarded and a handler around the suspend sees it.

(module
  (type $f2 (func (param i32 i32) (result i32)))
  (type $c2 (cont $f2))
  (type $f1 (func (param i32) (result i32)))
  (type $c1 (cont $f1))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $abort (param i32))
  (tag $sus (result i32 i32))
  (global $runs (mut i32) (i32.const 0))
  (func $sub (param i32 i32) (result i32)
    (global.set $runs (i32.add (global.get $runs) (i32.const 1)))
    (i32.sub (local.get 0) (local.get 1)))
  ;; Catches $abort at its suspend and returns 1000 + payload.
  (func $guarded (result i32)
    (block $caught (result i32)
      (try_table (result i32 i32) (catch $abort $caught)
        (suspend $sus))
      (i32.sub)
      (return))
    (i32.add (i32.const 1000)))
  (elem declare func $sub $guarded)
  (func (export "fresh-bound-abort") (result i32 i32)
    (global.set $runs (i32.const 0))
    (block $caught (result i32)
      (try_table (result i32) (catch $abort $caught)
        (resume_throw $c1 $abort (i32.const 7)
          (cont.bind $c2 $c1 (i32.const 50) (cont.new $c2 (ref.func $sub)))))
      (return (i32.const -1) (global.get $runs)))
    (global.get $runs))
  (func (export "suspended-bound-abort") (result i32)
    (local $k (ref null $c2))
    (local.set $k
      (block $h (result (ref $c2))
        (resume $c0 (on $sus $h) (cont.new $c0 (ref.func $guarded)))
        (unreachable)))
    (resume_throw $c1 $abort (i32.const 5)
      (cont.bind $c2 $c1 (i32.const 9) (local.get $k))))
)
(assert_return (invoke "fresh-bound-abort") (i32.const 7) (i32.const 0))
(assert_return (invoke "suspended-bound-abort") (i32.const 1005))

;; ---------------------------------------------------------------------------
;; Continuations as bound values, and binding across modules: module $P
;; makes continuations and module $Q binds them.  The bound value here is
;; itself a continuation, resumed by the function it is passed to.

(module $P
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (type $fk (func (param (ref $ci) i32) (result i32)))
  (type $ck (cont $fk))
  (func $double (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  ;; resumes the continuation it is given, then adds 1
  (func $apply (param $k (ref $ci)) (param $x i32) (result i32)
    (i32.add (resume $ci (local.get $x) (local.get $k)) (i32.const 1)))
  (elem declare func $double $apply)
  (func (export "make-apply") (result (ref $ck)) (cont.new $ck (ref.func $apply)))
  (func (export "make-double") (result (ref $ci)) (cont.new $ci (ref.func $double)))
)
(register "P" $P)
(module $Q
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (type $fk (func (param (ref $ci) i32) (result i32)))
  (type $ck (cont $fk))
  (import "P" "make-apply" (func $make-apply (result (ref $ck))))
  (import "P" "make-double" (func $make-double (result (ref $ci))))
  (func (export "bind-cont-value") (param i32) (result i32)
    (resume $ci (local.get 0)
      (cont.bind $ck $ci (call $make-double) (call $make-apply))))
)
(assert_return (invoke $Q "bind-cont-value" (i32.const 20)) (i32.const 41))
(assert_return (invoke $Q "bind-cont-value" (i32.const -3)) (i32.const -5))

;; ---------------------------------------------------------------------------
;; n = |t1*| - |t1'*| is computed from the annotations $ct and $ct'; the
;; operand may be a continuation of a declared subtype of $ct.

(module
  (type $ft (sub (func (param i32 i32) (result anyref))))
  (type $ct (sub (cont $ft)))
  (type $ft2 (sub $ft (func (param i32 i32) (result i31ref))))
  (type $ct2 (sub $ct (cont $ft2)))
  (type $f1 (func (param i32) (result anyref)))
  (type $c1 (cont $f1))
  (func $digits (type $ft2)
    (ref.i31 (i32.add (i32.mul (local.get 0) (i32.const 10)) (local.get 1))))
  (elem declare func $digits)
  (func (export "bind-subtype") (param i32 i32) (result i32)
    (local $k (ref null $ct))
    (local.set $k (cont.new $ct2 (ref.func $digits)))
    (i31.get_s (ref.cast i31ref
      (resume $c1 (local.get 1) (cont.bind $ct $c1 (local.get 0) (local.get $k))))))
)
(assert_return (invoke "bind-subtype" (i32.const 4) (i32.const 2)) (i32.const 42))
(assert_return (invoke "bind-subtype" (i32.const 2) (i32.const 4)) (i32.const 24))
