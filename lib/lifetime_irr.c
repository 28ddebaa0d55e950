/* The internal rate of return (docs/resident-pension.md §6): the rate x at which the survival-weighted pension,
 * discounted, equals the personal payments accumulated to the claim month. */
#include "lifetime.h"

int sb_lifetime_pensions(shebao_ctx *ctx, const sb_lifetime_in *in, const mpfr_t *w, size_t n, mpfr_t *S)
{
    if (!in->rp) { /* a pension fixed at the claim (the employee pension): pay_j = fixed */
        for (size_t j = 0; j < n; j++) {
            mpfr_mul_si(S[j], w[j], (long)in->fixed, MPFR_RNDN);
            mpfr_div_ui(S[j], S[j], 100, MPFR_RNDN);
        }
        return SHEBAO_OK;
    }
    sb_base_run r;
    if (sb_inforce_base_at(in->rp, in->growth, in->claim, &r) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "base pension in %s", "the claim month");
    for (size_t j = 0; j < n; j++) {
        sb_month m = in->claim + (sb_month)j;
        if (m == r.to && sb_inforce_base_next(in->rp, in->growth, &r) != SHEBAO_OK)
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "base pension grown by the growth rate");
        /* pay_j = years + account + the base pension and supplements in force in month claim + j at age a + j.
         * The supplements add up to at most 151 × 10^14 fen (sb_inforce_supplements), but the base pension may be
         * near the int64 limit (a large growth): checked. The EPV of the same payments is computed first and is in
         * range, so this is a guard, not a second rule. */
        int64_t pay;
        if (__builtin_add_overflow(in->fixed, r.fen, &pay) ||
            __builtin_add_overflow(pay, sb_inforce_supplements(in->rp, m, (int)((in->age + (long)j) / 12), NULL),
                                   &pay)) {
            char mt[8];
            sb_month_format(m, mt, sizeof mt);
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "monthly pension in %s", mt);
        }
        mpfr_mul_si(S[j], w[j], (long)pay, MPFR_RNDN);
        mpfr_div_ui(S[j], S[j], 100, MPFR_RNDN);
    }
    return SHEBAO_OK;
}

/* NPV(x) = Σ_j S_j (1+x)^(−j/12) − Σ_k c_k (1+x)^(t_k/12), S_j survival-weighted pension in yuan. */
static void npv(mpfr_t out, const mpfr_t x, const mpfr_t *S, size_t n, const sb_flow *flows, size_t nflows,
                sb_month claim)
{
    mpfr_t u, w, wj, t;
    mpfr_inits2(mpfr_get_prec(out), u, w, wj, t, (mpfr_ptr)0);
    mpfr_add_ui(u, x, 1, MPFR_RNDN);
    mpfr_rootn_ui(u, u, 12, MPFR_RNDN); /* (1+x)^(1/12) */
    mpfr_ui_div(w, 1, u, MPFR_RNDN);
    mpfr_set_ui(wj, 1, MPFR_RNDN);
    mpfr_set_ui(out, 0, MPFR_RNDN);
    for (size_t j = 0; j < n; j++) {
        mpfr_mul(t, S[j], wj, MPFR_RNDN);
        mpfr_add(out, out, t, MPFR_RNDN);
        mpfr_mul(wj, wj, w, MPFR_RNDN);
    }
    for (size_t k = 0; k < nflows; k++) {
        mpfr_pow_si(t, u, (long)(claim - flows[k].month), MPFR_RNDN);
        mpfr_mul_si(t, t, (long)flows[k].fen, MPFR_RNDN);
        mpfr_div_ui(t, t, 100, MPFR_RNDN);
        mpfr_sub(out, out, t, MPFR_RNDN);
    }
    mpfr_clears(u, w, wj, t, (mpfr_ptr)0);
}

/* The root of NPV(x), which falls as x rises (the pension comes after the payments). Bracket it from x = 0
 * outwards (to 0.5 then 10, or to −0.5 then −0.99), then regula falsi with the Illinois step (always bracketed,
 * superlinear) until the bracket is below 2^-45. */
bool sb_lifetime_irr(const mpfr_t *S, size_t n, const sb_flow *flows, size_t nflows, sb_month claim, mpfr_t x)
{
    mpfr_t xa, xb, fxa, fxb, fxc, d;
    mpfr_inits2(mpfr_get_prec(x), xa, xb, fxa, fxb, fxc, d, (mpfr_ptr)0);
    static const double up[] = {0.5, 10}, down[] = {-0.5, -0.99};
    mpfr_set_ui(xa, 0, MPFR_RNDN);
    npv(fxa, xa, S, n, flows, nflows, claim);
    const double *steps = mpfr_sgn(fxa) > 0 ? up : down;
    bool bracketed = mpfr_sgn(fxa) == 0;
    for (int k = 0; k < 2 && !bracketed; k++) {
        mpfr_set_d(xb, steps[k], MPFR_RNDN);
        npv(fxb, xb, S, n, flows, nflows, claim);
        bracketed = mpfr_sgn(fxb) != mpfr_sgn(fxa);
        if (!bracketed) {
            mpfr_set(xa, xb, MPFR_RNDN);
            mpfr_set(fxa, fxb, MPFR_RNDN);
        }
    }
    bool found = mpfr_sgn(fxa) == 0 || bracketed;
    if (mpfr_sgn(fxa) == 0) {
        mpfr_set(x, xa, MPFR_RNDN);
    } else if (bracketed) {
        int side = 0;
        for (int it = 0; it < 200; it++) {
            /* x = xb − fxb·(xb − xa)/(fxb − fxa) */
            mpfr_sub(d, xb, xa, MPFR_RNDN);
            mpfr_mul(d, d, fxb, MPFR_RNDN);
            mpfr_sub(x, fxb, fxa, MPFR_RNDN);
            mpfr_div(d, d, x, MPFR_RNDN);
            mpfr_sub(x, xb, d, MPFR_RNDN);
            npv(fxc, x, S, n, flows, nflows, claim);
            mpfr_sub(d, xb, xa, MPFR_RNDN);
            if (mpfr_zero_p(fxc) || mpfr_cmpabs_ui(d, 0) == 0 ||
                mpfr_get_exp(d) < -45) /* |xb − xa| < 2^-45 ≈ 3e-14: far below the 6 decimals shown */
                break;
            if (mpfr_sgn(fxc) == mpfr_sgn(fxb)) {
                if (side == -1)
                    mpfr_div_2ui(fxa, fxa, 1, MPFR_RNDN); /* Illinois: halve the stale end */
                side = -1;
            } else {
                mpfr_set(xa, xb, MPFR_RNDN);
                mpfr_set(fxa, fxb, MPFR_RNDN);
                if (side == 1)
                    mpfr_div_2ui(fxa, fxa, 1, MPFR_RNDN);
                side = 1;
            }
            mpfr_set(xb, x, MPFR_RNDN);
            mpfr_set(fxb, fxc, MPFR_RNDN);
        }
    }
    mpfr_clears(xa, xb, fxa, fxb, fxc, d, (mpfr_ptr)0);
    return found;
}
