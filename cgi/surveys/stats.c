/*
 * surveys/stats.c - the statistics of survey results in integer arithmetic:
 * the satisfaction rate (share of ratings 4 and 5) in tenths of a percent,
 * the mean rating in hundredths, both rounded half up; months counted
 * without gaps (a month without answers is shown as such, not skipped); the
 * trend over months drawn as SVG on the server.
 */
#include <stdio.h>
#include <string.h>
#include "surveys.h"

long stats_rate_permille(unsigned long long good, unsigned long long n)
{
    if (n == 0 || good > n) return -1;
    return (long)((good * 2000 + n) / (2 * n));
}

long stats_mean_x100(unsigned long long total, unsigned long long n)
{
    if (n == 0) return -1;
    return (long)((total * 200 + n) / (2 * n));
}

void stats_permille_text(long permille, char *out, size_t len)
{
    if (permille < 0) snprintf(out, len, "—");
    else snprintf(out, len, "%ld.%ld%%", permille / 10, permille % 10);
}

void stats_x100_text(long x100, char *out, size_t len)
{
    if (x100 < 0) snprintf(out, len, "—");
    else snprintf(out, len, "%ld.%02ld", x100 / 100, x100 % 100);
}

static int month_parse(const char *m, int *y, int *mo)
{
    if (!m || strlen(m) < 7 || m[4] != '-') return -1;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (m[i] < '0' || m[i] > '9')) return -1;
    *y = (m[0] - '0') * 1000 + (m[1] - '0') * 100 + (m[2] - '0') * 10 + (m[3] - '0');
    *mo = (m[5] - '0') * 10 + (m[6] - '0');
    return (*mo >= 1 && *mo <= 12 && *y >= 1000) ? 0 : -1;
}

int stats_month_add(const char *month, int add, char out[8])
{
    int y, m;
    if (month_parse(month, &y, &m)) return -1;
    int idx = y * 12 + (m - 1) + add;
    if (idx < 1000 * 12 || idx > 9999 * 12 + 11) return -1;
    snprintf(out, 8, "%04d-%02d", idx / 12, idx % 12 + 1);
    return 0;
}

int stats_month_span(const char *from, const char *to)
{
    int y1, m1, y2, m2;
    if (month_parse(from, &y1, &m1) || month_parse(to, &y2, &m2)) return 0;
    int span = (y2 * 12 + m2) - (y1 * 12 + m1) + 1;
    return span > 0 ? span : 0;
}

/* A bar per month, its height the satisfaction rate; a month without
 * answers gets no bar and a dash.  The chart's text alternative is the
 * element named by `labelled_by` plus the table beside it on the page;
 * every label here is digits, so nothing needs escaping. */
void stats_trend_svg(STRING *out, const char *labelled_by, const struct stats_point *p, int count)
{
    const int bar = 34, gap = 14, top = 24, height = 150, left = 44;
    int width = left + count * (bar + gap) + gap;
    if (width < 200) width = 200;
    string_appendf(out, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
                   " aria-labelledby=\"%s\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                   " preserveAspectRatio=\"xMinYMin meet\">", labelled_by, width, top + height + 40);
    for (int g = 0; g <= 100; g += 50) {
        int y = top + height - height * g / 100;
        string_appendf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>"
                       "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"end\">%d%%</text>",
                       left, y, width, y, left - 4, y + 4, g);
    }
    for (int i = 0; i < count; i++) {
        int x = left + gap + i * (bar + gap);
        char v[32];
        stats_permille_text(p[i].permille, v, sizeof(v));
        if (p[i].permille >= 0) {
            int h = (int)(height * p[i].permille / 1000);
            string_appendf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#1d70b8\"/>",
                           x, top + height - h, bar, h);
        }
        string_appendf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>",
                       x + bar / 2, top + height - (p[i].permille >= 0 ? (int)(height * p[i].permille / 1000) : 0) - 4, v);
        string_appendf(out, "<text x=\"%d\" y=\"%d\" font-size=\"15\" text-anchor=\"middle\">%.2s</text>"
                       "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%.4s</text>",
                       x + bar / 2, top + height + 17, p[i].month + 5, x + bar / 2, top + height + 32, p[i].month);
    }
    string_append(out, "</svg>");
}
