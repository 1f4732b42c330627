/*
 * booking/queue.c - 候诊叫号: the waiting-room queue of a doctor's session.
 *
 * Check-in at the desk gives the patient a queue number (queue_tickets,
 * sql/014), numbered per session in check-in order.  Patients are called
 * in the order of their slot's time, then check-in time: a late arrival
 * (after their slot ended) stands at the time they came, so after those
 * on time, and a skipped patient (过号) who comes back (复位) stands at
 * the time they returned.  The desk calls the next, skips or puts back
 * from /office/desk; the patient's booking page shows 当前叫号, how many
 * are ahead and an estimate; each department has a hall screen page that
 * reloads itself (no JavaScript).
 */
#include <stdio.h>
#include <string.h>
#include "booking.h"

/* The calling order, as an ORDER BY of queue_tickets q. */
#define CALLING_ORDER "q.order_at, q.checked_in_at, q.queue_no"

/* A checked-in booking's ticket, in the check-in's transaction: the
 * session's row is locked first, so two check-ins never share a number. */
int queue_checkin(long long booking_id)
{
    HDF *tmp;
    if (hdf_init(&tmp)) return -1;
    int rc = -1;
    if (db_row(tmp, "S", "SELECT cs.id FROM bookings b JOIN clinic_sessions cs ON cs.id = b.session_id"
                         " WHERE b.id = ? FOR UPDATE", "i", booking_id) == 1 &&
        db_row(tmp, "N", "SELECT COALESCE(MAX(queue_no), 0) + 1 AS next FROM queue_tickets WHERE session_id = ?",
               "i", (long long)hdf_get_int_value(tmp, "S.id", 0)) == 1 &&
        db_exec("INSERT INTO queue_tickets (booking_id, session_id, queue_no, slot_starts_at, checked_in_at, order_at)"
                " SELECT b.id, b.session_id, ?, t.starts_at, b.checked_in_at,"
                " IF(b.checked_in_at > t.ends_at, b.checked_in_at, t.starts_at)"
                " FROM bookings b JOIN time_slots t ON t.id = b.slot_id WHERE b.id = ?",
                "ii", (long long)hdf_get_int_value(tmp, "N.next", 1), booking_id) == 1)
        rc = 0;
    hdf_destroy(&tmp);
    return rc;
}

/* The patient's place in the queue as Queue.*: their number, its state,
 * the number being called, how many are ahead and the minutes that makes
 * (the slot's minutes per patient). */
int queue_load_for_booking(struct request *r, const char *no)
{
    return db_row(r->hdf, "Queue",
        "SELECT m.queue_no, m.state,"
        " (SELECT q.queue_no FROM queue_tickets q WHERE q.session_id = m.session_id AND q.state = 'called'"
        "   ORDER BY q.called_at DESC LIMIT 1) AS current,"
        " (SELECT COUNT(*) FROM queue_tickets q WHERE q.session_id = m.session_id AND q.state = 'waiting'"
        "   AND (q.order_at, q.checked_in_at, q.queue_no) < (m.order_at, m.checked_in_at, m.queue_no)) AS ahead,"
        " GREATEST(1, TIMESTAMPDIFF(MINUTE, t.starts_at, t.ends_at) DIV GREATEST(1, t.capacity)) AS per_patient"
        " FROM queue_tickets m JOIN bookings b ON b.id = m.booking_id JOIN time_slots t ON t.id = b.slot_id"
        " WHERE b.confirmation_no = ? AND b.session_date = CURDATE()", "s", no);
}

/* Today's sessions of a department (0: all) with their queues, as
 * <prefix>.N (id, doctor, period, current, waiting) and, up to `limit`
 * each, <prefix>.N.line.M in calling order and <prefix>.N.skipped.M. */
static int load_queues(HDF *hdf, const char *prefix, long long department, int limit, int names)
{
    /* the desk (names) sees the sessions someone checked in to; the hall
     * screen every doctor on duty today */
    if (db_rows(hdf, prefix,
        "SELECT cs.id, cs.period, d.name AS doctor, dep.name AS department,"
        " (SELECT q.queue_no FROM queue_tickets q WHERE q.session_id = cs.id AND q.state = 'called'"
        "   ORDER BY q.called_at DESC LIMIT 1) AS current,"
        " (SELECT COUNT(*) FROM queue_tickets q WHERE q.session_id = cs.id AND q.state = 'waiting') AS waiting"
        " FROM clinic_sessions cs JOIN doctors d ON d.id = cs.doctor_id JOIN departments dep ON dep.id = cs.department_id"
        " WHERE cs.session_date = CURDATE() AND cs.status = 'open' AND d.active = 1 AND (? = 0 OR cs.department_id = ?)"
        " AND (? = 0 OR EXISTS (SELECT 1 FROM queue_tickets q WHERE q.session_id = cs.id))"
        " ORDER BY dep.sort_order, FIELD(cs.period, 'morning', 'afternoon', 'evening'), d.name",
        "iii", department, department, (long long)names) < 0)
        return -1;
    for (HDF *s = hdf_obj_child(hdf_get_obj(hdf, prefix)); s; s = hdf_obj_next(s)) {
        long long id = hdf_get_int_value(s, "id", 0);
        if (db_rows(s, "line",
                names ? "SELECT q.queue_no, b.patient_name, DATE_FORMAT(q.slot_starts_at, '%H:%i') AS slot,"
                        " (q.order_at > q.slot_starts_at) AS late, b.confirmation_no AS no"
                        " FROM queue_tickets q JOIN bookings b ON b.id = q.booking_id"
                        " WHERE q.session_id = ? AND q.state = 'waiting' ORDER BY " CALLING_ORDER " LIMIT ?"
                      : "SELECT q.queue_no FROM queue_tickets q"
                        " WHERE q.session_id = ? AND q.state = 'waiting' ORDER BY " CALLING_ORDER " LIMIT ?",
                "ii", id, (long long)limit) < 0)
            return -1;
        if (names && db_rows(s, "skipped",
                "SELECT q.queue_no, b.patient_name FROM queue_tickets q JOIN bookings b ON b.id = q.booking_id"
                " WHERE q.session_id = ? AND q.state = 'skipped' ORDER BY q.called_at", "i", id) < 0)
            return -1;
        if (names && db_row(s, "called",
                "SELECT q.queue_no, b.patient_name FROM queue_tickets q JOIN bookings b ON b.id = q.booking_id"
                " WHERE q.session_id = ? AND q.state = 'called' ORDER BY q.called_at DESC LIMIT 1", "i", id) < 0)
            return -1;
    }
    return 0;
}

/* The desk page's queues (called from office_desk). */
int queue_load_desk(struct request *r)
{
    return load_queues(r->hdf, "Queues", hdf_get_int_value(r->hdf, "Today.department", 0), 50, 1);
}

/* GET /booking/departments/{id}/queue : the waiting hall's screen. */
int booking_queue_display(struct request *r)
{
    int found = db_row(r->hdf, "Department", "SELECT id, name, location FROM departments WHERE id = ?",
                       "i", r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (load_queues(r->hdf, "Queues", r->path_id, 3, 0)) return 500;
    db_row(r->hdf, "Now", "SELECT DATE_FORMAT(NOW(), '%H:%i') AS time", "");
    r->cacheable = 1;
    return render(r, "booking/queue_display.cs");
}

static const char *const queue_actions[] = {"next", "skip", "recall", NULL};
enum { Q_NEXT, Q_SKIP, Q_RECALL };
enum { Q_ACTION, Q_TICKET, Q_DEPARTMENT };
static const struct field queue_fields[] = {
    [Q_ACTION] = {"action", FIELD_CHOICE, 1, 0, 0, queue_actions, "Queue.action"},
    [Q_TICKET] = {"ticket", FIELD_INT, 0, 1, 65535, NULL, "Queue.ticket"},
    [Q_DEPARTMENT] = {"department", FIELD_INT, 0, 0, 65535, NULL, "Desk.department"},
    {0},
};

/* The first patient waiting becomes the one called. */
static long long call_next(long long session)
{
    return db_exec("UPDATE queue_tickets q SET q.state = 'called', q.called_at = NOW()"
                   " WHERE q.session_id = ? AND q.state = 'waiting' ORDER BY " CALLING_ORDER " LIMIT 1",
                   "i", session);
}

/* POST /office/desk/queue/{session id} : 叫号 (the one called is done and
 * the next called), 过号 (the one called did not come: skipped, and the
 * next called), 复位 (a skipped patient back in the line, at now). */
int office_desk_queue(struct request *r)
{
    struct form f;
    char where[96], after[128];
    if (form_read(r, queue_fields, &f)) { r->status = 422; return office_desk(r); }
    if (db_begin()) return 503;
    int found = db_row(r->private_hdf, "S", "SELECT id FROM clinic_sessions WHERE id = ? AND session_date = CURDATE()"
                       " FOR UPDATE", "i", r->path_id);
    if (found <= 0) { db_rollback(); return found < 0 ? 500 : 404; }
    long long rows = 0;
    switch (f.v[Q_ACTION].number) {
    case Q_NEXT:
    case Q_SKIP:
        rows = db_exec("UPDATE queue_tickets SET state = ? WHERE session_id = ? AND state = 'called'", "si",
                       f.v[Q_ACTION].number == Q_SKIP ? "skipped" : "done", r->path_id);
        if (rows >= 0) rows = call_next(r->path_id);
        break;
    case Q_RECALL:
        rows = f.v[Q_TICKET].text
            ? db_exec("UPDATE queue_tickets SET state = 'waiting', order_at = NOW() WHERE session_id = ?"
                      " AND queue_no = ? AND state = 'skipped'", "ii", r->path_id, f.v[Q_TICKET].number)
            : 0;
        break;
    }
    if (rows < 0) return 500;
    snprintf(after, sizeof(after), "{\"action\":\"%s\",\"changed\":%lld}", queue_actions[f.v[Q_ACTION].number], rows);
    if (audit_record(r, "queue", "clinic_session", r->path_id, NULL, after) || db_commit()) return 500;
    snprintf(where, sizeof(where), "/office/desk?department=%lld#queue-%lld",
             f.v[Q_DEPARTMENT].text ? f.v[Q_DEPARTMENT].number : 0, r->path_id);
    return redirect(r, where);
}
