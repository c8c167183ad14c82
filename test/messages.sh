#!/bin/sh
# Messages are named constants in the message tables, */messages.h (see
# util/messages.h), named by their phase.  Two checks on every call of an
# error function outside those tables:
#   - no string literal among its arguments, but a pure format such as "%s"
#     that passes a message on;
#   - each message constant it is given is of the phase it reports: the
#     PHASE_ argument's, or the function's own (fail_at: MALFORMED_ …).
# The checker tests itself on a sample first.  Files that still have
# literals are listed below, each must still have some: the list can only
# shrink.  Output is TAP.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Files not converted yet, and why (none now).
known=""

cat > "$tmp/check.awk" <<'AWK'
# Input: one C file.  Output: one line per violation, "line: what".
function flush_call(start, args,    n, parts, i, j, depth, c, lits, tok, expect, p, prefix, m) {
  # args: the text between the call's parentheses; literals are "#k"
  n = 0; depth = 0; parts[0] = ""
  for (i = 1; i <= length(args); i++) {
    c = substr(args, i, 1)
    if (c == "(") depth++
    if (c == ")") depth--
    if (c == "," && depth == 0) { parts[++n] = ""; continue }
    parts[n] = parts[n] c
  }
  expect = ""
  for (i = 0; i <= n; i++)
    if (match(parts[i], /^[ \t\n]*PHASE_[A-Z]+[ \t\n]*$/)) {
      p = parts[i]; gsub(/[ \t\n]/, "", p); sub(/^PHASE_/, "", p)
      expect = p == "NONE" ? "USAGE" : p
    }
  if (expect == "" && (name in own)) expect = own[name]
  for (i = 0; i <= n; i++) {
    m = parts[i]
    while (match(m, /"#[0-9]+"/)) {
      tok = substr(m, RSTART + 2, RLENGTH - 3)
      if (lit[tok] !~ /^(%[-+ #0-9.*]*(hh|h|ll|l|z|j|t)?[a-zA-Z])*$/)
        print line_of(start) ": " name " is given the literal \"" lit[tok] "\""
      m = substr(m, RSTART + RLENGTH)
    }
    m = parts[i]
    while (match(m, /(^|[^A-Za-z0-9_])(MALFORMED|INVALID|UNLINKABLE|TRAP|EXHAUSTION|FUEL|INTERNAL|SCRIPT|IO|FAILURE|USAGE)_[A-Z0-9_]+/)) {
      tok = substr(m, RSTART, RLENGTH); sub(/^[^A-Z]/, "", tok)
      prefix = tok; sub(/_.*/, "", prefix)
      if (expect != "" && index(" " expect " ", " " prefix " ") == 0)
        print line_of(start) ": " name " reports " expect " but is given " tok
      m = substr(m, RSTART + RLENGTH)
    }
  }
}
function line_of(pos,    l) { l = 1; while (l < nl && off[l + 1] <= pos) l++; return l }
# Pass 1, a line at a time: comments out, literals replaced by "#k" (with
# lit[k] the text; adjacent literals are one), char literals by 'c'.
{
  out = ""; n = length($0)
  for (i = 1; i <= n; i++) {
    c = substr($0, i, 1); d = substr($0, i + 1, 1)
    if (state == "block") {
      if (c == "*" && d == "/") { state = ""; i++ }
      out = out " "
    } else if (state == "string") {
      if (c == "\\") { s = s c d; i++ }
      else if (c == "\"") {
        state = ""
        if (k > 0 && (out ~ /"#[0-9]+"[ \t]*$/ || (out ~ /^[ \t]*$/ && joined ~ /"#[0-9]+"[ \t]*\n[ \t]*$/))) lit[k] = lit[k] s
        else { lit[++k] = s; out = out "\"#" k "\"" }
      } else s = s c
    } else if (c == "/" && d == "*") { state = "block"; i++; out = out "  " }
    else if (c == "/" && d == "/") break
    else if (c == "\"") { state = "string"; s = "" }
    else if (c == "'") {
      for (i++; i <= n && substr($0, i, 1) != "'"; i++) if (substr($0, i, 1) == "\\") i++
      out = out "'c'"
    } else out = out c
  }
  off[NR] = length(joined) + 1; nl = NR
  joined = joined out "\n"
}
END {
  # the phases of the error functions that have one of their own
  own["fail_at"] = own["lex_error"] = own["string_error"] = own["text_error"] = "MALFORMED"
  own["fail"] = "MALFORMED FAILURE"   # binary/decode.c, and script/run.c's assertions
  own["valid_error"] = own["FAIL"] = "INVALID"
  own["valid_internal"] = own["INTERNAL"] = "INTERNAL"
  own["text_limit"] = own["store_out_of_memory"] = "EXHAUSTION"
  own["misuse"] = "USAGE"
  own["trap"] = "TRAP"
  clean = joined
  # Pass 2: the calls of the error functions.
  re = "(error_at|text_error|text_limit|lex_error|string_error|fail|fail_at|valid_error|valid_internal|FAIL|INTERNAL|store_out_of_memory|meta_refused|misuse|trap|abort_at)[ \t\n]*[(]"
  rest = clean; base = 0
  while (match(rest, re)) {
    pos = base + RSTART
    before = pos > 1 ? substr(clean, pos - 1, 1) : " "
    call = substr(rest, RSTART, RLENGTH)
    name = call; sub(/[ \t\n]*[(]$/, "", name)
    open = base + RSTART + RLENGTH - 1
    base = open; rest = substr(clean, open + 1)
    if (before ~ /[A-Za-z0-9_.>]/) continue   # part of another name, or a field
    depth = 1
    for (i = open + 1; i <= length(clean) && depth > 0; i++) {
      c = substr(clean, i, 1)
      if (c == "(") depth++
      if (c == ")") depth--
    }
    flush_call(pos, substr(clean, open + 1, i - open - 2))
  }
}
AWK

check() { awk -f "$tmp/check.awk" "$1"; }

n=1
cat > "$tmp/sample.c" <<'EOF'
/* fail(d, "in a comment") */
static bool f(Decoder *d)
{
  char c = '(';
  fail(d, "inline");
  error_at(err, PHASE_INVALID, loc,
           "split" " in two");
  error_at(err, PHASE_IO, loc, "%s", strerror(errno));
  valid_error(c, at, MALFORMED_UTF8);
  error_at(err, PHASE_EXHAUSTION, loc, EXHAUSTION_OUT_OF_MEMORY);
  return text_error(p, at, cond ? MALFORMED_A : "other");
}
EOF
found=$(check "$tmp/sample.c")
want='5: fail is given the literal "inline"
6: error_at is given the literal "split in two"
9: valid_error reports INVALID but is given MALFORMED_UTF8
11: text_error is given the literal "other"'
# the sources, without the tables, the tests and what the build generates
files=$(cd "$top_srcdir" && ls */*.c */*.h */*.re */*.y | grep -v '^test/' | grep -v '/messages\.h$' |
  grep -v '^text/lexer\.c$' | grep -v '^text/parser\.[ch]$' | grep -v '^text/instrs\.re$')
echo "1..$(( $(echo "$files" | wc -l) + 1 ))"
if [ "$found" = "$want" ]; then
  echo "ok $n - the checker finds literals and wrong phases in a sample"
else
  echo "not ok $n - the checker finds literals and wrong phases in a sample"
  echo "$found" | sed 's/^/# got: /'
fi
for f in $files; do
  n=$((n + 1))
  found=$(check "$top_srcdir/$f")
  directive=
  case " $known " in *" $f "*) directive=" # TODO its messages are still inline" ;; esac
  if [ -z "$found" ]; then
    echo "ok $n - $f$directive"
  else
    echo "not ok $n - $f$directive"
    [ -n "$directive" ] || echo "$found" | sed "s|^|# $f:|"
  fi
done
