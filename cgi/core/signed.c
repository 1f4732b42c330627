/*
 * signed.c - signed, expiring tokens: what a link or a QR code carries so
 * that whoever holds it may see one record until a time, without a lookup
 * on the server and without exposing any other record.
 *
 * A token reads "<subject>.<expires>.<mac>": the subject (a report's
 * barcode, an application number; letters, digits, '-' and '_' only, so it
 * needs no escaping in a URL), the expiry in Unix seconds, and 22
 * characters (132 bits) of HMAC-SHA256 over purpose, subject and expiry
 * with one of the named keys of secret.c.  The purpose ("report",
 * "certificate"...) is signed but not written, so a token made for one use
 * is refused by every other even under the same key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "portal.h"

#define SIGNED_MAC_CHARS 22
#define SUBJECT_MAX 64

static int subject_ok(const char *s, size_t len)
{
    if (len == 0 || len > SUBJECT_MAX) return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '-' || c == '_'))
            return 0;
    }
    return 1;
}

static int signed_message(char *out, size_t outlen, const char *purpose, const char *subject,
                          size_t subject_len, long long expires_at)
{
    int n = snprintf(out, outlen, "%s:%.*s:%lld", purpose, (int)subject_len, subject, expires_at);
    return n > 0 && (size_t)n < outlen ? 0 : -1;
}

/* Makes a token for `subject` good until `expires_at` (Unix seconds).
 * Returns 0, or -1 when the subject cannot be carried or no key exists. */
int signed_token_make(const char *key, const char *purpose, const char *subject,
                      long long expires_at, char *out, size_t outlen)
{
    char msg[160], mac[64];
    size_t len = strlen(subject);
    if (!subject_ok(subject, len) || expires_at <= 0) return -1;
    if (signed_message(msg, sizeof(msg), purpose, subject, len, expires_at)) return -1;
    if (secret_mac(key, msg, mac, sizeof(mac), SIGNED_MAC_CHARS)) return -1;
    int n = snprintf(out, outlen, "%s.%lld.%s", subject, expires_at, mac);
    return n > 0 && (size_t)n < outlen ? 0 : -1;
}

/* Checks a token made by signed_token_make() for the same key and purpose.
 * SIGNED_VALID puts its subject (and expiry, when asked) in the buffers;
 * SIGNED_EXPIRED means a genuine token whose time is over (the subject is
 * filled too, so a page can say "this link has expired" rather than "not
 * found"); SIGNED_BAD is anything else, tampered or malformed. */
enum signed_state signed_token_open(const char *key, const char *purpose, const char *token,
                                    char *subject, size_t subject_len, long long *expires_at)
{
    if (!token) return SIGNED_BAD;
    const char *dot1 = strchr(token, '.');
    const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
    if (!dot1 || !dot2 || strchr(dot2 + 1, '.')) return SIGNED_BAD;
    size_t len = (size_t)(dot1 - token);
    if (!subject_ok(token, len) || len >= subject_len) return SIGNED_BAD;

    long long when = 0;
    for (const char *p = dot1 + 1; p < dot2; p++) {
        if (*p < '0' || *p > '9' || when > 1000000000000LL) return SIGNED_BAD;
        when = when * 10 + (*p - '0');
    }
    if (dot2 == dot1 + 1 || when <= 0) return SIGNED_BAD;

    char msg[160];
    if (signed_message(msg, sizeof(msg), purpose, token, len, when)) return SIGNED_BAD;
    if (!secret_mac_matches(key, msg, dot2 + 1, SIGNED_MAC_CHARS)) return SIGNED_BAD;
    memcpy(subject, token, len);
    subject[len] = 0;
    if (expires_at) *expires_at = when;
    return (long long)time(NULL) >= when ? SIGNED_EXPIRED : SIGNED_VALID;
}
