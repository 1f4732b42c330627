/*
 * amount.h - money arithmetic in integer fen (money.c parses what people
 * type): signed amounts, quantities in thousandths, a unit price times a
 * quantity rounded half away from zero, sums that refuse to overflow, and
 * fen written as yuan ("-12.50").
 */
#ifndef AMOUNT_H
#define AMOUNT_H
#include <stddef.h>

/* "12.5", "-3", "0.05": yuan with at most two decimals, |x| <= 10^8 yuan. */
int amount_parse_signed(const char *s, long long *fen);
/* "1", "0.5", "2.125": at most three decimals, |x| <= 10^6. */
int quantity_parse(const char *s, long long *milli);
/* unit price x quantity, rounded to the fen half away from zero; 0 on overflow */
int amount_times(long long unit_fen, long long quantity_milli, long long *fen);
/* *sum += fen; 0 on overflow */
int amount_add(long long *sum, long long fen);
/* "1234.50", "-0.05" */
void amount_format(long long fen, char *out, size_t len);
/* "2", "0.5", "2.125": a quantity without trailing zeros */
void quantity_format(long long milli, char *out, size_t len);

#endif
