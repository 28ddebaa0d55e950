/* Versioned structs (docs/conventions.md): each is accepted when 0 < version <= its current version, so that an
 * older caller keeps working with a newer library; 0 and anything above the current version are SHEBAO_EUSAGE
 * with a message naming the struct. */
#include "testutil.h"

static shebao_ctx *ctx;
static shebao_policy *zj;

static int setup(void **state)
{
    (void)state;
    if (shebao_ctx_new(&ctx) != SHEBAO_OK || shebao_policy_load_embedded(ctx, "zhejiang", &zj) != SHEBAO_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    shebao_policy_free(zj);
    shebao_ctx_free(ctx);
    return 0;
}

/* rc of a call with a struct at version v: the current version is not refused for its version (the call may
 * still refuse other inputs); 0 and current + 1 are SHEBAO_EUSAGE naming the struct. */
static void expect_version(int rc, unsigned v, unsigned current, const char *type)
{
    char want[96];
    snprintf(want, sizeof want, "%s.version %u:", type, v);
    if (v >= 1 && v <= current) {
        if (strstr(shebao_ctx_errmsg(ctx), ".version"))
            fail_msg("%s version %u refused: %s", type, v, shebao_ctx_errmsg(ctx));
        return;
    }
    assert_int_equal(rc, SHEBAO_EUSAGE);
    if (strncmp(shebao_ctx_errmsg(ctx), want, strlen(want)) != 0)
        fail_msg("%s version %u: message '%s', want it to start with '%s'", type, v, shebao_ctx_errmsg(ctx), want);
}

#define VERSIONS(cur) { 0u, (unsigned)(cur), (unsigned)(cur) + 1u }

static void test_person_and_summary(void **state)
{
    (void)state;
    shebao_segment seg = {2020, 2034, 200000};
    const unsigned pv[] = VERSIONS(SHEBAO_PERSON_VERSION);
    for (int k = 0; k < 3; k++) {
        shebao_person pe = tu_person(1975, 3, &seg, 1);
        pe.version = pv[k];
        shebao_projection *p = NULL;
        int rc = shebao_project(ctx, zj, &pe, &p);
        expect_version(rc, pv[k], SHEBAO_PERSON_VERSION, "shebao_person");
        if (k == 1)
            assert_int_equal(rc, SHEBAO_OK);
        else
            assert_null(p);
        shebao_projection_free(p);
        shebao_summary s = SHEBAO_SUMMARY_INIT;
        rc = shebao_project_summary(ctx, zj, &pe, &s);
        expect_version(rc, pv[k], SHEBAO_PERSON_VERSION, "shebao_person");
    }
    const unsigned sv[] = VERSIONS(SHEBAO_SUMMARY_VERSION);
    for (int k = 0; k < 3; k++) {
        shebao_person pe = tu_person(1975, 3, &seg, 1);
        shebao_summary s = SHEBAO_SUMMARY_INIT;
        s.version = sv[k];
        int rc = shebao_project_summary(ctx, zj, &pe, &s);
        expect_version(rc, sv[k], SHEBAO_SUMMARY_VERSION, "shebao_summary");
        if (k == 1)
            assert_int_equal(rc, SHEBAO_OK);
    }
}

static void test_compare_options(void **state)
{
    (void)state;
    shebao_fen grades[] = {100000, 200000};
    int years[] = {15};
    const unsigned ov[] = VERSIONS(SHEBAO_COMPARE_OPTIONS_VERSION);
    for (int k = 0; k < 3; k++) {
        shebao_person pe = tu_person(1980, 5, NULL, 0);
        shebao_compare_options opt = tu_compare_options(2025, grades, 2, years, 1);
        opt.version = ov[k];
        shebao_comparison *c = NULL;
        int rc = shebao_compare(ctx, zj, &pe, &opt, &c);
        expect_version(rc, ov[k], SHEBAO_COMPARE_OPTIONS_VERSION, "shebao_compare_options");
        if (k == 1)
            assert_int_equal(rc, SHEBAO_OK);
        shebao_comparison_free(c);
    }
}

/* One month's care benefit (grade 4, institution, June 2025, cost 3000.00) with the claim at version vc and the
 * result at vb. */
static int benefit_at(unsigned vc, unsigned vb)
{
    shebao_ltc_claim c = tu_ltc_claim(4, SHEBAO_LTC_INSTITUTION, 2025, 6, 300000);
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    c.version = vc;
    b.version = vb;
    return shebao_ltc_benefit_month(ctx, zj, &c, &b, NULL);
}

/* The estimate for 100 beneficiaries of grade 4 in an institution for 2025 (cost 3000.00 a month) with the input at
 * version vi and the result at vo. */
static int cost_at(unsigned vi, unsigned vo)
{
    shebao_ltc_cost_input in = tu_ltc_cost_input(100, "4:1", "institution:1", 2025, 1, 12);
    shebao_ltc_cost out = SHEBAO_LTC_COST_INIT;
    in.cost = 300000;
    in.version = vi;
    out.version = vo;
    return shebao_ltc_cost_estimate(ctx, zj, &in, &out, NULL);
}

static void test_ltc(void **state)
{
    (void)state;
    const unsigned cv[] = VERSIONS(SHEBAO_LTC_CLAIM_VERSION), bv[] = VERSIONS(SHEBAO_LTC_BENEFIT_VERSION);
    const unsigned fv[] = VERSIONS(SHEBAO_LTC_FUNDING_VERSION), iv[] = VERSIONS(SHEBAO_LTC_COST_INPUT_VERSION);
    const unsigned ov[] = VERSIONS(SHEBAO_LTC_COST_VERSION);
    const unsigned av[] = VERSIONS(SHEBAO_LTC_SCORES_VERSION);
    const int adl[SHEBAO_LTC_ADL_ITEMS] = {0}, cog[SHEBAO_LTC_COGNITION_ITEMS] = {0};
    const int per[SHEBAO_LTC_PERCEPTION_ITEMS] = {0};
    for (int k = 0; k < 3; k++) {
        shebao_ltc_scores sc = tu_ltc_scores(adl, SHEBAO_LTC_ADL_ITEMS, cog, SHEBAO_LTC_COGNITION_ITEMS, per,
                                             SHEBAO_LTC_PERCEPTION_ITEMS);
        sc.version = av[k];
        shebao_ltc_assessment a;
        int rc = shebao_ltc_assess(ctx, zj, &sc, &a, NULL);
        expect_version(rc, av[k], SHEBAO_LTC_SCORES_VERSION, "shebao_ltc_scores");
        if (k == 1)
            assert_int_equal(rc, SHEBAO_OK);
    }
    for (int k = 0; k < 3; k++) {
        expect_version(benefit_at(cv[k], SHEBAO_LTC_BENEFIT_VERSION), cv[k], SHEBAO_LTC_CLAIM_VERSION,
                       "shebao_ltc_claim");
        expect_version(benefit_at(SHEBAO_LTC_CLAIM_VERSION, bv[k]), bv[k], SHEBAO_LTC_BENEFIT_VERSION,
                       "shebao_ltc_benefit");

        shebao_ltc_funding f = SHEBAO_LTC_FUNDING_INIT;
        f.version = fv[k];
        expect_version(shebao_ltc_fund(ctx, zj, SHEBAO_LTC_RESIDENT, 2025, 6, 1, SHEBAO_UNSET, &f, NULL), fv[k],
                       SHEBAO_LTC_FUNDING_VERSION, "shebao_ltc_funding");

        expect_version(cost_at(iv[k], SHEBAO_LTC_COST_VERSION), iv[k], SHEBAO_LTC_COST_INPUT_VERSION,
                       "shebao_ltc_cost_input");
        expect_version(cost_at(SHEBAO_LTC_COST_INPUT_VERSION, ov[k]), ov[k], SHEBAO_LTC_COST_VERSION,
                       "shebao_ltc_cost");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_person_and_summary),
        cmocka_unit_test(test_compare_options),
        cmocka_unit_test(test_ltc),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
