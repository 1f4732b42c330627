/*
 * pinyin.h - the pinyin initials of Chinese text (xcg for 血常规), for
 * search by what people type on a phone.  The reading tables are generated
 * at build time from Debian packages (cgi/tools/pinyin-gen.py) into
 * build/gen/pinyin_data.c.
 */
#ifndef PINYIN_H
#define PINYIN_H
#include <stddef.h>

/* A code point and the first letters of its readings, most common first. */
struct pinyin_char {
    unsigned codepoint;
    const char *letters;
};
/* A phrase (UTF-8) read otherwise than its characters' first readings. */
struct pinyin_phrase {
    const char *text;
    const char *initials;
};
extern const struct pinyin_char pinyin_chars[];
extern const size_t pinyin_chars_count;
extern const struct pinyin_phrase pinyin_phrases[];
extern const size_t pinyin_phrases_count;

/* The most characters a text may have for its initials. */
#define PINYIN_MAX_CHARS 128

int pinyin_initials(const char *text, char *out, size_t len);
int pinyin_initials_all(const char *text, char *out, size_t len, int max_variants);
const char *pinyin_letters(unsigned codepoint);

#endif
