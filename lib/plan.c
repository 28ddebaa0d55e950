/* Contribution plans: "YYYY-YYYY:GRADE,YYYY:GRADE,..."
 *
 * A batch run parses a plan on every row, so the common shape (4-digit years, a grade of plain digits with at
 * most two decimals) is read in one pass without copying or formatting (read_common). Anything else, every error
 * included, is read by read_general, which alone builds messages. Both give the same segments for a plan in the
 * common shape. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Four digits at s (stopping at a terminator) making a year SB_YEAR_MIN..SB_YEAR_MAX. */
static inline bool year4(const char *s, int *out)
{
    unsigned d0 = (unsigned)(s[0] - '0'), d1, d2, d3;
    if (d0 > 9 || (d1 = (unsigned)(s[1] - '0')) > 9 || (d2 = (unsigned)(s[2] - '0')) > 9 ||
        (d3 = (unsigned)(s[3] - '0')) > 9)
        return false;
    int y = (int)(d0 * 1000 + d1 * 100 + d2 * 10 + d3);
    *out = y;
    return y >= SB_YEAR_MIN && y <= SB_YEAR_MAX;
}

/* The same for exactly len bytes at s. */
static bool parse_year(const char *s, size_t len, int *out)
{
    return len == 4 && year4(s, out);
}

/* ---- any plan ------------------------------------------------------------------------------------------------ */

/* A segment's text for a message: at most 60 bytes of it. */
static void segment_text(char *buf, size_t size, const char *p, size_t len)
{
    snprintf(buf, size, "%.*s", (int)(len < 60 ? len : 60), p);
}

/* Segment i (0-based) of len bytes at p, or the error. */
static int read_segment(shebao_ctx *ctx, size_t i, const char *p, size_t len, shebao_segment *seg)
{
    char text[80];
    const char *colon = memchr(p, ':', len);
    const char *dash = memchr(p, '-', colon ? (size_t)(colon - p) : len);
    if (!colon) {
        segment_text(text, sizeof text, p, len);
        return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': expected YYYY-YYYY:GRADE or YYYY:GRADE", i + 1,
                       text);
    }
    if (!parse_year(p, (size_t)((dash ? dash : colon) - p), &seg->first_year) ||
        !parse_year(dash ? dash + 1 : p, (size_t)(colon - (dash ? dash + 1 : p)), &seg->last_year)) {
        segment_text(text, sizeof text, p, len);
        return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': years must be 4-digit years %d-%d", i + 1, text,
                       SB_YEAR_MIN, SB_YEAR_MAX);
    }
    if (seg->last_year < seg->first_year) {
        segment_text(text, sizeof text, p, len);
        return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': last year before first year", i + 1, text);
    }
    /* the grade is read whole from the segment, however long (quoted in a message by SB_SHOW) */
    const char *grade = colon + 1;
    size_t glen = len - (size_t)(grade - p);
    sb_dec d;
    sb_dec_status st = sb_dec_read(grade, glen, 2, &d);
    if (st != SB_DEC_OK && st != SB_DEC_SCALE) {
        segment_text(text, sizeof text, p, len);
        return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': grade '%.*s%s' %s", i + 1, text,
                       SB_SHOW(grade, glen), sb_tr(ctx, sb_dec_status_text(st)));
    }
    if (st == SB_DEC_SCALE || d.num <= 0 || !sb_dec_to_fen(d, &seg->grade)) {
        segment_text(text, sizeof text, p, len);
        return sb_fail(ctx, SHEBAO_EINPUT, "plan segment %zu '%s': grade '%.*s%s' must be a positive amount with at "
                       "most two decimals", i + 1, text, SB_SHOW(grade, glen));
    }
    return SHEBAO_OK;
}

static int read_general(shebao_ctx *ctx, const char *spec, shebao_segment **out, size_t *count)
{
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
        size_t len = 0;
        while (p[len] && p[len] != ',')
            len++;
        int rc = read_segment(ctx, i, p, len, &seg[i]);
        if (rc != SHEBAO_OK) {
            free(seg);
            return rc;
        }
        p += len + (p[len] == ',');
    }
    *out = seg;
    *count = n;
    return sb_ok(ctx);
}

/* ---- the common shape ---------------------------------------------------------------------------------------- */

/* Segments read_common keeps on the stack; a longer plan is read by read_general. */
#define COMMON_MAX 16

/* A plan in the common shape: at most `cap` segments "YYYY[-YYYY]:D[.D[D]]", separated by commas, each valid,
 * with at most 15 integer digits in its grade (so that the fen cannot overflow) and a grade above zero, read into
 * seg[0, *count). False for anything else (read_general then reads it, and words the error, if any). */
static bool read_common(const char *spec, shebao_segment *seg, size_t cap, size_t *count)
{
    size_t n = 0;
    const char *p = spec;
    for (;;) {
        int first, last;
        if (n == cap || !year4(p, &first))
            return false;
        p += 4;
        last = first;
        if (*p == '-') {
            if (!year4(p + 1, &last) || last < first)
                return false;
            p += 5;
        }
        if (*p != ':' || !is_digit(p[1]))
            return false;
        p++;
        const char *digits = p;
        uint64_t fen = 0; /* (wraps past 19 digits, but more than 15 are refused below) */
        while (is_digit(*p))
            fen = fen * 10 + (uint64_t)(*p++ - '0');
        if (p - digits > 15)
            return false;
        fen *= 100;
        if (*p == '.') {
            if (!is_digit(p[1]))
                return false;
            fen += (uint64_t)(p[1] - '0') * 10;
            p += 2;
            if (is_digit(*p))
                fen += (uint64_t)(*p++ - '0');
        }
        if ((*p != ',' && *p != '\0') || fen == 0)
            return false;
        seg[n].first_year = first;
        seg[n].last_year = last;
        seg[n].grade = (shebao_fen)fen;
        n++;
        if (!*p++)
            break;
    }
    *count = n;
    return true;
}

static int check_args(shebao_ctx *ctx, const char *spec, const void *out, size_t *count)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!spec || !out || !count)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL plan or output pointer");
    *count = 0;
    if (!*spec)
        return sb_fail(ctx, SHEBAO_EINPUT, "plan: empty (expected YYYY-YYYY:GRADE[,...])");
    return SHEBAO_OK;
}

int shebao_plan_parse(shebao_ctx *ctx, const char *spec, shebao_segment **out, size_t *count)
{
    if (out)
        *out = NULL;
    int rc = check_args(ctx, spec, out, count);
    if (rc != SHEBAO_OK)
        return rc;
    shebao_segment seg[COMMON_MAX];
    size_t n;
    if (!read_common(spec, seg, COMMON_MAX, &n))
        return read_general(ctx, spec, out, count);
    shebao_segment *s = malloc(n * sizeof *s); /* (every member is set: no need to clear it) */
    if (!s)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    memcpy(s, seg, n * sizeof *s);
    *out = s;
    *count = n;
    return sb_ok(ctx);
}

int shebao_plan_parse_into(shebao_ctx *ctx, const char *spec, shebao_segment *out, size_t cap, size_t *count)
{
    int rc = check_args(ctx, spec, out, count);
    if (rc != SHEBAO_OK)
        return rc;
    if (read_common(spec, out, cap, count))
        return sb_ok(ctx);
    shebao_segment *all;
    size_t n;
    if ((rc = read_general(ctx, spec, &all, &n)) != SHEBAO_OK)
        return rc;
    *count = n;
    if (n > cap) {
        free(all);
        return sb_fail(ctx, SHEBAO_EUSAGE, "plan: %zu segments, room for %zu", n, cap);
    }
    memcpy(out, all, n * sizeof *all);
    free(all);
    return sb_ok(ctx);
}
