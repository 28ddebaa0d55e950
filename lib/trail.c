/* The explanation trail (internal.h, sb_trail): every step in English, and in Chinese too when the context was
 * Chinese as the computation started, each line formatted from the catalogue's translation of its format. */
#include <libintl.h>
#include <stdlib.h>
#include "internal.h"

void sb_trail_start(sb_trail *t, const shebao_ctx *ctx, bool on)
{
    *t = (sb_trail){.on = on, .zh_on = on && ctx && ctx->lang == SHEBAO_LANG_ZH};
}

const char *sb_trail_text(const sb_trail *t)
{
    if (!t->on)
        return NULL;
    const sb_buf *b = t->zh_on ? &t->zh : &t->en;
    return b->s ? b->s : "";
}

bool sb_trail_failed(const sb_trail *t) { return t->en.failed || t->zh.failed; }

void sb_trail_free(sb_trail *t)
{
    free(t->en.s);
    free(t->zh.s);
    t->en = t->zh = (sb_buf){0};
}

void sb_trail_printf(sb_trail *t, bool zh, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (zh)
        sb_buf_vprintf(&t->zh, dgettext("libshebao", fmt), ap);
    else
        sb_buf_vprintf(&t->en, fmt, ap);
    va_end(ap);
}

const char *sb_trail_piece(bool zh, const char *en) { return zh && *en ? dgettext("libshebao", en) : en; }
