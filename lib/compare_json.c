/* The comparison as the JSON document of `shebao compare --format json` (docs/teaching.md): the grid, each cell
 * built from its projection's own JSON, the marginals, the summary and its ends, and a person midway's years
 * already paid, back payment and path over grade tables. */
#include <string.h>

#include <jansson.h>

#include "comparison.h"
#include "output.h"

/* ---- JSON -------------------------------------------------------------------------------------------------- */

/* A cell: grade, years, and every member of its projection's `claim` and `lifetime` objects, taken from
 * the tree shebao_projection_to_json() prints (sb_output_projection_json) so that the two can never differ. */
static json_t *cell_json(const shebao_comparison *c, size_t i, size_t j)
{
    const shebao_projection *p = c->cells[i * c->ny + j];
    json_t *pj = sb_output_projection_json(p, false);
    if (!pj)
        return NULL;
    json_t *cell = json_object();
    json_object_set_new(cell, "grade", sb_output_money(c->grades[i]));
    json_object_set_new(cell, "years", json_integer(c->years[j]));
    static const char *const top[] = {"eligible",     "years_paid",  "years_missing", "backpay_years",
                                      "personal_total", "claim_month", "not_eligible"};
    for (size_t k = 0; k < sizeof top / sizeof top[0]; k++) {
        json_t *v = json_object_get(pj, top[k]);
        if (v)
            json_object_set(cell, top[k], v);
    }
    json_t *claim = json_object_get(pj, "claim"), *life = json_object_get(pj, "lifetime");
    if (json_is_object(claim))
        json_object_update(cell, claim);
    if (json_is_object(life))
        json_object_update(cell, life);
    shebao_compare_cell f;
    sb_compare_cell(p, c->grades[i], c->years[j], &f);
    json_object_set_new(cell, "breakeven_age_years", f.has_breakeven ? json_integer(f.breakeven_age_years) : json_null());
    json_object_set_new(cell, "breakeven_age_months",
                        f.has_breakeven ? json_integer(f.breakeven_age_months) : json_null());
    json_object_set_new(cell, "pension_per_10000_paid", f.has_per_10000 ? sb_output_money(f.per_10000) : json_null());
    json_decref(pj);
    return cell;
}

static json_t *delta_json(const shebao_compare_delta *d)
{
    json_t *o = json_object();
    json_object_set_new(o, "kind", json_string(d->kind == SHEBAO_DELTA_GRADE ? "grade" : "year"));
    json_object_set_new(o, "from_grade", sb_output_money(d->from_grade));
    json_object_set_new(o, "from_years", json_integer(d->from_years));
    json_object_set_new(o, "to_grade", sb_output_money(d->to_grade));
    json_object_set_new(o, "to_years", json_integer(d->to_years));
    json_object_set_new(o, "extra_per_year", sb_output_money(d->extra_per_year));
    json_object_set_new(o, "extra_paid", sb_output_money(d->extra_paid));
    json_object_set_new(o, "available", json_boolean(d->available));
    json_object_set_new(o, "extra_monthly", d->available ? sb_output_money(d->extra_monthly) : json_null());
    json_object_set_new(o, "recoup_months", d->has_recoup ? json_integer(d->recoup_months) : json_null());
    json_object_set_new(o, "epv_difference", d->has_epv ? sb_output_money(d->epv_difference) : json_null());
    return o;
}

static json_t *segments_json(const shebao_segment *s, size_t n)
{
    json_t *a = json_array();
    for (size_t k = 0; k < n; k++) {
        json_t *o = json_object();
        json_object_set_new(o, "first_year", json_integer(s[k].first_year));
        json_object_set_new(o, "last_year", json_integer(s[k].last_year));
        json_object_set_new(o, "grade", sb_output_money(s[k].grade));
        json_array_append_new(a, o);
    }
    return a;
}

/* "backpay": {"mode": "none" | "fixed" | "auto", "years" (fixed) or null, "grade" or null} */
static json_t *backpay_json(const shebao_comparison *c)
{
    json_t *o = json_object();
    const char *mode = c->bp_auto ? "auto" : c->bp_years ? "fixed" : "none";
    json_object_set_new(o, "mode", json_string(mode));
    json_object_set_new(o, "years", c->bp_years && !c->bp_auto ? json_integer(c->bp_years) : json_null());
    json_object_set_new(o, "grade", c->bp_auto ? sb_output_money(c->bp_auto) : c->bp_years ? sb_output_money(c->bp_grade)
                                                                                    : json_null());
    return o;
}

/* "summary_ends": the two ends of the summary at the longest length: path or cells, eligible, advice. */
static json_t *ends_json(const shebao_comparison *c)
{
    json_t *o = json_object();
    json_object_set_new(o, "path", json_boolean(c->npath[0] != 0));
    json_object_set_new(o, "years", json_integer(c->years[c->ny - 1]));
    static const char *const name[] = {"lowest", "highest"};
    for (int h = 0; h < 2; h++) {
        const shebao_projection *p = shebao_comparison_end(c, c->ny - 1, h);
        json_t *e = json_object();
        json_object_set_new(e, "eligible", json_boolean(shebao_projection_eligible(p)));
        json_object_set_new(e, "advice", sb_output_advice_json(p));
        json_object_set_new(o, name[h], e);
    }
    return o;
}

int shebao_comparison_to_json(const shebao_comparison *c, char **out)
{
    if (!c || !out)
        return SHEBAO_EUSAGE;
    *out = NULL;
    json_t *root = json_object();
    char b[8];
    sb_month_format(c->birth, b, sizeof b);
    json_object_set_new(root, "policy", json_string(c->policy_id));
    json_object_set_new(root, "policy_lineage", json_string(c->policy_lineage));
    json_object_set_new(root, "birth", json_string(b));
    json_object_set_new(root, "sex", json_string(c->sex == SHEBAO_SEX_FEMALE ? "female" : "male"));
    json_object_set_new(root, "start_year", json_integer(c->start));
    json_object_set_new(root, "claim_month", json_string(c->claim));
    json_object_set_new(root, "max_years", json_integer(c->max_years));
    json_object_set_new(root, "paid", segments_json(c->paid, c->npaid));
    json_object_set_new(root, "backpay", backpay_json(c));
    json_t *path = json_null();
    if (c->npath[0]) {
        path = json_object();
        json_object_set_new(path, "lowest", segments_json(c->path[0], c->npath[0]));
        json_object_set_new(path, "highest", segments_json(c->path[1], c->npath[1]));
    }
    json_object_set_new(root, "path", path);
    json_t *g = json_array(), *y = json_array(), *ex = json_array(), *cells = json_array(), *marg = json_array(),
           *as = json_array();
    for (size_t i = 0; i < c->ng; i++)
        json_array_append_new(g, sb_output_money(c->grades[i]));
    for (size_t j = 0; j < c->ny; j++)
        json_array_append_new(y, json_integer(c->years[j]));
    for (size_t k = 0; k < c->nex; k++) {
        const sb_excluded *x = &c->ex[k];
        json_t *o = json_object();
        json_object_set_new(o, "grade", sb_output_money(x->grade));
        json_object_set_new(o, "daijiao", json_boolean(x->daijiao));
        json_object_set_new(o, "table_from", json_string(x->table_from));
        json_object_set_new(o, "first_year", json_integer(x->first_year));
        json_object_set_new(o, "last_year", json_integer(x->last_year));
        json_object_set_new(o, "reason", json_string(x->reason));
        json_array_append_new(ex, o);
    }
    bool ok = true;
    for (size_t i = 0; i < c->ng; i++)
        for (size_t j = 0; j < c->ny; j++) {
            json_t *cell = cell_json(c, i, j);
            ok = ok && cell;
            if (cell)
                json_array_append_new(cells, cell);
        }
    for (size_t k = 0; k < c->nmarg; k++)
        json_array_append_new(marg, delta_json(&c->marg[k]));
    for (size_t k = 0; k < c->nassumptions; k++)
        json_array_append_new(as, sb_output_param_json(&c->assumptions[k]));
    json_object_set_new(root, "grades", g);
    json_object_set_new(root, "years", y);
    json_object_set_new(root, "excluded_grades", ex);
    json_object_set_new(root, "cells", cells);
    json_object_set_new(root, "marginal", marg);
    shebao_compare_delta d;
    json_object_set_new(root, "summary", shebao_comparison_summary(c, c->ny - 1, &d) == SHEBAO_OK ? delta_json(&d)
                                                                                                   : json_null());
    json_object_set_new(root, "summary_ends", ends_json(c));
    json_object_set_new(root, "assumptions", as);
    if (ok)
        *out = sb_output_dumps(root);
    json_decref(root);
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}
