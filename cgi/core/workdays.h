/*
 * workdays.h - deadlines in working days: "answered within 5 working days"
 * of a complaint, any service's service levels.  Monday to Friday, except
 * where a working calendar says otherwise: the public holidays and the
 * weekend days worked in their place (调休上班) of the State Council's
 * yearly notice, which the office keeps (sql/025, read by workcal.c).
 */
#ifndef WORKDAYS_H
#define WORKDAYS_H

#include <stddef.h>

/* One day the calendar changes: a holiday (working 0) or a weekend day
 * worked (working 1), as days since 1970-01-01 (workdays_daynum). */
struct workday_exception {
    long day;
    int working;
};

/* The exceptions of the days after a deadline's start, sorted by day. */
struct workcal {
    const struct workday_exception *days;
    size_t n;
};

/* The same wall-clock time on the `days`-th working day after `from`
 * ("YYYY-MM-DD HH:MM:SS"), into out; cal may be NULL (weekends only).
 * 0, or -1 when `from` is not a date. */
int workdays_add(const char *from, int days, const struct workcal *cal, char out[20]);
/* 0 Monday .. 6 Sunday of a "YYYY-MM-DD...", -1 when not a date. */
int workdays_weekday(const char *date);
/* Days since 1970-01-01 of a "YYYY-MM-DD...", -1 when not a date. */
long workdays_daynum(const char *date);

#endif
