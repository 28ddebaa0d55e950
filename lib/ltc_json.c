/* Long-term care results as JSON documents (the shape `shebao ltc ... --format json` prints). Each document names
 * the policy, echoes the inputs that identify the result, and ends with the "assumptions" array every result uses
 * (ltc_assumptions_json, also shebao_ltc_assumptions_to_json). */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "ltc.h"
#include "output.h"

/* The assumptions as the JSON array every LTC document ends with (empty for NULL); NULL when out of memory. */
static json_t *ltc_assumptions_json(const shebao_ltc_assumptions *a)
{
    json_t *as = json_array();
    for (size_t i = 0; as && a && i < a->list.n; i++) {
        shebao_param q;
        sb_prov_get(&a->list, i, &q);
        json_array_append_new(as, sb_output_param_json(&q));
    }
    return as;
}

int shebao_ltc_assumptions_to_json(const shebao_ltc_assumptions *a, char **out)
{
    if (!a || !out)
        return SHEBAO_EUSAGE;
    json_t *as = ltc_assumptions_json(a);
    *out = as ? json_dumps(as, JSON_INDENT(2)) : NULL;
    json_decref(as);
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}

/* A string, or null (a name out of range, text that is not UTF-8). */
static json_t *jstr(const char *s)
{
    json_t *v = s ? json_string(s) : NULL;
    return v ? v : json_null();
}

/* A member of a result held in a fixed array (read no further than the array, even without a NUL). */
static json_t *jfixed(const char *s, size_t size)
{
    json_t *v = json_stringn(s, strnlen(s, size));
    return v ? v : json_null();
}

static json_t *jmonth(int year, int month)
{
    char b[32];
    snprintf(b, sizeof b, "%04d-%02d", year, month);
    return json_string(b);
}

/* The start of every document: {"policy": ID, ...}. */
static json_t *doc(const shebao_policy *policy)
{
    json_t *root = json_object();
    json_object_set_new(root, "policy", jstr(shebao_policy_id(policy)));
    return root;
}

/* The end of every document: the "assumptions", then the text (to shebao_free). */
static int finish(json_t *root, const shebao_ltc_assumptions *notes, char **out)
{
    json_object_set_new(root, "assumptions", ltc_assumptions_json(notes));
    *out = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}

int shebao_ltc_assessment_to_json(const shebao_policy *policy, const shebao_ltc_assessment *a,
                                  const shebao_ltc_assumptions *notes, char **out)
{
    if (out)
        *out = NULL;
    if (!policy || !a || !out)
        return SHEBAO_EUSAGE;
    json_t *root = doc(policy), *lv = json_object();
    json_object_set_new(root, "adl", json_integer(a->adl));
    json_object_set_new(root, "cognition", json_integer(a->cognition));
    json_object_set_new(root, "perception", json_integer(a->perception));
    json_object_set_new(lv, "adl", json_integer(a->adl_level));
    json_object_set_new(lv, "cognition", json_integer(a->cognition_level));
    json_object_set_new(lv, "perception", json_integer(a->perception_level));
    json_object_set_new(root, "levels", lv);
    json_object_set_new(root, "grade", json_integer(a->grade));
    json_object_set_new(root, "grade_name", jstr(shebao_ltc_grade_name(a->grade)));
    return finish(root, notes, out);
}

int shebao_ltc_benefit_to_json(const shebao_policy *policy, const shebao_ltc_claim *claim,
                               const shebao_ltc_benefit *b, const shebao_ltc_assumptions *notes, char **out)
{
    if (out)
        *out = NULL;
    if (!policy || !claim || !b || !out)
        return SHEBAO_EUSAGE;
    static const shebao_ltc_limit all[] = {SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_HOURS, SHEBAO_LTC_LIMIT_PRICE,
                                           SHEBAO_LTC_LIMIT_MONTHLY_CAP};
    bool cash = claim->mode == SHEBAO_LTC_HOME_CASH;
    json_t *root = doc(policy), *lim = json_array();
    json_object_set_new(root, "month", jmonth(claim->year, claim->month));
    json_object_set_new(root, "grade", json_integer(claim->grade));
    json_object_set_new(root, "grade_name", jstr(shebao_ltc_grade_name(claim->grade)));
    json_object_set_new(root, "mode", jstr(shebao_ltc_mode_name(claim->mode)));
    json_object_set_new(root, "benefits_from", b->from[0] ? jfixed(b->from, sizeof b->from) : json_null());
    json_object_set_new(root, "eligible", json_boolean(b->eligible));
    json_object_set_new(root, "reason", b->eligible ? json_null() : jfixed(b->reason_text, sizeof b->reason_text));
    json_object_set_new(root, "days_in_month", json_integer(b->days_in_month));
    json_object_set_new(root, "care_days", json_integer(b->care_days));
    json_object_set_new(root, "eligible_days", json_integer(b->eligible_days));
    json_object_set_new(root, "cost", cash ? json_null() : sb_output_money(b->cost));
    json_object_set_new(root, "fund_pays", sb_output_money(b->fund_pays));
    json_object_set_new(root, "self_pays", sb_output_money(b->self_pays));
    json_object_set_new(root, "binding",
                        b->binding == SHEBAO_LTC_LIMIT_NONE ? json_null() : jstr(shebao_ltc_limit_name(b->binding)));
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (b->limits & all[i])
            json_array_append_new(lim, jstr(shebao_ltc_limit_name(all[i])));
    json_object_set_new(root, "limits", lim);
    return finish(root, notes, out);
}

int shebao_ltc_funding_to_json(const shebao_policy *policy, shebao_ltc_group group, int year, int month,
                               const shebao_ltc_funding *f, const shebao_ltc_assumptions *notes, char **out)
{
    if (out)
        *out = NULL;
    if (!policy || !f || !out)
        return SHEBAO_EUSAGE;
    const char *limited = f->base_limited < 0 ? "floor" : f->base_limited > 0 ? "cap" : NULL;
    json_t *root = doc(policy), *pp = json_object(), *tt = json_object();
    json_object_set_new(root, "group", jstr(shebao_ltc_group_name(group)));
    json_object_set_new(root, "month", jmonth(year, month));
    json_object_set_new(root, "funding_from", jfixed(f->from, sizeof f->from));
    json_object_set_new(root, "basis", json_string(f->is_rate ? "rate" : "fixed"));
    json_object_set_new(root, "period", json_string(f->is_rate ? "month" : "year"));
    json_object_set_new(root, "base", f->is_rate ? sb_output_money(f->base) : json_null());
    json_object_set_new(root, "base_limited", limited ? json_string(limited) : json_null());
    json_object_set_new(root, "count", json_integer(f->count));
    for (int p = 0; p < SHEBAO_LTC_PAYERS; p++)
        if (f->payers & (1u << p)) {
            json_object_set_new(pp, shebao_ltc_payer_name((shebao_ltc_payer)p), sb_output_money(f->per_person[p]));
            json_object_set_new(tt, shebao_ltc_payer_name((shebao_ltc_payer)p), sb_output_money(f->total[p]));
        }
    json_object_set_new(pp, "total", sb_output_money(f->per_person_total));
    json_object_set_new(tt, "total", sb_output_money(f->total_all));
    json_object_set_new(root, "per_person", pp);
    json_object_set_new(root, "total", tt);
    return finish(root, notes, out);
}

int shebao_ltc_cost_to_json(const shebao_policy *policy, const shebao_ltc_cost_input *in, const shebao_ltc_cost *est,
                            const shebao_ltc_assumptions *notes, char **out)
{
    if (out)
        *out = NULL;
    if (!policy || !in || !est || !out)
        return SHEBAO_EUSAGE;
    json_t *root = doc(policy), *cells = json_array();
    json_object_set_new(root, "from", jmonth(in->from_year, in->from_month));
    json_object_set_new(root, "months", json_integer(in->months));
    json_object_set_new(root, "beneficiaries", json_integer(in->beneficiaries));
    for (size_t i = 0; i < est->ncells && i < SHEBAO_LTC_MAX_CELLS; i++) {
        const shebao_ltc_cost_cell *c = &est->cells[i];
        json_t *o = json_object();
        json_object_set_new(o, "grade", json_integer(c->grade));
        json_object_set_new(o, "grade_name", jstr(shebao_ltc_grade_name(c->grade)));
        json_object_set_new(o, "mode", jstr(shebao_ltc_mode_name(c->mode)));
        json_object_set_new(o, "persons", jfixed(c->persons, sizeof c->persons));
        json_object_set_new(o, "eligible", json_boolean(c->eligible));
        json_object_set_new(o, "per_person", sb_output_money(c->per_person));
        json_object_set_new(o, "total", sb_output_money(c->total));
        json_array_append_new(cells, o);
    }
    json_object_set_new(root, "cells", cells);
    json_object_set_new(root, "total", sb_output_money(est->total));
    return finish(root, notes, out);
}
