;; Effect handlers and exceptions, three ways.
;; 1. Abort as an effect: the job suspends with $abort and its handler
;;    never resumes it, dropping the continuation; the rest never runs.
;; 2. Cancelling from outside: `resume_throw` resumes a suspended job by
;;    raising an exception right at its `suspend`, where the job's own
;;    try_table catches it and cleans up.  (A try_table lets suspensions
;;    through: catch clauses see only exceptions.)
;; 3. Wasm exceptions cross a prompt outward: a throw that the job does not
;;    catch reaches a try_table around the `resume`.  Handler searches only
;;    look at handlers of the right kind ("only handlers for the matching
;;    kind of event are considered", Explainer, Execution), so an
;;    (on $oops $label) on the resume does not catch `throw $oops`.
;; Explainer rules shown: suspend, resume, resume_throw (becoming
;; resume_throw_ref: E[(ref.exn ea) throw_ref] inside a new prompt).
;;   ./wasmfx-ref --trace examples/exceptions.wast

(module
  (type $job-fn (func (param i32) (result i32)))
  (type $job (cont $job-fn))           ;; a job, and what an $ask leaves
  (type $rest-fn (func (result i32)))
  (type $rest (cont $rest-fn))         ;; what $abort or `suspend $oops` leaves
  (tag $abort)                         ;; an effect, never resumed
  (tag $ask (result i32))              ;; the job asks its handler for a number
  (tag $cancel)                        ;; an exception
  (tag $oops (param i32))              ;; an exception with a value

  (global $log (mut i64) (i64.const 0))
  (func $log (param $digit i64)
    (global.set $log (i64.add (i64.mul (global.get $log) (i64.const 10)) (local.get $digit))))
  (func $get-log (export "log") (result i64) (global.get $log))

  ;; 1. 100 / $x, or abort if $x is 0.
  (func $hundred-over (param $x i32) (result i32)
    (call $log (i64.const 1))
    (if (i32.eqz (local.get $x)) (then (suspend $abort)))
    (call $log (i64.const 2))
    (i32.div_u (i32.const 100) (local.get $x)))
  (func $try-divide (export "try-divide") (param $x i32) (result i32)
    (global.set $log (i64.const 0))
    (block $on_abort (result (ref $rest))
      (return (resume $job (on $abort $on_abort)
        (local.get $x) (cont.new $job (ref.func $hundred-over)))))
    (drop)                             ;; the aborted rest of the job
    (i32.const -1))

  ;; 2. Sums $first and the answers to its asks until cancelled.
  (func $summer (param $first i32) (result i32)
    (local $sum i32)
    (local.set $sum (local.get $first))
    (block $cancelled
      (try_table (catch $cancel $cancelled)
        (loop $more
          (local.set $sum (i32.add (local.get $sum) (suspend $ask)))
          (br $more))))
    (call $log (i64.const 9))          ;; cleaning up after the cancel
    (local.get $sum))
  ;; Starts the job with 1, answers its asks with 2 .. $n, then cancels it.
  (func $sum-then-cancel (export "sum-then-cancel") (param $n i32) (result i32)
    (local $k (ref null $job)) (local $i i32)
    (global.set $log (i64.const 0))
    (local.set $k (cont.new $job (ref.func $summer)))
    (loop $feed
      (if (i32.lt_u (local.get $i) (local.get $n))
        (then
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (block $on_ask (result (ref $job))
            (resume $job (on $ask $on_ask) (local.get $i) (local.get $k))
            (unreachable))               ;; it only returns when cancelled
          (local.set $k)
          (br $feed))))
    ;; $cancel is raised where the job waits; the job returns its sum
    (resume_throw $job $cancel (local.get $k)))

  ;; 3. Throws $oops with twice $x; catches nothing itself.
  (func $faulty (param $x i32) (result i32)
    (throw $oops (i32.mul (local.get $x) (i32.const 2))))
  (func $catch-across (export "catch-across") (param $x i32) (result i32)
    (block $caught (result i32)
      (try_table (catch $oops $caught)
        (block $on_oops (result i32 (ref $rest))
          (return (resume $job (on $oops $on_oops)
            (local.get $x) (cont.new $job (ref.func $faulty)))))
        (return (i32.const -1)))       ;; not reached: no `suspend $oops`
      (unreachable)))
  (elem declare func $hundred-over $summer $faulty))

(assert_return (invoke "try-divide" (i32.const 4)) (i32.const 25))
(assert_return (invoke "log") (i64.const 12))
(assert_return (invoke "try-divide" (i32.const 0)) (i32.const -1))
(assert_return (invoke "log") (i64.const 1))
;; 1 + 2 + 3, then the cleanup ran
(assert_return (invoke "sum-then-cancel" (i32.const 3)) (i32.const 6))
(assert_return (invoke "log") (i64.const 9))
;; never started: the exception is raised before $summer's first
;; instruction, outside its try_table, and escapes the resume_throw
(assert_exception (invoke "sum-then-cancel" (i32.const 0)))
(assert_return (invoke "log") (i64.const 0))
(assert_return (invoke "catch-across" (i32.const 21)) (i32.const 42))
