/* The internal rate of return (docs/resident-pension.md §6): the rate x at which the survival-weighted pension,
 * discounted, equals the personal payments accumulated to the claim month. */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lifetime.h"

int sb_lifetime_pensions(shebao_ctx *ctx, const sb_lifetime_in *in, size_t n, int64_t *pay)
{
    if (!in->rp) { /* a pension fixed at the claim (the employee pension): pay_j = fixed */
        for (size_t j = 0; j < n; j++)
            pay[j] = in->fixed;
        return SHEBAO_OK;
    }
    sb_base_run r;
    if (sb_inforce_base_at(in->rp, in->growth, in->claim, &r) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "base pension in %s", "the claim month");
    for (size_t j = 0; j < n; j++) {
        sb_month m = in->claim + (sb_month)j;
        if (m == r.to && sb_inforce_base_next(in->rp, in->growth, &r) != SHEBAO_OK)
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "base pension grown by the growth rate");
        /* pay_j = the pension of month claim + j at age a + j (sb_inforce_pension, which checks the int64 range).
         * The EPV of the same payments is computed first and is in range, so the range check is a guard, not a
         * second rule. */
        sb_month_pay mp;
        if (sb_inforce_pension(in->rp, in->account, in->years, r.fen, m, (int)((in->age + (long)j) / 12), &mp) !=
            SHEBAO_OK) {
            char mt[8];
            sb_month_format(m, mt, sizeof mt);
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "monthly pension in %s", mt);
        }
        pay[j] = mp.total;
    }
    return SHEBAO_OK;
}

/* S[j] = w[j]·pay_j in yuan, at S's precision: the survival-weighted pensions of the reference path. */
static void weighted(const mpfr_t *w, const int64_t *pay, size_t n, mpfr_t *S)
{
    for (size_t j = 0; j < n; j++) {
        mpfr_mul_si(S[j], w[j], (long)pay[j], MPFR_RNDN);
        mpfr_div_ui(S[j], S[j], 100, MPFR_RNDN);
    }
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
 * superlinear) until the bracket is below 2^-45: |xb − xa| < 2^-46 and x inside it. The reference path;
 * irr_fast below gives the same digits, or says it cannot tell. */
static bool irr_mpfr(const mpfr_t *S, size_t n, const sb_flow *flows, size_t nflows, sb_month claim, mpfr_t x)
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

/* ---- the fast path: the same six decimals from doubles, with a proof, or "cannot tell" -----------------------
 *
 * In w = (1+x)^(−1/12) (so x = w^−12 − 1, falling as w rises) the NPV is
 *     f(w) = P(w) − Q(w),  P(w) = Σ_j S_j w^j,  Q(w) = Σ_t C_t w^−t / 100,
 * C_t the fen paid t ≥ 0 months before the claim. When every S_j and C_t is ≥ 0, P rises and Q falls with w, so f
 * rises: one root w*, and the NPV in x falls through one root x* = x(w*).
 *
 * What the reference path prints. It evaluates the NPV in MPFR at precision p ≥ 128 (SHEBAO_MIN_PRECISION): the
 * computed value differs from f at w(x) by at most K·(P + Q), K = (8(n + T + nflows) + 64)·2^−p (1+x, its 12th root
 * and 1/u are each rounded once: w^j carries at most 4j roundings, u^t at most 2t + 1, and each of the n + nflows
 * additions one rounding of a partial sum below P + Q). Where f ≤ −2K(P + Q) it is negative and where
 * f ≥ 2K(P + Q) positive; and if that holds at wl it holds for every w ≤ wl (P falls and Q rises as w falls), the
 * same above a wh. So all sign changes of the computed NPV lie in [x(wh), x(wl)]. The search ends with x inside
 * a bracket of width below 2^−46 whose ends have opposite signs (or on an exact zero), so x lies within 2^−46 of
 * [x(wh), x(wl)]; it prints x to 6 decimals, ties away from zero (a monotone rounding). So if both ends of
 * [x(wh) − m, x(wl) + m], m ≥ 2^−46 plus the error of computing x(w) in doubles, print the same digits, those are
 * the digits; and it finds a root at all exactly when that interval is below 10 (searching up from 0) or above
 * −0.99 (searching down).
 *
 * Signs in doubles. Horner's rule with coefficients ≥ 0 at w > 0 errs by at most γ_2n·P (Higham, Accuracy and
 * Stability of Numerical Algorithms, eq. 5.3); Q at v = RN(1/w) by at
 * most γ_(3T+2)·Q (v's error raised to the T-th power, then Horner), one more for /100; f̂ = RN(P̂ − Q̂) one more.
 * The coefficients s_j differ from S_j by at most 130·2^−52 of their value (irr_fast), adding as much of P.
 * With ε = 2^−53 and kε ≪ 1, γ_k < 2kε, so |f̂ − f| < (2n + 3T + 176)·2^−52·(P̂ + Q̂) + 2^−52·|f̂|, taken as the bound
 * (P̂ + Q̂ is within a part in 10^9 of P + Q here). The sign of f is sure, and beyond ±2K(P + Q), when |f̂| exceeds
 * that bound plus 3K(P̂ + Q̂). Anything else (a negative amount, a coefficient beyond 2^53, a value near a
 * rounding tie or an end of the search range, an overflow) goes to the reference path. */

typedef struct irr_fn {
    const double *s, *c; /* s[0..n): S_j in yuan; c[0..T]: C_t in fen */
    size_t n, T;
    double k; /* K of the reference path's evaluation, with its factor 3 */
} irr_fn;

/* f̂(w) and, when df is not NULL, an estimate of f'(w) (only to choose the next point: never part of a proof);
 * 1 or −1 when the sign of f(w) is sure (as above), else 0. */
static int irr_sign(const irr_fn *F, double w, double *fw, double *df)
{
    double P = F->s[F->n - 1], dP = 0;
    for (size_t j = F->n - 1; j-- > 0;) {
        dP = dP * w + P;
        P = P * w + F->s[j];
    }
    double v = 1 / w, Q = F->c[F->T], dQ = 0;
    for (size_t t = F->T; t-- > 0;) {
        dQ = dQ * v + Q;
        Q = Q * v + F->c[t];
    }
    Q /= 100;
    double f = P - Q;
    *fw = f;
    if (df)
        *df = dP + v * v * dQ / 100; /* d/dw of −Q(1/w) = Q'(v)·v² */
    double bound = ((double)(2 * F->n + 3 * F->T + 176) * 0x1p-52 + F->k) * (P + Q) + 0x1p-52 * fabs(f);
    if (!isfinite(P + Q) || !(fabs(f) > bound))
        return 0;
    return f > 0 ? 1 : -1;
}

/* The digits x(w) rounds to is bracketed by: x(w) = w^−12 − 1 to within 2^−48·(w^−12 + 1) (23 roundings of w^−12
 * and one of the subtraction), widened by 2^−45 (≥ 2^−46 from the search's bracket, and the rest covers the error
 * and the rounding of this widening). dir −1: the lower end, +1: the upper. */
static double irr_x(double w, int dir)
{
    double r = 1 / w, r2 = r * r, r4 = r2 * r2, r8 = r4 * r4, r12 = r8 * r4;
    return (r12 - 1) + dir * (0x1p-45 + 0x1p-48 * (r12 + 1));
}

/* x to 6 decimals, ties away from zero, from its exact binary value (as the reference path prints it). */
static void irr_digits(double x, char out[48])
{
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, x);
    sb_q_format(q, 6, out, 48);
    mpq_clear(q);
}

/* 1: found, the digits in out; 0: the reference path finds no root; −1: cannot tell. */
static int irr_solve(const irr_fn *F, char out[48])
{
    double f1, df1;
    int s1 = irr_sign(F, 1, &f1, &df1); /* x = 0 */
    if (!s1)
        return -1;
    /* the search range: up to x = 10 (w = 11^(−1/12) = 0.8189…), down to x = −0.99 (w = 100^(1/12) = 1.4677…);
     * w = 0.8 (x = 12.55…) and 1.5 (x = −0.9922…) lie beyond */
    double a = s1 > 0 ? 0.8 : 1, b = s1 > 0 ? 1 : 1.5, fe;
    int sa = s1 > 0 ? irr_sign(F, a, &fe, NULL) : s1, sb = s1 > 0 ? s1 : irr_sign(F, b, &fe, NULL);
    if (sa == 1 || sb == -1)
        return 0; /* the root lies beyond the range: not bracketed */
    if (sa != -1 || sb != 1)
        return -1;
    /* Newton from w = 1, kept inside [a, b] (f(a) < 0 < f(b), both sure; a bisection when a step leaves it), until
     * a sign is not sure: c is then within the evaluation's noise of the root */
    double c = 1, fc = f1, dfc = df1;
    for (int it = 0; it < 100; it++) {
        double nc = c - fc / dfc;
        if (!(nc > a && nc < b))
            nc = a + (b - a) / 2;
        if (!(nc > a && nc < b) || nc == c)
            break;
        c = nc;
        int sc = irr_sign(F, c, &fc, &dfc);
        if (!sc)
            break;
        if (sc < 0)
            a = c;
        else
            b = c;
    }
    /* a tight bracket around c of sure signs, inside [a, b] */
    double wl = a, wh = b, h = 0x1p-50 * c;
    for (int k = 0; k < 12 && (c - h > a || c + h < b); k++, h *= 4) {
        double fl, fh;
        if (c - h > wl && irr_sign(F, c - h, &fl, NULL) == -1)
            wl = c - h;
        if (c + h < wh && irr_sign(F, c + h, &fh, NULL) == 1)
            wh = c + h;
        if (wl > a && wh < b)
            break;
    }
    double lo = irr_x(wh, -1), hi = irr_x(wl, 1);
    /* found exactly when the sign changes lie inside the range: below 10 searching up, above −0.99 searching down;
     * none when they all lie beyond it */
    if (s1 > 0 ? lo > 10 : hi < -0.99)
        return 0;
    if (s1 > 0 ? !(hi < 10) : !(lo > -0.99))
        return -1;
    char dl[48];
    irr_digits(lo, dl);
    irr_digits(hi, out);
    return strcmp(dl, out) == 0 ? 1 : -1;
}

/* The fast path's inputs: s_j = w_j·pay_j/100 from the weights in doubles (within 2^−45 of the MPFR ones,
 * mortality.h) with two more roundings, so within 130·2^−52 of S_j: added to the bound of Horner's rule (the
 * coefficients' own error adds at most that fraction of P). −1 (cannot tell) for anything outside the premises. */
static int irr_fast(const double *w, const int64_t *pay, size_t n, const sb_flow *flows, size_t nflows,
                    sb_month claim, unsigned prec, char out[48])
{
    size_t T = 0;
    for (size_t k = 0; k < nflows; k++) {
        if (flows[k].month > claim || flows[k].fen < 0)
            return -1;
        if ((size_t)(claim - flows[k].month) > T)
            T = (size_t)(claim - flows[k].month);
    }
    if (n == 0 || T > 100000 || n > 100000)
        return -1;
    double *buf = calloc(n + T + 1, sizeof *buf);
    if (!buf)
        return -1;
    irr_fn F = {buf, buf + n, n, T, 0};
    int rc = 0;
    for (size_t j = 0; j < n && rc == 0; j++) {
        if (pay[j] < 0 || pay[j] >= (int64_t)1 << 53)
            rc = -1;
        buf[j] = w[j] * (double)pay[j] / 100;
        if (buf[j] != 0 && !(buf[j] >= 0x1p-900)) /* NaN or below the normal range */
            rc = -1;
    }
    for (size_t k = 0; k < nflows && rc == 0; k++) {
        double *ct = &buf[n + (size_t)(claim - flows[k].month)];
        *ct += (double)flows[k].fen;
        if (!(*ct < 0x1p53)) /* the sums of whole fen stay exact below 2^53 */
            rc = -1;
    }
    if (rc == 0) {
        F.k = 3 * ldexp((double)(8 * (n + T + nflows) + 64), -(int)(prec < 1000 ? prec : 1000));
        rc = irr_solve(&F, out);
    }
    free(buf);
    return rc;
}

int sb_lifetime_irr_fast(const sb_lifetime_in *in, const sb_weights *w, const int64_t *pay, unsigned prec,
                         char out[48])
{
    return irr_fast(w->d, pay, w->n, in->flows, in->nflows, in->claim, prec, out);
}

int sb_lifetime_irr_reference(shebao_ctx *ctx, const sb_lifetime_in *in, sb_weights *w, const int64_t *pay,
                              bool *found, char out[48])
{
    const mpfr_t *wm = sb_lifetime_weights_mpfr(ctx, in, w);
    size_t n = w->n;
    mpfr_t *S = wm ? malloc(n * sizeof *S) : NULL;
    if (!S)
        return wm ? sb_fail(ctx, SHEBAO_ENOMEM, "out of memory") : shebao_ctx_errcode(ctx);
    unsigned prec = ctx->precision;
    for (size_t j = 0; j < n; j++)
        mpfr_init2(S[j], prec);
    weighted(wm, pay, n, S);
    mpfr_t x;
    mpfr_init2(x, prec);
    *found = irr_mpfr((const mpfr_t *)S, n, in->flows, in->nflows, in->claim, x);
    out[0] = '\0';
    if (*found) {
        mpq_t q;
        mpq_init(q);
        mpfr_get_q(q, x);
        sb_q_format(q, 6, out, 48);
        mpq_clear(q);
    }
    mpfr_clear(x);
    for (size_t j = 0; j < n; j++)
        mpfr_clear(S[j]);
    free(S);
    return SHEBAO_OK;
}

int sb_lifetime_irr(shebao_ctx *ctx, const sb_lifetime_in *in, sb_weights *w, const int64_t *pay, bool *found,
                    char out[48])
{
    int fast = sb_lifetime_irr_fast(in, w, pay, ctx->precision, out);
    if (fast >= 0) {
        *found = fast == 1;
#ifdef NDEBUG
        return SHEBAO_OK;
#endif
    }
    char ref[48];
    bool ref_found = false;
    int rc = sb_lifetime_irr_reference(ctx, in, w, pay, &ref_found, ref);
    if (rc != SHEBAO_OK)
        return rc;
    assert(fast < 0 || (fast == 1) == ref_found);                 /* builds without NDEBUG check the fast path */
    assert(fast != 1 || strcmp(out, ref) == 0);
    *found = ref_found;
    memcpy(out, ref, sizeof ref);
    return SHEBAO_OK;
}
