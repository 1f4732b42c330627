/*
 * fees/index.c - the search tokens of an item, derived from its name when
 * it is imported: every suffix of the name and of the initials of each of
 * its readings (pinyin.c), so that "the name contains q" and "the
 * initials contain q" are both an index range (token LIKE 'q%').
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "fees.h"
#include "pinyin.h"

enum { KIND_NAME = 0, KIND_INITIALS = 1, KIND_OTHER_READING = 2 };
#define MAX_POSITIONS 64
#define MAX_READINGS 8

/* What people type, made comparable with the tokens: full-width ASCII
 * (Ａ, １) made ASCII, letters lower-cased, spaces and controls dropped.
 * Returns the length in bytes, or -1 when it does not fit. */
int fees_query_normalise(const char *in, char *out, size_t len)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t n = 0;
    while (*s) {
        unsigned cp;
        int step;
        if (*s < 0x80) cp = *s, step = 1;
        else if ((*s & 0xE0) == 0xC0 && s[1]) cp = (*s & 0x1F) << 6 | (s[1] & 0x3F), step = 2;
        else if ((*s & 0xF0) == 0xE0 && s[1] && s[2]) cp = (*s & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F), step = 3;
        else if ((*s & 0xF8) == 0xF0 && s[1] && s[2] && s[3]) cp = 0x10000, step = 4;
        else return -1;
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;   /* full-width ASCII */
        if (cp == 0x3000) cp = ' ';                      /* ideographic space */
        if (cp < 0x80) {
            if (cp > ' ' && cp != 0x7F) {
                if (n + 1 >= len) return -1;
                out[n++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            }
        } else {
            if (n + step >= len) return -1;
            memcpy(out + n, s, step);
            n += step;
        }
        s += step;
    }
    out[n] = 0;
    return (int)n;
}

/* The byte offsets of each character's start in s (at most max), and the
 * count. */
static int char_starts(const char *s, size_t *at, int max)
{
    int n = 0;
    for (size_t i = 0; s[i] && n < max; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) at[n++] = i;
    return n;
}

/* Every suffix of text (from each of its first MAX_POSITIONS characters),
 * cut to FEES_TOKEN_CHARS characters, as [token, kind, pos]. */
static void add_suffixes(json_t *list, const char *text, int kind)
{
    size_t at[MAX_POSITIONS + FEES_TOKEN_CHARS + 1];
    size_t total = strlen(text);
    int n = char_starts(text, at, MAX_POSITIONS + FEES_TOKEN_CHARS);
    for (int i = 0; i < n && i < MAX_POSITIONS; i++) {
        size_t end = i + FEES_TOKEN_CHARS < n ? at[i + FEES_TOKEN_CHARS] : total;
        json_array_append_new(list, json_pack("[s#ii]", text + at[i], (int)(end - at[i]), kind, i));
    }
}

char *fees_tokens_json(const char *name)
{
    char norm[1024], readings[1024];
    json_t *list = json_array();
    if (!list) return NULL;
    if (fees_query_normalise(name, norm, sizeof(norm)) > 0) add_suffixes(list, norm, KIND_NAME);
    int n = pinyin_initials_all(name, readings, sizeof(readings), MAX_READINGS);
    char *save = NULL, *word = n > 0 ? strtok_r(readings, " ", &save) : NULL;
    for (int i = 0; word; i++, word = strtok_r(NULL, " ", &save))
        add_suffixes(list, word, i == 0 ? KIND_INITIALS : KIND_OTHER_READING);
    char *json = json_dumps(list, JSON_COMPACT);
    json_decref(list);
    return json;
}

/* The item's tokens replaced by those of its (new) name and category, and
 * its natural initials stored beside it, in the caller's transaction. */
int fees_index_item(long long id, const char *name)
{
    char initials[256];
    if (pinyin_initials(name, initials, sizeof(initials)) < 0) initials[0] = 0;
    char *json = fees_tokens_json(name);
    if (!json) return -1;
    int rc = db_exec("DELETE FROM fee_search WHERE item_id = ?", "i", id) < 0 ||
             db_exec("INSERT IGNORE INTO fee_search (token, kind, item_id, pos, name_chars, name_crc, category)"
                     " SELECT t.token, t.kind, i.id, t.pos, CHAR_LENGTH(i.name), CRC32(i.name), i.category"
                     " FROM fee_items i JOIN JSON_TABLE(?, '$[*]' COLUMNS ("
                     " token VARCHAR(24) CHARACTER SET utf8mb4 PATH '$[0]', kind INT PATH '$[1]',"
                     " pos INT PATH '$[2]')) AS t WHERE i.id = ?", "si", json, id) < 0 ||
             db_exec("UPDATE fee_items SET initials = ? WHERE id = ?", "si", initials, id) < 0;
    free(json);
    return rc ? -1 : 0;
}
