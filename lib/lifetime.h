/* Internal: the lifetime figures of a pension (lifetime*.c). Not installed.
 *
 * The transcendental steps, in MPFR at the context's precision and rounded once (fen_half_up): the expected present
 * value of the pension (lifetime_epv.c), the expected inheritable balance (lifetime_inherit.c), the present value of
 * the personal payments and the money's worth ratio (lifetime.c), the internal rate of return (lifetime_irr.c).
 * The rules of docs/resident-pension.md §6. Imports: inforce.h and internal.h here; mortality.h in the sources.
 * Nothing here knows the projection: the resident driver passes the figures in and reads them out. */
#ifndef SHEBAO_LIFETIME_H
#define SHEBAO_LIFETIME_H

#include "inforce.h"
#include "internal.h"

/* A personal payment for present values: amount at a month. */
typedef struct sb_flow {
    sb_month month;
    int64_t fen;
} sb_flow;

/* ---- the EPV (lifetime_epv.c) ---------------------------------------------------------------------------- */

/* EPV in fen of a pension paying `fixed` plus rp's base pension and supplements in force in each month (rp may be
 * NULL: `fixed` alone) from the claim month, for a person of sex and exact age a months at the claim; the base
 * pension grows by `growth` each January after the policy's data_through (inforce.h). When rp->nonlinear, `fixed`
 * is the account pension alone and each month's pension is sb_inforce_pension with the years y. The one EPV: the
 * batch summary and the full projection both call it, so both give the same fen. */
int sb_lifetime_epv(shebao_ctx *ctx, int sex, long a, sb_month claim, int64_t fixed, const sb_resident *rp,
                    const sb_years *y, sb_dec growth, sb_dec discount, int64_t *out);

/* ---- one person's lifetime figures (lifetime.c) ---------------------------------------------------------- */

typedef struct sb_lifetime_in {
    const sb_resident *rp; /* NULL: a pension of `fixed` alone, no interest on the balance after the claim */
    int sex;
    long age;       /* exact age at the claim, in months */
    sb_month claim;
    int64_t fixed;  /* years + account pension: the part of the pension fixed at the claim (rp->nonlinear: account) */
    int64_t account, balance, personal;
    const sb_years *years; /* the years of the claim (sb_inforce_pension) */
    const sb_flow *flows; /* the personal payments */
    size_t nflows;
    sb_dec growth;  /* the base pension's growth after data_through */
    sb_dec discount;
    const sb_rates *rates; /* the account's rates of the run (the ledger's) */
    sb_prov_used *used;         /* provenance */
} sb_lifetime_in;

typedef struct sb_lifetime_out {
    int64_t epv, pvc, inheritable;
    bool have_ratio, have_irr;
    bool future_override_used; /* the inheritance used the run's own future rate */
    char ratio[48], irr[48];
} sb_lifetime_out;

/* EPV, PV of contributions, money's worth, IRR, inheritance: the driver. */
int sb_lifetime(shebao_ctx *ctx, const sb_lifetime_in *in, sb_lifetime_out *out);

/* ---- the parts (one file each) --------------------------------------------------------------------------- */

/* One person's survival weights w[j] = l(a+j)/l(a), j < n: in doubles for the fast paths of the IRR and the
 * inheritance (sb_mortality_weights_d) and, made on first need, at the context's precision for their reference
 * paths. */
typedef struct sb_weights {
    size_t n;
    double *d;
    mpfr_t *m; /* NULL until sb_lifetime_weights_mpfr */
} sb_weights;

/* The MPFR weights (made once), or NULL with the error on ctx (lifetime.c). */
const mpfr_t *sb_lifetime_weights_mpfr(shebao_ctx *ctx, const sb_lifetime_in *in, sb_weights *w);

/* Expected inheritable balance (lifetime_inherit.c): *fen when the fast path decides it (else −1), and then `out`
 * (the unrounded MPFR value) is not set; `out` when it does not. */
int sb_lifetime_inheritable(shebao_ctx *ctx, const sb_lifetime_in *in, sb_weights *w, mpfr_t out, int64_t *fen,
                            bool *future_override_used);

/* pay[j], the pension of month claim + j in fen, j < n (lifetime_irr.c): the pensions the IRR discounts. */
int sb_lifetime_pensions(shebao_ctx *ctx, const sb_lifetime_in *in, size_t n, int64_t *pay);

/* The IRR: the rate x with Σ_j w_j·pay_j/100·(1+x)^(−j/12) = Σ_k c_k (1+x)^(t_k/12), found at the context's
 * precision, into `out` to 6 decimals (ties away from zero); *found false when no sign change brackets it
 * (lifetime_irr.c). Usually decided in doubles, with a proof that the digits are those of the MPFR search, which
 * decides the rest. */
int sb_lifetime_irr(shebao_ctx *ctx, const sb_lifetime_in *in, sb_weights *w, const int64_t *pay, bool *found,
                    char out[48]);
/* Its two paths (for the tests): the fast one, 1 found (digits in out), 0 not found, −1 cannot tell; and the
 * reference MPFR search. */
int sb_lifetime_irr_fast(const sb_lifetime_in *in, const sb_weights *w, const int64_t *pay, unsigned prec,
                         char out[48]);
int sb_lifetime_irr_reference(shebao_ctx *ctx, const sb_lifetime_in *in, sb_weights *w, const int64_t *pay,
                              bool *found, char out[48]);

#endif /* SHEBAO_LIFETIME_H */
