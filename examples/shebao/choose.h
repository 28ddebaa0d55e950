/* shebao choose: the same person in the resident scheme (every grade, compare's cells) and in the employee scheme as
 * a flexible worker (60 %–300 % of the average wage, employee --plan), side by side. */
#ifndef SHEBAO_CHOOSE_H
#define SHEBAO_CHOOSE_H

#include <jansson.h>

#include "cli.h"

#define CHOOSE_SHARES 5

/* One employee plan of the choice. */
typedef struct choose_plan {
    const char *share;    /* "0.60" */
    char plan[64];        /* the plan given to employee --plan: "2025-2044:60%" */
    shebao_employee_plan *pl;
} choose_plan;

/* What choose computed: the comparison at the longest length, and the employee plans. */
typedef struct choose_result {
    const shebao_policy *pol;
    const char *birth, *category;
    bool category_assumed;
    int start;
    shebao_comparison *cmp;
    size_t col;           /* compare's column of the longest length */
    choose_plan emp[CHOOSE_SHARES];
    shebao_retirement ret;
    int said;             /* the exit code of a refusal whose message choose wrote (CHOOSE_SAID), 0: input */
} choose_result;

/* The JSON document (choose_json.c): {"resident": [compare's cells], "employee": [...], ...}. NULL: no memory. */
json_t *choose_json(const choose_result *r);
/* The sentence of each scheme, Chinese then English (choose_json.c), into buf. */
void choose_sentence_resident(const choose_result *r, char *buf, size_t size);
void choose_sentence_employee(const choose_result *r, char *buf, size_t size);
/* The chart (choose_chart.c), written to path only when complete: the exit code. */
int choose_chart(const choose_result *r, const char *path);
/* The rule when the employee minimum is not reached: one line. */
extern const char choose_minimum_rule[];

#endif
