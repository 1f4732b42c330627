/*
 * route.c - finds the row of a program's route table for a request.
 *
 * Patterns are literal paths with at most one "{id}" segment, a positive
 * decimal number: enough for "/notices/42" and "/office/notices/42/edit",
 * and nothing that needs a regular expression to read.
 */
#include <ctype.h>
#include <string.h>
#include "portal.h"

static int pattern_match(const char *pattern, const char *path, long long *id)
{
    while (*pattern) {
        if (strncmp(pattern, "{id}", 4) == 0) {
            long long v = 0;
            int digits = 0;
            if (*path == '0') return 0;   /* one URL per page: no /notices/007 */
            while (isdigit((unsigned char)*path) && digits < 15) {
                v = v * 10 + (*path++ - '0');
                digits++;
            }
            if (digits == 0 || isdigit((unsigned char)*path) || v == 0) return 0;
            *id = v;
            pattern += 4;
            continue;
        }
        if (*pattern++ != *path++) return 0;
    }
    return *path == 0;
}

/* ROUTE_FOUND with the row and id; ROUTE_WRONG_METHOD with the methods
 * that path does accept (for the Allow header); else ROUTE_NONE.
 * HEAD is served as GET. */
enum route_match route_find(const struct route *routes, const char *method,
                            const char *path, const struct route **found,
                            long long *id, char *allow, size_t allow_len)
{
    int path_known = 0;
    if (strcmp(method, "HEAD") == 0) method = "GET";
    allow[0] = 0;
    for (const struct route *rt = routes; rt->pattern; rt++) {
        long long v = 0;
        if (!pattern_match(rt->pattern, path, &v)) continue;
        if (strcmp(rt->method, method) == 0) {
            *found = rt;
            *id = v;
            return ROUTE_FOUND;
        }
        if (!strstr(allow, rt->method) && strlen(allow) + strlen(rt->method) + 3 < allow_len) {
            if (allow[0]) strcat(allow, ", ");
            strcat(allow, rt->method);
        }
        path_known = 1;
    }
    return path_known ? ROUTE_WRONG_METHOD : ROUTE_NONE;
}
