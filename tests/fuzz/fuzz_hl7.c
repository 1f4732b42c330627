/*
 * fuzz_hl7.c - libFuzzer target for the HL7 v2 parser (cgi/core/hl7.c) and
 * the ORU^R01 mapping (oru.c): what the lab system, an analyzer or anybody
 * on the lab's network sends to the MLLP listener or the importer.
 *
 * The input is a stream as hl7_next() sees it (MLLP frames or not, a BOM,
 * batches, any segment ends); each message in it is parsed, every field,
 * repetition, component and sub-component of every segment is fetched
 * raw and decoded (into buffers of several sizes, so the "did not fit"
 * paths run too), the message is mapped as an ORU^R01, and the ACK of a
 * refusal is built from what the parser or mapping said (lisimport.c's
 * lis_ack, which echoes the error text into HL7 fields).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hl7.h"
#include "oru.h"
#include "lisimport.h"

static struct hl7_message msg;
static struct lab_report rep;

static void walk(const struct hl7_message *m)
{
    static char small[8], big[HL7_MAX_FIELD + 1];
    for (int s = 0; s < m->count && s < 64; s++) {
        for (int f = 0; f <= 30; f++) {
            int reps = hl7_repetitions(m, s, f);
            for (int r = 0; r < reps && r < 4; r++)
                for (int c = 0; c <= 4; c++)
                    for (int sc = 0; sc <= 2; sc++) {
                        const char *raw;
                        size_t n = hl7_raw(m, s, f, r, c, sc, &raw);
                        if (n) {
                            volatile char last = raw[n - 1];   /* ASan checks the bounds */
                            (void)last;
                        }
                        hl7_get(m, s, f, r, c, sc, small, sizeof(small));
                        hl7_get(m, s, f, r, c, sc, big, sizeof(big));
                    }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a copy of exactly `size` bytes, so a read past the end is caught */
    char *buf = malloc(size ? size : 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    size_t pos = 0, len;
    const char *start;
    int guard = 0;
    while (hl7_next(buf, size, &pos, &start, &len) && guard++ < 64) {
        struct lis_outcome o;
        char ack[4096];
        memset(&o, 0, sizeof(o));
        if (hl7_parse(start, len, &msg)) {
            o.state = LIS_REFUSED;
            o.rejected = 1;
            o.error = msg.error;
        } else {
            walk(&msg);
            if (oru_map(&msg, &rep)) {
                o.state = LIS_REFUSED;
                o.error = rep.error;
            } else {
                o.state = LIS_STORED;
                snprintf(o.control_id, sizeof(o.control_id), "%s", rep.control_id);
            }
        }
        lis_ack(&o, "20261201000000", "A1", ack, sizeof(ack));
        if (strlen(ack) < 20 || memcmp(ack, "MSH|^~\\&|", 9)) abort();
        if (strchr(ack, '\n')) abort();   /* nothing received ever breaks the ACK's segments */
    }
    free(buf);
    return 0;
}
