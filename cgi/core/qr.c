/*
 * qr.c - QR codes as inline SVG and as PNG.
 *
 * Check-in tokens and links to reports are shown as QR codes so a phone
 * can read them at a desk or from a printout instead of someone typing
 * 43 characters.  libqrencode builds the symbol; drawing it is ours: SVG
 * is plain text, PNG goes through libpng into memory, never a file.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>
#include <qrencode.h>
#include "qr.h"

/* Light modules around the symbol, as the QR standard requires: without
 * them readers cannot find the finder patterns against a busy page. */
#define QUIET 4

/* ClearSilver reports a failed append (out of memory) as an error object
 * that must be freed; callers here only need to know that it failed. */
static int failed(NEOERR *err)
{
    if (err == STATUS_OK) return 0;
    nerr_ignore(&err);
    return 1;
}

/* Level M restores up to 15% of damaged modules: enough for a smudged
 * printout while keeping the symbol small.  QR_MODE_8 and case-sensitive
 * keep tokens byte for byte (base64url mixes cases).  NULL for "" too. */
static QRcode *encode(const char *text)
{
    if (!text || !*text) return NULL;
    return QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
}

/* Bit 0 of each byte libqrencode returns is the colour: 1 dark. */
static int dark(const QRcode *qr, int x, int y)
{
    return qr->data[y * qr->width + x] & 1;
}

/* The entity for one of the characters append_escaped() looks for. */
static const char *entity(char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    default: return "&#39;";
    }
}

/* The label goes into raw markup, not through a template, so it is
 * escaped here; ' too, in case the attribute is ever single-quoted. */
static int append_escaped(STRING *s, const char *text)
{
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, "&<>\"'");
        if (n && failed(string_appendn(s, p, (int)n))) return -1;
        p += n;
        if (*p && failed(string_append(s, entity(*p++)))) return -1;
    }
    return 0;
}

/* Each horizontal run of dark modules in row y becomes one rectangle
 * "M x y h n v1 h-n z": a fraction of the size of one per module. */
static int append_row_runs(STRING *s, const QRcode *qr, int y)
{
    int x = 0;
    while (x < qr->width) {
        if (!dark(qr, x, y)) { x++; continue; }
        int start = x;
        while (x < qr->width && dark(qr, x, y)) x++;
        if (failed(string_appendf(s, "M%d %dh%dv1h-%dz", start + QUIET, y + QUIET,
                                  x - start, x - start)))
            return -1;
    }
    return 0;
}

/* The symbol as one <svg> element, sized by its container (viewBox in
 * modules, crisp edges so scaling never blurs them), with a white ground
 * so it reads on a dark page, and an accessible name for screen readers:
 * `label` says what the code is for (HTML-escaped here).  0 or -1. */
int qr_svg(const char *text, const char *label, STRING *out)
{
    if (!label || !out) return -1;
    QRcode *qr = encode(text);
    if (!qr) return -1;
    int size = qr->width + 2 * QUIET, bad;
    STRING svg;
    string_init(&svg);
    bad = failed(string_appendf(&svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                "viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\" "
                                "role=\"img\" aria-label=\"", size, size));
    bad = bad || append_escaped(&svg, label);
    bad = bad || failed(string_append(&svg, "\"><rect width=\"100%\" height=\"100%\" "
                                      "fill=\"#fff\"/><path fill=\"#000\" d=\""));
    for (int y = 0; y < qr->width && !bad; y++) bad = append_row_runs(&svg, qr, y);
    bad = bad || failed(string_append(&svg, "\"/></svg>"));
    bad = bad || failed(string_appendn(out, svg.buf, svg.len));
    string_clear(&svg);
    QRcode_free(qr);
    return bad ? -1 : 0;
}

/* What the libpng callbacks and the row writer share. */
struct png_job {
    const QRcode *qr;
    int scale;               /* pixels per module */
    png_uint_32 pixels;      /* width = height, quiet zone included */
    png_bytep row;           /* one row of 1-bit pixels */
    STRING *png;             /* the file so far */
};

/* libpng hands over the file in pieces; a failed append ends the image
 * through png_error(), which jumps back to write_png(). */
static void png_append(png_structp png, png_bytep data, size_t len)
{
    struct png_job *job = png_get_io_ptr(png);
    if (len > INT_MAX || failed(string_appendn(job->png, (const char *)data, (int)len)))
        png_error(png, "out of memory");
}

/* Nothing to flush: the bytes are already in memory. */
static void png_flush(png_structp png)
{
    (void)png;
}

/* Pixels of module row my (quiet zone included).  In 1-bit greyscale a 1
 * bit is white, so the row starts white and dark modules clear bits. */
static void fill_row(struct png_job *job, int my)
{
    const QRcode *qr = job->qr;
    int y = my - QUIET;
    memset(job->row, 0xFF, (job->pixels + 7) / 8);
    if (y < 0 || y >= qr->width) return;
    for (int x = 0; x < qr->width; x++) {
        if (!dark(qr, x, y)) continue;
        png_uint_32 first = (png_uint_32)((x + QUIET) * job->scale);
        for (png_uint_32 px = first; px < first + (png_uint_32)job->scale; px++)
            job->row[px / 8] &= (png_byte)~(0x80u >> (px % 8));
    }
}

/* Every module row, repeated `scale` times. */
static void write_rows(png_structp png, struct png_job *job)
{
    int modules = job->qr->width + 2 * QUIET;
    for (int my = 0; my < modules; my++) {
        fill_row(job, my);
        for (int k = 0; k < job->scale; k++) png_write_row(png, job->row);
    }
}

/* libpng reports errors by longjmp() to the setjmp() here.  Nothing in this
 * frame changes after setjmp(), so no local can be clobbered. */
static int write_png(png_structp png, png_infop info, struct png_job *job)
{
    if (setjmp(png_jmpbuf(png))) return -1;
    png_set_write_fn(png, job, png_append, png_flush);
    png_set_IHDR(png, info, job->pixels, job->pixels, 1, PNG_COLOR_TYPE_GRAY,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    write_rows(png, job);
    png_write_end(png, NULL);
    return 0;
}

/* The symbol as a 1-bit greyscale PNG file (bytes, appended to `out` with
 * string_appendn since they contain NULs), `scale` pixels per module from
 * 1 to QR_PNG_MAX_SCALE, with the quiet zone.  For downloads and printing,
 * where an image file travels better than markup.  0 or -1. */
int qr_png(const char *text, int scale, STRING *out)
{
    if (!out || scale < 1 || scale > QR_PNG_MAX_SCALE) return -1;
    QRcode *qr = encode(text);
    if (!qr) return -1;
    STRING buf;
    string_init(&buf);
    struct png_job job = {qr, scale, (png_uint_32)((qr->width + 2 * QUIET) * scale), NULL, &buf};
    job.row = malloc((job.pixels + 7) / 8);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    int rc = job.row && info ? write_png(png, info, &job) : -1;
    if (rc == 0 && failed(string_appendn(out, buf.buf, buf.len))) rc = -1;
    png_destroy_write_struct(&png, &info);
    free(job.row);
    string_clear(&buf);
    QRcode_free(qr);
    return rc;
}
