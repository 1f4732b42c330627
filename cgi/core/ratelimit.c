/*
 * ratelimit.c - how often something may happen, counted in MariaDB.
 *
 * A service names a rule (a scope in the table rate_rules, sql/007) and a
 * subject (the client's address, an account at an address, a looked-up
 * number, a mobile) and takes one hit before it does the thing limited:
 * the database answers whether it may, and until when it may not.  The
 * counting is one statement in the server (rate_take), so it holds across
 * every worker and host and under concurrency.  Subjects are hashed before
 * they leave the process; the table never holds them in clear.
 *
 * A refusal is answered the same way everywhere: status 429, Retry-After,
 * and the rule's Chinese message saying what is limited and until when,
 * beside the field it concerns (or at the top of the page).
 */
#include <stdio.h>
#include <string.h>
#include "portal.h"

/* The subject as the table holds it (also for a procedure that counts a
 * take itself, book_place). */
void rate_subject(const char *scope, const char *subject, char out[65])
{
    char buf[512];
    snprintf(buf, sizeof(buf), "%s\n%s", scope, subject ? subject : "");
    sha256_hex(buf, out);
}

/* One take of `scope` for `subject`.  Returns 0 and fills `a` (a->allowed
 * says whether the caller may go on), or -1 when the database could not
 * answer: callers then refuse with 503 rather than let everything through.
 * Must run outside a transaction, so the count stays whatever the caller's
 * own work does afterwards. */
/* A take's answer as the procedures give it (rate_take, and book_place for
 * the address quota it counts): allowed, retry_after, until, hits under
 * `node`. */
void rate_answer_read(HDF *node, const char *scope, struct rate_answer *a)
{
    memset(a, 0, sizeof(*a));
    a->allowed = hdf_get_int_value(node, "allowed", 0);
    a->retry_after = hdf_get_int_value(node, "retry_after", 0);
    a->hits = hdf_get_int_value(node, "hits", 0);
    snprintf(a->until, sizeof(a->until), "%s", hdf_get_value(node, "until", ""));
    snprintf(a->scope, sizeof(a->scope), "%s", scope);
}

int rate_take(const char *scope, const char *subject, struct rate_answer *a)
{
    char hash[65];
    memset(a, 0, sizeof(*a));
    if (db_in_transaction()) {
        log_error("ratelimit: %s taken inside a transaction", scope);
        return -1;
    }
    rate_subject(scope, subject, hash);
    HDF *tmp;
    if (hdf_init(&tmp)) return -1;
    int found = db_call(tmp, "R", "CALL rate_take(?, ?)", "ss", scope, hash);
    if (found == 1) rate_answer_read(hdf_get_obj(tmp, "R"), scope, a);
    hdf_destroy(&tmp);
    return found == 1 ? 0 : -1;
}

/* Gives back `hits` takes that went well (0: forgets the subject), so only
 * failures use up a limit: a good login, a lookup that found its record. */
void rate_forgive(const char *scope, const char *subject, int hits)
{
    char hash[65];
    rate_subject(scope, subject, hash);
    HDF *tmp;
    if (hdf_init(&tmp)) return;
    db_call(tmp, "F", "CALL rate_forgive(?, ?, ?)", "ssi", scope, hash, (long long)(hits > 0 ? hits : 0));
    hdf_destroy(&tmp);
}

/* The wait in words a person reads: "45 秒", "3 分钟". */
static void wait_words(long seconds, char *out, size_t len)
{
    char n[32];
    HDF *vars;
    STRING s;
    if (seconds < 1) seconds = 1;
    if (hdf_init(&vars)) {
        snprintf(out, len, "%ld", seconds);
        return;
    }
    snprintf(n, sizeof(n), "%ld", seconds < 60 ? seconds : (seconds + 59) / 60);
    hdf_set_value(vars, "n", n);
    string_init(&s);
    text_fill(&s, lang(seconds < 60 ? "Wait.seconds" : "Wait.minutes"), vars);
    snprintf(out, len, "%s", s.buf ? s.buf : n);
    string_clear(&s);
    hdf_destroy(&vars);
}

/* The refusal's text: Lang.Limit.<scope with dots as underscores>, with
 * {until} and {wait} filled in. */
void rate_message(const struct rate_answer *a, STRING *out)
{
    char key[64], wait[64], retry[32];
    HDF *vars;
    snprintf(key, sizeof(key), "Limit.%s", a->scope);
    for (char *p = key + 6; *p; p++)
        if (*p == '.') *p = '_';
    if (hdf_init(&vars)) return;
    wait_words(a->retry_after, wait, sizeof(wait));
    snprintf(retry, sizeof(retry), "%ld", a->retry_after);
    hdf_set_value(vars, "until", a->until);
    hdf_set_value(vars, "wait", wait);
    hdf_set_value(vars, "seconds", retry);
    text_fill(out, lang(key), vars);
    hdf_destroy(&vars);
}

/* Answers a refused take: 429 with Retry-After, and the message beside
 * field `index` of the form (index < 0 or no form: at the top of the page,
 * as a refusal: Refusal = "rate_limited" and RefusalText, which the pages
 * show above their forms).  Returns 429 for the handler to render with. */
int rate_refuse(struct request *r, struct form *f, int index, const struct rate_answer *a)
{
    char retry[32];
    STRING text;
    snprintf(retry, sizeof(retry), "%ld", a->retry_after > 0 ? a->retry_after : 1);
    header_add(r, "Retry-After", retry);
    string_init(&text);
    rate_message(a, &text);
    if (f && index >= 0) form_error_text(r, f, index, text.buf ? text.buf : "");
    else {
        hdf_set_value(r->hdf, "Refusal", "rate_limited");
        hdf_set_value(r->hdf, "RefusalText", text.buf ? text.buf : "");
    }
    string_clear(&text);
    r->status = 429;
    return 429;
}
