/* Fuzz target: the plan syntax by value. The input is a plan text, read by shebao_plan_parse() and by a reference
 * written here from the documentation alone (include/shebao.h, README: "YYYY-YYYY:GRADE,YYYY:GRADE,..."):
 *  - the text is split at every comma (at most 1000 parts, none empty);
 *  - a part is four digits, optionally '-' and four more, then ':' and the grade; years 1900-2199, first <= last;
 *  - the grade is the decimal syntax of shebao_money_parse() (fuzz/values.h: optional sign, digits, optional '.'
 *    and digits), any length, valued by GMP (mpq_set_str of the digits without the point / 10^decimals), and must
 *    be a positive whole number of fen up to INT64_MAX fen.
 * Invariants:
 *  - the library accepts exactly the plans the reference accepts, with the same segments (years and grade to the
 *    fen): so a grade of 60 leading zeros and "2000" is 2000.00, and "2000." with 58 zeros and a 1 is refused;
 *  - shebao_plan_parse_into() gives the same segments with room for them all, and with one segment less says
 *    SHEBAO_EUSAGE and how many it needs; on a refused plan it refuses with the same code and the same message;
 *  - round trip: a parsed plan formatted back, both as "YYYY-YYYY:G.GG,..." and in the shortest form ("YYYY:G" for
 *    one year, the grade without trailing zeros), parses to the same segments, and the first form formats to
 *    itself again;
 *  - a refusal leaves a non-empty one-line message and no segments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "values.h"

static shebao_ctx *ctx;

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Four digits making a year 1900-2199. */
static int ref_year(const char *p, size_t len, int *y)
{
    if (len != 4 || !is_digit(p[0]) || !is_digit(p[1]) || !is_digit(p[2]) || !is_digit(p[3]))
        return 0;
    *y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    return *y >= 1900 && *y <= 2199;
}

/* One part "YYYY[-YYYY]:GRADE" of len bytes. */
static int ref_segment(const char *p, size_t len, shebao_segment *seg)
{
    const char *colon = memchr(p, ':', len);
    if (!colon)
        return 0;
    size_t left = (size_t)(colon - p);
    if (left == 4) {
        if (!ref_year(p, 4, &seg->first_year))
            return 0;
        seg->last_year = seg->first_year;
    } else if (left != 9 || p[4] != '-' || !ref_year(p, 4, &seg->first_year) ||
               !ref_year(p + 5, 4, &seg->last_year) || seg->last_year < seg->first_year) {
        return 0;
    }
    size_t glen = len - left - 1;
    char *g = malloc(glen + 1);
    if (!g)
        abort();
    memcpy(g, colon + 1, glen);
    g[glen] = '\0';
    mpq_t q;
    mpz_t fen;
    mpq_init(q);
    mpz_init(fen);
    size_t k = 0;
    int ok = ref_decimal(g, q, &k) && mpq_sgn(q) > 0 && k <= 2;
    if (ok) {
        mpz_mul_ui(fen, mpq_numref(q), 100);
        mpz_divexact(fen, fen, mpq_denref(q));
        ok = ref_get_i64(fen, &seg->grade);
    }
    mpq_clear(q);
    mpz_clear(fen);
    free(g);
    return ok;
}

/* The reference reading: 1 and the segments (to free), or 0. */
static int ref_plan(const char *s, shebao_segment **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!*s)
        return 0;
    size_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == ',';
    if (n > 1000)
        return 0;
    shebao_segment *seg = calloc(n, sizeof *seg);
    if (!seg)
        abort();
    const char *p = s;
    for (size_t i = 0; i < n; i++) {
        size_t len = strcspn(p, ",");
        if (!ref_segment(p, len, &seg[i])) {
            free(seg);
            return 0;
        }
        p += len + (p[len] == ',');
    }
    *out = seg;
    *count = n;
    return 1;
}

static int same_segments(const shebao_segment *a, size_t na, const shebao_segment *b, size_t nb, size_t *at)
{
    if (na != nb) {
        *at = 0;
        return 0;
    }
    for (size_t i = 0; i < na; i++)
        if (a[i].first_year != b[i].first_year || a[i].last_year != b[i].last_year || a[i].grade != b[i].grade) {
            *at = i;
            return 0;
        }
    return 1;
}

static void print_diff(const char *what, const char *input, const shebao_segment *a, size_t na,
                       const shebao_segment *b, size_t nb, size_t at)
{
    fprintf(stderr, "fuzz: %s (input '%.300s', %zu bytes)\n", what, input, strlen(input));
    fprintf(stderr, "  library:   %zu segment(s)", na);
    if (at < na)
        fprintf(stderr, "; segment %zu: %d-%d grade %lld fen", at + 1, a[at].first_year, a[at].last_year,
                (long long)a[at].grade);
    fprintf(stderr, "\n  reference: %zu segment(s)", nb);
    if (at < nb)
        fprintf(stderr, "; segment %zu: %d-%d grade %lld fen", at + 1, b[at].first_year, b[at].last_year,
                (long long)b[at].grade);
    fputc('\n', stderr);
}

/* The grade in its shortest text: no trailing zeros, no point for whole yuan. */
static void short_grade(shebao_fen g, char *buf, size_t size)
{
    shebao_money_format(g, buf, size);
    size_t n = strlen(buf);
    while (buf[n - 1] == '0')
        buf[--n] = '\0';
    if (buf[n - 1] == '.')
        buf[n - 1] = '\0';
}

/* The plan as text: long = "YYYY-YYYY:G.GG" always, else the shortest form. */
static char *format_plan(const shebao_segment *seg, size_t n, int shortest)
{
    char *t = malloc(n * 48 + 1), *p = t;
    if (!t)
        abort();
    *p = '\0';
    for (size_t i = 0; i < n; i++) {
        char g[SHEBAO_MONEY_BUFSZ];
        if (shortest)
            short_grade(seg[i].grade, g, sizeof g);
        else
            shebao_money_format(seg[i].grade, g, sizeof g);
        if (shortest && seg[i].first_year == seg[i].last_year)
            p += sprintf(p, "%s%04d:%s", i ? "," : "", seg[i].first_year, g);
        else
            p += sprintf(p, "%s%04d-%04d:%s", i ? "," : "", seg[i].first_year, seg[i].last_year, g);
    }
    return t;
}

static void round_trip(const char *input, const shebao_segment *seg, size_t n, int shortest)
{
    char *text = format_plan(seg, n, shortest);
    shebao_segment *again = NULL;
    size_t m = 0, at = 0;
    int rc = shebao_plan_parse(ctx, text, &again, &m);
    if (rc != SHEBAO_OK || !same_segments(again, m, seg, n, &at)) {
        fprintf(stderr, "fuzz: formatted as '%.300s': %s %s\n", text, shebao_strerror(rc), shebao_ctx_errmsg(ctx));
        print_diff("parsed, formatted and parsed again is not the same plan (library: the second parse, reference: "
                   "the first)", input, again, m, seg, n, at);
        abort();
    }
    if (!shortest) {
        char *text2 = format_plan(again, m, 0);
        if (strcmp(text, text2) != 0)
            fuzz_fail("the formatted plan '%.300s' formats to '%.300s' after a parse", text, text2);
        free(text2);
    }
    shebao_free(again);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_begin(&ctx, NULL, data, size);
    if (!s)
        return 0;
    shebao_segment *seg = NULL, *ref = NULL;
    size_t n = 0, nref = 0, at = 0;
    int rc = shebao_plan_parse(ctx, s, &seg, &n);
    int ok = ref_plan(s, &ref, &nref);
    if (rc != SHEBAO_OK) {
        char msg[1024];
        snprintf(msg, sizeof msg, "%s", shebao_ctx_errmsg(ctx));
        if (!*msg || strchr(msg, '\n') || seg || n)
            fuzz_fail("a refused plan leaves a one-line message and no segments (input '%.300s'; message '%s')", s,
                      msg);
        if (ok) {
            print_diff("the library refuses a plan the reference reads", s, seg, 0, ref, nref, 0);
            fprintf(stderr, "  library says: %s: %s\n", shebao_strerror(rc), msg);
            abort();
        }
        shebao_segment room[4];
        size_t m = 0;
        int rc2 = shebao_plan_parse_into(ctx, s, room, 4, &m);
        if (rc2 != rc || strcmp(shebao_ctx_errmsg(ctx), msg) != 0)
            fuzz_fail("shebao_plan_parse_into refuses '%.300s' otherwise: %s '%s', not %s '%s'", s,
                      shebao_strerror(rc2), shebao_ctx_errmsg(ctx), shebao_strerror(rc), msg);
    } else {
        if (!ok || !same_segments(seg, n, ref, nref, &at)) {
            print_diff(ok ? "the library and the reference read different segments"
                          : "the library accepts a plan the reference refuses",
                       s, seg, n, ref, nref, ok ? at : 0);
            abort();
        }
        shebao_segment *room = malloc((n + 1) * sizeof *room);
        if (!room)
            abort();
        size_t m = 0;
        int rc2 = shebao_plan_parse_into(ctx, s, room, n, &m);
        if (rc2 != SHEBAO_OK || !same_segments(room, m, seg, n, &at)) {
            print_diff("shebao_plan_parse_into (library) and shebao_plan_parse (reference) differ", s, room, m, seg,
                       n, at);
            abort();
        }
        m = 0;
        rc2 = shebao_plan_parse_into(ctx, s, room, n - 1, &m);
        if (rc2 != SHEBAO_EUSAGE || m != n)
            fuzz_fail("shebao_plan_parse_into with room for %zu of %zu segments: %s, count %zu (input '%.300s')",
                      n - 1, n, shebao_strerror(rc2), m, s);
        free(room);
        round_trip(s, seg, n, 0);
        round_trip(s, seg, n, 1);
    }
    shebao_free(seg);
    free(ref);
    free(s);
    return 0;
}
