/*
 * fees/catalogue.c - 价格公示: the current catalogue searched by name
 * fragment, code or pinyin initials, by category, 20 a page; an item's
 * page with its price history.  Both are the same for every visitor, so
 * nginx's page cache keeps them (one second).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fees.h"

#define PAGE_SIZE 20

enum { S_Q, S_CATEGORY, S_PAGE };
static const struct field search_fields[] = {
    [S_Q] = {"q", FIELD_TEXT, 0, 0, 40, NULL, "Fees.q"},
    [S_CATEGORY] = {"category", FIELD_CHOICE, 0, 0, 0, fee_categories, "Fees.category"},
    /* 500 pages of 20: deep OFFSETs cost; a search narrows further */
    [S_PAGE] = {"page", FIELD_INT, 0, 1, 500, NULL, "Fees.page"},
    {0},
};

/* The columns a result row shows. */
#define ITEM_COLUMNS \
    " i.id, i.his_code, i.insurance_code, i.name, i.category, i.spec, i.unit, i.insurance_class," \
    " " FEES_YUAN("i.price_fen") " AS price"

/* The items a search finds, with their rank (0 the name or the natural
 * initials start with q, or the code is q; 1 the name contains q; 2 the
 * natural initials contain q; 3 and 4 the same for other readings) and
 * their name's length, ranked and counted from fee_search alone (its
 * clustered key's range; only current items have tokens): a fragment that
 * matches thousands of a 50,000-item catalogue costs no join and no sort
 * of whole rows.  Parameters: token pattern, category twice, the whole
 * query for names longer than a token twice; then code, code, code
 * pattern, code pattern, category twice. */
#define SEARCH_HITS \
    "(SELECT item_id, MIN(r) AS r, MIN(len) AS len, MIN(crc) AS crc FROM (" \
    " SELECT item_id, CASE WHEN kind < 2 AND pos = 0 THEN 0 WHEN kind = 0 THEN 1 WHEN kind = 1 THEN 2" \
    "  WHEN pos = 0 THEN 3 ELSE 4 END AS r, name_chars AS len, name_crc AS crc FROM fee_search" \
    "  WHERE token LIKE ? AND (? IS NULL OR category = ?)" \
    "  AND (? IS NULL OR EXISTS (SELECT 1 FROM fee_items x WHERE x.id = item_id AND x.name LIKE ?))" \
    " UNION ALL SELECT id, IF(his_code = ? OR insurance_code = ?, 0, 1), CHAR_LENGTH(name), CRC32(name)" \
    "  FROM fee_items c" \
    "  WHERE (his_code LIKE ? OR insurance_code LIKE ?) AND " FEES_CURRENT("c") " AND (? IS NULL OR category = ?)" \
    ") AS hits GROUP BY item_id"

/* Then shorter names first, the items of one name side by side, in the
 * HIS's order. */
static const char search_sql[] =
    "SELECT" ITEM_COLUMNS " FROM " SEARCH_HITS " ORDER BY r, len, crc, item_id LIMIT ? OFFSET ?) AS m"
    " JOIN fee_items i ON i.id = m.item_id ORDER BY m.r, m.len, m.crc, m.item_id";
static const char search_count_sql[] = "SELECT COUNT(*) AS total FROM " SEARCH_HITS ") AS m";

/* Without a query: by category and name, along the index category_name;
 * counted from the index current_by_category.  Two statements each, with
 * and without a category: "(? IS NULL OR category = ?)" is not a range
 * MariaDB can use in a prepared statement (a category's page took 300 ms
 * of a 50,000-item catalogue that way, 1 ms this way). */
#define BROWSE_COLUMNS "SELECT" ITEM_COLUMNS " FROM fee_items i WHERE " FEES_CURRENT("i")
static const char browse_all_sql[] = BROWSE_COLUMNS " ORDER BY i.category, i.name, i.id LIMIT ? OFFSET ?";
static const char browse_category_sql[] = BROWSE_COLUMNS " AND i.category = ? ORDER BY i.name, i.id LIMIT ? OFFSET ?";
static const char count_all_sql[] = "SELECT COUNT(*) AS total FROM fee_items i WHERE " FEES_CURRENT("i");
static const char count_category_sql[] =
    "SELECT COUNT(*) AS total FROM fee_items i WHERE " FEES_CURRENT("i") " AND i.category = ?";

/* q with LIKE's own characters escaped, cut to `chars` characters. */
static void like_escape(const char *q, char *out, size_t len, int chars)
{
    size_t n = 0;
    int c = 0;
    for (const char *s = q; *s && n + 3 < len; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80 && c++ == chars) break;
        if (*s == '%' || *s == '_' || *s == '\\') out[n++] = '\\';
        out[n++] = *s;
    }
    out[n] = 0;
}

/* GET /fees/?q=&category=&page= */
int fees_search(struct request *r)
{
    struct form f;
    char norm[256], token[128], whole[300], code[128], *cut = NULL;
    form_read(r, search_fields, &f);
    r->cacheable = 1;
    if (f.errors) {
        r->status = 422;
        return render(r, "fees/search.cs");
    }
    long long page = f.v[S_PAGE].text ? f.v[S_PAGE].number : 1;
    const char *category = f.v[S_CATEGORY].text;
    int n;
    int qlen = f.v[S_Q].text ? fees_query_normalise(f.v[S_Q].text, norm, sizeof(norm)) : 0;
    if (qlen > 0) {
        like_escape(norm, token, sizeof(token) - 1, FEES_TOKEN_CHARS);
        strcat(token, "%");
        /* longer than a token: the rest is checked on the name itself */
        if (utf8_chars(norm) > FEES_TOKEN_CHARS) {
            char esc[280];
            like_escape(norm, esc, sizeof(esc), 1000);
            snprintf(whole, sizeof(whole), "%%%s%%", esc);
            cut = whole;
        }
        like_escape(norm, code, sizeof(code) - 1, 40);
        strcat(code, "%");
        n = db_rows(r->hdf, "Items", search_sql, "sssssssssssii", token, category, category, cut, cut,
                    norm, norm, code, code, category, category, (long long)PAGE_SIZE, (page - 1) * PAGE_SIZE);
        if (n >= 0 && db_row(r->private_hdf, "Count", search_count_sql, "sssssssssss", token, category, category,
                             cut, cut, norm, norm, code, code, category, category) != 1)
            n = -1;
        hdf_set_value(r->hdf, "Filter.q", f.v[S_Q].text);
    } else {
        long long limit = PAGE_SIZE, offset = (page - 1) * PAGE_SIZE;
        n = category ? db_rows(r->hdf, "Items", browse_category_sql, "sii", category, limit, offset)
                     : db_rows(r->hdf, "Items", browse_all_sql, "ii", limit, offset);
        if (n >= 0 && (category ? db_row(r->private_hdf, "Count", count_category_sql, "s", category)
                                : db_row(r->private_hdf, "Count", count_all_sql, "")) != 1)
            n = -1;
    }
    if (n < 0) return 500;
    long long total = hdf_get_int_value(r->private_hdf, "Count.total", 0);
    if (n == 0 && page > 1) {
        /* past the last page: the first page's link, not an error */
        r->status = 404;
    }
    long long pages = total ? (total + PAGE_SIZE - 1) / PAGE_SIZE : 1;
    hdf_set_int_value(r->hdf, "Paging.page", (int)page);
    hdf_set_int_value(r->hdf, "Paging.pages", (int)pages);
    hdf_set_int_value(r->hdf, "Paging.total", (int)total);
    if (page > 1) hdf_set_int_value(r->hdf, "Paging.prev", (int)page - 1);
    if (page < pages) hdf_set_int_value(r->hdf, "Paging.next", (int)page + 1);
    if (category) hdf_set_value(r->hdf, "Filter.category", category);
    for (int i = 0; fee_categories[i]; i++) {
        char key[32];
        snprintf(key, sizeof(key), "Categories.%d", i);
        hdf_set_value(r->hdf, key, fee_categories[i]);
    }
    /* the query string of this search without the page, for the links */
    STRING link;
    string_init(&link);
    char *esc = NULL;
    if (f.v[S_Q].text && cgi_url_escape(f.v[S_Q].text, &esc) == STATUS_OK && esc) {
        string_appendf(&link, "q=%s&", esc);
        free(esc);
        esc = NULL;
    }
    if (category && cgi_url_escape(category, &esc) == STATUS_OK && esc) {
        string_appendf(&link, "category=%s&", esc);
        free(esc);
    }
    hdf_set_value(r->hdf, "Paging.query", link.buf ? link.buf : "");
    string_clear(&link);
    return render(r, "fees/search.cs");
}

/* GET /fees/items/{id} : the item (also an ended one, marked so) and its
 * prices over time. */
int fees_item(struct request *r)
{
    int found = db_row(r->hdf, "Item",
        "SELECT" ITEM_COLUMNS ", " FEES_CURRENT("i") " AS current, i.initials,"
        " DATE_FORMAT(i.effective_from, '%Y-%m-%d') AS since, DATE_FORMAT(i.ends_on, '%Y-%m-%d') AS ends_on"
        " FROM fee_items i WHERE i.id = ?", "i", r->path_id);
    if (found < 0) return 500;
    if (found == 0) return 404;
    if (db_rows(r->hdf, "History",
        "SELECT " FEES_YUAN("price_fen") " AS price, DATE_FORMAT(effective_from, '%Y-%m-%d') AS since,"
        " DATE_FORMAT(ended_on, '%Y-%m-%d') AS until FROM fee_price_history WHERE item_id = ?"
        " ORDER BY effective_from DESC, id DESC LIMIT 50", "i", r->path_id) < 0)
        return 500;
    r->cacheable = 1;
    return render(r, "fees/item.cs");
}
