/*
 * booking/waitlist.c - 候补: a place in the line of a full clinic session.
 *
 * The patient proves the mobile as for a booking (booking/verify.c), gives
 * the same details (booking_fields) and joins the session's line
 * (waitlist_join, sql/014); the entry's page (its link carries a MAC of the
 * entry's number, like a booking's) shows the position.  When a place frees
 * the database holds it for the first person and queues an offer with that
 * link; within the hold window the page offers 确认预约 (waitlist_confirm:
 * booked under every booking rule) and 放弃 (the place goes to the next).
 * A lapsed offer is handed on by the notification sender.  Every step is
 * one procedure, one transaction; this file checks forms and draws pages.
 */
#include <stdio.h>
#include <string.h>
#include "booking.h"

/* Active entries one mobile may hold at once (a family's few). */
#define WAITLIST_PER_MOBILE 3

static int waitlist_link(const char *no, char *token, size_t tlen, char *path, size_t plen)
{
    char msg[32];
    snprintf(msg, sizeof(msg), "wait:%s", no);
    if (secret_mac("checkin", msg, token, tlen, VIEW_TOKEN_CHARS)) return -1;
    if (path) snprintf(path, plen, "/booking/waitlist?no=%s&t=%s", no, token);
    return 0;
}

/* The session as Session.*: its doctor, day, type, fee and whether a line
 * can be joined now (state 'open': no place left, slots still ahead). */
static int load_session(struct request *r, long long session_id)
{
    return db_row(r->hdf, "Session",
        "SELECT cs.id, DATE_FORMAT(cs.session_date, '%Y-%m-%d') AS date, WEEKDAY(cs.session_date) AS weekday,"
        " cs.period, cs.clinic_type, " FEN_AS_YUAN("cs.fee_fen") " AS fee, d.id AS doctor_id, d.name AS doctor,"
        " d.title, dep.name AS department, dep.location, MIN(t.id) AS first_slot,"
        " CASE WHEN cs.status <> 'open' OR cs.session_date >= CURDATE() + INTERVAL ? DAY"
        "        OR SUM(t.is_open = 1 AND t.starts_at > NOW() + INTERVAL ? MINUTE) = 0 THEN 'closed'"
        "      WHEN SUM(t.is_open = 1 AND t.starts_at > NOW() + INTERVAL ? MINUTE AND t.booked < t.capacity) > 0"
        "        THEN 'places_free' ELSE 'open' END AS state,"
        " (SELECT COUNT(*) FROM waitlist_entries w WHERE w.session_id = cs.id AND w.status = 'waiting') AS waiting"
        " FROM clinic_sessions cs JOIN doctors d ON d.id = cs.doctor_id"
        " JOIN departments dep ON dep.id = cs.department_id JOIN time_slots t ON t.session_id = cs.id"
        " WHERE cs.id = ? GROUP BY cs.id",
        "iiii", (long long)BOOKING_DAYS_AHEAD, (long long)CUTOFF_MINUTES, (long long)CUTOFF_MINUTES, session_id);
}

/* The join page at its step: the details form for a proved mobile, else
 * the mobile's verification (which comes back here). */
int booking_waitlist_page(struct request *r, long long session_id, int status)
{
    if (!hdf_get_obj(r->hdf, "Session.id")) {
        int found = load_session(r, session_id);
        if (found <= 0) return found < 0 ? 500 : 404;
    }
    hdf_set_value(r->hdf, "Slot.id", hdf_get_value(r->hdf, "Session.first_slot", ""));
    booking_step(r);
    if (!hdf_get_obj(r->hdf, "Form.id_type")) hdf_set_value(r->hdf, "Form.id_type", "resident_id");
    r->status = status;
    return render(r, "booking/waitlist_join.cs");
}

/* GET /booking/sessions/{id}/waitlist */
int booking_waitlist_form(struct request *r)
{
    return booking_waitlist_page(r, r->path_id, 200);
}

/* POST /booking/sessions/{id}/waitlist */
int booking_waitlist_join(struct request *r)
{
    struct form f;
    struct rate_answer limit;
    char number[40], person_key[65], no[11], token[64], where[128], mobile[12];
    int found = load_session(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (rate_take("booking.client", r->client_ip ? r->client_ip : "-", &limit)) return 503;
    if (!limit.allowed) {
        form_keep(r, booking_fields);
        rate_refuse(r, NULL, -1, &limit);
        return booking_waitlist_page(r, r->path_id, 429);
    }
    if (!verified_mobile(r, mobile)) {
        hdf_set_value(r->hdf, "Verify.needed", "1");
        return booking_waitlist_page(r, r->path_id, 422);
    }
    if (form_read(r, booking_fields, &f)) return booking_waitlist_page(r, r->path_id, 422);
    booking_person(&f, number, sizeof(number), person_key);
    booking_new_no(no);
    if (waitlist_link(no, token, sizeof(token), where, sizeof(where))) return 500;
    if (db_call(r->private_hdf, "Joined", "CALL waitlist_join(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "isssssssiiii", r->path_id, no, token, person_key, f.v[B_NAME].text, f.v[B_ID_TYPE].text,
                number, mobile, f.v[B_FOR_FAMILY].number, (long long)WAITLIST_PER_MOBILE,
                (long long)CUTOFF_MINUTES, (long long)BOOKING_DAYS_AHEAD) != 1)
        return 500;
    const char *outcome = hdf_get_value(r->private_hdf, "Joined.outcome", "");
    if (!strcmp(outcome, "not_found")) return 404;
    if (strcmp(outcome, "waiting") != 0) {
        HDF *answer = hdf_get_obj(r->private_hdf, "Joined");
        hdf_set_value(answer, "limit", hdf_get_value(answer, "position", ""));
        booking_refusal(r, outcome, answer);
        return booking_waitlist_page(r, r->path_id, 409);
    }
    return redirect(r, where);
}

enum { W_NO, W_TOKEN };
static const struct field entry_fields[] = {
    [W_NO] = {"no", FIELD_TEXT, 1, 10, 10, NULL, "Booking.no"},
    [W_TOKEN] = {"t", FIELD_TEXT, 1, VIEW_TOKEN_CHARS, VIEW_TOKEN_CHARS, NULL, "Booking.no"},
    {0},
};

/* The entry's number when the request's link MAC is right, else NULL. */
static const char *authorised_entry(struct request *r)
{
    struct form f;
    char msg[32];
    if (form_read(r, entry_fields, &f)) return NULL;
    snprintf(msg, sizeof(msg), "wait:%s", f.v[W_NO].text);
    return secret_mac_matches("checkin", msg, f.v[W_TOKEN].text, VIEW_TOKEN_CHARS) ? f.v[W_NO].text : NULL;
}

/* The entry as Entry.*, with its place in the line (waiting) or its offer
 * (an offer past its window shows as lapsed at once, even before the
 * sender has handed it on). */
static int load_entry(struct request *r, const char *no)
{
    int found = db_row(r->hdf, "Entry",
        "SELECT w.entry_no AS no, w.link_token AS t,"
        " IF(w.status = 'offered' AND w.offer_expires_at <= NOW(), 'lapsed', w.status) AS status,"
        " w.patient_name, w.id_type, w.id_number, w.mobile, w.booking_no, w.session_id,"
        " DATE_FORMAT(w.session_date, '%Y-%m-%d') AS date, WEEKDAY(w.session_date) AS weekday, w.period,"
        " cs.clinic_type, " FEN_AS_YUAN("cs.fee_fen") " AS fee, d.name AS doctor, d.id AS doctor_id, d.title,"
        " dep.name AS department, dep.location,"
        " DATE_FORMAT(t.starts_at, '%H:%i') AS offer_starts, DATE_FORMAT(t.ends_at, '%H:%i') AS offer_ends,"
        " DATE_FORMAT(w.offer_expires_at, '%Y-%m-%d %H:%i') AS offer_until,"
        " (SELECT COUNT(*) FROM waitlist_entries o WHERE o.session_id = w.session_id"
        "    AND o.status = 'waiting' AND o.id <= w.id) AS position"
        " FROM waitlist_entries w JOIN clinic_sessions cs ON cs.id = w.session_id"
        " JOIN doctors d ON d.id = cs.doctor_id JOIN departments dep ON dep.id = w.department_id"
        " LEFT JOIN time_slots t ON t.id = w.offer_slot_id WHERE w.entry_no = ?", "s", no);
    if (found == 1) {
        booking_mask_row(hdf_get_obj(r->hdf, "Entry"));
        const char *bno = hdf_get_value(r->hdf, "Entry.booking_no", NULL);
        char path[128];
        if (bno && *bno && booking_view_path(bno, path, sizeof(path)) == 0)
            hdf_set_value(r->hdf, "Entry.booking_link", path);
    }
    return found;
}

static int entry_page(struct request *r, const char *no, int status)
{
    int found = load_entry(r, no);
    if (found <= 0) return found < 0 ? 500 : 404;
    r->status = status;
    return render(r, "booking/waitlist.cs");
}

/* GET /booking/waitlist?no=&t= */
int booking_waitlist_show(struct request *r)
{
    const char *no = authorised_entry(r);
    if (!no) return 404;
    const char *done = req_param(r, "done");
    if (done && !strcmp(done, "left")) hdf_set_value(r->hdf, "Done", done);
    return entry_page(r, no, 200);
}

/* POST /booking/waitlist/confirm : the offered place booked. */
int booking_waitlist_confirm(struct request *r)
{
    struct rate_answer limit;
    char bno[11], where[128];
    const char *no = authorised_entry(r);
    if (!no) return 404;
    if (rate_take("booking.client", r->client_ip ? r->client_ip : "-", &limit)) return 503;
    if (!limit.allowed) {
        rate_refuse(r, NULL, -1, &limit);
        return entry_page(r, no, 429);
    }
    booking_new_no(bno);
    if (db_call(r->private_hdf, "Confirmed", "CALL waitlist_confirm(?, ?, ?, ?)", "ssii", no, bno,
                (long long)CUTOFF_MINUTES, (long long)BOOKING_DAYS_AHEAD) != 1)
        return 500;
    const char *outcome = hdf_get_value(r->private_hdf, "Confirmed.outcome", "");
    if (!strcmp(outcome, "not_found")) return 404;
    if (strcmp(outcome, "booked") != 0) {
        booking_refusal(r, outcome, hdf_get_obj(r->private_hdf, "Confirmed"));
        return entry_page(r, no, 409);
    }
    if (booking_view_path(bno, where, sizeof(where))) return 500;
    return redirect(r, where);
}

/* POST /booking/waitlist/leave : out of the line, or the offer declined. */
int booking_waitlist_leave(struct request *r)
{
    char token[64], where[160];
    const char *no = authorised_entry(r);
    if (!no) return 404;
    if (db_call(r->private_hdf, "Left", "CALL waitlist_leave(?, ?)", "si", no, (long long)CUTOFF_MINUTES) != 1)
        return 500;
    if (strcmp(hdf_get_value(r->private_hdf, "Left.outcome", ""), "left") != 0) {
        hdf_set_value(r->hdf, "Refusal", "1");
        hdf_set_value(r->hdf, "RefusalText", lang("Waitlist.not_in_line"));
        return entry_page(r, no, 409);
    }
    if (waitlist_link(no, token, sizeof(token), where, sizeof(where))) return 500;
    strncat(where, "&done=left", sizeof(where) - strlen(where) - 1);
    return redirect(r, where);
}

/* The office raised a slot's capacity (or opened it): its free places go to
 * the people waiting first.  In the caller's transaction. */
int waitlist_offer_slot(long long slot_id)
{
    return db_exec("CALL waitlist_offer(?, ?, @waitlist_offers)", "ii", slot_id, (long long)CUTOFF_MINUTES) < 0 ? -1 : 0;
}

/* A stopped session's line ends, each person told.  In the caller's transaction. */
int waitlist_close_session(long long session_id)
{
    return db_exec("CALL waitlist_close(?)", "i", session_id) < 0 ? -1 : 0;
}
