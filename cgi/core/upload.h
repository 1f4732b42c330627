/*
 * upload.h - a multipart/form-data body (RFC 7578) read in memory, for the
 * few forms that send a file (a price list from the HIS).  ClearSilver's
 * own multipart parser is never used (request.c says why).
 */
#ifndef UPLOAD_H
#define UPLOAD_H
#include <stddef.h>
#include <ClearSilver.h>

#define UPLOAD_MAX_PARTS 16
#define UPLOAD_MAX_FIELD 65536        /* a text field's bytes */
#define UPLOAD_MAX_BODY (8L << 20)    /* a route that takes a file (nginx: the same on its location) */

/* Text fields land in `fields` as name = value (like Query.*), files in
 * `files` as name.data, name.filename, name.size.  A NUL byte, a part
 * without a name, a name that is not [A-Za-z0-9_], a missing or broken
 * boundary, too many parts or too long a field: -1, nothing kept.
 * Returns 0 on success. */
int upload_parse(const char *content_type, const char *body, size_t len, HDF *fields, HDF *files);
int upload_is_multipart(const char *content_type);

#endif
