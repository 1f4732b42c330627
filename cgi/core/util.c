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

/* Appends `tmpl`, a text from the language file, with each {name} whose
 * name is a child of `vars` replaced by that child's value; any other
 * brace is kept as it is.  One pass: a value that itself contains {name}
 * is not filled again. */
void text_fill(STRING *out, const char *tmpl, HDF *vars)
{
    const char *p = tmpl;
    while (*p) {
        const char *open = strchr(p, '{');
        if (!open) break;
        const char *close = open + 1;
        while ((*close >= 'a' && *close <= 'z') || *close == '_') close++;
        string_appendn(out, p, (int)(open - p));
        char name[64];
        const char *value = NULL;
        if (*close == '}' && close - open - 1 > 0 && close - open - 1 < (long)sizeof(name)) {
            snprintf(name, sizeof(name), "%.*s", (int)(close - open - 1), open + 1);
            value = vars ? hdf_get_value(vars, name, NULL) : NULL;
        }
        if (value) {
            string_append(out, value);
            p = close + 1;
        } else {
            string_appendn(out, open, 1);
            p = open + 1;
        }
    }
    string_append(out, p);
}

double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}
