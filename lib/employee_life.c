/* The lifetime figures of a flexible worker's plan: the break-even, and the EPV, money's worth, IRR and inheritable
 * balance computed by the resident engine's functions (lifetime*.c: the same life table and discounting) for a
 * pension fixed at the claim (no adjustment after it: not modelled). */
#include <string.h>

#include "employee_plan.h"

/* Break-even: the smallest m >= 1 with m × monthly_total >= personal_total; the m-th payment's month and age. */
static void life_breakeven(shebao_employee_plan *pl)
{
    int64_t total = pl->claim.monthly_total, paid = pl->fig.personal_total;
    if (total <= 0)
        return;
    int64_t m = paid <= 0 ? 1 : (paid + total - 1) / total;
    if (m > 12 * 200)
        return;
    shebao_employee_plan_figures *f = &pl->fig;
    f->has_breakeven = 1;
    f->breakeven_months = (int)m;
    sb_month bm = pl->ret + (sb_month)m - 1;
    f->breakeven_year = SB_MONTH_YEAR(bm);
    f->breakeven_month = SB_MONTH_MON(bm);
    f->breakeven_age_years = (int)(bm - pl->birth) / 12;
    f->breakeven_age_months = (int)(bm - pl->birth) % 12;
    SB_EPLAN_SAY(pl, "lifetime  break-even m = ceil(personal total %s / monthly total %s) = %d (%04d-%02d, age %d "
                 "years %d months)\n", SB_EPLAN_MONEY(paid), SB_EPLAN_MONEY(total), (int)m, f->breakeven_year,
                 f->breakeven_month, f->breakeven_age_years, f->breakeven_age_months);
}

int sb_eplan_life(shebao_ctx *ctx, shebao_employee_plan *pl, shebao_retire_category category)
{
    life_breakeven(pl);
    int sex = category == SHEBAO_RETIRE_MALE ? SHEBAO_SEX_MALE : SHEBAO_SEX_FEMALE;
    long age = (long)(pl->ret - pl->birth);
    sb_lifetime_in in = {.rp = NULL, .sex = sex, .age = age, .claim = pl->ret, .fixed = pl->claim.monthly_total,
                         .account = pl->claim.account_pension, .balance = pl->fig.account,
                         .personal = pl->fig.personal_total, .years = NULL, .flows = pl->flows, .nflows = pl->nflows,
                         .growth = {0, 0}, .discount = pl->discount, .rates = NULL, .used = &pl->used};
    sb_lifetime_out out = {0};
    TRY(sb_lifetime(ctx, &in, &out));
    shebao_employee_plan_figures *f = &pl->fig;
    f->has_epv = 1;
    f->epv_benefits = out.epv;
    f->pv_contributions = out.pvc;
    f->expected_inheritable_balance = out.inheritable;
    f->has_ratio = out.have_ratio;
    f->has_irr = out.have_irr;
    memcpy(f->moneys_worth_ratio, out.ratio, sizeof f->moneys_worth_ratio);
    memcpy(f->irr, out.irr, sizeof f->irr);
    SB_EPLAN_SAY(pl, "lifetime  EPV = fen_half_up(Σ_j %s · l(a+j)/l(a) · (1 + %s)^(−j/12)), a = %ld months, life "
                 "table cl2010-2013-pension (%s) = %s; PV of the payments %s; money's worth %s; IRR %s; expected "
                 "inheritable account %s (no interest after the claim)\n", SB_EPLAN_MONEY(pl->claim.monthly_total),
                 f->discount, age, sex == SHEBAO_SEX_MALE ? SB_PIECE("CL5 male") : SB_PIECE("CL6 female"), SB_EPLAN_MONEY(f->epv_benefits),
                 SB_EPLAN_MONEY(f->pv_contributions), f->has_ratio ? f->moneys_worth_ratio : "-",
                 f->has_irr ? f->irr : "-", SB_EPLAN_MONEY(f->expected_inheritable_balance));
    return SHEBAO_OK;
}
