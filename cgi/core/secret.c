/*
 * secret.c - MACs with the portal's named keys (app_secrets in MariaDB):
 * 'csrf' for form tokens, 'checkin' for booking QR codes and links,
 * 'device' for browsers trusted by an office account, 'verify' for mobile
 * verification.  Each
 * key is read once per process, so every worker on every host makes and
 * accepts the same tokens and nothing about a visitor is kept in memory.
 */
#include <string.h>
#include <sodium.h>
#include "portal.h"

#define MAX_KEYS 32

struct named_key {
    char name[16];
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
};

static struct named_key keys[MAX_KEYS];
static int nkeys;

static const unsigned char *key_get(const char *name)
{
    for (int i = 0; i < nkeys; i++)
        if (strcmp(keys[i].name, name) == 0) return keys[i].key;
    if (nkeys == MAX_KEYS || strlen(name) >= sizeof(keys[0].name)) return NULL;
    HDF *tmp;
    if (hdf_init(&tmp)) return NULL;
    const unsigned char *found = NULL;
    size_t len = 0;
    if (db_row(tmp, "K", "SELECT value FROM app_secrets WHERE name = ?", "s", name) == 1) {
        const char *hex = hdf_get_value(tmp, "K.value", "");
        struct named_key *k = &keys[nkeys];
        if (sodium_hex2bin(k->key, sizeof(k->key), hex, strlen(hex), NULL, &len, NULL) == 0 &&
            len == sizeof(k->key)) {
            snprintf(k->name, sizeof(k->name), "%s", name);
            found = keys[nkeys++].key;
        }
    }
    hdf_destroy(&tmp);
    if (!found) log_error("secret: no key '%s' in app_secrets", name);
    return found;
}

/* Installs key `name` from 64 hex characters without asking MariaDB: for
 * the unit tests, which have no database.  Returns 0, or -1 when the hex
 * is not a key or the table is full. */
int secret_key_install(const char *name, const char *hex)
{
    size_t len = 0;
    if (nkeys == MAX_KEYS || strlen(name) >= sizeof(keys[0].name)) return -1;
    struct named_key *k = &keys[nkeys];
    if (sodium_hex2bin(k->key, sizeof(k->key), hex, strlen(hex), NULL, &len, NULL) != 0 ||
        len != sizeof(k->key))
        return -1;
    snprintf(k->name, sizeof(k->name), "%s", name);
    nkeys++;
    return 0;
}

/* base64url (unpadded) of HMAC-SHA256(key `name`, message), cut to `chars`
 * characters when chars > 0 (shorter tokens for links people may type). */
int secret_mac(const char *name, const char *message, char *out, size_t outlen, size_t chars)
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    const unsigned char *key = key_get(name);
    if (!key) return -1;
    crypto_auth_hmacsha256(mac, (const unsigned char *)message, strlen(message), key);
    if (outlen < sodium_base64_ENCODED_LEN(sizeof(mac), sodium_base64_VARIANT_URLSAFE_NO_PADDING))
        return -1;
    sodium_bin2base64(out, outlen, mac, sizeof(mac), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    if (chars && chars < strlen(out)) out[chars] = 0;
    return 0;
}

/* Constant-time check of a token made by secret_mac(). */
int secret_mac_matches(const char *name, const char *message, const char *token, size_t chars)
{
    char want[64];
    if (!token || secret_mac(name, message, want, sizeof(want), chars)) return 0;
    size_t n = strlen(want);
    return strlen(token) == n && sodium_memcmp(token, want, n) == 0;
}
