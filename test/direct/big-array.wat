;; An array beyond the heap limit: a host limit, in Binaryen's words (test/direct.sh).
(module (type $a (array i8)) (func (export "big") (result i32) (array.len (array.new_default $a (i32.const 0x7fffffff)))))
