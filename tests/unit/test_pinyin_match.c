/*
 * test_pinyin_match.c - names found by the initials people type: any case,
 * a prefix, another reading of a polyphone; anything but letters is not a
 * query of initials.
 */
#include <check.h>
#include "pinyin_match.h"
#include "suites.h"

static int matches(const char *text, const char *typed)
{
    char q[40];
    return pinyin_query(typed, q, sizeof(q)) && pinyin_prefix_match(text, q);
}

START_TEST(query_is_letters_only)
{
    char q[8];
    ck_assert_int_eq(pinyin_query("SJnk", q, sizeof(q)), 1);
    ck_assert_str_eq(q, "sjnk");
    ck_assert_int_eq(pinyin_query("", q, sizeof(q)), 0);
    ck_assert_int_eq(pinyin_query("头痛", q, sizeof(q)), 0);
    ck_assert_int_eq(pinyin_query("sj 1", q, sizeof(q)), 0);
    ck_assert_int_eq(pinyin_query("abcdefghij", q, sizeof(q)), 0);   /* longer than the buffer */
    ck_assert_int_eq(pinyin_query(NULL, q, sizeof(q)), 0);
}
END_TEST

START_TEST(departments_and_doctors)
{
    ck_assert(matches("神经内科", "sjnk"));
    ck_assert(matches("神经内科", "SJ"));
    ck_assert(matches("耳鼻喉科", "ebhk"));
    ck_assert(matches("儿科", "ek"));
    ck_assert(matches("王建国", "wjg"));
    ck_assert(!matches("王建国", "jg"));      /* a prefix, not anywhere */
    ck_assert(!matches("儿科", "ekx"));
    ck_assert(!matches("", "a"));
}
END_TEST

START_TEST(other_readings_count)
{
    /* 曾 is read zēng as a surname and céng otherwise: both find 曾文 */
    ck_assert(matches("曾文", "zw"));
    ck_assert(matches("曾文", "cw"));
    /* 单 as a surname is shàn */
    ck_assert(matches("单红", "sh") || matches("单红", "dh"));
}
END_TEST

Suite *pinyin_match_suite(void)
{
    Suite *s = suite_create("pinyin_match");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, query_is_letters_only);
    tcase_add_test(tc, departments_and_doctors);
    tcase_add_test(tc, other_readings_count);
    suite_add_tcase(s, tc);
    return s;
}
