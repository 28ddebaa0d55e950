/* shebao project: one person's resident-pension projection. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *money(shebao_fen f, char buf[SHEBAO_MONEY_BUFSZ])
{
    shebao_money_format(f, buf, SHEBAO_MONEY_BUFSZ);
    return buf;
}

static const char *fig(const shebao_projection *p, shebao_figure w, char buf[SHEBAO_MONEY_BUFSZ])
{
    shebao_fen f;
    if (shebao_projection_figure(p, w, &f) != SHEBAO_OK)
        return "";
    return money(f, buf);
}

static void print_table(const shebao_projection *p)
{
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ], d[SHEBAO_MONEY_BUFSZ],
        e[SHEBAO_MONEY_BUFSZ], f[SHEBAO_MONEY_BUFSZ], g[SHEBAO_MONEY_BUFSZ];
    printf("个人账户 Individual account ledger\n");
    printf("%-6s %10s %10s %10s %10s %8s %10s %10s %12s\n", "year", "grade", "personal", "subsidy", "collective",
           "rate", "interest", "backpay", "balance");
    static const char *const zh[] = {"年度", "档次", "个人缴费", "政府补贴", "集体补助", "利率", "利息", "补缴", "余额"};
    static const int widths[] = {7, 11, 11, 11, 11, 9, 11, 11, 13};
    for (int i = 0; i < 9; i++)
        cli_pad(stdout, zh[i], widths[i], i > 0);
    putchar('\n');
    for (size_t i = 0; i < shebao_projection_ledger_count(p); i++) {
        shebao_ledger_row r;
        shebao_projection_ledger_row(p, i, &r);
        printf("%-6d %10s %10s %10s %10s %8s %10s %10s %12s\n", r.year, money(r.grade, a), money(r.personal, b),
               money(r.subsidy, c), money(r.collective, d), r.rate, money(r.interest, e), money(r.backpay, f),
               money(r.balance, g));
    }
    printf("\n缴费年限 Years paid: %d\n", shebao_projection_years_paid(p));
    if (!shebao_projection_eligible(p)) {
        printf("不符合领取条件 Not eligible at %s: %d more year(s) needed; a back payment (补缴) of %d year(s) "
               "would qualify.\n", shebao_projection_claim_month(p), shebao_projection_years_missing(p),
               shebao_projection_years_missing(p));
    } else {
        printf("\n按月领取 Monthly pension from %s\n", shebao_projection_claim_month(p));
        printf("  基础养老金     base pension          %12s\n", fig(p, SHEBAO_FIG_BASE_PENSION, a));
        if (shebao_projection_base_carried_forward(p))
            printf("                 (carried forward past the last dated value in the policy; 沿用最近公布标准)\n");
        printf("  缴费年限养老金 years pension         %12s\n", fig(p, SHEBAO_FIG_YEARS_PENSION, a));
        printf("  个人账户养老金 account pension       %12s   (balance %s)\n", fig(p, SHEBAO_FIG_ACCOUNT_PENSION, a),
               fig(p, SHEBAO_FIG_BALANCE, b));
        printf("  高龄补贴等     age supplement        %12s\n", fig(p, SHEBAO_FIG_AGE_SUPPLEMENT, a));
        printf("  合计           monthly total         %12s\n", fig(p, SHEBAO_FIG_MONTHLY_TOTAL, a));
        printf("\n终身 Lifetime\n");
        printf("  个人缴费合计   personal total paid   %12s\n", fig(p, SHEBAO_FIG_PERSONAL_TOTAL, a));
        int m;
        char month[8];
        if (shebao_projection_breakeven(p, &m, month, sizeof month) == SHEBAO_OK)
            printf("  回本           break-even            %12s   (%d months, %d years %d months)\n", month, m, m / 12,
                   m % 12);
        printf("  丧葬补助       funeral grant         %12s\n", fig(p, SHEBAO_FIG_FUNERAL_GRANT, a));
        if (*fig(p, SHEBAO_FIG_EPV_BENEFITS, a)) {
            printf("  待遇精算现值   EPV of benefits       %12s\n", a);
            printf("  缴费终值       PV of contributions   %12s\n", fig(p, SHEBAO_FIG_PV_CONTRIBUTIONS, a));
            printf("  预期可继承余额 expected inheritance  %12s\n", fig(p, SHEBAO_FIG_INHERITABLE, a));
        }
    }
    size_t n = shebao_projection_assumption_count(p);
    if (n) {
        printf("\n非官方数值 This result rests on %zu non-official value(s):\n", n);
        for (size_t i = 0; i < n; i++) {
            shebao_param q;
            shebao_projection_assumption(p, i, &q);
            cli_print_param(&q);
        }
    }
}

static void print_csv(const shebao_projection *p)
{
    char a[SHEBAO_MONEY_BUFSZ], month[8] = "";
    printf("status,claim_month,years_paid,balance,account_pension,base_pension,years_pension,age_supplement,"
           "monthly_total,personal_total,breakeven_month,epv_benefits,non_official_values\n");
    printf("%s,%s,%d,", shebao_projection_eligible(p) ? "ok" : "not_eligible", shebao_projection_claim_month(p),
           shebao_projection_years_paid(p));
    printf("%s,", fig(p, SHEBAO_FIG_BALANCE, a));
    printf("%s,", fig(p, SHEBAO_FIG_ACCOUNT_PENSION, a));
    printf("%s,", fig(p, SHEBAO_FIG_BASE_PENSION, a));
    printf("%s,", fig(p, SHEBAO_FIG_YEARS_PENSION, a));
    printf("%s,", fig(p, SHEBAO_FIG_AGE_SUPPLEMENT, a));
    printf("%s,", fig(p, SHEBAO_FIG_MONTHLY_TOTAL, a));
    printf("%s,", fig(p, SHEBAO_FIG_PERSONAL_TOTAL, a));
    shebao_projection_breakeven(p, NULL, month, sizeof month);
    printf("%s,", month);
    printf("%s,\"", fig(p, SHEBAO_FIG_EPV_BENEFITS, a));
    /* the non-official values the result rests on: path[@from]=value(status), separated by ';' */
    for (size_t i = 0; i < shebao_projection_assumption_count(p); i++) {
        shebao_param q;
        shebao_projection_assumption(p, i, &q);
        printf("%s%s%s%s=%s(%s)", i ? ";" : "", q.path, q.from[0] ? "@" : "", q.from, q.value,
               shebao_status_name(q.status));
    }
    printf("\"\n");
}

int cmd_project(shebao_ctx *ctx, int argc, char **argv)
{
    const char *file = NULL, *region = NULL, *format = "table", *plan_spec = NULL, *grade = NULL;
    int start = 0, years = 0, have_birth = 0;
    shebao_person pe = SHEBAO_PERSON_INIT;
    cli_args a;
    cli_args_init(&a, argc, argv, 2);
    while (cli_next(&a)) {
        const char *v = NULL;
        if (!a.name)
            return cli_usage("project: unexpected argument '%s'", a.value);
        if (strcmp(a.name, "explain") == 0) {
            pe.explain = 1;
            continue;
        }
        if (!(v = cli_value(&a)))
            return EXIT_USAGE;
        if (strcmp(a.name, "policy") == 0) {
            file = v;
        } else if (strcmp(a.name, "region") == 0) {
            region = v;
        } else if (strcmp(a.name, "format") == 0) {
            format = v;
            if (strcmp(v, "table") && strcmp(v, "json") && strcmp(v, "csv"))
                return cli_usage("--format must be table, json or csv, not '%s'", v);
        } else if (strcmp(a.name, "birth") == 0) {
            if (!cli_parse_month(v, &pe.birth_year, &pe.birth_month)) {
                cli_err("--birth '%.40s': expected YYYY-MM (year 1900-2150, month 01-12)", v);
                return EXIT_INPUT;
            }
            have_birth = 1;
        } else if (strcmp(a.name, "sex") == 0) {
            if (strcmp(v, "male") == 0)
                pe.sex = SHEBAO_SEX_MALE;
            else if (strcmp(v, "female") == 0)
                pe.sex = SHEBAO_SEX_FEMALE;
            else
                return cli_usage("--sex must be male or female, not '%s'", v);
        } else if (strcmp(a.name, "plan") == 0) {
            plan_spec = v;
        } else if (strcmp(a.name, "grade") == 0) {
            grade = v;
        } else if (strcmp(a.name, "start") == 0) {
            if (!cli_parse_int(v, 1900, 2199, &start)) {
                cli_err("--start '%.40s': expected a year 1900-2199", v);
                return EXIT_INPUT;
            }
        } else if (strcmp(a.name, "years") == 0) {
            if (!cli_parse_int(v, 1, 100, &years)) {
                cli_err("--years '%.40s': expected a whole number of years 1-100", v);
                return EXIT_INPUT;
            }
        } else if (strcmp(a.name, "collective") == 0) {
            int rc = shebao_money_parse(ctx, v, &pe.collective);
            if (rc != SHEBAO_OK || pe.collective < 0) {
                cli_err("--collective: %s",
                        rc != SHEBAO_OK ? shebao_ctx_errmsg(ctx) : "must not be negative");
                return EXIT_INPUT;
            }
        } else if (strcmp(a.name, "backpay") == 0) {
            const char *why = cli_parse_backpay(ctx, v, &pe.backpay_years, &pe.backpay_grade);
            if (why) {
                cli_err("--backpay '%.40s': %s", v, why);
                return EXIT_INPUT;
            }
        } else if (strcmp(a.name, "future-rate") == 0) {
            pe.future_rate = v;
        } else if (strcmp(a.name, "discount") == 0) {
            pe.discount = v;
        } else if (strcmp(a.name, "mortality") == 0) {
            if (shebao_mortality_from_name(v, &pe.mortality) != SHEBAO_OK)
                return cli_usage("--mortality must be cl2010-2013-pension or none, not '%s'", v);
        } else {
            return cli_usage("unknown option --%s for project", a.name);
        }
    }
    if (file && region)
        return cli_usage("give --region or --policy, not both");
    if (!have_birth)
        return cli_usage("project needs --birth YYYY-MM");
    if (plan_spec && (grade || start || years))
        return cli_usage("give either --plan or --grade/--start/--years, not both");
    if (!plan_spec && (grade || start || years) && !(grade && start && years))
        return cli_usage("--grade, --start and --years go together");
    if (!plan_spec && !grade && pe.backpay_years == 0)
        return cli_usage("project needs --plan SPEC or --grade G --start YYYY --years N (or --backpay N:GRADE)");

    shebao_segment *plan = NULL, one;
    size_t nplan = 0;
    if (plan_spec) {
        int rc = shebao_plan_parse(ctx, plan_spec, &plan, &nplan);
        if (rc != SHEBAO_OK)
            return cli_fail(ctx, rc);
        pe.plan = plan;
        pe.plan_count = nplan;
    } else if (grade) {
        int rc = shebao_money_parse(ctx, grade, &one.grade);
        if (rc != SHEBAO_OK || one.grade <= 0) {
            if (rc != SHEBAO_OK) /* the library's message already quotes the value */
                cli_err("--grade %s", shebao_ctx_errmsg(ctx));
            else
                cli_err("--grade '%.40s': must be positive", grade);
            return EXIT_INPUT;
        }
        one.first_year = start;
        one.last_year = start + years - 1;
        pe.plan = &one;
        pe.plan_count = 1;
    }
    shebao_policy *pol = NULL;
    int rc = cli_load_policy(ctx, file, region, &pol);
    if (rc != SHEBAO_OK) {
        shebao_free(plan);
        return cli_fail(ctx, rc);
    }
    shebao_projection *p = NULL;
    rc = shebao_project(ctx, pol, &pe, &p);
    int exit_code = EXIT_OK;
    if (rc != SHEBAO_OK) {
        exit_code = cli_fail(ctx, rc);
    } else {
        char *text = NULL;
        if (pe.explain && strcmp(format, "json") != 0) { /* JSON carries it as "explain" */
            if (shebao_projection_explain(p, &text) == SHEBAO_OK) {
                fputs("计算过程 How it was computed\n", stdout);
                cli_puts(text);
            }
            shebao_free(text);
            text = NULL;
        }
        if (strcmp(format, "json") == 0) {
            if (shebao_projection_to_json(p, &text) == SHEBAO_OK)
                cli_puts(text);
            else
                exit_code = EXIT_INTERNAL;
            shebao_free(text);
        } else if (strcmp(format, "csv") == 0) {
            print_csv(p);
        } else {
            printf("policy %s (%s)\n\n", shebao_policy_id(pol), shebao_policy_lineage(pol));
            print_table(p);
        }
    }
    shebao_projection_free(p);
    shebao_policy_free(pol);
    shebao_free(plan);
    return exit_code;
}
