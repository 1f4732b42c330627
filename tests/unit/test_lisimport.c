/*
 * test_lisimport.c - the HL7 acknowledgement of an import (lisimport.c):
 * the MSH fields echoed from what was received (also from a message that
 * could not be parsed), MSA-1 AA / AE / AR, the ERR segment naming the
 * segment and field in both the v2.3 (ERR-1) and v2.5 (ERR-2/3/4) places,
 * received text escaped so it cannot break the ACK's fields or segments;
 * and the names masked on the report (reports_mask_name).
 */
#include <string.h>
#include "portal.h"
#include "lisimport.h"
#include "../../cgi/reports/reports.h"
#include "suites.h"

static const char MSG[] = "MSH|^~\\&|LIS^x|检验科|PORTAL|市一院|20261201093000||ORU^R01|CTL-7|P|2.5.1\rOBR|1\r";

START_TEST(test_msh_fields)
{
    struct lis_outcome o;
    memset(&o, 0, sizeof(o));
    lis_msh(MSG, strlen(MSG), &o);
    ck_assert_str_eq(o.msh_app, "LIS");
    ck_assert_str_eq(o.msh_facility, "检验科");
    ck_assert_str_eq(o.msh_to_app, "PORTAL");
    ck_assert_str_eq(o.control_id, "CTL-7");
    ck_assert_str_eq(o.msh_processing, "P");
    ck_assert_str_eq(o.msh_version, "2.5.1");
    /* other separators, declared in MSH-1/MSH-2 */
    static const char other[] = "MSH#@!$%#A#F#####M@R#X9#D#2.3\r";
    memset(&o, 0, sizeof(o));
    lis_msh(other, strlen(other), &o);
    ck_assert_str_eq(o.msh_app, "A");
    ck_assert_str_eq(o.control_id, "X9");
    ck_assert_str_eq(o.msh_version, "2.3");
    /* not HL7, or cut short: nothing read, nothing past the end */
    memset(&o, 0, sizeof(o));
    lis_msh("hello", 5, &o);
    ck_assert_str_eq(o.control_id, "");
    lis_msh("MSH|^~\\&|A", 10, &o);
    ck_assert_str_eq(o.msh_app, "A");
    ck_assert_str_eq(o.control_id, "");
}
END_TEST

START_TEST(test_ack_accepted)
{
    struct lis_outcome o;
    char ack[4096];
    memset(&o, 0, sizeof(o));
    lis_msh(MSG, strlen(MSG), &o);
    o.state = LIS_DUPLICATE;
    size_t n = lis_ack(&o, "20261201100000", "A1", ack, sizeof(ack));
    ck_assert_uint_eq(n, strlen(ack));
    ck_assert_str_eq(ack, "MSH|^~\\&|PORTAL|市一院|LIS|检验科|20261201100000||ACK^R01^ACK|A1|P|2.5.1\r"
                          "MSA|AA|CTL-7\r");
}
END_TEST

START_TEST(test_ack_refused_names_segment_and_field)
{
    struct lis_outcome o;
    char ack[4096];
    memset(&o, 0, sizeof(o));
    lis_msh(MSG, strlen(MSG), &o);
    o.state = LIS_REFUSED;
    strcpy(o.error.segment, "OBX");
    o.error.segment_index = 3;
    o.error.field = 2;
    o.error.code = 101;
    strcpy(o.error.text, "OBX-2 | missing ^ & ~ \\ \r\n");
    lis_ack(&o, "20261201100000", "A2", ack, sizeof(ack));
    ck_assert_ptr_nonnull(strstr(ack, "\rMSA|AE|CTL-7|OBX-2 \\F\\ missing \\S\\ \\T\\ \\R\\ \\E\\ \rERR|"));
    ck_assert_ptr_nonnull(strstr(ack, "\rERR|OBX^3^2^101&OBX-2 \\F\\ missing"));
    ck_assert_ptr_nonnull(strstr(ack, "&HL70357|OBX^3^2|101^OBX-2"));
    ck_assert_ptr_nonnull(strstr(ack, "^HL70357|E||||OBX-2"));
    ck_assert_ptr_null(strchr(ack, '\n'));
    /* three segments, each ended by CR */
    int segments = 0;
    for (const char *p = ack; *p; p++) segments += *p == '\r';
    ck_assert_int_eq(segments, 3);
    o.rejected = 1;
    lis_ack(&o, "20261201100000", "A3", ack, sizeof(ack));
    ck_assert_ptr_nonnull(strstr(ack, "\rMSA|AR|CTL-7|"));
    o.state = LIS_FAILED;
    o.rejected = 0;
    lis_ack(&o, "20261201100000", "A4", ack, sizeof(ack));
    ck_assert_ptr_nonnull(strstr(ack, "\rMSA|AE|CTL-7|database unavailable"));
    ck_assert_ptr_nonnull(strstr(ack, "^207&"));
}
END_TEST

START_TEST(test_ack_from_nothing)
{
    struct lis_outcome o;
    char ack[64];
    memset(&o, 0, sizeof(o));
    o.state = LIS_REFUSED;
    o.rejected = 1;
    strcpy(o.error.text, "no MSH segment at the start of the message, and a long text to be cut");
    size_t n = lis_ack(&o, "20261201100000", "A5", ack, sizeof(ack));
    ck_assert_uint_eq(n, sizeof(ack) - 1);   /* cut to the buffer, NUL-terminated */
    ck_assert_int_eq(strncmp(ack, "MSH|^~\\&|PORTAL|||", 18), 0);
}
END_TEST

START_TEST(test_mask_name)
{
    char out[64];
    reports_mask_name("王小明", out, sizeof(out));
    ck_assert_str_eq(out, "王*明");
    reports_mask_name("李红", out, sizeof(out));
    ck_assert_str_eq(out, "李*");
    reports_mask_name("欧阳小锋", out, sizeof(out));
    ck_assert_str_eq(out, "欧**锋");
    reports_mask_name("张", out, sizeof(out));
    ck_assert_str_eq(out, "张");
    reports_mask_name("Mary Ann", out, sizeof(out));
    ck_assert_str_eq(out, "M******n");
    reports_mask_name("", out, sizeof(out));
    ck_assert_str_eq(out, "");
    char tiny[5];
    reports_mask_name("王小明", tiny, sizeof(tiny));
    ck_assert_str_eq(tiny, "王*");
}
END_TEST

Suite *lisimport_suite(void)
{
    Suite *s = suite_create("lisimport");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_msh_fields);
    tcase_add_test(tc, test_ack_accepted);
    tcase_add_test(tc, test_ack_refused_names_segment_and_field);
    tcase_add_test(tc, test_ack_from_nothing);
    tcase_add_test(tc, test_mask_name);
    suite_add_tcase(s, tc);
    return s;
}
