# Shared by the TAP shell tests (sourced, not run): the binary, a scratch
# folder removed on exit, the count of tests and whether one failed, and
# check.  top_srcdir must be set first.
bin=./wasmfx-ref
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

# check NAME EXPECTED-STATUS PATTERN COMMAND...: runs the command, checks
# its exit status and that a line of its output (stdout and stderr) matches
# PATTERN (a whole line, as a fixed string, if it starts with =).
check() {
  name=$1 want=$2 pattern=$3
  shift 3
  n=$((n + 1))
  out=$("$@" 2>&1)
  got=$?
  case $pattern in
    =*) printf '%s\n' "$out" | grep -qxF -- "${pattern#=}"; found=$? ;;
    *) printf '%s\n' "$out" | grep -q -- "$pattern"; found=$? ;;
  esac
  if [ "$got" -eq "$want" ] && [ $found -eq 0 ]; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    echo "# exit status $got (expected $want); output:"
    printf '%s\n' "$out" | head -n 8 | sed 's/^/#   /'
    failed=1
  fi
}
