;; An active element segment beyond its table, likewise as a table.init.
(module (table 1 funcref) (elem (i32.const 1) func $f) (func $f (export "f")))
