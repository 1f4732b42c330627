/*
 * office/login.c - staff log in and out.
 *
 * A wrong username and a wrong password get the same answer in the same
 * time.  Repeated failures lock the username (and, at a higher count, the
 * address) for a growing time, counted in MariaDB so it holds across every
 * worker.
 */
#include <stdio.h>
#include <string.h>
#include "office.h"

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

/* POST /office/login */
int office_login(struct request *r)
{
    struct form f;
    if (form_read(r, login_fields, &f)) return show_login(r, 422);
    const char *username = f.v[L_USERNAME].text, *ip = r->client_ip ? r->client_ip : "-";

    if (login_locked_until(username, ip, r->hdf)) {
        form_error(r, &f, L_USERNAME, "login_locked");
        return show_login(r, 429);
    }
    int found = db_row(r->private_hdf, "Account",
                       "SELECT id, password_hash, disabled FROM users WHERE username = ?", "s", username);
    if (found < 0) return 503;
    const char *hash = found ? hdf_get_value(r->private_hdf, "Account.password_hash", NULL) : NULL;
    int ok = password_verify(hash, f.v[L_PASSWORD].text) &&
             !hdf_get_int_value(r->private_hdf, "Account.disabled", 1);
    if (!ok) {
        login_failed(username, ip);
        form_error(r, &f, L_PASSWORD, "login_failed");
        return show_login(r, 422);
    }

    long long user_id = hdf_get_int_value(r->private_hdf, "Account.id", 0);
    snprintf(r->user.username, sizeof(r->user.username), "%s", username);
    if (db_begin() || session_start(r, user_id) ||
        db_exec("UPDATE users SET last_login_at = NOW() WHERE id = ?", "i", user_id) < 0 ||
        audit_record(r, "login", "user", user_id, NULL, NULL) || db_commit())
        return 503;
    login_succeeded(username, ip);
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
