/*
 * test_route.c - route_find().
 *
 * Routing happens before any body is read, so it decides what a request
 * may reach: exact literal paths, at most one {id} segment that must be a
 * positive decimal number with nothing after it, 405 with an Allow list
 * when only the method is wrong, and HEAD served as GET.
 */
#include <string.h>
#include "portal.h"
#include "suites.h"

static int h_dummy(struct request *r)
{
    (void)r;
    return 200;
}

static const struct route routes[] = {
    {"GET", "/", h_dummy, 0, 0},                             /* 0 */
    {"GET", "/notices/", h_dummy, 0, 0},                     /* 1 */
    {"GET", "/notices/{id}", h_dummy, 0, 0},                 /* 2 */
    {"GET", "/office/notices/{id}/edit", h_dummy, ROLE_OFFICE, 1},   /* 3 */
    {"POST", "/office/notices/{id}/edit", h_dummy, ROLE_OFFICE, 0},  /* 4 */
    {"POST", "/office/login", h_dummy, 0, 0},                /* 5 */
    {"GET", "/healthz", h_dummy, 0, 0},                      /* 6 */
    {NULL, NULL, NULL, 0, 0},
};

static enum route_match find(const char *method, const char *path,
                             const struct route **found, long long *id, char *allow)
{
    *found = NULL;
    *id = -1;
    return route_find(routes, method, path, found, id, allow, 64);
}

START_TEST(test_exact_match)
{
    const struct route *rt;
    long long id;
    char allow[64];
    ck_assert_int_eq(find("GET", "/", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_ptr_eq(rt, &routes[0]);
    ck_assert_int_eq(find("GET", "/notices/", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_ptr_eq(rt, &routes[1]);
    ck_assert_int_eq(id, 0);
    ck_assert_int_eq(find("POST", "/office/login", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_ptr_eq(rt, &routes[5]);
    ck_assert_int_eq(find("GET", "/healthz", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_ptr_eq(rt, &routes[6]);
}
END_TEST

START_TEST(test_no_match)
{
    const struct route *rt;
    long long id;
    char allow[64];
    static const char *const paths[] = {
        "", "/notices", "/notices//", "/Notices/", "/notices/x", "/office", "/office/",
        "/office/login/", "/office/loginx", "/healthz/", "//", "/healthz?x=1", "/nope",
    };
    for (unsigned i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        ck_assert_msg(find("GET", paths[i], &rt, &id, allow) == ROUTE_NONE, "path \"%s\"", paths[i]);
        ck_assert_str_eq(allow, "");
    }
}
END_TEST

START_TEST(test_id_match)
{
    const struct route *rt;
    long long id;
    char allow[64];
    ck_assert_int_eq(find("GET", "/notices/42", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_ptr_eq(rt, &routes[2]);
    ck_assert_int_eq(id, 42);
    ck_assert_int_eq(find("GET", "/notices/1", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_int_eq(id, 1);
    ck_assert_int_eq(find("GET", "/office/notices/7/edit", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_ptr_eq(rt, &routes[3]);
    ck_assert_int_eq(id, 7);
    ck_assert_int_eq(find("POST", "/office/notices/7/edit", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_ptr_eq(rt, &routes[4]);
    ck_assert_int_eq(id, 7);
    /* the widest id accepted: 15 digits */
    ck_assert_int_eq(find("GET", "/notices/999999999999999", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_int_eq(id, 999999999999999LL);
}
END_TEST

START_TEST(test_id_zero_rejected)
{
    const struct route *rt;
    long long id;
    char allow[64];
    ck_assert_int_eq(find("GET", "/notices/0", &rt, &id, allow), ROUTE_NONE);
    ck_assert_int_eq(find("GET", "/notices/00", &rt, &id, allow), ROUTE_NONE);
    ck_assert_int_eq(find("GET", "/office/notices/0/edit", &rt, &id, allow), ROUTE_NONE);
    ck_assert_int_eq(find("POST", "/office/notices/0/edit", &rt, &id, allow), ROUTE_NONE);
}
END_TEST

START_TEST(test_id_junk_rejected)
{
    const struct route *rt;
    long long id;
    char allow[64];
    static const char *const paths[] = {
        "/notices/42x", "/notices/42/", "/notices/42/edit", "/notices/4 2", "/notices/-1",
        "/notices/+1", "/notices/ 1", "/notices/0x10", "/notices/1e3", "/notices/42.0",
        "/notices/42%00", "/notices/\xEF\xBC\x94\xEF\xBC\x92",   /* full-width 42 */
        "/notices/1234567890123456",                              /* 16 digits */
        "/notices/99999999999999999999999",                        /* would overflow */
        "/office/notices//edit", "/office/notices/x/edit", "/office/notices/7/edit/",
        "/office/notices/7/editx", "/office/notices/7/edi", "/office/notices/7",
    };
    for (unsigned i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
        ck_assert_msg(find("GET", paths[i], &rt, &id, allow) == ROUTE_NONE, "path \"%s\"", paths[i]);
}
END_TEST

START_TEST(test_wrong_method)
{
    const struct route *rt;
    long long id;
    char allow[64];
    ck_assert_int_eq(find("POST", "/notices/42", &rt, &id, allow), ROUTE_WRONG_METHOD);
    ck_assert_str_eq(allow, "GET");
    ck_assert_int_eq(find("GET", "/office/login", &rt, &id, allow), ROUTE_WRONG_METHOD);
    ck_assert_str_eq(allow, "POST");
    ck_assert_int_eq(find("DELETE", "/office/notices/7/edit", &rt, &id, allow), ROUTE_WRONG_METHOD);
    ck_assert_str_eq(allow, "GET, POST");
    ck_assert_int_eq(find("PUT", "/", &rt, &id, allow), ROUTE_WRONG_METHOD);
    ck_assert_str_eq(allow, "GET");
    /* methods are case-sensitive, as HTTP says */
    ck_assert_int_eq(find("get", "/", &rt, &id, allow), ROUTE_WRONG_METHOD);
    ck_assert_str_eq(allow, "GET");
}
END_TEST

START_TEST(test_head_is_get)
{
    const struct route *rt;
    long long id;
    char allow[64];
    ck_assert_int_eq(find("HEAD", "/notices/42", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_ptr_eq(rt, &routes[2]);
    ck_assert_int_eq(id, 42);
    ck_assert_int_eq(find("HEAD", "/office/notices/7/edit", &rt, &id, allow), ROUTE_FOUND);
    ck_assert_ptr_eq(rt, &routes[3]);
    /* HEAD where only POST exists: 405, Allow: POST */
    ck_assert_int_eq(find("HEAD", "/office/login", &rt, &id, allow), ROUTE_WRONG_METHOD);
    ck_assert_str_eq(allow, "POST");
    ck_assert_int_eq(find("HEAD", "/nope", &rt, &id, allow), ROUTE_NONE);
}
END_TEST

START_TEST(test_allow_buffer_is_bounded)
{
    const struct route *rt = NULL;
    long long id = 0;
    char allow[16];
    /* "GET, POST" needs 10 bytes: with 8 only "GET" fits, and nothing is
     * written past the buffer */
    memset(allow, '#', sizeof(allow));
    ck_assert_int_eq(route_find(routes, "DELETE", "/office/notices/7/edit", &rt, &id, allow, 8),
                     ROUTE_WRONG_METHOD);
    ck_assert_str_eq(allow, "GET");
    ck_assert_int_eq(allow[8], '#');
    memset(allow, '#', sizeof(allow));
    ck_assert_int_eq(route_find(routes, "DELETE", "/office/notices/7/edit", &rt, &id, allow, 1),
                     ROUTE_WRONG_METHOD);
    ck_assert_str_eq(allow, "");
    ck_assert_int_eq(allow[1], '#');
}
END_TEST

START_TEST(test_empty_table)
{
    static const struct route none[] = {{NULL, NULL, NULL, 0, 0}};
    const struct route *rt = NULL;
    long long id = 0;
    char allow[64];
    ck_assert_int_eq(route_find(none, "GET", "/", &rt, &id, allow, sizeof(allow)), ROUTE_NONE);
}
END_TEST

Suite *route_suite(void)
{
    Suite *s = suite_create("route");
    TCase *tc = tcase_create("route_find");
    tcase_add_test(tc, test_exact_match);
    tcase_add_test(tc, test_no_match);
    tcase_add_test(tc, test_id_match);
    tcase_add_test(tc, test_id_zero_rejected);
    tcase_add_test(tc, test_id_junk_rejected);
    tcase_add_test(tc, test_wrong_method);
    tcase_add_test(tc, test_head_is_get);
    tcase_add_test(tc, test_allow_buffer_is_bounded);
    tcase_add_test(tc, test_empty_table);
    suite_add_tcase(s, tc);
    return s;
}
