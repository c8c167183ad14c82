;; A short tour of what runs: GC structs and arrays, exceptions caught by
;; try_table, traps, modules linked through `register`, and a generator
;; built from continuations.
;;   wasmfx-ref examples/tour.wast

;; A linked list of GC structs, summed by walking it.
(module $lists
  (type $cell (struct (field $head i64) (field $tail (ref null $cell))))
  (func $range (export "range") (param $n i64) (result (ref null $cell))
    (local $list (ref null $cell))
    (block $done
      (loop $more
        (br_if $done (i64.eqz (local.get $n)))
        (local.set $list (struct.new $cell (local.get $n) (local.get $list)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $more)))
    (local.get $list))
  (func $sum (export "sum") (param $list (ref null $cell)) (result i64)
    (local $s i64)
    (block $done
      (loop $more
        (local.set $list (br_on_null $done (local.get $list)))
        (local.set $s (i64.add (local.get $s) (struct.get $cell $head (local.get $list))))
        (local.set $list (struct.get $cell $tail (local.get $list)))
        (br $more)))
    (local.get $s))
  (func (export "sum-range") (param $n i64) (result i64)
    (call $sum (call $range (local.get $n)))))

(assert_return (invoke "sum-range" (i64.const 100000)) (i64.const 5000050000))
(assert_return (invoke "range" (i64.const 0)) (ref.null))
(assert_return (invoke "range" (i64.const 3)) (ref.struct))

;; An exception with a payload, thrown three calls deep, caught by try_table.
(module $errors
  (tag $too-big (export "too-big") (param i32))
  (func $check (param $x i32) (result i32)
    (if (i32.gt_u (local.get $x) (i32.const 100)) (then (throw $too-big (local.get $x))))
    (local.get $x))
  (func (export "clamp") (param $x i32) (result i32)
    (block $caught (result i32)
      (try_table (result i32) (catch $too-big $caught)
        (call $check (local.get $x)))
      (return))
    (drop)
    (i32.const 100))
  (func (export "check") (param $x i32) (result i32) (call $check (local.get $x)))
  (func (export "divide") (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b))))

(assert_return (invoke "clamp" (i32.const 7)) (i32.const 7))
(assert_return (invoke "clamp" (i32.const 1000)) (i32.const 100))
(assert_exception (invoke "check" (i32.const 1000)))
(assert_trap (invoke "divide" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_trap (invoke "divide" (i32.const 0x8000_0000) (i32.const -1)) "integer overflow")

;; Another module imports the tag by the name it is registered under.
(register "errors" $errors)
(module
  (import "errors" "too-big" (tag $too-big (param i32)))
  (func (export "catch-value") (param $x i32) (result i32)
    (block $caught (result i32)
      (try_table (catch $too-big $caught) (throw $too-big (local.get $x)))
      (unreachable))))

(assert_return (invoke "catch-value" (i32.const 42)) (i32.const 42))
(assert_unlinkable
  (module (import "errors" "too-big" (tag (param i64))))
  "incompatible import type")

;; Stack switching: a generator.  $count runs as a continuation; each
;; `suspend $yield` hands a number to whoever resumed it and waits.  The
;; consumer resumes it with a handler for $yield, which receives the number
;; and the rest of the generator as a new continuation.
(module
  (type $gen (func))
  (type $k (cont $gen))
  (tag $yield (param i32))
  (func $count (local $i i32)
    (loop $next
      (suspend $yield (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 5)))))
  (elem declare func $count)
  ;; 0 + 1 + 2 + 3 + 4
  (func (export "sum") (result i32)
    (local $k (ref null $k)) (local $sum i32)
    (local.set $k (cont.new $k (ref.func $count)))
    (loop $more
      (block $on_yield (result i32 (ref $k))
        (resume $k (on $yield $on_yield) (local.get $k))
        (return (local.get $sum)))   ;; the generator has finished
      (local.set $k)
      (local.set $sum (i32.add (local.get $sum)))
      (br $more))
    (unreachable))
  ;; a continuation runs once
  (func (export "twice")
    (local $k (ref null $k))
    (local.set $k (cont.new $k (ref.func $count)))
    (block $on_yield (result i32 (ref $k))
      (resume $k (on $yield $on_yield) (local.get $k))
      (return))
    (drop)
    (drop)
    ;; $k itself was used up by the first resume
    (block $again (result i32 (ref $k))
      (resume $k (on $yield $again) (local.get $k))
      (return))
    (unreachable)))

(assert_return (invoke "sum") (i32.const 10))
(assert_trap (invoke "twice") "continuation already consumed")
