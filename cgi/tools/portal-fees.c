/*
 * portal-fees - imports the HIS's exports into the fee tables: a price
 * list (dry run by default, --apply to apply it, --notice to publish the
 * 价格调整 notice too), fee items of stays and visits, and deposits.
 *
 *   portal-fees [--db-socket S] [--db-user U] [--encoding auto|UTF-8|GBK]
 *               [--effective YYYY-MM-DD] [--apply] [--notice] prices FILE
 *   portal-fees [...] charges FILE | deposits FILE
 *
 * Prints what the file adds, changes and ends (or stores), or every bad
 * row with its line; exit status 1 when any row was bad, 2 on other errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "portal.h"
#include "../fees/fees.h"

static int usage(void)
{
    fprintf(stderr, "usage: portal-fees [--db-socket S] [--db-user U] [--encoding E] [--effective DATE]\n"
                    "                   [--apply] [--notice] prices|charges|deposits FILE\n");
    return 2;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) break;
        char *more = realloc(buf, cap *= 2);
        if (!more) free(buf);
        buf = more;
    }
    if (f != stdin) fclose(f);
    *len = n;
    return buf;
}

static void print_bad(HDF *report)
{
    for (HDF *b = hdf_get_child(report, "Bad"); b; b = hdf_obj_next(b))
        printf("line %s: %s%s%s\n", hdf_get_value(b, "line", "?"), hdf_get_value(b, "code", ""),
               hdf_get_value(b, "detail", NULL) ? " " : "", hdf_get_value(b, "detail", ""));
}

int main(int argc, char **argv)
{
    const char *encoding = "auto", *effective = NULL;
    int apply = 0, i = 1;
    char today[11], err[256];
    cfg.db_user = "root";
    cfg.db_socket = "/run/mysqld/mysqld.sock";
    for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
        if (!strcmp(argv[i], "--apply")) apply = apply ? apply : 1;
        else if (!strcmp(argv[i], "--notice")) apply = 2;
        else if (i + 1 >= argc) return usage();
        else if (!strcmp(argv[i], "--db-socket")) cfg.db_socket = argv[++i];
        else if (!strcmp(argv[i], "--db-user")) cfg.db_user = argv[++i];
        else if (!strcmp(argv[i], "--db-name")) cfg.db_name = argv[++i];
        else if (!strcmp(argv[i], "--encoding")) encoding = argv[++i];
        else if (!strcmp(argv[i], "--effective")) effective = argv[++i];
        else return usage();
    }
    if (i + 2 != argc) return usage();
    const char *what = argv[i], *path = argv[i + 1];
    /* the hospital's day, whatever the machine's zone */
    setenv("TZ", "Asia/Shanghai", 1);
    tzset();
    time_t t = time(NULL);
    struct tm tm;
    strftime(today, sizeof(today), "%Y-%m-%d", localtime_r(&t, &tm));
    /* a list in force from today or earlier: a price of tomorrow would be
     * shown as today's (the office page refuses it the same way) */
    char wanted[11];
    if (effective && (!parse_date(effective, wanted) || strcmp(wanted, today) > 0)) return usage();
    if (effective) memcpy(today, wanted, sizeof(today));
    size_t len;
    char *csv = slurp(path, &len);
    if (!csv) return fprintf(stderr, "portal-fees: cannot read %s\n", path), 2;
    if (db_connect()) return free(csv), 2;
    HDF *report;
    hdf_init(&report);
    int status = 0;
    if (!strcmp(what, "prices")) {
        struct fees_import out = {.report = report};
        if (fees_import_prices(csv, len, encoding, today, apply, 0, &out, err, sizeof(err))) {
            fprintf(stderr, "portal-fees: %s\n", err);
            status = 2;
        } else if (out.bad) {
            print_bad(report);
            status = 1;
        } else {
            for (HDF *c = hdf_get_child(report, "Changed"); c; c = hdf_obj_next(c))
                printf("changed %s %s: %s -> %s\n", hdf_get_value(c, "his_code", ""), hdf_get_value(c, "name", ""),
                       hdf_get_value(c, "old_price", ""), hdf_get_value(c, "price", ""));
            printf("%s: %d rows, %d added, %d changed, %d ended, %d unchanged%s\n", apply ? "applied" : "dry run",
                   out.rows, out.added, out.changed, out.ended, out.unchanged,
                   hdf_get_value(report, "notice_id", NULL) ? ", notice published" : "");
        }
    } else if (!strcmp(what, "charges") || !strcmp(what, "deposits")) {
        if (fees_import_charges(csv, len, encoding, what[0] == 'd', report, err, sizeof(err))) {
            fprintf(stderr, "portal-fees: %s\n", err);
            status = 2;
        } else if (hdf_get_int_value(report, "bad", 0)) {
            print_bad(report);
            status = 1;
        } else {
            printf("%s: %d stored, %d already there\n", what, hdf_get_int_value(report, "stored", 0),
                   hdf_get_int_value(report, "duplicates", 0));
        }
    } else {
        status = usage();
    }
    hdf_destroy(&report);
    free(csv);
    db_close();
    return status;
}
