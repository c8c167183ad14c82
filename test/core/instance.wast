;; Module definitions and their instances (script format: "instance ::=
;; (module instance $i? $m?)", and "(assert_unlinkable <instance> <failure>)",
;; "(assert_trap <instance> <failure>)").  The official interpreter writes
;; these assertion forms itself when it converts a script to .bin.wast.
;; Regression: an assertion on an instance stopped the whole script with
;; "unexpected token instance".

(module definition $counter
  (global $n (export "n") (mut i32) (i32.const 0))
  (func (export "next") (result i32)
    (global.set $n (i32.add (global.get $n) (i32.const 1)))
    (global.get $n)))
(module instance $a $counter)
(module instance $b $counter)
(assert_return (invoke $a "next") (i32.const 1))
(assert_return (invoke $a "next") (i32.const 2))
(assert_return (invoke $b "next") (i32.const 1))   ;; each instance has its own global
(assert_return (get $a "n") (i32.const 2))

;; A definition that needs an import nobody registered.
(module definition $needs (import "nowhere" "f" (func)))
(assert_unlinkable (module instance $needs) "unknown import")
(assert_unlinkable (module instance $x $needs) "unknown import")

;; A definition whose start function traps.
(module definition $traps (func $start unreachable) (start $start))
(assert_trap (module instance $traps) "unreachable")
(assert_trap (module instance $y $traps) "unreachable")

;; Without a name: the latest unnamed definition.
(module definition (func $start (i32.div_u (i32.const 1) (i32.const 0)) drop) (start $start))
(assert_trap (module instance) "integer divide by zero")

;; A failed instantiation leaves the earlier instances as they were.
(assert_return (invoke $a "next") (i32.const 3))

;; Regression: an unnamed definition, then an unnamed instance; looking the
;; definition up compared two empty names with memcmp(NULL, NULL, 0), which
;; UBSan stops at (--enable-sanitizers).
(module definition (func (export "f") (result i32) (i32.const 1)))
(module instance)
(assert_return (invoke "f") (i32.const 1))
