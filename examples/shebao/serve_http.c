/* shebao serve: connections (GNU libmicrohttpd), routes, the body of a request, and one log line per request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

#include "serve.h"

typedef enum route_kind { ROUTE_PAGE, ROUTE_HEALTH, ROUTE_POLICIES, ROUTE_POLICY, ROUTE_RUN, ROUTE_CHART } route_kind;

typedef struct route {
    const char *path;
    const char *method; /* "GET" (HEAD too) or "POST" */
    route_kind kind;
    const cli_command *cmd; /* ROUTE_RUN: the command, and its subcommand */
    const char *sub;
} route;

#define POLICY_PREFIX "/v1/policies/"

static const route routes[] = {
    {"/", "GET", ROUTE_PAGE, NULL, NULL},
    {"/v1/health", "GET", ROUTE_HEALTH, NULL, NULL},
    {"/v1/policies", "GET", ROUTE_POLICIES, NULL, NULL},
    {POLICY_PREFIX, "GET", ROUTE_POLICY, NULL, NULL}, /* POLICY_PREFIX ID */
    {"/v1/project", "POST", ROUTE_RUN, &cli_cmd_project, NULL},
    {"/v1/compare", "POST", ROUTE_RUN, &cli_cmd_compare, NULL},
    {"/v1/compare/chart.svg", "POST", ROUTE_CHART, &cli_cmd_compare, NULL},
    {"/v1/policy/grades", "POST", ROUTE_RUN, &cli_cmd_policy, "grades"},
    {"/v1/ltc/assess", "POST", ROUTE_RUN, &cli_cmd_ltc, "assess"},
    {"/v1/ltc/benefit", "POST", ROUTE_RUN, &cli_cmd_ltc, "benefit"},
    {"/v1/ltc/fund", "POST", ROUTE_RUN, &cli_cmd_ltc, "fund"},
    {"/v1/ltc/cost", "POST", ROUTE_RUN, &cli_cmd_ltc, "cost"},
    {"/v1/retire", "POST", ROUTE_RUN, &cli_cmd_retire, NULL},
    {"/v1/employee", "POST", ROUTE_RUN, &cli_cmd_employee, NULL},
    {"/v1/choose", "POST", ROUTE_RUN, &cli_cmd_choose, NULL},
};

static const route *find_route(const char *url)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        const route *rt = &routes[i];
        if (rt->kind == ROUTE_POLICY ? strncmp(url, rt->path, strlen(rt->path)) == 0 && url[strlen(rt->path)]
                                     : strcmp(url, rt->path) == 0)
            return rt;
    }
    return NULL;
}

/* One request: what the log line needs, and the body read so far. */
typedef struct request {
    struct timespec t0;
    const route *rt;
    char method[16], path[128]; /* for the log: printable ASCII, cut */
    char *body;
    size_t len;
    bool too_large;
    cli_lang lang; /* before the body's "lang" is read (serve_lang.c) */
    int status; /* of the answer queued; 0: none */
} request;

/* s as printable ASCII (other bytes as '?'), cut to size. */
static void loggable(char *dest, size_t size, const char *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < size; i++)
        dest[i] = s[i] > ' ' && s[i] < 127 ? s[i] : '?';
    dest[i] = '\0';
}

static enum MHD_Result answer(struct MHD_Connection *conn, request *q, serve_reply *r)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(r->len, r->body, MHD_RESPMEM_MUST_FREE);
    if (!resp) {
        free(r->body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type ? r->type : "application/json; charset=utf-8");
    if (r->allow)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
    q->status = r->status;
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

/* The calling worker thread's context, made on its first request (freed at the thread's end: the key's
 * destructor). */
static shebao_ctx *thread_ctx(const serve_conf *c)
{
    shebao_ctx *ctx = pthread_getspecific(c->ctx_key);
    if (!ctx && shebao_ctx_new(&ctx) == SHEBAO_OK && pthread_setspecific(c->ctx_key, ctx) != 0) {
        shebao_ctx_free(ctx);
        ctx = NULL;
    }
    return ctx;
}

/* A refusal decided from the request line and the headers alone: unknown route, wrong method, a ?lang= that names
 * no language (bad_lang: its value), a declared body over the limit. false: none. */
static bool refuse_early(const serve_conf *c, struct MHD_Connection *conn, request *q, const char *url,
                         const char *method, const char *bad_lang, serve_reply *r)
{
    if (!q->rt) {
        serve_error(r, 404, EXIT_USAGE, "no such route: %.100s (see docs/serve.md)", url);
        return true;
    }
    bool get = strcmp(q->rt->method, "GET") == 0;
    if (get ? strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 : strcmp(method, "POST") != 0) {
        r->allow = get ? "GET, HEAD" : "POST";
        serve_error(r, 405, EXIT_USAGE, "%.100s takes %s, not %.20s", url, q->rt->method, method);
        return true;
    }
    if (bad_lang) {
        serve_error(r, 400, EXIT_USAGE, "the query argument lang must be zh, en or both, not '%.40s%s'", bad_lang,
                    strlen(bad_lang) > 40 ? "..." : "");
        return true;
    }
    const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    long long declared;
    if (cl && (!cli_parse_whole(cl, strlen(cl), 0, 999999999999LL, &declared) || (size_t)declared > c->max_body)) {
        serve_error(r, 413, EXIT_INPUT, "the body is over %zu bytes (--max-body)", c->max_body);
        return true;
    }
    return false;
}

/* The answer to a complete request. */
static void dispatch(const serve_conf *c, request *q, const char *url, serve_reply *r)
{
    shebao_ctx *ctx = thread_ctx(c);
    if (!ctx) {
        serve_error(r, 500, EXIT_INTERNAL, "out of memory");
        return;
    }
    cli_lang_apply(ctx); /* the library's messages too (an unknown region's) */
    if (q->too_large) {
        serve_error(r, 413, EXIT_INPUT, "the body is over %zu bytes (--max-body)", c->max_body);
        return;
    }
    switch (q->rt->kind) {
    case ROUTE_PAGE:
        r->body = strdup(serve_page);
        r->len = r->body ? strlen(r->body) : 0;
        r->status = r->body ? 200 : 500;
        r->type = "text/html; charset=utf-8";
        return;
    case ROUTE_HEALTH: {
        char text[96];
        int n = snprintf(text, sizeof text, "{\"status\":\"ok\",\"version\":\"%s\"}\n", shebao_version());
        r->body = strdup(text);
        r->len = (size_t)n;
        r->status = r->body ? 200 : 500;
        r->len = r->body ? r->len : 0;
        return;
    }
    case ROUTE_POLICIES:
        r->body = strdup(c->policy_list);
        r->len = r->body ? strlen(r->body) : 0;
        r->status = r->body ? 200 : 500;
        return;
    case ROUTE_POLICY: {
        const char *id = url + strlen(POLICY_PREFIX);
        if (!serve_policy(c, id)) {
            serve_unknown_region(c, ctx, id, r);
            return;
        }
        char *argv[] = {"shebao", "policy", "show", (char *)id, "--format=json", NULL};
        serve_run_argv(c, ctx, 5, argv, false, r);
        return;
    }
    case ROUTE_RUN:
    case ROUTE_CHART:
        serve_run_json(c, ctx, q->rt->cmd, q->rt->sub, q->body ? q->body : "", q->len, q->rt->kind == ROUTE_CHART, r);
        return;
    }
}

/* Keep a piece of the body, up to the limit (past it, only the note that it was too large). */
static void take(const serve_conf *c, request *q, const char *data, size_t n)
{
    if (q->too_large)
        return;
    char *b = q->len + n <= c->max_body ? realloc(q->body, q->len + n + 1) : NULL;
    if (!b) { /* over the limit (or out of memory: refused the same way) */
        q->too_large = true;
        free(q->body);
        q->body = NULL;
        q->len = 0;
        return;
    }
    memcpy(b + q->len, data, n);
    q->len += n;
    b[q->len] = '\0';
    q->body = b;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *data, size_t *size, void **state)
{
    (void)version;
    const serve_conf *c = cls;
    request *q = *state;
    serve_reply r = {0};
    enum MHD_Result ok;
    if (!q) { /* the request line and the headers */
        if (!(q = calloc(1, sizeof *q)))
            return MHD_NO;
        *state = q;
        clock_gettime(CLOCK_MONOTONIC, &q->t0);
        loggable(q->method, sizeof q->method, method);
        loggable(q->path, sizeof q->path, url);
        q->rt = find_route(url);
        const char *bad_lang;
        serve_request_lang(c, conn, &q->lang, &bad_lang);
        cli_lang_set(q->lang);
        ok = refuse_early(c, conn, q, url, method, bad_lang, &r) ? answer(conn, q, &r) : MHD_YES;
    } else if (*size) { /* a piece of the body */
        take(c, q, data, *size);
        *size = 0;
        return MHD_YES;
    } else {
        cli_lang_set(q->lang); /* (the body's "lang", read by the command, replaces it) */
        dispatch(c, q, url, &r);
        ok = answer(conn, q, &r);
    }
    cli_lang_reset(); /* this thread's next request, maybe on another connection, starts from its own */
    return ok;
}

/* One line per request on standard error: method, path, status ("-": no answer), microseconds. */
static void on_done(void *cls, struct MHD_Connection *conn, void **state, enum MHD_RequestTerminationCode why)
{
    (void)cls, (void)conn, (void)why;
    request *q = *state;
    if (!q)
        return;
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long us = (long long)(t1.tv_sec - q->t0.tv_sec) * 1000000 + (t1.tv_nsec - q->t0.tv_nsec) / 1000;
    char status[8] = "-";
    if (q->status)
        snprintf(status, sizeof status, "%d", q->status);
    fprintf(stderr, "%s %s %s %lldus\n", q->method, q->path, status, us);
    free(q->body);
    free(q);
    *state = NULL;
}

/* The path as sent, not unescaped: every route and policy id is plain ASCII, and an unescaped "%00" would end the
 * path early ("/v1/retire%00x" answered as /v1/retire), so an escape is never a route's. */
static size_t keep_escapes(void *cls, struct MHD_Connection *conn, char *uri)
{
    (void)cls, (void)conn;
    return strlen(uri);
}

struct MHD_Daemon *serve_start(serve_conf *c, int fd, unsigned threads, unsigned max_connections, unsigned timeout)
{
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC;
    return MHD_start_daemon(flags, 0, NULL, NULL, on_request, c, MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
                            MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, max_connections,
                            MHD_OPTION_CONNECTION_TIMEOUT, timeout, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                            (size_t)(32 * 1024), MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL, MHD_OPTION_UNESCAPE_CALLBACK,
                            keep_escapes, NULL, MHD_OPTION_END);
}
