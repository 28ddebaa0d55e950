/* shebao employee: the monthly employee pension (城镇职工基本养老保险) of a benefit form (核定表) from the form's
 * own inputs: years paid, index, account, and the transition years before the account; or of a flexible worker's
 * plan (--plan, cmd_employee_plan.c). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "employee_cli.h"


#define AT(m) .at = offsetof(employee_opts, m)
static const cli_opt employee_table[] = {
    CLI_OPTS_RETIREE(employee_opts),
    {.name = "retire", .value = "YYYY-MM", .kind = CLI_MONTH, AT(retire), .hi = SHEBAO_YEAR_MAX,
     .help = N_("month of retirement (within the elastic window of 'shebao retire'); with --plan, default the statutory "
             "month")},
    {.name = "plan", .value = "YYYY-YYYY:SHARE%,...", .kind = CLI_TEXT, AT(plan),
     .help = N_("a flexible worker's plan (灵活就业): years at a share (60%-300%) of the average wage, or at an amount "
             "a month")},
    {.name = "paid-years", .value = "N", .kind = CLI_TEXT, AT(paid),
     .help = N_("with --plan: years already paid before the plan, with their average --index")},
    {.name = "years-paid", .value = "N", .kind = CLI_TEXT, AT(years),
     .help = N_("contribution years with deemed years (缴费年限), a decimal, e.g. 42.83")},
    {.name = "index", .value = "Z", .kind = CLI_TEXT, AT(index),
     .help = N_("average contribution index (平均缴费指数), e.g. 0.7219")},
    {.name = "account", .value = "AMOUNT", .kind = CLI_CHECK, AT(account),
     .check = cli_check_amount, .help = N_("the individual account at retirement (个人账户储存额)")},
    {.name = "benefit-base", .value = "AMOUNT", .kind = CLI_CHECK, AT(base), .check = cli_check_amount,
     .help = N_("the benefit base C (计发基数) to use instead of the policy's (a plan's projected base)")},
    {.name = "transition-years", .value = "N", .kind = CLI_TEXT, .flags = CLI_AND, AT(tyears),
     .help = N_("years before the account (视同缴费年限 and years before 1998), a decimal")},
    {.name = "transition-index", .value = "Z", .kind = CLI_TEXT, AT(tindex),
     .help = N_("their average index (过渡性养老金)")},
    {.name = "wage-growth", .value = "R", .kind = CLI_TEXT, AT(growth),
     .help = N_("with --plan: yearly growth of the average wage after the policy's last year (default 0.03, an "
             "assumption)")},
    CLI_OPT_DISCOUNT(employee_opts),
    CLI_OPTS_POLICY(employee_opts),
    CLI_OPT_FORMAT(employee_opts, "table|json|csv"),
    {.name = "explain", .kind = CLI_SWITCH, AT(explain), .help = N_("with --plan: show every step of the computation")},
    {0},
};
#undef AT

const cli_command cli_cmd_employee = {
    .name = "employee",
    .summary = N_("employee pension of a benefit form (职工养老金核定): basic, account, transition,\n"
               "provincial extras, monthly total"),
    .example = "employee --birth 1976-06 --category female50 --retire 2026-06 --years-paid 19.42 "
               "--index 1.1222 --account 149442.32",
    .opts = employee_table,
    .extra = N_("takes no arguments"),
    .run = cmd_employee,
};

/* A refusal of the library: its message, whose first word names a member of the input struct, with the option
 * the person typed instead (`years_paid 'abc'` is `--years-paid 'abc'`; with --plan, `--paid-years`). */
int employee_fail(shebao_ctx *ctx, int rc, bool plan)
{
    static const char *const names[][2] = {
        {"years_paid", "--years-paid"},         {"index", "--index"},
        {"transition_years", "--transition-years"}, {"transition_index", "--transition-index"},
        {"benefit_base", "--benefit-base"},
    };
    const char *msg = shebao_ctx_errmsg(ctx);
    for (size_t i = 0; msg && i < sizeof names / sizeof names[0]; i++) {
        size_t n = strlen(names[i][0]);
        if (strncmp(msg, names[i][0], n) == 0 && (msg[n] == ' ' || msg[n] == ':')) {
            cli_err("%s%s", plan && i == 0 ? "--paid-years" : names[i][1], msg + n);
            return cli_exit_code(rc);
        }
    }
    return cli_fail(ctx, rc);
}

/* One figure of the pension: its names, the amount with 元 right-aligned in 14 columns (the right edge where the
 * 12-column amount was), or "-". */
static void employee_line(const char *zh, const char *en, int has, shebao_fen v)
{
    char m[CLI_WORD_BUFSZ];
    printf("  ");
    cli_label(stdout, zh, 16, en, 22);
    cli_pad(stdout, has ? cli_yuan(v, cli_lang_from(NULL), m) : "-", 14, true);
    putchar('\n');
}

/* Assumption i of the claim (from: the policy and the claim). */
typedef struct employee_claim_ref {
    const shebao_policy *pol;
    const shebao_employee_pension *p;
} employee_claim_ref;

static int employee_assumption_at(const void *from, size_t i, shebao_param *out)
{
    const employee_claim_ref *c = from;
    return shebao_employee_pension_assumption(c->pol, c->p, i, out);
}

void employee_claim_out(const shebao_employee_form *f, const shebao_employee_pension *p)
{
    char a[CLI_WORD_BUFSZ];
    char age[CLI_WORD_BUFSZ], zh[200], en[200];
    cli_age(p->age_years * 12 + p->age_months, cli_lang_from(NULL), age);
    const char *category = shebao_retire_category_name(f->category);
    snprintf(zh, sizeof zh, "职工养老金（出生 %04d-%02d，类别 %s，%04d-%02d 退休，%s）", f->birth_year, f->birth_month,
             category, f->retire_year, f->retire_month, age);
    snprintf(en, sizeof en, "Employee pension, born %04d-%02d (%s), retired %04d-%02d at %s", f->birth_year,
             f->birth_month, category, f->retire_year, f->retire_month, age);
    if (cli_pick(zh, en))
        cli_head(stdout, zh, en);
    else
        printf("职工养老金 %s\n", en);
    cli_yuan(p->benefit_base, cli_lang_from(NULL), a);
    snprintf(zh, sizeof zh, "  计发基数 %s (%d%s); 缴费年限 N %s; 指数 Z %s; 计发月数 %s", a, p->base_year,
             p->provisional ? ", 预发" : "", p->years, f->index, p->divisor);
    snprintf(en, sizeof en, "  benefit base %s (%d%s); years paid N %s; index Z %s; divisor %s", a, p->base_year,
             p->provisional ? ", provisional" : "", p->years, f->index, p->divisor);
    if (cli_pick(zh, en))
        cli_head(stdout, zh, en);
    else
        printf("  计发基数 benefit base %s (%d%s); 缴费年限 N %s; 指数 Z %s; 计发月数 divisor %s\n", a, p->base_year,
               p->provisional ? ", provisional: 预发" : "", p->years, f->index, p->divisor);
    if (!p->eligible) {
        snprintf(zh, sizeof zh, "  不符合领取条件：已缴 %s 年，少于最低缴费年限 %d 个月", p->years, p->min_months);
        snprintf(en, sizeof en, "  not eligible: %s years paid, fewer than the minimum of %d months", p->years,
                 p->min_months);
        if (cli_pick(zh, en))
            cli_head(stdout, zh, en);
        else
            printf("  not eligible: %s years paid, fewer than the minimum of %d months (最低缴费年限)\n", p->years,
                   p->min_months);
        return;
    }
    employee_line("基础养老金", "basic pension", 1, p->basic_pension);
    employee_line("个人账户养老金", "account pension", 1, p->account_pension);
    employee_line("过渡性养老金", "transition pension", p->has_transition_pension, p->transition_pension);
    employee_line("过渡调节金", "transition adjustment", p->has_transition_adjustment, p->transition_adjustment);
    employee_line("基本养老金补贴", "pension subsidy", p->has_pension_subsidy, p->pension_subsidy);
    employee_line("合计", "sum", 1, p->sum);
    employee_line("月养老金", "monthly total", 1, p->monthly_total);
}

static void employee_table_out(const shebao_policy *pol, const shebao_employee_form *f, const shebao_employee_pension *p)
{
    cli_policy_title(stdout, pol, cli_lang_from(NULL));
    putchar('\n');
    employee_claim_out(f, p);
    if (!p->eligible)
        return;
    employee_claim_ref c = {pol, p};
    cli_print_params("This result rests", shebao_employee_pension_assumption_count(pol, p), employee_assumption_at, &c);
}

int cmd_employee(shebao_ctx *ctx, int argc, char **argv)
{
    employee_opts o = {.format = "table", .account = SHEBAO_UNSET, .base = SHEBAO_UNSET};
    int code = cli_parse(&cli_cmd_employee, ctx, argc, argv, 2, &o);
    if (code != CLI_GO)
        return code;
    if (o.file && o.region)
        return cli_usage("give --region or --policy, not both");
    if (o.plan)
        return cmd_employee_plan(ctx, &o);
    if (strcmp(o.format, "csv") == 0 || o.explain || o.paid || o.growth || o.discount)
        return cli_usage("--format csv, --explain, --paid-years, --wage-growth and --discount go with --plan");
    if (!o.birth.text || !o.category || !o.retire.text || !o.years || !o.index || o.account == SHEBAO_UNSET)
        return cli_usage("employee needs --birth, --category, --retire, --years-paid, --index and --account");
    if (!o.tyears != !o.tindex)
        return cli_usage("give --transition-years and --transition-index together");
    shebao_employee_form f = SHEBAO_EMPLOYEE_FORM_INIT;
    f.birth_year = o.birth.y;
    f.birth_month = o.birth.m;
    shebao_retire_category_from_name(o.category, &f.category);
    f.retire_year = o.retire.y;
    f.retire_month = o.retire.m;
    f.years_paid = o.years;
    f.index = o.index;
    f.account = o.account;
    f.transition_years = o.tyears;
    f.transition_index = o.tindex;
    f.benefit_base = o.base;
    shebao_policy *pol = NULL;
    int rc = cli_load_policy(ctx, o.file, o.region, &pol);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    shebao_employee_pension p = SHEBAO_EMPLOYEE_PENSION_INIT;
    rc = shebao_employee_claim(ctx, pol, &f, &p);
    char *text = NULL;
    if (rc != SHEBAO_OK)
        code = employee_fail(ctx, rc, false);
    else if (strcmp(o.format, "json") == 0)
        code = cli_print_json(shebao_employee_pension_to_json(pol, &f, &p, &text), &text);
    else {
        employee_table_out(pol, &f, &p);
        code = EXIT_OK;
    }
    cli_policy_free(pol);
    return code;
}
