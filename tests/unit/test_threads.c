/* Thread safety: 8 threads × 10,000 projections against ONE shared policy must give exactly the single-threaded
 * results, byte for byte. `make sanitize` also runs this test under ThreadSanitizer (build/tsan).
 *
 * No figure here is an expectation of its own: the reference is the same library on one thread, and the test
 * fails on any difference (a data race, a cache shared by mistake, a context used across threads). Each result is
 * captured as a signature string holding every getter of the projection (figures with their codes, break-even,
 * money's worth, IRR, the whole ledger, the non-official values it rests on), the batch summary
 * (shebao_project_summary) and, for a refused person, the code and the one-line message. */
#include <pthread.h>
#include <stdlib.h>

#define TU_OWN_CTX /* no shared context: one per thread, and one for the reference */
#include "testutil.h"

#define PEOPLE 10000
#define THREADS 8
#define SIG_SIZE 1024

static shebao_policy *policy;
static char (*reference)[SIG_SIZE];

/* The i-th person of a reproducible population: births 1966-2005, both sexes, one- and two-segment plans over the
 * 2023→2024 grade-table change, back payments, collective subsidies, a few unknown grades (refused) and short
 * plans (not eligible). One person in 50 gets the life table (EPV, IRR, inheritance: the MPFR path); the rest run
 * without one so that the test stays quick under ThreadSanitizer. */
typedef struct person_buf {
    shebao_person pe;
    shebao_segment seg[2];
} person_buf;

static void make_person(int i, person_buf *b)
{
    static const shebao_fen early[] = {30000, 50000, 100000, 200000};
    static const shebao_fen late[] = {30000, 50000, 100000, 200000, 300000, 500000, 700000};
    unsigned h = (unsigned)i * 2654435761u;
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = 1966 + (int)(h % 40);
    pe.birth_month = 1 + (int)((h >> 8) % 12);
    pe.sex = (h >> 12) & 1 ? SHEBAO_SEX_FEMALE : SHEBAO_SEX_MALE;
    pe.mortality = i % 50 == 0 ? SHEBAO_MORTALITY_CL2010_2013_PENSION : SHEBAO_MORTALITY_NONE;
    int claim_year = pe.birth_year + 60; /* the last payable year (the claim year may be the next one) */
    int start = 2024 + (int)((h >> 14) % 3), years = 1 + (int)((h >> 16) % 30);
    int last = start + years - 1 > claim_year ? claim_year : start + years - 1;
    if (last < start)
        last = start;
    switch ((h >> 20) % 4) {
    case 0:
    case 1:
        b->seg[0] = (shebao_segment){start, last, late[(h >> 22) % 7]};
        pe.plan_count = 1;
        break;
    case 2: {
        int first = pe.birth_year + 16 > 2015 ? pe.birth_year + 16 : 2015;
        if (first > 2023)
            first = 2023;
        b->seg[0] = (shebao_segment){first, 2023, early[(h >> 22) % 4]};
        b->seg[1] = (shebao_segment){2024, last < 2024 ? 2024 : last, late[(h >> 24) % 7]};
        pe.plan_count = 2;
        break;
    }
    default:
        b->seg[0] = (shebao_segment){start, start + 4 > last ? last : start + 4, 30000};
        pe.plan_count = 1;
        pe.backpay_years = 1 + (int)((h >> 22) % 8);
        pe.backpay_grade = 100000;
        break;
    }
    if ((h >> 26) % 5 == 0)
        pe.collective = 5000 * (1 + (shebao_fen)((h >> 28) % 6));
    if (i % 97 == 0)
        b->seg[0].grade = 40000; /* 400.00 is in no Zhejiang table: refused, the same message on every thread */
    pe.plan = b->seg;
    b->pe = pe;
}

static unsigned long long fnv1a(const char *s)
{
    unsigned long long x = 1469598103934665603ULL;
    for (; *s; s++)
        x = (x ^ (unsigned char)*s) * 1099511628211ULL;
    return x;
}

/* Append printf-style text to the signature. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void add(char *sig, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(sig + *len, SIG_SIZE - *len, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len += (size_t)n < SIG_SIZE - *len ? (size_t)n : SIG_SIZE - *len - 1;
}

static void signature(shebao_ctx *ctx, int i, char sig[SIG_SIZE])
{
    person_buf b;
    make_person(i, &b);
    size_t len = 0;
    sig[0] = '\0';
    shebao_projection *p = NULL;
    int rc = shebao_project(ctx, policy, &b.pe, &p);
    if (rc != SHEBAO_OK) {
        add(sig, &len, "E%d %s", rc, shebao_ctx_errmsg(ctx));
    } else {
        add(sig, &len, "%d %d %d %s %d|", shebao_projection_eligible(p), shebao_projection_years_paid(p),
            shebao_projection_years_missing(p), shebao_projection_claim_month(p),
            shebao_projection_base_carried_forward(p));
        for (int f = SHEBAO_FIG_BALANCE; f <= SHEBAO_FIG_INHERITABLE; f++) {
            shebao_fen v = 0;
            int frc = shebao_projection_figure(p, (shebao_figure)f, &v);
            add(sig, &len, "%d:%lld ", frc, (long long)v);
        }
        int months = 0;
        char month[8] = "";
        add(sig, &len, "|%d %d %s|", shebao_projection_breakeven(p, &months, month, sizeof month), months, month);
        const char *mw = shebao_projection_moneys_worth(p), *irr = shebao_projection_irr(p);
        add(sig, &len, "%s %s|", mw ? mw : "-", irr ? irr : "-");
        unsigned long long ledger = 1469598103934665603ULL;
        for (size_t k = 0; k < shebao_projection_ledger_count(p); k++) {
            shebao_ledger_row r;
            shebao_projection_ledger_row(p, k, &r);
            char row[200];
            snprintf(row, sizeof row, "%d %lld %lld %lld %lld %lld %lld %lld %s", r.year, (long long)r.grade,
                     (long long)r.personal, (long long)r.subsidy, (long long)r.collective, (long long)r.interest,
                     (long long)r.backpay, (long long)r.balance, r.rate);
            ledger = (ledger ^ fnv1a(row)) * 1099511628211ULL;
        }
        unsigned long long assumptions = 1469598103934665603ULL;
        for (size_t k = 0; k < shebao_projection_assumption_count(p); k++) {
            shebao_param q;
            shebao_projection_assumption(p, k, &q);
            char row[300];
            snprintf(row, sizeof row, "%s@%s=%s %s %d", q.path, q.from, q.value, q.source, (int)q.status);
            assumptions = (assumptions ^ fnv1a(row)) * 1099511628211ULL;
        }
        add(sig, &len, "%zu %llx %zu %llx|", shebao_projection_ledger_count(p), ledger,
            shebao_projection_assumption_count(p), assumptions);
    }
    shebao_projection_free(p);
    shebao_summary s = SHEBAO_SUMMARY_INIT;
    rc = shebao_project_summary(ctx, policy, &b.pe, &s);
    if (rc != SHEBAO_OK)
        add(sig, &len, "S E%d %s", rc, shebao_ctx_errmsg(ctx));
    else
        add(sig, &len, "S %d %d %d %s %lld %lld %lld %lld %lld %lld %lld %d %d %s %d %lld", s.eligible, s.years_paid,
            s.years_missing, s.claim_month, (long long)s.balance, (long long)s.account_pension,
            (long long)s.base_pension, (long long)s.years_pension, (long long)s.age_supplement,
            (long long)s.monthly_total, (long long)s.personal_total, s.has_breakeven, s.breakeven_months,
            s.breakeven_month, s.has_epv, (long long)s.epv_benefits);
}

typedef struct job {
    int mismatches;
    int first_bad;
    char got[SIG_SIZE];
    int setup_failed;
} job;

static void *run_thread(void *arg)
{
    job *j = arg;
    shebao_ctx *ctx = NULL; /* one context per thread, made and freed in the thread */
    if (shebao_ctx_new(&ctx) != SHEBAO_OK) {
        j->setup_failed = 1;
        return NULL;
    }
    j->first_bad = -1;
    char sig[SIG_SIZE];
    for (int i = 0; i < PEOPLE; i++) {
        signature(ctx, i, sig);
        if (strcmp(sig, reference[i]) != 0) {
            if (j->mismatches++ == 0) {
                j->first_bad = i;
                memcpy(j->got, sig, SIG_SIZE);
            }
        }
    }
    shebao_ctx_free(ctx);
    return NULL;
}

static void threads_match_single_thread(void **state)
{
    (void)state;
    shebao_ctx *ctx = NULL;
    assert_int_equal(shebao_ctx_new(&ctx), SHEBAO_OK);
    assert_int_equal(shebao_policy_load_embedded(ctx, "zhejiang", &policy), SHEBAO_OK);
    reference = calloc(PEOPLE, sizeof *reference);
    assert_non_null(reference);
    int ok = 0, errors = 0, with_epv = 0;
    for (int i = 0; i < PEOPLE; i++) {
        signature(ctx, i, reference[i]);
        errors += reference[i][0] == 'E';
        ok += reference[i][0] == '1';
        with_epv += i % 50 == 0 && reference[i][0] == '1';
    }
    shebao_ctx_free(ctx);
    /* the population must exercise eligible, not eligible and refused persons, or the test proves little */
    print_message("reference: %d eligible, %d refused, %d not eligible\n", ok, errors, PEOPLE - ok - errors);
    assert_true(ok > PEOPLE / 10);
    assert_true(errors > 0 && errors < PEOPLE / 2);
    assert_true(PEOPLE - ok - errors > PEOPLE / 10);
    assert_true(with_epv > 10);

    pthread_t tid[THREADS];
    job *jobs = calloc(THREADS, sizeof *jobs);
    assert_non_null(jobs);
    for (int t = 0; t < THREADS; t++)
        assert_int_equal(pthread_create(&tid[t], NULL, run_thread, &jobs[t]), 0);
    for (int t = 0; t < THREADS; t++)
        assert_int_equal(pthread_join(tid[t], NULL), 0);
    for (int t = 0; t < THREADS; t++) {
        assert_int_equal(jobs[t].setup_failed, 0);
        if (jobs[t].mismatches)
            fail_msg("thread %d: %d of %d results differ from the single-threaded ones; first, person %d:\n"
                     "  thread: %s\n  single: %s",
                     t, jobs[t].mismatches, PEOPLE, jobs[t].first_bad, jobs[t].got, reference[jobs[t].first_bad]);
    }
    free(jobs);
    free(reference);
    shebao_policy_free(policy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threads_match_single_thread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
