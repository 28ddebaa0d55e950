/* Life tables: the embedded China Life Insurance Mortality Table 2010-2013 (pension business, CL5 male / CL6
 * female), survivors l(x) computed in MPFR once per context and interpolated linearly within each year of age. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const sb_embedded *find_table(const char *name)
{
    for (size_t i = 0; i < sb_embedded_tables_count; i++)
        if (strcmp(sb_embedded_tables[i].name, name) == 0)
            return &sb_embedded_tables[i];
    return NULL;
}

/* Parse "age,qx_male,qx_female" rows (ages 0..SB_LT_LAST, consecutive) into q[sex][age]. */
static bool parse_table(const char *text, sb_dec q[2][SB_LT_LAST + 1])
{
    int next_age = 0;
    const char *line = text;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char buf[128];
        if (len < sizeof buf && len > 0 && line[0] != '#' && (line[0] >= '0' && line[0] <= '9')) {
            memcpy(buf, line, len);
            buf[len] = '\0';
            if (len && buf[len - 1] == '\r')
                buf[len - 1] = '\0';
            char *c1 = strchr(buf, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
            if (!c2)
                return false;
            *c1 = *c2 = '\0';
            if (atoi(buf) != next_age || next_age > SB_LT_LAST)
                return false;
            if (sb_dec_parse(c1 + 1, &q[0][next_age], NULL) != SHEBAO_OK ||
                sb_dec_parse(c2 + 1, &q[1][next_age], NULL) != SHEBAO_OK)
                return false;
            next_age++;
        }
        line += len + (end ? 1 : 0);
    }
    return next_age == SB_LT_LAST + 1;
}

const mpfr_t *sb_lifetable(shebao_ctx *ctx, int sex)
{
    if (sex < 0 || sex > 1) {
        sb_fail(ctx, SHEBAO_EUSAGE, "unknown sex %d", sex);
        return NULL;
    }
    if (ctx->lt_ready[sex] && ctx->lt_prec[sex] == ctx->precision)
        return (const mpfr_t *)ctx->lt_l[sex];
    const sb_embedded *t = find_table("cl2010_2013_pension");
    sb_dec qq[2][SB_LT_LAST + 1];
    if (!t || !parse_table(t->data, qq)) {
        sb_fail(ctx, SHEBAO_EPOLICY, "embedded life table cl2010_2013_pension is missing or malformed");
        return NULL;
    }
    if (ctx->lt_ready[sex]) {
        for (int x = 0; x <= SB_LT_LAST + 1; x++)
            mpfr_clear(ctx->lt_l[sex][x]);
        ctx->lt_ready[sex] = false;
    }
    mpq_t qx;
    mpq_init(qx);
    mpfr_t f;
    mpfr_init2(f, ctx->precision);
    for (int x = 0; x <= SB_LT_LAST + 1; x++)
        mpfr_init2(ctx->lt_l[sex][x], ctx->precision);
    mpfr_set_ui(ctx->lt_l[sex][0], 1, MPFR_RNDN);
    for (int x = 0; x <= SB_LT_LAST; x++) {
        sb_dec_to_q(qx, qq[sex][x]);
        mpfr_set_q(f, qx, MPFR_RNDN);
        mpfr_ui_sub(f, 1, f, MPFR_RNDN); /* 1 - q_x */
        mpfr_mul(ctx->lt_l[sex][x + 1], ctx->lt_l[sex][x], f, MPFR_RNDN);
    }
    mpfr_clear(f);
    mpq_clear(qx);
    ctx->lt_ready[sex] = true;
    ctx->lt_prec[sex] = ctx->precision;
    return (const mpfr_t *)ctx->lt_l[sex];
}

void sb_lifetable_l(mpfr_t rop, const mpfr_t *l, long months)
{
    long x = months / 12, f = months % 12;
    if (months < 0 || x > SB_LT_LAST) {
        mpfr_set_ui(rop, 0, MPFR_RNDN);
        return;
    }
    /* l(x) + f/12 · (l(x+1) − l(x)) */
    mpfr_sub(rop, l[x + 1], l[x], MPFR_RNDN);
    mpfr_mul_ui(rop, rop, (unsigned long)f, MPFR_RNDN);
    mpfr_div_ui(rop, rop, 12, MPFR_RNDN);
    mpfr_add(rop, rop, l[x], MPFR_RNDN);
}

static void release_tails(shebao_ctx *ctx);

void sb_lifetable_release(shebao_ctx *ctx)
{
    release_tails(ctx);
    for (int s = 0; s < 2; s++) {
        if (!ctx->lt_ready[s])
            continue;
        for (int x = 0; x <= SB_LT_LAST + 1; x++)
            mpfr_clear(ctx->lt_l[s][x]);
        ctx->lt_ready[s] = false;
    }
}

int shebao_mortality_from_name(const char *name, shebao_mortality *out)
{
    if (!out)
        return SHEBAO_EUSAGE;
    if (name && strcmp(name, "cl2010-2013-pension") == 0)
        *out = SHEBAO_MORTALITY_CL2010_2013_PENSION;
    else if (name && strcmp(name, "none") == 0)
        *out = SHEBAO_MORTALITY_NONE;
    else
        return SHEBAO_EINPUT;
    return SHEBAO_OK;
}

static void tail_clear(struct sb_tail_cache *c)
{
    if (!c->used)
        return;
    for (size_t j = 0; j <= c->n; j++)
        mpfr_clear(c->tail[j]);
    free(c->tail);
    for (size_t i = 0; i < sizeof c->terms / sizeof c->terms[0]; i++)
        if (c->terms[i].used)
            mpfr_clear(c->terms[i].t);
    memset(c->terms, 0, sizeof c->terms);
    c->next_term = 0;
    c->used = false;
}

/* The cache entry of the tail for (sex, a, discount) at the context's precision, or NULL. */
static struct sb_tail_cache *tail_entry(shebao_ctx *ctx, int sex, long a, sb_dec discount)
{
    for (size_t i = 0; i < sizeof ctx->tails / sizeof ctx->tails[0]; i++) {
        struct sb_tail_cache *c = &ctx->tails[i];
        if (c->used && c->sex == sex && c->age_months == a && c->disc_num == discount.num &&
            c->disc_scale == discount.scale && c->prec == ctx->precision)
            return c;
    }
    return NULL;
}

mpfr_srcptr sb_annuity_term(shebao_ctx *ctx, struct sb_tail_cache *c, long j0, long j1, int64_t fen)
{
    const size_t slots = sizeof c->terms / sizeof c->terms[0];
    for (size_t i = 0; i < slots; i++) {
        struct sb_tail_term *t = &c->terms[i];
        if (t->used && t->j0 == j0 && t->j1 == j1 && t->fen == fen)
            return t->t;
    }
    if (j0 < 0 || j0 >= j1 || (size_t)j1 > c->n) {
        sb_fail(ctx, SHEBAO_EUSAGE, "annuity term: months %ld..%ld outside 0..%zu", j0, j1, c->n);
        return NULL;
    }
    struct sb_tail_term *t = &c->terms[c->next_term++ % slots];
    if (!t->used)
        mpfr_init2(t->t, c->prec);
    t->used = true;
    t->j0 = j0;
    t->j1 = j1;
    t->fen = fen;
    mpfr_sub(t->t, c->tail[j0], c->tail[j1], MPFR_RNDN);
    mpfr_mul_si(t->t, t->t, (long)fen, MPFR_RNDN);
    return t->t;
}

static void release_tails(shebao_ctx *ctx)
{
    for (size_t i = 0; i < sizeof ctx->tails / sizeof ctx->tails[0]; i++)
        tail_clear(&ctx->tails[i]);
}

struct sb_tail_cache *sb_annuity_tail(shebao_ctx *ctx, int sex, long a, sb_dec discount)
{
    const size_t slots = sizeof ctx->tails / sizeof ctx->tails[0];
    struct sb_tail_cache *hit = tail_entry(ctx, sex, a, discount);
    if (hit)
        return hit;
    const mpfr_t *l = sb_lifetable(ctx, sex);
    if (!l)
        return NULL;
    long end = (long)(SB_LT_LAST + 1) * 12; /* l = 0 from age 106 */
    if (a < 0 || a >= end) {
        sb_fail(ctx, SHEBAO_EINPUT, "age %ld months is outside the life table (0..%ld)", a, end - 1);
        return NULL;
    }
    struct sb_tail_cache *c = &ctx->tails[ctx->next_tail++ % slots];
    tail_clear(c);
    size_t len = (size_t)(end - a);
    c->tail = malloc((len + 1) * sizeof *c->tail);
    if (!c->tail) {
        sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        return NULL;
    }
    unsigned prec = ctx->precision;
    for (size_t j = 0; j <= len; j++)
        mpfr_init2(c->tail[j], prec);
    mpfr_t la, w, v, vj;
    mpfr_inits2(prec, la, w, v, vj, (mpfr_ptr)0);
    /* v = (1 + i)^(-1/12) */
    mpq_t q;
    mpq_init(q);
    sb_dec_to_q(q, discount);
    mpfr_set_q(v, q, MPFR_RNDN);
    mpq_clear(q);
    mpfr_add_ui(v, v, 1, MPFR_RNDN);
    mpfr_rootn_ui(v, v, 12, MPFR_RNDN);
    mpfr_ui_div(v, 1, v, MPFR_RNDN);
    sb_lifetable_l(la, l, a);
    /* terms forward (tail[j] holds w_j v^j for now), then suffix sums backward */
    mpfr_set_ui(vj, 1, MPFR_RNDN);
    for (size_t j = 0; j < len; j++) {
        sb_lifetable_l(w, l, a + (long)j);
        mpfr_div(w, w, la, MPFR_RNDN);
        mpfr_mul(c->tail[j], w, vj, MPFR_RNDN);
        mpfr_mul(vj, vj, v, MPFR_RNDN);
    }
    mpfr_set_ui(c->tail[len], 0, MPFR_RNDN);
    for (size_t j = len; j-- > 0;)
        mpfr_add(c->tail[j], c->tail[j], c->tail[j + 1], MPFR_RNDN);
    mpfr_clears(la, w, v, vj, (mpfr_ptr)0);
    c->used = true;
    c->sex = sex;
    c->age_months = a;
    c->disc_num = discount.num;
    c->disc_scale = discount.scale;
    c->prec = prec;
    c->n = len;
    return c;
}

int sb_mpfr_round_fen(const mpfr_t fen, mpfr_t tmp, int64_t *out)
{
    /* Without exact work in the common case: d = fen rounded to a double is within 2^-53·|fen| <= 2^-52·|d| of it.
     * When d is farther than that from the nearest half-integer, fen lies on the same side of every half-integer
     * as d, so both round to the same integer; and below 2^51, d's integer and fractional parts are exact. Near a
     * half-integer (a tie, or nearly one), for large or non-finite values: the exact rounding below. */
    double d = mpfr_get_d(fen, MPFR_RNDN), a = fabs(d);
    if (a < 0x1p51) {
        double whole = floor(a), frac = a - whole;
        if (fabs(frac - 0.5) > a * 0x1p-52) {
            int64_t k = (int64_t)whole + (frac > 0.5);
            *out = d < 0 ? -k : k;
            return SHEBAO_OK;
        }
    }
    if (!mpfr_number_p(fen))
        return SHEBAO_ECOMPUTE;
    mpfr_round(tmp, fen); /* nearest integer, ties away from zero: exact at tmp's precision (that of fen) */
    if (mpfr_zero_p(tmp)) {
        *out = 0;
        return SHEBAO_OK;
    }
    if (mpfr_get_exp(tmp) <= 53) { /* |tmp| < 2^53: an integer a double holds exactly (every real amount) */
        *out = (int64_t)mpfr_get_d(tmp, MPFR_RNDN);
        return SHEBAO_OK;
    }
    if (!mpfr_fits_intmax_p(tmp, MPFR_RNDN))
        return SHEBAO_ECOMPUTE;
    *out = (int64_t)mpfr_get_sj(tmp, MPFR_RNDN);
    return SHEBAO_OK;
}
