/* What the teaching programs share (common.h). */
#include "common.h"

#include <stdio.h>

const char *yuan(shebao_fen f, char buf[SHEBAO_MONEY_BUFSZ])
{
    shebao_money_format(f, buf, SHEBAO_MONEY_BUFSZ);
    return buf;
}

int ex_open(const char *policy_id, shebao_ctx **ctx, shebao_policy **pol)
{
    *pol = NULL;
    if (shebao_ctx_new(ctx) != SHEBAO_OK)
        return 1;
    if (policy_id && shebao_policy_load_embedded(*ctx, policy_id, pol) != SHEBAO_OK)
        return 1;
    return 0;
}

shebao_person ex_person(int birth_year, int birth_month)
{
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = birth_year;
    pe.birth_month = birth_month;
    return pe;
}

shebao_compare_options ex_compare_options(int start_year, const int *years, size_t years_count)
{
    shebao_compare_options opt = SHEBAO_COMPARE_OPTIONS_INIT;
    opt.start_year = start_year;
    opt.years = years;
    opt.years_count = years_count;
    return opt;
}

int ex_close(const char *prog, int status, shebao_ctx *ctx, shebao_policy *pol, shebao_comparison *c)
{
    if (status && ctx && *shebao_ctx_errmsg(ctx))
        fprintf(stderr, "%s: %s\n", prog, shebao_ctx_errmsg(ctx));
    shebao_comparison_free(c);
    shebao_policy_free(pol);
    shebao_ctx_free(ctx);
    return status;
}
