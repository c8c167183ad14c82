;; Stack switching: reduction rules for resume (and the prompt it installs).
;;
;; Explainer, "Instruction set extension" > "Invoking continuations":
;;   "The first way to invoke a continuation is to resume the suspended
;;    continuation under a *handler*. The handler specifies what to do when
;;    control is subsequently suspended again.
;;      resume $ct hdl* : [t1* (ref null $ct)] -> [t2*]
;;    ... `(on $e $l)` mapping the control tag `$e` to the label `$l`.
;;    Intercepting `$e` causes a branch to `$l`."
;;
;; Explainer, "Instruction set extension" > "Suspending continuations":
;;   "The `suspend` instruction invokes the control tag `$e` with arguments
;;    of types `t1*`. It suspends the current continuation up to the nearest
;;    enclosing handler for `$e`. ... the continuation at the suspension
;;    point expects to be resumed later with arguments of types `t2*`."
;;
;; Explainer, "Specification changes" > "Execution" > "Reduction":
;;   * S; F; v^n (ref.cont ca) (resume $ct hdl*)  -->  S'; F; prompt{hdl'*} E[v^n] end
;;     - iff S.conts[ca] = E
;;     - and S' = S with conts[ca] = epsilon
;;     - and $ct ~~ cont [t1^n] -> [t2*]
;;     - and hdl'* = hdl*[F.module.tags / 0..|F.module.tags|-1]
;;   * S; F; (prompt{hdl*} v* end)  -->  S; F; v*
;;   * S; F; (suspend $e) --> S; F; (suspend ea)
;;     - iff ea = F.module.tags[$e]
;;   * S; F; (prompt{hdl1* (on ea $l) hdl2*} H^ea[v^n (suspend ea)] end)
;;       --> S'; F; v^n (ref.cont |S.conts|) (br $l)
;;     - iff forall $l', (on ea $l') notin hdl1*
;;     - and S.tags[ea].type ~~ [t1^n] -> [t2^m]
;;     - and S' = S with conts += (H^ea : m)
;;
;; This file checks that resume passes its arguments into the hole of the
;; continuation and that a continuation that returns leaves its values (of any
;; arity and type) as the results of the resume; that resuming a suspended
;; continuation gives the values to the `suspend`; that the handler's tags are
;; those of the module of the function that executes resume (imports, several
;; instances of one module); that the first matching handler of the innermost
;; prompt is chosen; and that the state of the suspended computation (locals,
;; calls, blocks, loops, try_table, inner prompts) survives suspension, over
;; many rounds (generators), nested resumes and resumes from different
;; functions.  The null and consumed traps of resume are in
;; continuation-lifetime.wast.

;; ---------------------------------------------------------------------------
;; prompt{hdl*} v* end --> v*: a continuation that returns, with 0..4
;; results of mixed types, with and without handlers on the resume; and
;; v^n reaches the parameters.

(module
  (type $f0 (func (param i32)))
  (type $c0 (cont $f0))
  (type $f1 (func (param i64) (result i64)))
  (type $c1 (cont $f1))
  (type $f2 (func (param f32 i32) (result i32 f32)))
  (type $c2 (cont $f2))
  (type $f3 (func (param f64 i64 i32) (result i32 i64 f64)))
  (type $c3 (cont $f3))
  (type $f4 (func (param externref i32 f64 i64) (result i64 f64 i32 externref)))
  (type $c4 (cont $f4))
  (tag $unused (param i32) (result i32))
  (tag $other)
  (type $f (func))
  (type $c (cont $f))
  (type $fu0 (func (param i32)))
  (type $ku0 (cont $fu0))
  (type $fu3 (func (param i32) (result i32 i64 f64)))
  (type $ku3 (cont $fu3))
  (global $g (mut i32) (i32.const 0))
  (func $r0 (param i32) (global.set $g (local.get 0)))
  (func $r1 (param i64) (result i64) (i64.mul (local.get 0) (i64.const -3)))
  (func $r2 (param f32 i32) (result i32 f32)
    (i32.add (local.get 1) (i32.const 1)) (f32.neg (local.get 0)))
  (func $r3 (param f64 i64 i32) (result i32 i64 f64)
    (local.get 2) (local.get 1) (local.get 0))
  (func $r4 (param externref i32 f64 i64) (result i64 f64 i32 externref)
    (local.get 3) (local.get 2) (local.get 1) (local.get 0))
  (elem declare func $r0 $r1 $r2 $r3 $r4)

  (func (export "ret0") (param i32) (result i32)
    (resume $c0 (local.get 0) (cont.new $c0 (ref.func $r0)))
    (global.get $g))
  ;; handlers for two tags, neither of which is used
  (func (export "ret0-handlers") (param i32) (result i32)
    (block $hu (result i32 (ref $ku0))
      (block $ho (result (ref $c))
        (resume $c0 (on $unused $hu) (on $other $ho) (local.get 0) (cont.new $c0 (ref.func $r0)))
        (return (global.get $g)))
      (drop)
      (return (i32.const -1)))
    (drop) (drop)
    (i32.const -2))
  (func (export "ret1") (param i64) (result i64)
    (resume $c1 (local.get 0) (cont.new $c1 (ref.func $r1))))
  (func (export "ret2") (param f32 i32) (result i32 f32)
    (resume $c2 (local.get 0) (local.get 1) (cont.new $c2 (ref.func $r2))))
  (func (export "ret3") (param f64 i64 i32) (result i32 i64 f64)
    (resume $c3 (local.get 0) (local.get 1) (local.get 2) (cont.new $c3 (ref.func $r3))))
  (func (export "ret3-handlers") (param f64 i64 i32) (result i32 i64 f64)
    (block $hu (result i32 (ref $ku3))
      (return (resume $c3 (on $unused $hu) (local.get 0) (local.get 1) (local.get 2)
        (cont.new $c3 (ref.func $r3)))))
    (unreachable))
  (func (export "ret4") (param externref i32 f64 i64) (result i64 f64 i32 externref)
    (resume $c4 (local.get 0) (local.get 1) (local.get 2) (local.get 3)
      (cont.new $c4 (ref.func $r4))))
)
(assert_return (invoke "ret0" (i32.const 17)) (i32.const 17))
(assert_return (invoke "ret0-handlers" (i32.const 18)) (i32.const 18))
(assert_return (invoke "ret1" (i64.const 5)) (i64.const -15))
(assert_return (invoke "ret1" (i64.const 0x4000_0000_0000_0000)) (i64.const 0x4000_0000_0000_0000))
(assert_return (invoke "ret2" (f32.const 1.5) (i32.const 9)) (i32.const 10) (f32.const -1.5))
(assert_return (invoke "ret3" (f64.const 0.125) (i64.const -7) (i32.const 3)) (i32.const 3) (i64.const -7) (f64.const 0.125))
(assert_return (invoke "ret3-handlers" (f64.const -2) (i64.const 8) (i32.const 6)) (i32.const 6) (i64.const 8) (f64.const -2))
(assert_return (invoke "ret4" (ref.extern 11) (i32.const 22) (f64.const 3.5) (i64.const 44))
  (i64.const 44) (f64.const 3.5) (i32.const 22) (ref.extern 11))
(assert_return (invoke "ret4" (ref.null extern) (i32.const -1) (f64.const -0) (i64.const 0))
  (i64.const 0) (f64.const -0) (i32.const -1) (ref.null extern))

;; ---------------------------------------------------------------------------
;; Suspend and resume values.  The handler's label receives the suspend's
;; arguments v^n followed by the new continuation; resuming that
;; continuation with m values makes them the results of the suspend.

(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $k0 (cont $fv))
  (type $fk1 (func (param i32) (result i32)))
  (type $k1 (cont $fk1))
  (type $fk2 (func (param i64 f64) (result i32)))
  (type $k2 (cont $fk2))
  (type $fk3 (func (param i32 i32 i32) (result i32)))
  (type $k3 (cont $fk3))
  (type $fk4 (func (param f32 i64 externref i32) (result i32)))
  (type $k4 (cont $fk4))
  (tag $give3 (param i32 i64 f32))       ;; 3 values out, none back
  (tag $take1 (result i32))               ;; none out, 1 back
  (tag $take2 (result i64 f64))
  (tag $take3 (result i32 i32 i32))
  (tag $take4 (result f32 i64 externref i32))
  (tag $swap (param i32) (result i32))

  (func $giver (result i32)
    (suspend $give3 (i32.const 7) (i64.const -8) (f32.const 9.5))
    (i32.const 100))
  (func $taker1 (result i32) (i32.mul (suspend $take1) (i32.const 2)))
  (func $taker2 (result i32)
    (local $d f64)
    (suspend $take2) (local.set $d)
    (i32.add (i32.wrap_i64) (i32.trunc_f64_s (local.get $d))))
  (func $taker3 (result i32)
    (local $a i32) (local $b i32) (local $c i32)
    (suspend $take3) (local.set $c) (local.set $b) (local.set $a)
    (i32.add (i32.add (i32.mul (local.get $a) (i32.const 100))
                      (i32.mul (local.get $b) (i32.const 10)))
             (local.get $c)))
  (func $taker4 (result i32)
    (local $x f32) (local $y i64) (local $r externref) (local $z i32)
    (suspend $take4) (local.set $z) (local.set $r) (local.set $y) (local.set $x)
    ;; x*1000 + y*100 + (null? 1 : 0)*10 + z
    (i32.add
      (i32.add (i32.mul (i32.trunc_f32_s (local.get $x)) (i32.const 1000))
               (i32.mul (i32.wrap_i64 (local.get $y)) (i32.const 100)))
      (i32.add (i32.mul (ref.is_null (local.get $r)) (i32.const 10)) (local.get $z))))
  (func $swapper (result i32) (i32.sub (suspend $swap (i32.const 40)) (i32.const 1)))
  (elem declare func $giver $taker1 $taker2 $taker3 $taker4 $swapper)

  ;; the label gets 7 -8 9.5 and the continuation; it returns them and the
  ;; result of resuming the continuation.
  (func (export "give3") (result i32 i64 f32 i32)
    (local $k (ref null $k0))
    (block $h (result i32 i64 f32 (ref $k0))
      (drop (resume $cv (on $give3 $h) (cont.new $cv (ref.func $giver))))
      (unreachable))
    (local.set $k)
    (resume $k0 (local.get $k)))
  (func $start (param $f (ref $fv)) (result (ref $k1))
    (block $h (result (ref $k1))
      (drop (resume $cv (on $take1 $h) (cont.new $cv (local.get $f))))
      (unreachable)))
  (func (export "take1") (param i32) (result i32)
    (resume $k1 (local.get 0) (call $start (ref.func $taker1))))
  (func (export "take2") (param i64 f64) (result i32)
    (local $k (ref null $k2))
    (local.set $k
      (block $h (result (ref $k2))
        (drop (resume $cv (on $take2 $h) (cont.new $cv (ref.func $taker2))))
        (unreachable)))
    (resume $k2 (local.get 0) (local.get 1) (local.get $k)))
  (func (export "take3") (param i32 i32 i32) (result i32)
    (local $k (ref null $k3))
    (local.set $k
      (block $h (result (ref $k3))
        (drop (resume $cv (on $take3 $h) (cont.new $cv (ref.func $taker3))))
        (unreachable)))
    (resume $k3 (local.get 0) (local.get 1) (local.get 2) (local.get $k)))
  (func (export "take4") (param f32 i64 externref i32) (result i32)
    (local $k (ref null $k4))
    (local.set $k
      (block $h (result (ref $k4))
        (drop (resume $cv (on $take4 $h) (cont.new $cv (ref.func $taker4))))
        (unreachable)))
    (resume $k4 (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get $k)))
  ;; value out, value back: the handler sends back what it got plus 2
  (func (export "swap") (result i32)
    (local $k (ref null $k1))
    (block $h (result i32 (ref $k1))
      (return (resume $cv (on $swap $h) (cont.new $cv (ref.func $swapper)))))
    (local.set $k)
    (resume $k1 (i32.add (i32.const 2)) (local.get $k)))
)
(assert_return (invoke "give3") (i32.const 7) (i64.const -8) (f32.const 9.5) (i32.const 100))
(assert_return (invoke "take1" (i32.const 21)) (i32.const 42))
(assert_return (invoke "take1" (i32.const -4)) (i32.const -8))
(assert_return (invoke "take2" (i64.const 30) (f64.const 12.9)) (i32.const 42))
(assert_return (invoke "take2" (i64.const -1) (f64.const -1.5)) (i32.const -2))
(assert_return (invoke "take3" (i32.const 1) (i32.const 2) (i32.const 3)) (i32.const 123))
(assert_return (invoke "take3" (i32.const 3) (i32.const 2) (i32.const 1)) (i32.const 321))
(assert_return (invoke "take3" (i32.const 0) (i32.const 0) (i32.const 5)) (i32.const 5))
(assert_return (invoke "take4" (f32.const 1.75) (i64.const 2) (ref.null extern) (i32.const 4)) (i32.const 1214))
(assert_return (invoke "take4" (f32.const 5) (i64.const 6) (ref.extern 1) (i32.const 7)) (i32.const 5607))
(assert_return (invoke "swap") (i32.const 41))

;; ---------------------------------------------------------------------------
;; hdl'* = hdl*[F.module.tags / 0..|F.module.tags|-1]: the tag indices of the
;; handlers are those of the module whose function executes the resume, and
;; suspend $e uses the tags of the suspending function's module.
;;
;; Module $TA has two tags of one type, $a0 (index 0) and $a1 (index 1), and
;; a function that suspends with $a1.  Module $TB imports $a1 as its tag 0
;; and has its own tag at index 1; it resumes $TA's function.  In $TB,
;; (on 0 ...) handles $TA's $a1; (on 1 ...) does not.

(module $TA
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $a0 (export "a0") (param i32) (result i32))
  (tag $a1 (export "a1") (param i32) (result i32))
  (func $body (export "body") (result i32)
    (i32.add (suspend $a1 (i32.const 5)) (i32.const 1000)))
  (elem declare func $body)
  (func (export "make") (result (ref $c)) (cont.new $c (ref.func $body)))
  ;; resumed in $TA: tag index 1 is $a1 here
  (func (export "run-here") (result i32)
    (local $k (ref null $ci))
    (block $h (result i32 (ref $ci))
      (return (resume $c (on 1 $h) (cont.new $c (ref.func $body)))))
    (local.set $k)
    (resume $ci (i32.add (i32.const 1)) (local.get $k)))
)
(register "TA" $TA)

(module $TB
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (import "TA" "make" (func $make (result (ref $c))))
  (import "TA" "a1" (tag $imp (param i32) (result i32)))   ;; index 0
  (tag $own (param i32) (result i32))                       ;; index 1
  ;; Handler by index 0 (the import of $a1): handles the suspend; the
  ;; handler adds 10 to the payload and resumes.
  (func (export "by-index-0") (result i32)
    (local $k (ref null $ci))
    (block $h (result i32 (ref $ci))
      (return (resume $c (on 0 $h) (call $make))))
    (local.set $k)
    (resume $ci (i32.add (i32.const 10)) (local.get $k)))
  ;; Handlers for both: the suspend goes to the one for index 0 even though
  ;; the one for index 1 (same type, $TB's own tag) comes first.
  (func (export "own-first") (result i32)
    (local $k (ref null $ci))
    (block $hi (result i32 (ref $ci))
      (block $ho (result i32 (ref $ci))
        (return (resume $c (on $own $ho) (on $imp $hi) (call $make))))
      ;; $own: wrong
      (drop) (drop)
      (return (i32.const -1)))
    (local.set $k)
    (resume $ci (i32.add (i32.const 20)) (local.get $k)))
)
(assert_return (invoke $TA "run-here") (i32.const 1006))
(assert_return (invoke $TB "by-index-0") (i32.const 1015))
(assert_return (invoke $TB "own-first") (i32.const 1025))

;; Only a handler for $TC's own tag 1 (index 1 would be $a1 in $TA, but the
;; resume is in $TC): $TA's suspend is not handled there, nor anywhere.
(module $TC
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (import "TA" "make" (func $make (result (ref $c))))
  (tag $own0 (param i32) (result i32))                      ;; index 0
  (tag $own1 (param i32) (result i32))                      ;; index 1
  (func (export "own-only") (result i32)
    (block $h (result i32 (ref $ci))
      (return (resume $c (on 1 $h) (call $make))))
    (drop) (drop)
    (i32.const -1))
)
(assert_suspension (invoke $TC "own-only") "unhandled tag")

;; Two instances of one module have two distinct tags.  A continuation made
;; by instance $I1 suspends with $I1's tag; instance $I2's "run" handles
;; only $I2's tag, so the suspend passes it by and reaches the driver's
;; handler for $I1's tag.

(module definition $Inst
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $t (export "t") (result i32))
  (func $body (result i32) (i32.add (suspend $t) (i32.const 1)))
  (elem declare func $body)
  (func (export "make") (result (ref $c)) (cont.new $c (ref.func $body)))
  ;; Resumes k with a handler for this instance's $t: returns 500 when it
  ;; handled a suspend, else the result of k.
  (func (export "run") (param $k (ref $c)) (result i32)
    (drop (block $h (result (ref $ci))
      (return (resume $c (on $t $h) (local.get $k)))))
    (i32.const 500))
)
(module instance $I1 $Inst)
(module instance $I2 $Inst)
(register "I1" $I1)
(register "I2" $I2)
(module $Drv
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (import "I1" "t" (tag $t1 (result i32)))
  (import "I1" "make" (func $make1 (result (ref $c))))
  (import "I1" "run" (func $run1 (param (ref $c)) (result i32)))
  (import "I2" "run" (func $run2 (param (ref $c)) (result i32)))
  (func $via2 (param (ref $c)) (result i32) (call $run2 (local.get 0)))
  (func $via2-thunk (result i32) (call $run2 (call $make1)))
  (elem declare func $via2-thunk)
  ;; $I1's continuation run by $I1's "run": handled there.
  (func (export "same-instance") (result i32) (call $run1 (call $make1)))
  ;; $I1's continuation run by $I2's "run" inside a driver resume that
  ;; handles $I1's tag: the driver's handler gets it and resumes with 41.
  (func (export "other-instance") (result i32)
    (local $k (ref null $ci))
    (block $h (result (ref $ci))
      (return (resume $c (on $t1 $h) (cont.new $c (ref.func $via2-thunk)))))
    (local.set $k)
    (resume $ci (i32.const 41) (local.get $k)))
)
(assert_return (invoke $Drv "same-instance") (i32.const 500))
(assert_return (invoke $Drv "other-instance") (i32.const 42))

;; ---------------------------------------------------------------------------
;; Handler selection: the first (on ea $l) of the innermost prompt that has
;; one for the tag; prompts and handlers for other tags are skipped.

(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $x (param i32) (result i32))
  (tag $y (param i32) (result i32))
  (func $sx (result i32) (suspend $x (i32.const 1)))
  (func $sy (result i32) (suspend $y (i32.const 2)))
  (elem declare func $sx $sy)
  ;; Which label got the suspend: 1 for the first, 2 for the second, ...
  (func (export "dup-first") (result i32)
    (block $h2 (result i32 (ref $ci))
      (block $h1 (result i32 (ref $ci))
        (return (resume $c (on $x $h1) (on $x $h2) (cont.new $c (ref.func $sx)))))
      (drop) (return (i32.add (i32.const 10))))
    (drop) (i32.add (i32.const 20)))
  (func (export "second-tag") (result i32)
    (block $h2 (result i32 (ref $ci))
      (block $h1 (result i32 (ref $ci))
        (return (resume $c (on $x $h1) (on $y $h2) (cont.new $c (ref.func $sy)))))
      (drop) (return (i32.add (i32.const 10))))
    (drop) (i32.add (i32.const 20)))
  ;; An inner resume handling only $x inside an outer one handling $x and $y.
  ;; $inner-x: inner handles $sx's suspend; 100 + payload.
  (func $inner (param $f (ref $f)) (result i32)
    (block $h (result i32 (ref $ci))
      (return (resume $c (on $x $h) (cont.new $c (local.get $f)))))
    (drop) (i32.add (i32.const 100)))
  (func $inner-x (result i32) (call $inner (ref.func $sx)))
  (func $inner-y (result i32) (call $inner (ref.func $sy)))
  (elem declare func $inner-x $inner-y)
  (func $outer (param $f (ref $f)) (result i32)
    (block $hy (result i32 (ref $ci))
      (block $hx (result i32 (ref $ci))
        (return (resume $c (on $x $hx) (on $y $hy) (cont.new $c (local.get $f)))))
      (drop) (return (i32.add (i32.const 200))))
    (drop) (i32.add (i32.const 300)))
  (func (export "innermost") (result i32) (call $outer (ref.func $inner-x)))
  (func (export "skip-inner") (result i32) (call $outer (ref.func $inner-y)))
)
(assert_return (invoke "dup-first") (i32.const 11))
(assert_return (invoke "second-tag") (i32.const 22))
(assert_return (invoke "innermost") (i32.const 101))
(assert_return (invoke "skip-inner") (i32.const 302))

;; ---------------------------------------------------------------------------
;; The prompt exists only while the resumed continuation runs: after the
;; resume returned, a suspend with the same tag in the resumer is unhandled.

(module
  (type $f (func))
  (type $c (cont $f))
  (type $fr (func (result i32)))
  (tag $t)
  (func $nop)
  (elem declare func $nop)
  (func (export "after-return")
    (drop (block $h (result (ref $c))
      (resume $c (on $t $h) (cont.new $c (ref.func $nop)))
      (suspend $t)
      (return)))
    (unreachable))
  ;; and the handler does not apply to the resumer's own code before the
  ;; resume either
  (func (export "before")
    (drop (block $h (result (ref $c))
      (suspend $t)
      (resume $c (on $t $h) (cont.new $c (ref.func $nop)))
      (return)))
    (unreachable))
)
(assert_suspension (invoke "after-return") "unhandled tag")
(assert_suspension (invoke "before") "unhandled tag")

;; ---------------------------------------------------------------------------
;; Generators: many suspend/resume rounds of one computation, and a
;; generator that finishes.  $gen yields n, n-1, ..., 1 (tag $yield) and
;; then returns 0xff.  The consumer resumes it in a loop.

(module
  (type $fg (func (param i32) (result i32)))
  (type $cg (cont $fg))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $yield (param i32))
  (func $gen (param $n i32) (result i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (suspend $yield (local.get $n))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (i32.const 0xff))
  (elem declare func $gen)
  ;; Returns the sum of the yielded values, the number of rounds and the
  ;; generator's final result.
  (func (export "sum") (param $n i32) (result i32 i32 i32)
    (local $k (ref null $c0)) (local $sum i32) (local $rounds i32) (local $ret i32)
    (local.set $k (cont.bind $cg $c0 (local.get $n) (cont.new $cg (ref.func $gen))))
    (block $finished
      (loop $next
        (block $h (result i32 (ref $c0))
          (local.set $ret (resume $c0 (on $yield $h) (local.get $k)))
          (br $finished))
        (local.set $k)
        (local.set $sum (i32.add (local.get $sum)))
        (local.set $rounds (i32.add (local.get $rounds) (i32.const 1)))
        (br $next)))
    (local.get $sum) (local.get $rounds) (local.get $ret))
  ;; A two-way generator: each yield gets back a number to add to its
  ;; running total; returns the total after $rounds values.
  (tag $ask (param i32) (result i32))
  (func $adder (param $rounds i32) (result i32)
    (local $total i32)
    (loop $l
      (local.set $total (i32.add (local.get $total) (suspend $ask (local.get $total))))
      (br_if $l (local.tee $rounds (i32.sub (local.get $rounds) (i32.const 1)))))
    (local.get $total))
  (elem declare func $adder)
  ;; Sends 1, 2, 3, ... and returns the final total and the sum of the
  ;; running totals it was shown.
  (func (export "two-way") (param $n i32) (result i32 i32)
    (local $k (ref null $cg)) (local $send i32) (local $seen i32) (local $res i32)
    (local.set $k (cont.new $cg (ref.func $adder)))
    (local.set $send (local.get $n))   ;; the first resume passes $n as $rounds
    (block $finished
      (loop $next
        (block $h (result i32 (ref $cg))
          (local.set $res (resume $cg (on $ask $h) (local.get $send) (local.get $k)))
          (br $finished))
        (local.set $k)
        (local.set $seen (i32.add (local.get $seen)))
        (local.set $send (i32.add (local.get $send) (i32.const 1)))
        (if (i32.eq (local.get $send) (i32.add (local.get $n) (i32.const 1)))
          (then (local.set $send (i32.const 1))))
        (br $next)))
    (local.get $res) (local.get $seen))
)
(assert_return (invoke "sum" (i32.const 0)) (i32.const 0) (i32.const 0) (i32.const 0xff))
(assert_return (invoke "sum" (i32.const 1)) (i32.const 1) (i32.const 1) (i32.const 0xff))
(assert_return (invoke "sum" (i32.const 10)) (i32.const 55) (i32.const 10) (i32.const 0xff))
(assert_return (invoke "sum" (i32.const 100)) (i32.const 5050) (i32.const 100) (i32.const 0xff))
(assert_return (invoke "sum" (i32.const 1000)) (i32.const 500500) (i32.const 1000) (i32.const 0xff))
;; two-way with n rounds: sends 1..n, total = n(n+1)/2; it is shown the
;; totals 0, 1, 3, ..., (n-1)n/2, whose sum is (n-1)n(n+1)/6.
(assert_return (invoke "two-way" (i32.const 1)) (i32.const 1) (i32.const 0))
(assert_return (invoke "two-way" (i32.const 4)) (i32.const 10) (i32.const 10))
(assert_return (invoke "two-way" (i32.const 10)) (i32.const 55) (i32.const 165))
(assert_return (invoke "two-way" (i32.const 100)) (i32.const 5050) (i32.const 166650))

;; ---------------------------------------------------------------------------
;; State across suspension: locals of every frame, a call chain, blocks,
;; loops and a try_table that the suspend is inside keep their state, and
;; code after the resume point runs in the right frames.

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $pause (param i32) (result i32))
  (tag $oops (param i32))

  ;; Locals of several types, set before the suspend, read after.
  (func $locals (param $p i32) (result i32)
    (local $a i64) (local $b f32) (local $c f64) (local $d i32)
    (local.set $a (i64.const 3))
    (local.set $b (f32.const 4))
    (local.set $c (f64.const 5))
    (local.set $d (suspend $pause (local.get $p)))
    (i32.add
      (i32.add (i32.mul (local.get $p) (i32.const 10000))
               (i32.mul (i32.wrap_i64 (local.get $a)) (i32.const 1000)))
      (i32.add
        (i32.add (i32.mul (i32.trunc_f32_s (local.get $b)) (i32.const 100))
                 (i32.mul (i32.trunc_f64_s (local.get $c)) (i32.const 10)))
        (local.get $d))))
  ;; A call chain 4 deep; each level keeps its argument in its own local
  ;; and appends a digit after the callee returns.
  (func $level (param $depth i32) (param $digit i32) (result i32)
    (local $mine i32)
    (local.set $mine (local.get $digit))
    (if (result i32) (i32.eqz (local.get $depth))
      (then (suspend $pause (i32.const 0)))
      (else (call $level (i32.sub (local.get $depth) (i32.const 1))
                         (i32.add (local.get $digit) (i32.const 1)))))
    (i32.add (i32.mul (i32.const 10)) (local.get $mine)))
  (func $chain (param i32) (result i32)
    (call $level (i32.const 3) (local.get 0)))
  ;; Suspends on each turn of a loop nested in blocks; counts the turns and
  ;; accumulates what it is resumed with.
  (func $looper (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (block $out
      (block $mid
        (loop $l
          (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $acc
            (i32.add (i32.mul (local.get $acc) (i32.const 10))
                     (suspend $pause (local.get $i))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l)))
      (unreachable))
    (i32.add (i32.mul (local.get $i) (i32.const 100000)) (local.get $acc)))
  ;; Suspends inside a try_table; after the resume, it throws, and the same
  ;; try_table catches.
  (func $guarded (param $x i32) (result i32)
    (block $caught (result i32)
      (try_table (catch $oops $caught)
        (throw $oops (i32.add (suspend $pause (local.get $x)) (i32.const 1))))
      (i32.const -1))
    (i32.add (i32.const 500)))
  (elem declare func $locals $chain $looper $guarded)

  ;; Drives a continuation of type $c: resumes with $arg, and on every
  ;; suspend resumes with the payload + $step (counting up).  Returns the
  ;; final result.
  (func $drive (param $k (ref null $c)) (param $arg i32) (param $step i32) (result i32)
    (loop $l
      (block $h (result i32 (ref $c))
        (return (resume $c (on $pause $h) (local.get $arg) (local.get $k))))
      (local.set $k)
      (local.set $arg (i32.add (local.get $step)))
      (local.set $step (i32.add (local.get $step) (i32.const 1)))
      (br $l))
    (unreachable))
  (func (export "locals") (param i32 i32) (result i32)
    (call $drive (cont.new $c (ref.func $locals)) (local.get 0) (local.get 1)))
  (func (export "chain") (param i32) (result i32)
    (call $drive (cont.new $c (ref.func $chain)) (local.get 0) (i32.const 0)))
  ;; $looper with n turns; resumed with i + step (step = 1, 2, ...)
  (func (export "looper") (param i32) (result i32)
    (call $drive (cont.new $c (ref.func $looper)) (local.get 0) (i32.const 1)))
  (func (export "guarded") (param i32) (result i32)
    (call $drive (cont.new $c (ref.func $guarded)) (local.get 0) (i32.const 10)))
)
;; p=1: 1*10000 + 3000 + 400 + 50 + d, d = p + step
(assert_return (invoke "locals" (i32.const 1) (i32.const 2)) (i32.const 13453))
(assert_return (invoke "locals" (i32.const 2) (i32.const 7)) (i32.const 23459))
;; levels get digits 1,2,3,4 (outermost 1); innermost suspend result 0 + 0;
;; then ((((0*10+4)*10+3)*10+2)*10+1)
(assert_return (invoke "chain" (i32.const 1)) (i32.const 4321))
(assert_return (invoke "chain" (i32.const 5)) (i32.const 8765))
;; n turns: turn i resumes with i + (i+1) = 2i+1: digits 1,3,5,...
(assert_return (invoke "looper" (i32.const 0)) (i32.const 0))
(assert_return (invoke "looper" (i32.const 1)) (i32.const 100001))
(assert_return (invoke "looper" (i32.const 3)) (i32.const 300135))
(assert_return (invoke "looper" (i32.const 4)) (i32.const 401357))
;; x resumed with x+10, thrown as x+11, caught: 500 + x + 11
(assert_return (invoke "guarded" (i32.const 1)) (i32.const 512))
(assert_return (invoke "guarded" (i32.const 100)) (i32.const 611))

;; ---------------------------------------------------------------------------
;; Nested resumes: a continuation that resumes another.  The suspended
;; context H^ea includes the inner prompt, so resuming the outer
;; continuation reinstates the inner handler.
;;
;; $leaf suspends $up (handled by the outermost resume) then $in (handled by
;; $mid's inner resume), then returns.  $mid resumes $leaf with a handler
;; for $in only.

(module
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $up (param i32) (result i32))
  (tag $in (param i32) (result i32))
  (global $log (mut i32) (i32.const 0))
  (func $note (param i32)
    (global.set $log (i32.add (i32.mul (global.get $log) (i32.const 10)) (local.get 0))))
  (func $leaf (result i32)
    (local $x i32)
    (call $note (i32.const 1))
    (local.set $x (suspend $up (i32.const 3)))       ;; to the outermost
    (call $note (i32.const 3))
    (local.set $x (i32.add (local.get $x) (suspend $in (local.get $x))))  ;; to $mid
    (call $note (i32.const 5))
    (local.get $x))
  (func $mid (result i32)
    (local $k (ref null $ci))
    (block $h (result i32 (ref $ci))
      (return (resume $c0 (on $in $h) (cont.new $c0 (ref.func $leaf)))))
    (local.set $k)
    (call $note (i32.const 4))
    ;; answer $in with payload * 2, then add 1000 to the leaf's result
    (i32.add
      (resume $ci (i32.mul (i32.const 2)) (local.get $k))
      (i32.const 1000)))
  (elem declare func $leaf $mid)
  (func (export "nested") (result i32 i32)
    (local $k (ref null $ci))
    (global.set $log (i32.const 0))
    (block $h (result i32 (ref $ci))
      (return (resume $c0 (on $up $h) (cont.new $c0 (ref.func $mid))) (i32.const -1)))
    (local.set $k)
    (call $note (i32.const 2))
    ;; answer $up with payload + 4 (= 7); $leaf then suspends $in 7, $mid
    ;; answers 14; leaf returns 21; $mid returns 1021.
    (resume $ci (i32.add (i32.const 4)) (local.get $k))
    (global.get $log))
  ;; Same, but the outermost resume also has a handler for $in: $mid's
  ;; inner handler is innermost and still wins.
  (func (export "nested-shadow") (result i32)
    (local $k (ref null $ci))
    (block $hin (result i32 (ref $ci))
      (block $h (result i32 (ref $ci))
        (return (resume $c0 (on $up $h) (on $in $hin) (cont.new $c0 (ref.func $mid)))))
      (local.set $k)
      (return (resume $ci (on $in $hin) (i32.add (i32.const 4)) (local.get $k))))
    (drop) (drop)
    (i32.const -1))
)
(assert_return (invoke "nested") (i32.const 1021) (i32.const 12345))
(assert_return (invoke "nested-shadow") (i32.const 1021))

;; A chain of three nested resumes, each level adding its own handler for
;; its own tag: a suspend from the innermost goes to the level that handles
;; it, passing the prompts in between.

(module
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $t1 (param i32) (result i32))
  (tag $t2 (param i32) (result i32))
  (tag $t3 (param i32) (result i32))
  ;; innermost: asks each level once, innermost level first
  (func $l3 (result i32)
    (i32.add (i32.add
      (suspend $t3 (i32.const 1))
      (suspend $t2 (i32.const 2)))
      (suspend $t1 (i32.const 3))))
  ;; level k resumes the next with a handler for $tk that answers payload*10^k
  ;; and loops until the inner continuation returns.
  (func $l2 (result i32)
    (local $k (ref null $ci)) (local $arg i32)
    (local.set $k (cont.bind $ci $ci (cont.new $ci (ref.func $l3-adapt))))
    (loop $l
      (block $h (result i32 (ref $ci))
        (return (resume $ci (on $t3 $h) (local.get $arg) (local.get $k))))
      (local.set $k)
      (local.set $arg (i32.mul (i32.const 1000)))
      (br $l))
    (unreachable))
  (func $l3-adapt (param i32) (result i32) (call $l3))
  (func $l1 (result i32)
    (local $k (ref null $ci)) (local $arg i32)
    (local.set $k (cont.new $ci (ref.func $l2-adapt)))
    (loop $l
      (block $h (result i32 (ref $ci))
        (return (resume $ci (on $t2 $h) (local.get $arg) (local.get $k))))
      (local.set $k)
      (local.set $arg (i32.mul (i32.const 100)))
      (br $l))
    (unreachable))
  (func $l2-adapt (param i32) (result i32) (call $l2))
  (elem declare func $l3-adapt $l2-adapt $l1)
  (func (export "three-levels") (result i32)
    (local $k (ref null $ci))
    (block $h (result i32 (ref $ci))
      (return (resume $c0 (on $t1 $h) (cont.new $c0 (ref.func $l1)))))
    (local.set $k)
    (resume $ci (i32.mul (i32.const 10)) (local.get $k)))
)
;; 1*1000 + 2*100 + 3*10
(assert_return (invoke "three-levels") (i32.const 1230))

;; ---------------------------------------------------------------------------
;; One continuation resumed by different functions in turn, and by a loop
;; in one function: the resumption point moves on each time.

(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $tick (param i32) (result i32))
  (global $k (mut (ref null $ci)) (ref.null $ci))
  ;; Counts ticks; returns the sum of what it was sent, times 10, plus the
  ;; number of ticks.
  (func $counter (result i32)
    (local $n i32) (local $sum i32)
    (loop $l
      (local.set $sum (i32.add (local.get $sum) (suspend $tick (local.get $n))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $n) (i32.const 3))))
    (i32.add (i32.mul (local.get $sum) (i32.const 10)) (local.get $n)))
  (elem declare func $counter)
  ;; runs it to its first tick; returns the tick number
  (func (export "start") (result i32)
    (block $h (result i32 (ref $ci))
      (return (resume $c (on $tick $h) (cont.new $c (ref.func $counter)))))
    (global.set $k))
  ;; Two different functions that resume the stored continuation; each
  ;; returns the tick number it saw (or 100 + result when it finished).
  (func (export "step-a") (param i32) (result i32)
    (block $h (result i32 (ref $ci))
      (return (i32.add (i32.const 100)
        (resume $ci (on $tick $h) (local.get 0) (global.get $k)))))
    (global.set $k))
  (func (export "step-b") (param i32) (result i32)
    (block $h (result i32 (ref $ci))
      (return (i32.add (i32.const 100)
        (resume $ci (on $tick $h) (local.get 0) (global.get $k)))))
    (global.set $k))
)
(assert_return (invoke "start") (i32.const 0))
(assert_return (invoke "step-a" (i32.const 5)) (i32.const 1))
(assert_return (invoke "step-b" (i32.const 6)) (i32.const 2))
;; finishes: sum 5+6+7 = 18 -> 183, plus 100
(assert_return (invoke "step-a" (i32.const 7)) (i32.const 283))
(assert_trap (invoke "step-b" (i32.const 8)) "continuation already consumed")

;; ---------------------------------------------------------------------------
;; Many continuations alive at once, resumed round-robin from a table:
;; each keeps its own state.

(module
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $yield (param i32) (result i32))
  (table $ks 4 (ref null $ci))
  ;; worker w: suspends 3 times with w*10 + round; returns w*100 + sum of
  ;; what it was sent
  (func $worker (param $w i32) (result i32)
    (local $r i32) (local $sum i32)
    (loop $l
      (local.set $sum (i32.add (local.get $sum)
        (suspend $yield (i32.add (i32.mul (local.get $w) (i32.const 10)) (local.get $r)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $r) (i32.const 3))))
    (i32.add (i32.mul (local.get $w) (i32.const 100)) (local.get $sum)))
  (elem declare func $worker)
  ;; Starts 4 workers with w = 1..4 (each runs to its first yield), then
  ;; resumes them round-robin, always sending w, until all have returned.
  ;; Returns the sum of all yielded values and the sum of the final results.
  (func (export "round-robin") (result i32 i32)
    (local $i i32) (local $yielded i32) (local $final i32) (local $live i32)
    (local $k (ref null $ci))
    (loop $init
      (block $h (result i32 (ref $ci))
        (drop (resume $ci (on $yield $h) (i32.add (local.get $i) (i32.const 1))
          (cont.new $ci (ref.func $worker))))
        (unreachable))
      (local.set $k)
      (local.set $yielded (i32.add (local.get $yielded)))
      (table.set $ks (local.get $i) (local.get $k))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $init (i32.lt_u (local.get $i) (i32.const 4))))
    (local.set $live (i32.const 4))
    (local.set $i (i32.const 0))
    (loop $sched
      (if (i32.eqz (ref.is_null (table.get $ks (local.get $i))))
        (then
          (block $next
            (block $h (result i32 (ref $ci))
              (local.set $final (i32.add (local.get $final)
                (resume $ci (on $yield $h) (i32.add (local.get $i) (i32.const 1))
                  (table.get $ks (local.get $i)))))
              (table.set $ks (local.get $i) (ref.null $ci))
              (local.set $live (i32.sub (local.get $live) (i32.const 1)))
              (br $next))
            (local.set $k)
            (local.set $yielded (i32.add (local.get $yielded)))
            (table.set $ks (local.get $i) (local.get $k)))))
      (local.set $i (i32.rem_u (i32.add (local.get $i) (i32.const 1)) (i32.const 4)))
      (br_if $sched (local.get $live)))
    (local.get $yielded) (local.get $final))
)
;; yielded: sum over w of (w*10+0 + w*10+1 + w*10+2) = 30*10 + 4*3 = 312;
;; final: sum over w of (w*100 + 3*w) = 1030
(assert_return (invoke "round-robin") (i32.const 312) (i32.const 1030))

;; ---------------------------------------------------------------------------
;; More of the suspended context H^ea: operand-stack values below the
;; suspend (val* H instr*), if and br_table arms, try_table frames (a suspend
;; passes through catch{...} H end: try_table does not intercept it, on
;; either side of the prompt), calls through call_ref and call_indirect, a
;; tail call after the resume point, and deep recursion.

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (tag $t (param i32) (result i32))
  (tag $exn (param i32))
  (table $tab funcref (elem $callee))

  ;; 1000*p, 100, 10 stay on the operand stack under the suspend.
  (func $stack (param $p i32) (result i32)
    (i32.mul (local.get $p) (i32.const 1000))
    (i32.const 100)
    (i32.const 10)
    (suspend $t (i32.const 0))
    (i32.add) (i32.add) (i32.add))
  ;; Suspends in the arm selected by p (if for 0/1, br_table for more),
  ;; each arm adding its own constant after the resume.
  (func $arms (param $p i32) (result i32)
    (block $b2
      (block $b1
        (block $b0
          (br_table $b0 $b1 $b2 (local.get $p)))
        (return (i32.add (suspend $t (i32.const 0)) (i32.const 100))))
      (return (if (result i32) (i32.eqz (local.get $p))
        (then (unreachable))
        (else (i32.add (suspend $t (i32.const 1)) (i32.const 200))))))
    (i32.add (suspend $t (i32.const 2)) (i32.const 300)))
  ;; A suspend inside a try_table with catch_all and catch for another tag:
  ;; it is not caught there.
  (func $through-try (param $p i32) (result i32)
    (block $any
      (block $e (result i32)
        (try_table (result i32) (catch $exn $e) (catch_all $any)
          (return (i32.add (suspend $t (local.get $p)) (i32.const 1))))
        (return (i32.const -1)))
      (return (i32.const -2)))
    (i32.const -3))
  (func $callee (param i32) (result i32)
    (i32.mul (suspend $t (local.get 0)) (i32.const 3)))
  (elem declare func $callee)
  (func $via-call-ref (param i32) (result i32)
    (i32.add (call_ref $f (local.get 0) (ref.func $callee)) (i32.const 1)))
  (func $via-call-indirect (param i32) (result i32)
    (i32.add (call_indirect $tab (type $f) (local.get 0) (i32.const 0)) (i32.const 2)))
  ;; After the resume point it tail-calls: the callee's result is the
  ;; continuation's result.
  (func $plus7 (param i32) (result i32) (i32.add (local.get 0) (i32.const 7)))
  (func $tail-after (param i32) (result i32)
    (return_call $plus7 (suspend $t (local.get 0))))
  ;; Recursion 150 deep, suspend at the bottom; each level adds 1 on the
  ;; way back.
  (func $deep (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (suspend $t (i32.const 0)))
      (else (i32.add (call $deep (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))))
  (elem declare func $stack $arms $through-try $via-call-ref $via-call-indirect $tail-after $deep)

  ;; Runs f with arg to its single suspend, answers payload + 50, returns
  ;; the result; a try_table with catch_all around the resume does not see
  ;; the suspend either.
  (func $once (param $fn (ref $f)) (param $arg i32) (result i32)
    (local $k (ref null $c))
    (block $any
      (block $h (result i32 (ref $c))
        (try_table (catch_all $any)
          (return (resume $c (on $t $h) (local.get $arg) (cont.new $c (local.get $fn)))))
        (unreachable))
      (local.set $k)
      (return (resume $c (i32.add (i32.const 50)) (local.get $k))))
    (i32.const -100))
  (func (export "stack") (param i32) (result i32) (call $once (ref.func $stack) (local.get 0)))
  (func (export "arms") (param i32) (result i32) (call $once (ref.func $arms) (local.get 0)))
  (func (export "through-try") (param i32) (result i32) (call $once (ref.func $through-try) (local.get 0)))
  (func (export "call-ref") (param i32) (result i32) (call $once (ref.func $via-call-ref) (local.get 0)))
  (func (export "call-indirect") (param i32) (result i32) (call $once (ref.func $via-call-indirect) (local.get 0)))
  (func (export "tail-after") (param i32) (result i32) (call $once (ref.func $tail-after) (local.get 0)))
  (func (export "deep") (param i32) (result i32) (call $once (ref.func $deep) (local.get 0)))
)
(assert_return (invoke "stack" (i32.const 3)) (i32.const 3160))
(assert_return (invoke "arms" (i32.const 0)) (i32.const 150))
(assert_return (invoke "arms" (i32.const 1)) (i32.const 251))
(assert_return (invoke "arms" (i32.const 2)) (i32.const 352))
(assert_return (invoke "arms" (i32.const 9)) (i32.const 352))
(assert_return (invoke "through-try" (i32.const 4)) (i32.const 55))
(assert_return (invoke "call-ref" (i32.const 1)) (i32.const 154))
(assert_return (invoke "call-indirect" (i32.const 1)) (i32.const 155))
(assert_return (invoke "tail-after" (i32.const 3)) (i32.const 60))
(assert_return (invoke "deep" (i32.const 0)) (i32.const 50))
(assert_return (invoke "deep" (i32.const 150)) (i32.const 200))

;; ---------------------------------------------------------------------------
;; Each resume installs its own handlers: a continuation suspended under one
;; resume and resumed by another resume with a different handler (its own
;; label, in another function) next suspends to the new one.  Also: the
;; handler's label may have supertypes of the tag's parameter types and of
;; the continuation type (C.labels[$l] = [t1'* (ref null? $ct)], t1* <: t1'*).

(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $t (param i32) (result i32))
  (tag $r (param i31ref) (result i32))
  (global $k (mut (ref null $ci)) (ref.null $ci))
  (func $twice (result i32)
    (i32.add (suspend $t (i32.const 1)) (suspend $t (i32.const 2))))
  (func $sends-i31 (result i32)
    (i32.add (suspend $r (ref.i31 (i32.const 33))) (i32.const 1)))
  (elem declare func $twice $sends-i31)
  ;; resumer A: on suspend, stores the continuation, returns 1000 + payload
  (func (export "A-start") (result i32)
    (block $h (result i32 (ref $ci))
      (return (resume $c (on $t $h) (cont.new $c (ref.func $twice)))))
    (global.set $k)
    (i32.add (i32.const 1000)))
  ;; resumer B: its own label; returns 2000 + payload
  (func (export "B-next") (param i32) (result i32)
    (block $hb (result i32 (ref $ci))
      (return (resume $ci (on $t $hb) (local.get 0) (global.get $k))))
    (global.set $k)
    (i32.add (i32.const 2000)))
  ;; resumer C: finishes it, with a handler that would return -1
  (func (export "C-finish") (param i32) (result i32)
    (block $hc (result i32 (ref $ci))
      (return (resume $ci (on $t $hc) (local.get 0) (global.get $k))))
    (drop) (drop)
    (i32.const -1))
  ;; Label types wider than the tag's: anyref for i31ref, (ref null $ci) for
  ;; (ref $ci).
  (func (export "wide-label") (result i32)
    (local $k (ref null $ci)) (local $v anyref)
    (block $h (result anyref (ref null $ci))
      (return (resume $c (on $r $h) (cont.new $c (ref.func $sends-i31)))))
    (local.set $k) (local.set $v)
    (resume $ci (i31.get_u (ref.cast i31ref (local.get $v))) (local.get $k)))
)
(assert_return (invoke "A-start") (i32.const 1001))
(assert_return (invoke "B-next" (i32.const 10)) (i32.const 2002))
(assert_return (invoke "C-finish" (i32.const 20)) (i32.const 30))
(assert_return (invoke "wide-label") (i32.const 34))

;; ---------------------------------------------------------------------------
;; Continuations as payloads: a continuation makes another continuation and
;; hands it out through its suspend; the resumer resumes the inner one and
;; passes its result back in.

(module
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (type $f (func (result i32)))
  (type $c (cont $f))
  (tag $hand (param (ref $ci)) (result i32))
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func $maker (result i32)
    (i32.add (suspend $hand (cont.new $ci (ref.func $sq))) (i32.const 1)))
  (elem declare func $sq $maker)
  (func (export "hand-out") (param i32) (result i32)
    (local $outer (ref null $ci)) (local $inner (ref null $ci))
    (block $h (result (ref $ci) (ref $ci))
      (return (resume $c (on $hand $h) (cont.new $c (ref.func $maker)))))
    (local.set $outer) (local.set $inner)
    (resume $ci (resume $ci (local.get 0) (local.get $inner)) (local.get $outer)))
)
(assert_return (invoke "hand-out" (i32.const 6)) (i32.const 37))
(assert_return (invoke "hand-out" (i32.const -3)) (i32.const 10))

;; ---------------------------------------------------------------------------
;; Dispatch among several handlers of one resume: the suspend goes to the
;; label of the handler for its tag, whatever the handler's position.  The
;; tags have different types; each label gets its own payload.

(module
  (type $fi (func (param i32)))
  (type $ci (cont $fi))
  (type $f0 (func))
  (type $c0 (cont $f0))
  (type $fl (func (param i64)))
  (type $cl (cont $fl))
  (tag $a)                              ;; [] -> []
  (tag $b (param i32))                  ;; [i32] -> []
  (tag $c (param i64 i32) (result i64)) ;; [i64 i32] -> [i64]
  (tag $d (param f32))                  ;; [f32] -> []
  (func $pick (param $which i32)
    (block $bd
      (block $bc
        (block $bb
          (block $ba
            (br_table $ba $bb $bc $bd (local.get $which)))
          (suspend $a) (return))
        (suspend $b (i32.const 22)) (return))
      (drop (suspend $c (i64.const 3) (i32.const 30))) (return))
    (suspend $d (f32.const 4.5)))
  (elem declare func $pick)
  ;; returns label number * 100 + payload (as i32)
  (func (export "dispatch") (param i32) (result i32)
    (local $x i32)
    (block $ld (result f32 (ref $c0))
      (block $lc (result i64 i32 (ref $cl))
        (block $lb (result i32 (ref $c0))
          (block $la (result (ref $c0))
            (resume $ci (on $d $ld) (on $c $lc) (on $b $lb) (on $a $la)
              (local.get 0) (cont.new $ci (ref.func $pick)))
            (return (i32.const -1)))
          (drop) (return (i32.const 100)))
        (drop) (return (i32.add (i32.const 200))))
      (drop) (local.set $x) (return (i32.add (i32.wrap_i64) (i32.add (local.get $x) (i32.const 300)))))
    (drop) (i32.trunc_f32_s) (i32.const 400) (i32.add))
)
(assert_return (invoke "dispatch" (i32.const 0)) (i32.const 100))
(assert_return (invoke "dispatch" (i32.const 1)) (i32.const 222))
(assert_return (invoke "dispatch" (i32.const 2)) (i32.const 333))
(assert_return (invoke "dispatch" (i32.const 3)) (i32.const 404))

;; ---------------------------------------------------------------------------
;; Handlers of an inner prompt keep the tags they were resolved to when the
;; inner resume ran (in its own module), even when the continuation that
;; contains that prompt is later resumed from a function of another module
;; whose tag indices mean other tags.
;;
;; $NA: tag index 0 is $in, index 1 is $up.  $mid (in $NA) resumes $leaf
;; under (on 0 ...) = $in.  $NB: tag index 0 is $NC's tag $b0 (same type as
;; $in), index 1 is $NA's $up.  $NB resumes $mid, catches $up, and resumes
;; the continuation (whose context holds $mid's prompt) with (on 0 ...) =
;; $b0.  $leaf's next `suspend $in` must reach $mid's handler.

(module $NA
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $in (param i32) (result i32))          ;; index 0
  (tag $up (export "up") (param i32) (result i32))  ;; index 1
  (func $leaf (result i32)
    (local $v i32)
    (local.set $v (suspend $up (i32.const 1)))
    (i32.add (local.get $v) (suspend $in (local.get $v))))
  ;; answers $in with payload * 100, returns leaf's result + 1_000_000
  (func $mid (export "mid") (result i32)
    (local $k (ref null $ci))
    (block $h (result i32 (ref $ci))
      (return (resume $c0 (on 0 $h) (cont.new $c0 (ref.func $leaf)))))
    (local.set $k)
    (i32.add
      (resume $ci (i32.mul (i32.const 100)) (local.get $k))
      (i32.const 1_000_000)))
  (elem declare func $leaf)
)
(register "NA" $NA)
(module $NC
  (tag (export "other") (param i32) (result i32)))
(register "NC" $NC)
(module $NB
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (import "NA" "mid" (func $mid (result i32)))
  (import "NC" "other" (tag $b0 (param i32) (result i32)))   ;; index 0
  (import "NA" "up" (tag $up (param i32) (result i32)))      ;; index 1
  (elem declare func $mid)
  ;; returns the result, or 2_000_000 + payload if $b0 got the suspend
  (func (export "cross") (result i32)
    (local $k (ref null $ci)) (local $p i32)
    (block $h (result i32 (ref $ci))
      (return (resume $c0 (on 1 $h) (cont.new $c0 (ref.func $mid)))))
    (local.set $k) (local.set $p)
    (block $hb (result i32 (ref $ci))
      ;; answer $up with payload + 6 (= 7)
      (return (resume $ci (on 0 $hb) (i32.add (local.get $p) (i32.const 6)) (local.get $k))))
    (drop) (i32.add (i32.const 2_000_000)))
)
;; leaf: v = 7, then suspend $in 7 -> $mid answers 700 -> leaf returns 707;
;; $mid returns 1_000_707
(assert_return (invoke $NB "cross") (i32.const 1_000_707))

;; ---------------------------------------------------------------------------
;; $ct ~~ cont [t1^n] -> [t2*] is the resume's annotation; the continuation
;; may be of a declared subtype of it (made by cont.new at the subtype, or
;; at a function type that is a subtype): resume passes v^n and returns the
;; continuation's values either way.  The same for the continuation handed
;; to a handler.

(module
  (type $ft (sub (func (param i32) (result anyref))))
  (type $ct (sub (cont $ft)))
  (type $ft2 (sub $ft (func (param i32) (result i31ref))))
  (type $ct2 (sub $ct (cont $ft2)))
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (tag $t (param i32) (result i32))
  (func $triple (type $ft2) (ref.i31 (i32.mul (local.get 0) (i32.const 3))))
  (func $asks (type $ft2)
    (ref.i31 (i32.add (suspend $t (local.get 0)) (i32.const 1))))
  (elem declare func $triple $asks)
  (func (export "sub-cont") (param i32) (result i32)
    (i31.get_s (ref.cast i31ref
      (resume $ct (local.get 0) (cont.new $ct2 (ref.func $triple))))))
  (func (export "sub-func") (param i32) (result i32)
    (i31.get_s (ref.cast i31ref
      (resume $ct (local.get 0) (cont.new $ct (ref.func $triple))))))
  ;; suspended under `resume $ct`: the handler gets a continuation of type
  ;; cont [i32] -> [anyref]; resumed with payload * 2
  (func (export "sub-suspended") (param i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (return (i31.get_s (ref.cast i31ref
        (resume $ct (on $t $h) (local.get 0) (cont.new $ct2 (ref.func $asks)))))))
    (local.set $k)
    (i32.mul (i32.const 2))
    (i31.get_s (ref.cast i31ref (resume $ct (local.get $k)))))
)
(assert_return (invoke "sub-cont" (i32.const 5)) (i32.const 15))
(assert_return (invoke "sub-func" (i32.const -4)) (i32.const -12))
(assert_return (invoke "sub-suspended" (i32.const 20)) (i32.const 41))

;; ---------------------------------------------------------------------------
;; The branch to the handler's label unwinds what the resumer had inside
;; the label's block (here: values in two inner blocks and a loop), and
;; keeps what is outside it.  A suspend from a tail-called function: the
;; tail call replaced the frame that was resumed, and the continuation
;; resumes in the callee.

(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (tag $t (param i32) (result i32))
  (func $callee (param i32) (result i32)
    (i32.mul (suspend $t (local.get 0)) (i32.const 2)))
  (func $caller (param i32) (result i32)
    (return_call $callee (i32.add (local.get 0) (i32.const 1))))
  (elem declare func $callee $caller)
  (func (export "unwind") (param i32) (result i32 i32)
    (local $k (ref null $c))
    (i32.const 1000)                       ;; outside the label's block: kept
    (block $h (result i32 (ref $c))
      (i32.const 11)                       ;; dropped by the branch
      (i32.const 22)                       ;; dropped by the branch
      (block (param i32 i32) (result i32 i32 i32)
        (loop (param i32 i32) (result i32 i32 i32)
          (i32.const 33)                   ;; dropped by the branch
          (drop (resume $c (on $t $h) (local.get 0) (cont.new $c (ref.func $caller))))))
      (drop) (drop) (drop)
      (return (i32.const -1) (i32.const -1)))
    (local.set $k)
    (resume $c (i32.add (i32.const 100)) (local.get $k)))
)
;; kept 1000; payload 0+1 = 1, answered 101, callee returns 202
(assert_return (invoke "unwind" (i32.const 0)) (i32.const 1000) (i32.const 202))
(assert_return (invoke "unwind" (i32.const 9)) (i32.const 1000) (i32.const 220))

;; ---------------------------------------------------------------------------
;; Many nested prompts: $nest(n) resumes a continuation of $nest(n-1) under
;; a handler for $mine (never used) and adds 1 to its result; $nest(0)
;; suspends with $top.  The suspend passes n prompts to the outermost
;; handler; the continuation it gets contains all n prompts, and resuming
;; it finishes all levels.

(module
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $top (param i32) (result i32))
  (tag $mine (param i32) (result i32))
  (func $nest (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (suspend $top (i32.const 7)))
      (else
        (block $h (result i32 (ref $ci))
          (return (i32.add
            (resume $c0 (on $mine $h)
              (cont.bind $ci $c0 (i32.sub (local.get $n) (i32.const 1))
                (cont.new $ci (ref.func $nest))))
            (i32.const 1))))
        (drop) (drop) (i32.const -1000))))
  (elem declare func $nest)
  ;; returns the payload seen by the outermost handler and the final result
  (func (export "nest") (param $n i32) (param $answer i32) (result i32 i32)
    (local $k (ref null $ci))
    (block $h (result i32 (ref $ci))
      (return (i32.const -1)
        (resume $ci (on $top $h) (local.get $n) (cont.new $ci (ref.func $nest)))))
    (local.set $k)
    (resume $ci (local.get $answer) (local.get $k)))
)
(assert_return (invoke "nest" (i32.const 0) (i32.const 100)) (i32.const 7) (i32.const 100))
(assert_return (invoke "nest" (i32.const 1) (i32.const 100)) (i32.const 7) (i32.const 101))
(assert_return (invoke "nest" (i32.const 50) (i32.const 100)) (i32.const 7) (i32.const 150))

;; ---------------------------------------------------------------------------
;; Across invocations: a continuation suspended inside a loop inside a
;; try_table is kept in a global and resumed by later invocations; its
;; loop counter and its try_table are still there when, on the last
;; resume, it throws.

(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $t (param i32) (result i32))
  (tag $x (param i32))
  (global $k (mut (ref null $ci)) (ref.null $ci))
  (func $body (result i32)
    (local $n i32)
    (block $h (result i32)
      (try_table (catch $x $h)
        (loop $l
          (local.set $n (i32.add (local.get $n) (suspend $t (local.get $n))))
          (br_if $l (i32.lt_u (local.get $n) (i32.const 100)))
          (throw $x (local.get $n))))
      (unreachable))
    (i32.add (i32.const 10000)))
  (elem declare func $body)
  ;; returns the running total the continuation reports, or its result
  (func (export "start") (result i32)
    (block $h (result i32 (ref $ci))
      (return (resume $c (on $t $h) (cont.new $c (ref.func $body)))))
    (global.set $k))
  (func (export "step") (param i32) (result i32)
    (block $h (result i32 (ref $ci))
      (return (resume $ci (on $t $h) (local.get 0) (global.get $k))))
    (global.set $k))
)
(assert_return (invoke "start") (i32.const 0))
(assert_return (invoke "step" (i32.const 30)) (i32.const 30))
(assert_return (invoke "step" (i32.const 30)) (i32.const 60))
(assert_return (invoke "step" (i32.const 30)) (i32.const 90))
(assert_return (invoke "step" (i32.const 30)) (i32.const 10120))

;; ---------------------------------------------------------------------------
;; Larger suspended state: 40 operand-stack values under the suspend, and
;; 200 locals; a 16-value payload in each direction.

(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $t (result i32))
  (type $f16 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (type $c16 (cont $f16))
  (tag $t16 (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
            (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32))
  ;; 1 + 2 + ... + 40 stay on the stack; the suspend's result is added too
  (func $deepstack (result i32)
    (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4) (i32.const 5) (i32.const 6) (i32.const 7) (i32.const 8) (i32.const 9) (i32.const 10) 
    (i32.const 11) (i32.const 12) (i32.const 13) (i32.const 14) (i32.const 15) (i32.const 16) (i32.const 17) (i32.const 18) (i32.const 19) (i32.const 20) 
    (i32.const 21) (i32.const 22) (i32.const 23) (i32.const 24) (i32.const 25) (i32.const 26) (i32.const 27) (i32.const 28) (i32.const 29) (i32.const 30) 
    (i32.const 31) (i32.const 32) (i32.const 33) (i32.const 34) (i32.const 35) (i32.const 36) (i32.const 37) (i32.const 38) (i32.const 39) (i32.const 40)
    (suspend $t)
    (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) 
    (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) 
    (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) 
    (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add) (i32.add))
  (func $locals (result i32)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 
      i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 
      i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 
      i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 
      i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 
      i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 
      i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 
      i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 
      i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 
      i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 0 (i64.const 5))
    (local.set 199 (i64.const 7))
    (local.set 100 (i64.extend_i32_u (suspend $t)))
    (i32.wrap_i64 (i64.add (local.get 0) (i64.add (local.get 100) (local.get 199)))))
  ;; sends 1..16, gets 16 values back; returns sum of (i+1) * received_i
  (func $wide (result i32)
    (local $acc i32)
    (suspend $t16 (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)
                  (i32.const 5) (i32.const 6) (i32.const 7) (i32.const 8)
                  (i32.const 9) (i32.const 10) (i32.const 11) (i32.const 12)
                  (i32.const 13) (i32.const 14) (i32.const 15) (i32.const 16))
    ;; the last received value is on top: weight 16 first
    (i32.mul (i32.const 16)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 15)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 14)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 13)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 12)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 11)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 10)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 9)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 8)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 7)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 6)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 5)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 4)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 3)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 2)) (local.get $acc) (i32.add) (local.set $acc)
    (i32.mul (i32.const 1)) (local.get $acc) (i32.add) (local.set $acc)
    (local.get $acc))
  (elem declare func $deepstack $locals $wide)
  (func $run (param (ref $f)) (param i32) (result i32)
    (local $k (ref null $ci))
    (block $h (result (ref $ci))
      (return (resume $c (on $t $h) (cont.new $c (local.get 0)))))
    (local.set $k)
    (resume $ci (local.get 1) (local.get $k)))
  (func (export "deepstack") (param i32) (result i32) (call $run (ref.func $deepstack) (local.get 0)))
  (func (export "locals") (param i32) (result i32) (call $run (ref.func $locals) (local.get 0)))
  ;; the handler passes the 16 values it gets back as they are, so the
  ;; i-th value received is i
  (func (export "wide") (result i32)
    (local $k (ref null $c16))
    (block $h (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 (ref $c16))
      (return (resume $c (on $t16 $h) (cont.new $c (ref.func $wide)))))
    (local.set $k)
    (resume $c16 (local.get $k)))
)
(assert_return (invoke "deepstack" (i32.const 1000)) (i32.const 1820))
(assert_return (invoke "locals" (i32.const 30)) (i32.const 42))
;; sum over i of i*i for i = 1..16
(assert_return (invoke "wide") (i32.const 1496))
