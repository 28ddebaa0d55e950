/* Contribution plans: "YYYY-YYYY:GRADE,YYYY:GRADE,..." */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static bool parse_year(const char *s, size_t len, int *out)
{
    if (len != 4)
        return false;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        y = y * 10 + (s[i] - '0');
    }
    if (y < SB_YEAR_MIN || y > SB_YEAR_MAX)
        return false;
    *out = y;
    return true;
}

int shebao_plan_parse(shebao_ctx *ctx, const char *spec, shebao_segment **out, size_t *count)
{
    if (!spec || !out || !count)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL plan or output pointer");
    *out = NULL;
    *count = 0;
    if (!*spec)
        return sb_fail(ctx, SHEBAO_EINPUT, "plan: empty (expected YYYY-YYYY:GRADE[,...])");
    size_t n = 1;
    for (const char *p = spec; *p; p++)
        n += *p == ',';
    if (n > 1000)
        return sb_fail(ctx, SHEBAO_EINPUT, "plan: more than 1000 segments");
    shebao_segment *seg = calloc(n, sizeof *seg);
    if (!seg)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    const char *p = spec;
    for (size_t i = 0; i < n; i++) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char text[80];
        snprintf(text, sizeof text, "%.*s", (int)(len < 60 ? len : 60), p);
        const char *colon = memchr(p, ':', len);
        const char *dash = memchr(p, '-', colon ? (size_t)(colon - p) : len);
        int rc = SHEBAO_OK;
        if (!colon) {
            rc = sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': expected YYYY-YYYY:GRADE or YYYY:GRADE", i + 1,
                         text);
        } else if (!parse_year(p, (size_t)((dash ? dash : colon) - p), &seg[i].first_year) ||
                   !parse_year(dash ? dash + 1 : p, (size_t)(colon - (dash ? dash + 1 : p)), &seg[i].last_year)) {
            rc = sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': years must be 4-digit years %d-%d", i + 1,
                         text, SB_YEAR_MIN, SB_YEAR_MAX);
        } else if (seg[i].last_year < seg[i].first_year) {
            rc = sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': last year before first year", i + 1, text);
        } else {
            char grade[64];
            size_t glen = len - (size_t)(colon + 1 - p);
            if (glen >= sizeof grade)
                glen = sizeof grade - 1;
            memcpy(grade, colon + 1, glen);
            grade[glen] = '\0';
            sb_dec d;
            const char *why = NULL;
            if (sb_dec_parse(grade, &d, &why) != SHEBAO_OK)
                rc = sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': grade '%s' %s", i + 1, text, grade,
                             why ? why : "is invalid");
            else if (d.scale > 2 || d.num <= 0 || !sb_dec_to_fen(d, &seg[i].grade))
                rc = sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': grade '%s' must be a positive amount with "
                             "at most two decimals", i + 1, text, grade);
        }
        if (rc != SHEBAO_OK) {
            free(seg);
            return rc;
        }
        p = end ? end + 1 : p + len;
    }
    *out = seg;
    *count = n;
    return sb_ok(ctx);
}
