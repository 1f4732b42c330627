/*
 * csv.h - CSV files read (libcsv, RFC 4180: quoted fields, embedded commas,
 * quotes and newlines) with the line each row starts on, a BOM dropped and
 * GBK/GB18030 text converted to UTF-8 with iconv; and fields written with
 * RFC 4180 quoting, for the price files.
 */
#ifndef CSVIO_H
#define CSVIO_H
#include <stddef.h>
#include <ClearSilver.h>

#define CSV_MAX_FIELDS 64

struct csv_row {
    long line;                       /* the line of the file the row starts on */
    int count;                       /* fields */
    const char *field[CSV_MAX_FIELDS];   /* UTF-8, NUL-terminated */
};

/* Called once per row (blank lines are skipped); a non-zero answer stops
 * the reading and is returned by csv_read. */
typedef int (*csv_row_fn)(const struct csv_row *row, void *data);

/* Reads a whole file held in memory.  `encoding` is "UTF-8", "GBK",
 * "GB18030" or "auto" (UTF-8 when the bytes are valid UTF-8, else GB18030,
 * which includes GBK).  Returns 0 when every row was read, the callback's
 * answer when it stopped, or -1 with a message in err (naming the line
 * for malformed quoting, a NUL byte, bad encoding or too many fields). */
int csv_read(const char *buf, size_t len, const char *encoding,
             csv_row_fn fn, void *data, char *err, size_t errlen);

/* Text in `encoding` converted to UTF-8 (malloc'd, NUL-terminated), or
 * NULL when it is not valid in that encoding. */
char *csv_to_utf8(const char *buf, size_t len, const char *encoding, size_t *outlen);

/* One field appended to a line, quoted as RFC 4180 says (always quoted,
 * inner quotes doubled), with a comma before it unless it is the first. */
void csv_put_field(STRING *line, const char *value, int first);

#endif
