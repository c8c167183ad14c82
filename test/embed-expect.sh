# What examples/embed prints (sourced by test/library.sh and
# test/install.sh): one pattern (grep -x) for each line of its stdout.
# fac(20) is 2432902008176640000; div calls env.log, then traps dividing by
# zero; env.log traps itself on -1; fac(3) takes some reductions.
expect='fac(20) = 2432902008176640000 : i64
log: 42
div(42, 0): trap: integer divide by zero
div(-1, 0): trap: negative
log called 2 times
fac(3) = 6 in [1-9][0-9]* steps'
nexpect=$(printf '%s\n' "$expect" | wc -l)

# expect_lines NAME OUTPUT: a TAP line for each expected line, and one that
# there are no others.  Counts with $n; sets failed=1 on a mismatch.
expect_lines() {
  k=0
  while IFS= read -r pattern; do
    k=$((k + 1))
    n=$((n + 1))
    line=$(printf '%s\n' "$2" | sed -n "${k}p")
    if printf '%s\n' "$line" | grep -qx -- "$pattern"; then
      echo "ok $n - $1: $line"
    else
      echo "not ok $n - $1, line $k: expected /$pattern/, got '$line'"
      failed=1
    fi
  done <<EOF
$expect
EOF
  n=$((n + 1))
  lines=$(printf '%s\n' "$2" | wc -l)
  if [ "$lines" -eq "$nexpect" ]; then
    echo "ok $n - $1: $nexpect lines"
  else
    echo "not ok $n - $1: $lines lines, expected $nexpect"
    failed=1
  fi
}
