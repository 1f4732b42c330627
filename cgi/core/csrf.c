/*
 * csrf.c - a token on every form, checked on every POST.
 *
 * The token is HMAC-SHA256(key, seed).  The seed is the office session (so
 * a token dies with its session) or, before login, a random value in an
 * HttpOnly SameSite=Strict cookie.  The key is the 'csrf' key of secret.c.
 */
#include <string.h>
#include "portal.h"

int csrf_token_for(const char *seed, char *out, size_t outlen)
{
    return secret_mac("csrf", seed, out, outlen, 0);
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

/* A POST's token counts only from its body (request.c notes one in the
 * query string). */
int csrf_valid(struct request *r)
{
    char seed[128];
    if (r->csrf_in_query) return 0;
    const char *got = hdf_get_value(r->hdf, "Query._csrf", NULL);
    return got && csrf_seed(r, seed, sizeof(seed)) && secret_mac_matches("csrf", seed, got, 0);
}
