#ifndef OFFICE_H
#define OFFICE_H
#include "portal.h"
int office_login_form(struct request *r);
int office_login(struct request *r);
int office_logout(struct request *r);
int office_home(struct request *r);
int office_audit(struct request *r);
int office_calendar(struct request *r);
int office_calendar_add(struct request *r);
int office_calendar_delete(struct request *r);
#endif
