;; Values of every type through every channel of stack switching (without switch).
;;
;; Explainer, "Specification changes" / "Reduction":
;;
;;   * `S; F; v^n (ref.cont ca) (resume $ct hdl*)  -->  S'; F; prompt{hdl'*} E[v^n] end`
;;     - iff `S.conts[ca] = E`
;;   * `S; F; v^n (ref.cont ca) (cont.bind $ct $ct')  -->  S'; F; (ref.cont |S.conts|)`
;;     - and `E = E'[v^n _]`
;;   * `S; F; (prompt{hdl*} v* end)  -->  S; F; v*`
;;   * `S; F; (prompt{hdl1* (on ea $l) hdl2*} H^ea[v^n (suspend ea)] end)
;;        --> S'; F; v^n (ref.cont |S.conts|) (br $l)`
;;     - and `S.tags[ea].type ~~ [t1^n] -> [t2^m]`
;;     - and `S' = S with conts += (H^ea : m)`
;;   * `S; F; v^m (ref.cont ca) (resume_throw $ct $e hdl*)
;;        -->  S'; F; (ref.exn |S.exns|) (ref.const ca) (resume_throw_ref $ct hdl*)`
;;     - and `S' = S with exns += {S.tags[ta], v^m}`
;;   * `S; F; (ref.exn ea) (ref.cont ca) (resume_throw_ref $ct hdl*)
;;        -->  S'; F; prompt{hdl'*} E[(ref.exn ea) throw_ref] end`
;;
;; Explainer, "Instructions" (handler typing):
;;
;;   - `(on tu $l) : t*`
;;     - iff `tu : [t1*] -> [t2*]`
;;     - and `C.labels[$l] = [t1'* (ref null? $ct)]`
;;     - and `t1* <: t1'*`
;;
;; Explainer, "Suspending continuations": "The key difference is that the continuation at the
;; suspension point expects to be resumed later with arguments of types `t2*`."
;;
;; What this file checks: a value given to any of these channels arrives unchanged, for every
;; kind of value: i32, i64, f32 and f64 (NaNs with payloads, signalling NaNs and -0, given and
;; checked as bits), v128 (16 distinct bytes), funcref and (ref $f) (called on arrival),
;; externref (host references from the script), anyref/eqref/i31ref (i31 value read),
;; structref/(ref $s) (fields read), arrayref (length and elements read), the bottom types
;; nullref/nullfuncref/nullexternref/(ref null nocont), exnref/(ref exn) (rethrown and the
;; payload caught), contref/(ref $k0)/(ref null $k0) (the continuation resumed), and all of
;; these at once.
;;
;; Organisation: one module per type, all of the same shape. `$make` builds the value for the
;; script's input x; `$obs` turns a value into numbers/vectors/host references that the script
;; compares exactly. Each module exports one function per channel, each taking x and returning
;; $obs of what arrived:
;;
;;   resume-param     arguments of resume -> parameters of a fresh continuation's function
;;   bind-fresh       values bound by cont.bind to a fresh continuation
;;   bind-split       the value bound by cont.bind after an i32, with an i64 after it given
;;                    by resume (the neighbours are checked too)
;;   bind-twice       the same, the i32 and the value bound by two cont.binds
;;   bind-suspended   values bound by cont.bind to a continuation pending at a suspend
;;                    (they become the suspend's results)
;;   return           results of the continuation's function -> results of resume (prompt end)
;;   suspend-payload  arguments of suspend -> the handler label
;;   suspend-result   arguments of the next resume -> results of the pending suspend
;;   handler-label    suspend's arguments crossing an inner resume that handles another tag,
;;                    arriving at an outer label whose types are supertypes of the tag's
;;                    (then cast back where the type can be cast)
;;   throw-in         payload of resume_throw, caught by a try_table around the suspend
;;   throw-out        payload of resume_throw on a fresh continuation (raised before its
;;                    function starts, so caught outside)
;;   throw-ref-in     the exception of resume_throw_ref, caught inside at the suspend
;;
;; After each module, every test input is run through every channel but the last. The last,
;; throw-ref-in, is in a module of its own for each type, `$V-<type>-throw-ref` (with its own
;; copies of `$make`, `$obs` and the suspended catcher), followed by its tests for every input:
;; an engine that gets resume_throw_ref wrong then fails only those. Then forty values of
;; mixed types go through six of the channels at once; a last module checks
;; values whose static types change along the way by subtyping (continuation subtypes used
;; at their supertypes, cont.bind and handler labels at supertypes).  Last come two modules on
;; which the official reference interpreter disagrees: a caught exnref, and references made
;; external in constant expressions.

;; ------------------------------------------------------------------------------------------
;; i32: the bits arrive unchanged.
(module $V-i32
  (type $obs-t (func (param i32) (result i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result i32)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 i32 i64) (result i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param i32 i64) (result i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param i32))   ;; suspend payload
  (tag $res (result i32))  ;; suspend results
  (tag $exn (param i32))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result i32)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i32)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result i32 (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result i32 (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "bind-fresh" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "bind-split" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "bind-twice" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "bind-suspended" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "return" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "suspend-payload" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "suspend-result" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "handler-label" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "throw-in" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "throw-out" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "resume-param" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "bind-fresh" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "bind-split" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "bind-twice" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "bind-suspended" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "return" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "suspend-payload" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "suspend-result" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "handler-label" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "throw-in" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))
(assert_return (invoke "throw-out" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))

;; i32 through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-i32 above).
(module $V-i32-throw-ref
  (type $obs-t (func (param i32) (result i32)))  ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param i32))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result i32)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))
  (func $catcher (type $out-t)
    (block $c (result i32)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0x80000001)) (i32.const 0x80000001))
(assert_return (invoke "throw-ref-in" (i32.const 0x7edcba98)) (i32.const 0x7edcba98))

;; ------------------------------------------------------------------------------------------
;; i64: all 64 bits arrive unchanged.
(module $V-i64
  (type $obs-t (func (param i64) (result i64)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i64)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result i64)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 i64 i64) (result i64)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param i64 i64) (result i64)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i64)))
  (type $last-k (cont $last-t))
  (tag $pay (param i64))   ;; suspend payload
  (tag $res (result i64))  ;; suspend results
  (tag $exn (param i64))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i64) (i64.const 0))

  ;; the value for input x
  (func $make (param i64) (result i64)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i64)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i64) (result i64)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i64) (result i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i64) (result i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i64) (result i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i64) (result i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (block $h (result i64 (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i64) (result i64)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (block $h (result i64 (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i64) (result i64)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i64) (result i64)
    (block $c (result i64)
      (try_table (result i64) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "bind-fresh" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "bind-split" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "bind-twice" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "bind-suspended" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "return" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "suspend-payload" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "suspend-result" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "handler-label" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "throw-in" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "throw-out" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "resume-param" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "bind-fresh" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "bind-split" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "bind-twice" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "bind-suspended" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "return" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "suspend-payload" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "suspend-result" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "handler-label" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "throw-in" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))
(assert_return (invoke "throw-out" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))

;; i64 through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-i64 above).
(module $V-i64-throw-ref
  (type $obs-t (func (param i64) (result i64)))  ;; the observer's type
  (type $out-t (func (result i64)))
  (type $out-k (cont $out-t))
  (tag $exn (param i64))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i64) (result i64)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))
  (func $catcher (type $out-t)
    (block $c (result i64)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i64) (result i64)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i64.const 0x8000000000000001)) (i64.const 0x8000000000000001))
(assert_return (invoke "throw-ref-in" (i64.const 0x0123456789abcdef)) (i64.const 0x0123456789abcdef))

;; ------------------------------------------------------------------------------------------
;; f32: given and checked as bits (i32); a signalling NaN with a payload, a
  ;; negative quiet NaN with a payload and -0 keep every bit.
(module $V-f32
  (type $obs-t (func (param f32) (result i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result f32)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 f32 i64) (result i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param f32 i64) (result i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param f32))   ;; suspend payload
  (tag $res (result f32))  ;; suspend results
  (tag $exn (param f32))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result f32)
    (f32.reinterpret_i32 (local.get 0)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (i32.reinterpret_f32 (local.get 0)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result f32)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result f32 (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result f32 (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32)
    (block $c (result f32)
      (try_table (result i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "bind-fresh" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "bind-split" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "bind-twice" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "bind-suspended" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "return" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "suspend-payload" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "suspend-result" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "handler-label" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "throw-in" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "throw-out" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "resume-param" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "bind-fresh" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "bind-split" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "bind-twice" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "bind-suspended" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "return" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "suspend-payload" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "suspend-result" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "handler-label" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "throw-in" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "throw-out" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "resume-param" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "bind-fresh" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "bind-split" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "bind-twice" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "bind-suspended" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "return" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "suspend-payload" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "suspend-result" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "handler-label" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "throw-in" (i32.const 0x80000000)) (i32.const 0x80000000))
(assert_return (invoke "throw-out" (i32.const 0x80000000)) (i32.const 0x80000000))

;; f32 through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-f32 above).
(module $V-f32-throw-ref
  (type $obs-t (func (param f32) (result i32)))  ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param f32))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result f32)
    (f32.reinterpret_i32 (local.get 0)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (i32.reinterpret_f32 (local.get 0)))
  (func $catcher (type $out-t)
    (block $c (result f32)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0x7fa00005)) (i32.const 0x7fa00005))
(assert_return (invoke "throw-ref-in" (i32.const 0xffc0beef)) (i32.const 0xffc0beef))
(assert_return (invoke "throw-ref-in" (i32.const 0x80000000)) (i32.const 0x80000000))

;; ------------------------------------------------------------------------------------------
;; f64: given and checked as bits (i64); NaNs with payloads and -0.
(module $V-f64
  (type $obs-t (func (param f64) (result i64)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i64)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result f64)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 f64 i64) (result i64)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param f64 i64) (result i64)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i64)))
  (type $last-k (cont $last-t))
  (tag $pay (param f64))   ;; suspend payload
  (tag $res (result f64))  ;; suspend results
  (tag $exn (param f64))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i64) (i64.const 0))

  ;; the value for input x
  (func $make (param i64) (result f64)
    (f64.reinterpret_i64 (local.get 0)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (i64.reinterpret_f64 (local.get 0)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result f64)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i64) (result i64)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i64) (result i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i64) (result i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i64) (result i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i64) (result i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (block $h (result f64 (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i64) (result i64)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i64) (result i64)
    (global.set $in (local.get $x))
    (block $h (result f64 (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i64) (result i64)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i64) (result i64)
    (block $c (result f64)
      (try_table (result i64) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "bind-fresh" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "bind-split" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "bind-twice" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "bind-suspended" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "return" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "suspend-payload" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "suspend-result" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "handler-label" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "throw-in" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "throw-out" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "resume-param" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "bind-fresh" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "bind-split" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "bind-twice" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "bind-suspended" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "return" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "suspend-payload" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "suspend-result" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "handler-label" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "throw-in" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "throw-out" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "resume-param" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "bind-fresh" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "bind-split" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "bind-twice" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "bind-suspended" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "return" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "suspend-payload" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "suspend-result" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "handler-label" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "throw-in" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))
(assert_return (invoke "throw-out" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))

;; f64 through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-f64 above).
(module $V-f64-throw-ref
  (type $obs-t (func (param f64) (result i64)))  ;; the observer's type
  (type $out-t (func (result i64)))
  (type $out-k (cont $out-t))
  (tag $exn (param f64))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i64) (result f64)
    (f64.reinterpret_i64 (local.get 0)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (i64.reinterpret_f64 (local.get 0)))
  (func $catcher (type $out-t)
    (block $c (result f64)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i64) (result i64)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "throw-ref-in" (i64.const 0xfff80000deadbeef)) (i64.const 0xfff80000deadbeef))
(assert_return (invoke "throw-ref-in" (i64.const 0x8000000000000000)) (i64.const 0x8000000000000000))

;; ------------------------------------------------------------------------------------------
;; v128: all 16 bytes distinct, so a lane swap or a lost half shows.
(module $V-v128
  (type $obs-t (func (param v128) (result v128)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result v128)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result v128)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 v128 i64) (result v128)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param v128 i64) (result v128)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result v128)))
  (type $last-k (cont $last-t))
  (tag $pay (param v128))   ;; suspend payload
  (tag $res (result v128))  ;; suspend results
  (tag $exn (param v128))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut v128) (v128.const i64x2 0 0))

  ;; the value for input x
  (func $make (param v128) (result v128)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result v128)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x v128) (result v128)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x v128) (result v128)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x v128) (result v128)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x v128) (result v128)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x v128) (result v128)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x v128) (result v128)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x v128) (result v128)
    (global.set $in (local.get $x))
    (block $h (result v128 (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x v128) (result v128)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x v128) (result v128)
    (global.set $in (local.get $x))
    (block $h (result v128 (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x v128) (result v128)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x v128) (result v128)
    (block $c (result v128)
      (try_table (result v128) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "bind-fresh" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "bind-split" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "bind-twice" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "bind-suspended" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "return" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "suspend-payload" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "suspend-result" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "handler-label" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "throw-in" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "throw-out" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "resume-param" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "bind-fresh" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "bind-split" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "bind-twice" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "bind-suspended" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "return" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "suspend-payload" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "suspend-result" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "handler-label" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "throw-in" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))
(assert_return (invoke "throw-out" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))

;; v128 through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-v128 above).
(module $V-v128-throw-ref
  (type $obs-t (func (param v128) (result v128)))  ;; the observer's type
  (type $out-t (func (result v128)))
  (type $out-k (cont $out-t))
  (tag $exn (param v128))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param v128) (result v128)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))
  (func $catcher (type $out-t)
    (block $c (result v128)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x v128) (result v128)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f))
(assert_return (invoke "throw-ref-in" (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00)) (v128.const i8x16 0xf1 0xe2 0xd3 0xc4 0xb5 0xa6 0x97 0x88 0x79 0x6a 0x5b 0x4c 0x3d 0x2e 0x1f 0x00))

;; ------------------------------------------------------------------------------------------
;; funcref: the function (selected by index; -1 for null) is called on arrival
  ;; and gives 100 + its index; null gives -1.
(module $V-funcref
  (type $f (func (result i32)))
  (func $f100 (type $f) (i32.const 100))
  (func $f101 (type $f) (i32.const 101))
  (func $f102 (type $f) (i32.const 102))
  (table $fs funcref (elem $f100 $f101 $f102))
  (type $obs-t (func (param funcref) (result i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result funcref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 funcref i64) (result i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param funcref i64) (result i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param funcref))   ;; suspend payload
  (tag $res (result funcref))  ;; suspend results
  (tag $exn (param funcref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

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

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result funcref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result funcref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result funcref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32)
    (block $c (result funcref)
      (try_table (result i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 1)) (i32.const 101))
(assert_return (invoke "bind-fresh" (i32.const 1)) (i32.const 101))
(assert_return (invoke "bind-split" (i32.const 1)) (i32.const 101))
(assert_return (invoke "bind-twice" (i32.const 1)) (i32.const 101))
(assert_return (invoke "bind-suspended" (i32.const 1)) (i32.const 101))
(assert_return (invoke "return" (i32.const 1)) (i32.const 101))
(assert_return (invoke "suspend-payload" (i32.const 1)) (i32.const 101))
(assert_return (invoke "suspend-result" (i32.const 1)) (i32.const 101))
(assert_return (invoke "handler-label" (i32.const 1)) (i32.const 101))
(assert_return (invoke "throw-in" (i32.const 1)) (i32.const 101))
(assert_return (invoke "throw-out" (i32.const 1)) (i32.const 101))
(assert_return (invoke "resume-param" (i32.const 2)) (i32.const 102))
(assert_return (invoke "bind-fresh" (i32.const 2)) (i32.const 102))
(assert_return (invoke "bind-split" (i32.const 2)) (i32.const 102))
(assert_return (invoke "bind-twice" (i32.const 2)) (i32.const 102))
(assert_return (invoke "bind-suspended" (i32.const 2)) (i32.const 102))
(assert_return (invoke "return" (i32.const 2)) (i32.const 102))
(assert_return (invoke "suspend-payload" (i32.const 2)) (i32.const 102))
(assert_return (invoke "suspend-result" (i32.const 2)) (i32.const 102))
(assert_return (invoke "handler-label" (i32.const 2)) (i32.const 102))
(assert_return (invoke "throw-in" (i32.const 2)) (i32.const 102))
(assert_return (invoke "throw-out" (i32.const 2)) (i32.const 102))
(assert_return (invoke "resume-param" (i32.const -1)) (i32.const -1))
(assert_return (invoke "bind-fresh" (i32.const -1)) (i32.const -1))
(assert_return (invoke "bind-split" (i32.const -1)) (i32.const -1))
(assert_return (invoke "bind-twice" (i32.const -1)) (i32.const -1))
(assert_return (invoke "bind-suspended" (i32.const -1)) (i32.const -1))
(assert_return (invoke "return" (i32.const -1)) (i32.const -1))
(assert_return (invoke "suspend-payload" (i32.const -1)) (i32.const -1))
(assert_return (invoke "suspend-result" (i32.const -1)) (i32.const -1))
(assert_return (invoke "handler-label" (i32.const -1)) (i32.const -1))
(assert_return (invoke "throw-in" (i32.const -1)) (i32.const -1))
(assert_return (invoke "throw-out" (i32.const -1)) (i32.const -1))

;; funcref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-funcref above).
(module $V-funcref-throw-ref
  (type $f (func (result i32)))
  (func $f100 (type $f) (i32.const 100))
  (func $f101 (type $f) (i32.const 101))
  (func $f102 (type $f) (i32.const 102))
  (table $fs funcref (elem $f100 $f101 $f102))
  (type $obs-t (func (param funcref) (result i32)))  ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param funcref))   ;; exception payload
  (tag $pause)

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
  (func $catcher (type $out-t)
    (block $c (result funcref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 1)) (i32.const 101))
(assert_return (invoke "throw-ref-in" (i32.const 2)) (i32.const 102))
(assert_return (invoke "throw-ref-in" (i32.const -1)) (i32.const -1))

;; ------------------------------------------------------------------------------------------
;; (ref $f): called on arrival with call_ref; the handler label takes it as funcref.
(module $V-ref-func
  (type $f (func (result i32)))
  (func $f100 (type $f) (i32.const 100))
  (func $f101 (type $f) (i32.const 101))
  (func $f102 (type $f) (i32.const 102))
  (table $fs funcref (elem $f100 $f101 $f102))
  (type $obs-t (func (param (ref $f)) (result i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result (ref $f))))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 (ref $f) i64) (result i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param (ref $f) i64) (result i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param (ref $f)))   ;; suspend payload
  (tag $res (result (ref $f)))  ;; suspend results
  (tag $exn (param (ref $f)))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result (ref $f))
    (ref.cast (ref $f) (table.get $fs (local.get 0))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (call_ref $f (local.get 0)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result (ref $f))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result (ref $f) (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result funcref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.cast (ref $f))
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32)
    (block $c (result (ref $f))
      (try_table (result i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0)) (i32.const 100))
(assert_return (invoke "bind-fresh" (i32.const 0)) (i32.const 100))
(assert_return (invoke "bind-split" (i32.const 0)) (i32.const 100))
(assert_return (invoke "bind-twice" (i32.const 0)) (i32.const 100))
(assert_return (invoke "bind-suspended" (i32.const 0)) (i32.const 100))
(assert_return (invoke "return" (i32.const 0)) (i32.const 100))
(assert_return (invoke "suspend-payload" (i32.const 0)) (i32.const 100))
(assert_return (invoke "suspend-result" (i32.const 0)) (i32.const 100))
(assert_return (invoke "handler-label" (i32.const 0)) (i32.const 100))
(assert_return (invoke "throw-in" (i32.const 0)) (i32.const 100))
(assert_return (invoke "throw-out" (i32.const 0)) (i32.const 100))
(assert_return (invoke "resume-param" (i32.const 2)) (i32.const 102))
(assert_return (invoke "bind-fresh" (i32.const 2)) (i32.const 102))
(assert_return (invoke "bind-split" (i32.const 2)) (i32.const 102))
(assert_return (invoke "bind-twice" (i32.const 2)) (i32.const 102))
(assert_return (invoke "bind-suspended" (i32.const 2)) (i32.const 102))
(assert_return (invoke "return" (i32.const 2)) (i32.const 102))
(assert_return (invoke "suspend-payload" (i32.const 2)) (i32.const 102))
(assert_return (invoke "suspend-result" (i32.const 2)) (i32.const 102))
(assert_return (invoke "handler-label" (i32.const 2)) (i32.const 102))
(assert_return (invoke "throw-in" (i32.const 2)) (i32.const 102))
(assert_return (invoke "throw-out" (i32.const 2)) (i32.const 102))

;; ref-func through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-ref-func above).
(module $V-ref-func-throw-ref
  (type $f (func (result i32)))
  (func $f100 (type $f) (i32.const 100))
  (func $f101 (type $f) (i32.const 101))
  (func $f102 (type $f) (i32.const 102))
  (table $fs funcref (elem $f100 $f101 $f102))
  (type $obs-t (func (param (ref $f)) (result i32)))  ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param (ref $f)))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result (ref $f))
    (ref.cast (ref $f) (table.get $fs (local.get 0))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (call_ref $f (local.get 0)))
  (func $catcher (type $out-t)
    (block $c (result (ref $f))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0)) (i32.const 100))
(assert_return (invoke "throw-ref-in" (i32.const 2)) (i32.const 102))

;; ------------------------------------------------------------------------------------------
;; externref: host references from the script come back as the same reference.
(module $V-externref
  (type $obs-t (func (param externref) (result externref)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result externref)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result externref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 externref i64) (result externref)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param externref i64) (result externref)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result externref)))
  (type $last-k (cont $last-t))
  (tag $pay (param externref))   ;; suspend payload
  (tag $res (result externref))  ;; suspend results
  (tag $exn (param externref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut externref) (ref.null extern))

  ;; the value for input x
  (func $make (param externref) (result externref)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result externref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x externref) (result externref)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x externref) (result externref)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x externref) (result externref)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x externref) (result externref)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x externref) (result externref)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x externref) (result externref)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x externref) (result externref)
    (global.set $in (local.get $x))
    (block $h (result externref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x externref) (result externref)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x externref) (result externref)
    (global.set $in (local.get $x))
    (block $h (result externref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x externref) (result externref)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x externref) (result externref)
    (block $c (result externref)
      (try_table (result externref) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "bind-fresh" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "bind-split" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "bind-twice" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "bind-suspended" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "return" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "suspend-payload" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "suspend-result" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "handler-label" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "throw-in" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "throw-out" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "resume-param" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "bind-fresh" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "bind-split" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "bind-twice" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "bind-suspended" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "return" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "suspend-payload" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "suspend-result" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "handler-label" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "throw-in" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "throw-out" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "resume-param" (ref.null extern)) (ref.null extern))
(assert_return (invoke "bind-fresh" (ref.null extern)) (ref.null extern))
(assert_return (invoke "bind-split" (ref.null extern)) (ref.null extern))
(assert_return (invoke "bind-twice" (ref.null extern)) (ref.null extern))
(assert_return (invoke "bind-suspended" (ref.null extern)) (ref.null extern))
(assert_return (invoke "return" (ref.null extern)) (ref.null extern))
(assert_return (invoke "suspend-payload" (ref.null extern)) (ref.null extern))
(assert_return (invoke "suspend-result" (ref.null extern)) (ref.null extern))
(assert_return (invoke "handler-label" (ref.null extern)) (ref.null extern))
(assert_return (invoke "throw-in" (ref.null extern)) (ref.null extern))
(assert_return (invoke "throw-out" (ref.null extern)) (ref.null extern))

;; externref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-externref above).
(module $V-externref-throw-ref
  (type $obs-t (func (param externref) (result externref)))  ;; the observer's type
  (type $out-t (func (result externref)))
  (type $out-k (cont $out-t))
  (tag $exn (param externref))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param externref) (result externref)
    (local.get 0))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0))
  (func $catcher (type $out-t)
    (block $c (result externref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x externref) (result externref)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "throw-ref-in" (ref.extern 0x7fff)) (ref.extern 0x7fff))
(assert_return (invoke "throw-ref-in" (ref.null extern)) (ref.null extern))

;; ------------------------------------------------------------------------------------------
;; anyref: selector 0 = i31 0x2bcdef01, 1 = struct with field 0x11223344,
  ;; 2 = array whose element 1 is 0x66778899, 3 = null (-1); the observer tells them apart.
(module $V-anyref
  (type $s (struct (field i32)))
  (type $a (array i32))
  (type $obs-t (func (param anyref) (result i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result anyref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 anyref i64) (result i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param anyref i64) (result i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param anyref))   ;; suspend payload
  (tag $res (result anyref))  ;; suspend results
  (tag $exn (param anyref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

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

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result anyref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result anyref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result anyref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32)
    (block $c (result anyref)
      (try_table (result i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "bind-fresh" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "bind-split" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "bind-twice" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "bind-suspended" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "return" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "suspend-payload" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "suspend-result" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "handler-label" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "throw-in" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "throw-out" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "resume-param" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "bind-fresh" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "bind-split" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "bind-twice" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "bind-suspended" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "return" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "suspend-payload" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "suspend-result" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "handler-label" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "throw-in" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "throw-out" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "resume-param" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "bind-fresh" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "bind-split" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "bind-twice" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "bind-suspended" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "return" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "suspend-payload" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "suspend-result" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "handler-label" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "throw-in" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "throw-out" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "resume-param" (i32.const 3)) (i32.const -1))
(assert_return (invoke "bind-fresh" (i32.const 3)) (i32.const -1))
(assert_return (invoke "bind-split" (i32.const 3)) (i32.const -1))
(assert_return (invoke "bind-twice" (i32.const 3)) (i32.const -1))
(assert_return (invoke "bind-suspended" (i32.const 3)) (i32.const -1))
(assert_return (invoke "return" (i32.const 3)) (i32.const -1))
(assert_return (invoke "suspend-payload" (i32.const 3)) (i32.const -1))
(assert_return (invoke "suspend-result" (i32.const 3)) (i32.const -1))
(assert_return (invoke "handler-label" (i32.const 3)) (i32.const -1))
(assert_return (invoke "throw-in" (i32.const 3)) (i32.const -1))
(assert_return (invoke "throw-out" (i32.const 3)) (i32.const -1))

;; anyref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-anyref above).
(module $V-anyref-throw-ref
  (type $s (struct (field i32)))
  (type $a (array i32))
  (type $obs-t (func (param anyref) (result i32)))  ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param anyref))   ;; exception payload
  (tag $pause)

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
  (func $catcher (type $out-t)
    (block $c (result anyref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "throw-ref-in" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "throw-ref-in" (i32.const 2)) (i32.const 0x66778899))
(assert_return (invoke "throw-ref-in" (i32.const 3)) (i32.const -1))

;; ------------------------------------------------------------------------------------------
;; eqref: same values as anyref; the handler label takes it as anyref.
(module $V-eqref
  (type $s (struct (field i32)))
  (type $a (array i32))
  (type $obs-t (func (param eqref) (result i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result eqref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 eqref i64) (result i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param eqref i64) (result i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param eqref))   ;; suspend payload
  (tag $res (result eqref))  ;; suspend results
  (tag $exn (param eqref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

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

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result eqref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result eqref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result anyref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.cast eqref)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32)
    (block $c (result eqref)
      (try_table (result i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "bind-fresh" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "bind-split" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "bind-twice" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "bind-suspended" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "return" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "suspend-payload" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "suspend-result" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "handler-label" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "throw-in" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "throw-out" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "resume-param" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "bind-fresh" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "bind-split" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "bind-twice" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "bind-suspended" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "return" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "suspend-payload" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "suspend-result" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "handler-label" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "throw-in" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "throw-out" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "resume-param" (i32.const 3)) (i32.const -1))
(assert_return (invoke "bind-fresh" (i32.const 3)) (i32.const -1))
(assert_return (invoke "bind-split" (i32.const 3)) (i32.const -1))
(assert_return (invoke "bind-twice" (i32.const 3)) (i32.const -1))
(assert_return (invoke "bind-suspended" (i32.const 3)) (i32.const -1))
(assert_return (invoke "return" (i32.const 3)) (i32.const -1))
(assert_return (invoke "suspend-payload" (i32.const 3)) (i32.const -1))
(assert_return (invoke "suspend-result" (i32.const 3)) (i32.const -1))
(assert_return (invoke "handler-label" (i32.const 3)) (i32.const -1))
(assert_return (invoke "throw-in" (i32.const 3)) (i32.const -1))
(assert_return (invoke "throw-out" (i32.const 3)) (i32.const -1))

;; eqref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-eqref above).
(module $V-eqref-throw-ref
  (type $s (struct (field i32)))
  (type $a (array i32))
  (type $obs-t (func (param eqref) (result i32)))  ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param eqref))   ;; exception payload
  (tag $pause)

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
  (func $catcher (type $out-t)
    (block $c (result eqref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0)) (i32.const 0x2bcdef01))
(assert_return (invoke "throw-ref-in" (i32.const 1)) (i32.const 0x11223344))
(assert_return (invoke "throw-ref-in" (i32.const 3)) (i32.const -1))

;; ------------------------------------------------------------------------------------------
;; i31ref: i31.get_s of the value; the label takes it as eqref.
(module $V-i31ref
  (type $obs-t (func (param i31ref) (result i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result i31ref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 i31ref i64) (result i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param i31ref i64) (result i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param i31ref))   ;; suspend payload
  (tag $res (result i31ref))  ;; suspend results
  (tag $exn (param i31ref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result i31ref)
    (ref.i31 (local.get 0)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (i31.get_s (local.get 0)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i31ref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result i31ref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result eqref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.cast i31ref)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32)
    (block $c (result i31ref)
      (try_table (result i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "bind-fresh" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "bind-split" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "bind-twice" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "bind-suspended" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "return" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "suspend-payload" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "suspend-result" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "handler-label" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "throw-in" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "throw-out" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "resume-param" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "bind-fresh" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "bind-split" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "bind-twice" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "bind-suspended" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "return" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "suspend-payload" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "suspend-result" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "handler-label" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "throw-in" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "throw-out" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "resume-param" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "bind-fresh" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "bind-split" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "bind-twice" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "bind-suspended" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "return" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "suspend-payload" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "suspend-result" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "handler-label" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "throw-in" (i32.const 0x80000005)) (i32.const 5))
(assert_return (invoke "throw-out" (i32.const 0x80000005)) (i32.const 5))

;; i31ref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-i31ref above).
(module $V-i31ref-throw-ref
  (type $obs-t (func (param i31ref) (result i32)))  ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param i31ref))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result i31ref)
    (ref.i31 (local.get 0)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (i31.get_s (local.get 0)))
  (func $catcher (type $out-t)
    (block $c (result i31ref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0x40000001)) (i32.const 0xc0000001))
(assert_return (invoke "throw-ref-in" (i32.const 0x3ffffffe)) (i32.const 0x3ffffffe))
(assert_return (invoke "throw-ref-in" (i32.const 0x80000005)) (i32.const 5))

;; ------------------------------------------------------------------------------------------
;; structref: both fields are read on arrival; the label takes it as anyref.
(module $V-structref
  (type $s (struct (field i32) (field (mut i64))))
  (type $obs-t (func (param structref) (result i32 i64)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result structref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 structref i64) (result i32 i64)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param structref i64) (result i32 i64)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i64)))
  (type $last-k (cont $last-t))
  (tag $pay (param structref))   ;; suspend payload
  (tag $res (result structref))  ;; suspend results
  (tag $exn (param structref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result structref)
    (struct.new $s (local.get 0) (i64.const 0x0102030405060708)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (struct.get $s 0 (ref.cast (ref $s) (local.get 0)))
    (struct.get $s 1 (ref.cast (ref $s) (local.get 0))))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result structref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i64)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (block $h (result structref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i64)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (block $h (result anyref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.cast structref)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i64)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i64)
    (block $c (result structref)
      (try_table (result i32 i64) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "bind-fresh" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "bind-split" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "bind-twice" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "bind-suspended" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "return" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "suspend-payload" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "suspend-result" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "handler-label" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "throw-in" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "throw-out" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "resume-param" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "bind-fresh" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "bind-split" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "bind-twice" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "bind-suspended" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "return" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "suspend-payload" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "suspend-result" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "handler-label" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "throw-in" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))
(assert_return (invoke "throw-out" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))

;; structref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-structref above).
(module $V-structref-throw-ref
  (type $s (struct (field i32) (field (mut i64))))
  (type $obs-t (func (param structref) (result i32 i64)))  ;; the observer's type
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  (tag $exn (param structref))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result structref)
    (struct.new $s (local.get 0) (i64.const 0x0102030405060708)))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (struct.get $s 0 (ref.cast (ref $s) (local.get 0)))
    (struct.get $s 1 (ref.cast (ref $s) (local.get 0))))
  (func $catcher (type $out-t)
    (block $c (result structref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i64)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0xcafe)) (i32.const 0xcafe) (i64.const 0x0102030405060708))
(assert_return (invoke "throw-ref-in" (i32.const -7)) (i32.const -7) (i64.const 0x0102030405060708))

;; ------------------------------------------------------------------------------------------
;; (ref $s): read without a cast; the label takes it as (ref null struct).
(module $V-ref-struct
  (type $s (struct (field i32) (field (mut i64))))
  (type $obs-t (func (param (ref $s)) (result i32 i64)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result (ref $s))))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 (ref $s) i64) (result i32 i64)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param (ref $s) i64) (result i32 i64)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i64)))
  (type $last-k (cont $last-t))
  (tag $pay (param (ref $s)))   ;; suspend payload
  (tag $res (result (ref $s)))  ;; suspend results
  (tag $exn (param (ref $s)))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result (ref $s))
    (struct.new $s (local.get 0) (i64.extend_i32_s (local.get 0))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (struct.get $s 0 (local.get 0)) (struct.get $s 1 (local.get 0)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result (ref $s))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i64)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (block $h (result (ref $s) (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i64)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (block $h (result (ref null struct) (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.cast (ref $s))
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i64)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i64)
    (block $c (result (ref $s))
      (try_table (result i32 i64) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "bind-fresh" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "bind-split" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "bind-twice" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "bind-suspended" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "return" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "suspend-payload" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "suspend-result" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "handler-label" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "throw-in" (i32.const -3)) (i32.const -3) (i64.const -3))
(assert_return (invoke "throw-out" (i32.const -3)) (i32.const -3) (i64.const -3))

;; ref-struct through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-ref-struct above).
(module $V-ref-struct-throw-ref
  (type $s (struct (field i32) (field (mut i64))))
  (type $obs-t (func (param (ref $s)) (result i32 i64)))  ;; the observer's type
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  (tag $exn (param (ref $s)))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result (ref $s))
    (struct.new $s (local.get 0) (i64.extend_i32_s (local.get 0))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (struct.get $s 0 (local.get 0)) (struct.get $s 1 (local.get 0)))
  (func $catcher (type $out-t)
    (block $c (result (ref $s))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i64)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const -3)) (i32.const -3) (i64.const -3))

;; ------------------------------------------------------------------------------------------
;; arrayref: length and elements 0 and 2 are read on arrival; the label takes it as eqref.
(module $V-arrayref
  (type $a (array (mut i32)))
  (type $obs-t (func (param arrayref) (result i32 i32 i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i32 i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result arrayref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 arrayref i64) (result i32 i32 i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param arrayref i64) (result i32 i32 i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i32 i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param arrayref))   ;; suspend payload
  (tag $res (result arrayref))  ;; suspend results
  (tag $exn (param arrayref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result arrayref)
    (array.new_fixed $a 3 (local.get 0) (i32.const 77) (i32.shl (local.get 0) (i32.const 1))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (array.len (local.get 0))
    (array.get $a (ref.cast (ref $a) (local.get 0)) (i32.const 0))
    (array.get $a (ref.cast (ref $a) (local.get 0)) (i32.const 2)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result arrayref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i32 i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i32 i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i32 i32)
    (global.set $in (local.get $x))
    (block $h (result arrayref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i32 i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i32 i32)
    (global.set $in (local.get $x))
    (block $h (result eqref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.cast arrayref)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i32 i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i32 i32)
    (block $c (result arrayref)
      (try_table (result i32 i32 i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "bind-fresh" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "bind-split" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "bind-twice" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "bind-suspended" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "return" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "suspend-payload" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "suspend-result" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "handler-label" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "throw-in" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "throw-out" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "resume-param" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "bind-fresh" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "bind-split" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "bind-twice" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "bind-suspended" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "return" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "suspend-payload" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "suspend-result" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "handler-label" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "throw-in" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))
(assert_return (invoke "throw-out" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))

;; arrayref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-arrayref above).
(module $V-arrayref-throw-ref
  (type $a (array (mut i32)))
  (type $obs-t (func (param arrayref) (result i32 i32 i32)))  ;; the observer's type
  (type $out-t (func (result i32 i32 i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param arrayref))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result arrayref)
    (array.new_fixed $a 3 (local.get 0) (i32.const 77) (i32.shl (local.get 0) (i32.const 1))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (array.len (local.get 0))
    (array.get $a (ref.cast (ref $a) (local.get 0)) (i32.const 0))
    (array.get $a (ref.cast (ref $a) (local.get 0)) (i32.const 2)))
  (func $catcher (type $out-t)
    (block $c (result arrayref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i32 i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 5)) (i32.const 3) (i32.const 5) (i32.const 10))
(assert_return (invoke "throw-ref-in" (i32.const 0x40000001)) (i32.const 3) (i32.const 0x40000001) (i32.const 0x80000002))

;; ------------------------------------------------------------------------------------------
;; nullref: travels after an i32 (so a shifted stack shows); it must arrive as null.
(module $V-nullref
  (type $obs-t (func (param i32 nullref) (result i32 i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result i32 nullref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 i32 nullref i64) (result i32 i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param i32 nullref i64) (result i32 i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param i32 nullref))   ;; suspend payload
  (tag $res (result i32 nullref))  ;; suspend results
  (tag $exn (param i32 nullref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result i32 nullref)
    (local.get 0) (ref.null none))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 3) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1) (local.get 2)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i32 nullref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 nullref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 anyref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.cast nullref)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i32)
    (block $c (result i32 nullref)
      (try_table (result i32 i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-fresh" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-split" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-twice" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-suspended" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "return" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "suspend-payload" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "suspend-result" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "handler-label" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "throw-in" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "throw-out" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; nullref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-nullref above).
(module $V-nullref-throw-ref
  (type $obs-t (func (param i32 nullref) (result i32 i32)))  ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param i32 nullref))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result i32 nullref)
    (local.get 0) (ref.null none))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))
  (func $catcher (type $out-t)
    (block $c (result i32 nullref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; nullfuncref: travels after an i32 (so a shifted stack shows); it must arrive as null.
(module $V-nullfuncref
  (type $obs-t (func (param i32 nullfuncref) (result i32 i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result i32 nullfuncref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 i32 nullfuncref i64) (result i32 i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param i32 nullfuncref i64) (result i32 i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param i32 nullfuncref))   ;; suspend payload
  (tag $res (result i32 nullfuncref))  ;; suspend results
  (tag $exn (param i32 nullfuncref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result i32 nullfuncref)
    (local.get 0) (ref.null nofunc))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 3) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1) (local.get 2)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i32 nullfuncref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 nullfuncref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 funcref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.cast nullfuncref)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i32)
    (block $c (result i32 nullfuncref)
      (try_table (result i32 i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-fresh" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-split" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-twice" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-suspended" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "return" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "suspend-payload" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "suspend-result" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "handler-label" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "throw-in" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "throw-out" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; nullfuncref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-nullfuncref above).
(module $V-nullfuncref-throw-ref
  (type $obs-t (func (param i32 nullfuncref) (result i32 i32)))  ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param i32 nullfuncref))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result i32 nullfuncref)
    (local.get 0) (ref.null nofunc))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))
  (func $catcher (type $out-t)
    (block $c (result i32 nullfuncref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; nullexternref: travels after an i32 (so a shifted stack shows); it must arrive as null.
(module $V-nullexternref
  (type $obs-t (func (param i32 nullexternref) (result i32 i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result i32 nullexternref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 i32 nullexternref i64) (result i32 i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param i32 nullexternref i64) (result i32 i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param i32 nullexternref))   ;; suspend payload
  (tag $res (result i32 nullexternref))  ;; suspend results
  (tag $exn (param i32 nullexternref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result i32 nullexternref)
    (local.get 0) (ref.null noextern))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 3) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1) (local.get 2)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i32 nullexternref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 nullexternref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 externref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.cast nullexternref)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i32)
    (block $c (result i32 nullexternref)
      (try_table (result i32 i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-fresh" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-split" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-twice" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-suspended" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "return" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "suspend-payload" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "suspend-result" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "handler-label" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "throw-in" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "throw-out" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; nullexternref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-nullexternref above).
(module $V-nullexternref-throw-ref
  (type $obs-t (func (param i32 nullexternref) (result i32 i32)))  ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param i32 nullexternref))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result i32 nullexternref)
    (local.get 0) (ref.null noextern))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))
  (func $catcher (type $out-t)
    (block $c (result i32 nullexternref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; (ref null nocont): travels after an i32 (so a shifted stack shows); it must arrive as null.
  ;; (Continuation types are not castable, so the label keeps the type.)
(module $V-nullcontref
  (type $obs-t (func (param i32 (ref null nocont)) (result i32 i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result i32 (ref null nocont))))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 i32 (ref null nocont) i64) (result i32 i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param i32 (ref null nocont) i64) (result i32 i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param i32 (ref null nocont)))   ;; suspend payload
  (tag $res (result i32 (ref null nocont)))  ;; suspend results
  (tag $exn (param i32 (ref null nocont)))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result i32 (ref null nocont))
    (local.get 0) (ref.null nocont))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 3) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1) (local.get 2)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i32 (ref null nocont))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 (ref null nocont) (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 (ref null nocont) (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i32)
    (block $c (result i32 (ref null nocont))
      (try_table (result i32 i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-fresh" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-split" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-twice" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "bind-suspended" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "return" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "suspend-payload" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "suspend-result" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "handler-label" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "throw-in" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))
(assert_return (invoke "throw-out" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; nullcontref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-nullcontref above).
(module $V-nullcontref-throw-ref
  (type $obs-t (func (param i32 (ref null nocont)) (result i32 i32)))  ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param i32 (ref null nocont)))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result i32 (ref null nocont))
    (local.get 0) (ref.null nocont))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))
  (func $catcher (type $out-t)
    (block $c (result i32 (ref null nocont))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0x5a5a5a5a)) (i32.const 0x5a5a5a5a) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; exnref: on arrival it is rethrown with throw_ref and its payload caught.
(module $V-exnref
  (tag $e (param i32 i64))
  (type $obs-t (func (param exnref) (result i32 i64)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result exnref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 exnref i64) (result i32 i64)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param exnref i64) (result i32 i64)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i64)))
  (type $last-k (cont $last-t))
  (tag $pay (param exnref))   ;; suspend payload
  (tag $res (result exnref))  ;; suspend results
  (tag $exn (param exnref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

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

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result exnref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i64)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (block $h (result exnref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i64)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (block $h (result exnref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i64)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i64)
    (block $c (result exnref)
      (try_table (result i32 i64) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "bind-fresh" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "bind-split" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "bind-twice" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "bind-suspended" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "return" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "suspend-payload" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "suspend-result" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "handler-label" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "throw-in" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "throw-out" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "resume-param" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "bind-fresh" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "bind-split" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "bind-twice" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "bind-suspended" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "return" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "suspend-payload" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "suspend-result" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "handler-label" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "throw-in" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))
(assert_return (invoke "throw-out" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))

;; exnref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-exnref above).
(module $V-exnref-throw-ref
  (tag $e (param i32 i64))
  (type $obs-t (func (param exnref) (result i32 i64)))  ;; the observer's type
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  (tag $exn (param exnref))   ;; exception payload
  (tag $pause)

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
  (func $catcher (type $out-t)
    (block $c (result exnref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i64)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 7)) (i32.const 7) (i64.const 0x700000007))
(assert_return (invoke "throw-ref-in" (i32.const 0x80000000)) (i32.const 0x80000000) (i64.const 0x8000000080000000))

;; ------------------------------------------------------------------------------------------
;; (ref exn): rethrown on arrival; the label takes it as exnref.
(module $V-ref-exn
  (tag $e (param i32 i64))
  (type $obs-t (func (param (ref exn)) (result i32 i64)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result (ref exn))))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 (ref exn) i64) (result i32 i64)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param (ref exn) i64) (result i32 i64)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i64)))
  (type $last-k (cont $last-t))
  (tag $pay (param (ref exn)))   ;; suspend payload
  (tag $res (result (ref exn)))  ;; suspend results
  (tag $exn (param (ref exn)))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

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

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result (ref exn))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i64)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i64)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i64)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (block $h (result (ref exn) (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i64)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i64)
    (global.set $in (local.get $x))
    (block $h (result exnref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.as_non_null)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i64)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i64)
    (block $c (result (ref exn))
      (try_table (result i32 i64) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "bind-fresh" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "bind-split" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "bind-twice" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "bind-suspended" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "return" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "suspend-payload" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "suspend-result" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "handler-label" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "throw-in" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))
(assert_return (invoke "throw-out" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))

;; ref-exn through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-ref-exn above).
(module $V-ref-exn-throw-ref
  (tag $e (param i32 i64))
  (type $obs-t (func (param (ref exn)) (result i32 i64)))  ;; the observer's type
  (type $out-t (func (result i32 i64)))
  (type $out-k (cont $out-t))
  (tag $exn (param (ref exn)))   ;; exception payload
  (tag $pause)

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
  (func $catcher (type $out-t)
    (block $c (result (ref exn))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i64)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 0xfffffffe)) (i32.const 0xfffffffe) (i64.const 0xfffffffefffffffe))

;; ------------------------------------------------------------------------------------------
;; contref (abstract, not castable, so only nullness can be observed): selector odd
  ;; = a live continuation, even = null; it travels after the i32.
(module $V-contref
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (tag $kpause)
  ;; 3x+1, pausing once on the way
  (func $kfun (type $kf1) (suspend $kpause) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (elem declare func $kfun)
  (type $obs-t (func (param i32 contref) (result i32 i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result i32 contref)))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 i32 contref i64) (result i32 i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param i32 contref i64) (result i32 i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param i32 contref))   ;; suspend payload
  (tag $res (result i32 contref))  ;; suspend results
  (tag $exn (param i32 contref))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result i32 contref)
    (local.get 0)
    (if (result contref) (i32.and (local.get 0) (i32.const 1))
      (then (cont.new $k1 (ref.func $kfun)))
      (else (ref.null cont))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 3) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1) (local.get 2)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i32 contref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 contref (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32 i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 contref (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32 i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32 i32)
    (block $c (result i32 contref)
      (try_table (result i32 i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "bind-fresh" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "bind-split" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "bind-twice" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "bind-suspended" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "return" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "suspend-payload" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "suspend-result" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "handler-label" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "throw-in" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "throw-out" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "resume-param" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "bind-fresh" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "bind-split" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "bind-twice" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "bind-suspended" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "return" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "suspend-payload" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "suspend-result" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "handler-label" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "throw-in" (i32.const 4)) (i32.const 4) (i32.const 1))
(assert_return (invoke "throw-out" (i32.const 4)) (i32.const 4) (i32.const 1))

;; contref through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-contref above).
(module $V-contref-throw-ref
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (tag $kpause)
  ;; 3x+1, pausing once on the way
  (func $kfun (type $kf1) (suspend $kpause) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (elem declare func $kfun)
  (type $obs-t (func (param i32 contref) (result i32 i32)))  ;; the observer's type
  (type $out-t (func (result i32 i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param i32 contref))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result i32 contref)
    (local.get 0)
    (if (result contref) (i32.and (local.get 0) (i32.const 1))
      (then (cont.new $k1 (ref.func $kfun)))
      (else (ref.null cont))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0) (ref.is_null (local.get 1)))
  (func $catcher (type $out-t)
    (block $c (result i32 contref)
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32 i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 3)) (i32.const 3) (i32.const 0))
(assert_return (invoke "throw-ref-in" (i32.const 4)) (i32.const 4) (i32.const 1))

;; ------------------------------------------------------------------------------------------
;; (ref $k0): a fresh continuation of $kfun with x bound by cont.bind; on arrival it
  ;; is resumed (handling its pause) and must compute 3x+1. The label takes it as (ref null $k0).
(module $V-ref-cont
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (tag $kpause)
  ;; 3x+1, pausing once on the way
  (func $kfun (type $kf1) (suspend $kpause) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (elem declare func $kfun)
  (type $obs-t (func (param (ref $k0)) (result i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result (ref $k0))))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 (ref $k0) i64) (result i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param (ref $k0) i64) (result i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param (ref $k0)))   ;; suspend payload
  (tag $res (result (ref $k0)))  ;; suspend results
  (tag $exn (param (ref $k0)))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

  ;; the value for input x
  (func $make (param i32) (result (ref $k0))
    (cont.bind $k1 $k0 (local.get 0) (cont.new $k1 (ref.func $kfun))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0)
    (block $p (param (ref $k0)) (result (ref $k0))
      (return (resume $k0 (on $kpause $p))))
    (resume $k0))

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result (ref $k0))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result (ref $k0) (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result (ref null $k0) (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    (ref.as_non_null)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32)
    (block $c (result (ref $k0))
      (try_table (result i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 5)) (i32.const 16))
(assert_return (invoke "bind-fresh" (i32.const 5)) (i32.const 16))
(assert_return (invoke "bind-split" (i32.const 5)) (i32.const 16))
(assert_return (invoke "bind-twice" (i32.const 5)) (i32.const 16))
(assert_return (invoke "bind-suspended" (i32.const 5)) (i32.const 16))
(assert_return (invoke "return" (i32.const 5)) (i32.const 16))
(assert_return (invoke "suspend-payload" (i32.const 5)) (i32.const 16))
(assert_return (invoke "suspend-result" (i32.const 5)) (i32.const 16))
(assert_return (invoke "handler-label" (i32.const 5)) (i32.const 16))
(assert_return (invoke "throw-in" (i32.const 5)) (i32.const 16))
(assert_return (invoke "throw-out" (i32.const 5)) (i32.const 16))
(assert_return (invoke "resume-param" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "bind-fresh" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "bind-split" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "bind-twice" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "bind-suspended" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "return" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "suspend-payload" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "suspend-result" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "handler-label" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "throw-in" (i32.const 0x10000000)) (i32.const 0x30000001))
(assert_return (invoke "throw-out" (i32.const 0x10000000)) (i32.const 0x30000001))

;; ref-cont through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-ref-cont above).
(module $V-ref-cont-throw-ref
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (tag $kpause)
  ;; 3x+1, pausing once on the way
  (func $kfun (type $kf1) (suspend $kpause) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (elem declare func $kfun)
  (type $obs-t (func (param (ref $k0)) (result i32)))  ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param (ref $k0)))   ;; exception payload
  (tag $pause)

  ;; the value for input x
  (func $make (param i32) (result (ref $k0))
    (cont.bind $k1 $k0 (local.get 0) (cont.new $k1 (ref.func $kfun))))
  ;; turns the value into something the script can check exactly
  (func $obs (type $obs-t)
    (local.get 0)
    (block $p (param (ref $k0)) (result (ref $k0))
      (return (resume $k0 (on $kpause $p))))
    (resume $k0))
  (func $catcher (type $out-t)
    (block $c (result (ref $k0))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 5)) (i32.const 16))
(assert_return (invoke "throw-ref-in" (i32.const 0x10000000)) (i32.const 0x30000001))

;; ------------------------------------------------------------------------------------------
;; (ref null $k0): selector 0 = null (-1); otherwise a continuation of $kfun already
  ;; run up to its pause (a suspended one, not a fresh one); on arrival it is resumed to the end.
(module $V-ref-null-cont
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (tag $kpause)
  ;; 3x+1, pausing once on the way
  (func $kfun (type $kf1) (suspend $kpause) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (elem declare func $kfun)
  (type $obs-t (func (param (ref null $k0)) (result i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result (ref null $k0))))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 (ref null $k0) i64) (result i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param (ref null $k0) i64) (result i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param (ref null $k0)))   ;; suspend payload
  (tag $res (result (ref null $k0)))  ;; suspend results
  (tag $exn (param (ref null $k0)))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut i32) (i32.const 0))

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

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 2) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result (ref null $k0))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x i32) (result i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x i32) (result i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result (ref null $k0) (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x i32) (result i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x i32) (result i32)
    (global.set $in (local.get $x))
    (block $h (result (ref null $k0) (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x i32) (result i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x i32) (result i32)
    (block $c (result (ref null $k0))
      (try_table (result i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (i32.const 6)) (i32.const 19))
(assert_return (invoke "bind-fresh" (i32.const 6)) (i32.const 19))
(assert_return (invoke "bind-split" (i32.const 6)) (i32.const 19))
(assert_return (invoke "bind-twice" (i32.const 6)) (i32.const 19))
(assert_return (invoke "bind-suspended" (i32.const 6)) (i32.const 19))
(assert_return (invoke "return" (i32.const 6)) (i32.const 19))
(assert_return (invoke "suspend-payload" (i32.const 6)) (i32.const 19))
(assert_return (invoke "suspend-result" (i32.const 6)) (i32.const 19))
(assert_return (invoke "handler-label" (i32.const 6)) (i32.const 19))
(assert_return (invoke "throw-in" (i32.const 6)) (i32.const 19))
(assert_return (invoke "throw-out" (i32.const 6)) (i32.const 19))
(assert_return (invoke "resume-param" (i32.const 0)) (i32.const -1))
(assert_return (invoke "bind-fresh" (i32.const 0)) (i32.const -1))
(assert_return (invoke "bind-split" (i32.const 0)) (i32.const -1))
(assert_return (invoke "bind-twice" (i32.const 0)) (i32.const -1))
(assert_return (invoke "bind-suspended" (i32.const 0)) (i32.const -1))
(assert_return (invoke "return" (i32.const 0)) (i32.const -1))
(assert_return (invoke "suspend-payload" (i32.const 0)) (i32.const -1))
(assert_return (invoke "suspend-result" (i32.const 0)) (i32.const -1))
(assert_return (invoke "handler-label" (i32.const 0)) (i32.const -1))
(assert_return (invoke "throw-in" (i32.const 0)) (i32.const -1))
(assert_return (invoke "throw-out" (i32.const 0)) (i32.const -1))

;; ref-null-cont through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-ref-null-cont above).
(module $V-ref-null-cont-throw-ref
  (type $kf1 (func (param i32) (result i32)))
  (type $k1 (cont $kf1))
  (type $kf0 (func (result i32)))
  (type $k0 (cont $kf0))
  (tag $kpause)
  ;; 3x+1, pausing once on the way
  (func $kfun (type $kf1) (suspend $kpause) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (elem declare func $kfun)
  (type $obs-t (func (param (ref null $k0)) (result i32)))  ;; the observer's type
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param (ref null $k0)))   ;; exception payload
  (tag $pause)

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
  (func $catcher (type $out-t)
    (block $c (result (ref null $k0))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x i32) (result i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (i32.const 6)) (i32.const 19))
(assert_return (invoke "throw-ref-in" (i32.const 0)) (i32.const -1))

;; ------------------------------------------------------------------------------------------
;; Thirteen values of different types at once, so that any reordering or loss shows:
  ;; i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0).
(module $V-mixed
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
  (type $obs-t (func (param i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0)) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))  ;; the observer's type
  (type $obs-k (cont $obs-t))
  (type $out-t (func (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))
  (type $out-k (cont $out-t))
  (type $val-t (func (result i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0))))
  (type $val-k (cont $val-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (type $wrap-t (func (param i32 i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0) i64) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))  ;; the value between two others
  (type $wrap-k (cont $wrap-t))
  (type $wrap1-t (func (param i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0) i64) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))
  (type $wrap1-k (cont $wrap1-t))
  (type $last-t (func (param i64) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))
  (type $last-k (cont $last-t))
  (tag $pay (param i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0)))   ;; suspend payload
  (tag $res (result i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0)))  ;; suspend results
  (tag $exn (param i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0)))   ;; exception payload
  (tag $pause)
  (tag $other)
  (global $in (mut externref) (ref.null extern))

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

  ;; checks the values around the value (traps if they are wrong), then observes it
  (func $wrapped (type $wrap-t)
    (if (i32.ne (local.get 0) (i32.const 0x1234abcd)) (then (unreachable)))
    (if (i64.ne (local.get 14) (i64.const 0x0fedcba987654321)) (then (unreachable)))
    (call $obs (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 9) (local.get 10) (local.get 11) (local.get 12) (local.get 13)))
  (func $produce (type $val-t) (call $make (global.get $in)))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make (global.get $in))))
  ;; $pay passes through a handler for another tag only
  (func $nested (type $unit-t)
    (drop
      (block $o (result (ref $unit-k))
        (resume $unit-k (on $other $o) (cont.new $unit-k (ref.func $yield-payload)))
        (return))))
  (func $await (type $out-t) (call $obs (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $wrapped $obs $produce $yield-payload $nested $await $catcher)

  ;; $await, suspended at its (suspend $res)
  (func $suspended-await (result (ref $obs-k))
    (block $h (result (ref $obs-k))
      (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
      (unreachable)))
  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; arguments of resume become the parameters of a fresh continuation's function
  (func (export "resume-param") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (resume $obs-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs))))
  ;; cont.bind binds all parameters of a fresh continuation
  (func (export "bind-fresh") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (cont.new $obs-k (ref.func $obs)))))
  ;; cont.bind binds a prefix of the parameters; resume supplies the rest
  (func (export "bind-split") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap-k $last-k (i32.const 0x1234abcd) (call $make (local.get $x))
        (cont.new $wrap-k (ref.func $wrapped)))))
  ;; the same, binding in two steps
  (func (export "bind-twice") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (resume $last-k (i64.const 0x0fedcba987654321)
      (cont.bind $wrap1-k $last-k (call $make (local.get $x))
        (cont.bind $wrap-k $wrap1-k (i32.const 0x1234abcd)
          (cont.new $wrap-k (ref.func $wrapped))))))
  ;; cont.bind supplies the results of a pending suspend
  (func (export "bind-suspended") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (resume $out-k
      (cont.bind $obs-k $out-k (call $make (local.get $x)) (call $suspended-await))))
  ;; the continuation's results come out of resume when it returns
  (func (export "return") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (global.set $in (local.get $x))
    (call $obs (resume $val-k (cont.new $val-k (ref.func $produce)))))
  ;; suspend's arguments arrive at the handler label (below the continuation)
  (func (export "suspend-payload") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0) (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $obs))
  ;; resume's arguments become the results of the pending suspend
  (func (export "suspend-result") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (resume $obs-k (call $make (local.get $x)) (call $suspended-await)))
  ;; the payload crosses an inner resume and arrives at an outer label typed with supertypes
  (func (export "handler-label") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (global.set $in (local.get $x))
    (block $h (result i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0) (ref null $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $nested)))
      (unreachable))
    (drop)
    ;; (no cast needed)
    (call $obs))
  ;; resume_throw's payload is caught inside the continuation, at its suspend
  (func (export "throw-in") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (resume_throw $out-k $exn (call $make (local.get $x)) (call $suspended-catcher)))
  ;; resume_throw on a fresh continuation: thrown before its function starts, caught outside
  (func (export "throw-out") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (block $c (result i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0))
      (try_table (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32) (catch $exn $c)
        (resume_throw $out-k $exn (call $make (local.get $x)) (cont.new $out-k (ref.func $catcher))))
      (unreachable))
    (call $obs))
)
(assert_return (invoke "resume-param" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "bind-fresh" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "bind-split" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "bind-twice" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "bind-suspended" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "return" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "suspend-payload" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "suspend-result" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "handler-label" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "throw-in" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))
(assert_return (invoke "throw-out" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))

;; mixed through resume_throw_ref, in a module of its own (same $make, $obs and $catcher
;; as $V-mixed above).
(module $V-mixed-throw-ref
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
  (type $obs-t (func (param i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0)) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))  ;; the observer's type
  (type $out-t (func (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)))
  (type $out-k (cont $out-t))
  (tag $exn (param i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0)))   ;; exception payload
  (tag $pause)

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
  (func $catcher (type $out-t)
    (block $c (result i32 i64 f32 f64 v128 funcref externref i31ref (ref $s) arrayref nullref exnref (ref $k0))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $obs))
  (elem declare func $catcher)

  ;; $catcher, suspended at its (suspend $pause) inside try_table
  (func $suspended-catcher (result (ref $out-k))
    (block $h (result (ref $out-k))
      (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
      (unreachable)))

  ;; resume_throw_ref: the exception's payload is caught inside the continuation
  (func (export "throw-ref-in") (param $x externref) (result i32 i64 i32 i64 v128 i32 externref i32 i32 i32 i32 i32 i32)
    (resume_throw_ref $out-k
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $exn (call $make (local.get $x))))
        (unreachable))
      (call $suspended-catcher)))
)
(assert_return (invoke "throw-ref-in" (ref.extern 9)) (i32.const 0xa1a2a3a4) (i64.const 0xb1b2b3b4b5b6b7b8)
  (i32.const 0x7f800001) (i64.const 0xfff0000000000003) (v128.const i8x16 0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 0x98 0xa9 0xba 0xcb 0xdc 0xed 0xfe 0x0f)
  (i32.const 55) (ref.extern 9) (i32.const 0x12345) (i32.const 0x5151) (i32.const 0x6161)
  (i32.const 1) (i32.const 0x7171) (i32.const 999))

;; ------------------------------------------------------------------------------------------
;; Forty values at once, of five kinds in turn (i32, i64, f64 as bits, v128, (ref $s)), each
;; different: continuations start with small stacks, so these must grow on the way. $check
;; compares every value with the one expected at its place and counts the right ones (40).
(module $V-wide
  (type $s (struct (field i32)))
  (type $check-t (func (param i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)) (result i32)))
  (type $check-k (cont $check-t))
  (type $rest-t (func (param v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)) (result i32)))
  (type $rest-k (cont $rest-t))
  (type $all-t (func (result i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s))))
  (type $all-k (cont $all-t))
  (type $out-t (func (result i32)))
  (type $out-k (cont $out-t))
  (type $unit-t (func))
  (type $unit-k (cont $unit-t))
  (tag $pay (param i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)))
  (tag $res (result i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)))
  (tag $exn (param i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)))
  (tag $pause)

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
  (func $check (type $check-t)
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
  (func $produce (type $all-t) (call $make))
  (func $yield-payload (type $unit-t) (suspend $pay (call $make)))
  (func $await (type $out-t) (call $check (suspend $res)))
  (func $catcher (type $out-t)
    (block $c (result i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s))
      (try_table (catch $exn $c) (suspend $pause))
      (unreachable))
    (call $check))
  (elem declare func $check $produce $yield-payload $await $catcher)

  (func (export "wide-resume-param") (result i32)
    (resume $check-k (call $make) (cont.new $check-k (ref.func $check))))
  (func (export "wide-bind-split") (result i32)
    (resume $rest-k
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
      (struct.new $s (i32.const 1039))
      (cont.bind $check-k $rest-k
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
        (cont.new $check-k (ref.func $check)))))
  (func (export "wide-return") (result i32)
    (call $check (resume $all-k (cont.new $all-k (ref.func $produce)))))
  (func (export "wide-suspend-payload") (result i32)
    (block $h (result i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s)
      i32 i64 f64 v128 (ref $s) (ref $unit-k))
      (resume $unit-k (on $pay $h) (cont.new $unit-k (ref.func $yield-payload)))
      (unreachable))
    (drop)
    (call $check))
  (func (export "wide-suspend-result") (result i32)
    (resume $check-k (call $make)
      (block $h (result (ref $check-k))
        (resume $out-k (on $res $h) (cont.new $out-k (ref.func $await)))
        (unreachable))))
  (func (export "wide-throw-in") (result i32)
    (resume_throw $out-k $exn (call $make)
      (block $h (result (ref $out-k))
        (resume $out-k (on $pause $h) (cont.new $out-k (ref.func $catcher)))
        (unreachable))))
)
(assert_return (invoke "wide-resume-param") (i32.const 40))
(assert_return (invoke "wide-bind-split") (i32.const 40))
(assert_return (invoke "wide-return") (i32.const 40))
(assert_return (invoke "wide-suspend-payload") (i32.const 40))
(assert_return (invoke "wide-suspend-result") (i32.const 40))
(assert_return (invoke "wide-throw-in") (i32.const 40))

;; ------------------------------------------------------------------------------------------
;; Values whose static types differ from their dynamic types along the way (subtyping):
;; a continuation of a declared continuation subtype used at its supertype, cont.bind to a
;; continuation type with contravariant parameters and covariant results, and a handler label
;; whose continuation type is a supertype of the one the rule gives ([t2*] -> [t*] <:
;; [t2'*] -> [t'*]). The i31 values that come out are checked exactly.
(module $V-subtyping
  (type $f1 (sub (func (param i32) (result anyref))))
  (type $f2 (sub $f1 (func (param i32) (result eqref))))
  (type $c1 (sub (cont $f1)))
  (type $c2 (sub $c1 (cont $f2)))
  (type $u (func))
  (type $uk (cont $u))
  ;; for cont.bind: [i32 anyref] -> [i31ref] bound to [eqref] -> [anyref]
  (type $bf (func (param i32 anyref) (result i31ref)))
  (type $bk (cont $bf))
  (type $bf1 (func (param eqref) (result anyref)))
  (type $bk1 (cont $bf1))
  ;; for the label: the tag answers anyref, the resume gives eqref; the label takes the
  ;; continuation as [i31ref] -> [anyref]
  (type $qf (func (result eqref)))
  (type $qk (cont $qf))
  (type $lf (func (param i31ref) (result anyref)))
  (type $lk (cont $lf))
  (tag $carry (param (ref $c1)))
  (tag $ask (param i32) (result anyref))

  (func $g (type $f2) (ref.i31 (i32.mul (local.get 0) (i32.const 3))))
  (func $send (type $u) (suspend $carry (cont.new $c2 (ref.func $g))))
  ;; x * 1000 + the i31 value of the anyref
  (func $b (type $bf)
    (ref.i31 (i32.add (i32.mul (local.get 0) (i32.const 1000))
                      (i31.get_s (ref.cast (ref i31) (local.get 1))))))
  ;; asks with 4; gives the answer back as eqref
  (func $q (type $qf) (ref.cast eqref (suspend $ask (i32.const 4))))
  (elem declare func $g $send $b $q)
  (func $i31 (param anyref) (result i32) (i31.get_s (ref.cast (ref i31) (local.get 0))))

  (func (export "sub-cont-at-super") (param i32) (result i32)
    (call $i31 (resume $c1 (local.get 0) (cont.new $c2 (ref.func $g)))))
  (func (export "sub-func-at-super") (param i32) (result i32)
    (call $i31 (resume $c1 (local.get 0) (cont.new $c1 (ref.func $g)))))
  (func (export "sub-cont-as-payload") (param i32) (result i32)
    (local $k (ref null $c1))
    (block $h (result (ref $c1) (ref $uk))
      (resume $uk (on $carry $h) (cont.new $uk (ref.func $send)))
      (return (i32.const -1)))
    (drop)
    (local.set $k)
    (call $i31 (resume $c1 (local.get 0) (local.get $k))))
  (func (export "bind-to-super") (param i32) (result i32)
    (call $i31
      (resume $bk1 (ref.i31 (i32.const 7))
        (cont.bind $bk $bk1 (local.get 0) (cont.new $bk (ref.func $b))))))
  (func (export "label-at-super") (param i32) (result i32)
    (local $k (ref null $lk))
    (block $h (result i32 (ref $lk))
      (return (call $i31 (resume $qk (on $ask $h) (cont.new $qk (ref.func $q))))))
    (local.set $k)
    ;; the payload, 4, plus the parameter: given back as an i31ref
    (call $i31 (resume $lk (ref.i31 (i32.add (local.get 0))) (local.get $k))))
)
(assert_return (invoke "sub-cont-at-super" (i32.const 5)) (i32.const 15))
(assert_return (invoke "sub-cont-at-super" (i32.const -5)) (i32.const -15))
(assert_return (invoke "sub-func-at-super" (i32.const 6)) (i32.const 18))
(assert_return (invoke "sub-cont-as-payload" (i32.const 7)) (i32.const 21))
(assert_return (invoke "bind-to-super" (i32.const 2)) (i32.const 2007))
(assert_return (invoke "bind-to-super" (i32.const -3)) (i32.const -2993))
(assert_return (invoke "label-at-super" (i32.const 30)) (i32.const 34))
(assert_return (invoke "label-at-super" (i32.const -30)) (i32.const -26))

;; ------------------------------------------------------------------------------------------
;; Reference values that keep their type across a continuation, where the reference
;; interpreter disagrees.  Both modules are last, so that it runs everything above first.

;; An exception thrown inside a continuation and caught by the resumer with catch_all_ref is
;; an exnref like any other: a cast to (ref exn) succeeds (Wasm 3.0: "Ref_ok: S |- ref.exn a :
;; REF EXN", and ref.test of a non-null reference against a type it has is 1).
;; The reference interpreter disagrees here: its ref.test gives 0 and its ref.cast traps on a
;; caught exnref.
(module
  (type $f (func))
  (type $k (cont $f))
  (tag $e (param i32))
  (func $throws (throw $e (i32.const 9)))
  (elem declare func $throws)
  (func $caught (result exnref)
    (block $h (result exnref)
      (try_table (catch_all_ref $h)
        (resume $k (cont.new $k (ref.func $throws))))
      (unreachable)))
  (func (export "exn-test") (result i32)
    (ref.test (ref exn) (call $caught)))
  (func (export "exn-cast-rethrow") (result i32)
    (block $h (result i32)
      (try_table (catch $e $h)
        (throw_ref (ref.cast (ref exn) (call $caught))))
      (i32.const -1)))
)
(assert_return (invoke "exn-test") (i32.const 1))
(assert_return (invoke "exn-cast-rethrow") (i32.const 9))

;; An internal reference made external in a constant expression travels through a
;; continuation and comes back as itself (Wasm 3.0: extern.convert_any and any.convert_extern
;; are constant instructions, "Instr_const: C |- EXTERN.CONVERT_ANY const").
;; The reference interpreter disagrees here: it rejects extern.convert_any and
;; any.convert_extern in constant expressions ("constant expression required").
(module
  (type $f (func (param externref) (result externref)))
  (type $k (cont $f))
  (global $x externref (extern.convert_any (ref.i31 (i32.const 77))))
  (global $y anyref (any.convert_extern (global.get $x)))
  (func $id (type $f) (local.get 0))
  (elem declare func $id)
  (func (export "extern-through-cont") (result i32)
    (i31.get_u (ref.cast (ref i31)
      (any.convert_extern (resume $k (global.get $x) (cont.new $k (ref.func $id)))))))
  (func (export "converted-back") (result i32)
    (i31.get_u (ref.cast (ref i31) (global.get $y))))
)
(assert_return (invoke "extern-through-cont") (i32.const 77))
(assert_return (invoke "converted-back") (i32.const 77))
