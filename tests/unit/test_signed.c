/*
 * test_signed.c - signed, expiring tokens (signed.c): a token opens only
 * for its own key and purpose, any change to it is refused, and a genuine
 * token past its time says so.
 */
#include <string.h>
#include <time.h>
#include "portal.h"
#include "suites.h"

#define KEY_HEX "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define OTHER_HEX "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

static void keys_ready(void)
{
    static int done;
    if (done) return;
    ck_assert_int_eq(secret_key_install("t-signed", KEY_HEX), 0);
    ck_assert_int_eq(secret_key_install("t-other", OTHER_HEX), 0);
    done = 1;
}

START_TEST(test_round_trip)
{
    keys_ready();
    char tok[SIGNED_TOKEN_MAX], subject[65];
    long long until = (long long)time(NULL) + 3600, got = 0;
    ck_assert_int_eq(signed_token_make("t-signed", "report", "A20261201-0007", until, tok, sizeof(tok)), 0);
    ck_assert_ptr_nonnull(strstr(tok, "A20261201-0007."));
    ck_assert_int_eq(signed_token_open("t-signed", "report", tok, subject, sizeof(subject), &got), SIGNED_VALID);
    ck_assert_str_eq(subject, "A20261201-0007");
    ck_assert_int_eq(got, until);
}
END_TEST

START_TEST(test_other_purpose_or_key_refused)
{
    keys_ready();
    char tok[SIGNED_TOKEN_MAX], subject[65];
    long long until = (long long)time(NULL) + 3600;
    ck_assert_int_eq(signed_token_make("t-signed", "report", "12345", until, tok, sizeof(tok)), 0);
    ck_assert_int_eq(signed_token_open("t-signed", "certificate", tok, subject, sizeof(subject), NULL), SIGNED_BAD);
    ck_assert_int_eq(signed_token_open("t-other", "report", tok, subject, sizeof(subject), NULL), SIGNED_BAD);
}
END_TEST

START_TEST(test_tampering_refused)
{
    keys_ready();
    char tok[SIGNED_TOKEN_MAX], bad[SIGNED_TOKEN_MAX], subject[65];
    long long until = (long long)time(NULL) + 3600;
    ck_assert_int_eq(signed_token_make("t-signed", "report", "12345", until, tok, sizeof(tok)), 0);
    /* every single-character change anywhere in the token */
    for (size_t i = 0; tok[i]; i++) {
        memcpy(bad, tok, sizeof(tok));
        bad[i] = bad[i] == '1' ? '2' : '1';
        ck_assert_int_eq(signed_token_open("t-signed", "report", bad, subject, sizeof(subject), NULL), SIGNED_BAD);
    }
    /* a later expiry with the same MAC */
    const char *mac = strrchr(tok, '.') + 1;
    snprintf(bad, sizeof(bad), "12345.%lld.%s", until + 86400, mac);
    ck_assert_int_eq(signed_token_open("t-signed", "report", bad, subject, sizeof(subject), NULL), SIGNED_BAD);
    /* shapes that are not tokens */
    const char *junk[] = {"", ".", "..", "12345", "12345.", "12345..x", ".1.x", "a b.1.x",
                          "12345.-1.x", "12345.1.x.y", NULL};
    for (int i = 0; junk[i]; i++)
        ck_assert_int_eq(signed_token_open("t-signed", "report", junk[i], subject, sizeof(subject), NULL), SIGNED_BAD);
    ck_assert_int_eq(signed_token_open("t-signed", "report", NULL, subject, sizeof(subject), NULL), SIGNED_BAD);
}
END_TEST

START_TEST(test_expired_said_apart)
{
    keys_ready();
    char tok[SIGNED_TOKEN_MAX], subject[65];
    long long past = (long long)time(NULL) - 1;
    ck_assert_int_eq(signed_token_make("t-signed", "report", "12345", past, tok, sizeof(tok)), 0);
    ck_assert_int_eq(signed_token_open("t-signed", "report", tok, subject, sizeof(subject), NULL), SIGNED_EXPIRED);
    ck_assert_str_eq(subject, "12345");
}
END_TEST

START_TEST(test_subjects_that_cannot_be_carried)
{
    keys_ready();
    char tok[SIGNED_TOKEN_MAX], small[8];
    long long until = (long long)time(NULL) + 60;
    ck_assert_int_eq(signed_token_make("t-signed", "report", "", until, tok, sizeof(tok)), -1);
    ck_assert_int_eq(signed_token_make("t-signed", "report", "a.b", until, tok, sizeof(tok)), -1);
    ck_assert_int_eq(signed_token_make("t-signed", "report", "a/b", until, tok, sizeof(tok)), -1);
    ck_assert_int_eq(signed_token_make("t-signed", "report", "报告", until, tok, sizeof(tok)), -1);
    ck_assert_int_eq(signed_token_make("t-signed", "report", "12345", until, small, sizeof(small)), -1);
    ck_assert_int_eq(signed_token_make("no-such-key", "report", "12345", until, tok, sizeof(tok)), -1);
}
END_TEST

Suite *signed_suite(void)
{
    Suite *s = suite_create("signed tokens");
    TCase *tc = tcase_create("signed");
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_other_purpose_or_key_refused);
    tcase_add_test(tc, test_tampering_refused);
    tcase_add_test(tc, test_expired_said_apart);
    tcase_add_test(tc, test_subjects_that_cannot_be_carried);
    suite_add_tcase(s, tc);
    return s;
}
