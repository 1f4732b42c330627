/*
 * portal-sender - delivers the notification outbox.
 *
 *   portal-sender --db-socket PATH --db-user NAME --db-password-file FILE
 *                 --templates DIR [--transport log:FILE | command:CMD]
 *                 [--once] [--interval-ms N]
 *
 * One message at a time: the oldest due row is locked (FOR UPDATE SKIP
 * LOCKED, so several senders share the queue), delivered, and marked sent
 * in the same transaction.  A sender killed at any moment leaves the row
 * pending and it is delivered again with the same idempotency key, which
 * the gateway uses to drop the repeat: nothing is lost, nothing is acted
 * on twice.  A failed delivery is retried with growing pauses (30 s,
 * doubling, at most an hour) and given up after 10 attempts.
 *
 * Transports: log:FILE appends one line per message (the default, for
 * development); command:CMD runs CMD with /bin/sh, the text on standard
 * input and OUTBOX_KEY, OUTBOX_MOBILE, OUTBOX_KIND in the environment (an
 * SMS gateway's client, or curl for an HTTP webhook); exit status 0 means
 * delivered.  Message texts are Lang.Sms.<kind> from the language file,
 * filled from the message's JSON parameters; a message marked
 * erase_after_send (a verification code) has them erased once delivered.
 * Every minute it also queues the day-before reminders (queue_reminders),
 * records no-shows (mark_no_shows) and forgets old rate-limit counters.
 *
 * On a Galera cluster (several --db-socket nodes) a row lock is not seen by
 * the other nodes, so only the sender holding the lease (sql/020) delivers
 * and runs the minute's work; the others stand by and take over within
 * LEASE_SECONDS when it stops.  The holder delivers only while its lease
 * has LEASE_MARGIN_MS left by its own clock, so a sender that stalled
 * stops before another can begin.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <sodium.h>
#include "portal.h"
#include "../booking/booking.h"

#define MAX_ATTEMPTS 10
#define LEASE_SECONDS 10
#define LEASE_MARGIN_MS 4000.0

static const char *transport = "log:/dev/stdout";
static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
    (void)sig;
    stopping = 1;
}

/* The message text: Lang.Sms.<kind> with its {name}-style fields filled
 * from the message's parameters (a JSON object), and {hospital} from the
 * site file.  The parameters are kept apart from the row's own columns, so
 * no parameter can change where a message goes. */
static void compose(HDF *m, STRING *text)
{
    char key[64];
    HDF *vars;
    if (hdf_init(&vars)) return;
    snprintf(key, sizeof(key), "Sms.%s", hdf_get_value(m, "kind", ""));
    if (json_object_to_hdf(hdf_get_value(m, "params", "{}"), vars) < 0)
        log_error("outbox: message %s has parameters that are not a JSON object", hdf_get_value(m, "k", ""));
    hdf_set_value(vars, "hospital", hdf_get_value(render_globals(), "Site.short_name", ""));
    hdf_set_value(vars, "site", hdf_get_value(render_globals(), "Site.url", ""));
    text_fill(text, lang(key), vars);
    hdf_destroy(&vars);
}

static int deliver_log(const char *file, HDF *m, const char *text)
{
    char line[2048];
    time_t t = time(NULL);
    struct tm tm;
    char ts[32];
    strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S%z", localtime_r(&t, &tm));
    int n = snprintf(line, sizeof(line), "%s key=%s to=%s %s\n", ts, hdf_get_value(m, "k", ""),
                     hdf_get_value(m, "mobile", ""), text);
    int fd = open(file, O_WRONLY | O_CREAT | O_APPEND, 0640);
    if (fd < 0) return -1;
    int ok = write(fd, line, (size_t)(n < (int)sizeof(line) ? n : (int)sizeof(line) - 1)) > 0 && fsync(fd) == 0;
    close(fd);
    return ok ? 0 : -1;
}

static int deliver_command(const char *cmd, HDF *m, const char *text)
{
    int in[2];
    if (pipe(in)) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        dup2(in[0], STDIN_FILENO);
        close(in[0]);
        close(in[1]);
        setenv("OUTBOX_KEY", hdf_get_value(m, "k", ""), 1);
        setenv("OUTBOX_MOBILE", hdf_get_value(m, "mobile", ""), 1);
        setenv("OUTBOX_KIND", hdf_get_value(m, "kind", ""), 1);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    size_t len = strlen(text);
    ssize_t w = write(in[1], text, len);
    close(in[1]);
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    return w == (ssize_t)len && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static int deliver(HDF *m, const char *text)
{
    if (!strncmp(transport, "log:", 4)) return deliver_log(transport + 4, m, text);
    if (!strncmp(transport, "command:", 8)) return deliver_command(transport + 8, m, text);
    return -1;
}

/* Queues the day-before reminder of every booked place of tomorrow, once
 * (the idempotency key reminder:<number> makes a second run add nothing).
 * Run by the sender every minute, so no other scheduler is needed. */
static void queue_reminders(void)
{
    db_exec("INSERT IGNORE INTO notification_outbox (idempotency_key, kind, mobile, booking_id, params,"
            " next_attempt_at, created_at)"
            " SELECT CONCAT('reminder:', b.confirmation_no), 'reminder', b.mobile, b.id,"
            " JSON_OBJECT('no', b.confirmation_no, 'name', b.patient_name, 'department', dep.name,"
            "   'location', dep.location, 'doctor', d.name, 'date', DATE_FORMAT(b.session_date, '%Y-%m-%d'),"
            "   'time', DATE_FORMAT(t.starts_at, '%H:%i'), 'reason', ''),"
            " NOW(), NOW()"
            " FROM bookings b JOIN time_slots t ON t.id = b.slot_id JOIN clinic_sessions cs ON cs.id = b.session_id"
            " JOIN doctors d ON d.id = cs.doctor_id JOIN departments dep ON dep.id = b.department_id"
            " WHERE b.status = 'booked' AND b.session_date = CURDATE() + INTERVAL 1 DAY", "");
}

/* Marks as no-show (爽约) every place still booked after its slot ended:
 * what the rule already counts, written down for the desk's list and the
 * record.  Run with the reminders; the rule does not wait for it. */
static void mark_no_shows(void)
{
    db_exec("UPDATE bookings b JOIN time_slots t ON t.id = b.slot_id SET b.status = 'no_show'"
            " WHERE b.status = 'booked' AND b.session_date <= CURDATE() AND t.ends_at < NOW()", "");
}

/* Forgets rate-limit counters that no longer limit anything (sql/007). */
static void purge_rate_limits(void)
{
    HDF *tmp;
    if (hdf_init(&tmp)) return;
    db_call(tmp, "P", "CALL rate_purge()", "");
    hdf_destroy(&tmp);
}

/* Lapsed waitlist offers (候补, sql/014) handed to the next person, one
 * transaction each; run every few seconds, so a hold ends on time
 * whether or not anybody visits. */
static void expire_offers(void)
{
    HDF *tmp;
    if (hdf_init(&tmp)) return;
    for (int i = 0; i < 200; i++) {
        if (db_call(tmp, "E", "CALL waitlist_expire(?)", "i", (long long)CUTOFF_MINUTES) != 1 ||
            !hdf_get_int_value(tmp, "E.lapsed", 0))
            break;
        log_note("waitlist offer lapsed");
    }
    hdf_destroy(&tmp);
}

/* One due message: 1 when one was handled, 0 when none was due, -1 when
 * the database could not be used.  The longest due comes first, in the
 * order of the `due` index (status, next_attempt_at, then the id InnoDB
 * keeps in it), so finding it reads one index entry, not every pending
 * row: a backlog after a gateway outage does not slow each message. */
static int send_one(void)
{
    HDF *m;
    if (hdf_init(&m)) return -1;
    int rc = -1;
    if (db_begin()) goto out;
    int found = db_row(m, "M",
        "SELECT id, idempotency_key AS k, kind, mobile, attempts, params"
        " FROM notification_outbox WHERE status = 'pending' AND next_attempt_at <= NOW()"
        " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED", "");
    if (found <= 0) {
        db_rollback();
        rc = found;
        goto out;
    }
    HDF *row = hdf_get_obj(m, "M");
    long long id = hdf_get_int_value(row, "id", 0);
    STRING text;
    string_init(&text);
    compose(row, &text);
    int delivered = deliver(row, text.buf ? text.buf : "") == 0;
    string_clear(&text);
    long long rows = delivered
        ? db_exec("UPDATE notification_outbox SET status = 'sent', sent_at = NOW(), attempts = attempts + 1,"
                  " last_error = NULL, params = IF(erase_after_send, '{}', params) WHERE id = ?", "i", id)
        : db_exec("UPDATE notification_outbox SET attempts = attempts + 1,"
                  " status = IF(attempts >= ?, 'failed', 'pending'),"
                  " next_attempt_at = NOW() + INTERVAL LEAST(3600, 30 * POW(2, attempts - 1)) SECOND,"
                  " last_error = 'delivery failed' WHERE id = ?", "ii", (long long)MAX_ATTEMPTS, id);
    if (rows != 1 || db_commit()) goto out;
    log_note("%s %s", delivered ? "sent" : "failed", hdf_get_value(row, "k", ""));
    rc = 1;
out:
    if (db_in_transaction()) db_rollback();
    hdf_destroy(&m);
    return rc;
}

static char lease_holder[80];
static double lease_until_ms;   /* by this process's clock; 0: not held */

/* 1 while this sender may deliver: always on one server; on a cluster
 * while it holds the lease, renewed when half of it has gone. */
static int lease_held(void)
{
    if (db_node_count() <= 1) return 1;
    double now = now_ms();
    if (lease_until_ms - now > LEASE_SECONDS * 500.0) return 1;
    long long rows = db_exec("UPDATE sender_lease SET holder = ?, expires_at = NOW(3) + INTERVAL ? SECOND"
                             " WHERE id = 1 AND (holder = ? OR expires_at < NOW(3))",
                             "sis", lease_holder, (long long)LEASE_SECONDS, lease_holder);
    if (rows == 1) {
        if (lease_until_ms == 0) log_note("sender: active (lease taken by %s)", lease_holder);
        lease_until_ms = now + LEASE_SECONDS * 1000.0;
    } else if (lease_until_ms != 0 && now > lease_until_ms - LEASE_MARGIN_MS) {
        log_note("sender: standing by (lease lost)");
        lease_until_ms = 0;
    }
    return lease_until_ms - now_ms() > LEASE_MARGIN_MS;
}

int main(int argc, char **argv)
{
    extern const char *log_program;
    int once = 0;
    long interval_ms = 1000;
    log_program = "sender";
    setenv("TZ", "Asia/Shanghai", 1);
    tzset();
    /* its own options first, the database options as the handlers take them */
    char *rest[32];
    int nrest = 0;
    rest[nrest++] = argv[0];
    rest[nrest++] = "--socket";
    rest[nrest++] = "-";
    for (int i = 1; i < argc && nrest < 30; i++) {
        if (!strcmp(argv[i], "--transport") && i + 1 < argc) transport = argv[++i];
        else if (!strcmp(argv[i], "--once")) once = 1;
        else if (!strcmp(argv[i], "--interval-ms") && i + 1 < argc) interval_ms = atol(argv[++i]);
        else rest[nrest++] = argv[i];
    }
    rest[nrest] = NULL;
    if (config_parse(nrest, rest) || sodium_init() < 0 || render_init()) return 2;
    signal(SIGTERM, on_stop);
    signal(SIGINT, on_stop);
    signal(SIGPIPE, SIG_IGN);
    log_set_pid();
    char host[64] = "?";
    gethostname(host, sizeof(host) - 1);
    snprintf(lease_holder, sizeof(lease_holder), "%.40s:%ld:%08x", host, (long)getpid(),
             (unsigned)randombytes_random());
    time_t reminders_at = 0, offers_at = 0;
    while (!stopping) {
        if (!lease_held()) {
            struct timespec pause = {0, 500 * 1000000L};
            nanosleep(&pause, NULL);
            continue;
        }
        if (time(NULL) - reminders_at >= 60) {
            queue_reminders();
            mark_no_shows();
            purge_rate_limits();
            reminders_at = time(NULL);
        }
        if (time(NULL) - offers_at >= 2) {
            expire_offers();
            offers_at = time(NULL);
        }
        int rc = send_one();
        if (rc == 1) continue;
        if (rc == 0 && once) break;
        struct timespec ts = {interval_ms / 1000, (interval_ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    if (lease_until_ms != 0)   /* stopped on purpose: let another take over now */
        db_exec("UPDATE sender_lease SET expires_at = NOW(3) WHERE id = 1 AND holder = ?", "s", lease_holder);
    db_close();
    return 0;
}
