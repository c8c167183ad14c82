;; Green threads under a round-robin scheduler.  Each thread is a
;; continuation; it gives up the processor with `suspend $yield` and starts
;; another thread with `suspend $spawn`.  The scheduler keeps the waiting
;; threads in a queue (a table of continuations) and resumes them in turn.
;; Every thread appends its number to a log, one decimal digit each, so
;; the interleaving is a number the assertions can check.
;; Explainer rules shown: cont.new, cont.bind (a thread's arguments),
;; resume with two (on $tag $label) handlers, and suspend.
;;   ./wasmfx-ref --trace examples/scheduler.wast

(module
  (type $thread-fn (func))
  (type $thread (cont $thread-fn))
  (type $worker-fn (func (param i32 i32)))
  (type $worker (cont $worker-fn))
  (tag $yield)                          ;; let the next thread run
  (tag $spawn (param (ref $thread)))    ;; queue a new thread

  (global $log (mut i64) (i64.const 0))
  (func $log (param $digit i32)
    (global.set $log (i64.add (i64.mul (global.get $log) (i64.const 10))
                              (i64.extend_i32_u (local.get $digit)))))

  ;; The run queue: a ring of 16 slots, from $head (inclusive) to $tail.
  (table $queue 16 (ref null $thread))
  (global $head (mut i32) (i32.const 0))
  (global $tail (mut i32) (i32.const 0))
  (func $enqueue (param $k (ref $thread))
    (table.set $queue (global.get $tail) (local.get $k))
    (global.set $tail (i32.and (i32.add (global.get $tail) (i32.const 1)) (i32.const 15))))
  (func $dequeue (result (ref null $thread))   ;; null: nothing waits
    (local $k (ref null $thread))
    (if (i32.eq (global.get $head) (global.get $tail)) (then (return (ref.null $thread))))
    (local.set $k (table.get $queue (global.get $head)))
    (global.set $head (i32.and (i32.add (global.get $head) (i32.const 1)) (i32.const 15)))
    (local.get $k))

  ;; Runs $main and every thread it spawns until all have finished.
  (func $run (param $main (ref $thread))
    (local $k (ref null $thread))
    (global.set $log (i64.const 0))
    (call $enqueue (local.get $main))
    (loop $next
      (local.set $k (call $dequeue))
      (if (ref.is_null (local.get $k)) (then (return)))
      (loop $resume
        (block $on_yield (result (ref $thread))
          (block $on_spawn (result (ref $thread) (ref $thread))
            (resume $thread (on $yield $on_yield) (on $spawn $on_spawn) (local.get $k))
            (br $next))                 ;; the thread finished
          ;; spawn: the new thread waits its turn, the spawner goes on at once
          (local.set $k)
          (call $enqueue)
          (br $resume))
        ;; yield: to the back of the queue
        (call $enqueue)
        (br $next))))

  ;; Logs $id, then yields; $n times.
  (func $worker (param $id i32) (param $n i32)
    (loop $again
      (if (local.get $n)
        (then
          (call $log (local.get $id))
          (suspend $yield)
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $again)))))

  ;; Starts a worker as a new thread: bound to its two arguments it is a
;; thread.  It suspends from inside a call: the handler still finds it.
  (func $go (param $id i32) (param $n i32)
    (suspend $spawn
      (cont.bind $worker $thread (local.get $id) (local.get $n)
        (cont.new $worker (ref.func $worker)))))

  (func $three-workers
    (call $go (i32.const 1) (i32.const 2))
    (call $go (i32.const 2) (i32.const 2))
    (call $go (i32.const 3) (i32.const 2)))

  ;; The main thread takes turns too.
  (func $main-works
    (call $go (i32.const 1) (i32.const 3))
    (call $go (i32.const 2) (i32.const 2))
    (call $log (i32.const 9))
    (suspend $yield)
    (call $log (i32.const 9)))

  (elem declare func $worker $three-workers $main-works)

  (func $run-three-workers (export "three-workers") (result i64)
    (call $run (cont.new $thread (ref.func $three-workers)))
    (global.get $log))
  (func $run-main-works (export "main-works") (result i64)
    (call $run (cont.new $thread (ref.func $main-works)))
    (global.get $log)))

(assert_return (invoke "three-workers") (i64.const 123123))
;; 9: main yields behind 1 and 2; main's second 9 ends it; 1 outlasts 2
(assert_return (invoke "main-works") (i64.const 9129121))
