/* Calendar months: "YYYY-MM" as a single integer, the only parser and formatter of the text (the library's and,
 * through shebao_month_parse() and shebao_month_format(), the command line's); and the forgiving reading of what
 * people type ("2024/3", "2024年3月"), shebao_month_parse_loose(). */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool sb_month_parse(const char *s, sb_month *out)
{
    if (!s)
        return false;
    for (int i = 0; i < 7; i++) {
        if (i == 4 ? s[i] != '-' : !is_digit(s[i]))
            return false;
    }
    if (s[7] != '\0')
        return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    if (y < SB_YEAR_MIN || y > SB_YEAR_MAX || m < 1 || m > 12)
        return false;
    *out = SB_MONTH_MAKE(y, m);
    return true;
}

int sb_month_check_birth(shebao_ctx *ctx, int year, int month)
{
    if (month < 1 || month > 12 || year < SB_YEAR_MIN || year > SB_BIRTH_YEAR_MAX)
        return sb_fail(ctx, SHEBAO_EINPUT, "birth %04d-%02d: not a valid month (year %d-%d, month 01-12)", year,
                       month, SB_YEAR_MIN, SB_BIRTH_YEAR_MAX);
    return SHEBAO_OK;
}

void sb_month_format(sb_month m, char *buf, size_t size)
{
    if (size >= 8 && m >= 0 && m < 10000 * 12) {
        /* hot in batch runs: no printf; unsigned arithmetic and two digits at a time */
        static const char pairs[201] = "0001020304050607080910111213141516171819202122232425262728293031323334353637383940"
                                       "4142434445464748495051525354555657585960616263646566676869707172737475767778798081"
                                       "828384858687888990919293949596979899";
        unsigned u = (unsigned)m, y = u / 12, mo = u - y * 12 + 1, hi = y / 100, lo = y - hi * 100;
        memcpy(buf, pairs + 2 * hi, 2);
        memcpy(buf + 2, pairs + 2 * lo, 2);
        buf[4] = '-';
        memcpy(buf + 5, pairs + 2 * mo, 2);
        buf[7] = '\0';
        return;
    }
    int y = SB_MONTH_YEAR(m), mo = SB_MONTH_MON(m);
    if (size < 8 || y < 0 || y > 9999) {
        snprintf(buf, size, "%04d-%02d", y, mo);
        return;
    }
    /* (a month just before year 0: the digits as they come) */
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + mo / 10);
    buf[6] = (char)('0' + mo % 10);
    buf[7] = '\0';
}

int shebao_month_parse(const char *s, int *year, int *month)
{
    if (!year || !month)
        return SHEBAO_EUSAGE;
    sb_month m;
    if (!sb_month_parse(s, &m))
        return SHEBAO_EINPUT;
    *year = SB_MONTH_YEAR(m);
    *month = SB_MONTH_MON(m);
    return SHEBAO_OK;
}

/* The n digits at s as a number, or -1 when one of them is not a digit. */
static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int shebao_month_parse_loose(const char *s, int *year, int *month)
{
    if (!year || !month)
        return SHEBAO_EUSAGE;
    char t[32];
    if (!s || strlen(s) >= sizeof t || shebao_text_normalise(s, t, sizeof t) != SHEBAO_OK)
        return SHEBAO_EINPUT;
    /* four digits of the year, a separator ('-', '/', '.' or 年), one or two digits of the month, then nothing or,
     * after 年 only, 月 */
    static const char nian[] = "\xE5\xB9\xB4", yue[] = "\xE6\x9C\x88"; /* 年 U+5E74, 月 U+6708 */
    size_t at = 4;
    bool zh = false;
    if (strlen(t) < 6) /* (the shortest: "2024-3") */
        return SHEBAO_EINPUT;
    if (t[4] == '-' || t[4] == '/' || t[4] == '.') {
        at = 5;
    } else if (strncmp(t + 4, nian, 3) == 0) {
        at = 7;
        zh = true;
    } else {
        return SHEBAO_EINPUT;
    }
    size_t nm = is_digit(t[at]) && is_digit(t[at + 1]) ? 2 : 1;
    const char *rest = t + at + nm;
    if (zh && strcmp(rest, yue) == 0)
        rest += 3;
    int y = digits(t, 4), m = digits(t + at, nm);
    if (*rest || y < SB_YEAR_MIN || y > SB_YEAR_MAX || m < 1 || m > 12)
        return SHEBAO_EINPUT;
    *year = y;
    *month = m;
    return SHEBAO_OK;
}

int shebao_month_format(int year, int month, char *buf, size_t size)
{
    if (!buf || size < SHEBAO_MONTH_BUFSZ) {
        if (buf && size)
            buf[0] = '\0';
        return SHEBAO_EUSAGE;
    }
    if (year < SB_YEAR_MIN || year > SB_YEAR_MAX || month < 1 || month > 12) {
        buf[0] = '\0';
        return SHEBAO_EINPUT;
    }
    sb_month_format(SB_MONTH_MAKE(year, month), buf, size);
    return SHEBAO_OK;
}
