/* Every exported function with NULL in each pointer argument, one at a time, the others valid.
 *
 * What is expected is the NULL contract of include/shebao.h (its "Conventions") and of each function's comment,
 * not a computed figure:
 *  - a function that returns a ::shebao_code returns SHEBAO_EUSAGE for a NULL context, object, required input or
 *    output pointer, and, when it takes a context and that context is not NULL, leaves SHEBAO_EUSAGE and a
 *    non-empty message in it; a function that hands back a new object through `T **out` sets *out to NULL;
 *  - except a NULL number or name to read (money, decimals, a discount rate, the _from_name lookups): it is
 *    refused like an empty one, SHEBAO_EINPUT (test_money.c has checked this of shebao_money_parse() from the
 *    start);
 *  - a `_free` function (and shebao_free()) does nothing with NULL;
 *  - a getter that returns a value returns the value its comment gives for a NULL object (0, -1 or NULL);
 *  - a pointer documented as optional (notes, breakeven's months/month, load_string's name) may be NULL and the
 *    call succeeds.
 * Before the NULL calls, each test makes the same call with every argument valid and requires SHEBAO_OK, so that
 * the code that follows comes from the NULL and from nothing else. A crash fails the test run.
 *
 * Coverage: the first test reads the checked ABI list tests/abi/exports.txt (make abi-check keeps it equal to the
 * exports of libshebao.so) and fails for an exported name with no null_<name> test below, and for a null_ test
 * whose name is not exported (a typo, or a function that is gone). The file is found through SHEBAO_EXPORTS_TXT
 * (an absolute path the Makefile compiles in), or the first command-line argument. */
#include <stdlib.h>
#include <unistd.h>

#include "testutil.h"

/* The item scores of one assessment as a ::shebao_ltc_scores. */
#define SCORES(a, na, c, nc, p, np) \
    (&(shebao_ltc_scores){SHEBAO_LTC_SCORES_VERSION, (a), (na), (c), (nc), (p), (np)})

#ifndef SHEBAO_EXPORTS_TXT
#define SHEBAO_EXPORTS_TXT "tests/abi/exports.txt"
#endif

static const char *exports_path = SHEBAO_EXPORTS_TXT;

/* ---- fixtures: one valid value of every kind of argument ------------------------------------------------- */

static shebao_ctx *ctx;
static shebao_policy *pol;         /* embedded "zhejiang": resident pension and every part of long-term care */
static shebao_projection *proj;    /* eligible, with a life table and explain on */
static shebao_comparison *cmp;     /* default grades over a grade-table change: excluded grades, marginals */
static shebao_ltc_assumptions *notes;    /* holds at least one note */
static char policy_file[64];       /* the policy written to a temporary file, for shebao_policy_load_file() */

static const shebao_segment plan1[] = {{2020, 2034, 200000}};

/* Born 1975-03, 2000 a year 2020–2034 (the README's demo person): eligible, claim 2035-04. */
static shebao_person person(void)
{
    shebao_person pe = tu_person(1975, 3, plan1, 1);
    return pe;
}

/* Born 1970-01, no plan (shebao_compare builds the plans), no life table (quicker). */
static shebao_person compare_person(void)
{
    shebao_person pe = tu_person(1970, 1, NULL, 0);
    pe.mortality = SHEBAO_MORTALITY_NONE;
    return pe;
}

/* Paying from 2015 to the claim in 2030 crosses Zhejiang's 2024 grade table: some grades are left out. */
static shebao_compare_options compare_options(void)
{
    shebao_compare_options o = SHEBAO_COMPARE_OPTIONS_INIT;
    o.start_year = 2015;
    return o;
}

/* Valid item scores of the 2021 scale (ADL items at their highest, cognition and perception at 0). */
static const int adl[SHEBAO_LTC_ADL_ITEMS] = {10, 10, 5, 10, 10, 10, 15, 15, 10, 5};
static const int cog[SHEBAO_LTC_COGNITION_ITEMS] = {0, 0, 0, 0};
static const int per[SHEBAO_LTC_PERCEPTION_ITEMS] = {0, 0, 0};

/* Grade 5 in an institution for June 2025, cost 4500.00: Zhejiang's benefit rules from 2025-01 define it. */
static shebao_ltc_claim claim(void)
{
    return tu_ltc_claim(5, SHEBAO_LTC_INSTITUTION, 2025, 6, 450000);
}

/* 100 beneficiaries of grade 5 in an institution for 2025, cost 4500.00 a month. */
static shebao_ltc_cost_input cost_input(void)
{
    shebao_ltc_cost_input in = tu_ltc_cost_input(100, "5:1", "institution:1", 2025, 1, 12);
    in.cost = 450000;
    return in;
}

static int setup(void **state)
{
    (void)state;
    if (shebao_ctx_new(&ctx) != SHEBAO_OK || shebao_policy_load_embedded(ctx, "zhejiang", &pol) != SHEBAO_OK)
        return -1;
    shebao_person pe = person();
    pe.explain = 1;
    if (shebao_project(ctx, pol, &pe, &proj) != SHEBAO_OK) {
        fprintf(stderr, "setup: project: %s\n", shebao_ctx_errmsg(ctx));
        return -1;
    }
    shebao_person cp = compare_person();
    shebao_compare_options o = compare_options();
    if (shebao_compare(ctx, pol, &cp, &o, &cmp) != SHEBAO_OK) {
        fprintf(stderr, "setup: compare: %s\n", shebao_ctx_errmsg(ctx));
        return -1;
    }
    shebao_ltc_assessment a;
    if (shebao_ltc_assumptions_new(&notes) != SHEBAO_OK ||
        shebao_ltc_assess(ctx, pol,
                          SCORES(adl, SHEBAO_LTC_ADL_ITEMS, cog, SHEBAO_LTC_COGNITION_ITEMS, per,
                                 SHEBAO_LTC_PERCEPTION_ITEMS),
                          &a, notes) != SHEBAO_OK) {
        fprintf(stderr, "setup: ltc assess: %s\n", shebao_ctx_errmsg(ctx));
        return -1;
    }
    /* the resolved policy as a file (it has no extends left, so it loads from anywhere) */
    char *json = NULL;
    snprintf(policy_file, sizeof policy_file, "/tmp/shebao-null-args-XXXXXX");
    int fd = mkstemp(policy_file);
    if (fd < 0 || shebao_policy_to_json(pol, &json) != SHEBAO_OK)
        return -1;
    size_t n = strlen(json);
    ssize_t w = write(fd, json, n);
    shebao_free(json);
    close(fd);
    return w == (ssize_t)n ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    if (policy_file[0])
        unlink(policy_file);
    shebao_ltc_assumptions_free(notes);
    shebao_comparison_free(cmp);
    shebao_projection_free(proj);
    shebao_policy_free(pol);
    shebao_ctx_free(ctx);
    return 0;
}

/* ---- checks ------------------------------------------------------------------------------------------------ */

/* A successful call that clears the context (sb_ok), so that a message seen afterwards is the next call's. */
static void clear_ctx(void)
{
    assert_int_equal(shebao_ctx_set_precision(ctx, SHEBAO_MIN_PRECISION), SHEBAO_OK);
    assert_string_equal(shebao_ctx_errmsg(ctx), "");
}

static void check_ok(int rc, const char *call, int line)
{
    if (rc != SHEBAO_OK)
        fail_msg("line %d: %s = %d, want SHEBAO_OK (all arguments valid): %s", line, call, rc, shebao_ctx_errmsg(ctx));
}

static void check_code(int rc, int want, const char *call, int line)
{
    if (rc != want)
        fail_msg("line %d: %s = %d, want %d (%s)", line, call, rc, want, shebao_strerror(want));
}

/* With a (valid) context: the code and a message must be left in it as well. */
static void check_code_ctx(int rc, int want, const char *call, int line)
{
    check_code(rc, want, call, line);
    if (shebao_ctx_errcode(ctx) != want || !*shebao_ctx_errmsg(ctx))
        fail_msg("line %d: %s: the context holds code %d and message '%s', want code %d and a message", line, call,
                 shebao_ctx_errcode(ctx), shebao_ctx_errmsg(ctx), want);
}

/* all arguments valid: SHEBAO_OK */
#define OK(call) (clear_ctx(), check_ok((call), #call, __LINE__))
/* a NULL context, or a function without one: SHEBAO_EUSAGE */
#define USAGE(call) check_code((call), SHEBAO_EUSAGE, #call, __LINE__)
/* a NULL argument other than the context: SHEBAO_EUSAGE and a message in the context */
#define USAGE_CTX(call) (clear_ctx(), check_code_ctx((call), SHEBAO_EUSAGE, #call, __LINE__))
/* a NULL number or name to read, without a context: SHEBAO_EINPUT */
#define INPUT(call) check_code((call), SHEBAO_EINPUT, #call, __LINE__)
/* the same with a context: SHEBAO_EINPUT and a message in it */
#define INPUT_CTX(call) (clear_ctx(), check_code_ctx((call), SHEBAO_EINPUT, #call, __LINE__))

/* A pointer that is not NULL and not valid: what an out-parameter holds before a call that must reset it. */
#define STALE ((void *)&stale_target)
static int stale_target;

/* ---- core -------------------------------------------------------------------------------------------------- */

/* No pointer argument: nothing to pass NULL to. Called once so that the table covers every export. */
static void null_shebao_version(void **state)
{
    (void)state;
    assert_string_equal(shebao_version(), SHEBAO_VERSION_STRING);
}

static void null_shebao_version_num(void **state)
{
    (void)state;
    assert_int_equal(shebao_version_num(), SHEBAO_VERSION_NUM);
}

static void null_shebao_strerror(void **state)
{
    (void)state;
    assert_string_equal(shebao_strerror(SHEBAO_EUSAGE), "invalid argument");
}

static void null_shebao_ctx_new(void **state)
{
    (void)state;
    USAGE(shebao_ctx_new(NULL));
}

static void null_shebao_ctx_free(void **state)
{
    (void)state;
    shebao_ctx_free(NULL); /* "NULL is allowed" */
}

static void null_shebao_ctx_errmsg(void **state)
{
    (void)state;
    assert_string_equal(shebao_ctx_errmsg(NULL), "no context");
}

static void null_shebao_ctx_errcode(void **state)
{
    (void)state;
    assert_int_equal(shebao_ctx_errcode(NULL), SHEBAO_EUSAGE);
}

static void null_shebao_ctx_set_precision(void **state)
{
    (void)state;
    OK(shebao_ctx_set_precision(ctx, SHEBAO_MIN_PRECISION));
    USAGE(shebao_ctx_set_precision(NULL, SHEBAO_MIN_PRECISION));
}

static void null_shebao_ctx_set_language(void **state)
{
    (void)state;
    OK(shebao_ctx_set_language(ctx, SHEBAO_LANG_EN));
    USAGE(shebao_ctx_set_language(NULL, SHEBAO_LANG_ZH));
    USAGE_CTX(shebao_ctx_set_language(ctx, (shebao_language)7));
}

static void null_shebao_free(void **state)
{
    (void)state;
    shebao_free(NULL); /* "NULL is allowed" */
}

/* ---- money ------------------------------------------------------------------------------------------------- */

static void null_shebao_rounding_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_rounding_name(SHEBAO_ROUND_JIAO_UP), "jiao_up");
}

static void null_shebao_rounding_from_name(void **state)
{
    (void)state;
    shebao_rounding m;
    OK(shebao_rounding_from_name("jiao_up", &m));
    INPUT(shebao_rounding_from_name(NULL, &m));
    USAGE(shebao_rounding_from_name("jiao_up", NULL));
}

static void null_shebao_money_format(void **state)
{
    (void)state;
    char buf[SHEBAO_MONEY_BUFSZ];
    OK(shebao_money_format(100, buf, sizeof buf));
    USAGE(shebao_money_format(100, NULL, sizeof buf));
}

static void null_shebao_month_parse(void **state)
{
    (void)state;
    int y, m;
    OK(shebao_month_parse("2024-03", &y, &m));
    INPUT(shebao_month_parse(NULL, &y, &m));
    USAGE(shebao_month_parse("2024-03", NULL, &m));
    USAGE(shebao_month_parse("2024-03", &y, NULL));
}

static void null_shebao_month_parse_loose(void **state)
{
    (void)state;
    int y, m;
    OK(shebao_month_parse_loose("2024/3", &y, &m));
    INPUT(shebao_month_parse_loose(NULL, &y, &m));
    USAGE(shebao_month_parse_loose("2024/3", NULL, &m));
    USAGE(shebao_month_parse_loose("2024/3", &y, NULL));
}

static void null_shebao_text_normalise(void **state)
{
    (void)state;
    char buf[8] = "x";
    OK(shebao_text_normalise("1, 2", buf, sizeof buf));
    USAGE(shebao_text_normalise(NULL, buf, sizeof buf));
    assert_string_equal(buf, "");
    USAGE(shebao_text_normalise("1, 2", NULL, 8));
    USAGE(shebao_text_normalise("1, 2", buf, 0));
    USAGE(shebao_text_normalise("12345678", buf, sizeof buf)); /* 9 bytes needed */
    assert_string_equal(buf, "");
}

static void null_shebao_month_format(void **state)
{
    (void)state;
    char buf[SHEBAO_MONTH_BUFSZ];
    OK(shebao_month_format(2024, 3, buf, sizeof buf));
    USAGE(shebao_month_format(2024, 3, NULL, sizeof buf));
}

static void null_shebao_money_parse(void **state)
{
    (void)state;
    shebao_fen f;
    OK(shebao_money_parse(ctx, "1", &f));
    OK(shebao_money_parse(ctx, "-1", &f));
    /* "1" takes the fast path, which once wrote *out unchecked; "-1" takes the general reading */
    USAGE_CTX(shebao_money_parse(ctx, "1", NULL));
    USAGE_CTX(shebao_money_parse(ctx, "-1", NULL));
    USAGE(shebao_money_parse(NULL, "1", &f));
    INPUT_CTX(shebao_money_parse(ctx, NULL, &f));
}

static void null_shebao_decimal_round(void **state)
{
    (void)state;
    shebao_fen f;
    OK(shebao_decimal_round(ctx, "1.005", SHEBAO_ROUND_FEN_HALF_UP, &f));
    USAGE(shebao_decimal_round(NULL, "1.005", SHEBAO_ROUND_FEN_HALF_UP, &f));
    INPUT_CTX(shebao_decimal_round(ctx, NULL, SHEBAO_ROUND_FEN_HALF_UP, &f));
    USAGE_CTX(shebao_decimal_round(ctx, "1.005", SHEBAO_ROUND_FEN_HALF_UP, NULL));
}

static void null_shebao_decimal_mul_round(void **state)
{
    (void)state;
    shebao_fen f;
    OK(shebao_decimal_mul_round(ctx, "350", "0.0123", SHEBAO_ROUND_FEN_HALF_UP, &f));
    USAGE(shebao_decimal_mul_round(NULL, "350", "0.0123", SHEBAO_ROUND_FEN_HALF_UP, &f));
    INPUT_CTX(shebao_decimal_mul_round(ctx, NULL, "0.0123", SHEBAO_ROUND_FEN_HALF_UP, &f));
    INPUT_CTX(shebao_decimal_mul_round(ctx, "350", NULL, SHEBAO_ROUND_FEN_HALF_UP, &f));
    USAGE_CTX(shebao_decimal_mul_round(ctx, "350", "0.0123", SHEBAO_ROUND_FEN_HALF_UP, NULL));
}

static void null_shebao_decimal_div_round(void **state)
{
    (void)state;
    shebao_fen f;
    OK(shebao_decimal_div_round(ctx, "50850", "139", SHEBAO_ROUND_FEN_HALF_UP, &f));
    USAGE(shebao_decimal_div_round(NULL, "50850", "139", SHEBAO_ROUND_FEN_HALF_UP, &f));
    INPUT_CTX(shebao_decimal_div_round(ctx, NULL, "139", SHEBAO_ROUND_FEN_HALF_UP, &f));
    INPUT_CTX(shebao_decimal_div_round(ctx, "50850", NULL, SHEBAO_ROUND_FEN_HALF_UP, &f));
    USAGE_CTX(shebao_decimal_div_round(ctx, "50850", "139", SHEBAO_ROUND_FEN_HALF_UP, NULL));
}

/* ---- policy ------------------------------------------------------------------------------------------------ */

static void null_shebao_status_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_status_name(SHEBAO_STATUS_OFFICIAL), "official");
}

static void null_shebao_policy_load_file(void **state)
{
    (void)state;
    shebao_policy *p = NULL;
    OK(shebao_policy_load_file(ctx, policy_file, &p));
    shebao_policy_free(p);
    p = STALE;
    USAGE(shebao_policy_load_file(NULL, policy_file, &p));
    assert_null(p);
    p = STALE;
    USAGE_CTX(shebao_policy_load_file(ctx, NULL, &p));
    assert_null(p);
    USAGE_CTX(shebao_policy_load_file(ctx, policy_file, NULL));
}

static void null_shebao_policy_load_string(void **state)
{
    (void)state;
    char *json = NULL;
    assert_int_equal(shebao_policy_to_json(pol, &json), SHEBAO_OK);
    shebao_policy *p = NULL;
    OK(shebao_policy_load_string(ctx, json, "zj.json", &p));
    shebao_policy_free(p);
    p = NULL;
    OK(shebao_policy_load_string(ctx, json, NULL, &p)); /* name: NULL is "<string>" */
    shebao_policy_free(p);
    p = STALE;
    USAGE(shebao_policy_load_string(NULL, json, "zj.json", &p));
    assert_null(p);
    p = STALE;
    USAGE_CTX(shebao_policy_load_string(ctx, NULL, "zj.json", &p));
    assert_null(p);
    USAGE_CTX(shebao_policy_load_string(ctx, json, "zj.json", NULL));
    shebao_free(json);
}

static void null_shebao_policy_load_embedded(void **state)
{
    (void)state;
    shebao_policy *p = NULL;
    OK(shebao_policy_load_embedded(ctx, "national", &p));
    shebao_policy_free(p);
    p = STALE;
    USAGE(shebao_policy_load_embedded(NULL, "national", &p));
    assert_null(p);
    p = STALE;
    USAGE_CTX(shebao_policy_load_embedded(ctx, NULL, &p));
    assert_null(p);
    USAGE_CTX(shebao_policy_load_embedded(ctx, "national", NULL));
}

static void null_shebao_policy_free(void **state)
{
    (void)state;
    shebao_policy_free(NULL); /* "NULL is allowed" */
}

static void null_shebao_policy_embedded_count(void **state)
{
    (void)state;
    assert_true(shebao_policy_embedded_count() > 0);
}

static void null_shebao_policy_embedded_id(void **state)
{
    (void)state;
    assert_non_null(shebao_policy_embedded_id(0));
}

static void null_shebao_policy_id(void **state)
{
    (void)state;
    assert_string_equal(shebao_policy_id(pol), "zhejiang");
    assert_null(shebao_policy_id(NULL));
}

static void null_shebao_policy_name(void **state)
{
    (void)state;
    assert_non_null(shebao_policy_name(pol));
    assert_null(shebao_policy_name(NULL));
}

static void null_shebao_policy_name_zh(void **state)
{
    (void)state;
    assert_string_equal(shebao_policy_name_zh(pol), "浙江省"); /* data/policies/zhejiang.json */
    assert_null(shebao_policy_name_zh(NULL));
}

static void null_shebao_policy_lineage(void **state)
{
    (void)state;
    assert_non_null(shebao_policy_lineage(pol));
    assert_null(shebao_policy_lineage(NULL));
}

static void null_shebao_policy_param_count(void **state)
{
    (void)state;
    assert_true(shebao_policy_param_count(pol) > 0);
    assert_int_equal(shebao_policy_param_count(NULL), 0);
}

static void null_shebao_policy_param(void **state)
{
    (void)state;
    shebao_param q;
    OK(shebao_policy_param(pol, 0, &q));
    USAGE(shebao_policy_param(NULL, 0, &q));
    USAGE(shebao_policy_param(pol, 0, NULL));
}

static void null_shebao_policy_to_json(void **state)
{
    (void)state;
    char *json = NULL;
    OK(shebao_policy_to_json(pol, &json));
    shebao_free(json);
    USAGE(shebao_policy_to_json(NULL, &json));
    USAGE(shebao_policy_to_json(pol, NULL));
}

/* ---- choices ------------------------------------------------------------------------------------------------- */

/* The grades of 2026 in the embedded zhejiang policy (the 2024 table), or NULL (the OK call fails the test). */
static shebao_grade_list *grades_2026(void)
{
    shebao_grade_list *g = NULL;
    OK(shebao_policy_grades(ctx, pol, 2026, &g));
    return g;
}

static void null_shebao_policy_grades(void **state)
{
    (void)state;
    shebao_grade_list_free(grades_2026());
    shebao_grade_list *g = STALE;
    USAGE(shebao_policy_grades(NULL, pol, 2026, &g));
    g = STALE;
    USAGE_CTX(shebao_policy_grades(ctx, NULL, 2026, &g));
    assert_null(g);
    USAGE_CTX(shebao_policy_grades(ctx, pol, 2026, NULL));
}

static void null_shebao_grade_list_free(void **state)
{
    (void)state;
    shebao_grade_list_free(grades_2026());
    shebao_grade_list_free(NULL);
}

static void null_shebao_grade_list_year(void **state)
{
    (void)state;
    shebao_grade_list *g = grades_2026();
    assert_int_equal(shebao_grade_list_year(g), 2026);
    assert_int_equal(shebao_grade_list_year(NULL), 0);
    shebao_grade_list_free(g);
}

static void null_shebao_grade_list_table_from(void **state)
{
    (void)state;
    shebao_grade_list *g = grades_2026();
    assert_non_null(shebao_grade_list_table_from(g));
    assert_null(shebao_grade_list_table_from(NULL));
    shebao_grade_list_free(g);
}

static void null_shebao_grade_list_count(void **state)
{
    (void)state;
    shebao_grade_list *g = grades_2026();
    assert_true(shebao_grade_list_count(g) > 0);
    assert_int_equal(shebao_grade_list_count(NULL), 0);
    shebao_grade_list_free(g);
}

static void null_shebao_grade_list_item(void **state)
{
    (void)state;
    shebao_grade_list *g = grades_2026();
    shebao_grade_option o;
    OK(shebao_grade_list_item(g, 0, &o));
    USAGE(shebao_grade_list_item(NULL, 0, &o));
    USAGE(shebao_grade_list_item(g, 0, NULL));
    shebao_grade_list_free(g);
}

static void null_shebao_grade_list_to_json(void **state)
{
    (void)state;
    shebao_grade_list *g = grades_2026();
    char *json = NULL;
    OK(shebao_grade_list_to_json(g, &json));
    shebao_free(json);
    json = STALE;
    USAGE(shebao_grade_list_to_json(NULL, &json));
    assert_null(json);
    USAGE(shebao_grade_list_to_json(g, NULL));
    shebao_grade_list_free(g);
}

static void null_shebao_policy_pay_window(void **state)
{
    (void)state;
    shebao_pay_window w = SHEBAO_PAY_WINDOW_INIT;
    OK(shebao_policy_pay_window(ctx, pol, 1975, 3, 2026, &w));
    USAGE(shebao_policy_pay_window(NULL, pol, 1975, 3, 2026, &w));
    USAGE_CTX(shebao_policy_pay_window(ctx, NULL, 1975, 3, 2026, &w));
    USAGE_CTX(shebao_policy_pay_window(ctx, pol, 1975, 3, 2026, NULL));
}

/* ---- resident pension -------------------------------------------------------------------------------------- */

static void null_shebao_mortality_from_name(void **state)
{
    (void)state;
    shebao_mortality m;
    OK(shebao_mortality_from_name("none", &m));
    INPUT(shebao_mortality_from_name(NULL, &m));
    USAGE(shebao_mortality_from_name("none", NULL));
}

static void null_shebao_plan_parse(void **state)
{
    (void)state;
    shebao_segment *s = NULL;
    size_t n;
    OK(shebao_plan_parse(ctx, "2020-2034:2000", &s, &n));
    shebao_free(s);
    s = STALE;
    USAGE(shebao_plan_parse(NULL, "2020-2034:2000", &s, &n));
    assert_null(s);
    s = STALE;
    USAGE_CTX(shebao_plan_parse(ctx, NULL, &s, &n));
    assert_null(s);
    USAGE_CTX(shebao_plan_parse(ctx, "2020-2034:2000", NULL, &n));
    s = STALE;
    USAGE_CTX(shebao_plan_parse(ctx, "2020-2034:2000", &s, NULL));
    assert_null(s);
}

static void null_shebao_plan_parse_into(void **state)
{
    (void)state;
    shebao_segment s[4];
    size_t n;
    OK(shebao_plan_parse_into(ctx, "2020-2034:2000", s, 4, &n));
    USAGE(shebao_plan_parse_into(NULL, "2020-2034:2000", s, 4, &n));
    USAGE_CTX(shebao_plan_parse_into(ctx, NULL, s, 4, &n));
    USAGE_CTX(shebao_plan_parse_into(ctx, "2020-2034:2000", NULL, 4, &n));
    USAGE_CTX(shebao_plan_parse_into(ctx, "2020-2034:2000", s, 4, NULL));
}

static void null_shebao_project(void **state)
{
    (void)state;
    shebao_person pe = person();
    shebao_projection *p = NULL;
    OK(shebao_project(ctx, pol, &pe, &p));
    shebao_projection_free(p);
    p = STALE;
    USAGE(shebao_project(NULL, pol, &pe, &p));
    assert_null(p);
    p = STALE;
    USAGE_CTX(shebao_project(ctx, NULL, &pe, &p));
    assert_null(p);
    p = STALE;
    USAGE_CTX(shebao_project(ctx, pol, NULL, &p));
    assert_null(p);
    USAGE_CTX(shebao_project(ctx, pol, &pe, NULL));
}

static void null_shebao_project_summary(void **state)
{
    (void)state;
    shebao_person pe = person();
    shebao_summary s = SHEBAO_SUMMARY_INIT;
    OK(shebao_project_summary(ctx, pol, &pe, &s));
    s = (shebao_summary)SHEBAO_SUMMARY_INIT;
    USAGE(shebao_project_summary(NULL, pol, &pe, &s));
    USAGE_CTX(shebao_project_summary(ctx, NULL, &pe, &s));
    USAGE_CTX(shebao_project_summary(ctx, pol, NULL, &s));
    USAGE_CTX(shebao_project_summary(ctx, pol, &pe, NULL));
}

static void null_shebao_projection_free(void **state)
{
    (void)state;
    shebao_projection_free(NULL); /* "NULL is allowed" */
}

/* The getters' documented value for a NULL projection: 0, or NULL for strings. */
static void null_shebao_projection_eligible(void **state)
{
    (void)state;
    assert_int_equal(shebao_projection_eligible(proj), 1);
    assert_int_equal(shebao_projection_eligible(NULL), 0);
}

static void null_shebao_projection_years_paid(void **state)
{
    (void)state;
    assert_int_equal(shebao_projection_years_paid(proj), 15); /* 2020–2034 */
    assert_int_equal(shebao_projection_years_paid(NULL), 0);
}

static void null_shebao_projection_years_missing(void **state)
{
    (void)state;
    assert_int_equal(shebao_projection_years_missing(NULL), 0);
}

static void null_shebao_projection_base_carried_forward(void **state)
{
    (void)state;
    assert_int_equal(shebao_projection_base_carried_forward(NULL), 0);
}

static void null_shebao_projection_claim_month(void **state)
{
    (void)state;
    assert_string_equal(shebao_projection_claim_month(proj), "2035-04"); /* 1975-03 + 60 years + 1 month */
    assert_null(shebao_projection_claim_month(NULL));
}

static void null_shebao_projection_figure(void **state)
{
    (void)state;
    shebao_fen f;
    OK(shebao_projection_figure(proj, SHEBAO_FIG_MONTHLY_TOTAL, &f));
    USAGE(shebao_projection_figure(NULL, SHEBAO_FIG_MONTHLY_TOTAL, &f));
    USAGE(shebao_projection_figure(proj, SHEBAO_FIG_MONTHLY_TOTAL, NULL));
}

static void null_shebao_projection_breakeven(void **state)
{
    (void)state;
    int m;
    char month[8];
    OK(shebao_projection_breakeven(proj, &m, month, sizeof month));
    OK(shebao_projection_breakeven(proj, NULL, month, sizeof month)); /* months and month "may be NULL" */
    OK(shebao_projection_breakeven(proj, &m, NULL, 0));
    USAGE(shebao_projection_breakeven(proj, &m, month, 7)); /* a month needs 8 bytes */
    USAGE(shebao_projection_breakeven(NULL, &m, month, sizeof month));
}

static void null_shebao_projection_moneys_worth(void **state)
{
    (void)state;
    assert_non_null(shebao_projection_moneys_worth(proj));
    assert_null(shebao_projection_moneys_worth(NULL));
}

static void null_shebao_projection_now(void **state)
{
    (void)state;
    shebao_pension_now n = SHEBAO_PENSION_NOW_INIT;
    assert_int_equal(shebao_projection_now(proj, &n), SHEBAO_NA); /* the fixture has no as-of month */
    USAGE(shebao_projection_now(NULL, &n));
    USAGE(shebao_projection_now(proj, NULL));
    n.version = 0;
    USAGE(shebao_projection_now(proj, &n));
}

static void null_shebao_projection_irr(void **state)
{
    (void)state;
    assert_non_null(shebao_projection_irr(proj));
    assert_null(shebao_projection_irr(NULL));
}

static void null_shebao_projection_ledger_count(void **state)
{
    (void)state;
    assert_int_equal(shebao_projection_ledger_count(proj), 16); /* 2020 to the claim year 2035 */
    assert_int_equal(shebao_projection_ledger_count(NULL), 0);
}

static void null_shebao_projection_ledger_row(void **state)
{
    (void)state;
    shebao_ledger_row r;
    OK(shebao_projection_ledger_row(proj, 0, &r));
    USAGE(shebao_projection_ledger_row(NULL, 0, &r));
    USAGE(shebao_projection_ledger_row(proj, 0, NULL));
}

static void null_shebao_projection_assumption_count(void **state)
{
    (void)state;
    assert_true(shebao_projection_assumption_count(proj) > 0);
    assert_int_equal(shebao_projection_assumption_count(NULL), 0);
}

static void null_shebao_projection_assumption(void **state)
{
    (void)state;
    shebao_param q;
    OK(shebao_projection_assumption(proj, 0, &q));
    USAGE(shebao_projection_assumption(NULL, 0, &q));
    USAGE(shebao_projection_assumption(proj, 0, NULL));
}

static void null_shebao_projection_to_json(void **state)
{
    (void)state;
    char *json = NULL;
    OK(shebao_projection_to_json(proj, &json));
    shebao_free(json);
    USAGE(shebao_projection_to_json(NULL, &json));
    USAGE(shebao_projection_to_json(proj, NULL));
}

static void null_shebao_projection_explain(void **state)
{
    (void)state;
    char *text = NULL;
    OK(shebao_projection_explain(proj, &text));
    shebao_free(text);
    USAGE(shebao_projection_explain(NULL, &text));
    USAGE(shebao_projection_explain(proj, NULL));
}

static void null_shebao_annuity_epv(void **state)
{
    (void)state;
    shebao_fen f;
    OK(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 720, 10000, "0.025", &f));
    USAGE(shebao_annuity_epv(NULL, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 720, 10000, "0.025", &f));
    INPUT_CTX(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 720, 10000, NULL, &f));
    USAGE_CTX(shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 720, 10000, "0.025",
                                 NULL));
}

/* ---- planning: comparison ------------------------------------------------------------------------------------ */

static void null_shebao_compare(void **state)
{
    (void)state;
    shebao_person pe = compare_person();
    shebao_compare_options o = compare_options();
    static const shebao_fen one_grade[] = {50000};
    static const int one_length[] = {15};
    o.grades = one_grade; /* one cell: the baseline is quick */
    o.grade_count = 1;
    o.years = one_length;
    o.years_count = 1;
    shebao_comparison *c = NULL;
    OK(shebao_compare(ctx, pol, &pe, &o, &c));
    shebao_comparison_free(c);
    c = STALE;
    USAGE(shebao_compare(NULL, pol, &pe, &o, &c));
    assert_null(c);
    c = STALE;
    USAGE_CTX(shebao_compare(ctx, NULL, &pe, &o, &c));
    assert_null(c);
    c = STALE;
    USAGE_CTX(shebao_compare(ctx, pol, NULL, &o, &c));
    assert_null(c);
    c = STALE;
    USAGE_CTX(shebao_compare(ctx, pol, &pe, NULL, &c));
    assert_null(c);
    USAGE_CTX(shebao_compare(ctx, pol, &pe, &o, NULL));
}

static void null_shebao_comparison_free(void **state)
{
    (void)state;
    shebao_comparison_free(NULL); /* "NULL is allowed" */
}

/* The getters' documented value for a NULL comparison: 0 for counts and years, -1 for the indexed grade and
 * length, NULL for pointers. */
static void null_shebao_comparison_grade_count(void **state)
{
    (void)state;
    assert_true(shebao_comparison_grade_count(cmp) >= 2);
    assert_int_equal(shebao_comparison_grade_count(NULL), 0);
}

static void null_shebao_comparison_grade(void **state)
{
    (void)state;
    assert_true(shebao_comparison_grade(cmp, 0) > 0);
    assert_int_equal(shebao_comparison_grade(NULL, 0), -1);
}

static void null_shebao_comparison_years_count(void **state)
{
    (void)state;
    assert_true(shebao_comparison_years_count(cmp) > 0);
    assert_int_equal(shebao_comparison_years_count(NULL), 0);
}

static void null_shebao_comparison_years(void **state)
{
    (void)state;
    assert_true(shebao_comparison_years(cmp, 0) > 0);
    assert_int_equal(shebao_comparison_years(NULL, 0), -1);
}

static void null_shebao_comparison_start_year(void **state)
{
    (void)state;
    assert_int_equal(shebao_comparison_start_year(cmp), 2015);
    assert_int_equal(shebao_comparison_start_year(NULL), 0);
}

static void null_shebao_comparison_max_years(void **state)
{
    (void)state;
    assert_true(shebao_comparison_max_years(cmp) > 0);
    assert_int_equal(shebao_comparison_max_years(NULL), 0);
}

static void null_shebao_comparison_claim_month(void **state)
{
    (void)state;
    assert_non_null(shebao_comparison_claim_month(cmp));
    assert_null(shebao_comparison_claim_month(NULL));
}

static void null_shebao_comparison_projection(void **state)
{
    (void)state;
    assert_non_null(shebao_comparison_projection(cmp, 0, 0));
    assert_null(shebao_comparison_projection(NULL, 0, 0));
}

static void null_shebao_comparison_cell(void **state)
{
    (void)state;
    shebao_compare_cell cell;
    OK(shebao_comparison_cell(cmp, 0, 0, &cell));
    USAGE(shebao_comparison_cell(NULL, 0, 0, &cell));
    USAGE(shebao_comparison_cell(cmp, 0, 0, NULL));
}

static void null_shebao_comparison_marginal_count(void **state)
{
    (void)state;
    assert_true(shebao_comparison_marginal_count(cmp) > 0);
    assert_int_equal(shebao_comparison_marginal_count(NULL), 0);
}

static void null_shebao_comparison_marginal(void **state)
{
    (void)state;
    shebao_compare_delta d;
    OK(shebao_comparison_marginal(cmp, 0, &d));
    USAGE(shebao_comparison_marginal(NULL, 0, &d));
    USAGE(shebao_comparison_marginal(cmp, 0, NULL));
}

static void null_shebao_comparison_summary(void **state)
{
    (void)state;
    shebao_compare_delta d;
    OK(shebao_comparison_summary(cmp, 0, &d));
    USAGE(shebao_comparison_summary(NULL, 0, &d));
    USAGE(shebao_comparison_summary(cmp, 0, NULL));
}

static void null_shebao_comparison_end(void **state)
{
    (void)state;
    assert_non_null(shebao_comparison_end(cmp, 0, 0));
    assert_non_null(shebao_comparison_end(cmp, 0, 1));
    assert_null(shebao_comparison_end(NULL, 0, 0));
}

static void null_shebao_comparison_path(void **state)
{
    (void)state;
    const shebao_segment *s = NULL;
    size_t n = 0;
    OK(shebao_comparison_path(cmp, 1, &s, &n)); /* 2015 to 2030 crosses the 2024 grade table */
    USAGE(shebao_comparison_path(NULL, 1, &s, &n));
    USAGE(shebao_comparison_path(cmp, 1, NULL, &n));
    USAGE(shebao_comparison_path(cmp, 1, &s, NULL));
}

static void null_shebao_projection_advice(void **state)
{
    (void)state;
    /* born 1966-05, one year paid (2025): not eligible at the claim in 2026-06, so the projection has advice */
    static const shebao_segment one[] = {{2025, 2025, 30000}};
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = 1966;
    pe.birth_month = 5;
    pe.plan = one;
    pe.plan_count = 1;
    pe.mortality = SHEBAO_MORTALITY_NONE;
    shebao_projection *p = NULL;
    OK(shebao_project(ctx, pol, &pe, &p));
    shebao_advice a = SHEBAO_ADVICE_INIT;
    OK(shebao_projection_advice(p, &a));
    USAGE(shebao_projection_advice(NULL, &a));
    USAGE(shebao_projection_advice(p, NULL));
    shebao_projection_free(p);
}

static void null_shebao_comparison_excluded_count(void **state)
{
    (void)state;
    assert_true(shebao_comparison_excluded_count(cmp) > 0);
    assert_int_equal(shebao_comparison_excluded_count(NULL), 0);
}

static void null_shebao_comparison_excluded(void **state)
{
    (void)state;
    shebao_compare_excluded x;
    OK(shebao_comparison_excluded(cmp, 0, &x));
    USAGE(shebao_comparison_excluded(NULL, 0, &x));
    USAGE(shebao_comparison_excluded(cmp, 0, NULL));
}

static void null_shebao_comparison_assumption_count(void **state)
{
    (void)state;
    assert_true(shebao_comparison_assumption_count(cmp) > 0);
    assert_int_equal(shebao_comparison_assumption_count(NULL), 0);
}

static void null_shebao_comparison_assumption(void **state)
{
    (void)state;
    shebao_param q;
    OK(shebao_comparison_assumption(cmp, 0, &q));
    USAGE(shebao_comparison_assumption(NULL, 0, &q));
    USAGE(shebao_comparison_assumption(cmp, 0, NULL));
}

static void null_shebao_comparison_to_json(void **state)
{
    (void)state;
    char *json = NULL;
    OK(shebao_comparison_to_json(cmp, &json));
    shebao_free(json);
    USAGE(shebao_comparison_to_json(NULL, &json));
    USAGE(shebao_comparison_to_json(cmp, NULL));
}

/* ---- long-term care ---------------------------------------------------------------------------------------- */

/* Names by number: no pointer argument. */
static void null_shebao_ltc_item_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_ltc_item_name(SHEBAO_LTC_ADL, 6), "平地行走");
}

static void null_shebao_ltc_grade_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_ltc_grade_name(0), "基本正常");
}

static void null_shebao_ltc_level_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_ltc_level_name(0), "能力完好");
}

static void null_shebao_ltc_mode_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_ltc_mode_name(SHEBAO_LTC_HOME_VISIT), "home_visit");
}

static void null_shebao_ltc_group_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_ltc_group_name(SHEBAO_LTC_RESIDENT), "resident");
}

static void null_shebao_ltc_payer_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_ltc_payer_name(SHEBAO_LTC_FISCAL), "fiscal");
}

static void null_shebao_ltc_limit_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_ltc_limit_name(SHEBAO_LTC_LIMIT_DAILY_CAP), "daily_cap");
}

static void null_shebao_ltc_name_zh(void **state)
{
    (void)state;
    assert_null(shebao_ltc_name_zh(NULL));
    assert_null(shebao_ltc_name_zh("nursing_home")); /* not a data-format name */
    assert_string_equal(shebao_ltc_name_zh("medical_fund"), "医保基金");
    assert_string_equal(shebao_ltc_name_zh("daily_cap"), "日限额");
}

static void null_shebao_ltc_mode_from_name(void **state)
{
    (void)state;
    shebao_ltc_mode m;
    OK(shebao_ltc_mode_from_name("home_visit", &m));
    INPUT(shebao_ltc_mode_from_name(NULL, &m));
    USAGE(shebao_ltc_mode_from_name("home_visit", NULL));
}

static void null_shebao_ltc_group_from_name(void **state)
{
    (void)state;
    shebao_ltc_group g;
    OK(shebao_ltc_group_from_name("resident", &g));
    INPUT(shebao_ltc_group_from_name(NULL, &g));
    USAGE(shebao_ltc_group_from_name("resident", NULL));
}

static void null_shebao_ltc_assumptions_new(void **state)
{
    (void)state;
    USAGE(shebao_ltc_assumptions_new(NULL));
}

static void null_shebao_ltc_assumptions_free(void **state)
{
    (void)state;
    shebao_ltc_assumptions_free(NULL); /* "NULL is allowed" */
}

static void null_shebao_ltc_assumption_count(void **state)
{
    (void)state;
    assert_true(shebao_ltc_assumption_count(notes) > 0);
    assert_int_equal(shebao_ltc_assumption_count(NULL), 0); /* "NULL gives 0" */
}

static void null_shebao_ltc_assumption(void **state)
{
    (void)state;
    shebao_param q;
    OK(shebao_ltc_assumption(notes, 0, &q));
    USAGE(shebao_ltc_assumption(NULL, 0, &q));
    USAGE(shebao_ltc_assumption(notes, 0, NULL));
}

static void null_shebao_ltc_assumptions_to_json(void **state)
{
    (void)state;
    char *json = NULL;
    OK(shebao_ltc_assumptions_to_json(notes, &json));
    shebao_free(json);
    USAGE(shebao_ltc_assumptions_to_json(NULL, &json));
    USAGE(shebao_ltc_assumptions_to_json(notes, NULL));
}

static void null_shebao_ltc_assess(void **state)
{
    (void)state;
    shebao_ltc_assessment a;
    const size_t na = SHEBAO_LTC_ADL_ITEMS, nc = SHEBAO_LTC_COGNITION_ITEMS, np = SHEBAO_LTC_PERCEPTION_ITEMS;
    OK(shebao_ltc_assess(ctx, pol, SCORES(adl, na, cog, nc, per, np), &a, notes));
    OK(shebao_ltc_assess(ctx, pol, SCORES(adl, na, cog, nc, per, np), &a, NULL)); /* notes: "if not NULL" */
    USAGE(shebao_ltc_assess(NULL, pol, SCORES(adl, na, cog, nc, per, np), &a, notes));
    USAGE_CTX(shebao_ltc_assess(ctx, NULL, SCORES(adl, na, cog, nc, per, np), &a, notes));
    USAGE_CTX(shebao_ltc_assess(ctx, pol, SCORES(NULL, na, cog, nc, per, np), &a, notes));
    USAGE_CTX(shebao_ltc_assess(ctx, pol, SCORES(adl, na, NULL, nc, per, np), &a, notes));
    USAGE_CTX(shebao_ltc_assess(ctx, pol, SCORES(adl, na, cog, nc, NULL, np), &a, notes));
    USAGE_CTX(shebao_ltc_assess(ctx, pol, SCORES(adl, na, cog, nc, per, np), NULL, notes));
    USAGE_CTX(shebao_ltc_assess(ctx, pol, NULL, &a, notes));
}

static void null_shebao_ltc_benefit_month(void **state)
{
    (void)state;
    shebao_ltc_claim c = claim();
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    OK(shebao_ltc_benefit_month(ctx, pol, &c, &b, notes));
    b = (shebao_ltc_benefit)SHEBAO_LTC_BENEFIT_INIT;
    OK(shebao_ltc_benefit_month(ctx, pol, &c, &b, NULL));
    b = (shebao_ltc_benefit)SHEBAO_LTC_BENEFIT_INIT;
    USAGE(shebao_ltc_benefit_month(NULL, pol, &c, &b, notes));
    USAGE_CTX(shebao_ltc_benefit_month(ctx, NULL, &c, &b, notes));
    USAGE_CTX(shebao_ltc_benefit_month(ctx, pol, NULL, &b, notes));
    USAGE_CTX(shebao_ltc_benefit_month(ctx, pol, &c, NULL, notes));
}

static void null_shebao_ltc_fund(void **state)
{
    (void)state;
    shebao_ltc_funding f = SHEBAO_LTC_FUNDING_INIT;
    OK(shebao_ltc_fund(ctx, pol, SHEBAO_LTC_RESIDENT, 2025, 1, 1, SHEBAO_UNSET, &f, notes));
    f = (shebao_ltc_funding)SHEBAO_LTC_FUNDING_INIT;
    OK(shebao_ltc_fund(ctx, pol, SHEBAO_LTC_RESIDENT, 2025, 1, 1, -1, &f, NULL));
    f = (shebao_ltc_funding)SHEBAO_LTC_FUNDING_INIT;
    USAGE(shebao_ltc_fund(NULL, pol, SHEBAO_LTC_RESIDENT, 2025, 1, 1, -1, &f, notes));
    USAGE_CTX(shebao_ltc_fund(ctx, NULL, SHEBAO_LTC_RESIDENT, 2025, 1, 1, -1, &f, notes));
    USAGE_CTX(shebao_ltc_fund(ctx, pol, SHEBAO_LTC_RESIDENT, 2025, 1, 1, -1, NULL, notes));
}

static void null_shebao_ltc_cost_estimate(void **state)
{
    (void)state;
    shebao_ltc_cost_input in = cost_input();
    shebao_ltc_cost est = SHEBAO_LTC_COST_INIT;
    OK(shebao_ltc_cost_estimate(ctx, pol, &in, &est, notes));
    est = (shebao_ltc_cost)SHEBAO_LTC_COST_INIT;
    OK(shebao_ltc_cost_estimate(ctx, pol, &in, &est, NULL));
    est = (shebao_ltc_cost)SHEBAO_LTC_COST_INIT;
    USAGE(shebao_ltc_cost_estimate(NULL, pol, &in, &est, notes));
    USAGE_CTX(shebao_ltc_cost_estimate(ctx, NULL, &in, &est, notes));
    USAGE_CTX(shebao_ltc_cost_estimate(ctx, pol, NULL, &est, notes));
    USAGE_CTX(shebao_ltc_cost_estimate(ctx, pol, &in, NULL, notes));
}

/* The JSON documents of the four results: the policy, the result and the output are required (the inputs echoed,
 * where the result does not hold them, too); notes are optional (an empty "assumptions" array). On a refusal the
 * output is NULL. */
static void null_shebao_ltc_assessment_to_json(void **state)
{
    (void)state;
    shebao_ltc_assessment a;
    OK(shebao_ltc_assess(ctx, pol, SCORES(adl, SHEBAO_LTC_ADL_ITEMS, cog, SHEBAO_LTC_COGNITION_ITEMS, per,
                                          SHEBAO_LTC_PERCEPTION_ITEMS), &a, notes));
    char *json = NULL;
    OK(shebao_ltc_assessment_to_json(pol, &a, notes, &json));
    shebao_free(json);
    json = NULL;
    OK(shebao_ltc_assessment_to_json(pol, &a, NULL, &json)); /* notes: "NULL gives an empty array" */
    assert_non_null(strstr(json, "\"assumptions\": []"));
    shebao_free(json);
    json = STALE;
    USAGE(shebao_ltc_assessment_to_json(NULL, &a, notes, &json));
    assert_null(json);
    json = STALE;
    USAGE(shebao_ltc_assessment_to_json(pol, NULL, notes, &json));
    assert_null(json);
    USAGE(shebao_ltc_assessment_to_json(pol, &a, notes, NULL));
}

static void null_shebao_ltc_benefit_to_json(void **state)
{
    (void)state;
    shebao_ltc_claim c = claim();
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    OK(shebao_ltc_benefit_month(ctx, pol, &c, &b, notes));
    char *json = NULL;
    OK(shebao_ltc_benefit_to_json(pol, &c, &b, notes, &json));
    shebao_free(json);
    json = NULL;
    OK(shebao_ltc_benefit_to_json(pol, &c, &b, NULL, &json));
    shebao_free(json);
    json = STALE;
    USAGE(shebao_ltc_benefit_to_json(NULL, &c, &b, notes, &json));
    assert_null(json);
    json = STALE;
    USAGE(shebao_ltc_benefit_to_json(pol, NULL, &b, notes, &json));
    assert_null(json);
    json = STALE;
    USAGE(shebao_ltc_benefit_to_json(pol, &c, NULL, notes, &json));
    assert_null(json);
    USAGE(shebao_ltc_benefit_to_json(pol, &c, &b, notes, NULL));
}

static void null_shebao_ltc_funding_to_json(void **state)
{
    (void)state;
    shebao_ltc_funding f = SHEBAO_LTC_FUNDING_INIT;
    OK(shebao_ltc_fund(ctx, pol, SHEBAO_LTC_RESIDENT, 2025, 1, 1, SHEBAO_UNSET, &f, notes));
    char *json = NULL;
    OK(shebao_ltc_funding_to_json(pol, SHEBAO_LTC_RESIDENT, 2025, 1, &f, notes, &json));
    shebao_free(json);
    json = NULL;
    OK(shebao_ltc_funding_to_json(pol, SHEBAO_LTC_RESIDENT, 2025, 1, &f, NULL, &json));
    shebao_free(json);
    json = STALE;
    USAGE(shebao_ltc_funding_to_json(NULL, SHEBAO_LTC_RESIDENT, 2025, 1, &f, notes, &json));
    assert_null(json);
    json = STALE;
    USAGE(shebao_ltc_funding_to_json(pol, SHEBAO_LTC_RESIDENT, 2025, 1, NULL, notes, &json));
    assert_null(json);
    USAGE(shebao_ltc_funding_to_json(pol, SHEBAO_LTC_RESIDENT, 2025, 1, &f, notes, NULL));
}

static void null_shebao_ltc_cost_to_json(void **state)
{
    (void)state;
    shebao_ltc_cost_input in = cost_input();
    shebao_ltc_cost est = SHEBAO_LTC_COST_INIT;
    OK(shebao_ltc_cost_estimate(ctx, pol, &in, &est, notes));
    char *json = NULL;
    OK(shebao_ltc_cost_to_json(pol, &in, &est, notes, &json));
    shebao_free(json);
    json = NULL;
    OK(shebao_ltc_cost_to_json(pol, &in, &est, NULL, &json));
    shebao_free(json);
    json = STALE;
    USAGE(shebao_ltc_cost_to_json(NULL, &in, &est, notes, &json));
    assert_null(json);
    json = STALE;
    USAGE(shebao_ltc_cost_to_json(pol, NULL, &est, notes, &json));
    assert_null(json);
    json = STALE;
    USAGE(shebao_ltc_cost_to_json(pol, &in, NULL, notes, &json));
    assert_null(json);
    USAGE(shebao_ltc_cost_to_json(pol, &in, &est, notes, NULL));
}

/* ---- the table: one entry per exported function, and the check that it has them all ------------------------- */

static void test_every_export_covered(void **state);

#define COVER(fn) cmocka_unit_test(null_##fn)

/* ---- employee pension ------------------------------------------------------------------------------------------ */

static void null_shebao_retire_category_name(void **state)
{
    (void)state;
    assert_string_equal(shebao_retire_category_name(SHEBAO_RETIRE_FEMALE50), "female50");
}

static void null_shebao_retire_category_from_name(void **state)
{
    (void)state;
    shebao_retire_category c;
    OK(shebao_retire_category_from_name("male", &c));
    INPUT(shebao_retire_category_from_name(NULL, &c));
    USAGE(shebao_retire_category_from_name("male", NULL));
}

static void null_shebao_retire_compute(void **state)
{
    (void)state;
    shebao_retirement r = SHEBAO_RETIREMENT_INIT;
    OK(shebao_retire_compute(ctx, pol, 1965, 1, SHEBAO_RETIRE_MALE, &r));
    USAGE(shebao_retire_compute(NULL, pol, 1965, 1, SHEBAO_RETIRE_MALE, &r));
    USAGE_CTX(shebao_retire_compute(ctx, NULL, 1965, 1, SHEBAO_RETIRE_MALE, &r));
    USAGE_CTX(shebao_retire_compute(ctx, pol, 1965, 1, SHEBAO_RETIRE_MALE, NULL));
}

static void null_shebao_retire_to_json(void **state)
{
    (void)state;
    shebao_retirement r = SHEBAO_RETIREMENT_INIT;
    OK(shebao_retire_compute(ctx, pol, 1965, 1, SHEBAO_RETIRE_MALE, &r));
    char *json = NULL;
    OK(shebao_retire_to_json(&r, &json));
    shebao_free(json);
    json = STALE;
    USAGE(shebao_retire_to_json(NULL, &json));
    assert_null(json);
    USAGE(shebao_retire_to_json(&r, NULL));
}

static void null_shebao_employee_claim(void **state)
{
    (void)state;
    shebao_employee_form f = tu_employee_case9();
    shebao_employee_pension p = SHEBAO_EMPLOYEE_PENSION_INIT;
    OK(shebao_employee_claim(ctx, pol, &f, &p));
    USAGE(shebao_employee_claim(NULL, pol, &f, &p));
    USAGE_CTX(shebao_employee_claim(ctx, NULL, &f, &p));
    USAGE_CTX(shebao_employee_claim(ctx, pol, NULL, &p));
    USAGE_CTX(shebao_employee_claim(ctx, pol, &f, NULL));
    f.years_paid = NULL; /* a required member of the form */
    USAGE_CTX(shebao_employee_claim(ctx, pol, &f, &p));
}

static void null_shebao_employee_pension_to_json(void **state)
{
    (void)state;
    shebao_employee_form f = tu_employee_case9();
    shebao_employee_pension p = SHEBAO_EMPLOYEE_PENSION_INIT;
    OK(shebao_employee_claim(ctx, pol, &f, &p));
    char *json = NULL;
    OK(shebao_employee_pension_to_json(pol, &f, &p, &json));
    shebao_free(json);
    json = STALE;
    USAGE(shebao_employee_pension_to_json(NULL, &f, &p, &json));
    assert_null(json);
    json = STALE;
    USAGE(shebao_employee_pension_to_json(pol, NULL, &p, &json));
    assert_null(json);
    json = STALE;
    USAGE(shebao_employee_pension_to_json(pol, &f, NULL, &json));
    assert_null(json);
    USAGE(shebao_employee_pension_to_json(pol, &f, &p, NULL));
}

static void null_shebao_employee_pension_assumption_count(void **state)
{
    (void)state;
    shebao_employee_form f = tu_employee_case9();
    shebao_employee_pension p = SHEBAO_EMPLOYEE_PENSION_INIT;
    OK(shebao_employee_claim(ctx, pol, &f, &p));
    assert_true(shebao_employee_pension_assumption_count(pol, &p) > 0);
    assert_int_equal(shebao_employee_pension_assumption_count(NULL, &p), 0);
    assert_int_equal(shebao_employee_pension_assumption_count(pol, NULL), 0);
}

static void null_shebao_employee_pension_assumption(void **state)
{
    (void)state;
    shebao_employee_form f = tu_employee_case9();
    shebao_employee_pension p = SHEBAO_EMPLOYEE_PENSION_INIT;
    OK(shebao_employee_claim(ctx, pol, &f, &p));
    shebao_param q;
    OK(shebao_employee_pension_assumption(pol, &p, 0, &q));
    USAGE(shebao_employee_pension_assumption(NULL, &p, 0, &q));
    USAGE(shebao_employee_pension_assumption(pol, NULL, 0, &q));
    USAGE(shebao_employee_pension_assumption(pol, &p, 0, NULL));
}

/* A computed plan for the getters (tu_employee_plan). */
static shebao_employee_plan *plan_of(void)
{
    shebao_employee_plan_input in = tu_employee_plan();
    shebao_employee_plan *pl = NULL;
    OK(shebao_employee_plan_compute(ctx, pol, &in, &pl));
    return pl;
}

static void null_shebao_employee_plan_compute(void **state)
{
    (void)state;
    shebao_employee_plan_input in = tu_employee_plan();
    shebao_employee_plan *pl = plan_of();
    shebao_employee_plan_free(pl);
    pl = STALE;
    USAGE(shebao_employee_plan_compute(NULL, pol, &in, &pl));
    pl = STALE;
    USAGE_CTX(shebao_employee_plan_compute(ctx, NULL, &in, &pl));
    assert_null(pl);
    USAGE_CTX(shebao_employee_plan_compute(ctx, pol, NULL, &pl));
    USAGE_CTX(shebao_employee_plan_compute(ctx, pol, &in, NULL));
    in.plan = NULL; /* required */
    USAGE_CTX(shebao_employee_plan_compute(ctx, pol, &in, &pl));
}

static void null_shebao_employee_plan_free(void **state)
{
    (void)state;
    shebao_employee_plan_free(NULL);
}

static void null_shebao_employee_plan_form(void **state)
{
    (void)state;
    shebao_employee_plan *pl = plan_of();
    assert_non_null(shebao_employee_plan_form(pl));
    assert_null(shebao_employee_plan_form(NULL));
    assert_non_null(shebao_employee_plan_claim(pl));
    assert_null(shebao_employee_plan_claim(NULL));
    shebao_employee_plan_free(pl);
}

static void null_shebao_employee_plan_figures_get(void **state)
{
    (void)state;
    shebao_employee_plan *pl = plan_of();
    shebao_employee_plan_figures f = SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT;
    OK(shebao_employee_plan_figures_get(pl, &f));
    USAGE(shebao_employee_plan_figures_get(NULL, &f));
    USAGE(shebao_employee_plan_figures_get(pl, NULL));
    shebao_employee_plan_free(pl);
}

static void null_shebao_employee_plan_row_get(void **state)
{
    (void)state;
    shebao_employee_plan *pl = plan_of();
    shebao_employee_plan_row r = SHEBAO_EMPLOYEE_PLAN_ROW_INIT;
    assert_int_equal(shebao_employee_plan_row_count(pl), 2);
    assert_int_equal(shebao_employee_plan_row_count(NULL), 0);
    OK(shebao_employee_plan_row_get(pl, 0, &r));
    USAGE(shebao_employee_plan_row_get(NULL, 0, &r));
    USAGE(shebao_employee_plan_row_get(pl, 2, &r));
    USAGE(shebao_employee_plan_row_get(pl, 0, NULL));
    shebao_employee_plan_free(pl);
}

static void null_shebao_employee_plan_assumption(void **state)
{
    (void)state;
    shebao_employee_plan *pl = plan_of();
    shebao_param q;
    assert_true(shebao_employee_plan_assumption_count(pl) > 0);
    assert_int_equal(shebao_employee_plan_assumption_count(NULL), 0);
    OK(shebao_employee_plan_assumption(pl, 0, &q));
    USAGE(shebao_employee_plan_assumption(NULL, 0, &q));
    USAGE(shebao_employee_plan_assumption(pl, 0, NULL));
    assert_null(shebao_employee_plan_explain(pl)); /* not asked for */
    assert_null(shebao_employee_plan_explain(NULL));
    shebao_employee_plan_free(pl);
}

static void null_shebao_employee_plan_to_json(void **state)
{
    (void)state;
    shebao_employee_plan *pl = plan_of();
    char *json = NULL;
    OK(shebao_employee_plan_to_json(pl, &json));
    shebao_free(json);
    json = STALE;
    USAGE(shebao_employee_plan_to_json(NULL, &json));
    assert_null(json);
    USAGE(shebao_employee_plan_to_json(pl, NULL));
    shebao_employee_plan_free(pl);
}

/* The getters returning 0 or NULL for NULL, checked with the tests above. */
static void null_shebao_employee_plan_claim(void **state) { null_shebao_employee_plan_form(state); }
static void null_shebao_employee_plan_row_count(void **state) { null_shebao_employee_plan_row_get(state); }
static void null_shebao_employee_plan_assumption_count(void **state) { null_shebao_employee_plan_assumption(state); }
static void null_shebao_employee_plan_explain(void **state) { null_shebao_employee_plan_assumption(state); }

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_every_export_covered),
    /* core */
    COVER(shebao_version), COVER(shebao_version_num), COVER(shebao_strerror), COVER(shebao_ctx_new),
    COVER(shebao_ctx_free), COVER(shebao_ctx_errmsg), COVER(shebao_ctx_errcode), COVER(shebao_ctx_set_precision), COVER(shebao_ctx_set_language),
    COVER(shebao_free),
    /* money */
    COVER(shebao_rounding_name), COVER(shebao_rounding_from_name), COVER(shebao_money_format),
    COVER(shebao_money_parse), COVER(shebao_decimal_round), COVER(shebao_decimal_mul_round),
    COVER(shebao_decimal_div_round),
    /* months */
    COVER(shebao_month_parse), COVER(shebao_month_format), COVER(shebao_month_parse_loose),
    COVER(shebao_text_normalise),
    /* policy */
    COVER(shebao_status_name), COVER(shebao_policy_load_file), COVER(shebao_policy_load_string),
    COVER(shebao_policy_load_embedded), COVER(shebao_policy_free), COVER(shebao_policy_embedded_count),
    COVER(shebao_policy_embedded_id), COVER(shebao_policy_id), COVER(shebao_policy_name), COVER(shebao_policy_name_zh),
    COVER(shebao_policy_lineage), COVER(shebao_policy_param_count), COVER(shebao_policy_param),
    COVER(shebao_policy_to_json),
    /* choices */
    COVER(shebao_policy_grades), COVER(shebao_grade_list_free), COVER(shebao_grade_list_year),
    COVER(shebao_grade_list_table_from), COVER(shebao_grade_list_count), COVER(shebao_grade_list_item),
    COVER(shebao_grade_list_to_json), COVER(shebao_policy_pay_window),
    /* resident pension */
    COVER(shebao_mortality_from_name), COVER(shebao_plan_parse), COVER(shebao_plan_parse_into),
    COVER(shebao_project), COVER(shebao_project_summary), COVER(shebao_projection_free),
    COVER(shebao_projection_eligible), COVER(shebao_projection_years_paid), COVER(shebao_projection_years_missing),
    COVER(shebao_projection_base_carried_forward), COVER(shebao_projection_claim_month),
    COVER(shebao_projection_figure), COVER(shebao_projection_breakeven), COVER(shebao_projection_moneys_worth),
    COVER(shebao_projection_now), COVER(shebao_projection_irr), COVER(shebao_projection_ledger_count), COVER(shebao_projection_ledger_row),
    COVER(shebao_projection_assumption_count), COVER(shebao_projection_assumption),
    COVER(shebao_projection_to_json), COVER(shebao_projection_explain), COVER(shebao_annuity_epv),
    /* comparison */
    COVER(shebao_compare), COVER(shebao_comparison_free), COVER(shebao_comparison_grade_count),
    COVER(shebao_comparison_grade), COVER(shebao_comparison_years_count), COVER(shebao_comparison_years),
    COVER(shebao_comparison_start_year), COVER(shebao_comparison_max_years), COVER(shebao_comparison_claim_month),
    COVER(shebao_comparison_projection), COVER(shebao_comparison_cell), COVER(shebao_comparison_marginal_count),
    COVER(shebao_comparison_marginal), COVER(shebao_comparison_summary), COVER(shebao_comparison_excluded_count),
    COVER(shebao_comparison_excluded), COVER(shebao_comparison_assumption_count),
    COVER(shebao_comparison_assumption), COVER(shebao_comparison_to_json),
    COVER(shebao_comparison_end), COVER(shebao_comparison_path), COVER(shebao_projection_advice),
    /* long-term care */
    COVER(shebao_ltc_item_name), COVER(shebao_ltc_grade_name), COVER(shebao_ltc_level_name),
    COVER(shebao_ltc_mode_name), COVER(shebao_ltc_group_name), COVER(shebao_ltc_payer_name),
    COVER(shebao_ltc_limit_name), COVER(shebao_ltc_name_zh), COVER(shebao_ltc_mode_from_name), COVER(shebao_ltc_group_from_name),
    COVER(shebao_ltc_assumptions_new), COVER(shebao_ltc_assumptions_free), COVER(shebao_ltc_assumption_count),
    COVER(shebao_ltc_assumption), COVER(shebao_ltc_assumptions_to_json),
    COVER(shebao_ltc_assess), COVER(shebao_ltc_benefit_month), COVER(shebao_ltc_fund),
    COVER(shebao_ltc_cost_estimate), COVER(shebao_ltc_assessment_to_json), COVER(shebao_ltc_benefit_to_json),
    COVER(shebao_ltc_funding_to_json), COVER(shebao_ltc_cost_to_json),
    /* employee pension */
    COVER(shebao_retire_category_name), COVER(shebao_retire_category_from_name), COVER(shebao_retire_compute),
    COVER(shebao_retire_to_json), COVER(shebao_employee_claim), COVER(shebao_employee_pension_to_json),
    COVER(shebao_employee_pension_assumption_count), COVER(shebao_employee_pension_assumption),
    COVER(shebao_employee_plan_compute), COVER(shebao_employee_plan_free), COVER(shebao_employee_plan_form),
    COVER(shebao_employee_plan_figures_get), COVER(shebao_employee_plan_row_get),
    COVER(shebao_employee_plan_assumption), COVER(shebao_employee_plan_to_json), COVER(shebao_employee_plan_claim),
    COVER(shebao_employee_plan_row_count), COVER(shebao_employee_plan_assumption_count),
    COVER(shebao_employee_plan_explain),
};

#define NTESTS (sizeof tests / sizeof tests[0])

/* The test of an exported name, or NULL. */
static const struct CMUnitTest *test_of(const char *symbol)
{
    for (size_t i = 0; i < NTESTS; i++)
        if (strncmp(tests[i].name, "null_", 5) == 0 && strcmp(tests[i].name + 5, symbol) == 0)
            return &tests[i];
    return NULL;
}

static void test_every_export_covered(void **state)
{
    (void)state;
    FILE *f = fopen(exports_path, "r");
    if (!f)
        fail_msg("cannot open the export list %s (run from the source tree, or pass its path)", exports_path);
    bool seen[NTESTS] = {false};
    size_t nexports = 0, missing = 0;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, " \t\r\n")] = '\0';
        if (!line[0])
            continue;
        nexports++;
        const struct CMUnitTest *t = test_of(line);
        if (!t) {
            print_error("%s is exported but has no null_%s test in tests/unit/test_null_args.c\n", line, line);
            missing++;
            continue;
        }
        seen[t - tests] = true;
    }
    fclose(f);
    size_t stale = 0;
    for (size_t i = 1; i < NTESTS; i++)
        if (!seen[i]) {
            print_error("%s: %s is not in %s\n", tests[i].name, tests[i].name + 5, exports_path);
            stale++;
        }
    if (nexports == 0)
        fail_msg("%s lists no symbol", exports_path);
    if (missing || stale)
        fail_msg("%zu exported function(s) without a NULL test, %zu test(s) of no exported function", missing, stale);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        exports_path = argv[1];
    return cmocka_run_group_tests(tests, setup, teardown);
}
