;; A 10-million-iteration counting loop: local.get/tee, i32.add, i32.lt_u,
;; br_if — the instruction dispatch itself.
(module
  (func (export "count") (param $n i32) (result i32)
    (local $i i32)
    (loop $l
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                          (local.get $n))))
    (local.get $i)))
(assert_return (invoke "count" (i32.const 10000000)) (i32.const 10000000))
