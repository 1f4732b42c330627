/*
 * main.c - runs every unit test suite with Check.
 *
 * Output is Check's CK_NORMAL report, whose summary line reads like
 * "100%: Checks: 40, Failures: 0, Errors: 0"; the exit status is nonzero
 * when any check failed, so `make unit` and the test runner can rely on it.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sodium.h>
#include "portal.h"
#include "suites.h"

int unit_render_ready(void)
{
    /* render_init() keeps its globals even when a file is missing, so a
     * second call would report success: remember the first answer. */
    static int done, result;
    if (!done) {
        cfg.templates_dir = UNIT_TEMPLATES_DIR;
        result = render_init();
        done = 1;
    }
    return result;
}

int unit_stderr_off(void)
{
    int saved = dup(STDERR_FILENO);
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
        dup2(null, STDERR_FILENO);
        close(null);
    }
    return saved;
}

void unit_stderr_on(int saved)
{
    if (saved < 0) return;
    dup2(saved, STDERR_FILENO);
    close(saved);
}

int main(void)
{
    if (sodium_init() < 0) return EXIT_FAILURE;

    SRunner *sr = srunner_create(utf8_suite());
    srunner_add_suite(sr, text_control_suite());
    srunner_add_suite(sr, datetime_suite());
    srunner_add_suite(sr, int_suite());
    srunner_add_suite(sr, local_path_suite());
    srunner_add_suite(sr, route_suite());
    srunner_add_suite(sr, fields_suite());
    srunner_add_suite(sr, escaping_suite());
    srunner_add_suite(sr, csrf_token_suite());
    srunner_add_suite(sr, identity_suite());
    srunner_add_suite(sr, qr_suite());
    srunner_add_suite(sr, ics_suite());
    srunner_add_suite(sr, money_suite());
    srunner_add_suite(sr, text_fill_suite());
    srunner_add_suite(sr, typed_input_suite());
    srunner_add_suite(sr, pinyin_suite());
    srunner_add_suite(sr, pinyin_match_suite());
    srunner_add_suite(sr, fees_suite());
    srunner_add_suite(sr, upload_suite());
    srunner_add_suite(sr, hl7_suite());
    srunner_add_suite(sr, oru_suite());
    srunner_add_suite(sr, signed_suite());
    srunner_add_suite(sr, survey_stats_suite());
    srunner_add_suite(sr, workdays_suite());
    srunner_add_suite(sr, volunteer_rules_suite());
    srunner_add_suite(sr, lisimport_suite());

    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
