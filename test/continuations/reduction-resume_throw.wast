;; Stack switching: reduction rules for resume_throw and resume_throw_ref.
;;
;; Explainer, "Instruction set extension" > "Invoking continuations":
;;   "The second way to invoke a continuation is to raise an exception at
;;    the control tag invocation site which causes the stack to be unwound.
;;      resume_throw $ct $exn hdl* : [te* (ref null $ct)] -> [t2*]
;;    ... this instruction also fully consumes its continuation argument.
;;    This instruction raises the exception `$exn` with parameters of type
;;    `te*` at the control tag invocation point in the context of the
;;    supplied continuation. ...
;;      resume_throw_ref $ct hdl* : [exnref (ref null $ct)] -> [t2*]
;;    The `resume_throw_ref` instruction is identical to the `resume_throw`
;;    instruction except that the exception it raises is given by an exnref
;;    operand rather than by an exception tag immediate."
;;
;; Explainer, "Specification changes" > "Execution" > "Reduction":
;;   * S; F; (ref.null t) (resume_throw $ct $e hdl*)  -->  S; F; trap
;;   * S; F; v^m (ref.cont ca) (resume_throw $ct $e hdl*)
;;       -->  S'; F; (ref.exn |S.exns|) (ref.const ca) (resume_throw_ref $ct hdl*)
;;     - iff ta = F.module.tags[$e]
;;     - and S.tags[ta].type ~~ [t1^m] -> [t2*]
;;     - and S' = S with exns += {S.tags[ta], v^m}
;;   * S; F; (ref.null t) (resume_throw_ref $ct hdl*)  -->  S; F; trap
;;   * S; F; (ref.cont ca) (resume_throw_ref $ct hdl*)  -->  S; F; trap
;;     - iff S.conts[ca] = epsilon
;;   * S; F; (ref.null t) (ref.cont ca) (resume_throw_ref $ct hdl*)  -->  S; F; trap
;;     - iff S.conts[ca] = E
;;   * S; F; (ref.exn ea) (ref.cont ca) (resume_throw_ref $ct hdl*)
;;       -->  S'; F; prompt{hdl'*} E[(ref.exn ea) throw_ref] end
;;     - iff S.conts[ca] = E
;;     - and S' = S with conts[ca] = epsilon
;;     - and hdl'* = hdl*[F.module.tags / 0..|F.module.tags|-1]
;;
;; Explainer, "Execution": "only handlers for the matching kind of event
;; are considered, e.g. only `(on $e $l)` handlers can handle `suspend`
;; events ...".  Exceptions are handled by try_table, never by a prompt.
;;
;; This file checks aborting never-started continuations (E = _ (invoke fa):
;; the exception is raised before the function is entered, so it goes
;; straight to the resumer with its payload) and suspended ones (the
;; exception is raised at the suspend, where try_table catch, catch_ref,
;; catch_all and catch_all_ref around it see it; uncaught, it leaves through
;; the prompt and any handlers); what the continuation can do after catching
;; (return, suspend again under the handlers of the resume_throw); tag
;; resolution in the resumer's module; the traps, including the rule order for
;; a null exnref (no consumption when the continuation is live); operand order
;; of resume_throw_ref; payloads of several types; and exceptions crossing
;; several prompts in both directions.

;; ---------------------------------------------------------------------------
;; Never-started continuations.  The function never runs (its side effect
;; does not happen, and its own try_table does not see the exception); the
;; exception reaches the resumer with its payload, through the handlers of
;; the resume_throw.

(module $N
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (tag $e0 (export "tag-e0"))
  (tag $e1 (export "tag-e1") (param i32))
  (tag $e4 (param i64 f32 f64 i32))
  (tag $er (param externref funcref))
  (tag $t (param i32) (result i32))
  (global $ran (mut i32) (i32.const 0))
  ;; would set $ran, and would catch every exception
  (func $body (param i32) (result i32)
    (global.set $ran (i32.const 1))
    (block $any
      (try_table (catch_all $any)
        (return (suspend $t (local.get 0))))
      (unreachable))
    (i32.const 999))
  (elem declare func $body)
  (func $new (export "new") (result (ref $c)) (cont.new $c (ref.func $body)))

  (func (export "ran") (result i32) (global.get $ran))
  (func (export "e0") (result i32)
    (block $h (result)
      (try_table (catch $e0 $h)
        (drop (resume_throw $c $e0 (call $new))))
      (return (i32.const -1)))
    (global.get $ran))
  (func (export "e1") (param i32) (result i32 i32)
    (block $h (result i32)
      (try_table (result i32) (catch $e1 $h)
        (resume_throw $c $e1 (local.get 0) (call $new)))
      (return (i32.const -1) (i32.const -1)))
    (global.get $ran))
  (func (export "e4") (param i64 f32 f64 i32) (result i64 f32 f64 i32 i32)
    (block $h (result i64 f32 f64 i32)
      (try_table (result i32) (catch $e4 $h)
        (resume_throw $c $e4 (local.get 0) (local.get 1) (local.get 2) (local.get 3)
          (call $new)))
      (unreachable))
    (global.get $ran))
  (func $some (param i32) (result i32) (local.get 0))
  (elem declare func $some)
  (func (export "refs") (param externref) (result externref i32 i32)
    (local $fr funcref)
    (block $h (result externref funcref)
      (try_table (result i32) (catch $er $h)
        (resume_throw $c $er (local.get 0) (ref.func $some) (call $new)))
      (unreachable))
    (local.set $fr)
    ;; the funcref arrives: call it
    (call_ref $f (i32.const 5) (ref.cast (ref $f) (local.get $fr)))
    (global.get $ran))
  ;; With a handler on the resume_throw for the tag the function would
  ;; suspend with: it never gets there.
  (func (export "with-handler") (param i32) (result i32 i32)
    (block $h (result i32)
      (try_table (result i32) (catch $e1 $h)
        (block $on (result i32 (ref $c))
          (return (resume_throw $c $e1 (on $t $on) (local.get 0) (call $new)) (i32.const -1)))
        (drop) (drop)
        (i32.const -2))
      (return (i32.const -3) (i32.const -3)))
    (global.get $ran))
  ;; Uncaught by the resumer: leaves the invocation as an exception.
  (func (export "uncaught") (result i32)
    (resume_throw $c $e1 (i32.const 3) (call $new)))
)
(register "N" $N)
(assert_return (invoke $N "e0") (i32.const 0))
(assert_return (invoke $N "e1" (i32.const 42)) (i32.const 42) (i32.const 0))
(assert_return (invoke $N "e1" (i32.const -7)) (i32.const -7) (i32.const 0))
(assert_return (invoke $N "e4" (i64.const -1) (f32.const 2.5) (f64.const -0.125) (i32.const 9))
  (i64.const -1) (f32.const 2.5) (f64.const -0.125) (i32.const 9) (i32.const 0))
(assert_return (invoke $N "refs" (ref.extern 12)) (ref.extern 12) (i32.const 5) (i32.const 0))
(assert_return (invoke $N "refs" (ref.null extern)) (ref.null extern) (i32.const 5) (i32.const 0))
(assert_return (invoke $N "with-handler" (i32.const 8)) (i32.const 8) (i32.const 0))
(assert_exception (invoke $N "uncaught"))

;; The same with resume_throw_ref and an exnref made by catching a throw.
;; (Uses of resume_throw_ref are kept in modules of their own in this file,
;; so that an engine that rejects them loses only those assertions.)
(module $NR
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (import "N" "tag-e0" (tag $e0))
  (import "N" "tag-e1" (tag $e1 (param i32)))
  (import "N" "new" (func $new (result (ref $c))))
  (import "N" "ran" (func $ran (result i32)))
  (func (export "ref-fresh") (param i32) (result i32 i32)
    (local $x exnref)
    (local.set $x
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $e1 (local.get 0)))
        (unreachable)))
    (block $h (result i32)
      (try_table (result i32) (catch $e1 $h)
        (resume_throw_ref $c (local.get $x) (call $new)))
      (return (i32.const -1) (i32.const -1)))
    (call $ran))
  (func (export "uncaught-ref") (result i32)
    (resume_throw_ref $c
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $e0))
        (unreachable))
      (call $new)))
)
(assert_return (invoke $NR "ref-fresh" (i32.const 13)) (i32.const 13) (i32.const 0))
(assert_exception (invoke $NR "uncaught-ref"))
(assert_return (invoke $N "ran") (i32.const 0))

;; ---------------------------------------------------------------------------
;; Suspended continuations: the exception is raised at the suspend.  The
;; function suspends inside try_tables of four kinds; which one applies is
;; chosen by its parameter.  Each result says which clause caught what.

(module $M
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (tag $t (result i32))                 ;; [] -> [i32]
  (tag $x (export "x") (param i32))
  (tag $y (param i64 i32))
  (tag $z)
  ;; mode 0: catch $x  -> 100 + payload
  ;; mode 1: catch_ref $x -> 200 + payload, and the exnref is not null
  ;; mode 2: catch_all -> 300
  ;; mode 3: catch_all_ref -> 400 + (exnref not null)
  ;; mode 4: catch $x only, for other tags: not caught
  ;; resumed normally instead: 1000 + value
  (func $sus (param $mode i32) (result i32)
    (block $m4
      (block $m3
        (block $m2
          (block $m1
            (block $m0
              (br_table $m0 $m1 $m2 $m3 $m4 (local.get $mode)))
            ;; mode 0
            (block $h (result i32)
              (try_table (catch $x $h)
                (return (i32.add (suspend $t) (i32.const 1000))))
              (unreachable))
            (return (i32.add (i32.const 100))))
          ;; mode 1
          (block $h (result i32 exnref)
            (try_table (catch_ref $x $h)
              (return (i32.add (suspend $t) (i32.const 1000))))
            (unreachable))
          (ref.is_null) (i32.eqz) (i32.add) (i32.const 200) (i32.add)
          (return))
        ;; mode 2
        (block $h
          (try_table (catch_all $h)
            (return (i32.add (suspend $t) (i32.const 1000))))
          (unreachable))
        (return (i32.const 300)))
      ;; mode 3
      (block $h (result exnref)
        (try_table (catch_all_ref $h)
          (return (i32.add (suspend $t) (i32.const 1000))))
        (unreachable))
      (ref.is_null) (i32.eqz) (i32.const 400) (i32.add)
      (return))
    ;; mode 4
    (block $h (result i32)
      (try_table (catch $x $h)
        (return (i32.add (suspend $t) (i32.const 1000))))
      (unreachable))
    (i32.add (i32.const 500)))
  (elem declare func $sus)
  (func $start (export "start") (param $mode i32) (result (ref $c))
    (block $h (result (ref $c))
      (drop (resume $c (on $t $h) (local.get $mode) (cont.new $c (ref.func $sus))))
      (unreachable)))
  (func (export "throw-x") (param $mode i32) (param $v i32) (result i32)
    (resume_throw $c $x (local.get $v) (call $start (local.get $mode))))
  ;; $z: caught only by catch_all / catch_all_ref (modes 2, 3); otherwise it
  ;; reaches the resumer: -1.
  (func (export "throw-z") (param $mode i32) (result i32)
    (block $h
      (try_table (result i32) (catch $z $h)
        (resume_throw $c $z (call $start (local.get $mode))))
      (return))
    (i32.const -1))
  (func (export "throw-y") (param $mode i32) (result i32)
    (local $b i32)
    (block $h (result i64 i32)
      (try_table (result i32) (catch $y $h)
        (resume_throw $c $y (i64.const 5) (i32.const 6) (call $start (local.get $mode))))
      (return))
    (local.set $b)
    (i32.wrap_i64) (i32.const 10) (i32.mul) (local.get $b) (i32.add)
    (i32.const -1) (i32.mul))
  ;; $z with no try_table in the resumer
  (func (export "throw-z-bare") (param $mode i32) (result i32)
    (resume_throw $c $z (call $start (local.get $mode))))
  ;; the same continuations resumed normally
  (func (export "resume") (param $mode i32) (param $v i32) (result i32)
    (resume $c (local.get $v) (call $start (local.get $mode))))
)
(register "M" $M)
(assert_return (invoke "resume" (i32.const 0) (i32.const 1)) (i32.const 1001))
(assert_return (invoke "throw-x" (i32.const 0) (i32.const 5)) (i32.const 105))
(assert_return (invoke "throw-x" (i32.const 1) (i32.const 5)) (i32.const 206))
(assert_return (invoke "throw-x" (i32.const 2) (i32.const 5)) (i32.const 300))
(assert_return (invoke "throw-x" (i32.const 3) (i32.const 5)) (i32.const 401))
(assert_return (invoke "throw-x" (i32.const 4) (i32.const 5)) (i32.const 505))
(assert_return (invoke "throw-z" (i32.const 0)) (i32.const -1))
(assert_return (invoke "throw-z" (i32.const 1)) (i32.const -1))
(assert_return (invoke "throw-z" (i32.const 2)) (i32.const 300))
(assert_return (invoke "throw-z" (i32.const 3)) (i32.const 401))
(assert_return (invoke "throw-z" (i32.const 4)) (i32.const -1))
;; $y (i64 5, i32 6) reaches the resumer in modes 0, 1, 4: -(50 + 6)
(assert_return (invoke "throw-y" (i32.const 0)) (i32.const -56))
(assert_return (invoke "throw-y" (i32.const 2)) (i32.const 300))
(assert_return (invoke "throw-y" (i32.const 4)) (i32.const -56))
(assert_exception (invoke "throw-z-bare" (i32.const 0)))
(assert_exception (invoke "throw-z-bare" (i32.const 4)))
(assert_return (invoke "throw-z-bare" (i32.const 3)) (i32.const 401))

;; throw-x with resume_throw_ref
(module $MR
  (type $f (func (param i32) (result i32)))
  (type $c (cont $f))
  (import "M" "x" (tag $x (param i32)))
  (import "M" "start" (func $start (param i32) (result (ref $c))))
  (func (export "throw-x-ref") (param $mode i32) (param $v i32) (result i32)
    (resume_throw_ref $c
      (block $c (result exnref)
        (try_table (catch_all_ref $c) (throw $x (local.get $v)))
        (unreachable))
      (call $start (local.get $mode))))
)
(assert_return (invoke "throw-x-ref" (i32.const 0) (i32.const 7)) (i32.const 107))
(assert_return (invoke "throw-x-ref" (i32.const 1) (i32.const 7)) (i32.const 208))
(assert_return (invoke "throw-x-ref" (i32.const 2) (i32.const 7)) (i32.const 300))
(assert_return (invoke "throw-x-ref" (i32.const 3) (i32.const 7)) (i32.const 401))
(assert_return (invoke "throw-x-ref" (i32.const 4) (i32.const 7)) (i32.const 507))

;; ---------------------------------------------------------------------------
;; After catching inside, the continuation goes on: it may return normally
;; (its value is the result of the resume_throw), or suspend again, which
;; is handled by the handlers of the resume_throw itself
;; (prompt{hdl'*} E[...] end), and then be resumed again.
;; A catch_ref inside may rethrow the exnref with throw_ref: the same
;; exception then reaches the resumer.

(module $R
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $t (result i32))
  (tag $t2 (param i32) (result i32))
  (tag $x (export "x") (param i32))
  ;; Suspends $t; if aborted with $x, suspends $t2 with the payload and
  ;; returns what it gets back plus 1; if resumed normally returns 0.
  (func $retry (result i32)
    (block $h (result i32)
      (try_table (catch $x $h)
        (drop (suspend $t))
        (return (i32.const 0)))
      (unreachable))
    (i32.add (suspend $t2) (i32.const 1)))
  ;; Suspends $t; catches $x with catch_ref, adds the payload to a global,
  ;; and rethrows the exnref.
  (global $seen (mut i32) (i32.const 0))
  (func $rethrow (result i32)
    (local $ex exnref)
    (block $h (result i32 exnref)
      (try_table (catch_ref $x $h)
        (return (suspend $t)))
      (unreachable))
    (local.set $ex)
    (global.set $seen (i32.add (global.get $seen)))
    (throw_ref (local.get $ex)))
  (elem declare func $retry $rethrow)
  (func $start2 (param $f (ref $fv)) (result (ref $ci))
    (block $h (result (ref $ci))
      (drop (resume $cv (on $t $h) (cont.new $cv (local.get $f))))
      (unreachable)))
  ;; the resume_throw's own handler for $t2 gets the second suspend; its
  ;; payload is the exception's; the continuation is then resumed with 50.
  (func (export "suspend-again") (param i32) (result i32 i32)
    (local $k (ref null $ci))
    (block $h2 (result i32 (ref $ci))
      (return (resume_throw $ci $x (on $t2 $h2) (local.get 0)
                (call $start2 (ref.func $retry)))
              (i32.const -1)))
    (local.set $k)
    (resume $ci (i32.const 50) (local.get $k)))
  ;; without a handler for $t2 on the resume_throw: unhandled
  (func (export "suspend-again-unhandled") (result i32)
    (resume_throw $ci $x (i32.const 1) (call $start2 (ref.func $retry))))
  ;; the rethrown exception reaches the resumer with its payload
  (func (export "rethrow") (param i32) (result i32 i32)
    (global.set $seen (i32.const 0))
    (block $h (result i32)
      (try_table (result i32) (catch $x $h)
        (resume_throw $ci $x (local.get 0) (call $start2 (ref.func $rethrow))))
      (return (i32.const -1) (i32.const -1)))
    (global.get $seen))
  (func (export "start-rethrow") (result (ref $ci)) (call $start2 (ref.func $rethrow)))
  (func (export "reset-seen") (global.set $seen (i32.const 0)))
  (func (export "seen") (result i32) (global.get $seen))
)
(register "R" $R)
(assert_return (invoke $R "suspend-again" (i32.const 7)) (i32.const 7) (i32.const 51))
(assert_suspension (invoke $R "suspend-again-unhandled") "unhandled tag")
(assert_return (invoke $R "rethrow" (i32.const 33)) (i32.const 33) (i32.const 33))

;; The exnref caught in the resumer can be thrown again into a second
;; continuation with resume_throw_ref: it is the same exception.
(module $RR
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (import "R" "x" (tag $x (param i32)))
  (import "R" "start-rethrow" (func $start-rethrow (result (ref $ci))))
  (import "R" "reset-seen" (func $reset-seen))
  (import "R" "seen" (func $seen (result i32)))
  (func (export "rethrow-twice") (param i32) (result i32 i32)
    (local $ex exnref)
    (call $reset-seen)
    (local.set $ex
      (block $h (result exnref)
        (try_table (catch_all_ref $h)
          (drop (resume_throw $ci $x (local.get 0) (call $start-rethrow))))
        (unreachable)))
    (block $h (result i32)
      (try_table (result i32) (catch $x $h)
        (resume_throw_ref $ci (local.get $ex) (call $start-rethrow)))
      (return (i32.const -1) (i32.const -1)))
    (call $seen))
)
(assert_return (invoke $RR "rethrow-twice" (i32.const 4)) (i32.const 4) (i32.const 8))

;; ---------------------------------------------------------------------------
;; Exceptions and prompts: only try_table catches exceptions; a prompt's
;; (on $e $l), even for the same tag, does not, and a try_table does not
;; catch a suspend.  Exceptions thrown inside a continuation (by `throw`, not
;; by resume_throw) leave through the prompt to the resumer, or to a
;; resumer's resumer several prompts up.

(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (tag $e (param i32))              ;; used both for throw and suspend
  (func $throws (result i32) (throw $e (i32.const 11)))
  (func $suspends (result i32)
    ;; a try_table for $e around the suspend does not catch the suspend
    (block $h (result i32)
      (try_table (catch $e $h)
        (suspend $e (i32.const 22))
        (return (i32.const 0)))
      (unreachable))
    (i32.add (i32.const 1000)))
  ;; level 2 resumes level 3 under (on $e ...), level 1 resumes level 2
  ;; under (on $e ...); level 3 throws $e.
  (func $level3 (result i32) (throw $e (i32.const 33)))
  (func $level2 (result i32)
    (block $h (result i32 (ref $cv))
      (return (resume $cv (on $e $h) (cont.new $cv (ref.func $level3)))))
    (drop) (drop) (i32.const -2))
  (func $level1 (result i32)
    (block $h (result i32 (ref $cv))
      (return (resume $cv (on $e $h) (cont.new $cv (ref.func $level2)))))
    (drop) (drop) (i32.const -1))
  ;; level 2 with a try_table for $e around its resume: catches it there.
  (func $level2-catch (result i32)
    (block $c (result i32)
      (block $h (result i32 (ref $cv))
        (try_table (result i32) (catch $e $c)
          (return (resume $cv (on $e $h) (cont.new $cv (ref.func $level3)))))
        (unreachable))
      (drop) (return (i32.const -2)))
    (i32.add (i32.const 2000)))
  (func $level1-catch (result i32)
    (block $h (result i32 (ref $cv))
      (return (resume $cv (on $e $h) (cont.new $cv (ref.func $level2-catch)))))
    (drop) (drop) (i32.const -1))
  (elem declare func $throws $suspends $level1 $level2 $level3 $level2-catch $level1-catch)

  ;; $throws under (on $e ...): the exception reaches the try_table
  (func (export "throw-through-prompt") (result i32)
    (block $c (result i32)
      (block $h (result i32 (ref $cv))
        (try_table (result i32) (catch $e $c)
          (return (resume $cv (on $e $h) (cont.new $cv (ref.func $throws)))))
        (unreachable))
      (drop) (return (i32.const -1)))
    (i32.add (i32.const 100)))
  ;; $suspends: the suspend reaches the (on $e ...) handler, not the
  ;; try_tables inside or around; the handler aborts it with $e 5, which
  ;; the try_table inside catches: 1005
  (func (export "suspend-past-try") (result i32)
    (local $k (ref null $cv))
    (block $c (result i32)
      (block $h (result i32 (ref $cv))
        (try_table (result i32) (catch $e $c)
          (return (resume $cv (on $e $h) (cont.new $cv (ref.func $suspends)))))
        (unreachable))
      (local.set $k)
      (drop)
      (return (resume_throw $cv $e (i32.const 5) (local.get $k))))
    (drop) (i32.const -1))
  ;; three prompts; the exception from level 3 is caught by the outermost
  ;; resumer's try_table
  (func (export "three-prompts") (result i32)
    (block $c (result i32)
      (block $h (result i32 (ref $cv))
        (try_table (result i32) (catch $e $c)
          (return (resume $cv (on $e $h) (cont.new $cv (ref.func $level1)))))
        (unreachable))
      (drop) (return (i32.const -1)))
    (i32.add (i32.const 300)))
  ;; level 2 catches it; level 1 and the outermost get a normal return
  (func (export "caught-midway") (result i32)
    (resume $cv (cont.new $cv (ref.func $level1-catch))))
  ;; nothing catches it
  (func (export "uncaught-three") (result i32)
    (resume $cv (cont.new $cv (ref.func $level1))))
)
(assert_return (invoke "throw-through-prompt") (i32.const 111))
(assert_return (invoke "suspend-past-try") (i32.const 1005))
(assert_return (invoke "three-prompts") (i32.const 333))
(assert_return (invoke "caught-midway") (i32.const 2033))
(assert_exception (invoke "uncaught-three"))

;; ---------------------------------------------------------------------------
;; The tag of the exception raised by resume_throw may also be the tag of a
;; handler of that same resume_throw: (on $e $l) handles only suspends, so
;; the exception passes it, for a fresh and for a suspended continuation.

(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fu (func (param i32) (result i32)))
  (type $cu (cont $fu))
  (tag $e (param i32))
  (tag $t (result i32))
  (func $body (result i32) (i32.add (suspend $t) (i32.const 1)))
  (elem declare func $body)
  (func (export "fresh") (param i32) (result i32)
    (block $c (result i32)
      (block $h (result i32 (ref $cv))
        (try_table (result i32) (catch $e $c)
          (return (resume_throw $cv $e (on $e $h) (local.get 0)
            (cont.new $cv (ref.func $body)))))
        (unreachable))
      (drop) (drop) (return (i32.const -1)))
    (i32.add (i32.const 100)))
  (func (export "suspended") (param i32) (result i32)
    (local $k (ref null $cu))
    (local.set $k
      (block $s (result (ref $cu))
        (drop (resume $cv (on $t $s) (cont.new $cv (ref.func $body))))
        (unreachable)))
    (block $c (result i32)
      (block $h (result i32 (ref $cv))
        (try_table (result i32) (catch $e $c)
          (return (resume_throw $cu $e (on $e $h) (local.get 0) (local.get $k))))
        (unreachable))
      (drop) (drop) (return (i32.const -1)))
    (i32.add (i32.const 200)))
)
(assert_return (invoke "fresh" (i32.const 3)) (i32.const 103))
(assert_return (invoke "suspended" (i32.const 4)) (i32.const 204))

;; ---------------------------------------------------------------------------
;; Continuations as exception payloads, in both directions: a continuation
;; throws a new continuation out to its resumer, which resumes it; and a
;; resumer throws a continuation into a suspended one with resume_throw,
;; which catches it at its suspend and resumes it there.

(module
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (tag $kx (param i32 (ref $ci)))
  (tag $t (result i32))
  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func $thrower (result i32)
    (throw $kx (i32.const 10) (cont.new $ci (ref.func $inc))))
  ;; waits at a suspend; if $kx arrives, resumes the continuation with the
  ;; number and returns 100 + its result
  (func $receiver (result i32)
    (block $h (result i32 (ref $ci))
      (try_table (catch $kx $h)
        (return (suspend $t)))
      (unreachable))
    (resume $ci)
    (i32.add (i32.const 100)))
  (elem declare func $inc $thrower $receiver)
  (func (export "out") (result i32)
    (block $h (result i32 (ref $ci))
      (try_table (result i32) (catch $kx $h)
        (resume $cv (cont.new $cv (ref.func $thrower))))
      (return))
    (resume $ci))
  (func (export "in") (param i32) (result i32)
    (local $k (ref null $ci))
    (local.set $k
      (block $h (result (ref $ci))
        (drop (resume $cv (on $t $h) (cont.new $cv (ref.func $receiver))))
        (unreachable)))
    (resume_throw $ci $kx (local.get 0) (cont.new $ci (ref.func $inc)) (local.get $k)))
)
(assert_return (invoke "out") (i32.const 11))
(assert_return (invoke "in" (i32.const 20)) (i32.const 121))

;; ---------------------------------------------------------------------------
;; resume_throw into a continuation whose context includes an inner prompt
;; (it was suspended through a nested resume).  The exception is raised at
;; the innermost suspend, passes the inner prompt, and is caught by a
;; try_table in the intermediate resumer, which then returns normally: its
;; value is the result of the outer resume_throw.

(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $up (result i32))
  (tag $in (result i32))
  (tag $x (param i32))
  (func $leaf (result i32) (i32.add (suspend $up) (i32.const 1)))
  ;; resumes $leaf under a handler for $in only, inside a try_table for $x
  (func $mid (result i32)
    (block $c (result i32)
      (block $h (result (ref $ci))
        (try_table (result i32) (catch $x $c)
          (return (i32.mul (resume $cv (on $in $h) (cont.new $cv (ref.func $leaf)))
                           (i32.const 10))))
        (unreachable))
      (drop) (return (i32.const -2)))
    (i32.add (i32.const 700)))
  ;; $mid without the try_table
  (func $mid-bare (result i32)
    (block $h (result (ref $ci))
      (return (i32.mul (resume $cv (on $in $h) (cont.new $cv (ref.func $leaf)))
                       (i32.const 10))))
    (drop) (i32.const -2))
  (elem declare func $leaf $mid $mid-bare)
  (func $start (param $f (ref $fv)) (result (ref $ci))
    (block $h (result (ref $ci))
      (drop (resume $cv (on $up $h) (cont.new $cv (local.get $f))))
      (unreachable)))
  ;; resumed normally: (v + 1) * 10
  (func (export "normal") (param i32) (result i32)
    (resume $ci (local.get 0) (call $start (ref.func $mid))))
  ;; aborted: $mid catches: 700 + payload
  (func (export "abort-caught-mid") (param i32) (result i32)
    (resume_throw $ci $x (local.get 0) (call $start (ref.func $mid))))
  ;; aborted, $mid-bare does not catch: reaches this resumer: 900 + payload
  (func (export "abort-to-top") (param i32) (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch $x $c)
        (return (resume_throw $ci $x (local.get 0) (call $start (ref.func $mid-bare)))))
      (unreachable))
    (i32.add (i32.const 900)))
)
(assert_return (invoke "normal" (i32.const 4)) (i32.const 50))
(assert_return (invoke "abort-caught-mid" (i32.const 4)) (i32.const 704))
(assert_return (invoke "abort-to-top" (i32.const 4)) (i32.const 904))

;; ---------------------------------------------------------------------------
;; ta = F.module.tags[$e]: the exception tag of resume_throw is that of the
;; resuming function's module.  Module $XA has tags $x0 and $x1 of one type;
;; its function catches $x1 at its suspend.  Module $XB imports $x1 as its
;; tag 0 and has its own tag (index 1) of the same type.

(module $XA
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $x0 (export "x0") (param i32))
  (tag $x1 (export "x1") (param i32))
  (tag $t (export "t") (result i32))
  (func $body (result i32)
    (block $h (result i32)
      (try_table (catch $x1 $h)
        (return (suspend $t)))
      (unreachable))
    (i32.add (i32.const 100)))
  (elem declare func $body)
  (func (export "start") (result (ref $ci))
    (block $h (result (ref $ci))
      (drop (resume $cv (on $t $h) (cont.new $cv (ref.func $body))))
      (unreachable)))
)
(register "XA" $XA)
(module $XB
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (import "XA" "start" (func $start (result (ref $ci))))
  (import "XA" "x1" (tag $imp (param i32)))   ;; tag index 0
  (tag $own (param i32))                       ;; tag index 1
  (func (export "by-index-0") (param i32) (result i32)
    (resume_throw $ci 0 (local.get 0) (call $start)))
  (func (export "by-index-1") (param i32) (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch 1 $c)
        (return (resume_throw $ci 1 (local.get 0) (call $start))))
      (unreachable))
    (i32.add (i32.const 200)))
)
(assert_return (invoke $XB "by-index-0" (i32.const 3)) (i32.const 103))
(assert_return (invoke $XB "by-index-1" (i32.const 3)) (i32.const 203))

;; ---------------------------------------------------------------------------
;; Traps.
;;   (ref.null t) (resume_throw ...)            --> trap
;;   (ref.null t) (resume_throw_ref ...)        --> trap   (null continuation)
;;   (ref.cont ca) (resume_throw_ref ...)       --> trap   if consumed
;;   (ref.null t) (ref.cont ca) (resume_throw_ref ...) --> trap  if S.conts[ca] = E,
;;      with S unchanged: the continuation stays usable.
;; resume_throw on a consumed continuation reduces to resume_throw_ref on it,
;; which traps.

(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (tag $x (param i32))
  (func $body (result i32) (i32.const 77))
  (elem declare func $body)
  (func (export "rt-null") (result i32)
    (resume_throw $cv $x (i32.const 1) (ref.null $cv)))
  (func (export "rt-null-nocont") (result i32)
    (resume_throw $cv $x (i32.const 1) (ref.null nocont)))
  ;; a fresh continuation consumed by resume, then aborted
  (func (export "rt-consumed") (result i32)
    (local $k (ref null $cv))
    (local.set $k (cont.new $cv (ref.func $body)))
    (drop (resume $cv (local.get $k)))
    (resume_throw $cv $x (i32.const 1) (local.get $k)))
  ;; consumed by a previous resume_throw (the exception was caught by the
  ;; resumer), then aborted again: a trap, not an exception
  (func (export "rt-twice") (result i32)
    (local $k (ref null $cv))
    (local.set $k (cont.new $cv (ref.func $body)))
    (block $c (result i32)
      (try_table (catch $x $c)
        (drop (resume_throw $cv $x (i32.const 1) (local.get $k))))
      (unreachable))
    (drop)
    (resume_throw $cv $x (i32.const 2) (local.get $k)))
  ;; a resume_throw consumes even when the exception comes back out:
  ;; resuming it afterwards traps
  (func (export "rt-then-resume") (result i32)
    (local $k (ref null $cv))
    (local.set $k (cont.new $cv (ref.func $body)))
    (block $c (result i32)
      (try_table (catch $x $c)
        (drop (resume_throw $cv $x (i32.const 1) (local.get $k))))
      (unreachable))
    (drop)
    (resume $cv (local.get $k)))
)
(assert_trap (invoke "rt-null") "null continuation reference")
(assert_trap (invoke "rt-null-nocont") "null continuation reference")
(assert_trap (invoke "rt-consumed") "continuation already consumed")
(assert_trap (invoke "rt-twice") "continuation already consumed")
(assert_trap (invoke "rt-then-resume") "continuation already consumed")

;; The same for resume_throw_ref, and the null-exnref rule.
(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $x (param i32))
  (tag $t (result i32))
  (global $ran (mut i32) (i32.const 0))
  (global $k (mut (ref null $cv)) (ref.null $cv))
  (global $ks (mut (ref null $ci)) (ref.null $ci))
  (func $body (result i32) (global.set $ran (i32.const 1)) (i32.const 77))
  (func $sus (result i32) (i32.add (suspend $t) (i32.const 1)))
  (elem declare func $body $sus)
  (func $exn (param i32) (result exnref)
    (block $c (result exnref)
      (try_table (catch_all_ref $c) (throw $x (local.get 0)))
      (unreachable)))
  (func (export "rtr-null-cont") (result i32)
    (resume_throw_ref $cv (call $exn (i32.const 1)) (ref.null $cv)))
  (func (export "rtr-consumed") (result i32)
    (local $k (ref null $cv))
    (local.set $k (cont.new $cv (ref.func $body)))
    (drop (resume $cv (local.get $k)))
    (resume_throw_ref $cv (call $exn (i32.const 1)) (local.get $k)))
  (func (export "rtr-twice") (result i32)
    (local $k (ref null $cv))
    (local.set $k (cont.new $cv (ref.func $body)))
    (block $c (result i32)
      (try_table (catch $x $c)
        (drop (resume_throw_ref $cv (call $exn (i32.const 1)) (local.get $k))))
      (unreachable))
    (drop)
    (resume_throw_ref $cv (call $exn (i32.const 2)) (local.get $k)))

  ;; Null exnref with a live continuation: traps; the continuation is not
  ;; consumed and its function has not run.
  (func (export "make") (global.set $ran (i32.const 0))
    (global.set $k (cont.new $cv (ref.func $body))))
  (func (export "rtr-null-exn") (result i32)
    (resume_throw_ref $cv (ref.null exn) (global.get $k)))
  (func (export "rtr-null-noexn") (result i32)
    (resume_throw_ref $cv (ref.null noexn) (global.get $k)))
  (func (export "ran") (result i32) (global.get $ran))
  (func (export "resume-k") (result i32) (resume $cv (global.get $k)))
  ;; The same with a suspended continuation: after the trap it can still be
  ;; resumed, and gets the value.
  (func (export "make-suspended")
    (global.set $ks
      (block $h (result (ref $ci))
        (drop (resume $cv (on $t $h) (cont.new $cv (ref.func $sus))))
        (unreachable))))
  (func (export "rtr-null-exn-suspended") (result i32)
    (resume_throw_ref $ci (ref.null exn) (global.get $ks)))
  (func (export "resume-ks") (param i32) (result i32)
    (resume $ci (local.get 0) (global.get $ks)))
  ;; after the null-exnref trap, the continuation can also still be
  ;; aborted with a real exception
  (func (export "make-2") (global.set $k (cont.new $cv (ref.func $body))))
  (func (export "abort-k") (param i32) (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch $x $c)
        (return (resume_throw $cv $x (local.get 0) (global.get $k))))
      (unreachable))
    (i32.add (i32.const 1000)))
)
(assert_trap (invoke "rtr-null-cont") "null continuation reference")
(assert_trap (invoke "rtr-consumed") "continuation already consumed")
(assert_trap (invoke "rtr-twice") "continuation already consumed")
(assert_return (invoke "make"))
(assert_trap (invoke "rtr-null-exn") "null exception reference")
(assert_trap (invoke "rtr-null-noexn") "null exception reference")
(assert_return (invoke "ran") (i32.const 0))
(assert_return (invoke "resume-k") (i32.const 77))
(assert_return (invoke "ran") (i32.const 1))
(assert_trap (invoke "resume-k") "continuation already consumed")
(assert_return (invoke "make-suspended"))
(assert_trap (invoke "rtr-null-exn-suspended") "null exception reference")
(assert_return (invoke "resume-ks" (i32.const 41)) (i32.const 42))
(assert_return (invoke "make-2"))
(assert_trap (invoke "rtr-null-exn") "null exception reference")
(assert_return (invoke "abort-k" (i32.const 6)) (i32.const 1006))
(assert_trap (invoke "abort-k" (i32.const 6)) "continuation already consumed")

;; ---------------------------------------------------------------------------
;; Operand order of resume_throw_ref: [exnref (ref null $ct)], the exnref
;; below the continuation.  Operands computed by calls with side effects
;; show the evaluation order (exnref first), and the exception and the
;; continuation each reach their role: the payload arrives, and the
;; continuation (not some other one) is the one aborted.

(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (tag $x (param i32))
  (tag $t (result i32))
  (global $log (mut i32) (i32.const 0))
  (func $note (param i32)
    (global.set $log (i32.add (i32.mul (global.get $log) (i32.const 10)) (local.get 0))))
  ;; catches $x at its suspend; returns tag*1000 + payload
  (func $body (param $id i32) (result i32)
    (block $h (result i32)
      (try_table (catch $x $h)
        (return (suspend $t)))
      (unreachable))
    (i32.add (i32.mul (local.get $id) (i32.const 1000))))
  (elem declare func $body)
  (func $start (param $id i32) (result (ref $ci))
    (call $note (i32.const 2))
    (block $h (result (ref $ci))
      (drop (resume $ci (on $t $h) (local.get $id) (cont.new $ci (ref.func $body))))
      (unreachable)))
  (func $exn (param i32) (result exnref)
    (call $note (i32.const 1))
    (block $c (result exnref)
      (try_table (catch_all_ref $c) (throw $x (local.get 0)))
      (unreachable)))
  (func (export "order") (param i32 i32) (result i32 i32)
    (global.set $log (i32.const 0))
    (resume_throw_ref $ci (call $exn (local.get 1)) (call $start (local.get 0)))
    (global.get $log))
  ;; Two continuations on the stack under the exnref: the top one is the
  ;; one aborted; the other is resumed normally after.
  (func (export "top-one") (result i32 i32)
    (local $other (ref null $ci))
    (local.set $other (call $start (i32.const 8)))
    (resume_throw_ref $ci (call $exn (i32.const 5)) (call $start (i32.const 9)))
    (resume $ci (i32.const 3) (local.get $other)))
)
(assert_return (invoke "order" (i32.const 4) (i32.const 55)) (i32.const 4055) (i32.const 12))
(assert_return (invoke "order" (i32.const 1) (i32.const 7)) (i32.const 1007) (i32.const 12))
(assert_return (invoke "top-one") (i32.const 9005) (i32.const 3))

;; ---------------------------------------------------------------------------
;; Exceptions across many prompts.  $nest(n) resumes $nest(n-1) and adds 1
;; to its result; level $catcher (a global) wraps its resume in a try_table
;; for $x and returns 5000 + payload instead.  $nest(0) suspends with $top
;; to the outermost handler, through all n prompts.  The outermost resumer
;; then aborts the continuation with resume_throw: the exception is raised
;; at the innermost suspend and unwinds level by level up to the catching
;; level, whose callers then add their 1s; with no catching level it
;; reaches the resume_throw's caller.

(module
  (type $fi (func (param i32) (result i32)))
  (type $ci (cont $fi))
  (type $f0 (func (result i32)))
  (type $c0 (cont $f0))
  (tag $top (param i32) (result i32))
  (tag $x (param i32))
  (global $catcher (mut i32) (i32.const -1))
  (func $nest (param $n i32) (result i32)
    (local $k (ref null $c0))
    (if (i32.eqz (local.get $n))
      (then (return (suspend $top (i32.const 7)))))
    (local.set $k
      (cont.bind $ci $c0 (i32.sub (local.get $n) (i32.const 1))
        (cont.new $ci (ref.func $nest))))
    (if (i32.eq (local.get $n) (global.get $catcher))
      (then
        (block $h (result i32)
          (try_table (catch $x $h)
            (return (i32.add (resume $c0 (local.get $k)) (i32.const 1))))
          (unreachable))
        (return (i32.add (i32.const 5000)))))
    (i32.add (resume $c0 (local.get $k)) (i32.const 1)))
  (elem declare func $nest)
  (func $start (param $n i32) (result (ref $ci))
    (block $h (result i32 (ref $ci))
      (drop (resume $ci (on $top $h) (local.get $n) (cont.new $ci (ref.func $nest))))
      (unreachable))
    (return))
  ;; n levels, level $at catches, the exception payload is $v; returns the
  ;; result, or 9000 + payload if the exception reached here
  (func (export "abort-nest") (param $n i32) (param $at i32) (param $v i32) (result i32)
    (local $k (ref null $ci))
    (global.set $catcher (local.get $at))
    (local.set $k (call $start (local.get $n)))
    (block $h (result i32)
      (try_table (result i32) (catch $x $h)
        (resume_throw $ci $x (local.get $v) (local.get $k)))
      (return))
    (i32.add (i32.const 9000)))
  ;; the same continuation resumed normally: 1 per level
  (func (export "resume-nest") (param $n i32) (param $v i32) (result i32)
    (global.set $catcher (i32.const -1))
    (resume $ci (local.get $v) (call $start (local.get $n))))
  ;; no level and no resumer catches: the exception leaves the invocation
  (func (export "uncaught-nest") (param $n i32) (result i32)
    (global.set $catcher (i32.const -1))
    (resume_throw $ci $x (i32.const 1) (call $start (local.get $n))))
)
(assert_return (invoke "resume-nest" (i32.const 40) (i32.const 3)) (i32.const 43))
(assert_return (invoke "abort-nest" (i32.const 40) (i32.const -1) (i32.const 5)) (i32.const 9005))
(assert_return (invoke "abort-nest" (i32.const 40) (i32.const 1) (i32.const 5)) (i32.const 5044))
(assert_return (invoke "abort-nest" (i32.const 40) (i32.const 40) (i32.const 5)) (i32.const 5005))
(assert_return (invoke "abort-nest" (i32.const 40) (i32.const 25) (i32.const 6)) (i32.const 5021))
(assert_exception (invoke "uncaught-nest" (i32.const 30)))

;; ---------------------------------------------------------------------------
;; Rule order for resume_throw_ref when both operands are unusable.  The
;; rule for a null exnref applies only "iff S.conts[ca] = E"; with a null
;; continuation only "(ref.null t) (resume_throw_ref ...) --> trap" applies,
;; and with a consumed one only "(ref.cont ca) ... --> trap iff
;; S.conts[ca] = epsilon".  The trap is the continuation's.

(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (func $body (result i32) (i32.const 1))
  (elem declare func $body)
  (func (export "both-null") (result i32)
    (resume_throw_ref $cv (ref.null exn) (ref.null $cv)))
  (func (export "null-exn-consumed") (result i32)
    (local $k (ref null $cv))
    (local.set $k (cont.new $cv (ref.func $body)))
    (drop (resume $cv (local.get $k)))
    (resume_throw_ref $cv (ref.null exn) (local.get $k)))
)
(assert_trap (invoke "both-null") "null continuation reference")
(assert_trap (invoke "null-exn-consumed") "continuation already consumed")
