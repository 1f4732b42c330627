/*
 * fields.c - declarative form input.
 *
 * A handler declares its fields in a table (name, type, required, limits,
 * label) and calls form_read().  Every value is trimmed and checked against
 * its row; a handler only touches the validated values in `struct form`.
 * Each failure puts a message from the language file beside the field
 * (Form.<name>.error) and into the summary at the top of the page
 * (Errors.N), and every submitted value is put back (Form.<name>) so the
 * form is shown again as the person filled it - except secrets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "portal.h"
#include "identity.h"

/* Records an error for field `index` with a text already made: beside the
 * field (Form.<name>.error) and in the summary at the top (Errors.N). */
void form_error_text(struct request *r, struct form *f, int index, const char *text)
{
    char name[128];
    const struct field *fd = &f->fields[index];
    snprintf(name, sizeof(name), "Form.%s.error", fd->name);
    hdf_set_value(r->hdf, name, text);
    snprintf(name, sizeof(name), "Errors.%d.field", f->errors);
    hdf_set_value(r->hdf, name, fd->name);
    snprintf(name, sizeof(name), "Errors.%d.message", f->errors);
    hdf_set_value(r->hdf, name, text);
    f->errors++;
}

/* Records an error for field `index`: the message is Lang.Error.<code>
 * with {label}, {min} and {max} filled in. */
void form_error(struct request *r, struct form *f, int index, const char *code)
{
    const struct field *fd = &f->fields[index];
    char key[96], num[32];
    HDF *vars = NULL;
    STRING c;
    NEOERR *err = hdf_init(&vars);
    if (err) {
        /* out of memory: the error is still recorded, unfilled */
        nerr_ignore(&err);
        vars = NULL;
    } else {
        hdf_set_value(vars, "label", fd->label ? lang(fd->label) : fd->name);
        snprintf(num, sizeof(num), "%lld", fd->min);
        hdf_set_value(vars, "min", num);
        snprintf(num, sizeof(num), "%lld", fd->max);
        hdf_set_value(vars, "max", num);
    }
    snprintf(key, sizeof(key), "Error.%s", code);
    string_init(&c);
    text_fill(&c, lang(key), vars);
    if (vars) hdf_destroy(&vars);
    form_error_text(r, f, index, c.buf ? c.buf : "");
    string_clear(&c);
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Trimmed copy of the raw value, with CRLF turned into LF. */
static char *clean_copy(const char *raw, int keep_as_is)
{
    size_t len = strlen(raw);
    char *out = malloc(len + 1), *w = out;
    if (!out) return NULL;
    if (keep_as_is) return memcpy(out, raw, len + 1);
    while (len && is_space(*raw)) raw++, len--;
    while (len && is_space(raw[len - 1])) len--;
    for (size_t i = 0; i < len; i++) {
        if (raw[i] == '\r' && i + 1 < len && raw[i + 1] == '\n') continue;
        *w++ = raw[i];
    }
    *w = 0;
    return out;
}

/* The value as the form shows it again: control characters, which HTML
 * cannot carry in an attribute or a text area, each become U+FFFD (�), so
 * the person sees where the refused character was and nothing else moves.
 * NULL when there is nothing to replace (or no memory: shown as it is). */
static char *display_copy(const char *v, int multiline)
{
    size_t bad = 0, len = strlen(v);
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7F) bad++;
    if (!bad) return NULL;
    char *out = malloc(len + bad * 2 + 1), *w = out;
    if (!out) return NULL;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7F) {
            memcpy(w, "\xEF\xBF\xBD", 3);
            w += 3;
        } else {
            *w++ = (char)*p;
        }
    }
    *w = 0;
    return out;
}

static const char *check_value(const struct field *fd, const char *v, struct form_value *out)
{
    long chars;
    switch (fd->type) {
    case FIELD_TEXT:
    case FIELD_CODE:
    case FIELD_SECRET:
    case FIELD_MULTILINE:
        if (text_has_control(v, fd->type == FIELD_MULTILINE)) return "control_chars";
        chars = utf8_chars(v);
        if (fd->max && chars > fd->max) return "too_long";
        if (chars < fd->min) return "too_short";
        return NULL;
    case FIELD_INT:
        return parse_int(v, fd->min, fd->max, &out->number) ? NULL : "not_in_range";
    case FIELD_PICK:
        return parse_int(v, fd->min, fd->max, &out->number) ? NULL : "not_a_choice";
    case FIELD_CHOICE:
        for (int i = 0; fd->choices && fd->choices[i]; i++)
            if (strcmp(fd->choices[i], v) == 0) {
                out->number = i;
                return NULL;
            }
        return "not_a_choice";
    case FIELD_DATETIME:
        return parse_datetime_local(v, out->datetime) ? NULL : "not_a_datetime";
    case FIELD_CHECKBOX:
        out->number = 1;
        return NULL;
    case FIELD_MOBILE:
        return cn_mobile_check(v) == 0 ? NULL : "mobile_invalid";
    case FIELD_MONEY:
        if (!money_parse_yuan(v, &out->number)) return "not_money";
        return out->number < fd->min || (fd->max && out->number > fd->max) ? "not_in_range" : NULL;
    case FIELD_DATE:
        return parse_date(v, out->datetime) ? NULL : "not_a_date";
    }
    return "invalid";
}

/* What a required field says when left empty: tick a box, choose from a
 * list, or fill in. */
static const char *missing_code(enum field_type type)
{
    if (type == FIELD_CHECKBOX) return "must_tick";
    if (type == FIELD_CHOICE || type == FIELD_PICK) return "must_choose";
    return "required";
}

/* Reads and checks every field of the table; returns the number of errors
 * (0 = every value in f->v is valid). */
int form_read(struct request *r, const struct field *fields, struct form *f)
{
    char name[128];
    memset(f, 0, sizeof(*f));
    f->fields = fields;
    for (int i = 0; fields[i].name && i < FIELD_MAX; i++, f->count++) {
        const struct field *fd = &fields[i];
        snprintf(name, sizeof(name), "Query.%s", fd->name);
        const char *raw = hdf_get_value(r->hdf, name, "");
        char *value = clean_copy(raw, fd->type == FIELD_SECRET);
        if (!value) return ++f->errors;
        if (fd->type == FIELD_MOBILE) normalise_mobile(value, value, strlen(value) + 1);
        else if (fd->type == FIELD_CODE) {
            normalise_typed_number(value, value, strlen(value) + 1, 0);
            normalise_id_shape(value);
        }
        snprintf(name, sizeof(name), "Form.%s", fd->name);
        if (fd->type != FIELD_SECRET) {
            char *shown = display_copy(value, fd->type == FIELD_MULTILINE);
            hdf_set_value(r->hdf, name, shown ? shown : value);
            free(shown);
        }
        if (!*value) {
            if (fd->required) form_error(r, f, i, missing_code(fd->type));
            free(value);
            continue;
        }
        const char *code = check_value(fd, value, &f->v[i]);
        if (!code && fd->check) code = fd->check(f, value);
        if (code) {
            form_error(r, f, i, code);
        } else if (fd->type == FIELD_SECRET) {
            /* kept out of the HDF tree, so no template can ever print it */
            snprintf(name, sizeof(name), "Secret.%s", fd->name);
            hdf_set_value(r->private_hdf, name, value);
            f->v[i].text = hdf_get_value(r->private_hdf, name, NULL);
        } else {
            f->v[i].text = hdf_get_value(r->hdf, name, NULL);
        }
        free(value);
    }
    return f->errors;
}

/* Fills Form.<name> from a stored row (prefix.<name>) to edit it; DATETIME
 * values become what <input type=datetime-local> shows. */
void form_fill(struct request *r, const struct field *fields, HDF *row)
{
    char name[128];
    for (int i = 0; fields[i].name; i++) {
        const char *v = hdf_get_value(row, fields[i].name, NULL);
        if (!v || fields[i].type == FIELD_SECRET) continue;
        snprintf(name, sizeof(name), "Form.%s", fields[i].name);
        if (fields[i].type == FIELD_DATETIME && strlen(v) >= 16) {
            char local[17];
            memcpy(local, v, 16);
            local[10] = 'T';
            local[16] = 0;
            hdf_set_value(r->hdf, name, local);
        } else {
            hdf_set_value(r->hdf, name, v);
        }
    }
}

/* Puts what was typed into the fields of `fields` back into the form
 * unchecked (never secrets): the fields a step of a page does not use yet,
 * kept so nothing the person typed is lost when the page comes back. */
void form_keep(struct request *r, const struct field *fields)
{
    char name[128];
    for (int i = 0; fields[i].name && i < FIELD_MAX; i++) {
        if (fields[i].type == FIELD_SECRET) continue;
        snprintf(name, sizeof(name), "Query.%s", fields[i].name);
        const char *raw = hdf_get_value(r->hdf, name, NULL);
        if (!raw) continue;
        char *value = clean_copy(raw, 0);
        if (!value) continue;
        snprintf(name, sizeof(name), "Form.%s", fields[i].name);
        char *shown = display_copy(value, fields[i].type == FIELD_MULTILINE);
        hdf_set_value(r->hdf, name, shown ? shown : value);
        free(shown);
        free(value);
    }
}
