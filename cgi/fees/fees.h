/*
 * fees.h - 医药费用公开: the price catalogue and its search, the price files,
 * the office's price imports, and the fee lists of stays and visits.
 */
#ifndef FEES_H
#define FEES_H
#include "portal.h"

/* a non-negative fen column as yuan, "12.50" */
#define FEES_YUAN(col) "CONCAT(" col " DIV 100, '.', LPAD(" col " MOD 100, 2, '0'))"
/* an item on sale today */
#define FEES_CURRENT(t) "(" t ".effective_from <= CURDATE() AND (" t ".ends_on IS NULL OR " t ".ends_on > CURDATE()))"

extern const char *const fee_categories[];
#define FEES_SCHEMA_VERSION "1"

/* index.c */
#define FEES_TOKEN_CHARS 24
int fees_query_normalise(const char *in, char *out, size_t len);
int fees_index_item(long long id, const char *name);
char *fees_tokens_json(const char *name);   /* malloc'd JSON [[token, kind, pos], ...] */

/* public pages */
int fees_search(struct request *r);
int fees_item(struct request *r);
int fees_prices_csv(struct request *r);
int fees_prices_json(struct request *r);
int fees_inpatient_form(struct request *r);
int fees_inpatient(struct request *r);
int fees_outpatient_form(struct request *r);
int fees_outpatient(struct request *r);
int fees_inpatient_list(struct request *r);
int fees_outpatient_list(struct request *r);

/* import.c: a price list checked against the catalogue, then applied */
struct fees_change_list;
struct fees_import {
    int rows;                 /* items in the file */
    int added, changed, ended, unchanged;
    int bad;                  /* rows refused */
    HDF *report;              /* Added.N, Changed.N (old, new), Ended.N, Bad.N (line, message) */
    char sha256[65];
    struct request *audit;    /* the office's request: its audit record, in the same transaction */
};
int fees_import_prices(const char *csv, size_t len, const char *encoding, const char *effective_on,
                       int apply, long long user_id, struct fees_import *out, char *err, size_t errlen);
int fees_import_charges(const char *csv, size_t len, const char *encoding, int deposits,
                        HDF *report, char *err, size_t errlen);

/* office */
int office_fees(struct request *r);
int office_fees_import(struct request *r);
int office_fees_charges(struct request *r);

#endif
