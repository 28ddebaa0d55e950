/* Plain words of the text tables (examples/shebao/cli_words.c, #13 "Plain words"). Every expectation is worked by
 * hand beside it: a percentage is the decimal point moved two places (policy rates: exact; computed rates:
 * 2 decimals of a percent, half up from the exact text); an age or a length of m months is m / 12 years and m % 12
 * months. */
#include <stdlib.h>
#include <string.h>

#include "cli_words.h"
#include "testutil.h"

static void test_rate(void **state)
{
    (void)state;
    char b[CLI_WORD_BUFSZ];
    assert_string_equal(cli_rate("0.015", b), "1.5%");    /* 0.015 × 100 = 1.5 */
    assert_string_equal(cli_rate("0.0246", b), "2.46%");  /* 0.0246 × 100 = 2.46 */
    assert_string_equal(cli_rate("0.025", b), "2.5%");
    assert_string_equal(cli_rate("0.10", b), "10%");      /* both fraction digits move: nothing after the point */
    assert_string_equal(cli_rate("0.1", b), "10%");       /* a missing second digit is 0 */
    assert_string_equal(cli_rate("0", b), "0%");
    assert_string_equal(cli_rate("1", b), "100%");
    assert_string_equal(cli_rate("0.00125", b), "0.125%"); /* no rounding of a policy rate */
    assert_string_equal(cli_rate("0.0150", b), "1.5%");   /* zeros at the end say nothing */
    assert_string_equal(cli_rate("0.855", b), "85.5%");   /* a care payment ratio */
    assert_string_equal(cli_rate("0.00125000", b), "0.125%");
    assert_string_equal(cli_rate(".03", b), "3%");
    assert_string_equal(cli_rate("-0.005", b), "-0.5%");
    assert_string_equal(cli_rate(NULL, b), "-");
    assert_string_equal(cli_rate("", b), "-");
    assert_string_equal(cli_rate("1.", b), "-");
    assert_string_equal(cli_rate("2.5%", b), "-");
    assert_string_equal(cli_rate("abc", b), "-");
}

static void test_rate2(void **state)
{
    (void)state;
    char b[CLI_WORD_BUFSZ];
    assert_string_equal(cli_rate2("0.181947", b), "18.19%");  /* 18.1947: the 3rd decimal 4 < 5, cut */
    assert_string_equal(cli_rate2("0.0246", b), "2.46%");
    assert_string_equal(cli_rate2("0.125", b), "12.50%");     /* exactly 12.5 */
    assert_string_equal(cli_rate2("0.0012345", b), "0.12%");  /* 0.12345: 3 < 5, cut */
    assert_string_equal(cli_rate2("0.170140", b), "17.01%");  /* 17.014 */
    assert_string_equal(cli_rate2("0.085103", b), "8.51%");   /* 8.5103 */
    assert_string_equal(cli_rate2("0.00005", b), "0.01%");    /* 0.005: the half goes up */
    assert_string_equal(cli_rate2("0.00004999", b), "0.00%"); /* 0.004999: below the half */
    assert_string_equal(cli_rate2("0.099995", b), "10.00%");  /* 9.9995 → 10.00: the carry runs through */
    assert_string_equal(cli_rate2("0", b), "0.00%");
    assert_string_equal(cli_rate2("1.5", b), "150.00%");
    assert_string_equal(cli_rate2("-0.0123456", b), "-1.23%"); /* -1.23456: half up away from zero, 4 < 5 */
    assert_string_equal(cli_rate2("-0.00005", b), "-0.01%");
    assert_string_equal(cli_rate2("-0.00001", b), "0.00%");   /* rounds to zero: no minus sign */
    assert_string_equal(cli_rate2(NULL, b), "-");
    assert_string_equal(cli_rate2("", b), "-");
    assert_string_equal(cli_rate2("0.1e3", b), "-");
}

static void test_age(void **state)
{
    (void)state;
    char b[CLI_WORD_BUFSZ];
    assert_string_equal(cli_age(61 * 12 + 4, CLI_LANG_BOTH, b), "61岁4个月"); /* 736 months */
    assert_string_equal(cli_age(736, CLI_LANG_ZH, b), "61岁4个月");
    assert_string_equal(cli_age(736, CLI_LANG_EN, b), "61 y 4 m");
    assert_string_equal(cli_age(720, CLI_LANG_BOTH, b), "60岁"); /* 720 = 60 × 12 */
    assert_string_equal(cli_age(720, CLI_LANG_EN, b), "60 y");
    assert_string_equal(cli_age(0, CLI_LANG_BOTH, b), "0岁");
    assert_string_equal(cli_age(11, CLI_LANG_BOTH, b), "0岁11个月");
    assert_string_equal(cli_age(-1, CLI_LANG_BOTH, b), "-");
}

static void test_duration(void **state)
{
    (void)state;
    char b[CLI_WORD_BUFSZ];
    assert_string_equal(cli_duration(76, CLI_LANG_BOTH, b), "6年4个月"); /* 76 = 6 × 12 + 4 */
    assert_string_equal(cli_duration(76, CLI_LANG_EN, b), "6 y 4 m");
    assert_string_equal(cli_duration(62, CLI_LANG_ZH, b), "5年2个月");  /* 62 = 5 × 12 + 2 */
    assert_string_equal(cli_duration(122, CLI_LANG_BOTH, b), "10年2个月"); /* the glossary's 122 months */
    assert_string_equal(cli_duration(0, CLI_LANG_BOTH, b), "0个月");
    assert_string_equal(cli_duration(0, CLI_LANG_EN, b), "0 m");
    assert_string_equal(cli_duration(11, CLI_LANG_BOTH, b), "11个月");
    assert_string_equal(cli_duration(11, CLI_LANG_EN, b), "11 m");
    assert_string_equal(cli_duration(12, CLI_LANG_BOTH, b), "1年");
    assert_string_equal(cli_duration(180, CLI_LANG_EN, b), "15 y");
    assert_string_equal(cli_duration(-5, CLI_LANG_BOTH, b), "-");
}

static void test_yuan(void **state)
{
    (void)state;
    char b[CLI_WORD_BUFSZ];
    assert_string_equal(cli_yuan(22000, CLI_LANG_BOTH, b), "220.00元");
    assert_string_equal(cli_yuan(28985, CLI_LANG_ZH, b), "289.85元");
    assert_string_equal(cli_yuan(28985, CLI_LANG_EN, b), "289.85 yuan");
    assert_string_equal(cli_yuan(0, CLI_LANG_BOTH, b), "0.00元");
    assert_true(cli_lang_from("zh") == CLI_LANG_ZH);
    assert_true(cli_lang_from("en") == CLI_LANG_EN);
    assert_true(cli_lang_from(NULL) == CLI_LANG_BOTH);
}

/* What cli_print_notes prints, as a string to free. */
static char *notes(cli_lang l, const cli_notes *n, const cli_term *t, size_t count)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    cli_print_notes(f, l, n, t, count);
    fclose(f);
    return buf;
}

static void test_notes(void **state)
{
    (void)state;
    static const cli_term t[] = {CLI_TERM_EPV, CLI_TERM_IRR, CLI_TERM_BREAKEVEN};
    cli_notes n = {.discount = "0.03"};
    char *s = notes(CLI_LANG_BOTH, &n, t, 3);
    assert_non_null(strstr(s, "\n说明 Notes\n"));
    assert_non_null(strstr(s, "按年率3%折现")); /* the run's discount 0.03, not the default */
    assert_non_null(strstr(s, "discounted at 3% a year"));
    assert_true(strstr(s, "待遇精算现值") < strstr(s, "EPV:")); /* Chinese line first */
    assert_true(strstr(s, "EPV:") < strstr(s, "内部收益率"));  /* in the order given */
    free(s);
    s = notes(CLI_LANG_ZH, NULL, t, 3); /* no options: the default 2.5% */
    assert_non_null(strstr(s, "按年率2.5%折现"));
    assert_null(strstr(s, "EPV:"));
    assert_null(strstr(s, "Notes"));
    free(s);
    n.no_life_table = true; /* --mortality none: only break-even is left */
    s = notes(CLI_LANG_EN, &n, t, 3);
    assert_string_equal(s, "\nNotes\n  break-even: when the pension received first adds up to what the person paid; no "
                           "interest, no prices, and whether the person lives that long is not considered.\n");
    free(s);
    s = notes(CLI_LANG_EN, &n, t, 2); /* nothing left: no heading either */
    assert_string_equal(s, "");
    free(s);
}

/* The words of a non-official value: the texts lib/policy_resident.c, policy_employee.c, policy_ltc.c and the run
 * assumptions write, each put into Chinese by hand here; any other text, and every text outside zh, unchanged. */
static void test_value_words(void **state)
{
    (void)state;
    char b[128];
    static const char *const pairs[][2] = {
        {"grade 500.00: subsidy 80.00", "档次 500.00：补贴 80.00"},
        {"grade 200.00: subsidy 200.00 (daijiao)", "档次 200.00：补贴 200.00（代缴）"},
        {"years 1-5: 1.00 per year", "第1-5年：每年 1.00元"},
        {"years 16+: 5.00 per year", "第16年起：每年 5.00元"},
        {"years 1-15: 0.01 of the base pension per year", "第1-15年：每年加基础养老金的 0.01 倍"},
        {"years 16+: 0.02 of the base pension per year", "第16年起：每年加基础养老金的 0.02 倍"},
        {"age 70+: +10.00", "70岁及以上：加 10.00元"},
        {"age 60: 139", "60岁：139"},
        {"level 1 from 40", "40分起为 1 级"}, /* the pieces in the other order */
        {"rows 0/1/2/3", "组合表 0/1/2/3"},
        {"4567.00-22835.00 per month", "每月 4567.00-22835.00元"},
        {"true", "是"},
        {"not given", "未提供"},
        {"run option", "运行选项"},
        {"run option (default 0.025)", "运行选项（默认 0.025）"},
        {"run option (default 0: carried forward)", "运行选项（默认 0：保持不变）"},
        {"not given: assumed to meet waiting_months 6", "未提供：假定已连续参保 6 个月（waiting_months）"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        assert_string_equal(cli_value_words(pairs[i][0], CLI_LANG_ZH, b, sizeof b), pairs[i][1]);
    /* not a library text (a number, a date, an id, a near miss): unchanged, and not copied */
    static const char *const same[] = {"0.0246", "2024-01", "cap_on_payment", "grade 500.00", "years 1-5: 1.00",
                                       "run options", "age : 5", "", "rows "};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        assert_ptr_equal(cli_value_words(same[i], CLI_LANG_ZH, b, sizeof b), same[i]);
    const char *given = "grade 500.00: subsidy 80.00";
    assert_ptr_equal(cli_value_words(given, CLI_LANG_EN, b, sizeof b), given); /* en and both: as written */
    assert_ptr_equal(cli_value_words(given, CLI_LANG_BOTH, b, sizeof b), given);
    assert_null(cli_value_words(NULL, CLI_LANG_ZH, b, sizeof b));
    char small[8]; /* cut at a byte bound, terminated: "档次 " is 7 bytes */
    assert_string_equal(cli_value_words(given, CLI_LANG_ZH, small, sizeof small), "档次 ");
}

/* The statuses in Chinese (the words of the handout's footer) in zh, their names otherwise. */
static void test_status(void **state)
{
    (void)state;
    assert_string_equal(cli_status(SHEBAO_STATUS_OFFICIAL, CLI_LANG_ZH), "官方");
    assert_string_equal(cli_status(SHEBAO_STATUS_SECONDARY, CLI_LANG_ZH), "二手资料");
    assert_string_equal(cli_status(SHEBAO_STATUS_ASSUMPTION, CLI_LANG_ZH), "假设");
    assert_string_equal(cli_status(SHEBAO_STATUS_INFERRED, CLI_LANG_ZH), "推断");
    assert_string_equal(cli_status(SHEBAO_STATUS_ASSUMPTION, CLI_LANG_EN), "assumption");
    assert_string_equal(cli_status(SHEBAO_STATUS_SECONDARY, CLI_LANG_BOTH), "secondary");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate),     cmocka_unit_test(test_rate2),    cmocka_unit_test(test_age),
        cmocka_unit_test(test_duration), cmocka_unit_test(test_yuan),     cmocka_unit_test(test_notes),
        cmocka_unit_test(test_value_words), cmocka_unit_test(test_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
