/* What a person may choose (include/shebao/choices.h): the grade table of a year (shebao_policy_grades) and the
 * years still payable with the back-payment window (shebao_policy_pay_window). Expectations are read off the
 * policy texts by hand: the bundled Zhejiang policy (data/policies/zhejiang.json, which extends national.json; the
 * source ids are those files' keys, listed in docs/sources.md) and a small test policy below. And a choice made
 * from the results passes shebao_project()'s checks, while one year outside the window does not. */
#include <stdlib.h>

#include "testutil.h"

/* Test policy C: scheme from 2000-01, claim at 55 with a 3-month offset, 10 years needed, two grade tables (2005:
 * 100/10 and 300/20; 2012: 150 代缴 with 0, 300/40, 600/60 from a source of status "assumption"), back payment up
 * to 300, subsidised, not counted for the years pension. */
static const char policy_c[] =
    "{\"schema\": \"shebao-policy/1\", \"id\": \"test-c\", \"name\": \"test\","
    " \"sources\": {\"GUESS\": {\"title\": \"a guess\", \"status\": \"assumption\"}},"
    " \"resident_pension\": {\"scheme_start\": \"2000-01\", \"claim_age\": 55, \"benefit_start_offset_months\": 3,"
    " \"min_years\": 10, \"account_divisor\": \"139\","
    " \"base_pension\": [{\"from\": \"2000-01\", \"value\": \"100\"}],"
    " \"grades\": [{\"from\": \"2005-01\", \"table\": [{\"grade\": \"100\", \"subsidy\": \"10\"},"
    "   {\"grade\": \"300\", \"subsidy\": \"20\"}]},"
    "  {\"from\": \"2012-07\", \"table\": [{\"grade\": \"150\", \"subsidy\": \"0\", \"daijiao\": true},"
    "   {\"grade\": \"300\", \"subsidy\": \"40\"}, {\"grade\": \"600\", \"subsidy\": \"60\", \"source\": \"GUESS\"}]}],"
    " \"backpay\": {\"max_grade\": \"300\", \"subsidised\": true, \"counts_for_years_pension\": false},"
    " \"years_pension\": [{\"from_year\": 1, \"per_year\": \"1\"}],"
    " \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [],"
    "   \"assumed_future_rate\": \"0\", \"after_claim\": false},"
    " \"funeral_grant_months\": 0}}";

/* Row i of g is grade/subsidy (yuan, as text), daijiao, status. */
static void expect_row(const shebao_grade_list *g, size_t i, const char *grade, const char *subsidy, int daijiao,
                       shebao_status status)
{
    shebao_grade_option o;
    assert_int_equal(shebao_grade_list_item(g, i, &o), SHEBAO_OK);
    assert_fen(o.grade, grade);
    assert_fen(o.subsidy, subsidy);
    assert_int_equal(o.daijiao, daijiao);
    assert_int_equal(o.status, status);
}

static shebao_grade_list *grades(const shebao_policy *pol, int year)
{
    shebao_grade_list *g = NULL;
    if (shebao_policy_grades(ctx, pol, year, &g) != SHEBAO_OK)
        fail_msg("grades %d: %s", year, shebao_ctx_errmsg(ctx));
    return g;
}

/* zhejiang.json, resident_pension.grades: the 2024-01 table (source ZJ-RSF-2023-66, 浙人社发〔2023〕66号) has
 * 200 300 500 1000 2000 3000 5000 7000; 200 is the 代缴 grade with subsidy 0 and the rows 200-1000 rest on
 * ASSUME-ZJ-2024-LOW-SUBSIDY (status assumption: 0, 30, 80, 80); 2000-7000 get 200 (ZJ-2024-SUBSIDY-200,
 * secondary). The 2015-01 table (ZJ-ZZF-2014-28, 浙政发〔2014〕28号, secondary) has twelve grades 100-1000 by
 * hundreds, 1500 and 2000, subsidy 30 below 500 and 80 from 500. Before 2010-01 (ZJ-GRADES-2010) no table. */
static void test_zhejiang_grades(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    shebao_grade_list *g = grades(pol, 2026); /* the 2024 table, carried forward */
    assert_int_equal(shebao_grade_list_year(g), 2026);
    assert_string_equal(shebao_grade_list_table_from(g), "2024-01");
    assert_int_equal(shebao_grade_list_count(g), 8);
    expect_row(g, 0, "200.00", "0.00", 1, SHEBAO_STATUS_ASSUMPTION);
    expect_row(g, 1, "300.00", "30.00", 0, SHEBAO_STATUS_ASSUMPTION);
    expect_row(g, 2, "500.00", "80.00", 0, SHEBAO_STATUS_ASSUMPTION);
    expect_row(g, 3, "1000.00", "80.00", 0, SHEBAO_STATUS_ASSUMPTION);
    expect_row(g, 4, "2000.00", "200.00", 0, SHEBAO_STATUS_SECONDARY);
    expect_row(g, 7, "7000.00", "200.00", 0, SHEBAO_STATUS_SECONDARY);
    shebao_grade_option o;
    assert_int_equal(shebao_grade_list_item(g, 8, &o), SHEBAO_EUSAGE);
    char *json = NULL;
    assert_int_equal(shebao_grade_list_to_json(g, &json), SHEBAO_OK);
    assert_non_null(strstr(json, "\"policy\": \"zhejiang\""));
    assert_non_null(strstr(json, "\"table_from\": \"2024-01\""));
    assert_non_null(strstr(json, "\"grade\": \"200.00\",\n      \"subsidy\": \"0.00\",\n      \"daijiao\": true,\n"
                                 "      \"status\": \"assumption\""));
    shebao_free(json);
    shebao_grade_list_free(g);

    g = grades(pol, 2023); /* the last year of the 2015 table */
    assert_string_equal(shebao_grade_list_table_from(g), "2015-01");
    assert_int_equal(shebao_grade_list_count(g), 12);
    expect_row(g, 0, "100.00", "30.00", 0, SHEBAO_STATUS_SECONDARY);
    expect_row(g, 3, "400.00", "30.00", 0, SHEBAO_STATUS_SECONDARY);
    expect_row(g, 4, "500.00", "80.00", 0, SHEBAO_STATUS_SECONDARY);
    expect_row(g, 11, "2000.00", "80.00", 0, SHEBAO_STATUS_SECONDARY);
    shebao_grade_list_free(g);

    /* 2009: before the first table, does not apply (no message, *out NULL) */
    g = (shebao_grade_list *)&o;
    assert_int_equal(shebao_policy_grades(ctx, pol, 2009, &g), SHEBAO_NA);
    assert_null(g);
    assert_string_equal(shebao_ctx_errmsg(ctx), "");
    shebao_policy_free(pol);
}

static shebao_pay_window window(const shebao_policy *pol, int by, int bm, int from)
{
    shebao_pay_window w = SHEBAO_PAY_WINDOW_INIT;
    if (shebao_policy_pay_window(ctx, pol, by, bm, from, &w) != SHEBAO_OK)
        fail_msg("pay window %d-%02d from %d: %s", by, bm, from, shebao_ctx_errmsg(ctx));
    return w;
}

/* Zhejiang: claim_age 60 and min_years 15 (national.json, GF-2014-8-ART7), offset 1 month (ASSUME-BENEFIT-START),
 * scheme_start 2010-01 (ZJ-ZZF-2009-62), back payment up to 5000 (ZJ-RSF-2023-66), not subsidised (HZF-2015-24),
 * counted for the years pension (LANXI-BACKPAY). */
static void test_zhejiang_window(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    /* born 1975-03, asking from 2026: first max(2026, 1975+16 = 1991, 2010) = 2026; last 1975 + 60 = 2035;
     * claim 1975-03 + 60 y + 1 m = 2035-04; required min(15, 2035 − 2010 = 25) = 15 */
    shebao_pay_window w = window(pol, 1975, 3, 2026);
    assert_int_equal(w.version, SHEBAO_PAY_WINDOW_VERSION);
    assert_int_equal(w.has_years, 1);
    assert_int_equal(w.first_year, 2026);
    assert_int_equal(w.last_year, 2035);
    assert_int_equal(w.claim_year, 2035);
    assert_int_equal(w.claim_month, 4);
    assert_int_equal(w.years_required, 15);
    assert_int_equal(w.backpay_year, 2035);
    assert_fen(w.backpay_max_grade, "5000.00");
    assert_int_equal(w.backpay_max_total, 15);
    assert_int_equal(w.backpay_subsidised, 0);
    assert_int_equal(w.backpay_counts_for_years_pension, 1);

    /* born 1980-12: claim 1980-12 + 60 y + 1 m = 2041-01, but the last payable year is 1980 + 60 = 2040 */
    w = window(pol, 1980, 12, 2026);
    assert_int_equal(w.last_year, 2040);
    assert_int_equal(w.claim_year, 2041);
    assert_int_equal(w.claim_month, 1);

    /* born 2015-06: the first payable year is the year of the 16th birthday, 2031 */
    w = window(pol, 2015, 6, 2026);
    assert_int_equal(w.first_year, 2031);
    assert_int_equal(w.last_year, 2075);

    /* born 1960-01, asked from 2026: last 2020 < 2026, nothing left; claim 2020-02, required min(15, 10) = 10 */
    w = window(pol, 1960, 1, 2026);
    assert_int_equal(w.has_years, 0);
    assert_int_equal(w.first_year, 0);
    assert_int_equal(w.last_year, 2020);
    assert_int_equal(w.years_required, 10);
    assert_int_equal(w.backpay_year, 2020);

    /* born 1950-01 asked from 1990: the first table is 2010-01, so first max(1990, 1966, 2010) = 2010, last 2010 */
    w = window(pol, 1950, 1, 1990);
    assert_int_equal(w.has_years, 1);
    assert_int_equal(w.first_year, 2010);
    assert_int_equal(w.last_year, 2010);
    shebao_policy_free(pol);
}

/* Policy C by hand. */
static void test_small_policy(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_c, "test-c");
    /* 2012: the 2012-07 table is the one in force for the contribution year 2012 (latest from-year <= 2012) */
    shebao_grade_list *g = grades(pol, 2012);
    assert_string_equal(shebao_grade_list_table_from(g), "2012-07");
    assert_int_equal(shebao_grade_list_count(g), 3);
    expect_row(g, 0, "150.00", "0.00", 1, SHEBAO_STATUS_UNSOURCED);
    expect_row(g, 1, "300.00", "40.00", 0, SHEBAO_STATUS_UNSOURCED);
    expect_row(g, 2, "600.00", "60.00", 0, SHEBAO_STATUS_ASSUMPTION);
    shebao_grade_list_free(g);
    g = grades(pol, 2011);
    assert_string_equal(shebao_grade_list_table_from(g), "2005-01");
    assert_int_equal(shebao_grade_list_count(g), 2);
    expect_row(g, 0, "100.00", "10.00", 0, SHEBAO_STATUS_UNSOURCED);
    expect_row(g, 1, "300.00", "20.00", 0, SHEBAO_STATUS_UNSOURCED);
    shebao_grade_list_free(g);
    assert_int_equal(shebao_policy_grades(ctx, pol, 2004, &g), SHEBAO_NA);

    /* born 1960-11, from 2000: first max(2000, 1976, 2005) = 2005; last 1960 + 55 = 2015; claim 1960-11 + 55 y +
     * 3 m = 2016-02; required min(10, 2016 − 2000 = 16) = 10 */
    shebao_pay_window w = window(pol, 1960, 11, 2000);
    assert_int_equal(w.first_year, 2005);
    assert_int_equal(w.last_year, 2015);
    assert_int_equal(w.claim_year, 2016);
    assert_int_equal(w.claim_month, 2);
    assert_int_equal(w.years_required, 10);
    assert_int_equal(w.backpay_year, 2016);
    assert_fen(w.backpay_max_grade, "300.00");
    assert_int_equal(w.backpay_max_total, 10);
    assert_int_equal(w.backpay_subsidised, 1);
    assert_int_equal(w.backpay_counts_for_years_pension, 0);

    /* the window is the one shebao_project() applies: first..last at a grade of each year passes, one year more on
     * either side is refused */
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = 1960;
    pe.birth_month = 11;
    pe.mortality = SHEBAO_MORTALITY_NONE;
    shebao_segment plan[] = {{w.first_year, w.last_year, 30000}};
    pe.plan = plan;
    pe.plan_count = 1;
    shebao_projection *p = NULL;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
    shebao_projection_free(p);
    plan[0].last_year = w.last_year + 1;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    plan[0] = (shebao_segment){w.first_year - 1, w.last_year, 30000};
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    shebao_policy_free(pol);
}

static void test_errors(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    shebao_grade_list *g = NULL;
    assert_int_equal(shebao_policy_grades(ctx, pol, 1899, &g), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "grades: year 1899: not a valid year (1900-2199)");
    assert_int_equal(shebao_policy_grades(ctx, pol, 2200, &g), SHEBAO_EINPUT);
    shebao_pay_window w = SHEBAO_PAY_WINDOW_INIT;
    assert_int_equal(shebao_policy_pay_window(ctx, pol, 1975, 13, 2026, &w), SHEBAO_EINPUT);
    assert_int_equal(shebao_policy_pay_window(ctx, pol, 2151, 1, 2026, &w), SHEBAO_EINPUT);
    assert_int_equal(shebao_policy_pay_window(ctx, pol, 1975, 3, 1800, &w), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "from 1800: not a valid year (1900-2199)");
    w.version = SHEBAO_PAY_WINDOW_VERSION + 1;
    assert_int_equal(shebao_policy_pay_window(ctx, pol, 1975, 3, 2026, &w), SHEBAO_EUSAGE);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "shebao_pay_window.version"));
    w.version = 0;
    assert_int_equal(shebao_policy_pay_window(ctx, pol, 1975, 3, 2026, &w), SHEBAO_EUSAGE);
    shebao_policy_free(pol);
    /* a policy without a resident_pension section: a policy error */
    pol = tu_policy("{\"schema\": \"shebao-policy/1\", \"id\": \"bare\", \"name\": \"bare\", \"sources\": {}}", "bare");
    assert_int_equal(shebao_policy_grades(ctx, pol, 2020, &g), SHEBAO_EPOLICY);
    w.version = SHEBAO_PAY_WINDOW_VERSION;
    assert_int_equal(shebao_policy_pay_window(ctx, pol, 1975, 3, 2026, &w), SHEBAO_EPOLICY);
    assert_string_equal(shebao_ctx_errmsg(ctx), "policy bare has no resident_pension section");
    shebao_policy_free(pol);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zhejiang_grades),
        cmocka_unit_test(test_zhejiang_window),
        cmocka_unit_test(test_small_policy),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
