/*
 * server.c - the worker pool, as PHP-FPM runs one.
 *
 * The parent opens the FastCGI unix socket, hands it to the group nginx's
 * workers run in (mode 0660), drops root, then forks N workers that each
 * accept connections on the shared socket, keep them open for nginx's next
 * requests (see "A worker's connections" below) and have their own MariaDB
 * connection.
 * A worker that dies - a crash, an OOM kill, SIGKILL - is replaced at once,
 * so it costs at most the one request it was serving.  SIGTERM to the
 * parent stops the workers after their current request and removes the
 * socket and pid file.
 */

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcgiapp.h>
#include <sodium.h>
#include "portal.h"

extern const char *log_program;

static volatile sig_atomic_t stopping;
static pid_t *workers;

static void on_stop_signal(int sig)
{
    (void)sig;
    stopping = 1;
    FCGX_ShutdownPending();
}

static void set_signal(int sig, void (*fn)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;   /* no SA_RESTART: a blocked accept() must return */
    sigaction(sig, &sa, NULL);
}

/* Socket for nginx, then root is given up for good.  The socket's owner and
 * group are the unprivileged user's, whose group nginx's workers share. */
static int drop_privileges(void)
{
    if (!cfg.run_as_user || geteuid() != 0) return 0;
    struct passwd *pw = getpwnam(cfg.run_as_user);
    if (!pw) {
        log_error("no such user: %s", cfg.run_as_user);
        return -1;
    }
    if (chown(cfg.socket_path, pw->pw_uid, pw->pw_gid) ||
        setgroups(0, NULL) || setgid(pw->pw_gid) || setuid(pw->pw_uid)) {
        log_error("cannot become %s: %s", cfg.run_as_user, strerror(errno));
        return -1;
    }
    if (setuid(0) == 0) {
        log_error("privileges were not dropped");
        return -1;
    }
    return 0;
}

/*
 * A worker's connections.  nginx keeps its FastCGI connections open between
 * requests (fastcgi_keep_conn, upstream keepalive), which spares both sides
 * a connect, an accept and a close per request.  A worker that waited on
 * one kept connection would be lost to every other: so each worker watches
 * all of its connections and the listening socket with one epoll set and
 * serves whichever has a request.  The listening socket is in every
 * worker's set with EPOLLEXCLUSIVE, so a new connection wakes one worker.
 */
#define CONNS_PER_WORKER 1000

/* As many connections as descriptors allow, some kept for the database,
 * logs and templates; the soft limit was raised to the hard one at start. */
static int conns_allowed(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return CONNS_PER_WORKER;
    long room = (long)rl.rlim_cur - 32;
    return room < 16 ? 16 : room < CONNS_PER_WORKER ? (int)room : CONNS_PER_WORKER;
}

struct conn {
    FCGX_Request req;   /* its ipcFd is the connection */
    int slot;           /* its place in the worker's table */
};

static struct conn *conn_open(int epfd, int fd)
{
    struct conn *c = calloc(1, sizeof(*c));
    if (!c) {
        close(fd);
        return NULL;
    }
    /* no listening socket of its own: FCGX_Accept_r reads the next request
     * on this connection or fails, never accepts another */
    FCGX_InitRequest(&c->req, -1, 0);
    c->req.ipcFd = fd;
    c->req.keepConnection = 1;   /* so FCGX_Accept_r's first Finish keeps the fd */
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        log_error("epoll_ctl: %s", strerror(errno));
        close(fd);
        free(c);
        return NULL;
    }
    return c;
}

static void conn_close(struct conn *c)
{
    if (c->req.ipcFd >= 0) FCGX_Free(&c->req, 1);   /* closing removes it from the epoll set */
    else FCGX_Free(&c->req, 0);
    free(c);
}

/* Ends the request.  FCGX_Finish_r closes a connection the careful way:
 * shutdown, then up to 2 s of waiting for nginx to close its side,
 * discarding what it still sends, so that input left unread cannot turn
 * into a reset that loses the response.  Once the request's input has been
 * read to its end - nginx sends nothing more - a kept connection is ready
 * for the next request and a plain close is as safe, sparing three system
 * calls and a wait on nginx.  Input is read on here only a little: a body
 * refused unread (413) gets the careful close, never reuse. */
static void request_finish(FCGX_Request *req)
{
    char sink[4096];
    int read_all = 0;
    if (req->in && !FCGX_GetError(req->in)) {
        for (int i = 0; i < 4 && !FCGX_HasSeenEOF(req->in); i++)
            if (FCGX_GetStr(sink, sizeof(sink), req->in) <= 0) break;
        read_all = FCGX_HasSeenEOF(req->in) && !FCGX_GetError(req->in);
    }
    if (!read_all) req->keepConnection = 0;
    else if (!req->keepConnection) FCGX_Detach(req);
    FCGX_Finish_r(req);
}

/* One request on `c`, which epoll says is readable.  0 while the
 * connection stays open, -1 once it is closed (nginx closed it, or did not
 * ask to keep it). */
static int conn_serve(const struct program *prog, struct conn *c)
{
    if (FCGX_Accept_r(&c->req) < 0) return -1;   /* closed by nginx, or unreadable */
    request_serve(prog, &c->req);
    request_finish(&c->req);
    return c->req.ipcFd >= 0 ? 0 : -1;
}

static void worker_run(const struct program *prog, int listen_fd)
{
    struct epoll_event events[64], listen_ev = {.events = EPOLLIN | EPOLLEXCLUSIVE, .data.ptr = NULL};
    int open_conns = 0, listening;
    log_set_pid();
    set_signal(SIGTERM, on_stop_signal);
    set_signal(SIGINT, on_stop_signal);
    signal(SIGCHLD, SIG_DFL);
    signal(SIGPIPE, SIG_IGN);
    db_connect();   /* failure is fine here: each request tries again */
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    listening = epfd >= 0 && epoll_ctl(epfd, EPOLL_CTL_ADD, listen_fd, &listen_ev) == 0;
    if (!listening) {
        log_error("epoll: %s", strerror(errno));
        exit(1);
    }
    int max_conns = conns_allowed();
    struct conn **conns = calloc(CONNS_PER_WORKER, sizeof(*conns));
    log_hold(1);
    while (!stopping && conns) {
        /* held log lines are written when there is nothing else to do */
        int n = epoll_wait(epfd, events, 64, 0);
        if (n == 0) {
            log_flush();
            n = epoll_wait(epfd, events, 64, -1);
        }
        if (n < 0 && errno != EINTR) {
            log_error("epoll_wait: %s", strerror(errno));
            break;
        }
        for (int i = 0; i < n && !stopping; i++) {
            struct conn *c = events[i].data.ptr;
            if (!c) {
                /* nonblocking: another worker may have taken it first */
                int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
                if (fd < 0 && (errno == EMFILE || errno == ENFILE) && open_conns > 0) {
                    /* out of descriptors: leave new connections to the
                     * other workers until one of ours closes */
                    epoll_ctl(epfd, EPOLL_CTL_DEL, listen_fd, NULL);
                    listening = 0;
                }
                if (fd < 0 || !(c = conn_open(epfd, fd))) continue;
                while (conns[c->slot]) c->slot++;
                conns[c->slot] = c;
                if (++open_conns >= max_conns) {
                    epoll_ctl(epfd, EPOLL_CTL_DEL, listen_fd, NULL);
                    listening = 0;
                }
                continue;   /* served once epoll says its request is there */
            }
            if (conn_serve(prog, c) == 0) continue;
            conns[c->slot] = NULL;
            conn_close(c);
            open_conns--;
            if (!listening && epoll_ctl(epfd, EPOLL_CTL_ADD, listen_fd, &listen_ev) == 0) listening = 1;
        }
    }
    for (int slot = 0; conns && slot < CONNS_PER_WORKER; slot++)
        if (conns[slot]) conn_close(conns[slot]);
    free(conns);
    close(epfd);
    log_hold(0);
    db_close();
    exit(0);   /* not _exit: LeakSanitizer checks at exit */
}

static pid_t worker_start(const struct program *prog, int listen_fd)
{
    pid_t pid = fork();
    if (pid == 0) worker_run(prog, listen_fd);
    if (pid < 0) log_error("fork: %s", strerror(errno));
    return pid;
}

static void write_pid_file(void)
{
    if (!cfg.pid_file) return;
    FILE *f = fopen(cfg.pid_file, "w");
    if (!f) {
        log_error("%s: %s", cfg.pid_file, strerror(errno));
        return;
    }
    fprintf(f, "%d\n", (int)getpid());
    fclose(f);
}

/* Waits for workers to exit; respawns any that die while the pool runs.
 * A worker that dies within a second of starting is respawned after a
 * pause, so a broken deployment does not spin. */
static void supervise(const struct program *prog, int listen_fd)
{
    time_t *started = calloc((size_t)cfg.workers, sizeof(time_t));
    for (int i = 0; i < cfg.workers; i++) {
        workers[i] = worker_start(prog, listen_fd);
        started[i] = time(NULL);
    }
    while (!stopping) {
        int st;
        pid_t pid = waitpid(-1, &st, 0);
        if (pid < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < cfg.workers; i++) {
            if (workers[i] != pid) continue;
            if (WIFSIGNALED(st)) log_error("worker %d killed by signal %d", (int)pid, WTERMSIG(st));
            else log_error("worker %d exited with %d", (int)pid, WEXITSTATUS(st));
            workers[i] = 0;
            if (stopping) break;
            if (time(NULL) - started[i] < 1) sleep(1);
            workers[i] = worker_start(prog, listen_fd);
            started[i] = time(NULL);
        }
    }
    for (int i = 0; i < cfg.workers; i++)
        if (workers[i] > 0) kill(workers[i], SIGTERM);
    for (int waited = 0; waited < 50; waited++) {
        int alive = 0;
        for (int i = 0; i < cfg.workers; i++) {
            if (workers[i] <= 0) continue;
            if (waitpid(workers[i], NULL, WNOHANG) == workers[i]) workers[i] = 0;
            else alive = 1;
        }
        if (!alive) break;
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    for (int i = 0; i < cfg.workers; i++)
        if (workers[i] > 0) kill(workers[i], SIGKILL), waitpid(workers[i], NULL, 0);
    free(started);
}

int portal_main(int argc, char **argv, const struct program *prog)
{
    log_program = prog->name;
    setenv("TZ", "Asia/Shanghai", 1);
    tzset();
    if (config_parse(argc, argv)) return 2;
    /* every worker keeps nginx's connections open: as many descriptors as
     * the system lets this process have */
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    if (sodium_init() < 0 || FCGX_Init() != 0) return 1;
    if (render_init()) return 1;

    unlink(cfg.socket_path);
    mode_t old = umask(0117);
    /* a deep backlog: when a burst (the 07:00 rush) outruns the workers,
     * requests wait in the kernel queue for their turn instead of nginx
     * getting EAGAIN and answering 502; the kernel caps it at somaxconn */
    int listen_fd = FCGX_OpenSocket(cfg.socket_path, 4096);
    umask(old);
    if (listen_fd < 0) {
        log_error("cannot listen on %s", cfg.socket_path);
        return 1;
    }
    /* workers accept only when epoll says a connection waits, and another
     * may have taken it first: accept must not block */
    fcntl(listen_fd, F_SETFL, fcntl(listen_fd, F_GETFL) | O_NONBLOCK);
    chmod(cfg.socket_path, 0660);
    write_pid_file();
    if (drop_privileges()) return 1;

    workers = calloc((size_t)cfg.workers, sizeof(pid_t));
    set_signal(SIGTERM, on_stop_signal);
    set_signal(SIGINT, on_stop_signal);
    log_note("%s: %d workers on %s", prog->name, cfg.workers, cfg.socket_path);
    supervise(prog, listen_fd);
    unlink(cfg.socket_path);
    if (cfg.pid_file) unlink(cfg.pid_file);
    free(workers);
    return 0;
}
