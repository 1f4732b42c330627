/*
 * test_pinyin.c - the initials of medical names: the reading a patient
 * would type first (phrases before characters), other readings as
 * alternatives.
 */
#include <string.h>
#include <check.h>
#include "pinyin.h"
#include "suites.h"

static const char *initials(const char *text)
{
    static char out[PINYIN_MAX_CHARS + 1];
    ck_assert_int_ge(pinyin_initials(text, out, sizeof(out)), 0);
    return out;
}

/* Is `want` one of the space-separated alternatives of `text`? */
static int has_alternative(const char *text, const char *want)
{
    char all[4096];
    ck_assert_int_gt(pinyin_initials_all(text, all, sizeof(all), 64), 0);
    size_t n = strlen(want);
    for (const char *p = all; *p;) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !memcmp(p, want, n)) return 1;
        p += len + (end != NULL);
    }
    return 0;
}

START_TEST(plain_names_read_by_their_characters)
{
    ck_assert_str_eq(initials("血常规"), "xcg");
    ck_assert_str_eq(initials("头孢克洛"), "tbkl");
    ck_assert_str_eq(initials("头孢克洛胶囊"), "tbkljn");
    ck_assert_str_eq(initials("阿莫西林"), "amxl");
    ck_assert_str_eq(initials("葡萄糖注射液"), "pttzsy");
    ck_assert_str_eq(initials("心电图"), "xdt");
    ck_assert_str_eq(initials(""), "");
}
END_TEST

START_TEST(polyphones_get_the_reading_people_type)
{
    ck_assert_str_eq(initials("长期医嘱"), "cqyz");     /* cháng, not zhǎng */
    ck_assert_str_eq(initials("重睑术"), "cjs");        /* chóng, not zhòng */
    ck_assert_str_eq(initials("重睑"), "cj");
    ck_assert_str_eq(initials("参麦注射液"), "smzsy");  /* shēn, not cān */
    ck_assert_str_eq(initials("调经丸"), "tjw");        /* tiáo, not diào */
    ck_assert_str_eq(initials("尿常规"), "ncg");
    ck_assert_str_eq(initials("复方丹参片"), "ffdsp");
    ck_assert_str_eq(initials("人参"), "rs");
    ck_assert_str_eq(initials("白术"), "bz");           /* zhú, not shù */
    ck_assert_str_eq(initials("重组人胰岛素"), "czryds");
    ck_assert_str_eq(initials("血栓通"), "xst");
    ck_assert_str_eq(initials("阿胶"), "ej");           /* ē, not ā */
    ck_assert_str_eq(initials("咳嗽糖浆"), "kstj");
}
END_TEST

START_TEST(more_polyphones_of_the_catalogue)
{
    ck_assert_str_eq(initials("血常规（三分类）"), "xcgsfl");
    ck_assert_str_eq(initials("长期医嘱护理"), "cqyzhl");
    ck_assert_str_eq(initials("重睑修复术"), "cjxfs");
    ck_assert_str_eq(initials("参麦注射液"), "smzsy");
    ck_assert_str_eq(initials("调经丸"), "tjw");
    ck_assert_str_eq(initials("参苓白术散"), "slbzs");
    ck_assert_str_eq(initials("党参"), "ds");
    ck_assert_str_eq(initials("苍术"), "cz");
    ck_assert_str_eq(initials("头孢克洛干混悬剂"), "tbklghxj");
    ck_assert_str_eq(initials("重组人干扰素"), "czrgrs");
}
END_TEST

START_TEST(other_readings_are_alternatives)
{
    ck_assert(has_alternative("长期医嘱", "cqyz"));
    ck_assert(has_alternative("长期医嘱", "zqyz"));
    ck_assert(has_alternative("重睑", "zj"));
    ck_assert(has_alternative("参麦", "cm"));
    ck_assert(has_alternative("调经", "dj"));
    ck_assert(!has_alternative("血常规", "abc"));
    char all[256];
    ck_assert_int_gt(pinyin_initials_all("参麦", all, sizeof(all), 8), 1);
    ck_assert(!strncmp(all, "sm ", 3));   /* the natural one first */
}
END_TEST

START_TEST(latin_letters_stay_digits_and_signs_go)
{
    ck_assert_str_eq(initials("维生素C片"), "wsscp");
    ck_assert_str_eq(initials("CT平扫"), "ctps");
    ck_assert_str_eq(initials("0.9%氯化钠注射液"), "lhnzsy");
    ck_assert_str_eq(initials("维生素B12（口服）"), "wssbkf");
}
END_TEST

START_TEST(too_long_or_broken_text_is_safe)
{
    char out[8], big[PINYIN_MAX_CHARS * 3 + 8];
    ck_assert_int_eq(pinyin_initials("头孢克洛胶囊注射液", out, sizeof(out)), -1);
    memset(big, 'a', sizeof(big) - 1);
    big[sizeof(big) - 1] = 0;
    ck_assert_int_eq(pinyin_initials(big, out, sizeof(out)), -1);
    ck_assert_str_eq(initials("\xE8\xA1\x80\xFF\xE5"), "x");   /* 血 then bad bytes */
    char all[64];
    /* many polyphones: bounded by max_variants and by the buffer */
    ck_assert_int_le(pinyin_initials_all("长长长长长长长长长长", all, sizeof(all), 4), 4);
    ck_assert_int_le(pinyin_initials_all("长长长长长长长长长长", all, 24, 100), 2);
}
END_TEST

Suite *pinyin_suite(void)
{
    Suite *s = suite_create("pinyin");
    TCase *tc = tcase_create("pinyin");
    tcase_add_test(tc, plain_names_read_by_their_characters);
    tcase_add_test(tc, polyphones_get_the_reading_people_type);
    tcase_add_test(tc, more_polyphones_of_the_catalogue);
    tcase_add_test(tc, other_readings_are_alternatives);
    tcase_add_test(tc, latin_letters_stay_digits_and_signs_go);
    tcase_add_test(tc, too_long_or_broken_text_is_safe);
    suite_add_tcase(s, tc);
    return s;
}
