/*
 * test_qr.c - qr_svg() and qr_png().
 *
 * The SVG is checked against the symbol libqrencode builds (every dark
 * module drawn, nothing else, inside the quiet zone) and for an escaped
 * accessible name; the PNG is read back by a real reader, zbarimg from
 * zbar-tools, which must decode exactly the text that went in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <qrencode.h>
#include "portal.h"
#include "qr.h"
#include "suites.h"

#define QUIET 4

/* ---- SVG ---- */

START_TEST(test_svg_shape)
{
    STRING out;
    string_init(&out);
    ck_assert_int_eq(qr_svg("CHK:abc", "签到二维码", &out), 0);
    ck_assert_ptr_nonnull(out.buf);
    ck_assert_int_eq(strncmp(out.buf, "<svg", 4), 0);
    ck_assert_ptr_nonnull(strstr(out.buf, " role=\"img\""));
    ck_assert_ptr_nonnull(strstr(out.buf, " aria-label=\"签到二维码\""));
    ck_assert_ptr_nonnull(strstr(out.buf, " shape-rendering=\"crispEdges\""));
    ck_assert_ptr_nonnull(strstr(out.buf, " viewBox=\"0 0 29 29\""));   /* version 1: 21 + 2 * 4 */
    const char *path = strstr(out.buf, "<path");
    ck_assert_ptr_nonnull(path);
    ck_assert_ptr_null(strstr(path + 1, "<path"));   /* exactly one */
    ck_assert_uint_eq(strlen(out.buf), (size_t)out.len);
    ck_assert_str_eq(out.buf + out.len - 6, "</svg>");
    string_clear(&out);
}
END_TEST

START_TEST(test_svg_escapes_label)
{
    STRING out;
    string_init(&out);
    ck_assert_int_eq(qr_svg("x", "A&B <i>\"x\"</i> it's", &out), 0);
    ck_assert_ptr_nonnull(
        strstr(out.buf, " aria-label=\"A&amp;B &lt;i&gt;&quot;x&quot;&lt;/i&gt; it&#39;s\">"));
    ck_assert_ptr_null(strstr(out.buf, "<i>"));
    ck_assert_ptr_null(strstr(out.buf, "&B"));
    string_clear(&out);
}
END_TEST

/* Reads the path's "M x y h n v1 h-n z" runs back into a grid of modules. */
static void paint_path(const char *d, unsigned char *grid, int size)
{
    int x, y, n, m, used;
    while (*d != '"') {
        ck_assert_int_eq(sscanf(d, "M%d %dh%dv1h-%dz%n", &x, &y, &n, &m, &used), 4);
        ck_assert_int_eq(n, m);
        ck_assert_int_gt(n, 0);
        ck_assert_msg(x >= QUIET && y >= QUIET && x + n <= size - QUIET && y < size - QUIET,
                      "run at %d,%d (length %d) is in the quiet zone", x, y, n);
        for (int i = 0; i < n; i++) {
            ck_assert_int_eq(grid[y * size + x + i], 0);   /* runs never overlap */
            grid[y * size + x + i] = 1;
        }
        d += used;
    }
}

START_TEST(test_svg_draws_the_symbol)
{
    const char *text = "CHK:0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
    QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    ck_assert_ptr_nonnull(qr);
    int size = qr->width + 2 * QUIET;
    char viewbox[64];
    snprintf(viewbox, sizeof(viewbox), "viewBox=\"0 0 %d %d\"", size, size);
    STRING out;
    string_init(&out);
    ck_assert_int_eq(qr_svg(text, "QR", &out), 0);
    ck_assert_ptr_nonnull(strstr(out.buf, viewbox));
    const char *d = strstr(out.buf, " d=\"");
    ck_assert_ptr_nonnull(d);
    unsigned char *grid = calloc((size_t)(size * size), 1);
    paint_path(d + 4, grid, size);
    for (int y = 0; y < qr->width; y++)
        for (int x = 0; x < qr->width; x++)
            ck_assert_msg(grid[(y + QUIET) * size + x + QUIET] == (qr->data[y * qr->width + x] & 1),
                          "module %d,%d differs", x, y);
    /* one rectangle per horizontal run: as many "M" as runs in the grid */
    int runs = 0, moves = 0;
    for (int i = 0; i < size * size; i++)
        if (grid[i] && (i % size == 0 || !grid[i - 1])) runs++;
    for (const char *p = d + 4; *p != '"'; p++) moves += *p == 'M';
    ck_assert_int_eq(moves, runs);
    free(grid);
    string_clear(&out);
    QRcode_free(qr);
}
END_TEST

START_TEST(test_svg_appends)
{
    STRING out;
    string_init(&out);
    string_append(&out, "<p>");
    ck_assert_int_eq(qr_svg("x", "QR", &out), 0);
    ck_assert_int_eq(strncmp(out.buf, "<p><svg", 7), 0);
    string_clear(&out);
}
END_TEST

START_TEST(test_svg_refuses)
{
    STRING out;
    string_init(&out);
    char *huge = malloc(4001);
    memset(huge, 'a', 4000);
    huge[4000] = 0;
    ck_assert_int_eq(qr_svg(NULL, "QR", &out), -1);
    ck_assert_int_eq(qr_svg("", "QR", &out), -1);
    ck_assert_int_eq(qr_svg("x", NULL, &out), -1);
    ck_assert_int_eq(qr_svg("x", "QR", NULL), -1);
    ck_assert_int_eq(qr_svg(huge, "QR", &out), -1);   /* more than a symbol holds */
    ck_assert_int_eq(out.len, 0);
    free(huge);
    string_clear(&out);
}
END_TEST

/* ---- PNG ---- */

static unsigned long be32(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (unsigned long)u[0] << 24 | (unsigned long)u[1] << 16 | (unsigned long)u[2] << 8 | u[3];
}

START_TEST(test_png_header)
{
    QRcode *qr = QRcode_encodeString("OK-7", 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    ck_assert_ptr_nonnull(qr);
    for (int scale = 1; scale <= QR_PNG_MAX_SCALE; scale += 31) {
        STRING out;
        string_init(&out);
        ck_assert_int_eq(qr_png("OK-7", scale, &out), 0);
        ck_assert_int_gt(out.len, 33);
        ck_assert_int_eq(memcmp(out.buf, "\x89PNG\r\n\x1a\n", 8), 0);
        ck_assert_int_eq(memcmp(out.buf + 12, "IHDR", 4), 0);
        unsigned long side = (unsigned long)((qr->width + 2 * QUIET) * scale);
        ck_assert_uint_eq(be32(out.buf + 16), side);   /* width */
        ck_assert_uint_eq(be32(out.buf + 20), side);   /* height */
        ck_assert_int_eq(memcmp(out.buf + out.len - 8, "IEND", 4), 0);
        string_clear(&out);
    }
    QRcode_free(qr);
}
END_TEST

START_TEST(test_png_refuses)
{
    STRING out;
    string_init(&out);
    ck_assert_int_eq(qr_png("x", 0, &out), -1);
    ck_assert_int_eq(qr_png("x", -3, &out), -1);
    ck_assert_int_eq(qr_png("x", QR_PNG_MAX_SCALE + 1, &out), -1);
    ck_assert_int_eq(qr_png(NULL, 4, &out), -1);
    ck_assert_int_eq(qr_png("", 4, &out), -1);
    ck_assert_int_eq(qr_png("x", 4, NULL), -1);
    ck_assert_int_eq(out.len, 0);
    string_clear(&out);
}
END_TEST

/* Runs zbarimg on the PNG and returns what it read (without the newline
 * it adds).  Fails the test, saying why, when zbarimg is not there. */
static void zbar_read(const STRING *png, char *text, size_t textlen)
{
    ck_assert_msg(system("command -v zbarimg >/dev/null 2>&1") == 0,
                  "zbarimg not found: install zbar-tools (make deps, cgi/tools/install-deps.sh)");
    char path[] = "/tmp/portal-qr-XXXXXX.png";
    int fd = mkstemps(path, 4);
    ck_assert_msg(fd >= 0, "mkstemps failed");
    ssize_t written = write(fd, png->buf, (size_t)png->len);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "zbarimg --quiet --raw --nodbus %s", path);
    FILE *p = popen(cmd, "r");
    size_t n = p ? fread(text, 1, textlen - 1, p) : 0;
    int status = p ? pclose(p) : -1;
    unlink(path);
    text[n] = 0;
    ck_assert_int_eq(written, png->len);
    ck_assert_msg(status == 0, "zbarimg found no QR code (status %d)", status);
    if (n && text[n - 1] == '\n') text[n - 1] = 0;
}

static const char *const readable[] = {
    "OK-7",
    "CHK:Zm9vYmFyLWJhel9xdXV4XzAxMjM0NTY3ODlBQkNERUZ",   /* 43 base64url characters */
    "CHK:-_-_AAAAzzzz0000____----QQQQqqqq9999abcdef-",
    "https://portal.example.cn/lab/report?t=Zm9vYmFy",
    "预约号 A-0042",   /* UTF-8 text, byte for byte */
};

START_TEST(test_tokens_are_43_characters)
{
    ck_assert_uint_eq(strlen(readable[1]), 4 + 43);
    ck_assert_uint_eq(strlen(readable[2]), 4 + 43);
    ck_assert_uint_eq(strspn(readable[1] + 4, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), 43);
    ck_assert_uint_eq(strspn(readable[2] + 4, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), 43);
}
END_TEST

START_TEST(test_png_reads_back)
{
    const char *text = readable[_i];
    STRING png;
    char read[512];
    string_init(&png);
    ck_assert_int_eq(qr_png(text, 4, &png), 0);
    zbar_read(&png, read, sizeof(read));
    ck_assert_str_eq(read, text);
    string_clear(&png);
}
END_TEST

START_TEST(test_png_reads_back_token)
{
    /* a token as the portal makes them: 32 random bytes, base64url */
    char token[64], text[80], read[512];
    STRING png;
    ck_assert_int_eq(random_token(token, sizeof(token)), 0);
    ck_assert_uint_eq(strlen(token), 43);
    snprintf(text, sizeof(text), "CHK:%s", token);
    string_init(&png);
    ck_assert_int_eq(qr_png(text, 3, &png), 0);
    zbar_read(&png, read, sizeof(read));
    ck_assert_str_eq(read, text);
    string_clear(&png);
}
END_TEST

Suite *qr_suite(void)
{
    Suite *s = suite_create("qr");
    TCase *tc = tcase_create("svg");
    tcase_add_test(tc, test_svg_shape);
    tcase_add_test(tc, test_svg_escapes_label);
    tcase_add_test(tc, test_svg_draws_the_symbol);
    tcase_add_test(tc, test_svg_appends);
    tcase_add_test(tc, test_svg_refuses);
    suite_add_tcase(s, tc);

    tc = tcase_create("png");
    tcase_set_timeout(tc, 30);   /* zbarimg starts ImageMagick */
    tcase_add_test(tc, test_png_header);
    tcase_add_test(tc, test_png_refuses);
    tcase_add_test(tc, test_tokens_are_43_characters);
    tcase_add_loop_test(tc, test_png_reads_back, 0, (int)(sizeof(readable) / sizeof(readable[0])));
    tcase_add_test(tc, test_png_reads_back_token);
    suite_add_tcase(s, tc);
    return s;
}
