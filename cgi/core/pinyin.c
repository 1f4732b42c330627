/*
 * pinyin.c - initials of Chinese text, derived from the reading tables
 * generated at build time (pinyin.h).
 *
 * The natural initials are what a patient would type: a phrase's own
 * reading where the phrase table has the text (参麦 sm, not cm), else each
 * character's most common reading.  Other readings are offered as
 * alternatives (pinyin_initials_all), so a search may also find an item by
 * a reading people use less, but ranks the natural one first.  Latin
 * letters stay (lowercased: 维生素C is wssc); digits and punctuation are
 * dropped, since nobody types them as initials.
 */
#include <stdlib.h>
#include <string.h>
#include "pinyin.h"

#define PHRASE_MAX_CHARS 8

/* One UTF-8 sequence at s: its code point, and how many bytes it took (0
 * at the end of the text; bad bytes count as one unknown character). */
static int utf8_next(const unsigned char *s, unsigned *cp)
{
    if (!*s) return 0;
    if (*s < 0x80) return *cp = *s, 1;
    int n = (*s & 0xE0) == 0xC0 ? 2 : (*s & 0xF0) == 0xE0 ? 3 : (*s & 0xF8) == 0xF0 ? 4 : 1;
    unsigned v = n == 2 ? *s & 0x1F : n == 3 ? *s & 0x0F : *s & 0x07;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return *cp = 0xFFFD, 1;
        v = v << 6 | (s[i] & 0x3F);
    }
    *cp = n == 1 ? 0xFFFD : v;
    return n;
}

static int char_cmp(const void *key, const void *elem)
{
    unsigned k = *(const unsigned *)key, e = ((const struct pinyin_char *)elem)->codepoint;
    return k < e ? -1 : k > e;
}

/* The first letters of a code point's readings, most common first: "cz"
 * for 长; a Latin letter is itself; NULL for anything else. */
const char *pinyin_letters(unsigned codepoint)
{
    static const char latin[] = "abcdefghijklmnopqrstuvwxyz";
    static char single[26][2];
    if (codepoint < 0x80) {
        unsigned c = codepoint | 0x20;
        if (c < 'a' || c > 'z') return NULL;
        single[c - 'a'][0] = latin[c - 'a'];
        return single[c - 'a'];
    }
    const struct pinyin_char *found =
        bsearch(&codepoint, pinyin_chars, pinyin_chars_count, sizeof(pinyin_chars[0]), char_cmp);
    return found ? found->letters : NULL;
}

struct phrase_key {
    const char *text;
    size_t len;
};

static int phrase_cmp(const void *key, const void *elem)
{
    const struct phrase_key *k = key;
    const char *e = ((const struct pinyin_phrase *)elem)->text;
    int c = strncmp(k->text, e, k->len);
    return c ? c : (e[k->len] ? -1 : 0);
}

/* The text split into characters, with the letters each can stand for:
 * where a phrase starts, its characters get the phrase's letter first. */
struct reading {
    int count;
    const char *letters[PINYIN_MAX_CHARS];   /* all readings' first letters */
    char natural[PINYIN_MAX_CHARS];         /* the one a person would type */
};

static int read_text(const char *text, struct reading *rd)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t offsets[PINYIN_MAX_CHARS + 1];
    unsigned cps[PINYIN_MAX_CHARS];
    int n = 0, step;
    unsigned cp;
    size_t at = 0;
    while ((step = utf8_next(s + at, &cp)) > 0) {
        if (n == PINYIN_MAX_CHARS) return -1;
        offsets[n] = at;
        cps[n++] = cp;
        at += step;
    }
    offsets[n] = at;

    rd->count = 0;
    for (int i = 0; i < n;) {
        int matched = 0;
        for (int len = n - i < PHRASE_MAX_CHARS ? n - i : PHRASE_MAX_CHARS; len >= 2 && !matched; len--) {
            struct phrase_key key = {text + offsets[i], offsets[i + len] - offsets[i]};
            const struct pinyin_phrase *p = bsearch(&key, pinyin_phrases, pinyin_phrases_count,
                                                    sizeof(pinyin_phrases[0]), phrase_cmp);
            if (!p) continue;
            for (int j = 0; j < len; j++) {
                rd->letters[rd->count] = pinyin_letters(cps[i + j]);
                rd->natural[rd->count++] = p->initials[j];
            }
            i += len;
            matched = 1;
        }
        if (matched) continue;
        const char *l = pinyin_letters(cps[i++]);
        if (!l) continue;
        rd->letters[rd->count] = l;
        rd->natural[rd->count++] = l[0];
    }
    return 0;
}

/* The natural initials of `text` ("xcg" for 血常规) into out.  Returns
 * their length, or -1 when the text is too long or out too small. */
int pinyin_initials(const char *text, char *out, size_t len)
{
    struct reading rd;
    if (read_text(text ? text : "", &rd) || (size_t)rd.count >= len) return -1;
    memcpy(out, rd.natural, rd.count);
    out[rd.count] = 0;
    return rd.count;
}

/* Every reading's initials, the natural ones first, then the others
 * varying the last characters first, separated by spaces, at most
 * `max_variants` of them (a name of polyphones could have thousands).
 * Returns how many were written, or -1 as pinyin_initials. */
int pinyin_initials_all(const char *text, char *out, size_t len, int max_variants)
{
    struct reading rd;
    int choice[PINYIN_MAX_CHARS] = {0};
    if (read_text(text ? text : "", &rd)) return -1;
    size_t used = 0;
    int written = 0;
    if ((size_t)rd.count >= len) return -1;
    memcpy(out, rd.natural, rd.count);
    used = rd.count;
    out[used] = 0;
    written = 1;
    for (int first = 1; written < max_variants; first = 0) {
        /* the next combination: an odometer over each character's letters,
         * starting from every character's first reading */
        int i = rd.count - 1;
        for (; !first && i >= 0; i--) {
            if (rd.letters[i][choice[i] + 1]) {
                choice[i]++;
                break;
            }
            choice[i] = 0;
        }
        if (i < 0) break;
        char variant[PINYIN_MAX_CHARS];
        for (int j = 0; j < rd.count; j++) variant[j] = rd.letters[j][choice[j]];
        if (!memcmp(variant, rd.natural, rd.count)) continue;
        if (used + 1 + rd.count >= len) break;
        out[used++] = ' ';
        memcpy(out + used, variant, rd.count);
        used += rd.count;
        out[used] = 0;
        written++;
    }
    return written;
}
