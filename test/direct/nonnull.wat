;; An import that no stand-in can provide: a non-nullable global and a
;; function returning a non-nullable reference (test/direct.sh).
(module
  (import "env" "h" (func $h (result (ref func))))
  (import "env" "nn" (global (ref any)))
  (func (export "h") (drop (call $h))))
