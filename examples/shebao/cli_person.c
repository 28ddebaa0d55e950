/* A person's fields as text, shared by `project` (options) and `batch` (CSV columns), so that both accept the same
 * values and refuse the others with the same words; and the one parser of each kind of value (a whole number, a
 * month, a sex) that every command uses. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* s is the word w (strcmp(s, w) == 0, inline: the words here are short) */
static bool is_word(const char *s, const char *w)
{
    while (*w && *s == *w)
        s++, w++;
    return *s == *w;
}

bool cli_parse_month_to(const char *s, int last, int *y, int *m)
{
    /* the library's forgiving reading of a month ("2024-03", "2024/3", "2024.3", "2024年3月", full-width; years
     * SHEBAO_YEAR_MIN..SHEBAO_YEAR_MAX), then the caller's last year */
    int yy, mm;
    if (shebao_month_parse_loose(s, &yy, &mm) != SHEBAO_OK || yy > last)
        return false;
    *y = yy;
    *m = mm;
    return true;
}

bool cli_parse_month(const char *s, int *y, int *m) { return cli_parse_month_to(s, SHEBAO_BIRTH_YEAR_MAX, y, m); }

bool cli_parse_whole(const char *s, size_t n, long long lo, long long hi, long long *out)
{
    size_t i = 0;
    while (i < n && s[i] == '0')
        i++;
    if (n == 0 || n - i > 18) /* (eighteen significant digits cannot overflow, and more exceed hi) */
        return false;
    long long v = 0;
    for (; i < n; i++) {
        if (!is_digit(s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    if (v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool cli_parse_int(const char *s, int lo, int hi, int *out)
{
    long long v;
    if (!cli_parse_whole(s, strlen(s), lo, hi, &v))
        return false;
    *out = (int)v;
    return true;
}

bool cli_parse_sex(const char *s, shebao_sex *out)
{
    if (is_word(s, "female"))
        *out = SHEBAO_SEX_FEMALE;
    else if (is_word(s, "male"))
        *out = SHEBAO_SEX_MALE;
    else
        return false;
    return true;
}

const char *cli_parse_backpay(shebao_ctx *ctx, const char *v, int *years, shebao_fen *grade)
{
    const char *colon = strchr(v, ':');
    if (!colon || colon == v)
        return cli_tr("expected N:GRADE (e.g. 5:1000)");
    long long n;
    if (!cli_parse_whole(v, (size_t)(colon - v), 1, 100, &n)) /* N read in place, whole */
        return cli_tr("N must be a whole number of years 1-100");
    *years = (int)n;
    char plain[48];
    if (cli_thousands(colon + 1, plain, sizeof plain)) {
        const char *one = cli_pick("GRADE 不要千位分隔符（写 5:2000，不写 5:2,000）",
                                   "no thousands separator in GRADE (5:2000, not 5:2,000)");
        return one ? one : "GRADE 不要千位分隔符 no thousands separator in GRADE (5:2000, not 5:2,000)";
    }
    if (shebao_money_parse(ctx, colon + 1, grade) != SHEBAO_OK || *grade <= 0)
        return cli_tr("GRADE must be a positive amount");
    return NULL;
}

int cli_check_collective(shebao_ctx *ctx, const cli_opt *o, const char *v, void *dest)
{
    (void)o;
    shebao_fen *out = dest;
    int rc = shebao_money_parse(ctx, v, out);
    if (rc != SHEBAO_OK || *out < 0) {
        cli_err("--collective: %s", rc != SHEBAO_OK ? shebao_ctx_errmsg(ctx) : cli_tr("must not be negative"));
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

int cli_person_fields(shebao_ctx *ctx, const cli_person_text *t, shebao_person *pe, shebao_segment *room,
                      size_t nroom, shebao_segment **plan, char *err, size_t esize)
{
    *plan = NULL;
    if (!cli_parse_month(t->birth, &pe->birth_year, &pe->birth_month)) {
        snprintf(err, esize, cli_tr("birth '%.40s': expected YYYY-MM (year 1900-2150, month 01-12)"), t->birth);
        return SHEBAO_EINPUT;
    }
    if (!*t->sex) {
        pe->sex = SHEBAO_SEX_MALE;
    } else if (!cli_parse_sex(t->sex, &pe->sex)) {
        snprintf(err, esize, cli_tr("sex '%.40s': must be male or female (empty: male)"), t->sex);
        return SHEBAO_EINPUT;
    }
    if (!*t->daijiao || is_word(t->daijiao, "no")) {
        pe->daijiao = 0;
    } else if (is_word(t->daijiao, "yes")) {
        pe->daijiao = 1;
    } else {
        snprintf(err, esize, cli_tr("daijiao '%.40s': must be yes or no (empty: no)"), t->daijiao);
        return SHEBAO_EINPUT;
    }
    pe->collective = 0;
    if (*t->collective) {
        char plain[48];
        if (cli_thousands(t->collective, plain, sizeof plain)) {
            char say[200];
            snprintf(err, esize, "collective '%.40s': %s", t->collective,
                     cli_say(say, sizeof say, "no thousands separator: write %s", plain));
            return SHEBAO_EINPUT;
        }
        int rc = shebao_money_parse(ctx, t->collective, &pe->collective);
        if (rc != SHEBAO_OK || pe->collective < 0) {
            snprintf(err, esize, cli_tr("collective: %s"), rc != SHEBAO_OK ? shebao_ctx_errmsg(ctx) : cli_tr("must not be negative"));
            return SHEBAO_EINPUT;
        }
    }
    pe->backpay_years = 0;
    pe->backpay_grade = 0;
    if (*t->backpay) {
        const char *why = cli_parse_backpay(ctx, t->backpay, &pe->backpay_years, &pe->backpay_grade);
        if (why) {
            snprintf(err, esize, cli_tr("backpay '%.40s': %s"), t->backpay, why);
            return SHEBAO_EINPUT;
        }
    }
    pe->plan = NULL;
    pe->plan_count = 0;
    if (*t->plan) {
        shebao_segment *seg = room;
        size_t n = 0;
        int rc = shebao_plan_parse_into(ctx, t->plan, room, nroom, &n);
        if (rc == SHEBAO_EUSAGE && n > nroom) { /* more segments than room: the allocating parser */
            seg = NULL;
            if ((rc = shebao_plan_parse(ctx, t->plan, &seg, &n)) == SHEBAO_OK)
                *plan = seg;
        }
        if (rc != SHEBAO_OK) {
            snprintf(err, esize, "%s", shebao_ctx_errmsg(ctx));
            return rc;
        }
        pe->plan = seg;
        pe->plan_count = n;
    } else if (pe->backpay_years == 0) {
        snprintf(err, esize, cli_tr("plan: empty (give a plan, a back payment, or both)"));
        return SHEBAO_EINPUT;
    }
    return SHEBAO_OK;
}

int cli_check_person_plan(const char *cmd, const char *file, const char *region, const char *out_opt,
                          const char *out, bool birth, bool start)
{
    if (file && region)
        return cli_usage("give --region or --policy, not both");
    struct stat pst; /* the output must not overwrite the policy it comes from */
    if (out && file && stat(file, &pst) == 0 && cli_is_file(out, &pst))
        return cli_usage("%s %s is the same file as --policy %s", out_opt, out, file);
    if (!birth)
        return cli_usage("%s needs --birth YYYY-MM", cmd);
    if (!start)
        return cli_usage("%s needs --start YYYY (the first contribution year)", cmd);
    return EXIT_OK;
}
