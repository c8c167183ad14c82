# Generators of adversarial inputs (sourced by run.sh, not run): each writes
# its input on stdout, so no large file is stored in the repository.  Text
# comes from awk loops; binary from hex through b, with LEB128 in awk.

# rep N STR: STR N times (STR passed in the environment, where awk reads
# no escapes).
rep() {
  S=$2 awk -v n="$1" 'BEGIN { s = ENVIRON["S"]; for (i = 0; i < n; i++) printf "%s", s }'
}

# nest N OPEN MIDDLE CLOSE: OPEN N times, MIDDLE, CLOSE N times.
nest() {
  rep "$1" "$2"; printf '%s' "$3"; rep "$1" "$4"
}

# seq_fmt N FORMAT: FORMAT (a printf format with one %d) for 0..N-1.
seq_fmt() {
  awk -v n="$1" -v f="$2" 'BEGIN { for (i = 0; i < n; i++) printf f, i }'
}

# hex2oct: hex digits on stdin (spaces and newlines ignored) as printf's
# octal escapes, on one line with no newline; an odd digit at the end is an
# error.
hex2oct() {
  awk 'BEGIN { for (i = 0; i < 16; i++) v[sprintf("%x", i)] = v[sprintf("%X", i)] = i }
    { gsub(/[^0-9a-fA-F]/, ""); s = r $0; k = length(s) - length(s) % 2048
      for (i = 1; i <= k; i += 2048) emit(substr(s, i, 2048))
      r = substr(s, k + 1) }
    END { if (length(r) % 2) { print "hex2oct: odd digit count" > "/dev/stderr"; exit 1 }
      if (r != "") emit(r) }
    function emit(t,   i, o) { o = ""
      for (i = 1; i < length(t); i += 2)
        o = o sprintf("\\%03o", v[substr(t, i, 1)] * 16 + v[substr(t, i + 1, 1)])
      printf "%s", o }'
}

# b HEX...: the bytes written in hex, e.g. b 00 61 73 6d or b 0061736d.
b() {
  printf "$(printf '%s\n' "$*" | hex2oct)"
}

# bin: hex on stdin as bytes (for long generated hex).
bin() {
  printf "$(hex2oct)"
}

# leb N: N in unsigned LEB128, as hex (N below 2^53).
leb() {
  awk -v n="$1" 'BEGIN { do { c = n % 128; n = (n - c) / 128
      printf "%02x", (n > 0 ? c + 128 : c) } while (n > 0) }'
}

# size FILE: the byte count of FILE.
size() {
  wc -c <"$1" | tr -d ' '
}

# section ID FILE: a section of that id whose contents are FILE's bytes.
section() {
  b "$1" "$(leb "$(size "$2")")"
  cat "$2"
}

# header: the binary format's magic and version.
header() {
  b 0061736d 01000000
}

# func_module [TYPEHEX]: a module of one function, exported as "f", of type
# TYPEHEX (a function type, by default [] -> []) whose body's instructions,
# without their final end, are the bytes on stdin.
func_module() {
  cat >"$tmp/body.bin"
  { b 00; cat "$tmp/body.bin"; b 0b; } >"$tmp/code.bin"
  { b 01 "$(leb "$(size "$tmp/code.bin")")"; cat "$tmp/code.bin"; } >"$tmp/sec.bin"
  header
  set -- "${1:-0000}"
  b 01 "$(leb $((${#1} / 2 + 2)))" 01 60 "$1"
  b 03 02 01 00   07 05 01 01 66 00 00
  section 0a "$tmp/sec.bin"
}

# reb N OCTAL: the bytes OCTAL (printf's escapes, e.g. '\140\0\0') N times.
reb() {
  printf "$(rep "$1" "$2")"
}

# vec_section ID N OCTAL [PREFIX-HEX]: a section of that id holding a vector
# of N entries, each the bytes OCTAL, after the sections in PREFIX-HEX.
vec_section() {
  { b "$(leb "$2")"; reb "$2" "$3"; } >"$tmp/vec.bin"
  header
  [ -n "$4" ] && b "$4"
  section "$1" "$tmp/vec.bin"
}
