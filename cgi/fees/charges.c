/*
 * fees/charges.c - the fee items and deposits of inpatient stays and
 * outpatient visits, imported from HIS exports (CSV, see the README).
 *
 * Each line carries the HIS's own line id: a line already stored is left
 * as it is, so the same file (or an export that overlaps the last one)
 * can be imported again.  The stay or visit is created or brought up to
 * date from the line's columns.  Every row is checked first; one bad row
 * and nothing is stored.  One transaction for the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fees.h"
#include "csvio.h"
#include "amount.h"

enum { K_KIND, K_NUMBER, K_NAME, K_MOBILE, K_IDNO, K_DEPT, K_WARD, K_BED, K_ADMITTED, K_DISCHARGED,
       K_LINE, K_DATE, K_CODE, K_ITEM, K_SPEC, K_UNIT, K_PRICE, K_QTY, K_AMOUNT, K_CLASS,
       K_PAID_AT, K_METHOD, K_COUNT };
static const char *const names[K_COUNT] = {
    "类型", "号码", "姓名", "手机号", "身份证号", "科室", "病区", "床号", "入院时间", "出院时间",
    "行号", "日期", "项目编码", "项目名称", "规格", "单位", "单价", "数量", "金额", "医保类别",
    "缴费时间", "方式",
};

struct charges {
    int deposits;
    int col[K_COUNT];
    int header_seen;
    int bad, stored, duplicates;
    HDF *report;
    int failed;     /* the database */
};

static void bad_row(struct charges *c, long line, const char *code, const char *detail)
{
    if (c->bad < 200) {
        char key[32];
        HDF *node = NULL;
        snprintf(key, sizeof(key), "Bad.%d", c->bad);
        hdf_get_node(c->report, key, &node);
        hdf_set_int_value(node, "line", (int)line);
        hdf_set_value(node, "code", code);
        if (detail) hdf_set_value(node, "detail", detail);
    }
    c->bad++;
}

static const char *col(const struct charges *c, const struct csv_row *row, int k)
{
    int i = c->col[k];
    return i >= 0 && i < row->count ? row->field[i] : "";
}

/* "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DD" as a DATETIME, or 0. */
static int datetime_ok(const char *s, char out[20])
{
    char d[11], local[17];
    size_t n = strlen(s);
    if (n == 10) {
        if (!parse_date(s, d)) return 0;
        snprintf(out, 20, "%s 00:00:00", d);
        return 1;
    }
    if (n != 16 && n != 19) return 0;
    memcpy(local, s, 16);
    local[16] = 0;
    local[10] = 'T';
    if (!parse_datetime_local(local, out)) return 0;
    if (n == 19) {
        if (s[16] != ':' || s[17] < '0' || s[17] > '5' || s[18] < '0' || s[18] > '9') return 0;
        memcpy(out + 16, s + 16, 3);
    }
    return 1;
}

static const char *last4(const char *s, char out[5])
{
    size_t n = strlen(s);
    if (n < 4) return NULL;
    memcpy(out, s + n - 4, 4);
    out[4] = 0;
    return out;
}

static int on_charge(const struct csv_row *row, void *data)
{
    struct charges *c = data;
    if (!c->header_seen) {
        for (int k = 0; k < K_COUNT; k++) {
            c->col[k] = -1;
            for (int i = 0; i < row->count; i++)
                if (!strcmp(row->field[i], names[k])) c->col[k] = i;
        }
        c->header_seen = 1;
        static const int charge_needs[] = {K_KIND, K_NUMBER, K_NAME, K_LINE, K_DATE, K_ITEM, K_PRICE, K_QTY, -1};
        static const int deposit_needs[] = {K_KIND, K_NUMBER, K_LINE, K_PAID_AT, K_AMOUNT, -1};
        for (const int *k = c->deposits ? deposit_needs : charge_needs; *k >= 0; k++)
            if (c->col[*k] < 0) bad_row(c, row->line, "missing_column", names[*k]);
        return 0;
    }
    if (c->bad || c->failed) {
        /* still check the rest, to report every bad row, but store nothing */
    }
    const char *kind_text = col(c, row, K_KIND), *kind;
    if (!strcmp(kind_text, "住院") || !strcmp(kind_text, "inpatient")) kind = "inpatient";
    else if (!strcmp(kind_text, "门诊") || !strcmp(kind_text, "outpatient")) kind = "outpatient";
    else return bad_row(c, row->line, "kind_bad", kind_text), 0;
    const char *number = col(c, row, K_NUMBER), *line_id = col(c, row, K_LINE);
    size_t n = strlen(number);
    if (n < 4 || n > 20 || strspn(number, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != n)
        return bad_row(c, row->line, "number_bad", number), 0;
    n = strlen(line_id);
    if (n < 1 || n > 40 || text_has_control(line_id, 0)) return bad_row(c, row->line, "line_id_bad", NULL), 0;
    if (c->deposits) {
        char paid[20];
        long long fen;
        if (!datetime_ok(col(c, row, K_PAID_AT), paid)) return bad_row(c, row->line, "date_bad", col(c, row, K_PAID_AT)), 0;
        if (!amount_parse_signed(col(c, row, K_AMOUNT), &fen)) return bad_row(c, row->line, "amount_bad", col(c, row, K_AMOUNT)), 0;
        if (c->bad || c->failed) return 0;
        HDF *tmp = NULL;
        hdf_init(&tmp);
        int found = db_row(tmp, "A", "SELECT id FROM fee_accounts WHERE kind = ? AND number = ?", "ss", kind, number);
        long long id = hdf_get_int_value(tmp, "A.id", 0);
        hdf_destroy(&tmp);
        if (found < 0) return c->failed = 1, 0;
        if (!found) return bad_row(c, row->line, "account_unknown", number), 0;
        long long rc = db_exec("INSERT IGNORE INTO fee_deposits (his_line_id, account_id, paid_at, amount_fen, method)"
                               " VALUES (?, ?, ?, ?, ?)", "sisis", line_id, id, paid, fen, col(c, row, K_METHOD));
        if (rc < 0) return c->failed = 1, 0;
        if (rc) c->stored++;
        else c->duplicates++;
        return 0;
    }
    char admitted[20], discharged[20], served[11], m4[5], i4[5];
    long long price, qty, amount;
    const char *dis = col(c, row, K_DISCHARGED), *name = col(c, row, K_NAME), *item = col(c, row, K_ITEM);
    const char *cls = col(c, row, K_CLASS);
    if (utf8_chars(name) < 1 || utf8_chars(name) > 64) return bad_row(c, row->line, "name_bad", NULL), 0;
    if (!datetime_ok(col(c, row, K_ADMITTED), admitted)) return bad_row(c, row->line, "date_bad", col(c, row, K_ADMITTED)), 0;
    if (*dis && !datetime_ok(dis, discharged)) return bad_row(c, row->line, "date_bad", dis), 0;
    if (!parse_date(col(c, row, K_DATE), served)) return bad_row(c, row->line, "date_bad", col(c, row, K_DATE)), 0;
    if (utf8_chars(item) < 1 || utf8_chars(item) > 200 || text_has_control(item, 0)) return bad_row(c, row->line, "name_bad", NULL), 0;
    if (!amount_parse_signed(col(c, row, K_PRICE), &price)) return bad_row(c, row->line, "price_bad", col(c, row, K_PRICE)), 0;
    if (!quantity_parse(col(c, row, K_QTY), &qty)) return bad_row(c, row->line, "quantity_bad", col(c, row, K_QTY)), 0;
    if (!amount_times(price, qty, &amount)) return bad_row(c, row->line, "amount_bad", NULL), 0;
    if (*col(c, row, K_AMOUNT)) {
        long long given;
        if (!amount_parse_signed(col(c, row, K_AMOUNT), &given) || given != amount)
            return bad_row(c, row->line, "amount_mismatch", col(c, row, K_AMOUNT)), 0;
    }
    if (*cls && strcmp(cls, "甲") && strcmp(cls, "乙") && strcmp(cls, "丙")) return bad_row(c, row->line, "class_bad", cls), 0;
    if (c->bad || c->failed) return 0;
    if (db_exec("INSERT INTO fee_accounts (kind, number, patient_name, mobile_last4, id_last4, department, ward, bed,"
                " admitted_at, discharged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON DUPLICATE KEY UPDATE patient_name = VALUES(patient_name),"
                " mobile_last4 = COALESCE(VALUES(mobile_last4), mobile_last4), id_last4 = COALESCE(VALUES(id_last4), id_last4),"
                " department = VALUES(department), ward = VALUES(ward), bed = VALUES(bed),"
                " admitted_at = VALUES(admitted_at), discharged_at = VALUES(discharged_at)",
                "ssssssssss", kind, number, name, last4(col(c, row, K_MOBILE), m4), last4(col(c, row, K_IDNO), i4),
                col(c, row, K_DEPT), col(c, row, K_WARD), col(c, row, K_BED), admitted, *dis ? discharged : NULL) < 0)
        return c->failed = 1, 0;
    long long rc = db_exec("INSERT IGNORE INTO fee_account_items (his_line_id, account_id, served_on, his_code, name, spec, unit,"
                           " unit_price_fen, quantity_milli, amount_fen, insurance_class)"
                           " SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM fee_accounts WHERE kind = ? AND number = ?",
                           "ssssssiiisss", line_id, served, col(c, row, K_CODE), item, col(c, row, K_SPEC),
                           col(c, row, K_UNIT), price, qty, amount, *cls ? cls : NULL, kind, number);
    if (rc < 0) return c->failed = 1, 0;
    if (rc) c->stored++;
    else c->duplicates++;
    return 0;
}

/* Returns 0 when the file was read (report: stored, duplicates, Bad.N;
 * any bad row: nothing stored), -1 with err otherwise. */
int fees_import_charges(const char *csv, size_t len, const char *encoding, int deposits,
                        HDF *report, char *err, size_t errlen)
{
    struct charges c = {.deposits = deposits, .report = report};
    err[0] = 0;
    if (db_begin()) return snprintf(err, errlen, "database error"), -1;
    int rc = csv_read(csv, len, encoding, on_charge, &c, err, errlen);
    if (rc == 0 && c.failed) snprintf(err, errlen, "database error"), rc = -1;
    if (rc == 0 && !c.bad && db_commit()) snprintf(err, errlen, "database error"), rc = -1;
    if (db_in_transaction()) db_rollback();
    hdf_set_int_value(report, "stored", c.bad ? 0 : c.stored);
    hdf_set_int_value(report, "duplicates", c.bad ? 0 : c.duplicates);
    hdf_set_int_value(report, "bad", c.bad);
    return rc ? -1 : 0;
}
