#!/bin/sh
# doc/semantics.md and the code agree on the tags of the spec's rules.  The
# first column of each table of rules in the map is a rule's tag; the code that
# carries the rule out has the comment `/* spec: TAG */` (doc/semantics.md
# says where).  Fails, naming the tag and the file, when
#   - a tag of the map is in no file of the code, or in a file that its row's
#     code column does not name;
#   - a row's code column names no file, or one that is not a source file;
#   - a tag is in the map twice;
#   - a `/* spec: … */` of the code is not in the map, or is not of that
#     form (one tag, nothing else, in one comment).
# The code is the *.c, *.h, *.re, *.y and *.def files of the source folders
# (those Makefile.am includes a local.mk of, but test/), without what the
# build generates from them.  The checker tests itself on a sample first.
# Output is TAP: one test per row of the map, then the code's side.
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Tables without tags, by their heading: they describe how data is
# represented; no code carries them out.
untagged="The configuration"

# The source files of ROOT: *.c *.h *.re *.y *.def in the folders DIRS,
# without the build's products (lexer.c, for one, copies the comments of
# lexer.re).
sources() {
  (cd "$1" && for d in $2; do ls "$d"/*.c "$d"/*.h "$d"/*.re "$d"/*.y "$d"/*.def 2>/dev/null; done) |
    grep -v '^text/lexer\.c$' | grep -v '^text/parser\.[ch]$' | grep -v '^text/instrs\.re$'
}

cat > "$tmp/check.awk" <<'AWK'
# Input: first the list of source files (srclist), then the spec:
# comments of the code ("file:line:text" lines, from grep -n), then the map.
# Output: TAP lines without their numbers ("ok - …", "not ok - …", "# …").
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
function cells(line, out,    n, i) {
  gsub(/\\\|/, "\001", line)          # an escaped | is not a cell border
  sub(/^[ \t]*\|/, "", line); sub(/\|[ \t]*$/, "", line)
  n = split(line, out, "|")
  for (i = 1; i <= n; i++) { gsub(/\001/, "|", out[i]); out[i] = trim(out[i]) }
  return n
}
BEGIN {
  nu = split(untagged, u, "|"); for (i = 1; i <= nu; i++) is_untagged[u[i]] = 1
}
FILENAME == srclist { is_source[$0] = 1; next }
FILENAME == codelist {
  # file:line:text — every /* spec: … */ on the line
  file = $0; sub(/:.*/, "", file)
  rest = substr($0, length(file) + 2); lno = rest; sub(/:.*/, "", lno)
  text = substr(rest, length(lno) + 2)
  while (match(text, /\/\*[ \t]*spec:/)) {
    text = substr(text, RSTART)
    if (match(text, /^\/\* spec: [a-z0-9][a-z0-9._-]* \*\//)) {
      tag = substr(text, 10, RLENGTH - 12)
      where[tag] = where[tag] " " file ":" lno
      ncode++; code_tag[ncode] = tag; code_at[ncode] = file ":" lno
      text = substr(text, RLENGTH + 1)
    } else {
      bad[++nbad] = file ":" lno ": \"" substr(text, 1, 60) "\" is not of the form /* spec: TAG */"
      text = substr(text, 3)
    }
  }
  next
}
# The map.
/^#+ / { heading = $0; sub(/^#+ +/, "", heading); intable = 0; next }
/^[ \t]*\|/ {
  if (!intable) {        # a header row; the next row is the separator
    intable = 1; sep = 1
    n = cells($0, head); tagged = head[1] == "tag"; codecol = 0
    for (i = 1; i <= n; i++) if (!codecol && head[i] ~ /^code/) codecol = i
    if (!tagged && !(heading in is_untagged))
      map_bad[++nmapbad] = "doc/semantics.md:" FNR ": the table under \"" heading "\" has no tag column"
    if (tagged && !codecol)
      map_bad[++nmapbad] = "doc/semantics.md:" FNR ": the table under \"" heading "\" has no code column"
    next
  }
  if (sep) { sep = 0; next }
  if (!tagged) next
  cells($0, c)
  nrow++; row_line[nrow] = FNR
  tag = c[1]
  if (tag !~ /^`[a-z0-9][a-z0-9._-]*`$/) { row_tag[nrow] = ""; row_cell[nrow] = tag; next }
  tag = substr(tag, 2, length(tag) - 2)
  row_tag[nrow] = tag
  if (tag in first_line) row_dup[nrow] = first_line[tag]
  else first_line[tag] = FNR
  in_map[tag] = 1
  files = ""; s = codecol ? c[codecol] : ""
  while (match(s, /[a-z]+\/[A-Za-z0-9_.-]+\.(c|h|re|y|def)/)) {
    f = substr(s, RSTART, RLENGTH)
    if (index(" " files " ", " " f " ") == 0) files = files (files == "" ? "" : " ") f
    s = substr(s, RSTART + RLENGTH)
  }
  row_files[nrow] = files
  next
}
{ intable = 0 }
END {
  for (i = 1; i <= nmapbad; i++) { print "not ok - the map's tables"; print "# " map_bad[i] }
  for (r = 1; r <= nrow; r++) {
    tag = row_tag[r]; at = "doc/semantics.md:" row_line[r]
    if (tag == "") {
      print "not ok - " at ": a row without a tag"
      print "# its first cell is \"" row_cell[r] "\", not `tag`"
      continue
    }
    name = "tag " tag " (" row_files[r] ")"
    msgs = ""
    if (r in row_dup) msgs = msgs "\n# " at ": tag " tag " is in the map twice (first at line " row_dup[r] ")"
    if (row_files[r] == "")
      msgs = msgs "\n# " at ": the code column of tag " tag " names no file"
    nf = split(row_files[r], fs, " ")
    for (i = 1; i <= nf; i++)
      if (!(fs[i] in is_source))
        msgs = msgs "\n# " at ": tag " tag ": its row names " fs[i] ", which is not a source file"
    if (!(tag in where))
      msgs = msgs "\n# " at ": tag " tag ": no /* spec: " tag " */ in the code (its row names " row_files[r] ")"
    nw = split(where[tag], ws, " ")
    for (i = 1; i <= nw; i++) {
      f = ws[i]; sub(/:.*/, "", f)
      if (index(" " row_files[r] " ", " " f " ") == 0)
        msgs = msgs "\n# " ws[i] ": /* spec: " tag " */ is in " f ", which the row of tag " tag " (" at ") does not name"
    }
    print (msgs == "" ? "ok - " : "not ok - ") name msgs
  }
  msgs = ""
  for (i = 1; i <= ncode; i++)
    if (!(code_tag[i] in in_map))
      msgs = msgs "\n# " code_at[i] ": /* spec: " code_tag[i] " */ is not in doc/semantics.md"
  print (msgs == "" ? "ok - " : "not ok - ") "every /* spec: TAG */ of the code is in the map" msgs
  msgs = ""
  for (i = 1; i <= nbad; i++) msgs = msgs "\n# " bad[i]
  print (msgs == "" ? "ok - " : "not ok - ") "every spec: comment of the code is one tag" msgs
}
AWK

# check ROOT DIRS: the results for the tree at ROOT, whose source folders
# are DIRS.
check() {
  sources "$1" "$2" > "$tmp/sources"
  (cd "$1" && grep -n '/\*[[:space:]]*spec:' $(cat "$tmp/sources") /dev/null) > "$tmp/code"
  awk -v untagged="$untagged" \
    -v srclist="$tmp/sources" -v codelist="$tmp/code" \
    -f "$tmp/check.awk" "$tmp/sources" "$tmp/code" "$1/doc/semantics.md"
}

# The sample: one of each way to fail, and rows that pass.
mkdir -p "$tmp/sample/doc" "$tmp/sample/a" "$tmp/sample/b"
cat > "$tmp/sample/doc/semantics.md" <<'EOF'
# A map

## The configuration

| spec | code |
| --- | --- |
| `S` | `Store` |

## Rules

| tag | rule | code |
| --- | --- | --- |
| `good` | a rule | `a/x.c` `f` |
| `twice` | carried out in two files | `a/x.c` `g`; `b/y.h` `h` |
| `absent` | nothing carries it | `a/x.c` `f` |
| `moved` | carried out elsewhere | `a/x.c` `f` |
| `good` | again | `a/x.c` `f` |
| `nofile` | no file | `f` |
| `gone` | a file that is not there | `a/gone.c` `f`, `a/x.c` |
| no tag | a rule | `a/x.c` |

## Other

| rule | code |
| --- | --- |
| untagged | `a/x.c` |
EOF
cat > "$tmp/sample/a/x.c" <<'EOF'
/* spec: good */
static void f(void) {}
/* spec: twice */
static void g(void) {}
/* spec: gone */
/* spec: stray */ /* spec: nofile */
/* spec:  loose */
EOF
cat > "$tmp/sample/b/y.h" <<'EOF'
/* spec: twice */
/* spec: moved */
EOF
found=$(check "$tmp/sample" "a b" | grep -v '^ok')
want='not ok - the map'"'"'s tables
# doc/semantics.md:24: the table under "Other" has no tag column
not ok - tag absent (a/x.c)
# doc/semantics.md:15: tag absent: no /* spec: absent */ in the code (its row names a/x.c)
not ok - tag moved (a/x.c)
# b/y.h:2: /* spec: moved */ is in b/y.h, which the row of tag moved (doc/semantics.md:16) does not name
not ok - tag good (a/x.c)
# doc/semantics.md:17: tag good is in the map twice (first at line 13)
not ok - tag nofile ()
# doc/semantics.md:18: the code column of tag nofile names no file
# a/x.c:6: /* spec: nofile */ is in a/x.c, which the row of tag nofile (doc/semantics.md:18) does not name
not ok - tag gone (a/gone.c a/x.c)
# doc/semantics.md:19: tag gone: its row names a/gone.c, which is not a source file
not ok - doc/semantics.md:20: a row without a tag
# its first cell is "no tag", not `tag`
not ok - every /* spec: TAG */ of the code is in the map
# a/x.c:6: /* spec: stray */ is not in doc/semantics.md
not ok - every spec: comment of the code is one tag
# a/x.c:7: "/* spec:  loose */" is not of the form /* spec: TAG */'

dirs=$(sed -n 's|^include \([a-z]*\)/local\.mk$|\1|p' "$top_srcdir/Makefile.am" | grep -v '^test$')
check "$top_srcdir" "$dirs" > "$tmp/results"
echo "1..$(( $(grep -c '^\(not \)\{0,1\}ok' "$tmp/results") + 1 ))"
if [ "$found" = "$want" ]; then
  echo "ok 1 - the checker finds each way to fail in a sample"
else
  echo "not ok 1 - the checker finds each way to fail in a sample"
  printf '%s\n' "$found" | sed 's/^/# got: /'
fi
awk '/^(not )?ok/ { n++; sub(/ok -/, "ok " n " -") } { print }' n=1 "$tmp/results"
