/* Pensions in payment (docs/resident-pension.md §5–6): the pension of each month after the claim follows the dated
 * series (the base pension and the age supplements in force in that month, and a years pension given as a percent
 * of the base pension; the account pension and the years stay those of the claim), the break-even month from the sum of those payments, and the pension in the as-of month
 * ("now"). Integer fen throughout; the growth of the base pension past data_through is rounded fen_half_up each
 * January (inforce.c). */
#include <assert.h>

#include "resident.h"

/* The longest break-even searched for: 100,000 months (8,333 years; every real pension is far within it). */
#define BREAKEVEN_MAX 100000

int sb_resident_pay(shebao_ctx *ctx, const sb_resident *rp, const shebao_projection *p, sb_month m, sb_pay *out)
{
    sb_base_run r;
    char mt[8];
    if (sb_inforce_base_at(rp, p->growth, m, &r) != SHEBAO_OK) {
        sb_month_format(m, mt, sizeof mt);
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "base pension in %s", mt);
    }
    out->base = r.fen;
    out->entry = r.entry;
    out->carried = m > rp->data_through;
    /* the account pension and the years are those of the claim */
    sb_month_pay mp;
    int rc = sb_inforce_pension(rp, p->account, &p->years, r.fen, m, (int)((m - p->birth) / 12), &mp);
    out->supplement = mp.supplement;
    out->years = mp.years;
    out->total = mp.total;
    if (rc != SHEBAO_OK) {
        sb_month_format(m, mt, sizeof mt);
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "monthly pension in %s", mt);
    }
    return SHEBAO_OK;
}

/* Walk the payments from the claim month in runs of equal pension: stop at month `until` (excluded) or as soon as
 * the sum reaches `target` (target < 0: never). *sum is the sum of the months walked, *hit the number of payments
 * that reach the target (0: not reached). The pension changes only where the base pension's run ends
 * (sb_inforce_base_next) or a supplement may change (sb_inforce_supplement_change), so each run is one
 * multiplication. False when a payment leaves int64 fen. */
static bool walk(const sb_resident *rp, const shebao_projection *p, sb_month until, __int128 target, __int128 *sum,
                 long *hit)
{
    const long a = (long)(p->claim - p->birth);
    sb_base_run r;
    *sum = 0;
    *hit = 0;
    if (sb_inforce_base_at(rp, p->growth, p->claim, &r) != SHEBAO_OK)
        return false;
    for (sb_month m = p->claim; m < until;) {
        sb_month_pay mp;
        if (sb_inforce_pension(rp, p->account, &p->years, r.fen, m, (int)((m - p->birth) / 12), &mp) != SHEBAO_OK)
            return false;
        int64_t pay = mp.total;
        sb_month next = sb_inforce_supplement_change(rp, p->claim, a, m);
        if (r.to < next)
            next = r.to;
        if (until < next)
            next = until;
        __int128 run = (__int128)pay * (next - m);
        if (target >= 0 && pay > 0 && *sum + run >= target) {
            __int128 need = target - *sum, k = need / pay + (need % pay != 0);
            *hit = (long)(m - p->claim) + (long)(k < 1 ? 1 : k);
            *sum += (__int128)pay * (k < 1 ? 1 : k);
            return true;
        }
        *sum += run;
        m = next;
        if (m == r.to && m < until && sb_inforce_base_next(rp, p->growth, &r) != SHEBAO_OK)
            return false;
    }
    return true;
}

void sb_resident_breakeven(const sb_resident *rp, shebao_projection *p)
{
    __int128 sum;
    long m;
    /* none when the person paid nothing (every year 代缴): there is nothing to recoup */
    if (p->personal <= 0)
        return;
    if (!walk(rp, p, p->claim + BREAKEVEN_MAX, p->personal, &sum, &m) || m == 0 || m >= BREAKEVEN_MAX)
        return;
    p->have_breakeven = true;
    p->breakeven_m = (int)m;
    p->breakeven_month = p->claim + (sb_month)m - 1;
}

int sb_resident_now(shebao_ctx *ctx, const sb_resident *rp, shebao_projection *p)
{
    if (!p->have_as_of || !p->eligible || p->as_of < p->claim)
        return SHEBAO_OK;
    shebao_pension_now *n = &p->now;
    *n = (shebao_pension_now)SHEBAO_PENSION_NOW_INIT;
    sb_pay pay;
    TRY(sb_resident_pay(ctx, rp, p, p->as_of, &pay));
    __int128 sum;
    long hit;
    if (!walk(rp, p, p->as_of + 1, -1, &sum, &hit) || sum > INT64_MAX)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "pension paid so far");
    sb_month_format(p->as_of, n->month, sizeof n->month);
    n->age = (int)((p->as_of - p->birth) / 12);
    n->base_pension = pay.base;
    n->base_carried_forward = pay.carried;
    n->years_pension = pay.years;
    n->account_pension = p->account;
    n->age_supplement = pay.supplement;
    n->monthly_total = pay.total;
    n->paid_so_far = (int64_t)sum;
    if (__builtin_mul_overflow(pay.base, (int64_t)rp->funeral_months, &n->funeral_grant))
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "funeral grant in %s", n->month);
    TRY(sb_prov_use(&p->used, pay.entry->param));
    if (pay.carried)
        TRY(sb_prov_use(&p->used, rp->p_data_through));
    sb_inforce_supplements(rp, p->as_of, n->age, &p->used);
    p->have_now = true;
    sb_explain(p, "now  %s, age %d: base %s%s + years %s + account %s + supplement %s = %s; paid %s since %s "
               "(%ld payments); funeral grant %d × %s = %s\n", n->month, n->age, SB_MONEY(pay.base),
               pay.carried ? SB_PIECE(" (carried forward past data_through)") : "", SB_MONEY(pay.years),
               SB_MONEY(p->account), SB_MONEY(pay.supplement), SB_MONEY(pay.total), SB_MONEY(n->paid_so_far),
               p->claim_text, (long)(p->as_of - p->claim + 1), rp->funeral_months, SB_MONEY(pay.base),
               SB_MONEY(n->funeral_grant));
    return SHEBAO_OK;
}
