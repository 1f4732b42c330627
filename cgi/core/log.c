/*
 * log.c - one line per request and per error, on standard error.
 *
 * Each line is formatted first and written with one write(2), so lines
 * from the workers of a pool never interleave in the shared log file.
 * A busy worker holds its request lines back (log_hold) and writes them
 * together when it has nothing to do or LOG_HELD bytes have gathered:
 * one write for many requests.  Errors and notes are written at once,
 * after the held lines, so the file keeps its order.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "portal.h"

const char *log_program = "portal";
static pid_t log_pid;   /* cached: getpid() is a system call on every line */

void log_set_pid(void)
{
    log_pid = getpid();
}

static int timestamp(char *buf, size_t len)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return (int)strftime(buf, len, "%Y-%m-%dT%H:%M:%S%z", &tm);
}

#define LOG_HELD 16384
static char held[LOG_HELD];
static size_t held_len;
static int holding;

static void write_out(const char *buf, size_t len)
{
    if (write(STDERR_FILENO, buf, len) < 0) { /* nowhere else to say it */ }
}

void log_flush(void)
{
    if (held_len) write_out(held, held_len);
    held_len = 0;
}

void log_hold(int on)
{
    if (!on) log_flush();
    holding = on;
}

static void write_line(char *line, int n, size_t cap, int may_hold)
{
    if (n < 0) return;
    if ((size_t)n >= cap - 1) n = (int)cap - 2;
    line[n++] = '\n';
    if (!holding || !may_hold) {
        log_flush();
        write_out(line, (size_t)n);
        return;
    }
    if (held_len + (size_t)n > LOG_HELD) log_flush();
    memcpy(held + held_len, line, (size_t)n);
    held_len += (size_t)n;
}

void log_request(struct request *r, double elapsed_ms)
{
    char line[1024], ts[40];
    timestamp(ts, sizeof(ts));
    int n = snprintf(line, sizeof(line), "%s %s[%d] rid=%s ip=%s user=%s \"%s %.300s\" %d %.2fms",
                     ts, log_program, (int)(log_pid ? log_pid : getpid()), r->request_id,
                     r->client_ip ? r->client_ip : "-",
                     r->user.username[0] ? r->user.username : "-",
                     r->method ? r->method : "-", r->path ? r->path : "-",
                     r->status, elapsed_ms);
    write_line(line, n, sizeof(line), 1);
}

static void log_with_level(const char *level, const char *fmt, va_list ap)
{
    char line[1024], ts[40];
    timestamp(ts, sizeof(ts));
    int n = snprintf(line, sizeof(line), "%s %s[%d] %s: ", ts, log_program, (int)(log_pid ? log_pid : getpid()), level);
    int m = vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
    write_line(line, m < 0 ? n : n + m, sizeof(line), 0);
}

void log_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_with_level("error", fmt, ap);
    va_end(ap);
}

void log_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_with_level("note", fmt, ap);
    va_end(ap);
}
