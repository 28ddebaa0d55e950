/* Internal declarations shared by the library sources (the error helpers, TRY and the bounds are in common.h,
 * included here). Not installed. */
#ifndef SHEBAO_INTERNAL_H
#define SHEBAO_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <gmp.h>
#include <mpfr.h>

#include "common.h"
#include "shebao.h"

struct sb_mortality; /* mortality.c's per-context cache (life tables, annuity tails, scratch values) */

struct shebao_ctx {
    int code;
    unsigned precision;
    shebao_language lang; /* of the messages (sb_fail translates its format when SHEBAO_LANG_ZH) */
    char msg[SB_ERRMSG_SIZE];
    /* made on first use by mortality.c, which also sets mortality_release; shebao_ctx_free calls it */
    struct sb_mortality *mortality;
    void (*mortality_release)(struct sb_mortality *);
    /* contexts are made one after another and then used by different threads, each writing to its own (code and
     * message): keep the next allocation off this one's last cache line */
    char pad_end[64];
};

/* Round an MPFR amount of fen to whole fen, ties away from zero (fen_half_up on the exact binary value); tmp is
 * scratch of the same precision as fen. The EPV's rounding: defined in lifetime_epv.c, beside the EPV and the proof
 * of its fast path. */
int sb_mpfr_round_fen(const mpfr_t fen, mpfr_t tmp, int64_t *out);

/* A struct with a version member is accepted when 0 < version <= current (an older caller keeps working):
 * SHEBAO_OK, or SHEBAO_EUSAGE with a message naming the struct ("shebao_person.version 2: ..."). */
int sb_check_version(shebao_ctx *ctx, const char *type, unsigned version, unsigned current, const char *init);

/* printf into a fresh heap string; NULL on failure. */
char *sb_asprintf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
char *sb_strdup(const char *s);

/* ---- exact decimals (decimal.c) ------------------------------------------------------------------------ */

/* An exact decimal num / 10^scale, 0 <= scale <= SB_DEC_MAX_SCALE. */
typedef struct sb_dec {
    int64_t num;
    int scale;
} sb_dec;

#define SB_DEC_MAX_SCALE 18

/* Read the len bytes at s, all of them, as a plain decimal ("-12.345", "0012.50"): a sign, digits (leading zeros,
 * however many, add nothing), an optional '.' and digits, of which at most max_scale (<= SB_DEC_MAX_SCALE) may
 * remain once trailing zeros are dropped. The checks come in the order of the statuses. */
typedef enum sb_dec_status {
    SB_DEC_OK,
    SB_DEC_EMPTY,  /* no bytes (or s NULL) */
    SB_DEC_SYNTAX, /* not a plain decimal */
    SB_DEC_SCALE,  /* more than max_scale decimals */
    SB_DEC_RANGE   /* beyond the range of num */
} sb_dec_status;
sb_dec_status sb_dec_read(const char *s, size_t len, int max_scale, sb_dec *out);
/* The phrase for a status, as sb_dec_parse words it ("more than 18 decimals" for SB_DEC_SCALE). */
const char *sb_dec_status_text(sb_dec_status st);
/* Parse a plain decimal string (sb_dec_read up to SB_DEC_MAX_SCALE decimals). Returns SHEBAO_OK, SHEBAO_EINPUT
 * (empty, syntax, more than 18 decimals; *why set) or SHEBAO_ECOMPUTE (beyond the range of num; *why set). */
int sb_dec_parse(const char *s, sb_dec *out, const char **why);
/* int64 <-> mpz */
void sb_mpz_set_i64(mpz_t rop, int64_t v);
bool sb_mpz_get_i64(const mpz_t op, int64_t *out);
/* The exact value as a rational. */
void sb_dec_to_q(mpq_t rop, sb_dec d);
/* Compare with 0 and with another decimal. */
int sb_dec_sgn(sb_dec d);
int sb_dec_cmp(sb_dec a, sb_dec b);
/* Canonical text (no trailing zeros beyond the scale given: "0.0262", "139"). buf >= 48 bytes. */
void sb_dec_format(sb_dec d, char *buf, size_t size);
/* Drop the trailing zeros of a decimal text after its point, and the point when nothing follows ("30.800" → "30.8",
 * "1.00" → "1"), in place. */
void sb_dec_trim(char *buf);
/* Decimal with at most two decimals to fen; false when it has more (non-zero) decimals or overflows. */
bool sb_dec_to_fen(sb_dec d, int64_t *fen);

/* The bounds of an interest or discount rate, [-0.05, 0.20] (a yearly rate outside them is a mistake, most often
 * a percentage written as a number: 2.5 for 0.025). sb_rate_why describes one outside them: "21% a year", or for a
 * percentage written as a number "250% a year: write 0.025 for 2.5%". sb_rate_arg parses a run's rate option
 * (`what` names it: "discount rate") and fails with SHEBAO_EINPUT saying which and why. (decimal.c) */
#define SB_RATE_BOUNDS "[-0.05, 0.20]"
bool sb_rate_ok(sb_dec d);
void sb_rate_why(sb_dec d, char *buf, size_t size);
int sb_rate_arg(shebao_ctx *ctx, const char *what, const char *text, sb_dec *out);

/* Round an exact rational to money. SHEBAO_OK or SHEBAO_ECOMPUTE when the result does not fit. */
int sb_round_q(const mpq_t q, shebao_rounding mode, shebao_fen *out);
/* 10^0 .. 10^18 (decimal.c). */
extern const int64_t sb_pow10[19];

/* The rounding unit of a mode in fen: 1 (fen_*), 10 (jiao_*), 100 (yuan_half_up). */
static inline int64_t sb_round_unit(shebao_rounding mode)
{
    return mode == SHEBAO_ROUND_JIAO_UP || mode == SHEBAO_ROUND_JIAO_HALF_UP ? 10
         : mode == SHEBAO_ROUND_YUAN_HALF_UP ? 100 : 1;
}

#ifdef __SIZEOF_INT128__
/* The same rounding for the exact ratio num / den fen (den > 0), in 128-bit integers: the fast path.
 * SHEBAO_ECOMPUTE when the result does not fit (callers then fall back to sb_round_q). */
int sb_round_ratio(__int128 num, __int128 den, shebao_rounding mode, shebao_fen *out);
#endif

/* ---- months (month.c) ------------------------------------------------------------------------------ */

/* A month as year * 12 + (month - 1). */
typedef int32_t sb_month;
#define SB_MONTH_YEAR(m) ((int)((m) / 12))
#define SB_MONTH_MON(m) ((int)((m) % 12) + 1)
#define SB_MONTH_MAKE(y, mo) ((sb_month)((y) * 12 + (mo) - 1))

/* Parse "YYYY-MM" (year SB_YEAR_MIN..SB_YEAR_MAX, common.h). */
bool sb_month_parse(const char *s, sb_month *out);
/* Format as "YYYY-MM"; buf >= 8 bytes. */
void sb_month_format(sb_month m, char *buf, size_t size);
/* A person's month of birth: SHEBAO_OK, or SHEBAO_EINPUT naming it unless year is SB_YEAR_MIN..SB_BIRTH_YEAR_MAX
 * and month 1..12 (the check of shebao_project(), shebao_project_summary() and shebao_compare()). */
int sb_month_check_birth(shebao_ctx *ctx, int year, int month);

/* ---- policy (policy_*.c) --------------------------------------------------------------------------- */

typedef struct sb_param {
    char *path, *from, *value, *source;
    shebao_status status;
    const char *title, *url; /* point into sb_source */
} sb_param;

typedef struct sb_source {
    char *id, *title, *url;
    shebao_status status;
} sb_source;

typedef struct sb_dated_money {
    sb_month from;
    int64_t fen;
    uint32_t param;
} sb_dated_money;

typedef struct sb_series {
    sb_dated_money *v;
    size_t n;
} sb_series;

typedef struct sb_supplement {
    sb_month from;
    int min_age;
    int64_t fen;
    uint32_t param;
} sb_supplement;

typedef struct sb_grade {
    int64_t grade, subsidy;
    bool daijiao;
    uint32_t param;
} sb_grade;

typedef struct sb_grade_table {
    sb_month from;
    sb_grade *g;
    size_t n;
} sb_grade_table;

typedef struct sb_band {
    int from_year, to_year; /* to_year 0: open-ended */
    int64_t per_year;       /* fen a month per year in the band (0 for a percent band) */
    int64_t pct9;           /* percent_of_base × 10^9 (0 for a per_year band) */
    bool is_pct;
    uint32_t param;
} sb_band;

typedef struct sb_rate {
    int year;
    sb_dec rate;
    int64_t r6; /* rate · 10^6 when that is a whole number below 2^20 (the ledger's fast path), else -1 */
    uint32_t param;
} sb_rate;

/* The r6 of a rate (see sb_rate). */
static inline int64_t sb_rate6(sb_dec r)
{
    if (r.scale > 6 || r.num < 0 || r.num >= (INT64_C(1) << 20))
        return -1;
    int64_t r6 = r.num * sb_pow10[6 - r.scale];
    return r6 < (INT64_C(1) << 20) ? r6 : -1;
}

typedef enum sb_interest_method { SB_INTEREST_YEAR_END, SB_INTEREST_YEAR_START, SB_INTEREST_MONTHLY } sb_interest_method;

typedef struct sb_resident {
    bool present;
    sb_month scheme_start;
    int claim_age, offset_months, min_years, funeral_months;
    sb_dec divisor;
    sb_series base, central;
    sb_supplement *supp;
    size_t nsupp;
    sb_grade_table *tables;
    size_t ntables;
    /* per year SB_YEAR_MIN..SB_YEAR_MAX: the index of the table in force (-1: none yet) and the year the next table
     * starts (INT_MAX: none), worked out when the policy is built */
    int16_t table_at[SB_YEAR_MAX - SB_YEAR_MIN + 1];
    int table_next[SB_YEAR_MAX - SB_YEAR_MIN + 1];
    int64_t backpay_max;
    bool backpay_subsidised, backpay_counts;
    sb_band *bands;
    size_t nbands;
    /* the rules other provinces need (docs/policy-format.md): the account pension's rounding (fen_half_up when
     * absent), the years pension total's rounding (fen_half_up), the monthly total's (has_total_rounding false:
     * none), and whether only the highest age supplement reached is paid (false: they add up). `nonlinear`: the
     * monthly pension is not base + fixed + Σ supplements (a percent band, a total rounding or `highest`), so the
     * lifetime sums walk it in runs of equal pension (lifetime_epv.c). */
    shebao_rounding account_rounding, years_rounding, total_rounding;
    bool has_account_rounding, has_years_rounding, has_total_rounding, has_combine, supp_highest, has_pct_bands,
        nonlinear;
    uint32_t p_account_rounding, p_years_rounding, p_total_rounding, p_combine;
    sb_interest_method method;
    int deposit_month;
    shebao_rounding rounding;
    sb_rate *rates;
    size_t nrates;
    sb_dec future_rate;
    bool after_claim;
    /* the policy's data horizon ($.data_through): the last month its figures are known to be complete; given, or
     * the month of the last dated value of this section (policy_build.c). After it a value is carried forward. */
    sb_month data_through;
    uint32_t p_data_through;
    /* parameter indices of the scalars, for provenance */
    uint32_t p_scheme_start, p_claim_age, p_offset, p_min_years, p_divisor, p_funeral, p_backpay_max,
        p_backpay_subsidised, p_backpay_counts, p_method, p_deposit_month, p_rounding, p_future_rate,
        p_after_claim;
} sb_resident;

/* ---- long-term care (section long_term_care; read in policy_ltc.c, used by ltc_*.c) --------------------- */

#define SB_LTC_GRADES 6  /* grades 0..5 */
#define SB_LTC_LEVELS 4  /* levels 0..3 of a first-level indicator */
#define SB_LTC_DOMAINS 3 /* ADL, cognition, perception (index = shebao_ltc_domain) */
#define SB_LTC_MODES 4   /* index = shebao_ltc_mode */
#define SB_LTC_GROUPS 5  /* index = shebao_ltc_group */
#define SB_LTC_PAYERS 5  /* index = shebao_ltc_payer */

/* A value per grade ({"3": "0.7", "5": "0.8"}): bit g of `set` when grade g has one. */
typedef struct sb_ltc_gmap {
    unsigned set;
    int64_t fen[SB_LTC_GRADES]; /* amounts */
    sb_dec dec[SB_LTC_GRADES];  /* ratios and hours */
    uint32_t param[SB_LTC_GRADES];
} sb_ltc_gmap;

typedef struct sb_ltc_band {
    int level, min;
    uint32_t param;
} sb_ltc_band;

typedef struct sb_ltc_mode {
    bool present;
    int convention; /* 0 cap_on_cost, 1 cap_on_payment (institution modes) */
    uint32_t p_convention;
    sb_ltc_gmap ratio, daily_cap, monthly_cap, max_hours, monthly;
    int64_t hour_price_cap;
    uint32_t p_hour_price_cap;
    bool has_rounding;
    shebao_rounding rounding; /* fen_half_up when absent */
    uint32_t p_rounding;
} sb_ltc_mode;

typedef struct sb_ltc_benefits {
    sb_month from;
    sb_ltc_mode mode[SB_LTC_MODES];
} sb_ltc_benefits;

typedef struct sb_ltc_group {
    bool present, is_rate, has_total, has_floor, has_cap, has_rounding;
    unsigned parts; /* bit p: payer p has a part */
    int64_t fen[SB_LTC_PAYERS];
    sb_dec rate[SB_LTC_PAYERS];
    uint32_t param[SB_LTC_PAYERS];
    int64_t total_fen;
    sb_dec total_rate;
    uint32_t p_total;
    int64_t floor, cap;
    uint32_t p_floor, p_cap;
    shebao_rounding rounding;
    uint32_t p_rounding;
} sb_ltc_group;

typedef struct sb_ltc_funding {
    sb_month from;
    sb_ltc_group group[SB_LTC_GROUPS];
} sb_ltc_funding;

typedef struct sb_ltc {
    bool present, has_assessment, has_eligibility;
    sb_ltc_band bands[SB_LTC_DOMAINS][SB_LTC_LEVELS]; /* ascending by min */
    size_t nbands[SB_LTC_DOMAINS];
    int combination[SB_LTC_LEVELS][SB_LTC_LEVELS];
    uint32_t p_combination;
    int min_grade, min_disability_months, waiting_months;
    uint32_t p_min_grade, p_min_disability_months, p_waiting_months;
    sb_ltc_funding *funding;
    size_t nfunding;
    sb_ltc_benefits *benefits;
    size_t nbenefits;
} sb_ltc;

/* ---- employee pension (section employee_pension; read in policy_employee.c, used by retire.c, employee_*.c) - */

#define SB_RETIRE_CATEGORIES 3 /* index = shebao_retire_category */
#define SB_DIVISOR_AGE_MIN 40
#define SB_DIVISOR_AGE_MAX 70
#define SB_DIVISOR_AGES (SB_DIVISOR_AGE_MAX - SB_DIVISOR_AGE_MIN + 1)

/* One category of the retirement-age reform: the original age, the first birth month it delays, one more month
 * of delay per `step` birth months, up to `cap` months. */
typedef struct sb_retire_rule {
    bool present;
    int original_age, step, cap;
    sb_month first_birth;
    uint32_t param[4]; /* original_age, first_birth, step_months, max_delay_months */
} sb_retire_rule;

/* A value per calendar year (years strictly increasing, consecutive): an amount (fen) or a rate (dec);
 * `published` is the month from which the figure is known (benefit bases; the year's January otherwise). */
typedef struct sb_year_value {
    int year;
    int64_t fen;
    sb_dec dec;
    sb_month published;
    uint32_t param;
} sb_year_value;

typedef struct sb_year_list {
    sb_year_value *v;
    size_t n;
} sb_year_list;

/* A contribution band of one year, monthly yuan. */
typedef struct sb_contrib_band {
    int year;
    int64_t floor, ceiling;
    uint32_t param;
} sb_contrib_band;

/* A rate in force from a month. */
typedef struct sb_dated_rate {
    sb_month from;
    sb_dec rate;
    uint32_t param;
} sb_dated_rate;

typedef enum sb_divisor_mode { SB_DIVISOR_WHOLE_YEAR, SB_DIVISOR_MONTH_LINEAR } sb_divisor_mode;

typedef struct sb_employee {
    bool present;
    sb_retire_rule retire[SB_RETIRE_CATEGORIES];
    int elastic_early, elastic_late;             /* months */
    int min_months, min_rise_from, min_rise_step, min_max_months; /* minimum contribution, months */
    sb_contrib_band *bands;
    size_t nbands;
    sb_dated_rate *flex;
    size_t nflex;
    sb_dec account_share, future_rate, basic_rate;
    sb_year_list wage, base, crediting;
    sb_divisor_mode divisor_mode;
    sb_dec divisor[SB_DIVISOR_AGES];
    uint32_t p_divisor[SB_DIVISOR_AGES];
    int years_decimals;
    shebao_rounding component_rounding, total_rounding;
    bool has_transition, has_adjustment;
    sb_dec transition_coefficient;
    int64_t adjustment_fixed, adjustment_per;
    sb_series subsidy;
    uint32_t p_elastic_early, p_elastic_late, p_min, p_account_share, p_future_rate, p_basic_rate, p_divisor_mode,
        p_years_decimals, p_component_rounding, p_total_rounding, p_transition, p_adjustment[2];
} sb_employee;

struct shebao_policy {
    char *id, *name, *lineage, *json;
    char *name_zh; /* the region's display name in Chinese ("台州市区"), NULL when the file gives none */
    sb_source *sources;
    size_t nsources;
    sb_param *params;
    size_t nparams, capparams;
    sb_resident rp;
    sb_ltc ltc;
    sb_employee ep;
};

/* Embedded data (generated at build time). */
typedef struct sb_embedded {
    const char *name;
    const char *data;
    size_t size;
} sb_embedded;
extern const sb_embedded sb_embedded_policies[];
extern const size_t sb_embedded_policies_count;
extern const sb_embedded sb_embedded_tables[];
extern const size_t sb_embedded_tables_count;

/* Round an exact rational to a decimal string with `decimals` places, ties away from zero (display of ratios
 * and rates that are not money). buf >= 48 bytes. */
void sb_q_format(const mpq_t q, int decimals, char *buf, size_t size);

/* Growable text buffer. */
typedef struct sb_buf {
    char *s;
    size_t len, cap;
    bool failed;
} sb_buf;
void sb_buf_printf(sb_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void sb_buf_vprintf(sb_buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;

/* ---- the explanation trail (trail.c) ------------------------------------------------------------------------ */

/* The steps of a computation asked to explain itself (shebao_projection_explain, shebao_employee_plan_explain):
 * always in English (`en`: the "explain" of the JSON, which is the same in every language), and, when the context
 * was Chinese as the computation started, once more from the catalogue's translation of each format (`zh`: what
 * the explain functions give then). Each format is a message of the domain libshebao (tools/po.sh: SB_SAY). */
typedef struct sb_trail {
    bool on, zh_on;
    sb_buf en, zh;
} sb_trail;
/* Start a trail: on when `on`, in Chinese too when ctx's language is SHEBAO_LANG_ZH. */
void sb_trail_start(sb_trail *t, const shebao_ctx *ctx, bool on);
/* The text of the trail in the language it was started in ("" when empty); NULL when it is off. */
const char *sb_trail_text(const sb_trail *t);
/* Whether a line could not be kept (out of memory). */
bool sb_trail_failed(const sb_trail *t);
void sb_trail_free(sb_trail *t);
/* One pass of SB_SAY: the English format into t->en, or (zh) its translation into t->zh. */
void sb_trail_printf(sb_trail *t, bool zh, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* A piece of English text given as an argument of SB_SAY (" (projected)"), translated in the Chinese pass. */
const char *sb_trail_piece(bool zh, const char *en);

/* Append a step to the trail t when it is on: a test of one flag, and only then the arguments evaluated and
 * formatted, once per language kept. The arguments may name SB_PIECE("..."), a piece of text that the Chinese pass
 * translates (marked for the catalogue under the keyword SB_PIECE). */
#define SB_SAY(t, ...)                                                                                            \
    do {                                                                                                          \
        sb_trail *sb_t_ = (t);                                                                                    \
        if (sb_t_->on)                                                                                            \
            for (int sb_zh_ = 0; sb_zh_ <= (int)sb_t_->zh_on; sb_zh_++)                                           \
                sb_trail_printf(sb_t_, sb_zh_, __VA_ARGS__);                                                      \
    } while (0)
#define SB_PIECE(en) sb_trail_piece(sb_zh_, (en))

#endif /* SHEBAO_INTERNAL_H */
