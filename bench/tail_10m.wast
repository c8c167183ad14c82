;; A 10-million-deep tail recursion: return_call replaces the frame, so it
;; runs in constant stack (the default depth limit is 100,000 calls).
(module
  (func $down (export "down") (param $n i64) (param $acc i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call $down (i64.sub (local.get $n) (i64.const 1))
                               (i64.add (local.get $acc) (local.get $n)))))))
(assert_return (invoke "down" (i64.const 10000000) (i64.const 0)) (i64.const 50000005000000))
