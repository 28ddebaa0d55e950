/* The plans of a comparison for a person midway (#12 items 4 and 5): the years already paid before the start,
 * the back payment (a fixed one, or the fewest years at a grade that make each plan eligible), and the path a
 * real person takes over grade tables (the lowest, or the highest, normal grade in force each year), which the
 * lowest-versus-highest summary follows. Every plan is a shebao_project() run on the same policy and person. */
#include <stdlib.h>
#include <string.h>

#include "comparison.h"

int sb_compare_midway_check(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe,
                            const shebao_compare_options *opt, int claim_year)
{
    for (size_t i = 0; i < pe->plan_count; i++) {
        const shebao_segment *s = &pe->plan[i];
        if (s->last_year >= opt->start_year)
            return sb_fail(ctx, SHEBAO_EINPUT, "paid segment %zu (%d-%d): year %d is not before the start %d (the "
                           "years already paid come before the first year compared)", i + 1, s->first_year,
                           s->last_year, s->last_year, opt->start_year);
        for (size_t j = 0; j < i; j++)
            if (s->first_year <= pe->plan[j].last_year && pe->plan[j].first_year <= s->last_year)
                return sb_fail(ctx, SHEBAO_EINPUT, "paid segments %zu and %zu overlap (%d-%d and %d-%d)", j + 1,
                               i + 1, pe->plan[j].first_year, pe->plan[j].last_year, s->first_year, s->last_year);
    }
    if (opt->version < 2 || opt->backpay_auto_grade == 0)
        return SHEBAO_OK;
    if (pe->backpay_years)
        return sb_fail(ctx, SHEBAO_EINPUT, "backpay: give a number of years or auto, not both");
    if (opt->backpay_auto_grade < 0)
        return sb_fail(ctx, SHEBAO_EINPUT, "backpay auto: a grade must be positive");
    return sb_resident_check_backpay_grade(ctx, &P->rp, claim_year, opt->backpay_auto_grade, "backpay auto");
}

int sb_compare_keep_midway(shebao_ctx *ctx, shebao_comparison *c, const shebao_person *pe,
                           const shebao_compare_options *opt)
{
    c->npaid = pe->plan_count;
    if (c->npaid) {
        c->paid = malloc(c->npaid * sizeof *c->paid);
        if (!c->paid)
            return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        memcpy(c->paid, pe->plan, c->npaid * sizeof *c->paid);
    }
    c->bp_years = pe->backpay_years;
    c->bp_grade = pe->backpay_grade;
    c->bp_auto = opt->version >= 2 ? opt->backpay_auto_grade : 0;
    return SHEBAO_OK;
}

int sb_compare_project(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *person,
                       const shebao_comparison *c, const shebao_segment *grid, size_t ngrid, bool advise,
                       shebao_projection **out)
{
    *out = NULL;
    shebao_segment *segs = malloc((c->npaid + ngrid) * sizeof *segs);
    if (!segs)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    if (c->npaid) /* memcpy's source may not be NULL, even for 0 bytes */
        memcpy(segs, c->paid, c->npaid * sizeof *segs);
    memcpy(segs + c->npaid, grid, ngrid * sizeof *segs);
    shebao_person pe = *person;
    pe.plan = segs;
    pe.plan_count = c->npaid + ngrid;
    pe.backpay_years = c->bp_auto ? 0 : c->bp_years;
    pe.backpay_grade = c->bp_auto ? 0 : c->bp_grade;
    int rc = sb_resident_project(ctx, P, &pe, false, out);
    if (rc == SHEBAO_OK && c->bp_auto && !(*out)->eligible) {
        /* the fewest back-paid years: exactly the years missing (back payment may bring the total to min_years,
         * and the years required are never more) */
        pe.backpay_years = (*out)->years_missing;
        pe.backpay_grade = c->bp_auto;
        shebao_projection_free(*out);
        rc = sb_resident_project(ctx, P, &pe, false, out);
    }
    if (rc == SHEBAO_OK && advise && !(*out)->eligible)
        rc = sb_resident_advice(ctx, P, &pe, *out);
    if (rc != SHEBAO_OK) {
        shebao_projection_free(*out);
        *out = NULL;
    }
    free(segs);
    return rc;
}

/* ---- the path over grade tables --------------------------------------------------------------------------- */

/* The lowest (or highest) normal grade of table t; 0 when it has none. */
static int64_t end_grade(const sb_grade_table *t, bool highest)
{
    int64_t best = 0;
    for (size_t i = 0; t && i < t->n; i++)
        if (!t->g[i].daijiao && (!best || (highest ? t->g[i].grade > best : t->g[i].grade < best)))
            best = t->g[i].grade;
    return best;
}

/* c->path[h]: each year start..last at the lowest (h = 0) or highest (h = 1) normal grade in force, adjacent
 * years at the same grade in one segment. Left empty (no path) when one table covers every year, when the grades
 * were given, or when a table has no normal grade. */
int sb_compare_make_path(shebao_ctx *ctx, shebao_comparison *c, const sb_resident *rp,
                         const shebao_compare_options *opt)
{
    int last = c->start + c->years[c->ny - 1] - 1;
    if (opt->grade_count || sb_inforce_grades(rp, c->start) == sb_inforce_grades(rp, last))
        return SHEBAO_OK;
    for (int h = 0; h < 2; h++) {
        c->path[h] = calloc((size_t)(last - c->start + 1), sizeof *c->path[h]);
        if (!c->path[h])
            return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        size_t n = 0;
        for (int y = c->start; y <= last; y++) {
            int64_t g = end_grade(sb_inforce_grades(rp, y), h == 1);
            if (!g) {
                c->npath[0] = c->npath[1] = 0;
                return SHEBAO_OK;
            }
            if (n && c->path[h][n - 1].grade == g)
                c->path[h][n - 1].last_year = y;
            else
                c->path[h][n++] = (shebao_segment){y, y, g};
        }
        c->npath[h] = n;
    }
    return SHEBAO_OK;
}

/* The ends of the summary at each length: the path's plans cut at the length (projected here), or the cells of
 * the lowest and the highest grade (projected with advice by the grid). */
int sb_compare_project_ends(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *person,
                            shebao_comparison *c)
{
    if (!c->npath[0])
        return SHEBAO_OK;
    for (int h = 0; h < 2; h++) {
        c->ends[h] = calloc(c->ny, sizeof *c->ends[h]);
        if (!c->ends[h])
            return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        for (size_t j = 0; j < c->ny; j++) {
            int last = c->start + c->years[j] - 1;
            size_t n = 0;
            while (n < c->npath[h] && c->path[h][n].first_year <= last)
                n++;
            shebao_segment cut[n ? n : 1];
            memcpy(cut, c->path[h], n * sizeof *cut);
            if (cut[n - 1].last_year > last)
                cut[n - 1].last_year = last;
            TRY(sb_compare_project(ctx, P, person, c, cut, n, true, &c->ends[h][j]));
        }
    }
    return SHEBAO_OK;
}

void sb_compare_free_midway(shebao_comparison *c)
{
    for (int h = 0; h < 2; h++) {
        for (size_t j = 0; c->ends[h] && j < c->ny; j++)
            shebao_projection_free(c->ends[h][j]);
        free(c->ends[h]);
        free(c->path[h]);
    }
    free(c->paid);
}

const shebao_projection *shebao_comparison_end(const shebao_comparison *c, size_t j, int highest)
{
    if (!c || j >= c->ny)
        return NULL;
    int h = highest != 0;
    if (c->npath[0])
        return c->ends[h][j];
    return c->cells[(h ? c->ng - 1 : 0) * c->ny + j];
}

int shebao_comparison_path(const shebao_comparison *c, int highest, const shebao_segment **segs, size_t *n)
{
    if (!c || !segs || !n)
        return SHEBAO_EUSAGE;
    int h = highest != 0;
    *segs = c->npath[0] ? c->path[h] : NULL;
    *n = c->npath[0] ? c->npath[h] : 0;
    return c->npath[0] ? SHEBAO_OK : SHEBAO_NA;
}
