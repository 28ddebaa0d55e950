/* Projection results: getters, the JSON contract of `shebao project --format json`, the explanation. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "output.h"
#include "resident.h"

void shebao_projection_free(shebao_projection *p)
{
    if (!p)
        return;
    free(p->policy_id);
    free(p->policy_lineage);
    free(p->rows);
    free(p->rates);
    free(p->flows);
    free(p->used.v);
    sb_prov_clear(&p->assumptions);
    sb_trail_free(&p->explain);
    free(p);
}

int shebao_projection_eligible(const shebao_projection *p) { return p && p->eligible; }

int shebao_projection_years_paid(const shebao_projection *p) { return p ? p->years_paid : 0; }

int shebao_projection_years_missing(const shebao_projection *p) { return p ? p->years_missing : 0; }

int shebao_projection_base_carried_forward(const shebao_projection *p)
{
    return p && p->eligible && p->base_carried_forward;
}

const char *shebao_projection_claim_month(const shebao_projection *p) { return p ? p->claim_text : NULL; }

int shebao_projection_now(const shebao_projection *p, shebao_pension_now *out)
{
    if (!p || !out || out->version == 0 || out->version > SHEBAO_PENSION_NOW_VERSION)
        return SHEBAO_EUSAGE;
    unsigned v = out->version;
    *out = p->have_now ? p->now : (shebao_pension_now)SHEBAO_PENSION_NOW_INIT;
    out->version = v;
    return p->have_now ? SHEBAO_OK : SHEBAO_NA;
}

int shebao_projection_figure(const shebao_projection *p, shebao_figure which, shebao_fen *out)
{
    if (!p || !out || (unsigned)which > SHEBAO_FIG_INHERITABLE)
        return SHEBAO_EUSAGE;
    *out = 0;
    switch (which) {
    case SHEBAO_FIG_BALANCE: *out = p->balance; return SHEBAO_OK;
    case SHEBAO_FIG_PERSONAL_TOTAL: *out = p->personal; return SHEBAO_OK;
    default: break;
    }
    if (!p->eligible)
        return SHEBAO_NA;
    switch (which) {
    case SHEBAO_FIG_ACCOUNT_PENSION: *out = p->account; return SHEBAO_OK;
    case SHEBAO_FIG_BASE_PENSION: *out = p->base; return SHEBAO_OK;
    case SHEBAO_FIG_YEARS_PENSION: *out = p->years_pension; return SHEBAO_OK;
    case SHEBAO_FIG_AGE_SUPPLEMENT: *out = p->supplement; return SHEBAO_OK;
    case SHEBAO_FIG_MONTHLY_TOTAL: *out = p->total; return SHEBAO_OK;
    case SHEBAO_FIG_FUNERAL_GRANT: *out = p->funeral; return SHEBAO_OK;
    default: break;
    }
    if (!p->have_epv)
        return SHEBAO_NA;
    switch (which) {
    case SHEBAO_FIG_EPV_BENEFITS: *out = p->epv; return SHEBAO_OK;
    case SHEBAO_FIG_PV_CONTRIBUTIONS: *out = p->pvc; return SHEBAO_OK;
    default: *out = p->inheritable; return SHEBAO_OK; /* SHEBAO_FIG_INHERITABLE, the last one */
    }
}

int shebao_projection_breakeven(const shebao_projection *p, int *months, char *month, size_t size)
{
    if (!p || (month && size < 8))
        return SHEBAO_EUSAGE;
    if (months)
        *months = 0;
    if (month)
        month[0] = '\0';
    if (!p->eligible || !p->have_breakeven)
        return SHEBAO_NA;
    if (months)
        *months = p->breakeven_m;
    if (month)
        sb_month_format(p->breakeven_month, month, size);
    return SHEBAO_OK;
}

const char *shebao_projection_moneys_worth(const shebao_projection *p)
{
    return p && p->eligible && p->have_ratio ? p->ratio : NULL;
}

const char *shebao_projection_irr(const shebao_projection *p)
{
    return p && p->eligible && p->have_irr ? p->irr : NULL;
}

size_t shebao_projection_ledger_count(const shebao_projection *p) { return p ? p->nrows : 0; }

int shebao_projection_ledger_row(const shebao_projection *p, size_t i, shebao_ledger_row *out)
{
    if (!p || !out || i >= p->nrows)
        return SHEBAO_EUSAGE;
    *out = p->rows[i];
    out->rate = p->rates[i];
    return SHEBAO_OK;
}

size_t shebao_projection_assumption_count(const shebao_projection *p) { return p ? p->assumptions.n : 0; }

int shebao_projection_assumption(const shebao_projection *p, size_t i, shebao_param *out)
{
    return p ? sb_prov_get(&p->assumptions, i, out) : SHEBAO_EUSAGE;
}

json_t *sb_output_param_json(const shebao_param *q)
{
    json_t *a = json_object();
    json_object_set_new(a, "parameter", json_string(q->path));
    json_object_set_new(a, "from", json_string(q->from));
    json_object_set_new(a, "value", json_string(q->value));
    json_object_set_new(a, "status", json_string(shebao_status_name(q->status)));
    json_object_set_new(a, "source", json_string(q->source));
    json_object_set_new(a, "title", json_string(q->title));
    return a;
}

json_t *sb_output_money(int64_t fen)
{
    char m[SHEBAO_MONEY_BUFSZ];
    shebao_money_format(fen, m, sizeof m);
    return json_string(m);
}

static json_t *jmonth(sb_month m)
{
    char b[8];
    sb_month_format(m, b, sizeof b);
    return json_string(b);
}

/* "claim": the pension at the claim, or null when not eligible. */
static json_t *json_claim(const shebao_projection *p)
{
    if (!p->eligible)
        return json_null();
    json_t *c = json_object();
    json_object_set_new(c, "month", json_string(p->claim_text));
    json_object_set_new(c, "age", json_integer(p->claim_age_years));
    json_object_set_new(c, "balance", sb_output_money(p->balance));
    json_object_set_new(c, "account_pension", sb_output_money(p->account));
    json_object_set_new(c, "base_pension", sb_output_money(p->base));
    json_object_set_new(c, "base_pension_from", json_string(p->base_from));
    json_object_set_new(c, "base_pension_carried_forward", json_boolean(p->base_carried_forward));
    json_object_set_new(c, "central_base_pension", p->have_central ? sb_output_money(p->central) : json_null());
    json_object_set_new(c, "years_pension", sb_output_money(p->years_pension));
    json_object_set_new(c, "age_supplement", sb_output_money(p->supplement));
    json_object_set_new(c, "monthly_total", sb_output_money(p->total));
    if (p->total_rounding) { /* only with a policy's monthly_total_rounding: the parts above are unrounded by it */
        json_object_set_new(c, "monthly_total_unrounded", sb_output_money(p->total_unrounded));
        json_object_set_new(c, "monthly_total_rounding", json_string(p->total_rounding));
    }
    return c;
}

/* "ledger": one object per year. */
static json_t *json_ledger(const shebao_projection *p)
{
    json_t *ledger = json_array();
    for (size_t i = 0; i < p->nrows; i++) {
        const shebao_ledger_row *r = &p->rows[i];
        json_t *row = json_object();
        json_object_set_new(row, "year", json_integer(r->year));
        json_object_set_new(row, "grade", sb_output_money(r->grade));
        json_object_set_new(row, "personal", sb_output_money(r->personal));
        json_object_set_new(row, "daijiao", sb_output_money(r->daijiao));
        json_object_set_new(row, "subsidy", sb_output_money(r->subsidy));
        json_object_set_new(row, "collective", sb_output_money(r->collective));
        json_object_set_new(row, "rate", json_string(p->rates[i]));
        json_object_set_new(row, "interest", sb_output_money(r->interest));
        json_object_set_new(row, "backpay", sb_output_money(r->backpay));
        json_object_set_new(row, "balance", sb_output_money(r->balance));
        json_array_append_new(ledger, row);
    }
    return ledger;
}

/* "lifetime": the lifetime figures, or null when not eligible. */
static json_t *json_lifetime(const shebao_projection *p)
{
    if (!p->eligible)
        return json_null();
    json_t *l = json_object();
    json_object_set_new(l, "breakeven_months", p->have_breakeven ? json_integer(p->breakeven_m) : json_null());
    json_object_set_new(l, "breakeven_month", p->have_breakeven ? jmonth(p->breakeven_month) : json_null());
    json_object_set_new(l, "funeral_grant", sb_output_money(p->funeral));
    json_object_set_new(l, "base_growth", json_string(p->growth_text));
    json_object_set_new(l, "mortality", json_string(p->have_epv ? "cl2010-2013-pension" : "none"));
    json_object_set_new(l, "discount_rate", p->have_epv ? json_string(p->discount) : json_null());
    json_object_set_new(l, "epv_benefits", p->have_epv ? sb_output_money(p->epv) : json_null());
    json_object_set_new(l, "pv_contributions", p->have_epv ? sb_output_money(p->pvc) : json_null());
    json_object_set_new(l, "moneys_worth_ratio", p->have_ratio ? json_string(p->ratio) : json_null());
    json_object_set_new(l, "irr", p->have_irr ? json_string(p->irr) : json_null());
    json_object_set_new(l, "expected_inheritable_balance", p->have_epv ? sb_output_money(p->inheritable) : json_null());
    return l;
}

/* "now": the pension in the as-of month, or null (no as-of month, not eligible, or the claim after it). */
static json_t *json_now(const shebao_projection *p)
{
    if (!p->have_now)
        return json_null();
    const shebao_pension_now *n = &p->now;
    json_t *o = json_object();
    json_object_set_new(o, "month", json_string(n->month));
    json_object_set_new(o, "age", json_integer(n->age));
    json_object_set_new(o, "base_pension", sb_output_money(n->base_pension));
    json_object_set_new(o, "base_pension_carried_forward", json_boolean(n->base_carried_forward));
    json_object_set_new(o, "years_pension", sb_output_money(n->years_pension));
    json_object_set_new(o, "account_pension", sb_output_money(n->account_pension));
    json_object_set_new(o, "age_supplement", sb_output_money(n->age_supplement));
    json_object_set_new(o, "monthly_total", sb_output_money(n->monthly_total));
    json_object_set_new(o, "paid_so_far", sb_output_money(n->paid_so_far));
    json_object_set_new(o, "funeral_grant", sb_output_money(n->funeral_grant));
    return o;
}

/* "explain": the explanation, one string per line. */
static json_t *json_explain(const shebao_projection *p)
{
    json_t *ex = json_array();
    const char *line = p->explain.en.s ? p->explain.en.s : ""; /* English in every language */
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        json_array_append_new(ex, json_stringn(line, len));
        line += len + (end ? 1 : 0);
    }
    return ex;
}

/* One back-payment path of the advice: {"grade", "years", "cost", "monthly_total"}, or null. */
static json_t *advice_path(int has, int64_t grade, int years, int64_t cost, int64_t monthly)
{
    if (!has)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "grade", sb_output_money(grade));
    json_object_set_new(o, "years", json_integer(years));
    json_object_set_new(o, "cost", sb_output_money(cost));
    json_object_set_new(o, "monthly_total", sb_output_money(monthly));
    return o;
}

json_t *sb_output_advice_json(const shebao_projection *p)
{
    shebao_advice a = SHEBAO_ADVICE_INIT;
    if (shebao_projection_advice(p, &a) != SHEBAO_OK)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "years_paid", json_integer(a.years_paid));
    json_object_set_new(o, "years_required", json_integer(a.years_required));
    json_object_set_new(o, "years_missing", json_integer(a.years_missing));
    json_object_set_new(o, "years_payable", json_integer(a.years_payable));
    json_object_set_new(o, "payable_from", a.years_payable ? json_integer(a.payable_from) : json_null());
    json_object_set_new(o, "last_payable_year", json_integer(a.last_payable_year));
    json_object_set_new(o, "backpay_lowest", advice_path(a.has_lowest, a.lowest_grade, a.backpay_years,
                                                         a.lowest_cost, a.lowest_monthly));
    json_object_set_new(o, "backpay_highest", advice_path(a.has_highest, a.highest_grade, a.backpay_years,
                                                          a.highest_cost, a.highest_monthly));
    return o;
}

json_t *sb_output_projection_json(const shebao_projection *p, bool full)
{
    json_t *root = json_object();
    json_object_set_new(root, "policy", json_string(p->policy_id));
    json_object_set_new(root, "policy_lineage", json_string(p->policy_lineage));
    json_object_set_new(root, "eligible", json_boolean(p->eligible));
    json_object_set_new(root, "years_paid", json_integer(p->years_paid));
    json_object_set_new(root, "contribution_years", json_integer(p->contrib_years));
    json_object_set_new(root, "backpay_years", json_integer(p->backpay_years));
    json_object_set_new(root, "years_required", json_integer(p->years_required));
    json_object_set_new(root, "years_missing", json_integer(p->years_missing));
    json_object_set_new(root, "personal_total", sb_output_money(p->personal));
    json_object_set_new(root, "claim_month", json_string(p->claim_text));
    if (!p->eligible) {
        json_t *ne = json_object();
        json_object_set_new(ne, "reason", json_string("too few years paid"));
        json_object_set_new(ne, "years_missing", json_integer(p->years_missing));
        json_object_set_new(ne, "backpay_years_needed", json_integer(p->years_missing));
        json_object_set_new(ne, "backpay_max_grade", sb_output_money(p->backpay_max));
        json_object_set_new(root, "not_eligible", ne);
    }
    json_object_set_new(root, "claim", json_claim(p));
    if (full)
        json_object_set_new(root, "ledger", json_ledger(p));
    json_object_set_new(root, "lifetime", json_lifetime(p));
    if (!full)
        return root;
    json_object_set_new(root, "advice", sb_output_advice_json(p));
    json_object_set_new(root, "now", json_now(p));
    json_t *as = json_array();
    for (size_t i = 0; i < p->assumptions.n; i++) {
        shebao_param q;
        shebao_projection_assumption(p, i, &q);
        json_array_append_new(as, sb_output_param_json(&q));
    }
    json_object_set_new(root, "assumptions", as);
    if (p->explain.on)
        json_object_set_new(root, "explain", json_explain(p));
    return root;
}

int shebao_projection_to_json(const shebao_projection *p, char **out)
{
    if (!p || !out)
        return SHEBAO_EUSAGE;
    json_t *root = sb_output_projection_json(p, true);
    *out = sb_output_dumps(root);
    json_decref(root);
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}

int shebao_projection_explain(const shebao_projection *p, char **out)
{
    if (!p || !out)
        return SHEBAO_EUSAGE;
    if (!p->explain.on)
        return SHEBAO_EUSAGE;
    *out = sb_strdup(sb_trail_text(&p->explain));
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}
