/* Long-term care insurance: assessment (vectors A1–A9 on the 2021 national scale, docs/sources.md#ltc-scale-2021),
 * the benefit conventions (hand-computed: S1–S5 on a synthetic policy, Z1–Z8 on Hangzhou's figures,
 * docs/sources.md#hz-ltc-2025, and C1–C3 on Tianjin's and Tengzhou's, docs/sources.md#tianjin-ltc-2023 and
 * #tengzhou-ltc-2023), eligibility, funding, the fund-level estimate, policy validation and provenance of the
 * long_term_care section. */
#include <stddef.h>
#include <stdlib.h>

#include "testutil.h"

/* The item scores of one assessment as a ::shebao_ltc_scores. */
#define SCORES(a, na, c, nc, p, np) \
    (&(shebao_ltc_scores){SHEBAO_LTC_SCORES_VERSION, (a), (na), (c), (nc), (p), (np)})

static shebao_policy *zj, *hz, *syn, *cmp;
static shebao_ltc_assumptions *notes;

/* Synthetic policy (status assumption throughout; parameters invented for these tests, from no document).
 * 2025-01 rules: institution cap_on_cost, 70 %, daily caps 60/80/100; medical_institution
 * cap_on_payment, 70 %, payment cap 70 a day (S2); home visits 80 %, price cap 60, 30 h; cash 300/400/600.
 * 2026-01 rules: the same plus monthly caps (grade 5: institution 2000, medical 1800, home visits 1000) and
 * jiao_up rounding for the cash allowance. */
static const char *const SYN = "{\"schema\": \"shebao-policy/1\", \"id\": \"ltc-syn\", \"name\": \"synthetic\","
    "\"sources\": {\"SYN\": {\"title\": \"synthetic (invented for this test)\", \"status\": \"assumption\"},"
    "              \"OFF\": {\"title\": \"an official test source\", \"status\": \"official\"}},"
    "\"long_term_care\": {\"source\": \"SYN\","
    " \"assessment\": {\"source\": \"OFF\","
    "   \"adl_bands\": [{\"level\": 3, \"min\": 0}, {\"level\": 2, \"min\": 45}, {\"level\": 1, \"min\": 65}, {\"level\": 0, \"min\": 100}],"
    "   \"cognition_bands\": [{\"level\": 3, \"min\": 0}, {\"level\": 2, \"min\": 4}, {\"level\": 1, \"min\": 12}, {\"level\": 0, \"min\": 16}],"
    "   \"perception_bands\": [{\"level\": 3, \"min\": 0}, {\"level\": 2, \"min\": 4}, {\"level\": 1, \"min\": 8}, {\"level\": 0, \"min\": 12}],"
    "   \"combination\": [[0,0,1,1],[1,1,1,2],[2,2,2,3],[3,3,4,5]]},"
    " \"eligibility\": {\"min_grade\": 3, \"min_disability_months\": 6, \"waiting_months\": 12},"
    " \"funding\": [{\"from\": \"2025-01\", \"groups\": {"
    "   \"resident\": {\"fixed\": {\"total\": \"90\", \"individual\": \"30\", \"medical_fund\": \"30\", \"fiscal\": \"30\"}},"
    "   \"employee\": {\"rate\": {\"base_floor\": \"4000\", \"base_cap\": \"20000\", \"total\": \"0.003\","
    "                            \"individual\": \"0.0015\", \"employer\": \"0.0015\"}}}}],"
    " \"benefits\": ["
    "  {\"from\": \"2025-01\", \"modes\": {"
    "   \"institution\": {\"convention\": \"cap_on_cost\", \"ratio\": {\"3\": \"0.7\", \"4\": \"0.7\", \"5\": \"0.7\"},"
    "                   \"daily_cap\": {\"3\": \"60\", \"4\": \"80\", \"5\": \"100\"}},"
    "   \"medical_institution\": {\"convention\": \"cap_on_payment\", \"ratio\": {\"3\": \"0.7\", \"4\": \"0.7\", \"5\": \"0.7\"},"
    "                   \"daily_cap\": {\"3\": \"70\", \"4\": \"70\", \"5\": \"70\"}},"
    "   \"home_visit\": {\"ratio\": {\"3\": \"0.8\", \"4\": \"0.8\", \"5\": \"0.8\"}, \"hour_price_cap\": \"60\","
    "                  \"max_hours_month\": {\"3\": \"30\", \"4\": \"30\", \"5\": \"30\"}},"
    "   \"home_cash\": {\"monthly\": {\"3\": \"300\", \"4\": \"400\", \"5\": \"600\"}}}},"
    "  {\"from\": \"2026-01\", \"modes\": {"
    "   \"institution\": {\"convention\": \"cap_on_cost\", \"ratio\": {\"3\": \"0.7\", \"4\": \"0.7\", \"5\": \"0.7\"},"
    "                   \"daily_cap\": {\"3\": \"60\", \"4\": \"80\", \"5\": \"100\"}, \"monthly_cap\": {\"5\": \"2000\"}},"
    "   \"medical_institution\": {\"convention\": \"cap_on_payment\", \"ratio\": {\"3\": \"0.7\", \"4\": \"0.7\", \"5\": \"0.7\"},"
    "                   \"daily_cap\": {\"3\": \"70\", \"4\": \"70\", \"5\": \"70\"}, \"monthly_cap\": {\"5\": \"1800\"}},"
    "   \"home_visit\": {\"ratio\": {\"3\": \"0.8\", \"4\": \"0.8\", \"5\": \"0.8\"}, \"hour_price_cap\": \"60\","
    "                  \"max_hours_month\": {\"3\": \"30\", \"4\": \"30\", \"5\": \"30\"}, \"monthly_cap\": {\"5\": \"1000\"}},"
    "   \"home_cash\": {\"rounding\": \"jiao_up\", \"monthly\": {\"3\": \"300\", \"4\": \"400\", \"5\": \"600\"}}}}]}}";

/* The cap-convention pair (inputs secondary): Tianjin institution — a cap of 70 a day on the cost, fund 70 % (C1;
 * docs/sources.md#tianjin-ltc-2023); Tengzhou institution — fund 75 %, a payment cap of 60 a day (C2, C3;
 * docs/sources.md#tengzhou-ltc-2023). */
static const char *const CMP = "{\"schema\": \"shebao-policy/1\", \"id\": \"ltc-cmp\", \"name\": \"comparators\","
    "\"sources\": {\"TJ\": {\"title\": \"Tianjin 2023 (tianjin-ltc-2023)\", \"status\": \"secondary\"},"
    "              \"TZ\": {\"title\": \"Tengzhou 2023 (tengzhou-ltc-2023)\", \"status\": \"secondary\"}},"
    "\"long_term_care\": {\"eligibility\": {\"source\": \"TJ\", \"min_grade\": 3, \"min_disability_months\": 6, \"waiting_months\": 0},"
    " \"benefits\": [{\"from\": \"2023-01\", \"modes\": {"
    "   \"institution\": {\"source\": \"TJ\", \"convention\": \"cap_on_cost\", \"ratio\": {\"5\": \"0.7\"}, \"daily_cap\": {\"5\": \"70\"}},"
    "   \"medical_institution\": {\"source\": \"TZ\", \"convention\": \"cap_on_payment\", \"ratio\": {\"5\": \"0.75\"},"
    "                           \"daily_cap\": {\"5\": \"60\"}}}}]}}";

static int setup(void **state)
{
    if (tu_setup(state) != SHEBAO_OK || shebao_ltc_assumptions_new(&notes) != SHEBAO_OK)
        return -1;
    if (shebao_policy_load_embedded(ctx, "zhejiang", &zj) != SHEBAO_OK ||
        shebao_policy_load_embedded(ctx, "zhejiang-hangzhou", &hz) != SHEBAO_OK ||
        shebao_policy_load_string(ctx, SYN, "syn.json", &syn) != SHEBAO_OK ||
        shebao_policy_load_string(ctx, CMP, "cmp.json", &cmp) != SHEBAO_OK) {
        fprintf(stderr, "setup: %s\n", shebao_ctx_errmsg(ctx));
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    shebao_policy_free(zj);
    shebao_policy_free(hz);
    shebao_policy_free(syn);
    shebao_policy_free(cmp);
    shebao_ltc_assumptions_free(notes);
    return tu_teardown(state);
}

/* ---- assessment ------------------------------------------------------------------------------------------- */

typedef struct vec {
    const char *id;
    int adl[10], cog[4], per[3];
    int sum[3], level[3], grade;
} vec;

/* The vectors: items, the three sums, the levels (0 完好, 1 轻度, 2 中度, 3 重度) and the grade. The sums are exact;
 * levels and grades rest on the recalled bands (cognition: the first recollection, 中度 4–11, 重度 0–3) and matrix
 * of the 2021 scale (docs/sources.md#ltc-scale-2021, docs/ltc.md §1). */
static const vec vectors[] = {
    {"A1", {10, 10, 5, 10, 10, 10, 15, 15, 10, 5}, {4, 4, 4, 4}, {4, 4, 4}, {100, 16, 12}, {0, 0, 0}, 0},
    {"A2", {10, 10, 5, 10, 10, 10, 15, 15, 10, 0}, {4, 4, 4, 4}, {4, 4, 4}, {95, 16, 12}, {1, 0, 0}, 1},
    {"A3", {10, 10, 5, 10, 10, 10, 15, 15, 10, 5}, {4, 3, 4, 3}, {4, 4, 4}, {100, 14, 12}, {0, 1, 0}, 0},
    {"A4", {5, 5, 0, 10, 10, 5, 10, 10, 5, 0}, {4, 4, 4, 4}, {4, 4, 4}, {60, 16, 12}, {2, 0, 0}, 2},
    {"A5", {5, 0, 0, 10, 5, 0, 5, 10, 0, 0}, {2, 2, 2, 2}, {4, 4, 3}, {35, 8, 11}, {3, 2, 1}, 4},
    {"A6", {5, 0, 0, 10, 10, 0, 5, 10, 0, 0}, {1, 1, 1, 0}, {4, 4, 4}, {40, 3, 12}, {3, 3, 0}, 5},
    {"A7", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {3, 3, 3}, 5},
    {"A8", {5, 5, 0, 10, 10, 5, 5, 5, 0, 0}, {4, 4, 4, 4}, {4, 4, 4}, {45, 16, 12}, {2, 0, 0}, 2},
    {"A9", {10, 10, 5, 10, 10, 5, 10, 5, 0, 0}, {4, 4, 4, 4}, {4, 4, 4}, {65, 16, 12}, {1, 0, 0}, 1},
};

static void check_vectors(const shebao_policy *p)
{
    for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        const vec *v = &vectors[i];
        shebao_ltc_assessment a;
        if (shebao_ltc_assess(ctx, p, SCORES(v->adl, 10, v->cog, 4, v->per, 3), &a, notes) != SHEBAO_OK)
            fail_msg("%s: %s", v->id, shebao_ctx_errmsg(ctx));
        if (a.adl != v->sum[0] || a.cognition != v->sum[1] || a.perception != v->sum[2] ||
            a.adl_level != v->level[0] || a.cognition_level != v->level[1] || a.perception_level != v->level[2] ||
            a.grade != v->grade)
            fail_msg("%s: got %d/%d/%d levels %d/%d/%d grade %d", v->id, a.adl, a.cognition, a.perception,
                     a.adl_level, a.cognition_level, a.perception_level, a.grade);
    }
}

static void test_vectors_a1_a9(void **state)
{
    (void)state;
    check_vectors(zj);
    /* the bundled bands and matrix are recalled: A5 uses two ADL bands (0 and 45: 35 is in [0, 45)), two
     * cognition bands (4, 12), two perception bands (8, 12) and the matrix → 7 notes, all recalled */
    const vec *a5 = &vectors[4];
    shebao_ltc_assessment a;
    assert_int_equal(shebao_ltc_assess(ctx, zj, SCORES(a5->adl, 10, a5->cog, 4, a5->per, 3), &a, notes),
                     SHEBAO_OK);
    assert_int_equal(shebao_ltc_assumption_count(notes), 7);
    for (size_t i = 0; i < 7; i++) {
        shebao_param q;
        assert_int_equal(shebao_ltc_assumption(notes, i, &q), SHEBAO_OK);
        assert_int_equal(q.status, SHEBAO_STATUS_RECALLED);
    }
    shebao_param q;
    shebao_ltc_assumption(notes, 6, &q);
    assert_string_equal(q.path, "long_term_care.assessment.combination");
    assert_string_equal(q.value, "rows 0011/1112/2223/3345");
    /* the synthetic policy gives the same bands with an official source: the same results and no note */
    check_vectors(syn);
    assert_int_equal(shebao_ltc_assess(ctx, syn, SCORES(a5->adl, 10, a5->cog, 4, a5->per, 3), &a, notes),
                     SHEBAO_OK);
    assert_int_equal(shebao_ltc_assumption_count(notes), 0);
}

/* The second recollection of the cognition bands (中度 8–11, 重度 0–7; docs/sources.md#ltc-scale-2021) gives the
 * same levels for A1–A9: A5's 8 is 中度 and A6's 3 is 重度 under both, as the vectors were chosen. */
static void test_vectors_variant_b(void **state)
{
    (void)state;
    const char *b = "{\"schema\": \"shebao-policy/1\", \"id\": \"b\", \"name\": \"b\", \"extends\": \"zhejiang\","
                    "\"long_term_care\": {\"assessment\": {\"cognition_bands\": [{\"level\": 3, \"min\": 0}, "
                    "{\"level\": 2, \"min\": 8}, {\"level\": 1, \"min\": 12}, {\"level\": 0, \"min\": 16}]}}}";
    shebao_policy *p = tu_policy(b, "b.json");
    check_vectors(p);
    /* cognition 7 (items 2,2,2,1): variant A level 2 (4 ≤ 7 < 12), variant B level 3 (7 < 8); with ADL 100 and
     * perception 12 (levels 0) the column is the cognition level: row 0 → grade 1 either way (matrix row 0 is
     * 0,0,1,1) */
    int adl[10] = {10, 10, 5, 10, 10, 10, 15, 15, 10, 5}, cog[4] = {2, 2, 2, 1}, per[3] = {4, 4, 4};
    shebao_ltc_assessment a;
    assert_int_equal(shebao_ltc_assess(ctx, p, SCORES(adl, 10, cog, 4, per, 3), &a, NULL), SHEBAO_OK);
    assert_int_equal(a.cognition, 7);
    assert_int_equal(a.cognition_level, 3);
    assert_int_equal(a.grade, 1);
    assert_int_equal(shebao_ltc_assess(ctx, zj, SCORES(adl, 10, cog, 4, per, 3), &a, NULL), SHEBAO_OK);
    assert_int_equal(a.cognition_level, 2);
    assert_int_equal(a.grade, 1);
    shebao_policy_free(p);
}

static void test_assess_errors(void **state)
{
    (void)state;
    int adl[11] = {10, 10, 5, 10, 10, 10, 20, 15, 10, 5, 0}, cog[4] = {4, 4, 4, 4}, per[3] = {4, 4, 4};
    shebao_ltc_assessment a;
    /* item 7 (平地行走) allows 0, 5, 10, 15 (the 2021 scale, docs/ltc.md §1): 20 is refused */
    assert_int_equal(shebao_ltc_assess(ctx, zj, SCORES(adl, 10, cog, 4, per, 3), &a, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "adl item 7 (平地行走) must be one of 0,5,10,15");
    assert_int_equal(shebao_ltc_assumption_count(notes), 0);
    adl[6] = 15;
    adl[2] = 10; /* 面部与口腔清洁: 0 or 5 */
    assert_int_equal(shebao_ltc_assess(ctx, zj, SCORES(adl, 10, cog, 4, per, 3), &a, NULL), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "adl item 3 (面部与口腔清洁) must be one of 0,5");
    adl[2] = 5;
    adl[0] = 7; /* not a multiple of 5 */
    assert_int_equal(shebao_ltc_assess(ctx, zj, SCORES(adl, 10, cog, 4, per, 3), &a, NULL), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "adl item 1 (进食) must be one of 0,5,10");
    adl[0] = 10;
    cog[3] = 5;
    assert_int_equal(shebao_ltc_assess(ctx, zj, SCORES(adl, 10, cog, 4, per, 3), &a, NULL), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "cognition item 4 (记忆力) must be one of 0,1,2,3,4");
    cog[3] = 4;
    per[2] = -1;
    assert_int_equal(shebao_ltc_assess(ctx, zj, SCORES(adl, 10, cog, 4, per, 3), &a, NULL), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "perception item 3 (沟通能力) must be one of 0,1,2,3,4");
    per[2] = 4;
    assert_int_equal(shebao_ltc_assess(ctx, zj, SCORES(adl, 11, cog, 4, per, 3), &a, NULL), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "adl: expected 10 items (进食, 穿衣, 面部与口腔清洁, 大便控制, 小便控制, "
                                                "用厕, 平地行走, 床椅转移, 上下楼, 洗澡), got 11");
    assert_int_equal(shebao_ltc_assess(ctx, zj, SCORES(adl, 10, cog, 3, per, 3), &a, NULL), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "cognition: expected 4 items (时间定向, 人物定向, 空间定向, 记忆力), got 3");
    /* a policy without the section */
    shebao_policy *nat = tu_embedded("national");
    assert_int_equal(shebao_ltc_assess(ctx, nat, SCORES(adl, 10, cog, 4, per, 3), &a, NULL), SHEBAO_EPOLICY);
    assert_string_equal(shebao_ctx_errmsg(ctx), "policy national has no long_term_care.assessment");
    shebao_policy_free(nat);
    assert_string_equal(shebao_ltc_grade_name(3), "重度失能Ⅰ级");
    assert_string_equal(shebao_ltc_grade_name(5), "重度失能Ⅲ级");
    assert_null(shebao_ltc_grade_name(6));
    assert_string_equal(shebao_ltc_level_name(2), "中度受损");
    assert_string_equal(shebao_ltc_item_name(SHEBAO_LTC_ADL, 9), "洗澡");
    assert_null(shebao_ltc_item_name(SHEBAO_LTC_PERCEPTION, 3));
}

/* ---- benefits --------------------------------------------------------------------------------------------- */

static shebao_ltc_benefit run(const shebao_policy *p, int grade, shebao_ltc_mode mode, int y, int m, int days,
                              int hosp, const char *cost, const char *hours, const char *price)
{
    shebao_ltc_claim c = tu_ltc_claim(grade, mode, y, m, SHEBAO_UNSET);
    c.care_days = days;
    c.hospital_days = hosp;
    c.disability_months = 12;
    c.insured_months = 24;
    if (cost)
        assert_int_equal(shebao_money_parse(ctx, cost, &c.cost), SHEBAO_OK);
    if (price)
        assert_int_equal(shebao_money_parse(ctx, price, &c.price), SHEBAO_OK);
    c.hours = hours;
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    if (shebao_ltc_benefit_month(ctx, p, &c, &b, notes) != SHEBAO_OK)
        fail_msg("grade %d mode %d %04d-%02d: %s", grade, (int)mode, y, m, shebao_ctx_errmsg(ctx));
    return b;
}

#define EXPECT(b, pays, self, bind, lim)                                                                     \
    do {                                                                                                     \
        assert_fen((b).fund_pays, pays);                                                                     \
        assert_fen((b).self_pays, self);                                                                     \
        assert_int_equal((b).binding, bind);                                                                 \
        assert_int_equal((b).limits, lim);                                                                   \
    } while (0)

/* One month's care benefit worked out by hand: the claim as run() takes it (grade, mode, year, month, care days
 * (-1: the whole month), hospital days, cost, hours, price; NULL: not given), then what EXPECT checks (the fund's
 * and the person's parts, the limit that set the amount, the limits that lowered it), the eligible days (-1: not
 * checked), the days in the month (0: not checked) and the rules' first month (NULL: not checked). */
typedef struct benefit_case {
    int grade;
    shebao_ltc_mode mode;
    int y, m, days, hosp;
    const char *cost, *hours, *price;
    const char *pays, *self;
    int bind, lim;
    int eligible_days, days_in_month;
    const char *from;
} benefit_case;

/* Runs each case under policy p, in order (the assumptions gather in `notes` as they would one by one). */
static void expect_benefits(const shebao_policy *p, const benefit_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++, c++) {
        shebao_ltc_benefit b = run(p, c->grade, c->mode, c->y, c->m, c->days, c->hosp, c->cost, c->hours, c->price);
        if (c->eligible_days >= 0)
            assert_int_equal(b.eligible_days, c->eligible_days);
        if (c->days_in_month)
            assert_int_equal(b.days_in_month, c->days_in_month);
        if (c->from)
            assert_string_equal(b.from, c->from);
        EXPECT(b, c->pays, c->self, c->bind, c->lim);
    }
}

static void test_cap_on_cost(void **state)
{
    (void)state;
    static const benefit_case cases[] = {
        /* S1 (synthetic): grade 5, June 2025 (30 days), cost 4500: min(4500, 100 × 30 = 3000) = 3000,
         * 0.70 × 3000 = 2100.00; self 4500 − 2100 = 2400.00; the daily cap bound */
        {5, SHEBAO_LTC_INSTITUTION, 2025, 6, 30, 0, "4500", NULL, NULL,
         "2100.00", "2400.00", SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP, 30, 0, NULL},
        /* S3: grade 3, cost 1500 over 30 days: 60 × 30 = 1800 ≥ 1500, 0.70 × 1500 = 1050.00; self 450.00; the ratio */
        {3, SHEBAO_LTC_INSTITUTION, 2025, 6, 30, 0, "1500", NULL, NULL,
         "1050.00", "450.00", SHEBAO_LTC_LIMIT_RATIO, 0, -1, 0, NULL},
        /* S4: grade 4, 10 of 30 days in hospital → d = 20, cost 2400: min(2400, 80 × 20 = 1600) = 1600,
         * 0.70 × 1600 = 1120.00; self 1280.00 */
        {4, SHEBAO_LTC_INSTITUTION, 2025, 6, 30, 10, "2400", NULL, NULL,
         "1120.00", "1280.00", SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP, 20, 0, NULL},
        /* monthly cap (2026 rules, grade 5: 2000), January 2026 = 31 days, cost 4000: min(4000, 100 × 31 = 3100) =
         * 3100, 0.70 × 3100 = 2170 > 2000 → 2000.00; self 2000.00; both caps lowered it, the monthly one set it */
        {5, SHEBAO_LTC_INSTITUTION, 2026, 1, 31, 0, "4000", NULL, NULL,
         "2000.00", "2000.00", SHEBAO_LTC_LIMIT_MONTHLY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP | SHEBAO_LTC_LIMIT_MONTHLY_CAP,
         -1, 0, "2026-01"},
        /* exact rounding: grade 3, cost 1234.57: 0.7 × 1234.57 = 864.199 → 864.20 (fen_half_up); self 370.37 */
        {3, SHEBAO_LTC_INSTITUTION, 2025, 6, 30, 0, "1234.57", NULL, NULL,
         "864.20", "370.37", SHEBAO_LTC_LIMIT_RATIO, 0, -1, 0, NULL},
        /* every day in hospital: d = 0, min(cost, 0) = 0 → nothing paid */
        {4, SHEBAO_LTC_INSTITUTION, 2025, 6, 12, 12, "900", NULL, NULL,
         "0.00", "900.00", SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP, 0, 0, NULL},
    };
    shebao_ltc_benefit b;
    expect_benefits(syn, cases, sizeof cases / sizeof cases[0]);
    /* more hospital days than care days: d never below 0 */
    b = run(syn, 4, SHEBAO_LTC_INSTITUTION, 2025, 6, 5, 9, "900", NULL, NULL);
    assert_int_equal(b.eligible_days, 0);
}

static void test_cap_on_payment(void **state)
{
    (void)state;
    static const benefit_case cases[] = {
        /* S2 (synthetic): grade 5, 30 days, cost 4500, payment cap 70 a day: min(0.70 × 4500 = 3150, 70 × 30 =
         * 2100) = 2100.00; self 2400.00 */
        {5, SHEBAO_LTC_MEDICAL_INSTITUTION, 2025, 6, 30, 0, "4500", NULL, NULL,
         "2100.00", "2400.00", SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP, -1, 0, NULL},
        /* below the cap: grade 3, cost 1500: 0.70 × 1500 = 1050 < 2100 → 1050.00 (the ratio) */
        {3, SHEBAO_LTC_MEDICAL_INSTITUTION, 2025, 6, 30, 0, "1500", NULL, NULL,
         "1050.00", "450.00", SHEBAO_LTC_LIMIT_RATIO, 0, -1, 0, NULL},
        /* 3 hospital days in June: d = 27, cost 3000: min(2100, 70 × 27 = 1890) = 1890.00 */
        {4, SHEBAO_LTC_MEDICAL_INSTITUTION, 2025, 6, 30, 3, "3000", NULL, NULL,
         "1890.00", "1110.00", SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP, -1, 0, NULL},
        /* monthly cap 1800 (2026, grade 5), January (31 days), cost 2800: 0.70 × 2800 = 1960 < 70 × 31 = 2170;
         * 1960 > 1800 → 1800.00; only the monthly cap lowered it; self 1000.00 */
        {5, SHEBAO_LTC_MEDICAL_INSTITUTION, 2026, 1, 31, 0, "2800", NULL, NULL,
         "1800.00", "1000.00", SHEBAO_LTC_LIMIT_MONTHLY_CAP, SHEBAO_LTC_LIMIT_MONTHLY_CAP, -1, 0, NULL},
    };
    expect_benefits(syn, cases, sizeof cases / sizeof cases[0]);
}

/* The test pair that pins the convention (docs/ltc.md §3): the same 30 days at 100 a day. */
static void test_comparators_c1_c3(void **state)
{
    (void)state;
    static const benefit_case cases[] = {
        /* C1 Tianjin: 70 % × min(100, 70) × 30 = 1470.00 (cost 3000) */
        {5, SHEBAO_LTC_INSTITUTION, 2023, 6, 30, 0, "3000", NULL, NULL,
         "1470.00", "1530.00", SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP, -1, 0, NULL},
        /* C2 Tengzhou: min(75 % × 3000 = 2250, 60 × 30 = 1800) = 1800.00 */
        {5, SHEBAO_LTC_MEDICAL_INSTITUTION, 2023, 6, 30, 0, "3000", NULL, NULL,
         "1800.00", "1200.00", SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP, -1, 0, NULL},
        /* C3 Tengzhou below the cap: 70 a day × 30 = 2100, min(0.75 × 2100 = 1575, 1800) = 1575.00 */
        {5, SHEBAO_LTC_MEDICAL_INSTITUTION, 2023, 6, 30, 0, "2100", NULL, NULL,
         "1575.00", "525.00", SHEBAO_LTC_LIMIT_RATIO, 0, -1, 0, NULL},
    };
    expect_benefits(cmp, cases, sizeof cases / sizeof cases[0]);
    /* both sources are secondary: listed (eligibility 3 values + convention, ratio, daily cap) */
    assert_int_equal(shebao_ltc_assumption_count(notes), 6);
}

static void test_home_visit(void **state)
{
    (void)state;
    static const benefit_case cases[] = {
        /* price only: grade 3, 20 h at 65: 0.80 × 60 × 20 = 960.00; cost 1300.00, self 340.00 */
        {3, SHEBAO_LTC_HOME_VISIT, 2025, 7, -1, 0, NULL, "20", "65",
         "960.00", "340.00", SHEBAO_LTC_LIMIT_PRICE, SHEBAO_LTC_LIMIT_PRICE, -1, 0, NULL},
        /* within both limits, fractional hours: grade 4, 10.5 h at 45.50: 0.8 × 45.50 × 10.5 = 382.20;
         * cost 45.50 × 10.5 = 477.75, self 95.55 */
        {4, SHEBAO_LTC_HOME_VISIT, 2025, 7, -1, 0, NULL, "10.5", "45.50",
         "382.20", "95.55", SHEBAO_LTC_LIMIT_RATIO, 0, -1, 0, NULL},
        /* monthly cap 1000 (2026, grade 5): 25 h at 60: 0.8 × 60 × 25 = 1200 > 1000 → 1000.00; cost 1500, self 500 */
        {5, SHEBAO_LTC_HOME_VISIT, 2026, 3, -1, 0, NULL, "25", "60",
         "1000.00", "500.00", SHEBAO_LTC_LIMIT_MONTHLY_CAP, SHEBAO_LTC_LIMIT_MONTHLY_CAP, -1, 0, NULL},
    };
    shebao_ltc_benefit b;
    /* S5 (synthetic): grade 5, one hour a day in July 2025 (31 days) at 65 an hour: min(31, 30) = 30 h,
     * min(65, 60) = 60, 0.80 × 60 × 30 = 1440.00; cost 65 × 31 = 2015.00, self 575.00; hours and price both bound */
    b = run(syn, 5, SHEBAO_LTC_HOME_VISIT, 2025, 7, -1, 0, NULL, "31", "65");
    assert_fen(b.cost, "2015.00");
    EXPECT(b, "1440.00", "575.00", SHEBAO_LTC_LIMIT_HOURS, SHEBAO_LTC_LIMIT_HOURS | SHEBAO_LTC_LIMIT_PRICE);
    expect_benefits(syn, cases, sizeof cases / sizeof cases[0]);
}

/* Hangzhou's 2025 rules (secondary, docs/sources.md#hz-ltc-2025): examples Z4–Z8. */
static void test_hangzhou_z4_z8(void **state)
{
    (void)state;
    static const benefit_case cases[] = {
        /* Z4: grade 5, 40 h at 60: min(40, 35) × 60 = 2100.00; the 5 extra hours (300.00) are the person's */
        {5, SHEBAO_LTC_HOME_VISIT, 2025, 6, -1, 0, NULL, "40", "60",
         "2100.00", "300.00", SHEBAO_LTC_LIMIT_HOURS, SHEBAO_LTC_LIMIT_HOURS, -1, 0, NULL},
        /* Z5: grade 3, 20 h: min(20, 25) × 60 = 1200.00, no co-payment */
        {3, SHEBAO_LTC_HOME_VISIT, 2025, 6, -1, 0, NULL, "20", "60",
         "1200.00", "0.00", SHEBAO_LTC_LIMIT_RATIO, 0, -1, 0, NULL},
        /* Z6: grade 4, 30 h: min(30, 25) × 60 = 1500.00 */
        {4, SHEBAO_LTC_HOME_VISIT, 2025, 6, -1, 0, NULL, "30", "60",
         "1500.00", "300.00", SHEBAO_LTC_LIMIT_HOURS, SHEBAO_LTC_LIMIT_HOURS, -1, 0, NULL},
        /* Z7: grade 4 in an institution, 30 eligible days (June): 30 × 50 = 1500.00 (cost 3000 above it) */
        {4, SHEBAO_LTC_INSTITUTION, 2025, 6, -1, 0, "3000", NULL, NULL,
         "1500.00", "1500.00", SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP, -1, 0, NULL},
        /* Z8: grade 5, 31 eligible days (July): 31 × 70 = 2170.00 */
        {5, SHEBAO_LTC_INSTITUTION, 2025, 7, -1, 0, "3000", NULL, NULL,
         "2170.00", "830.00", SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_DAILY_CAP, -1, 0, NULL},
        /* a cost below the daily amounts is paid in full (ratio 1, inferred): 1200 < 1500 → 1200.00 */
        {4, SHEBAO_LTC_INSTITUTION, 2025, 6, -1, 0, "1200", NULL, NULL,
         "1200.00", "0.00", SHEBAO_LTC_LIMIT_RATIO, 0, -1, 0, NULL},
    };
    expect_benefits(hz, cases, sizeof cases / sizeof cases[0]);
    /* the inferred convention and ratio and the secondary cap are listed, and the care days taken as the whole
     * month: notes = 3 eligibility + convention + ratio.4 + daily_cap.4 + run.care_days */
    assert_int_equal(shebao_ltc_assumption_count(notes), 7);
    shebao_param q;
    shebao_ltc_assumption(notes, 3, &q);
    assert_string_equal(q.path, "long_term_care.benefits.modes.institution.convention");
    assert_int_equal(q.status, SHEBAO_STATUS_INFERRED);
    shebao_ltc_assumption(notes, 6, &q);
    assert_string_equal(q.path, "run.care_days");
}

static void test_home_cash(void **state)
{
    (void)state;
    static const benefit_case cases[] = {
        /* 31-day month (July 2025), grade 5, 3 hospital days: d = 28, 600 × 28 / 31 = 541.935… → 541.94 */
        {5, SHEBAO_LTC_HOME_CASH, 2025, 7, -1, 3, NULL, NULL, NULL,
         "541.94", "0.00", SHEBAO_LTC_LIMIT_NONE, 0, 28, 31, NULL},
        /* the whole 31-day month: 600 × 31 / 31 = 600.00 */
        {5, SHEBAO_LTC_HOME_CASH, 2025, 7, -1, 0, NULL, NULL, NULL,
         "600.00", "0.00", SHEBAO_LTC_LIMIT_NONE, 0, -1, 0, NULL},
        /* 28-day month (February 2025), grade 4, 7 hospital days: d = 21, 400 × 21 / 28 = 300.00 */
        {4, SHEBAO_LTC_HOME_CASH, 2025, 2, -1, 7, NULL, NULL, NULL,
         "300.00", "0.00", SHEBAO_LTC_LIMIT_NONE, 0, -1, 28, NULL},
        /* February 2028 has 29 days; 2026 rules round jiao_up: grade 3, 10 care days: 300 × 10 / 29 = 103.448… →
         * 103.50 (jiao_up; fen_half_up would give 103.45) */
        {3, SHEBAO_LTC_HOME_CASH, 2028, 2, 10, 0, NULL, NULL, NULL,
         "103.50", "0.00", SHEBAO_LTC_LIMIT_NONE, 0, -1, 29, NULL},
        /* 28-day February 2026, grade 5, 1 hospital day: d = 27, 600 × 27 / 28 = 578.571… → 578.60 (jiao_up) */
        {5, SHEBAO_LTC_HOME_CASH, 2026, 2, -1, 1, NULL, NULL, NULL,
         "578.60", "0.00", SHEBAO_LTC_LIMIT_NONE, 0, -1, 0, NULL},
    };
    expect_benefits(syn, cases, sizeof cases / sizeof cases[0]);
}

/* The rules applied (version 2 of shebao_ltc_benefit), read straight from the synthetic policy SYN above. */
static void test_rules_applied(void **state)
{
    (void)state;
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    /* 2026 institution, grade 5: ratio 0.7, daily cap 100, monthly cap 2000 (SYN); cost 5000 for 31 days of
     * March: min(5000, 100 × 31 = 3100) × 0.7 = 2170.00 > 2000 → 2000.00, both caps lowered it */
    shebao_ltc_claim c = tu_ltc_claim(5, SHEBAO_LTC_INSTITUTION, 2026, 3, 500000);
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_fen(b.fund_pays, "2000.00");
    assert_string_equal(b.ratio, "0.7");
    assert_fen(b.daily_cap, "100.00");
    assert_fen(b.monthly_cap, "2000.00");
    assert_string_equal(b.max_hours, "");
    assert_int_equal(b.hour_price_cap, SHEBAO_UNSET);
    assert_int_equal(b.monthly, SHEBAO_UNSET);
    /* 2025 home visit, grade 4: ratio 0.8, price cap 60, 30 hours, no monthly cap in 2025 */
    c = tu_ltc_claim(4, SHEBAO_LTC_HOME_VISIT, 2025, 6, SHEBAO_UNSET);
    c.hours = "10";
    c.price = 5000;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_string_equal(b.ratio, "0.8");
    assert_string_equal(b.max_hours, "30");
    assert_fen(b.hour_price_cap, "60.00");
    assert_int_equal(b.daily_cap, SHEBAO_UNSET);
    assert_int_equal(b.monthly_cap, SHEBAO_UNSET);
    /* 2025 cash, grade 3: 300 a month, no ratio */
    c = tu_ltc_claim(3, SHEBAO_LTC_HOME_CASH, 2025, 6, SHEBAO_UNSET);
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_fen(b.monthly, "300.00");
    assert_string_equal(b.ratio, "");
    assert_int_equal(b.hour_price_cap, SHEBAO_UNSET);
    /* not eligible (grade 2): no rule applied, even in a struct used before */
    c = tu_ltc_claim(2, SHEBAO_LTC_HOME_CASH, 2025, 6, SHEBAO_UNSET);
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_false(b.eligible);
    assert_int_equal(b.monthly, SHEBAO_UNSET);
    /* a version-1 caller's struct ends before these members: they are never written */
    shebao_ltc_benefit v1 = SHEBAO_LTC_BENEFIT_INIT;
    v1.version = 1;
    v1.daily_cap = 4242;
    strcpy(v1.ratio, "untouched");
    c = tu_ltc_claim(5, SHEBAO_LTC_INSTITUTION, 2026, 3, 500000);
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &v1, notes), SHEBAO_OK);
    assert_fen(v1.fund_pays, "2000.00");
    assert_int_equal(v1.daily_cap, 4242);
    assert_string_equal(v1.ratio, "untouched");
}

static void test_not_eligible(void **state)
{
    (void)state;
    shebao_ltc_claim c = tu_ltc_claim(2, SHEBAO_LTC_INSTITUTION, 2025, 6, 300000); /* 中度失能, below min_grade 3 */
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    c.disability_months = 12;
    c.insured_months = 24;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_false(b.eligible);
    assert_int_equal(b.reason, SHEBAO_LTC_GRADE_TOO_LOW);
    assert_string_equal(b.reason_text, "grade 2 (中度失能) is below min_grade 3 (重度失能Ⅰ级)");
    EXPECT(b, "0.00", "3000.00", SHEBAO_LTC_LIMIT_NONE, 0);
    c.grade = 3;
    c.disability_months = 5; /* < 6 */
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_int_equal(b.reason, SHEBAO_LTC_DISABILITY_TOO_SHORT);
    assert_string_equal(b.reason_text, "disability of 5 months is shorter than min_disability_months 6");
    assert_fen(b.fund_pays, "0.00");
    c.disability_months = 6; /* exactly 6: eligible */
    c.insured_months = 11;   /* < 12 */
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_int_equal(b.reason, SHEBAO_LTC_WAITING_PERIOD);
    assert_string_equal(b.reason_text, "insured for 11 months, fewer than waiting_months 12");
    c.insured_months = 12; /* exactly 12: eligible; grade 3, cost 3000, 30 days: min(3000, 1800) × 0.7 = 1260.00 */
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_true(b.eligible);
    assert_fen(b.fund_pays, "1260.00");
    /* months not given: eligible, and the assumption is listed */
    c.disability_months = -1;
    c.insured_months = -1;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_true(b.eligible);
    size_t n = shebao_ltc_assumption_count(notes);
    shebao_param q;
    shebao_ltc_assumption(notes, n - 3, &q);
    assert_string_equal(q.path, "run.disability_months");
    assert_string_equal(q.source, "not given: assumed to meet min_disability_months 6");
    shebao_ltc_assumption(notes, n - 2, &q);
    assert_string_equal(q.path, "run.insured_months");
    assert_string_equal(q.source, "not given: assumed to meet waiting_months 12");
    shebao_ltc_assumption(notes, n - 1, &q);
    assert_string_equal(q.path, "run.care_days");
}

/* The figures of a refusal (version 3), which a text in any language is made from. Hangzhou's min_grade is 3
 * (data/policies/zhejiang-hangzhou.json, long_term_care.eligibility.min_grade, source HZ-LTC-2025): grade 2 is
 * refused with 3 and 2. Its min_disability_months is Zhejiang's 6 (data/policies/zhejiang.json, YIBAO-2020-37,
 * inherited through extends): 4 months are refused with 6 and 4. Its waiting_months is 0, so the waiting period is
 * that of the synthetic policy above (waiting_months 12): 11 months insured are refused with 12 and 11. */
static void test_refusal_figures(void **state)
{
    (void)state;
    shebao_ltc_claim c = tu_ltc_claim(2, SHEBAO_LTC_INSTITUTION, 2026, 1, 300000);
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    assert_int_equal(b.reason_min, 0);
    assert_int_equal(b.reason_value, 0);
    assert_int_equal(shebao_ltc_benefit_month(ctx, hz, &c, &b, notes), SHEBAO_OK);
    assert_int_equal(b.reason, SHEBAO_LTC_GRADE_TOO_LOW);
    assert_int_equal(b.reason_min, 3);
    assert_int_equal(b.reason_value, 2);
    assert_string_equal(b.reason_text, "grade 2 (中度失能) is below min_grade 3 (重度失能Ⅰ级)"); /* as before */
    c.grade = 3;
    c.disability_months = 4;
    assert_int_equal(shebao_ltc_benefit_month(ctx, hz, &c, &b, notes), SHEBAO_OK);
    assert_int_equal(b.reason, SHEBAO_LTC_DISABILITY_TOO_SHORT);
    assert_int_equal(b.reason_min, 6);
    assert_int_equal(b.reason_value, 4);
    c = tu_ltc_claim(3, SHEBAO_LTC_INSTITUTION, 2025, 6, 300000);
    c.disability_months = 6;
    c.insured_months = 11;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_int_equal(b.reason, SHEBAO_LTC_WAITING_PERIOD);
    assert_int_equal(b.reason_min, 12);
    assert_int_equal(b.reason_value, 11);
    /* eligible: both 0 again in the struct used before */
    c.insured_months = 12;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_OK);
    assert_true(b.eligible);
    assert_int_equal(b.reason_min, 0);
    assert_int_equal(b.reason_value, 0);
    /* a version-2 caller's struct ends before these members: they are never written (the sentinels stay, and a
     * struct allocated to the version-2 size exactly is not written past its end: ASan checks it) */
    shebao_ltc_benefit v2 = SHEBAO_LTC_BENEFIT_INIT;
    v2.version = 2;
    v2.reason_min = v2.reason_value = 4242;
    c.insured_months = 11;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &v2, notes), SHEBAO_OK);
    assert_int_equal(v2.reason, SHEBAO_LTC_WAITING_PERIOD);
    assert_int_equal(v2.reason_min, 4242);
    assert_int_equal(v2.reason_value, 4242);
    volatile size_t v2_size = offsetof(shebao_ltc_benefit, reason_min); /* (volatile: hidden from -Warray-bounds) */
    shebao_ltc_benefit *small = malloc(v2_size);
    assert_non_null(small);
    memcpy(small, &v2, v2_size);
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, small, notes), SHEBAO_OK);
    assert_int_equal(small->reason, SHEBAO_LTC_WAITING_PERIOD);
    free(small);
}

static void test_benefit_errors(void **state)
{
    (void)state;
    shebao_ltc_claim c = tu_ltc_claim(5, SHEBAO_LTC_INSTITUTION, 2025, 6, 100);
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    c.care_days = 31;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "days 31: 2025-06 has only 30 days");
    c.care_days = -1;
    c.cost = -1;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "mode institution needs the month's care cost");
    c.cost = 100;
    c.year = 2024;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "2024-06: no long-term care benefits are in force in policy ltc-syn "
                                                "(the first rules start in 2025-01)");
    c.year = 2025;
    c.mode = SHEBAO_LTC_HOME_CASH;
    c.cost = -1;
    assert_int_equal(shebao_ltc_benefit_month(ctx, hz, &c, &b, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "2025-06: the long-term care benefits of policy zhejiang-hangzhou in "
                                                "force (from 2025-01) define no home_cash benefit (defined: "
                                                "institution, home_visit)");
    c.mode = SHEBAO_LTC_HOME_VISIT;
    c.hours = "1e3";
    c.price = 6000;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &b, notes), SHEBAO_EINPUT);
    c.hours = "20";
    c.grade = 3;
    assert_int_equal(shebao_ltc_benefit_month(ctx, cmp, &c, &b, notes), SHEBAO_EINPUT); /* no home visits */
    /* a grade the rules give no value for: the comparator policy has grade 5 only */
    c.mode = SHEBAO_LTC_INSTITUTION;
    c.hours = NULL;
    c.price = -1;
    c.cost = 100;
    c.year = 2023;
    assert_int_equal(shebao_ltc_benefit_month(ctx, cmp, &c, &b, notes), SHEBAO_EPOLICY);
    assert_string_equal(shebao_ctx_errmsg(ctx), "long_term_care.benefits (from 2023-01): modes.institution.ratio "
                                                "has no value for grade 3");
    assert_int_equal(shebao_ltc_assumption_count(notes), 0);
    shebao_ltc_benefit wrong = SHEBAO_LTC_BENEFIT_INIT;
    wrong.version = 99;
    assert_int_equal(shebao_ltc_benefit_month(ctx, syn, &c, &wrong, notes), SHEBAO_EUSAGE);
}

/* ---- funding ---------------------------------------------------------------------------------------------- */

static void test_funding(void **state)
{
    (void)state;
    shebao_ltc_funding f = SHEBAO_LTC_FUNDING_INIT;
    /* Z1 (docs/sources.md#hz-ltc-2025): Hangzhou employee 45 personal account + 45 pooled fund = 90.00 */
    assert_int_equal(shebao_ltc_fund(ctx, hz, SHEBAO_LTC_EMPLOYEE, 2025, 6, 1, -1, &f, notes), SHEBAO_OK);
    assert_fen(f.per_person[SHEBAO_LTC_INDIVIDUAL], "45.00");
    assert_fen(f.per_person[SHEBAO_LTC_MEDICAL_FUND], "45.00");
    assert_fen(f.per_person_total, "90.00");
    assert_int_equal(f.payers, (1u << SHEBAO_LTC_INDIVIDUAL) | (1u << SHEBAO_LTC_MEDICAL_FUND));
    /* Z2: resident 30 + 60 = 90.00, for 1000 residents 30000.00 + 60000.00 = 90000.00 */
    assert_int_equal(shebao_ltc_fund(ctx, hz, SHEBAO_LTC_RESIDENT, 2025, 6, 1000, -1, &f, notes), SHEBAO_OK);
    assert_fen(f.total[SHEBAO_LTC_INDIVIDUAL], "30000.00");
    assert_fen(f.total[SHEBAO_LTC_FISCAL], "60000.00");
    assert_fen(f.total_all, "90000.00");
    /* Z3: assisted resident 0 + 90 */
    assert_int_equal(shebao_ltc_fund(ctx, hz, SHEBAO_LTC_ASSISTED, 2025, 6, 1, -1, &f, notes), SHEBAO_OK);
    assert_fen(f.per_person[SHEBAO_LTC_FISCAL], "90.00");
    assert_int_equal(f.payers, 1u << SHEBAO_LTC_FISCAL);
    /* rates: floor 4000, cap 20000, 0.15 % each side. Base 8333.33: 0.0015 × 8333.33 = 12.499995 → 12.50 each,
     * 25.00 a month per person */
    assert_int_equal(shebao_ltc_fund(ctx, syn, SHEBAO_LTC_EMPLOYEE, 2025, 6, 2, 833333, &f, notes), SHEBAO_OK);
    assert_true(f.is_rate);
    assert_fen(f.per_person[SHEBAO_LTC_INDIVIDUAL], "12.50");
    assert_fen(f.per_person[SHEBAO_LTC_EMPLOYER], "12.50");
    assert_fen(f.per_person_total, "25.00");
    assert_fen(f.total_all, "50.00");
    assert_int_equal(f.base_limited, 0);
    /* base 3000 → floor 4000: 6.00 each */
    assert_int_equal(shebao_ltc_fund(ctx, syn, SHEBAO_LTC_EMPLOYEE, 2025, 6, 1, 300000, &f, notes), SHEBAO_OK);
    assert_int_equal(f.base_limited, -1);
    assert_fen(f.base, "4000.00");
    assert_fen(f.per_person[SHEBAO_LTC_EMPLOYER], "6.00");
    /* base 30000 → cap 20000: 30.00 each */
    assert_int_equal(shebao_ltc_fund(ctx, syn, SHEBAO_LTC_EMPLOYEE, 2025, 6, 1, 3000000, &f, notes), SHEBAO_OK);
    assert_int_equal(f.base_limited, 1);
    assert_fen(f.per_person[SHEBAO_LTC_INDIVIDUAL], "30.00");
    /* errors */
    assert_int_equal(shebao_ltc_fund(ctx, syn, SHEBAO_LTC_EMPLOYEE, 2025, 6, 1, -1, &f, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "the group employee is funded by rates on a contribution base (from "
                                                "2025-01): give the monthly base");
    assert_int_equal(shebao_ltc_fund(ctx, syn, SHEBAO_LTC_MINOR, 2025, 6, 1, -1, &f, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "2025-06: the long-term care funding of policy ltc-syn in force "
                                                "(from 2025-01) has no rule for the group minor");
    assert_int_equal(shebao_ltc_fund(ctx, zj, SHEBAO_LTC_RESIDENT, 2024, 12, 1, -1, &f, notes), SHEBAO_EINPUT);
    assert_int_equal(shebao_ltc_fund(ctx, zj, SHEBAO_LTC_RESIDENT, 2025, 1, 1, 100, &f, notes), SHEBAO_EINPUT);
    /* 10^10 persons × 90.00 = 900 000 000 000.00: no overflow */
    assert_int_equal(shebao_ltc_fund(ctx, zj, SHEBAO_LTC_RESIDENT, 2025, 1, 10000000000LL, -1, &f, notes),
                     SHEBAO_OK);
    assert_fen(f.total_all, "900000000000.00");
}

/* Fixed parts must add up exactly to the total; so must rates. */
static void test_funding_parts_must_add_up(void **state)
{
    (void)state;
    shebao_policy *p = NULL;
    const char *bad = "{\"schema\": \"shebao-policy/1\", \"id\": \"t\", \"name\": \"t\", \"sources\": {},"
                      "\"long_term_care\": {\"funding\": [{\"from\": \"2025-01\", \"groups\": {\"resident\": "
                      "{\"fixed\": {\"total\": \"90\", \"individual\": \"30\", \"fiscal\": \"50\"}}}}]}}";
    assert_int_equal(shebao_policy_load_string(ctx, bad, "bad.json", &p), SHEBAO_EPOLICY);
    assert_null(p);
    assert_string_equal(shebao_ctx_errmsg(ctx), "bad.json: $.long_term_care.funding[0].groups.resident.fixed: the "
                                                "parts add up to 80.00 (individual 30.00 + fiscal 50.00), not the "
                                                "total 90.00");
    const char *bad_rate = "{\"schema\": \"shebao-policy/1\", \"id\": \"t\", \"name\": \"t\", \"sources\": {},"
                           "\"long_term_care\": {\"funding\": [{\"from\": \"2025-01\", \"groups\": {\"employee\": "
                           "{\"rate\": {\"total\": \"0.002\", \"individual\": \"0.001\", \"employer\": \"0.0015\"}}}}]}}";
    assert_int_equal(shebao_policy_load_string(ctx, bad_rate, "bad.json", &p), SHEBAO_EPOLICY);
    assert_string_equal(shebao_ctx_errmsg(ctx), "bad.json: $.long_term_care.funding[0].groups.employee.rate: the "
                                                "parts add up to 0.0025 (individual 0.001 + employer 0.0015), not the "
                                                "total 0.002");
    /* the same parts with their right total load */
    const char *good = "{\"schema\": \"shebao-policy/1\", \"id\": \"t\", \"name\": \"t\", \"sources\": {},"
                       "\"long_term_care\": {\"funding\": [{\"from\": \"2025-01\", \"groups\": {\"employee\": "
                       "{\"rate\": {\"total\": \"0.0025\", \"individual\": \"0.001\", \"employer\": \"0.0015\"}}}}]}}";
    assert_int_equal(shebao_policy_load_string(ctx, good, "good.json", &p), SHEBAO_OK);
    shebao_policy_free(p);
}

/* ---- the estimate ------------------------------------------------------------------------------------------ */

static void test_cost_estimate(void **state)
{
    (void)state;
    shebao_ltc_cost est = SHEBAO_LTC_COST_INIT;
    /* Zhejiang (assumed Hangzhou-like rules), 1000 beneficiaries, grades 3/4/5 at 0.5/0.3/0.2, institution 0.6
     * and home visits 0.4, 12 months of 2025, cost 2400 a month, 30 h at 60.
     * Institution (ratio 1, payment cap 50 a day for grades 3-4, 70 for 5): every month's 50 × days ≤ 1550 and
     * 70 × days ≤ 2170 are below 2400, so a year pays 50 × 365 = 18250.00 (grades 3, 4) and 70 × 365 = 25550.00.
     * Home visits: grades 3-4 min(30, 25) × 60 = 1500 a month → 18000.00; grade 5 30 × 60 = 1800 → 21600.00.
     * Persons: 1000 × 0.5 × 0.6 = 300, × 0.4 = 200; 180, 120; 120, 80.
     * Total 300 × 18250 + 200 × 18000 + 180 × 18250 + 120 × 18000 + 120 × 25550 + 80 × 21600
     *     = 5475000 + 3600000 + 3285000 + 2160000 + 3066000 + 1728000 = 19314000.00 */
    shebao_ltc_cost_input in =
        tu_ltc_cost_input(1000, "3:0.5,4:0.3,5:0.2", "institution:0.6,home_visit:0.4", 2025, 1, 12);
    in.cost = 240000;
    in.hours = "30";
    in.price = 6000;
    if (shebao_ltc_cost_estimate(ctx, zj, &in, &est, notes) != SHEBAO_OK)
        fail_msg("%s", shebao_ctx_errmsg(ctx));
    assert_int_equal(est.ncells, 6);
    assert_string_equal(est.cells[0].persons, "300");
    assert_fen(est.cells[0].per_person, "18250.00");
    assert_fen(est.cells[0].total, "5475000.00");
    assert_fen(est.cells[4].per_person, "25550.00");
    assert_fen(est.cells[5].per_person, "21600.00");
    assert_string_equal(est.cells[5].persons, "80");
    assert_fen(est.total, "19314000.00");
    /* fractional persons, an ineligible grade and one 31-day month (synthetic cash 600 for grade 5):
     * 3 beneficiaries, grade 2 at 0.2 (0.6 persons, nothing paid) and grade 5 at 0.8 (2.4 persons × 600.00 =
     * 1440.00) */
    shebao_ltc_cost_input in2 = tu_ltc_cost_input(3, "2:0.2,5:0.8", "home_cash:1", 2025, 7, 1);
    assert_int_equal(shebao_ltc_cost_estimate(ctx, syn, &in2, &est, notes), SHEBAO_OK);
    assert_int_equal(est.ncells, 2);
    assert_string_equal(est.cells[0].persons, "0.6");
    assert_false(est.cells[0].eligible);
    assert_string_equal(est.cells[1].persons, "2.4");
    assert_fen(est.cells[1].total, "1440.00");
    assert_fen(est.total, "1440.00");
    /* the total is rounded once: 1 beneficiary, half grade 3 and half grade 4, in an institution in June 2025
     * (synthetic cap_on_cost, 70 %), cost 1000.01: both grades pay R(0.7 × min(1000.01, 60 or 80 × 30)) =
     * R(700.007) = 700.01; each cell is 0.5 × 700.01 = 350.005 → 350.01, but the total is R(700.01) = 700.01,
     * not 350.01 + 350.01 = 700.02 */
    in2.beneficiaries = 1;
    in2.grade_mix = "3:0.5,4:0.5";
    in2.mode_mix = "institution:1";
    in2.from_month = 6;
    in2.months = 1;
    in2.cost = 100001;
    assert_int_equal(shebao_ltc_cost_estimate(ctx, syn, &in2, &est, notes), SHEBAO_OK);
    assert_fen(est.cells[0].per_person, "700.01");
    assert_fen(est.cells[0].total, "350.01");
    assert_fen(est.cells[1].total, "350.01");
    assert_fen(est.total, "700.01");
    in2.cost = -1;
    in2.mode_mix = "home_cash:1";
    /* errors */
    in2.grade_mix = "3:0.5,4:0.4";
    assert_int_equal(shebao_ltc_cost_estimate(ctx, syn, &in2, &est, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "grade mix: the shares add up to 0.9, not 1");
    in2.grade_mix = "3:0.5,3:0.5";
    assert_int_equal(shebao_ltc_cost_estimate(ctx, syn, &in2, &est, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "grade mix: item 2: '3' is listed twice");
    in2.grade_mix = "5:1";
    in2.mode_mix = "institution:1";
    assert_int_equal(shebao_ltc_cost_estimate(ctx, syn, &in2, &est, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "the mode mix has an institution mode: give the monthly care cost "
                                                "per beneficiary");
    in2.mode_mix = "nursing:1";
    assert_int_equal(shebao_ltc_cost_estimate(ctx, syn, &in2, &est, notes), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "mode mix: item 1: unknown care mode 'nursing' (institution, "
                                                "medical_institution, home_visit, home_cash)");
    /* items of 63, 64, 65 and 1000 bytes are read whole: "3:0…00.5" is a share of one half (3 beneficiaries × 0.5 =
     * 1.5 persons in each cell); a mode name, or a share, that long is refused, quoted by its first 60 bytes and
     * "..." when it has more than 63 */
    static const size_t lens[] = {63, 64, 65, 1000};
    static char g[2100], mm[1100], want[300];
    for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        size_t len = lens[k], z = len - 5; /* "3:" + z zeros + "0.5" */
        memset(g, '0', sizeof g);
        memcpy(g, "3:", 2);
        memcpy(g + 2 + z, "0.5,4:", 6);
        memcpy(g + 2 + z + 6 + z, "0.5", 4);
        in2.beneficiaries = 3;
        in2.grade_mix = g;
        in2.mode_mix = "home_cash:1";
        in2.cost = -1;
        assert_int_equal(shebao_ltc_cost_estimate(ctx, syn, &in2, &est, notes), SHEBAO_OK);
        assert_int_equal(est.ncells, 2);
        assert_string_equal(est.cells[0].persons, "1.5");
        assert_string_equal(est.cells[1].persons, "1.5");
        /* a mode of len - 2 bytes: "home_cash" and zeros */
        memset(mm, '0', sizeof mm);
        memcpy(mm, "home_cash", 9);
        memcpy(mm + len - 2, ":1", 3);
        in2.grade_mix = "3:1";
        in2.mode_mix = mm;
        assert_int_equal(shebao_ltc_cost_estimate(ctx, syn, &in2, &est, notes), SHEBAO_EINPUT);
        snprintf(want, sizeof want, "mode mix: item 1: unknown care mode '%.*s%s' (institution, medical_institution, "
                 "home_visit, home_cash)", len - 2 > 63 ? 60 : (int)(len - 2), mm, len - 2 > 63 ? "..." : "");
        assert_string_equal(shebao_ctx_errmsg(ctx), want);
        /* a share of len - 2 bytes: "0." and zeros and "1", more than six decimals */
        memset(mm, '0', sizeof mm);
        memcpy(mm, "home_cash:0.", 12);
        memcpy(mm + 10 + len - 2 - 1, "1", 2);
        assert_int_equal(shebao_ltc_cost_estimate(ctx, syn, &in2, &est, notes), SHEBAO_EINPUT);
        snprintf(want, sizeof want, "mode mix: item 1: share '%.*s%s' must be a number from 0 to 1 with at most 6 "
                 "decimals", len - 2 > 63 ? 60 : (int)(len - 2), mm + 10, len - 2 > 63 ? "..." : "");
        assert_string_equal(shebao_ctx_errmsg(ctx), want);
    }
}

/* ---- provenance of the section ---------------------------------------------------------------------------- */

static const shebao_param *find(const shebao_policy *p, const char *path, shebao_param *out)
{
    for (size_t i = 0; i < shebao_policy_param_count(p); i++) {
        shebao_policy_param(p, i, out);
        if (strcmp(out->path, path) == 0)
            return out;
    }
    return NULL;
}

/* A grade map's "source" applies to its grades without their own; a grade's {"value", "source"} wins; a mode's,
 * entry's and the section's sources are inherited in that order. In an overlay, a child's object-level source
 * labels only the child's own values; a bare matrix takes the source of its object. */
static void test_sources(void **state)
{
    (void)state;
    const char *doc = "{\"schema\": \"shebao-policy/1\", \"id\": \"s\", \"name\": \"s\","
        "\"sources\": {\"SEC\": {\"title\": \"section\", \"status\": \"assumption\"},"
        "              \"MAP\": {\"title\": \"map\", \"status\": \"secondary\"},"
        "              \"OWN\": {\"title\": \"own\", \"status\": \"official\"},"
        "              \"MODE\": {\"title\": \"mode\", \"status\": \"inferred\"}},"
        "\"long_term_care\": {\"source\": \"SEC\", \"benefits\": [{\"from\": \"2025-01\", \"modes\": {"
        "  \"institution\": {\"source\": \"MODE\", \"convention\": \"cap_on_cost\","
        "    \"ratio\": {\"source\": \"MAP\", \"3\": \"0.7\", \"5\": {\"value\": \"0.8\", \"source\": \"OWN\"}},"
        "    \"daily_cap\": {\"3\": \"60\", \"5\": \"100\"}},"
        "  \"home_cash\": {\"monthly\": {\"5\": \"600\"}}}}]}}";
    shebao_policy *p = NULL;
    if (shebao_policy_load_string(ctx, doc, "s.json", &p) != SHEBAO_OK)
        fail_msg("%s", shebao_ctx_errmsg(ctx));
    shebao_param q;
    assert_non_null(find(p, "long_term_care.benefits.modes.institution.ratio.3", &q));
    assert_string_equal(q.source, "MAP");
    assert_string_equal(q.from, "2025-01");
    assert_string_equal(q.value, "0.7");
    assert_int_equal(q.status, SHEBAO_STATUS_SECONDARY);
    assert_non_null(find(p, "long_term_care.benefits.modes.institution.ratio.5", &q));
    assert_string_equal(q.source, "OWN");
    assert_int_equal(q.status, SHEBAO_STATUS_OFFICIAL);
    assert_non_null(find(p, "long_term_care.benefits.modes.institution.daily_cap.5", &q));
    assert_string_equal(q.source, "MODE");
    assert_string_equal(q.value, "100.00");
    assert_non_null(find(p, "long_term_care.benefits.modes.institution.convention", &q));
    assert_string_equal(q.source, "MODE");
    assert_non_null(find(p, "long_term_care.benefits.modes.home_cash.monthly.5", &q));
    assert_string_equal(q.source, "SEC");
    /* the JSON of the resolved policy loads back with the same provenance */
    char *json = NULL;
    assert_int_equal(shebao_policy_to_json(p, &json), SHEBAO_OK);
    shebao_policy *again = NULL;
    if (shebao_policy_load_string(ctx, json, "again.json", &again) != SHEBAO_OK)
        fail_msg("%s", shebao_ctx_errmsg(ctx));
    assert_non_null(find(again, "long_term_care.benefits.modes.institution.ratio.3", &q));
    assert_string_equal(q.source, "MAP");
    assert_non_null(find(again, "long_term_care.benefits.modes.institution.ratio.5", &q));
    assert_string_equal(q.source, "OWN");
    shebao_policy_free(again);
    shebao_free(json);
    shebao_policy_free(p);

    /* overlay on zhejiang: the child's section source labels its own waiting period and matrix only */
    const char *child = "{\"schema\": \"shebao-policy/1\", \"id\": \"c\", \"name\": \"c\", \"extends\": \"zhejiang\","
        "\"sources\": {\"CHILD\": {\"title\": \"child\", \"status\": \"official\"}},"
        "\"long_term_care\": {\"source\": \"CHILD\", \"eligibility\": {\"waiting_months\": 12},"
        "  \"assessment\": {\"combination\": [[0,0,1,1],[1,1,1,2],[2,2,2,3],[3,3,4,5]]}}}";
    if (shebao_policy_load_string(ctx, child, "c.json", &p) != SHEBAO_OK)
        fail_msg("%s", shebao_ctx_errmsg(ctx));
    assert_non_null(find(p, "long_term_care.eligibility.waiting_months", &q));
    assert_string_equal(q.value, "12");
    assert_string_equal(q.source, "CHILD");
    assert_non_null(find(p, "long_term_care.eligibility.min_grade", &q));
    assert_string_equal(q.source, "ZJ-LTC-SEVERE");
    assert_non_null(find(p, "long_term_care.assessment.combination", &q));
    assert_string_equal(q.source, "CHILD");
    assert_int_equal(q.status, SHEBAO_STATUS_OFFICIAL);
    assert_non_null(find(p, "long_term_care.assessment.adl_bands", &q));
    assert_string_equal(q.source, "LTC-2021-SCALE-BANDS");
    /* with an official matrix the A5 assessment lists only the 6 recalled bands it used */
    const vec *a5 = &vectors[4];
    shebao_ltc_assessment a;
    assert_int_equal(shebao_ltc_assess(ctx, p, SCORES(a5->adl, 10, a5->cog, 4, a5->per, 3), &a, notes),
                     SHEBAO_OK);
    assert_int_equal(shebao_ltc_assumption_count(notes), 6);
    shebao_policy_free(p);
}

/* Every LTC value of the bundled policies has a source and none is official (docs/ltc.md §6): the recalled
 * assessment tables, the assumed waiting time and Hangzhou's secondary figures keep their statuses. */
static void test_bundled(void **state)
{
    (void)state;
    shebao_param q;
    assert_non_null(find(zj, "long_term_care.assessment.combination", &q));
    assert_int_equal(q.status, SHEBAO_STATUS_RECALLED);
    assert_non_null(find(zj, "long_term_care.assessment.cognition_bands", &q));
    assert_int_equal(q.status, SHEBAO_STATUS_RECALLED);
    assert_non_null(find(zj, "long_term_care.eligibility.waiting_months", &q));
    assert_int_equal(q.status, SHEBAO_STATUS_ASSUMPTION);
    assert_non_null(find(hz, "long_term_care.benefits.modes.home_visit.max_hours_month.5", &q));
    assert_string_equal(q.value, "35");
    assert_int_equal(q.status, SHEBAO_STATUS_SECONDARY);
    assert_non_null(find(hz, "long_term_care.benefits.modes.institution.daily_cap.5", &q));
    assert_string_equal(q.value, "70.00");
    assert_int_equal(q.status, SHEBAO_STATUS_SECONDARY);
    static const char *const ids[] = {"zhejiang", "zhejiang-hangzhou", "zhejiang-ningbo", "zhejiang-jiaxing"};
    for (size_t i = 0; i < 4; i++) {
        shebao_policy *p = NULL;
        assert_int_equal(shebao_policy_load_embedded(ctx, ids[i], &p), SHEBAO_OK);
        size_t n = 0;
        for (size_t j = 0; j < shebao_policy_param_count(p); j++) {
            shebao_policy_param(p, j, &q);
            if (strncmp(q.path, "long_term_care.", 15) != 0)
                continue;
            n++;
            if (q.status == SHEBAO_STATUS_UNSOURCED || q.status == SHEBAO_STATUS_OFFICIAL)
                fail_msg("%s: %s is %s (no long-term care figure is official: docs/ltc.md §6)", ids[i], q.path,
                         shebao_status_name(q.status));
        }
        assert_true(n > 20);
        shebao_policy_free(p);
    }
    /* Ningbo: 职工 45 + 用人单位 45 (docs/sources.md#nb-ltc-2023) */
    shebao_policy *nb = NULL;
    shebao_ltc_funding f = SHEBAO_LTC_FUNDING_INIT;
    assert_int_equal(shebao_policy_load_embedded(ctx, "zhejiang-ningbo", &nb), SHEBAO_OK);
    assert_int_equal(shebao_ltc_fund(ctx, nb, SHEBAO_LTC_EMPLOYEE, 2023, 1, 1, -1, &f, NULL), SHEBAO_OK);
    assert_fen(f.per_person[SHEBAO_LTC_EMPLOYER], "45.00");
    shebao_policy_free(nb);
    /* Jiashan 2017 (China Daily 2017-11-28): 120 = 30 + 90; home cash 300 a month (a 30-day month in full) */
    shebao_policy *jx = tu_embedded("zhejiang-jiaxing");
    assert_int_equal(shebao_ltc_fund(ctx, jx, SHEBAO_LTC_RESIDENT, 2018, 1, 1, -1, &f, NULL), SHEBAO_OK);
    assert_fen(f.per_person_total, "120.00");
    assert_fen(f.per_person[SHEBAO_LTC_FISCAL], "90.00");
    shebao_ltc_benefit b = run(jx, 5, SHEBAO_LTC_HOME_CASH, 2018, 6, -1, 0, NULL, NULL, NULL);
    EXPECT(b, "300.00", "0.00", SHEBAO_LTC_LIMIT_NONE, 0);
    /* the coupons: 10 one-hour packages at 40: 400 > 300 → 300.00 paid, 100.00 by the person (W1: 300 + 300) */
    b = run(jx, 5, SHEBAO_LTC_HOME_VISIT, 2018, 6, -1, 0, NULL, "10", "40");
    EXPECT(b, "300.00", "100.00", SHEBAO_LTC_LIMIT_MONTHLY_CAP, SHEBAO_LTC_LIMIT_MONTHLY_CAP);
    shebao_policy_free(jx);
}

/* Malformed sections are refused with the path (more cases in tests/bad-policies/ltc-*.json). */
static void test_policy_errors(void **state)
{
    (void)state;
    struct {
        const char *ltc, *err;
    } cases[] = {
        {"{\"assessment\": {\"adl_bands\": [{\"level\": 3, \"min\": 0}], \"cognition_bands\": [{\"level\": 3, \"min\": 0}],"
         " \"perception_bands\": [{\"level\": 3, \"min\": 0}], \"combination\": [[0,0,1,1],[1,1,1,2],[2,2,2,3],[3,3,4,6]]}}",
         "t.json: $.long_term_care.assessment.combination[3][3]: 6 is outside 0..5"},
        {"{\"assessment\": {\"adl_bands\": [{\"level\": 3, \"min\": 0}]}}",
         "t.json: $.long_term_care.assessment: missing required field 'cognition_bands'"},
        {"{\"eligibility\": {\"min_grade\": 3}}",
         "t.json: $.long_term_care.eligibility: missing required field 'min_disability_months'"},
        {"{\"benefits\": [{\"from\": \"2025-01\", \"modes\": {\"home_cash\": {\"monthly\": {\"6\": \"300\"}}}}]}",
         "t.json: $.long_term_care.benefits[0].modes.home_cash.monthly.6: unknown grade '6' (grades are \"0\" to \"5\")"},
        {"{\"benefits\": [{\"from\": \"2025-01\", \"modes\": {\"institution\": {\"convention\": \"cap_on_cost\","
         " \"ratio\": {\"3\": \"1.01\"}, \"daily_cap\": {\"3\": \"60\"}}}}]}",
         "t.json: $.long_term_care.benefits[0].modes.institution.ratio.3: ratio '1.01' must be in [0, 1]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char doc[1200];
        snprintf(doc, sizeof doc, "{\"schema\": \"shebao-policy/1\", \"id\": \"t\", \"name\": \"t\", \"sources\": {},"
                 " \"long_term_care\": %s}", cases[i].ltc);
        shebao_policy *p = NULL;
        assert_int_equal(shebao_policy_load_string(ctx, doc, "t.json", &p), SHEBAO_EPOLICY);
        assert_string_equal(shebao_ctx_errmsg(ctx), cases[i].err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors_a1_a9),   cmocka_unit_test(test_vectors_variant_b),
        cmocka_unit_test(test_assess_errors),   cmocka_unit_test(test_cap_on_cost),
        cmocka_unit_test(test_cap_on_payment),  cmocka_unit_test(test_comparators_c1_c3),
        cmocka_unit_test(test_home_visit),      cmocka_unit_test(test_hangzhou_z4_z8),
        cmocka_unit_test(test_home_cash),       cmocka_unit_test(test_not_eligible),
        cmocka_unit_test(test_rules_applied),   cmocka_unit_test(test_refusal_figures),
        cmocka_unit_test(test_benefit_errors),  cmocka_unit_test(test_funding),
        cmocka_unit_test(test_funding_parts_must_add_up), cmocka_unit_test(test_cost_estimate),
        cmocka_unit_test(test_sources),         cmocka_unit_test(test_bundled),
        cmocka_unit_test(test_policy_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
