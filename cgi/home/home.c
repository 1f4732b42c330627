/*
 * home/home.c - the home page and the text-size preference.
 */
#include <string.h>
#include "portal.h"
#include "home.h"
#include "../notices/notices.h"

/* GET / : the hospital's services, the latest notices, how to reach us. */
int home_page(struct request *r)
{
    if (notices_latest(r, 6) < 0) return 500;
    r->cacheable = 1;
    return render(r, "home/index.cs");
}

enum { PREF_SIZE, PREF_BACK };
static const char *const text_sizes[] = {"normal", "large", NULL};
static const struct field text_size_fields[] = {
    [PREF_SIZE] = {"size", FIELD_CHOICE, 1, 0, 0, text_sizes, "Prefs.size"},
    [PREF_BACK] = {"back", FIELD_TEXT, 0, 0, 500, NULL, "Prefs.back"},
    {0},
};

/* GET /prefs/text-size?size=large&back=/notices/ : the large-text mode
 * (适老化) is a link, not a form, so it works from every page, cached or
 * not; it only sets a preference cookie and goes back. */
int prefs_text_size(struct request *r)
{
    struct form f;
    if (form_read(r, text_size_fields, &f)) return 400;
    const char *back = f.v[PREF_BACK].text;
    cookie_set(r, "textsize", f.v[PREF_SIZE].number ? "large" : "normal", "/", 365L * 24 * 3600);
    return redirect(r, back && local_path_safe(back) ? back : "/");
}
