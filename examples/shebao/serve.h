/* shebao serve: the CLI's commands over HTTP (docs/serve.md). cmd_serve.c: the command, its options, the listening
 * socket, the policies and SIGTERM; serve_http.c: connections, routes and the log; serve_run.c: a request run as
 * the CLI command it stands for, its output captured (cli_sink); serve_lang.c: a request's language before its body
 * is read (?lang=, Accept-Language). */
#ifndef SHEBAO_SERVE_H
#define SHEBAO_SERVE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

struct MHD_Daemon;
struct MHD_Connection;

/* What every worker shares; read-only once the daemon runs. */
typedef struct serve_conf {
    shebao_policy **policies;  /* the loaded policies, one per region */
    size_t npolicies;
    const char *region;        /* the id a request without "region" gets */
    size_t max_body;           /* bytes */
    char *policy_list;         /* the body of GET /v1/policies */
    pthread_key_t ctx_key;     /* each worker thread's shebao_ctx */
    cli_lang lang;             /* a request's language when it names none: the server's (its --lang, or the
                                * environment) */
} serve_conf;

/* An answer: status, body (malloc'd, handed to the HTTP library), and the Allow header of a 405. */
typedef struct serve_reply {
    int status;
    char *body;
    size_t len;
    const char *allow;
    const char *type; /* Content-Type; NULL: JSON */
} serve_reply;

/* A JSON error {"error":{"code":CODE,"message":"…"}} (code: the CLI's exit code) with that status. */
void serve_error(serve_reply *r, int status, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* The policy of that id among the loaded ones, or NULL. */
shebao_policy *serve_policy(const serve_conf *c, const char *id);
/* A region that is not served: 404 with the CLI's message for an unknown policy, or the list of those served. */
void serve_unknown_region(const serve_conf *c, shebao_ctx *ctx, const char *id, serve_reply *r);
/* Run the command argv[1] (argv[2]: a subcommand) as the CLI would, its output into r: 200 and the JSON it
 * printed (chart: the SVG chart that compare --chart drew), or the error with the status of its exit code. */
void serve_run_argv(const serve_conf *c, shebao_ctx *ctx, int argc, char **argv, bool chart, serve_reply *r);
/* Run cmd (sub: a group's subcommand, or NULL) on a JSON object of options (docs/serve.md); chart: compare's SVG
 * chart instead of its JSON. */
void serve_run_json(const serve_conf *c, shebao_ctx *ctx, const cli_command *cmd, const char *sub, const char *body,
                    size_t len, bool chart, serve_reply *r);
/* The phone page of GET / (serve_page.c): HTML, CSS and JS in one document. */
extern const char serve_page[];
/* s made valid UTF-8 (each bad byte becomes '?'), into buf. */
const char *serve_clean_utf8(const char *s, char *buf, size_t size);

/* The language of a request before its body is read (serve_lang.c): ?lang=zh|en|both, else the zh or en tag of
 * the Accept-Language header, else c->lang; into *out. false: ?lang= names no language (its value in *bad; *out is
 * then the header's or c->lang, for the refusal). */
bool serve_request_lang(const serve_conf *c, struct MHD_Connection *conn, cli_lang *out, const char **bad);
/* The zh or en tag of the highest q (ties: the first) of an Accept-Language header into *out; false when it names
 * neither with a q above 0, or cannot be read. */
bool serve_accept_language(const char *header, cli_lang *out);

/* The daemon on the listening socket fd (serve_http.c); NULL if it cannot start. */
struct MHD_Daemon *serve_start(serve_conf *c, int fd, unsigned threads, unsigned max_connections, unsigned timeout);

#endif
