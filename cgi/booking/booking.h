/*
 * booking.h - 预约诊疗: departments, doctors, their week, the expert schedule.
 */
#ifndef BOOKING_H
#define BOOKING_H
#include "portal.h"

int booking_departments(struct request *r);
int booking_department(struct request *r);
int booking_doctor(struct request *r);
int booking_schedule(struct request *r);
int booking_form(struct request *r);
int booking_create(struct request *r);
int booking_show(struct request *r);
int booking_qr_png(struct request *r);
int booking_calendar(struct request *r);
int booking_lookup_form(struct request *r);
int booking_lookup(struct request *r);
int booking_cancel(struct request *r);

int booking_reschedule_form(struct request *r);
int booking_reschedule(struct request *r);

int booking_verify(struct request *r);
int booking_load_slot(struct request *r, long long slot_id);
int booking_slot_page(struct request *r, int status);
void booking_step(struct request *r);

/* the patient's fields of a booking (book.c), also a waitlist entry's */
enum { B_NAME, B_ID_TYPE, B_ID_NUMBER, B_FOR_FAMILY };
extern const struct field booking_fields[];
void booking_person(const struct form *f, char *number, size_t len, char person_key[65]);

/* 候补 (waitlist.c) */
int booking_waitlist_form(struct request *r);
int booking_waitlist_join(struct request *r);
int booking_waitlist_show(struct request *r);
int booking_waitlist_confirm(struct request *r);
int booking_waitlist_leave(struct request *r);
int booking_waitlist_page(struct request *r, long long session_id, int status);
int waitlist_offer_slot(long long slot_id);
int waitlist_close_session(long long session_id);

/* 候诊叫号 (queue.c) */
int queue_checkin(long long booking_id);
int queue_load_for_booking(struct request *r, const char *no);
int queue_load_desk(struct request *r);
int booking_queue_display(struct request *r);
int office_desk_queue(struct request *r);

/* 导诊 (triage.c) */
int booking_triage(struct request *r);
int office_symptoms(struct request *r);
int office_symptom_create(struct request *r);
int office_symptom_delete(struct request *r);

int booking_view_path(const char *no, char *out, size_t len);
void booking_new_no(char out[11]);
void booking_refusal(struct request *r, const char *outcome, HDF *answer);
const char *booking_authorised_no(struct request *r);
int booking_load(struct request *r, const char *no);
void booking_mask_row(HDF *row);
int booking_notify(const char *kind, const char *confirmation_no);

/* office (desk and schedule) */
int office_desk(struct request *r);
int office_desk_checkin(struct request *r);
int office_sessions(struct request *r);
int office_session_stop(struct request *r);
int office_session_create(struct request *r);
int office_session_slots(struct request *r);
int office_session_update(struct request *r);
int office_slot_update(struct request *r);
int office_sessions_copy_week(struct request *r);
int office_booking_rules(struct request *r);
int office_booking_rules_update(struct request *r);

/* Money is integer fen in the database; shown as yuan with two decimals,
 * computed exactly in SQL (no floating point anywhere). */
#define FEN_AS_YUAN(col) "CONCAT(" col " DIV 100, '.', LPAD(" col " MOD 100, 2, '0'))"

/* How many days ahead the schedule is shown and bookable. */
#define BOOKING_DAYS_AHEAD 14
/* Online booking and cancelling close this long before the slot. */
#define CUTOFF_MINUTES 30
/* Characters of the MAC in a booking's link (132 bits). */
#define VIEW_TOKEN_CHARS 22

#endif
