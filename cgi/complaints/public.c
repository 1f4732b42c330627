/*
 * complaints/public.c - the public side of 院长热线: the form (kind,
 * department, the staff member if known, what happened and when, a name
 * and mobile for the reply, optional anonymity) that gives a tracking
 * number; the status page by tracking number and mobile (core lookup.c:
 * limited per address and per number, the same answer for either wrong);
 * the published 服务明星 list.
 */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "complaints.h"

static const char *const kinds[] = {"complaint", "suggestion", "praise", NULL};

enum { C_KIND, C_DEPARTMENT, C_STAFF, C_WHAT, C_WHEN, C_NAME, C_MOBILE, C_ANONYMOUS };
static const struct field complaint_fields[] = {
    [C_KIND] = {"kind", FIELD_CHOICE, 1, 0, 0, kinds, "Complaints.f_kind", NULL},
    [C_DEPARTMENT] = {"department", FIELD_PICK, 0, 1, 65535, NULL, "Complaints.f_department", NULL},
    [C_STAFF] = {"staff_name", FIELD_TEXT, 0, 1, 40, NULL, "Complaints.f_staff", NULL},
    [C_WHAT] = {"what", FIELD_MULTILINE, 1, 10, 3000, NULL, "Complaints.f_what", NULL},
    [C_WHEN] = {"happened_on", FIELD_DATE, 0, 0, 0, NULL, "Complaints.f_when", NULL},
    [C_NAME] = {"contact_name", FIELD_TEXT, 0, 1, 40, NULL, "Complaints.f_name", NULL},
    [C_MOBILE] = {"mobile", FIELD_MOBILE, 1, 0, 0, NULL, "Complaints.f_mobile", NULL},
    [C_ANONYMOUS] = {"anonymous", FIELD_CHECKBOX, 0, 0, 0, NULL, "Complaints.f_anonymous", NULL},
    {0},
};

static int show_form(struct request *r, int status)
{
    r->status = status;
    if (db_rows(r->hdf, "Departments", "SELECT id, name FROM departments ORDER BY sort_order, id", "") < 0) return 500;
    return render(r, "complaints/form.cs");
}

/* GET /complaints/ */
int complaint_form(struct request *r)
{
    const char *k = req_param(r, "kind");
    hdf_set_value(r->hdf, "Form.kind", k && (!strcmp(k, "praise") || !strcmp(k, "suggestion")) ? k : "complaint");
    return show_form(r, 200);
}

static void new_no(char out[11])
{
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    out[0] = 'T';
    for (int i = 1; i < 10; i++) out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
    out[10] = 0;
}

/* POST /complaints/ */
int complaint_create(struct request *r)
{
    struct form f;
    struct rate_answer a;
    char no[11], ack[20], answer[20], where[64];
    if (form_read(r, complaint_fields, &f)) return show_form(r, 422);
    long long dep = f.v[C_DEPARTMENT].text ? f.v[C_DEPARTMENT].number : 0;
    if (dep && db_row(r->private_hdf, "Dep", "SELECT id FROM departments WHERE id = ?", "i", dep) != 1) {
        form_error(r, &f, C_DEPARTMENT, "not_a_choice");
        return show_form(r, 422);
    }
    if (f.v[C_WHEN].text) {
        if (db_row(r->private_hdf, "Future", "SELECT ? > CURDATE() AS future", "s", f.v[C_WHEN].datetime) != 1) return 500;
        if (hdf_get_int_value(r->private_hdf, "Future.future", 0)) {
            form_error_text(r, &f, C_WHEN, lang("Complaints.Error.future"));
            return show_form(r, 422);
        }
    }
    if (rate_take("complaint.client", r->client_ip ? r->client_ip : "-", &a)) return 503;
    if (!a.allowed) {
        rate_refuse(r, NULL, -1, &a);
        return show_form(r, 429);
    }
    if (db_row(r->private_hdf, "Now", "SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s') AS at", "") != 1) return 500;
    const char *now = hdf_get_value(r->private_hdf, "Now.at", "");
    if (workcal_deadline(r->private_hdf, now, COMPLAINT_ACK_DAYS, ack) ||
        workcal_deadline(r->private_hdf, now, COMPLAINT_ANSWER_DAYS, answer))
        return 500;
    if (db_begin()) return 503;
    long long rows = 0;
    for (int tries = 0; tries < 3 && rows != 1; tries++) {
        new_no(no);
        rows = db_exec("INSERT IGNORE INTO complaints (tracking_no, kind, department_id, staff_name, what, happened_on,"
                       " contact_name, mobile, anonymous, received_at, ack_due, answer_due)"
                       " VALUES (?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       "ssisssssisss", no, f.v[C_KIND].text, dep, f.v[C_STAFF].text, f.v[C_WHAT].text,
                       f.v[C_WHEN].text ? f.v[C_WHEN].datetime : NULL,
                       f.v[C_ANONYMOUS].number ? NULL : f.v[C_NAME].text, f.v[C_MOBILE].text,
                       f.v[C_ANONYMOUS].number, now, ack, answer);
        if (rows < 0) return 500;
    }
    if (rows != 1) return 500;
    long long id = db_last_insert_id();
    if (db_exec("INSERT INTO complaint_steps (complaint_id, at, step) VALUES (?, NOW(), 'received')", "i", id) != 1 ||
        db_commit())
        return 500;
    snprintf(where, sizeof(where), "/complaints/filed?no=%s", no);
    return redirect(r, where);
}

/* GET /complaints/filed?no=... : the tracking number to keep. */
int complaint_filed(struct request *r)
{
    const char *no = req_param(r, "no");
    if (!no || strlen(no) != 10 || no[0] != 'T') return 404;
    for (const char *p = no; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z'))) return 404;
    hdf_set_value(r->hdf, "Filed.no", no);
    return render(r, "complaints/filed.cs");
}

enum { L_NO, L_MOBILE };
static const struct field lookup_fields[] = {
    [L_NO] = {"no", FIELD_CODE, 1, 10, 10, NULL, "Complaints.f_no", NULL},
    [L_MOBILE] = {"mobile", FIELD_MOBILE, 1, 0, 0, NULL, "Complaints.f_mobile", NULL},
    {0},
};
static const struct lookup_policy lookup_limits = {"complaint.lookup.client", "complaint.lookup.number"};

/* GET /complaints/status */
int complaint_status_form(struct request *r)
{
    const char *no = req_param(r, "no");
    if (no && strlen(no) == 10) hdf_set_value(r->hdf, "Form.no", no);
    return render(r, "complaints/status.cs");
}

/* POST /complaints/status : the steps and the hospital's reply. */
int complaint_status(struct request *r)
{
    struct form f;
    char no[11];
    if (form_read(r, lookup_fields, &f)) {
        r->status = 422;
        return render(r, "complaints/status.cs");
    }
    snprintf(no, sizeof(no), "%s", f.v[L_NO].text);
    for (char *p = no; *p; p++)
        if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
    int allowed = lookup_allowed(r, &lookup_limits, &f, L_NO, no);
    if (allowed < 0) return 503;
    if (!allowed) return render(r, "complaints/status.cs");
    int found = db_row(r->hdf, "Complaint",
        "SELECT c.id, c.tracking_no AS no, c.kind, c.status, c.reply, d.name AS department,"
        " DATE_FORMAT(c.received_at, '%Y-%m-%d %H:%i') AS received_at,"
        " DATE_FORMAT(c.answer_due, '%Y-%m-%d') AS answer_due"
        " FROM complaints c LEFT JOIN departments d ON d.id = c.assigned_department_id"
        " WHERE c.tracking_no = ? AND c.mobile = ?", "ss", no, f.v[L_MOBILE].text);
    if (found < 0) return 500;
    if (found == 0) {
        form_error_text(r, &f, L_NO, lang("Complaints.Error.not_found"));
        r->status = 422;
        return render(r, "complaints/status.cs");
    }
    lookup_found(r, &lookup_limits, no);
    if (db_rows(r->hdf, "Steps", "SELECT step, DATE_FORMAT(at, '%Y-%m-%d %H:%i') AS at FROM complaint_steps"
                " WHERE complaint_id = ? ORDER BY id", "i",
                (long long)hdf_get_int_value(r->hdf, "Complaint.id", 0)) < 0)
        return 500;
    hdf_remove_tree(r->hdf, "Form.mobile");
    return render(r, "complaints/status.cs");
}

/* GET /complaints/stars : the latest 服务明星 list the office published. */
int complaint_stars_public(struct request *r)
{
    if (db_row(r->hdf, "Stars", "SELECT id, title, DATE_FORMAT(published_at, '%Y-%m-%d') AS published_on"
               " FROM star_lists ORDER BY id DESC LIMIT 1", "") < 0)
        return 500;
    if (db_rows(r->hdf, "Stars.entries", "SELECT position, staff_name, department, praise_count FROM star_entries"
                " WHERE list_id = ? ORDER BY position", "i",
                (long long)hdf_get_int_value(r->hdf, "Stars.id", 0)) < 0)
        return 500;
    r->cacheable = 1;
    return render(r, "complaints/stars.cs");
}
