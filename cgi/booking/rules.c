/*
 * booking/rules.c - the hospital's no-show rule (爽约管理), set by the
 * office: this many no-shows within this many days suspend online booking
 * for this many days; and how many active bookings one mobile may hold
 * (against scalping, 号贩子).  Kept in the table booking_rules, which the booking
 * procedure reads, so a change applies to the next booking.  Audited.
 */
#include <stdio.h>
#include <string.h>
#include "booking.h"

static const char rules_snapshot_sql[] =
    "SELECT JSON_OBJECT('no_show_limit', no_show_limit, 'no_show_window_days', no_show_window_days,"
    " 'suspend_days', suspend_days, 'max_active_per_mobile', max_active_per_mobile,"
    " 'waitlist_hold_minutes', waitlist_hold_minutes) AS snapshot FROM booking_rules WHERE id = ? FOR UPDATE";

enum { R_LIMIT, R_WINDOW, R_SUSPEND, R_MOBILE, R_HOLD };
static const struct field rules_fields[] = {
    [R_LIMIT] = {"no_show_limit", FIELD_INT, 1, 1, 20, NULL, "Rules.no_show_limit", NULL},
    [R_WINDOW] = {"no_show_window_days", FIELD_INT, 1, 1, 365, NULL, "Rules.no_show_window_days", NULL},
    [R_SUSPEND] = {"suspend_days", FIELD_INT, 1, 0, 365, NULL, "Rules.suspend_days", NULL},
    [R_MOBILE] = {"max_active_per_mobile", FIELD_INT, 1, 1, 50, NULL, "Rules.max_active_per_mobile", NULL},
    /* how long a place freed for the waitlist (候补) is held for its offer;
     * the form always sends it, a client of the older form keeps it */
    [R_HOLD] = {"waitlist_hold_minutes", FIELD_INT, 0, 5, 240, NULL, "Rules.waitlist_hold_minutes", NULL},
    {0},
};

/* GET /office/booking-rules */
int office_booking_rules(struct request *r)
{
    /* the form starts from the rule in force, unless shown again with
     * what was typed */
    if (!hdf_get_obj(r->hdf, "Form.no_show_limit") &&
        db_row(r->hdf, "Form", "SELECT no_show_limit, no_show_window_days, suspend_days,"
                               " max_active_per_mobile, waitlist_hold_minutes FROM booking_rules WHERE id = 1", "") != 1)
        return 500;
    const char *done = req_param(r, "done");
    if (done && !strcmp(done, "saved")) hdf_set_value(r->hdf, "Done", done);
    return render(r, "office/rules.cs");
}

/* POST /office/booking-rules */
int office_booking_rules_update(struct request *r)
{
    struct form f;
    if (form_read(r, rules_fields, &f)) {
        r->status = 422;
        return office_booking_rules(r);
    }
    if (db_begin()) return 503;
    if (audit_update(r, "update", "booking_rules", 1, rules_snapshot_sql,
                     "UPDATE booking_rules SET no_show_limit = ?, no_show_window_days = ?, suspend_days = ?,"
                     " max_active_per_mobile = ?, waitlist_hold_minutes = COALESCE(?, waitlist_hold_minutes) WHERE id = 1", "iiiis", f.v[R_LIMIT].number,
                     f.v[R_WINDOW].number, f.v[R_SUSPEND].number, f.v[R_MOBILE].number, f.v[R_HOLD].text) != 1 ||
        db_commit())
        return 500;
    return redirect(r, "/office/booking-rules?done=saved");
}
