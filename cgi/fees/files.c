/*
 * fees/files.c - the whole current catalogue as files for anyone to
 * download and for other systems to read: /fees/prices.csv (UTF-8 with a
 * BOM, RFC 4180 quoting by libcsv) and /fees/prices.json (Jansson).  The
 * README documents both schemas.
 *
 * Both are streamed: the items are read 500 at a time (keyset paging on
 * the id) and written as they come, so a catalogue of any size costs the
 * handler the memory of one batch.  ETag and Last-Modified come from the
 * catalogue's version (one row, bumped by every import) and today's date
 * (items begin and end on dates); a client that has the file gets 304.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "fees.h"
#include "csvio.h"

#define BATCH 500

struct file_state {
    int json;
    const char *hospital;
    char date[11];
};

/* ETag, Last-Modified and the effective date; 1 when the client's copy is
 * current (304), 0 to send the file, -1 on error. */
static int version_headers(struct request *r, struct file_state *st)
{
    HDF *v = NULL;
    char etag[80];
    hdf_init(&v);
    int found = db_row(v, "V",
        "SELECT version, DATE_FORMAT(CURDATE(), '%Y-%m-%d') AS today, DATE_FORMAT(CURDATE(), '%Y%m%d') AS day,"
        " DATE_FORMAT(GREATEST(changed_at, CAST(CURDATE() AS DATETIME)) - INTERVAL 8 HOUR,"
        " '%a, %d %b %Y %H:%i:%s GMT') AS modified FROM fee_catalogue_version WHERE id = 1", "");
    if (found != 1) {
        hdf_destroy(&v);
        return -1;
    }
    snprintf(etag, sizeof(etag), "\"fees-%s-%s-%s\"", hdf_get_value(v, "V.version", "0"),
             hdf_get_value(v, "V.day", ""), st->json ? "json" : "csv");
    snprintf(st->date, sizeof(st->date), "%s", hdf_get_value(v, "V.today", ""));
    const char *modified = hdf_get_value(v, "V.modified", "");
    header_add(r, "ETag", etag);
    header_add(r, "Last-Modified", modified);
    /* any copy may be kept, but asked about again each time: a price
     * change is seen at once */
    r->cache_control = "public, max-age=0, must-revalidate";
    const char *inm = req_env(r, "HTTP_IF_NONE_MATCH"), *ims = req_env(r, "HTTP_IF_MODIFIED_SINCE");
    int fresh = inm ? (strstr(inm, etag) != NULL || !strcmp(inm, "*")) : (ims && !strcmp(ims, modified));
    hdf_destroy(&v);
    return fresh;
}

static int write_string(struct request *r, STRING *s)
{
    int rc = s->len ? response_write(r, s->buf, s->len) : 0;
    string_clear(s);
    string_init(s);
    return rc;
}

static int stream_items(struct request *r)
{
    struct file_state *st = r->stream_data;
    STRING out;
    long long after = 0;
    int first = 1;
    string_init(&out);
    if (st->json) {
        /* the header object's members, then the items one by one */
        json_t *head = json_pack("{s:s,s:s,s:s,s:s}", "schema", "portal-fees-prices",
                                 "schema_version", FEES_SCHEMA_VERSION, "hospital", st->hospital,
                                 "effective_date", st->date);
        char *text = head ? json_dumps(head, JSON_COMPACT) : NULL;
        json_decref(head);
        if (!text) return -1;
        /* {"schema":...,"effective_date":"..."}  ->  {"schema":...,"effective_date":"...","items":[ */
        text[strlen(text) - 1] = 0;
        string_appendf(&out, "%s,\"currency\":\"CNY\",\"items\":[", text);
        free(text);
    } else {
        string_append(&out, "\xEF\xBB\xBF");
        const char *meta[] = {"医院", st->hospital, "价格执行日期", st->date, "格式版本", FEES_SCHEMA_VERSION, "", "", ""};
        const char *cols[] = {"项目编码", "医保编码", "项目名称", "类别", "规格", "单位", "单价(元)", "医保类别", "执行日期"};
        for (int i = 0; i < 9; i++) csv_put_field(&out, meta[i], i == 0);
        string_append(&out, "\r\n");
        for (int i = 0; i < 9; i++) csv_put_field(&out, cols[i], i == 0);
        string_append(&out, "\r\n");
    }
    if (write_string(r, &out)) return -1;
    for (;;) {
        HDF *batch = NULL;
        hdf_init(&batch);
        int n = db_rows(batch, "I",
            "SELECT id, his_code, COALESCE(insurance_code, '') AS insurance_code, name, category, spec, unit,"
            " " FEES_YUAN("price_fen") " AS price, price_fen, insurance_class,"
            " DATE_FORMAT(effective_from, '%Y-%m-%d') AS since"
            " FROM fee_items i WHERE id > ? AND " FEES_CURRENT("i") " ORDER BY id LIMIT ?",
            "ii", after, (long long)BATCH);
        if (n < 0) {
            hdf_destroy(&batch);
            string_clear(&out);
            return -1;
        }
        for (HDF *row = hdf_get_child(batch, "I"); row; row = hdf_obj_next(row)) {
            after = strtoll(hdf_get_value(row, "id", "0"), NULL, 10);
            if (st->json) {
                json_t *item = json_pack("{s:s,s:s?,s:s,s:s,s:s,s:s,s:s,s:I,s:s,s:s}",
                    "his_code", hdf_get_value(row, "his_code", ""),
                    "insurance_code", *hdf_get_value(row, "insurance_code", "") ? hdf_get_value(row, "insurance_code", "") : NULL,
                    "name", hdf_get_value(row, "name", ""), "category", hdf_get_value(row, "category", ""),
                    "spec", hdf_get_value(row, "spec", ""), "unit", hdf_get_value(row, "unit", ""),
                    "price", hdf_get_value(row, "price", ""),
                    "price_fen", (json_int_t)strtoll(hdf_get_value(row, "price_fen", "0"), NULL, 10),
                    "insurance_class", hdf_get_value(row, "insurance_class", ""),
                    "effective_from", hdf_get_value(row, "since", ""));
                char *text = item ? json_dumps(item, JSON_COMPACT) : NULL;
                json_decref(item);
                if (!text) continue;
                if (!first) string_append_char(&out, ',');
                string_append(&out, "\n");
                string_append(&out, text);
                free(text);
            } else {
                const char *cols[] = {"his_code", "insurance_code", "name", "category", "spec", "unit", "price",
                                      "insurance_class", "since"};
                for (int i = 0; i < 9; i++) csv_put_field(&out, hdf_get_value(row, cols[i], ""), i == 0);
                string_append(&out, "\r\n");
            }
            first = 0;
        }
        hdf_destroy(&batch);
        if (write_string(r, &out)) return -1;
        if (n < BATCH) break;
    }
    if (st->json) string_append(&out, "\n]}\n");
    return write_string(r, &out);
}

static int price_file(struct request *r, int json)
{
    static struct file_state st;
    st.json = json;
    st.hospital = hdf_get_value(render_globals(), "Site.name", "");
    int fresh = version_headers(r, &st);
    if (fresh < 0) return 500;
    if (fresh) return 304;
    if (json) {
        r->content_type = "application/json; charset=utf-8";
        header_add(r, "Content-Disposition", "inline; filename=\"prices.json\"");
    } else {
        char disposition[160];
        r->content_type = "text/csv; charset=utf-8; header=present";
        snprintf(disposition, sizeof(disposition), "attachment; filename=\"prices-%s.csv\"", st.date);
        header_add(r, "Content-Disposition", disposition);
    }
    r->stream = stream_items;
    r->stream_data = &st;
    return 200;
}

/* GET /fees/prices.csv */
int fees_prices_csv(struct request *r)
{
    return price_file(r, 0);
}

/* GET /fees/prices.json */
int fees_prices_json(struct request *r)
{
    return price_file(r, 1);
}
