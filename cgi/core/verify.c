/*
 * verify.c - a mobile number proved by a code sent to it (短信验证码).
 *
 * verify_send() makes a six-digit code, keeps only its MAC (the 'verify'
 * key) in verification_codes and queues the text message in the
 * notification outbox, in one transaction; sending is limited per mobile
 * (one a minute, five a day) and per client address (rules verify.*,
 * sql/007), so nobody can flood a stranger's phone.  verify_check() spends
 * one of the code's five tries before it compares, so parallel guesses
 * cannot pass the limit, and a right code is used up.
 *
 * What was proved is kept by the browser, not by the server: a cookie
 * with the mobile, its expiry and a MAC of both, good for a day, so every
 * worker on every host accepts it without a lookup and the person proves
 * the mobile once, not once per booking.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sodium.h>
#include "portal.h"
#include "identity.h"

#define CODE_MINUTES 5
#define CODE_TRIES 5
#define PROOF_COOKIE "mobile_ok"
#define PROOF_SECONDS 86400L
#define PROOF_MAC_CHARS 22

static int code_mac(const char *mobile, const char *code, char *out, size_t len)
{
    char msg[64];
    snprintf(msg, sizeof(msg), "code:%s:%s", mobile, code);
    return secret_mac("verify", msg, out, len, 0);
}

/* Sends a new code to `mobile`.  Returns 0 when it is queued, 429 when a
 * limit refused (the message is beside field `index`), -1 on error. */
int verify_send(struct request *r, struct form *f, int index, const char *mobile)
{
    struct rate_answer a;
    const char *ip = r->client_ip ? r->client_ip : "-";
    static const char *const rules[] = {"verify.mobile", "verify.mobile.day"};
    if (rate_take("verify.client", ip, &a)) return -1;
    if (!a.allowed) return rate_refuse(r, f, index, &a);
    for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
        if (rate_take(rules[i], mobile, &a)) return -1;
        if (!a.allowed) return rate_refuse(r, f, index, &a);
    }

    char code[8], mac[64], key[80], nonce[64], minutes[8];
    snprintf(code, sizeof(code), "%06u", (unsigned)randombytes_uniform(1000000));
    if (code_mac(mobile, code, mac, sizeof(mac)) || random_token(nonce, sizeof(nonce))) return -1;
    snprintf(key, sizeof(key), "verify:%s:%.16s", mobile, nonce);
    snprintf(minutes, sizeof(minutes), "%d", CODE_MINUTES);
    if (db_begin()) return -1;
    if (db_exec("INSERT INTO verification_codes (mobile, code_mac, attempts, created_at, expires_at)"
                " VALUES (?, ?, 0, NOW(), NOW() + INTERVAL ? MINUTE)"
                " ON DUPLICATE KEY UPDATE code_mac = VALUES(code_mac), attempts = 0,"
                " created_at = VALUES(created_at), expires_at = VALUES(expires_at)",
                "ssi", mobile, mac, (long long)CODE_MINUTES) < 1 ||
        outbox_queue(key, "verify_code", mobile, OUTBOX_ERASE_AFTER_SEND,
                     "code", code, "minutes", minutes, (const char *)NULL) ||
        db_commit()) {
        db_rollback();
        return -1;
    }
    char masked[16];
    mask_mobile(mobile, masked, sizeof(masked));
    hdf_set_value(r->hdf, "Verify.sent_to", masked);
    hdf_set_int_value(r->hdf, "Verify.minutes", CODE_MINUTES);
    return 0;
}

/* The proof cookie for `mobile`, good until `expires` (Unix time). */
static int proof_value(const char *mobile, long long expires, char *out, size_t len)
{
    char msg[64], mac[64];
    snprintf(msg, sizeof(msg), "mobile:%s:%lld", mobile, expires);
    if (secret_mac("verify", msg, mac, sizeof(mac), PROOF_MAC_CHARS)) return -1;
    snprintf(out, len, "%s.%lld.%s", mobile, expires, mac);
    return 0;
}

/* Checks `code` for `mobile`.  Returns 1 when it is right (the browser is
 * given the proof), 0 when not (the reason beside field `index`: wrong,
 * with the tries left, or expired / spent / never sent), -1 on error. */
int verify_check(struct request *r, struct form *f, int index, const char *mobile, const char *code)
{
    char mac[64], proof[96];
    HDF *row = NULL;
    if (strlen(code) != 6 || strspn(code, "0123456789") != 6) {
        form_error(r, f, index, "verify_code_format");
        return 0;
    }
    /* one try spent first, atomically: a guess that is not counted is not made */
    long long tried = db_exec("UPDATE verification_codes SET attempts = attempts + 1"
                              " WHERE mobile = ? AND expires_at > NOW() AND attempts < ?",
                              "si", mobile, (long long)CODE_TRIES);
    if (tried < 0) return -1;
    if (tried == 0) {
        form_error(r, f, index, "verify_code_expired");
        return 0;
    }
    if (hdf_init(&row)) return -1;
    int found = db_row(row, "C", "SELECT code_mac, ? - attempts AS left_tries FROM verification_codes"
                                 " WHERE mobile = ?", "is", (long long)CODE_TRIES, mobile);
    int ok = found == 1 && code_mac(mobile, code, mac, sizeof(mac)) == 0 &&
             strlen(mac) == strlen(hdf_get_value(row, "C.code_mac", "")) &&
             sodium_memcmp(mac, hdf_get_value(row, "C.code_mac", ""), strlen(mac)) == 0;
    int left = hdf_get_int_value(row, "C.left_tries", 0);
    hdf_destroy(&row);
    if (found < 0) return -1;
    if (!ok) {
        HDF *vars;
        STRING text;
        char n[16];
        if (hdf_init(&vars)) return -1;
        snprintf(n, sizeof(n), "%d", left);
        hdf_set_value(vars, "left", n);
        string_init(&text);
        text_fill(&text, lang(left > 0 ? "Error.verify_code_wrong" : "Error.verify_code_spent"), vars);
        form_error_text(r, f, index, text.buf ? text.buf : "");
        string_clear(&text);
        hdf_destroy(&vars);
        return 0;
    }
    /* a right code is used up: it proves the mobile once */
    if (db_exec("DELETE FROM verification_codes WHERE mobile = ? AND code_mac = ?", "ss", mobile, mac) != 1) {
        form_error(r, f, index, "verify_code_expired");
        return 0;
    }
    if (proof_value(mobile, (long long)time(NULL) + PROOF_SECONDS, proof, sizeof(proof))) return -1;
    cookie_set(r, PROOF_COOKIE, proof, "/", PROOF_SECONDS);
    hdf_set_value(r->hdf, "Cookie." PROOF_COOKIE, proof);
    return 1;
}

/* The mobile this browser has proved within the last day, copied to
 * `out`, or NULL. */
const char *verified_mobile(struct request *r, char out[12])
{
    const char *v = hdf_get_value(r->hdf, "Cookie." PROOF_COOKIE, NULL);
    char mobile[12], want[96];
    if (!v || strlen(v) > 80 || strlen(v) < 14 || v[11] != '.') return NULL;
    memcpy(mobile, v, 11);
    mobile[11] = 0;
    if (cn_mobile_check(mobile)) return NULL;
    char *end;
    long long expires = strtoll(v + 12, &end, 10);
    if (*end != '.' || expires < (long long)time(NULL) || expires > (long long)time(NULL) + PROOF_SECONDS)
        return NULL;
    if (proof_value(mobile, expires, want, sizeof(want))) return NULL;
    if (strlen(want) != strlen(v) || sodium_memcmp(want, v, strlen(v)) != 0) return NULL;
    memcpy(out, mobile, 12);
    return out;
}

/* Forgets the proof (the person wants to use another mobile). */
void verify_forget(struct request *r)
{
    cookie_set(r, PROOF_COOKIE, "", "/", 0);
    hdf_remove_tree(r->hdf, "Cookie." PROOF_COOKIE);
}
