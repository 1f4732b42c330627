/*
 * volunteers/rules.c - the volunteer programme's rules (see rules.h).
 *
 * The seeds' plan: applicants are interviewed, trained and examined before
 * they serve; the exam is out of 100 and 60 passes, a failed exam may be
 * taken again; volunteers are at least 18 and serve at least 4 hours a
 * month.  No step is skipped and nothing leaves a final state.
 */
#include <string.h>
#include "rules.h"

static const char *const state_names[VS_COUNT] = {
    "submitted", "interview", "training", "exam", "active",
    "rejected", "withdrawn", "suspended", "left",
};

static const char *const action_names[VA_COUNT] = {
    "interview", "training", "exam", "score", "reject", "withdraw", "suspend", "resume", "leave",
};

const char *vol_state_name(int state)
{
    return state >= 0 && state < VS_COUNT ? state_names[state] : "";
}

int vol_state_from_name(const char *name)
{
    for (int i = 0; name && i < VS_COUNT; i++)
        if (!strcmp(state_names[i], name)) return i;
    return -1;
}

const char *vol_action_name(int action)
{
    return action >= 0 && action < VA_COUNT ? action_names[action] : "";
}

int vol_action_from_name(const char *name)
{
    for (int i = 0; name && i < VA_COUNT; i++)
        if (!strcmp(action_names[i], name)) return i;
    return -1;
}

int vol_state_final(int state)
{
    return state == VS_REJECTED || state == VS_WITHDRAWN || state == VS_LEFT;
}

/* Every allowed move; anything not here is forbidden. */
static const unsigned char allowed[VS_COUNT][VS_COUNT] = {
    [VS_SUBMITTED] = {[VS_INTERVIEW] = 1, [VS_REJECTED] = 1, [VS_WITHDRAWN] = 1},
    [VS_INTERVIEW] = {[VS_TRAINING] = 1, [VS_REJECTED] = 1, [VS_WITHDRAWN] = 1},
    [VS_TRAINING] = {[VS_EXAM] = 1, [VS_REJECTED] = 1, [VS_WITHDRAWN] = 1},
    [VS_EXAM] = {[VS_EXAM] = 1, [VS_ACTIVE] = 1, [VS_REJECTED] = 1, [VS_WITHDRAWN] = 1},
    [VS_ACTIVE] = {[VS_SUSPENDED] = 1, [VS_LEFT] = 1},
    [VS_SUSPENDED] = {[VS_ACTIVE] = 1, [VS_LEFT] = 1},
};

int vol_transition_allowed(int from, int to)
{
    if (from < 0 || from >= VS_COUNT || to < 0 || to >= VS_COUNT) return 0;
    return allowed[from][to];
}

int vol_action_target(int action, int from, int score)
{
    int to;
    switch (action) {
    case VA_INTERVIEW: to = VS_INTERVIEW; break;
    case VA_TRAINING: to = VS_TRAINING; break;
    case VA_EXAM: to = VS_EXAM; if (from == VS_EXAM) return -1; break;
    case VA_SCORE:
        if (from != VS_EXAM || !vol_score_valid(score)) return -1;
        to = vol_score_passes(score) ? VS_ACTIVE : VS_EXAM;
        break;
    case VA_REJECT: to = VS_REJECTED; break;
    case VA_WITHDRAW: to = VS_WITHDRAWN; break;
    case VA_SUSPEND: to = VS_SUSPENDED; break;
    case VA_RESUME: to = VS_ACTIVE; if (from != VS_SUSPENDED) return -1; break;
    case VA_LEAVE: to = VS_LEFT; break;
    default: return -1;
    }
    return vol_transition_allowed(from, to) ? to : -1;
}

int vol_age_allowed(int age_years)
{
    return age_years >= VOL_MIN_AGE;
}

int vol_score_valid(long long score)
{
    return score >= 0 && score <= 100;
}

int vol_score_passes(int score)
{
    return vol_score_valid(score) && score >= VOL_PASS_MARK;
}

int vol_availability_make(const int ticked[VOL_AVAIL_CELLS], char out[VOL_AVAIL_CELLS + 1])
{
    int any = 0;
    for (int i = 0; i < VOL_AVAIL_CELLS; i++) {
        out[i] = ticked[i] ? '1' : '0';
        any |= ticked[i] != 0;
    }
    out[VOL_AVAIL_CELLS] = 0;
    return any ? 0 : -1;
}

int vol_availability_valid(const char *grid)
{
    int any = 0;
    if (!grid || strlen(grid) != VOL_AVAIL_CELLS) return 0;
    for (int i = 0; i < VOL_AVAIL_CELLS; i++) {
        if (grid[i] != '0' && grid[i] != '1') return 0;
        any |= grid[i] == '1';
    }
    return any;
}

int vol_below_minimum(long long minutes)
{
    return minutes < VOL_MONTHLY_MINUTES;
}

static int two(const char *s)
{
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return -1;
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* "YYYY-MM-DD HH:MM" (seconds after it ignored): minutes of the day, the
 * date copied into day[11]; -1 when not that shape. */
static int clock_of(const char *s, char day[11])
{
    if (!s || strlen(s) < 16 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':') return -1;
    int h = two(s + 11), m = two(s + 14);
    if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
    memcpy(day, s, 10);
    day[10] = 0;
    return h * 60 + m;
}

long vol_shift_minutes(const char *start, const char *end)
{
    char d1[11], d2[11];
    int a = clock_of(start, d1), b = clock_of(end, d2);
    if (a < 0 || b < 0 || strcmp(d1, d2) != 0 || b <= a || b - a > 12 * 60) return -1;
    return b - a;
}
