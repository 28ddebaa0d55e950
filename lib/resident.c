/* Resident pension (城乡居民基本养老保险): the individual-account ledger, eligibility and the monthly pension at the
 * claim. The rules, one per function, follow docs/resident-pension.md exactly. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "projection.h"

#define TRY(expr)                                                                                            \
    do {                                                                                                     \
        int rc_ = (expr);                                                                                    \
        if (rc_ != SHEBAO_OK)                                                                                \
            return rc_;                                                                                      \
    } while (0)

static void money(int64_t fen, char buf[SHEBAO_MONEY_BUFSZ]) { shebao_money_format(fen, buf, SHEBAO_MONEY_BUFSZ); }

int sb_proj_use(shebao_projection *p, uint32_t param) { return sb_inforce_use(&p->used, param); }

static const char *param_text(const shebao_policy *P, uint32_t i, char *buf, size_t size)
{
    const sb_param *q = &P->params[i];
    snprintf(buf, size, "%s%s%s = %s [%s%s%s]", q->path, q->from[0] ? "@" : "", q->from, q->value,
             shebao_status_name(q->status), q->source[0] ? ", " : "", q->source);
    return buf;
}

/* ---- lookups (inforce.h) and messages ------------------------------------------------------------------- */

static void grade_list(const sb_grade_table *t, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < t->n; i++) {
        char m[SHEBAO_MONEY_BUFSZ];
        money(t->g[i].grade, m);
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, "%s%s", i ? ", " : "", m);
    }
}

static int grade_error(shebao_ctx *ctx, const sb_resident *rp, int year, int64_t grade, const char *what)
{
    const sb_grade_table *t = sb_inforce_grades(rp, year);
    char m[SHEBAO_MONEY_BUFSZ], list[400], from[8];
    money(grade, m);
    if (!t)
        return sb_fail(ctx, SHEBAO_EINPUT, "%s %d: no grade table is in force (the first starts in %d)", what, year,
                       SB_MONTH_YEAR(rp->tables[0].from));
    grade_list(t, list, sizeof list);
    sb_month_format(t->from, from, sizeof from);
    return sb_fail(ctx, SHEBAO_EINPUT, "%s %d: grade %s is not in the grade table in force (from %s); allowed: %s",
                   what, year, m, from, list);
}

/* ---- the interest rule ----------------------------------------------------------------------------------- */

/* I = R((B·m + D·k)·r / 12), where m = months of the year credited (12, or e in the claim year) and k = months
 * the year's deposit earns: 0 (year_end), m (year_start), max(0, m − deposit_month) (monthly). */

/* k: the months of a year of m credited months that the year's deposit earns, by the policy's method. */
static int deposit_months(const sb_resident *rp, int m)
{
    return rp->method == SB_INTEREST_YEAR_END ? 0
         : rp->method == SB_INTEREST_YEAR_START ? m
         : (m - rp->deposit_month > 0 ? m - rp->deposit_month : 0);
}

/* The interest rule's constants, hoisted out of the yearly loop: the rounding's unit; d = 12 · 10^6 · unit, the
 * denominator of every rate written with 6 decimals (even); and `add` such that for a numerator x >= 0 the rounded
 * interest is (x + add) / d · unit in integer division: d / 2 for the half-up modes (round(x/d) = floor((x + d/2)
 * / d) as d is even), d − 1 for jiao_up (the ceiling), 0 for fen_truncate. */
typedef struct sb_irule {
    int64_t unit, d6, add;
} sb_irule;

static sb_irule irule(shebao_rounding mode)
{
    int64_t unit = sb_round_unit(mode), d = 12 * INT64_C(1000000) * unit;
    return (sb_irule){unit, d, mode == SHEBAO_ROUND_FEN_TRUNCATE ? 0 : mode == SHEBAO_ROUND_JIAO_UP ? d - 1 : d / 2};
}

static int interest_wide(const sb_resident *rp, int64_t B, int64_t D, int m, int k, sb_dec r, int64_t *out);

/* The fast path of the interest rule, every real case: 0 <= B, D < 2^38 fen (2.7 billion yuan) and a rate whose
 * r6 = r·10^6 is known (0 <= r6 < 2^20), so x = (B·m + D·k)·r6 < 24·2^38·2^20 < 2^63 − d fits in 64 bits, x >= 0,
 * and I = R(x / (12·10^6)) = (x + add) / d · unit. B + D + I < 2^40 cannot overflow either. */
#define SB_FAST_BOUND (UINT64_C(1) << 38)
static inline bool interest_fast_ok(int64_t B, int64_t D, int64_t r6)
{
    /* r6 is -1 or below 2^20: all three are in [0, 2^38) exactly when no bit from 38 up is set in any */
    return ((uint64_t)r6 | (uint64_t)B | (uint64_t)D) < SB_FAST_BOUND;
}

static inline int64_t interest_fast(const sb_irule *ir, int64_t B, int64_t D, int m, int k, int64_t r6)
{
    return ((B * m + D * k) * r6 + ir->add) / ir->d6 * ir->unit;
}

/* I = R((B·m + D·k)·r / 12): the fast path, or the wide ones. */
static inline int interest(const sb_resident *rp, const sb_irule *ir, int64_t B, int64_t D, int m, int k, sb_dec r,
                           int64_t r6, int64_t *out)
{
    if (interest_fast_ok(B, D, r6)) {
        *out = interest_fast(ir, B, D, m, k, r6);
        return SHEBAO_OK;
    }
    return interest_wide(rp, B, D, m, k, r, out);
}

static int interest_wide(const sb_resident *rp, int64_t B, int64_t D, int m, int k, sb_dec r, int64_t *out)
{
#ifdef __SIZEOF_INT128__
    /* fast exact path: (B·m + D·k)·r.num / (12 · 10^scale) fen in 128-bit integers when nothing overflows */
    {
        __int128 x = (__int128)B * m + (__int128)D * k, num;
        if (!__builtin_mul_overflow(x, (__int128)r.num, &num) &&
            sb_round_ratio(num, (__int128)12 * sb_pow10[r.scale], rp->rounding, out) == SHEBAO_OK)
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
    int rc = sb_round_q(q, rp->rounding, out);
    mpq_clear(q);
    mpz_clear(x);
    mpz_clear(t);
    return rc;
}

/* *acc += v, or SHEBAO_ECOMPUTE naming the figure (and its year, when not 0) when the sum leaves int64 fen. */
static int add_checked(shebao_ctx *ctx, int64_t *acc, int64_t v, const char *figure, int year)
{
    if (!__builtin_add_overflow(*acc, v, acc))
        return SHEBAO_OK;
    if (year)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "%s in %d", figure, year);
    return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "%s", figure);
}

/* ---- validation of the person ---------------------------------------------------------------------------- */

static int check_person(shebao_ctx *ctx, const sb_resident *rp, const shebao_person *pe, sb_month claim)
{
    if (pe->birth_month < 1 || pe->birth_month > 12 || pe->birth_year < SB_YEAR_MIN || pe->birth_year > 2150)
        return sb_fail(ctx, SHEBAO_EINPUT, "birth %04d-%02d: not a valid month (year %d-2150, month 01-12)",
                       pe->birth_year, pe->birth_month, SB_YEAR_MIN);
    if (pe->sex != SHEBAO_SEX_MALE && pe->sex != SHEBAO_SEX_FEMALE)
        return sb_fail(ctx, SHEBAO_EINPUT, "sex: must be male or female");
    if (pe->mortality != SHEBAO_MORTALITY_NONE && pe->mortality != SHEBAO_MORTALITY_CL2010_2013_PENSION)
        return sb_fail(ctx, SHEBAO_EINPUT, "mortality: unknown life table");
    if (pe->plan_count && !pe->plan)
        return sb_fail(ctx, SHEBAO_EUSAGE, "plan: NULL segments");
    if (pe->collective < 0 || pe->collective > INT64_C(100000000000))
        return sb_fail(ctx, SHEBAO_EINPUT, "collective: amount must be between 0 and 1 000 000 000.00");
    if (pe->backpay_years < 0 || pe->backpay_years > 100)
        return sb_fail(ctx, SHEBAO_EINPUT, "backpay: %d years is outside 0..100", pe->backpay_years);
    int claim_year = SB_MONTH_YEAR(claim), first_allowed = pe->birth_year + 16;
    for (size_t i = 0; i < pe->plan_count; i++) {
        const shebao_segment *s = &pe->plan[i];
        if (s->first_year > s->last_year || s->first_year < SB_YEAR_MIN || s->last_year > SB_YEAR_MAX)
            return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu: years %d-%d are not a valid range", i + 1,
                           s->first_year, s->last_year);
        if (s->first_year < first_allowed)
            return sb_fail(ctx, SHEBAO_EINPUT,
                           "plan segment %zu: year %d is before the person turns 16 (born %04d-%02d; first "
                           "allowed year %d)", i + 1, s->first_year, pe->birth_year, pe->birth_month, first_allowed);
        if (s->last_year > claim_year)
            return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu: year %d is after the claim year %d", i + 1,
                           s->last_year, claim_year);
        for (size_t j = 0; j < i; j++)
            if (s->first_year <= pe->plan[j].last_year && pe->plan[j].first_year <= s->last_year)
                return sb_fail(ctx, SHEBAO_EINPUT, "plan segments %zu and %zu overlap (%d-%d and %d-%d)", j + 1,
                               i + 1, pe->plan[j].first_year, pe->plan[j].last_year, s->first_year, s->last_year);
        /* the table in force changes only at a table's start year: check once per table the segment meets */
        for (int y = s->first_year; y <= s->last_year;) {
            const sb_grade_table *t = sb_inforce_grades(rp, y);
            if (!sb_inforce_grade(t, s->grade))
                return grade_error(ctx, rp, y, s->grade, "plan year");
            int next = sb_inforce_next_grades(rp, y);
            y = next < s->last_year + 1 ? next : s->last_year + 1;
        }
    }
    return SHEBAO_OK;
}

/* ---- the projection -------------------------------------------------------------------------------------- */

static void explain_deposit(const shebao_policy *P, shebao_projection *p, const shebao_ledger_row *row,
                            const sb_grade *g, int64_t D)
{
    char t1[SHEBAO_MONEY_BUFSZ], t2[SHEBAO_MONEY_BUFSZ], t3[SHEBAO_MONEY_BUFSZ], t4[SHEBAO_MONEY_BUFSZ], pt[400];
    money(row->grade, t1);
    money(row->subsidy, t2);
    money(row->collective, t3);
    money(D, t4);
    sb_buf_printf(&p->explain, "%d  deposit D = grade %s + subsidy %s + collective %s = %s   {%s}\n", row->year, t1,
                  t2, t3, t4, param_text(P, g->param, pt, sizeof pt));
}

static void explain_interest(const shebao_policy *P, shebao_projection *p, int y, int64_t B, int64_t D, int m,
                             int64_t I, const char *rate_text, bool override, uint32_t rparam)
{
    const sb_resident *rp = &P->rp;
    char t1[SHEBAO_MONEY_BUFSZ], t2[SHEBAO_MONEY_BUFSZ], t3[SHEBAO_MONEY_BUFSZ], pt[400];
    money(B, t1);
    money(D, t2);
    money(I, t3);
    sb_buf_printf(&p->explain, "%d  interest I = %s(%s) with B = %s, D = %s, r = %s, m = %d months = %s   {%s%s}\n", y,
                  shebao_rounding_name(rp->rounding),
                  rp->method == SB_INTEREST_YEAR_END ? "B·r·m/12"
                  : rp->method == SB_INTEREST_YEAR_START ? "(B + D)·r·m/12"
                                                         : "B·r·m/12 + D·r·max(0, m − deposit_month)/12",
                  t1, t2, rate_text, m, t3, override ? "run option future_rate" : param_text(P, rparam, pt, sizeof pt),
                  "");
}

/* The yearly ledger from the first contribution year to the claim year. Per year only the interest is
 * computed; the segment, the grade table and hence the deposit D change only at boundary years, found once. */
static int ledger(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p,
                  const sb_rates *rs)
{
    const sb_resident *rp = &P->rp;
    int yc = SB_MONTH_YEAR(p->claim), e = SB_MONTH_MON(p->claim) - 1;
    int y0 = yc;
    for (size_t i = 0; i < pe->plan_count; i++)
        if (pe->plan[i].first_year < y0)
            y0 = pe->plan[i].first_year;
    p->nrows = (size_t)(yc - y0 + 1);
    if (p->full) {
        p->rows = calloc(p->nrows, sizeof *p->rows);
        p->rates = calloc(p->nrows, sizeof *p->rates);
        if (!p->rows || !p->rates)
            return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        TRY(sb_proj_use(p, rp->p_method));
        TRY(sb_proj_use(p, rp->p_rounding));
        if (rp->method == SB_INTEREST_MONTHLY)
            TRY(sb_proj_use(p, rp->p_deposit_month));
    }
    const shebao_segment *seg = NULL;
    const sb_grade *g = NULL;
    int next = y0;           /* the next year at which the segment or the grade table may change */
    int64_t B = 0, D = 0;    /* balance; the deposit of the current span of years */
    int k12 = deposit_months(rp, 12), ke = deposit_months(rp, e);
    const sb_irule ir = irule(rp->rounding);
    if (rp->nrates && y0 < rs->first)
        return sb_fail(ctx, SHEBAO_EPOLICY, "resident_pension.interest.rates: no rate for %d (the list starts in %d)",
                       y0, rs->first);
    for (int y = y0; y <= yc; y++) {
        if (y >= next) {
            /* a boundary: find the segment paying this year (if any), the table in force and the grade */
            seg = NULL;
            next = yc + 1;
            for (size_t i = 0; i < pe->plan_count; i++) {
                const shebao_segment *s = &pe->plan[i];
                if (s->first_year <= y && y <= s->last_year)
                    seg = s;
                else if (s->first_year > y && s->first_year < next)
                    next = s->first_year;
            }
            g = NULL;
            D = 0;
            if (seg) {
                if (seg->last_year + 1 < next)
                    next = seg->last_year + 1;
                int tn = sb_inforce_next_grades(rp, y);
                if (tn < next)
                    next = tn;
                g = sb_inforce_grade(sb_inforce_grades(rp, y), seg->grade); /* check_person made sure it exists */
                D = g->grade;
                TRY(add_checked(ctx, &D, g->subsidy, "deposit", y));
                TRY(add_checked(ctx, &D, pe->collective, "deposit", y));
                if (p->full)
                    TRY(sb_proj_use(p, g->param));
            }
        }
        if (!p->full && y < yc) {
            /* a summary run records nothing per year: the full years up to the next boundary in a tight loop,
             * the same steps as below */
            int stop = next < yc ? next : yc;
            if (rs->overridden && stop - 1 > rs->last)
                p->future_override_used = true;
            if (g) { /* the personal payments of the span: one overflow check */
                int64_t paid;
                if (__builtin_mul_overflow(g->grade, (int64_t)(stop - y), &paid))
                    return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "personal total");
                TRY(add_checked(ctx, &p->personal, paid, "personal total", 0));
                p->contrib_years += stop - y;
            }
            for (; y < stop; y++) {
                sb_year_rate r = sb_inforce_rate(rs, y);
                if (interest_fast_ok(B, D, r.r6)) { /* B + D + I cannot overflow here */
                    B += D + interest_fast(&ir, B, D, 12, k12, r.r6);
                    continue;
                }
                int64_t I;
                if (interest_wide(rp, B, D, 12, k12, r.rate, &I) != SHEBAO_OK)
                    return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "interest in %d", y);
                TRY(add_checked(ctx, &B, D, "account balance", y));
                TRY(add_checked(ctx, &B, I, "account balance", y));
            }
            y--; /* the loop's y++ brings y to stop: a boundary or the claim year */
            continue;
        }
        if (g) {
            TRY(add_checked(ctx, &p->personal, g->grade, "personal total", 0));
            p->contrib_years++;
            if (p->flows)
                p->flows[p->nflows++] = (sb_flow){SB_MONTH_MAKE(y, rp->method == SB_INTEREST_MONTHLY ? rp->deposit_month
                                                                                                     : 1),
                                                  g->grade};
        }
        /* the year's rate: the listed one, or the future rate after the list */
        sb_year_rate r = sb_inforce_rate(rs, y);
        int m = y < yc ? 12 : e, k = y < yc ? k12 : ke;
        int64_t I;
        if (interest(rp, &ir, B, D, m, k, r.rate, r.r6, &I) != SHEBAO_OK)
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "interest in %d", y);
        TRY(sb_inforce_rate_used(&p->used, rs, &r, &p->future_override_used));
        shebao_ledger_row *row = NULL;
        if (p->full) {
            row = &p->rows[y - y0];
            row->year = y;
            if (g) {
                row->grade = row->personal = g->grade;
                row->subsidy = g->subsidy;
                row->collective = pe->collective;
            }
            row->interest = I;
            sb_dec_format(r.rate, p->rates[y - y0], sizeof p->rates[y - y0]);
            if (p->explain_on) {
                if (g)
                    explain_deposit(P, p, row, g, D);
                explain_interest(P, p, y, B, D, m, I, p->rates[y - y0], r.future && rs->overridden, r.param);
            }
        }
        TRY(add_checked(ctx, &B, D, "account balance", y));
        TRY(add_checked(ctx, &B, I, "account balance", y));
        if (y == yc && pe->backpay_years > 0) {
            int64_t bp = 0;
            if (__builtin_mul_overflow(pe->backpay_grade, (int64_t)pe->backpay_years, &bp))
                return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "back payment");
            TRY(add_checked(ctx, &B, bp, "account balance", y));
            TRY(add_checked(ctx, &p->personal, bp, "personal total", 0));
            if (p->flows)
                p->flows[p->nflows++] = (sb_flow){p->claim, bp};
            if (row)
                row->backpay = bp;
            if (p->explain_on) {
                char t1[SHEBAO_MONEY_BUFSZ], t2[SHEBAO_MONEY_BUFSZ];
                money(pe->backpay_grade, t1);
                money(bp, t2);
                sb_buf_printf(&p->explain, "%d  back payment %d years × %s = %s (no subsidy, no interest)\n", y,
                              pe->backpay_years, t1, t2);
            }
        }
        if (row) {
            row->balance = B;
            if (p->explain_on) {
                char t1[SHEBAO_MONEY_BUFSZ];
                money(B, t1);
                sb_buf_printf(&p->explain, "%d  balance B = %s   (interest method %s)\n", y, t1,
                              rp->method == SB_INTEREST_YEAR_END     ? "year_end"
                              : rp->method == SB_INTEREST_YEAR_START ? "year_start"
                                                                     : "monthly");
            }
        }
    }
    p->balance = B;
    return SHEBAO_OK;
}

static int check_backpay(shebao_ctx *ctx, const sb_resident *rp, const shebao_person *pe, shebao_projection *p)
{
    if (pe->backpay_years == 0)
        return SHEBAO_OK;
    int yc = SB_MONTH_YEAR(p->claim);
    char m1[SHEBAO_MONEY_BUFSZ], m2[SHEBAO_MONEY_BUFSZ];
    if (pe->backpay_grade > rp->backpay_max) {
        money(pe->backpay_grade, m1);
        money(rp->backpay_max, m2);
        return sb_fail(ctx, SHEBAO_EINPUT, "backpay: grade %s is above the back-payment cap %s", m1, m2);
    }
    if (!sb_inforce_grade(sb_inforce_grades(rp, yc), pe->backpay_grade))
        return grade_error(ctx, rp, yc, pe->backpay_grade, "backpay in claim year");
    int room = rp->min_years - p->contrib_years;
    if (pe->backpay_years > room)
        return sb_fail(ctx, SHEBAO_EINPUT,
                       "backpay: %d years requested, but back payment may only bring the total to %d years "
                       "(%d contribution years leave room for %d)", pe->backpay_years, rp->min_years,
                       p->contrib_years, room > 0 ? room : 0);
    return SHEBAO_OK;
}

static int claim_pension(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p)
{
    const sb_resident *rp = &P->rp;
    char t1[SHEBAO_MONEY_BUFSZ], t2[SHEBAO_MONEY_BUFSZ], dv[48], pt[400];
    /* account pension = fen_half_up(B / divisor) */
    int rc = SHEBAO_ECOMPUTE;
#ifdef __SIZEOF_INT128__
    rc = sb_round_ratio((__int128)p->balance * sb_pow10[rp->divisor.scale], (__int128)rp->divisor.num,
                        SHEBAO_ROUND_FEN_HALF_UP, &p->account);
#endif
    if (rc != SHEBAO_OK) {
    mpq_t q, d;
    mpq_init(q);
    mpq_init(d);
    sb_mpz_set_i64(mpq_numref(q), p->balance);
    mpz_set_ui(mpq_denref(q), 100);
    mpq_canonicalize(q);
    sb_dec_to_q(d, rp->divisor);
    mpq_div(q, q, d);
    rc = sb_round_q(q, SHEBAO_ROUND_FEN_HALF_UP, &p->account);
    mpq_clear(q);
    mpq_clear(d);
    }
    if (rc != SHEBAO_OK)
        return sb_fail(ctx, rc, SB_OUT_OF_RANGE "account pension");
    TRY(sb_proj_use(p, rp->p_divisor));
    if (p->explain_on) {
        sb_dec_format(rp->divisor, dv, sizeof dv);
        money(p->balance, t1);
        money(p->account, t2);
        sb_buf_printf(&p->explain, "claim  account pension = fen_half_up(B / divisor) = fen_half_up(%s / %s) = %s   {%s}\n",
                      t1, dv, t2, param_text(P, rp->p_divisor, pt, sizeof pt));
    }
    /* base pension at the claim month */
    bool last = false;
    const sb_dated_money *b = sb_inforce_series(&rp->base, p->claim, &last);
    if (!b)
        return sb_fail(ctx, SHEBAO_EPOLICY, "resident_pension.base_pension: no value in force in %s", p->claim_text);
    p->base = b->fen;
    sb_month_format(b->from, p->base_from, sizeof p->base_from);
    p->base_carried_forward = last && SB_MONTH_YEAR(p->claim) > SB_MONTH_YEAR(b->from);
    TRY(sb_proj_use(p, b->param));
    const sb_dated_money *c = sb_inforce_series(&rp->central, p->claim, &last);
    if (c) {
        p->have_central = true;
        p->central = c->fen;
    }
    if (p->explain_on) {
        money(p->base, t1);
        sb_buf_printf(&p->explain, "claim  base pension = series value in force in %s = %s%s   {%s}\n", p->claim_text,
                      t1, p->base_carried_forward ? " (carried forward past the last dated value)" : "",
                      param_text(P, b->param, pt, sizeof pt));
    }
    /* years pension: bands over n years (back-paid years only if they count) */
    int n = p->contrib_years + (rp->backpay_counts ? pe->backpay_years : 0);
    if (pe->backpay_years)
        TRY(sb_proj_use(p, rp->p_backpay_counts));
    for (size_t i = 0; i < rp->nbands; i++) {
        const sb_band *bd = &rp->bands[i];
        int hi = bd->to_year ? bd->to_year : n;
        if (hi > n)
            hi = n;
        int years = hi - bd->from_year + 1;
        if (years <= 0)
            continue;
        int64_t add;
        if (__builtin_mul_overflow(bd->per_year, (int64_t)years, &add))
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "years pension");
        TRY(add_checked(ctx, &p->years_pension, add, "years pension", 0));
        TRY(sb_proj_use(p, bd->param));
        if (p->explain_on) {
            money(bd->per_year, t1);
            money(add, t2);
            sb_buf_printf(&p->explain, "claim  years pension band %d-%d: %d years × %s = %s   {%s}\n", bd->from_year,
                          hi, years, t1, t2, param_text(P, bd->param, pt, sizeof pt));
        }
    }
    /* age supplements */
    int age = p->claim_age_years;
    p->supplement = sb_inforce_supplements(rp, p->claim, age, &p->used);
    p->total = p->base;
    TRY(add_checked(ctx, &p->total, p->account, "monthly total", 0));
    TRY(add_checked(ctx, &p->total, p->years_pension, "monthly total", 0));
    TRY(add_checked(ctx, &p->total, p->supplement, "monthly total", 0));
    if (rp->funeral_months) {
        TRY(sb_proj_use(p, rp->p_funeral));
        if (__builtin_mul_overflow(p->base, (int64_t)rp->funeral_months, &p->funeral))
            return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "funeral grant");
    }
    if (p->explain_on) {
        money(p->supplement, t1);
        money(p->total, t2);
        sb_buf_printf(&p->explain, "claim  age supplement at age %d = %s\nclaim  monthly total = base + years + account + "
                      "supplement = %s\n", age, t1, t2);
    }
    return SHEBAO_OK;
}

static int add_note(shebao_projection *p, const char *path, const char *value, const char *source)
{
    sb_note *n = realloc(p->notes, (p->nnotes + 1) * sizeof *n);
    if (!n)
        return SHEBAO_ENOMEM;
    p->notes = n;
    sb_note *x = &p->notes[p->nnotes];
    *x = (sb_note){sb_strdup(path), sb_strdup(""), sb_strdup(value), sb_strdup(source), sb_strdup(""),
                   sb_strdup(""), SHEBAO_STATUS_ASSUMPTION};
    p->nnotes++;
    if (!x->path || !x->from || !x->value || !x->source || !x->title || !x->url)
        return SHEBAO_ENOMEM;
    return SHEBAO_OK;
}

/* Non-official policy values used, in document order, then the run's own assumptions. */
static int collect_notes(const shebao_policy *P, shebao_projection *p, const char *future, bool epv)
{
    for (size_t i = 0; i < P->nparams; i++) {
        const sb_param *q = &P->params[i];
        if (q->status == SHEBAO_STATUS_OFFICIAL)
            continue;
        bool used = false;
        for (size_t j = 0; j < p->used.n && !used; j++)
            used = p->used.v[j] == i;
        if (!used)
            continue;
        sb_note *n = realloc(p->notes, (p->nnotes + 1) * sizeof *n);
        if (!n)
            return SHEBAO_ENOMEM;
        p->notes = n;
        sb_note *x = &p->notes[p->nnotes++];
        *x = (sb_note){sb_strdup(q->path), sb_strdup(q->from), sb_strdup(q->value), sb_strdup(q->source),
                       sb_strdup(q->title), sb_strdup(q->url), q->status};
        if (!x->path || !x->from || !x->value || !x->source || !x->title || !x->url)
            return SHEBAO_ENOMEM;
    }
    if (future)
        TRY(add_note(p, "run.future_rate", future, "run option"));
    if (epv)
        TRY(add_note(p, "run.discount", p->discount, "run option (default 0.025)"));
    return SHEBAO_OK;
}

static int run(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p,
               sb_month birth, sb_month claim, sb_dec future, sb_dec discount);
static int prepare(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, sb_month *birth,
                   sb_month *claim, sb_dec *future, sb_dec *discount);

int shebao_project(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection **out)
{
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    *out = NULL;
    sb_month birth, claim;
    sb_dec future, discount;
    TRY(prepare(ctx, P, pe, &birth, &claim, &future, &discount));
    shebao_projection *p = calloc(1, sizeof *p);
    if (!p)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    p->full = true;
    p->used.on = true;
    int rc = run(ctx, P, pe, p, birth, claim, future, discount);
    if (rc != SHEBAO_OK) {
        if (rc == SHEBAO_ENOMEM && shebao_ctx_errcode(ctx) != SHEBAO_ENOMEM)
            sb_fail(ctx, rc, "out of memory");
        shebao_projection_free(p);
        return rc;
    }
    *out = p;
    return sb_ok(ctx);
}

/* The lifetime figures of an eligible person with a life table: all of them (lifetime.h) for a full result, the
 * EPV alone for a summary. */
static int project_lifetime(shebao_ctx *ctx, const sb_resident *rp, shebao_projection *p, const sb_rates *rs,
                            sb_dec discount)
{
    long a = (long)(p->claim - p->birth);
    /* fixed <= p->total, which fits in int64: its four parts are >= 0 */
    int64_t fixed = p->base + p->account + p->years_pension;
    if (!p->full) {
        int rc = sb_lifetime_epv(ctx, (int)p->sex, a, p->claim, fixed, rp, discount, &p->epv);
        p->have_epv = rc == SHEBAO_OK;
        return rc;
    }
    sb_lifetime_in in = {rp,      (int)p->sex, a,        p->claim, fixed, p->account, p->balance, p->personal,
                         p->flows, p->nflows,   discount, rs,       &p->used};
    sb_lifetime_out out = {0};
    int rc = sb_lifetime(ctx, &in, &out);
    p->have_epv = rc == SHEBAO_OK;
    p->epv = out.epv;
    p->pvc = out.pvc;
    p->inheritable = out.inheritable;
    p->have_ratio = out.have_ratio;
    p->have_irr = out.have_irr;
    memcpy(p->ratio, out.ratio, sizeof p->ratio);
    memcpy(p->irr, out.irr, sizeof p->irr);
    if (out.future_override_used)
        p->future_override_used = true; /* the result lists the run's rate among its assumptions */
    return rc;
}

static int run(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p,
               sb_month birth, sb_month claim, sb_dec future, sb_dec discount)
{
    const sb_resident *rp = &P->rp;
    p->birth = birth;
    p->claim = claim;
    p->sex = pe->sex;
    p->mortality = pe->mortality;
    p->explain_on = pe->explain != 0;
    p->claim_age_years = (claim - birth) / 12;
    p->claim_age_extra_months = (claim - birth) % 12;
    sb_month_format(claim, p->claim_text, sizeof p->claim_text);
    if (p->full) {
        sb_dec_format(discount, p->discount, sizeof p->discount);
        sb_dec_format(future, p->future, sizeof p->future);
    }
    int rc = SHEBAO_OK;
    if (p->full) {
        p->policy_id = sb_strdup(P->id);
        p->policy_lineage = sb_strdup(P->lineage);
        size_t maxflows = 1;
        for (size_t i = 0; i < pe->plan_count; i++)
            maxflows += (size_t)(pe->plan[i].last_year - pe->plan[i].first_year + 1);
        p->flows = calloc(maxflows, sizeof *p->flows);
        if (!p->policy_id || !p->policy_lineage || !p->flows)
            rc = sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    }
    if (rc == SHEBAO_OK && p->explain_on) {
        char pt[400], pt2[400];
        sb_buf_printf(&p->explain,
                      "claim month = birth %04d-%02d + claim_age %d years + offset %d months = %s   {%s} {%s}\n",
                      pe->birth_year, pe->birth_month, rp->claim_age, rp->offset_months, p->claim_text,
                      param_text(P, rp->p_claim_age, pt, sizeof pt), param_text(P, rp->p_offset, pt2, sizeof pt2));
    }
    if (rc == SHEBAO_OK)
        rc = sb_proj_use(p, rp->p_claim_age);
    if (rc == SHEBAO_OK)
        rc = sb_proj_use(p, rp->p_offset);
    const sb_rates rs = sb_inforce_rates(rp, future, pe->future_rate != NULL);
    if (rc == SHEBAO_OK)
        rc = ledger(ctx, P, pe, p, &rs);
    if (rc == SHEBAO_OK) {
        /* contrib_years is known only after the ledger; the back payment was added in it, check it now */
        rc = check_backpay(ctx, rp, pe, p);
        if (rc == SHEBAO_OK && pe->backpay_years)
            rc = sb_proj_use(p, rp->p_backpay_max);
    }
    if (rc == SHEBAO_OK) {
        p->backpay_years = pe->backpay_years;
        p->backpay_grade = pe->backpay_grade;
        p->backpay_max = rp->backpay_max;
        p->years_paid = p->contrib_years + pe->backpay_years;
        int since = SB_MONTH_YEAR(claim) - SB_MONTH_YEAR(rp->scheme_start);
        p->years_required = rp->min_years < since ? rp->min_years : (since > 0 ? since : 0);
        p->eligible = p->years_paid >= p->years_required;
        p->years_missing = p->eligible ? 0 : p->years_required - p->years_paid;
        rc = sb_proj_use(p, rp->p_min_years);
        if (rc == SHEBAO_OK)
            rc = sb_proj_use(p, rp->p_scheme_start);
        if (rc == SHEBAO_OK && p->explain_on)
            sb_buf_printf(&p->explain, "eligibility: years paid %d (contribution %d + back-paid %d) %s required "
                          "min(min_years %d, claim year %d − scheme start %d) = %d\n", p->years_paid, p->contrib_years,
                          pe->backpay_years, p->eligible ? ">=" : "<", rp->min_years, SB_MONTH_YEAR(claim),
                          SB_MONTH_YEAR(rp->scheme_start), p->years_required);
    }
    if (rc == SHEBAO_OK && p->eligible)
        rc = claim_pension(ctx, P, pe, p);
    bool epv = false;
    if (rc == SHEBAO_OK && p->eligible) {
        /* break-even: smallest m >= 1 with m × total >= personal total */
        if (p->total > 0) {
            int64_t m = p->personal / p->total + (p->personal % p->total != 0);
            if (m < 1)
                m = 1;
            if (m < 100000) {
                p->have_breakeven = true;
                p->breakeven_m = (int)m;
                p->breakeven_month = claim + (sb_month)m - 1;
            }
        }
        if (pe->mortality != SHEBAO_MORTALITY_NONE) {
            epv = true;
            rc = project_lifetime(ctx, rp, p, &rs, discount);
        }
        if (rc == SHEBAO_OK && p->explain_on) {
            char t1[SHEBAO_MONEY_BUFSZ], t2[SHEBAO_MONEY_BUFSZ];
            shebao_money_format(p->personal, t1, sizeof t1);
            shebao_money_format(p->total, t2, sizeof t2);
            if (p->have_breakeven)
                sb_buf_printf(&p->explain, "lifetime  break-even m = smallest m >= 1 with m × %s >= personal total %s "
                              "= %d (month %d of the pension)\n", t2, t1, p->breakeven_m, p->breakeven_m);
            if (p->have_epv) {
                shebao_money_format(p->epv, t1, sizeof t1);
                sb_buf_printf(&p->explain, "lifetime  EPV = fen_half_up(Σ_j pay_j · l(a+j)/l(a) · (1 + %s)^(−j/12)), "
                              "a = %d months, life table cl2010-2013-pension (%s), l linear within each year = %s\n",
                              p->discount, (int)(p->claim - p->birth), p->sex == SHEBAO_SEX_MALE ? "CL5 male" : "CL6 female",
                              t1);
            }
        }
    }
    if (rc == SHEBAO_OK && p->full)
        rc = collect_notes(P, p, p->future_override_used ? p->future : NULL, epv);
    if (rc == SHEBAO_OK && p->explain.failed)
        rc = SHEBAO_ENOMEM;
    return rc;
}

/* Validate the person and the run options; compute the birth and claim months. */
static int prepare(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, sb_month *birth,
                   sb_month *claim, sb_dec *future, sb_dec *discount)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!P || !pe)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL policy or person");
    if (pe->version != SHEBAO_PERSON_VERSION)
        return sb_fail(ctx, SHEBAO_EUSAGE, "person.version %u is not %d (use SHEBAO_PERSON_INIT)", pe->version,
                       SHEBAO_PERSON_VERSION);
    const sb_resident *rp = &P->rp;
    if (!rp->present)
        return sb_fail(ctx, SHEBAO_EPOLICY, "policy %s has no resident_pension section", P->id);
    if (pe->birth_month < 1 || pe->birth_month > 12 || pe->birth_year < SB_YEAR_MIN || pe->birth_year > 2150)
        return sb_fail(ctx, SHEBAO_EINPUT, "birth %04d-%02d: not a valid month (year %d-2150, month 01-12)",
                       pe->birth_year, pe->birth_month, SB_YEAR_MIN);
    *birth = SB_MONTH_MAKE(pe->birth_year, pe->birth_month);
    *claim = *birth + rp->claim_age * 12 + rp->offset_months;
    TRY(check_person(ctx, rp, pe, *claim));
    *future = rp->future_rate;
    *discount = (sb_dec){25, 3};
    const char *why = NULL;
    if (pe->future_rate) {
        if (sb_dec_parse(pe->future_rate, future, &why) != SHEBAO_OK || future->num < 0 ||
            sb_dec_cmp(*future, (sb_dec){1, 0}) >= 0)
            return sb_fail(ctx, SHEBAO_EINPUT, "future rate '%.40s': must be a decimal rate in [0, 1)", pe->future_rate);
    }
    if (pe->discount) {
        if (sb_dec_parse(pe->discount, discount, &why) != SHEBAO_OK || discount->num < 0 ||
            sb_dec_cmp(*discount, (sb_dec){1, 0}) >= 0)
            return sb_fail(ctx, SHEBAO_EINPUT, "discount rate '%.40s': must be a decimal rate in [0, 1)", pe->discount);
    }
    return SHEBAO_OK;
}

int shebao_project_summary(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_summary *out)
{
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    if (out->version != SHEBAO_SUMMARY_VERSION)
        return sb_fail(ctx, SHEBAO_EUSAGE, "summary.version %u is not %d (use SHEBAO_SUMMARY_INIT)", out->version,
                       SHEBAO_SUMMARY_VERSION);
    sb_month birth, claim;
    sb_dec future, discount;
    TRY(prepare(ctx, P, pe, &birth, &claim, &future, &discount));
    if (pe->explain)
        return sb_fail(ctx, SHEBAO_EUSAGE, "the summary has no explanation: use shebao_project");
    shebao_projection p;
    memset(&p, 0, sizeof p);
    int rc = run(ctx, P, pe, &p, birth, claim, future, discount);
    if (rc != SHEBAO_OK)
        return rc;
    *out = (shebao_summary)SHEBAO_SUMMARY_INIT;
    out->eligible = p.eligible;
    out->years_paid = p.years_paid;
    out->years_missing = p.years_missing;
    memcpy(out->claim_month, p.claim_text, sizeof out->claim_month);
    out->balance = p.balance;
    out->personal_total = p.personal;
    if (p.eligible) {
        out->account_pension = p.account;
        out->base_pension = p.base;
        out->years_pension = p.years_pension;
        out->age_supplement = p.supplement;
        out->monthly_total = p.total;
        out->has_breakeven = p.have_breakeven;
        if (p.have_breakeven) {
            out->breakeven_months = p.breakeven_m;
            sb_month_format(p.breakeven_month, out->breakeven_month, sizeof out->breakeven_month);
        }
        out->has_epv = p.have_epv;
        out->epv_benefits = p.epv;
    }
    return sb_ok(ctx);
}
