/*
 * identity.h - Chinese resident identity card numbers (GB 11643-1999),
 * mainland mobile numbers, and their masked forms for display.
 *
 * Pure functions with no HDF or database, so the unit tests can pin every
 * edge case.  The current date is always passed in ("YYYY-MM-DD", Asia/
 * Shanghai) so results do not depend on the clock.
 */
#ifndef IDENTITY_H
#define IDENTITY_H

#include <stddef.h>

/* What cn_id_check() returns; 0 means valid.  cn_id_error_code() turns the
 * others into keys of Lang.Error in the language file. */
enum cn_id_result {
    CN_ID_OK = 0,
    CN_ID_LENGTH,        /* not exactly 18 characters */
    CN_ID_CHARS,         /* not 17 digits then a digit or X */
    CN_ID_REGION,        /* first two digits are no province-level code */
    CN_ID_BIRTH_DATE,    /* no real date, before 1900 or after today */
    CN_ID_CHECK_DIGIT,   /* ISO 7064 MOD 11-2 check digit does not match */
};

struct cn_id_info {
    char normalized[19];   /* the 18 characters, a final 'x' as 'X' */
    char birth_date[11];   /* YYYY-MM-DD */
    int male;              /* 1 male, 0 female (digit 17 odd / even) */
    int age_years;         /* full years on `today` */
};

int cn_id_check(const char *id, const char *today, struct cn_id_info *out);
const char *cn_id_error_code(int result);
int cn_mobile_check(const char *s);

const char *document_shape_error(const char *type, const char *number);
void normalise_typed_number(const char *in, char *out, size_t outlen, int drop_hyphens);
void normalise_mobile(const char *in, char *out, size_t outlen);
void normalise_id_shape(char *s);

void mask_id(const char *id, char *out, size_t outlen);
void mask_mobile(const char *m, char *out, size_t outlen);

#endif
