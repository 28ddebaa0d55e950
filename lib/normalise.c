/* What people type, made into what the parsers read (shebao_text_normalise): full-width forms to ASCII, the
 * ideographic space to a space, no spaces after a comma or around the whole text. Pure, no allocation. */
#include <string.h>

#include "internal.h"

/* The UTF-8 of U+FF01..U+FF5E is EF BC 81..BF (U+FF01..U+FF3F) and EF BD 80..9E (U+FF40..U+FF5E); U+3000 is
 * E3 80 80. The character at s (n bytes left) as one ASCII byte, with *len its length in bytes, or 0. */
static char narrow(const unsigned char *s, size_t n, size_t *len)
{
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x81 && s[2] <= 0xBF) {
        *len = 3;
        return (char)(0x21 + (s[2] - 0x81)); /* U+FF01 '！' → '!' ... U+FF3F '＿' → '_' */
    }
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBD && s[2] >= 0x80 && s[2] <= 0x9E) {
        *len = 3;
        return (char)(0x60 + (s[2] - 0x80)); /* U+FF40 '｀' → '`' ... U+FF5E '～' → '~' */
    }
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) {
        *len = 3;
        return ' '; /* U+3000 ideographic space */
    }
    return 0;
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

int shebao_text_normalise(const char *s, char *buf, size_t size)
{
    if (!s || !buf) {
        if (buf && size)
            buf[0] = '\0';
        return SHEBAO_EUSAGE;
    }
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0, o = 0;
    /* o <= i always (each step reads at least as many bytes as it writes), so buf may be s */
    bool after_comma = true; /* at the start: leading blanks go too */
    while (i < n) {
        size_t len = 1;
        char c = narrow(p + i, n - i, &len);
        if (!c)
            c = (char)p[i];
        i += len;
        if (is_blank(c) && after_comma)
            continue;
        if (o + 1 >= size) {
            if (size)
                buf[0] = '\0';
            return SHEBAO_EUSAGE;
        }
        buf[o++] = c;
        after_comma = c == ',';
    }
    while (o > 0 && is_blank(buf[o - 1])) /* trailing blanks */
        o--;
    if (size == 0)
        return SHEBAO_EUSAGE;
    buf[o] = '\0';
    return SHEBAO_OK;
}
