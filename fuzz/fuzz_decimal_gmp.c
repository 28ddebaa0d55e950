/* Fuzz target: the library's decimal readers against GMP. The input text is read by shebao_money_parse(),
 * shebao_decimal_round() in every mode, and as the grade of a one-segment plan ("2020:TEXT", shebao_plan_parse());
 * an input "A*B" or "A/B" also goes to shebao_decimal_mul_round() and shebao_decimal_div_round() in every mode. The
 * reference (fuzz/values.h) checks the documented syntax itself — an optional '+' or '-', digits, optionally '.' and
 * digits, nothing else — and takes the value as mpq_set_str() of the digits with the point removed, divided by
 * 10^(digits after the point). Invariants, both ways (what the reference accepts must be accepted, and nothing
 * else):
 *  - shebao_money_parse accepts exactly the texts of the syntax whose value is a whole number of fen within
 *    ±INT64_MAX fen, with that value; it refuses the others with SHEBAO_EINPUT (malformed, or not a whole fen) or
 *    SHEBAO_ECOMPUTE (out of range). A text that is both not a whole fen and has more digits than fit in 64 bits
 *    may say either.
 *    Left as it is, documented here: exactly INT64_MIN fen ("-92233720368547758.08") is refused, although the
 *    header says only values whose fen do not fit are: the reading accumulates magnitudes up to INT64_MAX.
 *  - shebao_decimal_round (and the operands of mul/div) accept exactly the texts of the syntax with at most 18
 *    decimals once trailing zeros are dropped (else SHEBAO_EINPUT) whose digits, point removed and those zeros
 *    dropped, make at most INT64_MAX (else SHEBAO_ECOMPUTE, the library's exact-decimal range); the result is the
 *    reference rounding of the exact value (or exact product or quotient) when it fits in 64 bits of fen, else
 *    SHEBAO_ECOMPUTE; a zero divisor is SHEBAO_EINPUT.
 *  - the plan grade: "2020:TEXT" is accepted exactly when TEXT is a positive whole number of fen up to INT64_MAX
 *    fen (any length: leading zeros, trailing zeros), with that grade.
 *  - what shebao_money_format writes (for the amount read, and for the first 8 input bytes as fen) is the same
 *    number of fen with exactly two decimals, and reads back (INT64_MIN aside, as above).
 * A refusal always leaves a non-empty one-line message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "values.h"

static shebao_ctx *ctx;

static const shebao_rounding modes[5] = {SHEBAO_ROUND_FEN_HALF_UP, SHEBAO_ROUND_JIAO_UP, SHEBAO_ROUND_JIAO_HALF_UP,
                                         SHEBAO_ROUND_YUAN_HALF_UP, SHEBAO_ROUND_FEN_TRUNCATE};

/* The reference's reading of one text. */
typedef struct ref_text {
    const char *s;
    int syntax;      /* in the documented syntax */
    size_t k;        /* decimals that count */
    mpq_t q;         /* the exact value */
    int digits_fit;  /* the digits (point removed, trailing fraction zeros dropped) are at most INT64_MAX */
    int whole_fen;   /* k <= 2 */
    int fen_fits;    /* whole_fen and the fen fit in an int64_t */
    int64_t fen;     /* the fen, when they fit */
} ref_text;

static void ref_read(ref_text *r, const char *s)
{
    memset(r, 0, sizeof *r);
    r->s = s;
    mpq_init(r->q);
    r->syntax = ref_decimal(s, r->q, &r->k);
    if (!r->syntax)
        return;
    mpz_t z;
    mpz_init(z);
    ref_digits(z, r->q, r->k);
    r->digits_fit = ref_get_i64(z, NULL);
    r->whole_fen = r->k <= 2;
    if (r->whole_fen) {
        mpz_mul_ui(z, mpq_numref(r->q), 100);
        mpz_divexact(z, z, mpq_denref(r->q));
        r->fen_fits = ref_get_i64(z, &r->fen);
    }
    mpz_clear(z);
}

static void ref_free(ref_text *r) { mpq_clear(r->q); }

static char *q_text(const mpq_t q)
{
    char *t = malloc(mpz_sizeinbase(mpq_numref(q), 10) + mpz_sizeinbase(mpq_denref(q), 10) + 3);
    if (!t)
        abort();
    return mpq_get_str(t, 10, q);
}

static void check_message(int rc, const char *what, const char *s)
{
    if (rc == SHEBAO_OK)
        return;
    const char *m = shebao_ctx_errmsg(ctx);
    if (!m || !*m || strchr(m, '\n'))
        fuzz_fail("%s of '%.200s' refused (%d) without a one-line message", what, s, rc);
}

static void check_money(const ref_text *r, size_t len)
{
    shebao_fen fen = 0;
    int rc = shebao_money_parse(ctx, r->s, &fen);
    check_message(rc, "shebao_money_parse", r->s);
    if (r->fen_fits && !(r->fen == INT64_MIN && rc == SHEBAO_ECOMPUTE)) {
        if (rc != SHEBAO_OK || fen != r->fen)
            fuzz_fail("shebao_money_parse('%.200s', %zu bytes): library %s, %lld fen; GMP: %lld fen", r->s, len,
                      shebao_strerror(rc), (long long)fen, (long long)r->fen);
        return;
    }
    int want1 = r->syntax && r->whole_fen ? SHEBAO_ECOMPUTE : SHEBAO_EINPUT, want2 = want1;
    if (r->syntax && !r->whole_fen && r->k <= 18 && !r->digits_fit)
        want2 = SHEBAO_ECOMPUTE;
    if (rc != want1 && rc != want2) {
        char *q = r->syntax ? q_text(r->q) : NULL;
        fuzz_fail("shebao_money_parse('%.200s', %zu bytes): library %s (%lld fen); GMP: %s (%s)", r->s, len,
                  shebao_strerror(rc), (long long)fen, !r->syntax ? "not the syntax" : r->whole_fen ? "out of range"
                                                                                   : "not a whole fen",
                  q ? q : "-");
    }
}

/* The outcome the library's exact decimals give for an operand: OK, or the code. */
static int operand_code(const ref_text *r)
{
    if (!r->syntax || r->k > 18)
        return SHEBAO_EINPUT;
    return r->digits_fit ? SHEBAO_OK : SHEBAO_ECOMPUTE;
}

/* One rounding: the library's (rc, got) against the reference for the exact value x (valid when want == OK). */
static void compare_round(const char *what, const char *input, size_t len, shebao_rounding mode, int rc,
                          shebao_fen got, int want, const mpq_t x)
{
    const char *mname = shebao_rounding_name(mode);
    check_message(rc, what, input);
    if (want != SHEBAO_OK) {
        if (rc != want)
            fuzz_fail("%s('%.200s', %zu bytes, %s): library %s (%lld fen); GMP: %s", what, input, len, mname,
                      shebao_strerror(rc), (long long)got, shebao_strerror(want));
        return;
    }
    mpz_t z;
    mpz_init(z);
    ref_round(z, x, mode);
    int64_t fen = 0;
    int fits = ref_get_i64(z, &fen);
    if (fits ? rc != SHEBAO_OK || got != fen : rc != SHEBAO_ECOMPUTE) {
        char *zt = mpz_get_str(NULL, 10, z), *xt = q_text(x);
        fuzz_fail("%s('%.200s', %zu bytes, %s): library %s, %lld fen; GMP: exact %s yuan rounds to %s fen", what,
                  input, len, mname, shebao_strerror(rc), (long long)got, xt, zt);
    }
    mpz_clear(z);
}

static void check_round(const ref_text *r, size_t len)
{
    int want = operand_code(r);
    for (int m = 0; m < 5; m++) {
        shebao_fen got = 0;
        int rc = shebao_decimal_round(ctx, r->s, modes[m], &got);
        compare_round("shebao_decimal_round", r->s, len, modes[m], rc, got, want, r->q);
    }
}

static void check_plan_grade(const ref_text *r, size_t len)
{
    if (strchr(r->s, ',')) /* a second segment: the plan target's business */
        return;
    size_t n = strlen(r->s);
    char *spec = malloc(n + 6);
    if (!spec)
        abort();
    memcpy(spec, "2020:", 5);
    memcpy(spec + 5, r->s, n + 1);
    shebao_segment *seg = NULL;
    size_t count = 0;
    int rc = shebao_plan_parse(ctx, spec, &seg, &count);
    check_message(rc, "shebao_plan_parse", spec);
    int want = r->fen_fits && r->fen > 0;
    if (want ? rc != SHEBAO_OK || count != 1 || seg[0].grade != r->fen || seg[0].first_year != 2020 ||
                   seg[0].last_year != 2020
             : rc == SHEBAO_OK)
        fuzz_fail("shebao_plan_parse('2020:%.200s', grade of %zu bytes): library %s, %zu segment(s), grade %lld fen; "
                  "GMP: %s %lld fen", r->s, len, shebao_strerror(rc), count, count ? (long long)seg[0].grade : 0LL,
                  want ? "a grade of" : "no positive whole fen within range:", (long long)r->fen);
    shebao_free(seg);
    free(spec);
}

static void check_format(int64_t fen)
{
    char text[SHEBAO_MONEY_BUFSZ];
    int64_t back = 0;
    if (shebao_money_format(fen, text, sizeof text) != SHEBAO_OK || !ref_money_text(text, &back) || back != fen)
        fuzz_fail("shebao_money_format(%lld fen) wrote '%s', which GMP reads as %lld fen", (long long)fen, text,
                  (long long)back);
    if (fen == INT64_MIN)
        return; /* refused by shebao_money_parse: see the top */
    shebao_fen again = 0;
    int rc = shebao_money_parse(ctx, text, &again);
    if (rc != SHEBAO_OK || again != fen)
        fuzz_fail("shebao_money_parse('%s') of shebao_money_format(%lld fen): %s, %lld fen", text, (long long)fen,
                  shebao_strerror(rc), (long long)again);
}

static void check_op(char *s, size_t len)
{
    char *op = strpbrk(s, "*/");
    if (!op)
        return;
    char kind = *op;
    *op = '\0';
    ref_text a, b;
    ref_read(&a, s);
    ref_read(&b, op + 1);
    int want = operand_code(&a);
    if (want == SHEBAO_OK)
        want = operand_code(&b);
    mpq_t x;
    mpq_init(x);
    if (want == SHEBAO_OK) {
        if (kind == '/' && mpq_sgn(b.q) == 0)
            want = SHEBAO_EINPUT;
        else if (kind == '/')
            mpq_div(x, a.q, b.q);
        else
            mpq_mul(x, a.q, b.q);
    }
    for (int m = 0; m < 5; m++) {
        shebao_fen got = 0;
        int rc = kind == '*' ? shebao_decimal_mul_round(ctx, s, op + 1, modes[m], &got)
                             : shebao_decimal_div_round(ctx, s, op + 1, modes[m], &got);
        compare_round(kind == '*' ? "shebao_decimal_mul_round" : "shebao_decimal_div_round", s, len, modes[m], rc,
                      got, want, x);
    }
    mpq_clear(x);
    ref_free(&a);
    ref_free(&b);
    *op = kind;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_begin(&ctx, NULL, data, size);
    if (!s)
        return 0;
    size_t len = strlen(s);
    ref_text r;
    ref_read(&r, s);
    check_money(&r, len);
    check_round(&r, len);
    check_plan_grade(&r, len);
    if (r.fen_fits)
        check_format(r.fen);
    if (size >= 8) {
        uint64_t v = 0;
        for (int i = 0; i < 8; i++)
            v = v << 8 | data[i];
        check_format((int64_t)v);
    }
    ref_free(&r);
    check_op(s, len);
    free(s);
    return 0;
}
