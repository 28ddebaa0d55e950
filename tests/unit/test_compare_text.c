/* The sentences of `shebao compare` (examples/shebao/compare_text.c, #12 item 5): the path over grade tables as
 * text, and the lowest-versus-highest sentence with 2, 1 and 0 eligible ends. The figures are put in by hand; what
 * is checked is the text built around them. One eligible end cannot come out of shebao_compare() today (both ends
 * have the same years, and eligibility depends on the years alone), so that sentence is checked here only. */
#include <stdlib.h>
#include <string.h>

#include "compare_text.h"
#include "testutil.h"

/* What compare_sentence prints, as a string to free. */
static char *sentence(const shebao_compare_delta *d, bool path, bool lo, bool hi, int missing, bool zh, bool en)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    compare_ends e = {lo, hi, missing};
    compare_sentence(f, d, path, &e, zh, en);
    fclose(f);
    return buf;
}

static void contains(const char *text, const char *want)
{
    if (!strstr(text, want))
        fail_msg("'%s' lacks '%s'", text, want);
}

static void test_path_text(void **state)
{
    (void)state;
    /* the example: 2000 in 2016-2023, 7000 from 2024 */
    static const shebao_segment hi[] = {{2016, 2023, 200000}, {2024, 2040, 700000}};
    char t[256];
    compare_path_text(hi, 2, true, t, sizeof t);
    assert_string_equal(t, "2016–2023 年 2000.00 元, 2024 年起 7000.00 元");
    compare_path_text(hi, 2, false, t, sizeof t);
    assert_string_equal(t, "2000.00 in 2016-2023, 7000.00 from 2024");
    /* a one-year first segment */
    static const shebao_segment lo[] = {{2023, 2023, 10000}, {2024, 2030, 30000}};
    compare_path_text(lo, 2, true, t, sizeof t);
    assert_string_equal(t, "2023 年 100.00 元, 2024 年起 300.00 元");
    compare_path_text(lo, 2, false, t, sizeof t);
    assert_string_equal(t, "100.00 in 2023, 300.00 from 2024");
}

static void test_sentence_ends(void **state)
{
    (void)state;
    /* 2 eligible ends, following a path: 9 years, 20700.00 more paid, 207.00 more a month, recouped in
     * 20700 / 207 = 100 months = 8 years 4 months (test_midway.c's policy M with auto:300) */
    shebao_compare_delta d = {0};
    d.kind = SHEBAO_DELTA_GRADE;
    d.from_grade = 30000;
    d.to_grade = 300000;
    d.from_years = d.to_years = 9;
    d.extra_paid = 2070000;
    d.available = 1;
    d.extra_monthly = 20700;
    d.has_recoup = 1;
    d.recoup_months = 100;
    char *s = sentence(&d, true, true, true, 0, true, true);
    contains(s, "按缴费9年计：每年缴当年最高档（最后一年3000.00元）而不是当年最低档（300.00元），总共多缴20700.00元，"
                "每月多领207.00元，领取100个月（8年4个月）后多缴的钱就回来了。\n");
    contains(s, "Paying the highest grade in force each year (3000.00 in the last year) instead of the lowest (300.00) "
                "for 9 years costs 20700.00 more in total and pays 207.00 more a month; the extra payment has come "
                "back after 100 months (8 years 4 months) of pension.\n");
    free(s);
    /* without a path, the grades themselves */
    s = sentence(&d, false, true, true, 0, false, true);
    assert_string_equal(s, "Paying the highest grade (3000.00 a year) instead of the lowest (300.00) for 9 years costs "
                           "20700.00 more in total and pays 207.00 more a month; the extra payment has come back "
                           "after 100 months (8 years 4 months) of pension.\n");
    free(s);

    /* 1 eligible end: it is named, and the other one with its missing years */
    d.available = 0;
    s = sentence(&d, true, false, true, 4, true, true);
    contains(s, "按缴费9年计：只有最高档符合领取条件，最低档不符合（还差4年），无法比较待遇。\n");
    contains(s, "Paying for 9 years, only the highest grade is eligible for a pension; the lowest is not (4 year(s) "
                "missing)");
    free(s);
    s = sentence(&d, false, true, false, 2, false, true);
    assert_string_equal(s, "Paying for 9 years, only the lowest grade is eligible for a pension; the highest is not (2 "
                           "year(s) missing), so the pensions cannot be compared.\n");
    free(s);

    /* 0 eligible ends: neither, never "one of the two" */
    s = sentence(&d, true, false, false, 6, true, true);
    contains(s, "按缴费9年计：最低档和最高档都不符合领取条件（还差6年），无法比较待遇。\n");
    contains(s, "Paying for 9 years, neither the lowest nor the highest grade is eligible for a pension (6 year(s) "
                "missing), so the pensions cannot be compared.\n");
    assert_null(strstr(s, "one of the two"));
    free(s);
    s = sentence(&d, false, false, false, 7, true, false);
    assert_string_equal(s, "按缴费9年计：最低档和最高档都不符合领取条件（还差7年），无法比较待遇。\n");
    free(s);
}

/* The three sentences of the handout (shebao report): figures by hand, 7000.00 against 300.00 for 16 years:
 * 6700.00 more a year, 16 × 6700.00 = 107200.00 in all; 879.08 more a month; 107200.00 / 879.08 = 121.9…, so 122
 * months = 10 years 2 months. */
static void test_three(void **state)
{
    (void)state;
    shebao_compare_delta d = {0};
    d.kind = SHEBAO_DELTA_GRADE;
    d.from_grade = 30000;
    d.to_grade = 700000;
    d.from_years = d.to_years = 16;
    d.extra_per_year = 670000;
    d.extra_paid = 10720000;
    d.available = 1;
    d.extra_monthly = 87908;
    d.has_recoup = 1;
    d.recoup_months = 122;
    compare_ends both = {true, true, 0}, one = {true, false, 1};
    char t[3][COMPARE_LINE];
    assert_true(compare_three(&d, false, &both, true, t));
    assert_string_equal(t[0], "按最高档缴，每年多缴6700.00元（最高档7000.00元，最低档300.00元），16年共多缴107200.00元。");
    assert_string_equal(t[1], "每月多领879.08元。");
    assert_string_equal(t[2], "领10年2个月（122个月）回本：多缴的钱通过每月多领全部回来。");
    assert_true(compare_three(&d, true, &both, false, t));
    assert_string_equal(t[0], "Paying the highest grade in force costs 6700.00 more in the last year (7000.00 instead of "
                              "300.00), 107200.00 more in 16 years.");
    assert_string_equal(t[1], "The pension is 879.08 more a month.");
    assert_string_equal(t[2], "The extra has come back after 10 years 2 months (122 months) of pension.");
    assert_false(compare_three(&d, false, &one, true, t)); /* one end not eligible: no sentences */
    d.available = 0;
    assert_false(compare_three(&d, false, &both, true, t));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_text),
        cmocka_unit_test(test_sentence_ends),
        cmocka_unit_test(test_three),
    };
    return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
