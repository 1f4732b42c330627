/*
 * complaints.h - 院长热线: complaints, suggestions and praise, their
 * handling by the office and the departments, and the 服务明星 list.
 */
#ifndef COMPLAINTS_H
#define COMPLAINTS_H
#include "portal.h"

int complaint_form(struct request *r);
int complaint_create(struct request *r);
int complaint_filed(struct request *r);
int complaint_status_form(struct request *r);
int complaint_status(struct request *r);
int complaint_stars_public(struct request *r);

int office_complaints(struct request *r);
int office_complaint_view(struct request *r);
int office_complaint_assign(struct request *r);
int office_complaint_reply(struct request *r);
int office_complaint_close(struct request *r);
int office_complaint_stars(struct request *r);
int office_complaint_stars_publish(struct request *r);

/* Working days to acknowledge and to answer. */
#define COMPLAINT_ACK_DAYS 1
#define COMPLAINT_ANSWER_DAYS 5

#endif
