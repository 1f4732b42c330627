/*
 * volunteers/apply.c - the recruitment call (招募简章), the application
 * form (志愿者申请表) and the application's status page.
 *
 * The form is one page that works without JavaScript.  The resident ID
 * number gives the birth date and sex (shown back to the applicant) and
 * must make the applicant 18 on the day of applying.  One open application
 * per ID number is a UNIQUE key in MariaDB (open_id_number, NULL once the
 * application reaches a final state), so two submissions at once cannot
 * both pass.  The status page is reached by a signed link (given after
 * applying, and by the lookup: application number + mobile, lookup.c).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sodium.h>
#include "volunteers.h"
#include "identity.h"

static const char *const political[] = {"masses", "league", "party", "democratic", "other", NULL};
static const char *const service_keys[] = {"guide", "admission", "ward", "education", "theme", NULL};

enum {
    A_NAME, A_ID, A_MOBILE, A_EMAIL, A_ADDRESS, A_OCCUPATION, A_POLITICAL,
    A_HEALTH_OK, A_HEALTH, A_AVAIL, A_SERVICES, A_SKILLS, A_DIALECT, A_SIGN, A_LANGUAGES,
    A_PREVIOUS, A_EM_NAME, A_EM_RELATION, A_EM_MOBILE, A_ACCEPT
};
static const char *check_id(const struct form *f, const char *v);
static const char *check_email(const struct form *f, const char *v);
static const char *check_avail(const struct form *f, const char *v);
static const char *check_services(const struct form *f, const char *v);
static const struct field apply_fields[] = {
    [A_NAME] = {"name", FIELD_TEXT, 1, 2, 32, NULL, "Vol.f_name"},
    [A_ID] = {"id_number", FIELD_CODE, 1, 1, 40, NULL, "Vol.f_id_number", check_id},
    [A_MOBILE] = {"mobile", FIELD_MOBILE, 1, 0, 0, NULL, "Vol.f_mobile"},
    [A_EMAIL] = {"email", FIELD_TEXT, 1, 5, 100, NULL, "Vol.f_email", check_email},
    [A_ADDRESS] = {"address", FIELD_TEXT, 1, 4, 200, NULL, "Vol.f_address"},
    [A_OCCUPATION] = {"occupation", FIELD_TEXT, 1, 2, 100, NULL, "Vol.f_occupation"},
    [A_POLITICAL] = {"political_status", FIELD_CHOICE, 0, 0, 0, political, "Vol.f_political"},
    [A_HEALTH_OK] = {"health_ok", FIELD_CHECKBOX, 1, 0, 0, NULL, "Vol.f_health_ok"},
    [A_HEALTH] = {"health", FIELD_MULTILINE, 0, 0, 500, NULL, "Vol.f_health"},
    [A_AVAIL] = {"availability", FIELD_TEXT, 1, 0, 14, NULL, "Vol.f_availability", check_avail},
    [A_SERVICES] = {"services", FIELD_TEXT, 1, 1, 100, NULL, "Vol.f_services", check_services},
    [A_SKILLS] = {"skills", FIELD_MULTILINE, 0, 0, 500, NULL, "Vol.f_skills"},
    [A_DIALECT] = {"lang_dialect", FIELD_CHECKBOX, 0, 0, 0, NULL, "Vol.f_dialect"},
    [A_SIGN] = {"lang_sign", FIELD_CHECKBOX, 0, 0, 0, NULL, "Vol.f_sign"},
    [A_LANGUAGES] = {"languages", FIELD_TEXT, 0, 0, 100, NULL, "Vol.f_languages"},
    [A_PREVIOUS] = {"previous", FIELD_MULTILINE, 0, 0, 500, NULL, "Vol.f_previous"},
    [A_EM_NAME] = {"emergency_name", FIELD_TEXT, 1, 2, 32, NULL, "Vol.f_em_name"},
    [A_EM_RELATION] = {"emergency_relation", FIELD_TEXT, 1, 1, 20, NULL, "Vol.f_em_relation"},
    [A_EM_MOBILE] = {"emergency_mobile", FIELD_MOBILE, 1, 0, 0, NULL, "Vol.f_em_mobile"},
    [A_ACCEPT] = {"accept", FIELD_CHECKBOX, 1, 0, 0, NULL, "Vol.f_accept"},
    {0},
};

const char *vol_today(char out[11])
{
    time_t t = time(NULL);
    struct tm tm;
    strftime(out, 11, "%Y-%m-%d", localtime_r(&t, &tm));
    return out;
}

static const char *check_id(const struct form *f, const char *v)
{
    (void)f;
    char today[11];
    struct cn_id_info info;
    int rc = cn_id_check(v, vol_today(today), &info);
    if (rc != CN_ID_OK) return cn_id_error_code(rc);
    return vol_age_allowed(info.age_years) ? NULL : "vol_under_18";
}

/* An address of the shape a@b.c: one @, something before it, a dot in
 * the domain, no spaces.  Whether it exists only a message can tell. */
static const char *check_email(const struct form *f, const char *v)
{
    (void)f;
    const char *at = strchr(v, '@');
    if (!at || at == v || strchr(at + 1, '@') || strpbrk(v, " \t,;<>\"") ) return "vol_email";
    const char *dot = strrchr(at + 1, '.');
    if (!dot || dot == at + 1 || !dot[1]) return "vol_email";
    return NULL;
}

static const char *check_avail(const struct form *f, const char *v)
{
    (void)f;
    return vol_availability_valid(v) ? NULL : "vol_availability";
}

static const char *check_services(const struct form *f, const char *v)
{
    (void)f;
    return strcmp(v, "-") ? NULL : "vol_services";
}

/* The grid's and the services' checkboxes (avail_0..avail_13, svc_<key>)
 * made the two values the field table checks, and ticked again in the
 * form (Form.avail.N, Form.svc.<key>) when it comes back. */
static void collect_checkboxes(struct request *r)
{
    char name[64], grid[VOL_AVAIL_CELLS + 1], services[128] = "";
    int ticked[VOL_AVAIL_CELLS];
    for (int i = 0; i < VOL_AVAIL_CELLS; i++) {
        snprintf(name, sizeof(name), "Query.avail_%d", i);
        ticked[i] = hdf_get_value(r->hdf, name, NULL) != NULL;
        if (ticked[i]) {
            snprintf(name, sizeof(name), "Form.avail.%d", i);
            hdf_set_value(r->hdf, name, "1");
        }
    }
    if (vol_availability_make(ticked, grid) == 0) hdf_set_value(r->hdf, "Query.availability", grid);
    else hdf_set_value(r->hdf, "Query.availability", "none");   /* refused by check_avail */
    for (int i = 0; service_keys[i]; i++) {
        snprintf(name, sizeof(name), "Query.svc_%s", service_keys[i]);
        if (!hdf_get_value(r->hdf, name, NULL)) continue;
        if (*services) strcat(services, ",");
        strcat(services, service_keys[i]);
        snprintf(name, sizeof(name), "Form.svc.%s", service_keys[i]);
        hdf_set_value(r->hdf, name, "1");
    }
    hdf_set_value(r->hdf, "Query.services", *services ? services : "-");   /* "-": none, refused */
}

/* The call as Call.*, and Call.accepting when applications are taken
 * today (open, and the deadline not passed). */
int vol_load_call(struct request *r)
{
    return db_row(r->hdf, "Call",
                  "SELECT title, services, eligibility, how_to_apply, commitment, is_open,"
                  " DATE_FORMAT(deadline, '%Y-%m-%d') AS deadline,"
                  " (is_open = 1 AND (deadline IS NULL OR deadline >= CURDATE())) AS accepting"
                  " FROM volunteer_call WHERE id = 1", "");
}

/* GET /volunteers/ */
int vol_call_page(struct request *r)
{
    int found = vol_load_call(r);
    if (found <= 0) return found < 0 ? 500 : 404;
    return render(r, "volunteers/call.cs");
}

static int form_page(struct request *r, int status)
{
    if (vol_load_call(r) < 0) return 500;
    r->status = status;
    return render(r, "volunteers/apply.cs");
}

/* GET /volunteers/apply */
int vol_apply_form(struct request *r)
{
    return form_page(r, 200);
}

void vol_new_no(char out[11])
{
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    out[0] = 'V';
    for (int i = 1; i < 10; i++) out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
    out[10] = 0;
}

/* A signed link: path?t=<token of subject>. */
int vol_signed_link(const char *purpose, const char *subject, int days, const char *path,
                    char *out, size_t len)
{
    char token[SIGNED_TOKEN_MAX];
    if (signed_token_make(VOL_KEY, purpose, subject, (long long)time(NULL) + days * 86400LL,
                          token, sizeof(token)))
        return -1;
    int n = snprintf(out, len, "%s?t=%s", path, token);
    return n > 0 && (size_t)n < len ? 0 : -1;
}

/* POST /volunteers/apply */
int vol_apply(struct request *r)
{
    struct form f;
    struct rate_answer limit;
    char today[11], no[11], where[256];
    struct cn_id_info info;
    if (vol_load_call(r) <= 0) return 500;
    if (!hdf_get_int_value(r->hdf, "Call.accepting", 0)) {
        form_keep(r, apply_fields);
        hdf_set_value(r->hdf, "Refusal", "closed");
        return form_page(r, 409);
    }
    if (rate_take("vol.apply.client", r->client_ip ? r->client_ip : "-", &limit)) return 503;
    collect_checkboxes(r);
    if (!limit.allowed) {
        form_keep(r, apply_fields);
        rate_refuse(r, NULL, -1, &limit);
        return form_page(r, 429);
    }
    int errors = form_read(r, apply_fields, &f);
    if (f.v[A_ID].text && cn_id_check(f.v[A_ID].text, vol_today(today), &info) == CN_ID_OK)
        hdf_set_value(r->hdf, "Derived.sex", info.male ? "male" : "female");   /* shown beside the number */
    if (errors) return form_page(r, 422);

    for (int attempt = 0; attempt < 3; attempt++) {
        vol_new_no(no);
        if (db_begin()) return 503;
        long long rows = db_exec(
            "INSERT INTO volunteer_applications (application_no, name, id_number, open_id_number,"
            " birth_date, sex, mobile, email, address, occupation, political_status, health,"
            " availability, services, skills, languages, previous, emergency_name,"
            " emergency_relation, emergency_mobile, status, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " CONCAT_WS('、', IF(? = 1, '方言', NULL), IF(? = 1, '手语', NULL), NULLIF(?, '')),"
            " ?, ?, ?, ?, 'submitted', NOW(), NOW())",
            "sssssssssssssssiisssss", no, f.v[A_NAME].text, info.normalized, info.normalized,
            info.birth_date, info.male ? "male" : "female", f.v[A_MOBILE].text, f.v[A_EMAIL].text,
            f.v[A_ADDRESS].text, f.v[A_OCCUPATION].text, f.v[A_POLITICAL].text,
            f.v[A_HEALTH].text ? f.v[A_HEALTH].text : "", f.v[A_AVAIL].text, f.v[A_SERVICES].text,
            f.v[A_SKILLS].text, f.v[A_DIALECT].number, f.v[A_SIGN].number,
            f.v[A_LANGUAGES].text ? f.v[A_LANGUAGES].text : "", f.v[A_PREVIOUS].text,
            f.v[A_EM_NAME].text, f.v[A_EM_RELATION].text, f.v[A_EM_MOBILE].text);
        if (rows == 1) {
            char key[64];
            snprintf(key, sizeof(key), "vol:%s:submitted", no);
            if (outbox_queue(key, "vol_submitted", f.v[A_MOBILE].text, 0,
                             "name", f.v[A_NAME].text, "no", no, NULL) ||
                db_commit())
                return 500;
            if (vol_signed_link(VOL_PURPOSE_STATUS, no, VOL_STATUS_DAYS, "/volunteers/application",
                                where, sizeof(where)))
                return 500;
            strncat(where, "&new=1", sizeof(where) - strlen(where) - 1);
            return redirect(r, where);
        }
        unsigned err = db_errno();
        db_rollback();
        if (err != 1062) return 500;
        /* the same number twice is a duplicate ID (or, rarely, a number
         * drawn twice: then draw again) */
        int open = db_row(r->private_hdf, "Open",
                          "SELECT 1 AS yes FROM volunteer_applications WHERE open_id_number = ?",
                          "s", info.normalized);
        if (open < 0) return 500;
        if (open == 1) {
            form_error(r, &f, A_ID, "vol_duplicate");
            return form_page(r, 409);
        }
    }
    return 500;
}

/* The application a status link names (Application.*), or 0. */
static int load_by_token(struct request *r, char no[16])
{
    char subject[16];
    const char *t = req_param(r, "t");
    if (signed_token_open(VOL_KEY, VOL_PURPOSE_STATUS, t, subject, sizeof(subject), NULL) != SIGNED_VALID)
        return 0;
    snprintf(no, 16, "%s", subject);
    return db_row(r->hdf, "Application",
                  "SELECT application_no AS no, name, sex, status, services,"
                  " DATE_FORMAT(interview_at, '%Y-%m-%d %H:%i') AS interview_at, interview_place,"
                  " training_sessions, exam_score, reason, DATE_FORMAT(active_since, '%Y-%m-%d') AS active_since,"
                  " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at,"
                  " (interview_at IS NOT NULL AND interview_at > NOW()) AS interview_ahead"
                  " FROM volunteer_applications WHERE application_no = ?", "s", no);
}

/* Text.<dest>: Lang.<key> with {name}s filled from the children of vars. */
void vol_text(struct request *r, const char *dest, const char *key, HDF *vars)
{
    char name[64];
    STRING s;
    string_init(&s);
    text_fill(&s, lang(key), vars);
    snprintf(name, sizeof(name), "Text.%s", dest);
    hdf_set_value(r->hdf, name, s.buf ? s.buf : "");
    string_clear(&s);
}

/* "guide,ward" as the services' names: "导医导诊、病房陪伴". */
void vol_services_text(const char *keys, char *out, size_t len)
{
    char key[64];
    size_t used = 0;
    out[0] = 0;
    while (keys && *keys) {
        size_t n = strcspn(keys, ",");
        if (n < 40) {
            snprintf(key, sizeof(key), "Vol.Service.%.*s", (int)n, keys);
            int w = snprintf(out + used, len - used, "%s%s", used ? "、" : "", lang(key));
            if (w < 0 || (size_t)w >= len - used) return;
            used += (size_t)w;
        }
        keys += n;
        if (*keys == ',') keys++;
    }
}

/* GET /volunteers/application?t=... : the current step and what comes next. */
int vol_status_page(struct request *r)
{
    char no[16];
    int found = load_by_token(r, no);
    if (found < 0) return 500;
    if (found == 0) return 404;
    if (req_param(r, "new")) hdf_set_value(r->hdf, "New", "1");
    vol_text(r, "interview", "Vol.interview_info", hdf_get_obj(r->hdf, "Application"));
    return render(r, "volunteers/status.cs");
}

enum { L_NO, L_MOBILE };
static const struct field lookup_fields[] = {
    [L_NO] = {"no", FIELD_CODE, 1, 10, 10, NULL, "Vol.no"},
    [L_MOBILE] = {"mobile", FIELD_MOBILE, 1, 0, 0, NULL, "Vol.f_mobile"},
    {0},
};
static const struct lookup_policy lookup_limits = {"vol.lookup.client", "vol.lookup.number"};

/* GET /volunteers/status */
int vol_lookup_form(struct request *r)
{
    return render(r, "volunteers/lookup.cs");
}

/* POST /volunteers/status : the same answer for a wrong number and a
 * wrong mobile; failed tries limited per address and per number. */
int vol_lookup(struct request *r)
{
    struct form f;
    char no[16], where[256];
    if (form_read(r, lookup_fields, &f)) {
        r->status = 422;
        return render(r, "volunteers/lookup.cs");
    }
    snprintf(no, sizeof(no), "%s", f.v[L_NO].text);
    for (char *p = no; *p; p++)
        if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
    int allowed = lookup_allowed(r, &lookup_limits, &f, L_NO, no);
    if (allowed < 0) return 503;
    if (!allowed) return render(r, "volunteers/lookup.cs");
    int found = db_row(r->private_hdf, "Found",
                       "SELECT application_no FROM volunteer_applications WHERE application_no = ? AND mobile = ?",
                       "ss", no, f.v[L_MOBILE].text);
    if (found < 0) return 500;
    if (found == 0) {
        form_error(r, &f, L_NO, "vol_not_found");
        r->status = 422;
        return render(r, "volunteers/lookup.cs");
    }
    lookup_found(r, &lookup_limits, no);
    if (vol_signed_link(VOL_PURPOSE_STATUS, no, VOL_STATUS_DAYS, "/volunteers/application", where, sizeof(where)))
        return 500;
    return redirect(r, where);
}
