/*
 * oru.c - ORU^R01 into a lab order and its items (see oru.h).
 *
 * Where v2 versions differ the mapping takes the later field first and
 * falls back on the older one: the specimen from SPM (v2.5) else OBR-15,
 * its collection and receipt from SPM-17/18 else OBR-7/14.  The barcode is
 * OBR-3 (the filler order number the lab printed), else OBR-2, else SPM-2.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "portal.h"
#include "oru.h"
#include "identity.h"

static void fail(struct lab_report *r, const char *seg, int index, int field, int code, const char *text)
{
    snprintf(r->error.segment, sizeof(r->error.segment), "%s", seg);
    r->error.segment_index = index + 1;
    r->error.field = field;
    r->error.code = code;
    snprintf(r->error.text, sizeof(r->error.text), "%s", text);
}

/* A decoded value into a fixed buffer; -1 when it does not fit or is
 * badly escaped, so nothing is silently cut. */
static int take(const struct hl7_message *m, int seg, int field, int rep, int comp, int sub,
                char *out, size_t len)
{
    out[0] = 0;
    if (seg < 0) return 0;
    long n = hl7_get(m, seg, field, rep, comp, sub, out, len);
    if (n < 0) return -1;
    if (!strcmp(out, "\"\"")) out[0] = 0;   /* HL7's explicit null */
    return 0;
}

int hl7_time(const char *ts, char *out, size_t len, int date_only)
{
    size_t digits = 0;
    out[0] = 0;
    while (isdigit((unsigned char)ts[digits])) digits++;
    if (digits == 0 && !ts[0]) return 0;
    if (digits < 8) return -1;
    char d[15] = "00000000000000";
    memcpy(d, ts, digits > 14 ? 14 : digits);
    if (date_only)
        snprintf(out, len, "%.4s-%.2s-%.2s", d, d + 4, d + 6);
    else
        snprintf(out, len, "%.4s-%.2s-%.2s %.2s:%.2s:%.2s", d, d + 4, d + 6, d + 8, d + 10, d + 12);
    return 0;
}

static int take_time(const struct hl7_message *m, int seg, int field, char *out, size_t len)
{
    char ts[64];
    if (take(m, seg, field, 0, 1, 0, ts, sizeof(ts))) return -1;
    return hl7_time(ts, out, len, 0);
}

/* A person's name from XPN/XCN components: family name then given name,
 * written together as Chinese names are; else the first component. */
static int take_name(const struct hl7_message *m, int seg, int field, int family_comp, char *out, size_t len)
{
    char family[64], given[64];
    if (take(m, seg, field, 0, family_comp, 0, family, sizeof(family)) ||
        take(m, seg, field, 0, family_comp + 1, 0, given, sizeof(given)))
        return -1;
    if (!family[0] && family_comp > 1) return take(m, seg, field, 0, 1, 0, out, len);
    snprintf(out, len, "%s%s", family, given);
    return 0;
}

/* The whole mobile, for the one "report ready" message: 11 digits from 1. */
static void mainland_mobile(const char *phone, char out[12])
{
    char n[64];
    normalise_mobile(phone, n, sizeof(n));
    out[0] = 0;
    if (strlen(n) != 11 || n[0] != '1') return;
    for (int i = 0; i < 11; i++)
        if (!isdigit((unsigned char)n[i])) return;
    memcpy(out, n, 12);
}

static void last4_digits(const char *phone, char out[5])
{
    char digits[64];
    size_t n = 0;
    for (const char *p = phone; *p && n < sizeof(digits) - 1; p++)
        if (isdigit((unsigned char)*p)) digits[n++] = *p;
    out[0] = 0;
    if (n >= 4) {
        memcpy(out, digits + n - 4, 4);
        out[4] = 0;
    }
}

static void upper(char *s)
{
    for (; *s; s++) *s = (char)toupper((unsigned char)*s);
}

/* OBX-5 as it is shown, by its value type (OBX-2). */
static int take_value(const struct hl7_message *m, int seg, struct lab_item *it)
{
    const char *t = it->value_type;
    if (!strcmp(t, "ED") || !strcmp(t, "RP")) {
        it->value[0] = 0;
        return 0;
    }
    if (!strcmp(t, "CE") || !strcmp(t, "CWE")) {
        if (take(m, seg, 5, 0, 2, 0, it->value, sizeof(it->value))) return -1;
        return it->value[0] ? 0 : take(m, seg, 5, 0, 1, 0, it->value, sizeof(it->value));
    }
    if (!strcmp(t, "SN")) {
        char part[4][64];
        for (int c = 0; c < 4; c++)
            if (take(m, seg, 5, 0, c + 1, 0, part[c], sizeof(part[c]))) return -1;
        snprintf(it->value, sizeof(it->value), "%s%s%s%s", part[0], part[1], part[2], part[3]);
        return 0;
    }
    /* NM ST TX FT and others: the whole field, repetitions as lines */
    size_t used = 0;
    int reps = hl7_repetitions(m, seg, 5);
    it->value[0] = 0;
    for (int rep = 0; rep < reps; rep++) {
        char line[1025];
        if (take(m, seg, 5, rep, 0, 0, line, sizeof(line))) return -1;
        int n = snprintf(it->value + used, sizeof(it->value) - used, "%s%s", rep ? "\n" : "", line);
        if (n < 0 || (size_t)n >= sizeof(it->value) - used) return -1;
        used += (size_t)n;
    }
    return 0;
}

static const char *const known_flags[] = {"N", "H", "L", "HH", "LL", "A", "AA", NULL};

static int map_obx(const struct hl7_message *m, int seg, struct lab_report *r, const char *panel_code,
                   const char *panel_name, int seq)
{
    if (r->nitems == ORU_MAX_ITEMS) {
        fail(r, "OBX", seg, 0, 100, "too many results in one message");
        return -1;
    }
    struct lab_item *it = &r->items[r->nitems];
    memset(it, 0, sizeof(*it));
    snprintf(it->panel_code, sizeof(it->panel_code), "%s", panel_code);
    snprintf(it->panel_name, sizeof(it->panel_name), "%s", panel_name);
    it->seq = seq;
    if (take(m, seg, 2, 0, 1, 0, it->value_type, sizeof(it->value_type)) || !it->value_type[0]) {
        fail(r, "OBX", seg, 2, 101, "OBX-2 value type is missing or unknown");
        return -1;
    }
    if (take(m, seg, 3, 0, 1, 0, it->code, sizeof(it->code)) || !it->code[0]) {
        fail(r, "OBX", seg, 3, 101, "OBX-3 observation identifier is missing or too long");
        return -1;
    }
    if (take(m, seg, 3, 0, 2, 0, it->name, sizeof(it->name))) return fail(r, "OBX", seg, 3, 102, "OBX-3 name too long"), -1;
    if (!it->name[0]) memcpy(it->name, it->code, sizeof(it->code));   /* code is the shorter */
    if (take_value(m, seg, it)) return fail(r, "OBX", seg, 5, 102, "OBX-5 value too long or badly escaped"), -1;
    if (take(m, seg, 6, 0, 1, 0, it->unit, sizeof(it->unit))) return fail(r, "OBX", seg, 6, 102, "OBX-6 unit too long"), -1;
    if (take(m, seg, 7, 0, 0, 0, it->range, sizeof(it->range))) return fail(r, "OBX", seg, 7, 102, "OBX-7 range too long"), -1;
    char flag[16];
    if (take(m, seg, 8, 0, 0, 0, flag, sizeof(flag))) return fail(r, "OBX", seg, 8, 102, "OBX-8 flag too long"), -1;
    for (int i = 0; known_flags[i]; i++)
        if (!strcmp(flag, known_flags[i])) snprintf(it->flag, sizeof(it->flag), "%s", known_flags[i]);
    if (take(m, seg, 11, 0, 0, 0, it->status, sizeof(it->status)) || !it->status[0]) {
        fail(r, "OBX", seg, 11, 101, "OBX-11 result status is missing");
        return -1;
    }
    if (take_time(m, seg, 14, it->observed, sizeof(it->observed)))
        return fail(r, "OBX", seg, 14, 102, "OBX-14 is not a time"), -1;
    if (take(m, seg, 17, 0, 2, 0, it->method, sizeof(it->method))) return fail(r, "OBX", seg, 17, 102, "OBX-17 too long"), -1;
    /* NTE segments right after the OBX are its comments */
    size_t used = 0;
    for (int n = seg + 1; n < m->count && !strcmp(m->segments[n].name, "NTE"); n++) {
        char line[1025];
        if (take(m, n, 3, 0, 0, 0, line, sizeof(line))) return fail(r, "NTE", n, 3, 102, "NTE-3 too long"), -1;
        int w = snprintf(it->comment + used, sizeof(it->comment) - used, "%s%s", used ? "\n" : "", line);
        if (w > 0 && (size_t)w < sizeof(it->comment) - used) used += (size_t)w;
    }
    r->nitems++;
    return 0;
}

static int map_header(const struct hl7_message *m, struct lab_report *r)
{
    char type[16], event[16];
    take(m, 0, 9, 0, 1, 0, type, sizeof(type));
    take(m, 0, 9, 0, 2, 0, event, sizeof(event));
    if (strcmp(type, "ORU") || strcmp(event, "R01")) {
        fail(r, "MSH", 0, 9, 200, "only ORU^R01 messages are accepted");
        return -1;
    }
    if (take(m, 0, 3, 0, 1, 0, r->sending_app, sizeof(r->sending_app)) ||
        take(m, 0, 10, 0, 0, 0, r->control_id, sizeof(r->control_id))) {
        fail(r, "MSH", 0, 10, 102, "MSH-3 or MSH-10 too long");
        return -1;
    }
    int pid = hl7_find(m, "PID", 0), pv1 = hl7_find(m, "PV1", 0), spm = hl7_find(m, "SPM", 0);
    char phone[64], sex[8], birth[32];
    if (take(m, pid, 3, 0, 1, 0, r->patient_id, sizeof(r->patient_id)) ||
        take_name(m, pid, 5, 1, r->patient_name, sizeof(r->patient_name)) ||
        take(m, pid, 8, 0, 0, 0, sex, sizeof(sex)) || take(m, pid, 7, 0, 1, 0, birth, sizeof(birth))) {
        fail(r, "PID", pid, 5, 102, "PID fields too long");
        return -1;
    }
    if (hl7_time(birth, r->birth_date, sizeof(r->birth_date), 1)) {
        fail(r, "PID", pid, 7, 102, "PID-7 is not a date");
        return -1;
    }
    r->sex[0] = sex[0] && strchr("MFO", sex[0]) ? sex[0] : 'U';   /* HL7 table 0001 */
    r->sex[1] = 0;
    /* the mobile: of the phone numbers in PID-13 (home, repeated) and
     * PID-14 (business), the first that is a mobile - marked CP (cellular,
     * XTN-3) or a mainland mobile number - else the first number at all;
     * each from XTN-12 (v2.5 unformatted number), else XTN-1 */
    char first[64] = "";
    phone[0] = 0;
    for (int f = 13; f <= 14 && !phone[0]; f++) {
        int reps = hl7_repetitions(m, pid, f);
        for (int rep = 0; rep < reps && rep < 8; rep++) {
            char number[64], kind[8], mobile[12];
            if (take(m, pid, f, rep, 12, 0, number, sizeof(number))) number[0] = 0;
            if (!number[0] && take(m, pid, f, rep, 1, 0, number, sizeof(number))) number[0] = 0;
            if (take(m, pid, f, rep, 3, 0, kind, sizeof(kind))) kind[0] = 0;
            if (!number[0]) continue;
            if (!first[0]) memcpy(first, number, sizeof(first));
            mainland_mobile(number, mobile);
            if (mobile[0] || !strcmp(kind, "CP")) {
                memcpy(phone, number, sizeof(phone));
                break;
            }
        }
    }
    if (!phone[0]) memcpy(phone, first, sizeof(phone));
    mainland_mobile(phone, r->mobile);
    last4_digits(phone, r->mobile_last4);
    if (take(m, pv1, 3, 0, 1, 0, r->department, sizeof(r->department))) return fail(r, "PV1", pv1, 3, 102, "PV1-3 too long"), -1;
    if (!r->department[0] && take(m, pv1, 10, 0, 0, 0, r->department, sizeof(r->department)))
        return fail(r, "PV1", pv1, 10, 102, "PV1-10 too long"), -1;
    if (spm >= 0) {
        if (take(m, spm, 4, 0, 2, 0, r->specimen, sizeof(r->specimen))) return fail(r, "SPM", spm, 4, 102, "SPM-4 too long"), -1;
        if (!r->specimen[0]) take(m, spm, 4, 0, 1, 0, r->specimen, sizeof(r->specimen));
        if (take_time(m, spm, 17, r->collected, sizeof(r->collected))) return fail(r, "SPM", spm, 17, 102, "SPM-17 is not a time"), -1;
        if (take_time(m, spm, 18, r->received, sizeof(r->received))) return fail(r, "SPM", spm, 18, 102, "SPM-18 is not a time"), -1;
    }
    return 0;
}

/* The order's state from ORC-1, OBR-25 and the results' OBX-11. */
static void order_status(struct lab_report *r, int cancelled, int any_obr_in_progress)
{
    int corrected = 0, preliminary = 0, final = 0;
    for (int i = 0; i < r->nitems; i++) {
        const char *s = r->items[i].status;
        if (!strcmp(s, "C")) corrected = 1;
        else if (!strcmp(s, "P")) preliminary = 1;
        else if (!strcmp(s, "F")) final = 1;
    }
    const char *st = cancelled ? "cancelled" : corrected ? "corrected" : preliminary ? "preliminary"
                   : final ? "final" : any_obr_in_progress ? "in_progress" : "registered";
    snprintf(r->status, sizeof(r->status), "%s", st);
}

int oru_map(const struct hl7_message *m, struct lab_report *r)
{
    memset(r, 0, sizeof(*r));
    if (map_header(m, r)) return -1;
    int cancelled = 0, in_progress = 0, spm = hl7_find(m, "SPM", 0);
    char panel_code[33] = "", panel_name[65] = "", value[64];
    int seq = 0, seen_obr = 0;
    for (int s = 1; s < m->count; s++) {
        const char *name = m->segments[s].name;
        if (!strcmp(name, "ORC")) {
            take(m, s, 1, 0, 0, 0, value, sizeof(value));
            if (!strcmp(value, "CA")) cancelled = 1;
            if (!r->doctor[0] && take_name(m, s, 12, 2, r->doctor, sizeof(r->doctor)))
                return fail(r, "ORC", s, 12, 102, "ORC-12 too long"), -1;
        } else if (!strcmp(name, "OBR")) {
            seen_obr = 1;
            seq = 0;
            r->npanels++;
            char barcode[64];
            if (take(m, s, 3, 0, 1, 0, barcode, sizeof(barcode)) || (!barcode[0] && take(m, s, 2, 0, 1, 0, barcode, sizeof(barcode))))
                return fail(r, "OBR", s, 3, 102, "OBR-3 too long"), -1;
            if (!barcode[0] && spm >= 0) take(m, spm, 2, 0, 1, 1, barcode, sizeof(barcode));
            upper(barcode);
            if (!barcode[0] || strlen(barcode) >= sizeof(r->barcode)) {
                fail(r, "OBR", s, 3, 101, "no specimen barcode in OBR-3, OBR-2 or SPM-2");
                return -1;
            }
            if (!r->barcode[0]) memcpy(r->barcode, barcode, strlen(barcode) + 1);   /* length checked above */
            else if (strcmp(r->barcode, barcode)) {
                fail(r, "OBR", s, 3, 100, "one message must report one specimen barcode");
                return -1;
            }
            if (take(m, s, 4, 0, 1, 0, panel_code, sizeof(panel_code)) || !panel_code[0])
                return fail(r, "OBR", s, 4, 101, "OBR-4 universal service id is missing"), -1;
            if (take(m, s, 4, 0, 2, 0, panel_name, sizeof(panel_name))) return fail(r, "OBR", s, 4, 102, "OBR-4 too long"), -1;
            if (!panel_name[0]) memcpy(panel_name, panel_code, sizeof(panel_code));
            if (!r->doctor[0] && take_name(m, s, 16, 2, r->doctor, sizeof(r->doctor)))
                return fail(r, "OBR", s, 16, 102, "OBR-16 too long"), -1;
            if (!r->specimen[0]) take(m, s, 15, 0, 1, 2, r->specimen, sizeof(r->specimen));
            if (!r->specimen[0]) take(m, s, 15, 0, 1, 1, r->specimen, sizeof(r->specimen));
            if (!r->collected[0] && take_time(m, s, 7, r->collected, sizeof(r->collected)))
                return fail(r, "OBR", s, 7, 102, "OBR-7 is not a time"), -1;
            if (!r->received[0] && take_time(m, s, 14, r->received, sizeof(r->received)))
                return fail(r, "OBR", s, 14, 102, "OBR-14 is not a time"), -1;
            char reported[20];
            if (take_time(m, s, 22, reported, sizeof(reported))) return fail(r, "OBR", s, 22, 102, "OBR-22 is not a time"), -1;
            if (strcmp(reported, r->reported) > 0) snprintf(r->reported, sizeof(r->reported), "%s", reported);
            take(m, s, 25, 0, 0, 0, value, sizeof(value));
            if (!strcmp(value, "X")) cancelled = 1;
            if (!strcmp(value, "I") || !strcmp(value, "O") || !strcmp(value, "S")) in_progress = 1;
        } else if (!strcmp(name, "OBX")) {
            if (!seen_obr) return fail(r, "OBX", s, 0, 100, "OBX before any OBR"), -1;
            if (map_obx(m, s, r, panel_code, panel_name, ++seq)) return -1;
        }
    }
    if (!seen_obr) {
        fail(r, "OBR", -1, 0, 100, "no OBR segment");
        return -1;
    }
    order_status(r, cancelled, in_progress);
    return 0;
}
