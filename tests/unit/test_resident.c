/* Resident pension engine: official worked examples and hand-computed ledgers.
 * Every expected figure is either from a cited example or worked out by hand in the comment beside it. */
#include <stdlib.h>

#include "testutil.h"

/* A standalone test policy. grades: the inside of a table array; bands: the inside of years_pension. */
typedef struct tp {
    const char *base;       /* base pension from 1990-01 */
    const char *grades;     /* e.g. {"grade":"100","subsidy":"30"} */
    const char *bands;      /* e.g. {"from_year":1,"per_year":"0"}; NULL: none */
    const char *method;     /* year_end (NULL) | year_start | monthly */
    int deposit_month;      /* monthly only */
    const char *rounding;   /* NULL: fen_half_up */
    const char *rate;       /* assumed_future_rate (no listed rates) */
    const char *backpay_max;
    const char *scheme_start;
} tp;

static shebao_policy *make_policy(const tp *t)
{
    char dm[40] = "";
    if (t->deposit_month)
        snprintf(dm, sizeof dm, "\"deposit_month\": %d, ", t->deposit_month);
    char *json = NULL;
    size_t size = 4096;
    json = malloc(size);
    snprintf(json, size,
             "{\"schema\": \"shebao-policy/1\", \"id\": \"test\", \"name\": \"test\", \"sources\": {},"
             " \"resident_pension\": {\"scheme_start\": \"%s\", \"claim_age\": 60,"
             " \"benefit_start_offset_months\": 1, \"min_years\": 15, \"account_divisor\": \"139\","
             " \"base_pension\": [{\"from\": \"1990-01\", \"value\": \"%s\"}],"
             " \"grades\": [{\"from\": \"1990-01\", \"table\": [%s]}],"
             " \"backpay\": {\"max_grade\": \"%s\", \"subsidised\": false, \"counts_for_years_pension\": true},"
             " \"years_pension\": [%s],"
             " \"interest\": {\"method\": \"%s\", %s\"rounding\": \"%s\", \"rates\": [],"
             " \"assumed_future_rate\": \"%s\", \"after_claim\": false},"
             " \"funeral_grant_months\": 20}}",
             t->scheme_start ? t->scheme_start : "1990-01", t->base, t->grades,
             t->backpay_max ? t->backpay_max : "5000", t->bands ? t->bands : "", t->method ? t->method : "year_end", dm,
             t->rounding ? t->rounding : "fen_half_up", t->rate);
    shebao_policy *p = tu_policy(json, "test.json");
    free(json);
    return p;
}

static shebao_projection *project(const shebao_policy *pol, int by, int bm, const char *plan, int bp_years,
                                  shebao_fen bp_grade)
{
    shebao_person pe = tu_person(by, bm, NULL, 0);
    shebao_segment *seg = NULL;
    size_t n = 0;
    if (plan && shebao_plan_parse(ctx, plan, &seg, &n) != SHEBAO_OK)
        fail_msg("plan %s: %s", plan, shebao_ctx_errmsg(ctx));
    pe.plan = seg;
    pe.plan_count = n;
    pe.backpay_years = bp_years;
    pe.backpay_grade = bp_grade;
    pe.mortality = SHEBAO_MORTALITY_NONE;
    shebao_projection *p = NULL;
    int rc = shebao_project(ctx, pol, &pe, &p);
    shebao_free(seg);
    if (rc != SHEBAO_OK)
        fail_msg("project: %s", shebao_ctx_errmsg(ctx));
    return p;
}

static void expect_fig(const shebao_projection *p, shebao_figure w, const char *want)
{
    shebao_fen f;
    char buf[SHEBAO_MONEY_BUFSZ];
    assert_int_equal(shebao_projection_figure(p, w, &f), SHEBAO_OK);
    if (strcmp(fen_str(f, buf), want) != 0)
        fail_msg("figure %d = %s, want %s", (int)w, buf, want);
}

/* One person of a worked example and what was worked out for them by hand: born by-bm, paying plan (NULL: none),
 * back-paying bp_years at bp_grade fen; eligible, the claim month (NULL: not checked), the years paid (0: not
 * checked) and the figures (up to the first NULL want). */
typedef struct worked {
    int by, bm;
    const char *plan;
    int bp_years;
    shebao_fen bp_grade;
    const char *claim;
    int years_paid;
    struct {
        shebao_figure fig;
        const char *want;
    } figs[6];
} worked;

/* Projects the person of w under pol and checks it; returns the projection (the caller frees it). */
static shebao_projection *expect_worked(const shebao_policy *pol, const worked *w)
{
    shebao_projection *p = project(pol, w->by, w->bm, w->plan, w->bp_years, w->bp_grade);
    assert_true(shebao_projection_eligible(p));
    if (w->claim)
        assert_string_equal(shebao_projection_claim_month(p), w->claim);
    if (w->years_paid)
        assert_int_equal(shebao_projection_years_paid(p), w->years_paid);
    for (size_t i = 0; i < sizeof w->figs / sizeof w->figs[0] && w->figs[i].want; i++)
        expect_fig(p, w->figs[i].fig, w->figs[i].want);
    return p;
}

/* expect_worked for each of the n people of w, freeing each projection. */
static void expect_all_worked(const shebao_policy *pol, const worked *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        shebao_projection_free(expect_worked(pol, &w[i]));
}

/* 梅州 official table (docs/sources.md#meizhou-table): 15 years, no interest, no subsidy, base 170, account = 15·g/139
 * rounded half-up to the fen; all 8 rows. */
static void test_meizhou_table(void **state)
{
    (void)state;
    static const struct {
        const char *grade, *account, *total;
    } rows[] = {{"180", "19.42", "189.42"},   {"240", "25.90", "195.90"},   {"360", "38.85", "208.85"},
                {"600", "64.75", "234.75"},   {"900", "97.12", "267.12"},   {"1800", "194.24", "364.24"},
                {"3600", "388.49", "558.49"}, {"4800", "517.99", "687.99"}};
    tp t = {.base = "170",
            .grades = "{\"grade\":\"180\",\"subsidy\":\"0\"},{\"grade\":\"240\",\"subsidy\":\"0\"},"
                      "{\"grade\":\"360\",\"subsidy\":\"0\"},{\"grade\":\"600\",\"subsidy\":\"0\"},"
                      "{\"grade\":\"900\",\"subsidy\":\"0\"},{\"grade\":\"1800\",\"subsidy\":\"0\"},"
                      "{\"grade\":\"3600\",\"subsidy\":\"0\"},{\"grade\":\"4800\",\"subsidy\":\"0\"}",
            .rate = "0"};
    shebao_policy *pol = make_policy(&t);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char plan[40];
        snprintf(plan, sizeof plan, "2005-2019:%s", rows[i].grade); /* 15 years; born 1960-01, claim 2020-02 */
        worked w = {1960, 1, plan, 0, 0, "2020-02", 15,
                    {{SHEBAO_FIG_ACCOUNT_PENSION, rows[i].account}, {SHEBAO_FIG_MONTHLY_TOTAL, rows[i].total}}};
        expect_all_worked(pol, &w, 1);
    }
    shebao_policy_free(pol);
}

/* Shanghai 2021 (docs/sources.md#shanghai-2021): 2300/yr + subsidy 525 for 18 years, no interest, base 1200 + 20 per year above
 * 15: account = 50850/139 = 365.827… → 365.83; base + long-contribution 1200 + 60; total 1625.83. */
static void test_shanghai_2021(void **state)
{
    (void)state;
    tp t = {.base = "1200",
            .grades = "{\"grade\":\"2300\",\"subsidy\":\"525\"}",
            .bands = "{\"from_year\":1,\"to_year\":15,\"per_year\":\"0\"},{\"from_year\":16,\"per_year\":\"20\"}",
            .rate = "0"};
    static const worked w = {1961, 6, "2003-2020:2300", 0, 0, "2021-07", 18,
                             {{SHEBAO_FIG_BALANCE, "50850.00"}, {SHEBAO_FIG_ACCOUNT_PENSION, "365.83"},
                              {SHEBAO_FIG_YEARS_PENSION, "60.00"}, {SHEBAO_FIG_MONTHLY_TOTAL, "1625.83"}}};
    shebao_policy *pol = make_policy(&t);
    expect_all_worked(pol, &w, 1);
    shebao_policy_free(pol);
}

/* 石家庄 illustration (docs/sources.md#shijiazhuang-2022) under year_start with yearly fen_half_up: grade 100 + subsidy 30 for
 * 15 years at 3.5 %: B_k = B_{k-1} + 130 + R((B_{k-1} + 130)·0.035); total interest 646.25, balance 2596.25
 * (the article's 646.2 is the unrounded 646.23 cut short). Claim in January (e = 0) of the year after the last
 * payment, so no claim-year interest. Account 2596.25/139 = 18.678… → 18.68; total 55 + 18.68 = 73.68. */
static void test_shijiazhuang(void **state)
{
    (void)state;
    tp t = {.base = "55",
            .grades = "{\"grade\":\"100\",\"subsidy\":\"30\"}",
            .method = "year_start",
            .rate = "0.035"};
    shebao_policy *pol = make_policy(&t);
    shebao_projection *p = project(pol, 1950, 12, "1996-2010:100", 0, 0); /* claim 2011-01 */
    expect_fig(p, SHEBAO_FIG_BALANCE, "2596.25");
    shebao_fen interest = 0;
    for (size_t i = 0; i < shebao_projection_ledger_count(p); i++) {
        shebao_ledger_row r;
        shebao_projection_ledger_row(p, i, &r);
        interest += r.interest;
    }
    assert_fen(interest, "646.25");
    /* first year by hand: R(130 × 0.035) = 4.55; second: R(264.55 × 0.035) = R(9.25925) = 9.26 */
    shebao_ledger_row r;
    shebao_projection_ledger_row(p, 0, &r);
    assert_fen(r.interest, "4.55");
    shebao_projection_ledger_row(p, 1, &r);
    assert_fen(r.interest, "9.26");
    expect_fig(p, SHEBAO_FIG_MONTHLY_TOTAL, "73.68");
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* Zhejiang hand cases on the Zhoushan 2024 table (docs/sources.md#zs-jd-2024), with interest switched off by an
 * overlay; the arithmetic is written out beside each case. */
static void test_zhoushan_hand_cases(void **state)
{
    (void)state;
    const char *overlay = "{\"schema\": \"shebao-policy/1\", \"id\": \"zs-nointerest\", \"name\": \"t\","
                          " \"extends\": \"zhejiang-zhoushan\", \"sources\": {},"
                          " \"resident_pension\": {\"interest\": {\"rates\": [], \"assumed_future_rate\": \"0\"}}}";
    static const worked w[] = {
        /* grade 2000 + subsidy 200, 15 years: B = 2200 × 15 = 33000; 33000/139 = 237.410… → 237.41; YP(15) = 30 */
        {1980, 1, "2024-2038:2000", 0, 0, NULL, 15,
         {{SHEBAO_FIG_BALANCE, "33000.00"}, {SHEBAO_FIG_ACCOUNT_PENSION, "237.41"},
          {SHEBAO_FIG_YEARS_PENSION, "30.00"}}},
        /* 20 years: B = 44000 → 316.546… → 316.55; YP(20) = 30 + 5 × 5 = 55 */
        {1985, 1, "2024-2043:2000", 0, 0, NULL, 20,
         {{SHEBAO_FIG_ACCOUNT_PENSION, "316.55"}, {SHEBAO_FIG_YEARS_PENSION, "55.00"}}},
        /* grade 300 (subsidy 50): 350 × 15 = 5250; /139 = 37.769… → 37.77 */
        {1980, 1, "2024-2038:300", 0, 0, NULL, 15, {{SHEBAO_FIG_ACCOUNT_PENSION, "37.77"}}},
        /* grade 7000 (subsidy 400): 7400 × 15 = 111000; /139 = 798.561… → 798.56 */
        {1980, 1, "2024-2038:7000", 0, 0, NULL, 15, {{SHEBAO_FIG_ACCOUNT_PENSION, "798.56"}}},
    };
    shebao_policy *pol = tu_policy(overlay, "zs.json");
    expect_all_worked(pol, w + 1, sizeof w / sizeof w[0] - 1);
    /* the first: the total is the base pension in force + 30 + 237.41 = B0 + 267.41 */
    shebao_projection *p = expect_worked(pol, &w[0]);
    shebao_fen base, total;
    assert_int_equal(shebao_projection_figure(p, SHEBAO_FIG_BASE_PENSION, &base), SHEBAO_OK);
    shebao_projection_figure(p, SHEBAO_FIG_MONTHLY_TOTAL, &total);
    assert_true(total == base + 26741); /* B0 + 267.41 */
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* 兰溪 official answer (docs/sources.md#lanxi-backpay): grade 100, subsidy 30 on paid years only, base 60, no interest.
 * Case A: pays 2010–2014, back-pays 10 years at 100: B = 5 × 130 + 1000 = 1650; 1650/139 = 11.870… → 11.87;
 *         YP(15) = 30 (back-paid years count); total 60 + 30 + 11.87 = 101.87 (the article rounds to 102).
 * Case B: never enrolled, back-pays 5 years at 100: B = 500; 500/139 = 3.597… → 3.60; YP(5) = 5;
 *         total 60 + 5 + 3.60 = 68.60 (the article's 68.6). */
static void test_lanxi(void **state)
{
    (void)state;
    tp t = {.base = "60",
            .grades = "{\"grade\":\"100\",\"subsidy\":\"30\"}",
            .bands = "{\"from_year\":1,\"to_year\":5,\"per_year\":\"1\"},{\"from_year\":6,\"to_year\":10,"
                     "\"per_year\":\"2\"},{\"from_year\":11,\"to_year\":15,\"per_year\":\"3\"},"
                     "{\"from_year\":16,\"per_year\":\"5\"}",
            .rate = "0",
            .backpay_max = "100",
            .scheme_start = "2010-01"};
    static const worked w[] = {
        {1954, 6, "2010-2014:100", 10, 10000, "2014-07", 15, /* A */
         {{SHEBAO_FIG_BALANCE, "1650.00"}, {SHEBAO_FIG_ACCOUNT_PENSION, "11.87"}, {SHEBAO_FIG_YEARS_PENSION, "30.00"},
          {SHEBAO_FIG_MONTHLY_TOTAL, "101.87"}, {SHEBAO_FIG_PERSONAL_TOTAL, "1500.00"}}},
        {1955, 1, NULL, 5, 10000, "2015-02", 0, /* B: the claim is 2015-02, needs min(15, 5) = 5 years */
         {{SHEBAO_FIG_ACCOUNT_PENSION, "3.60"}, {SHEBAO_FIG_YEARS_PENSION, "5.00"},
          {SHEBAO_FIG_MONTHLY_TOTAL, "68.60"}}},
    };
    shebao_policy *pol = make_policy(&t);
    expect_all_worked(pol, w, sizeof w / sizeof w[0]);
    shebao_policy_free(pol);
}

/* One payment of 350 in 2000, then a full year at r = 0.0123: the year-2001 interest is 350 × 0.0123 = 4.305
 * exactly, a half-fen tie. Claim 2002-01 (born 1941-12), e = 0: no claim-year interest. Balance = 350 + R(4.305). */
static void test_rounding_modes_on_a_tie(void **state)
{
    (void)state;
    static const struct {
        const char *mode, *balance;
    } cases[] = {{"fen_half_up", "354.31"},   /* 4.305 → 4.31 */
                 {"fen_truncate", "354.30"},  /* → 4.30 */
                 {"jiao_up", "354.40"},       /* 43.05 jiao → 44 jiao */
                 {"jiao_half_up", "354.30"},  /* 43.05 jiao → 43 jiao */
                 {"yuan_half_up", "354.00"}}; /* 4.305 → 4 */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tp t = {.base = "100", .grades = "{\"grade\":\"350\",\"subsidy\":\"0\"}", .rounding = cases[i].mode,
                .rate = "0.0123"};
        shebao_policy *pol = make_policy(&t);
        shebao_projection *p = project(pol, 1941, 12, "2000:350", 0, 0);
        assert_string_equal(shebao_projection_claim_month(p), "2002-01");
        assert_false(shebao_projection_eligible(p)); /* one year of 15 */
        expect_fig(p, SHEBAO_FIG_BALANCE, cases[i].balance);
        assert_int_equal(shebao_projection_ledger_count(p), 3); /* 2000, 2001, 2002 */
        shebao_projection_free(p);
        shebao_policy_free(pol);
    }
}

/* Hand ledgers for each method, r = 0.0123, grade 1000 without subsidy. */
static void test_methods(void **state)
{
    (void)state;
    const char *grades = "{\"grade\":\"1000\",\"subsidy\":\"0\"}";
    shebao_ledger_row r;
    /* year_end, pays 2000–2001, nothing in 2002, claim 2003-07 (born 1943-06, e = 6):
     * 2000: I = 0, B = 1000.00
     * 2001: I = R(1000 × 0.0123) = 12.30, B = 2012.30
     * 2002: I = R(2012.30 × 0.0123) = R(24.75129) = 24.75, B = 2037.05 (contributions stopped, interest goes on)
     * 2003: I = R(2037.05 × 0.0123 × 6/12) = R(12.5278575) = 12.53, B = 2049.58 */
    tp t = {.base = "100", .grades = grades, .rate = "0.0123"};
    shebao_policy *pol = make_policy(&t);
    shebao_projection *p = project(pol, 1943, 6, "2000-2001:1000", 0, 0);
    shebao_projection_ledger_row(p, 2, &r);
    assert_int_equal(r.year, 2002);
    assert_fen(r.interest, "24.75");
    assert_fen(r.balance, "2037.05");
    expect_fig(p, SHEBAO_FIG_BALANCE, "2049.58");
    shebao_projection_free(p);
    /* claim in December (born 1942-11, claim 2002-12, e = 11), pays 2000–2001:
     * 2002: I = R(2012.30 × 0.0123 × 11/12) = R(22.6887825) = 22.69, B = 2034.99 */
    p = project(pol, 1942, 11, "2000-2001:1000", 0, 0);
    assert_string_equal(shebao_projection_claim_month(p), "2002-12");
    expect_fig(p, SHEBAO_FIG_BALANCE, "2034.99");
    shebao_projection_free(p);
    shebao_policy_free(pol);

    /* year_start, pays 2000–2001, claim 2003-07 (e = 6):
     * 2000: I = R(1000 × 0.0123) = 12.30, B = 1012.30
     * 2001: I = R(2012.30 × 0.0123) = 24.75, B = 2037.05
     * 2002: I = R(2037.05 × 0.0123) = R(25.055715) = 25.06, B = 2062.11
     * 2003: I = R(2062.11 × 0.0123 × 6/12) = R(12.6819765) = 12.68, B = 2074.79 */
    t.method = "year_start";
    pol = make_policy(&t);
    p = project(pol, 1943, 6, "2000-2001:1000", 0, 0);
    expect_fig(p, SHEBAO_FIG_BALANCE, "2074.79");
    shebao_projection_free(p);
    shebao_policy_free(pol);

    /* monthly, deposit_month 4 (a deposit earns 12 − 4 = 8 months in its year), pays 2000–2002, claim 2002-07
     * (born 1942-06, e = 6):
     * 2000: I = R(1000 × 0.0123 × 8/12) = R(8.2) = 8.20, B = 1008.20
     * 2001: I = R(1008.20 × 0.0123 + 1000 × 0.0123 × 8/12) = R(12.40086 + 8.2) = 20.60, B = 2028.80
     * 2002: I = R(2028.80 × 0.0123 × 6/12 + 1000 × 0.0123 × max(0, 6 − 4)/12) = R(12.47712 + 2.05) = 14.53,
     *       B = 2028.80 + 1000 + 14.53 = 3043.33 */
    t.method = "monthly";
    t.deposit_month = 4;
    pol = make_policy(&t);
    p = project(pol, 1942, 6, "2000-2002:1000", 0, 0);
    shebao_projection_ledger_row(p, 0, &r);
    assert_fen(r.interest, "8.20");
    shebao_projection_ledger_row(p, 1, &r);
    assert_fen(r.interest, "20.60");
    expect_fig(p, SHEBAO_FIG_BALANCE, "3043.33");
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* The ledger's 64-bit fast path takes balances below 2^38 fen (2,748,779,069.44 yuan); above it the 128-bit path
 * takes over. Both must round alike, ties included. Grade G = 2,000,000,031.60 yuan (below the bound), no subsidy,
 * r = 0.0125 = 1/80, year_end, pays 2000–2001, born 1943-06, claim 2003-07 (e = 6). In fen, half-up:
 *   2000: I = 0, B = G = 200000003160
 *   2001: I = R(200000003160 / 80) = R(2500000039.5) = 2500000040 (a tie, fast path),
 *         B = 2·200000003160 + 2500000040 = 402500006360 (now above 2^38 = 274877906944)
 *   2002: I = R(402500006360 / 80) = R(5031250079.5) = 5031250080 (a tie, wide path), B = 407531256440
 *   2003: I = R(407531256440 / 80 · 6/12) = R(2547070352.75) = 2547070353, B = 410078326793 = 4,100,783,267.93
 * fen_truncate: 2500000039, B = 402500006359; 5031250079.4875 → 5031250079, B = 407531256438;
 *   2547070352.7375 → 2547070352, B = 410078326790 = 4,100,783,267.90.
 * The summary API (the batch's path, a separate loop) must give the same balance. */
static void test_interest_paths_large_balances(void **state)
{
    (void)state;
    static const struct {
        const char *mode, *i2001, *i2002, *balance;
    } cases[] = {{"fen_half_up", "25000000.40", "50312500.80", "4100783267.93"},
                 {"fen_truncate", "25000000.39", "50312500.79", "4100783267.90"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tp t = {.base = "100", .grades = "{\"grade\":\"2000000031.60\",\"subsidy\":\"0\"}",
                .rounding = cases[i].mode, .rate = "0.0125"};
        shebao_policy *pol = make_policy(&t);
        shebao_projection *p = project(pol, 1943, 6, "2000-2001:2000000031.60", 0, 0);
        shebao_ledger_row r;
        shebao_projection_ledger_row(p, 1, &r);
        assert_fen(r.interest, cases[i].i2001);
        shebao_projection_ledger_row(p, 2, &r);
        assert_fen(r.interest, cases[i].i2002);
        expect_fig(p, SHEBAO_FIG_BALANCE, cases[i].balance);
        shebao_projection_free(p);
        shebao_segment seg = {2000, 2001, INT64_C(200000003160)};
        shebao_person pe = tu_person(1943, 6, &seg, 1);
        pe.mortality = SHEBAO_MORTALITY_NONE;
        shebao_summary sm = SHEBAO_SUMMARY_INIT;
        assert_int_equal(shebao_project_summary(ctx, pol, &pe, &sm), SHEBAO_OK);
        assert_fen(sm.balance, cases[i].balance);
        shebao_policy_free(pol);
    }
}

/* The 2023 → 2024 grade-table change in the bundled Zhejiang policy (浙人社发〔2023〕66号): grade 2000 draws
 * subsidy 80 under the 2015 table and 200 under the 2024 table; grade 1500 exists only until 2023. */
static void test_zhejiang_grade_change(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    shebao_projection *p = project(pol, 1970, 5, "2022-2025:2000", 0, 0);
    shebao_ledger_row r;
    shebao_projection_ledger_row(p, 1, &r);
    assert_int_equal(r.year, 2023);
    assert_fen(r.subsidy, "80.00");
    shebao_projection_ledger_row(p, 2, &r);
    assert_int_equal(r.year, 2024);
    assert_fen(r.subsidy, "200.00");
    shebao_projection_free(p);

    shebao_segment seg = {2023, 2024, 150000};
    shebao_person pe = tu_person(1970, 5, &seg, 1);
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_null(p);
    assert_string_equal(shebao_ctx_errmsg(ctx),
                        "plan year 2024: grade 1500.00 is not in the grade table in force (from 2024-01); allowed: "
                        "200.00, 300.00, 500.00, 1000.00, 2000.00, 3000.00, 5000.00, 7000.00");
    shebao_policy_free(pol);
}

/* Not eligible, then back payment (Zhejiang: scheme start 2010, min 15 years, back-pay cap 5000).
 * Born 1966-05 → claim 2026-06; needs min(15, 2026 − 2010) = 15 years; pays 2020–2025 (6 years) → 9 missing. */
static void test_not_eligible_and_backpay(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    shebao_projection *p = project(pol, 1966, 5, "2020-2025:300", 0, 0);
    assert_false(shebao_projection_eligible(p));
    assert_int_equal(shebao_projection_years_missing(p), 9);
    shebao_fen f;
    assert_int_equal(shebao_projection_figure(p, SHEBAO_FIG_MONTHLY_TOTAL, &f), SHEBAO_NA);
    assert_int_equal(f, 0);
    assert_int_equal(shebao_projection_figure(p, SHEBAO_FIG_BALANCE, &f), SHEBAO_OK); /* always available */
    assert_int_equal(shebao_projection_figure(p, SHEBAO_FIG_PERSONAL_TOTAL, &f), SHEBAO_OK);
    int bm = 7;
    char bmonth[8] = "x";
    assert_int_equal(shebao_projection_breakeven(p, &bm, bmonth, sizeof bmonth), SHEBAO_NA);
    assert_int_equal(bm, 0);
    assert_string_equal(bmonth, "");
    assert_string_equal(shebao_strerror(SHEBAO_NA), "does not apply");
    char *json = NULL;
    assert_int_equal(shebao_projection_to_json(p, &json), SHEBAO_OK);
    assert_non_null(strstr(json, "\"claim\": null"));
    assert_non_null(strstr(json, "\"lifetime\": null"));
    shebao_free(json);
    shebao_projection_free(p);

    /* 9 back-paid years at 300 qualify: 15 years, years pension YP(15) = 30, personal = 6 × 300 + 9 × 300 */
    p = project(pol, 1966, 5, "2020-2025:300", 9, 30000);
    assert_true(shebao_projection_eligible(p));
    expect_fig(p, SHEBAO_FIG_YEARS_PENSION, "30.00");
    expect_fig(p, SHEBAO_FIG_PERSONAL_TOTAL, "4500.00");
    shebao_ledger_row r;
    shebao_projection_ledger_row(p, shebao_projection_ledger_count(p) - 1, &r);
    assert_int_equal(r.year, 2026);
    assert_fen(r.backpay, "2700.00");
    shebao_projection_free(p);

    /* above the cap */
    shebao_segment seg = {2020, 2025, 30000};
    shebao_person pe = tu_person(1966, 5, &seg, 1);
    pe.backpay_years = 9;
    pe.backpay_grade = 700000;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "backpay: grade 7000.00 is above the back-payment cap 5000.00");
    /* more years than may be back-paid */
    pe.backpay_years = 10;
    pe.backpay_grade = 30000;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "leave room for 9"));
    shebao_policy_free(pol);
}

static void test_input_errors(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    shebao_segment seg[2] = {{2020, 2024, 30000}, {2024, 2026, 50000}};
    shebao_projection *p = NULL;
    shebao_person pe = tu_person(1975, 3, seg, 2);
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "plan segments 1 and 2 overlap (2020-2024 and 2024-2026)");
    pe.plan_count = 1;
    seg[0] = (shebao_segment){1990, 1995, 30000};
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "plan segment 1: year 1990 is before the person turns 16 (born "
                                                "1975-03; first allowed year 1991)");
    seg[0] = (shebao_segment){2030, 2036, 30000}; /* claim 2035-04; last payable year 1975 + 60 = 2035 */
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "plan segment 1: year 2036 is after the last payable year 2035 (born "
                                                "1975-03; claim_age 60; pension from 2035-04)");
    /* born 1980-12 (Zhejiang: claim_age 60, offset 1 month): claim 1980-12 + 60 years + 1 month = 2041-01, the last
     * payable year is the year of the 60th birthday, 1980 + 60 = 2040. 2025-2040 (16 years at 300) is accepted,
     * 2025-2041 refused although 2041 is the claim year. */
    pe.birth_year = 1980;
    pe.birth_month = 12;
    seg[0] = (shebao_segment){2025, 2040, 30000};
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
    assert_string_equal(shebao_projection_claim_month(p), "2041-01");
    assert_int_equal(shebao_projection_years_paid(p), 16); /* 2040 − 2025 + 1 */
    shebao_projection_free(p);
    p = NULL;
    seg[0] = (shebao_segment){2025, 2041, 30000};
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "plan segment 1: year 2041 is after the last payable year 2040 (born "
                                                "1980-12; claim_age 60; pension from 2041-01)");
    shebao_summary sm = SHEBAO_SUMMARY_INIT; /* a batch row goes through the summary: the same refusal */
    assert_int_equal(shebao_project_summary(ctx, pol, &pe, &sm), SHEBAO_EINPUT);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "year 2041 is after the last payable year 2040"));
    /* a later segment alone in 2041 (the claim year): refused too */
    shebao_segment two[2] = {{2025, 2030, 30000}, {2041, 2041, 30000}};
    pe.plan = two;
    pe.plan_count = 2;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "plan segment 2: year 2041 is after the last payable year 2040"));
    /* born 1980-11: claim 2040-12, last payable year 2040 = the claim year: 2040 accepted, 2041 refused */
    pe.plan = seg;
    pe.plan_count = 1;
    pe.birth_month = 11;
    seg[0] = (shebao_segment){2025, 2040, 30000};
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
    assert_string_equal(shebao_projection_claim_month(p), "2040-12");
    shebao_projection_free(p);
    p = NULL;
    seg[0] = (shebao_segment){2025, 2041, 30000};
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "plan segment 1: year 2041 is after the last payable year 2040 (born "
                                                "1980-11; claim_age 60; pension from 2040-12)");
    pe.birth_year = 1975;
    pe.birth_month = 3;
    pe.birth_month = 13;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "birth 1975-13"));
    pe.birth_month = 3;
    pe.version = 99;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EUSAGE);
    assert_null(p);
    shebao_policy_free(pol);

    shebao_segment *s = NULL;
    size_t n;
    assert_int_equal(shebao_plan_parse(ctx, "2010-2014:300,2015-2029:2000", &s, &n), SHEBAO_OK);
    assert_int_equal(n, 2);
    assert_int_equal(s[1].first_year, 2015);
    assert_int_equal(s[1].last_year, 2029);
    assert_true(s[1].grade == 200000);
    shebao_free(s);
    assert_int_equal(shebao_plan_parse(ctx, "2015:300", &s, &n), SHEBAO_OK);
    assert_int_equal(s[0].first_year, 2015);
    assert_int_equal(s[0].last_year, 2015);
    shebao_free(s);
    static const char *const bad[] = {"", "2010-2014", "2010-2014:", "2014-2010:300", "20100:300", "2010-2014:3e2",
                                      "2010-2014:300.001", "2010-2014:-300", "2010-2014:300,", "abcd:300", NULL};
    for (int i = 0; bad[i]; i++) {
        if (shebao_plan_parse(ctx, bad[i], &s, &n) != SHEBAO_EINPUT)
            fail_msg("plan '%s' accepted", bad[i]);
        assert_true(strlen(shebao_ctx_errmsg(ctx)) > 0);
    }
}

/* EPV (docs/resident-pension.md §6): a man starting at exactly 63 with 5,000 a month under CL5
 * (docs/sources.md#cl-2010-2013) has EPV 1,364,952.78 undiscounted and 1,013,674.53 at 2.5 %, computed
 * independently from the same table. */
static void test_epv_cl5(void **state)
{
    (void)state;
    shebao_fen f;
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 63 * 12, 500000,
                                        "0", &f),
                     SHEBAO_OK);
    assert_fen(f, "1364952.78");
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 63 * 12, 500000,
                                        "0.025", &f),
                     SHEBAO_OK);
    assert_fen(f, "1013674.53");
    /* a higher precision gives the same fen */
    assert_int_equal(shebao_ctx_set_precision(ctx, 256), SHEBAO_OK);
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 63 * 12, 500000,
                                        "0.025", &f),
                     SHEBAO_OK);
    assert_fen(f, "1013674.53");
    assert_int_equal(shebao_ctx_set_precision(ctx, SHEBAO_MIN_PRECISION), SHEBAO_OK);
    assert_int_equal(shebao_ctx_set_precision(ctx, 64), SHEBAO_EUSAGE);
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 106 * 12, 500000,
                                        "0", &f),
                     SHEBAO_EINPUT);
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_NONE, SHEBAO_SEX_MALE, 60 * 12, 500000, "0", &f),
                     SHEBAO_EINPUT);
    /* Age 105 years 11 months: l is 0 from age 106, so the only month paid is month 0, with weight l(a)/l(a) = 1
     * and discount v^0 = 1: the EPV is exactly the monthly amount, whatever it is. Around 2^53 fen (where a
     * double stops holding every integer, and the rounding to fen takes its wide path) and at the largest
     * amounts: 2^53 − 1 = 9007199254740991, 2^53 + 1 = 9007199254740993, 9·10^18. */
    static const shebao_fen big[] = {INT64_C(9007199254740991), INT64_C(9007199254740993),
                                     INT64_C(9000000000000000000)};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_FEMALE,
                                            105 * 12 + 11, big[i], "0.025", &f),
                         SHEBAO_OK);
        assert_true(f == big[i]);
    }
}

/* A projection's EPV is the annuity EPV of its monthly total when no supplement changes: the Shanghai case
 * (1625.83 a month from 2021-07, claim age 60 years 1 month) under the life table. */
static void test_projection_epv_consistent(void **state)
{
    (void)state;
    tp t = {.base = "1200",
            .grades = "{\"grade\":\"2300\",\"subsidy\":\"525\"}",
            .bands = "{\"from_year\":1,\"to_year\":15,\"per_year\":\"0\"},{\"from_year\":16,\"per_year\":\"20\"}",
            .rate = "0"};
    shebao_policy *pol = make_policy(&t);
    shebao_segment seg = {2003, 2020, 230000};
    shebao_person pe = tu_person(1961, 6, &seg, 1);
    pe.sex = SHEBAO_SEX_FEMALE;
    shebao_projection *p = NULL;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
    shebao_fen a, b;
    assert_int_equal(shebao_projection_figure(p, SHEBAO_FIG_EPV_BENEFITS, &a), SHEBAO_OK);
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_FEMALE, 60 * 12 + 1,
                                        162583, "0.025", &b),
                     SHEBAO_OK);
    assert_true(a == b);
    /* break-even: personal 2300 × 18 = 41400; 41400 / 1625.83 = 25.46… → 26 payments, the 26th in 2023-08 */
    int m;
    char month[8];
    assert_int_equal(shebao_projection_breakeven(p, &m, month, sizeof month), SHEBAO_OK);
    assert_int_equal(m, 26);
    assert_string_equal(month, "2023-08");
    /* funeral grant 20 × base 1200 */
    expect_fig(p, SHEBAO_FIG_FUNERAL_GRANT, "24000.00");
    /* Checked against an independent computation (Python, 60-digit decimals, CL6, same model): EPV at 2.5 %
     * 396190.79; the 18 payments of 2300 (each in January 2003–2020) accumulated to 2021-07 at 2.5 %:
     * Σ 2300·1.025^(t/12) = 53431.44; ratio 396190.79 / 53431.44… = 7.4149; IRR by 100 bisections of
     * Σ_j 1625.83·p_j·(1+x)^(−j/12) = Σ_k 2300·(1+x)^(t_k/12): 0.123167. */
    expect_fig(p, SHEBAO_FIG_EPV_BENEFITS, "396190.79");
    expect_fig(p, SHEBAO_FIG_PV_CONTRIBUTIONS, "53431.44");
    /* expected inheritance (no interest after the claim in this policy): the account 50850 pays 365.83 a month;
     * Σ_j (p_j − p_{j+1})·max(0, 50850 − (j+1)·365.83)·1.025^(−j/12) = 886.10 (same independent computation) */
    expect_fig(p, SHEBAO_FIG_INHERITABLE, "886.10");
    char *json = NULL;
    assert_int_equal(shebao_projection_to_json(p, &json), SHEBAO_OK);
    assert_non_null(strstr(json, "\"moneys_worth_ratio\": \"7.4149\""));
    assert_non_null(strstr(json, "\"irr\": \"0.123167\""));
    shebao_free(json);
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* Every non-official value a Zhejiang projection rests on is listed; an official one is not. */
static void test_assumptions_listed(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    shebao_projection *p = project(pol, 1975, 3, "2020-2034:2000", 0, 0);
    size_t n = shebao_projection_assumption_count(p);
    assert_true(n > 0);
    bool rate = false, official = false;
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        assert_int_equal(shebao_projection_assumption(p, i, &q), SHEBAO_OK);
        if (strcmp(q.path, "resident_pension.interest.assumed_future_rate") == 0)
            rate = q.status == SHEBAO_STATUS_ASSUMPTION;
        official |= q.status == SHEBAO_STATUS_OFFICIAL;
    }
    assert_true(rate);
    assert_false(official);
    shebao_projection_free(p);
    shebao_policy_free(pol);
}


/* The allocation-free summary gives exactly shebao_project's figures (same rules, same rounding, same cached
 * annuity factors), for a spread of people with supplements (Taizhou 80+/90+), back payment and not-eligible rows. */
static void test_summary_matches_project(void **state)
{
    (void)state;
    static const char *const ids[] = {"zhejiang", "zhejiang-taizhou"};
    static const shebao_fen grades[] = {30000, 50000, 100000, 200000, 500000, 700000};
    for (int pi = 0; pi < 2; pi++) {
        shebao_policy *pol = NULL;
        assert_int_equal(shebao_policy_load_embedded(ctx, ids[pi], &pol), SHEBAO_OK);
        for (int k = 0; k < 120; k++) {
            shebao_segment seg = {2024, 2024 + 3 + k % 19, grades[k % 6]};
            shebao_person pe = tu_person(1965 + k % 25, 1 + k % 12, NULL, 0);
            if (seg.last_year > pe.birth_year + 60)
                seg.last_year = pe.birth_year + 60;
            pe.plan = &seg;
            pe.plan_count = 1;
            pe.sex = k % 2 ? SHEBAO_SEX_FEMALE : SHEBAO_SEX_MALE;
            if (k % 7 == 0) {
                pe.backpay_years = 2;
                pe.backpay_grade = 30000;
            }
            shebao_projection *p = NULL;
            shebao_summary sm = SHEBAO_SUMMARY_INIT;
            int rc1 = shebao_project(ctx, pol, &pe, &p);
            int rc2 = shebao_project_summary(ctx, pol, &pe, &sm);
            assert_int_equal(rc1, rc2);
            if (rc1 != SHEBAO_OK)
                continue;
            assert_int_equal(sm.eligible, shebao_projection_eligible(p));
            assert_int_equal(sm.years_paid, shebao_projection_years_paid(p));
            assert_string_equal(sm.claim_month, shebao_projection_claim_month(p));
            shebao_fen f;
            shebao_projection_figure(p, SHEBAO_FIG_BALANCE, &f);
            assert_true(f == sm.balance);
            if (sm.eligible) {
                shebao_projection_figure(p, SHEBAO_FIG_MONTHLY_TOTAL, &f);
                assert_true(f == sm.monthly_total);
                shebao_projection_figure(p, SHEBAO_FIG_EPV_BENEFITS, &f);
                assert_true(f == sm.epv_benefits);
                shebao_projection_figure(p, SHEBAO_FIG_AGE_SUPPLEMENT, &f);
                assert_true(f == sm.age_supplement);
            }
            shebao_projection_free(p);
        }
        shebao_policy_free(pol);
    }
    shebao_summary bad = SHEBAO_SUMMARY_INIT;
    bad.version = 7;
    shebao_person pe = SHEBAO_PERSON_INIT;
    assert_int_equal(shebao_project_summary(ctx, NULL, &pe, &bad), SHEBAO_EUSAGE);
}


/* EPV with age supplements, against an independent month-by-month sum (Python, 50-digit decimals, CL5):
 * base 100, grade 1000 without subsidy for 15 years and no interest: B = 15000, account 15000/139 = 107.913… →
 * 107.91, total 207.91 from 2010-02 (born 1950-01, a = 721 months); supplements +30 from age 80 and +30 more from
 * 90: pay_j = 207.91 + 30·[a+j >= 960] + 30·[a+j >= 1080]; Σ_j pay_j·l(a+j)/l(a)·1.025^(−j/12) = 47210.6906… →
 * 47210.69. */
static void test_epv_with_supplements(void **state)
{
    (void)state;
    const char *json =
        "{\"schema\": \"shebao-policy/1\", \"id\": \"s\", \"name\": \"s\", \"sources\": {},"
        " \"resident_pension\": {\"scheme_start\": \"1990-01\", \"claim_age\": 60, \"benefit_start_offset_months\": 1,"
        " \"min_years\": 15, \"account_divisor\": \"139\", \"base_pension\": [{\"from\": \"1990-01\", \"value\": \"100\"}],"
        " \"age_supplements\": [{\"from\": \"1990-01\", \"min_age\": 80, \"value\": \"30\"},"
        " {\"from\": \"1990-01\", \"min_age\": 90, \"value\": \"30\"}],"
        " \"grades\": [{\"from\": \"1990-01\", \"table\": [{\"grade\": \"1000\", \"subsidy\": \"0\"}]}],"
        " \"backpay\": {\"max_grade\": \"1000\", \"subsidised\": false, \"counts_for_years_pension\": true},"
        " \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [],"
        " \"assumed_future_rate\": \"0\", \"after_claim\": false}}}";
    shebao_policy *pol = tu_policy(json, "s.json");
    shebao_segment seg = {1995, 2009, 100000};
    shebao_person pe = tu_person(1950, 1, &seg, 1);
    shebao_projection *p = NULL;
    assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
    expect_fig(p, SHEBAO_FIG_MONTHLY_TOTAL, "207.91");
    expect_fig(p, SHEBAO_FIG_EPV_BENEFITS, "47210.69");
    shebao_projection_free(p);
    /* The context keeps each supplement's part of the EPV, (T[j0] − T[j1])·value, with the annuity tail, keyed by
     * (j0, j1, value): a policy paying 60 instead of 30 on the same context must not reuse the 30's parts (it pays
     * more), and going back to the first policy must give 47210.69 again, through shebao_project and through
     * the summary. */
    char json60[2048];
    snprintf(json60, sizeof json60, "%s", json);
    for (char *q = json60; (q = strstr(q, "\"value\": \"30\"")) != NULL;)
        memcpy(q + 10, "60", 2);
    shebao_policy *pol60 = tu_policy(json60, "s60.json");
    shebao_summary sm = SHEBAO_SUMMARY_INIT;
    assert_int_equal(shebao_project_summary(ctx, pol60, &pe, &sm), SHEBAO_OK);
    assert_true(sm.has_epv && sm.epv_benefits > 4721069);
    shebao_policy_free(pol60);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
        expect_fig(p, SHEBAO_FIG_EPV_BENEFITS, "47210.69");
        shebao_projection_free(p);
        sm = (shebao_summary)SHEBAO_SUMMARY_INIT;
        assert_int_equal(shebao_project_summary(ctx, pol, &pe, &sm), SHEBAO_OK);
        assert_true(sm.epv_benefits == 4721069);
    }
    shebao_policy_free(pol);
}

/* A Zhejiang child policy that differs from its sibling only in assumed_future_rate (same id, so the JSON names the
 * same policy and lineage). */
static shebao_policy *zhejiang_with_future_rate(const char *rate)
{
    char json[512];
    snprintf(json, sizeof json,
             "{\"schema\": \"shebao-policy/1\", \"id\": \"future\", \"name\": \"future\", \"extends\": \"zhejiang\","
             " \"sources\": {}, \"resident_pension\": {\"interest\": {\"assumed_future_rate\": \"%s\"}}}", rate);
    shebao_policy *pol = NULL;
    if (shebao_policy_load_string(ctx, json, "future.json", &pol) != SHEBAO_OK)
        fail_msg("future-rate policy: %s", shebao_ctx_errmsg(ctx));
    return pol;
}

static char *project_json(const shebao_policy *pol, int by, int bm, int first, int last, shebao_fen grade,
                          const char *future)
{
    shebao_segment seg = {first, last, grade};
    shebao_person pe = tu_person(by, bm, &seg, 1);
    pe.future_rate = future; /* the life table is on (SHEBAO_PERSON_INIT): the lifetime figures are computed */
    shebao_projection *p = NULL;
    if (shebao_project(ctx, pol, &pe, &p) != SHEBAO_OK)
        fail_msg("project: %s", shebao_ctx_errmsg(ctx));
    char *json = NULL;
    assert_int_equal(shebao_projection_to_json(p, &json), SHEBAO_OK);
    shebao_projection_free(p);
    return json;
}

/* A run's future rate replaces the policy's assumed_future_rate in every figure, the balance the account keeps
 * earning after the claim (interest.after_claim, true in zhejiang through national) included: two policies that
 * differ only in assumed_future_rate give the same result, to the byte, under the same run rate. Without the run
 * rate they differ (so this test can fail): 0.015 and 0.04 a year on a balance of thousands of yuan differ by far
 * more than a fen. Two people: one whose ledger already runs past the rate list (2000 a year 2020-2034, claim
 * 2035-04), and one who claims while the list still runs (500 a year 2010-2019, born 1960-03, claim 2020-04, list
 * to 2025), whose only use of the future rate is the interest after the claim from 2026 on. Both results must list
 * the run's rate, and not the policy's, as an assumption. */
static void test_future_rate_after_claim(void **state)
{
    (void)state;
    shebao_policy *a = zhejiang_with_future_rate("0.015"), *b = zhejiang_with_future_rate("0.04");
    static const struct {
        int by, bm, first, last;
        shebao_fen grade;
    } people[] = {{1975, 3, 2020, 2034, 200000}, {1960, 3, 2010, 2019, 50000}};
    for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
        int by = people[i].by, bm = people[i].bm, first = people[i].first, last = people[i].last;
        shebao_fen g = people[i].grade;
        char *ja = project_json(a, by, bm, first, last, g, "0.03");
        char *jb = project_json(b, by, bm, first, last, g, "0.03");
        if (strcmp(ja, jb) != 0)
            fail_msg("person %zu: same run rate 0.03, different results for assumed_future_rate 0.015 and 0.04",
                     i + 1);
        assert_non_null(strstr(ja, "\"parameter\": \"run.future_rate\""));
        assert_null(strstr(ja, "\"parameter\": \"resident_pension.interest.assumed_future_rate\""));
        shebao_free(ja);
        shebao_free(jb);
        ja = project_json(a, by, bm, first, last, g, NULL);
        jb = project_json(b, by, bm, first, last, g, NULL);
        assert_true(strcmp(ja, jb) != 0);
        shebao_free(ja);
        shebao_free(jb);
    }
    shebao_policy_free(a);
    shebao_policy_free(b);
}

/* A standalone policy for the range tests: claim at claim_age years + 1 month, min_years 1, scheme and grade table
 * from 1970, one grade without subsidy, year_end and fen_half_up. supp: the inside of age_supplements; rates: the
 * inside of the list. */
static shebao_policy *range_policy_age(int claim_age, const char *divisor, const char *base, const char *supp,
                                       const char *grade, const char *rates, const char *future, bool after_claim)
{
    char json[2048];
    snprintf(json, sizeof json,
             "{\"schema\": \"shebao-policy/1\", \"id\": \"range\", \"name\": \"range\", \"sources\": {},"
             " \"resident_pension\": {\"scheme_start\": \"1970-01\", \"claim_age\": %d,"
             " \"benefit_start_offset_months\": 1, \"min_years\": 1, \"account_divisor\": \"%s\","
             " \"base_pension\": [{\"from\": \"1990-01\", \"value\": \"%s\"}], \"age_supplements\": [%s],"
             " \"grades\": [{\"from\": \"1970-01\", \"table\": [{\"grade\": \"%s\", \"subsidy\": \"0\"}]}],"
             " \"backpay\": {\"max_grade\": \"%s\", \"subsidised\": false, \"counts_for_years_pension\": true},"
             " \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [%s],"
             " \"assumed_future_rate\": \"%s\", \"after_claim\": %s}}}",
             claim_age, divisor, base, supp, grade, grade, rates, future, after_claim ? "true" : "false");
    shebao_policy *pol = NULL;
    if (shebao_policy_load_string(ctx, json, "range.json", &pol) != SHEBAO_OK)
        fail_msg("range policy: %s", shebao_ctx_errmsg(ctx));
    return pol;
}

static shebao_policy *range_policy(const char *divisor, const char *base, const char *supp, const char *grade,
                                   const char *rates, const char *future, bool after_claim)
{
    return range_policy_age(60, divisor, base, supp, grade, rates, future, after_claim);
}

/* Project (full and summary) one person born 1960-01 (claim 2020-02) paying `grade` in [first, last]. */
static int range_run(const shebao_policy *pol, int first, int last, shebao_fen grade, shebao_mortality mortality,
                     shebao_summary *sm)
{
    shebao_segment seg = {first, last, grade};
    shebao_person pe = tu_person(1960, 1, &seg, 1);
    pe.mortality = mortality;
    if (sm) {
        *sm = (shebao_summary)SHEBAO_SUMMARY_INIT;
        return shebao_project_summary(ctx, pol, &pe, sm);
    }
    shebao_projection *p = NULL;
    int rc = shebao_project(ctx, pol, &pe, &p);
    shebao_projection_free(p);
    return rc;
}

static void expect_range_error(const shebao_policy *pol, int first, int last, shebao_fen grade,
                               shebao_mortality mortality, bool summary, const char *msg)
{
    shebao_summary sm;
    assert_int_equal(range_run(pol, first, last, grade, mortality, summary ? &sm : NULL), SHEBAO_ECOMPUTE);
    assert_string_equal(shebao_ctx_errmsg(ctx), msg);
}

/* Policies that pass validation but give a figure beyond int64 fen (2^63 − 1 = 9 223 372 036 854 775 807): the
 * projection fails with SHEBAO_ECOMPUTE and a message naming the figure, through shebao_project and through the
 * summary (a batch row) alike. The same people are CLI cases in tests/bad-input/cases/range-*, whose README.md files
 * carry the full derivations; the steps are repeated here. Born 1960-01, the claim is 2020-02 (age 60, 11 months of
 * 2020 left after it). */
static void test_values_out_of_range(void **state)
{
    (void)state;
    const char *zero = "{\"year\": 2019, \"value\": \"0\"}, {\"year\": 2020, \"value\": \"0\"}";
    /* Monthly total: 2019 deposits 92233.00 = 9 223 300 fen, rates 0: balance 9 223 300 fen; account pension
     * 9 223 300 / 0.000000000001 = 9 223 300 000 000 000 000 fen (fits); base 0, no years pension; the 60+
     * supplement of 10^14 fen is in force at the claim: total 9 223 400 000 000 000 000 > 2^63 − 1. With or
     * without the life table (the total comes first). */
    shebao_policy *pol = range_policy("0.000000000001", "0", "{\"from\": \"1990-01\", \"min_age\": 60, \"value\": "
                                      "\"1000000000000\"}", "92233", zero, "0", false);
    for (int summary = 0; summary < 2; summary++) {
        expect_range_error(pol, 2019, 2019, 9223300, SHEBAO_MORTALITY_CL2010_2013_PENSION, summary,
                           "value out of range: monthly total");
        expect_range_error(pol, 2019, 2019, 9223300, SHEBAO_MORTALITY_NONE, summary,
                           "value out of range: monthly total");
    }
    shebao_policy_free(pol);
    /* EPV: the same with the supplement from 61. The total at the claim is the account pension alone,
     * 9 223 300 000 000 000 000 fen, which fits (the run without a life table succeeds and says so); the EPV is more
     * than total × (1 + p_1·v) with p_1, v > 0.99: out of range. The old code added the 61+ supplement to that
     * pension in int64 for each month from 2021-01 first (a signed overflow). */
    pol = range_policy("0.000000000001", "0", "{\"from\": \"1990-01\", \"min_age\": 61, \"value\": \"1000000000000\"}",
                       "92233", zero, "0", false);
    for (int summary = 0; summary < 2; summary++)
        expect_range_error(pol, 2019, 2019, 9223300, SHEBAO_MORTALITY_CL2010_2013_PENSION, summary,
                           "value out of range: EPV of benefits");
    shebao_summary sm;
    assert_int_equal(range_run(pol, 2019, 2019, 9223300, SHEBAO_MORTALITY_NONE, &sm), SHEBAO_OK);
    assert_true(sm.monthly_total == INT64_C(9223300000000000000));
    shebao_policy_free(pol);
    /* Expected inheritable balance (tests/bad-input/cases/range-inheritable/README.md): the largest grade,
     * D = 10^14 fen, every year 1976-2020, no listed rates, 0.20 (the highest rate allowed) before and after the
     * claim, after_claim. Before the claim B_n = 5·D·(1.2^n − 1) (each rounding at most 1/2 fen): B_44 (2019) =
     * 5·10^14·3046.72 = 1.52336·10^18; in 2020 (1 month) B = B_44·(1 + 0.2/12) + D = 1.54885·10^18. A = B/139 =
     * 1.1143·10^16. December 2020: x_0 = (B − 11·A)·(1 + 0.2·11/12) = 1.6878·10^18; after it x_k = 1.2·(x_(k−1) −
     * 12·A), so x_k = F + 1.2^k·(x_0 − F) with F = 72·A = 8.023·10^17: x_k > 2^63 − 1 when 1.2^k > 9.51, first for
     * k = 13 (1.2^12 = 8.92, 1.2^13 = 10.70): December 2033. The summary has no inheritable balance and succeeds,
     * its balance within 10^14 fen of 1.54885·10^18 and its monthly total A + base 100.00, A = fen_half_up(B/139). */
    pol = range_policy("139", "100", "", "1000000000000", "", "0.20", true);
    expect_range_error(pol, 1976, 2020, INT64_C(100000000000000), SHEBAO_MORTALITY_CL2010_2013_PENSION, false,
                       "value out of range: expected inheritable balance (account balance at the end of 2033 after the "
                       "claim)");
    assert_int_equal(range_run(pol, 1976, 2020, INT64_C(100000000000000), SHEBAO_MORTALITY_CL2010_2013_PENSION, &sm),
                     SHEBAO_OK);
    assert_true(sm.balance > INT64_C(1548750000000000000) && sm.balance < INT64_C(1548950000000000000));
    assert_true(sm.monthly_total == (sm.balance + 69) / 139 + 10000); /* half-up: + 69.5 → + 69 for whole fen */
    shebao_policy_free(pol);
    /* Account balance (tests/bad-input/cases/range-balance/README.md): 10^14 fen a year from 1976 at 0.20, claim at
     * 80 (2040-02), year_end: B_n = 5·D·(1.2^n − 1) within a few fen, so B_53 (2028) = 5·10^14·15 724.55 =
     * 7.862·10^18 < 2^63 − 1 and I_2029 = B_53/5 = 1.572·10^18 fit, but B_53 + D + I_2029 = 5·10^14·18 869.66 =
     * 9.435·10^18 does not: 2029. (A claim at 60 cannot get there at 0.20: 45 years give less than 1.9·10^18.) */
    pol = range_policy_age(80, "139", "0", "", "1000000000000", "", "0.20", false);
    for (int summary = 0; summary < 2; summary++)
        expect_range_error(pol, 1976, 2040, INT64_C(100000000000000), SHEBAO_MORTALITY_NONE, summary,
                           "value out of range: account balance in 2029");
    shebao_policy_free(pol);
}

/* True when the projection lists the parameter `path` (from `from`, "" for a scalar) among its assumptions. */
static bool lists(const shebao_projection *p, const char *path, const char *from)
{
    for (size_t i = 0; i < shebao_projection_assumption_count(p); i++) {
        shebao_param q;
        assert_int_equal(shebao_projection_assumption(p, i, &q), SHEBAO_OK);
        if (strcmp(q.path, path) == 0 && strcmp(q.from, from) == 0)
            return true;
    }
    return false;
}

/* The expected inheritable balance rests on interest.after_claim (an assumption in national, inherited by zhejiang)
 * and on the rates of the years after the claim: the result lists them. Born 1960-03, 500 a year 2010-2019: the
 * claim is 2020-04, so the ledger uses the rates of 2010-2020 only; after the claim the balance earns the listed
 * rates of 2021-2025 and then assumed_future_rate (from 2026), both assumptions. Without the life table there is
 * no inheritable balance, and none of these is listed (2021 and the future rate are used nowhere else). */
static void test_after_claim_provenance(void **state)
{
    (void)state;
    shebao_policy *pol = NULL;
    assert_int_equal(shebao_policy_load_embedded(ctx, "zhejiang", &pol), SHEBAO_OK);
    shebao_segment seg = {2010, 2019, 50000};
    shebao_person pe = tu_person(1960, 3, &seg, 1);
    for (int life = 0; life < 2; life++) {
        pe.mortality = life ? SHEBAO_MORTALITY_CL2010_2013_PENSION : SHEBAO_MORTALITY_NONE;
        shebao_projection *p = NULL;
        assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
        assert_string_equal(shebao_projection_claim_month(p), "2020-04");
        assert_true(lists(p, "resident_pension.interest.rates", "2020"));
        assert_int_equal(lists(p, "resident_pension.interest.after_claim", ""), life);
        assert_int_equal(lists(p, "resident_pension.interest.rates", "2021"), life);
        assert_int_equal(lists(p, "resident_pension.interest.rates", "2025"), life);
        assert_int_equal(lists(p, "resident_pension.interest.assumed_future_rate", ""), life);
        shebao_projection_free(p);
    }
    shebao_policy_free(pol);
}

/* ---- rate bounds (#12 item 6) ---------------------------------------------------------------------------- */

static void expect_ledger(const shebao_projection *p, size_t i, int year, const char *interest, const char *balance)
{
    shebao_ledger_row r;
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ];
    assert_int_equal(shebao_projection_ledger_row(p, i, &r), SHEBAO_OK);
    assert_int_equal(r.year, year);
    if (strcmp(fen_str(r.interest, a), interest) != 0 || strcmp(fen_str(r.balance, b), balance) != 0)
        fail_msg("%d: interest %s balance %s, want %s %s", year, a, b, interest, balance);
}

/* The policy's interest rates at the bounds [-0.05, 0.20]: both load and give the ledger worked out here (year_end,
 * fen_half_up, grade 1000, no subsidy; born 1960-01, claim 2020-02, e = 1 month of 2020). */
static void test_rate_bounds_ledger(void **state)
{
    (void)state;
    tp t = {.base = "100", .grades = "{\"grade\":\"1000\",\"subsidy\":\"0\"}", .rate = "-0.05"};
    shebao_policy *pol = make_policy(&t);
    shebao_projection *p = project(pol, 1960, 1, "2017-2019:1000", 0, 0);
    /* 2017: B = 0 + 1000 + 0 = 1000.00
     * 2018: I = fen_half_up(1000 × −0.05) = −50.00; B = 1000 + 1000 − 50 = 1950.00
     * 2019: I = fen_half_up(1950 × −0.05) = −97.50; B = 1950 + 1000 − 97.50 = 2852.50
     * 2020 (claim year, 1 month): I = fen_half_up(2852.50 × −0.05 × 1/12) = fen_half_up(−11.885416…) = −11.89
     *       (half-up is away from zero); B = 2852.50 − 11.89 = 2840.61 */
    expect_ledger(p, 0, 2017, "0.00", "1000.00");
    expect_ledger(p, 1, 2018, "-50.00", "1950.00");
    expect_ledger(p, 2, 2019, "-97.50", "2852.50");
    expect_ledger(p, 3, 2020, "-11.89", "2840.61");
    shebao_projection_free(p);
    shebao_policy_free(pol);
    t.rate = "0.20";
    pol = make_policy(&t);
    p = project(pol, 1960, 1, "2017-2019:1000", 0, 0);
    /* 2018: I = 1000 × 0.2 = 200.00, B = 2200.00; 2019: I = 440.00, B = 3640.00;
     * 2020: I = fen_half_up(3640 × 0.2 / 12) = fen_half_up(60.666…) = 60.67, B = 3700.67 */
    expect_ledger(p, 1, 2018, "200.00", "2200.00");
    expect_ledger(p, 2, 2019, "440.00", "3640.00");
    expect_ledger(p, 3, 2020, "60.67", "3700.67");
    shebao_projection_free(p);
    shebao_policy_free(pol);
}

/* The run's discount and future rates: outside [-0.05, 0.20] an input error showing the percentage (and, for a
 * percentage written as a number, the form expected), from shebao_project, the summary and shebao_compare alike. */
static void test_rate_bounds_run(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    shebao_segment seg = {2024, 2033, 30000}; /* born 1975-03: 2024-2033 is within 1991..2035 */
    shebao_person pe = tu_person(1975, 3, &seg, 1);
    pe.mortality = SHEBAO_MORTALITY_CL2010_2013_PENSION;
    static const struct {
        const char *discount, *future, *msg;
    } bad[] = {
        /* 2.5 = 250 %; as a percentage 2.5 % = 0.025 */
        {"2.5", NULL, "discount rate '2.5': 250% a year: write 0.025 for 2.5% (a rate must be in [-0.05, 0.20])"},
        /* −0.06 = −6 %, below −5 %: no hint (it is not a percentage written as a number, |−0.06| < 1) */
        {"-0.06", NULL, "discount rate '-0.06': -6% a year (a rate must be in [-0.05, 0.20])"},
        /* 0.21 = 21 % > 20 % */
        {"0.21", NULL, "discount rate '0.21': 21% a year (a rate must be in [-0.05, 0.20])"},
        /* 0.200001 = 20.0001 % */
        {"0.200001", NULL, "discount rate '0.200001': 20.0001% a year (a rate must be in [-0.05, 0.20])"},
        /* 1 = 100 %; 1 % = 0.01 */
        {NULL, "1", "future rate '1': 100% a year: write 0.01 for 1% (a rate must be in [-0.05, 0.20])"},
        /* −3 = −300 %; −3 % = −0.03 */
        {NULL, "-3", "future rate '-3': -300% a year: write -0.03 for -3% (a rate must be in [-0.05, 0.20])"},
        /* 25 = 2500 %: 25 % = 0.25 is itself outside the bounds, so no form is offered */
        {NULL, "25", "future rate '25': 2500% a year (a rate must be in [-0.05, 0.20])"},
        {"2.5%", NULL, "discount rate '2.5%': not a decimal rate (write 0.025 for 2.5%)"},
    };
    shebao_projection *p = NULL;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pe.discount = bad[i].discount;
        pe.future_rate = bad[i].future;
        assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_EINPUT);
        assert_null(p);
        assert_string_equal(shebao_ctx_errmsg(ctx), bad[i].msg);
        shebao_summary sm = SHEBAO_SUMMARY_INIT;
        assert_int_equal(shebao_project_summary(ctx, pol, &pe, &sm), SHEBAO_EINPUT);
        assert_string_equal(shebao_ctx_errmsg(ctx), bad[i].msg);
        shebao_person cp = pe; /* compare: no plan, it builds them */
        cp.plan = NULL;
        cp.plan_count = 0;
        shebao_compare_options opt = SHEBAO_COMPARE_OPTIONS_INIT;
        opt.start_year = 2024;
        shebao_comparison *c = NULL;
        assert_int_equal(shebao_compare(ctx, pol, &cp, &opt, &c), SHEBAO_EINPUT);
        assert_null(c);
        assert_string_equal(shebao_ctx_errmsg(ctx), bad[i].msg);
    }
    /* the bounds themselves, and the same values written otherwise, are accepted */
    static const char *const good[] = {"0.20", "-0.05", "0.2", "-0.050", "0"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        pe.discount = good[i];
        pe.future_rate = good[i];
        assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
        shebao_projection_free(p);
        p = NULL;
    }
    shebao_policy_free(pol);
}

/* A negative discount rate in the EPV: v = (1 + i)^(−1/12) > 1 for i < 0, and the sum is the same formula.
 * Near the end of the table l is linear within the year of age 105 and 0 from 106 (q_105 = 1), so the weights are
 * simple: at 105 years 10 months l(a)/l(a) = 1 and l(a+1)/l(a) = (1/12)/(2/12) = 1/2, nothing after. */
static void test_negative_discount_epv(void **state)
{
    (void)state;
    shebao_fen f;
    /* 1000.00 a month, two months: EPV = 1000 × (1 + v/2).
     * i = 0:     v = 1,                              EPV = 1500.00
     * i = −0.05: v = 0.95^(−1/12) = e^(0.0512933/12) = e^0.00427444 = 1.0042836, EPV = 1000 × 1.5021418 = 1502.14
     * i = 0.20:  v = 1.2^(−1/12) = e^(−0.1823216/12) = e^(−0.0151935) = 0.9849214, EPV = 1000 × 1.4924607 = 1492.46 */
    static const struct {
        const char *i, *epv;
    } two[] = {{"0", "1500.00"}, {"-0.05", "1502.14"}, {"0.20", "1492.46"}};
    for (size_t k = 0; k < sizeof two / sizeof two[0]; k++) {
        assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE,
                                            105 * 12 + 10, 100000, two[k].i, &f),
                         SHEBAO_OK);
        assert_fen(f, two[k].epv);
    }
    /* 1200.00 a month from exactly 105: weights (12 − j)/12 for j = 0..11, so EPV = 100 × Σ_{j=0}^{11} (12 − j)·v^j.
     * i = 0: 100 × (12 + 11 + … + 1) = 100 × 78 = 7800.00.
     * i = −0.05, v = 1.0042836 (v^j = e^(0.00427444·j)): Σ (12 − j)·v^j = 12 + 11·1.0042836 + 10·1.0085855
     *   + 9·1.0129059 + 8·1.0172448 + 7·1.0216022 + 6·1.0259784 + 5·1.0303732 + 4·1.0347869 + 3·1.0392195
     *   + 2·1.0436711 + 1·1.0481418
     *   = 12 + 11.047119 + 10.085855 + 9.116153 + 8.137958 + 7.151216 + 6.155870 + 5.151866 + 4.139148 + 3.117659
     *   + 2.087342 + 1.048142 = 79.238328 → EPV = 7923.83 (7923.8328…, far from a half fen) */
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_FEMALE, 105 * 12,
                                        120000, "0", &f),
                     SHEBAO_OK);
    assert_fen(f, "7800.00");
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_FEMALE, 105 * 12,
                                        120000, "-0.05", &f),
                     SHEBAO_OK);
    assert_fen(f, "7923.83");
    /* just outside the bounds: refused, as by shebao_project */
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 60 * 12, 100000,
                                        "-0.0500001", &f),
                     SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "discount rate '-0.0500001': -5.00001% a year (a rate must be in "
                                                "[-0.05, 0.20])");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meizhou_table),
        cmocka_unit_test(test_shanghai_2021),
        cmocka_unit_test(test_shijiazhuang),
        cmocka_unit_test(test_zhoushan_hand_cases),
        cmocka_unit_test(test_lanxi),
        cmocka_unit_test(test_rounding_modes_on_a_tie),
        cmocka_unit_test(test_methods),
        cmocka_unit_test(test_interest_paths_large_balances),
        cmocka_unit_test(test_zhejiang_grade_change),
        cmocka_unit_test(test_not_eligible_and_backpay),
        cmocka_unit_test(test_input_errors),
        cmocka_unit_test(test_epv_cl5),
        cmocka_unit_test(test_projection_epv_consistent),
        cmocka_unit_test(test_assumptions_listed),
        cmocka_unit_test(test_summary_matches_project),
        cmocka_unit_test(test_epv_with_supplements),
        cmocka_unit_test(test_future_rate_after_claim),
        cmocka_unit_test(test_values_out_of_range),
        cmocka_unit_test(test_after_claim_provenance),
        cmocka_unit_test(test_rate_bounds_ledger),
        cmocka_unit_test(test_rate_bounds_run),
        cmocka_unit_test(test_negative_discount_epv),
    };
    return cmocka_run_group_tests_name("resident", tests, tu_setup, tu_teardown);
}
