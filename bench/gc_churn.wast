;; 100 million short-lived structs, each dropped at once: the collector has
;; to keep the heap bounded (run it with /usr/bin/time -v to see the peak).
(module
  (type $pair (struct (field i32) (field i64)))
  (func (export "churn") (param $n i32) (result i64)
    (local $i i32) (local $sum i64)
    (loop $l
      (local.set $sum (i64.add (local.get $sum)
        (struct.get $pair 1 (struct.new $pair (local.get $i) (i64.extend_i32_u (local.get $i))))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum)))
(assert_return (invoke "churn" (i32.const 100000000)) (i64.const 4999999950000000))
