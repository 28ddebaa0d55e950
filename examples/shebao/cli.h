/* shebao command-line tool: shared declarations. The CLI is a thin layer over libshebao. */
#ifndef SHEBAO_CLI_H
#define SHEBAO_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

#include "shebao.h"

/* Documented exit codes. */
enum {
    EXIT_OK = 0,
    EXIT_INTERNAL = 1, /* out of memory and other internal failures */
    EXIT_USAGE = 2,
    EXIT_POLICY = 3,
    EXIT_INPUT = 4,
    EXIT_COMPUTE = 5
};

#define CLI_DEFAULT_REGION "zhejiang" /* (also written out in the help of --region: CLI_OPTS_POLICY, cmd_policy.c) */
/* Marks a message for the catalogue (tools/po.sh), translating nothing: the help of options and commands, printed
 * through cli_tr. */
#define N_(s) s

/* Map a library code to an exit code. */
int cli_exit_code(int rc);
/* Print "shebao: <message>" to stderr and return the exit code for rc. */
int cli_fail(shebao_ctx *ctx, int rc);
/* Print a usage error and return EXIT_USAGE. */
int cli_usage(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* "shebao: MESSAGE" on stderr, always one line (line breaks in the message become spaces). */
void cli_err(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Standard output: main checks it once after every command (a failed write, flush or close: exit 1 with
 * "shebao: write error on standard output: REASON"). */
/* Print text and a line end on standard output, keeping the reason should the write fail (for long texts). */
void cli_puts(const char *text);
/* Report a failed write on standard output, once per run (err: an errno value, 0 if unknown); returns
 * EXIT_INTERNAL. */
int cli_stdout_failed(int err);

/* A file the command line writes (cli_outfile.c): a regular file is written to a temporary file in its folder and
 * renamed over it only when complete; a failed or interrupted run (SIGINT, SIGTERM, SIGHUP) leaves the old file
 * untouched. A device or a FIFO is written directly. */
typedef struct cli_outfile {
    FILE *f;      /* where to write */
    int err;      /* the caller's note of the first failed write on f (errno), 0 if none: commit then fails */
    char *target; /* the file renamed over at the end (through a symbolic link: the file it points to) */
    bool temp;    /* f is a temporary file */
} cli_outfile;
/* Open path for writing. 0, or an errno value (nothing is left behind; a directory gives EISDIR). */
int cli_outfile_open(cli_outfile *o, const char *path);
/* Flush, sync and close, then rename into place. 0, or an errno value: then the temporary file is removed and the
 * old file is as it was. */
int cli_outfile_commit(cli_outfile *o);
/* Give up: the temporary file is removed and the old file is as it was. */
void cli_outfile_discard(cli_outfile *o);
/* Whether path names the regular file that st describes (the same device and inode, through any link). */
bool cli_is_file(const char *path, const struct stat *st);

/* ---- options (cli_args.c) ----------------------------------------------------------------------------------
 * Each command declares its options once, in a table of cli_opt ending with {0}. The one parser walks argv with
 * it, in order: "--name value", "--name=value", a switch "--name", positional arguments; it refuses an unknown
 * option, a missing value, an option given twice and a bad value, each with one line on stderr. The same table
 * makes the command's synopsis in `shebao help`, and `shebao help CMD` / `shebao CMD --help` (cli_help.c).
 * Values land in the command's own struct of options (cli_opt.at = offsetof), whose defaults the command sets
 * before parsing: the parser writes only what is given. */

/* What an option takes, and the type of its member in the struct of options. */
typedef enum cli_kind {
    CLI_SWITCH, /* no value ("--explain"; "=..." is ignored): bool, set to true */
    CLI_TEXT,   /* the value as given: const char *; a positional argument (name NULL) is always CLI_TEXT */
    CLI_CHOICE, /* one of the words of `value` ("table|json|csv"): const char *, the word */
    CLI_INT,    /* a whole number lo..hi, digits only (cli_parse_whole): cli_int */
    CLI_MONTH,  /* YYYY-MM, year 1900..hi, month 01-12: cli_month */
    CLI_CHECK   /* the value read by `check`, which stores it (any type) or reports why not */
} cli_kind;

enum {
    CLI_REQUIRED = 1, /* synopsis: shown without brackets (the command says what is missing) */
    CLI_OR = 2,       /* synopsis: this option or the next, in one bracket ("[--region ID | --policy FILE]") */
    CLI_AND = 4,      /* synopsis: this option and the next, together ("[--hours H --price AMOUNT]") */
    CLI_USAGE_ERR = 8 /* a bad value is a usage error (exit 2): "--NAME must be WHAT, not 'VALUE'"; without it, an
                       * input error (exit 4): "--NAME 'VALUE': expected WHAT". WHAT: the words of a CLI_CHOICE
                       * ("table, json or csv"), "what lo-hi" of a CLI_INT, "YYYY-MM (year 1900-hi, month 01-12)" */
};

typedef struct cli_int {
    long long v; /* the value (the command's default when not given) */
    bool set;    /* given */
} cli_int;

typedef struct cli_month {
    const char *text; /* "YYYY-MM" (canon, however it was typed), NULL when not given */
    int y, m;
    char canon[SHEBAO_MONTH_BUFSZ];
} cli_month;

typedef struct cli_opt cli_opt;
struct cli_opt {
    const char *name;  /* without the dashes; NULL for the positional argument */
    const char *value; /* placeholder in the synopsis ("YYYY-MM"); CLI_CHOICE: the words, '|'-separated */
    cli_kind kind;
    unsigned flags;    /* CLI_REQUIRED, CLI_OR, CLI_AND, CLI_USAGE_ERR */
    size_t at;         /* offsetof the member in the command's struct of options */
    long long lo, hi;  /* CLI_INT: the range; CLI_MONTH: hi is the last year */
    /* CLI_INT: what the number is, for messages ("a number of days", then " lo-hi");
     * positional: why a second one is refused, after the command's name ("takes one policy id") */
    const char *what;
    /* CLI_CHECK: read v into the member at dest; EXIT_OK, or an exit code after a message */
    int (*check)(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest);
    const char *help;  /* one line for `shebao help CMD` */
};

/* A command, or a group of subcommands (policy, ltc). */
typedef struct cli_command cli_command;
struct cli_command {
    const char *name;    /* as typed: "project", "ltc benefit" */
    const char *summary; /* for the usage; '\n' separates lines */
    const char *example; /* the arguments of one example run, after "shebao " (NULL: none) */
    const cli_opt *opts; /* its options, ending with {0} (NULL: none) */
    const cli_opt *shared; /* options every command of the group takes, declared once (ltc), or NULL */
    const char *extra;   /* a positional argument where none is taken: why, after the name ("takes no arguments");
                          * NULL: "NAME: unexpected argument 'ARG'" */
    int (*run)(shebao_ctx *ctx, int argc, char **argv); /* argv[1] is the command, argv[2] a subcommand */
    const cli_command *const *subs; /* a group's commands, NULL-terminated; NULL for a command */
};

/* Rows that several commands share, with the same help. T is the command's struct of options. */
#define CLI_OPTS_POLICY(T)                                                                                       \
    {.name = "region", .value = "ID", .kind = CLI_TEXT, .flags = CLI_OR, .at = offsetof(T, region),              \
     .help = N_("an embedded policy (see 'shebao policy list'; default zhejiang)")},                             \
    {.name = "policy", .value = "FILE", .kind = CLI_TEXT, .at = offsetof(T, file),                               \
     .help = N_("a policy file instead (docs/policy-format.md)")}
/* The person and the plan of `compare` and `report` (their members birth, sex, start, paid): --birth, --sex, --start,
 * --paid. */
#define CLI_OPTS_PERSON_PLAN(T)                                                                                  \
    {.name = "birth", .value = "YYYY-MM", .kind = CLI_MONTH, .flags = CLI_REQUIRED, .at = offsetof(T, birth),    \
     .hi = SHEBAO_BIRTH_YEAR_MAX, .help = N_("month of birth")},                                                 \
    CLI_OPT_SEX(T),                                                                                              \
    {.name = "start", .value = "YYYY", .kind = CLI_INT, .flags = CLI_REQUIRED, .at = offsetof(T, start),        \
     .lo = 1900, .hi = 2199, .what = N_("a year"), .help = N_("the first year paid")},                           \
    {.name = "paid", .value = "SPEC", .kind = CLI_TEXT, .at = offsetof(T, paid),                                 \
     .help = N_("已缴年份 the years already paid, all before --start (SPEC as in project --plan)")}
#define CLI_OPT_FORMAT(T, WORDS)                                                                                 \
    {.name = "format", .value = WORDS, .kind = CLI_CHOICE, .flags = CLI_USAGE_ERR, .at = offsetof(T, format),    \
     .help = N_("how to print the result (default table)")}
#define CLI_OPT_MORTALITY(T)                                                                                     \
    {.name = "mortality", .value = "cl2010-2013-pension|none", .kind = CLI_CHOICE, .flags = CLI_USAGE_ERR,       \
     .at = offsetof(T, mortality), .help = N_("the life table of the expected values (default cl2010-2013-pension)")}
#define CLI_OPT_DISCOUNT(T)                                                                                      \
    {.name = "discount", .value = "R", .kind = CLI_TEXT, .at = offsetof(T, discount),        \
     .help = N_("yearly discount rate of the present values, a decimal in [0, 1) (default 0.025)")}
#define CLI_OPT_DAIJIAO(T)                                                                                       \
    {.name = "daijiao", .kind = CLI_SWITCH, .at = offsetof(T, daijiao),                                           \
     .help = N_("a person the government pays for (代缴对象: 低保, 特困, severe disability), who may have its grades (代缴)")}
#define CLI_OPT_COLLECTIVE(T)                                                                                    \
    {.name = "collective", .value = "AMOUNT", .kind = CLI_CHECK, .at = offsetof(T, collective),                  \
     .check = cli_check_collective, .help = N_("集体补助 collective subsidy credited in every year paid")}
#define CLI_OPT_SEX(T)                                                                                           \
    {.name = "sex", .value = "male|female", .kind = CLI_CHOICE, .flags = CLI_USAGE_ERR, .at = offsetof(T, sex),  \
     .help = N_("for the life table (default male)")}

/* The person of the employee pension: month of birth and category of the retirement-age reform (retire,
 * employee). T has the members birth (cli_month) and category (const char *). */
#define CLI_OPTS_RETIREE(T)                                                                                      \
    {.name = "birth", .value = "YYYY-MM", .kind = CLI_MONTH, .flags = CLI_REQUIRED, .at = offsetof(T, birth),    \
     .hi = SHEBAO_BIRTH_YEAR_MAX, .help = N_("month of birth")},                                                   \
    {.name = "category", .value = "male|female55|female50", .kind = CLI_CHOICE,                                \
     .flags = CLI_REQUIRED | CLI_USAGE_ERR, .at = offsetof(T, category),                                       \
     .help = N_("men; women of original age 55 (cadres); women of original age 50 (workers)")}

/* cli_parse's "go on": the options are read. */
#define CLI_GO (-1)
/* What people type (cli_args.c). Every option value and positional argument, except a file name (an option whose
 * placeholder says FILE), is put through shebao_text_normalise() in place before it is read: full-width digits and
 * punctuation, the ideographic space and blanks after commas are accepted. A value whose mistake is known is
 * refused with the right form: a thousands separator in a single number ("2,000": "write 2000"; a rate as a
 * percentage is refused by the library, "write 0.025"); an option followed by another option has no value
 * ("--grade --start 2025"). */
/* Whether shebao_text_normalise() may change v: it holds a byte above ASCII or a blank. */
bool cli_may_normalise(const char *v);
/* v normalised in place (written to only when it holds a byte above ASCII or a blank); false if it cannot be. */
bool cli_normalise(char *v);
/* "2,000" / "1,234,567.5" (groups of three after a comma) without the commas, into buf; NULL for anything else. */
const char *cli_thousands(const char *v, char *buf, size_t size);

/* Read argv[start..argc) into opts by the command's tables. CLI_GO, or the exit code to return at once: EXIT_OK
 * after printing the command's help (--help, -h), EXIT_USAGE or EXIT_INPUT after a one-line message. */
int cli_parse(const cli_command *cmd, shebao_ctx *ctx, int argc, char **argv, int start, void *opts);
/* A group's command: argv[2] looked up in g->subs and run; a missing or unknown one is a usage error, and
 * --help / -h prints the group's help. */
int cli_run_group(const cli_command *g, shebao_ctx *ctx, int argc, char **argv);
/* CLI_CHECK of an amount that is not negative (shebao_fen): "--NAME 'VALUE': why" (exit 4). */
int cli_check_amount(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest);
/* The words of a '|'-separated list as prose in the calling thread's language, "a, b or c" (zh: "a、b 或 c"), into
 * buf. */
const char *cli_words(const char *list, char *buf, size_t size);
/* Whether an argument asks for help: "--help", "--help=...", "-h". */
bool cli_is_help(const char *arg);

/* ---- help (cli_help.c), made from the tables ---------------------------------------------------------------- */

/* `shebao help`: every command with its synopsis and summary, then the exit codes. */
void cli_print_usage(FILE *f, const cli_command *const *commands);
/* `shebao help CMD`, `shebao CMD --help`: the synopsis, the summary, each option with its help, an example; for a
 * group, its commands. */
void cli_print_help(FILE *f, const cli_command *cmd);
/* The command of list named name (a group's: by the last word, "assess"), or NULL. */
const cli_command *cli_find(const cli_command *const *list, const char *name);

/* Load --policy FILE or --region ID (default CLI_DEFAULT_REGION). Returns a library code. Under a sink with
 * policies (shebao serve), --region ID is the sink's loaded policy of that id, shared: not loaded again. */
int cli_load_policy(shebao_ctx *ctx, const char *file, const char *region, shebao_policy **out);
/* Release what cli_load_policy gave: freed, unless it is one of the sink's shared policies. */
void cli_policy_free(shebao_policy *p);

/* ---- where a command writes (shebao serve) -------------------------------------------------------------------
 * A command writes its result through cli_puts and its one-line message through cli_err / cli_usage / cli_fail:
 * on standard output and standard error, or, while the calling thread has set a sink, into the sink. */
typedef struct cli_sink {
    FILE *out;                             /* what cli_puts writes to */
    bool failed;                           /* a write to out failed */
    char msg[1200];                        /* the first message, without "shebao: " ("" if none) */
    shebao_policy *const *policies;        /* the policies cli_load_policy hands out, by id (NULL: none) */
    size_t npolicies;
    const char *region;                    /* the id used when a command is given no --region */
    FILE *chart;                           /* compare --chart draws into this stream instead of the file, or NULL */
} cli_sink;
/* The calling thread's commands write into s from now on; NULL: back to standard output and error. */
void cli_sink_set(cli_sink *s);
/* The calling thread's sink, or NULL. */
cli_sink *cli_sink_get(void);

/* The length of the valid UTF-8 sequence at s (n bytes left, n > 0), 0 if there is none. */
size_t cli_utf8_seq(const unsigned char *s, size_t n);

/* ---- the language (cli_lang.c) -----------------------------------------------------------------------------
 * --lang zh|en|both, taken by every command (cli_parse, like --help). Default from the environment: the first
 * non-empty of LC_ALL, LC_MESSAGES, LANG; zh* is zh, en* is en, anything else (unset, C, POSIX, C.UTF-8) both,
 * which is the output of before --lang: Chinese and English side by side where the command printed both, English
 * where it printed English. The choice is the calling thread's (shebao serve runs commands in worker threads).
 * Messages are English in the sources and translated through GNU gettext, text domain "shebao" (po/zh_CN.po); the
 * library's, domain "libshebao" (po/libshebao/zh_CN.po), through shebao_ctx_set_language(). JSON, CSV and member
 * names never change with the language. */
typedef enum cli_lang { CLI_LANG_BOTH = 0, CLI_LANG_ZH = 1, CLI_LANG_EN = 2 } cli_lang;
/* The process's default from the environment and the catalogues (the folder "locale" next to the executable, else
 * the installed one): once, in main, before any thread. */
void cli_lang_init(void);
/* The language named by LC_ALL, LC_MESSAGES and LANG (each NULL or "" when unset). */
cli_lang cli_lang_from_env(const char *lc_all, const char *lc_messages, const char *lang);
/* "zh", "en" or "both" into *out; false for anything else. */
bool cli_lang_from_name(const char *name, cli_lang *out);
/* The calling thread's language: its --lang, else the process's default. */
cli_lang cli_lang_get(void);
void cli_lang_set(cli_lang l);
/* Back to the process's default (shebao serve, after each request). */
void cli_lang_reset(void);
/* The context's message language for the calling thread's (zh: Chinese; en and both: English). */
void cli_lang_apply(shebao_ctx *ctx);
/* An English message in the calling thread's language: its zh_CN translation in zh, else en itself. */
const char *cli_tr(const char *en)
#if defined(__GNUC__)
    __attribute__((format_arg(1)))
#endif
    ;
/* A message that is printed in both languages in both ("中文 English"): into buf, formatted from en_fmt's
 * translation in zh, from en_fmt in en, and both joined by a space in both. Returns buf. */
const char *cli_say(char *buf, size_t size, const char *en_fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* A text of the help (an option's, a command's summary), written in English with Chinese terms in it: its
 * translation in zh; in en without the Chinese ("resident pension (城乡居民基本养老保险)" → "resident pension"; a
 * group keeps what English it holds); as written in both. buf: room for the English. */
const char *cli_text(const char *s, char *buf, size_t size);
/* zh in zh, en in en, NULL in both (the caller prints both as before). */
const char *cli_pick(const char *zh, const char *en);
/* A message written in both languages in the source (the pieces are the caller's): zh in zh, en in en, "zh en"
 * in both; into buf, returned. */
const char *cli_pair(char *buf, size_t size, const char *zh, const char *en);
/* A heading line: "zh en" in both (as the tables always printed them), zh alone in zh, en alone in en. Blank
 * lines before it and an indent are written at the start of both zh and en ("\n终身", "\nLifetime"; "  已缴5年",
 * "  paid 5"): in both, en's are left out. Also any line of a table printed "中文 English" in both. */
void cli_head(FILE *f, const char *zh, const char *en);
/* A label column printed "中文 English" in both: zh padded to zw columns then en padded to ew (cli_pad, CJK = 2
 * columns), as always; zh alone padded to zw in zh, en alone padded to ew in en. (cli_text.c, by cli_pad) */
void cli_label(FILE *f, const char *zh, int zw, const char *en, int ew);
/* Whether the Chinese (the English) line of a two-line table header is printed: not in en (not in zh). */
bool cli_show_zh(void);
bool cli_show_en(void);
/* strerror(err) in zh (the C library's catalogue, when installed), else its English description. */
const char *cli_strerror(int err);

/* Display width of a UTF-8 string in terminal columns (CJK = 2). */
int cli_width(const char *s);
/* Write s padded with spaces to `width` columns (right-aligned if `right`). */
void cli_pad(FILE *f, const char *s, int width, bool right);

/* Values as text (cli_person.c): the one parser of each kind the command line reads. */
/* The n bytes at s as a whole number lo..hi (0 <= lo <= hi < 10^18): digits only, leading zeros, however many,
 * adding nothing. */
bool cli_parse_whole(const char *s, size_t n, long long lo, long long hi, long long *out);
bool cli_parse_int(const char *s, int lo, int hi, int *out); /* the same over the whole of s, into an int */
bool cli_parse_month_to(const char *s, int last, int *y, int *m); /* "YYYY-MM", year 1900-last, month 01-12 */
bool cli_parse_month(const char *s, int *y, int *m);              /* "YYYY-MM", year 1900-2150 */
bool cli_parse_sex(const char *s, shebao_sex *out);               /* "male" or "female" */

/* The options `compare` and `report` (cmd, "compare") check together: not both --region and --policy; the output
 * file (out, given as option out_opt, "--chart") is not the policy file; --birth and --start are given. EXIT_OK or
 * the exit code after a usage error. (cli_person.c) */
int cli_check_person_plan(const char *cmd, const char *file, const char *region, const char *out_opt,
                          const char *out, bool birth, bool start);
/* A person's fields as text (cli_person.c), shared by `project` and `batch`. */
/* "N:GRADE": NULL, or why it is refused (one phrase, without the value). */
const char *cli_parse_backpay(shebao_ctx *ctx, const char *v, int *years, shebao_fen *grade);
/* The advice of a projection that is not eligible (shebao_projection_advice()): what is paid and required, the
 * years still payable, the back payment at the lowest and the highest allowed grade with its cost and pension;
 * each line Chinese first. Nothing when there is none. (cli_text.c) */
void cli_print_advice(const shebao_projection *p);
/* --collective AMOUNT (a cli_opt check): an amount, not negative, into the shebao_fen at dest. */
int cli_check_collective(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest);
typedef struct cli_person_text {
    const char *birth, *sex, *plan, *collective, *backpay; /* "" when not given */
    const char *daijiao; /* "yes" or "no"; "" when not given (no) */
} cli_person_text;
/* Fill pe's birth, sex, 代缴 mark, collective, back payment and plan. The plan's segments go into room[0, nroom)
 * when they fit, else into *plan (to shebao_free; NULL when room was enough). On a refusal: a library code and one
 * line in err naming the field and the value. */
int cli_person_fields(shebao_ctx *ctx, const cli_person_text *t, shebao_person *pe, shebao_segment *room,
                      size_t nroom, shebao_segment **plan, char *err, size_t esize);

/* Output shared by the commands (cli_text.c). */
/* An amount as the library writes it ("1234.50"), into buf. */
const char *cli_money(shebao_fen f, char buf[SHEBAO_MONEY_BUFSZ]);
/* A figure of a projection as an amount, into buf; "" when the projection has none. */
const char *cli_fig(const shebao_projection *p, shebao_figure w, char buf[SHEBAO_MONEY_BUFSZ]);
/* The CSV columns balance ... personal_total of a projection, each followed by a comma (project and compare). */
void cli_csv_figures(const shebao_projection *p);
/* A document the library made (rc: its code; *text: the document, freed here) on standard output; EXIT_INTERNAL
 * when it could not be made. The call reads *text only after the library has set it:
 * cli_print_json(shebao_X_to_json(..., &text), &text). */
int cli_print_json(int rc, char **text);
/* One non-official value a result rests on, as one indented line: status, path[@from] = value (source). */
void cli_print_param(const shebao_param *q);
/* The non-official values a result rests on, when there are any: a blank line, "非官方数值 WHO on N
 * non-official value(s):", then each (at(from, i, out) reads one). WHO: "This result rests", "These results rest". */
typedef int cli_param_at(const void *from, size_t i, shebao_param *out);
void cli_print_params(const char *who, size_t n, cli_param_at *at, const void *from);

/* The commands (cmd_*.c): each runs with argv[1] its name, and is described by its cli_command. */
int cmd_policy(shebao_ctx *ctx, int argc, char **argv);
int cmd_project(shebao_ctx *ctx, int argc, char **argv);
int cmd_batch(shebao_ctx *ctx, int argc, char **argv);
int cmd_ltc(shebao_ctx *ctx, int argc, char **argv);
int cmd_compare(shebao_ctx *ctx, int argc, char **argv);
int cmd_serve(shebao_ctx *ctx, int argc, char **argv);
int cmd_retire(shebao_ctx *ctx, int argc, char **argv);
int cmd_employee(shebao_ctx *ctx, int argc, char **argv);
int cmd_choose(shebao_ctx *ctx, int argc, char **argv);
int cmd_report(shebao_ctx *ctx, int argc, char **argv);
extern const cli_command cli_cmd_policy, cli_cmd_project, cli_cmd_batch, cli_cmd_ltc, cli_cmd_compare, cli_cmd_serve,
    cli_cmd_retire, cli_cmd_employee, cli_cmd_choose, cli_cmd_report;

#endif
