# Shared by the TAP shell tests (sourced, not run): the binary, a scratch
# folder removed on exit, the count of tests and whether one failed, and
# verdict and check.  top_srcdir must be set first.
bin=./wasmfx-ref
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

# verdict NAME EXPECTED-STATUS STATUS PATTERN WHAT OUTPUT: the TAP line of
# the next test: ok if STATUS is the expected one and a line of OUTPUT
# matches PATTERN (a whole line, as a fixed string, if it starts with =);
# else the status and OUTPUT's first lines, headed WHAT, and failed=1.  What
# every check of a command's status and output ends with.
verdict() {
  name=$1 want=$2 got=$3 pattern=$4 what=$5 out=$6
  n=$((n + 1))
  case $pattern in
    =*) printf '%s\n' "$out" | grep -qxF -- "${pattern#=}"; found=$? ;;
    *) printf '%s\n' "$out" | grep -q -- "$pattern"; found=$? ;;
  esac
  if [ "$got" -eq "$want" ] && [ $found -eq 0 ]; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    echo "# exit status $got (expected $want); $what:"
    printf '%s\n' "$out" | head -n 8 | sed 's/^/#   /'
    failed=1
  fi
}

# check NAME EXPECTED-STATUS PATTERN COMMAND...: runs the command and gives
# the verdict on its status and its output (stdout and stderr).
check() {
  name=$1 want=$2 pattern=$3
  shift 3
  out=$("$@" 2>&1)
  verdict "$name" "$want" $? "$pattern" output "$out"
}
