/* Planning arithmetic on top of the cells of a comparison: the per-cell figures that are not in a projection
 * (break-even age, pension per 10,000 yuan paid) and the differences between two plans (one grade up, one year
 * longer, lowest against highest grade). Everything here is integer fen arithmetic on the cells' own figures. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "comparison.h"

int sb_compare_cell(const shebao_projection *p, int64_t grade, int years, shebao_compare_cell *out)
{
    memset(out, 0, sizeof *out);
    out->grade = grade;
    out->years = years;
    out->eligible = p->eligible;
    out->personal_total = p->personal;
    if (!p->eligible)
        return SHEBAO_OK;
    out->monthly_total = p->total;
    out->account_pension = p->account;
    if (p->have_breakeven) {
        out->has_breakeven = 1;
        out->breakeven_months = p->breakeven_m;
        sb_month_format(p->breakeven_month, out->breakeven_month, sizeof out->breakeven_month);
        /* age in the break-even month: whole months from the birth month */
        int age = (int)(p->breakeven_month - p->birth);
        out->breakeven_age_years = age / 12;
        out->breakeven_age_months = age % 12;
    }
    if (p->have_epv) {
        out->has_epv = 1;
        out->epv_benefits = p->epv;
        out->inheritable = p->inheritable;
    }
    out->moneys_worth = shebao_projection_moneys_worth(p);
    out->irr = shebao_projection_irr(p);
    if (p->personal > 0) {
        /* yuan a month per 10,000 yuan paid = (total_fen / personal_fen) × 10000 yuan, an exact rational in
         * yuan (what sb_round_q rounds), rounded fen_half_up once */
        mpq_t q;
        mpq_init(q);
        sb_mpz_set_i64(mpq_numref(q), p->total);
        mpz_mul_ui(mpq_numref(q), mpq_numref(q), 10000UL);
        sb_mpz_set_i64(mpq_denref(q), p->personal);
        mpq_canonicalize(q);
        out->has_per_10000 = sb_round_q(q, SHEBAO_ROUND_FEN_HALF_UP, &out->per_10000) == SHEBAO_OK;
        mpq_clear(q);
    }
    return SHEBAO_OK;
}

/* d = b − a. */
static void delta(shebao_compare_delta *d, shebao_delta_kind kind, const shebao_projection *a, int64_t ga, int na,
                  const shebao_projection *b, int64_t gb, int nb)
{
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->from_grade = ga;
    d->from_years = na;
    d->to_grade = gb;
    d->to_years = nb;
    d->extra_per_year = kind == SHEBAO_DELTA_GRADE ? gb - ga : gb;
    d->extra_paid = b->personal - a->personal;
    if (!a->eligible || !b->eligible)
        return;
    d->available = 1;
    d->extra_monthly = b->total - a->total;
    if (d->extra_monthly > 0) {
        /* smallest m >= 0 with m × extra_monthly >= extra_paid */
        int64_t m = d->extra_paid <= 0 ? 0 : d->extra_paid / d->extra_monthly + (d->extra_paid % d->extra_monthly != 0);
        if (m <= INT_MAX) {
            d->has_recoup = 1;
            d->recoup_months = (int)m;
        }
    }
    if (a->have_epv && b->have_epv) {
        d->has_epv = 1;
        d->epv_difference = b->epv - a->epv;
    }
}

/* The grade of path h in `year`. */
static int64_t path_grade(const shebao_comparison *c, int h, int year)
{
    int64_t g = c->path[h][0].grade;
    for (size_t k = 0; k < c->npath[h]; k++)
        if (c->path[h][k].first_year <= year)
            g = c->path[h][k].grade;
    return g;
}

int sb_compare_marginals(shebao_ctx *ctx, shebao_comparison *c)
{
    size_t cap = c->ny * (c->ng ? c->ng - 1 : 0) + c->ng * c->ny;
    c->marg = calloc(cap ? cap : 1, sizeof *c->marg);
    if (!c->marg)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    /* one grade up, at each length */
    for (size_t j = 0; j < c->ny; j++)
        for (size_t i = 0; i + 1 < c->ng; i++)
            delta(&c->marg[c->nmarg++], SHEBAO_DELTA_GRADE, c->cells[i * c->ny + j], c->grades[i], c->years[j],
                  c->cells[(i + 1) * c->ny + j], c->grades[i + 1], c->years[j]);
    /* one year longer, at each grade */
    for (size_t i = 0; i < c->ng; i++)
        for (size_t j = 0; j < c->ny; j++) {
            size_t k = i * c->ny + j;
            if (c->next[k])
                delta(&c->marg[c->nmarg++], SHEBAO_DELTA_YEAR, c->cells[k], c->grades[i], c->years[j], c->next[k],
                      c->grades[i], c->years[j] + 1);
        }
    return SHEBAO_OK;
}

size_t shebao_comparison_marginal_count(const shebao_comparison *c) { return c ? c->nmarg : 0; }

int shebao_comparison_marginal(const shebao_comparison *c, size_t i, shebao_compare_delta *out)
{
    if (!c || !out || i >= c->nmarg)
        return SHEBAO_EUSAGE;
    *out = c->marg[i];
    return SHEBAO_OK;
}

int shebao_comparison_summary(const shebao_comparison *c, size_t j, shebao_compare_delta *out)
{
    if (!c || !out || j >= c->ny)
        return SHEBAO_EUSAGE;
    if (c->npath[0]) { /* the path over grade tables: the grades of its last year */
        int last = c->start + c->years[j] - 1;
        int64_t lo = path_grade(c, 0, last), hi = path_grade(c, 1, last);
        delta(out, SHEBAO_DELTA_GRADE, c->ends[0][j], lo, c->years[j], c->ends[1][j], hi, c->years[j]);
        return SHEBAO_OK;
    }
    if (c->ng < 2) {
        *out = (shebao_compare_delta){0};
        return SHEBAO_NA;
    }
    size_t hi = c->ng - 1;
    delta(out, SHEBAO_DELTA_GRADE, c->cells[j], c->grades[0], c->years[j], c->cells[hi * c->ny + j], c->grades[hi],
          c->years[j]);
    return SHEBAO_OK;
}
