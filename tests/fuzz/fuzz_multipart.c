/*
 * fuzz_multipart.c - libFuzzer target for the portal's multipart/form-data
 * reader (cgi/core/upload.c), what a logged-in office or lab user's browser
 * (or anybody holding such a session) sends to an upload form.
 *
 * Input: the Content-Type value up to the first 0xFF, then the body, read
 * as request.c does into two HDF trees (fields and files), which are then
 * walked (every value read to its end).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "portal.h"
#include "upload.h"

static void walk(HDF *node)
{
    for (HDF *c = node ? hdf_obj_child(node) : NULL; c; c = hdf_obj_next(c)) {
        const char *v = hdf_obj_value(c);
        if (v && strlen(v) > (1u << 30)) abort();
        walk(c);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *sep = memchr(data, 0xff, size);
    size_t tlen = sep ? (size_t)(sep - data) : size;
    char *type = strndup((const char *)data, tlen);
    size_t blen = sep ? size - tlen - 1 : 0;
    char *body = malloc(blen ? blen : 1);   /* exactly the body: a read past it is caught */
    HDF *fields, *files;
    if (!type || !body || hdf_init(&fields) || hdf_init(&files)) abort();
    if (blen) memcpy(body, sep + 1, blen);
    if (upload_is_multipart(type) && upload_parse(type, body, blen, fields, files) == 0) {
        walk(fields);
        walk(files);
    }
    hdf_destroy(&fields);
    hdf_destroy(&files);
    free(type);
    free(body);
    return 0;
}
