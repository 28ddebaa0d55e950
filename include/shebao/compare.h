/**
 * @file shebao/compare.h
 * @brief Planning: grade × years comparison (多缴多得、长缴长得). Included by shebao.h; do not include it directly.
 */
#ifndef SHEBAO_COMPARE_H
#define SHEBAO_COMPARE_H

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup compare Planning: grade × years comparison (多缴多得、长缴长得)
 *  Evaluate one person over a set of contribution grades × a set of contribution lengths, each plan paying one
 *  grade every year from a common start year. Every cell is a full shebao_project() run, so its figures are
 *  identical to the fen to those of `shebao project` for the same inputs. On top of the cells: the marginal
 *  value of one grade up and of one year longer, and the lowest-versus-highest-grade summary.
 *  The rules are in docs/teaching.md.
 *  @{ */

/** Current version of ::shebao_compare_options; a \c version from 1 to it is accepted. */
#define SHEBAO_COMPARE_OPTIONS_VERSION 2

/** What to compare. Initialise with #SHEBAO_COMPARE_OPTIONS_INIT, then set the members. */
typedef struct shebao_compare_options {
    unsigned version;          /**< #SHEBAO_COMPARE_OPTIONS_VERSION */
    int start_year;            /**< first contribution year of every plan */
    const shebao_fen *grades;  /**< grades to compare (any order; duplicates ignored); NULL with
                                    @c grade_count 0: every normal (non-代缴) grade valid in every year of the
                                    longest plan */
    size_t grade_count;        /**< number of @c grades */
    const int *years;          /**< contribution lengths in years (any order; duplicates ignored); NULL with
                                    @c years_count 0: 15, 20, 25, … below the maximum, plus the maximum */
    size_t years_count;        /**< number of @c years */
    shebao_fen backpay_auto_grade; /**< (version 2) > 0: in every plan, the fewest back-paid years (补缴) at this
                                    grade that make it eligible (0 when it is eligible without), within the
                                    policy's limits; 0: none (the person's own back payment, if any) */
} shebao_compare_options;

/** Initialiser for ::shebao_compare_options. */
#define SHEBAO_COMPARE_OPTIONS_INIT { SHEBAO_COMPARE_OPTIONS_VERSION, 0, NULL, 0, NULL, 0, 0 }

/** The result of a comparison. Opaque; read it with the getters below. */
typedef struct shebao_comparison shebao_comparison;

/**
 * @brief Evaluate one person over grades × contribution lengths.
 *
 * Cell (g, N) is shebao_project() for @p person with the plan "the person's plan (the years already paid, all
 * before start_year), then start_year … start_year + N − 1 at grade g", with the person's back payment, or, with
 * @c backpay_auto_grade, the fewest back-paid years at that grade that make the plan eligible. The grid varies
 * only the years from start_year on.
 * The maximum length is claim year − start year + 1 (shebao_project() accepts contributions up to and including
 * the claim year). When the years of the longest plan fall under more than one grade table (Zhejiang changed
 * its grades in 2024), the default grades are those valid, and not 代缴, in every one of these tables; the others
 * are listed by shebao_comparison_excluded() with the reason. An explicitly given grade must be valid in every
 * year of the longest plan; where it is 代缴, the person must be marked @c daijiao (shebao_person), as for
 * shebao_project().
 * @param ctx context (error message; MPFR precision).
 * @param policy a loaded policy with a `resident_pension` section; shared by every cell.
 * @param person the person and the run's assumptions (sex, collective subsidy, future and discount rates, life
 *        table); its plan is the years already paid (every year before start_year, segments not overlapping),
 *        its back payment one added to every plan (none with @c backpay_auto_grade).
 * @param opt what to compare.
 * @param[out] out the comparison, owned by the caller (free with shebao_comparison_free()); NULL when the call
 *        fails.
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (NULL argument, a version of 0 or above the current one), #SHEBAO_EINPUT (bad birth or start year, a
 *         length that does not fit before the claim, a grade not valid in every year, a year paid at or after
 *         start_year, overlapping years paid, a back payment with @c backpay_auto_grade, an automatic
 *         back-payment grade not in the claim year's table or above the cap, no grade left to compare), #SHEBAO_EPOLICY, #SHEBAO_ECOMPUTE or #SHEBAO_ENOMEM; the errors
 *         of shebao_project() for a cell are passed on.
 */
int shebao_compare(shebao_ctx *ctx, const shebao_policy *policy, const shebao_person *person,
                   const shebao_compare_options *opt, shebao_comparison **out);

/**
 * @brief Free a comparison. NULL is allowed.
 * @param c comparison.
 */
void shebao_comparison_free(shebao_comparison *c);

/**
 * @brief Number of grades compared (the rows of the grid).
 * @param c comparison.
 * @return the count (0 when @p c is NULL).
 */
size_t shebao_comparison_grade_count(const shebao_comparison *c);

/**
 * @brief The i-th grade compared, in ascending order.
 * @param c comparison.
 * @param i index below shebao_comparison_grade_count().
 * @return the grade in fen, or -1 when @p i is out of range or @p c is NULL.
 */
shebao_fen shebao_comparison_grade(const shebao_comparison *c, size_t i);

/**
 * @brief Number of contribution lengths compared (the columns of the grid).
 * @param c comparison.
 * @return the count (0 when @p c is NULL).
 */
size_t shebao_comparison_years_count(const shebao_comparison *c);

/**
 * @brief The j-th contribution length, in ascending order.
 * @param c comparison.
 * @param j index below shebao_comparison_years_count().
 * @return the number of years, or -1 when @p j is out of range or @p c is NULL.
 */
int shebao_comparison_years(const shebao_comparison *c, size_t j);

/**
 * @brief The first contribution year of every plan.
 * @param c comparison.
 * @return the year (0 when @p c is NULL).
 */
int shebao_comparison_start_year(const shebao_comparison *c);

/**
 * @brief The most contribution years possible: claim year − start year + 1.
 * @param c comparison.
 * @return the count (0 when @p c is NULL).
 */
int shebao_comparison_max_years(const shebao_comparison *c);

/**
 * @brief The claim month (first month of pension), "YYYY-MM"; the same for every cell.
 * @param c comparison.
 * @return a string owned by the comparison; NULL when @p c is NULL.
 */
const char *shebao_comparison_claim_month(const shebao_comparison *c);

/**
 * @brief The projection of cell (i, j): exactly what shebao_project() returns for that plan.
 * @param c comparison.
 * @param i grade index.
 * @param j length index.
 * @return the projection, owned by the comparison; NULL when an index is out of range or @p c is NULL.
 */
const shebao_projection *shebao_comparison_projection(const shebao_comparison *c, size_t i, size_t j);

/** The figures of one cell. Money in fen; a figure that does not apply is 0 with its flag telling. */
typedef struct shebao_compare_cell {
    shebao_fen grade;              /**< yearly grade */
    int years;                     /**< contribution years */
    int eligible;                  /**< 1 when the person qualifies at the claim */
    shebao_fen monthly_total;      /**< monthly pension at the claim (eligible only) */
    shebao_fen account_pension;    /**< account pension (eligible only) */
    shebao_fen personal_total;     /**< everything the person paid */
    int has_breakeven;             /**< the break-even figures below are present */
    int breakeven_months;          /**< number of monthly payments until the pension has returned the payments */
    char breakeven_month[8];       /**< "YYYY-MM" of that payment */
    int breakeven_age_years;       /**< age in whole years in the break-even month */
    int breakeven_age_months;      /**< and the months beyond them (0–11) */
    int has_epv;                   /**< the life-table figures below are present */
    shebao_fen epv_benefits;       /**< expected present value of the pension at the claim */
    shebao_fen inheritable;        /**< expected present value of the balance left to heirs */
    const char *moneys_worth;      /**< EPV / PV of contributions (4 decimals); NULL when absent */
    const char *irr;               /**< internal rate of return (6 decimals); NULL when absent */
    int has_per_10000;             /**< @c per_10000 is present (eligible and something paid) */
    shebao_fen per_10000;          /**< fen_half_up(monthly total × 10000 / personal total): yuan of monthly
                                        pension per 10,000 yuan paid, in fen */
} shebao_compare_cell;

/**
 * @brief The figures of cell (i, j), read from its projection.
 * @param c comparison.
 * @param i grade index.
 * @param j length index.
 * @param[out] out the figures; its strings are owned by the comparison.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (index out of range, NULL argument).
 */
int shebao_comparison_cell(const shebao_comparison *c, size_t i, size_t j, shebao_compare_cell *out);

/** What a ::shebao_compare_delta compares. */
typedef enum shebao_delta_kind {
    SHEBAO_DELTA_GRADE = 0, /**< a higher grade for the same number of years */
    SHEBAO_DELTA_YEAR = 1   /**< one more year at the same grade */
} shebao_delta_kind;

/** The difference between two plans: "to" minus "from". Money in fen. */
typedef struct shebao_compare_delta {
    shebao_delta_kind kind;      /**< grade up or one year longer */
    shebao_fen from_grade;       /**< grade of the cheaper plan */
    int from_years;              /**< its years */
    shebao_fen to_grade;         /**< grade of the dearer plan */
    int to_years;                /**< its years */
    shebao_fen extra_per_year;   /**< grade: to_grade − from_grade; year: the grade paid in the extra year */
    shebao_fen extra_paid;       /**< difference of the personal totals */
    int available;               /**< 1 when both plans are eligible (the figures below are then present) */
    shebao_fen extra_monthly;    /**< difference of the monthly totals */
    int has_recoup;              /**< @c recoup_months is present (extra_monthly > 0) */
    int recoup_months;           /**< smallest m ≥ 0 with m × extra_monthly ≥ extra_paid: months of pension
                                      until the extra payment has come back (not discounted) */
    int has_epv;                 /**< @c epv_difference is present (both have a life-table EPV) */
    shebao_fen epv_difference;   /**< difference of the EPVs of the pensions */
} shebao_compare_delta;

/**
 * @brief Number of marginal comparisons.
 *
 * First one grade up: for each length (ascending), each pair of neighbouring grades (ascending). Then one year
 * longer: for each grade, each length N with N + 1 ≤ shebao_comparison_max_years() whose grade is valid in the
 * extra year (the N + 1 plan is projected too when N + 1 is not itself a length of the grid).
 * @param c comparison.
 * @return the count (0 when @p c is NULL).
 */
size_t shebao_comparison_marginal_count(const shebao_comparison *c);

/**
 * @brief One marginal comparison.
 * @param c comparison.
 * @param i index below shebao_comparison_marginal_count().
 * @param[out] out the difference.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (index out of range, a NULL argument).
 */
int shebao_comparison_marginal(const shebao_comparison *c, size_t i, shebao_compare_delta *out);

/**
 * @brief The lowest grade against the highest, both for the j-th length: the two ends of
 *        shebao_comparison_end() (with a path, from_grade and to_grade are the grades of the last year, and
 *        extra_per_year their difference).
 * @param c comparison.
 * @param j length index.
 * @param[out] out the difference (kind #SHEBAO_DELTA_GRADE); all zero when it does not apply.
 * @return #SHEBAO_OK, #SHEBAO_NA when only one grade was compared and there is no path (not a failure), or
 *         #SHEBAO_EUSAGE (index out of range, a NULL argument).
 */
int shebao_comparison_summary(const shebao_comparison *c, size_t j, shebao_compare_delta *out);

/**
 * @brief One end of the lowest-versus-highest summary at the j-th length: the path a person would take when the
 *        plan spans grade tables and the grades were not given (the lowest, or the highest, normal grade in force
 *        each year: shebao_comparison_path()), else the cell of the lowest, or the highest, grade compared.
 * @param c comparison.
 * @param j length index.
 * @param highest 0: the lowest end; non-zero: the highest.
 * @return the projection, owned by the comparison (it carries shebao_projection_advice() when it is not
 *         eligible); NULL when @p j is out of range or @p c is NULL.
 */
const shebao_projection *shebao_comparison_end(const shebao_comparison *c, size_t j, int highest);

/**
 * @brief The path over grade tables behind the summary: for each grade table the plan meets from start_year to
 *        the longest length, the lowest (or highest) normal grade in force in it ("2024 年起 7000 元").
 * @param c comparison.
 * @param highest 0: the lowest grades; non-zero: the highest.
 * @param[out] segs the segments, in year order, owned by the comparison; NULL when it does not apply.
 * @param[out] n their number; 0 when it does not apply.
 * @return #SHEBAO_OK, #SHEBAO_NA when there is no path (one grade table, or the grades were given: the summary
 *         compares two cells; not a failure), or #SHEBAO_EUSAGE (a NULL argument).
 */
int shebao_comparison_path(const shebao_comparison *c, int highest, const shebao_segment **segs, size_t *n);

/** A grade left out of the default set, and why. */
typedef struct shebao_compare_excluded {
    shebao_fen grade;      /**< the grade */
    int daijiao;           /**< 1: a 代缴 grade (paid by the government for difficult groups) in that table;
                                0: missing from that table */
    char table_from[8];    /**< "YYYY-MM" of the grade table concerned */
    int first_year;        /**< first year of the plan under that table */
    int last_year;         /**< last year of the plan under that table */
    const char *reason;    /**< the reason as one English line, owned by the comparison */
} shebao_compare_excluded;

/**
 * @brief Number of grades left out of the default set (0 when the grades were given).
 * @param c comparison.
 * @return the count (0 when @p c is NULL).
 */
size_t shebao_comparison_excluded_count(const shebao_comparison *c);

/**
 * @brief One grade left out, in ascending order of grade.
 * @param c comparison.
 * @param i index below shebao_comparison_excluded_count().
 * @param[out] out the grade and the first reason found for it.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (index out of range, a NULL argument).
 */
int shebao_comparison_excluded(const shebao_comparison *c, size_t i, shebao_compare_excluded *out);

/**
 * @brief Number of non-official values any cell rests on (each listed once).
 * @param c comparison.
 * @return the count (0 when @p c is NULL).
 */
size_t shebao_comparison_assumption_count(const shebao_comparison *c);

/**
 * @brief One non-official value, in order of first use over the cells.
 * @param c comparison.
 * @param i index below shebao_comparison_assumption_count().
 * @param[out] out pointers owned by the comparison.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (index out of range, a NULL argument).
 */
int shebao_comparison_assumption(const shebao_comparison *c, size_t i, shebao_param *out);

/**
 * @brief The comparison as a JSON document (the `shebao compare --format json` contract):
 *        `{"cells": [...], "marginal": [...], "summary": {...}, "assumptions": [...], ...}`. Each cell carries
 *        `grade`, `years` and every member of the `claim` and `lifetime` objects of shebao_projection_to_json()
 *        for its projection, plus `breakeven_age_years`, `breakeven_age_months` and `pension_per_10000_paid`;
 *        `summary` is the lowest-versus-highest difference at the longest length (null with one grade and no path);
 *        `paid`, `backpay`, `path` and `summary_ends` are described in docs/teaching.md.
 * @param c comparison.
 * @param[out] out NUL-terminated string owned by the caller (free with shebao_free()).
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL argument) or #SHEBAO_ENOMEM.
 */
int shebao_comparison_to_json(const shebao_comparison *c, char **out);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SHEBAO_COMPARE_H */
