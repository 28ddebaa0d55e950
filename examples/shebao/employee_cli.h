/* shebao employee: its options, shared by the form (cmd_employee.c) and the plan (cmd_employee_plan.c). */
#ifndef SHEBAO_EMPLOYEE_CLI_H
#define SHEBAO_EMPLOYEE_CLI_H

#include "cli.h"
#include "cli_words.h"

typedef struct employee_opts {
    const char *file, *region, *format, *category, *years, *index, *tyears, *tindex, *plan, *paid, *growth, *discount;
    cli_month birth, retire;
    shebao_fen account, base;
    bool explain;
} employee_opts;

/* `employee --plan`: a flexible worker's plan. The exit code. */
int cmd_employee_plan(shebao_ctx *ctx, const employee_opts *o);

/* The claim's lines of the table: who, C, N, Z, the divisor and the components (or why not eligible). */
void employee_claim_out(const shebao_employee_form *f, const shebao_employee_pension *p);

#endif
