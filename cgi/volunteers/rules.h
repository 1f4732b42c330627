/*
 * volunteers/rules.h - the volunteer programme's rules as pure functions
 * (no HDF, no database), so the unit tests can pin every case: the states
 * of an application and the moves between them, the exam's pass mark, the
 * minimum age, the weekly availability grid and the monthly minimum.
 */
#ifndef VOLUNTEER_RULES_H
#define VOLUNTEER_RULES_H

enum vol_state {
    VS_SUBMITTED, VS_INTERVIEW, VS_TRAINING, VS_EXAM, VS_ACTIVE,
    VS_REJECTED, VS_WITHDRAWN, VS_SUSPENDED, VS_LEFT, VS_COUNT
};

/* What the coordinator does to an application. */
enum vol_action {
    VA_INTERVIEW,   /* submitted -> interview: date and place set */
    VA_TRAINING,    /* interview -> training: the interview passed */
    VA_EXAM,        /* training -> exam: sessions attended */
    VA_SCORE,       /* exam -> active (score >= 60) or exam again (retake) */
    VA_REJECT,      /* any step before active -> rejected */
    VA_WITHDRAW,    /* any step before active -> withdrawn */
    VA_SUSPEND,     /* active -> suspended */
    VA_RESUME,      /* suspended -> active */
    VA_LEAVE,       /* active or suspended -> left */
    VA_COUNT
};

#define VOL_MIN_AGE 18
#define VOL_PASS_MARK 60
#define VOL_MONTHLY_MINUTES (4 * 60)
#define VOL_AVAIL_CELLS 14   /* 7 days x morning, afternoon */

const char *vol_state_name(int state);
int vol_state_from_name(const char *name);       /* -1 when unknown */
const char *vol_action_name(int action);
int vol_action_from_name(const char *name);      /* -1 when unknown */

int vol_state_final(int state);                  /* rejected, withdrawn, left */
int vol_transition_allowed(int from, int to);
/* The state `action` leads to from `from` (with the exam's score for
 * VA_SCORE), or -1 when the action is not allowed there. */
int vol_action_target(int action, int from, int score);

int vol_age_allowed(int age_years);
int vol_score_valid(long long score);
int vol_score_passes(int score);

/* The grid as 14 characters '0'/'1' (Monday morning first) from the cells
 * ticked; 0 when at least one is ticked, -1 when none. */
int vol_availability_make(const int ticked[VOL_AVAIL_CELLS], char out[VOL_AVAIL_CELLS + 1]);
int vol_availability_valid(const char *grid);
int vol_below_minimum(long long minutes);

/* Minutes of a shift between two "YYYY-MM-DD HH:MM" times on the same
 * day; -1 when they are not such times or the end is not after the start,
 * or the shift is longer than 12 hours. */
long vol_shift_minutes(const char *start, const char *end);

#endif
