/*
 * csrf.c - a token on every form, checked on every POST.
 *
 * The token is HMAC-SHA256(key, seed).  The seed is the office session (so
 * a token dies with its session) or, before login, a random value in an
 * HttpOnly SameSite=Strict cookie.  The key lives in MariaDB (app_secrets),
 * so every worker on every host makes and accepts the same tokens and no
 * process keeps anything of a visitor between requests.
 */
#include <string.h>
#include <sodium.h>
#include "portal.h"

static unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
static int have_key;

int csrf_load_key(void)
{
    HDF *tmp;
    if (have_key) return 0;
    if (hdf_init(&tmp)) return -1;
    int found = db_row(tmp, "K", "SELECT value FROM app_secrets WHERE name = 'csrf'", "");
    const char *hex = hdf_get_value(tmp, "K.value", "");
    size_t len = 0;
    if (found == 1 && sodium_hex2bin(key, sizeof(key), hex, strlen(hex), NULL, &len, NULL) == 0 &&
        len == sizeof(key))
        have_key = 1;
    hdf_destroy(&tmp);
    if (!have_key) log_error("csrf: no key in app_secrets");
    return have_key ? 0 : -1;
}

int csrf_token_for(const char *seed, char *out, size_t outlen)
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    if (!have_key && csrf_load_key()) return -1;
    crypto_auth_hmacsha256(mac, (const unsigned char *)seed, strlen(seed), key);
    if (outlen < sodium_base64_ENCODED_LEN(sizeof(mac), sodium_base64_VARIANT_URLSAFE_NO_PADDING))
        return -1;
    sodium_bin2base64(out, outlen, mac, sizeof(mac), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return 0;
}

static int seed_cookie_ok(const char *v)
{
    if (!v || strlen(v) != 43) return 0;
    for (; *v; v++)
        if (!((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') ||
              (*v >= '0' && *v <= '9') || *v == '-' || *v == '_'))
            return 0;
    return 1;
}

/* The seed of this visitor, or NULL when there is none yet. */
static const char *csrf_seed(struct request *r, char *buf, size_t len)
{
    if (r->session_hash[0]) {
        snprintf(buf, len, "session:%s", r->session_hash);
        return buf;
    }
    const char *c = hdf_get_value(r->hdf, "Cookie.csrf", NULL);
    if (!seed_cookie_ok(c)) return NULL;
    snprintf(buf, len, "visitor:%s", c);
    return buf;
}

/* Puts CSRF.token into the page, first giving a new visitor a seed. */
void csrf_prepare(struct request *r)
{
    char seed[128], token[64];
    if (!csrf_seed(r, seed, sizeof(seed))) {
        char fresh[64];
        random_token(fresh, sizeof(fresh));
        cookie_set(r, "csrf", fresh, "/", -1);
        hdf_set_value(r->hdf, "Cookie.csrf", fresh);
        csrf_seed(r, seed, sizeof(seed));
    }
    if (csrf_token_for(seed, token, sizeof(token)) == 0) hdf_set_value(r->hdf, "CSRF.token", token);
    r->cacheable = 0;
}

int csrf_valid(struct request *r)
{
    char seed[128], want[64];
    const char *got = hdf_get_value(r->hdf, "Query._csrf", NULL);
    if (!got || !csrf_seed(r, seed, sizeof(seed))) return 0;
    if (csrf_token_for(seed, want, sizeof(want))) return 0;
    return strlen(got) == strlen(want) && sodium_memcmp(got, want, strlen(want)) == 0;
}
