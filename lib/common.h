/* What every library source shares, whatever its module: the error helpers, the one TRY, and the one set of
 * bounds on years. Included by internal.h (include that). Not installed. */
#ifndef SHEBAO_COMMON_H
#define SHEBAO_COMMON_H

#include "shebao.h"

/* ---- errors (core.c) -------------------------------------------------------------------------------------- */

#define SB_ERRMSG_SIZE 512

/* Record a failure on ctx (which may be NULL) and return code. */
int sb_fail(shebao_ctx *ctx, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The start of the message of a figure that does not fit in int64 fen (SHEBAO_ECOMPUTE), followed by the figure's
 * name: sb_fail(ctx, SHEBAO_ECOMPUTE, SB_OUT_OF_RANGE "account balance in %d", y). */
#define SB_OUT_OF_RANGE "value out of range: "
/* A message of the library in ctx's language: dgettext("libshebao", s) under SHEBAO_LANG_ZH, else s. sb_fail and
 * sb_pread_err translate their format with it; a piece of a message made elsewhere (the name of a figure, a
 * reason) is marked SB_N_("...") where it is written and translated with sb_tr where it is used. */
const char *sb_tr(const shebao_ctx *ctx, const char *s)
#if defined(__GNUC__)
    __attribute__((format_arg(2)))
#endif
    ;
/* Marks a message for the catalogue (xgettext), translating nothing. */
#define SB_N_(s) s
/* strerror(err) under SHEBAO_LANG_ZH (the C library's own catalogue, if the caller set one up), else its English
 * description, whatever the process's locale. */
const char *sb_strerror(const shebao_ctx *ctx, int err);
/* Mark ctx as successful and return SHEBAO_OK. */
int sb_ok(shebao_ctx *ctx);

/* Evaluate expr (a shebao_code); return it from the enclosing function unless it is SHEBAO_OK. */
#define TRY(expr)                                                                                            \
    do {                                                                                                     \
        int rc_ = (expr);                                                                                    \
        if (rc_ != SHEBAO_OK)                                                                                \
            return rc_;                                                                                      \
    } while (0)

/* A value of n bytes at p quoted in a message, for "%.*s%s": whole up to 63 bytes, else its first 60 bytes and
 * "..." (a message has SB_ERRMSG_SIZE bytes; what is wrong must not be pushed out of it by the value). */
#define SB_SHOW_MAX 63
#define SB_SHOW(p, n) (int)((n) > SB_SHOW_MAX ? SB_SHOW_MAX - 3 : (n)), (p), ((n) > SB_SHOW_MAX ? "..." : "")

/* ---- bounds --------------------------------------------------------------------------------------------- */

/* Years of months and of plans: SHEBAO_YEAR_MIN..SHEBAO_YEAR_MAX (shebao.h, 1900..2199), the range of
 * shebao_month_parse() and sb_month_parse() and of the policy tables kept per year (sb_resident.table_at). Messages
 * print the numbers through these names ("year %d-%d"). */
#define SB_YEAR_MIN SHEBAO_YEAR_MIN
#define SB_YEAR_MAX SHEBAO_YEAR_MAX
/* Birth years: SB_YEAR_MIN..SB_BIRTH_YEAR_MAX (SHEBAO_BIRTH_YEAR_MAX, 2150). The bound has been 2150 since the
 * first engine, in the messages of shebao_project(), shebao_project_summary() and shebao_compare(), the CLI and
 * docs/scale.md, with no reason recorded; it stays so that no message changes. What it leaves room for: a person
 * born in 2150 turns 16 (the first year a plan may pay for) in 2166 and can still have 15 years paid, the usual
 * minimum, by 2180, inside plan years. Plan years themselves go on to SB_YEAR_MAX. */
#define SB_BIRTH_YEAR_MAX SHEBAO_BIRTH_YEAR_MAX

#endif /* SHEBAO_COMMON_H */
