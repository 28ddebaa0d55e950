/* shebao report: the one-page handout (A4, PDF) of a person's options, from the comparison of `shebao compare` with
 * the same options (every figure on the page is one `compare --format json` gives); drawn by report_page.c. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "chart.h"
#include "cli.h"
#include "cli_words.h"
#include "report_page.h"

typedef struct report_opts {
    const char *file, *region, *sex, *paid, *name, *out;
    cli_month birth;
    cli_int start;
    struct report_backpay {
        int years; /* 0: none */
        shebao_fen grade;
    } backpay;
} report_opts;

/* --backpay N:GRADE */
static int check_backpay(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    (void)o;
    struct report_backpay *b = dest;
    const char *why = cli_parse_backpay(ctx, v, &b->years, &b->grade);
    if (why) {
        cli_err("--backpay '%.40s': %s", v, why);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

/* --out FILE.pdf */
static int check_out(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    (void)ctx, (void)o;
    size_t n = strlen(v);
    if (n <= 4 || strcasecmp(v + n - 4, ".pdf") != 0)
        return cli_usage("--out '%.200s': the file name must end in .pdf", v);
    *(const char **)dest = v;
    return EXIT_OK;
}

/* --name: printed on the page; one line of at most 40 bytes of UTF-8 */
static int check_name(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    (void)ctx, (void)o;
    size_t n = strlen(v);
    if (n > 40 || strpbrk(v, "\n\r\t"))
        return cli_usage("--name '%.40s': one line of at most 40 bytes (13 Chinese characters)", v);
    for (size_t i = 0, k; i < n; i += k)
        if ((k = cli_utf8_seq((const unsigned char *)v + i, n - i)) == 0)
            return cli_usage("--name: not valid UTF-8 (byte %zu)", i + 1);
    *(const char **)dest = v;
    return EXIT_OK;
}

#define AT(m) .at = offsetof(report_opts, m)
static const cli_opt report_table[] = {
    CLI_OPTS_POLICY(report_opts),
    CLI_OPTS_PERSON_PLAN(report_opts),
    {.name = "backpay", .value = "N:GRADE", .kind = CLI_CHECK, AT(backpay), .check = check_backpay,
     .help = N_("补缴 a back payment of N years at GRADE at the claim, in every plan")},
    {.name = "name", .value = "NAME", .kind = CLI_CHECK, AT(name), .check = check_name,
     .help = N_("the person's name, printed in the title (张三)")},
    {.name = "out", .value = "FILE.pdf", .kind = CLI_CHECK, .flags = CLI_REQUIRED, AT(out), .check = check_out,
     .help = N_("the page (one A4 page, PDF); replaced only when complete")},
    {0},
};
#undef AT

const cli_command cli_cmd_report = {
    .name = "report",
    .summary = N_("one A4 page (PDF) a guide can print: the options, a chart,\n"
               "three sentences, advice (the figures of compare)"),
    .example = "report --birth 1980-05 --start 2025 --name 张三 --out 张三.pdf",
    .opts = report_table,
    .run = cmd_report,
};

/* The policy's data_through ("YYYY-MM"), or NULL. */
static const char *data_through(const shebao_policy *pol)
{
    for (size_t i = 0; i < shebao_policy_param_count(pol); i++) {
        shebao_param q;
        if (shebao_policy_param(pol, i, &q) == SHEBAO_OK && strcmp(q.path, "data_through") == 0)
            return q.value;
    }
    return NULL;
}

/* Today (UTC), or the day of SOURCE_DATE_EPOCH when set (reproducible pages), as "YYYY-MM-DD". */
static void today(char buf[16])
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    long long secs;
    time_t t = sde && cli_parse_whole(sde, strlen(sde), 0, 253402300799LL, &secs) ? (time_t)secs : time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(buf, 16, "%Y-%m-%d", &tm) == 0)
        snprintf(buf, 16, "?");
}

/* The page, written to a temporary file renamed over FILE only when complete (cli_outfile.c). */
static int write_page(const shebao_comparison *c, const shebao_policy *pol, const report_opts *o)
{
    char err[512], name[256], date[16];
    bool zh = cli_lang_get() != CLI_LANG_EN; /* the page is Chinese unless --lang en (or an English environment) */
    cli_policy_name(pol, zh ? CLI_LANG_ZH : CLI_LANG_EN, name, sizeof name);
    today(date);
    report_info info = {o->name, o->birth.text, name, data_through(pol), o->paid, o->backpay.years, o->backpay.grade,
                        date, zh};
    cli_outfile of;
    int r = -1, e = cli_outfile_open(&of, o->out);
    if (e != 0) {
        snprintf(err, sizeof err, cli_tr("cannot write the report '%.200s': %s"), o->out, cli_strerror(e));
    } else if ((r = report_write(c, &info, o->out, of.f, err, sizeof err)) < 0) {
        cli_outfile_discard(&of);
    } else if ((e = cli_outfile_commit(&of)) != 0) {
        snprintf(err, sizeof err, cli_tr("cannot write the report '%.200s': %s"), o->out, cli_strerror(e));
        r = -2;
    }
    chart_cleanup();
    if (r < 0) {
        cli_err("%s", err);
        return r == -2 ? EXIT_INTERNAL : EXIT_INPUT;
    }
    if (r == 1)
        cli_err("warning: no font with Chinese glyphs (%s, Debian package fonts-noto-cjk); the page is in English",
                CHART_FONT);
    else if (r == 2)
        cli_err("warning: %s has no glyph for some characters of the page (the name?); they show as boxes",
                CHART_FONT);
    return EXIT_OK;
}

static int check(const report_opts *o)
{
    int rc = cli_check_person_plan("report", o->file, o->region, "--out", o->out, o->birth.text, o->start.set);
    if (rc == EXIT_OK && !o->out)
        return cli_usage("report needs --out FILE.pdf");
    return rc;
}

int cmd_report(shebao_ctx *ctx, int argc, char **argv)
{
    report_opts o = {0};
    int rc = cli_parse(&cli_cmd_report, ctx, argc, argv, 2, &o);
    if (rc != CLI_GO)
        return rc;
    if ((rc = check(&o)) != EXIT_OK)
        return rc;
    /* the person and the options of `shebao compare` with the same flags: the default grades and lengths */
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = o.birth.y;
    pe.birth_month = o.birth.m;
    if (o.sex)
        cli_parse_sex(o.sex, &pe.sex);
    pe.backpay_years = o.backpay.years;
    pe.backpay_grade = o.backpay.grade;
    shebao_compare_options opt = SHEBAO_COMPARE_OPTIONS_INIT;
    opt.start_year = (int)o.start.v;
    shebao_segment *paid = NULL;
    if (o.paid && (rc = shebao_plan_parse(ctx, o.paid, &paid, &pe.plan_count)) != SHEBAO_OK) {
        cli_err("--paid %s", shebao_ctx_errmsg(ctx));
        return EXIT_INPUT;
    }
    pe.plan = paid;
    shebao_policy *pol = NULL;
    if ((rc = cli_load_policy(ctx, o.file, o.region, &pol)) != SHEBAO_OK) {
        shebao_free(paid);
        return cli_fail(ctx, rc);
    }
    shebao_comparison *c = NULL;
    rc = shebao_compare(ctx, pol, &pe, &opt, &c);
    int exit_code = rc != SHEBAO_OK ? cli_fail(ctx, rc) : write_page(c, pol, &o);
    shebao_comparison_free(c);
    cli_policy_free(pol);
    shebao_free(paid);
    return exit_code;
}
