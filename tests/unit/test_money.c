/*
 * test_money.c - yuan typed by people into exact fen, and dates.
 */
#include <check.h>
#include "portal.h"
#include "suites.h"

START_TEST(yuan_becomes_fen_exactly)
{
    long long fen = -1;
    ck_assert(money_parse_yuan("30", &fen) && fen == 3000);
    ck_assert(money_parse_yuan("30.5", &fen) && fen == 3050);
    ck_assert(money_parse_yuan("30.05", &fen) && fen == 3005);
    ck_assert(money_parse_yuan("0.01", &fen) && fen == 1);
    ck_assert(money_parse_yuan("0", &fen) && fen == 0);
    ck_assert(money_parse_yuan("10000000", &fen) && fen == 1000000000LL);
    /* 0.1 + 0.2 style float errors cannot happen: 0.29 is 29 fen */
    ck_assert(money_parse_yuan("0.29", &fen) && fen == 29);
}
END_TEST

START_TEST(bad_amounts_are_refused)
{
    long long fen;
    const char *bad[] = {"", "-1", "+1", "1.", ".5", "1.234", "1,5", "1e3", " 1", "1 ", "abc",
                         "10000000.01", "123456789", "１", NULL};
    for (int i = 0; bad[i]; i++) ck_assert_msg(!money_parse_yuan(bad[i], &fen), "accepted %s", bad[i]);
}
END_TEST

START_TEST(dates)
{
    char out[11];
    ck_assert(parse_date("2028-02-29", out));
    ck_assert_str_eq(out, "2028-02-29");
    ck_assert(!parse_date("2027-02-29", out));
    ck_assert(!parse_date("2026-13-01", out));
    ck_assert(!parse_date("2026-1-01", out));
    ck_assert(!parse_date("2026-01-01T", out));
}
END_TEST

Suite *money_suite(void)
{
    Suite *s = suite_create("money");
    TCase *tc = tcase_create("money");
    tcase_add_test(tc, yuan_becomes_fen_exactly);
    tcase_add_test(tc, bad_amounts_are_refused);
    tcase_add_test(tc, dates);
    suite_add_tcase(s, tc);
    return s;
}
