/*
 * volunteers/office.c - the coordinator's workflow under /office/volunteers/:
 * the list (filter by status, search by name, number or mobile), one
 * application with the moves its state allows, the recruitment call.
 *
 * Every move is checked by rules.c (no skipped step, nothing out of a
 * final state) against the state read under a row lock, and made in one
 * transaction with its audit record and the applicant's message (the one
 * outbox, Lang.Sms.vol_<action>).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "volunteers.h"
#include "identity.h"

static const char snapshot_sql[] =
    "SELECT JSON_OBJECT('status', status, 'interview_at', interview_at, 'interview_place', interview_place,"
    " 'interview_outcome', interview_outcome, 'training_sessions', training_sessions, 'exam_score', exam_score,"
    " 'exam_attempts', exam_attempts, 'reason', reason, 'active_since', active_since) AS snapshot"
    " FROM volunteer_applications WHERE id = ? FOR UPDATE";

/* GET /office/volunteers/?status=&q= */
int vol_office_list(struct request *r)
{
    const char *status = req_param(r, "status");
    const char *q = req_param(r, "q");
    char like[256] = "";
    if (status && vol_state_from_name(status) < 0) status = NULL;
    if (q && *q) {
        if (utf8_chars(q) > 50 || text_has_control(q, 0)) q = NULL;
        else snprintf(like, sizeof(like), "%%%s%%", q);
    }
    hdf_set_value(r->hdf, "Filter.status", status ? status : "");
    hdf_set_value(r->hdf, "Filter.q", q ? q : "");
    if (db_rows(r->hdf, "Applications",
                "SELECT id, application_no AS no, name, mobile, status, services,"
                " DATE_FORMAT(created_at, '%Y-%m-%d') AS created"
                " FROM volunteer_applications"
                " WHERE (? IS NULL OR status = ?)"
                " AND (? = '' OR name LIKE ? OR application_no = ? OR mobile = ?)"
                " ORDER BY created_at DESC, id DESC LIMIT 200",
                "sssss" "s", status, status, like, like, q ? q : "", q ? q : "") < 0)
        return 500;
    for (HDF *a = hdf_obj_child(hdf_get_obj(r->hdf, "Applications")); a; a = hdf_obj_next(a)) {
        char masked[16];
        mask_mobile(hdf_get_value(a, "mobile", ""), masked, sizeof(masked));
        hdf_set_value(a, "mobile", masked);
    }
    if (db_rows(r->hdf, "Counts", "SELECT status, COUNT(*) AS n FROM volunteer_applications GROUP BY status", "") < 0)
        return 500;
    return render(r, "volunteers/office_list.cs");
}

/* The application, its shifts, evaluations and this month's minutes. */
static int load_application(struct request *r, long long id)
{
    int found = db_row(r->hdf, "App",
        "SELECT id, application_no AS no, name, id_number, DATE_FORMAT(birth_date, '%Y-%m-%d') AS birth_date,"
        " sex, TIMESTAMPDIFF(YEAR, birth_date, CURDATE()) AS age, mobile, email, address, occupation,"
        " political_status, health, availability, services, skills, languages, previous,"
        " emergency_name, emergency_relation, emergency_mobile, status,"
        " DATE_FORMAT(interview_at, '%Y-%m-%d %H:%i') AS interview_at, interview_place, interview_notes,"
        " interview_outcome, training_sessions, exam_score, exam_attempts, reason,"
        " DATE_FORMAT(active_since, '%Y-%m-%d') AS active_since, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created"
        " FROM volunteer_applications WHERE id = ?", "i", id);
    if (found <= 0) return found;
    char masked[32];
    mask_id(hdf_get_value(r->hdf, "App.id_number", ""), masked, sizeof(masked));
    hdf_set_value(r->hdf, "App.id_masked", masked);
    const char *grid = hdf_get_value(r->hdf, "App.availability", "");
    for (int i = 0; i < VOL_AVAIL_CELLS && grid[i]; i++) {
        char name[32];
        snprintf(name, sizeof(name), "App.avail.%d", i);
        hdf_set_value(r->hdf, name, grid[i] == '1' ? "1" : "0");
    }
    int state = vol_state_from_name(hdf_get_value(r->hdf, "App.status", ""));
    if (hdf_get_value(r->hdf, "App.active_since", NULL)) {
        char link[256];
        if (vol_signed_link(VOL_PURPOSE_CERT, hdf_get_value(r->hdf, "App.no", ""), VOL_CERT_DAYS,
                            "/volunteers/certificate", link, sizeof(link)) == 0)
            hdf_set_value(r->hdf, "App.certificate", link);
    }
    for (int a = 0; a < VA_COUNT; a++) {
        /* the moves this state allows (a score is allowed for any valid one) */
        if (vol_action_target(a, state, a == VA_SCORE ? VOL_PASS_MARK : 0) >= 0) {
            char name[48];
            snprintf(name, sizeof(name), "Can.%s", vol_action_name(a));
            hdf_set_value(r->hdf, name, "1");
        }
    }
    if (db_rows(r->hdf, "Shifts",
                "SELECT s.id, p.name AS point, DATE_FORMAT(s.started_at, '%Y-%m-%d %H:%i') AS started,"
                " DATE_FORMAT(s.ended_at, '%H:%i') AS ended, s.minutes, s.source"
                " FROM volunteer_shifts s JOIN volunteer_points p ON p.id = s.point_id"
                " WHERE s.application_id = ? ORDER BY s.started_at DESC LIMIT 50", "i", id) < 0 ||
        db_rows(r->hdf, "Evaluations",
                "SELECT month, conduct, punctuality, feedback, created_by, DATE_FORMAT(created_at, '%Y-%m-%d') AS created"
                " FROM volunteer_evaluations WHERE application_id = ? ORDER BY id DESC", "i", id) < 0 ||
        db_rows(r->hdf, "Points", "SELECT id, name FROM volunteer_points ORDER BY id", "") < 0 ||
        db_row(r->hdf, "Month",
               "SELECT DATE_FORMAT(CURDATE(), '%Y-%m') AS month, COALESCE(SUM(minutes), 0) AS minutes,"
               " COALESCE(SUM(minutes), 0) < ? AS below"
               " FROM volunteer_shifts WHERE application_id = ? AND started_at >= DATE_FORMAT(CURDATE(), '%Y-%m-01')",
               "ii", (long long)VOL_MONTHLY_MINUTES, id) < 0 ||
        db_row(r->hdf, "Star", "SELECT citation, published FROM volunteer_stars WHERE application_id = ?", "i", id) < 0)
        return -1;
    return 1;
}

static int view_page(struct request *r, int status)
{
    int found = load_application(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    const char *done = req_param(r, "done");
    if (done && strlen(done) < 20) hdf_set_value(r->hdf, "Done", done);
    /* the evaluation's month and the star's citation start as they are */
    if (!hdf_get_value(r->hdf, "Form.month", NULL))
        hdf_set_value(r->hdf, "Form.month", hdf_get_value(r->hdf, "Month.month", ""));
    if (!hdf_get_value(r->hdf, "Form.citation", NULL) && hdf_get_value(r->hdf, "Star.citation", NULL))
        hdf_set_value(r->hdf, "Form.citation", hdf_get_value(r->hdf, "Star.citation", ""));
    if (status) r->status = status;
    return render(r, "volunteers/office_view.cs");
}

/* GET /office/volunteers/{id} */
int vol_office_view(struct request *r)
{
    return view_page(r, r->status ? r->status : 200);
}

static const char *const actions[] = {
    "interview", "training", "exam", "score", "reject", "withdraw", "suspend", "resume", "leave", NULL,
};
enum { M_ACTION, M_AT, M_PLACE, M_NOTES, M_OUTCOME, M_SESSIONS, M_SCORE, M_REASON };
static const struct field move_fields[] = {
    [M_ACTION] = {"action", FIELD_CHOICE, 1, 0, 0, actions, "Vol.action"},
    [M_AT] = {"interview_at", FIELD_DATETIME, 0, 0, 0, NULL, "Vol.interview_at"},
    [M_PLACE] = {"interview_place", FIELD_TEXT, 0, 2, 100, NULL, "Vol.interview_place"},
    [M_NOTES] = {"notes", FIELD_MULTILINE, 0, 0, 1000, NULL, "Vol.interview_notes"},
    [M_OUTCOME] = {"outcome", FIELD_TEXT, 0, 2, 200, NULL, "Vol.interview_outcome"},
    [M_SESSIONS] = {"sessions", FIELD_INT, 0, 1, 100, NULL, "Vol.training_sessions"},
    [M_SCORE] = {"score", FIELD_INT, 0, 0, 100, NULL, "Vol.exam_score"},
    [M_REASON] = {"reason", FIELD_TEXT, 0, 2, 200, NULL, "Vol.reason"},
    {0},
};

/* The field an action needs, or -1. */
static int needed_field(int action, int second)
{
    switch (action) {
    case VA_INTERVIEW: return second ? M_PLACE : M_AT;
    case VA_TRAINING: return second ? -1 : M_OUTCOME;
    case VA_EXAM: return second ? -1 : M_SESSIONS;
    case VA_SCORE: return second ? -1 : M_SCORE;
    case VA_REJECT: case VA_WITHDRAW: case VA_SUSPEND: case VA_LEAVE: return second ? -1 : M_REASON;
    default: return -1;
    }
}

/* POST /office/volunteers/{id}/move */
int vol_office_move(struct request *r)
{
    struct form f;
    char *before = NULL, *after = NULL, key[80], when[20];
    int status = 500;
    int errors = form_read(r, move_fields, &f);
    int action = f.v[M_ACTION].text ? (int)f.v[M_ACTION].number : -1;
    for (int second = 0; action >= 0 && second < 2; second++) {
        int need = needed_field(action, second);
        char err_name[64];
        if (need >= 0) snprintf(err_name, sizeof(err_name), "Form.%s.error", move_fields[need].name);
        if (need >= 0 && !f.v[need].text && !hdf_get_value(r->hdf, err_name, NULL)) {
            form_error(r, &f, need, "required");
            errors++;
        }
    }
    if (action == VA_INTERVIEW && f.v[M_AT].text) {
        HDF *tmp = r->private_hdf;
        if (db_row(tmp, "When", "SELECT ? > NOW() AS ahead", "s", f.v[M_AT].datetime) < 0) return 500;
        if (!hdf_get_int_value(tmp, "When.ahead", 0)) {
            form_error(r, &f, M_AT, "vol_interview_past");
            errors++;
        }
    }
    if (errors) {
        hdf_set_value(r->hdf, "Form.action", f.v[M_ACTION].text ? f.v[M_ACTION].text : "");
        return view_page(r, 422);
    }

    if (db_begin()) return 503;
    if (audit_snapshot(snapshot_sql, r->path_id, &before)) goto out;
    if (!before) { status = 404; goto out; }
    if (db_row(r->private_hdf, "Cur",
               "SELECT application_no AS no, name, mobile, status FROM volunteer_applications WHERE id = ?",
               "i", r->path_id) != 1)
        goto out;
    const char *from_name = hdf_get_value(r->private_hdf, "Cur.status", "");
    int from = vol_state_from_name(from_name);
    int score = action == VA_SCORE ? (int)f.v[M_SCORE].number : 0;
    int to = vol_action_target(action, from, score);
    if (to < 0) {
        db_rollback();
        char text[256];
        HDF *vars;
        STRING s;
        if (hdf_init(&vars)) goto out;
        char k[64];
        snprintf(k, sizeof(k), "Vol.State.%s", from_name);
        hdf_set_value(vars, "from", lang(k));
        snprintf(k, sizeof(k), "Vol.Action.%s", actions[action]);
        hdf_set_value(vars, "action", lang(k));
        string_init(&s);
        text_fill(&s, lang("Vol.forbidden"), vars);
        snprintf(text, sizeof(text), "%s", s.buf ? s.buf : "");
        string_clear(&s);
        hdf_destroy(&vars);
        hdf_set_value(r->hdf, "Refusal", "forbidden");
        hdf_set_value(r->hdf, "RefusalText", text);
        free(before);
        return view_page(r, 409);
    }
    const char *to_name = vol_state_name(to);
    long long rows = -1;
    switch (action) {
    case VA_INTERVIEW:
        snprintf(when, sizeof(when), "%s", f.v[M_AT].datetime);
        rows = db_exec("UPDATE volunteer_applications SET status = 'interview', interview_at = ?, interview_place = ?,"
                       " interview_notes = ?, updated_at = NOW() WHERE id = ? AND status = ?",
                       "sssis", when, f.v[M_PLACE].text, f.v[M_NOTES].text, r->path_id, from_name);
        break;
    case VA_TRAINING:
        rows = db_exec("UPDATE volunteer_applications SET status = 'training', interview_outcome = ?,"
                       " interview_notes = COALESCE(?, interview_notes), updated_at = NOW() WHERE id = ? AND status = ?",
                       "ssis", f.v[M_OUTCOME].text, f.v[M_NOTES].text, r->path_id, from_name);
        break;
    case VA_EXAM:
        rows = db_exec("UPDATE volunteer_applications SET status = 'exam', training_sessions = ?, updated_at = NOW()"
                       " WHERE id = ? AND status = ?", "iis", f.v[M_SESSIONS].number, r->path_id, from_name);
        break;
    case VA_SCORE:
        rows = db_exec("UPDATE volunteer_applications SET status = ?, exam_score = ?, exam_attempts = exam_attempts + 1,"
                       " active_since = IF(? = 'active', CURDATE(), NULL), updated_at = NOW() WHERE id = ? AND status = ?",
                       "sisis", to_name, f.v[M_SCORE].number, to_name, r->path_id, from_name);
        break;
    case VA_SUSPEND:
        rows = db_exec("UPDATE volunteer_applications SET status = 'suspended', reason = ?, updated_at = NOW()"
                       " WHERE id = ? AND status = ?", "sis", f.v[M_REASON].text, r->path_id, from_name);
        break;
    case VA_RESUME:
        rows = db_exec("UPDATE volunteer_applications SET status = 'active', reason = NULL, updated_at = NOW()"
                       " WHERE id = ? AND status = ?", "is", r->path_id, from_name);
        break;
    default:   /* rejected, withdrawn, left: final, the ID number may apply again */
        rows = db_exec("UPDATE volunteer_applications SET status = ?, reason = ?, open_id_number = NULL,"
                       " updated_at = NOW() WHERE id = ? AND status = ?",
                       "ssis", to_name, f.v[M_REASON].text, r->path_id, from_name);
        break;
    }
    if (rows != 1) goto out;
    if (audit_snapshot(snapshot_sql, r->path_id, &after) ||
        audit_record(r, actions[action], "volunteer_application", r->path_id, before, after))
        goto out;
    {
        char kind[40], score_text[8];
        const char *no = hdf_get_value(r->private_hdf, "Cur.no", "");
        snprintf(kind, sizeof(kind), "vol_%s", action == VA_SCORE ? (to == VS_ACTIVE ? "passed" : "failed") : actions[action]);
        snprintf(key, sizeof(key), "vol:%s:%s:%lld", no, actions[action], db_last_insert_id());
        snprintf(score_text, sizeof(score_text), "%d", score);
        if (action == VA_INTERVIEW) {
            char shown[17];
            snprintf(shown, sizeof(shown), "%.16s", when);
            if (outbox_queue(key, kind, hdf_get_value(r->private_hdf, "Cur.mobile", ""), 0,
                             "name", hdf_get_value(r->private_hdf, "Cur.name", ""), "no", no,
                             "date", shown, "place", f.v[M_PLACE].text, NULL))
                goto out;
        } else if (outbox_queue(key, kind, hdf_get_value(r->private_hdf, "Cur.mobile", ""), 0,
                                "name", hdf_get_value(r->private_hdf, "Cur.name", ""), "no", no,
                                "score", score_text, "reason", f.v[M_REASON].text ? f.v[M_REASON].text : "",
                                NULL)) {
            goto out;
        }
    }
    if (db_commit()) goto out;
    char where[96];
    snprintf(where, sizeof(where), "/office/volunteers/%lld?done=%s", r->path_id,
             action == VA_SCORE && to == VS_EXAM ? "retake" : to_name);
    status = redirect(r, where);
out:
    if (db_in_transaction()) db_rollback();
    free(before);
    free(after);
    return status;
}

enum { E_MONTH, E_CONDUCT, E_PUNCTUALITY, E_FEEDBACK };
static const char *check_month(const struct form *f, const char *v);
static const struct field evaluation_fields[] = {
    [E_MONTH] = {"month", FIELD_TEXT, 1, 7, 7, NULL, "Vol.month", check_month},
    [E_CONDUCT] = {"conduct", FIELD_TEXT, 1, 1, 200, NULL, "Vol.conduct"},
    [E_PUNCTUALITY] = {"punctuality", FIELD_TEXT, 1, 1, 200, NULL, "Vol.punctuality"},
    [E_FEEDBACK] = {"feedback", FIELD_MULTILINE, 1, 1, 500, NULL, "Vol.feedback"},
    {0},
};

/* "YYYY-MM", a real month. */
static const char *check_month(const struct form *f, const char *v)
{
    (void)f;
    if (strlen(v) != 7 || v[4] != '-') return "vol_month";
    for (int i = 0; i < 7; i++)
        if (i != 4 && (v[i] < '0' || v[i] > '9')) return "vol_month";
    int m = (v[5] - '0') * 10 + (v[6] - '0');
    return m >= 1 && m <= 12 && v[0] >= '2' ? NULL : "vol_month";
}

/* POST /office/volunteers/{id}/evaluations */
int vol_office_evaluation(struct request *r)
{
    struct form f;
    if (form_read(r, evaluation_fields, &f)) return view_page(r, 422);
    if (db_begin()) return 503;
    if (db_row(r->private_hdf, "A", "SELECT id FROM volunteer_applications WHERE id = ? FOR UPDATE", "i", r->path_id) != 1) {
        db_rollback();
        return 404;
    }
    if (db_exec("INSERT INTO volunteer_evaluations (application_id, month, conduct, punctuality, feedback,"
                " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, NOW())",
                "isssss", r->path_id, f.v[E_MONTH].text, f.v[E_CONDUCT].text, f.v[E_PUNCTUALITY].text,
                f.v[E_FEEDBACK].text, r->user.username) != 1)
        return 500;
    char after[64];
    snprintf(after, sizeof(after), "{\"evaluation\": %lld}", db_last_insert_id());
    if (audit_record(r, "evaluate", "volunteer_application", r->path_id, NULL, after) || db_commit()) return 500;
    char where[96];
    snprintf(where, sizeof(where), "/office/volunteers/%lld?done=evaluated", r->path_id);
    return redirect(r, where);
}

/* POST /office/volunteers/{id}/link : the volunteer's check-in link, sent
 * to their mobile (a signed link: no password to remember). */
int vol_office_send_link(struct request *r)
{
    char path[256], url[400], key[80];
    if (db_begin()) return 503;
    int found = db_row(r->private_hdf, "V",
                       "SELECT application_no AS no, name, mobile, status FROM volunteer_applications WHERE id = ? FOR UPDATE",
                       "i", r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    const char *no = hdf_get_value(r->private_hdf, "V.no", "");
    if (strcmp(hdf_get_value(r->private_hdf, "V.status", ""), "active") != 0) {
        db_rollback();
        hdf_set_value(r->hdf, "Refusal", "forbidden");
        hdf_set_value(r->hdf, "RefusalText", lang("Vol.link_not_active"));
        return view_page(r, 409);
    }
    if (vol_signed_link(VOL_PURPOSE_ME, no, VOL_ME_DAYS, "/volunteers/me", path, sizeof(path))) return 500;
    /* the portal's address: Site.url when the deployment sets it, else the
     * address the coordinator's browser used */
    const char *site = hdf_get_value(render_globals(), "Site.url", NULL);
    const char *host = req_env(r, "HTTP_HOST");
    const char *https = req_env(r, "HTTPS");
    if (site) snprintf(url, sizeof(url), "%s%s", site, path);
    else snprintf(url, sizeof(url), "%s://%s%s", https && *https ? "https" : "http", host ? host : "localhost", path);
    if (audit_record(r, "send_link", "volunteer_application", r->path_id, NULL, NULL)) return 500;
    snprintf(key, sizeof(key), "vol:%s:link:%lld", no, db_last_insert_id());
    if (outbox_queue(key, "vol_link", hdf_get_value(r->private_hdf, "V.mobile", ""), 0,
                     "name", hdf_get_value(r->private_hdf, "V.name", ""), "link", url, NULL) ||
        db_commit())
        return 500;
    char where[96];
    snprintf(where, sizeof(where), "/office/volunteers/%lld?done=link", r->path_id);
    return redirect(r, where);
}

enum { S_CITATION, S_PUBLISH };
static const struct field star_fields[] = {
    [S_CITATION] = {"citation", FIELD_TEXT, 1, 2, 200, NULL, "Vol.citation"},
    [S_PUBLISH] = {"publish", FIELD_CHECKBOX, 0, 0, 0, NULL, "Vol.publish"},
    {0},
};

/* POST /office/volunteers/{id}/star : 服务明星, published or not. */
int vol_office_star(struct request *r)
{
    struct form f;
    if (form_read(r, star_fields, &f)) return view_page(r, 422);
    if (db_begin()) return 503;
    int found = db_row(r->private_hdf, "V", "SELECT status FROM volunteer_applications WHERE id = ? FOR UPDATE",
                       "i", r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (strcmp(hdf_get_value(r->private_hdf, "V.status", ""), "active") != 0) {
        db_rollback();
        hdf_set_value(r->hdf, "Refusal", "forbidden");
        hdf_set_value(r->hdf, "RefusalText", lang("Vol.star_not_active"));
        return view_page(r, 409);
    }
    if (db_exec("INSERT INTO volunteer_stars (application_id, citation, published, created_at) VALUES (?, ?, ?, NOW())"
                " ON DUPLICATE KEY UPDATE citation = VALUES(citation), published = VALUES(published)",
                "isi", r->path_id, f.v[S_CITATION].text, f.v[S_PUBLISH].number) < 0)
        return 500;
    char after[300];
    snprintf(after, sizeof(after), "{\"published\": %lld}", f.v[S_PUBLISH].number);
    if (audit_record(r, "star", "volunteer_application", r->path_id, NULL, after) || db_commit()) return 500;
    char where[96];
    snprintf(where, sizeof(where), "/office/volunteers/%lld?done=star", r->path_id);
    return redirect(r, where);
}

enum { C_TITLE, C_SERVICES, C_ELIGIBILITY, C_HOW, C_COMMITMENT, C_OPEN, C_DEADLINE };
static const struct field call_fields[] = {
    [C_TITLE] = {"title", FIELD_TEXT, 1, 2, 100, NULL, "Vol.c_title"},
    [C_SERVICES] = {"services", FIELD_MULTILINE, 1, 2, 5000, NULL, "Vol.c_services"},
    [C_ELIGIBILITY] = {"eligibility", FIELD_MULTILINE, 1, 2, 5000, NULL, "Vol.c_eligibility"},
    [C_HOW] = {"how_to_apply", FIELD_MULTILINE, 1, 2, 5000, NULL, "Vol.c_how"},
    [C_COMMITMENT] = {"commitment", FIELD_MULTILINE, 1, 2, 5000, NULL, "Vol.c_commitment"},
    [C_OPEN] = {"is_open", FIELD_CHECKBOX, 0, 0, 0, NULL, "Vol.c_open"},
    [C_DEADLINE] = {"deadline", FIELD_DATE, 0, 0, 0, NULL, "Vol.c_deadline"},
    {0},
};

/* GET /office/volunteers/call */
int vol_office_call(struct request *r)
{
    if (vol_load_call(r) <= 0) return 500;
    form_fill(r, call_fields, hdf_get_obj(r->hdf, "Call"));
    if (!hdf_get_int_value(r->hdf, "Call.is_open", 0)) hdf_remove_tree(r->hdf, "Form.is_open");
    const char *done = req_param(r, "done");
    if (done) hdf_set_value(r->hdf, "Done", "saved");
    return render(r, "volunteers/office_call.cs");
}

static const char call_snapshot_sql[] =
    "SELECT JSON_OBJECT('title', title, 'is_open', is_open, 'deadline', deadline, 'services', services,"
    " 'eligibility', eligibility, 'how_to_apply', how_to_apply, 'commitment', commitment) AS snapshot"
    " FROM volunteer_call WHERE id = ? FOR UPDATE";

/* POST /office/volunteers/call */
int vol_office_call_update(struct request *r)
{
    struct form f;
    if (form_read(r, call_fields, &f)) {
        r->status = 422;
        return render(r, "volunteers/office_call.cs");
    }
    if (db_begin()) return 503;
    long long rows = audit_update(r, "update", "volunteer_call", 1, call_snapshot_sql,
        "UPDATE volunteer_call SET title = ?, services = ?, eligibility = ?, how_to_apply = ?, commitment = ?,"
        " is_open = ?, deadline = ?, updated_at = NOW() WHERE id = 1",
        "sssssis", f.v[C_TITLE].text, f.v[C_SERVICES].text, f.v[C_ELIGIBILITY].text, f.v[C_HOW].text,
        f.v[C_COMMITMENT].text, f.v[C_OPEN].number, f.v[C_DEADLINE].text ? f.v[C_DEADLINE].datetime : NULL);
    if (rows < 0 || db_commit()) return 500;
    return redirect(r, "/office/volunteers/call?done=saved");
}
