/* Working-day deadlines: weekends skipped, the calendar's holidays skipped
 * and its weekend days worked counted, the time kept, bad dates refused. */
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
    ck_assert_int_eq(workdays_add("2026-12-01 10:30:00", 1, NULL, out), 0);
    ck_assert_str_eq(out, "2026-12-02 10:30:00");
    workdays_add("2026-12-04 16:00:00", 1, NULL, out);            /* Friday -> Monday */
    ck_assert_str_eq(out, "2026-12-07 16:00:00");
    workdays_add("2026-12-05 09:00:00", 1, NULL, out);            /* Saturday -> Monday */
    ck_assert_str_eq(out, "2026-12-07 09:00:00");
    workdays_add("2026-12-01 10:00:00", 5, NULL, out);            /* Tuesday -> next Tuesday */
    ck_assert_str_eq(out, "2026-12-08 10:00:00");
    workdays_add("2026-12-31 08:00:00", 1, NULL, out);            /* across the year */
    ck_assert_str_eq(out, "2027-01-01 08:00:00");
    workdays_add("2027-02-26 08:00:00", 1, NULL, out);            /* Friday, February's end */
    ck_assert_str_eq(out, "2027-03-01 08:00:00");
    workdays_add("2026-12-01 10:00:00", 0, NULL, out);
    ck_assert_str_eq(out, "2026-12-01 10:00:00");
    ck_assert_int_eq(workdays_add("soon", 1, NULL, out), -1);
    ck_assert_int_eq(workdays_add("2026-12-01 10:00:00", -1, NULL, out), -1);
}
END_TEST

/* The 2026 National Day holiday as the State Council's notice has it:
 * 1-7 October off, Sunday 20 September and Saturday 10 October worked;
 * 25-27 September the Mid-Autumn Festival. */
static const char *const autumn_days[] = {
    "2026-09-20", "2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02",
    "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-10",
};

START_TEST(holidays)
{
    struct workday_exception days[12];
    static const int working[12] = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    for (int i = 0; i < 12; i++) {
        days[i].day = workdays_daynum(autumn_days[i]);
        days[i].working = working[i];
        ck_assert_int_ge(days[i].day, 0);
    }
    struct workcal cal = {days, 12};
    char out[20];
    ck_assert_int_eq(workdays_daynum("1970-01-02"), 1);
    ck_assert_int_eq(workdays_daynum("2026-02-30"), -1);
    /* filed on the last working day before the holiday: answered after it */
    ck_assert_int_eq(workdays_add("2026-09-30 15:00:00", 1, &cal, out), 0);
    ck_assert_str_eq(out, "2026-10-08 15:00:00");
    /* 5 working days: 8, 9 October, Saturday the 10th worked, 12, 13 */
    workdays_add("2026-09-30 15:00:00", 5, &cal, out);
    ck_assert_str_eq(out, "2026-10-13 15:00:00");
    /* without the calendar the same deadline fell in the holiday */
    workdays_add("2026-09-30 15:00:00", 5, NULL, out);
    ck_assert_str_eq(out, "2026-10-07 15:00:00");
    /* a Saturday filing: Sunday the 20th is worked */
    workdays_add("2026-09-19 10:00:00", 1, &cal, out);
    ck_assert_str_eq(out, "2026-09-20 10:00:00");
    /* Thursday the 24th: Friday the 25th is the Mid-Autumn Festival */
    workdays_add("2026-09-24 10:00:00", 1, &cal, out);
    ck_assert_str_eq(out, "2026-09-28 10:00:00");
    /* exceptions before the start are passed over */
    workdays_add("2026-10-08 10:00:00", 1, &cal, out);
    ck_assert_str_eq(out, "2026-10-09 10:00:00");
    struct workcal empty = {days, 0};
    workdays_add("2026-09-24 10:00:00", 1, &empty, out);
    ck_assert_str_eq(out, "2026-09-25 10:00:00");
}
END_TEST

Suite *workdays_suite(void)
{
    Suite *s = suite_create("workdays");
    TCase *tc = tcase_create("workdays");
    tcase_add_test(tc, weekdays);
    tcase_add_test(tc, deadlines);
    tcase_add_test(tc, holidays);
    suite_add_tcase(s, tc);
    return s;
}
