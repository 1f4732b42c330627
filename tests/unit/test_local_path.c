/*
 * test_local_path.c - local_path_safe().
 *
 * Redirect targets taken from the request (the login page's ?next=) must
 * stay on this site.  Browsers treat "//host" and "/\host" as
 * scheme-relative URLs to another host, and strip tabs and newlines before
 * looking, so all of those are refused, as is anything with a scheme,
 * spaces, quotes, angle brackets or CR/LF (which could split the Location
 * header).
 */
#include <string.h>
#include "portal.h"
#include "suites.h"

static const char *const safe[] = {
    "/",
    "/ok",
    "/ok?a=b",
    "/ok?a=b&c=d#frag",
    "/notices/42",
    "/office/notices/42/edit",
    "/office/?next=%2Foffice%2F",
    "/notices/?q=%E4%B8%AD%E6%96%87",
    "/a/./b/../c",
    "/%2F%2Fevil",   /* still a path on this site; the browser does not decode it */
};

static const char *const unsafe[] = {
    "",
    "ok",
    "evil.com",
    "//evil",
    "//evil.com/office/",
    "///evil.com",
    "/\\evil",
    "/\\/evil.com",
    "\\\\evil",
    "\\/evil",
    "http://x",
    "https://evil.com/",
    "HTTP://evil.com",
    "javascript:alert(1)",
    "data:text/html,<script>",
    " /ok",
    "/ok path",
    "/ok\tpath",
    "/\t/evil.com",
    "/\n/evil.com",
    "/ok\r\nSet-Cookie: x=y",
    "/ok\x7F",
    "/ok\x01",
    "/a\\b",
    "/a\"b",
    "/a<b",
    "/a>b",
    "/<script>",
};

START_TEST(test_safe)
{
    ck_assert_msg(local_path_safe(safe[_i]) == 1, "should be safe: \"%s\"", safe[_i]);
}
END_TEST

START_TEST(test_unsafe)
{
    ck_assert_msg(local_path_safe(unsafe[_i]) == 0, "should be refused: \"%s\"", unsafe[_i]);
}
END_TEST

START_TEST(test_null)
{
    ck_assert_int_eq(local_path_safe(NULL), 0);
}
END_TEST

START_TEST(test_length_limit)
{
    char path[600];
    memset(path, 'a', sizeof(path));
    path[0] = '/';
    path[512] = 0;
    ck_assert_int_eq(local_path_safe(path), 1);   /* 512 characters */
    path[512] = 'a';
    path[513] = 0;
    ck_assert_int_eq(local_path_safe(path), 0);   /* 513 */
}
END_TEST

Suite *local_path_suite(void)
{
    Suite *s = suite_create("local_path");
    TCase *tc = tcase_create("local_path_safe");
    tcase_add_loop_test(tc, test_safe, 0, (int)(sizeof(safe) / sizeof(safe[0])));
    tcase_add_loop_test(tc, test_unsafe, 0, (int)(sizeof(unsafe) / sizeof(unsafe[0])));
    tcase_add_test(tc, test_null);
    tcase_add_test(tc, test_length_limit);
    suite_add_tcase(s, tc);
    return s;
}
