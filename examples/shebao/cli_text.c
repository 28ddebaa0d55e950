/* Terminal text: display width of UTF-8 strings (CJK characters take two columns) and padding; amounts, figures and
 * the non-official values as the commands print them. */
#include <string.h>

#include "cli.h"
#include "cli_words.h"

/* The length of the valid UTF-8 sequence at s (n bytes left), 0 if there is none. */
size_t cli_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (k == 0 || k > n)
        return 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] >= 0x90))
        return 0; /* overlong, a surrogate, past U+10FFFF */
    return k;
}

static int wide(unsigned long c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

int cli_width(const char *s)
{
    int w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned long c;
        int len;
        if (*p < 0x80) {
            c = *p;
            len = 1;
        } else if ((*p & 0xE0) == 0xC0) {
            c = *p & 0x1F;
            len = 2;
        } else if ((*p & 0xF0) == 0xE0) {
            c = *p & 0x0F;
            len = 3;
        } else if ((*p & 0xF8) == 0xF0) {
            c = *p & 0x07;
            len = 4;
        } else {
            p++;
            w++;
            continue;
        }
        int i = 1;
        for (; i < len && (p[i] & 0xC0) == 0x80; i++)
            c = (c << 6) | (p[i] & 0x3F);
        p += i;
        w += wide(c) ? 2 : 1;
    }
    return w;
}

void cli_pad(FILE *f, const char *s, int width, bool right)
{
    int pad = width - cli_width(s);
    if (right)
        for (int i = 0; i < pad; i++)
            fputc(' ', f);
    fputs(s, f);
    if (!right)
        for (int i = 0; i < pad; i++)
            fputc(' ', f);
}

void cli_label(FILE *f, const char *zh, int zw, const char *en, int ew)
{
    const char *one = cli_pick(zh, en);
    if (!one || one == zh)
        cli_pad(f, zh, zw, false);
    if (!one || one == en)
        cli_pad(f, en, ew, false);
}

void cli_print_param(const shebao_param *q)
{
    cli_lang l = cli_lang_get();
    char value[256], source[256];
    fputs("  ", stdout);
    cli_pad(stdout, cli_status(q->status, l), 11, false);
    printf(" %s%s%s = %s  (%s)\n", q->path, q->from[0] ? "@" : "", q->from,
           cli_value_words(q->value, l, value, sizeof value), cli_value_words(q->source, l, source, sizeof source));
}

void cli_print_params(const char *who, size_t n, cli_param_at *at, const void *from)
{
    if (!n)
        return;
    char zh[64], en[120];
    snprintf(zh, sizeof zh, "\n依据的非官方数值（%zu 项）：", n);
    snprintf(en, sizeof en, "\n%s on %zu non-official value(s):", who, n);
    if (cli_pick(zh, en))
        cli_head(stdout, zh, en);
    else
        printf("\n非官方数值 %s on %zu non-official value(s):\n", who, n);
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        at(from, i, &q);
        cli_print_param(&q);
    }
}

const char *cli_money(shebao_fen f, char buf[SHEBAO_MONEY_BUFSZ])
{
    shebao_money_format(f, buf, SHEBAO_MONEY_BUFSZ);
    return buf;
}

const char *cli_fig(const shebao_projection *p, shebao_figure w, char buf[SHEBAO_MONEY_BUFSZ])
{
    shebao_fen f;
    if (shebao_projection_figure(p, w, &f) != SHEBAO_OK)
        return "";
    return cli_money(f, buf);
}

void cli_csv_figures(const shebao_projection *p)
{
    static const shebao_figure figs[] = {SHEBAO_FIG_BALANCE,       SHEBAO_FIG_ACCOUNT_PENSION,
                                         SHEBAO_FIG_BASE_PENSION,  SHEBAO_FIG_YEARS_PENSION,
                                         SHEBAO_FIG_AGE_SUPPLEMENT, SHEBAO_FIG_MONTHLY_TOTAL,
                                         SHEBAO_FIG_PERSONAL_TOTAL};
    char a[SHEBAO_MONEY_BUFSZ];
    for (size_t i = 0; i < sizeof figs / sizeof figs[0]; i++)
        printf("%s,", cli_fig(p, figs[i], a));
}

/* One back-payment path of the advice. */
static void advice_path(const char *zh, const char *en, int years, shebao_fen grade, shebao_fen cost,
                        shebao_fen monthly)
{
    char g[SHEBAO_MONEY_BUFSZ], c[SHEBAO_MONEY_BUFSZ], m[SHEBAO_MONEY_BUFSZ], z[256], e[256];
    cli_money(grade, g);
    cli_money(cost, c);
    cli_money(monthly, m);
    snprintf(z, sizeof z, "  按%s补缴%d年（每年%s元），共%s元，每月可领%s元", zh, years, g, c, m);
    snprintf(e, sizeof e, "  back payment of %d year(s) at the %s allowed grade %s: %s in total, a pension of %s a "
             "month", years, en, g, c, m);
    cli_head(stdout, z, e);
}

void cli_print_advice(const shebao_projection *p)
{
    shebao_advice a = SHEBAO_ADVICE_INIT;
    if (shebao_projection_advice(p, &a) != SHEBAO_OK)
        return;
    char z[160], e[160];
    cli_head(stdout, "\n怎样才能领取", "\nWhat it would take");
    snprintf(z, sizeof z, "  已缴%d年，需缴%d年，还差%d年", a.years_paid, a.years_required, a.years_missing);
    snprintf(e, sizeof e, "  paid %d of the %d years required, %d missing", a.years_paid, a.years_required,
             a.years_missing);
    cli_head(stdout, z, e);
    if (a.years_payable) {
        snprintf(z, sizeof z, "  还可以按年缴费%d年（%d–%d年，最后可缴年份%d年）", a.years_payable, a.payable_from,
                 a.last_payable_year, a.last_payable_year);
        snprintf(e, sizeof e, "  %d year(s) can still be paid (%d-%d; the last payable year is %d)", a.years_payable,
                 a.payable_from, a.last_payable_year, a.last_payable_year);
    } else {
        snprintf(z, sizeof z, "  已没有可以按年缴费的年份（最后可缴年份%d年）", a.last_payable_year);
        snprintf(e, sizeof e, "  no year can be paid any more (the last payable year is %d)", a.last_payable_year);
    }
    cli_head(stdout, z, e);
    if (a.has_lowest)
        advice_path("最低档", "lowest", a.backpay_years, a.lowest_grade, a.lowest_cost, a.lowest_monthly);
    if (a.has_highest)
        advice_path("最高档", "highest", a.backpay_years, a.highest_grade, a.highest_cost, a.highest_monthly);
    if (!a.has_lowest && !a.has_highest)
        cli_head(stdout, "  没有可用的补缴档次", "  no grade allowed for a back payment");
}

int cli_print_json(int rc, char **text)
{
    if (rc == SHEBAO_OK)
        cli_puts(*text);
    else
        fputs("shebao: out of memory\n", stderr);
    shebao_free(*text);
    return rc == SHEBAO_OK ? EXIT_OK : EXIT_INTERNAL;
}
