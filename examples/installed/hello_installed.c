/*
 * hello_installed — the smallest program an installed user of libshebao would write.
 *
 * It uses only the public header, exactly as it is installed (<shebao.h>), and is built the way the README
 * says:
 *
 *     cc -std=c17 hello_installed.c $(pkg-config --cflags --libs shebao) -o hello_installed
 *
 * `make install-check` installs the library into a temporary DESTDIR, builds this file against it through
 * pkg-config and runs it. It exits with 0 when every check passes and 1 otherwise.
 */
#include <shebao.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
    /* 1. The library loaded at run time must match the header we compiled against. */
    printf("libshebao %s (header %s)\n", shebao_version(), SHEBAO_VERSION_STRING);
    if (strcmp(shebao_version(), SHEBAO_VERSION_STRING) != 0) {
        fprintf(stderr, "hello_installed: library %s does not match header %s\n", shebao_version(),
                SHEBAO_VERSION_STRING);
        return 1;
    }

    /* 2. A context per thread: it carries the last error message. */
    shebao_ctx *ctx = NULL;
    if (shebao_ctx_new(&ctx) != SHEBAO_OK) {
        fputs("hello_installed: out of memory\n", stderr);
        return 1;
    }

    /* 3. The Zhejiang policy is compiled into the library: no data file is needed. */
    shebao_policy *policy = NULL;
    int rc = shebao_policy_load_embedded(ctx, "zhejiang", &policy);
    if (rc != SHEBAO_OK) {
        fprintf(stderr, "hello_installed: %s\n", shebao_ctx_errmsg(ctx));
        shebao_ctx_free(ctx);
        return 1;
    }
    printf("policy %s: %zu parameter values\n", shebao_policy_id(policy), shebao_policy_param_count(policy));

    /* 4. Exact money: 350.00 x 0.0123 is exactly 4.305, which fen_half_up rounds to 4.31. */
    shebao_fen fen = 0;
    char text[SHEBAO_MONEY_BUFSZ];
    rc = shebao_decimal_mul_round(ctx, "350.00", "0.0123", SHEBAO_ROUND_FEN_HALF_UP, &fen);
    if (rc == SHEBAO_OK)
        rc = shebao_money_format(fen, text, sizeof text);
    if (rc != SHEBAO_OK) {
        const char *msg = shebao_ctx_errmsg(ctx);
        fprintf(stderr, "hello_installed: %s\n", *msg ? msg : shebao_strerror(rc));
        shebao_policy_free(policy);
        shebao_ctx_free(ctx);
        return 1;
    }
    printf("350.00 x 0.0123, %s: %s\n", shebao_rounding_name(SHEBAO_ROUND_FEN_HALF_UP), text);

    int ok = strcmp(text, "4.31") == 0;
    if (!ok)
        fprintf(stderr, "hello_installed: expected 4.31, got %s\n", text);

    /* 5. Everything the library returned is freed by its own _free function. */
    shebao_policy_free(policy);
    shebao_ctx_free(ctx);
    return ok ? 0 : 1;
}
