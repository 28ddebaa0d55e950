/* Policy validation: walk a shebao-policy/1 document, refuse anything malformed with a message naming the file
 * and the JSON path, and build the immutable in-memory policy with the provenance of every value. */
#include <stdarg.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "policy.h"

typedef struct bctx {
    shebao_ctx *ctx;
    const char *file;
    bool full; /* merged document: required fields and source ids are checked too */
    shebao_policy *P;
    json_t *sources;
    char path[512];
    size_t plen;
} bctx;

/* ---- paths and errors ------------------------------------------------------------------------------------ */

/* The path names the value in messages. A key longer than 63 bytes (never one of the schema's: an unknown key, a
 * source id) is abbreviated by SB_SHOW, so that the message keeps room for what is wrong. */
static size_t push_key(bctx *b, const char *k)
{
    size_t old = b->plen;
    int n = snprintf(b->path + old, sizeof b->path - old, ".%.*s%s", SB_SHOW(k, strlen(k)));
    if (n > 0 && old + (size_t)n < sizeof b->path)
        b->plen = old + (size_t)n;
    b->path[b->plen] = '\0';
    return old;
}

static size_t push_idx(bctx *b, size_t i)
{
    size_t old = b->plen;
    int n = snprintf(b->path + old, sizeof b->path - old, "[%zu]", i);
    if (n > 0 && old + (size_t)n < sizeof b->path)
        b->plen = old + (size_t)n;
    b->path[b->plen] = '\0';
    return old;
}

static void pop(bctx *b, size_t old)
{
    b->plen = old;
    b->path[old] = '\0';
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int err(bctx *b, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return sb_fail(b->ctx, SHEBAO_EPOLICY, "%s: %s: %s", b->file, b->path, msg);
}

/* A string of the document quoted in a message: whole up to 63 bytes, else its first 60 and "..." (SB_SHOW). */
#define SHOW(s) SB_SHOW((s), strlen(s))

static int oom(bctx *b) { return sb_fail(b->ctx, SHEBAO_ENOMEM, "%s: out of memory", b->file); }

#define TRY(expr)                                                                                            \
    do {                                                                                                     \
        int rc_ = (expr);                                                                                    \
        if (rc_ != SHEBAO_OK)                                                                                \
            return rc_;                                                                                      \
    } while (0)

static const char *json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

/* Unknown keys are refused: they are almost always typos. */
static int check_keys(bctx *b, json_t *obj, const char *const *allowed)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        bool ok = false;
        for (size_t i = 0; allowed[i]; i++)
            if (strcmp(key, allowed[i]) == 0)
                ok = true;
        if (!ok) {
            size_t old = push_key(b, key);
            int rc = err(b, "unknown key '%.*s%s'", SHOW(key));
            pop(b, old);
            return rc;
        }
    }
    return SHEBAO_OK;
}

static int expect_type(bctx *b, json_t *v, json_type t, const char *what)
{
    if (json_typeof(v) != t && !(t == JSON_TRUE && json_is_boolean(v)))
        return err(b, "must be %s, not %s", what, json_type_name(v));
    return SHEBAO_OK;
}

/* ---- value readers (the path names the value) ------------------------------------------------------------ */

static int rd_dec(bctx *b, json_t *v, sb_dec *out)
{
    if (!json_is_string(v))
        return err(b, "must be a decimal string such as \"190\" or \"0.0262\", not %s", json_type_name(v));
    const char *why = NULL;
    if (sb_dec_parse(json_string_value(v), out, &why) != SHEBAO_OK)
        return err(b, "'%.40s' is not a valid decimal: %s", json_string_value(v), why);
    return SHEBAO_OK;
}

static int rd_amount(bctx *b, json_t *v, int64_t *fen)
{
    sb_dec d;
    TRY(rd_dec(b, v, &d));
    const char *text = json_string_value(v), *dot = strchr(text, '.');
    if (text[0] == '-' && d.num == 0)
        return err(b, "amount '%.*s%s' must not be negative", SHOW(text));
    if (text[0] == '+')
        return err(b, "amount '%.*s%s' must be written without a sign", SHOW(text));
    if (dot && strlen(dot + 1) > 2)
        return err(b, "amount '%.*s%s' has more than two decimals", SHOW(text));
    if (d.num < 0)
        return err(b, "amount '%.*s%s' must not be negative", SHOW(text));
    if (d.scale > 2)
        return err(b, "amount '%.*s%s' has more than two decimals", SHOW(text));
    if (!sb_dec_to_fen(d, fen) || *fen > INT64_C(100000000000000)) /* 1e12 yuan */
        return err(b, "amount '%.*s%s' is out of range", SHOW(text));
    return SHEBAO_OK;
}

static int rd_rate(bctx *b, json_t *v, sb_dec *out)
{
    TRY(rd_dec(b, v, out));
    if (out->num < 0 || sb_dec_cmp(*out, (sb_dec){1, 0}) >= 0)
        return err(b, "rate '%.*s%s' must be in [0, 1)", SHOW(json_string_value(v)));
    return SHEBAO_OK;
}

static int rd_int(bctx *b, json_t *v, int lo, int hi, int *out)
{
    if (!json_is_integer(v))
        return err(b, "must be an integer, not %s", json_type_name(v));
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi)
        return err(b, "%lld is outside %d..%d", (long long)x, lo, hi);
    *out = (int)x;
    return SHEBAO_OK;
}

static int rd_bool(bctx *b, json_t *v, bool *out)
{
    if (!json_is_boolean(v))
        return err(b, "must be true or false, not %s", json_type_name(v));
    *out = json_is_true(v);
    return SHEBAO_OK;
}

static int rd_month(bctx *b, json_t *v, sb_month *out)
{
    if (!json_is_string(v) || !sb_month_parse(json_string_value(v), out))
        return err(b, "must be a month \"YYYY-MM\" (year %d-%d, month 01-12)", SB_YEAR_MIN, SB_YEAR_MAX);
    return SHEBAO_OK;
}

/* "source" member of obj (if any) overrides the inherited one; checked against `sources` in full mode. */
static int rd_source(bctx *b, json_t *obj, const char *inherited, const char **out)
{
    *out = inherited;
    json_t *s = json_object_get(obj, "source");
    if (!s)
        return SHEBAO_OK;
    size_t old = push_key(b, "source");
    int rc = SHEBAO_OK;
    if (!json_is_string(s) || json_string_length(s) == 0)
        rc = err(b, "must be a non-empty source id string");
    else if (b->full && !json_object_get(b->sources, json_string_value(s)))
        rc = err(b, "unknown source id '%.*s%s' (not in $.sources)", SHOW(json_string_value(s)));
    else
        *out = json_string_value(s);
    pop(b, old);
    return rc;
}

/* Find member `key` of obj. Bare scalar or {"value", "source"}. On success with *v != NULL the path has been
 * extended by the key (the caller pops to *old). Absent: *v = NULL, error only if required in full mode. */
static int member(bctx *b, json_t *obj, const char *key, bool required, const char *inh, json_t **v,
                  const char **src, size_t *old)
{
    *v = NULL;
    json_t *m = json_object_get(obj, key);
    if (m && json_is_null(m) && !b->full)
        return SHEBAO_OK; /* a child's null removes the inherited value */
    if (!m) {
        if (required && b->full)
            return err(b, "missing required field '%s'", key);
        return SHEBAO_OK;
    }
    *old = push_key(b, key);
    *src = inh;
    if (json_is_object(m)) {
        static const char *const keys[] = {"value", "source", NULL};
        int rc = check_keys(b, m, keys);
        if (rc == SHEBAO_OK && !json_object_get(m, "value"))
            rc = err(b, "an object here needs a \"value\" member");
        if (rc == SHEBAO_OK)
            rc = rd_source(b, m, inh, src);
        if (rc != SHEBAO_OK) {
            pop(b, *old);
            return rc;
        }
        m = json_object_get(m, "value");
    }
    *v = m;
    return SHEBAO_OK;
}

/* ---- provenance ------------------------------------------------------------------------------------------ */

static int add_param(bctx *b, const char *path, const char *from, const char *value, const char *src,
                     uint32_t *index)
{
    shebao_policy *P = b->P;
    if (P->nparams == P->capparams) {
        size_t cap = P->capparams ? P->capparams * 2 : 64;
        sb_param *n = realloc(P->params, cap * sizeof *n);
        if (!n)
            return oom(b);
        P->params = n;
        P->capparams = cap;
    }
    sb_param *p = &P->params[P->nparams];
    memset(p, 0, sizeof *p);
    p->path = sb_strdup(path[0] == '$' && path[1] == '.' ? path + 2 : path);
    p->from = sb_strdup(from ? from : "");
    p->value = sb_strdup(value);
    p->source = sb_strdup(src ? src : "");
    if (!p->path || !p->from || !p->value || !p->source) {
        free(p->path);
        free(p->from);
        free(p->value);
        free(p->source);
        return oom(b);
    }
    if (index)
        *index = (uint32_t)P->nparams;
    P->nparams++;
    return SHEBAO_OK;
}

static void fmt_money(int64_t fen, char *buf) { shebao_money_format(fen, buf, SHEBAO_MONEY_BUFSZ); }

/* A scalar parameter: read with fn-specific code by the caller, recorded here. */
static int scalar_param(bctx *b, const char *text, const char *src, uint32_t *index)
{
    return add_param(b, b->path, "", text, src, index);
}

/* ---- series, tables, bands ------------------------------------------------------------------------------- */

static int expect_array(bctx *b, json_t *v, bool nonempty)
{
    TRY(expect_type(b, v, JSON_ARRAY, "an array"));
    if (nonempty && json_array_size(v) == 0)
        return err(b, "must not be empty");
    return SHEBAO_OK;
}

static int rd_series(bctx *b, json_t *arr, const char *inh, bool nonempty, sb_series *out)
{
    static const char *const keys[] = {"from", "value", "source", NULL};
    TRY(expect_array(b, arr, nonempty));
    size_t n = json_array_size(arr);
    out->v = calloc(n ? n : 1, sizeof *out->v);
    if (!out->v)
        return oom(b);
    char series_path[512];
    snprintf(series_path, sizeof series_path, "%s", b->path);
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(arr, i);
        size_t old = push_idx(b, i);
        TRY(expect_type(b, e, JSON_OBJECT, "an object {\"from\", \"value\", \"source\"}"));
        TRY(check_keys(b, e, keys));
        const char *src;
        TRY(rd_source(b, e, inh, &src));
        sb_dated_money *d = &out->v[i];
        json_t *from = json_object_get(e, "from"), *val = json_object_get(e, "value");
        if (!from)
            return err(b, "missing required field 'from'");
        if (!val)
            return err(b, "missing required field 'value'");
        size_t o2 = push_key(b, "from");
        TRY(rd_month(b, from, &d->from));
        if (i > 0 && d->from <= out->v[i - 1].from) {
            char a[8], c[8];
            sb_month_format(d->from, a, sizeof a);
            sb_month_format(out->v[i - 1].from, c, sizeof c);
            return err(b, "dates must be strictly increasing (%s after %s)", a, c);
        }
        pop(b, o2);
        o2 = push_key(b, "value");
        TRY(rd_amount(b, val, &d->fen));
        pop(b, o2);
        out->n = i + 1;
        char m[SHEBAO_MONEY_BUFSZ];
        fmt_money(d->fen, m);
        TRY(add_param(b, series_path, json_string_value(from), m, src, &d->param));
        pop(b, old);
    }
    return SHEBAO_OK;
}

static int rd_supplements(bctx *b, json_t *arr, const char *inh, sb_resident *rp)
{
    static const char *const keys[] = {"from", "min_age", "value", "source", NULL};
    TRY(expect_array(b, arr, false));
    size_t n = json_array_size(arr);
    rp->supp = calloc(n ? n : 1, sizeof *rp->supp);
    if (!rp->supp)
        return oom(b);
    char base[512];
    snprintf(base, sizeof base, "%s", b->path);
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(arr, i);
        size_t old = push_idx(b, i);
        TRY(expect_type(b, e, JSON_OBJECT, "an object {\"from\", \"min_age\", \"value\"}"));
        TRY(check_keys(b, e, keys));
        const char *src;
        TRY(rd_source(b, e, inh, &src));
        sb_supplement *s = &rp->supp[i];
        static const char *const req[] = {"from", "min_age", "value"};
        for (int k = 0; k < 3; k++)
            if (!json_object_get(e, req[k]))
                return err(b, "missing required field '%s'", req[k]);
        size_t o2 = push_key(b, "from");
        TRY(rd_month(b, json_object_get(e, "from"), &s->from));
        pop(b, o2);
        o2 = push_key(b, "min_age");
        TRY(rd_int(b, json_object_get(e, "min_age"), 0, 150, &s->min_age));
        pop(b, o2);
        o2 = push_key(b, "value");
        TRY(rd_amount(b, json_object_get(e, "value"), &s->fen));
        pop(b, o2);
        if (i > 0) {
            const sb_supplement *p = &rp->supp[i - 1];
            if (s->min_age < p->min_age || (s->min_age == p->min_age && s->from <= p->from))
                return err(b, "supplements must be sorted by (min_age, from) without duplicates");
        }
        rp->nsupp = i + 1;
        char m[SHEBAO_MONEY_BUFSZ], text[80];
        fmt_money(s->fen, m);
        snprintf(text, sizeof text, "age %d+: +%s", s->min_age, m);
        TRY(add_param(b, base, json_string_value(json_object_get(e, "from")), text, src, &s->param));
        pop(b, old);
    }
    return SHEBAO_OK;
}

static int rd_grades(bctx *b, json_t *arr, const char *inh, sb_resident *rp)
{
    static const char *const tkeys[] = {"from", "table", "source", NULL};
    static const char *const gkeys[] = {"grade", "subsidy", "daijiao", "source", NULL};
    TRY(expect_array(b, arr, true));
    size_t n = json_array_size(arr);
    rp->tables = calloc(n, sizeof *rp->tables);
    if (!rp->tables)
        return oom(b);
    char base[512];
    snprintf(base, sizeof base, "%s", b->path);
    for (size_t i = 0; i < n; i++) {
        json_t *t = json_array_get(arr, i);
        size_t old = push_idx(b, i);
        TRY(expect_type(b, t, JSON_OBJECT, "an object {\"from\", \"table\"}"));
        TRY(check_keys(b, t, tkeys));
        const char *tsrc;
        TRY(rd_source(b, t, inh, &tsrc));
        sb_grade_table *gt = &rp->tables[i];
        json_t *from = json_object_get(t, "from"), *table = json_object_get(t, "table");
        if (!from)
            return err(b, "missing required field 'from'");
        if (!table)
            return err(b, "missing required field 'table'");
        size_t o2 = push_key(b, "from");
        TRY(rd_month(b, from, &gt->from));
        if (i > 0 && SB_MONTH_YEAR(gt->from) <= SB_MONTH_YEAR(rp->tables[i - 1].from))
            return err(b, "grade tables must start in strictly increasing years (%d after %d)",
                       SB_MONTH_YEAR(gt->from), SB_MONTH_YEAR(rp->tables[i - 1].from));
        pop(b, o2);
        rp->ntables = i + 1;
        o2 = push_key(b, "table");
        TRY(expect_array(b, table, true));
        size_t ng = json_array_size(table);
        gt->g = calloc(ng, sizeof *gt->g);
        if (!gt->g)
            return oom(b);
        for (size_t j = 0; j < ng; j++) {
            json_t *g = json_array_get(table, j);
            size_t o3 = push_idx(b, j);
            TRY(expect_type(b, g, JSON_OBJECT, "an object {\"grade\", \"subsidy\"}"));
            TRY(check_keys(b, g, gkeys));
            const char *gsrc;
            TRY(rd_source(b, g, tsrc, &gsrc));
            sb_grade *gr = &gt->g[j];
            if (!json_object_get(g, "grade"))
                return err(b, "missing required field 'grade'");
            if (!json_object_get(g, "subsidy"))
                return err(b, "missing required field 'subsidy'");
            size_t o4 = push_key(b, "grade");
            TRY(rd_amount(b, json_object_get(g, "grade"), &gr->grade));
            if (gr->grade == 0)
                return err(b, "a grade must be positive");
            if (j > 0 && gr->grade <= gt->g[j - 1].grade) {
                char a[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ];
                fmt_money(gr->grade, a);
                fmt_money(gt->g[j - 1].grade, c);
                return err(b, "grades must be strictly ascending (%s after %s)", a, c);
            }
            pop(b, o4);
            o4 = push_key(b, "subsidy");
            TRY(rd_amount(b, json_object_get(g, "subsidy"), &gr->subsidy));
            pop(b, o4);
            if (json_object_get(g, "daijiao")) {
                o4 = push_key(b, "daijiao");
                TRY(rd_bool(b, json_object_get(g, "daijiao"), &gr->daijiao));
                pop(b, o4);
            }
            gt->n = j + 1;
            char a[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ], text[120];
            fmt_money(gr->grade, a);
            fmt_money(gr->subsidy, c);
            snprintf(text, sizeof text, "grade %s: subsidy %s%s", a, c, gr->daijiao ? " (daijiao)" : "");
            TRY(add_param(b, base, json_string_value(from), text, gsrc, &gr->param));
            pop(b, o3);
        }
        pop(b, o2);
        pop(b, old);
    }
    /* the table in force in each year, and the year the next one starts (the tables' years strictly increase) */
    for (int y = SB_YEAR_MIN; y <= SB_YEAR_MAX; y++) {
        int in_force = -1, next = INT_MAX;
        for (size_t i = 0; i < rp->ntables; i++) {
            if (SB_MONTH_YEAR(rp->tables[i].from) <= y)
                in_force = (int)i;
            else if (next == INT_MAX)
                next = SB_MONTH_YEAR(rp->tables[i].from);
        }
        rp->table_at[y - SB_YEAR_MIN] = (int16_t)in_force;
        rp->table_next[y - SB_YEAR_MIN] = next;
    }
    return SHEBAO_OK;
}

static int rd_bands(bctx *b, json_t *arr, const char *inh, sb_resident *rp)
{
    static const char *const keys[] = {"from_year", "to_year", "per_year", "source", NULL};
    TRY(expect_array(b, arr, false));
    size_t n = json_array_size(arr);
    rp->bands = calloc(n ? n : 1, sizeof *rp->bands);
    if (!rp->bands)
        return oom(b);
    char base[512];
    snprintf(base, sizeof base, "%s", b->path);
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(arr, i);
        size_t old = push_idx(b, i);
        TRY(expect_type(b, e, JSON_OBJECT, "an object {\"from_year\", \"to_year\", \"per_year\"}"));
        TRY(check_keys(b, e, keys));
        const char *src;
        TRY(rd_source(b, e, inh, &src));
        sb_band *bd = &rp->bands[i];
        if (!json_object_get(e, "from_year"))
            return err(b, "missing required field 'from_year'");
        if (!json_object_get(e, "per_year"))
            return err(b, "missing required field 'per_year'");
        size_t o2 = push_key(b, "from_year");
        TRY(rd_int(b, json_object_get(e, "from_year"), 1, 100, &bd->from_year));
        int expect = i == 0 ? 1 : rp->bands[i - 1].to_year + 1;
        if (bd->from_year != expect)
            return err(b, "bands must be contiguous from year 1: expected %d, found %d", expect, bd->from_year);
        pop(b, o2);
        if (json_object_get(e, "to_year")) {
            o2 = push_key(b, "to_year");
            TRY(rd_int(b, json_object_get(e, "to_year"), bd->from_year, 100, &bd->to_year));
            pop(b, o2);
        } else if (i + 1 < n) {
            return err(b, "only the last band may omit 'to_year'");
        }
        o2 = push_key(b, "per_year");
        TRY(rd_amount(b, json_object_get(e, "per_year"), &bd->per_year));
        pop(b, o2);
        rp->nbands = i + 1;
        char m[SHEBAO_MONEY_BUFSZ], text[100];
        fmt_money(bd->per_year, m);
        if (bd->to_year)
            snprintf(text, sizeof text, "years %d-%d: %s per year", bd->from_year, bd->to_year, m);
        else
            snprintf(text, sizeof text, "years %d+: %s per year", bd->from_year, m);
        TRY(add_param(b, base, "", text, src, &bd->param));
        pop(b, old);
    }
    return SHEBAO_OK;
}

static int rd_rates(bctx *b, json_t *arr, const char *inh, sb_resident *rp)
{
    static const char *const keys[] = {"year", "value", "source", NULL};
    TRY(expect_array(b, arr, false));
    size_t n = json_array_size(arr);
    rp->rates = calloc(n ? n : 1, sizeof *rp->rates);
    if (!rp->rates)
        return oom(b);
    char base[512];
    snprintf(base, sizeof base, "%s", b->path);
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(arr, i);
        size_t old = push_idx(b, i);
        TRY(expect_type(b, e, JSON_OBJECT, "an object {\"year\", \"value\"}"));
        TRY(check_keys(b, e, keys));
        const char *src;
        TRY(rd_source(b, e, inh, &src));
        sb_rate *r = &rp->rates[i];
        if (!json_object_get(e, "year"))
            return err(b, "missing required field 'year'");
        if (!json_object_get(e, "value"))
            return err(b, "missing required field 'value'");
        size_t o2 = push_key(b, "year");
        TRY(rd_int(b, json_object_get(e, "year"), SB_YEAR_MIN, SB_YEAR_MAX, &r->year));
        if (i > 0 && r->year <= rp->rates[i - 1].year)
            return err(b, "years must be strictly increasing (%d after %d)", r->year, rp->rates[i - 1].year);
        if (i > 0 && r->year != rp->rates[i - 1].year + 1)
            return err(b, "rates have a gap: %d follows %d", r->year, rp->rates[i - 1].year);
        pop(b, o2);
        o2 = push_key(b, "value");
        TRY(rd_rate(b, json_object_get(e, "value"), &r->rate));
        r->r6 = sb_rate6(r->rate);
        pop(b, o2);
        rp->nrates = i + 1;
        char y[8], text[48];
        snprintf(y, sizeof y, "%d", r->year);
        sb_dec_format(r->rate, text, sizeof text);
        TRY(add_param(b, base, y, text, src, &r->param));
        pop(b, old);
    }
    return SHEBAO_OK;
}

/* ---- scalar fields --------------------------------------------------------------------------------------- */

static int f_int(bctx *b, json_t *obj, const char *key, bool req, const char *inh, int lo, int hi, int *out,
                 uint32_t *param)
{
    json_t *v;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, req, inh, &v, &src, &old));
    if (!v)
        return SHEBAO_OK;
    TRY(rd_int(b, v, lo, hi, out));
    char text[24];
    snprintf(text, sizeof text, "%d", *out);
    TRY(scalar_param(b, text, src, param));
    pop(b, old);
    return SHEBAO_OK;
}

static int f_bool(bctx *b, json_t *obj, const char *key, bool req, const char *inh, bool *out, uint32_t *param)
{
    json_t *v;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, req, inh, &v, &src, &old));
    if (!v)
        return SHEBAO_OK;
    TRY(rd_bool(b, v, out));
    TRY(scalar_param(b, *out ? "true" : "false", src, param));
    pop(b, old);
    return SHEBAO_OK;
}

static int f_amount(bctx *b, json_t *obj, const char *key, bool req, const char *inh, int64_t *out,
                    uint32_t *param)
{
    json_t *v;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, req, inh, &v, &src, &old));
    if (!v)
        return SHEBAO_OK;
    TRY(rd_amount(b, v, out));
    char m[SHEBAO_MONEY_BUFSZ];
    fmt_money(*out, m);
    TRY(scalar_param(b, m, src, param));
    pop(b, old);
    return SHEBAO_OK;
}

/* kind: 'r' rate in [0,1), 'p' positive decimal */
static int f_dec(bctx *b, json_t *obj, const char *key, bool req, const char *inh, char kind, sb_dec *out,
                 uint32_t *param)
{
    json_t *v;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, req, inh, &v, &src, &old));
    if (!v)
        return SHEBAO_OK;
    if (kind == 'r') {
        TRY(rd_rate(b, v, out));
    } else {
        TRY(rd_dec(b, v, out));
        if (out->num <= 0)
            return err(b, "'%.*s%s' must be greater than zero", SHOW(json_string_value(v)));
    }
    char text[48];
    sb_dec_format(*out, text, sizeof text);
    TRY(scalar_param(b, text, src, param));
    pop(b, old);
    return SHEBAO_OK;
}

static int f_month(bctx *b, json_t *obj, const char *key, bool req, const char *inh, sb_month *out,
                   uint32_t *param)
{
    json_t *v;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, req, inh, &v, &src, &old));
    if (!v)
        return SHEBAO_OK;
    TRY(rd_month(b, v, out));
    TRY(scalar_param(b, json_string_value(v), src, param));
    pop(b, old);
    return SHEBAO_OK;
}

/* Strings naming an enum value: method, rounding. */
static int f_name(bctx *b, json_t *obj, const char *key, bool req, const char *inh, const char *const *names,
                  int *out, uint32_t *param)
{
    json_t *v;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, req, inh, &v, &src, &old));
    if (!v)
        return SHEBAO_OK;
    char list[160] = "";
    for (int i = 0; names[i]; i++) {
        if (json_is_string(v) && strcmp(json_string_value(v), names[i]) == 0) {
            *out = i;
            TRY(scalar_param(b, names[i], src, param));
            pop(b, old);
            return SHEBAO_OK;
        }
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    return err(b, "must be one of %s", list);
}

/* Object member (section) lookup; absent → NULL (error if required in full mode). */
static int section(bctx *b, json_t *obj, const char *key, bool req, json_t **out, size_t *old)
{
    *out = json_object_get(obj, key);
    if (*out && json_is_null(*out) && !b->full)
        *out = NULL; /* a child's null removes the inherited value */
    if (!*out) {
        if (req && b->full)
            return err(b, "missing required field '%s'", key);
        return SHEBAO_OK;
    }
    *old = push_key(b, key);
    return expect_type(b, *out, JSON_OBJECT, "an object");
}

/* Array member lookup; absent → NULL (error if required in full mode). Path extended when found. */
static int array_member(bctx *b, json_t *obj, const char *key, bool req, json_t **out, size_t *old)
{
    *out = json_object_get(obj, key);
    if (*out && json_is_null(*out) && !b->full)
        *out = NULL; /* a child's null removes the inherited value */
    if (!*out) {
        if (req && b->full)
            return err(b, "missing required field '%s'", key);
        return SHEBAO_OK;
    }
    *old = push_key(b, key);
    return SHEBAO_OK;
}

/* ---- sections -------------------------------------------------------------------------------------------- */

static const char *const method_names[] = {"year_end", "year_start", "monthly", NULL};
static const char *const rounding_names[] = {"fen_half_up", "jiao_up", "jiao_half_up", "yuan_half_up",
                                             "fen_truncate", NULL};

static int rd_interest(bctx *b, json_t *obj, const char *inh, sb_resident *rp)
{
    static const char *const keys[] = {"method", "deposit_month", "rounding", "rates", "assumed_future_rate",
                                       "after_claim", "source", NULL};
    TRY(check_keys(b, obj, keys));
    const char *src;
    TRY(rd_source(b, obj, inh, &src));
    int method = -1, rounding = 0;
    TRY(f_name(b, obj, "method", true, src, method_names, &method, &rp->p_method));
    rp->method = method < 0 ? SB_INTEREST_YEAR_END : (sb_interest_method)method;
    bool monthly = method == SB_INTEREST_MONTHLY;
    json_t *dm = json_object_get(obj, "deposit_month");
    if (dm && !json_is_null(dm) && method >= 0 && !monthly) {
        size_t old = push_key(b, "deposit_month");
        int rc = err(b, "deposit_month applies only to method \"monthly\"");
        pop(b, old);
        return rc;
    }
    TRY(f_int(b, obj, "deposit_month", monthly, src, 1, 12, &rp->deposit_month, &rp->p_deposit_month));
    TRY(f_name(b, obj, "rounding", true, src, rounding_names, &rounding, &rp->p_rounding));
    rp->rounding = (shebao_rounding)rounding;
    json_t *rates;
    size_t old;
    TRY(array_member(b, obj, "rates", true, &rates, &old));
    if (rates) {
        TRY(rd_rates(b, rates, src, rp));
        pop(b, old);
    }
    TRY(f_dec(b, obj, "assumed_future_rate", true, src, 'r', &rp->future_rate, &rp->p_future_rate));
    TRY(f_bool(b, obj, "after_claim", true, src, &rp->after_claim, &rp->p_after_claim));
    return SHEBAO_OK;
}

static int rd_backpay(bctx *b, json_t *obj, const char *inh, sb_resident *rp)
{
    static const char *const keys[] = {"max_grade", "subsidised", "counts_for_years_pension", "source", NULL};
    TRY(check_keys(b, obj, keys));
    const char *src;
    TRY(rd_source(b, obj, inh, &src));
    TRY(f_amount(b, obj, "max_grade", true, src, &rp->backpay_max, &rp->p_backpay_max));
    TRY(f_bool(b, obj, "subsidised", true, src, &rp->backpay_subsidised, &rp->p_backpay_subsidised));
    TRY(f_bool(b, obj, "counts_for_years_pension", true, src, &rp->backpay_counts, &rp->p_backpay_counts));
    return SHEBAO_OK;
}

static int rd_resident(bctx *b, json_t *obj, sb_resident *rp)
{
    static const char *const keys[] = {"scheme_start", "claim_age", "benefit_start_offset_months", "min_years",
                                       "account_divisor", "base_pension", "central_base_pension",
                                       "age_supplements", "grades", "backpay", "years_pension", "interest",
                                       "funeral_grant_months", "source", NULL};
    TRY(check_keys(b, obj, keys));
    const char *src;
    TRY(rd_source(b, obj, NULL, &src));
    rp->present = true;
    TRY(f_month(b, obj, "scheme_start", true, src, &rp->scheme_start, &rp->p_scheme_start));
    TRY(f_int(b, obj, "claim_age", true, src, 40, 80, &rp->claim_age, &rp->p_claim_age));
    TRY(f_int(b, obj, "benefit_start_offset_months", true, src, 0, 12, &rp->offset_months, &rp->p_offset));
    TRY(f_int(b, obj, "min_years", true, src, 1, 50, &rp->min_years, &rp->p_min_years));
    TRY(f_dec(b, obj, "account_divisor", true, src, 'p', &rp->divisor, &rp->p_divisor));

    json_t *v;
    size_t old;
    TRY(array_member(b, obj, "base_pension", true, &v, &old));
    if (v) {
        TRY(rd_series(b, v, src, true, &rp->base));
        pop(b, old);
    }
    TRY(array_member(b, obj, "central_base_pension", false, &v, &old));
    if (v) {
        TRY(rd_series(b, v, src, false, &rp->central));
        pop(b, old);
    }
    TRY(array_member(b, obj, "age_supplements", false, &v, &old));
    if (v) {
        TRY(rd_supplements(b, v, src, rp));
        pop(b, old);
    }
    TRY(array_member(b, obj, "grades", true, &v, &old));
    if (v) {
        TRY(rd_grades(b, v, src, rp));
        pop(b, old);
    }
    TRY(section(b, obj, "backpay", true, &v, &old));
    if (v) {
        TRY(rd_backpay(b, v, src, rp));
        pop(b, old);
    }
    TRY(array_member(b, obj, "years_pension", false, &v, &old));
    if (v) {
        TRY(rd_bands(b, v, src, rp));
        pop(b, old);
    }
    TRY(section(b, obj, "interest", true, &v, &old));
    if (v) {
        TRY(rd_interest(b, v, src, rp));
        pop(b, old);
    }
    TRY(f_int(b, obj, "funeral_grant_months", false, src, 0, 120, &rp->funeral_months, &rp->p_funeral));
    return SHEBAO_OK;
}

/* ---- section long_term_care ------------------------------------------------------------------------------ */

/* Key names; their order is the index order of sb_ltc (and of the public shebao_ltc_* enums). */
static const char *const ltc_band_keys[SB_LTC_DOMAINS] = {"adl_bands", "cognition_bands", "perception_bands"};
static const int ltc_band_max[SB_LTC_DOMAINS] = {100, 16, 12};
static const char *const ltc_mode_keys[] = {"institution", "medical_institution", "home_visit", "home_cash", NULL};
static const char *const ltc_group_keys[] = {"employee", "retiree", "resident", "minor", "assisted", NULL};
static const char *const ltc_payer_keys[] = {"individual", "employer", "medical_fund", "fiscal", "other", NULL};
static const char *const ltc_convention_names[] = {"cap_on_cost", "cap_on_payment", NULL};

enum { LTC_AMOUNT, LTC_RATIO, LTC_RATE, LTC_HOURS };

/* The provenance path of the value at b->path: without "$." and without array indices (a dated entry's values
 * carry its `from` instead, as in a series). */
static void ltc_ppath(const bctx *b, char *out, size_t size)
{
    const char *s = b->path;
    if (s[0] == '$' && s[1] == '.')
        s += 2;
    size_t n = 0;
    for (; *s && n + 1 < size; s++) {
        if (*s == '[') {
            while (*s && *s != ']')
                s++;
            if (!*s)
                break;
            continue;
        }
        out[n++] = *s;
    }
    out[n] = '\0';
}

/* Present and not null; null inside a dated entry is refused (there is nothing to inherit there). */
static int ltc_present(bctx *b, json_t *obj, const char *key, bool req, json_t **m)
{
    *m = json_object_get(obj, key);
    if (!*m) {
        if (req)
            return err(b, "missing required field '%s'", key);
        return SHEBAO_OK;
    }
    if (json_is_null(*m)) {
        size_t old = push_key(b, key);
        int rc = err(b, "must not be null inside a dated entry");
        pop(b, old);
        return rc;
    }
    return SHEBAO_OK;
}

/* Member `key` of obj (bare or {"value", "source"}) read as `kind` and recorded with `from`. Absent: *found is
 * false (an error when req). */
static int ltc_value(bctx *b, json_t *obj, const char *key, bool req, const char *inh, int kind, const char *from,
                     int64_t *fen, sb_dec *dec, uint32_t *param, bool *found)
{
    json_t *m, *v;
    *found = false;
    TRY(ltc_present(b, obj, key, req, &m));
    if (!m)
        return SHEBAO_OK;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, false, inh, &v, &src, &old));
    char text[64];
    if (kind == LTC_AMOUNT) {
        TRY(rd_amount(b, v, fen));
        fmt_money(*fen, text);
    } else if (kind == LTC_RATE) {
        TRY(rd_rate(b, v, dec));
        sb_dec_format(*dec, text, sizeof text);
    } else {
        TRY(rd_dec(b, v, dec));
        const char *s = json_string_value(v);
        if (s[0] == '-')
            return err(b, "'%.*s%s' must not be negative", SHOW(s));
        if (s[0] == '+')
            return err(b, "'%.*s%s' must be written without a sign", SHOW(s));
        if (kind == LTC_RATIO && sb_dec_cmp(*dec, (sb_dec){1, 0}) > 0)
            return err(b, "ratio '%.*s%s' must be in [0, 1]", SHOW(s));
        sb_dec_format(*dec, text, sizeof text);
    }
    char pp[512];
    ltc_ppath(b, pp, sizeof pp);
    TRY(add_param(b, pp, from, text, src, param));
    pop(b, old);
    *found = true;
    return SHEBAO_OK;
}

/* A name out of `names` (convention, rounding), recorded with `from`. */
static int ltc_name(bctx *b, json_t *obj, const char *key, bool req, const char *inh, const char *const *names,
                    const char *from, int *out, uint32_t *param, bool *found)
{
    json_t *m, *v;
    *found = false;
    TRY(ltc_present(b, obj, key, req, &m));
    if (!m)
        return SHEBAO_OK;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, false, inh, &v, &src, &old));
    char list[160] = "";
    for (int i = 0; names[i]; i++) {
        if (json_is_string(v) && strcmp(json_string_value(v), names[i]) == 0) {
            char pp[512];
            ltc_ppath(b, pp, sizeof pp);
            TRY(add_param(b, pp, from, names[i], src, param));
            pop(b, old);
            *out = i;
            *found = true;
            return SHEBAO_OK;
        }
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    return err(b, "must be one of %s", list);
}

/* A value per grade: {"3": "0.7", "5": {"value": "0.8", "source": "ID"}, "source": "ID"}. The map's own
 * "source" applies to its grades that carry none. */
static int ltc_gmap(bctx *b, json_t *obj, const char *key, bool req, const char *inh, int kind, const char *from,
                    sb_ltc_gmap *out)
{
    json_t *m;
    TRY(ltc_present(b, obj, key, req, &m));
    if (!m)
        return SHEBAO_OK;
    size_t old = push_key(b, key);
    if (!json_is_object(m) || json_object_get(m, "value"))
        return err(b, "must be an object keyed by grade, e.g. {\"3\": \"60\", \"5\": \"100\"}");
    const char *src;
    TRY(rd_source(b, m, inh, &src));
    const char *k;
    json_t *v;
    json_object_foreach(m, k, v) {
        if (strcmp(k, "source") != 0 && !(k[0] >= '0' && k[0] <= '5' && k[1] == '\0')) {
            push_key(b, k);
            return err(b, "unknown grade '%.*s%s' (grades are \"0\" to \"5\")", SHOW(k));
        }
    }
    for (int g = 0; g < SB_LTC_GRADES; g++) {
        char gk[2] = {(char)('0' + g), '\0'};
        bool found;
        TRY(ltc_value(b, m, gk, false, src, kind, from, &out->fen[g], &out->dec[g], &out->param[g], &found));
        if (found)
            out->set |= 1u << g;
    }
    if (!out->set)
        return err(b, "must give a value for at least one grade (\"0\" to \"5\")");
    pop(b, old);
    return SHEBAO_OK;
}

static int ltc_bands(bctx *b, json_t *arr, const char *inh, int d, sb_ltc *L)
{
    static const char *const keys[] = {"level", "min", "source", NULL};
    TRY(expect_array(b, arr, true));
    size_t n = json_array_size(arr);
    if (n > SB_LTC_LEVELS)
        return err(b, "at most %d bands (levels 0 to 3)", SB_LTC_LEVELS);
    char pp[512];
    ltc_ppath(b, pp, sizeof pp);
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(arr, i);
        size_t old = push_idx(b, i);
        TRY(expect_type(b, e, JSON_OBJECT, "an object {\"level\", \"min\"}"));
        TRY(check_keys(b, e, keys));
        const char *src;
        TRY(rd_source(b, e, inh, &src));
        sb_ltc_band *bd = &L->bands[d][i];
        json_t *level = json_object_get(e, "level"), *min = json_object_get(e, "min");
        if (!level)
            return err(b, "missing required field 'level'");
        if (!min)
            return err(b, "missing required field 'min'");
        size_t o2 = push_key(b, "level");
        TRY(rd_int(b, level, 0, SB_LTC_LEVELS - 1, &bd->level));
        pop(b, o2);
        o2 = push_key(b, "min");
        TRY(rd_int(b, min, 0, ltc_band_max[d], &bd->min));
        if (i == 0 && bd->min != 0)
            return err(b, "the first band must start at 0, so that every total falls into a band");
        if (i > 0 && bd->min <= L->bands[d][i - 1].min)
            return err(b, "bands must be sorted by min, strictly ascending (%d after %d)", bd->min,
                       L->bands[d][i - 1].min);
        pop(b, o2);
        if (i > 0 && bd->level >= L->bands[d][i - 1].level) {
            o2 = push_key(b, "level");
            return err(b, "a band with a higher min must have a better (lower) level (level %d after level %d)",
                       bd->level, L->bands[d][i - 1].level);
        }
        L->nbands[d] = i + 1;
        char text[48];
        snprintf(text, sizeof text, "level %d from %d", bd->level, bd->min);
        TRY(add_param(b, pp, "", text, src, &bd->param));
        pop(b, old);
    }
    return SHEBAO_OK;
}

static int ltc_assessment(bctx *b, json_t *obj, const char *inh, sb_ltc *L)
{
    static const char *const keys[] = {"adl_bands", "cognition_bands", "perception_bands", "combination", "source",
                                       NULL};
    TRY(check_keys(b, obj, keys));
    const char *src;
    TRY(rd_source(b, obj, inh, &src));
    L->has_assessment = true;
    for (int d = 0; d < SB_LTC_DOMAINS; d++) {
        json_t *v;
        size_t old;
        TRY(array_member(b, obj, ltc_band_keys[d], true, &v, &old));
        if (v) {
            TRY(ltc_bands(b, v, src, d, L));
            pop(b, old);
        }
    }
    json_t *v;
    const char *csrc;
    size_t old;
    TRY(member(b, obj, "combination", true, src, &v, &csrc, &old));
    if (!v)
        return SHEBAO_OK;
    if (!json_is_array(v) || json_array_size(v) != SB_LTC_LEVELS)
        return err(b, "must be 4 rows (ADL level 0 to 3) of 4 grades (column: the worse of the cognition and "
                      "perception levels)");
    char text[48] = "rows ";
    for (size_t r = 0; r < SB_LTC_LEVELS; r++) {
        json_t *row = json_array_get(v, r);
        size_t o2 = push_idx(b, r);
        if (!json_is_array(row) || json_array_size(row) != SB_LTC_LEVELS)
            return err(b, "must be a row of 4 grades (0 to 5)");
        for (size_t c = 0; c < SB_LTC_LEVELS; c++) {
            size_t o3 = push_idx(b, c);
            TRY(rd_int(b, json_array_get(row, c), 0, SB_LTC_GRADES - 1, &L->combination[r][c]));
            pop(b, o3);
            size_t len = strlen(text);
            snprintf(text + len, sizeof text - len, "%s%d", r > 0 && c == 0 ? "/" : "", L->combination[r][c]);
        }
        pop(b, o2);
    }
    char pp[512];
    ltc_ppath(b, pp, sizeof pp);
    TRY(add_param(b, pp, "", text, csrc, &L->p_combination));
    pop(b, old);
    return SHEBAO_OK;
}

static int ltc_group(bctx *b, json_t *obj, const char *inh, const char *from, sb_ltc_group *g)
{
    static const char *const keys[] = {"fixed", "rate", "source", NULL};
    static const char *const fixed_keys[] = {"total", "individual", "employer", "medical_fund", "fiscal", "other",
                                             "source", NULL};
    static const char *const rate_keys[] = {"base_floor", "base_cap", "total", "individual", "employer",
                                            "medical_fund", "fiscal", "other", "rounding", "source", NULL};
    TRY(expect_type(b, obj, JSON_OBJECT, "an object {\"fixed\": {...}} or {\"rate\": {...}}"));
    TRY(check_keys(b, obj, keys));
    const char *src;
    TRY(rd_source(b, obj, inh, &src));
    json_t *fixed = json_object_get(obj, "fixed"), *rate = json_object_get(obj, "rate");
    if ((fixed != NULL) == (rate != NULL))
        return err(b, "needs exactly one of \"fixed\" (yuan per person per year) or \"rate\" (rates on a base)");
    g->present = true;
    g->is_rate = rate != NULL;
    json_t *f = rate ? rate : fixed;
    size_t old = push_key(b, rate ? "rate" : "fixed");
    TRY(expect_type(b, f, JSON_OBJECT, "an object"));
    TRY(check_keys(b, f, rate ? rate_keys : fixed_keys));
    const char *fsrc;
    TRY(rd_source(b, f, src, &fsrc));
    int kind = rate ? LTC_RATE : LTC_AMOUNT;
    mpq_t sum, q;
    mpq_init(sum);
    mpq_init(q);
    char parts[300] = "";
    int rc = ltc_value(b, f, "total", false, fsrc, kind, from, &g->total_fen, &g->total_rate, &g->p_total,
                       &g->has_total);
    for (int p = 0; rc == SHEBAO_OK && p < SB_LTC_PAYERS; p++) {
        bool found;
        rc = ltc_value(b, f, ltc_payer_keys[p], false, fsrc, kind, from, &g->fen[p], &g->rate[p], &g->param[p],
                       &found);
        if (rc != SHEBAO_OK || !found)
            continue;
        g->parts |= 1u << p;
        char text[48];
        if (rate) {
            sb_dec_to_q(q, g->rate[p]);
            sb_dec_format(g->rate[p], text, sizeof text);
        } else {
            sb_mpz_set_i64(mpq_numref(q), g->fen[p]);
            mpz_set_ui(mpq_denref(q), 1);
            fmt_money(g->fen[p], text);
        }
        mpq_add(sum, sum, q);
        size_t len = strlen(parts);
        snprintf(parts + len, sizeof parts - len, "%s%s %s", len ? " + " : "", ltc_payer_keys[p], text);
    }
    if (rc == SHEBAO_OK && !g->parts)
        rc = err(b, "needs at least one part (individual, employer, medical_fund, fiscal, other)");
    if (rc == SHEBAO_OK && g->has_total) {
        char total[48], got[48];
        if (rate) {
            sb_dec_to_q(q, g->total_rate);
            sb_dec_format(g->total_rate, total, sizeof total);
            sb_q_format(sum, SB_DEC_MAX_SCALE, got, sizeof got);
            for (size_t n = strlen(got); n > 0 && got[n - 1] == '0'; n--) /* canonical: no trailing zeros */
                got[n - 1] = '\0';
            if (got[strlen(got) - 1] == '.')
                got[strlen(got) - 1] = '\0';
        } else {
            sb_mpz_set_i64(mpq_numref(q), g->total_fen);
            mpz_set_ui(mpq_denref(q), 1);
            fmt_money(g->total_fen, total);
            int64_t s = 0;
            (void)sb_mpz_get_i64(mpq_numref(sum), &s);
            fmt_money(s, got);
        }
        if (!mpq_equal(sum, q))
            rc = err(b, "the parts add up to %s (%s), not the total %s", got, parts, total);
    }
    mpq_clear(sum);
    mpq_clear(q);
    TRY(rc);
    if (rate) {
        TRY(ltc_value(b, f, "base_floor", false, fsrc, LTC_AMOUNT, from, &g->floor, NULL, &g->p_floor,
                      &g->has_floor));
        TRY(ltc_value(b, f, "base_cap", false, fsrc, LTC_AMOUNT, from, &g->cap, NULL, &g->p_cap, &g->has_cap));
        if (g->has_floor && g->has_cap && g->floor > g->cap) {
            char fl[SHEBAO_MONEY_BUFSZ], ca[SHEBAO_MONEY_BUFSZ];
            fmt_money(g->floor, fl);
            fmt_money(g->cap, ca);
            return err(b, "base_floor %s is above base_cap %s", fl, ca);
        }
        int rounding = 0;
        TRY(ltc_name(b, f, "rounding", false, fsrc, rounding_names, from, &rounding, &g->p_rounding,
                     &g->has_rounding));
        g->rounding = (shebao_rounding)rounding;
    }
    pop(b, old);
    return SHEBAO_OK;
}

/* The head of a dated entry {"from", BODY, "source"} of an array: type, keys, source, both members present, and
 * `from` strictly after the previous entry's (prev_from < 0 for the first). Leaves the path at the entry. */
static int dated_entry(bctx *b, json_t *arr, size_t i, const char *const *keys, const char *body_key,
                       const char *what, const char *inh, sb_month prev_from, const char **src, sb_month *from,
                       json_t **body)
{
    json_t *e = json_array_get(arr, i);
    TRY(expect_type(b, e, JSON_OBJECT, what));
    TRY(check_keys(b, e, keys));
    TRY(rd_source(b, e, inh, src));
    json_t *f = json_object_get(e, "from");
    *body = json_object_get(e, body_key);
    if (!f)
        return err(b, "missing required field 'from'");
    if (!*body)
        return err(b, "missing required field '%s'", body_key);
    size_t o2 = push_key(b, "from");
    TRY(rd_month(b, f, from));
    if (prev_from >= 0 && *from <= prev_from)
        return err(b, "dates must be strictly increasing (%s after %s)", json_string_value(f),
                   json_string_value(json_object_get(json_array_get(arr, i - 1), "from")));
    pop(b, o2);
    return SHEBAO_OK;
}

static int ltc_funding(bctx *b, json_t *arr, const char *inh, sb_ltc *L)
{
    static const char *const keys[] = {"from", "groups", "source", NULL};
    static const char *const gkeys[] = {"employee", "retiree", "resident", "minor", "assisted", "source", NULL};
    TRY(expect_array(b, arr, true));
    size_t n = json_array_size(arr);
    L->funding = calloc(n, sizeof *L->funding);
    if (!L->funding)
        return oom(b);
    for (size_t i = 0; i < n; i++) {
        size_t old = push_idx(b, i);
        const char *src;
        json_t *groups;
        sb_ltc_funding *fu = &L->funding[i];
        TRY(dated_entry(b, arr, i, keys, "groups", "an object {\"from\", \"groups\"}", inh,
                        i > 0 ? L->funding[i - 1].from : -1, &src, &fu->from, &groups));
        L->nfunding = i + 1;
        char from[8];
        sb_month_format(fu->from, from, sizeof from); /* the entry's "from", as written (strict YYYY-MM) */
        size_t o2 = push_key(b, "groups");
        TRY(expect_type(b, groups, JSON_OBJECT, "an object keyed by insured group"));
        TRY(check_keys(b, groups, gkeys));
        const char *gsrc;
        TRY(rd_source(b, groups, src, &gsrc));
        for (int g = 0; g < SB_LTC_GROUPS; g++) {
            json_t *gv;
            TRY(ltc_present(b, groups, ltc_group_keys[g], false, &gv));
            if (!gv)
                continue;
            size_t o3 = push_key(b, ltc_group_keys[g]);
            TRY(ltc_group(b, gv, gsrc, from, &fu->group[g]));
            pop(b, o3);
        }
        if (json_object_size(groups) == (json_object_get(groups, "source") ? 1u : 0u))
            return err(b, "needs at least one insured group (employee, retiree, resident, minor, assisted)");
        pop(b, o2);
        pop(b, old);
    }
    return SHEBAO_OK;
}

static int ltc_mode(bctx *b, json_t *obj, int m, const char *inh, const char *from, sb_ltc_mode *md)
{
    static const char *const inst_keys[] = {"convention", "ratio", "daily_cap", "monthly_cap", "rounding", "source",
                                            NULL};
    static const char *const visit_keys[] = {"ratio", "hour_price_cap", "max_hours_month", "monthly_cap",
                                             "rounding", "source", NULL};
    static const char *const cash_keys[] = {"monthly", "rounding", "source", NULL};
    TRY(expect_type(b, obj, JSON_OBJECT, "an object"));
    TRY(check_keys(b, obj, m <= 1 ? inst_keys : m == 2 ? visit_keys : cash_keys));
    const char *src;
    TRY(rd_source(b, obj, inh, &src));
    md->present = true;
    bool found;
    if (m <= 1) {
        TRY(ltc_name(b, obj, "convention", true, src, ltc_convention_names, from, &md->convention,
                     &md->p_convention, &found));
        TRY(ltc_gmap(b, obj, "ratio", true, src, LTC_RATIO, from, &md->ratio));
        TRY(ltc_gmap(b, obj, "daily_cap", true, src, LTC_AMOUNT, from, &md->daily_cap));
        TRY(ltc_gmap(b, obj, "monthly_cap", false, src, LTC_AMOUNT, from, &md->monthly_cap));
    } else if (m == 2) {
        TRY(ltc_gmap(b, obj, "ratio", true, src, LTC_RATIO, from, &md->ratio));
        TRY(ltc_value(b, obj, "hour_price_cap", true, src, LTC_AMOUNT, from, &md->hour_price_cap, NULL,
                      &md->p_hour_price_cap, &found));
        TRY(ltc_gmap(b, obj, "max_hours_month", true, src, LTC_HOURS, from, &md->max_hours));
        TRY(ltc_gmap(b, obj, "monthly_cap", false, src, LTC_AMOUNT, from, &md->monthly_cap));
    } else {
        TRY(ltc_gmap(b, obj, "monthly", true, src, LTC_AMOUNT, from, &md->monthly));
    }
    int rounding = 0;
    TRY(ltc_name(b, obj, "rounding", false, src, rounding_names, from, &rounding, &md->p_rounding,
                 &md->has_rounding));
    md->rounding = (shebao_rounding)rounding;
    return SHEBAO_OK;
}

static int ltc_benefits(bctx *b, json_t *arr, const char *inh, sb_ltc *L)
{
    static const char *const keys[] = {"from", "modes", "source", NULL};
    static const char *const mkeys[] = {"institution", "medical_institution", "home_visit", "home_cash", "source",
                                        NULL};
    TRY(expect_array(b, arr, true));
    size_t n = json_array_size(arr);
    L->benefits = calloc(n, sizeof *L->benefits);
    if (!L->benefits)
        return oom(b);
    for (size_t i = 0; i < n; i++) {
        size_t old = push_idx(b, i);
        const char *src;
        json_t *modes;
        sb_ltc_benefits *be = &L->benefits[i];
        TRY(dated_entry(b, arr, i, keys, "modes", "an object {\"from\", \"modes\"}", inh,
                        i > 0 ? L->benefits[i - 1].from : -1, &src, &be->from, &modes));
        L->nbenefits = i + 1;
        char from[8];
        sb_month_format(be->from, from, sizeof from); /* the entry's "from", as written (strict YYYY-MM) */
        size_t o2 = push_key(b, "modes");
        TRY(expect_type(b, modes, JSON_OBJECT, "an object keyed by care mode"));
        TRY(check_keys(b, modes, mkeys));
        const char *msrc;
        TRY(rd_source(b, modes, src, &msrc));
        int nmodes = 0;
        for (int m = 0; m < SB_LTC_MODES; m++) {
            json_t *mv;
            TRY(ltc_present(b, modes, ltc_mode_keys[m], false, &mv));
            if (!mv)
                continue;
            size_t o3 = push_key(b, ltc_mode_keys[m]);
            TRY(ltc_mode(b, mv, m, msrc, from, &be->mode[m]));
            pop(b, o3);
            nmodes++;
        }
        if (nmodes == 0)
            return err(b, "needs at least one care mode (institution, medical_institution, home_visit, home_cash)");
        pop(b, o2);
        pop(b, old);
    }
    return SHEBAO_OK;
}

static int rd_ltc(bctx *b, json_t *obj, sb_ltc *L)
{
    static const char *const keys[] = {"assessment", "funding", "eligibility", "benefits", "source", NULL};
    static const char *const ekeys[] = {"min_grade", "min_disability_months", "waiting_months", "source", NULL};
    TRY(check_keys(b, obj, keys));
    const char *src;
    TRY(rd_source(b, obj, NULL, &src));
    L->present = true;
    json_t *v;
    size_t old;
    TRY(section(b, obj, "assessment", false, &v, &old));
    if (v) {
        TRY(ltc_assessment(b, v, src, L));
        pop(b, old);
    }
    TRY(array_member(b, obj, "funding", false, &v, &old));
    if (v) {
        TRY(ltc_funding(b, v, src, L));
        pop(b, old);
    }
    TRY(section(b, obj, "eligibility", false, &v, &old));
    if (v) {
        TRY(check_keys(b, v, ekeys));
        const char *esrc;
        TRY(rd_source(b, v, src, &esrc));
        L->has_eligibility = true;
        TRY(f_int(b, v, "min_grade", true, esrc, 0, SB_LTC_GRADES - 1, &L->min_grade, &L->p_min_grade));
        TRY(f_int(b, v, "min_disability_months", true, esrc, 0, 1200, &L->min_disability_months,
                  &L->p_min_disability_months));
        TRY(f_int(b, v, "waiting_months", true, esrc, 0, 1200, &L->waiting_months, &L->p_waiting_months));
        pop(b, old);
    }
    TRY(array_member(b, obj, "benefits", false, &v, &old));
    if (v) {
        TRY(ltc_benefits(b, v, src, L));
        pop(b, old);
    }
    return SHEBAO_OK;
}

static const char *const status_names[] = {"official", "secondary", "recalled", "inferred", "assumption", NULL};

static int rd_sources(bctx *b, json_t *obj)
{
    static const char *const keys[] = {"title", "url", "status", "note", NULL};
    shebao_policy *P = b->P;
    size_t n = json_object_size(obj);
    P->sources = calloc(n ? n : 1, sizeof *P->sources);
    if (!P->sources)
        return oom(b);
    const char *id;
    json_t *s;
    json_object_foreach(obj, id, s) {
        size_t old = push_key(b, id);
        TRY(expect_type(b, s, JSON_OBJECT, "an object {\"title\", \"url\", \"status\"}"));
        TRY(check_keys(b, s, keys));
        json_t *title = json_object_get(s, "title"), *url = json_object_get(s, "url"),
               *st = json_object_get(s, "status"), *note = json_object_get(s, "note");
        if (!title || !json_is_string(title))
            return err(b, "a source needs a \"title\" string");
        if (url && !json_is_string(url))
            return err(b, "\"url\" must be a string");
        if (note && !json_is_string(note))
            return err(b, "\"note\" must be a string");
        int status = -1;
        for (int i = 0; st && json_is_string(st) && status_names[i]; i++)
            if (strcmp(json_string_value(st), status_names[i]) == 0)
                status = i;
        if (status < 0) {
            size_t o2 = push_key(b, "status");
            int rc = err(b, "must be one of official, secondary, recalled, inferred, assumption");
            pop(b, o2);
            return rc;
        }
        sb_source *src = &P->sources[P->nsources];
        src->id = sb_strdup(id);
        src->title = sb_strdup(json_string_value(title));
        src->url = sb_strdup(url ? json_string_value(url) : "");
        src->status = (shebao_status)status;
        P->nsources++;
        if (!src->id || !src->title || !src->url)
            return oom(b);
        pop(b, old);
    }
    return SHEBAO_OK;
}

static bool valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}

static int rd_top(bctx *b, json_t *doc)
{
    static const char *const keys[] = {"schema", "id", "name", "description", "extends", "sources",
                                       "resident_pension", "long_term_care", NULL};
    if (!json_is_object(doc))
        return err(b, "a policy must be a JSON object, not %s", json_type_name(doc));
    TRY(check_keys(b, doc, keys));
    json_t *schema = json_object_get(doc, "schema");
    if (!schema || !json_is_string(schema) || strcmp(json_string_value(schema), SB_POLICY_SCHEMA) != 0) {
        size_t old = push_key(b, "schema");
        int rc = err(b, "must be \"%s\"", SB_POLICY_SCHEMA);
        pop(b, old);
        return rc;
    }
    static const char *const strs[] = {"id", "name", "description", "extends"};
    for (int i = 0; i < 4; i++) {
        json_t *v = json_object_get(doc, strs[i]);
        if (!v && i < 2)
            return err(b, "missing required field '%s'", strs[i]);
        if (!v)
            continue;
        size_t old = push_key(b, strs[i]);
        if (!json_is_string(v) || json_string_length(v) == 0)
            return err(b, "must be a non-empty string");
        if (i == 0 && !valid_id(json_string_value(v)))
            return err(b, "'%.64s' is not a valid id (1-64 characters a-z, 0-9, '-')", json_string_value(v));
        pop(b, old);
    }
    json_t *sources;
    size_t old;
    TRY(section(b, doc, "sources", true, &sources, &old));
    if (sources) {
        b->sources = sources;
        TRY(rd_sources(b, sources));
        pop(b, old);
    }
    json_t *rp;
    TRY(section(b, doc, "resident_pension", false, &rp, &old));
    if (rp) {
        TRY(rd_resident(b, rp, &b->P->rp));
        pop(b, old);
    }
    json_t *ltc;
    TRY(section(b, doc, "long_term_care", false, &ltc, &old));
    if (ltc) {
        TRY(rd_ltc(b, ltc, &b->P->ltc));
        pop(b, old);
    }
    return SHEBAO_OK;
}

int sb_policy_build(shebao_ctx *ctx, json_t *doc, const char *file, bool full, shebao_policy **out)
{
    shebao_policy *P = calloc(1, sizeof *P);
    if (!P)
        return sb_fail(ctx, SHEBAO_ENOMEM, "%s: out of memory", file);
    bctx b = {.ctx = ctx, .file = file, .full = full, .P = P, .path = "$", .plen = 1};
    int rc = rd_top(&b, doc);
    if (rc == SHEBAO_OK && full) {
        P->id = sb_strdup(json_string_value(json_object_get(doc, "id")));
        P->name = sb_strdup(json_string_value(json_object_get(doc, "name")));
        if (!P->id || !P->name)
            rc = oom(&b);
        /* resolve provenance */
        for (size_t i = 0; rc == SHEBAO_OK && i < P->nparams; i++) {
            sb_param *p = &P->params[i];
            p->status = SHEBAO_STATUS_UNSOURCED;
            p->title = "";
            p->url = "";
            for (size_t j = 0; p->source[0] && j < P->nsources; j++) {
                if (strcmp(p->source, P->sources[j].id) == 0) {
                    p->status = P->sources[j].status;
                    p->title = P->sources[j].title;
                    p->url = P->sources[j].url;
                }
            }
        }
    }
    if (rc != SHEBAO_OK || !out) {
        shebao_policy_free(P);
        return rc;
    }
    *out = P;
    return SHEBAO_OK;
}
