/* Teaching example 5: one more grade or one more year? (择高缴 or 长缴)
 *
 * A man born in May 1980 pays 1000 yuan a year for 15 years from 2025 under the Zhejiang policy. He has two ways
 * to put more in:
 *   A. one grade up: 2000 instead of 1000 for the same 15 years (15 × 1000 = 15000 more), or
 *   B. one year longer: a 16th year at 1000 (1000 more).
 * For each, shebao_compare() gives the extra monthly pension, and we work out what each 1000 yuan of extra
 * payment buys a month:
 *
 *     per 1000 paid = fen_half_up(extra monthly × 1000 / extra paid)
 *     recoup months = smallest m with m × extra monthly ≥ extra paid
 *
 * A longer record also raises the years pension (5 yuan a month for each year from the 16th in Zhejiang), so a
 * year longer usually buys more per yuan than a grade up. The program checks that on the figures and says so.
 *
 * Build and run: make, then build/examples/marginal. See docs/teaching.md. */
#include <inttypes.h>
#include <stdio.h>

#include <shebao.h>

#include "common.h" /* yuan(), ex_open(), ex_person(), ex_compare_options(), ex_close() */

/* extra monthly × 1000 / extra paid, both in fen: an exact quotient rounded once. */
static int per_1000(shebao_ctx *ctx, const shebao_compare_delta *d, shebao_fen *out)
{
    char num[32], den[32];
    snprintf(num, sizeof num, "%" PRId64, d->extra_monthly * 1000);
    snprintf(den, sizeof den, "%" PRId64, d->extra_paid);
    return shebao_decimal_div_round(ctx, num, den, SHEBAO_ROUND_FEN_HALF_UP, out);
}

int main(void)
{
    shebao_ctx *ctx = NULL;
    shebao_policy *pol = NULL;
    shebao_comparison *c = NULL;
    int status = 1;
    if (ex_open("zhejiang", &ctx, &pol) != 0)
        goto out;
    shebao_person pe = ex_person(1980, 5);
    static const shebao_fen grades[] = {100000, 200000}; /* 1000.00 and 2000.00 */
    static const int fifteen[] = {15};
    shebao_compare_options opt = ex_compare_options(2025, fifteen, 1); /* 15 years, from 2025 */
    opt.grades = grades; /* only these two grades */
    opt.grade_count = 2;
    if (shebao_compare(ctx, pol, &pe, &opt, &c) != SHEBAO_OK)
        goto out;

    /* the marginals come grade-up first, then one-year-longer per grade */
    shebao_compare_delta up, longer;
    int have_up = 0, have_longer = 0;
    for (size_t i = 0; i < shebao_comparison_marginal_count(c); i++) {
        shebao_compare_delta d;
        shebao_comparison_marginal(c, i, &d);
        if (d.kind == SHEBAO_DELTA_GRADE && d.from_grade == 100000 && !have_up) {
            up = d;
            have_up = 1;
        } else if (d.kind == SHEBAO_DELTA_YEAR && d.from_grade == 100000 && !have_longer) {
            longer = d;
            have_longer = 1;
        }
    }
    if (!have_up || !have_longer || !up.available || !longer.available) {
        fprintf(stderr, "marginal: the comparison lacks a marginal\n");
        goto out;
    }
    shebao_fen pu, pl;
    if (per_1000(ctx, &up, &pu) != SHEBAO_OK || per_1000(ctx, &longer, &pl) != SHEBAO_OK)
        goto out;
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], d[SHEBAO_MONEY_BUFSZ];
    printf("A. one grade up (1000 -> 2000 for 15 years): pay %s more, get %s more a month, %s a month per 1000 "
           "paid, back after %d months\n", yuan(up.extra_paid, a), yuan(up.extra_monthly, b), yuan(pu, d),
           up.recoup_months);
    printf("B. one year longer (16 years at 1000):       pay %s more, get %s more a month, %s a month per 1000 "
           "paid, back after %d months\n", yuan(longer.extra_paid, a), yuan(longer.extra_monthly, b), yuan(pl, d),
           longer.recoup_months);
    printf("\nPer yuan paid, %s buys more pension: %s against %s a month per 1000 yuan.\n",
           pl > pu ? "one more year" : pl < pu ? "one more grade" : "neither", yuan(pl > pu ? pl : pu, a),
           yuan(pl > pu ? pu : pl, b));
    printf("But a grade up can buy more in total: %s against %s more a month.\n", yuan(up.extra_monthly, a),
           yuan(longer.extra_monthly, b));
    status = 0;
out:
    return ex_close("marginal", status, ctx, pol, c);
}
