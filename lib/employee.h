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

/* The benefit base in force for a retirement in month ret: the latest year up to ret's whose figure was published
 * by ret (NULL: none). */
const sb_year_value *sb_employee_base(const sb_employee *ep, sb_month ret);
/* The largest benefit base a form may give, in fen (a million yuan a month). */
#define SB_EMPLOYEE_BASE_MAX INT64_C(100000000)
/* The largest average index Z a form or the years before a plan may give: 3, the 300 % ceiling, and a little more,
 * because a published ceiling rounded up to the yuan is a little above 3 × the average wage (2022: 22311 ÷ (89240 ÷
 * 12) = 3.00013), so that a month paid at the ceiling has an index of 3.0001 and a plan paid there throughout a Z
 * above 3. */
#define SB_EMPLOYEE_INDEX_MAX ((sb_dec){301, 2})
/* The most years of contribution a form may give. */
#define SB_EMPLOYEE_YEARS_MAX ((sb_dec){80, 0})

/* The "claim" object of a claim's JSON (employee_json.c); the jansson type is opaque here. */
struct json_t;
struct json_t *sb_employee_claim_json(const shebao_employee_pension *p);

#endif
