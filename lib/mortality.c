/* Mortality and annuities: the embedded China Life Insurance Mortality Table 2010-2013 (pension business, CL5 male /
 * CL6 female), survivors l(x) computed in MPFR once per context and interpolated linearly within each year of age,
 * survival weights, and the annuity tails T[j] = Σ_{k>=j} l(a+k)/l(a)·v^k the EPV is made of (lifetime_epv.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mortality.h"

/* ---- the per-context cache ----------------------------------------------------------------------------- */

/* One cached tail: the public view first (a pointer to it is a pointer to the entry), then its key and the last
 * supplement terms (tail[j0] − tail[j1])·fen made from it, by (j0, j1, fen). */
typedef struct sb_tail_entry {
    sb_annuity a;
    bool used;
    int sex;
    long age_months;
    int64_t disc_num;
    int disc_scale;
    unsigned prec;
    struct sb_tail_term {
        bool used;
        long j0, j1;
        int64_t fen;
        mpfr_t t;
    } terms[2];
    unsigned next_term;
} sb_tail_entry;

struct sb_mortality {
    /* the survivors of the pension life table, per sex, at lt_prec bits */
    bool lt_ready[2];
    unsigned lt_prec[2];
    mpfr_t lt_l[2][SB_LT_LAST + 2];
    /* annuity tails, four (sex, age, rate) at a time */
    sb_tail_entry tails[4];
    unsigned next_tail;
    /* scratch values for one sum over the tails, at scratch_prec bits; scratch_prec 0: not made yet */
    unsigned scratch_prec;
    mpfr_t scratch[2];
    /* the last discount rate's v = (1 + i)^(−1/12) read as a double (sb_mortality_discount_d) */
    bool v_ready;
    sb_dec v_rate;
    unsigned v_prec;
    double v_d;
};

static void tail_clear(sb_tail_entry *c)
{
    if (!c->used)
        return;
    for (size_t j = 0; j <= c->a.n; j++)
        mpfr_clear(c->a.tail[j]);
    free(c->a.tail);
    for (size_t i = 0; i < sizeof c->terms / sizeof c->terms[0]; i++)
        if (c->terms[i].used)
            mpfr_clear(c->terms[i].t);
    memset(c->terms, 0, sizeof c->terms);
    c->next_term = 0;
    c->used = false;
}

static void mortality_release(struct sb_mortality *m)
{
    for (size_t i = 0; i < sizeof m->tails / sizeof m->tails[0]; i++)
        tail_clear(&m->tails[i]);
    for (int s = 0; s < 2; s++) {
        if (!m->lt_ready[s])
            continue;
        for (int x = 0; x <= SB_LT_LAST + 1; x++)
            mpfr_clear(m->lt_l[s][x]);
        m->lt_ready[s] = false;
    }
    if (m->scratch_prec)
        mpfr_clears(m->scratch[0], m->scratch[1], (mpfr_ptr)0);
    free(m);
}

/* The context's cache, made on its first use. It gets cache lines of its own: the context's thread writes the heads
 * of its scratch values and terms on every EPV, and contexts made one after another are used by different
 * threads. */
static struct sb_mortality *cache_make(shebao_ctx *ctx)
{
    size_t size = (sizeof(struct sb_mortality) + 63) / 64 * 64;
    struct sb_mortality *m = aligned_alloc(64, size);
    if (!m) {
        sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        return NULL;
    }
    memset(m, 0, size);
    ctx->mortality = m;
    ctx->mortality_release = mortality_release;
    return m;
}

static inline struct sb_mortality *cache(shebao_ctx *ctx)
{
    return ctx->mortality ? ctx->mortality : cache_make(ctx);
}

/* ---- the life table -------------------------------------------------------------------------------------- */

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

const mpfr_t *sb_mortality_table(shebao_ctx *ctx, int sex)
{
    if (sex < 0 || sex > 1) {
        sb_fail(ctx, SHEBAO_EUSAGE, "unknown sex %d", sex);
        return NULL;
    }
    struct sb_mortality *m = cache(ctx);
    if (!m)
        return NULL;
    if (m->lt_ready[sex] && m->lt_prec[sex] == ctx->precision)
        return (const mpfr_t *)m->lt_l[sex];
    const sb_embedded *t = find_table("cl2010_2013_pension");
    sb_dec qq[2][SB_LT_LAST + 1];
    if (!t || !parse_table(t->data, qq)) {
        sb_fail(ctx, SHEBAO_EPOLICY, "embedded life table cl2010_2013_pension is missing or malformed");
        return NULL;
    }
    mpfr_t *l = m->lt_l[sex];
    if (m->lt_ready[sex]) {
        for (int x = 0; x <= SB_LT_LAST + 1; x++)
            mpfr_clear(l[x]);
        m->lt_ready[sex] = false;
    }
    mpq_t qx;
    mpq_init(qx);
    mpfr_t f;
    mpfr_init2(f, ctx->precision);
    for (int x = 0; x <= SB_LT_LAST + 1; x++)
        mpfr_init2(l[x], ctx->precision);
    mpfr_set_ui(l[0], 1, MPFR_RNDN);
    for (int x = 0; x <= SB_LT_LAST; x++) {
        sb_dec_to_q(qx, qq[sex][x]);
        mpfr_set_q(f, qx, MPFR_RNDN);
        mpfr_ui_sub(f, 1, f, MPFR_RNDN); /* 1 - q_x */
        mpfr_mul(l[x + 1], l[x], f, MPFR_RNDN);
    }
    mpfr_clear(f);
    mpq_clear(qx);
    m->lt_ready[sex] = true;
    m->lt_prec[sex] = ctx->precision;
    return (const mpfr_t *)l;
}

void sb_mortality_l(mpfr_t rop, const mpfr_t *l, long months)
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

/* ---- survival weights and discounting -------------------------------------------------------------------- */

/* The months l is above 0 from age a (months), or 0 with the error on ctx when a is outside the table. */
static size_t months_alive(shebao_ctx *ctx, long a)
{
    if (a < 0 || a >= SB_LT_END_MONTHS) {
        sb_fail(ctx, SHEBAO_EINPUT, "age %ld months is outside the life table (0..%ld)", a, SB_LT_END_MONTHS - 1);
        return 0;
    }
    return (size_t)(SB_LT_END_MONTHS - a);
}

/* The table, the months n from age a, and room for n weights of `size` bytes; NULL with the error on ctx. */
static void *weights_new(shebao_ctx *ctx, int sex, long a, size_t size, const mpfr_t **l, size_t *n)
{
    *l = sb_mortality_table(ctx, sex);
    *n = *l ? months_alive(ctx, a) : 0;
    if (!*n)
        return NULL;
    void *w = malloc(*n * size);
    if (!w)
        sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    return w;
}

size_t sb_mortality_weights(shebao_ctx *ctx, int sex, long a, mpfr_t **out)
{
    const mpfr_t *l;
    size_t n;
    mpfr_t *w = weights_new(ctx, sex, a, sizeof *w, &l, &n);
    if (!w)
        return 0;
    mpfr_t la;
    mpfr_init2(la, ctx->precision);
    sb_mortality_l(la, l, a);
    for (size_t j = 0; j < n; j++) {
        mpfr_init2(w[j], ctx->precision);
        sb_mortality_l(w[j], l, a + (long)j);
        mpfr_div(w[j], w[j], la, MPFR_RNDN);
    }
    mpfr_clear(la);
    *out = w;
    return n;
}

size_t sb_mortality_weights_d(shebao_ctx *ctx, int sex, long a, double **out)
{
    const mpfr_t *l;
    size_t n;
    double *w = weights_new(ctx, sex, a, sizeof *w, &l, &n);
    if (!w)
        return 0;
    /* l(x) + (l(x+1) − l(x))·f/12 as sb_mortality_l, in doubles, from l read once per year of age */
    long x0 = a / 12;
    double lx[SB_LT_LAST + 2];
    for (long x = x0; x <= SB_LT_LAST + 1; x++)
        lx[x] = mpfr_get_d(l[x], MPFR_RNDN);
    double la = 0;
    for (size_t j = 0; j < n; j++) {
        long m = a + (long)j, x = m / 12, f = m % 12;
        double v = lx[x] + (lx[x + 1] - lx[x]) * (double)f / 12;
        if (j == 0)
            la = v;
        w[j] = v / la;
    }
    *out = w;
    return n;
}

void sb_mortality_weights_free(mpfr_t *w, size_t n)
{
    for (size_t j = 0; j < n; j++)
        mpfr_clear(w[j]);
    free(w);
}

void sb_mortality_discount(mpfr_t v, sb_dec i)
{
    mpq_t q;
    mpq_init(q);
    sb_dec_to_q(q, i);
    mpfr_set_q(v, q, MPFR_RNDN);
    mpq_clear(q);
    mpfr_add_ui(v, v, 1, MPFR_RNDN);
    mpfr_rootn_ui(v, v, 12, MPFR_RNDN);
    mpfr_ui_div(v, 1, v, MPFR_RNDN);
}

double sb_mortality_discount_d(shebao_ctx *ctx, sb_dec i)
{
    struct sb_mortality *m = cache(ctx);
    if (m && m->v_ready && m->v_rate.num == i.num && m->v_rate.scale == i.scale && m->v_prec == ctx->precision)
        return m->v_d;
    mpfr_t v;
    mpfr_init2(v, ctx->precision);
    sb_mortality_discount(v, i);
    double d = mpfr_get_d(v, MPFR_RNDN);
    mpfr_clear(v);
    if (m) {
        m->v_ready = true;
        m->v_rate = i;
        m->v_prec = ctx->precision;
        m->v_d = d;
    }
    return d;
}

/* ---- annuity tails and terms ----------------------------------------------------------------------------- */

/* The cache entry of the tail for (sex, a, discount) at the context's precision, or NULL. */
static sb_tail_entry *tail_entry(shebao_ctx *ctx, struct sb_mortality *m, int sex, long a, sb_dec discount)
{
    for (size_t i = 0; i < sizeof m->tails / sizeof m->tails[0]; i++) {
        sb_tail_entry *c = &m->tails[i];
        if (c->used && c->sex == sex && c->age_months == a && c->disc_num == discount.num &&
            c->disc_scale == discount.scale && c->prec == ctx->precision)
            return c;
    }
    return NULL;
}

/* tail[j] = Σ_{k>=j} w_k v^k for j = 0..len (tail[len] = 0): the terms forward (tail[j] holds w_j v^j for now), then
 * the suffix sums backward. */
static void tail_sums(mpfr_t *tail, size_t len, const mpfr_t *l, long a, sb_dec discount, unsigned prec)
{
    mpfr_t la, w, v, vj;
    mpfr_inits2(prec, la, w, v, vj, (mpfr_ptr)0);
    sb_mortality_discount(v, discount);
    sb_mortality_l(la, l, a);
    mpfr_set_ui(vj, 1, MPFR_RNDN);
    for (size_t j = 0; j < len; j++) {
        sb_mortality_l(w, l, a + (long)j);
        mpfr_div(w, w, la, MPFR_RNDN);
        mpfr_mul(tail[j], w, vj, MPFR_RNDN);
        mpfr_mul(vj, vj, v, MPFR_RNDN);
    }
    mpfr_set_ui(tail[len], 0, MPFR_RNDN);
    for (size_t j = len; j-- > 0;)
        mpfr_add(tail[j], tail[j], tail[j + 1], MPFR_RNDN);
    mpfr_clears(la, w, v, vj, (mpfr_ptr)0);
}

sb_annuity *sb_mortality_tail(shebao_ctx *ctx, int sex, long a, sb_dec discount)
{
    struct sb_mortality *m = cache(ctx);
    if (!m)
        return NULL;
    const size_t slots = sizeof m->tails / sizeof m->tails[0];
    sb_tail_entry *hit = tail_entry(ctx, m, sex, a, discount);
    if (hit)
        return &hit->a;
    const mpfr_t *l = sb_mortality_table(ctx, sex);
    if (!l)
        return NULL;
    size_t len = months_alive(ctx, a);
    if (!len)
        return NULL;
    sb_tail_entry *c = &m->tails[m->next_tail++ % slots];
    tail_clear(c);
    c->a.tail = malloc((len + 1) * sizeof *c->a.tail);
    if (!c->a.tail) {
        sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        return NULL;
    }
    unsigned prec = ctx->precision;
    for (size_t j = 0; j <= len; j++)
        mpfr_init2(c->a.tail[j], prec);
    tail_sums(c->a.tail, len, l, a, discount, prec);
    c->used = true;
    c->sex = sex;
    c->age_months = a;
    c->disc_num = discount.num;
    c->disc_scale = discount.scale;
    c->prec = prec;
    c->a.n = len;
    return &c->a;
}

mpfr_srcptr sb_mortality_term(shebao_ctx *ctx, sb_annuity *a, long j0, long j1, int64_t fen)
{
    sb_tail_entry *c = (sb_tail_entry *)a; /* a is the first member of its entry */
    const size_t slots = sizeof c->terms / sizeof c->terms[0];
    for (size_t i = 0; i < slots; i++) {
        struct sb_tail_term *t = &c->terms[i];
        if (t->used && t->j0 == j0 && t->j1 == j1 && t->fen == fen)
            return t->t;
    }
    if (j0 < 0 || j0 >= j1 || (size_t)j1 > a->n) {
        sb_fail(ctx, SHEBAO_EUSAGE, "annuity term: months %ld..%ld outside 0..%zu", j0, j1, a->n);
        return NULL;
    }
    struct sb_tail_term *t = &c->terms[c->next_term++ % slots];
    if (!t->used)
        mpfr_init2(t->t, c->prec);
    t->used = true;
    t->j0 = j0;
    t->j1 = j1;
    t->fen = fen;
    mpfr_sub(t->t, a->tail[j0], a->tail[j1], MPFR_RNDN);
    mpfr_mul_si(t->t, t->t, (long)fen, MPFR_RNDN);
    return t->t;
}

mpfr_t *sb_mortality_scratch(shebao_ctx *ctx)
{
    struct sb_mortality *m = cache(ctx);
    if (!m)
        return NULL;
    /* made once (set_prec only when the precision changed) */
    if (m->scratch_prec != ctx->precision) {
        for (int i = 0; i < 2; i++) {
            if (m->scratch_prec)
                mpfr_set_prec(m->scratch[i], ctx->precision);
            else
                mpfr_init2(m->scratch[i], ctx->precision);
        }
        m->scratch_prec = ctx->precision;
    }
    return m->scratch;
}
