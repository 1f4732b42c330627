/*
 * test_volunteer_rules.c - the volunteer programme's rules (cgi/volunteers/
 * rules.c): every allowed and every forbidden move between the states of an
 * application, what each action leads to, the exam's pass mark and retake,
 * the minimum age, the availability grid, the monthly minimum and the
 * minutes of a recorded shift.
 */
#include <string.h>
#include "../../cgi/volunteers/rules.h"
#include "suites.h"

/* The whole table as the seeds' plan has it: [from][to]. */
static const int expected[VS_COUNT][VS_COUNT] = {
    /*              sub int tra exa act rej wit sus lef */
    [VS_SUBMITTED] = {0, 1, 0, 0, 0, 1, 1, 0, 0},
    [VS_INTERVIEW] = {0, 0, 1, 0, 0, 1, 1, 0, 0},
    [VS_TRAINING] = {0, 0, 0, 1, 0, 1, 1, 0, 0},
    [VS_EXAM] = {0, 0, 0, 1, 1, 1, 1, 0, 0},
    [VS_ACTIVE] = {0, 0, 0, 0, 0, 0, 0, 1, 1},
    [VS_REJECTED] = {0},
    [VS_WITHDRAWN] = {0},
    [VS_SUSPENDED] = {0, 0, 0, 0, 1, 0, 0, 0, 1},
    [VS_LEFT] = {0},
};

START_TEST(test_every_transition)
{
    for (int from = 0; from < VS_COUNT; from++)
        for (int to = 0; to < VS_COUNT; to++)
            ck_assert_msg(vol_transition_allowed(from, to) == expected[from][to], "%s -> %s should be %s",
                          vol_state_name(from), vol_state_name(to), expected[from][to] ? "allowed" : "forbidden");
    ck_assert_int_eq(vol_transition_allowed(-1, VS_INTERVIEW), 0);
    ck_assert_int_eq(vol_transition_allowed(VS_SUBMITTED, VS_COUNT), 0);
}
END_TEST

START_TEST(test_final_states)
{
    for (int s = 0; s < VS_COUNT; s++) {
        int final = s == VS_REJECTED || s == VS_WITHDRAWN || s == VS_LEFT;
        ck_assert_int_eq(vol_state_final(s), final);
        if (final)
            for (int to = 0; to < VS_COUNT; to++) ck_assert_int_eq(vol_transition_allowed(s, to), 0);
    }
}
END_TEST

START_TEST(test_actions)
{
    /* every action from every state: its target, or -1 */
    static const int target[VA_COUNT][VS_COUNT] = {
        /*               sub            int           tra       exa            act            rej wit sus            lef */
        [VA_INTERVIEW] = {VS_INTERVIEW, -1, -1, -1, -1, -1, -1, -1, -1},
        [VA_TRAINING] = {-1, VS_TRAINING, -1, -1, -1, -1, -1, -1, -1},
        [VA_EXAM] = {-1, -1, VS_EXAM, -1, -1, -1, -1, -1, -1},
        [VA_SCORE] = {-1, -1, -1, VS_ACTIVE, -1, -1, -1, -1, -1},
        [VA_REJECT] = {VS_REJECTED, VS_REJECTED, VS_REJECTED, VS_REJECTED, -1, -1, -1, -1, -1},
        [VA_WITHDRAW] = {VS_WITHDRAWN, VS_WITHDRAWN, VS_WITHDRAWN, VS_WITHDRAWN, -1, -1, -1, -1, -1},
        [VA_SUSPEND] = {-1, -1, -1, -1, VS_SUSPENDED, -1, -1, -1, -1},
        [VA_RESUME] = {-1, -1, -1, -1, -1, -1, -1, VS_ACTIVE, -1},
        [VA_LEAVE] = {-1, -1, -1, -1, VS_LEFT, -1, -1, VS_LEFT, -1},
    };
    for (int a = 0; a < VA_COUNT; a++)
        for (int s = 0; s < VS_COUNT; s++)
            ck_assert_msg(vol_action_target(a, s, 80) == target[a][s], "%s from %s", vol_action_name(a), vol_state_name(s));
    ck_assert_int_eq(vol_action_target(VA_COUNT, VS_SUBMITTED, 0), -1);
    ck_assert_int_eq(vol_action_target(-1, VS_SUBMITTED, 0), -1);
}
END_TEST

START_TEST(test_exam_pass_mark_and_retake)
{
    ck_assert_int_eq(vol_action_target(VA_SCORE, VS_EXAM, 60), VS_ACTIVE);
    ck_assert_int_eq(vol_action_target(VA_SCORE, VS_EXAM, 100), VS_ACTIVE);
    ck_assert_int_eq(vol_action_target(VA_SCORE, VS_EXAM, 59), VS_EXAM);   /* retake */
    ck_assert_int_eq(vol_action_target(VA_SCORE, VS_EXAM, 0), VS_EXAM);
    ck_assert_int_eq(vol_action_target(VA_SCORE, VS_EXAM, 101), -1);
    ck_assert_int_eq(vol_action_target(VA_SCORE, VS_EXAM, -1), -1);
    ck_assert_int_eq(vol_action_target(VA_SCORE, VS_TRAINING, 90), -1);   /* no exam without training */
    ck_assert_int_eq(vol_score_passes(60), 1);
    ck_assert_int_eq(vol_score_passes(59), 0);
    ck_assert_int_eq(vol_score_valid(0), 1);
    ck_assert_int_eq(vol_score_valid(100), 1);
    ck_assert_int_eq(vol_score_valid(101), 0);
}
END_TEST

START_TEST(test_names)
{
    for (int s = 0; s < VS_COUNT; s++) ck_assert_int_eq(vol_state_from_name(vol_state_name(s)), s);
    for (int a = 0; a < VA_COUNT; a++) ck_assert_int_eq(vol_action_from_name(vol_action_name(a)), a);
    ck_assert_int_eq(vol_state_from_name("approved"), -1);
    ck_assert_int_eq(vol_state_from_name(NULL), -1);
    ck_assert_int_eq(vol_action_from_name("skip"), -1);
    ck_assert_str_eq(vol_state_name(99), "");
}
END_TEST

START_TEST(test_age)
{
    ck_assert_int_eq(vol_age_allowed(18), 1);
    ck_assert_int_eq(vol_age_allowed(17), 0);
    ck_assert_int_eq(vol_age_allowed(70), 1);
    ck_assert_int_eq(vol_age_allowed(0), 0);
}
END_TEST

START_TEST(test_availability)
{
    int ticked[VOL_AVAIL_CELLS] = {0};
    char grid[VOL_AVAIL_CELLS + 1];
    ck_assert_int_eq(vol_availability_make(ticked, grid), -1);
    ck_assert_str_eq(grid, "00000000000000");
    ck_assert_int_eq(vol_availability_valid(grid), 0);   /* at least one half-day */
    ticked[0] = 1;   /* Monday morning */
    ticked[13] = 1;  /* Sunday afternoon */
    ck_assert_int_eq(vol_availability_make(ticked, grid), 0);
    ck_assert_str_eq(grid, "10000000000001");
    ck_assert_int_eq(vol_availability_valid(grid), 1);
    ck_assert_int_eq(vol_availability_valid("1000000000000"), 0);    /* 13 cells */
    ck_assert_int_eq(vol_availability_valid("100000000000000"), 0);  /* 15 */
    ck_assert_int_eq(vol_availability_valid("1000000000000x"), 0);
    ck_assert_int_eq(vol_availability_valid(NULL), 0);
    ck_assert_int_eq(vol_availability_valid("none"), 0);
}
END_TEST

START_TEST(test_monthly_minimum_and_shifts)
{
    ck_assert_int_eq(vol_below_minimum(239), 1);
    ck_assert_int_eq(vol_below_minimum(240), 0);
    ck_assert_int_eq(vol_below_minimum(0), 1);
    ck_assert_int_eq(vol_shift_minutes("2026-12-01 08:00:00", "2026-12-01 10:30:00"), 150);
    ck_assert_int_eq(vol_shift_minutes("2026-12-01 08:00", "2026-12-01 20:00"), 720);
    ck_assert_int_eq(vol_shift_minutes("2026-12-01 08:00", "2026-12-01 20:01"), -1);   /* over 12 hours */
    ck_assert_int_eq(vol_shift_minutes("2026-12-01 10:00", "2026-12-01 10:00"), -1);
    ck_assert_int_eq(vol_shift_minutes("2026-12-01 10:00", "2026-12-01 09:00"), -1);
    ck_assert_int_eq(vol_shift_minutes("2026-12-01 22:00", "2026-12-02 01:00"), -1);   /* another day */
    ck_assert_int_eq(vol_shift_minutes("2026-12-01 24:00", "2026-12-01 25:00"), -1);
    ck_assert_int_eq(vol_shift_minutes("garbage", "2026-12-01 10:00"), -1);
    ck_assert_int_eq(vol_shift_minutes(NULL, NULL), -1);
}
END_TEST

Suite *volunteer_rules_suite(void)
{
    Suite *s = suite_create("volunteer_rules");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_every_transition);
    tcase_add_test(tc, test_final_states);
    tcase_add_test(tc, test_actions);
    tcase_add_test(tc, test_exam_pass_mark_and_retake);
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_age);
    tcase_add_test(tc, test_availability);
    tcase_add_test(tc, test_monthly_minimum_and_shifts);
    suite_add_tcase(s, tc);
    return s;
}
