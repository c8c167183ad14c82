;; A first script: a module with a function, the assertions that check it,
;; and a module that is not well-formed.
;;   wasmfx-ref examples/hello.wast

(module $hello
  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))

  ;; Count down from n to 0, by tail calls: constant stack space.
  (func $countdown (export "countdown") (param $n i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (i64.const 0))
      (else (return_call $countdown (i64.sub (local.get $n) (i64.const 1)))))))

(assert_return (invoke "add" (i32.const 2) (i32.const 40)) (i32.const 42))
(assert_return (invoke "countdown" (i64.const 1_000_000)) (i64.const 0))

;; Text that is not a module is rejected with the suite's message.
(assert_malformed
  (module quote "(func (i32.const 0x1_0000_0000) drop)")
  "constant out of range")
