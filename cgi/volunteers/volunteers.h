/*
 * volunteers.h - 志愿者医院服务: the recruitment call, the application
 * form and its status page, the coordinator's workflow, service hours
 * (recorded in the office or by QR check-in at a service point),
 * certificates and the star-volunteer list.
 */
#ifndef VOLUNTEERS_H
#define VOLUNTEERS_H
#include "portal.h"
#include "rules.h"

/* the signed links' key (sql/011) and their purposes */
#define VOL_KEY "volunteers"
#define VOL_PURPOSE_STATUS "vol-status"       /* an application's status page */
#define VOL_PURPOSE_ME "vol-me"               /* a volunteer's check-in link */
#define VOL_PURPOSE_POINT "vol-point"         /* a service point's QR code */
#define VOL_PURPOSE_CERT "vol-certificate"    /* a certificate */
#define VOL_STATUS_DAYS 90
#define VOL_ME_DAYS 180
#define VOL_POINT_DAYS 3650
#define VOL_CERT_DAYS 3650
#define VOL_ME_COOKIE "vol_me"

/* public */
int vol_call_page(struct request *r);
int vol_apply_form(struct request *r);
int vol_apply(struct request *r);
int vol_status_page(struct request *r);
int vol_lookup_form(struct request *r);
int vol_lookup(struct request *r);
int vol_me(struct request *r);
int vol_scan_page(struct request *r);
int vol_scan(struct request *r);
int vol_certificate(struct request *r);
int vol_certificate_qr(struct request *r);
int vol_stars(struct request *r);

/* office */
int vol_office_list(struct request *r);
int vol_office_view(struct request *r);
int vol_office_move(struct request *r);
int vol_office_shift(struct request *r);
int vol_office_evaluation(struct request *r);
int vol_office_send_link(struct request *r);
int vol_office_star(struct request *r);
int vol_office_hours(struct request *r);
int vol_office_hours_csv(struct request *r);
int vol_office_call(struct request *r);
int vol_office_call_update(struct request *r);
int vol_office_points(struct request *r);
int vol_office_point_qr(struct request *r);

/* shared */
int vol_signed_link(const char *purpose, const char *subject, int days, const char *path,
                    char *out, size_t len);
int vol_load_call(struct request *r);
void vol_new_no(char out[11]);
const char *vol_today(char out[11]);
void vol_text(struct request *r, const char *dest, const char *key, HDF *vars);
void vol_services_text(const char *keys, char *out, size_t len);

#endif
