/*
 * booking/browse.c - finding a place: departments, a department's doctors
 * with their next free dates, a doctor's bookable days with one day's
 * sessions and slots at a time (full ones shown as full), and the
 * published expert schedule (专家出诊时间).
 * Everything here is read-only and the same for every visitor, so it is
 * cacheable.
 */
#include <stdio.h>
#include <string.h>
#include "booking.h"

/* GET /booking/ */
int booking_departments(struct request *r)
{
    if (db_rows(r->hdf, "Departments",
                "SELECT id, name, location, phone, intro FROM departments ORDER BY sort_order, id", "") < 0)
        return 500;
    if (req_param(r, "q") && booking_triage(r)) return 500;   /* 导诊 (triage.c) */
    r->cacheable = 1;
    return render(r, "booking/departments.cs");
}

static int load_department(struct request *r, long long id)
{
    return db_row(r->hdf, "Department",
                  "SELECT id, name, location, phone, intro FROM departments WHERE id = ?", "i", id);
}

/* GET /booking/departments/{id} : its doctors, each with the next dates on
 * which a place is still free. */
int booking_department(struct request *r)
{
    int found = load_department(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (db_rows(r->hdf, "Doctors",
        "SELECT d.id, d.name, d.title, d.specialty,"
        " (SELECT GROUP_CONCAT(DISTINCT DATE_FORMAT(cs.session_date, '%m-%d') ORDER BY cs.session_date SEPARATOR ' ')"
        "    FROM clinic_sessions cs JOIN time_slots t ON t.session_id = cs.id"
        "   WHERE cs.doctor_id = d.id AND cs.status = 'open' AND t.is_open = 1"
        "     AND t.booked < t.capacity AND t.starts_at > NOW()"
        "     AND cs.session_date < CURDATE() + INTERVAL ? DAY) AS free_dates"
        " FROM doctors d WHERE d.department_id = ? AND d.active = 1"
        " ORDER BY FIELD(d.title, 'chief', 'associate_chief', 'attending'), d.id",
        "ii", (long long)BOOKING_DAYS_AHEAD, r->path_id) < 0)
        return 500;
    r->cacheable = 1;
    return render(r, "booking/department.cs");
}

/* The doctor's days with sessions from today on, as Days.N: the date,
 * its weekday and its state for the strip at the top of the page: 'free'
 * (有号) when a slot can still be booked, 'stopped' (停诊) when every
 * session of the day is stopped, else 'full' (约满). */
static int load_doctor_days(struct request *r, long long doctor)
{
    return db_rows(r->hdf, "Days",
        "SELECT DATE_FORMAT(cs.session_date, '%Y-%m-%d') AS date, DATE_FORMAT(cs.session_date, '%m-%d') AS short,"
        " WEEKDAY(cs.session_date) AS weekday,"
        " CASE WHEN SUM(cs.status = 'open' AND t.is_open = 1 AND t.booked < t.capacity"
        "               AND t.starts_at > NOW() + INTERVAL ? MINUTE) > 0 THEN 'free'"
        "      WHEN MIN(cs.status = 'stopped') = 1 THEN 'stopped' ELSE 'full' END AS state"
        " FROM clinic_sessions cs LEFT JOIN time_slots t ON t.session_id = cs.id"
        " WHERE cs.doctor_id = ? AND cs.session_date >= CURDATE()"
        " AND cs.session_date < CURDATE() + INTERVAL ? DAY"
        " GROUP BY cs.session_date ORDER BY cs.session_date",
        "iii", (long long)CUTOFF_MINUTES, doctor, (long long)BOOKING_DAYS_AHEAD);
}

/* The day to show: the one asked for (?day=YYYY-MM-DD), which must be one
 * of the strip's days, else the first day with a free place, else the
 * first day.  NULL when a day was asked for that is not in the strip. */
static const char *chosen_day(struct request *r)
{
    const char *asked = req_param(r, "day");
    HDF *days = hdf_get_obj(r->hdf, "Days");
    const char *first = NULL, *first_free = NULL;
    for (HDF *d = days ? hdf_obj_child(days) : NULL; d; d = hdf_obj_next(d)) {
        const char *date = hdf_get_value(d, "date", "");
        if (asked && !strcmp(asked, date)) return date;
        if (!first) first = date;
        if (!first_free && !strcmp(hdf_get_value(d, "state", ""), "free")) first_free = date;
    }
    if (asked) return NULL;
    return first_free ? first_free : first;
}

/* GET /booking/doctors/{id}?day=YYYY-MM-DD : the doctor, the strip of
 * days, and that day's sessions, each with its slots and free places -
 * one day on a phone's screen instead of two weeks in one long column. */
int booking_doctor(struct request *r)
{
    int found = db_row(r->hdf, "Doctor",
        "SELECT d.id, d.name, d.title, d.specialty, d.intro, d.department_id, d.photo, LEFT(d.name, 1) AS initial,"
        " dep.name AS department, dep.location FROM doctors d"
        " JOIN departments dep ON dep.id = d.department_id WHERE d.id = ? AND d.active = 1",
        "i", r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (load_doctor_days(r, r->path_id) < 0) return 500;
    const char *day = chosen_day(r);
    if (!day) {
        if (req_param(r, "day")) return 404;
        r->cacheable = 1;
        return render(r, "booking/doctor.cs");
    }
    hdf_set_value(r->hdf, "Day", day);
    day = hdf_get_value(r->hdf, "Day", "");
    if (db_rows(r->hdf, "Sessions",
        "SELECT cs.id, DATE_FORMAT(cs.session_date, '%Y-%m-%d') AS date,"
        " WEEKDAY(cs.session_date) AS weekday, cs.period, cs.clinic_type, cs.status, cs.stop_reason,"
        " " FEN_AS_YUAN("cs.fee_fen") " AS fee,"
        /* every place ahead taken: the session's waitlist (候补, waitlist.c) */
        " (cs.status = 'open' AND cs.session_date < CURDATE() + INTERVAL ? DAY"
        "  AND EXISTS (SELECT 1 FROM time_slots t WHERE t.session_id = cs.id AND t.is_open = 1"
        "              AND t.starts_at > NOW() + INTERVAL ? MINUTE)"
        "  AND NOT EXISTS (SELECT 1 FROM time_slots t WHERE t.session_id = cs.id AND t.is_open = 1"
        "              AND t.starts_at > NOW() + INTERVAL ? MINUTE AND t.booked < t.capacity)) AS waitlist"
        " FROM clinic_sessions cs WHERE cs.doctor_id = ? AND cs.session_date = ?"
        " ORDER BY FIELD(cs.period, 'morning', 'afternoon', 'evening')",
        "iiiis", (long long)BOOKING_DAYS_AHEAD, (long long)CUTOFF_MINUTES, (long long)CUTOFF_MINUTES,
        r->path_id, day) < 0)
        return 500;
    if (db_rows(r->hdf, "Slots",
        "SELECT t.id, t.session_id, DATE_FORMAT(t.starts_at, '%H:%i') AS starts,"
        " DATE_FORMAT(t.ends_at, '%H:%i') AS ends, t.capacity - t.booked AS free,"
        " (t.is_open = 1 AND cs.status = 'open' AND t.starts_at > NOW() + INTERVAL ? MINUTE"
        "  AND t.booked < t.capacity) AS bookable"
        " FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id"
        " WHERE cs.doctor_id = ? AND cs.session_date = ? ORDER BY t.starts_at",
        "iis", (long long)CUTOFF_MINUTES, r->path_id, day) < 0)
        return 500;
    r->cacheable = 1;
    return render(r, "booking/doctor.cs");
}

/* Today and the six days after it, without the SEQUENCE engine's tables
 * (the public account may read only the tables it needs). */
#define WEEK_DAYS \
    "WITH RECURSIVE week_days (seq) AS (SELECT 0 UNION ALL" \
    " SELECT seq + 1 FROM week_days WHERE seq < 6) "

/* GET /booking/departments/{id}/schedule : who sees patients when, this
 * week, as a table of days and half-days (专家出诊时间). */
int booking_schedule(struct request *r)
{
    int found = load_department(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (db_rows(r->hdf, "Days",
        WEEK_DAYS "SELECT DATE_FORMAT(CURDATE() + INTERVAL seq DAY, '%m-%d') AS date,"
        " DATE_FORMAT(CURDATE() + INTERVAL seq DAY, '%Y-%m-%d') AS full,"
        " WEEKDAY(CURDATE() + INTERVAL seq DAY) AS weekday FROM week_days", "") < 0)
        return 500;
    if (db_rows(r->hdf, "Rows",
        WEEK_DAYS "SELECT d.id, d.name, d.title, p.period,"
        " GROUP_CONCAT(IF(cs.id IS NULL, '', IF(cs.status = 'stopped', 'stopped', cs.clinic_type))"
        "   ORDER BY s.seq SEPARATOR ',') AS cells"
        " FROM doctors d CROSS JOIN week_days s"
        " CROSS JOIN (SELECT 'morning' AS period, 1 AS o UNION ALL SELECT 'afternoon', 2"
        "             UNION ALL SELECT 'evening', 3) p"
        " LEFT JOIN clinic_sessions cs ON cs.doctor_id = d.id"
        "  AND cs.session_date = CURDATE() + INTERVAL s.seq DAY AND cs.period = p.period"
        " WHERE d.department_id = ? AND d.active = 1"
        " GROUP BY d.id, d.name, d.title, p.period, p.o"
        " HAVING SUM(cs.id IS NOT NULL) > 0"
        " ORDER BY FIELD(d.title, 'chief', 'associate_chief', 'attending'), d.id, p.o",
        "i", r->path_id) < 0)
        return 500;
    /* the cells as Rows.N.cell.K, for the template to walk */
    HDF *row = hdf_get_obj(r->hdf, "Rows");
    for (row = row ? hdf_obj_child(row) : NULL; row; row = hdf_obj_next(row)) {
        char copy[256], name[16];
        snprintf(copy, sizeof(copy), "%s", hdf_get_value(row, "cells", ""));
        int k = 0;   /* split by hand: strtok would drop the empty days */
        char *start = copy;
        for (char *p = copy;; p++) {
            if (*p == ',' || *p == 0) {
                char end = *p;
                *p = 0;
                snprintf(name, sizeof(name), "cell.%d", k++);
                hdf_set_value(row, name, start);
                if (!end) break;
                start = p + 1;
            }
        }
    }
    r->cacheable = 1;
    return render(r, "booking/schedule.cs");
}
