/*
 * portal-public - everything patients and volunteers use, served with the
 * portal_public database account (read what is published, insert only what
 * the public may create).
 */
#include "portal.h"
#include "../home/home.h"
#include "../notices/notices.h"
#include "../booking/booking.h"
#include "../surveys/surveys.h"
#include "../complaints/complaints.h"
#include "../volunteers/volunteers.h"
#include "../reports/reports.h"
#include "../fees/fees.h"

static const struct route routes[] = {
    {"GET", "/", home_page, 0, 0},
    {"GET", "/notices/", notices_list, 0, 0},
    {"GET", "/notices/{id}", notice_show, 0, 0},
    {"GET", "/booking/", booking_departments, 0, 0},
    {"GET", "/booking/departments/{id}", booking_department, 0, 0},
    {"GET", "/booking/departments/{id}/schedule", booking_schedule, 0, 0},
    {"GET", "/booking/doctors/{id}", booking_doctor, 0, 0},
    {"GET", "/booking/slots/{id}", booking_form, 0, 1},
    {"POST", "/booking/slots/{id}", booking_create, 0, 1},
    {"POST", "/booking/verify", booking_verify, 0, 1},
    {"GET", "/booking/booking", booking_show, 0, 1},
    {"GET", "/booking/qr", booking_qr_png, 0, 0},
    {"GET", "/booking/calendar", booking_calendar, 0, 0},
    {"GET", "/booking/lookup", booking_lookup_form, 0, 1},
    {"POST", "/booking/lookup", booking_lookup, 0, 1},
    {"POST", "/booking/cancel", booking_cancel, 0, 1},
    {"GET", "/booking/reschedule", booking_reschedule_form, 0, 1},
    {"POST", "/booking/reschedule", booking_reschedule, 0, 1},
    {"GET", "/surveys/", surveys_list, 0, 0},
    {"GET", "/surveys/thanks", surveys_thanks, 0, 0},
    {"GET", "/surveys/answer", survey_invited_form, 0, 1},
    {"POST", "/surveys/answer", survey_invited_submit, 0, 1},
    {"GET", "/surveys/visit", survey_visit_form, 0, 1},
    {"GET", "/surveys/{id}", survey_open_form, 0, 1},
    {"POST", "/surveys/{id}", survey_open_submit, 0, 1},
    {"GET", "/complaints/", complaint_form, 0, 1},
    {"POST", "/complaints/", complaint_create, 0, 1},
    {"GET", "/complaints/filed", complaint_filed, 0, 0},
    {"GET", "/complaints/status", complaint_status_form, 0, 1},
    {"POST", "/complaints/status", complaint_status, 0, 1},
    {"GET", "/complaints/stars", complaint_stars_public, 0, 0},
    {"GET", "/booking/sessions/{id}/waitlist", booking_waitlist_form, 0, 1},
    {"POST", "/booking/sessions/{id}/waitlist", booking_waitlist_join, 0, 1},
    {"GET", "/booking/waitlist", booking_waitlist_show, 0, 1},
    {"POST", "/booking/waitlist/confirm", booking_waitlist_confirm, 0, 1},
    {"POST", "/booking/waitlist/leave", booking_waitlist_leave, 0, 1},
    {"GET", "/booking/departments/{id}/queue", booking_queue_display, 0, 0},
    {"GET", "/volunteers/", vol_call_page, 0, 0},
    {"GET", "/volunteers/apply", vol_apply_form, 0, 1},
    {"POST", "/volunteers/apply", vol_apply, 0, 1},
    {"GET", "/volunteers/application", vol_status_page, 0, 0},
    {"GET", "/volunteers/status", vol_lookup_form, 0, 1},
    {"POST", "/volunteers/status", vol_lookup, 0, 1},
    {"GET", "/volunteers/me", vol_me, 0, 0},
    {"GET", "/volunteers/scan", vol_scan_page, 0, 1},
    {"POST", "/volunteers/scan", vol_scan, 0, 1},
    {"GET", "/volunteers/certificate", vol_certificate, 0, 0},
    {"GET", "/volunteers/certificate.png", vol_certificate_qr, 0, 0},
    {"GET", "/volunteers/stars", vol_stars, 0, 0},
    {"GET", "/reports/", reports_lookup_form, 0, 1},
    {"POST", "/reports/", reports_lookup, 0, 1},
    {"GET", "/reports/report", reports_show, 0, 0},
    {"GET", "/reports/print", reports_print, 0, 0},
    {"GET", "/reports/qr", reports_qr_png, 0, 0},
    {"GET", "/reports/turnaround", reports_turnaround, 0, 0},
    {"GET", "/fees/", fees_search, 0, 0},
    {"GET", "/fees/items/{id}", fees_item, 0, 0},
    {"GET", "/fees/prices.csv", fees_prices_csv, 0, 0},
    {"GET", "/fees/prices.json", fees_prices_json, 0, 0},
    {"GET", "/fees/inpatient", fees_inpatient_form, 0, 1},
    {"POST", "/fees/inpatient", fees_inpatient, 0, 1},
    {"GET", "/fees/inpatient/list", fees_inpatient_list, 0, 0},
    {"GET", "/fees/outpatient", fees_outpatient_form, 0, 1},
    {"POST", "/fees/outpatient", fees_outpatient, 0, 1},
    {"GET", "/fees/outpatient/list", fees_outpatient_list, 0, 0},
    {"GET", "/prefs/text-size", prefs_text_size, 0, 0},
    {"GET", "/healthz", healthz, 0, 0},
    {0},
};

static const struct program public_program = {
    .name = "public",
    .routes = routes,
};

int main(int argc, char **argv)
{
    return portal_main(argc, argv, &public_program);
}
