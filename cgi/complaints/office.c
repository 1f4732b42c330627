/*
 * complaints/office.c - the office handles 院长热线 items: the list with
 * overdue ones flagged (not acknowledged within 1 working day, not answered
 * within 5), assigning to a department (the acknowledgement), the
 * department's reply (the complainant is told through the outbox in the
 * same transaction), closing; each step a complaint_steps row and an audit
 * record.  Praise naming staff counts towards the 服务明星 list, which the
 * office publishes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "complaints.h"

static const char snapshot_sql[] =
    "SELECT JSON_OBJECT('no', tracking_no, 'status', status, 'department', assigned_department_id,"
    " 'reply', reply, 'acknowledged_at', acknowledged_at, 'replied_at', replied_at, 'closed_at', closed_at)"
    " AS snapshot FROM complaints WHERE id = ? FOR UPDATE";

#define OVERDUE_SQL \
    " (c.status = 'received' AND c.ack_due < NOW()) AS ack_overdue," \
    " (c.status IN ('received', 'assigned') AND c.answer_due < NOW()) AS answer_overdue"

/* GET /office/complaints/?show=open|overdue|all&kind= */
int office_complaints(struct request *r)
{
    const char *show = req_param(r, "show");
    if (!show || (strcmp(show, "overdue") && strcmp(show, "all"))) show = "open";
    hdf_set_value(r->hdf, "Filter.show", show);
    if (db_rows(r->hdf, "Complaints",
        "SELECT c.id, c.tracking_no AS no, c.kind, c.status, d.name AS department, c.staff_name,"
        " DATE_FORMAT(c.received_at, '%Y-%m-%d %H:%i') AS received_at,"
        " DATE_FORMAT(c.ack_due, '%m-%d %H:%i') AS ack_due, DATE_FORMAT(c.answer_due, '%m-%d %H:%i') AS answer_due,"
        " LEFT(c.what, 60) AS what," OVERDUE_SQL
        " FROM complaints c LEFT JOIN departments d ON d.id = COALESCE(c.assigned_department_id, c.department_id)"
        " WHERE (? = 'all' OR (? = 'open' AND c.status <> 'closed')"
        "   OR (? = 'overdue' AND ((c.status = 'received' AND c.ack_due < NOW())"
        "        OR (c.status IN ('received', 'assigned') AND c.answer_due < NOW()))))"
        " ORDER BY c.status = 'closed', c.answer_due, c.id LIMIT 200", "sss", show, show, show) < 0 ||
        db_row(r->hdf, "Counts",
        "SELECT SUM(status <> 'closed') AS open,"
        " SUM((status = 'received' AND ack_due < NOW()) OR (status IN ('received', 'assigned') AND answer_due < NOW())) AS overdue"
        " FROM complaints", "") < 0)
        return 500;
    return render(r, "complaints/office_list.cs");
}

static int show_view(struct request *r, int status)
{
    int found = db_row(r->hdf, "Complaint",
        "SELECT c.id, c.tracking_no AS no, c.kind, c.status, c.staff_name, c.what, c.reply, c.anonymous,"
        " IF(c.anonymous, NULL, c.contact_name) AS contact_name, c.assigned_department_id,"
        " DATE_FORMAT(c.happened_on, '%Y-%m-%d') AS happened_on, d.name AS department, ad.name AS assigned_department,"
        " DATE_FORMAT(c.received_at, '%Y-%m-%d %H:%i') AS received_at,"
        " DATE_FORMAT(c.ack_due, '%Y-%m-%d %H:%i') AS ack_due, DATE_FORMAT(c.answer_due, '%Y-%m-%d %H:%i') AS answer_due,"
        OVERDUE_SQL
        " FROM complaints c LEFT JOIN departments d ON d.id = c.department_id"
        " LEFT JOIN departments ad ON ad.id = c.assigned_department_id WHERE c.id = ?", "i", r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (db_rows(r->hdf, "Steps",
                "SELECT s.step, s.note, DATE_FORMAT(s.at, '%Y-%m-%d %H:%i') AS at, u.display_name AS who"
                " FROM complaint_steps s LEFT JOIN users u ON u.id = s.user_id WHERE s.complaint_id = ? ORDER BY s.id",
                "i", r->path_id) < 0 ||
        db_rows(r->hdf, "Departments", "SELECT id, name FROM departments ORDER BY sort_order, id", "") < 0)
        return 500;
    if (!hdf_get_value(r->hdf, "Form.department", NULL))
        hdf_set_value(r->hdf, "Form.department", hdf_get_value(r->hdf, "Complaint.assigned_department_id", ""));
    const char *done = req_param(r, "done");
    if (done && (!strcmp(done, "assigned") || !strcmp(done, "replied") || !strcmp(done, "closed")))
        hdf_set_value(r->hdf, "Done", done);
    r->status = status;
    return render(r, "complaints/office_view.cs");
}

/* GET /office/complaints/{id} */
int office_complaint_view(struct request *r)
{
    return show_view(r, 200);
}

/* One step: its UPDATE (which names the states it may come from; its
 * parameters are the reply text when `note` is given, or the department
 * when `department` is, then the id), its complaint_steps row and audit
 * record, in one transaction. */
static int step(struct request *r, const char *name, const char *note, long long department,
                const char *update_sql)
{
    char where[80];
    if (db_begin()) return 503;
    long long rows = note ? audit_update(r, name, "complaint", r->path_id, snapshot_sql, update_sql, "si", note, r->path_id)
                   : department ? audit_update(r, name, "complaint", r->path_id, snapshot_sql, update_sql, "ii",
                                               department, r->path_id)
                   : audit_update(r, name, "complaint", r->path_id, snapshot_sql, update_sql, "i", r->path_id);
    if (rows == AUDIT_NOT_FOUND) return 404;
    if (rows < 0) return 500;
    if (rows == 0) {
        db_rollback();
        hdf_set_value(r->hdf, "Refused", name);
        return show_view(r, 409);
    }
    if (db_exec("INSERT INTO complaint_steps (complaint_id, at, step, note, user_id) VALUES (?, NOW(), ?, ?, ?)",
                "issi", r->path_id, name, note, r->user.id) != 1)
        return 500;
    if (!strcmp(name, "replied")) {
        char key[48];
        if (db_row(r->private_hdf, "C", "SELECT tracking_no AS no, mobile FROM complaints WHERE id = ?", "i",
                   r->path_id) != 1)
            return 500;
        snprintf(key, sizeof(key), "complaint_reply:%s", hdf_get_value(r->private_hdf, "C.no", ""));
        if (outbox_queue(key, "complaint_reply", hdf_get_value(r->private_hdf, "C.mobile", ""), 0,
                         "no", hdf_get_value(r->private_hdf, "C.no", ""), NULL))
            return 500;
    }
    if (db_commit()) return 500;
    snprintf(where, sizeof(where), "/office/complaints/%lld?done=%s", r->path_id, name);
    return redirect(r, where);
}

enum { A_DEPARTMENT };
static const struct field assign_fields[] = {
    [A_DEPARTMENT] = {"department", FIELD_PICK, 1, 1, 65535, NULL, "Complaints.f_assign", NULL},
    {0},
};

/* POST /office/complaints/{id}/assign : to a department (again, until
 * it is answered); the first assignment is the acknowledgement. */
int office_complaint_assign(struct request *r)
{
    struct form f;
    if (form_read(r, assign_fields, &f)) return show_view(r, 422);
    if (db_row(r->private_hdf, "Dep", "SELECT name FROM departments WHERE id = ?", "i", f.v[A_DEPARTMENT].number) != 1) {
        form_error(r, &f, A_DEPARTMENT, "not_a_choice");
        return show_view(r, 422);
    }
    return step(r, "assigned", NULL, f.v[A_DEPARTMENT].number,
                "UPDATE complaints SET status = 'assigned', assigned_department_id = ?,"
                " acknowledged_at = COALESCE(acknowledged_at, NOW())"
                " WHERE id = ? AND status IN ('received', 'assigned')");
}

enum { R_REPLY };
static const struct field reply_fields[] = {
    [R_REPLY] = {"reply", FIELD_MULTILINE, 1, 5, 3000, NULL, "Complaints.f_reply", NULL},
    {0},
};

/* POST /office/complaints/{id}/reply : the department's answer. */
int office_complaint_reply(struct request *r)
{
    struct form f;
    if (form_read(r, reply_fields, &f)) return show_view(r, 422);
    return step(r, "replied", f.v[R_REPLY].text, 0,
                "UPDATE complaints SET status = 'replied', reply = ?, replied_at = NOW()"
                " WHERE id = ? AND status = 'assigned'");
}

/* POST /office/complaints/{id}/close */
int office_complaint_close(struct request *r)
{
    return step(r, "closed", NULL, 0,
                "UPDATE complaints SET status = 'closed', closed_at = NOW() WHERE id = ? AND status = 'replied'");
}

#define STARS_SQL \
    "SELECT c.staff_name, COALESCE(d.name, '') AS department, COUNT(*) AS praise_count" \
    " FROM complaints c LEFT JOIN departments d ON d.id = c.department_id" \
    " WHERE c.kind = 'praise' AND c.staff_name IS NOT NULL AND c.staff_name <> ''" \
    " AND c.received_at >= CURDATE() - INTERVAL ? DAY" \
    " GROUP BY c.staff_name, c.department_id ORDER BY praise_count DESC, c.staff_name LIMIT 10"

static long long stars_days(struct request *r)
{
    long long days = 90;
    const char *d = req_param(r, "days");
    if (!d || !parse_int(d, 1, 3660, &days)) days = 90;
    hdf_set_int_value(r->hdf, "Filter.days", (int)days);
    return days;
}

/* GET /office/complaints/stars : praise per staff member and department. */
int office_complaint_stars(struct request *r)
{
    long long days = stars_days(r);
    if (db_rows(r->hdf, "Stars", STARS_SQL, "i", days) < 0 ||
        db_rows(r->hdf, "ByDepartment",
                "SELECT COALESCE(d.name, '') AS department, COUNT(*) AS praise_count FROM complaints c"
                " LEFT JOIN departments d ON d.id = c.department_id WHERE c.kind = 'praise'"
                " AND c.received_at >= CURDATE() - INTERVAL ? DAY GROUP BY c.department_id"
                " ORDER BY praise_count DESC", "i", days) < 0 ||
        db_row(r->hdf, "Published", "SELECT title, DATE_FORMAT(published_at, '%Y-%m-%d %H:%i') AS at"
               " FROM star_lists ORDER BY id DESC LIMIT 1", "") < 0)
        return 500;
    if (req_param(r, "done")) hdf_set_value(r->hdf, "Done", "published");
    return render(r, "complaints/office_stars.cs");
}

enum { P_TITLE, P_DAYS };
static const struct field publish_fields[] = {
    [P_TITLE] = {"title", FIELD_TEXT, 1, 2, 100, NULL, "Complaints.f_star_title", NULL},
    [P_DAYS] = {"days", FIELD_INT, 1, 1, 3660, NULL, "Complaints.f_days", NULL},
    {0},
};

/* POST /office/complaints/stars : the current top ten published. */
int office_complaint_stars_publish(struct request *r)
{
    struct form f;
    if (form_read(r, publish_fields, &f)) {
        r->status = 422;
        return office_complaint_stars(r);
    }
    if (db_begin()) return 503;
    if (db_exec("INSERT INTO star_lists (title, published_at, published_by) VALUES (?, NOW(), ?)", "si",
                f.v[P_TITLE].text, r->user.id) != 1)
        return 500;
    long long id = db_last_insert_id();
    if (db_rows(r->private_hdf, "Top", STARS_SQL, "i", f.v[P_DAYS].number) < 0) return 500;
    int pos = 0;
    for (HDF *s = hdf_obj_child(hdf_get_obj(r->private_hdf, "Top")); s; s = hdf_obj_next(s))
        if (db_exec("INSERT INTO star_entries (list_id, position, staff_name, department, praise_count)"
                    " VALUES (?, ?, ?, ?, ?)", "iissi", id, (long long)++pos, hdf_get_value(s, "staff_name", ""),
                    hdf_get_value(s, "department", ""), (long long)hdf_get_int_value(s, "praise_count", 0)) != 1)
            return 500;
    if (audit_record(r, "publish", "star_list", id, NULL, NULL) || db_commit()) return 500;
    return redirect(r, "/office/complaints/stars?done=published");
}
