;; Suspensions: one nobody handles, and one that reaches a host function
;; that called back into Wasm (it traps, as JS does).
(module
  (import "fuzzing-support" "call-export" (func $call-export (param i32 i32)))
  (tag $t)
  (type $f (func))
  (type $k (cont $f))
  (func $sus (export "suspend") (suspend $t))
  (func $via (export "via-host") (call $call-export (i32.const 0) (i32.const 0)))
  (elem declare func $via)
  (func (export "handled-via-host") (result i32)
    (block $h (result (ref $k))
      (resume $k (on $t $h) (cont.new $k (ref.func $via)))
      (return (i32.const 0)))
    (drop)
    (i32.const 1))
  (func (export "fuel") (loop $l (br $l)))
)
