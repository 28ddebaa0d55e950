/* The retirement-age reform (渐进式延迟法定退休年龄, in force 2025-01-01): the statutory month of a birth month and
 * category, the elastic window and the minimum contribution years, all from the policy's `employee_pension`
 * section. The rules and their sources: docs/employee-pension.md. */
#include <stdio.h>
#include <string.h>

#include "employee.h"

static const char *const retire_category_names[SB_RETIRE_CATEGORIES] = {"male", "female55", "female50"};

const char *shebao_retire_category_name(shebao_retire_category category)
{
    return (unsigned)category < SB_RETIRE_CATEGORIES ? retire_category_names[category] : NULL;
}

int shebao_retire_category_from_name(const char *name, shebao_retire_category *out)
{
    if (!out)
        return SHEBAO_EUSAGE;
    if (!name)
        return SHEBAO_EINPUT;
    for (int c = 0; c < SB_RETIRE_CATEGORIES; c++)
        if (strcmp(name, retire_category_names[c]) == 0) {
            *out = (shebao_retire_category)c;
            return SHEBAO_OK;
        }
    return SHEBAO_EINPUT;
}

int sb_retire_min_months(const sb_employee *ep, int year)
{
    if (year < ep->min_rise_from)
        return ep->min_months;
    long long m = ep->min_months + (long long)ep->min_rise_step * (year - ep->min_rise_from + 1);
    return m > ep->min_max_months ? ep->min_max_months : (int)m;
}

void sb_retire_years_text(int months, char *buf, size_t size)
{
    /* months / 12 to 2 decimals, half up: hundredths = floor((months·100 + 6) / 12) */
    long long h = ((long long)months * 100 + 6) / 12;
    if (h % 100 == 0)
        snprintf(buf, size, "%lld", h / 100);
    else if (h % 10 == 0)
        snprintf(buf, size, "%lld.%lld", h / 100, h % 100 / 10);
    else
        snprintf(buf, size, "%lld.%02lld", h / 100, h % 100);
}

int sb_retire_find(shebao_ctx *ctx, const shebao_policy *P, int birth_year, int birth_month,
                   shebao_retire_category category, sb_retire *out)
{
    if ((unsigned)category >= SB_RETIRE_CATEGORIES)
        return sb_fail(ctx, SHEBAO_EUSAGE, "category %d: not a shebao_retire_category", (int)category);
    TRY(sb_month_check_birth(ctx, birth_year, birth_month));
    const sb_employee *ep = &P->ep;
    const sb_retire_rule *r = &ep->retire[category];
    if (!ep->present || !r->present)
        return sb_fail(ctx, SHEBAO_EINPUT, "policy %s has no employee_pension section (职工养老保险)",
                       P->id ? P->id : "?");
    sb_retire *o = out;
    o->birth = SB_MONTH_MAKE(birth_year, birth_month);
    /* one more month of delay for every `step` birth months from first_birth, up to the cap */
    int d = o->birth - r->first_birth;
    o->delay = d < 0 ? 0 : d / r->step + 1 > r->cap ? r->cap : d / r->step + 1;
    o->age = r->original_age * 12 + o->delay;
    o->statutory = o->birth + o->age;
    int early = o->age - ep->elastic_early;
    o->earliest = o->birth + (early > r->original_age * 12 ? early : r->original_age * 12);
    o->latest = o->statutory + ep->elastic_late;
    return SHEBAO_OK;
}

int shebao_retire_compute(shebao_ctx *ctx, const shebao_policy *policy, int birth_year, int birth_month,
                          shebao_retire_category category, shebao_retirement *out)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!policy || !out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "shebao_retire_compute: NULL %s", !policy ? "policy" : "output pointer");
    TRY(sb_check_version(ctx, "shebao_retirement", out->version, SHEBAO_RETIREMENT_VERSION,
                         "SHEBAO_RETIREMENT_INIT"));
    sb_retire r;
    TRY(sb_retire_find(ctx, policy, birth_year, birth_month, category, &r));
    out->year = SB_MONTH_YEAR(r.statutory);
    out->month = SB_MONTH_MON(r.statutory);
    out->age_years = r.age / 12;
    out->age_months = r.age % 12;
    out->delay_months = r.delay;
    out->earliest_year = SB_MONTH_YEAR(r.earliest);
    out->earliest_month = SB_MONTH_MON(r.earliest);
    out->latest_year = SB_MONTH_YEAR(r.latest);
    out->latest_month = SB_MONTH_MON(r.latest);
    out->min_months = sb_retire_min_months(&policy->ep, out->year);
    return sb_ok(ctx);
}
