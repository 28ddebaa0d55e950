/* shebao compare: one person over contribution grades × contribution lengths (多缴多得、长缴长得), with the
 * value of one grade up and of one year longer, the lowest-versus-highest summary, and an optional chart. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "cli.h"
#include "cli_words.h"
#include "compare_text.h"

/* Split a comma-separated list into at most `max` items; NULL items past the end. Returns the count, or -1. */
static int split(char *s, char **items, int max)
{
    int n = 0;
    for (char *p = s;; p++) {
        char *comma = strchr(p, ',');
        if (n == max)
            return -1;
        items[n++] = p;
        if (!comma)
            break;
        *comma = '\0';
        p = comma;
    }
    return n;
}

/* --backpay N:GRADE or auto:GRADE */
typedef struct compare_backpay {
    int years; /* 0: none, or auto */
    bool automatic;
    shebao_fen grade;
} compare_backpay;

typedef struct compare_opts {
    const char *file, *region, *format, *sex, *grades, *years, *discount, *chart, *lang, *paid;
    cli_month birth;
    cli_int start;
    shebao_fen collective;
    compare_backpay backpay;
    bool daijiao;
} compare_opts;

/* ---- table ------------------------------------------------------------------------------------------------- */

typedef struct col {
    const char *zh, *en;
    int width;
} col;

static void header(const col *cols, size_t n)
{
    for (size_t i = 0; i < n && cli_show_zh(); i++) {
        fputs(i ? "  " : "  ", stdout);
        cli_pad(stdout, cols[i].zh, cols[i].width, true);
    }
    if (cli_show_zh())
        putchar('\n');
    for (size_t i = 0; i < n && cli_show_en(); i++) {
        fputs("  ", stdout);
        cli_pad(stdout, cols[i].en, cols[i].width, true);
    }
    if (cli_show_en())
        putchar('\n');
}

static void cellv(const char *s, int width)
{
    fputs("  ", stdout);
    cli_pad(stdout, s, width, true);
}

static void print_cells(const shebao_comparison *c, cli_lang l)
{
    static const col cols[] = {{"档次", "grade", 9},          {"年限", "years", 5},
                               {"月养老金", "monthly", 9},    {"账户养老金", "account", 10},
                               {"个人缴费", "paid", 10},      {"回本年龄", "break-even", 10},
                               {"待遇现值", "EPV", 11},       {"价值比", "ratio", 8},
                               {"内部收益率", "IRR", 10},     {"预期可继承", "inheritable", 11},
                               {"每万元月领", "per 10000", 10}};
    size_t nc = sizeof cols / sizeof cols[0];
    cli_head(stdout, "档次 × 年限", "Grade × years");
    header(cols, nc);
    char a[SHEBAO_MONEY_BUFSZ], t[CLI_WORD_BUFSZ];
    for (size_t i = 0; i < shebao_comparison_grade_count(c); i++)
        for (size_t j = 0; j < shebao_comparison_years_count(c); j++) {
            shebao_compare_cell f;
            shebao_comparison_cell(c, i, j, &f);
            size_t k = 0;
            cellv(cli_money(f.grade, a), cols[k++].width);
            snprintf(t, sizeof t, "%d", f.years);
            cellv(t, cols[k++].width);
            if (!f.eligible) {
                cellv("—", cols[k++].width);
                cli_head(stdout, "  不符合领取条件", "  not eligible");
                continue;
            }
            cellv(cli_money(f.monthly_total, a), cols[k++].width);
            cellv(cli_money(f.account_pension, a), cols[k++].width);
            cellv(cli_money(f.personal_total, a), cols[k++].width);
            cellv(f.has_breakeven ? cli_age(f.breakeven_age_years * 12 + f.breakeven_age_months, l, t) : "—",
                  cols[k++].width);
            cellv(f.has_epv ? cli_money(f.epv_benefits, a) : "—", cols[k++].width);
            cellv(f.moneys_worth ? f.moneys_worth : "—", cols[k++].width);
            cellv(f.irr ? cli_rate2(f.irr, t) : "—", cols[k++].width);
            cellv(f.has_epv ? cli_money(f.inheritable, a) : "—", cols[k++].width);
            cellv(f.has_per_10000 ? cli_money(f.per_10000, a) : "—", cols[k++].width);
            putchar('\n');
        }
}

static void print_delta_row(const shebao_compare_delta *d, bool grade_kind, cli_lang l)
{
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], t[96];
    if (grade_kind) {
        snprintf(t, sizeof t, "%d", d->from_years);
        cellv(t, 5);
        snprintf(t, sizeof t, "%s → %s", cli_money(d->from_grade, a), cli_money(d->to_grade, b));
        cellv(t, 19);
        cellv(cli_money(d->extra_per_year, a), 10);
    } else {
        cellv(cli_money(d->from_grade, a), 9);
        snprintf(t, sizeof t, "%d → %d", d->from_years, d->to_years);
        cellv(t, 8);
    }
    cellv(cli_money(d->extra_paid, a), 10);
    if (!d->available) {
        cli_head(stdout, "  不符合领取条件", "  not eligible");
        return;
    }
    cellv(cli_money(d->extra_monthly, a), 11);
    cellv(d->has_recoup ? cli_duration(d->recoup_months, l, t) : "—", 10); /* "10年10个月": 10 columns */
    cellv(d->has_epv ? cli_money(d->epv_difference, a) : "—", 11);
    putchar('\n');
}

/* The two tables of one step more; whether any was printed. */
static bool print_marginal(const shebao_comparison *c, cli_lang l)
{
    size_t n = shebao_comparison_marginal_count(c);
    bool any_grade = false, any_year = false;
    for (size_t i = 0; i < n; i++) {
        shebao_compare_delta d;
        shebao_comparison_marginal(c, i, &d);
        if (d.kind == SHEBAO_DELTA_GRADE) {
            if (!any_grade) {
                static const col cols[] = {{"年限", "years", 5},         {"档次", "grade from → to", 19},
                                           {"每年多缴", "extra/yr", 10}, {"共多缴", "extra paid", 10},
                                           {"每月多领", "extra/month", 11}, {"回本", "recoup", 10},
                                           {"现值之差", "EPV diff", 11}};
                cli_head(stdout, "\n多缴一档", "\nOne grade up (same years)");
                header(cols, sizeof cols / sizeof cols[0]);
                any_grade = true;
            }
            print_delta_row(&d, true, l);
        } else {
            if (!any_year) {
                static const col cols[] = {{"档次", "grade", 9},          {"年限", "years", 8},
                                           {"共多缴", "extra paid", 10},  {"每月多领", "extra/month", 11},
                                           {"回本", "recoup", 10},         {"现值之差", "EPV diff", 11}};
                cli_head(stdout, "\n多缴一年", "\nOne year longer (same grade)");
                header(cols, sizeof cols / sizeof cols[0]);
                any_year = true;
            }
            print_delta_row(&d, false, l);
        }
    }
    return any_grade || any_year;
}

/* The path a person takes over grade tables, when the summary follows it. */
static void print_path(const shebao_comparison *c, const char *lang)
{
    static const char *const zh[] = {"每年最低档", "每年最高档"}, *const en[] = {"lowest", "highest"};
    for (int h = 0; h < 2; h++) {
        const shebao_segment *s;
        size_t n;
        if (shebao_comparison_path(c, h, &s, &n) != SHEBAO_OK)
            return;
        char t[512];
        if (h == 0)
            cli_head(stdout, "\n档次表有变化，比较按每年在用的最低档与最高档",
                     "\nThe grade tables change: the summary follows the lowest and the highest grade in force each year");
        if (!lang || strcmp(lang, "zh") == 0) {
            compare_path_text(s, n, true, t, sizeof t);
            printf("  %s: %s\n", zh[h], t);
        }
        if (!lang || strcmp(lang, "en") == 0) {
            compare_path_text(s, n, false, t, sizeof t);
            printf("  the %s grade each year: %s\n", en[h], t);
        }
    }
}

/* The lowest-versus-highest sentence at the longest length; the advice of an end that is not eligible (the lowest
 * when neither is). */
static void print_summary(const shebao_comparison *c, const shebao_compare_delta *d, const char *lang)
{
    compare_ends ends;
    const shebao_projection *no = compare_ends_at(c, shebao_comparison_years_count(c) - 1, &ends);
    const shebao_segment *s;
    size_t ns;
    bool path = shebao_comparison_path(c, 0, &s, &ns) == SHEBAO_OK;
    const char *head = path ? cli_pick("\n最低档与最高档（每年在用的）", "\nLowest vs highest grade (in force each year)")
                            : cli_pick("\n最低档与最高档", "\nLowest vs highest grade");
    if (head)
        printf("%s\n", head);
    else
        printf("\n最低档与最高档 Lowest vs highest grade%s\n", path ? " (每年在用的 in force each year)" : "");
    compare_sentence(stdout, d, path, &ends, !lang || strcmp(lang, "zh") == 0, !lang || strcmp(lang, "en") == 0);
    if (no)
        cli_print_advice(no);
}

static int assumption_at(const void *c, size_t i, shebao_param *out)
{
    return shebao_comparison_assumption(c, i, out);
}

/* The years already paid and the back payment, when given. */
static void print_midway(const shebao_comparison *c, const compare_opts *o, const shebao_person *pe)
{
    char g[CLI_WORD_BUFSZ];
    cli_lang l = cli_lang_from(o->lang);
    int before = 0;
    for (size_t i = 0; i < pe->plan_count; i++)
        before += pe->plan[i].last_year - pe->plan[i].first_year + 1;
    char zh[160], en[160];
    bool both = cli_lang_get() == CLI_LANG_BOTH;
    if (o->paid) {
        snprintf(zh, sizeof zh, "已缴: %s（%d 年）", o->paid, before);
        snprintf(en, sizeof en, "years already paid: %s (%d years)", o->paid, before);
        if (both)
            printf("已缴 years already paid: %s（%d 年 years）\n", o->paid, before);
        else
            cli_head(stdout, zh, en);
    }
    if (o->backpay.years) {
        snprintf(zh, sizeof zh, "补缴: %d 年 × %s", o->backpay.years, cli_yuan(o->backpay.grade, l, g));
        snprintf(en, sizeof en, "back payment at the claim in every plan: %d years × %s", o->backpay.years, g);
        if (both)
            printf("补缴 back payment at the claim in every plan: %d 年 years × %s\n", o->backpay.years, g);
        else
            cli_head(stdout, zh, en);
    }
    if (!o->backpay.automatic)
        return;
    snprintf(zh, sizeof zh, "自动补缴 %s:", cli_yuan(o->backpay.grade, l, g));
    snprintf(en, sizeof en, "automatic back payment at %s (the fewest years that make each plan eligible):", g);
    if (both)
        printf("自动补缴 %s\n", en);
    else
        cli_head(stdout, zh, en);
    for (size_t j = 0; j < shebao_comparison_years_count(c); j++) {
        int n = shebao_comparison_years(c, j);
        int k = shebao_projection_years_paid(shebao_comparison_projection(c, 0, j)) - before - n;
        snprintf(zh, sizeof zh, "  缴费 %d 年 → 补缴 %d 年", n, k);
        snprintf(en, sizeof en, "  paying %d year(s) from %d: %d year(s) back-paid", n, shebao_comparison_start_year(c),
                 k);
        cli_head(stdout, zh, en);
    }
}

static void print_table(const shebao_comparison *c, const shebao_policy *pol, const compare_opts *o,
                        const shebao_person *pe)
{
    const char *birth = o->birth.text, *lang = o->lang;
    cli_policy_title(stdout, pol, cli_lang_from(lang));
    char w[5][40];
    printf("%s %s · %s %d · %s %s · %s %d %s\n\n", cli_pair(w[0], sizeof w[0], "出生", "born"), birth,
           cli_pair(w[1], sizeof w[1], "起缴", "paying from"), shebao_comparison_start_year(c),
           cli_pair(w[2], sizeof w[2], "起领", "pension from"), shebao_comparison_claim_month(c),
           cli_pair(w[3], sizeof w[3], "最多可缴", "at most"), shebao_comparison_max_years(c),
           cli_pair(w[4], sizeof w[4], "年", "years"));
    print_midway(c, o, pe);
    if (o->paid || o->backpay.years || o->backpay.automatic)
        putchar('\n');
    cli_lang l = cli_lang_from(lang);
    cli_notes notes = {.discount = o->discount};
    static const cli_term cell_terms[] = {CLI_TERM_BREAKEVEN, CLI_TERM_EPV,         CLI_TERM_RATIO,
                                          CLI_TERM_IRR,       CLI_TERM_INHERITABLE, CLI_TERM_PER_10000};
    print_cells(c, l);
    cli_print_notes(stdout, l, &notes, cell_terms, sizeof cell_terms / sizeof cell_terms[0]);
    if (print_marginal(c, l)) {
        static const cli_term recoup[] = {CLI_TERM_RECOUP};
        cli_print_notes(stdout, l, &notes, recoup, 1);
    }
    size_t nex = shebao_comparison_excluded_count(c);
    if (nex) {
        cli_head(stdout, "\n未比较的档次",
                 cli_lang_get() == CLI_LANG_EN ? "\nGrades left out (not valid, or paid by the government, in every "
                                                 "year of the plan)"
                                               : "\nGrades left out (not valid, or 代缴, in every year of the plan)");
        for (size_t i = 0; i < nex; i++) {
            shebao_compare_excluded x;
            shebao_comparison_excluded(c, i, &x);
            char g[SHEBAO_MONEY_BUFSZ];
            cli_money(x.grade, g);
            if (!lang || strcmp(lang, "zh") == 0) {
                if (x.daijiao)
                    printf("  %s：在 %s 起的档次表中是代缴档次（政府为困难群体代缴），计划年份 %d-%d\n", g, x.table_from,
                           x.first_year, x.last_year);
                else
                    printf("  %s：%s 起的档次表中没有这一档，计划年份 %d-%d\n", g, x.table_from, x.first_year,
                           x.last_year);
            }
            if (!lang)
                printf("  %s\n", x.reason);
            else if (strcmp(lang, "en") == 0 && x.daijiao) /* (the library's reason, without its 代缴) */
                printf("  %s is a grade paid by the government for difficult groups in the grade table from %s (plan "
                       "years %d-%d)\n", g, x.table_from, x.first_year, x.last_year);
            else if (strcmp(lang, "en") == 0)
                printf("  %s\n", x.reason);
        }
    }
    print_path(c, lang);
    shebao_compare_delta d;
    if (shebao_comparison_summary(c, shebao_comparison_years_count(c) - 1, &d) == SHEBAO_OK)
        print_summary(c, &d, lang);
    cli_print_params("These results rest", shebao_comparison_assumption_count(c), assumption_at, c);
}

/* ---- csv --------------------------------------------------------------------------------------------------- */

static void print_csv(const shebao_comparison *c)
{
    printf("grade,years,status,claim_month,years_paid,balance,account_pension,base_pension,years_pension,"
           "age_supplement,monthly_total,personal_total,breakeven_months,breakeven_month,breakeven_age_years,"
           "breakeven_age_months,funeral_grant,epv_benefits,pv_contributions,moneys_worth_ratio,irr,"
           "expected_inheritable_balance,pension_per_10000_paid\n");
    char a[SHEBAO_MONEY_BUFSZ];
    for (size_t i = 0; i < shebao_comparison_grade_count(c); i++)
        for (size_t j = 0; j < shebao_comparison_years_count(c); j++) {
            const shebao_projection *p = shebao_comparison_projection(c, i, j);
            shebao_compare_cell f;
            shebao_comparison_cell(c, i, j, &f);
            printf("%s,%d,%s,%s,%d,", cli_money(f.grade, a), f.years, f.eligible ? "ok" : "not_eligible",
                   shebao_projection_claim_month(p), shebao_projection_years_paid(p));
            cli_csv_figures(p);
            if (f.has_breakeven)
                printf("%d,%s,%d,%d,", f.breakeven_months, f.breakeven_month, f.breakeven_age_years,
                       f.breakeven_age_months);
            else
                printf(",,,,");
            printf("%s,", cli_fig(p, SHEBAO_FIG_FUNERAL_GRANT, a));
            printf("%s,", cli_fig(p, SHEBAO_FIG_EPV_BENEFITS, a));
            printf("%s,", cli_fig(p, SHEBAO_FIG_PV_CONTRIBUTIONS, a));
            printf("%s,%s,", f.moneys_worth ? f.moneys_worth : "", f.irr ? f.irr : "");
            printf("%s,", cli_fig(p, SHEBAO_FIG_INHERITABLE, a));
            printf("%s\n", f.has_per_10000 ? cli_money(f.per_10000, a) : "");
        }
}

/* ---- the command ------------------------------------------------------------------------------------------- */

#define MAX_LIST 64

/* --backpay N:GRADE (every plan) or auto:GRADE (the fewest years that make each plan eligible). */
static int check_backpay(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    (void)o;
    compare_backpay *b = dest;
    const char *why = NULL;
    if (strncmp(v, "auto:", 5) == 0) {
        b->automatic = true;
        if (shebao_money_parse(ctx, v + 5, &b->grade) != SHEBAO_OK || b->grade <= 0)
            why = "GRADE must be a positive amount";
    } else {
        why = cli_parse_backpay(ctx, v, &b->years, &b->grade);
    }
    if (why) {
        cli_err("--backpay '%.40s': %s (N:GRADE or auto:GRADE)", v, why);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

/* --chart FILE: a name that says the format. */
static int check_chart(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    (void)ctx, (void)o;
    if (!chart_path_ok(v))
        return cli_usage("--chart '%.200s': the file name must end in .png, .svg or .pdf", v);
    *(const char **)dest = v;
    return EXIT_OK;
}

#define AT(m) .at = offsetof(compare_opts, m)
static const cli_opt compare_table[] = {
    CLI_OPTS_POLICY(compare_opts),
    CLI_OPTS_PERSON_PLAN(compare_opts),
    CLI_OPT_COLLECTIVE(compare_opts),
    {.name = "backpay", .value = "N:GRADE|auto:GRADE", .kind = CLI_CHECK, AT(backpay), .check = check_backpay,
     .help = N_("补缴 a back payment at the claim in every plan: N years, or auto: the fewest that make it eligible")},
    {.name = "grades", .value = "all|G1,G2,...", .kind = CLI_TEXT, AT(grades),
     .help = N_("the grades compared (default all: every normal grade valid in every year of the plan)")},
    {.name = "years", .value = "all|N1,N2,...", .kind = CLI_TEXT, AT(years),
     .help = N_("the numbers of years paid (default all: 15, 20, ... up to the most still possible)")},
    CLI_OPT_DAIJIAO(compare_opts),
    CLI_OPT_DISCOUNT(compare_opts),
    CLI_OPT_FORMAT(compare_opts, "table|json|csv"),
    {.name = "chart", .value = "FILE.png|FILE.svg|FILE.pdf", .kind = CLI_CHECK, AT(chart), .check = check_chart,
     .help = N_("also draw the pensions and balances (replaced only when complete)")},
    {0},
};
#undef AT

const cli_command cli_cmd_compare = {
    .name = "compare",
    .summary = N_("grades × years paid from START: pension, break-even, EPV,\n"
               "one grade up, one year longer, lowest vs highest (多缴多得)"),
    .example = "compare --birth 1980-05 --start 2025 --chart compare.png",
    .opts = compare_table,
    .run = cmd_compare,
};

/* An item of a list option, into out[i]; EXIT_OK or an exit code after a message. */
typedef int item_fn(shebao_ctx *ctx, const char *s, void *out, int i);

static int grade_item(shebao_ctx *ctx, const char *s, void *out, int i)
{
    shebao_fen *g = (shebao_fen *)out + i;
    int rc = shebao_money_parse(ctx, s, g);
    if (rc != SHEBAO_OK || *g <= 0) {
        cli_err("--grades '%.40s': %s", s, rc != SHEBAO_OK ? shebao_ctx_errmsg(ctx) : "a grade must be positive");
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

static int years_item(shebao_ctx *ctx, const char *s, void *out, int i)
{
    (void)ctx;
    if (!cli_parse_int(s, 1, 100, (int *)out + i)) {
        cli_err("--years '%.40s': expected 'all' or whole numbers of years 1-100, comma-separated", s);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

/* --NAME a,b,... ("all": *n stays 0): at most MAX_LIST items (the noun in the message), each read by item. */
static int read_list(shebao_ctx *ctx, const char *name, const char *noun, const char *arg, item_fn *item, void *out,
                     size_t *n)
{
    if (!arg || strcmp(arg, "all") == 0)
        return EXIT_OK;
    char *items[MAX_LIST], *copy = strdup(arg); /* split whole, however long */
    if (!copy) {
        cli_err("out of memory");
        return EXIT_INTERNAL;
    }
    int k = split(copy, items, MAX_LIST), code = EXIT_OK;
    if (k < 0) {
        cli_err("--%s: at most %d %s", name, MAX_LIST, noun);
        code = EXIT_INPUT;
    }
    for (int i = 0; i < k && code == EXIT_OK; i++)
        code = item(ctx, items[i], out, i);
    free(copy);
    *n = code == EXIT_OK ? (size_t)k : 0;
    return code;
}

/* The chart, written to a temporary file renamed over FILE only when complete (cli_outfile.c); under a sink with
 * a chart stream (shebao serve), into that stream. */
static int write_chart(const shebao_comparison *c, const shebao_policy *pol, const compare_opts *o)
{
    char err[512], name[256];
    bool zh = !o->lang || strcmp(o->lang, "zh") == 0;
    chart_info info = {cli_policy_label(pol, zh ? CLI_LANG_ZH : CLI_LANG_EN, name, sizeof name), o->birth.text, zh};
    cli_outfile of;
    cli_sink *sink = cli_sink_get();
    int exit_code = EXIT_OK, r = -1, e = sink && sink->chart ? 0 : cli_outfile_open(&of, o->chart);
    if (sink && sink->chart) {
        r = chart_write(c, &info, o->chart, sink->chart, err, sizeof err);
    } else if (e != 0) {
        snprintf(err, sizeof err, cli_tr("cannot write the chart '%.200s': %s"), o->chart, cli_strerror(e));
    } else if ((r = chart_write(c, &info, o->chart, of.f, err, sizeof err)) < 0) {
        cli_outfile_discard(&of);
    } else if ((e = cli_outfile_commit(&of)) != 0) {
        snprintf(err, sizeof err, cli_tr("cannot write the chart '%.200s': %s"), o->chart, cli_strerror(e));
        r = -2;
    }
    if (r < 0) {
        cli_err("%s", err);
        exit_code = r == -2 ? EXIT_INTERNAL : EXIT_INPUT; /* a failed write; no file or no drawing */
    } else if (r > 0) {
        cli_err("warning: no font with Chinese glyphs (%s, Debian package fonts-noto-cjk); "
                "the chart's labels are in English", CHART_FONT);
    }
    if (!sink) /* (other threads may be drawing: the server cleans up at its end) */
        chart_cleanup();
    return exit_code;
}

/* The comparison in the format asked for. */
static int print(const shebao_comparison *c, const shebao_policy *pol, const compare_opts *o, const shebao_person *pe)
{
    if (strcmp(o->format, "json") == 0) {
        char *text = NULL;
        int exit_code = EXIT_OK;
        if (shebao_comparison_to_json(c, &text) == SHEBAO_OK)
            cli_puts(text);
        else
            exit_code = EXIT_INTERNAL;
        shebao_free(text);
        return exit_code;
    }
    if (strcmp(o->format, "csv") == 0)
        print_csv(c);
    else
        print_table(c, pol, o, pe);
    return EXIT_OK;
}

int cmd_compare(shebao_ctx *ctx, int argc, char **argv)
{
    compare_opts o = {.format = "table"};
    int rc = cli_parse(&cli_cmd_compare, ctx, argc, argv, 2, &o);
    if (rc != CLI_GO)
        return rc;
    o.lang = cli_pick("zh", "en"); /* the sentences and the chart in the language of --lang (NULL: both) */
    if ((rc = cli_check_person_plan("compare", o.file, o.region, "--chart", o.chart, o.birth.text, o.start.set)) !=
        EXIT_OK)
        return rc;
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = o.birth.y;
    pe.birth_month = o.birth.m;
    if (o.sex)
        cli_parse_sex(o.sex, &pe.sex);
    pe.discount = o.discount;
    pe.daijiao = o.daijiao;
    pe.collective = o.collective;
    pe.backpay_years = o.backpay.years;
    pe.backpay_grade = o.backpay.automatic ? 0 : o.backpay.grade;
    shebao_compare_options opt = SHEBAO_COMPARE_OPTIONS_INIT;
    opt.start_year = (int)o.start.v;
    opt.backpay_auto_grade = o.backpay.automatic ? o.backpay.grade : 0;
    shebao_fen grades[MAX_LIST];
    int years[MAX_LIST];
    if ((rc = read_list(ctx, "grades", "grades", o.grades, grade_item, grades, &opt.grade_count)) != EXIT_OK ||
        (rc = read_list(ctx, "years", "lengths", o.years, years_item, years, &opt.years_count)) != EXIT_OK)
        return rc;
    opt.grades = opt.grade_count ? grades : NULL;
    opt.years = opt.years_count ? years : NULL;
    shebao_segment *paid = NULL;
    if (o.paid && (rc = shebao_plan_parse(ctx, o.paid, &paid, &pe.plan_count)) != SHEBAO_OK) {
        cli_err("--paid %s", shebao_ctx_errmsg(ctx));
        return EXIT_INPUT;
    }
    pe.plan = paid;
    shebao_policy *pol = NULL;
    rc = cli_load_policy(ctx, o.file, o.region, &pol);
    if (rc != SHEBAO_OK) {
        shebao_free(paid);
        return cli_fail(ctx, rc);
    }
    shebao_comparison *c = NULL;
    rc = shebao_compare(ctx, pol, &pe, &opt, &c);
    int exit_code = rc != SHEBAO_OK ? cli_fail(ctx, rc) : print(c, pol, &o, &pe);
    if (exit_code == EXIT_OK && o.chart)
        exit_code = write_chart(c, pol, &o);
    shebao_comparison_free(c);
    cli_policy_free(pol);
    shebao_free(paid);
    return exit_code;
}
