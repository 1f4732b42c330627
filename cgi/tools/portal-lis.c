/*
 * portal-lis - imports lab results sent by the LIS as HL7 v2 ORU^R01
 * (cgi/core/hl7.c parses, oru.c maps) into the lab tables (sql/009).
 *
 *   portal-lis --db-socket S --db-user portal_lis --db-password-file F FILE...
 *   (no FILE, or "-": standard input)
 *
 * A file may hold several messages, MLLP-framed or not, in batches or not.
 * Each message is stored in one transaction or not at all, and printed as
 * one line: "<control id> <barcode> <items> stored", "... duplicate", or
 * "<control id> refused <segment>-<field>: <why>".  The same message twice
 * changes nothing (lab_imports keys it by MSH-3 and MSH-10).  A result is
 * never overwritten: a newer one (a correction, OBX-11 'C', or a final after
 * a preliminary) marks the earlier one superseded.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "portal.h"
#include "lisimport.h"

/* One message, all or nothing (lisimport.c): 0 stored or duplicate, 1
 * refused, -1 the database failed. */
static int import_one(const char *data, size_t len)
{
    struct lis_outcome o;
    char line[400];
    enum lis_state st = lis_import(data, len, "file", &o);
    lis_line(&o, line, sizeof(line));
    puts(line);
    return st == LIS_FAILED ? -1 : st == LIS_REFUSED ? 1 : 0;
}

static char *read_all(FILE *f, size_t *size)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
        if (n == cap) {
            char *bigger = cap < (64u << 20) ? realloc(buf, cap * 2) : NULL;
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    *size = n;
    return buf;
}

static int import_stream(FILE *f, const char *name)
{
    size_t size, pos = 0, len;
    const char *start;
    int worst = 0;
    char *data = read_all(f, &size);
    if (!data) {
        fprintf(stderr, "portal-lis: %s: cannot read\n", name);
        return 2;
    }
    while (hl7_next(data, size, &pos, &start, &len)) {
        int rc = import_one(start, len);
        if (rc < 0) worst = 2;
        else if (rc > 0 && worst == 0) worst = 1;
    }
    free(data);
    fflush(stdout);
    return worst;
}

int main(int argc, char **argv)
{
    extern const char *log_program;
    log_program = "lis";
    setenv("TZ", "Asia/Shanghai", 1);
    char *rest[32];
    int nrest = 0;
    rest[nrest++] = argv[0];
    rest[nrest++] = "--socket";
    rest[nrest++] = "-";
    for (int i = 1; i < argc && nrest < 30; i++) rest[nrest++] = argv[i];
    rest[nrest] = NULL;
    if (config_parse(nrest, rest) || sodium_init() < 0) return 2;
    if (db_connect()) return 2;
    int worst = 0;
    if (optind >= nrest) worst = import_stream(stdin, "-");
    for (int i = optind; i < nrest; i++) {
        FILE *f = strcmp(rest[i], "-") ? fopen(rest[i], "rb") : stdin;
        if (!f) {
            perror(rest[i]);
            worst = 2;
            continue;
        }
        int rc = import_stream(f, rest[i]);
        if (f != stdin) fclose(f);
        if (rc > worst) worst = rc;
    }
    db_close();
    return worst;
}
