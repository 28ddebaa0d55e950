/* Internal: the comparison result (not installed). */
#ifndef SHEBAO_COMPARISON_INTERNAL_H
#define SHEBAO_COMPARISON_INTERNAL_H

#include "resident.h" /* the projection of each cell */

typedef struct sb_excluded {
    int64_t grade;
    bool daijiao;
    char table_from[8];
    int first_year, last_year;
    char *reason;
} sb_excluded;

struct shebao_comparison {
    char *policy_id, *policy_lineage;
    sb_month birth;
    shebao_sex sex;
    int start, max_years;
    char claim[8];
    int64_t *grades; /* ascending */
    size_t ng;
    int *years;      /* ascending */
    size_t ny;
    shebao_projection **cells; /* ng × ny, cell (i, j) at i * ny + j */
    shebao_projection **next;  /* the same grade one year longer (NULL: none), for the year marginals */
    bool *next_owned;          /* next[k] was projected for it (else it is a cell of the grid) */
    shebao_compare_delta *marg;
    size_t nmarg;
    sb_excluded *ex;
    size_t nex;
    shebao_param *assumptions; /* pointers into the projections */
    size_t nassumptions;
    /* a person midway (compare_path.c): the years already paid, the back payment (fixed, or automatic at bp_auto) */
    shebao_segment *paid;
    size_t npaid;
    int bp_years;
    int64_t bp_grade, bp_auto;
    /* the path over grade tables, lowest [0] and highest [1] (npath 0: none), and its plans at each length */
    shebao_segment *path[2];
    size_t npath[2];
    shebao_projection **ends[2];
};

/* The figures of one cell, read from its projection (marginal.c). */
int sb_compare_cell(const shebao_projection *p, int64_t grade, int years, shebao_compare_cell *out);
/* Fill c->marg: one grade up, then one year longer (marginal.c). */
int sb_compare_marginals(shebao_ctx *ctx, shebao_comparison *c);

/* compare_path.c: the years already paid and the back payment checked, and kept in c; one plan (the years
 * already paid, then grid) projected with the back payment, and with the advice when it is not eligible and
 * advise; the path over grade tables and its plans; freeing what they made. */
int sb_compare_midway_check(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe,
                            const shebao_compare_options *opt, int claim_year);
int sb_compare_keep_midway(shebao_ctx *ctx, shebao_comparison *c, const shebao_person *pe,
                           const shebao_compare_options *opt);
int sb_compare_project(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *person,
                       const shebao_comparison *c, const shebao_segment *grid, size_t ngrid, bool advise,
                       shebao_projection **out);
int sb_compare_make_path(shebao_ctx *ctx, shebao_comparison *c, const sb_resident *rp,
                         const shebao_compare_options *opt);
int sb_compare_project_ends(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *person,
                            shebao_comparison *c);
void sb_compare_free_midway(shebao_comparison *c);

#endif
