/* shebao choose: resident scheme or employee scheme as a flexible worker (灵活就业)? The same person at every grade of
 * the resident scheme (shebao_compare's cells at the longest length) and at 60 %, 100 %, 150 %, 200 % and 300 % of
 * the average wage in the employee scheme (shebao_employee_plan_compute), side by side. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "choose.h"
#include "cli_words.h"

typedef struct choose_opts {
    const char *file, *region, *format, *sex, *category, *paid, *discount, *chart;
    cli_month birth;
    cli_int start;
} choose_opts;

/* A refusal of choose's own (its message written): not a library code. */
#define CHOOSE_SAID (-1000)

static int choose_check_chart(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    (void)ctx, (void)o;
    size_t n = strlen(v);
    if (n < 5 || (strcmp(v + n - 4, ".png") != 0 && strcmp(v + n - 4, ".svg") != 0 && strcmp(v + n - 4, ".pdf") != 0))
        return cli_usage("--chart '%.200s': the file name must end in .png, .svg or .pdf", v);
    *(const char **)dest = v;
    return EXIT_OK;
}

#define AT(m) .at = offsetof(choose_opts, m)
static const cli_opt choose_table[] = {
    {.name = "birth", .value = "YYYY-MM", .kind = CLI_MONTH, .flags = CLI_REQUIRED, AT(birth),
     .hi = SHEBAO_BIRTH_YEAR_MAX, .help = N_("month of birth")},
    CLI_OPT_SEX(choose_opts),
    {.name = "start", .value = "YYYY", .kind = CLI_INT, .flags = CLI_REQUIRED, AT(start), .lo = 1900, .hi = 2199,
     .what = N_("a year"), .help = N_("the first year paid, in either scheme")},
    {.name = "category", .value = "male|female55|female50", .kind = CLI_CHOICE, .flags = CLI_USAGE_ERR,
     AT(category), .help = N_("the retirement category in the employee scheme (default: male, or female55 for a woman)")},
    {.name = "paid", .value = "SPEC", .kind = CLI_TEXT, AT(paid),
     .help = N_("已缴年份 resident years already paid, all before --start (as in compare; not counted by the employee "
             "scheme)")},
    CLI_OPT_DISCOUNT(choose_opts),
    CLI_OPTS_POLICY(choose_opts),
    CLI_OPT_FORMAT(choose_opts, "table|json|csv"),
    {.name = "chart", .value = "FILE.png|FILE.svg|FILE.pdf", .kind = CLI_CHECK, AT(chart),
     .check = choose_check_chart, .help = N_("also draw both schemes' monthly pension against the total paid")},
    {0},
};
#undef AT

static const char *const choose_shares[CHOOSE_SHARES] = {"0.60", "1.00", "1.50", "2.00", "3.00"};
static const char *const choose_percent[CHOOSE_SHARES] = {"60%", "100%", "150%", "200%", "300%"};

const cli_command cli_cmd_choose = {
    .name = "choose",
    .summary = N_("resident scheme or employee scheme as a flexible worker (城乡居民 or 灵活就业)?\n"
               "every resident grade and 60%-300% of the average wage, side by side"),
    .example = "choose --birth 1980-05 --sex male --start 2025",
    .opts = choose_table,
    .extra = N_("takes no arguments"),
    .run = cmd_choose,
};

/* The employee plans: from --start to the last year before the retirement month. */
static int choose_employee(shebao_ctx *ctx, const shebao_policy *pol, const choose_opts *o, choose_result *r)
{
    shebao_retire_category cat;
    shebao_retire_category_from_name(r->category, &cat);
    int rc = shebao_retire_compute(ctx, pol, o->birth.y, o->birth.m, cat, &r->ret);
    if (rc != SHEBAO_OK)
        return rc;
    int last = r->ret.month == 1 ? r->ret.year - 1 : r->ret.year;
    if (last > SHEBAO_YEAR_MAX) /* a plan's years end there (a retirement after 2199) */
        last = SHEBAO_YEAR_MAX;
    if (last < r->start) {
        cli_err("--start %d: after the last year before the employee retirement in %04d-%02d", r->start, r->ret.year,
                r->ret.month);
        return CHOOSE_SAID;
    }
    for (size_t k = 0; k < CHOOSE_SHARES; k++) {
        choose_plan *e = &r->emp[k];
        e->share = choose_shares[k];
        snprintf(e->plan, sizeof e->plan, "%d-%d:%s", r->start, last, choose_percent[k]);
        shebao_employee_plan_input in = SHEBAO_EMPLOYEE_PLAN_INPUT_INIT;
        in.birth_year = o->birth.y;
        in.birth_month = o->birth.m;
        in.category = cat;
        in.plan = e->plan;
        in.discount = o->discount;
        if ((rc = shebao_employee_plan_compute(ctx, pol, &in, &e->pl)) != SHEBAO_OK) {
            if (rc == SHEBAO_ENOMEM)
                return rc;
            /* the plan is choose's, not the person's: say which */
            cli_err("employee scheme, plan %s: %s", e->plan, shebao_ctx_errmsg(ctx));
            r->said = cli_exit_code(rc);
            return CHOOSE_SAID;
        }
    }
    return SHEBAO_OK;
}

/* The resident side: compare with its default grades, the longest length its column. */
static int choose_resident(shebao_ctx *ctx, const shebao_policy *pol, const choose_opts *o, shebao_segment *paid,
                           size_t npaid, choose_result *r)
{
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = o->birth.y;
    pe.birth_month = o->birth.m;
    if (o->sex)
        cli_parse_sex(o->sex, &pe.sex);
    pe.discount = o->discount;
    pe.plan = paid;
    pe.plan_count = npaid;
    shebao_compare_options opt = SHEBAO_COMPARE_OPTIONS_INIT;
    opt.start_year = r->start;
    int rc = shebao_compare(ctx, pol, &pe, &opt, &r->cmp);
    if (rc == SHEBAO_OK)
        r->col = shebao_comparison_years_count(r->cmp) - 1;
    return rc;
}

static void choose_row(const char *scheme, const char *level, const char *paid, const char *from, const char *monthly,
                       const char *breakeven, const char *epv, const char *ratio, const char *irr)
{
    /* display columns (CJK = 2: the Chinese header of zh, "70岁11个月", "2041-03 (62岁11个月)"), the blanks before each,
     * left or right */
    const char *cell[] = {scheme, level, paid, from, monthly, breakeven, epv, ratio, irr};
    static const int width[] = {10, 8, 12, 20, 10, 10, 12, 7, 10}, gap[] = {2, 0, 1, 2, 1, 2, 1, 1, 1};
    for (int k = 0; k < 9; k++) {
        printf("%*s", gap[k], "");
        cli_pad(stdout, cell[k], width[k], k != 0 && k != 3 && k != 5);
    }
    putchar('\n');
}

/* A sentence written "中文。 English." (choose_json.c, as the JSON keeps it): the Chinese in zh, the English in en. */
static void choose_say(const char *both)
{
    const char *stop = strstr(both, "。 ");
    cli_lang l = cli_lang_get();
    if (!stop || l == CLI_LANG_BOTH)
        printf("%s\n", both);
    else if (l == CLI_LANG_ZH)
        printf("%.*s\n", (int)(stop - both + strlen("。")), both);
    else
        printf("%s\n", stop + strlen("。 "));
}

static const char *choose_str(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "-";
}

/* "62岁3个月" from two members, or "-". */
static const char *choose_age(json_t *o, const char *y, const char *m, cli_lang l, char buf[CLI_WORD_BUFSZ])
{
    json_t *a = json_object_get(o, y), *b = json_object_get(o, m);
    if (!json_is_integer(a) || !json_is_integer(b))
        return "-";
    return cli_age((int)(json_integer_value(a) * 12 + json_integer_value(b)), l, buf);
}

/* The IRR member as a percentage, or "-". */
static const char *choose_irr(json_t *o, char buf[CLI_WORD_BUFSZ])
{
    return cli_rate2(json_string_value(json_object_get(o, "irr")), buf);
}

static void choose_print_table(const choose_result *r, json_t *doc, const char *discount)
{
    char buf[2048], from[64], be[CLI_WORD_BUFSZ], age[CLI_WORD_BUFSZ], irr[CLI_WORD_BUFSZ];
    cli_lang l = cli_lang_from(NULL);
    cli_policy_title(stdout, r->pol, cli_lang_from(NULL));
    putchar('\n');
    cli_lang now = cli_lang_get();
    if (now == CLI_LANG_BOTH) {
        printf("选哪种养老保险 Which scheme: born %s, paying from %d; employee category %s%s\n", r->birth, r->start,
               r->category, r->category_assumed ? " (assumed: give --category)" : "");
        printf("  城乡居民 resident pension from 60 (%s); 职工 employee pension from the statutory age %s (%04d-%02d)\n\n",
               shebao_comparison_claim_month(r->cmp), cli_age(r->ret.age_years * 12 + r->ret.age_months, l, age),
               r->ret.year, r->ret.month);
        choose_row("scheme", "level", "paid", "pension from", "monthly", "回本 age", "EPV", "worth", "IRR");
    } else if (now == CLI_LANG_ZH) {
        printf("选哪种养老保险（出生 %s，%d 年起缴；职工类别 %s%s）\n", r->birth, r->start, r->category,
               r->category_assumed ? "，假设的：请给 --category" : "");
        printf("  城乡居民 60岁起领（%s）；职工 法定退休年龄 %s 起领（%04d-%02d）\n\n",
               shebao_comparison_claim_month(r->cmp), cli_age(r->ret.age_years * 12 + r->ret.age_months, l, age),
               r->ret.year, r->ret.month);
        choose_row("险种", "档次", "个人缴费", "起领", "月养老金", "回本年龄", "待遇现值", "价值比", "内部收益率");
    } else {
        printf("Which scheme: born %s, paying from %d; employee category %s%s\n", r->birth, r->start, r->category,
               r->category_assumed ? " (assumed: give --category)" : "");
        printf("  resident pension from 60 (%s); employee pension from the statutory age %s (%04d-%02d)\n\n",
               shebao_comparison_claim_month(r->cmp), cli_age(r->ret.age_years * 12 + r->ret.age_months, l, age),
               r->ret.year, r->ret.month);
        choose_row("scheme", "level", "paid", "pension from", "monthly", "break-even", "EPV", "worth", "IRR");
    }
    const char *resident = now == CLI_LANG_EN ? "resident" : "城乡居民", *employee = now == CLI_LANG_EN ? "employee" : "职工";
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(doc, "resident"), i, c) {
        json_t *claim = json_object_get(c, "claim_month");
        snprintf(from, sizeof from, "%s (%s)", json_string_value(claim) ? json_string_value(claim) : "-",
                 cli_age(60 * 12, l, age));
        choose_row(resident, choose_str(c, "grade"), choose_str(c, "personal_total"), from,
                   choose_str(c, "monthly_total"), choose_age(c, "breakeven_age_years", "breakeven_age_months", l, be),
                   choose_str(c, "epv_benefits"), choose_str(c, "moneys_worth_ratio"), choose_irr(c, irr));
    }
    json_array_foreach(json_object_get(doc, "employee"), i, c) {
        snprintf(from, sizeof from, "%s (%s)", choose_str(c, "retirement_month"),
                 choose_age(c, "age_years", "age_months", l, age));
        choose_row(employee, choose_percent[i], choose_str(c, "personal_total"), from,
                   json_is_true(json_object_get(c, "eligible")) ? choose_str(c, "monthly_total") : "-",
                   choose_age(c, "breakeven_age_years", "breakeven_age_months", l, be),
                   choose_str(c, "epv_benefits"), choose_str(c, "moneys_worth_ratio"), choose_irr(c, irr));
    }
    int years = shebao_comparison_years(r->cmp, r->col);
    const char *n = choose_str(json_array_get(json_object_get(doc, "employee"), 0), "years_paid");
    if (now == CLI_LANG_ZH)
        printf("  （城乡居民：每年一个档次，缴 %d 年；职工：按平均工资的比例缴，缴费年限 N %s；-：不符合领取条件）\n", years, n);
    else
        printf("  (resident: a grade a year for %d years; employee: a share of the average wage, %s N %s; - : not "
               "eligible)\n", years, now == CLI_LANG_EN ? "years paid" : "缴费年限", n);
    static const cli_term terms[] = {CLI_TERM_BREAKEVEN, CLI_TERM_EPV, CLI_TERM_RATIO, CLI_TERM_IRR};
    cli_notes notes = {.discount = discount};
    cli_print_notes(stdout, l, &notes, terms, sizeof terms / sizeof terms[0]);
    putchar('\n');
    choose_sentence_resident(r, buf, sizeof buf);
    choose_say(buf);
    choose_sentence_employee(r, buf, sizeof buf);
    choose_say(buf);
    choose_say(choose_minimum_rule);
    if (now == CLI_LANG_ZH)
        printf("\n估算：城乡居民的数字与 `shebao compare` 相同，职工的与 `shebao employee --plan` 相同（假设列在那里）。\n");
    else
        printf("\nEstimates: the resident figures as `shebao compare`, the employee ones as `shebao employee --plan` "
               "(their assumptions are listed there).\n");
}

static void choose_print_csv(json_t *doc)
{
    printf("scheme,level,personal_total,claim_month,claim_age_years,claim_age_months,monthly_total,breakeven_month,"
           "epv_benefits,moneys_worth_ratio,irr\n");
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(doc, "resident"), i, c)
        printf("resident,%s,%s,%s,60,0,%s,%s,%s,%s,%s\n", choose_str(c, "grade"), choose_str(c, "personal_total"),
               choose_str(c, "claim_month"), choose_str(c, "monthly_total"), choose_str(c, "breakeven_month"),
               choose_str(c, "epv_benefits"), choose_str(c, "moneys_worth_ratio"), choose_str(c, "irr"));
    json_array_foreach(json_object_get(doc, "employee"), i, c)
        printf("employee,%s,%s,%s,%lld,%lld,%s,%s,%s,%s,%s\n", choose_str(c, "share"), choose_str(c, "personal_total"),
               choose_str(c, "retirement_month"), json_integer_value(json_object_get(c, "age_years")),
               json_integer_value(json_object_get(c, "age_months")),
               json_is_true(json_object_get(c, "eligible")) ? choose_str(c, "monthly_total") : "",
               choose_str(c, "breakeven_month"), choose_str(c, "epv_benefits"), choose_str(c, "moneys_worth_ratio"),
               choose_str(c, "irr"));
}

static void choose_free(choose_result *r)
{
    shebao_comparison_free(r->cmp);
    for (size_t k = 0; k < CHOOSE_SHARES; k++)
        shebao_employee_plan_free(r->emp[k].pl);
}

static int choose_output(const choose_result *r, const choose_opts *o)
{
    json_t *doc = choose_json(r);
    if (!doc) {
        cli_err("out of memory");
        return EXIT_INTERNAL;
    }
    int code = EXIT_OK;
    if (strcmp(o->format, "json") == 0) {
        char *text = json_dumps(doc, JSON_INDENT(2));
        if (text)
            cli_puts(text);
        else
            code = EXIT_INTERNAL;
        free(text);
    } else if (strcmp(o->format, "csv") == 0)
        choose_print_csv(doc);
    else
        choose_print_table(r, doc, o->discount);
    json_decref(doc);
    if (code == EXIT_OK && o->chart)
        code = choose_chart(r, o->chart);
    return code;
}

int cmd_choose(shebao_ctx *ctx, int argc, char **argv)
{
    choose_opts o = {.format = "table"};
    int code = cli_parse(&cli_cmd_choose, ctx, argc, argv, 2, &o);
    if (code != CLI_GO)
        return code;
    if (o.file && o.region)
        return cli_usage("give --region or --policy, not both");
    if (!o.birth.text || !o.start.set)
        return cli_usage("choose needs --birth YYYY-MM and --start YYYY");
    struct stat pst;
    if (o.chart && o.file && stat(o.file, &pst) == 0 && cli_is_file(o.chart, &pst))
        return cli_usage("--chart %s is the same file as --policy %s", o.chart, o.file);
    /* female55 and female50 are women's categories, male a man's; a woman's category without --sex is a woman */
    bool woman_category = o.category && strcmp(o.category, "male") != 0;
    if (o.sex && o.category && woman_category != (strcmp(o.sex, "female") == 0))
        return cli_usage("--sex %s and --category %s do not go together (female55 and female50 are a woman's "
                         "categories, male a man's)", o.sex, o.category);
    if (!o.sex && woman_category)
        o.sex = "female";
    choose_result r = {.birth = o.birth.text, .start = (int)o.start.v, .ret = SHEBAO_RETIREMENT_INIT};
    r.category = o.category ? o.category : o.sex && strcmp(o.sex, "female") == 0 ? "female55" : "male";
    r.category_assumed = !o.category && o.sex && strcmp(o.sex, "female") == 0;
    shebao_segment *paid = NULL;
    size_t npaid = 0;
    if (o.paid && shebao_plan_parse(ctx, o.paid, &paid, &npaid) != SHEBAO_OK) {
        cli_err("--paid %s", shebao_ctx_errmsg(ctx));
        return EXIT_INPUT;
    }
    shebao_policy *pol = NULL;
    int rc = cli_load_policy(ctx, o.file, o.region, &pol);
    if (rc != SHEBAO_OK) {
        shebao_free(paid);
        return cli_fail(ctx, rc);
    }
    r.pol = pol;
    rc = choose_resident(ctx, pol, &o, paid, npaid, &r);
    if (rc == SHEBAO_OK)
        rc = choose_employee(ctx, pol, &o, &r);
    if (rc == CHOOSE_SAID)
        code = r.said ? r.said : EXIT_INPUT; /* choose's own message, already written */
    else if (rc != SHEBAO_OK)
        code = cli_fail(ctx, rc);
    else
        code = choose_output(&r, &o);
    choose_free(&r);
    cli_policy_free(pol);
    shebao_free(paid);
    return code;
}
