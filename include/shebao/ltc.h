/**
 * @file shebao/ltc.h
 * @brief Long-term care insurance (长期护理保险). Included by shebao.h; do not include it directly.
 */
#ifndef SHEBAO_LTC_H
#define SHEBAO_LTC_H

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup ltc Long-term care insurance (长期护理保险)
 *  Disability assessment (the national 2021 scale, 《长期护理失能等级评估标准（试行）》) → grade, the monthly
 *  benefit of one disabled person, the funding per insured person, and a fund-level spending estimate. Every
 *  parameter comes from the policy section `long_term_care` (docs/policy-format.md); the rules are those of
 *  docs/ltc.md. Each computation can list the non-official policy values it used (and its own defaults) in a
 *  ::shebao_ltc_assumptions.
 *  @{ */

/** Number of items of the ADL indicator (日常生活活动能力). */
#define SHEBAO_LTC_ADL_ITEMS 10
/** Number of items of the cognition indicator (认知能力). */
#define SHEBAO_LTC_COGNITION_ITEMS 4
/** Number of items of the perception and communication indicator (感知觉与沟通能力). */
#define SHEBAO_LTC_PERCEPTION_ITEMS 3

/** The three first-level indicators (一级指标) of the 2021 scale. */
typedef enum shebao_ltc_domain {
    SHEBAO_LTC_ADL = 0,        /**< 日常生活活动能力, 10 items, 0–100 */
    SHEBAO_LTC_COGNITION = 1,  /**< 认知能力, 4 items of 0–4, 0–16 */
    SHEBAO_LTC_PERCEPTION = 2  /**< 感知觉与沟通能力, 3 items of 0–4, 0–12 */
} shebao_ltc_domain;

/** Care modes (服务方式) of the benefit rules. */
typedef enum shebao_ltc_mode {
    SHEBAO_LTC_INSTITUTION = 0,         /**< `institution`: care in a nursing institution (机构护理) */
    SHEBAO_LTC_MEDICAL_INSTITUTION = 1, /**< `medical_institution`: nursing beds of a medical institution (医疗专护) */
    SHEBAO_LTC_HOME_VISIT = 2,          /**< `home_visit`: hours of care at home by a provider (居家上门) */
    SHEBAO_LTC_HOME_CASH = 3            /**< `home_cash`: a monthly cash allowance (亲情/家属照护) */
} shebao_ltc_mode;

/** Insured groups of the funding rules. */
typedef enum shebao_ltc_group {
    SHEBAO_LTC_EMPLOYEE = 0, /**< `employee`: employees in the employee medical insurance (在职职工) */
    SHEBAO_LTC_RETIREE = 1,  /**< `retiree`: retired employees (退休人员) */
    SHEBAO_LTC_RESIDENT = 2, /**< `resident`: adults in the resident medical insurance (城乡居民) */
    SHEBAO_LTC_MINOR = 3,    /**< `minor`: minors and students in the resident insurance */
    SHEBAO_LTC_ASSISTED = 4  /**< `assisted`: residents whose contribution the government pays (资助参保) */
} shebao_ltc_group;

/** Payers of a funding split. */
typedef enum shebao_ltc_payer {
    SHEBAO_LTC_INDIVIDUAL = 0,   /**< `individual`: the insured person (cash or the medical-insurance personal account) */
    SHEBAO_LTC_EMPLOYER = 1,     /**< `employer`: the employer */
    SHEBAO_LTC_MEDICAL_FUND = 2, /**< `medical_fund`: a transfer from the basic medical-insurance pooled fund */
    SHEBAO_LTC_FISCAL = 3,       /**< `fiscal`: government subsidy (财政补助) */
    SHEBAO_LTC_OTHER = 4         /**< `other`: any other payer (welfare lottery funds, donations, …) */
} shebao_ltc_payer;

/** Number of ::shebao_ltc_payer values. */
#define SHEBAO_LTC_PAYERS 5

/**
 * @brief Name of an assessment item, in the order of the 2021 scale (e.g. ADL item 6 is "平地行走").
 * @param domain the indicator.
 * @param item 0-based index of the item.
 * @return a static string, or NULL when out of range.
 */
const char *shebao_ltc_item_name(shebao_ltc_domain domain, size_t item);

/**
 * @brief Name of a disability grade: 0 基本正常, 1 轻度失能, 2 中度失能, 3 重度失能Ⅰ级, 4 重度失能Ⅱ级, 5 重度失能Ⅲ级.
 * @param grade 0–5.
 * @return a static string, or NULL when out of range.
 */
const char *shebao_ltc_grade_name(int grade);

/**
 * @brief Name of a first-level indicator level: 0 能力完好, 1 轻度受损, 2 中度受损, 3 重度受损.
 * @param level 0–3.
 * @return a static string, or NULL when out of range.
 */
const char *shebao_ltc_level_name(int level);

/**
 * @brief Data-format name of a care mode ("institution", "medical_institution", "home_visit", "home_cash").
 * @param mode a ::shebao_ltc_mode.
 * @return a static string, or NULL for an unknown mode.
 */
const char *shebao_ltc_mode_name(shebao_ltc_mode mode);

/**
 * @brief Look a care mode up by its data-format name.
 * @param name e.g. "home_visit".
 * @param[out] out the mode.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (unknown or NULL name) or #SHEBAO_EUSAGE (NULL @p out).
 */
int shebao_ltc_mode_from_name(const char *name, shebao_ltc_mode *out);

/**
 * @brief Data-format name of an insured group ("employee", "retiree", "resident", "minor", "assisted").
 * @param group a ::shebao_ltc_group.
 * @return a static string, or NULL for an unknown group.
 */
const char *shebao_ltc_group_name(shebao_ltc_group group);

/**
 * @brief Look an insured group up by its data-format name.
 * @param name e.g. "resident".
 * @param[out] out the group.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (unknown or NULL name) or #SHEBAO_EUSAGE (NULL @p out).
 */
int shebao_ltc_group_from_name(const char *name, shebao_ltc_group *out);

/**
 * @brief Data-format name of a payer ("individual", "employer", "medical_fund", "fiscal", "other").
 * @param payer a ::shebao_ltc_payer.
 * @return a static string, or NULL for an unknown payer.
 */
const char *shebao_ltc_payer_name(shebao_ltc_payer payer);

/**
 * @brief Chinese name of a care mode, insured group, payer or limit, given its data-format name.
 *
 * "institution" 机构护理, "medical_institution" 医疗机构护理, "home_visit" 居家上门护理, "home_cash" 居家护理补助;
 * "employee" 在职职工, "retiree" 退休人员, "resident" 城乡居民, "minor" 未成年人, "assisted" 困难救助对象;
 * "individual" 个人, "employer" 单位, "medical_fund" 医保基金, "fiscal" 财政补助, "other" 其他渠道;
 * "ratio" 支付比例, "daily_cap" 日限额, "monthly_cap" 月限额, "hours" 服务时长上限, "price" 每小时限价, "none" 无.
 * @param name a name returned by shebao_ltc_mode_name(), shebao_ltc_group_name(), shebao_ltc_payer_name() or
 *        shebao_ltc_limit_name().
 * @return a static string, or NULL for NULL or any other name.
 */
const char *shebao_ltc_name_zh(const char *name);

/** The non-official values a long-term care result rests on. Opaque; one per thread at a time. */
typedef struct shebao_ltc_assumptions shebao_ltc_assumptions;

/**
 * @brief Create an empty list of assumptions.
 * @param[out] out the list, owned by the caller (free with shebao_ltc_assumptions_free()).
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE if @p out is NULL, or #SHEBAO_ENOMEM.
 */
int shebao_ltc_assumptions_new(shebao_ltc_assumptions **out);

/**
 * @brief Free a list of assumptions. NULL is allowed.
 * @param assumptions the list.
 */
void shebao_ltc_assumptions_free(shebao_ltc_assumptions *assumptions);

/**
 * @brief Number of assumptions: the policy values with a status other than `official` that the last computation
 *        given this list used (in the policy's order), then the computation's own defaults (path "run.…",
 *        status `assumption`).
 * @param assumptions the list (NULL gives 0).
 * @return the count.
 */
size_t shebao_ltc_assumption_count(const shebao_ltc_assumptions *assumptions);

/**
 * @brief One assumption.
 * @param assumptions the list.
 * @param i index below shebao_ltc_assumption_count().
 * @param[out] out pointers owned by the list, valid until it is reused or freed.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (index out of range, a NULL argument).
 */
int shebao_ltc_assumption(const shebao_ltc_assumptions *assumptions, size_t i, shebao_param *out);

/**
 * @brief The list as a JSON array, the `assumptions` member of every `shebao ltc … --format json` document:
 *        one object `{"parameter", "from", "value", "status", "source", "title"}` per assumption, as in the
 *        `assumptions` of shebao_projection_to_json().
 * @param assumptions the list.
 * @param[out] out NUL-terminated string owned by the caller (free with shebao_free()).
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL argument) or #SHEBAO_ENOMEM.
 */
int shebao_ltc_assumptions_to_json(const shebao_ltc_assumptions *assumptions, char **out);

/** Result of a disability assessment. */
typedef struct shebao_ltc_assessment {
    int adl;              /**< ADL total, 0–100 */
    int cognition;        /**< cognition total, 0–16 */
    int perception;       /**< perception and communication total, 0–12 */
    int adl_level;        /**< level of the ADL total by the policy's bands, 0 (能力完好) – 3 (重度受损) */
    int cognition_level;  /**< level of the cognition total */
    int perception_level; /**< level of the perception total */
    int grade;            /**< combination[adl_level][max(cognition_level, perception_level)], 0–5 */
} shebao_ltc_assessment;

/** Current version of ::shebao_ltc_scores; a \c version from 1 to it is accepted. */
#define SHEBAO_LTC_SCORES_VERSION 1

/** The item scores of one assessment, in the order of the 2021 scale. Initialise with #SHEBAO_LTC_SCORES_INIT. */
typedef struct shebao_ltc_scores {
    unsigned version;      /**< #SHEBAO_LTC_SCORES_VERSION */
    const int *adl;        /**< the ADL item scores */
    size_t n_adl;          /**< number of ADL scores (must be #SHEBAO_LTC_ADL_ITEMS) */
    const int *cognition;  /**< the cognition item scores */
    size_t n_cognition;    /**< number of cognition scores (must be #SHEBAO_LTC_COGNITION_ITEMS) */
    const int *perception; /**< the perception and communication item scores */
    size_t n_perception;   /**< number of perception scores (must be #SHEBAO_LTC_PERCEPTION_ITEMS) */
} shebao_ltc_scores;

/** Initialiser for ::shebao_ltc_scores. */
#define SHEBAO_LTC_SCORES_INIT { SHEBAO_LTC_SCORES_VERSION, NULL, 0, NULL, 0, NULL, 0 }

/**
 * @brief Assess disability: item validity by the 2021 scale, the three totals, their levels by the policy's
 *        bands (the band with the highest `min` ≤ total) and the grade by the policy's combination matrix.
 *
 * Allowed item values: ADL in the order 进食, 穿衣, 面部与口腔清洁, 大便控制, 小便控制, 用厕, 平地行走, 床椅转移,
 * 上下楼, 洗澡 take {0,5,10}, {0,5,10}, {0,5}, {0,5,10}, {0,5,10}, {0,5,10}, {0,5,10,15}, {0,5,10,15}, {0,5,10},
 * {0,5}; the cognition and perception items take 0–4.
 * @param ctx context for the error message (names the item, e.g. "adl item 7 (平地行走) must be one of 0,5,10,15").
 * @param policy a policy with `long_term_care.assessment`.
 * @param scores the item scores of the three indicators.
 * @param[out] out the result.
 * @param assumptions if not NULL, refilled with the non-official values used (the bundled bands and matrix are
 *        `recalled`).
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (an item outside its set, a wrong number of items), #SHEBAO_EPOLICY (no
 *         assessment section), #SHEBAO_EUSAGE (a NULL context, policy, scores or result, a NULL item array
 *         with a non-zero count, a scores.version of 0 or above #SHEBAO_LTC_SCORES_VERSION) or #SHEBAO_ENOMEM.
 */
int shebao_ltc_assess(shebao_ctx *ctx, const shebao_policy *policy, const shebao_ltc_scores *scores,
                      shebao_ltc_assessment *out, shebao_ltc_assumptions *assumptions);

/** Current version of ::shebao_ltc_claim; a \c version from 1 to it is accepted. */
#define SHEBAO_LTC_CLAIM_VERSION 1

/** One disabled person's month of care. Initialise with #SHEBAO_LTC_CLAIM_INIT, then set the members. */
typedef struct shebao_ltc_claim {
    unsigned version;       /**< #SHEBAO_LTC_CLAIM_VERSION */
    int grade;              /**< disability grade 0–5 */
    shebao_ltc_mode mode;   /**< care mode */
    int year;               /**< the benefit month: year */
    int month;              /**< the benefit month: 1–12 */
    int care_days;          /**< days of care in the month, 0–days in the month; #SHEBAO_UNSET: the whole month */
    int hospital_days;      /**< hospital in-patient days in the month (0–days in the month) */
    shebao_fen cost;        /**< institution modes: the month's eligible care cost; #SHEBAO_UNSET: not given */
    const char *hours;      /**< home_visit: hours of care in the month (decimal string); NULL: not given */
    shebao_fen price;       /**< home_visit: price per hour; #SHEBAO_UNSET: not given */
    int disability_months;  /**< months the disability has lasted; #SHEBAO_UNSET: not given (assumed long enough: an assumption) */
    int insured_months;     /**< months of continuous insurance; #SHEBAO_UNSET: not given (assumed long enough: an assumption) */
} shebao_ltc_claim;

/** Initialiser for ::shebao_ltc_claim. */
#define SHEBAO_LTC_CLAIM_INIT                                                                                     \
    { SHEBAO_LTC_CLAIM_VERSION, 0, SHEBAO_LTC_INSTITUTION, 0, 0, SHEBAO_UNSET, 0, SHEBAO_UNSET, NULL, SHEBAO_UNSET, \
      SHEBAO_UNSET, SHEBAO_UNSET }

/** The limits of a benefit rule; ::shebao_ltc_benefit reports which one bound. */
typedef enum shebao_ltc_limit {
    SHEBAO_LTC_LIMIT_NONE = 0,         /**< no limit applies (`home_cash`, or not eligible) */
    SHEBAO_LTC_LIMIT_RATIO = 1,        /**< `ratio`: the payment is the ratio × the (capped) cost */
    SHEBAO_LTC_LIMIT_DAILY_CAP = 2,    /**< `daily_cap`: daily cap × eligible days */
    SHEBAO_LTC_LIMIT_MONTHLY_CAP = 4,  /**< `monthly_cap`: the monthly cap */
    SHEBAO_LTC_LIMIT_HOURS = 8,        /**< `hours`: the hours above max_hours_month */
    SHEBAO_LTC_LIMIT_PRICE = 16        /**< `price`: the hourly price above hour_price_cap */
} shebao_ltc_limit;

/**
 * @brief Name of a limit ("ratio", "daily_cap", "monthly_cap", "hours", "price"; "none").
 * @param limit one ::shebao_ltc_limit value.
 * @return a static string, or NULL for anything else.
 */
const char *shebao_ltc_limit_name(shebao_ltc_limit limit);

/** Why a claim is not eligible. */
typedef enum shebao_ltc_reason {
    SHEBAO_LTC_ELIGIBLE = 0,            /**< eligible */
    SHEBAO_LTC_GRADE_TOO_LOW = 1,       /**< grade below `min_grade` */
    SHEBAO_LTC_DISABILITY_TOO_SHORT = 2,/**< disability shorter than `min_disability_months` */
    SHEBAO_LTC_WAITING_PERIOD = 3       /**< continuous insurance shorter than `waiting_months` */
} shebao_ltc_reason;

/** Current version of ::shebao_ltc_benefit; a \c version from 1 to it is accepted. */
#define SHEBAO_LTC_BENEFIT_VERSION 3

/** The benefit of one month. Initialise with #SHEBAO_LTC_BENEFIT_INIT. */
typedef struct shebao_ltc_benefit {
    unsigned version;          /**< #SHEBAO_LTC_BENEFIT_VERSION */
    int eligible;              /**< 1 eligible, 0 not (then fund_pays is 0) */
    shebao_ltc_reason reason;  /**< why not eligible */
    char reason_text[160];     /**< the reason in English words ("" when eligible); its figures are reason_min and
                                    reason_value (version 3), for a text in another language */
    char from[8];              /**< `from` of the benefit rules in force ("YYYY-MM") */
    int days_in_month;         /**< calendar days of the month */
    int care_days;             /**< days of care used */
    int eligible_days;         /**< d = max(0, care days − hospital days) */
    shebao_fen cost;           /**< the cost the self-pay comes from (home_visit: R(price × hours); home_cash: 0) */
    shebao_fen fund_pays;      /**< what the fund pays */
    shebao_fen self_pays;      /**< cost − fund_pays (0 for home_cash) */
    shebao_ltc_limit binding;  /**< the limit that set the payment (see docs/ltc.md) */
    unsigned limits;           /**< every ::shebao_ltc_limit (except ratio) that lowered the payment, OR-ed */
    /* version 2: the rules of the grade and mode that were applied, so that a result can be told in words
       ("70.00 元/天 × 30 天"). Filled for an eligible claim; "" or #SHEBAO_UNSET where the mode has no such rule or
       the policy gives none. */
    char ratio[24];            /**< the payment ratio, a decimal ("0.9"); "" for home_cash (version 2) */
    shebao_fen daily_cap;      /**< institution modes: the cap per eligible day (version 2) */
    shebao_fen monthly_cap;    /**< the cap for the month, when the policy gives one (version 2) */
    char max_hours[24];        /**< home_visit: the most hours of care paid in a month, a decimal (version 2) */
    shebao_fen hour_price_cap; /**< home_visit: the highest price per hour paid (version 2) */
    shebao_fen monthly;        /**< home_cash: the amount for a whole month (version 2) */
    /* version 3: the figures of the refusal, so that the reason can be told in any language without reading
       reason_text. Both 0 when eligible. */
    int reason_min;            /**< the threshold that refused the claim: `min_grade`, `min_disability_months` or
                                    `waiting_months` of the policy (by ::shebao_ltc_reason); 0 when eligible
                                    (version 3) */
    int reason_value;          /**< the claim's own figure compared with it: its grade, its months of disability or
                                    its months of continuous insurance; 0 when eligible (version 3) */
} shebao_ltc_benefit;

/** Initialiser for ::shebao_ltc_benefit. */
#define SHEBAO_LTC_BENEFIT_INIT { SHEBAO_LTC_BENEFIT_VERSION, 0, SHEBAO_LTC_ELIGIBLE, "", "", 0, 0, 0, 0, 0, 0, \
                                  SHEBAO_LTC_LIMIT_NONE, 0, "", SHEBAO_UNSET, SHEBAO_UNSET, "", SHEBAO_UNSET,   \
                                  SHEBAO_UNSET, 0, 0 }

/**
 * @brief The benefit of one month of care under the rules in force in that month.
 *
 * d = max(0, care days − hospital days). With R the mode's rounding (default fen_half_up):
 * `cap_on_cost` pays min(R(ratio × min(cost, daily_cap × d)), monthly_cap); `cap_on_payment` pays
 * min(R(ratio × cost), daily_cap × d, monthly_cap); `home_visit` pays
 * min(R(ratio × min(price, hour_price_cap) × min(hours, max_hours_month)), monthly_cap); `home_cash` pays
 * R(monthly × d / days in the month). The fund never pays more than the cost. A grade below `min_grade`, a
 * disability shorter than `min_disability_months` or insurance shorter than `waiting_months` pays 0 with the
 * reason.
 * @param ctx context for the error message.
 * @param policy a policy with `long_term_care.eligibility` and `benefits`.
 * @param claim the month of care.
 * @param[in,out] out initialised with #SHEBAO_LTC_BENEFIT_INIT; filled on success.
 * @param assumptions if not NULL, refilled with the non-official values used.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (bad month or days, a missing cost/hours/price, a mode the rules in force
 *         do not define, no rules in force in the month), #SHEBAO_EPOLICY (no long_term_care section, a value
 *         missing for the grade), #SHEBAO_ECOMPUTE, #SHEBAO_EUSAGE or #SHEBAO_ENOMEM.
 */
int shebao_ltc_benefit_month(shebao_ctx *ctx, const shebao_policy *policy, const shebao_ltc_claim *claim,
                             shebao_ltc_benefit *out, shebao_ltc_assumptions *assumptions);

/** Current version of ::shebao_ltc_funding; a \c version from 1 to it is accepted. */
#define SHEBAO_LTC_FUNDING_VERSION 1

/** Contributions of one insured group. Initialise with #SHEBAO_LTC_FUNDING_INIT. */
typedef struct shebao_ltc_funding {
    unsigned version;                         /**< #SHEBAO_LTC_FUNDING_VERSION */
    char from[8];                             /**< `from` of the funding rules in force */
    int is_rate;                              /**< 0: fixed amounts per person per year; 1: rates on a monthly base */
    shebao_fen base;                          /**< rate: the base after floor and cap (0 for fixed) */
    int base_limited;                         /**< rate: -1 raised to the floor, 1 lowered to the cap, 0 neither */
    unsigned payers;                          /**< bit p set: payer p (::shebao_ltc_payer) has a part */
    shebao_fen per_person[SHEBAO_LTC_PAYERS]; /**< each payer's part for one person (a year, or a month for rates) */
    shebao_fen per_person_total;              /**< the parts added */
    long long count;                          /**< number of persons */
    shebao_fen total[SHEBAO_LTC_PAYERS];      /**< per_person × count */
    shebao_fen total_all;                     /**< per_person_total × count */
} shebao_ltc_funding;

/** Initialiser for ::shebao_ltc_funding. */
#define SHEBAO_LTC_FUNDING_INIT { SHEBAO_LTC_FUNDING_VERSION, "", 0, 0, 0, 0, {0}, 0, 0, {0}, 0 }

/**
 * @brief Contributions per insured person and for @p count persons of a group, by the funding rules in force.
 *
 * `fixed`: the parts are yuan per person per year. `rate`: each part is R(rate × clamp(base, base_floor,
 * base_cap)) per month, R the group's rounding (default fen_half_up).
 * @param ctx context for the error message.
 * @param policy a policy with `long_term_care.funding`.
 * @param group the insured group.
 * @param year year of the month.
 * @param month month 1–12.
 * @param count number of persons (≥ 0).
 * @param base monthly contribution base for `rate` rules; #SHEBAO_UNSET when not given (an error for `rate`
 *        rules).
 * @param[in,out] out initialised with #SHEBAO_LTC_FUNDING_INIT; filled on success.
 * @param assumptions if not NULL, refilled with the non-official values used.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (bad month, no rules in force, group not funded, base missing),
 *         #SHEBAO_EPOLICY, #SHEBAO_ECOMPUTE (overflow), #SHEBAO_EUSAGE or #SHEBAO_ENOMEM.
 */
int shebao_ltc_fund(shebao_ctx *ctx, const shebao_policy *policy, shebao_ltc_group group, int year, int month,
                    long long count, shebao_fen base, shebao_ltc_funding *out, shebao_ltc_assumptions *assumptions);

/** Current version of ::shebao_ltc_cost_input; a \c version from 1 to it is accepted. */
#define SHEBAO_LTC_COST_INPUT_VERSION 1

/** Inputs of a fund-level estimate. Initialise with #SHEBAO_LTC_COST_INPUT_INIT. */
typedef struct shebao_ltc_cost_input {
    unsigned version;           /**< #SHEBAO_LTC_COST_INPUT_VERSION */
    long long beneficiaries;    /**< number of beneficiaries */
    const char *grade_mix;      /**< "3:0.5,4:0.3,5:0.2": grade:share, shares add up to exactly 1 */
    const char *mode_mix;       /**< "institution:0.4,home_visit:0.4,home_cash:0.2", shares add up to exactly 1 */
    int from_year;              /**< first month: year */
    int from_month;             /**< first month: 1–12 */
    int months;                 /**< number of months, 1–1200 */
    shebao_fen cost;            /**< institution modes: monthly cost per beneficiary; #SHEBAO_UNSET: not given */
    const char *hours;          /**< home_visit: hours per beneficiary per month; NULL: not given */
    shebao_fen price;           /**< home_visit: price per hour; #SHEBAO_UNSET: not given */
    int hospital_days;          /**< in-patient days per beneficiary per month */
} shebao_ltc_cost_input;

/** Initialiser for ::shebao_ltc_cost_input. */
#define SHEBAO_LTC_COST_INPUT_INIT                                                                                \
    { SHEBAO_LTC_COST_INPUT_VERSION, 0, NULL, NULL, 0, 0, 12, SHEBAO_UNSET, NULL, SHEBAO_UNSET, 0 }

/** Maximum number of cells of an estimate (6 grades × 4 modes). */
#define SHEBAO_LTC_MAX_CELLS 24

/** One (grade, mode) cell of an estimate. */
typedef struct shebao_ltc_cost_cell {
    int grade;               /**< grade */
    shebao_ltc_mode mode;    /**< care mode */
    char persons[48];        /**< beneficiaries × grade share × mode share, exact decimal */
    int eligible;            /**< 0 when the grade is below min_grade (nothing is paid) */
    shebao_fen per_person;   /**< what the fund pays one beneficiary over all the months */
    shebao_fen total;        /**< R(persons × per_person), fen_half_up */
} shebao_ltc_cost_cell;

/** Current version of ::shebao_ltc_cost; a \c version from 1 to it is accepted. */
#define SHEBAO_LTC_COST_VERSION 1

/** A fund-level spending estimate. Initialise with #SHEBAO_LTC_COST_INIT. */
typedef struct shebao_ltc_cost {
    unsigned version;                                /**< #SHEBAO_LTC_COST_VERSION */
    size_t ncells;                                   /**< cells used */
    shebao_ltc_cost_cell cells[SHEBAO_LTC_MAX_CELLS];/**< in the order of the grade mix, then the mode mix */
    shebao_fen total;                                /**< fen_half_up(Σ persons × per_person), rounded once */
} shebao_ltc_cost;

/** Initialiser for ::shebao_ltc_cost. */
#define SHEBAO_LTC_COST_INIT { SHEBAO_LTC_COST_VERSION, 0, {{0, SHEBAO_LTC_INSTITUTION, "", 0, 0, 0}}, 0 }

/**
 * @brief Estimate what the fund spends on a population of beneficiaries over some months, by the same rules as
 *        shebao_ltc_benefit_month() applied to each month (its own days, the rules in force that month) and
 *        each (grade, mode) cell; every beneficiary is taken as cared for the whole month and as meeting the
 *        disability and waiting periods (listed as an assumption).
 * @param ctx context for the error message.
 * @param policy a policy with `long_term_care.eligibility` and `benefits`.
 * @param in the inputs.
 * @param[in,out] out initialised with #SHEBAO_LTC_COST_INIT; filled on success.
 * @param assumptions if not NULL, refilled with the non-official values used.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (a malformed mix, shares not adding up to 1, a missing cost/hours/price,
 *         a mode not defined in a month), #SHEBAO_EPOLICY, #SHEBAO_ECOMPUTE, #SHEBAO_EUSAGE or #SHEBAO_ENOMEM.
 */
int shebao_ltc_cost_estimate(shebao_ctx *ctx, const shebao_policy *policy, const shebao_ltc_cost_input *in,
                             shebao_ltc_cost *out, shebao_ltc_assumptions *assumptions);

/**
 * @brief A disability assessment as the JSON document `shebao ltc assess --format json` prints: "policy", the
 *        totals "adl", "cognition" and "perception", their "levels", "grade", "grade_name" and "assumptions"
 *        (parameter, from, value, status, source, title; as in shebao_projection_to_json()).
 * @param policy the policy the assessment used (its id is written).
 * @param a the result of shebao_ltc_assess().
 * @param notes the assumptions the assessment filled; NULL gives an empty "assumptions" array.
 * @param[out] out NUL-terminated string owned by the caller (free with shebao_free()); NULL on failure.
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL @p policy, @p a or @p out) or #SHEBAO_ENOMEM.
 */
int shebao_ltc_assessment_to_json(const shebao_policy *policy, const shebao_ltc_assessment *a,
                                  const shebao_ltc_assumptions *notes, char **out);

/**
 * @brief One month's benefit as the JSON document `shebao ltc benefit --format json` prints: "policy", the claim's
 *        "month" (YYYY-MM), "grade", "grade_name" and "mode", then "benefits_from", "eligible", "reason" (null
 *        when eligible), "days_in_month", "care_days", "eligible_days", "cost" (null for `home_cash`),
 *        "fund_pays", "self_pays", "binding" (null for none), "limits" (the limits that lowered the payment:
 *        daily_cap, hours, price, monthly_cap, in that order) and "assumptions".
 * @param policy the policy the benefit used.
 * @param claim the claim given to shebao_ltc_benefit_month().
 * @param b its result.
 * @param notes the assumptions it filled; NULL gives an empty "assumptions" array.
 * @param[out] out NUL-terminated string owned by the caller (free with shebao_free()); NULL on failure.
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL @p policy, @p claim, @p b or @p out) or #SHEBAO_ENOMEM.
 */
int shebao_ltc_benefit_to_json(const shebao_policy *policy, const shebao_ltc_claim *claim,
                               const shebao_ltc_benefit *b, const shebao_ltc_assumptions *notes, char **out);

/**
 * @brief The contributions of a group as the JSON document `shebao ltc fund --format json` prints: "policy",
 *        "group", "month" (YYYY-MM), "funding_from", "basis" (rate or fixed), "period" (month or year), "base"
 *        and "base_limited" (floor, cap or null; both null for fixed amounts), "count", "per_person" and "total"
 *        (each paying payer by name, then "total") and "assumptions".
 * @param policy the policy the funding used.
 * @param group the group given to shebao_ltc_fund().
 * @param year the year given to shebao_ltc_fund().
 * @param month the month given to shebao_ltc_fund().
 * @param f its result.
 * @param notes the assumptions it filled; NULL gives an empty "assumptions" array.
 * @param[out] out NUL-terminated string owned by the caller (free with shebao_free()); NULL on failure.
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL @p policy, @p f or @p out) or #SHEBAO_ENOMEM.
 */
int shebao_ltc_funding_to_json(const shebao_policy *policy, shebao_ltc_group group, int year, int month,
                               const shebao_ltc_funding *f, const shebao_ltc_assumptions *notes, char **out);

/**
 * @brief A spending estimate as the JSON document `shebao ltc cost --format json` prints: "policy", the input's
 *        "from" (YYYY-MM), "months" and "beneficiaries", "cells" (grade, grade_name, mode, persons, eligible,
 *        per_person, total), "total" and "assumptions".
 * @param policy the policy the estimate used.
 * @param in the inputs given to shebao_ltc_cost_estimate().
 * @param est its result.
 * @param notes the assumptions it filled; NULL gives an empty "assumptions" array.
 * @param[out] out NUL-terminated string owned by the caller (free with shebao_free()); NULL on failure.
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL @p policy, @p in, @p est or @p out) or #SHEBAO_ENOMEM.
 */
int shebao_ltc_cost_to_json(const shebao_policy *policy, const shebao_ltc_cost_input *in, const shebao_ltc_cost *est,
                            const shebao_ltc_assumptions *notes, char **out);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SHEBAO_LTC_H */
