/*
 * test_text_control.c - text_has_control().
 *
 * Form text must not carry control characters (NUL is already impossible
 * in HDF; ESC, BEL, DEL, backspace and friends are not).  Single-line
 * fields refuse newlines and tabs too; multi-line fields allow exactly
 * \n, \r and \t.  Bytes >= 0x80 are UTF-8 text, never "control", except
 * the invisible characters that reorder or hide text (test_typed_input.c).
 */
#include "portal.h"
#include "suites.h"

START_TEST(test_plain_text_passes)
{
    ck_assert_int_eq(text_has_control("", 0), 0);
    ck_assert_int_eq(text_has_control("Notice 42: open 08:00-17:00", 0), 0);
    ck_assert_int_eq(text_has_control("\xE9\x97\xA8\xE8\xAF\x8A", 0), 0);   /* 门诊 */
    ck_assert_int_eq(text_has_control("\xE3\x80\x80", 0), 0);             /* ideographic space */
    ck_assert_int_eq(text_has_control("~ !\"#$%&'()*+,-./", 0), 0);
}
END_TEST

START_TEST(test_newlines_only_in_multiline)
{
    ck_assert_int_eq(text_has_control("a\nb", 0), 1);
    ck_assert_int_eq(text_has_control("a\nb", 1), 0);
    ck_assert_int_eq(text_has_control("a\r\nb", 0), 1);
    ck_assert_int_eq(text_has_control("a\r\nb", 1), 0);
    ck_assert_int_eq(text_has_control("a\tb", 0), 1);
    ck_assert_int_eq(text_has_control("a\tb", 1), 0);
    ck_assert_int_eq(text_has_control("\n\n\n", 1), 0);
}
END_TEST

START_TEST(test_other_controls_always_refused)
{
    static const char *const bad[] = {
        "\x01", "a\007b", "\x08", "x\x0B", "\x0C", "\x1B[31m", "\x1F", "del\x7F", "end\x7F",
    };
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_msg(text_has_control(bad[i], 0) == 1, "single-line case %u", i);
        ck_assert_msg(text_has_control(bad[i], 1) == 1, "multi-line case %u", i);
    }
}
END_TEST

START_TEST(test_every_c0_byte)
{
    char s[4] = {'a', 0, 'b', 0};
    for (int c = 1; c < 0x20; c++) {
        s[1] = (char)c;
        int allowed_in_multi = c == '\n' || c == '\r' || c == '\t';
        ck_assert_msg(text_has_control(s, 0) == 1, "byte %#x single-line", c);
        ck_assert_msg(text_has_control(s, 1) == !allowed_in_multi, "byte %#x multi-line", c);
    }
    for (int c = 0x20; c < 0x100; c++) {
        s[1] = (char)c;
        ck_assert_msg(text_has_control(s, 0) == (c == 0x7F), "byte %#x", c);
    }
}
END_TEST

Suite *text_control_suite(void)
{
    Suite *s = suite_create("text_control");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_plain_text_passes);
    tcase_add_test(tc, test_newlines_only_in_multiline);
    tcase_add_test(tc, test_other_controls_always_refused);
    tcase_add_test(tc, test_every_c0_byte);
    suite_add_tcase(s, tc);
    return s;
}
