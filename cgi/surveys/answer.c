/*
 * surveys/answer.c - one survey's questions as a form, the answers read and
 * checked (each required question answered, every value one the question
 * offers), and a response stored: its answers and the running statistics,
 * in the caller's transaction.  Shared by every channel: the open public
 * survey, an invitation, and the office's phone follow-up.
 *
 * The questions are data, so the field table is made per request from them:
 * one field "q<id>" per question (a multiple-choice question's boxes are
 * "q<id>_<k>"), and the errors land beside the question like any form's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "surveys.h"

/* A survey with its state (open, not_yet, closed) and its questions, each
 * with its choices split from their lines, into Survey. */
int survey_load(struct request *r, long long survey_id)
{
    int found = db_row(r->hdf, "Survey",
        "SELECT s.id, s.code, s.version, s.title, s.audience, s.department_id, s.is_public, s.status,"
        " s.responses, DATE_FORMAT(s.opens_on, '%Y-%m-%d') AS opens_on,"
        " DATE_FORMAT(s.closes_on, '%Y-%m-%d') AS closes_on, d.name AS department,"
        " CASE WHEN s.status <> 'active' OR s.closes_on < CURDATE() THEN 'closed'"
        "      WHEN s.opens_on > CURDATE() THEN 'not_yet' ELSE 'open' END AS state"
        " FROM surveys s LEFT JOIN departments d ON d.id = s.department_id WHERE s.id = ?",
        "i", survey_id);
    if (found <= 0) return found;
    if (db_rows(r->hdf, "Survey.questions",
                "SELECT id, position, kind, prompt, required, choices FROM survey_questions"
                " WHERE survey_id = ? ORDER BY position LIMIT " /* SURVEY_QUESTIONS_MAX */ "30",
                "i", survey_id) < 0)
        return -1;
    for (HDF *q = hdf_obj_child(hdf_get_obj(r->hdf, "Survey.questions")); q; q = hdf_obj_next(q)) {
        char *copy = strdup(hdf_get_value(q, "choices", ""));
        if (!copy) return -1;
        int k = 0;
        for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line && k < SURVEY_CHOICES_MAX;
             line = strtok_r(NULL, "\n", &save)) {
            size_t len = strlen(line);
            while (len && (line[len - 1] == '\r' || line[len - 1] == ' ')) line[--len] = 0;
            if (!len) continue;
            char name[32];
            k++;
            snprintf(name, sizeof(name), "options.%d.n", k);
            hdf_set_int_value(q, name, k);
            snprintf(name, sizeof(name), "options.%d.label", k);
            hdf_set_value(q, name, line);
        }
        free(copy);
        hdf_set_int_value(q, "option_count", k);
    }
    return 1;
}

/* The error beside question `i`, and in the summary, named by its number. */
static void answer_error(struct request *r, struct form *f, int i, HDF *q, const char *key)
{
    char text[512];
    snprintf(text, sizeof(text), "第%s%s", hdf_get_value(q, "position", ""), lang(key));
    form_error_text(r, f, i, text);
}

static void keep(struct request *r, const char *name, const char *value)
{
    char key[64];
    snprintf(key, sizeof(key), "Form.%s", name);
    hdf_set_value(r->hdf, key, value);
}

/* Reads every question's answer into private Answers.<qid>.{kind, rating,
 * choices, text}; the errors beside the questions.  `fields` and `names`
 * hold SURVEY_QUESTIONS_MAX entries and must live as long as `f`. */
int survey_read_answers(struct request *r, struct form *f, struct field *fields, char names[][16])
{
    int i = 0;
    memset(f, 0, sizeof(*f));
    f->fields = fields;
    for (HDF *q = hdf_obj_child(hdf_get_obj(r->hdf, "Survey.questions")); q && i < SURVEY_QUESTIONS_MAX;
         q = hdf_obj_next(q), i++) {
        long long qid = hdf_get_int_value(q, "id", 0);
        const char *kind = hdf_get_value(q, "kind", "");
        int required = hdf_get_int_value(q, "required", 0);
        int options = hdf_get_int_value(q, "option_count", 0);
        char key[64], pname[40];
        snprintf(names[i], 16, "q%lld", qid);
        memset(&fields[i], 0, sizeof(fields[i]));
        fields[i].name = names[i];
        f->count = i + 1;
        snprintf(key, sizeof(key), "Answers.%lld.kind", qid);
        hdf_set_value(r->private_hdf, key, kind);

        if (!strcmp(kind, "multiple")) {
            unsigned mask = 0;
            for (int k = 1; k <= options; k++) {
                snprintf(pname, sizeof(pname), "%s_%d", names[i], k);
                const char *v = req_param(r, pname);
                if (v && *v) {
                    mask |= 1u << (k - 1);
                    keep(r, pname, "1");
                }
            }
            if (!mask && required) answer_error(r, f, i, q, "Surveys.Error.pick_some");
            snprintf(key, sizeof(key), "Answers.%lld.choices", qid);
            if (mask) hdf_set_int_value(r->private_hdf, key, (int)mask);
            continue;
        }
        const char *v = req_param(r, names[i]);
        if (!strcmp(kind, "text")) {
            if (v && *v) {
                keep(r, names[i], v);
                long chars = utf8_chars(v);
                if (text_has_control(v, 1)) answer_error(r, f, i, q, "Surveys.Error.control");
                else if (chars < 0 || chars > 2000) answer_error(r, f, i, q, "Surveys.Error.too_long");
                else {
                    snprintf(key, sizeof(key), "Answers.%lld.text", qid);
                    hdf_set_value(r->private_hdf, key, v);
                }
            } else if (required) answer_error(r, f, i, q, "Surveys.Error.write_something");
            continue;
        }
        /* rating 1..5, or one of the choices */
        long long max = !strcmp(kind, "rating") ? 5 : options, n = 0;
        if (!v || !*v) {
            if (required) answer_error(r, f, i, q, !strcmp(kind, "rating") ? "Surveys.Error.rate" : "Surveys.Error.pick_one");
            continue;
        }
        if (!parse_int(v, 1, max, &n)) {
            answer_error(r, f, i, q, "Surveys.Error.bad_value");
            continue;
        }
        keep(r, names[i], v);
        snprintf(key, sizeof(key), "Answers.%lld.%s", qid, !strcmp(kind, "rating") ? "rating" : "choices");
        hdf_set_int_value(r->private_hdf, key, !strcmp(kind, "rating") ? (int)n : (int)(1u << (n - 1)));
    }
    return f->errors;
}

/* One statistics row more: ratings of a question (choice 0), the picks of
 * a choice, or the response itself (question 0). */
static int count(long long survey_id, long long qid, long long choice, long long dep, const char *ch,
                 long long rating)
{
    return db_exec("INSERT INTO survey_stats (survey_id, question_id, choice, department_id, month, channel,"
                   " n, total, r1, r2, r3, r4, r5)"
                   " VALUES (?, ?, ?, ?, DATE_FORMAT(NOW(), '%Y-%m-01'), ?, 1, ?, ? = 1, ? = 2, ? = 3, ? = 4, ? = 5)"
                   " ON DUPLICATE KEY UPDATE n = n + 1, total = total + VALUES(total),"
                   " r1 = r1 + VALUES(r1), r2 = r2 + VALUES(r2), r3 = r3 + VALUES(r3),"
                   " r4 = r4 + VALUES(r4), r5 = r5 + VALUES(r5)",
                   "iiiisiiiiii", survey_id, qid, choice, dep, ch, rating,
                   rating, rating, rating, rating, rating) < 0 ? -1 : 0;
}

/* The response, its answers and its statistics, in the caller's
 * transaction.  Nothing that names the respondent is stored. */
int survey_store_response(struct request *r, long long survey_id, long long department_id,
                          const char *channel)
{
    const char *stats_channel = !strcmp(channel, "phone") ? "phone" : "self";
    if (db_exec("INSERT INTO survey_responses (survey_id, department_id, channel, month, submitted_at)"
                " VALUES (?, ?, ?, DATE_FORMAT(NOW(), '%Y-%m-01'), NOW())",
                "iis", survey_id, department_id, channel) != 1)
        return -1;
    long long rid = db_last_insert_id();
    if (count(survey_id, 0, 0, department_id, stats_channel, 0)) return -1;
    for (HDF *a = hdf_obj_child(hdf_get_obj(r->private_hdf, "Answers")); a; a = hdf_obj_next(a)) {
        long long qid = atoll(hdf_obj_name(a));
        int rating = hdf_get_int_value(a, "rating", 0);
        int choices = hdf_get_int_value(a, "choices", 0);
        const char *text = hdf_get_value(a, "text", NULL);
        if (text) {
            if (db_exec("INSERT INTO survey_texts (survey_id, question_id, response_id, department_id, month,"
                        " channel, submitted_on, answer_text)"
                        " VALUES (?, ?, ?, ?, DATE_FORMAT(NOW(), '%Y-%m-01'), ?, CURDATE(), ?)",
                        "iiiiss", survey_id, qid, rid, department_id, stats_channel, text) != 1)
                return -1;
            continue;
        }
        if (!rating && !choices) continue;
        if (db_exec("INSERT INTO survey_answers (response_id, question_id, rating, choices)"
                    " VALUES (?, ?, NULLIF(?, 0), NULLIF(?, 0))",
                    "iiii", rid, qid, (long long)rating, (long long)choices) != 1)
            return -1;
        if (rating && count(survey_id, qid, 0, department_id, stats_channel, rating)) return -1;
        for (int k = 1; k <= SURVEY_CHOICES_MAX; k++)
            if ((choices & (1 << (k - 1))) && count(survey_id, qid, k, department_id, stats_channel, 0)) return -1;
    }
    return db_exec("UPDATE surveys SET responses = responses + 1 WHERE id = ?", "i", survey_id) == 1 ? 0 : -1;
}
