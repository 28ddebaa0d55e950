/* Long-term care: contributions of one insured group (docs/ltc.md, "Funding"). */
#include <string.h>

#include "ltc.h"

/* The funding rules of policy P in force in month m, and its group g: SHEBAO_OK, or SHEBAO_EINPUT naming what is
 * missing. from receives the rules' first month ("YYYY-MM"). */
static int funding_group_at(shebao_ctx *ctx, const shebao_policy *P, shebao_ltc_group group, sb_month m,
                            const sb_ltc_group **out, char from[8])
{
    const sb_ltc *L;
    TRY(sb_ltc_section(ctx, P, "funding", &L));
    const sb_ltc_funding *fu = NULL;
    for (size_t i = 0; i < L->nfunding; i++)
        if (L->funding[i].from <= m)
            fu = &L->funding[i];
    char mt[8];
    sb_month_format(m, mt, sizeof mt);
    if (!fu) {
        sb_month_format(L->funding[0].from, from, 8);
        return sb_fail(ctx, SHEBAO_EINPUT, "%s: no long-term care funding rules are in force in policy %s (the first "
                       "start in %s)", mt, P->id, from);
    }
    sb_month_format(fu->from, from, 8);
    const sb_ltc_group *g = &fu->group[group];
    if (!g->present)
        return sb_fail(ctx, SHEBAO_EINPUT, "%s: the long-term care funding of policy %s in force (from %s) has no "
                       "rule for the group %s", mt, P->id, from, shebao_ltc_group_name(group));
    *out = g;
    return SHEBAO_OK;
}

/* The contribution base of a group funded by rates: the given base within the group's floor and cap (out->base,
 * out->base_limited -1 raised to the floor, 1 lowered to the cap); a group of fixed amounts takes no base. */
static int funding_base(shebao_ctx *ctx, const sb_ltc_group *g, shebao_ltc_group group, const char *from,
                        shebao_fen base, shebao_ltc_funding *out, shebao_ltc_assumptions *assumptions)
{
    if (!g->is_rate) {
        if (base != SHEBAO_UNSET)
            return sb_fail(ctx, SHEBAO_EINPUT, "the group %s pays fixed amounts (from %s): a base does not apply",
                           shebao_ltc_group_name(group), from);
        return SHEBAO_OK;
    }
    if (base == SHEBAO_UNSET)
        return sb_fail(ctx, SHEBAO_EINPUT, "the group %s is funded by rates on a contribution base (from %s): "
                       "give the monthly base", shebao_ltc_group_name(group), from);
    int64_t b = base;
    if (g->has_floor) {
        TRY(sb_prov_use(sb_ltc_used(assumptions), g->p_floor));
        if (b < g->floor) {
            b = g->floor;
            out->base_limited = -1;
        }
    }
    if (g->has_cap) {
        TRY(sb_prov_use(sb_ltc_used(assumptions), g->p_cap));
        if (b > g->cap) {
            b = g->cap;
            out->base_limited = 1;
        }
    }
    if (g->has_rounding)
        TRY(sb_prov_use(sb_ltc_used(assumptions), g->p_rounding));
    out->base = b;
    return SHEBAO_OK;
}

/* Each paying payer's contribution per person (a rate of the base, rounded, or a fixed amount) and for count
 * persons, with the totals. */
static int funding_payers(shebao_ctx *ctx, const sb_ltc_group *g, shebao_ltc_funding *out,
                          shebao_ltc_assumptions *assumptions)
{
    shebao_rounding R = g->has_rounding ? g->rounding : SHEBAO_ROUND_FEN_HALF_UP;
    for (int p = 0; p < SB_LTC_PAYERS; p++) {
        out->per_person[p] = 0;
        out->total[p] = 0;
        if (!(g->parts & (1u << p)))
            continue;
        TRY(sb_prov_use(sb_ltc_used(assumptions), g->param[p]));
        if (g->is_rate)
            TRY(sb_ltc_round(ctx, out->base, g->rate[p], (sb_dec){1, 0}, 1, 1, R, &out->per_person[p]));
        else
            out->per_person[p] = g->fen[p];
        if (__builtin_add_overflow(out->per_person_total, out->per_person[p], &out->per_person_total) ||
            __builtin_mul_overflow(out->per_person[p], (int64_t)out->count, &out->total[p]) ||
            __builtin_add_overflow(out->total_all, out->total[p], &out->total_all))
            return sb_fail(ctx, SHEBAO_ECOMPUTE, "contributions overflow (more than 92 233 720 368 547 758.07 yuan)");
    }
    return SHEBAO_OK;
}

static int funding_compute(shebao_ctx *ctx, const shebao_policy *P, shebao_ltc_group group, int year, int month,
                           long long count, shebao_fen base, shebao_ltc_funding *out,
                           shebao_ltc_assumptions *assumptions)
{
    if (sb_check_version(ctx, "shebao_ltc_funding", out->version, SHEBAO_LTC_FUNDING_VERSION,
                         "SHEBAO_LTC_FUNDING_INIT") != SHEBAO_OK)
        return SHEBAO_EUSAGE;
    if (!shebao_ltc_group_name(group))
        return sb_fail(ctx, SHEBAO_EINPUT, "unknown insured group %d", (int)group);
    if (count < 0 || count > 10000000000LL)
        return sb_fail(ctx, SHEBAO_EINPUT, "count %lld: must be 0 to 10000000000", count);
    if (base < SHEBAO_UNSET)
        return sb_fail(ctx, SHEBAO_EINPUT, "base must not be negative");
    sb_month m;
    TRY(sb_ltc_month(ctx, year, month, "month", &m));
    const sb_ltc_group *g = NULL;
    char from[8];
    TRY(funding_group_at(ctx, P, group, m, &g, from));
    memcpy(out->from, from, sizeof out->from);
    out->is_rate = g->is_rate;
    out->base = 0;
    out->base_limited = 0;
    out->payers = g->parts;
    out->count = count;
    out->per_person_total = 0;
    out->total_all = 0;
    if (g->has_total)
        TRY(sb_prov_use(sb_ltc_used(assumptions), g->p_total));
    TRY(funding_base(ctx, g, group, from, base, out, assumptions));
    return funding_payers(ctx, g, out, assumptions);
}

int shebao_ltc_fund(shebao_ctx *ctx, const shebao_policy *policy, shebao_ltc_group group, int year, int month,
                    long long count, shebao_fen base, shebao_ltc_funding *out, shebao_ltc_assumptions *assumptions)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    sb_ltc_assumptions_reset(assumptions);
    int rc = funding_compute(ctx, policy, group, year, month, count, base, out, assumptions);
    return sb_ltc_done(ctx, assumptions, policy, rc);
}
