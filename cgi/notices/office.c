/*
 * notices/office.c - the office writes notices: create, edit, preview,
 * publish/unpublish, pin, expire.  Each change is one transaction that
 * also writes the audit record with the notice before and after.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "notices.h"

/* A notice's state as the office sees it; an expired notice is expired
 * even if it was scheduled for later. */
#define NOTICE_STATE_SQL \
    " CASE WHEN status = 'draft' THEN 'draft'" \
    "      WHEN expire_at <= NOW() THEN 'expired'" \
    "      WHEN publish_at > NOW() THEN 'scheduled' ELSE 'live' END AS state"

/* How a notice looks in the audit log. */
static const char snapshot_sql[] =
    "SELECT JSON_OBJECT('title', title, 'category', category, 'status', status,"
    " 'pinned', pinned, 'publish_at', publish_at, 'expire_at', expire_at,"
    " 'body', body) AS snapshot FROM notices WHERE id = ? FOR UPDATE";

enum { N_TITLE, N_CATEGORY, N_BODY, N_PUBLISH_AT, N_EXPIRE_AT, N_PINNED, N_ACTION };
static const char *const save_actions[] = {"draft", "publish", NULL};
static const struct field notice_fields[] = {
    [N_TITLE] = {"title", FIELD_TEXT, 1, 2, 200, NULL, "Notice.title"},
    [N_CATEGORY] = {"category", FIELD_CHOICE, 1, 0, 0, notice_categories, "Notice.category"},
    [N_BODY] = {"body", FIELD_MULTILINE, 1, 1, 10000, NULL, "Notice.body"},
    [N_PUBLISH_AT] = {"publish_at", FIELD_DATETIME, 0, 0, 0, NULL, "Notice.publish_at"},
    [N_EXPIRE_AT] = {"expire_at", FIELD_DATETIME, 0, 0, 0, NULL, "Notice.expire_at"},
    [N_PINNED] = {"pinned", FIELD_CHECKBOX, 0, 0, 0, NULL, "Notice.pinned"},
    [N_ACTION] = {"action", FIELD_CHOICE, 0, 0, 0, save_actions, "Notice.action"},
    {0},
};

static const char *opt_datetime(struct form *f, int i)
{
    return f->v[i].text ? f->v[i].datetime : NULL;
}

/* The fields, checked, including that a notice expires after it appears
 * (and, when new, after now: an edit may keep a past expiry). */
static int read_notice_form(struct request *r, struct form *f, int creating)
{
    form_read(r, notice_fields, f);
    const char *from = opt_datetime(f, N_PUBLISH_AT), *until = opt_datetime(f, N_EXPIRE_AT);
    char now[20];
    time_t t = time(NULL);
    struct tm tm;
    strftime(now, sizeof(now), "%Y-%m-%d %H:%M:%S", localtime_r(&t, &tm));
    if (creating && until && strcmp(until, now) <= 0) form_error(r, f, N_EXPIRE_AT, "expire_in_past");
    else if (from && until && strcmp(until, from) <= 0) form_error(r, f, N_EXPIRE_AT, "expire_before_publish");
    return f->errors;
}

static int show_form(struct request *r, int status)
{
    r->status = status;
    return render(r, "office/notice_form.cs");
}

/* GET /office/notices/ : every notice, whatever its state. */
int office_notices(struct request *r)
{
    int n = db_rows(r->hdf, "Notices",
        "SELECT id, title, category, pinned,"
        " DATE_FORMAT(publish_at, '%Y-%m-%d %H:%i') AS publish_at,"
        " DATE_FORMAT(expire_at, '%Y-%m-%d %H:%i') AS expire_at,"
        " DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') AS updated_at,"
        NOTICE_STATE_SQL
        " FROM notices ORDER BY (status = 'draft') DESC, pinned DESC,"
        " COALESCE(publish_at, created_at) DESC, id DESC LIMIT 200",
        "");
    if (n < 0) return 500;
    return render(r, "office/notices.cs");
}

/* GET /office/notices/new */
int office_notice_new(struct request *r)
{
    hdf_set_value(r->hdf, "Form.category", "notice");
    return show_form(r, 200);
}

/* POST /office/notices/new : saved as a draft, or published at once. */
int office_notice_create(struct request *r)
{
    struct form f;
    char *after = NULL;
    if (read_notice_form(r, &f, 1)) return show_form(r, 422);
    int publish = f.v[N_ACTION].text && f.v[N_ACTION].number == 1;

    if (db_begin()) return 503;
    if (db_exec("INSERT INTO notices (title, body, category, status, pinned, publish_at, expire_at,"
                " created_by, updated_by, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, IF(? = 'published', COALESCE(?, NOW()), ?), ?, ?, ?, NOW(), NOW())",
                "ssssissssii", f.v[N_TITLE].text, f.v[N_BODY].text, f.v[N_CATEGORY].text,
                publish ? "published" : "draft", f.v[N_PINNED].number,
                publish ? "published" : "draft", opt_datetime(&f, N_PUBLISH_AT),
                opt_datetime(&f, N_PUBLISH_AT), opt_datetime(&f, N_EXPIRE_AT),
                r->user.id, r->user.id) != 1)
        return 500;
    long long id = db_last_insert_id();
    if (audit_snapshot(snapshot_sql, id, &after) ||
        audit_record(r, publish ? "create+publish" : "create", "notice", id, NULL, after) ||
        db_commit()) {
        free(after);
        return 500;
    }
    free(after);
    char where[64];
    snprintf(where, sizeof(where), "/office/notices/%lld?done=%s", id, publish ? "published" : "saved");
    return redirect(r, where);
}

static int load_notice(struct request *r)
{
    return db_row(r->hdf, "Notice",
        "SELECT id, title, body, category, status, pinned,"
        " DATE_FORMAT(publish_at, '%Y-%m-%d %H:%i:%s') AS publish_at,"
        " DATE_FORMAT(expire_at, '%Y-%m-%d %H:%i:%s') AS expire_at,"
        " DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') AS updated_at,"
        NOTICE_STATE_SQL
        " FROM notices WHERE id = ?",
        "i", r->path_id);
}

/* GET /office/notices/{id} : the notice as the public will see it (the
 * preview), its state, the actions, and its audit history. */
int office_notice_view(struct request *r)
{
    int found = load_notice(r);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (db_rows(r->hdf, "History",
                "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, username, action"
                " FROM audit_log WHERE entity = 'notice' AND entity_id = ? ORDER BY id DESC LIMIT 50",
                "i", r->path_id) < 0)
        return 500;
    const char *done = req_param(r, "done");
    if (done && (!strcmp(done, "saved") || !strcmp(done, "published") || !strcmp(done, "changed")))
        hdf_set_value(r->hdf, "Done", done);
    return render(r, "office/notice_view.cs");
}

/* GET /office/notices/{id}/edit */
int office_notice_edit(struct request *r)
{
    int found = load_notice(r);
    if (found <= 0) return found < 0 ? 500 : 404;
    form_fill(r, notice_fields, hdf_get_obj(r->hdf, "Notice"));
    return show_form(r, 200);
}

/* POST /office/notices/{id}/edit : the text and dates; the state stays. */
int office_notice_update(struct request *r)
{
    struct form f;
    char where[64];
    hdf_set_int_value(r->hdf, "Notice.id", (int)r->path_id);
    if (read_notice_form(r, &f, 0)) return show_form(r, 422);
    if (db_begin()) return 503;
    long long rows = audit_update(r, "update", "notice", r->path_id, snapshot_sql,
        "UPDATE notices SET title = ?, body = ?, category = ?, pinned = ?,"
        " publish_at = IF(status = 'published', COALESCE(?, publish_at), ?),"
        " expire_at = ?, updated_by = ?, updated_at = NOW() WHERE id = ?",
        "sssisssii", f.v[N_TITLE].text, f.v[N_BODY].text, f.v[N_CATEGORY].text,
        f.v[N_PINNED].number, opt_datetime(&f, N_PUBLISH_AT), opt_datetime(&f, N_PUBLISH_AT),
        opt_datetime(&f, N_EXPIRE_AT), r->user.id, r->path_id);
    if (rows == AUDIT_NOT_FOUND) return 404;
    if (rows < 0 || db_commit()) return 500;
    snprintf(where, sizeof(where), "/office/notices/%lld?done=saved", r->path_id);
    return redirect(r, where);
}

/* One state change: its UPDATE, audited, in one transaction. */
static int change_state(struct request *r, const char *action, const char *update_sql)
{
    char where[64];
    if (db_begin()) return 503;
    long long rows = audit_update(r, action, "notice", r->path_id, snapshot_sql, update_sql,
                                  "ii", r->user.id, r->path_id);
    if (rows == AUDIT_NOT_FOUND) return 404;
    if (rows < 0 || db_commit()) return 500;
    snprintf(where, sizeof(where), "/office/notices/%lld?done=changed", r->path_id);
    return redirect(r, where);
}

int office_notice_publish(struct request *r)
{
    return change_state(r, "publish",
        "UPDATE notices SET status = 'published', publish_at = COALESCE(publish_at, NOW()),"
        " expire_at = IF(expire_at <= NOW(), NULL, expire_at),"
        " updated_by = ?, updated_at = NOW() WHERE id = ?");
}

int office_notice_unpublish(struct request *r)
{
    return change_state(r, "unpublish",
        "UPDATE notices SET status = 'draft', updated_by = ?, updated_at = NOW() WHERE id = ?");
}

int office_notice_pin(struct request *r)
{
    return change_state(r, "pin",
        "UPDATE notices SET pinned = 1, updated_by = ?, updated_at = NOW() WHERE id = ?");
}

int office_notice_unpin(struct request *r)
{
    return change_state(r, "unpin",
        "UPDATE notices SET pinned = 0, updated_by = ?, updated_at = NOW() WHERE id = ?");
}

int office_notice_expire(struct request *r)
{
    return change_state(r, "expire",
        "UPDATE notices SET expire_at = NOW(), updated_by = ?, updated_at = NOW() WHERE id = ?");
}
