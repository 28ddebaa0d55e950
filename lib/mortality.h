/* Internal: mortality and annuities (mortality.c). Not installed.
 *
 * The bottom of the rules layer: the embedded pension life table, survivors l(x), survival weights, the monthly
 * discount factor and the annuity tails the EPV is made of. Everything here is per context: the context holds an
 * opaque pointer to this module's cache (life tables, tails, scratch values), which mortality.c makes on first use
 * and releases through the hook it leaves in the context. Imports: internal.h only. */
#ifndef SHEBAO_MORTALITY_H
#define SHEBAO_MORTALITY_H

#include "internal.h"

/* Life table: survivors l(0..SB_LT_LAST+1), l(0) = 1 and l(SB_LT_LAST+1) = 0. */
#define SB_LT_LAST 105
/* Months of age from which l = 0 (age 106). */
#define SB_LT_END_MONTHS ((long)(SB_LT_LAST + 1) * 12)

/* Survivors l(x) for sex at the context's precision (computed once per context); NULL + error on failure. */
const mpfr_t *sb_mortality_table(shebao_ctx *ctx, int sex);
/* l(months / 12) interpolated linearly within the year of age (UDD). */
void sb_mortality_l(mpfr_t rop, const mpfr_t *l, long months);

/* Survival weights w[j] = l(a+j)/l(a), j = 0 .. n-1 while l(a+j) > 0, at the context's precision. Returns n, or 0
 * with the error on ctx. Release with sb_mortality_weights_free. */
size_t sb_mortality_weights(shebao_ctx *ctx, int sex, long a, mpfr_t **out);
void sb_mortality_weights_free(mpfr_t *w, size_t n);
/* The same weights in doubles (free() them), each within a relative 2^−45 of the MPFR one: l(x) and l(x+1) are read
 * with one rounding each, the interpolation l(x) + (l(x+1) − l(x))·f/12 errs by at most 8ε·l(x) (ε = 2^−53) and is
 * at least l(x)/12 (f ≤ 11, l(x+1) ≥ 0), so within 97ε of its value; the division adds the same for l(a) and one
 * rounding: below 200ε < 2^−45 (the MPFR weights are within 2^−100 of the exact ones). For the fast paths of the
 * IRR and the inheritance (lifetime_irr.c, lifetime_inherit.c). */
size_t sb_mortality_weights_d(shebao_ctx *ctx, int sex, long a, double **out);

/* v = (1 + i)^(-1/12) at v's precision. */
void sb_mortality_discount(mpfr_t v, sb_dec i);
/* The same v at the context's precision rounded to the nearest double, kept in the context for the last rate. */
double sb_mortality_discount_d(shebao_ctx *ctx, sb_dec i);

/* Annuity tails for (sex, exact age in months a, yearly discount rate i): tail[j] = Σ_{k>=j} l(a+k)/l(a)·v^k for
 * j = 0..n (tail[n] = 0, n = months until l reaches 0). */
typedef struct sb_annuity {
    size_t n;
    mpfr_t *tail; /* n + 1 values */
} sb_annuity;

/* The tails, computed once per context and reused (valid until the next call for other arguments). NULL + error on
 * failure. */
sb_annuity *sb_mortality_tail(shebao_ctx *ctx, int sex, long age_months, sb_dec discount);
/* (c->tail[j0] − c->tail[j1])·fen at the context's precision, for 0 <= j0 < j1 <= c->n: computed once per
 * (j0, j1, fen) and kept with the tail (an EPV's supplement part, the same for everyone of one claim age). NULL +
 * error on failure. */
mpfr_srcptr sb_mortality_term(shebao_ctx *ctx, sb_annuity *c, long j0, long j1, int64_t fen);
/* Two scratch values at the context's precision for a sum over the tails (the EPV's sum and its rounding), made
 * once per context. NULL + error on failure. */
mpfr_t *sb_mortality_scratch(shebao_ctx *ctx);

#endif /* SHEBAO_MORTALITY_H */
