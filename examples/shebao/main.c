/* shebao — command-line front end of libshebao: the list of commands, `help` and `version`, and the check of
 * standard output at the end of every command. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Standard output is checked once, at the end of every command (finish_stdout). A long text goes to the descriptor
 * at once, past the buffer, and a failed write of it leaves nothing for the final flush to fail on: cli_puts keeps
 * the reason. */
static int stdout_errno;     /* the reason (errno) of the first failed write through cli_puts; 0 if none */
static bool stdout_reported; /* the write error on standard output was reported (by batch, or at the end) */

void cli_puts(const char *text)
{
    cli_sink *s = cli_sink_get();
    if (s) {
        if (fputs(text, s->out) == EOF || fputc('\n', s->out) == EOF)
            s->failed = true;
        return;
    }
    if ((fputs(text, stdout) == EOF || putchar('\n') == EOF) && !stdout_errno)
        stdout_errno = errno;
}

int cli_stdout_failed(int err)
{
    if (!stdout_reported) {
        stdout_reported = true;
        if (err)
            cli_err("write error on standard output: %s", cli_strerror(err));
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

static int cmd_version(shebao_ctx *ctx, int argc, char **argv)
{
    (void)ctx, (void)argc, (void)argv; /* (any further argument is ignored) */
    printf(cli_tr("shebao %s (library %s, data format shebao-policy/1)\n"), SHEBAO_VERSION_STRING, shebao_version());
    return EXIT_OK;
}

static const cli_command cmd_version_desc = {
    .name = "version",
    .summary = N_("library and data-format versions"),
    .example = "version",
    .run = cmd_version,
};

typedef struct help_opts {
    const char *command;
} help_opts;

static const cli_opt help_table[] = {
    {.value = "COMMAND", .at = offsetof(help_opts, command), .help = N_("a command, or a group and its command")},
    {0},
};

static const cli_command cmd_help_desc = {
    .name = "help",
    .summary = N_("this text, or the options of one command with an example"),
    .example = "help ltc benefit",
    .opts = help_table,
};

/* Every command, in the order of the usage. */
static const cli_command *const commands[] = {&cmd_version_desc, &cmd_help_desc, &cli_cmd_policy, &cli_cmd_project,
                                              &cli_cmd_ltc, &cli_cmd_compare, &cli_cmd_report, &cli_cmd_batch,
                                              &cli_cmd_retire, &cli_cmd_employee, &cli_cmd_choose, &cli_cmd_serve,
                                              NULL};

/* Write a help text to standard output in one piece, keeping the reason of a failed write: the usage is longer
 * than stdio's buffer, so part of it reaches the descriptor at once, and the final flush could not say why it failed. */
static int help_write(void (*print)(FILE *, const void *), const void *what)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) {
        fputs("shebao: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    print(mem, what);
    if (fclose(mem) != 0) {
        free(text);
        fputs("shebao: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    if (fwrite(text, 1, len, stdout) != len && !stdout_errno)
        stdout_errno = errno;
    free(text);
    return EXIT_OK;
}

static void print_usage(FILE *f, const void *what)
{
    cli_print_usage(f, what);
}

static void print_help(FILE *f, const void *what)
{
    cli_print_help(f, what);
}

/* shebao help [COMMAND [SUBCOMMAND]] (also --help, -h): the usage, or one command's help, on standard output. */
static int help(int argc, char **argv)
{
    if (argc < 3)
        return help_write(print_usage, commands);
    const cli_command *c = cli_is_help(argv[2]) ? &cmd_help_desc : cli_find(commands, argv[2]);
    if (!c)
        return cli_usage("unknown command '%s'", argv[2]);
    if (c->subs && argc > 3 && !cli_is_help(argv[3])) {
        const cli_command *sub = cli_find(c->subs, argv[3]);
        if (!sub)
            return cli_usage("unknown %s subcommand '%s'", c->name, argv[3]);
        c = sub;
    }
    return help_write(print_help, c);
}

/* --lang VALUE / --lang=VALUE taken out of argv for `help` and `version` (a command's own run reads it in
 * cli_parse): the thread's language set, argc made smaller. A bad value is left for the usage error. */
static int take_lang(int argc, char **argv)
{
    int n = 1;
    for (int i = 1; i < argc; i++) {
        cli_lang l;
        if (strncmp(argv[i], "--lang=", 7) == 0 && cli_lang_from_name(argv[i] + 7, &l)) {
            cli_lang_set(l);
            continue;
        }
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc && cli_lang_from_name(argv[i + 1], &l)) {
            cli_lang_set(l);
            i++;
            continue;
        }
        argv[n++] = argv[i];
    }
    argv[n] = NULL;
    return n;
}

int main(int argc, char **argv)
{
    stdout_errno = 0;
    stdout_reported = false;
    cli_lang_init();
    if (argc < 2) {
        cli_print_usage(stderr, commands);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "help") == 0 || cli_is_help(cmd) || strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0 ||
        !cli_find(commands, cmd))
        argc = take_lang(argc, argv); /* (a command's run reads it in cli_parse) */
    if (strcmp(cmd, "help") == 0 || cli_is_help(cmd))
        return finish_stdout(help(argc, argv));
    if (strcmp(cmd, "--version") == 0)
        cmd = "version";
    const cli_command *c = cli_find(commands, cmd);
    if (c == &cmd_version_desc && argc > 2 && cli_is_help(argv[2]))
        return finish_stdout(help_write(print_help, c));
    if (c == &cmd_version_desc)
        return finish_stdout(cmd_version(NULL, argc, argv));
    if (!c || !c->run)
        return finish_stdout(cli_usage("unknown command '%s'", cmd));
    shebao_ctx *ctx = NULL;
    if (shebao_ctx_new(&ctx) != SHEBAO_OK) {
        fputs("shebao: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    int rc = c->run(ctx, argc, argv);
    shebao_ctx_free(ctx);
    return finish_stdout(rc);
}
