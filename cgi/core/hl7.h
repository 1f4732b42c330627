/*
 * hl7.h - HL7 v2 messages (v2.2 to v2.5.1 as lab systems send them), read
 * without copying: a message is split into segments, and a value is
 * fetched by segment, field, repetition, component and sub-component,
 * with its escape sequences decoded.  Pure C: no HDF, no database, so it
 * is unit tested and fuzzed on its own (tests/unit/test_hl7.c).
 *
 * A stream (a file, a TCP connection) may hold several messages, with or
 * without MLLP framing (0x0B ... 0x1C 0x0D), a UTF-8 byte-order mark and
 * batch wrappers (FHS BHS ... BTS FTS): hl7_next() hands out one message
 * at a time.  Anything malformed is refused with the segment and field
 * at fault named in `error`; nothing is ever read out of bounds.
 */
#ifndef HL7_H
#define HL7_H

#include <stddef.h>

#define HL7_MAX_SEGMENTS 1024
#define HL7_MAX_FIELD (64 * 1024)   /* a field longer than this is refused */

struct hl7_separators {
    char field, component, repetition, escape, subcomponent;
    char truncation;                /* v2.7's fifth encoding character, or 0 */
};

struct hl7_segment {
    const char *start;              /* "OBX|1|NM|..." without the terminator */
    size_t len;
    char name[4];
};

struct hl7_error {
    char segment[4];                /* where: "OBX", "" for the message itself */
    int segment_index;              /* 1-based place of that segment in the message */
    int field;                      /* field number, 0 when the segment as a whole */
    int code;                       /* HL7 table 0357: 100, 101, 102, 203 ... */
    char text[160];
};

struct hl7_message {
    const char *data;
    size_t len;
    struct hl7_separators sep;
    int count;
    struct hl7_segment segments[HL7_MAX_SEGMENTS];
    struct hl7_error error;
};

/* Parses one message (MSH first).  0, or -1 with m->error filled. */
int hl7_parse(const char *data, size_t len, struct hl7_message *m);

/* The next message of a stream from *pos: its bytes in [*start, *start +
 * *len), *pos moved past it.  Skips a BOM, MLLP frame bytes, blank lines
 * and batch segments.  Returns 1, or 0 at the end of the stream. */
int hl7_next(const char *data, size_t size, size_t *pos, const char **start, size_t *len);

/* The index of the n-th (0-based) segment named `name` after index
 * `from` (inclusive), or -1. */
int hl7_find(const struct hl7_message *m, const char *name, int from);

/* The raw (still escaped) text of field `field` (HL7 numbering: MSH-1 is
 * the field separator, MSH-2 the encoding characters), repetition `rep`
 * (0-based), component and sub-component (1-based; 0 means the whole).
 * Returns its length and sets *out; 0 and *out = "" when absent. */
size_t hl7_raw(const struct hl7_message *m, int segment, int field, int rep, int component,
               int subcomponent, const char **out);

/* The same value decoded (\F\ \S\ \T\ \R\ \E\ \.br\ \Xhh\, \H\ \N\ dropped)
 * into out (always NUL-terminated).  Returns the decoded length, or -1 when
 * it did not fit or an escape is not closed. */
long hl7_get(const struct hl7_message *m, int segment, int field, int rep, int component,
             int subcomponent, char *out, size_t outlen);

/* The number of repetitions of a field (0 when empty). */
int hl7_repetitions(const struct hl7_message *m, int segment, int field);

/* Decodes escapes in [in, in + len) with separators `sep`. */
long hl7_unescape(const struct hl7_separators *sep, const char *in, size_t len, char *out, size_t outlen);

#endif
