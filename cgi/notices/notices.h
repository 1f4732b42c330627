/*
 * notices.h - 通知公告: the public pages and the office's editor.
 */
#ifndef NOTICES_H
#define NOTICES_H
#include "portal.h"

/* public */
int notices_list(struct request *r);
int notice_show(struct request *r);
int notices_latest(struct request *r, int how_many);

/* office */
int office_notices(struct request *r);
int office_notice_new(struct request *r);
int office_notice_create(struct request *r);
int office_notice_view(struct request *r);
int office_notice_edit(struct request *r);
int office_notice_update(struct request *r);
int office_notice_publish(struct request *r);
int office_notice_unpublish(struct request *r);
int office_notice_pin(struct request *r);
int office_notice_unpin(struct request *r);
int office_notice_expire(struct request *r);

/* the categories, in the order of the notices.category ENUM */
extern const char *const notice_categories[];

#endif
