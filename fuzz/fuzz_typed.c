/* Fuzz target: what people type (shebao_text_normalise, shebao_month_parse_loose). For any text: the result is
 * never longer than the text and has no blank at either end nor after a comma; normalising it again changes
 * nothing; done in place it is the same; ASCII text without blanks comes out as it went in. A month the loose
 * parser reads is in 1900-2199 / 1-12 and, formatted, is read back by both parsers as the same month; a text the
 * strict parser reads, the loose one reads the same. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "shebao.h"

static void check_normalise(const char *s)
{
    size_t n = strlen(s);
    char *a = malloc(n + 1), *b = malloc(n + 1), *c = malloc(n + 1);
    if (!a || !b || !c) {
        free(a), free(b), free(c);
        return;
    }
    fuzz_check(shebao_text_normalise(s, a, n + 1) == SHEBAO_OK, "strlen + 1 bytes are always enough", s);
    size_t m = strlen(a);
    fuzz_check(m <= n, "never longer", s);
    fuzz_check(m == 0 || (a[0] != ' ' && a[0] != '\t' && a[m - 1] != ' ' && a[m - 1] != '\t'), "no blank at the ends",
               s);
    for (size_t i = 0; i + 1 < m; i++)
        fuzz_check(!(a[i] == ',' && (a[i + 1] == ' ' || a[i + 1] == '\t')), "no blank after a comma", s);
    fuzz_check(shebao_text_normalise(a, b, n + 1) == SHEBAO_OK && strcmp(a, b) == 0, "idempotent", s);
    memcpy(c, s, n + 1);
    fuzz_check(shebao_text_normalise(c, c, n + 1) == SHEBAO_OK && strcmp(a, c) == 0, "in place the same", s);
    int plain = 1;
    for (size_t i = 0; i < n; i++)
        plain &= (unsigned char)s[i] < 0x80 && s[i] != ' ' && s[i] != '\t';
    fuzz_check(!plain || strcmp(a, s) == 0, "ASCII without blanks is kept", s);
    free(a), free(b), free(c);
}

static void check_month(const char *s)
{
    int y = 0, m = 0, y2 = 0, m2 = 0;
    if (shebao_month_parse(s, &y, &m) == SHEBAO_OK)
        fuzz_check(shebao_month_parse_loose(s, &y2, &m2) == SHEBAO_OK && y2 == y && m2 == m,
                   "the loose parser reads what the strict one reads", s);
    if (shebao_month_parse_loose(s, &y, &m) != SHEBAO_OK)
        return;
    fuzz_check(y >= 1900 && y <= 2199 && m >= 1 && m <= 12, "a month in range", s);
    char buf[SHEBAO_MONTH_BUFSZ];
    fuzz_check(shebao_month_format(y, m, buf, sizeof buf) == SHEBAO_OK, "a read month formats", s);
    fuzz_check(shebao_month_parse(buf, &y2, &m2) == SHEBAO_OK && y2 == y && m2 == m, "strict round trip", s);
    fuzz_check(shebao_month_parse_loose(buf, &y2, &m2) == SHEBAO_OK && y2 == y && m2 == m, "loose round trip", s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size);
    if (!s)
        return 0;
    check_normalise(s);
    check_month(s);
    free(s);
    return 0;
}
