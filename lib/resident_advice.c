/* What a person who is not eligible could still do (docs/resident-pension.md §4, "advice"): years paid and
 * required, the years still payable and until which year, and the back payment (补缴) that closes the gap at the
 * lowest and at the highest allowed back-payment grade, with its cost and the monthly pension of that plan. The
 * pensions are those of real projections (the person's plan with that back payment), never estimates. */
#include "resident.h"

/* The lowest and the highest normal (not 代缴) grade of the claim year's table that a back payment may use
 * (≤ backpay.max_grade); 0 when there is none. */
static void backpay_range(const sb_resident *rp, int yc, int64_t *lo, int64_t *hi)
{
    *lo = *hi = 0;
    const sb_grade_table *t = sb_inforce_grades(rp, yc);
    for (size_t i = 0; t && i < t->n; i++) {
        int64_t g = t->g[i].grade;
        if (t->g[i].daijiao || g > rp->backpay_max)
            continue;
        if (!*lo || g < *lo)
            *lo = g;
        if (g > *hi)
            *hi = g;
    }
}

/* The plan of pe with a back payment of `years` at `grade`, projected (without advice): its monthly total. */
static int backpay_path(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, int years, int64_t grade,
                        int *has, int64_t *cost, int64_t *monthly)
{
    shebao_person q = *pe;
    q.backpay_years = years;
    q.backpay_grade = grade;
    q.explain = 0;
    q.mortality = SHEBAO_MORTALITY_NONE; /* only the monthly pension is read */
    shebao_projection *r = NULL;
    int rc = sb_resident_project(ctx, P, &q, false, &r);
    if (rc == SHEBAO_OK && r->eligible) {
        *has = 1;
        *cost = (int64_t)years * grade; /* years <= 100, grade <= backpay.max_grade: checked by the projection */
        *monthly = r->total;
    }
    shebao_projection_free(r);
    /* a plan the rules refuse (or that overflows) is no advice: only running out of memory is a failure */
    return rc == SHEBAO_ENOMEM ? rc : SHEBAO_OK;
}

int sb_resident_advice(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p)
{
    const sb_resident *rp = &P->rp;
    shebao_advice *a = &p->advice;
    *a = (shebao_advice)SHEBAO_ADVICE_INIT;
    a->years_paid = p->years_paid;
    a->years_required = p->years_required;
    a->years_missing = p->years_missing;
    int yc = SB_MONTH_YEAR(p->claim);
    a->last_payable_year = sb_resident_last_payable(rp, pe->birth_year, yc);
    a->payable_from = pe->birth_year + 16;
    for (size_t i = 0; i < pe->plan_count; i++)
        if (pe->plan[i].last_year + 1 > a->payable_from)
            a->payable_from = pe->plan[i].last_year + 1;
    a->years_payable = a->last_payable_year >= a->payable_from ? a->last_payable_year - a->payable_from + 1 : 0;
    a->backpay_years = pe->backpay_years + p->years_missing;
    int64_t lo, hi;
    backpay_range(rp, yc, &lo, &hi);
    a->lowest_grade = lo;
    a->highest_grade = hi;
    if (lo)
        TRY(backpay_path(ctx, P, pe, a->backpay_years, lo, &a->has_lowest, &a->lowest_cost, &a->lowest_monthly));
    if (hi)
        TRY(backpay_path(ctx, P, pe, a->backpay_years, hi, &a->has_highest, &a->highest_cost, &a->highest_monthly));
    if (!a->has_lowest)
        a->lowest_grade = 0;
    if (!a->has_highest)
        a->highest_grade = 0;
    p->have_advice = true;
    return sb_ok(ctx);
}

int shebao_projection_advice(const shebao_projection *p, shebao_advice *out)
{
    if (!p || !out || out->version == 0 || out->version > SHEBAO_ADVICE_VERSION)
        return SHEBAO_EUSAGE;
    unsigned v = out->version;
    *out = (shebao_advice)SHEBAO_ADVICE_INIT;
    if (p->eligible || !p->have_advice)
        return SHEBAO_NA;
    *out = p->advice;
    out->version = v;
    return SHEBAO_OK;
}
