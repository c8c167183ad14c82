(module
  (func $f (export "f")
    (call $nope)))
