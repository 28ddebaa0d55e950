/* A flexible worker's plan text: "YYYY-YYYY:100%,YYYY:60%" (years at a share of the average wage) or
 * "YYYY-YYYY:5000" (an amount a month); segments in increasing years, not overlapping. */
#include <stdio.h>
#include <string.h>

#include "employee_plan.h"

/* Four digits making a year SB_YEAR_MIN..SB_YEAR_MAX. */
static bool eplan_year(const char *s, size_t len, int *out)
{
    if (len != 4)
        return false;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        y = y * 10 + (s[i] - '0');
    }
    *out = y;
    return y >= SB_YEAR_MIN && y <= SB_YEAR_MAX;
}

/* Segment i, len bytes at p. */
static int eplan_segment(shebao_ctx *ctx, const char *p, size_t len, size_t i, sb_eplan_segment *s)
{
    const char *colon = memchr(p, ':', len);
    const char *why = NULL;
    if (!colon)
        /* xgettext:no-c-format */
        why = SB_N_("expected YYYY-YYYY:SHARE% or YYYY-YYYY:AMOUNT");
    else {
        size_t ylen = (size_t)(colon - p), vlen = len - ylen - 1;
        const char *dash = memchr(p, '-', ylen);
        if (dash ? !eplan_year(p, (size_t)(dash - p), &s->first) ||
                       !eplan_year(dash + 1, ylen - (size_t)(dash - p) - 1, &s->last)
                 : !eplan_year(p, ylen, &s->first))
            why = SB_N_("expected years YYYY or YYYY-YYYY");
        else if (!dash)
            s->last = s->first;
        if (!why && s->first > s->last)
            why = SB_N_("the first year is after the last");
        const char *v = colon + 1;
        s->share = vlen > 0 && v[vlen - 1] == '%';
        sb_dec_status st = why ? SB_DEC_OK : sb_dec_read(v, vlen - s->share, s->share ? 4 : 2, &s->value);
        if ((st == SB_DEC_SYNTAX || vlen == 0) && st != SB_DEC_OK && !s->share) /* "abc", "": neither kind */
            /* xgettext:no-c-format */
            why = SB_N_("expected a share such as 100% or an amount a month such as 5000");
        else if (st == SB_DEC_RANGE && !s->share)
            why = SB_N_("an amount must be above 0 and at most 100000000");
        else if (st != SB_DEC_OK)
            why = s->share ? SB_N_("expected a percentage with at most 4 decimals")
                           : SB_N_("expected an amount with at most 2 decimals");
        else if (!why && s->share) {
            s->value.scale += 2; /* percent → rate */
            if (sb_dec_cmp(s->value, (sb_dec){60, 2}) < 0 || sb_dec_cmp(s->value, (sb_dec){300, 2}) > 0)
                /* xgettext:no-c-format */
                why = SB_N_("a share must be 60% to 300% of the average wage (国办发〔2019〕13号)");
        } else if (!why && (s->value.num <= 0 || sb_dec_cmp(s->value, (sb_dec){100000000, 0}) > 0))
            why = SB_N_("an amount must be above 0 and at most 100000000");
    }
    if (why)
        return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%.*s%s': %s", i + 1, SB_SHOW(p, len),
                       sb_tr(ctx, why));
    return SHEBAO_OK;
}

int sb_eplan_parse(shebao_ctx *ctx, const char *text, sb_eplan_segment *seg, size_t cap, size_t *n)
{
    *n = 0;
    const char *p = text;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (*n == cap)
            return sb_fail(ctx, SHEBAO_EINPUT, "plan: more than %zu segments", cap);
        TRY(eplan_segment(ctx, p, len, *n, &seg[*n]));
        if (*n > 0 && seg[*n].first <= seg[*n - 1].last)
            return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%.*s%s': its years must come after those of the "
                           "segment before", *n + 1, SB_SHOW(p, len));
        ++*n;
        if (!comma)
            return SHEBAO_OK;
        p = comma + 1;
    }
}
