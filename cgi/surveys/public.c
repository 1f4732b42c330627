/*
 * surveys/public.c - answering a survey (portal-public): the open public
 * surveys listed at /surveys/, limited per address (rate rule
 * survey.client); an invitation's one-time link /surveys/answer?inv=TOKEN
 * (only the token's SHA-256 is stored; it is spent in the response's own
 * transaction, so a second answer through it is refused even at the same
 * moment); and the booking's page, whose own link leads to the visit's
 * invitation (/surveys/visit?no=..&t=..).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "surveys.h"
#include "../booking/booking.h"

/* GET /surveys/ */
int surveys_list(struct request *r)
{
    if (db_rows(r->hdf, "Surveys",
                "SELECT id, title, audience, DATE_FORMAT(closes_on, '%Y-%m-%d') AS closes_on FROM surveys"
                " WHERE status = 'active' AND is_public = 1 AND CURDATE() BETWEEN opens_on AND closes_on"
                " AND EXISTS (SELECT 1 FROM survey_questions q WHERE q.survey_id = surveys.id)"
                " ORDER BY id", "") < 0)
        return 500;
    return render(r, "surveys/list.cs");
}

static int departments(struct request *r)
{
    return db_rows(r->hdf, "Departments", "SELECT id, name FROM departments ORDER BY sort_order, id", "");
}

/* The form, or the page saying why it cannot be answered. */
static int show(struct request *r, int status)
{
    r->status = status;
    if (!hdf_get_value(r->hdf, "Survey.department_id", NULL) && departments(r) < 0) return 500;
    return render(r, "surveys/answer.cs");
}

static int refused(struct request *r, int status, const char *why)
{
    hdf_set_value(r->hdf, "Refused", why);
    r->status = status;
    return render(r, "surveys/refused.cs");
}

/* The department an answer is about: the survey's own, the invitation's,
 * or (open surveys, phone calls) the one picked, if any. */
static long long picked_department(struct request *r)
{
    long long dep = hdf_get_int_value(r->hdf, "Survey.department_id", 0);
    const char *d = req_param(r, "department");
    if (!dep && d && *d && parse_int(d, 1, 65535, &dep)) {
        hdf_set_value(r->hdf, "Form.department", d);
        if (db_row(r->private_hdf, "Dep", "SELECT id FROM departments WHERE id = ?", "i", dep) != 1) dep = 0;
    }
    return dep;
}

/* A survey without questions takes no answers. */
static int answerable(struct request *r)
{
    return hdf_obj_child(hdf_get_obj(r->hdf, "Survey.questions")) != NULL;
}

/* GET /surveys/{id} : an open public survey. */
int survey_open_form(struct request *r)
{
    int found = survey_load(r, r->path_id);
    if (found < 0) return 500;
    if (!found || !hdf_get_int_value(r->hdf, "Survey.is_public", 0)) return 404;
    if (strcmp(hdf_get_value(r->hdf, "Survey.state", ""), "open") || !answerable(r)) return refused(r, 410, "closed");
    hdf_set_value(r->hdf, "Form.action", "open");
    return show(r, 200);
}

/* POST /surveys/{id} */
int survey_open_submit(struct request *r)
{
    struct form f;
    struct field fields[SURVEY_QUESTIONS_MAX];
    char names[SURVEY_QUESTIONS_MAX][16];
    struct rate_answer a;
    int found = survey_load(r, r->path_id);
    if (found < 0) return 500;
    if (!found || !hdf_get_int_value(r->hdf, "Survey.is_public", 0)) return 404;
    if (strcmp(hdf_get_value(r->hdf, "Survey.state", ""), "open") || !answerable(r)) return refused(r, 410, "closed");
    hdf_set_value(r->hdf, "Form.action", "open");
    long long dep = picked_department(r);
    if (survey_read_answers(r, &f, fields, names)) return show(r, 422);
    if (rate_take("survey.client", r->client_ip ? r->client_ip : "-", &a)) return 503;
    if (!a.allowed) {
        rate_refuse(r, NULL, -1, &a);   /* above the form, which keeps the answers */
        return show(r, 429);
    }
    if (db_begin()) return 503;
    if (survey_store_response(r, r->path_id, dep, "web") || db_commit()) return 500;
    return redirect(r, "/surveys/thanks");
}

/* The invitation a request carries: its one-time token (inv), or the
 * booking's own link (no, t) for the visit's invitation.  Loads the
 * survey; 0 with the refusal page's status in *status when none. */
static long long invitation(struct request *r, int *status)
{
    char hash[65];
    int found;
    const char *token = req_param(r, "inv");
    *status = 404;
    if (token && *token) {
        if (strlen(token) > 64) return 0;
        sha256_hex(token, hash);
        found = db_row(r->private_hdf, "Inv",
            "SELECT id, survey_id, department_id, used_at IS NOT NULL AS used, expires_at < NOW() AS expired"
            " FROM survey_invitations WHERE token_hash = ?", "s", hash);
        hdf_set_value(r->hdf, "Form.inv", token);
    } else {
        const char *no = booking_authorised_no(r);
        if (!no) return 0;
        found = db_row(r->private_hdf, "Inv",
            "SELECT i.id, i.survey_id, i.department_id, i.used_at IS NOT NULL AS used,"
            " i.expires_at < NOW() AS expired FROM survey_invitations i"
            " JOIN bookings b ON b.id = i.booking_id WHERE b.confirmation_no = ?", "s", no);
        hdf_set_value(r->hdf, "Form.no", no);
        hdf_set_value(r->hdf, "Form.t", req_param(r, "t"));
    }
    if (found < 0) { *status = 500; return 0; }
    if (found == 0) {
        struct rate_answer a;
        if (token && rate_take("survey.token", r->client_ip ? r->client_ip : "-", &a) == 0 && !a.allowed)
            *status = 429;
        if (!token) *status = 204;   /* a real visit without an invitation */
        return 0;
    }
    if (hdf_get_int_value(r->private_hdf, "Inv.used", 0)) { *status = 409; return 0; }
    if (hdf_get_int_value(r->private_hdf, "Inv.expired", 0)) { *status = 410; return 0; }
    long long sid = atoll(hdf_get_value(r->private_hdf, "Inv.survey_id", "0"));
    found = survey_load(r, sid);
    if (found <= 0) { *status = found < 0 ? 500 : 404; return 0; }
    if (!strcmp(hdf_get_value(r->hdf, "Survey.state", ""), "closed") || !answerable(r)) { *status = 410; return 0; }
    /* the answers are about the invitation's department */
    const char *dep = hdf_get_value(r->private_hdf, "Inv.department_id", NULL);
    if (dep) hdf_set_value(r->hdf, "Survey.department_id", dep);
    hdf_set_value(r->hdf, "Form.action", "invited");
    return atoll(hdf_get_value(r->private_hdf, "Inv.id", "0"));
}

static int invitation_refused(struct request *r, int status)
{
    if (status == 500) return 500;
    if (status == 204) return refused(r, 404, "none");
    return refused(r, status, status == 409 ? "used" : status == 410 ? "closed" :
                              status == 429 ? "limited" : "invalid");
}

/* GET /surveys/answer?inv=TOKEN and GET /surveys/visit?no=..&t=.. */
int survey_invited_form(struct request *r)
{
    int status;
    if (!invitation(r, &status)) return invitation_refused(r, status);
    return show(r, 200);
}

int survey_visit_form(struct request *r)
{
    return survey_invited_form(r);
}

/* POST /surveys/answer : the invitation is spent with the response. */
int survey_invited_submit(struct request *r)
{
    struct form f;
    struct field fields[SURVEY_QUESTIONS_MAX];
    char names[SURVEY_QUESTIONS_MAX][16];
    int status;
    long long inv = invitation(r, &status);
    if (!inv) return invitation_refused(r, status);
    if (survey_read_answers(r, &f, fields, names)) return show(r, 422);
    if (db_begin()) return 503;
    long long spent = db_exec("UPDATE survey_invitations SET used_at = NOW() WHERE id = ? AND used_at IS NULL",
                              "i", inv);
    if (spent < 0) return 500;
    if (spent == 0) {
        db_rollback();
        return refused(r, 409, "used");
    }
    if (survey_store_response(r, hdf_get_int_value(r->hdf, "Survey.id", 0),
                              hdf_get_int_value(r->hdf, "Survey.department_id", 0), "invitation") ||
        db_commit())
        return 500;
    return redirect(r, "/surveys/thanks");
}

/* GET /surveys/thanks */
int surveys_thanks(struct request *r)
{
    return render(r, "surveys/thanks.cs");
}
