/**
 * @file shebao/employee.h
 * @brief The employee pension (城镇职工基本养老保险) and the retirement-age reform. Included by shebao.h; do not
 * include it directly.
 */
#ifndef SHEBAO_EMPLOYEE_H
#define SHEBAO_EMPLOYEE_H

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup employee Employee pension (城镇职工基本养老保险)
 *  The statutory retirement month under the 2025 reform (渐进式延迟法定退休年龄), and the monthly pension of a
 *  benefit form (核定表) from the form's own inputs. Every parameter comes from the policy section
 *  `employee_pension` (docs/policy-format.md); the rules and their sources are in docs/employee-pension.md.
 *  @{ */

/** The categories of the retirement-age reform, by original statutory age. */
typedef enum shebao_retire_category {
    SHEBAO_RETIRE_MALE = 0,     /**< `male`: men, original age 60 */
    SHEBAO_RETIRE_FEMALE55 = 1, /**< `female55`: women of original age 55 (管理和技术岗位) */
    SHEBAO_RETIRE_FEMALE50 = 2  /**< `female50`: women of original age 50 (workers) */
} shebao_retire_category;

/** The data-format name of a category ("male", "female55", "female50"); NULL when out of range. */
const char *shebao_retire_category_name(shebao_retire_category category);
/** The category of a data-format name. #SHEBAO_OK, #SHEBAO_EUSAGE for a NULL out, #SHEBAO_EINPUT for an unknown
 *  or NULL name. */
int shebao_retire_category_from_name(const char *name, shebao_retire_category *out);

/** Version of ::shebao_retirement. */
#define SHEBAO_RETIREMENT_VERSION 1

/** A person's statutory retirement. Initialise with #SHEBAO_RETIREMENT_INIT. Months are a year and a month. */
typedef struct shebao_retirement {
    unsigned version;                 /**< #SHEBAO_RETIREMENT_VERSION */
    int year, month;                  /**< the statutory retirement month (the age is reached in it) */
    int age_years, age_months;        /**< the statutory age */
    int delay_months;                 /**< months beyond the original age */
    int earliest_year, earliest_month; /**< the earliest elastic retirement (never before the original age) */
    int latest_year, latest_month;    /**< the latest elastic retirement */
    int min_months;                   /**< minimum contribution for the statutory month, in months (180 = 15 years) */
} shebao_retirement;

/** Initialiser of ::shebao_retirement. */
#define SHEBAO_RETIREMENT_INIT { SHEBAO_RETIREMENT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/**
 * The statutory retirement of a person born in birth_year-birth_month, of a category, under the policy's
 * `employee_pension.retirement_age` and `min_contribution`.
 * @return #SHEBAO_OK; #SHEBAO_EUSAGE (a NULL argument, a bad out->version, a category out of range);
 *         #SHEBAO_EINPUT (a birth month out of range, a policy without `employee_pension`).
 */
int shebao_retire_compute(shebao_ctx *ctx, const shebao_policy *policy, int birth_year, int birth_month,
                          shebao_retire_category category, shebao_retirement *out);

/** The JSON document of a retirement (`shebao retire --format json`): retirement_month, age_years, age_months,
 *  delay_months, earliest_month, latest_month, min_years (a decimal string). Text to shebao_free().
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (NULL), #SHEBAO_ENOMEM. */
int shebao_retire_to_json(const shebao_retirement *r, char **out);

/** Version of ::shebao_employee_form. */
#define SHEBAO_EMPLOYEE_FORM_VERSION 1

/** The inputs of a benefit form (核定表). Initialise with #SHEBAO_EMPLOYEE_FORM_INIT, then set the members. */
typedef struct shebao_employee_form {
    unsigned version;                 /**< #SHEBAO_EMPLOYEE_FORM_VERSION */
    int birth_year, birth_month;      /**< month of birth */
    shebao_retire_category category;  /**< the reform's category */
    int retire_year, retire_month;    /**< the month of retirement (within the elastic window) */
    const char *years_paid;           /**< N, contribution years with deemed years, a decimal ("42.83") */
    const char *index;                /**< Z, the average contribution index, a decimal ("0.7219") */
    shebao_fen account;               /**< the individual account at retirement */
    const char *transition_years;     /**< years before the account (过渡性养老金), a decimal; NULL: none */
    const char *transition_index;     /**< their index; NULL: none (given together with transition_years) */
} shebao_employee_form;

/** Initialiser of ::shebao_employee_form. */
#define SHEBAO_EMPLOYEE_FORM_INIT { SHEBAO_EMPLOYEE_FORM_VERSION, 0, 0, SHEBAO_RETIRE_MALE, 0, 0, NULL, NULL, 0, NULL, NULL }

/** Room for the parameters a claim uses (::shebao_employee_pension.used). */
#define SHEBAO_EMPLOYEE_USED_MAX 32

/** Version of ::shebao_employee_pension. */
#define SHEBAO_EMPLOYEE_PENSION_VERSION 1

/** The monthly pension of a benefit form. Initialise with #SHEBAO_EMPLOYEE_PENSION_INIT. A component that does not
 *  apply has its has_ flag 0 and the amount 0. */
typedef struct shebao_employee_pension {
    unsigned version;                 /**< #SHEBAO_EMPLOYEE_PENSION_VERSION */
    int age_years, age_months;        /**< age at retirement */
    int base_year;                    /**< the retirement year whose benefit base (计发基数) was used */
    int provisional;                  /**< 1 when that is an earlier year (the year's base was not yet published) */
    shebao_fen benefit_base;          /**< C, the benefit base */
    char years[16];                   /**< N as used (rounded to the policy's decimals) */
    char divisor[16];                 /**< the account divisor (计发月数), "139" or "138.4" */
    int min_months;                   /**< minimum contribution for the retirement, in months */
    int eligible;                     /**< 1 when N reaches the minimum: the amounts below are set */
    shebao_fen basic_pension;         /**< 基础养老金 C·(1+Z)/2·N·1 % */
    shebao_fen account_pension;       /**< 个人账户养老金 account ÷ divisor */
    int has_transition_pension;
    shebao_fen transition_pension;    /**< 过渡性养老金 C·Zt·Nt·coefficient */
    int has_transition_adjustment;
    shebao_fen transition_adjustment; /**< 过渡调节金 fixed + Z·N·per_index_year */
    int has_pension_subsidy;
    shebao_fen pension_subsidy;       /**< 基本养老金补贴 */
    shebao_fen sum;                   /**< the components added */
    shebao_fen monthly_total;         /**< the sum rounded by the policy's total_rounding */
    unsigned nused;                   /**< the policy parameters the claim used: their count ... */
    unsigned used[SHEBAO_EMPLOYEE_USED_MAX]; /**< ... and indices (shebao_policy_param()), in the policy's order */
} shebao_employee_pension;

/** Initialiser of ::shebao_employee_pension. */
#define SHEBAO_EMPLOYEE_PENSION_INIT { SHEBAO_EMPLOYEE_PENSION_VERSION, 0, 0, 0, 0, 0, "", "", 0, 0, 0, 0, 0, 0, \
                                       0, 0, 0, 0, 0, 0, 0, {0} }

/**
 * The monthly pension of a benefit form under the policy's `employee_pension` section.
 * @return #SHEBAO_OK; #SHEBAO_EUSAGE (a NULL argument, a bad version); #SHEBAO_EINPUT naming the member (a bad
 *         decimal, a retirement outside the elastic window or an age outside the divisor table, a transition
 *         given half or under a policy without a transition pension, no benefit base for the year).
 */
int shebao_employee_claim(shebao_ctx *ctx, const shebao_policy *policy, const shebao_employee_form *form,
                          shebao_employee_pension *out);

/** Number of assumptions of a claim: the policy values with a status other than `official` that it used (the
 *  Zhejiang benefit base, divisor, roundings and extras are secondary or inferred). 0 for a NULL argument. */
size_t shebao_employee_pension_assumption_count(const shebao_policy *policy, const shebao_employee_pension *p);
/** Assumption i (below shebao_employee_pension_assumption_count()), pointers owned by the policy.
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL argument, i out of range). */
int shebao_employee_pension_assumption(const shebao_policy *policy, const shebao_employee_pension *p, size_t i,
                                       shebao_param *out);

/** The JSON document of a claim (`shebao employee --format json`): {"policy", "retirement_month", "benefit_base",
 *  …, "claim": {basic_pension, account_pension, transition_pension, transition_adjustment, pension_subsidy,
 *  monthly_total, divisor}, "assumptions": [...]}; a component that does not apply is null; the assumptions as in
 *  shebao_projection_to_json(). Text to shebao_free().
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (NULL), #SHEBAO_ENOMEM. */
int shebao_employee_pension_to_json(const shebao_policy *policy, const shebao_employee_form *form,
                                    const shebao_employee_pension *p, char **out);

/** @} */

#ifdef __cplusplus
}
#endif

#endif
