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
    /* the message's parameters are gathered in one place, the procedure
     * (sql/006_booking_procedures.sql), also used by a booking itself */
    return db_exec("CALL queue_booking_message(?, ?)", "ss", kind, confirmation_no) == 1 ? 0 : -1;
}
