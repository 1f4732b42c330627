/*
 * multipart.c - multipart/form-data bodies read with bounds checked at
 * every step (see multipart.h).  A body is
 *
 *   [preamble] "--" boundary CRLF
 *   headers CRLF CRLF content CRLF "--" boundary CRLF
 *   headers CRLF CRLF content CRLF "--" boundary "--" [epilogue]
 *
 * and a part's headers must name it: Content-Disposition: form-data;
 * name="..." [; filename="..."].  Anything else is refused whole.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "multipart.h"

int multipart_boundary(const char *type, char *out, size_t outlen)
{
    static const char media[] = "multipart/form-data";
    if (!type || strncasecmp(type, media, sizeof(media) - 1)) return -1;
    const char *p = type + sizeof(media) - 1;
    while ((p = strchr(p, ';'))) {
        p++;
        while (*p == ' ' || *p == '\t') p++;
        if (strncasecmp(p, "boundary=", 9)) continue;
        p += 9;
        size_t n = 0;
        if (*p == '"') {
            const char *end = strchr(++p, '"');
            if (!end) return -1;
            n = (size_t)(end - p);
        } else {
            n = strcspn(p, "; \t");
        }
        if (n == 0 || n > 70 || n + 1 > outlen) return -1;
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7e) return -1;
        memcpy(out, p, n);
        out[n] = 0;
        return 0;
    }
    return -1;
}

/* The value of `attr="..."` in a Content-Disposition header line of
 * [line, line + len); 1 found, 0 absent, -1 malformed. */
static int disposition_attr(const char *line, size_t len, const char *attr, char *out, size_t outlen)
{
    size_t alen = strlen(attr);
    for (size_t i = 0; i + alen + 2 < len; i++) {
        if (line[i] != ';') continue;
        size_t j = i + 1;
        while (j < len && line[j] == ' ') j++;
        if (j + alen + 2 > len || strncasecmp(line + j, attr, alen) || line[j + alen] != '=') continue;
        j += alen + 1;
        if (line[j] != '"') return -1;
        size_t start = ++j;
        while (j < len && line[j] != '"') j++;
        if (j >= len || j - start >= outlen) return -1;
        memcpy(out, line + start, j - start);
        out[j - start] = 0;
        return 1;
    }
    return 0;
}

static int name_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_') return 0;
    return 1;
}

static const char *find(const char *hay, size_t haylen, const char *needle, size_t nlen)
{
    return nlen <= haylen ? memmem(hay, haylen, needle, nlen) : NULL;
}

int multipart_parse(const char *boundary, const char *body, size_t len, HDF *hdf, const char *prefix)
{
    char delim[80], key[160];
    size_t dlen = (size_t)snprintf(delim, sizeof(delim), "\r\n--%s", boundary);
    if (dlen >= sizeof(delim) || !boundary[0]) return -1;
    /* the first delimiter may open the body without its CRLF */
    const char *end = body + len, *p;
    if (len >= dlen - 2 && !memcmp(body, delim + 2, dlen - 2)) p = body + dlen - 2;
    else if ((p = find(body, len, delim, dlen))) p += dlen;
    else return -1;
    HDF *parts;
    if (hdf_init(&parts)) return -1;
    int count = 0, rc = -1;
    for (;;) {
        if (end - p >= 2 && p[0] == '-' && p[1] == '-') {   /* the closing delimiter */
            rc = count > 0 ? 0 : -1;
            break;
        }
        while (p < end && (*p == ' ' || *p == '\t')) p++;  /* transport padding */
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n') break;
        p += 2;
        const char *headers_end = find(p, (size_t)(end - p), "\r\n\r\n", 4);
        if (!headers_end || ++count > MULTIPART_MAX_PARTS) break;
        char name[65] = "", filename[256] = "";
        int named = 0, bad = 0;
        for (const char *line = p; line < headers_end + 2 && !bad;) {
            const char *eol = find(line, (size_t)(headers_end + 2 - line), "\r\n", 2);
            if (!eol) break;
            size_t llen = (size_t)(eol - line);
            static const char cd[] = "content-disposition:";
            if (llen >= sizeof(cd) - 1 && !strncasecmp(line, cd, sizeof(cd) - 1)) {
                const char *v = line + sizeof(cd) - 1;
                while (v < eol && *v == ' ') v++;
                if (named || (size_t)(eol - v) < 9 || strncasecmp(v, "form-data", 9)) bad = 1;
                else if (disposition_attr(line, llen, "name", name, sizeof(name)) != 1 || !name_ok(name)) bad = 1;
                else if (disposition_attr(line, llen, "filename", filename, sizeof(filename)) < 0) bad = 1;
                else named = 1;
            }
            line = eol + 2;
        }
        if (bad || !named) break;
        const char *content = headers_end + 4;
        const char *next = find(content, (size_t)(end - content), delim, dlen);
        if (!next || memchr(content, 0, (size_t)(next - content))) break;
        snprintf(key, sizeof(key), "%s.%s", prefix, name);
        if (hdf_get_obj(parts, name)) break;   /* a name twice */
        char *value = strndup(content, (size_t)(next - content));
        if (!value) break;
        hdf_set_value(parts, name, "1");
        NEOERR *err = hdf_set_value(hdf, key, value);
        free(value);
        if (err) {
            nerr_ignore(&err);
            break;
        }
        if (filename[0]) {
            snprintf(key, sizeof(key), "%s.%s.filename", prefix, name);
            hdf_set_value(hdf, key, filename);
        }
        p = next + dlen;
    }
    hdf_destroy(&parts);
    return rc;
}
