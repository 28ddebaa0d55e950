/* One person's resident pension projection (docs/resident-pension.md): the public entry points shebao_project (the
 * full result) and shebao_project_summary (the allocation-free figures of a batch row), the checks of the person
 * and the run's options, the driver that runs the steps (resident_ledger.c, resident_claim.c, lifetime.h), and the
 * list of non-official values the result rests on. A full and a summary run differ only in what is kept, decided
 * here: full_result allocates what a full run records, and project_lifetime computes the EPV alone for a summary. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "resident.h"

/* ---- the person ------------------------------------------------------------------------------------------ */

static void grade_list(const sb_grade_table *t, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < t->n; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, "%s%s", i ? ", " : "", SB_MONEY(t->g[i].grade));
    }
}

int sb_resident_grade_error(shebao_ctx *ctx, const sb_resident *rp, int year, int64_t grade, const char *what)
{
    const sb_grade_table *t = sb_inforce_grades(rp, year);
    char list[400], from[8];
    if (!t)
        return sb_fail(ctx, SHEBAO_EINPUT, "%s %d: no grade table is in force (the first starts in %d)",
                       sb_tr(ctx, what), year,
                       SB_MONTH_YEAR(rp->tables[0].from));
    grade_list(t, list, sizeof list);
    sb_month_format(t->from, from, sizeof from);
    return sb_fail(ctx, SHEBAO_EINPUT, "%s %d: grade %s is not in the grade table in force (from %s); allowed: %s",
                   sb_tr(ctx, what), year, SB_MONEY(grade), from, list);
}

static int check_person(shebao_ctx *ctx, const sb_resident *rp, const shebao_person *pe, sb_month claim)
{
    TRY(sb_month_check_birth(ctx, pe->birth_year, pe->birth_month));
    if (pe->sex != SHEBAO_SEX_MALE && pe->sex != SHEBAO_SEX_FEMALE)
        return sb_fail(ctx, SHEBAO_EINPUT, "sex: must be male or female");
    if (pe->mortality != SHEBAO_MORTALITY_NONE && pe->mortality != SHEBAO_MORTALITY_CL2010_2013_PENSION)
        return sb_fail(ctx, SHEBAO_EINPUT, "mortality: unknown life table");
    if (pe->plan_count && !pe->plan)
        return sb_fail(ctx, SHEBAO_EUSAGE, "plan: NULL segments");
    if (pe->collective < 0 || pe->collective > INT64_C(100000000000))
        return sb_fail(ctx, SHEBAO_EINPUT, "collective: amount must be between 0 and 1 000 000 000.00");
    if (pe->backpay_years < 0 || pe->backpay_years > 100)
        return sb_fail(ctx, SHEBAO_EINPUT, "backpay: %d years is outside 0..100", pe->backpay_years);
    /* the last payable year is that of the claim_age birthday, never a later claim year (born in December with
     * an offset of 1 month: the claim is in January of the next year, which may not be paid) */
    int claim_year = SB_MONTH_YEAR(claim), first_allowed = pe->birth_year + 16;
    int last_allowed = sb_resident_last_payable(rp, pe->birth_year, claim_year);
    for (size_t i = 0; i < pe->plan_count; i++) {
        const shebao_segment *s = &pe->plan[i];
        if (s->first_year > s->last_year || s->first_year < SB_YEAR_MIN || s->last_year > SB_YEAR_MAX)
            return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu: years %d-%d are not a valid range", i + 1,
                           s->first_year, s->last_year);
        if (s->first_year < first_allowed)
            return sb_fail(ctx, SHEBAO_EINPUT,
                           "plan segment %zu: year %d is before the person turns 16 (born %04d-%02d; first "
                           "allowed year %d)", i + 1, s->first_year, pe->birth_year, pe->birth_month, first_allowed);
        if (s->last_year > last_allowed)
            return sb_fail(ctx, SHEBAO_EINPUT,
                           "plan segment %zu: year %d is after the last payable year %d (born %04d-%02d; claim_age "
                           "%d; pension from %04d-%02d)", i + 1, s->last_year, last_allowed, pe->birth_year,
                           pe->birth_month, rp->claim_age, SB_MONTH_YEAR(claim), SB_MONTH_MON(claim));
        for (size_t j = 0; j < i; j++)
            if (s->first_year <= pe->plan[j].last_year && pe->plan[j].first_year <= s->last_year)
                return sb_fail(ctx, SHEBAO_EINPUT, "plan segments %zu and %zu overlap (%d-%d and %d-%d)", j + 1,
                               i + 1, pe->plan[j].first_year, pe->plan[j].last_year, s->first_year, s->last_year);
        /* the table in force changes only at a table's start year: check once per table the segment meets */
        for (int y = s->first_year; y <= s->last_year;) {
            const sb_grade_table *t = sb_inforce_grades(rp, y);
            const sb_grade *g = sb_inforce_grade(t, s->grade);
            if (!g)
                return sb_resident_grade_error(ctx, rp, y, s->grade, "plan year");
            if (g->daijiao && !sb_person_daijiao(pe)) /* the government pays it for difficult groups only */
                return sb_fail(ctx, SHEBAO_EINPUT,
                               "plan year %d: grade %s is a 代缴 grade (paid by the local government for difficult "
                               "groups: 低保, 特困, severe disability) in the grade table in force from %04d-%02d; "
                               "accepted only for a person marked daijiao (--daijiao; in batch, column daijiao yes)",
                               y, SB_MONEY(s->grade), SB_MONTH_YEAR(t->from), SB_MONTH_MON(t->from));
            int next = sb_inforce_next_grades(rp, y);
            y = next < s->last_year + 1 ? next : s->last_year + 1;
        }
    }
    return SHEBAO_OK;
}

/* The run: the person's birth and claim months, the future rate (the policy's, or the run's own) and the discount
 * rate (default 0.025). */
typedef struct sb_run {
    sb_month birth, claim;
    sb_dec future, discount, growth;
    bool future_overridden, growth_given, have_as_of;
    sb_month as_of;
} sb_run;

/* The members of version 2 of shebao_person: the base pension's growth and the as-of month. */
static int prepare_v2(shebao_ctx *ctx, const shebao_person *pe, sb_run *run)
{
    run->growth = (sb_dec){0, 0};
    run->growth_given = run->have_as_of = false;
    run->as_of = 0;
    if (pe->version < 2)
        return SHEBAO_OK;
    run->growth_given = pe->base_growth != NULL;
    if (pe->base_growth)
        TRY(sb_rate_arg(ctx, "base growth", pe->base_growth, &run->growth));
    if (pe->as_of_year == SHEBAO_UNSET && pe->as_of_month == SHEBAO_UNSET)
        return SHEBAO_OK;
    if (pe->as_of_year < SB_YEAR_MIN || pe->as_of_year > SB_YEAR_MAX || pe->as_of_month < 1 || pe->as_of_month > 12)
        return sb_fail(ctx, SHEBAO_EINPUT, "as-of month %d-%d: must be a month YYYY-MM (year %d-%d, month 01-12)",
                       pe->as_of_year, pe->as_of_month, SB_YEAR_MIN, SB_YEAR_MAX);
    run->have_as_of = true;
    run->as_of = SB_MONTH_MAKE(pe->as_of_year, pe->as_of_month);
    return SHEBAO_OK;
}

/* Validate the person and the run options; compute the birth and claim months. */
static int project_prepare(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, sb_run *run)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!P || !pe)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL policy or person");
    if (sb_check_version(ctx, "shebao_person", pe->version, SHEBAO_PERSON_VERSION, "SHEBAO_PERSON_INIT") != SHEBAO_OK)
        return SHEBAO_EUSAGE;
    const sb_resident *rp = &P->rp;
    if (!rp->present)
        return sb_fail(ctx, SHEBAO_EPOLICY, "policy %s has no resident_pension section", P->id);
    TRY(sb_month_check_birth(ctx, pe->birth_year, pe->birth_month));
    run->birth = SB_MONTH_MAKE(pe->birth_year, pe->birth_month);
    run->claim = run->birth + rp->claim_age * 12 + rp->offset_months;
    TRY(check_person(ctx, rp, pe, run->claim));
    run->future = rp->future_rate;
    run->discount = (sb_dec){25, 3};
    run->future_overridden = pe->future_rate != NULL;
    /* each in [-0.05, 0.20] (sb_rate_arg) */
    if (pe->future_rate)
        TRY(sb_rate_arg(ctx, "future rate", pe->future_rate, &run->future));
    if (pe->discount)
        TRY(sb_rate_arg(ctx, "discount rate", pe->discount, &run->discount));
    return prepare_v2(ctx, pe, run);
}

/* ---- what the result rests on ---------------------------------------------------------------------------- */

/* Non-official policy values used, in document order, then the run's own assumptions. */
static int collect_assumptions(const shebao_policy *P, shebao_projection *p, const char *future, bool epv)
{
    TRY(sb_prov_add_policy(&p->assumptions, P, &p->used));
    if (future)
        TRY(sb_prov_add_run(&p->assumptions, "run.future_rate", future, "run option"));
    if (epv)
        TRY(sb_prov_add_run(&p->assumptions, "run.discount", p->discount, "run option (default 0.025)"));
    if (p->eligible)
        TRY(sb_prov_add_run(&p->assumptions, "run.base_growth", p->growth_text,
                            p->growth_given ? "run option" : "run option (default 0: carried forward)"));
    return SHEBAO_OK;
}

/* ---- the driver ------------------------------------------------------------------------------------------ */

/* What only a full result keeps: the policy's names, the run's rates as text, the ledger's rows, the personal
 * payments (for the present values), and provenance. */
static int full_result(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p,
                       const sb_run *run)
{
    p->full = true;
    p->used.on = true;
    sb_dec_format(run->discount, p->discount, sizeof p->discount);
    sb_dec_format(run->future, p->future, sizeof p->future);
    p->policy_id = sb_strdup(P->id);
    p->policy_lineage = sb_strdup(P->lineage);
    size_t maxflows = 1; /* every contribution year, and the back payment */
    for (size_t i = 0; i < pe->plan_count; i++)
        maxflows += (size_t)(pe->plan[i].last_year - pe->plan[i].first_year + 1);
    p->flows = calloc(maxflows, sizeof *p->flows);
    int yc = SB_MONTH_YEAR(run->claim);
    p->nrows = (size_t)(yc - sb_resident_ledger_first_year(pe, yc) + 1);
    p->rows = calloc(p->nrows, sizeof *p->rows);
    p->rates = calloc(p->nrows, sizeof *p->rates);
    if (!p->policy_id || !p->policy_lineage || !p->flows || !p->rows || !p->rates)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    return SHEBAO_OK;
}

/* The lifetime figures of an eligible person with a life table: all of them (lifetime.h) for a full result, the
 * EPV alone for a summary. */
static int project_lifetime(shebao_ctx *ctx, const sb_resident *rp, shebao_projection *p, const sb_rates *rs,
                            sb_dec discount)
{
    long a = (long)(p->claim - p->birth);
    /* fixed <= p->total, which fits in int64: its four parts are >= 0 (claim_total asserts it); the base pension
     * follows its series (lifetime.h) */
    int64_t fixed = rp->nonlinear ? p->account : p->account + p->years_pension;
    if (!p->full) {
        int rc = sb_lifetime_epv(ctx, (int)p->sex, a, p->claim, fixed, rp, &p->years, p->growth, discount, &p->epv);
        p->have_epv = rc == SHEBAO_OK;
        return rc;
    }
    sb_lifetime_in in = {rp,       (int)p->sex, a,         p->claim, fixed, p->account, p->balance,
                         p->personal, &p->years, p->flows, p->nflows, p->growth, discount, rs, &p->used};
    sb_lifetime_out out = {0};
    int rc = sb_lifetime(ctx, &in, &out);
    p->have_epv = rc == SHEBAO_OK;
    p->epv = out.epv;
    p->pvc = out.pvc;
    p->inheritable = out.inheritable;
    p->have_ratio = out.have_ratio;
    p->have_irr = out.have_irr;
    memcpy(p->ratio, out.ratio, sizeof p->ratio);
    memcpy(p->irr, out.irr, sizeof p->irr);
    if (out.future_override_used)
        p->future_override_used = true; /* the result lists the run's rate among its assumptions */
    return rc;
}

/* The steps of one projection, in the order of docs/resident-pension.md. */
static int project_run(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p,
                       const sb_run *run)
{
    const sb_resident *rp = &P->rp;
    assert(!p->explain.on || p->full);
    p->birth = run->birth;
    p->claim = run->claim;
    p->sex = pe->sex;
    p->mortality = pe->mortality;
    p->claim_age_years = (run->claim - run->birth) / 12;
    p->claim_age_extra_months = (run->claim - run->birth) % 12;
    p->growth = run->growth;
    p->growth_given = run->growth_given;
    sb_dec_format(run->growth, p->growth_text, sizeof p->growth_text);
    p->have_as_of = run->have_as_of;
    p->as_of = run->as_of;
    sb_month_format(run->claim, p->claim_text, sizeof p->claim_text);
    sb_explain(p, "claim month = birth %04d-%02d + claim_age %d years + offset %d months = %s   {%s} {%s}\n",
               pe->birth_year, pe->birth_month, rp->claim_age, rp->offset_months, p->claim_text,
               SB_PARAM(P, rp->p_claim_age), SB_PARAM(P, rp->p_offset));
    TRY(sb_prov_use(&p->used, rp->p_claim_age));
    TRY(sb_prov_use(&p->used, rp->p_offset));
    const sb_rates rs = sb_inforce_rates(rp, run->future, run->future_overridden);
    TRY(sb_resident_ledger(ctx, P, pe, p, &rs));
    /* contrib_years is known only after the ledger; the back payment was added in it, check it now */
    TRY(sb_resident_check_backpay(ctx, rp, pe, p));
    TRY(sb_resident_eligibility(P, pe, p));
    bool epv = p->eligible && pe->mortality != SHEBAO_MORTALITY_NONE;
    if (p->eligible) {
        TRY(sb_resident_claim(ctx, P, pe, p));
        sb_resident_breakeven(rp, p);
        if (epv)
            TRY(project_lifetime(ctx, rp, p, &rs, run->discount));
        if (p->full) /* after the EPV, whose error a batch row gives too */
            TRY(sb_resident_now(ctx, rp, p));
        if (p->have_breakeven)
            sb_explain(p, "lifetime  break-even m = smallest m >= 1 with the sum of the first m monthly payments (the "
                       "base pension and supplements in force in each month) >= personal total %s = %d (%s)\n",
                       SB_MONEY(p->personal), p->breakeven_m, SB_MONTH_TEXT(p->breakeven_month));
        if (p->have_epv)
            sb_explain(p, "lifetime  EPV = fen_half_up(Σ_j pay_j · l(a+j)/l(a) · (1 + %s)^(−j/12)), a = %d months, "
                       "life table cl2010-2013-pension (%s), l linear within each year = %s\n", p->discount,
                       (int)(p->claim - p->birth), p->sex == SHEBAO_SEX_MALE ? SB_PIECE("CL5 male") : SB_PIECE("CL6 female"),
                       SB_MONEY(p->epv));
    }
    if (p->full)
        TRY(collect_assumptions(P, p, p->future_override_used ? p->future : NULL, epv));
    return sb_trail_failed(&p->explain) ? SHEBAO_ENOMEM : SHEBAO_OK;
}

int sb_resident_project(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, bool advise,
                        shebao_projection **out)
{
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    *out = NULL;
    sb_run run;
    TRY(project_prepare(ctx, P, pe, &run));
    shebao_projection *p = calloc(1, sizeof *p);
    if (!p)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    sb_trail_start(&p->explain, ctx, pe->explain != 0);
    int rc = full_result(ctx, P, pe, p, &run);
    if (rc == SHEBAO_OK)
        rc = project_run(ctx, P, pe, p, &run);
    if (rc == SHEBAO_OK && advise && !p->eligible)
        rc = sb_resident_advice(ctx, P, pe, p);
    if (rc != SHEBAO_OK) {
        if (rc == SHEBAO_ENOMEM && shebao_ctx_errcode(ctx) != SHEBAO_ENOMEM)
            sb_fail(ctx, rc, "out of memory");
        shebao_projection_free(p);
        return rc;
    }
    *out = p;
    return sb_ok(ctx);
}

int shebao_project(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection **out)
{
    return sb_resident_project(ctx, P, pe, true, out);
}

int shebao_project_summary(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_summary *out)
{
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    if (sb_check_version(ctx, "shebao_summary", out->version, SHEBAO_SUMMARY_VERSION, "SHEBAO_SUMMARY_INIT") !=
        SHEBAO_OK)
        return SHEBAO_EUSAGE;
    sb_run run;
    TRY(project_prepare(ctx, P, pe, &run));
    if (pe->explain)
        return sb_fail(ctx, SHEBAO_EUSAGE, "the summary has no explanation: use shebao_project");
    shebao_projection p;
    memset(&p, 0, sizeof p);
    TRY(project_run(ctx, P, pe, &p, &run));
    *out = (shebao_summary)SHEBAO_SUMMARY_INIT;
    out->eligible = p.eligible;
    out->years_paid = p.years_paid;
    out->years_missing = p.years_missing;
    memcpy(out->claim_month, p.claim_text, sizeof out->claim_month);
    out->balance = p.balance;
    out->personal_total = p.personal;
    if (p.eligible) {
        out->account_pension = p.account;
        out->base_pension = p.base;
        out->years_pension = p.years_pension;
        out->age_supplement = p.supplement;
        out->monthly_total = p.total;
        out->has_breakeven = p.have_breakeven;
        if (p.have_breakeven) {
            out->breakeven_months = p.breakeven_m;
            sb_month_format(p.breakeven_month, out->breakeven_month, sizeof out->breakeven_month);
        }
        out->has_epv = p.have_epv;
        out->epv_benefits = p.epv;
    }
    return sb_ok(ctx);
}
