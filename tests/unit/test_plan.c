/* Plan syntax (shebao_plan_parse, and shebao_plan_parse_into into the caller's room): plans in the common shape (read in one pass) and plans that take the general
 * reading (a sign, extra decimals, many segments, long grades) give the same segments, and the errors name the
 * segment. Each expectation is worked out by hand in the comment beside it (1 yuan = 100 fen). */
#include "testutil.h"

/* Parse spec, which must give exactly one segment first-last at grade fen. */
static void expect_one(const char *spec, int first, int last, shebao_fen fen)
{
    shebao_segment *s = NULL;
    size_t n = 0;
    int rc = shebao_plan_parse(ctx, spec, &s, &n);
    if (rc != SHEBAO_OK)
        fail_msg("'%s': %s", spec, shebao_ctx_errmsg(ctx));
    assert_int_equal(n, 1);
    assert_int_equal(s[0].first_year, first);
    assert_int_equal(s[0].last_year, last);
    if (s[0].grade != fen)
        fail_msg("'%s': grade %lld fen, want %lld", spec, (long long)s[0].grade, (long long)fen);
    assert_string_equal(shebao_ctx_errmsg(ctx), "");
    shebao_free(s);
    shebao_segment room[2] = {{0, 0, 0}, {-1, -1, -1}}; /* room[1] must stay as it is */
    n = 0;
    assert_int_equal(shebao_plan_parse_into(ctx, spec, room, 2, &n), SHEBAO_OK);
    assert_int_equal(n, 1);
    assert_int_equal(room[0].first_year, first);
    assert_int_equal(room[0].last_year, last);
    assert_true(room[0].grade == fen);
    assert_int_equal(room[1].first_year, -1);
}

static void expect_error(const char *spec, const char *msg)
{
    shebao_segment *s = (shebao_segment *)&s; /* must come back NULL */
    size_t n = 99;
    assert_int_equal(shebao_plan_parse(ctx, spec, &s, &n), SHEBAO_EINPUT);
    assert_null(s);
    assert_int_equal(n, 0);
    assert_string_equal(shebao_ctx_errmsg(ctx), msg);
    shebao_segment room[4];
    n = 99;
    assert_int_equal(shebao_plan_parse_into(ctx, spec, room, 4, &n), SHEBAO_EINPUT);
    assert_int_equal(n, 0);
    assert_string_equal(shebao_ctx_errmsg(ctx), msg);
}

static void test_grades(void **state)
{
    (void)state;
    expect_one("2010-2014:300", 2010, 2014, 30000);  /* 300 yuan */
    expect_one("2015:300", 2015, 2015, 30000);       /* one year: first = last */
    expect_one("2010-2010:300", 2010, 2010, 30000);  /* first = last written out */
    expect_one("2010-2014:300.5", 2010, 2014, 30050); /* 300.5 yuan = 30000 + 50 fen */
    expect_one("2010-2014:300.05", 2010, 2014, 30005);
    expect_one("2010-2014:300.10", 2010, 2014, 30010); /* trailing zero: the same amount as 300.1 */
    expect_one("2010-2014:0.01", 2010, 2014, 1);        /* the smallest grade: one fen */
    expect_one("2010-2014:00300", 2010, 2014, 30000);   /* leading zeros */
    expect_one("1900-2199:1", 1900, 2199, 100);         /* the year bounds SB_YEAR_MIN..SB_YEAR_MAX */
    /* the general reading: a sign, more than two decimals that are zeros, many integer digits */
    expect_one("2010-2014:+300", 2010, 2014, 30000);
    expect_one("2010-2014:300.000", 2010, 2014, 30000);
    expect_one("2010-2014:999999999999999", 2010, 2014, 99999999999999900);     /* 15 nines yuan, × 100 */
    expect_one("2010-2014:1000000000000000", 2010, 2014, 100000000000000000);   /* 10^15 yuan = 10^17 fen */
    expect_one("2010-2014:92233720368547758.07", 2010, 2014, INT64_MAX);        /* the largest amount */
}

/* Plans of 16 segments (read in one pass) and 17 (read by the general reading) give every segment. */
static void test_many_segments(void **state)
{
    (void)state;
    for (int k = 16; k <= 17; k++) {
        char spec[400] = "";
        for (int i = 0; i < k; i++) /* segment i: year 2000 + i at (i + 1) yuan */
            snprintf(spec + strlen(spec), sizeof spec - strlen(spec), "%s%d:%d", i ? "," : "", 2000 + i, i + 1);
        shebao_segment *s = NULL;
        size_t n = 0;
        assert_int_equal(shebao_plan_parse(ctx, spec, &s, &n), SHEBAO_OK);
        assert_int_equal(n, (size_t)k);
        for (int i = 0; i < k; i++) {
            assert_int_equal(s[i].first_year, 2000 + i);
            assert_int_equal(s[i].last_year, 2000 + i);
            assert_true(s[i].grade == (shebao_fen)(i + 1) * 100);
        }
        shebao_free(s);
    }
}

/* Into the caller's room: a plan of 3 segments fits in 3, not in 2 (EUSAGE, and the count it needs); a 17-segment
 * plan (the general reading) fits in 17. */
static void test_into_room(void **state)
{
    (void)state;
    shebao_segment room[17];
    size_t n = 0;
    /* 2010-2014 at 300 yuan, 2015 at 500.5 yuan, 2016-2020 at 0.01 yuan */
    assert_int_equal(shebao_plan_parse_into(ctx, "2010-2014:300,2015:500.5,2016-2020:0.01", room, 3, &n), SHEBAO_OK);
    assert_int_equal(n, 3);
    assert_int_equal(room[1].first_year, 2015);
    assert_int_equal(room[1].last_year, 2015);
    assert_true(room[1].grade == 50050);
    assert_true(room[2].grade == 1);
    n = 0;
    assert_int_equal(shebao_plan_parse_into(ctx, "2010-2014:300,2015:500.5,2016-2020:0.01", room, 2, &n),
                     SHEBAO_EUSAGE);
    assert_int_equal(n, 3);
    assert_string_equal(shebao_ctx_errmsg(ctx), "plan: 3 segments, room for 2");
    char spec[400] = "";
    for (int i = 0; i < 17; i++) /* segment i: year 2000 + i at (i + 1) yuan */
        snprintf(spec + strlen(spec), sizeof spec - strlen(spec), "%s%d:%d", i ? "," : "", 2000 + i, i + 1);
    assert_int_equal(shebao_plan_parse_into(ctx, spec, room, 17, &n), SHEBAO_OK);
    assert_int_equal(n, 17);
    assert_int_equal(room[16].first_year, 2016);
    assert_true(room[16].grade == 1700);
    assert_int_equal(shebao_plan_parse_into(ctx, spec, room, 16, &n), SHEBAO_EUSAGE);
    assert_int_equal(n, 17);
    assert_int_equal(shebao_plan_parse_into(ctx, NULL, room, 16, &n), SHEBAO_EUSAGE);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("2010-2014:0", "plan segment 1 '2010-2014:0': grade '0' must be a positive amount with at most two "
                                "decimals");
    expect_error("2010-2014:300,2014-2010:300", "plan segment 2 '2014-2010:300': last year before first year");
    expect_error("2010-2014:300,", "plan segment 2 '': expected YYYY-YYYY:GRADE or YYYY:GRADE");
    expect_error("2010-2014:300.", "plan segment 1 '2010-2014:300.': grade '300.' not a plain decimal number "
                                   "(digits with an optional '.' and sign)");
    expect_error("2010-2200:300", "plan segment 1 '2010-2200:300': years must be 4-digit years 1900-2199");
    expect_error("2010-2014:300.001", "plan segment 1 '2010-2014:300.001': grade '300.001' must be a positive "
                                      "amount with at most two decimals");
    expect_error("2010-2014: 300", "plan segment 1 '2010-2014: 300': grade ' 300' not a plain decimal number "
                                   "(digits with an optional '.' and sign)");
    expect_error("", "plan: empty (expected YYYY-YYYY:GRADE[,...])");
}

/* A grade of `len` bytes: `len - strlen(tail)` zeros, then tail (in a static buffer). */
static const char *padded(size_t len, const char *tail)
{
    static char buf[1100];
    size_t t = strlen(tail);
    assert_true(len >= t && len < sizeof buf);
    memset(buf, '0', len - t);
    memcpy(buf + len - t, tail, t + 1);
    return buf;
}

/* A grade is read whole, however long: lengths 63 (the most the old 64-byte copy held), 64, 65 and 1000.
 * "0…02000" is the number 2000 whatever the count of zeros (as `--grade` reads it): 200000 fen. */
static void test_long_grades(void **state)
{
    (void)state;
    static const size_t lens[] = {63, 64, 65, 1000};
    char spec[1200];
    for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        snprintf(spec, sizeof spec, "2020-2034:%s", padded(lens[k], "2000"));
        expect_one(spec, 2020, 2034, 200000);
        /* the same grade between two others: the segment ends at its comma (300 yuan, 2000 yuan, 500 yuan) */
        snprintf(spec, sizeof spec, "2010-2014:300,2015-2019:%s,2020:500", padded(lens[k], "2000"));
        shebao_segment *s = NULL;
        size_t n = 0;
        assert_int_equal(shebao_plan_parse(ctx, spec, &s, &n), SHEBAO_OK);
        assert_int_equal(n, 3);
        assert_true(s[0].grade == 30000 && s[1].grade == 200000 && s[2].grade == 50000);
        assert_int_equal(s[1].first_year, 2015);
        assert_int_equal(s[2].first_year, 2020);
        shebao_free(s);
        shebao_segment room[3];
        assert_int_equal(shebao_plan_parse_into(ctx, spec, room, 3, &n), SHEBAO_OK);
        assert_int_equal(n, 3);
        assert_true(room[0].grade == 30000 && room[1].grade == 200000 && room[2].grade == 50000);
    }
}

/* What lies past byte 63 of a grade counts: a non-zero 59th decimal, or a stray letter, is refused. The message
 * quotes the segment's first 60 bytes, and the grade whole up to 63 bytes, else its first 60 bytes and "...". */
static void test_long_grade_errors(void **state)
{
    (void)state;
    static const size_t lens[] = {63, 64, 65, 1000};
    char spec[1200], want[400], grade_shown[64];
    for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        size_t len = lens[k];
        /* "2000." then zeros then "1": 2000.00…01 yuan, more than two decimals (never 2000.00) */
        const char *g = padded(len - 5, "1");
        snprintf(spec, sizeof spec, "2020-2034:2000.%s", g);
        snprintf(grade_shown, sizeof grade_shown, "%.*s%s", len > 63 ? 60 : (int)len, spec + 10,
                 len > 63 ? "..." : "");
        snprintf(want, sizeof want, "plan segment 1 '%.60s': grade '%s' must be a positive amount with at most two "
                 "decimals", spec, grade_shown);
        expect_error(spec, want);
        /* zeros, "2000", then a letter: not a plain decimal */
        snprintf(spec, sizeof spec, "2020-2034:%s", padded(len, "2000x"));
        snprintf(grade_shown, sizeof grade_shown, "%.*s%s", len > 63 ? 60 : (int)len, spec + 10,
                 len > 63 ? "..." : "");
        snprintf(want, sizeof want, "plan segment 1 '%.60s': grade '%s' not a plain decimal number (digits with an "
                 "optional '.' and sign)", spec, grade_shown);
        expect_error(spec, want);
    }
    /* 64 bytes written out: the grade shown is its first 60 bytes and "..." */
    expect_error("2020:2000.00000000000000000000000000000000000000000000000000000000001",
                 "plan segment 1 '2020:2000.00000000000000000000000000000000000000000000000000': grade "
                 "'2000.0000000000000000000000000000000000000000000000000000000...' must be a positive amount with "
                 "at most two decimals");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grades),
        cmocka_unit_test(test_many_segments),
        cmocka_unit_test(test_into_room),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_long_grades),
        cmocka_unit_test(test_long_grade_errors),
    };
    return cmocka_run_group_tests_name("plan", tests, tu_setup, tu_teardown);
}
