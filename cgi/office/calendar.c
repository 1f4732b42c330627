/*
 * office/calendar.c - the working calendar the office keeps: each year's
 * public holidays and the weekend days worked in their place (调休上班),
 * as the State Council's notice gives them (calendar_days, sql/025).
 * Every working-day deadline counts with it (core workcal.c): a
 * complaint's acknowledgement and answer.  One page a year, a form to add
 * a day, a button to remove one; each change is an audit record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "office.h"
#include "workdays.h"

static const char *const day_kinds[] = {"holiday", "workday", NULL};
enum { K_HOLIDAY, K_WORKDAY };

enum { CD_DAY, CD_KIND, CD_NAME };
static const struct field calendar_fields[] = {
    [CD_DAY] = {"day", FIELD_DATE, 1, 0, 0, NULL, "Calendar.day", NULL},
    [CD_KIND] = {"kind", FIELD_CHOICE, 1, 0, 0, day_kinds, "Calendar.kind", NULL},
    [CD_NAME] = {"name", FIELD_TEXT, 1, 1, 16, NULL, "Calendar.name", NULL},
    {0},
};

static const struct field delete_fields[] = {
    [CD_DAY] = {"day", FIELD_DATE, 1, 0, 0, NULL, "Calendar.day", NULL},
    {0},
};

/* A day's audit id: the date as the number YYYYMMDD. */
static long long day_id(const char *date)
{
    return atoll(date) * 10000 + atoll(date + 5) * 100 + atoll(date + 8);
}

static const char day_snapshot_sql[] =
    "SELECT JSON_OBJECT('day', day, 'working', working, 'name', name) AS snapshot FROM calendar_days"
    " WHERE day = STR_TO_DATE(?, '%Y%m%d') FOR UPDATE";

/* The page of one year: `year`, else ?year=, else this year's.  It warns
 * from November on when next year's days are not entered yet: the notice
 * usually comes out then, and deadlines reach into January. */
static int calendar_page(struct request *r, const char *year)
{
    long long y = 0;
    const char *asked = year ? year : req_param(r, "year");
    if (db_row(r->private_hdf, "Today", "SELECT YEAR(CURDATE()) AS year, MONTH(CURDATE()) AS month", "") != 1)
        return 500;
    long long this_year = hdf_get_int_value(r->private_hdf, "Today.year", 0);
    if (!asked || !parse_int(asked, 2000, 2100, &y)) y = this_year;
    hdf_set_int_value(r->hdf, "Calendar.year", (int)y);
    hdf_set_int_value(r->hdf, "Calendar.prev", (int)y - 1);
    hdf_set_int_value(r->hdf, "Calendar.next", (int)y + 1);
    /* the year as the notice gives it: each holiday's days off, and its
     * weekend days worked, a group each in the order of their first day */
    if (db_rows(r->hdf, "Groups",
            "SELECT name, working, COUNT(*) AS days, DATE_FORMAT(MIN(day), '%c月%e日') AS first,"
            " DATE_FORMAT(MAX(day), '%c月%e日') AS last, DATEDIFF(MAX(day), MIN(day)) + 1 = COUNT(*) AS run,"
            " GROUP_CONCAT(DATE_FORMAT(day, '%c月%e日') ORDER BY day SEPARATOR '、') AS listed FROM calendar_days"
            " WHERE day >= MAKEDATE(?, 1) AND day < MAKEDATE(?, 1) GROUP BY name, working ORDER BY MIN(day)",
            "ii", y, y + 1) < 0 ||
        db_rows(r->hdf, "Days",
            "SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, DATE_FORMAT(day, '%c月%e日') AS shown,"
            " WEEKDAY(day) AS weekday, working, name FROM calendar_days"
            " WHERE day >= MAKEDATE(?, 1) AND day < MAKEDATE(?, 1) ORDER BY day", "ii", y, y + 1) < 0)
        return 500;
    if (y == this_year && hdf_get_int_value(r->private_hdf, "Today.month", 0) >= 11) {
        if (db_row(r->private_hdf, "Next", "SELECT COUNT(*) AS days FROM calendar_days"
                   " WHERE day >= MAKEDATE(?, 1) AND day < MAKEDATE(?, 1)", "ii", y + 1, y + 2) != 1)
            return 500;
        if (hdf_get_int_value(r->private_hdf, "Next.days", 0) == 0) hdf_set_value(r->hdf, "Calendar.next_missing", "1");
    }
    const char *done = req_param(r, "done");
    if (done && (!strcmp(done, "added") || !strcmp(done, "deleted"))) hdf_set_value(r->hdf, "Done", done);
    return render(r, "office/calendar.cs");
}

/* GET /office/calendar */
int office_calendar(struct request *r)
{
    return calendar_page(r, NULL);
}

static int form_again(struct request *r, const struct form *f)
{
    char year[5];
    r->status = 422;
    snprintf(year, sizeof(year), "%.4s", f->v[CD_DAY].text ? f->v[CD_DAY].datetime : "");
    return calendar_page(r, f->v[CD_DAY].text ? year : NULL);
}

/* POST /office/calendar : one day added.  A day worked must be a weekend
 * day (a weekday is worked anyway); a day already there is refused
 * beside the date. */
int office_calendar_add(struct request *r)
{
    struct form f;
    char where[64], *after = NULL;
    int invalid = form_read(r, calendar_fields, &f);
    if (!invalid && f.v[CD_KIND].number == K_WORKDAY && workdays_weekday(f.v[CD_DAY].datetime) < 5) {
        form_error(r, &f, CD_DAY, "calendar_workday_on_weekday");
        invalid = 1;
    }
    if (invalid) return form_again(r, &f);
    const char *day = f.v[CD_DAY].datetime;
    if (db_begin()) return 503;
    long long rows = db_exec("INSERT IGNORE INTO calendar_days (day, working, name, created_by, created_at)"
                             " VALUES (?, ?, ?, ?, NOW())", "sisi", day, (long long)(f.v[CD_KIND].number == K_WORKDAY),
                             f.v[CD_NAME].text, r->user.id);
    if (rows < 0) return 500;
    if (rows == 0) {
        db_rollback();
        form_error(r, &f, CD_DAY, "calendar_day_exists");
        return form_again(r, &f);
    }
    if (audit_snapshot(day_snapshot_sql, day_id(day), &after) ||
        audit_record(r, "create", "calendar_day", day_id(day), NULL, after) || db_commit()) {
        free(after);
        return 500;
    }
    free(after);
    snprintf(where, sizeof(where), "/office/calendar?year=%.4s&done=added", day);
    return redirect(r, where);
}

/* POST /office/calendar/delete : one day removed. */
int office_calendar_delete(struct request *r)
{
    struct form f;
    char where[64], *before = NULL;
    if (form_read(r, delete_fields, &f)) return 404;
    const char *day = f.v[CD_DAY].datetime;
    if (db_begin()) return 503;
    if (audit_snapshot(day_snapshot_sql, day_id(day), &before)) return 500;
    if (!before) { db_rollback(); return 404; }
    int ok = db_exec("DELETE FROM calendar_days WHERE day = ?", "s", day) == 1 &&
             audit_record(r, "delete", "calendar_day", day_id(day), before, NULL) == 0 && db_commit() == 0;
    free(before);
    if (!ok) return 500;
    snprintf(where, sizeof(where), "/office/calendar?year=%.4s&done=deleted", day);
    return redirect(r, where);
}
