/* Pensions in payment (docs/resident-pension.md §5–6, issue #12 item 3): the pension of each month follows the dated
 * series, the policy's data_through, the growth of the base pension after it, break-even and EPV from the monthly
 * payments, and the pension "now". Every expected figure is worked out by hand in the comment beside it. */
#include <math.h>
#include <stdlib.h>

#include "testutil.h"

/* One policy for the whole file: base pension 100 from 1990-01 and 150 from 2020-07, one grade 100 with no subsidy,
 * no interest (no listed rate, future rate 0), no years pension (one band of 0), divisor 139, funeral grant 20
 * months; data_through as given ("" for none: the last dated value, 2020-07). */
static shebao_policy *change_policy(const char *data_through)
{
    char dt[64] = "", json[2048];
    if (*data_through)
        snprintf(dt, sizeof dt, "\"data_through\": \"%s\",", data_through);
    snprintf(json, sizeof json,
             "{\"schema\": \"shebao-policy/1\", \"id\": \"change\", \"name\": \"change\", %s \"sources\": {},"
             " \"resident_pension\": {\"scheme_start\": \"1990-01\", \"claim_age\": 60,"
             " \"benefit_start_offset_months\": 1, \"min_years\": 15, \"account_divisor\": \"139\","
             " \"base_pension\": [{\"from\": \"1990-01\", \"value\": \"100\"},"
             " {\"from\": \"2020-07\", \"value\": \"150\"}],"
             " \"grades\": [{\"from\": \"1990-01\", \"table\": [{\"grade\": \"100\", \"subsidy\": \"0\"}]}],"
             " \"backpay\": {\"max_grade\": \"100\", \"subsidised\": false, \"counts_for_years_pension\": true},"
             " \"years_pension\": [{\"from_year\": 1, \"per_year\": \"0\"}],"
             " \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [],"
             " \"assumed_future_rate\": \"0\", \"after_claim\": false},"
             " \"funeral_grant_months\": 20}}",
             dt);
    return tu_policy(json, "change.json");
}

/* The plan of every pensioner below, and a man born by-bm paying it, with discount 0 and the library's defaults. */
static const shebao_segment plan_2005_2019 = {2005, 2019, 10000};

static shebao_person person_of(int by, int bm, const shebao_segment *seg)
{
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = by;
    pe.birth_month = bm;
    pe.plan = seg;
    pe.plan_count = 1;
    pe.discount = "0";
    return pe;
}

/* A man born by-bm paying 100 a year in 2005–2019 (15 years): personal total 1500.00, balance 1500.00 (no subsidy, no
 * interest), account pension fen_half_up(1500 / 139) = fen_half_up(10.7913…) = 10.79, years pension 0. */
static shebao_projection *pensioner(const shebao_policy *pol, int by, int bm, shebao_mortality m, const char *growth,
                                    int as_of_y, int as_of_m)
{
    shebao_person pe = person_of(by, bm, &plan_2005_2019);
    pe.mortality = m;
    pe.base_growth = growth;
    pe.as_of_year = as_of_y;
    pe.as_of_month = as_of_m;
    shebao_projection *p = NULL;
    if (shebao_project(ctx, pol, &pe, &p) != SHEBAO_OK)
        fail_msg("project: %s", shebao_ctx_errmsg(ctx));
    return p;
}

static shebao_fen fig(const shebao_projection *p, shebao_figure w)
{
    shebao_fen f = -1;
    assert_int_equal(shebao_projection_figure(p, w, &f), SHEBAO_OK);
    return f;
}

/* Break-even from the dated series. Born 1960-01: claim 2020-02 at 100 + 10.79 = 110.79 a month; from 2020-07 the
 * base pension is 150, so 160.79. Five payments (2020-02..06) make 5 × 110.79 = 553.95; 1500.00 − 553.95 = 946.05
 * remain, and 946.05 / 160.79 = 5.88…, so 6 more: m = 11, in 2020-02 + 10 = 2020-12. (Holding 110.79 for life would
 * give ceil(1500 / 110.79) = ceil(13.54) = 14.) Born 1960-08: claim 2020-09, 160.79 from the start:
 * ceil(1500 / 160.79) = ceil(9.33) = 10, in 2021-06. */
static void test_breakeven_dated_series(void **state)
{
    (void)state;
    shebao_policy *pol = change_policy("");
    shebao_projection *p = pensioner(pol, 1960, 1, SHEBAO_MORTALITY_NONE, NULL, SHEBAO_UNSET, SHEBAO_UNSET);
    assert_fen(fig(p, SHEBAO_FIG_MONTHLY_TOTAL), "110.79");
    assert_fen(fig(p, SHEBAO_FIG_PERSONAL_TOTAL), "1500.00");
    int m = 0;
    char month[8];
    assert_int_equal(shebao_projection_breakeven(p, &m, month, sizeof month), SHEBAO_OK);
    assert_int_equal(m, 11);
    assert_string_equal(month, "2020-12");
    /* funeral grant: 20 × the base pension in force in the claim month, 100.00 */
    assert_fen(fig(p, SHEBAO_FIG_FUNERAL_GRANT), "2000.00");
    shebao_projection_free(p);
    p = pensioner(pol, 1960, 8, SHEBAO_MORTALITY_NONE, NULL, SHEBAO_UNSET, SHEBAO_UNSET);
    assert_fen(fig(p, SHEBAO_FIG_MONTHLY_TOTAL), "160.79");
    assert_int_equal(shebao_projection_breakeven(p, &m, month, sizeof month), SHEBAO_OK);
    assert_int_equal(m, 10);
    assert_string_equal(month, "2021-06");
    assert_fen(fig(p, SHEBAO_FIG_FUNERAL_GRANT), "3000.00");
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* The level annuity factor ä(a) = Σ_{i>=0} l(a+i)/l(a) at discount 0, to 1e-8, from shebao_annuity_epv for
 * 1 000 000 yuan a month. */
static double annuity_factor(int age_months)
{
    shebao_fen f = 0;
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, age_months,
                                        100000000, "0", &f),
                     SHEBAO_OK);
    return (double)f / 100000000.0; /* the EPV in fen of 10^8 fen a month */
}

/* EPV across a base-pension change, discount 0, CL5 male. Born 1960-01, claim 2020-02 at exact age a = 60 years 1
 * month = 721 months. Within age 60, l is linear: l(60 + t/12) = l60·(1 − t·q60/12), q60 = 0.004660 (CL5), so the
 * weight of payment j (month claim + j) is w_j = l(a+j)/l(a) = (1 − (1+j)·q/12) / (1 − q/12) = 1 − j·d with
 * d = (q/12) / (1 − q/12) = 0.000388333… / 0.999611666… = 0.000388484197…, while 1 + j <= 12.
 * The first five payments (2020-02..06) are 110.79: 110.79 × (w_0 + … + w_4) = 110.79 × (5 − 10d)
 * = 110.79 × 4.996115158 = 553.5196; from 2020-07 (j = 5) the payment is 160.79, and Σ_{j>=5} w_j = w_5 · ä(a+5)
 * with w_5 = 1 − 5d = 0.998057579 and ä(726) the level annuity factor at 60 years 6 months. So
 * EPV = 553.5196 + 160.79 × 0.998057579 × ä(726). The claim after the change (born 1960-08, claim 2020-09, a = 721)
 * pays 160.79 throughout: EPV = 160.79 × ä(721), which is shebao_annuity_epv of 16079 fen itself. */
static void test_epv_across_change(void **state)
{
    (void)state;
    shebao_policy *pol = change_policy("");
    shebao_projection *p = pensioner(pol, 1960, 1, SHEBAO_MORTALITY_CL2010_2013_PENSION, NULL, SHEBAO_UNSET,
                                     SHEBAO_UNSET);
    double q = 0.004660 / 12, d = q / (1 - q);
    double first = 110.79 * (5 - 10 * d), tail = 160.79 * (1 - 5 * d) * annuity_factor(726);
    double want = (first + tail) * 100; /* fen */
    shebao_fen got = fig(p, SHEBAO_FIG_EPV_BENEFITS);
    /* the factor is known to 1e-8 (its fen rounding), so the hand figure to about 2e-6 fen: equal after rounding,
     * unless within that of a half fen */
    if (llabs(got - llround(want)) > 0)
        fail_msg("EPV %lld fen; by hand %.4f fen", (long long)got, want);
    /* against the old rule (110.79 for life) it is more: the base pension of 2020-07 counts */
    shebao_fen level = 0;
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 721, 11079, "0",
                                        &level),
                     SHEBAO_OK);
    assert_true(got > level);
    shebao_projection_free(p);
    p = pensioner(pol, 1960, 8, SHEBAO_MORTALITY_CL2010_2013_PENSION, NULL, SHEBAO_UNSET, SHEBAO_UNSET);
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 721, 16079, "0",
                                        &level),
                     SHEBAO_OK);
    assert_int_equal(fig(p, SHEBAO_FIG_EPV_BENEFITS), level);
    /* the batch summary gives the same EPV and break-even */
    shebao_person pe = person_of(1960, 1, &plan_2005_2019);
    shebao_summary sm = SHEBAO_SUMMARY_INIT;
    assert_int_equal(shebao_project_summary(ctx, pol, &pe, &sm), SHEBAO_OK);
    assert_true(sm.has_epv && llabs(sm.epv_benefits - llround(want)) == 0);
    assert_int_equal(sm.breakeven_months, 11);
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* The pension now, and "carried forward" only after data_through. Policy complete through 2020-12 (data_through).
 * Born 1960-01 (claim 2020-02):
 *  - as of 2020-12: base 150.00 (from 2020-07, not carried forward: 2020-12 is not after data_through), total
 *    160.79; paid so far = 5 × 110.79 + 6 × 160.79 = 553.95 + 964.74 = 1518.69 (2020-02..06 and 2020-07..12);
 *    funeral grant 20 × 150.00 = 3000.00; age 60 (2020-12 − 1960-01 = 60 years 11 months);
 *  - as of 2021-01 with growth 0.025: one January after data_through: 150 × 1.025 = 153.75, carried forward;
 *  - as of 2023-06 with growth 0.025: three Januaries (2021, 2022, 2023), rounded each time: 153.75;
 *    153.75 × 1.025 = 157.59375 → 157.59; 157.59 × 1.025 = 161.52975 → 161.53 (compounding without the yearly
 *    rounding would give 150 × 1.025^3 = 161.5359… → 161.54); total 161.53 + 10.79 = 172.32; age 63;
 *  - as of 2019-12: before the claim, no "now".
 * The claim itself is not carried forward (2020-02 <= 2020-12), though the policy's last value is from 2020-07. */
static void test_now_and_growth(void **state)
{
    (void)state;
    shebao_policy *pol = change_policy("2020-12");
    shebao_projection *p = pensioner(pol, 1960, 1, SHEBAO_MORTALITY_NONE, NULL, 2020, 12);
    assert_int_equal(shebao_projection_base_carried_forward(p), 0);
    shebao_pension_now n = SHEBAO_PENSION_NOW_INIT;
    assert_int_equal(shebao_projection_now(p, &n), SHEBAO_OK);
    assert_string_equal(n.month, "2020-12");
    assert_int_equal(n.age, 60);
    assert_fen(n.base_pension, "150.00");
    assert_int_equal(n.base_carried_forward, 0);
    assert_fen(n.account_pension, "10.79");
    assert_fen(n.years_pension, "0.00");
    assert_fen(n.age_supplement, "0.00");
    assert_fen(n.monthly_total, "160.79");
    assert_fen(n.paid_so_far, "1518.69");
    assert_fen(n.funeral_grant, "3000.00");
    shebao_projection_free(p);

    p = pensioner(pol, 1960, 1, SHEBAO_MORTALITY_NONE, "0.025", 2021, 1);
    assert_int_equal(shebao_projection_now(p, &n), SHEBAO_OK);
    assert_fen(n.base_pension, "153.75");
    assert_int_equal(n.base_carried_forward, 1);
    shebao_projection_free(p);

    p = pensioner(pol, 1960, 1, SHEBAO_MORTALITY_NONE, "0.025", 2023, 6);
    assert_int_equal(shebao_projection_now(p, &n), SHEBAO_OK);
    assert_fen(n.base_pension, "161.53");
    assert_fen(n.monthly_total, "172.32");
    assert_int_equal(n.age, 63);
    shebao_projection_free(p);

    p = pensioner(pol, 1960, 1, SHEBAO_MORTALITY_NONE, NULL, 2019, 12);
    assert_int_equal(shebao_projection_now(p, &n), SHEBAO_NA);
    assert_string_equal(n.month, "");
    char *json = NULL;
    assert_int_equal(shebao_projection_to_json(p, &json), SHEBAO_OK);
    assert_non_null(strstr(json, "\"now\": null"));
    shebao_free(json);
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* A negative growth and the break-even under growth. data_through 2020-07 (given), growth −0.05: 2021-01: 150 × 0.95
 * = 142.50. Born 1960-08 (claim 2020-09, 160.79): 2020-09..12 are 4 × 160.79 = 643.16; from 2021-01 the payment is
 * 142.50 + 10.79 = 153.29; 1500.00 − 643.16 = 856.84, / 153.29 = 5.59 → 6: m = 10, in 2020-09 + 9 = 2021-06. (The
 * same m as without growth, 10, by a different path: 4 × 160.79 + 6 × 153.29 = 1562.90 >= 1500 and
 * 4 × 160.79 + 5 × 153.29 = 1409.61 < 1500.) With growth 0.20 a year after 2020-07: 2021-01 180.00 (190.79 a month):
 * 856.84 / 190.79 = 4.49 → 5: m = 9, in 2021-05. */
static void test_breakeven_with_growth(void **state)
{
    (void)state;
    shebao_policy *pol = change_policy("2020-07");
    int m = 0;
    char month[8];
    shebao_projection *p = pensioner(pol, 1960, 8, SHEBAO_MORTALITY_NONE, "-0.05", SHEBAO_UNSET, SHEBAO_UNSET);
    assert_int_equal(shebao_projection_breakeven(p, &m, month, sizeof month), SHEBAO_OK);
    assert_int_equal(m, 10);
    assert_string_equal(month, "2021-06");
    shebao_projection_free(p);
    p = pensioner(pol, 1960, 8, SHEBAO_MORTALITY_NONE, "0.20", SHEBAO_UNSET, SHEBAO_UNSET);
    assert_int_equal(shebao_projection_breakeven(p, &m, month, sizeof month), SHEBAO_OK);
    assert_int_equal(m, 9);
    assert_string_equal(month, "2021-05");
    shebao_projection_free(p);
    /* bounds: [-0.05, 0.20], with the rate options' message */
    shebao_person pe = person_of(1960, 8, &plan_2005_2019);
    pe.base_growth = "2.5";
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx),
                        "base growth '2.5': 250% a year: write 0.025 for 2.5% (a rate must be in [-0.05, 0.20])");
    pe.base_growth = "-0.06";
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    /* a version-1 person has neither growth nor an as-of month, whatever follows its members */
    pe.base_growth = "2.5";
    pe.version = 1;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* data_through: a child inherits its parent's; its own replaces it; one before the last base pension value is a
 * policy error. */
static void test_data_through_inheritance(void **state)
{
    (void)state;
    /* zhejiang gives 2024-01 (data/README.md); a child without its own inherits it: a claim in 2024-02 (born
     * 1964-01) is carried forward, and with data_through 2025-12 it is not */
    const char *child = "{\"schema\": \"shebao-policy/1\", \"id\": \"c\", \"name\": \"c\", \"extends\": \"zhejiang\","
                        " \"sources\": {}}";
    const char *own = "{\"schema\": \"shebao-policy/1\", \"id\": \"c\", \"name\": \"c\", \"extends\": \"zhejiang\","
                      " \"data_through\": \"2025-12\", \"sources\": {}}";
    const char *texts[] = {child, own};
    for (int i = 0; i < 2; i++) {
        shebao_policy *pol = tu_policy(texts[i], "c.json");
        const shebao_segment seg = {2010, 2023, 10000}; /* 14 years: min(15, 2024 − 2010) */
        shebao_person pe = person_of(1964, 1, &seg);
        pe.mortality = SHEBAO_MORTALITY_NONE;
        shebao_projection *p = NULL;
        assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
        assert_string_equal(shebao_projection_claim_month(p), "2024-02");
        assert_int_equal(shebao_projection_base_carried_forward(p), i == 0);
        shebao_projection_free(p);
        shebao_policy_free(pol);
    }
    const char *early = "{\"schema\": \"shebao-policy/1\", \"id\": \"c\", \"name\": \"c\", \"extends\": \"zhejiang\","
                        " \"data_through\": \"2023-12\", \"sources\": {}}";
    shebao_policy *pol = NULL;
    assert_int_equal(shebao_policy_load_string(ctx, early, "c.json", &pol), SHEBAO_EPOLICY);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "$.data_through: 2023-12 is before the last base_pension value"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_breakeven_dated_series),
        cmocka_unit_test(test_epv_across_change),
        cmocka_unit_test(test_now_and_growth),
        cmocka_unit_test(test_breakeven_with_growth),
        cmocka_unit_test(test_data_through_inheritance),
    };
    return cmocka_run_group_tests_name("payment", tests, tu_setup, tu_teardown);
}
