/*
 * outbox.c - the notification outbox (sql/004, 008), written inside the
 * caller's transaction: a message exists exactly when the change it
 * reports does.  A message is its kind (the name of its text, Lang.Sms.<kind>),
 * the mobile it goes to, the parameters its text is filled with (a JSON
 * object), and an idempotency key, unique, so the same event is never
 * queued twice and a gateway can drop a repeated delivery.  portal-sender
 * delivers it.  Booking's own messages are queued by the booking
 * procedures (queue_booking_message, sql/006) in the same shape.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "portal.h"

static int queue_va(const char *not_before, const char *key, const char *kind, const char *mobile,
                    int flags, va_list ap)
{
    json_t *params = json_object();
    if (!params) return -1;
    for (;;) {
        const char *name = va_arg(ap, const char *);
        if (!name) break;
        const char *value = va_arg(ap, const char *);
        json_object_set_new(params, name, json_string(value ? value : ""));
    }
    char *text = json_dumps(params, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(params);
    if (!text) return -1;
    long long rows = db_exec("INSERT INTO notification_outbox (idempotency_key, kind, mobile, params,"
                             " erase_after_send, next_attempt_at, created_at)"
                             " VALUES (?, ?, ?, ?, ?, GREATEST(NOW(), COALESCE(?, NOW())), NOW())",
                             "ssssis", key, kind, mobile, text,
                             (long long)((flags & OUTBOX_ERASE_AFTER_SEND) != 0), not_before);
    free(text);
    return rows == 1 ? 0 : -1;
}

/* Queues one message; the parameters are name, value pairs of strings,
 * ended by NULL.  Returns 0, or -1 when nothing was queued. */
int outbox_queue(const char *key, const char *kind, const char *mobile, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int rc = queue_va(NULL, key, kind, mobile, flags, ap);
    va_end(ap);
    return rc;
}

/* The same, not sent before `not_before` ("YYYY-MM-DD HH:MM:SS", Asia/
 * Shanghai): the sender takes a message only once its next_attempt_at has
 * come, so a later first attempt is a delayed send (a survey invitation the
 * day after a visit). */
int outbox_queue_at(const char *not_before, const char *key, const char *kind, const char *mobile,
                    int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int rc = queue_va(not_before, key, kind, mobile, flags, ap);
    va_end(ap);
    return rc;
}
