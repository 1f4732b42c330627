/*
 * booking/notify.c - queues a booking's notification in the outbox, inside
 * the caller's transaction: the message exists exactly when the change it
 * reports does.  The idempotency key (kind:confirmation number) makes a
 * second queueing of the same event fail instead of sending twice.
 * Message texts are not stored: the sender fills the kind's text from the
 * language file with these parameters.
 */
#include "booking.h"

int booking_notify(const char *kind, const char *confirmation_no)
{
    long long rows = db_exec(
        "INSERT INTO notification_outbox (idempotency_key, kind, mobile, booking_id, params,"
        " next_attempt_at, created_at)"
        " SELECT CONCAT(?, ':', b.confirmation_no), ?, b.mobile, b.id,"
        " JSON_OBJECT('no', b.confirmation_no, 'name', b.patient_name, 'department', dep.name,"
        "   'location', dep.location, 'doctor', d.name, 'date', DATE_FORMAT(b.session_date, '%Y-%m-%d'),"
        "   'time', DATE_FORMAT(t.starts_at, '%H:%i'), 'reason', COALESCE(cs.stop_reason, '')),"
        " NOW(), NOW()"
        " FROM bookings b JOIN time_slots t ON t.id = b.slot_id JOIN clinic_sessions cs ON cs.id = b.session_id"
        " JOIN doctors d ON d.id = cs.doctor_id JOIN departments dep ON dep.id = b.department_id"
        " WHERE b.confirmation_no = ?",
        "sss", kind, kind, confirmation_no);
    return rows == 1 ? 0 : -1;
}
