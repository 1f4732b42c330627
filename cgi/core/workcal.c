/*
 * workcal.c - working-day deadlines by the hospital's calendar: the public
 * holidays and weekend days worked that the office keeps (calendar_days,
 * sql/025), read for the days a deadline can reach, then counted by
 * workdays.c.
 */
#include <stdlib.h>
#include "portal.h"
#include "workdays.h"

/* A deadline of a few working days ends within this many calendar days
 * even across the Spring Festival's nine (the longest holiday) */
#define CALENDAR_REACH_DAYS 120
#define MAX_EXCEPTIONS 64

int workcal_deadline(HDF *scratch, const char *from, int days, char out[20])
{
    struct workday_exception found[MAX_EXCEPTIONS];
    struct workcal cal = {found, 0};
    if (db_rows(scratch, "WorkCal",
            "SELECT DATEDIFF(day, '1970-01-01') AS day, working FROM calendar_days"
            " WHERE day > DATE(?) AND day <= DATE(?) + INTERVAL ? DAY ORDER BY day LIMIT ?", "ssii",
            from, from, (long long)CALENDAR_REACH_DAYS, (long long)MAX_EXCEPTIONS) < 0)
        return -1;
    for (HDF *row = hdf_obj_child(hdf_get_obj(scratch, "WorkCal")); row && cal.n < MAX_EXCEPTIONS;
         row = hdf_obj_next(row)) {
        found[cal.n].day = atol(hdf_get_value(row, "day", "0"));
        found[cal.n].working = hdf_get_int_value(row, "working", 0);
        cal.n++;
    }
    return workdays_add(from, days, &cal, out);
}
