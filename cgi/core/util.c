/*
 * util.c - small shared helpers built on libsodium and the clock.
 */
#include <string.h>
#include <time.h>
#include <sodium.h>
#include "portal.h"

/* 32 random bytes as unpadded base64url (43 characters): session cookies,
 * CSRF seeds, one-time tokens. */
int random_token(char *out, size_t outlen)
{
    unsigned char raw[32];
    if (outlen < sodium_base64_ENCODED_LEN(sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING))
        return -1;
    randombytes_buf(raw, sizeof(raw));
    sodium_bin2base64(out, outlen, raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return 0;
}

/* Tokens are stored only as their hash, so a copy of the database does not
 * hand out working cookies. */
void sha256_hex(const char *in, char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)in, strlen(in));
    sodium_bin2hex(out, 65, h, sizeof(h));
}

/* Appends `tmpl` with every `key` replaced by `value`: texts from the
 * language file with {placeholders}. */
void string_replace_all(STRING *out, const char *tmpl, const char *key, const char *value)
{
    size_t klen = strlen(key);
    const char *p;
    while ((p = strstr(tmpl, key)) != NULL) {
        string_appendn(out, tmpl, (int)(p - tmpl));
        string_append(out, value);
        tmpl = p + klen;
    }
    string_append(out, tmpl);
}

double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}
