/* The employee pension inside the library: the retirement rule shared by retire.c and employee_claim.c. Internal
 * (not installed). */
#ifndef SHEBAO_EMPLOYEE_INTERNAL_H
#define SHEBAO_EMPLOYEE_INTERNAL_H

#include "internal.h"

/* A person's statutory retirement under the policy's rules, in months (sb_month): the month of birth, the
 * statutory month, the delay, the elastic window. */
typedef struct sb_retire {
    sb_month birth, statutory, earliest, latest;
    int delay, age; /* age: the statutory age in months */
} sb_retire;

/* The statutory retirement of a birth month (checked) and category (checked): SHEBAO_OK, or SHEBAO_EUSAGE /
 * SHEBAO_EINPUT with a message (a policy without employee_pension, a birth out of range). */
int sb_retire_find(shebao_ctx *ctx, const shebao_policy *P, int birth_year, int birth_month,
                   shebao_retire_category category, sb_retire *out);
/* The minimum contribution in months of a retirement in `year` (min_contribution). */
int sb_retire_min_months(const sb_employee *ep, int year);
/* Months as years, to 2 decimals without trailing zeros ("15", "15.5"), into buf (>= 16 bytes). */
void sb_retire_years_text(int months, char *buf, size_t size);

#endif
