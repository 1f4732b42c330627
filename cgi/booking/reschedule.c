/*
 * booking/reschedule.c - 改约: a booking moved to another time of the same
 * doctor, until the cut-off.  The change is cancel + book in one
 * transaction (reschedule_place, sql/006_booking_procedures.sql): the old
 * place is freed and the new one taken under the rules of a new booking,
 * or nothing changes.  Reached, like the booking's page, only with its
 * link MAC.
 */
#include <stdio.h>
#include <string.h>
#include "booking.h"

/* The booking (masked) and the same doctor's other bookable slots, as
 * Booking.* and Slots.N.*; 0 when the booking cannot be changed now. */
static int load_choices(struct request *r, const char *no)
{
    int found = booking_load(r, no);
    if (found <= 0) return found;
    booking_mask_row(hdf_get_obj(r->hdf, "Booking"));
    if (db_rows(r->hdf, "Slots",
        "SELECT t.id, t.session_id, DATE_FORMAT(cs.session_date, '%Y-%m-%d') AS date, WEEKDAY(cs.session_date) AS weekday,"
        " cs.period, DATE_FORMAT(t.starts_at, '%H:%i') AS starts, DATE_FORMAT(t.ends_at, '%H:%i') AS ends,"
        " t.capacity - t.booked AS free"
        " FROM bookings b JOIN clinic_sessions mine ON mine.id = b.session_id"
        " JOIN clinic_sessions cs ON cs.doctor_id = mine.doctor_id JOIN time_slots t ON t.session_id = cs.id"
        " WHERE b.confirmation_no = ? AND t.id <> b.slot_id AND cs.status = 'open' AND t.is_open = 1"
        " AND t.booked < t.capacity AND t.starts_at > NOW() + INTERVAL ? MINUTE"
        " AND cs.session_date < CURDATE() + INTERVAL ? DAY ORDER BY t.starts_at",
        "sii", no, (long long)CUTOFF_MINUTES, (long long)BOOKING_DAYS_AHEAD) < 0)
        return -1;
    return 1;
}

static int show(struct request *r, const char *no, int status)
{
    int found = load_choices(r, no);
    if (found <= 0) return found < 0 ? 500 : 404;
    r->status = status;
    return render(r, "booking/reschedule.cs");
}

/* GET /booking/reschedule?no=&t= */
int booking_reschedule_form(struct request *r)
{
    const char *no = booking_authorised_no(r);
    if (!no) return 404;
    return show(r, no, 200);
}

enum { RS_SLOT };
static const struct field reschedule_fields[] = {
    [RS_SLOT] = {"slot", FIELD_PICK, 1, 1, 4294967295LL, NULL, "Booking.new_slot", NULL},
    {0},
};

/* POST /booking/reschedule : no, t and the chosen slot. */
int booking_reschedule(struct request *r)
{
    struct form f;
    struct rate_answer limit;
    char new_no[11], where[160];
    const char *no = booking_authorised_no(r);
    if (!no) return 404;
    /* a change takes a place like a booking: the same quota per address */
    if (rate_take("booking.client", r->client_ip ? r->client_ip : "-", &limit)) return 503;
    if (!limit.allowed) {
        form_keep(r, reschedule_fields);
        rate_refuse(r, NULL, -1, &limit);
        return show(r, no, 429);
    }
    if (form_read(r, reschedule_fields, &f)) return show(r, no, 422);
    booking_new_no(new_no);
    if (db_call(r->private_hdf, "Changed", "CALL reschedule_place(?, ?, ?, ?, ?)", "sisii",
                no, f.v[RS_SLOT].number, new_no, (long long)CUTOFF_MINUTES, (long long)BOOKING_DAYS_AHEAD) != 1)
        return 500;
    const char *outcome = hdf_get_value(r->private_hdf, "Changed.outcome", "");
    if (strcmp(outcome, "booked") != 0) {
        /* said above the choices, the one chosen still chosen */
        booking_refusal(r, outcome, hdf_get_obj(r->private_hdf, "Changed"));
        return show(r, no, strcmp(outcome, "not_found") ? 409 : 404);
    }
    if (booking_view_path(new_no, where, sizeof(where))) return 500;
    strncat(where, "&done=rescheduled", sizeof(where) - strlen(where) - 1);
    return redirect(r, where);
}
