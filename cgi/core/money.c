/*
 * money.c - amounts of money as integer fen (1 yuan = 100 fen), never
 * floating point: "30", "30.5" and "30.50" are 3000, 3050 and 3050 fen.
 */
#include <ctype.h>
#include <string.h>
#include "portal.h"

/* A non-negative amount in yuan with at most two decimals, at most
 * 10,000,000 yuan.  Returns 1 and the amount in fen, or 0. */
int money_parse_yuan(const char *s, long long *fen)
{
    long long whole = 0, cents = 0;
    int digits = 0, decimals = 0;
    const char *p = s;
    if (!s || !*s) return 0;
    for (; isdigit((unsigned char)*p); p++) {
        if (++digits > 8) return 0;
        whole = whole * 10 + (*p - '0');
    }
    if (digits == 0) return 0;
    if (*p == '.') {
        for (p++; isdigit((unsigned char)*p); p++) {
            if (++decimals > 2) return 0;
            cents = cents * 10 + (*p - '0');
        }
        if (decimals == 0) return 0;
        if (decimals == 1) cents *= 10;
    }
    if (*p || whole > 10000000 || (whole == 10000000 && cents)) return 0;
    *fen = whole * 100 + cents;
    return 1;
}

/* Is "YYYY-MM-DD" a real calendar date? */
int parse_date(const char *s, char out[11])
{
    char full[20], with_time[24];
    if (strlen(s) != 10) return 0;
    snprintf(with_time, sizeof(with_time), "%s 00:00", s);
    if (!parse_datetime_local(with_time, full)) return 0;
    memcpy(out, full, 10);
    out[10] = 0;
    return 1;
}
