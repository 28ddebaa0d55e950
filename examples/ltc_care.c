/* Teaching example 7: long-term care insurance (长期护理保险) for a care clerk: 评估 → 等级 → 待遇.
 *
 * An old man in Hangzhou is assessed on the national 2021 scale (17 items), gets a disability grade, and his family
 * asks what the fund pays in March 2025 (31 days) for two kinds of care. Built-in policy `zhejiang-hangzhou`
 * (docs/ltc.md): grade ≥ 3 is eligible; institution care is a fixed 50 yuan a day for grades 3–4 (70 for grade 5),
 * at most the cost (cap_on_payment with ratio 1); home visits pay up to 60 yuan an hour for at most 25 hours a
 * month (grades 3–4; 35 for grade 5).
 *
 * Hand calculation (the bands and matrix of docs/ltc.md §1, status recalled; the figures of docs/ltc.md §3):
 *   1. 评估 ADL items 进食 5, 穿衣 5, 面部与口腔清洁 0, 大便控制 5, 小便控制 5, 用厕 5, 平地行走 5, 床椅转移 5,
 *      上下楼 5, 洗澡 0: total 40 → level 3 (0–40, 重度受损). Cognition 3 + 3 + 2 + 2 = 10 → level 2 (4–11; also
 *      under the second recollection, 8–11). Perception 3 + 3 + 3 = 9 → level 1 (8–11).
 *   2. 等级 grade = combination[3][max(2, 1)] = row "3 3 4 5", column 2 = 4: 重度失能Ⅱ级 (eligible, ≥ 3).
 *   3. 待遇 (a) a nursing home, 4500.00 for the month, 3 days in hospital: eligible days d = 31 − 3 = 28; the fund
 *      pays min(1 × 4500.00, 50 × 28 = 1400.00) = 1400.00 (the daily amount binds); he pays 3100.00.
 *      (b) home visits, 30 hours at 70 yuan: the fund pays 1 × min(70, 60) × min(30, 25) = 60 × 25 = 1500.00 (both
 *      the hours and the price limits bind; `binding` names the hours); the cost is 70 × 30 = 2100.00, he pays
 *      600.00.
 *   4. His neighbour is assessed grade 2 (中度失能): below the minimum grade 3, the fund pays 0 for the same month.
 * The program checks every figure and exits 1 on any difference.
 *
 * Build and run: make, then build/examples/ltc_care. See docs/teaching.md (docs/teaching.zh.md in Chinese). */
#include <stdio.h>

#include <shebao.h>

#include "common.h" /* ex_open(), yuan(), ex_close() */

/* One month of care; the benefit in *b. 0, or 1 on a failure. */
static int month(shebao_ctx *ctx, const shebao_policy *pol, int grade, shebao_ltc_mode mode, shebao_fen cost,
                 const char *hours, shebao_fen price, shebao_ltc_benefit *b)
{
    shebao_ltc_claim cl = SHEBAO_LTC_CLAIM_INIT;
    cl.grade = grade;
    cl.mode = mode;
    cl.year = 2025;
    cl.month = 3;
    if (mode == SHEBAO_LTC_INSTITUTION) {
        cl.hospital_days = 3;
        cl.cost = cost;
    } else {
        cl.hours = hours;
        cl.price = price;
    }
    *b = (shebao_ltc_benefit)SHEBAO_LTC_BENEFIT_INIT;
    return shebao_ltc_benefit_month(ctx, pol, &cl, b, NULL) != SHEBAO_OK;
}

static int expect(const char *what, long long got, long long want)
{
    if (got == want)
        return 0;
    fprintf(stderr, "ltc_care: %s is %lld, the hand calculation says %lld\n", what, got, want);
    return 1;
}

int main(void)
{
    shebao_ctx *ctx = NULL;
    shebao_policy *pol = NULL;
    int status = 1, bad = 0;
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ];
    if (ex_open("zhejiang-hangzhou", &ctx, &pol) != 0)
        goto out;

    /* 1. 评估: the 17 item scores, in the order of the scale */
    static const int adl[SHEBAO_LTC_ADL_ITEMS] = {5, 5, 0, 5, 5, 5, 5, 5, 5, 0};
    static const int cog[SHEBAO_LTC_COGNITION_ITEMS] = {3, 3, 2, 2};
    static const int per[SHEBAO_LTC_PERCEPTION_ITEMS] = {3, 3, 3};
    shebao_ltc_scores sc = SHEBAO_LTC_SCORES_INIT;
    sc.adl = adl;
    sc.n_adl = SHEBAO_LTC_ADL_ITEMS;
    sc.cognition = cog;
    sc.n_cognition = SHEBAO_LTC_COGNITION_ITEMS;
    sc.perception = per;
    sc.n_perception = SHEBAO_LTC_PERCEPTION_ITEMS;
    shebao_ltc_assessment as;
    if (shebao_ltc_assess(ctx, pol, &sc, &as, NULL) != SHEBAO_OK)
        goto out;
    printf("一、评估 Assessment (2021 scale)\n");
    printf("  日常生活活动能力 ADL        %3d → %s\n", as.adl, shebao_ltc_level_name(as.adl_level));
    printf("  认知能力 cognition          %3d → %s\n", as.cognition, shebao_ltc_level_name(as.cognition_level));
    printf("  感知觉与沟通能力 perception %3d → %s\n", as.perception, shebao_ltc_level_name(as.perception_level));
    bad |= expect("the ADL total", as.adl, 40) | expect("the ADL level", as.adl_level, 3);
    bad |= expect("the cognition total", as.cognition, 10) | expect("the cognition level", as.cognition_level, 2);
    bad |= expect("the perception total", as.perception, 9) | expect("the perception level", as.perception_level, 1);

    /* 2. 等级 */
    printf("\n二、等级 Grade: combination[%d][max(%d, %d)] = %d %s\n", as.adl_level, as.cognition_level,
           as.perception_level, as.grade, shebao_ltc_grade_name(as.grade));
    bad |= expect("the grade", as.grade, 4);

    /* 3. 待遇, March 2025 */
    shebao_ltc_benefit inst, home, low;
    if (month(ctx, pol, as.grade, SHEBAO_LTC_INSTITUTION, 450000, NULL, 0, &inst) != 0 ||
        month(ctx, pol, as.grade, SHEBAO_LTC_HOME_VISIT, 0, "30", 7000, &home) != 0 ||
        month(ctx, pol, 2, SHEBAO_LTC_INSTITUTION, 450000, NULL, 0, &low) != 0)
        goto out;
    printf("\n三、待遇 Benefit, 2025-03 (31 days)\n");
    printf("  机构护理 institution: 费用 cost %s, 住院 3 天 → %d 天 eligible days; 基金付 fund pays %s, 个人付 self "
           "pays %s (limit: %s)\n", yuan(inst.cost, a), inst.eligible_days, yuan(inst.fund_pays, b),
           yuan(inst.self_pays, c), shebao_ltc_limit_name(inst.binding));
    printf("  居家上门 home visits: 30 小时 × 70 元 = %s; 基金付 fund pays %s, 个人付 self pays %s (limit: %s%s)\n",
           yuan(home.cost, a), yuan(home.fund_pays, b), yuan(home.self_pays, c), shebao_ltc_limit_name(home.binding),
           home.limits & SHEBAO_LTC_LIMIT_PRICE ? ", price too" : "");
    bad |= expect("the eligible days", inst.eligible_days, 28) | expect("the institution payment", inst.fund_pays, 140000);
    bad |= expect("the institution self-pay", inst.self_pays, 310000);
    bad |= expect("the institution limit", inst.binding, SHEBAO_LTC_LIMIT_DAILY_CAP);
    bad |= expect("the home-visit cost", home.cost, 210000) | expect("the home-visit payment", home.fund_pays, 150000);
    bad |= expect("the home-visit self-pay", home.self_pays, 60000);
    bad |= expect("the home-visit limit", home.binding, SHEBAO_LTC_LIMIT_HOURS);
    bad |= expect("the home-visit limits", (long long)home.limits,
                  SHEBAO_LTC_LIMIT_HOURS | SHEBAO_LTC_LIMIT_PRICE);

    /* 4. the neighbour: grade 2 */
    printf("\n四、邻居评为 %s grade 2: %s; 基金付 fund pays %s\n", shebao_ltc_grade_name(2), low.reason_text,
           yuan(low.fund_pays, a));
    bad |= expect("the grade-2 eligibility", low.eligible, 0) | expect("the grade-2 payment", low.fund_pays, 0);
    if (bad)
        goto out;
    printf("\n每个数字都与手算一致 Every figure equals the hand calculation.\n");
    status = 0;
out:
    return ex_close("ltc_care", status, ctx, pol, NULL);
}
