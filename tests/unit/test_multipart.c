/*
 * test_multipart.c - multipart/form-data bodies (multipart.c): the
 * boundary from the Content-Type, fields and a file with its name, and
 * every malformed shape refused: no closing delimiter, a part without a
 * name or with a bad one, a name twice, a NUL byte, headers that never end.
 */
#include <string.h>
#include "portal.h"
#include "multipart.h"
#include "suites.h"

static HDF *hdf;
static int parse(const char *body, size_t len)
{
    if (hdf) hdf_destroy(&hdf);
    hdf_init(&hdf);
    return multipart_parse("XyZ", body, len, hdf, "Query");
}
#define PARSE(lit) parse(lit, sizeof(lit) - 1)

START_TEST(test_boundary)
{
    char b[80];
    ck_assert_int_eq(multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk", b, sizeof(b)), 0);
    ck_assert_str_eq(b, "----WebKitFormBoundary7MA4YWxk");
    ck_assert_int_eq(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", b, sizeof(b)), 0);
    ck_assert_str_eq(b, "a b");
    ck_assert_int_eq(multipart_boundary("multipart/form-data", b, sizeof(b)), -1);
    ck_assert_int_eq(multipart_boundary("multipart/form-data; boundary=", b, sizeof(b)), -1);
    ck_assert_int_eq(multipart_boundary("multipart/mixed; boundary=x", b, sizeof(b)), -1);
    ck_assert_int_eq(multipart_boundary("application/x-www-form-urlencoded", b, sizeof(b)), -1);
    ck_assert_int_eq(multipart_boundary(NULL, b, sizeof(b)), -1);
    char longb[200] = "multipart/form-data; boundary=";
    memset(longb + strlen(longb), 'a', 71);
    ck_assert_int_eq(multipart_boundary(longb, b, sizeof(b)), -1);
}
END_TEST

START_TEST(test_fields_and_file)
{
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n"
                           "--XyZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n\r\n"
                           "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.hl7\"\r\n"
                           "Content-Type: application/octet-stream\r\n\r\nMSH|^~\\&|A\rOBR|1\r\r\n"
                           "--XyZ--\r\n"), 0);
    ck_assert_str_eq(hdf_get_value(hdf, "Query._csrf", ""), "tok");
    ck_assert_str_eq(hdf_get_value(hdf, "Query.message", "x"), "");
    ck_assert_str_eq(hdf_get_value(hdf, "Query.file", ""), "MSH|^~\\&|A\rOBR|1\r");
    ck_assert_str_eq(hdf_get_value(hdf, "Query.file.filename", ""), "r.hl7");
    /* a preamble, and content holding something like the boundary */
    ck_assert_int_eq(PARSE("ignored\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--XyZ1\r\n--XyZ--"), 0);
    ck_assert_str_eq(hdf_get_value(hdf, "Query.a", ""), "--XyZ1");
}
END_TEST

START_TEST(test_malformed)
{
    ck_assert_int_eq(PARSE(""), -1);
    ck_assert_int_eq(PARSE("--XyZ--"), -1);                                   /* no part */
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv"), -1);   /* not closed */
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nv\r\n--XyZ--"), -1);   /* headers never end */
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Type: text/plain\r\n\r\nv\r\n--XyZ--"), -1);           /* no name */
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--XyZ--"), -1);
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=\"a.b\"\r\n\r\nv\r\n--XyZ--"), -1);
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ--"), -1);
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--XyZ--"), -1);
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n"
                           "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nw\r\n--XyZ--"), -1);  /* twice */
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\0w\r\n--XyZ--"), -1);
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvw\r\n--XyZ--"), 0);
    ck_assert_int_eq(PARSE("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                           "Content-Disposition: form-data; name=\"b\"\r\n\r\nv\r\n--XyZ--"), -1);  /* two names */
    ck_assert_int_eq(PARSE("--XyZx\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--"), -1);
}
END_TEST

Suite *multipart_suite(void)
{
    Suite *s = suite_create("multipart");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_boundary);
    tcase_add_test(tc, test_fields_and_file);
    tcase_add_test(tc, test_malformed);
    suite_add_tcase(s, tc);
    return s;
}
