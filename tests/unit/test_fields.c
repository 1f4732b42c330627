/*
 * test_fields.c - form_read(), form_error() and form_fill().
 *
 * Handlers touch input only through a field table, so these checks are the
 * whole of input validation for every form: trimming, CRLF folding, length
 * limits counted in characters (Chinese!), control characters, integers,
 * choices, datetimes, checkboxes, and secrets that never land in the
 * rendered HDF tree.  Every refusal must leave a message beside the field
 * (Form.<name>.error) and in the summary (Errors.N), and every submitted
 * value (except secrets) must be put back for redisplay.
 *
 * The request is built by hand: a zeroed struct request with its own HDF
 * trees and Query.* set as ClearSilver's CGI kit would have set them.
 * Messages come from the language file through lang(), so render_init()
 * must have loaded templates/lang/zh-CN.hdf (see unit_render_ready()).
 * Most tests replace the Lang.Error.* texts with tagged ones for their
 * duration, so they can see which error code was recorded; one test checks
 * that the real language file has a text for every code fields.c uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "portal.h"
#include "suites.h"

static struct request r;

static void request_setup(void)
{
    memset(&r, 0, sizeof(r));
    ck_assert_ptr_null(hdf_init(&r.hdf));
    ck_assert_ptr_null(hdf_init(&r.private_hdf));
    string_init(&r.headers);
    string_init(&r.body);
}

static void request_teardown(void)
{
    hdf_destroy(&r.hdf);
    hdf_destroy(&r.private_hdf);
    string_clear(&r.headers);
    string_clear(&r.body);
}

static void query(const char *name, const char *value)
{
    char key[160];
    snprintf(key, sizeof(key), "Query.%s", name);
    ck_assert_ptr_null(hdf_set_value(r.hdf, key, value));
}

static const char *val(const char *name)
{
    return hdf_get_value(r.hdf, name, NULL);
}

/* ---- tagged error texts, so a test can see which code was recorded ---- */

static const char *const codes[] = {
    "required", "must_tick", "must_choose", "control_chars", "too_long", "too_short",
    "not_in_range", "not_a_choice", "not_a_datetime",
};
#define NCODES (sizeof(codes) / sizeof(codes[0]))
static char *saved[NCODES];

static void tagged_setup(void)
{
    char key[96], text[96];
    ck_assert_msg(unit_render_ready() == 0, "render_init() failed: is %s/lang/zh-CN.hdf there?",
                  UNIT_TEMPLATES_DIR);
    HDF *g = render_globals();
    for (unsigned i = 0; i < NCODES; i++) {
        snprintf(key, sizeof(key), "Lang.Error.%s", codes[i]);
        const char *old = hdf_get_value(g, key, NULL);
        saved[i] = old ? strdup(old) : NULL;
        snprintf(text, sizeof(text), "[%s] {label} {min}-{max}", codes[i]);
        hdf_set_value(g, key, text);
    }
    hdf_set_value(g, "Lang.UnitTest.title", "\xE6\xA0\x87\xE9\xA2\x98");   /* 标题 */
    hdf_set_value(g, "Lang.Error.unit_test", "{label}/{max}/{min}/{label}/{nothing}");
    request_setup();
}

static void tagged_teardown(void)
{
    char key[96];
    HDF *g = render_globals();
    request_teardown();
    for (unsigned i = 0; i < NCODES; i++) {
        snprintf(key, sizeof(key), "Lang.Error.%s", codes[i]);
        if (saved[i]) hdf_set_value(g, key, saved[i]);
        else hdf_remove_tree(g, key);
        free(saved[i]);
        saved[i] = NULL;
    }
    hdf_remove_tree(g, "Lang.UnitTest");
    hdf_remove_tree(g, "Lang.Error.unit_test");
}

/* ---- field tables ---- */

static const char *const colours[] = {"red", "green", "blue", NULL};

enum { F_TITLE, F_BODY, F_COUNT, F_COLOUR, F_STARTS, F_AGREE, F_PASSWORD };

static const struct field fields[] = {
    {"title", FIELD_TEXT, 1, 2, 4, NULL, "UnitTest.title", NULL},
    {"body", FIELD_MULTILINE, 0, 0, 20, NULL, NULL, NULL},
    {"count", FIELD_INT, 0, 1, 99, NULL, NULL, NULL},
    {"colour", FIELD_CHOICE, 0, 0, 0, colours, NULL, NULL},
    {"starts", FIELD_DATETIME, 0, 0, 0, NULL, NULL, NULL},
    {"agree", FIELD_CHECKBOX, 0, 0, 0, NULL, NULL, NULL},
    {"password", FIELD_SECRET, 0, 0, 64, NULL, NULL, NULL},
    {NULL, 0, 0, 0, 0, NULL, NULL, NULL},
};

/* ---- tests ---- */

START_TEST(test_all_valid)
{
    struct form f;
    query("title", "  \xE9\x97\xA8\xE8\xAF\x8A\r\n");         /* "  门诊\r\n" */
    query("body", "\r\nline one\r\nline two\r\n\r\n");
    query("count", " 42 ");
    query("colour", "green");
    query("starts", "2026-11-25T08:30");
    query("agree", "on");
    query("password", " s3cret pass ");
    ck_assert_int_eq(form_read(&r, fields, &f), 0);
    ck_assert_int_eq(f.errors, 0);
    ck_assert_int_eq(f.count, 7);
    ck_assert_str_eq(f.v[F_TITLE].text, "\xE9\x97\xA8\xE8\xAF\x8A");
    ck_assert_str_eq(val("Form.title"), "\xE9\x97\xA8\xE8\xAF\x8A");
    ck_assert_str_eq(f.v[F_BODY].text, "line one\nline two");
    ck_assert_int_eq(f.v[F_COUNT].number, 42);
    ck_assert_int_eq(f.v[F_COLOUR].number, 1);
    ck_assert_str_eq(f.v[F_COLOUR].text, "green");
    ck_assert_str_eq(f.v[F_STARTS].datetime, "2026-11-25 08:30:00");
    ck_assert_str_eq(val("Form.starts"), "2026-11-25T08:30");
    ck_assert_int_eq(f.v[F_AGREE].number, 1);
    ck_assert_ptr_null(hdf_get_obj(r.hdf, "Errors"));
    ck_assert_ptr_null(val("Form.title.error"));
}
END_TEST

START_TEST(test_absent_optional_fields)
{
    struct form f;
    query("title", "ok");
    ck_assert_int_eq(form_read(&r, fields, &f), 0);
    for (int i = F_BODY; i <= F_PASSWORD; i++) {
        ck_assert_ptr_null(f.v[i].text);
        ck_assert_int_eq(f.v[i].number, 0);
        ck_assert_str_eq(f.v[i].datetime, "");
    }
    /* absent values are put back as empty, so the form shows empty boxes */
    ck_assert_str_eq(val("Form.body"), "");
    ck_assert_ptr_null(val("Form.password"));
}
END_TEST

START_TEST(test_required)
{
    struct form f;
    ck_assert_int_eq(form_read(&r, fields, &f), 1);
    ck_assert_str_eq(val("Form.title.error"), "[required] \xE6\xA0\x87\xE9\xA2\x98 2-4");
    ck_assert_str_eq(val("Errors.0.field"), "title");
    ck_assert_str_eq(val("Errors.0.message"), val("Form.title.error"));
    ck_assert_ptr_null(f.v[F_TITLE].text);
}
END_TEST

START_TEST(test_required_whitespace_only)
{
    struct form f;
    query("title", " \t\r\n \r\n");
    ck_assert_int_eq(form_read(&r, fields, &f), 1);
    ck_assert_str_eq(val("Errors.0.field"), "title");
    ck_assert_str_eq(val("Form.title"), "");
    ck_assert_str_eq(val("Form.title.error"), "[required] \xE6\xA0\x87\xE9\xA2\x98 2-4");
}
END_TEST

START_TEST(test_length_in_characters)
{
    struct form f;
    /* max 4 characters: four Chinese characters (12 bytes) fit */
    query("title", "\xE4\xB8\x80\xE4\xBA\x8C\xE4\xB8\x89\xE5\x9B\x9B");   /* 一二三四 */
    ck_assert_int_eq(form_read(&r, fields, &f), 0);
    ck_assert_str_eq(f.v[F_TITLE].text, "\xE4\xB8\x80\xE4\xBA\x8C\xE4\xB8\x89\xE5\x9B\x9B");
}
END_TEST

START_TEST(test_too_long)
{
    struct form f;
    query("title", "\xE4\xB8\x80\xE4\xBA\x8C\xE4\xB8\x89\xE5\x9B\x9B\xE4\xBA\x94");   /* 一二三四五 */
    ck_assert_int_eq(form_read(&r, fields, &f), 1);
    ck_assert_str_eq(val("Form.title.error"), "[too_long] \xE6\xA0\x87\xE9\xA2\x98 2-4");
    ck_assert_ptr_null(f.v[F_TITLE].text);
    /* the refused value is still shown again, for correcting */
    ck_assert_str_eq(val("Form.title"), "\xE4\xB8\x80\xE4\xBA\x8C\xE4\xB8\x89\xE5\x9B\x9B\xE4\xBA\x94");
}
END_TEST

START_TEST(test_too_short)
{
    struct form f;
    query("title", " a ");
    ck_assert_int_eq(form_read(&r, fields, &f), 1);
    ck_assert_str_eq(val("Form.title.error"), "[too_short] \xE6\xA0\x87\xE9\xA2\x98 2-4");
}
END_TEST

START_TEST(test_control_chars)
{
    struct form f;
    query("title", "a\x1b[0m");
    ck_assert_int_eq(form_read(&r, fields, &f), 1);
    ck_assert_str_eq(val("Errors.0.field"), "title");
    ck_assert_str_eq(val("Form.title.error"), "[control_chars] \xE6\xA0\x87\xE9\xA2\x98 2-4");
}
END_TEST

START_TEST(test_newline_in_single_line)
{
    struct form f;
    query("title", "ab\r\ncd");
    ck_assert_int_eq(form_read(&r, fields, &f), 1);
    ck_assert_str_eq(val("Form.title.error"), "[control_chars] \xE6\xA0\x87\xE9\xA2\x98 2-4");
}
END_TEST

START_TEST(test_multiline)
{
    struct form f;
    query("title", "ok");
    query("body", "a\r\n\tb\r\n");
    ck_assert_int_eq(form_read(&r, fields, &f), 0);
    ck_assert_str_eq(f.v[F_BODY].text, "a\n\tb");
    request_teardown();
    request_setup();
    query("title", "ok");
    query("body", "a\x07");
    ck_assert_int_eq(form_read(&r, fields, &f), 1);
    ck_assert_str_eq(val("Form.body.error"), "[control_chars] body 0-20");
    request_teardown();
    request_setup();
    /* CRLF counts as one character: 10 lines of "x" are 19 characters */
    query("title", "ok");
    query("body", "x\r\nx\r\nx\r\nx\r\nx\r\nx\r\nx\r\nx\r\nx\r\nx");
    ck_assert_int_eq(form_read(&r, fields, &f), 0);
    ck_assert_int_eq(utf8_chars(f.v[F_BODY].text), 19);
}
END_TEST

START_TEST(test_int)
{
    static const char *const bad[] = {"0", "100", "-1", "4x", "x", "+5", "1.5", "0x10",
                                      "99999999999999999999"};
    struct form f;
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        request_teardown();
        request_setup();
        query("title", "ok");
        query("count", bad[i]);
        ck_assert_msg(form_read(&r, fields, &f) == 1, "count=\"%s\"", bad[i]);
        ck_assert_str_eq(val("Form.count.error"), "[not_in_range] count 1-99");
        ck_assert_str_eq(val("Form.count"), bad[i]);
    }
    request_teardown();
    request_setup();
    query("title", "ok");
    query("count", "99");
    ck_assert_int_eq(form_read(&r, fields, &f), 0);
    ck_assert_int_eq(f.v[F_COUNT].number, 99);
}
END_TEST

START_TEST(test_choice)
{
    static const char *const bad[] = {"purple", "Green", "gree", "greenx", "red\x01"};
    struct form f;
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        request_teardown();
        request_setup();
        query("title", "ok");
        query("colour", bad[i]);
        ck_assert_msg(form_read(&r, fields, &f) == 1, "colour=\"%s\"", bad[i]);
        ck_assert_str_eq(val("Form.colour.error"), "[not_a_choice] colour 0-0");
    }
    request_teardown();
    request_setup();
    query("title", "ok");
    query("colour", " blue ");
    ck_assert_int_eq(form_read(&r, fields, &f), 0);
    ck_assert_int_eq(f.v[F_COLOUR].number, 2);
    ck_assert_str_eq(f.v[F_COLOUR].text, "blue");
}
END_TEST

START_TEST(test_choice_without_choices)
{
    static const struct field t[] = {
        {"c", FIELD_CHOICE, 0, 0, 0, NULL, NULL, NULL},
        {NULL, 0, 0, 0, 0, NULL, NULL, NULL},
    };
    struct form f;
    query("c", "anything");
    ck_assert_int_eq(form_read(&r, t, &f), 1);
    ck_assert_str_eq(val("Form.c.error"), "[not_a_choice] c 0-0");
}
END_TEST

START_TEST(test_pick)
{
    /* a record picked from a list: its id, or "please choose" */
    static const struct field t[] = {
        {"slot", FIELD_PICK, 1, 1, 4294967295LL, NULL, NULL, NULL},
        {"colour", FIELD_CHOICE, 1, 0, 0, colours, NULL, NULL},
        {NULL, 0, 0, 0, 0, NULL, NULL, NULL},
    };
    static const char *const bad[] = {"0", "-1", "4294967296", "12a", "1.5", "0x10"};
    struct form f;
    ck_assert_int_eq(form_read(&r, t, &f), 2);
    ck_assert_str_eq(val("Form.slot.error"), "[must_choose] slot 1-4294967295");
    ck_assert_str_eq(val("Form.colour.error"), "[must_choose] colour 0-0");
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        request_teardown();
        request_setup();
        query("slot", bad[i]);
        query("colour", "red");
        ck_assert_msg(form_read(&r, t, &f) == 1, "slot=\"%s\"", bad[i]);
        ck_assert_str_eq(val("Form.slot.error"), "[not_a_choice] slot 1-4294967295");
    }
    request_teardown();
    request_setup();
    query("slot", "4294967295");
    query("colour", "red");
    ck_assert_int_eq(form_read(&r, t, &f), 0);
    ck_assert_int_eq(f.v[0].number, 4294967295LL);
}
END_TEST

START_TEST(test_datetime)
{
    struct form f;
    query("title", "ok");
    query("starts", "2026-11-25 08:30:15");
    ck_assert_int_eq(form_read(&r, fields, &f), 0);
    ck_assert_str_eq(f.v[F_STARTS].datetime, "2026-11-25 08:30:15");
    request_teardown();
    request_setup();
    query("title", "ok");
    query("starts", "2026-02-29T08:30");
    ck_assert_int_eq(form_read(&r, fields, &f), 1);
    ck_assert_str_eq(val("Form.starts.error"), "[not_a_datetime] starts 0-0");
    ck_assert_str_eq(val("Form.starts"), "2026-02-29T08:30");
    ck_assert_str_eq(f.v[F_STARTS].datetime, "");
}
END_TEST

START_TEST(test_checkbox)
{
    static const struct field t[] = {
        {"agree", FIELD_CHECKBOX, 1, 0, 0, NULL, "UnitTest.title", NULL},
        {NULL, 0, 0, 0, 0, NULL, NULL, NULL},
    };
    struct form f;
    ck_assert_int_eq(form_read(&r, t, &f), 1);
    ck_assert_str_eq(val("Form.agree.error"), "[must_tick] \xE6\xA0\x87\xE9\xA2\x98 0-0");
    ck_assert_int_eq(f.v[0].number, 0);
    request_teardown();
    request_setup();
    query("agree", "1");
    ck_assert_int_eq(form_read(&r, t, &f), 0);
    ck_assert_int_eq(f.v[0].number, 1);
}
END_TEST

START_TEST(test_secret_kept_out_of_hdf)
{
    struct form f;
    query("title", "ok");
    query("password", "  pass word\t ");
    ck_assert_int_eq(form_read(&r, fields, &f), 1);   /* the tab is a control char */
    ck_assert_str_eq(val("Form.password.error"), "[control_chars] password 0-64");
    ck_assert_ptr_null(f.v[F_PASSWORD].text);
    ck_assert_ptr_null(hdf_get_value(r.private_hdf, "Secret.password", NULL));
    request_teardown();
    request_setup();
    query("title", "ok");
    query("password", "  pass word ");
    ck_assert_int_eq(form_read(&r, fields, &f), 0);
    /* not trimmed: spaces are part of a password */
    ck_assert_str_eq(f.v[F_PASSWORD].text, "  pass word ");
    ck_assert_str_eq(hdf_get_value(r.private_hdf, "Secret.password", ""), "  pass word ");
    ck_assert_ptr_eq(f.v[F_PASSWORD].text, hdf_get_value(r.private_hdf, "Secret.password", NULL));
    /* never put back into the rendered tree, not even as an empty value */
    ck_assert_ptr_null(hdf_get_obj(r.hdf, "Form.password"));
    ck_assert_ptr_null(hdf_get_obj(r.hdf, "Secret"));
}
END_TEST

START_TEST(test_secret_required)
{
    static const struct field t[] = {
        {"pw", FIELD_SECRET, 1, 8, 64, NULL, NULL, NULL},
        {NULL, 0, 0, 0, 0, NULL, NULL, NULL},
    };
    struct form f;
    ck_assert_int_eq(form_read(&r, t, &f), 1);
    ck_assert_str_eq(val("Form.pw.error"), "[required] pw 8-64");
    request_teardown();
    request_setup();
    query("pw", "short");
    ck_assert_int_eq(form_read(&r, t, &f), 1);
    ck_assert_str_eq(val("Form.pw.error"), "[too_short] pw 8-64");
    ck_assert_ptr_null(hdf_get_obj(r.hdf, "Form.pw.0"));
    ck_assert_ptr_null(hdf_get_value(r.hdf, "Form.pw", NULL));
}
END_TEST

START_TEST(test_errors_in_order)
{
    struct form f;
    query("count", "abc");
    query("colour", "pink");
    query("starts", "2026-11-25T24:00");
    ck_assert_int_eq(form_read(&r, fields, &f), 4);
    ck_assert_int_eq(f.errors, 4);
    ck_assert_str_eq(val("Errors.0.field"), "title");
    ck_assert_str_eq(val("Errors.1.field"), "count");
    ck_assert_str_eq(val("Errors.2.field"), "colour");
    ck_assert_str_eq(val("Errors.3.field"), "starts");
    ck_assert_ptr_null(hdf_get_obj(r.hdf, "Errors.4"));
    ck_assert_str_eq(val("Errors.2.message"), "[not_a_choice] colour 0-0");
}
END_TEST

START_TEST(test_form_error_placeholders)
{
    static const struct field t[] = {
        {"a", FIELD_TEXT, 0, -5, 1234567890123LL, NULL, "UnitTest.title", NULL},
        {"b", FIELD_TEXT, 0, 0, 0, NULL, NULL, NULL},
        {"c", FIELD_TEXT, 0, 0, 0, NULL, "UnitTest.no_such_label", NULL},
        {NULL, 0, 0, 0, 0, NULL, NULL, NULL},
    };
    struct form f;
    memset(&f, 0, sizeof(f));
    f.fields = t;
    form_error(&r, &f, 0, "unit_test");
    form_error(&r, &f, 1, "unit_test");
    form_error(&r, &f, 2, "unit_test");
    ck_assert_int_eq(f.errors, 3);
    ck_assert_str_eq(val("Form.a.error"),
                     "\xE6\xA0\x87\xE9\xA2\x98/1234567890123/-5/\xE6\xA0\x87\xE9\xA2\x98/{nothing}");
    /* no label: the field's name */
    ck_assert_str_eq(val("Form.b.error"), "b/0/0/b/{nothing}");
    /* a label missing from the language file shows its key, not a blank */
    ck_assert_str_eq(val("Form.c.error"), "UnitTest.no_such_label/0/0/UnitTest.no_such_label/{nothing}");
    /* an unknown code shows its key too */
    form_error(&r, &f, 1, "unit_test_no_such_code");
    ck_assert_str_eq(val("Errors.3.message"), "Error.unit_test_no_such_code");
}
END_TEST

START_TEST(test_label_with_placeholder_text)
{
    /* a label that itself contains "{max}" must not loop, and is shown as
     * it is: fields are filled in one pass, never inside a value */
    static const struct field t[] = {
        {"x", FIELD_TEXT, 1, 0, 7, NULL, "UnitTest.tricky", NULL},
        {NULL, 0, 0, 0, 0, NULL, NULL, NULL},
    };
    struct form f;
    hdf_set_value(render_globals(), "Lang.UnitTest.tricky", "{label}{max}");
    ck_assert_int_eq(form_read(&r, t, &f), 1);
    ck_assert_str_eq(val("Form.x.error"), "[required] {label}{max} 0-7");
}
END_TEST

START_TEST(test_more_fields_than_field_max)
{
    /* a table longer than FIELD_MAX must not write past f->v[] */
    static struct field big[FIELD_MAX + 9];
    static char names[FIELD_MAX + 8][16];
    struct form f;
    for (int i = 0; i < FIELD_MAX + 8; i++) {
        snprintf(names[i], sizeof(names[i]), "f%d", i);
        big[i] = (struct field){names[i], FIELD_INT, 0, 0, 1000, NULL, NULL, NULL};
        char v[16];
        snprintf(v, sizeof(v), "%d", i);
        query(names[i], v);
    }
    big[FIELD_MAX + 8] = (struct field){NULL, 0, 0, 0, 0, NULL, NULL, NULL};
    ck_assert_int_eq(form_read(&r, big, &f), 0);
    ck_assert_int_le(f.count, FIELD_MAX);
    ck_assert_int_eq(f.v[FIELD_MAX - 1].number, FIELD_MAX - 1);
}
END_TEST

START_TEST(test_form_fill)
{
    HDF *row;
    ck_assert_ptr_null(hdf_init(&row));
    hdf_set_value(row, "title", "\xE9\x80\x9A\xE7\x9F\xA5");
    hdf_set_value(row, "body", "line\nline");
    hdf_set_value(row, "starts", "2026-11-25 08:30:00");
    hdf_set_value(row, "password", "$argon2id$v=19$...");
    form_fill(&r, fields, row);
    ck_assert_str_eq(val("Form.title"), "\xE9\x80\x9A\xE7\x9F\xA5");
    ck_assert_str_eq(val("Form.body"), "line\nline");
    ck_assert_str_eq(val("Form.starts"), "2026-11-25T08:30");
    ck_assert_ptr_null(val("Form.password"));
    ck_assert_ptr_null(val("Form.count"));
    /* a stored datetime too short to convert is copied as it is */
    hdf_set_value(row, "starts", "2026-11-25");
    form_fill(&r, fields, row);
    ck_assert_str_eq(val("Form.starts"), "2026-11-25");
    hdf_destroy(&row);
}
END_TEST

/* The real language file, untouched: every code fields.c can record has a
 * text, and the text has no placeholder form_error() would leave behind. */
START_TEST(test_language_file_has_every_code)
{
    char key[96];
    ck_assert_msg(unit_render_ready() == 0, "render_init() failed: is %s/lang/zh-CN.hdf there?",
                  UNIT_TEMPLATES_DIR);
    for (unsigned i = 0; i < NCODES; i++) {
        snprintf(key, sizeof(key), "Error.%s", codes[i]);
        const char *text = lang(key);
        ck_assert_msg(strcmp(text, key) != 0, "no Lang.%s in the language file", key);
        ck_assert_msg(*text, "Lang.%s is empty", key);
        for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{'))
            ck_assert_msg(strncmp(p, "{label}", 7) == 0 || strncmp(p, "{min}", 5) == 0 ||
                              strncmp(p, "{max}", 5) == 0,
                          "Lang.%s has an unknown placeholder: %s", key, text);
    }
}
END_TEST

Suite *fields_suite(void)
{
    Suite *s = suite_create("fields");
    TCase *tc = tcase_create("form_read");
    tcase_add_checked_fixture(tc, tagged_setup, tagged_teardown);
    tcase_add_test(tc, test_all_valid);
    tcase_add_test(tc, test_absent_optional_fields);
    tcase_add_test(tc, test_required);
    tcase_add_test(tc, test_required_whitespace_only);
    tcase_add_test(tc, test_length_in_characters);
    tcase_add_test(tc, test_too_long);
    tcase_add_test(tc, test_too_short);
    tcase_add_test(tc, test_control_chars);
    tcase_add_test(tc, test_newline_in_single_line);
    tcase_add_test(tc, test_multiline);
    tcase_add_test(tc, test_int);
    tcase_add_test(tc, test_choice);
    tcase_add_test(tc, test_choice_without_choices);
    tcase_add_test(tc, test_pick);
    tcase_add_test(tc, test_datetime);
    tcase_add_test(tc, test_checkbox);
    tcase_add_test(tc, test_secret_kept_out_of_hdf);
    tcase_add_test(tc, test_secret_required);
    tcase_add_test(tc, test_errors_in_order);
    tcase_add_test(tc, test_more_fields_than_field_max);
    suite_add_tcase(s, tc);
    tc = tcase_create("form_error");
    tcase_add_checked_fixture(tc, tagged_setup, tagged_teardown);
    tcase_add_test(tc, test_form_error_placeholders);
    tcase_add_test(tc, test_label_with_placeholder_text);
    suite_add_tcase(s, tc);
    tc = tcase_create("form_fill");
    tcase_add_checked_fixture(tc, request_setup, request_teardown);
    tcase_add_test(tc, test_form_fill);
    suite_add_tcase(s, tc);
    tc = tcase_create("language");
    tcase_add_test(tc, test_language_file_has_every_code);
    suite_add_tcase(s, tc);
    return s;
}
