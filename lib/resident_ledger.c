/* The individual account, year by year (docs/resident-pension.md §3): each contribution year's deposit
 * D = grade + subsidy + collective, each year's interest, the back payment in the claim year. Then, in this file
 * and nowhere else, the interest rule's fast paths and the reasons they are exact. */
#include <assert.h>

#include "resident.h"

/* ==== the interest rule ==========================================================================================
 *
 *     I = R((B·m + D·k)·r / 12)
 *
 * B the balance at the end of the year before, D the year's deposit, r the year's rate, R the policy's rounding,
 * m the months of the year credited (12, or e in the claim year) and k the months the year's deposit earns: 0
 * (year_end), m (year_start), max(0, m − deposit_month) (monthly). Three ways to compute it, each exact:
 *
 *   1. interest_fast, every real case, in 64-bit integers. Every rate is kept, at load, also as r6 = r·10^6 when
 *      that is a whole number below 2^20 (sb_rate6). While 0 <= B, D < 2^38 fen (2.7 billion yuan),
 *      x = (B·m + D·k)·r6 <= 24·2^38·(2^20 − 1) < 3·2^61 fits in 64 bits with room for x + add (add < d <= 1.2·10^9),
 *      and the named rounding of x / (12·10^6) in units of 1, 10 or 100 fen is (x + add) / d · unit with
 *      d = 12·10^6·unit (even) and add = d/2 for the half-up modes (round(x/d) = floor((x + d/2)/d) as d is even),
 *      d − 1 for jiao_up (the ceiling), 0 for fen_truncate. I <= x/d·unit + unit < 2^40, so B + D + I < 2^41: the
 *      balance needs no overflow check on this path.
 *   2. interest_wide, in 128-bit integers: the exact ratio (B·m + D·k)·r.num / (12·10^scale) fen, rounded by
 *      sb_round_ratio, when nothing overflows;
 *   3. interest_wide, in GMP rationals (mpq_t): always.
 *
 * They give the same I (a unit test crosses the 2^38 bound on a tie in both directions). Debug and sanitizer builds
 * (no NDEBUG) assert the fast path's premises and its bound, and check each fast result against the wide path. */

/* k: the months of a year of m credited months that the year's deposit earns, by the policy's method. */
static int deposit_months(const sb_resident *rp, int m)
{
    return rp->method == SB_INTEREST_YEAR_END ? 0
         : rp->method == SB_INTEREST_YEAR_START ? m
         : (m - rp->deposit_month > 0 ? m - rp->deposit_month : 0);
}

/* The rule's constants, hoisted out of the yearly loop: the rounding's unit, d6 = 12·10^6·unit and add (above). */
typedef struct sb_irule {
    int64_t unit, d6, add;
    shebao_rounding mode;
} sb_irule;

static sb_irule interest_rule(shebao_rounding mode)
{
    int64_t unit = sb_round_unit(mode), d = 12 * INT64_C(1000000) * unit;
    return (sb_irule){unit, d, mode == SHEBAO_ROUND_FEN_TRUNCATE ? 0 : mode == SHEBAO_ROUND_JIAO_UP ? d - 1 : d / 2,
                      mode};
}

static int interest_wide(shebao_rounding mode, int64_t B, int64_t D, int m, int k, sb_dec r, int64_t *out)
{
#ifdef __SIZEOF_INT128__
    /* (B·m + D·k)·r.num / (12 · 10^scale) fen in 128-bit integers when nothing overflows */
    {
        __int128 x = (__int128)B * m + (__int128)D * k, num;
        if (!__builtin_mul_overflow(x, (__int128)r.num, &num) &&
            sb_round_ratio(num, (__int128)12 * sb_pow10[r.scale], mode, out) == SHEBAO_OK)
            return SHEBAO_OK;
    }
#endif
    mpz_t x, t;
    mpq_t q;
    mpz_init(x);
    mpz_init(t);
    mpq_init(q);
    sb_mpz_set_i64(x, B);
    mpz_mul_si(x, x, m);
    sb_mpz_set_i64(t, D);
    mpz_mul_si(t, t, k);
    mpz_add(x, x, t);
    sb_mpz_set_i64(t, r.num);
    mpz_mul(mpq_numref(q), x, t);
    mpz_ui_pow_ui(mpq_denref(q), 10, (unsigned long)r.scale);
    mpz_mul_ui(mpq_denref(q), mpq_denref(q), 12 * 100); /* months → years, fen → yuan */
    mpq_canonicalize(q);
    int rc = sb_round_q(q, mode, out);
    mpq_clear(q);
    mpz_clear(x);
    mpz_clear(t);
    return rc;
}

#define SB_FAST_BOUND (UINT64_C(1) << 38)

/* The fast path's premises on B, D and r6: all three in [0, 2^38). r6 is -1 or below 2^20, so this holds exactly
 * when no bit from 38 up is set in any. */
static inline bool interest_fast_ok(int64_t B, int64_t D, int64_t r6)
{
    return ((uint64_t)r6 | (uint64_t)B | (uint64_t)D) < SB_FAST_BOUND;
}

/* The fast path's result is the wide path's (r6 is r·10^6 exactly, so r6 / 10^6 is the same rational as r). */
static inline bool fast_agrees(const sb_irule *ir, int64_t B, int64_t D, int m, int k, int64_t r6, int64_t I)
{
    int64_t wide;
    return interest_wide(ir->mode, B, D, m, k, (sb_dec){r6, 6}, &wide) == SHEBAO_OK && wide == I;
}

static inline int64_t interest_fast(const sb_irule *ir, int64_t B, int64_t D, int m, int k, int64_t r6)
{
    assert(interest_fast_ok(B, D, r6) && r6 >= 0 && r6 < (INT64_C(1) << 20) && 0 <= k && k <= m && m <= 12);
    int64_t x = (B * m + D * k) * r6;
    assert(x >= 0 && x <= INT64_MAX - ir->add);
    int64_t I = (x + ir->add) / ir->d6 * ir->unit;
    assert(I < (INT64_C(1) << 40) && fast_agrees(ir, B, D, m, k, r6, I));
    return I;
}

/* I = R((B·m + D·k)·r / 12): the fast path, or the wide ones. */
static inline int interest(const sb_irule *ir, int64_t B, int64_t D, int m, int k, const sb_year_rate *r,
                           int64_t *out)
{
    if (interest_fast_ok(B, D, r->r6)) {
        *out = interest_fast(ir, B, D, m, k, r->r6);
        return SHEBAO_OK;
    }
    return interest_wide(ir->mode, B, D, m, k, r->rate, out);
}

/* ==== the ledger ================================================================================================
 *
 * The segment, the grade table in force and so the deposit D change only at boundary years, found once per span of
 * years between them. A summary run does only the interest step per year of a span (ledger_span_summary); a full
 * run records each year (ledger_year), as does a summary run for the claim year. */

typedef struct sb_ledger {
    shebao_ctx *ctx;
    const shebao_policy *P;
    const shebao_person *pe;
    shebao_projection *p;
    const sb_rates *rs;
    sb_irule ir;
    int y0, yc, e;   /* first year, claim year, months of the claim year before the claim */
    int k12, ke;     /* the months the deposit earns in a full year and in the claim year */
    int next;        /* the first year of the next span (at most yc + 1) */
    const sb_grade *g; /* the grade paid in the span (NULL: none) */
    int64_t D, B;    /* the span's deposit; the balance */
} sb_ledger;

/* At a boundary year y: the segment paying it (if any), the table in force and the grade, the deposit D, and the
 * first year of the next span. */
static int ledger_boundary(sb_ledger *L, int y)
{
    const sb_resident *rp = &L->P->rp;
    const shebao_person *pe = L->pe;
    const shebao_segment *seg = NULL;
    int next = L->yc + 1;
    for (size_t i = 0; i < pe->plan_count; i++) {
        const shebao_segment *s = &pe->plan[i];
        if (s->first_year <= y && y <= s->last_year)
            seg = s;
        else if (s->first_year > y && s->first_year < next)
            next = s->first_year;
    }
    L->g = NULL;
    L->D = 0;
    if (seg) {
        if (seg->last_year + 1 < next)
            next = seg->last_year + 1;
        int tn = sb_inforce_next_grades(rp, y);
        if (tn < next)
            next = tn;
        const sb_grade *g = sb_inforce_grade(sb_inforce_grades(rp, y), seg->grade);
        assert(g); /* check_person made sure it exists */
        L->g = g;
        L->D = g->grade;
        TRY(sb_resident_add(L->ctx, &L->D, g->subsidy, "deposit", y));
        TRY(sb_resident_add(L->ctx, &L->D, pe->collective, "deposit", y));
        TRY(sb_prov_use(&L->p->used, g->param));
    }
    L->next = next;
    return SHEBAO_OK;
}

/* The full years [y, stop) of a span in a summary run, which records nothing per year: the personal payments with
 * one overflow check, then the interest step in a tight loop (the same steps as ledger_year). */
static int ledger_span_summary(sb_ledger *L, int y, int stop)
{
    shebao_ctx *ctx = L->ctx;
    shebao_projection *p = L->p;
    const sb_rates *rs = L->rs;
    if (rs->overridden && stop - 1 > rs->last)
        p->future_override_used = true;
    if (L->g) {
        int64_t paid;
        if (__builtin_mul_overflow(L->g->grade, (int64_t)(stop - y), &paid))
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "personal total");
        if (!L->g->daijiao) /* a 代缴 grade is the government's money, not the person's */
            TRY(sb_resident_add(ctx, &p->personal, paid, "personal total", 0));
        p->contrib_years += stop - y;
    }
    const sb_irule ir = L->ir;
    const int k12 = L->k12;
    int64_t B = L->B, D = L->D;
    for (; y < stop; y++) {
        sb_year_rate r = sb_inforce_rate(rs, y);
        if (interest_fast_ok(B, D, r.r6)) { /* B + D + I cannot overflow here */
            B += D + interest_fast(&ir, B, D, 12, k12, r.r6);
            continue;
        }
        int64_t I;
        if (interest_wide(ir.mode, B, D, 12, k12, r.rate, &I) != SHEBAO_OK)
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "interest in %d", y);
        TRY(sb_resident_add(ctx, &B, D, "account balance", y));
        TRY(sb_resident_add(ctx, &B, I, "account balance", y));
    }
    L->B = B;
    return SHEBAO_OK;
}

/* The back payment, added last in the claim year with no subsidy and no interest. */
static int ledger_backpay(sb_ledger *L, int y, shebao_ledger_row *row)
{
    shebao_ctx *ctx = L->ctx;
    const shebao_person *pe = L->pe;
    shebao_projection *p = L->p;
    int64_t bp = 0;
    if (__builtin_mul_overflow(pe->backpay_grade, (int64_t)pe->backpay_years, &bp))
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "back payment");
    TRY(sb_resident_add(ctx, &L->B, bp, "account balance", y));
    TRY(sb_resident_add(ctx, &p->personal, bp, "personal total", 0));
    if (p->flows)
        p->flows[p->nflows++] = (sb_flow){p->claim, bp};
    if (row)
        row->backpay = bp;
    sb_explain(p, "%d  back payment %d years × %s = %s (no subsidy, no interest)\n", y, pe->backpay_years,
               SB_MONEY(pe->backpay_grade), SB_MONEY(bp));
    return SHEBAO_OK;
}

/* One year, recorded: the deposit, the interest at the year's rate, the back payment in the claim year; in a full
 * run its row, payment, provenance and explanation. */
static int ledger_year(sb_ledger *L, int y)
{
    shebao_ctx *ctx = L->ctx;
    const shebao_policy *P = L->P;
    const sb_resident *rp = &P->rp;
    shebao_projection *p = L->p;
    const sb_grade *g = L->g;
    const int64_t B0 = L->B, D = L->D;
    /* a 代缴 grade (the person is marked daijiao: check_person) is credited but is not the person's money */
    const bool own = g && !g->daijiao;
    if (g)
        p->contrib_years++;
    if (own) {
        TRY(sb_resident_add(ctx, &p->personal, g->grade, "personal total", 0));
        if (p->flows)
            p->flows[p->nflows++] =
                (sb_flow){SB_MONTH_MAKE(y, rp->method == SB_INTEREST_MONTHLY ? rp->deposit_month : 1), g->grade};
    }
    sb_year_rate r = sb_inforce_rate(L->rs, y);
    int m = y < L->yc ? 12 : L->e, k = y < L->yc ? L->k12 : L->ke;
    int64_t I;
    if (interest(&L->ir, B0, D, m, k, &r, &I) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "interest in %d", y);
    TRY(sb_inforce_rate_used(&p->used, L->rs, &r, &p->future_override_used));
    shebao_ledger_row *row = p->rows ? &p->rows[y - L->y0] : NULL;
    if (row) {
        row->year = y;
        if (g) {
            row->grade = g->grade;
            *(own ? &row->personal : &row->daijiao) = g->grade;
            row->subsidy = g->subsidy;
            row->collective = L->pe->collective;
        }
        row->interest = I;
        sb_dec_format(r.rate, p->rates[y - L->y0], sizeof p->rates[y - L->y0]);
    }
    if (g)
        sb_explain(p, "%d  deposit D = grade %s%s + subsidy %s + collective %s = %s   {%s}\n", y, SB_MONEY(g->grade),
                   own ? "" : SB_PIECE(" (代缴: paid by the government, not personal money)"), SB_MONEY(g->subsidy),
                   SB_MONEY(L->pe->collective), SB_MONEY(D), SB_PARAM(P, g->param));
    sb_explain(p, "%d  interest I = %s(%s) with B = %s, D = %s, r = %s, m = %d months = %s   {%s%s}\n", y,
               shebao_rounding_name(rp->rounding), sb_resident_method_formula(rp), SB_MONEY(B0), SB_MONEY(D),
               p->rates[y - L->y0], m, SB_MONEY(I),
               r.future && L->rs->overridden ? SB_PIECE("run option future_rate") : SB_PARAM(P, r.param), "");
    TRY(sb_resident_add(ctx, &L->B, D, "account balance", y));
    TRY(sb_resident_add(ctx, &L->B, I, "account balance", y));
    if (y == L->yc && L->pe->backpay_years > 0)
        TRY(ledger_backpay(L, y, row));
    if (row) {
        row->balance = L->B;
        /* the balance is the sum of its parts */
        assert(row->balance == B0 + row->personal + row->daijiao + row->subsidy + row->collective + row->interest +
                                   row->backpay);
        sb_explain(p, "%d  balance B = %s   (interest method %s)\n", y, SB_MONEY(L->B), sb_resident_method_name(rp));
    }
    return SHEBAO_OK;
}

/* A full ledger adds up: the balance is the sum of every row's deposit, interest and back payment, the personal
 * total that of the personal grades (not 代缴) and back payments, the contribution years the rows with a grade
 * (debug builds). */
static inline bool ledger_adds_up(const shebao_projection *p)
{
    int64_t balance = 0, personal = 0;
    int years = 0;
    for (size_t i = 0; i < p->nrows; i++) {
        const shebao_ledger_row *r = &p->rows[i];
        balance += r->personal + r->daijiao + r->subsidy + r->collective + r->interest + r->backpay;
        personal += r->personal + r->backpay;
        years += r->grade > 0;
        if (r->balance != balance)
            return false;
    }
    return balance == p->balance && personal == p->personal && years == p->contrib_years;
}

int sb_resident_ledger(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p,
                       const sb_rates *rs)
{
    const sb_resident *rp = &P->rp;
    sb_ledger L = {.ctx = ctx, .P = P, .pe = pe, .p = p, .rs = rs, .ir = interest_rule(rp->rounding)};
    L.yc = SB_MONTH_YEAR(p->claim);
    L.e = SB_MONTH_MON(p->claim) - 1;
    L.y0 = sb_resident_ledger_first_year(pe, L.yc);
    L.k12 = deposit_months(rp, 12);
    L.ke = deposit_months(rp, L.e);
    assert(!p->rows || p->nrows == (size_t)(L.yc - L.y0 + 1));
    TRY(sb_prov_use(&p->used, rp->p_method));
    TRY(sb_prov_use(&p->used, rp->p_rounding));
    if (rp->method == SB_INTEREST_MONTHLY)
        TRY(sb_prov_use(&p->used, rp->p_deposit_month));
    if (rp->nrates && L.y0 < rs->first)
        return sb_fail(ctx, SHEBAO_EPOLICY, "resident_pension.interest.rates: no rate for %d (the list starts in %d)",
                       L.y0, rs->first);
    for (int y = L.y0; y <= L.yc;) {
        TRY(ledger_boundary(&L, y));
        int stop = L.next;
        if (!p->full && y < L.yc) { /* a summary run: the span's full years in one tight loop */
            int end = stop < L.yc ? stop : L.yc;
            TRY(ledger_span_summary(&L, y, end));
            y = end;
        }
        for (; y < stop; y++)
            TRY(ledger_year(&L, y));
    }
    p->balance = L.B;
    assert(!p->rows || ledger_adds_up(p));
    return SHEBAO_OK;
}
