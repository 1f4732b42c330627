/*
 * test_escaping.c - HTML escaping of everything a template prints.
 *
 * The portal relies on ClearSilver's Config.VarEscapeMode = html: every
 * <?cs var: ?> is HTML-escaped unless a template opts out, so request data
 * echoed into a page (a form shown again, a search term) cannot inject
 * markup.  First this is pinned on ClearSilver itself (and shown to be the
 * setting that does it); then through the portal's own render path
 * (render_init() + render_template_to() + render()) with the test-only
 * template tests/unit/fixtures/escape.cs, which ClearSilver finds relative
 * to the working directory (tests/unit) when it is not under templates/.
 */
#include <stdlib.h>
#include <string.h>
#include "portal.h"
#include "suites.h"

#define ATTACK "<script>alert(1)</script> & \"x\""
#define ATTACK_ESCAPED "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"

static NEOERR *append(void *ctx, char *s)
{
    return nerr_pass(string_append((STRING *)ctx, s));
}

/* Renders `tmpl` with X = x straight through ClearSilver; `mode` is the
 * Config.VarEscapeMode, or NULL for none.  Returns a malloc'd string. */
static char *cs_direct(const char *mode, const char *tmpl, const char *x)
{
    HDF *hdf;
    CSPARSE *parse;
    STRING out;
    char *result;
    string_init(&out);
    ck_assert_ptr_null(hdf_init(&hdf));
    if (mode) ck_assert_ptr_null(hdf_set_value(hdf, "Config.VarEscapeMode", mode));
    ck_assert_ptr_null(hdf_set_value(hdf, "X", x));
    ck_assert_ptr_null(cs_init(&parse, hdf));
    ck_assert_ptr_null(cgi_register_strfuncs(parse));
    ck_assert_ptr_null(cs_parse_string(parse, strdup(tmpl), strlen(tmpl)));   /* takes the copy */
    ck_assert_ptr_null(cs_render(parse, &out, append));
    result = strdup(out.buf ? out.buf : "");
    string_clear(&out);
    cs_destroy(&parse);
    hdf_destroy(&hdf);
    return result;
}

START_TEST(test_var_is_html_escaped)
{
    char *s = cs_direct("html", "<?cs var:X ?>", ATTACK);
    ck_assert_str_eq(s, ATTACK_ESCAPED);
    free(s);
}
END_TEST

START_TEST(test_single_quote_and_chinese)
{
    char *s = cs_direct("html", "<?cs var:X ?>", "'\xE4\xB8\xAD\xE6\x96\x87'");
    ck_assert_str_eq(s, "&#39;\xE4\xB8\xAD\xE6\x96\x87&#39;");
    free(s);
}
END_TEST

START_TEST(test_without_escape_mode_nothing_is_escaped)
{
    /* the control: it is the setting, not luck, that escapes */
    char *s = cs_direct(NULL, "<?cs var:X ?>", ATTACK);
    ck_assert_str_eq(s, ATTACK);
    free(s);
}
END_TEST

START_TEST(test_expressions_and_literals_are_escaped)
{
    char *s = cs_direct("html", "<?cs var:X + \"<b>\" ?>|<?cs var:\"<i>\" ?>", "<");
    ck_assert_str_eq(s, "&lt;&lt;b&gt;|&lt;i&gt;");
    free(s);
}
END_TEST

START_TEST(test_escaping_functions_not_doubled)
{
    char *s = cs_direct("html", "<?cs var:url_escape(X) ?>", ATTACK);
    ck_assert_str_eq(s, "%3Cscript%3Ealert(1)%3C%2Fscript%3E+%26+%22x%22");
    free(s);
    s = cs_direct("html", "<?cs var:js_escape(X) ?>", ATTACK);
    ck_assert_str_eq(s, "\\x3Cscript\\x3Ealert(1)\\x3C\\x2Fscript\\x3E \\x26 \\x22x\\x22");
    free(s);
    s = cs_direct("html", "<?cs var:html_escape(X) ?>", ATTACK);
    ck_assert_str_eq(s, ATTACK_ESCAPED);
    free(s);
}
END_TEST

START_TEST(test_name_is_not_escaped)
{
    /* name: prints an HDF node's name raw, even in html mode.  Templates
     * may use it only over trusted trees (Lang.Category), never over
     * Query, Cookie, HTTP or Form, whose names come from the request. */
    HDF *hdf;
    CSPARSE *parse;
    STRING out;
    const char *tmpl = "<?cs each:q = Query ?><?cs name:q ?>=<?cs var:q ?><?cs /each ?>";
    string_init(&out);
    ck_assert_ptr_null(hdf_init(&hdf));
    hdf_set_value(hdf, "Config.VarEscapeMode", "html");
    hdf_set_value(hdf, "Query.<b>", "<i>");
    ck_assert_ptr_null(cs_init(&parse, hdf));
    ck_assert_ptr_null(cs_parse_string(parse, strdup(tmpl), strlen(tmpl)));
    ck_assert_ptr_null(cs_render(parse, &out, append));
    ck_assert_str_eq(out.buf, "<b>=&lt;i&gt;");
    string_clear(&out);
    cs_destroy(&parse);
    hdf_destroy(&hdf);
}
END_TEST

/* ---- through render.c ---- */

static void render_setup(void)
{
    ck_assert_msg(unit_render_ready() == 0, "render_init() failed: is %s/lang/zh-CN.hdf there?",
                  UNIT_TEMPLATES_DIR);
}

START_TEST(test_render_template_to_escapes)
{
    HDF *hdf;
    STRING out;
    string_init(&out);
    ck_assert_ptr_null(hdf_init(&hdf));
    hdf_set_value(hdf, "X", ATTACK);
    hdf_set_value(hdf, "UnitTest.global", "<b>mine</b>");
    ck_assert_int_eq(render_template_to(hdf, "fixtures/escape.cs", &out), 0);
    ck_assert_str_eq(out.buf,
                     "<p title=\"" ATTACK_ESCAPED "\">" ATTACK_ESCAPED "</p>\n"
                     "<a href=\"/notices/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+%26+%22x%22\">"
                     "&lt;b&gt;mine&lt;/b&gt;</a>\n");
    string_clear(&out);
    hdf_destroy(&hdf);
}
END_TEST

START_TEST(test_render_swaps_data)
{
    /* the parse tree is shared: each render sees only its own HDF, and
     * falls back to the process globals (Lang.*, Site.*) */
    HDF *a, *b;
    STRING out;
    ck_assert_ptr_null(hdf_init(&a));
    ck_assert_ptr_null(hdf_init(&b));
    hdf_set_value(a, "X", "first");
    hdf_set_value(b, "X", "second");
    hdf_set_value(render_globals(), "UnitTest.global", "<g>");
    string_init(&out);
    ck_assert_int_eq(render_template_to(a, "fixtures/escape.cs", &out), 0);
    ck_assert_str_eq(out.buf, "<p title=\"first\">first</p>\n"
                              "<a href=\"/notices/?q=first\">&lt;g&gt;</a>\n");
    string_clear(&out);
    string_init(&out);
    ck_assert_int_eq(render_template_to(b, "fixtures/escape.cs", &out), 0);
    ck_assert_str_eq(out.buf, "<p title=\"second\">second</p>\n"
                              "<a href=\"/notices/?q=second\">&lt;g&gt;</a>\n");
    string_clear(&out);
    hdf_remove_tree(render_globals(), "UnitTest");
    hdf_destroy(&a);
    hdf_destroy(&b);
}
END_TEST

START_TEST(test_render_status)
{
    struct request r;
    memset(&r, 0, sizeof(r));
    string_init(&r.body);
    ck_assert_ptr_null(hdf_init(&r.hdf));
    hdf_set_value(r.hdf, "X", "<x>");
    ck_assert_int_eq(render(&r, "fixtures/escape.cs"), 200);
    ck_assert_ptr_nonnull(strstr(r.body.buf, "&lt;x&gt;"));
    r.status = 422;   /* a form shown again with its errors */
    ck_assert_int_eq(render(&r, "fixtures/escape.cs"), 422);
    /* a template that cannot be loaded is a 500 with an empty body */
    int saved = unit_stderr_off();
    int status = render(&r, "fixtures/no-such-template.cs");
    unit_stderr_on(saved);
    ck_assert_int_eq(status, 500);
    ck_assert_int_eq(r.body.len, 0);
    string_clear(&r.body);
    hdf_destroy(&r.hdf);
}
END_TEST

Suite *escaping_suite(void)
{
    Suite *s = suite_create("escaping");
    TCase *tc = tcase_create("clearsilver");
    tcase_add_test(tc, test_var_is_html_escaped);
    tcase_add_test(tc, test_single_quote_and_chinese);
    tcase_add_test(tc, test_without_escape_mode_nothing_is_escaped);
    tcase_add_test(tc, test_expressions_and_literals_are_escaped);
    tcase_add_test(tc, test_escaping_functions_not_doubled);
    tcase_add_test(tc, test_name_is_not_escaped);
    suite_add_tcase(s, tc);
    tc = tcase_create("render");
    tcase_add_checked_fixture(tc, render_setup, NULL);
    tcase_add_test(tc, test_render_template_to_escapes);
    tcase_add_test(tc, test_render_swaps_data);
    tcase_add_test(tc, test_render_status);
    suite_add_tcase(s, tc);
    return s;
}
