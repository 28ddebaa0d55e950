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

/** The data-format name of a category.
 *  @param category the category.
 *  @return "male", "female55" or "female50"; NULL when out of range. */
const char *shebao_retire_category_name(shebao_retire_category category);
/** The category of a data-format name.
 *  @param name "male", "female55" or "female50".
 *  @param[out] out the category.
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE for a NULL out, #SHEBAO_EINPUT for an unknown or NULL name. */
int shebao_retire_category_from_name(const char *name, shebao_retire_category *out);

/** Version of ::shebao_retirement. */
#define SHEBAO_RETIREMENT_VERSION 1

/** A person's statutory retirement. Initialise with #SHEBAO_RETIREMENT_INIT. Months are a year and a month. */
typedef struct shebao_retirement {
    unsigned version;                 /**< #SHEBAO_RETIREMENT_VERSION */
    int year;                         /**< the statutory retirement month's year (the age is reached in it) */
    int month;                        /**< and its month, 1–12 */
    int age_years;                    /**< the statutory age: whole years */
    int age_months;                   /**< and months beyond them */
    int delay_months;                 /**< months beyond the original age */
    int earliest_year;                /**< the earliest elastic retirement (never before the original age): year */
    int earliest_month;               /**< and month */
    int latest_year;                  /**< the latest elastic retirement: year */
    int latest_month;                 /**< and month */
    int min_months;                   /**< minimum contribution for the statutory month, in months (180 = 15 years) */
} shebao_retirement;

/** Initialiser of ::shebao_retirement. */
#define SHEBAO_RETIREMENT_INIT { SHEBAO_RETIREMENT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/**
 * The statutory retirement of a person born in birth_year-birth_month, of a category, under the policy's
 * `employee_pension.retirement_age` and `min_contribution`.
 * @param ctx context (error message).
 * @param policy a policy with an `employee_pension` section.
 * @param birth_year year of birth.
 * @param birth_month month of birth, 1–12.
 * @param category the reform's category.
 * @param[out] out the retirement (its version set by #SHEBAO_RETIREMENT_INIT).
 * @return #SHEBAO_OK; #SHEBAO_EUSAGE (a NULL argument, a bad out->version, a category out of range);
 *         #SHEBAO_EINPUT (a birth month out of range, a policy without `employee_pension`).
 */
int shebao_retire_compute(shebao_ctx *ctx, const shebao_policy *policy, int birth_year, int birth_month,
                          shebao_retire_category category, shebao_retirement *out);

/** The JSON document of a retirement (`shebao retire --format json`): retirement_month, age_years, age_months,
 *  delay_months, earliest_month, latest_month, min_years (a decimal string).
 *  @param r the retirement.
 *  @param[out] out the text, to shebao_free().
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (NULL), #SHEBAO_ENOMEM. */
int shebao_retire_to_json(const shebao_retirement *r, char **out);

/** Version of ::shebao_employee_form (2: benefit_base). */
#define SHEBAO_EMPLOYEE_FORM_VERSION 2

/** The inputs of a benefit form (核定表). Initialise with #SHEBAO_EMPLOYEE_FORM_INIT, then set the members. */
typedef struct shebao_employee_form {
    unsigned version;                 /**< #SHEBAO_EMPLOYEE_FORM_VERSION */
    int birth_year;                   /**< year of birth */
    int birth_month;                  /**< month of birth, 1–12 */
    shebao_retire_category category;  /**< the reform's category */
    int retire_year;                  /**< the month of retirement (within the elastic window): year */
    int retire_month;                 /**< and month */
    const char *years_paid;           /**< N, contribution years with deemed years, a decimal ("42.83") */
    const char *index;                /**< Z, the average contribution index, a decimal ("0.7219") */
    shebao_fen account;               /**< the individual account at retirement */
    const char *transition_years;     /**< years before the account (过渡性养老金), a decimal; NULL: none */
    const char *transition_index;     /**< their index; NULL: none (given together with transition_years) */
    shebao_fen benefit_base;          /**< (version 2) C given (a projected 计发基数, as a plan uses beyond the
                                           policy's years); #SHEBAO_UNSET: the policy's */
} shebao_employee_form;

/** Initialiser of ::shebao_employee_form. */
#define SHEBAO_EMPLOYEE_FORM_INIT { SHEBAO_EMPLOYEE_FORM_VERSION, 0, 0, SHEBAO_RETIRE_MALE, 0, 0, NULL, NULL, 0, NULL, \
                                    NULL, SHEBAO_UNSET }

/** Room for the parameters a claim uses (::shebao_employee_pension.used). */
#define SHEBAO_EMPLOYEE_USED_MAX 32

/** Version of ::shebao_employee_pension. */
#define SHEBAO_EMPLOYEE_PENSION_VERSION 1

/** The monthly pension of a benefit form. Initialise with #SHEBAO_EMPLOYEE_PENSION_INIT. A component that does not
 *  apply has its has_ flag 0 and the amount 0. */
typedef struct shebao_employee_pension {
    unsigned version;                 /**< #SHEBAO_EMPLOYEE_PENSION_VERSION */
    int age_years;                    /**< age at retirement: whole years */
    int age_months;                   /**< and months beyond them */
    int base_year;                    /**< the retirement year whose benefit base (计发基数) was used */
    int provisional;                  /**< 1 when that is an earlier year (the year's base was not yet published) */
    shebao_fen benefit_base;          /**< C, the benefit base */
    char years[16];                   /**< N as used (rounded to the policy's decimals) */
    char divisor[16];                 /**< the account divisor (计发月数), "139" or "138.4" */
    int min_months;                   /**< minimum contribution for the retirement, in months */
    int eligible;                     /**< 1 when N reaches the minimum: the amounts below are set */
    shebao_fen basic_pension;         /**< 基础养老金 C·(1+Z)/2·N·1 % */
    shebao_fen account_pension;       /**< 个人账户养老金 account ÷ divisor */
    int has_transition_pension;       /**< 1 when the transition pension applies */
    shebao_fen transition_pension;    /**< 过渡性养老金 C·Zt·Nt·coefficient */
    int has_transition_adjustment;    /**< 1 when the policy has a 过渡调节金 */
    shebao_fen transition_adjustment; /**< 过渡调节金 fixed + Z·N·per_index_year */
    int has_pension_subsidy;          /**< 1 when a 基本养老金补贴 is in force */
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
 * @param ctx context (error message).
 * @param policy a policy with an `employee_pension` section.
 * @param form the form's inputs.
 * @param[out] out the pension (its version set by #SHEBAO_EMPLOYEE_PENSION_INIT).
 */
int shebao_employee_claim(shebao_ctx *ctx, const shebao_policy *policy, const shebao_employee_form *form,
                          shebao_employee_pension *out);

/** Number of assumptions of a claim: the policy values with a status other than `official` that it used (the
 *  Zhejiang benefit base, divisor, roundings and extras are secondary or inferred).
 *  @param policy the policy of the claim.
 *  @param p the claim.
 *  @return the count; 0 for a NULL argument. */
size_t shebao_employee_pension_assumption_count(const shebao_policy *policy, const shebao_employee_pension *p);
/** Assumption i (below shebao_employee_pension_assumption_count()), pointers owned by the policy.
 *  @param policy the policy of the claim.
 *  @param p the claim.
 *  @param i the index.
 *  @param[out] out the assumption.
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL argument, i out of range). */
int shebao_employee_pension_assumption(const shebao_policy *policy, const shebao_employee_pension *p, size_t i,
                                       shebao_param *out);

/** The JSON document of a claim (`shebao employee --format json`): {"policy", "retirement_month", "benefit_base",
 *  …, "claim": {basic_pension, account_pension, transition_pension, transition_adjustment, pension_subsidy,
 *  monthly_total, divisor}, "assumptions": [...]}; a component that does not apply is null; the assumptions as in
 *  shebao_projection_to_json().
 *  @param policy the policy of the claim.
 *  @param form the form's inputs.
 *  @param p the claim.
 *  @param[out] out the text, to shebao_free().
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (NULL), #SHEBAO_ENOMEM. */
int shebao_employee_pension_to_json(const shebao_policy *policy, const shebao_employee_form *form,
                                    const shebao_employee_pension *p, char **out);

/* ---- a flexible worker's plan (灵活就业) ------------------------------------------------------------------ */

/** Version of ::shebao_employee_plan_input. */
#define SHEBAO_EMPLOYEE_PLAN_INPUT_VERSION 1

/** A flexible worker's contribution plan. Initialise with #SHEBAO_EMPLOYEE_PLAN_INPUT_INIT, then set the members. */
typedef struct shebao_employee_plan_input {
    unsigned version;                 /**< #SHEBAO_EMPLOYEE_PLAN_INPUT_VERSION */
    int birth_year;                   /**< year of birth */
    int birth_month;                  /**< month of birth, 1–12 */
    shebao_retire_category category;  /**< the reform's category */
    const char *plan;                 /**< "2022-2040:100%,2041-2045:60%": years at a share of the average wage
                                           (60 %–300 %), or at an amount a month ("2022-2030:5000", clamped to the
                                           year's band) */
    const char *years_paid;           /**< years already paid before the plan, a decimal; NULL: none */
    const char *index;                /**< their average index; NULL: none (given together with years_paid) */
    int retire_year;                  /**< the month of retirement: year; 0 (with retire_month 0): the statutory month */
    int retire_month;                 /**< and month */
    const char *wage_growth;          /**< yearly growth of the average wage after the policy's last year; NULL:
                                           "0.03" (an assumption, listed as run.wage_growth) */
    const char *discount;             /**< yearly discount rate of the present values; NULL: "0.025" */
    int explain;                      /**< 1: keep the explanation (shebao_employee_plan_explain()) */
} shebao_employee_plan_input;

/** Initialiser of ::shebao_employee_plan_input. */
#define SHEBAO_EMPLOYEE_PLAN_INPUT_INIT { SHEBAO_EMPLOYEE_PLAN_INPUT_VERSION, 0, 0, SHEBAO_RETIRE_MALE, NULL, NULL, \
                                          NULL, 0, 0, NULL, NULL, 0 }

/** A computed plan: its ledger, the benefit form it implies, the claim and the lifetime figures (opaque). */
typedef struct shebao_employee_plan shebao_employee_plan;

/**
 * A flexible worker's plan (docs/employee-pension.md §5): the contributions, the account ledger with the
 * crediting rates (记账利率), N and Z, the benefit form they imply and its claim (shebao_employee_claim()), and the
 * lifetime figures (break-even, EPV, money's worth, IRR, inheritable balance) as the resident projection computes
 * them. Free with shebao_employee_plan_free().
 * @return #SHEBAO_OK; #SHEBAO_EUSAGE (a NULL argument, a bad version); #SHEBAO_EINPUT naming what (a bad plan, a
 *         share outside 60 %–300 %, a year without a band, wage or crediting rate, a year after the retirement,
 *         the errors of shebao_employee_claim()); #SHEBAO_ENOMEM; #SHEBAO_ECOMPUTE.
 * @param ctx context (error message; MPFR precision).
 * @param policy a policy with an `employee_pension` section.
 * @param in the plan and the person.
 * @param[out] out the plan, owned by the caller; NULL when the call fails.
 */
int shebao_employee_plan_compute(shebao_ctx *ctx, const shebao_policy *policy, const shebao_employee_plan_input *in,
                                 shebao_employee_plan **out);
/** Free a plan.
 *  @param plan the plan (NULL is fine). */
void shebao_employee_plan_free(shebao_employee_plan *plan);

/** The benefit form the plan implies (retirement month, N, Z, account, benefit base): shebao_employee_claim() of it
 *  gives shebao_employee_plan_claim().
 *  @param plan the plan.
 *  @return the form, owned by the plan; NULL for NULL. */
const shebao_employee_form *shebao_employee_plan_form(const shebao_employee_plan *plan);
/** The claim of that form.
 *  @param plan the plan.
 *  @return the claim, owned by the plan; NULL for NULL. */
const shebao_employee_pension *shebao_employee_plan_claim(const shebao_employee_plan *plan);

/** Version of ::shebao_employee_plan_figures. */
#define SHEBAO_EMPLOYEE_PLAN_FIGURES_VERSION 1

/** The plan's totals and lifetime figures. Initialise with #SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT. */
typedef struct shebao_employee_plan_figures {
    unsigned version;                 /**< #SHEBAO_EMPLOYEE_PLAN_FIGURES_VERSION */
    int months;                       /**< months paid in the plan */
    shebao_fen personal_total;        /**< everything the person paid in the plan */
    shebao_fen account;               /**< the account at the retirement month */
    int benefit_base_projected;       /**< 1: C is the average wage of the year before, projected (÷ 12, yuan) */
    int has_breakeven;                /**< the figures below need an eligible claim */
    int breakeven_months;             /**< smallest m with m × monthly_total >= personal_total */
    int breakeven_year;               /**< the month of the m-th payment: year */
    int breakeven_month;              /**< and month */
    int breakeven_age_years;          /**< the age in that month: whole years */
    int breakeven_age_months;         /**< and months beyond them */
    int has_epv;                      /**< EPV, PV of contributions and inheritance set */
    shebao_fen epv_benefits;          /**< expected present value of the pension at the retirement month */
    shebao_fen pv_contributions;      /**< the payments accumulated to the retirement month */
    shebao_fen expected_inheritable_balance; /**< expected account left to the heirs, discounted */
    int has_ratio;                    /**< moneys_worth_ratio is set */
    char moneys_worth_ratio[48];      /**< EPV / PV of contributions, 4 decimals */
    int has_irr;                      /**< irr is set */
    char irr[48];                     /**< internal rate of return, 6 decimals */
    char wage_growth[48];             /**< the wage growth assumed after the policy's last average */
    char discount[48];                /**< the discount rate */
} shebao_employee_plan_figures;

/** Initialiser of ::shebao_employee_plan_figures. */
#define SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT { SHEBAO_EMPLOYEE_PLAN_FIGURES_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, \
                                            0, 0, 0, 0, "", 0, "", "", "" }

/** The figures of a plan.
 *  @param plan the plan.
 *  @param[out] out the figures (its version set by #SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT).
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (NULL, a bad version). */
int shebao_employee_plan_figures_get(const shebao_employee_plan *plan, shebao_employee_plan_figures *out);

/** Version of ::shebao_employee_plan_row. */
#define SHEBAO_EMPLOYEE_PLAN_ROW_VERSION 1

/** One year of the account ledger. Initialise with #SHEBAO_EMPLOYEE_PLAN_ROW_INIT. */
typedef struct shebao_employee_plan_row {
    unsigned version;                 /**< #SHEBAO_EMPLOYEE_PLAN_ROW_VERSION */
    int year;                         /**< the calendar year */
    int months;                       /**< months paid in the year (0: interest only) */
    shebao_fen wage;                  /**< the average wage of the year before, monthly (the index denominator) */
    shebao_fen base;                  /**< the monthly contribution base (0 when months is 0) */
    int clamped;                      /**< −1: raised to the band's floor, +1: lowered to its ceiling, 0: within */
    char index[48];                   /**< base ÷ wage, 4 decimals ("" when months is 0) */
    char contribution_rate[16];       /**< the flexible rate of the year's first month paid ("" when none) */
    shebao_fen personal;              /**< paid in the year */
    shebao_fen credited;              /**< credited to the account (the account share) */
    char rate[16];                    /**< the crediting rate (记账利率) */
    shebao_fen interest;              /**< the year's interest (to the retirement month in its year) */
    shebao_fen balance;               /**< at the end of the year (at the retirement month in its year) */
    int wage_assumed;                 /**< 1: the wage (and band) projected with the wage growth */
    int rate_assumed;                 /**< 1: the crediting rate is the policy's assumed_future_rate */
} shebao_employee_plan_row;

/** Initialiser of ::shebao_employee_plan_row. */
#define SHEBAO_EMPLOYEE_PLAN_ROW_INIT { SHEBAO_EMPLOYEE_PLAN_ROW_VERSION, 0, 0, 0, 0, 0, "", "", 0, 0, "", 0, 0, 0, 0 }

/** Number of ledger rows.
 *  @param plan the plan.
 *  @return the count; 0 for NULL. */
size_t shebao_employee_plan_row_count(const shebao_employee_plan *plan);
/** Ledger row i.
 *  @param plan the plan.
 *  @param i the index, below shebao_employee_plan_row_count().
 *  @param[out] out the row (its version set by #SHEBAO_EMPLOYEE_PLAN_ROW_INIT).
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (NULL, i out of range, a bad version). */
int shebao_employee_plan_row_get(const shebao_employee_plan *plan, size_t i, shebao_employee_plan_row *out);

/** Number of assumptions of the plan: the non-official policy values used, then the run's (run.wage_growth,
 *  run.contribution_band and run.benefit_base when projected, run.discount).
 *  @param plan the plan.
 *  @return the count; 0 for NULL. */
size_t shebao_employee_plan_assumption_count(const shebao_employee_plan *plan);
/** Assumption i.
 *  @param plan the plan.
 *  @param i the index, below shebao_employee_plan_assumption_count().
 *  @param[out] out the assumption, its pointers owned by the plan.
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (NULL, out of range). */
int shebao_employee_plan_assumption(const shebao_employee_plan *plan, size_t i, shebao_param *out);
/** The explanation, one step a line: in Chinese when the plan was computed with a context in #SHEBAO_LANG_ZH
 *  (shebao_ctx_set_language()), in English otherwise; the `explain` of the plan's JSON is always English.
 *  @param plan the plan.
 *  @return the text, owned by the plan; NULL when the input did not ask for it (or for NULL). */
const char *shebao_employee_plan_explain(const shebao_employee_plan *plan);

/** The JSON document of a plan (`shebao employee --plan --format json`): the members of `project` where the
 *  notions are the same (personal_total, claim_month, ledger, lifetime, assumptions), the implied form and the
 *  claim of `employee`.
 *  @param plan the plan.
 *  @param[out] out the text, to shebao_free().
 *  @return #SHEBAO_OK, #SHEBAO_EUSAGE (NULL), #SHEBAO_ENOMEM. */
int shebao_employee_plan_to_json(const shebao_employee_plan *plan, char **out);

/** @} */

#ifdef __cplusplus
}
#endif

#endif
