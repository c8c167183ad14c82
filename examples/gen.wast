;; A continuation suspends once; --trace shows the prompt around it.
(module
  (type $f (func))
  (type $c (cont $f))
  (tag $t)
  (func $sus
    (suspend $t))
  (elem declare func $sus)
  (func (export "run")
    (local (ref null $c))
    (block $h (result (ref $c))
      (resume $c (on $t $h) (cont.new $c (ref.func $sus)))
      (return))
    (local.set 0)))
(assert_return (invoke "run"))
