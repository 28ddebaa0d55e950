/* Internal: the resident pension policy in force at a date (inforce.c). Not installed.
 *
 * The lookups the rules share, on the policy's resident_pension section (sb_resident, internal.h): the grade table
 * of a year, the account's interest rate of a year, the base pension and the age supplements of a month, each
 * recording the policy values it reads in the result's provenance (provenance.h). The ledger and the claim
 * (resident_*.c) and the lifetime figures (lifetime*.c) all read the policy through these, so that a year's rate,
 * say, is chosen by one function. Imports: internal.h, provenance.h. */
#ifndef SHEBAO_INFORCE_H
#define SHEBAO_INFORCE_H

#include <limits.h>

#include "internal.h"
#include "provenance.h"

/* ---- grade tables ---------------------------------------------------------------------------------------- */

/* The grade table in force for contribution year y: the latest `from` year <= y (NULL: none yet). */
static inline const sb_grade_table *sb_inforce_grades(const sb_resident *rp, int year)
{
    if (year >= SB_YEAR_MIN && year <= SB_YEAR_MAX) { /* (every year a person's plan can hold) */
        int i = rp->table_at[year - SB_YEAR_MIN];
        return i >= 0 && (size_t)i < rp->ntables ? &rp->tables[i] : NULL;
    }
    const sb_grade_table *t = NULL;
    for (size_t i = 0; i < rp->ntables; i++)
        if (SB_MONTH_YEAR(rp->tables[i].from) <= year)
            t = &rp->tables[i];
    return t;
}

/* The year from which the grade table after the one in force in year y applies (INT_MAX: none). */
static inline int sb_inforce_next_grades(const sb_resident *rp, int year)
{
    if (rp->ntables && year >= SB_YEAR_MIN && year <= SB_YEAR_MAX)
        return rp->table_next[year - SB_YEAR_MIN];
    int next = INT_MAX;
    for (size_t i = 0; i < rp->ntables; i++)
        if (SB_MONTH_YEAR(rp->tables[i].from) > year && SB_MONTH_YEAR(rp->tables[i].from) < next)
            next = SB_MONTH_YEAR(rp->tables[i].from);
    return next;
}

/* The grade of table t (which may be NULL), or NULL when it is not in it. */
static inline const sb_grade *sb_inforce_grade(const sb_grade_table *t, int64_t grade)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (t->g[i].grade == grade)
            return &t->g[i];
    return NULL;
}

/* ---- the account's interest rate (docs/resident-pension.md §3) ------------------------------------------- */

/* The rates of one run: the policy's listed rates, then after the list the run's future rate (the policy's
 * assumed_future_rate, or the run's own when `overridden`). */
typedef struct sb_rates {
    const sb_rate *listed; /* one rate a year, consecutive (policy_build.c) */
    int first, last;       /* the years of the list: first + n − 1 = last */
    unsigned n;            /* 0: no list (first = 0, last = INT_MIN) */
    sb_dec future;
    int64_t future6; /* sb_rate6(future) */
    uint32_t p_future;
    bool overridden;
} sb_rates;

/* The rate of one year: its exact value, its r6 (see sb_rate), the parameter it comes from, and whether it is the
 * run's future rate. */
typedef struct sb_year_rate {
    sb_dec rate;
    int64_t r6;
    uint32_t param;
    bool future;
} sb_year_rate;

static inline sb_rates sb_inforce_rates(const sb_resident *rp, sb_dec future, bool overridden)
{
    sb_rates rs = {rp->rates, 0, INT_MIN, (unsigned)rp->nrates, future, sb_rate6(future), rp->p_future_rate, overridden};
    if (rp->nrates) {
        rs.first = rp->rates[0].year;
        rs.last = rp->rates[rp->nrates - 1].year;
    }
    return rs;
}

/* The rate of year y: the listed one, or the future rate after the list. (A year before the list is a policy
 * error, which the ledger reports before it asks: every year asked for is in the list or after it.) */
static inline sb_year_rate sb_inforce_rate(const sb_rates *rs, int year)
{
    unsigned i = (unsigned)(year - rs->first); /* year − first in [0, n): listed (first <= year <= last) */
    if (i < rs->n) {
        const sb_rate *r = &rs->listed[i];
        return (sb_year_rate){r->rate, r->r6, r->param, false};
    }
    return (sb_year_rate){rs->future, rs->future6, rs->p_future, true};
}

/* Record what a year's rate rests on: its parameter, or, for the run's own future rate, *override_used (the result
 * then lists the run's rate among its assumptions). */
static inline int sb_inforce_rate_used(sb_prov_used *u, const sb_rates *rs, const sb_year_rate *r, bool *override_used)
{
    if (r->future && rs->overridden) {
        *override_used = true;
        return SHEBAO_OK;
    }
    return sb_prov_use(u, r->param);
}

/* ---- the pension of a month ------------------------------------------------------------------------------ */

/* The value of a dated series in force at month m (NULL: none yet); *last tells whether it is the series' last. */
static inline const sb_dated_money *sb_inforce_series(const sb_series *s, sb_month m, bool *last)
{
    const sb_dated_money *v = NULL;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].from <= m) {
            v = &s->v[i];
            *last = i + 1 == s->n;
        }
    return v;
}

/* ---- the base pension in payment (docs/resident-pension.md §5) -------------------------------------------- */

/* One run of months [from, to) in which the base pension is `fen` (to = SB_MONTH_END: for ever). Up to the policy's
 * data_through the value is the series' value in force; after it, that value carried forward, or with a growth
 * rate R grown each January after data_through: v ← fen_half_up(v · (1 + R)). */
#define SB_MONTH_END INT32_MAX
typedef struct sb_base_run {
    sb_month from, to;
    int64_t fen;
    const sb_dated_money *entry; /* the series value it comes from */
} sb_base_run;

/* The run of base pension that holds month m (there must be a series value in force at m): SHEBAO_OK, or
 * SHEBAO_ECOMPUTE when the growth takes the base pension beyond int64 fen. */
int sb_inforce_base_at(const sb_resident *rp, sb_dec growth, sb_month m, sb_base_run *r);
/* The run after r (r->to < SB_MONTH_END); the same codes. */
int sb_inforce_base_next(const sb_resident *rp, sb_dec growth, sb_base_run *r);

/* The first month after m in which the age supplements of a person of exact age a months at month `claim` may
 * change (SB_MONTH_END: never): a supplement's `from`, or the month the person reaches its min_age. */
sb_month sb_inforce_supplement_change(const sb_resident *rp, sb_month claim, long a, sb_month m);

/* The age supplements in force at month m for a person of the given age in whole years, recorded on u (which may
 * be NULL): their sum, or with age_supplements_combine "highest" the one of the highest min_age reached. At most
 * 151 × 10^14 fen (see inforce.c). */
int64_t sb_inforce_supplements(const sb_resident *rp, sb_month m, int age_years, sb_prov_used *u);

/* The same rule as months: supplement i of rp is paid in months claim + j for j in [*j0, *j1), to a person of exact
 * age a months at the claim, within the first n months. False when it is paid in none. Month claim + j is in the
 * interval exactly when sb_inforce_supplements counts supplement i at that month and age (a + j) / 12: from <=
 * claim + j, 12·min_age <= a + j, and the next entry for the same min_age (the one that replaces it) not yet in
 * force. */
static inline bool sb_inforce_supplement_months(const sb_resident *rp, size_t i, sb_month claim, long a, long n,
                                                long *j0, long *j1)
{
    const sb_supplement *s = &rp->supp[i];
    long from = (long)(s->from - claim), age0 = 12L * s->min_age - a, to = n;
    if (age0 > from)
        from = age0;
    if (from < 0)
        from = 0;
    if (i + 1 < rp->nsupp && rp->supp[i + 1].min_age == s->min_age && (long)(rp->supp[i + 1].from - claim) < to)
        to = (long)(rp->supp[i + 1].from - claim);
    *j0 = from;
    *j1 = to;
    return from < to;
}

/* ---- the monthly pension in payment (docs/resident-pension.md §4–5) ------------------------------------- */

/* The years pension a person's years earn: `fixed` fen a month from the per_year bands, and pct9 = Σ
 * percent_of_base × years in the band, × 10^9, from the percent bands (at most 100 years × 10^9). */
typedef struct sb_years {
    int64_t fixed, pct9;
} sb_years;

/* The years pension with base pension `base` in force: years_pension_rounding(fixed + base · pct9 / 10^9).
 * SHEBAO_ECOMPUTE when it leaves int64 fen. */
int sb_inforce_years_pension(const sb_resident *rp, const sb_years *y, int64_t base, int64_t *out);

/* One month's pension: its parts and the total, the parts' sum rounded by monthly_total_rounding (none: the sum). */
typedef struct sb_month_pay {
    int64_t years, supplement, sum, total;
} sb_month_pay;

/* The pension of month m to a person aged age_years with base pension `base` in force (the account pension and the
 * years are those of the claim): SHEBAO_OK, or SHEBAO_ECOMPUTE when a figure leaves int64 fen. The one rule of
 * the monthly pension after the claim: the pension in payment, the break-even, the lifetime figures. */
int sb_inforce_pension(const sb_resident *rp, int64_t account, const sb_years *y, int64_t base, sb_month m,
                       int age_years, sb_month_pay *out);

#endif /* SHEBAO_INFORCE_H */
