/*
 * surveys.h - 满意度调查: surveys the office defines, answered by patients
 * (by invitation or openly) and by the office on a patient's behalf during a
 * phone follow-up (电话随访); results with their statistics.
 */
#ifndef SURVEYS_H
#define SURVEYS_H
#include "portal.h"

/* public (portal-public) */
int surveys_list(struct request *r);
int survey_open_form(struct request *r);
int survey_open_submit(struct request *r);
int survey_invited_form(struct request *r);
int survey_invited_submit(struct request *r);
int survey_visit_form(struct request *r);
int surveys_thanks(struct request *r);

/* office (portal-office) */
int office_surveys(struct request *r);
int office_survey_new(struct request *r);
int office_survey_create(struct request *r);
int office_survey_view(struct request *r);
int office_survey_update(struct request *r);
int office_survey_question_add(struct request *r);
int office_survey_question_delete(struct request *r);
int office_survey_invitations(struct request *r);
int office_survey_followup_form(struct request *r);
int office_survey_followup_submit(struct request *r);
int office_survey_results(struct request *r);
int office_survey_results_csv(struct request *r);

/* booking's check-in, inside its transaction: queues the visit's survey
 * invitation for the next day (once per visit, once a week per mobile).
 * 0 also when no invitation is due; -1 when the database failed. */
int surveys_invite_after_visit(long long booking_id);
int surveys_make_batch(struct request *r, long long survey_id, const char *ward, long long dep, int count);

/* answer.c: the answering form shared by every channel */
#define SURVEY_QUESTIONS_MAX 30
#define SURVEY_CHOICES_MAX 12
int survey_load(struct request *r, long long survey_id);
int survey_read_answers(struct request *r, struct form *f, struct field *fields, char names[][16]);
int survey_store_response(struct request *r, long long survey_id, long long department_id,
                          const char *channel);

/* stats.c: exact statistics, unit tested */
long stats_rate_permille(unsigned long long good, unsigned long long n);   /* -1 when n = 0 */
long stats_mean_x100(unsigned long long total, unsigned long long n);      /* -1 when n = 0 */
void stats_permille_text(long permille, char *out, size_t len);            /* "87.5%", "—" */
void stats_x100_text(long x100, char *out, size_t len);                    /* "4.27", "—" */
int stats_month_add(const char *month, int add, char out[8]);              /* "2026-11" + 2 */
int stats_month_span(const char *from, const char *to);                    /* months from..to, 0 if bad */
struct stats_point {
    char month[8];      /* "YYYY-MM" */
    long permille;      /* -1: no answers that month */
    unsigned long long n;
};
void stats_trend_svg(STRING *out, const char *labelled_by, const struct stats_point *p, int count);

#endif
