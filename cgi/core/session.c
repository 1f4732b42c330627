/*
 * session.c - office logins kept in MariaDB.
 *
 * The browser holds a random token in an HttpOnly, SameSite=Strict cookie
 * scoped to /office/; the database holds only its SHA-256.  A session ends
 * after 30 idle minutes or 8 hours, whichever comes first, or at logout.
 *
 * How often a login may be tried is the office login's own policy
 * (cgi/office/login.c), counted by ratelimit.c.
 */
#include <stdio.h>
#include <string.h>
#include "portal.h"

#define SESSION_COOKIE "office_session"

void session_load(struct request *r)
{
    const char *token = hdf_get_value(r->hdf, "Cookie." SESSION_COOKIE, NULL);
    char hash[65];
    if (!token || strlen(token) != 43) return;
    sha256_hex(token, hash);
    int found = db_row(r->private_hdf, "Session",
        "SELECT u.id, u.username, u.display_name, u.roles + 0 AS roles,"
        " s.last_seen_at < NOW() - INTERVAL 1 MINUTE AS stale"
        " FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = ? AND s.expires_at > NOW()"
        " AND s.last_seen_at > NOW() - INTERVAL 30 MINUTE AND u.disabled = 0",
        "s", hash);
    if (found != 1) return;
    r->user.id = hdf_get_int_value(r->private_hdf, "Session.id", 0);
    r->user.roles = (unsigned)hdf_get_int_value(r->private_hdf, "Session.roles", 0);
    snprintf(r->user.username, sizeof(r->user.username), "%s",
             hdf_get_value(r->private_hdf, "Session.username", ""));
    memcpy(r->session_hash, hash, sizeof(hash));
    hdf_set_value(r->hdf, "User.username", r->user.username);
    hdf_set_value(r->hdf, "User.display_name",
                  hdf_get_value(r->private_hdf, "Session.display_name", ""));
    for (int bit = 0; bit < 5; bit++) {
        static const char *names[] = {"office", "desk", "lab", "volunteer", "admin"};
        char name[64];
        snprintf(name, sizeof(name), "User.role.%s", names[bit]);
        if (r->user.roles & (1u << bit)) hdf_set_int_value(r->hdf, name, 1);
    }
    /* sliding idle timeout, written at most once a minute */
    if (hdf_get_int_value(r->private_hdf, "Session.stale", 0))
        db_exec("UPDATE sessions SET last_seen_at = NOW() WHERE token_hash = ?", "s", hash);
}

/* A fresh token on every login, so a token planted before login (session
 * fixation) is worth nothing after it. */
int session_start(struct request *r, long long user_id)
{
    char token[64], hash[65];
    if (random_token(token, sizeof(token))) return -1;
    sha256_hex(token, hash);
    if (db_exec("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip)"
                " VALUES (?, ?, NOW(), NOW(), NOW() + INTERVAL 8 HOUR, ?)",
                "sis", hash, user_id, r->client_ip) != 1)
        return -1;
    db_exec("DELETE FROM sessions WHERE expires_at < NOW() - INTERVAL 1 DAY", "");
    cookie_set(r, SESSION_COOKIE, token, "/office/", -1);
    memcpy(r->session_hash, hash, sizeof(hash));
    r->user.id = user_id;
    return 0;
}

void session_end(struct request *r)
{
    if (r->session_hash[0])
        db_exec("DELETE FROM sessions WHERE token_hash = ?", "s", r->session_hash);
    cookie_set(r, SESSION_COOKIE, "", "/office/", 0);
    r->session_hash[0] = 0;
    r->user.id = 0;
}
