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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_divisor_rows),
        cmocka_unit_test(test_divisor_whole_years),
        cmocka_unit_test(test_case9_and_versions),
        cmocka_unit_test(test_min_years),
    };
    return cmocka_run_group_tests_name("employee", tests, tu_setup, tu_teardown);
}
