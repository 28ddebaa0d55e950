/* Lifetime figures of a pension (docs/resident-pension.md §6): the driver, and the present value of the personal
 * payments with the money's worth ratio. The EPV, the inheritance and the IRR have a file each (lifetime.h). These
 * are the transcendental steps: computed in MPFR at the context's precision, converted exactly to a rational, and
 * rounded once (fen_half_up). */
#include <stdlib.h>

#include "lifetime.h"
#include "mortality.h"

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

/* MPFR value as text with `decimals` places, ties away from zero (display only). */
static void mpfr_format(const mpfr_t x, int decimals, char *buf, size_t size)
{
    mpq_t q;
    mpq_init(q);
    mpfr_get_q(q, x);
    sb_q_format(q, decimals, buf, size);
    mpq_clear(q);
}

/* The personal payments accumulated to the claim month at the discount rate: Σ c_k (1+i)^(t_k/12), in yuan. */
static void pv_contributions(mpfr_t pvc, const sb_lifetime_in *in)
{
    mpfr_t x, u, t;
    mpfr_inits2(mpfr_get_prec(pvc), x, u, t, (mpfr_ptr)0);
    mpq_t q;
    mpq_init(q);
    sb_dec_to_q(q, in->discount);
    mpfr_set_q(x, q, MPFR_RNDN);
    mpq_clear(q);
    mpfr_set_ui(pvc, 0, MPFR_RNDN);
    mpfr_add_ui(u, x, 1, MPFR_RNDN);
    mpfr_rootn_ui(u, u, 12, MPFR_RNDN);
    for (size_t k = 0; k < in->nflows; k++) {
        mpfr_pow_si(t, u, (long)(in->claim - in->flows[k].month), MPFR_RNDN);
        mpfr_mul_si(t, t, (long)in->flows[k].fen, MPFR_RNDN);
        mpfr_div_ui(t, t, 100, MPFR_RNDN);
        mpfr_add(pvc, pvc, t, MPFR_RNDN);
    }
    mpfr_clears(x, u, t, (mpfr_ptr)0);
}

/* The money's worth ratio EPV / PV of contributions to 4 decimals (display only), when the PV is positive. */
static bool moneys_worth(int64_t epv_fen, const mpfr_t pvc, char ratio[48])
{
    if (mpfr_sgn(pvc) <= 0)
        return false;
    mpfr_t epv;
    mpfr_init2(epv, mpfr_get_prec(pvc));
    mpfr_set_si(epv, (long)epv_fen, MPFR_RNDN);
    mpfr_div_ui(epv, epv, 100, MPFR_RNDN);
    mpfr_div(epv, epv, pvc, MPFR_RNDN);
    mpfr_format(epv, 4, ratio, 48);
    mpfr_clear(epv);
    return true;
}

int sb_lifetime(shebao_ctx *ctx, const sb_lifetime_in *in, sb_lifetime_out *out)
{
    /* the EPV first, so that when it is out of range the error is the one shebao_project_summary (a batch row)
     * gives for the same person */
    int rc = sb_lifetime_epv(ctx, in->sex, in->age, in->claim, in->fixed, in->rp, in->years, in->growth,
                             in->discount, &out->epv);
    if (rc != SHEBAO_OK)
        return rc;
    sb_weights w = {0};
    w.n = sb_mortality_weights_d(ctx, in->sex, in->age, &w.d);
    if (!w.n)
        return shebao_ctx_errcode(ctx);
    int64_t *pay = malloc(w.n * sizeof *pay), inh_fen = -1;
    if (!pay) {
        free(w.d);
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    }
    mpfr_t inh, pvc;
    mpfr_inits2(ctx->precision, inh, pvc, (mpfr_ptr)0);
    rc = sb_lifetime_pensions(ctx, in, w.n, pay);
    if (rc == SHEBAO_OK)
        rc = sb_lifetime_inheritable(ctx, in, &w, inh, &inh_fen, &out->future_override_used);
    pv_contributions(pvc, in);
    if (rc == SHEBAO_OK && mpfr_to_fen(pvc, &out->pvc) != SHEBAO_OK)
        rc = sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "PV of contributions");
    if (rc == SHEBAO_OK && inh_fen >= 0)
        out->inheritable = inh_fen;
    else if (rc == SHEBAO_OK && mpfr_to_fen(inh, &out->inheritable) != SHEBAO_OK)
        rc = sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "expected inheritable balance");
    if (rc == SHEBAO_OK)
        out->have_ratio = moneys_worth(out->epv, pvc, out->ratio);
    bool found = false;
    if (rc == SHEBAO_OK && in->nflows > 0 && in->personal > 0)
        rc = sb_lifetime_irr(ctx, in, &w, pay, &found, out->irr);
    out->have_irr = rc == SHEBAO_OK && found;
    free(pay);
    mpfr_clears(inh, pvc, (mpfr_ptr)0);
    free(w.d);
    if (w.m)
        sb_mortality_weights_free(w.m, w.n);
    return rc;
}

const mpfr_t *sb_lifetime_weights_mpfr(shebao_ctx *ctx, const sb_lifetime_in *in, sb_weights *w)
{
    if (!w->m && sb_mortality_weights(ctx, in->sex, in->age, &w->m) != w->n && w->m) {
        sb_mortality_weights_free(w->m, w->n); /* never: the same n as the doubles */
        w->m = NULL;
        sb_fail(ctx, SHEBAO_ECOMPUTE, "survival weights of two lengths");
    }
    return (const mpfr_t *)w->m;
}
