/*
 * portal.h - the core library every handler program links against.
 *
 * A handler sees a `struct request` whose HDF tree already holds the parsed
 * query, body and cookies (ClearSilver's CGI kit), reads its input only
 * through a field table (fields.c), talks to MariaDB only through prepared
 * statements (db.c), and answers by rendering a template (render.c) or by a
 * redirect.  Everything else - the worker pool, limits, UTF-8 checks, CSRF,
 * sessions, error pages, logging - happens around it, here, once.
 */
#ifndef PORTAL_H
#define PORTAL_H

#include <stdarg.h>
#include <stddef.h>
#include <ClearSilver.h>

/* ---- roles (bit values match the order of users.roles SET in sql/) ---- */
enum role {
    ROLE_OFFICE = 1 << 0,     /* 医院办公室: notices, schedules, prices */
    ROLE_DESK = 1 << 1,       /* 门诊服务台: check-in */
    ROLE_LAB = 1 << 2,        /* 检验科 */
    ROLE_VOLUNTEER = 1 << 3,  /* 志愿者协调员 */
    ROLE_ADMIN = 1 << 4,      /* 系统管理员 */
};
#define ROLE_ANY_LOGGED_IN 0x1f

struct user {
    long long id;             /* 0 when nobody is logged in */
    unsigned roles;
    char username[65];
};

struct request {
    CGI *cgi;
    HDF *hdf;                 /* per request: CGI.*, Query.*, Cookie.*, page data */
    HDF *private_hdf;         /* per request, never rendered: secrets, scratch rows */
    const char *method;       /* GET (also for HEAD), POST, ... */
    const char *path;         /* normalised, decoded path from nginx */
    long long path_id;        /* the {id} segment of the matched route, if any */
    const struct route *route;
    const char *client_ip;
    char request_id[40];
    int csrf_in_query;        /* a _csrf parameter came in the query string */

    struct user user;
    char session_hash[65];    /* hex SHA-256 of the session cookie, "" if none */

    /* response under construction */
    int status;
    STRING headers;           /* extra header lines, each ending in \r\n */
    STRING body;
    const char *content_type;
    int cacheable;            /* identical for every anonymous visitor */
    const char *cache_control;   /* a handler's own Cache-Control (files with an ETag) */
    /* a body too large to hold: written by the handler through
     * response_write() after the headers, without Content-Length */
    int (*stream)(struct request *r);
    void *stream_data;
    void *out;                /* the FastCGI stream, while stream() runs */
};

typedef int (*handler_fn)(struct request *r);

/* One row of a program's route table.  `roles` 0 means public. */
struct route {
    const char *method;       /* "GET" or "POST" */
    const char *pattern;      /* "/notices/" or "/notices/{id}" */
    handler_fn handler;
    unsigned roles;
    int shows_form;           /* the page has a form: give it a CSRF token;
                                 ROUTE_FORM_UPLOAD: its POST may also be
                                 multipart/form-data (a file), read by upload.c */
};

#define ROUTE_FORM_UPLOAD 2

struct program {
    const char *name;         /* "public" or "office": in logs */
    const struct route *routes;
    int uses_sessions;        /* office: load the login session */
    const char *login_path;   /* where to send someone not logged in */
};

/* server.c: parse options, open the socket, run the worker pool. */
int portal_main(int argc, char **argv, const struct program *prog);

/* config.c: values from the command line, fixed for the process. */
struct config {
    const char *socket_path;
    int workers;
    const char *run_as_user;
    const char *pid_file;
    const char *templates_dir;
    const char *db_socket;
    const char *db_name;
    const char *db_user;
    char db_password[128];
    long max_body;            /* bytes */
    int db_statements;        /* prepared statements kept; 0: db.c's own */
};
extern struct config cfg;
int config_parse(int argc, char **argv);

/* ---- request.c ---- */
void request_serve(const struct program *prog, void *fcgx_request);
const char *req_param(struct request *r, const char *name);  /* raw Query.name */
const char *req_env(struct request *r, const char *name);    /* CGI env value */

int healthz(struct request *r);   /* 200 only when MariaDB answers */

/* ---- route.c ---- */
enum route_match { ROUTE_NONE, ROUTE_FOUND, ROUTE_WRONG_METHOD };
enum route_match route_find(const struct route *routes, const char *method,
                            const char *path, const struct route **found,
                            long long *id, char *allow, size_t allow_len);

/* ---- fields.c: declarative input ---- */
struct form;
enum field_type {
    FIELD_TEXT,        /* one line of text */
    FIELD_MULTILINE,   /* paragraphs */
    FIELD_INT,
    FIELD_CHOICE,      /* one of `choices` */
    FIELD_DATETIME,    /* "YYYY-MM-DDTHH:MM" from <input type=datetime-local> */
    FIELD_CHECKBOX,    /* present = 1 */
    FIELD_SECRET,      /* password: never echoed back into the form */
    FIELD_MOBILE,      /* mainland mobile number, 11 digits (identity.c) */
    FIELD_MONEY,       /* yuan with up to two decimals; number = fen */
    FIELD_DATE,        /* "YYYY-MM-DD" into datetime */
    FIELD_CODE,        /* a number or code people type (a document number,
                          a confirmation number, a barcode): full-width
                          characters made ASCII and spaces dropped
                          (identity.c), then checked as FIELD_TEXT */
    FIELD_PICK,        /* the id of a record picked from a list (a doctor,
                          a slot): an integer in [min, max] into number;
                          missing reads "please choose", not "please fill in" */
};

struct field {
    const char *name;             /* parameter name, and Form.<name> in HDF */
    enum field_type type;
    int required;
    long long min, max;           /* characters for text, value for int */
    const char *const *choices;   /* NULL-terminated, for FIELD_CHOICE */
    const char *label;            /* key under Lang. for the field's label */
    /* a further check of the service's own, run after the type's; it may
     * look at fields earlier in the table.  Returns an error code or NULL. */
    const char *(*check)(const struct form *f, const char *value);
};
#define FIELD_MAX 32

struct form_value {
    const char *text;     /* validated, trimmed; NULL when absent */
    long long number;     /* FIELD_INT, FIELD_CHECKBOX; also choice index */
    char datetime[20];    /* FIELD_DATETIME as "YYYY-MM-DD HH:MM:00" */
};

struct form {
    const struct field *fields;
    int count;
    int errors;
    struct form_value v[FIELD_MAX];
};

int form_read(struct request *r, const struct field *fields, struct form *f);
void form_fill(struct request *r, const struct field *fields, HDF *row);
void form_error(struct request *r, struct form *f, int index, const char *code);
void form_error_text(struct request *r, struct form *f, int index, const char *text);
void form_keep(struct request *r, const struct field *fields);

/* ---- validate.c: pure checks, unit tested ---- */
int utf8_valid(const char *s, size_t len);
long utf8_chars(const char *s);
int text_has_control(const char *s, int allow_newlines);
int parse_datetime_local(const char *s, char out[20]);
int parse_int(const char *s, long long min, long long max, long long *out);
int local_path_safe(const char *s);

/* ---- money.c ---- */
int money_parse_yuan(const char *s, long long *fen);
int parse_date(const char *s, char out[11]);

/* ---- workcal.c: working-day deadlines by the office's calendar ----
 * The same wall-clock time on the `days`-th working day after `from`
 * ("YYYY-MM-DD HH:MM:SS"), public holidays skipped and weekend days worked
 * counted (calendar_days, sql/025); rows read into `scratch`.  0, or -1. */
int workcal_deadline(HDF *scratch, const char *from, int days, char out[20]);

/* ---- db.c: one connection per process, prepared statements only ----
 * Parameter types: 's' string (NULL pointer = SQL NULL), 'i' long long.
 * Result rows land in HDF as prefix.N.column (db_rows) or prefix.column.
 * db_exec returns the rows an UPDATE matched (CLIENT_FOUND_ROWS), or -1. */
int db_connect(void);
void db_close(void);
long long db_exec(const char *sql, const char *types, ...);
long long db_exec_va(const char *sql, const char *types, va_list ap);
int db_rows(HDF *hdf, const char *prefix, const char *sql, const char *types, ...);
int db_row(HDF *hdf, const char *prefix, const char *sql, const char *types, ...);
int db_call(HDF *hdf, const char *prefix, const char *sql, const char *types, ...);
long long db_last_insert_id(void);
unsigned db_errno(void);          /* MariaDB error of the last failure */
int db_begin(void);
int db_commit(void);
void db_rollback(void);
int db_in_transaction(void);
int db_connected(void);
int db_node(void);                /* index of the node connected to, or -1 */
int db_node_count(void);          /* nodes given; more than one: a cluster */
int db_retry_wanted(void);        /* the failed transaction may run again */
void db_conflict_pause(int tries); /* jittered pause before running it again */
void db_causal_reads(int wanted);  /* cluster: reads wait for earlier commits */

/* ---- render.c ---- */
int render_init(void);
HDF *render_globals(void);
int render(struct request *r, const char *template_name);
const char *lang(const char *key);
int render_template_to(HDF *hdf, const char *template_name, STRING *out);

/* ---- response.c ---- */
void header_add(struct request *r, const char *name, const char *value);
void cookie_set(struct request *r, const char *name, const char *value,
                const char *path, long max_age);
int redirect(struct request *r, const char *location);
int error_page(struct request *r, int status);
void response_send(struct request *r, void *fcgx_request);
int response_write(struct request *r, const char *buf, size_t len);
const char *status_text(int status);

/* ---- ratelimit.c: how often something may happen (rules in rate_rules) ---- */
struct rate_answer {
    int allowed;              /* the caller may go on */
    long retry_after;         /* seconds until a block ends, 0 when none */
    char until[20];           /* when it ends, Asia/Shanghai: "HH:MM:SS" today,
                                 else "YYYY-MM-DD HH:MM" */
    long hits;                /* takes counted in the window, this one included */
    char scope[33];
};
int rate_take(const char *scope, const char *subject, struct rate_answer *a);
void rate_subject(const char *scope, const char *subject, char out[65]);
void rate_answer_read(HDF *node, const char *scope, struct rate_answer *a);
void rate_forgive(const char *scope, const char *subject, int hits);
void rate_message(const struct rate_answer *a, STRING *out);
int rate_refuse(struct request *r, struct form *f, int index, const struct rate_answer *a);

/* ---- lookup.c: a record found by its number and a second factor ---- */
struct lookup_policy {
    const char *per_client;   /* rate rule of failed lookups from one address */
    const char *per_number;   /* ... of one number, whether it exists or not */
};
int lookup_allowed(struct request *r, const struct lookup_policy *p, struct form *f,
                   int number_field, const char *number);
void lookup_found(struct request *r, const struct lookup_policy *p, const char *number);

/* ---- verify.c: a mobile proved by a code sent to it ---- */
int verify_send(struct request *r, struct form *f, int index, const char *mobile);
int verify_check(struct request *r, struct form *f, int index, const char *mobile, const char *code);
const char *verified_mobile(struct request *r, char out[12]);
void verify_forget(struct request *r);

/* ---- outbox.c: messages queued in the caller's transaction ---- */
#define OUTBOX_ERASE_AFTER_SEND 1   /* its parameters are secret (a code) */
int outbox_queue(const char *key, const char *kind, const char *mobile, int flags, ...)
    __attribute__((sentinel));
int outbox_queue_at(const char *not_before, const char *key, const char *kind, const char *mobile,
                    int flags, ...) __attribute__((sentinel));

/* ---- json.c ---- */
int json_object_to_hdf(const char *text, HDF *node);

/* ---- secret.c: MACs with named keys from app_secrets ---- */
int secret_mac(const char *name, const char *message, char *out, size_t outlen, size_t chars);
int secret_mac_matches(const char *name, const char *message, const char *token, size_t chars);
int secret_key_install(const char *name, const char *hex);   /* unit tests */

/* ---- signed.c: signed, expiring tokens for links and QR codes ---- */
#define SIGNED_TOKEN_MAX 160
enum signed_state { SIGNED_VALID = 0, SIGNED_BAD = -1, SIGNED_EXPIRED = 1 };
int signed_token_make(const char *key, const char *purpose, const char *subject,
                      long long expires_at, char *out, size_t outlen);
enum signed_state signed_token_open(const char *key, const char *purpose, const char *token,
                                    char *subject, size_t subject_len, long long *expires_at);

/* ---- csrf.c ---- */
void csrf_prepare(struct request *r);
int csrf_valid(struct request *r);
int csrf_token_for(const char *seed, char *out, size_t outlen);

/* ---- session.c: office logins ---- */
void session_load(struct request *r);
int session_start(struct request *r, long long user_id);
void session_end(struct request *r);

/* ---- password.c ---- */
int password_hash(const char *password, char *out, size_t outlen);
int password_verify(const char *hash, const char *password);

/* ---- audit.c ---- */
int audit_snapshot(const char *snapshot_sql, long long id, char **json);
int audit_record(struct request *r, const char *action, const char *entity,
                 long long id, const char *before_json, const char *after_json);
#define AUDIT_NOT_FOUND (-2)
long long audit_update(struct request *r, const char *action, const char *entity, long long id,
                       const char *snapshot_sql, const char *update_sql, const char *types, ...);

/* ---- log.c ---- */
void log_request(struct request *r, double elapsed_ms);
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_set_pid(void);          /* after fork */
void log_hold(int on);           /* hold request lines back until log_flush */
void log_flush(void);
void log_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- util ---- */
int random_token(char *out, size_t outlen);   /* base64url of 32 random bytes */
void sha256_hex(const char *in, char out[65]);
double now_ms(void);
void text_fill(STRING *out, const char *tmpl, HDF *vars);   /* {name} from vars' children */

#endif
