/*
 * upload.c - multipart/form-data read in memory (see upload.h).  Strict:
 * what a browser sends is accepted, anything odd is refused whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "portal.h"
#include "upload.h"

int upload_is_multipart(const char *type)
{
    size_t n = strlen("multipart/form-data");
    return type && !strncasecmp(type, "multipart/form-data", n) && (type[n] == ';' || type[n] == ' ');
}

/* The boundary parameter, unquoted, 1..70 characters (RFC 2046). */
static int boundary_of(const char *type, char *out, size_t len)
{
    const char *b = strcasestr(type, "boundary=");
    if (!b) return -1;
    b += 9;
    size_t n;
    if (*b == '"') {
        const char *end = strchr(++b, '"');
        if (!end) return -1;
        n = (size_t)(end - b);
    } else {
        n = strcspn(b, "; \t");
    }
    if (n < 1 || n > 70 || n + 1 > len) return -1;
    memcpy(out, b, n);
    out[n] = 0;
    return 0;
}

static const char *find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
    if (nlen > hlen) return NULL;
    for (const char *p = hay; (p = memchr(p, needle[0], hlen - (size_t)(p - hay) - nlen + 1)); p++)
        if (!memcmp(p, needle, nlen)) return p;
    return NULL;
}

/* The value of `key="..."` in a Content-Disposition line, or NULL. */
static int disposition_param(const char *line, size_t len, const char *key, char *out, size_t outlen)
{
    char pat[32];
    snprintf(pat, sizeof(pat), "; %s=\"", key);
    const char *p = find(line, len, pat, strlen(pat));
    if (!p) return 0;
    p += strlen(pat);
    const char *end = memchr(p, '"', len - (size_t)(p - line));
    if (!end || (size_t)(end - p) + 1 > outlen) return -1;
    memcpy(out, p, (size_t)(end - p));
    out[end - p] = 0;
    return 1;
}

int upload_parse(const char *content_type, const char *body, size_t len, HDF *fields, HDF *files)
{
    char boundary[80], delim[84], name[72], filename[256], key[128];
    if (!upload_is_multipart(content_type) || boundary_of(content_type, boundary, sizeof(boundary))) return -1;
    if (memchr(body, 0, len)) return -1;
    /* the first delimiter has no CRLF before it; the others do */
    snprintf(delim, sizeof(delim), "--%s", boundary);
    size_t dlen = strlen(delim);
    if (len < dlen + 2 || memcmp(body, delim, dlen)) return -1;
    const char *p = body + dlen, *end = body + len;
    snprintf(delim, sizeof(delim), "\r\n--%s", boundary);
    dlen = strlen(delim);
    for (int parts = 0;; parts++) {
        if (end - p >= 2 && !memcmp(p, "--", 2)) return 0;            /* the closing delimiter */
        if (end - p < 2 || memcmp(p, "\r\n", 2) || parts == UPLOAD_MAX_PARTS) return -1;
        p += 2;
        const char *head_end = find(p, (size_t)(end - p), "\r\n\r\n", 4);
        if (!head_end) return -1;
        int named = 0, is_file = 0;
        for (const char *line = p; line < head_end;) {
            const char *eol = find(line, (size_t)(head_end + 2 - line), "\r\n", 2);
            size_t l = (size_t)(eol - line);
            if (l >= 30 && !strncasecmp(line, "Content-Disposition: form-data", 30)) {
                if (disposition_param(line, l, "name", name, sizeof(name)) != 1) return -1;
                named = 1;
                int f = disposition_param(line, l, "filename", filename, sizeof(filename));
                if (f < 0) return -1;
                is_file = f == 1;
            }
            line = eol + 2;
        }
        if (!named || !name[0] || strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != strlen(name))
            return -1;
        const char *data = head_end + 4;
        const char *stop = find(data, (size_t)(end - data), delim, dlen);
        if (!stop) return -1;
        size_t n = (size_t)(stop - data);
        char *value = malloc(n + 1);
        if (!value) return -1;
        memcpy(value, data, n);
        value[n] = 0;
        if (is_file) {
            snprintf(key, sizeof(key), "%s.data", name);
            hdf_set_value(files, key, value);
            snprintf(key, sizeof(key), "%s.filename", name);
            hdf_set_value(files, key, utf8_valid(filename, strlen(filename)) ? filename : "");
            snprintf(key, sizeof(key), "%s.size", name);
            hdf_set_int_value(files, key, (int)n);
        } else {
            if (n > UPLOAD_MAX_FIELD || !utf8_valid(value, n)) {
                free(value);
                return -1;
            }
            hdf_set_value(fields, name, value);
        }
        free(value);
        p = stop + dlen;
    }
}
