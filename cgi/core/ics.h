/*
 * ics.h - one event as an iCalendar file (RFC 5545), for "add to calendar".
 */
#ifndef ICS_H
#define ICS_H
#include <ClearSilver.h>

struct ics_event {
    const char *uid;          /* globally unique, e.g. confirmation@host */
    const char *start_utc;    /* "20261126T000000Z" */
    const char *end_utc;
    const char *stamp_utc;    /* when the file was made */
    const char *summary;
    const char *location;
    const char *description;
};

void ics_text(STRING *out, const char *name, const char *value);
void ics_calendar(STRING *out, const struct ics_event *ev);
#endif
