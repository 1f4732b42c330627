/*
 * session.c - office logins kept in MariaDB.
 *
 * The browser holds a random token in an HttpOnly, SameSite=Strict cookie
 * scoped to /office/; the database holds only its SHA-256.  A session ends
 * after 30 idle minutes or 8 hours, whichever comes first, or at logout.
 *
 * Failed logins are counted per username and per client address in
 * login_throttle, so the backoff holds across every worker and host.
 */
#include <stdio.h>
#include <string.h>
#include "portal.h"

#define SESSION_COOKIE "office_session"
#define USER_FAILURES_BEFORE_LOCK 5
#define IP_FAILURES_BEFORE_LOCK 20

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

/* 1 when this username or this address is locked out; Lock.minutes says
 * for how much longer. */
int login_locked_until(const char *username, const char *ip, HDF *out)
{
    int found = db_row(out, "Lock",
        "SELECT MAX(locked_until) AS until,"
        " CEIL(TIMESTAMPDIFF(SECOND, NOW(), MAX(locked_until)) / 60) AS minutes"
        " FROM login_throttle WHERE locked_until > NOW()"
        " AND ((scope = 'user' AND subject = ?) OR (scope = 'ip' AND subject = ?))"
        " HAVING until IS NOT NULL",
        "ss", username, ip);
    return found == 1;
}

/* Counts a failure in a 15-minute window; past the threshold each further
 * failure locks for 30 s, doubling, at most 15 minutes. */
static void count_failure(const char *scope, const char *subject, long long threshold)
{
    db_exec("INSERT INTO login_throttle (scope, subject, failures, window_start)"
            " VALUES (?, ?, 1, NOW())"
            " ON DUPLICATE KEY UPDATE"
            " failures = IF(window_start < NOW() - INTERVAL 15 MINUTE, 1, failures + 1),"
            " window_start = IF(failures = 1, NOW(), window_start),"
            " locked_until = IF(failures >= ?,"
            "   NOW() + INTERVAL LEAST(900, 30 * POW(2, failures - ?)) SECOND, locked_until)",
            "ssii", scope, subject, threshold, threshold);
}

void login_failed(const char *username, const char *ip)
{
    count_failure("user", username, USER_FAILURES_BEFORE_LOCK);
    count_failure("ip", ip, IP_FAILURES_BEFORE_LOCK);
}

void login_succeeded(const char *username, const char *ip)
{
    (void)ip;
    db_exec("DELETE FROM login_throttle WHERE scope = 'user' AND subject = ?", "s", username);
}
