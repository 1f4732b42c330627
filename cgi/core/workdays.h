/*
 * workdays.h - deadlines in working days (Monday to Friday): "answered
 * within 5 working days" of a complaint, any service's service levels.
 * Public holidays and their make-up working days (调休) are not known here.
 */
#ifndef WORKDAYS_H
#define WORKDAYS_H

/* The same wall-clock time on the `days`-th working day after `from`
 * ("YYYY-MM-DD HH:MM:SS"), into out.  0, or -1 when `from` is not a date. */
int workdays_add(const char *from, int days, char out[20]);
/* 0 Monday .. 6 Sunday of a "YYYY-MM-DD...", -1 when not a date. */
int workdays_weekday(const char *date);

#endif
