/*
 * booking/schedule.c - the office publishes the schedule: a new session
 * with its time slots, its clinic type and fee, a slot's capacity or
 * whether it is open, and a week copied forward.  Each change is one audited transaction; a
 * capacity can never go below the places already booked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "booking.h"

static const char slot_snapshot_sql[] =
    "SELECT JSON_OBJECT('session_id', session_id, 'starts_at', starts_at, 'capacity', capacity,"
    " 'booked', booked, 'is_open', is_open) AS snapshot FROM time_slots WHERE id = ? FOR UPDATE";

static const char *const periods[] = {"morning", "afternoon", "evening", NULL};
static const char *const clinic_types[] = {"general", "expert", "specialist", "convenience", NULL};
static const char *const slot_lengths[] = {"15", "30", NULL};

enum { N_DOCTOR, N_DATE, N_PERIOD, N_TYPE, N_FEE, N_MINUTES, N_CAPACITY };
static const struct field new_session_fields[] = {
    [N_DOCTOR] = {"doctor_id", FIELD_PICK, 1, 1, 4294967295LL, NULL, "Schedule.doctor", NULL},
    [N_DATE] = {"date", FIELD_DATE, 1, 0, 0, NULL, "Schedule.date", NULL},
    [N_PERIOD] = {"period", FIELD_CHOICE, 1, 0, 0, periods, "Schedule.period", NULL},
    [N_TYPE] = {"clinic_type", FIELD_CHOICE, 1, 0, 0, clinic_types, "Schedule.clinic_type", NULL},
    [N_FEE] = {"fee", FIELD_MONEY, 1, 0, 100000, NULL, "Schedule.fee", NULL},
    [N_MINUTES] = {"slot_minutes", FIELD_CHOICE, 1, 0, 0, slot_lengths, "Schedule.slot_minutes", NULL},
    [N_CAPACITY] = {"capacity", FIELD_INT, 1, 1, 200, NULL, "Schedule.capacity", NULL},
    {0},
};

/* The sessions page again, with what was typed and why it was refused. */
static int sessions_again(struct request *r, int status, const char *refusal)
{
    char day[11];
    if (refusal) hdf_set_value(r->hdf, "Refusal", refusal);
    /* the list shows the typed day if it is one; the form keeps it anyway */
    if (!parse_date(hdf_get_value(r->hdf, "Query.date", ""), day)) hdf_remove_tree(r->hdf, "Query.date");
    r->status = status;
    return office_sessions(r);
}

/* POST /office/sessions/new : a session and its slots, from the period's
 * hours (morning 08:00-12:00, afternoon 14:00-17:30, evening
 * 17:30-20:30) cut into slots of 15 or 30 minutes. */
int office_session_create(struct request *r)
{
    struct form f;
    char where[96];
    if (form_read(r, new_session_fields, &f)) return sessions_again(r, 422, NULL);
    if (db_begin()) return 503;
    long long rows = db_exec(
        "INSERT INTO clinic_sessions (doctor_id, department_id, session_date, period, clinic_type, fee_fen)"
        " SELECT id, department_id, ?, ?, ?, ? FROM doctors WHERE id = ? AND active = 1 AND ? >= CURDATE()",
        "sssiis", f.v[N_DATE].datetime, f.v[N_PERIOD].text, f.v[N_TYPE].text, f.v[N_FEE].number,
        f.v[N_DOCTOR].number, f.v[N_DATE].datetime);
    if (rows < 0 && db_errno() == 1062) {
        db_rollback();
        return sessions_again(r, 409, "session_exists");
    }
    if (rows < 0) return 500;
    if (rows == 0) {
        db_rollback();
        return sessions_again(r, 422, "session_invalid");
    }
    long long id = db_last_insert_id(), minutes = f.v[N_MINUTES].number ? 30 : 15;
    if (db_exec("INSERT INTO time_slots (session_id, starts_at, ends_at, capacity)"
                " WITH RECURSIVE n (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 63)"
                " SELECT cs.id, TIMESTAMP(cs.session_date, h.starts) + INTERVAL (n.k * ?) MINUTE,"
                "        TIMESTAMP(cs.session_date, h.starts) + INTERVAL ((n.k + 1) * ?) MINUTE, ?"
                " FROM clinic_sessions cs"
                " JOIN (SELECT 'morning' AS period, '08:00:00' AS starts, 240 AS length"
                "       UNION ALL SELECT 'afternoon', '14:00:00', 210"
                "       UNION ALL SELECT 'evening', '17:30:00', 180) h ON h.period = cs.period"
                " JOIN n ON (n.k + 1) * ? <= h.length WHERE cs.id = ?",
                "iiiii", minutes, minutes, f.v[N_CAPACITY].number, minutes, id) <= 0)
        return 500;
    char *after = NULL;
    if (audit_snapshot("SELECT JSON_OBJECT('doctor_id', doctor_id, 'date', session_date, 'period', period,"
                       " 'clinic_type', clinic_type, 'fee_fen', fee_fen, 'slots',"
                       " (SELECT COUNT(*) FROM time_slots WHERE session_id = clinic_sessions.id)) AS snapshot"
                       " FROM clinic_sessions WHERE id = ?", id, &after) ||
        audit_record(r, "create", "clinic_session", id, NULL, after) || db_commit()) {
        free(after);
        return 500;
    }
    free(after);
    snprintf(where, sizeof(where), "/office/sessions?date=%s&done=created", f.v[N_DATE].datetime);
    return redirect(r, where);
}

/* GET /office/sessions/{id} : a session's slots, each with its own form. */
int office_session_slots(struct request *r)
{
    int found = db_row(r->hdf, "Session",
        "SELECT cs.id, DATE_FORMAT(cs.session_date, '%Y-%m-%d') AS date, cs.period, cs.clinic_type, cs.status,"
        " " FEN_AS_YUAN("cs.fee_fen") " AS fee, d.name AS doctor, dep.name AS department"
        " FROM clinic_sessions cs JOIN doctors d ON d.id = cs.doctor_id"
        " JOIN departments dep ON dep.id = cs.department_id WHERE cs.id = ?", "i", r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (db_rows(r->hdf, "Slots",
                "SELECT id, DATE_FORMAT(starts_at, '%H:%i') AS starts, DATE_FORMAT(ends_at, '%H:%i') AS ends,"
                " capacity, booked, is_open FROM time_slots WHERE session_id = ? ORDER BY starts_at",
                "i", r->path_id) < 0)
        return 500;
    /* the edit form starts from the session as published, unless it is
     * shown again with what was typed */
    if (!hdf_get_obj(r->hdf, "Form.fee")) {
        hdf_set_value(r->hdf, "Form.clinic_type", hdf_get_value(r->hdf, "Session.clinic_type", ""));
        hdf_set_value(r->hdf, "Form.fee", hdf_get_value(r->hdf, "Session.fee", ""));
    }
    const char *done = req_param(r, "done");
    if (done && (!strcmp(done, "saved") || !strcmp(done, "edited"))) hdf_set_value(r->hdf, "Done", done);
    return render(r, "office/session.cs");
}

static const char session_terms_snapshot_sql[] =
    "SELECT JSON_OBJECT('clinic_type', clinic_type, 'fee_fen', fee_fen, 'status', status) AS snapshot"
    " FROM clinic_sessions WHERE id = ? FOR UPDATE";

enum { E_TYPE, E_FEE };
static const struct field session_edit_fields[] = {
    [E_TYPE] = {"clinic_type", FIELD_CHOICE, 1, 0, 0, clinic_types, "Schedule.clinic_type", NULL},
    [E_FEE] = {"fee", FIELD_MONEY, 1, 0, 100000, NULL, "Schedule.fee", NULL},
    {0},
};

/* POST /office/sessions/{id}/edit : a published session's clinic type and
 * fee.  Patients already booked keep their place; the new fee is what the
 * pages and the desk show from now on.  A stopped session is not edited. */
int office_session_update(struct request *r)
{
    struct form f;
    char where[96];
    if (form_read(r, session_edit_fields, &f)) {
        r->status = 422;
        return office_session_slots(r);
    }
    if (db_begin()) return 503;
    long long rows = audit_update(r, "update", "clinic_session", r->path_id, session_terms_snapshot_sql,
                                  "UPDATE clinic_sessions SET clinic_type = ?, fee_fen = ?"
                                  " WHERE id = ? AND status = 'open'",
                                  "sii", f.v[E_TYPE].text, f.v[E_FEE].number, r->path_id);
    if (rows == AUDIT_NOT_FOUND) return 404;
    if (rows < 0) return 500;
    if (rows == 0) {
        /* stopped: said on the page, which keeps what was typed */
        db_rollback();
        hdf_set_value(r->hdf, "Refusal", "session_stopped");
        r->status = 409;
        return office_session_slots(r);
    }
    if (db_commit()) return 500;
    snprintf(where, sizeof(where), "/office/sessions/%lld?done=edited", r->path_id);
    return redirect(r, where);
}

enum { SL_CAPACITY, SL_OPEN };
static const struct field slot_fields[] = {
    [SL_CAPACITY] = {"capacity", FIELD_INT, 1, 0, 200, NULL, "Schedule.capacity", NULL},
    [SL_OPEN] = {"is_open", FIELD_CHECKBOX, 0, 0, 0, NULL, "Schedule.is_open", NULL},
    {0},
};

/* POST /office/slots/{id} : capacity and open/closed; never below the
 * places already booked (checked under the row lock). */
int office_slot_update(struct request *r)
{
    struct form f;
    char where[96];
    if (form_read(r, slot_fields, &f)) return 422;
    if (db_begin()) return 503;
    int found = db_row(r->private_hdf, "Slot", "SELECT session_id, booked FROM time_slots WHERE id = ? FOR UPDATE",
                       "i", r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (f.v[SL_CAPACITY].number < hdf_get_int_value(r->private_hdf, "Slot.booked", 0)) return 409;
    if (audit_update(r, "update", "time_slot", r->path_id, slot_snapshot_sql,
                     "UPDATE time_slots SET capacity = ?, is_open = ? WHERE id = ?", "iii",
                     f.v[SL_CAPACITY].number, f.v[SL_OPEN].number, r->path_id) < 0 ||
        waitlist_offer_slot(r->path_id) || db_commit())
        return 500;
    snprintf(where, sizeof(where), "/office/sessions/%s?done=saved",
             hdf_get_value(r->private_hdf, "Slot.session_id", "0"));
    return redirect(r, where);
}

enum { C_FROM };
static const struct field copy_fields[] = {
    [C_FROM] = {"from", FIELD_DATE, 1, 0, 0, NULL, "Schedule.copy_from", NULL},
    {0},
};

/* POST /office/sessions/copy-week : the seven days from `from` copied to
 * the seven days after, sessions and slots, where the target half-day is
 * still free; stopped sessions are copied as open. */
int office_sessions_copy_week(struct request *r)
{
    struct form f;
    char where[96], after[96];
    if (form_read(r, copy_fields, &f)) return sessions_again(r, 422, NULL);
    const char *from = f.v[C_FROM].datetime;
    if (db_begin()) return 503;
    long long sessions = db_exec(
        "INSERT IGNORE INTO clinic_sessions (doctor_id, department_id, session_date, period, clinic_type, fee_fen)"
        " SELECT doctor_id, department_id, session_date + INTERVAL 7 DAY, period, clinic_type, fee_fen"
        " FROM clinic_sessions WHERE session_date BETWEEN ? AND ? + INTERVAL 6 DAY"
        " AND session_date + INTERVAL 7 DAY >= CURDATE()", "ss", from, from);
    if (sessions < 0 ||
        db_exec("INSERT IGNORE INTO time_slots (session_id, starts_at, ends_at, capacity)"
                " SELECT target.id, t.starts_at + INTERVAL 7 DAY, t.ends_at + INTERVAL 7 DAY, t.capacity"
                " FROM clinic_sessions src JOIN time_slots t ON t.session_id = src.id"
                " JOIN clinic_sessions target ON target.doctor_id = src.doctor_id"
                "  AND target.session_date = src.session_date + INTERVAL 7 DAY AND target.period = src.period"
                " WHERE src.session_date BETWEEN ? AND ? + INTERVAL 6 DAY",
                "ss", from, from) < 0)
        return 500;
    snprintf(after, sizeof(after), "{\"from\": \"%s\", \"sessions_added\": %lld}", from, sessions);
    if (audit_record(r, "copy_week", "clinic_session", 0, NULL, after) || db_commit()) return 500;
    snprintf(where, sizeof(where), "/office/sessions?date=%s&done=copied", from);
    return redirect(r, where);
}
