/* Internal: the projection result (not installed). */
#ifndef SHEBAO_PROJECTION_INTERNAL_H
#define SHEBAO_PROJECTION_INTERNAL_H

#include "inforce.h"
#include "internal.h"
#include "lifetime.h"

typedef struct sb_note {
    char *path, *from, *value, *source, *title, *url;
    shebao_status status;
} sb_note;

struct shebao_projection {
    bool full; /* false: the allocation-free summary run (no ledger rows, provenance, lifetime extras) */
    char *policy_id, *policy_lineage;
    sb_month birth, claim;
    shebao_sex sex;
    char claim_text[8];
    int claim_age_years, claim_age_extra_months;
    bool eligible;
    int contrib_years, backpay_years, years_paid, years_required, years_missing;
    int64_t backpay_grade, backpay_max;
    /* ledger */
    shebao_ledger_row *rows;
    char (*rates)[48];
    size_t nrows;
    /* claim */
    int64_t balance, account, base, central, years_pension, supplement, total, personal, funeral;
    bool have_central, base_carried_forward;
    char base_from[8];
    /* lifetime */
    bool have_breakeven;
    int breakeven_m;
    sb_month breakeven_month;
    bool have_epv, have_irr, have_ratio;
    int64_t epv, pvc, inheritable;
    char ratio[48], irr[48], discount[48], future[48];
    bool future_override_used;
    shebao_mortality mortality;
    /* personal payments (for present values) */
    sb_flow *flows;
    size_t nflows;
    /* provenance: the policy parameters used (on in a full run) */
    sb_used used;
    sb_note *notes;
    size_t nnotes;
    /* explanation */
    bool explain_on;
    sb_buf explain;
};

/* One non-official value as a JSON object {"parameter", "from", "value", "status", "source", "title"}; the shape
 * every result's "assumptions" array uses. Returns a new reference (jansson's json_t). */
struct json_t;
struct json_t *sb_param_json(const shebao_param *q);

/* Record that the projection used policy parameter `param`. */
int sb_proj_use(shebao_projection *p, uint32_t param);


#endif
