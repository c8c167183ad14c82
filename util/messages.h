/* Messages are named constants, one table per layer: <layer>/messages.h
 * holds what text/, binary/, validate/, interp/ and script/ report, and
 * this file what every layer reports.  Per layer rather than per phase,
 * since a layer's messages are read beside its code and each layer reports
 * mostly one phase; the phase is the first word of each name instead
 * (MALFORMED_, INVALID_, UNLINKABLE_, TRAP_, EXHAUSTION_, FUEL_, INTERNAL_, SCRIPT_,
 * IO_), and a constant goes only to a function that reports that phase.
 *
 * The official suites match a message by its beginning (the string of an
 * assert_malformed, assert_invalid …), so those are spelled exactly as the
 * suites spell them; a few constants are printf formats.  They are macros,
 * not arrays, so -Wformat still checks the arguments of the formats.
 * test/messages.sh fails when an error function is given a string literal
 * outside these tables. */
#ifndef UTIL_MESSAGES_H
#define UTIL_MESSAGES_H

/* An allocation failed: an implementation limit, whatever the phase of
 * the work that needed the memory. */
#define EXHAUSTION_OUT_OF_MEMORY "out of memory"

#endif
