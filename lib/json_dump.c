/* A result's JSON document as text: what json_dumps(j, JSON_INDENT(2)) gives, byte for byte, written straight into
 * one growing buffer (jansson's own dump goes through a callback per token and costs several times more; a
 * projection's JSON was two thirds of a `shebao serve` request). The same layout as jansson 2.14's dump.c: an
 * object or array opens, each member on its own line indented two spaces a level ("key": value, separated by
 * ","), the closing bracket on a line at the parent's indent; empty ones as {} and []; strings with \\ \" \b \f \n
 * \r \t escaped and other characters below U+0020 as \u00XX (upper-case hex), everything else as is (jansson's
 * strings and keys are valid UTF-8); integers as %lld; true, false, null. Anything else (a real) is dumped by
 * jansson itself. tests/cli/cases (the golden outputs) hold the documents byte for byte. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "output.h"

typedef struct jbuf {
    char *s;
    size_t len, cap;
    int bad; /* out of memory, or a value this writer leaves to jansson */
} jbuf;

static void put(jbuf *b, const char *s, size_t n)
{
    if (b->bad)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *t = realloc(b->s, cap);
        if (!t) {
            b->bad = 1;
            return;
        }
        b->s = t;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
}

static void indent(jbuf *b, int depth)
{
    static const char sp[] = "\n                                                                ";
    int n = 2 * depth;
    put(b, sp, 1);
    for (; n > 0; n -= (int)sizeof sp - 2)
        put(b, sp + 1, (size_t)(n < (int)sizeof sp - 2 ? n : (int)sizeof sp - 2));
}

static void string(jbuf *b, const char *s, size_t n)
{
    put(b, "\"", 1);
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(b, s + from, i - from);
        from = i + 1;
        char seq[8];
        const char *e = c == '\\' ? "\\\\" : c == '"' ? "\\\"" : c == '\b' ? "\\b" : c == '\f' ? "\\f"
                      : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
        if (!e) {
            snprintf(seq, sizeof seq, "\\u%04X", c);
            e = seq;
        }
        put(b, e, strlen(e));
    }
    put(b, s + from, n - from);
    put(b, "\"", 1);
}

static void value(jbuf *b, const json_t *j, int depth)
{
    char num[32];
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        if (json_object_size(j) == 0) {
            put(b, "{}", 2);
            return;
        }
        put(b, "{", 1);
        const char *key;
        json_t *v;
        size_t k = 0;
        json_object_foreach((json_t *)j, key, v) {
            if (k++)
                put(b, ",", 1);
            indent(b, depth + 1);
            string(b, key, strlen(key));
            put(b, ": ", 2);
            value(b, v, depth + 1);
        }
        indent(b, depth);
        put(b, "}", 1);
        return;
    }
    case JSON_ARRAY: {
        size_t n = json_array_size(j);
        if (n == 0) {
            put(b, "[]", 2);
            return;
        }
        put(b, "[", 1);
        for (size_t i = 0; i < n; i++) {
            if (i)
                put(b, ",", 1);
            indent(b, depth + 1);
            value(b, json_array_get(j, i), depth + 1);
        }
        indent(b, depth);
        put(b, "]", 1);
        return;
    }
    case JSON_STRING:
        string(b, json_string_value(j), json_string_length(j));
        return;
    case JSON_INTEGER:
        put(b, num, (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(j)));
        return;
    case JSON_TRUE:
        put(b, "true", 4);
        return;
    case JSON_FALSE:
        put(b, "false", 5);
        return;
    case JSON_NULL:
        put(b, "null", 4);
        return;
    default:
        b->bad = 1;
    }
}

char *sb_output_dumps(const struct json_t *j)
{
    if (!j)
        return NULL;
    jbuf b = {0};
    value(&b, j, 0);
    put(&b, "", 0);
    if (b.bad) {
        free(b.s);
        return json_dumps(j, JSON_INDENT(2));
    }
    b.s[b.len] = '\0';
    return b.s;
}
