/* From the ledger to the pension (docs/resident-pension.md §3–6): the back-payment check, eligibility, the monthly
 * pension at the claim with the funeral grant, and the break-even month. Integer fen throughout; every rounding is
 * named. */
#include <assert.h>
#include <string.h>

#include "resident.h"

int sb_resident_check_backpay_grade(shebao_ctx *ctx, const sb_resident *rp, int yc, int64_t grade, const char *what)
{
    if (grade > rp->backpay_max)
        return sb_fail(ctx, SHEBAO_EINPUT, "%s: grade %s is above the back-payment cap %s", sb_tr(ctx, what),
                       SB_MONEY(grade), SB_MONEY(rp->backpay_max));
    if (!sb_inforce_grade(sb_inforce_grades(rp, yc), grade)) {
        char w[64];
        snprintf(w, sizeof w, sb_tr(ctx, "%s in claim year"), sb_tr(ctx, what));
        return sb_resident_grade_error(ctx, rp, yc, grade, w);
    }
    return SHEBAO_OK;
}

int sb_resident_check_backpay(shebao_ctx *ctx, const sb_resident *rp, const shebao_person *pe, shebao_projection *p)
{
    if (pe->backpay_years == 0)
        return SHEBAO_OK;
    int yc = SB_MONTH_YEAR(p->claim);
    TRY(sb_resident_check_backpay_grade(ctx, rp, yc, pe->backpay_grade, "backpay"));
    int room = rp->min_years - p->contrib_years;
    if (pe->backpay_years > room)
        return sb_fail(ctx, SHEBAO_EINPUT,
                       "backpay: %d years requested, but back payment may only bring the total to %d years "
                       "(%d contribution years leave room for %d)", pe->backpay_years, rp->min_years,
                       p->contrib_years, room > 0 ? room : 0);
    return sb_prov_use(&p->used, rp->p_backpay_max);
}

/* §4: eligible ⇔ years paid (contribution + back-paid) >= min(min_years, claim year − scheme start year). */
int sb_resident_eligibility(const shebao_policy *P, const shebao_person *pe, shebao_projection *p)
{
    const sb_resident *rp = &P->rp;
    p->backpay_years = pe->backpay_years;
    p->backpay_grade = pe->backpay_grade;
    p->backpay_max = rp->backpay_max;
    p->years_paid = p->contrib_years + pe->backpay_years;
    p->years_required = sb_resident_years_required(rp, SB_MONTH_YEAR(p->claim));
    p->eligible = p->years_paid >= p->years_required;
    p->years_missing = p->eligible ? 0 : p->years_required - p->years_paid;
    TRY(sb_prov_use(&p->used, rp->p_min_years));
    TRY(sb_prov_use(&p->used, rp->p_scheme_start));
    sb_explain(p, "eligibility: years paid %d (contribution %d + back-paid %d) %s required "
               "min(min_years %d, claim year %d − scheme start %d) = %d\n", p->years_paid, p->contrib_years,
               pe->backpay_years, p->eligible ? ">=" : "<", rp->min_years, SB_MONTH_YEAR(p->claim),
               SB_MONTH_YEAR(rp->scheme_start), p->years_required);
    return SHEBAO_OK;
}

/* Account pension = R(B / divisor), R the policy's account_pension_rounding (fen_half_up when absent). B / divisor yuan is B·10^scale / num fen (divisor = num / 10^scale):
 * in 128-bit integers that numerator cannot overflow (B < 2^63, 10^scale <= 10^18 < 2^60), and sb_round_ratio
 * rounds the exact ratio; it refuses only a result beyond int64, which the exact path in rationals then refuses
 * too (and names). */
static int claim_account(shebao_ctx *ctx, const shebao_policy *P, shebao_projection *p)
{
    const sb_resident *rp = &P->rp;
    int rc = SHEBAO_ECOMPUTE;
#ifdef __SIZEOF_INT128__
    rc = sb_round_ratio((__int128)p->balance * sb_pow10[rp->divisor.scale], (__int128)rp->divisor.num,
                        rp->account_rounding, &p->account);
#endif
    if (rc != SHEBAO_OK) {
        mpq_t q, d;
        mpq_init(q);
        mpq_init(d);
        sb_mpz_set_i64(mpq_numref(q), p->balance);
        mpz_set_ui(mpq_denref(q), 100);
        mpq_canonicalize(q);
        sb_dec_to_q(d, rp->divisor);
        mpq_div(q, q, d);
        rc = sb_round_q(q, rp->account_rounding, &p->account);
        mpq_clear(q);
        mpq_clear(d);
    }
    if (rc != SHEBAO_OK)
        return sb_fail(ctx, rc, SB_OUT_OF_RANGE "account pension");
    TRY(sb_prov_use(&p->used, rp->p_divisor));
    const char *r = shebao_rounding_name(rp->account_rounding);
    sb_explain(p, "claim  account pension = %s(B / divisor) = %s(%s / %s) = %s   {%s}\n", r, r, SB_MONEY(p->balance),
               SB_DEC(rp->divisor), SB_MONEY(p->account), SB_PARAM(P, rp->p_divisor));
    if (rp->has_account_rounding) {
        TRY(sb_prov_use(&p->used, rp->p_account_rounding));
        sb_explain(p, "claim  account pension rounding %s   {%s}\n", r, SB_PARAM(P, rp->p_account_rounding));
    }
    return SHEBAO_OK;
}

/* Base pension = the value in force in the claim month; after the policy's data_through, carried forward (or grown
 * by the run's growth rate each January after it: resident_pay.c). */
static int claim_base(shebao_ctx *ctx, const shebao_policy *P, shebao_projection *p)
{
    const sb_resident *rp = &P->rp;
    bool last = false;
    if (!sb_inforce_series(&rp->base, p->claim, &last))
        return sb_fail(ctx, SHEBAO_EPOLICY, "resident_pension.base_pension: no value in force in %s", p->claim_text);
    sb_base_run pay;
    if (sb_inforce_base_at(rp, p->growth, p->claim, &pay) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "base pension in %s", p->claim_text);
    p->base = pay.fen;
    sb_month_format(pay.entry->from, p->base_from, sizeof p->base_from);
    p->base_carried_forward = p->claim > rp->data_through;
    TRY(sb_prov_use(&p->used, pay.entry->param));
    const sb_dated_money *c = sb_inforce_series(&rp->central, p->claim, &last);
    if (c) {
        p->have_central = true;
        p->central = c->fen;
    }
    char dt[8];
    sb_month_format(rp->data_through, dt, sizeof dt);
    sb_explain(p, "claim  base pension = series value in force in %s = %s", p->claim_text, SB_MONEY(p->base));
    if (p->base_carried_forward && p->growth.num)
        sb_explain(p, " (carried forward past data_through %s, grown each January by %s)", dt, p->growth_text);
    else if (p->base_carried_forward)
        sb_explain(p, " (carried forward past data_through %s)", dt);
    sb_explain(p, "   {%s}\n", SB_PARAM(P, pay.entry->param));
    if (p->base_carried_forward)
        TRY(sb_prov_use(&p->used, rp->p_data_through));
    return SHEBAO_OK;
}

/* The exact decimal num / 10^scale without trailing zeros, for the explanation ("30.8", "0.01"); "(large)" beyond
 * int64. */
static const char *claim_exact(__int128 num, int scale, char buf[48])
{
    if (num > INT64_MAX)
        return strcpy(buf, "(large)");
    sb_dec_format((sb_dec){(int64_t)num, scale}, buf, 48);
    sb_dec_trim(buf);
    return buf;
}

/* Years pension = R(Σ over bands of per_year × (years of n inside the band) + Σ over percent bands of base ×
 * percent_of_base × (years of n inside the band)), n = contribution years + (back-paid years if they count), base
 * the base pension in force, R the policy's years_pension_rounding (fen_half_up when absent: no change to whole
 * fen). In payment the percent part follows the base pension (sb_inforce_years_pension). */
static int claim_years_pension(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe,
                               shebao_projection *p)
{
    const sb_resident *rp = &P->rp;
    int n = p->contrib_years + (rp->backpay_counts ? pe->backpay_years : 0);
    if (pe->backpay_years)
        TRY(sb_prov_use(&p->used, rp->p_backpay_counts));
    p->years = (sb_years){0, 0};
    for (size_t i = 0; i < rp->nbands; i++) {
        const sb_band *bd = &rp->bands[i];
        int hi = bd->to_year ? bd->to_year : n;
        if (hi > n)
            hi = n;
        int years = hi - bd->from_year + 1;
        if (years <= 0)
            continue;
        TRY(sb_prov_use(&p->used, bd->param));
        if (bd->is_pct) { /* pct9 <= 10^9 a band, years <= 100: the sum stays below 10^11 */
            p->years.pct9 += bd->pct9 * years;
            char ex[48], pc[48];
            sb_explain(p, "claim  years pension band %d-%d: %d years × %s × base %s = %s   {%s}\n", bd->from_year, hi,
                       years, claim_exact(bd->pct9, 9, pc), SB_MONEY(p->base),
                       claim_exact((__int128)p->base * bd->pct9 * years, 11, ex), SB_PARAM(P, bd->param));
            continue;
        }
        int64_t add;
        if (__builtin_mul_overflow(bd->per_year, (int64_t)years, &add))
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "years pension");
        TRY(sb_resident_add(ctx, &p->years.fixed, add, "years pension", 0));
        sb_explain(p, "claim  years pension band %d-%d: %d years × %s = %s   {%s}\n", bd->from_year, hi, years,
                   SB_MONEY(bd->per_year), SB_MONEY(add), SB_PARAM(P, bd->param));
    }
    if (sb_inforce_years_pension(rp, &p->years, p->base, &p->years_pension) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "years pension");
    if (rp->has_pct_bands || rp->has_years_rounding) {
        char ex[48];
        const char *r = shebao_rounding_name(rp->years_rounding);
        if (rp->has_years_rounding)
            TRY(sb_prov_use(&p->used, rp->p_years_rounding));
        sb_explain(p, "claim  years pension = %s(%s) = %s%s\n", r,
                   claim_exact((__int128)p->years.fixed * sb_pow10[9] + (__int128)p->base * p->years.pct9, 11, ex),
                   SB_MONEY(p->years_pension),
                   rp->has_pct_bands ? SB_PIECE(" (its percent part follows the base pension in payment)") : "");
    }
    return SHEBAO_OK;
}

/* The age supplements, the monthly total = base + account + years + supplement, and the funeral grant. */
static int claim_total(shebao_ctx *ctx, const sb_resident *rp, shebao_projection *p)
{
    int age = p->claim_age_years;
    p->supplement = sb_inforce_supplements(rp, p->claim, age, &p->used);
    if (rp->has_combine)
        TRY(sb_prov_use(&p->used, rp->p_combine));
    p->total = p->base;
    TRY(sb_resident_add(ctx, &p->total, p->account, "monthly total", 0));
    TRY(sb_resident_add(ctx, &p->total, p->years_pension, "monthly total", 0));
    TRY(sb_resident_add(ctx, &p->total, p->supplement, "monthly total", 0));
    /* the total is the sum of four parts, none negative (so each part, and any sum of them, fits too) */
    assert(p->base >= 0 && p->account >= 0 && p->years_pension >= 0 && p->supplement >= 0 &&
           p->total == p->base + p->account + p->years_pension + p->supplement);
    p->total_unrounded = p->total;
    p->total_rounding = rp->has_total_rounding ? shebao_rounding_name(rp->total_rounding) : NULL;
    if (rp->has_total_rounding) {
        TRY(sb_prov_use(&p->used, rp->p_total_rounding));
        if (sb_round_ratio(p->total_unrounded, 1, rp->total_rounding, &p->total) != SHEBAO_OK)
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "monthly total");
    }
    if (rp->funeral_months) {
        TRY(sb_prov_use(&p->used, rp->p_funeral));
        if (__builtin_mul_overflow(p->base, (int64_t)rp->funeral_months, &p->funeral))
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "funeral grant");
    }
    sb_explain(p, "claim  age supplement at age %d%s = %s\nclaim  monthly total = base + years + account + "
               "supplement = %s\n", age, rp->supp_highest ? SB_PIECE(" (the highest bracket reached)") : "",
               SB_MONEY(p->supplement), SB_MONEY(p->total_unrounded));
    if (rp->has_total_rounding)
        sb_explain(p, "claim  monthly total rounded %s(%s) = %s (the parts above are not rounded by it)\n",
                   shebao_rounding_name(rp->total_rounding), SB_MONEY(p->total_unrounded), SB_MONEY(p->total));
    return SHEBAO_OK;
}

int sb_resident_claim(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p)
{
    TRY(claim_account(ctx, P, p));
    TRY(claim_base(ctx, P, p));
    TRY(claim_years_pension(ctx, P, pe, p));
    return claim_total(ctx, &P->rp, p);
}
