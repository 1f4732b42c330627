/*
 * oru.h - an HL7 v2 ORU^R01 message (hl7.h) mapped into one lab order and
 * its result items, as the portal stores them (sql/009_lab_reports.sql).
 * Pure C like the parser: the importer stores what this hands it.
 */
#ifndef ORU_H
#define ORU_H

#include "hl7.h"

#define ORU_MAX_ITEMS 200

struct lab_item {
    char panel_code[33], panel_name[65];
    int seq;                       /* place in its panel, from 1 */
    char code[33], name[65];
    char value_type[4];            /* OBX-2 */
    char value[1025];              /* "" for ED and RP: the page says 见附件 */
    char unit[33], range[65];
    char flag[9];                  /* N H L HH LL A AA, "" when none */
    char method[65];
    char status[2];                /* OBX-11: P F C ... */
    char observed[20];             /* "YYYY-MM-DD HH:MM:SS" or "" */
    char comment[1025];            /* NTE segments after the OBX */
};

struct lab_report {
    char sending_app[65], control_id[65];
    char barcode[33];
    char patient_name[65], sex[2], birth_date[11], mobile_last4[5], patient_id[33];
    char mobile[12];               /* PID-13 as a mainland mobile (11 digits), or "" */
    char department[65], doctor[65], specimen[65];
    char collected[20], received[20], reported[20];
    char status[16];               /* in_progress preliminary final corrected cancelled registered */
    int npanels;
    int nitems;
    struct lab_item items[ORU_MAX_ITEMS];
    struct hl7_error error;
};

/* 0, or -1 with out->error naming the segment and field at fault. */
int oru_map(const struct hl7_message *m, struct lab_report *out);

/* An HL7 TS (YYYYMMDD[HHMM[SS[.S]]][+ZZZZ]) as "YYYY-MM-DD HH:MM:SS"
 * (date_only: "YYYY-MM-DD"); "" when empty; -1 when not a time. */
int hl7_time(const char *ts, char *out, size_t len, int date_only);

#endif
