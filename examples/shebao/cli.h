/* shebao command-line tool: shared declarations. The CLI is a thin layer over libshebao. */
#ifndef SHEBAO_CLI_H
#define SHEBAO_CLI_H

#include <stdbool.h>
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

#define CLI_DEFAULT_REGION "zhejiang"

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

/* Simple option scanner over argv[start..argc): "--name value" or "--name=value". */
typedef struct cli_args {
    int argc;
    char **argv;
    int i;
    const char *name;  /* current option name without dashes, or NULL for a positional argument */
    const char *value; /* its value ("=value" or the next argument, fetched with cli_value) */
    bool has_inline;
    const char *inline_value;
} cli_args;

void cli_args_init(cli_args *a, int argc, char **argv, int start);
/* Advance; false at the end. After true: a->name is the option (or NULL and a->value the positional). */
bool cli_next(cli_args *a);
/* The value of the current option; NULL (after printing a usage error) if missing. */
const char *cli_value(cli_args *a);

/* Load --policy FILE or --region ID (default CLI_DEFAULT_REGION). Returns a library code. */
int cli_load_policy(shebao_ctx *ctx, const char *file, const char *region, shebao_policy **out);

/* Display width of a UTF-8 string in terminal columns (CJK = 2). */
int cli_width(const char *s);
/* Write s padded with spaces to `width` columns (right-aligned if `right`). */
void cli_pad(FILE *f, const char *s, int width, bool right);

/* Values as text (cli_person.c): the one parser of each kind the command line reads. */
/* The n bytes at s as a whole number lo..hi (0 <= lo <= hi < 10^18): digits only, leading zeros, however many,
 * adding nothing. */
bool cli_parse_num(const char *s, size_t n, long long lo, long long hi, long long *out);
bool cli_parse_int(const char *s, int lo, int hi, int *out); /* the same over the whole of s, into an int */
bool cli_parse_month_to(const char *s, int last, int *y, int *m); /* "YYYY-MM", year 1900-last, month 01-12 */
bool cli_parse_month(const char *s, int *y, int *m);              /* "YYYY-MM", year 1900-2150 */
bool cli_parse_sex(const char *s, shebao_sex *out);               /* "male" or "female" */

/* A person's fields as text (cli_person.c), shared by `project` and `batch`. */
/* "N:GRADE": NULL, or why it is refused (one phrase, without the value). */
const char *cli_parse_backpay(shebao_ctx *ctx, const char *v, int *years, shebao_fen *grade);
typedef struct cli_person_text {
    const char *birth, *sex, *plan, *collective, *backpay; /* "" when not given */
} cli_person_text;
/* Fill pe's birth, sex, collective, back payment and plan. The plan's segments go into room[0, nroom) when they
 * fit, else into *plan (to shebao_free; NULL when room was enough). On a refusal: a library code and one line in
 * err naming the field and the value. */
int cli_person_fields(shebao_ctx *ctx, const cli_person_text *t, shebao_person *pe, shebao_segment *room,
                      size_t nroom, shebao_segment **plan, char *err, size_t esize);

/* One non-official value a result rests on, as one indented line: status, path[@from] = value (source). */
void cli_print_param(const shebao_param *q);

int cmd_policy(shebao_ctx *ctx, int argc, char **argv);
int cmd_project(shebao_ctx *ctx, int argc, char **argv);
int cmd_batch(shebao_ctx *ctx, int argc, char **argv);
int cmd_ltc(shebao_ctx *ctx, int argc, char **argv);
int cmd_compare(shebao_ctx *ctx, int argc, char **argv);

#endif
