;; Binaryen 132 (wasm-opt, wasm-shell; npm binaryen@132) accepts these
;; invalid modules when the continuation operand is a ref.null: it checks the
;; immediates' types against the operand's, and a null (its bottom type)
;; leaves nothing to check.  With a (local.get) of the same type in its place
;; it rejects them.
;;
;; Found by test/fuzz/diff.sh --invalid on 2026-12-03 (of seeds 1-1000 of
;; --generate --invalid: 19 a cont.bind to a type that does not take the rest
;; of the parameters, 35 a switch whose continuation type's last parameter is
;; not a continuation, 1 (seed 967) a resume_throw of a tag with results),
;; written small by hand.  The rules (Explainer, Instructions) are on the
;; immediates:
;;   cont.bind $ct1 $ct2 : [t1* (ref null $ct1)] -> [(ref $ct2)]
;;     iff C.types[$ct1] ~~ cont [t1* t3*] -> [t2*]
;;     and C.types[$ct2] ~~ cont [t3'*] -> [t2'*]
;;     and [t3*] -> [t2*] <: [t3'*] -> [t2'*]
;;   switch $ct1 tu : [t1* (ref null $ct1)] -> [t2*]
;;     iff tu : [] -> [t*] and C.types[$ct1] ~~ cont [t1* (ref null? $ct2)] -> [te1*] ...
;;   resume_throw $ct $e hdl* : [te* (ref null $ct)] -> [t2*]
;;     iff ... C.tags[$e] : tag $ft and C.types[$ft] ~~ func [te*] -> []
(assert_invalid
  (module
    (type $f (func (param f32) (result f64)))
    (type $k (cont $f))
    (type $g (func (param funcref)))
    (type $kg (cont $g))
    (func (drop (cont.bind $k $kg (ref.null $k)))))
  "type mismatch")
(assert_invalid
  (module
    (type $f (func (param i32)))
    (type $k (cont $f))
    (tag $t)
    (func (switch $k $t (ref.null $k))))
  "type mismatch")
(assert_invalid
  (module
    (type $f (func))
    (type $k (cont $f))
    (tag $e (param i32) (result i32))
    (func (resume_throw $k $e (i32.const 4) (ref.null $k))))
  "non-empty tag result type")
