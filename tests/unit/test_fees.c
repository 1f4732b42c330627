/*
 * test_fees.c - money arithmetic (amount.c), CSV reading (csv.c: quotes,
 * embedded commas and newlines, a BOM, GBK, line numbers of bad rows), the
 * search tokens and query normalisation of the fee catalogue (the
 * catalogue's polyphones are in test_pinyin.c).
 */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "portal.h"
#include "amount.h"
#include "csvio.h"
#include "../../cgi/fees/fees.h"
#include "suites.h"

START_TEST(amounts_are_exact_fen)
{
    long long fen, q, out;
    char buf[32];
    ck_assert(amount_parse_signed("12.5", &fen) && fen == 1250);
    ck_assert(amount_parse_signed("-3", &fen) && fen == -300);
    ck_assert(amount_parse_signed("0.05", &fen) && fen == 5);
    ck_assert(!amount_parse_signed("1.005", &fen));
    ck_assert(!amount_parse_signed("1e3", &fen));
    ck_assert(!amount_parse_signed("", &fen));
    ck_assert(!amount_parse_signed("12.", &fen));
    ck_assert(quantity_parse("0.5", &q) && q == 500);
    ck_assert(quantity_parse("2.125", &q) && q == 2125);
    ck_assert(!quantity_parse("1.0001", &q));
    /* 0.1 + 0.2 in floating point is not 0.3; in fen it is */
    long long sum = 0;
    ck_assert(amount_add(&sum, 10) && amount_add(&sum, 20) && sum == 30);
    /* 3.33 x 3 = 9.99; 0.35 x 0.5 = 0.175 -> 0.18 (half away from zero); a refund rounds the same way */
    ck_assert(amount_times(333, 3000, &out) && out == 999);
    ck_assert(amount_times(35, 500, &out) && out == 18);
    ck_assert(amount_times(-35, 500, &out) && out == -18);
    ck_assert(amount_times(1, 499, &out) && out == 0);
    ck_assert(!amount_times(1LL << 62, 1000, &out));
    sum = (long long)(~0ULL >> 1);
    ck_assert(!amount_add(&sum, 1));
    amount_format(123450, buf, sizeof(buf));
    ck_assert_str_eq(buf, "1234.50");
    amount_format(-5, buf, sizeof(buf));
    ck_assert_str_eq(buf, "-0.05");
    amount_format(0, buf, sizeof(buf));
    ck_assert_str_eq(buf, "0.00");
    quantity_format(500, buf, sizeof(buf));
    ck_assert_str_eq(buf, "0.5");
    quantity_format(2000, buf, sizeof(buf));
    ck_assert_str_eq(buf, "2");
    quantity_format(2125, buf, sizeof(buf));
    ck_assert_str_eq(buf, "2.125");
}
END_TEST

struct rows {
    int n;
    long line[16];
    char text[16][256];
};

static int keep(const struct csv_row *row, void *data)
{
    struct rows *r = data;
    if (r->n == 16) return 0;
    r->line[r->n] = row->line;
    r->text[r->n][0] = 0;
    for (int i = 0; i < row->count; i++) {
        if (i) strcat(r->text[r->n], "|");
        strncat(r->text[r->n], row->field[i], 200 - strlen(r->text[r->n]));
    }
    r->n++;
    return 0;
}

static int read_csv(const char *text, const char *enc, struct rows *r, char *err)
{
    memset(r, 0, sizeof(*r));
    return csv_read(text, strlen(text), enc, keep, r, err, 128);
}

START_TEST(csv_quotes_commas_newlines_and_line_numbers)
{
    struct rows r;
    char err[128];
    const char *text =
        "\xEF\xBB\xBF" "编码,名称,规格\r\n"
        "A1,\"头孢克洛胶囊, 0.25g\",\"12粒\"\"装\"\"\"\r\n"
        "\r\n"
        "A2,\"多行\n名称\",x\r\n"
        "A3,末行,y";
    ck_assert_int_eq(read_csv(text, "UTF-8", &r, err), 0);
    ck_assert_int_eq(r.n, 4);
    ck_assert_str_eq(r.text[0], "编码|名称|规格");          /* the BOM is gone */
    ck_assert_int_eq(r.line[0], 1);
    ck_assert_str_eq(r.text[1], "A1|头孢克洛胶囊, 0.25g|12粒\"装\"");
    ck_assert_int_eq(r.line[1], 2);
    ck_assert_str_eq(r.text[2], "A2|多行\n名称|x");         /* blank line 3 skipped */
    ck_assert_int_eq(r.line[2], 4);
    ck_assert_int_eq(r.line[3], 6);                        /* the embedded newline counts */
    ck_assert_str_eq(r.text[3], "A3|末行|y");
}
END_TEST

START_TEST(csv_gbk_and_bad_input)
{
    struct rows r;
    char err[128];
    /* "编码,名称\n1,血常规\n" in GBK */
    const char gbk[] = "\xb1\xe0\xc2\xeb,\xc3\xfb\xb3\xc6\n1,\xd1\xaa\xb3\xa3\xb9\xe6\n";
    ck_assert_int_eq(read_csv(gbk, "GBK", &r, err), 0);
    ck_assert_str_eq(r.text[1], "1|血常规");
    ck_assert_int_eq(read_csv(gbk, "auto", &r, err), 0);    /* not UTF-8: read as GB18030 */
    ck_assert_str_eq(r.text[0], "编码|名称");
    ck_assert_int_eq(read_csv(gbk, "UTF-8", &r, err), -1);  /* GBK bytes are not UTF-8 */
    /* a quote that is never closed: the line it starts on */
    ck_assert_int_eq(read_csv("a,b\nc,\"d\ne\n", "UTF-8", &r, err), -1);
    ck_assert_str_eq(err, "line 2: a quoted field is not closed");
    /* text after a closing quote */
    ck_assert_int_eq(read_csv("a,b\nc,d\n\"e\"x,f\n", "UTF-8", &r, err), -1);
    ck_assert(strstr(err, "line 3") != NULL);
    ck_assert_int_eq(csv_read("a\0b", 3, "UTF-8", keep, &r, err, sizeof(err)), -1);
}
END_TEST

START_TEST(csv_fields_written_rfc4180)
{
    STRING s;
    string_init(&s);
    csv_put_field(&s, "头孢, \"克洛\"", 1);
    csv_put_field(&s, "a\nb", 0);
    csv_put_field(&s, "", 0);
    ck_assert_str_eq(s.buf, "\"头孢, \"\"克洛\"\"\",\"a\nb\",\"\"");
    string_clear(&s);
}
END_TEST

START_TEST(search_tokens_and_queries)
{
    char out[128];
    ck_assert_int_gt(fees_query_normalise(" ＸＣＧ ", out, sizeof(out)), 0);
    ck_assert_str_eq(out, "xcg");
    ck_assert_int_gt(fees_query_normalise("头孢　克洛", out, sizeof(out)), 0);
    ck_assert_str_eq(out, "头孢克洛");
    ck_assert_int_eq(fees_query_normalise("\xff", out, sizeof(out)), -1);
    char *json = fees_tokens_json("血常规");
    ck_assert_ptr_nonnull(json);
    ck_assert(strstr(json, "[\"血常规\",0,0]") != NULL);
    ck_assert(strstr(json, "[\"常规\",0,1]") != NULL);
    ck_assert(strstr(json, "[\"xcg\",1,0]") != NULL);    /* the natural reading */
    ck_assert(strstr(json, "[\"cg\",1,1]") != NULL);
    free(json);
    json = fees_tokens_json("长期医嘱护理");
    ck_assert(strstr(json, "[\"cqyzhl\",1,0]") != NULL);
    ck_assert(strstr(json, "[\"zqyzhl\",2,0]") != NULL);  /* another reading, ranked lower */
    free(json);
}
END_TEST

Suite *fees_suite(void)
{
    Suite *s = suite_create("fees");
    TCase *tc = tcase_create("fees");
    tcase_add_test(tc, amounts_are_exact_fen);
    tcase_add_test(tc, csv_quotes_commas_newlines_and_line_numbers);
    tcase_add_test(tc, csv_gbk_and_bad_input);
    tcase_add_test(tc, csv_fields_written_rfc4180);
    tcase_add_test(tc, search_tokens_and_queries);
    suite_add_tcase(s, tc);
    return s;
}
