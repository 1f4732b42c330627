/*
 * suites.h - the Check suites of the unit tests, one per behaviour, and the
 * few helpers they share.  main.c runs them all.
 */
#ifndef UNIT_SUITES_H
#define UNIT_SUITES_H

#include <check.h>

/* Where the committed tests find templates/: `make unit` runs the binary
 * from tests/unit.  A trial build may pass -DUNIT_TEMPLATES_DIR=... */
#ifndef UNIT_TEMPLATES_DIR
#define UNIT_TEMPLATES_DIR "../../templates"
#endif

Suite *utf8_suite(void);
Suite *text_control_suite(void);
Suite *datetime_suite(void);
Suite *int_suite(void);
Suite *local_path_suite(void);
Suite *route_suite(void);
Suite *fields_suite(void);
Suite *escaping_suite(void);
Suite *csrf_token_suite(void);
Suite *identity_suite(void);
Suite *qr_suite(void);
Suite *ics_suite(void);
Suite *money_suite(void);
Suite *text_fill_suite(void);
Suite *typed_input_suite(void);
Suite *pinyin_suite(void);
Suite *pinyin_match_suite(void);
Suite *fees_suite(void);
Suite *upload_suite(void);
Suite *hl7_suite(void);
Suite *oru_suite(void);
Suite *signed_suite(void);
Suite *survey_stats_suite(void);
Suite *workdays_suite(void);
Suite *volunteer_rules_suite(void);
Suite *lisimport_suite(void);

/* main.c: points cfg.templates_dir at UNIT_TEMPLATES_DIR and calls
 * render_init() once; returns its result (0 = language file loaded). */
int unit_render_ready(void);

/* main.c: silence standard error around a call that is expected to log
 * (log_error() writes there); unit_stderr_on() restores it. */
int unit_stderr_off(void);
void unit_stderr_on(int saved);

#endif
