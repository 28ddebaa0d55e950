/* shebao serve: the commands over HTTP (docs/serve.md). This file: the options, the policies loaded once and
 * shared by every worker, the listening socket, and the end on SIGTERM or SIGINT (drained, exit 0). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "chart.h"
#include "serve.h"

typedef struct serve_opts {
    const char *file, *region, *listen;
    cli_int threads, max_body, max_connections, timeout;
} serve_opts;

#define AT(m) .at = offsetof(serve_opts, m)
static const cli_opt serve_table[] = {
    {.name = "listen", .value = "HOST:PORT", .kind = CLI_TEXT, AT(listen),
     .help = N_("the address: IPv4 A.B.C.D:PORT or [IPv6]:PORT; port 0 picks a free one (default 127.0.0.1:8080)")},
    {.name = "threads", .value = "N", .kind = CLI_INT, .flags = CLI_USAGE_ERR, AT(threads), .lo = 1, .hi = 64,
     .what = N_("a number of threads"), .help = N_("worker threads, each with its own context (default 2)")},
    {.name = "region", .value = "ID", .kind = CLI_TEXT, .flags = CLI_OR, AT(region),
     .help = N_("serve this embedded policy only (default: every embedded policy, zhejiang when none is asked)")},
    {.name = "policy", .value = "FILE", .kind = CLI_TEXT, AT(file), .help = N_("serve this policy file only")},
    {.name = "max-body", .value = "BYTES", .kind = CLI_INT, .flags = CLI_USAGE_ERR, AT(max_body), .lo = 1,
     .hi = 16777216, .what = N_("a number of bytes"), .help = N_("the largest request body taken (default 65536)")},
    {.name = "max-connections", .value = "N", .kind = CLI_INT, .flags = CLI_USAGE_ERR, AT(max_connections), .lo = 1,
     .hi = 10000, .what = N_("a number of connections"), .help = N_("connections open at once (default 256)")},
    {.name = "timeout", .value = "SECONDS", .kind = CLI_INT, .flags = CLI_USAGE_ERR, AT(timeout), .lo = 1,
     .hi = 3600, .what = N_("a number of seconds"), .help = N_("a connection idle this long is closed (default 10)")},
    {0},
};
#undef AT

const cli_command cli_cmd_serve = {
    .name = "serve",
    .summary = N_("the commands as an HTTP/1.1 JSON service (docs/serve.md); SIGTERM stops it"),
    .example = "serve --listen 127.0.0.1:8080 --threads 2",
    .opts = serve_table,
    .extra = N_("takes no arguments"),
    .run = cmd_serve,
};

/* ---- the policies ------------------------------------------------------------------------------------------- */

static void free_policies(serve_conf *c)
{
    for (size_t i = 0; i < c->npolicies; i++)
        shebao_policy_free(c->policies[i]);
    free(c->policies);
    free(c->policy_list);
}

/* The body of GET /v1/policies: {"policies":[{"id":…,"name":…,"name_zh":…,"lineage":…},…]} (name_zh: null when
 * the policy has none). */
static char *policy_list(const serve_conf *c)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < c->npolicies; i++) {
        const shebao_policy *p = c->policies[i];
        json_array_append_new(list, json_pack("{s:s,s:s,s:s?,s:s}", "id", shebao_policy_id(p), "name",
                                              shebao_policy_name(p), "name_zh", shebao_policy_name_zh(p),
                                              "lineage", shebao_policy_lineage(p)));
    }
    json_t *doc = json_pack("{s:o}", "policies", list);
    char *text = doc ? json_dumps(doc, JSON_INDENT(2)) : NULL;
    json_decref(doc);
    size_t n = text ? strlen(text) : 0;
    char *body = text ? realloc(text, n + 2) : NULL;
    if (!body) {
        free(text);
        return NULL;
    }
    memcpy(body + n, "\n", 2);
    return body;
}

/* Load --policy FILE, --region ID, or every embedded policy. An exit code. */
static int load_policies(shebao_ctx *ctx, const serve_opts *o, serve_conf *c)
{
    size_t n = o->file || o->region ? 1 : shebao_policy_embedded_count();
    if (!(c->policies = calloc(n, sizeof *c->policies))) {
        cli_err("out of memory");
        return EXIT_INTERNAL;
    }
    for (size_t i = 0; i < n; i++) {
        const char *id = o->region ? o->region : shebao_policy_embedded_id(i);
        int rc = o->file ? shebao_policy_load_file(ctx, o->file, &c->policies[i])
                         : shebao_policy_load_embedded(ctx, id, &c->policies[i]);
        if (rc != SHEBAO_OK)
            return cli_fail(ctx, rc);
        c->npolicies++;
    }
    c->region = o->file || o->region ? shebao_policy_id(c->policies[0]) : CLI_DEFAULT_REGION;
    if (!(c->policy_list = policy_list(c))) {
        cli_err("out of memory");
        return EXIT_INTERNAL;
    }
    return EXIT_OK;
}

/* ---- the socket --------------------------------------------------------------------------------------------- */

/* --listen as a socket address; false if it is not A.B.C.D:PORT or [IPv6]:PORT. */
static bool parse_listen(const char *s, struct sockaddr_storage *a, socklen_t *len)
{
    const char *colon = strrchr(s, ':');
    long long port;
    char host[64];
    if (!colon || !cli_parse_whole(colon + 1, strlen(colon + 1), 0, 65535, &port))
        return false;
    size_t n = (size_t)(colon - s);
    bool v6 = n >= 2 && s[0] == '[' && s[n - 1] == ']';
    if (v6)
        s++, n -= 2;
    if (n == 0 || n >= sizeof host)
        return false;
    memcpy(host, s, n);
    host[n] = '\0';
    memset(a, 0, sizeof *a);
    if (v6) {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)a;
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
        *len = sizeof *a6;
        return inet_pton(AF_INET6, host, &a6->sin6_addr) == 1;
    }
    struct sockaddr_in *a4 = (struct sockaddr_in *)a;
    a4->sin_family = AF_INET;
    a4->sin_port = htons((uint16_t)port);
    *len = sizeof *a4;
    return inet_pton(AF_INET, host, &a4->sin_addr) == 1;
}

/* A listening socket on addr (its port, when 0 was asked, into *port), or -1 after a message. */
static int listen_on(const char *addr, unsigned *port)
{
    struct sockaddr_storage a;
    socklen_t len;
    if (!parse_listen(addr, &a, &len)) {
        cli_usage("--listen must be A.B.C.D:PORT or [IPv6]:PORT (port 0-65535), not '%s'", addr);
        return -2;
    }
    int fd = socket(a.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0), on = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
        bind(fd, (struct sockaddr *)&a, len) != 0 || listen(fd, 128) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) != 0) {
        cli_err("cannot listen on %s: %s", addr, cli_strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    *port = ntohs(a.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&a)->sin6_port
                                          : ((struct sockaddr_in *)&a)->sin_port);
    return fd;
}

/* ---- the command -------------------------------------------------------------------------------------------- */

static void free_thread_ctx(void *ctx) { shebao_ctx_free(ctx); }

/* Wait for SIGTERM or SIGINT, then stop taking connections and let the open ones finish (at most `timeout`
 * seconds) before the daemon stops. */
static void run_until_signal(struct MHD_Daemon *d, const sigset_t *stop, unsigned timeout)
{
    int sig = 0;
    sigwait(stop, &sig);
    fprintf(stderr, cli_tr("shebao serve: %s: draining\n"), sig == SIGTERM ? "SIGTERM" : "SIGINT");
    MHD_quiesce_daemon(d);
    const struct timespec tick = {0, 20 * 1000 * 1000};
    for (unsigned i = 0; i < timeout * 50; i++) {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!info || info->num_connections == 0)
            break;
        nanosleep(&tick, NULL);
    }
    MHD_stop_daemon(d);
}

int cmd_serve(shebao_ctx *ctx, int argc, char **argv)
{
    serve_opts o = {.listen = "127.0.0.1:8080", .threads = {2, false}, .max_body = {65536, false},
                    .max_connections = {256, false}, .timeout = {10, false}};
    int code = cli_parse(&cli_cmd_serve, ctx, argc, argv, 2, &o);
    if (code != CLI_GO)
        return code;
    if (o.file && o.region)
        return cli_usage("give --region or --policy, not both");
    serve_conf c = {.max_body = (size_t)o.max_body.v, .lang = cli_lang_get()}; /* serve's --lang, or the default */
    unsigned port = 0;
    int fd = -1;
    if ((code = load_policies(ctx, &o, &c)) != EXIT_OK || (fd = listen_on(o.listen, &port)) < 0) {
        free_policies(&c);
        return code != EXIT_OK ? code : fd == -2 ? EXIT_USAGE : EXIT_INTERNAL;
    }
    /* SIGTERM and SIGINT are taken by sigwait alone: blocked here, and in every worker (which inherit the mask) */
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, &old);
    signal(SIGPIPE, SIG_IGN);
    json_object_seed(0); /* before any thread makes a JSON object */
    struct MHD_Daemon *d = NULL;
    if (pthread_key_create(&c.ctx_key, free_thread_ctx) == 0) {
        d = serve_start(&c, fd, (unsigned)o.threads.v, (unsigned)o.max_connections.v, (unsigned)o.timeout.v);
        if (d) {
            /* (in the language: a script finds the address as "http://HOST:PORT" in this first line) */
            fprintf(stderr, cli_tr("shebao serve: listening on http://%.*s:%u (%lld threads, %zu policies)\n"),
                    (int)(strrchr(o.listen, ':') - o.listen), o.listen, port, o.threads.v, c.npolicies);
            run_until_signal(d, &stop, (unsigned)o.timeout.v);
        } else {
            cli_err("cannot start the HTTP service on %s", o.listen);
        }
        pthread_key_delete(c.ctx_key);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    close(fd);
    free_policies(&c);
    chart_cleanup(); /* the workers are gone: no cairo object is left */
    return d ? EXIT_OK : EXIT_INTERNAL;
}
