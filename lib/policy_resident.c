/* Section resident_pension of a policy: the scalars, the dated series, age supplements, grade tables, back
 * payment, contribution-years bands and the account interest, each checked and recorded with its provenance. */
#include <limits.h>

#include "policy_section.h"

static const char *const resident_method_names[] = {"year_end", "year_start", "monthly", NULL};

static int resident_read_base(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    return sb_pread_series(b, arr, inh, true, &((sb_resident *)out)->base);
}

static int resident_read_central(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    return sb_pread_series(b, arr, inh, false, &((sb_resident *)out)->central);
}

static int resident_read_supplement(sb_pread *b, const sb_pread_item *it, void *out)
{
    sb_resident *rp = out;
    sb_supplement *s = &rp->supp[it->i];
    char m[SHEBAO_MONEY_BUFSZ], text[80];
    TRY(sb_pread_from(b, it->e, -1, &s->from));
    TRY(sb_pread_e_int(b, it->e, "min_age", 0, 150, &s->min_age));
    TRY(sb_pread_e_num(b, it->e, "value", SB_PREAD_AMOUNT, &s->fen, NULL, m, sizeof m));
    if (it->i > 0 && (s->min_age < s[-1].min_age || (s->min_age == s[-1].min_age && s->from <= s[-1].from)))
        return sb_pread_err(b, "supplements must be sorted by (min_age, from) without duplicates");
    rp->nsupp = it->i + 1;
    snprintf(text, sizeof text, "age %d+: +%s", s->min_age, m);
    return sb_pread_here(b, json_string_value(json_object_get(it->e, "from")), text, it->src, &s->param);
}

static int resident_read_supplements(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    static const char *const keys[] = {"from", "min_age", "value", "source", NULL},
                             *const req[] = {"from", "min_age", "value", NULL};
    static const sb_pread_shape shape = {"an object {\"from\", \"min_age\", \"value\"}", keys, req};
    sb_resident *rp = out;
    int rc;
    if (!(rp->supp = sb_pread_list(b, arr, false, sizeof *rp->supp, &rc)))
        return rc;
    return sb_pread_each(b, arr, &shape, inh, resident_read_supplement, rp);
}

/* A grade table being read: its rows are recorded under the path of `grades` with the table's `from`. */
typedef struct resident_table {
    sb_grade_table *gt;
    const char *pp, *from;
} resident_table;

static int resident_read_grade(sb_pread *b, const sb_pread_item *it, void *out)
{
    resident_table *t = out;
    sb_grade *gr = &t->gt->g[it->i];
    char a[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ], text[120];
    size_t old = sb_pread_push_key(b, "grade");
    TRY(sb_pread_v_num(b, json_object_get(it->e, "grade"), SB_PREAD_AMOUNT, &gr->grade, NULL, a, sizeof a));
    if (gr->grade == 0)
        return sb_pread_err(b, "a grade must be positive");
    if (it->i > 0 && gr->grade <= gr[-1].grade) {
        shebao_money_format(gr[-1].grade, c, sizeof c);
        return sb_pread_err(b, "grades must be strictly ascending (%s after %s)", a, c);
    }
    sb_pread_pop(b, old);
    TRY(sb_pread_e_num(b, it->e, "subsidy", SB_PREAD_AMOUNT, &gr->subsidy, NULL, c, sizeof c));
    if (json_object_get(it->e, "daijiao")) {
        old = sb_pread_push_key(b, "daijiao");
        TRY(sb_pread_v_bool(b, json_object_get(it->e, "daijiao"), &gr->daijiao));
        sb_pread_pop(b, old);
    }
    t->gt->n = it->i + 1;
    snprintf(text, sizeof text, "grade %s: subsidy %s%s", a, c, gr->daijiao ? " (daijiao)" : "");
    return sb_pread_param(b, t->pp, t->from, text, it->src, &gr->param);
}

/* A grade table {"from", "table"} of `grades` (out: the sb_resident). */
static int resident_read_table(sb_pread *b, const sb_pread_item *it, void *out)
{
    static const char *const keys[] = {"grade", "subsidy", "daijiao", "source", NULL},
                             *const req[] = {"grade", "subsidy", NULL};
    static const sb_pread_shape shape = {"an object {\"grade\", \"subsidy\"}", keys, req};
    sb_resident *rp = out;
    sb_grade_table *gt = &rp->tables[it->i];
    size_t old = sb_pread_push_key(b, "from");
    TRY(sb_pread_v_month(b, json_object_get(it->e, "from"), &gt->from));
    if (it->i > 0 && SB_MONTH_YEAR(gt->from) <= SB_MONTH_YEAR(gt[-1].from))
        return sb_pread_err(b, "grade tables must start in strictly increasing years (%d after %d)",
                            SB_MONTH_YEAR(gt->from), SB_MONTH_YEAR(gt[-1].from));
    sb_pread_pop(b, old);
    rp->ntables = it->i + 1;
    char pp[sizeof b->path];
    sb_pread_ppath(b, pp, sizeof pp); /* the path of `grades` (the entry's index dropped) */
    resident_table t = {gt, pp, json_string_value(json_object_get(it->e, "from"))};
    json_t *table = json_object_get(it->e, "table");
    int rc;
    old = sb_pread_push_key(b, "table");
    if (!(gt->g = sb_pread_list(b, table, true, sizeof *gt->g, &rc)))
        return rc;
    TRY(sb_pread_each(b, table, &shape, it->src, resident_read_grade, &t));
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

/* The table in force in each year, and the year the next one starts (the tables' years strictly increase). */
static void resident_grade_years(sb_resident *rp)
{
    for (int y = SB_YEAR_MIN; y <= SB_YEAR_MAX; y++) {
        int in_force = -1, next = INT_MAX;
        for (size_t i = 0; i < rp->ntables; i++) {
            if (SB_MONTH_YEAR(rp->tables[i].from) <= y)
                in_force = (int)i;
            else if (next == INT_MAX)
                next = SB_MONTH_YEAR(rp->tables[i].from);
        }
        rp->table_at[y - SB_YEAR_MIN] = (int16_t)in_force;
        rp->table_next[y - SB_YEAR_MIN] = next;
    }
}

static int resident_read_grades(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    static const char *const keys[] = {"from", "table", "source", NULL}, *const req[] = {"from", "table", NULL};
    static const sb_pread_shape shape = {"an object {\"from\", \"table\"}", keys, req};
    sb_resident *rp = out;
    int rc;
    if (!(rp->tables = sb_pread_list(b, arr, true, sizeof *rp->tables, &rc)))
        return rc;
    TRY(sb_pread_each(b, arr, &shape, inh, resident_read_table, rp));
    resident_grade_years(rp);
    return SHEBAO_OK;
}

/* A band of years_pension: contiguous from year 1, only the last open-ended. */
static int resident_read_band(sb_pread *b, const sb_pread_item *it, void *out)
{
    sb_resident *rp = out;
    sb_band *bd = &rp->bands[it->i];
    size_t old = sb_pread_push_key(b, "from_year");
    TRY(sb_pread_v_int(b, json_object_get(it->e, "from_year"), 1, 100, &bd->from_year));
    int expect = it->i == 0 ? 1 : bd[-1].to_year + 1;
    if (bd->from_year != expect)
        return sb_pread_err(b, "bands must be contiguous from year 1: expected %d, found %d", expect, bd->from_year);
    sb_pread_pop(b, old);
    if (json_object_get(it->e, "to_year"))
        TRY(sb_pread_e_int(b, it->e, "to_year", bd->from_year, 100, &bd->to_year));
    else if (it->i + 1 < it->n)
        return sb_pread_err(b, "only the last band may omit 'to_year'");
    char m[SHEBAO_MONEY_BUFSZ], text[100];
    bool has_per = json_object_get(it->e, "per_year") != NULL, has_pct = json_object_get(it->e, "percent_of_base");
    if (has_per == has_pct)
        return sb_pread_err(b, "a band gives one of 'per_year' (an amount) and 'percent_of_base' (a fraction of the "
                               "base pension): found %s", has_per ? "both" : "neither");
    if (has_per) {
        TRY(sb_pread_e_num(b, it->e, "per_year", SB_PREAD_AMOUNT, &bd->per_year, NULL, m, sizeof m));
    } else {
        sb_dec d;
        old = sb_pread_push_key(b, "percent_of_base");
        TRY(sb_pread_v_num(b, json_object_get(it->e, "percent_of_base"), SB_PREAD_RATIO, NULL, &d, m, sizeof m));
        if (d.scale > 9)
            return sb_pread_err(b, "'%s' has more than 9 decimals", m);
        sb_pread_pop(b, old);
        bd->pct9 = d.num * sb_pow10[9 - d.scale];
        bd->is_pct = true;
        rp->has_pct_bands = true;
    }
    rp->nbands = it->i + 1;
    const char *unit = bd->is_pct ? " of the base pension" : "";
    if (bd->to_year)
        snprintf(text, sizeof text, "years %d-%d: %s%s per year", bd->from_year, bd->to_year, m, unit);
    else
        snprintf(text, sizeof text, "years %d+: %s%s per year", bd->from_year, m, unit);
    return sb_pread_here(b, "", text, it->src, &bd->param);
}

static int resident_read_bands(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    static const char *const keys[] = {"from_year", "to_year", "per_year", "percent_of_base", "source", NULL},
                             *const req[] = {"from_year", NULL};
    static const sb_pread_shape shape = {"an object {\"from_year\", \"to_year\", \"per_year\" or \"percent_of_base\"}",
                                         keys, req};
    sb_resident *rp = out;
    int rc;
    if (!(rp->bands = sb_pread_list(b, arr, false, sizeof *rp->bands, &rc)))
        return rc;
    return sb_pread_each(b, arr, &shape, inh, resident_read_band, rp);
}

/* A rate of interest.rates: one a year, the years consecutive. */
static int resident_read_rate(sb_pread *b, const sb_pread_item *it, void *out)
{
    sb_resident *rp = out;
    sb_rate *r = &rp->rates[it->i];
    size_t old = sb_pread_push_key(b, "year");
    TRY(sb_pread_v_int(b, json_object_get(it->e, "year"), SB_YEAR_MIN, SB_YEAR_MAX, &r->year));
    if (it->i > 0 && r->year <= r[-1].year)
        return sb_pread_err(b, "years must be strictly increasing (%d after %d)", r->year, r[-1].year);
    if (it->i > 0 && r->year != r[-1].year + 1)
        return sb_pread_err(b, "rates have a gap: %d follows %d", r->year, r[-1].year);
    sb_pread_pop(b, old);
    char y[8], text[48];
    TRY(sb_pread_e_num(b, it->e, "value", SB_PREAD_INTEREST, NULL, &r->rate, text, sizeof text));
    r->r6 = sb_rate6(r->rate);
    rp->nrates = it->i + 1;
    snprintf(y, sizeof y, "%d", r->year);
    return sb_pread_here(b, y, text, it->src, &r->param);
}

static int resident_read_rates(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    static const char *const keys[] = {"year", "value", "source", NULL}, *const req[] = {"year", "value", NULL};
    static const sb_pread_shape shape = {"an object {\"year\", \"value\"}", keys, req};
    sb_resident *rp = out;
    int rc;
    if (!(rp->rates = sb_pread_list(b, arr, false, sizeof *rp->rates, &rc)))
        return rc;
    return sb_pread_each(b, arr, &shape, inh, resident_read_rate, rp);
}

static int resident_read_interest(sb_pread *b, json_t *obj, const char *inh, void *out)
{
    static const char *const keys[] = {"method", "deposit_month", "rounding", "rates", "assumed_future_rate",
                                       "after_claim", "source", NULL};
    sb_resident *rp = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inh, NULL, &o));
    int method = -1, rounding = 0;
    TRY(sb_pread_name(b, &o, "method", true, resident_method_names, &method, &rp->p_method));
    rp->method = method < 0 ? SB_INTEREST_YEAR_END : (sb_interest_method)method;
    bool monthly = method == SB_INTEREST_MONTHLY;
    json_t *dm = json_object_get(obj, "deposit_month");
    if (dm && !json_is_null(dm) && method >= 0 && !monthly) {
        size_t old = sb_pread_push_key(b, "deposit_month");
        int rc = sb_pread_err(b, "deposit_month applies only to method \"monthly\"");
        sb_pread_pop(b, old);
        return rc;
    }
    TRY(sb_pread_int(b, &o, "deposit_month", monthly, 1, 12, &rp->deposit_month, &rp->p_deposit_month));
    TRY(sb_pread_name(b, &o, "rounding", true, sb_pread_rounding_names, &rounding, &rp->p_rounding));
    rp->rounding = (shebao_rounding)rounding;
    TRY(sb_pread_sub(b, &o, "rates", true, JSON_ARRAY, resident_read_rates, rp));
    TRY(sb_pread_num(b, &o, "assumed_future_rate", true, SB_PREAD_INTEREST, NULL, &rp->future_rate,
                     &rp->p_future_rate));
    TRY(sb_pread_bool(b, &o, "after_claim", true, &rp->after_claim, &rp->p_after_claim));
    return SHEBAO_OK;
}

static int resident_read_backpay(sb_pread *b, json_t *obj, const char *inh, void *out)
{
    static const char *const keys[] = {"max_grade", "subsidised", "counts_for_years_pension", "source", NULL};
    sb_resident *rp = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inh, NULL, &o));
    TRY(sb_pread_num(b, &o, "max_grade", true, SB_PREAD_AMOUNT, &rp->backpay_max, NULL, &rp->p_backpay_max));
    TRY(sb_pread_bool(b, &o, "subsidised", true, &rp->backpay_subsidised, &rp->p_backpay_subsidised));
    TRY(sb_pread_bool(b, &o, "counts_for_years_pension", true, &rp->backpay_counts, &rp->p_backpay_counts));
    return SHEBAO_OK;
}

/* The rules that differ between provinces: the roundings of the account pension, the years pension and the monthly
 * total, and how age supplements combine. Absent, each keeps the rule every policy had before (fen_half_up,
 * fen_half_up, none, sum). */
static int resident_read_rules(sb_pread *b, const sb_pread_obj *o, sb_resident *rp)
{
    static const char *const combine_names[] = {"sum", "highest", NULL};
    int ar = -1, yr = -1, tr = -1, comb = -1;
    TRY(sb_pread_name(b, o, "account_pension_rounding", false, sb_pread_rounding_names, &ar, &rp->p_account_rounding));
    TRY(sb_pread_name(b, o, "years_pension_rounding", false, sb_pread_rounding_names, &yr, &rp->p_years_rounding));
    TRY(sb_pread_name(b, o, "monthly_total_rounding", false, sb_pread_rounding_or_none_names, &tr,
                      &rp->p_total_rounding));
    TRY(sb_pread_name(b, o, "age_supplements_combine", false, combine_names, &comb, &rp->p_combine));
    rp->has_account_rounding = ar >= 0;
    rp->account_rounding = ar >= 0 ? (shebao_rounding)ar : SHEBAO_ROUND_FEN_HALF_UP;
    rp->has_years_rounding = yr >= 0;
    rp->years_rounding = yr >= 0 ? (shebao_rounding)yr : SHEBAO_ROUND_FEN_HALF_UP;
    rp->has_total_rounding = tr >= 0 && tr != SB_PREAD_ROUNDING_NONE;
    rp->total_rounding = rp->has_total_rounding ? (shebao_rounding)tr : SHEBAO_ROUND_FEN_HALF_UP;
    rp->has_combine = comb >= 0;
    rp->supp_highest = comb == 1;
    rp->nonlinear = rp->has_pct_bands || rp->has_total_rounding || rp->supp_highest;
    return SHEBAO_OK;
}

int sb_policy_resident_read(sb_pread *b, json_t *obj, const char *inherited, void *out)
{
    static const char *const keys[] = {"scheme_start", "claim_age", "benefit_start_offset_months", "min_years",
                                       "account_divisor", "base_pension", "central_base_pension",
                                       "age_supplements", "grades", "backpay", "years_pension", "interest",
                                       "funeral_grant_months", "account_pension_rounding",
                                       "years_pension_rounding", "monthly_total_rounding",
                                       "age_supplements_combine", "source", NULL};
    sb_resident *rp = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inherited, NULL, &o));
    rp->present = true;
    TRY(sb_pread_month(b, &o, "scheme_start", true, &rp->scheme_start, &rp->p_scheme_start));
    TRY(sb_pread_int(b, &o, "claim_age", true, 40, 80, &rp->claim_age, &rp->p_claim_age));
    TRY(sb_pread_int(b, &o, "benefit_start_offset_months", true, 0, 12, &rp->offset_months, &rp->p_offset));
    TRY(sb_pread_int(b, &o, "min_years", true, 1, 50, &rp->min_years, &rp->p_min_years));
    TRY(sb_pread_num(b, &o, "account_divisor", true, SB_PREAD_POSITIVE, NULL, &rp->divisor, &rp->p_divisor));
    TRY(sb_pread_sub(b, &o, "base_pension", true, JSON_ARRAY, resident_read_base, rp));
    TRY(sb_pread_sub(b, &o, "central_base_pension", false, JSON_ARRAY, resident_read_central, rp));
    TRY(sb_pread_sub(b, &o, "age_supplements", false, JSON_ARRAY, resident_read_supplements, rp));
    TRY(sb_pread_sub(b, &o, "grades", true, JSON_ARRAY, resident_read_grades, rp));
    TRY(sb_pread_sub(b, &o, "backpay", true, JSON_OBJECT, resident_read_backpay, rp));
    TRY(sb_pread_sub(b, &o, "years_pension", false, JSON_ARRAY, resident_read_bands, rp));
    TRY(sb_pread_sub(b, &o, "interest", true, JSON_OBJECT, resident_read_interest, rp));
    TRY(sb_pread_int(b, &o, "funeral_grant_months", false, 0, 120, &rp->funeral_months, &rp->p_funeral));
    return resident_read_rules(b, &o, rp);
}
