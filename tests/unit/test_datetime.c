/*
 * test_datetime.c - parse_datetime_local().
 *
 * What <input type="datetime-local"> sends ("2026-11-25T08:30", with
 * ":SS" when the browser adds seconds, or a space instead of the T) becomes
 * MariaDB's "YYYY-MM-DD HH:MM:SS".  Anything MariaDB would reject or
 * silently change - 29 February outside leap years, 24:00, 31 April,
 * years outside 2000-2099 - must be refused here instead.
 */
#include <string.h>
#include "portal.h"
#include "suites.h"

struct dt_case {
    const char *in;
    const char *out;   /* NULL: must be refused */
};

static const struct dt_case cases[] = {
    {"2026-11-25T08:30", "2026-11-25 08:30:00"},
    {"2026-11-25 08:30", "2026-11-25 08:30:00"},
    {"2026-11-25T08:30:45", "2026-11-25 08:30:45"},
    {"2026-11-25 08:30:45", "2026-11-25 08:30:45"},
    {"2026-01-01T00:00", "2026-01-01 00:00:00"},
    {"2026-12-31T23:59:59", "2026-12-31 23:59:59"},
    {"2000-01-01T00:00", "2000-01-01 00:00:00"},
    {"2099-12-31T23:59", "2099-12-31 23:59:00"},
    /* leap years: every 4th, 2000 too (divisible by 400) */
    {"2028-02-29T12:00", "2028-02-29 12:00:00"},
    {"2024-02-29T00:00", "2024-02-29 00:00:00"},
    {"2000-02-29T09:15", "2000-02-29 09:15:00"},
    {"2026-02-28T23:59", "2026-02-28 23:59:00"},
    {"2026-04-30T10:00", "2026-04-30 10:00:00"},
    /* refused: calendar */
    {"2026-02-29T10:00", NULL},
    {"2027-02-29T10:00", NULL},
    {"2028-02-30T10:00", NULL},
    {"2026-04-31T10:00", NULL},
    {"2026-06-31T10:00", NULL},
    {"2026-09-31T10:00", NULL},
    {"2026-11-31T10:00", NULL},
    {"2026-01-32T10:00", NULL},
    {"2026-13-01T10:00", NULL},
    {"2026-00-10T10:00", NULL},
    {"2026-11-00T10:00", NULL},
    {"1999-12-31T23:59", NULL},
    {"2100-01-01T00:00", NULL},
    {"0000-01-01T00:00", NULL},
    /* refused: clock */
    {"2026-11-25T24:00", NULL},
    {"2026-11-25T24:00:00", NULL},
    {"2026-11-25T23:60", NULL},
    {"2026-11-25T08:30:60", NULL},
    {"2026-11-25T99:99", NULL},
    /* refused: shape */
    {"", NULL},
    {"2026-11-25", NULL},
    {"2026-11-25T", NULL},
    {"2026-11-25T8:30", NULL},
    {"2026-11-25T08:30:", NULL},
    {"2026-11-25T08:30:5", NULL},
    {"2026-11-25T08:30Z", NULL},
    {"2026-11-25T08:30:00Z", NULL},
    {"2026-11-25T08:30:00.000", NULL},
    {"2026-11-25T08:30+08:00", NULL},
    {"2026-11-25t08:30", NULL},
    {"2026-11-25_08:30", NULL},
    {"2026/11/25T08:30", NULL},
    {"2026-11-25T08.30", NULL},
    {"2026-11-25T08:30.45", NULL},
    {" 2026-11-25T08:30", NULL},
    {"2026-11-25T08:30 ", NULL},
    {"+026-11-25T08:30", NULL},
    {"-026-11-25T08:30", NULL},
    {"20x6-11-25T08:30", NULL},
    {"2026-1a-25T08:30", NULL},
    {"2026-11-2aT08:30", NULL},
    {"2026-11-25T0a:30", NULL},
    {"2026-11-25T08:3a", NULL},
    {"2026-11-25T08:30:4a", NULL},
    {"2026--1-25T08:30", NULL},
    {"2026-11-25T-1:30", NULL},
    {"2026-11-25T08:-1", NULL},
    {"2026-11-25T08:30:-1", NULL},
    {"2026-11-25T 8:30", NULL},
    {"\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x96-11-25", NULL},   /* full-width digits */
};

START_TEST(test_case)
{
    const struct dt_case *c = &cases[_i];
    char out[20];
    memset(out, 'x', sizeof(out));
    int ok = parse_datetime_local(c->in, out);
    if (c->out) {
        ck_assert_msg(ok == 1, "should accept \"%s\"", c->in);
        ck_assert_str_eq(out, c->out);
    } else {
        ck_assert_msg(ok == 0, "should refuse \"%s\"", c->in);
    }
}
END_TEST

START_TEST(test_output_fits_exactly)
{
    /* the output buffer is exactly 20 bytes: 19 characters and the NUL */
    char out[21];
    memset(out, '#', sizeof(out));
    ck_assert_int_eq(parse_datetime_local("2099-12-31T23:59:59", out), 1);
    ck_assert_int_eq(out[19], 0);
    ck_assert_int_eq(out[20], '#');
    ck_assert_uint_eq(strlen(out), 19);
}
END_TEST

Suite *datetime_suite(void)
{
    Suite *s = suite_create("datetime");
    TCase *tc = tcase_create("parse_datetime_local");
    tcase_add_loop_test(tc, test_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
    tcase_add_test(tc, test_output_fits_exactly);
    suite_add_tcase(s, tc);
    return s;
}
