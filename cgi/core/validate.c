/*
 * validate.c - pure input checks, with no HDF or database in sight, so the
 * unit tests can pin every edge case.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "portal.h"

/* Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing past
 * U+10FFFF.  ClearSilver passes bytes through untouched, so invalid text
 * would otherwise reach MariaDB, which rejects it halfway into a write. */
int utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned cp;
        if (c < 0x80) { i++; continue; }
        else if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
        else return 0;
        if (len - i <= n) return 0;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) return 0;
        if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
        if (cp > 0x10FFFF) return 0;
        i += n + 1;
    }
    return 1;
}

/* Length in characters, which is what a person counts (a Chinese title of
 * 50 characters is 150 bytes).  Assumes valid UTF-8. */
long utf8_chars(const char *s)
{
    long n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

/* The invisible characters that change how text around them is shown,
 * as UTF-8: C1 controls (U+0080-009F), the bidirectional marks, embeddings,
 * overrides and isolates (U+061C, U+200E-200F, U+202A-202E, U+2066-2069:
 * "\u202Egnp.exe" shows as "exe.png", and a patient's name could reorder
 * a row of the desk's list), the line and paragraph separators (U+2028-
 * 2029, newlines that are not \n), and zero-width spaces and joiners that
 * hide inside words (U+200B, U+2060, U+FEFF).  Returns the length of the
 * one at s, or 0. */
static size_t invisible_at(const unsigned char *s)
{
    if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F) return 2;
    if (s[0] == 0xD8 && s[1] == 0x9C) return 2;
    if (s[0] == 0xE2 && s[1] == 0x80 &&
        (s[2] == 0x8B || s[2] == 0x8E || s[2] == 0x8F || (s[2] >= 0xA8 && s[2] <= 0xAE)))
        return 3;
    if (s[0] == 0xE2 && s[1] == 0x81 && (s[2] == 0xA0 || (s[2] >= 0xA6 && s[2] <= 0xA9))) return 3;
    if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 3;
    return 0;
}

/* Control characters have no place in form text; newlines and tabs only in
 * multi-line fields.  The invisible characters above are refused in every
 * field.  Assumes valid UTF-8 (checked before any handler runs). */
int text_has_control(const char *str, int allow_newlines)
{
    const unsigned char *s = (const unsigned char *)str;
    for (; *s; s++) {
        unsigned char c = *s;
        if (c == 0x7F) return 1;
        if (c < 0x20) {
            if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) continue;
            return 1;
        }
        if (c >= 0xC2 && invisible_at(s)) return 1;
    }
    return 0;
}

static int two_digits(const char *s)
{
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1])) return -1;
    return (s[0] - '0') * 10 + (s[1] - '0');
}

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

/* Accepts what <input type="datetime-local"> sends ("2026-11-25T08:30",
 * optionally with ":SS") and a space instead of the T, and writes the MariaDB
 * DATETIME form "2026-11-25 08:30:00".  Times are Asia/Shanghai wall-clock
 * time, as stored. */
int parse_datetime_local(const char *s, char out[20])
{
    size_t len = strlen(s);
    if (len != 16 && len != 19) return 0;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    int y = atoi(s);
    if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
        return 0;
    int mo = two_digits(s + 5), d = two_digits(s + 8);
    int h = two_digits(s + 11), mi = two_digits(s + 14), sec = 0;
    if (len == 19) {
        if (s[16] != ':') return 0;
        sec = two_digits(s + 17);
    }
    if (y < 2000 || y > 2099 || mo < 1 || mo > 12 || d < 1 ||
        d > days_in_month(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 ||
        sec < 0 || sec > 59)
        return 0;
    snprintf(out, 20, "%04u-%02u-%02u %02u:%02u:%02u", (unsigned)y % 10000u,
             (unsigned)mo % 100u, (unsigned)d % 100u, (unsigned)h % 100u,
             (unsigned)mi % 100u, (unsigned)sec % 100u);
    return 1;
}

/* Decimal integer within [min, max]; no signs other than a leading '-',
 * no spaces, no trailing junk. */
int parse_int(const char *s, long long min, long long max, long long *out)
{
    if (!s || !*s) return 0;
    const char *p = s;
    if (*p == '-') p++;
    if (!*p || strlen(p) > 18) return 0;
    for (const char *q = p; *q; q++)
        if (!isdigit((unsigned char)*q)) return 0;
    errno = 0;
    long long v = strtoll(s, NULL, 10);
    if (errno || v < min || v > max) return 0;
    *out = v;
    return 1;
}

/* A redirect target we may follow: a path on this site ("/x"), never a
 * scheme-relative "//host" or "/\host" that browsers would take elsewhere. */
int local_path_safe(const char *s)
{
    if (!s || s[0] != '/' || s[1] == '/' || s[1] == '\\') return 0;
    if (strlen(s) > 512) return 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x21 || c == 0x7F || c == '\\' || c == '"' || c == '<' || c == '>')
            return 0;
    }
    return 1;
}
