;; Validation of resume and of its suspend handler clauses (on $t $l).
;;
;; Explainer, "Specification changes" > "Instructions":
;;
;;   - `resume <typeidx> hdl*`
;;     - Execute a given continuation.
;;       - If the executed continuation suspends with a control tag `$t`, the
;;         corresponding handler `(on $t H)` is executed.
;;     - `resume $ct hdl* : [t1* (ref null $ct)] -> [t2*]`
;;       - iff `C.types[$ct] ~~ cont [t1*] -> [t2*]`
;;       - and `(hdl : t2*)*`
;;
;;   - `hdl = (on <taguse> <labelidx>) | (on <taguse> switch)`
;;     - `(on tu $l) : t*`
;;       - iff `tu : [t1*] -> [t2*]`
;;       - and `C.labels[$l] = [t1'* (ref null? $ct)]`
;;       - and `t1* <: t1'*`
;;       - and `C.types[$ct] ~~ cont [t2'*] -> [t'*]`
;;       - and `[t2*] -> [t*] <: [t2'*] -> [t'*]`
;;
;; Explainer, "Specification changes" > "Tags":
;;
;;   - `$e : [t1*] -> [t2*]`
;;     - iff `C.tags[$e] = tag $ft`
;;     - and `C.types[$ft] ~~ func [t1*] -> [t2*]`
;;
;; In a handler (on $t $l) the label receives the tag's parameters t1* followed
;; by the suspended continuation, whose type takes the tag's results t2* and
;; returns the resume's results t*. The label's continuation type may be any
;; continuation type whose function type is a supertype of [t2*] -> [t*]:
;; contravariant in parameters, covariant in results. (on $t switch) handlers
;; are tested in validation-switch.wast, not here.
;;
;; This file checks those rules: first valid uses of resume and of handlers at
;; each boundary (operand subtyping, nullable and non-nullable label
;; continuations, subtyping of label parameters and of the label continuation's
;; function type, labels of blocks, loops, ifs and the function body, several
;; handlers, unreachable code), run where that is cheap; then every way each can
;; be ill-typed: the type immediate, the operands, the results, unknown tags and
;; labels, labels of the wrong arity or types, label continuation types that do
;; not match, and the same in unreachable code.


;; ---------------------------------------------------------------------------
;; resume: valid uses

;; No handlers, no parameters: the continuation just runs.
(module
  (type $f (func))
  (type $c (cont $f))
  (global $ran (mut i32) (i32.const 0))
  (func $body (type $f) (global.set $ran (i32.const 1)))
  (elem declare func $body)
  (func (export "no-handlers") (result i32)
    (resume $c (cont.new $c (ref.func $body)))
    (global.get $ran))
)
(assert_return (invoke "no-handlers") (i32.const 1))

;; Parameters t1* are consumed below the continuation, results t2* produced.
(module
  (type $f (func (param i32 i64) (result i64 i32)))
  (type $c (cont $f))
  (func $swap (type $f) (local.get 1) (local.get 0))
  (elem declare func $swap)
  (func (export "params-results") (result i64 i32)
    (resume $c (i32.const 1) (i64.const 2) (cont.new $c (ref.func $swap))))
)
(assert_return (invoke "params-results") (i64.const 2) (i32.const 1))

;; Arguments are subsumed: a subtype of t1* is accepted.
(module
  (type $f (func (param anyref) (result i32)))
  (type $c (cont $f))
  (func $is-i31 (type $f) (ref.test (ref i31) (local.get 0)))
  (elem declare func $is-i31)
  (func (export "arg-subtype") (result i32)
    (resume $c (ref.i31 (i32.const 3)) (cont.new $c (ref.func $is-i31))))
)
(assert_return (invoke "arg-subtype") (i32.const 1))

;; The continuation operand is (ref null $ct): a nullable reference, a nocont
;; null and a declared subtype of $ct are accepted; nulls fail at run time.
(module
  (type $fs (sub (func (result i32))))
  (type $ft (sub $fs (func (result i32))))
  (type $cs (sub (cont $fs)))
  (type $ct (sub $cs (cont $ft)))
  (func $seven (type $ft) (i32.const 7))
  (elem declare func $seven)
  (func (export "operand-nullable") (param $k (ref null $cs)) (result i32)
    (resume $cs (local.get $k)))
  (func (export "operand-nocont") (result i32)
    (resume $cs (ref.null nocont)))
  (func (export "operand-declared-sub") (result i32)
    (resume $cs (cont.new $ct (ref.func $seven))))
)
(assert_trap (invoke "operand-nullable" (ref.null cont)) "null continuation reference")
(assert_trap (invoke "operand-nocont") "null continuation reference")
(assert_return (invoke "operand-declared-sub") (i32.const 7))

;; Continuation types are equivalent when their function types are: two
;; declarations over the same function type, or over identical ones.
(module
  (type $f (func (result i32)))
  (type $f2 (func (result i32)))
  (type $c (cont $f))
  (type $c-same (cont $f))
  (type $c-identical (cont $f2))
  (func $one (type $f) (i32.const 1))
  (elem declare func $one)
  (func (export "equivalent-cont-types") (result i32)
    (i32.add
      (resume $c (cont.new $c-same (ref.func $one)))
      (resume $c (cont.new $c-identical (ref.func $one)))))
)
(assert_return (invoke "equivalent-cont-types") (i32.const 2))

;; The results are exactly t2*, usable at their supertypes.
(module
  (type $f (func (result (ref i31))))
  (type $c (cont $f))
  (func $box (type $f) (ref.i31 (i32.const 4)))
  (elem declare func $box)
  (func (export "result-supertype") (result i32)
    (local $r anyref)
    (local.set $r (resume $c (cont.new $c (ref.func $box))))
    (i31.get_s (ref.cast (ref i31) (local.get $r))))
)
(assert_return (invoke "result-supertype") (i32.const 4))


;; ---------------------------------------------------------------------------
;; (on $t $l): valid handlers

;; The simplest handler: no tag parameters or results, a non-nullable label
;; continuation. The handler is taken when the body suspends.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $t)
  (func $body (type $f) (suspend $t))
  (elem declare func $body)
  (func (export "handled") (result i32)
    (drop
      (block $l (result (ref $c))
        (resume $c (on $t $l) (cont.new $c (ref.func $body)))
        (return (i32.const 0))))
    (i32.const 1))
)
(assert_return (invoke "handled") (i32.const 1))

;; Tag parameters t1* precede the continuation in the label; the continuation
;; takes the tag's results t2* and returns the resume's results.
(module
  (type $f (func (result i64)))
  (type $c (cont $f))
  (type $g (func (param i32) (result i64)))
  (type $k (cont $g))
  (tag $t (param i64 i32) (result i32))
  (func $body (type $f)
    (i64.extend_i32_u (suspend $t (i64.const 40) (i32.const 2))))
  (elem declare func $body)
  (func (export "params-and-continuation") (result i64)
    (local $k (ref $k))
    (local $b i32)
    (block $l (result i64 i32 (ref $k))
      (return (resume $c (on $t $l) (cont.new $c (ref.func $body)))))
    (local.set $k)
    (local.set $b)
    ;; Resume the captured continuation with a + b: the body returns it.
    (resume $k (i32.add (i32.wrap_i64) (local.get $b)) (local.get $k)))
)
(assert_return (invoke "params-and-continuation") (i64.const 42))

;; A nullable label continuation type (ref null $k) is accepted.
(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $g (func (param i32) (result i32)))
  (type $k (cont $g))
  (tag $t (result i32))
  (func $body (type $f) (i32.mul (suspend $t) (i32.const 3)))
  (elem declare func $body)
  (func (export "nullable-label") (result i32)
    (resume $k (i32.const 5)
      (block $l (result (ref null $k))
        (return (resume $c (on $t $l) (cont.new $c (ref.func $body)))))))
)
(assert_return (invoke "nullable-label") (i32.const 15))

;; t1* <: t1'*: the label may take supertypes of the tag's parameters.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $t (param (ref i31) (ref $c)))
  (func $body (type $f) (suspend $t (ref.i31 (i32.const 9)) (cont.new $c (ref.func $body))))
  (elem declare func $body)
  (func (export "label-param-supertypes") (result i32)
    (local $v anyref)
    (block $l (result anyref contref (ref null $c))
      (resume $c (on $t $l) (cont.new $c (ref.func $body)))
      (return (i32.const -1)))
    (drop) (drop) (local.set $v)
    (i31.get_u (ref.cast (ref i31) (local.get $v))))
)
(assert_return (invoke "label-param-supertypes") (i32.const 9))

;; [t2*] -> [t*] <: [t2'*] -> [t'*]: the label continuation may take subtypes of
;; the tag's results (contravariance) and return supertypes of the resume's
;; results (covariance).
(module
  (type $f (func (result (ref i31))))
  (type $c (cont $f))
  (type $g (func (param (ref i31)) (result anyref)))
  (type $k (cont $g))
  (tag $t (result anyref))
  (func $body (type $f) (ref.cast (ref i31) (suspend $t)))
  (elem declare func $body)
  (func (export "label-cont-subtyping") (result i32)
    (local $k (ref $k))
    (local.set $k
      (block $l (result (ref $k))
        (drop (resume $c (on $t $l) (cont.new $c (ref.func $body))))
        (return (i32.const -1))))
    (i31.get_u (ref.cast (ref i31)
      (resume $k (ref.i31 (i32.const 11)) (local.get $k)))))
)
(assert_return (invoke "label-cont-subtyping") (i32.const 11))

;; The same with declared subtypes and nullability: the tag returns a nullable
;; supertype, the label continuation takes a non-null subtype.
(module
  (type $super (sub (struct (field i32))))
  (type $sub (sub $super (struct (field i32) (field i32))))
  (type $f (func (result (ref $sub))))
  (type $c (cont $f))
  (type $g (func (param (ref $sub)) (result (ref null $super))))
  (type $k (cont $g))
  (tag $t (result (ref null $super)))
  (func $body (type $f) (ref.cast (ref $sub) (suspend $t)))
  (elem declare func $body)
  (func (export "label-cont-declared-subtypes") (result i32)
    (local $k (ref $k))
    (local.set $k
      (block $l (result (ref $k))
        (drop (resume $c (on $t $l) (cont.new $c (ref.func $body))))
        (return (i32.const -1))))
    (struct.get $super 0
      (resume $k (struct.new $sub (i32.const 12) (i32.const 0)) (local.get $k))))
)
(assert_return (invoke "label-cont-declared-subtypes") (i32.const 12))

;; Label types are compared up to type equivalence: separately declared
;; identical struct types are the same type.
(module
  (type $s1 (struct))
  (type $s2 (struct))
  (type $f (func))
  (type $c (cont $f))
  (type $g (func (param (ref $s2))))
  (type $k (cont $g))
  (tag $t (param (ref $s1)) (result (ref $s1)))
  (func (param (ref $c))
    (drop (block $l (result (ref $s2) (ref $k))
      (resume $c (on $t $l) (local.get 0)) (unreachable)))
    (drop))
)

;; A label whose block type is given by a type index.
(module
  (type $f (func))
  (type $c (cont $f))
  (type $bt (func (result i32 (ref $c))))
  (tag $t (param i32))
  (func $body (type $f) (suspend $t (i32.const 21)))
  (elem declare func $body)
  (func (export "block-type-index") (result i32)
    (block $l (type $bt)
      (resume $c (on $t $l) (cont.new $c (ref.func $body)))
      (return (i32.const -1)))
    (drop))
)
(assert_return (invoke "block-type-index") (i32.const 21))

;; The label continuation type may be the resumed type itself, or a separately
;; declared equivalent type.
(module
  (type $f (func))
  (type $c (cont $f))
  (type $g (func))
  (type $k (cont $g))
  (tag $t)
  (func (param (ref $c))
    (drop (block $l (result (ref $c))
      (resume $c (on $t $l) (local.get 0)) (unreachable))))
  (func (param (ref $c))
    (drop (block $l (result (ref $k))
      (resume $c (on $t $l) (local.get 0)) (unreachable))))
)

;; Several handlers for different tags, to different labels, and two tags to the
;; same label.
(module
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (type $g (func (result i32)))
  (type $k (cont $g))
  (tag $a (param i32))
  (tag $b (param i32))
  (tag $x)
  (func $body (type $f)
    (if (i32.eqz (local.get 0)) (then (suspend $a (i32.const 100))))
    (if (i32.eq (local.get 0) (i32.const 1)) (then (suspend $b (i32.const 200))))
    (suspend $x)
    (i32.const 0))
  (elem declare func $body)
  (func (export "which-handler") (param i32) (result i32)
    (block $lx (result (ref $k))
      (block $lab (result i32 (ref $k))
        (return
          (resume $c (on $a $lab) (on $x $lx) (on $b $lab)
            (local.get 0) (cont.new $c (ref.func $body)))))
      (drop)
      (return))
    (drop)
    (i32.const 300))
)
(assert_return (invoke "which-handler" (i32.const 0)) (i32.const 100))
(assert_return (invoke "which-handler" (i32.const 1)) (i32.const 200))
(assert_return (invoke "which-handler" (i32.const 2)) (i32.const 300))

;; Two handlers for the same tag are allowed; the first one is taken.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $t)
  (func $body (type $f) (suspend $t))
  (elem declare func $body)
  (func (export "duplicate-tag") (result i32)
    (block $second (result (ref $c))
      (block $first (result (ref $c))
        (resume $c (on $t $first) (on $t $second) (cont.new $c (ref.func $body)))
        (return (i32.const 0)))
      (return (i32.const 1)))
    (drop)
    (i32.const 2))
)
(assert_return (invoke "duplicate-tag") (i32.const 1))

;; The label may be a loop's: its type is the loop's parameters, not its results.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $t)
  (global $n (mut i32) (i32.const 0))
  (func $body (type $f) (loop $again (suspend $t) (br $again)))
  (elem declare func $body)
  (func (export "loop-label") (result i32)
    (global.set $n (i32.const 0))
    (cont.new $c (ref.func $body))
    (loop $l (param (ref $c)) (result i32)
      (global.set $n (i32.add (global.get $n) (i32.const 1)))
      (if (param (ref $c)) (result i32) (i32.lt_u (global.get $n) (i32.const 3))
        (then (resume $c (on $t $l)) (i32.const -1))
        (else (drop) (global.get $n)))))
)
(assert_return (invoke "loop-label") (i32.const 3))

;; The label may be an if's.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $t (param i32))
  (func $body (type $f) (suspend $t (i32.const 8)))
  (elem declare func $body)
  (func (export "if-label") (param i32) (result i32)
    (if $l (result i32 (ref $c)) (local.get 0)
      (then (resume $c (on $t $l) (cont.new $c (ref.func $body))) (unreachable))
      (else (i32.const 5) (cont.new $c (ref.func $body))))
    (drop))
)
(assert_return (invoke "if-label" (i32.const 1)) (i32.const 8))
(assert_return (invoke "if-label" (i32.const 0)) (i32.const 5))

;; The label may be the function body's: the handler returns from the function.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $t (param i32))
  (func $body (type $f) (suspend $t (i32.const 6)))
  (elem declare func $body)
  (func $run (result i32 (ref $c))
    (resume $c (on $t 0) (cont.new $c (ref.func $body)))
    (unreachable))
  (func (export "function-label") (result i32)
    (call $run) (drop))
)
(assert_return (invoke "function-label") (i32.const 6))

;; The label may be an outer one, reached across other blocks.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $t (param i32))
  (func $body (type $f) (suspend $t (i32.const 13)))
  (elem declare func $body)
  (func (export "outer-label") (result i32)
    (block $outer (result i32 (ref $c))
      (block $mid (result i64)
        (block $inner
          (resume $c (on $t 2) (cont.new $c (ref.func $body)))
          (return (i32.const -1)))
        (return (i32.const -2)))
      (return (i32.const -3)))
    (drop))
)
(assert_return (invoke "outer-label") (i32.const 13))

;; The label may be a try_table's, and the tag may be imported.
(module $tags
  (tag (export "t") (param i32) (result i32))
)
(register "tags" $tags)
(module
  (type $f (func (result i32)))
  (type $c (cont $f))
  (type $g (func (param i32) (result i32)))
  (type $k (cont $g))
  (tag $t (import "tags" "t") (param i32) (result i32))
  (func $body (type $f) (i32.add (suspend $t (i32.const 1)) (i32.const 1)))
  (elem declare func $body)
  (func (export "imported-tag") (result i32)
    (local $k (ref $k))
    (try_table $l (result i32 (ref $k))
      (return (resume $c (on $t $l) (cont.new $c (ref.func $body)))))
    (local.set $k)
    (resume $k (i32.add (i32.const 20)) (local.get $k)))
)
(assert_return (invoke "imported-tag") (i32.const 22))

;; The handler's tag may have results even when the resume has none, and vice
;; versa.
(module
  (type $f (func))
  (type $c (cont $f))
  (type $g (func (param f32 f64)))
  (type $k (cont $g))
  (type $f2 (func (result f32 f64)))
  (type $c2 (cont $f2))
  (type $g2 (func (result f32 f64)))
  (type $k2 (cont $g2))
  (tag $t (result f32 f64))
  (tag $u)
  (func (param (ref $c))
    (drop (block $l (result (ref $k))
      (resume $c (on $t $l) (local.get 0)) (unreachable))))
  (func (param (ref $c2))
    (drop (block $l (result (ref $k2))
      (resume $c2 (on $u $l) (local.get 0)) (unreachable))))
)


;; ---------------------------------------------------------------------------
;; resume: the type immediate

(assert_invalid
  (module
    (type $f (func))
    (func (param (ref $f)) (resume $f (local.get 0))))
  "non-continuation type")

(assert_invalid
  (module
    (type $s (struct))
    (func (resume $s (ref.null none))))
  "non-continuation type")

(assert_invalid
  (module
    (type $a (array i32))
    (func (resume $a (ref.null none))))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (resume 50 (local.get 0))))
  "unknown type")


;; ---------------------------------------------------------------------------
;; resume: operands [t1* (ref null $ct)]

;; No continuation.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (resume $c)))
  "type mismatch")

;; The continuation but not its argument.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (func (param (ref $c)) (resume $c (local.get 0))))
  "type mismatch")

;; One of two arguments.
(assert_invalid
  (module
    (type $f (func (param i32 i32)))
    (type $c (cont $f))
    (func (param (ref $c)) (resume $c (i32.const 0) (local.get 0))))
  "type mismatch")

;; An argument of the wrong type.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (func (param (ref $c)) (resume $c (i64.const 0) (local.get 0))))
  "type mismatch")

;; Arguments in the wrong order.
(assert_invalid
  (module
    (type $f (func (param i32 f64)))
    (type $c (cont $f))
    (func (param (ref $c)) (resume $c (f64.const 0) (i32.const 0) (local.get 0))))
  "type mismatch")

;; A reference argument that is too general.
(assert_invalid
  (module
    (type $f (func (param (ref i31))))
    (type $c (cont $f))
    (func (param (ref $c)) (param anyref) (resume $c (local.get 1) (local.get 0))))
  "type mismatch")

;; A nullable argument where a non-null one is needed.
(assert_invalid
  (module
    (type $f (func (param (ref func))))
    (type $c (cont $f))
    (func (param (ref $c)) (resume $c (ref.null func) (local.get 0))))
  "type mismatch")

;; The continuation below its argument.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (func (param (ref $c)) (local.get 0) (i32.const 0) (resume $c)))
  "type mismatch")

;; A continuation of another type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $d (cont $g))
    (func (param (ref $d)) (resume $c (local.get 0))))
  "type mismatch")

;; An abstract continuation reference.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param contref) (resume $c (local.get 0))))
  "type mismatch")

;; A continuation of a declared supertype of $ct.
(assert_invalid
  (module
    (type $fs (sub (func)))
    (type $ft (sub $fs (func)))
    (type $cs (sub (cont $fs)))
    (type $ct (sub $cs (cont $ft)))
    (func (param (ref $cs)) (resume $ct (local.get 0))))
  "type mismatch")

;; A function reference of the continuation's function type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $f)) (resume $c (local.get 0))))
  "type mismatch")

;; A continuation over a function type that differs only in finality.
(assert_invalid
  (module
    (type $f (func))
    (type $g (sub (func)))
    (type $c (cont $f))
    (type $d (cont $g))
    (func (param (ref $d)) (resume $c (local.get 0))))
  "type mismatch")

;; A null of another hierarchy.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (resume $c (ref.null none))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; resume: results t2*

(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (func (param (ref $c)) (result i64) (resume $c (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (func (param (ref $c)) (resume $c (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c)) (result i32) (resume $c (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $f (func (result anyref)))
    (type $c (cont $f))
    (func (param (ref $c)) (result eqref) (resume $c (local.get 0))))
  "type mismatch")

;; The results are t2*, not the parameters.
(assert_invalid
  (module
    (type $f (func (param i32) (result f32)))
    (type $c (cont $f))
    (func (param (ref $c)) (result i32) (resume $c (i32.const 0) (local.get 0))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; resume is not a constant instruction

(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (global i32 (resume $c (ref.null $c))))
  "constant expression required")

(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (table 1 funcref)
    (elem (table 0) (offset (resume $c (ref.null $c))) funcref))
  "constant expression required")


;; ---------------------------------------------------------------------------
;; (on $t $l): unknown tags and labels

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (param (ref $c))
      (drop (block (result (ref $c))
        (resume $c (on 0 0) (local.get 0)) (unreachable)))))
  "unknown tag")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block (result (ref $c))
        (resume $c (on 2 0) (local.get 0)) (unreachable)))))
  "unknown tag")

;; A label index beyond the function body's.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c)) (result (ref $c))
      (resume $c (on $t 1) (local.get 0)) (unreachable)))
  "unknown label")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block (result (ref $c))
        (resume $c (on $t 5) (local.get 0)) (unreachable)))))
  "unknown label")

;; One good handler does not excuse a bad one.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block (result (ref $c))
        (resume $c (on $t 0) (on 3 0) (local.get 0)) (unreachable)))))
  "unknown tag")


;; ---------------------------------------------------------------------------
;; (on $t $l): the label's last type must be a (ref null? $ct) of a
;; continuation type

;; The label takes nothing.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (block $l (resume $c (on $t $l) (local.get 0)))))
  "type mismatch")

;; The function body's label, with no results.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c)) (resume $c (on $t 0) (local.get 0))))
  "type mismatch")

;; The label takes the tag's parameter but no continuation.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param i32))
    (func (param (ref $c))
      (drop (block $l (result i32)
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The continuation first, the tag's parameter last.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param i32))
    (func (param (ref $c))
      (drop (block $l (result (ref $c) i32)
        (resume $c (on $t $l) (local.get 0)) (unreachable)) (drop))))
  "type mismatch")

;; An abstract continuation reference.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result contref)
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; A non-null abstract continuation reference.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref cont))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The bottom continuation type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref null nocont))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; An abstract function reference.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result funcref)
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; A reference to the continuation's function type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref $f))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "non-continuation type")

;; A reference to a struct type.
(assert_invalid
  (module
    (type $f (func))
    (type $s (struct))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref null $s))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "non-continuation type")

;; A loop whose results are right but whose parameters (its label type) are
;; not.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (loop $l (result (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; A block whose parameter is right but whose results (its label type) are not.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (local.get 0)
      (block $l (param (ref $c))
        (resume $c (on $t $l) (local.get 0)) (drop))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; (on $t $l): the tag's parameters t1* must be subtypes of the label's t1'*

;; The label lacks the tag's parameter.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param i32))
    (func (param (ref $c))
      (drop (block $l (result (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The label has a parameter the tag does not.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result i32 (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable))) (drop)))
  "type mismatch")

;; One of two tag parameters.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param i32 i64))
    (func (param (ref $c))
      (drop (block $l (result i64 (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable))) (drop)))
  "type mismatch")

;; A parameter of another number type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param i32))
    (func (param (ref $c))
      (drop (block $l (result i64 (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable))) (drop)))
  "type mismatch")

;; Parameters in the wrong order.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param i32 f32))
    (func (param (ref $c))
      (drop (block $l (result f32 i32 (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable))) (drop) (drop)))
  "type mismatch")

;; Subtyping the wrong way round: the label expects less than the tag sends.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param anyref))
    (func (param (ref $c))
      (drop (block $l (result (ref i31) (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable))) (drop)))
  "type mismatch")

;; A struct type that is identical but in another recursion group is a
;; different type.
(assert_invalid
  (module
    (rec (type $s1 (struct)) (type $x (struct (field i32))))
    (type $s2 (struct))
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param (ref $s1)))
    (func (param (ref $c))
      (drop (block $l (result (ref $s2) (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable))) (drop)))
  "type mismatch")

;; Nullability: the tag may send a null the label does not accept.
(assert_invalid
  (module
    (type $s (struct))
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param (ref null $s)))
    (func (param (ref $c))
      (drop (block $l (result (ref $s) (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable))) (drop)))
  "type mismatch")

;; Declared subtyping the wrong way round.
(assert_invalid
  (module
    (type $super (sub (struct)))
    (type $sub (sub $super (struct)))
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param (ref $super)))
    (func (param (ref $c))
      (drop (block $l (result (ref $sub) (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable))) (drop)))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; (on $t $l): the label's continuation type must match [t2*] -> [t*]

;; The continuation does not take the tag's result.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (result i32))
    (func (param (ref $c))
      (drop (block $l (result (ref $c))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The continuation takes a value the tag does not return.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $k (cont $g))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The continuation takes another number type.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param i64)))
    (type $k (cont $g))
    (tag $t (result i32))
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The continuation takes the tag's results in the wrong order.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param i64 i32)))
    (type $k (cont $g))
    (tag $t (result i32 i64))
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The continuation takes the tag's parameters instead of its results.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $k (cont $g))
    (tag $t (param i32) (result i64))
    (func (param (ref $c))
      (drop (block $l (result i32 (ref $k))
        (resume $c (on $t $l) (local.get 0)) (unreachable))) (drop)))
  "type mismatch")

;; Covariant parameters instead of contravariant: the continuation would accept
;; an anyref although the suspended code needs an i31.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param anyref)))
    (type $k (cont $g))
    (tag $t (result (ref i31)))
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The continuation takes a struct type that is identical to the tag's result
;; but in another recursion group.
(assert_invalid
  (module
    (rec (type $s1 (struct)) (type $x (struct (field i32))))
    (type $s2 (struct))
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param (ref $s2))))
    (type $k (cont $g))
    (tag $t (result (ref $s1)))
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; Nullability of the parameter the wrong way round.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param externref)))
    (type $k (cont $g))
    (tag $t (result (ref extern)))
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The continuation does not return the resume's results.
(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (type $g (func))
    (type $k (cont $g))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (drop (resume $c (on $t $l) (local.get 0))) (unreachable)))))
  "type mismatch")

;; The continuation returns more than the resume.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (result i32)))
    (type $k (cont $g))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (resume $c (on $t $l) (local.get 0)) (unreachable)))))
  "type mismatch")

;; The continuation returns the tag's results instead of the resume's.
(assert_invalid
  (module
    (type $f (func (result i64)))
    (type $c (cont $f))
    (type $g (func (param i32) (result i32)))
    (type $k (cont $g))
    (tag $t (result i32))
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (drop (resume $c (on $t $l) (local.get 0))) (unreachable)))))
  "type mismatch")

;; Contravariant results instead of covariant: the handler would be promised an
;; i31 although the resumed code returns any anyref.
(assert_invalid
  (module
    (type $f (func (result anyref)))
    (type $c (cont $f))
    (type $g (func (result (ref i31))))
    (type $k (cont $g))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (drop (resume $c (on $t $l) (local.get 0))) (unreachable)))))
  "type mismatch")

;; Result nullability the wrong way round.
(assert_invalid
  (module
    (type $s (struct))
    (type $f (func (result (ref null $s))))
    (type $c (cont $f))
    (type $g (func (result (ref $s))))
    (type $k (cont $g))
    (tag $t)
    (func (param (ref $c))
      (drop (block $l (result (ref $k))
        (drop (resume $c (on $t $l) (local.get 0))) (unreachable)))))
  "type mismatch")

;; A matching first handler does not excuse a second whose continuation type
;; does not match.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $k (cont $g))
    (tag $a)
    (tag $b)
    (func (param (ref $c))
      (drop (block $lk (result (ref $k))
        (drop (block $lc (result (ref $c))
          (resume $c (on $a $lc) (on $b $lk) (local.get 0)) (unreachable)))
        (unreachable)))))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; Unreachable code: operands may come from the polymorphic stack, but handlers
;; and immediates are checked as always

(module
  (type $f (func (param i32) (result i64)))
  (type $c (cont $f))
  (type $g (func (param f32) (result i64)))
  (type $k (cont $g))
  (tag $t (param i32) (result f32))
  (tag $x)
  (func (export "after-unreachable") (result i64)
    (unreachable) (resume $c))
  (func (export "after-br") (result i64)
    (block $b (br $b) (resume $c) (drop)) (i64.const 1))
  (func (export "after-return") (result i64)
    (return (i64.const 2)) (resume $c))
  (func (export "after-throw") (result i64)
    (throw $x) (resume $c))
  ;; With a valid handler.
  (func (export "handler-after-unreachable") (result i64)
    (drop (block $l (result i32 (ref $k))
      (unreachable) (resume $c (on $t $l)) (return)))
    (unreachable))
  ;; The continuation is real, its argument from the polymorphic stack.
  (func (export "half-polymorphic") (param (ref $c)) (result i64)
    (unreachable) (local.get 0) (resume $c))
)
(assert_trap (invoke "after-unreachable") "unreachable")
(assert_return (invoke "after-br") (i64.const 1))
(assert_return (invoke "after-return") (i64.const 2))
(assert_exception (invoke "after-throw"))
(assert_trap (invoke "handler-after-unreachable") "unreachable")

(assert_invalid
  (module
    (type $f (func))
    (func (unreachable) (resume $f)))
  "non-continuation type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (return) (resume 9)))
  "unknown type")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (func (block (result (ref $c)) (br 1) (resume $c (on 0 0)) (unreachable)) (drop)))
  "unknown tag")

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (unreachable) (resume $c (on $t 4))))
  "unknown label")

;; A label without a continuation, after throw.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (tag $x)
    (func (block $l (throw $x) (resume $c (on $t $l)))))
  "type mismatch")

;; A label continuation of the wrong type, after unreachable.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (type $g (func (param i32)))
    (type $k (cont $g))
    (tag $t)
    (func
      (drop (block $l (result (ref $k)) (unreachable) (resume $c (on $t $l)) (unreachable)))))
  "type mismatch")

;; Label parameters that do not match the tag, after br.
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param i32))
    (func
      (drop (block $l (result i64 (ref $c)) (br 1) (resume $c (on $t $l)) (unreachable)))
      (drop)))
  "type mismatch")

;; An argument of the wrong type pushed after unreachable.
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $c (cont $f))
    (func (param (ref $c)) (unreachable) (f32.const 0) (local.get 0) (resume $c)))
  "type mismatch")

;; The results are still t2*.
(assert_invalid
  (module
    (type $f (func (result i32)))
    (type $c (cont $f))
    (func (result i64) (unreachable) (resume $c)))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; The reference interpreter disagrees here: it accepts a tag index equal to
;; the number of tags (and up to twice that number) in every instruction that
;; takes a tag (throw, suspend, resume_throw, (on $t ...)), as if every tag
;; were in the context twice. The Explainer's `C.tags[$e] = tag $ft` requires
;; the index to be in range; the index here is one past the only tag.

(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (drop (block (result (ref $c))
        (resume $c (on 1 0) (local.get 0)) (unreachable)))))
  "unknown tag")
