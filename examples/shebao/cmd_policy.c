/* shebao policy list | show | grades | check */
#include <stddef.h>
#include <string.h>

#include "cli.h"
#include "cli_words.h"

/* Whether the table is in Chinese alone (--lang zh): its English-only lines are then Chinese. */
static bool in_zh(void) { return cli_lang_get() == CLI_LANG_ZH; }

/* "policy   ID (浙江省) — NAME": the display name in brackets when the policy has one (not in en); the name in the
 * language. */
static void policy_line(const shebao_policy *p)
{
    const char *zh = cli_lang_get() == CLI_LANG_EN ? NULL : shebao_policy_name_zh(p); /* (en: no Chinese) */
    char name[256];
    printf("%s%s%s%s%s — %s\n", in_zh() ? "政策     " : "policy   ", shebao_policy_id(p), zh ? " (" : "", zh ? zh : "", zh ? ")" : "",
           cli_policy_name(p, cli_lang_get(), name, sizeof name));
}

/* A column's name, written "EN 中文" in both (these tables put the English first): one of them in zh and en; into
 * buf. */
static const char *column(const char *both, char buf[24])
{
    const char *zh = strchr(both, ' ') + 1;
    snprintf(buf, 24, "%.*s", (int)(zh - 1 - both), both);
    const char *one = cli_pick(zh, buf);
    if (one != buf) /* en: buf already holds it (no copy onto itself) */
        snprintf(buf, 24, "%s", one ? one : both);
    return buf;
}

static void print_table(const shebao_policy *p)
{
    policy_line(p);
    printf("%s%s\n\n", in_zh() ? "继承     " : "lineage  ", shebao_policy_lineage(p));
    static const char *const head[] = {"PARAMETER 参数", "FROM 起始", "VALUE 数值", "STATUS 状态"};
    static const int widths[] = {52, 9, 37, 12};
    char c[24];
    for (int i = 0; i < 4; i++) {
        char t[48];
        snprintf(t, sizeof t, "%s%s", i ? " " : "", column(head[i], c));
        cli_pad(stdout, t, widths[i], false);
    }
    printf(" %s\n", column("SOURCE 来源", c));
    size_t n = shebao_policy_param_count(p), unofficial = 0;
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        shebao_policy_param(p, i, &q);
        if (in_zh()) { /* the value and the status in Chinese, padded by display width */
            char value[256];
            printf("%-52s %-8s ", q.path, q.from);
            cli_pad(stdout, cli_value_words(q.value, CLI_LANG_ZH, value, sizeof value), 36, false);
            fputc(' ', stdout);
            cli_pad(stdout, cli_status(q.status, CLI_LANG_ZH), 11, false);
            printf(" %s\n", q.source[0] ? q.source : "-");
        } else {
            printf("%-52s %-8s %-36s %-11s %s\n", q.path, q.from, q.value, shebao_status_name(q.status),
                   q.source[0] ? q.source : "-");
        }
        if (q.status != SHEBAO_STATUS_OFFICIAL)
            unofficial++;
    }
    printf(in_zh() ? "\n共 %zu 个参数值，其中 %zu 个不是官方的（状态不是 'official'）。\n"
                   : "\n%zu parameter values, %zu of them not official (status other than 'official').\n",
           n, unofficial);
    /* the sources the parameters use, once each, in first-use order */
    printf("\n%s\n", column("SOURCES 来源", c));
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        shebao_policy_param(p, i, &q);
        if (!q.source[0])
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) {
            shebao_param r;
            shebao_policy_param(p, j, &r);
            seen = strcmp(r.source, q.source) == 0;
        }
        if (!seen)
            printf("  %-24s [%s] %s%s%s\n", q.source, cli_status(q.status, cli_lang_get()), q.title,
                   q.url[0] ? "  " : "", q.url);
    }
}

typedef struct show_opts {
    const char *file, *region, *format;
} show_opts;

static const cli_opt show_table[] = {
    {.value = "ID", .kind = CLI_TEXT, .flags = CLI_OR, .at = offsetof(show_opts, region),
     .what = N_("takes one policy id"), .help = N_("an embedded policy (default zhejiang)")},
    CLI_OPTS_POLICY(show_opts),
    CLI_OPT_FORMAT(show_opts, "table|json"),
    {0},
};

static int policy_show(shebao_ctx *ctx, int argc, char **argv);

static const cli_command cmd_show = {
    .name = "policy show",
    .summary = N_("every parameter with its date, source and status"),
    .example = "policy show zhejiang-taizhou --format json",
    .opts = show_table,
    .run = policy_show,
};

static int policy_show(shebao_ctx *ctx, int argc, char **argv)
{
    show_opts o = {.format = "table"};
    int rc = cli_parse(&cmd_show, ctx, argc, argv, 3, &o);
    if (rc != CLI_GO)
        return rc;
    if (o.file && o.region)
        return cli_usage("give a policy id or --policy FILE, not both");
    shebao_policy *p = NULL;
    rc = cli_load_policy(ctx, o.file, o.region, &p);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    if (strcmp(o.format, "json") == 0) {
        char *json = NULL;
        rc = shebao_policy_to_json(p, &json);
        if (rc == SHEBAO_OK)
            cli_puts(json);
        shebao_free(json);
    } else {
        print_table(p);
    }
    cli_policy_free(p);
    return rc == SHEBAO_OK ? EXIT_OK : EXIT_INTERNAL;
}

typedef struct grades_opts {
    const char *file, *region, *format;
    cli_int year;
} grades_opts;

static const cli_opt grades_table[] = {
    {.name = "year", .value = "YYYY", .kind = CLI_INT, .flags = CLI_REQUIRED, .at = offsetof(grades_opts, year),
     .lo = SHEBAO_YEAR_MIN, .hi = SHEBAO_YEAR_MAX, .what = N_("a year"), .help = N_("the contribution year")},
    CLI_OPTS_POLICY(grades_opts),
    CLI_OPT_FORMAT(grades_opts, "table|json"),
    {0},
};

static int policy_grades(shebao_ctx *ctx, int argc, char **argv);

static const cli_command cmd_grades = {
    .name = "policy grades",
    .summary = N_("the grades a person may choose in a year, with their subsidies"),
    .example = "policy grades --year 2026 --region zhejiang-taizhou",
    .opts = grades_table,
    .run = policy_grades,
};

static void print_grades(const shebao_policy *p, const shebao_grade_list *g)
{
    policy_line(p);
    printf(in_zh() ? "年份     %d（档次表自 %s 起）\n\n" : "year     %d (grade table from %s)\n\n", shebao_grade_list_year(g),
           shebao_grade_list_table_from(g));
    /* columns: grade and subsidy right-aligned in 12, the kind in 14 (display columns: CJK counts 2) */
    const char *row[4];
    char head[4][24];
    static const char *const names[] = {"GRADE 档次", "SUBSIDY 补贴", "KIND 类别", "STATUS 状态"};
    for (int k = 0; k < 4; k++)
        row[k] = column(names[k], head[k]);
    for (size_t i = 0; i <= shebao_grade_list_count(g); i++) {
        shebao_grade_option o;
        char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], kind[24];
        if (i > 0 && shebao_grade_list_item(g, i - 1, &o) == SHEBAO_OK) {
            shebao_money_format(o.grade, a, sizeof a);
            shebao_money_format(o.subsidy, b, sizeof b);
            row[0] = a, row[1] = b, row[2] = o.daijiao ? cli_pair(kind, sizeof kind, "代缴", "daijiao")
                                      : cli_lang_get() == CLI_LANG_ZH ? "普通" : "normal";
            row[3] = cli_status(o.status, cli_lang_get());
        }
        cli_pad(stdout, row[0], 12, true);
        cli_pad(stdout, row[1], 14, true);
        fputs("  ", stdout);
        cli_pad(stdout, row[2], 14, false);
        printf(" %s\n", row[3]);
    }
}

static int policy_grades(shebao_ctx *ctx, int argc, char **argv)
{
    grades_opts o = {.format = "table"};
    int rc = cli_parse(&cmd_grades, ctx, argc, argv, 3, &o);
    if (rc != CLI_GO)
        return rc;
    if (!o.year.set)
        return cli_usage("policy grades needs --year YYYY");
    shebao_policy *p = NULL;
    rc = cli_load_policy(ctx, o.file, o.region, &p);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    shebao_grade_list *g = NULL;
    rc = shebao_policy_grades(ctx, p, (int)o.year.v, &g);
    if (rc == SHEBAO_NA) {
        cli_err("--year %lld: policy %s has no grade table in force yet in that year", o.year.v, shebao_policy_id(p));
        cli_policy_free(p);
        return EXIT_INPUT;
    }
    if (rc != SHEBAO_OK) {
        cli_policy_free(p);
        return cli_fail(ctx, rc);
    }
    if (strcmp(o.format, "json") == 0) {
        char *json = NULL;
        rc = shebao_grade_list_to_json(g, &json);
        if (rc == SHEBAO_OK)
            cli_puts(json);
        shebao_free(json);
    } else {
        print_grades(p, g);
    }
    shebao_grade_list_free(g);
    cli_policy_free(p);
    return rc == SHEBAO_OK ? EXIT_OK : EXIT_INTERNAL;
}

typedef struct check_opts {
    const char *file;
} check_opts;

static const cli_opt check_table[] = {
    {.value = "FILE", .kind = CLI_TEXT, .flags = CLI_REQUIRED, .at = offsetof(check_opts, file),
     .what = N_("takes exactly one FILE"), .help = N_("the policy file")},
    {0},
};

static int policy_check(shebao_ctx *ctx, int argc, char **argv);

static const cli_command cmd_check = {
    .name = "policy check",
    .summary = N_("validate a policy file"),
    .example = "policy check data/policies/zhejiang.json",
    .opts = check_table,
    .run = policy_check,
};

static int policy_check(shebao_ctx *ctx, int argc, char **argv)
{
    check_opts o = {NULL};
    int rc = cli_parse(&cmd_check, ctx, argc, argv, 3, &o);
    if (rc != CLI_GO)
        return rc;
    if (!o.file)
        return cli_usage("policy check takes exactly one FILE");
    shebao_policy *p = NULL;
    rc = shebao_policy_load_file(ctx, o.file, &p);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    size_t n = shebao_policy_param_count(p), unofficial = 0;
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        shebao_policy_param(p, i, &q);
        unofficial += q.status != SHEBAO_STATUS_OFFICIAL;
    }
    printf(cli_tr("%s: ok: policy %s (%s), %zu parameter values, %zu not official\n"), o.file, shebao_policy_id(p),
           shebao_policy_lineage(p), n, unofficial);
    shebao_policy_free(p);
    return EXIT_OK;
}

static int policy_list(shebao_ctx *ctx, int argc, char **argv);

static const cli_command cmd_list = {
    .name = "policy list",
    .summary = N_("the embedded policies"),
    .example = "policy list",
    .extra = N_("takes no arguments"),
    .run = policy_list,
};

static int policy_list(shebao_ctx *ctx, int argc, char **argv)
{
    int rc = cli_parse(&cmd_list, ctx, argc, argv, 3, NULL);
    if (rc != CLI_GO)
        return rc;
    size_t n = shebao_policy_embedded_count();
    for (size_t i = 0; i < n; i++) {
        shebao_policy *p = NULL;
        const char *id = shebao_policy_embedded_id(i);
        rc = shebao_policy_load_embedded(ctx, id, &p);
        if (rc != SHEBAO_OK)
            return cli_fail(ctx, rc);
        char name[256];
        printf("%-20s %s\n", id, cli_policy_name(p, cli_lang_get(), name, sizeof name));
        shebao_policy_free(p);
    }
    return EXIT_OK;
}

static const cli_command *const policy_subs[] = {&cmd_list, &cmd_show, &cmd_grades, &cmd_check, NULL};

const cli_command cli_cmd_policy = {
    .name = "policy",
    .summary = N_("the policies: the embedded ones, one in full, the grades of a year, a file checked"),
    .example = "policy grades --year 2025",
    .run = cmd_policy,
    .subs = policy_subs,
};

int cmd_policy(shebao_ctx *ctx, int argc, char **argv) { return cli_run_group(&cli_cmd_policy, ctx, argc, argv); }
