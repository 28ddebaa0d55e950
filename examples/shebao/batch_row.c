/* shebao batch: one CSV record in, one CSV line out (see batch_row.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "batch_decode.h" /* (BATCH_GB18030) */
#include "batch_row.h"
#include "cli.h"

static const char *const col_names[BCOLS] = {"id", "birth", "sex", "plan", "collective", "backpay", "daijiao"};

static const char out_header[] = "id,status,error,claim_month,years_paid,years_missing,balance,account_pension,"
                                 "base_pension,years_pension,age_supplement,monthly_total,personal_total,"
                                 "breakeven_month,epv_benefits";

/* ---- output ------------------------------------------------------------------------------------------------ */

/* Grow b for n more bytes and the terminator; false (and b->failed) when out of memory. */
static bool grow(bbuf *b, size_t n)
{
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *ns = realloc(b->s, cap);
    if (!ns) {
        b->failed = true;
        return false;
    }
    b->s = ns;
    b->cap = cap;
    return true;
}

/* Room for n more bytes and the terminator; false once an allocation has failed. */
static inline bool reserve(bbuf *b, size_t n)
{
    if (b->failed)
        return false;
    return b->len + n + 1 <= b->cap || grow(b, n);
}

void bbuf_put(bbuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static bool csv_special(char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; }

/* Whether the n > 0 bytes at s need RFC 4180 quotes: a comma, a quote, CR or LF anywhere, or a space or tab first or
 * last. Eight bytes at a time while none of them is below '-' (',' '"' CR LF all are). */
static bool needs_quotes(const char *s, size_t n)
{
    if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
        return true;
    const uint64_t below = 0x2D2D2D2D2D2D2D2DULL, high = 0x8080808080808080ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (!((w - below) & ~w & high)) /* no byte below '-' in the eight */
            continue;
        for (size_t k = 0; k < 8; k++)
            if (csv_special(s[i + k]))
                return true;
    }
    for (; i < n; i++)
        if (csv_special(s[i]))
            return true;
    return false;
}

void bbuf_field(bbuf *b, const char *s, bool first)
{
    size_t n = s ? strlen(s) : 0;
    if (!reserve(b, n + 1))
        return;
    if (!first)
        b->s[b->len++] = ',';
    if (n == 0) {
        b->s[b->len] = '\0';
        return;
    }
    if (!needs_quotes(s, n)) {
        memcpy(b->s + b->len, s, n);
        b->len += n;
        b->s[b->len] = '\0';
        return;
    }
    size_t need = csv_write(NULL, 0, s, n);
    if (!reserve(b, need))
        return;
    b->len += csv_write(b->s + b->len, need, s, n);
    b->s[b->len] = '\0';
}

/* ---- fields that never need quoting (numbers, months, status words), written in place ------------------------ */

/* Room for the figures of a line after the id and the error field: ",not_eligible", "," (the empty error field),
 * two months ",YYYY-MM", the years paid and missing ",-2147483648" each, eight amounts (a comma and at most a whole money buffer each) and
 * the terminator. */
#define FIGURES_MAX (13 + 1 + 2 * 8 + 2 * 12 + 8 * (1 + SHEBAO_MONEY_BUFSZ) + 1)

static char *put_text(char *d, const char *s, size_t n)
{
    memcpy(d, s, n);
    return d + n;
}

static char *put_money(char *d, shebao_fen f)
{
    *d++ = ',';
    shebao_money_format(f, d, SHEBAO_MONEY_BUFSZ); /* (cannot fail: the buffer is always big enough) */
    return d + strlen(d);
}

static char *put_int(char *d, int v)
{
    char n[12];
    int k = (int)sizeof n;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        n[--k] = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (v < 0)
        n[--k] = '-';
    *d++ = ',';
    return put_text(d, n + k, sizeof n - (size_t)k);
}

/* A month from a summary ("YYYY-MM", or empty): at most 7 bytes before its terminator. */
static char *put_month(char *d, const char m[8])
{
    *d++ = ',';
    const uint32_t ones = 0x01010101u, high = 0x80808080u;
    uint32_t a, b;
    memcpy(&a, m, 4);
    memcpy(&b, m + 3, 4);
    if (!((a - ones) & ~a & high) && !((b - ones) & ~b & high)) /* no zero among m[0..6]: all seven */
        return put_text(d, m, 7);
    for (int i = 0; i < 7 && m[i]; i++)
        *d++ = m[i];
    return d;
}

/* ---- the header -------------------------------------------------------------------------------------------- */

/* "column 'plan'" for a field under a header name, "field 9" past the header. */
static void field_label(const batch_head *h, size_t i, char *buf, size_t size)
{
    if (h && i < h->n)
        snprintf(buf, size, cli_tr("column '%.40s'"), h->names[i]);
    else
        snprintf(buf, size, cli_tr("field %zu"), i + 1);
}

/* The reader's verdict on a record as a phrase, or NULL when it is fine. */
static const char *problem_text(const bcsv_record *rec, char *buf, size_t size)
{
    switch (rec->problem) {
    case BCSV_TOO_MANY:
        snprintf(buf, size, cli_tr("more than %d fields"), BCSV_MAX_FIELDS);
        return buf;
    case BCSV_TOO_LONG:
    case BCSV_ROW_TOO_LONG:
        snprintf(buf, size, cli_tr("longer than %zu bytes"), BCSV_FIELD_LIMIT);
        return buf;
    case BCSV_NUL:
        return cli_tr("contains a NUL byte");
    case BCSV_NOT_UTF8:
        return cli_tr("not valid UTF-8");
    case BCSV_NOMEM:
        return "out of memory";
    default:
        return NULL;
    }
}

/* Whether a and b are one edit apart: one byte inserted, deleted or changed, or two neighbours swapped. */
static bool one_edit(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > nb)
        return one_edit(b, a);
    if (nb - na > 1)
        return false;
    size_t i = 0;
    while (i < na && a[i] == b[i])
        i++;
    if (i == na)
        return nb == na + 1; /* (equal is no edit) */
    if (na == nb)
        return strcmp(a + i + 1, b + i + 1) == 0 ||
               (i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp(a + i + 2, b + i + 2) == 0);
    return strcmp(a + i, b + i + 1) == 0;
}

/* A header a column is missing from, when the mistake can be named: fields separated by ';' or a tab (Excel's
 * "CSV" in some locales), a column name in another case, a name one edit away from the missing one. False when
 * none applies (the caller says what is missing). */
static bool header_mistake(const batch_head *h, char *err, size_t esize)
{
    bool required_missing = false;
    for (int c = 0; c < BCOL_REQUIRED; c++)
        required_missing |= h->col[c] < 0;
    for (size_t i = 0; required_missing && i < h->n; i++) {
        const char *sep = strchr(h->names[i], ';') ? ";" : strchr(h->names[i], '\t') ? "\t" : NULL;
        if (sep) {
            char zh[160], en[200], both[400];
            snprintf(zh, sizeof zh, "列用%s分隔，要用逗号", *sep == ';' ? "分号" : "制表符");
            snprintf(en, sizeof en, "the columns are separated by %s, not commas: save the file as CSV "
                     "(comma-separated), header id,birth,sex,plan,collective,backpay", *sep == ';' ? "';'" : "a tab");
            snprintf(err, esize, "%s%s", cli_tr("input header: "), cli_pair(both, sizeof both, zh, en));
            return true;
        }
    }
    for (int c = 0; c < BCOLS; c++) {
        if (h->col[c] >= 0)
            continue;
        for (size_t i = 0; i < h->n; i++) {
            if (!h->pass[i])
                continue;
            const char *name = h->names[i];
            if (strcasecmp(name, col_names[c]) == 0) {
                char zh[160], en[200], both[400];
                snprintf(zh, sizeof zh, "列名要小写，'%.40s' 应写 '%s'", name, col_names[c]);
                snprintf(en, sizeof en, "column names are lower case: write '%s' for '%.40s'", col_names[c], name);
                snprintf(err, esize, "%s%s", cli_tr("input header: "), cli_pair(both, sizeof both, zh, en));
                return true;
            }
            if (one_edit(name, col_names[c])) {
                char zh[160], en[200], both[400];
                snprintf(zh, sizeof zh, "缺少列 %s，'%.40s' 是不是 '%s'？", col_names[c], name, col_names[c]);
                snprintf(en, sizeof en, "missing column %s: did you mean '%s' for '%.40s'?", col_names[c], col_names[c],
                         name);
                snprintf(err, esize, "%s%s", cli_tr("input header: "), cli_pair(both, sizeof both, zh, en));
                return true;
            }
        }
    }
    return false;
}

/* Whether the text s, not UTF-8, is ASCII and two-byte characters of GB2312 (a lead byte A1-F7, a second byte
 * A1-FE): the part of GB18030 Chinese Excel writes names and words in (男 is C4 D0, 张三 D5 C5 C8 FD). Stricter than
 * GB18030 itself, which reads most byte strings, so that the hint is not given for any broken UTF-8. */
static bool looks_gb2312(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    bool any = false;
    while (*p) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        if (p[0] < 0xA1 || p[0] > 0xF7 || p[1] < 0xA1 || p[1] > 0xFE)
            return false;
        p += 2;
        any = true;
    }
    return any;
}

/* After "not valid UTF-8": when the field looks like GB18030 (Chinese Excel's CSV), what to do, else "". */
static const char *gb18030_hint(const bcsv_record *rec)
{
    if (rec->problem != BCSV_NOT_UTF8 || rec->problem_field >= rec->n ||
        !looks_gb2312(rec->text + rec->offsets[rec->problem_field]))
        return "";
    const char *one = cli_pick("; 看来是 GB18030 编码（中文版 Excel 存的 CSV），请加 --encoding " BATCH_GB18030,
                               "; it looks like GB18030 (a CSV file saved by Chinese Excel): add --encoding " BATCH_GB18030);
    return one ? one
               : "; 看来是 GB18030 编码（中文版 Excel 存的 CSV），请加 --encoding " BATCH_GB18030
                 " it looks like GB18030 (a CSV file saved by Chinese Excel): add --encoding " BATCH_GB18030;
}

bool batch_head_init(batch_head *h, const bcsv_record *rec, char *err, size_t esize)
{
    memset(h, 0, sizeof *h);
    for (int c = 0; c < BCOLS; c++)
        h->col[c] = -1;
    char why[64];
    const char *problem = problem_text(rec, why, sizeof why);
    if (problem) {
        if (rec->problem == BCSV_TOO_MANY)
            snprintf(err, esize, cli_tr("input header: %s"), problem);
        else if (rec->problem == BCSV_ROW_TOO_LONG)
            snprintf(err, esize, cli_tr("input header: %s in all"), problem);
        else
            snprintf(err, esize, cli_tr("input header: field %zu: %s%s"), rec->problem_field + 1, problem, gb18030_hint(rec));
        return false;
    }
    h->n = rec->n;
    h->names = calloc(rec->n, sizeof *h->names);
    h->pass = calloc(rec->n, sizeof *h->pass);
    if (!h->names || !h->pass) {
        snprintf(err, esize, cli_tr("out of memory"));
        return false;
    }
    for (size_t i = 0; i < rec->n; i++) {
        const char *name = rec->text + rec->offsets[i];
        if (!(h->names[i] = strdup(name))) {
            snprintf(err, esize, cli_tr("out of memory"));
            return false;
        }
        h->pass[i] = true;
        for (int c = 0; c < BCOLS; c++) {
            if (strcmp(name, col_names[c]) != 0)
                continue;
            if (h->col[c] >= 0) {
                snprintf(err, esize, cli_tr("input header: column '%s' appears twice (fields %d and %zu)"), col_names[c],
                         h->col[c] + 1, i + 1);
                return false;
            }
            h->col[c] = (int)i;
            h->pass[i] = false;
        }
    }
    /* all six are required: a misspelt optional column would otherwise pass through unnoticed and the rows would
     * be projected without it; so is a pass-through column that is the optional one in another case or misspelt */
    if (header_mistake(h, err, esize))
        return false;
    char missing[96] = "";
    const char *comma = cli_lang_get() == CLI_LANG_ZH ? "、" : ", ";
    for (int c = 0; c < BCOL_REQUIRED; c++)
        if (h->col[c] < 0)
            snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s", *missing ? comma : "",
                     col_names[c]);
    if (*missing) {
        snprintf(err, esize,
                 cli_tr("input header: missing column(s) %s (needs id,birth,sex,plan,collective,backpay in any order; "
                 "other columns pass through)"), missing);
        return false;
    }
    bbuf_put(&h->line, out_header, sizeof out_header - 1);
    for (size_t i = 0; i < h->n; i++)
        if (h->pass[i])
            bbuf_field(&h->line, h->names[i], false);
    bbuf_put(&h->line, "\n", 1);
    if (h->line.failed) {
        snprintf(err, esize, cli_tr("out of memory"));
        return false;
    }
    return true;
}

void batch_head_free(batch_head *h)
{
    for (size_t i = 0; h->names && i < h->n; i++)
        free(h->names[i]);
    free(h->names);
    free(h->pass);
    free(h->line.s);
    memset(h, 0, sizeof *h);
}

/* ---- one row ----------------------------------------------------------------------------------------------- */

/* The field of column c ("" for an optional column the header does not have: its index -1 is SIZE_MAX here). */
static const char *field(const batch_head *h, const bcsv_record *rec, int c)
{
    size_t i = (size_t)h->col[c];
    return i < rec->n ? rec->text + rec->offsets[i] : "";
}

/* The per-row work, the one place that calls the library for a row: fields → person → figures. */
static int project_fields(shebao_ctx *ctx, const batch_opts *o, const cli_person_text *t, shebao_summary *sm,
                          char *err, size_t esize)
{
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.mortality = o->mortality;
    pe.discount = o->discount;
    shebao_segment room[16], *plan = NULL;
    int rc = cli_person_fields(ctx, t, &pe, room, sizeof room / sizeof room[0], &plan, err, esize);
    if (rc == SHEBAO_OK && (rc = shebao_project_summary(ctx, o->policy, &pe, sm)) != SHEBAO_OK)
        snprintf(err, esize, "%s", shebao_ctx_errmsg(ctx));
    shebao_free(plan);
    return rc;
}

/* The person's fields as people type them (full-width digits, blanks after commas ...): each one that may change
 * is copied and put through shebao_text_normalise() (cli_normalise), into room when the record's size fits, else
 * into *heap (to free); the others are read in place, so that a plain ASCII row costs one scan. False when out of
 * memory. */
static bool typed_fields(cli_person_text *t, size_t record_size, char *room, size_t size, char **heap)
{
    const char **f[] = {&t->birth, &t->sex, &t->plan, &t->collective, &t->backpay, &t->daijiao};
    char *d = room;
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        if (!cli_may_normalise(*f[i]))
            continue;
        if (d == room && !*heap && record_size > size) { /* (the fields, each with its NUL, fit in the record's size) */
            if (!(*heap = malloc(record_size)))
                return false;
            d = *heap;
        }
        size_t n = strlen(*f[i]) + 1;
        memcpy(d, *f[i], n);
        cli_normalise(d);
        *f[i] = d;
        d += n;
    }
    return true;
}

int batch_row(shebao_ctx *ctx, const batch_opts *o, const batch_head *h, const bcsv_record *rec, bbuf *out)
{
    shebao_summary sm = SHEBAO_SUMMARY_INIT;
    char err[600], why[64], label[64];
    err[0] = '\0';
    int rc = SHEBAO_EINPUT;
    const char *problem = problem_text(rec, why, sizeof why);
    if (problem && rec->problem == BCSV_NOMEM) {
        snprintf(err, sizeof err, cli_tr("row could not be kept: %s"), problem);
    } else if (problem && (rec->problem == BCSV_TOO_MANY || rec->problem == BCSV_ROW_TOO_LONG)) {
        snprintf(err, sizeof err, rec->problem == BCSV_TOO_MANY ? "row has %s" : "row is %s", problem);
    } else if (problem) {
        field_label(h, rec->problem_field, label, sizeof label);
        snprintf(err, sizeof err, "%s: %s%s", label, problem, gb18030_hint(rec));
    } else if (rec->n != h->n) {
        snprintf(err, sizeof err, cli_tr("row has %zu fields, the header has %zu"), rec->n, h->n);
    } else {
        cli_person_text t = {field(h, rec, BCOL_BIRTH),      field(h, rec, BCOL_SEX),     field(h, rec, BCOL_PLAN),
                             field(h, rec, BCOL_COLLECTIVE), field(h, rec, BCOL_BACKPAY), field(h, rec, BCOL_DAIJIAO)};
        char room[512], *heap = NULL;
        if (!typed_fields(&t, rec->size, room, sizeof room, &heap)) {
            snprintf(err, sizeof err, cli_tr("row could not be kept: out of memory"));
            rc = SHEBAO_ENOMEM;
        } else {
            rc = project_fields(ctx, o, &t, &sm, err, sizeof err);
        }
        free(heap);
    }
    for (char *p = err; *p; p++) /* one line, always, like the library's messages (a value may hold a line break) */
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    int status = rc != SHEBAO_OK ? BATCH_ERROR : sm.eligible ? BATCH_OK : BATCH_NOT_ELIGIBLE;
    bbuf_field(out, field(h, rec, BCOL_ID), true);
    if (status == BATCH_ERROR) {
        bbuf_put(out, ",error", 6);
        bbuf_field(out, err, false);
        bbuf_put(out, ",,,,,,,,,,,,", 12); /* claim_month … epv_benefits: do not apply */
    } else if (reserve(out, FIGURES_MAX)) {
        char *d = out->s + out->len;
        d = sm.eligible ? put_text(d, ",ok,", 4) : put_text(d, ",not_eligible,", 14); /* and the empty error */
        d = put_month(d, sm.claim_month);
        d = put_int(d, sm.years_paid);
        d = put_int(d, sm.years_missing); /* years_required − years_paid, 0 when eligible (docs/scale.md) */
        d = put_money(d, sm.balance);
        if (sm.eligible) {
            d = put_money(d, sm.account_pension);
            d = put_money(d, sm.base_pension);
            d = put_money(d, sm.years_pension);
            d = put_money(d, sm.age_supplement);
            d = put_money(d, sm.monthly_total);
        } else {
            d = put_text(d, ",,,,,", 5); /* the pension figures: not eligible */
        }
        d = put_money(d, sm.personal_total);
        d = sm.has_breakeven ? put_month(d, sm.breakeven_month) : put_text(d, ",", 1);
        d = sm.has_epv ? put_money(d, sm.epv_benefits) : put_text(d, ",", 1);
        *d = '\0';
        out->len = (size_t)(d - out->s);
    }
    for (size_t i = 0; i < h->n; i++) /* pass-through columns, in header order */
        if (h->pass[i])
            bbuf_field(out, i < rec->n ? rec->text + rec->offsets[i] : NULL, false);
    if (reserve(out, 1)) {
        out->s[out->len++] = '\n';
        out->s[out->len] = '\0';
    }
    return out->failed ? BATCH_NOMEM : status;
}
