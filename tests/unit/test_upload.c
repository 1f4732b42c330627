/*
 * test_upload.c - multipart/form-data bodies (upload.c): fields and a
 * file as browsers send them; everything odd refused whole.
 */
#include <string.h>
#include <check.h>
#include "portal.h"
#include "upload.h"
#include "csvio.h"
#include "suites.h"

static int parse(const char *type, const char *body, HDF **fields, HDF **files)
{
    hdf_init(fields);
    hdf_init(files);
    return upload_parse(type, body, strlen(body), *fields, *files);
}

START_TEST(fields_and_a_file)
{
    HDF *fields, *files;
    const char *body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"价格.csv\"\r\nContent-Type: text/csv\r\n\r\n"
        "a,b\r\n\"c\r\n--d\",e\r\n"
        "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n多行\r\n文字\r\n--XyZ--\r\n";
    ck_assert_int_eq(parse("multipart/form-data; boundary=XyZ", body, &fields, &files), 0);
    ck_assert_str_eq(hdf_get_value(fields, "_csrf", ""), "tok");
    ck_assert_str_eq(hdf_get_value(fields, "note", ""), "多行\r\n文字");
    ck_assert_str_eq(hdf_get_value(files, "file.data", ""), "a,b\r\n\"c\r\n--d\",e\r\n");
    ck_assert_str_eq(hdf_get_value(files, "file.filename", ""), "价格.csv");
    hdf_destroy(&fields);
    hdf_destroy(&files);
    ck_assert_int_eq(parse("multipart/form-data; boundary=\"q b\"",
                           "--q b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--q b--", &fields, &files), 0);
    ck_assert_str_eq(hdf_get_value(fields, "a", ""), "1");
    hdf_destroy(&fields);
    hdf_destroy(&files);
}
END_TEST

START_TEST(odd_bodies_are_refused)
{
    static const char *const bad[][2] = {
        {"multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--"},   /* no boundary */
        {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x"},  /* not closed */
        {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"},        /* cut short */
        {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data\r\n\r\n1\r\n--x--"},          /* no name */
        {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a b\"\r\n\r\n1\r\n--x--"},
        {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\r\n--x--"},  /* not UTF-8 */
        {"multipart/form-data; boundary=x", "preamble--x\r\n\r\n--x--"},
        {"text/plain; boundary=x", "--x--"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        HDF *fields, *files;
        ck_assert_msg(parse(bad[i][0], bad[i][1], &fields, &files) == -1, "case %zu", i);
        hdf_destroy(&fields);
        hdf_destroy(&files);
    }
    HDF *fields, *files;
    hdf_init(&fields);
    hdf_init(&files);
    ck_assert_int_eq(upload_parse("multipart/form-data; boundary=x", "--x\r\n\0", 6, fields, files), -1);
    hdf_destroy(&fields);
    hdf_destroy(&files);
}
END_TEST

/* Random bodies built from the pieces that matter (delimiters, CRLF,
 * headers, quotes, NUL) never crash either reader (run under ASan in the
 * sanitizer build); a deterministic generator, so a failure repeats. */
static int ignore_row(const struct csv_row *row, void *data)
{
    (void)row, (void)data;
    return 0;
}

START_TEST(random_bodies_are_safe)
{
    static const char *const pieces[] = {
        "--x", "\r\n", "\n", "\r", "Content-Disposition: form-data", "; name=\"", "a", "\"", "; filename=\"f\"",
        "--", ",", "\"\"", "头孢", "\xff", "\xe5\xa4", "\0", " ", "--x--", "\xEF\xBB\xBF",
    };
    unsigned seed = 12345;
    char buf[512];
    for (int n = 0; n < 5000; n++) {
        size_t len = 0;
        int count = (int)((seed = seed * 1103515245 + 12345) >> 16) % 24;
        for (int k = 0; k < count; k++) {
            const char *p = pieces[((seed = seed * 1103515245 + 12345) >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
            size_t l = p[0] ? strlen(p) : 1;
            if (len + l >= sizeof(buf)) break;
            memcpy(buf + len, p, l);
            len += l;
        }
        HDF *fields, *files;
        hdf_init(&fields);
        hdf_init(&files);
        upload_parse("multipart/form-data; boundary=x", buf, len, fields, files);
        hdf_destroy(&fields);
        hdf_destroy(&files);
        char err[128];
        csv_read(buf, len, n % 2 ? "auto" : "UTF-8", ignore_row, NULL, err, sizeof(err));
    }
}
END_TEST

Suite *upload_suite(void)
{
    Suite *s = suite_create("upload");
    TCase *tc = tcase_create("upload");
    tcase_add_test(tc, fields_and_a_file);
    tcase_add_test(tc, odd_bodies_are_refused);
    tcase_add_test(tc, random_bodies_are_safe);
    suite_add_tcase(s, tc);
    return s;
}
