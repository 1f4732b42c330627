/*
 * pinyin_match.h - a name matched by the pinyin initials typed (pinyin_match.c).
 */
#ifndef PINYIN_MATCH_H
#define PINYIN_MATCH_H
#include <stddef.h>

int pinyin_query(const char *typed, char *out, size_t len);
int pinyin_prefix_match(const char *text, const char *initials);

#endif
