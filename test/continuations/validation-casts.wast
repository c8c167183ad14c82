;; Validation of casts: continuation types cannot be cast to.
;;
;; Explainer, "Specification changes" > "Instructions":
;;
;;   In addition to these new rules, the existing rules for cast instructions
;;   `ref.test`, `ref.cast`, `br_on_cast`, and `br_on_cast_fail` are amended
;;   with an additional side condition to rule out casting of continuation
;;   types:
;;
;;     - iff `rt castable`
;;
;;   where `rt` is the respective target type of the cast instruction, and the
;;   `castable` predicate is defined as follows:
;;
;;   - `rt castable`
;;     - iff not (rt <: (ref null cont))
;;
;; Explainer, "Specification changes" > "Types": "`nocont` is the bottom type
;; of continuation types, whereas `cont` is the top type, i.e. `nocont <: cont`".
;;
;; The types below (ref null cont) are (ref null? cont), (ref null? nocont) and
;; (ref null? $ct) for every continuation type $ct. This file checks that each
;; of them is rejected as the target of each of the four casts (also in
;; unreachable code, since the condition is on the immediate), and that casts
;; to every other kind of reference stay valid and work: the any, func, extern
;; and exn hierarchies, including a function type that a continuation type is
;; built on, and structs and functions that mention continuation types.
;;
;; A continuation type as the *source* of a cast is never allowed with a
;; castable target: ref.test and ref.cast need the target to be a subtype of
;; the operand's type, br_on_cast and br_on_cast_fail need rt2 <: rt1, and no
;; castable type is below (ref null cont). Those are plain type mismatches.
;; Instructions that only look at nullness (ref.is_null, ref.as_non_null,
;; br_on_null, br_on_non_null) are not casts and accept continuations.


;; ---------------------------------------------------------------------------
;; Casts to continuation types are invalid

;; ref.test to a concrete continuation type, non-null and nullable.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param contref) (result i32) (ref.test (ref $c) (local.get 0))))
  "invalid cast")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param contref) (result i32) (ref.test (ref null $c) (local.get 0))))
  "invalid cast")

;; ref.test to the abstract continuation types.
(assert_invalid
  (module
    (func (param contref) (result i32) (ref.test (ref cont) (local.get 0))))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result i32) (ref.test contref (local.get 0))))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result i32) (ref.test (ref nocont) (local.get 0))))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result i32) (ref.test nullcontref (local.get 0))))
  "invalid cast")

;; ref.test to a declared continuation subtype.
(assert_invalid
  (module
    (type $f (sub (func)))
    (type $g (sub $f (func)))
    (type $cf (sub (cont $f)))
    (type $cg (sub $cf (cont $g)))
    (func (param (ref $cf)) (result i32) (ref.test (ref $cg) (local.get 0))))
  "invalid cast")

;; ref.test to a continuation type from an operand of another hierarchy: the
;; target is checked even though the operand is not a continuation.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param anyref) (result i32) (ref.test (ref $c) (local.get 0))))
  "invalid cast")

;; ref.cast, to each kind of continuation type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param contref) (result (ref $c)) (ref.cast (ref $c) (local.get 0))))
  "invalid cast")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param contref) (result (ref null $c)) (ref.cast (ref null $c) (local.get 0))))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result (ref cont)) (ref.cast (ref cont) (local.get 0))))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result contref) (ref.cast contref (local.get 0))))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result nullcontref) (ref.cast nullcontref (local.get 0))))
  "invalid cast")

;; br_on_cast, with a continuation target.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param contref) (result contref)
      (drop (block $l (result (ref $c))
        (return (br_on_cast $l contref (ref $c) (local.get 0)))))
      (ref.null cont)))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result contref)
      (drop (block $l (result (ref cont))
        (return (br_on_cast $l contref (ref cont) (local.get 0)))))
      (ref.null cont)))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result contref)
      (drop (block $l (result nullcontref)
        (return (br_on_cast $l contref nullcontref (local.get 0)))))
      (ref.null cont)))
  "invalid cast")

;; br_on_cast_fail, with a continuation target.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param contref) (result contref)
      (block $l (result contref)
        (drop (br_on_cast_fail $l contref (ref null $c) (local.get 0)))
        (ref.null cont))))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result contref)
      (block $l (result contref)
        (drop (br_on_cast_fail $l contref (ref nocont) (local.get 0)))
        (ref.null cont))))
  "invalid cast")

(assert_invalid
  (module
    (func (param contref) (result contref)
      (block $l (result contref)
        (drop (br_on_cast_fail $l contref contref (local.get 0)))
        (ref.null cont))))
  "invalid cast")

;; Unreachable code: the target is an immediate and is still checked.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (unreachable) (ref.test (ref $c)) (drop)))
  "invalid cast")

(assert_invalid
  (module
    (func (return) (ref.cast contref) (drop)))
  "invalid cast")

(assert_invalid
  (module
    (tag $x)
    (func (throw $x) (br_on_cast 0 contref nullcontref) (drop)))
  "invalid cast")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (block $b (br $b) (br_on_cast_fail 0 contref (ref $c)) (drop))))
  "invalid cast")


;; ---------------------------------------------------------------------------
;; Continuation types as the source of a cast: a type mismatch

;; ref.test: no castable type is below the operand's type.
(assert_invalid
  (module
    (func (param contref) (result i32) (ref.test anyref (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (result i32) (ref.test (ref $f) (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (func (param contref) (result nullref) (ref.cast nullref (local.get 0))))
  "type mismatch")

;; br_on_cast and br_on_cast_fail: the target is castable but not below the
;; continuation source.
(assert_invalid
  (module
    (func (param contref) (result anyref)
      (block $l (result anyref)
        (drop (br_on_cast $l contref anyref (local.get 0)))
        (ref.null any))))
  "type mismatch")

(assert_invalid
  (module
    (func (param contref) (result anyref)
      (block $l (result contref)
        (drop (br_on_cast_fail $l contref anyref (local.get 0)))
        (return (ref.null any)))
      (drop)
      (ref.null any)))
  "type mismatch")

;; A non-continuation source with a non-continuation target that is not below
;; it, for comparison.
(assert_invalid
  (module
    (func (param funcref) (result anyref)
      (block $l (result anyref)
        (drop (br_on_cast $l funcref anyref (local.get 0)))
        (ref.null any))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; Casts to other references stay valid

;; The any hierarchy, with struct types that hold continuations.
(module
  (type $f (func))
  (type $c (cont $f))
  (type $box (struct (field (ref null $c))))
  (type $pair (struct (field (ref null $c)) (field i32)))
  (func $nop (type $f))
  (elem declare func $nop)
  (func (export "test-box") (result i32)
    (ref.test (ref $box) (struct.new $box (cont.new $c (ref.func $nop)))))
  (func (export "test-box-as-pair") (result i32)
    (ref.test (ref $pair) (struct.new $box (ref.null $c))))
  (func (export "cast-box") (result i32)
    (ref.is_null (struct.get $box 0
      (ref.cast (ref $box) (struct.new $box (cont.new $c (ref.func $nop)))))))
  (func (export "test-i31") (param anyref) (result i32)
    (ref.test (ref i31) (local.get 0)))
  (func (export "test-none") (param anyref) (result i32)
    (ref.test nullref (local.get 0)))
  (func (export "br-on-cast-box") (result i32)
    (drop (block $l (result (ref $box))
      (drop (br_on_cast $l anyref (ref $box) (struct.new $box (ref.null $c))))
      (return (i32.const 0))))
    (i32.const 1))
  (func (export "br-on-cast-fail-eq") (param anyref) (result i32)
    (drop (block $l (result anyref)
      (drop (br_on_cast_fail $l anyref (ref eq) (local.get 0)))
      (return (i32.const 1))))
    (i32.const 0))
)
(assert_return (invoke "test-box") (i32.const 1))
(assert_return (invoke "test-box-as-pair") (i32.const 0))
(assert_return (invoke "cast-box") (i32.const 0))
(assert_return (invoke "test-i31" (ref.null any)) (i32.const 0))
(assert_return (invoke "test-none" (ref.null any)) (i32.const 1))
(assert_return (invoke "br-on-cast-box") (i32.const 1))
(assert_return (invoke "br-on-cast-fail-eq" (ref.null any)) (i32.const 0))

;; The func hierarchy: the function type a continuation type is built on, and a
;; function type whose parameter is a continuation.
(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $g (func (param (ref $c)) (result i32)))
  (func $id (type $f) (local.get 0))
  (func $run (type $g) (resume $c (i32.const 5) (local.get 0)))
  (elem declare func $id $run)
  (func (export "test-func-of-cont") (result i32)
    (ref.test (ref $f) (ref.func $id)))
  (func (export "test-func-taking-cont") (result i32)
    (ref.test (ref $g) (ref.func $id)))
  (func (export "cast-and-run") (result i32)
    (call_ref $g (cont.new $c (ref.func $id))
      (ref.cast (ref $g) (ref.func $run))))
  (func (export "br-on-cast-func") (result i32)
    (i32.const 7)
    (block $l (result (ref $f))
      (drop (br_on_cast $l funcref (ref $f) (ref.func $id)))
      (return (i32.const -1)))
    (call_ref $f))
  (func (export "br-on-cast-fail-nofunc") (result i32)
    (drop (block $l (result funcref)
      (drop (br_on_cast_fail $l funcref nullfuncref (ref.null func)))
      (return (i32.const 1))))
    (i32.const 0))
)
(assert_return (invoke "test-func-of-cont") (i32.const 1))
(assert_return (invoke "test-func-taking-cont") (i32.const 0))
(assert_return (invoke "cast-and-run") (i32.const 5))
(assert_return (invoke "br-on-cast-func") (i32.const 7))
(assert_return (invoke "br-on-cast-fail-nofunc") (i32.const 1))

;; The extern and exn hierarchies.
(module
  (func (export "test-extern") (param externref) (result i32)
    (ref.test (ref extern) (local.get 0)))
  (func (export "cast-noextern") (param externref) (result i32)
    (ref.is_null (ref.cast nullexternref (local.get 0))))
  (func (export "test-exn") (param exnref) (result i32)
    (ref.test exnref (local.get 0)))
  (func (export "test-noexn") (param exnref) (result i32)
    (ref.test (ref noexn) (local.get 0)))
  (func (export "br-on-cast-exn") (param exnref) (result i32)
    (drop (block $l (result (ref exn))
      (drop (br_on_cast $l exnref (ref exn) (local.get 0)))
      (return (i32.const 0))))
    (i32.const 1))
)
(assert_return (invoke "test-extern" (ref.extern 1)) (i32.const 1))
(assert_return (invoke "cast-noextern" (ref.null extern)) (i32.const 1))
(assert_return (invoke "test-exn" (ref.null exn)) (i32.const 1))
(assert_return (invoke "test-noexn" (ref.null exn)) (i32.const 0))
(assert_return (invoke "br-on-cast-exn" (ref.null exn)) (i32.const 0))

;; In unreachable code, castable targets are accepted with any operand.
(module
  (func (export "unreachable-test") (result i32)
    (unreachable) (ref.test (ref struct)))
  (func (export "unreachable-br-on-cast") (result anyref)
    (unreachable) (br_on_cast 0 anyref (ref i31)))
)
(assert_trap (invoke "unreachable-test") "unreachable")
(assert_trap (invoke "unreachable-br-on-cast") "unreachable")


;; ---------------------------------------------------------------------------
;; Null checks are not casts: they accept continuations

(module
  (type $f (func))
  (type $c (cont $f))
  (func $nop (type $f))
  (elem declare func $nop)
  (func (export "is-null") (result i32)
    (i32.add
      (ref.is_null (ref.null $c))
      (i32.shl (ref.is_null (cont.new $c (ref.func $nop))) (i32.const 1))))
  (func (export "as-non-null") (result i32)
    (local $k contref)
    (local.set $k (cont.new $c (ref.func $nop)))
    (ref.is_null (ref.as_non_null (local.get $k))))
  (func (export "as-non-null-null")
    (drop (ref.as_non_null (ref.null cont))))
  (func (export "br-on-null") (param $n i32) (result i32)
    (local $k (ref null $c))
    (if (i32.eqz (local.get $n)) (then (local.set $k (cont.new $c (ref.func $nop)))))
    (block $l
      (resume $c (br_on_null $l (local.get $k)))
      (return (i32.const 1)))
    (i32.const 0))
  (func (export "br-on-non-null") (param $n i32) (result i32)
    (local $k (ref null $c))
    (if (i32.eqz (local.get $n)) (then (local.set $k (cont.new $c (ref.func $nop)))))
    (block $l (result (ref $c))
      (br_on_non_null $l (local.get $k))
      (return (i32.const 0)))
    (resume $c)
    (i32.const 1))
)
(assert_return (invoke "is-null") (i32.const 1))
(assert_return (invoke "as-non-null") (i32.const 0))
(assert_trap (invoke "as-non-null-null") "null reference")
(assert_return (invoke "br-on-null" (i32.const 0)) (i32.const 1))
(assert_return (invoke "br-on-null" (i32.const 1)) (i32.const 0))
(assert_return (invoke "br-on-non-null" (i32.const 0)) (i32.const 1))
(assert_return (invoke "br-on-non-null" (i32.const 1)) (i32.const 0))

;; ref.eq is not a null check: continuations are not eqref.
(assert_invalid
  (module
    (func (param contref contref) (result i32) (ref.eq (local.get 0) (local.get 1))))
  "type mismatch")
