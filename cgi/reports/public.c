/*
 * public.c - the patient's side of lab reports (检验报告查询).
 *
 * The lookup takes the barcode as a phone's scanner app pastes it (spaces,
 * lower case, full-width characters) and a second factor: the mobile's
 * last 4 digits or the patient's surname.  A wrong barcode and a wrong
 * factor get the same page, status and query (core lookup.c limits failed
 * lookups per address and per barcode).  A lookup that fits hands out a
 * signed, expiring link (signed.c, key 'reports') to the report; the
 * printable view's QR code holds a longer-lived one.  Nothing personal is
 * ever cached; the turnaround times are the same for everyone and are.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "reports.h"
#include "qr.h"

static const char *factor_check(const struct form *f, const char *v);
static const char *barcode_check(const struct form *f, const char *v);

enum { L_BARCODE, L_FACTOR };
static const struct field lookup_fields[] = {
    [L_BARCODE] = {"barcode", FIELD_CODE, 1, 4, 32, NULL, "Reports.barcode", barcode_check},
    [L_FACTOR] = {"factor", FIELD_CODE, 1, 1, 8, NULL, "Reports.factor", factor_check},
    {0},
};

static const struct lookup_policy lookup_limits = {"reports.client", "reports.barcode"};

static const char *barcode_check(const struct form *f, const char *v)
{
    (void)f;
    for (; *v; v++)
        if (!isalnum((unsigned char)*v)) return "barcode_shape";
    return NULL;
}

/* 4 digits, or a surname: 1 to 4 characters that are not ASCII. */
static const char *factor_check(const struct form *f, const char *v)
{
    (void)f;
    size_t n = strlen(v), digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (isdigit((unsigned char)v[i])) digits++;
        else if ((unsigned char)v[i] < 0x80) return "factor_shape";
    }
    if (digits && (digits != 4 || n != 4)) return "factor_shape";
    if (!digits && utf8_chars(v) > 4) return "factor_shape";
    return NULL;
}

void reports_mask_name(const char *name, char *out, size_t outlen)
{
    size_t len = strlen(name), o = 0;
    /* the byte offsets of the first and the last character */
    size_t first_end = 1, last_start = len;
    while (first_end < len && ((unsigned char)name[first_end] & 0xc0) == 0x80) first_end++;
    long chars = utf8_chars(name);
    if (len == 0 || outlen < 2) {
        if (outlen) out[0] = 0;
        return;
    }
    if (chars <= 1 || first_end + 1 > outlen) {
        snprintf(out, outlen, "%s", chars <= 1 ? name : "*");
        return;
    }
    memcpy(out, name, first_end);
    o = first_end;
    if (chars >= 3) {
        last_start = len - 1;
        while (last_start > first_end && ((unsigned char)name[last_start] & 0xc0) == 0x80) last_start--;
    }
    for (long i = 0; i < (chars >= 3 ? chars - 2 : 1) && o + 1 < outlen; i++) out[o++] = '*';
    if (chars >= 3 && o + (len - last_start) < outlen) {
        memcpy(out + o, name + last_start, len - last_start);
        o += len - last_start;
    }
    out[o] = 0;
}

int reports_token(long long order_id, long long seconds, char *out, size_t outlen)
{
    char subject[24];
    snprintf(subject, sizeof(subject), "%lld", order_id);
    return signed_token_make("reports", "report", subject, (long long)time(NULL) + seconds, out, outlen);
}

/* GET /reports/ */
int reports_lookup_form(struct request *r)
{
    return render(r, "reports/lookup.cs");
}

/* POST /reports/ */
int reports_lookup(struct request *r)
{
    struct form f;
    char barcode[40], token[SIGNED_TOKEN_MAX], path[SIGNED_TOKEN_MAX + 32];
    if (form_read(r, lookup_fields, &f)) {
        r->status = 422;
        return render(r, "reports/lookup.cs");
    }
    snprintf(barcode, sizeof(barcode), "%s", f.v[L_BARCODE].text);
    for (char *p = barcode; *p; p++) *p = (char)toupper((unsigned char)*p);
    hdf_set_value(r->hdf, "Form.barcode", barcode);
    int allowed = lookup_allowed(r, &lookup_limits, &f, L_BARCODE, barcode);
    if (allowed < 0) return 503;
    if (!allowed) return render(r, "reports/lookup.cs");
    const char *factor = f.v[L_FACTOR].text;
    int found = isdigit((unsigned char)factor[0])
        ? db_row(r->private_hdf, "Found", "SELECT id FROM public_lab_orders WHERE barcode = ? AND mobile_last4 = ?",
                 "ss", barcode, factor)
        : db_row(r->private_hdf, "Found", "SELECT id FROM public_lab_orders WHERE barcode = ?"
                 " AND (patient_name = ? OR LEFT(patient_name, CHAR_LENGTH(?)) = ?)", "ssss", barcode, factor,
                 factor, factor);
    if (found < 0) return 500;
    if (found == 0) {
        form_error(r, &f, L_BARCODE, "report_not_found");
        r->status = 422;
        return render(r, "reports/lookup.cs");
    }
    lookup_found(r, &lookup_limits, barcode);
    if (reports_token(hdf_get_int_value(r->private_hdf, "Found.id", 0), REPORT_LINK_SECONDS, token, sizeof(token)))
        return 500;
    snprintf(path, sizeof(path), "/reports/report?t=%s", token);
    return redirect(r, path);
}

/* The order a request's link opens, or 0 with the refusal page rendered
 * (403 tampered or malformed, 410 expired). */
static long long authorised_order(struct request *r, int *status)
{
    char subject[32];
    long long id = 0;
    const char *t = req_param(r, "t");
    enum signed_state st = t && strlen(t) < SIGNED_TOKEN_MAX
        ? signed_token_open("reports", "report", t, subject, sizeof(subject), NULL) : SIGNED_BAD;
    if (st == SIGNED_VALID && parse_int(subject, 1, 4294967295LL, &id)) return id;
    hdf_set_value(r->hdf, "Link", st == SIGNED_EXPIRED ? "expired" : "bad");
    *status = st == SIGNED_EXPIRED ? 410 : 403;
    r->status = *status;
    render(r, "reports/link.cs");
    return 0;
}

/* Everything the report shows, into Report, Items, Panels. */
static int load_report(struct request *r, long long id)
{
    char masked[128];
    int found = db_row(r->hdf, "Report",
        "SELECT o.barcode, o.patient_name, o.patient_sex AS sex, o.age_text,"
        " TIMESTAMPDIFF(YEAR, o.birth_date, CURDATE()) AS age, o.department, o.ordering_doctor AS doctor,"
        " o.specimen_type AS specimen, o.status,"
        " DATE_FORMAT(o.collected_at, '%Y-%m-%d %H:%i') AS collected,"
        " DATE_FORMAT(o.received_at, '%Y-%m-%d %H:%i') AS received,"
        " DATE_FORMAT(o.reported_at, '%Y-%m-%d %H:%i') AS reported,"
        " DATE_FORMAT(o.corrected_at, '%Y-%m-%d %H:%i') AS corrected,"
        " DATE_FORMAT(o.exp_at, IF(DATE(o.exp_at) = CURDATE(), '%H:%i', '%c月%e日 %H:%i')) AS expected,"
        " o.exp_at < NOW() AS late"
        " FROM (SELECT x.*, COALESCE(x.expected_at, COALESCE(x.received_at, x.collected_at) + INTERVAL"
        "   (SELECT MAX(t.minutes) FROM public_lab_panels p JOIN public_lab_turnaround t ON t.panel_code = p.code"
        "     WHERE p.order_id = x.id) MINUTE) AS exp_at"
        "   FROM public_lab_orders x WHERE x.id = ?) o", "i", id);
    if (found <= 0) return found;
    HDF *rep = hdf_get_obj(r->hdf, "Report");
    reports_mask_name(hdf_get_value(rep, "patient_name", ""), masked, sizeof(masked));
    hdf_set_value(rep, "patient_name", masked);
    const char *status = hdf_get_value(rep, "status", "");
    if (strcmp(status, "preliminary") && strcmp(status, "final") && strcmp(status, "corrected")) return 1;
    if (db_rows(r->hdf, "Items",
                "SELECT panel_code, panel_name, code, name, value_type, value, unit, reference_range AS `range`,"
                " abnormal_flag AS flag, method, result_status AS status, comment,"
                " abnormal_flag IN ('HH','LL','AA','critical') AS critical"
                " FROM public_lab_results WHERE order_id = ? ORDER BY panel_code, seq, code", "i", id) < 0 ||
        db_rows(r->private_hdf, "Prev",
                "SELECT code, value, unit, abnormal_flag AS flag, DATE_FORMAT(reported_at, '%Y-%m-%d') AS date"
                " FROM public_lab_history WHERE order_id = ? ORDER BY code, reported_at DESC LIMIT 500", "i", id) < 0)
        return -1;
    /* the most recent earlier value of each test, beside today's */
    for (HDF *it = hdf_obj_child(hdf_get_obj(r->hdf, "Items")); it; it = hdf_obj_next(it)) {
        const char *code = hdf_get_value(it, "code", "");
        if (hdf_get_int_value(it, "critical", 0)) hdf_set_value(rep, "has_critical", "1");
        const char *flag = hdf_get_value(it, "flag", NULL);
        if (flag && *flag && strcmp(flag, "N")) hdf_set_value(rep, "has_flags", "1");
        for (HDF *p = hdf_obj_child(hdf_get_obj(r->private_hdf, "Prev")); p; p = hdf_obj_next(p))
            if (!strcmp(hdf_get_value(p, "code", ""), code)) {
                hdf_set_value(it, "prev.value", hdf_get_value(p, "value", ""));
                hdf_set_value(it, "prev.unit", hdf_get_value(p, "unit", ""));
                hdf_set_value(it, "prev.flag", hdf_get_value(p, "flag", ""));
                hdf_set_value(it, "prev.date", hdf_get_value(p, "date", ""));
                hdf_set_value(rep, "has_prev", "1");
                break;
            }
    }
    return 1;
}

/* GET /reports/report?t= */
int reports_show(struct request *r)
{
    int status = 0;
    long long id = authorised_order(r, &status);
    if (!id) return status;
    int found = load_report(r, id);
    if (found <= 0) return found < 0 ? 500 : 404;
    hdf_set_value(r->hdf, "Links.t", req_param(r, "t"));
    return render(r, "reports/report.cs");
}

/* The link the printed QR code holds: this host, a 7-day token. */
static int print_link(struct request *r, long long id, char *out, size_t outlen, char *until, size_t ulen)
{
    char token[SIGNED_TOKEN_MAX];
    if (reports_token(id, REPORT_PRINT_SECONDS, token, sizeof(token))) return -1;
    const char *host = req_env(r, "HTTP_HOST");
    const char *https = req_env(r, "HTTPS");
    const char *site = hdf_get_value(render_globals(), "Site.url", NULL);
    if (site && *site) snprintf(out, outlen, "%s/reports/report?t=%s", site, token);
    else snprintf(out, outlen, "%s://%s/reports/report?t=%s", https && *https ? "https" : "http",
                  host && *host && !strpbrk(host, " \"<>\\") ? host : "127.0.0.1", token);
    time_t t = time(NULL) + REPORT_PRINT_SECONDS;
    struct tm tm;
    strftime(until, ulen, "%Y-%m-%d %H:%M", localtime_r(&t, &tm));
    return 0;
}

/* GET /reports/print?t=[&paper=80] : the report laid out for paper. */
int reports_print(struct request *r)
{
    int status = 0;
    char link[400], until[32], now[32];
    long long id = authorised_order(r, &status);
    if (!id) return status;
    int found = load_report(r, id);
    if (found <= 0) return found < 0 ? 500 : 404;
    if (print_link(r, id, link, sizeof(link), until, sizeof(until))) return 500;
    STRING svg;
    string_init(&svg);
    if (qr_svg(link, lang("Reports.qr_label"), &svg) == 0) hdf_set_value(r->hdf, "Raw.qr_svg", svg.buf);
    string_clear(&svg);
    time_t t = time(NULL);
    struct tm tm;
    strftime(now, sizeof(now), "%Y-%m-%d %H:%M", localtime_r(&t, &tm));
    hdf_set_value(r->hdf, "Print.until", until);
    hdf_set_value(r->hdf, "Print.now", now);
    const char *paper = req_param(r, "paper");
    hdf_set_value(r->hdf, "Print.paper", paper && !strcmp(paper, "80") ? "80" : "a4");
    hdf_set_value(r->hdf, "Links.t", req_param(r, "t"));
    return render(r, "reports/print.cs");
}

/* GET /reports/qr?t= : the printed QR code as a PNG (to save, or for a
 * kiosk that prints images). */
int reports_qr_png(struct request *r)
{
    int status = 0;
    char link[400], until[32];
    long long id = authorised_order(r, &status);
    if (!id) return status;
    if (print_link(r, id, link, sizeof(link), until, sizeof(until))) return 500;
    if (qr_png(link, 6, &r->body)) return 500;
    r->content_type = "image/png";
    return 200;
}

/* GET /reports/turnaround : the published times, the same for everyone. */
int reports_turnaround(struct request *r)
{
    if (db_rows(r->hdf, "Turnaround",
                "SELECT panel_code, panel_name, minutes, minutes DIV 60 AS h, minutes MOD 60 AS m, note"
                " FROM public_lab_turnaround ORDER BY minutes, panel_name", "") < 0)
        return 500;
    r->cacheable = 1;
    return render(r, "reports/turnaround.cs");
}
