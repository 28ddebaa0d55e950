/* Internal: long-term care (ltc_*.c). Not installed. */
#ifndef SHEBAO_LTC_INTERNAL_H
#define SHEBAO_LTC_INTERNAL_H

#include "internal.h"
#include "provenance.h"

struct shebao_ltc_assumptions {
    sb_prov_used used; /* policy parameters used by the computation in progress (always on) */
    sb_prov_list run;  /* the computation's own defaults, in order */
    sb_prov_list list; /* the finished list: non-official policy values in policy order, then the run's */
};

/* The recorder of a list of assumptions that may be NULL (nothing is recorded): for sb_prov_use(). */
static inline sb_prov_used *sb_ltc_used(shebao_ltc_assumptions *a) { return a ? &a->used : NULL; }

/* Start a computation: empty the list (a may be NULL: nothing is recorded). */
void sb_ltc_assumptions_reset(shebao_ltc_assumptions *a);
/* Record one of the computation's own defaults (path "run.…", status assumption), once per path. */
int sb_ltc_assume(shebao_ltc_assumptions *a, const char *path, const char *value, const char *why);
/* End of a computation: on success build the list; on failure empty it again, turn ENOMEM into a message;
 * returns rc. */
int sb_ltc_done(shebao_ctx *ctx, shebao_ltc_assumptions *a, const shebao_policy *P, int rc);

/* Days in a month. */
int sb_ltc_days_in_month(sb_month m);
/* The month from (year, month), SHEBAO_EINPUT naming `what` if invalid. */
int sb_ltc_month(shebao_ctx *ctx, int year, int month, const char *what, sb_month *out);
/* The section, or SHEBAO_EPOLICY naming the missing part ("assessment", "eligibility", "benefits", "funding"). */
int sb_ltc_section(shebao_ctx *ctx, const shebao_policy *P, const char *part, const sb_ltc **out);
/* The benefit rules in force in month m (SHEBAO_EINPUT when none). */
int sb_ltc_benefits_at(shebao_ctx *ctx, const shebao_policy *P, sb_month m, const sb_ltc_benefits **out);

/* R(fen × a × b × mul / div) in a named mode: the exact product rounded once. */
int sb_ltc_round(shebao_ctx *ctx, int64_t fen, sb_dec a, sb_dec b, int64_t mul, int64_t div, shebao_rounding mode,
                 int64_t *out);

/* The payment rule of one mode for one grade and month (ltc_benefit.c). The caller has checked eligibility
 * and the inputs the mode needs (cost ≥ 0 for institution modes; hours and price for home_visit). Fills
 * out->cost, fund_pays, self_pays, binding, limits; records the parameters used. */
int sb_ltc_pay(shebao_ctx *ctx, const sb_ltc_benefits *be, int grade, shebao_ltc_mode mode, int days_in_month,
               int eligible_days, int64_t cost, const sb_dec *hours, int64_t price, shebao_ltc_benefit *out,
               shebao_ltc_assumptions *assumptions);

#endif
