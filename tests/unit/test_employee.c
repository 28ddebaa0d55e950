/* The employee pension: the divisor table (计发月数) row by row, whole-year and month-linear divisors at the
 * claim, the two Zhejiang approval forms through the library, the minimum years and the versions of the structs.
 * Every expected figure is worked out in the comment beside it from docs/employee-pension.md and the research
 * note it cites (国发〔2005〕38号 annex; the Zhejiang forms of liubigfatty/pension-calculator cases/zhejiang). */
#include "testutil.h"

/* 国发〔2005〕38号 annex, ages 40 to 70, as copied in employee-pension.md §2.1 (47: 207, see the policy's
 * CN-GF-2005-38-ROW47). Typed from the note, not from the policy file. */
static const char *const annex[31] = {"233", "230", "226", "223", "220", "216", "212", "207", "204", "199", "195",
                                      "190", "185", "180", "175", "170", "164", "158", "152", "145", "139", "132",
                                      "125", "117", "109", "101", "93",  "84",  "75",  "65",  "56"};

/* Every row of the embedded table, through the policy's provenance ("age A: D" under employee_pension.divisors). */
static void test_divisor_rows(void **state)
{
    (void)state;
    shebao_policy *p = tu_embedded("zhejiang");
    int seen = 0;
    for (size_t i = 0; i < shebao_policy_param_count(p); i++) {
        shebao_param q;
        assert_int_equal(shebao_policy_param(p, i, &q), SHEBAO_OK);
        if (strcmp(q.path, "employee_pension.divisors") != 0)
            continue;
        char want[32];
        snprintf(want, sizeof want, "age %d: %s", 40 + seen, annex[seen]);
        assert_string_equal(q.value, want);
        seen++;
    }
    assert_int_equal(seen, 31);
    shebao_policy_free(p);
}

/* A claim at a whole age: a person whose elastic window holds that age. Women of original age 50 born 1974-12
 * (no delay: statutory 50y0m, window 50-53), women of 55 born 1969-12 (55-58), men born 1964-12 (60-63), men born
 * 1976-09 (statutory 63y0m, window 60-66), women of 50 born 1984-11 (statutory 55y0m, window 52-58): every age
 * 50 to 66. The retirement month is birth + age; N = 20 years, so every claim is eligible (20 ≥ 20, the most). */
static void claim_at(shebao_policy *p, shebao_retire_category c, int by, int bm, int age_m, shebao_employee_pension *o)
{
    shebao_employee_form f = SHEBAO_EMPLOYEE_FORM_INIT;
    f.birth_year = by;
    f.birth_month = bm;
    f.category = c;
    int m = by * 12 + bm - 1 + age_m;
    f.retire_year = m / 12;
    f.retire_month = m % 12 + 1;
    f.years_paid = "20";
    f.index = "1";
    f.account = 100000;
    *o = (shebao_employee_pension)SHEBAO_EMPLOYEE_PENSION_INIT;
    if (shebao_employee_claim(ctx, p, &f, o) != SHEBAO_OK)
        fail_msg("claim at %d months: %s", age_m, shebao_ctx_errmsg(ctx));
}

static void test_divisor_whole_years(void **state)
{
    (void)state;
    shebao_policy *p = tu_embedded("zhejiang");
    static const struct {
        shebao_retire_category c;
        int by, bm, from, to;
    } who[] = {{SHEBAO_RETIRE_FEMALE50, 1974, 12, 50, 53}, {SHEBAO_RETIRE_FEMALE50, 1984, 11, 54, 54},
               {SHEBAO_RETIRE_FEMALE55, 1969, 12, 55, 58}, {SHEBAO_RETIRE_MALE, 1964, 12, 60, 63},
               {SHEBAO_RETIRE_MALE, 1976, 9, 64, 66}};
    for (size_t w = 0; w < sizeof who / sizeof who[0]; w++)
        for (int a = who[w].from; a <= who[w].to; a++) {
            shebao_employee_pension o;
            claim_at(p, who[w].c, who[w].by, who[w].bm, a * 12, &o);
            assert_string_equal(o.divisor, annex[a - 40]);
            /* whole_year (Zhejiang): 60 years 1 month still reads the row of 60 */
            if (a == 60) {
                claim_at(p, who[w].c, who[w].by, who[w].bm, a * 12 + 1, &o);
                assert_string_equal(o.divisor, "139");
            }
        }
    shebao_policy_free(p);
}

/* Case 9 through the library (the CLI case employee-zj-case9 shows the hand derivation): 3,199.50. A version of 0
 * is refused naming the struct. */
static void test_case9_and_versions(void **state)
{
    (void)state;
    shebao_policy *p = tu_embedded("zhejiang");
    shebao_employee_form f = tu_employee_case9();
    shebao_employee_pension o = SHEBAO_EMPLOYEE_PENSION_INIT;
    assert_int_equal(shebao_employee_claim(ctx, p, &f, &o), SHEBAO_OK);
    assert_fen(o.basic_pension, "1737.75");
    assert_fen(o.account_pension, "766.37");
    assert_fen(o.transition_adjustment, "545.38");
    assert_fen(o.pension_subsidy, "150.00");
    assert_fen(o.monthly_total, "3199.50");
    assert_int_equal(o.has_transition_pension, 0);
    o.version = 0;
    assert_int_equal(shebao_employee_claim(ctx, p, &f, &o), SHEBAO_EUSAGE);
    shebao_retirement r = SHEBAO_RETIREMENT_INIT;
    r.version = 2;
    assert_int_equal(shebao_retire_compute(ctx, p, 1965, 1, SHEBAO_RETIRE_MALE, &r), SHEBAO_EUSAGE);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "shebao_retirement.version 2"));
    shebao_policy_free(p);
}

/* Minimum years (employee-pension.md §1.5): 180 months until 2029, +6 a year from 2030, 240 from 2039. A man born
 * 1969-01: delay (1969-01 − 1965-01 = 48 months) / 4 + 1 = 13 → 61y1m, 2030-02 → 186 months. */
static void test_min_years(void **state)
{
    (void)state;
    shebao_policy *p = tu_embedded("zhejiang");
    shebao_retirement r = SHEBAO_RETIREMENT_INIT;
    assert_int_equal(shebao_retire_compute(ctx, p, 1969, 1, SHEBAO_RETIRE_MALE, &r), SHEBAO_OK);
    assert_int_equal(r.year, 2030);
    assert_int_equal(r.month, 2);
    assert_int_equal(r.min_months, 186);
    assert_string_equal(shebao_retire_category_name(SHEBAO_RETIRE_FEMALE55), "female55");
    assert_null(shebao_retire_category_name((shebao_retire_category)3));
    shebao_retire_category c;
    assert_int_equal(shebao_retire_category_from_name("female50", &c), SHEBAO_OK);
    assert_int_equal(c, SHEBAO_RETIRE_FEMALE50);
    assert_int_equal(shebao_retire_category_from_name("female", &c), SHEBAO_EINPUT);
    shebao_policy_free(p);
}

/* ---- a flexible worker's plan (docs/employee-pension.md §5) ------------------------------------------------- */

/* Row i of a plan. */
static shebao_employee_plan_row plan_row(const shebao_employee_plan *pl, size_t i)
{
    shebao_employee_plan_row r = SHEBAO_EMPLOYEE_PLAN_ROW_INIT;
    assert_int_equal(shebao_employee_plan_row_get(pl, i, &r), SHEBAO_OK);
    return r;
}

/* The plan's claim equals shebao_employee_claim() of the form it implies, member by member. */
static void plan_claim_is_form_claim(shebao_policy *p, const shebao_employee_plan *pl)
{
    shebao_employee_form f = *shebao_employee_plan_form(pl);
    shebao_employee_pension o = SHEBAO_EMPLOYEE_PENSION_INIT;
    assert_int_equal(shebao_employee_claim(ctx, p, &f, &o), SHEBAO_OK);
    assert_memory_equal(&o, shebao_employee_plan_claim(pl), sizeof o);
}

/* One year. A man born 1965-06: delay (1965-06 − 1965-01 = 5) / 4 + 1 = 2 months, statutory 60y2m = 2025-08. 15
 * years before at index 1, then 2024 at 60 %. Policy data (P3 §5.1): the 2023 average 99,722, the 2024 band
 * 4,812–24,930, the 2024 crediting rate 2.62 % and 2.62 % assumed for 2025, the flexible rate 20 %, account 8 %.
 *   2024: wage 99,722 / 12 = 8,310.1667; base 0.6 × 8,310.1667 = 4,986.10 (in the band), index 0.6;
 *         paid 0.20 × 4,986.10 = 997.22 a month, 12 × = 11,966.64; credit 0.08 × 4,986.10 = 398.888 → 398.89,
 *         12 × = 4,786.68; interest 0.0262 × 398.89 × Σ(13 − m) / 12 = 0.0262 × 398.89 × 78 / 12 = 67.9310 → 67.93;
 *         balance 4,854.61.
 *   2025: nothing paid; interest to the retirement month 8: 0.0262 × 4,854.61 × 7 / 12 = 74.1946 → 74.19;
 *         account 4,928.80.
 *   N = 15 + 1 = 16; Z = (180 × 1 + 12 × 0.6) / 192 = 0.975.
 *   Claim (C 8,433 of 2025, published 2025-07): basic 8,433 × 1.975 / 2 × 16 × 1 % = 1,332.414 → 1,332.41;
 *         account 4,928.80 / 139 = 35.459 → 35.46; 过渡调节金 480 + 0.975 × 16 × 3 = 526.80; subsidy 150;
 *         sum 2,044.67 → jiao_up 2,044.70.
 *   Break-even: ceil(11,966.64 / 2,044.70) = 6 months: 2025-08 + 5 = 2026-01, at 60 years 7 months. */
static void test_plan_one_year(void **state)
{
    (void)state;
    shebao_policy *p = tu_embedded("zhejiang");
    shebao_employee_plan_input in = tu_employee_plan();
    shebao_employee_plan *pl = NULL;
    assert_int_equal(shebao_employee_plan_compute(ctx, p, &in, &pl), SHEBAO_OK);
    assert_int_equal(shebao_employee_plan_row_count(pl), 2);
    shebao_employee_plan_row r = plan_row(pl, 0);
    assert_int_equal(r.year, 2024);
    assert_fen(r.base, "4986.10");
    assert_string_equal(r.index, "0.6000");
    assert_fen(r.personal, "11966.64");
    assert_fen(r.credited, "4786.68");
    assert_fen(r.interest, "67.93");
    assert_fen(r.balance, "4854.61");
    r = plan_row(pl, 1);
    assert_int_equal(r.months, 0);
    assert_fen(r.interest, "74.19");
    assert_int_equal(r.rate_assumed, 1);
    const shebao_employee_form *f = shebao_employee_plan_form(pl);
    assert_string_equal(f->years_paid, "16.00");
    assert_string_equal(f->index, "0.9750");
    assert_fen(f->account, "4928.80");
    const shebao_employee_pension *c = shebao_employee_plan_claim(pl);
    assert_fen(c->basic_pension, "1332.41");
    assert_fen(c->account_pension, "35.46");
    assert_fen(c->transition_adjustment, "526.80");
    assert_fen(c->monthly_total, "2044.70");
    shebao_employee_plan_figures g = SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT;
    assert_int_equal(shebao_employee_plan_figures_get(pl, &g), SHEBAO_OK);
    assert_fen(g.personal_total, "11966.64");
    assert_int_equal(g.breakeven_months, 6);
    assert_int_equal(g.breakeven_year * 100 + g.breakeven_month, 202601);
    assert_int_equal(g.breakeven_age_years * 100 + g.breakeven_age_months, 6007);
    assert_int_equal(g.benefit_base_projected, 0);
    assert_true(g.has_epv && g.has_irr);
    /* the EPV is the resident engine's: shebao_annuity_epv of the same monthly total at the same age */
    shebao_fen epv = 0;
    assert_int_equal(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 60 * 12 + 2,
                                        c->monthly_total, "0.025", &epv), SHEBAO_OK);
    assert_int_equal(epv, g.epv_benefits);
    plan_claim_is_form_claim(p, pl);
    shebao_employee_plan_free(pl);
    shebao_policy_free(p);
}

/* Three years at 60 %, 2020–2022, for the same man with 13 years before at index 0.7: the 18 % rate before 2022,
 * a base raised to the floor, and interest years with nothing paid.
 *   2020: wage 71,523 / 12 = 5,960.25; base 3,576.15 (band 3,321.60–17,880.75), index 0.6; paid 0.18 × 3,576.15 =
 *         643.707 → 643.71, × 12 = 7,724.52; credit 286.092 → 286.09, × 12 = 3,433.08; interest 0.0604 × 286.09 ×
 *         78 / 12 = 112.3189 → 112.32; balance 3,545.40.
 *   2021: wage 79,133 / 12 = 6,594.4167; 60 % = 3,956.65 < floor 3,957: base 3,957.00, index 3,957 × 12 / 79,133 =
 *         0.60006; paid 0.18 × 3,957 = 712.26 (the 文成 notice's figure, P3 §5.2), × 12 = 8,547.12; credit 316.56,
 *         × 12 = 3,798.72; interest 0.0669 × (3,545.40 × 12 + 316.56 × 78) / 12 = 374.8434 → 374.84; balance
 *         7,718.96.
 *   2022: wage 89,240 / 12 = 7,436.6667; base 4,462.00, index 0.6; paid 0.20 × 4,462 = 892.40, × 12 = 10,708.80;
 *         credit 356.96, × 12 = 4,283.52; interest 0.0612 × (7,718.96 × 12 + 356.96 × 78) / 12 = 614.3990 →
 *         614.40; balance 12,616.88.
 *   2023: 0.0397 × 12,616.88 = 500.8901 → 500.89; 13,117.77. 2024: 0.0262 × 13,117.77 = 343.6856 → 343.69;
 *         13,461.46. 2025 to month 8: 0.0262 × 13,461.46 × 7 / 12 = 205.7360 → 205.74; account 13,667.20.
 *   Personal total 7,724.52 + 8,547.12 + 10,708.80 = 26,980.44. N = 16. Z = (156 × 0.7 + 24 × 0.6 + 12 × 47,484 /
 *         79,133) / 192 = (109.2 + 14.4 + 7.2006369) / 192 = 0.681253 → 0.6813.
 *   Claim: basic 8,433 × 1.6813 / 2 × 0.16 = 1,134.2722 → 1,134.27; account 13,667.20 / 139 = 98.3252 → 98.33;
 *         过渡调节金 480 + 0.6813 × 48 = 512.7024 → 512.70; subsidy 150; 1,895.30 (jiao_up: 1,895.30).
 *   Break-even: ceil(26,980.44 / 1,895.30) = 15 months. */
static void test_plan_three_years(void **state)
{
    (void)state;
    shebao_policy *p = tu_embedded("zhejiang");
    shebao_employee_plan_input in = tu_employee_plan();
    in.plan = "2020-2022:60%";
    in.years_paid = "13";
    in.index = "0.7";
    shebao_employee_plan *pl = NULL;
    assert_int_equal(shebao_employee_plan_compute(ctx, p, &in, &pl), SHEBAO_OK);
    assert_int_equal(shebao_employee_plan_row_count(pl), 6);
    static const struct {
        const char *base, *rate, *personal, *credited, *interest, *balance;
        int clamped;
    } want[] = {
        {"3576.15", "0.18", "7724.52", "3433.08", "112.32", "3545.40", 0},
        {"3957.00", "0.18", "8547.12", "3798.72", "374.84", "7718.96", -1},
        {"4462.00", "0.2", "10708.80", "4283.52", "614.40", "12616.88", 0},
        {"0.00", "", "0.00", "0.00", "500.89", "13117.77", 0},
        {"0.00", "", "0.00", "0.00", "343.69", "13461.46", 0},
        {"0.00", "", "0.00", "0.00", "205.74", "13667.20", 0},
    };
    for (size_t i = 0; i < 6; i++) {
        shebao_employee_plan_row r = plan_row(pl, i);
        assert_int_equal(r.year, 2020 + (int)i);
        assert_fen(r.base, want[i].base);
        assert_string_equal(r.contribution_rate, want[i].rate);
        assert_fen(r.personal, want[i].personal);
        assert_fen(r.credited, want[i].credited);
        assert_fen(r.interest, want[i].interest);
        assert_fen(r.balance, want[i].balance);
        assert_int_equal(r.clamped, want[i].clamped);
    }
    const shebao_employee_form *f = shebao_employee_plan_form(pl);
    assert_string_equal(f->index, "0.6813");
    const shebao_employee_pension *c = shebao_employee_plan_claim(pl);
    assert_fen(c->basic_pension, "1134.27");
    assert_fen(c->account_pension, "98.33");
    assert_fen(c->transition_adjustment, "512.70");
    assert_fen(c->monthly_total, "1895.30");
    shebao_employee_plan_figures g = SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT;
    assert_int_equal(shebao_employee_plan_figures_get(pl, &g), SHEBAO_OK);
    assert_fen(g.personal_total, "26980.44");
    assert_int_equal(g.breakeven_months, 15);
    plan_claim_is_form_claim(p, pl);
    shebao_employee_plan_free(pl);
    shebao_policy_free(p);
}

/* A retirement beyond the policy's benefit bases: C projected from the wage grown 3 % a year, and given to the
 * form, whose claim is still the plan's. A man born 1980-01: delay (1980-01 − 1965-01 = 180) / 4 + 1 = 46 → 36
 * (the cap): 63y0m, 2043-01. C = the 2042 average: 101,194 × 1.03^18, rounded to the fen each year, ÷ 12 to the
 * yuan; checked through the claim of the implied form, not against a figure of the plan itself. Bad plans fail
 * with a message naming the segment. */
static void test_plan_projected(void **state)
{
    (void)state;
    shebao_policy *p = tu_embedded("zhejiang");
    shebao_employee_plan_input in = SHEBAO_EMPLOYEE_PLAN_INPUT_INIT;
    in.birth_year = 1980;
    in.birth_month = 1;
    in.plan = "2025-2042:100%";
    shebao_employee_plan *pl = NULL;
    assert_int_equal(shebao_employee_plan_compute(ctx, p, &in, &pl), SHEBAO_OK);
    const shebao_employee_form *f = shebao_employee_plan_form(pl);
    assert_int_equal(f->retire_year * 100 + f->retire_month, 204301);
    assert_string_equal(f->years_paid, "18.00");
    assert_string_equal(f->index, "1.0000");
    shebao_employee_plan_figures g = SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT;
    assert_int_equal(shebao_employee_plan_figures_get(pl, &g), SHEBAO_OK);
    assert_int_equal(g.benefit_base_projected, 1);
    assert_true(f->benefit_base > 843300); /* above the 2025 base */
    plan_claim_is_form_claim(p, pl);
    shebao_employee_plan_free(pl);
    static const struct {
        const char *plan, *msg;
    } bad[] = {
        {"2025-2042:50%", "plan segment 1 '2025-2042:50%': a share must be 60% to 300%"},
        {"2025:100%,2025:60%", "plan segment 2 '2025:60%': its years must come after"},
        {"2025-2044:100%", "plan: year 2044 is not before the retirement in 2043-01"},
        {"2010:100%", "no average wage (average_wage) for 2009, the index denominator of 2010"},
        {"25:100%", "expected years YYYY or YYYY-YYYY"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        in.plan = bad[i].plan;
        assert_int_equal(shebao_employee_plan_compute(ctx, p, &in, &pl), SHEBAO_EINPUT);
        assert_null(pl);
        if (!strstr(shebao_ctx_errmsg(ctx), bad[i].msg))
            fail_msg("%s: %s", bad[i].plan, shebao_ctx_errmsg(ctx));
    }
    shebao_policy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_divisor_rows),
        cmocka_unit_test(test_divisor_whole_years),
        cmocka_unit_test(test_case9_and_versions),
        cmocka_unit_test(test_min_years),
        cmocka_unit_test(test_plan_one_year),
        cmocka_unit_test(test_plan_three_years),
        cmocka_unit_test(test_plan_projected),
    };
    return cmocka_run_group_tests_name("employee", tests, tu_setup, tu_teardown);
}
