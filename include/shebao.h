/**
 * @file shebao.h
 * @brief libshebao: exact Chinese social-insurance contributions and benefits.
 *
 * One umbrella header. Every public name starts with `shebao_` or `SHEBAO_`.
 *
 * Conventions (see docs/mainpage.md):
 *  - Functions return an @ref shebao_code: 0 on success, a negative code on failure. Functions that take a
 *    ::shebao_ctx leave a one-line human message in it (shebao_ctx_errmsg()).
 *  - Objects are opaque and come in `_new`/`_free` (or `_load`/`_free`) pairs. Out-parameters are owned by the
 *    caller unless documented otherwise; strings returned through `char **` are freed with shebao_free().
 *  - A loaded ::shebao_policy is immutable and may be shared by any number of threads. A ::shebao_ctx belongs to
 *    one thread at a time. The library has no global mutable state, never prints and never exits.
 *  - Money crosses the API as `int64_t` fen (::shebao_fen) or as decimal strings, never as floating point.
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

/** Result codes. 0 is success; failures are negative. The CLI exits with the absolute value (2–5). */
typedef enum shebao_code {
    SHEBAO_OK = 0,        /**< success */
    SHEBAO_ENOMEM = -1,   /**< out of memory */
    SHEBAO_EUSAGE = -2,   /**< invalid argument or usage (a NULL handle, an unknown option) */
    SHEBAO_EPOLICY = -3,  /**< policy or data error (malformed policy, unknown policy id, missing parameter) */
    SHEBAO_EINPUT = -4,   /**< invalid input (bad date, unknown grade, malformed number) */
    SHEBAO_ECOMPUTE = -5  /**< computation error (overflow, value out of the representable range) */
} shebao_code;

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
 * @param ctx a context.
 * @return a ::shebao_code.
 */
int shebao_ctx_errcode(const shebao_ctx *ctx);

/**
 * @brief Set the MPFR precision (bits) used for transcendental steps (discounting, survival sums, IRR).
 * @param ctx a context.
 * @param bits precision in bits, at least #SHEBAO_MIN_PRECISION (the default) and at most 4096.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE.
 */
int shebao_ctx_set_precision(shebao_ctx *ctx, unsigned bits);

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
 * @return #SHEBAO_OK, or #SHEBAO_EINPUT for an unknown name.
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
 * ("0.005"), and values whose fen do not fit in 64 bits.
 * @param ctx context for the error message.
 * @param s the string.
 * @param[out] out the amount in fen.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (malformed, or not a whole fen) or #SHEBAO_ECOMPUTE (out of range).
 */
int shebao_money_parse(shebao_ctx *ctx, const char *s, shebao_fen *out);

/**
 * @brief Round an exact decimal string ("-0.005", "2.675", "1.004999") to money in a named mode.
 * @param ctx context for the error message.
 * @param decimal the value, same syntax as shebao_money_parse() but with up to 18 decimals.
 * @param mode rounding mode.
 * @param[out] out the rounded amount in fen.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT or #SHEBAO_ECOMPUTE.
 */
int shebao_decimal_round(shebao_ctx *ctx, const char *decimal, shebao_rounding mode, shebao_fen *out);

/**
 * @brief Multiply two exact decimals and round the exact product once ("350.00" × "0.0123" = 4.305 → 4.31).
 * @param ctx context for the error message.
 * @param a first factor (decimal string).
 * @param b second factor (decimal string).
 * @param mode rounding mode.
 * @param[out] out the rounded product in fen.
 * @return #SHEBAO_OK, #SHEBAO_EINPUT or #SHEBAO_ECOMPUTE.
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
 * @return #SHEBAO_OK, #SHEBAO_EINPUT (malformed or division by zero) or #SHEBAO_ECOMPUTE.
 */
int shebao_decimal_div_round(shebao_ctx *ctx, const char *a, const char *b, shebao_rounding mode,
                             shebao_fen *out);

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
 * @param[out] out the policy, owned by the caller (free with shebao_policy_free()).
 * @return #SHEBAO_OK, #SHEBAO_EPOLICY, #SHEBAO_EUSAGE or #SHEBAO_ENOMEM.
 */
int shebao_policy_load_file(shebao_ctx *ctx, const char *path, shebao_policy **out);

/**
 * @brief Load and validate a policy from a JSON string.
 * @param ctx context for the error message.
 * @param json the document (NUL-terminated).
 * @param name name used in messages and to resolve a relative `extends` path (as if it were a file name).
 * @param[out] out the policy, owned by the caller.
 * @return #SHEBAO_OK, #SHEBAO_EPOLICY, #SHEBAO_EUSAGE or #SHEBAO_ENOMEM.
 */
int shebao_policy_load_string(shebao_ctx *ctx, const char *json, const char *name, shebao_policy **out);

/**
 * @brief Load one of the policies compiled into the library ("national", "zhejiang", "zhejiang-taizhou", ...).
 * @param ctx context for the error message.
 * @param id embedded policy id.
 * @param[out] out the policy, owned by the caller.
 * @return #SHEBAO_OK, #SHEBAO_EPOLICY (unknown id) or #SHEBAO_ENOMEM.
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
 * @return a string owned by the policy.
 */
const char *shebao_policy_id(const shebao_policy *policy);

/**
 * @brief Policy name (`name` member).
 * @param policy a policy.
 * @return a string owned by the policy.
 */
const char *shebao_policy_name(const shebao_policy *policy);

/**
 * @brief Chain of policy ids this one was built from, child first ("zhejiang-taizhou > zhejiang > national").
 * @param policy a policy.
 * @return a string owned by the policy.
 */
const char *shebao_policy_lineage(const shebao_policy *policy);

/**
 * @brief Number of parameter values in the policy (each dated entry counts once).
 * @param policy a policy.
 * @return the count.
 */
size_t shebao_policy_param_count(const shebao_policy *policy);

/**
 * @brief The i-th parameter value, in document order.
 * @param policy a policy.
 * @param i index below shebao_policy_param_count().
 * @param[out] out filled with pointers owned by the policy.
 * @return #SHEBAO_OK or #SHEBAO_EUSAGE when @p i is out of range.
 */
int shebao_policy_param(const shebao_policy *policy, size_t i, shebao_param *out);

/**
 * @brief The resolved policy (after `extends`) as a `shebao-policy/1` JSON document that loads back unchanged.
 * @param policy a policy.
 * @param[out] out a NUL-terminated string owned by the caller (free with shebao_free()).
 * @return #SHEBAO_OK or #SHEBAO_ENOMEM.
 */
int shebao_policy_to_json(const shebao_policy *policy, char **out);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SHEBAO_H */
