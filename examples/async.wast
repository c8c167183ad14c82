;; async/await over an event loop.  A task awaits a future (a number 0-7)
;; with `suspend $await`, which hands the future's number to the loop and,
;; once resumed, gives the task the future's value.  The loop keeps each
;; waiting task in a table under its future and takes events (future,
;; value) from a queue in order: an event resolves its future and wakes
;; the task waiting on it.  A future resolved before anyone awaits it
;; keeps its value, and awaiting it goes on at once.  Tasks resolve
;; futures too, by queueing events.  The log records the steps as digits.
;; Explainer rules shown: suspend with a tag that has a result, resume,
;; cont.bind (the awaited value is bound before the task runs on).
;;   ./wasmfx-ref --trace examples/async.wast

(module
  (type $task-fn (func))
  (type $task (cont $task-fn))          ;; runnable
  (type $waiter-fn (func (param i32)))
  (type $waiter (cont $waiter-fn))      ;; needs the awaited value
  (tag $await (param i32) (result i32)) ;; future's number -> its value
  (memory 1)  ;; future i: ready flag at 8*i, value at 8*i+4; events from 64
  (table $waiting 8 (ref null $waiter)) ;; the one task that may wait on each future
  (global $events-head (mut i32) (i32.const 64))
  (global $events-tail (mut i32) (i32.const 64))
  (global $log (mut i64) (i64.const 0))

  (func $log (param $digit i64)
    (global.set $log (i64.add (i64.mul (global.get $log) (i64.const 10)) (local.get $digit))))
  (func $resolve (param $future i32) (param $value i32)  ;; queue an event
    (i32.store (global.get $events-tail) (local.get $future))
    (i32.store offset=4 (global.get $events-tail) (local.get $value))
    (global.set $events-tail (i32.add (global.get $events-tail) (i32.const 8))))

  ;; Runs a task until it awaits a future that is not resolved yet (it is
  ;; then parked in $waiting) or until it finishes.
  (func $step (param $k (ref null $task))
    (local $future i32) (local $w (ref null $waiter))
    (loop $run
      (block $on_await (result i32 (ref $waiter))
        (resume $task (on $await $on_await) (local.get $k))
        (return))                                    ;; finished
      (local.set $w)
      (local.set $future)
      (if (i32.load (i32.shl (local.get $future) (i32.const 3)))
        (then                                        ;; resolved already
          (local.set $k (cont.bind $waiter $task
            (i32.load offset=4 (i32.shl (local.get $future) (i32.const 3)))
            (local.get $w)))
          (br $run)))
      (table.set $waiting (local.get $future) (local.get $w))))

  ;; Delivers the queued events in order until none is left.
  (func $event-loop
    (local $future i32) (local $value i32) (local $w (ref null $waiter))
    (loop $next
      (if (i32.eq (global.get $events-head) (global.get $events-tail)) (then (return)))
      (local.set $future (i32.load (global.get $events-head)))
      (local.set $value (i32.load offset=4 (global.get $events-head)))
      (global.set $events-head (i32.add (global.get $events-head) (i32.const 8)))
      (i32.store (i32.shl (local.get $future) (i32.const 3)) (i32.const 1))
      (i32.store offset=4 (i32.shl (local.get $future) (i32.const 3)) (local.get $value))
      (local.set $w (table.get $waiting (local.get $future)))
      (if (i32.eqz (ref.is_null (local.get $w)))
        (then
          (call $log (i64.const 9))                  ;; a wake-up
          (table.set $waiting (local.get $future) (ref.null $waiter))
          (call $step (cont.bind $waiter $task (local.get $value) (local.get $w)))))
      (br $next)))

;; Awaits futures 0 and 1 and resolves future 2 with their sum.
  (func $adder (local $a i32)
    (call $log (i64.const 1))
    (local.set $a (suspend $await (i32.const 0)))
    (call $log (i64.const 2))
    (call $resolve (i32.const 2) (i32.add (local.get $a) (suspend $await (i32.const 1))))
    (call $log (i64.const 3)))
  ;; Awaits future 2 and logs its value (a single digit here).
  (func $printer
    (call $log (i64.const 5))
    (call $log (i64.extend_i32_u (suspend $await (i32.const 2)))))
  (elem declare func $adder $printer)

  ;; Starts both tasks, queues the outside world's events, futures 0 := 3
  ;; and 1 := 4 (1 first if $one-first), and runs the loop.
  (func $run (export "run") (param $one-first i32) (result i64)
    ;; no future resolved, no event queued; no task waits after a run
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 64))
    (global.set $events-head (i32.const 64))
    (global.set $events-tail (i32.const 64))
    (global.set $log (i64.const 0))
    (call $step (cont.new $task (ref.func $adder)))
    (call $step (cont.new $task (ref.func $printer)))
    (if (local.get $one-first)
      (then (call $resolve (i32.const 1) (i32.const 4))
            (call $resolve (i32.const 0) (i32.const 3)))
      (else (call $resolve (i32.const 0) (i32.const 3))
            (call $resolve (i32.const 1) (i32.const 4))))
    (call $event-loop)
    (global.get $log)))

;; Both tasks start and wait (1 5).  Event 0 wakes the adder (9 2), which
;; awaits 1 and waits; event 1 wakes it (9), it resolves 2 and ends (3);
;; event 2 wakes the printer (9), which logs 3 + 4.
(assert_return (invoke "run" (i32.const 0)) (i64.const 15929397))
;; Event 1 first: nobody waits on 1, so it is kept.  Event 0 wakes the
;; adder (9 2), whose await on 1 then goes on at once (3).
(assert_return (invoke "run" (i32.const 1)) (i64.const 1592397))
