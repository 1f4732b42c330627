/*
 * lisimport.c - the import of one ORU^R01 message (see lisimport.h).
 *
 * The message is parsed (hl7.c) and mapped (oru.c) before anything is
 * written; then one transaction records it in lab_imports under MSH-3 and
 * MSH-10 with the SHA-256 of its bytes, creates or brings up to date its
 * order, and inserts each result item that differs from the current one
 * (the current one marked superseded: nothing is overwritten).  When the
 * order becomes final for the first time, the patient's "report ready"
 * message is queued in the same transaction (outbox.c), once per order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "portal.h"
#include "oru.h"
#include "lisimport.h"

static struct hl7_message msg;
static struct lab_report rep;

/* The panel of the item before, within one message (reset for each). */
static char panel_code[33];
static long long panel_id, panel_order;

static const char *or_null(const char *s) { return s && *s ? s : NULL; }

/* The first component of MSH-n as received, for the ACK: only printable
 * ASCII and UTF-8 bytes, never a separator or a segment end. */
static void msh_field(const char *data, size_t len, int n, char *out, size_t outlen)
{
    out[0] = 0;
    if (len < 8 || memcmp(data, "MSH", 3)) return;
    char fs = data[3], cs = data[4];
    int field = 2;   /* data[3] is MSH-1, data[4] starts MSH-2 */
    size_t i = 4;
    while (i < len && field < n) {
        if (data[i] == '\r' || data[i] == '\n') return;
        if (data[i] == fs) field++;
        i++;
    }
    if (field != n) return;
    size_t o = 0;
    while (i < len && o + 1 < outlen) {
        unsigned char c = (unsigned char)data[i];
        if (c == (unsigned char)fs || c == (unsigned char)cs || c == '\r' || c == '\n') break;
        if (c >= 0x20 && c != 0x7f) out[o++] = (char)c;
        i++;
    }
    out[o] = 0;
}

void lis_msh(const char *data, size_t len, struct lis_outcome *o)
{
    msh_field(data, len, 3, o->msh_app, sizeof(o->msh_app));
    msh_field(data, len, 4, o->msh_facility, sizeof(o->msh_facility));
    msh_field(data, len, 5, o->msh_to_app, sizeof(o->msh_to_app));
    msh_field(data, len, 6, o->msh_to_facility, sizeof(o->msh_to_facility));
    msh_field(data, len, 10, o->control_id, sizeof(o->control_id));
    msh_field(data, len, 11, o->msh_processing, sizeof(o->msh_processing));
    msh_field(data, len, 12, o->msh_version, sizeof(o->msh_version));
}

static void refuse(struct lis_outcome *o, const char *source, const struct hl7_error *e, int rejected)
{
    o->state = LIS_REFUSED;
    o->rejected = rejected;
    o->error = *e;
    snprintf(o->why, sizeof(o->why), "%s-%d: %s", e->segment[0] ? e->segment : "MSH", e->field, e->text);
    db_exec("INSERT INTO lab_import_refusals (control_id, error, source) VALUES (?, ?, ?)", "sss",
            or_null(o->control_id), o->why, source);
}

static int store_order(HDF *tmp, long long *id)
{
    if (db_exec("INSERT INTO lab_orders (barcode, patient_name, patient_sex, birth_date, mobile_last4, notify_mobile,"
                " patient_id, department, ordering_doctor, specimen_type, collected_at, received_at, reported_at, status,"
                " corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(? = 'corrected', NOW(), NULL))"
                " ON DUPLICATE KEY UPDATE patient_name = VALUES(patient_name), patient_sex = VALUES(patient_sex),"
                " birth_date = COALESCE(VALUES(birth_date), birth_date),"
                " mobile_last4 = COALESCE(VALUES(mobile_last4), mobile_last4),"
                " notify_mobile = COALESCE(VALUES(notify_mobile), notify_mobile),"
                " patient_id = COALESCE(VALUES(patient_id), patient_id),"
                " department = COALESCE(VALUES(department), department),"
                " ordering_doctor = COALESCE(VALUES(ordering_doctor), ordering_doctor),"
                " specimen_type = COALESCE(VALUES(specimen_type), specimen_type),"
                " collected_at = COALESCE(VALUES(collected_at), collected_at),"
                " received_at = COALESCE(VALUES(received_at), received_at),"
                " reported_at = COALESCE(VALUES(reported_at), reported_at),"
                " corrected_at = IF(VALUES(status) = 'corrected', NOW(), corrected_at), status = VALUES(status)",
                "sssssssssssssss", rep.barcode, rep.patient_name[0] ? rep.patient_name : "-", rep.sex,
                or_null(rep.birth_date), or_null(rep.mobile_last4), or_null(rep.mobile), or_null(rep.patient_id),
                or_null(rep.department), or_null(rep.doctor), or_null(rep.specimen), or_null(rep.collected),
                or_null(rep.received), or_null(rep.reported), rep.status, rep.status) < 0)
        return -1;
    if (db_row(tmp, "O", "SELECT id, notify_mobile, final_notified_at IS NULL AS unnotified,"
               " NOT EXISTS (SELECT 1 FROM lab_results r WHERE r.order_id = o.id) AS fresh FROM lab_orders o"
               " WHERE barcode = ?", "s", rep.barcode) != 1)
        return -1;
    *id = hdf_get_int_value(tmp, "O.id", 0);
    return 0;
}

/* One item: unless the current value is the same, it is inserted and the
 * current one of the same test marked superseded.  `fresh`: the order had
 * no results before this message, so there is nothing to compare or
 * supersede.  The panel's id is kept from the item before when it is the
 * same panel. */
static int store_item(HDF *tmp, long long order_id, long long import_id, const struct lab_item *it, int fresh,
                      int *stored)
{
    if (panel_order != order_id || strcmp(panel_code, it->panel_code)) {
        /* store_panels() made it already; made here only if it did not */
        int found = db_row(tmp, "P", "SELECT id FROM lab_panels WHERE order_id = ? AND code = ?", "is", order_id,
                           it->panel_code);
        if (found == 0 &&
            (db_exec("INSERT INTO lab_panels (order_id, code, name) VALUES (?, ?, ?)", "iss", order_id,
                     it->panel_code, it->panel_name) < 0 ||
             (found = db_row(tmp, "P", "SELECT id FROM lab_panels WHERE order_id = ? AND code = ?", "is",
                             order_id, it->panel_code)) != 1))
            found = -1;
        if (found != 1) {
            panel_order = 0;
            return -1;
        }
        panel_id = hdf_get_int_value(tmp, "P.id", 0);
        panel_order = order_id;
        snprintf(panel_code, sizeof(panel_code), "%s", it->panel_code);
    }
    if (!fresh) {
        int same = db_row(tmp, "S", "SELECT id FROM lab_results WHERE order_id = ? AND panel_id = ? AND code = ?"
                          " AND superseded_at IS NULL AND value = ? AND result_status = ? AND value_type = ?"
                          " AND unit <=> ? AND reference_range <=> ? AND abnormal_flag <=> ?",
                          "iisssssss", order_id, panel_id, it->code, it->value, it->status, it->value_type,
                          or_null(it->unit), or_null(it->range), or_null(it->flag));
        if (same < 0) return -1;
        if (same == 1) return 0;
        if (db_exec("UPDATE lab_results SET superseded_at = NOW() WHERE order_id = ? AND panel_id = ? AND code = ?"
                    " AND superseded_at IS NULL", "iis", order_id, panel_id, it->code) < 0)
            return -1;
    }
    if (db_exec("INSERT INTO lab_results (order_id, panel_id, seq, code, name, value_type, value, unit,"
                " reference_range, abnormal_flag, method, result_status, observed_at, comment, import_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "iiisssssssssssi", order_id, panel_id,
                (long long)it->seq, it->code, it->name, it->value_type, it->value, or_null(it->unit),
                or_null(it->range), or_null(it->flag), or_null(it->method), it->status, or_null(it->observed),
                or_null(it->comment), import_id) < 0)
        return -1;
    (*stored)++;
    return 0;
}

/* Every panel the message orders (each OBR), with its OBR-25 status, also
 * before any result of it exists: the expected time is computed from them. */
static int store_panels(long long order_id)
{
    for (int s = hl7_find(&msg, "OBR", 0); s >= 0; s = hl7_find(&msg, "OBR", s + 1)) {
        char code[33], name[65], status[4];
        if (hl7_get(&msg, s, 4, 0, 1, 0, code, sizeof(code)) <= 0) continue;
        if (hl7_get(&msg, s, 4, 0, 2, 0, name, sizeof(name)) <= 0) snprintf(name, sizeof(name), "%s", code);
        if (hl7_get(&msg, s, 25, 0, 0, 0, status, sizeof(status)) < 0) status[0] = 0;
        status[1] = 0;
        if (db_exec("INSERT INTO lab_panels (order_id, code, name, status) VALUES (?, ?, ?, ?)"
                    " ON DUPLICATE KEY UPDATE name = VALUES(name), status = COALESCE(VALUES(status), status)",
                    "isss", order_id, code, name, status[0] ? status : NULL) < 0)
            return -1;
    }
    return 0;
}

/* The report became final (or was corrected) and its patient has not been
 * told yet: one message, keyed by the barcode, so never twice. */
static int notify_final(HDF *tmp, long long order_id)
{
    if (strcmp(rep.status, "final") && strcmp(rep.status, "corrected")) return 0;
    const char *mobile = hdf_get_value(tmp, "O.notify_mobile", "");
    if (!hdf_get_int_value(tmp, "O.unnotified", 0) || strlen(mobile) != 11) return 0;
    char key[64], panels[200] = "";
    snprintf(key, sizeof(key), "report_final:%s", rep.barcode);
    for (int i = 0; i < rep.nitems; i++) {
        const char *name = rep.items[i].panel_name;
        if (i > 0 && !strcmp(name, rep.items[i - 1].panel_name)) continue;
        if (strstr(panels, name)) continue;
        if (strlen(panels) + strlen(name) + 4 >= sizeof(panels)) break;
        if (panels[0]) strcat(panels, "、");
        strcat(panels, name);
    }
    if (outbox_queue(key, "report_final", mobile, 0, "barcode", rep.barcode, "panels", panels, NULL) ||
        db_exec("UPDATE lab_orders SET final_notified_at = NOW() WHERE id = ?", "i", order_id) < 0)
        return -1;
    return 0;
}

/* The one transaction of a message.  The control id is looked up with a
 * plain (non-locking) read: a locking read of a key that does not exist
 * takes a gap lock, and two such transactions inserting next to each other
 * deadlock.  Two copies of one message at once: the second INSERT waits for
 * the first and fails as a duplicate key (1062), and the retry finds it. */
static enum lis_state store(HDF *tmp, const char *hash, const char *source, struct lis_outcome *o)
{
    int stored = 0;
    long long order_id, import_id;
    int seen = db_row(tmp, "D", "SELECT content_hash FROM lab_imports WHERE sending_app = ? AND control_id = ?",
                      "ss", rep.sending_app, rep.control_id);
    if (seen < 0) return LIS_FAILED;
    if (seen == 1) {
        if (!strcmp(hdf_get_value(tmp, "D.content_hash", ""), hash)) return LIS_DUPLICATE;
        struct hl7_error e = {.segment = "MSH", .segment_index = 1, .field = 10, .code = 205};
        snprintf(e.text, sizeof(e.text), "this control id came before with other content");
        refuse(o, source, &e, 0);
        return LIS_REFUSED;
    }
    if (db_begin()) return LIS_FAILED;
    if (db_exec("INSERT INTO lab_imports (sending_app, control_id, content_hash, barcode, source)"
                " VALUES (?, ?, ?, ?, ?)", "sssss", rep.sending_app, rep.control_id, hash, rep.barcode, source) < 0)
        return LIS_FAILED;
    import_id = db_last_insert_id();
    if (store_order(tmp, &order_id) || store_panels(order_id)) return LIS_FAILED;
    for (int i = 0; i < rep.nitems; i++)
        if (store_item(tmp, order_id, import_id, &rep.items[i], hdf_get_int_value(tmp, "O.fresh", 0), &stored))
            return LIS_FAILED;
    if (notify_final(tmp, order_id) ||
        db_exec("UPDATE lab_imports SET items = ? WHERE id = ?", "ii", (long long)stored, import_id) < 0 ||
        db_commit())
        return LIS_FAILED;
    o->items = stored;
    return LIS_STORED;
}

enum lis_state lis_import(const char *data, size_t len, const char *source, struct lis_outcome *o)
{
    char hash[65];
    HDF *tmp;
    memset(o, 0, sizeof(*o));
    panel_order = 0;
    lis_msh(data, len, o);
    if (hl7_parse(data, len, &msg)) {
        refuse(o, source, &msg.error, 1);
        return o->state;
    }
    if (oru_map(&msg, &rep)) {
        /* a message that is not an ORU^R01 at all is rejected; one whose
         * content is wrong is an application error */
        refuse(o, source, &rep.error, !strcmp(rep.error.segment, "MSH") && rep.error.field == 9);
        return o->state;
    }
    snprintf(o->control_id, sizeof(o->control_id), "%s", rep.control_id);
    snprintf(o->barcode, sizeof(o->barcode), "%s", rep.barcode);
    char *copy = strndup(data, len);
    if (!copy || hdf_init(&tmp)) {
        free(copy);
        o->state = LIS_FAILED;
        return o->state;
    }
    sha256_hex(copy, hash);
    free(copy);
    /* Two messages at once (a listener's workers) may meet on a lock: the
     * loser's transaction is rolled back by MariaDB and tried again. */
    for (int attempt = 0; attempt < 5; attempt++) {
        o->state = store(tmp, hash, source, o);
        if (o->state != LIS_FAILED || (db_errno() != 1213 && db_errno() != 1205 && db_errno() != 1062)) break;
        if (db_in_transaction()) db_rollback();
        panel_order = 0;
    }
    if (db_in_transaction()) db_rollback();
    hdf_destroy(&tmp);
    return o->state;
}

void lis_line(const struct lis_outcome *o, char *out, size_t outlen)
{
    const char *id = o->control_id[0] ? o->control_id : "-";
    switch (o->state) {
    case LIS_STORED: snprintf(out, outlen, "%s %s %d stored", id, o->barcode, o->items); break;
    case LIS_DUPLICATE: snprintf(out, outlen, "%s %s 0 duplicate", id, o->barcode); break;
    case LIS_REFUSED: snprintf(out, outlen, "%s refused %s", id, o->why); break;
    default: snprintf(out, outlen, "%s error database", id); break;
    }
}

/* Text put into an ACK field: HL7 escapes for the separators ^~\&|, other
 * control bytes dropped. */
static void ack_text(STRING *s, const char *in)
{
    for (; *in; in++) {
        unsigned char c = (unsigned char)*in;
        if (c == '|') string_append(s, "\\F\\");
        else if (c == '^') string_append(s, "\\S\\");
        else if (c == '~') string_append(s, "\\R\\");
        else if (c == '&') string_append(s, "\\T\\");
        else if (c == '\\') string_append(s, "\\E\\");
        else if (c >= 0x20 && c != 0x7f) string_append_char(s, (char)c);
    }
}

size_t lis_ack(const struct lis_outcome *o, const char *now, const char *ack_id, char *out, size_t outlen)
{
    STRING s;
    string_init(&s);
    const char *code = o->state == LIS_STORED || o->state == LIS_DUPLICATE ? "AA" : o->rejected ? "AR" : "AE";
    string_append(&s, "MSH|^~\\&|");
    ack_text(&s, o->msh_to_app[0] ? o->msh_to_app : "PORTAL");
    string_append(&s, "|");
    ack_text(&s, o->msh_to_facility);
    string_append(&s, "|");
    ack_text(&s, o->msh_app);
    string_append(&s, "|");
    ack_text(&s, o->msh_facility);
    string_appendf(&s, "|%s||ACK^R01^ACK|", now);
    ack_text(&s, ack_id);
    string_append(&s, "|");
    ack_text(&s, o->msh_processing[0] ? o->msh_processing : "P");
    string_append(&s, "|");
    ack_text(&s, o->msh_version[0] ? o->msh_version : "2.5.1");
    string_appendf(&s, "\rMSA|%s|", code);
    ack_text(&s, o->control_id);
    if (o->state == LIS_REFUSED || o->state == LIS_FAILED) {
        const struct hl7_error *e = &o->error;
        int errcode = o->state == LIS_FAILED ? 207 : e->code ? e->code : 207;
        const char *seg = o->state == LIS_FAILED ? "" : e->segment[0] ? e->segment : "MSH";
        const char *text = o->state == LIS_FAILED ? "database unavailable, send again" : e->text;
        string_append(&s, "|");
        ack_text(&s, text);
        /* ERR-1 (v2.3: segment^sequence^field^code&text), ERR-2 (v2.5
         * location), ERR-3 (HL7 table 0357 code), ERR-4 severity, ERR-8 text */
        string_appendf(&s, "\rERR|%s^%d^%d^%d&", seg, e->segment_index, e->field, errcode);
        ack_text(&s, text);
        string_appendf(&s, "&HL70357|%s^%d^%d|%d^", seg, e->segment_index, e->field, errcode);
        ack_text(&s, text);
        string_append(&s, "^HL70357|E||||");
        ack_text(&s, text);
    }
    string_append(&s, "\r");
    size_t n = (size_t)s.len < outlen ? (size_t)s.len : outlen - 1;
    memcpy(out, s.buf ? s.buf : "", n);
    out[n] = 0;
    string_clear(&s);
    return n;
}
