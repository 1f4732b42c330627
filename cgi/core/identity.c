/*
 * identity.c - checks and masking of identity card and mobile numbers.
 *
 * A wrong ID number typed at a booking or check-in form should be caught
 * while the person is still there, with a message that says which part is
 * wrong; and once stored, these numbers are shown only masked, so a screen
 * or a printout does not hand them out (personal data kept to a minimum).
 */
#include <string.h>
#include "identity.h"

/* Province-level codes of GB/T 2260 that begin every ID number: the 31
 * mainland provinces, regions and municipalities, then Taiwan (71), Hong
 * Kong (81) and Macao (82), for whom resident numbers are also issued. */
static const int regions[] = {
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
    43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
};

/* Only ASCII digits count: isdigit() may accept more in some locales. */
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The value of `n` ASCII digits at s, or -1 if one of them is not. */
static int digits_value(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Gregorian: 2000 was a leap year, 1900 was not. */
static int leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A real calendar date: 31 April and 29 February 1900 do not exist. */
static int date_exists(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1) return 0;
    return d <= days[m - 1] + (m == 2 && leap_year(y));
}

/* "YYYY-MM-DD" into a number that orders like the date (YYYYMMDD); -1 when
 * it is not exactly that shape or not a real date. */
static long parse_today(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return -1;
    int y = digits_value(s, 4), m = digits_value(s + 5, 2), d = digits_value(s + 8, 2);
    if (y < 0 || m < 0 || d < 0 || !date_exists(y, m, d)) return -1;
    return y * 10000L + m * 100L + d;
}

/* ISO 7064 MOD 11-2 over the first 17 digits, as GB 11643 prescribes. */
static char check_digit(const char *id)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (id[i] - '0') * weights[i];
    return "10X98765432"[sum % 11];
}

/* Whether the first two digits name a province-level division. */
static int region_known(int code)
{
    for (size_t i = 0; i < sizeof(regions) / sizeof(regions[0]); i++)
        if (regions[i] == code) return 1;
    return 0;
}

/* Shape only: 17 ASCII digits, then a digit, 'X' or 'x'. */
static int id_chars_valid(const char *id)
{
    for (int i = 0; i < 17; i++)
        if (!is_digit(id[i])) return 0;
    return is_digit(id[17]) || id[17] == 'X' || id[17] == 'x';
}

/* Digits 7-14 must be a date someone can have been born on: a real date,
 * in 1900 or later, and not after today.  `birth` gets YYYYMMDD.  A today
 * that is not a date leaves nothing to compare with, so it fails too. */
static int birth_valid(const char *id, long today, long *birth)
{
    int y = digits_value(id + 6, 4), m = digits_value(id + 10, 2), d = digits_value(id + 12, 2);
    if (today < 0 || y < 1900 || !date_exists(y, m, d)) return 0;
    *birth = y * 10000L + m * 100L + d;
    return *birth <= today;
}

/* Full years between two YYYYMMDD dates.  Someone born on 29 February
 * turns a year older on 1 March in a common year. */
static int age_on(long birth, long today)
{
    int age = (int)(today / 10000 - birth / 10000);
    if (today % 10000 < birth % 10000) age--;
    return age;
}

/* What a checked number tells: kept so callers need not parse it again. */
static void fill_info(const char *id, long birth, long today, struct cn_id_info *out)
{
    memcpy(out->normalized, id, 18);
    if (out->normalized[17] == 'x') out->normalized[17] = 'X';
    out->normalized[18] = 0;
    memcpy(out->birth_date, id + 6, 4);
    out->birth_date[4] = '-';
    memcpy(out->birth_date + 5, id + 10, 2);
    out->birth_date[7] = '-';
    memcpy(out->birth_date + 8, id + 12, 2);
    out->birth_date[10] = 0;
    out->male = (id[16] - '0') % 2;
    out->age_years = age_on(birth, today);
}

/* Checks an 18-character resident ID number part by part, in the order a
 * person would look for the mistake, and returns the first problem (enum
 * cn_id_result).  On success `out` (may be NULL) gets the normalised number,
 * birth date, sex and age on `today`; on failure it is zeroed. */
int cn_id_check(const char *id, const char *today, struct cn_id_info *out)
{
    long birth = 0, now = parse_today(today);
    if (out) memset(out, 0, sizeof(*out));
    if (!id || strlen(id) != 18) return CN_ID_LENGTH;
    if (!id_chars_valid(id)) return CN_ID_CHARS;
    if (!region_known(digits_value(id, 2))) return CN_ID_REGION;
    if (!birth_valid(id, now, &birth)) return CN_ID_BIRTH_DATE;
    char last = id[17] == 'x' ? 'X' : id[17];
    if (check_digit(id) != last) return CN_ID_CHECK_DIGIT;
    if (out) fill_info(id, birth, now, out);
    return CN_ID_OK;
}

/* The key under Lang.Error for a result of cn_id_check(); NULL for CN_ID_OK
 * and for anything that is not one of its results. */
const char *cn_id_error_code(int result)
{
    switch (result) {
    case CN_ID_LENGTH: return "id_length";
    case CN_ID_CHARS: return "id_chars";
    case CN_ID_REGION: return "id_region";
    case CN_ID_BIRTH_DATE: return "id_birth_date";
    case CN_ID_CHECK_DIGIT: return "id_check_digit";
    default: return NULL;
    }
}

/* A mainland mobile number as people write it: exactly 11 ASCII digits,
 * 13x to 19x.  No "+86", spaces or dashes: the form asks for the bare
 * number, so what is stored can be compared as is.  0 when valid. */
int cn_mobile_check(const char *s)
{
    if (!s || strlen(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9') return -1;
    for (int i = 2; i < 11; i++)
        if (!is_digit(s[i])) return -1;
    return 0;
}

/* Bytes of the UTF-8 character at p (a lead byte and its continuation
 * bytes), so a stray non-ASCII character is masked whole instead of being
 * cut into invalid bytes.  Never steps past the terminating NUL. */
static size_t char_len(const char *p)
{
    size_t len = 1;
    while (((unsigned char)p[len] & 0xC0) == 0x80) len++;
    return len;
}

/* Number of characters, counted as char_len() steps through them. */
static size_t chars_in(const char *s)
{
    size_t n = 0;
    for (; *s; s += char_len(s)) n++;
    return n;
}

/* Copies s keeping its first `head` and last `tail` characters and writing
 * one '*' for each character between.  out must hold strlen(s) + 1 bytes;
 * when it does not, out becomes "" rather than a cut-off copy. */
static void mask_keep(const char *s, size_t head, size_t tail, char *out, size_t outlen)
{
    size_t total = chars_in(s), index = 0, o = 0;
    if (!out || outlen == 0) return;
    out[0] = 0;
    if (strlen(s) + 1 > outlen) return;
    if (head + tail >= total) head = tail = 0;   /* nothing would be hidden */
    for (const char *p = s; *p; index++) {
        size_t len = char_len(p);
        if (index < head || index >= total - tail) {
            memcpy(out + o, p, len);
            o += len;
        } else {
            out[o++] = '*';
        }
        p += len;
    }
    out[o] = 0;
}

/* An ID number for display: an 18-character resident number keeps its first
 * 3 (province and city are not personal) and last 4 characters, the usual
 * form on Chinese receipts; any other document number of 8 characters or
 * more keeps 2 and 2; shorter ones are masked entirely, since 2 + 2 would
 * show most of them. */
void mask_id(const char *id, char *out, size_t outlen)
{
    if (!id) id = "";
    size_t n = chars_in(id);
    if (n == 18) mask_keep(id, 3, 4, out, outlen);
    else if (n >= 8) mask_keep(id, 2, 2, out, outlen);
    else mask_keep(id, 0, 0, out, outlen);
}

/* A mobile number for display: "138****0000".  Anything that is not 11
 * characters is masked as a document number would be. */
void mask_mobile(const char *m, char *out, size_t outlen)
{
    if (!m) m = "";
    size_t n = chars_in(m);
    if (n == 11) mask_keep(m, 3, 4, out, outlen);
    else if (n >= 8) mask_keep(m, 2, 2, out, outlen);
    else mask_keep(m, 0, 0, out, outlen);
}
