/*
 * test_ics.c - iCalendar output (RFC 5545): text escaping, folding at 75
 * octets without splitting a UTF-8 character, CRLF line ends.  (A real
 * parser, python3-icalendar, reads a whole booking's file in the HTTP
 * tests.)
 */
#include <string.h>
#include <check.h>
#include "ics.h"
#include "suites.h"

START_TEST(text_is_escaped)
{
    STRING s;
    string_init(&s);
    ics_text(&s, "SUMMARY", "a,b;c\\d\ne");
    ck_assert_str_eq(s.buf, "SUMMARY:a\\,b\\;c\\\\d\\ne\r\n");
    string_clear(&s);
}
END_TEST

START_TEST(long_lines_fold_at_75_octets_between_characters)
{
    STRING s;
    string_init(&s);
    char value[400] = "";
    for (int i = 0; i < 60; i++) strcat(value, "门");   /* 3 octets each */
    ics_text(&s, "LOCATION", value);
    /* every physical line is at most 75 octets, continuations start with a space */
    const char *line = s.buf;
    int lines = 0;
    while (*line) {
        const char *end = strstr(line, "\r\n");
        ck_assert_ptr_nonnull(end);
        ck_assert_int_le((int)(end - line), 75);
        if (lines++) ck_assert_int_eq(line[0], ' ');
        /* never ends inside a UTF-8 sequence: the next line starts a character */
        if (end[2]) ck_assert_int_ne((unsigned char)end[3] & 0xC0, 0x80);
        line = end + 2;
    }
    ck_assert_int_gt(lines, 2);
    string_clear(&s);
}
END_TEST

START_TEST(calendar_has_one_event_with_utc_times)
{
    STRING s;
    string_init(&s);
    struct ics_event ev = {"AB12@x", "20261126T000000Z", "20261126T003000Z", "20261125T120000Z",
                           "门诊预约", "门诊楼", "预约号 AB12"};
    ics_calendar(&s, &ev);
    ck_assert_ptr_nonnull(strstr(s.buf, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    ck_assert_ptr_nonnull(strstr(s.buf, "DTSTART:20261126T000000Z\r\n"));
    ck_assert_ptr_nonnull(strstr(s.buf, "UID:AB12@x\r\n"));
    ck_assert_ptr_nonnull(strstr(s.buf, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
    string_clear(&s);
}
END_TEST

Suite *ics_suite(void)
{
    Suite *s = suite_create("ics");
    TCase *tc = tcase_create("ics");
    tcase_add_test(tc, text_is_escaped);
    tcase_add_test(tc, long_lines_fold_at_75_octets_between_characters);
    tcase_add_test(tc, calendar_has_one_event_with_utc_times);
    suite_add_tcase(s, tc);
    return s;
}
