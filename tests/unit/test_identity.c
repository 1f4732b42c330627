/*
 * test_identity.c - cn_id_check(), cn_mobile_check(), mask_id() and
 * mask_mobile().
 *
 * Every valid number below was computed with the GB 11643 algorithm
 * (ISO 7064 MOD 11-2 over the first 17 digits); every refused one differs
 * from a valid number in exactly the part under test, with its check digit
 * recomputed, so the test shows that this part alone is the reason.
 */
#include <string.h>
#include "identity.h"
#include "suites.h"

#define TODAY "2026-03-07"

/* ---- valid numbers and what they tell ---- */

struct id_ok {
    const char *id, *today;
    const char *normalized, *birth;
    int male, age;
};

static const struct id_ok valid[] = {
    {"110101199003071233", TODAY, "110101199003071233", "1990-03-07", 1, 36},   /* birthday */
    {"110101199003071233", "2026-03-06", "110101199003071233", "1990-03-07", 1, 35},   /* day before */
    {"110101199003071233", "2026-03-08", "110101199003071233", "1990-03-07", 1, 36},
    {"11010519491231002X", TODAY, "11010519491231002X", "1949-12-31", 0, 76},   /* check digit X */
    {"11010519491231002x", TODAY, "11010519491231002X", "1949-12-31", 0, 76},   /* typed lowercase */
    {"37020219880808888X", TODAY, "37020219880808888X", "1988-08-08", 0, 37},
    /* 29 February in leap years: 1988, and 2000 (divisible by 400) */
    {"440304198802290012", TODAY, "440304198802290012", "1988-02-29", 1, 38},
    {"440304198802290012", "2026-02-28", "440304198802290012", "1988-02-29", 1, 37},
    {"440304198802290012", "2026-03-01", "440304198802290012", "1988-02-29", 1, 38},
    {"440304198802290012", "2028-02-28", "440304198802290012", "1988-02-29", 1, 39},
    {"440304198802290012", "2028-02-29", "440304198802290012", "1988-02-29", 1, 40},
    {"310115200002290021", TODAY, "310115200002290021", "2000-02-29", 0, 26},
    {"110101202402290016", TODAY, "110101202402290016", "2024-02-29", 1, 2},
    /* the earliest year, and someone born today */
    {"110101190001010014", TODAY, "110101190001010014", "1900-01-01", 1, 126},
    {"11010120260307001X", TODAY, "11010120260307001X", "2026-03-07", 1, 0},
    /* other regions: Taiwan, Hong Kong, Macao, Xinjiang, Chongqing */
    {"710000198001010010", TODAY, "710000198001010010", "1980-01-01", 1, 46},
    {"810000198001010022", TODAY, "810000198001010022", "1980-01-01", 0, 46},
    {"820000202603071237", TODAY, "820000202603071237", "2026-03-07", 1, 0},
    {"650102190001010016", TODAY, "650102190001010016", "1900-01-01", 1, 126},
    {"500103199211112226", TODAY, "500103199211112226", "1992-11-11", 0, 33},
    {"430104199505051113", TODAY, "430104199505051113", "1995-05-05", 1, 30},
    {"210203199912310125", TODAY, "210203199912310125", "1999-12-31", 0, 26},
};

START_TEST(test_valid)
{
    const struct id_ok *c = &valid[_i];
    struct cn_id_info info;
    memset(&info, '#', sizeof(info));
    int rc = cn_id_check(c->id, c->today, &info);
    ck_assert_msg(rc == CN_ID_OK, "%s on %s: got %d (%s)", c->id, c->today, rc,
                  cn_id_error_code(rc));
    ck_assert_str_eq(info.normalized, c->normalized);
    ck_assert_str_eq(info.birth_date, c->birth);
    ck_assert_int_eq(info.male, c->male);
    ck_assert_msg(info.age_years == c->age, "%s on %s: age %d, expected %d", c->id,
                  c->today, info.age_years, c->age);
}
END_TEST

START_TEST(test_valid_without_info)
{
    ck_assert_int_eq(cn_id_check("110101199003071233", TODAY, NULL), CN_ID_OK);
    ck_assert_int_eq(cn_id_check("110101199003071234", TODAY, NULL), CN_ID_CHECK_DIGIT);
}
END_TEST

/* ---- refused numbers, one reason each ---- */

struct id_bad {
    const char *id, *today;
    int result;
};

static const struct id_bad invalid[] = {
    /* length */
    {"", TODAY, CN_ID_LENGTH},
    {"11010119900307123", TODAY, CN_ID_LENGTH},
    {"1101011990030712333", TODAY, CN_ID_LENGTH},
    {"110101900307123", TODAY, CN_ID_LENGTH},   /* old 15-digit numbers */
    {" 110101199003071233", TODAY, CN_ID_LENGTH},
    {"110101199003071233 ", TODAY, CN_ID_LENGTH},
    {"11010119900307123\xEF\xBC\x93", TODAY, CN_ID_LENGTH},   /* full-width 3 */
    /* characters */
    {"11010119900307123A", TODAY, CN_ID_CHARS},
    {"1101011990030712X3", TODAY, CN_ID_CHARS},
    {"X10101199003071233", TODAY, CN_ID_CHARS},
    {"11010119900307123 ", TODAY, CN_ID_CHARS},
    {"110101 99003071233", TODAY, CN_ID_CHARS},
    {"-10101199003071233", TODAY, CN_ID_CHARS},
    {"110101-9900307-233", TODAY, CN_ID_CHARS},
    {"11010119900307123\n", TODAY, CN_ID_CHARS},
    {"1101011990030712\xC3\xA9", TODAY, CN_ID_CHARS},   /* é: 2 bytes */
    /* region: right check digits, unknown province-level codes */
    {"100101199003071231", TODAY, CN_ID_REGION},
    {"000101199003071238", TODAY, CN_ID_REGION},
    {"160101199003071232", TODAY, CN_ID_REGION},
    {"200101199003071235", TODAY, CN_ID_REGION},
    {"240101199003071232", TODAY, CN_ID_REGION},
    {"300101199003071239", TODAY, CN_ID_REGION},
    {"380101199003071233", TODAY, CN_ID_REGION},
    {"400101199003071232", TODAY, CN_ID_REGION},
    {"470101199003071235", TODAY, CN_ID_REGION},
    {"490101199003071239", TODAY, CN_ID_REGION},
    {"550101199003071235", TODAY, CN_ID_REGION},
    {"60010119900307123X", TODAY, CN_ID_REGION},
    {"660101199003071230", TODAY, CN_ID_REGION},
    {"700101199003071233", TODAY, CN_ID_REGION},
    {"720101199003071237", TODAY, CN_ID_REGION},
    {"800101199003071237", TODAY, CN_ID_REGION},
    {"840101199003071232", TODAY, CN_ID_REGION},   /* 83 begins Taiwan residents' permits */
    {"900101199003071230", TODAY, CN_ID_REGION},
    {"910101199003071232", TODAY, CN_ID_REGION},
    {"990101199003071237", TODAY, CN_ID_REGION},
    /* birth date: right check digits, impossible dates */
    {"110101190002290011", TODAY, CN_ID_BIRTH_DATE},   /* 1900 was no leap year */
    {"110101202302290019", TODAY, CN_ID_BIRTH_DATE},   /* nor 2023 */
    {"11010118991231001X", TODAY, CN_ID_BIRTH_DATE},   /* before 1900 */
    {"110101000001010014", TODAY, CN_ID_BIRTH_DATE},
    {"110101199013010012", TODAY, CN_ID_BIRTH_DATE},   /* month 13 */
    {"11010119900100001X", TODAY, CN_ID_BIRTH_DATE},   /* day 0 */
    {"110101199001320013", TODAY, CN_ID_BIRTH_DATE},   /* 32 January */
    {"110101199004310013", TODAY, CN_ID_BIRTH_DATE},   /* 31 April */
    {"110101202603080015", TODAY, CN_ID_BIRTH_DATE},   /* tomorrow */
    {"110101203001010014", TODAY, CN_ID_BIRTH_DATE},   /* years ahead */
    {"11010120260307001X", "2026-03-06", CN_ID_BIRTH_DATE},
    /* a `today` that is no date leaves nothing to compare with */
    {"110101199003071233", NULL, CN_ID_BIRTH_DATE},
    {"110101199003071233", "", CN_ID_BIRTH_DATE},
    {"110101199003071233", "2026-3-7", CN_ID_BIRTH_DATE},
    {"110101199003071233", "2026-02-30", CN_ID_BIRTH_DATE},
    {"110101199003071233", "2026/03/07", CN_ID_BIRTH_DATE},
    {"110101199003071233", "2026-03-07T08:00", CN_ID_BIRTH_DATE},
    /* check digit */
    {"110101199003071234", TODAY, CN_ID_CHECK_DIGIT},
    {"110101199003071230", TODAY, CN_ID_CHECK_DIGIT},
    {"11010119900307123X", TODAY, CN_ID_CHECK_DIGIT},
    {"11010119900307123x", TODAY, CN_ID_CHECK_DIGIT},
    {"110105194912310021", TODAY, CN_ID_CHECK_DIGIT},
    {"110101199003071323", TODAY, CN_ID_CHECK_DIGIT},   /* two digits swapped */
    {"440304198802290013", TODAY, CN_ID_CHECK_DIGIT},
};

START_TEST(test_invalid)
{
    const struct id_bad *c = &invalid[_i];
    struct cn_id_info info;
    memset(&info, '#', sizeof(info));
    int rc = cn_id_check(c->id, c->today, &info);
    ck_assert_msg(rc == c->result, "\"%s\" on %s: got %d (%s), expected %d (%s)", c->id,
                  c->today ? c->today : "NULL", rc, cn_id_error_code(rc), c->result,
                  cn_id_error_code(c->result));
    /* nothing of a refused number is left for a caller to use by mistake */
    ck_assert_str_eq(info.normalized, "");
    ck_assert_str_eq(info.birth_date, "");
}
END_TEST

START_TEST(test_null_id)
{
    ck_assert_int_eq(cn_id_check(NULL, TODAY, NULL), CN_ID_LENGTH);
}
END_TEST

START_TEST(test_error_codes)
{
    /* the keys under Lang.Error in the language file */
    ck_assert_str_eq(cn_id_error_code(CN_ID_LENGTH), "id_length");
    ck_assert_str_eq(cn_id_error_code(CN_ID_CHARS), "id_chars");
    ck_assert_str_eq(cn_id_error_code(CN_ID_REGION), "id_region");
    ck_assert_str_eq(cn_id_error_code(CN_ID_BIRTH_DATE), "id_birth_date");
    ck_assert_str_eq(cn_id_error_code(CN_ID_CHECK_DIGIT), "id_check_digit");
    ck_assert_ptr_null(cn_id_error_code(CN_ID_OK));
    ck_assert_ptr_null(cn_id_error_code(-1));
    ck_assert_ptr_null(cn_id_error_code(CN_ID_CHECK_DIGIT + 1));
    /* all distinct and nonzero */
    int codes[] = {CN_ID_LENGTH, CN_ID_CHARS, CN_ID_REGION, CN_ID_BIRTH_DATE, CN_ID_CHECK_DIGIT};
    for (int i = 0; i < 5; i++) {
        ck_assert_int_ne(codes[i], 0);
        for (int j = i + 1; j < 5; j++) ck_assert_int_ne(codes[i], codes[j]);
    }
}
END_TEST

/* ---- mobile numbers ---- */

struct mobile_case {
    const char *in;
    int valid;
};

static const struct mobile_case mobiles[] = {
    {"13800000000", 1}, {"13012345678", 1}, {"14712345678", 1}, {"15000000000", 1},
    {"16612345678", 1}, {"17712345678", 1}, {"18612345678", 1}, {"19912345678", 1},
    {"", 0},
    {"138000000000", 0},     /* 12 digits */
    {"1380000000", 0},       /* 10 digits */
    {"12012345678", 0},      /* 12x does not exist */
    {"11012345678", 0},
    {"10012345678", 0},
    {"23800000000", 0},
    {"03800000000", 0},
    {"1380000000a", 0},
    {"1a800000000", 0},
    {"abcdefghijk", 0},
    {"+8613800000000", 0},
    {"8613800000000", 0},
    {"138 0000 0000", 0},
    {"138-0000-0000", 0},
    {" 13800000000", 0},
    {"13800000000 ", 0},
    {"1380000000\n", 0},
    {"\xEF\xBC\x91\xEF\xBC\x93\xEF\xBC\x98", 0},   /* full-width 138 */
};

START_TEST(test_mobile)
{
    const struct mobile_case *c = &mobiles[_i];
    int rc = cn_mobile_check(c->in);
    if (c->valid) ck_assert_msg(rc == 0, "should accept \"%s\"", c->in);
    else ck_assert_msg(rc != 0, "should refuse \"%s\"", c->in);
}
END_TEST

START_TEST(test_mobile_null)
{
    ck_assert_int_ne(cn_mobile_check(NULL), 0);
}
END_TEST

/* ---- masking ---- */

struct mask_case {
    const char *in, *out;
};

static const struct mask_case id_masks[] = {
    {"110101199003071234", "110***********1234"},
    {"11010519491231002X", "110***********002X"},
    {"11010519491231002x", "110***********002x"},
    {"E12345678", "E1*****78"},          /* passport */
    {"A1234567", "A1****67"},            /* 8: the shortest with 2 + 2 kept */
    {"1234567890123", "12*********23"},
    {"1101011990030712345", "11***************45"},   /* 19: not an ID number */
    {"1234567", "*******"},
    {"AB1", "***"},
    {"X", "*"},
    {"", ""},
    {"护照E1234567", "护照******67"},     /* characters, not bytes */
    {"E123456护照", "E1*****护照"},
};

START_TEST(test_mask_id)
{
    const struct mask_case *c = &id_masks[_i];
    char out[64];
    memset(out, '#', sizeof(out));
    mask_id(c->in, out, sizeof(out));
    ck_assert_str_eq(out, c->out);
}
END_TEST

static const struct mask_case mobile_masks[] = {
    {"13800000000", "138****0000"},
    {"13812345678", "138****5678"},
    {"+8613812345678", "+8**********78"},
    {"12345678", "12****78"},
    {"1234567", "*******"},
    {"", ""},
};

START_TEST(test_mask_mobile)
{
    const struct mask_case *c = &mobile_masks[_i];
    char out[64];
    memset(out, '#', sizeof(out));
    mask_mobile(c->in, out, sizeof(out));
    ck_assert_str_eq(out, c->out);
}
END_TEST

START_TEST(test_mask_small_buffer)
{
    /* too small for the whole number: empty, never a cut-off or raw copy */
    char out[20];
    memset(out, '#', sizeof(out));
    mask_id("110101199003071234", out, 18);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(out[1], '#');
    mask_id("110101199003071234", out, 19);
    ck_assert_str_eq(out, "110***********1234");
    ck_assert_int_eq(out[19], '#');
    memset(out, '#', sizeof(out));
    mask_mobile("13800000000", out, 11);
    ck_assert_str_eq(out, "");
    mask_mobile("13800000000", out, 12);
    ck_assert_str_eq(out, "138****0000");
    /* no room at all: nothing written */
    memset(out, '#', sizeof(out));
    mask_id("110101199003071234", out, 0);
    mask_mobile("13800000000", out, 0);
    ck_assert_int_eq(out[0], '#');
}
END_TEST

START_TEST(test_mask_null)
{
    char out[8] = "#######";
    mask_id(NULL, out, sizeof(out));
    ck_assert_str_eq(out, "");
    strcpy(out, "#######");
    mask_mobile(NULL, out, sizeof(out));
    ck_assert_str_eq(out, "");
    mask_id("1234", NULL, 8);   /* must not crash */
}
END_TEST

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *identity_suite(void)
{
    Suite *s = suite_create("identity");
    TCase *tc = tcase_create("cn_id_check");
    tcase_add_loop_test(tc, test_valid, 0, COUNT(valid));
    tcase_add_test(tc, test_valid_without_info);
    tcase_add_loop_test(tc, test_invalid, 0, COUNT(invalid));
    tcase_add_test(tc, test_null_id);
    tcase_add_test(tc, test_error_codes);
    suite_add_tcase(s, tc);

    tc = tcase_create("cn_mobile_check");
    tcase_add_loop_test(tc, test_mobile, 0, COUNT(mobiles));
    tcase_add_test(tc, test_mobile_null);
    suite_add_tcase(s, tc);

    tc = tcase_create("masking");
    tcase_add_loop_test(tc, test_mask_id, 0, COUNT(id_masks));
    tcase_add_loop_test(tc, test_mask_mobile, 0, COUNT(mobile_masks));
    tcase_add_test(tc, test_mask_small_buffer);
    tcase_add_test(tc, test_mask_null);
    suite_add_tcase(s, tc);
    return s;
}
