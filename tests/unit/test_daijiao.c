/* 代缴 grades (#12 item 2, docs/resident-pension.md "代缴"): a grade marked daijiao is paid by the local government
 * for difficult groups. Only a person marked daijiao may have one; it is credited to the account but is not
 * personal money, so the personal total, break-even, PV of contributions, IRR and money's worth count only what
 * the person paid. Every figure below is worked out by hand in the comment beside it. */
#include <math.h>
#include <stdlib.h>

#include "testutil.h"

/* No interest (rate 0, no listed rates), base 100, divisor 139, 1.00 a month per contribution year, no age
 * supplement. Grades: 100 (subsidy 20, 代缴) and 300 (subsidy 30). Claim at 60 + 1 month. The same policy as
 * tests/cli/data/daijiao.json. */
static const char policy_d[] =
    "{\"schema\": \"shebao-policy/1\", \"id\": \"test-d\", \"name\": \"test\", \"sources\": {},"
    " \"resident_pension\": {\"scheme_start\": \"1990-01\", \"claim_age\": 60, \"benefit_start_offset_months\": 1,"
    " \"min_years\": 15, \"account_divisor\": \"139\","
    " \"base_pension\": [{\"from\": \"1990-01\", \"value\": \"100\"}],"
    " \"grades\": [{\"from\": \"1990-01\", \"table\": [{\"grade\": \"100\", \"subsidy\": \"20\", \"daijiao\": true},"
    "   {\"grade\": \"300\", \"subsidy\": \"30\"}]}],"
    " \"backpay\": {\"max_grade\": \"300\", \"subsidised\": false, \"counts_for_years_pension\": true},"
    " \"years_pension\": [{\"from_year\": 1, \"per_year\": \"1\"}],"
    " \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [],"
    "   \"assumed_future_rate\": \"0\", \"after_claim\": false},"
    " \"funeral_grant_months\": 20}}";

/* A person born 1960-01 (claim 2020-02) with the plan; daijiao as given; the CL5 life table. */
static shebao_person person(const char *plan, shebao_segment **seg, int daijiao, const char *discount)
{
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = 1960;
    pe.birth_month = 1;
    size_t n = 0;
    if (shebao_plan_parse(ctx, plan, seg, &n) != SHEBAO_OK)
        fail_msg("plan %s: %s", plan, shebao_ctx_errmsg(ctx));
    pe.plan = *seg;
    pe.plan_count = n;
    pe.daijiao = daijiao;
    pe.discount = discount;
    return pe;
}

static shebao_projection *project(const shebao_policy *pol, const char *plan, const char *discount)
{
    shebao_segment *seg = NULL;
    shebao_person pe = person(plan, &seg, 1, discount);
    shebao_projection *p = NULL;
    int rc = shebao_project(ctx, pol, &pe, &p);
    shebao_free(seg);
    if (rc != SHEBAO_OK)
        fail_msg("project %s: %s", plan, shebao_ctx_errmsg(ctx));
    return p;
}

static shebao_fen fig(const shebao_projection *p, shebao_figure w)
{
    shebao_fen f = -1;
    assert_int_equal(shebao_projection_figure(p, w, &f), SHEBAO_OK);
    return f;
}

#define MIDDLE "2005-2009:300,2010:100,2011-2019:300"

/* A 代缴 year in the middle of a plan: 2005–2019 at 300 except 2010 at the 代缴 grade 100.
 *   ledger 2010: grade 100.00, personal 0.00, daijiao 100.00, subsidy 20.00, balance 5 × 330 + 120 = 1770.00
 *   balance at the claim 14 × (300 + 30) + (100 + 20) = 4740.00; personal total 14 × 300 = 4200.00
 *   account pension fen_half_up(4740 / 139 = 34.1007…) = 34.10; years pension 15 × 1 = 15.00; base 100.00;
 *   monthly total 149.10
 *   break-even: the smallest m with m × 149.10 >= 4200.00: 4200 / 149.10 = 28.17 → m = 29, month 2020-02 + 28
 *   = 2022-06 (counting the 100 of 2010 would give 4300 / 149.10 = 28.84, also 29: see the next plan)
 * Two 代缴 years, 2009–2010, where the target makes the difference:
 *   balance 13 × 330 + 2 × 120 = 4530.00; personal 13 × 300 = 3900.00; account fen_half_up(4530 / 139 =
 *   32.5899…) = 32.59; total 100 + 15 + 32.59 = 147.59; break-even 3900 / 147.59 = 26.42 → m = 27, month 2020-02
 *   + 26 = 2022-04 (counting the government's 200 it would be 4100 / 147.59 = 27.78 → 28) */
static void test_middle_year(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_d, "test.json");
    shebao_projection *p = project(pol, MIDDLE, NULL);
    assert_true(shebao_projection_eligible(p));
    assert_int_equal(shebao_projection_years_paid(p), 15);
    shebao_ledger_row r;
    assert_int_equal(shebao_projection_ledger_row(p, 5, &r), SHEBAO_OK);
    assert_int_equal(r.year, 2010);
    assert_fen(r.grade, "100.00");
    assert_fen(r.personal, "0.00");
    assert_fen(r.daijiao, "100.00");
    assert_fen(r.subsidy, "20.00");
    assert_fen(r.balance, "1770.00");
    assert_int_equal(shebao_projection_ledger_row(p, 4, &r), SHEBAO_OK); /* 2009: an ordinary year */
    assert_fen(r.personal, "300.00");
    assert_fen(r.daijiao, "0.00");
    assert_fen(fig(p, SHEBAO_FIG_BALANCE), "4740.00");
    assert_fen(fig(p, SHEBAO_FIG_PERSONAL_TOTAL), "4200.00");
    assert_fen(fig(p, SHEBAO_FIG_ACCOUNT_PENSION), "34.10");
    assert_fen(fig(p, SHEBAO_FIG_MONTHLY_TOTAL), "149.10");
    int m = 0;
    char month[8];
    assert_int_equal(shebao_projection_breakeven(p, &m, month, sizeof month), SHEBAO_OK);
    assert_int_equal(m, 29);
    assert_string_equal(month, "2022-06");
    shebao_projection *p2 = project(pol, "2005-2008:300,2009-2010:100,2011-2019:300", NULL);
    assert_fen(fig(p2, SHEBAO_FIG_BALANCE), "4530.00");
    assert_fen(fig(p2, SHEBAO_FIG_PERSONAL_TOTAL), "3900.00");
    assert_fen(fig(p2, SHEBAO_FIG_MONTHLY_TOTAL), "147.59");
    assert_int_equal(shebao_projection_breakeven(p2, &m, month, sizeof month), SHEBAO_OK);
    assert_int_equal(m, 27);
    assert_string_equal(month, "2022-04");
    shebao_projection_free(p2);
    /* the JSON ledger row carries the government payment */
    char *json = NULL;
    assert_int_equal(shebao_projection_to_json(p, &json), SHEBAO_OK);
    assert_non_null(strstr(json, "\"year\": 2010,\n      \"grade\": \"100.00\",\n      \"personal\": \"0.00\",\n"
                                 "      \"daijiao\": \"100.00\","));
    shebao_free(json);
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* The PV of contributions and the IRR count the person's payments only.
 *   discount 0: the PV is the plain sum of the personal payments, 4200.00 (not 4300.00);
 *   discount 0.02: Σ over the 14 personal years y of 300 × 1.02^((2020-02 − y-01) / 12), in months
 *   (2020 − y)·12 + 1: computed below in double from the formula and compared to the fen (±0.01);
 *   IRR x: by its definition the discount rate at which the PV of the contributions equals the EPV of the
 *   pension, so a run at discount x (6 decimals) gives EPV ≈ PV (within 2.00: a change of x by 5·10^-7 moves
 *   the EPV, about 30000 with a duration under 20 years, by less than 0.30). A plan that pays 2010 personally
 *   at 300 instead pays 300 more for 1.51 more a month (35.61 − 34.10): the money's worth of the 代缴 plan is
 *   higher (EPV 149.10 vs 150.61 a month, about 1 % less, for 4200 vs 4500 paid, about 7 % less). */
static void test_pv_and_irr(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_d, "test.json");
    shebao_projection *p = project(pol, MIDDLE, "0");
    assert_fen(fig(p, SHEBAO_FIG_PV_CONTRIBUTIONS), "4200.00");
    shebao_projection_free(p);

    p = project(pol, MIDDLE, "0.02");
    double want = 0;
    for (int y = 2005; y <= 2019; y++)
        if (y != 2010)
            want += 300.0 * pow(1.02, ((2020 - y) * 12 + 1) / 12.0);
    double got = (double)fig(p, SHEBAO_FIG_PV_CONTRIBUTIONS) / 100;
    if (fabs(got - want) > 0.011)
        fail_msg("PV of contributions %.2f, want %.4f", got, want);
    const char *irr = shebao_projection_irr(p);
    assert_non_null(irr);
    const char *ratio = shebao_projection_moneys_worth(p);
    assert_non_null(ratio);
    double ratio_dj = atof(ratio);
    char x[48];
    snprintf(x, sizeof x, "%s", irr);
    shebao_projection_free(p);

    p = project(pol, MIDDLE, x);
    double epv = (double)fig(p, SHEBAO_FIG_EPV_BENEFITS) / 100, pvc = (double)fig(p, SHEBAO_FIG_PV_CONTRIBUTIONS) / 100;
    if (fabs(epv - pvc) > 2.0)
        fail_msg("at the IRR %s: EPV %.2f, PV of contributions %.2f", x, epv, pvc);
    shebao_projection_free(p);

    p = project(pol, "2005-2019:300", "0.02");
    assert_fen(fig(p, SHEBAO_FIG_PERSONAL_TOTAL), "4500.00");
    assert_true(atof(shebao_projection_moneys_worth(p)) < ratio_dj);
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* Every year 代缴: 2005–2019 at 100.
 *   balance 15 × (100 + 20) = 1800.00; personal total 0.00; account fen_half_up(1800 / 139 = 12.949…) = 12.95;
 *   monthly total 100 + 15 + 12.95 = 127.95
 *   nothing paid: no break-even (SHEBAO_NA, 0 and ""), no IRR, no money's worth, PV of contributions 0.00;
 *   in JSON null. The summary (a batch row) says the same. */
static void test_all_years(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_d, "test.json");
    shebao_projection *p = project(pol, "2005-2019:100", NULL);
    assert_true(shebao_projection_eligible(p));
    assert_fen(fig(p, SHEBAO_FIG_BALANCE), "1800.00");
    assert_fen(fig(p, SHEBAO_FIG_PERSONAL_TOTAL), "0.00");
    assert_fen(fig(p, SHEBAO_FIG_MONTHLY_TOTAL), "127.95");
    assert_fen(fig(p, SHEBAO_FIG_PV_CONTRIBUTIONS), "0.00");
    int m = -1;
    char month[8] = "x";
    assert_int_equal(shebao_projection_breakeven(p, &m, month, sizeof month), SHEBAO_NA);
    assert_int_equal(m, 0);
    assert_string_equal(month, "");
    assert_null(shebao_projection_irr(p));
    assert_null(shebao_projection_moneys_worth(p));
    char *json = NULL;
    assert_int_equal(shebao_projection_to_json(p, &json), SHEBAO_OK);
    assert_non_null(strstr(json, "\"breakeven_months\": null"));
    assert_non_null(strstr(json, "\"breakeven_month\": null"));
    assert_non_null(strstr(json, "\"irr\": null"));
    assert_non_null(strstr(json, "\"moneys_worth_ratio\": null"));
    shebao_free(json);
    shebao_projection_free(p);

    shebao_segment *seg = NULL;
    shebao_person pe = person("2005-2019:100", &seg, 1, NULL);
    shebao_summary s = SHEBAO_SUMMARY_INIT;
    assert_int_equal(shebao_project_summary(ctx, pol, &pe, &s), SHEBAO_OK);
    assert_fen(s.personal_total, "0.00");
    assert_fen(s.balance, "1800.00");
    assert_false(s.has_breakeven);
    shebao_free(seg);
    /* the summary of the middle-year plan: personal 4200.00, break-even 2022-06 (test_middle_year) */
    pe = person(MIDDLE, &seg, 1, NULL);
    s = (shebao_summary)SHEBAO_SUMMARY_INIT;
    assert_int_equal(shebao_project_summary(ctx, pol, &pe, &s), SHEBAO_OK);
    assert_fen(s.personal_total, "4200.00");
    assert_true(s.has_breakeven);
    assert_string_equal(s.breakeven_month, "2022-06");
    shebao_free(seg);
    shebao_policy_free(pol);
}

/* The refusal: a 代缴 grade for a person not marked daijiao, in shebao_project and the summary alike, with one line
 * naming the year, the grade and the mark; a version-1 person has no daijiao member, so it reads as 0 even when the
 * memory after the version-1 members holds 1. A daijiao person paying a normal grade pays it personally. */
static void test_refused(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_d, "test.json");
    shebao_segment *seg = NULL;
    for (int version = 1; version <= 2; version++) {
        shebao_person pe = person(MIDDLE, &seg, version == 1 ? 1 : 0, NULL);
        pe.version = (unsigned)version;
        shebao_projection *p = NULL;
        assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
        assert_null(p);
        assert_string_equal(shebao_ctx_errmsg(ctx),
                            "plan year 2010: grade 100.00 is a 代缴 grade (paid by the local government for difficult "
                            "groups: 低保, 特困, severe disability) in the grade table in force from 1990-01; accepted "
                            "only for a person marked daijiao (--daijiao; in batch, column daijiao yes)");
        shebao_summary s = SHEBAO_SUMMARY_INIT;
        assert_int_equal(shebao_project_summary(ctx, pol, &pe, &s), SHEBAO_EINPUT);
        assert_non_null(strstr(shebao_ctx_errmsg(ctx), "grade 100.00 is a 代缴 grade"));
        shebao_free(seg);
    }
    /* daijiao, all at 300: 15 × 330 = 4950.00, personal 15 × 300 = 4500.00, as for anyone */
    shebao_projection *p = project(pol, "2005-2019:300", NULL);
    assert_fen(fig(p, SHEBAO_FIG_BALANCE), "4950.00");
    assert_fen(fig(p, SHEBAO_FIG_PERSONAL_TOTAL), "4500.00");
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_middle_year),
        cmocka_unit_test(test_pv_and_irr),
        cmocka_unit_test(test_all_years),
        cmocka_unit_test(test_refused),
    };
    return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
