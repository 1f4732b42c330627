#ifndef HOME_H
#define HOME_H
#include "portal.h"
int home_page(struct request *r);
int prefs_text_size(struct request *r);
#endif
