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
 * Kong (81) and Macao (82), for whom resident numbers are also issued, and
 * 83, which begins the residence permits of Taiwan residents (港澳台居民
 * 居住证: 810000, 820000, 830000 and a GB 11643 number in every other part,
 * so they are resident-ID-type numbers). */
static const int regions[] = {
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
    43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
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

static int all_in(const char *s, size_t from, size_t to, int (*ok)(int))
{
    for (size_t i = from; i < to; i++)
        if (!ok((unsigned char)s[i])) return 0;
    return 1;
}

static int ascii_digit(int c) { return c >= '0' && c <= '9'; }
static int ascii_alnum(int c) { return ascii_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

/* Whether a travel document's number has the shape of its type, as the
 * key of the error under Lang.Error, or NULL when it does:
 *   passport   5 to 9 letters and digits, at least one digit (ICAO 9303's
 *              document number field is 9 characters; China's E12345678)
 *   hk_macao   港澳居民来往内地通行证: H or M and 8 digits (the card), or
 *              and 10 digits (the older booklet)
 *   taiwan     台湾居民来往大陆通行证: 8 digits (the card), or 10 (older)
 *   other      letters, digits and hyphens
 * Letters may be in either case (they are stored in upper case). */
const char *document_shape_error(const char *type, const char *number)
{
    size_t n = strlen(number);
    if (!strcmp(type, "passport")) {
        if (n < 5 || n > 9 || !all_in(number, 0, n, ascii_alnum) || strcspn(number, "0123456789") == n)
            return "passport_shape";
        return NULL;
    }
    if (!strcmp(type, "hk_macao")) {
        char c = (char)(number[0] & ~0x20);
        if ((n != 9 && n != 11) || (c != 'H' && c != 'M') || !all_in(number, 1, n, ascii_digit))
            return "hk_macao_shape";
        return NULL;
    }
    if (!strcmp(type, "taiwan")) {
        if ((n != 8 && n != 10) || !all_in(number, 0, n, ascii_digit)) return "taiwan_shape";
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (!ascii_alnum((unsigned char)number[i]) && number[i] != '-') return "document_chars";
    return NULL;
}

/* What people type into a number field, made what they meant: full-width
 * digits and letters (０-９, Ａ-Ｚ, ａ-ｚ, as Chinese input methods give
 * them) made ASCII, spaces (also the ideographic U+3000) and hyphens between
 * digit groups dropped.  Other characters are kept, so the field's own
 * check still refuses them.  `out` holds at least strlen(in) + 1 bytes. */
void normalise_typed_number(const char *in, char *out, size_t outlen, int drop_hyphens)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t w = 0;
    while (*s && w + 1 < outlen) {
        if (s[0] == 0xEF && (s[1] == 0xBC || s[1] == 0xBD) && s[2]) {
            unsigned cp = 0xFF00u + ((unsigned)(s[1] & 0x03) << 6) + (s[2] & 0x3F);
            if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)) {
                out[w++] = (char)(cp - 0xFEE0);
                s += 3;
                continue;
            }
            if (cp == 0xFF0B) {   /* full-width plus, of ＋86 */
                out[w++] = '+';
                s += 3;
                continue;
            }
            if (cp == 0xFF0D && drop_hyphens) {   /* full-width hyphen-minus */
                s += 3;
                continue;
            }
        }
        if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) {   /* U+3000 */
            s += 3;
            continue;
        }
        if (*s == ' ' || *s == '\t' || (drop_hyphens && *s == '-')) {
            s++;
            continue;
        }
        out[w++] = (char)*s++;
    }
    out[w] = 0;
}

/* A mainland mobile as typed, made the 11 digits it means: normalised as
 * above, and a country code (+86, 0086, 86) before 11 digits dropped. */
void normalise_mobile(const char *in, char *out, size_t outlen)
{
    normalise_typed_number(in, out, outlen, 1);
    size_t n = strlen(out);
    size_t skip = 0;
    if (n == 14 && !strncmp(out, "+86", 3)) skip = 3;
    else if (n == 15 && !strncmp(out, "0086", 4)) skip = 4;
    else if (n == 13 && !strncmp(out, "86", 2)) skip = 2;
    if (skip) memmove(out, out + skip, n - skip + 1);
}

/* A number typed into a document-number field that is a resident ID with
 * hyphens or spaces between its groups ("110101-19900307-123x"), made the
 * 18 characters it means with a final x in upper case, in place.  Anything
 * else is left as it is (a travel document may carry hyphens). */
void normalise_id_shape(char *s)
{
    char tmp[19];
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '-' && p != s && p[1]) continue;
        if (n == 18) return;
        tmp[n++] = *p;
    }
    tmp[n] = 0;
    if (n != 18 || !id_chars_valid(tmp)) return;
    if (tmp[17] == 'x') tmp[17] = 'X';
    memcpy(s, tmp, 19);
}
