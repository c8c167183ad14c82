;; An active data segment beyond its memory: instantiation traps, and the
;; log words it as Binaryen, which runs the segment as a memory.init.
(module (memory 1) (data (i32.const 65535) "ab") (func (export "f")))
