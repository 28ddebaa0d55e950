/* The language of the command line (--lang zh|en|both): the default from the environment, the calling thread's
 * choice, and the message catalogues of GNU gettext (docs/internals.md, "Messages and catalogues"). */
#define _GNU_SOURCE /* strerrordesc_np */
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
        fprintf(f, "%s\n%s\n", zh, en);
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
