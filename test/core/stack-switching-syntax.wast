;; The text format of stack switching (Explainer, "Instruction set
;; extension"): continuation types, tags with results, and every
;; instruction with its handlers.

(module
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (tag $yield (param i32) (result i32))
  (tag $swap (result i32))
  (tag $exn (param i32))

  (func $body (type $ft) (param $x i32) (result i32)
    (suspend $yield (local.get $x)))
  (elem declare func $body)

  ;; resume with a handler: the suspension arrives at $on_yield with the
  ;; tag's parameter and the continuation.
  (func (export "resume") (param $x i32) (result i32)
    (block $on_yield (result i32 (ref $ct))
      (return
        (resume $ct (on $yield $on_yield) (on $swap switch)
          (local.get $x) (cont.new $ct (ref.func $body)))))
    (drop))

  (func (export "bind") (result i32)
    (resume $ct0
      (cont.bind $ct $ct0 (i32.const 7) (cont.new $ct (ref.func $body)))))

  (func (export "throw") (result i32)
    (resume_throw $ct $exn (i32.const 1) (cont.new $ct (ref.func $body))))

  (func (export "throw_ref") (param exnref) (result i32)
    (resume_throw_ref $ct (local.get 0) (cont.new $ct (ref.func $body))))

  ;; switch to a continuation that takes the suspended one
  (rec (type $fs (func (param (ref null $cs)) (result i32)))
       (type $cs (cont $fs)))
  (func (param (ref $cs)) (result (ref null $cs))
    (switch $cs $swap (local.get 0)))

  (global contref (ref.null cont))
  (global nullcontref (ref.null nocont))
  (global (ref null $ct) (ref.null $ct)))

(assert_malformed (module quote "(type $t (cont))") "unexpected token")
(assert_malformed (module quote "(type $f (func)) (type $c (cont $f)) (tag $t) (func (resume $c (on $t))))") "unexpected token")
(assert_malformed (module quote "(type $f (func)) (type $c (cont $f)) (tag $t) (func (resume $c (on $t $nowhere))))") "unknown label")
(assert_malformed (module quote "(type $f (func)) (type $c (cont $f)) (func (resume $c (on $nope 0))))") "unknown tag")
(assert_malformed (module quote "(type $f (func)) (type $c (cont $f)) (func (switch $c)))") "unexpected token")
(assert_malformed (module quote "(func (cont.new $nope))") "unknown type")
