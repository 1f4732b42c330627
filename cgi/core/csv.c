/*
 * csv.c - CSV read with Debian's libcsv in strict mode, with line numbers,
 * and written with its csv_write (see csvio.h).
 *
 * libcsv reports fields and row ends; the line a row starts on is counted
 * here from the line feeds it reports (CSV_REPALL_NL: every one outside a
 * quoted field, so CRLF and blank lines count) and those inside quoted
 * fields.  Rows without a field (blank lines) are not passed on.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <csv.h>
#include "csvio.h"
#include "portal.h"

struct reader {
    csv_row_fn fn;
    void *data;
    long line;          /* the line being read */
    long row_line;
    int count;
    int too_many;
    int stopped;
    char *fields[CSV_MAX_FIELDS];
};

static void drop_fields(struct reader *rd)
{
    for (int i = 0; i < rd->count; i++) free(rd->fields[i]);
    rd->count = 0;
}

static void on_field(void *s, size_t len, void *data)
{
    struct reader *rd = data;
    if (rd->stopped) return;
    if (rd->count == 0) rd->row_line = rd->line;
    for (size_t i = 0; i < len; i++)
        if (((char *)s)[i] == '\n') rd->line++;
    if (rd->count == CSV_MAX_FIELDS) {
        rd->too_many = 1;
        return;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        rd->stopped = -1;
        return;
    }
    memcpy(copy, s ? s : "", len);
    copy[len] = 0;
    rd->fields[rd->count++] = copy;
}

static void on_row_end(int c, void *data)
{
    struct reader *rd = data;
    if (!rd->stopped && rd->count > 0) {
        if (rd->too_many) {
            rd->stopped = -2;
        } else {
            struct csv_row row = {.line = rd->row_line, .count = rd->count};
            for (int i = 0; i < rd->count; i++) row.field[i] = rd->fields[i];
            int answer = rd->fn(&row, rd->data);
            if (answer) rd->stopped = answer;
        }
    }
    drop_fields(rd);
    if (c == '\n') rd->line++;
}

char *csv_to_utf8(const char *buf, size_t len, const char *encoding, size_t *outlen)
{
    if (!encoding || !strcasecmp(encoding, "UTF-8") || !strcasecmp(encoding, "auto")) {
        if (utf8_valid(buf, len)) {
            char *copy = malloc(len + 1);
            if (!copy) return NULL;
            memcpy(copy, buf, len);
            copy[len] = 0;
            *outlen = len;
            return copy;
        }
        if (encoding && !strcasecmp(encoding, "auto")) return csv_to_utf8(buf, len, "GB18030", outlen);
        return NULL;
    }
    if (strcasecmp(encoding, "GBK") && strcasecmp(encoding, "GB18030") && strcasecmp(encoding, "GB2312"))
        return NULL;
    /* GB18030 is a superset of GBK and GB2312: one converter for all three */
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) return NULL;
    size_t cap = len * 2 + 16, left_out = cap, left_in = len;
    char *out = malloc(cap + 1), *in = (char *)buf, *at = out;
    if (!out) {
        iconv_close(cd);
        return NULL;
    }
    if (iconv(cd, &in, &left_in, &at, &left_out) == (size_t)-1) {
        free(out);
        iconv_close(cd);
        return NULL;
    }
    iconv_close(cd);
    *outlen = cap - left_out;
    out[*outlen] = 0;
    return out;
}

int csv_read(const char *buf, size_t len, const char *encoding,
             csv_row_fn fn, void *data, char *err, size_t errlen)
{
    struct csv_parser p;
    struct reader rd = {.fn = fn, .data = data, .line = 1};
    size_t n;
    if (memchr(buf, 0, len)) {
        snprintf(err, errlen, "NUL byte in the file");
        return -1;
    }
    char *text = csv_to_utf8(buf, len, encoding, &n);
    if (!text) {
        snprintf(err, errlen, "the file is not valid %s text", encoding ? encoding : "UTF-8");
        return -1;
    }
    const char *start = text;
    if (n >= 3 && !memcmp(start, "\xEF\xBB\xBF", 3)) start += 3, n -= 3;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL)) {
        free(text);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = 0;
    if (csv_parse(&p, start, n, on_field, on_row_end, &rd) != n) {
        snprintf(err, errlen, "line %ld: %s", rd.line, csv_strerror(csv_error(&p)));
        rc = -1;
    } else if (!rd.stopped && csv_fini(&p, on_field, on_row_end, &rd)) {
        snprintf(err, errlen, "line %ld: %s", rd.count ? rd.row_line : rd.line,
                 "a quoted field is not closed");
        rc = -1;
    }
    if (rc == 0 && rd.stopped == -1) snprintf(err, errlen, "out of memory"), rc = -1;
    else if (rc == 0 && rd.stopped == -2)
        snprintf(err, errlen, "line %ld: more than %d fields", rd.row_line, CSV_MAX_FIELDS), rc = -1;
    else if (rc == 0) rc = rd.stopped;
    drop_fields(&rd);
    csv_free(&p);
    free(text);
    return rc;
}

void csv_put_field(STRING *line, const char *value, int first)
{
    size_t len = strlen(value);
    /* csv_write quotes the whole field and doubles inner quotes: at most
     * 2 * len + 2 bytes */
    char small[512], *buf = small;
    size_t need = 2 * len + 2;
    if (need > sizeof(small) && !(buf = malloc(need))) return;
    size_t written = csv_write(buf, need, value, len);
    if (!first) string_append_char(line, ',');
    string_appendn(line, buf, (int)written);
    if (buf != small) free(buf);
}
