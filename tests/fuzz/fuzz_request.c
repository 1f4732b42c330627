/*
 * fuzz_request.c - libFuzzer target for the request parsing path.
 *
 * Everything a visitor sends reaches the portal through ClearSilver's CGI
 * kit (cgi_init: query string and cookies; cgi_parse: urlencoded or
 * multipart body) and then the portal's own checks (utf8_valid over Query
 * and Cookie, form_read over a field table), exactly as request.c does it
 * with FastCGI.  This target feeds arbitrary bytes down that path through
 * cgiwrap_init_emu() callbacks on an in-memory environment and body.
 *
 * Input framing (so that any byte string is a valid input):
 *
 *   byte 0     bits 0-2: method and Content-Type, see content_types[]
 *              bits 3-4: CONTENT_LENGTH - 0 exact, 1 one byte more than
 *                        the body (short read), 2 absent, 3 half the body
 *   then       QUERY_STRING  0xFF  HTTP_COOKIE  0xFF  body
 *
 * The query string and cookie stop at the first 0xFF (and, being C
 * strings in the environment, at the first NUL, as FastCGI parameters do);
 * the body is everything after the second 0xFF and may hold any byte.
 *
 * Known ClearSilver 0.10.5 bugs are kept out of the way so the fuzzer can
 * look for new ones; FUZZ_KNOWN_BUGS=report (in the environment) lets them
 * through again.  One is a leak (suppressed in run.sh); the other is a
 * crash: _is_boundary() (cgi/rfc2388.c) caches strlen(boundary) keyed by
 * the boundary pointer in static variables, so a multipart request with no
 * boundary= parameter, after any multipart request with one in the same
 * process, calls strlen(NULL).  Inputs with content type choice 5 are
 * therefore not parsed unless FUZZ_KNOWN_BUGS=report.
 *
 * Besides "no crash, no leak, no undefined behaviour", one property is
 * checked: rendering every value with <?cs var: ?> under
 * Config.VarEscapeMode = html (as render.c does) never lets <, >, " or '
 * through.  A violation aborts, so libFuzzer saves the input.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "portal.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- the fake FastCGI request ---- */

#define MAX_ENV 16

struct fake {
    char *env[MAX_ENV + 1];
    int nenv;
    const uint8_t *body;
    size_t body_len, pos;
};

static int cb_read(void *data, char *buf, int len)
{
    struct fake *f = data;
    size_t n = f->body_len - f->pos;
    if (len <= 0) return 0;
    if (n > (size_t)len) n = (size_t)len;
    memcpy(buf, f->body + f->pos, n);
    f->pos += n;
    return (int)n;
}

static int cb_writef(void *data, const char *fmt, va_list ap)
{
    (void)data, (void)fmt, (void)ap;
    return 0;
}

static int cb_write(void *data, const char *buf, int len)
{
    (void)data, (void)buf;
    return len;
}

static char *cb_getenv(void *data, const char *name)
{
    struct fake *f = data;
    size_t n = strlen(name);
    for (int i = 0; i < f->nenv; i++)
        if (strncmp(f->env[i], name, n) == 0 && f->env[i][n] == '=') return strdup(f->env[i] + n + 1);
    return NULL;
}

static int cb_putenv(void *data, const char *name, const char *value)
{
    (void)data, (void)name, (void)value;
    return -1;
}

static int cb_iterenv(void *data, int n, char **name, char **value)
{
    struct fake *f = data;
    if (n < 0 || n >= f->nenv) return 0;
    const char *eq = strchr(f->env[n], '=');
    if (!eq) return 0;
    *name = strndup(f->env[n], (size_t)(eq - f->env[n]));
    *value = strdup(eq + 1);
    return 0;
}

static void env_add(struct fake *f, const char *name, const char *value, size_t value_len)
{
    size_t n = strlen(name);
    char *e;
    if (f->nenv == MAX_ENV) return;
    e = malloc(n + 1 + value_len + 1);
    if (!e) return;
    memcpy(e, name, n);
    e[n] = '=';
    memcpy(e + n + 1, value, value_len);
    e[n + 1 + value_len] = 0;
    f->env[f->nenv++] = e;
}

/* ---- what the target does with a parsed request ---- */

static const char *const content_types[8][2] = {
    {"POST", "application/x-www-form-urlencoded"},
    {"POST", "application/x-www-form-urlencoded; charset=UTF-8"},
    {"POST", "multipart/form-data; boundary=fuzzb"},
    {"POST", "multipart/form-data; boundary=\"fuzz b\""},
    {"GET", NULL},
    {"POST", "multipart/form-data"},
    {"POST", "text/plain"},
    {"POST", "multipart/form-data; boundary="},
};

static const char *const states[] = {"draft", "scheduled", "live", "expired", NULL};

static const struct field fields[] = {
    {"title", FIELD_TEXT, 1, 1, 100, NULL, "Notice.title", NULL},
    {"mobile", FIELD_MOBILE, 0, 0, 0, NULL, "Booking.mobile", NULL},
    {"body", FIELD_MULTILINE, 0, 0, 5000, NULL, "Notice.body", NULL},
    {"count", FIELD_INT, 0, -1000, 1000, NULL, NULL, NULL},
    {"state", FIELD_CHOICE, 1, 0, 0, states, NULL, NULL},
    {"publish_at", FIELD_DATETIME, 0, 0, 0, NULL, NULL, NULL},
    {"agree", FIELD_CHECKBOX, 1, 0, 0, NULL, NULL, NULL},
    {"password", FIELD_SECRET, 0, 8, 128, NULL, NULL, NULL},
    {NULL, 0, 0, 0, 0, NULL, NULL, NULL},
};

static const struct route routes[] = {
    {"GET", "/notices/", NULL, 0, 0},
    {"GET", "/notices/{id}", NULL, 0, 0},
    {"POST", "/office/notices/{id}/edit", NULL, 0, 0},
    {NULL, NULL, NULL, 0, 0},
};

/* Every value is printed with var: and nothing else; the template's own
 * text has none of the characters the escaper must remove. */
static const char echo_template[] =
    "<?cs each:q = Query ?>[<?cs var:q ?>|<?cs var:url_escape(q) ?>|<?cs var:js_escape(q) ?>]"
    "<?cs each:v = q ?>[<?cs var:v ?>]<?cs /each ?><?cs /each ?>"
    "<?cs each:c = Cookie ?>[<?cs var:c ?>]<?cs /each ?>"
    "<?cs each:e = Errors ?>[<?cs var:e.field ?>|<?cs var:e.message ?>]<?cs /each ?>"
    "<?cs each:v = Form ?>[<?cs var:v ?>|<?cs var:v.error ?>]<?cs /each ?>"
    "[<?cs var:CGI.QueryString ?>|<?cs var:HTTP.Cookie ?>|<?cs var:CGI.ContentType ?>]";

static CSPARSE *echo;
static HDF *echo_hdf;
static int known_bugs;

#define CHOICE_MULTIPART_NO_BOUNDARY 5

static NEOERR *append(void *ctx, char *s)
{
    return nerr_pass(string_append((STRING *)ctx, s));
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *kb = getenv("FUZZ_KNOWN_BUGS");
    known_bugs = kb && strcmp(kb, "report") == 0;
    /* lang() answers with the key itself when no language file is loaded,
     * which is all form_error() needs here */
    if (hdf_init(&echo_hdf) || hdf_set_value(echo_hdf, "Config.VarEscapeMode", "html") ||
        cs_init(&echo, echo_hdf) || cgi_register_strfuncs(echo) ||
        cs_parse_string(echo, strdup(echo_template), strlen(echo_template))) {
        fprintf(stderr, "fuzz_request: cannot set up the echo template\n");
        abort();
    }
    return 0;
}

static void check_strings(const char *s)
{
    /* the pure checks must cope with anything, valid UTF-8 or not */
    char dt[20];
    long long n;
    const struct route *rt;
    long long id;
    char allow[64];
    size_t len = strlen(s);
    int valid = utf8_valid(s, len);
    (void)text_has_control(s, 0);
    (void)text_has_control(s, 1);
    if (valid) (void)utf8_chars(s);
    (void)parse_int(s, -1000, 1000, &n);
    (void)parse_datetime_local(s, dt);
    (void)local_path_safe(s);
    (void)route_find(routes, "GET", s, &rt, &id, allow, sizeof(allow));
    (void)route_find(routes, "HEAD", s, &rt, &id, allow, sizeof(allow));
    (void)route_find(routes, "DELETE", s, &rt, &id, allow, sizeof(allow));
}

/* request.c's hdf_utf8_valid(), plus check_strings() on every value */
static int walk(HDF *node, int depth)
{
    int ok = 1;
    if (depth > 64) return ok;
    for (HDF *c = node ? hdf_obj_child(node) : NULL; c; c = hdf_obj_next(c)) {
        const char *name = hdf_obj_name(c), *value = hdf_obj_value(c);
        if (name && !utf8_valid(name, strlen(name))) ok = 0;
        if (value) {
            if (!utf8_valid(value, strlen(value))) ok = 0;
            check_strings(value);
        }
        if (!walk(c, depth + 1)) ok = 0;
    }
    return ok;
}

static void render_and_check(HDF *hdf)
{
    STRING out;
    string_init(&out);
    echo->hdf = hdf;
    NEOERR *err = cs_render(echo, &out, append);
    echo->hdf = echo_hdf;
    nerr_ignore(&err);
    for (int i = 0; i < out.len; i++) {
        char ch = out.buf[i];
        if (ch == '<' || ch == '>' || ch == '"' || ch == '\'') {
            fprintf(stderr, "fuzz_request: unescaped %c at offset %d of the rendered echo: %.200s\n",
                    ch, i, out.buf + (i > 60 ? i - 60 : 0));
            abort();
        }
    }
    string_clear(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fake f;
    CGI *cgi = NULL;
    char num[32];

    if (size < 1) return 0;
    memset(&f, 0, sizeof(f));
    unsigned choice = data[0] & 7, length_mode = (data[0] >> 3) & 3;
    const uint8_t *p = data + 1, *end = data + size;
    const uint8_t *q_end = memchr(p, 0xFF, (size_t)(end - p));
    if (!q_end) q_end = end;
    const uint8_t *c_start = q_end < end ? q_end + 1 : end;
    const uint8_t *c_end = memchr(c_start, 0xFF, (size_t)(end - c_start));
    if (!c_end) c_end = end;
    f.body = c_end < end ? c_end + 1 : end;
    f.body_len = (size_t)(end - f.body);
    if (f.body_len > 64 * 1024) return 0;   /* request.c refuses more (cfg.max_body) */

    const char *method = content_types[choice][0], *ctype = content_types[choice][1];
    env_add(&f, "REQUEST_METHOD", method, strlen(method));
    env_add(&f, "DOCUMENT_URI", "/office/notices/1/edit", 22);
    env_add(&f, "SCRIPT_NAME", "", 0);
    env_add(&f, "SERVER_NAME", "localhost", 9);
    env_add(&f, "HTTP_HOST", "localhost", 9);
    env_add(&f, "REMOTE_ADDR", "127.0.0.1", 9);
    env_add(&f, "QUERY_STRING", (const char *)p, (size_t)(q_end - p));
    if (c_start < end) env_add(&f, "HTTP_COOKIE", (const char *)c_start, (size_t)(c_end - c_start));
    if (ctype) env_add(&f, "CONTENT_TYPE", ctype, strlen(ctype));
    if (strcmp(method, "POST") == 0 && length_mode != 2) {
        size_t cl = length_mode == 0 ? f.body_len : length_mode == 1 ? f.body_len + 1 : f.body_len / 2;
        snprintf(num, sizeof(num), "%zu", cl);
        env_add(&f, "CONTENT_LENGTH", num, strlen(num));
    }

    cgiwrap_init_emu(&f, cb_read, cb_writef, cb_write, cb_getenv, cb_putenv, cb_iterenv);
    NEOERR *err = cgi_init(&cgi, NULL);
    if (err) {
        nerr_ignore(&err);
        goto out;
    }
    /* uploads (multipart parts with a filename) go to unlinked temp files */
    hdf_set_value(cgi->hdf, "Config.Upload.TmpDir", "/tmp");
    int parsed = 0;
    if (choice != CHOICE_MULTIPART_NO_BOUNDARY || known_bugs) {
        err = cgi_parse(cgi);
        parsed = err == STATUS_OK;
        nerr_ignore(&err);
    }

    /* request.c answers 400 here unless everything is valid UTF-8; the
     * walk runs over whatever was parsed, even after a parse error */
    int valid = walk(hdf_get_obj(cgi->hdf, "Query"), 0);
    if (!walk(hdf_get_obj(cgi->hdf, "Cookie"), 0)) valid = 0;

    if (parsed && valid) {
        struct request r;
        struct form form;
        memset(&r, 0, sizeof(r));
        r.cgi = cgi;
        r.hdf = cgi->hdf;
        r.method = method;
        r.path = "/office/notices/1/edit";
        string_init(&r.headers);
        string_init(&r.body);
        if (hdf_init(&r.private_hdf) == STATUS_OK) {
            int errors = form_read(&r, fields, &form);
            if (errors != form.errors || form.count != 8) abort();
            for (int i = 0; i < form.count; i++) {
                if (form.v[i].text && !utf8_valid(form.v[i].text, strlen(form.v[i].text))) abort();
                if (fields[i].type == FIELD_DATETIME && form.v[i].text &&
                    strlen(form.v[i].datetime) != 19)
                    abort();
            }
            /* a secret's value is never in the rendered tree (its error
             * message may be: Form.password.error) */
            if (hdf_get_value(r.hdf, "Form.password", NULL)) abort();
            render_and_check(r.hdf);
            hdf_destroy(&r.private_hdf);
        }
        string_clear(&r.headers);
        string_clear(&r.body);
    }
    cgi_destroy(&cgi);
out:
    for (int i = 0; i < f.nenv; i++) free(f.env[i]);
    return 0;
}
