;; Validation of suspend.
;;
;; Explainer, "Specification changes" > "Instructions":
;;
;;   - `suspend <taguse>`
;;     - Use a control tag to suspend the current computation.
;;     - `suspend tu : [t1*] -> [t2*]`
;;       - iff `tu : func [t1*] -> [t2*]`
;;
;; Explainer, "Specification changes" > "Tags":
;;
;;   - `$e : [t1*] -> [t2*]`
;;     - iff `C.tags[$e] = tag $ft`
;;     - and `C.types[$ft] ~~ func [t1*] -> [t2*]`
;;
;; This file checks that rule: first valid uses of suspend (tags with and
;; without parameters and results, declared by type index or inline, imported;
;; argument and result subtyping; unreachable code), run where that is cheap;
;; then every way suspend can be ill-typed: an unknown tag, wrong, missing or
;; extra arguments, results used at types they do not have, use in a constant
;; expression, and the same in unreachable code. Last comes a case where the
;; reference interpreter disagrees.


;; ---------------------------------------------------------------------------
;; Valid uses

;; A tag without parameters or results: suspend is [] -> [].
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $t)
  (func $body (type $f) (suspend $t))
  (elem declare func $body)
  (func (export "nullary") (result i32)
    (drop (block $l (result (ref $c))
      (resume $c (on $t $l) (cont.new $c (ref.func $body)))
      (return (i32.const 0))))
    (i32.const 1))
)
(assert_return (invoke "nullary") (i32.const 1))

;; Parameters t1* are the arguments, results t2* what the resumer sends back.
(module
  (type $f (func (result i64)))
  (type $c (cont $f))
  (type $g (func (param i64 i32) (result i64)))
  (type $k (cont $g))
  (tag $t (param i32 f32) (result i64 i32))
  (func $body (type $f)
    (local $r i32)
    (suspend $t (i32.const 4) (f32.const 2.5))
    (local.set $r)
    (i64.add (i64.extend_i32_u (local.get $r))))
  (elem declare func $body)
  (func (export "params-results") (result i64)
    (local $k (ref $k))
    (local $x f32)
    (block $l (result i32 f32 (ref $k))
      (return (resume $c (on $t $l) (cont.new $c (ref.func $body)))))
    (local.set $k)
    (local.set $x)
    (i64.extend_i32_u)
    (i32.trunc_f32_u (local.get $x))
    (resume $k (local.get $k)))
)
(assert_return (invoke "params-results") (i64.const 6))

;; A tag declared with a type index, whose function type has results.
(module
  (type $ft (func (param i32) (result i32)))
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $k (cont $ft))
  (tag $t (type $ft))
  (func $body (type $f) (i32.mul (suspend $t (i32.const 5)) (i32.const 2)))
  (elem declare func $body)
  (func (export "type-index-tag") (result i32)
    (local $k (ref $k))
    (block $l (result i32 (ref $k))
      (return (resume $c (on $t $l) (cont.new $c (ref.func $body)))))
    (local.set $k)
    (resume $k (i32.add (i32.const 1)) (local.get $k)))
)
(assert_return (invoke "type-index-tag") (i32.const 12))

;; An imported tag, suspended on in the importing module and handled in it.
(module $tags
  (tag (export "t") (param i64) (result i64))
)
(register "tags" $tags)
(module
  (type $f (func (result i64)))
  (type $c (cont $f))
  (type $g (func (param i64) (result i64)))
  (type $k (cont $g))
  (tag $t (import "tags" "t") (param i64) (result i64))
  (func $body (type $f) (suspend $t (i64.const 10)))
  (elem declare func $body)
  (func (export "imported-tag") (result i64)
    (local $k (ref $k))
    (block $l (result i64 (ref $k))
      (return (resume $c (on $t $l) (cont.new $c (ref.func $body)))))
    (local.set $k)
    (resume $k (i64.mul (i64.const 3)) (local.get $k)))
)
(assert_return (invoke "imported-tag") (i64.const 30))

;; Arguments are subsumed: subtypes of t1* are accepted (a non-null i31 for an
;; anyref, a nofunc null for a nullable function type).
(module
  (type $fn (func))
  (tag $t (param anyref (ref null $fn)))
  (func (export "arg-subtypes")
    (suspend $t (ref.i31 (i32.const 1)) (ref.null nofunc)))
)
(assert_suspension (invoke "arg-subtypes") "unhandled tag")

;; Results are exactly t2*, usable at their supertypes.
(module
  (type $s (struct))
  (tag $t (result (ref $s) (ref i31)))
  (func (export "result-supertypes") (result structref anyref)
    (suspend $t))
)
(assert_suspension (invoke "result-supertypes") "unhandled tag")

;; suspend is valid in any function, inside blocks, loops and try_tables, with
;; or without an enclosing handler: a missing handler is a run-time matter.
(module
  (tag $t (param i32) (result i32))
  (tag $x)
  (func (export "nested") (result i32)
    (block $done
      (loop
        (try_table (catch_all $done)
          (return (suspend $t (i32.const 0))))))
    (i32.const -1))
)
(assert_suspension (invoke "nested") "unhandled tag")

;; In unreachable code the arguments come from the polymorphic stack, after
;; unreachable, br, return and throw alike; only some arguments may be real.
(module
  (tag $t (param i32 i64) (result f32))
  (tag $x)
  (func (export "after-unreachable") (result f32)
    (unreachable) (suspend $t))
  (func (export "after-br") (result f32)
    (block $b (br $b) (suspend $t) (drop)) (f32.const 1))
  (func (export "after-return") (result f32)
    (return (f32.const 2)) (suspend $t))
  (func (export "after-throw") (result f32)
    (throw $x) (suspend $t))
  (func (export "half-polymorphic") (result f32)
    (unreachable) (i64.const 0) (suspend $t))
)
(assert_trap (invoke "after-unreachable") "unreachable")
(assert_return (invoke "after-br") (f32.const 1))
(assert_return (invoke "after-return") (f32.const 2))
(assert_exception (invoke "after-throw"))
(assert_trap (invoke "half-polymorphic") "unreachable")


;; ---------------------------------------------------------------------------
;; The tag must exist

(assert_invalid
  (module (func (suspend 0)))
  "unknown tag")

(assert_invalid
  (module
    (tag $t)
    (func (suspend 100)))
  "unknown tag")

;; Tags are not functions, types or globals: their index spaces are separate.
(assert_invalid
  (module
    (type $f (func))
    (func $g)
    (global $h i32 (i32.const 0))
    (func (suspend 0)))
  "unknown tag")

;; Imported tags and defined tags share one index space (two tags here).
(assert_invalid
  (module
    (tag (import "tags" "t") (param i64) (result i64))
    (tag $u)
    (func (suspend 4)))
  "unknown tag")


;; ---------------------------------------------------------------------------
;; The arguments must be t1*

;; Missing argument.
(assert_invalid
  (module
    (tag $t (param i32))
    (func (suspend $t)))
  "type mismatch")

;; One of two arguments.
(assert_invalid
  (module
    (tag $t (param i32 i32))
    (func (suspend $t (i32.const 0))))
  "type mismatch")

;; An argument of the wrong type.
(assert_invalid
  (module
    (tag $t (param i32))
    (func (suspend $t (f32.const 0))))
  "type mismatch")

;; Arguments in the wrong order.
(assert_invalid
  (module
    (tag $t (param i64 f64))
    (func (suspend $t (f64.const 0) (i64.const 0))))
  "type mismatch")

;; A reference argument that is too general.
(assert_invalid
  (module
    (tag $t (param eqref))
    (func (param anyref) (suspend $t (local.get 0))))
  "type mismatch")

;; A nullable argument for a non-null parameter.
(assert_invalid
  (module
    (tag $t (param (ref extern)))
    (func (suspend $t (ref.null extern))))
  "type mismatch")

;; A reference from another hierarchy.
(assert_invalid
  (module
    (tag $t (param funcref))
    (func (param externref) (suspend $t (local.get 0))))
  "type mismatch")

;; A declared supertype for a subtype parameter.
(assert_invalid
  (module
    (type $super (sub (struct)))
    (type $sub (sub $super (struct)))
    (tag $t (param (ref null $sub)))
    (func (param (ref $super)) (suspend $t (local.get 0))))
  "type mismatch")

;; A continuation for a function-typed parameter of the same function type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param (ref null $f)))
    (func (param (ref $c)) (suspend $t (local.get 0))))
  "type mismatch")

;; An extra argument is left on the stack: the function has no results.
(assert_invalid
  (module
    (tag $t (param i32))
    (func (suspend $t (i32.const 0) (i32.const 1))))
  "type mismatch")

;; The tag's results are not arguments.
(assert_invalid
  (module
    (tag $t (result i32))
    (func (result i32) (suspend $t (i32.const 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The results are exactly t2*

;; Missing result.
(assert_invalid
  (module
    (tag $t)
    (func (result i32) (suspend $t)))
  "type mismatch")

;; An extra result.
(assert_invalid
  (module
    (tag $t (result i32))
    (func (suspend $t)))
  "type mismatch")

;; A result of another type.
(assert_invalid
  (module
    (tag $t (result i32))
    (func (result i64) (suspend $t)))
  "type mismatch")

;; Results in the wrong order.
(assert_invalid
  (module
    (tag $t (result i32 f32))
    (func (result f32 i32) (suspend $t)))
  "type mismatch")

;; A result used at a subtype.
(assert_invalid
  (module
    (tag $t (result anyref))
    (func (result (ref null i31)) (suspend $t)))
  "type mismatch")

;; A nullable result used as non-null.
(assert_invalid
  (module
    (type $s (struct))
    (tag $t (result (ref null $s)))
    (func (result (ref $s)) (suspend $t)))
  "type mismatch")

;; The parameters are not returned.
(assert_invalid
  (module
    (tag $t (param i32))
    (func (result i32) (suspend $t (i32.const 0))))
  "type mismatch")

;; A tag declared with a type index: its results are the function type's.
(assert_invalid
  (module
    (type $ft (func (param i32) (result i64)))
    (tag $t (type $ft))
    (func (result i32) (suspend $t (i32.const 0))))
  "type mismatch")

;; An imported tag: its results are the import's.
(assert_invalid
  (module
    (tag $t (import "tags" "t") (param i64) (result i64))
    (func (result i32) (suspend $t (i64.const 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; suspend is not a constant instruction

(assert_invalid
  (module
    (tag $t (result i32))
    (global i32 (suspend $t)))
  "constant expression required")

(assert_invalid
  (module
    (tag $t)
    (global i32 (suspend $t) (i32.const 0)))
  "constant expression required")


;; ---------------------------------------------------------------------------
;; Unreachable code: the tag is still checked, and so are real operands and
;; the results

(assert_invalid
  (module (func (unreachable) (suspend 0)))
  "unknown tag")

(assert_invalid
  (module
    (tag $t)
    (func (block $b (br $b) (suspend 9))))
  "unknown tag")

(assert_invalid
  (module
    (tag $t (param i32))
    (func (return) (i64.const 0) (suspend $t)))
  "type mismatch")

(assert_invalid
  (module
    (tag $t (param i32 i32))
    (tag $x)
    (func (throw $x) (f32.const 0) (suspend $t)))
  "type mismatch")

(assert_invalid
  (module
    (tag $t (result i32))
    (func (result i64) (unreachable) (suspend $t)))
  "type mismatch")

(assert_invalid
  (module
    (tag $t (result i32 i32))
    (func (result i32) (return (i32.const 0)) (suspend $t)))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The reference interpreter disagrees here: it accepts a tag index equal to
;; the number of tags (as if every tag were in the context twice). The
;; Explainer's `C.tags[$e] = tag $ft` requires the index to be in range; here
;; it is one past the only tag.

(assert_invalid
  (module
    (tag $t)
    (func (suspend 1)))
  "unknown tag")
