/* The language of the command line (--lang zh|en|both): the default from the environment, the calling thread's
 * choice, and the message catalogues of GNU gettext (docs/internals.md, "Messages and catalogues"). */
#include <libintl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef SHEBAO_LOCALEDIR
#define SHEBAO_LOCALEDIR "/usr/local/share/locale"
#endif

/* The process's default, set once by cli_lang_init before any thread starts, read-only afterwards. */
static cli_lang process_lang = CLI_LANG_BOTH;
/* The calling thread's choice (--lang), or -1: the process's default. */
static _Thread_local int thread_lang = -1;

cli_lang cli_lang_from_env(const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *v = lc_all && *lc_all ? lc_all : lc_messages && *lc_messages ? lc_messages : lang;
    if (v && strncmp(v, "zh", 2) == 0)
        return CLI_LANG_ZH;
    if (v && strncmp(v, "en", 2) == 0)
        return CLI_LANG_EN;
    return CLI_LANG_BOTH;
}

bool cli_lang_from_name(const char *name, cli_lang *out)
{
    static const char *const names[] = {[CLI_LANG_BOTH] = "both", [CLI_LANG_ZH] = "zh", [CLI_LANG_EN] = "en"};
    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (cli_lang)i;
            return true;
        }
    return false;
}

/* The folder "locale" next to the running executable (the build tree: build/shebao, build/locale), when it holds
 * the CLI's catalogue; else the installed one. */
static const char *locale_dir(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n > 0) {
        buf[n] = '\0';
        char *slash = strrchr(buf, '/');
        struct stat st;
        if (slash && (size_t)(slash - buf) + sizeof "/locale/zh_CN/LC_MESSAGES/shebao.mo" < size) {
            strcpy(slash, "/locale/zh_CN/LC_MESSAGES/shebao.mo");
            if (stat(buf, &st) == 0) {
                strcpy(slash, "/locale");
                return buf;
            }
        }
    }
    return SHEBAO_LOCALEDIR;
}

void cli_lang_init(void)
{
    process_lang = cli_lang_from_env(getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
    /* Chinese is looked up only when a thread asks for it (cli_tr), whatever the environment: LANGUAGE names
     * zh_CN, and LC_MESSAGES is set to a locale other than "C" (glibc ignores LANGUAGE under "C") which exists on
     * every glibc system, C.UTF-8; a machine without the zh_CN locale still finds the catalogue. Only LC_MESSAGES
     * changes: numbers print as before. The C library's own messages are taken in English outside zh mode
     * (cli_strerror). */
    if (setlocale(LC_MESSAGES, "C.UTF-8") || setlocale(LC_MESSAGES, "C.utf8"))
        setenv("LANGUAGE", "zh_CN", 1);
    char buf[4096];
    const char *dir = locale_dir(buf, sizeof buf);
    bindtextdomain("shebao", dir);
    bindtextdomain("libshebao", dir);
    /* UTF-8 whatever LC_CTYPE says (it stays "C"); "libc": strerror() in zh (cli_strerror) */
    static const char *const domains[] = {"shebao", "libshebao", "libc"};
    for (size_t i = 0; i < 3; i++)
        bind_textdomain_codeset(domains[i], "UTF-8");
}

cli_lang cli_lang_get(void) { return thread_lang >= 0 ? (cli_lang)thread_lang : process_lang; }

void cli_lang_set(cli_lang l) { thread_lang = (int)l; }

void cli_lang_reset(void) { thread_lang = -1; }

void cli_lang_apply(shebao_ctx *ctx)
{
    shebao_ctx_set_language(ctx, cli_lang_get() == CLI_LANG_ZH ? SHEBAO_LANG_ZH : SHEBAO_LANG_EN);
}

const char *cli_tr(const char *en)
{
    return cli_lang_get() == CLI_LANG_ZH && en && *en ? dgettext("shebao", en) : en;
}

const char *cli_pick(const char *zh, const char *en)
{
    switch (cli_lang_get()) {
    case CLI_LANG_ZH: return zh;
    case CLI_LANG_EN: return en;
    default: return NULL;
    }
}

void cli_head(FILE *f, const char *zh, const char *en)
{
    const char *one = cli_pick(zh, en);
    if (one)
        fprintf(f, "%s\n", one);
    else
        fprintf(f, "%s %s\n", zh, en + strspn(en, "\n ")); /* (a blank line or an indent before: zh's) */
}


const char *cli_strerror(int err)
{
    if (cli_lang_get() == CLI_LANG_ZH)
        return strerror(err);
    const char *d = strerrordesc_np(err);
    return d ? d : "Unknown error";
}

const char *cli_say(char *buf, size_t size, const char *en_fmt, ...)
{
    va_list ap;
    cli_lang l = cli_lang_get();
    size_t n = 0;
    buf[0] = '\0';
    if (l != CLI_LANG_EN) {
        va_start(ap, en_fmt);
        int w = vsnprintf(buf, size, dgettext("shebao", en_fmt), ap);
        va_end(ap);
        n = w < 0 ? 0 : (size_t)w < size ? (size_t)w : size - 1;
    }
    if (l != CLI_LANG_ZH && n + 1 < size) {
        if (n)
            buf[n++] = ' ';
        va_start(ap, en_fmt);
        vsnprintf(buf + n, size - n, en_fmt, ap);
        va_end(ap);
    }
    return buf;
}

/* Whether the UTF-8 sequence at p is a CJK character or full-width form (U+3000-U+9FFF, U+FF00-U+FFEF); its
 * length in *n. */
static bool cjk_at(const unsigned char *p, size_t *n)
{
    if (p[0] < 0xE0 || p[0] >= 0xF0 || !p[1] || !p[2])
        return false;
    unsigned c = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    *n = 3;
    return (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

/* s without its Chinese, into buf: CJK runs and a blank after them dropped; in a parenthesised group, the
 * separators left at its ends too ("(低保, 特困, severe disability)" → "(severe disability)"), and a group left
 * empty or with only "or"/"and" dropped with the blank before it. */
static const char *without_chinese(const char *s, char *buf, size_t size)
{
    size_t n = 0, open = (size_t)-1; /* open: where the current group's '(' is in buf */
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 4 < size;) {
        size_t k;
        if (cjk_at(p, &k)) {
            p += k;
            while (cjk_at(p, &k))
                p += k;
            if (*p == ' ')
                p++;
            continue;
        }
        if (*p == '(')
            open = n;
        if (*p == ')' && open != (size_t)-1) {
            /* trim the group's inside: separators and lone "or"/"and" at either end */
            char *in = buf + open + 1;
            size_t len = n - open - 1;
            for (bool again = true; again;) {
                again = false;
                while (len && strchr(" ,;:", in[0]))
                    memmove(in, in + 1, --len), again = true;
                while (len && strchr(" ,;:", in[len - 1]))
                    len--, again = true;
                if (len >= 3 && strncmp(in, "or ", 3) == 0)
                    memmove(in, in + 3, len -= 3), again = true;
                if (len >= 4 && strncmp(in, "and ", 4) == 0)
                    memmove(in, in + 4, len -= 4), again = true;
                if (len == 2 && strncmp(in, "or", 2) == 0)
                    len = 0;
                if (len == 3 && strncmp(in, "and", 3) == 0)
                    len = 0;
            }
            n = open + 1 + len;
            if (len == 0) {
                n = open;
                if (n && buf[n - 1] == ' ')
                    n--;
                open = (size_t)-1;
                p++;
                continue;
            }
            open = (size_t)-1;
        }
        buf[n++] = (char)*p++;
    }
    while (n && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return buf;
}

const char *cli_text(const char *s, char *buf, size_t size)
{
    switch (cli_lang_get()) {
    case CLI_LANG_ZH: return cli_tr(s);
    case CLI_LANG_EN: return without_chinese(s, buf, size);
    default: return s;
    }
}

bool cli_show_zh(void) { return cli_lang_get() != CLI_LANG_EN; }

bool cli_show_en(void) { return cli_lang_get() != CLI_LANG_ZH; }

const char *cli_pair(char *buf, size_t size, const char *zh, const char *en)
{
    const char *one = cli_pick(zh, en);
    snprintf(buf, size, "%s%s%s", one ? one : zh, one ? "" : " ", one ? "" : en);
    return buf;
}
