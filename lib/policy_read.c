/* Reading a policy document: paths, errors, shapes, typed values and members, array entries, provenance. The
 * sections (policy_resident.c, policy_ltc.c) are written with these readers only. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "policy_read.h"

const char *const sb_pread_rounding_names[] = {"fen_half_up", "jiao_up", "jiao_half_up", "yuan_half_up",
                                               "fen_truncate", NULL};
const char *const sb_pread_rounding_or_none_names[] = {"fen_half_up", "jiao_up", "jiao_half_up", "yuan_half_up",
                                                       "fen_truncate", "none", NULL};

/* ---- paths and errors ------------------------------------------------------------------------------------ */

/* Append text to the path (unless it would not fit); the length to pop back to. */
static size_t pread_push(sb_pread *b, const char *text)
{
    size_t old = b->plen, n = strlen(text);
    if (old + n < sizeof b->path) {
        memcpy(b->path + old, text, n + 1);
        b->plen = old + n;
    }
    return old;
}

/* The path names the value in messages. A key longer than 63 bytes (never one of the schema's: an unknown key, a
 * source id) is abbreviated by SB_SHOW, so that the message keeps room for what is wrong. */
size_t sb_pread_push_key(sb_pread *b, const char *key)
{
    char text[sizeof b->path + 1];
    snprintf(text, sizeof text, ".%.*s%s", SB_SHOW(key, strlen(key)));
    return pread_push(b, text);
}

size_t sb_pread_push_idx(sb_pread *b, size_t i)
{
    char text[24];
    snprintf(text, sizeof text, "[%zu]", i);
    return pread_push(b, text);
}

void sb_pread_pop(sb_pread *b, size_t old)
{
    b->plen = old;
    b->path[old] = '\0';
}

void sb_pread_ppath(const sb_pread *b, char *out, size_t size)
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

int sb_pread_err(sb_pread *b, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, sb_tr(b->ctx, fmt), ap);
    va_end(ap);
    return sb_fail(b->ctx, SHEBAO_EPOLICY, "%s: %s: %s", b->file, b->path, msg);
}

int sb_pread_oom(sb_pread *b) { return sb_fail(b->ctx, SHEBAO_ENOMEM, "%s: out of memory", b->file); }

/* ---- shapes ---------------------------------------------------------------------------------------------- */

const char *sb_pread_type_name(const sb_pread *b, const json_t *v)
{
    static const char *const en[] = {"an object", "an array", "a string", "an integer", "a number", "a boolean",
                                     "null"},
                             *const zh[] = {"对象", "数组", "字符串", "整数", "数", "true 或 false", "null"};
    int k;
    switch (json_typeof(v)) {
    case JSON_OBJECT: k = 0; break;
    case JSON_ARRAY: k = 1; break;
    case JSON_STRING: k = 2; break;
    case JSON_INTEGER: k = 3; break;
    case JSON_REAL: k = 4; break;
    case JSON_TRUE:
    case JSON_FALSE: k = 5; break;
    default: k = 6; break;
    }
    return b && b->ctx && b->ctx->lang == SHEBAO_LANG_ZH ? zh[k] : en[k];
}

/* An expected shape ("an object {\"from\", \"value\"}", "an object keyed by care mode") in the language of b's
 * context, into buf: in zh its words before the braces in Chinese and " or " as " 或 "; the member names stay. */
static const char *shape_words(const sb_pread *b, const char *what, char *buf, size_t size)
{
    if (!b->ctx || b->ctx->lang != SHEBAO_LANG_ZH)
        return what;
    static const char *const words[][2] = {
        {"an object keyed by insured group", "以参保人员类别为键的对象"},
        {"an object keyed by care mode", "以护理方式为键的对象"},
        {"an object", "对象"},
        {"an array", "数组"},
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t len = strlen(words[i][0]);
        if (strncmp(what, words[i][0], len) == 0) {
            n = (size_t)snprintf(buf, size, "%s", words[i][1]);
            what += len;
            break;
        }
    }
    for (; *what && n + 1 < size; what++) {
        if (strncmp(what, " or ", 4) == 0 && n + 6 < size) {
            memcpy(buf + n, " 或 ", 5); /* (the 3 bytes of 或 between blanks) */
            n += 5;
            what += 3;
        } else {
            buf[n++] = *what;
        }
    }
    buf[n < size ? n : size - 1] = '\0';
    return buf;
}

int sb_pread_check_keys(sb_pread *b, json_t *obj, const char *const *allowed)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        bool ok = false;
        for (size_t i = 0; allowed[i]; i++)
            if (strcmp(key, allowed[i]) == 0)
                ok = true;
        if (!ok) {
            size_t old = sb_pread_push_key(b, key);
            int rc = sb_pread_err(b, "unknown key '%.*s%s'", SHOW(key));
            sb_pread_pop(b, old);
            return rc;
        }
    }
    return SHEBAO_OK;
}

int sb_pread_expect_type(sb_pread *b, json_t *v, json_type t, const char *what)
{
    if (json_typeof(v) != t && !(t == JSON_TRUE && json_is_boolean(v)))
    {
        char buf[160];
        return sb_pread_err(b, "must be %s, not %s", shape_words(b, what, buf, sizeof buf),
                            sb_pread_type_name(b, v));
    }
    return SHEBAO_OK;
}

int sb_pread_expect_array(sb_pread *b, json_t *v, bool nonempty)
{
    TRY(sb_pread_expect_type(b, v, JSON_ARRAY, "an array"));
    if (nonempty && json_array_size(v) == 0)
        return sb_pread_err(b, "must not be empty");
    return SHEBAO_OK;
}

int sb_pread_source(sb_pread *b, json_t *obj, const char *inherited, const char **out)
{
    *out = inherited;
    json_t *s = json_object_get(obj, "source");
    if (!s)
        return SHEBAO_OK;
    size_t old = sb_pread_push_key(b, "source");
    int rc = SHEBAO_OK;
    if (!json_is_string(s) || json_string_length(s) == 0)
        rc = sb_pread_err(b, "must be a non-empty source id string");
    else if (b->full && !json_object_get(b->sources, json_string_value(s)))
        rc = sb_pread_err(b, "unknown source id '%.*s%s' (not in $.sources)", SHOW(json_string_value(s)));
    else
        *out = json_string_value(s);
    sb_pread_pop(b, old);
    return rc;
}

int sb_pread_open(sb_pread *b, json_t *obj, const char *const *keys, const char *inherited, const char *from,
                  sb_pread_obj *o)
{
    *o = (sb_pread_obj){obj, NULL, from};
    TRY(sb_pread_check_keys(b, obj, keys));
    return sb_pread_source(b, obj, inherited, &o->src);
}

/* ---- values ---------------------------------------------------------------------------------------------- */

static int pread_dec(sb_pread *b, json_t *v, sb_dec *out)
{
    if (!json_is_string(v))
        return sb_pread_err(b, "must be a decimal string such as \"190\" or \"0.0262\", not %s",
                            sb_pread_type_name(b, v));
    const char *why = NULL;
    if (sb_dec_parse(json_string_value(v), out, &why) != SHEBAO_OK)
        return sb_pread_err(b, "'%.40s' is not a valid decimal: %s", json_string_value(v), sb_tr(b->ctx, why));
    return SHEBAO_OK;
}

static int pread_amount(sb_pread *b, json_t *v, int64_t *fen)
{
    sb_dec d;
    TRY(pread_dec(b, v, &d));
    const char *text = json_string_value(v), *dot = strchr(text, '.');
    if (text[0] == '-' && d.num == 0)
        return sb_pread_err(b, "amount '%.*s%s' must not be negative", SHOW(text));
    if (text[0] == '+')
        return sb_pread_err(b, "amount '%.*s%s' must be written without a sign", SHOW(text));
    if (dot && strlen(dot + 1) > 2)
        return sb_pread_err(b, "amount '%.*s%s' has more than two decimals", SHOW(text));
    if (d.num < 0)
        return sb_pread_err(b, "amount '%.*s%s' must not be negative", SHOW(text));
    if (d.scale > 2)
        return sb_pread_err(b, "amount '%.*s%s' has more than two decimals", SHOW(text));
    if (!sb_dec_to_fen(d, fen) || *fen > INT64_C(100000000000000)) /* 1e12 yuan */
        return sb_pread_err(b, "amount '%.*s%s' is out of range", SHOW(text));
    return SHEBAO_OK;
}

int sb_pread_v_int(sb_pread *b, json_t *v, int lo, int hi, int *out)
{
    if (!json_is_integer(v))
        return sb_pread_err(b, "must be an integer, not %s", sb_pread_type_name(b, v));
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi)
        return sb_pread_err(b, "%lld is outside %d..%d", (long long)x, lo, hi);
    *out = (int)x;
    return SHEBAO_OK;
}

int sb_pread_v_bool(sb_pread *b, json_t *v, bool *out)
{
    if (!json_is_boolean(v))
        return sb_pread_err(b, "must be true or false, not %s", sb_pread_type_name(b, v));
    *out = json_is_true(v);
    return SHEBAO_OK;
}

int sb_pread_v_month(sb_pread *b, json_t *v, sb_month *out)
{
    if (!json_is_string(v) || !sb_month_parse(json_string_value(v), out))
        return sb_pread_err(b, "must be a month \"YYYY-MM\" (year %d-%d, month 01-12)", SB_YEAR_MIN, SB_YEAR_MAX);
    return SHEBAO_OK;
}

int sb_pread_v_num(sb_pread *b, json_t *v, sb_pread_kind kind, int64_t *fen, sb_dec *dec, char *text,
                   size_t size)
{
    if (kind == SB_PREAD_AMOUNT) {
        TRY(pread_amount(b, v, fen));
        if (text)
            shebao_money_format(*fen, text, size);
        return SHEBAO_OK;
    }
    TRY(pread_dec(b, v, dec));
    const char *s = json_string_value(v);
    if (kind == SB_PREAD_RATE && (dec->num < 0 || sb_dec_cmp(*dec, (sb_dec){1, 0}) >= 0))
        return sb_pread_err(b, "rate '%.*s%s' must be in [0, 1)", SHOW(s));
    if (kind == SB_PREAD_INTEREST && !sb_rate_ok(*dec)) {
        char why[160];
        sb_rate_why(*dec, why, sizeof why);
        return sb_pread_err(b, "rate '%.*s%s' must be in " SB_RATE_BOUNDS " (%s)", SHOW(s), why);
    }
    if (kind == SB_PREAD_POSITIVE && dec->num <= 0)
        return sb_pread_err(b, "'%.*s%s' must be greater than zero", SHOW(s));
    if (kind == SB_PREAD_RATIO || kind == SB_PREAD_HOURS) {
        if (s[0] == '-')
            return sb_pread_err(b, "'%.*s%s' must not be negative", SHOW(s));
        if (s[0] == '+')
            return sb_pread_err(b, "'%.*s%s' must be written without a sign", SHOW(s));
        if (kind == SB_PREAD_RATIO && sb_dec_cmp(*dec, (sb_dec){1, 0}) > 0)
            return sb_pread_err(b, "ratio '%.*s%s' must be in [0, 1]", SHOW(s));
    }
    if (text)
        sb_dec_format(*dec, text, size);
    return SHEBAO_OK;
}

/* ---- members of an object -------------------------------------------------------------------------------- */

int sb_pread_lookup(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, json_t **m)
{
    *m = json_object_get(o->json, key);
    if (!o->from) {
        if (*m && json_is_null(*m) && !b->full)
            *m = NULL; /* a child's null removes the inherited value */
        else if (!*m && req && b->full)
            return sb_pread_err(b, "missing required field '%s'", key);
        return SHEBAO_OK;
    }
    /* a dated entry replaces the inherited one whole: nothing to remove, and nothing missing to inherit */
    if (!*m && req)
        return sb_pread_err(b, "missing required field '%s'", key);
    if (*m && json_is_null(*m)) {
        size_t old = sb_pread_push_key(b, key);
        int rc = sb_pread_err(b, "must not be null inside a dated entry");
        sb_pread_pop(b, old);
        return rc;
    }
    return SHEBAO_OK;
}

bool sb_pread_has(const sb_pread_obj *o, const char *key)
{
    json_t *m = json_object_get(o->json, key);
    return m && !json_is_null(m);
}

int sb_pread_field(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, sb_pread_val *f)
{
    json_t *m;
    f->v = NULL;
    TRY(sb_pread_lookup(b, o, key, req, &m));
    if (!m)
        return SHEBAO_OK;
    f->old = sb_pread_push_key(b, key);
    f->src = o->src;
    if (json_is_object(m)) {
        static const char *const keys[] = {"value", "source", NULL};
        int rc = sb_pread_check_keys(b, m, keys);
        if (rc == SHEBAO_OK && !json_object_get(m, "value"))
            rc = sb_pread_err(b, "an object here needs a \"value\" member");
        if (rc == SHEBAO_OK)
            rc = sb_pread_source(b, m, o->src, &f->src);
        if (rc != SHEBAO_OK) {
            sb_pread_pop(b, f->old);
            return rc;
        }
        m = json_object_get(m, "value");
    }
    f->v = m;
    return SHEBAO_OK;
}

int sb_pread_record(sb_pread *b, const sb_pread_obj *o, const sb_pread_val *f, const char *text, uint32_t *param)
{
    TRY(sb_pread_here(b, o->from, text, f->src, param));
    sb_pread_pop(b, f->old);
    return SHEBAO_OK;
}

int sb_pread_int(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, int lo, int hi, int *out,
                 uint32_t *param)
{
    sb_pread_val f;
    TRY(sb_pread_field(b, o, key, req, &f));
    if (!f.v)
        return SHEBAO_OK;
    TRY(sb_pread_v_int(b, f.v, lo, hi, out));
    char text[24];
    snprintf(text, sizeof text, "%d", *out);
    return sb_pread_record(b, o, &f, text, param);
}

int sb_pread_bool(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, bool *out, uint32_t *param)
{
    sb_pread_val f;
    TRY(sb_pread_field(b, o, key, req, &f));
    if (!f.v)
        return SHEBAO_OK;
    TRY(sb_pread_v_bool(b, f.v, out));
    return sb_pread_record(b, o, &f, *out ? "true" : "false", param);
}

int sb_pread_month(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, sb_month *out, uint32_t *param)
{
    sb_pread_val f;
    TRY(sb_pread_field(b, o, key, req, &f));
    if (!f.v)
        return SHEBAO_OK;
    TRY(sb_pread_v_month(b, f.v, out));
    return sb_pread_record(b, o, &f, json_string_value(f.v), param);
}

int sb_pread_num(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, sb_pread_kind kind, int64_t *fen,
                 sb_dec *dec, uint32_t *param)
{
    sb_pread_val f;
    TRY(sb_pread_field(b, o, key, req, &f));
    if (!f.v)
        return SHEBAO_OK;
    char text[64];
    TRY(sb_pread_v_num(b, f.v, kind, fen, dec, text, sizeof text));
    return sb_pread_record(b, o, &f, text, param);
}

int sb_pread_name(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, const char *const *names,
                  int *out, uint32_t *param)
{
    sb_pread_val f;
    TRY(sb_pread_field(b, o, key, req, &f));
    if (!f.v)
        return SHEBAO_OK;
    char list[160] = "";
    for (int i = 0; names[i]; i++) {
        if (json_is_string(f.v) && strcmp(json_string_value(f.v), names[i]) == 0) {
            *out = i;
            return sb_pread_record(b, o, &f, names[i], param);
        }
        const char *comma = b->ctx && b->ctx->lang == SHEBAO_LANG_ZH ? "、" : ", ";
        strncat(list, i ? comma : "", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    return sb_pread_err(b, "must be one of %s", list);
}

int sb_pread_sub(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, json_type type, sb_pread_fn fn,
                 void *out)
{
    json_t *v;
    TRY(sb_pread_lookup(b, o, key, req, &v));
    if (!v)
        return SHEBAO_OK;
    size_t old = sb_pread_push_key(b, key);
    if (type == JSON_OBJECT)
        TRY(sb_pread_expect_type(b, v, JSON_OBJECT, "an object"));
    TRY(fn(b, v, o->src, out));
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

/* ---- entries of arrays ----------------------------------------------------------------------------------- */

void *sb_pread_list(sb_pread *b, json_t *arr, bool nonempty, size_t size, int *rc)
{
    *rc = sb_pread_expect_array(b, arr, nonempty);
    if (*rc != SHEBAO_OK)
        return NULL;
    size_t n = json_array_size(arr);
    void *room = calloc(n ? n : 1, size);
    if (!room)
        *rc = sb_pread_oom(b);
    return room;
}

int sb_pread_each(sb_pread *b, json_t *arr, const sb_pread_shape *shape, const char *inherited, sb_pread_item_fn fn,
                  void *out)
{
    sb_pread_item it = {.n = json_array_size(arr)};
    for (it.i = 0; it.i < it.n; it.i++) {
        it.e = json_array_get(arr, it.i);
        size_t old = sb_pread_push_idx(b, it.i);
        TRY(sb_pread_expect_type(b, it.e, JSON_OBJECT, shape->what));
        TRY(sb_pread_check_keys(b, it.e, shape->keys));
        TRY(sb_pread_source(b, it.e, inherited, &it.src));
        for (size_t k = 0; shape->req[k]; k++)
            if (!json_object_get(it.e, shape->req[k]))
                return sb_pread_err(b, "missing required field '%s'", shape->req[k]);
        TRY(fn(b, &it, out));
        sb_pread_pop(b, old);
    }
    return SHEBAO_OK;
}

int sb_pread_from(sb_pread *b, json_t *e, sb_month prev, sb_month *out)
{
    size_t old = sb_pread_push_key(b, "from");
    TRY(sb_pread_v_month(b, json_object_get(e, "from"), out));
    if (prev >= 0 && *out <= prev) {
        char a[8], c[8];
        sb_month_format(*out, a, sizeof a);
        sb_month_format(prev, c, sizeof c);
        return sb_pread_err(b, "dates must be strictly increasing (%s after %s)", a, c);
    }
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

int sb_pread_e_int(sb_pread *b, json_t *e, const char *key, int lo, int hi, int *out)
{
    size_t old = sb_pread_push_key(b, key);
    TRY(sb_pread_v_int(b, json_object_get(e, key), lo, hi, out));
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

int sb_pread_e_num(sb_pread *b, json_t *e, const char *key, sb_pread_kind kind, int64_t *fen, sb_dec *dec,
                   char *text, size_t size)
{
    size_t old = sb_pread_push_key(b, key);
    TRY(sb_pread_v_num(b, json_object_get(e, key), kind, fen, dec, text, size));
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

static int pread_series_entry(sb_pread *b, const sb_pread_item *it, void *out)
{
    sb_series *se = out;
    sb_dated_money *d = &se->v[it->i];
    TRY(sb_pread_from(b, it->e, it->i > 0 ? d[-1].from : -1, &d->from));
    char m[SHEBAO_MONEY_BUFSZ];
    TRY(sb_pread_e_num(b, it->e, "value", SB_PREAD_AMOUNT, &d->fen, NULL, m, sizeof m));
    se->n = it->i + 1;
    return sb_pread_here(b, json_string_value(json_object_get(it->e, "from")), m, it->src, &d->param);
}

int sb_pread_series(sb_pread *b, json_t *arr, const char *inherited, bool nonempty, sb_series *out)
{
    static const char *const keys[] = {"from", "value", "source", NULL}, *const req[] = {"from", "value", NULL};
    static const sb_pread_shape shape = {"an object {\"from\", \"value\", \"source\"}", keys, req};
    int rc;
    if (!(out->v = sb_pread_list(b, arr, nonempty, sizeof *out->v, &rc)))
        return rc;
    return sb_pread_each(b, arr, &shape, inherited, pread_series_entry, out);
}

/* ---- provenance ------------------------------------------------------------------------------------------ */

int sb_pread_param(sb_pread *b, const char *path, const char *from, const char *value, const char *src,
                   uint32_t *index)
{
    shebao_policy *P = b->P;
    if (P->nparams == P->capparams) {
        size_t cap = P->capparams ? P->capparams * 2 : 64;
        sb_param *n = realloc(P->params, cap * sizeof *n);
        if (!n)
            return sb_pread_oom(b);
        P->params = n;
        P->capparams = cap;
    }
    sb_param *p = &P->params[P->nparams];
    memset(p, 0, sizeof *p);
    p->path = sb_strdup(path);
    p->from = sb_strdup(from ? from : "");
    p->value = sb_strdup(value);
    p->source = sb_strdup(src ? src : "");
    if (!p->path || !p->from || !p->value || !p->source) {
        free(p->path);
        free(p->from);
        free(p->value);
        free(p->source);
        return sb_pread_oom(b);
    }
    if (index)
        *index = (uint32_t)P->nparams;
    P->nparams++;
    return SHEBAO_OK;
}

int sb_pread_here(sb_pread *b, const char *from, const char *value, const char *src, uint32_t *index)
{
    char pp[sizeof b->path];
    sb_pread_ppath(b, pp, sizeof pp);
    return sb_pread_param(b, pp, from, value, src, index);
}
