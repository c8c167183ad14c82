;; Continuation types and the heap types `cont` and `nocont`.
;;
;; Explainer, "Specification changes › Types":
;;
;;   We extend the structure of composite types and heap types as follows.
;;
;;   - `cont <typeidx>` is a new form of composite type
;;     - `(cont $ft) ok` iff `$ft ok` and `$ft = [t1*] -> [t2*]`
;;
;;   We add two new continuation heap types and their subtyping hierarchy:
;;   - `heaptypes ::= ... | cont | nocont`
;;   - `nocont ok` and `cont ok` always
;;   - `nocont` is the bottom type of continuation types, whereas `cont` is
;;     the top type, i.e. `nocont <: cont`
;;
;; Explainer, "Instruction set extension": "The proposal adds a new reference
;; type for continuations. (cont $ft) A continuation type is specified in
;; terms of a function type $ft, whose parameter types t1* describe the
;; expected stack shape prior to resuming/starting the continuation, and
;; whose return types t2* describe the stack shape after the continuation
;; has run to completion."
;;
;; The proposal is based on Wasm 3.0, so continuation types take part in the
;; GC proposal's rules: they are composite types of defined types, live in
;; recursion groups (iso-recursive type equivalence), may be declared as
;; subtypes (`sub`, `final`), and (ref null? $ct) is a reference type that can
;; be stored in locals, globals, tables, struct and array fields.  The
;; hierarchy of continuation heap types is disjoint from the func, any
;; (eq/struct/array/i31/none), extern and exn hierarchies.
;;
;; This file checks, in order:
;;   1. formation of `(cont $ft)` (valid only over a function type);
;;   2. the heap types `cont` and `nocont` and the separation of the
;;      continuation hierarchy from the other hierarchies;
;;   3. declared subtyping of continuation types (`sub`, `final`), and
;;      continuations flowing through subtyping at run time;
;;   4. null references: ref.null, ref.is_null, ref.as_non_null, br_on_null,
;;      br_on_non_null on continuation references;
;;   5. recursion groups: iso-recursive equality within a module and across
;;      modules (linked through imports), and inequality of different groups;
;;   6. continuation references in locals, globals, tables, struct and array
;;      fields (defaults, non-defaultable non-null types, stores and loads
;;      that are then resumed).
;; Validation failures are `assert_invalid`; valid forms are exercised by
;; running code that creates, stores, loads and resumes continuations.


;; ---------------------------------------------------------------------------
;; 1. Formation of `(cont $ft)`
;; ---------------------------------------------------------------------------

;; Continuation types over function types of various shapes: empty, with
;; parameters and results, with reference types; each is used to create and
;; resume a continuation.
(module
  (type $f0 (func))
  (type $c0 (cont $f0))
  (type $f2 (func (param i32 i64) (result i64)))
  (type $c2 (cont $f2))
  (type $fr (func (param funcref) (result i32)))
  (type $cr (cont $fr))
  (type $fm (func (result i32 i32 i32)))
  (type $cm (cont $fm))

  (global $hits (mut i32) (i32.const 0))
  (func $nop (type $f0) (global.set $hits (i32.add (global.get $hits) (i32.const 1))))
  (func $sum (type $f2) (i64.add (i64.extend_i32_u (local.get 0)) (local.get 1)))
  (func $isnull (type $fr) (ref.is_null (local.get 0)))
  (func $three (type $fm) (i32.const 1) (i32.const 2) (i32.const 3))
  (elem declare func $nop $sum $isnull $three)

  (func (export "empty-function-type") (result i32)
    (resume $c0 (cont.new $c0 (ref.func $nop)))
    (global.get $hits))
  (func (export "params-and-results") (result i64)
    (resume $c2 (i32.const 40) (i64.const 2) (cont.new $c2 (ref.func $sum))))
  (func (export "reference-param") (result i32)
    (resume $cr (ref.null func) (cont.new $cr (ref.func $isnull))))
  (func (export "multiple-results") (result i32)
    (local $b i32) (local $c i32)
    (resume $cm (cont.new $cm (ref.func $three)))
    (local.set $c)
    (local.set $b)
    (i32.const 100)
    (i32.mul)
    (i32.add (i32.mul (local.get $b) (i32.const 10)))
    (i32.add (local.get $c)))
)
(assert_return (invoke "empty-function-type") (i32.const 1))
(assert_return (invoke "params-and-results") (i64.const 42))
(assert_return (invoke "reference-param") (i32.const 1))
(assert_return (invoke "multiple-results") (i32.const 123))

;; Inside a recursion group a continuation type may refer to a function type
;; that is defined later in the same group (all types of the group are in
;; scope while the group is validated).
(module
  (rec
    (type $c (cont $f))
    (type $f (func (param i32) (result i32))))
  (func $neg (type $f) (i32.sub (i32.const 0) (local.get 0)))
  (elem declare func $neg)
  (func (export "forward-in-rec-group") (result i32)
    (resume $c (i32.const 5) (cont.new $c (ref.func $neg))))
)
(assert_return (invoke "forward-in-rec-group") (i32.const -5))

;; A function type may itself mention the continuation type built over it
;; (a recursive type): a continuation that receives a continuation.
(module
  (rec
    (type $f (func (param (ref null $c)) (result i32)))
    (type $c (cont $f)))
  (func $probe (type $f) (ref.is_null (local.get 0)))
  (elem declare func $probe)
  (func (export "recursive-cont-type") (result i32)
    (i32.add
      (i32.mul (i32.const 10)
        (resume $c (ref.null $c) (cont.new $c (ref.func $probe))))
      (resume $c (cont.new $c (ref.func $probe)) (cont.new $c (ref.func $probe)))))
)
(assert_return (invoke "recursive-cont-type") (i32.const 10))

;; The index must denote a function type.  A struct type:
(assert_invalid
  (module (type $s (struct (field i32))) (type $c (cont $s)))
  "non-function type")
;; An array type:
(assert_invalid
  (module (type $a (array i32)) (type $c (cont $a)))
  "non-function type")
;; A continuation type (no continuations of continuations):
(assert_invalid
  (module (type $f (func)) (type $c (cont $f)) (type $cc (cont $c)))
  "non-function type")
;; A struct type that is a subtype in a hierarchy:
(assert_invalid
  (module (type $s (sub (struct))) (type $t (sub $s (struct))) (type $c (cont $t)))
  "non-function type")
;; Itself (a single type is its own recursion group, so index 0 is in scope
;; but names a continuation type):
(assert_invalid
  (module (type (cont 0)))
  "non-function type")
(assert_invalid
  (module (rec (type (cont 0))))
  "non-function type")
;; A struct type defined later in the same recursion group:
(assert_invalid
  (module (rec (type (cont 1)) (type (struct))))
  "non-function type")
;; Another continuation type defined later in the same recursion group:
(assert_invalid
  (module (rec (type (cont 1)) (type (cont 2)) (type (func))))
  "non-function type")
;; An index beyond the type section:
(assert_invalid
  (module (type (func)) (type (cont 7)))
  "unknown type")
;; A forward reference to a later recursion group is out of range too:
(assert_invalid
  (module (type $c (cont 1)) (type $f (func)))
  "unknown type")
(assert_invalid
  (module (rec (type (cont 2)) (type (func))) (rec (type (func))))
  "unknown type")


;; ---------------------------------------------------------------------------
;; 2. The heap types `cont` and `nocont`
;; ---------------------------------------------------------------------------

;; nocont <: $ct <: cont, for every continuation type $ct; and every
;; (ref $ct) <: (ref null $ct) <: (ref null cont).  The functions below only
;; validate if these subtypings hold; running them checks the values.
(module
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (type $fb (func (result f64)))
  (type $cb (cont $fb))

  (func $inc (type $fa) (i32.add (local.get 0) (i32.const 1)))
  (elem declare func $inc)

  ;; (ref null nocont) flows into two unrelated continuation types and into cont.
  (func $take-a (param (ref null $ca)) (result i32) (ref.is_null (local.get 0)))
  (func $take-b (param (ref null $cb)) (result i32) (ref.is_null (local.get 0)))
  (func $take-top (param (ref null cont)) (result i32) (ref.is_null (local.get 0)))
  (func (export "nocont-to-ca") (result i32) (call $take-a (ref.null nocont)))
  (func (export "nocont-to-cb") (result i32) (call $take-b (ref.null nocont)))
  (func (export "nocont-to-cont") (result i32) (call $take-top (ref.null nocont)))
  ;; A null of a concrete continuation type flows into cont.
  (func (export "null-ca-to-cont") (result i32) (call $take-top (ref.null $ca)))
  ;; A real continuation (ref $ca) flows into (ref null cont) and (ref cont).
  (func (export "ca-to-cont") (result i32)
    (call $take-top (cont.new $ca (ref.func $inc))))
  (func $take-top-nn (param (ref cont)) (result i32) (ref.is_null (local.get 0)))
  (func (export "ca-to-nonnull-cont") (result i32)
    (call $take-top-nn (cont.new $ca (ref.func $inc))))
  ;; (ref $ca) flows into (ref null $ca), and can still be resumed from there.
  (func $run-nullable (param (ref null $ca)) (result i32)
    (resume $ca (i32.const 9) (local.get 0)))
  (func (export "nonnull-to-nullable") (result i32)
    (call $run-nullable (cont.new $ca (ref.func $inc))))
  ;; A (ref null nocont) that is resumed as $ca is a null continuation.
  (func (export "resume-nocont-null") (result i32)
    (call $run-nullable (ref.null nocont)))
)
(assert_return (invoke "nocont-to-ca") (i32.const 1))
(assert_return (invoke "nocont-to-cb") (i32.const 1))
(assert_return (invoke "nocont-to-cont") (i32.const 1))
(assert_return (invoke "null-ca-to-cont") (i32.const 1))
(assert_return (invoke "ca-to-cont") (i32.const 0))
(assert_return (invoke "ca-to-nonnull-cont") (i32.const 0))
(assert_return (invoke "nonnull-to-nullable") (i32.const 10))
(assert_trap (invoke "resume-nocont-null") "null continuation reference")

;; `cont` and `nocont` are not interchangeable: cont is not <: nocont ...
(assert_invalid
  (module (func (result (ref null nocont)) (ref.null cont)))
  "type mismatch")
;; ... a concrete continuation type is not <: nocont ...
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c)) (result (ref null nocont)) (local.get 0)))
  "type mismatch")
;; ... and cont is not <: a concrete continuation type.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (result (ref null $c)) (ref.null cont)))
  "type mismatch")
;; Nullability: (ref null nocont) is not <: (ref $c), nor <: (ref cont).
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (result (ref $c)) (ref.null nocont)))
  "type mismatch")
(assert_invalid
  (module (func (result (ref cont)) (ref.null nocont)))
  "type mismatch")
;; Two continuation types over different function types are unrelated.
(assert_invalid
  (module
    (type $fa (func (param i32))) (type $ca (cont $fa))
    (type $fb (func (param i64))) (type $cb (cont $fb))
    (func (param (ref null $ca)) (result (ref null $cb)) (local.get 0)))
  "type mismatch")

;; The continuation hierarchy is separate from the others.  A continuation
;; reference is not a func, any, eq, struct, extern or exn reference:
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c)) (result funcref) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c)) (result anyref) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c)) (result eqref) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c)) (result structref) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c)) (result externref) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c)) (result exnref) (local.get 0)))
  "type mismatch")
;; ... in particular a continuation is not a reference to its function type:
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c)) (result (ref null $f)) (local.get 0)))
  "type mismatch")
;; The top type cont is not below any other top type:
(assert_invalid
  (module (func (param (ref null cont)) (result funcref) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (func (param (ref null cont)) (result anyref) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (func (param (ref null cont)) (result externref) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (func (param (ref null cont)) (result exnref) (local.get 0)))
  "type mismatch")
;; The bottom type nocont is not below the other hierarchies:
(assert_invalid
  (module (func (result funcref) (ref.null nocont)))
  "type mismatch")
(assert_invalid
  (module (func (result anyref) (ref.null nocont)))
  "type mismatch")
(assert_invalid
  (module (func (result externref) (ref.null nocont)))
  "type mismatch")
(assert_invalid
  (module (func (result exnref) (ref.null nocont)))
  "type mismatch")
;; Conversely, other references are not continuation references:
(assert_invalid
  (module (func (param funcref) (result (ref null cont)) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (func (param anyref) (result (ref null cont)) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (func (param externref) (result (ref null cont)) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (func (param exnref) (result (ref null cont)) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $f)) (result (ref null $c)) (local.get 0)))
  "type mismatch")
;; ... and the other bottom types are not continuation types:
(assert_invalid
  (module (func (result (ref null cont)) (ref.null none)))
  "type mismatch")
(assert_invalid
  (module (func (result (ref null cont)) (ref.null nofunc)))
  "type mismatch")
(assert_invalid
  (module (func (result (ref null cont)) (ref.null noextern)))
  "type mismatch")
(assert_invalid
  (module (func (result (ref null cont)) (ref.null noexn)))
  "type mismatch")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (result (ref null $c)) (ref.null none)))
  "type mismatch")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (result (ref null $c)) (ref.null nofunc)))
  "type mismatch")
;; Continuation references are not eq references: ref.eq rejects them.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c) (ref null $c)) (result i32)
      (ref.eq (local.get 0) (local.get 1))))
  "type mismatch")
;; An untyped select only takes numeric and vector operands.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null $c) (ref null $c)) (result (ref null $c))
      (select (local.get 0) (local.get 1) (i32.const 0))))
  "type mismatch")
;; A typed select picks between continuation references.
(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (func $one (type $f) (i32.const 1))
  (func $two (type $f) (i32.const 2))
  (elem declare func $one $two)
  (func (export "typed-select") (param i32) (result i32)
    (resume $c
      (select (result (ref $c))
        (cont.new $c (ref.func $one)) (cont.new $c (ref.func $two))
        (local.get 0))))
)
(assert_return (invoke "typed-select" (i32.const 1)) (i32.const 1))
(assert_return (invoke "typed-select" (i32.const 0)) (i32.const 2))


;; ---------------------------------------------------------------------------
;; 3. Declared subtyping of continuation types
;; ---------------------------------------------------------------------------

;; (type $c2 (sub $c1 (cont $f2))) is valid iff $f2 <: $f1.  Function types
;; are subtypes when declared so, with contravariant parameters and covariant
;; results: here $f2 takes a wider parameter ((ref null $A) ⊇ (ref $B)) and
;; returns a narrower result ((ref $B) ⊆ (ref null $A)).  A (ref $c2) is then
;; usable wherever a (ref $c1) is expected, and resuming it as a $c1 runs the
;; $f2 function.  $c3 <: $c2 <: $c1 extends the chain.
(module $Sub
  (type $A (sub (struct (field i32))))
  (type $B (sub $A (struct (field i32) (field i32))))
  (type $f1 (sub (func (param (ref $B)) (result (ref null $A)))))
  (type $f2 (sub $f1 (func (param (ref null $A)) (result (ref $B)))))
  (type $f3 (sub final $f2 (func (param anyref) (result (ref $B)))))
  (type $c1 (sub (cont $f1)))
  (type $c2 (sub $c1 (cont $f2)))
  (type $c3 (sub final $c2 (cont $f3)))

  (func $g1 (type $f1)
    (struct.new $A (i32.add (struct.get $B 1 (local.get 0)) (i32.const 1000))))
  (func $g2 (type $f2)
    (struct.new $B (i32.add (struct.get $A 0 (local.get 0)) (i32.const 100))
                   (i32.const 0)))
  (func $g3 (type $f3)
    (struct.new $B (i32.const 300) (i32.const 0)))
  (elem declare func $g1 $g2 $g3)

  ;; Resumes any continuation of type $c1, passing a $B whose fields are 5, 6,
  ;; and reads field 0 of the $A that comes back.
  (func $run1 (param (ref $c1)) (result i32)
    (struct.get $A 0
      (resume $c1 (struct.new $B (i32.const 5) (i32.const 6)) (local.get 0))))

  (func (export "c1-as-c1") (result i32)
    (call $run1 (cont.new $c1 (ref.func $g1))))
  (func (export "c2-as-c1") (result i32)
    (call $run1 (cont.new $c2 (ref.func $g2))))
  (func (export "c3-as-c1") (result i32)
    (call $run1 (cont.new $c3 (ref.func $g3))))
  ;; cont.new $c1 accepts a function whose type is a subtype of $f1.
  (func (export "c1-from-f2-function") (result i32)
    (call $run1 (cont.new $c1 (ref.func $g2))))
  ;; A $c2 resumed at its own type can be given a plain $A (its wider parameter).
  (func (export "c2-as-c2") (result i32)
    (struct.get $B 0
      (resume $c2 (struct.new $A (i32.const 7)) (cont.new $c2 (ref.func $g2)))))
  ;; A $c2 stored in a (ref null $c1) global and resumed from there.
  (global $g (mut (ref null $c1)) (ref.null $c1))
  (func (export "c2-through-c1-global") (result i32)
    (global.set $g (cont.new $c2 (ref.func $g2)))
    (call $run1 (ref.as_non_null (global.get $g))))
  ;; nocont is below every declared continuation type too.
  (func (export "nocont-to-c3") (result i32)
    (ref.is_null (block (result (ref null $c3)) (ref.null nocont))))
  ;; $c3 <: cont.
  (func (export "c3-to-cont") (result i32)
    (ref.is_null (block (result (ref null cont)) (cont.new $c3 (ref.func $g3)))))
)
(assert_return (invoke "c1-as-c1") (i32.const 1006))
(assert_return (invoke "c2-as-c1") (i32.const 105))
(assert_return (invoke "c3-as-c1") (i32.const 300))
(assert_return (invoke "c1-from-f2-function") (i32.const 105))
(assert_return (invoke "c2-as-c2") (i32.const 107))
(assert_return (invoke "c2-through-c1-global") (i32.const 105))
(assert_return (invoke "nocont-to-c3") (i32.const 1))
(assert_return (invoke "c3-to-cont") (i32.const 0))

;; Subtyping is not structural: $f2 has the right shape, but is not declared
;; a subtype of $f1, so (cont $f2) cannot be declared a subtype of (cont $f1).
;; ($f2 would be a valid subtype of $f1 had it been declared as one: its
;; parameter is wider.)
(assert_invalid
  (module
    (type $A (sub (struct)))
    (type $B (sub $A (struct (field i32))))
    (type $f1 (sub (func (param (ref $B)))))
    (type $f2 (sub (func (param (ref $A)))))
    (type $c1 (sub (cont $f1)))
    (type $c2 (sub $c1 (cont $f2))))
  "sub type 5 does not match super type 4")
;; The direction matters: with $f2 <: $f1, (cont $f1) is not a subtype of
;; (cont $f2).
(assert_invalid
  (module
    (type $f1 (sub (func (param i32))))
    (type $f2 (sub $f1 (func (param i32))))
    (type $c2 (sub (cont $f2)))
    (type $c1 (sub $c2 (cont $f1))))
  "sub type 3 does not match super type 2")
;; The continuation types' subtyping is checked through the function types'
;; declared subtyping, which is contravariant in the parameters ...
(assert_invalid
  (module
    (type $A (sub (struct (field i32))))
    (type $B (sub $A (struct (field i32) (field i32))))
    (type $f1 (sub (func (param (ref $A)))))
    (type $f2 (sub $f1 (func (param (ref $B))))))
  "sub type 3 does not match super type 2")
;; ... and covariant in the results.
(assert_invalid
  (module
    (type $A (sub (struct (field i32))))
    (type $B (sub $A (struct (field i32) (field i32))))
    (type $f1 (sub (func (result (ref $B)))))
    (type $f2 (sub $f1 (func (result (ref $A))))))
  "sub type 3 does not match super type 2")
;; Continuation types over function types with different arities are
;; unrelated.
(assert_invalid
  (module
    (type $f1 (sub (func (param i32))))
    (type $f2 (sub (func (param i32 i32))))
    (type $c1 (sub (cont $f1)))
    (type $c2 (sub $c1 (cont $f2))))
  "sub type 3 does not match super type 2")
;; A continuation type is final unless declared with `sub` (without `final`);
;; final types have no subtypes.
(assert_invalid
  (module
    (type $f (func))
    (type $c1 (cont $f))
    (type $c2 (sub $c1 (cont $f))))
  "sub type 2 has final super type 1")
(assert_invalid
  (module
    (type $f (func))
    (type $c1 (sub final (cont $f)))
    (type $c2 (sub $c1 (cont $f))))
  "sub type 2 has final super type 1")
;; A non-final continuation type may have a subtype over the same function.
(module
  (type $f (func (result i32)))
  (type $c1 (sub (cont $f)))
  (type $c2 (sub $c1 (cont $f)))
  (func $k (type $f) (i32.const 77))
  (elem declare func $k)
  (func (export "same-function-subtype") (result i32)
    (resume $c1 (block (result (ref $c1)) (cont.new $c2 (ref.func $k)))))
)
(assert_return (invoke "same-function-subtype") (i32.const 77))
;; A continuation type and a type of another kind are never sub and super.
(assert_invalid
  (module
    (type $f (sub (func)))
    (type $c (sub $f (cont $f))))
  "sub type 1 does not match super type 0")
(assert_invalid
  (module
    (type $f (func))
    (type $c (sub (cont $f)))
    (type $g (sub $c (func))))
  "sub type 2 does not match super type 1")
(assert_invalid
  (module
    (type $f (func))
    (type $c (sub (cont $f)))
    (type $s (sub $c (struct))))
  "sub type 2 does not match super type 1")
(assert_invalid
  (module
    (type $f (func))
    (type $c (sub (cont $f)))
    (type $a (sub $c (array i32))))
  "sub type 2 does not match super type 1")
(assert_invalid
  (module
    (type $f (func))
    (type $s (sub (struct)))
    (type $c (sub $s (cont $f))))
  "sub type 2 does not match super type 1")
;; Subtyping is directed: a supertype value does not flow into a subtype.
(assert_invalid
  (module
    (type $f1 (sub (func)))
    (type $f2 (sub $f1 (func)))
    (type $c1 (sub (cont $f1)))
    (type $c2 (sub $c1 (cont $f2)))
    (func (param (ref $c1)) (result (ref $c2)) (local.get 0)))
  "type mismatch")
;; Two distinct subtypes of one continuation type (here they differ in
;; finality) are unrelated to each other.
(assert_invalid
  (module
    (type $f (func))
    (type $c1 (sub (cont $f)))
    (type $c2 (sub $c1 (cont $f)))
    (type $c3 (sub final $c1 (cont $f)))
    (func (param (ref $c2)) (result (ref $c3)) (local.get 0)))
  "type mismatch")
;; Whereas two identical subtype declarations define one and the same type
;; (iso-recursive equivalence), so each converts to the other.
(module
  (type $f (func (result i32)))
  (type $c1 (sub (cont $f)))
  (type $c2 (sub $c1 (cont $f)))
  (type $c3 (sub $c1 (cont $f)))
  (func $k (type $f) (i32.const 88))
  (elem declare func $k)
  (func $run3 (param (ref $c3)) (result i32) (resume $c3 (local.get 0)))
  (func (export "identical-subtypes-equal") (result i32)
    (call $run3 (cont.new $c2 (ref.func $k))))
)
(assert_return (invoke "identical-subtypes-equal") (i32.const 88))
;; A continuation subtype is not a function reference of its function type.
(assert_invalid
  (module
    (type $f1 (sub (func)))
    (type $f2 (sub $f1 (func)))
    (type $c1 (sub (cont $f1)))
    (type $c2 (sub $c1 (cont $f2)))
    (func (param (ref $c2)) (result (ref $f1)) (local.get 0)))
  "type mismatch")
;; A subtype declared before its supertype (even in the same group) is invalid.
(assert_invalid
  (module
    (rec
      (type $f (func))
      (type $c2 (sub $c1 (cont $f)))
      (type $c1 (sub (cont $f)))))
  "forward use of type 2 in sub type definition")


;; ---------------------------------------------------------------------------
;; 4. Null continuation references
;; ---------------------------------------------------------------------------

(module $Nulls
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (func $inc (type $f) (i32.add (local.get 0) (i32.const 1)))
  (elem declare func $inc)

  ;; ref.null of the three kinds of continuation heap type, tested with ref.is_null.
  (func (export "is-null-cont") (result i32) (ref.is_null (ref.null cont)))
  (func (export "is-null-nocont") (result i32) (ref.is_null (ref.null nocont)))
  (func (export "is-null-ct") (result i32) (ref.is_null (ref.null $c)))
  ;; A fresh continuation is not null.
  (func (export "is-null-fresh") (result i32)
    (ref.is_null (cont.new $c (ref.func $inc))))
  ;; A continuation that has been consumed is still a non-null reference.
  (func (export "is-null-consumed") (result i32)
    (local $k (ref $c))
    (local.set $k (cont.new $c (ref.func $inc)))
    (drop (resume $c (i32.const 0) (local.get $k)))
    (ref.is_null (local.get $k)))

  ;; ref.as_non_null passes a continuation through and traps on null.
  (func $maybe (param i32) (result (ref null $c))
    (if (result (ref null $c)) (local.get 0)
      (then (cont.new $c (ref.func $inc)))
      (else (ref.null $c))))
  (func (export "as-non-null") (param i32) (result i32)
    (resume $c (i32.const 41) (ref.as_non_null (call $maybe (local.get 0)))))
  (func (export "as-non-null-cont") (result i32)
    (ref.is_null (ref.as_non_null (ref.null cont))))
  (func (export "as-non-null-nocont") (result i32)
    (ref.is_null (ref.as_non_null (ref.null nocont))))

  ;; br_on_null branches on null, and otherwise leaves a (ref $c) to resume.
  (func (export "br-on-null") (param i32) (result i32)
    (block $null
      (return (resume $c (i32.const 1)
        (br_on_null $null (call $maybe (local.get 0))))))
    (i32.const -1))
  ;; br_on_non_null branches with the (ref $c), and falls through on null.
  (func (export "br-on-non-null") (param i32) (result i32)
    (resume $c (i32.const 2)
      (block $some (result (ref $c))
        (br_on_non_null $some (call $maybe (local.get 0)))
        (return (i32.const -2)))))
  ;; The same on the abstract heap types.
  (func (export "br-on-null-cont") (param i32) (result i32)
    (block $null
      (drop (br_on_null $null
        (block (result (ref null cont)) (call $maybe (local.get 0)))))
      (return (i32.const 1)))
    (i32.const 0))
  (func (export "br-on-non-null-nocont") (result i32)
    (drop (block $some (result (ref nocont))
      (br_on_non_null $some (ref.null nocont))
      (return (i32.const 3))))
    (i32.const 4))
)
(assert_return (invoke "is-null-cont") (i32.const 1))
(assert_return (invoke "is-null-nocont") (i32.const 1))
(assert_return (invoke "is-null-ct") (i32.const 1))
(assert_return (invoke "is-null-fresh") (i32.const 0))
(assert_return (invoke "is-null-consumed") (i32.const 0))
(assert_return (invoke "as-non-null" (i32.const 1)) (i32.const 42))
(assert_trap (invoke "as-non-null" (i32.const 0)) "null reference")
(assert_trap (invoke "as-non-null-cont") "null reference")
(assert_trap (invoke "as-non-null-nocont") "null reference")
(assert_return (invoke "br-on-null" (i32.const 1)) (i32.const 2))
(assert_return (invoke "br-on-null" (i32.const 0)) (i32.const -1))
(assert_return (invoke "br-on-non-null" (i32.const 1)) (i32.const 3))
(assert_return (invoke "br-on-non-null" (i32.const 0)) (i32.const -2))
(assert_return (invoke "br-on-null-cont" (i32.const 1)) (i32.const 1))
(assert_return (invoke "br-on-null-cont" (i32.const 0)) (i32.const 0))
(assert_return (invoke "br-on-non-null-nocont") (i32.const 3))

;; ref.as_non_null keeps the heap type: a (ref cont) is not a (ref $c).
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (param (ref null cont)) (result (ref $c))
      (ref.as_non_null (local.get 0))))
  "type mismatch")
;; ref.null $c has type (ref null $c), which is not a (ref $c).
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (result (ref $c)) (ref.null $c)))
  "type mismatch")
;; br_on_null's fall-through value is (ref $c): not usable as another type.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (type $g (func (param i32))) (type $d (cont $g))
    (func (param (ref null $c)) (result (ref null $d))
      (block $l (br_on_null $l (local.get 0)) (return))
      (ref.null $d)))
  "type mismatch")
;; br_on_non_null's label must accept the continuation reference.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (type $g (func (param i32))) (type $d (cont $g))
    (func (param (ref null $c)) (result (ref $d))
      (block $l (result (ref $d)) (br_on_non_null $l (local.get 0)) (unreachable))))
  "type mismatch")
;; ref.null of a continuation type index is not a null of another type.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (result (ref null $f)) (ref.null $c)))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; 5. Recursion groups and iso-recursive type equivalence
;; ---------------------------------------------------------------------------

;; Within one module: two recursion groups with the same structure define the
;; same types, so a continuation of one resumes as the other.  Two separate
;; single-type groups over equivalent function types are equal as well.
(module
  (rec (type $f1 (func (result i32))) (type $c1 (cont $f1)))
  (rec (type $f2 (func (result i32))) (type $c2 (cont $f2)))
  (type $fa (func (param i32) (result i32)))
  (type $fb (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (type $cb (cont $fb))
  (func $seven (type $f1) (i32.const 7))
  (func $dbl (type $fa) (i32.mul (local.get 0) (i32.const 2)))
  (elem declare func $seven $dbl)
  (func $run2 (param (ref $c2)) (result i32) (resume $c2 (local.get 0)))
  (func (export "equal-rec-groups") (result i32)
    (call $run2 (cont.new $c1 (ref.func $seven))))
  (func (export "equal-single-groups") (result i32)
    (resume $cb (i32.const 8) (cont.new $ca (ref.func $dbl))))
)
(assert_return (invoke "equal-rec-groups") (i32.const 7))
(assert_return (invoke "equal-single-groups") (i32.const 16))

;; Different groups give different types: a group of two is not two groups
;; of one ...
(assert_invalid
  (module
    (rec (type $f1 (func (result i32))) (type $c1 (cont $f1)))
    (type $f2 (func (result i32)))
    (type $c2 (cont $f2))
    (func (param (ref $c1)) (result (ref $c2)) (local.get 0)))
  "type mismatch")
;; ... the order of the types in a group matters ...
(assert_invalid
  (module
    (rec (type $c1 (cont $f1)) (type $f1 (func)))
    (rec (type $f2 (func)) (type $c2 (cont $f2)))
    (func (param (ref $c1)) (result (ref $c2)) (local.get 0)))
  "type mismatch")
;; ... an extra type in the group matters ...
(assert_invalid
  (module
    (rec (type $f1 (func)) (type $c1 (cont $f1)))
    (rec (type $f2 (func)) (type $c2 (cont $f2)) (type (struct)))
    (func (param (ref $c1)) (result (ref $c2)) (local.get 0)))
  "type mismatch")
;; ... the function type the continuation type is built on matters ...
(assert_invalid
  (module
    (rec (type $f1 (func (result i32))) (type $c1 (cont $f1)))
    (rec (type $f2 (func (result i64))) (type $c2 (cont $f2)))
    (func (param (ref $c1)) (result (ref $c2)) (local.get 0)))
  "type mismatch")
;; ... and so does finality: (cont $f) is final, (sub (cont $f)) is not.
(assert_invalid
  (module
    (type $f (func))
    (type $c1 (cont $f))
    (type $c2 (sub (cont $f)))
    (func (param (ref $c1)) (result (ref $c2)) (local.get 0)))
  "type mismatch")

;; Across modules: $IsoA exports a function returning a continuation, an
;; immutable and a mutable global of continuation type, and a function that
;; resumes whatever is in the mutable global.
(module $IsoA
  (rec (type $f (func (param i32) (result i32))) (type $c (cont $f)))
  (func $double (type $f) (i32.mul (local.get 0) (i32.const 2)))
  (elem declare func $double)
  (func (export "make") (result (ref $c)) (cont.new $c (ref.func $double)))
  (global (export "g") (ref null $c) (ref.null $c))
  (global $gm (export "gm") (mut (ref null $c)) (ref.null nocont))
  (func (export "run-gm") (param i32) (result i32)
    (resume $c (local.get 0) (global.get $gm)))
)
(register "types-iso-A" $IsoA)

;; The same recursion group in another module is the same type: the import
;; links, and the continuation made by $IsoA is resumed here ...
(module $IsoB
  (rec (type $f (func (param i32) (result i32))) (type $c (cont $f)))
  (func $make (import "types-iso-A" "make") (result (ref $c)))
  (global $gm (import "types-iso-A" "gm") (mut (ref null $c)))
  (func $triple (type $f) (i32.mul (local.get 0) (i32.const 3)))
  (elem declare func $triple)
  (func (export "resume-imported") (result i32)
    (resume $c (i32.const 21) (call $make)))
  ;; ... and a continuation made here is resumed by $IsoA.
  (func (export "store-local-cont") (global.set $gm (cont.new $c (ref.func $triple))))
)
(assert_return (invoke "resume-imported") (i32.const 42))
(assert_trap (invoke $IsoA "run-gm" (i32.const 5)) "null continuation reference")
(assert_return (invoke $IsoB "store-local-cont"))
(assert_return (invoke $IsoA "run-gm" (i32.const 5)) (i32.const 15))

;; An immutable global of type (ref null $c) may be imported at the supertype
;; (ref null cont).
(module
  (global $g (import "types-iso-A" "g") (ref null cont))
  (func (export "imported-as-cont") (result i32) (ref.is_null (global.get $g)))
)
(assert_return (invoke "imported-as-cont") (i32.const 1))

;; A different recursion group with the same shape of types is a different
;; type, so the imports do not link.
(assert_unlinkable
  (module
    (type $f (func (param i32) (result i32)))
    (type $c (cont $f))
    (func (import "types-iso-A" "make") (result (ref $c))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $f (func (param i32) (result i32)))
    (type $c (cont $f))
    (global (import "types-iso-A" "g") (ref null $c)))
  "incompatible import type")
;; A continuation type over another function type does not link either.
(assert_unlinkable
  (module
    (rec (type $f (func (param i64) (result i32))) (type $c (cont $f)))
    (global (import "types-iso-A" "g") (ref null $c)))
  "incompatible import type")
;; A mutable global's type must match exactly: not even the supertype cont.
(assert_unlinkable
  (module (global (import "types-iso-A" "gm") (mut (ref null cont))))
  "incompatible import type")
;; And a continuation global is not a function-reference global.
(assert_unlinkable
  (module (global (import "types-iso-A" "g") funcref))
  "incompatible import type")


;; ---------------------------------------------------------------------------
;; 6. Continuation references in locals, globals, tables, structs and arrays
;; ---------------------------------------------------------------------------

(module $Storage
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $s (struct (field $k (mut (ref null $c)))))
  (type $sn (struct (field $k (ref $c))))
  (type $st (struct (field $k (mut (ref null cont)))))
  (type $a (array (mut (ref null $c))))

  (func $inc (type $f) (i32.add (local.get 0) (i32.const 1)))
  (func $sq (type $f) (i32.mul (local.get 0) (local.get 0)))
  (elem declare func $inc $sq)

  ;; Locals: a nullable continuation local starts out null; a non-nullable one
  ;; is set before it is read.
  (func (export "local-default-null") (result i32)
    (local $k (ref null $c))
    (ref.is_null (local.get $k)))
  (func (export "local-nonnull") (result i32)
    (local $k (ref $c))
    (local.set $k (cont.new $c (ref.func $sq)))
    (resume $c (i32.const 6) (local.get $k)))
  (func (export "local-tee") (result i32)
    (local $k (ref $c))
    (drop (local.tee $k (cont.new $c (ref.func $inc))))
    (resume $c (i32.const 6) (local.get $k)))
  (func (export "local-top-type") (result i32)
    (local $k (ref cont))
    (local.set $k (cont.new $c (ref.func $inc)))
    (ref.is_null (local.get $k)))

  ;; Globals: default null, store, load and resume.
  (global $g (mut (ref null $c)) (ref.null $c))
  (global $gtop (mut (ref null cont)) (ref.null nocont))
  (global $gconst (ref null $c) (ref.null nocont))
  (func (export "global-default-null") (result i32) (ref.is_null (global.get $g)))
  (func (export "global-const-null") (result i32) (ref.is_null (global.get $gconst)))
  (func (export "global-roundtrip") (result i32)
    (global.set $g (cont.new $c (ref.func $sq)))
    (resume $c (i32.const 9) (global.get $g)))
  (func (export "global-top-type") (result i32)
    (global.set $gtop (cont.new $c (ref.func $sq)))
    (ref.is_null (global.get $gtop)))

  ;; Tables: default null, store, load and resume; grow with a continuation.
  (table $t 2 (ref null $c))
  (table $tinit 1 (ref null $c) (ref.null nocont))
  (table $ttop 1 (ref null cont))
  (func (export "table-default-null") (result i32)
    (ref.is_null (table.get $t (i32.const 1))))
  (func (export "table-init-null") (result i32)
    (ref.is_null (table.get $tinit (i32.const 0))))
  (func (export "table-roundtrip") (result i32)
    (table.set $t (i32.const 1) (cont.new $c (ref.func $inc)))
    (resume $c (i32.const 99) (table.get $t (i32.const 1))))
  (func (export "table-grow") (result i32)
    (local $old i32)
    (local.set $old
      (table.grow $t (cont.new $c (ref.func $sq)) (i32.const 3)))
    ;; old size + new size + k(4) of the last new element
    (i32.add (i32.add (local.get $old) (table.size $t))
      (resume $c (i32.const 4) (table.get $t (i32.const 4)))))
  (func (export "table-top-type") (result i32)
    (table.set $ttop (i32.const 0) (cont.new $c (ref.func $sq)))
    (ref.is_null (table.get $ttop (i32.const 0))))

  ;; Struct fields: a mutable nullable field defaults to null; a continuation
  ;; is stored, loaded and resumed; a non-nullable field is set at creation.
  (func (export "struct-default-null") (result i32)
    (ref.is_null (struct.get $s $k (struct.new_default $s))))
  (func (export "struct-roundtrip") (result i32)
    (local $r (ref $s))
    (local.set $r (struct.new_default $s))
    (struct.set $s $k (local.get $r) (cont.new $c (ref.func $inc)))
    (resume $c (i32.const 10) (struct.get $s $k (local.get $r))))
  (func (export "struct-nonnull-field") (result i32)
    (resume $c (i32.const 12)
      (struct.get $sn $k (struct.new $sn (cont.new $c (ref.func $sq))))))
  (func (export "struct-top-type") (result i32)
    (ref.is_null (struct.get $st $k
      (struct.new $st (cont.new $c (ref.func $sq))))))

  ;; Arrays: default null elements; set, get, resume; arrays built from values.
  (func (export "array-default-null") (result i32)
    (ref.is_null (array.get $a (array.new_default $a (i32.const 3)) (i32.const 2))))
  (func (export "array-roundtrip") (result i32)
    (local $r (ref $a))
    (local.set $r (array.new_default $a (i32.const 3)))
    (array.set $a (local.get $r) (i32.const 1) (cont.new $c (ref.func $sq)))
    (resume $c (i32.const 11) (array.get $a (local.get $r) (i32.const 1))))
  (func (export "array-new-fixed") (result i32)
    (local $r (ref $a))
    (local.set $r (array.new_fixed $a 2
      (cont.new $c (ref.func $inc)) (cont.new $c (ref.func $sq))))
    (i32.add
      (resume $c (i32.const 3) (array.get $a (local.get $r) (i32.const 0)))
      (resume $c (i32.const 3) (array.get $a (local.get $r) (i32.const 1)))))
  ;; array.new repeats one reference: the elements alias one continuation, so
  ;; once it is resumed through element 0 it is consumed for element 1 too.
  (func (export "array-new-alias") (result i32)
    (local $r (ref $a))
    (local.set $r (array.new $a (cont.new $c (ref.func $inc)) (i32.const 2)))
    (drop (resume $c (i32.const 0) (array.get $a (local.get $r) (i32.const 0))))
    (resume $c (i32.const 0) (array.get $a (local.get $r) (i32.const 1))))
)
(assert_return (invoke "local-default-null") (i32.const 1))
(assert_return (invoke "local-nonnull") (i32.const 36))
(assert_return (invoke "local-tee") (i32.const 7))
(assert_return (invoke "local-top-type") (i32.const 0))
(assert_return (invoke "global-default-null") (i32.const 1))
(assert_return (invoke "global-const-null") (i32.const 1))
(assert_return (invoke "global-roundtrip") (i32.const 81))
(assert_return (invoke "global-top-type") (i32.const 0))
(assert_return (invoke "table-default-null") (i32.const 1))
(assert_return (invoke "table-init-null") (i32.const 1))
(assert_return (invoke "table-roundtrip") (i32.const 100))
(assert_return (invoke "table-grow") (i32.const 23))
(assert_return (invoke "table-top-type") (i32.const 0))
(assert_return (invoke "struct-default-null") (i32.const 1))
(assert_return (invoke "struct-roundtrip") (i32.const 11))
(assert_return (invoke "struct-nonnull-field") (i32.const 144))
(assert_return (invoke "struct-top-type") (i32.const 0))
(assert_return (invoke "array-default-null") (i32.const 1))
(assert_return (invoke "array-roundtrip") (i32.const 121))
(assert_return (invoke "array-new-fixed") (i32.const 13))
(assert_trap (invoke "array-new-alias") "continuation already consumed")

;; A table of a continuation subtype can be copied into a table of its
;; supertype; the copied continuation is resumed at the supertype.
(module
  (type $f1 (sub (func (result i32))))
  (type $f2 (sub $f1 (func (result i32))))
  (type $c1 (sub (cont $f1)))
  (type $c2 (sub $c1 (cont $f2)))
  (table $t1 1 (ref null $c1))
  (table $t2 1 (ref null $c2))
  (elem $e (ref null $c2) (ref.null $c2) (ref.null nocont))
  (func $k (type $f2) (i32.const 55))
  (elem declare func $k)
  (func (export "table-copy-sub-to-super") (result i32)
    (table.set $t2 (i32.const 0) (cont.new $c2 (ref.func $k)))
    (table.copy $t1 $t2 (i32.const 0) (i32.const 0) (i32.const 1))
    (resume $c1 (table.get $t1 (i32.const 0))))
  ;; A passive segment of null continuation references initialises a table.
  (func (export "table-init-nulls") (result i32)
    (table.set $t1 (i32.const 0) (cont.new $c1 (ref.func $k)))
    (table.init $t1 $e (i32.const 0) (i32.const 1) (i32.const 1))
    (ref.is_null (table.get $t1 (i32.const 0))))
)
(assert_return (invoke "table-copy-sub-to-super") (i32.const 55))
(assert_return (invoke "table-init-nulls") (i32.const 1))

;; Non-nullable continuation references have no default value: a local must
;; be set before use ...
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (local $k (ref $c)) (drop (local.get $k))))
  "uninitialized local")
;; ... and a set inside a block does not last beyond the block.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func $g (type $f))
    (elem declare func $g)
    (func (local $k (ref $c))
      (block (local.set $k (cont.new $c (ref.func $g))))
      (drop (local.get $k))))
  "uninitialized local")
;; A non-nullable local cannot be set to null.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func (local $k (ref $c)) (local.set $k (ref.null $c))))
  "type mismatch")
;; A table of non-nullable continuations needs an initial value, and none of
;; the constant instructions makes a continuation.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f)) (table 1 (ref $c)))
  "type mismatch")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f)) (table 1 (ref $c) (ref.null $c)))
  "type mismatch")
;; Likewise a global of non-nullable continuation type ...
(assert_invalid
  (module (type $f (func)) (type $c (cont $f)) (global (ref $c) (ref.null $c)))
  "type mismatch")
;; ... and cont.new is not a constant instruction.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func $g (type $f))
    (global (ref null $c) (cont.new $c (ref.func $g))))
  "constant expression required")
;; A global's initial value must have a matching continuation type.
(assert_invalid
  (module
    (type $f (func)) (type $c (cont $f))
    (type $g (func (param i32))) (type $d (cont $g))
    (global (ref null $c) (ref.null $d)))
  "type mismatch")
;; A function reference is not a continuation reference in an element
;; segment of continuation type.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (func $g (type $f))
    (table 1 (ref null $c))
    (elem (table 0) (i32.const 0) (ref null $c) (ref.func $g)))
  "type mismatch")
;; A table of continuations cannot be used by call_indirect.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (table 1 (ref null $c))
    (func (call_indirect 0 (type $f) (i32.const 0))))
  "type mismatch")
;; table.set needs a value of the table's continuation type.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (table 1 (ref null $c))
    (func (param (ref null cont)) (table.set 0 (i32.const 0) (local.get 0))))
  "type mismatch")
;; Copying from a supertype table into a subtype table is invalid.
(assert_invalid
  (module
    (type $f1 (sub (func)))
    (type $f2 (sub $f1 (func)))
    (type $c1 (sub (cont $f1)))
    (type $c2 (sub $c1 (cont $f2)))
    (table $t1 1 (ref null $c1))
    (table $t2 1 (ref null $c2))
    (func (table.copy $t2 $t1 (i32.const 0) (i32.const 0) (i32.const 0))))
  "type mismatch")
;; Struct and array fields: storing the wrong continuation type is invalid.
(assert_invalid
  (module
    (type $f (func)) (type $c (cont $f))
    (type $g (func (param i32))) (type $d (cont $g))
    (type $s (struct (field (mut (ref null $c)))))
    (func (param (ref $s) (ref $d)) (struct.set $s 0 (local.get 0) (local.get 1))))
  "type mismatch")
(assert_invalid
  (module
    (type $f (func)) (type $c (cont $f))
    (type $a (array (mut (ref null $c))))
    (func (param (ref $a) (ref null cont))
      (array.set $a (local.get 0) (i32.const 0) (local.get 1))))
  "type mismatch")
;; A field read has the field's type: (ref null $c) is not a (ref $c).
(assert_invalid
  (module
    (type $f (func)) (type $c (cont $f))
    (type $s (struct (field (ref null $c))))
    (func (param (ref $s)) (result (ref $c)) (struct.get $s 0 (local.get 0))))
  "type mismatch")
;; Struct subtyping over continuation fields: an immutable field may be
;; refined to a continuation subtype (or nocont) ...
(module
  (type $f1 (sub (func (result i32))))
  (type $f2 (sub $f1 (func (result i32))))
  (type $c1 (sub (cont $f1)))
  (type $c2 (sub $c1 (cont $f2)))
  (type $S1 (sub (struct (field (ref null $c1)))))
  (type $S2 (sub $S1 (struct (field (ref null $c2)))))
  (type $S3 (sub $S1 (struct (field (ref null nocont)))))
  (func $k (type $f2) (i32.const 66))
  (elem declare func $k)
  (func (export "struct-sub-field") (result i32)
    (resume $c1 (struct.get $S1 0
      (block (result (ref $S1)) (struct.new $S2 (cont.new $c2 (ref.func $k)))))))
  (func (export "struct-nocont-field") (result i32)
    (ref.is_null (struct.get $S1 0
      (block (result (ref $S1)) (struct.new $S3 (ref.null nocont))))))
)
(assert_return (invoke "struct-sub-field") (i32.const 66))
(assert_return (invoke "struct-nocont-field") (i32.const 1))
;; ... but a mutable field cannot (mutable fields are invariant) ...
(assert_invalid
  (module
    (type $f1 (sub (func)))
    (type $f2 (sub $f1 (func)))
    (type $c1 (sub (cont $f1)))
    (type $c2 (sub $c1 (cont $f2)))
    (type $S1 (sub (struct (field (mut (ref null $c1))))))
    (type $S2 (sub $S1 (struct (field (mut (ref null $c2)))))))
  "sub type 5 does not match super type 4")
;; ... and a field cannot change hierarchy.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $S1 (sub (struct (field funcref))))
    (type $S2 (sub $S1 (struct (field (ref null $c))))))
  "sub type 3 does not match super type 2")
;; Non-nullable continuation fields and elements have no default.
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (type $s (struct (field (ref $c))))
    (func (drop (struct.new_default $s))))
  "field type is not defaultable")
(assert_invalid
  (module (type $f (func)) (type $c (cont $f))
    (type $a (array (ref $c)))
    (func (drop (array.new_default $a (i32.const 1)))))
  "array type is not defaultable")
