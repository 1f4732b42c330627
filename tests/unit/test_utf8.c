/*
 * test_utf8.c - utf8_valid() and utf8_chars().
 *
 * Every Query and Cookie value passes utf8_valid() before a handler sees it,
 * because MariaDB (utf8mb4) rejects invalid text halfway through a write.
 * So the strict RFC 3629 rules are pinned here byte by byte: overlong forms,
 * UTF-16 surrogates, code points past U+10FFFF and truncated sequences are
 * refused, while real text (Chinese, emoji) passes.  utf8_chars() is what
 * the length limits of form fields count, so a Chinese character is one.
 */
#include <string.h>
#include "portal.h"
#include "suites.h"

struct utf8_case {
    const char *what;
    const char *bytes;
    size_t len;
};

#define C(what, lit) { what, lit, sizeof(lit) - 1 }

static const struct utf8_case valid_cases[] = {
    C("empty", ""),
    C("ascii", "hello, world ~!"),
    C("U+0080 lowest 2-byte", "\xC2\x80"),
    C("U+00E9 e-acute", "\xC3\xA9"),
    C("U+07FF highest 2-byte", "\xDF\xBF"),
    C("U+0800 lowest 3-byte", "\xE0\xA0\x80"),
    C("U+20AC euro", "\xE2\x82\xAC"),
    C("U+D7FF just below surrogates", "\xED\x9F\xBF"),
    C("U+E000 just above surrogates", "\xEE\x80\x80"),
    C("U+FFFD replacement char", "\xEF\xBF\xBD"),
    C("U+FFFF highest 3-byte", "\xEF\xBF\xBF"),
    C("U+10000 lowest 4-byte", "\xF0\x90\x80\x80"),
    C("U+1F600 emoji", "\xF0\x9F\x98\x80"),
    C("U+10FFFF highest code point", "\xF4\x8F\xBF\xBF"),
    C("Chinese notice title", "\xE9\x97\xA8\xE8\xAF\x8A\xE6\x97\xB6\xE9\x97\xB4"  /* 门诊时间 */
                              "\xE8\xB0\x83\xE6\x95\xB4"),                          /* 调整 */
    C("Chinese mixed with ascii", "2026" "\xE5\xB9\xB4" "11" "\xE6\x9C\x88"),      /* 2026年11月 */
    C("Chinese full-width punctuation", "\xEF\xBC\x8C\xE3\x80\x82"),                /* ，。 */
    C("sequence at the very end", "abc" "\xE4\xB8\xAD"),
};

static const struct utf8_case invalid_cases[] = {
    /* overlong encodings: a shorter form exists, so these are forbidden */
    C("overlong NUL C0 80", "\xC0\x80"),
    C("overlong '/' C0 AF", "\xC0\xAF"),
    C("overlong C1 BF", "\xC1\xBF"),
    C("overlong 3-byte NUL", "\xE0\x80\x80"),
    C("overlong 3-byte U+07FF", "\xE0\x9F\xBF"),
    C("overlong 3-byte '/'", "\xE0\x80\xAF"),
    C("overlong 4-byte NUL", "\xF0\x80\x80\x80"),
    C("overlong 4-byte U+FFFF", "\xF0\x8F\xBF\xBF"),
    C("overlong 5-byte", "\xF8\x80\x80\x80\xAF"),
    C("overlong 6-byte", "\xFC\x80\x80\x80\x80\xAF"),
    /* UTF-16 surrogates are not characters */
    C("surrogate U+D800", "\xED\xA0\x80"),
    C("surrogate U+DBFF", "\xED\xAF\xBF"),
    C("surrogate U+DC00", "\xED\xB0\x80"),
    C("surrogate U+DFFF", "\xED\xBF\xBF"),
    C("CESU-8 surrogate pair for U+1F600", "\xED\xA0\xBD\xED\xB8\x80"),
    /* past U+10FFFF */
    C("U+110000", "\xF4\x90\x80\x80"),
    C("U+13FFFF", "\xF4\xBF\xBF\xBF"),
    C("lead byte F5", "\xF5\x80\x80\x80"),
    C("lead byte F7", "\xF7\xBF\xBF\xBF"),
    C("byte FE", "\xFE"),
    C("byte FF", "\xFF"),
    /* truncated sequences */
    C("2-byte lead alone", "\xC3"),
    C("3-byte lead plus one", "\xE4\xB8"),
    C("4-byte lead plus two", "\xF0\x9F\x98"),
    C("truncated Chinese at end", "\xE4\xB8\xAD\xE6\x96"),
    C("truncated then ascii", "\xE4\xB8" "A"),
    C("2-byte lead then ascii", "\xC3" "("),
    C("4-byte lead then ascii", "\xF0\x9F\x98" "!"),
    /* stray continuation bytes */
    C("lone continuation 80", "\x80"),
    C("lone continuation BF", "\xBF"),
    C("continuation after ascii", "a\x80" "b"),
    C("one continuation too many", "\xC3\xA9\xA9"),
    C("latin-1 e-acute", "caf\xE9"),
    C("GBK-encoded Chinese", "\xD6\xD0\xCE\xC4"),
};

START_TEST(test_valid)
{
    const struct utf8_case *c = &valid_cases[_i];
    ck_assert_msg(utf8_valid(c->bytes, c->len) == 1, "should be valid: %s", c->what);
}
END_TEST

START_TEST(test_invalid)
{
    const struct utf8_case *c = &invalid_cases[_i];
    ck_assert_msg(utf8_valid(c->bytes, c->len) == 0, "should be invalid: %s", c->what);
}
END_TEST

START_TEST(test_invalid_inside_valid_text)
{
    /* the bad byte is found wherever it is, not only at the start */
    const char s[] = "\xE4\xB8\xAD\xE6\x96\x87" "\xED\xA0\x80" "abc";
    ck_assert_int_eq(utf8_valid(s, sizeof(s) - 1), 0);
    ck_assert_int_eq(utf8_valid(s, 6), 1);
}
END_TEST

START_TEST(test_length_is_respected)
{
    /* only `len` bytes are looked at: a cut through a character is
     * truncation, bytes past the end are not read */
    const char s[] = "\xE4\xB8\xAD\xE6\x96\x87";   /* 中文 */
    ck_assert_int_eq(utf8_valid(s, 6), 1);
    ck_assert_int_eq(utf8_valid(s, 5), 0);
    ck_assert_int_eq(utf8_valid(s, 4), 0);
    ck_assert_int_eq(utf8_valid(s, 3), 1);
    ck_assert_int_eq(utf8_valid(s, 0), 1);
    ck_assert_int_eq(utf8_valid("ok\xFF", 2), 1);
}
END_TEST

START_TEST(test_chars_counts_characters)
{
    ck_assert_int_eq(utf8_chars(""), 0);
    ck_assert_int_eq(utf8_chars("abc"), 3);
    ck_assert_int_eq(utf8_chars("\xC3\xA9"), 1);
    ck_assert_int_eq(utf8_chars("\xE4\xB8\xAD\xE6\x96\x87"), 2);          /* 中文 */
    ck_assert_int_eq(utf8_chars("\xE4\xB8\xAD" "a" "\xE6\x96\x87" "b"), 4);
    ck_assert_int_eq(utf8_chars("\xF0\x9F\x98\x80"), 1);                   /* emoji */
    ck_assert_int_eq(utf8_chars("\xF4\x8F\xBF\xBF"), 1);
}
END_TEST

START_TEST(test_chars_long_chinese_title)
{
    /* a 50-character Chinese title is 150 bytes but 50 characters */
    char title[151];
    for (int i = 0; i < 50; i++) memcpy(title + 3 * i, "\xE9\x80\x9A", 3);   /* 通 */
    title[150] = 0;
    ck_assert_uint_eq(strlen(title), 150);
    ck_assert_int_eq(utf8_valid(title, 150), 1);
    ck_assert_int_eq(utf8_chars(title), 50);
}
END_TEST

Suite *utf8_suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("valid");
    tcase_add_loop_test(tc, test_valid, 0, (int)(sizeof(valid_cases) / sizeof(valid_cases[0])));
    suite_add_tcase(s, tc);
    tc = tcase_create("invalid");
    tcase_add_loop_test(tc, test_invalid, 0, (int)(sizeof(invalid_cases) / sizeof(invalid_cases[0])));
    tcase_add_test(tc, test_invalid_inside_valid_text);
    tcase_add_test(tc, test_length_is_respected);
    suite_add_tcase(s, tc);
    tc = tcase_create("chars");
    tcase_add_test(tc, test_chars_counts_characters);
    tcase_add_test(tc, test_chars_long_chinese_title);
    suite_add_tcase(s, tc);
    return s;
}
