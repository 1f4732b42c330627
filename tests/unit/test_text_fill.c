/*
 * test_text_fill.c - texts from the language file with {name} fields
 * filled: error messages beside fields, the no-show refusal, SMS texts.
 * A field is filled only from the given values, in one pass, so a value
 * typed by a user that happens to contain {name} is shown as typed.
 */
#include <stdlib.h>
#include <string.h>
#include "portal.h"
#include "suites.h"

/* text_fill(tmpl) with the values "k=v" given, as a malloc'd string. */
static char *fill(const char *tmpl, const char *const *pairs)
{
    HDF *vars;
    STRING out;
    ck_assert_ptr_null(hdf_init(&vars));
    for (; pairs && *pairs; pairs += 2) ck_assert_ptr_null(hdf_set_value(vars, pairs[0], pairs[1]));
    string_init(&out);
    text_fill(&out, tmpl, vars);
    char *s = strdup(out.buf ? out.buf : "");
    string_clear(&out);
    hdf_destroy(&vars);
    return s;
}

#define ASSERT_FILLS(tmpl, expected, ...)                              \
    do {                                                               \
        static const char *const pairs_[] = {__VA_ARGS__, NULL};       \
        char *got_ = fill(tmpl, pairs_);                                \
        ck_assert_str_eq(got_, expected);                              \
        free(got_);                                                    \
    } while (0)

START_TEST(fills_every_named_field)
{
    ASSERT_FILLS("因近 {window_days} 天内爽约达 {no_show_limit} 次,暂停至 {until}。",
                 "因近 60 天内爽约达 2 次,暂停至 2026-12-25。",
                 "window_days", "60", "no_show_limit", "2", "until", "2026-12-25");
    ASSERT_FILLS("{label}{label}", "姓名姓名", "label", "姓名");
    ASSERT_FILLS("{a}", "", "a", "");
}
END_TEST

START_TEST(keeps_what_is_not_a_known_field)
{
    ASSERT_FILLS("{unknown} and {label}", "{unknown} and 姓名", "label", "姓名");
    ASSERT_FILLS("{} {Label} {la bel} {label", "{} {Label} {la bel} {label", "label", "x");
    ASSERT_FILLS("tail {", "tail {", "label", "x");
    ASSERT_FILLS("{{label}}", "{x}", "label", "x");
    ASSERT_FILLS("no fields at all", "no fields at all", "label", "x");
}
END_TEST

START_TEST(does_not_fill_a_value_again)
{
    ASSERT_FILLS("{name}: {no}", "{no}: 7XK2", "name", "{no}", "no", "7XK2");
}
END_TEST

START_TEST(without_values_the_text_is_kept)
{
    STRING out;
    string_init(&out);
    text_fill(&out, "{label} 必填", NULL);
    ck_assert_str_eq(out.buf, "{label} 必填");
    string_clear(&out);
}
END_TEST

Suite *text_fill_suite(void)
{
    Suite *s = suite_create("text_fill");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, fills_every_named_field);
    tcase_add_test(tc, keeps_what_is_not_a_known_field);
    tcase_add_test(tc, does_not_fill_a_value_again);
    tcase_add_test(tc, without_values_the_text_is_kept);
    suite_add_tcase(s, tc);
    return s;
}
