;; Exports to call directly: wasmfx-ref examples/calc.wat --invoke add 2 3
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func $div (export "div") (param i32) (result i32)
    (i32.div_s (i32.const 100) (local.get 0))))
