/*
 * qr.h - QR codes of short texts (tokens, links) as inline SVG for pages
 * and as PNG for downloads and printing, with libqrencode.
 *
 * Both use error correction level M and a 4-module quiet zone, as the QR
 * standard asks, so phone cameras read them from a screen or from paper.
 * Both append to `out` only when they succeed; on failure (-1) `out` is
 * left as it was.
 */
#ifndef QR_H
#define QR_H

#include <ClearSilver.h>

/* Largest `scale` qr_png() accepts: pixels per module. */
#define QR_PNG_MAX_SCALE 32

int qr_svg(const char *text, const char *label, STRING *out);
int qr_png(const char *text, int scale, STRING *out);

#endif
