/* A flexible worker's plan: its getters and JSON document (`shebao employee --plan --format json`), with the
 * members of `project` where the notions are the same. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "employee_plan.h"
#include "output.h"

const shebao_employee_form *shebao_employee_plan_form(const shebao_employee_plan *pl) { return pl ? &pl->form : NULL; }

const shebao_employee_pension *shebao_employee_plan_claim(const shebao_employee_plan *pl)
{
    return pl ? &pl->claim : NULL;
}

int shebao_employee_plan_figures_get(const shebao_employee_plan *pl, shebao_employee_plan_figures *out)
{
    if (!pl || !out || out->version == 0 || out->version > SHEBAO_EMPLOYEE_PLAN_FIGURES_VERSION)
        return SHEBAO_EUSAGE;
    *out = pl->fig;
    return SHEBAO_OK;
}

size_t shebao_employee_plan_row_count(const shebao_employee_plan *pl) { return pl ? pl->nrows : 0; }

int shebao_employee_plan_row_get(const shebao_employee_plan *pl, size_t i, shebao_employee_plan_row *out)
{
    if (!pl || !out || i >= pl->nrows || out->version == 0 || out->version > SHEBAO_EMPLOYEE_PLAN_ROW_VERSION)
        return SHEBAO_EUSAGE;
    *out = pl->rows[i];
    return SHEBAO_OK;
}

size_t shebao_employee_plan_assumption_count(const shebao_employee_plan *pl) { return pl ? pl->assumptions.n : 0; }

int shebao_employee_plan_assumption(const shebao_employee_plan *pl, size_t i, shebao_param *out)
{
    return pl ? sb_prov_get(&pl->assumptions, i, out) : SHEBAO_EUSAGE;
}

const char *shebao_employee_plan_explain(const shebao_employee_plan *pl)
{
    return pl ? sb_trail_text(&pl->explain) : NULL;
}

static json_t *pjson_month(int y, int m)
{
    char b[32];
    snprintf(b, sizeof b, "%04d-%02d", y, m);
    return json_string(b);
}

static json_t *pjson_ledger(const shebao_employee_plan *pl)
{
    json_t *a = json_array();
    for (size_t i = 0; i < pl->nrows; i++) {
        const shebao_employee_plan_row *r = &pl->rows[i];
        json_t *o = json_object();
        bool paid = r->months > 0;
        json_object_set_new(o, "year", json_integer(r->year));
        json_object_set_new(o, "months", json_integer(r->months));
        json_object_set_new(o, "wage", sb_output_money(r->wage));
        json_object_set_new(o, "wage_assumed", json_boolean(r->wage_assumed));
        json_object_set_new(o, "base", paid ? sb_output_money(r->base) : json_null());
        json_object_set_new(o, "clamped", paid ? json_integer(r->clamped) : json_null());
        json_object_set_new(o, "index", paid ? json_string(r->index) : json_null());
        json_object_set_new(o, "contribution_rate", paid ? json_string(r->contribution_rate) : json_null());
        json_object_set_new(o, "personal", sb_output_money(r->personal));
        json_object_set_new(o, "credited", sb_output_money(r->credited));
        json_object_set_new(o, "rate", json_string(r->rate));
        json_object_set_new(o, "rate_assumed", json_boolean(r->rate_assumed));
        json_object_set_new(o, "interest", sb_output_money(r->interest));
        json_object_set_new(o, "balance", sb_output_money(r->balance));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *pjson_lifetime(const shebao_employee_plan *pl)
{
    const shebao_employee_plan_figures *f = &pl->fig;
    if (!pl->claim.eligible)
        return json_null();
    json_t *l = json_object();
    int b = f->has_breakeven;
    json_object_set_new(l, "breakeven_months", b ? json_integer(f->breakeven_months) : json_null());
    json_object_set_new(l, "breakeven_month", b ? pjson_month(f->breakeven_year, f->breakeven_month) : json_null());
    json_object_set_new(l, "breakeven_age_years", b ? json_integer(f->breakeven_age_years) : json_null());
    json_object_set_new(l, "breakeven_age_months", b ? json_integer(f->breakeven_age_months) : json_null());
    json_object_set_new(l, "mortality", json_string("cl2010-2013-pension"));
    json_object_set_new(l, "discount_rate", json_string(f->discount));
    json_object_set_new(l, "epv_benefits", f->has_epv ? sb_output_money(f->epv_benefits) : json_null());
    json_object_set_new(l, "pv_contributions", f->has_epv ? sb_output_money(f->pv_contributions) : json_null());
    json_object_set_new(l, "moneys_worth_ratio", f->has_ratio ? json_string(f->moneys_worth_ratio) : json_null());
    json_object_set_new(l, "irr", f->has_irr ? json_string(f->irr) : json_null());
    json_object_set_new(l, "expected_inheritable_balance",
                        f->has_epv ? sb_output_money(f->expected_inheritable_balance) : json_null());
    return l;
}

/* The form the plan implies: the inputs of `shebao employee`. */
static json_t *pjson_form(const shebao_employee_plan *pl)
{
    const shebao_employee_form *f = &pl->form;
    json_t *o = json_object();
    json_object_set_new(o, "retirement_month", pjson_month(f->retire_year, f->retire_month));
    json_object_set_new(o, "years_paid", json_string(f->years_paid));
    json_object_set_new(o, "index", json_string(f->index));
    json_object_set_new(o, "account", sb_output_money(f->account));
    json_object_set_new(o, "benefit_base",
                        f->benefit_base == SHEBAO_UNSET ? json_null() : sb_output_money(f->benefit_base));
    return o;
}

int shebao_employee_plan_to_json(const shebao_employee_plan *pl, char **out)
{
    if (out)
        *out = NULL;
    if (!pl || !out)
        return SHEBAO_EUSAGE;
    const shebao_employee_form *f = &pl->form;
    const shebao_employee_pension *c = &pl->claim;
    const char *cat = shebao_retire_category_name(f->category);
    char y[16];
    json_t *root = json_object();
    json_object_set_new(root, "policy", json_string(pl->policy_id));
    json_object_set_new(root, "policy_lineage", json_string(pl->policy_lineage));
    json_object_set_new(root, "birth", pjson_month(f->birth_year, f->birth_month));
    json_object_set_new(root, "category", cat ? json_string(cat) : json_null());
    json_object_set_new(root, "eligible", json_boolean(c->eligible));
    json_object_set_new(root, "years_paid", json_string(c->years));
    json_object_set_new(root, "index", json_string(f->index));
    sb_retire_years_text(c->min_months, y, sizeof y);
    json_object_set_new(root, "min_years", json_string(y));
    json_object_set_new(root, "months_paid", json_integer(pl->fig.months));
    json_object_set_new(root, "personal_total", sb_output_money(pl->fig.personal_total));
    json_object_set_new(root, "claim_month", pjson_month(f->retire_year, f->retire_month));
    json_object_set_new(root, "retirement_month", pjson_month(f->retire_year, f->retire_month));
    json_object_set_new(root, "age_years", json_integer(c->age_years));
    json_object_set_new(root, "age_months", json_integer(c->age_months));
    json_object_set_new(root, "wage_growth_assumed", json_string(pl->fig.wage_growth));
    json_object_set_new(root, "benefit_base", sb_output_money(c->benefit_base));
    json_object_set_new(root, "benefit_base_year", json_integer(c->base_year));
    json_object_set_new(root, "benefit_base_provisional", json_boolean(c->provisional));
    json_object_set_new(root, "benefit_base_projected", json_boolean(pl->fig.benefit_base_projected));
    json_object_set_new(root, "form", pjson_form(pl));
    json_object_set_new(root, "claim", sb_employee_claim_json(c));
    json_object_set_new(root, "ledger", pjson_ledger(pl));
    json_object_set_new(root, "lifetime", pjson_lifetime(pl));
    json_t *as = json_array();
    for (size_t i = 0; i < pl->assumptions.n; i++) {
        shebao_param q;
        if (sb_prov_get(&pl->assumptions, i, &q) == SHEBAO_OK)
            json_array_append_new(as, sb_output_param_json(&q));
    }
    json_object_set_new(root, "assumptions", as);
    if (pl->explain.on) /* English in every language */
        json_object_set_new(root, "explain", json_string(pl->explain.en.s ? pl->explain.en.s : ""));
    *out = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}
