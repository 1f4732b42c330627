/*
 * test_int.c - parse_int().
 *
 * Integer fields and command-line options go through parse_int(): plain
 * decimal, an optional leading '-', nothing else (no '+', no spaces, no
 * hex, no trailing junk), and only values within [min, max].  Overflow must
 * be refused rather than wrapped or clamped by strtoll().  On refusal the
 * output is left alone.
 */
#include <limits.h>
#include "portal.h"
#include "suites.h"

struct int_case {
    const char *in;
    long long min, max;
    int ok;
    long long want;
};

static const struct int_case cases[] = {
    {"0", 0, 10, 1, 0},
    {"42", 0, 100, 1, 42},
    {"-5", -10, 10, 1, -5},
    {"-0", 0, 10, 1, 0},
    {"00042", 0, 100, 1, 42},
    /* bounds are inclusive */
    {"1", 1, 5, 1, 1},
    {"5", 1, 5, 1, 5},
    {"0", 1, 5, 0, 0},
    {"6", 1, 5, 0, 0},
    {"-11", -10, 10, 0, 0},
    {"1024", 1024, 64LL << 20, 1, 1024},
    {"67108864", 1024, 64LL << 20, 1, 64LL << 20},
    {"67108865", 1024, 64LL << 20, 0, 0},
    /* the widest accepted: 18 digits */
    {"999999999999999999", 0, LLONG_MAX, 1, 999999999999999999LL},
    {"-999999999999999999", LLONG_MIN, 0, 1, -999999999999999999LL},
    /* overflow and 19+ digits are refused, never wrapped or clamped */
    {"9223372036854775807", LLONG_MIN, LLONG_MAX, 0, 0},
    {"9223372036854775808", LLONG_MIN, LLONG_MAX, 0, 0},
    {"-9223372036854775809", LLONG_MIN, LLONG_MAX, 0, 0},
    {"99999999999999999999999999", LLONG_MIN, LLONG_MAX, 0, 0},
    {"0000000000000000000001", LLONG_MIN, LLONG_MAX, 0, 0},
    /* junk */
    {"", LLONG_MIN, LLONG_MAX, 0, 0},
    {"-", LLONG_MIN, LLONG_MAX, 0, 0},
    {"--5", LLONG_MIN, LLONG_MAX, 0, 0},
    {"+5", LLONG_MIN, LLONG_MAX, 0, 0},
    {" 5", LLONG_MIN, LLONG_MAX, 0, 0},
    {"5 ", LLONG_MIN, LLONG_MAX, 0, 0},
    {"- 5", LLONG_MIN, LLONG_MAX, 0, 0},
    {"5a", LLONG_MIN, LLONG_MAX, 0, 0},
    {"a5", LLONG_MIN, LLONG_MAX, 0, 0},
    {"0x10", LLONG_MIN, LLONG_MAX, 0, 0},
    {"1e3", LLONG_MIN, LLONG_MAX, 0, 0},
    {"1.0", LLONG_MIN, LLONG_MAX, 0, 0},
    {"1,000", LLONG_MIN, LLONG_MAX, 0, 0},
    {"5\n", LLONG_MIN, LLONG_MAX, 0, 0},
    {"\t5", LLONG_MIN, LLONG_MAX, 0, 0},
    {"5-", LLONG_MIN, LLONG_MAX, 0, 0},
    {"\xEF\xBC\x95", LLONG_MIN, LLONG_MAX, 0, 0},          /* full-width 5 */
    {"\xD9\xA3", LLONG_MIN, LLONG_MAX, 0, 0},              /* Arabic-Indic 3 */
};

START_TEST(test_case)
{
    const struct int_case *c = &cases[_i];
    long long out = 777;
    int ok = parse_int(c->in, c->min, c->max, &out);
    ck_assert_msg(ok == c->ok, "parse_int(\"%s\", %lld, %lld) = %d", c->in, c->min, c->max, ok);
    if (c->ok)
        ck_assert_int_eq(out, c->want);
    else
        ck_assert_msg(out == 777, "output changed on refusal of \"%s\"", c->in);
}
END_TEST

START_TEST(test_null_is_refused)
{
    long long out = 777;
    ck_assert_int_eq(parse_int(NULL, 0, 10, &out), 0);
    ck_assert_int_eq(out, 777);
}
END_TEST

Suite *int_suite(void)
{
    Suite *s = suite_create("int");
    TCase *tc = tcase_create("parse_int");
    tcase_add_loop_test(tc, test_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
    tcase_add_test(tc, test_null_is_refused);
    suite_add_tcase(s, tc);
    return s;
}
