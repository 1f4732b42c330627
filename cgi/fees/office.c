/*
 * fees/office.c - the office imports a price list (/office/fees/): the CSV
 * file exported from the HIS (UTF-8 with or without a BOM, or GBK: read as
 * the office says, or found out), or the list pasted in; first a dry run that shows what would
 * be added, changed (old -> new) and ended, then applied (import.c), with
 * the audit record of the import and, if asked, the 价格调整 notice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "fees.h"

static const char *const actions[] = {"dry_run", "apply", NULL};
static const char *const encodings[] = {"auto", "UTF-8", "GBK", NULL};
enum { I_CSV, I_EFFECTIVE, I_NOTICE, I_ACTION, I_ENCODING };
static const struct field import_fields[] = {
    [I_CSV] = {"csv", FIELD_MULTILINE, 0, 1, 400000, NULL, "Fees.csv"},
    [I_EFFECTIVE] = {"effective_on", FIELD_DATE, 1, 0, 0, NULL, "Fees.effective_on"},
    [I_NOTICE] = {"notice", FIELD_CHECKBOX, 0, 0, 0, NULL, "Fees.notice"},
    [I_ACTION] = {"action", FIELD_CHOICE, 1, 0, 0, actions, "Fees.action"},
    [I_ENCODING] = {"encoding", FIELD_CHOICE, 0, 0, 0, encodings, "Fees.encoding"},
    {0},
};

static void today(char out[11])
{
    time_t t = time(NULL);
    struct tm tm;
    strftime(out, 11, "%Y-%m-%d", localtime_r(&t, &tm));
}

static int page(struct request *r, int status)
{
    r->status = status;
    if (db_rows(r->hdf, "Imports", "SELECT id, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS at,"
                " DATE_FORMAT(effective_on, '%Y-%m-%d') AS effective_on, rows_read, added, changed, ended, notice_id"
                " FROM fee_imports ORDER BY id DESC LIMIT 10", "") < 0)
        return 500;
    return render(r, "fees/office.cs");
}

/* GET /office/fees/ */
int office_fees(struct request *r)
{
    char d[11];
    today(d);
    hdf_set_value(r->hdf, "Form.effective_on", d);
    return page(r, 200);
}

static const char *const charge_kinds[] = {"charges", "deposits", NULL};
enum { H_KIND, H_ENCODING };
static const struct field charge_fields[] = {
    [H_KIND] = {"kind", FIELD_CHOICE, 1, 0, 0, charge_kinds, "Fees.charge_kind"},
    [H_ENCODING] = {"encoding", FIELD_CHOICE, 0, 0, 0, encodings, "Fees.encoding"},
    {0},
};

/* POST /office/fees/charges : fee items or deposits of stays and visits,
 * the HIS's file (charges.c: idempotent by the HIS's line id, nothing
 * stored when a row is bad), audited. */
int office_fees_charges(struct request *r)
{
    struct form f;
    char err[256], summary[160], d[11];
    today(d);
    hdf_set_value(r->hdf, "Form.effective_on", d);
    if (form_read(r, charge_fields, &f)) return page(r, 422);
    const char *csv = hdf_get_value(r->private_hdf, "Upload.file.data", NULL);
    if (!csv || !*csv) {
        form_error(r, &f, H_KIND, "charges_file_missing");
        return page(r, 422);
    }
    HDF *report = NULL;
    hdf_get_node(r->hdf, "Charges", &report);
    hdf_set_value(report, "kind", f.v[H_KIND].text);
    int deposits = f.v[H_KIND].number == 1;
    if (fees_import_charges(csv, strlen(csv), f.v[H_ENCODING].text ? f.v[H_ENCODING].text : "auto", deposits,
                            report, err, sizeof(err))) {
        if (!strncmp(err, "line ", 5) || strstr(err, "not valid")) {
            form_error_text(r, &f, H_KIND, err);
            return page(r, 422);
        }
        return 500;
    }
    if (hdf_get_int_value(report, "bad", 0)) {
        form_error(r, &f, H_KIND, "rows_bad");
        return page(r, 422);
    }
    snprintf(summary, sizeof(summary), "{\"kind\":\"%s\",\"stored\":%d,\"duplicates\":%d}", f.v[H_KIND].text,
             hdf_get_int_value(report, "stored", 0), hdf_get_int_value(report, "duplicates", 0));
    if (hdf_get_int_value(report, "stored", 0) && audit_record(r, "import", "fee_charges", 0, NULL, summary))
        log_error("fees: audit record of a fee import failed");
    hdf_set_int_value(report, "done", 1);
    return page(r, 200);
}

/* POST /office/fees/import */
int office_fees_import(struct request *r)
{
    struct form f;
    char d[11], err[256];
    if (form_read(r, import_fields, &f)) return page(r, 422);
    today(d);
    const char *effective = f.v[I_EFFECTIVE].datetime;
    if (strcmp(effective, d) > 0) {
        form_error(r, &f, I_EFFECTIVE, "effective_in_future");
        return page(r, 422);
    }
    int apply = f.v[I_ACTION].number == 1 ? (f.v[I_NOTICE].number ? 2 : 1) : 0;
    HDF *report = NULL;
    hdf_get_node(r->hdf, "Report", &report);
    struct fees_import out = {.report = report, .audit = r};
    /* the file, else what was pasted */
    const char *csv = hdf_get_value(r->private_hdf, "Upload.file.data", NULL);
    const char *encoding = f.v[I_ENCODING].text ? f.v[I_ENCODING].text : "auto";
    if (csv && !*csv) csv = NULL;
    if (csv) {
        hdf_set_value(r->hdf, "Upload.filename", hdf_get_value(r->private_hdf, "Upload.file.filename", ""));
    } else if (f.v[I_CSV].text) {
        csv = f.v[I_CSV].text;
        encoding = "UTF-8";
    } else {
        form_error(r, &f, I_CSV, "price_list_missing");
        return page(r, 422);
    }
    if (fees_import_prices(csv, strlen(csv), encoding, effective, apply, r->user.id, &out, err, sizeof(err))) {
        if (!strncmp(err, "line ", 5) || strstr(err, "not valid")) {
            form_error_text(r, &f, I_CSV, err);
            return page(r, 422);
        }
        return 500;
    }
    hdf_set_int_value(report, "rows", out.rows);
    hdf_set_int_value(report, "added", out.added);
    hdf_set_int_value(report, "changed", out.changed);
    hdf_set_int_value(report, "ended", out.ended);
    hdf_set_int_value(report, "unchanged", out.unchanged);
    hdf_set_int_value(report, "bad", out.bad);
    hdf_set_value(report, "mode", apply ? "applied" : "dry_run");
    if (out.bad) {
        form_error(r, &f, I_CSV, "rows_bad");
        return page(r, 422);
    }
    /* what was typed stays in the form, for the apply after a dry run */
    return page(r, 200);
}
