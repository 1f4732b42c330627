/*
 * portal-lis-listener - the lab system's results over MLLP: HL7 v2 ORU^R01
 * messages in MLLP frames (0x0B message 0x1C 0x0D) on a TCP port, each
 * answered with its HL7 ACK in a frame of its own.  The import is the one
 * of portal-lis and the lab's upload page (cgi/core/lisimport.c): one
 * transaction per message, MSA-1 AA when stored (also for the same
 * message again, which changes nothing), AE or AR with an ERR segment that
 * names the segment and field when refused.
 *
 *   portal-lis-listener --listen 127.0.0.1:8285 --db-socket S --db-user portal_lis
 *       --db-password-file F [--timeout 60] [--max-frame 1048576] [--pid-file P]
 *
 * A few processes (--workers, default 2), each with its own database
 * connection and a poll() loop over the connections it accepted: many
 * connections at once (a LIS often keeps one open, analyzers one each),
 * several messages per connection, frames that arrive in pieces or several
 * in one read.  A message is imported before the next one of its
 * connection is read, so the ACKs of a connection come in its order.  A connection idle (or in the
 * middle of a frame) longer than --timeout seconds is closed; a frame over
 * --max-frame bytes is answered AR and the connection closed, since what
 * follows it cannot be trusted to be a frame boundary.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <sodium.h>
#include "portal.h"
#include "lisimport.h"

#define MAX_CLIENTS 128
#define SB 0x0b
#define EB 0x1c
#define CR 0x0d

struct client {
    int fd;
    char *buf;
    size_t len, cap;
    time_t last;
    char peer[64];
};

static struct client clients[MAX_CLIENTS];
static int nclients;
static long timeout_s = 60;
static size_t max_frame = 1 << 20;
static volatile sig_atomic_t stopping;
static unsigned long ack_counter;

static void on_stop(int sig)
{
    (void)sig;
    stopping = 1;
}

static void now_ts(char out[16])
{
    time_t t = time(NULL);
    struct tm tm;
    strftime(out, 16, "%Y%m%d%H%M%S", localtime_r(&t, &tm));
}

/* Writes all of it, waiting at most the socket's send timeout. */
static int send_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int send_ack(struct client *c, const struct lis_outcome *o)
{
    char ack[4096], ts[16], id[40];
    now_ts(ts);
    snprintf(id, sizeof(id), "A%ld-%lu", (long)getpid(), ++ack_counter);
    ack[0] = SB;
    size_t n = lis_ack(o, ts, id, ack + 1, sizeof(ack) - 3);
    ack[n + 1] = EB;
    ack[n + 2] = CR;
    return send_all(c->fd, ack, n + 3);
}

/* A refusal of the frame itself (empty, over the size): AR, MSH-10 as far
 * as it can be read. */
static int refuse_frame(struct client *c, const char *data, size_t len, int code, const char *text)
{
    struct lis_outcome o;
    memset(&o, 0, sizeof(o));
    o.state = LIS_REFUSED;
    o.rejected = 1;
    snprintf(o.error.segment, sizeof(o.error.segment), "MSH");
    o.error.segment_index = 1;
    o.error.code = code;
    snprintf(o.error.text, sizeof(o.error.text), "%s", text);
    snprintf(o.why, sizeof(o.why), "MSH-0: %s", text);
    (void)data;
    (void)len;
    db_exec("INSERT INTO lab_import_refusals (control_id, error, source) VALUES (NULL, ?, 'mllp')", "s", o.why);
    printf("%s - refused %s\n", c->peer, o.why);
    return send_ack(c, &o);
}

/* One frame's content: each message in it imported and acknowledged. */
static int handle_frame(struct client *c, const char *data, size_t len)
{
    size_t pos = 0, mlen;
    const char *start;
    int any = 0;
    while (hl7_next(data, len, &pos, &start, &mlen)) {
        struct lis_outcome o;
        char line[400];
        any = 1;
        lis_import(start, mlen, "mllp", &o);
        lis_line(&o, line, sizeof(line));
        printf("%s %s\n", c->peer, line);
        if (send_ack(c, &o)) return -1;
    }
    if (!any) return refuse_frame(c, data, len, 100, "empty frame: no message");
    return 0;
}

static void drop(int i)
{
    close(clients[i].fd);
    free(clients[i].buf);
    clients[i] = clients[--nclients];
}

/* Reads what arrived and answers every complete frame.  -1: close it. */
static int on_readable(struct client *c)
{
    for (;;) {
        if (c->cap - c->len < 65536) {
            size_t cap = c->cap ? c->cap * 2 : 131072;
            if (cap > max_frame + 131072) cap = max_frame + 131072;
            if (cap <= c->cap) break;
            char *b = realloc(c->buf, cap);
            if (!b) return -1;
            c->buf = b;
            c->cap = cap;
        }
        ssize_t n = recv(c->fd, c->buf + c->len, c->cap - c->len, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        if (n <= 0) return -1;
        c->len += (size_t)n;
        c->last = time(NULL);
        if ((size_t)n < 65536) break;
    }
    size_t done = 0;
    for (;;) {
        char *sb = memchr(c->buf + done, SB, c->len - done);
        if (!sb) {
            done = c->len;   /* bytes outside a frame are ignored */
            break;
        }
        size_t from = (size_t)(sb - c->buf) + 1, end = from;
        int complete = 0;
        while (end + 1 < c->len) {
            char *eb = memchr(c->buf + end, EB, c->len - end - 1);
            if (!eb) break;
            end = (size_t)(eb - c->buf);
            if (c->buf[end + 1] == CR) {
                complete = 1;
                break;
            }
            end++;
        }
        if (!complete) {
            done = from - 1;
            if (c->len - from > max_frame) {
                char text[96];
                snprintf(text, sizeof(text), "frame over %zu bytes", max_frame);
                refuse_frame(c, c->buf + from, c->len - from, 100, text);
                return -1;
            }
            break;
        }
        if (end - from > max_frame) {
            char text[96];
            snprintf(text, sizeof(text), "frame over %zu bytes", max_frame);
            refuse_frame(c, c->buf + from, end - from, 100, text);
            return -1;
        }
        if (handle_frame(c, c->buf + from, end - from)) return -1;
        done = end + 2;
    }
    memmove(c->buf, c->buf + done, c->len - done);
    c->len -= done;
    fflush(stdout);
    return 0;
}

static int listen_on(const char *spec)
{
    char host[64] = "127.0.0.1";
    const char *colon = strrchr(spec, ':');
    long long port;
    if (colon) {
        snprintf(host, sizeof(host), "%.*s", (int)(colon - spec), spec);
        spec = colon + 1;
    }
    if (!parse_int(spec, 1, 65535, &port)) return -1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    if (inet_pton(AF_INET, host, &a.sin_addr) != 1) return -1;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
    if (fd < 0) return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 128)) {
        perror("portal-lis-listener: bind");
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, O_NONBLOCK);
    return fd;
}

static void accept_all(int lfd)
{
    for (;;) {
        struct sockaddr_in a;
        socklen_t alen = sizeof(a);
        int fd = accept4(lfd, (struct sockaddr *)&a, &alen, SOCK_CLOEXEC);
        if (fd < 0) return;
        if (nclients == MAX_CLIENTS) {
            close(fd);
            continue;
        }
        struct timeval tv = {.tv_sec = 5};
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        struct client *c = &clients[nclients++];
        memset(c, 0, sizeof(*c));
        c->fd = fd;
        c->last = time(NULL);
        char ip[INET_ADDRSTRLEN] = "?";
        inet_ntop(AF_INET, &a.sin_addr, ip, sizeof(ip));
        snprintf(c->peer, sizeof(c->peer), "%s:%u", ip, ntohs(a.sin_port));
    }
}

/* One worker: its own database connection, its own connections. */
static int serve(int lfd)
{
    if (db_connect()) return 2;
    struct pollfd fds[MAX_CLIENTS + 1];
    while (!stopping) {
        fds[0] = (struct pollfd){.fd = lfd, .events = POLLIN};
        for (int i = 0; i < nclients; i++) fds[i + 1] = (struct pollfd){.fd = clients[i].fd, .events = POLLIN};
        int n = poll(fds, (nfds_t)nclients + 1, 1000);
        if (n < 0 && errno != EINTR) break;
        time_t now = time(NULL);
        int count = nclients;
        /* from the end, so dropping one (the last moved into its place)
         * never skips a client polled in this round */
        for (int i = count - 1; i >= 0; i--) {
            if (n > 0 && fds[i + 1].revents) {
                if (on_readable(&clients[i])) drop(i);
            } else if (now - clients[i].last > timeout_s) {
                printf("%s closed: idle %lds\n", clients[i].peer, (long)(now - clients[i].last));
                drop(i);
            }
        }
        if (n > 0 && (fds[0].revents & POLLIN)) accept_all(lfd);
        fflush(stdout);
    }
    while (nclients > 0) drop(nclients - 1);
    db_close();
    return 0;
}

/* The parent: starts the workers, starts a new one when one dies, and
 * stops them all (by pid) when it is told to stop. */
static int supervise(int lfd, int workers)
{
    pid_t pids[64];
    int n = workers > 64 ? 64 : workers;
    for (int i = 0; i < n; i++) pids[i] = 0;
    while (!stopping) {
        for (int i = 0; i < n; i++) {
            if (pids[i] > 0) continue;
            pid_t pid = fork();
            if (pid == 0) {
                log_set_pid();
                _exit(serve(lfd));
            }
            pids[i] = pid;
        }
        int status;
        pid_t dead = waitpid(-1, &status, 0);
        if (dead < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < n; i++)
            if (pids[i] == dead) pids[i] = 0;
        if (!stopping) sleep(1);   /* a worker that cannot start is not restarted in a busy loop */
    }
    for (int i = 0; i < n; i++)
        if (pids[i] > 0) kill(pids[i], SIGTERM);
    for (int i = 0; i < n; i++)
        if (pids[i] > 0) waitpid(pids[i], NULL, 0);
    return 0;
}

int main(int argc, char **argv)
{
    extern const char *log_program;
    log_program = "lis-listener";
    setenv("TZ", "Asia/Shanghai", 1);
    const char *listen_spec = "127.0.0.1:8085", *pid_file = NULL;
    char *rest[40];
    int nrest = 0;
    rest[nrest++] = argv[0];
    rest[nrest++] = "--socket";
    rest[nrest++] = "-";
    for (int i = 1; i < argc && nrest < 38; i++) {
        long long n;
        if (!strcmp(argv[i], "--listen") && i + 1 < argc) listen_spec = argv[++i];
        else if (!strcmp(argv[i], "--pid-file") && i + 1 < argc) pid_file = argv[++i];
        else if (!strcmp(argv[i], "--timeout") && i + 1 < argc && parse_int(argv[i + 1], 1, 86400, &n))
            timeout_s = (long)n, i++;
        else if (!strcmp(argv[i], "--max-frame") && i + 1 < argc && parse_int(argv[i + 1], 1024, 64 << 20, &n))
            max_frame = (size_t)n, i++;
        else rest[nrest++] = argv[i];
    }
    rest[nrest] = NULL;
    if (config_parse(nrest, rest) || sodium_init() < 0) return 2;
    int lfd = listen_on(listen_spec);
    if (lfd < 0) {
        fprintf(stderr, "portal-lis-listener: cannot listen on %s\n", listen_spec);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa = {.sa_handler = on_stop};
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    if (pid_file) {
        FILE *f = fopen(pid_file, "w");
        if (f) fprintf(f, "%ld\n", (long)getpid()), fclose(f);
    }
    printf("listening on %s (%d workers, timeout %lds, frames up to %zu bytes)\n", listen_spec, cfg.workers,
           timeout_s, max_frame);
    fflush(stdout);
    int rc = cfg.workers <= 1 ? serve(lfd) : supervise(lfd, cfg.workers);
    close(lfd);
    if (pid_file) unlink(pid_file);
    return rc;
}
