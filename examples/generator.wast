;; A generator: $fib runs as a continuation and hands out the Fibonacci
;; numbers below a bound one at a time with `suspend $yield`; a consumer
;; loop `resume`s it, each time receiving one number and the rest of the
;; generator.  When the generator returns, its `resume` returns its result.
;; Explainer rules shown: cont.new, cont.bind (the bound is bound before
;; the first resume), resume entering a prompt, suspend reaching the
;; prompt's (on $yield $label) handler, and the prompt ending with values.
;;   ./wasmfx-ref --trace examples/generator.wast

(module
  (type $fib-fn (func (param i32) (result i32)))
  (type $fib-start (cont $fib-fn))   ;; the generator before it has its bound
  (type $rest-fn (func (result i32)))
  (type $fib-rest (cont $rest-fn))   ;; ready to run on: needs no more values
  (tag $yield (param i32))           ;; no result: the consumer only says "go on"
  (memory 1)

  ;; Yields 0 1 1 2 3 5 … while below $max; returns how many it yielded.
  (func $fib (param $max i32) (result i32)
    (local $a i32) (local $b i32) (local $count i32)
    (local.set $b (i32.const 1))
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $a) (local.get $max)))
        (suspend $yield (local.get $a))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        ;; (a, b) := (b, a + b)
        (local.set $b (i32.add (local.get $a) (local.tee $a (local.get $b))))
        (br $more)))
    (local.get $count))
  (elem declare func $fib)

  (func $start (param $max i32) (result (ref $fib-rest))
    ;; binding $max up front gives the loops below one continuation type
    (cont.bind $fib-start $fib-rest (local.get $max)
      (cont.new $fib-start (ref.func $fib))))

  ;; Stores every number (the i-th at address 4*i) and returns the
  ;; generator's own result, which arrives when it finishes.
  (func $collect (export "collect") (param $max i32) (result i32)
    (local $k (ref null $fib-rest)) (local $n i32) (local $value i32)
    (local.set $k (call $start (local.get $max)))
    (loop $next
      (block $on_yield (result i32 (ref $fib-rest))
        ;; falls through only if the generator finished
        (return (resume $fib-rest (on $yield $on_yield) (local.get $k))))
      (local.set $k)
      (local.set $value)
      (i32.store (i32.shl (local.get $n) (i32.const 2)) (local.get $value))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next))
    (unreachable))

  (func $at (export "at") (param $i i32) (result i32)
    (i32.load (i32.shl (local.get $i) (i32.const 2))))

  ;; Sums the first $n numbers and then stops asking: the suspended rest of
  ;; the generator is simply never resumed.
  (func $sum-first (export "sum-first") (param $n i32) (result i32)
    (local $k (ref null $fib-rest)) (local $sum i32)
    (local.set $k (call $start (i32.const 1000)))
    (block $enough
      (loop $next
        (br_if $enough (i32.eqz (local.get $n)))
        (block $on_yield (result i32 (ref $fib-rest))
          (drop (resume $fib-rest (on $yield $on_yield) (local.get $k)))
          (br $enough))                  ;; fewer than $n numbers below 1000
        (local.set $k)
        ;; the yielded number is left on the stack: add it
        (local.set $sum (i32.add (local.get $sum)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $sum)))

(assert_return (invoke "collect" (i32.const 100)) (i32.const 12))
(assert_return (invoke "at" (i32.const 0)) (i32.const 0))
(assert_return (invoke "at" (i32.const 1)) (i32.const 1))
(assert_return (invoke "at" (i32.const 6)) (i32.const 8))
(assert_return (invoke "at" (i32.const 11)) (i32.const 89))
;; a bound of 0: the generator finishes on the first resume, yielding nothing
(assert_return (invoke "collect" (i32.const 0)) (i32.const 0))
;; 0 + 1 + 1 + 2 + 3
(assert_return (invoke "sum-first" (i32.const 5)) (i32.const 7))
;; all 17 numbers below 1000 sum to 2583, the generator finishing on its own
(assert_return (invoke "sum-first" (i32.const 50)) (i32.const 2583))
