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
 * pension grows by `growth` each January after the policy's data_through (inforce.h). The one EPV: the batch
 * summary and the full projection both call it, so both give the same fen. */
int sb_lifetime_epv(shebao_ctx *ctx, int sex, long a, sb_month claim, int64_t fixed, const sb_resident *rp,
                    sb_dec growth, sb_dec discount, int64_t *out);

/* ---- one person's lifetime figures (lifetime.c) ---------------------------------------------------------- */

typedef struct sb_lifetime_in {
    const sb_resident *rp; /* NULL: a pension of `fixed` alone, no interest on the balance after the claim */
    int sex;
    long age;       /* exact age at the claim, in months */
    sb_month claim;
    int64_t fixed;  /* years + account pension: the part of the pension fixed at the claim */
    int64_t account, balance, personal;
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

/* Expected inheritable balance, unrounded, given the survival weights w[0..n) (lifetime_inherit.c). */
int sb_lifetime_inheritable(shebao_ctx *ctx, const sb_lifetime_in *in, const mpfr_t *w, size_t n, mpfr_t out,
                            bool *future_override_used);

/* S[j] = w[j]·pay_j in yuan, pay_j the pension of month claim + j (lifetime_irr.c): the survival-weighted pensions
 * the IRR discounts. S holds n values initialised at any precision. */
int sb_lifetime_pensions(shebao_ctx *ctx, const sb_lifetime_in *in, const mpfr_t *w, size_t n, mpfr_t *S);

/* The IRR: the rate x (at x's precision) with Σ_j S_j (1+x)^(−j/12) = Σ_k c_k (1+x)^(t_k/12); false when no sign
 * change brackets it (lifetime_irr.c). */
bool sb_lifetime_irr(const mpfr_t *S, size_t n, const sb_flow *flows, size_t nflows, sb_month claim, mpfr_t x);

#endif /* SHEBAO_LIFETIME_H */
