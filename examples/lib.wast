;; Registers a module for app.wast to import: run `wasmfx-ref lib.wast app.wast`.
(module $lib
  (func (export "double") (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 2))))
(register "lib" $lib)
