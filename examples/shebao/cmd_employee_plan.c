/* shebao employee --plan: a flexible worker's plan (灵活就业) in the employee scheme: the ledger, the form it
 * implies, the claim and the lifetime figures. */
#include <stdlib.h>
#include <string.h>

#include "employee_cli.h"

static int plan_assumption_at(const void *from, size_t i, shebao_param *out)
{
    return shebao_employee_plan_assumption(from, i, out);
}

/* The ledger: the table's rows, or CSV. */
static void plan_rows(const shebao_employee_plan *pl, bool csv)
{
    char w[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], p[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ],
        i[SHEBAO_MONEY_BUFSZ], bal[SHEBAO_MONEY_BUFSZ];
    if (!csv && cli_lang_get() == CLI_LANG_ZH) {
        /* the columns of the rows below, right-aligned (a flag column after wage, base and the interest rate) */
        static const char *const zh[] = {"年度", "月数", "月工资", "缴费基数", "指数", "费率", "个人缴费", "记入账户",
                                         "记账利率", "利息", "余额"};
        static const int width[] = {4, 6, 10, 11, 8, 5, 11, 11, 8, 11, 11};
        printf(" ");
        for (int k = 0; k < 11; k++) {
            putchar(' ');
            cli_pad(stdout, zh[k], width[k], true);
        }
        putchar('\n');
    } else
    printf(csv ? "year,months,wage,wage_assumed,base,clamped,index,contribution_rate,personal,credited,rate,"
                 "rate_assumed,interest,balance\n"
           : cli_lang_get() == CLI_LANG_EN /* (the interest rate credited: int.rate, as wide as 记账利率) */
               ? "  year months  wage/month        base   index  rate        paid    credited  int.rate    interest     "
                 "balance\n"
               : "  year months  wage/month        base   index  rate        paid    credited  记账利率    interest     "
                 "balance\n");
    for (size_t k = 0; k < shebao_employee_plan_row_count(pl); k++) {
        shebao_employee_plan_row r = SHEBAO_EMPLOYEE_PLAN_ROW_INIT;
        shebao_employee_plan_row_get(pl, k, &r);
        bool paid = r.months > 0;
        char cr[CLI_WORD_BUFSZ], rr[CLI_WORD_BUFSZ];
        const char *none = csv ? "" : "-", *base = paid ? cli_money(r.base, b) : none;
        cli_money(r.wage, w);
        cli_money(r.personal, p);
        cli_money(r.credited, c);
        cli_money(r.interest, i);
        cli_money(r.balance, bal);
        if (csv)
            printf("%d,%d,%s,%d,%s,%d,%s,%s,%s,%s,%s,%d,%s,%s\n", r.year, r.months, w, r.wage_assumed, base, r.clamped,
                   r.index, r.contribution_rate, p, c, r.rate, r.rate_assumed, i, bal);
        else
            printf("  %4d %6d %10s%s %10s%s %7s %5s %11s %11s %7s%s %11s %11s\n", r.year, r.months, w,
                   r.wage_assumed ? "*" : " ", base, r.clamped < 0 ? "^" : r.clamped > 0 ? "v" : " ",
                   paid ? r.index : none, paid ? cli_rate(r.contribution_rate, cr) : none, p, c, cli_rate(r.rate, rr),
                   r.rate_assumed ? "*" : " ", i, bal);
    }
    if (!csv)
        printf(cli_lang_get() == CLI_LANG_ZH ? "  （* 为预测或假设；^ 提高到缴费基数下限，v 降到上限）\n"
                                             : "  (* projected or assumed; ^ raised to the band's floor, v lowered to its "
                                               "ceiling)\n");
}

static void plan_table(const shebao_policy *pol, const shebao_employee_plan *pl)
{
    char w[CLI_WORD_BUFSZ], x[CLI_WORD_BUFSZ], y[CLI_WORD_BUFSZ],
        z[CLI_WORD_BUFSZ];
    cli_lang l = cli_lang_from(NULL);
    const shebao_employee_form *f = shebao_employee_plan_form(pl);
    const shebao_employee_pension *p = shebao_employee_plan_claim(pl);
    shebao_employee_plan_figures g = SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT;
    shebao_employee_plan_figures_get(pl, &g);
    cli_policy_title(stdout, pol, cli_lang_from(NULL));
    putchar('\n');
    char zh[200], en[200];
    snprintf(zh, sizeof zh, "灵活就业缴费（政策最后一年之后的社平工资：每年 +%s，假设）", cli_rate(g.wage_growth, w));
    snprintf(en, sizeof en, "Flexible worker's payments (average wage after the policy's last year: +%s a year, "
             "assumed)", w);
    cli_head(stdout, cli_pick(zh, en) ? zh : "灵活就业缴费", en);
    plan_rows(pl, false);
    cli_yuan(g.personal_total, l, y);
    cli_yuan(g.account, l, z);
    snprintf(zh, sizeof zh, "  个人缴费合计 %s（%d 个月）; 个人账户 %s", y, g.months, z);
    snprintf(en, sizeof en, "  personal total %s in %d months; account at retirement %s", y, g.months, z);
    if (cli_pick(zh, en))
        cli_head(stdout, zh, en);
    else
        printf("  个人缴费合计 personal total %s in %d months; 个人账户 account at retirement %s\n", y, g.months, z);
    putchar('\n');
    employee_claim_out(f, p);
    if (g.benefit_base_projected)
        printf(cli_lang_get() == CLI_LANG_ZH ? "  （计发基数为预测：%d 年社平工资 ÷ 12）\n"
                                             : "  (benefit base projected: the average wage of %d ÷ 12)\n",
               f->retire_year - 1);
    if (p->eligible) {
        snprintf(zh, sizeof zh, "\n终身（生命表 cl2010-2013-pension，折现率 %s；领取后养老金不调整）",
                 cli_rate(g.discount, w));
        snprintf(en, sizeof en, "\nLifetime (life table cl2010-2013-pension, discount %s; the pension not adjusted "
                 "after the claim)", w);
        cli_head(stdout, cli_pick(zh, en) ? zh : "\n终身", en);
        if (g.has_breakeven) {
            cli_duration(g.breakeven_months, l, w);
            cli_age(g.breakeven_age_years * 12 + g.breakeven_age_months, l, x);
            snprintf(zh, sizeof zh, "  回本：%s 后，%04d-%02d，%s", w, g.breakeven_year, g.breakeven_month, x);
            snprintf(en, sizeof en, "  break-even after %s, %04d-%02d, at %s", w, g.breakeven_year,
                     g.breakeven_month, x);
            cli_head(stdout, cli_pick(zh, en) ? zh : "  回本", en);
        }
        printf(cli_lang_get() == CLI_LANG_ZH ? "  待遇精算现值 %s；缴费终值 %s；价值比 %s；内部收益率 %s\n"
                                             : "  EPV %s; PV of the payments %s; money's worth %s; IRR %s\n",
               cli_yuan(g.epv_benefits, l, y),
               cli_yuan(g.pv_contributions, l, z), g.has_ratio ? g.moneys_worth_ratio : "-",
               g.has_irr ? cli_rate2(g.irr, w) : "-");
        printf(cli_lang_get() == CLI_LANG_ZH ? "  预期可继承余额 %s\n" : "  expected inheritable account %s\n",
               cli_yuan(g.expected_inheritable_balance, l, y));
        static const cli_term terms[] = {CLI_TERM_BREAKEVEN, CLI_TERM_EPV, CLI_TERM_RATIO, CLI_TERM_IRR};
        cli_notes notes = {.discount = g.discount};
        cli_print_notes(stdout, l, &notes, terms, sizeof terms / sizeof terms[0]);
    }
    cli_print_params("This result rests", shebao_employee_plan_assumption_count(pl), plan_assumption_at, pl);
}

int cmd_employee_plan(shebao_ctx *ctx, const employee_opts *o)
{
    if (!o->birth.text || !o->category)
        return cli_usage("employee --plan needs --birth and --category");
    if (o->years || o->account != SHEBAO_UNSET || o->tyears || o->tindex || o->base != SHEBAO_UNSET)
        return cli_usage("--plan takes --paid-years and --index, not the form's --years-paid, --account, "
                         "--transition-years, --transition-index or --benefit-base");
    if (!o->paid != !o->index)
        return cli_usage("give --paid-years and --index together");
    shebao_employee_plan_input in = SHEBAO_EMPLOYEE_PLAN_INPUT_INIT;
    in.birth_year = o->birth.y;
    in.birth_month = o->birth.m;
    shebao_retire_category_from_name(o->category, &in.category);
    in.plan = o->plan;
    in.years_paid = o->paid;
    in.index = o->index;
    in.retire_year = o->retire.text ? o->retire.y : 0;
    in.retire_month = o->retire.text ? o->retire.m : 0;
    in.wage_growth = o->growth;
    in.discount = o->discount;
    in.explain = o->explain;
    shebao_policy *pol = NULL;
    int rc = cli_load_policy(ctx, o->file, o->region, &pol);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    shebao_employee_plan *pl = NULL;
    rc = shebao_employee_plan_compute(ctx, pol, &in, &pl);
    int code = EXIT_OK;
    char *text = NULL;
    if (rc != SHEBAO_OK)
        code = employee_fail(ctx, rc, true);
    else if (strcmp(o->format, "json") == 0)
        code = cli_print_json(shebao_employee_plan_to_json(pl, &text), &text);
    else {
        if (o->explain)
            cli_puts(shebao_employee_plan_explain(pl));
        if (strcmp(o->format, "csv") == 0)
            plan_rows(pl, true);
        else
            plan_table(pol, pl);
    }
    shebao_employee_plan_free(pl);
    cli_policy_free(pol);
    return code;
}
