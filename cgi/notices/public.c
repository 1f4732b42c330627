/*
 * notices/public.c - the notice list, a notice, and the latest notices for
 * the home page.  Only rows of the view public_notices are ever read here
 * (published, due, not expired); the public database account can see
 * nothing else.
 */
#include "notices.h"

#define PAGE_SIZE 20

/* the notice list's statement, with or without a category between these */
#define LIST_COLUMNS "SELECT id, title, category, pinned, DATE_FORMAT(publish_at, '%Y-%m-%d') AS date" \
                     " FROM public_notices"
#define LIST_ORDER " ORDER BY pinned DESC, publish_at DESC, id DESC LIMIT ? OFFSET ?"

const char *const notice_categories[] = {
    "notice", "recruitment", "stop_clinic", "price_change", "health_talk", NULL,
};

enum { LIST_PAGE, LIST_CATEGORY };
static const struct field list_fields[] = {
    [LIST_PAGE] = {"page", FIELD_INT, 0, 1, 100000, NULL, "Notices.page"},
    [LIST_CATEGORY] = {"category", FIELD_CHOICE, 0, 0, 0, notice_categories, "Notices.category"},
    {0},
};

/* GET /notices/?category=&page= : pinned first, newest first, 20 a page. */
int notices_list(struct request *r)
{
    struct form f;
    if (form_read(r, list_fields, &f)) return 404;
    long long page = f.v[LIST_PAGE].text ? f.v[LIST_PAGE].number : 1;
    const char *category = f.v[LIST_CATEGORY].text;

    /* two statements, not "? IS NULL OR category = ?": each is read in
     * the order of its own index (sql/023).  One row more than a page
     * says whether a next page exists.  The list does not say how many
     * pages there are: counting them (COUNT(*) OVER (), or a count kept
     * in a table and joined) cost MariaDB a third of the page. */
    long long offset = (page - 1) * PAGE_SIZE;
    int n = category
        ? db_rows(r->hdf, "Notices", LIST_COLUMNS " WHERE category = ?" LIST_ORDER, "sii",
                  category, (long long)PAGE_SIZE + 1, offset)
        : db_rows(r->hdf, "Notices", LIST_COLUMNS LIST_ORDER, "ii", (long long)PAGE_SIZE + 1, offset);
    if (n < 0) return 500;
    if (n == 0 && page > 1) return 404;
    if (n > PAGE_SIZE) {
        char extra[32];   /* the row that only said there is more */
        snprintf(extra, sizeof(extra), "Notices.%d", PAGE_SIZE);
        hdf_remove_tree(r->hdf, extra);
        hdf_set_int_value(r->hdf, "Paging.next", (int)page + 1);
    }
    hdf_set_int_value(r->hdf, "Paging.page", (int)page);
    if (page > 1) hdf_set_int_value(r->hdf, "Paging.prev", (int)page - 1);
    if (category) hdf_set_value(r->hdf, "Filter.category", category);
    r->cacheable = 1;
    return render(r, "notices/list.cs");
}

/* GET /notices/{id} */
int notice_show(struct request *r)
{
    int found = db_row(r->hdf, "Notice",
        "SELECT id, title, body, category, pinned,"
        " DATE_FORMAT(publish_at, '%Y-%m-%d %H:%i') AS published"
        " FROM public_notices WHERE id = ?",
        "i", r->path_id);
    if (found < 0) return 500;
    if (found == 0) return 404;
    r->cacheable = 1;
    return render(r, "notices/show.cs");
}

/* The newest notices, for the home page, as Latest.N. */
int notices_latest(struct request *r, int how_many)
{
    return db_rows(r->hdf, "Latest",
        "SELECT id, title, category, pinned, DATE_FORMAT(publish_at, '%Y-%m-%d') AS date"
        " FROM public_notices ORDER BY pinned DESC, publish_at DESC, id DESC LIMIT ?",
        "i", (long long)how_many);
}
