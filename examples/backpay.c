/* Teaching example 6: eligibility and back payment (补缴).
 *
 * A pension needs n ≥ min(15, claim year − 2010) years paid (contribution years + back-paid years; Zhejiang's
 * scheme started in 2010). Someone who starts late can pay each year up to the year of the 60th birthday, and at
 * the claim may back-pay (补缴) the years still missing, at a grade of the claim year's table up to 5000 yuan. In
 * Zhejiang a back-paid year earns no subsidy but counts for the years pension.
 *
 * Part 1: the years required for three people born before, around and after 1966 (shebao_policy_pay_window()).
 * Part 2: a woman born in May 1966 has paid 2025 at 300 yuan. She is not eligible (1 of 15 years); the library's
 * advice says what it would take, and we project both ways of closing the gap at 300 yuan a year:
 *   A. back-pay all 14 missing years at the claim;
 *   B. pay 2026 as a normal year first (it still earns the 30-yuan subsidy), then back-pay 13.
 * Every figure is checked against the hand calculation below; the program exits 1 on any difference.
 *
 * Hand calculation (tests/cli/cases/project-advice/README.md; Zhejiang policy, year_end interest at the assumed
 * 1.5 %, claim 2026-06, so 5 months of interest in 2026):
 *   2025: deposit 300 + 30 = 330.00; 2026: interest fen_half_up(330 × 0.015 × 5/12) = fen_half_up(2.0625) = 2.06.
 *   A: balance 330.00 + 2.06 + 14 × 300 = 4532.06; account fen_half_up(4532.06 / 139) = fen_half_up(32.6047…) = 32.60;
 *      years pension, 1 + 14 = 15 years: 5 × 1 + 5 × 2 + 5 × 3 = 30; base 220; total 282.60; cost 4200.00.
 *   B: 2026 deposit 330.00 (no interest in its own year); balance 330.00 + 2.06 + 330.00 + 13 × 300 = 4562.06;
 *      account fen_half_up(32.8205…) = 32.82; years pension 30; total 220 + 30 + 32.82 = 282.82.
 *   Both pay 300 (2025) + 4200 = 4500.00 in all (B: 300 in 2026 + 13 × 300); B gets 0.22 yuan a month more.
 *   Years required: born 1952-01, claim 2012-02: min(15, 2012 − 2010) = 2; born 1958-07, claim 2018-08: 8;
 *   born 1966-05, claim 2026-06: min(15, 16) = 15.
 *
 * Build and run: make, then build/examples/backpay. See docs/teaching.md (docs/teaching.zh.md in Chinese). */
#include <stdio.h>

#include <shebao.h>

#include "common.h" /* ex_open(), ex_person(), yuan(), ex_close() */

/* The plan paid (2025, or 2025-2026, at 300) with a back payment of `back` years at 300; its monthly total. */
static int project(shebao_ctx *ctx, const shebao_policy *pol, int last_year, int back, shebao_fen *monthly,
                   shebao_fen *paid)
{
    shebao_segment plan = {2025, last_year, 30000};
    shebao_person pe = ex_person(1966, 5);
    pe.plan = &plan;
    pe.plan_count = 1;
    pe.backpay_years = back;
    pe.backpay_grade = 30000;
    shebao_projection *p = NULL;
    if (shebao_project(ctx, pol, &pe, &p) != SHEBAO_OK)
        return 1;
    int rc = shebao_projection_figure(p, SHEBAO_FIG_MONTHLY_TOTAL, monthly) != SHEBAO_OK ||
             shebao_projection_figure(p, SHEBAO_FIG_PERSONAL_TOTAL, paid) != SHEBAO_OK;
    shebao_projection_free(p);
    return rc;
}

static int differs(const char *what, shebao_fen got, shebao_fen want)
{
    if (got == want)
        return 0;
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ];
    fprintf(stderr, "backpay: %s is %s, the hand calculation says %s\n", what, yuan(got, a), yuan(want, b));
    return 1;
}

int main(void)
{
    shebao_ctx *ctx = NULL;
    shebao_policy *pol = NULL;
    shebao_projection *p = NULL;
    int status = 1, bad = 0;
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ], d[SHEBAO_MONEY_BUFSZ];
    if (ex_open("zhejiang", &ctx, &pol) != 0)
        goto out;

    /* Part 1: the years required depend on the claim year (the scheme started in 2010) */
    static const struct { int y, m, want; } who[] = {{1952, 1, 2}, {1958, 7, 8}, {1966, 5, 15}};
    printf("一、需缴年限 Years required: min(15, claim year - 2010)\n");
    for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) {
        shebao_pay_window w = SHEBAO_PAY_WINDOW_INIT;
        if (shebao_policy_pay_window(ctx, pol, who[i].y, who[i].m, who[i].y + 16, &w) != SHEBAO_OK)
            goto out;
        printf("  %d-%02d 出生，%d-%02d 起领，需缴 %d 年 born %d-%02d, claim %d-%02d: %d years\n", who[i].y, who[i].m,
               w.claim_year, w.claim_month, w.years_required, who[i].y, who[i].m, w.claim_year, w.claim_month,
               w.years_required);
        if (w.years_required != who[i].want) {
            fprintf(stderr, "backpay: %d years required, the hand calculation says %d\n", w.years_required,
                    who[i].want);
            bad = 1;
        }
    }

    /* Part 2: one year paid; what it would take */
    shebao_segment plan = {2025, 2025, 30000};
    shebao_person pe = ex_person(1966, 5);
    pe.plan = &plan;
    pe.plan_count = 1;
    if (shebao_project(ctx, pol, &pe, &p) != SHEBAO_OK)
        goto out;
    shebao_advice adv = SHEBAO_ADVICE_INIT;
    if (shebao_projection_eligible(p) || shebao_projection_advice(p, &adv) != SHEBAO_OK) {
        fprintf(stderr, "backpay: born 1966-05 with one year paid should not be eligible\n");
        goto out;
    }
    printf("\n二、1966-05 出生，2025 年缴 300 元 Born 1966-05, 2025 paid at 300\n");
    printf("  已缴 %d 年，需缴 %d 年，还差 %d 年 paid %d of %d years, %d missing\n", adv.years_paid, adv.years_required,
           adv.years_missing, adv.years_paid, adv.years_required, adv.years_missing);
    printf("  还可以按年缴费 %d 年（%d–%d 年）%d year(s) can still be paid (%d-%d)\n", adv.years_payable,
           adv.payable_from, adv.last_payable_year, adv.years_payable, adv.payable_from, adv.last_payable_year);
    printf("  补缴 %d 年：最低档 %s 元共 %s 元，最高档 %s 元共 %s 元（7000 元超过补缴上限 5000 元）\n"
           "  back payment of %d years: lowest grade %s costs %s, highest allowed %s costs %s (7000 is above the cap)\n",
           adv.backpay_years, yuan(adv.lowest_grade, a), yuan(adv.lowest_cost, b), yuan(adv.highest_grade, c),
           yuan(adv.highest_cost, d), adv.backpay_years, a, b, c, d);
    bad |= adv.years_missing != 14 || adv.years_payable != 1 || adv.backpay_years != 14;
    bad |= differs("the lowest back payment's cost", adv.lowest_cost, 420000);
    bad |= differs("the highest back payment's cost", adv.highest_cost, 7000000);
    bad |= differs("the lowest back payment's pension", adv.lowest_monthly, 28260);
    bad |= differs("the highest back payment's pension", adv.highest_monthly, 75599);

    /* A and B: the same money, paid two ways */
    shebao_fen ma, pa, mb, pb;
    if (project(ctx, pol, 2025, 14, &ma, &pa) != 0 || project(ctx, pol, 2026, 13, &mb, &pb) != 0)
        goto out;
    printf("\n三、再缴 4200 元的两种缴法 4200 yuan more, paid two ways\n");
    printf("  A 补缴 14 年 back-pay 14 years: 共缴 paid %s，每月 a month %s\n", yuan(pa, a), yuan(ma, b));
    printf("  B 2026 年正常缴费，再补缴 13 年 pay 2026, back-pay 13: 共缴 paid %s，每月 a month %s\n", yuan(pb, a),
           yuan(mb, b));
    printf("  B 多领 %s 元/月：按年缴的 2026 年有 30 元政府补贴，补缴的年份没有。\n"
           "  B pays %s more a month: the year paid as a normal year earns the 30-yuan subsidy, a back-paid year none.\n",
           yuan(mb - ma, a), a);
    bad |= differs("A's pension", ma, 28260) | differs("B's pension", mb, 28282);
    bad |= differs("A's payments", pa, 450000) | differs("B's payments", pb, 450000);
    bad |= differs("the advice's lowest path", adv.lowest_monthly, ma); /* the advice is plan A, projected */
    if (bad)
        goto out;
    printf("\n每个数字都与手算一致 Every figure equals the hand calculation.\n");
    status = 0;
out:
    shebao_projection_free(p);
    return ex_close("backpay", status, ctx, pol, NULL);
}
