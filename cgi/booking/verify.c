/*
 * booking/verify.c - the first step of booking a slot: the mobile proves
 * itself with a code sent to it (cgi/core/verify.c), so a script cannot
 * book with made-up numbers and every booking's messages reach a real
 * phone.  One form on the slot's page: the mobile and 获取验证码 first,
 * then the code and 验证并继续 (and 重新获取).  A proved mobile lasts a
 * day in this browser; 更换手机号 forgets it.
 */
#include <string.h>
#include "booking.h"

static const char *const actions[] = {"check", "send", "forget", NULL};
enum { A_CHECK, A_SEND, A_FORGET };

/* then=waitlist: the step of joining the slot's session's waitlist (候补) */
static const char *const thens[] = {"waitlist", NULL};

enum { V_SLOT, V_ACTION, V_MOBILE, V_CODE, V_THEN };
static const struct field verify_fields[] = {
    [V_SLOT] = {"slot", FIELD_PICK, 1, 1, 4294967295LL, NULL, "Booking.slot"},
    [V_ACTION] = {"action", FIELD_CHOICE, 1, 0, 0, actions, "Verify.action"},
    [V_MOBILE] = {"mobile", FIELD_MOBILE, 1, 0, 0, NULL, "Booking.mobile"},
    [V_CODE] = {"code", FIELD_CODE, 0, 0, 6, NULL, "Verify.code"},
    [V_THEN] = {"then", FIELD_CHOICE, 0, 0, 0, thens, "Verify.action"},
    {0},
};

/* The page the step shows again: the slot's, or its session's waitlist. */
static int step_page(struct request *r, int waitlist_step, int status)
{
    if (waitlist_step)
        return booking_waitlist_page(r, hdf_get_int_value(r->hdf, "Slot.session_id", 0), status);
    return booking_slot_page(r, status);
}

/* POST /booking/verify */
int booking_verify(struct request *r)
{
    struct form f;
    char where[64];
    int errors = form_read(r, verify_fields, &f);
    if (!f.v[V_SLOT].text) return 404;
    long long slot = f.v[V_SLOT].number;
    int found = booking_load_slot(r, slot);
    if (found <= 0) return found < 0 ? 500 : 404;
    int waitlist_step = f.v[V_THEN].text != NULL;
    if (waitlist_step)
        snprintf(where, sizeof(where), "/booking/sessions/%s/waitlist", hdf_get_value(r->hdf, "Slot.session_id", "0"));
    else
        snprintf(where, sizeof(where), "/booking/slots/%lld", slot);
    if (f.v[V_ACTION].text && f.v[V_ACTION].number == A_FORGET) {
        verify_forget(r);
        return redirect(r, where);
    }
    hdf_set_value(r->hdf, "Form.id_type", "resident_id");
    if (errors) {
        if (f.v[V_ACTION].number == A_CHECK) hdf_set_value(r->hdf, "Verify.code_asked", "1");
        return step_page(r, waitlist_step, 422);
    }
    if (f.v[V_ACTION].number == A_SEND) {
        int sent = verify_send(r, &f, V_MOBILE, f.v[V_MOBILE].text);
        if (sent < 0) return 503;
        if (sent == 0) hdf_set_value(r->hdf, "Verify.code_asked", "1");
        hdf_remove_tree(r->hdf, "Form.code");
        return step_page(r, waitlist_step, sent ? sent : 200);
    }
    hdf_set_value(r->hdf, "Verify.code_asked", "1");
    if (!f.v[V_CODE].text) {
        form_error(r, &f, V_CODE, "required");
        return step_page(r, waitlist_step, 422);
    }
    int ok = verify_check(r, &f, V_CODE, f.v[V_MOBILE].text, f.v[V_CODE].text);
    if (ok < 0) return 503;
    if (!ok) return step_page(r, waitlist_step, 422);
    return redirect(r, where);
}
