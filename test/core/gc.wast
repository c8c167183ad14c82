;; The collector at work: garbage goes, and everything the machine can still
;; reach stays — objects held in globals, tables, locals, operands, other
;; objects and exceptions.  test/cli.sh runs this file again with
;; --max-heap=4M, where it can only finish if garbage is reclaimed.

(module
  (type $node (struct (field $value i32) (field $next (ref null $node))))
  (type $bytes (array (mut i8)))
  (type $refs (array (mut (ref null $node))))
  (tag $carry (param (ref $node)))
  (global $list (mut (ref null $node)) (ref.null $node))
  (table $t 1 (ref null $node))

  ;; n nodes 0 .. n-1, kept in $list
  (func (export "build") (param $n i32)
    (local $i i32)
    (loop $l
      (global.set $list (struct.new $node (local.get $i) (global.get $list)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n)))))

  (func $sum (param $p (ref null $node)) (result i32)
    (local $s i32)
    (block $done
      (loop $l
        (local.set $p (br_on_null $done (local.get $p)))
        (local.set $s (i32.add (local.get $s) (struct.get $node $value (local.get $p))))
        (local.set $p (struct.get $node $next (local.get $p)))
        (br $l)))
    (local.get $s))

  (func (export "sum") (result i32) (call $sum (global.get $list)))

  ;; n short-lived structs and 100-byte arrays; a node made first is held in
  ;; a local, one in a table, one as an operand below all the garbage
  (func (export "churn") (param $n i32) (result i32)
    (local $i i32) (local $keep (ref null $node))
    (local.set $keep (struct.new $node (i32.const 7) (ref.null $node)))
    (table.set $t (i32.const 0) (struct.new $node (i32.const 11) (ref.null $node)))
    (struct.new $node (i32.const 13) (ref.null $node))
    (loop $l
      (drop (struct.new $node (local.get $i) (local.get $keep)))
      (drop (array.new_default $bytes (i32.const 100)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (struct.get $node $value)
    (i32.add (struct.get $node $value (local.get $keep)))
    (i32.add (struct.get $node $value (ref.cast (ref $node) (table.get $t (i32.const 0))))))

  ;; an array of n nodes, each reachable only through the array
  (func (export "array") (param $n i32) (result i32)
    (local $a (ref $refs)) (local $i i32) (local $s i32)
    (local.set $a (array.new_default $refs (local.get $n)))
    (loop $fill
      (array.set $refs (local.get $a) (local.get $i)
        (struct.new $node (local.get $i) (ref.null $node)))
      (drop (array.new_default $bytes (i32.const 1000)))
      (br_if $fill (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.set $i (i32.const 0))
    (loop $add
      (local.set $s (i32.add (local.get $s)
        (struct.get $node $value (array.get $refs (local.get $a) (local.get $i)))))
      (br_if $add (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $s))

  ;; a node carried by an exception while garbage is made before the catch
  (func $throw (param $n i32)
    (local $i i32)
    (struct.new $node (i32.const 42) (ref.null $node))
    (loop $l
      (drop (array.new_default $bytes (i32.const 1000)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (throw $carry))
  (func (export "exception") (param $n i32) (result i32)
    (block $caught (result (ref $node))
      (try_table (catch $carry $caught) (call $throw (local.get $n)))
      (unreachable))
    (struct.get $node $value))
)

(invoke "build" (i32.const 10000))
(assert_return (invoke "churn" (i32.const 200000)) (i32.const 31))
(assert_return (invoke "sum") (i32.const 49995000))
(assert_return (invoke "array" (i32.const 20000)) (i32.const 199990000))
(assert_return (invoke "exception" (i32.const 20000)) (i32.const 42))
(assert_return (invoke "sum") (i32.const 49995000))

;; Tables are read by the collector only as far as they were ever written:
;; every way of writing an entry must count, or a node held far into a
;; table would be freed.  Each way writes a node of its own value into a
;; table of its own (as how far a table was written is the most of all its
;; writes); garbage is made; the nodes must all be there.
(module
  (type $node (struct (field $value i32)))
  (type $bytes (array (mut i8)))
  (table $set 100 (ref null $node))
  (table $fill 100 (ref null $node))
  (table $copy 100 (ref null $node))
  (table $init 100 (ref null $node))
  (table $grow 100 (ref null $node))
  (table $own 100 (ref null $node) (struct.new $node (i32.const 6)))
  (elem $e (ref null $node) (item (struct.new $node (i32.const 4))))

  (func (export "write")
    (table.set $set (i32.const 90) (struct.new $node (i32.const 1)))
    (table.fill $fill (i32.const 90) (struct.new $node (i32.const 2)) (i32.const 5))
    (table.set $set (i32.const 0) (struct.new $node (i32.const 3)))
    (table.copy $copy $set (i32.const 90) (i32.const 0) (i32.const 1))
    (table.set $set (i32.const 0) (ref.null $node))
    (table.init $init $e (i32.const 90) (i32.const 0) (i32.const 1))
    (drop (table.grow $grow (struct.new $node (i32.const 5)) (i32.const 100))))

  (func (export "garbage") (param $n i32)
    (local $i i32)
    (loop $l
      (drop (array.new_default $bytes (i32.const 100000)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n)))))

  (func (export "sum") (result i32)
    (i32.add
      (i32.add (struct.get $node $value (table.get $set (i32.const 90)))
               (struct.get $node $value (table.get $fill (i32.const 94))))
      (i32.add
        (i32.add (struct.get $node $value (table.get $copy (i32.const 90)))
                 (struct.get $node $value (table.get $init (i32.const 90))))
        (i32.add (struct.get $node $value (table.get $grow (i32.const 199)))
                 (struct.get $node $value (table.get $own (i32.const 99)))))))
)
(invoke "write")
(invoke "garbage" (i32.const 400))
(assert_return (invoke "sum") (i32.const 21))
