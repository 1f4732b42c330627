/*
 * multipart.h - a checked reader of multipart/form-data bodies (RFC 7578),
 * for the few forms that send a file.  ClearSilver's own reader is never
 * used (request.c: it crashes and leaks on malformed bodies).
 */
#ifndef MULTIPART_H
#define MULTIPART_H

#include <stddef.h>
#include <ClearSilver.h>

#define MULTIPART_MAX_PARTS 32

/* The boundary of a Content-Type "multipart/form-data; boundary=..."
 * (quoted or not, 1 to 70 characters) into out; 0, or -1 when the type is
 * not multipart/form-data with a usable boundary. */
int multipart_boundary(const char *content_type, char *out, size_t outlen);

/* Every part of `body` as <prefix>.<name> = its content (a file's
 * content too, its file name as <prefix>.<name>.filename).  Names are
 * letters, digits and '_', at most 64, each once; no part holds a NUL
 * byte.  0, or -1 when the body is malformed (nothing is half set: the
 * caller refuses the request). */
int multipart_parse(const char *boundary, const char *body, size_t len, HDF *hdf, const char *prefix);

#endif
