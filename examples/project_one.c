/* Teaching example 1: one projection through the API, printing the account ledger.
 *
 * A person born in March 1975 pays the 2000-yuan grade every year from 2020 to 2034 (15 years) under the Zhejiang
 * policy built into the library. We print the ledger year by year (deposit D = grade + subsidy, interest I on the
 * balance B, new balance B + D + I) and the pension at the claim:
 *
 *     account pension = fen_half_up(B / 139)
 *     monthly total   = base pension + years pension + account pension + age supplements
 *
 * Build and run: make, then build/examples/project_one. See docs/teaching.md. */
#include <stdio.h>

#include <shebao.h>

#include "common.h" /* ex_open(), ex_person(), ex_close() */

int main(void)
{
    shebao_ctx *ctx = NULL;
    shebao_policy *pol = NULL;
    shebao_projection *p = NULL;
    int status = 1;
    if (ex_open("zhejiang", &ctx, &pol) != 0)
        goto out;

    /* the plan: one segment, 2020-2034 at 2000 yuan a year */
    shebao_segment plan = {2020, 2034, 200000}; /* grades are in fen: 2000.00 yuan */
    shebao_person pe = ex_person(1975, 3);
    pe.plan = &plan;
    pe.plan_count = 1;
    if (shebao_project(ctx, pol, &pe, &p) != SHEBAO_OK)
        goto out;

    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ], d[SHEBAO_MONEY_BUFSZ];
    printf("year   grade  subsidy  rate    interest     balance\n");
    for (size_t i = 0; i < shebao_projection_ledger_count(p); i++) {
        shebao_ledger_row r;
        shebao_projection_ledger_row(p, i, &r);
        shebao_money_format(r.grade, a, sizeof a);
        shebao_money_format(r.subsidy, b, sizeof b);
        shebao_money_format(r.interest, c, sizeof c);
        shebao_money_format(r.balance, d, sizeof d);
        printf("%d %8s %7s  %-6s %9s %11s\n", r.year, a, b, r.rate, c, d);
    }

    shebao_fen balance, account, base, years, total;
    shebao_projection_figure(p, SHEBAO_FIG_BALANCE, &balance);
    shebao_projection_figure(p, SHEBAO_FIG_ACCOUNT_PENSION, &account);
    shebao_projection_figure(p, SHEBAO_FIG_BASE_PENSION, &base);
    shebao_projection_figure(p, SHEBAO_FIG_YEARS_PENSION, &years);
    shebao_projection_figure(p, SHEBAO_FIG_MONTHLY_TOTAL, &total);
    shebao_money_format(balance, a, sizeof a);
    shebao_money_format(account, b, sizeof b);
    printf("\nclaim %s: balance %s / 139 = account pension %s\n", shebao_projection_claim_month(p), a, b);
    shebao_money_format(base, a, sizeof a);
    shebao_money_format(years, c, sizeof c);
    shebao_money_format(total, d, sizeof d);
    printf("monthly total = base %s + years %s + account %s = %s\n", a, c, b, d);

    /* the check a class can do by hand: the pieces add up to the total */
    shebao_fen supp;
    shebao_projection_figure(p, SHEBAO_FIG_AGE_SUPPLEMENT, &supp);
    if (base + years + account + supp != total) {
        fprintf(stderr, "project_one: the pieces do not add up to the total\n");
        goto out;
    }
    printf("\nThis rests on %zu non-official value(s), e.g. the assumed interest rate.\n",
           shebao_projection_assumption_count(p));
    status = 0;
out:
    shebao_projection_free(p);
    return ex_close("project_one", status, ctx, pol, NULL);
}
