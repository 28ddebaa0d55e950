/* The employee pension's JSON documents: a retirement (`shebao retire --format json`), and the pension of a
 * benefit form (`shebao employee --format json`): the policy, the form's inputs, the benefit base used, the "claim"
 * with its components (null when one does not apply) and the assumptions. The rules (retire.c, employee_claim.c)
 * include no jansson. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "employee.h"
#include "output.h"

static json_t *ejson_money(int has, shebao_fen fen)
{
    char m[SHEBAO_MONEY_BUFSZ];
    if (!has)
        return json_null();
    shebao_money_format(fen, m, sizeof m);
    return json_string(m);
}

static json_t *ejson_text(const char *s, size_t size)
{
    json_t *v = s ? json_stringn(s, strnlen(s, size)) : NULL;
    return v ? v : json_null();
}

static json_t *ejson_month(int year, int month)
{
    char b[32];
    snprintf(b, sizeof b, "%04d-%02d", year, month);
    return json_string(b);
}

json_t *sb_employee_claim_json(const shebao_employee_pension *p)
{
    json_t *c = json_object();
    int e = p->eligible;
    json_object_set_new(c, "basic_pension", ejson_money(e, p->basic_pension));
    json_object_set_new(c, "account_pension", ejson_money(e, p->account_pension));
    json_object_set_new(c, "transition_pension", ejson_money(e && p->has_transition_pension, p->transition_pension));
    json_object_set_new(c, "transition_adjustment",
                        ejson_money(e && p->has_transition_adjustment, p->transition_adjustment));
    json_object_set_new(c, "pension_subsidy", ejson_money(e && p->has_pension_subsidy, p->pension_subsidy));
    json_object_set_new(c, "sum", ejson_money(e, p->sum));
    json_object_set_new(c, "monthly_total", ejson_money(e, p->monthly_total));
    json_object_set_new(c, "divisor", ejson_text(p->divisor, sizeof p->divisor));
    return c;
}

/* Whether used parameter k is an assumption (its status is not official). */
static bool ejson_assumed(const shebao_policy *policy, const shebao_employee_pension *p, unsigned k)
{
    return p->used[k] < policy->nparams && policy->params[p->used[k]].status != SHEBAO_STATUS_OFFICIAL;
}

size_t shebao_employee_pension_assumption_count(const shebao_policy *policy, const shebao_employee_pension *p)
{
    size_t n = 0;
    for (unsigned k = 0; policy && p && k < p->nused && k < SHEBAO_EMPLOYEE_USED_MAX; k++)
        n += ejson_assumed(policy, p, k);
    return n;
}

int shebao_employee_pension_assumption(const shebao_policy *policy, const shebao_employee_pension *p, size_t i,
                                       shebao_param *out)
{
    for (unsigned k = 0; policy && p && out && k < p->nused && k < SHEBAO_EMPLOYEE_USED_MAX; k++)
        if (ejson_assumed(policy, p, k) && i-- == 0)
            return shebao_policy_param(policy, p->used[k], out);
    return SHEBAO_EUSAGE;
}

int shebao_employee_pension_to_json(const shebao_policy *policy, const shebao_employee_form *form,
                                    const shebao_employee_pension *p, char **out)
{
    if (out)
        *out = NULL;
    if (!policy || !form || !p || !out)
        return SHEBAO_EUSAGE;
    char y[16];
    const char *cat = shebao_retire_category_name(form->category);
    json_t *root = json_object();
    json_object_set_new(root, "policy", ejson_text(shebao_policy_id(policy), 65));
    json_object_set_new(root, "birth", ejson_month(form->birth_year, form->birth_month));
    json_object_set_new(root, "category", cat ? json_string(cat) : json_null());
    json_object_set_new(root, "retirement_month", ejson_month(form->retire_year, form->retire_month));
    json_object_set_new(root, "age_years", json_integer(p->age_years));
    json_object_set_new(root, "age_months", json_integer(p->age_months));
    json_object_set_new(root, "years_paid", ejson_text(p->years, sizeof p->years));
    json_object_set_new(root, "index", ejson_text(form->index, 64));
    sb_retire_years_text(p->min_months, y, sizeof y);
    json_object_set_new(root, "min_years", json_string(y));
    json_object_set_new(root, "eligible", json_boolean(p->eligible));
    json_object_set_new(root, "benefit_base", ejson_money(1, p->benefit_base));
    json_object_set_new(root, "benefit_base_year", json_integer(p->base_year));
    json_object_set_new(root, "benefit_base_provisional", json_boolean(p->provisional));
    json_object_set_new(root, "claim", sb_employee_claim_json(p));
    json_t *as = json_array();
    size_t n = shebao_employee_pension_assumption_count(policy, p);
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        if (shebao_employee_pension_assumption(policy, p, i, &q) == SHEBAO_OK)
            json_array_append_new(as, sb_output_param_json(&q));
    }
    json_object_set_new(root, "assumptions", as);
    *out = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}

int shebao_retire_to_json(const shebao_retirement *r, char **out)
{
    if (out)
        *out = NULL;
    if (!r || !out)
        return SHEBAO_EUSAGE;
    char y[16];
    sb_retire_years_text(r->min_months, y, sizeof y);
    json_t *root = json_object();
    json_object_set_new(root, "retirement_month", ejson_month(r->year, r->month));
    json_object_set_new(root, "age_years", json_integer(r->age_years));
    json_object_set_new(root, "age_months", json_integer(r->age_months));
    json_object_set_new(root, "delay_months", json_integer(r->delay_months));
    json_object_set_new(root, "earliest_month", ejson_month(r->earliest_year, r->earliest_month));
    json_object_set_new(root, "latest_month", ejson_month(r->latest_year, r->latest_month));
    json_object_set_new(root, "min_years", json_string(y));
    *out = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}
