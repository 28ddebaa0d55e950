/* The expected inheritable balance (docs/resident-pension.md §6): the account pays the account pension each month;
 * a death in month j leaves the rest (never below zero) to the heirs; with interest.after_claim the remaining
 * balance earns the year's rate at each December. The figure is Σ_j (p_j − p_{j+1}) · max(0, B_j) · (1+i)^(−j/12). */
#include "lifetime.h"
#include "mortality.h"

/* The year-end credit after the claim, bal += R(bal·months·r / 12) (the ledger's rule with no deposit), exactly in
 * rationals. A balance beyond int64 fen is an error: the figure it feeds cannot be stated. */
static int credit_after_claim(shebao_ctx *ctx, const sb_resident *rp, int64_t *bal, int months, sb_dec r, int year)
{
    mpq_t q, b;
    mpq_init(q);
    mpq_init(b);
    sb_dec_to_q(q, r);
    sb_mpz_set_i64(mpq_numref(b), *bal);
    mpz_mul_ui(mpq_numref(b), mpq_numref(b), (unsigned long)months);
    mpz_set_ui(mpq_denref(b), 12 * 100); /* months → years, fen → yuan */
    mpq_canonicalize(b);
    mpq_mul(q, q, b);
    int64_t I = 0;
    int rc = sb_round_q(q, rp->rounding, &I);
    mpq_clear(q);
    mpq_clear(b);
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

int sb_lifetime_inheritable(shebao_ctx *ctx, const sb_lifetime_in *in, const mpfr_t *w, size_t n, mpfr_t out,
                            bool *future_override_used)
{
    int rc = in->rp ? sb_prov_use(in->used, in->rp->p_after_claim) : SHEBAO_OK; /* it rests on it, either way */
    if (rc != SHEBAO_OK)
        return rc;
    mpfr_t v, vj, t, dead;
    mpfr_inits2(mpfr_get_prec(out), v, vj, t, dead, (mpfr_ptr)0);
    sb_mortality_discount(v, in->discount);
    mpfr_set_ui(vj, 1, MPFR_RNDN);
    mpfr_set_ui(out, 0, MPFR_RNDN);
    int64_t bal = in->balance;
    for (size_t j = 0; j < n; j++) {
        rc = balance_after(ctx, in, in->claim + (sb_month)j, &bal, future_override_used);
        if (rc != SHEBAO_OK)
            break;
        /* P(die in month j) = p_j − p_{j+1} */
        if (j + 1 < n)
            mpfr_sub(dead, w[j], w[j + 1], MPFR_RNDN);
        else
            mpfr_set(dead, w[j], MPFR_RNDN);
        mpfr_mul_si(t, dead, (long)bal, MPFR_RNDN);
        mpfr_div_ui(t, t, 100, MPFR_RNDN);
        mpfr_mul(t, t, vj, MPFR_RNDN);
        mpfr_add(out, out, t, MPFR_RNDN);
        mpfr_mul(vj, vj, v, MPFR_RNDN);
    }
    mpfr_clears(v, vj, t, dead, (mpfr_ptr)0);
    return rc;
}
