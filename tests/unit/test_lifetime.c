/* The IRR's fast path (lib/lifetime_irr.c): its digits are those of the reference MPFR search, or it says it cannot
 * tell. Hand-made cases with one pension month and one payment, where NPV(x) = S − c·(1 + x) and so x = S/c − 1
 * exactly, and random ones checked against the reference path. */
#include <stdlib.h>

#include "testutil.h"

#include "lifetime.h" /* sb_lifetime_irr_fast, sb_lifetime_irr_reference: the two paths, tested directly */

/* Both paths on pensions pay[0..n) (fen) weighted by w[0..n) and the payments flows; returns the fast path's answer
 * and requires it to agree with the reference whenever it gives one. */
static int both(const double *w, const int64_t *pay, size_t n, const sb_flow *flows, size_t nflows, sb_month claim,
                bool *found, char ref[48])
{
    sb_weights wt = {n, (double *)w, malloc(n * sizeof(mpfr_t))};
    assert_non_null(wt.m);
    for (size_t j = 0; j < n; j++) {
        mpfr_init2(wt.m[j], 128);
        mpfr_set_d(wt.m[j], w[j], MPFR_RNDN); /* the MPFR weights: the same values */
    }
    sb_lifetime_in in = {0};
    in.claim = claim;
    in.flows = flows;
    in.nflows = nflows;
    char fast[48] = "";
    int f = sb_lifetime_irr_fast(&in, &wt, pay, 128, fast);
    assert_int_equal(sb_lifetime_irr_reference(ctx, &in, &wt, pay, found, ref), SHEBAO_OK);
    if (f >= 0 && (f == 1) != *found)
        fail_msg("fast path: found %d, reference %d (%s)", f, *found, ref);
    if (f == 1 && strcmp(fast, ref) != 0)
        fail_msg("fast path %s, reference %s", fast, ref);
    for (size_t j = 0; j < n; j++)
        mpfr_clear(wt.m[j]);
    free(wt.m);
    return f;
}

/* One month of pension pay (fen) against one payment c (fen) a year before the claim: x = pay/c − 1. */
static int one(int64_t pay, int64_t c, bool *found, char ref[48])
{
    static const double w1[] = {1};
    sb_flow fl = {24000 - 12, c};
    return both(w1, &pay, 1, &fl, 1, 24000, found, ref);
}

static void test_hand_cases(void **state)
{
    (void)state;
    bool found;
    char ref[48];
    assert_int_equal(one(11000, 10000, &found, ref), 1); /* 110 = 100·(1 + x): x = 0.1 */
    assert_string_equal(ref, "0.100000");
    assert_int_equal(one(9000, 10000, &found, ref), 1); /* 90 = 100·(1 + x): x = −0.1, searched downwards */
    assert_string_equal(ref, "-0.100000");
    assert_int_equal(one(12000, 8000, &found, ref), 1); /* 120 = 80·(1 + x): x = 0.5, the first step's end */
    assert_string_equal(ref, "0.500000");
    assert_int_equal(one(1200000, 100000, &found, ref), 0); /* x = 11, beyond the search's 10: none */
    assert_false(found);
    assert_int_equal(one(50, 10000, &found, ref), 0); /* x = −0.995, beyond the search's −0.99: none */
    assert_false(found);
    /* x = 0 exactly: NPV(0) = 0, a sign the fast path cannot be sure of; the reference stops at 0 */
    assert_int_equal(one(10000, 10000, &found, ref), -1);
    assert_true(found);
    assert_string_equal(ref, "0.000000");
    /* x = 0.1000005 exactly, a tie of the 6 decimals: the reference's last bracket decides, not the fast path */
    assert_int_equal(one(11000005, 10000000, &found, ref), -1);
    assert_true(found);
}

/* A small reproducible generator: the next of 65,536 values. */
static unsigned rnd(unsigned *x)
{
    *x = *x * 1103515245u + 12345u;
    return (*x >> 8) & 0xFFFFu;
}

/* Random people: survival falling by up to 2 % a month, a pension from 1 to 5,000 yuan, 1–40 yearly payments of
 * 100–7,000 yuan; IRRs from below −0.99 to above 10. The fast path decides nearly all, and agrees every time. */
static void test_random_against_reference(void **state)
{
    (void)state;
    unsigned x = 12345;
    int decided = 0, cases = 300, irrs = 0, negative = 0;
    for (int k = 0; k < cases; k++) {
        size_t n = 1 + rnd(&x) % 600, nflows = 1 + rnd(&x) % 40;
        double *w = malloc(n * sizeof *w);
        int64_t *pay = malloc(n * sizeof *pay);
        sb_flow *fl = malloc(nflows * sizeof *fl);
        assert_true(w && pay && fl);
        int64_t p = 100 + (int64_t)(rnd(&x) % 5000) * 100 + rnd(&x) % 100;
        w[0] = 1;
        for (size_t j = 0; j < n; j++) {
            if (j)
                w[j] = w[j - 1] * (1 - (double)(rnd(&x) % 2000) / 100000);
            pay[j] = p + (j > 120 ? 1000 : 0);
        }
        for (size_t i = 0; i < nflows; i++)
            fl[i] = (sb_flow){24000 - 12 * (sb_month)(i + 1) - (sb_month)(rnd(&x) % 12),
                              10000 + (int64_t)(rnd(&x) % 6900) * 100};
        bool found;
        char ref[48];
        int f = both(w, pay, n, fl, nflows, 24000, &found, ref);
        decided += f >= 0;
        irrs += found;
        negative += found && ref[0] == '-';
        free(w);
        free(pay);
        free(fl);
    }
    print_message("irr: %d of %d decided by the fast path; %d IRRs, %d negative\n", decided, cases, irrs, negative);
    assert_true(decided >= cases * 95 / 100);
    assert_true(irrs > 50 && negative > 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_cases),
        cmocka_unit_test(test_random_against_reference),
    };
    return cmocka_run_group_tests_name("lifetime", tests, tu_setup, tu_teardown);
}
