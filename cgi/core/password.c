/*
 * password.c - office passwords, hashed with argon2id (libsodium).
 *
 * argon2id is memory-hard: each guess costs 64 MiB and a few hundred
 * milliseconds, which makes a stolen users table expensive to attack.
 */
#include <string.h>
#include <sodium.h>
#include "portal.h"

int password_hash(const char *password, char *out, size_t outlen)
{
    if (outlen < crypto_pwhash_STRBYTES) return -1;
    return crypto_pwhash_str(out, password, strlen(password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

/* 1 when the password matches.  With hash NULL (no such user) a fixed
 * dummy hash is checked instead, so the answer takes as long either way and
 * does not tell which usernames exist. */
int password_verify(const char *hash, const char *password)
{
    static char dummy[crypto_pwhash_STRBYTES];
    if (!hash) {
        if (!dummy[0]) password_hash("not a password of anyone", dummy, sizeof(dummy));
        int same = crypto_pwhash_str_verify(dummy, password, strlen(password));
        (void)same;
        return 0;
    }
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}
