/*
 * reports.h - 检验报告查询: lab reports by the specimen barcode and a second
 * factor, their printable view with a QR code, the published turnaround
 * times; the lab's office pages (imports, refusals, turnaround times).
 */
#ifndef REPORTS_H
#define REPORTS_H
#include "portal.h"

int reports_lookup_form(struct request *r);
int reports_lookup(struct request *r);
int reports_show(struct request *r);
int reports_print(struct request *r);
int reports_qr_png(struct request *r);
int reports_turnaround(struct request *r);

int office_lab(struct request *r);
int office_lab_upload(struct request *r);
int office_lab_turnaround(struct request *r);
int office_lab_turnaround_update(struct request *r);

/* A name as the report shows it: the first character, then '*' for each
 * but the last (王*明, 李*, 欧**锋); one character stays as it is. */
void reports_mask_name(const char *name, char *out, size_t outlen);

/* The signed link (cgi/core/signed.c, key 'reports') of a lab order, good
 * for `seconds`: what the lookup hands out and the printed QR code holds. */
#define REPORT_LINK_SECONDS (2 * 3600)
#define REPORT_PRINT_SECONDS (7 * 24 * 3600)
int reports_token(long long order_id, long long seconds, char *out, size_t outlen);

#endif
