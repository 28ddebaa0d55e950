/* shebao batch: the options, the input and output files, and the report of a run (the run: batch_run.c). */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_decode.h"
#include "batch_run.h"
#include "cli.h"

/* "--in FILE" or "standard input", for messages. */
static const char *in_name(const char *in, char *buf, size_t size)
{
    if (!in || strcmp(in, "-") == 0)
        return "standard input";
    snprintf(buf, size, "--in %s", in);
    return buf;
}

/* Open the input, then the output. An input that cannot be read as a file (missing, not allowed, a directory) is
 * an input error (exit 4), and an output that is the input file itself (the same path, a symbolic or a hard link)
 * a usage error (exit 2); both are found before anything is opened for writing. --out FILE is written to a
 * temporary file that becomes FILE only when the run succeeds (cli_outfile.c). */
static int open_streams(const char *in, const char *out, FILE **fin, cli_outfile *fout)
{
    char name[600];
    bool to_file = out && strcmp(out, "-") != 0;
    memset(fout, 0, sizeof *fout);
    *fin = stdin;
    if (in && strcmp(in, "-") != 0 && !(*fin = fopen(in, "rb"))) {
        cli_err("--in %s: %s", in, cli_strerror(errno));
        return EXIT_INPUT;
    }
    struct stat ist, ost;
    int code = EXIT_OK, err = fstat(fileno(*fin), &ist) != 0 ? errno : S_ISDIR(ist.st_mode) ? EISDIR : 0;
    if (err) {
        cli_err("%s: %s", in_name(in, name, sizeof name), cli_strerror(err));
        code = EXIT_INPUT;
    } else if (to_file && cli_is_file(out, &ist)) {
        code = cli_usage("batch: --out %s is the same file as %s", out, in_name(in, name, sizeof name));
    } else if (!to_file && S_ISREG(ist.st_mode) && fstat(fileno(stdout), &ost) == 0 && ost.st_dev == ist.st_dev &&
               ost.st_ino == ist.st_ino) { /* (`>> people.csv`: the output would be read again, without end) */
        code = cli_usage("batch: standard output is the same file as %s", in_name(in, name, sizeof name));
    } else if (!to_file) {
        fout->f = stdout;
    } else if ((err = cli_outfile_open(fout, out)) != 0) {
        cli_err("--out %s: %s", out, cli_strerror(err));
        code = EXIT_INPUT;
    }
    if (code != EXIT_OK && *fin != stdin)
        fclose(*fin);
    return code;
}

typedef struct batch_cli {
    const char *file, *region, *in, *out, *discount, *mortality, *encoding;
    cli_int threads;
    bool progress;
} batch_cli;

#define AT(m) .at = offsetof(batch_cli, m)
static const cli_opt batch_table[] = {
    CLI_OPTS_POLICY(batch_cli),
    {.name = "in", .value = "FILE|-", .kind = CLI_TEXT, AT(in), .help = N_("the people, CSV (default -: standard input)")},
    {.name = "out", .value = "FILE|-", .kind = CLI_TEXT, AT(out),
     .help = N_("the results, CSV (default -: standard output); FILE is replaced only when complete")},
    {.name = "encoding", .value = "utf-8|" BATCH_GB18030, .kind = CLI_CHOICE, .flags = CLI_USAGE_ERR, AT(encoding),
     .help = N_("of the input (default utf-8); gb18030: a CSV file saved by Chinese Excel (GBK, GB2312)")},
    {.name = "threads", .value = "N", .kind = CLI_INT, .flags = CLI_USAGE_ERR, AT(threads), .lo = 1, .hi = 256,
     .what = N_("a whole number"), .help = N_("threads projecting rows (default one per processor)")},
    CLI_OPT_DISCOUNT(batch_cli),
    CLI_OPT_MORTALITY(batch_cli),
    {.name = "progress", .kind = CLI_SWITCH, AT(progress), .help = N_("a progress bar on standard error (a terminal)")},
    {0},
};
#undef AT

const cli_command cli_cmd_batch = {
    .name = "batch",
    .summary = N_("one projection per CSV row (id,birth,sex,plan,collective,backpay),\n"
               "CSV out in input order; exits 4 when any row is an error"),
    .example = "batch --in people.csv --out pensions.csv --threads 4",
    .opts = batch_table,
    .run = cmd_batch,
};

/* The run's settings from the options; EXIT_OK or the exit code after a usage error. */
static int settings(shebao_ctx *ctx, const batch_cli *o, batch_setup *s)
{
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    s->threads = o->threads.set ? (int)o->threads.v : ncpu > 0 ? (int)(ncpu > 256 ? 256 : ncpu) : 1;
    s->opts.mortality = SHEBAO_MORTALITY_CL2010_2013_PENSION;
    if (o->mortality)
        shebao_mortality_from_name(o->mortality, &s->opts.mortality);
    s->opts.discount = o->discount;
    s->progress = o->progress && isatty(2);
    s->block = BATCH_BLOCK;
    const char *blk_env = getenv("SHEBAO_BATCH_BLOCK"); /* tests: small blocks cut records everywhere */
    if (blk_env && atol(blk_env) >= 1 && atol(blk_env) <= (1L << 30))
        s->block = (size_t)atol(blk_env);
    if (o->file && o->region)
        return cli_usage("give --region or --policy, not both");
    if (s->opts.discount) { /* the library's own check of a discount rate: an input error, as for project */
        shebao_fen dummy;
        int drc = shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 720, 100,
                                     s->opts.discount, &dummy);
        if (drc != SHEBAO_OK)
            return cli_fail(ctx, drc);
    }
    return EXIT_OK;
}

/* What the run came to: the first problem, then the output committed (or the old --out kept), then the count of
 * rows. The exit code. */
static int report(const batch_cli *o, batch_result *r, cli_outfile *fout)
{
    int exit_code = EXIT_OK;
    if (r->alloc_failed) {
        cli_err("batch: out of memory or cannot start threads");
        exit_code = EXIT_INTERNAL;
    } else if (r->read_failed) {
        char name[600];
        cli_err("batch: read error on %s: %s", in_name(o->in, name, sizeof name),
                cli_strerror(r->read_errno ? r->read_errno : EIO));
        exit_code = EXIT_INTERNAL;
    } else if (r->fatal) {
        cli_err("%s", r->fatal_msg);
        exit_code = EXIT_INPUT;
    } else if (r->oom) {
        fputs("shebao: batch: out of memory: the output is incomplete\n", stderr);
        exit_code = EXIT_INTERNAL;
    }
    if (fout->f == stdout) {
        if (fflush(stdout) != 0 && !r->write_failed) {
            r->write_failed = true;
            r->write_errno = errno;
        }
        if (r->write_failed || ferror(stdout))
            exit_code = cli_stdout_failed(r->write_errno);
    } else {
        /* --out FILE becomes the output only when complete (error rows included); otherwise it stays as it was */
        int err = r->write_failed ? (r->write_errno ? r->write_errno : EIO) : 0;
        if (exit_code == EXIT_OK && !err)
            err = cli_outfile_commit(fout);
        else
            cli_outfile_discard(fout);
        if (err) {
            cli_err("batch: write error on --out %s: %s", o->out, cli_strerror(err));
            exit_code = EXIT_INTERNAL;
        }
    }
    if (!r->fatal)
        fprintf(stderr, cli_tr("batch: rows %lld, ok %lld, not eligible %lld, errors %lld, %.3f s, %.0f rows/s\n"),
                r->total, r->ok, r->not_eligible, r->errors, r->secs, r->secs > 0 ? (double)r->total / r->secs : 0.0);
    if (exit_code == EXIT_OK && r->errors > 0)
        exit_code = EXIT_INPUT; /* some rows failed: every row is still in the output */
    return exit_code;
}

int cmd_batch(shebao_ctx *ctx, int argc, char **argv)
{
    batch_cli o = {.file = NULL};
    int code = cli_parse(&cli_cmd_batch, ctx, argc, argv, 2, &o);
    if (code != CLI_GO)
        return code;
    batch_setup s;
    memset(&s, 0, sizeof s);
    if ((code = settings(ctx, &o, &s)) != EXIT_OK)
        return code;
    shebao_policy *pol = NULL;
    int rc = cli_load_policy(ctx, o.file, o.region, &pol);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    s.opts.policy = pol;
    FILE *fin;
    cli_outfile fout;
    if ((code = open_streams(o.in, o.out, &fin, &fout)) != EXIT_OK) {
        shebao_policy_free(pol);
        return code;
    }
    s.out = fout.f;
    static char obuf_space[1 << 20];
    setvbuf(s.out, obuf_space, _IOFBF, sizeof obuf_space);
    static batch_decode dec; /* (64 KiB of buffer: not on the stack) */
    bool decode = o.encoding && strcmp(o.encoding, BATCH_GB18030) == 0;
    if (decode && !batch_decode_open(&dec, fin, "GB18030")) {
        cli_err("batch: --encoding %s: %s", o.encoding, cli_strerror(errno));
        cli_outfile_discard(&fout);
        if (fin != stdin)
            fclose(fin);
        shebao_policy_free(pol);
        return EXIT_INTERNAL;
    }
    batch_result r;
    if (!batch_run(&s, decode ? dec.f : fin, &r)) {
        cli_err("batch: cannot start %d threads (started %d); try --threads %d", s.threads, r.started, r.started);
        if (s.out != stdout)
            cli_outfile_discard(&fout); /* the old --out stays */
        exit(EXIT_INTERNAL);
    }
    if (decode && dec.bad_at >= 0 && r.read_failed && !r.fatal) { /* an input error, not a failed read */
        char name[600];
        r.read_failed = false;
        r.fatal = true;
        snprintf(r.fatal_msg, sizeof r.fatal_msg,
                 "%.300s: 第 %lld 字节起不是 GB18030 编码（若是 UTF-8，去掉 --encoding） byte %lld on is not GB18030 (if the "
                 "file is UTF-8, leave out --encoding)", in_name(o.in, name, sizeof name), dec.bad_at + 1,
                 dec.bad_at + 1);
    }
    if (decode)
        batch_decode_close(&dec);
    code = report(&o, &r, &fout);
    if (fin != stdin)
        fclose(fin);
    shebao_policy_free(pol);
    return code;
}
