/* Helpers shared by the fuzz targets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/unit/inputs.h" /* tu_person */
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

void fuzz_setup(shebao_ctx **ctx, shebao_policy **zhejiang)
{
    if (*ctx)
        return;
    if (shebao_ctx_new(ctx) != SHEBAO_OK ||
        (zhejiang && shebao_policy_load_embedded(*ctx, "zhejiang", zhejiang) != SHEBAO_OK))
        abort();
}

char *fuzz_begin(shebao_ctx **ctx, shebao_policy **zhejiang, const uint8_t *data, size_t size)
{
    fuzz_setup(ctx, zhejiang);
    return fuzz_string(data, size);
}

void fuzz_check_message(const shebao_ctx *ctx, const char *what, const char *input)
{
    const char *m = shebao_ctx_errmsg(ctx);
    fuzz_check(m && *m && !strchr(m, '\n'), what, input);
}

void fuzz_project_plan(shebao_ctx *ctx, const shebao_policy *pol, int by, int bm, const shebao_segment *seg,
                       size_t n, const char *input)
{
    shebao_person pe = tu_person(by, bm, seg, n);
    pe.mortality = SHEBAO_MORTALITY_NONE;
    shebao_projection *p = NULL;
    if (shebao_project(ctx, pol, &pe, &p) != SHEBAO_OK)
        fuzz_check_message(ctx, "a refused projection leaves a one-line message", input);
    shebao_projection_free(p);
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

unsigned fuzz_byte(fuzz_bytes *b)
{
    if (b->n == 0)
        return 0;
    b->n--;
    return *b->p++;
}

/* The grades of the Zhejiang tables (2010, 2015, 2024; Jinhua 7500), in fen. */
static const int64_t zj_grades[] = {10000, 20000, 30000, 40000, 50000, 60000, 70000, 80000,
                                    90000, 100000, 150000, 200000, 300000, 500000, 700000, 750000};
#define ZJ_GRADES (sizeof zj_grades / sizeof zj_grades[0])

static int64_t bytes_u(fuzz_bytes *b, int n)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | fuzz_byte(b);
    return (int64_t)(v >> 1);
}

/* Grades in fen in force in Zhejiang in every year of first..last (2010-2014, 2015-2023, 2024 on; 300 and 500 in
 * all three), mostly; sometimes any grade of the tables, a whole number of yuan, or anything. */
static int64_t pick_grade(fuzz_bytes *b, int first, int last)
{
    static const int64_t g2010[] = {10000, 20000, 30000, 40000, 50000},
                         g2015[] = {10000, 20000, 30000, 50000, 60000, 80000, 100000, 150000, 200000},
                         g2024[] = {20000, 30000, 50000, 100000, 200000, 300000, 500000, 700000},
                         every[] = {30000, 50000};
    unsigned c = fuzz_byte(b);
    if (c < 224) {
        if (last < 2015)
            return g2010[c % 5];
        if (first >= 2015 && last < 2024)
            return g2015[c % 9];
        if (first >= 2024)
            return g2024[c % 8];
        return every[c % 2];
    }
    if (c < 240)
        return zj_grades[c % ZJ_GRADES];
    if (c < 252)
        return bytes_u(b, 2) * 100; /* whole yuan, rarely a grade */
    return bytes_u(b, 8);           /* anything */
}

void fuzz_person_make(fuzz_bytes *b, fuzz_person *fp)
{
    static const char *const discounts[] = {NULL, NULL, "0", "0.025", "0.05", "0.0123456789",
                                            "0.999999999999999999", "1"};
    static const char *const futures[] = {NULL, NULL, NULL, NULL, "0", "0.015", "0.0123456789",
                                          "0.999999999999999999", "0.000001", "0.0000005", "-0.01", "0.5"};
    memset(fp, 0, sizeof *fp);
    fp->pe = (shebao_person)SHEBAO_PERSON_INIT;
    shebao_person *pe = &fp->pe;
    unsigned c = fuzz_byte(b);
    fp->policy = c < 96 ? c % 5 : 5 + (unsigned)((c << 8 | fuzz_byte(b)) % (FUZZ_POLICIES - 5));
    c = fuzz_byte(b);
    pe->birth_year = c < 200 ? 1952 + (int)(c % 55) : c < 250 ? 1900 + (int)(c % 251) : 1890 + (int)(c % 10);
    c = fuzz_byte(b);
    pe->birth_month = c < 252 ? 1 + (int)(c % 12) : (int)(c - 252) * 13 / 3; /* 0, 4, 8, 13 */
    pe->sex = fuzz_byte(b) & 1 ? SHEBAO_SEX_FEMALE : SHEBAO_SEX_MALE;
    /* the plan: segments one after another from 16 (and 2010, when the tables start) to the usual claim year */
    c = fuzz_byte(b);
    size_t n = c < 250 ? c % 5 : 5 + c % (FUZZ_MAX_SEG - 4);
    int start = pe->birth_year + 16 > 2010 ? pe->birth_year + 16 : 2010, claim = pe->birth_year + 60;
    int cursor = start + (int)(fuzz_byte(b) % 20);
    if (cursor >= claim && start < claim)
        cursor = start;
    for (size_t i = 0; i < n; i++) {
        c = fuzz_byte(b);
        int first = cursor + (c < 192 ? 0 : c < 255 ? (int)(c % 4) : -2); /* -2: overlaps, or before 16 */
        int last = first + (int)(fuzz_byte(b) % 15);
        c = fuzz_byte(b);
        if (c < 224 && last > claim)
            last = first > claim ? first : claim;
        if (c == 255)
            last = first - 1;
        fp->seg[i] = (shebao_segment){first, last, pick_grade(b, first, last)};
        cursor = last + 1;
    }
    pe->plan = n ? fp->seg : NULL;
    pe->plan_count = n;
    static const int64_t collectives[] = {100, 1000, 5000, 10000, 12345, 20000, 50000, 99};
    c = fuzz_byte(b);
    pe->collective = c < 128   ? 0
                   : c < 192   ? collectives[c % 8]
                   : c < 248   ? bytes_u(b, 2)
                   : c < 255   ? bytes_u(b, 5)
                               : INT64_C(100000000000) - 1 + (int64_t)(fuzz_byte(b) % 3); /* the limit, ± 1 fen */
    c = fuzz_byte(b);
    if (c >= 160) {
        pe->backpay_years = c < 255 ? 1 + (int)(fuzz_byte(b) % 16) : 90 + (int)(fuzz_byte(b) % 20);
        pe->backpay_grade = pick_grade(b, claim, claim);
    }
    c = fuzz_byte(b);
    pe->mortality = c & 1 ? SHEBAO_MORTALITY_CL2010_2013_PENSION : SHEBAO_MORTALITY_NONE;
    pe->discount = discounts[(c >> 1) % (sizeof discounts / sizeof discounts[0])];
    pe->future_rate = futures[fuzz_byte(b) % (sizeof futures / sizeof futures[0])];
}

static const char *const embedded_resident[5] = {"national", "zhejiang", "zhejiang-zhoushan", "zhejiang-jinhua",
                                                 "zhejiang-taizhou"};

const shebao_policy *fuzz_policy(shebao_ctx *ctx, unsigned key, const char **name)
{
    static shebao_policy *cache[FUZZ_POLICIES];
    static char names[FUZZ_POLICIES][96];
    static const char *const roundings[5] = {"fen_half_up", "jiao_up", "jiao_half_up", "yuan_half_up",
                                             "fen_truncate"};
    /* the other parts of a variant: claim age, offset, divisor, rates */
    static const char *const extras[4] = {
        "",
        "\"claim_age\": {\"value\": 55, \"source\": \"FUZZ\"}, \"benefit_start_offset_months\": {\"value\": 6, "
        "\"source\": \"FUZZ\"}, \"account_divisor\": {\"value\": \"101.7\", \"source\": \"FUZZ\"},",
        "\"benefit_start_offset_months\": {\"value\": 0, \"source\": \"FUZZ\"}, \"account_divisor\": {\"value\": "
        "\"139.000001\", \"source\": \"FUZZ\"},",
        "\"claim_age\": {\"value\": 65, \"source\": \"FUZZ\"}, \"benefit_start_offset_months\": {\"value\": 11, "
        "\"source\": \"FUZZ\"},"};
    static const char *const extra_rates[4] = {
        "", "",
        ", \"assumed_future_rate\": {\"value\": \"0.0123456789\", \"source\": \"FUZZ\"}",
        ", \"rates\": [], \"assumed_future_rate\": {\"value\": \"0.20\", \"source\": \"FUZZ\"}"};
    if (key >= FUZZ_POLICIES)
        abort();
    if (!cache[key]) {
        int rc;
        if (key < 5) {
            snprintf(names[key], sizeof names[key], "%s", embedded_resident[key]);
            rc = shebao_policy_load_embedded(ctx, embedded_resident[key], &cache[key]);
        } else {
            unsigned v = key - 5, method = v % 14, rounding = v / 14 % 5, extra = v / 70;
            char dm[64] = "";
            if (method >= 2)
                snprintf(dm, sizeof dm, "\"deposit_month\": {\"value\": %u, \"source\": \"FUZZ\"}, ", method - 1);
            const char *mname = method == 0 ? "year_end" : method == 1 ? "year_start" : "monthly";
            char from[24] = "";
            if (method >= 2)
                snprintf(from, sizeof from, " from month %u", method - 1);
            snprintf(names[key], sizeof names[key], "zhejiang variant %u (%s%s, %s, extra %u)", key, mname, from,
                     roundings[rounding], extra);
            char json[2048];
            snprintf(json, sizeof json,
                     "{\"schema\": \"shebao-policy/1\", \"id\": \"fuzz-%u\", \"name\": \"fuzz variant\", "
                     "\"extends\": \"zhejiang\", \"sources\": {\"FUZZ\": {\"title\": \"fuzz variant\", \"status\": "
                     "\"assumption\"}}, \"resident_pension\": {%s \"interest\": {\"method\": {\"value\": \"%s\", "
                     "\"source\": \"FUZZ\"}, %s\"rounding\": {\"value\": \"%s\", \"source\": \"FUZZ\"}%s}}}",
                     key, extras[extra], mname, dm, roundings[rounding], extra_rates[extra]);
            rc = shebao_policy_load_string(ctx, json, "fuzz-variant.json", &cache[key]);
        }
        if (rc != SHEBAO_OK) {
            fprintf(stderr, "fuzz: policy %u does not load: %s\n", key, shebao_ctx_errmsg(ctx));
            abort();
        }
    }
    if (name)
        *name = names[key];
    return cache[key];
}
