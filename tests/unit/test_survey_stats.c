/* The survey statistics: rates and means rounded half up in integers,
 * empty months, month arithmetic, the chart's bars. */
#include <string.h>
#include "suites.h"
#include "../../cgi/surveys/surveys.h"

START_TEST(rates_round_half_up)
{
    ck_assert_int_eq(stats_rate_permille(0, 0), -1);          /* no answers: no rate */
    ck_assert_int_eq(stats_rate_permille(3, 4), 750);
    ck_assert_int_eq(stats_rate_permille(2, 3), 667);         /* 666.67 */
    ck_assert_int_eq(stats_rate_permille(1, 3), 333);         /* 333.33 */
    ck_assert_int_eq(stats_rate_permille(1, 8), 125);
    ck_assert_int_eq(stats_rate_permille(1, 16), 63);         /* 62.5 -> 63 */
    ck_assert_int_eq(stats_rate_permille(5, 5), 1000);
    ck_assert_int_eq(stats_rate_permille(6, 5), -1);          /* impossible */
    ck_assert_int_eq(stats_rate_permille(99999, 100000), 1000);
    ck_assert_int_eq(stats_rate_permille(99949, 100000), 999);
}
END_TEST

START_TEST(means_in_hundredths)
{
    ck_assert_int_eq(stats_mean_x100(0, 0), -1);
    ck_assert_int_eq(stats_mean_x100(13, 3), 433);            /* 4.333 */
    ck_assert_int_eq(stats_mean_x100(14, 3), 467);            /* 4.667 */
    ck_assert_int_eq(stats_mean_x100(9, 2), 450);
    ck_assert_int_eq(stats_mean_x100(1, 8), 13);              /* 0.125 -> 0.13 */
    ck_assert_int_eq(stats_mean_x100(500000ULL, 100000ULL), 500);
    /* large counts do not overflow */
    ck_assert_int_eq(stats_mean_x100(4000000000ULL * 4, 4000000000ULL), 400);
}
END_TEST

START_TEST(texts)
{
    char b[16];
    stats_permille_text(875, b, sizeof(b)); ck_assert_str_eq(b, "87.5%");
    stats_permille_text(1000, b, sizeof(b)); ck_assert_str_eq(b, "100.0%");
    stats_permille_text(0, b, sizeof(b)); ck_assert_str_eq(b, "0.0%");
    stats_permille_text(-1, b, sizeof(b)); ck_assert_str_eq(b, "—");
    stats_x100_text(427, b, sizeof(b)); ck_assert_str_eq(b, "4.27");
    stats_x100_text(405, b, sizeof(b)); ck_assert_str_eq(b, "4.05");
    stats_x100_text(-1, b, sizeof(b)); ck_assert_str_eq(b, "—");
}
END_TEST

START_TEST(months)
{
    char m[8];
    ck_assert_int_eq(stats_month_add("2026-11", 2, m), 0); ck_assert_str_eq(m, "2027-01");
    ck_assert_int_eq(stats_month_add("2026-01", -1, m), 0); ck_assert_str_eq(m, "2025-12");
    ck_assert_int_eq(stats_month_add("2026-13", 0, m), -1);
    ck_assert_int_eq(stats_month_add("20x6-01", 0, m), -1);
    ck_assert_int_eq(stats_month_span("2026-06", "2026-11"), 6);
    ck_assert_int_eq(stats_month_span("2025-12", "2026-01"), 2);
    ck_assert_int_eq(stats_month_span("2026-11", "2026-06"), 0);
    ck_assert_int_eq(stats_month_span("bad", "2026-06"), 0);
}
END_TEST

START_TEST(chart_shows_empty_months)
{
    struct stats_point p[3] = {{"2026-09", 900, 10}, {"2026-10", -1, 0}, {"2026-11", 500, 2}};
    STRING s;
    string_init(&s);
    stats_trend_svg(&s, "trend-title", p, 3);
    ck_assert_ptr_nonnull(strstr(s.buf, "aria-labelledby=\"trend-title\""));
    ck_assert_ptr_nonnull(strstr(s.buf, ">90.0%<"));
    ck_assert_ptr_nonnull(strstr(s.buf, ">—<"));
    ck_assert_ptr_nonnull(strstr(s.buf, ">50.0%<"));
    int bars = 0;
    for (const char *q = s.buf; (q = strstr(q, "<rect")); q++) bars++;
    ck_assert_int_eq(bars, 2);                                 /* no bar for the empty month */
    ck_assert_ptr_nonnull(strstr(s.buf, "height=\"135\""));    /* 90 % of 150 */
    string_clear(&s);
}
END_TEST

Suite *survey_stats_suite(void)
{
    Suite *s = suite_create("survey_stats");
    TCase *tc = tcase_create("stats");
    tcase_add_test(tc, rates_round_half_up);
    tcase_add_test(tc, means_in_hundredths);
    tcase_add_test(tc, texts);
    tcase_add_test(tc, months);
    tcase_add_test(tc, chart_shows_empty_months);
    suite_add_tcase(s, tc);
    return s;
}
