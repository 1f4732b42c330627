/*
 * fees/import.c - a price list from the HIS (CSV, see the README) checked
 * against the catalogue and, when asked, applied.
 *
 * The file is the whole list in force from `effective_on`: an item in it
 * is added (new, or offered again), changed (its price or another field
 * differs) or unchanged; a current item missing from it is ended.  Every
 * row is checked first; one bad row and nothing is applied, and each bad
 * row is reported with its line.  Applying is one transaction: the items,
 * their price history, their search tokens, the import's record and the
 * catalogue's version, and the 价格调整 notice when one is asked for.  The
 * same file again finds everything unchanged and writes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "fees.h"
#include "csvio.h"
#include "amount.h"

const char *const fee_categories[] = {
    "西药", "中成药", "中草药", "检查", "检验", "治疗", "手术", "材料", "床位", "护理", "其他", NULL,
};
static const char *const classes[] = {"甲", "乙", "丙", NULL};

enum { C_CODE, C_INSURANCE, C_NAME, C_CATEGORY, C_SPEC, C_UNIT, C_PRICE, C_CLASS, C_COUNT };
static const char *const headers[C_COUNT][4] = {
    [C_CODE] = {"项目编码", "编码", "his_code", NULL},
    [C_INSURANCE] = {"医保编码", "国家医保编码", "insurance_code", NULL},
    [C_NAME] = {"项目名称", "名称", "name", NULL},
    [C_CATEGORY] = {"类别", "分类", "category", NULL},
    [C_SPEC] = {"规格", "spec", NULL, NULL},
    [C_UNIT] = {"单位", "unit", NULL, NULL},
    [C_PRICE] = {"单价", "价格", "price", NULL},
    [C_CLASS] = {"医保类别", "医保等级", "insurance_class", NULL},
};

struct price_row {
    long line;
    char *f[C_COUNT];
    long long fen;
};

struct reading {
    int col[C_COUNT];
    int header_seen;
    struct price_row *rows;
    int count, cap;
    struct fees_import *out;
};

static void bad(struct fees_import *out, long line, const char *code, const char *detail)
{
    char key[64];
    if (out->bad < 200) {
        snprintf(key, sizeof(key), "Bad.%d", out->bad);
        HDF *node = NULL;
        hdf_get_node(out->report, key, &node);
        hdf_set_int_value(node, "line", (int)line);
        hdf_set_value(node, "code", code);
        if (detail) hdf_set_value(node, "detail", detail);
    }
    out->bad++;
}

/* A field without the spaces around it; line breaks and tabs inside it
 * (a name or specification wrapped in the HIS's cell) become one space. */
static char *trimmed_copy(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
    char *c = malloc(n + 1);
    if (!c) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i] == '\t' || s[i] == '\r' || s[i] == '\n' ? ' ' : s[i];
        if (ch == ' ' && k && c[k - 1] == ' ') continue;
        c[k++] = ch;
    }
    c[k] = 0;
    return c;
}

static int in_list(const char *const *list, const char *v)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(list[i], v)) return 1;
    return 0;
}

static int header_row(struct reading *rd, const struct csv_row *row)
{
    for (int c = 0; c < C_COUNT; c++) rd->col[c] = -1;
    for (int i = 0; i < row->count; i++) {
        char *h = trimmed_copy(row->field[i]);
        if (!h) return -1;
        for (int c = 0; c < C_COUNT; c++)
            for (int k = 0; k < 4 && headers[c][k]; k++)
                if (!strcmp(h, headers[c][k]) && rd->col[c] < 0) rd->col[c] = i;
        free(h);
    }
    rd->header_seen = 1;
    for (int c = 0; c < C_COUNT; c++)
        if (rd->col[c] < 0 && c != C_INSURANCE && c != C_SPEC) bad(rd->out, row->line, "missing_column", headers[c][0]);
    return 0;
}

/* The checks of one row; 0 when it is good. */
static int check_row(struct fees_import *out, struct price_row *p)
{
    const char *code = p->f[C_CODE];
    size_t len = strlen(code);
    if (!len) return bad(out, p->line, "code_missing", NULL), -1;
    if (len > 32 || strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") != len)
        return bad(out, p->line, "code_bad", code), -1;
    if (strlen(p->f[C_INSURANCE]) > 40) return bad(out, p->line, "insurance_code_bad", NULL), -1;
    long n = utf8_chars(p->f[C_NAME]);
    if (n < 1) return bad(out, p->line, "name_missing", code), -1;
    if (n > 200 || text_has_control(p->f[C_NAME], 0)) return bad(out, p->line, "name_bad", code), -1;
    if (!in_list(fee_categories, p->f[C_CATEGORY])) return bad(out, p->line, "category_bad", p->f[C_CATEGORY]), -1;
    if (utf8_chars(p->f[C_SPEC]) > 200 || text_has_control(p->f[C_SPEC], 0)) return bad(out, p->line, "spec_bad", code), -1;
    n = utf8_chars(p->f[C_UNIT]);
    if (n < 1 || n > 20 || text_has_control(p->f[C_UNIT], 0)) return bad(out, p->line, "unit_bad", code), -1;
    if (!money_parse_yuan(p->f[C_PRICE], &p->fen)) return bad(out, p->line, "price_bad", p->f[C_PRICE]), -1;
    /* "甲类" as well as "甲" */
    char *cls = p->f[C_CLASS];
    if (strlen(cls) == 6 && !strcmp(cls + 3, "类")) cls[3] = 0;
    if (!in_list(classes, cls)) return bad(out, p->line, "class_bad", p->f[C_CLASS]), -1;
    return 0;
}

static int on_row(const struct csv_row *row, void *data)
{
    struct reading *rd = data;
    if (!rd->header_seen) return header_row(rd, row);
    if (rd->count == rd->cap) {
        int cap = rd->cap ? rd->cap * 2 : 256;
        struct price_row *more = realloc(rd->rows, cap * sizeof(*more));
        if (!more) return -1;
        rd->rows = more;
        rd->cap = cap;
    }
    struct price_row *p = &rd->rows[rd->count];
    memset(p, 0, sizeof(*p));
    p->line = row->line;
    rd->count++;
    for (int c = 0; c < C_COUNT; c++) {
        int i = rd->col[c];
        p->f[c] = trimmed_copy(i >= 0 && i < row->count ? row->field[i] : "");
        if (!p->f[c]) return -1;
    }
    check_row(rd->out, p);
    return 0;
}

static int by_code(const void *a, const void *b)
{
    return strcmp(((const struct price_row *)a)->f[C_CODE], ((const struct price_row *)b)->f[C_CODE]);
}

static void list_add(HDF *report, const char *list, int index, const struct price_row *p,
                     const char *old_price, const char *old_name)
{
    char key[64], yuan[32];
    if (index >= 500) return;
    snprintf(key, sizeof(key), "%s.%d", list, index);
    HDF *node = NULL;
    hdf_get_node(report, key, &node);
    hdf_set_value(node, "his_code", p->f[C_CODE]);
    hdf_set_value(node, "name", p->f[C_NAME]);
    hdf_set_value(node, "spec", p->f[C_SPEC]);
    hdf_set_value(node, "unit", p->f[C_UNIT]);
    amount_format(p->fen, yuan, sizeof(yuan));
    hdf_set_value(node, "price", yuan);
    if (old_price) hdf_set_value(node, "old_price", old_price);
    if (old_name && strcmp(old_name, p->f[C_NAME])) hdf_set_value(node, "old_name", old_name);
}

static int save_item(const struct price_row *p, const char *effective_on, long long import_id,
                     HDF *cur, int exists, int current)
{
    long long id;
    const char *ins = p->f[C_INSURANCE][0] ? p->f[C_INSURANCE] : NULL;
    if (!exists) {
        if (db_exec("INSERT INTO fee_items (his_code, insurance_code, name, category, spec, unit, price_fen,"
                    " insurance_class, effective_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "ssssssiss", p->f[C_CODE], ins, p->f[C_NAME], p->f[C_CATEGORY], p->f[C_SPEC],
                    p->f[C_UNIT], p->fen, p->f[C_CLASS], effective_on) != 1)
            return -1;
        id = db_last_insert_id();
    } else {
        id = hdf_get_int_value(cur, "id", 0);
        long long old_fen = strtoll(hdf_get_value(cur, "price_fen", "0"), NULL, 10);
        int new_period = !current || old_fen != p->fen;
        if (db_exec("UPDATE fee_items SET insurance_code = ?, name = ?, category = ?, spec = ?, unit = ?,"
                    " price_fen = ?, insurance_class = ?, ends_on = NULL, updated_at = NOW(),"
                    " effective_from = IF(?, ?, effective_from) WHERE id = ?",
                    "sssssisisi", ins, p->f[C_NAME], p->f[C_CATEGORY], p->f[C_SPEC], p->f[C_UNIT],
                    p->fen, p->f[C_CLASS], (long long)new_period, effective_on, id) != 1)
            return -1;
        int retoken = strcmp(hdf_get_value(cur, "name", ""), p->f[C_NAME]) ||
                      strcmp(hdf_get_value(cur, "category", ""), p->f[C_CATEGORY]);
        if (!new_period) return retoken ? fees_index_item(id, p->f[C_NAME]) : 0;
        if (db_exec("UPDATE fee_price_history SET ended_on = ? WHERE item_id = ? AND ended_on IS NULL",
                    "si", effective_on, id) < 0)
            return -1;
    }
    if (db_exec("INSERT INTO fee_price_history (item_id, price_fen, effective_from, import_id) VALUES (?, ?, ?, ?)",
                "iisi", id, p->fen, effective_on, import_id) != 1)
        return -1;
    /* new, offered again (its tokens went when it ended), renamed or moved */
    if (!exists || !current || strcmp(hdf_get_value(cur, "name", ""), p->f[C_NAME]) ||
        strcmp(hdf_get_value(cur, "category", ""), p->f[C_CATEGORY]))
        return fees_index_item(id, p->f[C_NAME]);
    return 0;
}

/* The 价格调整 notice: the changed items, old price to new. */
static int publish_notice(HDF *report, const char *effective_on, int changed, long long user_id, long long *notice_id)
{
    STRING body;
    char title[200];
    string_init(&body);
    string_appendf(&body, "自%s起，以下%d个项目的价格调整如下（单位：元）：\n\n", effective_on, changed);
    for (HDF *c = hdf_get_child(report, "Changed"); c; c = hdf_obj_next(c)) {
        const char *old = hdf_get_value(c, "old_price", ""), *now = hdf_get_value(c, "price", "");
        if (!strcmp(old, now)) continue;
        string_appendf(&body, "%s %s（%s）：%s → %s\n", hdf_get_value(c, "his_code", ""),
                       hdf_get_value(c, "name", ""), hdf_get_value(c, "unit", ""), old, now);
    }
    string_append(&body, "\n全部现行价格见本站“价格公示”栏目。");
    snprintf(title, sizeof(title), "价格调整公示（%s起执行）", effective_on);
    long long rc = db_exec("INSERT INTO notices (title, body, category, status, publish_at, created_by, updated_by,"
                           " created_at, updated_at) VALUES (?, ?, 'price_change', 'published', NOW(), ?, ?, NOW(), NOW())",
                           "ssii", title, body.buf ? body.buf : "", user_id, user_id);
    string_clear(&body);
    if (rc != 1) return -1;
    *notice_id = db_last_insert_id();
    return 0;
}

/* apply: 0 dry run, 1 apply, 2 apply and publish the notice.  Returns 0
 * when the file was read (out says what it holds or did; out->bad > 0:
 * nothing applied), -1 with err when it could not be read or the database
 * failed.  out->report must be an HDF node of the caller's. */
int fees_import_prices(const char *csv, size_t len, const char *encoding, const char *effective_on,
                       int apply, long long user_id, struct fees_import *out, char *err, size_t errlen)
{
    struct reading rd = {.out = out};
    HDF *tmp = NULL;
    int rc = -1;
    HDF *report = out->report;
    struct request *audit = out->audit;
    err[0] = 0;
    memset(out, 0, sizeof(*out));
    out->report = report;
    out->audit = audit;
    {
        /* the file's hash, so the import record names what was applied */
        char *copy = malloc(len + 1);
        if (!copy) return -1;
        memcpy(copy, csv, len);
        copy[len] = 0;
        sha256_hex(copy, out->sha256);
        free(copy);
    }
    int read = csv_read(csv, len, encoding, on_row, &rd, err, errlen);
    if (read != 0) {
        if (read > 0) snprintf(err, errlen, "out of memory");
        goto done;
    }
    if (!rd.header_seen) bad(out, 1, "empty", NULL);
    out->rows = rd.count;
    /* one code twice */
    qsort(rd.rows, rd.count, sizeof(*rd.rows), by_code);
    for (int i = 1; i < rd.count; i++)
        if (rd.rows[i].f[C_CODE][0] && !strcmp(rd.rows[i].f[C_CODE], rd.rows[i - 1].f[C_CODE]))
            bad(out, rd.rows[i].line, "code_twice", rd.rows[i].f[C_CODE]);
    if (out->bad) {
        rc = 0;
        goto done;
    }
    hdf_init(&tmp);
    if (apply && db_begin()) goto done;
    long long import_id = 0;
    if (apply) {
        if (db_exec("INSERT INTO fee_imports (file_sha256, effective_on, rows_read, added, changed, ended, user_id)"
                    " VALUES (?, ?, ?, 0, 0, 0, ?)", "ssii", out->sha256, effective_on, (long long)rd.count,
                    user_id ? user_id : (long long)0) != 1)
            goto done;
        import_id = db_last_insert_id();
        /* one import at a time: the catalogue's version row is the lock */
        if (db_row(tmp, "V", "SELECT version FROM fee_catalogue_version WHERE id = 1 FOR UPDATE", "") != 1) goto done;
    }
    for (int i = 0; i < rd.count; i++) {
        struct price_row *p = &rd.rows[i];
        hdf_remove_tree(tmp, "Cur");
        int found = db_row(tmp, "Cur",
            "SELECT id, name, insurance_code, category, spec, unit, price_fen, insurance_class,"
            " " FEES_YUAN("price_fen") " AS yuan, (ends_on IS NULL OR ends_on > ?) AS current"
            " FROM fee_items WHERE his_code = ?", "ss", effective_on, p->f[C_CODE]);
        if (found < 0) goto done;
        HDF *cur = hdf_get_obj(tmp, "Cur");
        int current = found && hdf_get_int_value(cur, "current", 0);
        if (!found || !current) {
            list_add(report, "Added", out->added++, p, NULL, NULL);
        } else {
            long long old_fen = strtoll(hdf_get_value(cur, "price_fen", "0"), NULL, 10);
            int same = old_fen == p->fen && !strcmp(hdf_get_value(cur, "name", ""), p->f[C_NAME]) &&
                       !strcmp(hdf_get_value(cur, "insurance_code", ""), p->f[C_INSURANCE]) &&
                       !strcmp(hdf_get_value(cur, "category", ""), p->f[C_CATEGORY]) &&
                       !strcmp(hdf_get_value(cur, "spec", ""), p->f[C_SPEC]) &&
                       !strcmp(hdf_get_value(cur, "unit", ""), p->f[C_UNIT]) &&
                       !strcmp(hdf_get_value(cur, "insurance_class", ""), p->f[C_CLASS]);
            if (same) {
                out->unchanged++;
                continue;
            }
            list_add(report, "Changed", out->changed++, p, hdf_get_value(cur, "yuan", ""), hdf_get_value(cur, "name", ""));
        }
        if (apply && save_item(p, effective_on, import_id, cur, found, current)) goto done;
    }
    /* current items the file no longer has */
    if (db_rows(tmp, "Live", "SELECT id, his_code, name, spec, unit, " FEES_YUAN("price_fen") " AS price"
                " FROM fee_items WHERE ends_on IS NULL OR ends_on > ? ORDER BY his_code", "s", effective_on) < 0)
        goto done;
    for (HDF *c = hdf_get_child(tmp, "Live"); c; c = hdf_obj_next(c)) {
        struct price_row key;
        key.f[C_CODE] = (char *)hdf_get_value(c, "his_code", "");
        if (rd.count && bsearch(&key, rd.rows, rd.count, sizeof(*rd.rows), by_code)) continue;
        if (out->ended < 500) {
            char k[32];
            snprintf(k, sizeof(k), "Ended.%d", out->ended);
            HDF *node = NULL;
            hdf_get_node(report, k, &node);
            hdf_copy(node, "", c);
        }
        out->ended++;
        if (apply) {
            long long id = hdf_get_int_value(c, "id", 0);
            /* an ended item is no longer searched (its page and history stay) */
            if (db_exec("UPDATE fee_items SET ends_on = ?, updated_at = NOW() WHERE id = ?", "si", effective_on, id) != 1 ||
                db_exec("DELETE FROM fee_search WHERE item_id = ?", "i", id) < 0 ||
                db_exec("UPDATE fee_price_history SET ended_on = ? WHERE item_id = ? AND ended_on IS NULL",
                        "si", effective_on, id) < 0)
                goto done;
        }
    }
    if (apply) {
        if (out->added + out->changed + out->ended == 0) {
            /* the same list again: nothing to record */
            db_rollback();
            rc = 0;
            goto done;
        }
        long long notice_id = 0;
        if (apply == 2 && out->changed && publish_notice(report, effective_on, out->changed, user_id, &notice_id))
            goto done;
        if (db_exec("UPDATE fee_imports SET added = ?, changed = ?, ended = ? WHERE id = ?", "iiii",
                    (long long)out->added, (long long)out->changed, (long long)out->ended, import_id) != 1)
            goto done;
        if (notice_id && db_exec("UPDATE fee_imports SET notice_id = ? WHERE id = ?", "ii", notice_id, import_id) != 1)
            goto done;
        if (db_exec("UPDATE fee_catalogue_version SET version = version + 1, changed_at = NOW() WHERE id = 1", "") != 1)
            goto done;
        if (notice_id) hdf_set_int_value(report, "notice_id", (int)notice_id);
        hdf_set_int_value(report, "import_id", (int)import_id);
        if (audit) {
            char summary[320];
            snprintf(summary, sizeof(summary),
                     "{\"effective_on\":\"%s\",\"sha256\":\"%s\",\"rows\":%d,\"added\":%d,\"changed\":%d,"
                     "\"ended\":%d,\"notice_id\":%lld}", effective_on, out->sha256, out->rows, out->added,
                     out->changed, out->ended, notice_id);
            if (audit_record(audit, "import", "fee_prices", import_id, NULL, summary)) goto done;
        }
        if (db_commit()) goto done;
    }
    rc = 0;
done:
    if (rc && !err[0]) snprintf(err, errlen, "database error");
    if (db_in_transaction()) db_rollback();
    for (int i = 0; i < rd.count; i++)
        for (int c = 0; c < C_COUNT; c++) free(rd.rows[i].f[c]);
    free(rd.rows);
    if (tmp) hdf_destroy(&tmp);
    return rc;
}
