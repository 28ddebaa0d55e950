/* Lifetime figures of a projection: expected present value of the pension (survival-weighted, discounted),
 * present value of the personal payments, money's worth ratio, internal rate of return, expected inheritable
 * balance. These are the transcendental steps: computed in MPFR at the context's precision, converted exactly to
 * a rational, and rounded once (fen_half_up). */
#include <math.h>
#include <stdlib.h>

#include "mortality.h"
#include "projection.h"

/* MPFR value to fen, fen_half_up, through an exact rational. */
static int mpfr_to_fen(const mpfr_t x, int64_t *out)
{
    if (!mpfr_number_p(x))
        return SHEBAO_ECOMPUTE;
    mpq_t q;
    mpq_init(q);
    mpfr_get_q(q, x);
    int rc = sb_round_q(q, SHEBAO_ROUND_FEN_HALF_UP, out);
    mpq_clear(q);
    return rc;
}

static void mpfr_format(const mpfr_t x, int decimals, char *buf, size_t size)
{
    mpq_t q;
    mpq_init(q);
    mpfr_get_q(q, x);
    sb_q_format(q, decimals, buf, size);
    mpq_clear(q);
}

int sb_mpfr_round_fen(const mpfr_t fen, mpfr_t tmp, int64_t *out)
{
    /* Without exact work in the common case: d = fen rounded to a double is within 2^-53·|fen| <= 2^-52·|d| of it.
     * When d is farther than that from the nearest half-integer, fen lies on the same side of every half-integer
     * as d, so both round to the same integer; and below 2^51, d's integer and fractional parts are exact. Near a
     * half-integer (a tie, or nearly one), for large or non-finite values: the exact rounding below. */
    double d = mpfr_get_d(fen, MPFR_RNDN), a = fabs(d);
    if (a < 0x1p51) {
        double whole = floor(a), frac = a - whole;
        if (fabs(frac - 0.5) > a * 0x1p-52) {
            int64_t k = (int64_t)whole + (frac > 0.5);
            *out = d < 0 ? -k : k;
            return SHEBAO_OK;
        }
    }
    if (!mpfr_number_p(fen))
        return SHEBAO_ECOMPUTE;
    mpfr_round(tmp, fen); /* nearest integer, ties away from zero: exact at tmp's precision (that of fen) */
    if (mpfr_zero_p(tmp)) {
        *out = 0;
        return SHEBAO_OK;
    }
    if (mpfr_get_exp(tmp) <= 53) { /* |tmp| < 2^53: an integer a double holds exactly (every real amount) */
        *out = (int64_t)mpfr_get_d(tmp, MPFR_RNDN);
        return SHEBAO_OK;
    }
    if (!mpfr_fits_intmax_p(tmp, MPFR_RNDN))
        return SHEBAO_ECOMPUTE;
    *out = (int64_t)mpfr_get_sj(tmp, MPFR_RNDN);
    return SHEBAO_OK;
}

/* EPV in fen of pay_j = fixed + the supplements of rp in force in month claim + j at age a + j (rp may be NULL):
 * fixed·T[0] + Σ_s value_s·(T[j0_s] − T[j1_s]), T the cached annuity tails, [j0_s, j1_s) the months supplement s
 * is paid. Exactly the per-month sum, evaluated once per (sex, age, rate) and reused. */
int sb_epv_fen(shebao_ctx *ctx, int sex, long a, sb_month claim, int64_t fixed, const sb_resident *rp,
               sb_dec discount, int64_t *out)
{
    sb_annuity *c = sb_mortality_tail(ctx, sex, a, discount);
    if (!c)
        return shebao_ctx_errcode(ctx);
    mpfr_t *scratch = sb_mortality_scratch(ctx); /* the context's scratch values, made once */
    if (!scratch)
        return shebao_ctx_errcode(ctx);
    const mpfr_t *T = (const mpfr_t *)c->tail;
    size_t n = c->n;
    mpfr_ptr sum = scratch[0];
    mpfr_mul_si(sum, T[0], (long)fixed, MPFR_RNDN);
    for (size_t i = 0; rp && i < rp->nsupp; i++) {
        long j0, j1;
        if (!sb_inforce_supplement_months(rp, i, claim, a, (long)n, &j0, &j1))
            continue;
        mpfr_srcptr t = sb_mortality_term(ctx, c, j0, j1, rp->supp[i].fen); /* (T[j0] − T[j1])·fen */
        if (!t)
            return shebao_ctx_errcode(ctx);
        mpfr_add(sum, sum, t, MPFR_RNDN);
    }
    int rc = sb_mpfr_round_fen(sum, scratch[1], out);
    if (rc != SHEBAO_OK)
        return sb_fail(ctx, rc, SB_OUT_OF_RANGE "EPV of benefits");
    return SHEBAO_OK;
}

int shebao_annuity_epv(shebao_ctx *ctx, shebao_mortality mortality, shebao_sex sex, int age_months,
                       shebao_fen monthly, const char *discount, shebao_fen *out)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    if (mortality != SHEBAO_MORTALITY_CL2010_2013_PENSION)
        return sb_fail(ctx, SHEBAO_EINPUT, "mortality: an expected value needs a life table");
    sb_dec i;
    if (!discount || sb_dec_parse(discount, &i, NULL) != SHEBAO_OK || i.num < 0 || sb_dec_cmp(i, (sb_dec){1, 0}) >= 0)
        return sb_fail(ctx, SHEBAO_EINPUT, "discount rate '%.40s': must be a decimal rate in [0, 1)",
                       discount ? discount : "(null)");
    if (sex != SHEBAO_SEX_MALE && sex != SHEBAO_SEX_FEMALE)
        return sb_fail(ctx, SHEBAO_EINPUT, "sex: must be male or female");
    int rc = sb_epv_fen(ctx, (int)sex, age_months, 0, monthly, NULL, i, out);
    if (rc != SHEBAO_OK)
        return rc;
    return sb_ok(ctx);
}

/* NPV(x) = Σ_j S_j (1+x)^(−j/12) − Σ_k c_k (1+x)^(t_k/12), S_j survival-weighted pension in yuan. */
static void npv(mpfr_t out, const mpfr_t x, const mpfr_t *S, size_t n, const shebao_projection *p, unsigned prec)
{
    mpfr_t u, w, wj, t;
    mpfr_inits2(prec, u, w, wj, t, (mpfr_ptr)0);
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
    for (size_t k = 0; k < p->nflows; k++) {
        mpfr_pow_si(t, u, (long)(p->claim - p->flows[k].month), MPFR_RNDN);
        mpfr_mul_si(t, t, (long)p->flows[k].fen, MPFR_RNDN);
        mpfr_div_ui(t, t, 100, MPFR_RNDN);
        mpfr_sub(out, out, t, MPFR_RNDN);
    }
    mpfr_clears(u, w, wj, t, (mpfr_ptr)0);
}

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

int sb_lifetime(shebao_ctx *ctx, const shebao_policy *P, shebao_projection *p, sb_dec discount, const sb_rates *rs)
{
    const sb_resident *rp = &P->rp;
    long a = (long)(p->claim - p->birth);
    /* fixed <= p->total, which fits in int64: its four parts are >= 0 */
    int64_t fixed = p->base + p->account + p->years_pension;
    /* the EPV first, so that when it is out of range the error is the one shebao_project_summary (a batch row)
     * gives for the same person */
    int rc = sb_epv_fen(ctx, (int)p->sex, a, p->claim, fixed, rp, discount, &p->epv);
    if (rc != SHEBAO_OK)
        return rc;
    mpfr_t *w;
    size_t n = sb_mortality_weights(ctx, (int)p->sex, a, &w);
    if (!n)
        return shebao_ctx_errcode(ctx);
    unsigned prec = ctx->precision;
    mpfr_t *S = malloc(n * sizeof *S);
    if (!S) {
        sb_mortality_weights_free(w, n);
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    }
    for (size_t j = 0; j < n; j++)
        mpfr_init2(S[j], prec);
    mpfr_t epv, pvc, v, vj, t, inh, dead;
    mpfr_inits2(prec, epv, pvc, v, vj, t, inh, dead, (mpfr_ptr)0);
    sb_mortality_discount(v, discount);
    mpfr_set_ui(vj, 1, MPFR_RNDN);
    mpfr_set_ui(epv, 0, MPFR_RNDN);
    mpfr_set_ui(inh, 0, MPFR_RNDN);
    int64_t bal = p->balance;
    rc = sb_inforce_use(&p->used, rp->p_after_claim); /* the inheritance rests on it, either way */
    for (size_t j = 0; rc == SHEBAO_OK && j < n; j++) {
        sb_month m = p->claim + (sb_month)j;
        /* pay_j = base + years + account + supplements in force in month claim + j at age a + j. The supplements
         * add up to at most 151 × 10^14 fen (sb_inforce_supplements), but fixed may be near the int64 limit (a tiny
         * account divisor): checked. An EPV in range implies the check passes (pay_j > 2^63 needs fixed > 2^63 −
         * 1.6·10^16, and then EPV >= fixed·(1 + p_1·v) > 2^63, as p_1 >= 1/2 and v > 0.94 whenever there is a
         * month j >= 1), so this is a guard, not a second rule. */
        int64_t pay;
        if (__builtin_add_overflow(fixed, sb_inforce_supplements(rp, m, (int)((a + (long)j) / 12), NULL), &pay)) {
            char mt[8];
            sb_month_format(m, mt, sizeof mt);
            rc = sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "monthly pension in %s", mt);
            break;
        }
        mpfr_mul_si(S[j], w[j], (long)pay, MPFR_RNDN);
        mpfr_div_ui(S[j], S[j], 100, MPFR_RNDN);
        /* inheritance: the account pays the account pension each month (0 <= account: no overflow); death in
         * month j leaves the rest */
        bal -= p->account;
        if (bal < 0)
            bal = 0;
        if (rp->after_claim && SB_MONTH_MON(m) == 12 && bal > 0) {
            /* year-end credit on the remaining balance for the months since the claim (or the whole year) */
            int months = SB_MONTH_YEAR(m) == SB_MONTH_YEAR(p->claim) ? 12 - (SB_MONTH_MON(p->claim) - 1) : 12;
            /* the year's rate, chosen as in the ledger */
            int y = SB_MONTH_YEAR(m);
            sb_year_rate r = sb_inforce_rate(rs, y);
            rc = sb_inforce_rate_used(&p->used, rs, &r, &p->future_override_used);
            if (rc == SHEBAO_OK)
                rc = credit_after_claim(ctx, rp, &bal, months, r.rate, y);
            if (rc != SHEBAO_OK)
                break;
        }
        /* P(die in month j) = p_j − p_{j+1} */
        if (j + 1 < n)
            mpfr_sub(dead, w[j], w[j + 1], MPFR_RNDN);
        else
            mpfr_set(dead, w[j], MPFR_RNDN);
        mpfr_mul_si(t, dead, (long)bal, MPFR_RNDN);
        mpfr_div_ui(t, t, 100, MPFR_RNDN);
        mpfr_mul(t, t, vj, MPFR_RNDN);
        mpfr_add(inh, inh, t, MPFR_RNDN);
        mpfr_mul(vj, vj, v, MPFR_RNDN);
    }
    /* personal payments accumulated to the claim month: Σ c_k (1+i)^(t_k/12) */
    mpfr_t x;
    mpfr_init2(x, prec);
    {
        mpq_t q;
        mpq_init(q);
        sb_dec_to_q(q, discount);
        mpfr_set_q(x, q, MPFR_RNDN);
        mpq_clear(q);
    }
    mpfr_set_ui(pvc, 0, MPFR_RNDN);
    mpfr_t u;
    mpfr_init2(u, prec);
    mpfr_add_ui(u, x, 1, MPFR_RNDN);
    mpfr_rootn_ui(u, u, 12, MPFR_RNDN);
    for (size_t k = 0; k < p->nflows; k++) {
        mpfr_pow_si(t, u, (long)(p->claim - p->flows[k].month), MPFR_RNDN);
        mpfr_mul_si(t, t, (long)p->flows[k].fen, MPFR_RNDN);
        mpfr_div_ui(t, t, 100, MPFR_RNDN);
        mpfr_add(pvc, pvc, t, MPFR_RNDN);
    }
    if (rc == SHEBAO_OK && mpfr_to_fen(pvc, &p->pvc) != SHEBAO_OK)
        rc = sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "PV of contributions");
    if (rc == SHEBAO_OK && mpfr_to_fen(inh, &p->inheritable) != SHEBAO_OK)
        rc = sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "expected inheritable balance");
    p->have_epv = rc == SHEBAO_OK;
    if (rc == SHEBAO_OK && mpfr_sgn(pvc) > 0) {
        mpfr_set_si(epv, (long)p->epv, MPFR_RNDN);
        mpfr_div_ui(epv, epv, 100, MPFR_RNDN);
        mpfr_div(t, epv, pvc, MPFR_RNDN);
        mpfr_format(t, 4, p->ratio, sizeof p->ratio);
        p->have_ratio = true;
    }
    /* IRR: the root of NPV(x), which falls as x rises (the pension comes after the payments). Bracket it from
     * x = 0 outwards, then regula falsi with the Illinois step (always bracketed, superlinear). */
    if (rc == SHEBAO_OK && p->nflows > 0 && p->personal > 0) {
        mpfr_t xa, xb, xc, fxa, fxb, fxc, d;
        mpfr_inits2(prec, xa, xb, xc, fxa, fxb, fxc, d, (mpfr_ptr)0);
        static const double up[] = {0.5, 10}, down[] = {-0.5, -0.99};
        mpfr_set_ui(xa, 0, MPFR_RNDN);
        npv(fxa, xa, (const mpfr_t *)S, n, p, prec);
        const double *steps = mpfr_sgn(fxa) > 0 ? up : down;
        bool bracketed = mpfr_sgn(fxa) == 0;
        for (int k = 0; k < 2 && !bracketed; k++) {
            mpfr_set_d(xb, steps[k], MPFR_RNDN);
            npv(fxb, xb, (const mpfr_t *)S, n, p, prec);
            bracketed = mpfr_sgn(fxb) != mpfr_sgn(fxa);
            if (!bracketed) {
                mpfr_set(xa, xb, MPFR_RNDN);
                mpfr_set(fxa, fxb, MPFR_RNDN);
            }
        }
        if (mpfr_sgn(fxa) == 0) {
            mpfr_set(xc, xa, MPFR_RNDN);
        } else if (bracketed) {
            int side = 0;
            for (int it = 0; it < 200; it++) {
                /* xc = xb − fxb·(xb − xa)/(fxb − fxa) */
                mpfr_sub(d, xb, xa, MPFR_RNDN);
                mpfr_mul(d, d, fxb, MPFR_RNDN);
                mpfr_sub(xc, fxb, fxa, MPFR_RNDN);
                mpfr_div(d, d, xc, MPFR_RNDN);
                mpfr_sub(xc, xb, d, MPFR_RNDN);
                npv(fxc, xc, (const mpfr_t *)S, n, p, prec);
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
                mpfr_set(xb, xc, MPFR_RNDN);
                mpfr_set(fxb, fxc, MPFR_RNDN);
            }
        }
        if (mpfr_sgn(fxa) == 0 || bracketed) {
            mpfr_format(xc, 6, p->irr, sizeof p->irr);
            p->have_irr = true;
        }
        mpfr_clears(xa, xb, xc, fxa, fxb, fxc, d, (mpfr_ptr)0);
    }
    for (size_t j = 0; j < n; j++)
        mpfr_clear(S[j]);
    free(S);
    mpfr_clears(epv, pvc, v, vj, t, inh, dead, x, u, (mpfr_ptr)0);
    sb_mortality_weights_free(w, n);
    return rc;
}
