/*
 * rush.c - the clients of the 07:00 rush (make bench-rush, tests/bench/
 * rush.sh).  CLIENTS patients at once, each on a connection of its own from
 * a loopback address of its own (as patients come from their own phones),
 * open a department's booking page, a doctor's day and a slot's form, and
 * book the slot (their mobile already proved: the proof cookie is made with
 * the instance's 'verify' key, as cgi/core/verify.c checks it); BROWSERS
 * more visitors only open the two pages meanwhile.  Bounded: each client
 * makes its journey once, and every request has a timeout.
 *
 * One thread on epoll, so that 1,200 clients cost the two cores they share
 * with the server little, and a step's time is the server's answer and the
 * network's, not a wait inside the client (the node client this replaces
 * spent 85 % of a core and added half a second to every step).
 *
 *   rush PORT CLIENTS BROWSERS TIMEOUT_MS VERIFY_KEY_HEX DEPARTMENT DOCTOR DAY SLOT...
 *
 * Prints a line per step (requests, p50, p99, errors, timeouts) and a last
 * line "rush: ..." (rush.sh adds the overbooked slots from the database).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <sodium.h>

enum step { DEPARTMENT, DOCTOR, SLOT_FORM, BOOKING, BOOKED, STEPS, DONE = STEPS };
static const char *const step_names[STEPS] = {"department", "doctor", "slot form", "booking", "booked"};

struct step_stats {
    double *ms;
    int n, errors, timeouts;
};

struct client {
    int index, books, fd, connected;
    enum step step;
    double started;          /* ms, when the current request began */
    char out[2048];
    size_t out_len, out_sent;
    char *in;
    size_t in_len, in_cap;
    char cookies[1024];      /* "name=value; name=value" */
    char token[128];         /* the slot form's CSRF token */
    long slot;
};

static struct step_stats stats[STEPS];
static int port, timeout_ms, epfd;
static unsigned char verify_key[64];
static size_t verify_key_len;
static long department, doctor, *slots;
static int nslots;
static const char *day;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void record(enum step s, double ms, int ok, int timed_out)
{
    stats[s].ms[stats[s].n++] = ms;
    if (!ok) stats[s].errors++;
    if (timed_out) stats[s].timeouts++;
}

/* A valid resident ID number (GB 11643) for person n, as the HTTP tests'
 * helpers make them: region 110105, birth date and sequence from n. */
static void resident_id(unsigned long n, char out[19])
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    char digits[24];
    snprintf(digits, sizeof(digits), "110105%04lu%02lu%02lu%03lu", 1950 + n % 50, 1 + (n / 50) % 12,
             1 + (n / 600) % 28, (n / 16800) % 1000);
    memcpy(out, digits, 17);
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (out[i] - '0') * w[i];
    out[17] = "10X98765432"[sum % 11];
    out[18] = 0;
}

/* The proof that `mobile` was verified: mobile.expires.MAC, the MAC the
 * first 22 characters of base64url(HMAC-SHA256(verify key, message)). */
static void mobile_proof(const char *mobile, char *out, size_t outlen)
{
    char msg[64], b64[64];
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    long expires = (long)time(NULL) + 3600;
    snprintf(msg, sizeof(msg), "mobile:%s:%ld", mobile, expires);
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, verify_key, verify_key_len);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, strlen(msg));
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2base64(b64, sizeof(b64), mac, sizeof(mac), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    b64[22] = 0;
    snprintf(out, outlen, "%s.%ld.%s", mobile, expires, b64);
}

static void build_request(struct client *c)
{
    const char *host = "127.0.0.1";
    if (c->step == DEPARTMENT) {
        c->out_len = (size_t)snprintf(c->out, sizeof(c->out), "GET /booking/departments/%ld HTTP/1.1\r\n"
                                      "Host: %s:%d\r\nCookie: %s\r\n\r\n", department, host, port, c->cookies);
    } else if (c->step == DOCTOR) {
        c->out_len = (size_t)snprintf(c->out, sizeof(c->out), "GET /booking/doctors/%ld?day=%s HTTP/1.1\r\n"
                                      "Host: %s:%d\r\nCookie: %s\r\n\r\n", doctor, day, host, port, c->cookies);
    } else if (c->step == SLOT_FORM) {
        c->out_len = (size_t)snprintf(c->out, sizeof(c->out), "GET /booking/slots/%ld HTTP/1.1\r\n"
                                      "Host: %s:%d\r\nCookie: %s\r\n\r\n", c->slot, host, port, c->cookies);
    } else {
        char body[512], id[19];
        resident_id((unsigned long)c->index + 7000000UL, id);
        /* 早高峰, percent-encoded as a browser sends it */
        int blen = snprintf(body, sizeof(body), "_csrf=%s&patient_name=%%E6%%97%%A9%%E9%%AB%%98%%E5%%B3%%B0"
                            "&id_type=resident_id&id_number=%s", c->token, id);
        c->out_len = (size_t)snprintf(c->out, sizeof(c->out), "POST /booking/slots/%ld HTTP/1.1\r\n"
                                      "Host: %s:%d\r\nCookie: %s\r\n"
                                      "Content-Type: application/x-www-form-urlencoded\r\n"
                                      "Content-Length: %d\r\n\r\n%s", c->slot, host, port, c->cookies, blen, body);
    }
    c->out_sent = 0;
    c->in_len = 0;
}

/* A connection of the client's own, from its own loopback address; the
 * request is sent when it is up. */
static int open_connection(struct client *c)
{
    struct sockaddr_in local = {.sin_family = AF_INET}, remote = {.sin_family = AF_INET};
    int i = c->index;
    local.sin_addr.s_addr = htonl((127u << 24) | ((60u + (unsigned)i / 65000) << 16) |
                                  (((unsigned)i / 250 % 250) << 8) | (1u + (unsigned)i % 250));
    remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    remote.sin_port = htons((unsigned short)port);
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (c->fd < 0) return -1;
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (bind(c->fd, (struct sockaddr *)&local, sizeof(local)) ||
        (connect(c->fd, (struct sockaddr *)&remote, sizeof(remote)) && errno != EINPROGRESS)) {
        close(c->fd);
        c->fd = -1;
        return -1;
    }
    c->connected = 0;
    struct epoll_event ev = {.events = EPOLLOUT, .data.ptr = c};
    return epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev);
}

static enum step after(const struct client *c);

static void close_connection(struct client *c)
{
    if (c->fd >= 0) {
        epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
    }
    c->fd = -1;
}

/* The next request of the journey, on the kept connection or a new one;
 * 0, or -1 when the journey is over. */
static int next_step(struct client *c, enum step next, int keep)
{
    c->step = next;
    if (next == DONE) { close_connection(c); return -1; }
    build_request(c);
    c->started = now_ms();
    if (!keep || c->fd < 0) {
        close_connection(c);
        if (open_connection(c)) {
            record(c->step, now_ms() - c->started, 0, 0);
            if (c->step == SLOT_FORM) record(BOOKING, 0, 0, 0);
            return next_step(c, after(c), 0);
        }
        return 0;
    }
    struct epoll_event ev = {.events = EPOLLOUT, .data.ptr = c};
    epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
    return 0;
}

/* Keeps each cookie the server sets, a new value replacing the old one of
 * the same name (the CSRF cookie of the form, say), as a browser does. */
static void keep_cookies(struct client *c, const char *headers, const char *end)
{
    for (const char *p = headers; p < end; ) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if ((size_t)(eol - p) > 12 && !strncasecmp(p, "Set-Cookie: ", 12)) {
            const char *v = p + 12, *eq = memchr(v, '=', (size_t)(eol - v)), *semi = v;
            while (semi < eol && *semi != ';' && *semi != '\r') semi++;
            if (eq && eq < semi) {
                char kept[sizeof(c->cookies)] = "", *save = NULL;
                size_t name_len = (size_t)(eq - v);
                for (char *one = strtok_r(c->cookies, "; ", &save); one; one = strtok_r(NULL, "; ", &save)) {
                    if (!strncmp(one, v, name_len) && one[name_len] == '=') continue;
                    size_t have = strlen(kept);
                    snprintf(kept + have, sizeof(kept) - have, "%s%s", have ? "; " : "", one);
                }
                size_t have = strlen(kept);
                snprintf(kept + have, sizeof(kept) - have, "%s%.*s", have ? "; " : "", (int)(semi - v), v);
                memcpy(c->cookies, kept, sizeof(kept));
            }
        }
        p = eol + 1;
    }
}

/* Where the journey goes after a step: the pages are read whatever they
 * answered; a form without a token ends it, as a patient would be stuck. */
static enum step after(const struct client *c)
{
    switch (c->step) {
    case DEPARTMENT: return DOCTOR;
    case DOCTOR: return c->books ? SLOT_FORM : DONE;
    case SLOT_FORM: return c->token[0] ? BOOKING : DONE;
    default: return DONE;
    }
}

static void finish_request(struct client *c, int status, const char *headers, const char *body_end,
                           const char *body, int keep)
{
    double ms = now_ms() - c->started;
    if (c->step == BOOKING) {
        /* answered is what counts: booked (303) or told the slot is full (409) */
        record(BOOKING, ms, status == 303 || status == 409, 0);
        if (status == 303) record(BOOKED, ms, 1, 0);
    } else {
        record(c->step, ms, status == 200, 0);
    }
    keep_cookies(c, headers, body);
    if (c->step == SLOT_FORM) {
        c->token[0] = 0;
        const char *t = status == 200 ? strstr(body, "name=\"_csrf\" value=\"") : NULL;
        if (t && t < body_end) {
            t += 20;
            const char *q = strchr(t, '"');
            if (q && (size_t)(q - t) < sizeof(c->token)) snprintf(c->token, sizeof(c->token), "%.*s", (int)(q - t), t);
        }
        if (!c->token[0]) record(BOOKING, 0, 0, 0);
    }
    next_step(c, after(c), keep);
}

/* Parses what came in: 1 when a whole response was handled, 0 when more
 * is needed, -1 when it cannot be read. */
static int try_response(struct client *c)
{
    c->in[c->in_len] = 0;
    char *head_end = strstr(c->in, "\r\n\r\n");
    if (!head_end) return 0;
    int status = 0;
    if (sscanf(c->in, "HTTP/1.%*d %d", &status) != 1) return -1;
    char *body = head_end + 4;
    long length = -1;
    int chunked = 0, keep = 1;
    for (char *p = c->in; p < head_end; ) {
        char *eol = strstr(p, "\r\n");
        if (!strncasecmp(p, "Content-Length:", 15)) length = atol(p + 15);
        else if (!strncasecmp(p, "Transfer-Encoding:", 18) && strstr(p, "chunked") && strstr(p, "chunked") < eol)
            chunked = 1;
        else if (!strncasecmp(p, "Connection:", 11) && strcasestr(p, "close") && strcasestr(p, "close") < eol)
            keep = 0;
        p = eol + 2;
    }
    size_t have = c->in_len - (size_t)(body - c->in);
    if (chunked) {
        /* first whether the last chunk (size 0) has come, then the body
         * joined in place: a chunk's size line, its bytes, CRLF ... 0 */
        char *end = c->in + c->in_len, *r = body;
        for (;;) {
            char *eol = strstr(r, "\r\n");
            if (!eol) return 0;
            long size = strtol(r, NULL, 16);
            if (size < 0) return -1;
            if (size == 0) { if (end - eol < 4) return 0; break; }
            if (end - (eol + 2) < size + 2) return 0;
            r = eol + 2 + size + 2;
        }
        char *w = body;
        for (r = body;;) {
            char *eol = strstr(r, "\r\n");
            long size = strtol(r, NULL, 16);
            if (size == 0) break;
            memmove(w, eol + 2, (size_t)size);
            w += size;
            r = eol + 2 + size + 2;
        }
        *w = 0;
        finish_request(c, status, c->in, w, body, keep);
        return 1;
    }
    if (length < 0) return -1;
    if (have < (size_t)length) return 0;
    body[length] = 0;
    finish_request(c, status, c->in, body + length, body, keep);
    return 1;
}

static void fail_request(struct client *c, int timed_out)
{
    double ms = timed_out ? timeout_ms : now_ms() - c->started;
    record(c->step, ms, 0, timed_out);
    if (c->step == SLOT_FORM) record(BOOKING, 0, 0, 0);
    close_connection(c);
    next_step(c, after(c), 0);
}

static void on_event(struct client *c, unsigned events)
{
    if (!c->connected) {
        int err = 0;
        socklen_t len = sizeof(err);
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err || (events & (EPOLLERR | EPOLLHUP))) { fail_request(c, 0); return; }
        c->connected = 1;
    }
    if (c->out_sent < c->out_len) {
        ssize_t n = send(c->fd, c->out + c->out_sent, c->out_len - c->out_sent, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN) { fail_request(c, 0); return; }
        if (n > 0) c->out_sent += (size_t)n;
        if (c->out_sent == c->out_len) {
            struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
            epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
        }
        return;
    }
    for (;;) {
        if (c->in_cap - c->in_len < 16384) {
            c->in_cap = c->in_cap ? c->in_cap * 2 : 65536;
            c->in = realloc(c->in, c->in_cap + 1);
            if (!c->in) { perror("realloc"); exit(1); }
        }
        ssize_t n = recv(c->fd, c->in + c->in_len, c->in_cap - c->in_len, 0);
        if (n < 0 && errno == EAGAIN) return;
        if (n <= 0) { fail_request(c, 0); return; }
        c->in_len += (size_t)n;
        int done = try_response(c);
        if (done < 0) { fail_request(c, 0); return; }
        if (done) return;
    }
}

static double percentile(double *v, int n, double q)
{
    if (!n) return 0;
    int at = (int)(q * n);
    return v[at < n ? at : n - 1];
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 10 || sodium_init() < 0) {
        fprintf(stderr, "usage: rush PORT CLIENTS BROWSERS TIMEOUT_MS VERIFY_KEY_HEX DEPARTMENT DOCTOR DAY SLOT...\n");
        return 2;
    }
    port = atoi(argv[1]);
    int clients = atoi(argv[2]), browsers = atoi(argv[3]), total = clients + browsers;
    timeout_ms = atoi(argv[4]);
    if (sodium_hex2bin(verify_key, sizeof(verify_key), argv[5], strlen(argv[5]), NULL, &verify_key_len, NULL)) {
        fprintf(stderr, "rush: the verify key is not hex\n");
        return 2;
    }
    department = atol(argv[6]);
    doctor = atol(argv[7]);
    day = argv[8];
    nslots = argc - 9;
    slots = calloc((size_t)nslots, sizeof(*slots));
    for (int i = 0; i < nslots; i++) slots[i] = atol(argv[9 + i]);
    for (int s = 0; s < STEPS; s++) stats[s].ms = calloc((size_t)total * 2 + 1, sizeof(double));
    struct client *cs = calloc((size_t)total, sizeof(*cs));
    epfd = epoll_create1(0);
    if (!slots || !cs || epfd < 0) { perror("rush"); return 1; }

    double began = now_ms();
    int active = 0;
    for (int i = 0; i < total; i++) {
        struct client *c = &cs[i];
        char mobile[16], proof[128];
        c->index = i;
        c->books = i < clients;
        c->fd = -1;
        c->slot = slots[i % nslots];
        snprintf(mobile, sizeof(mobile), "139%08d", (10000000 + i) % 100000000);
        mobile_proof(mobile, proof, sizeof(proof));
        snprintf(c->cookies, sizeof(c->cookies), "mobile_ok=%s", proof);
        if (next_step(c, DEPARTMENT, 0) == 0) active++;
    }
    struct epoll_event events[256];
    while (active) {
        int n = epoll_wait(epfd, events, 256, 100);
        for (int k = 0; k < n; k++) {
            struct client *c = events[k].data.ptr;
            on_event(c, events[k].events);
        }
        double t = now_ms();
        active = 0;
        for (int i = 0; i < total; i++) {
            if (cs[i].step == DONE) continue;
            if (t - cs[i].started > timeout_ms) fail_request(&cs[i], 1);
            if (cs[i].step != DONE) active++;
        }
    }
    double seconds = (now_ms() - began) / 1000;

    int errors = 0, timeouts = 0;
    char parts[1024] = "";
    for (int s = 0; s < STEPS; s++) {
        struct step_stats *st = &stats[s];
        qsort(st->ms, (size_t)st->n, sizeof(double), by_value);
        printf("%-12s %5d requests  p50 %.1f ms  p99 %.1f ms  errors %d  timeouts %d\n", step_names[s], st->n,
               percentile(st->ms, st->n, 0.5), percentile(st->ms, st->n, 0.99), st->errors, st->timeouts);
        if (s == BOOKED) continue;
        errors += st->errors;
        timeouts += st->timeouts;
        char name[16];
        snprintf(name, sizeof(name), "%s", step_names[s]);
        for (char *p = name; *p; p++) if (*p == ' ') *p = '_';
        size_t have = strlen(parts);
        snprintf(parts + have, sizeof(parts) - have, "%s%s_p50_ms=%.1f %s_p99_ms=%.1f", have ? " " : "", name,
                 percentile(st->ms, st->n, 0.5), name, percentile(st->ms, st->n, 0.99));
    }
    int booked = stats[BOOKED].n;
    printf("rush: clients=%d browsers=%d seconds=%.1f bookings=%d bookings_per_s=%.0f %s errors=%d timeouts=%d\n",
           clients, browsers, seconds, booked, booked / seconds, parts, errors, timeouts);
    return 0;
}
