/* Helpers shared by the fuzz targets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return NULL;
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

void fuzz_check(int ok, const char *what, const char *input)
{
    if (ok)
        return;
    fprintf(stderr, "fuzz: invariant broken: %s (input '%.200s')\n", what, input ? input : "");
    abort();
}

/* ---- the value targets' reference and inputs (fuzz/values.h) ------------------------------------------------ */

#include <inttypes.h>
#include <stdarg.h>

#include "values.h"

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fuzz: values differ: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

int ref_decimal(const char *s, mpq_t q, size_t *k)
{
    const char *p = s;
    int neg = 0;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    const char *ip = p;
    while (is_digit(*p))
        p++;
    size_t ilen = (size_t)(p - ip), flen = 0;
    const char *fp = NULL;
    if (*p == '.') {
        fp = ++p;
        while (is_digit(*p))
            p++;
        flen = (size_t)(p - fp);
    }
    if (ilen == 0 || (fp && flen == 0) || *p)
        return 0;
    char *digits = malloc(ilen + flen + 1);
    if (!digits)
        abort();
    memcpy(digits, ip, ilen);
    if (flen)
        memcpy(digits + ilen, fp, flen);
    digits[ilen + flen] = '\0';
    if (mpq_set_str(q, digits, 10) != 0)
        fuzz_fail("mpq_set_str refused the digits '%.200s'", digits);
    free(digits);
    mpz_t p10;
    mpz_init(p10);
    mpz_ui_pow_ui(p10, 10, (unsigned long)flen);
    mpz_mul(mpq_denref(q), mpq_denref(q), p10);
    mpz_clear(p10);
    mpq_canonicalize(q);
    if (neg)
        mpq_neg(q, q);
    if (k) {
        while (flen > 0 && fp[flen - 1] == '0')
            flen--;
        *k = flen;
    }
    return 1;
}

void ref_digits(mpz_t out, const mpq_t q, size_t k)
{
    mpz_t t;
    mpz_init(t);
    mpz_ui_pow_ui(t, 10, (unsigned long)k);
    mpz_mul(t, t, mpq_numref(q));
    mpz_divexact(out, t, mpq_denref(q));
    mpz_abs(out, out);
    mpz_clear(t);
}

void ref_set_i64(mpz_t z, int64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRId64, v);
    mpz_set_str(z, buf, 10);
}

int ref_get_i64(const mpz_t z, int64_t *out)
{
    mpz_t lo, hi;
    mpz_init_set_str(lo, "-9223372036854775808", 10);
    mpz_init_set_str(hi, "9223372036854775807", 10);
    int fits = mpz_cmp(z, lo) >= 0 && mpz_cmp(z, hi) <= 0;
    mpz_clear(lo);
    mpz_clear(hi);
    if (fits && out) {
        char buf[32];
        mpz_get_str(buf, 10, z);
        *out = (int64_t)strtoll(buf, NULL, 10);
    }
    return fits;
}

void ref_round(mpz_t fen, const mpq_t yuan, shebao_rounding mode)
{
    unsigned long unit = mode == SHEBAO_ROUND_YUAN_HALF_UP                                ? 100
                       : mode == SHEBAO_ROUND_JIAO_UP || mode == SHEBAO_ROUND_JIAO_HALF_UP ? 10
                                                                                           : 1;
    mpz_t num, den, r;
    mpz_init(num);
    mpz_init(den);
    mpz_init(r);
    mpz_abs(num, mpq_numref(yuan));
    mpz_mul_ui(num, num, 100);
    mpz_mul_ui(den, mpq_denref(yuan), unit);
    mpz_fdiv_qr(fen, r, num, den); /* |x| = fen + r/den, 0 <= r < den */
    int up;
    if (mode == SHEBAO_ROUND_FEN_TRUNCATE) {
        up = 0;
    } else if (mode == SHEBAO_ROUND_JIAO_UP) {
        up = mpz_sgn(r) != 0;
    } else {
        mpz_mul_2exp(r, r, 1);
        up = mpz_cmp(r, den) >= 0;
    }
    if (up)
        mpz_add_ui(fen, fen, 1);
    mpz_mul_ui(fen, fen, unit);
    if (mpq_sgn(yuan) < 0)
        mpz_neg(fen, fen);
    mpz_clear(num);
    mpz_clear(den);
    mpz_clear(r);
}

void ref_fen_q(mpq_t yuan, int64_t fen)
{
    ref_set_i64(mpq_numref(yuan), fen);
    mpz_set_ui(mpq_denref(yuan), 100);
    mpq_canonicalize(yuan);
}

int ref_money_text(const char *s, int64_t *fen)
{
    const char *p = s + (*s == '-');
    size_t n = 0;
    while (is_digit(p[n]))
        n++;
    if (n == 0 || (n > 1 && p[0] == '0') || p[n] != '.' || !is_digit(p[n + 1]) || !is_digit(p[n + 2]) || p[n + 3])
        return 0;
    mpq_t q;
    mpz_t z;
    mpq_init(q);
    mpz_init(z);
    int ok = ref_decimal(s, q, NULL);
    if (ok) {
        mpz_mul_ui(z, mpq_numref(q), 100);
        mpz_divexact(z, z, mpq_denref(q));
        ok = ref_get_i64(z, fen);
    }
    mpq_clear(q);
    mpz_clear(z);
    return ok;
}
