/*
 * portal-lis - imports lab results sent by the LIS as HL7 v2 ORU^R01
 * (cgi/core/hl7.c parses, oru.c maps) into the lab tables (sql/009).
 *
 *   portal-lis --db-socket S --db-user portal_lis --db-password-file F FILE...
 *   (no FILE, or "-": standard input)
 *
 * A file may hold several messages, MLLP-framed or not, in batches or not.
 * Each message is stored in one transaction or not at all, and printed as
 * one line: "<control id> <barcode> <items> stored", "... duplicate", or
 * "<control id> refused <segment>-<field>: <why>".  The same message twice
 * changes nothing (lab_imports keys it by MSH-3 and MSH-10).  A result is
 * never overwritten: a newer one (a correction, OBX-11 'C', or a final after
 * a preliminary) marks the earlier one superseded.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "portal.h"
#include "oru.h"

static struct hl7_message msg;
static struct lab_report rep;

static const char *or_null(const char *s) { return s && *s ? s : NULL; }

static void refusal(const char *control_id, const char *segment, int field, const char *text)
{
    char why[256];
    snprintf(why, sizeof(why), "%s-%d: %s", segment[0] ? segment : "MSH", field, text);
    printf("%s refused %s\n", control_id[0] ? control_id : "-", why);
    db_exec("INSERT INTO lab_import_refusals (control_id, error, source) VALUES (?, ?, 'file')", "ss",
            or_null(control_id), why);
}

/* The order row, created or brought up to date; its id into *id. */
static int store_order(HDF *tmp, long long *id)
{
    if (db_exec("INSERT INTO lab_orders (barcode, patient_name, patient_sex, birth_date, mobile_last4, patient_id,"
                " department, ordering_doctor, specimen_type, collected_at, received_at, reported_at, status,"
                " corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(? = 'corrected', NOW(), NULL))"
                " ON DUPLICATE KEY UPDATE patient_name = VALUES(patient_name), patient_sex = VALUES(patient_sex),"
                " birth_date = COALESCE(VALUES(birth_date), birth_date),"
                " mobile_last4 = COALESCE(VALUES(mobile_last4), mobile_last4),"
                " patient_id = COALESCE(VALUES(patient_id), patient_id),"
                " department = COALESCE(VALUES(department), department),"
                " ordering_doctor = COALESCE(VALUES(ordering_doctor), ordering_doctor),"
                " specimen_type = COALESCE(VALUES(specimen_type), specimen_type),"
                " collected_at = COALESCE(VALUES(collected_at), collected_at),"
                " received_at = COALESCE(VALUES(received_at), received_at),"
                " reported_at = COALESCE(VALUES(reported_at), reported_at),"
                " corrected_at = IF(VALUES(status) = 'corrected', NOW(), corrected_at), status = VALUES(status)",
                "ssssssssssssss", rep.barcode, rep.patient_name[0] ? rep.patient_name : "-", rep.sex,
                or_null(rep.birth_date), or_null(rep.mobile_last4), or_null(rep.patient_id), or_null(rep.department),
                or_null(rep.doctor), or_null(rep.specimen), or_null(rep.collected), or_null(rep.received),
                or_null(rep.reported), rep.status, rep.status) < 0)
        return -1;
    if (db_row(tmp, "O", "SELECT id FROM lab_orders WHERE barcode = ?", "s", rep.barcode) != 1) return -1;
    *id = hdf_get_int_value(tmp, "O.id", 0);
    return 0;
}

/* One item: unless the current value is the same, it is inserted and the
 * current one of the same test marked superseded. */
static int store_item(HDF *tmp, long long order_id, long long import_id, const struct lab_item *it, int *stored)
{
    if (db_exec("INSERT INTO lab_panels (order_id, code, name) VALUES (?, ?, ?)"
                " ON DUPLICATE KEY UPDATE name = VALUES(name)", "iss", order_id, it->panel_code, it->panel_name) < 0 ||
        db_row(tmp, "P", "SELECT id FROM lab_panels WHERE order_id = ? AND code = ?", "is", order_id,
               it->panel_code) != 1)
        return -1;
    long long panel_id = hdf_get_int_value(tmp, "P.id", 0);
    int same = db_row(tmp, "S", "SELECT id FROM lab_results WHERE order_id = ? AND panel_id = ? AND code = ?"
                      " AND superseded_at IS NULL AND value = ? AND result_status = ? AND value_type = ?"
                      " AND unit <=> ? AND reference_range <=> ? AND abnormal_flag <=> ?",
                      "iisssssss", order_id, panel_id, it->code, it->value, it->status, it->value_type,
                      or_null(it->unit), or_null(it->range), or_null(it->flag));
    if (same < 0) return -1;
    if (same == 1) return 0;
    if (db_exec("UPDATE lab_results SET superseded_at = NOW() WHERE order_id = ? AND panel_id = ? AND code = ?"
                " AND superseded_at IS NULL", "iis", order_id, panel_id, it->code) < 0 ||
        db_exec("INSERT INTO lab_results (order_id, panel_id, seq, code, name, value_type, value, unit,"
                " reference_range, abnormal_flag, method, result_status, observed_at, comment, import_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "iiisssssssssssi", order_id, panel_id,
                (long long)it->seq, it->code, it->name, it->value_type, it->value, or_null(it->unit),
                or_null(it->range), or_null(it->flag), or_null(it->method), it->status, or_null(it->observed),
                or_null(it->comment), import_id) < 0)
        return -1;
    (*stored)++;
    return 0;
}

/* One message, all or nothing.  0 stored or duplicate, 1 refused, -1 the
 * database failed. */
static int import_one(const char *data, size_t len)
{
    char hash[65];
    HDF *tmp;
    if (hl7_parse(data, len, &msg)) {
        char control[65] = "";
        refusal(control, msg.error.segment, msg.error.field, msg.error.text);
        return 1;
    }
    if (oru_map(&msg, &rep)) {
        refusal(rep.control_id, rep.error.segment, rep.error.field, rep.error.text);
        return 1;
    }
    char *copy = strndup(data, len);
    if (!copy) return -1;
    sha256_hex(copy, hash);
    free(copy);
    if (hdf_init(&tmp)) return -1;
    int rc = -1, stored = 0;
    long long order_id, import_id;
    if (db_begin()) goto out;
    int seen = db_row(tmp, "D", "SELECT content_hash FROM lab_imports WHERE sending_app = ? AND control_id = ?"
                      " FOR UPDATE", "ss", rep.sending_app, rep.control_id);
    if (seen < 0) goto out;
    if (seen == 1) {
        db_rollback();
        int same = !strcmp(hdf_get_value(tmp, "D.content_hash", ""), hash);
        if (same) printf("%s %s 0 duplicate\n", rep.control_id, rep.barcode);
        else refusal(rep.control_id, "MSH", 10, "this control id came before with other content");
        rc = same ? 0 : 1;
        goto out;
    }
    if (db_exec("INSERT INTO lab_imports (sending_app, control_id, content_hash, barcode, source)"
                " VALUES (?, ?, ?, ?, 'file')", "ssss", rep.sending_app, rep.control_id, hash, rep.barcode) < 0)
        goto out;
    import_id = db_last_insert_id();
    if (store_order(tmp, &order_id)) goto out;
    for (int i = 0; i < rep.nitems; i++)
        if (store_item(tmp, order_id, import_id, &rep.items[i], &stored)) goto out;
    if (db_exec("UPDATE lab_imports SET items = ? WHERE id = ?", "ii", (long long)stored, import_id) < 0 ||
        db_commit())
        goto out;
    printf("%s %s %d stored\n", rep.control_id, rep.barcode, stored);
    rc = 0;
out:
    if (db_in_transaction()) db_rollback();
    if (rc < 0) printf("%s error database\n", rep.control_id[0] ? rep.control_id : "-");
    hdf_destroy(&tmp);
    return rc;
}

static char *read_all(FILE *f, size_t *size)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
        if (n == cap) {
            char *bigger = cap < (64u << 20) ? realloc(buf, cap * 2) : NULL;
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    *size = n;
    return buf;
}

static int import_stream(FILE *f, const char *name)
{
    size_t size, pos = 0, len;
    const char *start;
    int worst = 0;
    char *data = read_all(f, &size);
    if (!data) {
        fprintf(stderr, "portal-lis: %s: cannot read\n", name);
        return 2;
    }
    while (hl7_next(data, size, &pos, &start, &len)) {
        int rc = import_one(start, len);
        if (rc < 0) worst = 2;
        else if (rc > 0 && worst == 0) worst = 1;
    }
    free(data);
    fflush(stdout);
    return worst;
}

int main(int argc, char **argv)
{
    extern const char *log_program;
    log_program = "lis";
    setenv("TZ", "Asia/Shanghai", 1);
    char *rest[32];
    int nrest = 0;
    rest[nrest++] = argv[0];
    rest[nrest++] = "--socket";
    rest[nrest++] = "-";
    for (int i = 1; i < argc && nrest < 30; i++) rest[nrest++] = argv[i];
    rest[nrest] = NULL;
    if (config_parse(nrest, rest) || sodium_init() < 0) return 2;
    if (db_connect()) return 2;
    int worst = 0;
    if (optind >= nrest) worst = import_stream(stdin, "-");
    for (int i = optind; i < nrest; i++) {
        FILE *f = strcmp(rest[i], "-") ? fopen(rest[i], "rb") : stdin;
        if (!f) {
            perror(rest[i]);
            worst = 2;
            continue;
        }
        int rc = import_stream(f, rest[i]);
        if (f != stdin) fclose(f);
        if (rc > worst) worst = rc;
    }
    db_close();
    return worst;
}
