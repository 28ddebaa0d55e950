/**
 * @file shebao/choices.h
 * @brief What a person may choose: the grades of a year and the years still payable, as structured results (the
 *        entries of a form's drop-downs). Included by shebao.h; do not include it directly.
 */
#ifndef SHEBAO_CHOICES_H
#define SHEBAO_CHOICES_H

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup choices Choices: the grades of a year and the years still payable
 *  The same rules as shebao_project() (docs/resident-pension.md §1 and §3), read from the policy's
 *  `resident_pension` section and given as values, so that a caller can fill a form without parsing the
 *  policy's text. A plan made of a year of the ::shebao_pay_window and a grade of that year's
 *  ::shebao_grade_list passes shebao_project()'s checks of years and grades.
 *  @{ */

/** The grade table in force in one contribution year. Opaque; read it with the getters below. */
typedef struct shebao_grade_list shebao_grade_list;

/** One grade a person may choose. Money in fen. */
typedef struct shebao_grade_option {
    shebao_fen grade;        /**< the yearly personal contribution (档次) */
    shebao_fen subsidy;      /**< the government subsidy credited with it */
    int daijiao;             /**< 1: a 代缴 grade, paid by the government for difficult groups, not a grade a
                                  person chooses for themself; 0: a normal grade */
    shebao_status status;    /**< provenance of this row of the table (an assumption when not
                                  #SHEBAO_STATUS_OFFICIAL) */
} shebao_grade_option;

/**
 * @brief The grades a person may choose in contribution year @p year: the grade table in force in that year (the
 *        one with the latest `from` year ≤ @p year), in the policy's order (ascending grade in the bundled ones).
 * @param ctx context for the error message.
 * @param policy a loaded policy with a `resident_pension` section.
 * @param year the contribution year, #SHEBAO_YEAR_MIN to #SHEBAO_YEAR_MAX.
 * @param[out] out the list, owned by the caller (free with shebao_grade_list_free()); NULL unless the call
 *        returns #SHEBAO_OK.
 * @return #SHEBAO_OK, #SHEBAO_NA when no grade table is in force yet in @p year (before the policy's first one;
 *         not a failure, *out is NULL), #SHEBAO_EINPUT (@p year out of range), #SHEBAO_EPOLICY (no
 *         `resident_pension` section), #SHEBAO_EUSAGE (a NULL argument) or #SHEBAO_ENOMEM.
 */
int shebao_policy_grades(shebao_ctx *ctx, const shebao_policy *policy, int year, shebao_grade_list **out);

/**
 * @brief Free a grade list. NULL is allowed.
 * @param g grade list.
 */
void shebao_grade_list_free(shebao_grade_list *g);

/**
 * @brief The contribution year the list was asked for.
 * @param g grade list.
 * @return the year (0 when @p g is NULL).
 */
int shebao_grade_list_year(const shebao_grade_list *g);

/**
 * @brief The first month of the grade table in force, "YYYY-MM" (its `from` in the policy).
 * @param g grade list.
 * @return a string owned by the list; NULL when @p g is NULL.
 */
const char *shebao_grade_list_table_from(const shebao_grade_list *g);

/**
 * @brief Number of grades in the table, 代缴 grades included.
 * @param g grade list.
 * @return the count (0 when @p g is NULL).
 */
size_t shebao_grade_list_count(const shebao_grade_list *g);

/**
 * @brief One grade of the table.
 * @param g grade list.
 * @param i index below shebao_grade_list_count().
 * @param[out] out the grade, its subsidy and its 代缴 flag.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (index out of range, a NULL argument).
 */
int shebao_grade_list_item(const shebao_grade_list *g, size_t i, shebao_grade_option *out);

/**
 * @brief The list as a JSON document (the `shebao policy grades --format json` contract):
 *        `{"policy": ID, "year": Y, "table_from": "YYYY-MM", "grades": [{"grade": "2000.00",
 *        "subsidy": "200.00", "daijiao": false, "status": "official"}, ...]}`.
 * @param g grade list.
 * @param[out] out NUL-terminated string owned by the caller (free with shebao_free()).
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL argument) or #SHEBAO_ENOMEM.
 */
int shebao_grade_list_to_json(const shebao_grade_list *g, char **out);

/** Current version of ::shebao_pay_window; a \c version from 1 to it is accepted. */
#define SHEBAO_PAY_WINDOW_VERSION 1

/**
 * The years a person may still pay, and the back payment the policy allows at the claim. Initialise with
 * #SHEBAO_PAY_WINDOW_INIT; shebao_policy_pay_window() fills it. Money in fen.
 */
typedef struct shebao_pay_window {
    unsigned version;            /**< #SHEBAO_PAY_WINDOW_VERSION */
    int has_years;               /**< 1 when at least one year from the asked year on may still be paid;
                                      0: @c first_year is 0 (the asked year is after @c last_year) */
    int first_year;              /**< the first payable year from the asked year on: the latest of the asked
                                      year, the year the person turns 16 and the year of the policy's first grade
                                      table */
    int last_year;               /**< the last payable year: birth year + `claim_age` (the year of the
                                      `claim_age` birthday; never a later claim year) */
    int claim_year;              /**< the claim month (first month of pension): birth month + `claim_age`
                                      years + `benefit_start_offset_months` */
    int claim_month;             /**< its month, 1–12 */
    int years_required;          /**< years paid needed for a pension: min(`min_years`, claim year − year of
                                      `scheme_start`), at least 0 */
    int backpay_year;            /**< the year of a back payment (补缴): the claim year; its grade must be in
                                      that year's table (shebao_policy_grades()) */
    shebao_fen backpay_max_grade;      /**< the highest grade a back payment may use (`backpay.max_grade`) */
    int backpay_max_total;             /**< back payment may bring contribution years plus back-paid years up
                                            to this many (`min_years`) and no further */
    int backpay_subsidised;            /**< 1 when back-paid years earn the subsidy (`backpay.subsidised`) */
    int backpay_counts_for_years_pension; /**< 1 when back-paid years count for the years pension */
} shebao_pay_window;

/** Initialiser for ::shebao_pay_window. */
#define SHEBAO_PAY_WINDOW_INIT { SHEBAO_PAY_WINDOW_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/**
 * @brief The years a person born in @p birth_year-@p birth_month may still pay from @p from_year on, and the
 *        back-payment window of the policy (docs/resident-pension.md §1, §3 and §4).
 * @param ctx context for the error message.
 * @param policy a loaded policy with a `resident_pension` section.
 * @param birth_year year of birth, #SHEBAO_YEAR_MIN to #SHEBAO_BIRTH_YEAR_MAX.
 * @param birth_month month of birth, 1–12.
 * @param from_year the first year asked about (this year, say), #SHEBAO_YEAR_MIN to #SHEBAO_YEAR_MAX.
 * @param[in,out] out its @c version set (#SHEBAO_PAY_WINDOW_INIT); the call fills the rest.
 * @return #SHEBAO_OK (also when no year is left: @c has_years is 0), #SHEBAO_EINPUT (bad birth month, @p
 *         from_year out of range), #SHEBAO_EPOLICY (no `resident_pension` section), or #SHEBAO_EUSAGE (a NULL
 *         argument, an @c out->version of 0 or above #SHEBAO_PAY_WINDOW_VERSION).
 */
int shebao_policy_pay_window(shebao_ctx *ctx, const shebao_policy *policy, int birth_year, int birth_month,
                             int from_year, shebao_pay_window *out);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SHEBAO_CHOICES_H */
