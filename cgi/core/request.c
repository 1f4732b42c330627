/*
 * request.c - one request, from FastCGI parameters to the response.
 *
 * ClearSilver's CGI kit does the parsing: cgiwrap_init_emu() points it at
 * this request's FastCGI streams and parameters, cgi_init() reads the
 * query string and cookies, cgi_parse() the body (urlencoded or
 * multipart).  What the kit lacks is added here, once, before any handler
 * runs: methods and paths are routed before a body is read, bodies over
 * the limit are refused, every value must be valid UTF-8, every POST must
 * carry a valid CSRF token, and office pages require a session with the
 * route's role.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcgiapp.h>
#include <sodium.h>
#include "portal.h"
#include "upload.h"

/* ---- the request's FastCGI parameters, indexed once ---- */

/* The CGI kit asks for some ninety names per request (cgi_pre_parse), and
 * FCGX_GetParam compared a name with every parameter in turn: a tenth of
 * a handler's time went there.  The parameters are hashed by name once per
 * request instead (open addressing; a request has a few dozen). */
#define PARAM_SLOTS 256
static struct param_slot {
    const char *entry;   /* "NAME=value" in the FastCGI request */
    size_t name_len;
} param_slots[PARAM_SLOTS];

static unsigned param_hash(const char *name, size_t len)
{
    unsigned h = 2166136261u;   /* FNV-1a */
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)name[i]) * 16777619u;
    return h;
}

static void param_index(char **envp)
{
    memset(param_slots, 0, sizeof(param_slots));
    for (int i = 0, placed = 0; envp && envp[i] && placed < PARAM_SLOTS / 2; i++) {
        const char *eq = strchr(envp[i], '=');
        if (!eq) continue;
        size_t len = (size_t)(eq - envp[i]);
        unsigned at = param_hash(envp[i], len) % PARAM_SLOTS;
        while (param_slots[at].entry) {
            /* a repeated name keeps its first value, as FCGX_GetParam does */
            if (param_slots[at].name_len == len && memcmp(param_slots[at].entry, envp[i], len) == 0) break;
            at = (at + 1) % PARAM_SLOTS;
        }
        if (param_slots[at].entry) continue;
        param_slots[at].entry = envp[i];
        param_slots[at].name_len = len;
        placed++;
    }
}

static const char *param_get(const char *name)
{
    size_t len = strlen(name);
    for (unsigned at = param_hash(name, len) % PARAM_SLOTS; param_slots[at].entry; at = (at + 1) % PARAM_SLOTS)
        if (param_slots[at].name_len == len && memcmp(param_slots[at].entry, name, len) == 0)
            return param_slots[at].entry + len + 1;
    return NULL;
}

/* ---- ClearSilver's CGI kit reads and writes through these ---- */

/* The body as ClearSilver reads it, watched for NUL bytes (raw or as
 * %00): the kit decodes into C strings, so "前半%00后半" would silently be
 * stored as "前半".  `nul_seen` makes the request a 400 instead. */
static int nul_seen;
static char body_tail[2];

static int has_encoded_nul(const char *prev, const char *buf, int len)
{
    char window[4];
    for (int i = 0; i < len; i++) {
        if (buf[i] == 0) return 1;
        window[0] = i >= 2 ? buf[i - 2] : prev[i];
        window[1] = i >= 1 ? buf[i - 1] : prev[1];
        window[2] = buf[i];
        if (window[0] == '%' && window[1] == '0' && window[2] == '0') return 1;
    }
    return 0;
}

static int cb_read(void *data, char *buf, int len)
{
    int n = FCGX_GetStr(buf, len, ((FCGX_Request *)data)->in);
    if (n > 0) {
        if (has_encoded_nul(body_tail, buf, n)) nul_seen = 1;
        body_tail[0] = n >= 2 ? buf[n - 2] : body_tail[1];
        body_tail[1] = buf[n - 1];
    }
    return n;
}

static int cb_writef(void *data, const char *fmt, va_list ap)
{
    return FCGX_VFPrintF(((FCGX_Request *)data)->out, fmt, ap);
}

static int cb_write(void *data, const char *buf, int len)
{
    return FCGX_PutStr(buf, len, ((FCGX_Request *)data)->out);
}

static int is_form_type(const char *type)
{
    size_t n = strlen("application/x-www-form-urlencoded");
    if (!type || strncasecmp(type, "application/x-www-form-urlencoded", n) != 0) return 0;
    return type[n] == 0 || type[n] == ';' || type[n] == ' ';
}

/* What the kit is shown of the request's parameters: what it parses (the
 * query string, the cookies, a form body) and the one the templates use
 * (CGI.RequestURI).  It would otherwise copy every parameter it knows of
 * and every header into the tree of every request, for nobody to read; the
 * handlers read parameters with req_env(). */
static int shown_to_kit(const char *name)
{
    static const char *const shown[] = {
        "CONTENT_TYPE", "CONTENT_LENGTH", "QUERY_STRING", "REQUEST_METHOD",
        "REQUEST_URI", "PATH_INFO", "HTTP_COOKIE", NULL,
    };
    for (int i = 0; shown[i]; i++)
        if (strcmp(name, shown[i]) == 0) return 1;
    return 0;
}

/* The kit parses a form body only when CONTENT_TYPE is exactly
 * "application/x-www-form-urlencoded"; a form sent with "; charset=UTF-8"
 * or in other letter case would lose every field, so it is shown the bare
 * media type. */
static char *cb_getenv(void *data, const char *name)
{
    (void)data;
    const char *v = param_get(name);
    if (!v || !shown_to_kit(name)) return NULL;
    if (strcmp(name, "CONTENT_TYPE") == 0 && is_form_type(v))
        v = "application/x-www-form-urlencoded";
    return strdup(v);
}

static int cb_putenv(void *data, const char *name, const char *value)
{
    (void)data, (void)name, (void)value;
    return -1;   /* the request's parameters are read-only */
}

/* The headers the kit exports as HTTP.*: only the cookies. */
static int cb_iterenv(void *data, int n, char **name, char **value)
{
    (void)data;
    const char *cookie = param_get("HTTP_COOKIE");
    if (n == 0 && cookie) {
        *name = strdup("HTTP_COOKIE");
        *value = strdup(cookie);
    }
    return 0;
}

static FCGX_Request *current;

const char *req_env(struct request *r, const char *name)
{
    (void)r;
    return current ? param_get(name) : NULL;
}

const char *req_param(struct request *r, const char *name)
{
    char key[128];
    snprintf(key, sizeof(key), "Query.%s", name);
    return hdf_get_value(r->hdf, key, NULL);
}

/* Every name and value under `node`, at any depth, must be valid UTF-8. */
static int hdf_utf8_valid(HDF *node)
{
    for (HDF *c = node ? hdf_obj_child(node) : NULL; c; c = hdf_obj_next(c)) {
        const char *name = hdf_obj_name(c), *value = hdf_obj_value(c);
        if (name && !utf8_valid(name, strlen(name))) return 0;
        if (value && !utf8_valid(value, strlen(value))) return 0;
        if (!hdf_utf8_valid(c)) return 0;
    }
    return 1;
}

static int nerr_failed(NEOERR *err)
{
    if (!err) return 0;
    nerr_ignore(&err);
    return 1;
}

/* Every form of the portal posts application/x-www-form-urlencoded.  Other
 * bodies are refused before ClearSilver sees them: its multipart parser
 * (rfc2388.c in 0.10.5) crashes on a boundary-less multipart request after
 * a multipart one and leaks on repeated part headers (found by
 * tests/fuzz/).  A route that takes a file (ROUTE_FORM_UPLOAD) is sent
 * multipart/form-data, read by upload.c instead. */
static int body_type_accepted(const struct route *route, const char *type, const char *len)
{
    if (!len || atol(len) == 0) return 1;
    return is_form_type(type) || (route->shows_form == ROUTE_FORM_UPLOAD && upload_is_multipart(type));
}

/* A multipart body, read whole (its length is within the limit) and
 * parsed by upload.c: fields into Query.*, files into Upload.* of the
 * private tree.  0, or a status. */
static int read_upload(struct request *r, const char *type, long len)
{
    char *body = malloc((size_t)len + 1);
    HDF *query = NULL, *files = NULL;
    if (!body) return 503;
    int got = current ? FCGX_GetStr(body, (int)len, current->in) : 0;
    body[got > 0 ? got : 0] = 0;
    int bad = got != len || hdf_get_node(r->hdf, "Query", &query) != STATUS_OK ||
              hdf_get_node(r->private_hdf, "Upload", &files) != STATUS_OK ||
              upload_parse(type, body, (size_t)len, query, files) != 0;
    free(body);
    return bad ? 400 : 0;
}

int healthz(struct request *r)
{
    r->content_type = "text/plain; charset=utf-8";
    if (db_row(r->private_hdf, "Health", "SELECT 1 AS ok", "") != 1) {
        string_append(&r->body, "database unavailable\n");
        return 503;
    }
    string_append(&r->body, "ok\n");
    return 200;
}

/* Login, role and CSRF checks that stand before every handler. */
static int guard(const struct program *prog, struct request *r)
{
    if (prog->uses_sessions) session_load(r);
    if (r->route->roles) {
        if (!r->user.id) {
            char target[600], *escaped = NULL;
            if (strcmp(r->method, "GET") != 0 || nerr_failed(cgi_url_escape(r->path, &escaped)))
                return redirect(r, prog->login_path);
            snprintf(target, sizeof(target), "%s?next=%s", prog->login_path, escaped);
            free(escaped);
            return redirect(r, target);
        }
        if (!(r->user.roles & r->route->roles)) return 403;
    }
    if (strcmp(r->method, "POST") == 0 && !csrf_valid(r)) return 403;
    if (prog->uses_sessions || r->route->shows_form) csrf_prepare(r);
    return 0;
}

/* What a handler may have changed, kept from before it ran so that it can
 * run again as if for the first time. */
struct request_start {
    HDF *hdf, *private_hdf;
    int headers_len;
    const char *content_type;
    int cacheable;
};

static int start_keep(struct request *r, struct request_start *k)
{
    memset(k, 0, sizeof(*k));
    if (nerr_failed(hdf_init(&k->hdf)) || nerr_failed(hdf_init(&k->private_hdf)) ||
        nerr_failed(hdf_copy(k->hdf, "", r->hdf)) ||
        nerr_failed(hdf_copy(k->private_hdf, "", r->private_hdf))) {
        hdf_destroy(&k->hdf);
        hdf_destroy(&k->private_hdf);
        return -1;
    }
    k->headers_len = r->headers.len;
    k->content_type = r->content_type;
    k->cacheable = r->cacheable;
    return 0;
}

/* Empties `node` and fills it again from `from`, keeping the node itself
 * (the CGI kit holds on to r->hdf). */
static int hdf_refill(HDF *node, HDF *from)
{
    HDF *c;
    while ((c = hdf_obj_child(node)) != NULL)
        if (nerr_failed(hdf_remove_tree(node, hdf_obj_name(c)))) return -1;
    return nerr_failed(hdf_copy(node, "", from)) ? -1 : 0;
}

static int start_restore(struct request *r, struct request_start *k)
{
    if (hdf_refill(r->hdf, k->hdf) || hdf_refill(r->private_hdf, k->private_hdf)) return -1;
    r->headers.len = k->headers_len;
    if (r->headers.buf) r->headers.buf[r->headers.len] = 0;
    r->body.len = 0;
    if (r->body.buf) r->body.buf[0] = 0;
    r->content_type = k->content_type;
    r->cacheable = k->cacheable;
    return 0;
}

static void start_forget(struct request_start *k)
{
    hdf_destroy(&k->hdf);
    hdf_destroy(&k->private_hdf);
}

#define HANDLER_RUNS 5

/* Runs the route's handler.  A POST whose transaction failed leaving
 * nothing written (a deadlock, a Galera certification conflict, its
 * database node lost before COMMIT: see db.c) is run again from the start,
 * at most HANDLER_RUNS times in all, so every write of every service
 * survives a conflict between nodes without code of its own. */
static int handler_run(struct request *r)
{
    struct request_start k;
    int keep = strcmp(r->method, "POST") == 0 && start_keep(r, &k) == 0;
    int status = 0;
    for (int run = 1;; run++) {
        db_retry_wanted();
        status = r->route->handler(r);
        if (db_in_transaction()) db_rollback();  /* a handler that failed midway */
        if (!keep || run == HANDLER_RUNS || !db_retry_wanted()) break;
        log_note("db: transaction left nothing written (%u), running %s again", db_errno(), r->path);
        if (start_restore(r, &k)) break;
        db_conflict_pause(run);
    }
    if (keep) start_forget(&k);
    return status;
}

static int dispatch(const struct program *prog, struct request *r)
{
    char allow[64];
    long long id = 0;
    const char *len;

    const char *query = req_env(r, "QUERY_STRING");
    if (query && strstr(query, "%00")) return 400;
    if (nerr_failed(cgi_init(&r->cgi, NULL))) return 400;
    r->hdf = r->cgi->hdf;
    /* the query string is parsed now, the body later: a CSRF token in the
     * query string (where it leaks into logs, Referer and history) does
     * not count, even if the body carries one too */
    r->csrf_in_query = hdf_get_obj(r->hdf, "Query._csrf") != NULL;
    if (!utf8_valid(r->path, strlen(r->path)) || strlen(r->path) > 1000) return 400;
    switch (route_find(prog->routes, r->method, r->path, &r->route, &id, allow, sizeof(allow))) {
    case ROUTE_NONE: return 404;
    case ROUTE_WRONG_METHOD: header_add(r, "Allow", allow); return 405;
    case ROUTE_FOUND: break;
    }
    r->path_id = id;
    len = req_env(r, "CONTENT_LENGTH");
    if (len && atol(len) > (r->route->shows_form == ROUTE_FORM_UPLOAD ? UPLOAD_MAX_BODY : cfg.max_body)) return 413;
    const char *type = req_env(r, "CONTENT_TYPE");
    if (!body_type_accepted(r->route, type, len)) return 415;
    nul_seen = 0;
    body_tail[0] = body_tail[1] = 0;
    if (len && atol(len) > 0 && upload_is_multipart(type)) {
        int status = read_upload(r, type, atol(len));
        if (status) return status;
    } else if (nerr_failed(cgi_parse(r->cgi)) || nul_seen) {
        return 400;
    }
    if (!hdf_utf8_valid(hdf_get_obj(r->hdf, "Query")) ||
        !hdf_utf8_valid(hdf_get_obj(r->hdf, "Cookie")))
        return 400;
    hdf_set_value(r->hdf, "Page.path", r->path);
    /* on a cluster: a form, a personal page or the office reads what was
     * just written, wherever it was written (db.c, db_causal_reads) */
    db_causal_reads(prog->uses_sessions || r->route->shows_form || strcmp(r->method, "POST") == 0);
    int status = guard(prog, r);
    if (status) return status;
    status = handler_run(r);
    if (status == 500 && !db_connected()) status = 503;  /* the database is away */
    return status;
}

void request_serve(const struct program *prog, void *fcgx_request)
{
    FCGX_Request *fr = fcgx_request;
    struct request r;
    double started = now_ms();

    memset(&r, 0, sizeof(r));
    current = fr;
    string_init(&r.headers);
    string_init(&r.body);
    hdf_init(&r.private_hdf);
    param_index(fr->envp);
    cgiwrap_init_emu(fr, cb_read, cb_writef, cb_write, cb_getenv, cb_putenv, cb_iterenv);

    const char *rid = param_get("REQUEST_ID");
    if (rid && strlen(rid) < sizeof(r.request_id) && strspn(rid, "0123456789abcdef") == strlen(rid)) {
        snprintf(r.request_id, sizeof(r.request_id), "%s", rid);
    } else {
        unsigned char raw[8];
        randombytes_buf(raw, sizeof(raw));
        sodium_bin2hex(r.request_id, sizeof(r.request_id), raw, sizeof(raw));
    }
    r.method = param_get("REQUEST_METHOD");
    r.path = param_get("DOCUMENT_URI");
    r.client_ip = param_get("REMOTE_ADDR");
    if (!r.method) r.method = "GET";
    if (!r.path) r.path = "/";
    if (strcmp(r.method, "HEAD") == 0) r.method = "GET";

    r.status = dispatch(prog, &r);
    if (!r.hdf) {
        /* cgi_init failed: an empty tree is enough for the error page */
        hdf_init(&r.hdf);
    }
    if (r.status >= 400 && !r.body.len) error_page(&r, r.status);

    response_send(&r, fr);
    log_request(&r, now_ms() - started);

    if (r.cgi) cgi_destroy(&r.cgi);
    else hdf_destroy(&r.hdf);
    hdf_destroy(&r.private_hdf);
    string_clear(&r.headers);
    string_clear(&r.body);
    current = NULL;
}
