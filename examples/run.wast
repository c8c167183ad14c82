(module
  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
  (func $outer (export "outer") (param i32) (result i32) (call $inner (local.get 0)))
  (func (export "two") (result i32 i64) (i32.const 1) (i64.const 2)))
(assert_return (invoke "outer" (i32.const 1)) (i32.const 2))
(invoke "outer" (i32.const 0))
