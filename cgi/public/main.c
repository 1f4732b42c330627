/*
 * portal-public - everything patients and volunteers use, served with the
 * portal_public database account (read what is published, insert only what
 * the public may create).
 */
#include "portal.h"
#include "../home/home.h"
#include "../notices/notices.h"
#include "../booking/booking.h"
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
