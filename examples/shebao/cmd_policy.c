/* shebao policy list | show | check */
#include <string.h>

#include "cli.h"

static int policy_list(shebao_ctx *ctx)
{
    size_t n = shebao_policy_embedded_count();
    for (size_t i = 0; i < n; i++) {
        shebao_policy *p = NULL;
        const char *id = shebao_policy_embedded_id(i);
        int rc = shebao_policy_load_embedded(ctx, id, &p);
        if (rc != SHEBAO_OK)
            return cli_fail(ctx, rc);
        printf("%-20s %s\n", id, shebao_policy_name(p));
        shebao_policy_free(p);
    }
    return EXIT_OK;
}

static void print_table(const shebao_policy *p)
{
    printf("policy   %s — %s\n", shebao_policy_id(p), shebao_policy_name(p));
    printf("lineage  %s\n\n", shebao_policy_lineage(p));
    cli_pad(stdout, "PARAMETER 参数", 52, false);
    cli_pad(stdout, " FROM 起始", 9, false);
    cli_pad(stdout, " VALUE 数值", 37, false);
    cli_pad(stdout, " STATUS 状态", 12, false);
    printf(" SOURCE 来源\n");
    size_t n = shebao_policy_param_count(p), unofficial = 0;
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        shebao_policy_param(p, i, &q);
        printf("%-52s %-8s %-36s %-11s %s\n", q.path, q.from, q.value, shebao_status_name(q.status),
               q.source[0] ? q.source : "-");
        if (q.status != SHEBAO_STATUS_OFFICIAL)
            unofficial++;
    }
    printf("\n%zu parameter values, %zu of them not official (status other than 'official').\n", n, unofficial);
    /* the sources the parameters use, once each, in first-use order */
    printf("\nSOURCES 来源\n");
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        shebao_policy_param(p, i, &q);
        if (!q.source[0])
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) {
            shebao_param r;
            shebao_policy_param(p, j, &r);
            seen = strcmp(r.source, q.source) == 0;
        }
        if (!seen)
            printf("  %-24s [%s] %s%s%s\n", q.source, shebao_status_name(q.status), q.title,
                   q.url[0] ? "  " : "", q.url);
    }
}

static int policy_show(shebao_ctx *ctx, int argc, char **argv)
{
    const char *file = NULL, *region = NULL, *format = "table";
    cli_args a;
    cli_args_init(&a, argc, argv, 3);
    while (cli_next(&a)) {
        if (!a.name) {
            if (region)
                return cli_usage("policy show takes one policy id");
            region = a.value;
        } else if (strcmp(a.name, "policy") == 0) {
            if (!(file = cli_value(&a)))
                return EXIT_USAGE;
        } else if (strcmp(a.name, "region") == 0) {
            if (!(region = cli_value(&a)))
                return EXIT_USAGE;
        } else if (strcmp(a.name, "format") == 0) {
            if (!(format = cli_value(&a)))
                return EXIT_USAGE;
            if (strcmp(format, "table") != 0 && strcmp(format, "json") != 0)
                return cli_usage("--format must be table or json, not '%s'", format);
        } else {
            return cli_usage("unknown option --%s for policy show", a.name);
        }
    }
    if (file && region)
        return cli_usage("give a policy id or --policy FILE, not both");
    shebao_policy *p = NULL;
    int rc = cli_load_policy(ctx, file, region, &p);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    if (strcmp(format, "json") == 0) {
        char *json = NULL;
        rc = shebao_policy_to_json(p, &json);
        if (rc == SHEBAO_OK)
            cli_puts(json);
        shebao_free(json);
    } else {
        print_table(p);
    }
    shebao_policy_free(p);
    return rc == SHEBAO_OK ? EXIT_OK : EXIT_INTERNAL;
}

static int policy_check(shebao_ctx *ctx, int argc, char **argv)
{
    if (argc != 4)
        return cli_usage("policy check takes exactly one FILE");
    shebao_policy *p = NULL;
    int rc = shebao_policy_load_file(ctx, argv[3], &p);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    size_t n = shebao_policy_param_count(p), unofficial = 0;
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        shebao_policy_param(p, i, &q);
        unofficial += q.status != SHEBAO_STATUS_OFFICIAL;
    }
    printf("%s: ok: policy %s (%s), %zu parameter values, %zu not official\n", argv[3], shebao_policy_id(p),
           shebao_policy_lineage(p), n, unofficial);
    shebao_policy_free(p);
    return EXIT_OK;
}

int cmd_policy(shebao_ctx *ctx, int argc, char **argv)
{
    if (argc < 3)
        return cli_usage("policy needs a subcommand: list, show or check");
    if (strcmp(argv[2], "list") == 0)
        return argc == 3 ? policy_list(ctx) : cli_usage("policy list takes no arguments");
    if (strcmp(argv[2], "show") == 0)
        return policy_show(ctx, argc, argv);
    if (strcmp(argv[2], "check") == 0)
        return policy_check(ctx, argc, argv);
    return cli_usage("unknown policy subcommand '%s'", argv[2]);
}
