/*
 * amount.c - money arithmetic in integer fen; see amount.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "amount.h"

/* A decimal with at most `decimals` places, scaled by 10^decimals, at most
 * `limit` in absolute value (scaled). */
static int parse_scaled(const char *s, int decimals, long long limit, long long *out)
{
    long long v = 0;
    int neg = 0, digits = 0, places = 0;
    if (!s) return 0;
    if (*s == '-' || *s == '+') neg = *s++ == '-';
    for (; isdigit((unsigned char)*s); s++) {
        if (++digits > 12) return 0;
        v = v * 10 + (*s - '0');
    }
    if (!digits) return 0;
    if (*s == '.') {
        for (s++; isdigit((unsigned char)*s); s++) {
            if (++places > decimals) return 0;
            v = v * 10 + (*s - '0');
        }
        if (!places) return 0;
    }
    if (*s) return 0;
    for (; places < decimals; places++) v *= 10;
    if (v > limit) return 0;
    *out = neg ? -v : v;
    return 1;
}

int amount_parse_signed(const char *s, long long *fen)
{
    return parse_scaled(s, 2, 100000000LL * 100, fen);
}

int quantity_parse(const char *s, long long *milli)
{
    return parse_scaled(s, 3, 1000000LL * 1000, milli);
}

int amount_times(long long unit_fen, long long quantity_milli, long long *fen)
{
    long long product;
    if (__builtin_mul_overflow(unit_fen, quantity_milli, &product)) return 0;
    long long whole = product / 1000, rest = product % 1000;
    if (rest >= 500) whole++;
    else if (rest <= -500) whole--;
    *fen = whole;
    return 1;
}

int amount_add(long long *sum, long long fen)
{
    return !__builtin_add_overflow(*sum, fen, sum);
}

void amount_format(long long fen, char *out, size_t len)
{
    unsigned long long a = fen < 0 ? 0ULL - (unsigned long long)fen : (unsigned long long)fen;
    snprintf(out, len, "%s%llu.%02llu", fen < 0 ? "-" : "", a / 100, a % 100);
}

void quantity_format(long long milli, char *out, size_t len)
{
    unsigned long long a = milli < 0 ? 0ULL - (unsigned long long)milli : (unsigned long long)milli;
    char frac[8];
    snprintf(frac, sizeof(frac), "%03llu", a % 1000);
    for (int i = 2; i >= 0 && frac[i] == '0'; i--) frac[i] = 0;
    snprintf(out, len, "%s%llu%s%s", milli < 0 ? "-" : "", a / 1000, frac[0] ? "." : "", frac);
}
