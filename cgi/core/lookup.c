/*
 * lookup.c - finding a record by its number and a second factor (a booking
 * by confirmation number and mobile; later a lab report by barcode and the
 * mobile's last digits, an inpatient's fees, an application's status).
 *
 * Whoever knows a number could otherwise try second factors until one
 * fits, and whoever knows a second factor could try numbers.  So every
 * lookup first takes one attempt from two limits, the client's address and
 * the number as typed (whether such a record exists or not: a limit that
 * only existing numbers had would tell which exist), and a lookup that
 * finds its record gives both back: only failures use them up.  The
 * service shows the same answer for a wrong number and a wrong factor.
 */
#include "portal.h"

/* 1 when the lookup may go on; otherwise the refusal (429, Retry-After,
 * what is limited and until when) is beside the number field and 0 is
 * returned; -1 when the database did not answer. */
int lookup_allowed(struct request *r, const struct lookup_policy *p, struct form *f,
                   int number_field, const char *number)
{
    struct rate_answer a;
    const char *ip = r->client_ip ? r->client_ip : "-";
    if (rate_take(p->per_client, ip, &a)) return -1;
    if (!a.allowed) {
        rate_refuse(r, f, number_field, &a);
        return 0;
    }
    if (rate_take(p->per_number, number, &a)) return -1;
    if (!a.allowed) {
        rate_refuse(r, f, number_field, &a);
        return 0;
    }
    return 1;
}

/* The lookup found its record: its two attempts are given back. */
void lookup_found(struct request *r, const struct lookup_policy *p, const char *number)
{
    rate_forgive(p->per_client, r->client_ip ? r->client_ip : "-", 1);
    rate_forgive(p->per_number, number, 1);
}
