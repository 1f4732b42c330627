/*
 * booking/triage.c - 导诊: finding the right department from /booking/?q=.
 *
 * What was typed is looked for in four places: the symptom table the office
 * keeps (symptom_departments, sql/014: 头痛 -> 神经内科; a symptom found
 * anywhere in the text, so 孩子发烧头痛 finds 儿科 and 神经内科), the
 * departments' and doctors' names, the doctors' specialties, and the pinyin
 * initials of the names (sjnk for 神经内科: the core's pinyin_match.c on
 * the reading tables of pinyin.c, as the price catalogue uses).  A symptom that needs it (胸痛,
 * 呼吸困难) puts the 24-hour emergency line above everything.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "booking.h"
#include "pinyin_match.h"

enum { T_Q };
static const struct field triage_fields[] = {
    [T_Q] = {"q", FIELD_TEXT, 0, 1, 32, NULL, "Triage.q", NULL},
    {0},
};

/* Copies the rows of `prefix` in `from` whose `column` matches the
 * initials to `to` as <out>.N. */
static void keep_initials(HDF *from, const char *prefix, const char *column, const char *typed,
                          HDF *to, const char *out)
{
    int k = 0;
    char name[64];
    for (HDF *row = hdf_obj_child(hdf_get_obj(from, prefix)); row; row = hdf_obj_next(row)) {
        if (!pinyin_prefix_match(hdf_get_value(row, column, ""), typed)) continue;
        snprintf(name, sizeof(name), "%s.%d", out, k++);
        hdf_copy(to, name, row);
    }
}

/* The search's answer as Search.*: symptoms (with Search.emergency),
 * departments, doctors.  0, or -1 when the database failed; an invalid q
 * is shown beside the search box. */
int booking_triage(struct request *r)
{
    struct form f;
    char typed[40];
    if (form_read(r, triage_fields, &f)) {
        r->status = 422;
        return 0;
    }
    const char *q = f.v[T_Q].text;
    if (!q) return 0;
    hdf_set_value(r->hdf, "Search.q", q);
    if (db_rows(r->hdf, "Search.symptoms",
            "SELECT s.symptom, s.emergency, dep.id, dep.name, dep.location FROM symptom_departments s"
            " JOIN departments dep ON dep.id = s.department_id"
            " WHERE INSTR(?, s.symptom) > 0 OR (CHAR_LENGTH(?) >= 2 AND INSTR(s.symptom, ?) > 0)"
            " ORDER BY s.emergency DESC, dep.sort_order, dep.id LIMIT 20", "sss", q, q, q) < 0 ||
        db_row(r->hdf, "Search", "SELECT COUNT(*) > 0 AS emergency FROM symptom_departments"
               " WHERE emergency = 1 AND INSTR(?, symptom) > 0", "s", q) < 0)
        return -1;
    if (pinyin_query(q, typed, sizeof(typed))) {
        /* initials: every name read in C, few enough (a hospital's
         * departments and doctors) to match them all */
        if (db_rows(r->private_hdf, "AllDepartments", "SELECT id, name, location FROM departments"
                    " ORDER BY sort_order, id", "") < 0 ||
            db_rows(r->private_hdf, "AllDoctors",
                    "SELECT d.id, d.name, d.title, d.specialty, dep.name AS department FROM doctors d"
                    " JOIN departments dep ON dep.id = d.department_id WHERE d.active = 1"
                    " ORDER BY dep.sort_order, FIELD(d.title, 'chief', 'associate_chief', 'attending'), d.id", "") < 0)
            return -1;
        keep_initials(r->private_hdf, "AllDepartments", "name", typed, r->hdf, "Search.departments");
        keep_initials(r->private_hdf, "AllDoctors", "name", typed, r->hdf, "Search.doctors");
    } else if (db_rows(r->hdf, "Search.departments",
                   "SELECT id, name, location FROM departments WHERE INSTR(name, ?) > 0"
                   " ORDER BY sort_order, id LIMIT 20", "s", q) < 0 ||
               db_rows(r->hdf, "Search.doctors",
                   "SELECT d.id, d.name, d.title, d.specialty, dep.name AS department FROM doctors d"
                   " JOIN departments dep ON dep.id = d.department_id"
                   " WHERE d.active = 1 AND (INSTR(d.name, ?) > 0 OR INSTR(d.specialty, ?) > 0)"
                   " ORDER BY dep.sort_order, FIELD(d.title, 'chief', 'associate_chief', 'attending'), d.id"
                   " LIMIT 30", "ss", q, q) < 0) {
        return -1;
    }
    int found = hdf_get_obj(r->hdf, "Search.symptoms.0") || hdf_get_obj(r->hdf, "Search.departments.0") ||
                hdf_get_obj(r->hdf, "Search.doctors.0");
    hdf_set_int_value(r->hdf, "Search.found", found);
    return 0;
}

static const char symptom_snapshot_sql[] =
    "SELECT JSON_OBJECT('symptom', symptom, 'department_id', department_id, 'emergency', emergency) AS snapshot"
    " FROM symptom_departments WHERE id = ? FOR UPDATE";

/* GET /office/symptoms : the table, and a form to add a row. */
int office_symptoms(struct request *r)
{
    if (db_rows(r->hdf, "Symptoms",
            "SELECT s.id, s.symptom, s.emergency, dep.name AS department FROM symptom_departments s"
            " JOIN departments dep ON dep.id = s.department_id ORDER BY s.symptom, dep.sort_order", "") < 0 ||
        db_rows(r->hdf, "Departments", "SELECT id, name FROM departments ORDER BY sort_order, id", "") < 0)
        return 500;
    const char *done = req_param(r, "done");
    if (done && (!strcmp(done, "added") || !strcmp(done, "deleted"))) hdf_set_value(r->hdf, "Done", done);
    return render(r, "booking/office_symptoms.cs");
}

enum { SY_SYMPTOM, SY_DEPARTMENT, SY_EMERGENCY };
static const struct field symptom_fields[] = {
    [SY_SYMPTOM] = {"symptom", FIELD_TEXT, 1, 1, 32, NULL, "Triage.symptom", NULL},
    [SY_DEPARTMENT] = {"department_id", FIELD_PICK, 1, 1, 65535, NULL, "Triage.department", NULL},
    [SY_EMERGENCY] = {"emergency", FIELD_CHECKBOX, 0, 0, 0, NULL, "Triage.emergency", NULL},
    {0},
};

/* POST /office/symptoms */
int office_symptom_create(struct request *r)
{
    struct form f;
    char *after = NULL;
    if (form_read(r, symptom_fields, &f)) {
        r->status = 422;
        return office_symptoms(r);
    }
    if (db_begin()) return 503;
    int known = db_row(r->private_hdf, "Department", "SELECT id FROM departments WHERE id = ? LOCK IN SHARE MODE",
                       "i", f.v[SY_DEPARTMENT].number);
    if (known < 0) return 500;
    long long rows = known ? db_exec("INSERT IGNORE INTO symptom_departments (symptom, department_id, emergency)"
                                     " VALUES (?, ?, ?)", "sii", f.v[SY_SYMPTOM].text, f.v[SY_DEPARTMENT].number,
                                     f.v[SY_EMERGENCY].number) : 0;
    if (rows < 0) return 500;
    if (rows == 0) {
        db_rollback();
        if (known) form_error(r, &f, SY_SYMPTOM, "symptom_exists");
        else form_error(r, &f, SY_DEPARTMENT, "must_choose");
        r->status = 422;
        return office_symptoms(r);
    }
    long long id = db_last_insert_id();
    if (audit_snapshot(symptom_snapshot_sql, id, &after) ||
        audit_record(r, "create", "symptom_department", id, NULL, after) || db_commit()) {
        free(after);
        return 500;
    }
    free(after);
    return redirect(r, "/office/symptoms?done=added");
}

/* POST /office/symptoms/{id}/delete */
int office_symptom_delete(struct request *r)
{
    char *before = NULL;
    if (db_begin()) return 503;
    if (audit_snapshot(symptom_snapshot_sql, r->path_id, &before)) return 500;
    if (!before) { db_rollback(); return 404; }
    int ok = db_exec("DELETE FROM symptom_departments WHERE id = ?", "i", r->path_id) == 1 &&
             audit_record(r, "delete", "symptom_department", r->path_id, before, NULL) == 0 && db_commit() == 0;
    free(before);
    if (!ok) return 500;
    return redirect(r, "/office/symptoms?done=deleted");
}
