/*
 * test_hl7.c - the HL7 v2 parser (cgi/core/hl7.c): separators from MSH-1
 * and MSH-2, fields, repetitions, components, sub-components, every escape,
 * segment ends, streams (BOM, MLLP, batches, several messages), the
 * versions real systems send, and each malformed case refused with the
 * segment and field named.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "portal.h"
#include "hl7.h"
#include "suites.h"

static struct hl7_message msg;

#define MSH25 "MSH|^~\\&|LIS|LAB|PORTAL|HOSP|20261201083000||ORU^R01^ORU_R01|MSG0001|P|2.5.1|||||CHN|UNICODE UTF-8"

static int parse(const char *text)
{
    return hl7_parse(text, strlen(text), &msg);
}

static const char *get(int seg, int field, int rep, int comp, int sub)
{
    static char out[512];
    ck_assert_int_ge(hl7_get(&msg, seg, field, rep, comp, sub, out, sizeof(out)), 0);
    return out;
}

START_TEST(test_msh_fields_numbered_from_separator)
{
    ck_assert_int_eq(parse(MSH25 "\r"), 0);
    ck_assert_int_eq(msg.count, 1);
    ck_assert_str_eq(get(0, 1, 0, 0, 0), "|");
    ck_assert_str_eq(get(0, 2, 0, 0, 0), "^~\\&");
    ck_assert_str_eq(get(0, 3, 0, 0, 0), "LIS");
    ck_assert_str_eq(get(0, 9, 0, 1, 0), "ORU");
    ck_assert_str_eq(get(0, 9, 0, 2, 0), "R01");
    ck_assert_str_eq(get(0, 10, 0, 0, 0), "MSG0001");
    ck_assert_str_eq(get(0, 12, 0, 0, 0), "2.5.1");
    ck_assert_str_eq(get(0, 18, 0, 0, 0), "UNICODE UTF-8");
    ck_assert_str_eq(get(0, 40, 0, 0, 0), "");
}
END_TEST

START_TEST(test_other_separators)
{
    ck_assert_int_eq(parse("MSH#@*!$#LIS######ORU@R01#1#P#2.3\rOBX#1#NM#WBC@白细胞##5.2*6.1\r"), 0);
    ck_assert_int_eq(msg.sep.field, '#');
    ck_assert_int_eq(msg.sep.component, '@');
    ck_assert_int_eq(msg.sep.repetition, '*');
    ck_assert_int_eq(msg.sep.escape, '!');
    ck_assert_int_eq(msg.sep.subcomponent, '$');
    ck_assert_str_eq(get(1, 3, 0, 2, 0), "白细胞");
    ck_assert_str_eq(get(1, 5, 1, 0, 0), "6.1");
    ck_assert_int_eq(hl7_repetitions(&msg, 1, 5), 2);
}
END_TEST

START_TEST(test_five_encoding_characters)
{
    ck_assert_int_eq(parse("MSH|^~\\&#|A||||||ORU^R01|1|P|2.5.1\rNTE|1||a\\P\\b\r"), 0);
    ck_assert_int_eq(msg.sep.truncation, '#');
    ck_assert_str_eq(get(1, 3, 0, 0, 0), "a#b");
}
END_TEST

START_TEST(test_components_subcomponents_repetitions)
{
    ck_assert_int_eq(parse(MSH25 "\rPID|1||P001^^^HOSP^MR~ID123^^^CHN^NNCHN||王^小明||19800512|M|||路&100号^^北京\r"), 0);
    ck_assert_int_eq(hl7_find(&msg, "PID", 0), 1);
    ck_assert_str_eq(get(1, 3, 0, 1, 0), "P001");
    ck_assert_str_eq(get(1, 3, 0, 4, 0), "HOSP");
    ck_assert_str_eq(get(1, 3, 1, 1, 0), "ID123");
    ck_assert_str_eq(get(1, 3, 1, 5, 0), "NNCHN");
    ck_assert_str_eq(get(1, 3, 2, 1, 0), "");
    ck_assert_str_eq(get(1, 5, 0, 1, 0), "王");
    ck_assert_str_eq(get(1, 5, 0, 2, 0), "小明");
    ck_assert_str_eq(get(1, 11, 0, 1, 1), "路");
    ck_assert_str_eq(get(1, 11, 0, 1, 2), "100号");
    ck_assert_str_eq(get(1, 11, 0, 1, 3), "");
    ck_assert_str_eq(get(1, 11, 0, 3, 0), "北京");
    ck_assert_int_eq(hl7_repetitions(&msg, 1, 3), 2);
    ck_assert_int_eq(hl7_repetitions(&msg, 1, 4), 0);
}
END_TEST

START_TEST(test_every_escape)
{
    ck_assert_int_eq(parse(MSH25 "\rNTE|1||a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\r"), 0);
    ck_assert_str_eq(get(1, 3, 0, 0, 0), "a|b^c&d~e\\f");
    ck_assert_int_eq(parse(MSH25 "\rNTE|1||第一行\\.br\\第二行\r"), 0);
    ck_assert_str_eq(get(1, 3, 0, 0, 0), "第一行\n第二行");
    ck_assert_int_eq(parse(MSH25 "\rNTE|1||\\H\\危急值\\N\\ 已通知\r"), 0);
    ck_assert_str_eq(get(1, 3, 0, 0, 0), "危急值 已通知");
    ck_assert_int_eq(parse(MSH25 "\rNTE|1||\\X41\\\\XE5BC82\\\r"), 0);
    ck_assert_str_eq(get(1, 3, 0, 0, 0), "A异");
    /* escaped separators do not split */
    ck_assert_int_eq(parse(MSH25 "\rOBX|1|ST|X^Y||1\\S\\2\r"), 0);
    ck_assert_str_eq(get(1, 5, 0, 1, 0), "1^2");
}
END_TEST

START_TEST(test_bad_escapes_refused)
{
    char out[64];
    ck_assert_int_eq(parse(MSH25 "\rNTE|1||open \\F\r"), 0);
    ck_assert_int_eq(hl7_get(&msg, 1, 3, 0, 0, 0, out, sizeof(out)), -1);
    ck_assert_int_eq(parse(MSH25 "\rNTE|1||\\XG1\\\r"), 0);
    ck_assert_int_eq(hl7_get(&msg, 1, 3, 0, 0, 0, out, sizeof(out)), -1);
    ck_assert_int_eq(parse(MSH25 "\rNTE|1||\\X00\\\r"), 0);
    ck_assert_int_eq(hl7_get(&msg, 1, 3, 0, 0, 0, out, sizeof(out)), -1);
    ck_assert_int_eq(parse(MSH25 "\rNTE|1||0123456789\r"), 0);
    ck_assert_int_eq(hl7_get(&msg, 1, 3, 0, 0, 0, out, 5), -1);   /* does not fit */
}
END_TEST

START_TEST(test_segment_ends)
{
    static const char *ends[] = {"\r", "\n", "\r\n"};
    for (int i = 0; i < 3; i++) {
        char text[512];
        snprintf(text, sizeof(text), MSH25 "%sPID|1||P1%sOBR|1%sOBX|1|NM|A||1%s", ends[i], ends[i], ends[i], ends[i]);
        ck_assert_int_eq(parse(text), 0);
        ck_assert_int_eq(msg.count, 4);
        ck_assert_str_eq(msg.segments[3].name, "OBX");
        ck_assert_str_eq(get(3, 5, 0, 0, 0), "1");
    }
    ck_assert_int_eq(parse(MSH25 "\rOBX|1|NM|A||7"), 0);   /* no final terminator */
    ck_assert_str_eq(get(1, 5, 0, 0, 0), "7");
}
END_TEST

START_TEST(test_versions)
{
    static const char *versions[] = {"2.2", "2.3", "2.3.1", "2.4", "2.5", "2.5.1"};
    for (int i = 0; i < 6; i++) {
        char text[256];
        snprintf(text, sizeof(text), "MSH|^~\\&|LIS||||200601010800||ORU^R01|C%d|P|%s\rPID|||1\r", i, versions[i]);
        ck_assert_int_eq(parse(text), 0);
    }
    ck_assert_int_eq(parse("MSH|^~\\&|LIS||||200601010800||ORU^R01|C1|P|3.0\r"), -1);
    ck_assert_int_eq(msg.error.field, 12);
    ck_assert_int_eq(msg.error.code, 203);
}
END_TEST

START_TEST(test_charsets)
{
    ck_assert_int_eq(parse("MSH|^~\\&|A||||||ORU^R01|1|P|2.4||||||ASCII\r"), 0);
    ck_assert_int_eq(parse("MSH|^~\\&|A||||||ORU^R01|1|P|2.4||||||GB 18030-2000\r"), -1);
    ck_assert_str_eq(msg.error.segment, "MSH");
    ck_assert_int_eq(msg.error.field, 18);
    /* GB2312 bytes (检验科 in EUC-CN) with MSH-18 saying so: refused by
     * MSH-18, naming the character set, not only as bytes that are wrong */
    ck_assert_int_eq(parse("MSH|^~\\&|A|\xbc\xec\xd1\xe9\xbf\xc6|||||ORU^R01|1|P|2.4||||||GB2312\r"), -1);
    ck_assert_str_eq(msg.error.segment, "MSH");
    ck_assert_int_eq(msg.error.field, 18);
    ck_assert_ptr_nonnull(strstr(msg.error.text, "GB2312"));
    /* the same bytes saying nothing, or saying UTF-8: the bytes are wrong */
    ck_assert_int_eq(parse("MSH|^~\\&|A|\xbc\xec\xd1\xe9\xbf\xc6|||||ORU^R01|1|P|2.4\r"), -1);
    ck_assert_int_eq(msg.error.field, 0);
    ck_assert_ptr_nonnull(strstr(msg.error.text, "not UTF-8"));
    ck_assert_int_eq(parse("MSH|^~\\&|A|\xbc\xec|||||ORU^R01|1|P|2.4||||||UNICODE UTF-8\r"), -1);
    ck_assert_int_eq(msg.error.field, 0);
    /* MSH-18 itself not ASCII: not read as a character set */
    ck_assert_int_eq(parse("MSH|^~\\&|A||||||ORU^R01|1|P|2.4||||||\xbc\xec\r"), -1);
    ck_assert_int_eq(msg.error.field, 0);
}
END_TEST

static void refused(const char *text, const char *segment, int field)
{
    ck_assert_int_eq(hl7_parse(text, strlen(text), &msg), -1);
    ck_assert_str_eq(msg.error.segment, segment);
    ck_assert_int_eq(msg.error.field, field);
    ck_assert_int_ne(msg.error.code, 0);
    ck_assert_int_gt(strlen(msg.error.text), 0);
}

START_TEST(test_malformed_refused)
{
    refused("", "MSH", 0);
    refused("PID|1||P1\r", "MSH", 0);
    refused("MSH|^~\rPID|1\r", "MSH", 2);
    refused("MSH|^~\\|A||||||ORU^R01|1|P|2.5\r", "MSH", 2);   /* three characters then | */
    refused("MSH|^^\\&|A||||||ORU^R01|1|P|2.5\r", "MSH", 2);  /* not distinct */
    refused("MSHa^~\\&a\r", "MSH", 1);
    refused(MSH25 "\rOB\r", "OB", 0);                          /* truncated segment */
    refused(MSH25 "\robx|1\r", "obx", 0);
    refused(MSH25 "\rOBXX|1\r", "OBX", 0);
    refused("MSH|^~\\&|A||||||ORU^R01||P|2.5\r", "MSH", 10);
    refused("MSH|^~\\&|A|||||||1|P|2.5\r", "MSH", 9);
    refused(MSH25 "\r" MSH25 "\r", "MSH", 0);
    const char bad_utf8[] = MSH25 "\rPID|||\xff\xfe\r";
    refused(bad_utf8, "", 0);
}
END_TEST

START_TEST(test_field_over_64k_refused)
{
    size_t n = HL7_MAX_FIELD + 100;
    char *text = malloc(n + 200);
    int k = snprintf(text, 200, MSH25 "\rNTE|1||");
    memset(text + k, 'x', HL7_MAX_FIELD + 1);
    text[k + HL7_MAX_FIELD + 1] = 0;
    ck_assert_int_eq(hl7_parse(text, strlen(text), &msg), -1);
    ck_assert_str_eq(msg.error.segment, "NTE");
    ck_assert_int_eq(msg.error.field, 3);
    free(text);
}
END_TEST

START_TEST(test_nul_byte_refused)
{
    const char text[] = MSH25 "\rPID|1\0x\r";
    ck_assert_int_eq(hl7_parse(text, sizeof(text) - 1, &msg), -1);
}
END_TEST

/* hl7_next over a stream: each message's bytes, in order */
static int split(const char *stream, size_t size, char out[][256], int max)
{
    size_t pos = 0, len;
    const char *start;
    int n = 0;
    while (n < max && hl7_next(stream, size, &pos, &start, &len)) {
        ck_assert_uint_lt(len, 256);
        memcpy(out[n], start, len);
        out[n][len] = 0;
        n++;
    }
    return n;
}

START_TEST(test_stream_several_messages_bom)
{
    const char s[] = "\xef\xbb\xbf" "MSH|^~\\&|A||||||ORU^R01|1|P|2.5\rPID|1\r"
                     "MSH|^~\\&|A||||||ORU^R01|2|P|2.5\nPID|2\n\n";
    char out[4][256];
    ck_assert_int_eq(split(s, sizeof(s) - 1, out, 4), 2);
    ck_assert_str_eq(out[0], "MSH|^~\\&|A||||||ORU^R01|1|P|2.5\rPID|1");
    ck_assert_str_eq(out[1], "MSH|^~\\&|A||||||ORU^R01|2|P|2.5\nPID|2");
}
END_TEST

START_TEST(test_stream_mllp)
{
    const char s[] = "\x0bMSH|^~\\&|A||||||ORU^R01|1|P|2.5\rPID|1\r\x1c\r"
                     "\x0bMSH|^~\\&|A||||||ORU^R01|2|P|2.5\rPID|2\r\x1c\r";
    char out[4][256];
    ck_assert_int_eq(split(s, sizeof(s) - 1, out, 4), 2);
    ck_assert_str_eq(out[1], "MSH|^~\\&|A||||||ORU^R01|2|P|2.5\rPID|2");
    ck_assert_int_eq(hl7_parse(out[1], strlen(out[1]), &msg), 0);
}
END_TEST

START_TEST(test_stream_batch)
{
    const char s[] = "FHS|^~\\&|LIS\rBHS|^~\\&|LIS\r"
                     "MSH|^~\\&|A||||||ORU^R01|1|P|2.5\rPID|1\r"
                     "MSH|^~\\&|A||||||ORU^R01|2|P|2.5\rPID|2\r"
                     "BTS|2\rFTS|1\r";
    char out[4][256];
    ck_assert_int_eq(split(s, sizeof(s) - 1, out, 4), 2);
    ck_assert_str_eq(out[0], "MSH|^~\\&|A||||||ORU^R01|1|P|2.5\rPID|1");
    ck_assert_str_eq(out[1], "MSH|^~\\&|A||||||ORU^R01|2|P|2.5\rPID|2");
}
END_TEST

START_TEST(test_stream_empty)
{
    char out[1][256];
    ck_assert_int_eq(split("\r\n\x1c\r", 4, out, 1), 0);
    ck_assert_int_eq(split("", 0, out, 1), 0);
}
END_TEST

START_TEST(test_out_of_range_lookups_are_empty)
{
    const char *p;
    ck_assert_int_eq(parse(MSH25 "\rPID|1\r"), 0);
    ck_assert_uint_eq(hl7_raw(&msg, 5, 1, 0, 0, 0, &p), 0);
    ck_assert_uint_eq(hl7_raw(&msg, -1, 1, 0, 0, 0, &p), 0);
    ck_assert_uint_eq(hl7_raw(&msg, 1, 0, 0, 0, 0, &p), 0);
    ck_assert_uint_eq(hl7_raw(&msg, 1, 99, 3, 4, 5, &p), 0);
    ck_assert_str_eq(p, "");
    ck_assert_int_eq(hl7_find(&msg, "OBX", 0), -1);
}
END_TEST

Suite *hl7_suite(void)
{
    Suite *s = suite_create("hl7");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, test_msh_fields_numbered_from_separator);
    tcase_add_test(tc, test_other_separators);
    tcase_add_test(tc, test_five_encoding_characters);
    tcase_add_test(tc, test_components_subcomponents_repetitions);
    tcase_add_test(tc, test_every_escape);
    tcase_add_test(tc, test_bad_escapes_refused);
    tcase_add_test(tc, test_segment_ends);
    tcase_add_test(tc, test_versions);
    tcase_add_test(tc, test_charsets);
    tcase_add_test(tc, test_malformed_refused);
    tcase_add_test(tc, test_field_over_64k_refused);
    tcase_add_test(tc, test_nul_byte_refused);
    tcase_add_test(tc, test_out_of_range_lookups_are_empty);
    suite_add_tcase(s, tc);
    TCase *st = tcase_create("stream");
    tcase_add_test(st, test_stream_several_messages_bom);
    tcase_add_test(st, test_stream_mllp);
    tcase_add_test(st, test_stream_batch);
    tcase_add_test(st, test_stream_empty);
    suite_add_tcase(s, st);
    return s;
}
