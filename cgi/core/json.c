/*
 * json.c - JSON read and written with Jansson, never by hand: a JSON
 * object's members as HDF values (the outbox's message parameters), and
 * text escaped for JSON output.
 */
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include "portal.h"

/* The members of the JSON object `text` as children of `node` (strings as
 * they are, numbers and booleans as their JSON text; nested values are
 * skipped).  Returns the number of members set, or -1 when `text` is not
 * a JSON object. */
int json_object_to_hdf(const char *text, HDF *node)
{
    json_error_t error;
    json_t *root = json_loads(text ? text : "", JSON_REJECT_DUPLICATES, &error);
    if (!root || !json_is_object(root)) {
        json_decref(root);
        return -1;
    }
    const char *name;
    json_t *value;
    int n = 0;
    json_object_foreach(root, name, value) {
        char buf[64];
        const char *s = NULL;
        if (json_is_string(value)) s = json_string_value(value);
        else if (json_is_integer(value)) snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT, json_integer_value(value)), s = buf;
        else if (json_is_true(value)) s = "true";
        else if (json_is_false(value)) s = "false";
        if (!s || !*name || strchr(name, '.')) continue;
        hdf_set_value(node, name, s);
        n++;
    }
    json_decref(root);
    return n;
}
