/* Internal: the resident pension (城乡居民基本养老保险), resident_*.c. Not installed.
 *
 * The top of the rules layer. One projection is made by the driver (resident_project.c: shebao_project,
 * shebao_project_summary, the person's checks, the assumptions) from three steps, each in its own file:
 *
 *   resident_ledger.c   the individual account year by year, and the interest rule with its fast paths and proofs
 *   resident_claim.c    the back-payment check, eligibility, the monthly pension at the claim, break-even
 *   lifetime*.c         the lifetime figures (lifetime.h), which the driver calls
 *
 * and two recorders that cost one test when they are off (a summary run): the explanation trail (sb_explain) and
 * provenance (sb_prov_use, provenance.h). The rules follow docs/resident-pension.md exactly.
 *
 * Imports: lifetime.h, inforce.h, internal.h. Above: projection.c (the getters and JSON of the result), and the
 * comparison (comparison.h) that projects every cell of its grid. */
#ifndef SHEBAO_RESIDENT_H
#define SHEBAO_RESIDENT_H

#include "inforce.h"
#include "internal.h"
#include "lifetime.h"


struct shebao_projection {
    bool full; /* false: the allocation-free summary run (no ledger rows, provenance, lifetime extras) */
    char *policy_id, *policy_lineage;
    sb_month birth, claim;
    shebao_sex sex;
    char claim_text[8];
    int claim_age_years, claim_age_extra_months;
    bool eligible;
    int contrib_years, backpay_years, years_paid, years_required, years_missing;
    int64_t backpay_grade, backpay_max;
    /* ledger */
    shebao_ledger_row *rows;
    char (*rates)[48];
    size_t nrows;
    /* claim */
    int64_t balance, account, base, central, years_pension, supplement, total, personal, funeral;
    sb_years years; /* the years pension's parts (its amount follows the base pension in payment: inforce.h) */
    int64_t total_unrounded; /* base + years + account + supplement, before monthly_total_rounding */
    const char *total_rounding; /* the name of the policy's monthly_total_rounding (NULL: none) */
    bool have_central, base_carried_forward;
    char base_from[8];
    /* pensions in payment (resident_pay.c): the base pension's growth after data_through, the as-of month */
    sb_dec growth;
    bool growth_given, have_as_of, have_now;
    char growth_text[48];
    sb_month as_of;
    shebao_pension_now now;
    /* lifetime */
    bool have_breakeven;
    int breakeven_m;
    sb_month breakeven_month;
    bool have_epv, have_irr, have_ratio;
    int64_t epv, pvc, inheritable;
    char ratio[48], irr[48], discount[48], future[48];
    bool future_override_used;
    shebao_mortality mortality;
    /* personal payments (for present values) */
    sb_flow *flows;
    size_t nflows;
    /* provenance: the policy parameters used (on in a full run) */
    sb_prov_used used;
    sb_prov_list assumptions; /* the assumptions, built at the end of a full run */
    /* advice for a person who is not eligible (resident_advice.c) */
    bool have_advice;
    shebao_advice advice;
    /* explanation */
    sb_trail explain;
};

/* ---- the recorders (resident_explain.c) ------------------------------------------------------------------ */

/* Record that the projection used policy parameter `param` (nothing in a summary run). */

/* Append one step to the explanation (SB_SAY, internal.h): a test of one flag, and the formatting only when the run
 * explains, once per language kept. The arguments are evaluated only then, so they may format (SB_MONEY, SB_DEC,
 * SB_PARAM); SB_PIECE("...") in them is a piece of text in the language of the line. */
#define sb_explain(p, ...) SB_SAY(&(p)->explain, __VA_ARGS__)

/* Text of an amount, a decimal and a policy parameter ("path@from = value [status, source]"), each in a buffer that
 * lives to the end of the enclosing block: for the arguments of sb_explain and of error messages. */
#define SB_MONEY(fen) sb_resident_money_text((char[SHEBAO_MONEY_BUFSZ]){0}, (fen))
#define SB_DEC(d) sb_resident_dec_text((char[48]){0}, (d))
#define SB_PARAM(P, i) sb_resident_param_text((P), (i), (char[SB_PARAM_TEXT]){0})
#define SB_PARAM_TEXT 400

static inline const char *sb_resident_money_text(char buf[SHEBAO_MONEY_BUFSZ], int64_t fen)
{
    shebao_money_format(fen, buf, SHEBAO_MONEY_BUFSZ);
    return buf;
}

#define SB_MONTH_TEXT(m) sb_resident_month_text((char[8]){0}, (m))
static inline const char *sb_resident_month_text(char buf[8], sb_month m)
{
    sb_month_format(m, buf, 8);
    return buf;
}

static inline const char *sb_resident_dec_text(char buf[48], sb_dec d)
{
    sb_dec_format(d, buf, 48);
    return buf;
}

const char *sb_resident_param_text(const shebao_policy *P, uint32_t i, char buf[SB_PARAM_TEXT]);
/* The interest rule of the policy's method as a formula, and the method's name. */
const char *sb_resident_method_formula(const sb_resident *rp);
const char *sb_resident_method_name(const sb_resident *rp);

/* ---- arithmetic shared by the steps ---------------------------------------------------------------------- */

/* *acc += v, or SHEBAO_ECOMPUTE naming the figure (and its year, when not 0) when the sum leaves int64 fen. */
static inline int sb_resident_add(shebao_ctx *ctx, int64_t *acc, int64_t v, const char *figure, int year)
{
    if (!__builtin_add_overflow(*acc, v, acc))
        return SHEBAO_OK;
    if (year)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "%s in %d", sb_tr(ctx, figure), year);
    return sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "%s", sb_tr(ctx, figure));
}

/* SHEBAO_EINPUT for a grade not in the table in force in `year` (listing the allowed grades), or for a year no
 * table is in force yet; `what` names the input ("plan year", "backpay in claim year"). (resident_project.c) */
int sb_resident_grade_error(shebao_ctx *ctx, const sb_resident *rp, int year, int64_t grade, const char *what);

/* ---- the steps ------------------------------------------------------------------------------------------- */

/* The last year a person born in birth_year may pay for: the year of the claim_age birthday, never a later claim
 * year (docs/resident-pension.md §1). The claim year is never earlier (the offset is 0-12 months); the min keeps
 * the rule "Y <= claim year" should it ever be. */
static inline int sb_resident_last_payable(const sb_resident *rp, int birth_year, int claim_year)
{
    int last = birth_year + rp->claim_age;
    return last < claim_year ? last : claim_year;
}

/* Whether the person is marked 代缴 (a difficult group whose 代缴 grades the government pays). The member came
 * with version 2 of shebao_person: a version-1 struct has none, so it reads as 0 (docs/conventions.md). */
static inline bool sb_person_daijiao(const shebao_person *pe)
{
    return pe->version >= 2 && pe->daijiao != 0;
}

/* Years paid needed for a pension: min(min_years, claim year − year of scheme_start), at least 0
 * (docs/resident-pension.md §4). */
static inline int sb_resident_years_required(const sb_resident *rp, int claim_year)
{
    int since = claim_year - SB_MONTH_YEAR(rp->scheme_start);
    return rp->min_years < since ? rp->min_years : (since > 0 ? since : 0);
}

/* The first year of the ledger: the first plan year, or the claim year. */
static inline int sb_resident_ledger_first_year(const shebao_person *pe, int claim_year)
{
    int y0 = claim_year;
    for (size_t i = 0; i < pe->plan_count; i++)
        if (pe->plan[i].first_year < y0)
            y0 = pe->plan[i].first_year;
    return y0;
}

/* The yearly ledger from the first contribution year to the claim year (resident_ledger.c): the balance, personal
 * total and contribution years; in a full run also the rows (p->rows, allocated by the driver), the personal
 * payments and the provenance. rs: the run's rates. */
int sb_resident_ledger(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p,
                       const sb_rates *rs);

/* The back payment, checked once the contribution years are known (resident_claim.c). */
int sb_resident_check_backpay(shebao_ctx *ctx, const sb_resident *rp, const shebao_person *pe, shebao_projection *p);
/* Years paid, required and missing; eligible or not (resident_claim.c). */
int sb_resident_eligibility(const shebao_policy *P, const shebao_person *pe, shebao_projection *p);
/* The monthly pension at the claim and the funeral grant, for an eligible person (resident_claim.c). */
int sb_resident_claim(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p);
/* A back-payment grade allowed in claim year yc: in its table and not above backpay.max_grade; `what` names the
 * input in the message (resident_claim.c). */
int sb_resident_check_backpay_grade(shebao_ctx *ctx, const sb_resident *rp, int yc, int64_t grade, const char *what);

/* shebao_project(), with (advise) or without the advice of a person who is not eligible (resident_project.c). */
int sb_resident_project(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, bool advise,
                        shebao_projection **out);
/* Fill p->advice for a full projection p of pe that is not eligible, projecting the back-payment plans
 * (resident_advice.c). */
int sb_resident_advice(shebao_ctx *ctx, const shebao_policy *P, const shebao_person *pe, shebao_projection *p);

/* ---- pensions in payment (resident_pay.c) ---------------------------------------------------------------- */

/* The pension of month m (>= the claim): the base pension and the age supplements in force in m, the account pension
 * and the years of the claim (sb_inforce_pension). SHEBAO_ECOMPUTE (with a message) when a figure leaves int64 fen. */
typedef struct sb_pay {
    int64_t base, years, supplement, total;
    bool carried; /* m is after the policy's data_through */
    const sb_dated_money *entry;
} sb_pay;
int sb_resident_pay(shebao_ctx *ctx, const sb_resident *rp, const shebao_projection *p, sb_month m, sb_pay *out);
/* The break-even month: the smallest m >= 1 with the sum of the first m payments >= personal total (none beyond
 * 100,000 months, or when the growth takes a payment beyond int64 fen). */
void sb_resident_breakeven(const sb_resident *rp, shebao_projection *p);
/* The pension in the as-of month, for an eligible person whose claim is on or before it (p->now). */
int sb_resident_now(shebao_ctx *ctx, const sb_resident *rp, shebao_projection *p);

#endif /* SHEBAO_RESIDENT_H */
