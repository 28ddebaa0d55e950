/* The expected inheritable balance (docs/resident-pension.md §6): the account pays the account pension each month;
 * a death in month j leaves the rest (never below zero) to the heirs; with interest.after_claim the remaining
 * balance earns the year's rate at each December. The figure is Σ_j (p_j − p_{j+1}) · max(0, B_j) · (1+i)^(−j/12),
 * summed in MPFR and rounded to fen (lifetime.c) by the reference path; usually the same fen is decided in doubles
 * (inherit_fast, with its proof). */
#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "lifetime.h"
#include "mortality.h"

/* The year-end credit after the claim, bal += R(bal·months·r / 12) (the ledger's rule with no deposit), exactly in
 * rationals. A balance beyond int64 fen is an error: the figure it feeds cannot be stated. */
static int credit_after_claim(shebao_ctx *ctx, const sb_resident *rp, int64_t *bal, int months, sb_dec r, int year)
{
    int64_t I = 0;
    int rc = SHEBAO_ECOMPUTE;
#ifdef __SIZEOF_INT128__
    /* bal·months·r.num / (12·10^scale) fen: in 128-bit integers when the product fits (the same rounding) */
    __int128 num;
    if (r.scale >= 0 && r.scale <= 18 && !__builtin_mul_overflow((__int128)*bal * months, (__int128)r.num, &num))
        rc = sb_round_ratio(num, (__int128)12 * sb_pow10[r.scale], rp->rounding, &I);
#endif
    if (rc != SHEBAO_OK) {
        mpq_t q, b;
        mpq_init(q);
        mpq_init(b);
        sb_dec_to_q(q, r);
        sb_mpz_set_i64(mpq_numref(b), *bal);
        mpz_mul_ui(mpq_numref(b), mpq_numref(b), (unsigned long)months);
        mpz_set_ui(mpq_denref(b), 12 * 100); /* months → years, fen → yuan */
        mpq_canonicalize(b);
        mpq_mul(q, q, b);
        rc = sb_round_q(q, rp->rounding, &I);
        mpq_clear(q);
        mpq_clear(b);
    }
    if (rc != SHEBAO_OK || __builtin_add_overflow(*bal, I, bal))
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "expected inheritable balance (account balance at "
                       "the end of %d after the claim)", year);
    return SHEBAO_OK;
}

/* The balance left at the end of month m (claim + j): the month's account pension paid out of it, and in December
 * with after_claim the year's interest for the months since the claim (or the whole year; a simplification: the
 * drawdowns within the year are ignored) at the year's rate, chosen as in the ledger. */
static int balance_after(shebao_ctx *ctx, const sb_lifetime_in *in, sb_month m, int64_t *bal, bool *override_used)
{
    const sb_resident *rp = in->rp;
    *bal -= in->account; /* 0 <= account: no overflow */
    if (*bal < 0)
        *bal = 0;
    if (!rp || !rp->after_claim || SB_MONTH_MON(m) != 12 || *bal <= 0) /* no rp: no interest after the claim */
        return SHEBAO_OK;
    int y = SB_MONTH_YEAR(m);
    int months = y == SB_MONTH_YEAR(in->claim) ? 12 - (SB_MONTH_MON(in->claim) - 1) : 12;
    sb_year_rate r = sb_inforce_rate(in->rates, y);
    int rc = sb_inforce_rate_used(in->used, in->rates, &r, override_used);
    if (rc != SHEBAO_OK)
        return rc;
    return credit_after_claim(ctx, rp, bal, months, r.rate, y);
}

/* The fast path: the sum in doubles (in fen) with a bound on its distance from the reference path's MPFR sum, and
 * the rounding to fen decided when no half-fen lies within that distance; −1 when it cannot tell.
 *
 * Per month: dead = w_j − w_{j+1} from weights within a relative 2^−45 of the MPFR ones (mortality.h), so within
 * 2^−44·(w_j + w_{j+1}) of the MPFR difference with the subtraction's rounding; bal_j exact (< 2^53); v^j by
 * repeated multiplication of v = RN(the MPFR v) within (j + 1)·2^−52 of it; the two products two roundings more.
 * So a term errs by at most e_j = bal_j·v^j·(2^−44·(w_j + w_{j+1}) + |dead|·(j + 4)·2^−52), and the sum of n
 * terms ≥ 0 by n·2^−53 of the total more. The reference path's own error (n + 4 roundings of the value at
 * precision p ≥ 128 per term, each relative to the terms' bound) is below (6n + 16)·2^−p of Σ e_j's base; the
 * bound E adds both, widened by 2^−30 of itself for its own roundings. The reference sum rounds half up to the
 * same whole fen as the double x when |frac(x) − 0.5| > E (the only half-fen within reach is ⌊x⌋ + 0.5). */
static int64_t inherit_fast(const double *w, const int64_t *bal, size_t n, double v, unsigned prec)
{
    double vj = 1, sum = 0, base = 0, err = 0;
    for (size_t j = 0; j < n; j++) {
        if (bal[j] < 0 || bal[j] >= (int64_t)1 << 53)
            return -1;
        double next = j + 1 < n ? w[j + 1] : 0, dead = w[j] - next, b = (double)bal[j] * vj;
        sum += dead * (double)bal[j] * vj;
        base += (w[j] + next) * b;
        err += fabs(dead) * (double)(j + 4) * b;
        vj *= v;
    }
    double E = (base * (0x1p-44 + ldexp((double)(6 * n + 16), -(int)(prec < 1000 ? prec : 1000))) +
                err * 0x1p-52 + (double)n * 0x1p-53 * sum) * (1 + 0x1p-30);
    if (!(sum >= 0 && sum < 0x1p51 && E < 0.25))
        return -1;
    double k = floor(sum), fr = sum - k;
    if (!(fabs(fr - 0.5) > E))
        return -1;
    return (int64_t)k + (fr > 0.5);
}

int sb_lifetime_inheritable(shebao_ctx *ctx, const sb_lifetime_in *in, sb_weights *wt, mpfr_t out, int64_t *fen,
                            bool *future_override_used)
{
    *fen = -1;
    int rc = in->rp ? sb_prov_use(in->used, in->rp->p_after_claim) : SHEBAO_OK; /* it rests on it, either way */
    if (rc != SHEBAO_OK)
        return rc;
    size_t n = wt->n;
    int64_t *bal = malloc(n * sizeof *bal);
    if (!bal)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    int64_t b = in->balance;
    for (size_t j = 0; j < n && rc == SHEBAO_OK; j++) {
        rc = balance_after(ctx, in, in->claim + (sb_month)j, &b, future_override_used);
        bal[j] = b;
    }
    if (rc == SHEBAO_OK)
        *fen = inherit_fast(wt->d, bal, n, sb_mortality_discount_d(ctx, in->discount), ctx->precision);
    const mpfr_t *w = NULL;
#ifdef NDEBUG
    if (rc == SHEBAO_OK && *fen < 0)
#else
    if (rc == SHEBAO_OK)
#endif
    {
        w = sb_lifetime_weights_mpfr(ctx, in, wt);
        if (!w)
            rc = shebao_ctx_errcode(ctx);
    }
    if (w) { /* the reference path */
        mpfr_t v, vj, t, dead;
        mpfr_inits2(mpfr_get_prec(out), v, vj, t, dead, (mpfr_ptr)0);
        sb_mortality_discount(v, in->discount);
        mpfr_set_ui(vj, 1, MPFR_RNDN);
        mpfr_set_ui(out, 0, MPFR_RNDN);
        for (size_t j = 0; j < n; j++) {
            /* P(die in month j) = p_j − p_{j+1} */
            if (j + 1 < n)
                mpfr_sub(dead, w[j], w[j + 1], MPFR_RNDN);
            else
                mpfr_set(dead, w[j], MPFR_RNDN);
            mpfr_mul_si(t, dead, (long)bal[j], MPFR_RNDN);
            mpfr_div_ui(t, t, 100, MPFR_RNDN);
            mpfr_mul(t, t, vj, MPFR_RNDN);
            mpfr_add(out, out, t, MPFR_RNDN);
            mpfr_mul(vj, vj, v, MPFR_RNDN);
        }
#ifndef NDEBUG
        if (*fen >= 0) { /* the fast path's fen is the reference sum's */
            mpq_t q;
            mpq_init(q);
            mpfr_get_q(q, out);
            int64_t ref = -1;
            assert(sb_round_q(q, SHEBAO_ROUND_FEN_HALF_UP, &ref) == SHEBAO_OK && ref == *fen);
            mpq_clear(q);
        }
#endif
        mpfr_clears(v, vj, t, dead, (mpfr_ptr)0);
    }
    free(bal);
    return rc;
}
