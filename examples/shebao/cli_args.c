/* The command line's one option parser, driven by each command's table (cli.h), and its one-line messages. */
#include <stdarg.h>
#include <string.h>

#include "cli.h"

/* ---- messages ----------------------------------------------------------------------------------------------- */

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
    vsnprintf(msg, sizeof msg, cli_tr(fmt), ap);
    for (char *p = msg; *p; p++) /* one line, and no terminal control from a value typed or sent */
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
        else if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
    cli_sink *s = cli_sink_get();
    if (!s)
        fprintf(stderr, "shebao: %s%s\n", msg, suffix);
    else if (!s->msg[0])
        snprintf(s->msg, sizeof s->msg, "%s%s", msg, suffix);
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
    err_line(cli_tr(" (see 'shebao help')"), fmt, ap);
    va_end(ap);
    return EXIT_USAGE;
}

/* ---- the sink (cli.h) --------------------------------------------------------------------------------------- */

static _Thread_local cli_sink *thread_sink;

void cli_sink_set(cli_sink *s) { thread_sink = s; }

cli_sink *cli_sink_get(void) { return thread_sink; }

/* The sink's shared policy of that id, or NULL. */
static shebao_policy *shared_policy(const char *id)
{
    const cli_sink *s = thread_sink;
    for (size_t i = 0; s && i < s->npolicies; i++)
        if (strcmp(shebao_policy_id(s->policies[i]), id) == 0)
            return s->policies[i];
    return NULL;
}

int cli_load_policy(shebao_ctx *ctx, const char *file, const char *region, shebao_policy **out)
{
    if (file)
        return shebao_policy_load_file(ctx, file, out);
    if (thread_sink && thread_sink->region && !region)
        region = thread_sink->region;
    if (!region)
        region = CLI_DEFAULT_REGION;
    if ((*out = shared_policy(region)) != NULL)
        return SHEBAO_OK;
    return shebao_policy_load_embedded(ctx, region, out);
}

void cli_policy_free(shebao_policy *p)
{
    if (p && !shared_policy(shebao_policy_id(p)))
        shebao_policy_free(p);
}

const char *cli_words(const char *list, char *buf, size_t size)
{
    size_t n = 0, words = 1, k = 0;
    for (const char *p = list; *p; p++)
        words += *p == '|';
    bool zh = cli_lang_get() == CLI_LANG_ZH; /* "a、b 或 c" */
    buf[0] = '\0';
    for (const char *p = list;; k++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        const char *sep = k == 0 ? "" : k + 1 == words ? (zh ? " 或 " : " or ") : zh ? "、" : ", ";
        int w = snprintf(buf + n, size - n, "%s%.*s", sep, (int)len, p);
        if (w < 0 || (size_t)w >= size - n)
            break;
        n += (size_t)w;
        if (!bar)
            break;
        p = bar + 1;
    }
    return buf;
}

bool cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || (strncmp(arg, "--help", 6) == 0 && (arg[6] == '\0' || arg[6] == '='));
}

/* ---- values ------------------------------------------------------------------------------------------------- */

int cli_check_amount(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    shebao_fen *out = dest;
    int rc = shebao_money_parse(ctx, v, out);
    if (rc != SHEBAO_OK || *out < 0) {
        if (rc != SHEBAO_OK) /* the library's message shows the value */
            cli_err("--%s: %s", o->name, shebao_ctx_errmsg(ctx));
        else
            cli_err("--%s '%.40s': %s", o->name, v, cli_tr("must not be negative"));
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

/* Whether v is one of the '|'-separated words. */
static bool is_choice(const char *words, const char *v)
{
    size_t len = strlen(v);
    for (const char *p = words;; p++) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == len && strncmp(p, v, n) == 0)
            return true;
        if (!bar)
            return false;
        p = bar;
    }
}

/* A bad value: "--NAME must be WHAT, not 'V'" (usage, exit 2) or "--NAME 'V': expected WHAT" (input, exit 4). */
static int bad_value(const cli_opt *o, const char *v, const char *what, bool usage)
{
    if (usage)
        return cli_usage("--%s must be %s, not '%.40s%s'", o->name, what, v, strlen(v) > 40 ? "..." : "");
    cli_err("--%s '%.40s': expected %s", o->name, v, what);
    return EXIT_INPUT;
}

/* ---- what people type --------------------------------------------------------------------------------------- */

/* Whether an option takes a file name, kept as typed (its placeholder says FILE). */
static bool takes_file(const cli_opt *o) { return o->value && strstr(o->value, "FILE") != NULL; }

bool cli_may_normalise(const char *v)
{
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (*p >= 0x80 || *p == ' ' || *p == '\t')
            return true;
    return false;
}

bool cli_normalise(char *v)
{
    /* (ASCII without blanks never changes: nothing is written, so a literal argument stays untouched) */
    return !cli_may_normalise(v) || shebao_text_normalise(v, v, strlen(v) + 1) == SHEBAO_OK;
}

const char *cli_thousands(const char *v, char *buf, size_t size)
{
    size_t i = 0, lead = 0, groups = 0;
    while (v[i] >= '0' && v[i] <= '9')
        i++, lead++;
    if (lead < 1 || lead > 3)
        return NULL;
    while (v[i] == ',' && strspn(v + i + 1, "0123456789") >= 3 &&
           !(v[i + 4] >= '0' && v[i + 4] <= '9'))
        i += 4, groups++;
    if (groups == 0 || (v[i] && !(v[i] == '.' && strspn(v + i + 1, "0123456789") == strlen(v + i + 1))))
        return NULL;
    size_t n = 0;
    for (const char *p = v; *p && n + 1 < size; p++)
        if (*p != ',')
            buf[n++] = *p;
    buf[n] = '\0';
    return buf;
}

/* A value refused with the right form shown, before it is read: a thousands separator in a single number (a rate
 * typed as a percentage is the library's to refuse, with the fraction shown: shebao_person.discount). EXIT_OK, or
 * EXIT_INPUT after the message. */
static int typed_wrong(const cli_opt *o, const char *v)
{
    char right[48];
    if (!takes_file(o) && !(o->value && strchr(o->value, ',')) && o->kind != CLI_CHOICE &&
        cli_thousands(v, right, sizeof right)) {
        char say[200];
        cli_err("--%s '%.40s': %s", o->name, v, cli_say(say, sizeof say, "no thousands separator: write %s", right));
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

/* Store the value v of option o in the member at dest. EXIT_OK, or the exit code after a message. */
static int store(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    char what[160];
    if (o->kind != CLI_SWITCH && o->name) {
        int rc = typed_wrong(o, v);
        if (rc != EXIT_OK)
            return rc;
    }
    switch (o->kind) {
    case CLI_SWITCH:
        *(bool *)dest = true;
        return EXIT_OK;
    case CLI_TEXT:
        *(const char **)dest = v;
        return EXIT_OK;
    case CLI_CHOICE:
        if (!is_choice(o->value, v))
            return bad_value(o, v, cli_words(o->value, what, sizeof what), o->flags & CLI_USAGE_ERR);
        *(const char **)dest = v;
        return EXIT_OK;
    case CLI_INT: {
        cli_int *n = dest;
        if (!cli_parse_whole(v, strlen(v), o->lo, o->hi, &n->v)) {
            snprintf(what, sizeof what, "%s %lld-%lld", cli_tr(o->what), o->lo, o->hi);
            return bad_value(o, v, what, o->flags & CLI_USAGE_ERR);
        }
        n->set = true;
        return EXIT_OK;
    }
    case CLI_MONTH: {
        cli_month *m = dest;
        if (!cli_parse_month_to(v, (int)o->hi, &m->y, &m->m)) {
            snprintf(what, sizeof what, cli_tr("YYYY-MM (year 1900-%lld, month 01-12)"), o->hi);
            return bad_value(o, v, what, o->flags & CLI_USAGE_ERR);
        }
        shebao_month_format(m->y, m->m, m->canon, sizeof m->canon); /* "2024年3月" is shown as 2024-03 */
        m->text = m->canon;
        return EXIT_OK;
    }
    case CLI_CHECK:
        return o->check(ctx, o, v, dest);
    }
    return EXIT_INTERNAL;
}

/* ---- the parser --------------------------------------------------------------------------------------------- */

#define MAX_OPTS 64 /* (the last "seen" is --lang's) */

/* The options of a command: its own, then those of its group. */
typedef struct table {
    const cli_opt *o[MAX_OPTS];
    size_t n;
} table;

static void add(table *t, const cli_opt *opts)
{
    for (size_t i = 0; opts && (opts[i].name || opts[i].value) && t->n < MAX_OPTS - 1; i++)
        t->o[t->n++] = &opts[i];
}

static const cli_opt *find_opt(const table *t, const char *name, size_t len, size_t *index)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->o[i]->name && strlen(t->o[i]->name) == len && strncmp(t->o[i]->name, name, len) == 0) {
            *index = i;
            return t->o[i];
        }
    return NULL;
}

/* An option as messages name it: the name before '=' (when shorter than 64 bytes), else the whole argument after
 * the dashes (a name longer than any option is never cut: it is unknown). */
static const char *shown(const char *s, char buf[64])
{
    const char *eq = strchr(s, '=');
    size_t len = eq ? (size_t)(eq - s) : 0;
    if (!eq || len >= 64)
        return s;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return buf;
}

/* --lang zh|en|both, taken by every command: the calling thread's language from now on (cli_lang.c). Its "seen"
 * is the last of the table's (MAX_OPTS - 1). */
static int lang_option(bool *seen, int argc, char **argv, int *i)
{
    char say[400];
    const char *v = argv[*i][6] == '=' ? argv[*i] + 7 : NULL;
    if (seen[MAX_OPTS - 1])
        return cli_usage("%s", cli_say(say, sizeof say, "option --%s is given twice", "lang"));
    seen[MAX_OPTS - 1] = true;
    if (!v) {
        if (*i + 1 >= argc || strncmp(argv[*i + 1], "--", 2) == 0)
            return cli_usage("%s", cli_say(say, sizeof say, "option --%1$s needs a value: --%1$s %2$s", "lang",
                                           "zh|en|both"));
        v = argv[++*i];
    }
    cli_lang l;
    if (!cli_lang_from_name(v, &l))
        return cli_usage("--lang must be zh, en or both, not '%.40s%s'", v, strlen(v) > 40 ? "..." : "");
    cli_lang_set(l);
    return EXIT_OK;
}

/* The option argv[*i] ("--name", "--name=value"), its value the next argument unless inline or a switch. */
static int option(const cli_command *cmd, shebao_ctx *ctx, const table *t, bool *seen, int argc, char **argv, int *i,
                  void *opts)
{
    const char *s = argv[*i] + 2, *eq = strchr(s, '=');
    char buf[64], say[400];
    size_t k;
    const cli_opt *o = find_opt(t, s, eq ? (size_t)(eq - s) : strlen(s), &k);
    if (!o && strncmp(s, "lang", 4) == 0 && (s[4] == '\0' || s[4] == '='))
        return lang_option(seen, argc, argv, i);
    if (!o)
        return cli_usage("unknown option --%s for %s", shown(s, buf), cmd->name);
    if (seen[k])
        return cli_usage("%s", cli_say(say, sizeof say, "option --%s is given twice", o->name));
    seen[k] = true;
    char *v = eq ? (char *)eq + 1 : NULL;
    if (o->kind != CLI_SWITCH && !v) {
        /* the next argument, unless it is an option itself ("--grade --start 2025": --grade has no value) */
        const char *next = *i + 1 < argc ? argv[*i + 1] : NULL;
        if (!next || (next[0] == '-' && next[1] == '-' && ((next[2] | 0x20) >= 'a' && (next[2] | 0x20) <= 'z')) ||
            strcmp(next, "-h") == 0)
            return cli_usage("%s", cli_say(say, sizeof say, "option --%1$s needs a value: --%1$s %2$s", o->name,
                                           o->value));
        v = argv[++*i];
    }
    if (o->kind != CLI_SWITCH && !takes_file(o) && !cli_normalise(v))
        return cli_usage("--%s: the value cannot be read", o->name); /* (cannot happen: in place always fits) */
    return store(ctx, o, v, (char *)opts + o->at);
}

/* A positional argument: into the command's positional option while that is empty. */
static int argument(const cli_command *cmd, const table *t, char *arg, void *opts)
{
    const cli_opt *o = NULL;
    for (size_t i = 0; i < t->n && !o; i++)
        if (!t->o[i]->name)
            o = t->o[i];
    const char **dest = o ? (const char **)(void *)((char *)opts + o->at) : NULL;
    if (dest && !*dest) {
        if (!takes_file(o))
            cli_normalise(arg); /* (a policy id: "ｚｈｅｊｉａｎｇ" is zhejiang) */
        *dest = arg;
        return EXIT_OK;
    }
    const char *why = o ? o->what : cmd->extra;
    if (why)
        return cli_usage("%s %s", cmd->name, cli_tr(why));
    return cli_usage("%s: unexpected argument '%s'", cmd->name, arg);
}

int cli_parse(const cli_command *cmd, shebao_ctx *ctx, int argc, char **argv, int start, void *opts)
{
    table t = {.n = 0};
    add(&t, cmd->opts);
    add(&t, cmd->shared);
    bool seen[MAX_OPTS] = {false};
    /* --lang first, wherever it is, so that every message of the run (and --help) is in its language */
    for (int i = start; i < argc; i++) {
        cli_lang l;
        if (strncmp(argv[i], "--lang=", 7) == 0 && cli_lang_from_name(argv[i] + 7, &l))
            cli_lang_set(l);
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc && cli_lang_from_name(argv[i + 1], &l))
            cli_lang_set(l);
    }
    cli_lang_apply(ctx);
    for (int i = start; i < argc; i++) {
        char *s = argv[i];
        int rc;
        if (cli_is_help(s)) {
            cli_print_help(stdout, cmd);
            return EXIT_OK;
        }
        if (s[0] == '-' && s[1] == '-' && s[2])
            rc = option(cmd, ctx, &t, seen, argc, argv, &i, opts);
        else
            rc = argument(cmd, &t, s, opts);
        if (rc != EXIT_OK)
            return rc;
    }
    cli_lang_apply(ctx);
    return CLI_GO;
}

/* ---- commands ----------------------------------------------------------------------------------------------- */

/* The word a command is typed by in its group: "ltc assess" → "assess". */
static const char *last_word(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return sp ? sp + 1 : name;
}

const cli_command *cli_find(const cli_command *const *list, const char *name)
{
    for (size_t i = 0; list && list[i]; i++)
        if (strcmp(last_word(list[i]->name), name) == 0)
            return list[i];
    return NULL;
}

int cli_run_group(const cli_command *g, shebao_ctx *ctx, int argc, char **argv)
{
    if (argc < 3) {
        char list[160] = "", words[200];
        size_t n = 0;
        for (size_t i = 0; g->subs[i] && n < sizeof list; i++) {
            int w = snprintf(list + n, sizeof list - n, "%s%s", i ? "|" : "", last_word(g->subs[i]->name));
            n = w < 0 ? sizeof list : n + (size_t)w;
        }
        return cli_usage("%s needs a subcommand: %s", g->name, cli_words(list, words, sizeof words));
    }
    if (cli_is_help(argv[2])) {
        cli_print_help(stdout, g);
        return EXIT_OK;
    }
    const cli_command *c = cli_find(g->subs, argv[2]);
    if (!c)
        return cli_usage("unknown %s subcommand '%s'", g->name, argv[2]);
    return c->run(ctx, argc, argv);
}
