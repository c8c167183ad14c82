;; suspend/resume at the bottom of a deep stack: a round trip costs the
;; same at any depth, since nothing is copied.
(module
  (type $f (func))
  (type $k (cont $f))
  (tag $yield (param i32))
  (global $depth (mut i32) (i32.const 0))
  ;; recurses $depth deep, then yields $n times
  (func $dive (param $depth i32) (param $n i32)
    (if (local.get $depth)
      (then (return (call $dive (i32.sub (local.get $depth) (i32.const 1)) (local.get $n)))))
    (loop $l
      (suspend $yield (local.get $n))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func $gen (call $dive (global.get $depth) (i32.const 1000000)))
  (elem declare func $gen)
  (func (export "run") (param $depth i32) (result i32)
    (local $k (ref null $k)) (local $count i32)
    (global.set $depth (local.get $depth))
    (local.set $k (cont.new $k (ref.func $gen)))
    (loop $more
      (block $on (result i32 (ref $k))
        (resume $k (on $yield $on) (local.get $k))
        (return (local.get $count)))
      (local.set $k)
      (drop)
      (local.set $count (i32.add (local.get $count) (i32.const 1)))
      (br $more))
    (unreachable))
)
(assert_return (invoke "run" (i32.const 50000)) (i32.const 1000000))
