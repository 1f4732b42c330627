/*
 * hl7.c - HL7 v2 messages split and read in place (see hl7.h).
 *
 * Nothing is copied when a message is parsed: the segments are pointers
 * into the caller's bytes, and a value is located only when asked for, so
 * one pass finds every segment and a lookup walks one segment.  Every
 * walk is bounded by the segment's length, so a truncated or hostile
 * message cannot make a read leave its bytes.
 */
#include <stdio.h>
#include <string.h>
#include "portal.h"
#include "hl7.h"

static void fail(struct hl7_message *m, const char *seg, int index, int field, int code,
                 const char *text)
{
    snprintf(m->error.segment, sizeof(m->error.segment), "%s", seg ? seg : "");
    m->error.segment_index = index;
    m->error.field = field;
    m->error.code = code;
    snprintf(m->error.text, sizeof(m->error.text), "%s", text);
}

static int is_upper_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
static int is_line_end(char c) { return c == '\r' || c == '\n'; }

/* MSH-1 and MSH-2: a field separator, then four (or five, v2.7's
 * truncation character) encoding characters, all distinct and none a
 * letter, digit, space or line end. */
static int read_separators(struct hl7_message *m)
{
    const char *d = m->data;
    if (m->len < 8 || memcmp(d, "MSH", 3) != 0) {
        fail(m, "MSH", 1, 0, 100, "message does not begin with MSH");
        return -1;
    }
    char chars[6] = {d[3], 0, 0, 0, 0, 0};
    size_t n = 0;
    while (4 + n < m->len && d[4 + n] != d[3] && !is_line_end(d[4 + n]) && n < 6) n++;
    if (n < 4 || n > 5 || 4 + n >= m->len || d[4 + n] != d[3]) {
        fail(m, "MSH", 1, 2, 102, "MSH-2 must hold four or five encoding characters");
        return -1;
    }
    memcpy(chars + 1, d + 4, n);
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = (unsigned char)chars[i];
        if (c <= ' ' || c >= 0x7f || is_upper_alnum((char)c) || (c >= 'a' && c <= 'z')) {
            fail(m, "MSH", 1, i == 0 ? 1 : 2, 102, "separators must be punctuation");
            return -1;
        }
        for (size_t j = 0; j < i; j++)
            if (chars[j] == chars[i]) {
                fail(m, "MSH", 1, 2, 102, "separators in MSH-1 and MSH-2 must be distinct");
                return -1;
            }
    }
    m->sep.field = chars[0];
    m->sep.component = chars[1];
    m->sep.repetition = chars[2];
    m->sep.escape = chars[3];
    m->sep.subcomponent = chars[4];
    m->sep.truncation = n == 5 ? chars[5] : 0;
    return 0;
}

/* Each segment: a three-character name of upper-case letters and digits,
 * then the field separator or the end; no field over HL7_MAX_FIELD. */
static int check_segment(struct hl7_message *m, const struct hl7_segment *s, int index)
{
    char name[4] = {0};
    memcpy(name, s->start, s->len < 3 ? s->len : 3);
    if (s->len < 3 || !is_upper_alnum(name[0]) || !is_upper_alnum(name[1]) || !is_upper_alnum(name[2]) ||
        name[0] < 'A' || (s->len > 3 && s->start[3] != m->sep.field)) {
        fail(m, name, index, 0, 100, "truncated or malformed segment");
        return -1;
    }
    size_t field_start = 0;
    int field = 0;
    for (size_t i = 0; i <= s->len; i++) {
        if (i == s->len || s->start[i] == m->sep.field) {
            if (i - field_start > HL7_MAX_FIELD) {
                fail(m, name, index, field, 102, "field longer than 64 KiB");
                return -1;
            }
            field++;
            field_start = i + 1;
        }
    }
    return 0;
}

static int charset_accepted(const char *cs)
{
    return !*cs || !strcmp(cs, "ASCII") || !strcmp(cs, "UNICODE UTF-8") || !strcmp(cs, "UTF-8") ||
           !strcmp(cs, "UTF8");
}

/* MSH-18 as the bytes of the first line give it, into out (printable
 * ASCII only, else ""), before the message is known to be UTF-8: a LIS
 * that writes GB2312 or GBK says so there, and the lab is told that,
 * not only that the bytes are wrong.  Field n of MSH is its (n-1)th
 * separator-delimited piece, MSH-1 being the separator itself. */
static void raw_msh_field(const char *d, size_t len, int n, char *out, size_t outlen)
{
    out[0] = 0;
    if (len < 4 || memcmp(d, "MSH", 3) != 0) return;
    char sep = d[3];
    int field = 1;
    size_t i = 3, start = 0;
    for (; i < len && !is_line_end(d[i]); i++) {
        if (d[i] != sep) continue;
        if (field == n) break;
        field++;
        start = i + 1;
    }
    if (field != n || !start) return;
    size_t k = 0;
    for (size_t j = start; j < i && k + 1 < outlen; j++) {
        unsigned char c = (unsigned char)d[j];
        if (c < 0x20 || c > 0x7e) { out[0] = 0; return; }
        out[k++] = d[j];
    }
    out[k] = 0;
}

int hl7_parse(const char *data, size_t len, struct hl7_message *m)
{
    memset(m, 0, sizeof(*m));
    m->data = data;
    m->len = len;
    if (!utf8_valid(data, len)) {
        char charset[32], text[96];
        raw_msh_field(data, len, 18, charset, sizeof(charset));
        if (*charset && !charset_accepted(charset)) {
            snprintf(text, sizeof(text), "MSH-18 character set %s: the portal takes UTF-8 or ASCII only", charset);
            fail(m, "MSH", 1, 18, 102, text);
        } else {
            fail(m, "", 0, 0, 102, "bytes that are not UTF-8");
        }
        return -1;
    }
    if (read_separators(m)) return -1;
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && !is_line_end(data[end])) end++;
        if (end > i) {
            if (m->count == HL7_MAX_SEGMENTS) {
                fail(m, "", m->count, 0, 100, "too many segments");
                return -1;
            }
            struct hl7_segment *s = &m->segments[m->count];
            s->start = data + i;
            s->len = end - i;
            if (memchr(s->start, 0, s->len)) {
                fail(m, "", m->count + 1, 0, 102, "NUL byte in a segment");
                return -1;
            }
            if (check_segment(m, s, m->count + 1)) return -1;
            memcpy(s->name, s->start, 3);
            if (m->count > 0 && !strcmp(s->name, "MSH")) {
                fail(m, "MSH", m->count + 1, 0, 100, "a second MSH inside one message");
                return -1;
            }
            m->count++;
        }
        i = end + 1;
    }
    char value[64];
    if (hl7_get(m, 0, 9, 0, 1, 0, value, sizeof(value)) <= 0) {
        fail(m, "MSH", 1, 9, 101, "MSH-9 message type is missing");
        return -1;
    }
    if (hl7_get(m, 0, 10, 0, 0, 0, value, sizeof(value)) <= 0) {
        fail(m, "MSH", 1, 10, 101, "MSH-10 message control id is missing or too long");
        return -1;
    }
    if (hl7_get(m, 0, 12, 0, 1, 0, value, sizeof(value)) < 0 || strncmp(value, "2.", 2) != 0) {
        fail(m, "MSH", 1, 12, 203, "MSH-12 version must be HL7 v2 (2.2 to 2.5.1)");
        return -1;
    }
    if (hl7_get(m, 0, 18, 0, 0, 0, value, sizeof(value)) < 0 || !charset_accepted(value)) {
        fail(m, "MSH", 1, 18, 102, "MSH-18 character set must be UTF-8 or ASCII");
        return -1;
    }
    return 0;
}

/* A batch or file wrapper segment, skipped by hl7_next(). */
static int is_batch_segment(const char *p, size_t left)
{
    return left >= 3 && (!memcmp(p, "FHS", 3) || !memcmp(p, "BHS", 3) || !memcmp(p, "BTS", 3) ||
                         !memcmp(p, "FTS", 3));
}

static int is_gap(unsigned char c) { return c == 0x0b || c == 0x1c || c == '\r' || c == '\n' || c == ' ' || c == '\t'; }

int hl7_next(const char *data, size_t size, size_t *pos, const char **start, size_t *len)
{
    size_t i = *pos;
    for (;;) {
        if (i + 3 <= size && (unsigned char)data[i] == 0xef && (unsigned char)data[i + 1] == 0xbb &&
            (unsigned char)data[i + 2] == 0xbf) {
            i += 3;
            continue;
        }
        while (i < size && is_gap((unsigned char)data[i])) i++;
        if (i >= size) {
            *pos = size;
            return 0;
        }
        if (!is_batch_segment(data + i, size - i)) break;
        while (i < size && !is_line_end(data[i]) && data[i] != 0x1c) i++;
    }
    /* the message runs to the next MSH or batch segment at a line start,
     * or the end of its MLLP frame */
    size_t end = i;
    while (end < size && data[end] != 0x1c) {
        if (is_line_end(data[end])) {
            size_t next = end;
            while (next < size && is_line_end(data[next])) next++;
            if (next + 3 <= size && (!memcmp(data + next, "MSH", 3) || is_batch_segment(data + next, size - next)))
                break;
            end = next;
            continue;
        }
        end++;
    }
    *start = data + i;
    *len = end - i;
    while (*len && is_line_end((*start)[*len - 1])) (*len)--;
    *pos = end;
    return 1;
}

int hl7_find(const struct hl7_message *m, const char *name, int from)
{
    for (int i = from < 0 ? 0 : from; i < m->count; i++)
        if (!strcmp(m->segments[i].name, name)) return i;
    return -1;
}

/* The n-th (0-based) piece of [p, p + len) split at `sep`. */
static size_t piece(const char *p, size_t len, char sep, int n, const char **out)
{
    size_t i = 0;
    while (n > 0) {
        while (i < len && p[i] != sep) i++;
        if (i == len) {
            *out = "";
            return 0;
        }
        i++;
        n--;
    }
    size_t end = i;
    while (end < len && p[end] != sep) end++;
    *out = p + i;
    return end - i;
}

static size_t field_text(const struct hl7_message *m, int segment, int field, const char **out)
{
    *out = "";
    if (segment < 0 || segment >= m->count || field < 1) return 0;
    const struct hl7_segment *s = &m->segments[segment];
    int msh = !strcmp(s->name, "MSH");
    if (msh && field == 1) {
        *out = s->start + 3;
        return 1;
    }
    return piece(s->start, s->len, m->sep.field, msh ? field - 1 : field, out);
}

size_t hl7_raw(const struct hl7_message *m, int segment, int field, int rep, int component,
               int subcomponent, const char **out)
{
    const char *p;
    size_t n = field_text(m, segment, field, &p);
    *out = p;
    if (!strcmp(m->segments[segment < 0 || segment >= m->count ? 0 : segment].name, "MSH") && field <= 2)
        return rep == 0 && component <= 1 ? n : 0;
    n = piece(p, n, m->sep.repetition, rep, &p);
    if (component > 0) n = piece(p, n, m->sep.component, component - 1, &p);
    if (component > 0 && subcomponent > 0) n = piece(p, n, m->sep.subcomponent, subcomponent - 1, &p);
    *out = n ? p : "";
    return n;
}

int hl7_repetitions(const struct hl7_message *m, int segment, int field)
{
    const char *p;
    size_t n = field_text(m, segment, field, &p);
    if (!n) return 0;
    int reps = 1;
    for (size_t i = 0; i < n; i++)
        if (p[i] == m->sep.repetition) reps++;
    return reps;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Appends one byte when there is room (one byte is kept for the NUL). */
#define PUT(c) do { if (o + 1 >= outlen) return -1; out[o++] = (char)(c); } while (0)

long hl7_unescape(const struct hl7_separators *sep, const char *in, size_t len, char *out, size_t outlen)
{
    size_t o = 0;
    if (!outlen) return -1;
    for (size_t i = 0; i < len; i++) {
        if (in[i] != sep->escape) {
            PUT(in[i]);
            continue;
        }
        size_t close = i + 1;
        while (close < len && in[close] != sep->escape) close++;
        if (close == len) return -1;
        const char *e = in + i + 1;
        size_t n = close - i - 1;
        if (n == 1 && *e == 'F') PUT(sep->field);
        else if (n == 1 && *e == 'S') PUT(sep->component);
        else if (n == 1 && *e == 'T') PUT(sep->subcomponent);
        else if (n == 1 && *e == 'R') PUT(sep->repetition);
        else if (n == 1 && *e == 'E') PUT(sep->escape);
        else if (n == 1 && *e == 'P' && sep->truncation) PUT(sep->truncation);
        else if (n == 3 && !memcmp(e, ".br", 3)) PUT('\n');
        else if (n >= 3 && !memcmp(e, ".sp", 3)) PUT('\n');
        else if (n == 1 && (*e == 'H' || *e == 'N')) { /* highlighting: text only */ }
        else if (n >= 3 && *e == 'X' && (n - 1) % 2 == 0) {
            for (size_t k = 1; k < n; k += 2) {
                int hi = hex_value(e[k]), lo = hex_value(e[k + 1]);
                if (hi < 0 || lo < 0 || (hi | lo) == 0) return -1;   /* no NUL bytes */
                PUT(hi * 16 + lo);
            }
        } else if (n >= 1 && (*e == 'C' || *e == 'M' || *e == 'Z' || *e == '.')) {
            /* character-set switches and other formatting: nothing to show */
        } else {
            return -1;
        }
        i = close;
    }
    out[o] = 0;
    return (long)o;
}

long hl7_get(const struct hl7_message *m, int segment, int field, int rep, int component,
             int subcomponent, char *out, size_t outlen)
{
    const char *p;
    size_t n = hl7_raw(m, segment, field, rep, component, subcomponent, &p);
    if (!outlen) return -1;
    if (field <= 2 && segment >= 0 && segment < m->count && !strcmp(m->segments[segment].name, "MSH")) {
        if (n + 1 > outlen) return -1;
        memcpy(out, p, n);
        out[n] = 0;
        return (long)n;
    }
    long got = hl7_unescape(&m->sep, p, n, out, outlen);
    if (got < 0) out[0] = 0;
    return got;
}
