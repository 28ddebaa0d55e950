/* shebao — command-line front end of libshebao. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "usage: shebao <command> [options]\n"
    "\n"
    "commands:\n"
    "  version                          library and data-format versions\n"
    "  policy list                      the embedded policies\n"
    "  policy show [ID | --policy FILE] [--format table|json]\n"
    "                                   every parameter with its date, source and status\n"
    "  policy check FILE                validate a policy file\n"
    "  project [--region ID | --policy FILE] --birth YYYY-MM [--sex male|female]\n"
    "          (--plan SPEC | --grade G --start YYYY --years N) [--collective AMOUNT]\n"
    "          [--backpay N:GRADE] [--future-rate R] [--discount R]\n"
    "          [--mortality cl2010-2013-pension|none] [--format table|json|csv] [--explain]\n"
    "                                   one person's resident pension (城乡居民基本养老保险)\n"
    "                                   SPEC: YYYY-YYYY:GRADE or YYYY:GRADE, comma-separated\n"
    "  ltc assess --adl S,...(10) --cognition S,...(4) --perception S,...(3)\n"
    "                                   disability grade by the 2021 scale (长期护理失能等级)\n"
    "  ltc benefit --grade N --mode institution|medical_institution|home_visit|home_cash\n"
    "          --month YYYY-MM [--days N] [--hospital-days N] [--cost AMOUNT]\n"
    "          [--hours H --price AMOUNT] [--disability-months N] [--insured-months N]\n"
    "                                   one month's long-term care benefit (长期护理保险待遇)\n"
    "  ltc fund --group employee|retiree|resident|minor|assisted --month YYYY-MM\n"
    "          [--count N] [--base AMOUNT]  contributions per payer (长护险筹资)\n"
    "  ltc cost --beneficiaries N --grade-mix G:S,... --mode-mix MODE:S,... --from YYYY-MM\n"
    "          [--months N] [--cost AMOUNT] [--hours H --price AMOUNT] [--hospital-days N]\n"
    "                                   fund spending estimate from the benefit rules\n"
    "          (every ltc command: [--region ID | --policy FILE] [--format table|json])\n"
    "  compare [--region ID | --policy FILE] --birth YYYY-MM [--sex male|female] --start YYYY\n"
    "          [--grades all|G1,G2,...] [--years all|N1,N2,...] [--discount R]\n"
    "          [--format table|json|csv] [--chart FILE.png|FILE.svg|FILE.pdf] [--lang zh|en]\n"
    "                                   grades × years paid from START: pension, break-even, EPV,\n"
    "                                   one grade up, one year longer, lowest vs highest (多缴多得)\n"
    "  batch [--region ID | --policy FILE] [--in FILE|-] [--out FILE|-] [--threads N]\n"
    "        [--discount R] [--mortality cl2010-2013-pension|none] [--progress]\n"
    "                                   one projection per CSV row (id,birth,sex,plan,collective,backpay),\n"
    "                                   CSV out in input order; exits 4 when any row is an error\n"
    "\n"
    "exit codes: 0 success, 1 internal error, 2 usage error, 3 policy/data error, 4 input error,\n"
    "            5 computation error\n";

int cli_exit_code(int rc)
{
    switch (rc) {
    case SHEBAO_OK: return EXIT_OK;
    case SHEBAO_EUSAGE: return EXIT_USAGE;
    case SHEBAO_EPOLICY: return EXIT_POLICY;
    case SHEBAO_EINPUT: return EXIT_INPUT;
    case SHEBAO_ECOMPUTE: return EXIT_COMPUTE;
    default: return EXIT_INTERNAL;
    }
}

/* "shebao: MESSAGE SUFFIX" on one line of stderr, whatever the message holds (an argument may hold a line break). */
static void err_line(const char *suffix, const char *fmt, va_list ap)
{
    char msg[1200];
    vsnprintf(msg, sizeof msg, fmt, ap);
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    fprintf(stderr, "shebao: %s%s\n", msg, suffix);
}

void cli_err(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_line("", fmt, ap);
    va_end(ap);
}

int cli_fail(shebao_ctx *ctx, int rc)
{
    const char *msg = shebao_ctx_errmsg(ctx);
    cli_err("%s", msg && *msg ? msg : shebao_strerror(rc));
    return cli_exit_code(rc);
}

int cli_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_line(" (see 'shebao help')", fmt, ap);
    va_end(ap);
    return EXIT_USAGE;
}

void cli_args_init(cli_args *a, int argc, char **argv, int start)
{
    memset(a, 0, sizeof *a);
    a->argc = argc;
    a->argv = argv;
    a->i = start - 1;
}

bool cli_next(cli_args *a)
{
    a->i++;
    if (a->i >= a->argc)
        return false;
    const char *s = a->argv[a->i];
    a->has_inline = false;
    if (s[0] == '-' && s[1] == '-' && s[2]) {
        const char *eq = strchr(s + 2, '=');
        static char name[64];
        size_t len = eq ? (size_t)(eq - s - 2) : 0;
        if (eq && len < sizeof name) { /* "--name=value": the name, copied whole */
            memcpy(name, s + 2, len);
            name[len] = '\0';
            a->name = name;
        } else { /* "--name", or a name longer than any option: the whole argument, never cut (it is unknown) */
            a->name = s + 2;
        }
        if (eq) {
            a->has_inline = true;
            a->inline_value = eq + 1;
        }
        a->value = NULL;
    } else {
        a->name = NULL;
        a->value = s;
    }
    return true;
}

const char *cli_value(cli_args *a)
{
    if (a->has_inline)
        return a->value = a->inline_value;
    if (a->i + 1 >= a->argc) {
        cli_usage("option --%s needs a value", a->name);
        return NULL;
    }
    return a->value = a->argv[++a->i];
}

int cli_load_policy(shebao_ctx *ctx, const char *file, const char *region, shebao_policy **out)
{
    if (file)
        return shebao_policy_load_file(ctx, file, out);
    return shebao_policy_load_embedded(ctx, region ? region : CLI_DEFAULT_REGION, out);
}

/* Standard output is checked once, at the end of every command (finish_stdout). A long text goes to the descriptor
 * at once, past the buffer, and a failed write of it leaves nothing for the final flush to fail on: cli_puts keeps
 * the reason. */
static int stdout_errno;     /* the reason (errno) of the first failed write through cli_puts; 0 if none */
static bool stdout_reported; /* the write error on standard output was reported (by batch, or at the end) */

void cli_puts(const char *text)
{
    if ((fputs(text, stdout) == EOF || putchar('\n') == EOF) && !stdout_errno)
        stdout_errno = errno;
}

int cli_stdout_failed(int err)
{
    if (!stdout_reported) {
        stdout_reported = true;
        if (err)
            cli_err("write error on standard output: %s", strerror(err));
        else
            cli_err("write error on standard output");
    }
    return EXIT_INTERNAL;
}

/* Flush and close standard output; a write that failed now or earlier is an error (exit 1), reported once. A
 * command that failed keeps its own exit code. */
static int finish_stdout(int rc)
{
    int err = 0;
    bool bad = ferror(stdout) != 0;
    if (fflush(stdout) != 0) {
        bad = true;
        err = errno;
    }
#ifndef SHEBAO_FUZZ_H /* a fuzz target calls main again and again in one process: standard output stays open */
    if (fclose(stdout) != 0 && !bad && errno != EBADF) { /* (EBADF: closed from the start, and nothing written) */
        bad = true;
        err = errno;
    }
#endif
    if (!bad)
        return rc;
    cli_stdout_failed(err ? err : stdout_errno);
    return rc == EXIT_OK ? EXIT_INTERNAL : rc;
}

static int cmd_version(void)
{
    printf("shebao %s (library %s, data format shebao-policy/1)\n", SHEBAO_VERSION_STRING, shebao_version());
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    stdout_errno = 0;
    stdout_reported = false;
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage_text, stdout);
        return finish_stdout(EXIT_OK);
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0)
        return finish_stdout(cmd_version());
    shebao_ctx *ctx = NULL;
    if (shebao_ctx_new(&ctx) != SHEBAO_OK) {
        fputs("shebao: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    int rc;
    if (strcmp(cmd, "policy") == 0)
        rc = cmd_policy(ctx, argc, argv);
    else if (strcmp(cmd, "project") == 0)
        rc = cmd_project(ctx, argc, argv);
    else if (strcmp(cmd, "batch") == 0)
        rc = cmd_batch(ctx, argc, argv);
    else if (strcmp(cmd, "ltc") == 0)
        rc = cmd_ltc(ctx, argc, argv);
    else if (strcmp(cmd, "compare") == 0)
        rc = cmd_compare(ctx, argc, argv);
    else
        rc = cli_usage("unknown command '%s'", cmd);
    shebao_ctx_free(ctx);
    return finish_stdout(rc);
}
