/* What a person may choose (include/shebao/choices.h): the grade table in force in a year, and the years a person
 * may still pay with the policy's back-payment window. The same lookups and bounds as shebao_project()'s checks
 * (sb_inforce_grades, sb_resident_last_payable), so that a choice made from these results passes them. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "output.h"
#include "resident.h"

struct shebao_grade_list {
    char *policy_id;
    int year;
    char table_from[8];
    shebao_grade_option *g;
    size_t n;
};

/* The policy's resident section, or SHEBAO_EPOLICY naming the policy. */
static int resident_section(shebao_ctx *ctx, const shebao_policy *P, const sb_resident **rp)
{
    if (!P->rp.present)
        return sb_fail(ctx, SHEBAO_EPOLICY, "policy %s has no resident_pension section", P->id);
    *rp = &P->rp;
    return SHEBAO_OK;
}

static int check_year(shebao_ctx *ctx, const char *what, int year)
{
    if (year < SB_YEAR_MIN || year > SB_YEAR_MAX)
        return sb_fail(ctx, SHEBAO_EINPUT, "%s %d: not a valid year (%d-%d)", what, year, SB_YEAR_MIN, SB_YEAR_MAX);
    return SHEBAO_OK;
}

int shebao_policy_grades(shebao_ctx *ctx, const shebao_policy *P, int year, shebao_grade_list **out)
{
    if (out)
        *out = NULL;
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!P || !out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL policy or output pointer");
    const sb_resident *rp = NULL;
    TRY(resident_section(ctx, P, &rp));
    TRY(check_year(ctx, "grades: year", year));
    const sb_grade_table *t = sb_inforce_grades(rp, year);
    if (!t) {
        sb_ok(ctx);
        return SHEBAO_NA;
    }
    shebao_grade_list *g = calloc(1, sizeof *g);
    if (!g || !(g->policy_id = strdup(P->id)) || !(g->g = calloc(t->n ? t->n : 1, sizeof *g->g))) {
        shebao_grade_list_free(g);
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    }
    g->year = year;
    sb_month_format(t->from, g->table_from, sizeof g->table_from);
    for (size_t i = 0; i < t->n; i++)
        g->g[i] = (shebao_grade_option){t->g[i].grade, t->g[i].subsidy, t->g[i].daijiao,
                                        P->params[t->g[i].param].status};
    g->n = t->n;
    *out = g;
    return sb_ok(ctx);
}

void shebao_grade_list_free(shebao_grade_list *g)
{
    if (!g)
        return;
    free(g->policy_id);
    free(g->g);
    free(g);
}

int shebao_grade_list_year(const shebao_grade_list *g) { return g ? g->year : 0; }

const char *shebao_grade_list_table_from(const shebao_grade_list *g) { return g ? g->table_from : NULL; }

size_t shebao_grade_list_count(const shebao_grade_list *g) { return g ? g->n : 0; }

int shebao_grade_list_item(const shebao_grade_list *g, size_t i, shebao_grade_option *out)
{
    if (!g || !out || i >= g->n)
        return SHEBAO_EUSAGE;
    *out = g->g[i];
    return SHEBAO_OK;
}

int shebao_grade_list_to_json(const shebao_grade_list *g, char **out)
{
    if (!out)
        return SHEBAO_EUSAGE;
    *out = NULL;
    if (!g)
        return SHEBAO_EUSAGE;
    json_t *root = json_object(), *arr = json_array();
    if (!root || !arr) {
        json_decref(root);
        json_decref(arr);
        return SHEBAO_ENOMEM;
    }
    json_object_set_new(root, "policy", json_string(g->policy_id));
    json_object_set_new(root, "year", json_integer(g->year));
    json_object_set_new(root, "table_from", json_string(g->table_from));
    for (size_t i = 0; i < g->n; i++) {
        json_t *o = json_object();
        if (!o)
            continue; /* (the dump below is then refused: the array is short) */
        json_object_set_new(o, "grade", sb_output_money(g->g[i].grade));
        json_object_set_new(o, "subsidy", sb_output_money(g->g[i].subsidy));
        json_object_set_new(o, "daijiao", json_boolean(g->g[i].daijiao));
        json_object_set_new(o, "status", json_string(shebao_status_name(g->g[i].status)));
        json_array_append_new(arr, o);
    }
    json_object_set_new(root, "grades", arr);
    if (json_array_size(arr) == g->n)
        *out = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}

/* The first year of the policy's first grade table (INT_MAX: no table). */
static int first_table_year(const sb_resident *rp)
{
    int y = INT_MAX;
    for (size_t i = 0; i < rp->ntables; i++)
        if (SB_MONTH_YEAR(rp->tables[i].from) < y)
            y = SB_MONTH_YEAR(rp->tables[i].from);
    return y;
}

int shebao_policy_pay_window(shebao_ctx *ctx, const shebao_policy *P, int birth_year, int birth_month, int from_year,
                             shebao_pay_window *out)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!P || !out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL policy or output pointer");
    if (sb_check_version(ctx, "shebao_pay_window", out->version, SHEBAO_PAY_WINDOW_VERSION,
                         "SHEBAO_PAY_WINDOW_INIT") != SHEBAO_OK)
        return SHEBAO_EUSAGE;
    const sb_resident *rp = NULL;
    TRY(resident_section(ctx, P, &rp));
    TRY(sb_month_check_birth(ctx, birth_year, birth_month));
    TRY(check_year(ctx, "from", from_year));
    /* docs/resident-pension.md §2: the claim month; §1: the first and last payable years */
    sb_month claim = SB_MONTH_MAKE(birth_year, birth_month) + rp->claim_age * 12 + rp->offset_months;
    int yc = SB_MONTH_YEAR(claim), last = sb_resident_last_payable(rp, birth_year, yc);
    int first = from_year, turns16 = birth_year + 16, tables = first_table_year(rp);
    if (first < turns16)
        first = turns16;
    if (first < tables)
        first = tables;
    /* §4: years required; §3: the back payment at the claim */
    unsigned version = out->version;
    *out = (shebao_pay_window)SHEBAO_PAY_WINDOW_INIT;
    out->version = version;
    out->has_years = first <= last;
    out->first_year = out->has_years ? first : 0;
    out->last_year = last;
    out->claim_year = yc;
    out->claim_month = SB_MONTH_MON(claim);
    out->years_required = sb_resident_years_required(rp, yc);
    out->backpay_year = yc;
    out->backpay_max_grade = rp->backpay_max;
    out->backpay_max_total = rp->min_years;
    out->backpay_subsidised = rp->backpay_subsidised;
    out->backpay_counts_for_years_pension = rp->backpay_counts;
    return sb_ok(ctx);
}
