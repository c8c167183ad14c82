#!/bin/sh
# Makes the static libwasmfx hide what the shared one hides:
#   localize.sh ARCHIVE TMP.o
# links every member of ARCHIVE into one relocatable object (ld -r), makes
# its hidden symbols local (objcopy --localize-hidden), and replaces the
# archive's members with that object.  Then only the API (default
# visibility) stays global, and no internal name can clash with a
# program's.  Nothing to do when the build makes no static library
# (configure --disable-static).
set -e
archive=$1
tmp=$2
[ -f "$archive" ] || exit 0
rm -f "$tmp"
${LD:-ld} -r -o "$tmp" --whole-archive "$archive"
${OBJCOPY:-objcopy} --localize-hidden "$tmp"
rm -f "$archive"
${AR:-ar} cr "$archive" "$tmp"
${RANLIB:-ranlib} "$archive"
