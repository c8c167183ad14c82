;; Imports what lib.wast registered, in the store the two files share.
(module
  (import "lib" "double" (func $double (param i32) (result i32)))
  (func (export "quadruple") (param i32) (result i32)
    (call $double (call $double (local.get 0)))))
(assert_return (invoke "quadruple" (i32.const 5)) (i32.const 20))
(invoke "quadruple" (i32.const 3))
