/*
 * office/login.c - staff log in and out.
 *
 * A wrong username and a wrong password get the same answer in the same
 * time.  Guessing is limited without letting anyone lock staff out:
 *
 *   - a browser that has logged in to an account before carries a signed
 *     cookie saying so (office_device, 'device' key).  Its attempts at that
 *     account are limited on their own (login.pair on the browser), and
 *     nothing other addresses do slows it down;
 *   - every other attempt is limited per account and address (login.pair:
 *     5 in 15 minutes, then 30 s doubling), per address over all accounts
 *     (login.address: 20, then 60 s doubling) and per account over all
 *     addresses (login.account: past 10 in 15 minutes, one every 10 s), so
 *     an attacker can lock only their own address and merely slows the
 *     account for browsers it has never seen.
 *
 * Every attempt takes from its limits before the password is checked, so
 * a burst of parallel guesses cannot slip past them; a good login gives
 * back the person's own attempts (its typos at this address are forgiven
 * at the address and account too), and nothing else.  The limits and the
 * counters are in MariaDB (rate_rules, rate_limits), shared by every
 * worker and host.
 */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "office.h"

#define DEVICE_COOKIE "office_device"
#define DEVICE_DAYS 180
#define DEVICE_MAC_CHARS 22

enum { L_USERNAME, L_PASSWORD, L_NEXT };
static const struct field login_fields[] = {
    [L_USERNAME] = {"username", FIELD_TEXT, 1, 1, 64, NULL, "Login.username"},
    [L_PASSWORD] = {"password", FIELD_SECRET, 1, 1, 256, NULL, "Login.password"},
    [L_NEXT] = {"next", FIELD_TEXT, 0, 0, 500, NULL, "Login.next"},
    {0},
};

static int show_login(struct request *r, int status)
{
    r->status = status;
    return render(r, "office/login.cs");
}

/* GET /office/login */
int office_login_form(struct request *r)
{
    if (r->user.id) return redirect(r, "/office/");
    const char *next = req_param(r, "next");
    if (next && local_path_safe(next)) hdf_set_value(r->hdf, "Form.next", next);
    return show_login(r, 200);
}

/* 1 when this browser's device cookie was given by a good login to
 * `username`; its nonce is then copied to `nonce`. */
static int trusted_device(struct request *r, const char *username, char nonce[44])
{
    char msg[160];
    const char *v = hdf_get_value(r->hdf, "Cookie." DEVICE_COOKIE, NULL);
    const char *dot = v ? strchr(v, '.') : NULL;
    nonce[0] = 0;
    if (!dot || dot - v != 43 || strlen(dot + 1) != DEVICE_MAC_CHARS) return 0;
    snprintf(msg, sizeof(msg), "device:%s:%.43s", username, v);
    if (!secret_mac_matches("device", msg, dot + 1, DEVICE_MAC_CHARS)) return 0;
    memcpy(nonce, v, 43);
    nonce[43] = 0;
    return 1;
}

/* After a good login: this browser is trusted for this account from now on. */
static void remember_device(struct request *r, const char *username, const char *nonce)
{
    char fresh[64], msg[160], mac[64], value[128];
    if (!nonce[0]) {
        if (random_token(fresh, sizeof(fresh))) return;
        nonce = fresh;
    }
    snprintf(msg, sizeof(msg), "device:%s:%s", username, nonce);
    if (secret_mac("device", msg, mac, sizeof(mac), DEVICE_MAC_CHARS)) return;
    snprintf(value, sizeof(value), "%s.%s", nonce, mac);
    cookie_set(r, DEVICE_COOKIE, value, "/office/", 86400L * DEVICE_DAYS);
}

/* The limits this attempt takes from, in order; the first that refuses
 * answers.  `pair` gets the pair's subject, to forgive after a good login. */
struct login_limits {
    char device[44];          /* the trusted browser's nonce, or "" */
    char pair[256];
    struct rate_answer pair_taken;
};

static int take_login_limits(struct request *r, const char *username, struct login_limits *l,
                             struct rate_answer *refused)
{
    const char *ip = r->client_ip ? r->client_ip : "-";
    struct rate_answer a;
    if (l->device[0]) snprintf(l->pair, sizeof(l->pair), "%s\ndevice:%s", username, l->device);
    else snprintf(l->pair, sizeof(l->pair), "%s\n%s", username, ip);
    if (!l->device[0]) {
        if (rate_take("login.address", ip, &a)) return -1;
        if (!a.allowed) return *refused = a, 1;
    }
    if (rate_take("login.pair", l->pair, &l->pair_taken)) return -1;
    if (!l->pair_taken.allowed) return *refused = l->pair_taken, 1;
    if (!l->device[0]) {
        if (rate_take("login.account", username, &a)) return -1;
        if (!a.allowed) return *refused = a, 1;
    }
    return 0;
}

/* A good login: the person's own attempts are given back, here and in the
 * address's and account's counts. */
static void forgive_login(struct request *r, const char *username, const struct login_limits *l)
{
    int own = (int)l->pair_taken.hits;
    if (!l->device[0]) {
        rate_forgive("login.address", r->client_ip ? r->client_ip : "-", own);
        rate_forgive("login.account", username, own);
    }
    rate_forgive("login.pair", l->pair, 0);
}

/* POST /office/login */
int office_login(struct request *r)
{
    struct form f;
    struct login_limits limits = {0};
    struct rate_answer refused;
    if (form_read(r, login_fields, &f)) return show_login(r, 422);
    const char *username = f.v[L_USERNAME].text;

    trusted_device(r, username, limits.device);
    int taken = take_login_limits(r, username, &limits, &refused);
    if (taken < 0) return 503;
    if (taken) {
        rate_refuse(r, &f, L_USERNAME, &refused);
        return show_login(r, 429);
    }
    int found = db_row(r->private_hdf, "Account",
                       "SELECT id, password_hash, disabled FROM users WHERE username = ?", "s", username);
    if (found < 0) return 503;
    const char *hash = found ? hdf_get_value(r->private_hdf, "Account.password_hash", NULL) : NULL;
    int ok = password_verify(hash, f.v[L_PASSWORD].text) &&
             !hdf_get_int_value(r->private_hdf, "Account.disabled", 1);
    if (!ok) {
        form_error(r, &f, L_PASSWORD, "login_failed");
        return show_login(r, 422);
    }

    long long user_id = hdf_get_int_value(r->private_hdf, "Account.id", 0);
    snprintf(r->user.username, sizeof(r->user.username), "%s", username);
    if (db_begin() || session_start(r, user_id) ||
        db_exec("UPDATE users SET last_login_at = NOW() WHERE id = ?", "i", user_id) < 0 ||
        audit_record(r, "login", "user", user_id, NULL, NULL) || db_commit())
        return 503;
    forgive_login(r, username, &limits);
    remember_device(r, username, limits.device);
    const char *next = f.v[L_NEXT].text;
    return redirect(r, next && local_path_safe(next) && !strncmp(next, "/office/", 8) ? next : "/office/");
}

/* POST /office/logout */
int office_logout(struct request *r)
{
    if (db_begin() == 0) {
        audit_record(r, "logout", "user", r->user.id, NULL, NULL);
        session_end(r);
        db_commit();
    }
    return redirect(r, "/office/login?done=logout");
}
