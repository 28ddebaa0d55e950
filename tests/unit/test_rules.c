/* The rules that differ between provinces (issue #15, docs/policy-format.md): account_pension_rounding,
 * years_pension bands by percent_of_base with years_pension_rounding, monthly_total_rounding and
 * age_supplements_combine. Every expected figure is worked out by hand in the comment beside it. */
#include <math.h>
#include <stdlib.h>

#include "testutil.h"

/* A policy: scheme from 1990-01, claim at 60 the month after the birthday, divisor 139, no interest, no subsidy,
 * no funeral grant; min_years, the base pension series, the age supplements, the grades of one table (from
 * 1990-01), the years_pension bands and extra members of the section as given. */
static shebao_policy *rules_policy(int min_years, const char *base, const char *supp, const char *grades,
                                   const char *bands, const char *extra)
{
    char json[4096];
    snprintf(json, sizeof json,
             "{\"schema\": \"shebao-policy/1\", \"id\": \"rules\", \"name\": \"rules\", \"sources\": {},"
             " \"resident_pension\": {\"scheme_start\": \"1990-01\", \"claim_age\": 60,"
             " \"benefit_start_offset_months\": 1, \"min_years\": %d, \"account_divisor\": \"139\","
             " \"base_pension\": %s, \"age_supplements\": %s,"
             " \"grades\": [{\"from\": \"1990-01\", \"table\": [%s]}],"
             " \"backpay\": {\"max_grade\": \"100\", \"subsidised\": false, \"counts_for_years_pension\": true},"
             " \"years_pension\": %s,"
             " \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [],"
             " \"assumed_future_rate\": \"0\", \"after_claim\": false},"
             " \"funeral_grant_months\": 0%s}}",
             min_years, base, supp, grades, bands, extra);
    return tu_policy(json, "rules.json");
}

/* A man born by-bm paying the plan, discount 0, as of as_y-as_m (SHEBAO_UNSET: none). */
static shebao_projection *run(const shebao_policy *pol, int by, int bm, const shebao_segment *seg,
                              shebao_mortality m, int as_y, int as_m)
{
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = by;
    pe.birth_month = bm;
    pe.plan = seg;
    pe.plan_count = 1;
    pe.discount = "0";
    pe.mortality = m;
    pe.as_of_year = as_y;
    pe.as_of_month = as_m;
    pe.explain = 1;
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

static void has_text(const shebao_projection *p, const char *want, bool json)
{
    char *s = NULL;
    assert_int_equal(json ? shebao_projection_to_json(p, &s) : shebao_projection_explain(p, &s), SHEBAO_OK);
    if (!strstr(s, want))
        fail_msg("'%s' not in:\n%s", want, s);
    shebao_free(s);
}

static const char one_base[] = "[{\"from\": \"1990-01\", \"value\": \"100\"}]";

/* account_pension_rounding jiao_up (见分进角). One year paid (min_years 1), no subsidy, no interest: the balance is
 * the grade. Born 1960-06, claim 2020-07.
 *   67182.54 / 139 = 483.3276…: any fen beyond the jiao goes up: 483.40 (the Guangxi table's figure);
 *                               by default (fen_half_up): 483.33.
 *   67192.60 / 139 = 483.40 exactly (139 × 483.4 = 67192.6): on the jiao, it stays 483.40 (the tie);
 *   67192.61 / 139 = 483.40007…: one fen more than a whole jiao's worth, so up: 483.50. */
static void test_account_jiao_up(void **state)
{
    (void)state;
    const char *grades = "{\"grade\": \"67182.54\", \"subsidy\": \"0\"}, {\"grade\": \"67192.60\", \"subsidy\": \"0\"},"
                         " {\"grade\": \"67192.61\", \"subsidy\": \"0\"}";
    shebao_policy *jiao = rules_policy(1, one_base, "[]", grades, "[]", ", \"account_pension_rounding\": \"jiao_up\"");
    shebao_policy *dflt = rules_policy(1, one_base, "[]", grades, "[]", "");
    static const struct {
        int64_t grade;
        const char *jiao, *dflt;
    } cases[] = {{6718254, "483.40", "483.33"}, {6719260, "483.40", "483.40"}, {6719261, "483.50", "483.40"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        shebao_segment seg = {2019, 2019, cases[i].grade};
        shebao_projection *p = run(jiao, 1960, 6, &seg, SHEBAO_MORTALITY_NONE, SHEBAO_UNSET, SHEBAO_UNSET);
        assert_fen(fig(p, SHEBAO_FIG_ACCOUNT_PENSION), cases[i].jiao);
        if (i == 0)
            has_text(p, "account pension = jiao_up(B / divisor) = jiao_up(67182.54 / 139) = 483.40", false);
        shebao_projection_free(p);
        p = run(dflt, 1960, 6, &seg, SHEBAO_MORTALITY_NONE, SHEBAO_UNSET, SHEBAO_UNSET);
        assert_fen(fig(p, SHEBAO_FIG_ACCOUNT_PENSION), cases[i].dflt);
        shebao_projection_free(p);
    }
    shebao_policy_free(jiao);
    shebao_policy_free(dflt);
}

/* A percent band with a base change inside the pension period. Base 616 from 1990-01, 650 from 2021-01; bands
 * years 1-15: 1.00 a year, years 16+: 1 % of the base pension a year; years_pension_rounding yuan_half_up.
 * Grade 100 paid 2000-2019 (20 years), born 1960-06, claim 2020-07: balance 2000.00, account
 * fen_half_up(2000 / 139 = 14.388…) = 14.39.
 *   at the claim (base 616): years = yuan_half_up(15 × 1 + 616 × 0.01 × 5 = 15 + 30.80 = 45.80) = 46.00;
 *                            total 616 + 14.39 + 46 = 676.39.
 *   2021-03 (base 650):      years = yuan_half_up(15 + 650 × 0.01 × 5 = 15 + 32.50 = 47.50) = 48.00 (a yuan tie, up);
 *                            total 650 + 14.39 + 48 = 712.39; paid so far 6 × 676.39 (2020-07..12) + 3 × 712.39
 *                            (2021-01..03) = 4058.34 + 2137.17 = 6195.51.
 *   EPV, discount 0, CL5 male, a = 60 years 1 month = 721 months: within age 60 the weight of payment j is
 *   w_j = 1 − j·d, d = (q/12) / (1 − q/12), q = q60 = 0.004660 (as in test_payment.c), so
 *   EPV = 676.39 × (w_0 + … + w_5) + 712.39 × w_6 × ä(727) = 676.39 × (6 − 15d) + 712.39 × (1 − 6d) × ä(727).
 *   Were the years pension frozen at the claim (46.00) the second payment would be 710.39, not 712.39. */
static double annuity_factor(int age_months)
{
    shebao_fen f = 0;
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, age_months,
                                        100000000, "0", &f),
                     SHEBAO_OK);
    return (double)f / 100000000.0;
}

static void test_percent_band_base_change(void **state)
{
    (void)state;
    shebao_policy *pol = rules_policy(
        15, "[{\"from\": \"1990-01\", \"value\": \"616\"}, {\"from\": \"2021-01\", \"value\": \"650\"}]", "[]",
        "{\"grade\": \"100\", \"subsidy\": \"0\"}",
        "[{\"from_year\": 1, \"to_year\": 15, \"per_year\": \"1\"}, {\"from_year\": 16, \"percent_of_base\": \"0.01\"}]",
        ", \"years_pension_rounding\": \"yuan_half_up\"");
    shebao_segment seg = {2000, 2019, 10000};
    shebao_projection *p = run(pol, 1960, 6, &seg, SHEBAO_MORTALITY_NONE, 2021, 3);
    assert_fen(fig(p, SHEBAO_FIG_ACCOUNT_PENSION), "14.39");
    assert_fen(fig(p, SHEBAO_FIG_YEARS_PENSION), "46.00");
    assert_fen(fig(p, SHEBAO_FIG_MONTHLY_TOTAL), "676.39");
    has_text(p, "years pension band 16-20: 5 years × 0.01 × base 616.00 = 30.8", false);
    has_text(p, "years pension = yuan_half_up(45.8) = 46.00", false);
    shebao_pension_now n = SHEBAO_PENSION_NOW_INIT;
    assert_int_equal(shebao_projection_now(p, &n), SHEBAO_OK);
    assert_fen(n.base_pension, "650.00");
    assert_fen(n.years_pension, "48.00");
    assert_fen(n.monthly_total, "712.39");
    assert_fen(n.paid_so_far, "6195.51");
    shebao_projection_free(p);

    p = run(pol, 1960, 6, &seg, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_UNSET, SHEBAO_UNSET);
    double q = 0.004660 / 12, d = q / (1 - q), f = annuity_factor(727);
    double want = (676.39 * (6 - 15 * d) + 712.39 * (1 - 6 * d) * f) * 100;
    double frozen = (676.39 * (6 - 15 * d) + 710.39 * (1 - 6 * d) * f) * 100;
    shebao_fen got = fig(p, SHEBAO_FIG_EPV_BENEFITS);
    if (llabs(got - llround(want)) > 0)
        fail_msg("EPV %lld fen; by hand %.4f fen", (long long)got, want);
    assert_true(got - frozen > 100); /* the base change raises the years pension too */
    shebao_projection_free(p);
    /* the batch summary gives the same EPV */
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = 1960;
    pe.birth_month = 6;
    pe.plan = &seg;
    pe.plan_count = 1;
    pe.discount = "0";
    shebao_summary sm = SHEBAO_SUMMARY_INIT;
    assert_int_equal(shebao_project_summary(ctx, pol, &pe, &sm), SHEBAO_OK);
    assert_true(sm.has_epv && sm.epv_benefits == got);
    shebao_policy_free(pol);
}

/* age_supplements_combine: 65+ → 10 and 70+ → 15 from 2000-01; base 100; grade 100 paid 1995-2009, born 1950-06:
 * claim 2010-07 at 100 + 10.79 (1500 / 139 = 10.791…) = 110.79.
 *   2016-12, age 66: one bracket reached, 10 either way: 120.79.
 *   2022-12, age 72: "sum" 10 + 15 = 25 → 135.79; "highest" only the 70+ bracket, 15 → 125.79.
 *   paid so far to 2022-12: 2010-07..2015-05 (59 months, under 65) × 110.79 = 6536.61; 2015-06..2020-05 (60 months,
 *   65-69) × 120.79 = 7247.40; 2020-06..2022-12 (31 months, 70+) × 135.79 = 4209.49 ("sum": 17993.50) or
 *   × 125.79 = 3899.49 ("highest": 17683.50). */
static void test_supplements_highest_vs_sum(void **state)
{
    (void)state;
    const char *supp = "[{\"from\": \"2000-01\", \"min_age\": 65, \"value\": \"10\"},"
                       " {\"from\": \"2000-01\", \"min_age\": 70, \"value\": \"15\"}]";
    const char *grade = "{\"grade\": \"100\", \"subsidy\": \"0\"}";
    shebao_policy *sum = rules_policy(15, one_base, supp, grade, "[]", "");
    shebao_policy *sum2 = rules_policy(15, one_base, supp, grade, "[]", ", \"age_supplements_combine\": \"sum\"");
    shebao_policy *high = rules_policy(15, one_base, supp, grade, "[]", ", \"age_supplements_combine\": \"highest\"");
    shebao_segment seg = {1995, 2009, 10000};
    static const struct {
        int y, m;
        const char *sum, *high, *supp_sum, *supp_high, *paid_sum, *paid_high;
    } at[] = {{2016, 12, "120.79", "120.79", "10.00", "10.00", NULL, NULL},
              {2022, 12, "135.79", "125.79", "25.00", "15.00", "17993.50", "17683.50"}};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        const shebao_policy *pols[] = {sum, sum2, high};
        for (int k = 0; k < 3; k++) {
            shebao_projection *p = run(pols[k], 1950, 6, &seg, SHEBAO_MORTALITY_NONE, at[i].y, at[i].m);
            assert_fen(fig(p, SHEBAO_FIG_MONTHLY_TOTAL), "110.79");
            shebao_pension_now n = SHEBAO_PENSION_NOW_INIT;
            assert_int_equal(shebao_projection_now(p, &n), SHEBAO_OK);
            assert_fen(n.age_supplement, k < 2 ? at[i].supp_sum : at[i].supp_high);
            assert_fen(n.monthly_total, k < 2 ? at[i].sum : at[i].high);
            if (at[i].paid_sum)
                assert_fen(n.paid_so_far, k < 2 ? at[i].paid_sum : at[i].paid_high);
            shebao_projection_free(p);
        }
    }
    /* with a life table, "highest" pays less from 70 on */
    shebao_projection *ps = run(sum, 1950, 6, &seg, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_UNSET, SHEBAO_UNSET);
    shebao_projection *ph = run(high, 1950, 6, &seg, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_UNSET, SHEBAO_UNSET);
    assert_true(fig(ph, SHEBAO_FIG_EPV_BENEFITS) < fig(ps, SHEBAO_FIG_EPV_BENEFITS));
    shebao_projection_free(ps);
    shebao_projection_free(ph);
    shebao_policy_free(sum);
    shebao_policy_free(sum2);
    shebao_policy_free(high);
}

/* monthly_total_rounding: the same person and policy ("sum"). jiao_up: the total 110.79 → 110.80 at the claim, the
 * parts unrounded (account 10.79); 2022-12: 135.79 → 135.80. "none" is the default: 110.79. A rounding that
 * changes nothing on whole fen (fen_half_up) takes the lifetime sums through the runs of equal pension
 * (lifetime_epv.c) and must give the same EPV as the sum by parts (the two are the same sum, regrouped). */
static void test_total_rounding(void **state)
{
    (void)state;
    const char *supp = "[{\"from\": \"2000-01\", \"min_age\": 65, \"value\": \"10\"},"
                       " {\"from\": \"2000-01\", \"min_age\": 70, \"value\": \"15\"}]";
    const char *base = "[{\"from\": \"1990-01\", \"value\": \"100\"}, {\"from\": \"2013-01\", \"value\": \"130\"}]";
    const char *grade = "{\"grade\": \"100\", \"subsidy\": \"0\"}";
    shebao_policy *jiao = rules_policy(15, one_base, supp, grade, "[]", ", \"monthly_total_rounding\": \"jiao_up\"");
    shebao_policy *none = rules_policy(15, one_base, supp, grade, "[]", ", \"monthly_total_rounding\": \"none\"");
    shebao_segment seg = {1995, 2009, 10000};
    shebao_projection *p = run(jiao, 1950, 6, &seg, SHEBAO_MORTALITY_NONE, 2022, 12);
    assert_fen(fig(p, SHEBAO_FIG_ACCOUNT_PENSION), "10.79");
    assert_fen(fig(p, SHEBAO_FIG_MONTHLY_TOTAL), "110.80");
    has_text(p, "\"monthly_total_unrounded\": \"110.79\"", true);
    has_text(p, "\"monthly_total_rounding\": \"jiao_up\"", true);
    has_text(p, "monthly total rounded jiao_up(110.79) = 110.80", false);
    shebao_pension_now n = SHEBAO_PENSION_NOW_INIT;
    assert_int_equal(shebao_projection_now(p, &n), SHEBAO_OK);
    assert_fen(n.monthly_total, "135.80");
    shebao_projection_free(p);
    p = run(none, 1950, 6, &seg, SHEBAO_MORTALITY_NONE, SHEBAO_UNSET, SHEBAO_UNSET);
    assert_fen(fig(p, SHEBAO_FIG_MONTHLY_TOTAL), "110.79");
    char *json = NULL;
    assert_int_equal(shebao_projection_to_json(p, &json), SHEBAO_OK);
    assert_null(strstr(json, "monthly_total_rounding"));
    shebao_free(json);
    shebao_projection_free(p);
    shebao_policy_free(jiao);
    shebao_policy_free(none);

    shebao_policy *lin = rules_policy(15, base, supp, grade, "[]", "");
    shebao_policy *runs = rules_policy(15, base, supp, grade, "[]", ", \"monthly_total_rounding\": \"fen_half_up\"");
    shebao_projection *a = run(lin, 1950, 6, &seg, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_UNSET, SHEBAO_UNSET);
    shebao_projection *b = run(runs, 1950, 6, &seg, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_UNSET, SHEBAO_UNSET);
    assert_int_equal(fig(a, SHEBAO_FIG_EPV_BENEFITS), fig(b, SHEBAO_FIG_EPV_BENEFITS));
    shebao_projection_free(a);
    shebao_projection_free(b);
    shebao_policy_free(lin);
    shebao_policy_free(runs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_account_jiao_up),
        cmocka_unit_test(test_percent_band_base_change),
        cmocka_unit_test(test_supplements_highest_vs_sum),
        cmocka_unit_test(test_total_rounding),
    };
    return cmocka_run_group_tests_name("rules", tests, tu_setup, tu_teardown);
}
