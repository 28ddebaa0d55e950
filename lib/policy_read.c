/* Reading a policy document: paths, errors, shapes, typed values, provenance. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "policy_read.h"

/* ---- paths and errors ------------------------------------------------------------------------------------ */

size_t sb_pread_push_key(sb_pread *b, const char *k)
{
    size_t old = b->plen;
    int n = snprintf(b->path + old, sizeof b->path - old, ".%s", k);
    if (n > 0 && old + (size_t)n < sizeof b->path)
        b->plen = old + (size_t)n;
    b->path[b->plen] = '\0';
    return old;
}

size_t sb_pread_push_idx(sb_pread *b, size_t i)
{
    size_t old = b->plen;
    int n = snprintf(b->path + old, sizeof b->path - old, "[%zu]", i);
    if (n > 0 && old + (size_t)n < sizeof b->path)
        b->plen = old + (size_t)n;
    b->path[b->plen] = '\0';
    return old;
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
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return sb_fail(b->ctx, SHEBAO_EPOLICY, "%s: %s: %s", b->file, b->path, msg);
}

int sb_pread_oom(sb_pread *b) { return sb_fail(b->ctx, SHEBAO_ENOMEM, "%s: out of memory", b->file); }

/* ---- shapes ---------------------------------------------------------------------------------------------- */

const char *sb_pread_type_name(const json_t *v)
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
            int rc = sb_pread_err(b, "unknown key '%s'", key);
            sb_pread_pop(b, old);
            return rc;
        }
    }
    return SHEBAO_OK;
}

int sb_pread_expect_type(sb_pread *b, json_t *v, json_type t, const char *what)
{
    if (json_typeof(v) != t && !(t == JSON_TRUE && json_is_boolean(v)))
        return sb_pread_err(b, "must be %s, not %s", what, sb_pread_type_name(v));
    return SHEBAO_OK;
}

int sb_pread_expect_array(sb_pread *b, json_t *v, bool nonempty)
{
    TRY(sb_pread_expect_type(b, v, JSON_ARRAY, "an array"));
    if (nonempty && json_array_size(v) == 0)
        return sb_pread_err(b, "must not be empty");
    return SHEBAO_OK;
}

/* "source" member of obj (if any) overrides the inherited one; checked against `sources` in full mode. */
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
        rc = sb_pread_err(b, "unknown source id '%s' (not in $.sources)", json_string_value(s));
    else
        *out = json_string_value(s);
    sb_pread_pop(b, old);
    return rc;
}

/* ---- values ---------------------------------------------------------------------------------------------- */

int sb_pread_v_dec(sb_pread *b, json_t *v, sb_dec *out)
{
    if (!json_is_string(v))
        return sb_pread_err(b, "must be a decimal string such as \"190\" or \"0.0262\", not %s", sb_pread_type_name(v));
    const char *why = NULL;
    if (sb_dec_parse(json_string_value(v), out, &why) != SHEBAO_OK)
        return sb_pread_err(b, "'%.40s' is not a valid decimal: %s", json_string_value(v), why);
    return SHEBAO_OK;
}

int sb_pread_v_amount(sb_pread *b, json_t *v, int64_t *fen)
{
    sb_dec d;
    TRY(sb_pread_v_dec(b, v, &d));
    const char *text = json_string_value(v), *dot = strchr(text, '.');
    if (text[0] == '-' && d.num == 0)
        return sb_pread_err(b, "amount '%s' must not be negative", text);
    if (text[0] == '+')
        return sb_pread_err(b, "amount '%s' must be written without a sign", text);
    if (dot && strlen(dot + 1) > 2)
        return sb_pread_err(b, "amount '%s' has more than two decimals", text);
    if (d.num < 0)
        return sb_pread_err(b, "amount '%s' must not be negative", json_string_value(v));
    if (d.scale > 2)
        return sb_pread_err(b, "amount '%s' has more than two decimals", json_string_value(v));
    if (!sb_dec_to_fen(d, fen) || *fen > INT64_C(100000000000000)) /* 1e12 yuan */
        return sb_pread_err(b, "amount '%s' is out of range", json_string_value(v));
    return SHEBAO_OK;
}

int sb_pread_v_rate(sb_pread *b, json_t *v, sb_dec *out)
{
    TRY(sb_pread_v_dec(b, v, out));
    if (out->num < 0 || sb_dec_cmp(*out, (sb_dec){1, 0}) >= 0)
        return sb_pread_err(b, "rate '%s' must be in [0, 1)", json_string_value(v));
    return SHEBAO_OK;
}

int sb_pread_v_int(sb_pread *b, json_t *v, int lo, int hi, int *out)
{
    if (!json_is_integer(v))
        return sb_pread_err(b, "must be an integer, not %s", sb_pread_type_name(v));
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi)
        return sb_pread_err(b, "%lld is outside %d..%d", (long long)x, lo, hi);
    *out = (int)x;
    return SHEBAO_OK;
}

int sb_pread_v_bool(sb_pread *b, json_t *v, bool *out)
{
    if (!json_is_boolean(v))
        return sb_pread_err(b, "must be true or false, not %s", sb_pread_type_name(v));
    *out = json_is_true(v);
    return SHEBAO_OK;
}

int sb_pread_v_month(sb_pread *b, json_t *v, sb_month *out)
{
    if (!json_is_string(v) || !sb_month_parse(json_string_value(v), out))
        return sb_pread_err(b, "must be a month \"YYYY-MM\" (year %d-%d, month 01-12)", SB_YEAR_MIN, SB_YEAR_MAX);
    return SHEBAO_OK;
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
    p->path = sb_strdup(path[0] == '$' && path[1] == '.' ? path + 2 : path);
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
