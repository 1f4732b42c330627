/*
 * office.c - the lab's pages under /office/lab/ (检验科): HL7 messages
 * pasted and imported through the same import as the LIS's files and MLLP
 * (cgi/core/lisimport.c), the recent imports and refusals, and the
 * published turnaround times (取报告时间), edited one panel at a time, each
 * change audited in its transaction.  Messages come pasted into the text
 * area or as a file (the form is multipart/form-data, ROUTE_FORM_UPLOAD).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "reports.h"
#include "hl7.h"
#include "lisimport.h"

enum { U_MESSAGE };
static const struct field upload_fields[] = {
    [U_MESSAGE] = {"message", FIELD_MULTILINE, 0, 8, 400000, NULL, "Lab.message", NULL},
    {0},
};

static int lab_lists(struct request *r)
{
    if (db_rows(r->hdf, "Imports",
                "SELECT DATE_FORMAT(received_at, '%m-%d %H:%i:%s') AS at, sending_app, control_id, barcode, items,"
                " source FROM lab_imports ORDER BY received_at DESC, id DESC LIMIT 12", "") < 0 ||
        db_rows(r->hdf, "Refusals",
                "SELECT DATE_FORMAT(received_at, '%m-%d %H:%i:%s') AS at, control_id, error, source"
                " FROM lab_import_refusals ORDER BY received_at DESC, id DESC LIMIT 12", "") < 0)
        return -1;
    return 0;
}

/* GET /office/lab/ */
int office_lab(struct request *r)
{
    if (lab_lists(r)) return 500;
    return render(r, "reports/office_lab.cs");
}

/* POST /office/lab/upload : every message of the pasted text imported on
 * its own (all or nothing each), one line of outcome per message. */
int office_lab_upload(struct request *r)
{
    static const char *const states[] = {"stored", "duplicate", "refused", "failed"};
    struct form f;
    if (form_read(r, upload_fields, &f)) {
        r->status = 422;
        return office_lab(r);
    }
    /* a file (multipart, read by core upload.c) is taken as it is: the
     * importer checks every byte (a character set other than UTF-8 is
     * refused by its MSH-18), and a BOM or bare CRs are HL7's own */
    const char *file = hdf_get_value(r->private_hdf, "Upload.file.data", NULL);
    const char *text = file && *file ? file : f.v[U_MESSAGE].text;
    if (!text) {
        form_error(r, &f, U_MESSAGE, "no_hl7_message");
        r->status = 422;
        return office_lab(r);
    }
    size_t size = strlen(text), pos = 0, len;
    const char *start;
    int n = 0, stored = 0, refused = 0;
    char key[64], line[400];
    while (strstr(text, "MSH") && hl7_next(text, size, &pos, &start, &len) && n < 500) {
        struct lis_outcome o;
        enum lis_state st = lis_import(start, len, "upload", &o);
        lis_line(&o, line, sizeof(line));
        snprintf(key, sizeof(key), "Results.%d.state", n);
        hdf_set_value(r->hdf, key, states[st]);
        snprintf(key, sizeof(key), "Results.%d.line", n);
        hdf_set_value(r->hdf, key, line);
        n++;
        if (st == LIS_STORED || st == LIS_DUPLICATE) stored++;
        else refused++;
    }
    if (n == 0) {
        form_error(r, &f, U_MESSAGE, "no_hl7_message");
        r->status = 422;
        return office_lab(r);
    }
    char after[128];
    snprintf(after, sizeof(after), "{\"messages\": %d, \"stored\": %d, \"refused\": %d}", n, stored, refused);
    if (db_begin() || audit_record(r, "upload", "lab_imports", 0, NULL, after) || db_commit()) return 500;
    hdf_set_int_value(r->hdf, "Upload.count", n);
    return office_lab(r);
}

enum { T_CODE, T_MINUTES, T_NOTE };
static const struct field turnaround_fields[] = {
    [T_CODE] = {"code", FIELD_TEXT, 1, 1, 32, NULL, "Reports.panel", NULL},
    [T_MINUTES] = {"minutes", FIELD_INT, 1, 1, 14 * 24 * 60, NULL, "Lab.minutes", NULL},
    [T_NOTE] = {"note", FIELD_TEXT, 0, 0, 128, NULL, "Lab.note", NULL},
    {0},
};

static const char turnaround_snapshot[] =
    "SELECT JSON_OBJECT('panel_code', panel_code, 'panel_name', panel_name, 'minutes', minutes, 'note', note)"
    " AS snapshot FROM lab_turnaround WHERE panel_code = ?";

/* GET /office/lab/turnaround */
int office_lab_turnaround(struct request *r)
{
    if (db_rows(r->hdf, "Turnaround", "SELECT panel_code, panel_name, minutes, note FROM lab_turnaround"
                " ORDER BY panel_name", "") < 0)
        return 500;
    const char *done = req_param(r, "done");
    if (done && !strcmp(done, "saved")) hdf_set_value(r->hdf, "Done", done);
    return render(r, "reports/office_turnaround.cs");
}

/* POST /office/lab/turnaround : one panel's time, audited. */
int office_lab_turnaround_update(struct request *r)
{
    struct form f;
    if (form_read(r, turnaround_fields, &f)) {
        r->status = 422;
        return office_lab_turnaround(r);
    }
    const char *code = f.v[T_CODE].text;
    if (db_begin()) return 503;
    int found = db_row(r->private_hdf, "Before", "SELECT JSON_OBJECT('panel_code', panel_code, 'panel_name',"
                       " panel_name, 'minutes', minutes, 'note', note) AS snapshot FROM lab_turnaround"
                       " WHERE panel_code = ? FOR UPDATE", "s", code);
    if (found <= 0) {
        db_rollback();
        return found < 0 ? 500 : 404;
    }
    if (db_exec("UPDATE lab_turnaround SET minutes = ?, note = ? WHERE panel_code = ?", "iss",
                f.v[T_MINUTES].number, f.v[T_NOTE].text, code) < 0 ||
        db_row(r->private_hdf, "After", turnaround_snapshot, "s", code) != 1 ||
        audit_record(r, "update", "lab_turnaround", 0, hdf_get_value(r->private_hdf, "Before.snapshot", NULL),
                     hdf_get_value(r->private_hdf, "After.snapshot", NULL)) ||
        db_commit()) {
        db_rollback();
        return 500;
    }
    return redirect(r, "/office/lab/turnaround?done=saved");
}
