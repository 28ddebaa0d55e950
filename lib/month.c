/* Calendar months: "YYYY-MM" as a single integer, the only parser and formatter of the text (the library's and,
 * through shebao_month_parse() and shebao_month_format(), the command line's). */
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
