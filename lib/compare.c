/* Planning comparison: one person over grades × contribution lengths (多缴多得、长缴长得). Every cell is a full
 * shebao_project() run on the same policy and person, so its figures are those of `shebao project` to the fen;
 * this file only chooses the plans, and takes differences (lib/marginal.c) and the union of the assumptions. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "comparison.h"
#include "output.h"

/* ---- grade tables over the years of the plan -------------------------------------------------------------- */

static const sb_grade_table *table_for(const sb_resident *rp, int year)
{
    const sb_grade_table *t = NULL;
    for (size_t i = 0; i < rp->ntables; i++)
        if (SB_MONTH_YEAR(rp->tables[i].from) <= year)
            t = &rp->tables[i];
    return t;
}

static const sb_grade *grade_in(const sb_grade_table *t, int64_t g)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (t->g[i].grade == g)
            return &t->g[i];
    return NULL;
}

/* The grade tables in force over [first, last], each with the plan years it covers. */
typedef struct span {
    const sb_grade_table *t;
    int first, last;
} span;

static int spans_for(shebao_ctx *ctx, const sb_resident *rp, int first, int last, span *out, size_t *n)
{
    *n = 0;
    for (int y = first; y <= last; y++) {
        const sb_grade_table *t = table_for(rp, y);
        if (!t)
            return sb_fail(ctx, SHEBAO_EINPUT, "year %d: no grade table is in force (the first starts in %d)", y,
                           SB_MONTH_YEAR(rp->tables[0].from));
        if (*n && out[*n - 1].t == t) {
            out[*n - 1].last = y;
        } else {
            out[*n] = (span){t, y, y};
            (*n)++;
        }
    }
    return SHEBAO_OK;
}

/* Grades valid (and, unless daijiao_ok, not 代缴) in every table of the spans, as "a, b, c". */
static void common_list(const span *s, size_t ns, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t k = 0; k < s[0].t->n; k++) {
        int64_t g = s[0].t->g[k].grade;
        bool ok = true;
        for (size_t m = 0; m < ns && ok; m++)
            ok = grade_in(s[m].t, g) != NULL;
        if (!ok)
            continue;
        char t[SHEBAO_MONEY_BUFSZ];
        shebao_money_format(g, t, sizeof t);
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, "%s%s", len ? ", " : "", t);
    }
    if (!buf[0])
        snprintf(buf, size, "none");
}

/* ---- helpers ---------------------------------------------------------------------------------------------- */

static int cmp_fen(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Sorts v[0 .. n) (elements of size sz) by cmp and drops the repeats; returns how many are left. */
static size_t sort_unique(void *v, size_t n, size_t sz, int (*cmp)(const void *, const void *))
{
    char *e = v;
    size_t k = 0;
    qsort(v, n, sz, cmp);
    for (size_t i = 0; i < n; i++)
        if (k == 0 || cmp(e + (k - 1) * sz, e + i * sz) != 0)
            memmove(e + k++ * sz, e + i * sz, sz);
    return k;
}

void shebao_comparison_free(shebao_comparison *c)
{
    if (!c)
        return;
    size_t n = c->ng * c->ny;
    for (size_t k = 0; c->cells && k < n; k++)
        shebao_projection_free(c->cells[k]);
    for (size_t k = 0; c->next && k < n; k++)
        if (c->next_owned && c->next_owned[k])
            shebao_projection_free(c->next[k]);
    free(c->cells);
    free(c->next);
    free(c->next_owned);
    for (size_t k = 0; k < c->nex; k++)
        free(c->ex[k].reason);
    free(c->ex);
    free(c->marg);
    free(c->assumptions);
    free(c->grades);
    free(c->years);
    free(c->policy_id);
    free(c->policy_lineage);
    sb_compare_free_midway(c);
    free(c);
}

/* ---- choosing grades and lengths --------------------------------------------------------------------------- */

static int choose_years(shebao_ctx *ctx, shebao_comparison *c, const shebao_compare_options *opt)
{
    if (opt->years_count) {
        c->years = malloc(opt->years_count * sizeof *c->years);
        if (!c->years)
            return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        for (size_t i = 0; i < opt->years_count; i++) {
            int n = opt->years[i];
            if (n < 1)
                return sb_fail(ctx, SHEBAO_EINPUT, "years %d: a contribution length is at least 1 year", n);
            if (n > c->max_years)
                return sb_fail(ctx, SHEBAO_EINPUT,
                               "years %d: from %d at most %d year(s) can be paid (years %d-%d; the last payable "
                               "year is %d; pension from %s)", n, c->start, c->max_years, c->start,
                               c->start + c->max_years - 1, c->start + c->max_years - 1, c->claim);
            c->years[i] = n;
        }
        c->ny = sort_unique(c->years, opt->years_count, sizeof *c->years, cmp_int);
        return SHEBAO_OK;
    }
    /* 15, 20, 25, ... below the maximum, then the maximum (or the maximum alone when it is below 15) */
    size_t cap = (size_t)(c->max_years / 5 + 2);
    c->years = malloc(cap * sizeof *c->years);
    if (!c->years)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    for (int n = 15; n < c->max_years; n += 5)
        c->years[c->ny++] = n;
    c->years[c->ny++] = c->max_years;
    return SHEBAO_OK;
}

static int add_excluded(shebao_ctx *ctx, shebao_comparison *c, int64_t g, const span *s, bool daijiao)
{
    for (size_t k = 0; k < c->nex; k++)
        if (c->ex[k].grade == g)
            return SHEBAO_OK;
    sb_excluded *n = realloc(c->ex, (c->nex + 1) * sizeof *n);
    if (!n)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    c->ex = n;
    sb_excluded *x = &c->ex[c->nex];
    memset(x, 0, sizeof *x);
    x->grade = g;
    x->daijiao = daijiao;
    sb_month_format(s->t->from, x->table_from, sizeof x->table_from);
    x->first_year = s->first;
    x->last_year = s->last;
    char m[SHEBAO_MONEY_BUFSZ];
    shebao_money_format(g, m, sizeof m);
    if (daijiao)
        x->reason = sb_asprintf("%s is a 代缴 grade (paid by the government for difficult groups) in the grade table "
                                "from %s (plan years %d-%d)", m, x->table_from, s->first, s->last);
    else
        x->reason = sb_asprintf("%s is not in the grade table in force from %s (plan years %d-%d)", m, x->table_from,
                                s->first, s->last);
    if (!x->reason)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    c->nex++;
    return SHEBAO_OK;
}

static int cmp_excluded(const void *a, const void *b)
{
    return cmp_fen(&((const sb_excluded *)a)->grade, &((const sb_excluded *)b)->grade);
}

static int choose_grades(shebao_ctx *ctx, shebao_comparison *c, const sb_resident *rp,
                         const shebao_compare_options *opt)
{
    int last = c->start + c->years[c->ny - 1] - 1;
    span *s = malloc((rp->ntables ? rp->ntables : 1) * sizeof *s);
    if (!s)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    size_t ns = 0;
    int rc = spans_for(ctx, rp, c->start, last, s, &ns);
    if (rc == SHEBAO_OK && opt->grade_count) {
        c->grades = malloc(opt->grade_count * sizeof *c->grades);
        if (!c->grades)
            rc = sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        for (size_t i = 0; rc == SHEBAO_OK && i < opt->grade_count; i++) {
            int64_t g = opt->grades[i];
            for (size_t k = 0; rc == SHEBAO_OK && k < ns; k++) {
                if (grade_in(s[k].t, g))
                    continue;
                char m[SHEBAO_MONEY_BUFSZ], from[8], list[400];
                shebao_money_format(g, m, sizeof m);
                sb_month_format(s[k].t->from, from, sizeof from);
                common_list(s, ns, list, sizeof list);
                rc = sb_fail(ctx, SHEBAO_EINPUT,
                             "grade %s is not in the grade table in force from %s (plan years %d-%d); grades valid "
                             "in every year %d-%d: %s", m, from, s[k].first, s[k].last, c->start, last, list);
            }
            c->grades[i] = g;
        }
        if (rc == SHEBAO_OK) {
            c->ng = sort_unique(c->grades, opt->grade_count, sizeof *c->grades, cmp_fen);
        }
    } else if (rc == SHEBAO_OK) {
        c->grades = malloc(s[0].t->n * sizeof *c->grades);
        if (!c->grades)
            rc = sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        /* a grade is compared when every table of the plan lists it as a normal grade; else say why not */
        for (size_t k = 0; rc == SHEBAO_OK && k < ns; k++) {
            for (size_t q = 0; rc == SHEBAO_OK && q < s[k].t->n; q++) {
                int64_t g = s[k].t->g[q].grade;
                const span *why = NULL;
                bool daijiao = false;
                for (size_t m = 0; m < ns && !why; m++) {
                    const sb_grade *x = grade_in(s[m].t, g);
                    if (!x || x->daijiao) {
                        why = &s[m];
                        daijiao = x != NULL;
                    }
                }
                if (why)
                    rc = add_excluded(ctx, c, g, why, daijiao);
                else if (k == 0)
                    c->grades[c->ng++] = g; /* tables are strictly ascending: so is this list */
            }
        }
        if (rc == SHEBAO_OK && c->nex > 1)
            qsort(c->ex, c->nex, sizeof *c->ex, cmp_excluded);
        if (rc == SHEBAO_OK && c->ng == 0)
            rc = sb_fail(ctx, SHEBAO_EINPUT, "no normal grade is valid in every year %d-%d of the plan (%zu grade "
                         "table(s)): give the grades to compare", c->start, last, ns);
    }
    free(s);
    return rc;
}

/* ---- the comparison ---------------------------------------------------------------------------------------- */

static int add_assumptions(shebao_ctx *ctx, shebao_comparison *c, const shebao_projection *p)
{
    for (size_t i = 0; i < shebao_projection_assumption_count(p); i++) {
        shebao_param q;
        shebao_projection_assumption(p, i, &q);
        bool seen = false;
        for (size_t k = 0; k < c->nassumptions && !seen; k++)
            seen = strcmp(c->assumptions[k].path, q.path) == 0 && strcmp(c->assumptions[k].from, q.from) == 0 &&
                   strcmp(c->assumptions[k].value, q.value) == 0 && strcmp(c->assumptions[k].source, q.source) == 0;
        if (seen)
            continue;
        shebao_param *n = realloc(c->assumptions, (c->nassumptions + 1) * sizeof *n);
        if (!n)
            return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        c->assumptions = n;
        c->assumptions[c->nassumptions++] = q; /* the strings belong to the projection, which lives as long as c */
    }
    return SHEBAO_OK;
}

/* The plan: the years already paid, then `years` years at `grade` from the start (compare_path.c). */
static int project_plan(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *person,
                        const shebao_comparison *c, int years, int64_t grade, bool advise, shebao_projection **out)
{
    shebao_segment seg = {c->start, c->start + years - 1, grade};
    return sb_compare_project(ctx, P, person, c, &seg, 1, advise, out);
}

static int check_inputs(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe,
                        const shebao_compare_options *opt)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!P || !pe || !opt)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL policy, person or options");
    if (sb_check_version(ctx, "shebao_compare_options", opt->version, SHEBAO_COMPARE_OPTIONS_VERSION,
                         "SHEBAO_COMPARE_OPTIONS_INIT") != SHEBAO_OK ||
        sb_check_version(ctx, "shebao_person", pe->version, SHEBAO_PERSON_VERSION, "SHEBAO_PERSON_INIT") != SHEBAO_OK)
        return SHEBAO_EUSAGE;
    if ((opt->grade_count && !opt->grades) || (opt->years_count && !opt->years))
        return sb_fail(ctx, SHEBAO_EUSAGE, "options: NULL grades or years with a non-zero count");
    if (!P->rp.present)
        return sb_fail(ctx, SHEBAO_EPOLICY, "policy %s has no resident_pension section", P->id);
    if (pe->plan_count && !pe->plan)
        return sb_fail(ctx, SHEBAO_EUSAGE, "plan: NULL segments");
    TRY(sb_month_check_birth(ctx, pe->birth_year, pe->birth_month));
    sb_month claim = SB_MONTH_MAKE(pe->birth_year, pe->birth_month) + P->rp.claim_age * 12 + P->rp.offset_months;
    return sb_compare_midway_check(ctx, P, pe, opt, SB_MONTH_YEAR(claim));
}

/* The grid: one shebao_project() per cell (with its advice when not eligible), same policy, same person; the
 * path's plans; and the N + 1 plans of the year marginals, from the grid when it is there, else projected here. */
static int project_grid(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *person,
                        shebao_comparison *c)
{
    const sb_resident *rp = &P->rp;
    int rc = SHEBAO_OK;
    for (size_t i = 0; rc == SHEBAO_OK && i < c->ng; i++)
        for (size_t j = 0; rc == SHEBAO_OK && j < c->ny; j++)
            rc = project_plan(ctx, P, person, c, c->years[j], c->grades[i], true, &c->cells[i * c->ny + j]);
    if (rc == SHEBAO_OK)
        rc = sb_compare_project_ends(ctx, P, person, c);
    for (size_t i = 0; rc == SHEBAO_OK && i < c->ng; i++) {
        for (size_t j = 0; rc == SHEBAO_OK && j < c->ny; j++) {
            int years = c->years[j];
            if (years + 1 > c->max_years)
                continue;
            const sb_grade *g = grade_in(table_for(rp, c->start + years), c->grades[i]);
            if (!g || (g->daijiao && !sb_person_daijiao(person))) /* (a default grade is never 代缴 here) */
                continue;
            size_t k = i * c->ny + j;
            if (j + 1 < c->ny && c->years[j + 1] == years + 1) {
                c->next[k] = c->cells[k + 1];
            } else {
                rc = project_plan(ctx, P, person, c, years + 1, c->grades[i], false, &c->next[k]);
                c->next_owned[k] = rc == SHEBAO_OK;
            }
        }
    }
    return rc;
}

/* The union of the assumptions of every projection made. */
static int union_assumptions(shebao_ctx *ctx, shebao_comparison *c)
{
    int rc = SHEBAO_OK;
    size_t n = c->ng * c->ny;
    for (size_t k = 0; rc == SHEBAO_OK && k < n; k++)
        rc = add_assumptions(ctx, c, c->cells[k]);
    for (size_t k = 0; rc == SHEBAO_OK && k < n; k++)
        if (c->next_owned[k])
            rc = add_assumptions(ctx, c, c->next[k]);
    for (size_t k = 0; rc == SHEBAO_OK && c->npath[0] && k < 2 * c->ny; k++)
        rc = add_assumptions(ctx, c, c->ends[k / c->ny][k % c->ny]);
    return rc;
}

int shebao_compare(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *person,
                   const shebao_compare_options *opt, shebao_comparison **out)
{
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    *out = NULL;
    int rc = check_inputs(ctx, P, person, opt);
    if (rc != SHEBAO_OK)
        return rc;
    const sb_resident *rp = &P->rp;
    sb_month birth = SB_MONTH_MAKE(person->birth_year, person->birth_month);
    sb_month claim = birth + rp->claim_age * 12 + rp->offset_months;
    int yc = SB_MONTH_YEAR(claim), first_allowed = person->birth_year + 16;
    int last = sb_resident_last_payable(rp, person->birth_year, yc);
    char claim_text[8];
    sb_month_format(claim, claim_text, sizeof claim_text);
    if (opt->start_year < first_allowed)
        return sb_fail(ctx, SHEBAO_EINPUT, "start %d: before the person turns 16 (born %04d-%02d; first allowed year "
                       "%d)", opt->start_year, person->birth_year, person->birth_month, first_allowed);
    if (opt->start_year > last)
        return sb_fail(ctx, SHEBAO_EINPUT, "start %d: after the last payable year %d (born %04d-%02d; claim_age %d; "
                       "pension from %s)", opt->start_year, last, person->birth_year, person->birth_month,
                       rp->claim_age, claim_text);

    shebao_comparison *c = calloc(1, sizeof *c);
    if (!c)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    c->birth = birth;
    c->sex = person->sex;
    c->start = opt->start_year;
    /* a plan's years end at SB_YEAR_MAX (born 2140 or later: the last payable year is beyond it) */
    c->max_years = (last < SB_YEAR_MAX ? last : SB_YEAR_MAX) - opt->start_year + 1;
    memcpy(c->claim, claim_text, sizeof c->claim);
    c->policy_id = sb_strdup(P->id);
    c->policy_lineage = sb_strdup(P->lineage);
    if (!c->policy_id || !c->policy_lineage)
        rc = sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    if (rc == SHEBAO_OK)
        rc = sb_compare_keep_midway(ctx, c, person, opt);
    if (rc == SHEBAO_OK)
        rc = choose_years(ctx, c, opt);
    if (rc == SHEBAO_OK)
        rc = choose_grades(ctx, c, rp, opt);
    if (rc == SHEBAO_OK)
        rc = sb_compare_make_path(ctx, c, rp, opt);
    size_t n = c->ng * c->ny;
    if (rc == SHEBAO_OK) {
        c->cells = calloc(n, sizeof *c->cells);
        c->next = calloc(n, sizeof *c->next);
        c->next_owned = calloc(n, sizeof *c->next_owned);
        if (!c->cells || !c->next || !c->next_owned)
            rc = sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    }
    if (rc == SHEBAO_OK)
        rc = project_grid(ctx, P, person, c);
    if (rc == SHEBAO_OK)
        rc = union_assumptions(ctx, c);
    if (rc == SHEBAO_OK)
        rc = sb_compare_marginals(ctx, c);
    if (rc != SHEBAO_OK) {
        shebao_comparison_free(c);
        return rc;
    }
    *out = c;
    return sb_ok(ctx);
}

/* ---- getters ----------------------------------------------------------------------------------------------- */

size_t shebao_comparison_grade_count(const shebao_comparison *c) { return c ? c->ng : 0; }

shebao_fen shebao_comparison_grade(const shebao_comparison *c, size_t i) { return c && i < c->ng ? c->grades[i] : -1; }

size_t shebao_comparison_years_count(const shebao_comparison *c) { return c ? c->ny : 0; }

int shebao_comparison_years(const shebao_comparison *c, size_t j) { return c && j < c->ny ? c->years[j] : -1; }

int shebao_comparison_start_year(const shebao_comparison *c) { return c ? c->start : 0; }

int shebao_comparison_max_years(const shebao_comparison *c) { return c ? c->max_years : 0; }

const char *shebao_comparison_claim_month(const shebao_comparison *c) { return c ? c->claim : NULL; }

const shebao_projection *shebao_comparison_projection(const shebao_comparison *c, size_t i, size_t j)
{
    return c && i < c->ng && j < c->ny ? c->cells[i * c->ny + j] : NULL;
}

int shebao_comparison_cell(const shebao_comparison *c, size_t i, size_t j, shebao_compare_cell *out)
{
    if (!c || !out || i >= c->ng || j >= c->ny)
        return SHEBAO_EUSAGE;
    return sb_compare_cell(c->cells[i * c->ny + j], c->grades[i], c->years[j], out);
}

size_t shebao_comparison_excluded_count(const shebao_comparison *c) { return c ? c->nex : 0; }

int shebao_comparison_excluded(const shebao_comparison *c, size_t i, shebao_compare_excluded *out)
{
    if (!c || !out || i >= c->nex)
        return SHEBAO_EUSAGE;
    const sb_excluded *x = &c->ex[i];
    memset(out, 0, sizeof *out);
    out->grade = x->grade;
    out->daijiao = x->daijiao;
    memcpy(out->table_from, x->table_from, sizeof out->table_from);
    out->first_year = x->first_year;
    out->last_year = x->last_year;
    out->reason = x->reason;
    return SHEBAO_OK;
}

size_t shebao_comparison_assumption_count(const shebao_comparison *c) { return c ? c->nassumptions : 0; }

int shebao_comparison_assumption(const shebao_comparison *c, size_t i, shebao_param *out)
{
    if (!c || !out || i >= c->nassumptions)
        return SHEBAO_EUSAGE;
    *out = c->assumptions[i];
    return SHEBAO_OK;
}

