/*
 * fuzz_multipart.c - libFuzzer target for the portal's multipart/form-data
 * reader (cgi/core/multipart.c), what a logged-in lab user's browser (or
 * anybody holding such a session) sends to an upload form.
 *
 * Input: the Content-Type value up to the first 0xFF, then the body.  The
 * boundary is taken from that type as request.c does; a body is read with
 * it into an HDF tree, which is then walked (every value read to its end).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "portal.h"
#include "multipart.h"

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
    HDF *hdf;
    char boundary[80];
    if (!type || !body || hdf_init(&hdf)) abort();
    if (blen) memcpy(body, sep + 1, blen);
    if (multipart_boundary(type, boundary, sizeof(boundary)) == 0) {
        multipart_parse(boundary, body, blen, hdf, "Query");
        walk(hdf);
    }
    hdf_destroy(&hdf);
    free(type);
    free(body);
    return 0;
}
