;; Values of every type through the channels of switch.
;;
;; Explainer, "Instruction set extension" / "Invoking continuations":
;;
;;   switch $ct1 $e : [t1* (ref null $ct1)] -> [t2*]
;;   where:
;;   - $e : [] -> [t*]
;;   - $ct1 = cont [t1* (ref $ct2)] -> [t*]
;;   - $ct2 = cont [t2*] -> [t*]
;;
;;   "It suspends the current continuation (of type `$ct2`), then performs a direct switch to
;;   the suspended peer continuation (of type `$ct1`), passing in the required parameters
;;   (including the just suspended current continuation, in order to allow the peer to switch
;;   back again)."
;;
;; Explainer, "Specification changes" / "Reduction":
;;
;;   * `S; F; (prompt{hdl1* (on ea switch) hdl2*} H^ea[v^n (ref.cont ca) (switch $ct ea)] end)
;;        --> S''; F; prompt{hdl1* (on ea switch) hdl2*} E[v^n (ref.cont |S.conts|)] end`
;;     - iff  `S.conts[ca] = E`
;;     - and `S'' = S' with conts += H^ea`
;;
;; What this file checks: the values v^n that switch passes arrive unchanged at the target, and
;; the values that the switching continuation receives when it is continued again (by another
;; switch, or by resume) arrive unchanged, for the same kinds of values as values.wast: i32,
;; i64, f32/f64 as bits (NaN payloads, -0), v128 (16 distinct bytes), funcref/(ref $f),
;; externref, anyref/eqref/i31ref, structref/(ref $s), arrayref, the null bottom types,
;; exnref/(ref exn), contref/(ref $k0)/(ref null $k0), and all at once.
;;
;; Organisation: one module per type, all of the same shape ($make builds the value for the
;; script's input x, $obs turns it into something the script compares exactly). Channels:
;;
;;   switch-arg-fresh       switch's values -> parameters of a fresh target's function
;;   switch-arg-suspended   switch's values -> results of the target's pending suspend
;;   switch-arg-bound       switch's values after a value bound to the target by cont.bind
;;   switch-back            the switcher is switched back to: the values are the results of
;;                          its switch (followed by the other side's continuation, non-null)
;;   switch-back-by-resume  the switcher's continuation is resumed from outside: the values
;;                          are the results of its switch (followed by a null continuation)
;;
;; After each module, every test input is run through every channel. A last module sends
;; forty values of mixed types through switch in both directions at once.

;; ------------------------------------------------------------------------------------------
;; i32: the bits arrive unchanged.
(module $S-i32
  (type $obs-t (func (param i32) (result i32)))   ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param i32 (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 i32 (ref null $out-k)) (result i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))                      ;; the switch tag
  (tag $wait (result i32 (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result i32)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "switch-arg-bound" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "switch-back" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "switch-arg-fresh" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "switch-arg-bound" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "switch-back" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))

;; ------------------------------------------------------------------------------------------
;; i64: all 64 bits arrive unchanged.
(module $S-i64
  (type $obs-t (func (param i64) (result i64)))   ;; the observer's type
  (type $out-t (func (result i64)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param i64 (ref null $out-k)) (result i64)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 i64 (ref null $out-k)) (result i64)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i64)))
  (type $b-k (cont $b-t))
  (tag $sw (result i64))                      ;; the switch tag
  (tag $wait (result i64 (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i64) (i64.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i64) (result i64)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i64) (result i64)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "switch-arg-suspended" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "switch-arg-bound" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "switch-back" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "switch-back-by-resume" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "switch-arg-fresh" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "switch-arg-suspended" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "switch-arg-bound" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "switch-back" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "switch-back-by-resume" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))

;; ------------------------------------------------------------------------------------------
;; f32: given and checked as bits (i32); a signalling NaN with a payload, a
  ;; negative quiet NaN with a payload and -0 keep every bit.
(module $S-f32
  (type $obs-t (func (param f32) (result i32)))   ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param f32 (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 f32 (ref null $out-k)) (result i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))                      ;; the switch tag
  (tag $wait (result f32 (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result f32)
    (f32.reinterpret_i32 (local.get 0)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (i32.reinterpret_f32 (local.get 0)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "switch-arg-bound" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "switch-back" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "switch-arg-fresh" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "switch-arg-suspended" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "switch-arg-bound" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "switch-back" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "switch-back-by-resume" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "switch-arg-fresh" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "switch-arg-bound" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "switch-back" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x80000000)) (i32.const 0x80000000))

;; ------------------------------------------------------------------------------------------
;; f64: given and checked as bits (i64); NaNs with payloads and -0.
(module $S-f64
  (type $obs-t (func (param f64) (result i64)))   ;; the observer's type
  (type $out-t (func (result i64)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param f64 (ref null $out-k)) (result i64)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 f64 (ref null $out-k)) (result i64)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i64)))
  (type $b-k (cont $b-t))
  (tag $sw (result i64))                      ;; the switch tag
  (tag $wait (result f64 (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i64) (i64.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i64) (result f64)
    (f64.reinterpret_i64 (local.get 0)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (i64.reinterpret_f64 (local.get 0)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i64) (result i64)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "switch-arg-suspended" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "switch-arg-bound" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "switch-back" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "switch-back-by-resume" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "switch-arg-fresh" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "switch-arg-suspended" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "switch-arg-bound" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "switch-back" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "switch-back-by-resume" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "switch-arg-fresh" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "switch-arg-suspended" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "switch-arg-bound" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "switch-back" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "switch-back-by-resume" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))

;; ------------------------------------------------------------------------------------------
;; v128: all 16 bytes distinct, so a lane swap or a lost half shows.
(module $S-v128
  (type $obs-t (func (param v128) (result v128)))   ;; the observer's type
  (type $out-t (func (result v128)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param v128 (ref null $out-k)) (result v128)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 v128 (ref null $out-k)) (result v128)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result v128)))
  (type $b-k (cont $b-t))
  (tag $sw (result v128))                      ;; the switch tag
  (tag $wait (result v128 (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut v128) (v128.const i64x2 0 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param v128) (result v128)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x v128) (result v128)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x v128) (result v128)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x v128) (result v128)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x v128) (result v128)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x v128) (result v128)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "switch-arg-suspended" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "switch-arg-bound" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "switch-back" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "switch-back-by-resume" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "switch-arg-fresh" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "switch-arg-suspended" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "switch-arg-bound" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "switch-back" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "switch-back-by-resume" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))

;; ------------------------------------------------------------------------------------------
;; funcref: the function (selected by index; -1 for null) is called on arrival
  ;; and gives 100 + its index; null gives -1.
(module $S-funcref
  (type $f (func (result i32)))
  (func $f100 (type $f) (i32.const 100))
  (func $f101 (type $f) (i32.const 101))
  (func $f102 (type $f) (i32.const 102))
  (table $fs funcref (elem $f100 $f101 $f102))
  (type $obs-t (func (param funcref) (result i32)))   ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param funcref (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 funcref (ref null $out-k)) (result i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))                      ;; the switch tag
  (tag $wait (result funcref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result funcref)
    (if (result funcref) (i32.eq (local.get 0) (i32.const -1))
      (then (ref.null func))
      (else (table.get $fs (local.get 0)))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (if (result i32) (ref.is_null (local.get 0))
      (then (i32.const -1))
      (else (call_ref $f (ref.cast (ref $f) (local.get 0))))))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 1)) (i32.const 101))
(assert_return (invoke "switch-arg-suspended" (i32.const 1)) (i32.const 101))
(assert_return (invoke "switch-arg-bound" (i32.const 1)) (i32.const 101))
(assert_return (invoke "switch-back" (i32.const 1)) (i32.const 101))
(assert_return (invoke "switch-back-by-resume" (i32.const 1)) (i32.const 101))
(assert_return (invoke "switch-arg-fresh" (i32.const 2)) (i32.const 102))
(assert_return (invoke "switch-arg-suspended" (i32.const 2)) (i32.const 102))
(assert_return (invoke "switch-arg-bound" (i32.const 2)) (i32.const 102))
(assert_return (invoke "switch-back" (i32.const 2)) (i32.const 102))
(assert_return (invoke "switch-back-by-resume" (i32.const 2)) (i32.const 102))
(assert_return (invoke "switch-arg-fresh" (i32.const -1)) (i32.const -1))
(assert_return (invoke "switch-arg-suspended" (i32.const -1)) (i32.const -1))
(assert_return (invoke "switch-arg-bound" (i32.const -1)) (i32.const -1))
(assert_return (invoke "switch-back" (i32.const -1)) (i32.const -1))
(assert_return (invoke "switch-back-by-resume" (i32.const -1)) (i32.const -1))

;; ------------------------------------------------------------------------------------------
;; (ref $f): called on arrival with call_ref; the handler label takes it as funcref.
(module $S-ref-func
  (type $f (func (result i32)))
  (func $f100 (type $f) (i32.const 100))
  (func $f101 (type $f) (i32.const 101))
  (func $f102 (type $f) (i32.const 102))
  (table $fs funcref (elem $f100 $f101 $f102))
  (type $obs-t (func (param (ref $f)) (result i32)))   ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param (ref $f) (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 (ref $f) (ref null $out-k)) (result i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))                      ;; the switch tag
  (tag $wait (result (ref $f) (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result (ref $f))
    (ref.cast (ref $f) (table.get $fs (local.get 0))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (call_ref $f (local.get 0)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0)) (i32.const 100))
(assert_return (invoke "switch-arg-suspended" (i32.const 0)) (i32.const 100))
(assert_return (invoke "switch-arg-bound" (i32.const 0)) (i32.const 100))
(assert_return (invoke "switch-back" (i32.const 0)) (i32.const 100))
(assert_return (invoke "switch-back-by-resume" (i32.const 0)) (i32.const 100))
(assert_return (invoke "switch-arg-fresh" (i32.const 2)) (i32.const 102))
(assert_return (invoke "switch-arg-suspended" (i32.const 2)) (i32.const 102))
(assert_return (invoke "switch-arg-bound" (i32.const 2)) (i32.const 102))
(assert_return (invoke "switch-back" (i32.const 2)) (i32.const 102))
(assert_return (invoke "switch-back-by-resume" (i32.const 2)) (i32.const 102))

;; ------------------------------------------------------------------------------------------
;; externref: host references from the script come back as the same reference.
(module $S-externref
  (type $obs-t (func (param externref) (result externref)))   ;; the observer's type
  (type $out-t (func (result externref)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param externref (ref null $out-k)) (result externref)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 externref (ref null $out-k)) (result externref)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result externref)))
  (type $b-k (cont $b-t))
  (tag $sw (result externref))                      ;; the switch tag
  (tag $wait (result externref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut externref) (ref.null extern))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param externref) (result externref)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x externref) (result externref)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x externref) (result externref)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x externref) (result externref)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x externref) (result externref)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x externref) (result externref)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "switch-arg-suspended" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "switch-arg-bound" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "switch-back" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "switch-back-by-resume" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "switch-arg-fresh" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "switch-arg-suspended" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "switch-arg-bound" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "switch-back" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "switch-back-by-resume" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "switch-arg-fresh" (ref.null extern)) (ref.null extern))
(assert_return (invoke "switch-arg-suspended" (ref.null extern)) (ref.null extern))
(assert_return (invoke "switch-arg-bound" (ref.null extern)) (ref.null extern))
(assert_return (invoke "switch-back" (ref.null extern)) (ref.null extern))
(assert_return (invoke "switch-back-by-resume" (ref.null extern)) (ref.null extern))

;; ------------------------------------------------------------------------------------------
;; anyref: selector 0 = i31 0x2bcdef01, 1 = struct with field 0x11223344,
  ;; 2 = array whose element 1 is 0x66778899, 3 = null (-1); the observer tells them apart.
(module $S-anyref
  (type $s (struct (field i32)))
  (type $a (array i32))
  (type $obs-t (func (param anyref) (result i32)))   ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param anyref (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 anyref (ref null $out-k)) (result i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))                      ;; the switch tag
  (tag $wait (result anyref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result anyref)
    (block $default
      (block $b2
        (block $b1
          (block $b0
            (br_table $b0 $b1 $b2 $default (local.get 0)))
          (return (ref.i31 (i32.const 0x2bcdef01))))
        (return (struct.new $s (i32.const 0x11223344))))
      (return (array.new_fixed $a 2 (i32.const 0x55) (i32.const 0x66778899))))
    (ref.null none))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (if (ref.is_null (local.get 0)) (then (return (i32.const -1))))
    (if (ref.test (ref i31) (local.get 0))
      (then (return (i31.get_u (ref.cast (ref i31) (local.get 0))))))
    (if (ref.test (ref $s) (local.get 0))
      (then (return (struct.get $s 0 (ref.cast (ref $s) (local.get 0))))))
    (array.get $a (ref.cast (ref $a) (local.get 0)) (i32.const 1)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-arg-suspended" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-arg-bound" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-back" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-back-by-resume" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-arg-fresh" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-arg-suspended" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-arg-bound" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-back" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-back-by-resume" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-arg-fresh" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "switch-arg-suspended" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "switch-arg-bound" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "switch-back" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "switch-back-by-resume" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "switch-arg-fresh" (i32.const 3)) (i32.const -1))
(assert_return (invoke "switch-arg-suspended" (i32.const 3)) (i32.const -1))
(assert_return (invoke "switch-arg-bound" (i32.const 3)) (i32.const -1))
(assert_return (invoke "switch-back" (i32.const 3)) (i32.const -1))
(assert_return (invoke "switch-back-by-resume" (i32.const 3)) (i32.const -1))

;; ------------------------------------------------------------------------------------------
;; eqref: same values as anyref; the handler label takes it as anyref.
(module $S-eqref
  (type $s (struct (field i32)))
  (type $a (array i32))
  (type $obs-t (func (param eqref) (result i32)))   ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param eqref (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 eqref (ref null $out-k)) (result i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))                      ;; the switch tag
  (tag $wait (result eqref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result eqref)
    (block $default
      (block $b2
        (block $b1
          (block $b0
            (br_table $b0 $b1 $b2 $default (local.get 0)))
          (return (ref.i31 (i32.const 0x2bcdef01))))
        (return (struct.new $s (i32.const 0x11223344))))
      (return (array.new_fixed $a 2 (i32.const 0x55) (i32.const 0x66778899))))
    (ref.null none))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (if (ref.is_null (local.get 0)) (then (return (i32.const -1))))
    (if (ref.test (ref i31) (local.get 0))
      (then (return (i31.get_u (ref.cast (ref i31) (local.get 0))))))
    (if (ref.test (ref $s) (local.get 0))
      (then (return (struct.get $s 0 (ref.cast (ref $s) (local.get 0))))))
    (array.get $a (ref.cast (ref $a) (local.get 0)) (i32.const 1)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-arg-suspended" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-arg-bound" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-back" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-back-by-resume" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "switch-arg-fresh" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-arg-suspended" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-arg-bound" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-back" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-back-by-resume" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "switch-arg-fresh" (i32.const 3)) (i32.const -1))
(assert_return (invoke "switch-arg-suspended" (i32.const 3)) (i32.const -1))
(assert_return (invoke "switch-arg-bound" (i32.const 3)) (i32.const -1))
(assert_return (invoke "switch-back" (i32.const 3)) (i32.const -1))
(assert_return (invoke "switch-back-by-resume" (i32.const 3)) (i32.const -1))

;; ------------------------------------------------------------------------------------------
;; i31ref: i31.get_s of the value; the label takes it as eqref.
(module $S-i31ref
  (type $obs-t (func (param i31ref) (result i32)))   ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param i31ref (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 i31ref (ref null $out-k)) (result i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))                      ;; the switch tag
  (tag $wait (result i31ref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result i31ref)
    (ref.i31 (local.get 0)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (i31.get_s (local.get 0)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "switch-arg-bound" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "switch-back" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "switch-arg-fresh" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "switch-arg-bound" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "switch-back" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "switch-arg-fresh" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "switch-arg-bound" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "switch-back" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x80000005)) (i32.const 5))

;; ------------------------------------------------------------------------------------------
;; structref: both fields are read on arrival; the label takes it as anyref.
(module $S-structref
  (type $s (struct (field i32) (field (mut i64))))
  (type $obs-t (func (param structref) (result i32 i64)))   ;; the observer's type
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param structref (ref null $out-k)) (result i32 i64)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 structref (ref null $out-k)) (result i32 i64)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i64)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i64))                      ;; the switch tag
  (tag $wait (result structref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result structref)
    (struct.new $s (local.get 0) (i64.const 0x0102030405060708)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (struct.get $s 0 (ref.cast (ref $s) (local.get 0)))
    (struct.get $s 1 (ref.cast (ref $s) (local.get 0))))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i64)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "switch-arg-suspended" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "switch-arg-bound" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "switch-back" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "switch-back-by-resume" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "switch-arg-fresh" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "switch-arg-suspended" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "switch-arg-bound" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "switch-back" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "switch-back-by-resume" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))

;; ------------------------------------------------------------------------------------------
;; (ref $s): read without a cast; the label takes it as (ref null struct).
(module $S-ref-struct
  (type $s (struct (field i32) (field (mut i64))))
  (type $obs-t (func (param (ref $s)) (result i32 i64)))   ;; the observer's type
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param (ref $s) (ref null $out-k)) (result i32 i64)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 (ref $s) (ref null $out-k)) (result i32 i64)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i64)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i64))                      ;; the switch tag
  (tag $wait (result (ref $s) (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result (ref $s))
    (struct.new $s (local.get 0) (i64.extend_i32_s (local.get 0))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (struct.get $s 0 (local.get 0)) (struct.get $s 1 (local.get 0)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i64)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "switch-arg-suspended" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "switch-arg-bound" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "switch-back" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "switch-back-by-resume" (i32.const -3)) (i32.const -3) (i64.const -3))

;; ------------------------------------------------------------------------------------------
;; arrayref: length and elements 0 and 2 are read on arrival; the label takes it as eqref.
(module $S-arrayref
  (type $a (array (mut i32)))
  (type $obs-t (func (param arrayref) (result i32 i32 i32)))   ;; the observer's type
  (type $out-t (func (result i32 i32 i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param arrayref (ref null $out-k)) (result i32 i32 i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 arrayref (ref null $out-k)) (result i32 i32 i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i32 i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i32 i32))                      ;; the switch tag
  (tag $wait (result arrayref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result arrayref)
    (array.new_fixed $a 3 (local.get 0) (i32.const 77) (i32.shl (local.get 0) (i32.const 1))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (array.len (local.get 0))
    (array.get $a (ref.cast (ref $a) (local.get 0)) (i32.const 0))
    (array.get $a (ref.cast (ref $a) (local.get 0)) (i32.const 2)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i32 i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i32 i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "switch-arg-suspended" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "switch-arg-bound" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "switch-back" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "switch-back-by-resume" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "switch-arg-fresh" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "switch-arg-bound" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "switch-back" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))

;; ------------------------------------------------------------------------------------------
;; nullref: travels after an i32 (so a shifted stack shows); it must arrive as null.
(module $S-nullref
  (type $obs-t (func (param i32 nullref) (result i32 i32)))   ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param i32 nullref (ref null $out-k)) (result i32 i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 i32 nullref (ref null $out-k)) (result i32 i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i32))                      ;; the switch tag
  (tag $wait (result i32 nullref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result i32 nullref)
    (local.get 0) (ref.null none))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0) (local.get 1)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1) (local.get 2)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-arg-bound" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-back" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; nullfuncref: travels after an i32 (so a shifted stack shows); it must arrive as null.
(module $S-nullfuncref
  (type $obs-t (func (param i32 nullfuncref) (result i32 i32)))   ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param i32 nullfuncref (ref null $out-k)) (result i32 i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 i32 nullfuncref (ref null $out-k)) (result i32 i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i32))                      ;; the switch tag
  (tag $wait (result i32 nullfuncref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result i32 nullfuncref)
    (local.get 0) (ref.null nofunc))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0) (local.get 1)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1) (local.get 2)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-arg-bound" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-back" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; nullexternref: travels after an i32 (so a shifted stack shows); it must arrive as null.
(module $S-nullexternref
  (type $obs-t (func (param i32 nullexternref) (result i32 i32)))   ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param i32 nullexternref (ref null $out-k)) (result i32 i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 i32 nullexternref (ref null $out-k)) (result i32 i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i32))                      ;; the switch tag
  (tag $wait (result i32 nullexternref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result i32 nullexternref)
    (local.get 0) (ref.null noextern))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0) (local.get 1)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1) (local.get 2)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-arg-bound" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-back" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; (ref null nocont): travels after an i32 (so a shifted stack shows); it must arrive as null.
  ;; (Continuation types are not castable, so the label keeps the type.)
(module $S-nullcontref
  (type $obs-t (func (param i32 (ref null nocont)) (result i32 i32)))   ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param i32 (ref null nocont) (ref null $out-k)) (result i32 i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 i32 (ref null nocont) (ref null $out-k)) (result i32 i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i32))                      ;; the switch tag
  (tag $wait (result i32 (ref null nocont) (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result i32 (ref null nocont))
    (local.get 0) (ref.null nocont))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0) (local.get 1)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1) (local.get 2)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-arg-bound" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-back" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; exnref: on arrival it is rethrown with throw_ref and its payload caught.
(module $S-exnref
  (tag $e (param i32 i64))
  (type $obs-t (func (param exnref) (result i32 i64)))   ;; the observer's type
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param exnref (ref null $out-k)) (result i32 i64)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 exnref (ref null $out-k)) (result i32 i64)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i64)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i64))                      ;; the switch tag
  (tag $wait (result exnref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result exnref)
    (block $c (result (ref exn))
      (try_table (catch_all_ref $c)
        (throw $e (local.get 0) (i64.mul (i64.extend_i32_u (local.get 0)) (i64.const 0x100000001))))
      (unreachable)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (block $c (result i32 i64)
      (try_table (catch $e $c) (throw_ref (local.get 0)))
      (unreachable)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i64)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "switch-arg-suspended" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "switch-arg-bound" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "switch-back" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "switch-back-by-resume" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "switch-arg-fresh" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "switch-arg-bound" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "switch-back" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))

;; ------------------------------------------------------------------------------------------
;; (ref exn): rethrown on arrival; the label takes it as exnref.
(module $S-ref-exn
  (tag $e (param i32 i64))
  (type $obs-t (func (param (ref exn)) (result i32 i64)))   ;; the observer's type
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param (ref exn) (ref null $out-k)) (result i32 i64)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 (ref exn) (ref null $out-k)) (result i32 i64)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i64)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i64))                      ;; the switch tag
  (tag $wait (result (ref exn) (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result (ref exn))
    (block $c (result (ref exn))
      (try_table (catch_all_ref $c)
        (throw $e (local.get 0) (i64.mul (i64.extend_i32_u (local.get 0)) (i64.const 0x100000001))))
      (unreachable)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (block $c (result i32 i64)
      (try_table (catch $e $c) (throw_ref (local.get 0)))
      (unreachable)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i64)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "switch-arg-suspended" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "switch-arg-bound" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "switch-back" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "switch-back-by-resume" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))

;; ------------------------------------------------------------------------------------------
;; contref (abstract, not castable, so only nullness can be observed): selector odd
  ;; = a live continuation, even = null; it travels after the i32.
(module $S-contref
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (tag $kpause)
  ;; 3x+1, pausing once on the way
  (func $kfun (type $kf1) (suspend $kpause) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (elem declare func $kfun)
  (type $obs-t (func (param i32 contref) (result i32 i32)))   ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param i32 contref (ref null $out-k)) (result i32 i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 i32 contref (ref null $out-k)) (result i32 i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i32))                      ;; the switch tag
  (tag $wait (result i32 contref (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result i32 contref)
    (local.get 0)
    (if (result contref) (i32.and (local.get 0) (i32.const 1))
      (then (cont.new $k1 (ref.func $kfun)))
      (else (ref.null cont))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0) (local.get 1)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1) (local.get 2)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32 i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "switch-arg-suspended" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "switch-arg-bound" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "switch-back" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "switch-back-by-resume" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "switch-arg-fresh" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "switch-arg-suspended" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "switch-arg-bound" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "switch-back" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "switch-back-by-resume" (i32.const 4)) (i32.const 4) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; (ref $k0): a fresh continuation of $kfun with x bound by cont.bind; on arrival it
  ;; is resumed (handling its pause) and must compute 3x+1. The label takes it as (ref null $k0).
(module $S-ref-cont
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (tag $kpause)
  ;; 3x+1, pausing once on the way
  (func $kfun (type $kf1) (suspend $kpause) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (elem declare func $kfun)
  (type $obs-t (func (param (ref $k0)) (result i32)))   ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param (ref $k0) (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 (ref $k0) (ref null $out-k)) (result i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))                      ;; the switch tag
  (tag $wait (result (ref $k0) (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result (ref $k0))
    (cont.bind $k1 $k0 (local.get 0) (cont.new $k1 (ref.func $kfun))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0)
    (block $p (param (ref $k0)) (result (ref $k0))
      (return (resume $k0 (on $kpause $p))))
    (resume $k0))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 5)) (i32.const 16))
(assert_return (invoke "switch-arg-suspended" (i32.const 5)) (i32.const 16))
(assert_return (invoke "switch-arg-bound" (i32.const 5)) (i32.const 16))
(assert_return (invoke "switch-back" (i32.const 5)) (i32.const 16))
(assert_return (invoke "switch-back-by-resume" (i32.const 5)) (i32.const 16))
(assert_return (invoke "switch-arg-fresh" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "switch-arg-suspended" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "switch-arg-bound" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "switch-back" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "switch-back-by-resume" (i32.const 0x10000000)) (i32.const 0x30000001))

;; ------------------------------------------------------------------------------------------
;; (ref null $k0): selector 0 = null (-1); otherwise a continuation of $kfun already
  ;; run up to its pause (a suspended one, not a fresh one); on arrival it is resumed to the end.
(module $S-ref-null-cont
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (tag $kpause)
  ;; 3x+1, pausing once on the way
  (func $kfun (type $kf1) (suspend $kpause) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (elem declare func $kfun)
  (type $obs-t (func (param (ref null $k0)) (result i32)))   ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param (ref null $k0) (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 (ref null $k0) (ref null $out-k)) (result i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))                      ;; the switch tag
  (tag $wait (result (ref null $k0) (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut i32) (i32.const 0))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param i32) (result (ref null $k0))
    (if (i32.eqz (local.get 0)) (then (return (ref.null $k0))))
    (block $p (result (ref $k0))
      (drop (resume $k0 (on $kpause $p)
        (cont.bind $k1 $k0 (local.get 0) (cont.new $k1 (ref.func $kfun)))))
      (unreachable)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (if (result i32) (ref.is_null (local.get 0))
      (then (i32.const -1))
      (else (resume $k0 (local.get 0)))))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x i32) (result i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (i32.const 6)) (i32.const 19))
(assert_return (invoke "switch-arg-suspended" (i32.const 6)) (i32.const 19))
(assert_return (invoke "switch-arg-bound" (i32.const 6)) (i32.const 19))
(assert_return (invoke "switch-back" (i32.const 6)) (i32.const 19))
(assert_return (invoke "switch-back-by-resume" (i32.const 6)) (i32.const 19))
(assert_return (invoke "switch-arg-fresh" (i32.const 0)) (i32.const -1))
(assert_return (invoke "switch-arg-suspended" (i32.const 0)) (i32.const -1))
(assert_return (invoke "switch-arg-bound" (i32.const 0)) (i32.const -1))
(assert_return (invoke "switch-back" (i32.const 0)) (i32.const -1))
(assert_return (invoke "switch-back-by-resume" (i32.const 0)) (i32.const -1))

;; ------------------------------------------------------------------------------------------
;; Thirteen values of different types at once, so that any reordering or loss shows:
  ;; i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0).
(module $S-mixed
  (type $f (func (result i32)))
  (func $f55 (type $f) (i32.const 55))
  (type $s (struct (field i32)))
  (type $a (array i32))
  (tag $e (param i32))
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (func $kfun (type $kf1) (i32.sub (i32.const 1000) (local.get 0)))
  (elem declare func $f55 $kfun)
  (type $obs-t (func (param i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0)) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))   ;; the observer's type
  (type $out-t (func (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))
  (type $out-k (cont $out-t))
  ;; a continuation that receives the values and the switcher's continuation
  (type $tgt-t (func (param i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0) (ref null $out-k)) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))
  (type $tgt-k (cont $tgt-t))
  ;; the same with an i32 in front, to be bound by cont.bind
  (type $tgt3-t (func (param i32 i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0) (ref null $out-k)) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))
  (type $tgt3-k (cont $tgt3-t))
  ;; a continuation that receives a continuation expecting the values
  (type $b-t (func (param (ref null $tgt-k)) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32))                      ;; the switch tag
  (tag $wait (result i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0) (ref null $out-k)))    ;; a target waits for the values at a suspend
  (tag $park (param (ref null $tgt-k)))         ;; hands a switcher's continuation to the outside
  (global $in (mut externref) (ref.null extern))
  (global $target (mut (ref null $tgt-k)) (ref.null $tgt-k))

  ;; the value for input x
  (func $make (param externref) (result i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0))
    (i32.const 0xa1a2a3a4)
    (i64.const 0xb1b2b3b4b5b6b7b8)
    (f32.reinterpret_i32 (i32.const 0x7f800001))
    (f64.reinterpret_i64 (i64.const 0xfff0000000000003))
    (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
    (ref.func $f55)
    (local.get 0)
    (ref.i31 (i32.const 0x12345))
    (struct.new $s (i32.const 0x5151))
    (array.new_fixed $a 1 (i32.const 0x6161))
    (ref.null none)
    (block $c (result exnref)
      (try_table (catch_all_ref $c) (throw $e (i32.const 0x7171)))
      (unreachable))
    (cont.bind $k1 $k0 (i32.const 1) (cont.new $k1 (ref.func $kfun))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0)
    (local.get 1)
    (i32.reinterpret_f32 (local.get 2))
    (i64.reinterpret_f64 (local.get 3))
    (local.get 4)
    (call_ref $f (ref.cast (ref $f) (local.get 5)))
    (local.get 6)
    (i31.get_u (local.get 7))
    (struct.get $s 0 (local.get 8))
    (array.get $a (ref.cast (ref $a) (local.get 9)) (i32.const 0))
    (ref.is_null (local.get 10))
    (block $c (result i32)
      (try_table (catch $e $c) (throw_ref (local.get 11)))
      (unreachable))
    (resume $k0 (local.get 12)))

  ;; targets: each observes the values it was given
  (func $tgt (type $tgt-t)
    (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 9) (local.get 10) (local.get 11) (local.get 12)
    (call $obs))
  (func $tgt-suspended (type $out-t)
    (suspend $wait)
    (drop)
    (call $obs))
  (func $tgt-bound (type $tgt3-t)
    (if (i32.ne (local.get 0) (i32.const 0x5e5e)) (then (unreachable)))
    (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 9) (local.get 10) (local.get 11) (local.get 12) (local.get 13)
    (call $obs))

  ;; switchers
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-to-target (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (global.get $target))
    (unreachable))
  (func $switch-to-bound (type $out-t)
    (switch $tgt-k $sw (call $make (global.get $in))
      (cont.bind $tgt3-k $tgt-k (i32.const 0x5e5e) (cont.new $tgt3-k (ref.func $tgt-bound))))
    (unreachable))
  ;; switches to $b, which switches back with the values (and its own continuation)
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $obs))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make (global.get $in)) (local.get 0))
    (unreachable))
  ;; switches to $b, which parks the switcher's continuation outside; the outside resumes it
  ;; with the values and a null continuation
  (func $switch-and-resumed (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-park)))
    (block $null (param (ref null $out-k)) (br_on_null $null) (unreachable))
    (call $obs))
  (func $b-park (type $b-t)
    (suspend $park (local.get 0))
    (unreachable))
  (elem declare func $tgt $tgt-suspended $tgt-bound $switch-to-fresh $switch-to-target
    $switch-to-bound $switch-and-back $b-switch-back $switch-and-resumed $b-park)

  ;; switch passes the values to the parameters of a fresh continuation's function
  (func (export "switch-arg-fresh") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  ;; switch passes the values as the results of the target's pending suspend
  (func (export "switch-arg-suspended") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (global.set $in (local.get $x))
    (global.set $target
      (block $h (result (ref $tgt-k))
        (resume $out-k (on $wait $h) (cont.new $out-k (ref.func $tgt-suspended)))
        (unreachable)))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-target))))
  ;; switch passes the values after one bound by cont.bind
  (func (export "switch-arg-bound") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-bound))))
  ;; the switching continuation receives the values when it is switched back to
  (func (export "switch-back") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (global.set $in (local.get $x))
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
  ;; the switching continuation receives the values from a resume
  (func (export "switch-back-by-resume") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (local $k (ref null $tgt-k))
    (block $h (result (ref null $tgt-k) (ref $out-k))
      (resume $out-k (on $sw switch) (on $park $h) (cont.new $out-k (ref.func $switch-and-resumed)))
      (unreachable))
    (drop)
    (local.set $k)
    (resume $tgt-k (call $make (local.get $x)) (ref.null $out-k) (local.get $k)))
)
(assert_return (invoke "switch-arg-fresh" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "switch-arg-suspended" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "switch-arg-bound" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "switch-back" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "switch-back-by-resume" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))

;; ------------------------------------------------------------------------------------------
;; Forty values at once, of five kinds in turn (i32, i64, f64 as bits, v128, (ref $s)), each
;; different, through switch in both directions. $check compares every value with the one
;; expected at its place and counts the right ones (40).
(module $S-wide
  (type $s (struct (field i32)))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $tgt-t (func (param i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      (ref null $out-k)) (result i32)))
  (type $tgt-k (cont $tgt-t))
  (type $b-t (func (param (ref null $tgt-k)) (result i32)))
  (type $b-k (cont $b-t))
  (tag $sw (result i32))

  (func $make (result i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s))
    (i32.const 0x9e3779b9)
    (i64.const 0x3c6ef372fe94f82a)
    (f64.reinterpret_i64 (i64.const 0x7ff000000369d035))
    (v128.const i32x4 0x04040405 0x0808080a 0x0c0c0c0f 0x10101014)
    (struct.new $s (i32.const 1004))
    (i32.const 0xb54cda56)
    (i64.const 0x538454127b096493)
    (f64.reinterpret_i64 (i64.const 0x7ff00000091a2b39))
    (v128.const i32x4 0x0909090a 0x12121214 0x1b1b1b1e 0x24242428)
    (struct.new $s (i32.const 1009))
    (i32.const 0xcc623af3)
    (i64.const 0x6a99b4b1f77dd0fc)
    (f64.reinterpret_i64 (i64.const 0x7ff000000eca863b))
    (v128.const i32x4 0x0e0e0e0f 0x1c1c1c1e 0x2a2a2a2d 0x3838383c)
    (struct.new $s (i32.const 1014))
    (i32.const 0xe3779b90)
    (i64.const 0x81af155173f23d65)
    (f64.reinterpret_i64 (i64.const 0x7ff00000147ae13f))
    (v128.const i32x4 0x13131314 0x26262628 0x3939393c 0x4c4c4c50)
    (struct.new $s (i32.const 1019))
    (i32.const 0xfa8cfc2d)
    (i64.const 0x98c475f0f066a9ce)
    (f64.reinterpret_i64 (i64.const 0x7ff000001a2b3c41))
    (v128.const i32x4 0x18181819 0x30303032 0x4848484b 0x60606064)
    (struct.new $s (i32.const 1024))
    (i32.const 0x11a25cca)
    (i64.const 0xafd9d6906cdb1637)
    (f64.reinterpret_i64 (i64.const 0x7ff000001fdb9745))
    (v128.const i32x4 0x1d1d1d1e 0x3a3a3a3c 0x5757575a 0x74747478)
    (struct.new $s (i32.const 1029))
    (i32.const 0x28b7bd67)
    (i64.const 0xc6ef372fe94f82a0)
    (f64.reinterpret_i64 (i64.const 0x7ff00000258bf247))
    (v128.const i32x4 0x22222223 0x44444446 0x66666669 0x8888888c)
    (struct.new $s (i32.const 1034))
    (i32.const 0x3fcd1e04)
    (i64.const 0xde0497cf65c3ef09)
    (f64.reinterpret_i64 (i64.const 0x7ff000002b3c4d4b))
    (v128.const i32x4 0x27272728 0x4e4e4e50 0x75757578 0x9c9c9ca0)
    (struct.new $s (i32.const 1039)))
  (func $check (param i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)) (result i32)
    (i32.const 0)
    (i32.add (i32.eq (local.get 0) (i32.const 0x9e3779b9)))
    (i32.add (i64.eq (local.get 1) (i64.const 0x3c6ef372fe94f82a)))
    (i32.add (i64.eq (i64.reinterpret_f64 (local.get 2)) (i64.reinterpret_f64 (f64.reinterpret_i64 (i64.const 0x7ff000000369d035)))))
    (i32.add (i64x2.all_true (i64x2.eq (local.get 3) (v128.const i32x4 0x04040405 0x0808080a 0x0c0c0c0f 0x10101014))))
    (i32.add (i32.eq (struct.get $s 0 (local.get 4)) (i32.const 1004)))
    (i32.add (i32.eq (local.get 5) (i32.const 0xb54cda56)))
    (i32.add (i64.eq (local.get 6) (i64.const 0x538454127b096493)))
    (i32.add (i64.eq (i64.reinterpret_f64 (local.get 7)) (i64.reinterpret_f64 (f64.reinterpret_i64 (i64.const 0x7ff00000091a2b39)))))
    (i32.add (i64x2.all_true (i64x2.eq (local.get 8) (v128.const i32x4 0x0909090a 0x12121214 0x1b1b1b1e 0x24242428))))
    (i32.add (i32.eq (struct.get $s 0 (local.get 9)) (i32.const 1009)))
    (i32.add (i32.eq (local.get 10) (i32.const 0xcc623af3)))
    (i32.add (i64.eq (local.get 11) (i64.const 0x6a99b4b1f77dd0fc)))
    (i32.add (i64.eq (i64.reinterpret_f64 (local.get 12)) (i64.reinterpret_f64 (f64.reinterpret_i64 (i64.const 0x7ff000000eca863b)))))
    (i32.add (i64x2.all_true (i64x2.eq (local.get 13) (v128.const i32x4 0x0e0e0e0f 0x1c1c1c1e 0x2a2a2a2d 0x3838383c))))
    (i32.add (i32.eq (struct.get $s 0 (local.get 14)) (i32.const 1014)))
    (i32.add (i32.eq (local.get 15) (i32.const 0xe3779b90)))
    (i32.add (i64.eq (local.get 16) (i64.const 0x81af155173f23d65)))
    (i32.add (i64.eq (i64.reinterpret_f64 (local.get 17)) (i64.reinterpret_f64 (f64.reinterpret_i64 (i64.const 0x7ff00000147ae13f)))))
    (i32.add (i64x2.all_true (i64x2.eq (local.get 18) (v128.const i32x4 0x13131314 0x26262628 0x3939393c 0x4c4c4c50))))
    (i32.add (i32.eq (struct.get $s 0 (local.get 19)) (i32.const 1019)))
    (i32.add (i32.eq (local.get 20) (i32.const 0xfa8cfc2d)))
    (i32.add (i64.eq (local.get 21) (i64.const 0x98c475f0f066a9ce)))
    (i32.add (i64.eq (i64.reinterpret_f64 (local.get 22)) (i64.reinterpret_f64 (f64.reinterpret_i64 (i64.const 0x7ff000001a2b3c41)))))
    (i32.add (i64x2.all_true (i64x2.eq (local.get 23) (v128.const i32x4 0x18181819 0x30303032 0x4848484b 0x60606064))))
    (i32.add (i32.eq (struct.get $s 0 (local.get 24)) (i32.const 1024)))
    (i32.add (i32.eq (local.get 25) (i32.const 0x11a25cca)))
    (i32.add (i64.eq (local.get 26) (i64.const 0xafd9d6906cdb1637)))
    (i32.add (i64.eq (i64.reinterpret_f64 (local.get 27)) (i64.reinterpret_f64 (f64.reinterpret_i64 (i64.const 0x7ff000001fdb9745)))))
    (i32.add (i64x2.all_true (i64x2.eq (local.get 28) (v128.const i32x4 0x1d1d1d1e 0x3a3a3a3c 0x5757575a 0x74747478))))
    (i32.add (i32.eq (struct.get $s 0 (local.get 29)) (i32.const 1029)))
    (i32.add (i32.eq (local.get 30) (i32.const 0x28b7bd67)))
    (i32.add (i64.eq (local.get 31) (i64.const 0xc6ef372fe94f82a0)))
    (i32.add (i64.eq (i64.reinterpret_f64 (local.get 32)) (i64.reinterpret_f64 (f64.reinterpret_i64 (i64.const 0x7ff00000258bf247)))))
    (i32.add (i64x2.all_true (i64x2.eq (local.get 33) (v128.const i32x4 0x22222223 0x44444446 0x66666669 0x8888888c))))
    (i32.add (i32.eq (struct.get $s 0 (local.get 34)) (i32.const 1034)))
    (i32.add (i32.eq (local.get 35) (i32.const 0x3fcd1e04)))
    (i32.add (i64.eq (local.get 36) (i64.const 0xde0497cf65c3ef09)))
    (i32.add (i64.eq (i64.reinterpret_f64 (local.get 37)) (i64.reinterpret_f64 (f64.reinterpret_i64 (i64.const 0x7ff000002b3c4d4b)))))
    (i32.add (i64x2.all_true (i64x2.eq (local.get 38) (v128.const i32x4 0x27272728 0x4e4e4e50 0x75757578 0x9c9c9ca0))))
    (i32.add (i32.eq (struct.get $s 0 (local.get 39)) (i32.const 1039))))
  (func $tgt (type $tgt-t)
    (if (ref.is_null (local.get 40)) (then (unreachable)))
    (call $check (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 9) (local.get 10) (local.get 11) (local.get 12) (local.get 13) (local.get 14) (local.get 15) (local.get 16) (local.get 17) (local.get 18) (local.get 19) (local.get 20) (local.get 21) (local.get 22) (local.get 23) (local.get 24) (local.get 25) (local.get 26) (local.get 27) (local.get 28) (local.get 29) (local.get 30) (local.get 31) (local.get 32) (local.get 33) (local.get 34) (local.get 35) (local.get 36) (local.get 37) (local.get 38) (local.get 39)))
  (func $switch-to-fresh (type $out-t)
    (switch $tgt-k $sw (call $make) (cont.new $tgt-k (ref.func $tgt)))
    (unreachable))
  (func $switch-and-back (type $out-t)
    (switch $b-k $sw (cont.new $b-k (ref.func $b-switch-back)))
    (drop (ref.as_non_null))
    (call $check))
  (func $b-switch-back (type $b-t)
    (switch $tgt-k $sw (call $make) (local.get 0))
    (unreachable))
  (elem declare func $tgt $switch-to-fresh $switch-and-back $b-switch-back)

  (func (export "wide-switch-arg") (result i32)
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-to-fresh))))
  (func (export "wide-switch-back") (result i32)
    (resume $out-k (on $sw switch) (cont.new $out-k (ref.func $switch-and-back))))
)
(assert_return (invoke "wide-switch-arg") (i32.const 40))
(assert_return (invoke "wide-switch-back") (i32.const 40))
