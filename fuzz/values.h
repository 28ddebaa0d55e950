/* What the fuzz targets that check values share, defined in fuzz/common.c:
 *  - a reference for the documented decimal syntax and the named roundings, computed with GMP alone and none of the
 *    library's code, to compare the library's values with;
 *  - a person, a run and a policy made of fuzz bytes, mostly valid (grades from the Zhejiang tables, years after
 *    16 and before the claim), sometimes not, so that both the figures and the refusals get compared.
 * A target that finds a difference prints both sides and aborts (fuzz_fail), which libFuzzer records as a crash. */
#ifndef SHEBAO_FUZZ_VALUES_H
#define SHEBAO_FUZZ_VALUES_H

#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

#include "shebao.h"

/* Stop with a message: what differs, then whatever the caller printed before (both sides). */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2), noreturn))
#endif
void fuzz_fail(const char *fmt, ...);

/* Check cond; when it fails, describe() prints the input (each target's own), then fuzz_fail() the difference. */
#define FUZZ_EXPECT(describe, cond, ...)                                                                          \
    do {                                                                                                          \
        if (!(cond)) {                                                                                            \
            describe();                                                                                           \
            fuzz_fail(__VA_ARGS__);                                                                               \
        }                                                                                                         \
    } while (0)

/* ---- the reference ---------------------------------------------------------------------------------------- */

/* The decimal syntax of shebao_money_parse() and shebao_decimal_round() (include/shebao.h, tests/unit/test_money.c):
 * the whole string is an optional '+' or '-', one or more ASCII digits, then optionally '.' and one or more digits.
 * When s has that shape: q = mpq_set_str(the digits with the point removed) / 10^(digits after the point), with the
 * sign; *k (if not NULL) = the decimals that count, trailing zeros of the fraction dropped; returns 1. Otherwise
 * returns 0 and leaves q alone. */
int ref_decimal(const char *s, mpq_t q, size_t *k);

/* |q| · 10^k as an integer (q has at most k decimals): the number the library accumulates its digits into. */
void ref_digits(mpz_t out, const mpq_t q, size_t k);

/* The exact value of v, and whether z fits an int64_t (and then its value). */
void ref_set_i64(mpz_t z, int64_t v);
int ref_get_i64(const mpz_t z, int64_t *out);

/* yuan rounded to money in a named mode, in fen (docs/mainpage.md: symmetric about zero; fen_half_up and the other
 * half-up modes: ties away from zero; jiao_up: any remainder away from zero; fen_truncate: toward zero). */
void ref_round(mpz_t fen, const mpq_t yuan, shebao_rounding mode);

/* fen / 100 as a rational number of yuan. */
void ref_fen_q(mpq_t yuan, int64_t fen);

/* The text of money as the CLI writes it (docs/scale.md: exactly two decimals): 1 with its value in *fen when s
 * is '-'? digits '.' two digits and fits, 0 otherwise. */
int ref_money_text(const char *s, int64_t *fen);

/* ---- people, runs and policies from fuzz bytes ------------------------------------------------------------ */

/* The input, read a byte at a time (0 once it is used up, so that every input makes a person). */
typedef struct fuzz_bytes {
    const uint8_t *p;
    size_t n;
} fuzz_bytes;

unsigned fuzz_byte(fuzz_bytes *b);

/* Room for more segments than shebao_plan_parse_into()'s common 16, so that the batch's fallback runs too. */
#define FUZZ_MAX_SEG 20

/* A person with the plan in `seg` (pe.plan points there: copy with fuzz_person_copy) and the run's settings. */
typedef struct fuzz_person {
    shebao_person pe;
    shebao_segment seg[FUZZ_MAX_SEG];
    unsigned policy; /* a key for fuzz_policy() */
} fuzz_person;

/* Make a person, a run (mortality, discount, future rate) and a policy key from the bytes. */
void fuzz_person_make(fuzz_bytes *b, fuzz_person *fp);

/* The policies fuzz_policy() knows: the embedded policies with a resident pension, then variants of zhejiang (each
 * interest method, deposit month and rounding; other claim ages, offsets, divisors and rates). */
#define FUZZ_POLICIES (5 + 14 * 5 * 4)

/* The policy for a key below FUZZ_POLICIES, loaded on first use and kept; *name (if not NULL) tells which. Aborts
 * when one does not load (a harness bug). */
const shebao_policy *fuzz_policy(shebao_ctx *ctx, unsigned key, const char **name);

#endif
