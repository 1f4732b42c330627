/*
 * lisimport.h - one HL7 v2 ORU^R01 message stored in the lab tables, all
 * or nothing, and the HL7 acknowledgement that answers it.  The one import
 * behind every way results arrive: files and standard input (portal-lis),
 * the MLLP listener (portal-lis-listener) and the lab's upload page.
 */
#ifndef LISIMPORT_H
#define LISIMPORT_H

#include <stddef.h>
#include "hl7.h"

enum lis_state {
    LIS_STORED,       /* stored (items may be 0: nothing new) */
    LIS_DUPLICATE,    /* the same message came before: nothing changed */
    LIS_REFUSED,      /* malformed or inconsistent: nothing stored, refusal recorded */
    LIS_FAILED,       /* the database failed: nothing stored, try again */
};

struct lis_outcome {
    enum lis_state state;
    char control_id[65];
    char barcode[33];
    int items;
    int rejected;               /* refused before it could be read (ACK AR, else AE) */
    struct hl7_error error;     /* where a refused message is at fault */
    char why[256];              /* "OBX-2: ..." */
    /* MSH fields the acknowledgement echoes (as received, first components) */
    char msh_app[65], msh_facility[65], msh_to_app[65], msh_to_facility[65];
    char msh_version[16], msh_processing[4];
};

/* Stores one message (bytes of one message, as hl7_next() hands them out);
 * `source` is 'file', 'mllp' or 'upload'.  Returns o->state. */
enum lis_state lis_import(const char *data, size_t len, const char *source, struct lis_outcome *o);

/* The MSH fields the ACK echoes and the control id (MSH-10), read from
 * the raw message even when it cannot be parsed: first components only,
 * printable bytes only. */
void lis_msh(const char *data, size_t len, struct lis_outcome *o);

/* The line portal-lis prints for it: "<id> <barcode> <n> stored",
 * "... duplicate", "<id> refused SEG-n: why", "<id> error database". */
void lis_line(const struct lis_outcome *o, char *out, size_t outlen);

/* The HL7 ACK for it (segments ended by CR, no MLLP frame): MSA-1 AA when
 * stored or a duplicate, AE/AR with an ERR segment naming the segment and
 * field (ERR-1 for v2.3, ERR-2/3/4 for v2.5).  `now` is "YYYYMMDDHHMMSS",
 * `ack_id` the acknowledgement's own control id.  Returns its length. */
size_t lis_ack(const struct lis_outcome *o, const char *now, const char *ack_id, char *out, size_t outlen);

#endif
