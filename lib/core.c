/* Versions, result codes, contexts and library-owned memory. */
#define _GNU_SOURCE /* strerrordesc_np: the English description of an errno value, whatever the locale */
#include <libintl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *shebao_version(void) { return SHEBAO_VERSION_STRING; }

int shebao_version_num(void) { return SHEBAO_VERSION_NUM; }

const char *shebao_strerror(int code)
{
    switch (code) {
    case SHEBAO_OK: return "success";
    case SHEBAO_NA: return "does not apply";
    case SHEBAO_ENOMEM: return "out of memory";
    case SHEBAO_EUSAGE: return "invalid argument";
    case SHEBAO_EPOLICY: return "policy or data error";
    case SHEBAO_EINPUT: return "invalid input";
    case SHEBAO_ECOMPUTE: return "computation error";
    default: return "unknown error";
    }
}

int sb_check_version(shebao_ctx *ctx, const char *type, unsigned version, unsigned current, const char *init)
{
    if (version >= 1 && version <= current)
        return SHEBAO_OK;
    return sb_fail(ctx, SHEBAO_EUSAGE, "%s.version %u: this library reads versions 1 to %u (initialise with %s)", type,
                   version, current, init);
}

int shebao_ctx_new(shebao_ctx **out)
{
    if (!out)
        return SHEBAO_EUSAGE;
    shebao_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return SHEBAO_ENOMEM;
    ctx->precision = SHEBAO_MIN_PRECISION;
    *out = ctx;
    return SHEBAO_OK;
}

void shebao_ctx_free(shebao_ctx *ctx)
{
    if (!ctx)
        return;
    if (ctx->mortality)
        ctx->mortality_release(ctx->mortality);
    free(ctx);
    /* MPFR keeps per-thread caches (constants, powers); release this thread's. */
    mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
}

const char *shebao_ctx_errmsg(const shebao_ctx *ctx) { return ctx ? ctx->msg : "no context"; }

int shebao_ctx_errcode(const shebao_ctx *ctx) { return ctx ? ctx->code : SHEBAO_EUSAGE; }

int shebao_ctx_set_language(shebao_ctx *ctx, shebao_language lang)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (lang != SHEBAO_LANG_EN && lang != SHEBAO_LANG_ZH)
        return sb_fail(ctx, SHEBAO_EUSAGE, "language %d is neither SHEBAO_LANG_EN nor SHEBAO_LANG_ZH", (int)lang);
    ctx->lang = lang;
    return sb_ok(ctx);
}

const char *sb_tr(const shebao_ctx *ctx, const char *s)
{
    return ctx && ctx->lang == SHEBAO_LANG_ZH && s && *s ? dgettext("libshebao", s) : s;
}

const char *sb_strerror(const shebao_ctx *ctx, int err)
{
    if (ctx && ctx->lang == SHEBAO_LANG_ZH)
        return strerror(err);
#if defined(__GLIBC__)
    const char *d = strerrordesc_np(err);
    return d ? d : "Unknown error";
#else
    return strerror(err);
#endif
}

int shebao_ctx_set_precision(shebao_ctx *ctx, unsigned bits)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (bits < SHEBAO_MIN_PRECISION || bits > 4096)
        return sb_fail(ctx, SHEBAO_EUSAGE, "precision %u bits is outside %d..4096", bits, SHEBAO_MIN_PRECISION);
    ctx->precision = bits;
    return sb_ok(ctx);
}

void shebao_free(void *p) { free(p); }

int sb_fail(shebao_ctx *ctx, int code, const char *fmt, ...)
{
    if (ctx) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ctx->msg, sizeof ctx->msg, sb_tr(ctx, fmt), ap);
        va_end(ap);
        /* one line, always */
        for (char *p = ctx->msg; *p; p++)
            if (*p == '\n' || *p == '\r')
                *p = ' ';
        ctx->code = code;
    }
    return code;
}

int sb_ok(shebao_ctx *ctx)
{
    if (ctx) {
        ctx->code = SHEBAO_OK;
        ctx->msg[0] = '\0';
    }
    return SHEBAO_OK;
}

char *sb_asprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

char *sb_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void sb_buf_vprintf(sb_buf *b, const char *fmt, va_list ap)
{
    if (b->failed)
        return;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0) {
        b->failed = true;
        va_end(again);
        return;
    }
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->failed = true;
            va_end(again);
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
    va_end(again);
    b->len += (size_t)n;
}

void sb_buf_printf(sb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_buf_vprintf(b, fmt, ap);
    va_end(ap);
}
