/* Long-term care: eligibility and the benefit of one month (docs/ltc.md, "Benefits"). */
#include <string.h>

#include "ltc.h"

static const sb_dec ONE = {1, 0};

static int grade_value(shebao_ctx *ctx, const sb_ltc_benefits *be, const sb_ltc_gmap *map, const char *name,
                       shebao_ltc_mode mode, int grade, shebao_ltc_assumptions *assumptions)
{
    if (!(map->set & (1u << grade))) {
        char from[8];
        sb_month_format(be->from, from, sizeof from);
        return sb_fail(ctx, SHEBAO_EPOLICY, "long_term_care.benefits (from %s): modes.%s.%s has no value for grade %d",
                       from, shebao_ltc_mode_name(mode), name, grade);
    }
    return sb_prov_use(sb_ltc_used(assumptions), map->param[grade]);
}

/* The rules of the grade and mode that sb_ltc_pay applied (the version-2 members of the result). */
static void rules_applied(const sb_ltc_mode *md, int grade, shebao_ltc_mode mode, shebao_ltc_benefit *out)
{
    unsigned g = 1u << grade;
    bool inst = mode == SHEBAO_LTC_INSTITUTION || mode == SHEBAO_LTC_MEDICAL_INSTITUTION;
    out->ratio[0] = out->max_hours[0] = '\0';
    if (mode != SHEBAO_LTC_HOME_CASH)
        sb_dec_format(md->ratio.dec[grade], out->ratio, sizeof out->ratio);
    out->daily_cap = inst ? md->daily_cap.fen[grade] : SHEBAO_UNSET;
    out->monthly_cap = mode != SHEBAO_LTC_HOME_CASH && (md->monthly_cap.set & g) ? md->monthly_cap.fen[grade]
                                                                                 : SHEBAO_UNSET;
    if (mode == SHEBAO_LTC_HOME_VISIT)
        sb_dec_format(md->max_hours.dec[grade], out->max_hours, sizeof out->max_hours);
    out->hour_price_cap = mode == SHEBAO_LTC_HOME_VISIT ? md->hour_price_cap : SHEBAO_UNSET;
    out->monthly = mode == SHEBAO_LTC_HOME_CASH ? md->monthly.fen[grade] : SHEBAO_UNSET;
}

int sb_ltc_pay(shebao_ctx *ctx, const sb_ltc_benefits *be, int grade, shebao_ltc_mode mode, int days_in_month,
               int eligible_days, int64_t cost, const sb_dec *hours, int64_t price, shebao_ltc_benefit *out,
               shebao_ltc_assumptions *assumptions)
{
    const sb_ltc_mode *md = &be->mode[mode];
    shebao_rounding R = md->has_rounding ? md->rounding : SHEBAO_ROUND_FEN_HALF_UP;
    if (md->has_rounding)
        TRY(sb_prov_use(sb_ltc_used(assumptions), md->p_rounding));
    int64_t pay = 0, d = eligible_days;
    unsigned limits = 0;
    shebao_ltc_limit binding = SHEBAO_LTC_LIMIT_RATIO;
    bool has_monthly = false;
    if (mode == SHEBAO_LTC_INSTITUTION || mode == SHEBAO_LTC_MEDICAL_INSTITUTION) {
        TRY(sb_prov_use(sb_ltc_used(assumptions), md->p_convention));
        TRY(grade_value(ctx, be, &md->ratio, "ratio", mode, grade, assumptions));
        TRY(grade_value(ctx, be, &md->daily_cap, "daily_cap", mode, grade, assumptions));
        int64_t day_cap = md->daily_cap.fen[grade] * d; /* <= 1e14 fen × 31: no overflow */
        if (md->convention == 0) { /* cap_on_cost: min(R(ratio × min(cost, daily_cap × d)), monthly_cap) */
            int64_t capped = cost;
            if (day_cap < cost) {
                capped = day_cap;
                limits |= SHEBAO_LTC_LIMIT_DAILY_CAP;
                binding = SHEBAO_LTC_LIMIT_DAILY_CAP;
            }
            TRY(sb_ltc_round(ctx, capped, md->ratio.dec[grade], ONE, 1, 1, R, &pay));
        } else { /* cap_on_payment: min(R(ratio × cost), daily_cap × d, monthly_cap) */
            TRY(sb_ltc_round(ctx, cost, md->ratio.dec[grade], ONE, 1, 1, R, &pay));
            if (day_cap < pay) {
                pay = day_cap;
                limits |= SHEBAO_LTC_LIMIT_DAILY_CAP;
                binding = SHEBAO_LTC_LIMIT_DAILY_CAP;
            }
        }
        has_monthly = true;
        out->cost = cost;
    } else if (mode == SHEBAO_LTC_HOME_VISIT) {
        /* min(R(ratio × min(price, hour_price_cap) × min(hours, max_hours_month)), monthly_cap) */
        TRY(grade_value(ctx, be, &md->ratio, "ratio", mode, grade, assumptions));
        TRY(grade_value(ctx, be, &md->max_hours, "max_hours_month", mode, grade, assumptions));
        TRY(sb_prov_use(sb_ltc_used(assumptions), md->p_hour_price_cap));
        sb_dec h = *hours;
        int64_t p = price;
        if (sb_dec_cmp(h, md->max_hours.dec[grade]) > 0) {
            h = md->max_hours.dec[grade];
            limits |= SHEBAO_LTC_LIMIT_HOURS;
        }
        if (p > md->hour_price_cap) {
            p = md->hour_price_cap;
            limits |= SHEBAO_LTC_LIMIT_PRICE;
        }
        binding = (limits & SHEBAO_LTC_LIMIT_HOURS) ? SHEBAO_LTC_LIMIT_HOURS
                : (limits & SHEBAO_LTC_LIMIT_PRICE) ? SHEBAO_LTC_LIMIT_PRICE
                                                    : SHEBAO_LTC_LIMIT_RATIO;
        TRY(sb_ltc_round(ctx, p, md->ratio.dec[grade], h, 1, 1, R, &pay));
        TRY(sb_ltc_round(ctx, price, *hours, ONE, 1, 1, R, &out->cost));
        has_monthly = true;
    } else { /* home_cash: R(monthly × d / days in the month) */
        TRY(grade_value(ctx, be, &md->monthly, "monthly", mode, grade, assumptions));
        TRY(sb_ltc_round(ctx, md->monthly.fen[grade], ONE, ONE, d, days_in_month, R, &pay));
        binding = SHEBAO_LTC_LIMIT_NONE;
        out->cost = 0;
    }
    if (has_monthly && (md->monthly_cap.set & (1u << grade))) {
        TRY(sb_prov_use(sb_ltc_used(assumptions), md->monthly_cap.param[grade]));
        if (md->monthly_cap.fen[grade] < pay) {
            pay = md->monthly_cap.fen[grade];
            limits |= SHEBAO_LTC_LIMIT_MONTHLY_CAP;
            binding = SHEBAO_LTC_LIMIT_MONTHLY_CAP;
        }
    }
    if (mode != SHEBAO_LTC_HOME_CASH && pay > out->cost)
        pay = out->cost; /* coarse rounding (jiao, yuan) never pays more than the cost */
    out->fund_pays = pay;
    out->self_pays = mode == SHEBAO_LTC_HOME_CASH ? 0 : out->cost - pay;
    out->binding = binding;
    out->limits = limits;
    if (out->version >= 2)
        rules_applied(md, grade, mode, out);
    return SHEBAO_OK;
}

/* ---- one month ------------------------------------------------------------------------------------------- */

static int eligibility(const sb_ltc *L, const shebao_ltc_claim *c, shebao_ltc_benefit *out,
                       shebao_ltc_assumptions *assumptions)
{
    TRY(sb_prov_use(sb_ltc_used(assumptions), L->p_min_grade));
    TRY(sb_prov_use(sb_ltc_used(assumptions), L->p_min_disability_months));
    TRY(sb_prov_use(sb_ltc_used(assumptions), L->p_waiting_months));
    out->eligible = 1;
    out->reason = SHEBAO_LTC_ELIGIBLE;
    out->reason_text[0] = '\0';
    int min = 0, value = 0; /* the figures of the refusal (version 3) */
    char why[96];
    if (c->disability_months == SHEBAO_UNSET) {
        snprintf(why, sizeof why, "not given: assumed to meet min_disability_months %d", L->min_disability_months);
        TRY(sb_ltc_assume(assumptions, "run.disability_months", "not given", why));
    }
    if (c->insured_months == SHEBAO_UNSET) {
        snprintf(why, sizeof why, "not given: assumed to meet waiting_months %d", L->waiting_months);
        TRY(sb_ltc_assume(assumptions, "run.insured_months", "not given", why));
    }
    if (c->grade < L->min_grade) {
        out->reason = SHEBAO_LTC_GRADE_TOO_LOW;
        min = L->min_grade;
        value = c->grade;
        snprintf(out->reason_text, sizeof out->reason_text, "grade %d (%s) is below min_grade %d (%s)", c->grade,
                 shebao_ltc_grade_name(c->grade), L->min_grade, shebao_ltc_grade_name(L->min_grade));
    } else if (c->disability_months != SHEBAO_UNSET && c->disability_months < L->min_disability_months) {
        out->reason = SHEBAO_LTC_DISABILITY_TOO_SHORT;
        min = L->min_disability_months;
        value = c->disability_months;
        snprintf(out->reason_text, sizeof out->reason_text,
                 "disability of %d months is shorter than min_disability_months %d", c->disability_months,
                 L->min_disability_months);
    } else if (c->insured_months != SHEBAO_UNSET && c->insured_months < L->waiting_months) {
        out->reason = SHEBAO_LTC_WAITING_PERIOD;
        min = L->waiting_months;
        value = c->insured_months;
        snprintf(out->reason_text, sizeof out->reason_text,
                 "insured for %d months, fewer than waiting_months %d", c->insured_months, L->waiting_months);
    }
    out->eligible = out->reason == SHEBAO_LTC_ELIGIBLE;
    if (out->version >= 3) { /* a version-2 caller's struct ends before these members */
        out->reason_min = min;
        out->reason_value = value;
    }
    return SHEBAO_OK;
}

static int parse_hours(shebao_ctx *ctx, const char *s, sb_dec *out)
{
    const char *why = NULL;
    if (sb_dec_parse(s, out, &why) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_EINPUT, "hours '%.40s': %s", s, sb_tr(ctx, why));
    if (s[0] == '-' || s[0] == '+')
        return sb_fail(ctx, SHEBAO_EINPUT, "hours '%.40s' must be a number without a sign", s);
    if (sb_dec_cmp(*out, (sb_dec){744, 0}) > 0)
        return sb_fail(ctx, SHEBAO_EINPUT, "hours '%.40s': a month has at most 744 hours", s);
    return SHEBAO_OK;
}

/* Inputs the mode needs, and none that it does not use. */
static int check_inputs(shebao_ctx *ctx, const shebao_ltc_claim *c, sb_dec *hours)
{
    bool inst = c->mode == SHEBAO_LTC_INSTITUTION || c->mode == SHEBAO_LTC_MEDICAL_INSTITUTION;
    const char *mode = shebao_ltc_mode_name(c->mode);
    if (inst && c->cost == SHEBAO_UNSET)
        return sb_fail(ctx, SHEBAO_EINPUT, "mode %s needs the month's care cost", mode);
    if (!inst && c->cost != SHEBAO_UNSET)
        return sb_fail(ctx, SHEBAO_EINPUT, "a care cost applies only to the institution modes, not to %s%s", mode,
                       c->mode == SHEBAO_LTC_HOME_VISIT ? " (give hours and price)" : "");
    if (c->mode == SHEBAO_LTC_HOME_VISIT && (!c->hours || c->price == SHEBAO_UNSET))
        return sb_fail(ctx, SHEBAO_EINPUT, "mode home_visit needs the hours and the price per hour");
    if (c->mode != SHEBAO_LTC_HOME_VISIT && (c->hours || c->price != SHEBAO_UNSET))
        return sb_fail(ctx, SHEBAO_EINPUT, "hours and price apply only to mode home_visit, not to %s", mode);
    if (c->hours)
        return parse_hours(ctx, c->hours, hours);
    return SHEBAO_OK;
}

static int benefit(shebao_ctx *ctx, const shebao_policy *P, const shebao_ltc_claim *c, shebao_ltc_benefit *out,
                   shebao_ltc_assumptions *assumptions)
{
    if (!c)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL claim");
    if (sb_check_version(ctx, "shebao_ltc_claim", c->version, SHEBAO_LTC_CLAIM_VERSION, "SHEBAO_LTC_CLAIM_INIT") !=
            SHEBAO_OK ||
        sb_check_version(ctx, "shebao_ltc_benefit", out->version, SHEBAO_LTC_BENEFIT_VERSION,
                         "SHEBAO_LTC_BENEFIT_INIT") != SHEBAO_OK)
        return SHEBAO_EUSAGE;
    if (c->grade < 0 || c->grade >= SB_LTC_GRADES)
        return sb_fail(ctx, SHEBAO_EINPUT, "grade %d: must be 0 to 5", c->grade);
    if (!shebao_ltc_mode_name(c->mode))
        return sb_fail(ctx, SHEBAO_EINPUT, "unknown care mode %d", (int)c->mode);
    sb_month m;
    TRY(sb_ltc_month(ctx, c->year, c->month, "month", &m));
    char mt[8];
    sb_month_format(m, mt, sizeof mt);
    int dim = sb_ltc_days_in_month(m);
    int care = c->care_days < 0 ? dim : c->care_days;
    if (care > dim)
        return sb_fail(ctx, SHEBAO_EINPUT, "days %d: %s has only %d days", care, mt, dim);
    if (c->hospital_days < 0 || c->hospital_days > dim)
        return sb_fail(ctx, SHEBAO_EINPUT, "hospital days %d: must be 0 to %d (the days of %s)", c->hospital_days,
                       dim, mt);
    if (c->disability_months < SHEBAO_UNSET || c->insured_months < SHEBAO_UNSET)
        return sb_fail(ctx, SHEBAO_EINPUT, "months of disability and of insurance must not be negative");
    if (c->cost < SHEBAO_UNSET || c->price < SHEBAO_UNSET)
        return sb_fail(ctx, SHEBAO_EINPUT, "cost and price must not be negative");
    sb_dec hours = {0, 0};
    TRY(check_inputs(ctx, c, &hours));
    const sb_ltc *L;
    TRY(sb_ltc_section(ctx, P, "eligibility", &L));
    out->days_in_month = dim;
    out->care_days = care;
    out->eligible_days = care > c->hospital_days ? care - c->hospital_days : 0;
    out->from[0] = '\0';
    if (out->version >= 2) { /* no rule applied until sb_ltc_pay says which */
        out->ratio[0] = out->max_hours[0] = '\0';
        out->daily_cap = out->monthly_cap = out->hour_price_cap = out->monthly = SHEBAO_UNSET;
    }
    out->binding = SHEBAO_LTC_LIMIT_NONE;
    out->limits = 0;
    out->fund_pays = 0;
    TRY(eligibility(L, c, out, assumptions));
    if (!out->eligible) {
        out->cost = 0;
        if (c->cost != SHEBAO_UNSET)
            out->cost = c->cost;
        else if (c->mode == SHEBAO_LTC_HOME_VISIT)
            TRY(sb_ltc_round(ctx, c->price, hours, (sb_dec){1, 0}, 1, 1, SHEBAO_ROUND_FEN_HALF_UP, &out->cost));
        out->self_pays = out->cost;
        return SHEBAO_OK;
    }
    const sb_ltc_benefits *be;
    TRY(sb_ltc_benefits_at(ctx, P, m, &be));
    sb_month_format(be->from, out->from, sizeof out->from);
    if (!be->mode[c->mode].present) {
        char list[120] = "";
        for (int i = 0; i < SB_LTC_MODES; i++)
            if (be->mode[i].present) {
                strncat(list, list[0] ? ", " : "", sizeof list - strlen(list) - 1);
                strncat(list, shebao_ltc_mode_name((shebao_ltc_mode)i), sizeof list - strlen(list) - 1);
            }
        return sb_fail(ctx, SHEBAO_EINPUT, "%s: the long-term care benefits of policy %s in force (from %s) define no "
                       "%s benefit (defined: %s)", mt, P->id, out->from, shebao_ltc_mode_name(c->mode), list);
    }
    if (c->care_days < 0 && c->mode != SHEBAO_LTC_HOME_VISIT)
        TRY(sb_ltc_assume(assumptions, "run.care_days", "whole month", "not given: care on every day of the month"));
    return sb_ltc_pay(ctx, be, c->grade, c->mode, dim, out->eligible_days, c->cost, &hours, c->price, out, assumptions);
}

int shebao_ltc_benefit_month(shebao_ctx *ctx, const shebao_policy *policy, const shebao_ltc_claim *claim,
                             shebao_ltc_benefit *out, shebao_ltc_assumptions *assumptions)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    sb_ltc_assumptions_reset(assumptions);
    int rc = benefit(ctx, policy, claim, out, assumptions);
    return sb_ltc_done(ctx, assumptions, policy, rc);
}
