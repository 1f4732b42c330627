/*
 * booking/confirmation.c - a booking once made: its page (number, arrival
 * window, masked personal data, check-in QR code), the QR as PNG, the
 * calendar file, lookup by confirmation number and mobile, cancellation.
 *
 * Every page here needs the booking's link MAC (`t`), made by
 * booking_view_path(); lookup hands it out to whoever knows the number and
 * the mobile.  The QR code carries a different MAC, the check-in token, so
 * what the desk scans says nothing that opens the page, and the reverse.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "booking.h"
#include "identity.h"
#include "ics.h"
#include "qr.h"

enum { V_NO, V_TOKEN };
static const struct field view_fields[] = {
    [V_NO] = {"no", FIELD_TEXT, 1, 10, 10, NULL, "Booking.no"},
    [V_TOKEN] = {"t", FIELD_TEXT, 1, VIEW_TOKEN_CHARS, VIEW_TOKEN_CHARS, NULL, "Booking.no"},
    {0},
};

/* The confirmation number of a request whose link MAC is right, or NULL. */
const char *booking_authorised_no(struct request *r)
{
    struct form f;
    char msg[32];
    if (form_read(r, view_fields, &f)) return NULL;
    snprintf(msg, sizeof(msg), "view:%s", f.v[V_NO].text);
    return secret_mac_matches("checkin", msg, f.v[V_TOKEN].text, VIEW_TOKEN_CHARS) ? f.v[V_NO].text : NULL;
}

/* The token in the QR code the desk scans: CHK1:<number>:<MAC>. */
static int checkin_token(const char *no, char *out, size_t len)
{
    char msg[32], mac[64];
    snprintf(msg, sizeof(msg), "checkin:%s", no);
    if (secret_mac("checkin", msg, mac, sizeof(mac), 0)) return -1;
    snprintf(out, len, "CHK1:%s:%s", no, mac);
    return 0;
}

int booking_load(struct request *r, const char *no)
{
    return db_row(r->hdf, "Booking",
        "SELECT b.confirmation_no AS no, b.status, b.patient_name, b.id_type, b.id_number, b.mobile,"
        " b.for_family, DATE_FORMAT(b.session_date, '%Y-%m-%d') AS date, WEEKDAY(b.session_date) AS weekday,"
        " b.period, DATE_FORMAT(t.starts_at, '%H:%i') AS starts, DATE_FORMAT(t.ends_at, '%H:%i') AS ends,"
        " DATE_FORMAT(t.starts_at - INTERVAL 30 MINUTE, '%H:%i') AS arrive_from,"
        " DATE_FORMAT(t.starts_at - INTERVAL 8 HOUR, '%Y%m%dT%H%i%sZ') AS start_utc,"
        " DATE_FORMAT(t.ends_at - INTERVAL 8 HOUR, '%Y%m%dT%H%i%sZ') AS end_utc,"
        " DATE_FORMAT(UTC_TIMESTAMP(), '%Y%m%dT%H%i%sZ') AS stamp_utc,"
        " cs.clinic_type, cs.status AS session_status, cs.stop_reason, " FEN_AS_YUAN("cs.fee_fen") " AS fee,"
        " d.name AS doctor, d.title, dep.name AS department, dep.location, dep.phone,"
        " (b.status = 'booked' AND t.starts_at > NOW() + INTERVAL ? MINUTE) AS cancellable,"
        " DATE_FORMAT(b.cancelled_at, '%Y-%m-%d %H:%i') AS cancelled_at, b.cancel_reason"
        " FROM bookings b JOIN time_slots t ON t.id = b.slot_id"
        " JOIN clinic_sessions cs ON cs.id = b.session_id JOIN doctors d ON d.id = cs.doctor_id"
        " JOIN departments dep ON dep.id = b.department_id WHERE b.confirmation_no = ?",
        "is", (long long)CUTOFF_MINUTES, no);
}

/* Replaces a booking row's id_number and mobile (where present) by their
 * masked forms (identity.c): the full values never reach a page. */
void booking_mask_row(HDF *row)
{
    char masked[64];
    const char *id = hdf_get_value(row, "id_number", NULL);
    const char *mobile = hdf_get_value(row, "mobile", NULL);
    if (id) {
        mask_id(id, masked, sizeof(masked));
        hdf_set_value(row, "id_number", masked);
    }
    if (mobile) {
        mask_mobile(mobile, masked, sizeof(masked));
        hdf_set_value(row, "mobile", masked);
    }
}

/* GET /booking/booking?no=&t= */
int booking_show(struct request *r)
{
    char token[128], path[128];
    STRING svg;
    const char *no = booking_authorised_no(r);
    if (!no) return 404;
    int found = booking_load(r, no);
    if (found <= 0) return found < 0 ? 500 : 404;
    booking_mask_row(hdf_get_obj(r->hdf, "Booking"));
    if (checkin_token(no, token, sizeof(token)) || booking_view_path(no, path, sizeof(path))) return 500;
    /* the QR code is markup made here, not text: the one value a template
     * prints raw (uvar), under Raw. */
    string_init(&svg);
    if (qr_svg(token, lang("Booking.qr_label"), &svg) == 0) hdf_set_value(r->hdf, "Raw.qr_svg", svg.buf);
    string_clear(&svg);
    if (queue_load_for_booking(r, no) < 0) return 500;
    hdf_set_value(r->hdf, "Links.view", path);
    hdf_set_value(r->hdf, "Links.query", strchr(path, '?') + 1);
    const char *done = req_param(r, "done");
    if (done && (!strcmp(done, "cancelled") || !strcmp(done, "rescheduled"))) hdf_set_value(r->hdf, "Done", done);
    return render(r, "booking/confirmation.cs");
}

/* The number when the request's link is right and the booking still holds
 * its place: a cancelled booking has no QR code and no calendar entry. */
static const char *authorised_active_no(struct request *r)
{
    const char *no = booking_authorised_no(r);
    if (!no) return NULL;
    int found = db_row(r->private_hdf, "Active",
                       "SELECT 1 AS yes FROM bookings WHERE confirmation_no = ? AND status = 'booked'", "s", no);
    return found == 1 ? no : NULL;
}

/* GET /booking/qr?no=&t= : the check-in QR code as a PNG, to save or print. */
int booking_qr_png(struct request *r)
{
    char token[128];
    const char *no = authorised_active_no(r);
    if (!no) return 404;
    if (checkin_token(no, token, sizeof(token))) return 500;
    if (qr_png(token, 8, &r->body)) return 500;
    r->content_type = "image/png";
    return 200;
}

/* GET /booking/calendar?no=&t= : the appointment for the phone's calendar. */
int booking_calendar(struct request *r)
{
    char uid[64], summary[256], description[512];
    const char *no = authorised_active_no(r);
    if (!no) return 404;
    int found = booking_load(r, no);
    if (found <= 0) return found < 0 ? 500 : 404;
    HDF *b = hdf_get_obj(r->hdf, "Booking");
    snprintf(uid, sizeof(uid), "%s@booking.portal", no);
    snprintf(summary, sizeof(summary), "%s %s %s", lang("Booking.ics_summary"),
             hdf_get_value(b, "department", ""), hdf_get_value(b, "doctor", ""));
    snprintf(description, sizeof(description), "%s %s\n%s %s-%s", lang("Booking.no"), no,
             lang("Booking.arrive"), hdf_get_value(b, "arrive_from", ""), hdf_get_value(b, "starts", ""));
    struct ics_event ev = {
        .uid = uid,
        .start_utc = hdf_get_value(b, "start_utc", ""),
        .end_utc = hdf_get_value(b, "end_utc", ""),
        .stamp_utc = hdf_get_value(b, "stamp_utc", ""),
        .summary = summary,
        .location = hdf_get_value(b, "location", ""),
        .description = description,
    };
    ics_calendar(&r->body, &ev);
    r->content_type = "text/calendar; charset=utf-8";
    header_add(r, "Content-Disposition", "attachment; filename=\"booking.ics\"");
    return 200;
}

enum { L_NO, L_MOBILE };
static const struct field lookup_fields[] = {
    [L_NO] = {"no", FIELD_CODE, 1, 10, 10, NULL, "Booking.no"},
    [L_MOBILE] = {"mobile", FIELD_MOBILE, 1, 0, 0, NULL, "Booking.mobile"},
    {0},
};

/* GET /booking/lookup */
int booking_lookup_form(struct request *r)
{
    return render(r, "booking/lookup.cs");
}

/* Failed lookups are limited per address and per confirmation number
 * (rules lookup.client and lookup.number, sql/007). */
static const struct lookup_policy lookup_limits = {"lookup.client", "lookup.number"};

/* POST /booking/lookup : the same answer whether the number exists or the
 * mobile is wrong, so neither can be probed; and only a few tries. */
int booking_lookup(struct request *r)
{
    struct form f;
    char path[128];
    if (form_read(r, lookup_fields, &f)) {
        r->status = 422;
        return render(r, "booking/lookup.cs");
    }
    int allowed = lookup_allowed(r, &lookup_limits, &f, L_NO, f.v[L_NO].text);
    if (allowed < 0) return 503;
    if (!allowed) return render(r, "booking/lookup.cs");
    int found = db_row(r->private_hdf, "Found",
                       "SELECT confirmation_no FROM bookings WHERE confirmation_no = ? AND mobile = ?",
                       "ss", f.v[L_NO].text, f.v[L_MOBILE].text);
    if (found < 0) return 500;
    if (found == 0) {
        form_error(r, &f, L_NO, "booking_not_found");
        r->status = 422;
        return render(r, "booking/lookup.cs");
    }
    lookup_found(r, &lookup_limits, f.v[L_NO].text);
    if (booking_view_path(f.v[L_NO].text, path, sizeof(path))) return 500;
    return redirect(r, path);
}

/* POST /booking/cancel : until the cut-off; the place is freed and the
 * message queued in one transaction (cancel_booking, sql/006). */
int booking_cancel(struct request *r)
{
    char path[160];
    const char *no = booking_authorised_no(r);
    if (!no) return 404;
    if (db_call(r->private_hdf, "Cancel", "CALL cancel_booking(?, ?)", "si", no, (long long)CUTOFF_MINUTES) != 1)
        return 500;
    const char *outcome = hdf_get_value(r->private_hdf, "Cancel.outcome", "");
    if (!strcmp(outcome, "not_found")) return 404;
    if (strcmp(outcome, "cancelled") != 0) {
        booking_load(r, no);
        booking_mask_row(hdf_get_obj(r->hdf, "Booking"));
        hdf_set_value(r->hdf, "Refusal", outcome);
        r->status = 409;
        return render(r, "booking/confirmation.cs");
    }
    if (booking_view_path(no, path, sizeof(path))) return 500;
    strncat(path, "&done=cancelled", sizeof(path) - strlen(path) - 1);
    return redirect(r, path);
}
