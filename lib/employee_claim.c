/* The monthly employee pension of a benefit form (核定表) from the form's own inputs: basic pension
 * C·(1+Z)/2·N·1 %, account pension ÷ divisor at the exact age, the transition pension and the provincial extras,
 * each rounded by the policy's component rounding, the total by its total rounding. Rules and sources:
 * docs/employee-pension.md. */
#include <stdio.h>
#include <string.h>

#include "employee.h"

/* d rounded to k decimals, half up (d >= 0, d.num < 10^17). */
static sb_dec claim_round_dec(sb_dec d, int k)
{
    if (d.scale <= k)
        return d;
    int64_t p = sb_pow10[d.scale - k];
    return (sb_dec){(d.num + p / 2) / p, k};
}

/* A decimal member of the form: plain, not negative, at most `max`. */
static int claim_decimal(shebao_ctx *ctx, const char *what, const char *text, sb_dec max, sb_dec *out)
{
    if (!text)
        return sb_fail(ctx, SHEBAO_EUSAGE, "shebao_employee_form.%s: NULL", what);
    if (sb_dec_read(text, strlen(text), 8, out) != SB_DEC_OK || out->num < 0)
        return sb_fail(ctx, SHEBAO_EINPUT, "%s '%.*s%s': expected a decimal of at most 8 places, not negative", what,
                       SB_SHOW(text, strlen(text)));
    if (sb_dec_cmp(*out, max) > 0) {
        char m[32];
        sb_dec_format(max, m, sizeof m);
        return sb_fail(ctx, SHEBAO_EINPUT, "%s '%.*s%s': too large (at most %s)", what, SB_SHOW(text, strlen(text)), m);
    }
    return SHEBAO_OK;
}

/* The account divisor (计发月数) at age y years m months: the table's row (whole_year), or linear between rows
 * rounded half up to 0.1 (month_linear): D = T[y] − (T[y] − T[y+1])·m/12. */
static int claim_divisor(shebao_ctx *ctx, const sb_employee *ep, int y, int m, mpq_t d)
{
    if (y < SB_DIVISOR_AGE_MIN || y > SB_DIVISOR_AGE_MAX || (y == SB_DIVISOR_AGE_MAX && m > 0 &&
                                                              ep->divisor_mode == SB_DIVISOR_MONTH_LINEAR))
        return sb_fail(ctx, SHEBAO_EINPUT, "age at retirement %d years %d months: outside the divisor table "
                       "(计发月数, ages %d to %d)", y, m, SB_DIVISOR_AGE_MIN, SB_DIVISOR_AGE_MAX);
    const sb_dec *T = &ep->divisor[y - SB_DIVISOR_AGE_MIN];
    sb_dec_to_q(d, T[0]);
    if (ep->divisor_mode == SB_DIVISOR_WHOLE_YEAR || m == 0)
        return SHEBAO_OK;
    mpq_t next, t;
    mpq_inits(next, t, NULL);
    sb_dec_to_q(next, T[1]);
    mpq_sub(t, d, next); /* T[y] − T[y+1] */
    mpq_set_si(next, m, 12);
    mpq_mul(t, t, next);
    mpq_sub(d, d, t);
    /* to tenths, half up: floor(10·D + 1/2) / 10 */
    mpq_set_ui(t, 10, 1);
    mpq_mul(d, d, t);
    mpq_set_ui(t, 1, 2);
    mpq_add(d, d, t);
    mpz_fdiv_q(mpq_numref(d), mpq_numref(d), mpq_denref(d));
    mpz_set_ui(mpq_denref(d), 10);
    mpq_canonicalize(d);
    mpq_clears(next, t, NULL);
    return SHEBAO_OK;
}

/* The benefit base in force for a retirement in month ret: the latest year up to ret's whose figure was published
 * by ret (an earlier year's figure is provisional, 预发). */
const sb_year_value *sb_employee_base(const sb_employee *ep, sb_month ret)
{
    const sb_year_value *b = NULL;
    for (size_t i = 0; i < ep->base.n; i++)
        if (ep->base.v[i].year <= SB_MONTH_YEAR(ret) && ep->base.v[i].published <= ret)
            b = &ep->base.v[i];
    return b;
}

/* Record that the claim used policy parameter `param` (each once; sorted by claim_used_sort). */
static void claim_use(shebao_employee_pension *o, uint32_t param)
{
    for (unsigned i = 0; i < o->nused; i++)
        if (o->used[i] == param)
            return;
    if (o->nused < SHEBAO_EMPLOYEE_USED_MAX)
        o->used[o->nused++] = param;
}

/* The parameters in the policy's order (insertion sort: at most SHEBAO_EMPLOYEE_USED_MAX). */
static void claim_used_sort(shebao_employee_pension *o)
{
    for (unsigned i = 1; i < o->nused; i++)
        for (unsigned j = i; j > 0 && o->used[j - 1] > o->used[j]; j--) {
            unsigned t = o->used[j];
            o->used[j] = o->used[j - 1];
            o->used[j - 1] = t;
        }
}

/* q = fen as yuan. */
static void claim_q_fen(mpq_t q, int64_t fen)
{
    mpq_set_si(q, fen, 100);
    mpq_canonicalize(q);
}

/* One component: q (yuan) rounded by the component rounding into *out. */
static int claim_round(shebao_ctx *ctx, const sb_employee *ep, const mpq_t q, const char *what, shebao_fen *out)
{
    if (sb_round_q(q, ep->component_rounding, out) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "%s", sb_tr(ctx, what));
    return SHEBAO_OK;
}

/* The form's decimals: N and Z (and the transition's), checked and N rounded. */
typedef struct claim_in {
    sb_dec n, z, nt, zt;
    bool transition;
} claim_in;

static int claim_inputs(shebao_ctx *ctx, const sb_employee *ep, const shebao_employee_form *f, claim_in *in)
{
    TRY(claim_decimal(ctx, "years_paid", f->years_paid, SB_EMPLOYEE_YEARS_MAX, &in->n));
    TRY(claim_decimal(ctx, "index", f->index, SB_EMPLOYEE_INDEX_MAX, &in->z));
    in->n = claim_round_dec(in->n, ep->years_decimals);
    in->transition = f->transition_years || f->transition_index;
    if (!in->transition)
        return SHEBAO_OK;
    if (!f->transition_years || !f->transition_index)
        return sb_fail(ctx, SHEBAO_EINPUT, "transition_years and transition_index go together (过渡性养老金)");
    if (!ep->has_transition)
        return sb_fail(ctx, SHEBAO_EINPUT, "transition_years: the policy has no transition pension "
                       "(employee_pension.transition_coefficient)");
    TRY(claim_decimal(ctx, "transition_years", f->transition_years, SB_EMPLOYEE_YEARS_MAX, &in->nt));
    TRY(claim_decimal(ctx, "transition_index", f->transition_index, SB_EMPLOYEE_INDEX_MAX, &in->zt));
    in->nt = claim_round_dec(in->nt, ep->years_decimals);
    return SHEBAO_OK;
}

/* q ×= d. */
static void claim_mul_dec(mpq_t q, mpq_t t, sb_dec d)
{
    sb_dec_to_q(t, d);
    mpq_mul(q, q, t);
}

/* The amounts of an eligible claim: C, N, Z and the divisor given. */
static int claim_amounts(shebao_ctx *ctx, const sb_employee *ep, const claim_in *in, shebao_fen account,
                         const mpq_t div, sb_month ret, shebao_employee_pension *o)
{
    mpq_t q, t;
    mpq_inits(q, t, NULL);
    int rc;
    /* basic: C·(1 + Z)/2 · N · rate */
    sb_dec_to_q(q, in->z);
    mpq_set_ui(t, 1, 1);
    mpq_add(q, q, t);
    mpq_set_ui(t, 1, 2);
    mpq_mul(q, q, t);
    claim_mul_dec(q, t, in->n);
    claim_mul_dec(q, t, ep->basic_rate);
    claim_q_fen(t, o->benefit_base);
    mpq_mul(q, q, t);
    rc = claim_round(ctx, ep, q, "basic pension", &o->basic_pension);
    uint32_t formula[] = {ep->p_basic_rate, ep->p_component_rounding, ep->p_total_rounding};
    for (size_t i = 0; i < sizeof formula / sizeof formula[0]; i++)
        claim_use(o, formula[i]);
    /* account ÷ divisor */
    claim_q_fen(q, account);
    mpq_div(q, q, div);
    if (rc == SHEBAO_OK)
        rc = claim_round(ctx, ep, q, "account pension", &o->account_pension);
    if (rc == SHEBAO_OK && in->transition) { /* C·Zt·Nt·coefficient */
        sb_dec_to_q(q, in->zt);
        claim_mul_dec(q, t, in->nt);
        claim_mul_dec(q, t, ep->transition_coefficient);
        claim_q_fen(t, o->benefit_base);
        mpq_mul(q, q, t);
        o->has_transition_pension = 1;
        claim_use(o, ep->p_transition);
        rc = claim_round(ctx, ep, q, "transition pension", &o->transition_pension);
    }
    if (rc == SHEBAO_OK && ep->has_adjustment) { /* fixed + Z·N·per_index_year */
        sb_dec_to_q(q, in->z);
        claim_mul_dec(q, t, in->n);
        claim_q_fen(t, ep->adjustment_per);
        mpq_mul(q, q, t);
        claim_q_fen(t, ep->adjustment_fixed);
        mpq_add(q, q, t);
        o->has_transition_adjustment = 1;
        claim_use(o, ep->p_adjustment[0]);
        claim_use(o, ep->p_adjustment[1]);
        rc = claim_round(ctx, ep, q, "transition adjustment", &o->transition_adjustment);
    }
    const sb_dated_money *sub = NULL; /* the subsidy in force at the retirement */
    for (size_t i = 0; i < ep->subsidy.n; i++)
        if (ep->subsidy.v[i].from <= ret)
            sub = &ep->subsidy.v[i];
    if (sub) {
        o->has_pension_subsidy = 1;
        o->pension_subsidy = sub->fen;
        claim_use(o, sub->param);
    }
    o->sum = o->basic_pension + o->account_pension + o->transition_pension + o->transition_adjustment +
             o->pension_subsidy;
    claim_q_fen(q, o->sum);
    if (rc == SHEBAO_OK && sb_round_q(q, ep->total_rounding, &o->monthly_total) != SHEBAO_OK)
        rc = sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "monthly total");
    mpq_clears(q, t, NULL);
    return rc;
}

/* The parameters every claim uses: the retirement rule, the window when the retirement is not the statutory
 * month, the minimum, the benefit base, the divisor rows and mode, N's decimals. */
static void claim_uses(shebao_employee_pension *o, const sb_employee *ep, shebao_retire_category c, sb_month ret,
                       const sb_retire *r, const sb_year_value *base)
{
    for (int i = 0; i < 4; i++)
        claim_use(o, ep->retire[c].param[i]);
    if (ret != r->statutory)
        claim_use(o, ret < r->statutory ? ep->p_elastic_early : ep->p_elastic_late);
    claim_use(o, ep->p_min);
    if (base)
        claim_use(o, base->param);
    claim_use(o, ep->p_divisor_mode);
    claim_use(o, ep->p_years_decimals);
    int y = o->age_years - SB_DIVISOR_AGE_MIN;
    if (y >= 0 && y < SB_DIVISOR_AGES)
        claim_use(o, ep->p_divisor[y]);
    if (ep->divisor_mode == SB_DIVISOR_MONTH_LINEAR && o->age_months > 0 && y + 1 >= 0 && y + 1 < SB_DIVISOR_AGES)
        claim_use(o, ep->p_divisor[y + 1]);
}

int shebao_employee_claim(shebao_ctx *ctx, const shebao_policy *policy, const shebao_employee_form *form,
                          shebao_employee_pension *out)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!policy || !form || !out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "shebao_employee_claim: NULL %s",
                       !policy ? "policy" : !form ? "form" : "output pointer");
    TRY(sb_check_version(ctx, "shebao_employee_form", form->version, SHEBAO_EMPLOYEE_FORM_VERSION,
                         "SHEBAO_EMPLOYEE_FORM_INIT"));
    TRY(sb_check_version(ctx, "shebao_employee_pension", out->version, SHEBAO_EMPLOYEE_PENSION_VERSION,
                         "SHEBAO_EMPLOYEE_PENSION_INIT"));
    const sb_employee *ep = &policy->ep;
    sb_retire r;
    TRY(sb_retire_find(ctx, policy, form->birth_year, form->birth_month, form->category, &r));
    if (form->retire_month < 1 || form->retire_month > 12 || form->retire_year < SB_YEAR_MIN ||
        form->retire_year > SB_YEAR_MAX)
        return sb_fail(ctx, SHEBAO_EINPUT, "retirement %04d-%02d: not a valid month", form->retire_year,
                       form->retire_month);
    sb_month ret = SB_MONTH_MAKE(form->retire_year, form->retire_month);
    if (ret < r.earliest || ret > r.latest) {
        char a[16], b[16], s[16];
        sb_month_format(r.earliest, a, sizeof a);
        sb_month_format(r.latest, b, sizeof b);
        sb_month_format(r.statutory, s, sizeof s);
        return sb_fail(ctx, SHEBAO_EINPUT, "retirement %04d-%02d: outside the elastic window %s to %s (statutory %s)",
                       form->retire_year, form->retire_month, a, b, s);
    }
    claim_in in;
    TRY(claim_inputs(ctx, ep, form, &in));
    const sb_year_value *base = sb_employee_base(ep, ret);
    bool given = form->version >= 2 && form->benefit_base != SHEBAO_UNSET;
    if (given && (form->benefit_base <= 0 || form->benefit_base > SB_EMPLOYEE_BASE_MAX)) {
        char m[SHEBAO_MONEY_BUFSZ];
        shebao_money_format(form->benefit_base, m, sizeof m);
        return sb_fail(ctx, SHEBAO_EINPUT, "benefit_base %s: must be above 0 and at most 1000000.00 a month", m);
    }
    if (!base && !given)
        return sb_fail(ctx, SHEBAO_EINPUT, "retirement %04d-%02d: the policy has no benefit base (计发基数) "
                       "published by then", form->retire_year, form->retire_month);
    shebao_employee_pension *o = out;
    unsigned version = o->version;
    *o = (shebao_employee_pension)SHEBAO_EMPLOYEE_PENSION_INIT;
    o->version = version;
    o->age_years = (ret - r.birth) / 12;
    o->age_months = (ret - r.birth) % 12;
    o->base_year = given ? form->retire_year : base->year;
    o->provisional = !given && base->year < form->retire_year;
    o->benefit_base = given ? form->benefit_base : base->fen;
    char text[48];
    sb_dec_format(in.n, text, sizeof text);
    snprintf(o->years, sizeof o->years, "%.15s", text); /* N <= 80, <= 4 decimals */
    /* the minimum of the year of an early retirement, else of the statutory year (人社部发〔2024〕94号 第七条) */
    o->min_months = sb_retire_min_months(ep, SB_MONTH_YEAR(ret < r.statutory ? ret : r.statutory));
    claim_uses(o, ep, form->category, ret, &r, given ? NULL : base);
    mpq_t div;
    mpq_init(div);
    int rc = claim_divisor(ctx, ep, o->age_years, o->age_months, div);
    if (rc == SHEBAO_OK) {
        sb_q_format(div, mpz_cmp_ui(mpq_denref(div), 1) == 0 ? 0 : 1, text, sizeof text);
        snprintf(o->divisor, sizeof o->divisor, "%.15s", text); /* a divisor <= 10^6: short */
        /* eligible when N·12 >= the minimum months */
        sb_dec n12 = {in.n.num * 12, in.n.scale};
        o->eligible = sb_dec_cmp(n12, (sb_dec){o->min_months, 0}) >= 0;
        if (o->eligible)
            rc = claim_amounts(ctx, ep, &in, form->account, div, ret, o);
    }
    mpq_clear(div);
    claim_used_sort(o);
    return rc == SHEBAO_OK ? sb_ok(ctx) : rc;
}
