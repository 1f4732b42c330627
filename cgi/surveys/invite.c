/*
 * surveys/invite.c - invitations: after a visit (called by booking's
 * check-in inside its transaction) and printed in batches for a ward.
 *
 * A checked-in booking gets one invitation (survey_invitations.booking_id is
 * unique) to its department's outpatient survey, or the hospital's, open
 * tomorrow; it is queued in the one notification outbox not to be sent
 * before 10:00 the next day.  A mobile gets at most one invitation in 7 days:
 * its MAC with the 'surveys' key (never the number) and when it was last
 * invited are one row of survey_invite_mobiles, taken by a single upsert,
 * so two check-ins of one mobile at once cannot both pass (and cannot
 * deadlock).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "surveys.h"
#include "qr.h"

#define INVITATION_DAYS 14

static int new_token(char token[64], char hash[65])
{
    if (random_token(token, 64)) return -1;
    sha256_hex(token, hash);
    return 0;
}

int surveys_invite_after_visit(long long booking_id)
{
    HDF *h;
    int rc = -1;
    if (hdf_init(&h)) return -1;
    int found = db_row(h, "B", "SELECT b.id, b.mobile, b.department_id, b.confirmation_no AS no,"
                       " dep.name AS department, DATE_FORMAT(b.session_date, '%Y-%m-%d') AS date"
                       " FROM bookings b JOIN departments dep ON dep.id = b.department_id WHERE b.id = ?",
                       "i", booking_id);
    if (found <= 0) { rc = found < 0 ? -1 : 0; goto out; }
    long long dep = hdf_get_int_value(h, "B.department_id", 0);
    /* the department's own survey before the hospital's outpatient one
     * (the one open longest, when there are several) */
    found = db_row(h, "S", "SELECT id FROM surveys WHERE status = 'active' AND audience IN ('outpatient', 'department')"
                   " AND (department_id = ? OR (department_id IS NULL AND audience = 'outpatient'))"
                   " AND CURDATE() + INTERVAL 1 DAY BETWEEN opens_on AND closes_on"
                   " AND EXISTS (SELECT 1 FROM survey_questions q WHERE q.survey_id = surveys.id)"
                   " ORDER BY department_id IS NULL, opens_on, id LIMIT 1", "i", dep);
    if (found <= 0) { rc = found < 0 ? -1 : 0; goto out; }
    char mac[80];
    const char *mobile = hdf_get_value(h, "B.mobile", "");
    char msg[64];
    snprintf(msg, sizeof(msg), "survey-mobile:%s", mobile);
    if (secret_mac("surveys", msg, mac, sizeof(mac), 0)) goto out;
    found = db_row(h, "Visit", "SELECT id FROM survey_invitations WHERE booking_id = ?", "i", booking_id);
    if (found != 0) { rc = found < 0 ? -1 : 0; goto out; }   /* once per visit */
    /* the mobile's week: taken in one statement on its row */
    if (db_exec("SET @survey_invite = 1", "") < 0 ||
        db_exec("INSERT INTO survey_invite_mobiles (mobile_mac, last_invited_at) VALUES (?, NOW())"
                " ON DUPLICATE KEY UPDATE last_invited_at = IF((@survey_invite :="
                " last_invited_at <= NOW() - INTERVAL 7 DAY), NOW(), last_invited_at)", "s", mac) < 0 ||
        db_row(h, "Week", "SELECT @survey_invite AS ok", "") != 1)
        goto out;
    if (!hdf_get_int_value(h, "Week.ok", 0)) { rc = 0; goto out; }   /* invited this week already */
    char token[64], hash[65];
    if (new_token(token, hash)) goto out;
    long long sid = hdf_get_int_value(h, "S.id", 0);
    if (db_exec("INSERT INTO survey_invitations (survey_id, token_hash, booking_id, department_id,"
                " created_at, expires_at) VALUES (?, ?, ?, ?, NOW(), CURDATE() + INTERVAL ? DAY)",
                "isiii", sid, hash, booking_id, dep, (long long)INVITATION_DAYS + 1) != 1)
        goto out;
    if (db_row(h, "When", "SELECT DATE_FORMAT(CURDATE() + INTERVAL 1 DAY, '%Y-%m-%d 10:00:00') AS at", "") != 1)
        goto out;
    char key[64], link[200];
    snprintf(key, sizeof(key), "survey_invite:%s", hdf_get_value(h, "B.no", ""));
    snprintf(link, sizeof(link), "%s/surveys/answer?inv=%s",
             hdf_get_value(render_globals(), "Site.url", ""), token);
    rc = outbox_queue_at(hdf_get_value(h, "When.at", NULL), key, "survey_invite", mobile,
                         OUTBOX_ERASE_AFTER_SEND, "department", hdf_get_value(h, "B.department", ""),
                         "date", hdf_get_value(h, "B.date", ""), "link", link, NULL);
out:
    hdf_destroy(&h);
    return rc;
}

/* A batch of printed invitations for a ward: `count` one-time tokens, each
 * shown as a QR code of its link, into Cards.N (Raw.cards.N.svg). */
int surveys_make_batch(struct request *r, long long survey_id, const char *ward, long long dep, int count)
{
    for (int i = 0; i < count; i++) {
        char token[64], hash[65], link[200], key[48];
        if (new_token(token, hash)) return -1;
        if (db_exec("INSERT INTO survey_invitations (survey_id, token_hash, department_id, ward, created_at, expires_at)"
                    " VALUES (?, ?, NULLIF(?, 0), ?, NOW(), CURDATE() + INTERVAL 31 DAY)",
                    "isis", survey_id, hash, dep, ward) != 1)
            return -1;
        snprintf(link, sizeof(link), "%s/surveys/answer?inv=%s",
                 hdf_get_value(render_globals(), "Site.url", ""), token);
        STRING svg;
        string_init(&svg);
        if (qr_svg(link, lang("Surveys.qr_label"), &svg) == 0) {
            snprintf(key, sizeof(key), "Raw.cards.%d.svg", i);
            hdf_set_value(r->hdf, key, svg.buf);
        }
        string_clear(&svg);
        snprintf(key, sizeof(key), "Cards.%d.link", i);
        hdf_set_value(r->hdf, key, link);
    }
    return 0;
}
