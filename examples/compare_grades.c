/* Teaching example 2: the lowest against the highest grade for a 45-year-old (多缴多得).
 *
 * A man born in May 1980 starts paying in 2025, the year he turns 45. He can pay until the claim year 2040 (the
 * claim is the month after his 60th birthday): 16 years. shebao_compare() projects every normal grade of the
 * Zhejiang policy for 15 and 16 years; we print the lowest and the highest grade and the difference:
 *
 *     extra paid    = personal total (highest) − personal total (lowest)
 *     extra monthly = monthly total (highest) − monthly total (lowest)
 *     recoup months = smallest m with m × extra monthly ≥ extra paid
 *
 * Build and run: make, then build/examples/compare_grades. See docs/teaching.md. */
#include <stdio.h>

#include <shebao.h>

#include "common.h" /* yuan(), ex_open(), ex_person(), ex_compare_options(), ex_close() */

int main(void)
{
    shebao_ctx *ctx = NULL;
    shebao_policy *pol = NULL;
    shebao_comparison *c = NULL;
    int status = 1;
    if (ex_open("zhejiang", &ctx, &pol) != 0)
        goto out;
    shebao_person pe = ex_person(1980, 5); /* no plan: the comparison makes one per cell */
    shebao_compare_options opt = ex_compare_options(2025, NULL, 0); /* default grades and lengths */
    if (shebao_compare(ctx, pol, &pe, &opt, &c) != SHEBAO_OK)
        goto out;

    size_t ng = shebao_comparison_grade_count(c), ny = shebao_comparison_years_count(c);
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], d[SHEBAO_MONEY_BUFSZ];
    printf("claim %s; %zu grades compared, lowest %s, highest %s\n", shebao_comparison_claim_month(c), ng,
           yuan(shebao_comparison_grade(c, 0), a), yuan(shebao_comparison_grade(c, ng - 1), b));
    for (size_t j = 0; j < ny; j++) {
        shebao_compare_cell lo, hi;
        shebao_comparison_cell(c, 0, j, &lo);
        shebao_comparison_cell(c, ng - 1, j, &hi);
        printf("\n%d years:\n", lo.years);
        printf("  lowest  %8s a year: paid %10s, pension %8s a month, break-even at age %dy %dm\n", yuan(lo.grade, a),
               yuan(lo.personal_total, b), yuan(lo.monthly_total, d), lo.breakeven_age_years, lo.breakeven_age_months);
        printf("  highest %8s a year: paid %10s, pension %8s a month, break-even at age %dy %dm\n", yuan(hi.grade, a),
               yuan(hi.personal_total, b), yuan(hi.monthly_total, d), hi.breakeven_age_years, hi.breakeven_age_months);
        shebao_compare_delta s;
        shebao_comparison_summary(c, j, &s);
        /* the same figures by hand from the two cells: the library must agree */
        shebao_fen paid = hi.personal_total - lo.personal_total, more = hi.monthly_total - lo.monthly_total;
        int m = (int)(paid / more + (paid % more != 0));
        if (s.extra_paid != paid || s.extra_monthly != more || s.recoup_months != m) {
            fprintf(stderr, "compare_grades: the summary disagrees with the cells\n");
            goto out;
        }
        printf("  the highest grade costs %s more and pays %s more a month: the extra is back after %d months "
               "(%d years %d months) of pension\n", yuan(paid, a), yuan(more, b), m, m / 12, m % 12);
    }
    status = 0;
out:
    return ex_close("compare_grades", status, ctx, pol, c);
}
