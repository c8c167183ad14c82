;; Validation of cont.new.
;;
;; Explainer, "Specification changes" > "Instructions":
;;
;;   - `cont.new <typeidx>`
;;     - Create a new continuation from a given typed funcref.
;;     - `cont.new $ct : [(ref null $ft)] -> [(ref $ct)]`
;;       - iff `C.types[$ct] ~~ cont [t1*] -> [t2*]`
;;
;;   where `C.types[$ct] ~~ cont [t1*] -> [t2*]` abbreviates
;;   `C.types[$ct] ~~ cont $ft` and `C.types[$ft] ~~ func [t1*] -> [t2*]`.
;;
;; This file checks that rule: first valid uses of cont.new at the boundary of
;; each side condition (operand subtyping, nullability, type equivalence,
;; declared cont subtypes, the result's supertypes, unreachable code), run where
;; that is cheap; then every way cont.new can be ill-typed: an immediate that is
;; not a continuation type or is out of range, a wrong, missing or too general
;; operand, a result used at a type it does not have, use in a constant
;; expression, and the same in unreachable code.


;; ---------------------------------------------------------------------------
;; Valid uses

;; The basic case: a nullary function becomes a continuation that can be run.
(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (func $forty-two (type $f) (i32.const 42))
  (elem declare func $forty-two)
  (func (export "new-and-resume") (result i32)
    (resume $c (cont.new $c (ref.func $forty-two))))
)
(assert_return (invoke "new-and-resume") (i32.const 42))

;; Parameters and results of several types: cont.new does not consume t1*; they
;; are supplied by resume.
(module
  (type $f (func (param i32 i64 f32) (result f64 i32)))
  (type $c (cont $f))
  (func $mix (type $f)
    (f64.add (f64.convert_i64_s (local.get 1)) (f64.promote_f32 (local.get 2)))
    (local.get 0))
  (elem declare func $mix)
  (func (export "params-results") (result f64 i32)
    (resume $c (i32.const 7) (i64.const 3) (f32.const 0.5)
      (cont.new $c (ref.func $mix))))
)
(assert_return (invoke "params-results") (f64.const 3.5) (i32.const 7))

;; The operand type is (ref null $ft): a nullable local is accepted, and a null
;; is only caught at run time.
(module
  (type $f (func))
  (type $c (cont $f))
  (func (export "nullable-local") (param $r (ref null $f))
    (resume $c (cont.new $c (local.get $r))))
  (func (export "null-typed")
    (resume $c (cont.new $c (ref.null $f))))
)
(assert_trap (invoke "nullable-local" (ref.null func)) "null function reference")
(assert_trap (invoke "null-typed") "null function reference")

;; The bottom of the function hierarchy, (ref null nofunc), is a subtype of
;; (ref null $ft), so a nofunc null is an acceptable operand.
(module
  (type $f (func (param i32)))
  (type $c (cont $f))
  (func (export "nofunc-null")
    (resume $c (i32.const 1) (cont.new $c (ref.null nofunc))))
)
(assert_trap (invoke "nofunc-null") "null function reference")

;; A declared function subtype is accepted where its supertype is expected:
;; (ref $sub) <: (ref null $super).
(module
  (type $super (sub (func (param i32) (result i32))))
  (type $sub (sub $super (func (param i32) (result i32))))
  (type $c (cont $super))
  (func $double (type $sub) (i32.mul (local.get 0) (i32.const 2)))
  (elem declare func $double)
  (func (export "subtype-operand") (param i32) (result i32)
    (resume $c (local.get 0) (cont.new $c (ref.func $double))))
)
(assert_return (invoke "subtype-operand" (i32.const 21)) (i32.const 42))

;; Type equivalence: two separately declared but identical function types are
;; the same type, so a reference to one is an operand for a cont of the other.
(module
  (type $f1 (func (param i64) (result i64)))
  (type $f2 (func (param i64) (result i64)))
  (type $c (cont $f2))
  (func $neg (type $f1) (i64.sub (i64.const 0) (local.get 0)))
  (elem declare func $neg)
  (func (export "equivalent-type") (result i64)
    (resume $c (i64.const 5) (cont.new $c (ref.func $neg))))
)
(assert_return (invoke "equivalent-type") (i64.const -5))

;; Finality is part of a type: (sub final (func)) is the same type as (func).
(module
  (type $f (func (result i32)))
  (type $g (sub final (func (result i32))))
  (type $c (cont $f))
  (func $three (type $g) (i32.const 3))
  (elem declare func $three)
  (func (export "final-equivalent") (result i32)
    (resume $c (cont.new $c (ref.func $three))))
)
(assert_return (invoke "final-equivalent") (i32.const 3))

;; A continuation type defined in the same recursion group as its function type,
;; where the function takes a continuation of its own type.
(module
  (rec
    (type $f (func (param i32 (ref null $c)) (result i32)))
    (type $c (cont $f)))
  (func $first (type $f) (local.get 0))
  (elem declare func $first)
  (func (export "recursive-type") (result i32)
    (resume $c (i32.const 9) (ref.null $c) (cont.new $c (ref.func $first))))
)
(assert_return (invoke "recursive-type") (i32.const 9))

;; The result (ref $ct) is non-nullable and has every supertype of (ref $ct):
;; (ref null $ct), (ref cont), contref, and a declared cont supertype.
(module
  (type $fs (sub (func (result i32))))
  (type $ft (sub $fs (func (result i32))))
  (type $cs (sub (cont $fs)))
  (type $ct (sub $cs (cont $ft)))
  (func $one (type $ft) (i32.const 1))
  (elem declare func $one)
  (func $take-nonnull (param (ref $ct)))
  (func (export "result-nonnull")
    (call $take-nonnull (cont.new $ct (ref.func $one))))
  (func (export "result-nullable") (result i32)
    (local $k (ref null $ct))
    (local.set $k (cont.new $ct (ref.func $one)))
    (ref.is_null (local.get $k)))
  (func (export "result-abstract") (result i32)
    (local $k (ref cont))
    (local.set $k (cont.new $ct (ref.func $one)))
    (ref.is_null (local.get $k)))
  (func (export "result-contref") (result i32)
    (local $k contref)
    (local.set $k (cont.new $ct (ref.func $one)))
    (ref.is_null (local.get $k)))
  (func (export "result-declared-super") (result i32)
    (resume $cs (cont.new $ct (ref.func $one))))
)
(assert_return (invoke "result-nonnull"))
(assert_return (invoke "result-nullable") (i32.const 0))
(assert_return (invoke "result-abstract") (i32.const 0))
(assert_return (invoke "result-contref") (i32.const 0))
(assert_return (invoke "result-declared-super") (i32.const 1))

;; In unreachable code the operand comes from the polymorphic stack, after
;; unreachable, br, return and throw alike.
(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (tag $x)
  (func (export "after-unreachable") (result (ref $c))
    (unreachable) (cont.new $c))
  (func (export "after-br") (result (ref $c))
    (block $b (br $b) (cont.new $c) (drop)) (unreachable))
  (func (export "after-return")
    (return) (cont.new $c) (drop))
  (func (export "after-throw") (result (ref $c))
    (throw $x) (cont.new $c))
  ;; The result of cont.new on the polymorphic stack is (ref $c), which resume
  ;; consumes; resume's i32 argument comes from the polymorphic stack too.
  (func (export "feeds-resume") (param i32) (result i32)
    (local.get 0) (unreachable) (cont.new $c) (resume $c))
)
(assert_trap (invoke "after-unreachable") "unreachable")
(assert_trap (invoke "after-br") "unreachable")
(assert_return (invoke "after-return"))
(assert_exception (invoke "after-throw"))
(assert_trap (invoke "feeds-resume" (i32.const 3)) "unreachable")


;; ---------------------------------------------------------------------------
;; The immediate must name a continuation type

;; A function type.
(assert_invalid
  (module
    (type $f (func))
    (func (param (ref $f)) (drop (cont.new $f (local.get 0)))))
  "non-continuation type")

;; A struct type.
(assert_invalid
  (module
    (type $s (struct (field i32)))
    (func (drop (cont.new $s (ref.null nofunc)))))
  "non-continuation type")

;; An array type.
(assert_invalid
  (module
    (type $a (array (mut i8)))
    (func (drop (cont.new $a (ref.null nofunc)))))
  "non-continuation type")

;; A function type that is the one a continuation type is built on.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (func (param (ref $f)) (drop (cont.new 0 (local.get 0)))))
  "non-continuation type")

;; A function subtype.
(assert_invalid
  (module
    (type $f (sub (func)))
    (type $g (sub $f (func)))
    (type $c (cont $f))
    (func (drop (cont.new $g (ref.null nofunc)))))
  "non-continuation type")

;; An index one past the last type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (drop (cont.new 2 (ref.null $f)))))
  "unknown type")

;; A far out-of-range index in a module without types.
(assert_invalid
  (module
    (func (drop (cont.new 1000 (ref.null nofunc)))))
  "unknown type")


;; ---------------------------------------------------------------------------
;; The operand must be a (ref null $ft)

;; No operand at all.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (drop (cont.new $c))))
  "type mismatch")

;; A number.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (drop (cont.new $c (i32.const 0)))))
  "type mismatch")

;; An abstract funcref: more general than (ref null $ft).
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param funcref) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; A non-null abstract (ref func): still more general.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref func)) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; A function of another type: parameters differ.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $g (func (param i64)))
    (type $c (cont $f))
    (func (param (ref $g)) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; A function of another type: results differ.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $g (func (param i32) (result i32)))
    (type $c (cont $f))
    (func (param (ref $g)) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; A function of a declared supertype of $ft: subtyping goes the other way.
(assert_invalid
  (module
    (type $super (sub (func)))
    (type $sub (sub $super (func)))
    (type $c (cont $sub))
    (func (param (ref $super)) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; A structurally identical function type from a different recursion group is a
;; different type.
(assert_invalid
  (module
    (rec (type $f1 (func)) (type $s (struct)))
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f1)) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; A structurally identical function type that is not final is a different
;; type.
(assert_invalid
  (module
    (type $f (func))
    (type $g (sub (func)))
    (type $c (cont $f))
    (func (param (ref $g)) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; A continuation of the type itself (cont.new does not copy continuations).
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; A nullable continuation of the type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (drop (cont.new $c (ref.null $c)))))
  "type mismatch")

;; The null of another hierarchy: none is not in the function hierarchy.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (drop (cont.new $c (ref.null none)))))
  "type mismatch")

;; The bottom of the continuation hierarchy.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (drop (cont.new $c (ref.null nocont)))))
  "type mismatch")

;; An externref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param externref) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; A struct reference.
(assert_invalid
  (module
    (type $f (func))
    (type $s (struct))
    (type $c (cont $f))
    (func (param (ref $s)) (drop (cont.new $c (local.get 0)))))
  "type mismatch")

;; The function reference comes first, with a stray value above it: cont.new
;; takes only the top operand, and that is an i32.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (result (ref $c))
      (local.get 0) (i32.const 0) (cont.new $c)))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The result is exactly (ref $ct)

;; It is not a function reference.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (result (ref $f)) (cont.new $c (local.get 0))))
  "type mismatch")

;; It is not a funcref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (result funcref) (cont.new $c (local.get 0))))
  "type mismatch")

;; It is not a continuation of another type.
(assert_invalid
  (module
    (type $f (func))
    (type $g (func (result i32)))
    (type $c (cont $f))
    (type $d (cont $g))
    (func (param (ref $f)) (result (ref $d)) (cont.new $c (local.get 0))))
  "type mismatch")

;; It is not a continuation of a declared subtype.
(assert_invalid
  (module
    (type $fs (sub (func)))
    (type $ft (sub $fs (func)))
    (type $cs (sub (cont $fs)))
    (type $ct (sub $cs (cont $ft)))
    (func (param (ref $fs)) (result (ref $ct)) (cont.new $cs (local.get 0))))
  "type mismatch")

;; It is not the bottom continuation type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (result nullcontref) (cont.new $c (local.get 0))))
  "type mismatch")

;; It is not an anyref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (result anyref) (cont.new $c (local.get 0))))
  "type mismatch")

;; It is one value, not the function's results.
(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (func (param (ref $f)) (result i32) (cont.new $c (local.get 0))))
  "type mismatch")

;; It is one value, not none.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (cont.new $c (local.get 0))))
  "type mismatch")

;; It is one value, not two.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (result (ref $c) (ref $c)) (cont.new $c (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; cont.new is not a constant instruction

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func $g)
    (elem declare func $g)
    (global (ref $c) (cont.new $c (ref.func $g))))
  "constant expression required")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (global (ref null $c) (cont.new $c (ref.null $f))))
  "constant expression required")

;; Nor in an element segment's items.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (table 1 contref)
    (elem (table 0) (i32.const 0) contref (item (cont.new $c (ref.null $f)))))
  "constant expression required")


;; ---------------------------------------------------------------------------
;; Unreachable code: the immediate is still checked, and so are operands that
;; are actually on the stack

(assert_invalid
  (module
    (type $f (func))
    (func (unreachable) (cont.new $f) (drop)))
  "non-continuation type")

(assert_invalid
  (module
    (type $s (struct))
    (func (return) (cont.new $s) (drop)))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (block $b (br $b) (cont.new 5) (drop))))
  "unknown type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $x)
    (func (throw $x) (cont.new 9) (drop)))
  "unknown type")

;; An i32 pushed after unreachable is a real operand of the wrong type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (unreachable) (i32.const 0) (cont.new $c) (drop)))
  "type mismatch")

;; A function of the wrong type pushed after return.
(assert_invalid
  (module
    (type $f (func))
    (type $g (func (param i32)))
    (type $c (cont $f))
    (func (param (ref $g)) (return) (local.get 0) (cont.new $c) (drop)))
  "type mismatch")

;; The result is still (ref $c), not whatever the polymorphic stack would allow.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (result i32) (unreachable) (cont.new $c)))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $x)
    (func (result (ref $f)) (throw $x) (cont.new $c)))
  "type mismatch")
