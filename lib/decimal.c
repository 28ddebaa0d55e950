/* Exact decimals: parsing, rational conversion, named rounding to money, formatting. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

const int64_t sb_pow10[19] = {
    1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL, 100000000LL, 1000000000LL,
    10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL, 100000000000000LL,
    1000000000000000LL, 10000000000000000LL, 100000000000000000LL, 1000000000000000000LL};

sb_dec_status sb_dec_read(const char *s, size_t len, int max_scale, sb_dec *out)
{
    if (!s || len == 0)
        return SB_DEC_EMPTY;
    const char *p = s, *end = s + len;
    bool neg = false;
    if (*p == '-' || *p == '+')
        neg = (*p++ == '-');
    const char *int_start = p;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    size_t int_len = (size_t)(p - int_start);
    const char *frac_start = NULL;
    size_t frac_len = 0;
    if (p < end && *p == '.') {
        frac_start = ++p;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
        frac_len = (size_t)(p - frac_start);
    }
    if (int_len == 0 || (frac_start && frac_len == 0) || p != end)
        return SB_DEC_SYNTAX;
    while (frac_len > 0 && frac_start[frac_len - 1] == '0')
        frac_len--;
    if (frac_len > (size_t)max_scale)
        return SB_DEC_SCALE;
    /* leading zeros, however many, add nothing (and cannot overflow) */
    uint64_t acc = 0;
    const uint64_t limit = (uint64_t)INT64_MAX;
    for (size_t i = 0; i < int_len + frac_len; i++) {
        char c = i < int_len ? int_start[i] : frac_start[i - int_len];
        uint64_t digit = (uint64_t)(c - '0');
        if (acc > (limit - digit) / 10)
            return SB_DEC_RANGE;
        acc = acc * 10 + digit;
    }
    out->num = neg ? -(int64_t)acc : (int64_t)acc;
    out->scale = (int)frac_len;
    return SB_DEC_OK;
}

const char *sb_dec_status_text(sb_dec_status st)
{
    switch (st) {
    case SB_DEC_OK: return "";
    case SB_DEC_EMPTY: return SB_N_("empty number");
    case SB_DEC_SYNTAX: return SB_N_("not a plain decimal number (digits with an optional '.' and sign)");
    case SB_DEC_SCALE: return SB_N_("more than 18 decimals");
    default: return SB_N_("number out of range");
    }
}

int sb_dec_parse(const char *s, sb_dec *out, const char **why)
{
    sb_dec_status st = sb_dec_read(s, s ? strlen(s) : 0, SB_DEC_MAX_SCALE, out);
    if (st == SB_DEC_OK)
        return SHEBAO_OK;
    if (why)
        *why = sb_dec_status_text(st);
    return st == SB_DEC_RANGE ? SHEBAO_ECOMPUTE : SHEBAO_EINPUT;
}

void sb_mpz_set_i64(mpz_t rop, int64_t v)
{
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    mpz_import(rop, 1, -1, sizeof mag, 0, 0, &mag);
    if (v < 0)
        mpz_neg(rop, rop);
}

bool sb_mpz_get_i64(const mpz_t op, int64_t *out)
{
    if (mpz_sizeinbase(op, 2) > 63)
        return false;
    uint64_t mag = 0;
    size_t count = 0;
    mpz_export(&mag, &count, -1, sizeof mag, 0, 0, op); /* exports |op| */
    *out = mpz_sgn(op) < 0 ? -(int64_t)mag : (int64_t)mag;
    return true;
}

void sb_dec_to_q(mpq_t rop, sb_dec d)
{
    sb_mpz_set_i64(mpq_numref(rop), d.num);
    mpz_ui_pow_ui(mpq_denref(rop), 10, (unsigned long)d.scale);
    mpq_canonicalize(rop);
}

int sb_dec_sgn(sb_dec d) { return (d.num > 0) - (d.num < 0); }

int sb_dec_cmp(sb_dec a, sb_dec b)
{
    mpq_t qa, qb;
    mpq_init(qa);
    mpq_init(qb);
    sb_dec_to_q(qa, a);
    sb_dec_to_q(qb, b);
    int c = mpq_cmp(qa, qb);
    mpq_clear(qa);
    mpq_clear(qb);
    return (c > 0) - (c < 0);
}

void sb_dec_trim(char *buf)
{
    if (!strchr(buf, '.'))
        return;
    size_t n = strlen(buf);
    while (buf[n - 1] == '0')
        buf[--n] = '\0';
    if (buf[n - 1] == '.')
        buf[--n] = '\0';
}

void sb_dec_format(sb_dec d, char *buf, size_t size)
{
    uint64_t mag = d.num < 0 ? (uint64_t)0 - (uint64_t)d.num : (uint64_t)d.num;
    uint64_t p = (uint64_t)sb_pow10[d.scale];
    if (d.scale == 0)
        snprintf(buf, size, "%s%llu", d.num < 0 ? "-" : "", (unsigned long long)mag);
    else
        snprintf(buf, size, "%s%llu.%0*llu", d.num < 0 ? "-" : "", (unsigned long long)(mag / p), d.scale,
                 (unsigned long long)(mag % p));
}

/* ---- the bounds of a rate ---- */

bool sb_rate_ok(sb_dec d) { return sb_dec_cmp(d, (sb_dec){-5, 2}) >= 0 && sb_dec_cmp(d, (sb_dec){20, 2}) <= 0; }

/* sb_dec_format without the zeros that end a fraction ("0.0250" -> "0.025", "25.0" -> "25"). */
static void dec_text(sb_dec d, char *buf, size_t size)
{
    sb_dec_format(d, buf, size);
    if (!strchr(buf, '.'))
        return;
    size_t n = strlen(buf);
    while (buf[n - 1] == '0')
        buf[--n] = '\0';
    if (buf[n - 1] == '.')
        buf[n - 1] = '\0';
}

void sb_rate_why(sb_dec d, char *buf, size_t size)
{
    char pct[64], rate[64], as_pct[64];
    if (d.scale >= 2) {
        dec_text((sb_dec){d.num, d.scale - 2}, pct, sizeof pct); /* d · 100, exactly */
    } else {
        sb_dec_format((sb_dec){d.num, 0}, pct, sizeof pct);
        if (d.num != 0) /* append the zeros as text: d.num · 100 may not fit in 64 bits */
            strcat(pct, d.scale == 0 ? "00" : "0");
    }
    /* a percentage written as a number (|d| >= 1) whose hundredth is a rate: say how to write it */
    sb_dec hundredth = {d.num, d.scale + 2};
    bool whole = d.num >= sb_pow10[d.scale] || d.num <= -sb_pow10[d.scale];
    if (whole && d.scale + 2 <= SB_DEC_MAX_SCALE && sb_rate_ok(hundredth)) {
        dec_text(hundredth, rate, sizeof rate);
        dec_text(d, as_pct, sizeof as_pct);
        snprintf(buf, size, "%s%% a year: write %s for %s%%", pct, rate, as_pct);
    } else {
        snprintf(buf, size, "%s%% a year", pct);
    }
}

int sb_rate_arg(shebao_ctx *ctx, const char *what, const char *text, sb_dec *out)
{
    if (sb_dec_parse(text, out, NULL) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_EINPUT, "%s '%.40s': not a decimal rate (write 0.025 for 2.5%%)", what,
                       text ? text : "(null)");
    if (!sb_rate_ok(*out)) {
        char why[160];
        sb_rate_why(*out, why, sizeof why);
        return sb_fail(ctx, SHEBAO_EINPUT, "%s '%.40s': %s (a rate must be in " SB_RATE_BOUNDS ")", what, text, why);
    }
    return SHEBAO_OK;
}

bool sb_dec_to_fen(sb_dec d, int64_t *fen)
{
    if (d.scale > 2)
        return false;
    int64_t m = sb_pow10[2 - d.scale];
    if (d.num > INT64_MAX / m || d.num < INT64_MIN / m)
        return false;
    *fen = d.num * m;
    return true;
}

int sb_round_q(const mpq_t q, shebao_rounding mode, shebao_fen *out)
{
    if (!shebao_rounding_name(mode))
        return SHEBAO_EUSAGE;
    long unit = (long)sb_round_unit(mode); /* in fen */
    /* x = q * 100 / unit = num / den; round x to an integer k, result = k * unit fen */
    mpz_t num, den, k, r;
    mpz_init(num);
    mpz_init(den);
    mpz_init(k);
    mpz_init(r);
    mpz_mul_ui(num, mpq_numref(q), 100);
    mpz_mul_ui(den, mpq_denref(q), (unsigned long)unit);
    mpz_tdiv_qr(k, r, num, den); /* k toward zero, r has the sign of num */
    int sign = mpz_sgn(num);
    if (mpz_sgn(r) != 0) {
        bool away = false;
        if (mode == SHEBAO_ROUND_JIAO_UP) {
            away = true;
        } else if (mode != SHEBAO_ROUND_FEN_TRUNCATE) {
            mpz_abs(r, r);
            mpz_mul_2exp(r, r, 1);
            away = mpz_cmp(r, den) >= 0; /* |r| >= den / 2: tie goes away from zero */
        }
        if (away) {
            if (sign > 0)
                mpz_add_ui(k, k, 1);
            else
                mpz_sub_ui(k, k, 1);
        }
    }
    mpz_mul_ui(k, k, (unsigned long)unit);
    int rc = sb_mpz_get_i64(k, out) ? SHEBAO_OK : SHEBAO_ECOMPUTE;
    mpz_clear(num);
    mpz_clear(den);
    mpz_clear(k);
    mpz_clear(r);
    return rc;
}

/* ---- public API ---------------------------------------------------------------------------------------- */

static const char *const rounding_names[] = {"fen_half_up", "jiao_up", "jiao_half_up", "yuan_half_up",
                                             "fen_truncate"};

const char *shebao_rounding_name(shebao_rounding mode)
{
    if ((unsigned)mode >= sizeof rounding_names / sizeof rounding_names[0])
        return NULL;
    return rounding_names[mode];
}

int shebao_rounding_from_name(const char *name, shebao_rounding *out)
{
    if (!out)
        return SHEBAO_EUSAGE;
    for (size_t i = 0; name && i < sizeof rounding_names / sizeof rounding_names[0]; i++) {
        if (strcmp(name, rounding_names[i]) == 0) {
            *out = (shebao_rounding)i;
            return SHEBAO_OK;
        }
    }
    return SHEBAO_EINPUT;
}

/* "00" "01" ... "99": two digits at a time */
static const char digit_pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                     "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                     "8081828384858687888990919293949596979899";

/* The decimal digits of v < 10^18 (1 for 0). */
static size_t count_digits(uint64_t v)
{
    v |= 1; /* (the same count: 10^k - 1 is odd; and 0 has one digit, like 1) */
#if defined(__GNUC__) || defined(__clang__)
    /* t = floor(log10(v)) or one more; then one comparison settles it */
    size_t t = (size_t)((64 - __builtin_clzll(v)) * 1233) >> 12;
    return t + (v >= (uint64_t)sb_pow10[t]);
#else
    size_t n = 1;
    while (n < 18 && v >= (uint64_t)sb_pow10[n])
        n++;
    return n;
#endif
}

int shebao_money_format(shebao_fen fen, char *buf, size_t size)
{
    if (!buf || size == 0)
        return SHEBAO_EUSAGE;
    /* hot in batch output: no printf; the length first, then the digits right to left straight into buf */
    uint64_t mag = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
    uint64_t yuan = mag / 100;
    unsigned cents = (unsigned)(mag % 100);
    size_t n = (fen < 0) + count_digits(yuan) + 3; /* sign, yuan, '.', two decimals */
    if (n + 1 > size) {
        buf[0] = '\0';
        return SHEBAO_EUSAGE;
    }
    char *p = buf + n;
    *p = '\0';
    memcpy(p -= 2, digit_pairs + 2 * cents, 2);
    *--p = '.';
    while (yuan >= 100) {
        memcpy(p -= 2, digit_pairs + 2 * (yuan % 100), 2);
        yuan /= 100;
    }
    if (yuan >= 10)
        memcpy(p -= 2, digit_pairs + 2 * yuan, 2);
    else
        *--p = (char)('0' + yuan);
    if (fen < 0)
        *--p = '-';
    return SHEBAO_OK;
}

static int parse_arg(shebao_ctx *ctx, const char *s, sb_dec *d)
{
    const char *why = NULL;
    int rc = sb_dec_parse(s, d, &why);
    if (rc != SHEBAO_OK)
        return sb_fail(ctx, rc, "'%.40s': %s", s ? s : "(null)", sb_tr(ctx, why));
    return SHEBAO_OK;
}

int shebao_money_parse(shebao_ctx *ctx, const char *s, shebao_fen *out)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    /* the common shape first (hot in batch input): 1-15 digits, then '.' and one or two digits or nothing (at most
     * 15 integer digits cannot overflow); anything else takes the general reading below, which words the errors */
    if (s && *s >= '0' && *s <= '9') {
        const char *p = s;
        uint64_t v = 0;
        while (*p >= '0' && *p <= '9' && p - s < 15)
            v = v * 10 + (uint64_t)(*p++ - '0');
        v *= 100;
        if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
            v += (uint64_t)(p[1] - '0') * 10;
            p += 2;
            if (*p >= '0' && *p <= '9')
                v += (uint64_t)(*p++ - '0');
        }
        if (*p == '\0') {
            *out = (shebao_fen)v;
            return sb_ok(ctx);
        }
    }
    /* the whole of s, however long: leading zeros add nothing, and more than two decimals (trailing zeros aside)
     * are refused as such, whatever their number */
    sb_dec d;
    sb_dec_status st = sb_dec_read(s, s ? strlen(s) : 0, 2, &d);
    if (st == SB_DEC_SCALE)
        return sb_fail(ctx, SHEBAO_EINPUT, "'%.40s': an amount has at most two decimals (fen)", s);
    if (st != SB_DEC_OK)
        return sb_fail(ctx, st == SB_DEC_RANGE ? SHEBAO_ECOMPUTE : SHEBAO_EINPUT, "'%.40s': %s", s ? s : "(null)",
                       sb_tr(ctx, sb_dec_status_text(st)));
    if (!sb_dec_to_fen(d, out))
        return sb_fail(ctx, SHEBAO_ECOMPUTE, "'%.40s': number out of range", s);
    return sb_ok(ctx);
}

typedef enum { OP_NONE, OP_MUL, OP_DIV } op_kind;

static int op_round(shebao_ctx *ctx, const char *a, const char *b, op_kind op, shebao_rounding mode,
                    shebao_fen *out)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!out || !shebao_rounding_name(mode))
        return sb_fail(ctx, SHEBAO_EUSAGE, "invalid rounding mode or output pointer");
    sb_dec da, db = {1, 0};
    int rc = parse_arg(ctx, a, &da);
    if (rc == SHEBAO_OK && op != OP_NONE)
        rc = parse_arg(ctx, b, &db);
    if (rc != SHEBAO_OK)
        return rc;
    if (op == OP_DIV && db.num == 0)
        return sb_fail(ctx, SHEBAO_EINPUT, "division by zero ('%.40s' / '%.40s')", a, b);
    mpq_t qa, qb;
    mpq_init(qa);
    mpq_init(qb);
    sb_dec_to_q(qa, da);
    sb_dec_to_q(qb, db);
    if (op == OP_MUL)
        mpq_mul(qa, qa, qb);
    else if (op == OP_DIV)
        mpq_div(qa, qa, qb);
    rc = sb_round_q(qa, mode, out);
    mpq_clear(qa);
    mpq_clear(qb);
    if (rc != SHEBAO_OK)
        return sb_fail(ctx, rc, "result out of range");
    return sb_ok(ctx);
}

int shebao_decimal_round(shebao_ctx *ctx, const char *decimal, shebao_rounding mode, shebao_fen *out)
{
    return op_round(ctx, decimal, NULL, OP_NONE, mode, out);
}

int shebao_decimal_mul_round(shebao_ctx *ctx, const char *a, const char *b, shebao_rounding mode,
                             shebao_fen *out)
{
    return op_round(ctx, a, b, OP_MUL, mode, out);
}

int shebao_decimal_div_round(shebao_ctx *ctx, const char *a, const char *b, shebao_rounding mode,
                             shebao_fen *out)
{
    return op_round(ctx, a, b, OP_DIV, mode, out);
}

void sb_q_format(const mpq_t q, int decimals, char *buf, size_t size)
{
    mpz_t num, k, r, p10;
    mpz_init(num);
    mpz_init(k);
    mpz_init(r);
    mpz_init(p10);
    mpz_ui_pow_ui(p10, 10, (unsigned long)decimals);
    mpz_mul(num, mpq_numref(q), p10);
    mpz_tdiv_qr(k, r, num, mpq_denref(q));
    mpz_abs(r, r);
    mpz_mul_2exp(r, r, 1);
    if (mpz_cmp(r, mpq_denref(q)) >= 0) {
        if (mpz_sgn(num) > 0)
            mpz_add_ui(k, k, 1);
        else
            mpz_sub_ui(k, k, 1);
    }
    bool neg = mpz_sgn(k) < 0;
    mpz_abs(k, k);
    mpz_tdiv_qr(r, num, k, p10); /* r = integer part, num = fraction */
    char *ip = mpz_get_str(NULL, 10, r), *fp = mpz_get_str(NULL, 10, num);
    if (ip && fp && decimals > 0)
        snprintf(buf, size, "%s%s.%.*s%s", neg ? "-" : "", ip, decimals - (int)strlen(fp),
                 "000000000000000000000000000000", fp);
    else if (ip && fp)
        snprintf(buf, size, "%s%s", neg ? "-" : "", ip);
    else if (size)
        buf[0] = '\0';
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    if (ip)
        freefunc(ip, strlen(ip) + 1);
    if (fp)
        freefunc(fp, strlen(fp) + 1);
    mpz_clear(num);
    mpz_clear(k);
    mpz_clear(r);
    mpz_clear(p10);
}

#ifdef __SIZEOF_INT128__
int sb_round_ratio(__int128 num, __int128 den, shebao_rounding mode, shebao_fen *out)
{
    if (!shebao_rounding_name(mode))
        return SHEBAO_EUSAGE;
    int64_t unit = sb_round_unit(mode);
    if (den <= 0)
        return SHEBAO_EUSAGE;
    __int128 d;
    if (__builtin_mul_overflow(den, (__int128)unit, &d))
        return SHEBAO_ECOMPUTE;
    __int128 k, r; /* k toward zero, r has the sign of num */
    if (num >= INT64_MIN && num <= INT64_MAX && d <= INT64_MAX) {
        k = (int64_t)num / (int64_t)d; /* 64-bit division when it fits: much faster */
        r = (int64_t)num % (int64_t)d;
    } else {
        k = num / d;
        r = num % d;
    }
    if (r != 0) {
        bool away = mode == SHEBAO_ROUND_JIAO_UP;
        if (mode != SHEBAO_ROUND_JIAO_UP && mode != SHEBAO_ROUND_FEN_TRUNCATE) {
            __int128 ar = r < 0 ? -r : r;
            away = ar >= d - ar; /* 2|r| >= d without overflow */
        }
        if (away)
            k += num < 0 ? -1 : 1;
    }
    k *= unit;
    if (k > INT64_MAX || k < INT64_MIN)
        return SHEBAO_ECOMPUTE;
    *out = (int64_t)k;
    return SHEBAO_OK;
}
#endif
