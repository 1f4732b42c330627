/*
 * booking/office.c - the desk checks patients in; the office stops a
 * session (停诊).
 *
 * The desk sees today's bookings in arrival order.  Check-in takes what
 * the desk's scanner reads from the patient's QR code
 * (CHK1:<number>:<MAC>, verified with the 'checkin' key, so a code cannot
 * be made up) or the confirmation number typed by hand.  Stopping a session
 * cancels all its bookings, closes its slots, queues a message to every
 * patient and publishes a stop-clinic notice, in one transaction, audited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "booking.h"
#include "../surveys/surveys.h"

static const char booking_snapshot_sql[] =
    "SELECT JSON_OBJECT('no', confirmation_no, 'status', status, 'checked_in_at', checked_in_at,"
    " 'cancel_reason', cancel_reason) AS snapshot FROM bookings WHERE id = ? FOR UPDATE";

static const char session_snapshot_sql[] =
    "SELECT JSON_OBJECT('doctor_id', doctor_id, 'date', session_date, 'period', period,"
    " 'status', status, 'stop_reason', stop_reason) AS snapshot FROM clinic_sessions WHERE id = ? FOR UPDATE";

enum { D_CODE };
static const struct field desk_fields[] = {
    [D_CODE] = {"code", FIELD_TEXT, 1, 10, 120, NULL, "Desk.code", NULL},
    {0},
};

/* Today's bookings, in the order patients arrive, for the desk's list:
 * all departments, or the one chosen (?department=N).  A place still
 * 'booked' after its slot ended shows as not arrived (the no-show rule). */
static int load_today(struct request *r)
{
    long long department = 0;
    const char *d = req_param(r, "department");
    if (!d || !parse_int(d, 1, 65535, &department)) department = 0;
    hdf_set_int_value(r->hdf, "Today.department", (int)department);
    if (db_rows(r->hdf, "Departments", "SELECT id, name FROM departments ORDER BY sort_order, id", "") < 0 ||
        db_rows(r->hdf, "Today.bookings",
            "SELECT b.confirmation_no AS no, b.patient_name, b.id_type, b.id_number,"
            " IF(b.status = 'booked' AND t.ends_at < NOW(), 'no_show', b.status) AS status,"
            " DATE_FORMAT(t.starts_at, '%H:%i') AS starts, DATE_FORMAT(t.ends_at, '%H:%i') AS ends,"
            " DATE_FORMAT(b.checked_in_at, '%H:%i') AS checked_in_at, d.name AS doctor, dep.name AS department"
            " FROM bookings b JOIN time_slots t ON t.id = b.slot_id JOIN clinic_sessions cs ON cs.id = b.session_id"
            " JOIN doctors d ON d.id = cs.doctor_id JOIN departments dep ON dep.id = b.department_id"
            " WHERE b.session_date = CURDATE() AND b.status <> 'cancelled' AND (? = 0 OR b.department_id = ?)"
            " ORDER BY t.starts_at, dep.sort_order, d.name, b.id",
            "ii", department, department) < 0)
        return -1;
    for (HDF *b = hdf_obj_child(hdf_get_obj(r->hdf, "Today.bookings")); b; b = hdf_obj_next(b))
        booking_mask_row(b);
    return 0;
}

/* GET /office/desk : the check-in form and today's list. */
int office_desk(struct request *r)
{
    if (load_today(r) || queue_load_desk(r)) return 500;
    return render(r, "office/desk.cs");
}

/* The confirmation number in what was scanned or typed, or NULL when a
 * scanned code's MAC is wrong. */
static const char *number_in_code(const char *code, char *no, size_t len)
{
    if (strncmp(code, "CHK1:", 5) == 0) {
        const char *colon = strchr(code + 5, ':');
        if (!colon || colon - (code + 5) != 10) return NULL;
        snprintf(no, len, "%.10s", code + 5);
        char msg[32];
        snprintf(msg, sizeof(msg), "checkin:%s", no);
        return secret_mac_matches("checkin", msg, colon + 1, 0) ? no : NULL;
    }
    if (strlen(code) != 10) return NULL;
    snprintf(no, len, "%s", code);
    for (char *p = no; *p; p++)
        if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
    return no;
}

static int desk_answer(struct request *r, int status, const char *outcome)
{
    hdf_set_value(r->hdf, "Outcome", outcome);
    r->status = status;
    return office_desk(r);
}

/* POST /office/desk/checkin : only a booked place of today. */
int office_desk_checkin(struct request *r)
{
    struct form f;
    char no[16];
    if (form_read(r, desk_fields, &f)) return desk_answer(r, 422, "");
    if (!number_in_code(f.v[D_CODE].text, no, sizeof(no))) return desk_answer(r, 422, "invalid");
    if (db_begin()) return 503;
    int found = db_row(r->hdf, "Booking",
        "SELECT b.id, b.confirmation_no AS no, b.status, b.patient_name, b.id_type, b.id_number,"
        " (b.session_date = CURDATE()) AS today, DATE_FORMAT(b.session_date, '%Y-%m-%d') AS date,"
        " DATE_FORMAT(t.starts_at, '%H:%i') AS starts, d.name AS doctor, dep.name AS department"
        " FROM bookings b JOIN time_slots t ON t.id = b.slot_id JOIN clinic_sessions cs ON cs.id = b.session_id"
        " JOIN doctors d ON d.id = cs.doctor_id JOIN departments dep ON dep.id = b.department_id"
        " WHERE b.confirmation_no = ? FOR UPDATE", "s", no);
    if (found < 0) return 500;
    if (found == 0) { db_rollback(); return desk_answer(r, 404, "not_found"); }
    booking_mask_row(hdf_get_obj(r->hdf, "Booking"));
    const char *state = hdf_get_value(r->hdf, "Booking.status", "");
    if (strcmp(state, "booked") != 0) {
        db_rollback();
        return desk_answer(r, 409, strcmp(state, "checked_in") == 0 ? "checked_in_already" : state);
    }
    if (!hdf_get_int_value(r->hdf, "Booking.today", 0)) { db_rollback(); return desk_answer(r, 409, "not_today"); }
    long long id = hdf_get_int_value(r->hdf, "Booking.id", 0);
    if (audit_update(r, "checkin", "booking", id, booking_snapshot_sql,
                     "UPDATE bookings SET status = 'checked_in', checked_in_at = NOW() WHERE id = ?",
                     "i", id) != 1 ||
        surveys_invite_after_visit(id) || queue_checkin(id) || db_commit())
        return 500;
    return desk_answer(r, 200, "checked_in");
}

/* GET /office/sessions?date=YYYY-MM-DD : a day's sessions with their
 * bookings, each open one with a form to stop it. */
int office_sessions(struct request *r)
{
    char date[11] = "";
    const char *d = req_param(r, "date");
    char dt[20];
    if (d && *d) {
        char with_time[24];
        snprintf(with_time, sizeof(with_time), "%.10s 00:00", d);
        if (strlen(d) != 10 || !parse_datetime_local(with_time, dt)) return 404;
        snprintf(date, sizeof(date), "%.10s", d);
    }
    if (db_rows(r->hdf, "Sessions",
        "SELECT cs.id, DATE_FORMAT(cs.session_date, '%Y-%m-%d') AS date, cs.period, cs.clinic_type,"
        " cs.status, cs.stop_reason, d.name AS doctor, dep.name AS department,"
        " SUM(t.booked) AS booked, SUM(t.capacity) AS capacity"
        " FROM clinic_sessions cs JOIN doctors d ON d.id = cs.doctor_id"
        " JOIN departments dep ON dep.id = cs.department_id LEFT JOIN time_slots t ON t.session_id = cs.id"
        " WHERE cs.session_date = IF(? = '', CURDATE(), ?)"
        " GROUP BY cs.id ORDER BY dep.sort_order, FIELD(cs.period, 'morning', 'afternoon', 'evening'), d.name",
        "ss", date, date) < 0)
        return 500;
    if (db_row(r->hdf, "Day", "SELECT DATE_FORMAT(IF(? = '', CURDATE(), ?), '%Y-%m-%d') AS date", "ss", date, date) < 0 ||
        db_rows(r->hdf, "Doctors", "SELECT d.id, d.name, dep.name AS department FROM doctors d"
                " JOIN departments dep ON dep.id = d.department_id WHERE d.active = 1"
                " ORDER BY dep.sort_order, d.name", "") < 0)
        return 500;
    const char *done = req_param(r, "done");
    if (done && (!strcmp(done, "stopped") || !strcmp(done, "created") || !strcmp(done, "copied")))
        hdf_set_value(r->hdf, "Done", done);
    return render(r, "office/sessions.cs");
}

enum { S_REASON };
static const struct field stop_fields[] = {
    [S_REASON] = {"reason", FIELD_TEXT, 1, 2, 200, NULL, "Stop.reason", NULL},
    {0},
};

/* The stop-clinic notice: title and body from the language file around
 * the session's details. */
static int publish_stop_notice(struct request *r, const char *reason)
{
    HDF *s = hdf_get_obj(r->private_hdf, "Stopped");
    char title[256], period_key[64];
    STRING body;
    snprintf(period_key, sizeof(period_key), "Booking.Period.%s", hdf_get_value(s, "period", ""));
    snprintf(title, sizeof(title), "%s%s%s%s%s", hdf_get_value(s, "department", ""),
             hdf_get_value(s, "doctor", ""), hdf_get_value(s, "date", ""), lang(period_key),
             lang("Stop.notice_title_suffix"));
    string_init(&body);
    string_appendf(&body, "%s%s\n%s", lang("Stop.notice_body_reason"), reason, lang("Stop.notice_body_advice"));
    long long rows = db_exec("INSERT INTO notices (title, body, category, status, pinned, publish_at,"
                             " created_by, updated_by, created_at, updated_at)"
                             " VALUES (?, ?, 'stop_clinic', 'published', 0, NOW(), ?, ?, NOW(), NOW())",
                             "ssii", title, body.buf, r->user.id, r->user.id);
    string_clear(&body);
    if (rows != 1) return -1;
    return audit_record(r, "create+publish", "notice", db_last_insert_id(), NULL, NULL);
}

/* POST /office/sessions/{id}/stop */
int office_session_stop(struct request *r)
{
    struct form f;
    char *before = NULL, *after = NULL, where[96];
    int status = 500;
    if (form_read(r, stop_fields, &f)) {
        r->status = 422;
        return office_sessions(r);
    }
    if (db_begin()) return 503;
    if (audit_snapshot(session_snapshot_sql, r->path_id, &before)) goto out;
    if (!before) { status = 404; goto out; }
    long long changed = db_exec("UPDATE clinic_sessions SET status = 'stopped', stop_reason = ?"
                                " WHERE id = ? AND status = 'open'", "si", f.v[S_REASON].text, r->path_id);
    if (changed < 0) goto out;
    if (changed == 0) { status = 409; goto out; }
    int n = db_rows(r->private_hdf, "Affected",
                    "SELECT confirmation_no AS no FROM bookings WHERE session_id = ? AND status = 'booked' FOR UPDATE",
                    "i", r->path_id);
    if (n < 0 ||
        db_exec("UPDATE bookings SET status = 'cancelled', cancelled_at = NOW(), cancel_reason = 'stop_clinic'"
                " WHERE session_id = ? AND status = 'booked'", "i", r->path_id) != n)
        goto out;
    for (HDF *b = hdf_obj_child(hdf_get_obj(r->private_hdf, "Affected")); b; b = hdf_obj_next(b))
        if (booking_notify("stop_clinic", hdf_get_value(b, "no", ""))) goto out;
    if (waitlist_close_session(r->path_id)) goto out;
    if (db_exec("UPDATE time_slots SET booked = 0, is_open = 0 WHERE session_id = ?", "i", r->path_id) < 0 ||
        db_row(r->private_hdf, "Stopped",
               "SELECT DATE_FORMAT(cs.session_date, '%Y-%m-%d') AS date, cs.period, d.name AS doctor,"
               " dep.name AS department FROM clinic_sessions cs JOIN doctors d ON d.id = cs.doctor_id"
               " JOIN departments dep ON dep.id = cs.department_id WHERE cs.id = ?", "i", r->path_id) != 1 ||
        publish_stop_notice(r, f.v[S_REASON].text) ||
        audit_snapshot(session_snapshot_sql, r->path_id, &after) ||
        audit_record(r, "stop", "clinic_session", r->path_id, before, after) || db_commit())
        goto out;
    snprintf(where, sizeof(where), "/office/sessions?date=%s&done=stopped",
             hdf_get_value(r->private_hdf, "Stopped.date", ""));
    status = redirect(r, where);
out:
    free(before);
    free(after);
    return status;
}
