/*
 * db.c - the process's one MariaDB connection and its prepared statements.
 *
 * Every statement goes through stmt_run(): it is prepared once per
 * connection and kept in a small cache keyed by its SQL text, parameters are
 * bound by a type string ('s' string or NULL, 'i' long long), and results are
 * copied into the request's HDF tree as text, which is all a template needs.
 *
 * When the server has gone away (restart, idle timeout, killed connection)
 * the connection and its statements are dropped and built again.  A
 * statement outside a transaction is then retried; inside one it fails,
 * because the server has already rolled the transaction back.  A write
 * retried so may have committed before its answer was lost: every such
 * write must answer its second run as its first (the patients' procedures
 * look for the row their request made, sql/024).  A statement
 * (or stored procedure) outside a transaction that InnoDB rolls back to
 * break a deadlock is retried the same way.
 *
 * On a Galera cluster (--db-socket names several nodes, comma-separated:
 * socket paths or host:port) the process connects to the first node that
 * answers and is ready (wsrep_ready), and moves to the next when its node
 * goes away or says it cannot serve (1047, a node without quorum or still
 * joining).  A transaction that fails in a way that leaves nothing written
 * (a deadlock, Galera's certification conflict at COMMIT, a node lost
 * before COMMIT) is marked worth retrying: request.c then runs the whole
 * handler again, a bounded number of times (db_retry_wanted()).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <mysql.h>
#include <sodium.h>
#include <errmsg.h>
#include <mysqld_error.h>
#include "portal.h"

#define MAX_PARAMS 32
#define MAX_COLUMNS 64
/* Prepared statements kept per connection.  The office program has some
 * 200 different statements (the HTTP and browser tests take one office
 * worker past 100 of them); one beyond the capacity closes the one used
 * longest ago (--db-statements sets a smaller capacity, which the
 * sanitizer test run uses to exercise that path). */
#define MAX_STATEMENTS 256
#define COLUMN_BUFFER 1024

struct cached_stmt {
    const char *sql;
    MYSQL_STMT *stmt;
    unsigned long long used;  /* stmt_clock at its last use */
    unsigned ncols;
    char *colnames[MAX_COLUMNS];
};

struct param {
    char type;
    const char *s;
    long long i;
};

#define MAX_NODES 8

struct db_node {
    char host[128];           /* "" for a Unix socket */
    unsigned port;
    char socket[256];
};

static MYSQL *conn;
static struct cached_stmt cache[MAX_STATEMENTS];
static int ncache;
static unsigned long long stmt_clock;
static int in_transaction;
static unsigned last_errno;
static int retry_wanted;      /* the last transaction failed and left nothing */
static struct db_node nodes[MAX_NODES];
static int nnodes, node_current;

/* A node that cannot serve this connection: it has no quorum, or is
 * still joining the cluster (ER_UNKNOWN_COM_ERROR is what Galera says). */
static int node_unusable(unsigned err)
{
    return err == ER_UNKNOWN_COM_ERROR;
}

static int connection_lost(unsigned err)
{
    return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
           err == ER_CONNECTION_KILLED || err == CR_CONNECTION_ERROR ||
           err == ER_SERVER_SHUTDOWN || err == CR_CONN_HOST_ERROR || node_unusable(err);
}

/* Reads cfg.db_socket once: one node, or several separated by commas.
 * An entry with a '/' is a socket path, otherwise host:port. */
static int nodes_parse(void)
{
    if (nnodes) return 0;
    const char *p = cfg.db_socket;
    while (p && *p && nnodes < MAX_NODES) {
        size_t len = strcspn(p, ",");
        struct db_node *n = &nodes[nnodes];
        char entry[384];
        if (len == 0 || len >= sizeof(entry)) return -1;
        memcpy(entry, p, len);
        entry[len] = 0;
        char *colon = strrchr(entry, ':');
        if (strchr(entry, '/') || !colon) {
            if (len >= sizeof(n->socket)) return -1;
            memcpy(n->socket, entry, len + 1);
        } else {
            long long port;
            size_t host_len = (size_t)(colon - entry);
            *colon = 0;
            if (!parse_int(colon + 1, 1, 65535, &port) || host_len >= sizeof(n->host)) return -1;
            memcpy(n->host, entry, host_len + 1);
            n->port = (unsigned)port;
        }
        nnodes++;
        p += len;
        if (*p == ',') p++;
    }
    return nnodes ? 0 : -1;
}

/* The node this process is connected to (its index in --db-socket),
 * or -1: for the log and the cluster tests. */
int db_node(void)
{
    return conn ? node_current : -1;
}

static int causal_now;   /* the connection's wsrep_sync_wait, 0 or 1 */

/* On a cluster, whether the reads that follow must first wait until this
 * node has applied what the cluster committed before them (Galera's
 * causality check, wsrep_sync_wait = 1): yes for what a person reads of
 * their own right after writing it through another node (a confirmation
 * page after its POST, a lookup, the office's pages); no for the public
 * pages every visitor reads alike, which may be a few milliseconds behind
 * and are served from a cache that may be two seconds old anyway.  The
 * check costs a round of the cluster's messages per read, so it is only
 * paid where it matters.  Nothing on one server. */
void db_causal_reads(int wanted)
{
    wanted = wanted ? 1 : 0;
    if (nnodes <= 1 || (conn && causal_now == wanted)) return;
    if (db_exec("SET SESSION wsrep_sync_wait = ?", "i", (long long)wanted) >= 0) causal_now = wanted;
}

/* How many database nodes the process was given: more than one is a
 * Galera cluster. */
int db_node_count(void)
{
    return nodes_parse() == 0 ? nnodes : 0;
}

/* 1 when the transaction that just failed may be run again from its
 * start (nothing of it was written); clears the mark. */
int db_retry_wanted(void)
{
    int wanted = retry_wanted;
    retry_wanted = 0;
    return wanted;
}

static void stmt_forget(struct cached_stmt *cs)
{
    mysql_stmt_close(cs->stmt);
    for (unsigned c = 0; c < cs->ncols; c++) free(cs->colnames[c]);
    cs->ncols = 0;
}

static void cache_clear(void)
{
    for (int i = 0; i < ncache; i++) stmt_forget(&cache[i]);
    ncache = 0;
}

void db_close(void)
{
    causal_now = 0;   /* a new connection starts without the check */
    cache_clear();
    if (conn) mysql_close(conn);
    conn = NULL;
    in_transaction = 0;
}

static MYSQL *node_connect(const struct db_node *n)
{
    /* a cluster's nodes are a LAN away and there are others to try: a node
     * that does not answer within a second, or a query that hangs five
     * (its node cut off mid-query), is left for the next */
    unsigned timeout = nnodes > 1 ? 1 : 3, io_timeout = nnodes > 1 ? 5 : 15;
    MYSQL *c = mysql_init(NULL);
    if (!c) return NULL;
    mysql_optionsv(c, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    mysql_optionsv(c, MYSQL_INIT_COMMAND, "SET time_zone = '+08:00'");
    mysql_optionsv(c, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_optionsv(c, MYSQL_OPT_READ_TIMEOUT, &io_timeout);
    mysql_optionsv(c, MYSQL_OPT_WRITE_TIMEOUT, &io_timeout);
    /* CLIENT_FOUND_ROWS: an UPDATE counts the rows its WHERE matched, so
     * "0 rows" means "no such row in that state", also when the new
     * values equal the old ones. */
    if (!mysql_real_connect(c, n->host[0] ? n->host : NULL, cfg.db_user, cfg.db_password,
                            cfg.db_name, n->port, n->host[0] ? NULL : n->socket, CLIENT_FOUND_ROWS)) {
        log_error("db: connect to %s as %s failed: %s", n->host[0] ? n->host : n->socket,
                  cfg.db_user, mysql_error(c));
        mysql_close(c);
        return NULL;
    }
    return c;
}

/* On a cluster, a node answers before it may be used: while it joins,
 * or when it is cut off from the others, it says wsrep_ready = OFF. */
static int node_ready(void)
{
    HDF *tmp;
    if (hdf_init(&tmp)) return 0;
    int found = db_row(tmp, "N",
        "SELECT @@wsrep_on = 0 OR (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
        " WHERE VARIABLE_NAME = 'WSREP_READY') = 'ON' AS ready", "");
    int ready = found == 1 && hdf_get_int_value(tmp, "N.ready", 0) == 1;
    hdf_destroy(&tmp);
    return ready;
}

/* A read on a node cut off from the cluster waits for a causality check
 * that cannot come and fails with a lock wait timeout (1205); so does a
 * write.  Then the node is asked whether it is still ready, and one that
 * is not is left like a lost connection. */
static int asking_node;   /* node_ready()'s own query is running */

static int node_left_cluster(unsigned err)
{
    if (nnodes <= 1 || err != ER_LOCK_WAIT_TIMEOUT || asking_node || !conn) return 0;
    asking_node = 1;
    int ready = node_ready();
    asking_node = 0;
    if (!ready) log_error("db: node %d has left the cluster's primary component", node_current);
    return !ready;
}

/* Connects with the program's own account to the first node, from the
 * current one on, that answers and is ready.  Session time zone is fixed
 * to Asia/Shanghai (+08:00, no daylight saving) so NOW() and stored
 * DATETIMEs agree with what the hospital's clocks say. */
int db_connect(void)
{
    static double all_failed_at;
    if (conn) return 0;
    if (nodes_parse()) {
        log_error("db: --db-socket '%s' names no usable node", cfg.db_socket ? cfg.db_socket : "");
        return -1;
    }
    /* every node just failed: answer "unavailable" at once for a second
     * rather than make each request wait for every node's timeout */
    if (nnodes > 1 && all_failed_at > 0 && now_ms() - all_failed_at < 1000.0) return -1;
    for (int k = 0; k < nnodes; k++) {
        int i = (node_current + k) % nnodes;
        conn = node_connect(&nodes[i]);
        if (!conn) continue;
        node_current = i;
        if (nnodes == 1 || node_ready()) return 0;
        log_error("db: node %d is not ready (joining, or without quorum)", i);
        db_close();
    }
    /* next time, begin after the node that failed last */
    node_current = (node_current + 1) % nnodes;
    all_failed_at = now_ms();
    return -1;
}

/* The names of the columns the statement's current result has.  Known at
 * prepare time for a query; for a CALL only once it has run, and again
 * for each result it returns. */
static void read_column_names(struct cached_stmt *cs)
{
    for (unsigned c = 0; c < cs->ncols; c++) free(cs->colnames[c]);
    cs->ncols = 0;
    MYSQL_RES *meta = mysql_stmt_result_metadata(cs->stmt);
    if (!meta) return;
    unsigned n = mysql_num_fields(meta);
    MYSQL_FIELD *f = mysql_fetch_fields(meta);
    if (n > MAX_COLUMNS) n = MAX_COLUMNS;
    for (unsigned c = 0; c < n; c++) cs->colnames[c] = strdup(f[c].name);
    cs->ncols = n;
    mysql_free_result(meta);
}

static int cache_capacity(void)
{
    return cfg.db_statements > 0 && cfg.db_statements < MAX_STATEMENTS ? cfg.db_statements : MAX_STATEMENTS;
}

/* The slot for a statement not in the cache: a free one, or the one used
 * longest ago, closed.  Only one statement's results are read at a time,
 * so the one closed is never still being read. */
static struct cached_stmt *stmt_slot(void)
{
    if (ncache < cache_capacity()) return &cache[ncache++];
    struct cached_stmt *oldest = &cache[0];
    for (int i = 1; i < ncache; i++)
        if (cache[i].used < oldest->used) oldest = &cache[i];
    stmt_forget(oldest);
    return oldest;
}

/* SQL texts are string literals, so the same pointer is the usual hit;
 * the same text from another pointer is the rare one. */
static struct cached_stmt *stmt_get(const char *sql)
{
    struct cached_stmt *cs = NULL;
    for (int i = 0; i < ncache && !cs; i++)
        if (cache[i].sql == sql) cs = &cache[i];
    for (int i = 0; i < ncache && !cs; i++)
        if (strcmp(cache[i].sql, sql) == 0) cs = &cache[i];
    if (cs) {
        cs->used = ++stmt_clock;
        return cs;
    }
    MYSQL_STMT *st = mysql_stmt_init(conn);
    if (!st) return NULL;
    if (mysql_stmt_prepare(st, sql, strlen(sql))) {
        last_errno = mysql_stmt_errno(st);
        if (!connection_lost(last_errno))
            log_error("db: prepare failed (%u %s): %s", last_errno, mysql_stmt_error(st), sql);
        mysql_stmt_close(st);
        return NULL;
    }
    cs = stmt_slot();
    cs->sql = sql;
    cs->stmt = st;
    cs->used = ++stmt_clock;
    cs->ncols = 0;
    read_column_names(cs);
    return cs;
}

/* The lengths and NULL flags are read by mysql_stmt_execute(), after this
 * returns, so they live as long as the process (one statement at a time). */
static unsigned long param_lengths[MAX_PARAMS];
static my_bool param_nulls[MAX_PARAMS];

static int bind_params(struct cached_stmt *cs, const struct param *p, int n)
{
    MYSQL_BIND b[MAX_PARAMS];
    unsigned long *lengths = param_lengths;
    my_bool *nulls = param_nulls;
    if ((unsigned)n != mysql_stmt_param_count(cs->stmt)) {
        log_error("db: %d parameters given, %lu expected: %s", n,
                  mysql_stmt_param_count(cs->stmt), cs->sql);
        return -1;
    }
    if (n == 0) return 0;
    memset(b, 0, sizeof(b));
    for (int i = 0; i < n; i++) {
        nulls[i] = 0;
        if (p[i].type == 'i') {
            b[i].buffer_type = MYSQL_TYPE_LONGLONG;
            b[i].buffer = (void *)&p[i].i;
        } else {
            b[i].buffer_type = MYSQL_TYPE_STRING;
            nulls[i] = p[i].s == NULL;
            lengths[i] = p[i].s ? strlen(p[i].s) : 0;
            b[i].buffer = (void *)p[i].s;
            b[i].buffer_length = lengths[i];
            b[i].length = &lengths[i];
        }
        b[i].is_null = &nulls[i];
    }
    return mysql_stmt_bind_param(cs->stmt, b) ? -1 : 0;
}

/* Prepares (once), binds and executes; see the file comment for retries. */
/* A short pause before running again what a conflict rolled back: a
 * random part of a window that doubles with each try (1, 2, 4 ... 32 ms),
 * so the writers of one hot row (a popular slot booked through three
 * nodes at once) stop colliding in step. */
void db_conflict_pause(int tries)
{
    unsigned window_us = 1000u << (tries < 5 ? tries : 5);
    struct timespec ts = {0, (long)randombytes_uniform(window_us) * 1000L};
    nanosleep(&ts, NULL);
}

#define LOST_RETRIES 3
#define CONFLICT_RETRIES 10
#define LOCK_WAIT_RETRIES 2

static struct cached_stmt *stmt_run(const char *sql, const struct param *p, int n)
{
    int conflicts = 0, lock_waits = 0;
    for (int attempt = 0; attempt < LOST_RETRIES; attempt++) {
        if (!conn && db_connect()) return NULL;
        struct cached_stmt *cs = stmt_get(sql);
        if (cs && bind_params(cs, p, n) == 0 && mysql_stmt_execute(cs->stmt) == 0)
            return cs;
        if (cs) last_errno = mysql_stmt_errno(cs->stmt);
        if (in_transaction && last_errno == ER_LOCK_DEADLOCK)
            retry_wanted = 1;   /* rolled back whole: nothing of it was written */
        int left = node_left_cluster(last_errno);
        /* The victim of a conflict, rolled back whole, outside a transaction
         * of ours (inside one the earlier statements are gone too, so the
         * caller must fail instead):
         * - a deadlock: InnoDB chose this statement (or the procedure's
         *   transaction, e.g. two changes of booking crossing the same two
         *   slots); running it again is the documented answer;
         * - on a cluster, a lock wait timeout: a replicated write Galera
         *   failed to let through, its victim (a local transaction holding
         *   the row it needs) not woken while it waits on another lock, and
         *   the whole cluster waiting with them (MDEV-24966, "BF lock wait
         *   long", 50 s).  The nodes' lock wait timeout is a few seconds
         *   (cgi/tools/cluster.sh); a procedure's exit handler rolls its
         *   whole transaction back.  Each try is seconds long: two at most. */
        int deadlock = last_errno == ER_LOCK_DEADLOCK;
        int lock_wait = last_errno == ER_LOCK_WAIT_TIMEOUT && nnodes > 1 && !left && !asking_node;
        if ((deadlock || lock_wait) && !in_transaction) {
            int *tries = deadlock ? &conflicts : &lock_waits;
            int limit = deadlock ? CONFLICT_RETRIES : LOCK_WAIT_RETRIES;
            const char *what = deadlock ? "deadlock" : "lock wait timeout";
            if (++*tries <= limit) {
                log_note("db: %s, trying again: %s", what, sql);
                db_conflict_pause(*tries);
                attempt--;   /* a conflict is not a lost connection */
                continue;
            }
            log_error("db: still a %s after %d tries: %s", what, limit, sql);
            return NULL;
        }
        if (!connection_lost(last_errno) && !left) {
            /* a duplicate key is an answer the caller handles (db_errno) */
            if (cs && last_errno == ER_DUP_ENTRY) log_note("db: duplicate key: %s", mysql_stmt_error(cs->stmt));
            else if (cs) log_error("db: execute failed (%u %s): %s", last_errno, mysql_stmt_error(cs->stmt), sql);
            return NULL;
        }
        int was_in_transaction = in_transaction;
        log_error("db: connection lost (%u), reconnecting", last_errno);
        db_close();
        if (nnodes > 1) node_current = (node_current + 1) % nnodes;  /* try another node first */
        if (was_in_transaction) {
            /* the server rolled it back, unless it was lost during COMMIT,
             * which may have committed: that one is not run again */
            if (strcmp(sql, "COMMIT") != 0) retry_wanted = 1;
            return NULL;
        }
    }
    return NULL;
}

static int collect_params(const char *types, va_list ap, struct param *p)
{
    int n = 0;
    for (const char *t = types; t && *t; t++, n++) {
        if (n == MAX_PARAMS) return -1;
        p[n].type = *t;
        if (*t == 'i') p[n].i = va_arg(ap, long long);
        else p[n].s = va_arg(ap, const char *);
    }
    return n;
}

/* Fetches every row into HDF.  prefix.N.col when `numbered`, else
 * prefix.col for the first row only.  NULL columns are left unset, so a
 * template can test them with ?name. */
static int fetch_into_hdf(struct cached_stmt *cs, HDF *hdf, const char *prefix, int numbered)
{
    static char buf[MAX_COLUMNS][COLUMN_BUFFER];
    unsigned long len[MAX_COLUMNS];
    my_bool isnull[MAX_COLUMNS], trunc[MAX_COLUMNS];
    MYSQL_BIND b[MAX_COLUMNS];
    char name[256];
    int rows = 0;

    memset(b, 0, sizeof(MYSQL_BIND) * cs->ncols);
    for (unsigned c = 0; c < cs->ncols; c++) {
        b[c].buffer_type = MYSQL_TYPE_STRING;
        b[c].buffer = buf[c];
        b[c].buffer_length = COLUMN_BUFFER - 1;
        b[c].length = &len[c];
        b[c].is_null = &isnull[c];
        b[c].error = &trunc[c];
    }
    if (mysql_stmt_bind_result(cs->stmt, b) || mysql_stmt_store_result(cs->stmt)) {
        log_error("db: fetch failed: %s", mysql_stmt_error(cs->stmt));
        return -1;
    }
    for (;;) {
        int rc = mysql_stmt_fetch(cs->stmt);
        if (rc == MYSQL_NO_DATA) break;
        if (rc == 1) {
            log_error("db: fetch failed: %s", mysql_stmt_error(cs->stmt));
            rows = -1;
            break;
        }
        if (numbered || rows == 0) {
            /* the row's node is found once; its cells are set below it */
            HDF *row = NULL;
            if (numbered) snprintf(name, sizeof(name), "%s.%d", prefix, rows);
            else snprintf(name, sizeof(name), "%s", prefix);
            if (hdf_get_node(hdf, name, &row) != STATUS_OK) {
                rows = -1;
                break;
            }
            for (unsigned c = 0; c < cs->ncols; c++) {
                if (isnull[c]) continue;
                if (len[c] < COLUMN_BUFFER) {
                    buf[c][len[c]] = 0;
                    hdf_set_value(row, cs->colnames[c], buf[c]);
                } else {
                    /* longer than the buffer (a notice body): fetch it whole */
                    char *big = malloc(len[c] + 1);
                    MYSQL_BIND one;
                    memset(&one, 0, sizeof(one));
                    one.buffer_type = MYSQL_TYPE_STRING;
                    one.buffer = big;
                    one.buffer_length = len[c] + 1;
                    if (big && mysql_stmt_fetch_column(cs->stmt, &one, c, 0) == 0) {
                        big[len[c]] = 0;
                        hdf_set_value(row, cs->colnames[c], big);
                    }
                    free(big);
                }
            }
        }
        rows++;
    }
    mysql_stmt_free_result(cs->stmt);
    return rows;
}

/* Collects the parameters named by `types` and runs the statement. */
static struct cached_stmt *run_va(const char *sql, const char *types, va_list ap)
{
    struct param p[MAX_PARAMS];
    int n = collect_params(types, ap, p);
    return n < 0 ? NULL : stmt_run(sql, p, n);
}

/* Runs a statement that returns no rows; returns the affected row count,
 * or -1 on error. */
long long db_exec_va(const char *sql, const char *types, va_list ap)
{
    struct cached_stmt *cs = run_va(sql, types, ap);
    if (!cs) return -1;
    if (cs->ncols) mysql_stmt_free_result(cs->stmt);
    return (long long)mysql_stmt_affected_rows(cs->stmt);
}

long long db_exec(const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    long long rows = db_exec_va(sql, types, ap);
    va_end(ap);
    return rows;
}

/* Runs a query; rows land at prefix.0.col, prefix.1.col ...
 * Returns the number of rows, or -1 on error. */
int db_rows(HDF *hdf, const char *prefix, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    struct cached_stmt *cs = run_va(sql, types, ap);
    va_end(ap);
    return cs ? fetch_into_hdf(cs, hdf, prefix, 1) : -1;
}

/* Runs a query for one row; its columns land at prefix.col.
 * Returns 1 when a row was found, 0 when none, -1 on error. */
int db_row(HDF *hdf, const char *prefix, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    struct cached_stmt *cs = run_va(sql, types, ap);
    va_end(ap);
    if (!cs) return -1;
    int rows = fetch_into_hdf(cs, hdf, prefix, 0);
    return rows < 0 ? -1 : rows > 0;
}

/* Runs a stored procedure (CALL ...) that answers with one row, its last
 * SELECT; the row's columns land at prefix.col.  Every result a CALL
 * returns is read, down to the status that ends it, so the connection is
 * ready for the next statement.  Returns 1 with a row, 0 without, -1 on
 * error (the procedure's own error included). */
int db_call(HDF *hdf, const char *prefix, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    struct cached_stmt *cs = run_va(sql, types, ap);
    va_end(ap);
    if (!cs) return -1;
    int found = 0, next;
    do {
        if (mysql_stmt_field_count(cs->stmt) > 0) {
            read_column_names(cs);
            int rows = fetch_into_hdf(cs, hdf, prefix, 0);
            if (rows < 0) found = -1;
            else if (rows > 0 && found == 0) found = 1;
        }
        next = mysql_stmt_next_result(cs->stmt);
    } while (next == 0);
    if (next > 0) {
        last_errno = mysql_stmt_errno(cs->stmt);
        log_error("db: call failed (%u %s): %s", last_errno, mysql_stmt_error(cs->stmt), sql);
        return -1;
    }
    return found;
}

long long db_last_insert_id(void)
{
    return conn ? (long long)mysql_insert_id(conn) : 0;
}

unsigned db_errno(void)
{
    return last_errno;
}

/* 0 after the server went away and could not be reached again. */
int db_connected(void)
{
    return conn != NULL;
}

int db_in_transaction(void)
{
    return in_transaction;
}

/* A transaction is begun like any statement, so a dead connection found at
 * BEGIN is rebuilt and nothing is lost. */
int db_begin(void)
{
    if (db_exec("START TRANSACTION", "") < 0) return -1;
    in_transaction = 1;
    return 0;
}

int db_commit(void)
{
    long long rc = db_exec("COMMIT", "");
    in_transaction = 0;
    return rc < 0 ? -1 : 0;
}

void db_rollback(void)
{
    if (!in_transaction) return;
    in_transaction = 0;
    if (conn) db_exec("ROLLBACK", "");
}
