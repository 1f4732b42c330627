/*
 * test_typed_input.c - what people type, made what they meant, and what
 * must not be typed at all:
 *   - the invisible characters that reorder or hide text (bidi overrides
 *     and isolates, line separators, zero-width spaces, C1 controls) are
 *     refused by text_has_control() in every field;
 *   - full-width digits and letters, spaces and +86 in numbers and mobiles
 *     are normalised (normalise_typed_number, normalise_mobile);
 *   - travel documents have the shape of their type (document_shape_error);
 *   - a JSON object's members become HDF values (json_object_to_hdf).
 */
#include <string.h>
#include "portal.h"
#include "identity.h"
#include "suites.h"

START_TEST(test_invisible_characters_refused)
{
    static const char *const bad[] = {
        "\xE2\x80\xAE" "gnp.exe",          /* U+202E RIGHT-TO-LEFT OVERRIDE */
        "a\xE2\x80\xAA" "b", "a\xE2\x80\xAB" "b", "a\xE2\x80\xAC" "b", "a\xE2\x80\xAD" "b",
        "a\xE2\x81\xA6" "b", "a\xE2\x81\xA7" "b", "a\xE2\x81\xA8" "b", "a\xE2\x81\xA9" "b",   /* isolates */
        "a\xE2\x80\x8E" "b", "a\xE2\x80\x8F" "b",   /* LRM, RLM */
        "a\xD8\x9C" "b",                            /* ARABIC LETTER MARK */
        "a\xE2\x80\xA8" "b", "a\xE2\x80\xA9" "b",   /* LINE / PARAGRAPH SEPARATOR */
        "a\xE2\x80\x8B" "b", "a\xE2\x81\xA0" "b", "\xEF\xBB\xBF" "ab",   /* zero width */
        "a\xC2\x85" "b", "a\xC2\x80" "b", "a\xC2\x9F" "b",   /* C1 controls */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_msg(text_has_control(bad[i], 0) == 1, "case %zu single-line", i);
        ck_assert_msg(text_has_control(bad[i], 1) == 1, "case %zu multi-line", i);
    }
}
END_TEST

START_TEST(test_visible_neighbours_pass)
{
    /* characters next to the refused ones in the tables are ordinary text */
    static const char *const good[] = {
        "\xE2\x80\x94",          /* U+2014 EM DASH */
        "\xE2\x80\x9C\xE2\x80\x9D",   /* quotation marks */
        "\xE2\x80\xA6",          /* U+2026 ELLIPSIS */
        "\xE2\x80\xB0",          /* U+2030 PER MILLE */
        "\xE2\x80\x8C\xE2\x80\x8D",   /* ZWNJ, ZWJ (emoji sequences, some scripts) */
        "\xC2\xA0\xC2\xB7",      /* NO-BREAK SPACE, MIDDLE DOT (外国人名 · ) */
        "\xD8\xA7",              /* Arabic letter alef */
        "\xEF\xBC\x8C",          /* full-width comma */
        "\xE7\x8E\x8B\xC2\xB7\xE5\xB0\x8F",   /* 王·小 */
    };
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
        ck_assert_msg(text_has_control(good[i], 0) == 0, "case %zu", i);
}
END_TEST

START_TEST(test_typed_numbers_normalised)
{
    char out[64];
    normalise_typed_number("\xEF\xBC\xA5\xEF\xBC\x91\xEF\xBC\x92 345 678", out, sizeof(out), 0);  /* Ｅ１２ 345 678 */
    ck_assert_str_eq(out, "E12345678");
    normalise_typed_number("\xEF\xBD\x85\xE3\x80\x80" "12", out, sizeof(out), 0);   /* ｅ, ideographic space */
    ck_assert_str_eq(out, "e12");
    normalise_typed_number("AB-12 34", out, sizeof(out), 0);
    ck_assert_str_eq(out, "AB-1234");
    normalise_typed_number("AB-12 34", out, sizeof(out), 1);
    ck_assert_str_eq(out, "AB1234");
    normalise_typed_number("\xE9\x97\xA8\xEF\xBC\x8C", out, sizeof(out), 0);   /* 门，: other characters kept */
    ck_assert_str_eq(out, "\xE9\x97\xA8\xEF\xBC\x8C");
    normalise_typed_number("12345", out, 4, 0);   /* never past the buffer */
    ck_assert_str_eq(out, "123");
    char in_place[] = "\xEF\xBC\x91 2";
    normalise_typed_number(in_place, in_place, sizeof(in_place), 0);
    ck_assert_str_eq(in_place, "12");
}
END_TEST

START_TEST(test_mobiles_normalised)
{
    static const char *const same[] = {
        "13800138000", "+86 138 0013 8000", "+8613800138000", "0086 13800138000", "86-138-0013-8000",
        "138-0013-8000", "\xEF\xBC\x91\xEF\xBC\x93\xEF\xBC\x98" "00138000",   /* １３８00138000 */
    };
    char out[64];
    for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
        normalise_mobile(same[i], out, sizeof(out));
        ck_assert_msg(strcmp(out, "13800138000") == 0, "case %zu gave %s", i, out);
        ck_assert_int_eq(cn_mobile_check(out), 0);
    }
    normalise_mobile("+1 650 555 0100", out, sizeof(out));
    ck_assert_int_ne(cn_mobile_check(out), 0);
    normalise_mobile("8613800138", out, sizeof(out));   /* 10 digits after 86: not a country code */
    ck_assert_str_eq(out, "8613800138");
}
END_TEST

START_TEST(test_document_shapes)
{
    ck_assert_ptr_null(document_shape_error("passport", "E12345678"));
    ck_assert_ptr_null(document_shape_error("passport", "EA1234567"));
    ck_assert_ptr_null(document_shape_error("passport", "g1234567"));
    ck_assert_ptr_null(document_shape_error("passport", "12345"));
    ck_assert_str_eq(document_shape_error("passport", "ABCDEFG"), "passport_shape");     /* no digit */
    ck_assert_str_eq(document_shape_error("passport", "E123"), "passport_shape");
    ck_assert_str_eq(document_shape_error("passport", "E1234567890"), "passport_shape");
    ck_assert_str_eq(document_shape_error("passport", "E1234-567"), "passport_shape");
    ck_assert_ptr_null(document_shape_error("hk_macao", "H12345678"));
    ck_assert_ptr_null(document_shape_error("hk_macao", "m12345678"));
    ck_assert_ptr_null(document_shape_error("hk_macao", "H1234567801"));
    ck_assert_str_eq(document_shape_error("hk_macao", "A12345678"), "hk_macao_shape");
    ck_assert_str_eq(document_shape_error("hk_macao", "H1234567"), "hk_macao_shape");
    ck_assert_str_eq(document_shape_error("hk_macao", "H1234567X"), "hk_macao_shape");
    ck_assert_ptr_null(document_shape_error("taiwan", "12345678"));
    ck_assert_ptr_null(document_shape_error("taiwan", "1234567890"));
    ck_assert_str_eq(document_shape_error("taiwan", "T1234567"), "taiwan_shape");
    ck_assert_str_eq(document_shape_error("taiwan", "123456789"), "taiwan_shape");
    ck_assert_ptr_null(document_shape_error("other", "AB-123456"));
    ck_assert_str_eq(document_shape_error("other", "AB_123"), "document_chars");
}
END_TEST

START_TEST(test_json_object_members_to_hdf)
{
    HDF *hdf;
    ck_assert_ptr_null(hdf_init(&hdf));
    ck_assert_int_eq(json_object_to_hdf("{\"code\":\"012345\",\"minutes\":5,\"name\":\"\\u5f20\\u4e09\",\"ok\":true,"
                                        "\"nested\":{\"x\":1},\"a.b\":\"skipped\"}", hdf), 4);
    ck_assert_str_eq(hdf_get_value(hdf, "code", ""), "012345");
    ck_assert_str_eq(hdf_get_value(hdf, "minutes", ""), "5");
    ck_assert_str_eq(hdf_get_value(hdf, "name", ""), "\xE5\xBC\xA0\xE4\xB8\x89");   /* 张三 */
    ck_assert_str_eq(hdf_get_value(hdf, "ok", ""), "true");
    ck_assert_ptr_null(hdf_get_obj(hdf, "nested"));
    ck_assert_int_eq(json_object_to_hdf("[1,2]", hdf), -1);
    ck_assert_int_eq(json_object_to_hdf("{\"a\":1,\"a\":2}", hdf), -1);   /* duplicate members */
    ck_assert_int_eq(json_object_to_hdf("not json", hdf), -1);
    ck_assert_int_eq(json_object_to_hdf(NULL, hdf), -1);
    hdf_destroy(&hdf);
}
END_TEST

/* A resident ID typed with hyphens or spaces between its groups, or a
 * lower-case x, is the number it means; a travel document keeps its own
 * hyphens; a full-width plus begins a country code. */
START_TEST(test_id_numbers_as_typed)
{
    char s[64], out[64];
    strcpy(s, "110101-19900307-123x");
    normalise_id_shape(s);
    ck_assert_str_eq(s, "11010119900307123X");
    strcpy(s, "11010119900307123x");
    normalise_id_shape(s);
    ck_assert_str_eq(s, "11010119900307123X");
    strcpy(s, "AB-1234-5678");   /* not an ID: left as typed */
    normalise_id_shape(s);
    ck_assert_str_eq(s, "AB-1234-5678");
    strcpy(s, "-110101199003071233");   /* a hyphen first is no separator */
    normalise_id_shape(s);
    ck_assert_str_eq(s, "-110101199003071233");
    strcpy(s, "1101011990030712331");   /* 19 characters */
    normalise_id_shape(s);
    ck_assert_str_eq(s, "1101011990030712331");
    /* what a phone's input method gives: full-width digits, ideographic space */
    normalise_typed_number("\xEF\xBC\x91\xEF\xBC\x91" "0101\xE3\x80\x80" "19900307 123x", out, sizeof(out), 0);
    normalise_id_shape(out);
    ck_assert_str_eq(out, "11010119900307123X");
    normalise_mobile("\xEF\xBC\x8B" "86 138-0013-8000", out, sizeof(out));   /* full-width plus */
    ck_assert_str_eq(out, "13800138000");
    normalise_mobile("0086 138 0013 8000", out, sizeof(out));
    ck_assert_str_eq(out, "13800138000");
}
END_TEST

/* Residence permits for Hong Kong, Macao and Taiwan residents (港澳台居民
 * 居住证) are GB 11643 numbers beginning 81, 82 and 83. */
START_TEST(test_residence_permits)
{
    static const char *const permits[] = {"810000199001010010", "820000199001010018", "830000199001010015"};
    for (size_t i = 0; i < 3; i++) {
        char id[19];
        memcpy(id, permits[i], 17);
        static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) sum += (id[k] - '0') * w[k];
        id[17] = "10X98765432"[sum % 11];
        id[18] = 0;
        struct cn_id_info info;
        ck_assert_msg(cn_id_check(id, "2026-12-01", &info) == CN_ID_OK, "%s", id);
        ck_assert_int_eq(info.age_years, 36);
    }
    ck_assert_int_eq(cn_id_check("840000199001010012", "2026-12-01", NULL), CN_ID_REGION);
}
END_TEST

Suite *typed_input_suite(void)
{
    Suite *s = suite_create("typed_input");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_invisible_characters_refused);
    tcase_add_test(tc, test_visible_neighbours_pass);
    tcase_add_test(tc, test_typed_numbers_normalised);
    tcase_add_test(tc, test_mobiles_normalised);
    tcase_add_test(tc, test_document_shapes);
    tcase_add_test(tc, test_json_object_members_to_hdf);
    tcase_add_test(tc, test_id_numbers_as_typed);
    tcase_add_test(tc, test_residence_permits);
    suite_add_tcase(s, tc);
    return s;
}
