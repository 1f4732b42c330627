/*
 * portal-office - the hospital office's back office under /office/, served
 * with the portal_office database account.  Every page but the login page
 * needs a session, and each route names the roles that may use it.
 */
#include "portal.h"
#include "office.h"
#include "../notices/notices.h"
#include "../booking/booking.h"
#include "../surveys/surveys.h"
#include "../complaints/complaints.h"
#include "../volunteers/volunteers.h"
#include "../reports/reports.h"
#include "../fees/fees.h"

#define NOTICE_EDITORS (ROLE_OFFICE | ROLE_ADMIN)
#define VOL_COORDINATORS (ROLE_VOLUNTEER | ROLE_ADMIN)

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
    {"POST", "/office/desk/queue/{id}", office_desk_queue, ROLE_DESK | ROLE_ADMIN, 1},
    {"GET", "/office/calendar", office_calendar, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/calendar", office_calendar_add, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/calendar/delete", office_calendar_delete, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/symptoms", office_symptoms, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/symptoms", office_symptom_create, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/symptoms/{id}/delete", office_symptom_delete, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/sessions", office_sessions, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/sessions/{id}/stop", office_session_stop, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/sessions/new", office_session_create, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/sessions/copy-week", office_sessions_copy_week, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/sessions/{id}", office_session_slots, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/sessions/{id}/edit", office_session_update, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/slots/{id}", office_slot_update, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/booking-rules", office_booking_rules, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/booking-rules", office_booking_rules_update, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/surveys/", office_surveys, ROLE_OFFICE | ROLE_ADMIN, 0},
    {"GET", "/office/surveys/new", office_survey_new, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/surveys/new", office_survey_create, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/surveys/{id}", office_survey_view, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/surveys/{id}/edit", office_survey_update, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/surveys/{id}/questions", office_survey_question_add, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/surveys/{id}/questions/delete", office_survey_question_delete, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/surveys/{id}/invitations", office_survey_invitations, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/surveys/{id}/followup", office_survey_followup_form, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/surveys/{id}/followup", office_survey_followup_submit, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/surveys/{id}/results", office_survey_results, ROLE_OFFICE | ROLE_ADMIN, 0},
    {"GET", "/office/surveys/{id}/results.csv", office_survey_results_csv, ROLE_OFFICE | ROLE_ADMIN, 0},
    {"GET", "/office/complaints/", office_complaints, ROLE_OFFICE | ROLE_ADMIN, 0},
    {"GET", "/office/complaints/stars", office_complaint_stars, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/complaints/stars", office_complaint_stars_publish, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/complaints/{id}", office_complaint_view, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/complaints/{id}/assign", office_complaint_assign, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/complaints/{id}/reply", office_complaint_reply, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/complaints/{id}/close", office_complaint_close, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"GET", "/office/volunteers/", vol_office_list, VOL_COORDINATORS, 0},
    {"GET", "/office/volunteers/call", vol_office_call, VOL_COORDINATORS, 1},
    {"POST", "/office/volunteers/call", vol_office_call_update, VOL_COORDINATORS, 1},
    {"GET", "/office/volunteers/hours", vol_office_hours, VOL_COORDINATORS, 0},
    {"GET", "/office/volunteers/hours.csv", vol_office_hours_csv, VOL_COORDINATORS, 0},
    {"GET", "/office/volunteers/points", vol_office_points, VOL_COORDINATORS, 0},
    {"GET", "/office/volunteers/{id}", vol_office_view, VOL_COORDINATORS, 1},
    {"POST", "/office/volunteers/{id}/move", vol_office_move, VOL_COORDINATORS, 1},
    {"POST", "/office/volunteers/{id}/shifts", vol_office_shift, VOL_COORDINATORS, 1},
    {"POST", "/office/volunteers/{id}/evaluations", vol_office_evaluation, VOL_COORDINATORS, 1},
    {"POST", "/office/volunteers/{id}/link", vol_office_send_link, VOL_COORDINATORS, 1},
    {"POST", "/office/volunteers/{id}/star", vol_office_star, VOL_COORDINATORS, 1},
    {"GET", "/office/lab/", office_lab, ROLE_LAB | ROLE_ADMIN, 1},
    {"POST", "/office/lab/upload", office_lab_upload, ROLE_LAB | ROLE_ADMIN, ROUTE_FORM_UPLOAD},
    {"GET", "/office/lab/turnaround", office_lab_turnaround, ROLE_LAB | ROLE_ADMIN, 1},
    {"POST", "/office/lab/turnaround", office_lab_turnaround_update, ROLE_LAB | ROLE_ADMIN, 1},
    {"GET", "/office/fees/", office_fees, ROLE_OFFICE | ROLE_ADMIN, 1},
    {"POST", "/office/fees/import", office_fees_import, ROLE_OFFICE | ROLE_ADMIN, ROUTE_FORM_UPLOAD},
    {"POST", "/office/fees/charges", office_fees_charges, ROLE_OFFICE | ROLE_ADMIN, ROUTE_FORM_UPLOAD},
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
