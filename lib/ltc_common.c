/* Long-term care: names, the list of assumptions, lookups of the rules in force, exact rounding. */
#include <stdlib.h>
#include <string.h>

#include "ltc.h"

static const char *const adl_items[SHEBAO_LTC_ADL_ITEMS] = {"进食",   "穿衣",     "面部与口腔清洁", "大便控制",
                                                           "小便控制", "用厕",     "平地行走",       "床椅转移",
                                                           "上下楼",   "洗澡"};
static const char *const cognition_items[SHEBAO_LTC_COGNITION_ITEMS] = {"时间定向", "人物定向", "空间定向", "记忆力"};
static const char *const perception_items[SHEBAO_LTC_PERCEPTION_ITEMS] = {"视力", "听力", "沟通能力"};
static const char *const grade_names[SB_LTC_GRADES] = {"基本正常",     "轻度失能",     "中度失能",
                                                       "重度失能Ⅰ级", "重度失能Ⅱ级", "重度失能Ⅲ级"};
static const char *const level_names[SB_LTC_LEVELS] = {"能力完好", "轻度受损", "中度受损", "重度受损"};
static const char *const mode_names[SB_LTC_MODES] = {"institution", "medical_institution", "home_visit",
                                                     "home_cash"};
static const char *const group_names[SB_LTC_GROUPS] = {"employee", "retiree", "resident", "minor", "assisted"};
static const char *const payer_names[SB_LTC_PAYERS] = {"individual", "employer", "medical_fund", "fiscal", "other"};

const char *shebao_ltc_item_name(shebao_ltc_domain domain, size_t item)
{
    switch (domain) {
    case SHEBAO_LTC_ADL: return item < SHEBAO_LTC_ADL_ITEMS ? adl_items[item] : NULL;
    case SHEBAO_LTC_COGNITION: return item < SHEBAO_LTC_COGNITION_ITEMS ? cognition_items[item] : NULL;
    case SHEBAO_LTC_PERCEPTION: return item < SHEBAO_LTC_PERCEPTION_ITEMS ? perception_items[item] : NULL;
    default: return NULL;
    }
}

const char *shebao_ltc_grade_name(int grade) { return grade >= 0 && grade < SB_LTC_GRADES ? grade_names[grade] : NULL; }

const char *shebao_ltc_level_name(int level) { return level >= 0 && level < SB_LTC_LEVELS ? level_names[level] : NULL; }

/* The index of name in names[0 .. n), or -1 (also for a NULL name). */
static int ltc_name_index(const char *name, const char *const *names, int n)
{
    for (int i = 0; name && i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *shebao_ltc_mode_name(shebao_ltc_mode mode)
{
    return (unsigned)mode < SB_LTC_MODES ? mode_names[mode] : NULL;
}

int shebao_ltc_mode_from_name(const char *name, shebao_ltc_mode *out)
{
    int i = ltc_name_index(name, mode_names, SB_LTC_MODES);
    if (out && i >= 0)
        *out = (shebao_ltc_mode)i;
    return !out ? SHEBAO_EUSAGE : i < 0 ? SHEBAO_EINPUT : SHEBAO_OK;
}

const char *shebao_ltc_group_name(shebao_ltc_group group)
{
    return (unsigned)group < SB_LTC_GROUPS ? group_names[group] : NULL;
}

int shebao_ltc_group_from_name(const char *name, shebao_ltc_group *out)
{
    int i = ltc_name_index(name, group_names, SB_LTC_GROUPS);
    if (out && i >= 0)
        *out = (shebao_ltc_group)i;
    return !out ? SHEBAO_EUSAGE : i < 0 ? SHEBAO_EINPUT : SHEBAO_OK;
}

const char *shebao_ltc_payer_name(shebao_ltc_payer payer)
{
    return (unsigned)payer < SB_LTC_PAYERS ? payer_names[payer] : NULL;
}

/* Chinese names of the data-format names of modes, groups, payers and limits (one table: the names are unique
 * across the four). */
static const char *const zh_names[][2] = {
    {"institution", "机构护理"},      {"medical_institution", "医疗机构护理"},
    {"home_visit", "居家上门护理"},   {"home_cash", "居家护理补助"},
    {"employee", "在职职工"},         {"retiree", "退休人员"},
    {"resident", "城乡居民"},         {"minor", "未成年人"},
    {"assisted", "困难救助对象"},     {"individual", "个人"},
    {"employer", "单位"},             {"medical_fund", "医保基金"},
    {"fiscal", "财政补助"},           {"other", "其他渠道"},
    {"none", "无"},                   {"ratio", "支付比例"},
    {"daily_cap", "日限额"},          {"monthly_cap", "月限额"},
    {"hours", "服务时长上限"},        {"price", "每小时限价"},
};

const char *shebao_ltc_name_zh(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof zh_names / sizeof zh_names[0]; i++)
        if (strcmp(name, zh_names[i][0]) == 0)
            return zh_names[i][1];
    return NULL;
}

const char *shebao_ltc_limit_name(shebao_ltc_limit limit)
{
    switch (limit) {
    case SHEBAO_LTC_LIMIT_NONE: return "none";
    case SHEBAO_LTC_LIMIT_RATIO: return "ratio";
    case SHEBAO_LTC_LIMIT_DAILY_CAP: return "daily_cap";
    case SHEBAO_LTC_LIMIT_MONTHLY_CAP: return "monthly_cap";
    case SHEBAO_LTC_LIMIT_HOURS: return "hours";
    case SHEBAO_LTC_LIMIT_PRICE: return "price";
    default: return NULL;
    }
}

/* ---- assumptions (provenance.h) ------------------------------------------------------------------------- */

int shebao_ltc_assumptions_new(shebao_ltc_assumptions **out)
{
    if (!out)
        return SHEBAO_EUSAGE;
    *out = calloc(1, sizeof **out);
    if (*out)
        (*out)->used.on = true;
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}

void shebao_ltc_assumptions_free(shebao_ltc_assumptions *a)
{
    if (!a)
        return;
    sb_ltc_assumptions_reset(a);
    free(a->used.v);
    free(a);
}

size_t shebao_ltc_assumption_count(const shebao_ltc_assumptions *a) { return a ? a->list.n : 0; }

int shebao_ltc_assumption(const shebao_ltc_assumptions *a, size_t i, shebao_param *out)
{
    return a ? sb_prov_get(&a->list, i, out) : SHEBAO_EUSAGE;
}

void sb_ltc_assumptions_reset(shebao_ltc_assumptions *a)
{
    if (!a)
        return;
    sb_prov_used_clear(&a->used);
    sb_prov_clear(&a->run);
    sb_prov_clear(&a->list);
}

int sb_ltc_assume(shebao_ltc_assumptions *a, const char *path, const char *value, const char *why)
{
    if (!a || sb_prov_has(&a->run, path))
        return SHEBAO_OK;
    return sb_prov_add_run(&a->run, path, value, why);
}

int sb_ltc_done(shebao_ctx *ctx, shebao_ltc_assumptions *a, const shebao_policy *P, int rc)
{
    if (rc == SHEBAO_OK && a) {
        rc = sb_prov_add_policy(&a->list, P, &a->used);
        if (rc == SHEBAO_OK)
            rc = sb_prov_add_list(&a->list, &a->run);
    }
    if (rc != SHEBAO_OK) {
        sb_ltc_assumptions_reset(a);
        if (rc == SHEBAO_ENOMEM && shebao_ctx_errcode(ctx) != SHEBAO_ENOMEM)
            sb_fail(ctx, rc, "out of memory");
        return rc;
    }
    return sb_ok(ctx);
}

/* ---- months and lookups ---------------------------------------------------------------------------------- */

int sb_ltc_days_in_month(sb_month m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = SB_MONTH_YEAR(m), mo = SB_MONTH_MON(m);
    if (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[mo - 1];
}

int sb_ltc_month(shebao_ctx *ctx, int year, int month, const char *what, sb_month *out)
{
    if (year < SB_YEAR_MIN || year > SB_YEAR_MAX || month < 1 || month > 12)
        return sb_fail(ctx, SHEBAO_EINPUT, "%s %04d-%02d: not a valid month (year %d-%d, month 01-12)", what, year,
                       month, SB_YEAR_MIN, SB_YEAR_MAX);
    *out = SB_MONTH_MAKE(year, month);
    return SHEBAO_OK;
}

int sb_ltc_section(shebao_ctx *ctx, const shebao_policy *P, const char *part, const sb_ltc **out)
{
    if (!P)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL policy");
    const sb_ltc *L = &P->ltc;
    bool ok = L->present && (strcmp(part, "assessment") == 0   ? L->has_assessment
                             : strcmp(part, "eligibility") == 0 ? L->has_eligibility
                             : strcmp(part, "benefits") == 0    ? L->nbenefits > 0
                                                                : L->nfunding > 0);
    if (!ok)
        return sb_fail(ctx, SHEBAO_EPOLICY, "policy %s has no long_term_care.%s", P->id ? P->id : "?", part);
    *out = L;
    return SHEBAO_OK;
}

int sb_ltc_benefits_at(shebao_ctx *ctx, const shebao_policy *P, sb_month m, const sb_ltc_benefits **out)
{
    const sb_ltc *L;
    if (sb_ltc_section(ctx, P, "benefits", &L) != SHEBAO_OK)
        return SHEBAO_EPOLICY;
    const sb_ltc_benefits *be = NULL;
    for (size_t i = 0; i < L->nbenefits; i++)
        if (L->benefits[i].from <= m)
            be = &L->benefits[i];
    if (!be) {
        char a[8], b[8];
        sb_month_format(m, a, sizeof a);
        sb_month_format(L->benefits[0].from, b, sizeof b);
        return sb_fail(ctx, SHEBAO_EINPUT, "%s: no long-term care benefits are in force in policy %s (the first "
                       "rules start in %s)", a, P->id, b);
    }
    *out = be;
    return SHEBAO_OK;
}

/* ---- exact rounding -------------------------------------------------------------------------------------- */

int sb_ltc_round(shebao_ctx *ctx, int64_t fen, sb_dec a, sb_dec b, int64_t mul, int64_t div, shebao_rounding mode,
                 int64_t *out)
{
    mpq_t q, t;
    mpq_init(q);
    mpq_init(t);
    sb_mpz_set_i64(mpq_numref(q), fen);
    mpz_set_ui(mpq_denref(q), 1);
    sb_dec_to_q(t, a);
    mpq_mul(q, q, t);
    sb_dec_to_q(t, b);
    mpq_mul(q, q, t);
    sb_mpz_set_i64(mpq_numref(t), mul);
    sb_mpz_set_i64(mpq_denref(t), div * 100); /* fen → yuan for sb_round_q */
    mpq_canonicalize(t);
    mpq_mul(q, q, t);
    int rc = sb_round_q(q, mode, out);
    mpq_clear(q);
    mpq_clear(t);
    if (rc != SHEBAO_OK)
        return sb_fail(ctx, SHEBAO_ECOMPUTE, "amount out of range");
    return SHEBAO_OK;
}
