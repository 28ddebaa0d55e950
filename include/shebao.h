/**
 * @file shebao.h
 * @brief libshebao: exact Chinese social-insurance contributions and benefits.
 *
 * One umbrella header. Every public name starts with `shebao_` or `SHEBAO_`.
 *
 * Conventions (see docs/mainpage.md):
 *  - Functions return a ::shebao_code: 0 on success, a negative code on failure. Functions that take a
 *    ::shebao_ctx leave a one-line human message in it (shebao_ctx_errmsg()).
 *  - Objects are opaque and come in `_new`/`_free` (or `_load`/`_free`) pairs. Out-parameters are owned by the
 *    caller unless documented otherwise; strings returned through `char **` are freed with shebao_free().
 *  - A loaded ::shebao_policy is immutable and may be shared by any number of threads. A ::shebao_ctx belongs to
 *    one thread at a time. The library has no global mutable state, never prints and never exits.
 *  - Money crosses the API as `int64_t` fen (::shebao_fen) or as decimal strings, never as floating point.
 *  - NULL never crashes. A NULL context, object or output pointer makes a function return #SHEBAO_EUSAGE (and
 *    leave a message in the context when the context is not NULL); so does a NULL required input (a path, a
 *    document, a plan, a person, a claim, an array with a non-zero count), except a NULL number or name to read,
 *    which is refused like an empty one (#SHEBAO_EINPUT). `_free` functions and shebao_free() do nothing with
 *    NULL. A getter that returns a value instead of a code returns what its comment gives for a NULL object (0,
 *    -1 or NULL). Arguments documented as "may be NULL" or "if not NULL" are optional.
 *  - A figure that does not apply is said one way per kind of output (docs/conventions.md): #SHEBAO_NA with the
 *    out value 0 or "" from a function that returns a code, NULL from a getter of a string, a `has_*` flag of 0
 *    (and the figure 0) in a result struct, `null` in JSON.
 */
#ifndef SHEBAO_H
#define SHEBAO_H

#include <stddef.h>
#include <stdint.h>

#include "shebao/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup core Core: versions, errors, contexts
 *  @{ */

/**
 * Result codes. 0 is success; failures are negative. The CLI exits with the absolute value (2–5).
 * #SHEBAO_NA is positive: no failure and no message, the asked figure does not apply to this result.
 */
typedef enum shebao_code {
    SHEBAO_OK = 0,        /**< success */
    SHEBAO_NA = 1,        /**< not a failure: the figure does not apply to this result (not eligible, no life
                               table); the out value is set to 0 or "" and the context keeps no message */
    SHEBAO_ENOMEM = -1,   /**< out of memory */
    SHEBAO_EUSAGE = -2,   /**< invalid argument or usage (a NULL handle, an unknown option) */
    SHEBAO_EPOLICY = -3,  /**< policy or data error (malformed policy, unknown policy id, missing parameter) */
    SHEBAO_EINPUT = -4,   /**< invalid input (bad date, unknown grade, malformed number) */
    SHEBAO_ECOMPUTE = -5  /**< computation error (overflow, value out of the representable range) */
} shebao_code;

/**
 * "Not given": the value of an optional number in an input struct when 0 cannot stand for "not given" (a cost, a
 * price, a number of months of a long-term care claim). The `_INIT` macros set such members to it.
 */
#define SHEBAO_UNSET (-1)

/**
 * @brief Run-time version string, e.g. "0.1.0".
 * @return a static string; compare with #SHEBAO_VERSION_STRING to detect a header/library mismatch.
 */
const char *shebao_version(void);

/**
 * @brief Run-time version number, as #SHEBAO_VERSION_NUM.
 * @return (major << 16) | (minor << 8) | patch of the linked library.
 */
int shebao_version_num(void);

/**
 * @brief Static English description of a result code.
 * @param code a ::shebao_code value.
 * @return a static string, never NULL ("unknown error" for unknown codes).
 */
const char *shebao_strerror(int code);

/** Per-thread computation context: error message, arithmetic precision. Opaque. */
typedef struct shebao_ctx shebao_ctx;

/**
 * @brief Create a context.
 * @param[out] out receives the new context, owned by the caller (free with shebao_ctx_free()).
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE if @p out is NULL, or #SHEBAO_ENOMEM.
 */
int shebao_ctx_new(shebao_ctx **out);

/**
 * @brief Free a context. NULL is allowed.
 *
 * Call it in the thread that used the context: it also releases that thread's MPFR caches.
 * @param ctx context to free.
 */
void shebao_ctx_free(shebao_ctx *ctx);

/**
 * @brief Message of the last failure on @p ctx.
 * @param ctx a context (NULL gives "no context").
 * @return a one-line message naming what failed and where; "" when the last call succeeded. Valid until the
 *         next call that uses @p ctx.
 */
const char *shebao_ctx_errmsg(const shebao_ctx *ctx);

/**
 * @brief Code of the last failure on @p ctx (#SHEBAO_OK when the last call succeeded).
 * @param ctx a context (NULL gives #SHEBAO_EUSAGE).
 * @return a ::shebao_code.
 */
int shebao_ctx_errcode(const shebao_ctx *ctx);

/**
 * @brief Set the MPFR precision (bits) used for transcendental steps (discounting, survival sums, IRR).
 * @param ctx a context.
 * @param bits precision in bits, at least #SHEBAO_MIN_PRECISION (the default) and at most 4096.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (NULL @p ctx, @p bits out of range).
 */
int shebao_ctx_set_precision(shebao_ctx *ctx, unsigned bits);

/** The language of a context's error messages (shebao_ctx_set_language()). */
typedef enum shebao_language {
    SHEBAO_LANG_EN = 0, /**< English, as written in the library's sources (the default) */
    SHEBAO_LANG_ZH = 1  /**< Chinese (zh_CN), from the catalogue of the text domain "libshebao" */
} shebao_language;

/**
 * @brief Set the language of the messages shebao_ctx_errmsg() gives for failures on @p ctx from now on.
 *
 * The library marks its messages for GNU gettext under its own text domain, "libshebao" (English is the source
 * language). With #SHEBAO_LANG_ZH a failure's message is made from dgettext("libshebao", format): the caller sets
 * up where the catalogue is and which language gettext looks up, once for its process (setlocale(LC_MESSAGES, ...),
 * bindtextdomain("libshebao", DIR), bind_textdomain_codeset("libshebao", "UTF-8"); the CLI does it in
 * examples/shebao/cli_lang.c). The library itself calls none of these and keeps no global state; without a
 * catalogue the message stays English. A value the message quotes (a file name, a JSON path, a policy value) is
 * never translated.
 * @param ctx a context.
 * @param lang a ::shebao_language.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (NULL @p ctx, an unknown @p lang).
 */
int shebao_ctx_set_language(shebao_ctx *ctx, shebao_language lang);

/** Default and minimum MPFR precision in bits. */
#define SHEBAO_MIN_PRECISION 128

/**
 * @brief Free memory the library returned to the caller (strings from shebao_policy_to_json() and the like).
 * @param p pointer to free; NULL is allowed.
 */
void shebao_free(void *p);

/** @} */

/** @defgroup money Exact money
 *  Money is an integer number of fen (0.01 yuan). Rates and ratios are exact decimal fractions; rounding happens
 *  only in the named modes below.
 *  @{ */

/** An amount of money in fen (1 yuan = 100 fen). */
typedef int64_t shebao_fen;

/** The named rounding modes. No other rounding happens anywhere in the library. */
typedef enum shebao_rounding {
    SHEBAO_ROUND_FEN_HALF_UP = 0, /**< `fen_half_up`: to 0.01, ties away from zero (四舍五入) */
    SHEBAO_ROUND_JIAO_UP,         /**< `jiao_up`: to 0.1, any fen rounds away from zero (见分进角) */
    SHEBAO_ROUND_JIAO_HALF_UP,    /**< `jiao_half_up`: to 0.1, ties away from zero */
    SHEBAO_ROUND_YUAN_HALF_UP,    /**< `yuan_half_up`: to 1, ties away from zero */
    SHEBAO_ROUND_FEN_TRUNCATE     /**< `fen_truncate`: to 0.01, toward zero */
} shebao_rounding;

/**
 * @brief The data-format name of a rounding mode ("fen_half_up", ...).
 * @param mode a ::shebao_rounding.
 * @return a static string, or NULL for an unknown mode.
 */
const char *shebao_rounding_name(shebao_rounding mode);

/**
 * @brief Look a rounding mode up by its data-format name.
 * @param name e.g. "jiao_up".
 * @param[out] out the mode.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT for an unknown (or NULL) name, or #SHEBAO_EUSAGE if @p out is NULL.
 */
int shebao_rounding_from_name(const char *name, shebao_rounding *out);

/** Size of a buffer that holds any formatted ::shebao_fen, terminator included. */
#define SHEBAO_MONEY_BUFSZ 32

/**
 * @brief Format fen as a yuan string with exactly two decimals ("-1234.50"), independent of the C locale.
 * @param fen amount.
 * @param[out] buf destination.
 * @param size size of @p buf; #SHEBAO_MONEY_BUFSZ is always enough.
 * @return #SHEBAO_OK, or #SHEBAO_EUSAGE if @p buf is NULL or too small.
 */
int shebao_money_format(shebao_fen fen, char *buf, size_t size);

/**
 * @brief Parse a plain decimal yuan amount that is a whole number of fen ("1234.5", "-0.01", "7000").
 *
 * Accepted syntax: optional '-' or '+', digits, optional '.' and digits (at least one digit in all). Refused:
 * exponents ("1e3"), "nan", "", "12.3.4", "1,000", spaces, trailing garbage, more than two significant decimals
 * ("0.005"), and values whose fen do not fit in 64 bits. The whole string is read, however long: leading zeros and
 * trailing decimal zeros add nothing ("0002000.000" is 2000.00), and a non-zero decimal past the second is refused
 * however far it comes.
 * @param ctx context for the error message.
 * @param s the string.
 * @param[out] out the amount in fen.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (malformed or NULL, or not a whole fen), #SHEBAO_ECOMPUTE (out of range)
 *         or #SHEBAO_EUSAGE (NULL @p ctx or @p out).
 */
int shebao_money_parse(shebao_ctx *ctx, const char *s, shebao_fen *out);

/**
 * @brief Round an exact decimal string ("-0.005", "2.675", "1.004999") to money in a named mode.
 * @param ctx context for the error message.
 * @param decimal the value, same syntax as shebao_money_parse() but with up to 18 decimals.
 * @param mode rounding mode.
 * @param[out] out the rounded amount in fen.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (malformed or NULL), #SHEBAO_ECOMPUTE or #SHEBAO_EUSAGE (NULL @p ctx or
 *         @p out, an unknown mode).
 */
int shebao_decimal_round(shebao_ctx *ctx, const char *decimal, shebao_rounding mode, shebao_fen *out);

/**
 * @brief Multiply two exact decimals and round the exact product once ("350.00" × "0.0123" = 4.305 → 4.31).
 * @param ctx context for the error message.
 * @param a first factor (decimal string).
 * @param b second factor (decimal string).
 * @param mode rounding mode.
 * @param[out] out the rounded product in fen.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (malformed or NULL), #SHEBAO_ECOMPUTE or #SHEBAO_EUSAGE (NULL @p ctx or
 *         @p out, an unknown mode).
 */
int shebao_decimal_mul_round(shebao_ctx *ctx, const char *a, const char *b, shebao_rounding mode,
                             shebao_fen *out);

/**
 * @brief Divide two exact decimals and round the exact quotient once ("50850" ÷ "139" → 365.83).
 * @param ctx context for the error message.
 * @param a dividend (decimal string).
 * @param b divisor (decimal string, not zero).
 * @param mode rounding mode.
 * @param[out] out the rounded quotient in fen.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (malformed or NULL, or division by zero), #SHEBAO_ECOMPUTE or
 *         #SHEBAO_EUSAGE (NULL @p ctx or @p out, an unknown mode).
 */
int shebao_decimal_div_round(shebao_ctx *ctx, const char *a, const char *b, shebao_rounding mode,
                             shebao_fen *out);

/** @} */

/** @defgroup month Months and typed text
 *  Calendar months as text, "YYYY-MM", the one form every month in the API and the data format takes; and text as
 *  people type it (full-width digits, "2024年3月") made into that form: shebao_text_normalise(),
 *  shebao_month_parse_loose().
 *  @{ */

/** First year of a month or a plan year. */
#define SHEBAO_YEAR_MIN 1900
/** Last year of a month or a plan year. */
#define SHEBAO_YEAR_MAX 2199
/** Last birth year of a ::shebao_person (shebao_project() and shebao_compare() refuse later ones); earlier than
 *  #SHEBAO_YEAR_MAX so that a person born in it still has plan years from age 16 on. */
#define SHEBAO_BIRTH_YEAR_MAX 2150
/** Size of a buffer that holds a formatted month, terminator included. */
#define SHEBAO_MONTH_BUFSZ 8

/**
 * @brief Parse a month "YYYY-MM": exactly four digits, '-', two digits, nothing after ("2024-03"); year
 * #SHEBAO_YEAR_MIN to #SHEBAO_YEAR_MAX, month 01 to 12.
 *
 * Refused: "2024-3", "24-03", "2024-03-01", "2024/03", spaces, trailing characters, "2024-13", "0000-01",
 * "2200-01". Nothing is written to @p year or @p month unless the call succeeds.
 * @param s the text.
 * @param[out] year the year.
 * @param[out] month the month, 1–12.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (malformed, out of range, or NULL @p s) or #SHEBAO_EUSAGE (NULL @p year or
 *         @p month).
 */
int shebao_month_parse(const char *s, int *year, int *month);

/**
 * @brief Parse a month as people type it: what shebao_month_parse() reads, and also "2024-3", "2024/03",
 * "2024/3", "2024.3", "2024.03", "2024年3月" and "2024年03月" (月 may be left out), in full-width characters
 * ("２０２４－０３") or with blanks around (the text is first put through shebao_text_normalise()).
 *
 * The year is four digits, #SHEBAO_YEAR_MIN to #SHEBAO_YEAR_MAX; the month one or two digits, 1 to 12; nothing may
 * follow. Refused as by shebao_month_parse(): "24-03", "202403", "2024-13", "2024-03-01", "2024年", "3月2024".
 * Nothing is written to @p year or @p month unless the call succeeds. The month it gives, formatted by
 * shebao_month_format(), is read back by both parsers.
 * @param s the text.
 * @param[out] year the year.
 * @param[out] month the month, 1–12.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (malformed, out of range, longer than 31 bytes, or NULL @p s) or
 *         #SHEBAO_EUSAGE (NULL @p year or @p month).
 */
int shebao_month_parse_loose(const char *s, int *year, int *month);

/**
 * @brief Put text as people type it into the form the parsers read: each full-width form U+FF01–U+FF5E
 * ("０"–"９", "，", "：", "－", "．", "％", "／", "ａ"…) becomes its ASCII character, the ideographic space U+3000 a
 * space; then the spaces and tabs directly after a comma, at the start and at the end are dropped.
 *
 * "２０００，　２０４０：３０００" becomes "2000,2040:3000" and " 2000, 2040 " "2000,2040". Nothing else changes
 * (a space inside a word, other characters, invalid UTF-8 bytes are copied as they are), so ASCII text without
 * blanks comes out as it went in, and normalising a second time changes nothing. The result is never longer than
 * @p s, so a buffer of strlen(s) + 1 bytes is always enough, and @p buf may be @p s itself (in place).
 * @param s the text (NUL-terminated).
 * @param[out] buf destination; an empty string on failure when @p size is not 0.
 * @param size size of @p buf.
 * @return #SHEBAO_OK, or #SHEBAO_EUSAGE (@p s or @p buf NULL, or @p buf too small for the result).
 */
int shebao_text_normalise(const char *s, char *buf, size_t size);

/**
 * @brief Format a month as "YYYY-MM" ("2024-03"), the text shebao_month_parse() reads back.
 * @param year #SHEBAO_YEAR_MIN to #SHEBAO_YEAR_MAX.
 * @param month 1–12.
 * @param[out] buf destination; an empty string when the month is refused and @p size is not 0.
 * @param size size of @p buf; #SHEBAO_MONTH_BUFSZ is enough.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (year or month out of range) or #SHEBAO_EUSAGE (@p buf NULL or smaller
 *         than #SHEBAO_MONTH_BUFSZ).
 */
int shebao_month_format(int year, int month, char *buf, size_t size);

/** @} */

/** @defgroup policy Policy data
 *  Policies (format `shebao-policy/1`, see docs/policy-format.md) hold every dated, sourced parameter.
 *  @{ */

/** A loaded, validated, immutable policy. Opaque; safe to share between threads. */
typedef struct shebao_policy shebao_policy;

/** Provenance status of a parameter value. */
typedef enum shebao_status {
    SHEBAO_STATUS_OFFICIAL = 0, /**< seen in official text */
    SHEBAO_STATUS_SECONDARY,    /**< seen in a secondary copy (news, FAQ) */
    SHEBAO_STATUS_RECALLED,     /**< recalled, not retrieved */
    SHEBAO_STATUS_INFERRED,     /**< inferred from other figures */
    SHEBAO_STATUS_ASSUMPTION,   /**< an explicit modelling assumption */
    SHEBAO_STATUS_UNSOURCED     /**< a user's value given without a source */
} shebao_status;

/**
 * @brief The data-format name of a status ("official", ..., "unsourced").
 * @param status a ::shebao_status.
 * @return a static string, or NULL for an unknown status.
 */
const char *shebao_status_name(shebao_status status);

/** One parameter value of a policy with its provenance. Every pointer is owned by the policy. */
typedef struct shebao_param {
    const char *path;         /**< JSON path of the parameter, e.g. "resident_pension.base_pension" */
    const char *from;         /**< "YYYY-MM" (or "YYYY" for yearly values) for dated values, "" otherwise */
    const char *value;        /**< the value as text ("190.00", "0.0262", "60", "true") */
    const char *source;       /**< source id, "" when unsourced */
    shebao_status status;     /**< provenance status */
    const char *title;        /**< source title, "" when unsourced */
    const char *url;          /**< source URL, "" when none */
} shebao_param;

/**
 * @brief Load and validate a policy file (following `extends` to embedded ids or relative files).
 * @param ctx context for the error message (names file, line:column or JSON path).
 * @param path file path.
 * @param[out] out the policy, owned by the caller (free with shebao_policy_free()); NULL when the call fails.
 * @return #SHEBAO_OK, #SHEBAO_EPOLICY, #SHEBAO_EUSAGE (a NULL argument) or #SHEBAO_ENOMEM.
 */
int shebao_policy_load_file(shebao_ctx *ctx, const char *path, shebao_policy **out);

/**
 * @brief Load and validate a policy from a JSON string.
 * @param ctx context for the error message.
 * @param json the document (NUL-terminated).
 * @param name name used in messages and to resolve a relative `extends` path (as if it were a file name); may be
 *        NULL ("<string>").
 * @param[out] out the policy, owned by the caller; NULL when the call fails.
 * @return #SHEBAO_OK, #SHEBAO_EPOLICY, #SHEBAO_EUSAGE (NULL @p ctx, @p json or @p out) or #SHEBAO_ENOMEM.
 */
int shebao_policy_load_string(shebao_ctx *ctx, const char *json, const char *name, shebao_policy **out);

/**
 * @brief Load one of the policies compiled into the library ("national", "zhejiang", "zhejiang-taizhou", ...).
 * @param ctx context for the error message.
 * @param id embedded policy id.
 * @param[out] out the policy, owned by the caller; NULL when the call fails.
 * @return #SHEBAO_OK, #SHEBAO_EPOLICY (unknown id), #SHEBAO_EUSAGE (a NULL argument) or #SHEBAO_ENOMEM.
 */
int shebao_policy_load_embedded(shebao_ctx *ctx, const char *id, shebao_policy **out);

/**
 * @brief Free a policy. NULL is allowed.
 * @param policy policy to free.
 */
void shebao_policy_free(shebao_policy *policy);

/**
 * @brief Number of embedded policies.
 * @return the count.
 */
size_t shebao_policy_embedded_count(void);

/**
 * @brief Id of the i-th embedded policy.
 * @param i index below shebao_policy_embedded_count().
 * @return a static string, or NULL when @p i is out of range.
 */
const char *shebao_policy_embedded_id(size_t i);

/**
 * @brief Policy id (`id` member).
 * @param policy a policy.
 * @return a string owned by the policy; NULL when @p policy is NULL.
 */
const char *shebao_policy_id(const shebao_policy *policy);

/**
 * @brief Policy name (`name` member).
 * @param policy a policy.
 * @return a string owned by the policy; NULL when @p policy is NULL.
 */
const char *shebao_policy_name(const shebao_policy *policy);

/**
 * @brief The region's display name in Chinese (`name_zh` member: "台州市区", "浙江省"), for titles and charts.
 *
 * It is the policy file's own: a file that extends another and gives no `name_zh` has none (it is never taken
 * from the parent).
 * @param policy a policy.
 * @return a string owned by the policy; NULL when the policy has no `name_zh` or @p policy is NULL.
 */
const char *shebao_policy_name_zh(const shebao_policy *policy);

/**
 * @brief Chain of policy ids this one was built from, child first ("zhejiang-taizhou > zhejiang > national").
 * @param policy a policy.
 * @return a string owned by the policy; NULL when @p policy is NULL.
 */
const char *shebao_policy_lineage(const shebao_policy *policy);

/**
 * @brief Number of parameter values in the policy (each dated entry counts once).
 * @param policy a policy.
 * @return the count (0 when @p policy is NULL).
 */
size_t shebao_policy_param_count(const shebao_policy *policy);

/**
 * @brief The i-th parameter value, in document order.
 * @param policy a policy.
 * @param i index below shebao_policy_param_count().
 * @param[out] out filled with pointers owned by the policy.
 * @return #SHEBAO_OK, or #SHEBAO_EUSAGE when @p i is out of range or a pointer is NULL.
 */
int shebao_policy_param(const shebao_policy *policy, size_t i, shebao_param *out);

/**
 * @brief The resolved policy (after `extends`) as a `shebao-policy/1` JSON document that loads back unchanged.
 * @param policy a policy.
 * @param[out] out a NUL-terminated string owned by the caller (free with shebao_free()).
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL argument) or #SHEBAO_ENOMEM.
 */
int shebao_policy_to_json(const shebao_policy *policy, char **out);

/** @} */


/** @defgroup resident Resident pension (城乡居民基本养老保险)
 *  Project one person's individual account year by year, the monthly pension at the claim, and lifetime figures.
 *  The rules are those of docs/resident-pension.md; every parameter comes from the policy.
 *  @{ */

/** Sex, for the life table. */
typedef enum shebao_sex {
    SHEBAO_SEX_MALE = 0,  /**< male (CL5 in the pension table) */
    SHEBAO_SEX_FEMALE = 1 /**< female (CL6 in the pension table) */
} shebao_sex;

/** Life table used for expected present values. */
typedef enum shebao_mortality {
    SHEBAO_MORTALITY_CL2010_2013_PENSION = 0, /**< China Life Insurance Mortality Table 2010–2013, pension business
                                                   (CL5 male / CL6 female, 保监发〔2016〕107号) */
    SHEBAO_MORTALITY_NONE = 1                 /**< no life table: lifetime expected values are not computed */
} shebao_mortality;

/**
 * @brief Look a life table up by its CLI name ("cl2010-2013-pension" or "none").
 * @param name the name.
 * @param[out] out the table.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (unknown or NULL name) or #SHEBAO_EUSAGE (NULL @p out).
 */
int shebao_mortality_from_name(const char *name, shebao_mortality *out);

/** One segment of a contribution plan: every year from @c first_year to @c last_year at @c grade. */
typedef struct shebao_segment {
    int first_year;    /**< first contribution year */
    int last_year;     /**< last contribution year (inclusive) */
    shebao_fen grade;  /**< yearly personal contribution (a grade of the table in force), in fen */
} shebao_segment;

/**
 * @brief Parse a plan "YYYY-YYYY:GRADE,YYYY:GRADE,..." (e.g. "2010-2014:300,2015-2029:2000").
 *
 * Each GRADE is a positive amount read as shebao_money_parse() reads one, whole, however long.
 * @param ctx context for the error message (names the offending segment).
 * @param spec the plan text.
 * @param[out] out array of segments, owned by the caller (free with shebao_free()); NULL when the call fails.
 * @param[out] count number of segments.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT, #SHEBAO_EUSAGE (a NULL argument) or #SHEBAO_ENOMEM.
 */
int shebao_plan_parse(shebao_ctx *ctx, const char *spec, shebao_segment **out, size_t *count);

/**
 * @brief Parse a plan like shebao_plan_parse(), into the caller's storage: nothing is allocated for the common
 * plans (4-digit years, grades of plain digits), so a loop over millions of rows (`shebao batch`) can keep the
 * segments on its stack.
 * @param ctx context for the error message.
 * @param spec the plan text.
 * @param[out] out room for cap segments.
 * @param cap number of segments out can hold.
 * @param[out] count number of segments; when the plan is valid but has more than cap, the number it needs.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (the same message as shebao_plan_parse()), #SHEBAO_EUSAGE (a NULL argument;
 *         or more than cap segments: *count says how many) or #SHEBAO_ENOMEM.
 */
int shebao_plan_parse_into(shebao_ctx *ctx, const char *spec, shebao_segment *out, size_t cap, size_t *count);

/** Current version of ::shebao_person; a \c version from 1 to it is accepted (version 1 has none of the
 *  version 2 members: read as 0 and unset). */
#define SHEBAO_PERSON_VERSION 2

/** One person and the run's assumptions. Initialise with #SHEBAO_PERSON_INIT, then set the members. */
typedef struct shebao_person {
    unsigned version;               /**< #SHEBAO_PERSON_VERSION */
    int birth_year;                 /**< year of birth */
    int birth_month;                /**< month of birth, 1–12 */
    shebao_sex sex;                 /**< for the life table */
    const shebao_segment *plan;     /**< contribution plan (may be empty when only back-paying) */
    size_t plan_count;              /**< number of segments in @c plan */
    shebao_fen collective;          /**< collective subsidy (集体补助) credited in every contribution year */
    int backpay_years;              /**< years paid back at the claim (补缴), 0 for none */
    shebao_fen backpay_grade;       /**< grade of the back payment */
    const char *future_rate;        /**< rate for years past the policy's list; NULL: the policy's assumption */
    const char *discount;           /**< yearly discount rate for present values; NULL: "0.025" */
    shebao_mortality mortality;     /**< life table for expected values */
    int explain;                    /**< non-zero: record every step for shebao_projection_explain() */
    /* version 2 */
    int daijiao;                    /**< non-zero: a difficult-group person (低保, 特困, severe disability) whose
                                         代缴 grades the local government pays (version 2). Only such a person
                                         may have a grade marked `daijiao` in the plan; its amount is credited to
                                         the account but is not personal money (shebao_ledger_row.daijiao) */
    const char *base_growth;        /**< yearly growth of the base pension after the policy's data_through, compounded
                                         each January; NULL: "0" (carried forward). In [-0.05, 0.20]. */
    int as_of_year;                 /**< the month "now" is computed for (shebao_projection_now()), or #SHEBAO_UNSET */
    int as_of_month;                /**< its month 1–12, or #SHEBAO_UNSET */
} shebao_person;

/** Initialiser for ::shebao_person. */
#define SHEBAO_PERSON_INIT                                                                                        \
    { SHEBAO_PERSON_VERSION, 0, 0, SHEBAO_SEX_MALE, NULL, 0, 0, 0, 0, NULL, NULL,                                 \
      SHEBAO_MORTALITY_CL2010_2013_PENSION, 0, 0, NULL, SHEBAO_UNSET, SHEBAO_UNSET }

/** The result of one projection. Opaque; read it with the getters below. */
typedef struct shebao_projection shebao_projection;

/**
 * @brief Project one person under a policy: ledger, eligibility, pension at the claim, lifetime figures.
 * @param ctx context (error message; MPFR precision).
 * @param policy a loaded policy with a `resident_pension` section; not modified, may be shared.
 * @param person the person and the run's assumptions.
 * @param[out] out the projection, owned by the caller (free with shebao_projection_free()); NULL when the call
 *        fails.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (bad date, unknown grade, a 代缴 grade for a person without @c daijiao,
 *         year before 16 or after the last payable year, overlapping segments, back-payment grade above the cap),
 *         #SHEBAO_EPOLICY (a parameter missing for a date), #SHEBAO_ECOMPUTE (overflow), #SHEBAO_EUSAGE (a NULL
 *         argument, a person.version of 0 or above #SHEBAO_PERSON_VERSION) or #SHEBAO_ENOMEM.
 */
int shebao_project(shebao_ctx *ctx, const shebao_policy *policy, const shebao_person *person,
                   shebao_projection **out);

/**
 * @brief Free a projection. NULL is allowed.
 * @param p projection.
 */
void shebao_projection_free(shebao_projection *p);

/**
 * @brief Whether the person qualifies for a pension at the claim.
 * @param p projection.
 * @return 1 eligible, 0 not eligible (or @p p NULL).
 */
int shebao_projection_eligible(const shebao_projection *p);

/**
 * @brief Years paid: contribution years plus back-paid years.
 * @param p projection.
 * @return the count (0 when @p p is NULL).
 */
int shebao_projection_years_paid(const shebao_projection *p);

/**
 * @brief Years still missing for eligibility (0 when eligible).
 * @param p projection.
 * @return the count (0 when @p p is NULL).
 */
int shebao_projection_years_missing(const shebao_projection *p);

/**
 * @brief The claim month (first month of pension), "YYYY-MM".
 * @param p projection.
 * @return a string owned by the projection; NULL when @p p is NULL.
 */
const char *shebao_projection_claim_month(const shebao_projection *p);

/**
 * @brief Whether the claim month is after the policy's data_through, so that the base pension at the claim is
 *        the last known value carried forward (or grown by person.base_growth), not a published figure.
 * @param p projection.
 * @return 1 carried forward, 0 otherwise (also when not eligible, or @p p is NULL).
 */
int shebao_projection_base_carried_forward(const shebao_projection *p);

/** Current version of ::shebao_pension_now; a \c version from 1 to it is accepted. */
#define SHEBAO_PENSION_NOW_VERSION 1

/** The pension paid in one month after the claim (the person's as-of month): the base pension and the age
 *  supplements in force in that month, the account and years pensions of the claim. */
typedef struct shebao_pension_now {
    unsigned version;               /**< #SHEBAO_PENSION_NOW_VERSION */
    char month[SHEBAO_MONTH_BUFSZ]; /**< the as-of month, "YYYY-MM" */
    int age;                        /**< age in whole years in that month */
    shebao_fen base_pension;        /**< base pension in force in that month (grown past data_through if asked) */
    int base_carried_forward;       /**< 1 when the month is after the policy's data_through */
    shebao_fen years_pension;       /**< contribution-years pension (the claim's) */
    shebao_fen account_pension;     /**< account pension (the claim's) */
    shebao_fen age_supplement;      /**< age supplements in force in that month at that age */
    shebao_fen monthly_total;       /**< the four above added */
    shebao_fen paid_so_far;         /**< every monthly payment from the claim month to that month, both included */
    shebao_fen funeral_grant;       /**< funeral_grant_months × that month's base pension */
} shebao_pension_now;

/** Initialiser for ::shebao_pension_now. */
#define SHEBAO_PENSION_NOW_INIT { SHEBAO_PENSION_NOW_VERSION, "", 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/**
 * @brief The pension in the person's as-of month (shebao_person.as_of_year and as_of_month).
 * @param p projection.
 * @param[out] out filled when it applies; set to its #SHEBAO_PENSION_NOW_INIT values when it does not.
 * @return #SHEBAO_OK, #SHEBAO_NA when it does not apply (no as-of month, not eligible, or the claim is after it;
 *         not a failure), or #SHEBAO_EUSAGE (a NULL argument, an out->version of 0 or above
 *         #SHEBAO_PENSION_NOW_VERSION).
 */
int shebao_projection_now(const shebao_projection *p, shebao_pension_now *out);

/** Money figures of a projection. */
typedef enum shebao_figure {
    SHEBAO_FIG_BALANCE = 0,         /**< account balance at the claim, back payment included */
    SHEBAO_FIG_ACCOUNT_PENSION,     /**< balance / divisor, rounded by the policy's account_pension_rounding
                                         (fen_half_up when it has none) */
    SHEBAO_FIG_BASE_PENSION,        /**< base pension in force in the claim month */
    SHEBAO_FIG_YEARS_PENSION,       /**< contribution-years pension */
    SHEBAO_FIG_AGE_SUPPLEMENT,      /**< age supplements in force at the claim */
    SHEBAO_FIG_MONTHLY_TOTAL,       /**< the four above added, then rounded by the policy's
                                         monthly_total_rounding when it has one */
    SHEBAO_FIG_PERSONAL_TOTAL,      /**< everything the person paid (grades and back payment; not the 代缴
                                         grades the government paid) */
    SHEBAO_FIG_FUNERAL_GRANT,       /**< funeral_grant_months × base pension in force in the claim month */
    SHEBAO_FIG_EPV_BENEFITS,        /**< expected present value of the pension at the claim month */
    SHEBAO_FIG_PV_CONTRIBUTIONS,    /**< personal payments accumulated to the claim month at the discount rate */
    SHEBAO_FIG_INHERITABLE          /**< expected present value of the balance left to heirs */
} shebao_figure;

/**
 * @brief One money figure.
 *
 * Which figures are available when:
 *  - #SHEBAO_FIG_BALANCE and #SHEBAO_FIG_PERSONAL_TOTAL: always;
 *  - #SHEBAO_FIG_ACCOUNT_PENSION, #SHEBAO_FIG_BASE_PENSION, #SHEBAO_FIG_YEARS_PENSION, #SHEBAO_FIG_AGE_SUPPLEMENT,
 *    #SHEBAO_FIG_MONTHLY_TOTAL and #SHEBAO_FIG_FUNERAL_GRANT: when the person is eligible
 *    (shebao_projection_eligible());
 *  - #SHEBAO_FIG_EPV_BENEFITS, #SHEBAO_FIG_PV_CONTRIBUTIONS and #SHEBAO_FIG_INHERITABLE: when the person is
 *    eligible and the person's life table is not #SHEBAO_MORTALITY_NONE.
 * @param p projection.
 * @param which the figure.
 * @param[out] out the amount in fen; 0 when the figure does not apply.
 * @return #SHEBAO_OK, #SHEBAO_NA when the figure does not apply (see above; not a failure), or #SHEBAO_EUSAGE
 *         (a NULL argument, an unknown figure).
 */
int shebao_projection_figure(const shebao_projection *p, shebao_figure which, shebao_fen *out);

/**
 * @brief Break-even: the smallest number of monthly payments m ≥ 1 whose sum is at least the personal total, each
 *        month's payment with the base pension and age supplements in force in that month.
 *
 * Available when the person is eligible, the monthly total is above zero and the person paid something (a
 * person whose every year is 代缴 has no break-even).
 * @param p projection.
 * @param[out] months m (may be NULL); 0 when the figure does not apply.
 * @param[out] month the month of the m-th payment, "YYYY-MM" (may be NULL); "" when the figure does not apply.
 * @param size size of @p month, at least 8 (ignored when @p month is NULL).
 * @return #SHEBAO_OK, #SHEBAO_NA when the figure does not apply (not eligible, a zero pension, or a personal
 *         total of 0; not a failure), or #SHEBAO_EUSAGE (@p p NULL, or @p month too small).
 */
int shebao_projection_breakeven(const shebao_projection *p, int *months, char *month, size_t size);

/**
 * @brief Money's worth ratio: EPV of benefits / PV of contributions, 4 decimals ("1.2345"), display only.
 * @param p projection.
 * @return a string owned by the projection, or NULL when it does not apply (not eligible, no life table,
 *         nothing paid by the person, as when every year is 代缴) or @p p is NULL.
 */
const char *shebao_projection_moneys_worth(const shebao_projection *p);

/**
 * @brief Internal rate of return of the personal payments against the survival-weighted pension, 6 decimals
 *        ("0.054321"), display only.
 * @param p projection.
 * @return a string owned by the projection, or NULL when it does not apply (not eligible, no life table,
 *         nothing paid by the person (every year 代缴), no sign change on [−0.99, 10]) or @p p is NULL.
 */
const char *shebao_projection_irr(const shebao_projection *p);

/** Current version of ::shebao_advice; a \c version from 1 to it is accepted. */
#define SHEBAO_ADVICE_VERSION 1

/** What a person who is not eligible could still do (docs/resident-pension.md §4): the years still payable, and
 *  the back payment (补缴) that closes the gap at the lowest and at the highest allowed back-payment grade, each with
 *  the monthly pension of that plan, computed by projecting it (shebao_project() with the person's plan and that
 *  back payment). Money in fen. Initialise with #SHEBAO_ADVICE_INIT. */
typedef struct shebao_advice {
    unsigned version;           /**< #SHEBAO_ADVICE_VERSION */
    int years_paid;             /**< years paid (contribution + back-paid) */
    int years_required;         /**< years required at the claim */
    int years_missing;          /**< years_required − years_paid */
    int last_payable_year;      /**< the last payable year: birth year + claim_age (never a later claim year) */
    int payable_from;           /**< the first year still payable: the year after the plan's last year (birth
                                     year + 16 with no plan) */
    int years_payable;          /**< the years from payable_from to last_payable_year (0: none) */
    int backpay_years;          /**< back-paid years that close the gap (a back payment already in the plan
                                     included): back-paid years + years_missing */
    int has_lowest;             /**< the lowest-grade back payment below is present (an allowed grade exists) */
    shebao_fen lowest_grade;    /**< the lowest normal grade of the claim year's table, ≤ backpay.max_grade */
    shebao_fen lowest_cost;     /**< backpay_years × lowest_grade */
    shebao_fen lowest_monthly;  /**< the monthly total of the plan with that back payment */
    int has_highest;            /**< the highest-grade back payment below is present */
    shebao_fen highest_grade;   /**< the highest normal grade of the claim year's table ≤ backpay.max_grade */
    shebao_fen highest_cost;    /**< backpay_years × highest_grade */
    shebao_fen highest_monthly; /**< the monthly total of the plan with that back payment */
} shebao_advice;

/** Initialiser for ::shebao_advice. */
#define SHEBAO_ADVICE_INIT { SHEBAO_ADVICE_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/**
 * @brief The advice for a person who is not eligible (the JSON object `advice`).
 * @param p projection made by shebao_project() (every cell of shebao_compare() and every end of its summary has
 *        it too).
 * @param[out] out the advice; its \c version must be set (#SHEBAO_ADVICE_INIT); set to #SHEBAO_ADVICE_INIT values
 *        when it does not apply.
 * @return #SHEBAO_OK, #SHEBAO_NA when it does not apply (the person is eligible; not a failure), or
 *         #SHEBAO_EUSAGE (a NULL argument, a version of 0 or above #SHEBAO_ADVICE_VERSION).
 */
int shebao_projection_advice(const shebao_projection *p, shebao_advice *out);

/** One calendar year of the account ledger. */
typedef struct shebao_ledger_row {
    int year;               /**< calendar year */
    shebao_fen grade;       /**< grade paid this year (0: none) */
    shebao_fen personal;    /**< personal contribution (0 in a 代缴 year) */
    shebao_fen subsidy;     /**< government subsidy */
    shebao_fen collective;  /**< collective subsidy */
    shebao_fen interest;    /**< interest credited for the year (rounded by the policy's rule) */
    shebao_fen backpay;     /**< back payment (claim year only) */
    shebao_fen balance;     /**< balance after this row */
    const char *rate;       /**< the year's rate as a decimal string, owned by the projection */
    shebao_fen daijiao;     /**< the grade the government paid (代缴) for a person marked @c daijiao; 0 in other
                                 years. The balance is the previous one + personal + daijiao + subsidy +
                                 collective + interest + backpay */
} shebao_ledger_row;

/**
 * @brief Number of ledger rows (first contribution year to the claim year).
 * @param p projection.
 * @return the count (0 when @p p is NULL).
 */
size_t shebao_projection_ledger_count(const shebao_projection *p);

/**
 * @brief One ledger row.
 * @param p projection.
 * @param i index below shebao_projection_ledger_count().
 * @param[out] out the row.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (index out of range, a NULL argument).
 */
int shebao_projection_ledger_row(const shebao_projection *p, size_t i, shebao_ledger_row *out);

/**
 * @brief Number of non-official values the projection rests on (policy values and run assumptions).
 * @param p projection.
 * @return the count (0 when @p p is NULL).
 */
size_t shebao_projection_assumption_count(const shebao_projection *p);

/**
 * @brief One non-official value the projection used.
 * @param p projection.
 * @param i index below shebao_projection_assumption_count().
 * @param[out] out pointers owned by the projection or its policy.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE (index out of range, a NULL argument).
 */
int shebao_projection_assumption(const shebao_projection *p, size_t i, shebao_param *out);

/**
 * @brief The projection as a JSON document (the `shebao project --format json` contract), with the object
 *        `advice` of a person who is not eligible (`null` otherwise; docs/resident-pension.md §4).
 * @param p projection.
 * @param[out] out NUL-terminated string owned by the caller (free with shebao_free()).
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL argument) or #SHEBAO_ENOMEM.
 */
int shebao_projection_to_json(const shebao_projection *p, char **out);

/**
 * @brief Every step with its formula, inputs, parameters and rounding (needs person->explain).
 *
 * In the language of the context the projection was made with (shebao_ctx_set_language(): Chinese from the
 * catalogue of the domain "libshebao" under #SHEBAO_LANG_ZH, English otherwise); the `explain` of
 * shebao_projection_to_json() is always English.
 * @param p projection.
 * @param[out] out NUL-terminated text owned by the caller (free with shebao_free()).
 * @return #SHEBAO_OK, #SHEBAO_EUSAGE (a NULL argument, or the projection was made without @c explain), or
 *         #SHEBAO_ENOMEM.
 */
int shebao_projection_explain(const shebao_projection *p, char **out);

/**
 * @brief Expected present value of a level monthly life annuity paid in advance.
 *
 * EPV = Σ_j pay · l(a+j)/l(a) · (1+i)^(−j/12), j = 0, 1, … while l(a+j) > 0, with l interpolated linearly within
 * each year of age; rounded fen_half_up at the end.
 * @param ctx context (precision).
 * @param mortality life table (not #SHEBAO_MORTALITY_NONE).
 * @param sex sex.
 * @param age_months exact age in months at the first payment.
 * @param monthly payment per month in fen.
 * @param discount yearly discount rate as a decimal string ("0" for none).
 * @param[out] out the value in fen.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (also a NULL @p discount), #SHEBAO_ECOMPUTE or #SHEBAO_EUSAGE (NULL @p ctx
 *         or @p out).
 */
int shebao_annuity_epv(shebao_ctx *ctx, shebao_mortality mortality, shebao_sex sex, int age_months,
                       shebao_fen monthly, const char *discount, shebao_fen *out);

/** @} */

#ifdef __cplusplus
}
#endif

/* Per-module headers (they use the types above). */
#include "shebao/choices.h"
#include "shebao/compare.h"
#include "shebao/employee.h"
#include "shebao/ltc.h"
#include "shebao/summary.h"

#endif /* SHEBAO_H */
