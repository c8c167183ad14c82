;; Validation of switch and of the switch handler clause (on $e switch).
;;
;; Explainer, "Specification changes" > "Instructions":
;;
;;   - `hdl = (on <taguse> <labelidx>) | (on <taguse> switch)`
;;     - `(on tu switch) : t*`
;;       - iff `tu : [] -> [t*]`
;;
;;   - `switch <typeidx> <taguse>`
;;     - Switch to executing a given continuation directly, suspending the
;;       current execution.
;;     - The suspension and switch are performed from the perspective of a
;;       parent `(on $e switch)` handler, determined by the annotated control
;;       tag.
;;     - `switch $ct1 tu : [t1* (ref null $ct1)] -> [t2*]`
;;       - iff `tu : [] -> [t*]`
;;       - and `C.types[$ct1] ~~ cont [t1* (ref null? $ct2)] -> [te1*]`
;;       - and `te1* <: t*`
;;       - and `C.types[$ct2] ~~ cont [t2*] -> [te2*]`
;;       - and `t* <: te2*`
;;
;; together with `resume $ct hdl* : ... iff ... and (hdl : t2*)*` (and the same
;; for resume_throw and resume_throw_ref): a switch handler's tag takes no
;; parameters and its results are exactly the results of the resume (or
;; resume_throw, resume_throw_ref) it is attached to.
;;
;; switch passes t1* and the current continuation (of type $ct2) to the
;; continuation of type $ct1; the current continuation resumes later with t2*.
;; The switched-to continuation's results te1* are returned where the tag says
;; the handler's results t* go, and the current continuation's results te2*
;; must accept t*.
;;
;; This file checks those rules: first valid uses of switch and of switch
;; handlers at each boundary (nullable and non-nullable current-continuation
;; parameters, te1* <: t* and t* <: te2* with subtyping, operand subtyping,
;; recursive types, handlers on each resume instruction, unreachable code), run
;; where that is cheap; then every way each can be ill-typed; last the cases
;; where the reference interpreter disagrees or fails.


;; ---------------------------------------------------------------------------
;; switch: valid uses

;; A switch from A to B passes B an argument and A's continuation; B resumes A
;; with an i64 (A's switch returns it) and adds what A returns.
(module
  (type $fa (func (result i32)))
  (type $ca (cont $fa))
  (type $fk (func (param i64) (result i32)))
  (type $ck (cont $fk))
  (type $fb (func (param i32 (ref $ck)) (result i32)))
  (type $cb (cont $fb))
  (tag $e (result i32))
  (func $a (type $fa)
    (i32.wrap_i64 (switch $cb $e (i32.const 10) (cont.new $cb (ref.func $b)))))
  (func $b (type $fb)
    (i32.add (local.get 0) (resume $ck (i64.const 5) (local.get 1))))
  (elem declare func $a $b)
  (func (export "switch-and-back") (result i32)
    (resume $ca (on $e switch) (cont.new $ca (ref.func $a))))
)
(assert_return (invoke "switch-and-back") (i32.const 15))

;; The switched-to continuation's results te1* are the handler's: when B
;; returns, the resume returns.
(module
  (type $fa (func (result i64)))
  (type $ca (cont $fa))
  (type $fb (func (param (ref null $ca)) (result i64)))
  (type $cb (cont $fb))
  (tag $e (result i64))
  (func $a (type $fa)
    (switch $cb $e (cont.new $cb (ref.func $b)))
    (i64.const -1))
  (func $b (type $fb) (i64.const 99))
  (elem declare func $a $b)
  (func (export "switch-one-way") (result i64)
    (resume $ca (on $e switch) (cont.new $ca (ref.func $a))))
)
(assert_return (invoke "switch-one-way") (i64.const 99))

;; The current-continuation parameter may be nullable or not; t2* may be empty
;; or several values, which the switch returns.
(module
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (type $f2 (func (param f32 f64) (result i32)))
  (type $c2 (cont $f2))
  (type $g-null (func (param (ref null $c0)) (result i32)))
  (type $d-null (cont $g-null))
  (type $g-nonnull (func (param i64 (ref $c2)) (result i32)))
  (type $d-nonnull (cont $g-nonnull))
  (tag $e (result i32))
  (func (param (ref $d-null)))
  (func (param (ref $d-null)) (result i32)
    (switch $d-null $e (local.get 0)) (i32.const 0))
  (func (param (ref $d-nonnull)) (result f32 f64)
    (switch $d-nonnull $e (i64.const 0) (local.get 0)))
)

;; te1* <: t*: the switched-to continuation may return a subtype of the tag's
;; results.
(module
  (type $fa (func (result anyref)))
  (type $ca (cont $fa))
  (type $fb (func (param (ref $ca)) (result (ref i31))))
  (type $cb (cont $fb))
  (tag $e (result anyref))
  (func $a (type $fa)
    (switch $cb $e (cont.new $cb (ref.func $b)))
    (ref.null any))
  (func $b (type $fb) (ref.i31 (i32.const 31)))
  (elem declare func $a $b)
  (func (export "te1-subtype") (result i32)
    (i31.get_u (ref.cast (ref i31)
      (resume $ca (on $e switch) (cont.new $ca (ref.func $a))))))
)
(assert_return (invoke "te1-subtype") (i32.const 31))

;; t* <: te2*: the current continuation's type may promise a supertype of the
;; tag's results.
(module
  (type $s (struct))
  (type $fk (func (result structref)))
  (type $ck (cont $fk))
  (type $fb (func (param (ref $ck)) (result (ref $s))))
  (type $cb (cont $fb))
  (tag $e (result (ref $s)))
  (func (param (ref $cb))
    (switch $cb $e (local.get 0)))
)

;; Declared subtypes in both conditions.
(module
  (type $super (sub (struct)))
  (type $sub (sub $super (struct (field i32))))
  (type $fk (func (result (ref null $super))))
  (type $ck (cont $fk))
  (type $fb (func (param (ref $ck)) (result (ref $sub))))
  (type $cb (cont $fb))
  (tag $e (result (ref null $super)))
  (func (param (ref $cb))
    (switch $cb $e (local.get 0)))
)

;; Arguments t1* are subsumed; the continuation operand is (ref null $ct1), so a
;; nullable reference, a nocont null and a declared subtype are accepted; nulls
;; fail at run time.
(module
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (type $fs (sub (func (param anyref (ref $c0)) (result i32))))
  (type $ft (sub $fs (func (param anyref (ref $c0)) (result i32))))
  (type $cs (sub (cont $fs)))
  (type $ct (sub $cs (cont $ft)))
  (tag $e (result i32))
  (func $b (type $ft) (i32.const 5))
  (func $a-nullable (type $f0)
    (switch $cs $e (ref.i31 (i32.const 0)) (ref.null $cs)) (i32.const 0))
  (func $a-nocont (type $f0)
    (switch $cs $e (ref.null none) (ref.null nocont)) (i32.const 0))
  (func $a-sub (type $f0)
    (switch $cs $e (ref.i31 (i32.const 0)) (cont.new $ct (ref.func $b))) (i32.const 0))
  (elem declare func $b $a-nullable $a-nocont $a-sub)
  (func (export "operand-nullable") (result i32)
    (resume $c0 (on $e switch) (cont.new $c0 (ref.func $a-nullable))))
  (func (export "operand-nocont") (result i32)
    (resume $c0 (on $e switch) (cont.new $c0 (ref.func $a-nocont))))
  (func (export "operand-declared-sub") (result i32)
    (resume $c0 (on $e switch) (cont.new $c0 (ref.func $a-sub))))
)
(assert_trap (invoke "operand-nullable") "null continuation reference")
(assert_trap (invoke "operand-nocont") "null continuation reference")
(assert_return (invoke "operand-declared-sub") (i32.const 5))

;; A recursive continuation type: both sides have the same type, taking each
;; other.
(module
  (rec
    (type $f (func (param i32 (ref null $c))))
    (type $c (cont $f)))
  (tag $e)
  (func (param (ref $c))
    (switch $c $e (i32.const 0) (local.get 0)) (drop) (drop))
)

;; The tag may be imported.
(module $tags
  (tag (export "e") (result i32))
)
(register "tags" $tags)
(module
  (type $fa (func (result i32)))
  (type $ca (cont $fa))
  (type $fb (func (param (ref $ca)) (result i32)))
  (type $cb (cont $fb))
  (tag $e (import "tags" "e") (result i32))
  (func $a (type $fa) (switch $cb $e (cont.new $cb (ref.func $b))) (i32.const -1))
  (func $b (type $fb) (i32.const 8))
  (elem declare func $a $b)
  (func (export "imported-tag") (result i32)
    (resume $ca (on $e switch) (cont.new $ca (ref.func $a))))
)
(assert_return (invoke "imported-tag") (i32.const 8))

;; In unreachable code the operands come from the polymorphic stack.
(module
  (type $fk (func (param i64) (result i32)))
  (type $ck (cont $fk))
  (type $fb (func (param f32 (ref $ck)) (result i32)))
  (type $cb (cont $fb))
  (tag $e (result i32))
  (tag $x)
  (func (export "after-unreachable") (result i64)
    (unreachable) (switch $cb $e))
  (func (export "after-br") (result i64)
    (block $b (br $b) (switch $cb $e) (drop)) (i64.const 1))
  (func (export "after-return") (result i64)
    (return (i64.const 2)) (switch $cb $e))
  (func (export "after-throw") (result i64)
    (throw $x) (switch $cb $e))
  (func (export "half-polymorphic") (param (ref $cb)) (result i64)
    (unreachable) (local.get 0) (switch $cb $e))
)
(assert_trap (invoke "after-unreachable") "unreachable")
(assert_return (invoke "after-br") (i64.const 1))
(assert_return (invoke "after-return") (i64.const 2))
(assert_exception (invoke "after-throw"))


;; ---------------------------------------------------------------------------
;; (on $e switch): valid handlers on each resume instruction

(module
  (type $f (func (result i32 i64)))
  (type $c (cont $f))
  (tag $e (result i32 i64))
  (tag $x)
  (func (param (ref $c)) (result i32 i64)
    (resume $c (on $e switch) (local.get 0)))
  (func (param (ref $c)) (result i32 i64)
    (resume_throw $c $x (on $e switch) (local.get 0)))
)
;; ... and on resume_throw_ref, in a module of its own (an engine that gets
;; resume_throw_ref wrong then rejects this module only)
(module
  (type $f (func (result i32 i64)))
  (type $c (cont $f))
  (tag $e (result i32 i64))
  (func (param exnref (ref $c)) (result i32 i64)
    (resume_throw_ref $c (on $e switch) (local.get 0) (local.get 1)))
)

;; A tag without results for a resume without results; a switch handler next to
;; a suspend handler for the same tag; two switch handlers for one tag.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $e)
  (func (param (ref $c))
    (drop (block $l (result (ref $c))
      (resume $c (on $e switch) (on $e $l) (on $e switch) (local.get 0))
      (return))))
)

;; A switch handler is taken by a switch, not by a suspend with the same tag;
;; and a suspend handler is not taken by a switch.
(module
  (type $fa (func (result i32)))
  (type $ca (cont $fa))
  (type $fb (func (param (ref $ca)) (result i32)))
  (type $cb (cont $fb))
  (type $fk (func (param i32) (result i32)))
  (type $ck (cont $fk))
  (tag $e (result i32))
  (func $a (type $fa) (switch $cb $e (cont.new $cb (ref.func $b))) (i32.const -1))
  (func $b (type $fb) (i32.const 3))
  (func $s (type $fa) (suspend $e))
  (elem declare func $a $b $s)
  (func (export "switch-skips-suspend-handler") (result i32)
    (drop (block $l (result (ref $ck))
      (return (resume $ca (on $e $l) (on $e switch) (cont.new $ca (ref.func $a))))))
    (i32.const -2))
  (func (export "suspend-skips-switch-handler") (result i32)
    (drop (block $l (result (ref $ck))
      (return (resume $ca (on $e switch) (on $e $l) (cont.new $ca (ref.func $s))))))
    (i32.const 4))
)
(assert_return (invoke "switch-skips-suspend-handler") (i32.const 3))
(assert_return (invoke "suspend-skips-switch-handler") (i32.const 4))


;; ---------------------------------------------------------------------------
;; switch: immediates

(assert_invalid
  (module
    (type $f (func))
    (tag $e)
    (func (param (ref $f)) (switch $f $e (local.get 0))))
  "non-continuation type")

(assert_invalid
  (module
    (type $s (struct))
    (tag $e)
    (func (switch $s $e (ref.null none))))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (switch 60 $e (ref.null nocont))))
  "unknown type")

(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (func (param (ref $c)) (switch $c 0 (local.get 0))))
  "unknown tag")

(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c 20 (local.get 0))))
  "unknown tag")


;; ---------------------------------------------------------------------------
;; switch: the tag must be [] -> [t*]

;; A tag with a parameter.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; A tag with a parameter, supplied as if it were an argument.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (param (ref $c)) (switch $c $e (i32.const 0) (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; switch: $ct1's last parameter must be a continuation of a continuation type

;; No parameters at all.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; A number last.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (i32.const 0) (local.get 0))))
  "type mismatch")

;; The continuation first, a number last.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0) i32)))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c) (ref $c0))
      (switch $c $e (local.get 1) (i32.const 0) (local.get 0))))
  "type mismatch")

;; A reference to a function type last.
(assert_invalid
  (module
    (type $f0 (func))
    (type $f (func (param (ref $f0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c) (ref $f0)) (switch $c $e (local.get 1) (local.get 0))))
  "non-continuation type")

;; A reference to the function type of a continuation type last.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref null $f0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (ref.null $f0) (local.get 0))))
  "non-continuation type")

;; A reference to a struct type last.
(assert_invalid
  (module
    (type $s (struct))
    (type $f (func (param (ref null $s))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (ref.null none) (local.get 0))))
  "non-continuation type")


;; ---------------------------------------------------------------------------
;; switch: te1* <: t*

;; $ct1 returns a result, the tag none.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result i32)))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; $ct1 returns nothing, the tag a result.
(assert_invalid
  (module
    (type $f0 (func (result i32)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e (result i32))
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; Different number types.
(assert_invalid
  (module
    (type $f0 (func (result i32)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result i64)))
    (type $c (cont $f))
    (tag $e (result i32))
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; $ct1 returns a supertype of the tag's result.
(assert_invalid
  (module
    (type $f0 (func (result anyref)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result anyref)))
    (type $c (cont $f))
    (tag $e (result (ref i31)))
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; $ct1 may return a null the tag excludes.
(assert_invalid
  (module
    (type $f0 (func (result externref)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result externref)))
    (type $c (cont $f))
    (tag $e (result (ref extern)))
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; switch: t* <: te2*

;; $ct2 returns nothing, the tag a result.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result i32)))
    (type $c (cont $f))
    (tag $e (result i32))
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; $ct2 returns a result, the tag none.
(assert_invalid
  (module
    (type $f0 (func (result i32)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; Different number types.
(assert_invalid
  (module
    (type $f0 (func (result f32)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result f64)))
    (type $c (cont $f))
    (tag $e (result f64))
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; $ct2 returns a subtype of the tag's result.
(assert_invalid
  (module
    (type $f0 (func (result (ref i31))))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result (ref i31))))
    (type $c (cont $f))
    (tag $e (result anyref))
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; Declared subtyping the wrong way round.
(assert_invalid
  (module
    (type $super (sub (struct)))
    (type $sub (sub $super (struct)))
    (type $f0 (func (result (ref $sub))))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result (ref $sub))))
    (type $c (cont $f))
    (tag $e (result (ref $super)))
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; switch: operands [t1* (ref null $ct1)]

;; No operands.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (switch $c $e)))
  "type mismatch")

;; The continuation without t1*.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param i32 (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

;; An argument of the wrong type.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param i32 (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (f32.const 0) (local.get 0))))
  "type mismatch")

;; The current continuation is not an operand: supplying one is an error.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c) (ref $c0)) (switch $c $e (local.get 1) (local.get 0))))
  "type mismatch")

;; A continuation of another type.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c0)) (switch $c $e (local.get 0))))
  "type mismatch")

;; An abstract continuation.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param contref) (switch $c $e (local.get 0))))
  "type mismatch")

;; A function reference.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $f)) (switch $c $e (local.get 0))))
  "type mismatch")

;; The continuation below its argument.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param i32 (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (local.get 0) (i32.const 0) (switch $c $e)))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; switch: results t2*

;; t2* are $ct2's parameters, not the tag's results.
(assert_invalid
  (module
    (type $f0 (func (result i32)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result i32)))
    (type $c (cont $f))
    (tag $e (result i32))
    (func (param (ref $c)) (result i32) (switch $c $e (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $f0 (func (param i64)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (result i32) (switch $c $e (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $f0 (func (param i64)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $f0 (func (param anyref)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (result eqref) (switch $c $e (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; (on $e switch): the tag must be [] -> [t*] with t* the resume's results

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (resume $c (on 0 switch) (local.get 0))))
  "unknown tag")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (resume $c (on 11 switch) (local.get 0))))
  "unknown tag")

;; A tag with a parameter, on resume.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (param (ref $c)) (resume $c (on $e switch) (local.get 0))))
  "type mismatch")

;; On resume_throw.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i64))
    (tag $x)
    (func (param (ref $c)) (resume_throw $c $x (on $e switch) (local.get 0))))
  "type mismatch")

;; On resume_throw_ref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param f32))
    (func (param exnref (ref $c))
      (resume_throw_ref $c (on $e switch) (local.get 0) (local.get 1))))
  "type mismatch")

;; Unknown tags on resume_throw and resume_throw_ref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $x)
    (func (param (ref $c)) (resume_throw $c $x (on 8 switch) (local.get 0))))
  "unknown tag")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param exnref (ref $c))
      (resume_throw_ref $c (on 0 switch) (local.get 0) (local.get 1))))
  "unknown tag")


;; ---------------------------------------------------------------------------
;; switch is not a constant instruction

(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (global i32 (switch $c $e (ref.null $c)) (i32.const 0)))
  "constant expression required")


;; ---------------------------------------------------------------------------
;; Unreachable code: immediates and the conditions on them are still checked,
;; and real operands are still typed

(assert_invalid
  (module
    (type $f (func))
    (tag $e)
    (func (unreachable) (switch $f $e)))
  "non-continuation type")

(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (func (return) (switch $c 3)))
  "unknown tag")

;; The tag has a parameter, after br.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (block $b (br $b) (switch $c $e))))
  "type mismatch")

;; $ct1's last parameter is a number, after unreachable.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (tag $e)
    (func (unreachable) (switch $c $e)))
  "type mismatch")

;; te1* is not a subtype of t*, after throw.
(assert_invalid
  (module
    (type $f0 (func (result i32)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result i64)))
    (type $c (cont $f))
    (tag $e (result i32))
    (tag $x)
    (func (throw $x) (switch $c $e)))
  "type mismatch")

;; t* is not a subtype of te2*, after unreachable.
(assert_invalid
  (module
    (type $f0 (func (result i64)))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0)) (result i32)))
    (type $c (cont $f))
    (tag $e (result i32))
    (func (unreachable) (switch $c $e)))
  "type mismatch")

;; A continuation of the wrong type pushed after unreachable.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c0)) (unreachable) (local.get 0) (switch $c $e)))
  "type mismatch")

;; A switch handler whose tag has a parameter, after unreachable.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (unreachable) (resume $c (on $e switch))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The reference interpreter disagrees here: on the three groups below (the
;; last ends its run).
;;
;; 1. It accepts (on $e switch) when the tag's results differ from the results
;;    of the resume (resume_throw, resume_throw_ref) the handler is attached to.
;;    The Explainer: `(on tu switch) : t*` iff `tu : [] -> [t*]`, and the
;;    handlers of `resume $ct hdl* : [t1* (ref null $ct)] -> [t2*]` must satisfy
;;    `(hdl : t2*)*`: the tag's results are exactly t2*.

;; The tag has a result, the resume none.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (result i32))
    (func (param (ref $c)) (resume $c (on $e switch) (local.get 0))))
  "type mismatch")

;; The resume has a result, the tag none.
(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (result i32) (resume $c (on $e switch) (local.get 0))))
  "type mismatch")

;; Different number types.
(assert_invalid
  (module
    (type $f (func (result i64)))
    (type $c (cont $f))
    (tag $e (result i32))
    (func (param (ref $c)) (result i64) (resume $c (on $e switch) (local.get 0))))
  "type mismatch")

;; The tag's result is a supertype of the resume's.
(assert_invalid
  (module
    (type $f (func (result (ref i31))))
    (type $c (cont $f))
    (tag $e (result anyref))
    (func (param (ref $c)) (result anyref) (resume $c (on $e switch) (local.get 0))))
  "type mismatch")

;; The tag's result is a subtype of the resume's.
(assert_invalid
  (module
    (type $f (func (result anyref)))
    (type $c (cont $f))
    (tag $e (result (ref i31)))
    (func (param (ref $c)) (result anyref) (resume $c (on $e switch) (local.get 0))))
  "type mismatch")

;; On resume_throw.
(assert_invalid
  (module
    (type $f (func (result f32)))
    (type $c (cont $f))
    (tag $e (result f64))
    (tag $x)
    (func (param (ref $c)) (result f32) (resume_throw $c $x (on $e switch) (local.get 0))))
  "type mismatch")

;; On resume_throw_ref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (result i32 i32))
    (func (param exnref (ref $c))
      (resume_throw_ref $c (on $e switch) (local.get 0) (local.get 1))))
  "type mismatch")

;; In unreachable code: the condition is on the immediates.
(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (tag $e (result i64))
    (func (result i32) (unreachable) (resume $c (on $e switch))))
  "type mismatch")

;; 2. It accepts a tag index equal to the number of tags (as if every tag were
;;    in the context twice). `C.tags[$e]` requires the index to be in range;
;;    here it is one past the only tag.
(assert_invalid
  (module
    (type $f0 (func))
    (type $c0 (cont $f0))
    (type $f (func (param (ref $c0))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c 1 (local.get 0))))
  "unknown tag")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (resume $c (on 1 switch) (local.get 0))))
  "unknown tag")

;; 3. It fails with an internal assertion (an uncaught OCaml exception that ends
;;    the run) when $ct1's last parameter is an abstract reference type, where
;;    the Explainer requires a `(ref null? $ct2)` with
;;    `C.types[$ct2] ~~ cont [t2*] -> [te2*]`. These must stay last.

;; An abstract contref last.
(assert_invalid
  (module
    (type $f (func (param contref)))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (ref.null cont) (local.get 0))))
  "type mismatch")

;; The bottom continuation type last.
(assert_invalid
  (module
    (type $f (func (param (ref null nocont))))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (ref.null nocont) (local.get 0))))
  "type mismatch")

;; An abstract funcref last.
(assert_invalid
  (module
    (type $f (func (param funcref)))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (switch $c $e (ref.null func) (local.get 0))))
  "type mismatch")
