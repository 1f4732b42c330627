/*
 * surveys/results.c - what the office reads: responses (patients' own and
 * phone follow-ups counted apart), satisfaction rate (share of ratings 4-5)
 * and mean per question, per department and per month, the trend over
 * months as an SVG drawn here with a table as its text alternative, the
 * free-text answers (searchable), and the same figures as CSV (UTF-8 with
 * a BOM, for Excel).  Everything but the free text is read from
 * survey_stats, kept up to date in each response's transaction, so the page
 * reads a few hundred rows whatever the number of responses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "surveys.h"

struct filter {
    long long department;
    char from[8], to[8];       /* months, "YYYY-MM" */
    char from_day[11], to_day[11];
    const char *channel;       /* self, phone, all */
    const char *search;
};

static void read_filter(struct request *r, struct filter *f)
{
    const char *d = req_param(r, "department"), *from = req_param(r, "from"), *to = req_param(r, "to");
    const char *ch = req_param(r, "channel"), *q = req_param(r, "q");
    if (!d || !parse_int(d, 1, 65535, &f->department)) f->department = 0;
    db_row(r->private_hdf, "Now", "SELECT DATE_FORMAT(CURDATE(), '%Y-%m') AS month", "");
    const char *now = hdf_get_value(r->private_hdf, "Now.month", "2026-01");
    if (to && stats_month_span(to, to) == 1) snprintf(f->to, sizeof(f->to), "%.7s", to);
    else snprintf(f->to, sizeof(f->to), "%.7s", now);
    if (!(from && stats_month_span(from, f->to) >= 1 && stats_month_span(from, f->to) <= 36) ||
        stats_month_add(from, 0, f->from))
        stats_month_add(f->to, -11, f->from);
    snprintf(f->from_day, sizeof(f->from_day), "%s-01", f->from);
    snprintf(f->to_day, sizeof(f->to_day), "%s-01", f->to);
    f->channel = ch && (!strcmp(ch, "phone") || !strcmp(ch, "all")) ? ch : "self";
    f->search = q && *q && utf8_chars(q) <= 50 && !text_has_control(q, 0) ? q : "";
    hdf_set_int_value(r->hdf, "Filter.department", (int)f->department);
    hdf_set_value(r->hdf, "Filter.from", f->from);
    hdf_set_value(r->hdf, "Filter.to", f->to);
    hdf_set_value(r->hdf, "Filter.channel", f->channel);
    hdf_set_value(r->hdf, "Filter.q", f->search);
}

#define WHERE_FILTER \
    " WHERE survey_id = ? AND month BETWEEN ? AND ? AND (? = 0 OR department_id = ?)" \
    " AND (? = 'all' OR channel = ?)"
#define FILTER_TYPES "issiiss"
#define FILTER_ARGS(id, f) (id), (f)->from_day, (f)->to_day, (f)->department, (f)->department, (f)->channel, (f)->channel

/* rate, mean and their texts into a row that has n, total, good */
static void figures(HDF *row)
{
    unsigned long long n = strtoull(hdf_get_value(row, "n", "0"), NULL, 10);
    unsigned long long total = strtoull(hdf_get_value(row, "total", "0"), NULL, 10);
    unsigned long long good = strtoull(hdf_get_value(row, "good", "0"), NULL, 10);
    char t[32];
    long rate = stats_rate_permille(good, n);
    stats_permille_text(rate, t, sizeof(t));
    hdf_set_value(row, "rate", t);
    hdf_set_int_value(row, "permille", (int)rate);
    stats_x100_text(stats_mean_x100(total, n), t, sizeof(t));
    hdf_set_value(row, "mean", t);
}

static int load_results(struct request *r, long long id, struct filter *f)
{
    HDF *h = r->hdf;
    if (db_rows(h, "Results.channels",
                "SELECT channel, SUM(n) AS n FROM survey_stats" WHERE_FILTER " AND question_id = 0"
                " GROUP BY channel ORDER BY channel", FILTER_TYPES, FILTER_ARGS(id, f)) < 0 ||
        db_row(h, "Results.all",
               "SELECT COALESCE(SUM(IF(question_id = 0, n, 0)), 0) AS responses,"
               " COALESCE(SUM(IF(question_id > 0 AND choice = 0, n, 0)), 0) AS n,"
               " COALESCE(SUM(IF(question_id > 0 AND choice = 0, total, 0)), 0) AS total,"
               " COALESCE(SUM(IF(question_id > 0 AND choice = 0, r4 + r5, 0)), 0) AS good"
               " FROM survey_stats" WHERE_FILTER, FILTER_TYPES, FILTER_ARGS(id, f)) < 0 ||
        db_rows(h, "Results.questions",
                "SELECT q.id, q.position, q.prompt, q.kind, COALESCE(SUM(s.n), 0) AS n,"
                " COALESCE(SUM(s.total), 0) AS total, COALESCE(SUM(s.r4 + s.r5), 0) AS good,"
                " COALESCE(SUM(s.r1), 0) AS r1, COALESCE(SUM(s.r2), 0) AS r2, COALESCE(SUM(s.r3), 0) AS r3,"
                " COALESCE(SUM(s.r4), 0) AS r4, COALESCE(SUM(s.r5), 0) AS r5"
                " FROM survey_questions q LEFT JOIN (SELECT * FROM survey_stats" WHERE_FILTER " AND choice = 0) s"
                " ON s.question_id = q.id WHERE q.survey_id = ? AND q.kind = 'rating'"
                " GROUP BY q.id ORDER BY q.position", FILTER_TYPES "i", FILTER_ARGS(id, f), id) < 0 ||
        db_rows(h, "Results.choices",
                "SELECT question_id AS q, choice, SUM(n) AS n FROM survey_stats" WHERE_FILTER
                " AND choice > 0 GROUP BY question_id, choice ORDER BY question_id, choice",
                FILTER_TYPES, FILTER_ARGS(id, f)) < 0 ||
        db_rows(h, "Results.departments",
                "SELECT s.department_id AS id, COALESCE(d.name, '') AS name,"
                " SUM(IF(s.question_id = 0, s.n, 0)) AS responses,"
                " SUM(IF(s.question_id > 0 AND s.choice = 0, s.n, 0)) AS n,"
                " SUM(IF(s.question_id > 0 AND s.choice = 0, s.total, 0)) AS total,"
                " SUM(IF(s.question_id > 0 AND s.choice = 0, s.r4 + s.r5, 0)) AS good"
                " FROM survey_stats s LEFT JOIN departments d ON d.id = s.department_id"
                " WHERE s.survey_id = ? AND s.month BETWEEN ? AND ? AND (? = 0 OR s.department_id = ?)"
                " AND (? = 'all' OR s.channel = ?)"
                " GROUP BY s.department_id ORDER BY d.sort_order IS NULL, d.sort_order", FILTER_TYPES,
                FILTER_ARGS(id, f)) < 0 ||
        db_rows(r->private_hdf, "Months",
                "SELECT DATE_FORMAT(month, '%Y-%m') AS month, SUM(IF(question_id = 0, n, 0)) AS responses,"
                " SUM(IF(question_id > 0 AND choice = 0, n, 0)) AS n,"
                " SUM(IF(question_id > 0 AND choice = 0, total, 0)) AS total,"
                " SUM(IF(question_id > 0 AND choice = 0, r4 + r5, 0)) AS good"
                " FROM survey_stats" WHERE_FILTER " GROUP BY month ORDER BY month",
                FILTER_TYPES, FILTER_ARGS(id, f)) < 0)
        return -1;
    figures(hdf_get_obj(h, "Results.all"));
    for (HDF *q = hdf_obj_child(hdf_get_obj(h, "Results.questions")); q; q = hdf_obj_next(q)) figures(q);
    for (HDF *d = hdf_obj_child(hdf_get_obj(h, "Results.departments")); d; d = hdf_obj_next(d)) figures(d);
    /* every month of the range, those without answers too */
    int span = stats_month_span(f->from, f->to);
    struct stats_point *points = calloc((size_t)(span > 0 ? span : 1), sizeof(*points));
    if (!points) return -1;
    HDF *m = hdf_obj_child(hdf_get_obj(r->private_hdf, "Months"));
    for (int i = 0; i < span; i++) {
        char key[48];
        stats_month_add(f->from, i, points[i].month);
        snprintf(key, sizeof(key), "Results.months.%d.month", i);
        hdf_set_value(h, key, points[i].month);
        snprintf(key, sizeof(key), "Results.months.%d", i);
        HDF *row = NULL;
        hdf_get_node(h, key, &row);
        points[i].permille = -1;
        if (m && !strcmp(hdf_get_value(m, "month", ""), points[i].month)) {
            hdf_set_value(row, "responses", hdf_get_value(m, "responses", "0"));
            hdf_set_value(row, "n", hdf_get_value(m, "n", "0"));
            hdf_set_value(row, "total", hdf_get_value(m, "total", "0"));
            hdf_set_value(row, "good", hdf_get_value(m, "good", "0"));
            m = hdf_obj_next(m);
        } else {
            hdf_set_value(row, "responses", "0");
            hdf_set_value(row, "n", "0");
        }
        figures(row);
        points[i].permille = hdf_get_int_value(row, "permille", -1);
    }
    STRING svg;
    string_init(&svg);
    stats_trend_svg(&svg, "trend-title", points, span);
    hdf_set_value(h, "Raw.trend_svg", svg.buf);
    string_clear(&svg);
    free(points);
    return 0;
}

/* GET /office/surveys/{id}/results */
int office_survey_results(struct request *r)
{
    struct filter f;
    int found = survey_load(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    read_filter(r, &f);
    if (load_results(r, r->path_id, &f) ||
        db_rows(r->hdf, "Departments", "SELECT id, name FROM departments ORDER BY sort_order, id", "") < 0 ||
        db_rows(r->hdf, "Texts",
                "SELECT q.prompt, t.answer_text AS text, DATE_FORMAT(t.submitted_on, '%Y-%m-%d') AS day,"
                " t.channel, COALESCE(d.name, '') AS department"
                " FROM (SELECT * FROM survey_texts" WHERE_FILTER
                "       AND (? = '' OR answer_text LIKE CONCAT('%', REPLACE(REPLACE(REPLACE(?, '\\\\', '\\\\\\\\'), '%', '\\\\%'), '_', '\\\\_'), '%'))"
                "       ORDER BY id DESC LIMIT 100) t"
                " JOIN survey_questions q ON q.id = t.question_id LEFT JOIN departments d ON d.id = t.department_id"
                " ORDER BY t.id DESC",
                FILTER_TYPES "ss", FILTER_ARGS(r->path_id, &f), f.search, f.search) < 0)
        return 500;
    return render(r, "surveys/office_results.cs");
}

static void csv_cell(STRING *out, const char *v, int last)
{
    string_append_char(out, '"');
    for (; v && *v; v++) {
        if (*v == '"') string_append_char(out, '"');
        string_append_char(out, *v);
    }
    string_append_char(out, '"');
    string_append(out, last ? "\r\n" : ",");
}

static void csv_row(STRING *out, const char *scope, const char *item, HDF *row)
{
    csv_cell(out, scope, 0);
    csv_cell(out, item, 0);
    csv_cell(out, hdf_get_value(row, "responses", hdf_get_value(row, "n", "0")), 0);
    csv_cell(out, hdf_get_value(row, "n", "0"), 0);
    csv_cell(out, hdf_get_value(row, "rate", ""), 0);
    csv_cell(out, hdf_get_value(row, "mean", ""), 1);
}

/* GET /office/surveys/{id}/results.csv : the page's figures. */
int office_survey_results_csv(struct request *r)
{
    struct filter f;
    int found = survey_load(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    read_filter(r, &f);
    if (load_results(r, r->path_id, &f)) return 500;
    STRING *out = &r->body;
    string_append(out, "\xEF\xBB\xBF");
    csv_cell(out, lang("Surveys.Csv.scope"), 0);
    csv_cell(out, lang("Surveys.Csv.item"), 0);
    csv_cell(out, lang("Surveys.Csv.responses"), 0);
    csv_cell(out, lang("Surveys.Csv.ratings"), 0);
    csv_cell(out, lang("Surveys.Csv.rate"), 0);
    csv_cell(out, lang("Surveys.Csv.mean"), 1);
    csv_row(out, lang("Surveys.Csv.all"), hdf_get_value(r->hdf, "Survey.title", ""), hdf_get_obj(r->hdf, "Results.all"));
    for (HDF *q = hdf_obj_child(hdf_get_obj(r->hdf, "Results.questions")); q; q = hdf_obj_next(q))
        csv_row(out, lang("Surveys.Csv.question"), hdf_get_value(q, "prompt", ""), q);
    for (HDF *d = hdf_obj_child(hdf_get_obj(r->hdf, "Results.departments")); d; d = hdf_obj_next(d)) {
        const char *name = hdf_get_value(d, "name", "");
        csv_row(out, lang("Surveys.Csv.department"), *name ? name : lang("Surveys.no_department"), d);
    }
    for (HDF *m = hdf_obj_child(hdf_get_obj(r->hdf, "Results.months")); m; m = hdf_obj_next(m))
        csv_row(out, lang("Surveys.Csv.month"), hdf_get_value(m, "month", ""), m);
    r->content_type = "text/csv; charset=utf-8";
    header_add(r, "Content-Disposition", "attachment; filename=\"survey-results.csv\"");
    return 200;
}
