/* shebao ltc assess | benefit | fund | cost: long-term care insurance (长期护理保险). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_words.h"

/* ---- small parsers ------------------------------------------------------------------------------------------ */

/* "10,10,5,..." → scores; the library checks the number of items and each item's allowed values. */
static int parse_items(const char *domain, const char *v, int **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!*v)
        return EXIT_OK;
    size_t count = 1;
    for (const char *p = v; *p; p++)
        count += *p == ',';
    int *items = malloc(count * sizeof *items);
    if (!items) {
        fputs("shebao: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    const char *p = v;
    for (size_t i = 0; i < count; i++) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        long long x;
        if (!cli_parse_whole(p, len, 0, 999, &x)) { /* the item read in place, whole; quoted by its first 20 bytes */
            cli_err("%s item %zu '%.*s' is not a whole number", domain, i + 1, (int)(len > 20 ? 20 : len), p);
            free(items);
            return EXIT_INPUT;
        }
        items[i] = (int)x;
        p = end ? end + 1 : p + len;
    }
    *out = items;
    *n = count;
    return EXIT_OK;
}

/* ---- output helpers ----------------------------------------------------------------------------------------- */

static int note_at(const void *notes, size_t i, shebao_param *out) { return shebao_ltc_assumption(notes, i, out); }

static void print_notes(const shebao_ltc_assumptions *notes)
{
    cli_print_params("This result rests", shebao_ltc_assumption_count(notes), note_at, notes);
}

static void label(const char *zh, const char *en)
{
    printf("  ");
    cli_label(stdout, zh, 18, en, 16);
}

/* A unit in a formula: the Chinese one ("元/天"), the English one in en ("yuan/day"). */
static const char *unit(const char *zh, const char *en) { return cli_lang_get() == CLI_LANG_EN ? en : zh; }

/* A disability grade's (a level's) name: the library's Chinese one, English in en. */
static const char *grade_name(int grade)
{
    static const char *const en[] = {"basically normal", "mild disability", "moderate disability",
                                     "severe disability I", "severe disability II", "severe disability III"};
    return cli_lang_get() == CLI_LANG_EN && grade >= 0 && grade < 6 ? en[grade] : shebao_ltc_grade_name(grade);
}

static const char *level_name(int level)
{
    static const char *const en[] = {"intact", "mildly impaired", "moderately impaired", "severely impaired"};
    return cli_lang_get() == CLI_LANG_EN && level >= 0 && level < 4 ? en[level] : shebao_ltc_level_name(level);
}

/* A name of the policy's words ("institution", "medical_fund") with its Chinese ("机构护理 institution" in both). */
static const char *zh_name(const char *en, char *buf, size_t size)
{
    return cli_pair(buf, size, shebao_ltc_name_zh(en), en);
}

/* ---- the options ------------------------------------------------------------------------------------------ */

/* What every ltc command takes; first in each command's struct of options. */
typedef struct ltc_common {
    const char *file, *region, *format;
} ltc_common;

static const cli_opt ltc_shared[] = {
    CLI_OPTS_POLICY(ltc_common),
    CLI_OPT_FORMAT(ltc_common, "table|json"),
    {0},
};

static bool is_json(const ltc_common *c) { return strcmp(c->format, "json") == 0; }

/* What the care costs, for benefit and cost alike (members cost, hours, price of T): the institution modes need
 * --cost, home_visit --hours and --price. COST, HOURS: the help of --cost and --hours (N_). */
#define LTC_CARE_OPTS(T, COST, HOURS)                                                                                \
    {.name = "cost", .value = "AMOUNT", .kind = CLI_CHECK, .at = offsetof(T, cost), .check = cli_check_amount,   \
     .help = COST},                                                                                                  \
    {.name = "hours", .value = "H", .kind = CLI_TEXT, .flags = CLI_AND, .at = offsetof(T, hours),               \
     .help = HOURS},                                                                                                 \
    {.name = "price", .value = "AMOUNT", .kind = CLI_CHECK, .at = offsetof(T, price), .check = cli_check_amount, \
     .help = N_("home_visit: price per hour")}

typedef struct run {
    shebao_policy *pol;
    shebao_ltc_assumptions *notes;
} run;

static int start(shebao_ctx *ctx, const char *file, const char *region, run *r)
{
    r->pol = NULL;
    r->notes = NULL;
    if (file && region)
        return cli_usage("give --region or --policy, not both");
    int rc = cli_load_policy(ctx, file, region, &r->pol);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    if (shebao_ltc_assumptions_new(&r->notes) != SHEBAO_OK) {
        cli_policy_free(r->pol);
        fputs("shebao: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    return EXIT_OK;
}

static int finish(run *r, int code)
{
    shebao_ltc_assumptions_free(r->notes);
    cli_policy_free(r->pol);
    return code;
}

/* The first line of every table: the policy and its lineage, then a blank line. */
static void policy_heading(const run *r)
{
    cli_policy_title(stdout, r->pol, cli_lang_from(NULL));
    putchar('\n');
}

/* ---- assess ------------------------------------------------------------------------------------------------- */

typedef struct assess_opts {
    ltc_common c;
    const char *lists[3]; /* adl, cognition, perception */
} assess_opts;

static const cli_opt assess_table[] = {
    {.name = "adl", .value = "S,...(10)", .kind = CLI_TEXT, .flags = CLI_REQUIRED,
     .at = offsetof(assess_opts, lists[0]), .help = N_("the 10 scores of daily living (日常生活活动能力), comma-separated")},
    {.name = "cognition", .value = "S,...(4)", .kind = CLI_TEXT, .flags = CLI_REQUIRED,
     .at = offsetof(assess_opts, lists[1]), .help = N_("the 4 scores of cognition (认知能力), comma-separated")},
    {.name = "perception", .value = "S,...(3)", .kind = CLI_TEXT, .flags = CLI_REQUIRED,
     .at = offsetof(assess_opts, lists[2]), .help = N_("the 3 scores of perception and communication (感知觉与沟通能力), comma-separated")},
    {0},
};

static int ltc_assess(shebao_ctx *ctx, int argc, char **argv);

static const cli_command cmd_assess = {
    .name = "ltc assess",
    .summary = N_("disability grade by the 2021 scale (长期护理失能等级)"),
    .example = "ltc assess --adl 10,10,5,10,10,10,15,15,10,5 --cognition 4,4,4,4 --perception 4,4,4",
    .opts = assess_table,
    .shared = ltc_shared,
    .run = ltc_assess,
};

static void assess_table_out(const run *r, const shebao_ltc_assessment *as)
{
    policy_heading(r);
    const char *head = cli_pick("失能等级评估（长期护理失能等级评估标准 2021）", "Disability assessment (the national scale of 2021)");
    if (head)
        printf("%s\n", head);
    else
        printf("失能等级评估 Disability assessment (长期护理失能等级评估标准 2021)\n");
    label("日常生活活动能力", "ADL");
    const char *lv = cli_lang_get() == CLI_LANG_ZH ? "级别" : "level";
    printf("%4d   %s %d %s\n", as->adl, lv, as->adl_level, level_name(as->adl_level));
    label("认知能力", "cognition");
    printf("%4d   %s %d %s\n", as->cognition, lv, as->cognition_level, level_name(as->cognition_level));
    label("感知觉与沟通能力", "perception");
    printf("%4d   %s %d %s\n", as->perception, lv, as->perception_level, level_name(as->perception_level));
    label("失能等级", "grade");
    printf("%4d   %s\n", as->grade, grade_name(as->grade));
    print_notes(r->notes);
}

static int ltc_assess(shebao_ctx *ctx, int argc, char **argv)
{
    static const char *const names[3] = {"adl", "cognition", "perception"};
    assess_opts o = {.c.format = "table"};
    int code = cli_parse(&cmd_assess, ctx, argc, argv, 3, &o);
    if (code != CLI_GO)
        return code;
    for (int d = 0; d < 3; d++)
        if (!o.lists[d])
            return cli_usage("ltc assess needs --adl, --cognition and --perception (comma-separated item scores)");
    int *items[3] = {NULL, NULL, NULL};
    size_t n[3] = {0, 0, 0};
    code = EXIT_OK;
    for (int d = 0; d < 3 && code == EXIT_OK; d++)
        code = parse_items(names[d], o.lists[d], &items[d], &n[d]);
    run r = {NULL, NULL};
    if (code == EXIT_OK)
        code = start(ctx, o.c.file, o.c.region, &r);
    if (code == EXIT_OK) {
        shebao_ltc_assessment as;
        shebao_ltc_scores sc = SHEBAO_LTC_SCORES_INIT;
        sc.adl = items[0];
        sc.n_adl = n[0];
        sc.cognition = items[1];
        sc.n_cognition = n[1];
        sc.perception = items[2];
        sc.n_perception = n[2];
        int rc = shebao_ltc_assess(ctx, r.pol, &sc, &as, r.notes);
        char *text = NULL;
        if (rc != SHEBAO_OK)
            code = cli_fail(ctx, rc);
        else if (is_json(&o.c))
            code = cli_print_json(shebao_ltc_assessment_to_json(r.pol, &as, r.notes, &text), &text);
        else
            assess_table_out(&r, &as);
        finish(&r, code);
    }
    for (int d = 0; d < 3; d++)
        free(items[d]);
    return code;
}

/* ---- benefit ------------------------------------------------------------------------------------------------ */

typedef struct benefit_opts {
    ltc_common c;
    const char *mode, *hours;
    cli_month month;
    cli_int grade, days, hospital_days, disability_months, insured_months;
    shebao_fen cost, price;
} benefit_opts;

#define AT(m) .at = offsetof(benefit_opts, m)
static const cli_opt benefit_table[] = {
    {.name = "grade", .value = "N", .kind = CLI_INT, .flags = CLI_REQUIRED, AT(grade), .lo = 0, .hi = 5,
     .what = N_("a grade"), .help = N_("the disability grade (see ltc assess)")},
    {.name = "mode", .value = "institution|medical_institution|home_visit|home_cash", .kind = CLI_CHOICE,
     .flags = CLI_REQUIRED, AT(mode), .help = N_("the care mode")},
    {.name = "month", .value = "YYYY-MM", .kind = CLI_MONTH, .flags = CLI_REQUIRED, AT(month), .hi = SHEBAO_YEAR_MAX,
     .help = N_("the month of care")},
    {.name = "days", .value = "N", .kind = CLI_INT, AT(days), .lo = 0, .hi = 31, .what = N_("a number of days"),
     .help = N_("days of care in the month (default the whole month)")},
    {.name = "hospital-days", .value = "N", .kind = CLI_INT, AT(hospital_days), .lo = 0, .hi = 31,
     .what = N_("a number of days"), .help = N_("days in hospital in the month (default 0)")},
    LTC_CARE_OPTS(benefit_opts, N_("institution modes: the eligible care cost in the month"),
                  N_("home_visit: hours of care in the month")),
    {.name = "disability-months", .value = "N", .kind = CLI_INT, AT(disability_months), .lo = 0, .hi = 1200,
     .what = N_("a number of months"), .help = N_("months the disability has lasted (default: long enough, noted)")},
    {.name = "insured-months", .value = "N", .kind = CLI_INT, AT(insured_months), .lo = 0, .hi = 1200,
     .what = N_("a number of months"), .help = N_("months of continuous insurance (default: long enough, noted)")},
    {0},
};
#undef AT

static int ltc_benefit(shebao_ctx *ctx, int argc, char **argv);

static const cli_command cmd_benefit = {
    .name = "ltc benefit",
    .summary = N_("one month's long-term care benefit (长期护理保险待遇)"),
    .example = "ltc benefit --grade 5 --mode institution --month 2025-06 --days 30 --cost 6000",
    .opts = benefit_table,
    .shared = ltc_shared,
    .run = ltc_benefit,
};

/* The name of a limit, Chinese first. */
static void limit_words(shebao_ltc_limit l, char *buf, size_t size)
{
    zh_name(shebao_ltc_limit_name(l), buf, size);
}

/* Each limit that lowered the payment, with the rule's figures, and the formula of the one that set it
 * (docs/ltc.md, "Benefits"): "日限额 daily_cap: 70.00 元/天 × 30 天 = 2100.00 元". */
static void benefit_limits_out(const shebao_ltc_claim *c, const shebao_ltc_benefit *b)
{
    char m1[SHEBAO_MONEY_BUFSZ], m2[SHEBAO_MONEY_BUFSZ], m3[SHEBAO_MONEY_BUFSZ], pc[CLI_WORD_BUFSZ], name[48];
    if (c->mode == SHEBAO_LTC_HOME_CASH) {
        cli_money(b->monthly, m1);
        cli_money(b->fund_pays, m2);
        if (cli_lang_get() == CLI_LANG_BOTH)
            printf("  计算 formula: 每月 %s 元 × %d 天 / %d 天 = %s 元   (monthly amount × eligible days / days in the "
                   "month)\n", m1, b->eligible_days, b->days_in_month, m2);
        else if (cli_lang_get() == CLI_LANG_ZH)
            printf("  计算: 每月 %s 元 × %d 天 / %d 天 = %s 元\n", m1, b->eligible_days, b->days_in_month, m2);
        else
            printf("  formula: %s yuan a month × %d days / %d days = %s yuan   (monthly amount × eligible days / days "
                   "in the month)\n", m1, b->eligible_days, b->days_in_month, m2);
        return;
    }
    char t[64];
    printf("  %s: ", cli_pair(t, sizeof t, "计算", "formula"));
    switch (b->binding) {
    case SHEBAO_LTC_LIMIT_DAILY_CAP: /* cap_on_cost pays the ratio of the capped cost, cap_on_payment the cap */
        printf("%s %s × %d %s = %s %s", cli_money(b->daily_cap, m1), unit("元/天", "yuan/day"), b->eligible_days,
               unit("天", "days"), cli_money(b->daily_cap * b->eligible_days, m2), unit("元", "yuan"));
        if (b->fund_pays != b->daily_cap * b->eligible_days)
            printf(" × %s = %s %s", cli_rate(b->ratio, pc), cli_money(b->fund_pays, m3), unit("元", "yuan"));
        break;
    case SHEBAO_LTC_LIMIT_MONTHLY_CAP:
        printf("%s %s %s", cli_pair(t, sizeof t, "月限额", "monthly cap"), cli_money(b->monthly_cap, m1),
               unit("元", "yuan"));
        break;
    case SHEBAO_LTC_LIMIT_HOURS:
    case SHEBAO_LTC_LIMIT_PRICE: {
        bool h = b->limits & SHEBAO_LTC_LIMIT_HOURS, p = b->limits & SHEBAO_LTC_LIMIT_PRICE;
        printf("%s %s × %s %s × %s = %s %s", h ? b->max_hours : c->hours, unit("小时", "hours"),
               cli_money(p ? b->hour_price_cap : c->price, m1), unit("元/小时", "yuan/hour"), cli_rate(b->ratio, pc),
               cli_money(b->fund_pays, m2), unit("元", "yuan"));
        break;
    }
    default: /* the ratio set it */
        if (c->mode == SHEBAO_LTC_HOME_VISIT)
            printf("%s %s × %s %s × %s = %s %s", c->hours, unit("小时", "hours"), cli_money(c->price, m1),
                   unit("元/小时", "yuan/hour"), cli_rate(b->ratio, pc), cli_money(b->fund_pays, m2), unit("元", "yuan"));
        else
            printf("%s %s × %s = %s %s", cli_money(b->cost, m1), unit("元", "yuan"), cli_rate(b->ratio, pc),
                   cli_money(b->fund_pays, m2), unit("元", "yuan"));
        break;
    }
    printf("\n");
    if (!b->limits)
        return;
    printf("  %s:\n", cli_pair(t, sizeof t, "起作用的限额", "limits that lowered the payment"));
    for (unsigned l = SHEBAO_LTC_LIMIT_DAILY_CAP; l <= SHEBAO_LTC_LIMIT_PRICE; l <<= 1) {
        if (!(b->limits & l))
            continue;
        limit_words((shebao_ltc_limit)l, name, sizeof name);
        printf("    ");
        cli_pad(stdout, name, 28, false);
        switch ((shebao_ltc_limit)l) {
        case SHEBAO_LTC_LIMIT_DAILY_CAP:
            printf("%s %s × %d %s = %s %s", cli_money(b->daily_cap, m1), unit("元/天", "yuan/day"), b->eligible_days,
                   unit("天", "days"), cli_money(b->daily_cap * b->eligible_days, m2), unit("元", "yuan"));
            break;
        case SHEBAO_LTC_LIMIT_MONTHLY_CAP: printf("%s %s", cli_money(b->monthly_cap, m1), unit("元/月", "yuan/month")); break;
        case SHEBAO_LTC_LIMIT_HOURS:
            if (cli_lang_get() == CLI_LANG_EN)
                printf("at most %s hours/month (care %s hours)", b->max_hours, c->hours);
            else
                printf("最多 %s 小时/月 (护理 %s 小时)", b->max_hours, c->hours);
            break;
        default:
            cli_money(b->hour_price_cap, m1);
            cli_money(c->price, m3);
            if (cli_lang_get() == CLI_LANG_EN)
                printf("at most %s yuan/hour (price %s yuan/hour)", m1, m3);
            else
                printf("最高 %s 元/小时 (价格 %s 元/小时)", m1, m3);
        }
        printf("%s%s\n", (unsigned)b->binding == l ? "   ← " : "",
               (unsigned)b->binding == l ? cli_pair(t, sizeof t, "决定支付额", "binding") : "");
    }
}

/* Why a claim is refused, in Chinese, from the figures of the refusal (not from the English reason_text). */
static const char *refusal_zh(const shebao_ltc_benefit *b, char *buf, size_t size)
{
    if (b->reason == SHEBAO_LTC_GRADE_TOO_LOW)
        snprintf(buf, size, "失能等级 %d 级（%s）低于享受待遇的最低等级 %d 级（%s）", b->reason_value,
                 shebao_ltc_grade_name(b->reason_value), b->reason_min, shebao_ltc_grade_name(b->reason_min));
    else if (b->reason == SHEBAO_LTC_DISABILITY_TOO_SHORT)
        snprintf(buf, size, "失能持续 %d 个月，不足享受待遇所需的 %d 个月", b->reason_value, b->reason_min);
    else
        snprintf(buf, size, "连续参保 %d 个月，未满 %d 个月的待遇等待期", b->reason_value, b->reason_min);
    return buf;
}

static void benefit_table_out(const run *r, const shebao_ltc_claim *c, const char *month, const shebao_ltc_benefit *b)
{
    const char *mode = shebao_ltc_mode_name(c->mode);
    char m[SHEBAO_MONEY_BUFSZ], name[48], zh[160], en[160];
    policy_heading(r);
    snprintf(zh, sizeof zh, "长期护理保险待遇（%s，%s，%d 级，%s）", month, grade_name(c->grade), c->grade,
             shebao_ltc_name_zh(mode));
    snprintf(en, sizeof en, "Long-term care benefit, %s: %s (grade %d), %s", month, grade_name(c->grade), c->grade,
             mode);
    if (cli_pick(zh, en))
        cli_head(stdout, zh, en);
    else
        printf("长期护理保险待遇 Long-term care benefit, %s: %s (grade %d), %s %s\n", month,
               shebao_ltc_grade_name(c->grade), c->grade, shebao_ltc_name_zh(mode), mode);
    if (!b->eligible && cli_lang_get() == CLI_LANG_ZH)
        printf("  不符合享受条件：%s\n", refusal_zh(b, zh, sizeof zh));
    else if (!b->eligible && cli_lang_get() == CLI_LANG_EN && b->reason == SHEBAO_LTC_GRADE_TOO_LOW)
        printf("  Not eligible: grade %d (%s) is below min_grade %d (%s)\n", b->reason_value,
               grade_name(b->reason_value), b->reason_min, grade_name(b->reason_min)); /* the grades' English names */
    else if (!b->eligible) /* the library's English reason (that of the JSON) */
        printf("  %s: %s\n", cli_pair(name, sizeof name, "不符合享受条件", "Not eligible"), b->reason_text);
    else {
        snprintf(zh, sizeof zh, "  待遇规则 %s 起执行", b->from);
        snprintf(en, sizeof en, "  rules in force from %s", b->from);
        cli_head(stdout, zh, en);
    }
    if (c->mode != SHEBAO_LTC_HOME_VISIT) { /* an hour-based mode counts hours, not days */
        label("享受天数", "eligible days");
        snprintf(zh, sizeof zh, "护理 %d 天 − 住院 %d 天; 本月 %d 天", b->care_days, c->hospital_days,
                 b->days_in_month);
        snprintf(en, sizeof en, "%d days of care − %d in hospital; %d in the month", b->care_days, c->hospital_days,
                 b->days_in_month);
        const char *one = cli_pick(zh, en);
        printf("%12d   (%s%s%s)\n", b->eligible_days, one ? one : zh, one ? "" : " / ", one ? "" : en);
    }
    if (c->mode != SHEBAO_LTC_HOME_CASH) {
        label("费用", "cost");
        printf("%12s\n", cli_money(b->cost, m));
    }
    label("基金支付", "fund pays");
    printf("%12s", cli_money(b->fund_pays, m));
    if (b->eligible && b->binding != SHEBAO_LTC_LIMIT_NONE) {
        limit_words(b->binding, name, sizeof name);
        char t[24];
        printf("   %s: %s", cli_pair(t, sizeof t, "限额", "limit"), name);
    }
    printf("\n");
    if (c->mode != SHEBAO_LTC_HOME_CASH) {
        label("个人负担", "self pays");
        printf("%12s\n", cli_money(b->self_pays, m));
    }
    if (b->eligible)
        benefit_limits_out(c, b);
    print_notes(r->notes);
}

static int ltc_benefit(shebao_ctx *ctx, int argc, char **argv)
{
    benefit_opts o = {.c.format = "table", .cost = SHEBAO_UNSET, .price = SHEBAO_UNSET};
    int code = cli_parse(&cmd_benefit, ctx, argc, argv, 3, &o);
    if (code != CLI_GO)
        return code;
    if (!o.grade.set || !o.mode || !o.month.text)
        return cli_usage("ltc benefit needs --grade N, --mode MODE and --month YYYY-MM");
    shebao_ltc_claim c = SHEBAO_LTC_CLAIM_INIT;
    c.grade = (int)o.grade.v;
    shebao_ltc_mode_from_name(o.mode, &c.mode);
    c.year = o.month.y;
    c.month = o.month.m;
    c.care_days = o.days.set ? (int)o.days.v : c.care_days;
    c.hospital_days = o.hospital_days.set ? (int)o.hospital_days.v : c.hospital_days;
    c.cost = o.cost;
    c.hours = o.hours;
    c.price = o.price;
    c.disability_months = o.disability_months.set ? (int)o.disability_months.v : c.disability_months;
    c.insured_months = o.insured_months.set ? (int)o.insured_months.v : c.insured_months;
    run r;
    if ((code = start(ctx, o.c.file, o.c.region, &r)) != EXIT_OK)
        return code;
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    int rc = shebao_ltc_benefit_month(ctx, r.pol, &c, &b, r.notes);
    char *text = NULL;
    if (rc != SHEBAO_OK)
        code = cli_fail(ctx, rc);
    else if (is_json(&o.c))
        code = cli_print_json(shebao_ltc_benefit_to_json(r.pol, &c, &b, r.notes, &text), &text);
    else
        benefit_table_out(&r, &c, o.month.text, &b);
    return finish(&r, code);
}

/* ---- fund --------------------------------------------------------------------------------------------------- */

typedef struct fund_opts {
    ltc_common c;
    const char *group;
    cli_month month;
    cli_int count;
    shebao_fen base;
} fund_opts;

#define AT(m) .at = offsetof(fund_opts, m)
static const cli_opt fund_table[] = {
    {.name = "group", .value = "employee|retiree|resident|minor|assisted", .kind = CLI_CHOICE,
     .flags = CLI_REQUIRED, AT(group), .help = N_("the insured group")},
    {.name = "month", .value = "YYYY-MM", .kind = CLI_MONTH, .flags = CLI_REQUIRED, AT(month), .hi = SHEBAO_YEAR_MAX,
     .help = N_("the month whose funding rules apply")},
    {.name = "count", .value = "N", .kind = CLI_INT, AT(count), .lo = 0, .hi = 10000000000LL,
     .what = N_("a number of persons"), .help = N_("persons of the group (default 1)")},
    {.name = "base", .value = "AMOUNT", .kind = CLI_CHECK, AT(base), .check = cli_check_amount,
     .help = N_("the monthly contribution base, for rules by rate")},
    {0},
};
#undef AT

static int ltc_fund(shebao_ctx *ctx, int argc, char **argv);

static const cli_command cmd_fund = {
    .name = "ltc fund",
    .summary = N_("contributions per payer (长护险筹资)"),
    .example = "ltc fund --group resident --month 2025-06 --count 1000",
    .opts = fund_table,
    .shared = ltc_shared,
    .run = ltc_fund,
};

static void fund_table_out(const run *r, const char *group, const char *month, const shebao_ltc_funding *f)
{
    char m1[SHEBAO_MONEY_BUFSZ], m2[SHEBAO_MONEY_BUFSZ];
    const char *limited = f->base_limited < 0 ? "floor" : f->base_limited > 0 ? "cap" : NULL;
    policy_heading(r);
    char zh[200], en[200], t[48];
    snprintf(zh, sizeof zh, "长期护理保险筹资（%s，%s，规则自 %s 起）", month, shebao_ltc_name_zh(group), f->from);
    snprintf(en, sizeof en, "Long-term care funding, %s, group %s (rules from %s)", month, group, f->from);
    if (cli_pick(zh, en))
        cli_head(stdout, zh, en);
    else
        printf("长期护理保险筹资 Long-term care funding, %s, %s group %s (rules from %s)\n", month,
               shebao_ltc_name_zh(group), group, f->from);
    if (f->is_rate) {
        cli_money(f->base, m1);
        snprintf(zh, sizeof zh, "  按月缴费基数 %s 元%s的费率, 每月金额", m1,
                 limited ? (f->base_limited < 0 ? " (按下限)" : " (按上限)") : "");
        snprintf(en, sizeof en, "  rates on a monthly base of %s%s%s; amounts per month", m1,
                 limited ? ", limited by the " : "", limited ? limited : "");
        cli_head(stdout, zh, en);
    } else
        cli_head(stdout, "  每人每年定额", "  fixed amounts per person per year");
    printf("  ");
    cli_pad(stdout, cli_pair(t, sizeof t, "缴费方", "payer"), 22, false);
    printf(" ");
    cli_pad(stdout, cli_pair(t, sizeof t, "每人", "per person"), 16, true);
    printf(" ");
    cli_pad(stdout, cli_pick("× 人数", "× count") ? cli_pick("× 人数", "× count") : "× 人数 count", 20, true);
    printf("\n");
    for (int p = 0; p < SHEBAO_LTC_PAYERS; p++)
        if (f->payers & (1u << p)) {
            char name[48];
            zh_name(shebao_ltc_payer_name((shebao_ltc_payer)p), name, sizeof name);
            printf("  ");
            cli_pad(stdout, name, 22, false);
            printf(" %16s %20s\n", cli_money(f->per_person[p], m1), cli_money(f->total[p], m2));
        }
    printf("  ");
    cli_pad(stdout, cli_pair(t, sizeof t, "合计", "total"), 22, false);
    printf(" %16s %20s   (%s %lld)\n", cli_money(f->per_person_total, m1), cli_money(f->total_all, m2),
           cli_lang_get() == CLI_LANG_ZH ? "人数" : "count", f->count);
    print_notes(r->notes);
}

static int ltc_fund(shebao_ctx *ctx, int argc, char **argv)
{
    fund_opts o = {.c.format = "table", .count.v = 1, .base = SHEBAO_UNSET};
    int code = cli_parse(&cmd_fund, ctx, argc, argv, 3, &o);
    if (code != CLI_GO)
        return code;
    if (!o.group || !o.month.text)
        return cli_usage("ltc fund needs --group GROUP and --month YYYY-MM");
    shebao_ltc_group group = SHEBAO_LTC_RESIDENT;
    shebao_ltc_group_from_name(o.group, &group);
    run r;
    if ((code = start(ctx, o.c.file, o.c.region, &r)) != EXIT_OK)
        return code;
    shebao_ltc_funding f = SHEBAO_LTC_FUNDING_INIT;
    int rc = shebao_ltc_fund(ctx, r.pol, group, o.month.y, o.month.m, o.count.v, o.base, &f, r.notes);
    char *text = NULL;
    if (rc != SHEBAO_OK)
        code = cli_fail(ctx, rc);
    else if (is_json(&o.c))
        code = cli_print_json(shebao_ltc_funding_to_json(r.pol, group, o.month.y, o.month.m, &f, r.notes, &text), &text);
    else
        fund_table_out(&r, o.group, o.month.text, &f);
    return finish(&r, code);
}

/* ---- cost --------------------------------------------------------------------------------------------------- */

typedef struct cost_opts {
    ltc_common c;
    const char *grade_mix, *mode_mix, *hours;
    cli_month from;
    cli_int beneficiaries, months, hospital_days;
    shebao_fen cost, price;
} cost_opts;

#define AT(m) .at = offsetof(cost_opts, m)
static const cli_opt cost_table[] = {
    {.name = "beneficiaries", .value = "N", .kind = CLI_INT, .flags = CLI_REQUIRED, AT(beneficiaries), .lo = 0,
     .hi = 10000000000LL, .what = N_("a number of persons"), .help = N_("the number of beneficiaries")},
    {.name = "grade-mix", .value = "G:S,...", .kind = CLI_TEXT, .flags = CLI_REQUIRED, AT(grade_mix),
     .help = N_("grade:share, shares adding up to exactly 1 (3:0.5,4:0.3,5:0.2)")},
    {.name = "mode-mix", .value = "MODE:S,...", .kind = CLI_TEXT, .flags = CLI_REQUIRED, AT(mode_mix),
     .help = N_("care mode:share, shares adding up to exactly 1 (institution:0.6,home_visit:0.4)")},
    {.name = "from", .value = "YYYY-MM", .kind = CLI_MONTH, .flags = CLI_REQUIRED, AT(from), .hi = SHEBAO_YEAR_MAX,
     .help = N_("the first month")},
    {.name = "months", .value = "N", .kind = CLI_INT, AT(months), .lo = 1, .hi = 1200, .what = N_("a number of months"),
     .help = N_("the number of months (default 12)")},
    LTC_CARE_OPTS(cost_opts, N_("institution modes: the eligible care cost per beneficiary per month"),
                  N_("home_visit: hours of care per beneficiary per month")),
    {.name = "hospital-days", .value = "N", .kind = CLI_INT, AT(hospital_days), .lo = 0, .hi = 31,
     .what = N_("a number of days"), .help = N_("in-patient days per beneficiary per month (default 0)")},
    {0},
};
#undef AT

static int ltc_cost(shebao_ctx *ctx, int argc, char **argv);

static const cli_command cmd_cost = {
    .name = "ltc cost",
    .summary = N_("fund spending estimate from the benefit rules"),
    .example = "ltc cost --beneficiaries 1000 --grade-mix 3:0.5,4:0.3,5:0.2 --mode-mix institution:0.6,home_visit:0.4 "
               "--from 2025-01 --cost 2400 --hours 30 --price 60",
    .opts = cost_table,
    .shared = ltc_shared,
    .run = ltc_cost,
};

static void cost_table_out(const run *r, const shebao_ltc_cost_input *in, const char *from, const shebao_ltc_cost *est)
{
    char m1[SHEBAO_MONEY_BUFSZ], m2[SHEBAO_MONEY_BUFSZ];
    policy_heading(r);
    char zh[160], en[160], t[48];
    snprintf(zh, sizeof zh, "长期护理保险基金支出估算（%lld 人，%s 起 %d 个月）", in->beneficiaries, from, in->months);
    snprintf(en, sizeof en, "Fund spending estimate: %lld beneficiaries, %d month(s) from %s", in->beneficiaries,
             in->months, from);
    if (cli_pick(zh, en))
        cli_head(stdout, zh, en);
    else
        printf("长期护理保险基金支出估算 %s\n", en);
    static const char *const head[][2] = {{"等级", "grade"}, {"护理方式", "mode"}, {"人数", "persons"},
                                          {"每人", "per person"}, {"合计", "total"}};
    static const int width[] = {10, 30, 14, 16, 20};
    printf(" ");
    for (int k = 0; k < 5; k++) {
        printf(" ");
        cli_pad(stdout, cli_pair(t, sizeof t, head[k][0], head[k][1]), width[k], k >= 2);
    }
    printf("\n");
    for (size_t i = 0; i < est->ncells; i++) {
        const shebao_ltc_cost_cell *c = &est->cells[i];
        char mode[48];
        zh_name(shebao_ltc_mode_name(c->mode), mode, sizeof mode);
        printf("  %-10d ", c->grade);
        cli_pad(stdout, mode, 30, false);
        printf(" %14s %16s %20s%s\n", c->persons, cli_money(c->per_person, m1), cli_money(c->total, m2),
               c->eligible ? "" : cli_pick("   (低于最低享受等级)", "   (below min_grade)")
                                    ? cli_pick("   (低于最低享受等级)", "   (below min_grade)")
                                    : "   (低于最低享受等级 below min_grade)");
    }
    printf("  ");
    cli_pad(stdout, cli_pair(t, sizeof t, "合计", "total"), 10 + 1 + 30 + 1 + 14 + 1 + 16, false);
    printf(" %20s\n", cli_money(est->total, m1));
    print_notes(r->notes);
}

static int ltc_cost(shebao_ctx *ctx, int argc, char **argv)
{
    cost_opts o = {.c.format = "table", .cost = SHEBAO_UNSET, .price = SHEBAO_UNSET};
    int code = cli_parse(&cmd_cost, ctx, argc, argv, 3, &o);
    if (code != CLI_GO)
        return code;
    if (!o.beneficiaries.set || !o.grade_mix || !o.mode_mix || !o.from.text)
        return cli_usage("ltc cost needs --beneficiaries N, --grade-mix G:S,..., --mode-mix MODE:S,... and --from "
                         "YYYY-MM");
    shebao_ltc_cost_input in = SHEBAO_LTC_COST_INPUT_INIT;
    in.beneficiaries = o.beneficiaries.v;
    in.grade_mix = o.grade_mix;
    in.mode_mix = o.mode_mix;
    in.from_year = o.from.y;
    in.from_month = o.from.m;
    in.months = o.months.set ? (int)o.months.v : in.months;
    in.cost = o.cost;
    in.hours = o.hours;
    in.price = o.price;
    in.hospital_days = o.hospital_days.set ? (int)o.hospital_days.v : in.hospital_days;
    run r;
    if ((code = start(ctx, o.c.file, o.c.region, &r)) != EXIT_OK)
        return code;
    shebao_ltc_cost est = SHEBAO_LTC_COST_INIT;
    int rc = shebao_ltc_cost_estimate(ctx, r.pol, &in, &est, r.notes);
    char *text = NULL;
    if (rc != SHEBAO_OK)
        code = cli_fail(ctx, rc);
    else if (is_json(&o.c))
        code = cli_print_json(shebao_ltc_cost_to_json(r.pol, &in, &est, r.notes, &text), &text);
    else
        cost_table_out(&r, &in, o.from.text, &est);
    return finish(&r, code);
}

/* ---- the group ---------------------------------------------------------------------------------------------- */

static const cli_command *const ltc_subs[] = {&cmd_assess, &cmd_benefit, &cmd_fund, &cmd_cost, NULL};

const cli_command cli_cmd_ltc = {
    .name = "ltc",
    .summary = N_("long-term care insurance (长期护理保险)"),
    .example = "ltc benefit --grade 5 --mode institution --month 2025-06 --days 30 --cost 6000",
    .shared = ltc_shared,
    .run = cmd_ltc,
    .subs = ltc_subs,
};

int cmd_ltc(shebao_ctx *ctx, int argc, char **argv) { return cli_run_group(&cli_cmd_ltc, ctx, argc, argv); }
