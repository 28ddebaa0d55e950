/* Planning comparison (shebao_compare): every cell equals shebao_project() for the same plan, to the fen; the
 * default grades and lengths; grades left out when the plan spans a change of grade table; the marginal and
 * summary figures, checked against arithmetic written out by hand below. */
#include <stdlib.h>

#include <jansson.h>

#include "testutil.h"

/* Policy A, for hand arithmetic: no interest, base 200, divisor 139, grades 1000/2000/4000 with subsidies
 * 100/200/200, years pension 2 a year for years 1–15 and 5 a year from the 16th. */
static const char policy_a[] =
    "{\"schema\": \"shebao-policy/1\", \"id\": \"test-a\", \"name\": \"test\", \"sources\": {},"
    " \"resident_pension\": {\"scheme_start\": \"1990-01\", \"claim_age\": 60, \"benefit_start_offset_months\": 1,"
    " \"min_years\": 15, \"account_divisor\": \"139\","
    " \"base_pension\": [{\"from\": \"1990-01\", \"value\": \"200\"}],"
    " \"grades\": [{\"from\": \"1990-01\", \"table\": [{\"grade\": \"1000\", \"subsidy\": \"100\"},"
    "   {\"grade\": \"2000\", \"subsidy\": \"200\"}, {\"grade\": \"4000\", \"subsidy\": \"200\"}]}],"
    " \"backpay\": {\"max_grade\": \"4000\", \"subsidised\": false, \"counts_for_years_pension\": true},"
    " \"years_pension\": [{\"from_year\": 1, \"to_year\": 15, \"per_year\": \"2\"},"
    "   {\"from_year\": 16, \"per_year\": \"5\"}],"
    " \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [],"
    "   \"assumed_future_rate\": \"0\", \"after_claim\": false},"
    " \"funeral_grant_months\": 20}}";

/* Policy B: a grade table change in 2024, like Zhejiang's. Up to 2023: 100, 200, 300, 500. From 2024: 200 (代缴),
 * 300, 500, 1000. Interest 1.5 % a year so that the cells are not trivial. */
static const char policy_b[] =
    "{\"schema\": \"shebao-policy/1\", \"id\": \"test-b\", \"name\": \"test\", \"sources\": {},"
    " \"resident_pension\": {\"scheme_start\": \"1990-01\", \"claim_age\": 60, \"benefit_start_offset_months\": 1,"
    " \"min_years\": 15, \"account_divisor\": \"139\","
    " \"base_pension\": [{\"from\": \"1990-01\", \"value\": \"200\"}],"
    " \"grades\": [{\"from\": \"1990-01\", \"table\": [{\"grade\": \"100\", \"subsidy\": \"30\"},"
    "   {\"grade\": \"200\", \"subsidy\": \"30\"}, {\"grade\": \"300\", \"subsidy\": \"30\"},"
    "   {\"grade\": \"500\", \"subsidy\": \"80\"}]},"
    "  {\"from\": \"2024-01\", \"table\": [{\"grade\": \"200\", \"subsidy\": \"0\", \"daijiao\": true},"
    "   {\"grade\": \"300\", \"subsidy\": \"30\"}, {\"grade\": \"500\", \"subsidy\": \"80\"},"
    "   {\"grade\": \"1000\", \"subsidy\": \"80\"}]}],"
    " \"backpay\": {\"max_grade\": \"1000\", \"subsidised\": false, \"counts_for_years_pension\": true},"
    " \"years_pension\": [{\"from_year\": 1, \"per_year\": \"2\"}],"
    " \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [],"
    "   \"assumed_future_rate\": \"0.015\", \"after_claim\": false},"
    " \"funeral_grant_months\": 20}}";

static shebao_comparison *compare(const shebao_policy *pol, const shebao_person *pe, int start,
                                  const shebao_fen *grades, size_t ng, const int *years, size_t ny)
{
    shebao_compare_options opt = tu_compare_options(start, grades, ng, years, ny);
    shebao_comparison *c = NULL;
    int rc = shebao_compare(ctx, pol, pe, &opt, &c);
    if (rc != SHEBAO_OK)
        fail_msg("compare: %s", shebao_ctx_errmsg(ctx));
    return c;
}

static shebao_person person(int by, int bm, shebao_sex sex, shebao_mortality m)
{
    shebao_person pe = tu_person(by, bm, NULL, 0);
    pe.sex = sex;
    pe.mortality = m;
    return pe;
}

/* ---- every cell is shebao_project() ----------------------------------------------------------------------- */

static void same_str(const char *a, const char *b, const char *what)
{
    if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
        fail_msg("%s: '%s' vs '%s'", what, a ? a : "(null)", b ? b : "(null)");
}

/* Cell (i, j) of c against an independent shebao_project() of the same plan: every getter, the whole JSON, and
 * the cell's members in shebao_comparison_to_json() against the projection's claim and lifetime objects. */
static void check_cell(const shebao_policy *pol, const shebao_person *base, const shebao_comparison *c, size_t i,
                       size_t j, json_t *cells_json)
{
    int start = shebao_comparison_start_year(c), years = shebao_comparison_years(c, j);
    shebao_fen grade = shebao_comparison_grade(c, i);
    shebao_segment seg = {start, start + years - 1, grade};
    shebao_person pe = *base;
    pe.plan = &seg;
    pe.plan_count = 1;
    shebao_projection *want = NULL;
    assert_int_equal(shebao_project(ctx, pol, &pe, &want), SHEBAO_OK);
    const shebao_projection *got = shebao_comparison_projection(c, i, j);
    assert_non_null(got);
    assert_int_equal(shebao_projection_eligible(got), shebao_projection_eligible(want));
    assert_int_equal(shebao_projection_years_paid(got), shebao_projection_years_paid(want));
    assert_int_equal(shebao_projection_years_missing(got), shebao_projection_years_missing(want));
    same_str(shebao_projection_claim_month(got), shebao_projection_claim_month(want), "claim month");
    for (int w = SHEBAO_FIG_BALANCE; w <= SHEBAO_FIG_INHERITABLE; w++) {
        shebao_fen a = -1, b = -1;
        int ra = shebao_projection_figure(got, (shebao_figure)w, &a), rb = shebao_projection_figure(want, (shebao_figure)w, &b);
        assert_int_equal(ra, rb);
        if (ra == SHEBAO_OK && a != b)
            fail_msg("cell %zu,%zu figure %d: %lld vs %lld fen", i, j, w, (long long)a, (long long)b);
    }
    int ma = 0, mb = 0;
    char da[8] = "", db[8] = "";
    assert_int_equal(shebao_projection_breakeven(got, &ma, da, sizeof da),
                     shebao_projection_breakeven(want, &mb, db, sizeof db));
    assert_int_equal(ma, mb);
    same_str(da, db, "break-even month");
    same_str(shebao_projection_moneys_worth(got), shebao_projection_moneys_worth(want), "money's worth");
    same_str(shebao_projection_irr(got), shebao_projection_irr(want), "IRR");
    assert_int_equal(shebao_projection_ledger_count(got), shebao_projection_ledger_count(want));
    for (size_t r = 0; r < shebao_projection_ledger_count(got); r++) {
        shebao_ledger_row x, y;
        shebao_projection_ledger_row(got, r, &x);
        shebao_projection_ledger_row(want, r, &y);
        assert_true(x.year == y.year && x.grade == y.grade && x.personal == y.personal && x.subsidy == y.subsidy &&
                    x.collective == y.collective && x.interest == y.interest && x.backpay == y.backpay &&
                    x.balance == y.balance);
        same_str(x.rate, y.rate, "rate");
    }
    char *ja = NULL, *jb = NULL;
    assert_int_equal(shebao_projection_to_json(got, &ja), SHEBAO_OK);
    assert_int_equal(shebao_projection_to_json(want, &jb), SHEBAO_OK);
    same_str(ja, jb, "projection JSON");
    /* the cell of shebao_comparison_to_json(): grade, years, and every member of claim and lifetime */
    json_t *pj = json_loads(jb, 0, NULL);
    assert_non_null(pj);
    json_t *cell = json_array_get(cells_json, i * shebao_comparison_years_count(c) + j);
    assert_non_null(cell);
    char g[SHEBAO_MONEY_BUFSZ];
    assert_string_equal(json_string_value(json_object_get(cell, "grade")), fen_str(grade, g));
    assert_int_equal(json_integer_value(json_object_get(cell, "years")), years);
    assert_true(json_equal(json_object_get(cell, "eligible"), json_object_get(pj, "eligible")));
    assert_true(json_equal(json_object_get(cell, "personal_total"), json_object_get(pj, "personal_total")));
    const char *obj[] = {"claim", "lifetime"};
    for (size_t k = 0; k < 2; k++) {
        json_t *o = json_object_get(pj, obj[k]);
        const char *key;
        json_t *v;
        json_object_foreach(o, key, v)
        {
            if (!json_equal(json_object_get(cell, key), v))
                fail_msg("cell %zu,%zu: %s.%s differs from shebao project", i, j, obj[k], key);
        }
    }
    json_decref(pj);
    shebao_free(ja);
    shebao_free(jb);
    shebao_projection_free(want);
}

static void check_grid(const shebao_policy *pol, const shebao_person *pe, const shebao_comparison *c)
{
    char *text = NULL;
    assert_int_equal(shebao_comparison_to_json(c, &text), SHEBAO_OK);
    json_t *root = json_loads(text, 0, NULL);
    assert_non_null(root);
    json_t *cells = json_object_get(root, "cells");
    assert_int_equal(json_array_size(cells), shebao_comparison_grade_count(c) * shebao_comparison_years_count(c));
    for (size_t i = 0; i < shebao_comparison_grade_count(c); i++)
        for (size_t j = 0; j < shebao_comparison_years_count(c); j++)
            check_cell(pol, pe, c, i, j, cells);
    json_decref(root);
    shebao_free(text);
}

/* `shebao compare --birth 1980-05 --start 2025` on the embedded policy: every cell equals shebao_project(). */
static void test_done_when_zhejiang(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    shebao_person pe = person(1980, 5, SHEBAO_SEX_MALE, SHEBAO_MORTALITY_CL2010_2013_PENSION);
    shebao_comparison *c = compare(pol, &pe, 2025, NULL, 0, NULL, 0);
    /* claim 1980-05 + 60 years + 1 month = 2040-06; 2025..2040 is 16 years: lengths 15 and 16 */
    assert_string_equal(shebao_comparison_claim_month(c), "2040-06");
    assert_int_equal(shebao_comparison_max_years(c), 16);
    assert_int_equal(shebao_comparison_years_count(c), 2);
    assert_true(shebao_comparison_grade_count(c) >= 2);
    check_grid(pol, &pe, c);
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

/* A wider grid: a woman, a non-default discount, a collective subsidy, the Zhejiang 2024 table change, a length
 * that is not eligible (5 years) and explicit grades, on the embedded policy and on policy B. */
static void test_grid_identical(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    shebao_person pe = person(1975, 3, SHEBAO_SEX_FEMALE, SHEBAO_MORTALITY_CL2010_2013_PENSION);
    pe.discount = "0.03";
    pe.collective = 5000; /* 50.00 a year */
    static const int years[] = {16, 5, 15};
    shebao_comparison *c = compare(pol, &pe, 2020, NULL, 0, years, 3);
    assert_int_equal(shebao_comparison_years(c, 0), 5); /* sorted */
    check_grid(pol, &pe, c);
    shebao_comparison_free(c);
    shebao_policy_free(pol);

    pol = tu_policy(policy_b, "test.json");
    shebao_person pb = person(1970, 1, SHEBAO_SEX_MALE, SHEBAO_MORTALITY_CL2010_2013_PENSION);
    static const shebao_fen grades[] = {50000, 30000, 30000}; /* 500, 300 and a duplicate */
    c = compare(pol, &pb, 2015, grades, 3, NULL, 0);
    assert_int_equal(shebao_comparison_grade_count(c), 2);
    assert_int_equal(shebao_comparison_grade(c, 0), 30000);
    check_grid(pol, &pb, c);
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

/* ---- defaults ---------------------------------------------------------------------------------------------- */

static void expect_years_born(const shebao_policy *pol, int by, int bm, int start, const int *want, size_t n)
{
    shebao_person pe = person(by, bm, SHEBAO_SEX_MALE, SHEBAO_MORTALITY_NONE);
    shebao_comparison *c = compare(pol, &pe, start, NULL, 0, NULL, 0);
    assert_int_equal(shebao_comparison_years_count(c), n);
    for (size_t j = 0; j < n; j++)
        assert_int_equal(shebao_comparison_years(c, j), want[j]);
    shebao_comparison_free(c);
}

static void expect_years(const shebao_policy *pol, int by, int start, const int *want, size_t n)
{
    expect_years_born(pol, by, 1, start, want, n);
}

static void test_default_years(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_a, "test.json");
    /* born 1970-01: claim 2030-02, claim year 2030. From 2000: 2030 − 2000 + 1 = 31 years possible →
     * 15, 20, 25, 30 (below 31) and 31. */
    static const int y31[] = {15, 20, 25, 30, 31};
    expect_years(pol, 1970, 2000, y31, 5);
    /* from 2010: 21 years → 15, 20, 21 */
    static const int y21[] = {15, 20, 21};
    expect_years(pol, 1970, 2010, y21, 3);
    /* from 2011: 20 years → 15, 20 (20 is the maximum, listed once) */
    static const int y20[] = {15, 20};
    expect_years(pol, 1970, 2011, y20, 2);
    /* from 2016: exactly 15 → 15 */
    static const int y15[] = {15};
    expect_years(pol, 1970, 2016, y15, 1);
    /* from 2025: 6 years, fewer than 15 → 6 alone (not eligible, but compared) */
    static const int y6[] = {6};
    expect_years(pol, 1970, 2025, y6, 1);
    /* the claim year itself may be paid: from 2030, 1 year */
    static const int y1[] = {1};
    expect_years(pol, 1970, 2030, y1, 1);
    /* born 1970-12 (a late starter's December birthday): claim 1970-12 + 60 years + 1 month = 2031-01, but the last
     * payable year is 1970 + claim_age 60 = 2030, not the claim year 2031. From 2000: 2030 − 2000 + 1 = 31 years
     * (not 32) → 15, 20, 25, 30, 31; from 2017: 14 years → 14 alone; from 2030: 1 year. */
    expect_years_born(pol, 1970, 12, 2000, y31, 5);
    static const int y14[] = {14};
    expect_years_born(pol, 1970, 12, 2017, y14, 1);
    expect_years_born(pol, 1970, 12, 2030, y1, 1);
    /* born 1970-11: claim 2030-12, the claim year is the last payable year 2030: from 2030, 1 year */
    expect_years_born(pol, 1970, 11, 2030, y1, 1);
    shebao_policy_free(pol);
    /* the limit follows the policy's claim_age: policy A with claim_age 55. Born 1970-12: claim 1970-12 + 55 years
     * + 1 month = 2026-01, last payable year 1970 + 55 = 2025. From 2010: 2025 − 2010 + 1 = 16 years → 15, 16. */
    char *a55 = strdup(policy_a), *at = strstr(a55, "\"claim_age\": 60");
    assert_non_null(at);
    memcpy(at + strlen("\"claim_age\": "), "55", 2);
    pol = tu_policy(a55, "test.json");
    free(a55);
    static const int y16[] = {15, 16};
    expect_years_born(pol, 1970, 12, 2010, y16, 2);
    shebao_policy_free(pol);
}

/* ---- grade-table change ------------------------------------------------------------------------------------ */

static void test_grade_table_change(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_b, "test.json");
    shebao_person pe = person(1970, 1, SHEBAO_SEX_MALE, SHEBAO_MORTALITY_NONE);
    /* from 2015, claim 2030-02: 16 years, lengths 15 and 16; the longest plan is 2015–2030, under the 1990-01
     * table for 2015–2023 and the 2024-01 table for 2024–2030. Valid and normal in both: 300 and 500. */
    shebao_comparison *c = compare(pol, &pe, 2015, NULL, 0, NULL, 0);
    assert_int_equal(shebao_comparison_grade_count(c), 2);
    assert_int_equal(shebao_comparison_grade(c, 0), 30000);
    assert_int_equal(shebao_comparison_grade(c, 1), 50000);
    /* left out, ascending: 100 (not in the 2024 table), 200 (代缴 in 2024), 1000 (not in the 1990 table) */
    assert_int_equal(shebao_comparison_excluded_count(c), 3);
    shebao_compare_excluded x;
    assert_int_equal(shebao_comparison_excluded(c, 0, &x), SHEBAO_OK);
    assert_int_equal(x.grade, 10000);
    assert_false(x.daijiao);
    assert_string_equal(x.table_from, "2024-01");
    assert_int_equal(x.first_year, 2024);
    assert_int_equal(x.last_year, 2030);
    assert_non_null(strstr(x.reason, "100.00 is not in the grade table in force from 2024-01 (plan years 2024-2030)"));
    assert_int_equal(shebao_comparison_excluded(c, 1, &x), SHEBAO_OK);
    assert_int_equal(x.grade, 20000);
    assert_true(x.daijiao);
    assert_string_equal(x.table_from, "2024-01");
    assert_non_null(strstr(x.reason, "代缴"));
    assert_int_equal(shebao_comparison_excluded(c, 2, &x), SHEBAO_OK);
    assert_int_equal(x.grade, 100000);
    assert_false(x.daijiao);
    assert_string_equal(x.table_from, "1990-01");
    assert_int_equal(x.first_year, 2015);
    assert_int_equal(x.last_year, 2023);
    assert_int_equal(shebao_comparison_excluded(c, 3, &x), SHEBAO_EUSAGE);
    shebao_comparison_free(c);

    /* lengths 1–9 stay in 2015–2023: all four grades of the old table, nothing left out */
    static const int nine[] = {9};
    c = compare(pol, &pe, 2015, NULL, 0, nine, 1);
    assert_int_equal(shebao_comparison_grade_count(c), 4);
    assert_int_equal(shebao_comparison_excluded_count(c), 0);
    /* one year longer reaches 2024: 100 is not in that table and 200 is 代缴 there, so only 300 and 500 get a
     * year marginal; the grade marginals are 100→200, 200→300, 300→500 */
    assert_int_equal(shebao_comparison_marginal_count(c), 3 + 2);
    shebao_compare_delta d;
    assert_int_equal(shebao_comparison_marginal(c, 3, &d), SHEBAO_OK);
    assert_int_equal(d.kind, SHEBAO_DELTA_YEAR);
    assert_int_equal(d.from_grade, 30000);
    assert_int_equal(d.to_years, 10);
    shebao_comparison_free(c);

    /* an explicit grade must be valid in every year */
    shebao_compare_options opt = SHEBAO_COMPARE_OPTIONS_INIT;
    opt.start_year = 2015;
    static const shebao_fen bad[] = {30000, 100000};
    opt.grades = bad;
    opt.grade_count = 2;
    assert_int_equal(shebao_compare(ctx, pol, &pe, &opt, &c), SHEBAO_EINPUT);
    assert_null(c);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "grade 1000.00 is not in the grade table in force from 1990-01 "
                                                     "(plan years 2015-2023)"));
    /* an explicit 代缴 grade valid in every year is compared (the caller chose it) */
    static const shebao_fen dj[] = {20000};
    opt.grades = dj;
    opt.grade_count = 1;
    assert_int_equal(shebao_compare(ctx, pol, &pe, &opt, &c), SHEBAO_OK);
    assert_int_equal(shebao_comparison_grade(c, 0), 20000);
    /* one grade only: no summary */
    assert_int_equal(shebao_comparison_summary(c, 0, &d), SHEBAO_NA);
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

/* ---- marginal and summary by hand -------------------------------------------------------------------------- */

/* Policy A, born 1970-01 (claim 2030-02), from 2012, lengths 15 and 16, no interest:
 *   balance = N × (grade + subsidy); account = fen_half_up(balance / 139);
 *   years pension = 2 × min(N, 15) + 5 × max(0, N − 15); total = 200 + years pension + account.
 *   g 1000 (s 100): N 15: 16500/139 = 118.705… → 118.71, + 30 + 200 = 348.71; paid 15000
 *                   N 16: 17600/139 = 126.618… → 126.62, + 35 + 200 = 361.62; paid 16000
 *                   N 17: 18700/139 = 134.532… → 134.53, + 40 + 200 = 374.53; paid 17000
 *   g 2000 (s 200): N 15: 33000/139 = 237.410… → 237.41 → 467.41; paid 30000
 *                   N 16: 35200/139 = 253.237… → 253.24 → 488.24; paid 32000
 *                   N 17: 37400/139 = 269.064… → 269.06 → 509.06; paid 34000
 *   g 4000 (s 200): N 15: 63000/139 = 453.237… → 453.24 → 683.24; paid 60000
 *                   N 16: 67200/139 = 483.453… → 483.45 → 718.45; paid 64000
 *                   N 17: 71400/139 = 513.669… → 513.67 → 753.67; paid 68000
 * recoup = smallest m with m × extra monthly ≥ extra paid = ceil(extra paid / extra monthly). */
static void expect_delta(const shebao_compare_delta *d, shebao_delta_kind kind, shebao_fen fg, int fy, shebao_fen tg,
                         int ty, const char *per_year, const char *paid, const char *monthly, int recoup)
{
    assert_int_equal(d->kind, kind);
    assert_int_equal(d->from_grade, fg);
    assert_int_equal(d->from_years, fy);
    assert_int_equal(d->to_grade, tg);
    assert_int_equal(d->to_years, ty);
    assert_fen(d->extra_per_year, per_year);
    assert_fen(d->extra_paid, paid);
    assert_true(d->available);
    assert_fen(d->extra_monthly, monthly);
    assert_true(d->has_recoup);
    assert_int_equal(d->recoup_months, recoup);
}

/* One expected delta, the arguments of expect_delta as a row of a table. */
typedef struct delta_want {
    shebao_delta_kind kind;
    shebao_fen fg;
    int fy;
    shebao_fen tg;
    int ty;
    const char *per_year, *paid, *monthly;
    int recoup;
} delta_want;

static void expect_delta_want(const shebao_compare_delta *d, const delta_want *w)
{
    expect_delta(d, w->kind, w->fg, w->fy, w->tg, w->ty, w->per_year, w->paid, w->monthly, w->recoup);
}

static void test_marginal_by_hand(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_a, "test.json");
    shebao_person pe = person(1970, 1, SHEBAO_SEX_MALE, SHEBAO_MORTALITY_NONE);
    static const int years[] = {15, 16};
    shebao_comparison *c = compare(pol, &pe, 2012, NULL, 0, years, 2);
    assert_int_equal(shebao_comparison_max_years(c), 19); /* 2030 − 2012 + 1 */
    assert_int_equal(shebao_comparison_grade_count(c), 3);

    /* cell (1000, 15): total 348.71, account 118.71, paid 15000; break-even ceil(15000 / 348.71) = ceil(43.02) =
     * 44 payments, the 44th in 2030-02 + 43 months = 2033-09, at age 2033-09 − 1970-01 = 63 years 8 months;
     * per 10000 paid: 348.71 × 10000 / 15000 = 232.4733… → 232.47 */
    shebao_compare_cell f;
    assert_int_equal(shebao_comparison_cell(c, 0, 0, &f), SHEBAO_OK);
    assert_true(f.eligible);
    assert_fen(f.monthly_total, "348.71");
    assert_fen(f.account_pension, "118.71");
    assert_fen(f.personal_total, "15000.00");
    assert_true(f.has_breakeven);
    assert_int_equal(f.breakeven_months, 44);
    assert_string_equal(f.breakeven_month, "2033-09");
    assert_int_equal(f.breakeven_age_years, 63);
    assert_int_equal(f.breakeven_age_months, 8);
    assert_true(f.has_per_10000);
    assert_fen(f.per_10000, "232.47");
    assert_false(f.has_epv); /* no life table */
    assert_null(f.moneys_worth);
    assert_null(f.irr);
    /* cell (4000, 16): 718.45; per 10000: 718.45 × 10000 / 64000 = 112.2578… → 112.26 */
    assert_int_equal(shebao_comparison_cell(c, 2, 1, &f), SHEBAO_OK);
    assert_fen(f.monthly_total, "718.45");
    assert_fen(f.per_10000, "112.26");
    assert_int_equal(shebao_comparison_cell(c, 3, 0, &f), SHEBAO_EUSAGE);

    /* grade marginals, 15 years then 16; year marginals per grade, 15→16 then 16→17 (17 ≤ 19 is projected too) */
    assert_int_equal(shebao_comparison_marginal_count(c), 2 * 2 + 3 * 2);
    /* the marginals in order, each worked out by hand (kind, from grade and years, to grade and years, extra per
     * year, extra paid, extra monthly, recoup months) */
    static const delta_want marginals[] = {
        /* 15 y, 1000→2000: paid (2000 − 1000) × 15 = 15000; monthly 467.41 − 348.71 = 118.70; 15000/118.70 =
         * 126.37 → 127 */
        {SHEBAO_DELTA_GRADE, 100000, 15, 200000, 15, "1000.00", "15000.00", "118.70", 127},
        /* 15 y, 2000→4000: paid 30000; monthly 683.24 − 467.41 = 215.83; 30000/215.83 = 138.99 → 139 */
        {SHEBAO_DELTA_GRADE, 200000, 15, 400000, 15, "2000.00", "30000.00", "215.83", 139},
        /* 16 y, 1000→2000: paid 16000; monthly 488.24 − 361.62 = 126.62; 16000/126.62 = 126.36 → 127 */
        {SHEBAO_DELTA_GRADE, 100000, 16, 200000, 16, "1000.00", "16000.00", "126.62", 127},
        /* 16 y, 2000→4000: paid 32000; monthly 718.45 − 488.24 = 230.21; 139 × 230.21 = 31999.19 < 32000, so 140 */
        {SHEBAO_DELTA_GRADE, 200000, 16, 400000, 16, "2000.00", "32000.00", "230.21", 140},
        /* 1000, 15→16: paid 1000; monthly 361.62 − 348.71 = 12.91; 1000/12.91 = 77.46 → 78 */
        {SHEBAO_DELTA_YEAR, 100000, 15, 100000, 16, "1000.00", "1000.00", "12.91", 78},
        /* 1000, 16→17: monthly 374.53 − 361.62 = 12.91 → 78 */
        {SHEBAO_DELTA_YEAR, 100000, 16, 100000, 17, "1000.00", "1000.00", "12.91", 78},
        /* 2000, 15→16: monthly 488.24 − 467.41 = 20.83; 2000/20.83 = 96.02 → 97 */
        {SHEBAO_DELTA_YEAR, 200000, 15, 200000, 16, "2000.00", "2000.00", "20.83", 97},
        /* 2000, 16→17: monthly 509.06 − 488.24 = 20.82; 2000/20.82 = 96.06 → 97 */
        {SHEBAO_DELTA_YEAR, 200000, 16, 200000, 17, "2000.00", "2000.00", "20.82", 97},
        /* 4000, 15→16: monthly 718.45 − 683.24 = 35.21; 4000/35.21 = 113.6 → 114 */
        {SHEBAO_DELTA_YEAR, 400000, 15, 400000, 16, "4000.00", "4000.00", "35.21", 114},
        /* 4000, 16→17: monthly 753.67 − 718.45 = 35.22; 4000/35.22 = 113.57 → 114 */
        {SHEBAO_DELTA_YEAR, 400000, 16, 400000, 17, "4000.00", "4000.00", "35.22", 114},
    };
    shebao_compare_delta d;
    for (size_t i = 0; i < sizeof marginals / sizeof marginals[0]; i++) {
        assert_int_equal(shebao_comparison_marginal(c, i, &d), SHEBAO_OK);
        expect_delta_want(&d, &marginals[i]);
    }
    assert_int_equal(shebao_comparison_marginal(c, 10, &d), SHEBAO_EUSAGE);

    /* lowest vs highest at 15 years: paid 60000 − 15000 = 45000; monthly 683.24 − 348.71 = 334.53;
     * 45000/334.53 = 134.52 → 135 */
    assert_int_equal(shebao_comparison_summary(c, 0, &d), SHEBAO_OK);
    expect_delta(&d, SHEBAO_DELTA_GRADE, 100000, 15, 400000, 15, "3000.00", "45000.00", "334.53", 135);
    /* at 16 years: paid 64000 − 16000 = 48000; monthly 718.45 − 361.62 = 356.83; 48000/356.83 = 134.52 → 135 */
    assert_int_equal(shebao_comparison_summary(c, 1, &d), SHEBAO_OK);
    expect_delta(&d, SHEBAO_DELTA_GRADE, 100000, 16, 400000, 16, "3000.00", "48000.00", "356.83", 135);
    assert_false(d.has_epv);
    assert_int_equal(shebao_comparison_summary(c, 2, &d), SHEBAO_EUSAGE);

    /* the JSON carries the same: the summary is the one at the longest length */
    char *text = NULL;
    assert_int_equal(shebao_comparison_to_json(c, &text), SHEBAO_OK);
    json_t *root = json_loads(text, 0, NULL);
    json_t *s = json_object_get(root, "summary");
    assert_string_equal(json_string_value(json_object_get(s, "extra_paid")), "48000.00");
    assert_string_equal(json_string_value(json_object_get(s, "extra_monthly")), "356.83");
    assert_int_equal(json_integer_value(json_object_get(s, "recoup_months")), 135);
    assert_int_equal(json_array_size(json_object_get(root, "marginal")), 10);
    json_t *cell0 = json_array_get(json_object_get(root, "cells"), 0);
    assert_string_equal(json_string_value(json_object_get(cell0, "pension_per_10000_paid")), "232.47");
    assert_int_equal(json_integer_value(json_object_get(cell0, "breakeven_age_years")), 63);
    assert_true(json_array_size(json_object_get(root, "assumptions")) > 0); /* policy A's values are unsourced */
    json_decref(root);
    shebao_free(text);
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

/* With a life table: the EPV difference is the difference of the cells' EPVs, and each EPV (no supplements in
 * policy A) is the life annuity of the monthly total at the claim age: 60 years 1 month = 721 months. */
static void test_epv_difference(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_a, "test.json");
    shebao_person pe = person(1970, 1, SHEBAO_SEX_FEMALE, SHEBAO_MORTALITY_CL2010_2013_PENSION);
    static const int years[] = {15};
    shebao_comparison *c = compare(pol, &pe, 2012, NULL, 0, years, 1);
    shebao_fen epv[3];
    for (size_t i = 0; i < 3; i++) {
        shebao_compare_cell f;
        shebao_comparison_cell(c, i, 0, &f);
        assert_true(f.has_epv);
        assert_non_null(f.moneys_worth);
        assert_non_null(f.irr);
        assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_FEMALE, 721,
                                            f.monthly_total, "0.025", &epv[i]),
                         SHEBAO_OK);
        assert_int_equal(f.epv_benefits, epv[i]);
    }
    shebao_compare_delta d;
    shebao_comparison_marginal(c, 0, &d);
    assert_true(d.has_epv);
    assert_int_equal(d.epv_difference, epv[1] - epv[0]);
    shebao_comparison_summary(c, 0, &d);
    assert_int_equal(d.epv_difference, epv[2] - epv[0]);
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

/* ---- errors ------------------------------------------------------------------------------------------------ */

static void expect_error(const shebao_policy *pol, const shebao_person *pe, const shebao_compare_options *opt, int code,
                         const char *msg)
{
    shebao_comparison *c = (shebao_comparison *)1;
    assert_int_equal(shebao_compare(ctx, pol, pe, opt, &c), code);
    assert_null(c);
    if (msg && !strstr(shebao_ctx_errmsg(ctx), msg))
        fail_msg("message '%s' lacks '%s'", shebao_ctx_errmsg(ctx), msg);
}

static void test_errors(void **state)
{
    (void)state;
    shebao_policy *pol = tu_policy(policy_a, "test.json");
    shebao_person pe = person(1970, 1, SHEBAO_SEX_MALE, SHEBAO_MORTALITY_NONE);
    shebao_compare_options opt = SHEBAO_COMPARE_OPTIONS_INIT;
    opt.start_year = 2012;
    /* born 1970: 16 in 1986 */
    opt.start_year = 1985;
    expect_error(pol, &pe, &opt, SHEBAO_EINPUT, "start 1985: before the person turns 16");
    opt.start_year = 2031;
    /* born 1970-01, claim_age 60: last payable year 1970 + 60 = 2030, pension from 2030-02 */
    expect_error(pol, &pe, &opt, SHEBAO_EINPUT, "start 2031: after the last payable year 2030 (born 1970-01; "
                                                "claim_age 60; pension from 2030-02)");
    opt.start_year = 2012;
    static const int too_long[] = {20};
    opt.years = too_long;
    opt.years_count = 1;
    /* 2012..2030 is 2030 − 2012 + 1 = 19 years */
    expect_error(pol, &pe, &opt, SHEBAO_EINPUT, "years 20: from 2012 at most 19 year(s) can be paid (years 2012-2030; "
                                                "the last payable year is 2030; pension from 2030-02)");
    /* born 1970-12: claim 2031-01, yet the last payable year is 1970 + 60 = 2030. Starting in the claim year 2031
     * is refused; from 2012 at most 2030 − 2012 + 1 = 19 years, as for a January birthday. */
    shebao_person dec = person(1970, 12, SHEBAO_SEX_MALE, SHEBAO_MORTALITY_NONE);
    opt.start_year = 2031;
    opt.years = NULL;
    opt.years_count = 0;
    expect_error(pol, &dec, &opt, SHEBAO_EINPUT, "start 2031: after the last payable year 2030 (born 1970-12; "
                                                 "claim_age 60; pension from 2031-01)");
    opt.start_year = 2012;
    opt.years = too_long;
    opt.years_count = 1;
    expect_error(pol, &dec, &opt, SHEBAO_EINPUT, "years 20: from 2012 at most 19 year(s) can be paid (years "
                                                 "2012-2030; the last payable year is 2030; pension from "
                                                 "2031-01)");
    static const int zero[] = {0};
    opt.years = zero;
    expect_error(pol, &pe, &opt, SHEBAO_EINPUT, "years 0");
    opt.years = NULL;
    opt.years_count = 0;
    static const shebao_fen odd[] = {150000};
    opt.grades = odd;
    opt.grade_count = 1;
    expect_error(pol, &pe, &opt, SHEBAO_EINPUT, "grade 1500.00 is not in the grade table");
    opt.grades = NULL;
    opt.grade_count = 1;
    expect_error(pol, &pe, &opt, SHEBAO_EUSAGE, "NULL grades");
    opt.grade_count = 0;
    shebao_segment seg = {2012, 2026, 100000};
    shebao_person planned = pe;
    planned.plan = &seg;
    planned.plan_count = 1;
    expect_error(pol, &planned, &opt, SHEBAO_EINPUT, "plan must be empty");
    shebao_person bad = pe;
    bad.birth_month = 13;
    expect_error(pol, &bad, &opt, SHEBAO_EINPUT, "birth 1970-13");
    shebao_compare_options old = opt;
    old.version = 99;
    expect_error(pol, &pe, &old, SHEBAO_EUSAGE, "options.version");
    expect_error(NULL, &pe, &opt, SHEBAO_EUSAGE, NULL);
    expect_error(pol, NULL, &opt, SHEBAO_EUSAGE, NULL);
    expect_error(pol, &pe, NULL, SHEBAO_EUSAGE, NULL);
    assert_int_equal(shebao_compare(ctx, pol, &pe, &opt, NULL), SHEBAO_EUSAGE);
    /* a discount the engine refuses is passed on from the first cell */
    shebao_person disc = pe;
    disc.discount = "abc";
    expect_error(pol, &disc, &opt, SHEBAO_EINPUT, "discount rate 'abc'");
    /* NULL-safe getters */
    shebao_comparison_free(NULL);
    assert_int_equal(shebao_comparison_grade_count(NULL), 0);
    assert_int_equal(shebao_comparison_grade(NULL, 0), -1);
    assert_null(shebao_comparison_projection(NULL, 0, 0));
    assert_null(shebao_projection_moneys_worth(NULL));
    assert_null(shebao_projection_irr(NULL));
    char *text = NULL;
    assert_int_equal(shebao_comparison_to_json(NULL, &text), SHEBAO_EUSAGE);
    shebao_policy_free(pol);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_done_when_zhejiang), cmocka_unit_test(test_grid_identical),
        cmocka_unit_test(test_default_years),      cmocka_unit_test(test_grade_table_change),
        cmocka_unit_test(test_marginal_by_hand),   cmocka_unit_test(test_epv_difference),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
