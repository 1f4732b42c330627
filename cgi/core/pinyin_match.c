/*
 * pinyin_match.c - does what someone typed match a Chinese name by its
 * pinyin initials?  "sjnk" finds 神经内科, "SJ" too (a prefix, any case);
 * every reading counts (pinyin_initials_all), so a polyphone's other
 * reading finds it as well.  For any service's search box: departments
 * and doctors (导诊), the price catalogue.
 */
#include <string.h>
#include "pinyin.h"
#include "pinyin_match.h"

/* The typed text as lower-case initials into out: 1 when it is made only
 * of ASCII letters (what people type for initials), else 0. */
int pinyin_query(const char *typed, char *out, size_t len)
{
    size_t n = 0;
    if (!typed || !len) return 0;
    for (; typed[n]; n++) {
        char c = typed[n];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c < 'a' || c > 'z' || n + 1 >= len) return 0;
        out[n] = c;
    }
    out[n] = 0;
    return n > 0;
}

/* 1 when one of the readings of `text` begins with `initials` (lower
 * case, from pinyin_query), else 0. */
int pinyin_prefix_match(const char *text, const char *initials)
{
    char all[1024];
    size_t n = strlen(initials);
    if (!n || pinyin_initials_all(text, all, sizeof(all), 16) <= 0) return 0;
    for (const char *p = all; *p;) {
        if (!strncmp(p, initials, n)) return 1;
        const char *space = strchr(p, ' ');
        if (!space) break;
        p = space + 1;
    }
    return 0;
}
