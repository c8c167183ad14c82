;; Validation of cont.bind.
;;
;; Explainer, "Specification changes" > "Instructions":
;;
;;   - `cont.bind <typeidx> <typeidx>`
;;     - Partially apply a continuation.
;;     - `cont.bind $ct $ct' : [t3* (ref null $ct)] -> [(ref $ct')]`
;;       - iff `C.types[$ct] ~~ cont [t3* t1*] -> [t2*]`
;;       - and `C.types[$ct'] ~~ cont [t1'*] -> [t2'*]`
;;       - and `[t1*] -> [t2*] <: [t1'*] -> [t2'*]`
;;
;; The number of bound arguments, |t3*|, is the number of parameters of $ct
;; minus that of $ct'. The last condition is function subtyping: the remaining
;; parameters are contravariant (t1'* <: t1*) and the results covariant
;; (t2* <: t2'*).
;;
;; This file checks that rule: first valid uses at each boundary (binding none,
;; some or all parameters; parameter and result subtyping, nullability; operand
;; subtyping; unreachable code), run where that is cheap; then every way
;; cont.bind can be ill-typed: immediates that are not continuation types or are
;; out of range, binding more parameters than there are, remaining parameters
;; or results that do not match, wrong or missing operands, a result used at a
;; type it does not have, and the same in unreachable code.


;; ---------------------------------------------------------------------------
;; Valid uses

;; Binding nothing: $ct' has the same parameters as $ct, possibly by another
;; name.
(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $g (func (param i32) (result i32)))
  (type $d (cont $g))
  (func $inc (type $f) (i32.add (local.get 0) (i32.const 1)))
  (elem declare func $inc)
  (func (export "bind-none-same") (result i32)
    (resume $c (i32.const 1)
      (cont.bind $c $c (cont.new $c (ref.func $inc)))))
  (func (export "bind-none-equivalent") (result i32)
    (resume $d (i32.const 2)
      (cont.bind $c $d (cont.new $c (ref.func $inc)))))
)
(assert_return (invoke "bind-none-same") (i32.const 2))
(assert_return (invoke "bind-none-equivalent") (i32.const 3))

;; Binding a prefix, and binding every parameter.
(module
  (type $f3 (func (param i32 i64 f32) (result f64)))
  (type $c3 (cont $f3))
  (type $f2 (func (param i64 f32) (result f64)))
  (type $c2 (cont $f2))
  (type $f1 (func (param f32) (result f64)))
  (type $c1 (cont $f1))
  (type $f0 (func (result f64)))
  (type $c0 (cont $f0))
  (func $sum (type $f3)
    (f64.add
      (f64.add (f64.convert_i32_s (local.get 0)) (f64.convert_i64_s (local.get 1)))
      (f64.promote_f32 (local.get 2))))
  (elem declare func $sum)
  (func (export "bind-one") (result f64)
    (resume $c2 (i64.const 20) (f32.const 0.5)
      (cont.bind $c3 $c2 (i32.const 100) (cont.new $c3 (ref.func $sum)))))
  (func (export "bind-two") (result f64)
    (resume $c1 (f32.const 0.25)
      (cont.bind $c3 $c1 (i32.const 1) (i64.const 2)
        (cont.new $c3 (ref.func $sum)))))
  (func (export "bind-all") (result f64)
    (resume $c0
      (cont.bind $c3 $c0 (i32.const 3) (i64.const 4) (f32.const 1.5)
        (cont.new $c3 (ref.func $sum)))))
  ;; Binding in two steps gives the same as binding at once.
  (func (export "bind-twice") (result f64)
    (resume $c0
      (cont.bind $c1 $c0 (f32.const 1.5)
        (cont.bind $c3 $c1 (i32.const 3) (i64.const 4)
          (cont.new $c3 (ref.func $sum))))))
)
(assert_return (invoke "bind-one") (f64.const 120.5))
(assert_return (invoke "bind-two") (f64.const 3.25))
(assert_return (invoke "bind-all") (f64.const 8.5))
(assert_return (invoke "bind-twice") (f64.const 8.5))

;; Contravariant remaining parameters: $ct' may accept less than $ct does
;; (t1'* <: t1*).
(module
  (type $f (func (param i32 anyref) (result i32)))
  (type $c (cont $f))
  (type $g (func (param (ref i31)) (result i32)))
  (type $d (cont $g))
  (func $add (type $f)
    (i32.add (local.get 0) (i31.get_s (ref.cast (ref i31) (local.get 1)))))
  (elem declare func $add)
  (func (export "param-contravariant") (result i32)
    (resume $d (ref.i31 (i32.const 5))
      (cont.bind $c $d (i32.const 10) (cont.new $c (ref.func $add)))))
)
(assert_return (invoke "param-contravariant") (i32.const 15))

;; Contravariance with declared subtypes and nullability: a remaining parameter
;; (ref null $super) may become (ref $sub).
(module
  (type $super (sub (struct (field i32))))
  (type $sub (sub $super (struct (field i32) (field i32))))
  (type $f (func (param (ref null $super)) (result i32)))
  (type $c (cont $f))
  (type $g (func (param (ref $sub)) (result i32)))
  (type $d (cont $g))
  (func $get (type $f) (struct.get $super 0 (local.get 0)))
  (elem declare func $get)
  (func (export "param-sub-nonnull") (result i32)
    (resume $d (struct.new $sub (i32.const 7) (i32.const 8))
      (cont.bind $c $d (cont.new $c (ref.func $get)))))
)
(assert_return (invoke "param-sub-nonnull") (i32.const 7))

;; Covariant results: $ct' may promise more general results (t2* <: t2'*).
(module
  (type $f (func (param i32) (result (ref i31) i32)))
  (type $c (cont $f))
  (type $g (func (result anyref i32)))
  (type $d (cont $g))
  (func $box (type $f) (ref.i31 (local.get 0)) (local.get 0))
  (elem declare func $box)
  (func (export "result-covariant") (result i32)
    (local $r anyref)
    (resume $d (cont.bind $c $d (i32.const 6) (cont.new $c (ref.func $box))))
    (drop)
    (local.set $r)
    (i31.get_u (ref.cast (ref i31) (local.get $r))))
)
(assert_return (invoke "result-covariant") (i32.const 6))

;; Covariant results with nullability: (ref $s) may become (ref null $s), and a
;; continuation result type may become contref.
(module
  (type $s (struct))
  (type $k (func))
  (type $kc (cont $k))
  (type $f (func (result (ref $s) (ref $kc))))
  (type $c (cont $f))
  (type $g (func (result (ref null $s) contref)))
  (type $d (cont $g))
  (func (export "result-nullable") (param (ref $c)) (result (ref $d))
    (cont.bind $c $d (local.get 0)))
)

;; The bound arguments are subsumed: a subtype is accepted for t3*.
(module
  (type $f (func (param anyref eqref) (result i32)))
  (type $c (cont $f))
  (type $g (func (param eqref) (result i32)))
  (type $d (cont $g))
  (type $e (func (result i32)))
  (type $ce (cont $e))
  (func $both-null (type $f)
    (i32.add (ref.is_null (local.get 0)) (ref.is_null (local.get 1))))
  (elem declare func $both-null)
  (func (export "arg-subtype") (result i32)
    (resume $ce
      (cont.bind $d $ce (ref.null none)
        (cont.bind $c $d (ref.i31 (i32.const 0))
          (cont.new $c (ref.func $both-null))))))
)
(assert_return (invoke "arg-subtype") (i32.const 1))

;; The continuation operand is (ref null $ct): nullable references, the bottom
;; nocont and declared subtypes of $ct are accepted; nulls fail at run time.
(module
  (type $fs (sub (func (param i32))))
  (type $ft (sub $fs (func (param i32))))
  (type $cs (sub (cont $fs)))
  (type $ct (sub $cs (cont $ft)))
  (type $e (func))
  (type $ce (cont $e))
  (func $nop (type $ft))
  (elem declare func $nop)
  (func (export "operand-nullable") (param $k (ref null $cs))
    (resume $ce (cont.bind $cs $ce (i32.const 0) (local.get $k))))
  (func (export "operand-nocont")
    (resume $ce (cont.bind $cs $ce (i32.const 0) (ref.null nocont))))
  (func (export "operand-declared-sub")
    (resume $ce (cont.bind $cs $ce (i32.const 0) (cont.new $ct (ref.func $nop)))))
)
(assert_trap (invoke "operand-nullable" (ref.null cont)) "null continuation reference")
(assert_trap (invoke "operand-nocont") "null continuation reference")
(assert_return (invoke "operand-declared-sub"))

;; The result (ref $ct') is non-nullable and has the supertypes of (ref $ct').
(module
  (type $f (func (param i32)))
  (type $c (cont $f))
  (type $e (func))
  (type $ce (cont $e))
  (func $take (param (ref $ce)))
  (func (export "result-supertypes") (param (ref $c)) (result contref (ref cont) (ref null $ce))
    (call $take (cont.bind $c $ce (i32.const 0) (local.get 0)))
    (cont.bind $c $ce (i32.const 1) (local.get 0))
    (cont.bind $c $ce (i32.const 2) (local.get 0))
    (cont.bind $c $ce (i32.const 3) (local.get 0)))
)

;; In unreachable code the operands come from the polymorphic stack, after
;; unreachable, br, return and throw alike.
(module
  (type $f (func (param i32 i64) (result i32)))
  (type $c (cont $f))
  (type $g (func (param i64) (result i32)))
  (type $d (cont $g))
  (tag $x)
  (func (export "after-unreachable") (result (ref $d))
    (unreachable) (cont.bind $c $d))
  (func (export "after-br") (result (ref $d))
    (block $b (br $b) (cont.bind $c $d) (drop)) (unreachable))
  (func (export "after-return")
    (return) (cont.bind $c $d) (drop))
  (func (export "after-throw") (result (ref $d))
    (throw $x) (cont.bind $c $d))
  ;; Only the continuation from the stack, the i32 from the polymorphic stack.
  (func (export "half-polymorphic") (param (ref $c)) (result (ref $d))
    (unreachable) (local.get 0) (cont.bind $c $d))
)
(assert_trap (invoke "after-unreachable") "unreachable")
(assert_trap (invoke "after-br") "unreachable")
(assert_return (invoke "after-return"))
(assert_exception (invoke "after-throw"))


;; ---------------------------------------------------------------------------
;; Both immediates must be continuation types

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (drop (cont.bind $f $c (local.get 0)))))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (drop (cont.bind $c $f (local.get 0)))))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $s (struct))
    (type $c (cont $f))
    (func (drop (cont.bind $s $c (ref.null none)))))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $a (array i32))
    (type $c (cont $f))
    (func (param (ref $c)) (drop (cont.bind $c $a (local.get 0)))))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (drop (cont.bind 50 $c (local.get 0)))))
  "unknown type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (drop (cont.bind $c 50 (local.get 0)))))
  "unknown type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (drop (cont.bind 1000 1000 (local.get 0)))))
  "unknown type")


;; ---------------------------------------------------------------------------
;; $ct' must not have more parameters than $ct

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func (param i32 i32)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

;; Even where the extra parameters would have been bound first.
(assert_invalid
  (module
    (type $f (func (param i32) (result i32)))
    (type $c (cont $f))
    (type $g (func (param i64 i32) (result i32)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The remaining parameters t1* must accept t1'*: suffix, contravariance

;; Binding the suffix instead of the prefix: the remaining parameter would be
;; the i32, not the i64.
(assert_invalid
  (module
    (type $f (func (param i32 i64)))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (i64.const 0) (local.get 0)))))
  "type mismatch")

;; Same count, different number type.
(assert_invalid
  (module
    (type $f (func (param i64)))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

;; Covariant instead of contravariant: $ct' would pass an anyref where $ct
;; needs an i31.
(assert_invalid
  (module
    (type $f (func (param (ref i31))))
    (type $c (cont $f))
    (type $g (func (param anyref)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

;; Nullability: $ct' would pass a null where $ct needs a non-null reference.
(assert_invalid
  (module
    (type $s (struct))
    (type $f (func (param (ref $s))))
    (type $c (cont $f))
    (type $g (func (param (ref null $s))))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

;; Declared subtyping the wrong way round.
(assert_invalid
  (module
    (type $super (sub (struct)))
    (type $sub (sub $super (struct)))
    (type $f (func (param i32 (ref $sub))))
    (type $c (cont $f))
    (type $g (func (param (ref $super))))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (i32.const 0) (local.get 0)))))
  "type mismatch")

;; A parameter of an unrelated hierarchy.
(assert_invalid
  (module
    (type $f (func (param externref)))
    (type $c (cont $f))
    (type $g (func (param anyref)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The results t2* must be subtypes of t2'*

;; $ct' has a result $ct does not produce.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (result i32)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

;; $ct' drops a result $ct produces.
(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

;; A different number type.
(assert_invalid
  (module
    (type $f (func (param i32) (result f32)))
    (type $c (cont $f))
    (type $g (func (result f64)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (i32.const 0) (local.get 0)))))
  "type mismatch")

;; Contravariant instead of covariant.
(assert_invalid
  (module
    (type $f (func (result anyref)))
    (type $c (cont $f))
    (type $g (func (result (ref i31))))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

;; Nullability: $ct may produce a null that $ct' says cannot occur.
(assert_invalid
  (module
    (type $f (func (result funcref)))
    (type $c (cont $f))
    (type $g (func (result (ref func))))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

;; Results in a different order.
(assert_invalid
  (module
    (type $f (func (result i32 i64)))
    (type $c (cont $f))
    (type $g (func (result i64 i32)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The operands must be t3* (ref null $ct)

;; No operands at all.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (drop (cont.bind $c $c))))
  "type mismatch")

;; The continuation but not the bound argument.
(assert_invalid
  (module
    (type $f (func (param i32 i64)))
    (type $c (cont $f))
    (type $g (func (param i64)))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (local.get 0)))))
  "type mismatch")

;; Only one of two bound arguments.
(assert_invalid
  (module
    (type $f (func (param i32 i64)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (i64.const 0) (local.get 0)))))
  "type mismatch")

;; A bound argument of the wrong type.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c)) (drop (cont.bind $c $d (f32.const 0) (local.get 0)))))
  "type mismatch")

;; A bound reference argument that is too general.
(assert_invalid
  (module
    (type $f (func (param eqref)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c)) (param anyref)
      (drop (cont.bind $c $d (local.get 1) (local.get 0)))))
  "type mismatch")

;; Bound arguments in the wrong order.
(assert_invalid
  (module
    (type $f (func (param i32 i64)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c))
      (drop (cont.bind $c $d (i64.const 0) (i32.const 0) (local.get 0)))))
  "type mismatch")

;; The continuation below the arguments instead of above them.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c)) (result (ref $d))
      (local.get 0) (i32.const 0) (cont.bind $c $d)))
  "type mismatch")

;; A continuation of the target type $ct' instead of $ct.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $d)) (drop (cont.bind $c $d (i32.const 0) (local.get 0)))))
  "type mismatch")

;; An abstract continuation reference.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref cont)) (drop (cont.bind $c $c (local.get 0)))))
  "type mismatch")

;; A continuation of a declared supertype of $ct.
(assert_invalid
  (module
    (type $fs (sub (func)))
    (type $ft (sub $fs (func)))
    (type $cs (sub (cont $fs)))
    (type $ct (sub $cs (cont $ft)))
    (func (param (ref $cs)) (drop (cont.bind $ct $ct (local.get 0)))))
  "type mismatch")

;; A function reference of $ct's function type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (drop (cont.bind $c $c (local.get 0)))))
  "type mismatch")

;; A null of another hierarchy.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (drop (cont.bind $c $c (ref.null nofunc)))))
  "type mismatch")

;; An extra argument left on the stack after binding.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c)) (result (ref $d))
      (cont.bind $c $d (i32.const 0) (i32.const 0) (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The result is exactly (ref $ct')

;; Not $ct.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c)) (result (ref $c))
      (cont.bind $c $d (i32.const 0) (local.get 0))))
  "type mismatch")

;; Not nocont.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (result (ref null nocont))
      (cont.bind $c $c (local.get 0))))
  "type mismatch")

;; Not a function reference.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (result funcref)
      (cont.bind $c $c (local.get 0))))
  "type mismatch")

;; Not the bound arguments followed by a continuation.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c)) (result i32 (ref $d))
      (cont.bind $c $d (i32.const 0) (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; cont.bind is not a constant instruction

(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (global (ref null $d) (cont.bind $c $d (i32.const 0) (ref.null $c))))
  "constant expression required")


;; ---------------------------------------------------------------------------
;; Unreachable code: the side conditions on the immediates still hold, and real
;; operands are still checked

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (unreachable) (cont.bind $f $c) (drop)))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (return) (cont.bind $c 7) (drop)))
  "unknown type")

;; Too many parameters in $ct', after br.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func (param i32 i32)))
    (type $d (cont $g))
    (func (block $b (br $b) (cont.bind $c $d) (drop))))
  "type mismatch")

;; Remaining parameters that do not match, after unreachable.
(assert_invalid
  (module
    (type $f (func (param i64)))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $d (cont $g))
    (func (unreachable) (cont.bind $c $d) (drop)))
  "type mismatch")

;; Results that do not match, after throw.
(assert_invalid
  (module
    (type $f (func (result i64)))
    (type $c (cont $f))
    (type $g (func (result i32)))
    (type $d (cont $g))
    (tag $x)
    (func (throw $x) (cont.bind $c $d) (drop)))
  "type mismatch")

;; A continuation of the wrong type pushed after unreachable.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $d)) (unreachable) (local.get 0) (cont.bind $c $d) (drop)))
  "type mismatch")

;; A bound argument of the wrong type pushed after return.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (param (ref $c)) (return) (i64.const 0) (local.get 0) (cont.bind $c $d) (drop)))
  "type mismatch")

;; The result is still (ref $ct').
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $d (cont $g))
    (func (result (ref $c)) (unreachable) (cont.bind $c $d)))
  "type mismatch")
