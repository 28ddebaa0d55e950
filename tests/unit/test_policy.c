/* Policy data: embedded policies, extends/merge semantics, provenance, JSON round trip, sharing across threads. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "testutil.h"

static const shebao_param *find(const shebao_policy *p, const char *path, const char *from, shebao_param *out)
{
    for (size_t i = 0; i < shebao_policy_param_count(p); i++) {
        shebao_policy_param(p, i, out);
        if (strcmp(out->path, path) == 0 && (!from || strcmp(out->from, from) == 0))
            return out;
    }
    return NULL;
}

static void test_embedded(void **state)
{
    (void)state;
    size_t n = shebao_policy_embedded_count();
    assert_true(n >= 5);
    for (size_t i = 0; i < n; i++) {
        shebao_policy *p = NULL;
        const char *id = shebao_policy_embedded_id(i);
        if (shebao_policy_load_embedded(ctx, id, &p) != SHEBAO_OK)
            fail_msg("%s: %s", id, shebao_ctx_errmsg(ctx));
        assert_string_equal(shebao_policy_id(p), id);
        assert_true(shebao_policy_param_count(p) > 20);
        /* every bundled value has a source */
        for (size_t j = 0; j < shebao_policy_param_count(p); j++) {
            shebao_param q;
            shebao_policy_param(p, j, &q);
            if (q.status == SHEBAO_STATUS_UNSOURCED)
                fail_msg("%s: %s %s has no source", id, q.path, q.from);
        }
        shebao_policy_free(p);
    }
    assert_null(shebao_policy_embedded_id(n));
    shebao_policy *p = NULL;
    assert_int_equal(shebao_policy_load_embedded(ctx, "nosuch", &p), SHEBAO_EPOLICY);
    assert_null(p);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "unknown policy 'nosuch'"));
    assert_int_equal(shebao_policy_load_embedded(ctx, "zhejiang-taizhou", &p), SHEBAO_OK);
    assert_string_equal(shebao_policy_lineage(p), "zhejiang-taizhou > zhejiang > national");
    /* 浙人社发〔2022〕71号: 190 from 2022-07 is the one provincial figure with official status
     * (docs/sources.md#zj-rsf-2022-71); Taizhou's own 280 from 2022-04 (docs/sources.md#tz-2022-280) is official too */
    shebao_param q;
    assert_non_null(find(p, "resident_pension.base_pension", "2022-04", &q));
    assert_string_equal(q.value, "280.00");
    assert_int_equal(q.status, SHEBAO_STATUS_OFFICIAL);
    shebao_policy_free(p);
    assert_int_equal(shebao_policy_load_embedded(ctx, "zhejiang", &p), SHEBAO_OK);
    assert_non_null(find(p, "resident_pension.base_pension", "2022-07", &q));
    assert_string_equal(q.value, "190.00");
    assert_int_equal(q.status, SHEBAO_STATUS_OFFICIAL);
    assert_non_null(find(p, "resident_pension.account_divisor", NULL, &q));
    assert_string_equal(q.value, "139");
    /* no Zhejiang account interest rate was found for any year: the rate is an assumption (ASSUME-ZJ-RATE-2014,
     * docs/sources.md#rate-2014-wording) */
    assert_non_null(find(p, "resident_pension.interest.assumed_future_rate", NULL, &q));
    assert_int_equal(q.status, SHEBAO_STATUS_ASSUMPTION);
    shebao_policy_free(p);
}

/* Objects merge key by key; arrays and scalars replace the parent's whole; values without a source are
 * "unsourced". */
static void test_extends_merge(void **state)
{
    (void)state;
    const char *child = "{\"schema\": \"shebao-policy/1\", \"id\": \"child\", \"name\": \"c\", \"extends\": \"zhejiang\","
                        " \"sources\": {\"MINE\": {\"title\": \"my note\", \"status\": \"inferred\"}},"
                        " \"resident_pension\": {\"base_pension\": [{\"from\": \"2024-01\", \"value\": \"300\","
                        " \"source\": \"MINE\"}], \"claim_age\": 65,"
                        " \"interest\": {\"assumed_future_rate\": \"0.02\"}}}";
    shebao_policy *p = tu_policy(child, "child.json");
    assert_string_equal(shebao_policy_lineage(p), "child > zhejiang > national");
    size_t base_rows = 0;
    for (size_t i = 0; i < shebao_policy_param_count(p); i++) {
        shebao_param q;
        shebao_policy_param(p, i, &q);
        if (strcmp(q.path, "resident_pension.base_pension") == 0) {
            base_rows++;
            assert_string_equal(q.value, "300.00");
            assert_int_equal(q.status, SHEBAO_STATUS_INFERRED);
            assert_string_equal(q.title, "my note");
        }
    }
    assert_int_equal(base_rows, 1); /* the array replaced the parent's whole series */
    shebao_param q;
    assert_non_null(find(p, "resident_pension.claim_age", NULL, &q));
    assert_string_equal(q.value, "65");
    assert_int_equal(q.status, SHEBAO_STATUS_UNSOURCED);
    /* interest merged key by key: the future rate is replaced, the method is inherited */
    assert_non_null(find(p, "resident_pension.interest.assumed_future_rate", NULL, &q));
    assert_string_equal(q.value, "0.02");
    assert_non_null(find(p, "resident_pension.interest.method", NULL, &q));
    assert_string_equal(q.value, "year_end");
    assert_non_null(find(p, "resident_pension.funeral_grant_months", NULL, &q));
    assert_string_equal(q.value, "20");
    shebao_policy_free(p);
}

/* The resolved policy as JSON loads back to exactly the same parameters. */
static void test_json_round_trip(void **state)
{
    (void)state;
    shebao_policy *a = NULL, *b = NULL;
    assert_int_equal(shebao_policy_load_embedded(ctx, "zhejiang-jinhua", &a), SHEBAO_OK);
    char *json = NULL;
    assert_int_equal(shebao_policy_to_json(a, &json), SHEBAO_OK);
    assert_null(strstr(json, "\"extends\""));
    assert_int_equal(shebao_policy_load_string(ctx, json, "round.json", &b), SHEBAO_OK);
    assert_int_equal(shebao_policy_param_count(a), shebao_policy_param_count(b));
    for (size_t i = 0; i < shebao_policy_param_count(a); i++) {
        shebao_param x, y;
        shebao_policy_param(a, i, &x);
        shebao_policy_param(b, i, &y);
        assert_string_equal(x.path, y.path);
        assert_string_equal(x.from, y.from);
        assert_string_equal(x.value, y.value);
        assert_string_equal(x.source, y.source);
        assert_int_equal(x.status, y.status);
    }
    shebao_free(json);
    shebao_policy_free(a);
    shebao_policy_free(b);
}

static void test_errors_are_one_line(void **state)
{
    (void)state;
    shebao_policy *p = NULL;
    assert_int_equal(shebao_policy_load_string(ctx, "{\"schema\": ", "x.json", &p), SHEBAO_EPOLICY);
    assert_null(p);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "x.json:1:"));
    assert_null(strchr(shebao_ctx_errmsg(ctx), '\n'));
    const char *typo = "{\"schema\": \"shebao-policy/1\", \"id\": \"t\", \"name\": \"t\", \"extends\": \"zhejiang\","
                       " \"sources\": {}, \"resident_pension\": {\"clam_age\": 60}}";
    assert_int_equal(shebao_policy_load_string(ctx, typo, "t.json", &p), SHEBAO_EPOLICY);
    assert_string_equal(shebao_ctx_errmsg(ctx), "t.json: $.resident_pension.clam_age: unknown key 'clam_age'");
    assert_int_equal(shebao_policy_load_file(ctx, "/nonexistent/p.json", &p), SHEBAO_EPOLICY);
    assert_non_null(strstr(shebao_ctx_errmsg(ctx), "/nonexistent/p.json: cannot open"));
    assert_int_equal(shebao_policy_load_string(ctx, "{}", "x", NULL), SHEBAO_EUSAGE);
    assert_string_equal(shebao_strerror(SHEBAO_EPOLICY), "policy or data error");
    assert_string_equal(shebao_strerror(12345), "unknown error");
}

/* The folder rule: a document given as a string under a name (as a server would load a user's policy) may name a
 * parent file in its folder or below, never an absolute path or one with a ".." component; both are refused before
 * anything is opened. */
static void test_extends_folder_rule(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"/etc/passwd", "/srv/user.json: $.extends: '/etc/passwd' is an absolute path; "
                        "a parent file must be in the folder of this file or below it"},
        {"../etc/x.json", "/srv/user.json: $.extends: '../etc/x.json' has a '..' component; "
                          "a parent file must be in the folder of this file or below it"},
        {"a/../../x.json", "/srv/user.json: $.extends: 'a/../../x.json' has a '..' component; "
                           "a parent file must be in the folder of this file or below it"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char doc[256];
        snprintf(doc, sizeof doc, "{\"schema\":\"shebao-policy/1\",\"id\":\"u\",\"name\":\"u\",\"extends\":\"%s\"}",
                 cases[i][0]);
        shebao_policy *p = NULL;
        assert_int_equal(shebao_policy_load_string(ctx, doc, "/srv/user.json", &p), SHEBAO_EPOLICY);
        assert_null(p);
        assert_string_equal(shebao_ctx_errmsg(ctx), cases[i][1]);
    }
}

/* A source written on an object in a child applies to the child's own values only, never to values it inherits
 * (the parent's rounding stays an assumption; the child's bare max_grade is unsourced). A null removes an inherited
 * value: a monthly parent can be switched to year_end by dropping its deposit_month. */
static void test_sources_stay_in_their_file(void **state)
{
    (void)state;
    const char *child = "{\"schema\":\"shebao-policy/1\",\"id\":\"a\",\"name\":\"a\",\"extends\":\"national\","
                        "\"sources\":{\"MY-DOC\":{\"title\":\"mine\",\"status\":\"official\"}},"
                        "\"resident_pension\":{\"interest\":{\"source\":\"MY-DOC\",\"method\":\"year_start\"},"
                        "\"backpay\":{\"max_grade\":\"3000\"}}}";
    shebao_policy *p = tu_policy(child, "a.json");
    shebao_param q;
    assert_non_null(find(p, "resident_pension.interest.method", NULL, &q));
    assert_int_equal(q.status, SHEBAO_STATUS_OFFICIAL);
    assert_string_equal(q.source, "MY-DOC");
    assert_non_null(find(p, "resident_pension.interest.rounding", NULL, &q));
    assert_int_equal(q.status, SHEBAO_STATUS_ASSUMPTION); /* national's, untouched */
    assert_string_equal(q.source, "ASSUME-RATE-METHOD");
    assert_non_null(find(p, "resident_pension.backpay.max_grade", NULL, &q));
    assert_int_equal(q.status, SHEBAO_STATUS_UNSOURCED);
    shebao_policy_free(p);

    const char *monthly = "{\"schema\":\"shebao-policy/1\",\"id\":\"m\",\"name\":\"m\",\"extends\":\"zhejiang\","
                          "\"resident_pension\":{\"interest\":{\"method\":\"monthly\",\"deposit_month\":7}}}";
    assert_int_equal(shebao_policy_load_string(ctx, monthly, "m.json", &p), SHEBAO_OK);
    char *json = NULL;
    assert_int_equal(shebao_policy_to_json(p, &json), SHEBAO_OK);
    shebao_policy_free(p);
    /* the resolved monthly policy as a parent (a file in /tmp), and a child beside it that drops deposit_month */
    char dir[] = "/tmp/shebao-test-XXXXXX", path[64], name[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/parent.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(json, f);
    fclose(f);
    shebao_free(json);
    const char *doc = "{\"schema\":\"shebao-policy/1\",\"id\":\"y\",\"name\":\"y\",\"extends\":\"parent.json\","
                      "\"resident_pension\":{\"interest\":{\"method\":\"year_end\",\"deposit_month\":null}}}";
    snprintf(name, sizeof name, "%s/y.json", dir);
    int rc = shebao_policy_load_string(ctx, doc, name, &p);
    remove(path);
    rmdir(dir);
    if (rc != SHEBAO_OK)
        fail_msg("%s", shebao_ctx_errmsg(ctx));
    assert_null(find(p, "resident_pension.interest.deposit_month", NULL, &q));
    shebao_policy_free(p);
}

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(shebao_version(), SHEBAO_VERSION_STRING);
    assert_int_equal(shebao_version_num(), SHEBAO_VERSION_NUM);
    assert_true(SHEBAO_AT_LEAST_VERSION(0, 1, 0));
    assert_false(SHEBAO_AT_LEAST_VERSION(99, 0, 0));
}

/* One immutable policy shared by 4 threads, each with its own context, gives the single-threaded results. */
typedef struct job {
    const shebao_policy *policy;
    shebao_fen totals[40];
    int rc;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    shebao_ctx *c = NULL;
    if (shebao_ctx_new(&c) != SHEBAO_OK) {
        j->rc = -1;
        return NULL;
    }
    for (int k = 0; k < 40 && j->rc == 0; k++) {
        shebao_segment seg = {2024, 2024 + 14 + k % 5, k % 2 ? 200000 : 30000};
        /* born 1985-1988: claim 2045-2049, after the last plan year 2042 */
        shebao_person pe = tu_person(1985 + k % 4, 1 + k % 12, &seg, 1);
        pe.sex = k % 2 ? SHEBAO_SEX_FEMALE : SHEBAO_SEX_MALE;
        shebao_projection *p = NULL;
        j->rc = shebao_project(c, j->policy, &pe, &p);
        if (j->rc == 0) {
            shebao_fen epv = 0;
            shebao_projection_figure(p, SHEBAO_FIG_EPV_BENEFITS, &epv);
            shebao_projection_figure(p, SHEBAO_FIG_MONTHLY_TOTAL, &j->totals[k]);
            j->totals[k] = j->totals[k] * 1000003 + epv;
        }
        shebao_projection_free(p);
    }
    shebao_ctx_free(c);
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    shebao_policy *pol = tu_embedded("zhejiang");
    job ref = {.policy = pol};
    worker(&ref);
    assert_int_equal(ref.rc, 0);
    job jobs[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){.policy = pol};
        assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(jobs[i].rc, 0);
        assert_memory_equal(jobs[i].totals, ref.totals, sizeof ref.totals);
    }
    shebao_policy_free(pol);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_embedded),       cmocka_unit_test(test_extends_merge),
        cmocka_unit_test(test_json_round_trip), cmocka_unit_test(test_errors_are_one_line),
        cmocka_unit_test(test_version),        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_sources_stay_in_their_file), cmocka_unit_test(test_extends_folder_rule),
    };
    return cmocka_run_group_tests_name("policy", tests, tu_setup, tu_teardown);
}
