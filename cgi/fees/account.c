/*
 * fees/account.c - 一日清单: an inpatient stay's fees (admission number and
 * the last four digits of the patient's mobile or ID number), and an
 * outpatient visit's (visit number, the same way).
 *
 * The lookup goes through lookup.c: failed attempts are limited per
 * address and per number (rules fees.client and fees.number, sql/010),
 * whether the number exists or not, and a wrong number and a wrong factor
 * get the same answer.  A lookup that finds its stay is sent on (303) to
 * the list's signed link, valid 30 minutes, which also opens its printable
 * view; the list itself is never in a URL anybody could guess.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "fees.h"
#include "amount.h"

#define LINK_SECONDS (30 * 60)

static const struct lookup_policy limits = {"fees.client", "fees.number"};

enum { L_NUMBER, L_FACTOR };
static const char *factor_check(const struct form *f, const char *value)
{
    (void)f;
    size_t n = strlen(value);
    if (n != 4 || strspn(value, "0123456789Xx") != 4) return "factor_bad";
    return NULL;
}
static const struct field inpatient_fields[] = {
    [L_NUMBER] = {"number", FIELD_CODE, 1, 4, 20, NULL, "Fees.admission_no"},
    [L_FACTOR] = {"factor", FIELD_CODE, 1, 4, 4, NULL, "Fees.factor", factor_check},
    {0},
};
static const struct field outpatient_fields[] = {
    [L_NUMBER] = {"number", FIELD_CODE, 1, 4, 20, NULL, "Fees.visit_no"},
    [L_FACTOR] = {"factor", FIELD_CODE, 1, 4, 4, NULL, "Fees.factor", factor_check},
    {0},
};

static int form_page(struct request *r, const char *kind, int status)
{
    r->status = status;
    hdf_set_value(r->hdf, "Kind", kind);
    return render(r, "fees/lookup.cs");
}

/* GET /fees/inpatient, /fees/outpatient */
int fees_inpatient_form(struct request *r) { return form_page(r, "inpatient", 200); }
int fees_outpatient_form(struct request *r) { return form_page(r, "outpatient", 200); }

static void upper(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z') *s -= 32;
}

/* The list of a stay or visit, its days, totals, deposits and balance. */
static int show_list(struct request *r, const char *kind, const char *number, const char *token)
{
    int found = db_row(r->hdf, "Account",
        "SELECT id, number, patient_name, department, ward, bed,"
        " DATE_FORMAT(admitted_at, '%Y-%m-%d %H:%i') AS admitted,"
        " DATE_FORMAT(discharged_at, '%Y-%m-%d %H:%i') AS discharged,"
        " DATEDIFF(COALESCE(DATE(discharged_at), CURDATE()), DATE(admitted_at)) + 1 AS days, low_balance_fen"
        " FROM fee_accounts WHERE kind = ? AND number = ?", "ss", kind, number);
    if (found <= 0) return found < 0 ? 500 : 404;
    long long id = hdf_get_int_value(r->hdf, "Account.id", 0);
    /* the name masked: 张*, 欧阳** */
    const char *name = hdf_get_value(r->hdf, "Account.patient_name", "");
    char masked[96];
    size_t first = *name ? 1 : 0;
    while (first && name[first] && ((unsigned char)name[first] & 0xC0) == 0x80) first++;
    long rest = *name ? utf8_chars(name) - 1 : 0;
    snprintf(masked, sizeof(masked), "%.*s", (int)first, name);
    for (long i = 0; i < rest && i < 8; i++) strncat(masked, "*", sizeof(masked) - strlen(masked) - 1);
    hdf_set_value(r->hdf, "Account.patient_name", masked);

    HDF *tmp = r->private_hdf;
    int n = db_rows(tmp, "Lines",
        "SELECT DATE_FORMAT(served_on, '%Y-%m-%d') AS day, name, spec, unit, unit_price_fen, quantity_milli,"
        " amount_fen, insurance_class FROM fee_account_items WHERE account_id = ?"
        " ORDER BY served_on, id LIMIT 5000", "i", id);
    if (n < 0) return 500;
    long long total = 0, day_total = 0;
    int day_index = -1, line_index = 0;
    char key[64], money[32], qty[32], day[11] = "";
    HDF *day_node = NULL;
    for (HDF *l = hdf_get_child(tmp, "Lines"); l; l = hdf_obj_next(l)) {
        const char *d = hdf_get_value(l, "day", "");
        if (strcmp(d, day)) {
            if (day_node) amount_format(day_total, money, sizeof(money)), hdf_set_value(day_node, "total", money);
            snprintf(day, sizeof(day), "%s", d);
            snprintf(key, sizeof(key), "Days.%d", ++day_index);
            hdf_get_node(r->hdf, key, &day_node);
            hdf_set_value(day_node, "date", d);
            day_total = 0;
            line_index = 0;
        }
        long long amount = strtoll(hdf_get_value(l, "amount_fen", "0"), NULL, 10);
        amount_add(&day_total, amount);
        amount_add(&total, amount);
        snprintf(key, sizeof(key), "Items.%d", line_index++);
        HDF *item = NULL;
        hdf_get_node(day_node, key, &item);
        hdf_set_value(item, "name", hdf_get_value(l, "name", ""));
        hdf_set_value(item, "spec", hdf_get_value(l, "spec", ""));
        hdf_set_value(item, "unit", hdf_get_value(l, "unit", ""));
        hdf_set_value(item, "class", hdf_get_value(l, "insurance_class", ""));
        amount_format(strtoll(hdf_get_value(l, "unit_price_fen", "0"), NULL, 10), money, sizeof(money));
        hdf_set_value(item, "price", money);
        quantity_format(strtoll(hdf_get_value(l, "quantity_milli", "0"), NULL, 10), qty, sizeof(qty));
        hdf_set_value(item, "quantity", qty);
        amount_format(amount, money, sizeof(money));
        hdf_set_value(item, "amount", money);
    }
    if (day_node) amount_format(day_total, money, sizeof(money)), hdf_set_value(day_node, "total", money);
    if (db_rows(tmp, "Deposits", "SELECT DATE_FORMAT(paid_at, '%Y-%m-%d %H:%i') AS paid_at, amount_fen, method"
                " FROM fee_deposits WHERE account_id = ? ORDER BY paid_at, id LIMIT 500", "i", id) < 0)
        return 500;
    long long deposits = 0;
    int k = 0;
    for (HDF *d = hdf_get_child(tmp, "Deposits"); d; d = hdf_obj_next(d), k++) {
        long long fen = strtoll(hdf_get_value(d, "amount_fen", "0"), NULL, 10);
        amount_add(&deposits, fen);
        snprintf(key, sizeof(key), "Deposits.%d", k);
        HDF *node = NULL;
        hdf_get_node(r->hdf, key, &node);
        hdf_set_value(node, "paid_at", hdf_get_value(d, "paid_at", ""));
        hdf_set_value(node, "method", hdf_get_value(d, "method", ""));
        amount_format(fen, money, sizeof(money));
        hdf_set_value(node, "amount", money);
    }
    long long balance = deposits - total;
    amount_format(total, money, sizeof(money));
    hdf_set_value(r->hdf, "Totals.fees", money);
    amount_format(deposits, money, sizeof(money));
    hdf_set_value(r->hdf, "Totals.deposits", money);
    amount_format(balance, money, sizeof(money));
    hdf_set_value(r->hdf, "Totals.balance", money);
    if (!strcmp(kind, "inpatient") && balance < strtoll(hdf_get_value(r->hdf, "Account.low_balance_fen", "0"), NULL, 10)) {
        hdf_set_int_value(r->hdf, "Totals.low", 1);
        amount_format(strtoll(hdf_get_value(r->hdf, "Account.low_balance_fen", "0"), NULL, 10), money, sizeof(money));
        hdf_set_value(r->hdf, "Totals.low_limit", money);
    }
    hdf_set_value(r->hdf, "Kind", kind);
    hdf_set_value(r->hdf, "Link.token", token);
    const char *print = req_param(r, "print");
    if (print && !strcmp(print, "1")) hdf_set_int_value(r->hdf, "Print", 1);
    r->cache_control = NULL;
    return render(r, "fees/list.cs");
}

static int lookup(struct request *r, const char *kind, const struct field *fields)
{
    struct form f;
    char number[24], path[256], token[SIGNED_TOKEN_MAX];
    hdf_set_value(r->hdf, "Kind", kind);
    if (form_read(r, fields, &f)) return form_page(r, kind, 422);
    snprintf(number, sizeof(number), "%s", f.v[L_NUMBER].text);
    upper(number);
    char factor[5];
    snprintf(factor, sizeof(factor), "%s", f.v[L_FACTOR].text);
    upper(factor);
    int allowed = lookup_allowed(r, &limits, &f, L_NUMBER, number);
    if (allowed < 0) return 503;
    if (!allowed) return form_page(r, kind, 429);
    int found = db_row(r->private_hdf, "Found",
        "SELECT number FROM fee_accounts WHERE kind = ? AND number = ? AND (mobile_last4 = ? OR id_last4 = ?)",
        "ssss", kind, number, factor, factor);
    if (found < 0) return 500;
    if (found == 0) {
        form_error(r, &f, L_NUMBER, "fees_not_found");
        return form_page(r, kind, 422);
    }
    lookup_found(r, &limits, number);
    if (signed_token_make("fees", kind, number, (long long)time(NULL) + LINK_SECONDS, token, sizeof(token))) return 500;
    snprintf(path, sizeof(path), "/fees/%s/list?t=%s", kind, token);
    return redirect(r, path);
}

/* POST /fees/inpatient, /fees/outpatient */
int fees_inpatient(struct request *r) { return lookup(r, "inpatient", inpatient_fields); }
int fees_outpatient(struct request *r) { return lookup(r, "outpatient", outpatient_fields); }

static int list(struct request *r, const char *kind)
{
    char number[72];
    long long expires;
    const char *t = req_param(r, "t");
    if (!t || strlen(t) >= SIGNED_TOKEN_MAX) return 404;
    enum signed_state s = signed_token_open("fees", kind, t, number, sizeof(number), &expires);
    if (s == SIGNED_EXPIRED) {
        hdf_set_int_value(r->hdf, "Expired", 1);
        return form_page(r, kind, 200);
    }
    if (s != SIGNED_VALID) return 404;
    return show_list(r, kind, number, t);
}

/* GET /fees/inpatient/list?t=[&print=1], /fees/outpatient/list?t= */
int fees_inpatient_list(struct request *r) { return list(r, "inpatient"); }
int fees_outpatient_list(struct request *r) { return list(r, "outpatient"); }
