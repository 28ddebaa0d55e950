/* The expected present value of a pension at the claim month (docs/resident-pension.md §6):
 *
 *     EPV = fen_half_up( Σ_j pay_j · l(a+j)/l(a) · (1+i)^(−j/12) )
 *
 * and its fast path, with the reasons it is exact:
 *
 *   1. The sum as a few MPFR operations. pay_j = fixed + the base pension + the supplements in force; the base
 *      pension is constant in runs of months [j0_b, j1_b) (sb_inforce_base_at/next: a series value, or past
 *      data_through with a growth rate one run a year) and each supplement s is paid in a run of months
 *      [j0_s, j1_s) (sb_inforce_supplement_months), so with T[j] = Σ_{k>=j} l(a+k)/l(a)·v^k
 *      EPV = fixed·T[0] + Σ_b (T[j0_b] − T[j1_b])·base_b + Σ_s (T[j0_s] − T[j1_s])·value_s: the same sum
 *      regrouped. The tails T are made once per
 *      (sex, age in months, discount rate) and each supplement's term once per (j0, j1, value), in the context
 *      (mortality.c), so a row costs one multiplication, one addition per supplement and the rounding.
 *   2. The rounding to fen decided from a double where it can be (sb_mpfr_round_fen, below; its proof beside it).
 *
 * The batch summary and the full projection both call sb_lifetime_epv, so they give the same fen. */
#include <assert.h>
#include <math.h>

#include "lifetime.h"
#include "mortality.h"

/* Nearest integer, ties away from zero, of the exact binary value fen (finite): into tmp at fen's precision, which
 * mpfr_round does exactly, then read out. The slow path of sb_mpfr_round_fen. */
static int round_exact(const mpfr_t fen, mpfr_t tmp, int64_t *out)
{
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

/* The fast path's conclusion, checked against the exact rounding in debug and sanitizer builds. */
static inline bool round_agrees(const mpfr_t fen, mpfr_t tmp, int64_t k)
{
    int64_t exact;
    return round_exact(fen, tmp, &exact) == SHEBAO_OK && exact == k;
}

int sb_mpfr_round_fen(const mpfr_t fen, mpfr_t tmp, int64_t *out)
{
    /* Without exact work in the common case: d = fen rounded to a double is within 2^-53·|fen| <= 2^-52·|d| of it.
     * When d is farther than that from the nearest half-integer, fen lies on the same side of every half-integer
     * as d, so both round to the same integer; and below 2^51, d's integer and fractional parts are exact. Near a
     * half-integer (a tie, or nearly one), for large or non-finite values: the exact rounding. */
    double d = mpfr_get_d(fen, MPFR_RNDN), a = fabs(d);
    if (a < 0x1p51) {
        double whole = floor(a), frac = a - whole;
        if (fabs(frac - 0.5) > a * 0x1p-52) {
            int64_t k = (int64_t)whole + (frac > 0.5);
            *out = d < 0 ? -k : k;
            assert(round_agrees(fen, tmp, *out));
            return SHEBAO_OK;
        }
    }
    if (!mpfr_number_p(fen))
        return SHEBAO_ECOMPUTE;
    return round_exact(fen, tmp, out);
}

/* Σ_b (T[j0_b] − T[j1_b])·base_b over the runs of the base pension from the claim to the end of the table, added
 * to sum. */
static int add_base(shebao_ctx *ctx, sb_annuity *c, const sb_resident *rp, sb_month claim, sb_dec growth, mpfr_t sum)
{
    sb_base_run r;
    long n = (long)c->n;
    int rc = sb_inforce_base_at(rp, growth, claim, &r);
    while (rc == SHEBAO_OK) {
        long j0 = (long)(r.from - claim), j1 = r.to == SB_MONTH_END ? n : (long)(r.to - claim);
        if (j0 < 0)
            j0 = 0;
        if (j1 > n)
            j1 = n;
        if (j0 < j1 && r.fen) {
            mpfr_srcptr t = sb_mortality_term(ctx, c, j0, j1, r.fen);
            if (!t)
                return shebao_ctx_errcode(ctx);
            mpfr_add(sum, sum, t, MPFR_RNDN);
        }
        if (j1 >= n)
            return SHEBAO_OK;
        rc = sb_inforce_base_next(rp, growth, &r);
    }
    return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "base pension grown by the growth rate");
}

/* The nonlinear case (a percent band, a total rounding or "highest" supplements: sb_resident.nonlinear): the pension
 * is constant in runs of months between a change of the base pension and a possible change of the supplements, so
 * the sum is Σ_runs (T[j0] − T[j1])·pay_run, pay_run from sb_inforce_pension, the one rule of a month's pension. */
static int add_runs(shebao_ctx *ctx, sb_annuity *c, const sb_resident *rp, long a, sb_month claim, int64_t account,
                    const sb_years *y, sb_dec growth, mpfr_t sum, mpfr_t tmp)
{
    const mpfr_t *T = (const mpfr_t *)c->tail;
    long n = (long)c->n;
    sb_base_run r;
    if (sb_inforce_base_at(rp, growth, claim, &r) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "base pension grown by the growth rate");
    for (sb_month m = claim; m - claim < n;) {
        sb_month_pay mp;
        if (sb_inforce_pension(rp, account, y, r.fen, m, (int)((a + (m - claim)) / 12), &mp) != SHEBAO_OK) {
            char mt[8];
            sb_month_format(m, mt, sizeof mt);
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "monthly pension in %s", mt);
        }
        sb_month next = sb_inforce_supplement_change(rp, claim, a, m);
        if (r.to < next)
            next = r.to;
        if ((long)(next - claim) > n || next == SB_MONTH_END)
            next = claim + (sb_month)n;
        mpfr_sub(tmp, T[m - claim], T[next - claim], MPFR_RNDN);
        mpfr_mul_si(tmp, tmp, (long)mp.total, MPFR_RNDN);
        mpfr_add(sum, sum, tmp, MPFR_RNDN);
        m = next;
        if (m == r.to && m - claim < n && sb_inforce_base_next(rp, growth, &r) != SHEBAO_OK)
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "base pension grown by the growth rate");
    }
    return SHEBAO_OK;
}

int sb_lifetime_epv(shebao_ctx *ctx, int sex, long a, sb_month claim, int64_t fixed, const sb_resident *rp,
                    const sb_years *y, sb_dec growth, sb_dec discount, int64_t *out)
{
    sb_annuity *c = sb_mortality_tail(ctx, sex, a, discount);
    if (!c)
        return shebao_ctx_errcode(ctx);
    mpfr_t *scratch = sb_mortality_scratch(ctx);
    if (!scratch)
        return shebao_ctx_errcode(ctx);
    const mpfr_t *T = (const mpfr_t *)c->tail;
    mpfr_ptr sum = scratch[0];
    if (rp && rp->nonlinear) {
        mpfr_set_ui(sum, 0, MPFR_RNDN);
        TRY(add_runs(ctx, c, rp, a, claim, fixed, y, growth, sum, scratch[1]));
        int rc = sb_mpfr_round_fen(sum, scratch[1], out);
        return rc == SHEBAO_OK ? SHEBAO_OK : sb_fail(ctx, rc, SB_OUT_OF_RANGE "EPV of benefits");
    }
    mpfr_mul_si(sum, T[0], (long)fixed, MPFR_RNDN);
    if (rp)
        TRY(add_base(ctx, c, rp, claim, growth, sum));
    for (size_t i = 0; rp && i < rp->nsupp; i++) {
        long j0, j1;
        if (!sb_inforce_supplement_months(rp, i, claim, a, (long)c->n, &j0, &j1))
            continue;
        mpfr_srcptr t = sb_mortality_term(ctx, c, j0, j1, rp->supp[i].fen); /* (T[j0] − T[j1])·value */
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
    TRY(sb_rate_arg(ctx, "discount rate", discount, &i));
    if (sex != SHEBAO_SEX_MALE && sex != SHEBAO_SEX_FEMALE)
        return sb_fail(ctx, SHEBAO_EINPUT, "sex: must be male or female");
    int rc = sb_lifetime_epv(ctx, (int)sex, age_months, 0, monthly, NULL, NULL, (sb_dec){0, 0}, i, out);
    if (rc != SHEBAO_OK)
        return rc;
    return sb_ok(ctx);
}
