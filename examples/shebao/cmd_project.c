/* shebao project: one person's resident-pension projection. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_words.h"

static int assumption_at(const void *p, size_t i, shebao_param *out)
{
    return shebao_projection_assumption(p, i, out);
}

/* Under a base pension after the policy's data_through: carried forward, or grown by the run's rate. */
static void print_past_horizon(const char *growth)
{
    char r[CLI_WORD_BUFSZ];
    char zh[96], en[96];
    if (growth && strtod(growth, NULL) != 0) {
        snprintf(zh, sizeof zh, "超出政策数据期, 按每年 %s 增长", cli_rate(growth, r));
        snprintf(en, sizeof en, "past the policy's data_through, grown %s a year", r);
    } else {
        snprintf(zh, sizeof zh, "沿用最近公布标准");
        snprintf(en, sizeof en, "carried forward past the policy's data_through");
    }
    const char *one = cli_pick(zh, en);
    if (one)
        printf("                 (%s)\n", one);
    else
        printf("                 (%s; %s)\n", zh, en);
}

/* One line of a block of single figures: the label ("基础养老金 base pension" in both, one of them in zh and en), the
 * value right-aligned in 14 columns ("220.00元"), what follows it. */
static void figure_line(const char *zh, const char *en, const char *value, const char *after)
{
    fputs("  ", stdout);
    cli_label(stdout, zh, 15, en, 20);
    cli_pad(stdout, value, 14, true);
    fputs(after, stdout);
    putchar('\n');
}

/* A figure of the projection with 元 ("" when it has none). */
static const char *fig_yuan(const shebao_projection *p, shebao_figure w, cli_lang l, char buf[CLI_WORD_BUFSZ])
{
    shebao_fen f;
    if (shebao_projection_figure(p, w, &f) != SHEBAO_OK)
        return "";
    return cli_yuan(f, l, buf);
}

/* "现在每月 pension now": the pension in the as-of month, when the claim is on or before it. */
static void print_now(const shebao_projection *p, const char *growth, cli_lang l)
{
    shebao_pension_now n = SHEBAO_PENSION_NOW_INIT;
    if (shebao_projection_now(p, &n) != SHEBAO_OK)
        return;
    char a[CLI_WORD_BUFSZ], t[64], zh[48], en[48];
    snprintf(zh, sizeof zh, "\n现在每月 (%s, %d岁)", n.month, n.age);
    snprintf(en, sizeof en, "\npension now (%s, age %d)", n.month, n.age);
    if (cli_pick(zh, en))
        cli_head(stdout, zh, en);
    else
        printf("\n现在每月 pension now (%s, age %d)\n", n.month, n.age);
    figure_line("基础养老金", "base pension", cli_yuan(n.base_pension, l, a), "");
    if (n.base_carried_forward)
        print_past_horizon(growth);
    figure_line("缴费年限养老金", "years pension", cli_yuan(n.years_pension, l, a), "");
    figure_line("个人账户养老金", "account pension", cli_yuan(n.account_pension, l, a), "");
    figure_line("高龄补贴等", "age supplement", cli_yuan(n.age_supplement, l, a), "");
    figure_line("合计", "monthly total", cli_yuan(n.monthly_total, l, a), "");
    snprintf(t, sizeof t, cli_lang_get() == CLI_LANG_ZH ? "   (%s 至 %s)" : "   (%s to %s)",
             shebao_projection_claim_month(p), n.month);
    figure_line("已领取", "paid so far", cli_yuan(n.paid_so_far, l, a), t);
    figure_line("丧葬补助", "funeral grant", cli_yuan(n.funeral_grant, l, a), "");
}

/* Whether a year of the ledger was paid by the government (代缴): then the table has a column for it. */
static bool has_daijiao(const shebao_projection *p)
{
    for (size_t i = 0; i < shebao_projection_ledger_count(p); i++) {
        shebao_ledger_row r;
        if (shebao_projection_ledger_row(p, i, &r) == SHEBAO_OK && r.daijiao > 0)
            return true;
    }
    return false;
}

static void print_ledger(const shebao_projection *p)
{
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ], d[SHEBAO_MONEY_BUFSZ],
        e[SHEBAO_MONEY_BUFSZ], f[SHEBAO_MONEY_BUFSZ], g[SHEBAO_MONEY_BUFSZ];
    bool dj = has_daijiao(p); /* the 代缴 column only when a year has one: other tables stay as they were */
    cli_head(stdout, "个人账户", "Individual account ledger");
    if (cli_show_en()) {
        printf("%-6s %10s %10s", "year", "grade", "personal");
        if (dj)
            printf(" %10s", "daijiao");
        printf(" %10s %10s %8s %10s %10s %12s\n", "subsidy", "collective", "rate", "interest", "backpay", "balance");
    }
    static const char *const zh[] = {"年度", "档次", "个人缴费", "政府代缴", "政府补贴", "集体补助", "利率", "利息", "补缴", "余额"};
    static const int widths[] = {7, 11, 11, 11, 11, 11, 9, 11, 11, 13};
    for (int i = 0; i < 10 && cli_show_zh(); i++)
        if (dj || i != 3)
            cli_pad(stdout, zh[i], widths[i], i > 0);
    if (cli_show_zh())
        putchar('\n');
    for (size_t i = 0; i < shebao_projection_ledger_count(p); i++) {
        shebao_ledger_row r;
        shebao_projection_ledger_row(p, i, &r);
        printf("%-6d %10s %10s", r.year, cli_money(r.grade, a), cli_money(r.personal, b));
        if (dj)
            printf(" %10s", cli_money(r.daijiao, a));
        char rate[CLI_WORD_BUFSZ];
        printf(" %10s %10s %8s %10s %10s %12s\n", cli_money(r.subsidy, c), cli_money(r.collective, d),
               cli_rate(r.rate, rate), cli_money(r.interest, e), cli_money(r.backpay, f), cli_money(r.balance, g));
    }
}

static void print_table(const shebao_projection *p, const char *growth, cli_lang l, const cli_notes *notes)
{
    char a[CLI_WORD_BUFSZ], b[SHEBAO_MONEY_BUFSZ], t[96];
    print_ledger(p);
    printf("\n%s: %d\n", cli_pair(t, sizeof t, "缴费年限", "Years paid"), shebao_projection_years_paid(p));
    static const cli_term lifetime[] = {CLI_TERM_RATE, CLI_TERM_BREAKEVEN, CLI_TERM_EPV, CLI_TERM_PV_PAID,
                                        CLI_TERM_INHERITABLE};
    size_t nterms = 1; /* the ledger's rate; the lifetime figures when they are shown */
    if (!shebao_projection_eligible(p)) {
        /* (zh: the advice below says what is missing) */
        char en[160];
        snprintf(en, sizeof en, "Not eligible at %s: %d more year(s) needed; a back payment of %d year(s) would "
                 "qualify.", shebao_projection_claim_month(p), shebao_projection_years_missing(p),
                 shebao_projection_years_missing(p));
        if (cli_lang_get() != CLI_LANG_BOTH)
            cli_head(stdout, "不符合领取条件", en);
        else
            printf("不符合领取条件 Not eligible at %s: %d more year(s) needed; a back payment (补缴) of %d year(s) "
                   "would qualify.\n", shebao_projection_claim_month(p), shebao_projection_years_missing(p),
                   shebao_projection_years_missing(p));
        cli_print_advice(p);
    } else {
        printf("\n%s %s\n", cli_pair(t, sizeof t, "按月领取", "Monthly pension from"), shebao_projection_claim_month(p));
        figure_line("基础养老金", "base pension", fig_yuan(p, SHEBAO_FIG_BASE_PENSION, l, a), "");
        if (shebao_projection_base_carried_forward(p))
            print_past_horizon(growth);
        figure_line("缴费年限养老金", "years pension", fig_yuan(p, SHEBAO_FIG_YEARS_PENSION, l, a), "");
        snprintf(t, sizeof t, cli_lang_get() == CLI_LANG_ZH ? "   (余额 %s)" : "   (balance %s)",
                 cli_fig(p, SHEBAO_FIG_BALANCE, b));
        figure_line("个人账户养老金", "account pension", fig_yuan(p, SHEBAO_FIG_ACCOUNT_PENSION, l, a), t);
        figure_line("高龄补贴等", "age supplement", fig_yuan(p, SHEBAO_FIG_AGE_SUPPLEMENT, l, a), "");
        figure_line("合计", "monthly total", fig_yuan(p, SHEBAO_FIG_MONTHLY_TOTAL, l, a), "");
        cli_head(stdout, "\n终身", "\nLifetime");
        figure_line("个人缴费合计", "personal total paid", fig_yuan(p, SHEBAO_FIG_PERSONAL_TOTAL, l, a), "");
        int m;
        char month[8];
        shebao_fen f = -1;
        if (shebao_projection_breakeven(p, &m, month, sizeof month) == SHEBAO_OK) {
            snprintf(t, sizeof t, "   (%s)", cli_duration(m, l, a));
            figure_line("回本", "break-even", month, t);
        } else if (shebao_projection_figure(p, SHEBAO_FIG_PERSONAL_TOTAL, &f) == SHEBAO_OK && f == 0)
            figure_line("回本", "break-even", "—",
                        cli_lang_get() == CLI_LANG_BOTH ? "   (nothing paid personally: every year 代缴)"
                        : cli_lang_get() == CLI_LANG_ZH ? "   (个人未缴费：每年都由政府代缴)"
                                                        : "   (nothing paid personally: every year paid by the government)");
        figure_line("丧葬补助", "funeral grant", fig_yuan(p, SHEBAO_FIG_FUNERAL_GRANT, l, a), "");
        nterms = 2;
        if (*fig_yuan(p, SHEBAO_FIG_EPV_BENEFITS, l, a)) {
            figure_line("待遇精算现值", "EPV of benefits", a, "");
            figure_line("缴费终值", "PV of contributions", fig_yuan(p, SHEBAO_FIG_PV_CONTRIBUTIONS, l, a), "");
            figure_line("预期可继承余额", "expected inheritance", fig_yuan(p, SHEBAO_FIG_INHERITABLE, l, a), "");
            nterms = 5;
        }
    }
    cli_print_notes(stdout, l, notes, lifetime, nterms);
    print_now(p, growth, l);
    cli_print_params("This result rests", shebao_projection_assumption_count(p), assumption_at, p);
}

static void print_csv(const shebao_projection *p)
{
    char a[SHEBAO_MONEY_BUFSZ], month[8] = "";
    printf("status,claim_month,years_paid,balance,account_pension,base_pension,years_pension,age_supplement,"
           "monthly_total,personal_total,breakeven_month,epv_benefits,non_official_values\n");
    printf("%s,%s,%d,", shebao_projection_eligible(p) ? "ok" : "not_eligible", shebao_projection_claim_month(p),
           shebao_projection_years_paid(p));
    cli_csv_figures(p);
    shebao_projection_breakeven(p, NULL, month, sizeof month);
    printf("%s,", month);
    printf("%s,\"", cli_fig(p, SHEBAO_FIG_EPV_BENEFITS, a));
    /* the non-official values the result rests on: path[@from]=value(status), separated by ';' */
    for (size_t i = 0; i < shebao_projection_assumption_count(p); i++) {
        shebao_param q;
        shebao_projection_assumption(p, i, &q);
        printf("%s%s%s%s=%s(%s)", i ? ";" : "", q.path, q.from[0] ? "@" : "", q.from, q.value,
               shebao_status_name(q.status));
    }
    printf("\"\n");
}

/* ---- the command ------------------------------------------------------------------------------------------- */

typedef struct backpay_opt {
    int years; /* 0: none */
    shebao_fen grade;
} backpay_opt;

typedef struct project_opts {
    const char *file, *region, *format, *sex, *plan, *grade, *future_rate, *discount, *mortality, *base_growth;
    cli_month birth, as_of;
    cli_int start, years;
    shebao_fen collective;
    backpay_opt backpay;
    bool explain, daijiao;
} project_opts;

/* --backpay N:GRADE. */
static int check_backpay(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    (void)o;
    backpay_opt *b = dest;
    const char *why = cli_parse_backpay(ctx, v, &b->years, &b->grade);
    if (why) {
        cli_err("--backpay '%.40s': %s", v, why);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

#define AT(m) .at = offsetof(project_opts, m)
static const cli_opt project_table[] = {
    CLI_OPTS_POLICY(project_opts),
    {.name = "birth", .value = "YYYY-MM", .kind = CLI_MONTH, .flags = CLI_REQUIRED, AT(birth), .hi = SHEBAO_BIRTH_YEAR_MAX,
     .help = N_("month of birth")},
    CLI_OPT_SEX(project_opts),
    {.name = "plan", .value = "SPEC", .kind = CLI_TEXT, .flags = CLI_REQUIRED | CLI_OR, AT(plan),
     .help = N_("the grades paid: YYYY-YYYY:GRADE or YYYY:GRADE, comma-separated")},
    {.name = "grade", .value = "G", .kind = CLI_TEXT, .flags = CLI_AND, AT(grade),
     .help = N_("one grade paid every year (with --start and --years)")},
    {.name = "start", .value = "YYYY", .kind = CLI_INT, .flags = CLI_AND, AT(start), .lo = 1900, .hi = 2199,
     .what = N_("a year"), .help = N_("the first year paid")},
    {.name = "years", .value = "N", .kind = CLI_INT, AT(years), .lo = 1, .hi = 100,
     .what = N_("a whole number of years"), .help = N_("the number of years paid")},
    CLI_OPT_COLLECTIVE(project_opts),
    {.name = "backpay", .value = "N:GRADE", .kind = CLI_CHECK, AT(backpay), .check = check_backpay,
     .help = N_("a back payment (补缴) of N years at GRADE, at the claim")},
    CLI_OPT_DAIJIAO(project_opts),
    {.name = "future-rate", .value = "R", .kind = CLI_TEXT, AT(future_rate),
     .help = N_("interest rate for the years past the policy's list (default the policy's assumption)")},
    CLI_OPT_DISCOUNT(project_opts),
    {.name = "base-growth", .value = "R", .kind = CLI_TEXT, AT(base_growth),
     .help = N_("the base pension's growth a year after the policy's data_through (default 0)")},
    {.name = "as-of", .value = "YYYY-MM", .kind = CLI_MONTH, AT(as_of), .hi = 2199,
     .help = N_("the month of the \"pension now\" block (default this month of the system clock)")},
    CLI_OPT_MORTALITY(project_opts),
    CLI_OPT_FORMAT(project_opts, "table|json|csv"),
    {.name = "explain", .kind = CLI_SWITCH, AT(explain),
     .help = N_("every step with its formula, inputs, parameters and rounding")},
    {0},
};
#undef AT

const cli_command cli_cmd_project = {
    .name = "project",
    .summary = N_("one person's resident pension (城乡居民基本养老保险)\n"
               "SPEC: YYYY-YYYY:GRADE or YYYY:GRADE, comma-separated"),
    .example = "project --birth 1975-03 --grade 2000 --start 2020 --years 15",
    .opts = project_table,
    .run = cmd_project,
};

/* The person from the options, or an exit code after a usage error. */
static int person(const project_opts *o, shebao_person *pe)
{
    if (o->file && o->region)
        return cli_usage("give --region or --policy, not both");
    if (!o->birth.text)
        return cli_usage("project needs --birth YYYY-MM");
    bool one = o->grade || o->start.set || o->years.set;
    if (o->plan && one)
        return cli_usage("give either --plan or --grade/--start/--years, not both");
    if (!o->plan && one && !(o->grade && o->start.set && o->years.set))
        return cli_usage("--grade, --start and --years go together");
    if (!o->plan && !o->grade && o->backpay.years == 0)
        return cli_usage("project needs --plan SPEC or --grade G --start YYYY --years N (or --backpay N:GRADE)");
    pe->birth_year = o->birth.y;
    pe->birth_month = o->birth.m;
    if (o->sex)
        cli_parse_sex(o->sex, &pe->sex);
    pe->collective = o->collective;
    pe->backpay_years = o->backpay.years;
    pe->backpay_grade = o->backpay.grade;
    pe->future_rate = o->future_rate;
    pe->discount = o->discount;
    pe->base_growth = o->base_growth;
    if (o->as_of.text) {
        pe->as_of_year = o->as_of.y;
        pe->as_of_month = o->as_of.m;
    } else { /* this month of the system clock */
        time_t t = time(NULL);
        struct tm tm;
        if (t != (time_t)-1 && localtime_r(&t, &tm)) {
            pe->as_of_year = tm.tm_year + 1900;
            pe->as_of_month = tm.tm_mon + 1;
        }
    }
    if (o->mortality)
        shebao_mortality_from_name(o->mortality, &pe->mortality);
    pe->explain = o->explain;
    pe->daijiao = o->daijiao;
    return EXIT_OK;
}

/* The plan: parsed from --plan (into *plan, to shebao_free), or the one segment of --grade/--start/--years. */
static int plan_of(shebao_ctx *ctx, const project_opts *o, shebao_person *pe, shebao_segment *one,
                   shebao_segment **plan)
{
    *plan = NULL;
    if (o->plan) {
        size_t n = 0;
        int rc = shebao_plan_parse(ctx, o->plan, plan, &n);
        if (rc != SHEBAO_OK)
            return cli_fail(ctx, rc);
        pe->plan = *plan;
        pe->plan_count = n;
    } else if (o->grade) {
        int rc = shebao_money_parse(ctx, o->grade, &one->grade);
        if (rc != SHEBAO_OK || one->grade <= 0) {
            if (rc != SHEBAO_OK) /* the library's message already quotes the value */
                cli_err("--grade %s", shebao_ctx_errmsg(ctx));
            else
                cli_err("--grade '%.40s': must be positive", o->grade);
            return EXIT_INPUT;
        }
        one->first_year = (int)o->start.v;
        one->last_year = (int)(o->start.v + o->years.v - 1);
        pe->plan = one;
        pe->plan_count = 1;
    }
    return EXIT_OK;
}

/* The projection in the format asked for. */
static int print(const shebao_projection *p, const shebao_policy *pol, const project_opts *o, bool explain)
{
    const char *format = o->format;
    char *text = NULL;
    bool json = strcmp(format, "json") == 0;
    if (explain && !json) { /* JSON carries it as "explain" */
        if (shebao_projection_explain(p, &text) == SHEBAO_OK) {
            cli_head(stdout, "计算过程", "How it was computed");
            cli_puts(text);
        }
        shebao_free(text);
        text = NULL;
    }
    int exit_code = EXIT_OK;
    if (json) {
        if (shebao_projection_to_json(p, &text) == SHEBAO_OK)
            cli_puts(text);
        else
            exit_code = EXIT_INTERNAL;
        shebao_free(text);
    } else if (strcmp(format, "csv") == 0) {
        print_csv(p);
    } else {
        cli_policy_title(stdout, pol, cli_lang_from(NULL));
        putchar('\n');
        cli_notes notes = {.discount = o->discount, .no_life_table = o->mortality && !strcmp(o->mortality, "none")};
        print_table(p, o->base_growth, cli_lang_from(NULL), &notes);
    }
    return exit_code;
}

int cmd_project(shebao_ctx *ctx, int argc, char **argv)
{
    project_opts o = {.format = "table"};
    int rc = cli_parse(&cli_cmd_project, ctx, argc, argv, 2, &o);
    if (rc != CLI_GO)
        return rc;
    shebao_person pe = SHEBAO_PERSON_INIT;
    shebao_segment *plan = NULL, one;
    if ((rc = person(&o, &pe)) != EXIT_OK || (rc = plan_of(ctx, &o, &pe, &one, &plan)) != EXIT_OK)
        return rc;
    shebao_policy *pol = NULL;
    rc = cli_load_policy(ctx, o.file, o.region, &pol);
    if (rc != SHEBAO_OK) {
        shebao_free(plan);
        return cli_fail(ctx, rc);
    }
    shebao_projection *p = NULL;
    rc = shebao_project(ctx, pol, &pe, &p);
    int exit_code = rc != SHEBAO_OK ? cli_fail(ctx, rc) : print(p, pol, &o, pe.explain);
    shebao_projection_free(p);
    cli_policy_free(pol);
    shebao_free(plan);
    return exit_code;
}
