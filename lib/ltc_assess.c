/* Long-term care: disability assessment by the national 2021 scale (《长期护理失能等级评估标准（试行）》). Item
 * validity is fixed by the scale; the bands of the three totals and the combination matrix come from the policy. */
#include <string.h>

#include "ltc.h"

/* Highest score of each ADL item (steps of 5), in the order of the scale. */
static const int adl_max[SHEBAO_LTC_ADL_ITEMS] = {10, 10, 5, 10, 10, 10, 15, 15, 10, 5};
static const char *const domain_names[SB_LTC_DOMAINS] = {"adl", "cognition", "perception"};
static const size_t domain_items[SB_LTC_DOMAINS] = {SHEBAO_LTC_ADL_ITEMS, SHEBAO_LTC_COGNITION_ITEMS,
                                                    SHEBAO_LTC_PERCEPTION_ITEMS};

static int check_items(shebao_ctx *ctx, int d, const int *v, size_t n, int *total)
{
    if (n && !v)
        return sb_fail(ctx, SHEBAO_EUSAGE, "%s: NULL item scores (count %zu)", domain_names[d], n);
    if (n != domain_items[d]) {
        char list[200] = "";
        for (size_t i = 0; i < domain_items[d]; i++) {
            strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
            strncat(list, shebao_ltc_item_name((shebao_ltc_domain)d, i), sizeof list - strlen(list) - 1);
        }
        return sb_fail(ctx, SHEBAO_EINPUT, "%s: expected %zu items (%s), got %zu", domain_names[d], domain_items[d],
                       list, n);
    }
    *total = 0;
    for (size_t i = 0; i < n; i++) {
        int max = d == SHEBAO_LTC_ADL ? adl_max[i] : 4, step = d == SHEBAO_LTC_ADL ? 5 : 1;
        if (v[i] < 0 || v[i] > max || v[i] % step != 0) {
            char allowed[40] = "";
            for (int x = 0; x <= max; x += step) {
                size_t len = strlen(allowed);
                snprintf(allowed + len, sizeof allowed - len, "%s%d", x ? "," : "", x);
            }
            return sb_fail(ctx, SHEBAO_EINPUT, "%s item %zu (%s) must be one of %s", domain_names[d], i + 1,
                           shebao_ltc_item_name((shebao_ltc_domain)d, i), allowed);
        }
        *total += v[i];
    }
    return SHEBAO_OK;
}

/* The band with the highest min <= total; the band above it (if any) bounds it, so both are used. */
static int level_of(const sb_ltc *L, int d, int total, int *level, shebao_ltc_assumptions *assumptions)
{
    size_t k = 0;
    for (size_t i = 0; i < L->nbands[d]; i++)
        if (L->bands[d][i].min <= total)
            k = i;
    *level = L->bands[d][k].level;
    int rc = sb_prov_use(sb_ltc_used(assumptions), L->bands[d][k].param);
    if (rc == SHEBAO_OK && k + 1 < L->nbands[d])
        rc = sb_prov_use(sb_ltc_used(assumptions), L->bands[d][k + 1].param);
    return rc;
}

static int assess(shebao_ctx *ctx, const shebao_policy *P, const int *const items[SB_LTC_DOMAINS],
                  const size_t counts[SB_LTC_DOMAINS], shebao_ltc_assessment *out, shebao_ltc_assumptions *assumptions)
{
    const sb_ltc *L;
    int totals[SB_LTC_DOMAINS], levels[SB_LTC_DOMAINS];
    for (int d = 0; d < SB_LTC_DOMAINS; d++) {
        int rc = check_items(ctx, d, items[d], counts[d], &totals[d]);
        if (rc != SHEBAO_OK)
            return rc;
    }
    int rc = sb_ltc_section(ctx, P, "assessment", &L);
    for (int d = 0; rc == SHEBAO_OK && d < SB_LTC_DOMAINS; d++)
        rc = level_of(L, d, totals[d], &levels[d], assumptions);
    if (rc != SHEBAO_OK)
        return rc;
    int column = levels[1] > levels[2] ? levels[1] : levels[2];
    *out = (shebao_ltc_assessment){totals[0], totals[1], totals[2], levels[0], levels[1], levels[2],
                                   L->combination[levels[0]][column]};
    return sb_prov_use(sb_ltc_used(assumptions), L->p_combination);
}

int shebao_ltc_assess(shebao_ctx *ctx, const shebao_policy *policy, const shebao_ltc_scores *scores,
                      shebao_ltc_assessment *out, shebao_ltc_assumptions *assumptions)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!out || !scores)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL scores or output pointer");
    sb_ltc_assumptions_reset(assumptions);
    if (sb_check_version(ctx, "shebao_ltc_scores", scores->version, SHEBAO_LTC_SCORES_VERSION,
                         "SHEBAO_LTC_SCORES_INIT") != SHEBAO_OK)
        return SHEBAO_EUSAGE;
    const int *const items[SB_LTC_DOMAINS] = {scores->adl, scores->cognition, scores->perception};
    const size_t counts[SB_LTC_DOMAINS] = {scores->n_adl, scores->n_cognition, scores->n_perception};
    int rc = assess(ctx, policy, items, counts, out, assumptions);
    return sb_ltc_done(ctx, assumptions, policy, rc);
}
