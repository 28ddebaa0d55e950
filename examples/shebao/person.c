/* A person's fields as text, shared by `project` (options) and `batch` (CSV columns), so that both accept the same
 * values and refuse the others with the same words. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

bool cli_parse_month(const char *s, int *y, int *m)
{
    if (strlen(s) != 7 || s[4] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (s[i] < '0' || s[i] > '9'))
            return false;
    *y = atoi(s);
    *m = atoi(s + 5);
    return *y >= 1900 && *y <= 2150 && *m >= 1 && *m <= 12;
}

bool cli_parse_int(const char *s, int lo, int hi, int *out)
{
    if (!*s || strlen(s) > 9)
        return false;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    long v = strtol(s, NULL, 10);
    if (v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

const char *cli_parse_backpay(shebao_ctx *ctx, const char *v, int *years, shebao_fen *grade)
{
    const char *colon = strchr(v, ':');
    char nbuf[16];
    size_t nlen = colon ? (size_t)(colon - v) : 0;
    if (!colon || nlen == 0 || nlen >= sizeof nbuf)
        return "expected N:GRADE (e.g. 5:1000)";
    memcpy(nbuf, v, nlen);
    nbuf[nlen] = '\0';
    if (!cli_parse_int(nbuf, 1, 100, years))
        return "N must be a whole number of years 1-100";
    if (shebao_money_parse(ctx, colon + 1, grade) != SHEBAO_OK || *grade <= 0)
        return "GRADE must be a positive amount";
    return NULL;
}

int cli_person_fields(shebao_ctx *ctx, const cli_person_text *t, shebao_person *pe, shebao_segment **plan,
                      char *err, size_t esize)
{
    *plan = NULL;
    if (!cli_parse_month(t->birth, &pe->birth_year, &pe->birth_month)) {
        snprintf(err, esize, "birth '%.40s': expected YYYY-MM (year 1900-2150, month 01-12)", t->birth);
        return SHEBAO_EINPUT;
    }
    if (strcmp(t->sex, "female") == 0) {
        pe->sex = SHEBAO_SEX_FEMALE;
    } else if (!*t->sex || strcmp(t->sex, "male") == 0) {
        pe->sex = SHEBAO_SEX_MALE;
    } else {
        snprintf(err, esize, "sex '%.40s': must be male or female (empty: male)", t->sex);
        return SHEBAO_EINPUT;
    }
    pe->collective = 0;
    if (*t->collective) {
        int rc = shebao_money_parse(ctx, t->collective, &pe->collective);
        if (rc != SHEBAO_OK || pe->collective < 0) {
            snprintf(err, esize, "collective: %s", rc != SHEBAO_OK ? shebao_ctx_errmsg(ctx) : "must not be negative");
            return SHEBAO_EINPUT;
        }
    }
    pe->backpay_years = 0;
    pe->backpay_grade = 0;
    if (*t->backpay) {
        const char *why = cli_parse_backpay(ctx, t->backpay, &pe->backpay_years, &pe->backpay_grade);
        if (why) {
            snprintf(err, esize, "backpay '%.40s': %s", t->backpay, why);
            return SHEBAO_EINPUT;
        }
    }
    pe->plan = NULL;
    pe->plan_count = 0;
    if (*t->plan) {
        shebao_segment *seg = NULL;
        size_t n = 0;
        int rc = shebao_plan_parse(ctx, t->plan, &seg, &n);
        if (rc != SHEBAO_OK) {
            snprintf(err, esize, "%s", shebao_ctx_errmsg(ctx));
            return rc;
        }
        pe->plan = seg;
        pe->plan_count = n;
        *plan = seg;
    } else if (pe->backpay_years == 0) {
        snprintf(err, esize, "plan: empty (give a plan, a back payment, or both)");
        return SHEBAO_EINPUT;
    }
    return SHEBAO_OK;
}
