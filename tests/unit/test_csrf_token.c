/*
 * test_csrf_token.c - the random tokens and hashes behind sessions and CSRF.
 *
 * random_token() makes session cookies, CSRF seeds and one-time tokens:
 * 43 characters of unpadded base64url (32 random bytes), never two alike,
 * refused outright when the buffer is too small.  sha256_hex() is how
 * tokens are stored (hash only), checked against the FIPS 180-2 vectors.
 *
 * csrf_token_for() needs the HMAC key from MariaDB, and unit tests have no
 * database, so the tokens themselves are left to the HTTP tests.  What can
 * be checked here is that CSRF fails closed: with no key (the database
 * unreachable) no token is made and no POST is accepted.
 */
#include <string.h>
#include "portal.h"
#include "suites.h"

static int base64url_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_';
}

START_TEST(test_random_token_shape)
{
    char tok[64];
    ck_assert_int_eq(random_token(tok, sizeof(tok)), 0);
    ck_assert_uint_eq(strlen(tok), 43);
    for (int i = 0; i < 43; i++)
        ck_assert_msg(base64url_char(tok[i]), "character %d of \"%s\" is not base64url", i, tok);
}
END_TEST

START_TEST(test_random_token_buffer_sizes)
{
    char tok[64];
    memset(tok, '#', sizeof(tok));
    ck_assert_int_eq(random_token(tok, 44), 0);   /* exactly 43 + NUL */
    ck_assert_uint_eq(strlen(tok), 43);
    ck_assert_int_eq(tok[44], '#');
    memset(tok, '#', sizeof(tok));
    ck_assert_int_eq(random_token(tok, 43), -1);
    ck_assert_int_eq(tok[0], '#');                 /* nothing written */
    ck_assert_int_eq(random_token(tok, 0), -1);
}
END_TEST

START_TEST(test_random_tokens_differ)
{
    enum { N = 200 };
    static char toks[N][44];
    for (int i = 0; i < N; i++) {
        ck_assert_int_eq(random_token(toks[i], sizeof(toks[i])), 0);
        for (int j = 0; j < i; j++)
            ck_assert_str_ne(toks[i], toks[j]);
    }
}
END_TEST

START_TEST(test_random_tokens_use_whole_alphabet)
{
    /* 500 tokens of 43 characters: every one of the 64 symbols shows up
     * (a bias or a truncated alphabet would leave some out) */
    int seen[128] = {0}, distinct = 0;
    char tok[44];
    for (int i = 0; i < 500; i++) {
        ck_assert_int_eq(random_token(tok, sizeof(tok)), 0);
        for (int k = 0; k < 43; k++) seen[(unsigned char)tok[k] & 0x7F] = 1;
    }
    for (int c = 0; c < 128; c++) distinct += seen[c];
    ck_assert_int_eq(distinct, 64);
}
END_TEST

START_TEST(test_sha256_vectors)
{
    char out[65];
    sha256_hex("abc", out);
    ck_assert_str_eq(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    sha256_hex("", out);
    ck_assert_str_eq(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("\xE4\xB8\xAD\xE6\x96\x87", out);   /* 中文 */
    ck_assert_str_eq(out, "72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21");
    sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", out);
    ck_assert_str_eq(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

/* ---- CSRF without a key ---- */

static void no_database(void)
{
    cfg.db_socket = "/nonexistent/portal-unit-test.sock";
    cfg.db_user = "portal-unit-test";
}

START_TEST(test_no_key_no_token)
{
    char tok[64] = "unchanged";
    int saved = unit_stderr_off();
    int rc = csrf_token_for("visitor:abc", tok, sizeof(tok));
    unit_stderr_on(saved);
    ck_assert_int_eq(rc, -1);
    ck_assert_str_eq(tok, "unchanged");
}
END_TEST

START_TEST(test_no_key_no_post)
{
    struct request r;
    char seed[44];
    memset(&r, 0, sizeof(r));
    string_init(&r.headers);
    ck_assert_ptr_null(hdf_init(&r.hdf));
    ck_assert_int_eq(random_token(seed, sizeof(seed)), 0);
    hdf_set_value(r.hdf, "Cookie.csrf", seed);
    hdf_set_value(r.hdf, "Query._csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    int saved = unit_stderr_off();
    int valid = csrf_valid(&r);
    unit_stderr_on(saved);
    ck_assert_int_eq(valid, 0);
    /* nor with an empty token */
    hdf_set_value(r.hdf, "Query._csrf", "");
    saved = unit_stderr_off();
    valid = csrf_valid(&r);
    unit_stderr_on(saved);
    ck_assert_int_eq(valid, 0);
    hdf_destroy(&r.hdf);
    string_clear(&r.headers);
}
END_TEST

START_TEST(test_prepare_without_key)
{
    /* a new visitor still gets a seed cookie, but no token is put in the
     * page, and the page is not cacheable */
    struct request r;
    memset(&r, 0, sizeof(r));
    string_init(&r.headers);
    ck_assert_ptr_null(hdf_init(&r.hdf));
    r.cacheable = 1;
    int saved = unit_stderr_off();
    csrf_prepare(&r);
    unit_stderr_on(saved);
    const char *seed = hdf_get_value(r.hdf, "Cookie.csrf", NULL);
    ck_assert_ptr_nonnull(seed);
    ck_assert_uint_eq(strlen(seed), 43);
    ck_assert_ptr_nonnull(r.headers.buf);
    ck_assert_ptr_nonnull(strstr(r.headers.buf, "Set-Cookie: csrf="));
    ck_assert_ptr_nonnull(strstr(r.headers.buf, seed));
    ck_assert_ptr_nonnull(strstr(r.headers.buf, "; HttpOnly; SameSite=Strict"));
    ck_assert_ptr_null(hdf_get_value(r.hdf, "CSRF.token", NULL));
    ck_assert_int_eq(r.cacheable, 0);
    hdf_destroy(&r.hdf);
    string_clear(&r.headers);
}
END_TEST

Suite *csrf_token_suite(void)
{
    Suite *s = suite_create("csrf_token");
    TCase *tc = tcase_create("random_token");
    tcase_add_test(tc, test_random_token_shape);
    tcase_add_test(tc, test_random_token_buffer_sizes);
    tcase_add_test(tc, test_random_tokens_differ);
    tcase_add_test(tc, test_random_tokens_use_whole_alphabet);
    suite_add_tcase(s, tc);
    tc = tcase_create("sha256_hex");
    tcase_add_test(tc, test_sha256_vectors);
    suite_add_tcase(s, tc);
    tc = tcase_create("fails_closed");
    tcase_add_checked_fixture(tc, no_database, NULL);
    tcase_add_test(tc, test_no_key_no_token);
    tcase_add_test(tc, test_no_key_no_post);
    tcase_add_test(tc, test_prepare_without_key);
    suite_add_tcase(s, tc);
    return s;
}
