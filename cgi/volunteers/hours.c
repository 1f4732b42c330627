/*
 * volunteers/hours.c - service hours: shifts recorded by the coordinator,
 * or by the volunteer scanning the service point's QR code on arriving and
 * on leaving; monthly totals with those under 4 hours flagged; the monthly
 * CSV export; the service points' printable QR codes.
 *
 * A point's QR code carries a signed token of the point (signed.c, purpose
 * vol-point), so a made-up code is refused; the volunteer is identified by
 * the signed link the coordinator sends to their mobile (purpose vol-me),
 * which the browser keeps as a cookie: no password.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "volunteers.h"
#include "identity.h"
#include "qr.h"

enum { H_POINT, H_START, H_END };
static const struct field shift_fields[] = {
    [H_POINT] = {"point", FIELD_PICK, 1, 1, 100000, NULL, "Vol.point"},
    [H_START] = {"started", FIELD_DATETIME, 1, 0, 0, NULL, "Vol.started"},
    [H_END] = {"ended", FIELD_DATETIME, 1, 0, 0, NULL, "Vol.ended"},
    {0},
};

int vol_office_view(struct request *r);

/* POST /office/volunteers/{id}/shifts */
int vol_office_shift(struct request *r)
{
    struct form f;
    int errors = form_read(r, shift_fields, &f);
    long minutes = -1;
    if (!errors) {
        minutes = vol_shift_minutes(f.v[H_START].datetime, f.v[H_END].datetime);
        if (minutes < 0) {
            form_error(r, &f, H_END, "vol_shift_times");
            errors++;
        }
    }
    if (!errors) {
        if (db_row(r->private_hdf, "Future", "SELECT ? > NOW() AS ahead", "s", f.v[H_END].datetime) < 0) return 500;
        if (hdf_get_int_value(r->private_hdf, "Future.ahead", 0)) {
            form_error(r, &f, H_END, "vol_shift_future");
            errors++;
        }
    }
    if (errors) {
        r->status = 422;
        return vol_office_view(r);
    }
    if (db_begin()) return 503;
    int found = db_row(r->private_hdf, "V", "SELECT status FROM volunteer_applications WHERE id = ? FOR UPDATE",
                       "i", r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    const char *status = hdf_get_value(r->private_hdf, "V.status", "");
    if (strcmp(status, "active") != 0 && strcmp(status, "suspended") != 0) {
        db_rollback();
        hdf_set_value(r->hdf, "Refusal", "forbidden");
        hdf_set_value(r->hdf, "RefusalText", lang("Vol.shift_not_active"));
        r->status = 409;
        return vol_office_view(r);
    }
    if (db_row(r->private_hdf, "P", "SELECT id FROM volunteer_points WHERE id = ?", "i", f.v[H_POINT].number) != 1) {
        db_rollback();
        form_error(r, &f, H_POINT, "not_a_choice");
        r->status = 422;
        return vol_office_view(r);
    }
    if (db_exec("INSERT INTO volunteer_shifts (application_id, point_id, started_at, ended_at, minutes, source, created_at)"
                " VALUES (?, ?, ?, ?, ?, 'office', NOW())", "iissi", r->path_id, f.v[H_POINT].number,
                f.v[H_START].datetime, f.v[H_END].datetime, (long long)minutes) != 1)
        return 500;
    char after[160];
    snprintf(after, sizeof(after), "{\"shift\": %lld, \"minutes\": %ld}", db_last_insert_id(), minutes);
    if (audit_record(r, "shift", "volunteer_application", r->path_id, NULL, after) || db_commit()) return 500;
    char where[96];
    snprintf(where, sizeof(where), "/office/volunteers/%lld?done=shift", r->path_id);
    return redirect(r, where);
}

/* ?month=YYYY-MM, else this month; into Hours.month and `out`. */
static void month_param(struct request *r, char out[8])
{
    const char *m = req_param(r, "month");
    int ok = m && strlen(m) == 7 && m[4] == '-' && m[0] >= '2' && m[0] <= '9';
    for (int i = 0; ok && i < 7; i++)
        if (i != 4 && (m[i] < '0' || m[i] > '9')) ok = 0;
    if (ok) {
        int mm = (m[5] - '0') * 10 + (m[6] - '0');
        ok = mm >= 1 && mm <= 12;
    }
    if (ok) {
        memcpy(out, m, 7);
        out[7] = 0;
    } else {
        time_t t = time(NULL);
        struct tm tm;
        strftime(out, 8, "%Y-%m", localtime_r(&t, &tm));
    }
    hdf_set_value(r->hdf, "Hours.month", out);
}

/* Active (and suspended) volunteers with their minutes in the month. */
static int load_month(struct request *r, const char *month)
{
    char first[11];
    snprintf(first, sizeof(first), "%s-01", month);
    return db_rows(r->hdf, "Hours.rows",
        "SELECT a.id, a.application_no AS no, a.name, a.status, COUNT(s.id) AS shifts,"
        " COALESCE(SUM(s.minutes), 0) AS minutes,"
        " CONCAT(COALESCE(SUM(s.minutes), 0) DIV 60, '小时', LPAD(COALESCE(SUM(s.minutes), 0) MOD 60, 2, '0'), '分') AS shown,"
        " COALESCE(SUM(s.minutes), 0) < ? AS below"
        " FROM volunteer_applications a LEFT JOIN volunteer_shifts s ON s.application_id = a.id"
        " AND s.minutes IS NOT NULL AND s.started_at >= ? AND s.started_at < ? + INTERVAL 1 MONTH"
        " WHERE a.status IN ('active', 'suspended') AND (a.active_since IS NULL OR a.active_since < ? + INTERVAL 1 MONTH)"
        " GROUP BY a.id ORDER BY below DESC, minutes, a.name",
        "isss", (long long)VOL_MONTHLY_MINUTES, first, first, first);
}

/* GET /office/volunteers/hours?month= */
int vol_office_hours(struct request *r)
{
    char month[8];
    month_param(r, month);
    if (load_month(r, month) < 0) return 500;
    int below = 0;
    for (HDF *h = hdf_obj_child(hdf_get_obj(r->hdf, "Hours.rows")); h; h = hdf_obj_next(h))
        below += hdf_get_int_value(h, "below", 0);
    hdf_set_int_value(r->hdf, "Hours.below", below);
    HDF *vars;
    if (hdf_init(&vars) == STATUS_OK) {
        hdf_set_int_value(vars, "n", below);
        vol_text(r, "below", "Vol.hours_below", vars);
        hdf_destroy(&vars);
    }
    return render(r, "volunteers/office_hours.cs");
}

/* One CSV field (RFC 4180): always quoted, quotes doubled; a value a
 * spreadsheet would take for a formula (= + - @ first) gets a ' before it. */
static void csv_field(STRING *out, const char *v, int last)
{
    string_append_char(out, '"');
    if (v && (*v == '=' || *v == '+' || *v == '-' || *v == '@')) string_append_char(out, '\'');
    for (const char *p = v ? v : ""; *p; p++) {
        if (*p == '"') string_append_char(out, '"');
        string_append_char(out, *p);
    }
    string_append_char(out, '"');
    string_append(out, last ? "\r\n" : ",");
}

/* GET /office/volunteers/hours.csv?month= */
int vol_office_hours_csv(struct request *r)
{
    char month[8], disposition[80], hours[32];
    month_param(r, month);
    if (load_month(r, month) < 0) return 500;
    string_append(&r->body, "\xEF\xBB\xBF");   /* so spreadsheets read it as UTF-8 */
    const char *head[] = {"Vol.csv_month", "Vol.no", "Vol.f_name", "Vol.csv_shifts", "Vol.csv_minutes",
                          "Vol.csv_hours", "Vol.csv_below"};
    for (int i = 0; i < 7; i++) csv_field(&r->body, lang(head[i]), i == 6);
    for (HDF *h = hdf_obj_child(hdf_get_obj(r->hdf, "Hours.rows")); h; h = hdf_obj_next(h)) {
        long long m = hdf_get_int_value(h, "minutes", 0);
        snprintf(hours, sizeof(hours), "%lld.%02lld", m / 60, (m % 60) * 100 / 60);
        csv_field(&r->body, month, 0);
        csv_field(&r->body, hdf_get_value(h, "no", ""), 0);
        csv_field(&r->body, hdf_get_value(h, "name", ""), 0);
        csv_field(&r->body, hdf_get_value(h, "shifts", "0"), 0);
        csv_field(&r->body, hdf_get_value(h, "minutes", "0"), 0);
        csv_field(&r->body, hours, 0);
        csv_field(&r->body, hdf_get_int_value(h, "below", 0) ? lang("Vol.csv_yes") : lang("Vol.csv_no"), 1);
    }
    r->content_type = "text/csv; charset=utf-8";
    snprintf(disposition, sizeof(disposition), "attachment; filename=\"volunteer-hours-%s.csv\"", month);
    header_add(r, "Content-Disposition", disposition);
    return 200;
}

/* The link a point's QR code carries: /volunteers/scan?t=<signed P<id>>. */
static int point_link(long long id, char *out, size_t len)
{
    char subject[24];
    snprintf(subject, sizeof(subject), "P%lld", id);
    return vol_signed_link(VOL_PURPOSE_POINT, subject, VOL_POINT_DAYS, "/volunteers/scan", out, len);
}

/* GET /office/volunteers/points : each point's QR code, to print. */
int vol_office_points(struct request *r)
{
    char path[256], url[400], name[64];
    if (db_rows(r->hdf, "Points", "SELECT id, name FROM volunteer_points ORDER BY id", "") < 0) return 500;
    const char *host = req_env(r, "HTTP_HOST");
    int i = 0;
    for (HDF *p = hdf_obj_child(hdf_get_obj(r->hdf, "Points")); p; p = hdf_obj_next(p), i++) {
        STRING svg;
        if (point_link(hdf_get_int_value(p, "id", 0), path, sizeof(path))) return 500;
        const char *site = hdf_get_value(render_globals(), "Site.url", NULL);
        if (site) snprintf(url, sizeof(url), "%s%s", site, path);
        else snprintf(url, sizeof(url), "http://%s%s", host ? host : "localhost", path);
        hdf_set_value(p, "link", url);
        string_init(&svg);
        if (qr_svg(url, hdf_get_value(p, "name", ""), &svg) == 0) {
            snprintf(name, sizeof(name), "Raw.points.%d", i);
            hdf_set_value(r->hdf, name, svg.buf);
        }
        string_clear(&svg);
    }
    return render(r, "volunteers/office_points.cs");
}

/* The volunteer this browser's signed link names, as Me.* (active or
 * suspended only); 1 found, 0 not, -1 database. */
static int load_me(struct request *r, const char *token)
{
    char no[16];
    if (signed_token_open(VOL_KEY, VOL_PURPOSE_ME, token, no, sizeof(no), NULL) != SIGNED_VALID) return 0;
    int found = db_row(r->hdf, "Me",
                       "SELECT id, application_no AS no, name, status FROM volunteer_applications"
                       " WHERE application_no = ? AND status IN ('active', 'suspended')", "s", no);
    if (found != 1) return found;
    return db_row(r->hdf, "Me.open",
                  "SELECT s.id, p.name AS point, DATE_FORMAT(s.started_at, '%H:%i') AS started"
                  " FROM volunteer_shifts s JOIN volunteer_points p ON p.id = s.point_id"
                  " WHERE s.application_id = ? AND s.ended_at IS NULL ORDER BY s.id DESC LIMIT 1",
                  "i", hdf_get_int_value(r->hdf, "Me.id", 0)) < 0 ? -1 : 1;
}

static int load_month_minutes(struct request *r)
{
    vol_text(r, "hello", "Vol.hello", hdf_get_obj(r->hdf, "Me"));
    if (hdf_get_obj(r->hdf, "Me.open")) vol_text(r, "open_shift", "Vol.open_shift", hdf_get_obj(r->hdf, "Me.open"));
    return db_row(r->hdf, "Me.month",
                  "SELECT COALESCE(SUM(minutes), 0) AS minutes,"
                  " CONCAT(COALESCE(SUM(minutes), 0) DIV 60, '小时', LPAD(COALESCE(SUM(minutes), 0) MOD 60, 2, '0'), '分') AS shown,"
                  " COALESCE(SUM(minutes), 0) < ? AS below"
                  " FROM volunteer_shifts WHERE application_id = ? AND started_at >= DATE_FORMAT(CURDATE(), '%Y-%m-01')",
                  "ii", (long long)VOL_MONTHLY_MINUTES, (long long)hdf_get_int_value(r->hdf, "Me.id", 0));
}

/* GET /volunteers/me?t=... : the link from the SMS; the browser keeps it. */
int vol_me(struct request *r)
{
    const char *t = req_param(r, "t");
    if (!t) t = hdf_get_value(r->hdf, "Cookie." VOL_ME_COOKIE, NULL);
    int found = load_me(r, t);
    if (found < 0) return 500;
    if (found == 0) {
        r->status = 404;
        hdf_set_value(r->hdf, "Invalid", "me");
        return render(r, "volunteers/scan.cs");
    }
    if (load_month_minutes(r) < 0) return 500;
    char cert[256];
    if (vol_signed_link(VOL_PURPOSE_CERT, hdf_get_value(r->hdf, "Me.no", ""), VOL_CERT_DAYS,
                        "/volunteers/certificate", cert, sizeof(cert)) == 0)
        hdf_set_value(r->hdf, "Me.certificate", cert);
    cookie_set(r, VOL_ME_COOKIE, t, "/volunteers/", VOL_ME_DAYS * 86400L);
    hdf_set_value(r->hdf, "Step", "me");
    return render(r, "volunteers/scan.cs");
}

/* The point a scanned code names (Point.*), or 0. */
static int load_point(struct request *r, const char *token)
{
    char subject[24];
    long long id;
    if (signed_token_open(VOL_KEY, VOL_PURPOSE_POINT, token, subject, sizeof(subject), NULL) != SIGNED_VALID ||
        subject[0] != 'P' || !parse_int(subject + 1, 1, 100000000, &id))
        return 0;
    hdf_set_value(r->hdf, "Point.token", token);
    return db_row(r->hdf, "Point", "SELECT id, name FROM volunteer_points WHERE id = ?", "i", id);
}

static int scan_page(struct request *r, int status)
{
    const char *t = req_param(r, "t");
    int found = load_point(r, t);
    if (found < 0) return 500;
    if (found == 0) {
        hdf_set_value(r->hdf, "Invalid", "point");
        r->status = 404;
        return render(r, "volunteers/scan.cs");
    }
    found = load_me(r, hdf_get_value(r->hdf, "Cookie." VOL_ME_COOKIE, NULL));
    if (found < 0) return 500;
    if (found == 0) hdf_set_value(r->hdf, "NeedLink", "1");
    else if (load_month_minutes(r) < 0) return 500;
    hdf_set_value(r->hdf, "Step", "scan");
    r->status = status;
    return render(r, "volunteers/scan.cs");
}

/* GET /volunteers/scan?t=<point> */
int vol_scan_page(struct request *r)
{
    return scan_page(r, 200);
}

/* POST /volunteers/scan : check in at the point, or check out of the
 * shift that is open.  The open shift is read under a lock on the
 * volunteer's row, so two scans at once make one shift. */
int vol_scan(struct request *r)
{
    const char *t = req_param(r, "t");
    int found = load_point(r, t);
    if (found <= 0) return found < 0 ? 500 : 404;
    char no[16];
    const char *me = hdf_get_value(r->hdf, "Cookie." VOL_ME_COOKIE, NULL);
    if (signed_token_open(VOL_KEY, VOL_PURPOSE_ME, me, no, sizeof(no), NULL) != SIGNED_VALID)
        return scan_page(r, 403);
    if (db_begin()) return 503;
    /* the volunteer's row, locked: one scan at a time per volunteer */
    found = db_row(r->private_hdf, "V",
                   "SELECT id FROM volunteer_applications WHERE application_no = ? AND status = 'active' FOR UPDATE",
                   "s", no);
    if (found <= 0) {
        db_rollback();
        if (found < 0) return 500;
        hdf_set_value(r->hdf, "Refusal", "not_active");
        return scan_page(r, 409);
    }
    long long vid = hdf_get_int_value(r->private_hdf, "V.id", 0);
    long long point = hdf_get_int_value(r->hdf, "Point.id", 0);
    /* what the button said: a second tap of the same button (or a page
     * sent twice) finds it done already and changes nothing */
    const char *want = req_param(r, "do");
    int want_out = want && !strcmp(want, "out");
    found = db_row(r->private_hdf, "Shift",
                   "SELECT id FROM volunteer_shifts WHERE application_id = ? AND ended_at IS NULL"
                   " ORDER BY id DESC LIMIT 1 FOR UPDATE", "i", vid);
    if (found < 0) return 500;
    const char *done;
    if (found == 1 && want_out) {
        if (db_exec("UPDATE volunteer_shifts SET ended_at = GREATEST(NOW(), started_at + INTERVAL 1 SECOND),"
                    " minutes = LEAST(TIMESTAMPDIFF(MINUTE, started_at, NOW()), 720) WHERE id = ?",
                    "i", (long long)hdf_get_int_value(r->private_hdf, "Shift.id", 0)) != 1)
            return 500;
        done = "out";
    } else if (found == 0 && !want_out) {
        if (db_exec("INSERT INTO volunteer_shifts (application_id, point_id, started_at, source, created_at)"
                    " VALUES (?, ?, NOW(), 'qr', NOW())", "ii", vid, point) != 1)
            return 500;
        done = "in";
    } else {
        done = want_out ? "out_already" : "in_already";
    }
    if (db_commit()) return 500;
    hdf_set_value(r->hdf, "Done", done);
    return scan_page(r, 200);
}
