/*
 * portal-office - the hospital office's back office under /office/, served
 * with the portal_office database account.  Every page but the login page
 * needs a session, and each route names the roles that may use it.
 */
#include "portal.h"
#include "office.h"
#include "../notices/notices.h"
#include "../booking/booking.h"
#include "../fees/fees.h"

#define NOTICE_EDITORS (ROLE_OFFICE | ROLE_ADMIN)

static const struct route routes[] = {
    {"GET", "/office/login", office_login_form, 0, 1},
    {"POST", "/office/login", office_login, 0, 1},
    {"POST", "/office/logout", office_logout, ROLE_ANY_LOGGED_IN, 0},
    {"GET", "/office/", office_home, ROLE_ANY_LOGGED_IN, 0},
    {"GET", "/office/audit", office_audit, ROLE_OFFICE | ROLE_ADMIN, 0},
    {"GET", "/office/notices/", office_notices, NOTICE_EDITORS, 0},
    {"GET", "/office/notices/new", office_notice_new, NOTICE_EDITORS, 1},
    {"POST", "/office/notices/new", office_notice_create, NOTICE_EDITORS, 1},
    {"GET", "/office/notices/{id}", office_notice_view, NOTICE_EDITORS, 1},
    {"GET", "/office/notices/{id}/edit", office_notice_edit, NOTICE_EDITORS, 1},
    {"POST", "/office/notices/{id}/edit", office_notice_update, NOTICE_EDITORS, 1},
    {"POST", "/office/notices/{id}/publish", office_notice_publish, NOTICE_EDITORS, 0},
    {"POST", "/office/notices/{id}/unpublish", office_notice_unpublish, NOTICE_EDITORS, 0},
    {"POST", "/office/notices/{id}/pin", office_notice_pin, NOTICE_EDITORS, 0},
    {"POST", "/office/notices/{id}/unpin", office_notice_unpin, NOTICE_EDITORS, 0},
    {"POST", "/office/notices/{id}/expire", office_notice_expire, NOTICE_EDITORS, 0},
    {"GET", "/office/desk", office_desk, ROLE_DESK | ROLE_ADMIN, 1},
    {"POST", "/office/desk/checkin", office_desk_checkin, ROLE_DESK | ROLE_ADMIN, 1},
    {"GET", "/office/sessions", office_sessions, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/sessions/{id}/stop", office_session_stop, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/sessions/new", office_session_create, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/sessions/copy-week", office_sessions_copy_week, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/sessions/{id}", office_session_slots, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/sessions/{id}/edit", office_session_update, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/slots/{id}", office_slot_update, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/booking-rules", office_booking_rules, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/booking-rules", office_booking_rules_update, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/fees/", office_fees, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/fees/import", office_fees_import, ROLE_OFFICE | ROLE_ADMIN, 2},
    {"POST", "/office/fees/charges", office_fees_charges, ROLE_OFFICE | ROLE_ADMIN, 2},
    {"GET", "/office/healthz", healthz, 0, 0},
    {0},
};

static const struct program office_program = {
    .name = "office",
    .routes = routes,
    .uses_sessions = 1,
    .login_path = "/office/login",
};

int main(int argc, char **argv)
{
    return portal_main(argc, argv, &office_program);
}
