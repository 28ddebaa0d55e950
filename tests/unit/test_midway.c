/* People midway and the person who is not eligible (#12 items 4 and 5): the advice of shebao_project(), the years
 * already paid and the back payment (fixed or automatic) of shebao_compare(), and the path over grade tables that
 * the lowest-versus-highest summary follows. Every expected figure is worked out by hand in the comment beside it.
 */
#include <string.h>

#include <jansson.h>

#include "testutil.h"

/* Policy M, for hand arithmetic: no interest, base pension 200, divisor 100 (the account pension is the balance
 * divided by 100), years pension 1 a year, 15 years required (scheme start 1990, so min_years decides), back
 * payment up to 1000 counting for the years pension. Grades up to 2023: 100, 500, 1000, subsidy 10. From 2024: 200
 * (代缴), 300, 1000, 3000, subsidy 30. */
static const char policy_m[] =
    "{\"schema\": \"shebao-policy/1\", \"id\": \"test-m\", \"name\": \"test\", \"sources\": {},"
    " \"resident_pension\": {\"scheme_start\": \"1990-01\", \"claim_age\": 60, \"benefit_start_offset_months\": 1,"
    " \"min_years\": 15, \"account_divisor\": \"100\","
    " \"base_pension\": [{\"from\": \"1990-01\", \"value\": \"200\"}],"
    " \"grades\": [{\"from\": \"1990-01\", \"table\": [{\"grade\": \"100\", \"subsidy\": \"10\"},"
    "   {\"grade\": \"500\", \"subsidy\": \"10\"}, {\"grade\": \"1000\", \"subsidy\": \"10\"}]},"
    "  {\"from\": \"2024-01\", \"table\": [{\"grade\": \"200\", \"subsidy\": \"0\", \"daijiao\": true},"
    "   {\"grade\": \"300\", \"subsidy\": \"30\"}, {\"grade\": \"1000\", \"subsidy\": \"30\"},"
    "   {\"grade\": \"3000\", \"subsidy\": \"30\"}]}],"
    " \"backpay\": {\"max_grade\": \"1000\", \"subsidised\": false, \"counts_for_years_pension\": true},"
    " \"years_pension\": [{\"from_year\": 1, \"per_year\": \"1\"}],"
    " \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [],"
    "   \"assumed_future_rate\": \"0\", \"after_claim\": false},"
    " \"funeral_grant_months\": 0}}";

static shebao_person person(int by, int bm, const shebao_segment *plan, size_t n)
{
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = by;
    pe.birth_month = bm;
    pe.plan = plan;
    pe.plan_count = n;
    pe.mortality = SHEBAO_MORTALITY_NONE;
    return pe;
}

static shebao_projection *project(const shebao_policy *pol, const shebao_person *pe)
{
    shebao_projection *p = NULL;
    if (shebao_project(ctx, pol, pe, &p) != SHEBAO_OK)
        fail_msg("project: %s", shebao_ctx_errmsg(ctx));
    return p;
}

static shebao_comparison *compare(const shebao_policy *pol, const shebao_person *pe, const shebao_compare_options *o)
{
    shebao_comparison *c = NULL;
    if (shebao_compare(ctx, pol, pe, o, &c) != SHEBAO_OK)
        fail_msg("compare: %s", shebao_ctx_errmsg(ctx));
    return c;
}

/* The JSON text (freed here) as a document, to json_decref. */
static json_t *parsed(char *text)
{
    json_t *j = json_loads(text, 0, NULL);
    shebao_free(text);
    assert_non_null(j);
    return j;
}

/* Back-paid years of a cell: years paid − the years of its plans (paid before, and n from the start). */
static int backpaid(const shebao_comparison *c, size_t i, size_t j, int before)
{
    return shebao_projection_years_paid(shebao_comparison_projection(c, i, j)) - before -
           shebao_comparison_years(c, j);
}

/* ---- the advice of a person who is not eligible ------------------------------------------------------------ */

/* The advice of p: n = years paid, required, missing, payable from, last payable year, years payable, back-paid
 * years; m = the lowest grade, its cost and monthly total, then the highest's. */
static void check_advice(const shebao_projection *p, const int n[7], const char *const m[6])
{
    shebao_advice ad = SHEBAO_ADVICE_INIT;
    assert_int_equal(shebao_projection_advice(p, &ad), SHEBAO_OK);
    const int got[7] = {ad.years_paid,        ad.years_required, ad.years_missing, ad.payable_from,
                        ad.last_payable_year, ad.years_payable,  ad.backpay_years};
    for (int k = 0; k < 7; k++)
        if (got[k] != n[k])
            fail_msg("advice figure %d: %d, expected %d", k, got[k], n[k]);
    assert_true(ad.has_lowest && ad.has_highest);
    const shebao_fen fig[6] = {ad.lowest_grade,  ad.lowest_cost,  ad.lowest_monthly,
                               ad.highest_grade, ad.highest_cost, ad.highest_monthly};
    for (int k = 0; k < 6; k++)
        assert_fen(fig[k], m[k]);
}

static void test_advice(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_m, "m.json");
    /* Born 1966-05: claim 2026-06; last payable year 1966 + 60 = 2026. Plan 2020-2023 at 100: 4 years paid of the
     * min(15, 2026 − 1990) = 15 required, 11 missing; still payable 2024-2026 (3 years). Back payment of 11 years:
     * lowest allowed grade of the 2026 table 300 (200 is 代缴), highest 1000 (3000 is above the cap 1000).
     * Balance before the back payment: 4 × (100 + 10) = 440.00 (no interest).
     * lowest:  cost 11 × 300 = 3300.00; balance 440 + 3300 = 3740.00, account 37.40; years pension (4 + 11) × 1 =
     *          15.00; total 200 + 15 + 37.40 = 252.40
     * highest: cost 11 × 1000 = 11000.00; balance 11440.00, account 114.40; total 200 + 15 + 114.40 = 329.40 */
    static const shebao_segment a[] = {{2020, 2023, 10000}};
    shebao_person pe = person(1966, 5, a, 1);
    shebao_projection *p = project(pol, &pe);
    assert_false(shebao_projection_eligible(p));
    shebao_advice ad = SHEBAO_ADVICE_INIT;
    check_advice(p, (const int[]){4, 15, 11, 2024, 2026, 3, 11},
                 (const char *const[]){"300.00", "3300.00", "252.40", "1000.00", "11000.00", "329.40"});
    char *text = NULL;
    assert_int_equal(shebao_projection_to_json(p, &text), SHEBAO_OK);
    json_t *j = parsed(text);
    json_t *adv = json_object_get(j, "advice");
    assert_true(json_is_object(adv));
    assert_int_equal(json_integer_value(json_object_get(adv, "years_payable")), 3);
    assert_string_equal(json_string_value(json_object_get(json_object_get(adv, "backpay_highest"), "monthly_total")),
                        "329.40");
    json_decref(j);
    shebao_projection_free(p);

    /* Born 1970-01: claim 2030-02, last payable year 2030. Plan 2024-2025 at 3000 and a back payment of 2 years at
     * 300: 2 + 2 = 4 years paid, 11 missing; still payable 2026-2030 (5 years). The back payment that closes the
     * gap: 2 + 11 = 13 years (room: 15 − 2 contribution years = 13). Balance before it: 2 × (3000 + 30) = 6060.
     * lowest:  13 × 300 = 3900.00; balance 9960.00, account 99.60; years pension (2 + 13) × 1 = 15; total 314.60
     * highest: 13 × 1000 = 13000.00; balance 19060.00, account 190.60; total 405.60 */
    static const shebao_segment b[] = {{2024, 2025, 300000}};
    pe = person(1970, 1, b, 1);
    pe.backpay_years = 2;
    pe.backpay_grade = 30000;
    p = project(pol, &pe);
    check_advice(p, (const int[]){4, 15, 11, 2026, 2030, 5, 13},
                 (const char *const[]){"300.00", "3900.00", "314.60", "1000.00", "13000.00", "405.60"});
    shebao_projection_free(p);

    /* eligible: 15 years 2016-2030 at 1000 from birth 1970-01: no advice, and JSON null */
    static const shebao_segment full[] = {{2016, 2030, 100000}};
    pe = person(1970, 1, full, 1);
    p = project(pol, &pe);
    assert_true(shebao_projection_eligible(p));
    assert_int_equal(shebao_projection_advice(p, &ad), SHEBAO_NA);
    assert_int_equal(ad.backpay_years, 0);
    assert_int_equal(shebao_projection_to_json(p, &text), SHEBAO_OK);
    assert_non_null(strstr(text, "\"advice\": null"));
    shebao_free(text);
    ad.version = 0;
    assert_int_equal(shebao_projection_advice(p, &ad), SHEBAO_EUSAGE);
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* ---- years already paid and the automatic back payment ----------------------------------------------------- */

static void test_backpay_auto_zhejiang(void **state)
{
    (void)state;
    /* The case: born 1968-06, 5 years paid (2015-2019 at 100), paying from 2026, auto:300. Claim 2028-07,
     * last payable year 2028: at most 2026-2028, 3 years. Required min(15, 2028 − 2010) = 15. A cell paying n
     * years from 2026 has 5 + n contribution years and back-pays 15 − 5 − n = 10 − n years at 300: n = 1, 2, 3 →
     * 9, 8, 7, every cell eligible. Personal total at grade 300: 5 × 100 + 300 n + 300 (10 − n) = 3500.00. */
    shebao_policy *pol = tu_embedded("zhejiang");
    static const shebao_segment paid[] = {{2015, 2019, 10000}};
    shebao_person pe = person(1968, 6, paid, 1);
    shebao_compare_options o = SHEBAO_COMPARE_OPTIONS_INIT;
    o.start_year = 2026;
    o.backpay_auto_grade = 30000;
    static const int years[] = {1, 2, 3};
    o.years = years;
    o.years_count = 3;
    shebao_comparison *c = compare(pol, &pe, &o);
    assert_int_equal(shebao_comparison_max_years(c), 3);
    assert_int_equal(shebao_comparison_grade(c, 0), 30000); /* 2024 table: 200 is 代缴, 300 the lowest normal */
    for (size_t j = 0; j < 3; j++) {
        assert_int_equal(backpaid(c, 0, j, 5), 9 - (int)j);
        shebao_compare_cell f;
        assert_int_equal(shebao_comparison_cell(c, 0, j, &f), SHEBAO_OK);
        assert_true(f.eligible);
        assert_fen(f.personal_total, "3500.00");
    }
    for (size_t i = 0; i < shebao_comparison_grade_count(c); i++)
        assert_true(shebao_projection_eligible(shebao_comparison_projection(c, i, 2)));
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

static void test_backpay_auto_hand(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_m, "m.json");
    /* Born 1970-01 (claim 2030-02), paid 2010-2012 at 500, paying 2028-2030 (3 years, the most) at each grade of
     * the 2024 table, auto:1000. 3 + 3 = 6 contribution years, 9 back-paid at 1000 = 9000.
     * grade 300: balance 3 × 510 + 3 × 330 + 9000 = 1530 + 990 + 9000 = 11520.00, account 115.20, years pension
     * 15, total 200 + 15 + 115.20 = 330.20; personal total 1500 + 900 + 9000 = 11400.00 */
    static const shebao_segment paid[] = {{2010, 2012, 50000}};
    shebao_person pe = person(1970, 1, paid, 1);
    shebao_compare_options o = SHEBAO_COMPARE_OPTIONS_INIT;
    o.start_year = 2028;
    o.backpay_auto_grade = 100000;
    shebao_comparison *c = compare(pol, &pe, &o);
    assert_int_equal(shebao_comparison_years_count(c), 1);
    assert_int_equal(shebao_comparison_years(c, 0), 3);
    assert_int_equal(shebao_comparison_grade(c, 0), 30000);
    assert_int_equal(backpaid(c, 0, 0, 3), 9);
    shebao_compare_cell f;
    shebao_comparison_cell(c, 0, 0, &f);
    assert_fen(f.monthly_total, "330.20");
    assert_fen(f.personal_total, "11400.00");
    shebao_comparison_free(c);

    /* 14 years already paid (2000-2013 at 500): paying 1 or 3 more years gives 15 or 17, eligible without a back
     * payment, so auto back-pays 0 years */
    static const shebao_segment many[] = {{2000, 2013, 50000}};
    pe = person(1970, 1, many, 1);
    static const int years[] = {1, 3};
    o.years = years;
    o.years_count = 2;
    c = compare(pol, &pe, &o);
    assert_int_equal(backpaid(c, 0, 0, 14), 0);
    assert_int_equal(backpaid(c, 0, 1, 14), 0);
    assert_true(shebao_projection_eligible(shebao_comparison_projection(c, 0, 0)));
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

/* ---- the path over grade tables, and the summary's ends ---------------------------------------------------- */

static void test_path(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_m, "m.json");
    /* Born 1970-01, paying from 2022: at most 2022-2030, 9 years. The tables of 1990 (2022-2023) and 2024
     * (2024-2030) share only 1000 among normal grades: the grid is {1000}. Path: lowest 100 in 2022-2023, 300 from
     * 2024; highest 1000, then 3000. Nine years are too few: neither end is eligible; extra paid
     * (2 × 1000 + 7 × 3000) − (2 × 100 + 7 × 300) = 23000 − 2300 = 20700.00.
     * The lowest end's advice: 9 paid of 15, 6 missing, nothing payable (the plan reaches the last payable year
     * 2030, so payable_from is 2031); 6 years back-paid.
     *   lowest 300:  cost 1800; balance 2 × 110 + 7 × 330 + 1800 = 220 + 2310 + 1800 = 4330.00, account 43.30,
     *                years pension 15, total 258.30
     *   highest 1000: cost 6000; balance 2530 + 6000 = 8530.00, account 85.30, total 300.30 */
    shebao_person pe = person(1970, 1, NULL, 0);
    shebao_compare_options o = SHEBAO_COMPARE_OPTIONS_INIT;
    o.start_year = 2022;
    shebao_comparison *c = compare(pol, &pe, &o);
    assert_int_equal(shebao_comparison_grade_count(c), 1);
    assert_int_equal(shebao_comparison_grade(c, 0), 100000);
    const shebao_segment *s;
    size_t n;
    assert_int_equal(shebao_comparison_path(c, 0, &s, &n), SHEBAO_OK);
    assert_int_equal(n, 2);
    assert_true(s[0].first_year == 2022 && s[0].last_year == 2023 && s[0].grade == 10000);
    assert_true(s[1].first_year == 2024 && s[1].last_year == 2030 && s[1].grade == 30000);
    assert_int_equal(shebao_comparison_path(c, 1, &s, &n), SHEBAO_OK);
    assert_int_equal(n, 2);
    assert_true(s[0].grade == 100000 && s[1].grade == 300000 && s[1].first_year == 2024);
    shebao_compare_delta d;
    assert_int_equal(shebao_comparison_summary(c, 0, &d), SHEBAO_OK);
    assert_false(d.available);
    assert_fen(d.extra_paid, "20700.00");
    const shebao_projection *lo = shebao_comparison_end(c, 0, 0), *hi = shebao_comparison_end(c, 0, 1);
    assert_false(shebao_projection_eligible(lo));
    assert_false(shebao_projection_eligible(hi));
    check_advice(lo, (const int[]){9, 15, 6, 2031, 2030, 0, 6},
                 (const char *const[]){"300.00", "1800.00", "258.30", "1000.00", "6000.00", "300.30"});
    char *text = NULL;
    assert_int_equal(shebao_comparison_to_json(c, &text), SHEBAO_OK);
    json_t *j = parsed(text);
    json_t *ends = json_object_get(j, "summary_ends");
    assert_true(json_is_true(json_object_get(ends, "path")));
    assert_true(json_is_false(json_object_get(json_object_get(ends, "highest"), "eligible")));
    assert_true(json_is_object(json_object_get(json_object_get(ends, "lowest"), "advice")));
    assert_int_equal(json_array_size(json_object_get(json_object_get(j, "path"), "highest")), 2);
    json_decref(j);
    shebao_comparison_free(c);

    /* The same with auto:300: both ends eligible, 6 years back-paid at 300 = 1800 in each.
     *   lowest end: 258.30 (as the advice above: the same plan)
     *   highest end: balance 2 × 1010 + 7 × 3030 + 1800 = 2020 + 21210 + 1800 = 25030.00, account 250.30,
     *                total 200 + 15 + 250.30 = 465.30
     * extra paid 20700.00 (the back payments are equal), extra monthly 465.30 − 258.30 = 207.00, recouped after
     * 20700 / 207 = 100 months; the summary's grades are those of the last year, 300 and 3000. */
    o.backpay_auto_grade = 30000;
    c = compare(pol, &pe, &o);
    assert_int_equal(shebao_comparison_summary(c, 0, &d), SHEBAO_OK);
    assert_true(d.available);
    assert_int_equal(d.from_grade, 30000);
    assert_int_equal(d.to_grade, 300000);
    assert_fen(d.extra_paid, "20700.00");
    assert_fen(d.extra_monthly, "207.00");
    assert_true(d.has_recoup);
    assert_int_equal(d.recoup_months, 100);
    shebao_fen m = 0;
    shebao_projection_figure(shebao_comparison_end(c, 0, 1), SHEBAO_FIG_MONTHLY_TOTAL, &m);
    assert_fen(m, "465.30");
    shebao_comparison_free(c);

    /* From 2024 one table covers every year: no path, the ends are the grid's lowest and highest cells (300 and
     * 3000; 200 is 代缴) */
    o.start_year = 2024;
    o.backpay_auto_grade = 0;
    c = compare(pol, &pe, &o);
    assert_int_equal(shebao_comparison_path(c, 0, &s, &n), SHEBAO_NA);
    assert_null(s);
    assert_int_equal(n, 0);
    assert_ptr_equal(shebao_comparison_end(c, 0, 0), shebao_comparison_projection(c, 0, 0));
    assert_ptr_equal(shebao_comparison_end(c, 0, 1),
                     shebao_comparison_projection(c, shebao_comparison_grade_count(c) - 1, 0));
    assert_int_equal(shebao_comparison_grade(c, shebao_comparison_grade_count(c) - 1), 300000);
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

/* ---- bad input ---------------------------------------------------------------------------------------------- */

static void expect(const shebao_policy *pol, const shebao_person *pe, const shebao_compare_options *o,
                   const char *msg)
{
    shebao_comparison *c = NULL;
    assert_int_equal(shebao_compare(ctx, pol, pe, o, &c), SHEBAO_EINPUT);
    assert_null(c);
    if (!strstr(shebao_ctx_errmsg(ctx), msg))
        fail_msg("message '%s' lacks '%s'", shebao_ctx_errmsg(ctx), msg);
}

static void test_midway_errors(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_m, "m.json");
    shebao_compare_options o = SHEBAO_COMPARE_OPTIONS_INIT;
    o.start_year = 2026;
    static const shebao_segment late[] = {{2020, 2026, 10000}};
    shebao_person pe = person(1970, 1, late, 1);
    expect(pol, &pe, &o, "paid segment 1 (2020-2026): year 2026 is not before the start 2026");
    static const shebao_segment overlap[] = {{2010, 2015, 10000}, {2015, 2016, 10000}};
    pe = person(1970, 1, overlap, 2);
    expect(pol, &pe, &o, "paid segments 1 and 2 overlap (2010-2015 and 2015-2016)");
    pe = person(1970, 1, NULL, 0);
    o.backpay_auto_grade = 50000; /* 500 is not in the 2024 table in force in the claim year 2030 */
    expect(pol, &pe, &o, "backpay auto in claim year 2030: grade 500.00 is not in the grade table in force");
    o.backpay_auto_grade = 300000; /* 3000 is in the table but above the cap 1000 */
    expect(pol, &pe, &o, "backpay auto: grade 3000.00 is above the back-payment cap 1000.00");
    o.backpay_auto_grade = 30000;
    pe.backpay_years = 2;
    pe.backpay_grade = 30000;
    expect(pol, &pe, &o, "backpay: give a number of years or auto, not both");
    /* a version 1 caller has no backpay_auto_grade: whatever the member holds is not read. Born 1970-01, from
     * 2026 at most 2026-2030 (5 years): 5 < 15 years paid, not eligible, with no back payment. */
    pe.backpay_years = 0;
    o.version = 1;
    shebao_comparison *c = compare(pol, &pe, &o);
    assert_int_equal(shebao_comparison_years(c, 0), 5);
    assert_int_equal(shebao_projection_years_paid(shebao_comparison_projection(c, 0, 0)), 5);
    assert_false(shebao_projection_eligible(shebao_comparison_projection(c, 0, 0)));
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_advice),      cmocka_unit_test(test_backpay_auto_zhejiang),
        cmocka_unit_test(test_backpay_auto_hand), cmocka_unit_test(test_path),
        cmocka_unit_test(test_midway_errors),
    };
    return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
