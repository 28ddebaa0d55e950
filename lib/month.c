/* Calendar months "YYYY-MM" as a single integer. */
#include <stdio.h>

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

void sb_month_format(sb_month m, char *buf, size_t size)
{
    snprintf(buf, size, "%04d-%02d", SB_MONTH_YEAR(m), SB_MONTH_MON(m));
}
