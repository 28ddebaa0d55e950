/* shebao_month_parse() and shebao_month_format(): the one reading and writing of "YYYY-MM". Every expectation is
 * written by hand from the rule in include/shebao.h (four digits, '-', two digits; years 1900-2199, months 01-12). */
#include "testutil.h"

/* s is refused with SHEBAO_EINPUT and the outputs are left as they were. */
static void refused(const char *s)
{
    int y = -7, m = -7;
    int rc = shebao_month_parse(s, &y, &m);
    if (rc != SHEBAO_EINPUT)
        fail_msg("'%s': %d, expected SHEBAO_EINPUT", s ? s : "(null)", rc);
    assert_int_equal(y, -7);
    assert_int_equal(m, -7);
}

static void accepted(const char *s, int want_y, int want_m)
{
    int y = 0, m = 0;
    int rc = shebao_month_parse(s, &y, &m);
    if (rc != SHEBAO_OK)
        fail_msg("'%s': %d, expected SHEBAO_OK", s, rc);
    assert_int_equal(y, want_y);
    assert_int_equal(m, want_m);
}

static void test_parse_accepts(void **state)
{
    (void)state;
    accepted("2024-03", 2024, 3);
    accepted("1900-01", 1900, 1); /* first month */
    accepted("2199-12", 2199, 12); /* last month */
    accepted("1975-10", 1975, 10);
    accepted("2150-12", 2150, 12); /* the last birth month, an ordinary month here */
}

static void test_parse_refuses(void **state)
{
    (void)state;
    refused("2024-13"); /* month out of range */
    refused("2024-00");
    refused("0000-01"); /* year out of range */
    refused("1899-12");
    refused("2200-01");
    refused("9999-12");
    refused("2024-3"); /* one-digit month */
    refused("24-03");
    refused("2024-03x"); /* trailing junk */
    refused("2024-03-01");
    refused("2024-03 ");
    refused(" 2024-03");
    refused("2024/03"); /* other separators: not yet (issue #16) */
    refused("2024_03");
    refused("202403");
    refused("+024-03");
    refused("2024-+3");
    refused("");
    refused(NULL);
}

static void test_parse_null_outputs(void **state)
{
    (void)state;
    int y = -7, m = -7;
    assert_int_equal(shebao_month_parse("2024-03", NULL, &m), SHEBAO_EUSAGE);
    assert_int_equal(shebao_month_parse("2024-03", &y, NULL), SHEBAO_EUSAGE);
    assert_int_equal(shebao_month_parse(NULL, NULL, NULL), SHEBAO_EUSAGE);
    assert_int_equal(y, -7);
    assert_int_equal(m, -7);
}

static void test_format(void **state)
{
    (void)state;
    char buf[SHEBAO_MONTH_BUFSZ];
    assert_int_equal(shebao_month_format(2024, 3, buf, sizeof buf), SHEBAO_OK);
    assert_string_equal(buf, "2024-03");
    assert_int_equal(shebao_month_format(1900, 1, buf, sizeof buf), SHEBAO_OK);
    assert_string_equal(buf, "1900-01");
    assert_int_equal(shebao_month_format(2199, 12, buf, sizeof buf), SHEBAO_OK);
    assert_string_equal(buf, "2199-12");
    assert_int_equal(shebao_month_format(1975, 10, buf, sizeof buf), SHEBAO_OK);
    assert_string_equal(buf, "1975-10");

    /* refused months leave an empty string */
    assert_int_equal(shebao_month_format(2024, 13, buf, sizeof buf), SHEBAO_EINPUT);
    assert_string_equal(buf, "");
    assert_int_equal(shebao_month_format(2024, 0, buf, sizeof buf), SHEBAO_EINPUT);
    assert_int_equal(shebao_month_format(0, 1, buf, sizeof buf), SHEBAO_EINPUT);
    assert_int_equal(shebao_month_format(1899, 12, buf, sizeof buf), SHEBAO_EINPUT);
    assert_int_equal(shebao_month_format(2200, 1, buf, sizeof buf), SHEBAO_EINPUT);

    /* buffers */
    char small[7] = "xxxxxx";
    assert_int_equal(shebao_month_format(2024, 3, small, sizeof small), SHEBAO_EUSAGE);
    assert_string_equal(small, "");
    assert_int_equal(shebao_month_format(2024, 3, NULL, 8), SHEBAO_EUSAGE);
    char big[32];
    assert_int_equal(shebao_month_format(2024, 3, big, sizeof big), SHEBAO_OK);
    assert_string_equal(big, "2024-03");
}

/* What format writes, parse reads back, for every month of every year. */
static void test_round_trip(void **state)
{
    (void)state;
    for (int y = SHEBAO_YEAR_MIN; y <= SHEBAO_YEAR_MAX; y++)
        for (int m = 1; m <= 12; m++) {
            char buf[SHEBAO_MONTH_BUFSZ];
            int py = 0, pm = 0;
            assert_int_equal(shebao_month_format(y, m, buf, sizeof buf), SHEBAO_OK);
            assert_int_equal(shebao_month_parse(buf, &py, &pm), SHEBAO_OK);
            assert_int_equal(py, y);
            assert_int_equal(pm, m);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_accepts), cmocka_unit_test(test_parse_refuses),
        cmocka_unit_test(test_parse_null_outputs), cmocka_unit_test(test_format),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
