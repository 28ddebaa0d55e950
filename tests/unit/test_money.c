/* Exact money: parsing, formatting and every named rounding mode, with its ties (the modes: docs/mainpage.md).
 * Each expectation is worked out by hand in the comment beside it. */
#include "testutil.h"

#include "internal.h" /* sb_mpfr_round_fen: the EPV's rounding to fen, tested directly below */

static void expect_round(const char *dec, shebao_rounding mode, const char *want)
{
    shebao_fen f = 0;
    char buf[SHEBAO_MONEY_BUFSZ];
    int rc = shebao_decimal_round(ctx, dec, mode, &f);
    if (rc != SHEBAO_OK)
        fail_msg("%s: %s", dec, shebao_ctx_errmsg(ctx));
    if (strcmp(fen_str(f, buf), want) != 0)
        fail_msg("round(%s, %s) = %s, want %s", dec, shebao_rounding_name(mode), buf, want);
}

/* a × b (op '*') or a / b (op '/') rounded by mode must succeed and give want. */
static void expect_op(const char *a, char op, const char *b, shebao_rounding mode, const char *want)
{
    shebao_fen f = 0;
    char buf[SHEBAO_MONEY_BUFSZ];
    int rc = op == '*' ? shebao_decimal_mul_round(ctx, a, b, mode, &f) : shebao_decimal_div_round(ctx, a, b, mode, &f);
    if (rc != SHEBAO_OK)
        fail_msg("%s %c %s: %s", a, op, b, shebao_ctx_errmsg(ctx));
    if (strcmp(fen_str(f, buf), want) != 0)
        fail_msg("%s %c %s (%s) = %s, want %s", a, op, b, shebao_rounding_name(mode), buf, want);
}

/* fen_half_up is 四舍五入到分: a tie (half a fen exactly) goes away from zero, whatever its sign or size. */
static void test_fen_half_up_ties(void **state)
{
    (void)state;
    expect_round("4.305", SHEBAO_ROUND_FEN_HALF_UP, "4.31");       /* 430.5 fen, tie → 431 */
    expect_round("-4.305", SHEBAO_ROUND_FEN_HALF_UP, "-4.31");     /* tie away from zero */
    expect_round("0.005", SHEBAO_ROUND_FEN_HALF_UP, "0.01");       /* 0.5 fen → 1 fen */
    expect_round("-0.005", SHEBAO_ROUND_FEN_HALF_UP, "-0.01");
    expect_round("2.675", SHEBAO_ROUND_FEN_HALF_UP, "2.68");       /* the classic binary-float trap */
    expect_round("1234.565", SHEBAO_ROUND_FEN_HALF_UP, "1234.57");
    expect_round("1.004999", SHEBAO_ROUND_FEN_HALF_UP, "1.00");    /* 100.4999 fen < half → 100 */
    expect_round("1.0049999999999999", SHEBAO_ROUND_FEN_HALF_UP, "1.00");
    expect_round("0.004", SHEBAO_ROUND_FEN_HALF_UP, "0.00");
    expect_round("7000", SHEBAO_ROUND_FEN_HALF_UP, "7000.00");
    /* ties at many magnitudes, up to the 1,000–20,000 band, where rounding a binary float goes wrong */
    expect_round("2.135", SHEBAO_ROUND_FEN_HALF_UP, "2.14");
    expect_round("8.575", SHEBAO_ROUND_FEN_HALF_UP, "8.58");
    expect_round("10.075", SHEBAO_ROUND_FEN_HALF_UP, "10.08");
    expect_round("35.785", SHEBAO_ROUND_FEN_HALF_UP, "35.79");
    expect_round("19999.995", SHEBAO_ROUND_FEN_HALF_UP, "20000.00");
}

static void test_jiao_up(void **state)
{
    (void)state;
    expect_round("0.125", SHEBAO_ROUND_JIAO_UP, "0.20");   /* 1.25 jiao: any remainder → 2 jiao */
    expect_round("57.60", SHEBAO_ROUND_JIAO_UP, "57.60");  /* already whole jiao */
    expect_round("57.61", SHEBAO_ROUND_JIAO_UP, "57.70");  /* 1 fen → next jiao (见分进角) */
    expect_round("57.6000001", SHEBAO_ROUND_JIAO_UP, "57.70");
    expect_round("0", SHEBAO_ROUND_JIAO_UP, "0.00");
    expect_round("-0.01", SHEBAO_ROUND_JIAO_UP, "-0.10");  /* away from zero */
}

static void test_other_modes(void **state)
{
    (void)state;
    expect_round("0.15", SHEBAO_ROUND_JIAO_HALF_UP, "0.20");   /* 1.5 jiao tie → 2 */
    expect_round("0.1499", SHEBAO_ROUND_JIAO_HALF_UP, "0.10");
    expect_round("-0.25", SHEBAO_ROUND_JIAO_HALF_UP, "-0.30");
    expect_round("2.5", SHEBAO_ROUND_YUAN_HALF_UP, "3.00");    /* tie → 3 */
    expect_round("2.49", SHEBAO_ROUND_YUAN_HALF_UP, "2.00");
    expect_round("-2.5", SHEBAO_ROUND_YUAN_HALF_UP, "-3.00");
    expect_round("4.309", SHEBAO_ROUND_FEN_TRUNCATE, "4.30");  /* toward zero */
    expect_round("-4.309", SHEBAO_ROUND_FEN_TRUNCATE, "-4.30");
}

/* Products and quotients whose exact value lies on a half fen. */
static void test_products_quotients(void **state)
{
    (void)state;
    /* 350.00 × 0.0123 = 4.305 exactly → 4.31 (a double gives 4.3049999…) */
    expect_op("350.00", '*', "0.0123", SHEBAO_ROUND_FEN_HALF_UP, "4.31");
    /* 1.30 × 1.05 = 1.365 → 1.37 */
    expect_op("1.30", '*', "1.05", SHEBAO_ROUND_FEN_HALF_UP, "1.37");
    /* 0.70 × 1.05 = 0.735 → 0.74 */
    expect_op("0.70", '*', "1.05", SHEBAO_ROUND_FEN_HALF_UP, "0.74");
    /* 3 × 1.595 = 4.785 → 4.79 (ledger#1663) */
    expect_op("3", '*', "1.595", SHEBAO_ROUND_FEN_HALF_UP, "4.79");
    /* 8.61 / 2 = 4.305 exactly → 4.31 */
    expect_op("8.61", '/', "2", SHEBAO_ROUND_FEN_HALF_UP, "4.31");
    /* Shanghai 2021 (docs/sources.md#shanghai-2021): 50850 / 139 = 365.827… → 365.83 */
    expect_op("50850", '/', "139", SHEBAO_ROUND_FEN_HALF_UP, "365.83");
    /* 1 / 3 = 0.333… → 0.33; jiao_up → 0.40 */
    expect_op("1", '/', "3", SHEBAO_ROUND_FEN_HALF_UP, "0.33");
    expect_op("1", '/', "3", SHEBAO_ROUND_JIAO_UP, "0.40");
    shebao_fen f;
    assert_int_equal(shebao_decimal_div_round(ctx, "1", "0", SHEBAO_ROUND_FEN_HALF_UP, &f), SHEBAO_EINPUT);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "division by zero"));
}

static void test_parse_accepts(void **state)
{
    (void)state;
    shebao_fen f;
    assert_int_equal(shebao_money_parse(ctx, "1234.5", &f), 0);
    assert_true(f == 123450);
    assert_int_equal(shebao_money_parse(ctx, "7000", &f), 0);
    assert_true(f == 700000);
    assert_int_equal(shebao_money_parse(ctx, "-0.01", &f), 0);
    assert_true(f == -1);
    assert_int_equal(shebao_money_parse(ctx, "+12.30", &f), 0);
    assert_true(f == 1230);
    assert_int_equal(shebao_money_parse(ctx, "12.300000", &f), 0); /* trailing zeros are exact */
    assert_true(f == 1230);
    /* "-0.005" is a valid decimal but not a whole fen: rounding it is explicit */
    assert_int_equal(shebao_money_parse(ctx, "-0.005", &f), SHEBAO_EINPUT);
    assert_int_equal(shebao_decimal_round(ctx, "-0.005", SHEBAO_ROUND_FEN_HALF_UP, &f), 0);
    assert_true(f == -1);
    /* the largest amount: INT64_MAX fen */
    assert_int_equal(shebao_money_parse(ctx, "92233720368547758.07", &f), 0);
    assert_true(f == INT64_MAX);
}

static void test_parse_rejects(void **state)
{
    (void)state;
    static const char *const bad[] = {"1e3", "nan", "NaN", "inf", "", "12.3.4", "1,000", " 12", "12 ", "12abc",
                                      "0x10", ".5", "5.", "-", "+", "--1", "1_000", "１２", NULL};
    shebao_fen f;
    for (int i = 0; bad[i]; i++) {
        int rc = shebao_money_parse(ctx, bad[i], &f);
        if (rc != SHEBAO_EINPUT)
            fail_msg("'%s' accepted (rc %d)", bad[i], rc);
        assert_true(strlen(shebao_ctx_errmsg(ctx)) > 0);
        assert_null(strchr(shebao_ctx_errmsg(ctx), '\n'));
    }
    /* beyond the representable range */
    assert_int_equal(shebao_money_parse(ctx, "92233720368547758.08", &f), SHEBAO_ECOMPUTE);
    assert_int_equal(shebao_money_parse(ctx, "99999999999999999999999", &f), SHEBAO_ECOMPUTE);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "out of range"));
    assert_int_equal(shebao_decimal_round(ctx, "1.0000000000000000001", SHEBAO_ROUND_FEN_HALF_UP, &f),
                     SHEBAO_EINPUT); /* 19 decimals */
    assert_int_equal(shebao_money_parse(ctx, NULL, &f), SHEBAO_EINPUT);
}

static void test_format(void **state)
{
    (void)state;
    assert_fen(0, "0.00");
    assert_fen(5, "0.05");
    assert_fen(-5, "-0.05");
    assert_fen(123450, "1234.50");
    assert_fen(INT64_MAX, "92233720368547758.07");
    assert_fen(INT64_MIN, "-92233720368547758.08");
    char small[4];
    assert_int_equal(shebao_money_format(123450, small, sizeof small), SHEBAO_EUSAGE);
    /* each digit count of the yuan, odd and even (the digits are written two at a time) */
    assert_fen(99, "0.99");
    assert_fen(100, "1.00");
    assert_fen(1000, "10.00");
    assert_fen(99999, "999.99");
    assert_fen(-100000, "-1000.00");
    assert_fen(1234567801, "12345678.01");
    /* "1234.50" takes 7 bytes and the terminator: 8 is enough, 7 is not (and leaves an empty string) */
    char eight[8];
    assert_int_equal(shebao_money_format(123450, eight, sizeof eight), SHEBAO_OK);
    assert_string_equal(eight, "1234.50");
    assert_int_equal(shebao_money_format(123450, eight, 7), SHEBAO_EUSAGE);
    assert_string_equal(eight, "");
}

/* The common shape (up to 15 integer digits, up to two decimals) and what lies just past it read the same way. */
static void test_parse_lengths(void **state)
{
    (void)state;
    shebao_fen f;
    assert_int_equal(shebao_money_parse(ctx, "0", &f), 0);
    assert_true(f == 0);
    assert_int_equal(shebao_money_parse(ctx, "0.5", &f), 0); /* half a yuan: 50 fen */
    assert_true(f == 50);
    assert_int_equal(shebao_money_parse(ctx, "007.10", &f), 0); /* 7.1 yuan: 710 fen */
    assert_true(f == 710);
    assert_int_equal(shebao_money_parse(ctx, "999999999999999", &f), 0); /* 15 nines yuan × 100 */
    assert_true(f == 99999999999999900);
    assert_int_equal(shebao_money_parse(ctx, "9999999999999999.99", &f), 0); /* 16 nines yuan × 100 + 99 */
    assert_true(f == 999999999999999999);
    assert_int_equal(shebao_money_parse(ctx, "5.123", &f), SHEBAO_EINPUT); /* three decimals: not a whole fen */
    assert_string_equal(shebao_ctx_errmsg(ctx), "'5.123': an amount has at most two decimals (fen)");
    assert_int_equal(shebao_money_parse(ctx, "12.", &f), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "'12.': not a plain decimal number (digits with an optional '.' and "
                                                "sign)");
    assert_int_equal(shebao_money_parse(ctx, "12", &f), 0); /* success clears the message */
    assert_string_equal(shebao_ctx_errmsg(ctx), "");
}

/* A string of `len` bytes: `len - strlen(tail)` copies of `fill`, then tail (in one of two static buffers). */
static const char *padded(size_t len, char fill, const char *tail)
{
    static char bufs[2][1100];
    static int which;
    char *buf = bufs[which ^= 1];
    size_t t = strlen(tail);
    assert_true(len >= t && len < sizeof bufs[0]);
    memset(buf, fill, len - t);
    memcpy(buf + len - t, tail, t + 1);
    return buf;
}

/* Amounts are read whole, however long (lengths 63, 64, 65 and 1000): leading zeros add nothing, and a non-zero
 * decimal past the second is refused as such ("at most two decimals"), whatever the number of zeros before it. */
static void test_parse_long(void **state)
{
    (void)state;
    static const size_t lens[] = {63, 64, 65, 1000};
    char want[200];
    shebao_fen f;
    for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        size_t len = lens[k];
        const char *s = padded(len, '0', "2000"); /* 2000 yuan = 200000 fen */
        f = 0;
        assert_int_equal(shebao_money_parse(ctx, s, &f), SHEBAO_OK);
        assert_true(f == 200000);
        s = padded(len, '0', "92233720368547758.07"); /* the largest amount, INT64_MAX fen */
        assert_int_equal(shebao_money_parse(ctx, s, &f), SHEBAO_OK);
        assert_true(f == INT64_MAX);
        s = padded(len, '0', "2000.00"); /* two decimals, written out */
        assert_int_equal(shebao_money_parse(ctx, s, &f), SHEBAO_OK);
        assert_true(f == 200000);
        /* "2000." then zeros then "1" (len bytes): 2000.00…01, not a whole fen */
        char buf[1100];
        snprintf(buf, sizeof buf, "2000.%s", padded(len - 5, '0', "1"));
        assert_int_equal(shebao_money_parse(ctx, buf, &f), SHEBAO_EINPUT);
        snprintf(want, sizeof want, "'%.40s': an amount has at most two decimals (fen)", buf);
        assert_string_equal(shebao_ctx_errmsg(ctx), want);
        /* "2000.00" then zeros (len bytes): trailing zeros, exactly 2000 yuan */
        snprintf(buf, sizeof buf, "2000.%s", padded(len - 5, '0', ""));
        assert_int_equal(shebao_money_parse(ctx, buf, &f), SHEBAO_OK);
        assert_true(f == 200000);
        /* zeros, "2000", then a letter: not a number at all */
        s = padded(len, '0', "2000x");
        assert_int_equal(shebao_money_parse(ctx, s, &f), SHEBAO_EINPUT);
        snprintf(want, sizeof want, "'%.40s': not a plain decimal number (digits with an optional '.' and sign)", s);
        assert_string_equal(shebao_ctx_errmsg(ctx), want);
        /* len nines: far beyond INT64_MAX fen */
        s = padded(len, '9', "");
        assert_int_equal(shebao_money_parse(ctx, s, &f), SHEBAO_ECOMPUTE);
        snprintf(want, sizeof want, "'%.40s': number out of range", s);
        assert_string_equal(shebao_ctx_errmsg(ctx), want);
    }
    /* more decimals than fit in a decimal (19, and 18 that overflow) are still "more than two decimals" */
    assert_int_equal(shebao_money_parse(ctx, "1.0000000000000000001", &f), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "'1.0000000000000000001': an amount has at most two decimals (fen)");
    assert_int_equal(shebao_money_parse(ctx, "2000.000000000000000001", &f), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "'2000.000000000000000001': an amount has at most two decimals (fen)");
}

/* The decimal reader takes exactly the bytes it is given (a slice need not end at a terminator), all of them. */
static void test_dec_read(void **state)
{
    (void)state;
    sb_dec d = {0, 0};
    assert_int_equal(sb_dec_read("12.34,5", 5, 18, &d), SB_DEC_OK); /* "12.34" */
    assert_true(d.num == 1234 && d.scale == 2);
    assert_int_equal(sb_dec_read("12.34,5", 7, 18, &d), SB_DEC_SYNTAX); /* "12.34,5" */
    assert_int_equal(sb_dec_read("12.34", 0, 18, &d), SB_DEC_EMPTY);
    assert_int_equal(sb_dec_read(NULL, 0, 18, &d), SB_DEC_EMPTY);
    assert_int_equal(sb_dec_read("-0.125", 6, 2, &d), SB_DEC_SCALE); /* three decimals, two allowed */
    assert_int_equal(sb_dec_read("-0.125", 6, 3, &d), SB_DEC_OK);
    assert_true(d.num == -125 && d.scale == 3);
    assert_int_equal(sb_dec_read("0.1250000", 9, 3, &d), SB_DEC_OK); /* trailing zeros aside */
    assert_true(d.num == 125 && d.scale == 3);
    static const size_t lens[] = {63, 64, 65, 1000};
    for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        size_t len = lens[k];
        const char *s = padded(len, '0', "0.5"); /* 0…0.5: one half */
        assert_int_equal(sb_dec_read(s, len, 18, &d), SB_DEC_OK);
        assert_true(d.num == 5 && d.scale == 1);
        assert_int_equal(sb_dec_parse(s, &d, NULL), SHEBAO_OK);
        assert_true(d.num == 5 && d.scale == 1);
        assert_int_equal(sb_dec_read(s, len - 2, 18, &d), SB_DEC_OK); /* without ".5": zero */
        assert_true(d.num == 0 && d.scale == 0);
        char buf[1100];
        snprintf(buf, sizeof buf, "0.%s", padded(len - 2, '0', "1")); /* 10^-(len-2): more than 18 decimals */
        const char *why = NULL;
        assert_int_equal(sb_dec_parse(buf, &d, &why), SHEBAO_EINPUT);
        assert_string_equal(why, "more than 18 decimals");
        assert_int_equal(sb_dec_read(buf, len, 2, &d), SB_DEC_SCALE);
        assert_int_equal(sb_dec_read(buf, len - 1, 2, &d), SB_DEC_OK); /* without the final "1": zero */
        assert_true(d.num == 0);
    }
}

static void test_rounding_names(void **state)
{
    (void)state;
    shebao_rounding m;
    assert_int_equal(shebao_rounding_from_name("jiao_up", &m), 0);
    assert_int_equal(m, SHEBAO_ROUND_JIAO_UP);
    assert_string_equal(shebao_rounding_name(SHEBAO_ROUND_FEN_TRUNCATE), "fen_truncate");
    assert_int_equal(shebao_rounding_from_name("bankers", &m), SHEBAO_EINPUT);
    assert_null(shebao_rounding_name((shebao_rounding)99));
}

/* Rounding a result that overflows int64 fen is an error, never a wrap-around. */
static void test_overflow(void **state)
{
    (void)state;
    shebao_fen f;
    assert_int_equal(shebao_decimal_mul_round(ctx, "92233720368547758", "10", SHEBAO_ROUND_FEN_HALF_UP, &f),
                     SHEBAO_ECOMPUTE);
    assert_int_equal(shebao_decimal_div_round(ctx, "1", "0.000000000000000001", SHEBAO_ROUND_FEN_HALF_UP, &f),
                     SHEBAO_ECOMPUTE); /* 1e18 yuan = 1e20 fen > INT64_MAX ≈ 9.2e18 fen */
}

/* The rounding of an MPFR amount of fen (the EPV) to whole fen, ties away from zero, at 128 bits. Its quick path
 * decides from the nearest double unless that double is within 2^-52 of its size from a half-integer; these cases
 * sit on both sides of that margin. Expected values by hand: 2.5 → 3 and −2.5 → −3 (ties, away from zero);
 * 2.5 − 2^-100 → 2 and 2.5 + 2^-100 → 3 (not ties, though the nearest double of both is 2.5); 1234567.4999 →
 * 1234567; 2^51 + 0.5 → 2^51 + 1 (beyond the quick path: exact); 0 → 0; NaN and infinity: refused. */
static void test_mpfr_round_fen(void **state)
{
    (void)state;
    mpfr_t x, tmp;
    mpfr_inits2(128, x, tmp, (mpfr_ptr)0);
    int64_t k = 0;
    static const struct {
        const char *text; /* hexadecimal or decimal */
        int64_t want;
    } cases[] = {{"2.5", 3},
                 {"-2.5", -3},
                 {"0x2.7ffffffffffffffffffffffffp0", 2},  /* 2.5 − 2^-100 */
                 {"0x2.80000000000000000000000010p0", 3}, /* 2.5 + 2^-100 */
                 {"-0x2.80000000000000000000000010p0", -3},
                 {"1234567.4999", 1234567},
                 {"0x8000000000000.8p0", INT64_C(2251799813685249)}, /* 2^51 + 0.5 */
                 {"0", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(mpfr_set_str(x, cases[i].text, 0, MPFR_RNDN), 0); /* (the hexadecimal ones exactly) */
        assert_int_equal(sb_mpfr_round_fen(x, tmp, &k), SHEBAO_OK);
        if (k != cases[i].want)
            fail_msg("%s: %lld, want %lld", cases[i].text, (long long)k, (long long)cases[i].want);
    }
    mpfr_set_nan(x);
    assert_int_equal(sb_mpfr_round_fen(x, tmp, &k), SHEBAO_ECOMPUTE);
    mpfr_set_inf(x, 1);
    assert_int_equal(sb_mpfr_round_fen(x, tmp, &k), SHEBAO_ECOMPUTE);
    mpfr_clears(x, tmp, (mpfr_ptr)0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fen_half_up_ties), cmocka_unit_test(test_jiao_up),
        cmocka_unit_test(test_other_modes),      cmocka_unit_test(test_products_quotients),
        cmocka_unit_test(test_parse_accepts),    cmocka_unit_test(test_parse_rejects),
        cmocka_unit_test(test_parse_lengths),    cmocka_unit_test(test_parse_long),
        cmocka_unit_test(test_dec_read),
        cmocka_unit_test(test_format),           cmocka_unit_test(test_rounding_names),
        cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_mpfr_round_fen),
    };
    return cmocka_run_group_tests_name("money", tests, tu_setup, tu_teardown);
}
