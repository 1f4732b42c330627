/*
 * office/home.c - the office's start page and the audit log.
 */
#include "office.h"

/* GET /office/ : what this person may do, by role. */
int office_home(struct request *r)
{
    return render(r, "office/home.cs");
}

/* GET /office/audit : the latest office actions. */
int office_audit(struct request *r)
{
    long long before = 0;
    const char *p = req_param(r, "before");
    if (p && !parse_int(p, 1, (1LL << 62), &before)) return 404;
    int n = db_rows(r->hdf, "Audit",
        "SELECT id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, username, action, entity,"
        " entity_id, before_json, after_json, ip, request_id"
        " FROM audit_log WHERE (? = 0 OR id < ?) ORDER BY id DESC LIMIT 50",
        "ii", before, before);
    if (n < 0) return 500;
    if (n == 50) hdf_set_value(r->hdf, "Paging.before", hdf_get_value(r->hdf, "Audit.49.id", ""));
    return render(r, "office/audit.cs");
}
