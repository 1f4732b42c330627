/*
 * ics.c - iCalendar (RFC 5545) output: text values escaped (backslash,
 * semicolon, comma, newline) and content lines folded at 75 octets without
 * splitting a UTF-8 character, lines ending in CRLF.
 */
#include <string.h>
#include "ics.h"

/* Appends "NAME:value" as folded content lines. */
void ics_text(STRING *out, const char *name, const char *value)
{
    STRING line;
    string_init(&line);
    string_appendf(&line, "%s:", name);
    for (const char *p = value ? value : ""; *p; p++) {
        if (*p == '\\' || *p == ';' || *p == ',') string_append_char(&line, '\\');
        if (*p == '\n') { string_append(&line, "\\n"); continue; }
        if (*p == '\r') continue;
        string_append_char(&line, *p);
    }
    /* fold: at most 75 octets a line, continuation lines start with a space */
    int used = 0;
    for (int i = 0; i < line.len; i++) {
        unsigned char c = (unsigned char)line.buf[i];
        int clen = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (used + clen > 75) {
            string_append(out, "\r\n ");
            used = 1;
        }
        string_appendn(out, line.buf + i, clen);
        used += clen;
        i += clen - 1;
    }
    string_append(out, "\r\n");
    string_clear(&line);
}

void ics_calendar(STRING *out, const struct ics_event *ev)
{
    string_append(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                       "PRODID:-//hospital-portal//booking//ZH-CN\r\n"
                       "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n");
    ics_text(out, "UID", ev->uid);
    string_appendf(out, "DTSTAMP:%s\r\nDTSTART:%s\r\nDTEND:%s\r\n", ev->stamp_utc, ev->start_utc, ev->end_utc);
    ics_text(out, "SUMMARY", ev->summary);
    ics_text(out, "LOCATION", ev->location);
    ics_text(out, "DESCRIPTION", ev->description);
    string_append(out, "END:VEVENT\r\nEND:VCALENDAR\r\n");
}
