/* Section employee_pension of a policy: the retirement-age reform, the minimum contribution years, contribution
 * bands and rates, average wages and benefit bases, crediting rates, the divisor table and the provincial extras,
 * each checked and recorded with its provenance. The rules are in docs/employee-pension.md. */
#include <string.h>

#include "policy_section.h"

static const char *const employee_category_keys[SB_RETIRE_CATEGORIES] = {"male", "female55", "female50"};
static const char *const employee_divisor_modes[] = {"whole_year", "month_linear", NULL};

/* One category of retirement_age: {"original_age", "first_birth", "step_months", "max_delay_months"}. */
static int employee_read_category(sb_pread *b, json_t *obj, const char *inh, void *out)
{
    static const char *const keys[] = {"original_age", "first_birth", "step_months", "max_delay_months", "source",
                                       NULL};
    sb_retire_rule *r = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inh, NULL, &o));
    TRY(sb_pread_int(b, &o, "original_age", true, 40, 70, &r->original_age, &r->param[0]));
    TRY(sb_pread_month(b, &o, "first_birth", true, &r->first_birth, &r->param[1]));
    TRY(sb_pread_int(b, &o, "step_months", true, 1, 24, &r->step, &r->param[2]));
    TRY(sb_pread_int(b, &o, "max_delay_months", true, 0, 120, &r->cap, &r->param[3]));
    r->present = true;
    return SHEBAO_OK;
}

static int employee_read_retirement(sb_pread *b, json_t *obj, const char *inh, void *out)
{
    static const char *const keys[] = {"male", "female55", "female50", "elastic_early_months",
                                       "elastic_late_months", "source", NULL};
    sb_employee *ep = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inh, NULL, &o));
    for (int c = 0; c < SB_RETIRE_CATEGORIES; c++)
        TRY(sb_pread_sub(b, &o, employee_category_keys[c], true, JSON_OBJECT, employee_read_category,
                         &ep->retire[c]));
    TRY(sb_pread_int(b, &o, "elastic_early_months", true, 0, 120, &ep->elastic_early, &ep->p_elastic_early));
    TRY(sb_pread_int(b, &o, "elastic_late_months", true, 0, 120, &ep->elastic_late, &ep->p_elastic_late));
    return SHEBAO_OK;
}

/* min_contribution: `months` until the end of rise_from_year - 1, then rise_months_per_year more each year up to
 * max_months. */
static int employee_read_minimum(sb_pread *b, json_t *obj, const char *inh, void *out)
{
    static const char *const keys[] = {"months", "rise_from_year", "rise_months_per_year", "max_months", "source",
                                       NULL};
    sb_employee *ep = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inh, NULL, &o));
    TRY(sb_pread_int(b, &o, "months", true, 1, 600, &ep->min_months, &ep->p_min));
    TRY(sb_pread_int(b, &o, "rise_from_year", true, SB_YEAR_MIN, SB_YEAR_MAX, &ep->min_rise_from, &ep->p_min));
    TRY(sb_pread_int(b, &o, "rise_months_per_year", true, 0, 60, &ep->min_rise_step, &ep->p_min));
    TRY(sb_pread_int(b, &o, "max_months", true, 1, 600, &ep->min_max_months, &ep->p_min));
    if (ep->min_max_months < ep->min_months) {
        sb_pread_push_key(b, "max_months");
        return sb_pread_err(b, "must not be below months (%d < %d)", ep->min_max_months, ep->min_months);
    }
    return SHEBAO_OK;
}

/* A year of a list: strictly increasing and consecutive. */
static int employee_read_year(sb_pread *b, const sb_pread_item *it, int *year, int prev)
{
    size_t old = sb_pread_push_key(b, "year");
    TRY(sb_pread_v_int(b, json_object_get(it->e, "year"), SB_YEAR_MIN, SB_YEAR_MAX, year));
    if (it->i > 0 && *year != prev + 1)
        return sb_pread_err(b, "years must be consecutive and increasing (%d after %d)", *year, prev);
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

static int employee_read_band(sb_pread *b, const sb_pread_item *it, void *out)
{
    sb_employee *ep = out;
    sb_contrib_band *bd = &ep->bands[it->i];
    TRY(employee_read_year(b, it, &bd->year, it->i ? bd[-1].year : 0));
    char f[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ], y[8], text[100];
    TRY(sb_pread_e_num(b, it->e, "floor", SB_PREAD_AMOUNT, &bd->floor, NULL, f, sizeof f));
    TRY(sb_pread_e_num(b, it->e, "ceiling", SB_PREAD_AMOUNT, &bd->ceiling, NULL, c, sizeof c));
    if (bd->ceiling < bd->floor || bd->floor == 0) {
        sb_pread_push_key(b, "ceiling");
        return sb_pread_err(b, "a band needs 0 < floor <= ceiling (floor %s, ceiling %s)", f, c);
    }
    ep->nbands = it->i + 1;
    snprintf(y, sizeof y, "%d", bd->year);
    snprintf(text, sizeof text, "%s-%s per month", f, c);
    return sb_pread_here(b, y, text, it->src, &bd->param);
}

static int employee_read_bands(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    static const char *const keys[] = {"year", "floor", "ceiling", "source", NULL},
                             *const req[] = {"year", "floor", "ceiling", NULL};
    static const sb_pread_shape shape = {"an object {\"year\", \"floor\", \"ceiling\"}", keys, req};
    sb_employee *ep = out;
    int rc;
    if (!(ep->bands = sb_pread_list(b, arr, true, sizeof *ep->bands, &rc)))
        return rc;
    return sb_pread_each(b, arr, &shape, inh, employee_read_band, ep);
}

static int employee_read_flex_rate(sb_pread *b, const sb_pread_item *it, void *out)
{
    sb_employee *ep = out;
    sb_dated_rate *r = &ep->flex[it->i];
    char text[48];
    TRY(sb_pread_from(b, it->e, it->i ? r[-1].from : -1, &r->from));
    TRY(sb_pread_e_num(b, it->e, "value", SB_PREAD_RATE, NULL, &r->rate, text, sizeof text));
    ep->nflex = it->i + 1;
    return sb_pread_here(b, json_string_value(json_object_get(it->e, "from")), text, it->src, &r->param);
}

static int employee_read_flex(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    static const char *const keys[] = {"from", "value", "source", NULL}, *const req[] = {"from", "value", NULL};
    static const sb_pread_shape shape = {"an object {\"from\", \"value\"}", keys, req};
    sb_employee *ep = out;
    int rc;
    if (!(ep->flex = sb_pread_list(b, arr, true, sizeof *ep->flex, &rc)))
        return rc;
    return sb_pread_each(b, arr, &shape, inh, employee_read_flex_rate, ep);
}

/* A list of values by year being read: what they are. */
typedef struct employee_years {
    sb_year_list *list;
    sb_pread_kind kind;
} employee_years;

static int employee_read_year_value(sb_pread *b, const sb_pread_item *it, void *out)
{
    const employee_years *ys = out;
    sb_year_value *v = &ys->list->v[it->i];
    TRY(employee_read_year(b, it, &v->year, it->i ? v[-1].year : 0));
    char y[8], text[64];
    bool amount = ys->kind == SB_PREAD_AMOUNT;
    TRY(sb_pread_e_num(b, it->e, "value", ys->kind, amount ? &v->fen : NULL, amount ? NULL : &v->dec, text,
                       sizeof text));
    if (amount && v->fen == 0) {
        sb_pread_push_key(b, "value");
        return sb_pread_err(b, "must be positive");
    }
    v->published = SB_MONTH_MAKE(v->year, 1);
    json_t *pub = json_object_get(it->e, "published");
    if (pub) {
        size_t old = sb_pread_push_key(b, "published");
        TRY(sb_pread_v_month(b, pub, &v->published));
        sb_pread_pop(b, old);
    }
    ys->list->n = it->i + 1;
    snprintf(y, sizeof y, "%d", v->year);
    return sb_pread_here(b, y, text, it->src, &v->param);
}

/* [{"year", "value"}] of kind into list; `published` allowed when pub. */
static int employee_read_years(sb_pread *b, json_t *arr, const char *inh, sb_year_list *list, sb_pread_kind kind,
                               bool pub)
{
    static const char *const keys[] = {"year", "value", "source", NULL},
                             *const pkeys[] = {"year", "value", "published", "source", NULL},
                             *const req[] = {"year", "value", NULL};
    const sb_pread_shape shape = {pub ? "an object {\"year\", \"value\", \"published\"}"
                                      : "an object {\"year\", \"value\"}",
                                  pub ? pkeys : keys, req};
    int rc;
    if (!(list->v = sb_pread_list(b, arr, true, sizeof *list->v, &rc)))
        return rc;
    employee_years ys = {list, kind};
    return sb_pread_each(b, arr, &shape, inh, employee_read_year_value, &ys);
}

static int employee_read_wage(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    return employee_read_years(b, arr, inh, &((sb_employee *)out)->wage, SB_PREAD_AMOUNT, false);
}

static int employee_read_base(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    return employee_read_years(b, arr, inh, &((sb_employee *)out)->base, SB_PREAD_AMOUNT, true);
}

static int employee_read_crediting(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    return employee_read_years(b, arr, inh, &((sb_employee *)out)->crediting, SB_PREAD_INTEREST, false);
}

static int employee_read_divisor(sb_pread *b, const sb_pread_item *it, void *out)
{
    sb_employee *ep = out;
    int age;
    size_t old = sb_pread_push_key(b, "age");
    TRY(sb_pread_v_int(b, json_object_get(it->e, "age"), SB_DIVISOR_AGE_MIN, SB_DIVISOR_AGE_MAX, &age));
    if (age != SB_DIVISOR_AGE_MIN + (int)it->i)
        return sb_pread_err(b, "the table must give every age from %d to %d in order: expected %d, found %d",
                            SB_DIVISOR_AGE_MIN, SB_DIVISOR_AGE_MAX, SB_DIVISOR_AGE_MIN + (int)it->i, age);
    sb_pread_pop(b, old);
    sb_dec *d = &ep->divisor[it->i];
    char v[48], text[64];
    TRY(sb_pread_e_num(b, it->e, "value", SB_PREAD_POSITIVE, NULL, d, v, sizeof v));
    if (it->i > 0 && sb_dec_cmp(*d, d[-1]) >= 0) {
        sb_pread_push_key(b, "value");
        return sb_pread_err(b, "divisors must fall with age (%s at %d)", v, age);
    }
    snprintf(text, sizeof text, "age %d: %s", age, v);
    return sb_pread_here(b, "", text, it->src, &ep->p_divisor[it->i]);
}

static int employee_read_divisors(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    static const char *const keys[] = {"age", "value", "source", NULL}, *const req[] = {"age", "value", NULL};
    static const sb_pread_shape shape = {"an object {\"age\", \"value\"}", keys, req};
    TRY(sb_pread_expect_array(b, arr, true));
    if (json_array_size(arr) != SB_DIVISOR_AGES)
        return sb_pread_err(b, "the table must have %d rows (ages %d to %d), not %zu", SB_DIVISOR_AGES,
                            SB_DIVISOR_AGE_MIN, SB_DIVISOR_AGE_MAX, json_array_size(arr));
    return sb_pread_each(b, arr, &shape, inh, employee_read_divisor, out);
}

static int employee_read_adjustment(sb_pread *b, json_t *obj, const char *inh, void *out)
{
    static const char *const keys[] = {"fixed", "per_index_year", "source", NULL};
    sb_employee *ep = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inh, NULL, &o));
    TRY(sb_pread_num(b, &o, "fixed", true, SB_PREAD_AMOUNT, &ep->adjustment_fixed, NULL, &ep->p_adjustment[0]));
    TRY(sb_pread_num(b, &o, "per_index_year", true, SB_PREAD_AMOUNT, &ep->adjustment_per, NULL,
                     &ep->p_adjustment[1]));
    ep->has_adjustment = true;
    return SHEBAO_OK;
}

static int employee_read_subsidy(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    return sb_pread_series(b, arr, inh, true, &((sb_employee *)out)->subsidy);
}

/* The benefit formula's scalars: rates, roundings, the divisor mode. */
static int employee_read_formula(sb_pread *b, const sb_pread_obj *o, sb_employee *ep)
{
    int mode = 0, rc1 = 0, rc2 = 0;
    TRY(sb_pread_num(b, o, "account_share", true, SB_PREAD_RATE, NULL, &ep->account_share, &ep->p_account_share));
    TRY(sb_pread_num(b, o, "assumed_future_rate", true, SB_PREAD_INTEREST, NULL, &ep->future_rate,
                     &ep->p_future_rate));
    TRY(sb_pread_num(b, o, "basic_rate_per_year", true, SB_PREAD_RATE, NULL, &ep->basic_rate, &ep->p_basic_rate));
    TRY(sb_pread_name(b, o, "divisor_mode", true, employee_divisor_modes, &mode, &ep->p_divisor_mode));
    ep->divisor_mode = (sb_divisor_mode)mode;
    TRY(sb_pread_int(b, o, "years_decimals", true, 0, 4, &ep->years_decimals, &ep->p_years_decimals));
    TRY(sb_pread_name(b, o, "component_rounding", true, sb_pread_rounding_names, &rc1, &ep->p_component_rounding));
    TRY(sb_pread_name(b, o, "total_rounding", true, sb_pread_rounding_names, &rc2, &ep->p_total_rounding));
    ep->component_rounding = (shebao_rounding)rc1;
    ep->total_rounding = (shebao_rounding)rc2;
    TRY(sb_pread_num(b, o, "transition_coefficient", false, SB_PREAD_RATE, NULL, &ep->transition_coefficient,
                     &ep->p_transition));
    ep->has_transition = sb_pread_has(o, "transition_coefficient");
    return SHEBAO_OK;
}

int sb_policy_employee_read(sb_pread *b, json_t *obj, const char *inherited, void *out)
{
    static const char *const keys[] = {"retirement_age", "min_contribution", "contribution_bands", "flexible_rate",
                                       "account_share", "average_wage", "benefit_base", "crediting_rates",
                                       "assumed_future_rate", "basic_rate_per_year", "divisor_mode", "divisors",
                                       "years_decimals", "component_rounding", "total_rounding",
                                       "transition_coefficient", "transition_adjustment", "pension_subsidy",
                                       "source", NULL};
    sb_employee *ep = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inherited, NULL, &o));
    ep->present = true;
    TRY(sb_pread_sub(b, &o, "retirement_age", true, JSON_OBJECT, employee_read_retirement, ep));
    TRY(sb_pread_sub(b, &o, "min_contribution", true, JSON_OBJECT, employee_read_minimum, ep));
    TRY(sb_pread_sub(b, &o, "contribution_bands", true, JSON_ARRAY, employee_read_bands, ep));
    TRY(sb_pread_sub(b, &o, "flexible_rate", true, JSON_ARRAY, employee_read_flex, ep));
    TRY(sb_pread_sub(b, &o, "average_wage", true, JSON_ARRAY, employee_read_wage, ep));
    TRY(sb_pread_sub(b, &o, "benefit_base", true, JSON_ARRAY, employee_read_base, ep));
    TRY(sb_pread_sub(b, &o, "crediting_rates", true, JSON_ARRAY, employee_read_crediting, ep));
    TRY(sb_pread_sub(b, &o, "divisors", true, JSON_ARRAY, employee_read_divisors, ep));
    TRY(employee_read_formula(b, &o, ep));
    TRY(sb_pread_sub(b, &o, "transition_adjustment", false, JSON_OBJECT, employee_read_adjustment, ep));
    TRY(sb_pread_sub(b, &o, "pension_subsidy", false, JSON_ARRAY, employee_read_subsidy, ep));
    return SHEBAO_OK;
}
