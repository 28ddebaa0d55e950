/* shebao serve: the language of a request before its body is read (docs/serve.md, "Languages"): the query argument
 * ?lang=zh|en|both, else the Accept-Language header, else the server's own (its --lang, or the environment). */
#include <string.h>
#include <strings.h>

#include <microhttpd.h>

#include "serve.h"

#define BLANKS " \t"

/* A q-value (RFC 9110 12.4.2: "0", "0.5", "1.000") at *p, in thousandths, *p moved past it; false if none. */
static bool q_value(const char **p, int *q)
{
    const char *s = *p;
    if (*s != '0' && *s != '1')
        return false;
    int v = (*s++ - '0') * 1000, scale = 100, digits = 0;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9' && digits < 3; s++, digits++, scale /= 10)
            v += (*s - '0') * scale;
    if (v > 1000 || (*s >= '0' && *s <= '9'))
        return false;
    *q = v;
    *p = s;
    return true;
}

/* Whether the language tag tag (n bytes) is lang ("zh") or one of its variants ("zh-CN"), in any case. */
static bool tag_is(const char *tag, size_t n, const char *lang)
{
    size_t k = strlen(lang);
    return n >= k && strncasecmp(tag, lang, k) == 0 && (n == k || tag[k] == '-');
}

bool serve_accept_language(const char *h, cli_lang *out)
{
    int best = 0; /* the q of the tag chosen; a tag of q 0 is not acceptable */
    bool found = false;
    for (const char *p = h;;) {
        p += strspn(p, BLANKS ",");
        if (!*p)
            return found;
        size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-*");
        if (n == 0)
            return false;
        const char *tag = p;
        int q = 1000;
        p += n;
        p += strspn(p, BLANKS);
        if (*p == ';') {
            p += 1 + strspn(p + 1, BLANKS);
            if (*p != 'q' && *p != 'Q')
                return false;
            p += 1 + strspn(p + 1, BLANKS);
            if (*p != '=')
                return false;
            p += 1 + strspn(p + 1, BLANKS);
            if (!q_value(&p, &q))
                return false;
            p += strspn(p, BLANKS);
        }
        if (*p && *p != ',')
            return false;
        bool zh = tag_is(tag, n, "zh");
        if ((zh || tag_is(tag, n, "en")) && q > best) { /* ties: the first stays */
            best = q;
            *out = zh ? CLI_LANG_ZH : CLI_LANG_EN;
            found = true;
        }
    }
}

bool serve_request_lang(const serve_conf *c, struct MHD_Connection *conn, cli_lang *out, const char **bad)
{
    const char *v = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "lang");
    *out = c->lang;
    *bad = NULL;
    if (v) {
        if (cli_lang_from_name(v, out))
            return true;
        *bad = v;
        /* the refusal of a bad ?lang= is still in the header's language */
    }
    const char *h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
    cli_lang l;
    if (h && serve_accept_language(h, &l))
        *out = l;
    return !*bad;
}
