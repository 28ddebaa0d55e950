/* From the ledger to the pension (docs/resident-pension.md §3–6): the back-payment check, eligibility, the monthly
 * pension at the claim with the funeral grant, and the break-even month. Integer fen throughout; every rounding is
 * named. */
#include <assert.h>

#include "resident.h"

int sb_resident_check_backpay(shebao_ctx *ctx, const sb_resident *rp, const shebao_person *pe, shebao_projection *p)
{
    if (pe->backpay_years == 0)
        return SHEBAO_OK;
    int yc = SB_MONTH_YEAR(p->claim);
    if (pe->backpay_grade > rp->backpay_max)
        return sb_fail(ctx, SHEBAO_EINPUT, "backpay: grade %s is above the back-payment cap %s",
                       SB_MONEY(pe->backpay_grade), SB_MONEY(rp->backpay_max));
    if (!sb_inforce_grade(sb_inforce_grades(rp, yc), pe->backpay_grade))
        return sb_resident_grade_error(ctx, rp, yc, pe->backpay_grade, "backpay in claim year");
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

/* Account pension = fen_half_up(B / divisor). B / divisor yuan is B·10^scale / num fen (divisor = num / 10^scale):
 * in 128-bit integers that numerator cannot overflow (B < 2^63, 10^scale <= 10^18 < 2^60), and sb_round_ratio
 * rounds the exact ratio; it refuses only a result beyond int64, which the exact path in rationals then refuses
 * too (and names). */
static int claim_account(shebao_ctx *ctx, const shebao_policy *P, shebao_projection *p)
{
    const sb_resident *rp = &P->rp;
    int rc = SHEBAO_ECOMPUTE;
#ifdef __SIZEOF_INT128__
    rc = sb_round_ratio((__int128)p->balance * sb_pow10[rp->divisor.scale], (__int128)rp->divisor.num,
                        SHEBAO_ROUND_FEN_HALF_UP, &p->account);
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
        rc = sb_round_q(q, SHEBAO_ROUND_FEN_HALF_UP, &p->account);
        mpq_clear(q);
        mpq_clear(d);
    }
    if (rc != SHEBAO_OK)
        return sb_fail(ctx, rc, SB_OUT_OF_RANGE "account pension");
    TRY(sb_prov_use(&p->used, rp->p_divisor));
    sb_explain(p, "claim  account pension = fen_half_up(B / divisor) = fen_half_up(%s / %s) = %s   {%s}\n",
               SB_MONEY(p->balance), SB_DEC(rp->divisor), SB_MONEY(p->account), SB_PARAM(P, rp->p_divisor));
    return SHEBAO_OK;
}

/* Base pension = the value in force in the claim month (carried forward past the last dated value). */
static int claim_base(shebao_ctx *ctx, const shebao_policy *P, shebao_projection *p)
{
    const sb_resident *rp = &P->rp;
    bool last = false;
    const sb_dated_money *b = sb_inforce_series(&rp->base, p->claim, &last);
    if (!b)
        return sb_fail(ctx, SHEBAO_EPOLICY, "resident_pension.base_pension: no value in force in %s", p->claim_text);
    p->base = b->fen;
    sb_month_format(b->from, p->base_from, sizeof p->base_from);
    p->base_carried_forward = last && SB_MONTH_YEAR(p->claim) > SB_MONTH_YEAR(b->from);
    TRY(sb_prov_use(&p->used, b->param));
    const sb_dated_money *c = sb_inforce_series(&rp->central, p->claim, &last);
    if (c) {
        p->have_central = true;
        p->central = c->fen;
    }
    sb_explain(p, "claim  base pension = series value in force in %s = %s%s   {%s}\n", p->claim_text,
               SB_MONEY(p->base), p->base_carried_forward ? " (carried forward past the last dated value)" : "",
               SB_PARAM(P, b->param));
    return SHEBAO_OK;
}

/* Years pension = Σ over bands of per_year × (years of n inside the band), n = contribution years + (back-paid years
 * if they count). */
static int claim_years_pension(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe,
                               shebao_projection *p)
{
    const sb_resident *rp = &P->rp;
    int n = p->contrib_years + (rp->backpay_counts ? pe->backpay_years : 0);
    if (pe->backpay_years)
        TRY(sb_prov_use(&p->used, rp->p_backpay_counts));
    for (size_t i = 0; i < rp->nbands; i++) {
        const sb_band *bd = &rp->bands[i];
        int hi = bd->to_year ? bd->to_year : n;
        if (hi > n)
            hi = n;
        int years = hi - bd->from_year + 1;
        if (years <= 0)
            continue;
        int64_t add;
        if (__builtin_mul_overflow(bd->per_year, (int64_t)years, &add))
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "years pension");
        TRY(sb_resident_add(ctx, &p->years_pension, add, "years pension", 0));
        TRY(sb_prov_use(&p->used, bd->param));
        sb_explain(p, "claim  years pension band %d-%d: %d years × %s = %s   {%s}\n", bd->from_year, hi, years,
                   SB_MONEY(bd->per_year), SB_MONEY(add), SB_PARAM(P, bd->param));
    }
    return SHEBAO_OK;
}

/* The age supplements, the monthly total = base + account + years + supplement, and the funeral grant. */
static int claim_total(shebao_ctx *ctx, const sb_resident *rp, shebao_projection *p)
{
    int age = p->claim_age_years;
    p->supplement = sb_inforce_supplements(rp, p->claim, age, &p->used);
    p->total = p->base;
    TRY(sb_resident_add(ctx, &p->total, p->account, "monthly total", 0));
    TRY(sb_resident_add(ctx, &p->total, p->years_pension, "monthly total", 0));
    TRY(sb_resident_add(ctx, &p->total, p->supplement, "monthly total", 0));
    /* the total is the sum of four parts, none negative (so each part, and any sum of them, fits too) */
    assert(p->base >= 0 && p->account >= 0 && p->years_pension >= 0 && p->supplement >= 0 &&
           p->total == p->base + p->account + p->years_pension + p->supplement);
    if (rp->funeral_months) {
        TRY(sb_prov_use(&p->used, rp->p_funeral));
        if (__builtin_mul_overflow(p->base, (int64_t)rp->funeral_months, &p->funeral))
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "funeral grant");
    }
    sb_explain(p, "claim  age supplement at age %d = %s\nclaim  monthly total = base + years + account + "
               "supplement = %s\n", age, SB_MONEY(p->supplement), SB_MONEY(p->total));
    return SHEBAO_OK;
}

int sb_resident_claim(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p)
{
    TRY(claim_account(ctx, P, p));
    TRY(claim_base(ctx, P, p));
    TRY(claim_years_pension(ctx, P, pe, p));
    return claim_total(ctx, &P->rp, p);
}

/* §6: the smallest m >= 1 with m × total >= personal total (none beyond 100,000 months). */
void sb_resident_breakeven(shebao_projection *p)
{
    if (p->total <= 0)
        return;
    int64_t m = p->personal / p->total + (p->personal % p->total != 0);
    if (m < 1)
        m = 1;
    if (m < 100000) {
        p->have_breakeven = true;
        p->breakeven_m = (int)m;
        p->breakeven_month = p->claim + (sb_month)m - 1;
    }
}
