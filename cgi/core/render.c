/*
 * render.c - ClearSilver templates, parsed once per process.
 *
 * Each template is parsed the first time it is used, against a small HDF
 * that only says where templates live and that every <?cs var: ?> is
 * HTML-escaped (Config.VarEscapeMode = html).  A request then renders the
 * same parse tree with its own HDF swapped in: cs_render() only walks the
 * tree, so no file is opened, stat'ed or parsed on the request path.
 *
 * Texts (Lang.*) and the hospital's details (Site.*) are read once into a
 * global HDF that every template sees beneath the request's own data.
 */
#include <glob.h>
#include <stdio.h>
#include <string.h>
#include "portal.h"

#define MAX_TEMPLATES 256

struct template {
    char name[96];
    CSPARSE *parse;
};

static struct template templates[MAX_TEMPLATES];
static int ntemplates;
static HDF *globals;      /* Lang.*, Site.* */
static HDF *parse_hdf;    /* load path and escaping mode, for parsing */

static int nerr_log(NEOERR *err, const char *what)
{
    if (!err) return 0;
    STRING s;
    string_init(&s);
    nerr_error_string(err, &s);
    log_error("%s: %s", what, s.buf ? s.buf : "?");
    string_clear(&s);
    nerr_ignore(&err);
    return -1;
}

/* Each service keeps its texts in its own file, lang/zh-CN/<service>.hdf,
 * read after the common file in name order. */
static int lang_read_services(HDF *into)
{
    char pattern[512];
    glob_t g;
    snprintf(pattern, sizeof(pattern), "%s/lang/zh-CN/*.hdf", cfg.templates_dir);
    int rc = glob(pattern, 0, NULL, &g);
    if (rc == GLOB_NOMATCH) return 0;
    if (rc != 0) return -1;
    int failed = 0;
    for (size_t i = 0; i < g.gl_pathc && !failed; i++)
        failed = nerr_log(hdf_read_file(into, g.gl_pathv[i]), g.gl_pathv[i]);
    globfree(&g);
    return failed ? -1 : 0;
}

/* Loads the language file and the hospital's details.  Called once at
 * start; a missing file stops the program rather than showing blanks. */
int render_init(void)
{
    char path[512];
    if (globals) return 0;
    if (nerr_log(hdf_init(&globals), "hdf_init") || nerr_log(hdf_init(&parse_hdf), "hdf_init"))
        return -1;
    snprintf(path, sizeof(path), "%s/lang/zh-CN.hdf", cfg.templates_dir);
    if (nerr_log(hdf_read_file(globals, path), path)) return -1;
    if (lang_read_services(globals) != 0) return -1;
    snprintf(path, sizeof(path), "%s/site.hdf", cfg.templates_dir);
    if (nerr_log(hdf_read_file(globals, path), path)) return -1;
    hdf_set_value(parse_hdf, "hdf.loadpaths.0", cfg.templates_dir);
    hdf_set_value(parse_hdf, "Config.VarEscapeMode", "html");
    return 0;
}

HDF *render_globals(void)
{
    return globals;
}

/* A text from the language file, or the key itself so a missing text is
 * visible rather than blank. */
const char *lang(const char *key)
{
    char name[160];
    snprintf(name, sizeof(name), "Lang.%s", key);
    return hdf_get_value(globals, name, key);
}

static CSPARSE *template_get(const char *name)
{
    for (int i = 0; i < ntemplates; i++)
        if (strcmp(templates[i].name, name) == 0) return templates[i].parse;
    if (ntemplates == MAX_TEMPLATES || strlen(name) >= sizeof(templates[0].name)) return NULL;
    CSPARSE *parse;
    if (nerr_log(cs_init(&parse, parse_hdf), name)) return NULL;
    if (nerr_log(cgi_register_strfuncs(parse), name) ||
        nerr_log(cs_parse_file(parse, name), name)) {
        cs_destroy(&parse);
        return NULL;
    }
    parse->global_hdf = globals;
    snprintf(templates[ntemplates].name, sizeof(templates[0].name), "%s", name);
    templates[ntemplates++].parse = parse;
    return parse;
}

static NEOERR *append_output(void *ctx, char *s)
{
    return nerr_pass(string_append((STRING *)ctx, s));
}

/* Renders a template with `hdf` as its data into `out`. */
int render_template_to(HDF *hdf, const char *name, STRING *out)
{
    CSPARSE *parse = template_get(name);
    if (!parse) return -1;
    parse->hdf = hdf;
    NEOERR *err = cs_render(parse, out, append_output);
    parse->hdf = parse_hdf;
    return nerr_log(err, name);
}

/* Renders the page into the response body: the normal end of a handler. */
int render(struct request *r, const char *name)
{
    string_clear(&r->body);
    string_init(&r->body);
    if (render_template_to(r->hdf, name, &r->body)) {
        string_clear(&r->body);
        string_init(&r->body);
        return 500;
    }
    return r->status ? r->status : 200;
}
