/* shebao serve: a request run as the CLI command it stands for. The JSON body becomes the command line the CLI
 * would be given ({"birth":"1975-03"} → --birth=1975-03, then --format=json), and the command runs in this thread
 * with its output and message captured (cli_sink): the answer is byte for byte what the CLI prints. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "serve.h"

/* ---- answers ------------------------------------------------------------------------------------------------ */

const char *serve_clean_utf8(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s), o = 0;
    for (size_t i = 0; i < n && o + 1 < size;) {
        size_t k = cli_utf8_seq((const unsigned char *)s + i, n - i);
        if (k == 0 || o + k >= size) {
            buf[o++] = '?';
            i += k ? k : 1;
            continue;
        }
        memcpy(buf + o, s + i, k);
        o += k;
        i += k;
    }
    buf[o] = '\0';
    return buf;
}

void serve_error(serve_reply *r, int status, int code, const char *fmt, ...)
{
    char msg[1300], clean[1300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, cli_tr(fmt), ap);
    va_end(ap);
    json_t *j = json_pack("{s:{s:i,s:s}}", "error", "code", code, "message", serve_clean_utf8(msg, clean, sizeof clean));
    char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    size_t len = text ? strlen(text) : 0;
    char *body = text ? realloc(text, len + 2) : NULL;
    r->status = status;
    if (!body) { /* out of memory: an empty answer with the status */
        free(text);
        r->body = NULL;
        r->len = 0;
        return;
    }
    memcpy(body + len, "\n", 2);
    r->body = body;
    r->len = len + 1;
}

shebao_policy *serve_policy(const serve_conf *c, const char *id)
{
    for (size_t i = 0; i < c->npolicies; i++)
        if (strcmp(shebao_policy_id(c->policies[i]), id) == 0)
            return c->policies[i];
    return NULL;
}

void serve_unknown_region(const serve_conf *c, shebao_ctx *ctx, const char *id, serve_reply *r)
{
    shebao_policy *p = NULL;
    int rc = shebao_policy_load_embedded(ctx, id, &p);
    if (rc != SHEBAO_OK) { /* the CLI's message: "unknown policy 'X' (embedded: ...)" */
        serve_error(r, 404, cli_exit_code(rc), "%s", shebao_ctx_errmsg(ctx));
        return;
    }
    shebao_policy_free(p);
    char list[600] = "";
    for (size_t i = 0, n = 0; i < c->npolicies && n < sizeof list; i++) {
        int w = snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", shebao_policy_id(c->policies[i]));
        n = w < 0 ? sizeof list : n + (size_t)w;
    }
    serve_error(r, 404, EXIT_POLICY, "policy '%s' is not served here (served: %s)", id, list);
}

/* The HTTP status of a CLI exit code. */
static int status_of(int code)
{
    switch (code) {
    case EXIT_USAGE:
    case EXIT_INPUT: return 400;
    case EXIT_POLICY:
    case EXIT_COMPUTE: return 422;
    default: return 500;
    }
}

void serve_run_argv(const serve_conf *c, shebao_ctx *ctx, int argc, char **argv, bool chart, serve_reply *r)
{
    char *buf = NULL, *svg = NULL;
    size_t len = 0, svg_len = 0;
    cli_sink sink = {.policies = c->policies, .npolicies = c->npolicies, .region = c->region};
    sink.out = open_memstream(&buf, &len);
    sink.chart = chart ? open_memstream(&svg, &svg_len) : NULL;
    if (!sink.out || (chart && !sink.chart)) {
        if (sink.out)
            fclose(sink.out);
        free(buf);
        serve_error(r, 500, EXIT_INTERNAL, "out of memory");
        return;
    }
    const cli_command *cmd = cli_find((const cli_command *const[]){&cli_cmd_project, &cli_cmd_compare, &cli_cmd_ltc,
                                                                   &cli_cmd_policy, &cli_cmd_retire, &cli_cmd_employee,
                                                                   &cli_cmd_choose, NULL},
                                      argv[1]);
    cli_sink_set(&sink);
    int code = cmd ? cmd->run(ctx, argc, argv) : EXIT_INTERNAL;
    cli_sink_set(NULL); /* (the thread's language, maybe the body's "lang", stays until the answer is made) */
    bool bad = fclose(sink.out) != 0 || sink.failed;
    bad |= chart && fclose(sink.chart) != 0;
    if (code == EXIT_OK && !bad) {
        r->status = 200;
        r->body = chart ? svg : buf;
        r->len = chart ? svg_len : len;
        r->type = chart ? "image/svg+xml" : NULL;
        free(chart ? buf : svg);
        return;
    }
    free(buf);
    free(svg);
    if (code == EXIT_OK || !sink.msg[0])
        serve_error(r, 500, EXIT_INTERNAL, "out of memory");
    else
        serve_error(r, status_of(code), code, "%s", sink.msg);
}

/* ---- the body as a command line ----------------------------------------------------------------------------- */

#define MAX_MEMBERS 48

/* The option of cmd named name, or NULL. */
static const cli_opt *find_option(const cli_command *cmd, const char *name)
{
    const cli_opt *tables[] = {cmd->opts, cmd->shared};
    for (size_t t = 0; t < 2; t++)
        for (const cli_opt *o = tables[t]; o && (o->name || o->value); o++)
            if (o->name && strcmp(o->name, name) == 0)
                return o;
    return NULL;
}

/* Whether a member's name can be an option's: a-z first, then a-z, 0-9 and '-', at most 40 bytes. */
static bool option_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 40 || s[0] < 'a' || s[0] > 'z')
        return false;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}

/* "--NAME=VALUE" or "--NAME" (value NULL), malloc'd; NULL when out of memory. */
static char *argument_of(const char *name, const char *value)
{
    size_t n = strlen(name), m = value ? strlen(value) : 0;
    char *a = malloc(n + m + 4);
    if (a)
        snprintf(a, n + m + 4, "--%s%s%s", name, value ? "=" : "", value ? value : "");
    return a;
}

/* One member as an argument ("--name=value", "--name", or nothing for a false switch) into *arg (malloc'd). 0, or
 * the status of a refusal written into r. */
static int member(const serve_conf *c, shebao_ctx *ctx, const cli_command *cmd, const char *key, json_t *v,
                  char **arg, serve_reply *r)
{
    *arg = NULL;
    if (!option_name(key))
        return serve_error(r, 400, EXIT_USAGE, "member '%.40s' is not an option name (see 'shebao help %s')", key,
                           cmd->name), 400;
    if (strcmp(key, "policy") == 0 || strcmp(key, "chart") == 0 || strcmp(key, "help") == 0)
        return serve_error(r, 400, EXIT_USAGE, "member '%s' is not taken over HTTP (the service reads and writes no "
                           "file; give \"region\", one of GET /v1/policies)", key), 400;
    const cli_opt *o = find_option(cmd, key);
    char num[32];
    const char *value;
    bool common = !o && strcmp(key, "lang") == 0; /* --lang: every command's, read by cli_parse itself */
    if (!o && !common) { /* not an option of the command, whatever its value: the command's own refusal */
        value = NULL;
    } else if (o && o->kind == CLI_SWITCH) {
        if (!json_is_boolean(v))
            return serve_error(r, 400, EXIT_USAGE, "member '%s' must be true or false", key), 400;
        if (json_is_false(v))
            return 0;
        value = NULL;
    } else if (json_is_string(v)) {
        value = json_string_value(v);
    } else if (json_is_integer(v)) {
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        value = num;
    } else {
        return serve_error(r, 400, EXIT_USAGE, "member '%s' must be a string or a whole number (exact values such as "
                           "amounts and rates are written as strings)", key), 400;
    }
    if (o && strcmp(key, "format") == 0 && strcmp(value, "json") != 0)
        return serve_error(r, 400, EXIT_USAGE, "member 'format' must be \"json\": the service answers in JSON"), 400;
    if (o && strcmp(key, "region") == 0 && !serve_policy(c, value))
        return serve_unknown_region(c, ctx, value, r), 404;
    if (!(*arg = argument_of(key, value)))
        return serve_error(r, 500, EXIT_INTERNAL, "out of memory"), 500;
    return 0;
}

/* The body as a JSON object, or NULL after a refusal written into r; its "lang" is the thread's (and ctx's)
 * language from then on. */
static json_t *body_object(shebao_ctx *ctx, const char *body, size_t len, serve_reply *r)
{
    json_error_t e;
    json_t *j = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &e);
    if (!j) {
        serve_error(r, 400, EXIT_INPUT, "the body is not JSON (UTF-8): %s at line %d column %d", e.text, e.line,
                    e.column);
        return NULL;
    }
    if (!json_is_object(j)) {
        serve_error(r, 400, EXIT_INPUT, "the body must be a JSON object of options, not %s",
                    cli_tr(json_is_array(j) ? N_("a list") : N_("a single value")));
        json_decref(j);
        return NULL;
    }
    /* its "lang", when it names a language, for the body's own refusals too (--lang, which the command reads from
     * the command line, refuses any other value) */
    cli_lang l;
    const char *lang = json_string_value(json_object_get(j, "lang"));
    if (lang && cli_lang_from_name(lang, &l)) {
        cli_lang_set(l);
        cli_lang_apply(ctx);
    }
    if (json_object_size(j) > MAX_MEMBERS) {
        serve_error(r, 400, EXIT_USAGE, "the body has more than %d members", MAX_MEMBERS);
        json_decref(j);
        return NULL;
    }
    return j;
}

void serve_run_json(const serve_conf *c, shebao_ctx *ctx, const cli_command *cmd, const char *sub, const char *body,
                    size_t len, bool chart, serve_reply *r)
{
    json_t *j = body_object(ctx, body, len, r);
    if (!j)
        return;
    const cli_command *named = sub ? cli_find(cmd->subs, sub) : cmd;
    char *argv[MAX_MEMBERS + 6] = {"shebao", (char *)cmd->name, (char *)sub};
    int first = sub ? 3 : 2, argc = first;
    const char *key;
    json_t *v;
    bool format = false, refused = false;
    json_object_foreach(j, key, v) {
        if (member(c, ctx, named, key, v, &argv[argc], r) != 0) {
            refused = true;
            break;
        }
        format |= strcmp(key, "format") == 0;
        argc += argv[argc] != NULL;
    }
    int owned = argc; /* argv[first, owned) are malloc'd */
    if (!refused) {
        if (!format)
            argv[argc++] = "--format=json";
        if (chart) /* the name says the format (SVG); the chart goes into the answer (cli_sink.chart) */
            argv[argc++] = "--chart=chart.svg";
        argv[argc] = NULL;
        serve_run_argv(c, ctx, argc, argv, chart, r);
    }
    for (int i = first; i < owned; i++)
        free(argv[i]);
    json_decref(j);
}
