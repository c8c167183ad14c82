;; Validation of resume_throw and resume_throw_ref, with suspend handler
;; clauses (on $t $l).
;;
;; Explainer, "Specification changes" > "Instructions":
;;
;;   - `resume_throw <typeidx> <exnidx> hdl*`
;;     - Execute a given continuation, but force it to immediately throw the
;;       annotated exception.
;;     - Used to abort a continuation.
;;     - `resume_throw $ct $e hdl* : [te* (ref null $ct)] -> [t2*]`
;;       - iff `C.types[$ct] ~~ cont [t1*] -> [t2*]`
;;       - and `C.tags[$e] : tag $ft`
;;       - and `C.types[$ft] ~~ func [te*] -> []`
;;       - and `(hdl : t2*)*`
;;
;;   - `resume_throw_ref <typeidx> hdl*`
;;     - Execute a given continuation, but force it to immediately throw the
;;       given exception.
;;     - Used to abort a continuation.
;;     - `resume_throw_ref $ct hdl* : [exnref (ref null $ct)] -> [t2*]`
;;       - iff `C.types[$ct] ~~ cont [t1*] -> [t2*]`
;;       - and `(hdl : t2*)*`
;;
;;   - `(on tu $l) : t*`
;;     - iff `tu : [t1*] -> [t2*]`
;;     - and `C.labels[$l] = [t1'* (ref null? $ct)]`
;;     - and `t1* <: t1'*`
;;     - and `C.types[$ct] ~~ cont [t2'*] -> [t'*]`
;;     - and `[t2*] -> [t*] <: [t2'*] -> [t'*]`
;;
;; Explainer, "Instruction set extension" > "Invoking continuations": "As an
;; exception is being raised (the continuation is not actually being supplied
;; a value) the parameter types for the continuation `t1*` are unconstrained."
;;
;; This file checks those rules: first valid uses at each boundary (t1* ignored,
;; argument and operand subtyping, exnref subtypes, handlers with nullable and
;; non-nullable label continuations and with subtyping, unreachable code), run
;; where that is cheap; then every way each instruction can be ill-typed: the
;; type and tag immediates, the operands, the results, the handlers, and the
;; same in unreachable code. The handler rule itself is tested at length in
;; validation-resume.wast; here each kind of handler error is shown once per
;; instruction. Last come the cases where the reference interpreter disagrees.


;; ---------------------------------------------------------------------------
;; resume_throw: valid uses

;; The continuation's parameters t1* are not supplied: only te*.
(module
  (type $f (func (param i32 i64) (result f32)))
  (type $c (cont $f))
  (tag $e (param f64))
  (func $body (type $f) (f32.const 0))
  (elem declare func $body)
  (func (export "params-unconstrained") (result f32)
    (resume_throw $c $e (f64.const 1) (cont.new $c (ref.func $body))))
)
(assert_exception (invoke "params-unconstrained"))

;; A tag without parameters: only the continuation is consumed.
(module
  (type $f (func (param i32)))
  (type $c (cont $f))
  (tag $e)
  (func $body (type $f))
  (elem declare func $body)
  (func (export "no-tag-params")
    (resume_throw $c $e (cont.new $c (ref.func $body))))
)
(assert_exception (invoke "no-tag-params"))

;; The exception arrives in the continuation and can be caught there; the
;; resume_throw then returns the continuation's results t2*.
(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $g (func (param i32) (result i32)))
  (type $k (cont $g))
  (tag $t (result i32))
  (tag $e (param i32 i32))
  (func $body (type $f)
    (block $h (result i32 i32)
      (try_table (catch $e $h) (return (suspend $t)))
      (unreachable))
    (i32.sub))
  (elem declare func $body)
  (func (export "caught-inside") (result i32)
    (local $k (ref $k))
    (local.set $k
      (block $l (result (ref $k))
        (return (resume $c (on $t $l) (cont.new $c (ref.func $body))))))
    (resume_throw $k $e (i32.const 50) (i32.const 8) (local.get $k)))
)
(assert_return (invoke "caught-inside") (i32.const 42))

;; The tag's arguments are subsumed: a subtype of te* is accepted.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $e (param anyref funcref))
  (func $body (type $f))
  (elem declare func $body)
  (func (export "arg-subtypes")
    (resume_throw $c $e (ref.i31 (i32.const 0)) (ref.func $body)
      (cont.new $c (ref.func $body))))
)
(assert_exception (invoke "arg-subtypes"))

;; The continuation operand is (ref null $ct): a nullable reference, a nocont
;; null and a declared subtype are accepted; nulls fail at run time.
(module
  (type $fs (sub (func (result i32))))
  (type $ft (sub $fs (func (result i32))))
  (type $cs (sub (cont $fs)))
  (type $ct (sub $cs (cont $ft)))
  (tag $e)
  (func $body (type $ft) (i32.const 0))
  (elem declare func $body)
  (func (export "operand-nullable") (param $k (ref null $cs)) (result i32)
    (resume_throw $cs $e (local.get $k)))
  (func (export "operand-nocont") (result i32)
    (resume_throw $cs $e (ref.null nocont)))
  (func (export "operand-declared-sub") (result i32)
    (resume_throw $cs $e (cont.new $ct (ref.func $body))))
)
(assert_trap (invoke "operand-nullable" (ref.null cont)) "null continuation reference")
(assert_trap (invoke "operand-nocont") "null continuation reference")
(assert_exception (invoke "operand-declared-sub"))

;; The tag may be imported, and the same tag may be thrown and handled.
(module $exc
  (tag (export "e") (param i32))
)
(register "exc" $exc)
(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $g (func (result i32)))
  (type $k (cont $g))
  (tag $e (import "exc" "e") (param i32))
  (tag $t)
  (func $body (type $f)
    (block $h (result i32)
      (try_table (catch $e $h) (suspend $t) (return (i32.const 0)))
      (unreachable))
    ;; The exception's payload is suspended with, under the same tag it came
    ;; with.
    (suspend $e)
    (i32.const -1))
  (elem declare func $body)
  (func (export "imported-tag") (result i32)
    (local $k (ref $k))
    (local.set $k
      (block $l (result (ref $k))
        (return (resume $c (on $t $l) (cont.new $c (ref.func $body))))))
    (block $l2 (result i32 (ref $k))
      (return (resume_throw $k $e (on $e $l2) (i32.const 77) (local.get $k))))
    (drop))
)
(assert_return (invoke "imported-tag") (i32.const 77))

;; Handlers on resume_throw: a nullable label continuation, label parameter
;; supertypes, and a label continuation type with subtyping, as for resume.
(module
  (type $f (func (result (ref i31))))
  (type $c (cont $f))
  (type $g (func (param (ref i31)) (result anyref)))
  (type $k (cont $g))
  (tag $t (param (ref i31)) (result anyref))
  (tag $e)
  (func (param (ref $c))
    (drop (block $l (result anyref (ref null $k))
      (drop (resume_throw $c $e (on $t $l) (local.get 0))) (unreachable)))
    (drop))
)


;; ---------------------------------------------------------------------------
;; resume_throw_ref: valid uses

;; The continuation's parameters are not supplied, only an exnref.
(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (tag $e (param i32))
  (func $body (type $f) (local.get 0))
  (elem declare func $body)
  (func (export "rethrow-into") (result i32)
    (local $x exnref)
    (block $h (result exnref)
      (try_table (catch_all_ref $h) (throw $e (i32.const 3)))
      (unreachable))
    (local.set $x)
    (block $h (result i32)
      (try_table (catch $e $h)
        (resume_throw_ref $c (local.get $x) (cont.new $c (ref.func $body)))
        (return))
      (unreachable)))
)
(assert_return (invoke "rethrow-into") (i32.const 3))

;; The exception operand may be non-null (ref exn) or the bottom (ref null
;; noexn); a null fails at run time.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $e)
  (func $body (type $f))
  (elem declare func $body)
  (func (export "non-null-exn")
    (block $h (result (ref exn))
      (try_table (catch_all_ref $h) (throw $e))
      (unreachable))
    (cont.new $c (ref.func $body))
    (resume_throw_ref $c))
  (func (export "noexn")
    (resume_throw_ref $c (ref.null noexn) (cont.new $c (ref.func $body))))
  (func (export "null-exn") (param exnref)
    (resume_throw_ref $c (local.get 0) (cont.new $c (ref.func $body))))
)
(assert_exception (invoke "non-null-exn"))
(assert_trap (invoke "noexn") "null exception reference")
(assert_trap (invoke "null-exn" (ref.null exn)) "null exception reference")

;; The continuation operand is (ref null $ct); nulls fail at run time.
(module
  (type $fs (sub (func)))
  (type $ft (sub $fs (func)))
  (type $cs (sub (cont $fs)))
  (type $ct (sub $cs (cont $ft)))
  (tag $e)
  (func $body (type $ft))
  (elem declare func $body)
  (func $exn (result exnref)
    (block $h (result exnref)
      (try_table (catch_all_ref $h) (throw $e))
      (unreachable)))
  (func (export "ref-operand-nullable") (param $k (ref null $cs))
    (resume_throw_ref $cs (call $exn) (local.get $k)))
  (func (export "ref-operand-nocont")
    (resume_throw_ref $cs (call $exn) (ref.null nocont)))
  (func (export "ref-operand-declared-sub")
    (resume_throw_ref $cs (call $exn) (cont.new $ct (ref.func $body))))
)
(assert_trap (invoke "ref-operand-nullable" (ref.null cont)) "null continuation reference")
(assert_trap (invoke "ref-operand-nocont") "null continuation reference")
(assert_exception (invoke "ref-operand-declared-sub"))

;; Handlers on resume_throw_ref, with a label continuation type that differs
;; from the resumed one by subtyping; the results are t2*.
(module
  (type $f (func (param i64) (result (ref i31))))
  (type $c (cont $f))
  (type $g (func (param (ref i31)) (result anyref)))
  (type $k (cont $g))
  (tag $t (param i32) (result anyref))
  (func (param exnref (ref $c)) (result (ref i31))
    (drop (block $l (result i32 (ref $k))
      (return (resume_throw_ref $c (on $t $l) (local.get 0) (local.get 1)))))
    (unreachable))
)

;; Unreachable code: the operands come from the polymorphic stack.
(module
  (type $f (func (param i32) (result i64)))
  (type $c (cont $f))
  (type $g (func (result i64)))
  (type $k (cont $g))
  (tag $e (param f32))
  (tag $t)
  (func (export "rt-after-unreachable") (result i64)
    (unreachable) (resume_throw $c $e))
  (func (export "rt-after-br") (result i64)
    (block $b (br $b) (resume_throw $c $e) (drop)) (i64.const 1))
  (func (export "rt-after-return") (result i64)
    (return (i64.const 2)) (resume_throw $c $e))
  (func (export "rt-after-throw") (result i64)
    (throw $t) (resume_throw $c $e))
  (func (export "rtr-after-unreachable") (result i64)
    (unreachable) (resume_throw_ref $c))
  (func (export "rtr-after-throw") (result i64)
    (throw $t) (resume_throw_ref $c))
  (func (export "handler-after-br") (result i64)
    (block $out
      (drop (block $l (result (ref $k))
        (br $out) (resume_throw $c $e (on $t $l)) (return))))
    (i64.const 3))
)
(assert_trap (invoke "rt-after-unreachable") "unreachable")
(assert_return (invoke "rt-after-br") (i64.const 1))
(assert_return (invoke "rt-after-return") (i64.const 2))
(assert_exception (invoke "rt-after-throw"))
(assert_trap (invoke "rtr-after-unreachable") "unreachable")
(assert_exception (invoke "rtr-after-throw"))
(assert_return (invoke "handler-after-br") (i64.const 3))


;; ---------------------------------------------------------------------------
;; resume_throw: immediates

(assert_invalid
  (module
    (type $f (func))
    (tag $e)
    (func (param (ref $f)) (resume_throw $f $e (local.get 0))))
  "non-continuation type")

(assert_invalid
  (module
    (type $s (struct))
    (tag $e)
    (func (resume_throw $s $e (ref.null none))))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (resume_throw 40 $e (local.get 0))))
  "unknown type")

;; No tags at all.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (resume_throw $c 0 (local.get 0))))
  "unknown tag")

;; Far out of range.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (resume_throw $c 30 (local.get 0))))
  "unknown tag")


;; ---------------------------------------------------------------------------
;; resume_throw: operands [te* (ref null $ct)]

;; No operands.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (resume_throw $c $e)))
  "type mismatch")

;; The continuation without the tag's argument.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (param (ref $c)) (resume_throw $c $e (local.get 0))))
  "type mismatch")

;; The continuation's parameter instead of the tag's.
(assert_invalid
  (module
    (type $f (func (param i64)))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (param (ref $c)) (resume_throw $c $e (i64.const 0) (local.get 0))))
  "type mismatch")

;; The continuation's parameter in addition to the tag's: t1* is not consumed.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (resume_throw $c $e (i32.const 0) (local.get 0))))
  "type mismatch")

;; Tag arguments in the wrong order.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i32 f32))
    (func (param (ref $c)) (resume_throw $c $e (f32.const 0) (i32.const 0) (local.get 0))))
  "type mismatch")

;; A tag argument that is too general.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param (ref any)))
    (func (param (ref $c)) (resume_throw $c $e (ref.null any) (local.get 0))))
  "type mismatch")

;; An exnref instead of the tag's arguments.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (param (ref $c)) (param exnref) (resume_throw $c $e (local.get 1) (local.get 0))))
  "type mismatch")

;; The continuation below the argument.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (param (ref $c)) (local.get 0) (i32.const 0) (resume_throw $c $e)))
  "type mismatch")

;; A continuation of another type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (result i32)))
    (type $d (cont $g))
    (tag $e)
    (func (param (ref $d)) (resume_throw $c $e (local.get 0))))
  "type mismatch")

;; An abstract continuation.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref cont)) (resume_throw $c $e (local.get 0))))
  "type mismatch")

;; A continuation of a declared supertype.
(assert_invalid
  (module
    (type $fs (sub (func)))
    (type $ft (sub $fs (func)))
    (type $cs (sub (cont $fs)))
    (type $ct (sub $cs (cont $ft)))
    (tag $e)
    (func (param (ref $cs)) (resume_throw $ct $e (local.get 0))))
  "type mismatch")

;; A function reference.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $f)) (resume_throw $c $e (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; resume_throw: results t2*

(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (result i64) (resume_throw $c $e (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (result i32) (resume_throw $c $e (local.get 0))))
  "type mismatch")

;; The results are the continuation's, not the tag's parameters.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (param (ref $c)) (result i32) (resume_throw $c $e (i32.const 0) (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func (result funcref)))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (result (ref func)) (resume_throw $c $e (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; resume_throw: handlers

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c))
      (drop (block (result (ref $c))
        (resume_throw $c $e (on 9 0) (local.get 0)) (unreachable)))))
  "unknown tag")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c))
      (drop (block (result (ref $c))
        (resume_throw $c $e (on $e 2) (local.get 0)) (unreachable)))))
  "unknown label")

;; A label without a continuation.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (tag $t)
    (func (param (ref $c))
      (block $l (resume_throw $c $e (on $t $l) (local.get 0)))))
  "type mismatch")

;; A label whose last type is abstract.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result contref)
        (resume_throw $c $e (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; Label parameters that do not take the handler tag's parameters.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (tag $t (param i64))
    (func (param (ref $c))
      (drop (block $l (result (ref $c))
        (resume_throw $c $e (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The label's parameters are the handler tag's, not the thrown tag's.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i32))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result i32 (ref $c))
        (resume_throw $c $e (on $t $l) (i32.const 0) (local.get 0)) (unreachable)))
      (drop)))
  "type mismatch")

;; A label continuation that does not take the handler tag's results.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (tag $t (result i32))
    (func (param (ref $c))
      (drop (block $l (result (ref $c))
        (resume_throw $c $e (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; A label continuation that does not return the resume_throw's results.
(assert_invalid
  (module
    (type $f (func (result anyref)))
    (type $c (cont $f))
    (type $g (func (result eqref)))
    (type $k (cont $g))
    (tag $e)
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (drop (resume_throw $c $e (on $t $l) (local.get 0))) (unreachable)))))
  "type mismatch")

;; A label continuation whose parameters are covariant instead of
;; contravariant.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param anyref)))
    (type $k (cont $g))
    (tag $e)
    (tag $t (result (ref eq)))
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (resume_throw $c $e (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; resume_throw_ref: the type immediate

(assert_invalid
  (module
    (type $f (func))
    (func (param exnref (ref $f)) (resume_throw_ref $f (local.get 0) (local.get 1))))
  "non-continuation type")

(assert_invalid
  (module
    (type $a (array i8))
    (func (param exnref) (resume_throw_ref $a (local.get 0) (ref.null none))))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param exnref (ref $c)) (resume_throw_ref 40 (local.get 0) (local.get 1))))
  "unknown type")


;; ---------------------------------------------------------------------------
;; resume_throw_ref: operands [exnref (ref null $ct)]

;; No operands.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (resume_throw_ref $c)))
  "type mismatch")

;; The continuation without the exnref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (resume_throw_ref $c (local.get 0))))
  "type mismatch")

;; The continuation's parameter instead of an exnref.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (func (param (ref $c)) (resume_throw_ref $c (i32.const 0) (local.get 0))))
  "type mismatch")

;; An anyref is not an exnref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (resume_throw_ref $c (ref.null any) (local.get 0))))
  "type mismatch")

;; An externref is not an exnref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c) externref) (resume_throw_ref $c (local.get 1) (local.get 0))))
  "type mismatch")

;; The exnref above the continuation instead of below it.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param exnref (ref $c)) (local.get 1) (local.get 0) (resume_throw_ref $c)))
  "type mismatch")

;; A continuation of another type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $d (cont $g))
    (func (param exnref (ref $d)) (resume_throw_ref $c (local.get 0) (local.get 1))))
  "type mismatch")

;; An abstract continuation.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param exnref contref) (resume_throw_ref $c (local.get 0) (local.get 1))))
  "type mismatch")

;; A null of another hierarchy as the continuation.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param exnref) (resume_throw_ref $c (local.get 0) (ref.null noexn))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; resume_throw_ref: results and handlers

(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (func (param exnref (ref $c)) (result f32)
      (resume_throw_ref $c (local.get 0) (local.get 1))))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func (result i32 i32)))
    (type $c (cont $f))
    (func (param exnref (ref $c)) (result i32)
      (resume_throw_ref $c (local.get 0) (local.get 1))))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param exnref (ref $c))
      (drop (block (result (ref $c))
        (resume_throw_ref $c (on 0 0) (local.get 0) (local.get 1)) (unreachable)))))
  "unknown tag")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param exnref (ref $c))
      (drop (block (result (ref $c))
        (resume_throw_ref $c (on $t 3) (local.get 0) (local.get 1)) (unreachable)))))
  "unknown label")

;; A label whose last type is a number.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param exnref (ref $c))
      (drop (block $l (result i32)
        (resume_throw_ref $c (on $t $l) (local.get 0) (local.get 1)) (unreachable)))))
  "type mismatch")

;; A label whose last type is an exnref.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param exnref (ref $c))
      (drop (block $l (result exnref)
        (resume_throw_ref $c (on $t $l) (local.get 0) (local.get 1)) (unreachable)))))
  "type mismatch")

;; Label parameters that do not match the tag's.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param f32))
    (func (param exnref (ref $c))
      (drop (block $l (result f64 (ref $c))
        (resume_throw_ref $c (on $t $l) (local.get 0) (local.get 1)) (unreachable)))
      (drop)))
  "type mismatch")

;; A label continuation type whose results do not match.
(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (type $g (func (result i64)))
    (type $k (cont $g))
    (tag $t)
    (func (param exnref (ref $c))
      (drop (block $l (result (ref $k))
        (drop (resume_throw_ref $c (on $t $l) (local.get 0) (local.get 1)))
        (unreachable)))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; Neither is a constant instruction

(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (tag $e)
    (global i32 (resume_throw $c $e (ref.null $c))))
  "constant expression required")

(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (global i32 (resume_throw_ref $c (ref.null exn) (ref.null $c))))
  "constant expression required")


;; ---------------------------------------------------------------------------
;; Unreachable code: immediates and handlers are still checked, and real
;; operands are still typed

(assert_invalid
  (module
    (type $f (func))
    (tag $e)
    (func (unreachable) (resume_throw $f $e)))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (return) (resume_throw $c 5)))
  "unknown tag")

(assert_invalid
  (module
    (type $s (struct))
    (func (block (br 0) (resume_throw_ref $s))))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $x)
    (func (throw $x) (resume_throw_ref $c (on $x 7))))
  "unknown label")

;; A handler label without a continuation, after unreachable.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (block $l (unreachable) (resume_throw $c $e (on $e $l)))))
  "type mismatch")

;; A tag argument of the wrong type pushed after return.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (param i32))
    (func (param (ref $c)) (return) (i64.const 0) (local.get 0) (resume_throw $c $e)))
  "type mismatch")

;; A non-exnref pushed after unreachable.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (unreachable) (ref.null extern) (local.get 0) (resume_throw_ref $c)))
  "type mismatch")

;; The results are still t2*.
(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (func (result i64) (unreachable) (resume_throw_ref $c)))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The reference interpreter disagrees here: on the two groups below.
;;
;; 1. It accepts a tag with results in resume_throw. The Explainer requires
;;    `C.types[$ft] ~~ func [te*] -> []`: an exception tag has no results.

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (result i32))
    (func (param (ref $c)) (resume_throw $c $e (local.get 0))))
  "non-empty tag result type")

;; Even when the results would match the continuation's.
(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (tag $e (param i64) (result i32))
    (func (param (ref $c)) (result i32) (resume_throw $c $e (i64.const 0) (local.get 0))))
  "non-empty tag result type")

;; And in unreachable code: the condition is on the immediate.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e (result f32))
    (func (unreachable) (resume_throw $c $e)))
  "non-empty tag result type")

;; 2. It accepts a tag index equal to the number of tags (as if each tag were
;;    in the context twice). `C.tags[$e]` requires the index to be in range;
;;    here it is one past the only tag.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $e)
    (func (param (ref $c)) (resume_throw $c 1 (local.get 0))))
  "unknown tag")
