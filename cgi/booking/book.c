/*
 * booking/book.c - booking a time slot with real-name identity, and the
 * confirmation: number, arrival window, check-in QR code, calendar file.
 *
 * The rules live in the database where they must hold under concurrency,
 * in one stored procedure (book_place, sql/006_booking_procedures.sql): a
 * place is taken by UPDATE ... WHERE booked < capacity (atomic), one person
 * holds at most one booking per department and half-day (a UNIQUE key),
 * and opening days, cut-off and no-show suspension (the hospital's rule in
 * the table booking_rules) are checked in the same transaction before the
 * place is taken.  This file checks the form and
 * turns the procedure's answer into a page.
 *
 * Against scalping (号贩子): the page first asks for the mobile to be
 * proved with a code (booking/verify.c), and the booking is made for the
 * mobile the browser proved, never one typed in the form; book_place
 * counts the mobile's active bookings against the hospital's limit; every
 * booking POST takes from the client address's quota (rule booking.client);
 * and a document number must have the shape of its type.
 *
 * A booking is reached only with a MAC of its confirmation number (the
 * 'checkin' key), never by a guessable id: `t` in links, and the check-in
 * token in the QR code.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sodium.h>
#include "booking.h"
#include "identity.h"
#include "qr.h"

static const char *const id_types[] = {"resident_id", "passport", "hk_macao", "taiwan", "other", NULL};

static const char *check_document_number(const struct form *f, const char *number);
/* the patient's fields, shared by a booking and a waitlist entry (候补) */
const struct field booking_fields[] = {
    [B_NAME] = {"patient_name", FIELD_TEXT, 1, 2, 32, NULL, "Booking.patient_name"},
    [B_ID_TYPE] = {"id_type", FIELD_CHOICE, 1, 0, 0, id_types, "Booking.id_type"},
    [B_ID_NUMBER] = {"id_number", FIELD_CODE, 1, 5, 32, NULL, "Booking.id_number", check_document_number},
    [B_FOR_FAMILY] = {"for_family", FIELD_CHECKBOX, 0, 0, 0, NULL, "Booking.for_family"},
    {0},
};

/* The slot with its session, doctor and department, as Slot.*; also
 * whether it can be booked now and why not. */
int booking_load_slot(struct request *r, long long slot_id)
{
    return db_row(r->hdf, "Slot",
        "SELECT t.id, t.session_id, DATE_FORMAT(t.starts_at, '%H:%i') AS starts,"
        " DATE_FORMAT(t.ends_at, '%H:%i') AS ends, DATE_FORMAT(cs.session_date, '%Y-%m-%d') AS date,"
        " WEEKDAY(cs.session_date) AS weekday, cs.period, cs.clinic_type,"
        " " FEN_AS_YUAN("cs.fee_fen") " AS fee, d.id AS doctor_id, d.name AS doctor, d.title,"
        " dep.id AS department_id, dep.name AS department, dep.location,"
        " t.capacity - t.booked AS free,"
        " CASE WHEN cs.status <> 'open' THEN 'stopped'"
        "      WHEN t.is_open = 0 THEN 'closed'"
        "      WHEN t.starts_at <= NOW() + INTERVAL ? MINUTE THEN 'closed'"
        "      WHEN cs.session_date >= CURDATE() + INTERVAL ? DAY THEN 'not_open_yet'"
        "      WHEN t.booked >= t.capacity THEN 'full' ELSE 'open' END AS state"
        " FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id"
        " JOIN doctors d ON d.id = cs.doctor_id JOIN departments dep ON dep.id = cs.department_id"
        " WHERE t.id = ?",
        "iii", (long long)CUTOFF_MINUTES, (long long)BOOKING_DAYS_AHEAD, slot_id);
}

/* The step of a page that books (or joins a waitlist): 'book' with the
 * proved mobile (Verified.mobile, masked), else 'verify'. */
void booking_step(struct request *r)
{
    char mobile[12], masked[16];
    if (verified_mobile(r, mobile)) {
        mask_mobile(mobile, masked, sizeof(masked));
        hdf_set_value(r->hdf, "Verified.mobile", masked);
        hdf_set_value(r->hdf, "Step", "book");
    } else {
        hdf_set_value(r->hdf, "Step", "verify");
    }
}

/* The slot's page at its step: the booking form when the browser has
 * proved a mobile (Verified.mobile, masked), else the mobile's
 * verification (booking/verify.c). */
int booking_slot_page(struct request *r, int status)
{
    booking_step(r);
    r->status = status;
    return render(r, "booking/form.cs");
}

/* GET /booking/slots/{id} */
int booking_form(struct request *r)
{
    int found = booking_load_slot(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    hdf_set_value(r->hdf, "Form.id_type", "resident_id");
    return booking_slot_page(r, 200);
}

/* A random confirmation number people can read out and type: no 0/O, 1/I. */
void booking_new_no(char out[11])
{
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    for (int i = 0; i < 10; i++) out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
    out[10] = 0;
}

/* The document number checked by its type (the field before it): a
 * resident ID gets the full GB 11643 check (region, birth date, check
 * digit), the others the shape of their type (identity.c). */
static const char *check_document_number(const struct form *f, const char *number)
{
    if (!f->v[B_ID_TYPE].text) return NULL;   /* the type's own error is shown */
    if (f->v[B_ID_TYPE].number == 0) {
        char today[11];
        time_t t = time(NULL);
        struct tm tm;
        strftime(today, sizeof(today), "%Y-%m-%d", localtime_r(&t, &tm));
        int rc = cn_id_check(number, today, NULL);
        return rc == CN_ID_OK ? NULL : cn_id_error_code(rc);
    }
    return document_shape_error(f->v[B_ID_TYPE].text, number);
}

/* The number as stored and compared: letters in upper case (the ID's x). */
static void normalise_document_number(const char *in, char *out, size_t len)
{
    size_t n = 0;
    for (; in[n] && n + 1 < len; n++) out[n] = (in[n] >= 'a' && in[n] <= 'z') ? (char)(in[n] - 32) : in[n];
    out[n] = 0;
}

/* The document number as stored, and the person's key (the SHA-256 of
 * type and number) that the rules compare, from a read booking_fields form. */
void booking_person(const struct form *f, char *number, size_t len, char person_key[65])
{
    char key_input[80];
    normalise_document_number(f->v[B_ID_NUMBER].text, number, len);
    snprintf(key_input, sizeof(key_input), "%s:%s", f->v[B_ID_TYPE].text, number);
    sha256_hex(key_input, person_key);
}

/* Why a booking or a change was refused, as Refusal (the outcome) and
 * RefusalText: Lang.Booking.Refusal.<outcome> filled from the database's
 * answer (the suspension's end and the rule that applied). */
void booking_refusal(struct request *r, const char *outcome, HDF *answer)
{
    char key[64];
    STRING text;
    snprintf(key, sizeof(key), "Booking.Refusal.%s", outcome);
    string_init(&text);
    text_fill(&text, lang(key), answer);
    hdf_set_value(r->hdf, "Refusal", outcome);
    hdf_set_value(r->hdf, "RefusalText", text.buf ? text.buf : "");
    string_clear(&text);
}

/* The link that shows a booking: its number and a MAC of it. */
int booking_view_path(const char *no, char *out, size_t len)
{
    char msg[32], t[64];
    snprintf(msg, sizeof(msg), "view:%s", no);
    if (secret_mac("checkin", msg, t, sizeof(t), VIEW_TOKEN_CHARS)) return -1;
    snprintf(out, len, "/booking/booking?no=%s&t=%s", no, t);
    return 0;
}

/* The slot's form shown again (a refusal, a field to correct), its slot
 * read only now: a booking that goes through never needs it, and at the
 * 07:00 rush that is one query less per booking. */
static int booking_form_again(struct request *r, int status)
{
    int found = booking_load_slot(r, r->path_id);
    if (found <= 0) return found < 0 ? 500 : 404;
    return booking_slot_page(r, status);
}

/* An address over its booking quota (rule booking.client): 429, the form
 * kept, the wait said at the top. */
static int booking_quota_refused(struct request *r, const struct rate_answer *limit)
{
    form_keep(r, booking_fields);
    rate_refuse(r, NULL, -1, limit);
    return booking_form_again(r, 429);
}

/* POST /booking/slots/{id} : the whole booking is one call to the
 * database (book_place, sql/022), which counts the address's take of its
 * quota and answers 'booked' or why not.  A form refused before it gets
 * there still takes from the quota, here. */
int booking_create(struct request *r)
{
    struct form f;
    struct rate_answer limit;
    char number[40], person_key[65], no[11], where[128], mobile[12], client[65];
    const char *ip = r->client_ip ? r->client_ip : "-";
    int proved = verified_mobile(r, mobile) != NULL;
    if (!proved || form_read(r, booking_fields, &f)) {
        if (rate_take("booking.client", ip, &limit)) return 503;
        if (!limit.allowed) return booking_quota_refused(r, &limit);
        /* the proof ran out (a day) or was never given: prove it again */
        if (!proved) hdf_set_value(r->hdf, "Verify.needed", "1");
        return booking_form_again(r, 422);
    }
    booking_person(&f, number, sizeof(number), person_key);
    booking_new_no(no);
    rate_subject("booking.client", ip, client);

    if (db_call(r->private_hdf, "Booked",
                "CALL book_place(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "issssssiiis",
                r->path_id, no, person_key, f.v[B_NAME].text, f.v[B_ID_TYPE].text, number,
                mobile, f.v[B_FOR_FAMILY].number, (long long)CUTOFF_MINUTES,
                (long long)BOOKING_DAYS_AHEAD, client) != 1)
        return 500;
    if (!strcmp(hdf_get_value(r->private_hdf, "Booked.outcome", ""), "rate_limited")) {
        rate_answer_read(hdf_get_obj(r->private_hdf, "Booked"), "booking.client", &limit);
        return booking_quota_refused(r, &limit);
    }
    const char *outcome = hdf_get_value(r->private_hdf, "Booked.outcome", "");
    if (!strcmp(outcome, "not_found")) return 404;
    if (strcmp(outcome, "booked") != 0) {
        /* said at the top of the form, which keeps what was typed */
        booking_refusal(r, outcome, hdf_get_obj(r->private_hdf, "Booked"));
        return booking_form_again(r, 409);
    }
    if (booking_view_path(no, where, sizeof(where))) return 500;
    return redirect(r, where);
}
