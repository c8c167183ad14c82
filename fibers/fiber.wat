;; fiber.wat: the stack switches of fiber_wasmfx.c (fibers/fiber.h), with
;; the stack-switching proposal's instructions.  A C program built with it
;; imports these functions from "fiber" and its function table from
;; "env"."__indirect_function_table": register this module under both names
;; before the program:
;;
;;   wasmfx-ref fibers/fiber.wat -e '(register "fiber")' -e '(register "env")' \
;;     fibers/sieve-wasmfx.wasm 10000
;;
;; Why the table is here: a fiber starts in a C function, fiber_wasmfx.c's
;; fiber_start, which C can only name by a function pointer, i.e. an index
;; in the program's table.  wasm-ld's --import-table makes the program
;; import that table instead of defining it; it is this module's $fns, so
;; `new` can table.get the function, ref.cast it to its exact type and make
;; a continuation of it.  (The program cannot export its table to us: it is
;; instantiated after us, as it imports our functions.)
(module
  ;; fiber_start(struct fiber *f, int value) in fiber_wasmfx.c
  (type $start (func (param i32 i32)))
  ;; a fiber waiting for the int its next resume passes
  (type $run (func (param i32)))
  (type $start_k (cont $start))
  (type $run_k (cont $run))

  ;; fiber_yield: an int out to the resumer, an int back from the next resume
  (tag $yield (param i32) (result i32))

  ;; The program's function table.  Its import must fit: wasm-ld sets its
  ;; minimum to the program's count of functions used as pointers, which is
  ;; tens for our programs; 1024 leaves room.
  (table $fns (export "__indirect_function_table") 1024 funcref)

  ;; The fibers' continuations, by slot (fiber_wasmfx.c numbers them): null
  ;; while a fiber runs, when it is finished or dropped.
  (table $fibers 0 (ref null $run_k))

  ;; new(slot, start, f): in $fibers[slot], a continuation that will run
  ;; start(f, v), v being its first resume's value; 0 if the table cannot
  ;; grow to hold it.  The cast traps if start is not of type $start.
  (func (export "new") (param $slot i32) (param $start i32) (param $f i32) (result i32)
    (local $size i32)
    (local $need i32)
    (local.set $size (table.size $fibers))
    (local.set $need (i32.sub (i32.add (local.get $slot) (i32.const 1)) (local.get $size)))
    (if (i32.gt_s (local.get $need) (i32.const 0))
      (then
        ;; by its size and 16 more at least, so that making n fibers
        ;; grows it about log n times
        (if (i32.eq (table.grow $fibers (ref.null $run_k)
                      (select (local.get $need)
                              (i32.add (local.get $size) (i32.const 16))
                              (i32.gt_u (local.get $need) (i32.add (local.get $size) (i32.const 16)))))
                    (i32.const -1))
          (then (return (i32.const 0))))))
    (table.set $fibers (local.get $slot)
      (cont.bind $start_k $run_k (local.get $f)
        (cont.new $start_k
          (ref.cast (ref $start) (table.get $fns (local.get $start))))))
    (i32.const 1))

  ;; resume(slot, v): runs the fiber in $fibers[slot] with v until it
  ;; yields, keeping the rest of it back in its slot and returning what it
  ;; yields; or until it returns, emptying its slot (then the result is
  ;; fiber_wasmfx.c's, in its record: 0 here).
  (func (export "resume") (param $slot i32) (param $v i32) (result i32)
    (local $k (ref null $run_k))
    (local.set $k (table.get $fibers (local.get $slot)))
    (table.set $fibers (local.get $slot) (ref.null $run_k))
    (block $yielded (result i32 (ref $run_k))
      (resume $run_k (on $yield $yielded) (local.get $v) (local.get $k))
      (return (i32.const 0)))
    (local.set $k)
    (table.set $fibers (local.get $slot) (local.get $k)))

  ;; yield(v): suspends the running fiber up to the innermost resume's
  ;; handler, which returns v; returns the value that resumes it.
  (func (export "yield") (param $v i32) (result i32)
    (suspend $yield (local.get $v)))

  ;; drop(slot): forgets the fiber in slot, finished or not (an unfinished
  ;; continuation is simply never resumed).
  (func (export "drop") (param $slot i32)
    (table.set $fibers (local.get $slot) (ref.null $run_k)))
)
