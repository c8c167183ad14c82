;; Mutable state as an effect.  A computation reads the state with
;; `suspend $get` and writes it with `suspend $put`; it has no variable of
;; its own.  The handler $run-state keeps the state in a local, answers a
;; get by binding the state to the computation's continuation with
;; `cont.bind`, and for a put just remembers the new value.  Handlers nest:
;; a computation may run another under a fresh state, and each get or put
;; reaches the innermost handler around it.
;; Explainer rules shown: suspend with a result ($get) and with a
;; parameter ($put), cont.bind supplying a suspended tag's result, resume
;; with two handlers, and the innermost matching handler winning.
;;   ./wasmfx-ref --trace examples/state.wast

(module
  (type $comp-fn (func (result i32)))
  (type $comp (cont $comp-fn))          ;; also what a put leaves behind
  (type $after-get-fn (func (param i32) (result i32)))
  (type $after-get (cont $after-get-fn)) ;; waits for the state
  (tag $get (result i32))
  (tag $put (param i32))

  ;; Runs $k with $state as the state; returns its result and the final state.
  (func $run-state (param $state i32) (param $k (ref null $comp)) (result i32 i32)
    (local $waiting (ref null $after-get))
    (loop $step
      (block $on_get (result (ref $after-get))
        (block $on_put (result i32 (ref $comp))
          (resume $comp (on $get $on_get) (on $put $on_put) (local.get $k))
          (local.get $state)
          (return))                                  ;; it finished
        (local.set $k)
        (local.set $state)
        (br $step))
      ;; the state becomes the result of the computation's `suspend $get`
      (local.set $waiting)
      (local.set $k (cont.bind $after-get $comp (local.get $state) (local.get $waiting)))
      (br $step))
    (unreachable))

  ;; Ordinary functions can use the effects; the handler sees through calls.
  (func $increment
    (suspend $put (i32.add (suspend $get) (i32.const 1))))

  ;; Adds 3 to the state and returns what it was before.
  (func $add-three (result i32)
    (local $before i32)
    (local.set $before (suspend $get))
    (call $increment)
    (call $increment)
    (call $increment)
    (local.get $before))

  ;; Increments its own state, runs $add-three under a second handler (state
  ;; 100), and returns that run's result and final state added up.  The
  ;; inner gets and puts never touch this computation's state.
  (func $nested (result i32)
    (call $increment)
    (call $run-state (i32.const 100) (cont.new $comp (ref.func $add-three)))
    (i32.add))

  (elem declare func $add-three $nested)

  (func $add-three-from (export "add-three-from") (param $init i32) (result i32 i32)
    (call $run-state (local.get $init) (cont.new $comp (ref.func $add-three))))
  (func $nested-from (export "nested-from") (param $init i32) (result i32 i32)
    (call $run-state (local.get $init) (cont.new $comp (ref.func $nested))))

  ;; Without a handler a get has nowhere to go.
  (func $unhandled (export "unhandled") (result i32)
    (suspend $get)))

;; result: the state before; final state: 3 more
(assert_return (invoke "add-three-from" (i32.const 10)) (i32.const 10) (i32.const 13))
(assert_return (invoke "add-three-from" (i32.const -3)) (i32.const -3) (i32.const 0))
;; inner run: result 100, state 103, so 203; the outer state went 7 -> 8
(assert_return (invoke "nested-from" (i32.const 7)) (i32.const 203) (i32.const 8))
(assert_suspension (invoke "unhandled") "unhandled tag")
