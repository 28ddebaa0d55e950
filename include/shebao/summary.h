/**
 * @file shebao/summary.h
 * @brief The figures of one projection without allocating (shebao_project_summary(), what `shebao batch` uses at
 *        agency scale). Included by shebao.h; do not include it directly.
 */
#ifndef SHEBAO_SUMMARY_H
#define SHEBAO_SUMMARY_H

#ifdef __cplusplus
extern "C" {
#endif

/** @addtogroup resident
 *  @{ */

/** Current version of ::shebao_summary; a \c version from 1 to it is accepted. */
#define SHEBAO_SUMMARY_VERSION 1

/**
 * The figures of one projection that a batch row carries, filled without any allocation. Money in fen; a figure
 * that does not apply is 0 with its flag (eligible, has_breakeven, has_epv) telling.
 */
typedef struct shebao_summary {
    unsigned version;            /**< #SHEBAO_SUMMARY_VERSION */
    int eligible;                /**< 1 when the person qualifies at the claim */
    int years_paid;              /**< contribution years plus back-paid years */
    int years_missing;           /**< years still missing (0 when eligible) */
    char claim_month[8];         /**< "YYYY-MM" */
    shebao_fen balance;          /**< account balance at the claim */
    shebao_fen account_pension;  /**< eligible only */
    shebao_fen base_pension;     /**< eligible only */
    shebao_fen years_pension;    /**< eligible only */
    shebao_fen age_supplement;   /**< eligible only */
    shebao_fen monthly_total;    /**< eligible only */
    shebao_fen personal_total;   /**< everything the person paid */
    int has_breakeven;           /**< break-even figures present */
    int breakeven_months;        /**< number of payments to break even */
    char breakeven_month[8];     /**< "YYYY-MM" of the break-even payment (each month's payment on the dated series,
                                      as shebao_projection_breakeven()) */
    int has_epv;                 /**< EPV present (eligible and a life table) */
    shebao_fen epv_benefits;     /**< expected present value of the pension */
} shebao_summary;

/** Initialiser for ::shebao_summary. */
#define SHEBAO_SUMMARY_INIT { SHEBAO_SUMMARY_VERSION, 0, 0, 0, "", 0, 0, 0, 0, 0, 0, 0, 0, 0, "", 0, 0 }

/**
 * @brief The batch figures of one projection, without allocating: the same rules, the same errors and the same
 *        figures (to the fen) as shebao_project(), for agency-scale runs.
 *
 * Life-annuity factors are computed once per context and (sex, age, discount rate) and reused.
 * @param ctx context (error message; caches); one per thread.
 * @param policy a loaded policy, shared.
 * @param person the person (explain must be 0).
 * @param[in,out] out initialised with #SHEBAO_SUMMARY_INIT; filled on success.
 * @return as shebao_project().
 */
int shebao_project_summary(shebao_ctx *ctx, const shebao_policy *policy, const shebao_person *person,
                           shebao_summary *out);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SHEBAO_SUMMARY_H */
