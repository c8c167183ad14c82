;; Types of recursive rec groups in results and trap messages: a type of
;; the group being written is rec.i inside it (written in full, it would
;; never end).  A crash before: showing such a result recursed without end.
(module
  (rec
    (type $s (sub (struct (field (ref null $t)))))
    (type $t (sub $s (struct (field (ref null $t))))))
  (type $u (struct))
  (func (export "t") (result (ref $t)) (struct.new $t (ref.null $t)))
  (func (export "cast") (result (ref $u))
    (ref.cast (ref $u) (struct.new $t (ref.null $t))))
  (func (export "list") (result (ref null $s))
    (struct.new $t (struct.new $t (ref.null $t)))))
(invoke "t")
(assert_return (invoke "t") (ref.struct))
(assert_return (invoke "list") (ref.struct))
(assert_trap (invoke "cast")
  "cast failure, expected (ref 2) but got (ref ((rec (sub (struct (field (ref null rec.1)))) (sub rec.0 (struct (field (ref null rec.1))))).1))")
