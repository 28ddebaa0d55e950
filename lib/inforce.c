/* The resident pension policy in force at a date: the lookups the rules share (inforce.h). */
#include <assert.h>
#include <stdlib.h>

#include "inforce.h"

/* The policy keeps the supplements sorted by (min_age, from), one min_age in 0..150, each amount at most 10^14 fen
 * (policy_build.c). At most one entry per min_age is in force, so the sum is at most 151 × 10^14 fen and cannot
 * overflow. */
int64_t sb_inforce_supplements(const sb_resident *rp, sb_month m, int age_years, sb_prov_used *u)
{
    int64_t sum = 0;
    uint32_t top = UINT32_MAX; /* "highest": the parameter of the highest bracket reached */
    for (size_t i = 0; i < rp->nsupp; i++) {
        const sb_supplement *s = &rp->supp[i];
        assert(s->min_age >= 0 && s->min_age <= 150 && s->fen >= 0 && s->fen <= INT64_C(100000000000000));
        assert(i == 0 || rp->supp[i - 1].min_age < s->min_age ||
               (rp->supp[i - 1].min_age == s->min_age && rp->supp[i - 1].from < s->from));
        if (s->from > m || s->min_age > age_years)
            continue;
        /* a later entry for the same min_age in force replaces this one */
        if (i + 1 < rp->nsupp && rp->supp[i + 1].min_age == s->min_age && rp->supp[i + 1].from <= m)
            continue;
        if (rp->supp_highest) { /* sorted by min_age: the last one reached is the highest */
            sum = s->fen;
            top = s->param;
            continue;
        }
        sum += s->fen;
        sb_prov_use(u, s->param); /* (provenance only: an ENOMEM here loses an assumption, never a figure) */
    }
    if (top != UINT32_MAX)
        sb_prov_use(u, top);
    return sum;
}

int sb_inforce_years_pension(const sb_resident *rp, const sb_years *y, int64_t base, int64_t *out)
{
    /* (fixed·10^9 + base·pct9) / 10^9 fen: fixed, base < 2^63 and pct9 <= 10^11 < 2^37, so within 2^101 */
    __int128 num = (__int128)y->fixed * sb_pow10[9] + (__int128)base * y->pct9;
    return sb_round_ratio(num, sb_pow10[9], rp->years_rounding, out);
}

int sb_inforce_pension(const sb_resident *rp, int64_t account, const sb_years *y, int64_t base, sb_month m,
                       int age_years, sb_month_pay *out)
{
    out->supplement = sb_inforce_supplements(rp, m, age_years, NULL);
    if (sb_inforce_years_pension(rp, y, base, &out->years) != SHEBAO_OK ||
        __builtin_add_overflow(base, account, &out->sum) || __builtin_add_overflow(out->sum, out->years, &out->sum) ||
        __builtin_add_overflow(out->sum, out->supplement, &out->sum))
        return SHEBAO_ECOMPUTE;
    out->total = out->sum;
    if (rp->has_total_rounding)
        return sb_round_ratio(out->sum, 1, rp->total_rounding, &out->total);
    return SHEBAO_OK;
}

/* v · (1 + growth), fen_half_up: v · (10^s + num) / 10^s in 128 bits (v < 2^63, 10^s + num < 2^61). */
static int grow(int64_t v, sb_dec growth, int64_t *out)
{
    __int128 den = sb_pow10[growth.scale];
    return sb_round_ratio((__int128)v * (den + growth.num), den, SHEBAO_ROUND_FEN_HALF_UP, out);
}

/* The end of the run that starts at m with series value i in force: the next value's from, and past data_through
 * with a growth rate, the next January. */
static sb_month run_end(const sb_resident *rp, sb_dec growth, size_t i, sb_month m)
{
    sb_month to = i + 1 < rp->base.n ? rp->base.v[i + 1].from : SB_MONTH_END;
    if (growth.num != 0) {
        sb_month jan = m < rp->data_through ? SB_MONTH_MAKE(SB_MONTH_YEAR(rp->data_through) + 1, 1)
                                            : SB_MONTH_MAKE(SB_MONTH_YEAR(m) + 1, 1);
        if (jan < to)
            to = jan;
    }
    return to;
}

int sb_inforce_base_at(const sb_resident *rp, sb_dec growth, sb_month m, sb_base_run *r)
{
    size_t i = 0;
    for (size_t k = 0; k < rp->base.n; k++)
        if (rp->base.v[k].from <= m)
            i = k;
    assert(rp->base.n && rp->base.v[i].from <= m);
    r->entry = &rp->base.v[i];
    r->fen = r->entry->fen;
    r->from = r->entry->from;
    if (growth.num != 0 && m > rp->data_through) {
        /* one step each January after data_through up to m (the policy has no value after data_through) */
        int steps = SB_MONTH_YEAR(m) - SB_MONTH_YEAR(rp->data_through);
        for (int k = 0; k < steps; k++)
            if (grow(r->fen, growth, &r->fen) != SHEBAO_OK)
                return SHEBAO_ECOMPUTE;
        if (steps > 0)
            r->from = SB_MONTH_MAKE(SB_MONTH_YEAR(m), 1);
    }
    r->to = run_end(rp, growth, i, r->from > m ? m : r->from);
    return SHEBAO_OK;
}

int sb_inforce_base_next(const sb_resident *rp, sb_dec growth, sb_base_run *r)
{
    assert(r->to != SB_MONTH_END);
    sb_month m = r->to;
    size_t i = (size_t)(r->entry - rp->base.v);
    if (i + 1 < rp->base.n && rp->base.v[i + 1].from == m) {
        r->entry = &rp->base.v[i + 1];
        r->fen = r->entry->fen;
        i++;
    } else if (grow(r->fen, growth, &r->fen) != SHEBAO_OK) { /* a January after data_through */
        return SHEBAO_ECOMPUTE;
    }
    r->from = m;
    r->to = run_end(rp, growth, i, m);
    return SHEBAO_OK;
}

sb_month sb_inforce_supplement_change(const sb_resident *rp, sb_month claim, long a, sb_month m)
{
    sb_month next = SB_MONTH_END;
    for (size_t i = 0; i < rp->nsupp; i++) {
        const sb_supplement *s = &rp->supp[i];
        long at = (long)claim + 12L * s->min_age - a; /* the month the person reaches min_age */
        if (s->from > m && s->from < next)
            next = s->from;
        if (at > m && at < next)
            next = (sb_month)at;
    }
    return next;
}
