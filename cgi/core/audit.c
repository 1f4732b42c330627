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
