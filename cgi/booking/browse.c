/*
 * booking/browse.c - finding a place: departments, a department's doctors
 * with their next free dates, a doctor's week of sessions and slots (full
 * ones shown as full), and the published expert schedule (专家出诊时间).
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

/* Parameters: doctor id, first day and day after the last (from today). */
#define SESSIONS_OF_DOCTOR_IN_WEEK \
    " cs.doctor_id = ? AND cs.session_date >= CURDATE() + INTERVAL ? DAY" \
    " AND cs.session_date < CURDATE() + INTERVAL ? DAY"

/* GET /booking/doctors/{id}?week=0|1 : one week of the doctor's sessions,
 * each with its slots and how many places are free. */
int booking_doctor(struct request *r)
{
    long long week = 0;
    const char *w = req_param(r, "week");
    if (w && !parse_int(w, 0, 1, &week)) return 404;
    int found = db_row(r->hdf, "Doctor",
        "SELECT d.id, d.name, d.title, d.specialty, d.intro, d.department_id, d.photo, LEFT(d.name, 1) AS initial,"
        " dep.name AS department, dep.location FROM doctors d"
        " JOIN departments dep ON dep.id = d.department_id WHERE d.id = ? AND d.active = 1",
        "i", r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (db_rows(r->hdf, "Sessions",
        "SELECT cs.id, DATE_FORMAT(cs.session_date, '%Y-%m-%d') AS date,"
        " WEEKDAY(cs.session_date) AS weekday, cs.period, cs.clinic_type, cs.status, cs.stop_reason,"
        " " FEN_AS_YUAN("cs.fee_fen") " AS fee"
        " FROM clinic_sessions cs WHERE" SESSIONS_OF_DOCTOR_IN_WEEK
        " ORDER BY cs.session_date, FIELD(cs.period, 'morning', 'afternoon', 'evening')",
        "iii", r->path_id, week * 7, week * 7 + 7) < 0)
        return 500;
    if (db_rows(r->hdf, "Slots",
        "SELECT t.id, t.session_id, DATE_FORMAT(t.starts_at, '%H:%i') AS starts,"
        " DATE_FORMAT(t.ends_at, '%H:%i') AS ends, t.capacity - t.booked AS free,"
        " (t.is_open = 1 AND cs.status = 'open' AND t.starts_at > NOW()"
        "  AND t.booked < t.capacity) AS bookable"
        " FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id"
        " WHERE" SESSIONS_OF_DOCTOR_IN_WEEK " ORDER BY t.starts_at",
        "iii", r->path_id, week * 7, week * 7 + 7) < 0)
        return 500;
    hdf_set_int_value(r->hdf, "Week", (int)week);
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
