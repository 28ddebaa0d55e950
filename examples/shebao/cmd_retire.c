/* shebao retire: the statutory retirement month under the 2025 reform (渐进式延迟法定退休年龄), the elastic window
 * and the minimum contribution years. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_words.h"

typedef struct retire_opts {
    const char *file, *region, *format, *category;
    cli_month birth;
} retire_opts;

static const cli_opt retire_table[] = {
    CLI_OPTS_RETIREE(retire_opts),
    CLI_OPTS_POLICY(retire_opts),
    CLI_OPT_FORMAT(retire_opts, "table|json"),
    {0},
};

static void retire_month_text(int y, int m, char *buf, size_t size) { snprintf(buf, size, "%04d-%02d", y, m); }

static void retire_table_out(const shebao_policy *pol, const retire_opts *o, const shebao_retirement *r)
{
    char a[16], b[16], c[16];
    retire_month_text(r->year, r->month, a, sizeof a);
    retire_month_text(r->earliest_year, r->earliest_month, b, sizeof b);
    retire_month_text(r->latest_year, r->latest_month, c, sizeof c);
    cli_policy_title(stdout, pol, cli_lang_from(NULL));
    putchar('\n');
    char zh[96], en[96];
    snprintf(zh, sizeof zh, "法定退休（出生 %s，类别 %s）", o->birth.text, o->category);
    snprintf(en, sizeof en, "Statutory retirement, born %s, category %s", o->birth.text, o->category);
    if (cli_pick(zh, en))
        cli_head(stdout, zh, en);
    else
        printf("法定退休 %s\n", en);
    cli_lang l = cli_lang_from(NULL);
    char w[CLI_WORD_BUFSZ];
    static const char *const labels[][2] = {{"法定退休年月", "retirement month"}, {"法定退休年龄", "statutory age"},
                                            {"延迟月数", "delay"},                 {"弹性提前最早", "earliest (elastic)"},
                                            {"弹性延迟最晚", "latest (elastic)"},  {"最低缴费年限", "minimum years"}};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        fputs("  ", stdout);
        cli_label(stdout, labels[i][0], 13, labels[i][1], 21);
        printf("%s\n", i == 0   ? a
                       : i == 1 ? cli_age(r->age_years * 12 + r->age_months, l, w)
                       : i == 2 ? cli_duration(r->delay_months, l, w)
                       : i == 3 ? b
                       : i == 4 ? c
                                : cli_duration(r->min_months, l, w));
    }
}

const cli_command cli_cmd_retire = {
    .name = "retire",
    .summary = N_("statutory retirement month, elastic window and minimum years\n"
               "(法定退休年龄, the 2025 reform)"),
    .example = "retire --birth 1965-02 --category male",
    .opts = retire_table,
    .extra = N_("takes no arguments"),
    .run = cmd_retire,
};

int cmd_retire(shebao_ctx *ctx, int argc, char **argv)
{
    retire_opts o = {.format = "table"};
    int code = cli_parse(&cli_cmd_retire, ctx, argc, argv, 2, &o);
    if (code != CLI_GO)
        return code;
    if (!o.birth.text || !o.category)
        return cli_usage("retire needs --birth YYYY-MM and --category male|female55|female50");
    if (o.file && o.region)
        return cli_usage("give --region or --policy, not both");
    shebao_retire_category cat = SHEBAO_RETIRE_MALE;
    shebao_retire_category_from_name(o.category, &cat);
    shebao_policy *pol = NULL;
    int rc = cli_load_policy(ctx, o.file, o.region, &pol);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    shebao_retirement r = SHEBAO_RETIREMENT_INIT;
    rc = shebao_retire_compute(ctx, pol, o.birth.y, o.birth.m, cat, &r);
    char *text = NULL;
    if (rc != SHEBAO_OK)
        code = cli_fail(ctx, rc);
    else if (strcmp(o.format, "json") == 0)
        code = cli_print_json(shebao_retire_to_json(&r, &text), &text);
    else {
        retire_table_out(pol, &o, &r);
        code = EXIT_OK;
    }
    cli_policy_free(pol);
    return code;
}
