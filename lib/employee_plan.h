/* Internal: a flexible worker's plan (employee_plan*.c, employee_life.c). Not installed. */
#ifndef SHEBAO_EMPLOYEE_PLAN_INTERNAL_H
#define SHEBAO_EMPLOYEE_PLAN_INTERNAL_H

#include "employee.h"
#include "lifetime.h"
#include "provenance.h"

/* One segment of a plan: the years first..last at a share of the average wage or at an amount a month. */
typedef struct sb_eplan_segment {
    int first, last;
    bool share;
    sb_dec value; /* the share as a rate (1.00 = 100 %), or the amount in yuan */
} sb_eplan_segment;

struct shebao_employee_plan {
    char *policy_id, *policy_lineage;
    sb_month birth, ret;
    shebao_employee_form form; /* years_paid and index point into the texts below */
    char years[48], index[48];
    shebao_employee_pension claim;
    shebao_employee_plan_figures fig;
    shebao_employee_plan_row *rows;
    size_t nrows;
    sb_flow *flows; /* the monthly payments */
    size_t nflows;
    sb_dec discount;
    sb_prov_used used;
    sb_prov_list assumptions;
    sb_trail explain;
};

/* A line of the explanation when it is kept (SB_SAY, internal.h: in English, and in Chinese too in a Chinese
 * context). */
#define SB_EPLAN_SAY(pl, ...) SB_SAY(&(pl)->explain, __VA_ARGS__)
static inline const char *sb_eplan_money(char *buf, shebao_fen fen)
{
    shebao_money_format(fen, buf, SHEBAO_MONEY_BUFSZ);
    return buf;
}
#define SB_EPLAN_MONEY(fen) sb_eplan_money((char[SHEBAO_MONEY_BUFSZ]){0}, (fen))

/* Read a plan's text into at most `cap` segments (employee_plan_parse.c): SHEBAO_OK or SHEBAO_EINPUT naming the
 * segment. */
int sb_eplan_parse(shebao_ctx *ctx, const char *text, sb_eplan_segment *seg, size_t cap, size_t *n);
#define SB_EPLAN_SEGMENTS_MAX 64

/* The lifetime figures of the plan's claim (employee_life.c): break-even, EPV, money's worth, IRR, inheritance. */
int sb_eplan_life(shebao_ctx *ctx, shebao_employee_plan *pl, shebao_retire_category category);

#endif
