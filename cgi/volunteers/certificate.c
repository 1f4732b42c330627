/*
 * volunteers/certificate.c - recognition: a volunteer's public certificate
 * (total hours, services, since when) whose QR code carries the page's own
 * signed link, so whoever scans it sees the portal confirm it (a forged or
 * altered link is refused); and the star-volunteer list (服务明星) that the
 * office publishes.
 */
#include <stdio.h>
#include <string.h>
#include "volunteers.h"
#include "qr.h"

/* The certificate a link names, as Cert.*; 0 when the link is not genuine. */
static int load_certificate(struct request *r)
{
    char no[16];
    const char *t = req_param(r, "t");
    if (signed_token_open(VOL_KEY, VOL_PURPOSE_CERT, t, no, sizeof(no), NULL) != SIGNED_VALID) return 0;
    hdf_set_value(r->hdf, "Cert.token", t);
    return db_row(r->hdf, "Cert",
                  "SELECT a.application_no AS no, a.name, a.services, DATE_FORMAT(a.active_since, '%Y-%m-%d') AS since,"
                  " (SELECT COALESCE(SUM(minutes), 0) FROM volunteer_shifts s WHERE s.application_id = a.id) AS minutes,"
                  " (SELECT COUNT(*) FROM volunteer_shifts s WHERE s.application_id = a.id AND s.minutes IS NOT NULL) AS shifts"
                  " FROM volunteer_applications a WHERE a.application_no = ? AND a.active_since IS NOT NULL", "s", no);
}

static void cert_url(struct request *r, char *out, size_t len)
{
    const char *site = hdf_get_value(render_globals(), "Site.url", NULL);
    const char *host = req_env(r, "HTTP_HOST");
    snprintf(out, len, "%s/volunteers/certificate?t=%s", site ? site : "", hdf_get_value(r->hdf, "Cert.token", ""));
    if (!site) {
        char tmp[400];
        snprintf(tmp, sizeof(tmp), "http://%s%s", host ? host : "localhost", out);
        snprintf(out, len, "%s", tmp);
    }
}

/* GET /volunteers/certificate?t=... */
int vol_certificate(struct request *r)
{
    char url[400];
    int found = load_certificate(r);
    if (found < 0) return 500;
    if (found == 0) {
        r->status = 404;
        hdf_set_value(r->hdf, "Invalid", "1");
        return render(r, "volunteers/certificate.cs");
    }
    long long m = hdf_get_int_value(r->hdf, "Cert.minutes", 0);
    char hours[32];
    snprintf(hours, sizeof(hours), "%lld.%lld", m / 60, (m % 60) * 10 / 60);
    hdf_set_value(r->hdf, "Cert.hours", hours);
    char services[256];
    vol_services_text(hdf_get_value(r->hdf, "Cert.services", ""), services, sizeof(services));
    hdf_set_value(r->hdf, "Cert.services_text", services);
    vol_text(r, "cert", "Vol.cert_text", hdf_get_obj(r->hdf, "Cert"));
    cert_url(r, url, sizeof(url));
    STRING svg;
    string_init(&svg);
    if (qr_svg(url, lang("Vol.cert_qr_label"), &svg) == 0) hdf_set_value(r->hdf, "Raw.qr_svg", svg.buf);
    string_clear(&svg);
    return render(r, "volunteers/certificate.cs");
}

/* GET /volunteers/certificate.png?t=... : the QR code alone, to print. */
int vol_certificate_qr(struct request *r)
{
    char url[400];
    int found = load_certificate(r);
    if (found <= 0) return found < 0 ? 500 : 404;
    cert_url(r, url, sizeof(url));
    if (qr_png(url, 8, &r->body)) return 500;
    r->content_type = "image/png";
    return 200;
}

/* GET /volunteers/stars : 服务明星, as the office published them. */
int vol_stars(struct request *r)
{
    if (db_rows(r->hdf, "Stars",
                "SELECT name, citation, DATE_FORMAT(active_since, '%Y-%m') AS since,"
                " CONCAT(minutes DIV 60, '') AS hours FROM public_volunteer_stars ORDER BY minutes DESC, id", "") < 0)
        return 500;
    r->cacheable = 1;
    return render(r, "volunteers/stars.cs");
}
