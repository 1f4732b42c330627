/*
 * test_oru.c - ORU^R01 mapped into a lab order and its items (oru.c):
 * a v2.5.1 CBC with SPM, a v2.3 message without SPM or PID-13.12, several
 * panels, corrected, preliminary and cancelled orders, SN/CE/ED values,
 * and the refusals (not ORU^R01, OBX without a value type, no barcode).
 */
#include <stdio.h>
#include <string.h>
#include "portal.h"
#include "oru.h"
#include "suites.h"

static struct hl7_message msg;
static struct lab_report rep;

#define CBC_251 \
    "MSH|^~\\&|LIS|检验科|PORTAL|市一院|20261201093000+0800||ORU^R01^ORU_R01|LIS0001|P|2.5.1|||||CHN|UNICODE UTF-8\r" \
    "PID|1||P000101^^^HOSP^MR||王^小明||19800512|M|||||^PRN^CP^^^^^^^^^13812341234\r" \
    "PV1|1|O|内科^^^门诊\r" \
    "ORC|RE|ORD1|LAB202600099||CM||||20261201080000|||1001^刘^医生\r" \
    "OBR|1|ORD1|LAB202600099|CBC^血常规^L|||20261201080500|||||||20261201082000||1001^刘^医生||||||20261201092900|||F\r" \
    "OBX|1|NM|WBC^白细胞计数^L||11.2|10\\S\\9/L|3.5-9.5|H|||F|||20261201092500||||\r" \
    "NTE|1||请结合临床\r" \
    "OBX|2|NM|HGB^血红蛋白^L||125|g/L|130-175|L|||F|||20261201092500\r" \
    "OBX|3|SN|CRP^C反应蛋白^L||<^5|mg/L|0-10|N|||F\r" \
    "OBX|4|CE|ABO^血型^L||A^A型^L||||||F\r" \
    "OBX|5|ED|IMG^图像^L||^IM^PNG^Base64^iVBORw0KGgo=||||||F\r" \
    "SPM|1|LAB202600099||BLDV^静脉血^HL70487|||||||||||||20261201080500|20261201082000\r"

static int map(const char *text)
{
    ck_assert_int_eq(hl7_parse(text, strlen(text), &msg), 0);
    return oru_map(&msg, &rep);
}

START_TEST(test_cbc_251)
{
    ck_assert_int_eq(map(CBC_251), 0);
    ck_assert_str_eq(rep.control_id, "LIS0001");
    ck_assert_str_eq(rep.sending_app, "LIS");
    ck_assert_str_eq(rep.barcode, "LAB202600099");
    ck_assert_str_eq(rep.patient_name, "王小明");
    ck_assert_str_eq(rep.sex, "M");
    ck_assert_str_eq(rep.birth_date, "1980-05-12");
    ck_assert_str_eq(rep.mobile_last4, "1234");
    ck_assert_str_eq(rep.patient_id, "P000101");
    ck_assert_str_eq(rep.department, "内科");
    ck_assert_str_eq(rep.doctor, "刘医生");
    ck_assert_str_eq(rep.specimen, "静脉血");
    ck_assert_str_eq(rep.collected, "2026-12-01 08:05:00");
    ck_assert_str_eq(rep.received, "2026-12-01 08:20:00");
    ck_assert_str_eq(rep.reported, "2026-12-01 09:29:00");
    ck_assert_str_eq(rep.status, "final");
    ck_assert_int_eq(rep.npanels, 1);
    ck_assert_int_eq(rep.nitems, 5);
    ck_assert_str_eq(rep.items[0].code, "WBC");
    ck_assert_str_eq(rep.items[0].name, "白细胞计数");
    ck_assert_str_eq(rep.items[0].value, "11.2");
    ck_assert_str_eq(rep.items[0].unit, "10^9/L");   /* \\S\\ in OBX-6 */
    ck_assert_str_eq(rep.items[0].range, "3.5-9.5");
    ck_assert_str_eq(rep.items[0].flag, "H");
    ck_assert_str_eq(rep.items[0].observed, "2026-12-01 09:25:00");
    ck_assert_str_eq(rep.items[0].comment, "请结合临床");
    ck_assert_str_eq(rep.items[0].panel_name, "血常规");
    ck_assert_str_eq(rep.items[1].flag, "L");
    ck_assert_str_eq(rep.items[2].value, "<5");
    ck_assert_str_eq(rep.items[3].value, "A型");
    ck_assert_str_eq(rep.items[4].value, "");          /* ED: shown as 见附件, never dumped */
    ck_assert_str_eq(rep.items[4].value_type, "ED");
}
END_TEST

/* v2.3 as older LIS send it: no SPM, specimen in OBR-15, the phone in
 * PID-13.1, the barcode only in OBR-2, LF line ends, two panels. */
START_TEST(test_v23_two_panels)
{
    ck_assert_int_eq(map("MSH|^~\\&|OLDLIS||||20261201||ORU^R01|A7|P|2.3\n"
                         "PID|||P9||李^红||19621103|F|||||(010)1234-5678\n"
                         "OBR|1|lab202600100||LFT^肝功能|||20261201070000||||||||SER&血清\n"
                         "OBX|1|NM|ALT^丙氨酸氨基转移酶||1250|U/L|7-40|HH|||F\n"
                         "OBR|2|lab202600100||GLU^血糖\n"
                         "OBX|1|NM|GLU^葡萄糖||5.1|mmol/L|3.9-6.1|N|||P\n"), 0);
    ck_assert_str_eq(rep.barcode, "LAB202600100");
    ck_assert_str_eq(rep.mobile_last4, "5678");
    ck_assert_str_eq(rep.specimen, "血清");
    ck_assert_str_eq(rep.collected, "2026-12-01 07:00:00");
    ck_assert_int_eq(rep.npanels, 2);
    ck_assert_int_eq(rep.nitems, 2);
    ck_assert_str_eq(rep.items[0].flag, "HH");
    ck_assert_str_eq(rep.items[1].panel_code, "GLU");
    ck_assert_int_eq(rep.items[1].seq, 1);
    ck_assert_str_eq(rep.status, "preliminary");
}
END_TEST

/* PID-13 repeated, the landline first: the mobile is the one marked CP,
 * or the one that is a mainland mobile; PID-14 when PID-13 has none. */
START_TEST(test_mobile_among_phones)
{
    ck_assert_int_eq(map("MSH|^~\\&|LIS||||||ORU^R01|M1|P|2.3.1\r"
                         "PID|||P1||孙^丽||19580707|F|||||(0571)88886666~+86 137-0000-5555\r"
                         "OBR|1||LAB9|GLU^血糖\rOBX|1|NM|GLU^空腹血糖||5.0|mmol/L|3.9-6.1|N|||F\r"), 0);
    ck_assert_str_eq(rep.mobile_last4, "5555");
    ck_assert_str_eq(rep.mobile, "13700005555");
    ck_assert_int_eq(map("MSH|^~\\&|LIS||||||ORU^R01|M2|P|2.5\r"
                         "PID|||P1||孙^丽||19580707|F|||||^PRN^PH^^^571^88886666^^^^^057188886666~"
                         "^ORN^CP^^^^^^^^^13600001234\r"
                         "OBR|1||LAB9|GLU^血糖\r"), 0);
    ck_assert_str_eq(rep.mobile_last4, "1234");
    ck_assert_str_eq(rep.mobile, "13600001234");
    ck_assert_int_eq(map("MSH|^~\\&|LIS||||||ORU^R01|M3|P|2.3\r"
                         "PID|||P1||孙^丽||19580707|F|||||(0571)88886666|13500007777\r"
                         "OBR|1||LAB9|GLU^血糖\r"), 0);
    ck_assert_str_eq(rep.mobile_last4, "7777");
    ck_assert_int_eq(map("MSH|^~\\&|LIS||||||ORU^R01|M4|P|2.3\r"
                         "PID|||P1||孙^丽||19580707|F|||||(0571)88886666\r"
                         "OBR|1||LAB9|GLU^血糖\r"), 0);
    ck_assert_str_eq(rep.mobile_last4, "6666");   /* a landline only: its digits, no message */
    ck_assert_str_eq(rep.mobile, "");
}
END_TEST

START_TEST(test_corrected_and_cancelled)
{
    ck_assert_int_eq(map("MSH|^~\\&|LIS||||||ORU^R01|C1|P|2.4\rPID|||P1||陈^静\r"
                         "OBR|1||LAB1|CBC^血常规||||||||||||||||||||C\r"
                         "OBX|1|NM|HGB^血红蛋白||121|g/L|115-150|N|||C\r"), 0);
    ck_assert_str_eq(rep.status, "corrected");
    ck_assert_int_eq(map("MSH|^~\\&|LIS||||||ORU^R01|C2|P|2.4\rORC|CA\rOBR|1||LAB1|CBC\r"), 0);
    ck_assert_str_eq(rep.status, "cancelled");
    ck_assert_int_eq(map("MSH|^~\\&|LIS||||||ORU^R01|C3|P|2.4\rOBR|1||LAB1|CBC|||||||||||||||||||||X\r"), 0);
    ck_assert_str_eq(rep.status, "cancelled");
    ck_assert_int_eq(map("MSH|^~\\&|LIS||||||ORU^R01|C4|P|2.4\rOBR|1||LAB1|CBC|||||||||||||||||||||I\r"), 0);
    ck_assert_str_eq(rep.status, "in_progress");
}
END_TEST

/* The barcode from SPM-2 when OBR-2 and OBR-3 are empty. */
START_TEST(test_barcode_from_spm)
{
    ck_assert_int_eq(map("MSH|^~\\&|LIS||||||ORU^R01|S1|P|2.5.1\rOBR|1|||UA^尿常规\rSPM|1|u123&LIS||UR^尿液\r"), 0);
    ck_assert_str_eq(rep.barcode, "U123");
    ck_assert_str_eq(rep.specimen, "尿液");
}
END_TEST

static void refused(const char *text, const char *segment, int field)
{
    ck_assert_int_eq(hl7_parse(text, strlen(text), &msg), 0);
    ck_assert_int_eq(oru_map(&msg, &rep), -1);
    ck_assert_str_eq(rep.error.segment, segment);
    ck_assert_int_eq(rep.error.field, field);
    ck_assert_int_gt(strlen(rep.error.text), 0);
}

START_TEST(test_refusals)
{
    refused("MSH|^~\\&|LIS||||||ADT^A01|R1|P|2.5\rPID|1\r", "MSH", 9);
    refused("MSH|^~\\&|LIS||||||ORU^R01|R2|P|2.5\rOBR|1||B1|CBC\rOBX|1||WBC||5\r", "OBX", 2);
    refused("MSH|^~\\&|LIS||||||ORU^R01|R3|P|2.5\rOBR|1|||CBC\rOBX|1|NM|WBC||5||||||F\r", "OBR", 3);
    refused("MSH|^~\\&|LIS||||||ORU^R01|R4|P|2.5\rPID|1\r", "OBR", 0);
    refused("MSH|^~\\&|LIS||||||ORU^R01|R5|P|2.5\rOBR|1||B1|CBC\rOBX|1|NM|WBC||5\r", "OBX", 11);
    refused("MSH|^~\\&|LIS||||||ORU^R01|R6|P|2.5\rOBR|1||B1|CBC\rOBR|2||B2|LFT\r", "OBR", 3);
    refused("MSH|^~\\&|LIS||||||ORU^R01|R7|P|2.5\rOBR|1||B1|CBC|||notatime\r", "OBR", 7);
}
END_TEST

START_TEST(test_hl7_time)
{
    char out[20];
    ck_assert_int_eq(hl7_time("20261201", out, sizeof(out), 0), 0);
    ck_assert_str_eq(out, "2026-12-01 00:00:00");
    ck_assert_int_eq(hl7_time("202612010930", out, sizeof(out), 0), 0);
    ck_assert_str_eq(out, "2026-12-01 09:30:00");
    ck_assert_int_eq(hl7_time("20261201093015.123+0800", out, sizeof(out), 0), 0);
    ck_assert_str_eq(out, "2026-12-01 09:30:15");
    ck_assert_int_eq(hl7_time("", out, sizeof(out), 0), 0);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(hl7_time("2026", out, sizeof(out), 0), -1);
}
END_TEST

Suite *oru_suite(void)
{
    Suite *s = suite_create("oru");
    TCase *tc = tcase_create("map");
    tcase_add_test(tc, test_cbc_251);
    tcase_add_test(tc, test_v23_two_panels);
    tcase_add_test(tc, test_mobile_among_phones);
    tcase_add_test(tc, test_corrected_and_cancelled);
    tcase_add_test(tc, test_barcode_from_spm);
    tcase_add_test(tc, test_refusals);
    tcase_add_test(tc, test_hl7_time);
    suite_add_tcase(s, tc);
    return s;
}
