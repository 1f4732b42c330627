/*
 * surveys/office.c - the office defines surveys: title, audience, dates,
 * questions in order.  A survey that has a response is never changed: a
 * change of its questions makes a new version (the same code, version + 1,
 * previous_id pointing back) with the questions copied, and the old version
 * is archived; every change is one transaction with its audit record.  The
 * office also prints QR invitations for a ward and enters phone follow-ups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "surveys.h"

static const char survey_snapshot_sql[] =
    "SELECT JSON_OBJECT('code', s.code, 'version', s.version, 'title', s.title, 'audience', s.audience,"
    " 'department_id', s.department_id, 'public', s.is_public, 'opens_on', s.opens_on, 'closes_on', s.closes_on,"
    " 'status', s.status, 'questions', (SELECT JSON_ARRAYAGG(JSON_OBJECT('position', q.position, 'kind', q.kind,"
    " 'prompt', q.prompt, 'required', q.required, 'choices', q.choices)) FROM survey_questions q"
    " WHERE q.survey_id = s.id)) AS snapshot FROM surveys s WHERE s.id = ? FOR UPDATE";

const char *const survey_audiences[] = {"outpatient", "inpatient", "department", "volunteer", NULL};
static const char *const question_kinds[] = {"rating", "single", "multiple", "text", NULL};

static const char *dates_in_order(const struct form *f, const char *value);

enum { S_TITLE, S_AUDIENCE, S_DEPARTMENT, S_OPENS, S_CLOSES, S_PUBLIC };
static const struct field survey_fields[] = {
    [S_TITLE] = {"title", FIELD_TEXT, 1, 2, 200, NULL, "Surveys.f_title", NULL},
    [S_AUDIENCE] = {"audience", FIELD_CHOICE, 1, 0, 0, survey_audiences, "Surveys.f_audience", NULL},
    [S_DEPARTMENT] = {"department", FIELD_PICK, 0, 1, 65535, NULL, "Surveys.f_department", NULL},
    [S_OPENS] = {"opens_on", FIELD_DATE, 1, 0, 0, NULL, "Surveys.f_opens_on", NULL},
    [S_CLOSES] = {"closes_on", FIELD_DATE, 1, 0, 0, NULL, "Surveys.f_closes_on", dates_in_order},
    [S_PUBLIC] = {"is_public", FIELD_CHECKBOX, 0, 0, 0, NULL, "Surveys.f_public", NULL},
    {0},
};

static const char *dates_in_order(const struct form *f, const char *value)
{
    (void)value;
    if (f->v[S_OPENS].text && strcmp(f->v[S_CLOSES].datetime, f->v[S_OPENS].datetime) < 0) return "closes_before_opens";
    return NULL;
}

/* What may change without a new version: the title, the dates (to close a
 * survey early, or keep it open longer) and whether it is listed. */
enum { E_TITLE, E_OPENS, E_CLOSES, E_PUBLIC };
static const char *edit_dates_in_order(const struct form *f, const char *value);
static const struct field edit_fields[] = {
    [E_TITLE] = {"title", FIELD_TEXT, 1, 2, 200, NULL, "Surveys.f_title", NULL},
    [E_OPENS] = {"opens_on", FIELD_DATE, 1, 0, 0, NULL, "Surveys.f_opens_on", NULL},
    [E_CLOSES] = {"closes_on", FIELD_DATE, 1, 0, 0, NULL, "Surveys.f_closes_on", edit_dates_in_order},
    [E_PUBLIC] = {"is_public", FIELD_CHECKBOX, 0, 0, 0, NULL, "Surveys.f_public", NULL},
    {0},
};

static const char *edit_dates_in_order(const struct form *f, const char *value)
{
    (void)value;
    if (f->v[E_OPENS].text && strcmp(f->v[E_CLOSES].datetime, f->v[E_OPENS].datetime) < 0) return "closes_before_opens";
    return NULL;
}

enum { Q_KIND, Q_PROMPT, Q_REQUIRED, Q_CHOICES };
static const struct field question_fields[] = {
    [Q_KIND] = {"kind", FIELD_CHOICE, 1, 0, 0, question_kinds, "Surveys.f_kind", NULL},
    [Q_PROMPT] = {"prompt", FIELD_TEXT, 1, 2, 300, NULL, "Surveys.f_prompt", NULL},
    [Q_REQUIRED] = {"required", FIELD_CHECKBOX, 0, 0, 0, NULL, "Surveys.f_required", NULL},
    [Q_CHOICES] = {"choices", FIELD_MULTILINE, 0, 0, 2000, NULL, "Surveys.f_choices", NULL},
    {0},
};

static int departments(struct request *r)
{
    return db_rows(r->hdf, "Departments", "SELECT id, name FROM departments ORDER BY sort_order, id", "");
}

/* GET /office/surveys/ : the current versions, with their answers. */
int office_surveys(struct request *r)
{
    if (db_rows(r->hdf, "Surveys",
                "SELECT s.id, s.code, s.version, s.title, s.audience, s.is_public, s.responses, d.name AS department,"
                " DATE_FORMAT(s.opens_on, '%Y-%m-%d') AS opens_on, DATE_FORMAT(s.closes_on, '%Y-%m-%d') AS closes_on,"
                " IF(s.closes_on < CURDATE(), 'closed', IF(s.opens_on > CURDATE(), 'not_yet', 'open')) AS state"
                " FROM surveys s LEFT JOIN departments d ON d.id = s.department_id"
                " WHERE s.status = 'active' ORDER BY s.id DESC LIMIT 200", "") < 0)
        return 500;
    return render(r, "surveys/office_list.cs");
}

static int show_new(struct request *r, int status)
{
    r->status = status;
    if (departments(r) < 0) return 500;
    return render(r, "surveys/office_new.cs");
}

/* GET /office/surveys/new */
int office_survey_new(struct request *r)
{
    hdf_set_value(r->hdf, "Form.audience", "outpatient");
    return show_new(r, 200);
}

/* POST /office/surveys/new */
int office_survey_create(struct request *r)
{
    struct form f;
    char *after = NULL, where[64], code[24];
    if (form_read(r, survey_fields, &f)) return show_new(r, 422);
    long long dep = f.v[S_DEPARTMENT].text ? f.v[S_DEPARTMENT].number : 0;
    if (f.v[S_AUDIENCE].number == 2 && !dep) {
        form_error(r, &f, S_DEPARTMENT, "must_choose");
        return show_new(r, 422);
    }
    if (dep && db_row(r->private_hdf, "Dep", "SELECT id FROM departments WHERE id = ?", "i", dep) != 1) {
        form_error(r, &f, S_DEPARTMENT, "not_a_choice");
        return show_new(r, 422);
    }
    if (db_begin()) return 503;
    snprintf(code, sizeof(code), "S%lld", (long long)(now_ms() / 1000) % 100000000);
    if (db_exec("INSERT INTO surveys (code, title, audience, department_id, is_public, opens_on, closes_on, created_at)"
                " VALUES (CONCAT(?, '-', FLOOR(RAND() * 1000000)), ?, ?, NULLIF(?, 0), ?, ?, ?, NOW())",
                "sssiiss", code, f.v[S_TITLE].text, f.v[S_AUDIENCE].text, dep, f.v[S_PUBLIC].number,
                f.v[S_OPENS].datetime, f.v[S_CLOSES].datetime) != 1)
        return 500;
    long long id = db_last_insert_id();
    if (audit_snapshot(survey_snapshot_sql, id, &after) || audit_record(r, "create", "survey", id, NULL, after) ||
        db_commit()) {
        free(after);
        return 500;
    }
    free(after);
    snprintf(where, sizeof(where), "/office/surveys/%lld?done=created", id);
    return redirect(r, where);
}

static int show_survey(struct request *r, int status)
{
    int found = survey_load(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (departments(r) < 0 ||
        db_row(r->hdf, "Newer", "SELECT id FROM surveys WHERE previous_id = ?", "i", r->path_id) < 0)
        return 500;
    const char *done = req_param(r, "done");
    if (done && (!strcmp(done, "created") || !strcmp(done, "added") || !strcmp(done, "removed") ||
                 !strcmp(done, "versioned") || !strcmp(done, "followup") || !strcmp(done, "updated")))
        hdf_set_value(r->hdf, "Done", done);
    r->status = status;
    return render(r, "surveys/office_view.cs");
}

/* GET /office/surveys/{id} */
int office_survey_view(struct request *r)
{
    return show_survey(r, 200);
}

/* The version whose questions may change: this one while it has no
 * response, else a new one with its questions copied (the old archived).
 * Returns its id, 0 when the survey is not there or archived, -1. */
static long long editable_version(struct request *r, int *versioned)
{
    HDF *h = r->private_hdf;
    *versioned = 0;
    int found = db_row(h, "Edit", "SELECT id, responses, status FROM surveys WHERE id = ? FOR UPDATE", "i", r->path_id);
    if (found <= 0) return found;
    if (strcmp(hdf_get_value(h, "Edit.status", ""), "active")) return 0;
    if (hdf_get_int_value(h, "Edit.responses", 0) == 0) return r->path_id;
    char *before = NULL, *after = NULL;
    if (db_exec("INSERT INTO surveys (code, version, previous_id, title, audience, department_id, is_public,"
                " opens_on, closes_on, created_at)"
                " SELECT code, version + 1, id, title, audience, department_id, is_public, GREATEST(opens_on, CURDATE()),"
                " GREATEST(closes_on, CURDATE()), NOW() FROM surveys WHERE id = ?", "i", r->path_id) != 1)
        return -1;
    long long id = db_last_insert_id();
    if (db_exec("INSERT INTO survey_questions (survey_id, position, kind, prompt, required, choices)"
                " SELECT ?, position, kind, prompt, required, choices FROM survey_questions WHERE survey_id = ?",
                "ii", id, r->path_id) < 0 ||
        audit_snapshot(survey_snapshot_sql, r->path_id, &before) ||
        db_exec("UPDATE surveys SET status = 'archived' WHERE id = ?", "i", r->path_id) != 1 ||
        audit_snapshot(survey_snapshot_sql, r->path_id, &after) ||
        audit_record(r, "archive", "survey", r->path_id, before, after)) {
        free(before); free(after);
        return -1;
    }
    free(before); free(after);
    after = NULL;
    if (audit_snapshot(survey_snapshot_sql, id, &after) || audit_record(r, "new_version", "survey", id, NULL, after)) {
        free(after);
        return -1;
    }
    free(after);
    *versioned = 1;
    return id;
}

static int changed(struct request *r, long long id, const char *action, const char *done)
{
    char *before = NULL, *after = NULL, where[80];
    (void)before;
    if (audit_snapshot(survey_snapshot_sql, id, &after) || audit_record(r, action, "survey", id, NULL, after) ||
        db_commit()) {
        free(after);
        return 500;
    }
    free(after);
    snprintf(where, sizeof(where), "/office/surveys/%lld?done=%s", id, done);
    return redirect(r, where);
}

/* POST /office/surveys/{id}/edit : title, dates, listing; audited. */
int office_survey_update(struct request *r)
{
    struct form f;
    char where[80];
    if (form_read(r, edit_fields, &f)) return show_survey(r, 422);
    if (db_begin()) return 503;
    long long rows = audit_update(r, "update", "survey", r->path_id, survey_snapshot_sql,
        "UPDATE surveys SET title = ?, opens_on = ?, closes_on = ?, is_public = ? WHERE id = ? AND status = 'active'",
        "sssii", f.v[E_TITLE].text, f.v[E_OPENS].datetime, f.v[E_CLOSES].datetime, f.v[E_PUBLIC].number, r->path_id);
    if (rows == AUDIT_NOT_FOUND) return 404;
    if (rows < 0) return 500;
    if (rows == 0) { db_rollback(); return 409; }
    if (db_commit()) return 500;
    snprintf(where, sizeof(where), "/office/surveys/%lld?done=updated", r->path_id);
    return redirect(r, where);
}

/* POST /office/surveys/{id}/questions : one question more, at the end. */
int office_survey_question_add(struct request *r)
{
    struct form f;
    int versioned;
    if (form_read(r, question_fields, &f)) return show_survey(r, 422);
    int choosing = f.v[Q_KIND].number == 1 || f.v[Q_KIND].number == 2;
    int lines = 0;
    for (const char *p = f.v[Q_CHOICES].text ? f.v[Q_CHOICES].text : ""; *p; p++)
        if (*p != '\n' && *p != '\r' && (p[1] == '\n' || p[1] == '\r' || p[1] == 0)) lines++;
    if (choosing && (lines < 2 || lines > SURVEY_CHOICES_MAX)) {
        form_error_text(r, &f, Q_CHOICES, lang("Surveys.Error.choices"));
        return show_survey(r, 422);
    }
    if (db_begin()) return 503;
    long long id = editable_version(r, &versioned);
    if (id < 0) return 500;
    if (id == 0) { db_rollback(); return 404; }
    if (db_row(r->private_hdf, "Count", "SELECT COUNT(*) AS n, COALESCE(MAX(position), 0) + 1 AS next"
               " FROM survey_questions WHERE survey_id = ?", "i", id) != 1)
        return 500;
    if (hdf_get_int_value(r->private_hdf, "Count.n", 0) >= SURVEY_QUESTIONS_MAX) {
        db_rollback();
        form_error_text(r, &f, Q_PROMPT, lang("Surveys.Error.too_many"));
        return show_survey(r, 422);
    }
    if (db_exec("INSERT INTO survey_questions (survey_id, position, kind, prompt, required, choices)"
                " VALUES (?, ?, ?, ?, ?, ?)", "iissis", id,
                (long long)hdf_get_int_value(r->private_hdf, "Count.next", 1), f.v[Q_KIND].text,
                f.v[Q_PROMPT].text, f.v[Q_REQUIRED].number, choosing ? f.v[Q_CHOICES].text : NULL) != 1)
        return 500;
    return changed(r, id, "add_question", versioned ? "versioned" : "added");
}

enum { QD_QUESTION };
static const struct field question_delete_fields[] = {
    [QD_QUESTION] = {"question", FIELD_PICK, 1, 1, 4294967295LL, NULL, "Surveys.f_prompt", NULL},
    {0},
};

/* POST /office/surveys/{id}/questions/delete : a question taken out (from
 * a new version when this one has answers). */
int office_survey_question_delete(struct request *r)
{
    struct form f;
    int versioned;
    if (form_read(r, question_delete_fields, &f)) return show_survey(r, 422);
    if (db_begin()) return 503;
    if (db_row(r->private_hdf, "Q", "SELECT position FROM survey_questions WHERE id = ? AND survey_id = ?",
               "ii", f.v[QD_QUESTION].number, r->path_id) != 1) {
        db_rollback();
        return 404;
    }
    long long id = editable_version(r, &versioned);
    if (id < 0) return 500;
    if (id == 0) { db_rollback(); return 404; }
    if (db_exec("DELETE FROM survey_questions WHERE survey_id = ? AND position = ?", "ii", id,
                (long long)hdf_get_int_value(r->private_hdf, "Q.position", 0)) != 1)
        return 500;
    return changed(r, id, "remove_question", versioned ? "versioned" : "removed");
}

enum { B_WARD, B_COUNT };
static const struct field batch_fields[] = {
    [B_WARD] = {"ward", FIELD_TEXT, 1, 1, 60, NULL, "Surveys.f_ward", NULL},
    [B_COUNT] = {"count", FIELD_INT, 1, 1, 100, NULL, "Surveys.f_count", NULL},
    {0},
};

/* POST /office/surveys/{id}/invitations : a sheet of QR invitations for a
 * ward, each a one-time link, to print (the tokens exist only on it). */
int office_survey_invitations(struct request *r)
{
    struct form f;
    if (form_read(r, batch_fields, &f)) return show_survey(r, 422);
    int found = survey_load(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (!strcmp(hdf_get_value(r->hdf, "Survey.state", ""), "closed")) {
        form_error_text(r, &f, B_WARD, lang("Surveys.Error.closed"));
        return show_survey(r, 422);
    }
    if (db_begin()) return 503;
    if (surveys_make_batch(r, r->path_id, f.v[B_WARD].text, hdf_get_int_value(r->hdf, "Survey.department_id", 0),
                           (int)f.v[B_COUNT].number) ||
        audit_record(r, "print_invitations", "survey", r->path_id, NULL, NULL) || db_commit())
        return 500;
    hdf_set_value(r->hdf, "Batch.ward", f.v[B_WARD].text);
    return render(r, "surveys/office_batch.cs");
}

/* GET /office/surveys/{id}/followup : the survey, filled in by staff
 * during a phone follow-up (电话随访). */
int office_survey_followup_form(struct request *r)
{
    int found = survey_load(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (departments(r) < 0) return 500;
    hdf_set_value(r->hdf, "Form.action", "phone");
    return render(r, "surveys/answer.cs");
}

/* POST /office/surveys/{id}/followup : stored as channel 'phone', counted
 * apart; who entered it is in the audit log, not with the answers. */
int office_survey_followup_submit(struct request *r)
{
    struct form f;
    struct field fields[SURVEY_QUESTIONS_MAX];
    char names[SURVEY_QUESTIONS_MAX][16], where[80];
    int found = survey_load(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    hdf_set_value(r->hdf, "Form.action", "phone");
    long long dep = hdf_get_int_value(r->hdf, "Survey.department_id", 0);
    const char *d = req_param(r, "department");
    if (!dep && d && *d && parse_int(d, 1, 65535, &dep)) hdf_set_value(r->hdf, "Form.department", d);
    if (survey_read_answers(r, &f, fields, names) ||
        (dep && db_row(r->private_hdf, "Dep", "SELECT id FROM departments WHERE id = ?", "i", dep) != 1)) {
        r->status = 422;
        if (departments(r) < 0) return 500;
        return render(r, "surveys/answer.cs");
    }
    if (strcmp(hdf_get_value(r->hdf, "Survey.status", ""), "active") ||
        !hdf_obj_child(hdf_get_obj(r->hdf, "Survey.questions")))
        return 409;
    if (db_begin()) return 503;
    if (survey_store_response(r, r->path_id, dep, "phone") ||
        audit_record(r, "followup", "survey", r->path_id, NULL, NULL) || db_commit())
        return 500;
    snprintf(where, sizeof(where), "/office/surveys/%lld?done=followup", r->path_id);
    return redirect(r, where);
}
