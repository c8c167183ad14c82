;; A stand-in function that must return a non-nullable reference: it has
;; none to return, and traps (test/direct.sh).
(module
  (import "env" "h" (func $h (result (ref func))))
  (func (export "h") (drop (call $h))))
