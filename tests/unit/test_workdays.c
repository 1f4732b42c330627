/* Working-day deadlines: weekends skipped, the time kept, bad dates refused. */
#include "suites.h"
#include "../../cgi/core/workdays.h"

START_TEST(weekdays)
{
    ck_assert_int_eq(workdays_weekday("2026-12-01"), 1);   /* a Tuesday */
    ck_assert_int_eq(workdays_weekday("2026-12-05"), 5);   /* Saturday */
    ck_assert_int_eq(workdays_weekday("2024-02-29"), 3);
    ck_assert_int_eq(workdays_weekday("2026-02-29"), -1);
    ck_assert_int_eq(workdays_weekday("2026-13-01"), -1);
}
END_TEST

START_TEST(deadlines)
{
    char out[20];
    ck_assert_int_eq(workdays_add("2026-12-01 10:30:00", 1, out), 0);
    ck_assert_str_eq(out, "2026-12-02 10:30:00");
    workdays_add("2026-12-04 16:00:00", 1, out);            /* Friday -> Monday */
    ck_assert_str_eq(out, "2026-12-07 16:00:00");
    workdays_add("2026-12-05 09:00:00", 1, out);            /* Saturday -> Monday */
    ck_assert_str_eq(out, "2026-12-07 09:00:00");
    workdays_add("2026-12-01 10:00:00", 5, out);            /* Tuesday -> next Tuesday */
    ck_assert_str_eq(out, "2026-12-08 10:00:00");
    workdays_add("2026-12-31 08:00:00", 1, out);            /* across the year */
    ck_assert_str_eq(out, "2027-01-01 08:00:00");
    workdays_add("2027-02-26 08:00:00", 1, out);            /* Friday, February's end */
    ck_assert_str_eq(out, "2027-03-01 08:00:00");
    workdays_add("2026-12-01 10:00:00", 0, out);
    ck_assert_str_eq(out, "2026-12-01 10:00:00");
    ck_assert_int_eq(workdays_add("soon", 1, out), -1);
    ck_assert_int_eq(workdays_add("2026-12-01 10:00:00", -1, out), -1);
}
END_TEST

Suite *workdays_suite(void)
{
    Suite *s = suite_create("workdays");
    TCase *tc = tcase_create("workdays");
    tcase_add_test(tc, weekdays);
    tcase_add_test(tc, deadlines);
    suite_add_tcase(s, tc);
    return s;
}
