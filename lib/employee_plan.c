/* A flexible worker's plan (灵活就业) in the employee scheme: each year's base (a share of the provincial average
 * wage of the year before, or an amount, within the year's band), the monthly payments at the flexible rate, the
 * account credited with the account share and the crediting rate (记账利率), and from them the benefit form the
 * plan implies (N, Z, the account, C), whose claim is shebao_employee_claim()'s. Rules: docs/employee-pension.md §5. */
#include <stdlib.h>
#include <string.h>

#include "employee_plan.h"

/* The national band of a flexible worker's base, 60 %–300 % of the average wage (国办发〔2019〕13号; S4 of the
 * research note): the band of a year after the policy's last listed band, and the range of a share. */
static const sb_dec eplan_band_low = {60, 2}, eplan_band_high = {300, 2};

/* The working state of one plan. */
typedef struct eplan_run {
    const sb_employee *ep;
    sb_dec growth;
    int64_t balance;
    mpq_t idx;    /* Σ over months paid of the month's index */
    int months;
    bool wage_projected, band_projected;
} eplan_run;

static int eplan_round(shebao_ctx *ctx, const mpq_t q, shebao_rounding mode, const char *what, int year,
                       int64_t *out)
{
    if (sb_round_q(q, mode, out) != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "%s in %d", sb_tr(ctx, what), year);
    return SHEBAO_OK;
}

/* The average wage of year y (yuan a year, in fen): the policy's, or after its last year the last one grown by
 * the wage growth each year, v ← fen_half_up(v · (1 + g)). */
static int eplan_wage(shebao_ctx *ctx, shebao_employee_plan *pl, eplan_run *run, int y, int64_t *out,
                      bool *projected)
{
    const sb_year_list *w = &run->ep->wage;
    if (w->n == 0 || y < w->v[0].year)
        return sb_fail(ctx, SHEBAO_EINPUT, "plan: the policy has no average wage (average_wage) for %d, the index "
                       "denominator of %d", y, y + 1);
    const sb_year_value *last = &w->v[w->n - 1];
    *projected = y > last->year;
    if (!*projected) {
        *out = w->v[y - w->v[0].year].fen;
        return sb_prov_use(&pl->used, w->v[y - w->v[0].year].param);
    }
    TRY(sb_prov_use(&pl->used, last->param));
    run->wage_projected = true;
    int64_t v = last->fen;
    mpq_t q, g;
    mpq_inits(q, g, NULL);
    sb_dec_to_q(g, run->growth);
    mpq_set_ui(q, 1, 1);
    mpq_add(g, g, q);
    int rc = SHEBAO_OK;
    for (int k = last->year + 1; k <= y && rc == SHEBAO_OK; k++) {
        sb_mpz_set_i64(mpq_numref(q), v);
        mpz_set_ui(mpq_denref(q), 100); /* yuan */
        mpq_canonicalize(q);
        mpq_mul(q, q, g);
        rc = eplan_round(ctx, q, SHEBAO_ROUND_FEN_HALF_UP, "average wage grown by the wage growth", k, &v);
    }
    mpq_clears(q, g, NULL);
    *out = v;
    return rc;
}

/* The band of year y: the policy's, or after its last listed year 60 %–300 % of the monthly wage Wm. */
static int eplan_band(shebao_ctx *ctx, shebao_employee_plan *pl, eplan_run *run, int y, const mpq_t wm,
                      int64_t *floor, int64_t *ceiling)
{
    const sb_employee *ep = run->ep;
    if (ep->nbands == 0 || y < ep->bands[0].year)
        return sb_fail(ctx, SHEBAO_EINPUT, "plan year %d: the policy has no contribution band (contribution_bands) "
                       "for it", y);
    if (y <= ep->bands[ep->nbands - 1].year) {
        const sb_contrib_band *b = &ep->bands[y - ep->bands[0].year];
        *floor = b->floor;
        *ceiling = b->ceiling;
        return sb_prov_use(&pl->used, b->param);
    }
    run->band_projected = true;
    mpq_t q;
    mpq_init(q);
    sb_dec_to_q(q, eplan_band_low);
    mpq_mul(q, q, wm);
    int rc = eplan_round(ctx, q, SHEBAO_ROUND_FEN_HALF_UP, "band floor", y, floor);
    sb_dec_to_q(q, eplan_band_high);
    mpq_mul(q, q, wm);
    if (rc == SHEBAO_OK)
        rc = eplan_round(ctx, q, SHEBAO_ROUND_FEN_HALF_UP, "band ceiling", y, ceiling);
    mpq_clear(q);
    return rc;
}

/* The flexible rate in force in month m. */
static const sb_dated_rate *eplan_flex(const sb_employee *ep, sb_month m)
{
    const sb_dated_rate *r = NULL;
    for (size_t i = 0; i < ep->nflex; i++)
        if (ep->flex[i].from <= m)
            r = &ep->flex[i];
    return r;
}

/* The crediting rate of year y: the policy's, or after its last year the assumed future rate. */
static int eplan_crediting(shebao_ctx *ctx, shebao_employee_plan *pl, const sb_employee *ep, int y, sb_dec *r,
                           bool *assumed)
{
    const sb_year_list *c = &ep->crediting;
    if (c->n == 0 || y < c->v[0].year)
        return sb_fail(ctx, SHEBAO_EINPUT, "plan year %d: the policy has no crediting rate (crediting_rates) for "
                       "it", y);
    *assumed = y > c->v[c->n - 1].year;
    *r = *assumed ? ep->future_rate : c->v[y - c->v[0].year].dec;
    return sb_prov_use(&pl->used, *assumed ? ep->p_future_rate : c->v[y - c->v[0].year].param);
}

static int eplan_add(shebao_ctx *ctx, int64_t *acc, int64_t v, const char *what, int y)
{
    if (__builtin_add_overflow(*acc, v, acc))
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "%s in %d", sb_tr(ctx, what), y);
    return SHEBAO_OK;
}

/* The months paid in year y: those of a segment's year before the retirement month. */
static int eplan_months(const sb_eplan_segment *seg, size_t nseg, int y, sb_month ret, const sb_eplan_segment **s)
{
    *s = NULL;
    for (size_t i = 0; i < nseg; i++)
        if (seg[i].first <= y && y <= seg[i].last)
            *s = &seg[i];
    if (!*s)
        return 0;
    return y < SB_MONTH_YEAR(ret) ? 12 : SB_MONTH_MON(ret) - 1;
}

/* The year's base: the share of the monthly wage (fen_half_up) or the amount, within [floor, ceiling]. */
static int eplan_base(shebao_ctx *ctx, const sb_eplan_segment *s, const mpq_t wm, int64_t floor, int64_t ceiling,
                      int y, shebao_employee_plan_row *row)
{
    mpq_t q;
    mpq_init(q);
    sb_dec_to_q(q, s->value);
    if (s->share)
        mpq_mul(q, q, wm);
    int rc = eplan_round(ctx, q, SHEBAO_ROUND_FEN_HALF_UP, "contribution base", y, &row->base);
    mpq_clear(q);
    row->clamped = row->base < floor ? -1 : row->base > ceiling ? 1 : 0;
    row->base = row->base < floor ? floor : row->base > ceiling ? ceiling : row->base;
    return rc;
}

/* One year of the ledger. The interest: r · (B·(e − 1) + Σ_m c_m·(e − m)) / 12, fen_half_up, with e = 13 for a
 * whole year and the retirement month's number in its year: the balance earns the months before the retirement,
 * the credit of month m the months from m on (over a whole year Σ (13 − m)/12 = 1.083 × 6, the 1.083/2 rule of
 * EP §3.2). */
static int eplan_year(shebao_ctx *ctx, shebao_employee_plan *pl, eplan_run *run, const sb_eplan_segment *seg,
                      size_t nseg, int y, shebao_employee_plan_row *row)
{
    const sb_employee *ep = run->ep;
    *row = (shebao_employee_plan_row)SHEBAO_EMPLOYEE_PLAN_ROW_INIT;
    row->year = y;
    const sb_eplan_segment *s;
    row->months = eplan_months(seg, nseg, y, pl->ret, &s);
    int64_t wage;
    bool projected;
    TRY(eplan_wage(ctx, pl, run, y - 1, &wage, &projected));
    row->wage_assumed = projected;
    mpq_t wm, q, t, sum;
    mpq_inits(wm, q, t, sum, NULL);
    sb_mpz_set_i64(mpq_numref(wm), wage);
    mpz_set_ui(mpq_denref(wm), 1200);
    mpq_canonicalize(wm); /* the monthly wage, in yuan */
    int rc = eplan_round(ctx, wm, SHEBAO_ROUND_FEN_HALF_UP, "monthly average wage", y, &row->wage);
    int64_t floor, ceiling;
    if (rc == SHEBAO_OK && row->months > 0)
        rc = eplan_band(ctx, pl, run, y, wm, &floor, &ceiling);
    if (rc == SHEBAO_OK && row->months > 0)
        rc = eplan_base(ctx, s, wm, floor, ceiling, y, row);
    if (rc == SHEBAO_OK && row->months > 0) {
        sb_mpz_set_i64(mpq_numref(q), row->base);
        mpz_set_ui(mpq_denref(q), 100);
        mpq_canonicalize(q);
        mpq_div(q, q, wm); /* the index of the year */
        sb_q_format(q, 4, row->index, sizeof row->index);
        mpz_mul_ui(mpq_numref(q), mpq_numref(q), (unsigned long)row->months);
        mpq_canonicalize(q);
        mpq_add(run->idx, run->idx, q);
        run->months += row->months;
        rc = sb_prov_use(&pl->used, ep->p_account_share);
    }
    int e = y == SB_MONTH_YEAR(pl->ret) ? SB_MONTH_MON(pl->ret) : 13;
    for (int m = 1; m <= row->months && rc == SHEBAO_OK; m++) {
        const sb_dated_rate *fr = eplan_flex(ep, SB_MONTH_MAKE(y, m));
        if (!fr) {
            rc = sb_fail(ctx, SHEBAO_EINPUT, "plan month %04d-%02d: the policy has no flexible rate (flexible_rate) "
                         "in force", y, m);
            break;
        }
        if (m == 1)
            sb_dec_format(fr->rate, row->contribution_rate, sizeof row->contribution_rate);
        int64_t pay, credit;
        sb_dec_to_q(q, fr->rate);
        sb_mpz_set_i64(mpq_numref(t), row->base);
        mpz_set_ui(mpq_denref(t), 100);
        mpq_mul(q, q, t); /* yuan */
        rc = eplan_round(ctx, q, SHEBAO_ROUND_FEN_HALF_UP, "monthly contribution", y, &pay);
        sb_dec_to_q(q, ep->account_share);
        mpq_mul(q, q, t);
        if (rc == SHEBAO_OK)
            rc = eplan_round(ctx, q, SHEBAO_ROUND_FEN_HALF_UP, "account credit", y, &credit);
        if (rc == SHEBAO_OK)
            rc = sb_prov_use(&pl->used, fr->param);
        if (rc == SHEBAO_OK)
            rc = eplan_add(ctx, &row->personal, pay, "personal payments", y);
        if (rc == SHEBAO_OK)
            rc = eplan_add(ctx, &row->credited, credit, "account credits", y);
        if (rc != SHEBAO_OK)
            break; /* pay or credit may not be set */
        pl->flows[pl->nflows++] = (sb_flow){SB_MONTH_MAKE(y, m), pay};
        sb_mpz_set_i64(mpq_numref(t), credit);
        mpz_set_ui(mpq_denref(t), 1);
        mpz_mul_ui(mpq_numref(t), mpq_numref(t), (unsigned)(e - m));
        mpq_add(sum, sum, t);
    }
    sb_dec r;
    bool assumed = false;
    if (rc == SHEBAO_OK)
        rc = eplan_crediting(ctx, pl, ep, y, &r, &assumed);
    if (rc == SHEBAO_OK) {
        row->rate_assumed = assumed;
        sb_dec_format(r, row->rate, sizeof row->rate);
        sb_mpz_set_i64(mpq_numref(t), run->balance);
        mpz_set_ui(mpq_denref(t), 1);
        mpz_mul_ui(mpq_numref(t), mpq_numref(t), (unsigned)(e - 1));
        mpq_add(sum, sum, t);
        sb_dec_to_q(q, r);
        mpq_mul(q, q, sum);
        mpq_set_ui(t, 1, 1200); /* /12 months, fen → yuan */
        mpq_mul(q, q, t);
        rc = eplan_round(ctx, q, SHEBAO_ROUND_FEN_HALF_UP, "interest", y, &row->interest);
    }
    if (rc == SHEBAO_OK)
        rc = eplan_add(ctx, &run->balance, row->credited, "account balance", y);
    if (rc == SHEBAO_OK)
        rc = eplan_add(ctx, &run->balance, row->interest, "account balance", y);
    row->balance = run->balance;
    if (rc == SHEBAO_OK && pl->explain.on) {
        SB_EPLAN_SAY(pl, "ledger %d  wage %s/12 = %s%s", y, SB_EPLAN_MONEY(wage), SB_EPLAN_MONEY(row->wage),
                     projected ? SB_PIECE(" (projected)") : "");
        if (row->months > 0)
            SB_EPLAN_SAY(pl, ", base %s%s (index %s), %d months at %s = %s, account %s × %d", SB_EPLAN_MONEY(row->base),
                         row->clamped < 0 ? SB_PIECE(" (raised to the floor)") : row->clamped > 0 ? SB_PIECE(" (lowered to the ceiling)") : "",
                         row->index, row->months, row->contribution_rate, SB_EPLAN_MONEY(row->personal),
                         SB_EPLAN_MONEY(row->credited / row->months), row->months);
        SB_EPLAN_SAY(pl, "; interest %s%s × (balance × %d + Σ credit × (%d − m)) / 12 = %s; balance %s\n", row->rate,
                     assumed ? SB_PIECE(" (assumed)") : "", e - 1, e, SB_EPLAN_MONEY(row->interest), SB_EPLAN_MONEY(row->balance));
    }
    mpq_clears(wm, q, t, sum, NULL);
    return rc;
}

/* The prior years and index: both or neither. */
static int eplan_prior(shebao_ctx *ctx, const shebao_employee_plan_input *in, sb_dec *n0, sb_dec *z0)
{
    *n0 = *z0 = (sb_dec){0, 0};
    if (!in->years_paid && !in->index)
        return SHEBAO_OK;
    if (!in->years_paid || !in->index)
        return sb_fail(ctx, SHEBAO_EINPUT, "years_paid and index of the years before the plan go together");
    const char *names[2] = {"years_paid", "index"}, *texts[2] = {in->years_paid, in->index};
    sb_dec *outs[2] = {n0, z0}, max[2] = {SB_EMPLOYEE_YEARS_MAX, SB_EMPLOYEE_INDEX_MAX};
    for (int i = 0; i < 2; i++)
        if (sb_dec_read(texts[i], strlen(texts[i]), 8, outs[i]) != SB_DEC_OK || outs[i]->num < 0 ||
            sb_dec_cmp(*outs[i], max[i]) > 0) {
            char m[32];
            sb_dec_format(max[i], m, sizeof m);
            return sb_fail(ctx, SHEBAO_EINPUT, "%s '%.*s%s': expected a decimal from 0 to %s with at most 8 places",
                           names[i], SB_SHOW(texts[i], strlen(texts[i])), m);
        }
    return SHEBAO_OK;
}

/* The years before the plan and the plan's months: at most the form's 80 years. */
static int eplan_years_max(shebao_ctx *ctx, const eplan_run *run, sb_dec n0)
{
    mpq_t n, t;
    mpq_inits(n, t, NULL);
    sb_dec_to_q(n, n0);
    mpq_set_ui(t, (unsigned long)run->months, 12);
    mpq_canonicalize(t);
    mpq_add(n, n, t);
    sb_dec_to_q(t, SB_EMPLOYEE_YEARS_MAX);
    int over = mpq_cmp(n, t) > 0;
    mpq_clears(n, t, NULL);
    if (over) {
        char y[32];
        sb_dec_format(n0, y, sizeof y);
        return sb_fail(ctx, SHEBAO_EINPUT, "plan: %s years paid before it and its %d months make more than 80 years",
                       y, run->months);
    }
    return SHEBAO_OK;
}

/* N and Z of the form: N = N0 + months/12 rounded half up to the policy's decimals; Z = (12·N0·Z0 + Σ index) /
 * (12·N0 + months), rounded half up to 4 decimals (the forms print 4). */
static void eplan_nz(shebao_employee_plan *pl, const eplan_run *run, sb_dec n0, sb_dec z0)
{
    mpq_t n, z, t;
    mpq_inits(n, z, t, NULL);
    sb_dec_to_q(n, n0);
    mpq_set_ui(t, 12, 1);
    mpq_mul(n, n, t); /* 12·N0 */
    sb_dec_to_q(z, z0);
    mpq_mul(z, z, n);
    mpq_add(z, z, run->idx);
    mpq_set_ui(t, (unsigned long)run->months, 1);
    mpq_add(n, n, t); /* months in all */
    mpq_div(z, z, n);
    sb_q_format(z, 4, pl->index, sizeof pl->index);
    mpq_set_ui(t, 1, 12);
    mpq_mul(n, n, t);
    sb_q_format(n, run->ep->years_decimals, pl->years, sizeof pl->years);
    mpq_clears(n, z, t, NULL);
}

/* The benefit base: the policy's when it has the year of the retirement or the one before (a year's base is
 * provisional until published); else the projected average wage of the year before ÷ 12, yuan_half_up (how the
 * 2022–2025 bases relate to the averages, P3 §5.1). */
static int eplan_benefit_base(shebao_ctx *ctx, shebao_employee_plan *pl, eplan_run *run)
{
    int R = SB_MONTH_YEAR(pl->ret);
    const sb_year_value *b = sb_employee_base(run->ep, pl->ret);
    if (b && b->year >= R - 1)
        return SHEBAO_OK;
    int64_t wage;
    bool projected;
    TRY(eplan_wage(ctx, pl, run, R - 1, &wage, &projected));
    mpq_t q;
    mpq_init(q);
    sb_mpz_set_i64(mpq_numref(q), wage);
    mpz_set_ui(mpq_denref(q), 1200);
    mpq_canonicalize(q);
    int rc = eplan_round(ctx, q, SHEBAO_ROUND_YUAN_HALF_UP, "benefit base", R, &pl->form.benefit_base);
    mpq_clear(q);
    if (rc == SHEBAO_OK && pl->form.benefit_base > SB_EMPLOYEE_BASE_MAX)
        return sb_fail(ctx, SHEBAO_EINPUT, "the projected benefit base of %d (the average wage of %d ÷ 12) is beyond "
                       "1000000.00 a month: the wage growth %s is too high for so many years", R, R - 1,
                       pl->fig.wage_growth);
    pl->fig.benefit_base_projected = 1;
    SB_EPLAN_SAY(pl, "benefit base: the policy has none for %d or %d: C = average wage of %d %s / 12, yuan_half_up "
                 "= %s\n", R, R - 1, R - 1, SB_EPLAN_MONEY(wage), SB_EPLAN_MONEY(pl->form.benefit_base));
    return rc;
}

/* The run's assumptions after the policy's. */
static int eplan_assumptions(const shebao_policy *P, shebao_employee_plan *pl, const eplan_run *run)
{
    for (unsigned k = 0; k < pl->claim.nused && k < SHEBAO_EMPLOYEE_USED_MAX; k++)
        TRY(sb_prov_use(&pl->used, pl->claim.used[k]));
    TRY(sb_prov_add_policy(&pl->assumptions, P, &pl->used));
    if (run->wage_projected)
        TRY(sb_prov_add_run(&pl->assumptions, "run.wage_growth", pl->fig.wage_growth,
                            "run option (default 0.03): the average wage after the policy's last year"));
    if (run->band_projected)
        TRY(sb_prov_add_run(&pl->assumptions, "run.contribution_band", "0.6-3 x the average wage of the year before",
                            "the national 60%-300% band after the policy's last band, without a lagged floor"));
    if (pl->fig.benefit_base_projected) {
        char m[SHEBAO_MONEY_BUFSZ];
        shebao_money_format(pl->form.benefit_base, m, sizeof m);
        TRY(sb_prov_add_run(&pl->assumptions, "run.benefit_base", m,
                            "the projected average wage of the year before the retirement ÷ 12"));
    }
    if (pl->fig.has_epv)
        TRY(sb_prov_add_run(&pl->assumptions, "run.discount", pl->fig.discount, "run option (default 0.025)"));
    return SHEBAO_OK;
}

/* The checks, the person and the run's rates. */
static int eplan_prepare(shebao_ctx *ctx, const shebao_policy *P, const shebao_employee_plan_input *in,
                         shebao_employee_plan *pl, eplan_run *run)
{
    sb_retire r;
    TRY(sb_retire_find(ctx, P, in->birth_year, in->birth_month, in->category, &r));
    pl->birth = r.birth;
    pl->ret = r.statutory;
    if (in->retire_year || in->retire_month) {
        if (in->retire_month < 1 || in->retire_month > 12 || in->retire_year < SB_YEAR_MIN ||
            in->retire_year > SB_YEAR_MAX)
            return sb_fail(ctx, SHEBAO_EINPUT, "retirement %04d-%02d: not a valid month", in->retire_year,
                           in->retire_month);
        pl->ret = SB_MONTH_MAKE(in->retire_year, in->retire_month);
    }
    run->ep = &P->ep;
    run->growth = (sb_dec){3, 2};
    if (in->wage_growth)
        TRY(sb_rate_arg(ctx, "wage growth", in->wage_growth, &run->growth));
    pl->discount = (sb_dec){25, 3};
    if (in->discount)
        TRY(sb_rate_arg(ctx, "discount rate", in->discount, &pl->discount));
    sb_dec_format(run->growth, pl->fig.wage_growth, sizeof pl->fig.wage_growth);
    sb_dec_format(pl->discount, pl->fig.discount, sizeof pl->fig.discount);
    pl->policy_id = sb_strdup(P->id);
    pl->policy_lineage = sb_strdup(P->lineage);
    if (!pl->policy_id || !pl->policy_lineage)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    pl->used.on = true;
    sb_trail_start(&pl->explain, ctx, in->explain != 0);
    return SHEBAO_OK;
}

/* The ledger from the plan's first year to the retirement. */
static int eplan_ledger(shebao_ctx *ctx, shebao_employee_plan *pl, eplan_run *run, const sb_eplan_segment *seg,
                        size_t nseg)
{
    int R = SB_MONTH_YEAR(pl->ret);
    if (seg[nseg - 1].last > R || (seg[nseg - 1].last == R && SB_MONTH_MON(pl->ret) == 1))
        return sb_fail(ctx, SHEBAO_EINPUT, "plan: year %d is not before the retirement in %04d-%02d", seg[nseg - 1].last,
                       R, SB_MONTH_MON(pl->ret));
    int B = SB_MONTH_YEAR(pl->birth);
    if (seg[0].first < B + 16) /* no one pays before the year they turn 16 (the resident plan's rule too) */
        return sb_fail(ctx, SHEBAO_EINPUT, "plan segment 1: year %d is before the person turns 16 (born %04d-%02d; "
                       "first allowed year %d)", seg[0].first, B, SB_MONTH_MON(pl->birth), B + 16);
    int first = seg[0].first, last = SB_MONTH_MON(pl->ret) == 1 ? R - 1 : R;
    size_t years = (size_t)(last - first + 1), months = 0;
    for (size_t i = 0; i < nseg; i++)
        months += (size_t)(seg[i].last - seg[i].first + 1) * 12;
    pl->rows = calloc(years, sizeof *pl->rows);
    pl->flows = calloc(months, sizeof *pl->flows);
    if (!pl->rows || !pl->flows)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    for (int y = first; y <= last; y++)
        TRY(eplan_year(ctx, pl, run, seg, nseg, y, &pl->rows[pl->nrows++]));
    return SHEBAO_OK;
}

static int eplan_compute(shebao_ctx *ctx, const shebao_policy *P, const shebao_employee_plan_input *in,
                         shebao_employee_plan *pl, eplan_run *run)
{
    TRY(eplan_prepare(ctx, P, in, pl, run));
    sb_eplan_segment seg[SB_EPLAN_SEGMENTS_MAX];
    size_t nseg;
    TRY(sb_eplan_parse(ctx, in->plan, seg, SB_EPLAN_SEGMENTS_MAX, &nseg));
    sb_dec n0, z0;
    TRY(eplan_prior(ctx, in, &n0, &z0));
    TRY(eplan_ledger(ctx, pl, run, seg, nseg));
    pl->fig.months = run->months;
    pl->fig.account = run->balance;
    for (size_t i = 0; i < pl->nrows; i++)
        TRY(eplan_add(ctx, &pl->fig.personal_total, pl->rows[i].personal, "personal total", pl->rows[i].year));
    TRY(eplan_years_max(ctx, run, n0));
    eplan_nz(pl, run, n0, z0);
    shebao_employee_form *f = &pl->form;
    *f = (shebao_employee_form)SHEBAO_EMPLOYEE_FORM_INIT;
    f->birth_year = in->birth_year;
    f->birth_month = in->birth_month;
    f->category = in->category;
    f->retire_year = SB_MONTH_YEAR(pl->ret);
    f->retire_month = SB_MONTH_MON(pl->ret);
    f->years_paid = pl->years;
    f->index = pl->index;
    f->account = run->balance;
    TRY(eplan_benefit_base(ctx, pl, run));
    SB_EPLAN_SAY(pl, "form: N = %s (%d months in the plan), Z = %s, account %s\n", pl->years, run->months, pl->index,
                 SB_EPLAN_MONEY(run->balance));
    pl->claim = (shebao_employee_pension)SHEBAO_EMPLOYEE_PENSION_INIT;
    TRY(shebao_employee_claim(ctx, P, f, &pl->claim));
    if (pl->claim.eligible)
        TRY(sb_eplan_life(ctx, pl, in->category));
    return eplan_assumptions(P, pl, run);
}

int shebao_employee_plan_compute(shebao_ctx *ctx, const shebao_policy *policy, const shebao_employee_plan_input *in,
                                 shebao_employee_plan **out)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (out)
        *out = NULL;
    if (!policy || !in || !out || !in->plan)
        return sb_fail(ctx, SHEBAO_EUSAGE, "shebao_employee_plan_compute: NULL %s",
                       !policy ? "policy" : !in ? "input" : !out ? "output pointer" : "plan");
    TRY(sb_check_version(ctx, "shebao_employee_plan_input", in->version, SHEBAO_EMPLOYEE_PLAN_INPUT_VERSION,
                         "SHEBAO_EMPLOYEE_PLAN_INPUT_INIT"));
    shebao_employee_plan *pl = calloc(1, sizeof *pl);
    if (!pl)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    pl->fig = (shebao_employee_plan_figures)SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT;
    eplan_run run = {0};
    mpq_init(run.idx);
    int rc = eplan_compute(ctx, policy, in, pl, &run);
    mpq_clear(run.idx);
    if (rc == SHEBAO_OK && sb_trail_failed(&pl->explain))
        rc = sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    if (rc != SHEBAO_OK) {
        shebao_employee_plan_free(pl);
        return rc;
    }
    *out = pl;
    return sb_ok(ctx);
}

void shebao_employee_plan_free(shebao_employee_plan *pl)
{
    if (!pl)
        return;
    free(pl->policy_id);
    free(pl->policy_lineage);
    free(pl->rows);
    free(pl->flows);
    free(pl->used.v);
    sb_prov_clear(&pl->assumptions);
    sb_trail_free(&pl->explain);
    free(pl);
}
