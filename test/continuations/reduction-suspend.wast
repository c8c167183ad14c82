;; reduction-suspend.wast -- the reduction rule for `suspend`.
;;
;; Explainer, "Instruction set extension > Suspending continuations":
;;
;;   suspend $e : [t1*] -> [t2*]
;;   where:
;;   - $e : [t1*] -> [t2*]
;;
;;   "The `suspend` instruction invokes the control tag `$e` with arguments
;;   of types `t1*`. It suspends the current continuation up to the nearest
;;   enclosing handler for `$e`. [...] The key difference is that the
;;   continuation at the suspension point expects to be resumed later with
;;   arguments of types `t2*`."
;;
;; Explainer, "Instruction set extension > Invoking continuations":
;;
;;   "1. `(on $e $l)` mapping the control tag `$e` to the label `$l`.
;;    Intercepting `$e` causes a branch to `$l`."
;;
;; Explainer, "Specification changes > Execution > Reduction":
;;
;;   * `S; F; (suspend $e) --> S; F; (suspend ea)`
;;     - iff `ea = F.module.tags[$e]`
;;
;;   * `S; F; (prompt{hdl1* (on ea $l) hdl2*} H^ea[v^n (suspend ea)] end)
;;        --> S'; F; v^n (ref.cont |S.conts|) (br $l)`
;;     - iff `forall $l', (on ea $l') notin hdl1*`
;;     - and `S.tags[ea].type ~~ [t1^n] -> [t2^m]`
;;     - and `S' = S with conts += (H^ea : m)`
;;
;; Explainer, "Specification changes > Execution > Handler contexts":
;;
;;   H^ea ::= _ | val* H^ea instr* | label_n{instr*} H^ea end
;;          | frame_n{F} H^ea end | catch{...} H^ea end
;;          | prompt{hdl*} H^ea end   (iff ea notin hdl*)
;;
;; This file checks the right-hand side of the suspend rule: the n payload
;; values and the new continuation arrive at the handler's label (as the
;; label's values; whatever sits below them on the resumer's stack is
;; discarded by the `br`), the new continuation takes m values (the tag's
;; results) and continues exactly where `suspend` stood (operand stack,
;; locals, blocks, loops, if, try_table and call frames of H^ea intact), and
;; `ea` is the tag *address* (imports and re-exports of one tag are the same
;; tag; two tags of the same type are different). It is organised as:
;; (1) payload arity 0..4, 16 values, v128 values; (2) result arity 0..3;
;; (3) the label's values and the stack below them; (4) label depth; (5) tag
;; identity; (6) suspension several frames and blocks deep (call, call_ref,
;; call_indirect, block, loop, if, try_table); (7) the continuation produced
;; by each suspend; (8) a suspension inside a start function. No `switch`
;; appears here.

;; ---------------------------------------------------------------------------
;; 1. Payload arity 0..4: `v^n` arrives at the label in order, followed by the
;;    continuation. The continuation is non-null and resumable: each export
;;    resumes it and adds a marker the body sets after `suspend`.

(module $payload
  (type $fv (func))
  (type $kv (cont $fv))
  (type $f1 (func (param i32)))
  (type $k1 (cont $f1))
  (type $f2 (func (param i32 i64)))
  (type $k2 (cont $f2))
  (type $f3 (func (param i32 i64 f32)))
  (type $k3 (cont $f3))
  (type $f4 (func (param i32 i64 f32 f64)))
  (type $k4 (cont $f4))

  (tag $p0)
  (tag $p1 (param i32))
  (tag $p2 (param i32 i64))
  (tag $p3 (param i32 i64 f32))
  (tag $p4 (param i32 i64 f32 f64))

  (global $after (mut i32) (i32.const 0))

  (func $b0 (suspend $p0) (global.set $after (i32.const 10)))
  (func $b1 (param i32) (suspend $p1 (local.get 0)) (global.set $after (i32.const 11)))
  (func $b2 (param i32 i64)
    (suspend $p2 (local.get 0) (local.get 1)) (global.set $after (i32.const 12)))
  (func $b3 (param i32 i64 f32)
    (suspend $p3 (local.get 0) (local.get 1) (local.get 2))
    (global.set $after (i32.const 13)))
  (func $b4 (param i32 i64 f32 f64)
    (suspend $p4 (local.get 0) (local.get 1) (local.get 2) (local.get 3))
    (global.set $after (i32.const 14)))
  (elem declare func $b0 $b1 $b2 $b3 $b4)

  ;; Return the payload exactly as it arrived at the label.
  (func (export "payload-0") (result i32)
    (block $h (result (ref $kv))
      (resume $kv (on $p0 $h) (cont.new $kv (ref.func $b0)))
      (return (i32.const -1)))
    (ref.is_null) (i32.eqz))
  (func (export "payload-1") (param i32) (result i32)
    (block $h (result i32 (ref $kv))
      (resume $k1 (on $p1 $h) (local.get 0) (cont.new $k1 (ref.func $b1)))
      (return (i32.const -1)))
    (drop))
  (func (export "payload-2") (param i32 i64) (result i32 i64)
    (block $h (result i32 i64 (ref $kv))
      (resume $k2 (on $p2 $h) (local.get 0) (local.get 1) (cont.new $k2 (ref.func $b2)))
      (return (i32.const -1) (i64.const -1)))
    (drop))
  (func (export "payload-3") (param i32 i64 f32) (result i32 i64 f32)
    (block $h (result i32 i64 f32 (ref $kv))
      (resume $k3 (on $p3 $h)
        (local.get 0) (local.get 1) (local.get 2) (cont.new $k3 (ref.func $b3)))
      (return (i32.const -1) (i64.const -1) (f32.const -1)))
    (drop))
  (func (export "payload-4") (param i32 i64 f32 f64) (result i32 i64 f32 f64)
    (block $h (result i32 i64 f32 f64 (ref $kv))
      (resume $k4 (on $p4 $h)
        (local.get 0) (local.get 1) (local.get 2) (local.get 3)
        (cont.new $k4 (ref.func $b4)))
      (return (i32.const -1) (i64.const -1) (f32.const -1) (f64.const -1)))
    (drop))

  ;; The continuation that arrives after the payload resumes the body after
  ;; its `suspend`: the marker it sets is observed.
  (func (export "resume-after-payload-0") (result i32)
    (global.set $after (i32.const 0))
    (block $h (result (ref $kv))
      (resume $kv (on $p0 $h) (cont.new $kv (ref.func $b0)))
      (return (i32.const -1)))
    (if (i32.ne (global.get $after) (i32.const 0)) (then (return (i32.const -2))))
    (resume $kv)
    (global.get $after))
  (func (export "resume-after-payload-2") (result i32)
    (global.set $after (i32.const 0))
    (block $h (result i32 i64 (ref $kv))
      (resume $k2 (on $p2 $h) (i32.const 1) (i64.const 2) (cont.new $k2 (ref.func $b2)))
      (return (i32.const -1)))
    (resume $kv)
    (drop) (drop)
    (global.get $after))
  (func (export "resume-after-payload-4") (result i32)
    (global.set $after (i32.const 0))
    (block $h (result i32 i64 f32 f64 (ref $kv))
      (resume $k4 (on $p4 $h)
        (i32.const 1) (i64.const 2) (f32.const 3) (f64.const 4)
        (cont.new $k4 (ref.func $b4)))
      (return (i32.const -1)))
    (resume $kv)
    (drop) (drop) (drop) (drop)
    (global.get $after))
)

(assert_return (invoke "payload-0") (i32.const 1))
(assert_return (invoke "payload-1" (i32.const 42)) (i32.const 42))
(assert_return (invoke "payload-1" (i32.const -7)) (i32.const -7))
(assert_return (invoke "payload-2" (i32.const 3) (i64.const 0x1_0000_0004))
  (i32.const 3) (i64.const 0x1_0000_0004))
(assert_return (invoke "payload-3" (i32.const 5) (i64.const -6) (f32.const 7.5))
  (i32.const 5) (i64.const -6) (f32.const 7.5))
(assert_return
  (invoke "payload-4" (i32.const 8) (i64.const 9) (f32.const -0.25) (f64.const 1e100))
  (i32.const 8) (i64.const 9) (f32.const -0.25) (f64.const 1e100))
(assert_return
  (invoke "payload-4" (i32.const 0) (i64.const 0) (f32.const nan:0x200000) (f64.const -0))
  (i32.const 0) (i64.const 0) (f32.const nan:0x200000) (f64.const -0))
(assert_return (invoke "resume-after-payload-0") (i32.const 10))
(assert_return (invoke "resume-after-payload-2") (i32.const 12))
(assert_return (invoke "resume-after-payload-4") (i32.const 14))

;; Many and wide values: 16 payload values, and v128 payload and result
;; values (the new continuation takes a v128).
(module $wide
  (type $fv (func))
  (type $kv (cont $fv))
  (type $f16 (func (param i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)))
  (type $k16 (cont $f16))
  (type $fr (func (result v128)))
  (type $kr (cont $fr))
  (type $fi (func (param v128) (result v128)))
  (type $ki (cont $fi))
  (tag $sixteen (param i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64))
  (tag $vec (param v128 i32 v128) (result v128))
  (func $b16 (type $f16) (suspend $sixteen (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 9) (local.get 10) (local.get 11) (local.get 12) (local.get 13) (local.get 14) (local.get 15)))
  (func $bvec (result v128)
    (i32x4.add
      (suspend $vec (v128.const i32x4 1 2 3 4) (i32.const 9) (v128.const i64x2 -1 5))
      (v128.const i32x4 10 20 30 40)))
  (elem declare func $b16 $bvec)
  (func (export "sixteen") (param i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64) (result i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (block $h (result i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 (ref $kv))
      (resume $k16 (on $sixteen $h) (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 9) (local.get 10) (local.get 11) (local.get 12) (local.get 13) (local.get 14) (local.get 15) (cont.new $k16 (ref.func $b16)))
      (unreachable))
    (drop))
  (func (export "vec-payload") (result v128 i32 v128)
    (block $h (result v128 i32 v128 (ref $ki))
      (drop (resume $kr (on $vec $h) (cont.new $kr (ref.func $bvec))))
      (unreachable))
    (drop))
  (func (export "vec-result") (param v128) (result v128)
    (local $k (ref null $ki))
    (block $h (result v128 i32 v128 (ref $ki))
      (drop (resume $kr (on $vec $h) (cont.new $kr (ref.func $bvec))))
      (unreachable))
    (local.set $k) (drop) (drop) (drop)
    (resume $ki (local.get 0) (local.get $k)))
)

(assert_return (invoke "sixteen" (i64.const 7) (i64.const 1007) (i64.const 2007) (i64.const 3007) (i64.const 4007) (i64.const 5007) (i64.const 6007) (i64.const 7007) (i64.const 8007) (i64.const 9007) (i64.const 10007) (i64.const 11007) (i64.const 12007) (i64.const 13007) (i64.const 14007) (i64.const 15007)) (i64.const 7) (i64.const 1007) (i64.const 2007) (i64.const 3007) (i64.const 4007) (i64.const 5007) (i64.const 6007) (i64.const 7007) (i64.const 8007) (i64.const 9007) (i64.const 10007) (i64.const 11007) (i64.const 12007) (i64.const 13007) (i64.const 14007) (i64.const 15007))
(assert_return (invoke "vec-payload")
  (v128.const i32x4 1 2 3 4) (i32.const 9) (v128.const i64x2 -1 5))
(assert_return (invoke "vec-result" (v128.const i32x4 1 -20 3 0x7fff_ffff))
  (v128.const i32x4 11 0 33 -0x7fff_ffd9))

;; ---------------------------------------------------------------------------
;; 2. Result arity 0..3: the continuation is `H^ea : m`, it takes the tag's m
;;    results, which become the values of the `suspend` instruction. The
;;    bodies return what `suspend` produced (transformed so that order and
;;    identity matter); the resume of the continuation returns that.

(module $results
  (type $fv (func))
  (type $kv (cont $fv))
  (type $fr1 (func (result i32)))
  (type $kr1 (cont $fr1))
  (type $fr2 (func (result i32 i64)))
  (type $kr2 (cont $fr2))
  (type $fr3 (func (result i32 i64 f64)))
  (type $kr3 (cont $fr3))
  (type $fi1 (func (param i32) (result i32)))
  (type $ki1 (cont $fi1))
  (type $fi2 (func (param i32 i64) (result i32 i64)))
  (type $ki2 (cont $fi2))
  (type $fi3 (func (param i32 i64 f64) (result i32 i64 f64)))
  (type $ki3 (cont $fi3))

  (tag $r0)
  (tag $r1 (result i32))
  (tag $r2 (result i32 i64))
  (tag $r3 (result i32 i64 f64))
  ;; payload and results together: a "request" carrying two operands
  (tag $req (param i32 i32) (result i32))

  (global $g (mut i32) (i32.const 0))

  (func $b0 (global.set $g (i32.const 1)) (suspend $r0) (global.set $g (i32.const 2)))
  (func $b1 (result i32) (i32.add (suspend $r1) (i32.const 1000)))
  (func $b2 (result i32 i64)
    (local $a i32) (local $b i64)
    (suspend $r2) (local.set $b) (local.set $a)
    ;; swap-and-negate so that a mix-up of the two values is visible
    (i32.sub (i32.const 0) (local.get $a)) (i64.sub (i64.const 0) (local.get $b)))
  (func $b3 (result i32 i64 f64)
    (local $a i32) (local $b i64) (local $c f64)
    (suspend $r3) (local.set $c) (local.set $b) (local.set $a)
    (local.get $a) (local.get $b) (f64.mul (local.get $c) (f64.const 2)))
  (func $bq (result i32)
    (i32.mul (suspend $req (i32.const 6) (i32.const 7)) (i32.const 10)))
  (elem declare func $b0 $b1 $b2 $b3 $bq)

  (func (export "result-0") (result i32)
    (global.set $g (i32.const 0))
    (block $h (result (ref $kv))
      (resume $kv (on $r0 $h) (cont.new $kv (ref.func $b0)))
      (return (i32.const -1)))
    (if (i32.ne (global.get $g) (i32.const 1)) (then (return (i32.const -2))))
    (resume $kv)
    (global.get $g))
  (func (export "result-1") (param i32) (result i32)
    (local $k (ref null $ki1))
    (block $h (result (ref $ki1))
      (resume $kr1 (on $r1 $h) (cont.new $kr1 (ref.func $b1)))
      (return (i32.const -1)))
    (local.set $k)
    (resume $ki1 (local.get 0) (local.get $k)))
  (func (export "result-2") (param i32 i64) (result i32 i64)
    (local $k (ref null $ki2))
    (block $h (result (ref $ki2))
      (resume $kr2 (on $r2 $h) (cont.new $kr2 (ref.func $b2)))
      (return (i32.const -1) (i64.const -1)))
    (local.set $k)
    (resume $ki2 (local.get 0) (local.get 1) (local.get $k)))
  (func (export "result-3") (param i32 i64 f64) (result i32 i64 f64)
    (local $k (ref null $ki3))
    (block $h (result (ref $ki3))
      (resume $kr3 (on $r3 $h) (cont.new $kr3 (ref.func $b3)))
      (return (i32.const -1) (i64.const -1) (f64.const -1)))
    (local.set $k)
    (resume $ki3 (local.get 0) (local.get 1) (local.get 2) (local.get $k)))
  ;; The handler receives the two operands and answers with their
  ;; difference; the body multiplies the answer by 10.
  (func (export "request") (result i32)
    (local $k (ref null $ki1)) (local $a i32) (local $b i32)
    (block $h (result i32 i32 (ref $ki1))
      (resume $kr1 (on $req $h) (cont.new $kr1 (ref.func $bq)))
      (return (i32.const -1)))
    (local.set $k) (local.set $b) (local.set $a)
    (resume $ki1 (i32.sub (local.get $a) (local.get $b)) (local.get $k)))
)

(assert_return (invoke "result-0") (i32.const 2))
(assert_return (invoke "result-1" (i32.const 5)) (i32.const 1005))
(assert_return (invoke "result-1" (i32.const -1000)) (i32.const 0))
(assert_return (invoke "result-2" (i32.const 3) (i64.const 4)) (i32.const -3) (i64.const -4))
(assert_return (invoke "result-3" (i32.const 1) (i64.const 2) (f64.const 3.25))
  (i32.const 1) (i64.const 2) (f64.const 6.5))
(assert_return (invoke "request") (i32.const -10))

;; ---------------------------------------------------------------------------
;; 3. `v^n (ref.cont |S.conts|) (br $l)`: the values are delivered by an
;;    ordinary branch. Values the resumer had pushed inside the label's
;;    block below the resume's operands are discarded; values outside the
;;    block stay; the label may be a block with parameters, an `if`, a
;;    try_table, a loop (whose label takes the loop's parameters) or the
;;    function body; the
;;    label's types may be supertypes of the tag's parameter types.

(module $label-values
  (type $fv (func))
  (type $kv (cont $fv))
  (type $s (struct (field i32)))
  (tag $one (param i32))
  (tag $two (param i32 i32))
  (tag $ref (param (ref $s)))
  (tag $i31 (param (ref i31)))

  (func $one (param i32) (suspend $one (local.get 0)))
  (func $two (suspend $two (i32.const 3) (i32.const 4)))
  (func $ref (suspend $ref (struct.new $s (i32.const 77))))
  (func $i31 (suspend $i31 (ref.i31 (i32.const -5))))
  (func $gen (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (suspend $one (local.get $i))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 10)))))
  (elem declare func $one $two $ref $i31 $gen)
  (func $new-one (param i32) (result (ref $kv))
    (cont.bind $k1 $kv (local.get 0) (cont.new $k1 (ref.func $one))))
  (type $f1 (func (param i32)))
  (type $k1 (cont $f1))

  ;; 99 and 98 are on the stack of the label's block under the resume; the
  ;; branch drops them and the block ends with payload and continuation.
  (func (export "drops-below") (result i32)
    (block $h (result i32 (ref $kv))
      (i32.const 99) (i32.const 98)
      (resume $kv (on $one $h) (call $new-one (i32.const 5)))
      (return (i32.const -1)))
    (drop))
  ;; 1000 is outside the label's block and survives the branch.
  (func (export "keeps-outside") (result i32)
    (i32.const 1000)
    (block $h (result i32 (ref $kv))
      (i32.const 99)
      (resume $kv (on $one $h) (call $new-one (i32.const 5)))
      (return (i32.const -1)))
    (drop) (i32.add))
  ;; Two payload values against a label of arity three, order kept:
  ;; 3 * 10 + 4.
  (func (export "two-in-order") (result i32)
    (local $b i32)
    (block $h (result i32 i32 (ref $kv))
      (resume $kv (on $two $h) (cont.new $kv (ref.func $two)))
      (return (i32.const -1)))
    (drop) (local.set $b)
    (i32.add (i32.mul (i32.const 10)) (local.get $b)))
  ;; A block with a parameter: its label still has the block's results.
  (func (export "block-with-param") (result i32)
    (i32.const 17)
    (block $h (param i32) (result i32 (ref $kv))
      (drop)
      (resume $kv (on $one $h) (call $new-one (i32.const 6)))
      (return (i32.const -1)))
    (drop))
  ;; The label is an `if` with results (the then branch).
  (func (export "label-is-if") (param i32) (result i32)
    (if $h (result i32 (ref $kv)) (local.get 0)
      (then
        (resume $kv (on $one $h) (call $new-one (i32.const 8)))
        (return (i32.const -1)))
      (else (i32.const 9) (call $new-one (i32.const 0))))
    (drop))
  ;; The label is a try_table's own label (a try_table is a block).
  (func (export "label-is-try_table") (result i32)
    (block $c
      (try_table $h (result i32 (ref $kv)) (catch_all $c)
        (resume $kv (on $one $h) (call $new-one (i32.const 13)))
        (return (i32.const -1)))
      (drop)
      (return))
    (i32.const -2))
  ;; The label is the function body itself (depth 0 from top level): the
  ;; branch returns the payload and the continuation from the function.
  (func $body-label (result i32 (ref $kv))
    (resume $kv (on $one 0) (call $new-one (i32.const 12)))
    (i32.const -1) (call $new-one (i32.const 0)))
  (func (export "label-is-function") (result i32)
    (call $body-label) (drop))
  ;; The label is a loop: the branch re-enters the loop with the payload and
  ;; the continuation as the loop's parameters. A generator yielding
  ;; 1..10 is summed; the loop exits when the body returns.
  (func (export "label-is-loop") (result i32)
    (local $sum i32) (local $k (ref null $kv))
    (i32.const 0) (cont.new $kv (ref.func $gen))
    (loop $l (param i32 (ref null $kv))
      (local.set $k)
      (local.set $sum (i32.add (local.get $sum)))
      (resume $kv (on $one $l) (local.get $k)))
    (local.get $sum))
  ;; Label types that are supertypes of the tag's parameters.
  (func (export "label-supertype-struct") (result i32)
    (block $h (result (ref null struct) (ref null $kv))
      (resume $kv (on $ref $h) (cont.new $kv (ref.func $ref)))
      (return (i32.const -1)))
    (drop)
    (struct.get $s 0 (ref.cast (ref $s))))
  (func (export "label-supertype-any") (result i32)
    (block $h (result anyref (ref $kv))
      (resume $kv (on $i31 $h) (cont.new $kv (ref.func $i31)))
      (return (i32.const -1)))
    (drop)
    (i31.get_s (ref.cast (ref i31))))
)

(assert_return (invoke "drops-below") (i32.const 5))
(assert_return (invoke "keeps-outside") (i32.const 1005))
(assert_return (invoke "two-in-order") (i32.const 34))
(assert_return (invoke "block-with-param") (i32.const 6))
(assert_return (invoke "label-is-if" (i32.const 1)) (i32.const 8))
(assert_return (invoke "label-is-if" (i32.const 0)) (i32.const 9))
(assert_return (invoke "label-is-try_table") (i32.const 13))
(assert_return (invoke "label-is-function") (i32.const 12))
(assert_return (invoke "label-is-loop") (i32.const 55))
(assert_return (invoke "label-supertype-struct") (i32.const 77))
(assert_return (invoke "label-supertype-any") (i32.const -5))

;; ---------------------------------------------------------------------------
;; 4. The handler label at different depths: `br $l` leaves every block
;;    between the resume and `$l`, whatever their result types. Three tags
;;    are mapped to labels at depths 0, 1 and 2 of one resume; the body
;;    suspends the tag selected by its argument. The result tells which
;;    label was reached (100, 200, 300) plus the payload.

(module $depth
  (type $fv (func))
  (type $kv (cont $fv))
  (type $f1 (func (param i32)))
  (type $k1 (cont $f1))
  (tag $a (param i32))
  (tag $b (param i32))
  (tag $c (param i32))

  (func $pick (param i32)
    (if (i32.eq (local.get 0) (i32.const 0)) (then (suspend $a (i32.const 1))))
    (if (i32.eq (local.get 0) (i32.const 1)) (then (suspend $b (i32.const 2))))
    (if (i32.eq (local.get 0) (i32.const 2)) (then (suspend $c (i32.const 3)))))
  (elem declare func $pick)

  (func (export "depth") (param i32) (result i32)
    (block $d2 (result i32 (ref $kv))
      (block $d1 (result i32 (ref $kv))
        (block $d0 (result i32 (ref $kv))
          (resume $k1 (on $a $d0) (on $b $d1) (on $c $d2)
            (local.get 0) (cont.new $k1 (ref.func $pick)))
          (return (i32.const -1)))
        (drop) (return (i32.add (i32.const 100))))
      (drop) (return (i32.add (i32.const 200))))
    (drop) (i32.add (i32.const 300)))

  ;; The outer label sits outside blocks of other result types, a loop and
  ;; an `if`: all are left by the branch.
  (func (export "far-label") (result i32)
    (block $far (result i32 (ref $kv))
      (block (result i64)
        (loop (result f32)
          (if (result f64) (i32.const 1)
            (then
              (resume $k1 (on $c $far) (i32.const 2) (cont.new $k1 (ref.func $pick)))
              (f64.const 0))
            (else (f64.const 1)))
          (drop)
          (f32.const 0))
        (drop)
        (i64.const 0))
      (drop)
      (return (i32.const -1)))
    (drop))

  ;; The label is an outer block of the function that resumes in a loop:
  ;; the suspension leaves the loop although more iterations were due.
  (global $iters (mut i32) (i32.const 0))
  (func $quiet (param i32))
  (elem declare func $quiet)
  (func (export "label-outside-loop") (result i32)
    (local $i i32)
    (global.set $iters (i32.const 0))
    (block $out (result i32 (ref $kv))
      (loop $l
        (global.set $iters (i32.add (global.get $iters) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        ;; the third iteration picks tag $a
        (resume $k1 (on $a $out)
          (i32.mul (i32.ne (local.get $i) (i32.const 3)) (i32.const 5))
          (cont.new $k1 (ref.func $pick)))
        (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))
      (return (i32.const -1)))
    (drop) (drop)
    (global.get $iters))
)

(assert_return (invoke "depth" (i32.const 0)) (i32.const 101))
(assert_return (invoke "depth" (i32.const 1)) (i32.const 202))
(assert_return (invoke "depth" (i32.const 2)) (i32.const 303))
(assert_return (invoke "depth" (i32.const 3)) (i32.const -1))
(assert_return (invoke "far-label") (i32.const 3))
(assert_return (invoke "label-outside-loop") (i32.const 3))

;; ---------------------------------------------------------------------------
;; 5. Tags are matched by address: `suspend $e` becomes `suspend ea` with the
;;    suspending frame's module, and `(on $e $l)` is resolved with the
;;    resumer's module. An imported tag, the tag it was exported from and a
;;    re-export of it are one tag; two tags of equal type are two tags.

(module $tags
  (tag $e (export "e") (param i32))
  (func (export "suspend-e") (param i32) (suspend $e (local.get 0)))
)
(register "tags" $tags)

(module $reexport
  (import "tags" "e" (tag $e (param i32)))
  (export "e-again" (tag $e))
  ;; this module's own tag at index 1, same type as $e
  (tag $own (export "own") (param i32))
  (func (export "suspend-own") (param i32) (suspend $own (local.get 0)))
)
(register "reexport" $reexport)

(module $alien
  ;; an unrelated module whose tag index 0 has the type of tags.e
  (tag $mine (param i32))
  (func (export "suspend-mine") (param i32) (suspend $mine (local.get 0)))
)
(register "alien" $alien)

(module $user
  (type $fv (func))
  (type $kv (cont $fv))
  (type $f1 (func (param i32)))
  (type $k1 (cont $f1))
  (import "tags" "e" (tag $ie (param i32)))
  (import "reexport" "e-again" (tag $ire (param i32)))
  (import "reexport" "own" (tag $iown (param i32)))
  (import "tags" "suspend-e" (func $suspend-e (param i32)))
  (import "reexport" "suspend-own" (func $suspend-own (param i32)))
  (import "alien" "suspend-mine" (func $suspend-mine (param i32)))
  (tag $local (param i32))
  (tag $twin (param i32))

  (func $s-ie (param i32) (suspend $ie (local.get 0)))
  (func $s-ire (param i32) (suspend $ire (local.get 0)))
  (func $s-local (param i32) (suspend $local (local.get 0)))
  (func $s-twin (param i32) (suspend $twin (local.get 0)))
  (elem declare func $suspend-e $suspend-own $suspend-mine $s-ie $s-ire $s-local $s-twin)

  ;; Resumes `f` with argument 7 under two clauses, (on x $h1) (on y $h2),
  ;; and returns 1 or 2 for the label reached, times 100, plus the payload.
  ;; Each export fixes the two tags and the body.
  (func $two-clauses-ie-ire (param $f (ref $f1)) (result i32)
    (block $h2 (result i32 (ref $kv))
      (block $h1 (result i32 (ref $kv))
        (resume $k1 (on $ie $h1) (on $ire $h2) (i32.const 7) (cont.new $k1 (local.get $f)))
        (return (i32.const -1)))
      (drop) (return (i32.add (i32.const 100))))
    (drop) (i32.add (i32.const 200)))
  (func $two-clauses-ire-ie (param $f (ref $f1)) (result i32)
    (block $h2 (result i32 (ref $kv))
      (block $h1 (result i32 (ref $kv))
        (resume $k1 (on $ire $h1) (on $ie $h2) (i32.const 7) (cont.new $k1 (local.get $f)))
        (return (i32.const -1)))
      (drop) (return (i32.add (i32.const 100))))
    (drop) (i32.add (i32.const 200)))
  (func $two-clauses-local-ie (param $f (ref $f1)) (result i32)
    (block $h2 (result i32 (ref $kv))
      (block $h1 (result i32 (ref $kv))
        (resume $k1 (on $local $h1) (on $ie $h2) (i32.const 7) (cont.new $k1 (local.get $f)))
        (return (i32.const -1)))
      (drop) (return (i32.add (i32.const 100))))
    (drop) (i32.add (i32.const 200)))
  (func $two-clauses-twin-local (param $f (ref $f1)) (result i32)
    (block $h2 (result i32 (ref $kv))
      (block $h1 (result i32 (ref $kv))
        (resume $k1 (on $twin $h1) (on $local $h2) (i32.const 7) (cont.new $k1 (local.get $f)))
        (return (i32.const -1)))
      (drop) (return (i32.add (i32.const 100))))
    (drop) (i32.add (i32.const 200)))
  (func $two-clauses-iown-ie (param $f (ref $f1)) (result i32)
    (block $h2 (result i32 (ref $kv))
      (block $h1 (result i32 (ref $kv))
        (resume $k1 (on $iown $h1) (on $ie $h2) (i32.const 7) (cont.new $k1 (local.get $f)))
        (return (i32.const -1)))
      (drop) (return (i32.add (i32.const 100))))
    (drop) (i32.add (i32.const 200)))
  (func $only-ie (param $f (ref $f1))
    (block $h (result i32 (ref $kv))
      (resume $k1 (on $ie $h) (i32.const 7) (cont.new $k1 (local.get $f)))
      (return))
    (drop) (drop))

  ;; the exporter's suspend is caught by the importer's clause for it
  (func (export "exporter-suspend/ie") (result i32)
    (call $two-clauses-local-ie (ref.func $suspend-e)))
  ;; own import and re-export are the same tag: the first clause wins
  (func (export "exporter-suspend/ie-ire") (result i32)
    (call $two-clauses-ie-ire (ref.func $suspend-e)))
  (func (export "exporter-suspend/ire-ie") (result i32)
    (call $two-clauses-ire-ie (ref.func $suspend-e)))
  (func (export "import-suspend/ire-ie") (result i32)
    (call $two-clauses-ire-ie (ref.func $s-ie)))
  (func (export "reexport-suspend/ie-ire") (result i32)
    (call $two-clauses-ie-ire (ref.func $s-ire)))
  ;; a local tag of the same type is a different tag
  (func (export "local-suspend/local-ie") (result i32)
    (call $two-clauses-local-ie (ref.func $s-local)))
  (func (export "twin-suspend/twin-local") (result i32)
    (call $two-clauses-twin-local (ref.func $s-twin)))
  (func (export "local-suspend/twin-local") (result i32)
    (call $two-clauses-twin-local (ref.func $s-local)))
  ;; reexport's own tag vs the tag it re-exports
  (func (export "own-suspend/iown-ie") (result i32)
    (call $two-clauses-iown-ie (ref.func $suspend-own)))
  (func (export "exporter-suspend/iown-ie") (result i32)
    (call $two-clauses-iown-ie (ref.func $suspend-e)))
  ;; unhandled: the clause names a different tag of the same type
  (func (export "local-suspend/only-ie") (call $only-ie (ref.func $s-local)))
  (func (export "own-suspend/only-ie") (call $only-ie (ref.func $suspend-own)))
  ;; alien's tag index 0 is not this module's tag index 0
  (func (export "alien-suspend/only-ie") (call $only-ie (ref.func $suspend-mine)))
  (func (export "reexport-suspend/only-ie") (call $only-ie (ref.func $s-ire)))
)

(assert_return (invoke "exporter-suspend/ie") (i32.const 207))
(assert_return (invoke "exporter-suspend/ie-ire") (i32.const 107))
(assert_return (invoke "exporter-suspend/ire-ie") (i32.const 107))
(assert_return (invoke "import-suspend/ire-ie") (i32.const 107))
(assert_return (invoke "reexport-suspend/ie-ire") (i32.const 107))
(assert_return (invoke "local-suspend/local-ie") (i32.const 107))
(assert_return (invoke "twin-suspend/twin-local") (i32.const 107))
(assert_return (invoke "local-suspend/twin-local") (i32.const 207))
(assert_return (invoke "own-suspend/iown-ie") (i32.const 107))
(assert_return (invoke "exporter-suspend/iown-ie") (i32.const 207))
(assert_suspension (invoke "local-suspend/only-ie") "unhandled tag")
(assert_suspension (invoke "own-suspend/only-ie") "unhandled tag")
(assert_suspension (invoke "alien-suspend/only-ie") "unhandled tag")
(assert_return (invoke "reexport-suspend/only-ie"))

;; Two instances of one module definition have two different tags.
(module definition $tagdef
  (tag $t (export "t") (param i32))
  (func (export "s") (param i32) (suspend $t (local.get 0))))
(module instance $inst1 $tagdef)
(module instance $inst2 $tagdef)
(register "inst1" $inst1)
(register "inst2" $inst2)

(module $two-instances
  (type $fv (func))
  (type $kv (cont $fv))
  (type $f1 (func (param i32)))
  (type $k1 (cont $f1))
  (import "inst1" "t" (tag $t1 (param i32)))
  (import "inst2" "t" (tag $t2 (param i32)))
  (import "inst1" "s" (func $s1 (param i32)))
  (import "inst2" "s" (func $s2 (param i32)))
  (elem declare func $s1 $s2)
  (func $run (param $f (ref $f1)) (result i32)
    (block $h2 (result i32 (ref $kv))
      (block $h1 (result i32 (ref $kv))
        (resume $k1 (on $t1 $h1) (on $t2 $h2) (i32.const 4) (cont.new $k1 (local.get $f)))
        (return (i32.const -1)))
      (drop) (return (i32.add (i32.const 100))))
    (drop) (i32.add (i32.const 200)))
  (func (export "instance-1") (result i32) (call $run (ref.func $s1)))
  (func (export "instance-2") (result i32) (call $run (ref.func $s2)))
  (func (export "instance-2/only-t1")
    (block $h (result i32 (ref $kv))
      (resume $k1 (on $t1 $h) (i32.const 4) (cont.new $k1 (ref.func $s2)))
      (return))
    (drop) (drop))
)

(assert_return (invoke "instance-1") (i32.const 104))
(assert_return (invoke "instance-2") (i32.const 204))
(assert_suspension (invoke "instance-2/only-t1") "unhandled tag")

;; ---------------------------------------------------------------------------
;; 6. Suspending from inside H^ea: several call frames (call, call_ref,
;;    call_indirect), blocks, loops, `if` and `try_table`, with values on the
;;    operand stack and in locals of every frame. The tag $ask doubles its
;;    payload in the handler ("ask 21, get 42"); on resume everything that
;;    was captured must be intact, so each frame adds its own part to the
;;    result. A `try_table` does not catch a suspension, even one whose
;;    catch clause names the same tag, but it is still installed when the
;;    continuation is resumed.

(module $deep
  (type $fv (func))
  (type $kv (cont $fv))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (type $fi (func (param i32) (result i32)))
  (type $ki (cont $fi))
  (tag $ask (param i32) (result i32))
  ;; a tag without results: used both as an exception and for suspension
  (tag $both (param i32))
  (tag $exn (param i32))

  ;; Runs a continuation of type [] -> [i32]; every $ask is answered with
  ;; twice its payload, every $both with nothing (its payload is dropped);
  ;; the final result is returned.
  (func $drive (param $c (ref null $kr)) (result i32)
    (local $ki (ref null $ki))
    (loop $again
      (block $on-both (result i32 (ref $kr))
        (block $on-ask (result i32 (ref $ki))
          (return (resume $kr (on $ask $on-ask) (on $both $on-both) (local.get $c))))
        (local.set $ki)
        (i32.mul (i32.const 2))
        (local.get $ki)
        (local.set $c (cont.bind $ki $kr))
        (br $again))
      (local.set $c)
      (drop)
      (br $again))
    (unreachable))

  ;; three call frames: ((21*2 + 1) * 3) + 100 = 229
  (func $f3 (result i32) (i32.add (suspend $ask (i32.const 21)) (i32.const 1)))
  (func $f2 (result i32) (i32.mul (call $f3) (i32.const 3)))
  (func $f1 (result i32) (i32.add (call $f2) (i32.const 100)))
  (elem declare func $f1)
  (func (export "three-frames") (result i32)
    (call $drive (cont.new $kr (ref.func $f1))))

  ;; locals of every frame survive: each frame keeps its argument in a local
  ;; and adds it after the callee returns
  (func $l3 (param $x i32) (result i32)
    (local $y i32)
    (local.set $y (i32.mul (local.get $x) (i32.const 10)))
    (i32.add (suspend $ask (local.get $x)) (local.get $y)))
  (func $l2 (param $x i32) (result i32)
    (local $z i64)
    (local.set $z (i64.const 5000))
    (i32.add (call $l3 (i32.add (local.get $x) (i32.const 1)))
             (i32.wrap_i64 (local.get $z))))
  (func $l1 (result i32)
    (local $w f64)
    (local.set $w (f64.const 70000))
    (i32.add (call $l2 (i32.const 2)) (i32.trunc_f64_s (local.get $w))))
  (elem declare func $l1)
  ;; l3 gets x = 3: 6 + 30; l2 adds 5000; l1 adds 70000
  (func (export "locals-kept") (result i32)
    (call $drive (cont.new $kr (ref.func $l1))))

  ;; call_ref and call_indirect frames between the suspend and the prompt
  (table $tab funcref (elem $f3 $f2))
  (func $via-ref (result i32)
    (i32.sub (call_ref $fr (ref.func $f3)) (i32.const 3)))
  (func $via-indirect (result i32)
    (i32.sub (call_indirect $tab (type $fr) (i32.const 0)) (i32.const 40)))
  (func $via-both (result i32)
    ;; call_indirect of $f2 which calls $f3: (43 * 3) + 1
    (i32.add (call_indirect $tab (type $fr) (i32.const 1)) (i32.const 1)))
  (elem declare func $via-ref $via-indirect $via-both)
  (func (export "call-ref") (result i32) (call $drive (cont.new $kr (ref.func $via-ref))))
  (func (export "call-indirect") (result i32)
    (call $drive (cont.new $kr (ref.func $via-indirect))))
  (func (export "call-indirect-call") (result i32)
    (call $drive (cont.new $kr (ref.func $via-both))))

  ;; blocks, a loop and an if, with values pushed below at every level:
  ;; 1000 + 200 + 30 + 4 + 10
  (func $nested (result i32)
    (i32.const 1000)
    (block (result i32)
      (i32.const 200)
      (loop (result i32)
        (i32.const 30)
        (if (result i32) (i32.const 1)
          (then (i32.const 4) (suspend $ask (i32.const 5)) (i32.add))
          (else (i32.const -1000)))
        (i32.add))
      (i32.add))
    (i32.add))
  (elem declare func $nested)
  (func (export "blocks-loop-if") (result i32)
    (call $drive (cont.new $kr (ref.func $nested))))

  ;; a loop that suspends in each of its 5 iterations, keeping a running
  ;; sum in a local: sum of 2*i for i = 1..5, plus i itself each time
  (func $looping (result i32)
    (local $i i32) (local $sum i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $sum
        (i32.add (local.get $sum)
          (i32.add (local.get $i) (suspend $ask (local.get $i)))))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 5))))
    (local.get $sum))
  (elem declare func $looping)
  (func (export "suspend-in-loop") (result i32)
    (call $drive (cont.new $kr (ref.func $looping))))

  ;; try_table with catch_all around the suspend: not a handler for it.
  ;; If it caught, the result would be -1.
  (func $in-catch-all (result i32)
    (block $c
      (return
        (try_table (result i32) (catch_all $c)
          (i32.add (suspend $ask (i32.const 8)) (i32.const 1)))))
    (i32.const -1))
  ;; try_table whose catch names the very tag that is suspended
  (func $in-catch-same (result i32)
    (local $r i32)
    (block $c (result i32)
      (try_table (catch $both $c)
        (suspend $both (i32.const 3))
        (local.set $r (suspend $ask (i32.const 9))))
      (return (local.get $r)))
    (drop) (i32.const -1))
  ;; catch_ref and catch_all_ref too
  (func $in-catch-refs (result i32)
    (block $c (result exnref)
      (block $d (result i32 exnref)
        (try_table (result i32) (catch_ref $exn $d) (catch_all_ref $c)
          (i32.sub (suspend $ask (i32.const 50)) (i32.const 1)))
        (return))
      (drop) (drop) (return (i32.const -2)))
    (drop) (i32.const -1))
  ;; after the resume the try_table is in force again and catches a throw
  (func $throw-after-resume (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch $exn $c)
        (throw $exn (i32.add (suspend $ask (i32.const 11)) (i32.const 1000)))))
    (i32.add (i32.const 5)))
  (elem declare func $in-catch-all $in-catch-same $in-catch-refs $throw-after-resume)
  (func (export "try_table-catch-all") (result i32)
    (call $drive (cont.new $kr (ref.func $in-catch-all))))
  (func (export "try_table-catch-same-tag") (result i32)
    (call $drive (cont.new $kr (ref.func $in-catch-same))))
  (func (export "try_table-catch-refs") (result i32)
    (call $drive (cont.new $kr (ref.func $in-catch-refs))))
  (func (export "try_table-after-resume") (result i32)
    (call $drive (cont.new $kr (ref.func $throw-after-resume))))

  ;; a try_table in the resumer, around the resume, does not see the
  ;; suspension either: the prompt's handler gets it first
  (func (export "try_table-around-resume") (result i32)
    (block $c
      (block $h (result i32 (ref $ki))
        (try_table (catch_all $c)
          (drop (resume $kr (on $ask $h) (cont.new $kr (ref.func $f3)))))
        (return (i32.const -3)))
      (drop)
      (return))
    (i32.const -1))
)

(assert_return (invoke "three-frames") (i32.const 229))
(assert_return (invoke "locals-kept") (i32.const 75036))
(assert_return (invoke "call-ref") (i32.const 40))
(assert_return (invoke "call-indirect") (i32.const 3))
(assert_return (invoke "call-indirect-call") (i32.const 130))
(assert_return (invoke "blocks-loop-if") (i32.const 1244))
(assert_return (invoke "suspend-in-loop") (i32.const 45))
(assert_return (invoke "try_table-catch-all") (i32.const 17))
(assert_return (invoke "try_table-catch-same-tag") (i32.const 18))
(assert_return (invoke "try_table-catch-refs") (i32.const 99))
(assert_return (invoke "try_table-after-resume") (i32.const 1027))
(assert_return (invoke "try_table-around-resume") (i32.const 21))

;; ---------------------------------------------------------------------------
;; 7. The continuation `(ref.cont |S.conts|)` is a new one at every suspend:
;;    it holds H^ea (the part between the prompt and the suspend, not the
;;    prompt itself), so resuming it elsewhere installs the new resume's
;;    handlers; the continuation that was resumed is consumed, the new one
;;    is not.

(module $produced
  (type $fv (func))
  (type $kv (cont $fv))
  (type $f1 (func (param i32)))
  (type $k1 (cont $f1))
  (tag $t (param i32))

  (func $twice (suspend $t (i32.const 1)) (suspend $t (i32.const 2)))
  (elem declare func $twice)

  (global $first (mut (ref null $kv)) (ref.null $kv))
  (global $second (mut (ref null $kv)) (ref.null $kv))

  ;; first suspend: caught by this function's label
  (func $start (result i32)
    (block $h (result i32 (ref $kv))
      (resume $kv (on $t $h) (cont.new $kv (ref.func $twice)))
      (return (i32.const -1)))
    (global.set $first)
    (i32.const 100) (i32.add))
  ;; resume the first continuation under a different function's label
  (func $continue (result i32)
    (block $other (result i32 (ref $kv))
      (resume $kv (on $t $other) (global.get $first))
      (return (i32.const -1)))
    (global.set $second)
    (i32.const 200) (i32.add))

  (func (export "second-suspend-reaches-new-handler") (result i32)
    (i32.add (call $start) (call $continue)))
  ;; the first continuation was consumed by resuming it
  (func (export "first-is-consumed")
    (drop (call $start))
    (drop (call $continue))
    (resume $kv (global.get $first)))
  ;; the second one is not: resuming it finishes the body
  (func (export "second-is-fresh") (result i32)
    (drop (call $start))
    (drop (call $continue))
    (resume $kv (global.get $second))
    (i32.const 1))
)

(assert_return (invoke "second-suspend-reaches-new-handler") (i32.const 303))
(assert_trap (invoke "first-is-consumed") "continuation already consumed")
(assert_return (invoke "second-is-fresh") (i32.const 1))

;; ---------------------------------------------------------------------------
;; 8. The rule does not depend on an invocation from outside: a module's
;;    start function resumes a continuation that suspends; the payload
;;    arrives at the label and is stored in a global.

(module $start
  (type $fv (func))
  (type $kv (cont $fv))
  (tag $t (param i32))
  (global $got (mut i32) (i32.const 0))
  (func $body (suspend $t (i32.const 31)))
  (elem declare func $body)
  (func $start
    (block $h (result i32 (ref $kv))
      (resume $kv (on $t $h) (cont.new $kv (ref.func $body)))
      (return))
    (drop)
    (global.set $got))
  (start $start)
  (func (export "got") (result i32) (global.get $got))
)

(assert_return (invoke "got") (i32.const 31))
