/* Plain words for the values of the text tables (cli_words.h): percentages, ages, durations, money with 元, and the
 * 说明 under a table. Pure text: the figures are the library's, only their form changes. */
#include <string.h>

#include "cli_words.h"

cli_lang cli_lang_from(const char *word)
{
    if (word && strcmp(word, "zh") == 0)
        return CLI_LANG_ZH;
    if (word && strcmp(word, "en") == 0)
        return CLI_LANG_EN;
    if (word && strcmp(word, "both") == 0)
        return CLI_LANG_BOTH;
    return cli_lang_get();
}

bool cli_lang_zh(cli_lang l)
{
    return l != CLI_LANG_EN;
}

bool cli_lang_en(cli_lang l)
{
    return l != CLI_LANG_ZH;
}

/* A plain decimal [-][digits][.digits] (at least one digit; digits after a point): its sign and the spans of its
 * whole and fraction digits. false for anything else, or a text too long to be a rate. */
typedef struct dec_text {
    bool neg;
    const char *whole, *frac;
    size_t nwhole, nfrac;
} dec_text;

static bool dec_split(const char *s, dec_text *d)
{
    if (!s || strlen(s) > 30)
        return false;
    d->neg = *s == '-';
    s += d->neg;
    d->whole = s;
    d->nwhole = strspn(s, "0123456789");
    s += d->nwhole;
    d->frac = "";
    d->nfrac = 0;
    if (*s == '.') {
        d->frac = s + 1;
        d->nfrac = strspn(d->frac, "0123456789");
        if (!d->nfrac)
            return false;
        s = d->frac + d->nfrac;
    }
    return *s == '\0' && d->nwhole + d->nfrac > 0;
}

const char *cli_rate(const char *decimal, char buf[CLI_WORD_BUFSZ])
{
    dec_text d;
    if (!dec_split(decimal, &d))
        return CLI_NONE;
    /* the digits of 100 × the value: the whole digits, then two from the fraction (0 when it has fewer) */
    char whole[40];
    size_t n = 0;
    for (size_t i = 0; i < d.nwhole; i++)
        whole[n++] = d.whole[i];
    for (size_t i = 0; i < 2; i++)
        whole[n++] = i < d.nfrac ? d.frac[i] : '0';
    whole[n] = '\0';
    const char *w = whole;
    while (w[0] == '0' && w[1] != '\0')
        w++;
    const char *rest = d.nfrac > 2 ? d.frac + 2 : "";
    int nrest = (int)strlen(rest);
    while (nrest > 0 && rest[nrest - 1] == '0') /* zeros at the end say nothing: "0.0150" is 1.5% */
        nrest--;
    snprintf(buf, CLI_WORD_BUFSZ, "%s%s%s%.*s%%", d.neg ? "-" : "", w, nrest ? "." : "", nrest, rest);
    return buf;
}

const char *cli_rate2(const char *decimal, char buf[CLI_WORD_BUFSZ])
{
    dec_text d;
    if (!dec_split(decimal, &d) || d.nwhole > 12)
        return CLI_NONE;
    /* N = the value in units of 0.0001 (0.01 of a percent), cut after the 4th decimal; then half up: the 5th
     * decimal 5 or more adds one (the digits after it can only make the value larger, never smaller) */
    long long units = 0;
    for (size_t i = 0; i < d.nwhole; i++)
        units = units * 10 + (d.whole[i] - '0');
    for (size_t i = 0; i < 4; i++)
        units = units * 10 + (i < d.nfrac ? d.frac[i] - '0' : 0);
    if (d.nfrac > 4 && d.frac[4] >= '5')
        units++;
    snprintf(buf, CLI_WORD_BUFSZ, "%s%lld.%02lld%%", d.neg && units ? "-" : "", units / 100, units % 100);
    return buf;
}

const char *cli_age(int months, cli_lang l, char buf[CLI_WORD_BUFSZ])
{
    if (months < 0)
        return CLI_NONE;
    int y = months / 12, m = months % 12;
    bool en = l == CLI_LANG_EN;
    if (m)
        snprintf(buf, CLI_WORD_BUFSZ, en ? "%d y %d m" : "%d岁%d个月", y, m);
    else
        snprintf(buf, CLI_WORD_BUFSZ, en ? "%d y" : "%d岁", y);
    return buf;
}

const char *cli_duration(int months, cli_lang l, char buf[CLI_WORD_BUFSZ])
{
    if (months < 0)
        return CLI_NONE;
    int y = months / 12, m = months % 12;
    bool en = l == CLI_LANG_EN;
    if (y && m)
        snprintf(buf, CLI_WORD_BUFSZ, en ? "%d y %d m" : "%d年%d个月", y, m);
    else if (y)
        snprintf(buf, CLI_WORD_BUFSZ, en ? "%d y" : "%d年", y);
    else
        snprintf(buf, CLI_WORD_BUFSZ, en ? "%d m" : "%d个月", m);
    return buf;
}

const char *cli_yuan(shebao_fen f, cli_lang l, char buf[CLI_WORD_BUFSZ])
{
    char a[SHEBAO_MONEY_BUFSZ];
    shebao_money_format(f, a, sizeof a);
    snprintf(buf, CLI_WORD_BUFSZ, l == CLI_LANG_EN ? "%s yuan" : "%s元", a);
    return buf;
}

const char *cli_policy_display(const shebao_policy *p)
{
    const char *zh = shebao_policy_name_zh(p);
    return zh ? zh : shebao_policy_id(p);
}

/* The half of the policy's name ("中文 / English") in the language (zh: before " / ", en: after it) as *s and *n;
 * false when the name has no " / ". */
static bool name_half(const shebao_policy *p, bool en, const char **s, int *n)
{
    const char *name = shebao_policy_name(p), *slash = name ? strstr(name, " / ") : NULL;
    if (!slash)
        return false;
    *s = en ? slash + 3 : name;
    *n = en ? (int)strlen(slash + 3) : (int)(slash - name);
    return true;
}

const char *cli_policy_name(const shebao_policy *p, cli_lang l, char *buf, size_t size)
{
    const char *name = shebao_policy_name(p), *half;
    int n;
    if (!name || !*name)
        snprintf(buf, size, "%s", cli_policy_display(p));
    else if (l != CLI_LANG_BOTH && name_half(p, l == CLI_LANG_EN, &half, &n))
        snprintf(buf, size, "%.*s", n, half);
    else
        snprintf(buf, size, "%s", name);
    return buf;
}

const char *cli_policy_label(const shebao_policy *p, cli_lang l, char *buf, size_t size)
{
    const char *half;
    int n;
    if (l != CLI_LANG_EN)
        return cli_policy_display(p);
    if (name_half(p, true, &half, &n) && n > 0)
        snprintf(buf, size, "%.*s", n, half);
    else
        snprintf(buf, size, "%s", shebao_policy_id(p));
    return buf;
}

void cli_policy_title(FILE *f, const shebao_policy *p, cli_lang l)
{
    char name[256];
    fprintf(f, "%s %s (%s)\n", l == CLI_LANG_ZH ? "政策" : l == CLI_LANG_EN ? "policy" : "政策 policy",
            cli_policy_label(p, l, name, sizeof name), shebao_policy_lineage(p));
}

/* ---- 说明 -------------------------------------------------------------------------------------------------------
 * The words agree with docs/glossary.zh.md (one section per term). The discount rate as a
 * percentage; a text that needs it holds one %s, replaced when printed (note_line). */
typedef struct term_text {
    bool life_table; /* needs the life table: left out under --mortality none */
    const char *zh, *en;
} term_text;

static const term_text terms_text[] = {
    [CLI_TERM_BREAKEVEN] = {false,
        "回本：领到的养老金累计第一次达到个人共缴的钱的时候；不算利息和物价，也不管能不能活到那时。",
        "break-even: when the pension received first adds up to what the person paid; no interest, no prices, and "
        "whether the person lives that long is not considered."},
    [CLI_TERM_RECOUP] = {false,
        "回本（两种缴法相比）：每月多领的钱累计达到多缴的钱，要领多久；不算利息。",
        "recoup: how long the extra pension takes to add up to the extra paid; no interest."},
    [CLI_TERM_PER_10000] = {false,
        "每万元月领：个人每缴1万元，每月领多少元；月养老金里有人人都有的基础养老金，所以低档反而高。",
        "per 10000: the monthly pension per 10,000 yuan paid; it includes the base pension everyone gets, so the "
        "lower grades show more."},
    [CLI_TERM_EPV] = {true,
        "待遇精算现值（现值）：将来每月的养老金按活到那个月的概率打折、按年率%s折现到开始领取时，全部加起来；寿命按"
        "中国人身保险业经验生命表（2010–2013）养老金业务表。",
        "EPV: each future month's pension weighted by the chance of being alive then and discounted at %s a year "
        "to the claim, all added up; life table CL2010-2013 (pension business)."},
    [CLI_TERM_PV_PAID] = {false,
        "缴费终值：个人缴的钱按年率%s累积到开始领取时的值（每年的缴费按当年1月缴纳计）。",
        "PV of contributions: what the person paid, carried to the claim at %s a year (each year's payment as if "
        "made in January)."},
    [CLI_TERM_RATIO] = {true,
        "价值比：待遇精算现值 ÷ 个人缴费累积到领取时的值（年率%s）；大于1表示预期领回的比缴进去的多；只算个人缴的钱。",
        "ratio (money's worth): the EPV divided by the personal payments carried to the claim at %s a year; above 1, "
        "more is expected back than was paid; personal payments only."},
    [CLI_TERM_IRR] = {true,
        "内部收益率：让个人缴的钱和预期领回的养老金正好相等的年利率，可以和银行存款利率比较；同一张生命表。",
        "IRR: the yearly interest rate at which the personal payments equal the expected pension; compare it with a "
        "bank's rate; same life table."},
    [CLI_TERM_INHERITABLE] = {true,
        "预期可继承：去世时个人账户里剩下的钱可以依法继承；按每个月去世的概率加权、按年率%s折现到领取时的总和；领取后"
        "账户按政策的记账利率计息。",
        "inheritable: the individual account's balance left at death can be inherited; weighted by the chance of "
        "dying each month and discounted at %s a year to the claim; after the claim the account earns the policy's "
        "interest rate."},
    [CLI_TERM_RATE] = {false,
        "利率：个人账户当年的记账利率（年率）；不是官方公布的利率列在最后的非官方数值里。",
        "rate: the account's yearly interest rate of the year; rates that are not official are listed with the "
        "non-official values at the end."},
};

/* "  " and text with its one "%s" (when it has one) replaced by d, then a line end. */
static void note_line(FILE *f, const char *text, const char *d)
{
    const char *at = strstr(text, "%s");
    fputs("  ", f);
    if (at) {
        fwrite(text, 1, (size_t)(at - text), f);
        fputs(d, f);
        text = at + 2;
    }
    fputs(text, f);
    fputc('\n', f);
}

void cli_print_notes(FILE *f, cli_lang l, const cli_notes *n, const cli_term *terms, size_t count)
{
    char rate[CLI_WORD_BUFSZ];
    const char *d = cli_rate(n && n->discount ? n->discount : "0.025", rate);
    bool any = false;
    for (size_t i = 0; i < count; i++) {
        const term_text *t = &terms_text[terms[i]];
        if (t->life_table && n && n->no_life_table)
            continue;
        if (!any)
            fprintf(f, "\n%s\n", l == CLI_LANG_ZH ? "说明" : l == CLI_LANG_EN ? "Notes" : "说明 Notes");
        any = true;
        if (cli_lang_zh(l))
            note_line(f, t->zh, d);
        if (cli_lang_en(l))
            note_line(f, t->en, d);
    }
}

/* ---- the words of a non-official value ------------------------------------------------------------------------ */

const char *cli_status(shebao_status s, cli_lang l)
{
    static const char *const zh[] = {"官方", "二手资料", "回忆未核实", "推断", "假设", "无来源"};
    if (l == CLI_LANG_ZH && (unsigned)s < sizeof zh / sizeof zh[0])
        return zh[s];
    return shebao_status_name(s);
}

/* The texts the library writes for a value or a run assumption (lib/policy_*.c, sb_prov_add_run, sb_ltc_assume)
 * and their Chinese. In a pattern, '*' stands for a piece of the text up to the pattern's next literal (to the end
 * when last); in the Chinese, %1 to %3 are those pieces. The first pattern that matches the whole text wins: the
 * longer forms come first. */
typedef struct value_words {
    const char *en, *zh;
} value_words;

static const value_words values_zh[] = {
    {"grade *: subsidy * (daijiao)", "档次 %1：补贴 %2（代缴）"},
    {"grade *: subsidy *", "档次 %1：补贴 %2"},
    {"years *-*: * of the base pension per year", "第%1-%2年：每年加基础养老金的 %3 倍"},
    {"years *+: * of the base pension per year", "第%1年起：每年加基础养老金的 %2 倍"},
    {"years *-*: * per year", "第%1-%2年：每年 %3元"},
    {"years *+: * per year", "第%1年起：每年 %2元"},
    {"age *+: +*", "%1岁及以上：加 %2元"},
    {"age *: *", "%1岁：%2"},
    {"level * from *", "%2分起为 %1 级"},
    {"rows *", "组合表 %1"},
    {"*-* per month", "每月 %1-%2元"},
    {"true", "是"},
    {"false", "否"},
    {"not given", "未提供"},
    {"whole month", "整月"},
    {"every beneficiary", "每位受益人"},
    {"0.6-3 x the average wage of the year before", "上年平均工资的 0.6-3 倍"},
    {"run option", "运行选项"},
    {"run option (default 0: carried forward)", "运行选项（默认 0：保持不变）"},
    {"run option (default *): the average wage after the policy's last year",
     "运行选项（默认 %1）：政策所列最后一年之后平均工资的年增长"},
    {"run option (default *)", "运行选项（默认 %1）"},
    {"the national 60%-300% band after the policy's last band, without a lagged floor",
     "政策所列最后一年之后按全国 60%-300% 的缴费范围，不设滞后的下限"},
    {"the projected average wage of the year before the retirement ÷ 12", "退休前一年的预计平均工资 ÷ 12"},
    {"not given: assumed to meet min_disability_months *", "未提供：假定失能已满 %1 个月（min_disability_months）"},
    {"not given: assumed to meet waiting_months *", "未提供：假定已连续参保 %1 个月（waiting_months）"},
    {"not given: care on every day of the month", "未提供：按当月每天都有护理计"},
    {"assumed to meet min_disability_months and waiting_months in every month",
     "假定每个月都满足失能时长（min_disability_months）和等待期（waiting_months）"},
    {"every beneficiary is cared for every day", "每位受益人每天都有护理"},
};

/* Whether s is the whole of pattern pat; the pieces '*' stood for, at most 3, into at[] and len[]. */
static bool match_words(const char *pat, const char *s, const char *at[3], size_t len[3])
{
    int k = 0;
    while (*pat) {
        if (*pat != '*') {
            if (*pat++ != *s++)
                return false;
            continue;
        }
        if (k == 3 || !*s) /* (a piece is never empty) */
            return false;
        pat++;
        const char *lit = pat, *star = strchr(pat, '*');
        size_t n = star ? (size_t)(star - lit) : strlen(lit);
        const char *end = NULL;
        if (n == 0)
            end = s + strlen(s);
        else /* the first place the literal after the piece follows */
            for (const char *p = s + 1; *p && !end; p++)
                if (strncmp(p, lit, n) == 0)
                    end = p;
        if (!end || end == s)
            return false;
        at[k] = s, len[k] = (size_t)(end - s), k++;
        s = end;
    }
    return *s == '\0';
}

const char *cli_value_words(const char *text, cli_lang l, char *buf, size_t size)
{
    if (l != CLI_LANG_ZH || !text)
        return text;
    for (size_t i = 0; i < sizeof values_zh / sizeof values_zh[0]; i++) {
        const char *at[3];
        size_t len[3];
        if (!match_words(values_zh[i].en, text, at, len))
            continue;
        size_t n = 0;
        for (const char *z = values_zh[i].zh; *z && n + 1 < size; z++) {
            if (z[0] == '%' && z[1] >= '1' && z[1] <= '3') {
                size_t k = (size_t)(z[1] - '1'), m = len[k] < size - 1 - n ? len[k] : size - 1 - n;
                memcpy(buf + n, at[k], m);
                n += m;
                z++;
            } else {
                buf[n++] = *z;
            }
        }
        buf[n] = '\0';
        return buf;
    }
    return text;
}
