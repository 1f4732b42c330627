/*
 * response.c - status, headers, cookies, redirects and error pages.
 *
 * Every response carries the same security headers; only pages a handler
 * marks `cacheable` (the same bytes for every anonymous visitor) may be kept
 * by nginx's cache, and then for one second.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/uio.h>
#include <fastcgi.h>
#include <fcgiapp.h>
#include "portal.h"

static const char security_headers[] =
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"
    "Content-Security-Policy: default-src 'none'; style-src 'self'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'\r\n";

const char *status_text(int status)
{
    switch (status) {
    case 200: return "OK";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return "Internal Server Error";
    }
}

/* Adds one header line.  Values come from the program, never raw from the
 * request, but CR and LF are refused anyway so no header can be split. */
void header_add(struct request *r, const char *name, const char *value)
{
    if (strpbrk(name, "\r\n") || strpbrk(value, "\r\n")) return;
    string_appendf(&r->headers, "%s: %s\r\n", name, value);
}

/* HttpOnly and SameSite=Strict always; Secure whenever nginx says the
 * request came over TLS.  max_age 0 deletes the cookie, -1 makes it last
 * until the browser closes. */
void cookie_set(struct request *r, const char *name, const char *value,
                const char *path, long max_age)
{
    char line[512], age[32] = "";
    const char *https = req_env(r, "HTTPS");
    if (max_age >= 0) snprintf(age, sizeof(age), "; Max-Age=%ld", max_age);
    snprintf(line, sizeof(line), "%s=%s; Path=%s%s; HttpOnly; SameSite=Strict%s",
             name, value, path, age, https && *https ? "; Secure" : "");
    header_add(r, "Set-Cookie", line);
}

/* 303 See Other: after a POST the browser fetches the target with GET, so
 * reloading the result page never submits the form twice. */
int redirect(struct request *r, const char *location)
{
    header_add(r, "Location", local_path_safe(location) ? location : "/");
    string_clear(&r->body);
    string_init(&r->body);
    return 303;
}

/* A page in the portal's own layout that says, in Chinese, what went wrong
 * and what the visitor can do. */
int error_page(struct request *r, int status)
{
    char key[64];
    hdf_set_int_value(r->hdf, "Error.status", status);
    snprintf(key, sizeof(key), "Http.%d.title", status);
    hdf_set_value(r->hdf, "Error.title", lang(key));
    snprintf(key, sizeof(key), "Http.%d.text", status);
    hdf_set_value(r->hdf, "Error.text", lang(key));
    r->cacheable = 0;
    string_clear(&r->body);
    string_init(&r->body);
    if (render_template_to(r->hdf, "errors/error.cs", &r->body)) {
        string_clear(&r->body);
        string_init(&r->body);
        string_appendf(&r->body, "%d %s\n", status, status_text(status));
        r->content_type = "text/plain; charset=utf-8";
    }
    return status;
}

/* A FastCGI record's 8-byte header. */
static FCGI_Header record_header(int type, int request_id, size_t content_len)
{
    FCGI_Header h = {
        .version = FCGI_VERSION_1,
        .type = (unsigned char)type,
        .requestIdB1 = (unsigned char)(request_id >> 8),
        .requestIdB0 = (unsigned char)request_id,
        .contentLengthB1 = (unsigned char)(content_len >> 8),
        .contentLengthB0 = (unsigned char)content_len,
    };
    return h;
}

/* Writes all of iov, going on after a short write. */
static int write_all(int fd, struct iovec *iov, int n)
{
    while (n > 0) {
        ssize_t done = writev(fd, iov, n);
        if (done < 0 && errno == EINTR) continue;
        if (done <= 0) return -1;
        while (n > 0 && (size_t)done >= iov->iov_len) {
            done -= (ssize_t)iov->iov_len;
            iov++, n--;
        }
        if (n > 0) {
            iov->iov_base = (char *)iov->iov_base + done;
            iov->iov_len -= (size_t)done;
        }
    }
    return 0;
}

/* A response of one record's size (nearly every page) goes out whole in
 * one write: its stdout record, the empty record that ends stdout, and
 * END_REQUEST.  libfcgi's stream would write it in 8 KB pieces and its
 * end records after them, each write waking nginx.  The request's libfcgi
 * streams are then marked closed, so FCGX_Finish_r writes nothing more
 * (FCGX_FClose does nothing for a stream already closed).  Returns 0 when
 * sent, 1 when too big for one record (the caller uses the stream), -1 on
 * a failed write, after which the connection is not kept. */
static int send_in_one_write(FCGX_Request *req, const STRING *head, const STRING *body)
{
    size_t content = (size_t)head->len + (size_t)body->len;
    if (content > 0xffff) return 1;
    struct {
        FCGI_Header stdout_end;
        FCGI_EndRequestRecord end;
    } tail = {
        .stdout_end = record_header(FCGI_STDOUT, req->requestId, 0),
        .end = {.header = record_header(FCGI_END_REQUEST, req->requestId, sizeof(FCGI_EndRequestBody)),
                .body = {.protocolStatus = FCGI_REQUEST_COMPLETE}},
    };
    FCGI_Header first = record_header(FCGI_STDOUT, req->requestId, content);
    struct iovec iov[] = {
        {&first, sizeof(first)},
        {head->buf, (size_t)head->len},
        {body->buf, (size_t)body->len},
        {&tail, sizeof(tail)},
    };
    req->out->isClosed = req->out->wasFCloseCalled = 1;
    req->err->isClosed = req->err->wasFCloseCalled = 1;
    if (write_all(req->ipcFd, iov, 4) != 0) {
        req->keepConnection = 0;
        return -1;
    }
    return 0;
}

void response_send(struct request *r, void *fcgx_request)
{
    FCGX_Request *req = fcgx_request;
    FCGX_Stream *out = req->out;
    STRING head;
    string_init(&head);
    string_appendf(&head, "Status: %d %s\r\nContent-Type: %s\r\n%s", r->status,
                   status_text(r->status),
                   r->content_type ? r->content_type : "text/html; charset=utf-8",
                   security_headers);
    if (r->request_id[0]) string_appendf(&head, "X-Request-Id: %s\r\n", r->request_id);
    /* For nginx's page cache: "@now" keeps the page until the current
     * second ends; after that, for one second more, nginx may answer with
     * the expired copy while one request renders the page again
     * (stale-while-revalidate), so nobody waits on a re-render and nobody
     * sees a page more than two seconds old.  Cache-Control must come
     * first: nginx 1.22 reads it only before X-Accel-Expires.  nginx hides
     * it from the browser, which is told no-cache (portal-http.conf). */
    if (r->cacheable && r->status == 200)
        string_appendf(&head, "Cache-Control: max-age=1, stale-while-revalidate=1\r\nX-Accel-Expires: @%lld\r\n",
                       (long long)time(NULL));
    else if (r->cache_control && (r->status == 200 || r->status == 304))
        string_appendf(&head, "Cache-Control: %s\r\n", r->cache_control);
    else
        string_append(&head, "Cache-Control: no-store\r\n");
    if (r->headers.len) string_append(&head, r->headers.buf);
    int streamed = r->stream && r->status == 200;
    if (streamed) string_append(&head, "\r\n");
    else string_appendf(&head, "Content-Length: %d\r\n\r\n", r->body.len);
    if (streamed) {
        FCGX_PutStr(head.buf, head.len, out);
        /* the headers are gone: a failure now can only cut the body
         * short; it is logged (a reader checks the file's own end) */
        r->out = out;
        if (r->stream(r) != 0) log_error("stream of %s failed midway", r->path);
        r->out = NULL;
    } else if (send_in_one_write(req, &head, &r->body) == 1) {
        FCGX_PutStr(head.buf, head.len, out);
        if (r->body.len) FCGX_PutStr(r->body.buf, r->body.len, out);
    }
    string_clear(&head);
}

/* Part of a streamed body (see struct request's stream). */
int response_write(struct request *r, const char *buf, size_t len)
{
    if (!r->out || len > (size_t)0x7fffffff) return -1;
    return FCGX_PutStr(buf, (int)len, r->out) == (int)len ? 0 : -1;
}
