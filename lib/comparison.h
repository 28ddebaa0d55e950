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
};

/* The figures of one cell, read from its projection (marginal.c). */
int sb_compare_cell(const shebao_projection *p, int64_t grade, int years, shebao_compare_cell *out);
/* Fill c->marg: one grade up, then one year longer (marginal.c). */
int sb_compare_marginals(shebao_ctx *ctx, shebao_comparison *c);

#endif
