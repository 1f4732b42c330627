/*
 * audit.c - who did what to which record, with the record before and after.
 *
 * A service describes its record once as a SELECT JSON_OBJECT(...) AS
 * snapshot ... WHERE id = ?; the same statement gives the "before" and the
 * "after", inside the transaction that makes the change, so the log and
 * the change are written together or not at all.
 */
#include <stdlib.h>
#include <string.h>
#include "portal.h"

int audit_snapshot(const char *snapshot_sql, long long id, char **json)
{
    HDF *tmp;
    *json = NULL;
    if (hdf_init(&tmp)) return -1;
    int found = db_row(tmp, "S", snapshot_sql, "i", id);
    if (found == 1) *json = strdup(hdf_get_value(tmp, "S.snapshot", "null"));
    hdf_destroy(&tmp);
    return found < 0 ? -1 : 0;
}

int audit_record(struct request *r, const char *action, const char *entity,
                 long long id, const char *before_json, const char *after_json)
{
    return db_exec("INSERT INTO audit_log (at, user_id, username, action, entity, entity_id,"
                   " before_json, after_json, ip, request_id)"
                   " VALUES (NOW(), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   "isssissss", r->user.id, r->user.username, action, entity, id,
                   before_json, after_json, r->client_ip, r->request_id) == 1 ? 0 : -1;
}

/* The usual office change: one UPDATE of one record, audited with the
 * record before and after, inside the caller's transaction.  Returns the
 * rows the UPDATE changed, AUDIT_NOT_FOUND when there is no such record,
 * or -1 on error. */
long long audit_update(struct request *r, const char *action, const char *entity, long long id,
                       const char *snapshot_sql, const char *update_sql, const char *types, ...)
{
    char *before = NULL, *after = NULL;
    long long rows = -1;
    va_list ap;
    if (audit_snapshot(snapshot_sql, id, &before)) return -1;
    if (!before) return AUDIT_NOT_FOUND;
    va_start(ap, types);
    long long changed = db_exec_va(update_sql, types, ap);
    va_end(ap);
    if (changed >= 0 && audit_snapshot(snapshot_sql, id, &after) == 0 &&
        audit_record(r, action, entity, id, before, after) == 0)
        rows = changed;
    free(before);
    free(after);
    return rows;
}
