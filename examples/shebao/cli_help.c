/* `shebao help` and `shebao help CMD` (or `shebao CMD --help`), made from the commands' option tables: the
 * synopsis of a command is its options in table order, CLI_OR and CLI_AND joining an option to the next in one
 * bracket, CLI_REQUIRED ones without brackets. */
#include <string.h>

#include "cli.h"

#define WIDTH 90    /* synopses are wrapped before this column */
#define INDENT 10   /* where a wrapped synopsis goes on */
#define SUMMARY 35  /* the column of the summaries in the usage */
#define OPTHELP 30  /* the column of an option's help */

/* Whether opts[i] is an entry (the table ends with {0}). */
static bool entry(const cli_opt *opts, size_t i) { return opts && (opts[i].name || opts[i].value); }

/* An option as the synopsis names it: "--name VALUE", "--name" (a switch), "VALUE" (the positional argument). */
static const char *opt_text(const cli_opt *o, char *buf, size_t size)
{
    if (!o->name)
        snprintf(buf, size, "%s", o->value);
    else if (o->kind == CLI_SWITCH)
        snprintf(buf, size, "--%s", o->name);
    else
        snprintf(buf, size, "--%s %s", o->name, o->value);
    return buf;
}

/* A line being written, and its column. */
typedef struct line {
    FILE *f;
    int col;
} line;

/* A word of a synopsis, after a space, or on a new line when it would pass WIDTH. */
static void put_word(line *l, const char *w)
{
    int n = cli_width(w);
    if (l->col + 1 + n > WIDTH && l->col > INDENT) {
        fprintf(l->f, "\n%*s", INDENT, "");
        l->col = INDENT;
    } else {
        fputc(' ', l->f);
        l->col++;
    }
    fputs(w, l->f);
    l->col += n;
}

/* The synopsis of a table: each group of options joined by CLI_OR / CLI_AND is one word, in brackets unless it
 * is required ("(a | b c)" when required and more than one). */
static void put_opts(line *l, const cli_opt *opts)
{
    for (size_t i = 0; entry(opts, i);) {
        char group[512] = "", one[256], word[520];
        size_t first = i, n = 0;
        unsigned join;
        do {
            join = opts[i].flags & (CLI_OR | CLI_AND);
            n += (size_t)snprintf(group + n, sizeof group - n, "%s%s", opt_text(&opts[i], one, sizeof one),
                                  join & CLI_OR ? " | " : join ? " " : "");
            i++;
        } while (join && entry(opts, i) && n < sizeof group);
        bool required = opts[first].flags & CLI_REQUIRED, several = i - first > 1;
        snprintf(word, sizeof word, "%s%s%s", !required ? "[" : several ? "(" : "", group,
                 !required ? "]" : several ? ")" : "");
        put_word(l, word);
    }
}

/* A summary: from SUMMARY on the synopsis' last line when there is room, else on lines of its own. */
static void put_summary(line *l, const char *text)
{
    char buf[600];
    text = text ? cli_text(text, buf, sizeof buf) : "";
    if (l->col > SUMMARY - 2)
        fprintf(l->f, "\n%*s", SUMMARY, "");
    else
        fprintf(l->f, "%*s", SUMMARY - l->col, "");
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            fprintf(l->f, "\n%*s", SUMMARY, "");
        else
            fputc(*p, l->f);
    }
    fputc('\n', l->f);
}

/* A command's lines in the usage: "  NAME OPTIONS..." wrapped, then its summary. */
static void put_block(FILE *f, const cli_command *c)
{
    line l = {f, 2 + cli_width(c->name)};
    fprintf(f, "  %s", c->name);
    put_opts(&l, c->opts);
    put_summary(&l, c->summary);
}

/* The commands of a group, then the options they all take, once. */
static void put_group(FILE *f, const cli_command *g)
{
    for (size_t i = 0; g->subs[i]; i++)
        put_block(f, g->subs[i]);
    if (g->shared) {
        line l = {f, INDENT + 7 + cli_width(g->name) + 9};
        fprintf(f, "%*s(", INDENT, "");
        fprintf(f, cli_tr("every %s command:"), g->name);
        put_opts(&l, g->shared);
        fputs(")\n", f);
    }
}

void cli_print_usage(FILE *f, const cli_command *const *commands)
{
    fprintf(f, "%s\n\n%s\n", cli_tr("usage: shebao <command> [options]"), cli_tr("commands:"));
    for (size_t i = 0; commands[i]; i++) {
        if (commands[i]->subs)
            put_group(f, commands[i]);
        else
            put_block(f, commands[i]);
    }
    fprintf(f, "\n%s\n", cli_tr("every command also takes --lang zh|en|both: the language of its text (default from LC_ALL,\n"
                                 "LC_MESSAGES, LANG: zh*, en*, else both); -h, --help: its help"));
    fprintf(f, "\n%s\n", cli_tr("exit codes: 0 success, 1 internal error, 2 usage error, 3 policy/data error, 4 input error,\n"
                                 "            5 computation error"));
}

/* Each option of a table with its help. */
static void put_options(FILE *f, const cli_opt *opts)
{
    char one[256];
    for (size_t i = 0; entry(opts, i); i++) {
        const char *t = opt_text(&opts[i], one, sizeof one);
        int w = 2 + cli_width(t);
        fprintf(f, "  %s", t);
        if (w > OPTHELP - 2)
            fprintf(f, "\n%*s", OPTHELP, "");
        else
            fprintf(f, "%*s", OPTHELP - w, "");
        char buf[600];
        fprintf(f, "%s\n", opts[i].help ? cli_text(opts[i].help, buf, sizeof buf) : "");
    }
}

/* "example:" and one run of the command, when it has one. */
static void put_example(FILE *f, const cli_command *cmd)
{
    if (cmd->example)
        fprintf(f, "\n%s\n  shebao %s\n", cli_tr("example:"), cmd->example);
}

void cli_print_help(FILE *f, const cli_command *cmd)
{
    if (cmd->subs) {
        char buf[600];
        fprintf(f, cli_tr("usage: shebao %s <command> [options]"), cmd->name);
        fprintf(f, "\n\n%s\n\n%s\n", cmd->summary ? cli_text(cmd->summary, buf, sizeof buf) : "", cli_tr("commands:"));
        put_group(f, cmd);
        fputc('\n', f);
        fprintf(f, cli_tr("'shebao help %1$s COMMAND' or 'shebao %1$s COMMAND --help': the options of one command"),
                cmd->name);
        fputc('\n', f);
        put_example(f, cmd);
        return;
    }
    char usage[64];
    snprintf(usage, sizeof usage, "%s shebao", cli_tr("usage:"));
    line l = {f, cli_width(usage) + cli_width(cmd->name)}; /* (as before: one column short of the real one) */
    fprintf(f, "%s %s", usage, cmd->name);
    put_opts(&l, cmd->opts);
    put_opts(&l, cmd->shared);
    char buf[600];
    fprintf(f, "\n\n%s\n", cmd->summary ? cli_text(cmd->summary, buf, sizeof buf) : "");
    if (entry(cmd->opts, 0) || entry(cmd->shared, 0)) {
        fprintf(f, "\n%s\n", cli_tr("options:"));
        put_options(f, cmd->opts);
        put_options(f, cmd->shared);
        fprintf(f, "  -h, --help%*s%s\n", OPTHELP - 12, "", cli_tr("this help"));
        fprintf(f, "  --lang zh|en|both%*s%s\n", OPTHELP - 19, "",
                cli_tr("the language of the text (default from LC_ALL, LC_MESSAGES, LANG)"));
    }
    put_example(f, cmd);
}
